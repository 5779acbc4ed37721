--- The check every question exporter runs (GIFT, Moodle XML, Anki) on the
-- module's questions and a user's own: `check`.
-- @module leninletter.export.questions
-- @local

local C = require "leninletter.export.common"
local argerror = C.argerror
local typename = C.typename

local M = {}

local BLANK = "_____"

-- Choices compare as a reader sees them: case, apostrophe kind and runs
-- of spaces aside.
local function same(s)
  return (s:gsub("’", "'"):gsub("%s+", " "):gsub("^ ", ""):gsub(" $", ""):lower())
end

local function blanks(s)
  local n, i = 0, 1
  while true do
    local a, b = s:find(BLANK, i, true)
    if not a then return n end
    n = n + 1
    -- a longer run of underscores is one blank
    while s:sub(b + 1, b + 1) == "_" do b = b + 1 end
    i = b + 1
  end
end

--- Checks an array of questions for exporter fname, raising
-- `bad argument #1 to 'fname' (question i: ...)` for what no exporter can
-- write faithfully: a prompt or answer that is not a string; choices that
-- are not an array of strings, that repeat (ignoring case, apostrophe
-- kind and spacing) or that do not hold the answer; a cloze prompt with
-- no blank (`_____`) or with more than one (and any prompt with more than
-- one); `accept` and `tags` that are not arrays of strings; `feedback`,
-- `title`, `category` and `id` that are not strings.
-- @tparam table qs the questions
-- @string fname the exporter's name, for the message
-- @treturn table qs
-- @usage local check = require("leninletter.export.questions").check
-- check({{kind = "cloze", prompt = "All power to the _____!", answer = "Soviets"}}, "gift")
function M.check(qs, fname)
  if type(qs) ~= "table" then
    argerror(1, fname, ("array of questions expected, got %s"):format(typename(qs)))
  end
  for i, q in ipairs(qs) do
    local function bad(msg) argerror(1, fname, ("question %d: %s"):format(i, msg)) end
    if type(q) ~= "table" then bad(("table expected, got %s"):format(typename(q))) end
    for _, k in ipairs({ "prompt", "answer" }) do
      if type(q[k]) ~= "string" then bad(("%s must be a string, got %s"):format(k, typename(q[k]))) end
    end
    for _, k in ipairs({ "feedback", "title", "category", "id", "kind" }) do
      if q[k] ~= nil and type(q[k]) ~= "string" then
        bad(("%s must be a string, got %s"):format(k, typename(q[k])))
      end
    end
    for _, k in ipairs({ "accept", "tags" }) do
      if q[k] ~= nil then
        if type(q[k]) ~= "table" then bad(("%s must be an array of strings, got %s"):format(k, typename(q[k]))) end
        for j, s in ipairs(q[k]) do
          if type(s) ~= "string" then bad(("%s[%d] must be a string, got %s"):format(k, j, typename(s))) end
        end
      end
    end
    if q.choices ~= nil then
      if type(q.choices) ~= "table" then
        bad(("choices must be an array of strings, got %s"):format(typename(q.choices)))
      end
      local seen, found = {}, false
      for j, c in ipairs(q.choices) do
        if type(c) ~= "string" then bad(("choices[%d] must be a string, got %s"):format(j, typename(c))) end
        local k = same(c)
        if seen[k] then bad(("choices %d and %d are the same (%q)"):format(seen[k], j, c)) end
        seen[k] = j
        if c == q.answer then found = true end
      end
      if #q.choices > 0 and not found then
        bad(("the answer %q is not among its choices"):format(q.answer))
      end
    end
    local n = blanks(q.prompt)
    if n > 1 then bad(("the prompt has %d blanks (_____), not one"):format(n)) end
    if q.kind == "cloze" and n == 0 then bad("a cloze prompt needs a blank (_____)") end
  end
  return qs
end

--- What a question's feedback quotes: its own `feedback`, else its source
-- sentence and where it stands (`“...” (paragraph 3, sentence 1)`), else nil.
-- @tparam Question q the question
-- @treturn string|nil
-- @usage local fb = require("leninletter.export.questions").feedback(q)
function M.feedback(q)
  if q.feedback then return q.feedback end
  local h = q.source
  if type(h) == "table" and type(h.text) == "string" then
    local where = C.sourcename(h)
    return ("“%s”%s"):format(h.text, where and (" (" .. where .. ")") or "")
  end
  return nil
end

return M
