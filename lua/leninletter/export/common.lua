--- Helpers shared by the exporters of `leninletter.export` (one module per
-- format under leninletter/export/): the document check, its entities and
-- dates, XML escaping, the spans of entity mentions and dates by block, the
-- walk over a block's text, the JSON encoder with a fixed key order, the
-- title's note refs, and the questions' check. Internal: the API is
-- `require "leninletter.export"`.
-- @module leninletter.export.common
-- @local

local compat = require "leninletter.compat"  -- Lua 5.1 to 5.4 and LuaJIT
local math = compat.math
local document = require "leninletter.document"

local argerror = document.argerror
local typename = document.typename

local M = {}

local VERSION = "leninletter 0.1.0"
do
  local ok, ll = pcall(require, "leninletter")
  if ok and type(ll) == "table" and ll._VERSION then VERSION = ll._VERSION end
end

-- the generator's name and version, as every format writes it
M.VERSION = VERSION

local function checkdoc(doc, fname)
  document.core(doc, fname)
  return doc
end

-- The document's entities and dates, when it has them (entities need a
-- catalogue: the letter's is built in).
local function entities(doc)
  if type(doc.entities) ~= "function" then return {} end
  return doc:entities()
end

local function dates(doc)
  if type(doc.dates) ~= "function" then return {} end
  return doc:dates({ scope = "all" })
end

-- Characters XML 1.0 cannot carry (C0 controls but tab, LF, CR; U+FFFE,
-- U+FFFF) become U+FFFD.
local function xmlchars(s)
  s = s:gsub("[%z\1-\8\11\12\14-\31\127]", "\239\191\189")
  s = s:gsub("\239\191[\190\191]", "\239\191\189")
  return s
end

local XMLESC = { ["&"] = "&amp;", ["<"] = "&lt;", [">"] = "&gt;", ['"'] = "&quot;",
  ["'"] = "&#39;" }

--- Escapes a string for XML and HTML text and attribute values.
-- @string s the text
-- @treturn string
-- @usage print(export.xmlescape("a < b & \"c\""))  --> a &lt; b &amp; &quot;c&quot;
function M.xmlescape(s)
  return (xmlchars(s):gsub("[&<>\"']", XMLESC))
end
local esc = M.xmlescape

-- The Block a place names: {part = "body" | "note", paragraph = i, note = n}.
local function blockat(doc, part, i, note)
  if part == "body" then return doc.paragraphs[i] end
  if part == "note" then
    for _, n in ipairs(doc.notes) do
      if n.n == note then return n.paragraphs[i] end
    end
  end
  return nil
end

-- the structure's inline spans nest outside the entities and dates, and
-- a misprint inside them all
local SPAN_RANK = { link = 1, strong = 2, emphasis = 3, entity = 4, date = 4, erratum = 5 }

-- A span's range with the white space at its ends left out (Markdown's
-- `*` and `**` cannot stand next to a space); nil when nothing is left.
local function trimmed(text, pos, len)
  local last = pos + len - 1
  while pos <= last and text:sub(pos, pos):find("^%s") do pos = pos + 1 end
  while last >= pos and text:sub(last, last):find("^%s") do last = last - 1 end
  if last < pos then return nil end
  return pos, last - pos + 1
end

-- Every span of every block, by block: sp(part, i, note) is an array of
-- {pos, len, kind, ...}: entity mentions (`e`) and dates (`d`), where two
-- overlap the earlier, then the longer, kept; the Block's own `spans`
-- (emphasis, strong, link with `href`); and the document's errata
-- (`erratum`, with `x` the entry). Sorted by position, the longer first.
local function spans(doc)
  local by = {}
  local function key(part, note, i) return part .. ":" .. tostring(note or 0) .. ":" .. tostring(i) end
  local function add(h, item)
    if h.part ~= "body" and h.part ~= "note" or not h.paragraph then return end
    local k = key(h.part, h.note, h.paragraph)
    by[k] = by[k] or {}
    item.pos, item.len = h.pos, h.len
    table.insert(by[k], item)
  end
  for _, e in ipairs(entities(doc)) do
    for _, m in ipairs(e.mentions or {}) do add(m, { kind = "entity", e = e }) end
  end
  for _, d in ipairs(dates(doc)) do add(d, { kind = "date", d = d }) end
  local function order(a, b)
    if a.pos ~= b.pos then return a.pos < b.pos end
    if a.len ~= b.len then return a.len > b.len end
    if SPAN_RANK[a.kind] ~= SPAN_RANK[b.kind] then return SPAN_RANK[a.kind] < SPAN_RANK[b.kind] end
    return a.kind < b.kind
  end
  for k, list in pairs(by) do
    table.sort(list, order)
    local kept, last = {}, 0
    for _, s in ipairs(list) do
      if s.pos > last then
        kept[#kept + 1] = s
        last = s.pos + s.len - 1
      end
    end
    by[k] = kept
  end
  local function more(part, note, i, b)
    local k = key(part, note, i)
    by[k] = by[k] or {}
    for _, s in ipairs(b.spans or {}) do
      if type(s) == "table" and SPAN_RANK[s.kind] and math.type(s.pos) == "integer"
        and math.type(s.len) == "integer" then
        local pos, len = s.pos, s.len
        if s.kind ~= "link" then pos, len = trimmed(b.text, pos, len) end
        if pos then table.insert(by[k], { kind = s.kind, pos = pos, len = len, href = s.href }) end
      end
    end
  end
  for i, b in ipairs(doc.paragraphs) do more("body", nil, i, b) end
  for _, n in ipairs(doc.notes) do
    for i, b in ipairs(n.paragraphs) do more("note", n.n, i, b) end
  end
  for _, x in ipairs(doc.errata or {}) do
    local b = blockat(doc, x.part, x.paragraph, x.note)
    if b and b.text:sub(x.pos, x.pos + x.len - 1) == x.sic then
      local k = key(x.part, x.note, x.paragraph)
      by[k] = by[k] or {}
      table.insert(by[k], { kind = "erratum", pos = x.pos, len = x.len, x = x })
    end
  end
  for _, list in pairs(by) do table.sort(list, order) end
  return function(part, i, note)
    return by[key(part, note, i)] or {}
  end
end

local ROMAN = { i = 1, v = 5, x = 10, l = 50, c = 100, d = 500, m = 1000 }
local function roman(s)
  local n, prev = 0, 0
  for k = #s, 1, -1 do
    local v = ROMAN[s:sub(k, k):lower()]
    if not v then return nil end
    if v < prev then n = n - v else n = n + v prev = v end
  end
  return n
end

--- A list item's printed label read: its number, style and delimiter, as
-- Pandoc names them (`"3."` is 3, "Decimal", "Period"; `"(a)"` is 1,
-- "LowerAlpha", "TwoParens"; `"IV."` is 4, "UpperRoman", "Period"); nil
-- for a bullet or a label that is none of these.
local function labelstyle(label)
  if type(label) ~= "string" then return nil end
  local open, body, close = label:match("^(%(?)([%w]+)([%.%)]?)$")
  if not body or close == "" and open == "" then return nil end
  local delim = open == "(" and "TwoParens" or (close == ")" and "OneParen" or "Period")
  if open == "(" and close ~= ")" then return nil end
  if body:find("^%d+$") then return tonumber(body), "Decimal", delim end
  -- i, v, x, ... alone are read as Roman numerals; other single letters as letters
  if body:find("^[ivxlcdm]+$") and (#body > 1 or body:find("^[ivx]$")) then return roman(body), "LowerRoman", delim end
  if body:find("^[IVXLCDM]+$") and (#body > 1 or body:find("^[IVX]$")) then return roman(body), "UpperRoman", delim end
  if body:find("^%l$") then return body:byte() - 96, "LowerAlpha", delim end
  if body:find("^%u$") then return body:byte() - 64, "UpperAlpha", delim end
  return nil
end

-- The body (or a note) as units for an exporter: {kind, b, i} for each
-- Block (kind as the Block says, "paragraph" by default), consecutive
-- list items gathered as {kind = "list", items = {unit, ...}, start, style,
-- delim} (a new list where the style changes or the numbers do not follow).
local function units(blocks)
  local out = {}
  local list
  for i, b in ipairs(blocks) do
    local kind = b.kind or "paragraph"
    if kind == "item" then
      local n, style, delim = labelstyle(b.label)
      local u = { kind = "item", b = b, i = i, number = n }
      local follows = list and list.style == style and list.delim == delim
        and (style == nil or n == list.last + 1)
      if not follows then
        list = { kind = "list", items = {}, start = n, style = style, delim = delim, last = n }
        out[#out + 1] = list
      end
      list.items[#list.items + 1] = u
      list.last = n
    else
      list = nil
      out[#out + 1] = { kind = kind, b = b, i = i }
    end
  end
  return out
end

-- Walks a block's text as a list of events in byte order: text runs,
-- note markers, page breaks, line breaks, and the start and end of spans.
-- emit(kind, value, again): "text" (a string without "\n", and without
-- "\t" when opts.cells), "br" (a "\n"; in a table, opts.cells, "row"), "cell"
-- (a "\t" in a table), "ref" (note number), "pb", "open" (span), "close"
-- (span). Spans nest: where one ends inside another, or at a line break,
-- the spans still open are closed and opened again (`again` true), so every
-- format's markup is well formed.
local function walk(b, sp, emit, opts)
  local text = b.text
  local cells = opts and opts.cells
  local marks = {}
  for _, r in ipairs(b.refs or {}) do marks[#marks + 1] = { pos = r.pos, order = 3, kind = "ref", v = r.note } end
  for _, p in ipairs(b.pagebreaks or {}) do marks[#marks + 1] = { pos = p, order = 2, kind = "pb" } end
  for _, s in ipairs(sp or {}) do
    if s.len > 0 then
      marks[#marks + 1] = { pos = s.pos, order = 4, kind = "open", v = s }
      marks[#marks + 1] = { pos = s.pos + s.len, order = 1, kind = "close", v = s }
    end
  end
  for idx, m in ipairs(marks) do m.idx = idx end
  table.sort(marks, function(x, y)
    if x.pos ~= y.pos then return x.pos < y.pos end
    if x.order ~= y.order then return x.order < y.order end
    if x.kind == "close" then return x.idx > y.idx end
    return x.idx < y.idx
  end)
  local at, stack, isopen = 1, {}, {}
  local function closeall()
    for k = #stack, 1, -1 do emit("close", stack[k]) end
  end
  local function reopen()
    for k = 1, #stack do emit("open", stack[k], true) end
  end
  local function run(upto)
    if upto <= at then return end
    local piece = text:sub(at, upto - 1)
    local from = 1
    local pat = cells and "[\n\t]" or "\n"
    while true do
      local nl = piece:find(pat, from)
      if not nl then break end
      if nl > from then emit("text", piece:sub(from, nl - 1)) end
      closeall()
      local c = piece:sub(nl, nl)
      emit(c == "\t" and "cell" or (cells and "row" or "br"))
      reopen()
      from = nl + 1
    end
    if from <= #piece then emit("text", piece:sub(from)) end
    at = upto
  end
  for _, m in ipairs(marks) do
    local p = math.min(math.max(m.pos, 1), #text + 1)
    if m.kind == "open" then
      run(p)
      stack[#stack + 1] = m.v
      isopen[m.v] = true
      emit("open", m.v)
    elseif m.kind == "close" then
      if isopen[m.v] then
        run(p)
        local popped = {}
        while true do
          local top = table.remove(stack)
          emit("close", top)
          if top == m.v then break end
          table.insert(popped, 1, top)
        end
        isopen[m.v] = nil
        for _, s in ipairs(popped) do
          stack[#stack + 1] = s
          emit("open", s, true)
        end
      end
    else
      run(p)
      emit(m.kind, m.v)
    end
  end
  run(#text + 1)
  closeall()
end

-- Reads an exporter's options: nil or a table whose keys are all in
-- `allowed`; anything else raises `bad argument #argn to 'fname'`.
local function checkopts(opts, fname, allowed, argn)
  argn = argn or 2
  if opts == nil then return {} end
  if type(opts) ~= "table" then
    argerror(argn, fname, ("table expected, got %s"):format(typename(opts)))
  end
  for k in pairs(opts) do
    if not allowed[k] then argerror(argn, fname, ("unknown option '%s'"):format(tostring(k))) end
  end
  for _, k in ipairs({ "url" }) do
    if allowed[k] and opts[k] ~= nil and type(opts[k]) ~= "string" then
      argerror(argn, fname, ("opts.%s must be a string, got %s"):format(k, typename(opts[k])))
    end
  end
  return opts
end

-- The page's address on marxists.org: opts.url, else the Document's own
-- `url` (the letter has one), else nil.
local function sourceurl(doc, opts)
  if opts and opts.url then return opts.url end
  if type(doc.url) == "string" then return doc.url end
  return nil
end

-- The printed page each page break of the body starts: the body begins on
-- source.first_page, and each break starts the next page. A function of
-- the break's number in the body (1, 2, ...); nil when the source names no
-- first page. Breaks in the notes have no number (the notes were printed
-- elsewhere in the volume).
local function pagenumber(doc)
  local first = doc.source and doc.source.first_page
  if math.type(first) ~= "integer" then return function() return nil end end
  return function(k) return first + k end
end

-- The number of code points in s before byte position pos (the 0-based
-- code-point offset of pos): what JavaScript and Python index strings by.
local function cpoffset(s, pos)
  if pos <= 1 then return 0 end
  local n = 0
  for k = 1, math.min(pos - 1, #s) do
    local c = s:byte(k)
    if c < 0x80 or c >= 0xC0 then n = n + 1 end
  end
  return n
end

-- Whether Pandoc's own footnote numbers (1, 2, ... in the order the notes
-- are first cited) are the page's printed ones: every note cited exactly
-- once, in the body, in the order of their numbers 1, 2, 3, ...; nothing
-- cited from the title, the subtitle or another note. Where they are not,
-- Markdown and the Pandoc AST give the notes as endnotes under their
-- printed numbers, so that one numbering, the printed one, is shown.
local function footnotable(doc)
  local order = {}
  for k, n in ipairs(doc.notes) do
    if n.n ~= k or #n.refs ~= 1 or n.refs[1].part ~= "body" then return false end
  end
  for _, b in ipairs(doc.paragraphs) do
    local rs = {}
    for _, r in ipairs(b.refs or {}) do rs[#rs + 1] = r end
    table.sort(rs, function(x, y) return x.pos < y.pos end)
    for _, r in ipairs(rs) do order[#order + 1] = r.note end
  end
  if #order ~= #doc.notes then return false end
  for k, n in ipairs(order) do
    if n ~= k then return false end
  end
  return true
end

-- What Markdown and the Pandoc AST start from (export FNAME, which takes
-- no options): the document checked, its spans by block, whether its notes
-- can be Pandoc footnotes, and the page number of the k-th page break.
local function pandocstart(doc, opts, fname)
  checkdoc(doc, fname)
  checkopts(opts, fname, {})
  return spans(doc), footnotable(doc), pagenumber(doc)
end

-- The level of the Notes heading at the end: 1 when the body has headings
-- of its own (they start at 1), else 2.
local function noteslevel(doc)
  for _, b in ipairs(doc.paragraphs) do
    if b.kind == "heading" then return 1 end
  end
  return 2
end

-- The body's blocks, with a page break at the start of the first when the
-- source names its first page (so that it carries that page's number):
-- returns the blocks and the number to start counting the breaks from.
local function bodyblocks(doc)
  local first = doc.source and doc.source.first_page
  local ps = doc.paragraphs
  if math.type(first) ~= "integer" or #ps == 0 then return ps, 0 end
  local out = {}
  for i, b in ipairs(ps) do out[i] = b end
  local c = {}
  for k, v in pairs(ps[1]) do c[k] = v end
  c.pagebreaks = { 1 }
  for _, p in ipairs(ps[1].pagebreaks or {}) do c.pagebreaks[#c.pagebreaks + 1] = p end
  out[1] = c
  return out, -1
end

-- JSON through lua-cjson: cjson writes every string, number and boolean;
-- the structure is written here, so that (1) an empty array is [] where
-- lua-cjson 2.1.0 (Debian 12, no empty_array) would write {}, and (2) keys
-- come in a fixed order (a few first, the rest sorted), so the same
-- document gives the same bytes in every run. An array is marked with
-- `arr` when it may be empty; `EMPTY` stands for the empty array.
local EMPTY = setmetatable({}, { __name = "leninletter.emptyarray" })

-- JSON's null, where a value must be there (Pandoc's Maybe)
local NULL = setmetatable({}, { __name = "leninletter.null" })

local function arr(t)
  if t == nil or #t == 0 then return EMPTY end
  return t
end

local KEYFIRST = { schema = 1, version = 2, generator = 3, ["pandoc-api-version"] = 1, meta = 2,
  blocks = 3, t = 1, c = 2 }

local function keyless(a, b)
  local pa, pb = KEYFIRST[a] or 100, KEYFIRST[b] or 100
  if pa ~= pb then return pa < pb end
  return a < b
end

local function encode(v)
  local cjson = require "cjson"
  local out = {}
  local function enc(x)
    if x == EMPTY then
      out[#out + 1] = "[]"
    elseif x == NULL then
      out[#out + 1] = "null"
    elseif type(x) == "table" then
      local n, count = #x, 0
      for _ in pairs(x) do count = count + 1 end
      if n > 0 and count == n then
        out[#out + 1] = "["
        for i = 1, n do
          if i > 1 then out[#out + 1] = "," end
          enc(x[i])
        end
        out[#out + 1] = "]"
      else
        local keys = {}
        local mt = getmetatable(x)
        local order = mt and mt.__order
        if order then
          -- an object of the schema: its keys in the schema's order
          local known = {}
          for _, k in ipairs(order) do
            known[k] = true
            if x[k] ~= nil then keys[#keys + 1] = k end
          end
          local rest = {}
          for k in pairs(x) do
            if not known[tostring(k)] then rest[#rest + 1] = tostring(k) end
          end
          table.sort(rest)
          for _, k in ipairs(rest) do keys[#keys + 1] = k end
        else
          for k in pairs(x) do keys[#keys + 1] = tostring(k) end
          table.sort(keys, keyless)
        end
        out[#out + 1] = "{"
        for i, k in ipairs(keys) do
          if i > 1 then out[#out + 1] = "," end
          out[#out + 1] = cjson.encode(k)
          out[#out + 1] = ":"
          local val = x[k]
          if val == nil then val = x[tonumber(k)] end
          enc(val)
        end
        out[#out + 1] = "}"
      end
    else
      out[#out + 1] = cjson.encode(x)
    end
  end
  enc(v)
  return table.concat(out)
end
M._encode = encode

-- An object whose keys `encode` writes in the given order (any others
-- after them, sorted).
local ORDERS = {}
local function obj(order, t)
  local mt = ORDERS[order]
  if not mt then
    mt = { __order = order }
    ORDERS[order] = mt
  end
  return setmetatable(t, mt)
end

-- The refs of the title or subtitle, as a block.
local function headblock(doc, s, part)
  local b = { text = s, refs = {}, pagebreaks = {} }
  for _, n in ipairs(doc.notes) do
    for _, r in ipairs(n.refs) do
      if r.part == part then b.refs[#b.refs + 1] = { note = n.n, pos = r.pos } end
    end
  end
  table.sort(b.refs, function(x, y) return x.pos < y.pos end)
  return b
end

-- Which notes are cited somewhere.
local function cited(doc)
  local c = {}
  for _, n in ipairs(doc.notes) do
    if #n.refs > 0 then c[n.n] = true end
  end
  return c
end

local function checkquestions(qs, fname)
  if type(qs) ~= "table" then
    argerror(1, fname, ("array of questions expected, got %s"):format(typename(qs)))
  end
  for i, q in ipairs(qs) do
    if type(q) ~= "table" then
      argerror(1, fname, ("question %d: table expected, got %s"):format(i, typename(q)))
    end
    for _, k in ipairs({ "prompt", "answer" }) do
      if type(q[k]) ~= "string" then
        argerror(1, fname, ("question %d: %s must be a string, got %s"):format(i, k, typename(q[k])))
      end
    end
    if q.choices ~= nil then
      if type(q.choices) ~= "table" then
        argerror(1, fname, ("question %d: choices must be an array of strings, got %s"):format(i,
          typename(q.choices)))
      end
      for j, c in ipairs(q.choices) do
        if type(c) ~= "string" then
          argerror(1, fname, ("question %d: choices[%d] must be a string, got %s"):format(i, j,
            typename(c)))
        end
      end
    end
  end
  return qs
end

local function oneline(s)
  return (xmlchars(s):gsub("%s*\r?\n%s*", " "))
end

local function sourcename(h)
  if not h then return nil end
  if h.part == "body" then return ("paragraph %d, sentence %d"):format(h.paragraph or 0, h.sentence or 0) end
  if h.part == "note" then return ("note %d, paragraph %d"):format(h.note or 0, h.paragraph or 0) end
  if h.part == "meta" then return ("header field %s"):format(h.field or "") end
  return h.part
end

M.checkdoc = checkdoc
M.entities = entities
M.dates = dates
M.xmlchars = xmlchars
M.esc = esc
M.spans = spans
M.blockat = blockat
M.bodyblocks = bodyblocks
M.footnotable = footnotable
M.pandocstart = pandocstart
M.noteslevel = noteslevel
M.checkopts = checkopts
M.sourceurl = sourceurl
M.pagenumber = pagenumber
M.cpoffset = cpoffset
M.labelstyle = labelstyle
M.units = units
M.walk = walk
M.EMPTY = EMPTY
M.NULL = NULL
M.arr = arr
M.encode = encode
M.obj = obj
M.headblock = headblock
M.cited = cited
M.checkquestions = checkquestions
M.oneline = oneline
M.sourcename = sourcename
M.argerror = argerror
M.typename = typename

return M
