--- Pandoc Markdown: `export.markdown`.
-- @module leninletter.export.markdown

local C = require "leninletter.export.common"
local xmlchars = C.xmlchars
local walk = C.walk
local units = C.units
local headblock = C.headblock

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
  -- "i. ", "a) ", "IV. " would start a list too
  s = s:gsub("^(%a+)([%.%)]%s)", "%1\\%2")
  return s
end
M._mdescape = mdescape

local function yamlstr(s)
  return "'" .. s:gsub("'", "''") .. "'"
end

-- a link target as Markdown writes it: no space, no parenthesis, no angle
-- bracket left bare
local function mdhref(h)
  return (xmlchars(h or ""):gsub("[%s()<>\\]", function(c) return ("%%%02X"):format(c:byte()) end))
end

-- an attribute value in {...}
local function mdattr(s)
  return (xmlchars(s):gsub("[\\\"]", "\\%0"):gsub("\n", " "))
end

-- The spans Markdown shows: emphasis, strong, links and misprints (the
-- entities and dates stay plain text); one that crosses another's edge is
-- left out, since `*` and `**` reopened after a space would not read as
-- emphasis. (The list comes sorted by position, the longer first.)
local SHOWN = { emphasis = true, strong = true, link = true, erratum = true }
local function shown(list)
  local out = {}
  for _, s in ipairs(list or {}) do
    if SHOWN[s.kind] then
      local ok = true
      for _, k in ipairs(out) do
        local kend, send = k.pos + k.len, s.pos + s.len
        if s.pos < kend and send > kend then ok = false break end
      end
      if ok then out[#out + 1] = s end
    end
  end
  return out
end

-- A block's inline Markdown. ctx.marker(n) writes a note marker,
-- ctx.pb() a page break. mode: nil (a line break is a hard break), "verse"
-- (returns the lines), "table" (returns the rows of cells).
local function mdinline(b, sp, ctx, mode)
  local out = {}
  local startline = true
  local lines, rows, cells = {}, {}, {}
  local function flushline()
    lines[#lines + 1] = table.concat(out)
    out = {}
  end
  local function flushcell()
    cells[#cells + 1] = table.concat(out)
    out = {}
  end
  walk(b, sp, function(kind, v)
    if kind == "text" then
      local t = mdescape(v)
      if not startline then t = t:gsub("^\\([%-%.%:%%%)%(])", "%1") end
      if not startline then t = t:gsub("^(%d+)\\([%.%)])", "%1%2") end
      if not startline then t = t:gsub("^(%a+)\\([%.%)]%s)", "%1%2") end
      out[#out + 1] = t
      startline = false
    elseif kind == "br" then
      if mode == "verse" then flushline() else out[#out + 1] = "\\\n" end
      startline = true
    elseif kind == "cell" then
      flushcell()
    elseif kind == "row" then
      flushcell()
      rows[#rows + 1] = cells
      cells = {}
    elseif kind == "ref" then
      out[#out + 1] = ctx.marker(v)
      startline = false
    elseif kind == "pb" then
      out[#out + 1] = ctx.pb()
      startline = false
    elseif kind == "open" then
      if v.kind == "emphasis" then out[#out + 1] = "*"
      elseif v.kind == "strong" then out[#out + 1] = "**"
      else out[#out + 1] = "[" end
      startline = false
    elseif kind == "close" then
      if v.kind == "emphasis" then out[#out + 1] = "*"
      elseif v.kind == "strong" then out[#out + 1] = "**"
      elseif v.kind == "link" then out[#out + 1] = "](" .. mdhref(v.href) .. ")"
      else out[#out + 1] = ("]{.sic corr=\"%s\"}"):format(mdattr(v.x.corr)) end
    end
  end, { cells = mode == "table" })
  if mode == "verse" then
    flushline()
    return lines
  elseif mode == "table" then
    flushcell()
    rows[#rows + 1] = cells
    return rows
  end
  return table.concat(out)
end

-- the Markdown form of a printed list label
local function mdlabel(list, n)
  local style, delim = list.style, list.delim
  local v
  if style == "Decimal" then v = tostring(n)
  elseif style == "LowerAlpha" then v = string.char(96 + ((n - 1) % 26) + 1)
  elseif style == "UpperAlpha" then v = string.char(64 + ((n - 1) % 26) + 1)
  else
    local r, x = "", n
    for _, p in ipairs({ { 1000, "m" }, { 900, "cm" }, { 500, "d" }, { 400, "cd" }, { 100, "c" }, { 90, "xc" },
      { 50, "l" }, { 40, "xl" }, { 10, "x" }, { 9, "ix" }, { 5, "v" }, { 4, "iv" }, { 1, "i" } }) do
      while x >= p[1] do r, x = r .. p[2], x - p[1] end
    end
    v = style == "UpperRoman" and r:upper() or r
  end
  if delim == "TwoParens" then return "(" .. v .. ")" end
  if delim == "OneParen" then return v .. ")" end
  -- "A. " would read as an initial, and so would "I. ", "V. ", "X. ":
  -- Pandoc wants two spaces after a capital letter and a full stop
  return v .. "." .. (v:find("^%u$") and " " or "")
end

-- A paragraph that is only "I." or "a)" would read as an empty list item
local function nolist(t)
  return (t:gsub("^(%a+)([%.%)])$", "%1\\%2"))
end

local function indent(s, by)
  return (s:gsub("\n(.)", "\n" .. by .. "%1"))
end

-- The blocks of the body or of a note as Markdown blocks (an array of
-- strings, to be joined by blank lines).
local function mdblocks(blocks, spf, ctx, headings)
  local out = {}
  local lastlist = false
  for _, u in ipairs(units(blocks)) do
    local b, kind = u.b, u.kind
    local sp = shown(spf(u.i))
    if kind == "list" then
      -- two lists in a row would read as one: a comment between them
      if lastlist then out[#out + 1] = "<!-- -->" end
      for k, it in ipairs(u.items) do
        local label = u.style and mdlabel(u, u.start + k - 1) or "-"
        local text = mdinline(it.b, shown(spf(it.i)), ctx)
        out[#out + 1] = label .. " " .. indent(text, (" "):rep(#label + 1))
      end
    elseif kind == "heading" and headings then
      local level = math.max(1, math.min(6, tonumber(b.level) or 1))
      local text = mdinline(b, sp, ctx):gsub("\\\n", " ")
      out[#out + 1] = ("#"):rep(level) .. " " .. text
    elseif kind == "quote" then
      out[#out + 1] = "> " .. nolist(mdinline(b, sp, ctx)):gsub("\n", "\n> ")
    elseif kind == "verse" then
      local ls = mdinline(b, sp, ctx, "verse")
      for k, l in ipairs(ls) do ls[k] = "| " .. l end
      out[#out + 1] = table.concat(ls, "\n")
    elseif kind == "table" then
      local rows = mdinline(b, sp, ctx, "table")
      local ncol = 1
      for _, r in ipairs(rows) do ncol = math.max(ncol, #r) end
      local function line(cells)
        local cs = {}
        for k = 1, ncol do cs[k] = cells[k] or "" end
        return "| " .. table.concat(cs, " | ") .. " |"
      end
      -- a pipe table needs a header: an empty one, since the page's has none
      local t = { line({}), "|" .. ("---|"):rep(ncol) }
      for _, r in ipairs(rows) do t[#t + 1] = line(r) end
      out[#out + 1] = table.concat(t, "\n")
    elseif kind == "separator" then
      out[#out + 1] = "* * *"
    else
      out[#out + 1] = nolist(mdinline(b, sp, ctx))
    end
    lastlist = kind == "list"
  end
  return out
end

-- Does the note open with a plain paragraph (which its number can start)?
local function firstplain(n)
  local b = n.paragraphs[1]
  return b == nil or (b.kind or "paragraph") == "paragraph"
end

--- The document as Pandoc Markdown: a YAML title block (title, subtitle,
-- author), the header fields, then the text with its structure: `#`
-- headings by level, `*emphasis*`, `**strong**`, `[links](...)`, `>`
-- quotations, lists with their printed labels (`3.`, `(a)`, `IV.`), pipe
-- tables, line blocks (`| `) for verse, `* * *` for separators, misprints
-- as `[as printed]{.sic corr="as meant"}`, page breaks as empty
-- `[]{.pagebreak page="18"}` spans (the printed page that begins there).
-- Notes keep their printed numbers, one numbering: where Pandoc's own
-- footnote numbers would be the same (every note cited once, in the body,
-- in the order 1, 2, 3, ...) they are footnotes `[^n]`; otherwise (the
-- letter's note 2 is cited from the subtitle, before note 1) each marker
-- is a link `^[\[3\]](#note-3)^` to an endnote under its printed number,
-- in a Notes section at the end (`::: {#note-3 .note}`). Read it with
-- `pandoc -f markdown`.
-- @tparam Document doc the document
-- @tparam[opt] table opts no options yet (an unknown one raises)
-- @treturn string the Markdown
-- @usage io.open("letter.md", "w"):write(export.markdown(ll.letter()))
-- -- then: pandoc letter.md -o letter.docx
function M.markdown(doc, opts)
  local sp, foot, pagenum = C.pandocstart(doc, opts, "markdown")
  local pbcount = 0
  local ctx = {
    marker = function(n)
      if foot then return "[^" .. n .. "]" end
      return "^[\\[" .. n .. "\\]](#note-" .. n .. ")^"
    end,
    pb = function() return "[]{.pagebreak}" end,
  }
  local out = {}
  local y = { "---" }
  if doc.title then y[#y + 1] = "title: " .. yamlstr(mdinline(headblock(doc, doc.title, "title"), nil, ctx)) end
  if doc.subtitle then
    y[#y + 1] = "subtitle: " .. yamlstr(mdinline(headblock(doc, doc.subtitle, "subtitle"), nil, ctx))
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
  ctx.pb = function()
    pbcount = pbcount + 1
    local n = pagenum(pbcount)
    return n and ('[]{.pagebreak page="' .. n .. '"}') or "[]{.pagebreak}"
  end
  local body
  body, pbcount = C.bodyblocks(doc)
  for _, s in ipairs(mdblocks(body, function(i) return sp("body", i) end, ctx, true)) do
    out[#out + 1] = s
  end
  ctx.pb = function() return "[]{.pagebreak}" end
  -- a note cited inside a note is a plain link to it
  local inner = { marker = function(n) return "^[\\[" .. n .. "\\]](#note-" .. n .. ")^" end, pb = ctx.pb }
  if #doc.notes > 0 then
    if foot then
      for _, n in ipairs(doc.notes) do
        local bs = mdblocks(n.paragraphs, function(i) return sp("note", i, n.n) end, inner, false)
        -- a note that opens with a quotation, a list, verse or a table
        -- starts on the next line, so that its first block keeps its kind
        local plain = firstplain(n)
        for k, t in ipairs(bs) do bs[k] = ((k == 1 and plain) and "" or "    ") .. indent(t, "    ") end
        out[#out + 1] = "[^" .. n.n .. "]:" .. (plain and " " or "\n") .. table.concat(bs, "\n\n")
      end
    else
      local level = C.noteslevel(doc)
      out[#out + 1] = ("#"):rep(level) .. " Notes {#notes}"
      local seen = {}
      for _, n in ipairs(doc.notes) do
        local id = seen[n.n] and "" or ("#note-" .. n.n .. " ")
        seen[n.n] = true
        local bs = mdblocks(n.paragraphs, function(i) return sp("note", i, n.n) end, inner, false)
        local label = "**\\[" .. n.n .. "\\]**"
        -- the printed number before a first paragraph; a paragraph of its
        -- own before a quotation, a list, verse or a table
        if #bs > 0 and firstplain(n) then bs[1] = label .. " " .. bs[1] else table.insert(bs, 1, label) end
        out[#out + 1] = "::: {" .. id .. ".note}\n" .. table.concat(bs, "\n\n") .. "\n:::"
      end
    end
  end
  return table.concat(out, "\n\n") .. "\n"
end

return M
