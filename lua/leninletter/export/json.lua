--- JSON: `export.json`. The schema is schema/leninletter-document.schema.json
-- (JSON Schema draft 2020-12); the key orders below are that file's.
-- @module leninletter.export.json

local math = require("leninletter.compat").math
local C = require "leninletter.export.common"
local checkdoc = C.checkdoc
local entities = C.entities
local dates = C.dates
local arr = C.arr
local obj = C.obj
local encode = C.encode
local cpoffset = C.cpoffset
local checkopts = C.checkopts
local sourceurl = C.sourceurl
local VERSION = C.VERSION

local M = {}

--- The version of the JSON schema that `json` writes.
M.JSON_VERSION = 2

-- the keys of each object, in the schema's order
local K = {
  document = { "schema", "version", "generator", "url", "author", "number", "title", "subtitle", "fields", "meta",
    "source", "written", "published", "sections", "paragraphs", "notes", "errata", "entities", "dates",
    "navigation", "warnings" },
  source = { "work", "publisher", "place", "year", "volume", "issue", "volumes", "first_page", "last_page" },
  section = { "title", "level", "paragraph", "first", "last", "parent" },
  block = { "kind", "level", "label", "text", "rows", "refs", "pagebreaks", "pagebreak_offsets", "spans",
    "sentences", "sentence_pos", "sentence_offsets" },
  blockref = { "note", "pos", "offset" },
  span = { "kind", "pos", "len", "offset", "length", "href" },
  note = { "n", "by", "text", "paragraphs", "refs", "citations" },
  noteref = { "part", "paragraph", "note", "field", "sentence", "pos", "offset" },
  citation = { "text", "paragraph", "pos", "len", "offset", "length", "work", "present", "volume", "first_page",
    "last_page", "ranges" },
  erratum = { "part", "paragraph", "note", "pos", "len", "offset", "length", "sic", "corr", "why" },
  entity = { "id", "name", "type", "aliases", "note", "description", "mentions" },
  hit = { "part", "paragraph", "note", "field", "sentence", "pos", "len", "offset", "length", "text" },
  date = { "text", "old_style", "new_style", "part", "paragraph", "note", "field", "sentence", "pos", "len",
    "offset", "length" },
  range = { "first", "last" },
}
M._KEYS = K

-- the code-point offset and length of bytes pos .. pos + len - 1 of s
local function cp(s, pos, len)
  if type(s) ~= "string" or math.type(pos) ~= "integer" then return nil, nil end
  local o = cpoffset(s, pos)
  if math.type(len) ~= "integer" then return o, nil end
  return o, cpoffset(s, pos + len) - o
end

local function ints(t)
  local out = {}
  for i, v in ipairs(t or {}) do out[i] = v end
  return arr(out)
end

local function strings(t)
  local out = {}
  for i, v in ipairs(t or {}) do out[i] = v end
  return arr(out)
end

local function jblock(b)
  local text = b.text
  local refs, pbo, spans, so = {}, {}, {}, {}
  for i, r in ipairs(b.refs or {}) do
    refs[i] = obj(K.blockref, { note = r.note, pos = r.pos, offset = (cp(text, r.pos)) })
  end
  for i, p in ipairs(b.pagebreaks or {}) do pbo[i] = (cp(text, p)) end
  for i, s in ipairs(b.spans or {}) do
    local o, l = cp(text, s.pos, s.len)
    spans[i] = obj(K.span, { kind = s.kind, pos = s.pos, len = s.len, offset = o, length = l, href = s.href })
  end
  for i, p in ipairs(b.sentence_pos or {}) do so[i] = (cp(text, p)) end
  local rows
  if b.rows then
    rows = {}
    for i, r in ipairs(b.rows) do rows[i] = strings(r) end
    rows = arr(rows)
  end
  return obj(K.block, {
    kind = b.kind or "paragraph", level = b.level, label = b.label, text = text, rows = rows,
    refs = arr(refs), pagebreaks = ints(b.pagebreaks), pagebreak_offsets = arr(pbo), spans = arr(spans),
    sentences = strings(b.sentences), sentence_pos = b.sentence_pos and ints(b.sentence_pos) or nil,
    sentence_offsets = b.sentence_pos and arr(so) or nil,
  })
end

local function jrange(r)
  if not r then return nil end
  return obj(K.range, { first = r.first, last = r.last })
end

-- The text a Hit's positions count in.
local function hittext(doc, h)
  if h.part == "body" then return doc.paragraphs[h.paragraph] and doc.paragraphs[h.paragraph].text end
  if h.part == "note" then
    local b = C.blockat(doc, "note", h.paragraph, h.note)
    return b and b.text
  end
  if h.part == "title" then return doc.title end
  if h.part == "subtitle" then return doc.subtitle end
  if h.part == "meta" then return doc.meta and doc.meta[h.field] end
  return nil
end

local function jdate(doc, d)
  if not d then return nil end
  local o, l = cp(hittext(doc, d), d.pos, d.len)
  return obj(K.date, { text = d.text, old_style = jrange(d.old_style), new_style = jrange(d.new_style),
    part = d.part, paragraph = d.paragraph, note = d.note, field = d.field,
    sentence = d.sentence, pos = d.pos, len = d.len, offset = o, length = l })
end

local function jhit(doc, h)
  local o, l = cp(hittext(doc, h), h.pos, h.len)
  return obj(K.hit, { part = h.part, paragraph = h.paragraph, note = h.note, field = h.field,
    sentence = h.sentence, pos = h.pos, len = h.len, offset = o, length = l, text = h.text })
end

local function jsource(src)
  if type(src) ~= "table" then return nil end
  local t = {}
  for k, v in pairs(src) do
    if type(v) == "string" or type(v) == "number" or type(v) == "boolean" then t[k] = v end
  end
  return obj(K.source, t)
end

-- meta in the order of the header's fields
local function jmeta(doc)
  local order = {}
  for i, f in ipairs(doc.fields or {}) do order[i] = f end
  local t = {}
  for k, v in pairs(doc.meta or {}) do t[k] = v end
  -- an order of its own: not kept in obj's cache of the schema's orders
  return setmetatable(t, { __order = order })
end

local function jcitation(n, c)
  local b = n.paragraphs[c.paragraph]
  local o, l = cp(b and b.text, c.pos, c.len)
  local ranges
  if c.ranges then
    ranges = {}
    for i, r in ipairs(c.ranges) do ranges[i] = ints(r) end
    ranges = arr(ranges)
  end
  return obj(K.citation, { text = c.text, paragraph = c.paragraph, pos = c.pos, len = c.len, offset = o,
    length = l, work = c.work, present = c.present, volume = c.volume, first_page = c.first_page,
    last_page = c.last_page, ranges = ranges })
end

--- The whole document as JSON, one line, valid against the project's JSON
-- Schema `schema/leninletter-document.schema.json` (draft 2020-12; the
-- specs validate every export with Python's jsonschema). Keys are the Lua
-- fields, in the schema's order, a nil field absent, arrays always arrays.
-- Every position is there twice: `pos` (and `len`), the 1-based byte
-- position as in Lua, and `offset` (and `length`), the 0-based code-point
-- offset that JavaScript (outside the astral planes) and Python index
-- strings by: `text[offset:offset+length]` in Python is
-- `text:sub(pos, pos + len - 1)` in Lua. Blocks carry their structure
-- (`kind`, `level`, `label`, `rows`, `spans`, `sentence_pos`), the document
-- its `sections` and `errata`, notes their `by` and `citations`.
-- @tparam Document doc the document
-- @tparam[opt] table opts `url`: the page's address (by default the
--   Document's `url`)
-- @treturn string the JSON text
-- @usage local t = require("cjson").decode(export.json(ll.letter()))
-- print(t.schema, #t.paragraphs, #t.notes)   -- leninletter-document  21  8
function M.json(doc, opts)
  checkdoc(doc, "json")
  opts = checkopts(opts, "json", { url = true })
  local paragraphs, notes, ents, ds, errata, sections = {}, {}, {}, {}, {}, {}
  for i, b in ipairs(doc.paragraphs) do paragraphs[i] = jblock(b) end
  for i, n in ipairs(doc.notes) do
    local ps, refs, cites = {}, {}, {}
    for j, b in ipairs(n.paragraphs) do ps[j] = jblock(b) end
    for j, r in ipairs(n.refs) do
      refs[j] = obj(K.noteref, { part = r.part, paragraph = r.paragraph, note = r.note, field = r.field,
        sentence = r.sentence,
        pos = r.pos, offset = (cp(hittext(doc, r), r.pos)) })
    end
    for j, c in ipairs(n.citations or {}) do cites[j] = jcitation(n, c) end
    notes[i] = obj(K.note, { n = n.n, by = n.by, text = n.text, paragraphs = arr(ps), refs = arr(refs),
      citations = arr(cites) })
  end
  for i, e in ipairs(entities(doc)) do
    local ms = {}
    for j, m in ipairs(e.mentions or {}) do ms[j] = jhit(doc, m) end
    ents[i] = obj(K.entity, { id = e.id, name = e.name, type = e.type, aliases = strings(e.aliases),
      note = e.note, description = e.description, mentions = arr(ms) })
  end
  for i, d in ipairs(dates(doc)) do ds[i] = jdate(doc, d) end
  for i, x in ipairs(doc.errata or {}) do
    local o, l = cp(hittext(doc, x), x.pos, x.len)
    errata[i] = obj(K.erratum, { part = x.part, paragraph = x.paragraph, note = x.note, pos = x.pos, len = x.len,
      offset = o, length = l, sic = x.sic, corr = x.corr, why = x.why })
  end
  for i, s in ipairs(doc.sections or {}) do
    sections[i] = obj(K.section, { title = s.title, level = s.level, paragraph = s.paragraph, first = s.first,
      last = s.last, parent = s.parent })
  end
  return encode(obj(K.document, {
    schema = "leninletter-document", version = M.JSON_VERSION, generator = VERSION, url = sourceurl(doc, opts),
    author = doc.author, number = doc.number, title = doc.title, subtitle = doc.subtitle,
    fields = strings(doc.fields), meta = jmeta(doc), source = jsource(doc.source),
    written = jdate(doc, doc.written), published = jdate(doc, doc.published), sections = arr(sections),
    paragraphs = arr(paragraphs), notes = arr(notes), errata = arr(errata), entities = arr(ents), dates = arr(ds),
    navigation = strings(doc.navigation), warnings = strings(doc.warnings),
  }))
end

return M
