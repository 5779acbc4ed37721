-- The Pandoc JSON AST: `export.pandoc`.
-- @module leninletter.export.pandoc
-- @local

local C = require "leninletter.export.common"
local checkdoc = C.checkdoc
local xmlchars = C.xmlchars
local walk = C.walk
local EMPTY = C.EMPTY
local arr = C.arr
local encode = C.encode
local headblock = C.headblock
local cited = C.cited

local M = {}

local function Str(s) return { t = "Str", c = s } end
local SPACE = { t = "Space" }
local LINEBREAK = { t = "LineBreak" }

local function attr(id, classes, kvs)
  return { id or "", arr(classes), arr(kvs) }
end

-- Text as Str and Space inlines (runs of spaces are one Space).
local function inlines(s, out)
  out = out or {}
  s = xmlchars(s)
  local i = 1
  while i <= #s do
    local a, b = s:find(" +", i)
    if a == i then
      out[#out + 1] = SPACE
      i = b + 1
    else
      local word = s:sub(i, (a or #s + 1) - 1)
      out[#out + 1] = Str(word)
      i = i + #word
    end
  end
  return out
end

local function pdblock(b, notefor)
  local out = {}
  walk(b, nil, function(kind, v)
    if kind == "text" then inlines(v, out)
    elseif kind == "br" then out[#out + 1] = LINEBREAK
    elseif kind == "ref" then out[#out + 1] = notefor(v)
    elseif kind == "pb" then
      out[#out + 1] = { t = "Span", c = { attr("", { "pagebreak" }), EMPTY } }
    end
  end)
  return out
end

--- The document as a Pandoc JSON AST (`"pandoc-api-version": [1, 22]`,
-- what Debian 12's pandoc 2.17 reads and writes): metadata title,
-- subtitle, author and lang; the header fields in a `header` Div; the
-- paragraphs with each note as a Note inline where its marker stood (each
-- note starting with its original number in bold, `[3]`, since Pandoc
-- numbers notes itself); page breaks as empty Spans of class `pagebreak`;
-- the notes nothing cites in a last section. Convert it with
-- `pandoc -f json -t docx` (or `epub`, `latex`, ...).
-- @tparam Document doc the document
-- @treturn string the JSON text
-- @usage local f = io.open("letter.json", "w")
-- f:write(export.pandoc(ll.letter())) f:close()
-- os.execute("pandoc -f json letter.json -o letter.docx")
function M.pandoc(doc)
  checkdoc(doc, "pandoc")
  local notefor
  local function noteblocks(n)
    local bs = {}
    for i, b in ipairs(n.paragraphs) do
      local ins = pdblock(b, notefor)
      if i == 1 then
        table.insert(ins, 1, SPACE)
        table.insert(ins, 1, { t = "Strong", c = { Str("[" .. n.n .. "]") } })
      end
      bs[#bs + 1] = { t = "Para", c = arr(ins) }
    end
    return bs
  end
  local depth = 0
  notefor = function(num)
    local n = doc:note(num)
    -- a note cited inside itself (or in a cycle) is cited once, as a number
    if not n or depth > 0 then return Str("[" .. num .. "]") end
    depth = depth + 1
    local bs = noteblocks(n)
    depth = depth - 1
    return { t = "Note", c = arr(bs) }
  end
  local meta = {}
  if doc.title then
    meta.title = { t = "MetaInlines", c = arr(pdblock(headblock(doc, doc.title, "title"), notefor)) }
  end
  if doc.subtitle then
    meta.subtitle = { t = "MetaInlines",
      c = arr(pdblock(headblock(doc, doc.subtitle, "subtitle"), notefor)) }
  end
  if doc.author then
    meta.author = { t = "MetaList", c = { { t = "MetaInlines", c = arr(inlines(doc.author)) } } }
  end
  meta.lang = { t = "MetaInlines", c = { Str("en") } }
  local blocks_ = {}
  if #doc.fields > 0 then
    local ps = {}
    for _, f in ipairs(doc.fields) do
      local ins = { { t = "Strong", c = arr(inlines(f .. ":")) }, SPACE }
      inlines(doc.meta[f] or "", ins)
      ps[#ps + 1] = { t = "Para", c = ins }
    end
    blocks_[#blocks_ + 1] = { t = "Div", c = { attr("", { "header" }), ps } }
  end
  for _, b in ipairs(doc.paragraphs) do
    blocks_[#blocks_ + 1] = { t = "Para", c = arr(pdblock(b, notefor)) }
  end
  local c = cited(doc)
  local first = true
  for _, n in ipairs(doc.notes) do
    if not c[n.n] then
      if first then
        blocks_[#blocks_ + 1] = { t = "Header", c = { 2, attr("notes-not-cited"),
          inlines("Notes not cited in the text") } }
        first = false
      end
      for _, bl in ipairs(noteblocks(n)) do blocks_[#blocks_ + 1] = bl end
    end
  end
  return encode({ ["pandoc-api-version"] = { 1, 22 }, meta = meta, blocks = arr(blocks_) })
end

return M
