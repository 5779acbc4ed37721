--- Quizzes from a Document: cloze, multiple choice, questions from the
-- notes and on dates, and hand-written questions on the letter's theses.
--
--    local quiz = require "leninletter.quiz"
--    local qs, why = quiz.choice(ll.letter(), {count = 10, seed = 1})
--    for _, q in ipairs(qs) do print(q.prompt, "->", q.answer) end
--
-- **Question.** A table:
--
-- * `kind`: `"cloze"`, `"choice"`, `"note"` or `"date"`;
-- * `prompt`: the question. A cloze prompt is the source sentence with
--   exactly one blank `_____` where the answer stood (putting the answer
--   back gives the sentence byte for byte); a choice prompt is such a
--   sentence too, led by `In note N, on X: ` when it comes from a note (so
--   that its "it" or "the Union" is named), or a question;
-- * `answer`: the right answer (as the text writes it, for a blank);
-- * `choices`: for the kinds with choices, the answer once and the
--   distractors, shuffled;
-- * `accept`: other answers also marked right (a cloze's: the other
--   apostrophe, a hyphen written as a space, an abbreviation without its
--   stops, a title without its question mark, the other usage's spelling
--   (`Labor` for `Labour`, `organization` for `organisation`), WordNet
--   synonyms of a word of one sense put in the answer's inflection), or nil;
-- * `source`: a Hit (`part`, `paragraph`, `note`, `field`, `sentence`,
--   `pos`, `len`, `text`): where the answer stands in the document;
-- * `feedback`: shown after answering: the source sentence (or note, or
--   header field) and where it stands, and for a thesis the teacher's
--   explanation;
-- * `title`, `category` (a path, `"<document title>/<kind>"`), `tags`
--   (array of words without spaces), `id` (a stable identifier: the same
--   question has the same id on every run and platform);
-- * `target` (`"word"`, `"entity"`, `"date"` or `"thesis"`), and `entity`
--   (its id) for entities.
--
-- **What a question must be** (API.md): one right answer; choices of the
-- answer's own kind; no choice also true, named by the prompt, or taken
-- from the page's furniture; blanks on words worth learning; never an
-- answer the source misprints. So:
--
-- * *Entities*: distractors are entities of the same type (and of the same
--   class, "party", "city", ..., where one is known), written with a
--   capital where the answer is (events aside), that existed in the
--   question's year (the built-in catalogue's years, classes and parts are
--   in data/entity_eras.lua; the year of a sentence is the year its dates,
--   or the events it names, give, else the document's); never one the
--   prompt names, never a part for the whole (the Bolsheviks for the
--   R.S.D.L.P.), never the page's furniture (an entity the page names only
--   in its header, or the edition, publisher, transcriber and archives),
--   never an event that spans the answer's or that it spans. A person named
--   by surname gets surnames.
-- * *Dates*: distractors are the answer with its year (from the years the
--   document names, then nearby ones) or its month changed, written in the
--   same words ("early in November 1905" gives "early in October 1905");
--   none overlaps the answer in either calendar (a month before 1918 has
--   its new style too: "October 1905" runs to November 13, so "November
--   1905" is never its distractor), or another date of the same sentence;
--   after "by", "before" or "since" only earlier dates, after "after" only
--   later ones (a later date is as true of "it had ceased to exist by the
--   end of 1906"). A date the document's errata (`doc.errata`) mark as
--   misprinted is never asked about nor used, nor a date an earlier quiz
--   of the set (`opts.avoid`) answered.
-- * *Sentences*: never one that leans on an antecedent it does not hold
--   ("It was founded in May 1905", "It was a socialist revolution"; "It
--   is now obvious to us that" is fine), nor a reference ("Selected
--   Works, Vol. 3, Moscow, 1973, pp. 204-334"). A note's sentence is led
--   by what the note explains: the catalogue's entity where this page's
--   note explains it, else the note's headword ("In note 4, on the Thirty
--   Years’ War: The war ended in _____").
-- * *Words* (only with WordNet 3.0, see `leninletter.lexicon`): only a
--   page's key terms are blanked (content words used at least twice, key
--   by log-likelihood against a sample of the Marxists Internet Archive),
--   never a function word; distractors are other words of the page that
--   WordNet reads with the answer's part of speech and inflection (of the
--   same lexicographer class first), none a synonym of the answer or
--   already in the sentence, and after "a" or "an" only words that take
--   it. Never a title before a name ("Comrade Lenin"), the author's name,
--   or a particle ("withering away"). Without WordNet, no word is blanked.
-- * *Accepted answers*: the other apostrophe, hyphens as spaces, an
--   abbreviation without its stops ("St Petersburg", "RSDLP") or in full
--   ("Saint Petersburg"), a title without its question mark; a WordNet
--   synonym only for a word of one sense that does not modify the page's
--   own term (no "tentative" for "provisional revolutionary government").
-- * *Repeats*: each answer once a quiz while the text has others, then
--   twice, then as often as the text allows.
--
-- **Reproducible.** All chance comes from the module's own generator
-- (xoshiro128** in C, integer arithmetic only; never `math.random`), seeded
-- with `opts.seed` (default 1): the same document and seed give the same
-- questions on every platform. Different seeds give different quizzes.
--
-- **Too few?** Asking for more questions than the text supports returns as
-- many as it can, and a message saying so as a second value.
--
-- **Cost.** What a page offers (its sentences, their candidate blanks, the
-- words' WordNet readings, the entities' and dates' pools) is worked out
-- once per document and kept (weakly) with it; each question then costs
-- microseconds.
--
-- Misuse raises `bad argument #N to 'name' (...)`.
-- @module leninletter.quiz

local compat = require "leninletter.compat"
local math, utf8 = compat.math, compat.utf8
local document = require "leninletter.document"
local query = require "leninletter.query"
local lexicon = require "leninletter.lexicon"
local entities = require "leninletter.entities"
local files = require "leninletter.files"


local M = {}

--- The blank of cloze and choice prompts.
M.BLANK = "_____"
local BLANK = M.BLANK

-- ------------------------------------------------------------------
-- Options
-- ------------------------------------------------------------------

local SCOPE = document.check.scope
local BOOL = document.check.boolean
-- questions already asked (an earlier quiz of a set)
local function AVOID(v, argn, fname)
  if type(v) ~= "table" then
    document.argerror(argn, fname, ("opts.avoid must be an array of questions, got %s"):format(
      document.typename(v)))
  end
  for i, q in ipairs(v) do
    if type(q) ~= "table" or type(q.prompt) ~= "string" then
      document.argerror(argn, fname, ("opts.avoid[%d] must be a question, got %s"):format(i,
        document.typename(q)))
    end
  end
end
local OPTS = {
  cloze = { count = true, seed = true, scope = SCOPE, wordnet = BOOL, avoid = AVOID },
  choice = { count = true, seed = true, scope = SCOPE, choices = true, wordnet = BOOL, theses = BOOL,
    avoid = AVOID },
  notes = { count = true, seed = true, choices = true, avoid = AVOID },
  dates = { count = true, seed = true, scope = SCOPE, choices = true, avoid = AVOID },
  theses = { count = true, seed = true, choices = true, avoid = AVOID },
}

local MAXCHOICES = 10

local SALT = { cloze = 0, choice = 0x63686f69, notes = 0x6e6f7465, dates = 0x64617465,
  theses = 0x74686573 }

-- Function words that NLTK's stop list leaves out: never blanked, never
-- offered as distractors.
local FUNCTION_WORDS = {
  "must", "could", "would", "shall", "might", "also", "even", "upon", "every",
  "though", "whether", "since", "much", "many", "well", "ever", "thus", "hence",
  "however", "therefore", "unless", "while", "among", "either", "neither", "whose",
  "whom", "said", "says", "made", "make", "become", "became", "being", "within",
  "without", "towards", "whole", "less", "least", "more", "most", "still", "already",
  "cannot", "enough", "indeed", "rather", "quite", "yet", "may", "shall", "per", "via",
  "upon", "whilst", "amongst", "across", "along", "around", "behind", "beyond", "toward",
  "one", "two", "three", "first", "second", "third", "lastly", "namely", "etc", "i.e",
  "another", "other", "others", "such", "like", "unlike", "several", "certain", "fact",
  "thing", "things", "way", "ways", "time", "times", "part", "parts", "case", "cases",
  -- the particles of phrasal verbs ("withering away", "set up")
  "away", "back", "forth", "ahead", "apart", "aside", "along", "forward", "onward",
}

-- Checks the document and the options of the quiz function fname.
-- Returns the options read: count, seed, scope, choices, wordnet, theses,
-- avoid, and rnd (the generator, from the facade).
local function checkargs(doc, opts, fname)
  document.core(doc, fname)
  opts = document.checkopts(opts, 2, fname, OPTS[fname])
  local r = {}
  r.count = document.intopt(opts, "count", 2, fname, 10, 1)
  r.seed = document.intopt(opts, "seed", 2, fname, 1)
  r.choices = document.intopt(opts, "choices", 2, fname, 4, 2, MAXCHOICES,
    "an integer from 2 to " .. MAXCHOICES)
  r.wordnet = opts.wordnet ~= false
  r.theses = opts.theses == true
  -- their sentences, and any sentence their prompts quote, are not asked again
  r.avoid = opts.avoid or {}
  -- dates are mostly in the notes: their questions look everywhere
  r.scope = opts.scope or (fname == "dates" and "all" or "body")
  -- each kind draws its own stream, so a cloze and a choice quiz of one
  -- seed do not pick the same sentences
  r.rnd = document.generator(doc, compat.bxor(r.seed, SALT[fname]), fname)
  return r
end

-- ------------------------------------------------------------------
-- Small helpers
-- ------------------------------------------------------------------

-- Shuffles t in place (Fisher-Yates) and returns it.
local function shuffle(rnd, t)
  for i = #t, 2, -1 do
    local j = rnd:below(i)
    t[i], t[j] = t[j], t[i]
  end
  return t
end

-- Case and apostrophe folded, for comparing names and answers.
local function fold(s)
  return (s:gsub("’", "'"):gsub("‘", "'"):lower():gsub("%s+", " "))
end

-- Does name occur in s (both folded) as whole words?
local function names(s, name)
  local i = 1
  while true do
    local a, b = s:find(name, i, true)
    if not a then return false end
    local before, after = s:sub(a - 1, a - 1), s:sub(b + 1, b + 1)
    if not before:find("[%w]") and not after:find("[%w]") then return true end
    i = a + 1
  end
end

-- A stable identifier of a string (compat.hash: the same on every Lua).
local hash = compat.hash

-- ------------------------------------------------------------------
-- The document's sentences
-- ------------------------------------------------------------------

local function inscope(part, scope)
  if part == "body" then return scope == "body" or scope == "all" end
  if part == "note" then return scope == "notes" or scope == "all" end
  return false
end

local function unitkey(part, note, paragraph, sentence)
  return ("%s:%s:%d:%d"):format(part, tostring(note or 0), paragraph, sentence)
end

-- Every sentence of the body and notes, in document order:
-- {part, note, paragraph, sentence, text, start, cands, words}, and a map
-- from unitkey to unit.
local function sentences(doc)
  local units, bykey = {}, {}
  local function block(part, note, i, b)
    local from = 1
    for j, s in ipairs(b.sentences) do
      local a = (b.sentence_pos and b.sentence_pos[j]) or b.text:find(s, from, true) or from
      from = a + #s
      local u = { part = part, note = note, paragraph = i, sentence = j, text = s, start = a,
        kind = b.kind, cands = {}, words = {}, ntok = 0 }
      units[#units + 1] = u
      bykey[unitkey(part, note, i, j)] = u
    end
  end
  for i, b in ipairs(doc.paragraphs) do block("body", nil, i, b) end
  for _, n in ipairs(doc.notes) do
    for i, b in ipairs(n.paragraphs) do block("note", n.n, i, b) end
  end
  return units, bykey
end

-- The unit a hit falls in, when the hit lies wholly inside one sentence.
local function unitof(bykey, h)
  if not (h.part == "body" or h.part == "note") or not h.sentence or not h.paragraph then
    return nil
  end
  local u = bykey[unitkey(h.part, h.note, h.paragraph, h.sentence)]
  if u and h.pos >= u.start and h.pos + h.len <= u.start + #u.text then return u end
  return nil
end

local function hitof(h, pos, len, text)
  return { part = h.part, paragraph = h.paragraph, note = h.note, field = h.field,
    sentence = h.sentence, pos = pos or h.pos, len = len or h.len, text = text or h.text }
end

-- Does [pos, pos+len) overlap a blank already found in unit u? The bytes
-- the blanks cover are marked in u.taken as candidates are added (checked
-- from u.ntaken on), so a call costs the length asked about, not the
-- number of candidates: one long sentence with no full stop was quadratic
-- (issue #19: a 156 KB page took a minute, a 500 KB one did not finish).
local function overlaps(u, pos, len)
  local taken = u.taken
  if not taken then
    taken = {}
    u.taken, u.ntaken = taken, 0
  end
  for i = u.ntaken + 1, #u.cands do
    local h = u.cands[i].hit
    for b = h.pos, h.pos + h.len - 1 do taken[b] = true end
  end
  u.ntaken = #u.cands
  for b = pos, pos + len - 1 do
    if taken[b] then return true end
  end
  return false
end

-- The prompt: unit u's sentence with [pos, pos+len) of its block blanked.
local function blanked(u, pos, len)
  local off = pos - u.start
  return u.text:sub(1, off) .. BLANK .. u.text:sub(off + len + 1)
end

-- Pronouns and definite descriptions whose antecedent stands outside the
-- sentence.
local ANAPHORS = { "it", "its", "they", "their", "them", "he", "his", "she", "her", "this",
  "these", "the union", "the paper", "the party", "the congress", "the article" }
-- "It seems", "It goes without saying": no antecedent needed; "It is",
-- "It was", "It would" only where a clause or an infinitive follows close
-- by ("It is now obvious to us that", "It would be inadvisable ... to"):
-- "It was a socialist revolution." and "It was founded in May 1905" lean
-- on what came before.
local EXPLETIVE = { ["it seems"] = true, ["it goes"] = true, ["it is"] = "clause",
  ["it was"] = "clause", ["it would"] = "clause" }
local CLAUSE = { that = true, to = true, whether = true, ["if"] = true, how = true, why = true,
  what = true, when = true }

-- Does the sentence lean on an antecedent outside it? In the body, a
-- sentence opening with a pronoun; in a note, any of them anywhere.
local function anaphoric(u)
  local s = fold(u.text)
  if u.part == "body" then
    -- from its first word, past an opening quotation mark or bracket
    s = s:gsub("^[^%a]+", "")
    -- (the first two words apart by more than spaces and commas, as in
    -- "“Comrades,” Lenin said softly as he removed his hat", go on to the
    -- pronoun after an opening phrase, below)
    local w1, w2 = s:match("^(%a+)[%s,;:]+(%a+)")
    local ex = w1 and EXPLETIVE[w1 .. " " .. w2]
    if ex == true then return false end
    if ex == "clause" then
      local n = 0
      for w in s:gmatch("%a+") do
        n = n + 1
        if n > 2 and CLAUSE[w] then return false end
        if n >= 9 then break end
      end
      return true
    end
    for _, a in ipairs(ANAPHORS) do
      if w1 and not a:find(" ") and w1 == a then return true end
    end
    -- "Both, together with Lenin, ...", "All this took place on ...",
    -- "That day, ...", "The day before, on ...": who, what, which day?
    if w1 == "both" or s:find("^all this%f[%A]") or s:find("^that day%f[%A]")
        or s:find("^the day before%f[%A]") or s:find("^the next day%f[%A]") then
      return true
    end
    -- a subject pronoun after an opening phrase: "In July 1903 they began
    -- arriving" (s is folded: ’ is ' already, and a class holding ’'s
    -- bytes made a word of the first two bytes of a closing ”)
    local n = 0
    for w in s:gmatch("[%a']+") do
      n = n + 1
      if n > 6 then break end
      if n > 1 and (w == "they" or w == "he" or w == "she") then return true end
    end
    return false
  end
  for _, a in ipairs(ANAPHORS) do
    if names(s, a) then return true end
  end
  return false
end

-- ------------------------------------------------------------------
-- Entities
-- ------------------------------------------------------------------

-- What the quizzes know of the built-in catalogue's entities beyond it
-- (data/entity_eras.lua: from, to, class, within, furniture), by id.
local extras
local function catalogue_extras()
  if not extras then
    local data = files.module("leninletter.entity_eras", debug.getinfo(1, "S").source, "../../data/entity_eras.lua")
    extras = data or {}
  end
  return extras
end

local function surname(name)
  return name:match("(%S+)$") or name
end

-- Entity records: {e, id, type, class, from, to, furniture, names (folded),
-- display}, and the subject of each note.
local function prepare_entities(P, doc)
  P.ents, P.byid, P.subject = {}, {}, {}
  if type(doc.entities) ~= "function" then return end
  local ex = catalogue_extras()
  local author = doc.author and fold(doc.author)
  for _, e in ipairs(doc:entities()) do
    local x = ex[e.id] or {}
    local inside = 0
    for _, m in ipairs(e.mentions or {}) do
      if m.part == "body" or m.part == "note" then inside = inside + 1 end
    end
    local r = { e = e, id = e.id, type = e.type, class = x.class, from = x.from, to = x.to,
      within = x.within, furniture = x.furniture or inside == 0, names = { fold(e.name) },
      -- worth a question: named twice in the text, or explained by a note
      salient = false }
    -- the note explains it on this page: a catalogue's note and description
    -- (the letter's note 4 on the Socialist-Revolutionaries) are no
    -- other page's note 4
    local n = type(e.note) == "number" and type(e.description) == "string" and doc:note(e.note)
    if n then
      local head = e.description:sub(1, 40)
      for _, b in ipairs(n.paragraphs or {}) do
        if b.text:find(head, 1, true) then r.explains = true end
      end
    end
    -- named twice, or given a note of its own (a reference, as "What Is
    -- To Be Done?"'s note 1, or an explanation found on this page)
    r.salient = inside >= 2 or r.explains == true
      or (type(e.note) == "number" and e.description == nil and doc:note(e.note) ~= nil)
    for _, a in ipairs(e.aliases or {}) do r.names[#r.names + 1] = fold(a) end
    if e.type == "person" then r.names[#r.names + 1] = fold(surname(e.name)) end
    r.author = author ~= nil and (fold(e.name) == author or names(author, fold(e.name)))
    P.ents[#P.ents + 1] = r
    P.byid[e.id] = r
    if r.explains and not P.subject[e.note] and not r.furniture then P.subject[e.note] = r end
  end
end

-- Did the entity exist in year y (or, given y2, at some time in [y, y2])?
local function alive(r, y, y2)
  if not y or not r.from then return true end
  y2 = y2 or y
  return r.from <= y2 and (r.to == nil or r.to >= y)
end

-- Is entity r named in the folded text s?
local function named(r, s)
  for _, n in ipairs(r.names) do
    if names(s, n) then return true end
  end
  return false
end

-- How an entity is shown as a choice, in the answer's shape: a surname
-- for a person the answer names by surname alone.
local function display(r, answer)
  if r.type == "person" then
    if not answer:find("%s") then return surname(r.e.name) end
    -- initials for initials ("A. V. Lunacharsky"), full names for full names
    local initials = answer:find("^%u%.") ~= nil
    if (r.e.name:find("^%u%.") ~= nil) ~= initials or not r.e.name:find("%s") then return nil end
  end
  return r.e.name
end

-- Up to k distractor entities for answer record a, shown like answer,
-- in year y (or the span y..y2), none named in the folded prompt.
local function entitypool(P, a, answer, y, y2, prompt)
  local same = {}
  for _, r in ipairs(P.ents) do
    local ok = r.id ~= a.id and r.type == a.type and not r.furniture and not r.author
      and alive(r, y, y2) and not named(r, prompt)
      -- a part for the whole or the whole for a part (the Bolsheviks for the R.S.D.L.P.)
      and r.within ~= a.id and a.within ~= r.id
    -- an event that spans the answer's, or that the answer's spans, is
    -- true at a coarser or a finer grain
    if ok and r.type == "event" and a.from and r.from then
      local a1, a2, r1, r2 = a.from, a.to or a.from, r.from, r.to or 9999
      if (r1 <= a1 and r2 >= a2) or (a1 <= r1 and a2 >= r2) then
        ok = (r2 - r1) == 0 and (a2 - a1) == 0 -- two events of one year are told apart
      end
    end
    -- a name for a name: no "strike committee" among the parties and
    -- unions when the answer is written with a capital (events aside: "the
    -- first Russian revolution")
    local shown = ok and display(r, answer)
    if shown and a.type ~= "event" and answer:find("^%u") and not shown:find("^%u") then shown = nil end
    if shown then
      if a.class == nil or r.class == a.class then same[#same + 1] = r end
    end
  end
  return same
end

local function entitydistractors(P, rnd, a, answer, k, y, y2, prompt)
  local same = shuffle(rnd, entitypool(P, a, answer, y, y2, prompt))
  local out, taken = {}, { [fold(answer)] = true }
  for _, n in ipairs(a.names) do taken[n] = true end
  for _, r in ipairs(same) do
    if #out >= k then break end
    local s = display(r, answer)
    if s and not taken[fold(s)] then
      taken[fold(s)] = true
      out[#out + 1] = s
    end
  end
  return out
end

-- ------------------------------------------------------------------
-- Dates
-- ------------------------------------------------------------------

local MONTHS = { "January", "February", "March", "April", "May", "June", "July",
  "August", "September", "October", "November", "December" }
local MONTHNO = {}
for i, m in ipairs(MONTHS) do MONTHNO[m] = i end
local MDAYS = { 31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 }

local function ymd(iso)
  local y, m, d = iso:match("^(%d%d%d%d)%-?(%d*)%-?(%d*)$")
  return tonumber(y), tonumber(m), tonumber(d)
end

-- An ISO range {first, last} as day numbers [a, b] (yyyymmdd).
local function interval(range)
  local y1, m1, d1 = ymd(range.first)
  local y2, m2, d2 = ymd(range.last or range.first)
  if not y1 or not y2 then return nil end
  return { (y1 * 100 + (m1 or 1)) * 100 + (d1 or 1), (y2 * 100 + (m2 or 12)) * 100 + (d2 or 31) }
end

-- Day number n (yyyymmdd, a day that exists) moved by k days, 0 < k < 28.
local function laterby(n, k)
  local d, m, y = n % 100, math.floor(n / 100) % 100, math.floor(n / 10000)
  local last = ({ 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 })[m]
  if m == 2 and ((y % 4 == 0 and y % 100 ~= 0) or y % 400 == 0) then last = 29 end
  d = d + k
  if d > last then
    d, m = d - last, m + 1
    if m > 12 then m, y = 1, y + 1 end
  end
  return (y * 100 + m) * 100 + d
end

-- The intervals of a Date's readings (either calendar): the old style's
-- first. A single date before 1918-02-14 is the old style (API.md, Dates);
-- one precise to the month has no new style computed, but it has one: its
-- days 12 or 13 later ("October 1905" is October 14 to November 13, 1905,
-- in the new style, so "November 1905" may be true of it).
local function intervals(d)
  local t = {}
  for _, s in ipairs({ "old_style", "new_style" }) do
    local r = d[s] and interval(d[s])
    if r then t[#t + 1] = r end
  end
  local os = d.old_style
  if os and not d.new_style and t[1] and t[1][1] < 19180214
      and os.first:find("^%d%d%d%d%-%d%d$") then
    local k = t[1][1] >= 19000301 and 13 or 12
    local last = t[1][2]
    -- the interval's last day as a day that exists (31 stands for any month's end)
    local m, y = math.floor(last / 100) % 100, math.floor(last / 10000)
    local mend = ({ 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 })[m]
    if m == 2 and ((y % 4 == 0 and y % 100 ~= 0) or y % 400 == 0) then mend = 29 end
    if last % 100 > mend then last = last - last % 100 + mend end
    t[#t + 1] = { laterby(t[1][1], k), laterby(last, k) }
  end
  return t
end

local function overlap(a, b) return a[1] <= b[2] and b[1] <= a[2] end

local function anyoverlap(iv, list)
  for _, x in ipairs(list) do
    if overlap(iv, x) then return true end
  end
  return false
end

-- Shifts day number n by dy years and dm months (days kept).
local function shiftday(n, dy, dm)
  local d = n % 100
  local m = math.floor(n / 100) % 100
  local y = math.floor(n / 10000)
  local mm = m - 1 + dm
  y = y + dy + math.floor(mm / 12)
  m = mm % 12 + 1
  return (y * 100 + m) * 100 + d
end

--- An ISO date or range `{first, last}` in English, as the date questions
-- write their answers: "November 2-4, 1905", "October 27 - November 9,
-- 1905", "May 1905", "1901 - 1905".
-- @tparam table range `first` and (optional) `last`, ISO dates at any precision
-- @treturn string
-- @usage print(quiz.english({first = "1905-11-02", last = "1905-11-04"}))  --> November 2-4, 1905
local function english(range)
  local y1, m1, d1 = ymd(range.first)
  local y2, m2, d2 = ymd(range.last or range.first)
  if not y1 then return range.first end
  local function one(y, m, d, withyear)
    if not m then return withyear and tostring(y) or "" end
    local s = MONTHS[m] or "?"
    if d then s = s .. " " .. d end
    if withyear then s = s .. (d and ", " or " ") .. y end
    return s
  end
  if range.first == (range.last or range.first) then return one(y1, m1, d1, true) end
  if y1 == y2 and m1 == m2 and d1 and d2 then
    return ("%s %d-%d, %d"):format(MONTHS[m1], d1, d2, y1)
  end
  if y1 == y2 and m1 and m2 then
    return one(y1, m1, d1, false) .. " - " .. one(y2, m2, d2, true)
  end
  return one(y1, m1, d1, true) .. " - " .. one(y2, m2, d2, true)
end
M.english = english

-- The shape of a date as written: its one year and at most one month name
-- (which variants change), and its days; nil when the text has another
-- shape (no year, two years, two months, a range of years).
local function shape(text)
  local years = {}
  for y in text:gmatch("%f[%d]%d%d%d%d%f[%D]") do years[#years + 1] = y end
  if #years ~= 1 then return nil end
  if text:find("%d%d%d%d%-%d") or text:find("%d%-%d%d%d%d") then return nil end
  local months = {}
  for w in text:gmatch("%a+") do
    if MONTHNO[w] then months[#months + 1] = w end
  end
  if #months > 1 then return nil end
  local days = {}
  if months[1] then
    for d in text:gmatch(months[1] .. " (%d%d?)%f[%D]") do days[#days + 1] = tonumber(d) end
    for d in text:gmatch("%-(%d%d?)%f[%D]") do days[#days + 1] = tonumber(d) end
  end
  return { year = tonumber(years[1]), month = months[1] and MONTHNO[months[1]], days = days }
end

-- The days the new style ran ahead of the old in Russia in month m of year
-- y: 12 from March 1800, 13 from March 1900; nil from February 1918, when
-- Russia took the new style and dates stopped being written in both.
local function oldstyle_lag(y, m)
  if y > 1918 or (y == 1918 and m > 1) then return nil end
  if y > 1900 or (y == 1900 and m >= 3) then return 13 end
  return 12
end

-- The text with its year moved by dy and its month by dm, or nil when a
-- day would not exist in the new month, or when a date written in both
-- styles ("January 2 (15), 1918") would not be written so then
-- ("January 2 (15), 1919": no old style after January 1918; "January 2
-- (15), 1899": the styles were 12 days apart then).
local function movetext(text, sh, dy, dm)
  local y, m = sh.year + dy, sh.month
  if m then
    local mm = m - 1 + dm
    y = y + math.floor(mm / 12)
    m = mm % 12 + 1
    for _, d in ipairs(sh.days) do
      if d > MDAYS[m] or (m == 2 and d == 29 and y % 4 ~= 0) then return nil end
    end
    if text:find("%d%s*%(%d%d?%)") then
      local lag = oldstyle_lag(y, m)
      if not lag or lag ~= oldstyle_lag(sh.year, sh.month) then return nil end
    end
  elseif dm ~= 0 then
    return nil
  end
  local s = text:gsub("%f[%d]" .. sh.year .. "%f[%D]", tostring(y), 1)
  if sh.month and m ~= sh.month then
    s = s:gsub("%f[%a]" .. MONTHS[sh.month] .. "%f[%A]", MONTHS[m], 1)
  end
  return s
end

-- Up to k distractors for a date written text, whose reading in its own
-- calendar is the interval own, and which must overlap none of the
-- intervals in avoid (the answer's readings in both calendars, the other
-- dates of its sentence). Variants: the year changed to another the
-- document names, the month moved by one or two, the year by one to three.
local function datedistractors(P, rnd, text, own, avoid, k, order_with, after, yearsfirst, before, prompt)
  local sh = shape(text)
  if not sh or not own then return {} end
  local byyear, bymonth, near = {}, {}, {}
  -- the years the document names, the nearest first (ties at random)
  local ys = {}
  for _, y in ipairs(P.years) do
    if y ~= sh.year then ys[#ys + 1] = { y = y, key = rnd:next() } end
  end
  table.sort(ys, function(a, b)
    local da, db = math.abs(a.y - sh.year), math.abs(b.y - sh.year)
    if da ~= db then return da < db end
    return a.key < b.key
  end)
  for _, x in ipairs(ys) do byyear[#byyear + 1] = { x.y - sh.year, 0 } end
  if sh.month then
    for _, dm in ipairs({ -2, -1, 1, 2 }) do bymonth[#bymonth + 1] = { 0, dm } end
  end
  for _, dy in ipairs({ -1, 1, -2, 2, -3, 3 }) do near[#near + 1] = { dy, 0 } end
  shuffle(rnd, bymonth)
  local order = {}
  local i = 1
  while byyear[i] or bymonth[i] do
    if bymonth[i] and not yearsfirst then order[#order + 1] = bymonth[i] end
    if byyear[i] then order[#order + 1] = byyear[i] end
    i = i + 1
  end
  if yearsfirst then
    for _, x in ipairs(bymonth) do order[#order + 1] = x end
  end
  for _, x in ipairs(near) do order[#order + 1] = x end
  local out, taken = {}, { [fold(text)] = true }
  -- the text moved by x = {years, months}, or nil where it cannot be a
  -- distractor
  local function try(x)
    local s = movetext(text, sh, x[1], x[2])
    local iv = { shiftday(own[1], x[1], x[2]), shiftday(own[2], x[1], x[2]) }
    for _, o in ipairs(order_with or {}) do
      if (own[2] < o[1]) ~= (iv[2] < o[1]) or (own[1] > o[2]) ~= (iv[1] > o[2]) then
        return nil
      end
    end
    if after and iv[1] <= after then return nil end
    if before and iv[2] >= before then return nil end
    -- never a date the prompt writes ("the Commission of 1925-6, and the
    -- Commission appointed in _____": no 1925), though not read as one
    if s and prompt and prompt:find("%f[%w]" .. fold(s):gsub("%p", "%%%0") .. "%f[%W]") then return nil end
    if s and not taken[fold(s)] and not anyoverlap(iv, avoid) then return s end
    return nil
  end
  -- three choices besides a month and year: the other year, the other
  -- month, and both, so that no choice is the one the others agree on
  -- ("December 1901" among "November 1901", "October 1901" and "December
  -- 1900" is the month two share and the year two share: a test-wise
  -- guess)
  if k == 3 and sh.month and not yearsfirst then
    local yms, ms = {}, {}
    for _, x in ipairs(order) do
      if x[2] == 0 and x[1] ~= 0 and try(x) then yms[#yms + 1] = x end
      if x[1] == 0 and x[2] ~= 0 and try(x) then ms[#ms + 1] = x end
    end
    -- the first pair whose corner is a date too (no February 29, 1901)
    for _, ya in ipairs(yms) do
      for _, mb in ipairs(ms) do
        local a, b, c = try(ya), try(mb), try({ ya[1], mb[2] })
        if a and b and c and a ~= b and b ~= c and a ~= c then return { a, b, c } end
      end
    end
  end
  for _, x in ipairs(order) do
    if #out >= k then break end
    local s = try(x)
    if s then
      taken[fold(s)] = true
      out[#out + 1] = s
    end
  end
  return out
end

-- Does a hit fall on a passage the document's errata mark as misprinted?
local function misprinted(doc, h)
  local errata = rawget(doc, "errata")
  if type(errata) ~= "table" then return false end
  for _, e in ipairs(errata) do
    if type(e) == "table" and e.part == h.part and e.paragraph == h.paragraph
        and (e.part ~= "note" or e.note == h.note) and type(e.pos) == "number"
        and type(e.len) == "number" and h.pos < e.pos + e.len and e.pos < h.pos + h.len then
      return true
    end
  end
  return false
end

-- Does text give a book's imprint, a place and a year after a comma, colon
-- or bracket ("The Eastern Question, London, 1897", "(St. Petersburg,
-- 1906)"; not "in October, 1917" nor "AMIENS, SEPTEMBER, 1906")?
local function imprint(text)
  for place in text:gmatch("[,(:]%s*(%u[%a%.’' ]-),%s*%d%d%d%d%f[%D]") do
    local first, words = place:match("^(%a+)"), select(2, place:gsub("%S+", ""))
    local month = MONTHNO[first:sub(1, 1) .. first:sub(2):lower()]
    if words <= 3 and not month and not place:find("%f[%a]%l") then return true end
  end
  return false
end

-- Is unit u a reference ("Selected Works, Vol. 3, Moscow, 1973, pp.
-- 204-334", "(Lenin, Works, Volume 35, pp 93-4.") or an imprint? Its
-- edition's year, city and editor are the page's furniture, not history.
-- Read once a unit: every date of a sentence asks (a sentence of thousands
-- of dates made the dates' preparation quadratic).
local function reference(u)
  if u.isref == nil then
    -- a no-break space is a space here ("p.\u{A0}93" on many pages)
    local t = u.text:gsub("\194\160", " ")
    u.isref = (t:find("%f[%a]pp?%.%s*%d") or t:find("%f[%a]pp%s+%d")
      or t:find("%f[%a]Vol%.%s*%d") or (u.part == "note" and t:find("^See "))
      or t:find("%f[%a]ed%.,%s*%d%d%d%d")) ~= nil or imprint(t)
  end
  return u.isref
end

local function prepare_dates(P, doc)
  P.dates = {}
  local years, seen = {}, {}
  local all = type(doc.dates) == "function" and doc:dates({ scope = "all" }) or {}
  for _, d in ipairs(all) do
    if not misprinted(doc, d) then
      P.dates[#P.dates + 1] = d
      -- the years of the page's history, not of its references' editions
      -- ("Russ. ed., 1954, p. 378" gave "April 28, 1954" for a 1918 speech)
      local u = unitof(P.bykey, d)
      for _, s in ipairs(u and reference(u) and {} or { "old_style", "new_style" }) do
        if d[s] then
          for _, iso in ipairs({ d[s].first, d[s].last }) do
            local y = ymd(iso)
            if y and not seen[y] then
              seen[y] = true
              years[#years + 1] = y
            end
          end
        end
      end
    end
  end
  table.sort(years)
  P.years = years
end

-- ------------------------------------------------------------------
-- Words
-- ------------------------------------------------------------------

local DETS = {}
for _, w in ipairs({ "the", "a", "an", "this", "that", "these", "those", "its", "their", "our",
  "his", "her", "my", "your", "every", "each", "all", "any", "some", "no", "such", "whose",
  "what", "which", "whole", "own" }) do DETS[w] = true end
local PREPS = {}
for _, w in ipairs({ "of", "in", "on", "for", "by", "with", "from", "into", "at", "about",
  "against", "among", "through", "without", "within", "upon", "under", "over", "between",
  "after", "before", "towards", "toward", "during" }) do PREPS[w] = true end
local MODALS = {}
for _, w in ipairs({ "to", "will", "would", "shall", "should", "must", "can", "cannot",
  "could", "may", "might", "not", "us", "let" }) do MODALS[w] = true end
local BE = {}
for _, w in ipairs({ "is", "are", "was", "were", "be", "been", "being", "am" }) do BE[w] = true end
-- the modal verbs proper: what follows one is a verb, whatever follows it
-- ("We can _____ communism": "build", not the noun "build")
local STRICT_MODALS = {}
for _, w in ipairs({ "will", "would", "shall", "should", "must", "can", "cannot", "could", "may",
  "might" }) do STRICT_MODALS[w] = true end

local CONTENT = { noun = true, verb = true, adj = true }

-- The inflections a word's readings have in part of speech pos, as a key.
local function infls(readings, pos)
  local t = {}
  for _, o in ipairs(readings) do
    if o.pos == pos then t[#t + 1] = o.inflection end
  end
  table.sort(t)
  return table.concat(t, ",")
end

-- The reading of a word that its neighbours allow and WordNet ranks first
-- (the most senses seen in its tagged corpus, then the most senses).
-- prev2 is the word before prev.
local function primary(readings, prev, prevreadings, nextreadings, prev2)
  local allow
  local function only(rs, pos)
    if not rs or #rs == 0 then return false end
    for _, r in ipairs(rs) do
      if r.pos ~= pos then return false end
    end
    return true
  end
  local function can(rs, pos)
    for _, r in ipairs(rs or {}) do
      if r.pos == pos then return true end
    end
    return false
  end
  -- after a modal: a verb; before a noun: a modifier ("provisional
  -- revolutionary government"); after an adjective: a noun ("the
  -- political struggle")
  if prev and STRICT_MODALS[prev] then allow = { ["verb:base"] = true }
  elseif only(nextreadings, "noun") then allow = { adj = true, noun = true }
  elseif only(prevreadings, "adj") then allow = { noun = true }
  elseif prev and DETS[prev] then allow = { noun = true, adj = true }
  elseif prev and MODALS[prev] then allow = { ["verb:base"] = true }
  -- after a preposition: a noun, or a modifier of the noun that follows
  -- ("compared with _____ capital": "variable", the adjective)
  elseif prev and PREPS[prev] then
    allow = { noun = true, ["verb:ing"] = true, adj = can(nextreadings, "noun") or nil }
  elseif prev and BE[prev] then allow = { adj = true, ["verb:ing"] = true, ["verb:past"] = true }
  -- after a determiner and a noun: a noun, the phrase's head ("the class
  -- _____," and "that class _____ consist in" are "struggle", not the verb)
  elseif prev2 and DETS[prev2] and can(prevreadings, "noun") then allow = { noun = true }
  end
  local best
  if allow and allow.adj and allow.noun and nextreadings then
    for _, r in ipairs(readings) do
      if r.pos == "adj" then return r end
    end
  end
  for pass = 1, 2 do
    for _, r in ipairs(readings) do
      if CONTENT[r.pos] and (pass == 2 or not allow or allow[r.pos]
          or allow[r.pos .. ":" .. r.inflection]) then
        if not best or r.tagged > best.tagged
            or (r.tagged == best.tagged and r.senses > best.senses) then
          best = r
        end
      end
    end
    if best then break end
  end
  return best
end

-- The words of a page: {norm, form, count, readings, key}; pools of the
-- content words by "pos:inflection".
local function prepare_words(P, doc, usewn)
  P.vocab, P.pools = {}, {}
  P.lexicon = false
  if not usewn then
    P.why = "WordNet not used (opts.wordnet = false)"
    return
  end
  local wn, why = lexicon.wordnet()
  if not wn then
    P.why = why
    return
  end
  P.lexicon = true
  P.bigrams = {}
  for _, g in ipairs(doc:ngrams(2, { scope = "all" })) do P.bigrams[g.ngram] = g.count end
  P.trigrams = {}
  for _, g in ipairs(doc:ngrams(3, { scope = "all" })) do
    if g.count >= 2 then P.trigrams[g.ngram] = g.count end
  end
  local stop = {}
  for _, w in ipairs(query.stopwords()) do stop[w] = true end
  for _, w in ipairs(FUNCTION_WORDS) do stop[w] = true end
  P.stop = stop
  local ref = lexicon.reference()
  local total = 0
  local freqs = doc:frequencies({ scope = "all" })
  for _, f in ipairs(freqs) do total = total + f.count end
  for _, f in ipairs(freqs) do
    local w = f.word
    if not stop[w] and utf8.len(w) >= 4 and not w:find("[%d']") and not w:find("’") then
      local rs = lexicon.readings(w) or {}
      local content = false
      for _, r in ipairs(rs) do
        if CONTENT[r.pos] then content = true end
      end
      if content then
        local key = false
        if f.count >= 2 then
          if ref then
            local b = ref.counts[w] or 0
            key = lexicon.keyness(f.count, total, b, ref.total) >= 10.83
          else
            key = true
          end
        end
        local v = { norm = w, count = f.count, readings = rs, key = key, lemmas = {}, infls = {} }
        for pos in pairs(CONTENT) do v.infls[pos] = infls(rs, pos) end
        -- what the word mostly is: the part of speech of its reading with
        -- the most senses seen in WordNet's tagged corpus
        local top
        for _, r in ipairs(rs) do
          if not top or r.tagged > top.tagged or (r.tagged == top.tagged and r.senses > top.senses) then top = r end
        end
        v.toppos = top and top.pos
        for _, r in ipairs(rs) do
          v.lemmas[r.lemma] = true
          local sig = r.pos .. ":" .. r.inflection
          if CONTENT[r.pos] then
            local pool = P.pools[sig]
            if not pool then
              pool = {}
              P.pools[sig] = pool
            end
            pool[#pool + 1] = v
          end
        end
        P.vocab[w] = v
      end
    end
  end
end

-- Are two readings' words synonyms or the same lemma in any sense?
local function related(r, v)
  if v.lemmas[r.lemma] then return true end
  for _, w in ipairs(r.words) do
    if v.lemmas[w] or v.norm == w then return true end
  end
  for _, o in ipairs(v.readings) do
    if o.pos == r.pos then
      for _, w in ipairs(o.words) do
        if w == r.lemma then return true end
      end
    end
  end
  return false
end

-- Does a word take "an" rather than "a"? By its first letters: a vowel,
-- save a "u" or "eu" said "you" and "one"; a silent "h" ("an honest").
local function takes_an(w)
  w = w:lower()
  if w:find("^hour") or w:find("^honou?r") or w:find("^honest") or w:find("^heir") then return true end
  if w:find("^eu") or w:find("^one") or w:find("^uni") or w:find("^us[aeiu]") or w:find("^ut[ei]")
      or w:find("^utop") or w:find("^ur[aeiou]") then
    return false
  end
  return w:find("^[aeiou]") ~= nil
end
M._takes_an = takes_an

-- Up to k words of the page for a blank on candidate c: the same part of
-- speech and inflection, the same lexicographer class first, key terms
-- first, none related to the answer or already in the sentence.
local function worddistractors(P, rnd, c, u, k)
  local r = c.reading
  local pool = P.pools[r.pos .. ":" .. r.inflection]
  if not pool or #pool <= 1 then return {} end
  -- the lemmas of the sentence's words: no "union" for "the Left _____
  -- unions", no "peasant" for "The peasants want _____"
  local ul = u.lemmas
  if not ul then
    ul = {}
    for w in pairs(u.words) do
      ul[w] = true
      local x = P.vocab[w]
      if x then
        for l in pairs(x.lemmas) do ul[l] = true end
      end
    end
    u.lemmas = ul
  end
  local function insentence(v)
    for l in pairs(v.lemmas) do
      if ul[l] then return true end
    end
    return false
  end
  local groups = { {}, {}, {}, {} }
  local seen = {}
  local n = #pool
  -- a random sample of the pool is enough: draws, not a sort of it
  local tries = math.min(n, 6 * k + 12)
  for _ = 1, tries do
    local v = pool[rnd:below(n)]
    if not seen[v.norm] then
      seen[v.norm] = true
      -- the same inflections in that part of speech: not "troops" (a
      -- noun and a plural) for "government" (a noun only)
      local reading
      -- a word the page writes in lower case, as the answer (no "British")
      local lower = v.form and not v.form:find("^%u")
      -- and mostly of the answer's part of speech ("heard" is no adjective)
      -- after "a" or "an", a word that takes it: "without a _____
      -- revolution" has no "overt" or "honest" among its choices
      local article = (c.prev ~= "a" and c.prev ~= "an") or (c.prev == "an") == takes_an(v.norm)
      if lower and article and v.toppos == r.pos and v.norm ~= c.norm and not u.words[v.norm]
          and v.infls[r.pos] == c.infls and not insentence(v) then
        -- never a word the document joins to the blank's neighbours
        -- ("revolutionary army" where the answer is "revolutionary government")
        local joined = (c.prev and P.bigrams[c.prev .. " " .. v.norm])
          or (c.next and P.bigrams[v.norm .. " " .. c.next])
        if not joined then
          for _, o in ipairs(v.readings) do
            if o.pos == r.pos and o.inflection == r.inflection then reading = o break end
          end
        end
      end
      if reading then
        local g = (reading.lexfile == r.lexfile and 0 or 2) + (v.key and 1 or 2)
        table.insert(groups[g], { v = v, lemma = reading.lemma })
      end
    end
  end
  local out, lemmas = {}, { [r.lemma] = true }
  for _, g in ipairs(groups) do
    for _, x in ipairs(g) do
      if #out >= k then break end
      if not lemmas[x.lemma] and not related(r, x.v) then
        lemmas[x.lemma] = true
        out[#out + 1] = x.v.form or x.v.norm
      end
    end
  end
  return out
end

-- Other answers a student may type: the other apostrophe, hyphens as
-- spaces, and, for a word, WordNet synonyms whose own first
-- sense is the answer's first sense, put in the answer's inflection.
-- Words ending in -ise that are no -ize verbs: their -ize spelling is a
-- misspelling, not the other usage.
local ISE_ONLY = {}
for w in ([[advertise advise chastise comprise compromise despise devise
  disguise enterprise excise exercise franchise improvise merchandise premise
  revise supervise surmise surprise televise otherwise likewise clockwise
  expertise promise precise concise paradise treatise demise noise raise
  praise poise cruise bruise arise sunrise reprise incise]]):gmatch("%a+") do
  ISE_ONLY[w] = true
end

-- Words ending in -our whose -or spelling is not the American usage.
local OUR_ONLY = { devour = true, contour = true, detour = true, troubadour = true,
  paramour = true, velour = true, amour = true }

-- The other usage's spelling of a word (British and American: organisation
-- and organization, organised and organized, labour and labor), or nil.
local function otherspelling(word)
  local lower = word:lower()
  local stem = lower:match("^(%a%a%a+)i[sz]ations?$") or lower:match("^(%a%a%a+)i[sz]e[sd]?$")
    or lower:match("^(%a%a%a+)i[sz]ing$") or lower:match("^(%a%a%a+)i[sz]ers?$")
  if stem then
    if ISE_ONLY[stem .. "ise"] then return nil end
    local z = lower:find("i[sz]", #stem + 1)
    local ch = lower:sub(z + 1, z + 1) == "s" and "z" or "s"
    return word:sub(1, z) .. (word:sub(z + 1, z + 1):find("%u") and ch:upper() or ch) .. word:sub(z + 2)
  end
  local ourstem, rest = lower:match("^(%a%a%a+)our(%a*)$")
  if ourstem and not OUR_ONLY[ourstem .. "our"] and (rest == "" or rest == "s" or rest == "ed"
      or rest == "ing" or rest == "ite" or rest == "ites" or rest == "able" or rest == "er"
      or rest == "ers") then
    return word:sub(1, #ourstem + 1) .. word:sub(#ourstem + 3)
  end
  return nil
end

-- The answer with every word in the other usage's spelling, or nil.
local function otherspellings(answer)
  local changed = false
  local s = answer:gsub("%a+", function(w)
    local o = otherspelling(w)
    if o then changed = true end
    return o
  end)
  return changed and s or nil
end

local function variants(answer, reading)
  local out, seen = {}, { [answer] = true }
  local function add(s)
    if s and not seen[s] then
      seen[s] = true
      out[#out + 1] = s
    end
  end
  local forms = { answer }
  if answer:find("’", 1, true) then forms[#forms + 1] = answer:gsub("’", "'") end
  if answer:find("'", 1, true) then forms[#forms + 1] = answer:gsub("'", "’") end
  -- a title's closing mark ("What Is To Be Done?") is not the student's to type
  if answer:find("[?!]$") then forms[#forms + 1] = answer:gsub("[?!]$", "") end
  -- a date as a student may write it: "11 March 1918", "March 11 1918";
  -- "spring of 1911" without its article
  local mo, dd, yy = answer:match("^(%u%l+) (%d%d?), (%d%d%d%d)$")
  if mo and MONTHNO[mo] then
    forms[#forms + 1] = ("%s %s %s"):format(dd, mo, yy)
    forms[#forms + 1] = ("%s %s %s"):format(mo, dd, yy)
  end
  if answer:find("^the %l+ of %d%d%d%d$") then forms[#forms + 1] = answer:gsub("^the ", "") end
  -- British or American spelling: "Labour" and "Labor", "organisation" and
  -- "organization" are the same answer
  local other = otherspellings(answer)
  if other then forms[#forms + 1] = other end
  -- an abbreviation's full stops are not the student's to type either
  -- ("St Petersburg", "RSDLP"), nor is "St." the only way to write "Saint"
  local n0 = #forms
  for i = 1, n0 do
    local f = forms[i]
    if f:find("%f[%a]St%. %u") then
      forms[#forms + 1] = f:gsub("%f[%a]St%. (%u)", "Saint %1")
    end
    local g = f:gsub("%f[%w](%u%.%u%.[%u%.]*)", function(r) return (r:gsub("%.", "")) end)
      :gsub("%f[%a](%u%l)%. (%u)", "%1 %2")
    if g ~= f then forms[#forms + 1] = g end
  end
  for _, f in ipairs(forms) do
    add(f)
    if f:find("%a%-%a") then add((f:gsub("(%a)%-(%a)", "%1 %2"))) end
  end
  -- synonyms only of a word of one sense: where it has more, the
  -- sentence's may not be the one they share
  if reading and reading.senses == 1 and reading.onepos then
    local n = 0
    for _, syn in ipairs(reading.synonyms) do
      if n >= 3 then break end
      if syn ~= reading.lemma and syn:find("^%l+$") then
        local mutual = false
        for _, o in ipairs(lexicon.readings(syn) or {}) do
          if o.pos == reading.pos and o.lemma == syn and o.inflection == "base"
              and o.synset == reading.synset then
            mutual = true
          end
        end
        local w = mutual and lexicon.inflect(syn, reading.inflection)
        if w then
          if answer:find("^%u") then w = w:sub(1, 1):upper() .. w:sub(2) end
          add(w)
          n = n + 1
        end
      end
    end
  end
  seen[answer] = nil
  local acc = {}
  for _, s in ipairs(out) do
    if s ~= answer then acc[#acc + 1] = s end
  end
  return #acc > 0 and acc or nil
end

-- ------------------------------------------------------------------
-- Preparing a document once
-- ------------------------------------------------------------------

-- The headword a note opens with, before its dash or its bracket
-- ("Thirty Years’ War (1618-48), the first ..." -> "Thirty Years’ War"),
-- or nil when it opens with a sentence ("The reference is to ...").
local function headword(note)
  local b = note and note.paragraphs and note.paragraphs[1]
  local t = b and b.text
  if type(t) ~= "string" then return nil end
  local cut
  for _, mark in ipairs({ "—", " (", " – ", " - " }) do
    local a = t:find(mark, 1, true)
    if a and (not cut or a < cut) then cut = a end
  end
  if not cut then return nil end
  local h = t:sub(1, cut - 1):gsub("%s+$", "")
  if #h < 3 or #h > 60 or not h:find("^%u") or h:find("[%.,;:%d]") then return nil end
  -- a name, not a clause: each of its words with a capital, or "of", "and"
  for w in h:gmatch("%S+") do
    if not w:find("^%u") and w ~= "of" and w ~= "and" and w ~= "the" then return nil end
  end
  return h
end

local prepared = setmetatable({}, { __mode = "k" })
local conversion -- M.dates: the new style of the letter's date

-- The year a sentence speaks of: its dates', else the events' it names,
-- else the previous sentence's of the same block, else the document's.
local function unityears(P, doc)
  local base = doc.written and doc.written.old_style and ymd(doc.written.old_style.first)
    or (doc.written and doc.written.new_style and ymd(doc.written.new_style.first))
  local prev
  for _, u in ipairs(P.units) do
    local y, y2
    for _, c in ipairs(u.cands) do
      if c.target == "date" then
        local iv = intervals(c.date)[1]
        if iv then
          local a, b = math.floor(iv[1] / 10000), math.floor(iv[2] / 10000)
          y = y and math.min(y, a) or a
          y2 = y2 and math.max(y2, b) or b
        end
      end
    end
    if not y then
      for _, c in ipairs(u.cands) do
        if c.target == "entity" and c.rec.type == "event" and c.rec.from then
          y = y and math.min(y, c.rec.from) or c.rec.from
          y2 = y2 and math.max(y2, c.rec.to or c.rec.from) or (c.rec.to or c.rec.from)
        end
      end
    end
    if not y and u.part == "note" and prev and prev.part == "note" and prev.note == u.note
        and prev.paragraph == u.paragraph then
      y, y2 = prev.year, prev.year2
    end
    if not y then
      if u.part == "body" then y, y2 = base, base
      elseif u.part == "note" and P.subject[u.note] and P.subject[u.note].from then
        y = P.subject[u.note].from
        y2 = P.subject[u.note].to or y
      else
        y, y2 = base, base
      end
    end
    u.year, u.year2 = y, y2
    prev = u
  end
end

-- Is the one-word name a word WordNet knows only as a name ("Russia",
-- "Stalin", "Fabians"), or not at all ("Lovestone")? Not one it also
-- knows in lower case in any sense ("Government", "Page", "Labour",
-- "Militants", "Congress", "Party"; "Foster", also a verb), which a page
-- may capitalise as a common noun. Without WordNet, no one-word name is
-- taken.
local function onlyname(word)
  local rs = lexicon.readings(fold(word))
  if rs == nil then return false end
  for _, r in ipairs(rs) do
    for _, w in ipairs(r.words) do -- every sense's words
      if w == r.lemma then return false end
    end
  end
  return true
end

-- A page opened without a catalogue: the names ll.propose finds on it,
-- each named at least twice, are its entities for the cloze (every
-- other kind of question needs the catalogue's types and years for its
-- choices). Their mentions are the places the page writes a name or a
-- variant with its capital, the longest where two overlap. A one-word
-- name only where onlyname says so (with usewn).
local function prepare_proposed(P, doc, usewn)
  if P.proposeddone then return end
  P.proposeddone = true
  if #P.ents > 0 or entities.stateof(doc) ~= nil then return end
  -- the author's words: no name of the author is asked ("_____ went on
  -- to deal with the question of the war": Comrade Lenin, in a report of
  -- Lenin's speech); its words of two letters or more (an initial is no surname)
  local authorwords = {}
  for w in fold(doc.author or ""):gmatch("%a%a+") do authorwords[w] = true end
  -- up to 12 bytes before a mention in its sentence and 3 after ("" at
  -- either end, or outside a sentence)
  local function around(h)
    local u = unitof(P.bykey, h)
    if not u then return "", "" end
    local a, b = h.pos - u.start, h.pos + h.len - u.start + 1
    return u.text:sub(math.max(1, a - 11), a), u.text:sub(b, b + 2)
  end
  local props, found = {}, {}
  for _, e in ipairs(entities.propose(doc, { scope = "all" })) do
    -- a name, not a coinage ("the “I-don’t-care” attitude")
    local coined = e.name:find("%-%l") or e.name:find("%-’") or e.name:find("%-'")
    local word = not e.name:find("%s")
    -- a name that stops at a possessive may be cut short: "Soviets of
    -- Workers" in "Soviets of Workers’ and Soldiers’ Deputies" (not
    -- "Frederick Engels" in "Frederick Engels’ letter")
    local cut = not word and not (usewn and onlyname(e.name:match("(%S+)$")))
    -- nor two letters ("the CP(RW) bloc", "Stetsky and Co")
    if e.type ~= "event" and not coined and not (word and #e.name < 3)
        and not authorwords[fold(surname(e.name))]
        and (not word or (usewn and onlyname(e.name))) then
      local hits, dotted, seen = {}, 0, {}
      for _, form in ipairs({ e.name, compat.unpack(e.aliases or {}) }) do
        for _, h in ipairs(doc:find(form, { scope = "all" })) do
          local at = h.part .. ":" .. (h.note or 0) .. ":" .. (h.paragraph or 0) .. ":" .. h.pos
          local bf, nx = around(h)
          -- nor one a possessive cut at its start: "Peasants’ Party" in
          -- "the Workers’ and Peasants’ Party"
          local joined = bf:find("['’]%s+and%s+$") ~= nil
          if h.text:find("^%u") and fold(h.text) == fold(form) and not seen[at] and not joined
              and not (cut and (nx:sub(1, 1) == "'" or nx == "’")) then
            seen[at] = true
            hits[#hits + 1] = h
            if nx:sub(1, 1) == "." then dotted = dotted + 1 end
          end
        end
      end
      -- a short word always followed by a stop is an abbreviation's stem
      -- ("Stetsky and Co.", "['correct' Eng.")
      if not (word and #e.name <= 4 and dotted == #hits) then
        props[#props + 1] = e
        for _, h in ipairs(hits) do found[#found + 1] = { h = h, i = #props } end
      end
    end
  end
  -- document order, the longest first at one place; a mention inside a
  -- longer one ("Opposition" in "Left Opposition") is not one
  local mentions = require("leninletter.propose").mentions(found)
  for i, e in ipairs(props) do
    local ms = mentions[i] or {}
    local inside = 0
    for _, m in ipairs(ms) do
      if m.part == "body" or m.part == "note" then inside = inside + 1 end
    end
    if inside >= 2 then
      local ent = { id = e.id, name = e.name, type = e.type, aliases = e.aliases, mentions = ms }
      local r = { e = ent, id = e.id, type = e.type, furniture = false, names = { fold(e.name) },
        salient = true }
      for _, a in ipairs(e.aliases or {}) do r.names[#r.names + 1] = fold(a) end
      if e.type == "person" then r.names[#r.names + 1] = fold(surname(e.name)) end
      P.ents[#P.ents + 1] = r
      -- the cloze's own candidates, kept apart (u.pcands, see candsfor):
      -- every other kind is given what it was without them; none in a
      -- block of lines (a signature, an address, a book's entry: "G. M.
      -- Stekloff\nMartin Lawrence\n12s.")
      for _, m in ipairs(ms) do
        local u = unitof(P.bykey, m)
        if u and not misprinted(doc, m) and not u.text:find("\n") then
          u.pcands = u.pcands or {}
          u.pcands[#u.pcands + 1] = { target = "entity", hit = m, rec = r,
            full = fold(m.text) == fold(e.name)
              or (r.type == "person" and fold(m.text) == fold(surname(e.name))) }
        end
      end
    end
  end
end

local function prepare(doc, usewn)
  local per = prepared[doc]
  if not per then
    per = {}
    prepared[doc] = per
  end
  local key = usewn and "wn" or "nown"
  if per[key] then return per[key] end
  local P = {}
  P.units, P.bykey = sentences(doc)
  prepare_entities(P, doc)
  P.headword = {}
  for _, n in ipairs(doc.notes or {}) do
    if P.headword[n.n] == nil then P.headword[n.n] = headword(n) or false end
  end
  P.british = doc:count("organisation", { scope = "all" }) > doc:count("organization", { scope = "all" })
  prepare_dates(P, doc)
  prepare_words(P, doc, usewn)
  -- entity mentions: never furniture, never a misprint
  for _, r in ipairs(P.ents) do
    if not r.furniture then
      for _, m in ipairs(r.e.mentions or {}) do
        local u = unitof(P.bykey, m)
        if u and not misprinted(doc, m) then
          u.cands[#u.cands + 1] = { target = "entity", hit = m, rec = r,
            full = fold(m.text) == fold(r.e.name)
              or (r.type == "person" and fold(m.text) == fold(surname(r.e.name))) }
        end
      end
    end
  end
  -- dates written in a shape variants can copy
  for _, d in ipairs(P.dates) do
    local u = unitof(P.bykey, d)
    -- a date may hold an entity's name ("January 9" in "January 9, 1905"):
    -- both are blanks, one question a sentence
    if u then
      u.cands[#u.cands + 1] = { target = "date", hit = d, date = d, shaped = shape(d.text) ~= nil }
    end
  end
  -- the words of each sentence; a key term in one of the document's own
  -- phrases (a pair of words it uses more than once: "provisional
  -- revolutionary", "armed uprising") is a blank
  local toks = {}
  local lastkey, lastu = nil, nil
  for tok in doc:tokens({ scope = "all" }) do
    local u
    if tok.part == "body" or tok.part == "note" then
      local k = tok.part == "body" and tok.paragraph * 4096 + tok.sentence
        or -((tok.note * 4096 + tok.paragraph) * 4096 + tok.sentence)
      if k ~= lastkey then
        lastkey = k
        lastu = P.bykey[unitkey(tok.part, tok.note, tok.paragraph, tok.sentence)]
      end
      u = lastu
      if u and not (tok.pos >= u.start and tok.pos + #tok.text <= u.start + #u.text) then u = nil end
    end
    if u then
      u.ntok = u.ntok + 1
      u.words[tok.norm] = true
      -- "worker’s" holds "worker": no distractor the sentence already has
      local base = tok.norm:gsub("’s$", ""):gsub("'s$", ""):gsub("s’$", "s")
      u.words[base] = true
      toks[#toks + 1] = { tok = tok, u = u }
      -- how the page writes the word inside a sentence ("British", "soviet")
      local v = P.vocab[tok.norm]
      if v and not v.form and tok.pos ~= u.start then v.form = tok.text end
    end
  end
  local bigrams = P.bigrams
  local authorwords = {}
  if type(doc.author) == "string" then
    for w in fold(doc.author):gmatch("%a+") do authorwords[w] = true end
  end
  for i, x in ipairs(toks) do
    local tok, u = x.tok, x.u
    local v = P.vocab[tok.norm]
    if v and v.key and not overlaps(u, tok.pos, #tok.text) then
      local prev = toks[i - 1] and toks[i - 1].u == u and toks[i - 1].tok.norm or nil
      local nxt = toks[i + 1] and toks[i + 1].u == u and toks[i + 1].tok.norm or nil
      local phrase = (prev and not P.stop[prev] and (bigrams[prev .. " " .. tok.norm] or 0) >= 2)
        or (nxt and not P.stop[nxt] and (bigrams[tok.norm .. " " .. nxt] or 0) >= 2)
      -- the cloze wants more: a phrase of three words used more than once
      local p2 = toks[i - 2] and toks[i - 2].u == u and toks[i - 2].tok.norm or nil
      local r = phrase and primary(v.readings, prev, prev and P.vocab[prev] and P.vocab[prev].readings,
        nxt and P.vocab[nxt] and P.vocab[nxt].readings, p2)
      local n2 = toks[i + 2] and toks[i + 2].u == u and toks[i + 2].tok.norm or nil
      -- of three content words ("provisional revolutionary government")
      local function content3(a, b, c2)
        if not (a and b and c2 and P.vocab[a] and P.vocab[b] and P.vocab[c2]) then return nil end
        local g = a .. " " .. b .. " " .. c2
        return (P.trigrams[g] or 0) >= 2 and g or nil
      end
      local tri = content3(p2, prev, tok.norm) or content3(prev, tok.norm, nxt)
        or content3(tok.norm, nxt, n2)
      -- a title before a name ("Comrade Lenin", "General Kornilov") is no
      -- term to learn: the name is
      local ntok = toks[i + 1] and toks[i + 1].u == u and toks[i + 1].tok
      if r and tok.text:find("^%u") and ntok and ntok.text:find("^%u") then r = nil end
      -- nor is the author's own name ("Comrade _____ went on to say")
      if r and authorwords[tok.norm] then r = nil end
      if r then
        local pos1 = true
        for _, o in ipairs(v.readings) do
          if CONTENT[o.pos] and o.pos ~= r.pos then pos1 = false end
        end
        if pos1 ~= (r.onepos or false) then
          r = setmetatable({ onepos = pos1 }, { __index = r })
        end
        u.cands[#u.cands + 1] = { target = "word", norm = tok.norm, reading = r,
          infls = infls(v.readings, r.pos),
          prev = prev, next = nxt, phrase3 = tri,
          initial = tok.pos == u.start, upper = tok.text:find("^%u") ~= nil,
          hit = { part = tok.part, paragraph = tok.paragraph, note = tok.note,
            sentence = tok.sentence, pos = tok.pos, len = #tok.text, text = tok.text } }
      end
    end
  end
  unityears(P, doc)
  -- the definitions the notes questions ask about (see M.notes)
  local defs = {}
  for _, r in ipairs(P.ents) do
    local e = r.e
    if r.explains and not r.furniture then
      local desc = e.description:gsub("%s*%b()%s*$", "")
      if not named(r, fold(desc)) and #entitypool(P, r, e.name, r.from, r.to, fold(desc)) >= 2 then
        defs[#defs + 1] = e.description
      end
    end
  end
  for _, u in ipairs(P.units) do
    u.anaphoric = anaphoric(u)
    u.folded = fold(u.text)
    -- a lone small letter other than "a" is a misprint ("the Soviet i, and")
    for w in (" " .. u.text .. " "):gmatch("%s(%l)[%s,;]") do
      if w ~= "a" then u.misprint = true end
    end
    -- a reference ("Selected Works, Vol. 3, Moscow, 1973, pp. 204-334"):
    -- its edition's year, city and editor are the page's furniture, not history
    if reference(u) then u.citation = true end
    if misprinted(doc, { part = u.part, note = u.note, paragraph = u.paragraph, pos = u.start,
      len = #u.text }) then
      u.misprint = true
    end
    if u.part == "note" then
      for _, dsc in ipairs(defs) do
        if u.text:find(dsc, 1, true) then u.defines = true end
      end
    end
  end
  per[key] = P
  return P
end

-- ------------------------------------------------------------------
-- Making questions
-- ------------------------------------------------------------------

local function shortby(made, count, what, why)
  if made >= count then return nil end
  return ("only %d of the %d %s questions asked for: %s"):format(made, count, what, why)
end

local function withchoices(rnd, q, distractors)
  local choices = { q.answer }
  for _, d in ipairs(distractors) do choices[#choices + 1] = d end
  q.choices = shuffle(rnd, choices)
  return q
end

local KINDNAME = { cloze = "Cloze", choice = "Multiple choice", note = "Notes", date = "Dates" }

-- Where a hit stands, in words.
local function where(h)
  if h.part == "body" then return ("paragraph %d"):format(h.paragraph or 0) end
  if h.part == "note" then return ("note %d"):format(h.note or 0) end
  if h.part == "meta" then return ("the header, %s"):format(h.field or "") end
  return h.part or "the text"
end

-- A tag: lower case, words joined by "-".
local function tag(s)
  return (fold(s):gsub("[^%w]+", "-"):gsub("^%-+", ""):gsub("%-+$", ""))
end

-- Adds title, category, tags, feedback and id to question q.
local function finish(doc, q, sentence)
  local h = q.source
  local w = where(h)
  -- a title a question bank can tell apart: the sentence too
  local tw = w
  if (h.part == "body" or h.part == "note") and h.sentence then
    tw = ("%s, sentence %d"):format(h.part == "note" and ("note %d, paragraph %d"):format(h.note or 0,
      h.paragraph or 0) or w, h.sentence)
  end
  q.title = q.title or (KINDNAME[q.kind] or q.kind) .. ": " .. tw
  q.category = (doc.title or "leninletter"):gsub("/", "-") .. "/" .. (KINDNAME[q.kind] or q.kind)
  local tags = q.tags or {}
  tags[#tags + 1] = "leninletter"
  tags[#tags + 1] = tag(KINDNAME[q.kind] or q.kind)
  if q.target then tags[#tags + 1] = q.target end
  if q.entity then tags[#tags + 1] = q.entity end
  if h.part == "note" then tags[#tags + 1] = "note-" .. tostring(h.note)
  elseif h.part == "body" then tags[#tags + 1] = "paragraph-" .. tostring(h.paragraph) end
  q.tags = tags
  if not q.feedback and sentence then
    q.feedback = ("“%s” (%s)"):format(sentence, w)
  end
  q.id = q.id or ("ll-%s-%s"):format(q.kind, hash(q.kind .. "\0" .. q.prompt .. "\0" .. q.answer))
  return q
end

-- The lead of a prompt from a note: the note and what it is about.
local function notelead(P, u, answer_rec, answer_text)
  local s = P.subject[u.note]
  if s and s ~= answer_rec then
    local name = s.e.name
    if s.type == "work" then name = "“" .. name .. "”"
    elseif s.type == "organization" or s.type == "event" then name = "the " .. name end
    return ("In note %d, on %s: "):format(u.note, name)
  end
  -- no catalogue entity: the note's own headword ("Thirty Years’ War
  -- (1618-48), the first European war ..." names "The war ended in _____")
  local hw = not s and P.headword[u.note]
  if hw and not (answer_text and fold(hw):find(fold(answer_text), 1, true))
      and not fold(u.text):find(fold(hw), 1, true) then
    return ("In note %d, on the %s: "):format(u.note, hw:gsub("^[Tt]he ", ""))
  end
  return ("In note %d: "):format(u.note)
end


-- A test of the sentences that questions qs (a list that may grow) have
-- asked about or quoted.
-- Each sentence is checked against each question once (seen[u]: the
-- questions already checked; a yes stays yes, the list only grows): every
-- candidate of a long sentence checked every question again (#19).
-- Given answer instead of u: has a date question of qs that answer
-- already ("1875" for the Gotha Programme, asked once a set)?
local function avoider(qs)
  local seen, yes = setmetatable({}, { __mode = "k" }), setmetatable({}, { __mode = "k" })
  return function(u, answer)
    if answer then
      for _, q in ipairs(qs) do
        if q.target == "date" and q.answer == answer then return true end
      end
      return false
    end
    if yes[u] then return true end
    for i = (seen[u] or 0) + 1, #qs do
      local q = qs[i]
      local h = q.source
      seen[u] = i
      if type(h) == "table" and h.part == u.part and h.paragraph == u.paragraph
          and (u.part ~= "note" or h.note == u.note) and h.sentence == u.sentence then
        yes[u] = true
        return true
      end
      if #u.text >= 20 and q.prompt:find(u.text, 1, true) then
        yes[u] = true
        return true
      end
    end
    return false
  end
end

-- The question of kind for candidate c of unit u, or nil when it cannot
-- be one a teacher would keep.
-- The date candidates of unit u next to c (before and after it in the
-- sentence), from a list sorted once a sentence: a scan of every date for
-- each question made a sentence of thousands of dates quadratic (#19).
local function dateneighbours(u, c)
  local sorted = u.datesorted
  if not sorted then
    sorted = {}
    for _, o in ipairs(u.cands) do
      if o.target == "date" then sorted[#sorted + 1] = o end
    end
    table.sort(sorted, function(a, b) return a.hit.pos < b.hit.pos end)
    u.datesorted, u.dateat = sorted, {}
    for k, o in ipairs(sorted) do u.dateat[o] = k end
  end
  local k = u.dateat[c]
  if not k then return nil, nil end
  return sorted[k - 1], sorted[k + 1]
end

-- The words before a blanked date that make a later date true as well
-- ("by the end of 1906" holds "by the end of 1907", "ever since 1914"
-- holds "ever since 1917"), and an earlier one ("after 1905").
local BYWORDS = { by = true, before = true, since = true }
local AFTERWORDS = { after = true }

local function question(kind, P, doc, rnd, u, c, k, avoided)
  local h = c.hit
  local prompt = blanked(u, h.pos, h.len)
  local fprompt = fold(prompt)
  -- never the answer twice: an entity the rest of the sentence names
  if c.target == "entity" and named(c.rec, fprompt) then return nil end
  if c.target == "word" then
    if (c.initial or c.upper) and kind ~= "cloze" then return nil end
    if kind == "cloze" and not c.phrase3 then return nil end
    -- the answer elsewhere in the sentence gives it away
    if names(fprompt, c.norm) then return nil end
  end
  if c.target == "date" and not c.shaped and kind ~= "cloze" then return nil end
  -- a proper name, not a description ("the great Russian revolution",
  -- "the strike committee"), which a student could word otherwise; one
  -- the text names twice or a note explains, not a passing detail
  if c.target == "entity" then
    if not h.text:find("^%u") then return nil end
    -- an event to recall without choices has too many names ("the
    -- October revolution", "the general strike"): choices only
    if kind == "cloze" and c.rec.type == "event" then return nil end
    if not c.rec.salient and kind ~= "note" then return nil end
    -- "as _____ put it ... (see present edition, Vol. 9)": the edition is his
    if c.rec.author and u.text:find("present edition", 1, true) then return nil end
    -- a place the prompt gives away ("the Winter Palace": St. Petersburg)
    for _, r in ipairs(P.ents) do
      if r.type == "place" and r.within == c.rec.id and named(r, fprompt) then return nil end
    end
  end
  if avoided and (avoided(u) or (c.target == "date" and avoided(nil, h.text))) then return nil end
  -- a misprinted sentence ("the Soviet i, and must be") makes a garbled stem
  if u.misprint or u.citation then return nil end
  if kind ~= "cloze" then
    -- a note's definition is the notes questions' own
    if u.defines then return nil end
    if c.target == "date" then
      -- another date close by gives it away ("the end of 1901 and beginning of 1902")
      local b4, af = dateneighbours(u, c)
      if (b4 and h.pos - b4.hit.pos < 40) or (af and af.hit.pos - h.pos < 40) then return nil end
    end
  end
  local lead = ""
  if u.part == "note" and kind ~= "cloze" then
    if u.anaphoric and P.subject[u.note] == c.rec then return nil end
    lead = notelead(P, u, c.rec, h.text)
    -- a lead that names the answer's month ("on the October revolution")
    if c.target == "date" then
      local sh = shape(h.text)
      if sh and sh.month and fold(lead):find(fold(MONTHS[sh.month]), 1, true) then
        lead = ("In note %d: "):format(u.note)
      end
    end
  elseif u.anaphoric then
    return nil
  end
  -- some words around the blank: "It was _____." is no question
  local n = 0
  for _ in h.text:gmatch("[%w’']+") do n = n + 1 end
  if u.ntok - n < 4 then return nil end
  local q = { kind = kind, prompt = lead .. prompt, answer = h.text, source = hitof(h),
    target = c.target, entity = c.rec and c.rec.id }
  if kind == "cloze" then
    -- a modifier of the page's own term ("provisional" in "provisional
    -- revolutionary government") is recalled as the text has it: no
    -- synonym ("tentative revolutionary government" is no answer)
    local modifier = c.phrase3 and c.phrase3:match("(%S+)$") ~= c.norm
    q.accept = variants(h.text, c.target == "word" and not modifier and c.reading or nil)
    q.phrase = c.phrase3
    return finish(doc, q, u.text)
  end
  local flead = fold(lead) .. fprompt
  local ds
  if c.target == "entity" then
    if not c.full then return nil end
    ds = entitydistractors(P, rnd, c.rec, h.text, k, u.year, u.year2, flead)
  elseif c.target == "date" then
    local own = intervals(c.date)[1]
    local others = {}
    -- every date of the sentence is avoided (their readings, gathered once
    -- a sentence), and the order kept with the dates next to this one:
    -- against every date of a sentence of thousands, each question cost
    -- them all (issue #19)
    local avoid = u.dateavoid
    if not avoid then
      avoid = {}
      for _, o in ipairs(u.cands) do
        if o.target == "date" then
          for _, iv in ipairs(intervals(o.date)) do avoid[#avoid + 1] = iv end
        end
      end
      u.dateavoid = avoid
    end
    local before, after = dateneighbours(u, c)
    if before then others[#others + 1] = intervals(before.date)[1] end
    if after then others[#others + 1] = intervals(after.date)[1] end
    -- "had ceased to exist by the end of 1906": a later date is true too,
    -- so only earlier ones; "after 1905": only later ones
    local lead_word = prompt:sub(1, (prompt:find(BLANK, 1, true) or 1) - 1):match("(%a+)%s*$")
    lead_word = lead_word and lead_word:lower()
    local earlier = BYWORDS[lead_word] and own[1] or nil
    local later = AFTERWORDS[lead_word] and own[2] or nil
    -- "at the end of 1901 and beginning of 1902": the order kept
    ds = datedistractors(P, rnd, h.text, own, avoid, k, others, later, nil, earlier, flead)
  else
    ds = worddistractors(P, rnd, c, u, k)
  end
  if #ds < k then return nil end
  return finish(doc, withchoices(rnd, q, ds), u.text)
end

-- the candidates of one kind tried in one sentence, at most (see ask)
local MAXTRY = 16

-- Blocks whose lines are no sentences to blank: a heading ("Speech
-- Delivered At The Third All-Russia Congress"), a table's cells
local NOSENTENCE = { heading = true, table = true, separator = true }

-- The candidates of unit u a kind of question may use: the names proposed
-- for a page without a catalogue (prepare_proposed) are the cloze's only,
-- after the others.
local function candsfor(kind, u)
  if kind ~= "cloze" or not u.pcands then return u.cands end
  if not u.allcands then
    local t = {}
    for i, c in ipairs(u.cands) do t[i] = c end
    for _, c in ipairs(u.pcands) do t[#t + 1] = c end
    u.allcands = t
  end
  return u.allcands
end

-- Cloze and choice: one question per sentence, sentences drawn at random.
local function blanks(kind, doc, o, P)
  local usable = {}
  for _, u in ipairs(P.units) do
    if inscope(u.part, o.scope) and #candsfor(kind, u) > 0 and u.ntok >= 4 and not NOSENTENCE[u.kind]
        and not u.text:find("__", 1, true) then
      usable[#usable + 1] = u
    end
  end
  shuffle(o.rnd, usable)
  -- sentences with an entity or a date first: their questions are the
  -- surest; key terms after
  local rich, plain = {}, {}
  for _, u in ipairs(usable) do
    local has = false
    for _, c in ipairs(candsfor(kind, u)) do
      if c.target ~= "word" then has = true end
    end
    if has then rich[#rich + 1] = u else plain[#plain + 1] = u end
  end
  usable = rich
  for _, u in ipairs(plain) do usable[#usable + 1] = u end
  local out, answers, times = {}, {}, {}
  -- a key term an earlier quiz of the set asked is asked again only if the
  -- quiz is short ("self-acting" once, not in a choice and then a cloze)
  for _, q in ipairs(o.avoid or {}) do
    if type(q) == "table" and q.target == "word" and type(q.answer) == "string" then
      answers[fold(q.answer)] = true
    end
  end
  -- the question for unit u: entities first, then dates, then key terms,
  -- one of them at random; capped "once": each answer (and each of the
  -- letter's phrases, "provisional revolutionary government") once a
  -- quiz; "twice": twice; "never": as often as the text has it
  local function ask(u, capped)
    if o.skip and o.skip[u] then return nil end
    local bykind, hasother = {}, false
    for _, c in ipairs(candsfor(kind, u)) do
      if c.target ~= "word" then hasother = true end
      local t = bykind[c.target]
      if not t then
        t = {}
        bykind[c.target] = t
      end
      local key = c.rec and c.rec.id or fold(c.hit.text)
      -- then an answer twice a quiz at most ("Black Hundreds" not four
      -- times), then as often as the text has it
      -- a key term at most twice, however short the quiz ("The Young
      -- Communist _____" six times is one question)
      local cap = (capped == "never" and c.target == "word") and "twice" or capped
      if cap == "never" or (cap == "twice" and (times[key] or 0) < 2)
          or (not answers[key] and not (c.phrase3 and answers[c.phrase3])) then
        t[#t + 1] = c
      end
    end
    -- a choice among words only where the sentence has no entity or date:
    -- those are the surer questions
    local order = (kind ~= "cloze" and hasother) and { "entity", "date" } or { "entity", "date", "word" }
    for _, t in ipairs(order) do
      local cs = {}
      for i, c in ipairs(bykind[t] or {}) do cs[i] = c end
      shuffle(o.rnd, cs)
      -- at most MAXTRY candidates of a kind a sentence: each try costs the
      -- sentence's length, and a sentence of thousands of dates or words
      -- with no full stop made a quiz quadratic (issue #19)
      for j, c in ipairs(cs) do
        if j > MAXTRY then break end
        local q = question(kind, P, doc, o.rnd, u, c, o.choices - 1, o.avoided)
        if q then return q end
      end
    end
    return nil
  end
  -- first each answer once; then, if the quiz is still short, twice; then
  -- as often as the text allows
  local used = {}
  for _, capped in ipairs({ "once", "twice", "never" }) do
    for _, u in ipairs(usable) do
      if #out >= o.count then break end
      local q = not used[u] and ask(u, capped)
      if q then
        used[u] = true
        out[#out + 1] = q
        local key = q.entity or fold(q.answer)
        answers[key] = true
        times[key] = (times[key] or 0) + 1
        if q.phrase then answers[q.phrase] = true end
        q.phrase = nil
      end
    end
  end
  local why = kind == "cloze" and "the text has no more sentences with a word to blank"
    or "the text has no more sentences with a blank that has enough distractors"
  if not P.lexicon then why = why .. " (" .. tostring(P.why) .. ": entities and dates only)" end
  return out, shortby(#out, o.count, kind, why)
end

--- Cloze questions: an entity, a date or a key term blanked in a real
-- sentence, one question per sentence; `accept` lists the other spellings
-- (and WordNet synonyms) also right. A page opened without a catalogue
-- has for entities the names `ll.propose` finds on it, written twice or
-- more (a one-word name only where WordNet knows it as a name alone; see
-- docs/STUDY.md); only the cloze blanks them.
-- @tparam Document doc the document
-- @tparam[opt] table opts `count` (default 10), `seed` (an integer, default
--   1), `scope` (`"body"` (default), `"notes"`, `"all"`), `wordnet`
--   (default true: blank key terms where WordNet is installed; false:
--   entities and dates only)
-- @treturn {Question,...} the questions, in the order drawn
-- @treturn[opt] string a message, when fewer than `count` could be made
-- @usage local qs = quiz.cloze(ll.letter(), {count = 5, seed = 7})
-- local q = qs[1]
-- assert(q.prompt:gsub("_____", q.answer) ==
--   ll.letter().paragraphs[q.source.paragraph].sentences[q.source.sentence])
function M.cloze(doc, opts)
  local o = checkargs(doc, opts, "cloze")
  o.avoided = avoider(o.avoid)
  local P = prepare(doc, o.wordnet)
  prepare_proposed(P, doc, o.wordnet)
  return blanks("cloze", doc, o, P)
end

-- ------------------------------------------------------------------
-- The letter's theses
-- ------------------------------------------------------------------

local theses_data

-- Loads data/theses.lua: the installed module, else the work tree's file.
local function load_theses()
  if theses_data == nil then
    local data = files.module("leninletter.theses_data", debug.getinfo(1, "S").source, "../../data/theses.lua")
    theses_data = data or false
  end
  return theses_data or {}
end

-- The curated questions whose passages the document's body holds, each
-- with its Hit, in the data's order; only those with at least k
-- distractors.
local function theses_found(doc, k)
  local out = {}
  for _, t in ipairs(load_theses()) do
    for i, b in ipairs(#t.distractors >= k and doc.paragraphs or {}) do
      local a = b.text:find(t.passage, 1, true)
      if a then
        local sentence = 1
        for j, s in ipairs(b.sentences) do
          local p = (b.sentence_pos and b.sentence_pos[j]) or b.text:find(s, 1, true) or 1
          if p <= a then sentence = j end
        end
        out[#out + 1] = { t = t, hit = { part = "body", paragraph = i, sentence = sentence, pos = a,
          len = #t.passage, text = t.passage } }
        break
      end
    end
  end
  return out
end

local function thesis(doc, rnd, x, k)
  local t = x.t
  local ds = {}
  for i = 1, math.min(k, #t.distractors) do ds[i] = t.distractors[i] end
  local tags = {}
  for _, g in ipairs(t.tags or {}) do tags[#tags + 1] = g end
  tags[#tags + 1] = "thesis"
  local q = withchoices(rnd, { kind = "choice", prompt = t.prompt, answer = t.answer,
    source = x.hit, target = "thesis", tags = tags, id = "thesis-" .. t.id,
    title = ("Thesis: %s"):format(t.id:gsub("%-", " ")),
    feedback = ("%s “%s” (%s)"):format(t.explanation, t.passage, where(x.hit)) }, ds)
  return finish(doc, q)
end

--- Questions on the letter's theses, written by hand (data/theses.lua):
-- both the Soviet and the Party; the Soviet adhering to no one party; the
-- Soviet as the embryo of a provisional revolutionary government; its
-- widening to sailors, soldiers, peasants and the revolutionary
-- intelligentsia; the programme. Each rests on a passage of the letter,
-- found in the document's body (a page without those passages has none),
-- and carries the teacher's explanation as its feedback.
-- @tparam Document doc the document
-- @tparam[opt] table opts `count` (default 10), `seed` (default 1),
--   `choices` (default 4; a question written with fewer distractors than
--   `choices` needs is left out)
-- @treturn {Question,...} the questions (kind `"choice"`, target `"thesis"`)
-- @treturn[opt] string a message, when fewer than `count` could be made
-- @usage for _, q in ipairs(quiz.theses(ll.letter(), {count = 3})) do print(q.prompt) end
function M.theses(doc, opts)
  local o = checkargs(doc, opts, "theses")
  local found = shuffle(o.rnd, theses_found(doc, o.choices - 1))
  local done = {}
  for _, q in ipairs(o.avoid) do
    if q.id then done[q.id] = true end
  end
  local out = {}
  for _, x in ipairs(found) do
    if #out >= o.count then break end
    if not done["thesis-" .. x.t.id] then out[#out + 1] = thesis(doc, o.rnd, x, o.choices - 1) end
  end
  return out, shortby(#out, o.count, "thesis", "the document holds no more of the letter's theses")
end

--- Multiple-choice questions: a sentence with one blank, and `choices`
-- answers to fill it with, the distractors of the answer's kind; with
-- `opts.theses`, mixed with the hand-written questions on the letter's
-- theses (about half of them, see `theses`; the study pack does so).
-- @tparam Document doc the document
-- @tparam[opt] table opts `count` (default 10), `seed` (default 1),
--   `scope` (default `"body"`), `choices` (answers offered, the right one
--   included, 2 to 10, default 4), `wordnet` (default true), `theses`
--   (default false: true mixes in the questions on the letter's theses,
--   which are questions of their own, with no blank), `avoid` (questions
--   already asked: their sentences are not asked about again)
-- @treturn {Question,...} the questions
-- @treturn[opt] string a message, when fewer than `count` could be made
-- @usage for _, q in ipairs(quiz.choice(doc, {count = 3, seed = 2})) do
--   print(q.prompt)
--   for i, c in ipairs(q.choices) do print(i, c) end
-- end
function M.choice(doc, opts)
  local o = checkargs(doc, opts, "choice")
  local P = prepare(doc, o.wordnet)
  o.avoided = avoider(o.avoid)
  local found = {}
  if o.theses and o.scope ~= "notes" then
    local done = {}
    for _, q in ipairs(o.avoid) do
      if q.id then done[q.id] = true end
    end
    for _, x in ipairs(shuffle(o.rnd, theses_found(doc, o.choices - 1))) do
      if not done["thesis-" .. x.t.id] then found[#found + 1] = x end
    end
  end
  local want = math.min(#found, math.floor((o.count + 1) / 2))
  local count = o.count
  o.count = count - want
  -- no generated question on a sentence a thesis already asks about
  o.skip = {}
  for i = 1, math.min(#found, count) do
    local h = found[i].hit
    for _, u in ipairs(P.units) do
      if u.part == "body" and u.paragraph == h.paragraph and u.start < h.pos + h.len
          and h.pos < u.start + #u.text then
        o.skip[u] = true
      end
    end
  end
  local gen, msg = {}, nil
  if o.count > 0 then gen, msg = blanks("choice", doc, o, P) end
  -- fill with more theses when the text offers too few blanks
  if #gen < o.count then want = math.min(#found, count - #gen) end
  local out, gi, ti = {}, 1, 1
  -- theses and generated questions alternate
  while #out < count and (gen[gi] or ti <= want) do
    if ti <= want and (#out % 2 == 0 or not gen[gi]) then
      out[#out + 1] = thesis(doc, o.rnd, found[ti], o.choices - 1)
      ti = ti + 1
    elseif gen[gi] then
      out[#out + 1] = gen[gi]
      gi = gi + 1
    end
  end
  if #out >= count then return out end
  return out, msg and (msg:gsub("^only %d+ of the %d+", ("only %d of the %d"):format(#out, count)))
end

-- ------------------------------------------------------------------
-- Notes
-- ------------------------------------------------------------------

-- Where text stands in note n: a Hit, or the note's first sentence; and
-- the sentence.
local function notehit(doc, n, text)
  local note = doc:note(n)
  for i, b in ipairs(note.paragraphs) do
    local a = b.text:find(text, 1, true)
    if a then
      local sentence, stext = 1, b.sentences[1]
      for j, s in ipairs(b.sentences) do
        local p = (b.sentence_pos and b.sentence_pos[j]) or b.text:find(s, 1, true) or 1
        if p <= a then sentence, stext = j, s end
      end
      return { part = "note", note = n, paragraph = i, sentence = sentence, pos = a,
        len = #text, text = text }, stext
    end
  end
  local s = note.paragraphs[1] and note.paragraphs[1].sentences[1] or ""
  return { part = "note", note = n, paragraph = 1, sentence = 1, pos = 1, len = #s, text = s }, s
end

local ARTICLE = { ["a "] = true, ["an "] = true, ["the "] = true }

--- Questions from what the notes explain: for each entity a note explains
-- ("Which periodical was the first legal Bolshevik newspaper, ...?"), with
-- choices of the same type and era drawn from the document's catalogue
-- (a definition that names the entity itself is not asked); then, to reach
-- `count`, sentences of the notes with an entity blanked, led by the note
-- and what it is about (`In note 8, on the All-Russian Peasant Union: ...`);
-- then sentences of the notes with a date blanked (`In note 7: On _____, by
-- order of the tsar, the troops fired ...`), each date once.
-- A question explained by a note may offer fewer choices (three at least)
-- when the catalogue has too few entities of the answer's type and era.
-- @tparam Document doc the document (with entities: `ll.letter()`, or a
--   page parsed with `opts.entities`)
-- @tparam[opt] table opts `count` (default 10), `seed` (default 1),
--   `choices` (default 4)
-- @treturn {Question,...} the questions (kind `"note"`)
-- @treturn[opt] string a message, when fewer than `count` could be made
-- @usage local qs = quiz.notes(ll.letter(), {count = 8, seed = 1})
-- print(qs[1].prompt, qs[1].answer)
function M.notes(doc, opts)
  local o = checkargs(doc, opts, "notes")
  local P = prepare(doc, false)
  local k = o.choices - 1
  local asked = {}
  for _, q in ipairs(o.avoid) do asked[#asked + 1] = q end
  local avoided = avoider(asked)
  local explained = {}
  for _, r in ipairs(P.ents) do
    if r.explains and not r.furniture then
      explained[#explained + 1] = r
    end
  end
  shuffle(o.rnd, explained)
  local out = {}
  for _, r in ipairs(explained) do
    if #out >= o.count then break end
    local e = r.e
    -- the definition, without a closing parenthesis of examples
    local desc = e.description:gsub("%s*%b()%s*$", "")
    local fdesc = fold(desc)
    if not named(r, fdesc) then
      -- in the page's own spelling ("organisation")
      local tname = e.type
      if tname == "organization" and P.british then tname = "organisation" end
      local who = e.type == "person" and "who" or "which " .. tname
      local prompt
      if ARTICLE[desc:match("^%a+ ") or ""] then
        prompt = ("According to note %d, %s was %s?"):format(e.note, who, desc)
      else
        prompt = ("%s%s does note %d describe: “%s”?"):format(who:sub(1, 1):upper(), who:sub(2),
          e.note, desc)
      end
      local hit, stext = notehit(doc, e.note, e.description)
      -- a short definition: with the note's next sentence, which tells
      -- the like apart ("It was founded in May 1905 ...")
      local nb = doc:note(e.note).paragraphs[hit.paragraph]
      local nexts = nb and nb.sentences[hit.sentence + 1]
      if #desc < 80 and nexts and #nexts < 200 and not named(r, fold(nexts)) then
        prompt = ("%s (The note goes on: “%s”)"):format(prompt, nexts)
      end
      local ds = entitydistractors(P, o.rnd, r, e.name, k, r.from, r.to, fold(prompt))
      if #ds >= math.min(k, 2) then
        out[#out + 1] = finish(doc, withchoices(o.rnd, { kind = "note", prompt = prompt,
          answer = e.name, source = hit, target = "entity", entity = e.id,
          title = ("Notes: note %d, %s"):format(e.note, e.name) }, ds), stext)
        asked[#asked + 1] = out[#out]
      end
    end
  end
  -- sentences of the notes with a candidate that wanted(c, u) takes
  -- blanked, one question a sentence, each keyof(c) once (used: those
  -- asked already); returns how many it made
  local function blanknotes(wanted, keyof, used)
    local usable = {}
    for _, u in ipairs(P.units) do
      if u.part == "note" and u.ntok >= 4 then
        local cs = {}
        for _, c in ipairs(u.cands) do
          if wanted(c, u) then cs[#cs + 1] = c end
        end
        if #cs > 0 then usable[#usable + 1] = { u = u, cs = cs } end
      end
    end
    shuffle(o.rnd, usable)
    local made = 0
    for _, x in ipairs(usable) do
      if #out >= o.count then break end
      for _, c in ipairs(shuffle(o.rnd, x.cs)) do
        local key = keyof(c)
        local q = not used[key] and question("note", P, doc, o.rnd, x.u, c, k, avoided)
        if q then
          used[key] = true
          out[#out + 1] = q
          asked[#asked + 1] = q
          made = made + 1
          break
        end
      end
    end
    return made
  end
  if #out < o.count then
    -- then entities blanked in the notes' sentences, each entity once (the
    -- note's own subject is the definition question's)
    local used = {}
    for _, q in ipairs(out) do used[q.entity] = true end
    blanknotes(function(c, u) return c.target == "entity" and c.rec ~= P.subject[u.note] end,
      function(c) return c.rec.id end, used)
  end
  local ndates = 0
  if #out < o.count then
    -- then dates blanked in the notes' sentences, each date once: when
    -- what the notes tell of happened ("In note 4, on the Thirty Years’
    -- War: The war ended in _____"), on a page whose notes explain no
    -- entity of its catalogue as on any other
    ndates = blanknotes(function(c) return c.target == "date" end, function(c) return fold(c.hit.text) end, {})
  end
  local why = #explained == 0 and "the document has no entities that its notes explain"
    or "the notes explain no more entities with enough choices"
  if ndates > 0 then why = why .. ", and its notes no more dates to ask about" end
  return out, shortby(#out, o.count, "note", why)
end

-- ------------------------------------------------------------------
-- Dates
-- ------------------------------------------------------------------

-- The Hit of a header field's date.
local function metahit(doc, field, d)
  local v = doc.meta[field] or ""
  local a = v:find(d.text, 1, true) or 1
  return { part = "meta", field = field, pos = a, len = #d.text, text = d.text }
end

-- What the date questions call the document: "the letter" where its title
-- or subtitle says it is one, else its title in quotation marks ("When was
-- “The State and Revolution” written?"), else "the text".
local function thework(doc)
  local t, sub = doc.title, doc.subtitle
  if (type(t) == "string" and t:lower():find("letter")) or (type(sub) == "string" and sub:lower():find("letter")) then
    return "the letter"
  end
  if type(t) == "string" and t:find("%S") then return "“" .. t .. "”" end
  return "the text"
end

-- Day arithmetic in the Gregorian calendar: y, m, d moved by n days.
local function isleap(y) return (y % 4 == 0 and y % 100 ~= 0) or y % 400 == 0 end
local function adddays(y, m, d, n)
  while n > 0 do
    local last = (m == 2 and isleap(y)) and 29 or (m == 2 and 28 or MDAYS[m])
    if d + n <= last then return y, m, d + n end
    n = n - (last - d + 1)
    d, m = 1, m + 1
    if m > 12 then m, y = 1, y + 1 end
  end
  while n < 0 do
    if d + n >= 1 then return y, m, d + n end
    n = n + d
    m = m - 1
    if m < 1 then m, y = 12, y - 1 end
    d = (m == 2 and isleap(y)) and 29 or (m == 2 and 28 or MDAYS[m])
  end
  return y, m, d
end

-- When the letter was written, in the new style: the distractors the usual
-- slips in turning the old style into the new, none overlapping either
-- reading: ten days added (the difference of 1582), thirteen taken away
-- instead of added, and a later week of the month. Who knows the old-style date and the calendars'
-- thirteen days knows the answer; the choices give neither away.
conversion = function(_, doc, rnd, w, k)
  local os1, os2 = w.old_style.first, w.old_style.last or w.old_style.first
  local y1, m1, d1 = ymd(os1)
  local y2, m2, d2 = ymd(os2)
  if not (d1 and d2) then return nil end
  local answer = english(w.new_style)
  local function shifted(n)
    local a1, b1, c1 = adddays(y1, m1, d1, n)
    local a2, b2, c2 = adddays(y2, m2, d2, n)
    return english({ first = ("%04d-%02d-%02d"):format(a1, b1, c1),
      last = ("%04d-%02d-%02d"):format(a2, b2, c2) })
  end
  local function shapeof(s)
    s = s:gsub("%d", "9"):gsub("%a+", function(m) return MONTHNO[m] and "M" or m end)
    return s
  end
  local own, shape0 = english(w.old_style), shapeof(answer)
  local pool, taken = {}, { [answer] = true, [own] = true }
  local readings = intervals(w)
  for _, n in ipairs({ 10, -13, 20, -12 }) do
    local s = shifted(n)
    -- the answer's shape ("November 15-17, 1905"), never a reading that is true
    local iv = interval({ first = ("%04d-%02d-%02d"):format(adddays(y1, m1, d1, n)),
      last = ("%04d-%02d-%02d"):format(adddays(y2, m2, d2, n)) })
    if not taken[s] and shapeof(s) == shape0 and not anyoverlap(iv, readings) then
      taken[s] = true
      pool[#pool + 1] = s
    end
  end
  if #pool < k then return nil end
  local ds = {}
  for i = 1, k do ds[i] = pool[i] end
  return finish(doc, withchoices(rnd, { kind = "date",
    prompt = ("When was %s written, in the new style (the Gregorian calendar)?"):format(thework(doc)),
    answer = answer, source = metahit(doc, "Written", w), target = "date",
    feedback = ("Written: %s (the header). In 1905 the new style ran 13 days ahead of the old."):format(
      doc.meta.Written or w.text) }, ds))
end


--- Questions on dates: when the letter was written, in the old style (the
-- Julian calendar Russia used until 1918) and in the new style, when it
-- was first published, then sentences with a date blanked. No distractor
-- is the answer in the other calendar, or a date that holds it or that it
-- holds (`November 1905` for `November 2-4, 1905`).
-- @tparam Document doc the document
-- @tparam[opt] table opts `count` (default 10), `seed` (default 1),
--   `scope` (sentences from the `"body"`, the `"notes"` or `"all"` (the
--   default)), `choices` (default 4)
-- @treturn {Question,...} the questions (kind `"date"`)
-- @treturn[opt] string a message, when fewer than `count` could be made
-- @usage local q = quiz.dates(ll.letter(), {count = 1})[1]
-- print(q.prompt, q.answer)   -- When was the letter written (old style ...)?  November 2-4, 1905
function M.dates(doc, opts)
  local o = checkargs(doc, opts, "dates")
  local P = prepare(doc, false)
  -- the questions of the set so far, this quiz's too: a date once (the
  -- biography's Babushkin "executed ... in 1906" twice is one fact)
  local sofar = {}
  for _, q in ipairs(o.avoid) do sofar[#sofar + 1] = q end
  local avoided = avoider(sofar)
  local k = o.choices - 1
  local out = {}
  local function add(q)
    if #out < o.count and q then
      out[#out + 1] = q
      sofar[#sofar + 1] = q
    end
  end
  -- a publication is after the writing: no distractor before it
  local written = doc.written and intervals(doc.written)
  local wend
  for _, iv in ipairs(written or {}) do wend = math.max(wend or 0, iv[2]) end
  local asked = {}
  local function header(field, d, style, what)
    if not d or not d[style] then return nil end
    local answer = english(d[style])
    asked[#asked + 1] = d
    -- when it was written: the months around it first (October 1905, the
    -- general strike; December, the uprising); when published: other years
    local ds = datedistractors(P, o.rnd, answer, interval(d[style]), intervals(d), k, nil,
      field == "Published" and wend or nil, field == "Published")
    if #ds < k then return nil end
    return finish(doc, withchoices(o.rnd, { kind = "date", prompt = what, answer = answer,
      source = metahit(doc, field, d), target = "date",
      feedback = ("%s: %s (the header)"):format(field, doc.meta[field] or d.text) }, ds))
  end
  add(header("Written", doc.written, "old_style",
    ("When was %s written, in the old style (the Julian calendar Russia used until 1918)?"):format(thework(doc))))
  -- the new style: the calendars' difference is what is asked
  local w = doc.written
  if w and w.old_style and w.new_style and #out < o.count then
    local q = conversion(P, doc, o.rnd, w, k)
    if q then add(q) end
  end
  if not (w and w.old_style) then
    add(header("Written", doc.written, "new_style",
      ("When was %s written, in the new style (the Gregorian calendar)?"):format(thework(doc))))
  end
  add(header("Published", doc.published, doc.published and doc.published.old_style
    and "old_style" or "new_style", ("When was %s first published?"):format(thework(doc))))
  if #out < o.count then
    local usable = {}
    for _, u in ipairs(P.units) do
      if inscope(u.part, o.scope) and u.ntok >= 4 then
        local ds = {}
        for _, c in ipairs(u.cands) do
          if c.target == "date" then ds[#ds + 1] = c end
        end
        if #ds > 0 then usable[#usable + 1] = { u = u, ds = ds } end
      end
    end
    shuffle(o.rnd, usable)
    for _, x in ipairs(usable) do
      if #out >= o.count then break end
      for j, c in ipairs(shuffle(o.rnd, x.ds)) do
        if j > MAXTRY then break end -- a sentence of thousands of dates (#19)
        -- a date that holds an answer already given, or that one holds
        -- ("the autumn of 1940" after "November 5, 1940"), is given away
        -- (each reading against the same calendar's: the strike of
        -- "October 1905", October 14 to November 13 in the new style,
        -- does not hold the letter's old-style November 2-4)
        local given = false
        local civ = intervals(c.date)
        for _, ad in ipairs(asked) do
          local aiv = intervals(ad)
          local pairs_ = { { civ[1], aiv[1] } }
          if c.date.old_style and ad.old_style then pairs_[2] = { civ[2], aiv[2] } end
          if (c.date.old_style ~= nil) ~= (ad.old_style ~= nil) then
            -- one has the new style only: against the other's new style
            pairs_ = { { civ[#civ], aiv[#aiv] } }
          end
          for _, pr in ipairs(pairs_) do
            local iv, a = pr[1], pr[2]
            if iv and a and ((iv[1] <= a[1] and iv[2] >= a[2]) or (a[1] <= iv[1] and a[2] >= iv[2])) then
              given = true
            end
          end
        end
        local q = not given and question("date", P, doc, o.rnd, x.u, c, k, avoided)
        if q then
          add(q)
          break
        end
      end
    end
  end
  return out, shortby(#out, o.count, "date", "the document has no more dates to ask about")
end

return M
