-- Questions as an Anki text import file: `export.anki`.
-- @module leninletter.export.anki
-- @local

local C = require "leninletter.export.common"
local checkquestions = C.checkquestions
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

--- Questions as an Anki text import file: the header lines `#separator:tab`,
-- `#html:true`, `#notetype:Cloze`, `#deck:NAME` and `#columns:Text	Back Extra`,
-- then one Cloze note per line, the answer as `{{c1::answer}}` where the
-- blank was (with the choices as the hint, `{{c1::answer::a / b / c}}`, for
-- multiple choice), the source as the Back Extra. Text is HTML-escaped.
-- @tparam {Question,...} questions as the `leninletter.quiz` functions return
-- @tparam[opt] table opts `deck` (default `"leninletter"`)
-- @treturn string the file's text
-- @usage io.open("quiz.txt", "w"):write(export.anki(quiz.cloze(doc), {deck = "Lenin 1905"}))
-- -- Anki: File, Import
function M.anki(questions, opts)
  checkquestions(questions, "anki")
  if opts ~= nil and type(opts) ~= "table" then
    argerror(2, "anki", ("table expected, got %s"):format(typename(opts)))
  end
  local deck = opts and opts.deck or "leninletter"
  if type(deck) ~= "string" then
    argerror(2, "anki", ("opts.deck must be a string, got %s"):format(typename(deck)))
  end
  deck = oneline(deck):gsub("\t", " ")
  local out = { "#separator:tab", "#html:true", "#notetype:Cloze", "#deck:" .. deck,
    "#columns:Text\tBack Extra" }
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
    local where = sourcename(q.source)
    if where then back = ankihtml(where) end
    -- Anki's importer takes a line starting with "#" as a comment: the
    -- note would vanish; as a character reference it shows as "#"
    if text:sub(1, 1) == "#" then text = "&#35;" .. text:sub(2) end
    out[#out + 1] = text .. "\t" .. back
  end
  return table.concat(out, "\n") .. "\n"
end

return M
