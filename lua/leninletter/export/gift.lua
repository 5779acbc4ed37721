-- Questions in Moodle's GIFT format: `export.gift`, `export.giftescape`.
-- @module leninletter.export.gift
-- @local

local C = require "leninletter.export.common"
local checkquestions = C.checkquestions
local oneline = C.oneline
local sourcename = C.sourcename

local M = {}

--- Escapes text for GIFT: a backslash before each of `~ = # { } :` and
-- the backslash itself.
-- @string s the text
-- @treturn string
-- @usage print(export.giftescape("a=b {c}"))   --> a\=b \{c\}
function M.giftescape(s)
  return (s:gsub("[\\~=#{}:]", "\\%0"))
end
local gesc = M.giftescape

--- Questions in Moodle's GIFT format: each question titled, its text
-- marked `[plain]` (Moodle shows it as written, never as HTML), the
-- answers placed where the blank was (`{=answer}` for a cloze,
-- `{=right ~wrong ~wrong}` for choices), or after a question without a
-- blank. GIFT's special characters are escaped in titles, texts and answers.
-- @tparam {Question,...} questions as the `leninletter.quiz` functions return
-- @treturn string the GIFT text
-- @usage local qs = quiz.cloze(ll.letter(), {count = 10})
-- io.open("quiz.gift", "w"):write(export.gift(qs))
function M.gift(questions)
  checkquestions(questions, "gift")
  local out = { "// leninletter: " .. #questions
    .. " questions (import in Moodle: Question bank, Import, GIFT format)" }
  for i, q in ipairs(questions) do
    local title = ("Q%d %s"):format(i, q.kind or "question")
    local where = sourcename(q.source)
    if where then title = title .. " (" .. where .. ")" end
    local answers
    if q.choices and #q.choices > 0 then
      local a = {}
      for _, c in ipairs(q.choices) do
        a[#a + 1] = (c == q.answer and "=" or "~") .. gesc(oneline(c))
      end
      answers = "{" .. table.concat(a, " ") .. "}"
    else
      answers = "{=" .. gesc(oneline(q.answer)) .. "}"
    end
    local prompt = oneline(q.prompt)
    local a, b = prompt:find("_____", 1, true)
    local body
    if a then
      body = gesc(prompt:sub(1, a - 1)) .. answers .. gesc(prompt:sub(b + 1))
    else
      body = gesc(prompt) .. " " .. answers
    end
    out[#out + 1] = "::" .. gesc(title) .. "::[plain]" .. body
  end
  return table.concat(out, "\n\n") .. "\n"
end

return M
