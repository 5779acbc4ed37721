-- JSON: `export.json` (the schema is described in leninletter.export).
-- @module leninletter.export.json
-- @local

local C = require "leninletter.export.common"
local checkdoc = C.checkdoc
local entities = C.entities
local dates = C.dates
local arr = C.arr
local encode = C.encode
local VERSION = C.VERSION

local M = {}

--- The version of the JSON schema that `json` writes.
M.JSON_VERSION = 1

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
      refs[j] = { part = r.part, paragraph = r.paragraph, note = r.note, pos = r.pos }
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

return M
