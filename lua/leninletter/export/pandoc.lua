--- The Pandoc JSON AST: `export.pandoc`.
-- @module leninletter.export.pandoc

local C = require "leninletter.export.common"
local xmlchars = C.xmlchars
local walk = C.walk
local units = C.units
local EMPTY = C.EMPTY
local arr = C.arr
local encode = C.encode
local headblock = C.headblock

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
    local a, b = s:find("[ \t]+", i)
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

local SHOWN = { emphasis = true, strong = true, link = true, erratum = true }

-- A block's inlines, the structure's spans nested (Emph, Strong, Link, and
-- a Span of class `sic` for a misprint). ctx.marker(n) and ctx.pb() give
-- the inline of a note marker and of a page break. mode "verse" returns
-- the lines, "table" the rows of cells (arrays of inlines).
local function pdinline(b, sp, ctx, mode)
  local list = {}
  for _, s in ipairs(sp or {}) do
    if SHOWN[s.kind] then list[#list + 1] = s end
  end
  local stack = { {} }
  local lines, rows, cells = {}, {}, {}
  local function top() return stack[#stack] end
  walk(b, list, function(kind, v)
    if kind == "text" then inlines(v, top())
    elseif kind == "br" then
      if mode == "verse" then
        lines[#lines + 1] = arr(stack[1])
        stack[1] = {}
      else
        table.insert(top(), LINEBREAK)
      end
    elseif kind == "cell" or kind == "row" then
      cells[#cells + 1] = arr(stack[1])
      stack[1] = {}
      if kind == "row" then
        rows[#rows + 1] = cells
        cells = {}
      end
    elseif kind == "ref" then table.insert(top(), ctx.marker(v))
    elseif kind == "pb" then table.insert(top(), ctx.pb())
    elseif kind == "open" then stack[#stack + 1] = {}
    elseif kind == "close" then
      local c = arr(table.remove(stack))
      local el
      if v.kind == "emphasis" then el = { t = "Emph", c = c }
      elseif v.kind == "strong" then el = { t = "Strong", c = c }
      elseif v.kind == "link" then el = { t = "Link", c = { attr(), c, { xmlchars(v.href or ""), "" } } }
      else el = { t = "Span", c = { attr("", { "sic" }, { { "corr", xmlchars(v.x.corr) } }), c } } end
      table.insert(top(), el)
    end
  end, { cells = mode == "table" })
  if mode == "verse" then
    lines[#lines + 1] = arr(stack[1])
    return lines
  elseif mode == "table" then
    cells[#cells + 1] = arr(stack[1])
    rows[#rows + 1] = cells
    return rows
  end
  return stack[1]
end

local STYLE = { Decimal = true, LowerAlpha = true, UpperAlpha = true, LowerRoman = true, UpperRoman = true }

-- A pandoc 1.22 Table of plain cells, no header, no caption.
local function pdtable(rows)
  local ncol = 1
  for _, r in ipairs(rows) do ncol = math.max(ncol, #r) end
  local colspecs = {}
  for k = 1, ncol do colspecs[k] = { { t = "AlignDefault" }, { t = "ColWidthDefault" } } end
  local body = {}
  for i, r in ipairs(rows) do
    local cells = {}
    for k = 1, ncol do
      local ins = r[k] or EMPTY
      local blocks = (ins == EMPTY or #ins == 0) and EMPTY or { { t = "Plain", c = ins } }
      cells[k] = { attr(), { t = "AlignDefault" }, 1, 1, blocks }
    end
    body[i] = { attr(), cells }
  end
  return { t = "Table", c = { attr(), { C.NULL, EMPTY }, colspecs, { attr(), EMPTY },
    { { attr(), 0, EMPTY, body } }, { attr(), EMPTY } } }
end

-- The blocks of the body or of a note as Pandoc blocks.
local function pdblocks(blocks, spf, ctx, headings)
  local out = {}
  for _, u in ipairs(units(blocks)) do
    local b, kind = u.b, u.kind
    local sp = spf(u.i)
    if kind == "list" then
      local items = {}
      for k, it in ipairs(u.items) do items[k] = { { t = "Plain", c = arr(pdinline(it.b, spf(it.i), ctx)) } } end
      if u.style and STYLE[u.style] then
        out[#out + 1] = { t = "OrderedList", c = { { u.start, { t = u.style }, { t = u.delim } }, items } }
      else
        out[#out + 1] = { t = "BulletList", c = items }
      end
    elseif kind == "heading" and headings then
      local level = math.max(1, math.min(6, tonumber(b.level) or 1))
      local ins = pdinline(b, sp, ctx)
      for k, x in ipairs(ins) do if x == LINEBREAK then ins[k] = SPACE end end
      out[#out + 1] = { t = "Header", c = { level, attr("section-" .. u.i), arr(ins) } }
    elseif kind == "quote" then
      out[#out + 1] = { t = "BlockQuote", c = { { t = "Para", c = arr(pdinline(b, sp, ctx)) } } }
    elseif kind == "verse" then
      out[#out + 1] = { t = "LineBlock", c = pdinline(b, sp, ctx, "verse") }
    elseif kind == "table" then
      out[#out + 1] = pdtable(pdinline(b, sp, ctx, "table"))
    elseif kind == "separator" then
      out[#out + 1] = { t = "HorizontalRule" }
    else
      out[#out + 1] = { t = "Para", c = arr(pdinline(b, sp, ctx)) }
    end
  end
  return out
end

--- The document as a Pandoc JSON AST (`"pandoc-api-version": [1, 22]`,
-- what Debian 12's pandoc 2.17 reads and writes): metadata title,
-- subtitle, author and lang; the header fields in a `header` Div; the text
-- with its structure (Header by level, Emph, Strong, Link, BlockQuote,
-- OrderedList with the printed start, style and delimiter, BulletList,
-- Table, LineBlock for verse, HorizontalRule for separators, misprints as
-- Spans of class `sic` with a `corr` attribute, page breaks as empty Spans
-- of class `pagebreak` with the printed `page` that begins there). Notes
-- keep their printed numbers, as in `markdown`: Note inlines where Pandoc's
-- own numbering is the printed one, else endnotes: a Superscript link
-- `[3]` to a Div `note-3` in a Notes section, starting with its number.
-- Convert it with `pandoc -f json -t docx` (or `epub`, `latex`, ...).
-- @tparam Document doc the document
-- @tparam[opt] table opts no options yet (an unknown one raises)
-- @treturn string the JSON text
-- @usage local f = io.open("letter.json", "w")
-- f:write(export.pandoc(ll.letter())) f:close()
-- os.execute("pandoc -f json letter.json -o letter.docx")
function M.pandoc(doc, opts)
  local sp, foot, pagenum = C.pandocstart(doc, opts, "pandoc")
  local pbcount = 0
  local function link(n)
    local l = { t = "Link", c = { attr(), { Str("[" .. n .. "]") }, { "#note-" .. n, "" } } }
    return { t = "Superscript", c = { l } }
  end
  local ctx = { pb = function() return { t = "Span", c = { attr("", { "pagebreak" }), EMPTY } } end }
  local inner = { pb = ctx.pb, marker = link }
  ctx.marker = function(num)
    if not foot then return link(num) end
    local n = doc:note(num)
    if not n then return Str("[" .. num .. "]") end
    return { t = "Note", c = arr(pdblocks(n.paragraphs, function(i) return sp("note", i, n.n) end, inner, false)) }
  end
  local meta = {}
  if doc.title then
    meta.title = { t = "MetaInlines", c = arr(pdinline(headblock(doc, doc.title, "title"), nil, ctx)) }
  end
  if doc.subtitle then
    meta.subtitle = { t = "MetaInlines", c = arr(pdinline(headblock(doc, doc.subtitle, "subtitle"), nil, ctx)) }
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
  local function pagebreak(n)
    return { t = "Span", c = { attr("", { "pagebreak" }, n and { { "page", tostring(n) } } or nil), EMPTY } }
  end
  ctx.pb = function()
    pbcount = pbcount + 1
    return pagebreak(pagenum(pbcount))
  end
  local body
  body, pbcount = C.bodyblocks(doc)
  for _, bl in ipairs(pdblocks(body, function(i) return sp("body", i) end, ctx, true)) do
    blocks_[#blocks_ + 1] = bl
  end
  if not foot and #doc.notes > 0 then
    local level = C.noteslevel(doc)
    blocks_[#blocks_ + 1] = { t = "Header", c = { level, attr("notes"), { Str("Notes") } } }
    local seen = {}
    for _, n in ipairs(doc.notes) do
      local bs = pdblocks(n.paragraphs, function(i) return sp("note", i, n.n) end, inner, false)
      local num = { { t = "Strong", c = { Str("[" .. n.n .. "]") } }, SPACE }
      if bs[1] and bs[1].t == "Para" then
        for k = #num, 1, -1 do table.insert(bs[1].c, 1, num[k]) end
      else
        table.insert(bs, 1, { t = "Para", c = num })
      end
      blocks_[#blocks_ + 1] = { t = "Div", c = { attr(seen[n.n] and "" or ("note-" .. n.n), { "note" }), bs } }
      seen[n.n] = true
    end
  end
  return encode({ ["pandoc-api-version"] = { 1, 22 }, meta = meta, blocks = arr(blocks_) })
end

return M
