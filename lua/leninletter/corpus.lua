--- Corpora: many pages at once, queried as one.
--
-- `ll.corpus(list [, opts])` (see `leninletter.corpus`) loads paths,
-- folders (read recursively; only `.htm`, `.html` and `.txt` files, sorted
-- by path) and Documents, and answers the same queries as a Document, with
-- the same options, over all of them (the methods are `leninletter.query`'s
-- one table). Every Hit also carries `doc`, the index of its Document in
-- the corpus, `path`, the file it came from (nil for a Document given as
-- such), and `title`, that page's title.
--
-- **Per page.** `c:counts(q)` and `c:sizes()` (one entry a page),
-- `frequencies` and `ngrams` with `by = "doc"` (the pages a word is on),
-- `c:keywords(pages)` (log-likelihood or %DIFF against the other pages),
-- `c:dates()` (each page's date of writing and where it was read) and
-- `c:bydate(values)` (any per-page figure by year or month, in either
-- calendar); `c:entities()`, `c:entity(name)` and `c:mentions(name)`
-- across the pages.
--
-- **Speed.** The pages are read and parsed in C, on two threads where the
-- machine has two cores (a batch of pages at a time; `progress` is still
-- called for every page, in order), and indexed together, with one
-- vocabulary for the whole corpus, on the first query; a query runs over
-- that index in one C call, so it costs what its hits cost. Documents are
-- made Lua tables only when first asked for (`c[i]`): a corpus of
-- thousands of pages holds only the C documents and the corpus index.
--
-- **Failures.** A page that cannot be read or parsed does not stop the
-- rest: it is listed in `c.warnings` as `"path: reason"`, and is not one
-- of the corpus's Documents. Misuse (a list that is not a table, an item
-- that is neither a string nor a Document, an unknown option) raises.
--
-- The class, `make` and the queries are `leninletter.corpusbase`, this
-- module's lean part (what a query over an index file loads, issue #16):
-- this module is that table with the rest added.
-- @module leninletter.corpus

local compat = require "leninletter.compat"  -- Lua 5.1 to 5.4 and LuaJIT
local math = compat.math
local document = require "leninletter.base"  -- leninletter.document but wrap: a query needs no more (#16)
-- the entity layer (and its catalogue) is loaded when first used: a query
-- such as a concordance over an index file never needs it (issue #16)
local entities = setmetatable({}, { __index = function(t, k)
  local m = require "leninletter.entities"
  setmetatable(t, { __index = m })
  return m[k]
end })

local argerror = document.argerror
local typename = document.typename

local M = require "leninletter.corpusbase"  -- the class, make, the queries
local Corpus = M.Corpus
local _, priv, title, pathof = M._private()

-- ------------------------------------------------------------------
-- Loading
-- ------------------------------------------------------------------

local function pageext(name)
  local e = name:match("%.([^./]+)$")
  e = e and e:lower()
  return e == "htm" or e == "html" or e == "txt"
end

-- A path as a warning shows it: control characters (a newline, a NUL)
-- escaped as in Lua source, so one warning is one line.
local function showpath(path)
  return (path:gsub("[%c\\]", function(ch)
    return ch == "\\" and "\\\\" or ("\\%03d"):format(ch:byte())
  end))
end

-- Appends the pages under folder dir to out, sorted by path. Links to
-- folders are followed, each folder read once (a link back to a folder
-- being read is a warning, not a loop). Entries that are not pages are
-- left out; those that could not be examined (a dangling link, a name too
-- long), and a page-named entry that is not a regular file (a FIFO, a
-- device), are warnings.
local function walk(dir, out, warnings)
  local seen = {}
  local base = dir:sub(-1) == "/" and dir or dir .. "/"
  local found = {}
  local function collect(d, b)
    local _, id = document.pathkind(d)
    if id then
      if seen[id] then
        warnings[#warnings + 1] = ("%s: a folder already read (a link back to it)"):format(showpath(d))
        return
      end
      seen[id] = true
    end
    -- a listing, and the entries left out; or nil and the message
    local list, skipped = document.listdir(d)
    if not list then
      warnings[#warnings + 1] = showpath(skipped)
      return
    end
    for _, n in ipairs(list) do
      if n:sub(-1) == "/" then
        collect(b .. n:sub(1, -2), b .. n)
      elseif pageext(n) then
        found[#found + 1] = b .. n
      end
    end
    for _, x in ipairs(skipped) do
      if not x.examined or pageext(x.name) then
        warnings[#warnings + 1] = ("%s: %s"):format(showpath(b .. x.name), x.reason)
      end
    end
  end
  collect(dir, base)
  table.sort(found)
  compat.move(found, 1, #found, #out + 1, out)
end

--- What a list names, in order: paths of files, the pages of folders (read
-- recursively, sorted; a folder that cannot be read is a warning), and
-- Documents; for `ll.corpus` and `ll.index`.
-- @param list the list, as `ll.corpus` takes it
-- @string fname the caller's public name, for errors
-- @treturn table the items (paths and Documents), and the warnings
-- @usage local items, warnings = require("leninletter.corpus").items({ "../shared/corpus" }, "corpus")
function M.items(list, fname)
  local items, warnings = {}, {}
  for i = 1, #list do
    local v = list[i]
    if type(v) == "string" then
      local kind = document.pathkind(v)
      if kind == "folder" then
        walk(v, items, warnings)
      else
        items[#items + 1] = v  -- a file, or a path whose failure is a warning
      end
    elseif document.is(v) then
      items[#items + 1] = v
    else
      argerror(1, fname, ("list[%d] must be a path or a Document, got %s"):format(i, typename(v)))
    end
  end
  return items, warnings
end

-- pages read and parsed by one call of document.readpages
local BATCH = 128

local CORPUS_OPTS = {
  progress = document.check.func,
  entities = function(v, argn, fname) entities.check(v, argn, fname) end,
  max_page_size = function(v, argn, fname)
    if math.type(v) ~= "integer" or v < 1 then
      argerror(argn, fname, ("opts.max_page_size must be a positive integer, got %s"):format(
        math.type(v) and tostring(v) or typename(v)))
    end
  end,
}

--- Loads many pages as one Corpus.
-- @tparam {string|Document,...} list paths of pages, folders (read
--   recursively; their `.htm`, `.html` and `.txt` files, sorted by path)
--   and Documents, in the order the corpus keeps them
-- @tparam[opt] table opts `progress`: a function called as
--   `progress(done, total)` after each page is loaded (or fails);
--   `entities`: a catalogue for the Documents made from pages, as for
--   `parse`; `max_page_size`: the largest file read as a page, in bytes
--   (default 64 MB, 175 times the largest page of the archive's sample);
--   a larger one is a warning, refused unread
-- @treturn Corpus the corpus; pages that failed are in `c.warnings`;
--   `c.paths[i]` is the path the i-th Document was read from (`false` for
--   a Document given in the list)
-- @usage local c = ll.corpus({"../shared/corpus/mia-lenin"})
-- print(#c, c:count("soviet*"), #c.warnings)
function M.new(list, opts)
  if type(list) ~= "table" or document.is(list) then
    argerror(1, "corpus", ("table expected, got %s"):format(typename(list)))
  end
  opts = document.checkopts(opts, 2, "corpus", CORPUS_OPTS)
  local progress = opts.progress
  local maxsize = opts.max_page_size
  local wrapopts = { entities = opts.entities }
  local cat = opts.entities and entities.check(opts.entities, 2, "corpus") or nil
  local items, warnings = M.items(list, "corpus")
  local uds, docs, paths, total = {}, {}, {}, #items
  local at = 1
  while at <= total do
    local v = items[at]
    if type(v) == "string" then
      -- a run of paths, read and parsed in C (on two threads where there
      -- are two cores), BATCH at a time so that progress follows the pages
      local run = {}
      while #run < BATCH and type(items[at + #run]) == "string" do run[#run + 1] = items[at + #run] end
      local res = document.readpages(run, maxsize)
      for k, path in ipairs(run) do
        local r = res[k]
        if type(r) == "string" then
          warnings[#warnings + 1] = ("%s: %s"):format(showpath(path), r)
        else
          uds[#uds + 1] = r
          paths[#uds] = path
        end
        if progress then progress(at + k - 1, total) end
      end
      at = at + #run
    else
      uds[#uds + 1] = document.core(v, "corpus")
      docs[#uds] = v
      paths[#uds] = false
      if progress then progress(at, total) end
      at = at + 1
    end
  end
  return M.make(document.corpushandle(uds), #uds, paths, warnings, wrapopts, cat, uds, docs)
end

-- ------------------------------------------------------------------
-- Entities across pages
-- ------------------------------------------------------------------

-- The entity state of page i (see entities.attach), or nil where the page
-- has no catalogue: a Document given as such keeps its own, a page read
-- from a file gets the corpus's `opts.entities` (matched on first use).
local function pagestate(st, i)
  local doc = st.docs[i]
  if doc ~= nil then return entities.stateof(doc) end
  if st.cat == nil then return nil end
  local e = st.ents[i]
  if e == nil then
    -- the letter's own names of built-in entries only on the letter (see
    -- entities.forpage)
    e = entities.attach(st.uds[i], entities.forpage(st.cat, title(st, i)))
    st.ents[i] = e
  end
  return e
end

-- adds doc, path and title to the hits of page i
local function tag(c, st, i, hits)
  for _, h in ipairs(hits) do
    h.doc, h.path, h.title = i, pathof(c, st, i) or nil, title(st, i)
  end
  return hits
end

-- A merged entity's note and description: the built-in catalogue's are
-- the letter's notes, kept only from a page whose own note explains the
-- entity (as each page's Document does), with `note_doc` that page's
-- index; nil where no page's note does. A caller's own entries are kept
-- as given.
local function ownnote(c, e)
  -- (the first page's Document may have dropped them already)
  if not entities.lettersnote(e, true) then return e end
  e.note, e.description = nil, nil
  local seen = {}
  for _, h in ipairs(e.mentions) do
    if not seen[h.doc] then
      seen[h.doc] = true
      local x = c[h.doc]:entity(e.id)
      if x and x.note ~= nil then
        e.note, e.description, e.note_doc = x.note, x.description, h.doc
        return e
      end
    end
  end
  return e
end

--- The entities of every page, merged by `id`, in order of first mention
-- (page by page), optionally of one type only: each an Entity whose
-- `mentions` are Hits over all the pages, each with `doc`, `path` and
-- `title`. Pages read from files use the corpus's `opts.entities`
-- (`ll.corpus(list, {entities = ll.catalogue()})`); Documents given as
-- such their own catalogue; a corpus without any has none. An entity's
-- `note` and `description` from the built-in catalogue (the letter's
-- notes) are those of the first page whose own note explains it, with
-- `note_doc` that page's index, and nil where no page's does.
-- @string[opt] etype an entity type, as for `Document:entities`
-- @treturn {Entity,...} fresh tables
-- @usage local c = ll.corpus({"../shared/corpus/mia-lenin"}, {entities = ll.catalogue()})
-- for _, e in ipairs(c:entities("person")) do print(e.name, #e.mentions) end
function Corpus:entities(etype)
  local st = priv(self, "entities")
  if etype ~= nil and not entities.ISTYPE[etype] then
    argerror(1, "entities", ("type must be one of %s; got %s")
      :format(table.concat(entities.TYPES, ", "), document.shown(etype)))
  end
  local out, byid = {}, {}
  for i = 1, st.n do
    local es = pagestate(st, i)
    if es ~= nil then
      local order, by = entities.grouped(st.uds[i], "any")
      for _, k in ipairs(order) do
        local entry = es.cat[k]
        if etype == nil or entry.type == etype then
          local e = byid[entry.id]
          if e == nil then
            e = entities.entity(es, k, {})
            byid[entry.id] = e
            out[#out + 1] = e
          end
          for _, h in ipairs(tag(self, st, i, by[k])) do e.mentions[#e.mentions + 1] = h end
        end
      end
    end
  end
  for _, e in ipairs(out) do ownnote(self, e) end
  return out
end

--- The entity that goes by a name (or id, or a person's surname where
-- only one person has it) on any page, with its mentions on every page
-- that knows it by that name, or nil.
-- @string name a name, alias, id or surname
-- @treturn Entity|nil a fresh table, its mentions carrying `doc`, `path`, `title`
-- @usage local e = c:entity("Vorovsky")
function Corpus:entity(name)
  local st = priv(self, "entity")
  if type(name) ~= "string" then
    argerror(1, "entity", ("string expected, got %s"):format(typename(name)))
  end
  local e
  for i = 1, st.n do
    local es = pagestate(st, i)
    local k = es and entities.lookup(es, st.uds[i], name, true)
    if k then
      local order, by = entities.grouped(st.uds[i], "any")
      if by[k] and #order > 0 then
        e = e or entities.entity(es, k, {})
        for _, h in ipairs(tag(self, st, i, by[k])) do e.mentions[#e.mentions + 1] = h end
      end
    end
  end
  return e and ownnote(self, e)
end

--- Where the pages mention an entity: Hits with `doc`, `path` and
-- `title`, page by page.
-- @param name_or_entity a name (as for `entity`) or an Entity
-- @tparam[opt] table opts `scope` as for `Document:mentions`
-- @treturn {Hit,...} fresh tables
-- @usage print(#c:mentions("Black Hundreds", {scope = "all"}))
function Corpus:mentions(name_or_entity, opts)
  local st = priv(self, "mentions")
  local t = type(name_or_entity)
  if t ~= "string" and t ~= "table" then
    argerror(1, "mentions", ("string or Entity expected, got %s"):format(typename(name_or_entity)))
  end
  local scope = entities.checkscope(opts, 2, "mentions", "body")
  local out = {}
  for i = 1, st.n do
    local es = pagestate(st, i)
    local k = es and entities.lookup(es, st.uds[i], name_or_entity)
    if k then
      local _, by = entities.grouped(st.uds[i], scope)
      for _, h in ipairs(tag(self, st, i, by[k] or {})) do out[#out + 1] = h end
    end
  end
  return out
end

-- ------------------------------------------------------------------
-- Dates across pages
-- ------------------------------------------------------------------

local MONTHS = { jan = "January", feb = "February", mar = "March", apr = "April", may = "May",
  jun = "June", jul = "July", aug = "August", sep = "September", oct = "October",
  nov = "November", dec = "December" }

-- the header fields that date a page's writing, in order of preference
local HEADER = { "Written", "Delivered", "Dictated" }

--- A page's date from its place in the archive (`.../works/1918/may/09.htm`
-- is 9 May 1918, `.../1934/03/morris_myth.htm` March 1934,
-- `.../works/1918/7thcong/01.htm` 1918), as a Date whose
-- `text` is that part of the path; nil when the path holds no year.
-- @string path the page's path
-- @treturn Date|nil the date
-- @usage local d = corpus.pathdate("lenin/works/1918/may/09.htm")
-- print(d.text, d.new_style.first)   --> 1918/may/09  1918-05-09
function M.pathdate(path)
  local best
  for a, year, rest in path:gmatch("()/(%d%d%d%d)(/[^/]*/?[^/]*)") do
    local y = tonumber(year)
    if y >= 1500 and y <= 2099 then best = { at = a, year = year, rest = rest } end
  end
  if best == nil then return nil end
  local mon, day = best.rest:match("^/(%a%a%a)%a*/(%d%d?)%f[^%d]")
  if mon == nil then mon = best.rest:match("^/(%a%a%a)%a*/") end
  local month = mon and MONTHS[mon:lower()]
  if month == nil then
    -- a month in figures: .../1934/03/morris_myth.htm
    local m2
    m2, day = best.rest:match("^/(%d%d?)/(%d%d?)%f[^%d]")
    if m2 == nil then m2 = best.rest:match("^/(%d%d?)/") end
    local k = tonumber(m2)
    if k and k >= 1 and k <= 12 then
      local names = { "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov",
        "dec" }
      month = MONTHS[names[k]]
    else
      day = nil
    end
  end
  local text, written = best.year, best.year
  if month then
    text = best.year .. "/" .. best.rest:match("^/([^/]+)")
    written = month .. " " .. best.year
    local d = tonumber(day)
    if d and d >= 1 and d <= 31 then
      text = text .. "/" .. day
      written = month .. " " .. d .. ", " .. best.year
    end
  end
  local found = document.readdates(written)[1]
  if found == nil and written ~= best.year then found = document.readdates(best.year)[1] end
  if found == nil then return nil end
  found.text, found.pos, found.len = text, nil, nil
  return found
end

-- the first date of field name among a page's header dates
local function fielddate(metadates, name, precise)
  for _, d in ipairs(metadates) do
    if d.field == name then
      local r = d.new_style or d.old_style
      if not precise or r.first:find("-", 1, true) then return d end
    end
  end
  return nil
end

--- Each page's date of writing, one entry a page in corpus order: a Date
-- (`text`, `old_style`, `new_style`) with `doc` (the page's index), `path`
-- and `date_source`: `"header"` from the `Written` field (else
-- `Delivered` or `Dictated`), else `"source"`, the first date in the
-- `Source` field precise to a month or a day (a newspaper's issue, such
-- as `Pravda No. 45, March 9, 1918`; a bare year there is the edition's,
-- not the page's), else `"path"`, the page's place in the archive
-- (`works/1918/may/09.htm`, see `pathdate`). A page none of these dates is
-- `{doc = i, path = p}` with no `date_source`.
-- @treturn {Date,...} one a page
-- @usage for _, d in ipairs(c:dates()) do
--   print(d.doc, d.date_source, d.text)
-- end
function Corpus:dates()
  local st = priv(self, "dates")
  local out = {}
  for i = 1, st.n do
    local metadates = st.uds[i]:dt_find("meta")
    local d, how
    for _, f in ipairs(HEADER) do
      d = fielddate(metadates, f)
      if d then break end
    end
    if d then
      how = "header"
    else
      d = fielddate(metadates, "Source", true)
      if d then
        how = "source"
      elseif self.paths[i] then
        d = M.pathdate(self.paths[i])
        how = d and "path"
      end
    end
    d = d or {}
    d.doc, d.path, d.date_source = i, self.paths[i] or nil, how
    out[i] = d
  end
  return out
end

-- the year or month of reading r at the precision asked, or nil
local function datekey(r, by)
  if r == nil then return nil end
  if by == "year" then return r.first:sub(1, 4) end
  if #r.first >= 7 then return r.first:sub(1, 7) end
  return nil
end

--- Groups a per-page figure by the pages' dates (`c:dates()`): by year or
-- by month, in the new style (Gregorian) or the old (Julian). A page
-- whose date lacks the calendar asked (a single date before 1918 precise
-- only to a month or year has the old style alone) is placed by the
-- other. Figures are summed: numbers, or tables of numbers field by field
-- (`c:sizes()`'s entries).
-- @tparam table values one figure a page (`c:counts(q)`, `c:sizes()`)
-- @tparam[opt] table opts `by` (`"year"` (default) or `"month"`),
--   `calendar` (`"new"` (default) or `"old"`)
-- @treturn {table,...} groups in date order: `{key = "1918" | "1918-05",
--   value = sum, pages = {i, ...}, label = key, or key and the other
--   calendar's keys where pages differ: "1906 (1905)"}`
-- @treturn {integer,...} the pages not placed (no date at that precision)
-- @usage local counts, sizes = c:counts("soviet*"), c:sizes()
-- for _, g in ipairs(c:bydate(counts)) do print(g.label, g.value) end
function Corpus:bydate(values, opts)
  local st = priv(self, "bydate")
  if type(values) ~= "table" then
    argerror(1, "bydate", ("table expected, got %s"):format(typename(values)))
  end
  opts = document.checkopts(opts, 2, "bydate", { by = true, calendar = true })
  local by = document.choiceopt(opts, "by", { "year", "month" }, 2, "bydate")
  local cal = document.choiceopt(opts, "calendar", { "new", "old" }, 2, "bydate")
  local dates = self:dates()
  local groups, order, unplaced = {}, {}, {}
  for i = 1, st.n do
    local d, v = dates[i], values[i]
    local main, other = d.new_style, d.old_style
    if cal == "old" then main, other = other, main end
    local key = datekey(main, by) or datekey(other, by)
    if key == nil or v == nil then
      unplaced[#unplaced + 1] = i
    else
      local g = groups[key]
      if g == nil then
        g = { key = key, pages = {}, others = {} }
        groups[key] = g
        order[#order + 1] = key
      end
      g.pages[#g.pages + 1] = i
      local ok = main and datekey(other, by)
      if ok and ok ~= key then g.others[ok] = true end
      if type(v) == "number" then
        g.value = (g.value or 0) + v
      elseif type(v) == "table" then
        g.value = g.value or {}
        for k, x in pairs(v) do
          if type(x) == "number" then g.value[k] = (g.value[k] or 0) + x end
        end
      else
        argerror(1, "bydate", ("values[%d] must be a number or a table, got %s"):format(i, typename(v)))
      end
    end
  end
  table.sort(order)
  local out = {}
  for k, key in ipairs(order) do
    local g = groups[key]
    local others = {}
    for o in pairs(g.others) do others[#others + 1] = o end
    table.sort(others)
    g.label = #others > 0 and ("%s (%s)"):format(key, table.concat(others, ", ")) or key
    g.others = nil
    out[k] = g
  end
  return out, unplaced
end

return M
