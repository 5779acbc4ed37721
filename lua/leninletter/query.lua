--- Words and queries: counts, hits, concordances, frequency lists,
-- n-grams, collocates and dispersion over a Document or a Corpus.
--
-- Requiring this module adds its methods to every Document (`init.lua`
-- does it); `leninletter.corpus` gives a Corpus the same methods from the
-- same table (`methods`, `install`), with the same options, checked by the
-- module's one checker (`leninletter.document`). The work is done in C,
-- over an index of the document's words built once, on the first query:
-- normal form to positions.
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
-- **Wildcards.** `*` may stand at either end of a word: `"revolution*"`
-- (a prefix), `"*ism"` (a suffix), `"*revolution*"` (anywhere in the
-- word, so `counter-revolution` and `Socialist-Revolutionary` too).
--
-- **Variants** (`opts.variants = true`, off by default): a word also
-- matches its possessive (`tsar` finds `tsar’s`, and `tsar’s` finds
-- `tsar`); a prefix or suffix also matches one part of a hyphenated word
-- (`revolution*` finds `counter-revolution`, `*socialist` finds
-- `Socialist-Revolutionary`); and a query of two parts or more (a phrase,
-- a hyphenated word) matches the same parts joined by hyphens or standing
-- apart, its last part with or without a plural s (`Black Hundreds` finds
-- `Black-Hundred`, `black-hundreds` and `Black Hundreds’`). In
-- `collocates`, a possessive collocate is counted with its word where the
-- text has that word (`union’s` with `union`, one row).
--
-- **Co-occurrence.** A table of queries, `{"soviet", "party", within =
-- "sentence"}` (the default) or `within = n`, matches where all of them
-- stand together: in one sentence (one hit a sentence), or within n words
-- in one block (from the first word of the earliest to the last word of
-- the latest at most n words on; the shortest such stretches, none
-- overlapping, from the left). A hit spans from its first word to its
-- last; it is counted, found, concordanced and collocated like any query.
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
local document = require "leninletter.base"  -- leninletter.document but wrap: a query needs no more (#16)

local argerror = document.argerror
local typename = document.typename

-- LPeg, loaded when a query is first a userdata (a pattern is one; a
-- string query never needs it, #16): the module, or false without it
local lpeg
local function getlpeg()
  if lpeg == nil then
    local ok, m = pcall(require, "lpeg")
    lpeg = ok and m or false
  end
  return lpeg
end

local M = {}

-- ------------------------------------------------------------------
-- Options (the checker is leninletter.document's, the module's one)
-- ------------------------------------------------------------------

local checkopts, intopt, choiceopt = document.checkopts, document.intopt, document.choiceopt
local V = document.check

-- ------------------------------------------------------------------
-- The built-in stop list (data/stopwords.txt)
-- ------------------------------------------------------------------

local stoplist_cache

-- Where the stop list is: beside this file once installed, in data/ of
-- the work tree, or anywhere on package.path as leninletter/stopwords.txt.
local function stopfile()
  return require("leninletter.files").open(debug.getinfo(1, "S").source,
    { "stopwords.txt", "../../data/stopwords.txt" },
    { "leninletter.stopwords", "stopwords" }, "txt")
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

-- ------------------------------------------------------------------
-- Receivers: what a method is called on
-- ------------------------------------------------------------------

-- A Document and a Corpus answer the same queries with the same options;
-- only the C object the work goes to differs. A receiver r says, for one
-- class, how to reach it: r.resolve(self, fname) returns the C object and
-- the names of its operations (raising "bad argument #1 to 'fname'
-- (Document expected, got ...)" for a value of another class);
-- r.after(self, results, what) (optional) adds what that class's results
-- carry beyond a Document's (a Corpus's Hits their page).

-- The C object behind self and its operation names.
local function receiver(r, self, fname)
  return r.resolve(self, fname)
end

-- the vocabulary of each C object, for LPeg queries
local vocabs = setmetatable({}, { __mode = "k" })

-- One query as the C side takes it: the string, or the array of
-- (1-based) word ids whose normal form an LPeg pattern matches whole; nil
-- for anything else.
local function getone(h, ops, q)
  if type(q) == "string" then return q end
  if type(q) == "userdata" and getlpeg() and lpeg.type(q) == "pattern" then
    local vocab = vocabs[h]
    if not vocab then
      vocab = h[ops.vocab](h)
      vocabs[h] = vocab
    end
    return M.matchvocab(q, vocab)
  end
  return nil
end

local WITHIN_MSG = 'within must be "sentence" or a positive integer'

-- The query at argn as the C side takes it: one query (see getone), or a
-- co-occurrence `{q1, q2, ..., within = "sentence" | n}` as
-- `{within = "sentence" | n, c1, c2, ...}`.
local function getquery(h, ops, q, argn, fname)
  local one = getone(h, ops, q)
  if one ~= nil then return one end
  if type(q) ~= "table" then
    argerror(argn, fname, ("string, LPeg pattern or table of queries expected, got %s")
      :format(typename(q)))
  end
  local n, out = #q, {}
  if n == 0 or n > 64 then
    argerror(argn, fname, ("a table query needs 1 to 64 queries, got %d"):format(n))
  end
  for k in pairs(q) do
    if k ~= "within" and not (math.type(k) == "integer" and k >= 1 and k <= n) then
      argerror(argn, fname, ("a table query holds queries and within, got key '%s'"):format(tostring(k)))
    end
  end
  local within = q.within
  if within == nil or within == "sentence" then
    out.within = "sentence"
  else
    local i = math.type(within) == "float" and math.tointeger(within) or within
    if math.type(i) ~= "integer" or i < 1 then
      argerror(argn, fname, ("%s, got %s"):format(WITHIN_MSG, document.shown(within)))
    end
    out.within = i
  end
  for i = 1, n do
    local c = getone(h, ops, q[i])
    if c == nil then
      argerror(argn, fname, ("query[%d] must be a string or LPeg pattern, got %s")
        :format(i, typename(q[i])))
    end
    out[i] = c
  end
  return out
end

-- The flags of a query's options, as the C side takes them.
local function flags(opts)
  return (opts.stem and 1 or 0) + (opts.variants and 2 or 0)
end

-- Raises the C side's reason for refusing a query string.
local function check(res, why, fname)
  if res == nil then argerror(1, fname, why) end
  return res
end

-- the options of each method
-- (every one takes scope and kinds: the text searched)
local QUERY_OPTS = { scope = V.scope, kinds = V.kinds, stem = V.boolean, variants = V.boolean }
local CONC_OPTS = { scope = V.scope, kinds = V.kinds, stem = V.boolean, variants = V.boolean,
  width = true, sort = true }
local FREQ_OPTS = { scope = V.scope, kinds = V.kinds, stoplist = true, min = true, by = true }
local NGRAM_OPTS = { scope = V.scope, kinds = V.kinds, min = true, by = true }
local COLL_OPTS = { scope = V.scope, kinds = V.kinds, stem = V.boolean, variants = V.boolean,
  window = true, measure = true, min = true, stoplist = true }
local TOKEN_OPTS = { scope = V.scope, kinds = V.kinds }
local SIZE_OPTS = { scope = V.scope, kinds = V.kinds }
local KEY_OPTS = { scope = V.scope, kinds = V.kinds, measure = true, min = true, stoplist = true }

--- The option sets of the query methods (for modules that pass options
-- through, such as `leninletter.plot`): method name -> allowed keys.
M.OPTIONS = { count = QUERY_OPTS, find = QUERY_OPTS, concordance = CONC_OPTS,
  frequencies = FREQ_OPTS, ngrams = NGRAM_OPTS, collocates = COLL_OPTS, tokens = TOKEN_OPTS,
  dispersion = QUERY_OPTS, counts = QUERY_OPTS, sizes = SIZE_OPTS, keywords = KEY_OPTS }

-- ------------------------------------------------------------------
-- The methods, one table for Documents and Corpora
-- ------------------------------------------------------------------

--- The query methods, shared by every Document and every Corpus (see
-- `install`): each is `impl(receiver, self, ...)`, and `install` gives a
-- class `self:name(...)`. Each is documented below as a Document's
-- method; a Corpus's answers are the same over all its pages (see
-- `leninletter.corpus`).
M.methods = {}
local methods = M.methods

--- Counts the matches of a query.
-- @function Document:count
-- @param query a string (word, phrase, `prefix*`, `*suffix`, `*infix*`),
--   an LPeg pattern, or a co-occurrence `{q1, q2, ..., within = "sentence" | n}`
-- @tparam[opt] table opts `scope` (`"body"`, `"notes"`, `"all"`), `kinds`, `stem`,
--   `variants` (possessives, hyphen and space variants; see above)
-- @treturn integer the number of hits, the same as `#doc:find(query, opts)`
-- @usage local doc = ll.letter()
-- print(doc:count("Soviet"))                   --> 22
-- print(doc:count("Soviet", {scope = "all"}))  --> 28
function methods.count(r, self, query, opts)
  local h, ops = receiver(r, self, "count")
  opts = checkopts(opts, 2, "count", QUERY_OPTS)
  local q = getquery(h, ops, query, 1, "count")
  local n, why = h[ops.count](h, q, document.scopearg(opts), flags(opts))
  return check(n, why, "count")
end

--- Finds the matches of a query.
-- @function Document:find
-- @param query a string (word, phrase, `prefix*`, `*suffix`, `*infix*`),
--   an LPeg pattern, or a co-occurrence `{q1, q2, ..., within = "sentence" | n}`
-- @tparam[opt] table opts `scope`, `kinds`, `stem`, `variants`
-- @treturn {Hit,...} the hits, in document order
-- @usage for _, h in ipairs(doc:find("Black Hundreds")) do
--   print(h.paragraph, h.sentence, h.pos, h.text)
-- end
function methods.find(r, self, query, opts)
  local h, ops = receiver(r, self, "find")
  opts = checkopts(opts, 2, "find", QUERY_OPTS)
  local q = getquery(h, ops, query, 1, "find")
  local hits, why = h[ops.find](h, q, document.scopearg(opts), flags(opts))
  hits = check(hits, why, "find")
  if r.after then r.after(self, hits, "hits") end
  return hits
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
-- block's edge comes first; lines with equal keys keep document order (for
-- a Corpus, all lines are sorted together, equal keys in corpus order).
-- @function Document:concordance
-- @param query a string (word, phrase, `prefix*`, `*suffix`, `*infix*`),
--   an LPeg pattern, or a co-occurrence `{q1, q2, ..., within = "sentence" | n}`
-- @tparam[opt] table opts `scope`, `kinds`, `stem`, `variants`, `width` (characters each side,
--   default 40), `sort` (`"position"` (default), `"left"`, `"right"`)
-- @treturn {Hit,...} hits with `left`, `match` and `right`
-- @usage for _, l in ipairs(doc:concordance("soviet", {width = 30, sort = "right"})) do
--   print(("%30s [%s] %s"):format(l.left, l.match, l.right))
-- end
function methods.concordance(r, self, query, opts)
  local h, ops = receiver(r, self, "concordance")
  opts = checkopts(opts, 2, "concordance", CONC_OPTS)
  local width = intopt(opts, "width", 2, "concordance", 40, 0)
  local sort = choiceopt(opts, "sort", { "position", "left", "right" }, 2, "concordance")
  local q = getquery(h, ops, query, 1, "concordance")
  local hits, why = h[ops.find](h, q, document.scopearg(opts), flags(opts), width, sort)
  hits = check(hits, why, "concordance")
  if r.after then r.after(self, hits, "hits") end
  return hits
end

--- Iterates over the tokens (words) of the document, in document order.
-- Each is a fresh table `{text, norm, part, paragraph, note, sentence, pos}`
-- (`text` as written, `norm` its normal form; the rest as in a Hit).
-- @function Document:tokens
-- @tparam[opt] table opts `scope` (default `"body"`)
-- @return an iterator
-- @usage local n = 0
-- for tok in doc:tokens({scope = "all"}) do
--   if tok.norm == "soviet" then n = n + 1 end
-- end
function methods.tokens(r, self, opts)
  local h, ops = receiver(r, self, "tokens")
  opts = checkopts(opts, 1, "tokens", TOKEN_OPTS)
  return h[ops.tokens](h, document.scopearg(opts))
end

--- The words of the document with their counts, as in a frequency list.
-- @function Document:frequencies
-- @tparam[opt] table opts `scope`; `stoplist` (`true` for the built-in
--   English stop list, or an array of words, compared by normal form);
--   `min` (the least count listed, default 1); `by` (`"token"` (default),
--   or on a Corpus `"doc"`: the number of pages a word is on, its
--   document frequency)
-- @treturn {{word=string,count=integer},...} count descending, then the
--   word (its normal form) ascending in byte order
-- @usage for i, f in ipairs(doc:frequencies({stoplist = true, min = 5})) do
--   print(i, f.word, f.count)
-- end
function methods.frequencies(r, self, opts)
  local h, ops = receiver(r, self, "frequencies")
  opts = checkopts(opts, 1, "frequencies", FREQ_OPTS)
  local min = intopt(opts, "min", 1, "frequencies", 1, 1)
  local stop = stoplist(opts, 1, "frequencies")
  local by = choiceopt(opts, "by", { "token", "doc" }, 1, "frequencies")
  return h[ops.frequencies](h, document.scopearg(opts), min, stop, by == "doc")
end

--- N-grams: runs of n consecutive words within one block (a paragraph,
-- the title, ...), never across blocks (nor pages); punctuation between
-- the words does not break a run.
-- @function Document:ngrams
-- @int n words in each n-gram, 1 to 16
-- @tparam[opt] table opts `scope`, `min` (the least count listed, default 1),
--   `by` (`"token"` (default), or on a Corpus `"doc"`: the pages an n-gram is on)
-- @treturn {{ngram=string,count=integer},...} `ngram` the normal forms
--   joined by one space; count descending, then `ngram` ascending (bytes)
-- @usage for _, g in ipairs(doc:ngrams(2, {min = 5})) do print(g.ngram, g.count) end
function methods.ngrams(r, self, n, opts)
  local h, ops = receiver(r, self, "ngrams")
  local i = math.type(n) == "float" and math.tointeger(n) or n
  if math.type(i) ~= "integer" or i < 1 or i > 16 then
    argerror(1, "ngrams", ("n must be an integer from 1 to 16, got %s"):format(
      type(n) == "number" and tostring(n) or typename(n)))
  end
  opts = checkopts(opts, 2, "ngrams", NGRAM_OPTS)
  local min = intopt(opts, "min", 2, "ngrams", 1, 1)
  local by = choiceopt(opts, "by", { "token", "doc" }, 2, "ngrams")
  return h[ops.ngrams](h, i, document.scopearg(opts), min, by == "doc")
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
-- co-occurrence, the span as the node's margin). Over a Corpus, R, O, C
-- and N are summed over the pages.
-- @function Document:collocates
-- @param query a string (word, phrase, `prefix*`, `*suffix`, `*infix*`),
--   an LPeg pattern, or a co-occurrence `{q1, q2, ..., within = "sentence" | n}`
-- @tparam[opt] table opts `scope`, `stem`, `variants` (as for queries;
--   and a possessive collocate is counted with its word: `union’s` with
--   `union`), `window` (words each side, default 5), `measure` (`"llr"`
--   (default), `"mi"`, `"t"`), `min` (least `count`, default 1),
--   `stoplist` (as for `frequencies`)
-- @treturn {{word=string,count=integer,score=number},...} score
--   descending, then word ascending
-- @usage for _, c in ipairs(doc:collocates("Soviet", {measure = "llr", min = 2})) do
--   print(c.word, c.count, ("%.2f"):format(c.score))
-- end
function methods.collocates(r, self, query, opts)
  local h, ops = receiver(r, self, "collocates")
  opts = checkopts(opts, 2, "collocates", COLL_OPTS)
  local window = intopt(opts, "window", 2, "collocates", 5, 1)
  local measure = choiceopt(opts, "measure", { "llr", "mi", "t" }, 2, "collocates")
  local min = intopt(opts, "min", 2, "collocates", 1, 1)
  local stop = stoplist(opts, 2, "collocates")
  local q = getquery(h, ops, query, 1, "collocates")
  local res, why = h[ops.collocates](h, q, document.scopearg(opts), flags(opts), window, measure, min,
    stop)
  return check(res, why, "collocates")
end

--- Where a query falls in the text, for dispersion plots: for each hit, in
-- document order, the number of the scope's tokens before it divided by
-- the number of tokens in the scope (so 0 <= x < 1; the body's first word
-- is 0).
-- @function Document:dispersion
-- @param query a string (word, phrase, `prefix*`, `*suffix`, `*infix*`),
--   an LPeg pattern, or a co-occurrence `{q1, q2, ..., within = "sentence" | n}`
-- @tparam[opt] table opts `scope`, `stem`
-- @treturn {number,...} the fractions
-- @treturn integer the number of tokens in the scope
-- @usage local xs, n = doc:dispersion("Soviet")
-- print(#xs, n, xs[1])
function methods.dispersion(r, self, query, opts)
  local h, ops = receiver(r, self, "dispersion")
  opts = checkopts(opts, 2, "dispersion", QUERY_OPTS)
  local q = getquery(h, ops, query, 1, "dispersion")
  local xs, n = h[ops.dispersion](h, q, document.scopearg(opts), flags(opts))
  check(xs, n, "dispersion")
  return xs, n
end

--- Each page's count of a query (a Corpus method): an array, `counts[i]`
-- the number of hits in page `i` (`c[i]`), so that the counts sum to
-- `c:count(query, opts)`.
-- @function Corpus:counts
-- @param query a query, as for `count`
-- @tparam[opt] table opts `scope`, `stem`, `variants`
-- @treturn {integer,...} one count a page, in corpus order
-- @usage local counts = c:counts("soviet*")
-- for i, n in ipairs(counts) do print(c[i].title, n) end
function methods.counts(r, self, query, opts)
  local h, ops = receiver(r, self, "counts")
  opts = checkopts(opts, 2, "counts", QUERY_OPTS)
  local q = getquery(h, ops, query, 1, "counts")
  local res, why = h[ops.counts](h, q, document.scopearg(opts), flags(opts))
  return check(res, why, "counts")
end

--- Each page's size (a Corpus method): an array of
-- `{words = w, sentences = s}`, the words (tokens) and sentences in the
-- scope, one entry a page. Relative frequencies are `counts[i] /
-- sizes[i].words`.
-- @function Corpus:sizes
-- @tparam[opt] table opts `scope` (default `"body"`)
-- @treturn {{words=integer,sentences=integer},...} one a page
-- @usage local sizes = c:sizes()
-- print(sizes[1].words, sizes[1].sentences)
function methods.sizes(r, self, opts)
  local h, ops = receiver(r, self, "sizes")
  opts = checkopts(opts, 1, "sizes", SIZE_OPTS)
  return h[ops.sizes](h, document.scopearg(opts))
end

--- Keywords (a Corpus method): the words most typical of some pages
-- against the rest of the corpus, as AntConc's keyword list. With `a` a
-- word's count in the pages chosen (`count`), `b` in the others
-- (`other`), `N1` and `N2` the tokens of each side, `E1 = N1 (a + b) /
-- (N1 + N2)` and `E2 = N2 (a + b) / (N1 + N2)`:
--
-- * `llr` (log-likelihood, Rayson and Garside): `2 (a ln(a/E1) + b ln(b/E2))`
--   (a term is 0 where its count is)
-- * `pdiff` (%DIFF, Gabrielatos and Marchi): `100 (a/N1 - b/N2) / (b/N2)`,
--   `b/N2` taken as 1e-18 where `b` is 0
--
-- Only words relatively more frequent in the chosen pages are listed
-- (positive keywords).
-- @function Corpus:keywords
-- @tparam {integer,...} pages indices of the chosen pages
-- @tparam[opt] table opts `measure` (`"llr"` (default) or `"pdiff"`),
--   `min` (least `count`, default 1), `stoplist`, `scope`
-- @treturn {{word=string,count=integer,other=integer,score=number},...}
--   score descending, then word ascending
-- @usage for _, k in ipairs(c:keywords({1, 2}, {min = 3})) do
--   print(k.word, k.count, k.other, ("%.1f"):format(k.score))
-- end
function methods.keywords(r, self, pages, opts)
  local h, ops = receiver(r, self, "keywords")
  if type(pages) ~= "table" then
    argerror(1, "keywords", ("array of page indices expected, got %s"):format(typename(pages)))
  end
  local n = #self
  for i = 1, #pages do
    local p = pages[i]
    local k = math.type(p) == "float" and math.tointeger(p) or p
    if math.type(k) ~= "integer" or k < 1 or k > n then
      argerror(1, "keywords", ("pages[%d] must be a page index from 1 to %d, got %s")
        :format(i, n, document.shown(p)))
    end
  end
  opts = checkopts(opts, 2, "keywords", KEY_OPTS)
  local measure = choiceopt(opts, "measure", { "llr", "pdiff" }, 2, "keywords")
  local min = intopt(opts, "min", 2, "keywords", 1, 1)
  local stop = stoplist(opts, 2, "keywords")
  return h[ops.keywords](h, pages, document.scopearg(opts), measure, min, stop)
end

--- Gives a class the query methods: `names` (an array) of `methods` are
-- set in `Class`, and `spec.resolve(self, fname)` tells them, for a value
-- of that class, the C object to run on and the names of its operations
-- (`count`, `find`, `vocab`, `frequencies`, `ngrams`, `collocates`, and
-- where the class has them `tokens` and `dispersion`);
-- `spec.after(self, results, what)`, when given, completes results
-- (`what` is `"hits"`) before they are returned.
-- @tparam table Class the method table (also the metatable of its values)
-- @tparam table spec `{resolve = function, after = function | nil}`
-- @tparam {string,...} names the methods the class has
-- @usage query.install(Corpus, {resolve = function(c, fname) return cx, CX_OPS end},
--   {"count", "find"})
function M.install(Class, spec, names)
  for _, name in ipairs(names) do
    local impl = methods[name]
    Class[name] = function(...) return impl(spec, ...) end
  end
end

local DOC_OPS = { count = "ix_count", find = "ix_find", vocab = "ix_vocab", tokens = "ix_tokens",
  frequencies = "ix_frequencies", ngrams = "ix_ngrams", collocates = "ix_collocates",
  dispersion = "ix_dispersion" }

M.install(document.Document, {
  resolve = function(doc, fname) return document.core(doc, fname), DOC_OPS end,
}, { "count", "find", "concordance", "tokens", "frequencies", "ngrams", "collocates",
  "dispersion" })

return M
