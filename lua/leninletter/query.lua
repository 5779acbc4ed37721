--- Words and queries: counts, hits, concordances, frequency lists,
-- n-grams, collocates and dispersion over a Document.
--
-- Requiring this module adds its methods to every Document (`init.lua`
-- does it). The work is done in C, over an index of the document's words
-- built once, on the first query: normal form to positions.
--
-- **Words.** A token is a run of letters and digits of any script, where
-- one hyphen or apostrophe between two of them joins (`Social-Democrats`,
-- `tsar’s`, `1905-07`); an apostrophe at the end (`Workers’`) is not part
-- of the word. A word's normal form is its Unicode case fold (NFC), with
-- `’` written as `'`. Counts, frequencies and queries use normal forms.
--
-- **Queries.** A string is a word (`"Soviet"`), a phrase of several words
-- (`"Black Hundreds"`, `"Soviet of Workers' Deputies"`), or words ending
-- in `*` for a prefix (`"revolution*"`); it matches whole words, ignoring
-- case and the kind of apostrophe, and the words of a phrase must follow
-- one another in one block (punctuation between them does not matter). An
-- LPeg pattern matches a word when it matches its whole normal form.
-- `opts.stem = true` makes every word of a string query match any word of
-- the same English (Snowball) stem.
--
-- **Scopes.** `opts.scope` is `"body"` (the default), `"notes"`, or `"all"`
-- (title, subtitle, body and notes; never the header fields).
-- `opts.kinds`, an array of kinds of Block (`"paragraph"`, `"heading"`,
-- `"quote"`, `"verse"`, `"item"`, `"table"`, `"separator"`), limits every
-- query, count, token iterator, frequency list, n-gram list, collocation
-- and dispersion to those Blocks (the title and subtitle count as
-- headings); `{}` matches nothing.
--
-- **Hits** are tables `{part, paragraph, note, sentence, pos, len, text}`:
-- `part` is `"title"`, `"subtitle"`, `"body"` or `"note"`; `paragraph` the
-- index of the block in the body or in its note (absent for the title and
-- subtitle); `note` the note's number when `part == "note"`; `sentence`
-- the index in the block's `sentences`; `pos` the 1-based byte position in
-- the block's `text`; `len` the length in bytes; `text` the words as
-- written. Hits come in document order.
--
-- Misuse (a malformed query, an unknown option or scope, a wrong type)
-- raises `bad argument #N to 'name' (...)`.
-- @module leninletter.query

local compat = require "leninletter.compat"  -- Lua 5.1 to 5.4 and LuaJIT
local math = compat.math
local document = require "leninletter.document"

local Document = document.Document
local argerror = document.argerror
local typename = document.typename

local has_lpeg, lpeg = pcall(require, "lpeg")
if not has_lpeg then lpeg = nil end

local M = {}

-- ------------------------------------------------------------------
-- Options
-- ------------------------------------------------------------------

local SCOPE_MSG = 'opts.scope must be "body", "notes" or "all"'

-- Checks the options table at argn: a table or nil, with only the keys
-- in allowed, and a valid scope. Returns the table (or an empty one).
local function checkopts(opts, argn, fname, allowed)
  if opts == nil then return {} end
  if type(opts) ~= "table" then
    argerror(argn, fname, ("table expected, got %s"):format(typename(opts)))
  end
  for k in pairs(opts) do
    if not allowed[k] and k ~= "kinds" then
      argerror(argn, fname, ("unknown option '%s'"):format(tostring(k)))
    end
  end
  document.checkkinds(opts, argn, fname)
  local scope = opts.scope
  if scope ~= nil and scope ~= "body" and scope ~= "notes" and scope ~= "all" then
    argerror(argn, fname, ("%s, got %s"):format(SCOPE_MSG,
      type(scope) == "string" and ('"' .. scope .. '"') or typename(scope)))
  end
  if opts.stem ~= nil and type(opts.stem) ~= "boolean" then
    argerror(argn, fname, ("opts.stem must be a boolean, got %s"):format(typename(opts.stem)))
  end
  return opts
end

-- An integer option (or nil for dflt) of at least least.
local function intopt(opts, key, least, dflt, argn, fname)
  local v = opts[key]
  if v == nil then return dflt end
  local i = math.type(v) == "float" and math.tointeger(v) or v
  if math.type(i) ~= "integer" or i < least then
    local want = least == 0 and "a non-negative integer" or "a positive integer"
    argerror(argn, fname, ("opts.%s must be %s, got %s"):format(key, want,
      type(v) == "number" and tostring(v) or typename(v)))
  end
  return i
end

-- A string option from a list of choices (or nil for the first).
local function choiceopt(opts, key, choices, argn, fname)
  local v = opts[key]
  if v == nil then return choices[1] end
  for _, c in ipairs(choices) do
    if v == c then return v end
  end
  local quoted = {}
  for i, c in ipairs(choices) do quoted[i] = '"' .. c .. '"' end
  local list = table.concat(quoted, ", ", 1, #quoted - 1) .. " or " .. quoted[#quoted]
  argerror(argn, fname, ("opts.%s must be %s, got %s"):format(key, list,
    type(v) == "string" and ('"' .. v .. '"') or typename(v)))
end

-- ------------------------------------------------------------------
-- The built-in stop list (data/stopwords.txt)
-- ------------------------------------------------------------------

local stoplist_cache

-- Where the stop list is: beside this file once installed, in data/ of
-- the work tree, or anywhere on package.path as leninletter/stopwords.txt.
local function stopfile()
  local tried = {}
  local src = debug.getinfo(1, "S").source
  if src:sub(1, 1) == "@" then
    local dir = src:sub(2):match("^(.*)[/\\]") or "."
    tried[#tried + 1] = dir .. "/stopwords.txt"
    tried[#tried + 1] = dir .. "/../../data/stopwords.txt"
  end
  local path = package.path:gsub("%?%.lua", "?.txt"):gsub("%?/init%.lua", "?.txt")
  tried[#tried + 1] = compat.searchpath("leninletter.stopwords", path)
  tried[#tried + 1] = compat.searchpath("stopwords", path)
  for _, p in ipairs(tried) do
    local f = io.open(p, "rb")
    if f then return f end
  end
  return nil
end

--- The built-in English stop list (NLTK's English list): a fresh array of
-- lower-case words, read once from `data/stopwords.txt`.
-- @treturn {string,...} the words
-- @usage local stop = require("leninletter.query").stopwords()
-- assert(stop[1] == "i")
function M.stopwords()
  if not stoplist_cache then
    local f = stopfile()
    if not f then error("leninletter: cannot find the built-in stop list (stopwords.txt)", 2) end
    local list = {}
    for line in f:lines() do
      local w = line:match("^%s*([^#%s][^%s]*)%s*$")
      if w then list[#list + 1] = w end
    end
    f:close()
    stoplist_cache = list
  end
  return compat.move(stoplist_cache, 1, #stoplist_cache, 1, {})
end

-- opts.stoplist as an array of words, or nil.
local function stoplist(opts, argn, fname)
  local s = opts.stoplist
  if s == nil or s == false then return nil end
  if s == true then
    M.stopwords()
    return stoplist_cache
  end
  if type(s) == "table" then
    for i = 1, #s do
      if type(s[i]) ~= "string" then
        argerror(argn, fname, ("opts.stoplist[%d] must be a string, got %s"):format(i, typename(s[i])))
      end
    end
    return s
  end
  argerror(argn, fname, ("opts.stoplist must be true or an array of strings, got %s"):format(typename(s)))
end

-- ------------------------------------------------------------------
-- Queries
-- ------------------------------------------------------------------

--- The words of a vocabulary that an LPeg pattern matches whole (for
-- the corpus module; not part of the API).
-- LPeg compiles a pattern on its first match, and when memory runs out
-- there it raises `"chunk:line: not enough memory"` (a `luaL_error`)
-- rather than a memory error: that is raised again bare, as every other
-- memory error of the module is.
-- @param p an LPeg pattern
-- @tparam {string,...} vocab normal forms
-- @treturn {integer,...} the indices in vocab of those p matches whole
-- @usage local ids = query.matchvocab(lpeg.P("sov") * lpeg.R("az")^0, {"soviet", "the"}) --> {1}
function M.matchvocab(p, vocab)
  local whole = p * -1
  local ids = {}
  local ok, err = pcall(function()
    for i = 1, #vocab do
      if whole:match(vocab[i]) then ids[#ids + 1] = i end
    end
  end)
  if not ok then
    if type(err) == "string" and err:find("not enough memory$") then error("not enough memory", 0) end
    error(err, 0)
  end
  return ids
end

-- the vocabulary of each C document, for LPeg queries
local vocabs = setmetatable({}, { __mode = "k" })

-- The query at argn as the C side takes it: the string, or the array of
-- (1-based) word ids whose normal form an LPeg pattern matches whole.
local function getquery(ud, q, argn, fname)
  if type(q) == "string" then return q end
  if lpeg and lpeg.type(q) == "pattern" then
    local vocab = vocabs[ud]
    if not vocab then
      vocab = ud:ix_vocab()
      vocabs[ud] = vocab
    end
    return M.matchvocab(q, vocab)
  end
  argerror(argn, fname, ("string or LPeg pattern expected, got %s"):format(typename(q)))
end

-- Raises the C side's reason for refusing a query string.
local function check(res, why, fname)
  if res == nil then argerror(1, fname, why) end
  return res
end

local QUERY_OPTS = { scope = true, stem = true }
local CONC_OPTS = { scope = true, stem = true, width = true, sort = true }

--- Counts the matches of a query.
-- @param query a string (word, phrase, `prefix*`) or an LPeg pattern
-- @tparam[opt] table opts `scope` (`"body"`, `"notes"`, `"all"`), `stem`
-- @treturn integer the number of hits, the same as `#doc:find(query, opts)`
-- @usage local doc = ll.letter()
-- print(doc:count("Soviet"))                   --> 22
-- print(doc:count("Soviet", {scope = "all"}))  --> 28
function Document:count(query, opts)
  local ud = document.core(self, "count")
  opts = checkopts(opts, 2, "count", QUERY_OPTS)
  local q = getquery(ud, query, 1, "count")
  local n, why = ud:ix_count(q, document.scopearg(opts), opts.stem)
  return check(n, why, "count")
end

--- Finds the matches of a query.
-- @param query a string (word, phrase, `prefix*`) or an LPeg pattern
-- @tparam[opt] table opts `scope`, `stem`
-- @treturn {Hit,...} the hits, in document order
-- @usage for _, h in ipairs(doc:find("Black Hundreds")) do
--   print(h.paragraph, h.sentence, h.pos, h.text)
-- end
function Document:find(query, opts)
  local ud = document.core(self, "find")
  opts = checkopts(opts, 2, "find", QUERY_OPTS)
  local q = getquery(ud, query, 1, "find")
  local hits, why = ud:ix_find(q, document.scopearg(opts), opts.stem)
  return check(hits, why, "find")
end

--- A concordance (key word in context): the hits of a query, each with
-- `left` and `right` context and the `match`.
--
-- The context is cut at `width` characters (UTF-8 code points, never
-- inside a character) on each side and stays within the hit's block, so a
-- hit near the start of a paragraph has a shorter `left`. Line breaks and
-- tabs inside a block (an address, a signature) appear as single spaces in
-- `left`, `match` and `right`, so every line prints on one line; `text`
-- keeps them. `sort = "left"` orders the lines by the first word to the
-- left of the match, then the second, and so on (AntConc's 1L, 2L, ...);
-- `sort = "right"` by the first word to the right, then the next; words are
-- compared by normal form, byte order, and a line with no word left at the
-- block's edge comes first; lines with equal keys keep document order.
-- @param query a string (word, phrase, `prefix*`) or an LPeg pattern
-- @tparam[opt] table opts `scope`, `stem`, `width` (characters each side,
--   default 40), `sort` (`"position"` (default), `"left"`, `"right"`)
-- @treturn {Hit,...} hits with `left`, `match` and `right`
-- @usage for _, l in ipairs(doc:concordance("soviet", {width = 30, sort = "right"})) do
--   print(("%30s [%s] %s"):format(l.left, l.match, l.right))
-- end
function Document:concordance(query, opts)
  local ud = document.core(self, "concordance")
  opts = checkopts(opts, 2, "concordance", CONC_OPTS)
  local width = intopt(opts, "width", 0, 40, 2, "concordance")
  local sort = choiceopt(opts, "sort", { "position", "left", "right" }, 2, "concordance")
  local q = getquery(ud, query, 1, "concordance")
  local hits, why = ud:ix_find(q, document.scopearg(opts), opts.stem, width, sort)
  return check(hits, why, "concordance")
end

--- Iterates over the tokens (words) of the document, in document order.
-- Each is a fresh table `{text, norm, part, paragraph, note, sentence, pos}`
-- (`text` as written, `norm` its normal form; the rest as in a Hit).
-- @tparam[opt] table opts `scope` (default `"body"`)
-- @return an iterator
-- @usage local n = 0
-- for tok in doc:tokens({scope = "all"}) do
--   if tok.norm == "soviet" then n = n + 1 end
-- end
function Document:tokens(opts)
  local ud = document.core(self, "tokens")
  opts = checkopts(opts, 1, "tokens", { scope = true })
  return ud:ix_tokens(document.scopearg(opts))
end

--- The words of the document with their counts, as in a frequency list.
-- @tparam[opt] table opts `scope`; `stoplist` (`true` for the built-in
--   English stop list, or an array of words, compared by normal form);
--   `min` (the least count listed, default 1)
-- @treturn {{word=string,count=integer},...} count descending, then the
--   word (its normal form) ascending in byte order
-- @usage for i, f in ipairs(doc:frequencies({stoplist = true, min = 5})) do
--   print(i, f.word, f.count)
-- end
function Document:frequencies(opts)
  local ud = document.core(self, "frequencies")
  opts = checkopts(opts, 1, "frequencies", { scope = true, stoplist = true, min = true })
  local min = intopt(opts, "min", 1, 1, 1, "frequencies")
  local stop = stoplist(opts, 1, "frequencies")
  return ud:ix_frequencies(document.scopearg(opts), min, stop)
end

--- N-grams: runs of n consecutive words within one block (a paragraph,
-- the title, ...), never across blocks; punctuation between the words
-- does not break a run.
-- @int n words in each n-gram, 1 to 16
-- @tparam[opt] table opts `scope`, `min` (the least count listed, default 1)
-- @treturn {{ngram=string,count=integer},...} `ngram` the normal forms
--   joined by one space; count descending, then `ngram` ascending (bytes)
-- @usage for _, g in ipairs(doc:ngrams(2, {min = 5})) do print(g.ngram, g.count) end
function Document:ngrams(n, opts)
  local ud = document.core(self, "ngrams")
  local i = math.type(n) == "float" and math.tointeger(n) or n
  if math.type(i) ~= "integer" or i < 1 or i > 16 then
    argerror(1, "ngrams", ("n must be an integer from 1 to 16, got %s"):format(
      type(n) == "number" and tostring(n) or typename(n)))
  end
  opts = checkopts(opts, 2, "ngrams", { scope = true, min = true })
  local min = intopt(opts, "min", 1, 1, 2, "ngrams")
  return ud:ix_ngrams(i, document.scopearg(opts), min)
end

--- Collocates of a query: the words found near its hits more (or less)
-- often than chance would have them.
--
-- **Window.** The span is every token within `window` words before the
-- first word or after the last word of a hit, inside the hit's block, the
-- hits' own words excepted; a token counts once however many windows hold
-- it. With N the tokens in the scope, R the tokens of the span, C the
-- word's count in the scope and O its tokens in the span (`count`), the
-- contingency table is O11 = O, O12 = R - O, O21 = C - O,
-- O22 = N - R - C + O, with expected values E_ij = R_i * C_j / N, and
--
-- * `llr` (log-likelihood, G²): 2 Σ O_ij ln(O_ij / (E_ij + 1e-20) + 1e-20)
-- * `mi` (pointwise mutual information): log2(O N) - log2(R C)
-- * `t` (t-score): (O - R C / N) / sqrt(O + 1e-20)
--
-- These are NLTK's `BigramAssocMeasures.likelihood_ratio`, `pmi` and
-- `student_t` with n_ii = O, n_ix = R, n_xi = C, n_xx = N (Evert's surface
-- co-occurrence, the span as the node's margin).
-- @param query a string (word, phrase, `prefix*`) or an LPeg pattern
-- @tparam[opt] table opts `scope`, `stem`, `window` (words each side,
--   default 5), `measure` (`"llr"` (default), `"mi"`, `"t"`), `min` (least
--   `count`, default 1), `stoplist` (as for `frequencies`)
-- @treturn {{word=string,count=integer,score=number},...} score
--   descending, then word ascending
-- @usage for _, c in ipairs(doc:collocates("Soviet", {measure = "llr", min = 2})) do
--   print(c.word, c.count, ("%.2f"):format(c.score))
-- end
function Document:collocates(query, opts)
  local ud = document.core(self, "collocates")
  opts = checkopts(opts, 2, "collocates",
    { scope = true, stem = true, window = true, measure = true, min = true, stoplist = true })
  local window = intopt(opts, "window", 1, 5, 2, "collocates")
  local measure = choiceopt(opts, "measure", { "llr", "mi", "t" }, 2, "collocates")
  local min = intopt(opts, "min", 1, 1, 2, "collocates")
  local stop = stoplist(opts, 2, "collocates")
  local q = getquery(ud, query, 1, "collocates")
  local res, why = ud:ix_collocates(q, document.scopearg(opts), opts.stem, window, measure, min, stop)
  return check(res, why, "collocates")
end

--- Where a query falls in the text, for dispersion plots: for each hit, in
-- document order, the number of the scope's tokens before it divided by
-- the number of tokens in the scope (so 0 <= x < 1; the body's first word
-- is 0).
-- @param query a string (word, phrase, `prefix*`) or an LPeg pattern
-- @tparam[opt] table opts `scope`, `stem`
-- @treturn {number,...} the fractions
-- @treturn integer the number of tokens in the scope
-- @usage local xs, n = doc:dispersion("Soviet")
-- print(#xs, n, xs[1])
function Document:dispersion(query, opts)
  local ud = document.core(self, "dispersion")
  opts = checkopts(opts, 2, "dispersion", QUERY_OPTS)
  local q = getquery(ud, query, 1, "dispersion")
  local xs, n = ud:ix_dispersion(q, document.scopearg(opts), opts.stem)
  check(xs, n, "dispersion")
  return xs, n
end

return M
