--- Quizzes from a Document: cloze, multiple choice, questions from the
-- notes, and questions on dates.
--
--    local quiz = require "leninletter.quiz"
--    local qs, why = quiz.cloze(ll.letter(), {count = 10, seed = 1})
--    for _, q in ipairs(qs) do print(q.prompt, "->", q.answer) end
--
-- **Question.** A table: `kind` (`"cloze"`, `"choice"`, `"note"` or
-- `"date"`), `prompt` (the question; cloze and choice prompts are a real
-- sentence with exactly one blank `_____` where the answer stood), `answer`
-- (as the text writes it), `choices` (for the kinds with choices: the
-- answer once and the distractors, shuffled), `source` (a Hit: `part`,
-- `paragraph`, `note`, `field`, `sentence`, `pos`, `len`, `text`: where the
-- answer is in the document), and `target` (what was blanked or asked:
-- `"word"`, `"entity"` or `"date"`), `entity` (its id, for entities).
-- Putting the answer back in a prompt's blank gives the source sentence
-- byte for byte.
--
-- **Distractors** are of the same kind as the answer: other entities of
-- the same type (person, organization, periodical, ...), other dates for a
-- date, and for a plain word other content words whose count in the text
-- is nearest to the answer's, written with the same capitalisation. They
-- are distinct from one another and never equal to the answer (compared
-- ignoring case), and a date is never offered as a distractor when it is
-- the same day as the answer.
--
-- **Reproducible.** All chance comes from the module's own generator
-- (xoshiro128** in C, integer arithmetic only; never `math.random`), seeded
-- with `opts.seed` (default 1): the same document and seed give the same
-- questions on every platform. Different seeds give different quizzes.
--
-- **Too few?** Asking for more questions than the text supports returns as
-- many as it can, and a message saying so as a second value.
--
-- Entity questions need the document's entities (`doc:entities()`: the
-- letter has the built-in catalogue; pages parsed with `opts.entities`
-- have theirs); date questions need `doc:dates()` and `doc.written`.
-- Misuse raises `bad argument #N to 'name' (...)`.
-- @module leninletter.quiz

local compat = require "leninletter.compat"  -- Lua 5.1 to 5.4 and LuaJIT
local math, utf8 = compat.math, compat.utf8
local document = require "leninletter.document"
local query = require "leninletter.query"


local M = {}

--- The blank of cloze and choice prompts.
M.BLANK = "_____"
local BLANK = M.BLANK

-- ------------------------------------------------------------------
-- Options
-- ------------------------------------------------------------------

local SCOPE = document.check.scope
local OPTS = {
  cloze = { count = true, seed = true, scope = SCOPE },
  choice = { count = true, seed = true, scope = SCOPE, choices = true },
  notes = { count = true, seed = true, choices = true },
  dates = { count = true, seed = true, scope = SCOPE, choices = true },
}

local MAXCHOICES = 10

local SALT = { cloze = 0, choice = 0x63686f69, notes = 0x6e6f7465, dates = 0x64617465 }

-- Function words that NLTK's stop list leaves out: never blanked, never
-- offered as distractors.
local FUNCTION_WORDS = {
  "must", "could", "would", "shall", "might", "also", "even", "upon", "every",
  "though", "whether", "since", "much", "many", "well", "ever", "thus", "hence",
  "however", "therefore", "unless", "while", "among", "either", "neither", "whose",
  "whom", "said", "says", "made", "make", "become", "became", "being", "within",
  "without", "towards", "whole", "less", "least", "more", "most", "still", "already",
}

-- Checks the document and the options of the quiz function fname.
-- Returns the options read: count, seed, scope, choices, and rnd (the
-- generator, from the facade).
local function checkargs(doc, opts, fname)
  document.core(doc, fname)
  opts = document.checkopts(opts, 2, fname, OPTS[fname])
  local r = {}
  r.count = document.intopt(opts, "count", 2, fname, 10, 1)
  r.seed = document.intopt(opts, "seed", 2, fname, 1)
  r.choices = document.intopt(opts, "choices", 2, fname, 4, 2, MAXCHOICES,
    "an integer from 2 to " .. MAXCHOICES)
  -- dates are mostly in the notes: their questions look everywhere
  r.scope = opts.scope or (fname == "dates" and "all" or "body")
  -- each kind draws its own stream, so a cloze and a choice quiz of one
  -- seed do not pick the same sentences
  r.rnd = document.generator(doc, compat.bxor(r.seed, SALT[fname]), fname)
  return r
end

-- ------------------------------------------------------------------
-- Chance: the module's generator only
-- ------------------------------------------------------------------

-- Shuffles t in place (Fisher-Yates) and returns it.
local function shuffle(rnd, t)
  for i = #t, 2, -1 do
    local j = rnd:below(i)
    t[i], t[j] = t[j], t[i]
  end
  return t
end

-- ------------------------------------------------------------------
-- The document's sentences, tokens, entities and dates
-- ------------------------------------------------------------------

local function inscope(part, scope)
  if part == "body" then return scope == "body" or scope == "all" end
  if part == "note" then return scope == "notes" or scope == "all" end
  return false
end

local function unitkey(part, note, paragraph, sentence)
  return ("%s:%s:%d:%d"):format(part, tostring(note or 0), paragraph, sentence)
end

-- Every sentence of the body and/or notes (by scope), in document order:
-- {part, note, paragraph, sentence, text, start} (start: the sentence's
-- byte position in its block's text), and a map from unitkey to unit.
local function sentences(doc, scope)
  local units, bykey = {}, {}
  local function block(part, note, i, b)
    local from = 1
    for j, s in ipairs(b.sentences) do
      local a = b.text:find(s, from, true) or from
      from = a + #s
      local u = { part = part, note = note, paragraph = i, sentence = j, text = s, start = a,
        cands = {} }
      units[#units + 1] = u
      bykey[unitkey(part, note, i, j)] = u
    end
  end
  if inscope("body", scope) then
    for i, b in ipairs(doc.paragraphs) do block("body", nil, i, b) end
  end
  if inscope("note", scope) then
    for _, n in ipairs(doc.notes) do
      for i, b in ipairs(n.paragraphs) do block("note", n.n, i, b) end
    end
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

-- The document's entities, when the document has them.
local function entities(doc, etype)
  if type(doc.entities) ~= "function" then return {} end
  return doc:entities(etype)
end

-- The document's dates, when the document has them.
local function dates(doc)
  if type(doc.dates) ~= "function" then return {} end
  return doc:dates({ scope = "all" })
end

local function hitof(h, pos, len, text)
  return { part = h.part, paragraph = h.paragraph, note = h.note, field = h.field,
    sentence = h.sentence, pos = pos or h.pos, len = len or h.len, text = text or h.text }
end

-- Does [pos, pos+len) overlap a span already taken in unit u? The bytes
-- the spans cover are marked in u.taken as candidates are added (checked
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
    local c = u.cands[i]
    if c.target ~= "word" then
      for b = c.hit.pos, c.hit.pos + c.hit.len - 1 do taken[b] = true end
    end
  end
  u.ntaken = #u.cands
  for b = pos, pos + len - 1 do
    if taken[b] then return true end
  end
  return false
end

-- Fills every unit's candidates: entity mentions, dates, then content words
-- (the words not inside a mention or a date). Returns the word pool for
-- distractors: {word, count, form, upper} of the content words.
local function candidates(doc, bykey, scope)
  for _, e in ipairs(entities(doc)) do
    for _, m in ipairs(e.mentions or {}) do
      local u = inscope(m.part, scope) and unitof(bykey, m)
      if u then u.cands[#u.cands + 1] = { target = "entity", hit = m, entity = e } end
    end
  end
  for _, d in ipairs(dates(doc)) do
    local u = inscope(d.part, scope) and unitof(bykey, d)
    if u and not overlaps(u, d.pos, d.len) then
      u.cands[#u.cands + 1] = { target = "date", hit = d, date = d }
    end
  end
  local stop = {}
  for _, w in ipairs(query.stopwords()) do stop[w] = true end
  for _, w in ipairs(FUNCTION_WORDS) do stop[w] = true end
  local forms = {}
  for tok in doc:tokens({ scope = scope }) do
    local u = unitof(bykey, { part = tok.part, note = tok.note, paragraph = tok.paragraph,
      sentence = tok.sentence, pos = tok.pos, len = #tok.text })
    if u then u.ntok = (u.ntok or 0) + 1 end
    if u and not stop[tok.norm] and utf8.len(tok.text) >= 4 and not tok.norm:find("%d")
        and not overlaps(u, tok.pos, #tok.text) then
      local initial = tok.pos == u.start
      u.cands[#u.cands + 1] = { target = "word", initial = initial, norm = tok.norm,
        hit = { part = tok.part, paragraph = tok.paragraph, note = tok.note,
          sentence = tok.sentence, pos = tok.pos, len = #tok.text, text = tok.text } }
      if not initial and not forms[tok.norm] then forms[tok.norm] = tok.text end
    end
  end
  local pool = {}
  for _, f in ipairs(doc:frequencies({ scope = scope, stoplist = true })) do
    local form = forms[f.word]
    if form and not stop[f.word] then
      pool[#pool + 1] = { word = f.word, count = f.count, form = form,
        upper = form:find("^%u") ~= nil }
    end
  end
  return pool
end

-- The prompt: unit u's sentence with [pos, pos+len) of its block blanked.
local function blanked(u, pos, len)
  local off = pos - u.start
  return u.text:sub(1, off) .. BLANK .. u.text:sub(off + len + 1)
end

-- A sentence can take a blank when it has some words around it (a
-- heading of one word is no question) and no run of underscores already.
local MINWORDS = 4
local function blankable(u)
  return (u.ntok or 0) >= MINWORDS and not u.text:find("__", 1, true)
end

-- ------------------------------------------------------------------
-- Distractors
-- ------------------------------------------------------------------

local function lower(s) return s:lower() end

-- Takes up to k strings from pool (already in preference order), none
-- equal to the answer or to each other ignoring case.
local function takedistinct(pool, k, answer, taken)
  local out = {}
  taken = taken or {}
  taken[lower(answer)] = true
  for _, s in ipairs(pool) do
    if #out >= k then break end
    if not taken[lower(s)] then
      taken[lower(s)] = true
      out[#out + 1] = s
    end
  end
  return out
end

-- Words of the nearest counts, with the answer's capitalisation.
local function worddistractors(rnd, pool, cand, k)
  local count
  for _, p in ipairs(pool) do
    if p.word == cand.norm then count = p.count break end
  end
  if not count then return nil end
  local upper = cand.hit.text:find("^%u") ~= nil
  -- the nearest counts first; among equally near words, an order drawn at
  -- random (so that rare answers do not always meet the same rare words)
  local near = {}
  for _, p in ipairs(pool) do
    if p.word ~= cand.norm and p.upper == upper then
      near[#near + 1] = { p = p, key = rnd:next() }
    end
  end
  table.sort(near, function(a, b)
    local da, db = math.abs(a.p.count - count), math.abs(b.p.count - count)
    if da ~= db then return da < db end
    if a.key ~= b.key then return a.key < b.key end
    return a.p.word < b.p.word
  end)
  local some = {}
  for i = 1, math.min(#near, math.max(2 * k, 8)) do some[i] = near[i].p.form end
  shuffle(rnd, some)
  local out = takedistinct(some, k, cand.hit.text)
  if #out < k then return nil end
  return out
end

-- Other entities of the same type: their names.
local function entitydistractors(rnd, doc, e, answer, k, allowfewer)
  local names = {}
  for _, o in ipairs(entities(doc, e.type)) do
    if o.id ~= e.id then names[#names + 1] = o.name end
  end
  shuffle(rnd, names)
  local taken = {}
  taken[lower(e.name)] = true
  for _, a in ipairs(e.aliases or {}) do taken[lower(a)] = true end
  local out = takedistinct(names, k, answer, taken)
  if #out < k and not (allowfewer and #out >= 1) then return nil end
  return out
end

local MONTHS = { "January", "February", "March", "April", "May", "June", "July",
  "August", "September", "October", "November", "December" }

local function ymd(iso)
  local y, m, d = iso:match("^(%d%d%d%d)%-?(%d*)%-?(%d*)$")
  return tonumber(y), tonumber(m), tonumber(d)
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

-- The same day (or span) in either calendar?
local function sameday(a, b)
  local function eq(x, y) return x and y and x.first == y.first and x.last == y.last end
  return eq(a.old_style, b.old_style) or eq(a.new_style, b.new_style)
    or eq(a.old_style, b.new_style) or eq(a.new_style, b.old_style)
end

-- Other dates as the text writes them, then the answer with its years
-- moved (1905 -> 1906, 1904, ...), for a date written in the text.
local function datedistractors(rnd, doc, d, k, render)
  local texts = {}
  for _, o in ipairs(dates(doc)) do
    if not sameday(o, d) then texts[#texts + 1] = render(o) end
  end
  table.sort(texts)
  shuffle(rnd, texts)
  local out = takedistinct(texts, k, render(d))
  local taken = {}
  taken[lower(render(d))] = true
  for _, s in ipairs(out) do taken[lower(s)] = true end
  local answer = render(d)
  for shift = 1, 30 do
    if #out >= k then break end
    for _, sign in ipairs({ 1, -1 }) do
      if #out >= k then break end
      local n = 0
      local v = answer:gsub("%f[%d]%d%d%d%d%f[%D]", function(y)
        n = n + 1
        return tostring(tonumber(y) + sign * shift)
      end)
      if n == 0 then
        v = answer:gsub("%f[%d]%d%d?%f[%D]", function(x)
          n = n + 1
          local day = tonumber(x) + sign * shift
          if day < 1 or day > 28 then return nil end
          return tostring(day)
        end, 1)
      end
      if n > 0 and not taken[lower(v)] then
        taken[lower(v)] = true
        out[#out + 1] = v
      end
    end
  end
  if #out < k then return nil end
  return out
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

-- The cloze or choice question for candidate c of unit u, or nil when
-- there are not enough distractors of its kind.
local function question(kind, doc, rnd, pool, u, c, k)
  local h = c.hit
  local q = { kind = kind, prompt = blanked(u, h.pos, h.len), answer = h.text,
    source = hitof(h), target = c.target, entity = c.entity and c.entity.id }
  if kind == "cloze" then return q end
  local ds
  if c.target == "entity" then
    ds = entitydistractors(rnd, doc, c.entity, h.text, k)
  elseif c.target == "date" then
    ds = datedistractors(rnd, doc, c.date, k, function(d) return d.text end)
  elseif not c.initial then
    ds = worddistractors(rnd, pool, c, k)
  end
  if not ds then return nil end
  return withchoices(rnd, q, ds)
end

-- Cloze and choice: one question per sentence, sentences drawn at random.
local function blanks(kind, doc, o)
  local units, bykey = sentences(doc, o.scope)
  local pool = candidates(doc, bykey, o.scope)
  local usable = {}
  for _, u in ipairs(units) do
    if #u.cands > 0 and blankable(u) then usable[#usable + 1] = u end
  end
  shuffle(o.rnd, usable)
  local out = {}
  for _, u in ipairs(usable) do
    if #out >= o.count then break end
    -- a kind of blank at random among those the sentence has, then one of them
    local bykind, kinds = {}, {}
    for _, c in ipairs(u.cands) do
      if not bykind[c.target] then
        bykind[c.target] = {}
        kinds[#kinds + 1] = c.target
      end
      table.insert(bykind[c.target], c)
    end
    shuffle(o.rnd, kinds)
    local q
    for _, t in ipairs(kinds) do
      local cs = shuffle(o.rnd, bykind[t])
      for _, c in ipairs(cs) do
        q = question(kind, doc, o.rnd, pool, u, c, o.choices - 1)
        if q then break end
      end
      if q then break end
    end
    if q then out[#out + 1] = q end
  end
  return out, shortby(#out, o.count, kind,
    kind == "cloze" and "the text has no more sentences with a word to blank"
    or "the text has no more sentences with a blank that has enough distractors")
end

--- Cloze questions: a content word, an entity or a date blanked in a real
-- sentence, one question per sentence.
-- @tparam Document doc the document
-- @tparam[opt] table opts `count` (default 10), `seed` (an integer, default
--   1), `scope` (`"body"` (default), `"notes"`, `"all"`)
-- @treturn {Question,...} the questions, in the order drawn
-- @treturn[opt] string a message, when fewer than `count` could be made
-- @usage local qs = quiz.cloze(ll.letter(), {count = 5, seed = 7})
-- local q = qs[1]
-- assert(q.prompt:gsub("_____", q.answer) ==
--   ll.letter().paragraphs[q.source.paragraph].sentences[q.source.sentence])
function M.cloze(doc, opts)
  return blanks("cloze", doc, checkargs(doc, opts, "cloze"))
end

--- Multiple-choice questions: a sentence with one blank, and `choices`
-- answers to fill it with, the distractors of the answer's kind.
-- @tparam Document doc the document
-- @tparam[opt] table opts `count` (default 10), `seed` (default 1),
--   `scope` (default `"body"`), `choices` (answers offered, the right one
--   included, 2 to 10, default 4)
-- @treturn {Question,...} the questions
-- @treturn[opt] string a message, when fewer than `count` could be made
-- @usage for _, q in ipairs(quiz.choice(doc, {count = 3, seed = 2})) do
--   print(q.prompt)
--   for i, c in ipairs(q.choices) do print(i, c) end
-- end
function M.choice(doc, opts)
  return blanks("choice", doc, checkargs(doc, opts, "choice"))
end

-- Masks every name of entity e in s with "…", longest name first.
local function mask(s, e)
  local names = { e.name }
  for _, a in ipairs(e.aliases or {}) do names[#names + 1] = a end
  table.sort(names, function(a, b)
    if #a ~= #b then return #a > #b end
    return a < b
  end)
  for _, n in ipairs(names) do
    local i = 1
    while true do
      local a, b = s:find(n, i, true)
      if not a then break end
      s = s:sub(1, a - 1) .. "…" .. s:sub(b + 1)
      i = a + #"…"
    end
  end
  return s
end

local ARTICLE = { ["a "] = true, ["an "] = true, ["the "] = true }

-- Where text stands in note n: a Hit, or the note's first sentence.
local function notehit(doc, n, text)
  local note = doc:note(n)
  for i, b in ipairs(note.paragraphs) do
    local a = b.text:find(text, 1, true)
    if a then
      local from, sentence = 1, 1
      for j, s in ipairs(b.sentences) do
        local p = b.text:find(s, from, true) or from
        if p <= a then sentence = j end
        from = p + #s
      end
      return { part = "note", note = n, paragraph = i, sentence = sentence, pos = a,
        len = #text, text = text }
    end
  end
  local s = note.paragraphs[1] and note.paragraphs[1].sentences[1] or ""
  return { part = "note", note = n, paragraph = 1, sentence = 1, pos = 1, len = #s, text = s }
end

--- Questions from what the notes explain: for each entity a note explains
-- ("Which periodical was the first legal Bolshevik newspaper, ...?"), the
-- entity's names masked in the question, with choices of the same type
-- drawn from the document's catalogue; then, to reach `count`, sentences of
-- the notes with an entity blanked.
-- When the catalogue has fewer entities of the answer's type than
-- `choices` needs, a question explained by a note offers fewer choices
-- (two at least).
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
  local k = o.choices - 1
  local explained = {}
  for _, e in ipairs(entities(doc)) do
    if e.note and e.description and doc:note(e.note) then explained[#explained + 1] = e end
  end
  shuffle(o.rnd, explained)
  local out = {}
  for _, e in ipairs(explained) do
    if #out >= o.count then break end
    local desc = mask(e.description, e)
    local who = e.type == "person" and "who" or "which " .. e.type
    local prompt
    if ARTICLE[desc:match("^%a+ ") or ""] then
      prompt = ("According to note %d, %s was %s?"):format(e.note, who, desc)
    else
      prompt = ("%s%s does note %d describe: “%s”?"):format(who:sub(1, 1):upper(), who:sub(2),
        e.note, desc)
    end
    local ds = entitydistractors(o.rnd, doc, e, e.name, k, true)
    if ds then
      out[#out + 1] = withchoices(o.rnd, { kind = "note", prompt = prompt, answer = e.name,
        source = notehit(doc, e.note, e.description), target = "entity", entity = e.id }, ds)
    end
  end
  if #out < o.count then
    -- then entities blanked in the notes' sentences
    local units, bykey = sentences(doc, "notes")
    candidates(doc, bykey, "notes")
    local usable = {}
    for _, u in ipairs(units) do
      local es = {}
      for _, c in ipairs(u.cands) do
        if c.target == "entity" then es[#es + 1] = c end
      end
      if #es > 0 and blankable(u) then usable[#usable + 1] = { u = u, es = es } end
    end
    shuffle(o.rnd, usable)
    for _, x in ipairs(usable) do
      if #out >= o.count then break end
      for _, c in ipairs(shuffle(o.rnd, x.es)) do
        local ds = entitydistractors(o.rnd, doc, c.entity, c.hit.text, k)
        if ds then
          out[#out + 1] = withchoices(o.rnd, { kind = "note",
            prompt = ("In note %d: %s"):format(x.u.note, blanked(x.u, c.hit.pos, c.hit.len)),
            answer = c.hit.text, source = hitof(c.hit), target = "entity",
            entity = c.entity.id }, ds)
          break
        end
      end
    end
  end
  return out, shortby(#out, o.count, "note",
    #explained == 0 and "the document has no entities that its notes explain"
    or "the notes explain no more entities with enough choices")
end

-- The Hit of a header field's date.
local function metahit(doc, field, d)
  local v = doc.meta[field] or ""
  local a = v:find(d.text, 1, true) or 1
  return { part = "meta", field = field, pos = a, len = #d.text, text = d.text }
end

--- Questions on dates: when the letter was written, in the old style (the
-- Julian calendar Russia used until 1918) and in the new style, when it
-- was first published, then sentences with a date blanked. The readings of
-- the other calendar are among the distractors of the first two.
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
  local k = o.choices - 1
  local out = {}
  local function add(q)
    if #out < o.count and q then out[#out + 1] = q end
  end
  local function header(field, d, style, what)
    if not d or not d[style] then return nil end
    local answer = english(d[style])
    local pool = {}
    local other = style == "old_style" and "new_style" or "old_style"
    if d[other] and english(d[other]) ~= answer then pool[1] = english(d[other]) end
    local rest = datedistractors(o.rnd, doc, d, k, function(x)
      local r = x[style] or x[other]
      return r and english(r) or x.text
    end) or {}
    for _, s in ipairs(rest) do pool[#pool + 1] = s end
    local ds = takedistinct(pool, k, answer)
    if #ds < k then return nil end
    return withchoices(o.rnd, { kind = "date", prompt = what, answer = answer,
      source = metahit(doc, field, d), target = "date" }, ds)
  end
  add(header("Written", doc.written, "old_style",
    "When was the letter written, in the old style (the Julian calendar Russia used until 1918)?"))
  add(header("Written", doc.written, "new_style",
    "When was the letter written, in the new style (the Gregorian calendar)?"))
  add(header("Published", doc.published, doc.published and doc.published.old_style
    and "old_style" or "new_style", "When was the letter first published?"))
  if #out < o.count then
    local units, bykey = sentences(doc, o.scope)
    candidates(doc, bykey, o.scope)
    local usable = {}
    for _, u in ipairs(units) do
      local ds = {}
      for _, c in ipairs(u.cands) do
        if c.target == "date" then ds[#ds + 1] = c end
      end
      if #ds > 0 and blankable(u) then usable[#usable + 1] = { u = u, ds = ds } end
    end
    shuffle(o.rnd, usable)
    for _, x in ipairs(usable) do
      if #out >= o.count then break end
      for _, c in ipairs(shuffle(o.rnd, x.ds)) do
        local q = question("choice", doc, o.rnd, nil, x.u, c, k)
        if q then
          q.kind = "date"
          add(q)
          break
        end
      end
    end
  end
  return out, shortby(#out, o.count, "date", "the document has no more dates to ask about")
end

return M
