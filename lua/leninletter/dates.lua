--- Dates: every date a document writes, read in both calendars, and the
-- `written` and `published` header fields read as dates.
--
-- Requiring this module adds `dates` to every Document and sets
-- `doc.written` and `doc.published` (`init.lua` does it). The reading is
-- done in C (`csrc/lldate.c`, whose header comment lists every form and
-- rule): dual dating `November 2-4 (15-17), 1905` gives both calendars as
-- written, the earlier reading being the old style; a single date before
-- 1918-02-14 is old style, with the new style computed when it is precise
-- to the day (12 days later up to old-style 1900-02-28, 13 from old-style
-- 1900-02-29); a single date from 1918-02-14 on is new style only. A day
-- spelled out (`the Ninth of January`) is no date.
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

-- Sets doc.written and doc.published from the Written and Published
-- header fields.
local function onwrap(doc, ud)
  local metadates = ud:dt_find("meta")
  doc.written = fielddate(metadates, "Written")
  doc.published = fielddate(metadates, "Published")
end
table.insert(document.onwrap, onwrap)

--- Every date in the document, in document order (the header fields first,
-- then title, subtitle, body and notes).
-- @tparam[opt] table opts `scope`: `"any"` (the default), `"all"`, `"body"`,
--   `"notes"` or `"meta"`
-- @treturn {Date,...} fresh tables
-- @usage for _, d in ipairs(ll.letter():dates()) do
--   print(d.text, d.old_style and d.old_style.first, d.new_style and d.new_style.first)
-- end
function Document:dates(opts)
  local ud = document.core(self, "dates")
  local scope = entities.checkscope(opts, 1, "dates", "any")
  return ud:dt_find(scope)
end

return M
