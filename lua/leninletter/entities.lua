--- Entities: the people, organizations, periodicals, places, events and
-- works a document names, from a catalogue, and where it names them.
--
-- Requiring this module adds `entity`, `entities` and `mentions` to every
-- Document (`init.lua` does it). `ll.letter()` uses the built-in catalogue
-- (`ll.catalogue()`); `ll.parse` and `ll.open` use `opts.entities` when
-- given, else none (then `doc:entities()` is `{}` and `doc:entity(x)` nil).
--
-- **Matching** is done in C, once, when the document is made: every name
-- and alias is matched as whole words over the title, subtitle, header
-- fields, body and notes (not the author line), ignoring case, the kind of
-- apostrophe and runs of spaces, with the punctuation between, before and
-- after its words as written (`R.S.D.L.P.` needs its dots); where two
-- matches overlap the longest wins (so the `Soviet` inside the title
-- `Our Tasks and the Soviet of Workers’ Deputies` belongs to the title).
--
-- **An Entity** is a fresh table on every call:
-- `{id, name, type, aliases, note, description, mentions}`, `mentions`
-- being every Hit over the whole document, header fields included.
-- **A Hit** is `{part, paragraph, note, field, sentence, pos, len, text}` as
-- for queries, `part` being `"meta"` and `field` the header field's name
-- for a mention in a header field (`pos` is then in the field's value, as
-- in `doc.meta[field]`).
--
-- **Scopes** of `doc:mentions`: `"body"` (the default), `"notes"`, `"all"`
-- (title, subtitle, body and notes, as for queries), and, for entities and
-- dates only, `"meta"` (the header fields) and `"any"` (everything).
--
-- A malformed catalogue raises, naming the entry and the field:
-- `bad argument #2 to 'parse' (opts.entities[3].type must be one of person,
-- organization, periodical, place, event, work; got "thing")` (one line).
-- @module leninletter.entities

local document = require "leninletter.document"
local builtin = require "leninletter.catalogue"

local Document = document.Document
local argerror = document.argerror

local M = {}

--- The entity types, in the order messages list them.
M.TYPES = { "person", "organization", "periodical", "place", "event", "work" }

local ISTYPE = {}
for _, t in ipairs(M.TYPES) do ISTYPE[t] = true end
M.ISTYPE = ISTYPE

-- What Lua 5.1 and LuaJIT lack (math.type, utf8), kept local to this file.
local mtype = math.type or function(v)
  if type(v) ~= "number" then return nil end
  return v == math.floor(v) and "integer" or "float"
end

-- is s UTF-8 text? (the C side checks strictly again)
local function isutf8(s)
  if utf8 and utf8.len then return utf8.len(s) ~= nil end
  local i, n = 1, #s
  while i <= n do
    local c = s:byte(i)
    local k = c < 0x80 and 0 or (c >= 0xC2 and c < 0xE0) and 1
      or (c >= 0xE0 and c < 0xF0) and 2 or (c >= 0xF0 and c < 0xF5) and 3 or nil
    if k == nil then return false end
    for j = i + 1, i + k do
      local b = s:byte(j)
      if b == nil or b < 0x80 or b > 0xBF then return false end
    end
    i = i + k + 1
  end
  return true
end

-- a deep copy of plain data
local copy = require("leninletter.files").copy

-- the original built-in catalogue, out of every caller's reach
local PRISTINE = copy(builtin)

--- The letter's catalogue, a fresh deep copy on every call.
-- @treturn table an array of entries `{id, name, type, aliases, note, description}`
-- @usage local cat = entities.catalogue()
function M.catalogue()
  return copy(PRISTINE)
end


local function typename(v)
  local mt = getmetatable(v)
  if type(mt) == "table" and type(mt.__name) == "string" then return mt.__name end
  return type(v)
end

local function shown(v)
  if type(v) == "string" then return ('"%s"'):format(v) end
  if mtype(v) then return tostring(v) end
  return typename(v)
end

-- an ASCII slug of a name: lowercase letters and digits joined by "-"
local function slug(name)
  local s = name:lower():gsub("[^%w]+", "-"):gsub("^%-+", ""):gsub("%-+$", "")
  if s == "" then s = "entity" end
  return s
end

--- An ASCII slug of a name, the id of an entry given none: its lowercase
-- letters and digits joined by "-" ("entity" when it has none).
-- @string name the name
-- @treturn string the slug
-- @usage print(entities.slug("V. V. Vorovsky"))   --> v-v-vorovsky
M.slug = slug

--- Checks a catalogue and returns a normalised deep copy (every entry with
-- `id`, `name`, `type` and `aliases`), or raises
-- `bad argument #argn to 'fname' (opts.entities[i].field must be ...; got ...)`.
-- @tparam table cat the catalogue
-- @int argn the position of the options argument, for the message
-- @string fname the public function's name, for the message
-- @treturn table the checked copy
-- @usage local cat = entities.check({{name = "Trotsky", type = "person"}}, 2, "parse")
-- assert(cat[1].id == "trotsky")
function M.check(cat, argn, fname)
  local function fail(what, must, got)
    error(("bad argument #%d to '%s' (opts.entities%s must be %s; got %s)")
      :format(argn, fname, what, must, shown(got)), 0)
  end
  local function text(v, what, nonempty)
    if type(v) ~= "string" then fail(what, "a string", v) end
    if not isutf8(v) then fail(what, "UTF-8 text", v) end
    if nonempty and not v:find("[^%s]") then fail(what, "a non-empty string", v) end
    return v
  end
  if type(cat) ~= "table" then fail("", "a table", cat) end
  local out, n = {}, #cat
  for k in pairs(cat) do
    if mtype(k) ~= "integer" or k < 1 or k > n then
      fail("", "an array of entries", cat)
    end
  end
  for i = 1, n do
    local e, at = cat[i], ("[%d]"):format(i)
    if type(e) ~= "table" then fail(at, "a table", e) end
    local name = text(e.name, at .. ".name", true)
    if not ISTYPE[e.type] then
      fail(at .. ".type", "one of " .. table.concat(M.TYPES, ", "), e.type)
    end
    local id = e.id == nil and slug(name) or text(e.id, at .. ".id", true)
    local aliases = {}
    if e.aliases ~= nil then
      if type(e.aliases) ~= "table" then fail(at .. ".aliases", "a table", e.aliases) end
      for j = 1, #e.aliases do
        aliases[j] = text(e.aliases[j], ("%s.aliases[%d]"):format(at, j), true)
      end
    end
    local note = e.note
    if note ~= nil then
      if mtype(note) ~= "integer" then fail(at .. ".note", "an integer", e.note) end
      if math.tointeger then note = math.tointeger(note) end
    end
    local description = e.description
    if description ~= nil then text(description, at .. ".description") end
    out[i] = { id = id, name = name, type = e.type, aliases = aliases,
               note = note, description = description }
  end
  return out
end


-- ------------------------------------------------------------------
-- Documents
-- ------------------------------------------------------------------

-- Document -> {cat = checked catalogue, keys = name key -> entry index,
-- byid = id -> entry index}; weak so that it dies with the document
local states = setmetatable({}, { __mode = "k" })

-- The last word of a name, without a possessive: a person's surname
-- ("V. V. Vorovsky" -> "Vorovsky"), or nil for a one-word name.
local function surname(name)
  local last = name:match("([^%s]+)%s*$")
  if last == nil or last == name:match("^%s*(.-)%s*$") then return nil end
  last = last:gsub("’s$", ""):gsub("'s$", "")
  if last:find("^%p*$") or last:find("%.$") then return nil end
  return last
end

--- Gives a C document a checked catalogue (as `check` returns it): its
-- names are matched in C, once. Returns the lookup state
-- `{cat, keys, byid, surnames, forms}` that `entity`, `entities` and `mentions`
-- read (keys: name key -> entry; byid: id -> entry; surnames: the key of
-- a surname that only one person of the catalogue has -> entry; forms:
-- each entry's names, as given to the C document).
-- @param ud the C document
-- @tparam table cat the checked catalogue
-- @treturn table the state
-- @usage local st = entities.attach(ud, entities.check(ll.catalogue(), 2, "parse"))
function M.attach(ud, cat)
  local forms, keys, byid, surnames = {}, {}, {}, {}
  for i, e in ipairs(cat) do
    local f = { e.name }
    for j, a in ipairs(e.aliases) do f[j + 1] = a end
    forms[i] = f
    for _, name in ipairs(f) do
      local k = ud:ent_key(name)
      if keys[k] == nil then keys[k] = i end
    end
    if byid[e.id] == nil then byid[e.id] = i end
  end
  -- a surname alone finds a person where no other person has it
  for i, e in ipairs(cat) do
    if e.type == "person" then
      for _, name in ipairs(forms[i]) do
        local sur = surname(name)
        if sur then
          local k = ud:ent_key(sur)
          if surnames[k] == nil then
            surnames[k] = i
          elseif surnames[k] ~= i then
            surnames[k] = false
          end
        end
      end
    end
  end
  ud:ent_set(forms)
  return { cat = cat, keys = keys, byid = byid, surnames = surnames, forms = forms }
end

-- the built-in catalogue's entries by id
local BUILTIN = {}
for _, e in ipairs(PRISTINE) do BUILTIN[e.id] = e end

-- Does a marker of note n stand in a sentence that mentions the entry
-- (hits: its mentions)?
local function citedat(n, hits)
  for _, r in ipairs(n.refs or {}) do
    for _, m in ipairs(hits or {}) do
      if r.part == m.part and r.paragraph == m.paragraph and r.note == m.note and r.sentence == m.sentence then
        return true
      end
    end
  end
  return false
end

-- Names by which entries of the built-in catalogue are known in the
-- letter but that name other things on other pages: "October revolution"
-- is the letter's October 1905 strike and, on most pages of the archive,
-- the revolution of 1917 ("the October Revolution" of works/1918/jan/10.htm);
-- a "general strike" or a "strike committee" is any strike's; "great
-- Russian revolution" is as often 1917's; "Soviet" alone is the
-- Petersburg Soviet of 1905 in the letter and any soviet, or the Soviet
-- state, elsewhere (521 mentions on 53 of the sample's Lenin pages); "Civil
-- War" in the letter's notes is Russia's of 1918-20, elsewhere most often
-- civil war in general.
local LETTER_NAMES = {
  ["soviet-of-workers-deputies"] = { Soviet = true },
  ["civil-war"] = { ["Civil War"] = true },
  ["october-1905-strike"] = { ["October revolution"] = true, ["general strike"] = true },
  ["first-russian-revolution"] = { ["great Russian revolution"] = true },
  ["strike-committee"] = { ["strike committee"] = true },
}

-- the letter's title: a page of that title (the letter read from a file)
-- is the letter, and keeps the catalogue whole
local LETTER_TITLE = "Our Tasks and the Soviet of Workers’ Deputies"

-- the catalogues forpage made, by the catalogue given
local forpages = setmetatable({}, { __mode = "k" })

--- A catalogue as a page other than the letter uses it: without the names
-- that only the letter gives its built-in entries (`Soviet` alone,
-- `October revolution`, which elsewhere is 1917's, `general strike`,
-- `strike committee`, `great Russian revolution`, `Civil War`; an entry
-- left without a name is left out). Entries a caller changed or made are
-- kept as given, and a page titled as the letter keeps them all.
-- @tparam table cat a checked catalogue (see `check`)
-- @tparam ?string title the page's title
-- @treturn table cat itself, or a new array of entries (the same one for
--   every page that uses cat)
-- @usage local cat = entities.forpage(entities.check(ll.catalogue(), 2, "corpus"), doc.title)
function M.forpage(cat, title)
  if title == LETTER_TITLE then return cat end
  local made = forpages[cat]
  if made ~= nil then return made or cat end
  local out, changed = {}, false
  for _, e in ipairs(cat) do
    local drop, b = LETTER_NAMES[e.id], BUILTIN[e.id]
    if drop and b and e.name == b.name and e.type == b.type then
      changed = true
      local names = {}
      if not drop[e.name] then names[1] = e.name end
      for _, a in ipairs(e.aliases) do
        if not drop[a] then names[#names + 1] = a end
      end
      if #names > 0 then
        local c = {}
        for k, v in pairs(e) do c[k] = v end
        c.name, c.aliases = names[1], {}
        for j = 2, #names do c.aliases[j - 1] = names[j] end
        out[#out + 1] = c
      end
    else
      out[#out + 1] = e
    end
  end
  -- false, not cat, for a catalogue left as it is: a value holding its
  -- weak key would keep it alive on Lua 5.1 and LuaJIT (no ephemerons)
  forpages[cat] = changed and out or false
  return changed and out or cat
end

--- Whether an entry's note and description are the built-in catalogue's,
-- that is the letter's notes (which another page keeps only where its own
-- note says the same: see `ll.open`), not a caller's own.
-- @tparam table e a catalogue entry or an Entity
-- @bool[opt] dropped also when e has neither, as a page other than the
--   letter leaves a built-in entry that has a note
-- @treturn boolean
-- @usage if entities.lettersnote(e) then ... end
function M.lettersnote(e, dropped)
  local b = BUILTIN[e.id]
  if b == nil or b.note == nil then return false end
  if dropped and e.note == nil and e.description == nil then return true end
  return b.note == e.note and b.description == e.description
end

-- The built-in catalogue's note numbers and descriptions are the letter's
-- notes: used on another page, an entry of it keeps them only where that
-- page's note of the number says the same, holding the description's
-- opening words or, without a description, its marker standing in a
-- sentence that names the entry (the letter's note 4 on the
-- Socialist-Revolutionaries is no other page's note 4); else both are nil
-- on this page. A caller's own entries are kept as given.
local function ownnotes(doc, ud, st)
  local bare
  for i, e in ipairs(st.cat) do
    if M.lettersnote(e) then
      local n = doc:note(e.note)
      if n == nil or (e.description ~= nil and not n.text:find(e.description:sub(1, 40), 1, true)) then
        e.note, e.description = nil, nil
      elseif e.description == nil then
        bare = bare or {}
        bare[i] = n
      end
    end
  end
  if bare == nil then return end
  local _, by = M.grouped(ud, "any")
  for i, n in pairs(bare) do
    if not citedat(n, by[i]) then st.cat[i].note = nil end
  end
end

-- The lookup state of the letter with the built-in catalogue, made with
-- the first such letter and shared by every later one (each one's C
-- document is given its names): nothing changes a state or its entries
-- (an Entity handed out is a copy, and ownnotes edits other pages'
-- catalogues only), and making it for every letter was most of the
-- time ll.letter() took. One per Lua state, as this module is.
local letterstate

-- Sets a new document's catalogue: opts.entities, else the built-in one
-- for the letter, else none.
local function onwrap(doc, ud, opts, _, isletter)
  local st
  if opts.entities ~= nil then
    local cat = M.check(opts.entities, isletter and 1 or 2, isletter and "letter" or "parse")
    if not isletter then cat = M.forpage(cat, ud:title()) end
    st = M.attach(ud, cat)
  elseif isletter then
    if letterstate == nil then
      letterstate = M.attach(ud, PRISTINE)
    else
      ud:ent_set(letterstate.forms)
    end
    st = letterstate
  else
    return
  end
  states[doc] = st
  if not isletter then ownnotes(doc, ud, st) end
end
table.insert(document.onwrap, onwrap)

local SCOPES = { body = true, notes = true, all = true, meta = true, any = true }
local SCOPE_MSG = 'opts.scope must be "body", "notes", "all", "meta" or "any"'

--- Checks the options of `mentions` and `dates` (a table or nil with only
-- `scope`) and returns the scope (default dflt).
-- @param opts the options
-- @int argn their position
-- @string fname the public function's name
-- @string dflt the default scope
-- @treturn string the scope
-- @usage local scope = entities.checkscope(opts, 1, "dates", "any")
function M.checkscope(opts, argn, fname, dflt)
  opts = document.checkopts(opts, argn, fname, { scope = function(scope)
    if not SCOPES[scope] then
      argerror(argn, fname, ("%s, got %s"):format(SCOPE_MSG, document.shown(scope)))
    end
  end })
  return opts.scope or dflt
end

-- the C mentions as Hits (their entity and form fields removed), grouped
-- for entry only (all entries when nil)
local function hits(ud, scope, only)
  local out = {}
  for _, h in ipairs(ud:ent_mentions(scope)) do
    local e = h.entity
    h.entity, h.form = nil, nil
    if only == nil or e == only then out[#out + 1] = h end
  end
  return out
end

-- a fresh Entity for entry i, with its mentions
local function entity(st, i, mentions)
  local e = copy(st.cat[i])
  e.mentions = mentions
  return e
end

-- the entry index a name or Entity designates, or nil; with byid, also
-- an id or a surname only one person has
local function lookup(st, ud, v, byid)
  if type(v) == "table" then
    if type(v.id) == "string" and st.byid[v.id] then return st.byid[v.id] end
    v = v.name
  end
  if type(v) ~= "string" or not isutf8(v) then return nil end
  local k = ud:ent_key(v)
  if st.keys[k] then return st.keys[k] end
  if not byid then return nil end
  return st.byid[v] or st.surnames[k] or nil
end

-- ------------------------------------------------------------------
-- For corpora (leninletter.corpus): a page's state, its mentions
-- ------------------------------------------------------------------

--- The lookup state of a Document (see `attach`), or nil when it has no
-- catalogue.
-- @param doc a Document
-- @treturn table|nil the state
-- @usage local st = entities.stateof(ll.letter())
function M.stateof(doc)
  return states[doc]
end

--- Every mention of a page, grouped by entry: `order` (the entries in
-- order of first mention) and `by` (entry -> array of Hits), in scope.
-- @param ud its C document (its catalogue attached)
-- @string scope as for `mentions`
-- @treturn table order
-- @treturn table by
-- @usage local order, by = entities.grouped(ud, "any")
function M.grouped(ud, scope)
  local order, by = {}, {}
  for _, h in ipairs(ud:ent_mentions(scope)) do
    local i = h.entity
    h.entity, h.form = nil, nil
    if by[i] == nil then
      by[i] = {}
      order[#order + 1] = i
    end
    table.insert(by[i], h)
  end
  return order, by
end

--- A fresh Entity (a copy of entry i of the state's catalogue) with the
-- mentions given.
-- @tparam table st the state
-- @int i the entry
-- @tparam table mentions its Hits
-- @treturn table the Entity
-- @usage local e = entities.entity(st, 1, {})
function M.entity(st, i, mentions)
  local e = copy(st.cat[i])
  e.mentions = mentions
  return e
end

--- The entry of a state's catalogue a name or an Entity designates, or
-- nil; with byid (as `Document:entity`), an id or a surname only one
-- person has too.
-- @tparam table st the state
-- @param ud the C document
-- @param v a name or an Entity
-- @bool[opt] byid whether ids and surnames are looked up
-- @treturn integer|nil the entry
-- @usage local k = entities.lookup(st, ud, "Vorovsky", true)
function M.lookup(st, ud, v, byid)
  return lookup(st, ud, v, byid)
end

--- The entity that goes by a name, or nil: any of its names or aliases,
-- ignoring case, the apostrophe kind and spacing; else its `id`
-- (`"vorovsky"`); else, for a person, the last word of a name or alias
-- (a surname: `"Vorovsky"` for `V. V. Vorovsky`) where no other person of
-- the catalogue has it. An entity of the catalogue that the document never
-- mentions is nil too.
-- @string name a name or alias
-- @treturn Entity|nil a fresh table; `mentions` covers the whole document
-- @usage local soviet = ll.letter():entity("soviet of workers' deputies")
-- print(soviet.id, #soviet.mentions)   --> soviet-of-workers-deputies  22
-- print(ll.letter():entity("Vorovsky").name)   --> V. V. Vorovsky
function Document:entity(name)
  local ud = document.core(self, "entity")
  if type(name) ~= "string" then
    argerror(1, "entity", ("string expected, got %s"):format(typename(name)))
  end
  local st = states[self]
  if st == nil then return nil end
  local i = lookup(st, ud, name, true)
  if i == nil then return nil end
  local ms = hits(ud, "any", i)
  if #ms == 0 then return nil end
  return entity(st, i, ms)
end

--- The entities the document mentions, in order of first mention (the
-- header fields count), optionally of one type only. Entities of the
-- catalogue never mentioned are left out.
-- @string[opt] etype `"person"`, `"organization"`, `"periodical"`, `"place"`,
--   `"event"` or `"work"`
-- @treturn {Entity,...} fresh tables
-- @usage for _, e in ipairs(ll.letter():entities("periodical")) do print(e.name) end
function Document:entities(etype)
  local ud = document.core(self, "entities")
  if etype ~= nil and not ISTYPE[etype] then
    argerror(1, "entities", ("type must be one of %s; got %s")
      :format(table.concat(M.TYPES, ", "), shown(etype)))
  end
  local st = states[self]
  if st == nil then return {} end
  local order, by = M.grouped(ud, "any")
  local out = {}
  for _, i in ipairs(order) do
    if etype == nil or st.cat[i].type == etype then
      out[#out + 1] = entity(st, i, by[i])
    end
  end
  return out
end

--- Where the document mentions an entity, in document order.
-- @param name_or_entity a name or alias (as for `entity`) or an Entity
-- @tparam[opt] table opts `scope`: `"body"` (the default), `"notes"`,
--   `"all"` (title, subtitle, body, notes), `"meta"` (the header fields)
--   or `"any"` (everything)
-- @treturn {Hit,...} fresh tables; `{}` for a name the catalogue does not know
-- @usage local hits = ll.letter():mentions("Black Hundreds", {scope = "all"})
-- print(#hits)   --> 15
function Document:mentions(name_or_entity, opts)
  local ud = document.core(self, "mentions")
  local t = type(name_or_entity)
  if t ~= "string" and t ~= "table" then
    argerror(1, "mentions", ("string or Entity expected, got %s"):format(typename(name_or_entity)))
  end
  local scope = M.checkscope(opts, 2, "mentions", "body")
  local st = states[self]
  if st == nil then return {} end
  local i = lookup(st, ud, name_or_entity)
  if i == nil then return {} end
  return hits(ud, scope, i)
end

-- ------------------------------------------------------------------
-- Proposing a catalogue (leninletter.propose, loaded on first use)
-- ------------------------------------------------------------------

--- Proposes catalogue entries for a page or a corpus, for a user to
-- curate (no catalogue covers the whole archive): the names written with
-- capitals (runs of capitalised words, with initials, `of` between
-- them: `V. V. Vorovsky`, `Union of Unions`), their variants grouped
-- (the possessive dropped; hyphen and space variants and a plural `s`:
-- `Black Hundreds` and `Black-Hundred`; a surname alone with the one full
-- name that ends in it: `Vorovsky` with `V. V. Vorovsky`) and counted. A
-- word that opens a sentence is counted only where the same name also
-- stands inside a sentence, and a one-word name only where the word is
-- written with a capital more often than without (so `The`, `But` and
-- common nouns at a sentence's start are left out).
-- @param source a Document or a Corpus
-- @tparam[opt] table opts `min` (least count, default 2), `scope`
--   (default `"all"`: title, subtitle, body and notes)
-- @treturn {table,...} entries `{id, name, type, aliases, count, docs,
--   guessed = true}` (`docs` the number of pages; `type` a guess from the
--   name's words, then WordNet's class of the name where WordNet is
--   installed, then its ending: check it), count descending, then name;
--   ready for `opts.entities`
-- @usage local cat = ll.propose(ll.open("page.htm"))
-- for _, e in ipairs(cat) do print(e.count, e.type, e.name, table.concat(e.aliases, "; ")) end
-- local doc = ll.open("page.htm", {entities = cat})
function M.propose(source, opts)
  opts = document.checkopts(opts, 2, "propose", { min = true, scope = document.check.scope })
  local min = document.intopt(opts, "min", 2, "propose", 2, 1)
  local scope = opts.scope or "all"
  local docs
  if document.is(source) then
    docs = { source }
  elseif type(source) == "table" and getmetatable(source) and getmetatable(source).__name
      == "leninletter.Corpus" then
    docs = {}
    for i = 1, #source do docs[i] = source[i] end
  else
    argerror(1, "propose", ("Document or Corpus expected, got %s"):format(typename(source)))
  end
  return require("leninletter.propose").run(docs, min, scope)
end

return M
