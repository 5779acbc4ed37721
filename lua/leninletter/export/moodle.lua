--- Questions as Moodle XML, for a course's question bank: `export.moodle`.
-- @module leninletter.export.moodle

local C = require "leninletter.export.common"
local check = require("leninletter.export.questions").check
local esc = C.esc
local argerror = C.argerror
local typename = C.typename

local M = {}

-- Text as Moodle's HTML: escaped, line breaks kept.
local function html(s)
  return (esc(s):gsub("\r?\n", "<br>"))
end

-- An element <tag format="html"><text>...</text></tag> holding HTML.
local function textel(tag, h, indent)
  return ("%s<%s format=\"html\"><text>%s</text></%s>"):format(indent, tag, esc(h), tag)
end

-- What the feedback quotes: the question's own, else its source and where
-- it stands.
local feedback = require("leninletter.export.questions").feedback

-- A short answer as Moodle matches it: `*` is its wildcard.
local function literal(s)
  return (s:gsub("%*", "\\*"))
end

--- Questions as Moodle XML (Question bank, Import, Moodle XML format): a
-- `category` question (`$course$/top/` and the question's `category`, or
-- `opts.category`) before each run of questions of one category; then a
-- `multichoice` question (one right answer, shuffled) for a question with
-- choices, a `shortanswer` question (the answer and each of `accept`,
-- case ignored) for a cloze. Each answer's feedback says whether it is
-- right and quotes the source passage and where it stands (the question's
-- `feedback`, else its source), which is also the general feedback;
-- `title` is the question's name, `id` its `idnumber`, `tags` its tags.
-- The exporters' check is run first (see `export.gift`).
-- @tparam {Question,...} questions as the `leninletter.quiz` functions return, or a user's own
-- @tparam[opt] table opts `category` (a category path for every question,
--   `/` between levels)
-- @treturn string the XML text
-- @usage io.open("quiz.xml", "w"):write(export.moodle(quiz.choice(ll.letter())))
function M.moodle(questions, opts)
  check(questions, "moodle")
  opts = C.checkopts(opts, "moodle", { category = true })
  local fixed = opts.category
  if fixed ~= nil and type(fixed) ~= "string" then
    argerror(2, "moodle", ("opts.category must be a string, got %s"):format(typename(fixed)))
  end
  local o = { '<?xml version="1.0" encoding="UTF-8"?>',
    "<!-- leninletter: " .. #questions .. " questions (Moodle: Question bank, Import, Moodle XML format) -->",
    "<quiz>" }
  local function w(s) o[#o + 1] = s end
  local current
  for i, q in ipairs(questions) do
    local cat = fixed or q.category or "leninletter"
    if cat ~= current then
      current = cat
      w('  <question type="category">')
      w("    <category><text>" .. esc("$course$/top/" .. cat) .. "</text></category>")
      w('    <info format="html"><text></text></info>')
      w("  </question>")
    end
    local mc = q.choices and #q.choices > 0
    local fb = feedback(q)
    local fbhtml = fb and html(fb) or ""
    w(('  <question type="%s">'):format(mc and "multichoice" or "shortanswer"))
    local title = q.title or ("Q%d %s"):format(i, q.kind or "question")
    w("    <name><text>" .. esc(title) .. "</text></name>")
    w(textel("questiontext", "<p>" .. html(q.prompt) .. "</p>", "    "))
    w(textel("generalfeedback", fbhtml ~= "" and ("<p>" .. fbhtml .. "</p>") or "", "    "))
    w("    <defaultgrade>1</defaultgrade>")
    w("    <penalty>0.3333333</penalty>")
    w("    <hidden>0</hidden>")
    if q.id then w("    <idnumber>" .. esc(q.id) .. "</idnumber>") end
    local right = "<p>Right. " .. fbhtml .. "</p>"
    if mc then
      w("    <single>true</single>")
      w("    <shuffleanswers>true</shuffleanswers>")
      w("    <answernumbering>abc</answernumbering>")
      w(textel("correctfeedback", "<p>Right.</p>", "    "))
      w(textel("partiallycorrectfeedback", "", "    "))
      w(textel("incorrectfeedback", "<p>Not quite.</p>", "    "))
      for _, c in ipairs(q.choices) do
        local ok = c == q.answer
        w(('    <answer fraction="%d" format="html">'):format(ok and 100 or 0))
        w("      <text>" .. esc(html(c)) .. "</text>")
        w(textel("feedback", ok and right
          or ("<p>No: the answer is “" .. html(q.answer) .. "”. " .. fbhtml .. "</p>"), "      "))
        w("    </answer>")
      end
    else
      w("    <usecase>0</usecase>")
      local answers = { q.answer }
      for _, a in ipairs(q.accept or {}) do answers[#answers + 1] = a end
      local seen = {}
      for _, a in ipairs(answers) do
        if not seen[a] then
          seen[a] = true
          w('    <answer fraction="100" format="moodle_auto_format">')
          w("      <text>" .. esc(literal(a)) .. "</text>")
          w(textel("feedback", right, "      "))
          w("    </answer>")
        end
      end
    end
    if q.tags and #q.tags > 0 then
      w("    <tags>")
      for _, t in ipairs(q.tags) do w("      <tag><text>" .. esc(t) .. "</text></tag>") end
      w("    </tags>")
    end
    w("  </question>")
  end
  w("</quiz>")
  return table.concat(o, "\n") .. "\n"
end

return M
