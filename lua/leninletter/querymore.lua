--- The rest of `leninletter.query`'s methods: the stop list, tokens,
-- frequencies, n-grams, collocates, dispersion, and a Corpus's per-page
-- counts, sizes and keywords.
--
-- Internal module: `leninletter.query` loads it when one of these (or
-- `query.stopwords`) is first asked for, and adds them to its own tables,
-- so that a count, hits or a concordance (`leninletter kwic QUERY --index
-- FILE`) compile none of it (issue #16). They are documented here as a
-- Document's methods, as `leninletter.query` documents its own.
-- @module leninletter.querymore
-- @local

local compat = require "leninletter.compat"  -- Lua 5.1 to 5.4 and LuaJIT
local math = compat.math
local document = require "leninletter.base"
local M = require "leninletter.query"  -- the module these are added to

local argerror = document.argerror
local typename = document.typename
local checkopts, intopt, choiceopt = document.checkopts, document.intopt, document.choiceopt
local receiver, getquery, flags, check = M._private()
local O = rawget(M, "OPTIONS")
local QUERY_OPTS, FREQ_OPTS, NGRAM_OPTS, COLL_OPTS = O.count, O.frequencies, O.ngrams, O.collocates
local TOKEN_OPTS, SIZE_OPTS, KEY_OPTS = O.tokens, O.sizes, O.keywords

local methods = rawget(M, "methods")

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

return M
