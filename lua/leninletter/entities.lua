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
-- Proposing a catalogue
-- ------------------------------------------------------------------

-- words that join the parts of a name ("Union of Unions")
local JOINERS = { ["of"] = true }
-- a title before a person's name
local TITLES = { comrade = true, mr = true, mrs = true, dr = true, general = true, citizen = true,
  professor = true, prince = true, count = true }
-- words that make a name an organization's, or an event's
local ORGWORDS = { party = true, congress = true, committee = true, soviet = true, soviets = true,
  union = true, unions = true, league = true, bureau = true, international = true,
  government = true, council = true, duma = true, army = true, conference = true,
  organisation = true, organization = true, group = true, society = true, commune = true }
local EVENTWORDS = { revolution = true, war = true, strike = true, uprising = true,
  insurrection = true, peace = true }

-- capitalised words that are no names: months, days, abbreviations of
-- references
local NONAMES = {}
for w in ([[january february march april may june july august september october
  november december monday tuesday wednesday thursday friday saturday sunday vol vols no nos
  pp ed cf ibid op cit see part chapter section art]]):gmatch("%a+") do NONAMES[w] = true end
-- abbreviations whose dot does not end a name ("St. Petersburg")
local ABBREVS = { st = true, mr = true, mrs = true, dr = true, gen = true, mt = true }

-- the stop list as a set (the module's stop list, loaded by leninletter.query)
local stopset

-- the last word of a work's name ("Selected Works", "Erfurt Programme")
local WORKWORDS = { works = true, manifesto = true, programme = true, program = true,
  theses = true, writings = true, letters = true }

-- WordNet's semantic classes that tell a name's type (a person's class is
-- read apart: a plural names a group, "Bolsheviks", "Fabians")
local WNTYPES = { ["noun.location"] = "place", ["noun.object"] = "place",
  ["noun.group"] = "organization", ["noun.communication"] = "work" }

-- The type WordNet gives a name (its first, most frequent noun sense,
-- looked up for the whole name, then for the head word of several: the
-- last, "Frederick Engels" is Engels, or the one before "of", "Poverty of
-- Philosophy"), or nil: WordNet not installed, the name unknown to it, or
-- a class that says nothing of the type.
local function wordnettype(words)
  local ok, lexicon = pcall(require, "leninletter.lexicon")
  if not ok then return nil end
  local tries = { table.concat(words, " ") }
  if #words > 1 then
    local head = words[#words]
    for i = 2, #words do
      if words[i] == "of" then
        head = words[i - 1]
        break
      end
    end
    tries[2] = head
  end
  for _, w in ipairs(tries) do
    local r = lexicon.readings(w)
    local x = r and r[1]
    if x and x.pos == "noun" then
      if x.lexfile == "noun.person" then
        return x.inflection == "plural" and "organization" or "person"
      end
      if WNTYPES[x.lexfile] then return WNTYPES[x.lexfile] end
    end
  end
  return nil
end

-- a guess at an entry's type from its forms (an initial or a title makes
-- a person; words such as Party an organization; Revolution an event;
-- Works or Programme a work; then WordNet's class of the name, where
-- WordNet is installed: Germany a place, Engels a person; else a place or
-- a person by its ending); the user checks it
local function guesstype(words, initials)
  if initials then return "person" end
  local last = words[#words]
  for _, w in ipairs(words) do
    if TITLES[w] then return "person" end
  end
  for _, w in ipairs(words) do
    if EVENTWORDS[w] then return "event" end
  end
  for _, w in ipairs(words) do
    if ORGWORDS[w] then return "organization" end
  end
  if #words > 1 and WORKWORDS[last] then return "work" end
  local bywordnet = wordnettype(words)
  if bywordnet then return bywordnet end
  if last:find("burg$") or last:find("grad$") or last:find("ia$") or last:find("land$")
      or last:find("sk$") or last:find("ow$") then
    return "place"
  end
  if #words <= 3 and (last:find("sky$") or last:find("ski$") or last:find("ov$")
      or last:find("ev$") or last:find("in$") or last:find("ich$") or last:find("yev$")) then
    return "person"
  end
  -- a plural (Bolsheviks, Cadets) or a doctrine (Marxism, Social-Democracy)
  -- names a group
  if #words > 1 or last:find("s$") or last:find("ism$") or last:find("cracy$") then return "organization" end
  return "person"
end

-- The Block a token of the body or the notes stands in, or nil (a note
-- number a page uses twice: the first note of that number).
local function blockof(doc, tok)
  if tok.part == "body" then return doc.paragraphs[tok.paragraph] end
  if tok.part == "note" then
    local note = doc:note(tok.note)
    return note and note.paragraphs[tok.paragraph]
  end
  return nil
end

-- Does the token open its sentence (the first word of a body or note
-- sentence, or of the title)?
local function opens(doc, tok)
  if tok.part == "title" or tok.part == "subtitle" then return true end
  local block = blockof(doc, tok)
  if block == nil or tok.sentence == nil then return false end
  local at = block.sentence_pos and block.sentence_pos[tok.sentence]
    or block.text:find(block.sentences[tok.sentence], 1, true)
  if at == nil then return false end
  -- the first word: only punctuation before it in the sentence
  return not block.text:sub(at, tok.pos - 1):find("[%w\128-\255]")
end

-- The capitalised runs of one Document, added to found: key (normal
-- forms joined by spaces, a final possessive dropped) -> {forms = {text
-- -> count}, count, initial (occurrences opening a sentence only), words,
-- initials, docs = {doc -> true}}.
local function runs(doc, scope, found, docid)
  local seq, blocktext = {}, nil
  local function textof(tok)
    if tok.part == "title" then return doc.title end
    if tok.part == "subtitle" then return doc.subtitle end
    local b = blockof(doc, tok)
    return b and b.text
  end
  local function flush()
    -- joiners and stop words at either end are no part of a name
    while #seq > 0 and (JOINERS[seq[#seq].norm] or stopset[seq[#seq].norm]) do seq[#seq] = nil end
    while #seq > 0 and (JOINERS[seq[1].norm] or stopset[seq[1].norm]) and not seq[1].initialletter do
      table.remove(seq, 1)
    end
    if #seq > 0 then
      local first, last = seq[1], seq[#seq]
      local stop = last.pos + #last.text - 1
      -- an abbreviation keeps its last dot: R.S.D.L.P.
      if last.initialletter and #seq > 1 then stop = stop + 1 end
      local text = blocktext:sub(first.pos, stop)
      text = text:gsub("’s$", ""):gsub("'s$", "")
      local words, initials = {}, false
      for i, t in ipairs(seq) do
        words[i] = t.norm:gsub("'s$", "")
        if t.initialletter then initials = true end
      end
      if not (#seq == 1 and initials) and not text:find("^%d") then
        local key = table.concat(words, " ")
        local f = found[key]
        if f == nil then
          f = { forms = {}, order = {}, count = 0, initial = 0, words = words, initials = initials,
            docs = {} }
          found[key] = f
        end
        if f.forms[text] == nil then f.order[#f.order + 1] = text end
        f.forms[text] = (f.forms[text] or 0) + 1
        f.count = f.count + 1
        f.docs[docid] = true
        if first.opens and #seq == 1 then f.initial = f.initial + 1 end
      end
    end
    seq = {}
  end
  local prev
  -- one token: it continues the run, or ends it and maybe starts another
  local function step(tok)
    local text = textof(tok)
    -- a token whose block cannot be told (a note number used twice) ends a run
    if text == nil or text:sub(tok.pos, tok.pos + #tok.text - 1) ~= tok.text then
      flush()
      return nil
    end
    local cap = tok.text:find("^%u") ~= nil
    local joins = JOINERS[tok.norm] and #seq > 0
    local same = prev and prev.part == tok.part and prev.paragraph == tok.paragraph
      and prev.note == tok.note
    if same and #seq > 0 then
      -- only spaces, an initial's dot or a possessive's apostrophe between
      local gap = text:sub(prev.pos + #prev.text, tok.pos - 1)
      if not gap:find("^[ %.’']*$") or gap:find("%.%s*$") and not prev.initialletter
          and not ABBREVS[prev.norm] then
        flush()
      end
    elseif #seq > 0 then
      flush()
    end
    -- headings and titles capitalise every word: no names are read there
    local b = blockof(doc, tok)
    if NONAMES[tok.norm] or tok.part == "title" or tok.part == "subtitle"
        or (b and b.kind == "heading") then
      cap, joins = false, false
    end
    if cap or joins then
      blocktext = text
      tok.opens = opens(doc, tok)
      tok.initialletter = cap and #tok.text == 1 and text:sub(tok.pos + 1, tok.pos + 1) == "."
      seq[#seq + 1] = tok
    else
      flush()
    end
    return tok
  end
  for tok in doc:tokens({ scope = scope }) do prev = step(tok) end
  flush()
end

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
  if stopset == nil then
    stopset = {}
    for _, w in ipairs(require("leninletter.query").stopwords()) do stopset[w] = true end
  end
  local found, lower = {}, {}
  for i, doc in ipairs(docs) do
    runs(doc, scope, found, i)
    for tok in doc:tokens({ scope = scope }) do
      if not tok.text:find("^%u") then lower[tok.norm] = (lower[tok.norm] or 0) + 1 end
    end
  end
  -- groups: the same parts without hyphens, spaces or a final s
  local groups, gorder = {}, {}
  local keys = {}
  for key in pairs(found) do keys[#keys + 1] = key end
  table.sort(keys)
  for _, key in ipairs(keys) do
    local f = found[key]
    local inside = f.count - f.initial
    local single = #f.words == 1
    -- a one-word name must be no common word (written without a capital
    -- as often as with one inside sentences), no stop word, no Roman
    -- numeral and no adjective ("Russian", "English")
    local keep = inside > 0 and not (single and ((lower[key] or 0) >= inside
      or stopset[key] or stopset[key:gsub("'.*$", "")] or key:find("^[ivxlc]+$")
      or key:find("ic$") or key:find("an$") or key:find("ish$") or key:find("ch$")))
    if keep then
      local vkey = key:gsub("[%s%-]", ""):gsub("s$", "")
      local g = groups[vkey]
      if g == nil then
        g = { members = {}, vkey = vkey }
        groups[vkey] = g
        gorder[#gorder + 1] = vkey
      end
      g.members[#g.members + 1] = f
    end
  end
  -- a one-word group joins the one person's name (with initials) whose
  -- last word it is: a surname
  local bylast = {}
  for _, vkey in ipairs(gorder) do
    for _, f in ipairs(groups[vkey].members) do
      if #f.words > 1 and f.initials then
        local l = f.words[#f.words]
        if bylast[l] == nil then bylast[l] = vkey elseif bylast[l] ~= vkey then bylast[l] = false end
      end
    end
  end
  for _, vkey in ipairs(gorder) do
    local g = groups[vkey]
    local f = g.members[1]
    if #g.members == 1 and #f.words == 1 then
      local into = bylast[f.words[1]]
      if into and into ~= vkey and groups[into] then
        local target = groups[into]
        target.members[#target.members + 1] = f
        groups[vkey] = nil
      end
    end
  end
  local out = {}
  for _, vkey in ipairs(gorder) do
    local g = groups[vkey]
    if g then
      local count, docset, forms, initials, words = 0, {}, {}, false, nil
      for _, f in ipairs(g.members) do
        count = count + f.count
        for d in pairs(f.docs) do docset[d] = true end
        initials = initials or f.initials
        for _, text in ipairs(f.order) do
          forms[#forms + 1] = { text = text, n = f.forms[text], words = #f.words }
        end
      end
      -- the name: the fullest form, then the most frequent, then the first
      table.sort(forms, function(a, b)
        if a.words ~= b.words then return a.words > b.words end
        if a.n ~= b.n then return a.n > b.n end
        if #a.text ~= #b.text then return #a.text > #b.text end
        return a.text < b.text
      end)
      local best = forms[1].text
      -- the type is guessed from the words of the name chosen (Kautsky,
      -- not the plural Kautskys grouped with it)
      for _, f in ipairs(g.members) do
        if words == nil and f.forms[best] then words = f.words end
      end
      local aliases, seen = {}, { [best:lower()] = true }
      for _, x in ipairs(forms) do
        local k = x.text:lower()
        if not seen[k] then
          seen[k] = true
          aliases[#aliases + 1] = x.text
        end
      end
      if count >= min then
        local ndocs = 0
        for _ in pairs(docset) do ndocs = ndocs + 1 end
        out[#out + 1] = { id = slug(best), name = best, type = guesstype(words or {}, initials),
          aliases = aliases, count = count, docs = ndocs, guessed = true }
      end
    end
  end
  table.sort(out, function(a, b)
    if a.count ~= b.count then return a.count > b.count end
    return a.name < b.name
  end)
  return out
end

return M
