-- Plain text: `export.text`.
-- @module leninletter.export.text
-- @local

local C = require "leninletter.export.common"
local checkdoc = C.checkdoc
local walk = C.walk

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

--- The document as plain text, in the archive's plain-text form: the
-- author, the title, the header fields (`Name: value`), the paragraphs
-- with their note markers `[n]`, then the notes. `ll.parse` reads it back
-- to the same paragraphs and notes (page breaks and the footer are not
-- kept).
-- @tparam Document doc the document
-- @treturn string the text
-- @usage io.write(export.text(ll.letter()))
function M.text(doc)
  checkdoc(doc, "text")
  local out = {}
  if doc.author then out[#out + 1] = doc.author end
  local function refs(s, part)
    local b = { text = s, refs = {} }
    for _, n in ipairs(doc.notes) do
      for _, r in ipairs(n.refs) do
        if r.part == part then b.refs[#b.refs + 1] = { note = n.n, pos = r.pos } end
      end
    end
    table.sort(b.refs, function(x, y) return x.pos < y.pos end)
    return withmarkers(b)
  end
  if doc.number then out[#out + 1] = doc.number end
  if doc.title then out[#out + 1] = refs(doc.title, "title") end
  if doc.subtitle then out[#out + 1] = refs(doc.subtitle, "subtitle") end
  if #doc.fields > 0 then
    local fs = {}
    for _, f in ipairs(doc.fields) do fs[#fs + 1] = f .. ": " .. (doc.meta[f] or "") end
    out[#out + 1] = table.concat(fs, "\n")
  end
  for _, b in ipairs(doc.paragraphs) do out[#out + 1] = withmarkers(b) end
  for _, n in ipairs(doc.notes) do
    for i, b in ipairs(n.paragraphs) do
      out[#out + 1] = (i == 1 and ("[" .. n.n .. "] ") or "") .. withmarkers(b)
    end
  end
  return table.concat(out, "\n\n") .. "\n"
end

return M
