--- Proposing catalogue entries (`ll.propose`, `leninletter.entities.propose`):
-- the capitalised runs of words of a page or a corpus, grouped and counted,
-- each with a guessed type. Loaded the first time a catalogue is proposed:
-- compiling it was a third of what `require "leninletter"` compiled for
-- `leninletter.entities`, and most scripts never propose.
-- @module leninletter.propose

local entities = require "leninletter.entities"
local slug = entities.slug

local M = {}

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

--- Proposes catalogue entries from Documents: the work of
-- `leninletter.entities.propose`, which checks its arguments (see there).
-- @tparam {Document,...} docs the pages
-- @int min the least count
-- @string scope the scope read
-- @treturn {table,...} the entries, count descending, then name
-- @usage local cat = require("leninletter.propose").run({ ll.letter() }, 2, "all")
function M.run(docs, min, scope)
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

--- The mentions of proposed names on a page, each place once: given the
-- hits of each name's forms (`doc:find`), in document order the longest
-- first at one place, and a hit that starts inside the one before it in its
-- block ("Opposition" in "Left Opposition", "Engels" in "Frederick Engels")
-- is no mention.
-- @tparam {table,...} found `{h = hit, i = name's index}` (sorted here)
-- @treturn table the mentions of each name: `[i] = {hit, ...}`, in document order
-- @usage local ms = require("leninletter.propose").mentions({ { h = doc:find("Engels")[1], i = 1 } })
function M.mentions(found)
  local PART = { title = 1, subtitle = 2, body = 3, note = 4 }
  table.sort(found, function(a, b)
    local x, y = a.h, b.h
    if x.part ~= y.part then return (PART[x.part] or 5) < (PART[y.part] or 5) end
    if (x.note or 0) ~= (y.note or 0) then return (x.note or 0) < (y.note or 0) end
    if (x.paragraph or 0) ~= (y.paragraph or 0) then return (x.paragraph or 0) < (y.paragraph or 0) end
    if x.pos ~= y.pos then return x.pos < y.pos end
    if x.len ~= y.len then return x.len > y.len end
    return a.i < b.i
  end)
  local mentions, last = {}, nil
  for _, f in ipairs(found) do
    local h = f.h
    local block = h.part .. ":" .. (h.note or 0) .. ":" .. (h.paragraph or 0)
    if not (last and last.block == block and h.pos < last.stop) then
      last = { block = block, stop = h.pos + h.len }
      mentions[f.i] = mentions[f.i] or {}
      table.insert(mentions[f.i], h)
    end
  end
  return mentions
end

return M
