--- Questions in Moodle's GIFT format: `export.gift`, `export.giftescape`.
-- @module leninletter.export.gift

local C = require "leninletter.export.common"
local check = require("leninletter.export.questions").check
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

-- What the feedback quotes: the question's own, else its source and where
-- it stands.
local feedback = require("leninletter.export.questions").feedback

--- Questions in Moodle's GIFT format: a `$CATEGORY:` line (`$course$/top/`
-- and the question's `category`) before each run of questions of one
-- category; each question titled (its `title`, else its number and kind),
-- its text marked `[plain]` (Moodle shows it as written, never as HTML),
-- the answers placed where the blank was (`{=answer =other}` for a cloze,
-- with each of `accept` also right; `{=right ~wrong ~wrong}` for choices),
-- or after a question without a blank. Each answer carries feedback
-- (`#...`: right or not, and the source passage and where it stands, from
-- the question's `feedback` or its `source`), which is also the general
-- feedback (`####...`). GIFT's special characters are escaped in titles,
-- texts, answers and feedback.
--
-- The question exporters (`gift`, `moodle`, `anki`) take the module's
-- questions and a user's own, and refuse with `bad argument #1` a question
-- whose prompt or answer is not a string, whose choices repeat (ignoring
-- case and spacing) or do not hold the answer, or whose cloze prompt has
-- no blank `_____` or more than one.
-- @tparam {Question,...} questions as the `leninletter.quiz` functions return, or a user's own
-- @tparam[opt] table opts none yet: a key given raises, as everywhere
-- @treturn string the GIFT text
-- @usage local qs = quiz.cloze(ll.letter(), {count = 10})
-- io.open("quiz.gift", "w"):write(export.gift(qs))
function M.gift(questions, opts)
  check(questions, "gift")
  C.checkopts(opts, "gift", {})
  local out = { "// leninletter: " .. #questions
    .. " questions (import in Moodle: Question bank, Import, GIFT format)" }
  local current
  for i, q in ipairs(questions) do
    if q.category and q.category ~= current then
      current = q.category
      out[#out + 1] = "$CATEGORY: " .. oneline("$course$/top/" .. q.category)
    end
    local title = q.title
    if not title then
      title = ("Q%d %s"):format(i, q.kind or "question")
      local where = sourcename(q.source)
      if where then title = title .. " (" .. where .. ")" end
    end
    local fb = feedback(q)
    local right = fb and ("#Right. " .. gesc(oneline(fb))) or ""
    local answers
    if q.choices and #q.choices > 0 then
      local a = {}
      for _, c in ipairs(q.choices) do
        if c == q.answer then
          a[#a + 1] = "=" .. gesc(oneline(c)) .. right
        else
          a[#a + 1] = "~" .. gesc(oneline(c))
            .. (fb and ("#" .. gesc("No: the answer is “" .. oneline(q.answer) .. "”. " .. oneline(fb))) or "")
        end
      end
      answers = "{" .. table.concat(a, " ")
    else
      local a, seen = {}, {}
      local all = { q.answer }
      for _, s in ipairs(q.accept or {}) do all[#all + 1] = s end
      for _, s in ipairs(all) do
        if not seen[s] then
          seen[s] = true
          a[#a + 1] = "=" .. gesc(oneline(s)) .. right
        end
      end
      answers = "{" .. table.concat(a, " ")
    end
    if fb then answers = answers .. " ####" .. gesc(oneline(fb)) end
    answers = answers .. "}"
    local prompt = oneline(q.prompt)
    local a, b = prompt:find("_____", 1, true)
    local body
    -- a blank that opens the text stays, the answers after it (GIFT wants
    -- some text before them)
    if a and a > 1 then
      body = gesc(prompt:sub(1, a - 1)) .. answers .. gesc(prompt:sub(b + 1))
    else
      body = gesc(prompt) .. " " .. answers
    end
    out[#out + 1] = "::" .. gesc(oneline(title)) .. "::[plain]" .. body
  end
  return table.concat(out, "\n\n") .. "\n"
end

return M
