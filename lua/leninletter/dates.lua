--- Dates: every date a document writes, read in both calendars, and the
-- `written` and `published` header fields read as dates.
--
-- Requiring this module adds `dates` to every Document and sets
-- `doc.written` and `doc.published` (`init.lua` does it): the `Written`
-- and `Published` header fields read as dates, `published` from `First
-- Published` or `Originally Published` on a page that has no `Published`.
-- The reading is done in C (`csrc/lib/lldate.c`, whose header comment
-- lists every form and rule): dual dating `November 2-4 (15-17), 1905` gives both calendars as
-- written, the earlier reading being the old style; a single date before
-- 1918-02-14 is old style, with the new style computed when it is precise
-- to the day (12 days later up to old-style 1900-02-28, 13 from old-style
-- 1900-02-29); a single date from 1918-02-14 on is new style only. Two
-- days in a row joined by "and" (`March 3 and 4, 1918`) are a range, as
-- `March 3-4, 1918` is. A day spelled out (`the Ninth of January`) is no
-- date.
--
-- **A Date** is a fresh table `{text, old_style, new_style}` plus the Hit
-- fields `part`, `paragraph`, `note`, `field`, `sentence`, `pos`, `len`:
-- `old_style` and `new_style` are `{first = iso, last = iso}` at the
-- precision written (`"1905"`, `"1905-11"`, `"1905-11-02"`), or nil.
-- A date in a header field has `part = "meta"`, `field` its name and
-- `pos` in the field's value (`doc.meta[field]`).
--
-- **Scopes** of `doc:dates`: `"any"` (the default: every date in the
-- document, the header fields, title, subtitle, body and notes), `"all"`
-- (title, subtitle, body and notes, as for queries), `"body"`, `"notes"`,
-- `"meta"` (the header fields).
-- @module leninletter.dates

local document = require "leninletter.document"
local entities = require "leninletter.entities"

local Document = document.Document

local M = {}

-- the first date of header field name, or nil
local function fielddate(metadates, name)
  for _, d in ipairs(metadates) do
    if d.field == name then return d end
  end
  return nil
end

-- the fields, in order, that give a page's date of publication: pages
-- without a Published field say First Published (140 of the sample's
-- 1,728 pages) or Originally Published
local PUBLISHED = { "Published", "First Published", "First published", "Originally Published" }

-- Sets doc.written and doc.published from the Written and Published
-- header fields (Published: else First Published or Originally Published).
local function onwrap(doc, ud)
  local metadates = ud:dt_find("meta")
  doc.written = fielddate(metadates, "Written")
  for _, name in ipairs(PUBLISHED) do
    doc.published = fielddate(metadates, name)
    if doc.published or (doc.meta or {})[name] ~= nil then break end
  end
end
table.insert(document.onwrap, onwrap)

-- where a hit stands, to the sentence: part, note, paragraph, sentence
-- (a header field: its name)
local function place(h)
  if h.part == "meta" then return "meta:" .. tostring(h.field) end
  return ("%s:%s:%s:%s"):format(h.part, tostring(h.note or 0), tostring(h.paragraph or 0),
    tostring(h.sentence or 0))
end

-- the text of the sentence (or header field, title, subtitle) a hit stands in
local function context(doc, h)
  if h.part == "meta" then return doc.meta[h.field] end
  if h.part == "title" then return doc.title end
  if h.part == "subtitle" then return doc.subtitle end
  local block
  if h.part == "body" then
    block = doc.paragraphs[h.paragraph]
  elseif h.part == "note" then
    local note = doc:note(h.note)
    block = note and note.paragraphs[h.paragraph]
  end
  return block and h.sentence and block.sentences[h.sentence] or nil
end

--- Every date in the document, in document order (the header fields first,
-- then title, subtitle, body and notes). Each Date is linked to what it
-- dates: `context` is the sentence it stands in (the whole value of a
-- header field, the title or the subtitle), and `entities` the entities
-- the document mentions in that same sentence, in order of mention, each
-- `{id, name, type}` (empty where the document has no catalogue).
-- @tparam[opt] table opts `scope`: `"any"` (the default), `"all"`, `"body"`,
--   `"notes"` or `"meta"`
-- @treturn {Date,...} fresh tables
-- @usage for _, d in ipairs(ll.letter():dates()) do
--   print(d.text, d.old_style and d.old_style.first, d.new_style and d.new_style.first)
--   for _, e in ipairs(d.entities) do print("", e.name) end
-- end
function Document:dates(opts)
  local ud = document.core(self, "dates")
  local scope = entities.checkscope(opts, 1, "dates", "any")
  local ds = ud:dt_find(scope)
  if #ds == 0 then return ds end
  -- the entities of each sentence, in order of mention
  local insentence = {}
  local ms = {}
  for _, e in ipairs(self:entities()) do
    for _, m in ipairs(e.mentions) do ms[#ms + 1] = { m = m, e = e } end
  end
  table.sort(ms, function(a, b)
    if place(a.m) ~= place(b.m) then return place(a.m) < place(b.m) end
    return a.m.pos < b.m.pos
  end)
  for _, x in ipairs(ms) do
    local k = place(x.m)
    local list = insentence[k]
    if list == nil then
      list = { seen = {} }
      insentence[k] = list
    end
    if not list.seen[x.e.id] then
      list.seen[x.e.id] = true
      list[#list + 1] = x.e
    end
  end
  for _, d in ipairs(ds) do
    d.context = context(self, d)
    d.entities = {}
    for i, e in ipairs(insentence[place(d)] or {}) do
      d.entities[i] = { id = e.id, name = e.name, type = e.type }
    end
  end
  return ds
end

return M
