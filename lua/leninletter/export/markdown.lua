-- Pandoc Markdown: `export.markdown`.
-- @module leninletter.export.markdown
-- @local

local C = require "leninletter.export.common"
local checkdoc = C.checkdoc
local xmlchars = C.xmlchars
local walk = C.walk
local headblock = C.headblock
local cited = C.cited

local M = {}

-- Backslash-escapes what Pandoc Markdown would read as markup, so the text
-- comes back as written: its inline punctuation, and any punctuation that
-- starts a line (lists, headings, quotes, tables).
local function mdescape(s)
  s = xmlchars(s)
  s = s:gsub("[\\`*_{}%[%]<>#+!|^~$@&\"'=]", "\\%0")
  s = s:gsub("%-%-", "-\\-")
  s = s:gsub("%.%.", ".\\.")
  s = s:gsub("^([%-%.%:%%%)%(])", "\\%1")
  s = s:gsub("^(%d+)([%.%)])", "%1\\%2")
  return s
end
M._mdescape = mdescape

local function yamlstr(s)
  return "'" .. s:gsub("'", "''") .. "'"
end

-- A block as Markdown: markers as [^n], page breaks as empty spans, line
-- breaks as hard breaks.
local function mdblock(b, notelabel)
  local out = {}
  local startline = true
  walk(b, nil, function(kind, v)
    if kind == "text" then
      local t = mdescape(v)
      if not startline then t = t:gsub("^\\([%-%.%:%%%)%(])", "%1") end
      if not startline then t = t:gsub("^(%d+)\\([%.%)])", "%1%2") end
      out[#out + 1] = t
      startline = false
    elseif kind == "br" then
      out[#out + 1] = "\\\n"
      startline = true
    elseif kind == "ref" then
      out[#out + 1] = "[^" .. notelabel(v) .. "]"
      startline = false
    elseif kind == "pb" then
      out[#out + 1] = "[]{.pagebreak}"
      startline = false
    end
  end)
  return table.concat(out)
end

--- The document as Pandoc Markdown: a YAML title block (title, subtitle,
-- author), the header fields, the paragraphs with footnotes `[^n]`
-- (Pandoc renumbers footnotes in order of citation, so each note starts
-- with its original number, `**[3]**`), page breaks as empty
-- `[]{.pagebreak}` spans, and the notes that nothing cites at the end.
-- Read it with `pandoc -f markdown`.
-- @tparam Document doc the document
-- @treturn string the Markdown
-- @usage io.open("letter.md", "w"):write(export.markdown(ll.letter()))
-- -- then: pandoc letter.md -o letter.docx
function M.markdown(doc)
  checkdoc(doc, "markdown")
  local function label(n) return tostring(n) end
  local out = {}
  local y = { "---" }
  if doc.title then y[#y + 1] = "title: " .. yamlstr(mdblock(headblock(doc, doc.title, "title"), label)) end
  if doc.subtitle then
    y[#y + 1] = "subtitle: " .. yamlstr(mdblock(headblock(doc, doc.subtitle, "subtitle"), label))
  end
  if doc.author then y[#y + 1] = "author: " .. yamlstr(mdescape(doc.author)) end
  y[#y + 1] = "lang: en"
  y[#y + 1] = "..."
  out[#out + 1] = table.concat(y, "\n")
  if #doc.fields > 0 then
    local fs = {}
    for _, f in ipairs(doc.fields) do
      fs[#fs + 1] = "**" .. mdescape(f) .. ":** " .. mdescape(doc.meta[f] or "")
    end
    out[#out + 1] = "::: {.header}\n" .. table.concat(fs, "\\\n") .. "\n:::"
  end
  for _, b in ipairs(doc.paragraphs) do out[#out + 1] = mdblock(b, label) end
  local c = cited(doc)
  local loose = {}
  for _, n in ipairs(doc.notes) do
    if c[n.n] then
      local ps = {}
      for i, b in ipairs(n.paragraphs) do
        local t = mdblock(b, label)
        if i == 1 then t = "**\\[" .. n.n .. "\\]** " .. t end
        ps[i] = (i == 1 and "" or "    ") .. t:gsub("\n", "\n    ")
      end
      out[#out + 1] = "[^" .. label(n.n) .. "]: " .. table.concat(ps, "\n\n")
    else
      loose[#loose + 1] = n
    end
  end
  if #loose > 0 then
    out[#out + 1] = "## Notes not cited in the text"
    for _, n in ipairs(loose) do
      for i, b in ipairs(n.paragraphs) do
        out[#out + 1] = (i == 1 and ("**\\[" .. n.n .. "\\]** ") or "") .. mdblock(b, label)
      end
    end
  end
  return table.concat(out, "\n\n") .. "\n"
end

return M
