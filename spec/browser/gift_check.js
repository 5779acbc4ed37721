// Parses a GIFT file with gift-pegjs (a PEG grammar of Moodle's GIFT format)
// and prints what it read as JSON: [{type, title, stem, answers}], or the
// parse error and exit code 1. Run by spec/export_spec.lua.
"use strict";
const fs = require("fs");
const { parse } = require("gift-pegjs");
const text = fs.readFileSync(process.argv[2], "utf8");
try {
  const qs = parse(text);
  const out = qs.filter((q) => q.type !== "Description" || q.stem).map((q) => ({
    type: q.type, title: q.title, stem: q.stem && q.stem.text, format: q.stem && q.stem.format,
    answers: (q.choices || []).map((c) => ({ text: c.text && c.text.text !== undefined ? c.text.text : c.text, correct: c.isCorrect })),
  }));
  process.stdout.write(JSON.stringify(out));
} catch (e) {
  process.stderr.write("GIFT parse error: " + (e.message || e) + (e.location ? " at line " + e.location.start.line + ", column " + e.location.start.column : "") + "\n");
  process.exit(1);
}
