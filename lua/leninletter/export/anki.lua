--- Questions as an Anki text import file: `export.anki`.
-- @module leninletter.export.anki

local C = require "leninletter.export.common"
local check = require("leninletter.export.questions").check
local xmlchars = C.xmlchars
local esc = C.esc
local oneline = C.oneline
local sourcename = C.sourcename
local argerror = C.argerror
local typename = C.typename

local M = {}

-- HTML for an Anki field: escaped, with braces and colons as character
-- references so that no text reads as cloze syntax.
local function ankihtml(s)
  s = esc(xmlchars(s))
  s = s:gsub("[{}:\t]", { ["{"] = "&#123;", ["}"] = "&#125;", [":"] = "&#58;", ["\t"] = " " })
  s = s:gsub("\r?\n", "<br>")
  return s
end

-- A stable identifier for a question without an id: a hash of its kind,
-- prompt and answer (two 32-bit polynomial hashes, exact in doubles).
local function guid(q)
  if q.id then return q.id end
  return "ll-" .. require("leninletter.compat").hash((q.kind or "") .. "\0" .. q.prompt .. "\0" .. q.answer)
end

-- A field with no tab and no line break (a GUID or a tag).
local function plain(s)
  return (oneline(s):gsub("[%s]+", "_"))
end

--- Questions as an Anki text import file: the header lines `#separator:tab`,
-- `#html:true`, `#notetype:Cloze`, `#deck:NAME`, `#guid column:1`,
-- `#tags column:4` and `#columns:GUID	Text	Back Extra	Tags`, then one
-- Cloze note per line: its GUID (the question's `id`, else a hash of its
-- kind, prompt and answer: the same question keeps its GUID, so importing
-- again updates the note instead of adding a second), the text with the
-- answer as `{{c1::answer}}` where the blank was (with the choices as the
-- hint, `{{c1::answer::a / b / c}}`, for multiple choice), the Back Extra
-- (the source sentence and where it stands: the question's `feedback`,
-- else its source) and the tags (the question's `tags`, spaces as `_`).
-- Text is HTML-escaped. The exporters' check is run first (see
-- `export.gift`).
-- @tparam {Question,...} questions as the `leninletter.quiz` functions return, or a user's own
-- @tparam[opt] table opts `deck` (default `"leninletter"`)
-- @treturn string the file's text
-- @usage io.open("quiz.txt", "w"):write(export.anki(quiz.cloze(doc), {deck = "Lenin 1905"}))
-- -- Anki: File, Import
function M.anki(questions, opts)
  check(questions, "anki")
  opts = C.checkopts(opts, "anki", { deck = true })
  local deck = opts.deck or "leninletter"
  if type(deck) ~= "string" then
    argerror(2, "anki", ("opts.deck must be a string, got %s"):format(typename(deck)))
  end
  deck = oneline(deck):gsub("\t", " ")
  local out = { "#separator:tab", "#html:true", "#notetype:Cloze", "#deck:" .. deck,
    "#guid column:1", "#tags column:4", "#columns:GUID\tText\tBack Extra\tTags" }
  for _, q in ipairs(questions) do
    local cloze = "{{c1::" .. ankihtml(q.answer)
    if q.choices and #q.choices > 0 then
      local hint = {}
      for j, c in ipairs(q.choices) do hint[j] = ankihtml(c) end
      cloze = cloze .. "::" .. table.concat(hint, " / ")
    end
    cloze = cloze .. "}}"
    local prompt = q.prompt
    local a, b = prompt:find("_____", 1, true)
    local text
    if a then
      text = ankihtml(prompt:sub(1, a - 1)) .. cloze .. ankihtml(prompt:sub(b + 1))
    else
      text = ankihtml(prompt) .. "<br>" .. cloze
    end
    local back = ""
    if q.feedback then
      back = ankihtml(q.feedback)
    elseif type(q.source) == "table" then
      local where = sourcename(q.source)
      if type(q.source.text) == "string" then back = "“" .. ankihtml(q.source.text) .. "”" end
      if where then back = back .. (back ~= "" and " " or "") .. "(" .. ankihtml(where) .. ")" end
    end
    local tags = {}
    for _, t in ipairs(q.tags or {}) do tags[#tags + 1] = ankihtml(plain(t)) end
    local line = ankihtml(plain(guid(q))) .. "\t" .. text .. "\t" .. back .. "\t"
      .. table.concat(tags, " ")
    -- Anki's importer takes a line starting with "#" as a comment: the
    -- note would vanish; as a character reference it shows as "#" (#19)
    if line:sub(1, 1) == "#" then line = "&#35;" .. line:sub(2) end
    out[#out + 1] = line
  end
  return table.concat(out, "\n") .. "\n"
end

return M
