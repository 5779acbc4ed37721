--- Exports: a Document as JSON, Pandoc Markdown, a Pandoc JSON AST, an
-- HTML5 study page, TEI P5 XML or plain text; questions as Moodle GIFT or
-- Anki notes; tables as CSV.
--
--    local export = require "leninletter.export"
--    local doc = require("leninletter").letter()
--    io.open("letter.html", "w"):write(export.html(doc))
--
-- Every function returns a string (UTF-8) and writes nothing. Text from
-- the document stays inert in every format, whatever it holds: markup
-- characters are escaped for each format (`<` `&` in XML and HTML, `]]>`,
-- GIFT's `~ = # { } :` and backslash, Markdown's punctuation, a CSV cell
-- that starts like a spreadsheet formula), and characters XML cannot carry
-- (C0 controls) become U+FFFD.
--
-- **JSON schema** (`export.json`, `"schema": "leninletter-document"`,
-- `"version": 1`). Keys are the Lua fields of the API; a field that is nil
-- in Lua is absent; arrays are always JSON arrays (`[]` when empty),
-- `meta` an object:
--
--    { "schema": "leninletter-document", "version": 1,
--      "generator": "leninletter X.Y.Z",
--      "author", "number", "title", "subtitle": string,
--      "fields": [string], "meta": {field: string},
--      "source": {"work", "publisher", "place", "year", "volume",
--                 "first_page", "last_page"},
--      "written", "published": Date,
--      "paragraphs": [Block],
--      "notes": [{"n", "text", "paragraphs": [Block],
--                 "refs": [{"part", "paragraph", "note", "pos", "sentence"}],
--                 "citations": [{"volume", "first_page", "last_page"}]}],
--      "entities": [{"id", "name", "type", "aliases": [string], "note",
--                    "description", "mentions": [Hit]}],
--      "dates": [Date and Hit],
--      "navigation": [string], "warnings": [string] }
--    Block = {"text", "refs": [{"note", "pos"}], "pagebreaks": [integer],
--             "sentences": [string]}
--    Date  = {"text", "old_style": {"first", "last"}, "new_style": {...}}
--    Hit   = {"part", "paragraph", "note", "field", "sentence", "pos", "len", "text"}
--
-- Positions are 1-based byte positions, as in Lua.
-- @module leninletter.export

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

--- The version of the JSON schema that `json` writes.
M.JSON_VERSION = 1

-- ------------------------------------------------------------------
-- Shared helpers
-- ------------------------------------------------------------------

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

-- Entity mentions and dates by block: key -> array of {pos, len, kind, e|d},
-- sorted by position, overlaps dropped (the earlier, then the longer, wins).
local function spans(doc)
  local by = {}
  local function add(h, item)
    if h.part ~= "body" and h.part ~= "note" or not h.paragraph then return end
    local key = h.part .. ":" .. tostring(h.note or 0) .. ":" .. h.paragraph
    by[key] = by[key] or {}
    item.pos, item.len = h.pos, h.len
    table.insert(by[key], item)
  end
  for _, e in ipairs(entities(doc)) do
    for _, m in ipairs(e.mentions or {}) do add(m, { kind = "entity", e = e }) end
  end
  for _, d in ipairs(dates(doc)) do add(d, { kind = "date", d = d }) end
  for key, list in pairs(by) do
    table.sort(list, function(a, b)
      if a.pos ~= b.pos then return a.pos < b.pos end
      if a.len ~= b.len then return a.len > b.len end
      return a.kind < b.kind
    end)
    local kept, last = {}, 0
    for _, s in ipairs(list) do
      if s.pos > last then
        kept[#kept + 1] = s
        last = s.pos + s.len - 1
      end
    end
    by[key] = kept
  end
  return function(part, i, note)
    return by[part .. ":" .. tostring(note or 0) .. ":" .. i] or {}
  end
end

-- Walks a block's text as a list of events in byte order: text runs,
-- note markers, page breaks, line breaks, and the start and end of spans.
-- emit(kind, value): "text" (a string without "\n"), "br", "ref" (note
-- number), "pb", "open" (span), "close" (span).
local function walk(b, sp, emit)
  local text = b.text
  local marks = {}
  for _, r in ipairs(b.refs or {}) do marks[#marks + 1] = { pos = r.pos, order = 3, kind = "ref", v = r.note } end
  for _, p in ipairs(b.pagebreaks or {}) do marks[#marks + 1] = { pos = p, order = 2, kind = "pb" } end
  for _, s in ipairs(sp or {}) do
    marks[#marks + 1] = { pos = s.pos, order = 4, kind = "open", v = s }
    marks[#marks + 1] = { pos = s.pos + s.len, order = 1, kind = "close", v = s }
  end
  for idx, m in ipairs(marks) do m.idx = idx end
  table.sort(marks, function(x, y)
    if x.pos ~= y.pos then return x.pos < y.pos end
    if x.order ~= y.order then return x.order < y.order end
    return x.idx < y.idx
  end)
  local at, open = 1, nil
  local function run(upto)
    if upto <= at then return end
    local piece = text:sub(at, upto - 1)
    local from = 1
    while true do
      local nl = piece:find("\n", from, true)
      if not nl then break end
      if nl > from then emit("text", piece:sub(from, nl - 1)) end
      emit("br")
      from = nl + 1
    end
    if from <= #piece then emit("text", piece:sub(from)) end
    at = upto
  end
  for _, m in ipairs(marks) do
    local p = math.min(math.max(m.pos, 1), #text + 1)
    if m.kind == "open" then
      if open == nil then
        run(p)
        open = m.v
        emit("open", m.v)
      end
    elseif m.kind == "close" then
      if open == m.v then
        run(p)
        open = nil
        emit("close", m.v)
      end
    else
      -- a marker inside a span closes it early, so markup nests
      run(p)
      if open then
        emit("close", open)
        open = nil
      end
      emit(m.kind, m.v)
    end
  end
  run(#text + 1)
  if open then emit("close", open) end
end

-- ------------------------------------------------------------------
-- Plain text
-- ------------------------------------------------------------------

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

-- ------------------------------------------------------------------
-- JSON
-- ------------------------------------------------------------------

-- JSON through lua-cjson: cjson writes every string, number and boolean;
-- the structure is written here, so that (1) an empty array is [] where
-- lua-cjson 2.1.0 (Debian 12, no empty_array) would write {}, and (2) keys
-- come in a fixed order (a few first, the rest sorted), so the same
-- document gives the same bytes in every run. An array is marked with
-- `arr` when it may be empty; `EMPTY` stands for the empty array.
local EMPTY = setmetatable({}, { __name = "leninletter.emptyarray" })

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
        for k in pairs(x) do keys[#keys + 1] = tostring(k) end
        table.sort(keys, keyless)
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

local function jblock(b)
  local refs = {}
  for i, r in ipairs(b.refs or {}) do refs[i] = { note = r.note, pos = r.pos } end
  return { text = b.text, refs = arr(refs), pagebreaks = arr(b.pagebreaks),
    sentences = arr(b.sentences) }
end

local function jrange(r)
  if not r then return nil end
  return { first = r.first, last = r.last }
end

local function jdate(d)
  if not d then return nil end
  return { text = d.text, old_style = jrange(d.old_style), new_style = jrange(d.new_style),
    part = d.part, paragraph = d.paragraph, note = d.note, field = d.field,
    sentence = d.sentence, pos = d.pos, len = d.len }
end

local function jhit(h)
  return { part = h.part, paragraph = h.paragraph, note = h.note, field = h.field,
    sentence = h.sentence, pos = h.pos, len = h.len, text = h.text }
end

local function copy(t)
  if type(t) ~= "table" then return t end
  local c = {}
  for k, v in pairs(t) do c[k] = copy(v) end
  return c
end

--- The whole document as JSON (see the schema above): header, paragraphs
-- with note refs and page breaks, notes with their refs and citations,
-- entities with their mentions, dates. Encoded with lua-cjson.
-- @tparam Document doc the document
-- @treturn string the JSON text
-- @usage local t = require("cjson").decode(export.json(ll.letter()))
-- print(t.schema, #t.paragraphs, #t.notes)   -- leninletter-document  21  8
function M.json(doc)
  checkdoc(doc, "json")
  local paragraphs, notes, ents, ds = {}, {}, {}, {}
  for i, b in ipairs(doc.paragraphs) do paragraphs[i] = jblock(b) end
  for i, n in ipairs(doc.notes) do
    local ps, refs, cites = {}, {}, {}
    for j, b in ipairs(n.paragraphs) do ps[j] = jblock(b) end
    for j, r in ipairs(n.refs) do
      refs[j] = { part = r.part, paragraph = r.paragraph, note = r.note, pos = r.pos, sentence = r.sentence }
    end
    for j, c in ipairs(n.citations or {}) do cites[j] = copy(c) end
    notes[i] = { n = n.n, text = n.text, paragraphs = arr(ps), refs = arr(refs),
      citations = arr(cites) }
  end
  for i, e in ipairs(entities(doc)) do
    local ms = {}
    for j, m in ipairs(e.mentions or {}) do ms[j] = jhit(m) end
    ents[i] = { id = e.id, name = e.name, type = e.type, aliases = arr(copy(e.aliases)),
      note = e.note, description = e.description, mentions = arr(ms) }
  end
  for i, d in ipairs(dates(doc)) do ds[i] = jdate(d) end
  return encode({
    schema = "leninletter-document", version = M.JSON_VERSION, generator = VERSION,
    author = doc.author, number = doc.number, title = doc.title, subtitle = doc.subtitle,
    fields = arr(copy(doc.fields)), meta = copy(doc.meta) or {}, source = copy(doc.source),
    written = jdate(doc.written), published = jdate(doc.published),
    paragraphs = arr(paragraphs), notes = arr(notes), entities = arr(ents), dates = arr(ds),
    navigation = arr(copy(doc.navigation)), warnings = arr(copy(doc.warnings)),
  })
end

-- ------------------------------------------------------------------
-- Pandoc Markdown
-- ------------------------------------------------------------------

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

-- ------------------------------------------------------------------
-- Pandoc JSON AST
-- ------------------------------------------------------------------

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

-- ------------------------------------------------------------------
-- TEI P5
-- ------------------------------------------------------------------

-- An xml:id from an entity id: an NCName.
local function ncname(s, prefix)
  s = tostring(s):gsub("[^%w%._%-]", "_")
  if not s:find("^[%a_]") then s = (prefix or "id-") .. s end
  return s
end

local TEI_NAME = {
  person = { "persName", "listPerson", "person" },
  organization = { "orgName", "listOrg", "org" },
  place = { "placeName", "listPlace", "place" },
  event = { "name", "listEvent", "event" },
  periodical = { "title", "listBibl", "bibl" },
  work = { "title", "listBibl", "bibl" },
}

-- The attributes of a TEI date element for a Date.
local function teidate(d)
  local a = {}
  local function put(k, v) a[#a + 1] = (' %s="%s"'):format(k, esc(v)) end
  local ns, os_ = d.new_style, d.old_style
  if ns then
    if ns.first == ns.last or not ns.last then put("when", ns.first)
    else put("from", ns.first) put("to", ns.last) end
  end
  if os_ and not (ns and ns.first == os_.first and ns.last == os_.last) then
    if os_.first == os_.last or not os_.last then put("when-custom", os_.first)
    else put("from-custom", os_.first) put("to-custom", os_.last) end
    put("datingMethod", "#julian")
  end
  return table.concat(a)
end

local function teiopen(s)
  if s.kind == "date" then return "<date" .. teidate(s.d) .. ">" end
  local e = s.e
  local m = TEI_NAME[e.type] or { "name" }
  local extra = ""
  if e.type == "periodical" then extra = ' level="j"'
  elseif e.type == "work" then extra = ' level="m"'
  elseif e.type == "event" then extra = ' type="event"' end
  return ("<%s%s ref=\"#%s\">"):format(m[1], extra, esc(ncname(e.id)))
end

local function teiclose(s)
  if s.kind == "date" then return "</date>" end
  return "</" .. ((TEI_NAME[s.e.type] or { "name" })[1]) .. ">"
end

local function teiblock(b, sp)
  local out = {}
  walk(b, sp, function(kind, v)
    if kind == "text" then out[#out + 1] = esc(v)
    elseif kind == "br" then out[#out + 1] = "<lb/>"
    elseif kind == "ref" then out[#out + 1] = ('<ptr target="#note%d" n="%d"/>'):format(v, v)
    elseif kind == "pb" then out[#out + 1] = "<pb/>"
    elseif kind == "open" then out[#out + 1] = teiopen(v)
    elseif kind == "close" then out[#out + 1] = teiclose(v) end
  end)
  return table.concat(out)
end

--- The document as TEI P5 XML: a teiHeader (titleStmt; publicationStmt
-- from the availability field; sourceDesc from the `Source` field, read as
-- a bibl; profileDesc with a correspDesc for a letter and the calendars),
-- the text with `persName`, `orgName`, `placeName`, `title level="j"`
-- (periodicals), `title level="m"` (works) and `name type="event"`
-- pointing (`@ref`) into `listPerson`, `listOrg`, `listPlace`, `listBibl`
-- and `listEvent` in a `standOff`; note markers as `ptr` to the notes
-- (`note n= place="end" xml:id="noteN"`); `pb` for page breaks; `lb` for
-- line breaks; dates as `date` with `@when` (or `@from`/`@to`), and for the
-- old style `@when-custom` (or `@from-custom`/`@to-custom`) with
-- `@datingMethod="#julian"`.
-- @tparam Document doc the document
-- @treturn string the XML
-- @usage io.open("letter.xml", "w"):write(export.tei(ll.letter()))
-- -- xmllint --noout letter.xml
function M.tei(doc)
  checkdoc(doc, "tei")
  local sp = spans(doc)
  local ents = entities(doc)
  local o = {}
  local function w(...) for i = 1, select("#", ...) do o[#o + 1] = select(i, ...) end end
  local meta = doc.meta or {}
  local src = doc.source
  w('<?xml version="1.0" encoding="UTF-8"?>\n')
  w('<TEI xmlns="http://www.tei-c.org/ns/1.0" xml:lang="en">\n')
  w("  <teiHeader>\n    <fileDesc>\n      <titleStmt>\n")
  w("        <title type=\"main\">", esc(doc.title or "Untitled"), "</title>\n")
  if doc.subtitle then w("        <title type=\"sub\">", esc(doc.subtitle), "</title>\n") end
  if doc.author then w("        <author>", esc(doc.author), "</author>\n") end
  for _, f in ipairs(doc.fields) do
    if f:find("Transcription") or f:find("Markup") or f:find("Translated") then
      w("        <respStmt><resp>", esc(f), "</resp><name>", esc(meta[f] or ""), "</name></respStmt>\n")
    end
  end
  w("        <respStmt><resp>TEI encoding</resp><name>", esc(VERSION), "</name></respStmt>\n")
  w("      </titleStmt>\n      <publicationStmt>\n")
  w("        <publisher>Marxists Internet Archive</publisher>\n")
  local avail = {}
  for _, f in ipairs(doc.fields) do
    if f:find("Public Domain") or f:find("Copyleft") or f:find("License") then
      avail[#avail + 1] = "<p>" .. esc(f) .. ": " .. esc(meta[f] or "") .. "</p>"
    end
  end
  if #avail > 0 then
    w("        <availability>", table.concat(avail), "</availability>\n")
  end
  w("      </publicationStmt>\n      <sourceDesc>\n        <bibl>\n")
  if doc.author then w("          <author>", esc(doc.author), "</author>\n") end
  if doc.title then w("          <title level=\"a\">", esc(doc.title), "</title>\n") end
  if src then
    if src.work then w("          <title level=\"m\">", esc(tostring(src.work)), "</title>\n") end
    if src.volume then
      w("          <biblScope unit=\"volume\">", esc(tostring(src.volume)), "</biblScope>\n")
    end
    if src.publisher then w("          <publisher>", esc(tostring(src.publisher)), "</publisher>\n") end
    if src.place then w("          <pubPlace>", esc(tostring(src.place)), "</pubPlace>\n") end
    if src.year then
      w(("          <date when=\"%s\">%s</date>\n"):format(
        math.type(src.year) == "integer" and ("%04d"):format(src.year) or esc(tostring(src.year)),
        esc(tostring(src.year))))
    end
    if src.first_page then
      local last = src.last_page or src.first_page
      w(("          <biblScope unit=\"page\" from=\"%s\" to=\"%s\">%s</biblScope>\n"):format(
        esc(tostring(src.first_page)), esc(tostring(last)),
        esc(tostring(src.first_page) .. (last ~= src.first_page and "-" .. tostring(last) or ""))))
    end
  end
  w("        </bibl>\n")
  if meta.Source then w("        <p>Source: ", esc(meta.Source), "</p>\n") end
  w("      </sourceDesc>\n    </fileDesc>\n")
  w("    <encodingDesc>\n      <projectDesc><p>Encoded from the Marxists Internet Archive's page by ",
    esc(VERSION), ".</p></projectDesc>\n    </encodingDesc>\n")
  w("    <profileDesc>\n")
  -- a letter: who wrote it, when, and to whom
  local heading = (doc.subtitle or "") .. " " .. (doc.title or "")
  local to = heading:match("[Ll]etter [Tt]o [Tt]he ([%w%s]+)") or heading:match("[Ll]etter [Tt]o ([%w%s]+)")
  if to then
    w("      <correspDesc>\n        <correspAction type=\"sent\">\n")
    if doc.author then
      local lenin
      for _, e in ipairs(ents) do
        if e.type == "person" and e.name == doc.author then lenin = e break end
      end
      w("          <persName", lenin and (' ref="#' .. esc(ncname(lenin.id)) .. '"') or "", ">",
        esc(doc.author), "</persName>\n")
    end
    if doc.written then
      w("          <date", teidate(doc.written), ">", esc(doc.written.text), "</date>\n")
    end
    w("        </correspAction>\n        <correspAction type=\"received\">\n")
    w("          <name>the ", esc((to:gsub("%s+$", ""))), "</name>\n")
    w("        </correspAction>\n      </correspDesc>\n")
  end
  w("      <calendarDesc>\n        <calendar xml:id=\"julian\"><p>The Julian calendar (Old Style),",
    " used in Russia until 1918: dates in it are in @when-custom, @from-custom and @to-custom.</p></calendar>\n",
    "      </calendarDesc>\n")
  if doc.written then
    w("      <creation><date", teidate(doc.written), ">", esc(doc.written.text), "</date></creation>\n")
  end
  w("    </profileDesc>\n  </teiHeader>\n")
  -- the entities, once each, in lists by kind
  if #ents > 0 then
    w("  <standOff>\n")
    for _, kind in ipairs({ "person", "organization", "place", "event", "periodical", "work" }) do
      local m = TEI_NAME[kind]
      local list = {}
      for _, e in ipairs(ents) do
        if e.type == kind then list[#list + 1] = e end
      end
      if #list > 0 then
        w("    <", m[2], " type=\"", kind, "\">\n")
        for _, e in ipairs(list) do
          local id = esc(ncname(e.id))
          local desc = e.description and ("<note>" .. esc(e.description) .. "</note>") or ""
          local alias = {}
          for _, a in ipairs(e.aliases or {}) do alias[#alias + 1] = a end
          if kind == "person" or kind == "organization" or kind == "place" then
            local el = m[1]
            local names = { "<" .. el .. ">" .. esc(e.name) .. "</" .. el .. ">" }
            for _, a in ipairs(alias) do
              names[#names + 1] = "<" .. el .. " type=\"alias\">" .. esc(a) .. "</" .. el .. ">"
            end
            w("      <", m[3], " xml:id=\"", id, "\">", table.concat(names), desc, "</", m[3], ">\n")
          elseif kind == "event" then
            local labels = { "<label>" .. esc(e.name) .. "</label>" }
            for _, a in ipairs(alias) do labels[#labels + 1] = "<label type=\"alias\">" .. esc(a) .. "</label>" end
            w("      <event xml:id=\"", id, "\">", table.concat(labels), desc, "</event>\n")
          else
            local level = kind == "periodical" and "j" or "m"
            local titles = { ("<title level=\"%s\">%s</title>"):format(level, esc(e.name)) }
            for _, a in ipairs(alias) do
              titles[#titles + 1] = ("<title level=\"%s\" type=\"alias\">%s</title>"):format(level, esc(a))
            end
            w("      <bibl xml:id=\"", id, "\">", table.concat(titles), desc, "</bibl>\n")
          end
        end
        w("    </", m[2], ">\n")
      end
    end
    w("  </standOff>\n")
  end
  w("  <text>\n    <front>\n      <docTitle>\n")
  if doc.title then
    w("        <titlePart type=\"main\">", teiblock(headblock(doc, doc.title, "title")), "</titlePart>\n")
  end
  if doc.subtitle then
    w("        <titlePart type=\"sub\">", teiblock(headblock(doc, doc.subtitle, "subtitle")),
      "</titlePart>\n")
  end
  w("      </docTitle>\n")
  if doc.author then w("      <docAuthor>", esc(doc.author), "</docAuthor>\n") end
  w("    </front>\n    <body>\n")
  if #doc.paragraphs == 0 then w("      <p/>\n") end
  for i, b in ipairs(doc.paragraphs) do
    w("      <p n=\"", i, "\">", teiblock(b, sp("body", i)), "</p>\n")
  end
  w("    </body>\n    <back>\n      <div type=\"notes\">\n")
  if #doc.notes == 0 then w("        <p/>\n") end
  local seen = {}
  for _, n in ipairs(doc.notes) do
    local id = "note" .. n.n
    if seen[id] then id = id .. "-" .. #doc.notes .. "-" .. _ end
    seen[id] = true
    w(("        <note n=\"%d\" place=\"end\" xml:id=\"%s\">\n"):format(n.n, id))
    for i, b in ipairs(n.paragraphs) do
      w("          <p>", teiblock(b, sp("note", i, n.n)), "</p>\n")
    end
    w("        </note>\n")
  end
  w("      </div>\n    </back>\n  </text>\n</TEI>\n")
  return table.concat(o)
end

-- ------------------------------------------------------------------
-- Questions: GIFT and Anki
-- ------------------------------------------------------------------

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

--- Escapes text for GIFT: a backslash before each of `~ = # { } :` and
-- the backslash itself.
-- @string s the text
-- @treturn string
-- @usage print(export.giftescape("a=b {c}"))   --> a\=b \{c\}
function M.giftescape(s)
  return (s:gsub("[\\~=#{}:]", "\\%0"))
end
local gesc = M.giftescape

local function sourcename(h)
  if not h then return nil end
  if h.part == "body" then return ("paragraph %d, sentence %d"):format(h.paragraph or 0, h.sentence or 0) end
  if h.part == "note" then return ("note %d, paragraph %d"):format(h.note or 0, h.paragraph or 0) end
  if h.part == "meta" then return ("header field %s"):format(h.field or "") end
  return h.part
end

--- Questions in Moodle's GIFT format: each question titled, its text
-- marked `[plain]` (Moodle shows it as written, never as HTML), the
-- answers placed where the blank was (`{=answer}` for a cloze,
-- `{=right ~wrong ~wrong}` for choices), or after a question without a
-- blank. GIFT's special characters are escaped in titles, texts and answers.
-- @tparam {Question,...} questions as the `leninletter.quiz` functions return
-- @treturn string the GIFT text
-- @usage local qs = quiz.cloze(ll.letter(), {count = 10})
-- io.open("quiz.gift", "w"):write(export.gift(qs))
function M.gift(questions)
  checkquestions(questions, "gift")
  local out = { "// leninletter: " .. #questions
    .. " questions (import in Moodle: Question bank, Import, GIFT format)" }
  for i, q in ipairs(questions) do
    local title = ("Q%d %s"):format(i, q.kind or "question")
    local where = sourcename(q.source)
    if where then title = title .. " (" .. where .. ")" end
    local answers
    if q.choices and #q.choices > 0 then
      local a = {}
      for _, c in ipairs(q.choices) do
        a[#a + 1] = (c == q.answer and "=" or "~") .. gesc(oneline(c))
      end
      answers = "{" .. table.concat(a, " ") .. "}"
    else
      answers = "{=" .. gesc(oneline(q.answer)) .. "}"
    end
    local prompt = oneline(q.prompt)
    local a, b = prompt:find("_____", 1, true)
    local body
    if a then
      body = gesc(prompt:sub(1, a - 1)) .. answers .. gesc(prompt:sub(b + 1))
    else
      body = gesc(prompt) .. " " .. answers
    end
    out[#out + 1] = "::" .. gesc(title) .. "::[plain]" .. body
  end
  return table.concat(out, "\n\n") .. "\n"
end

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
    out[#out + 1] = text .. "\t" .. back
  end
  return table.concat(out, "\n") .. "\n"
end

-- ------------------------------------------------------------------
-- CSV
-- ------------------------------------------------------------------

local PREFERRED = { "doc", "part", "field", "note", "paragraph", "sentence", "pos", "len",
  "left", "match", "right", "text", "word", "ngram", "count", "score" }

--- Rows as CSV (RFC 4180): CRLF line ends, a field quoted when it holds a
-- comma, a quote, CR or LF, quotes doubled. A text cell that starts with
-- `=`, `+`, `-`, `@`, a tab or CR (which a spreadsheet would run as a
-- formula) gets a leading `'`. Numbers are written as Lua writes them,
-- booleans as true/false, nil as an empty cell.
-- @tparam {table,...} rows records (tables with string keys: concordance
--   lines, frequency rows, ...) or arrays of cells
-- @tparam[opt] {string,...} columns the keys to write, in order, written
--   first as a header line; by default the records' keys (Hit fields,
--   `left`, `match`, `right`, `word`, `count`, ... first, then the rest
--   sorted), or no header for arrays
-- @treturn string the CSV text
-- @usage local lines = ll.letter():concordance("Soviet")
-- io.write(export.csv(lines, {"paragraph", "left", "match", "right"}))
function M.csv(rows, columns)
  if type(rows) ~= "table" then
    argerror(1, "csv", ("table expected, got %s"):format(typename(rows)))
  end
  if columns ~= nil then
    if type(columns) ~= "table" then
      argerror(2, "csv", ("table expected, got %s"):format(typename(columns)))
    end
    for i, c in ipairs(columns) do
      if type(c) ~= "string" and math.type(c) ~= "integer" then
        argerror(2, "csv", ("columns[%d] must be a string or an integer, got %s"):format(i, typename(c)))
      end
    end
  end
  for i, r in ipairs(rows) do
    if type(r) ~= "table" then
      argerror(1, "csv", ("row %d: table expected, got %s"):format(i, typename(r)))
    end
  end
  local function cell(v, i, col)
    local t = type(v)
    if v == nil then return "" end
    if t == "number" then
      v = math.type(v) == "integer" and tostring(v) or ("%.17g"):format(v)
    elseif t == "boolean" then
      v = tostring(v)
    elseif t == "string" then
      if v:find("^[=+%-@\t\r]") then v = "'" .. v end
    else
      argerror(1, "csv", ("row %d, column %s: string, number or boolean expected, got %s"):format(
        i, tostring(col), typename(v)))
    end
    if v:find('[,"\r\n]') then v = '"' .. v:gsub('"', '""') .. '"' end
    return v
  end
  local out = {}
  local cols = columns
  local header = columns ~= nil
  if cols == nil and rows[1] ~= nil and rows[1][1] == nil then
    local seen, rest = {}, {}
    cols = {}
    for _, r in ipairs(rows) do
      for k, v in pairs(r) do
        if type(k) == "string" and type(v) ~= "table" and not seen[k] then
          seen[k] = true
          rest[#rest + 1] = k
        end
      end
    end
    for _, k in ipairs(PREFERRED) do
      if seen[k] then cols[#cols + 1] = k seen[k] = "done" end
    end
    table.sort(rest)
    for _, k in ipairs(rest) do
      if seen[k] ~= "done" then cols[#cols + 1] = k end
    end
    header = true
  end
  if header then
    local h = {}
    for j, c in ipairs(cols) do h[j] = cell(tostring(c), 0, j) end
    out[#out + 1] = table.concat(h, ",")
  end
  for i, r in ipairs(rows) do
    local cs = {}
    if cols then
      for j, c in ipairs(cols) do cs[j] = cell(r[c], i, c) end
    else
      for j = 1, #r do cs[j] = cell(r[j], i, j) end
    end
    out[#out + 1] = table.concat(cs, ",")
  end
  if #out == 0 then return "" end
  return table.concat(out, "\r\n") .. "\r\n"
end


-- ------------------------------------------------------------------
-- HTML: one self-contained study page
-- ------------------------------------------------------------------

local HTML_CSS = [[
:root { --ink: #1d1d1f; --paper: #fdfcf8; --muted: #6b6b70; --accent: #8b1a1a;
  --person: #fde2c4; --organization: #d6e8fb; --periodical: #e4dbf7; --place: #d5f0d8;
  --event: #fbd5dc; --work: #f4edc2; --date: #e5e5e5; }
* { box-sizing: border-box; }
body { margin: 0; background: var(--paper); color: var(--ink);
  font: 17px/1.6 Georgia, "DejaVu Serif", "Times New Roman", serif; }
header, main, #notes, #quiz, footer, nav.tools { max-width: 46rem; margin: 0 auto; padding: 0 1.2rem; }
header { padding-top: 2rem; }
header .author { font-variant: small-caps; letter-spacing: .05em; color: var(--muted); margin: 0; }
h1 { font-size: 2rem; line-height: 1.2; margin: .2rem 0; color: var(--accent); }
header .subtitle { font-style: italic; margin: 0 0 1rem; }
dl.fields { display: grid; grid-template-columns: max-content 1fr; gap: .1rem 1rem; font-size: .85rem;
  color: var(--muted); border-top: 1px solid #ddd; border-bottom: 1px solid #ddd; padding: .6rem 0; }
dl.fields dt { font-weight: bold; } dl.fields dd { margin: 0; }
nav.tools { position: sticky; top: 0; background: var(--paper); border-bottom: 1px solid #ddd;
  padding-top: .5rem; padding-bottom: .5rem; z-index: 2; font: 14px/1.4 system-ui, sans-serif; }
nav.tools button { font: inherit; padding: .25rem .8rem; border: 1px solid #bbb; background: #fff;
  border-radius: 4px; cursor: pointer; }
nav.tools button[aria-pressed="true"] { background: var(--accent); color: #fff; border-color: var(--accent); }
nav.tools input[type=search] { font: inherit; padding: .25rem .5rem; width: 14rem; }
.legend { margin-top: .4rem; font-size: 12px; }
.legend span { padding: 0 .35rem; border-radius: 3px; margin-right: .3rem; }
main p { hyphens: auto; }
sup { line-height: 0; }
.ent { border-radius: 3px; padding: 0 .1rem; }
.ent-person { background: var(--person); } .ent-organization { background: var(--organization); }
.ent-periodical { background: var(--periodical); font-style: italic; } .ent-place { background: var(--place); }
.ent-event { background: var(--event); } .ent-work { background: var(--work); font-style: italic; }
.date { border-bottom: 2px dotted #999; }
body.plain .ent, body.plain .date { background: none; border: 0; }
sup.ref a { text-decoration: none; color: var(--accent); font-weight: bold; font-size: .75em; padding: 0 .1em; }
.pb { color: #aaa; font-size: .8em; user-select: none; }
:target { outline: 2px solid var(--accent); outline-offset: 3px; border-radius: 3px; }
[id] { scroll-margin-top: 5.5rem; }
#notes { font-size: .92rem; border-top: 2px solid var(--accent); margin-top: 2rem; }
#notes ol { padding-left: 2.2rem; }
#notes li { margin-bottom: 1rem; }
#notes .back a { font-size: .85em; margin-right: .6em; }
#concordance { font: 13px/1.5 "DejaVu Sans Mono", monospace; max-height: 45vh; overflow-y: auto;
  margin-top: .4rem; border-top: 1px solid #ddd; padding: 0; }
#concordance table { border-collapse: collapse; width: 100%; }
#concordance td { white-space: pre; padding: 0; }
#concordance td.where { padding-right: .6rem; }
#concordance td.left, #concordance td.right { width: 50%; max-width: 0; overflow: hidden; }
#concordance td.left { text-align: right; }
#concordance td.match { font-weight: bold; color: var(--accent); white-space: nowrap; }
#concordance td.where { white-space: nowrap; }
#concordance td.where a { color: var(--muted); }
#concordance p { font-family: system-ui, sans-serif; }
#quiz .q { border: 1px solid #ddd; border-radius: 6px; padding: .6rem 1rem; margin: 1rem 0; background: #fff; }
#quiz .q.right { border-color: #2e7d32; background: #eef8ee; }
#quiz .q.wrong { border-color: #c62828; background: #fdeeee; }
#quiz .q .kind { font: 12px system-ui, sans-serif; color: var(--muted); text-transform: uppercase;
  letter-spacing: .05em; }
#quiz .choices button, #quiz .cloze button { font: inherit; margin: .2rem .4rem .2rem 0; padding: .2rem .7rem;
  border: 1px solid #bbb; border-radius: 4px; background: #fafafa; cursor: pointer; }
#quiz .choices button.picked { border-width: 2px; }
#quiz .feedback { font-family: system-ui, sans-serif; font-size: .9rem; margin: .4rem 0 0; }
#quiz .score { font: 15px system-ui, sans-serif; }
footer { color: var(--muted); font-size: .8rem; padding-top: 2rem; padding-bottom: 2rem; }
@media print { nav.tools, #quiz, #concordance { display: none; } }
]]

local HTML_JS = [[
(function () {
  "use strict";
  var data = JSON.parse(document.getElementById("leninletter-data").textContent);
  var $ = function (id) { return document.getElementById(id); };
  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text !== undefined) e.textContent = text;
    return e;
  }
  // Words as the module reads them: letters and digits (and the marks on
  // them), one hyphen or apostrophe (- ' U+2010 U+2011 U+2019) between two
  // of them joining; normal forms case-folded, with U+2019 written as '.
  var WORD = /[\p{L}\p{N}][\p{L}\p{N}\p{M}]*(?:['\u2019\u2010\u2011-][\p{L}\p{N}][\p{L}\p{N}\p{M}]*)*/gu;
  function norm(w) { return w.normalize("NFC").toLowerCase().replace(/\u00df/g, "ss").replace(/\u2019/g, "'"); }
  function tokens(text) {
    var out = [], m;
    WORD.lastIndex = 0;
    while ((m = WORD.exec(text)) !== null) out.push({ norm: norm(m[0]), start: m.index, end: m.index + m[0].length });
    return out;
  }
  var toks = data.blocks.map(function (b) { return tokens(b.text); });
  function parse(q) {
    var ws = [], m;
    WORD.lastIndex = 0;
    var re = /[\p{L}\p{N}][\p{L}\p{N}\p{M}]*(?:['\u2019\u2010\u2011-][\p{L}\p{N}][\p{L}\p{N}\p{M}]*)*\*?/gu;
    while ((m = re.exec(q)) !== null) ws.push(m[0]);
    return ws.map(function (w) {
      var prefix = w.charAt(w.length - 1) === "*";
      return { norm: norm(prefix ? w.slice(0, -1) : w), prefix: prefix };
    });
  }
  function matches(t, w) { return w.prefix ? t.norm.indexOf(w.norm) === 0 : t.norm === w.norm; }
  function chars(s) { return Array.from(s); }
  function flat(s) { return s.replace(/[\n\t]/g, " "); }
  var WIDTH = 40;
  function concordance(q, notes) {
    var ws = parse(q), lines = [];
    if (ws.length === 0) return lines;
    data.blocks.forEach(function (b, bi) {
      if (b.part !== "body" && !(notes && b.part === "note")) return;
      var ts = toks[bi];
      for (var i = 0; i + ws.length <= ts.length; i++) {
        var ok = true;
        for (var j = 0; j < ws.length && ok; j++) ok = matches(ts[i + j], ws[j]);
        if (!ok) continue;
        var s = ts[i].start, e = ts[i + ws.length - 1].end;
        var left = chars(b.text.slice(0, s)), right = chars(b.text.slice(e));
        lines.push({ block: b, left: flat(left.slice(Math.max(0, left.length - WIDTH)).join("")),
          match: flat(b.text.slice(s, e)), right: flat(right.slice(0, WIDTH).join("")) });
      }
    });
    return lines;
  }
  function showConcordance() {
    var q = $("search").value, box = $("concordance"), table = $("conc-lines");
    table.textContent = "";
    if (q.trim() === "") { box.hidden = true; return; }
    var lines = concordance(q, $("search-notes").checked);
    box.hidden = false;
    $("conc-count").textContent = lines.length + (lines.length === 1 ? " line" : " lines") +
      " for \u201c" + q.trim() + "\u201d";
    lines.forEach(function (l) {
      var tr = el("tr", "line");
      var where = el("td", "where"), a = el("a", null, l.block.label);
      a.href = "#" + l.block.id;
      where.appendChild(a);
      tr.appendChild(where);
      tr.appendChild(el("td", "left", l.left));
      tr.appendChild(el("td", "match", l.match));
      tr.appendChild(el("td", "right", l.right));
      table.appendChild(tr);
    });
  }
  $("search").addEventListener("input", showConcordance);
  $("search-notes").addEventListener("change", showConcordance);

  // quiz mode
  var score = { right: 0, answered: 0 };
  function same(a, b) { return norm(a.trim()).replace(/\s+/g, " ") === norm(b.trim()).replace(/\s+/g, " "); }
  function updateScore() {
    $("quiz-score").textContent = score.right + " right of " + score.answered + " answered (" +
      data.questions.length + " questions)";
  }
  function mark(div, ok, q) {
    if (div.dataset.answered) return;
    div.dataset.answered = "1";
    score.answered++;
    if (ok) score.right++;
    div.classList.add(ok ? "right" : "wrong");
    var fb = div.querySelector(".feedback");
    fb.textContent = ok ? "Right!" : "Wrong \u2014 the answer is \u201c" + q.answer + "\u201d.";
    updateScore();
  }
  function buildQuiz() {
    var list = $("quiz-list");
    data.questions.forEach(function (q, i) {
      var div = el("div", "q");
      div.id = "q" + (i + 1);
      div.appendChild(el("p", "kind", (i + 1) + ". " + q.kind + (q.where ? " \u00b7 " + q.where : "")));
      div.appendChild(el("p", "prompt", q.prompt));
      if (q.choices && q.choices.length) {
        var cs = el("p", "choices");
        q.choices.forEach(function (c) {
          var b = el("button", "choice", c);
          b.type = "button";
          b.addEventListener("click", function () { b.classList.add("picked"); mark(div, c === q.answer, q); });
          cs.appendChild(b);
        });
        div.appendChild(cs);
      } else {
        var p = el("p", "cloze"), input = el("input"), check = el("button", "check", "Check");
        input.type = "text";
        input.setAttribute("aria-label", "your answer");
        check.type = "button";
        check.addEventListener("click", function () { mark(div, same(input.value, q.answer), q); });
        input.addEventListener("keydown", function (ev) { if (ev.key === "Enter") check.click(); });
        p.appendChild(input);
        p.appendChild(check);
        div.appendChild(p);
      }
      div.appendChild(el("p", "feedback"));
      list.appendChild(div);
    });
    updateScore();
  }
  buildQuiz();
  function mode(quiz) {
    $("quiz").hidden = !quiz;
    $("text").hidden = quiz;
    $("notes").hidden = quiz;
    $("mode-quiz").setAttribute("aria-pressed", quiz ? "true" : "false");
    $("mode-read").setAttribute("aria-pressed", quiz ? "false" : "true");
  }
  $("mode-quiz").addEventListener("click", function () { mode(true); });
  $("mode-read").addEventListener("click", function () { mode(false); });
  $("highlight").addEventListener("change", function () {
    document.body.classList.toggle("plain", !$("highlight").checked);
  });
  // a marker or back link clicked while in quiz mode goes back to reading
  document.addEventListener("click", function (ev) {
    var a = ev.target.closest && ev.target.closest("a[href^='#']");
    if (a && !$("quiz").hidden) mode(false);
  });
})();
]]

local TYPE_LABEL = { person = "person", organization = "organization", periodical = "periodical",
  place = "place", event = "event", work = "work" }

-- The JSON for a <script> element: no "<" (so no "</script>" or "<!--")
-- and no U+2028/U+2029.
local function scriptjson(v)
  local s = encode(v)
  s = s:gsub("<", "\\u003c"):gsub(">", "\\u003e"):gsub("&", "\\u0026")
  s = s:gsub("\226\128\168", "\\u2028"):gsub("\226\128\169", "\\u2029")
  return s
end

local function datetitle(d)
  local t = {}
  if d.old_style then t[#t + 1] = "old style " .. d.old_style.first ..
    (d.old_style.last and d.old_style.last ~= d.old_style.first and (" to " .. d.old_style.last) or "") end
  if d.new_style then t[#t + 1] = "new style " .. d.new_style.first ..
    (d.new_style.last and d.new_style.last ~= d.new_style.first and (" to " .. d.new_style.last) or "") end
  return table.concat(t, "; ")
end

--- One self-contained HTML5 study page: the header, the text with the
-- entities highlighted by type (and dates marked), footnote markers and
-- notes linked both ways, a search box that shows a live concordance (the
-- page's script searches the text embedded in the page, as
-- `doc:concordance` does: whole words, case and apostrophe kind ignored,
-- phrases, `prefix*`), and a quiz mode (cloze, multiple choice, notes and
-- dates questions; a click marks an answer right or wrong). No network:
-- styles, script, text and questions are all in the page, and its
-- Content-Security-Policy forbids loading anything else.
-- @tparam Document doc the document
-- @tparam[opt] table opts `seed` (the quiz's seed, default 1), `count`
--   (questions of each kind, default 5), `questions` (an array of Question
--   to use instead)
-- @treturn string the page
-- @usage io.open("letter.html", "w"):write(export.html(ll.letter()))
function M.html(doc, opts)
  checkdoc(doc, "html")
  if opts ~= nil and type(opts) ~= "table" then
    argerror(2, "html", ("table expected, got %s"):format(typename(opts)))
  end
  opts = opts or {}
  for _, k in ipairs({ "seed", "count" }) do
    if opts[k] ~= nil and math.type(opts[k]) ~= "integer" then
      argerror(2, "html", ("opts.%s must be an integer, got %s"):format(k, typename(opts[k])))
    end
  end
  if opts.count ~= nil and opts.count < 1 then
    argerror(2, "html", ("opts.count must be a positive integer, got %d"):format(opts.count))
  end
  local questions = opts.questions
  if questions ~= nil then
    checkquestions(questions, "html")
  else
    local quiz = require "leninletter.quiz"
    questions = {}
    local qo = { seed = opts.seed or 1, count = opts.count or 5 }
    for _, kind in ipairs({ "choice", "cloze", "notes", "dates" }) do
      for _, q in ipairs((quiz[kind](doc, qo))) do questions[#questions + 1] = q end
    end
  end
  local sp = spans(doc)
  local o = {}
  local function w(...) for i = 1, select("#", ...) do o[#o + 1] = select(i, ...) end end
  -- note markers: ids ref-N-K, K-th citation of note N
  local refcount, reflist = {}, {}
  local function marker(n, where)
    refcount[n] = (refcount[n] or 0) + 1
    local id = ("ref-%d-%d"):format(n, refcount[n])
    reflist[n] = reflist[n] or {}
    table.insert(reflist[n], { id = id, where = where })
    return ('<sup class="ref"><a id="%s" href="#note-%d" aria-label="note %d">[%d]</a></sup>')
      :format(id, n, n, n)
  end
  local function block(b, spans_, where)
    local out = {}
    walk(b, spans_, function(kind, v)
      if kind == "text" then out[#out + 1] = esc(v)
      elseif kind == "br" then out[#out + 1] = "<br>"
      elseif kind == "ref" then out[#out + 1] = marker(v, where)
      elseif kind == "pb" then
        out[#out + 1] = '<span class="pb" title="page break in the print edition">|</span>'
      elseif kind == "open" then
        if v.kind == "date" then
          out[#out + 1] = ('<span class="date" title="%s">'):format(esc(datetitle(v.d)))
        else
          local e = v.e
          local t = TYPE_LABEL[e.type] or "other"
          local title = e.name .. " (" .. t .. ")" .. (e.description and (": " .. e.description) or "")
          out[#out + 1] = ('<span class="ent ent-%s" data-entity="%s" title="%s">'):format(t,
            esc(e.id), esc(title))
        end
      elseif kind == "close" then out[#out + 1] = "</span>" end
    end)
    return table.concat(out)
  end
  local title = doc.title or doc.author or "Untitled"
  w('<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n',
    '<meta name="viewport" content="width=device-width, initial-scale=1">\n',
    '<meta http-equiv="Content-Security-Policy" content="default-src \'none\'; ',
    'style-src \'unsafe-inline\'; script-src \'unsafe-inline\'; img-src data:">\n',
    '<link rel="icon" href="data:,">\n',
    '<meta name="generator" content="', esc(VERSION), '">\n',
    "<title>", esc(title), "</title>\n<style>", HTML_CSS, "</style>\n</head>\n<body>\n")
  w("<header>\n")
  if doc.author then w('<p class="author">', esc(doc.author), "</p>\n") end
  if doc.title then w("<h1>", block(headblock(doc, doc.title, "title"), nil, "title"), "</h1>\n") end
  if doc.subtitle then
    w('<p class="subtitle">', block(headblock(doc, doc.subtitle, "subtitle"), nil, "subtitle"), "</p>\n")
  end
  if #doc.fields > 0 then
    w('<dl class="fields">\n')
    for _, f in ipairs(doc.fields) do
      w("<dt>", esc(f), "</dt><dd>", esc(doc.meta[f] or ""), "</dd>\n")
    end
    w("</dl>\n")
  end
  w("</header>\n")
  w('<nav class="tools" aria-label="tools">\n',
    '<button type="button" id="mode-read" aria-pressed="true">Read</button>\n',
    '<button type="button" id="mode-quiz" aria-pressed="false">Quiz (', #questions, ")</button>\n",
    '<label> Search <input type="search" id="search" placeholder="Soviet, Black Hundreds, revolution*" ',
    'autocomplete="off"></label>\n',
    '<label><input type="checkbox" id="search-notes"> notes too</label>\n',
    '<label><input type="checkbox" id="highlight" checked> highlight</label>\n')
  local present = {}
  for _, e in ipairs(entities(doc)) do present[TYPE_LABEL[e.type] or "other"] = true end
  local legend = {}
  for _, t in ipairs({ "person", "organization", "periodical", "place", "event", "work" }) do
    if present[t] then legend[#legend + 1] = ('<span class="ent-%s">%s</span>'):format(t, t) end
  end
  if #legend > 0 then w('<div class="legend">', table.concat(legend), "</div>\n") end
  w('<section id="concordance" hidden aria-live="polite">\n<p id="conc-count"></p>\n',
    '<table id="conc-lines"></table>\n</section>\n')
  w("</nav>\n")
  w('<main id="text">\n')
  local blocksdata = {}
  for i, b in ipairs(doc.paragraphs) do
    local id = "p" .. i
    w('<p id="', id, '">', block(b, sp("body", i), "paragraph " .. i), "</p>\n")
    blocksdata[#blocksdata + 1] = { id = id, part = "body", label = "\194\182" .. i, text = xmlchars(b.text) }
  end
  w("</main>\n")
  local noteshtml = {}
  for _, n in ipairs(doc.notes) do
    local ps = {}
    for i, b in ipairs(n.paragraphs) do
      local id = ("note-%d-p%d"):format(n.n, i)
      ps[#ps + 1] = ('<p id="%s">%s</p>'):format(id, block(b, sp("note", i, n.n), "note " .. n.n))
      blocksdata[#blocksdata + 1] = { id = id, part = "note", label = "n" .. n.n, text = xmlchars(b.text) }
    end
    noteshtml[#noteshtml + 1] = { n = n.n, ps = ps }
  end
  w('<section id="notes">\n<h2>Notes</h2>\n<ol class="notes">\n')
  local seen = {}
  for _, x in ipairs(noteshtml) do
    local id = seen[x.n] and ("note-%d-%d"):format(x.n, #seen) or ("note-%d"):format(x.n)
    seen[x.n] = true
    w(('<li id="%s" value="%d">'):format(id, x.n), table.concat(x.ps, "\n"))
    local back = {}
    for _, r in ipairs(reflist[x.n] or {}) do
      back[#back + 1] = ('<a href="#%s" class="backref">\226\134\169 %s</a>'):format(r.id, esc(r.where))
    end
    if #back > 0 then w('\n<p class="back">', table.concat(back, " "), "</p>") end
    w("</li>\n")
  end
  w("</ol>\n</section>\n")
  w('<section id="quiz" hidden>\n<h2>Quiz</h2>\n<p class="score" id="quiz-score"></p>\n',
    '<div id="quiz-list"></div>\n</section>\n')
  w("<footer>Text: Marxists Internet Archive (marxists.org). Study page made by ", esc(VERSION),
    ". Entities are highlighted by type; hover for what the notes say.</footer>\n")
  local qdata = {}
  for i, q in ipairs(questions) do
    local cs = {}
    for j, c in ipairs(q.choices or {}) do cs[j] = xmlchars(c) end
    qdata[i] = { kind = q.kind or "question", prompt = xmlchars(q.prompt), answer = xmlchars(q.answer),
      choices = arr(cs), where = sourcename(q.source) }
  end
  w('<script type="application/json" id="leninletter-data">',
    scriptjson({ blocks = arr(blocksdata), questions = arr(qdata) }), "</script>\n")
  w("<script>", HTML_JS, "</script>\n</body>\n</html>\n")
  return table.concat(o)
end

return M
