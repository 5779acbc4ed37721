// Parses a GIFT file with gift-pegjs (a PEG grammar of Moodle's GIFT format)
// and prints what it read as JSON: [{type, title, stem, format, category,
// feedback, answers: [{text, correct, feedback}]}] (the $CATEGORY lines are
// no questions: each question carries the last one as `category`), or the
// parse error and exit code 1. Run by spec/export_spec.lua and
// spec/quiz_spec.lua.
"use strict";
const fs = require("fs");
const { parse } = require("gift-pegjs");
const text = fs.readFileSync(process.argv[2], "utf8");
const fb = (f) => (f && f.text !== undefined ? f.text : f || null);
try {
  let category = null;
  const out = [];
  for (const q of parse(text)) {
    if (q.type === "Category") { category = q.title; continue; }
    if (q.type === "Description" && !q.stem) continue;
    out.push({
      type: q.type, title: q.title, stem: q.stem && q.stem.text, format: q.stem && q.stem.format,
      category, feedback: fb(q.globalFeedback),
      answers: (q.choices || []).map((c) => ({
        text: c.text && c.text.text !== undefined ? c.text.text : c.text, correct: c.isCorrect,
        feedback: fb(c.feedback),
      })),
    });
  }
  process.stdout.write(JSON.stringify(out));
} catch (e) {
  process.stderr.write("GIFT parse error: " + (e.message || e) + (e.location ? " at line " + e.location.start.line + ", column " + e.location.start.column : "") + "\n");
  process.exit(1);
}
