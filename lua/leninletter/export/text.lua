--- Plain text: `export.text`.
-- @module leninletter.export.text

local C = require "leninletter.export.common"
local checkdoc = C.checkdoc
local walk = C.walk
local checkopts = C.checkopts

local M = {}

-- A block's text with its note markers put back as [n].
local function withmarkers(b)
  local out = {}
  walk(b, nil, function(kind, v)
    if kind == "text" then out[#out + 1] = v
    elseif kind == "br" then out[#out + 1] = "\n"
    elseif kind == "ref" then out[#out + 1] = "[" .. v .. "]" end
  end)
  return table.concat(out)
end

-- A block as plain text with its structure: a list item starts with its
-- printed label, a quotation is indented by four spaces, verse keeps its
-- lines and a table its tabs and rows (the text already holds them).
local function block(b)
  local t = withmarkers(b)
  if b.kind == "item" and type(b.label) == "string" then return b.label .. " " .. t end
  if b.kind == "quote" then return "    " .. t:gsub("\n", "\n    ") end
  return t
end

--- The document as plain text, in the archive's plain-text form: the
-- author, the title, the header fields (`Name: value`), the paragraphs
-- with their note markers `[n]` and their structure as plain text shows
-- it (headings on lines of their own, list items with their printed
-- labels `1.`, `(b)`, quotations indented by four spaces, verse line by
-- line, tables as tab-separated rows, separators as printed), then the
-- notes. `ll.parse` reads it back to the same paragraphs and notes, the
-- items with their labels and the separators and headings as such (page
-- breaks and the footer are not kept).
-- @tparam Document doc the document
-- @tparam[opt] table opts no options yet (an unknown one raises)
-- @treturn string the text
-- @usage io.write(export.text(ll.letter()))
function M.text(doc, opts)
  checkdoc(doc, "text")
  checkopts(opts, "text", {})
  local out = {}
  if doc.author then out[#out + 1] = doc.author end
  -- the title or subtitle with its note markers
  local function refs(s, part) return withmarkers(C.headblock(doc, s, part)) end
  if doc.number then out[#out + 1] = doc.number end
  if doc.title then out[#out + 1] = refs(doc.title, "title") end
  if doc.subtitle then out[#out + 1] = refs(doc.subtitle, "subtitle") end
  if #doc.fields > 0 then
    local fs = {}
    for _, f in ipairs(doc.fields) do fs[#fs + 1] = f .. ": " .. (doc.meta[f] or "") end
    out[#out + 1] = table.concat(fs, "\n")
  end
  for _, b in ipairs(doc.paragraphs) do out[#out + 1] = block(b) end
  for _, n in ipairs(doc.notes) do
    for i, b in ipairs(n.paragraphs) do
      out[#out + 1] = (i == 1 and ("[" .. n.n .. "] ") or "") .. block(b)
    end
  end
  return table.concat(out, "\n\n") .. "\n"
end

return M
