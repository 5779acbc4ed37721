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

-- what leninletter.querymore, the rest of the methods, shares with them
function M._private()
  return receiver, getquery, flags, check
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

-- leninletter.querymore (the stop list, tokens, frequencies, n-grams,
-- collocates, dispersion, per-page counts and sizes, keywords) loaded:
-- when a name of this module or a method it adds is first asked for; a
-- count, hits or a concordance never need it (#16)
local rest = false
local function more(t, k)
  if not rest then
    rest = true
    require "leninletter.querymore"
  end
  return rawget(t, k)
end
setmetatable(M, { __index = more })
setmetatable(methods, { __index = more })

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
    local impl = rawget(methods, name)
    if impl ~= nil then
      Class[name] = function(...) return impl(spec, ...) end
    else
      -- a method of leninletter.querymore, loaded on the first call
      Class[name] = function(...) return methods[name](spec, ...) end
    end
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
