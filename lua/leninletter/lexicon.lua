--- What the quizzes know of English words: WordNet 3.0 (parts of speech,
-- base forms of inflected words, synonyms and semantic classes, read by
-- the C core from WordNet's own database files) and a reference list of
-- word frequencies from the Marxists Internet Archive (for a page's key
-- terms).
--
--    local lexicon = require "leninletter.lexicon"
--    for _, r in ipairs(lexicon.readings("arming") or {}) do
--      print(r.pos, r.lemma, r.inflection, r.lexfile)
--    end
--    --> noun  arming  base  noun.act
--    --> verb  arm     ing   verb.competition
--
-- WordNet's database is looked for in the folder named by the environment
-- variable `LENINLETTER_WORDNET` and there only (a folder with no database
-- turns WordNet off, as where it is not installed); else in `WNSEARCHDIR`
-- (WordNet's own), then `/usr/share/wordnet` (Debian's `wordnet-base`),
-- `/usr/local/share/wordnet` and `/opt/homebrew/share/wordnet`. Without
-- it, `readings` returns nil and a message, and the quizzes ask about
-- entities and dates only.
-- @module leninletter.lexicon

local compat = require "leninletter.compat"
local math = compat.math

local M = {}

local handle, handle_err, tried

--- The WordNet database the quizzes use: a handle (`wn:lookup(word)`), or
-- nil and a message saying where it was looked for.
-- @treturn[1] userdata the open database
-- @treturn[2] nil
-- @treturn[2] string why not
-- @usage local wn, why = require("leninletter.lexicon").wordnet()
function M.wordnet()
  if tried then return handle, handle_err end
  tried = true
  local core = require "leninletter.core"
  local dirs = {}
  local own = os.getenv("LENINLETTER_WORDNET")
  if own and own ~= "" then
    -- the user's choice, and no other: a folder without the database is
    -- how WordNet is turned off (and how its absence is tested)
    dirs[1] = own
  else
    local d = os.getenv("WNSEARCHDIR")
    if d and d ~= "" then dirs[#dirs + 1] = d end
    for _, x in ipairs({ "/usr/share/wordnet", "/usr/local/share/wordnet",
      "/opt/homebrew/share/wordnet" }) do
      dirs[#dirs + 1] = x
    end
  end
  local why = {}
  for _, d in ipairs(dirs) do
    local wn, err = core.wordnet(d)
    if wn then
      handle = wn
      return handle
    end
    why[#why + 1] = err
  end
  handle_err = "WordNet 3.0 not found (install Debian's wordnet-base, or set LENINLETTER_WORDNET): "
    .. table.concat(why, "; ")
  return nil, handle_err
end

local cache, ncache = {}, 0

--- WordNet's readings of a word: one for each part of speech and base form
-- that its morphy finds, nouns first, then verbs, adjectives and adverbs.
-- Each is `{pos, lemma, inflection, senses, tagged, synset, lexfile,
-- synonyms, words}`: `pos` is `"noun"`, `"verb"`, `"adj"` or `"adv"`;
-- `inflection` how the word stands to `lemma` (`"base"`, `"plural"`,
-- `"third"`, `"past"` (`-ed`, or an irregular past tense: took, went),
-- `"participle"` (an irregular past participle: taken, gone),
-- `"ing"`, `"comparative"`, `"superlative"`); `senses` and `tagged` WordNet's sense counts (all, and
-- those seen in its tagged corpus); `synset` the first (most frequent)
-- sense's offset; `lexfile` that sense's lexicographer file (its semantic
-- class, e.g. `"noun.group"`); `synonyms` the words of that sense;
-- `words` those of every sense. The tables are shared: do not change them.
-- @string word a word in lower case (a normal form, as `doc:tokens` gives)
-- @treturn[1] table the readings (empty for a word WordNet does not know)
-- @treturn[2] nil when WordNet is not installed
-- @treturn[2] string why
-- @usage local r = lexicon.readings("deputies")[1]   -- noun deputy plural noun.person
function M.readings(word)
  if type(word) ~= "string" then
    error(("bad argument #1 to 'readings' (string expected, got %s)"):format(type(word)), 2)
  end
  local r = cache[word]
  if r then return r end
  local wn, err = M.wordnet()
  if not wn then return nil, err end
  r = wn:lookup((word:gsub("’", "'")))
  -- an irregular verb form from verb.exc: a past participle where it ends
  -- as most do (taken, gone, frozen, born), else a past tense (took, went)
  for _, x in ipairs(r) do
    if x.inflection == "irregular" then
      x.inflection = (word:find("en$") or word:find("[wr]n$") or word:find("ne$")) and "participle"
        or "past"
    end
  end
  if ncache > 100000 then cache, ncache = {}, 0 end
  cache[word] = r
  ncache = ncache + 1
  return r
end

local reference

-- Loads data/archive_words.lua: the installed module, else the work tree's.
local function loadref()
  local data = require("leninletter.files").module("leninletter.archive_words", debug.getinfo(1, "S").source,
    "../../data/archive_words.lua")
  if not data then return nil end
  local counts = {}
  for w, n in data.words:gmatch("([^\n ]+) (%d+)") do counts[w] = tonumber(n) end
  return { total = data.total, pages = data.pages, counts = counts }
end

--- The reference word frequencies: `{total, pages, counts}`, `counts` a
-- table from a word's normal form to its count in the Marxists Internet
-- Archive sample (`data/archive_words.lua`), or nil when it is not
-- installed.
-- @treturn table|nil
-- @usage local ref = lexicon.reference()
-- print(ref.counts.soviet, ref.total)
function M.reference()
  if reference == nil then reference = loadref() or false end
  return reference or nil
end

--- Log-likelihood keyness (Dunning's G2) of a word counted `a` times in a
-- text of `n` words against `b` times in a reference of `m` words; negative
-- when the word is rarer in the text than in the reference.
-- @number a the count in the text
-- @number n the text's size
-- @number b the count in the reference
-- @number m the reference's size
-- @treturn number
-- @usage print(lexicon.keyness(8, 7000, 300, 4000000))
function M.keyness(a, n, b, m)
  local e1 = n * (a + b) / (n + m)
  local e2 = m * (a + b) / (n + m)
  local g = 0
  if a > 0 then g = g + a * math.log(a / e1) end
  if b > 0 then g = g + b * math.log(b / e2) end
  g = 2 * g
  if a / n < b / m then g = -g end
  return g
end

local VOWEL = { a = true, e = true, i = true, o = true, u = true }

--- A lemma put in an inflection (`"base"`, `"plural"`, `"third"`,
-- `"ing"`, `"past"`) by the regular rules of English spelling, or nil
-- where the rules leave it in doubt (a doubled final consonant) or the
-- inflection is irregular.
-- @string lemma the base form
-- @string inflection as `readings` gives it
-- @treturn string|nil
-- @usage print(lexicon.inflect("goal", "plural"), lexicon.inflect("organise", "ing"))  --> goals organising
function M.inflect(lemma, inflection)
  if inflection == "base" then return lemma end
  if lemma:find("[^%l]") then return nil end
  local last, before = lemma:sub(-1), lemma:sub(-2, -2)
  -- consonant, vowel, consonant: the final consonant may double (stop, stopping)
  local cvc = #lemma >= 3 and not VOWEL[last] and not last:find("[wxy]") and VOWEL[before]
    and not VOWEL[lemma:sub(-3, -3)]
  if inflection == "plural" or inflection == "third" then
    if lemma:find("[sxz]$") or lemma:find("[cs]h$") then return lemma .. "es" end
    if last == "y" and not VOWEL[before] then return lemma:sub(1, -2) .. "ies" end
    return lemma .. "s"
  elseif inflection == "ing" then
    if lemma:find("ie$") then return lemma:sub(1, -3) .. "ying" end
    if last == "e" and not lemma:find("[eyo]e$") then return lemma:sub(1, -2) .. "ing" end
    if cvc then return nil end
    return lemma .. "ing"
  elseif inflection == "past" then
    if last == "e" then return lemma .. "d" end
    if last == "y" and not VOWEL[before] then return lemma:sub(1, -2) .. "ied" end
    if cvc then return nil end
    return lemma .. "ed"
  end
  return nil
end

return M
