// Parses a GIFT file with gift-pegjs (a PEG grammar of Moodle's GIFT format)
// and prints what it read as JSON: [{type, title, stem, format, category,
// feedback, answers: [{text, correct, feedback}]}] (the $CATEGORY lines are
// no questions: each question carries the last one as `category`), or the
// parse error and exit code 1. Run by spec/export_spec.lua and
// spec/quiz_spec.lua.
"use strict";
const fs = require("fs");
const { parse } = require("gift-pegjs");
// gift-pegjs wants some text before an answer; Moodle's importer does not
// (qformat_gift::readquestion takes the text around the first "{" and
// puts "_____" where the answer was), so a cloze whose blank starts the
// sentence, "::T::[plain]{=Comrades}, the question...", imports in Moodle
// as "_____, the question...". The check reads it as Moodle does: a
// placeholder word goes before such an answer for the parser and is
// taken out of the stem after (issue #19).
const START = "LENINLETTERBLANKSTART";
const text = fs.readFileSync(process.argv[2], "utf8")
  .replace(/^(::(?:[^:\\]|\\.|:(?!:))*::)?(\[[a-z]+\])?\{/gm,
    (m, title, format) => (title || "") + (format || "") + START + "{");
const unstart = (s) => s && s.replace(START + " ", "").replace(START, "");
const fb = (f) => (f && f.text !== undefined ? f.text : f || null);
try {
  let category = null;
  const out = [];
  for (const q of parse(text)) {
    if (q.type === "Category") { category = q.title; continue; }
    if (q.type === "Description" && !q.stem) continue;
    out.push({
      type: q.type, title: q.title, stem: q.stem && unstart(q.stem.text), format: q.stem && q.stem.format,
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
