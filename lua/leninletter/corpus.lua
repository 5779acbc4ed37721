--- Corpora: many pages at once, queried as one.
--
-- `ll.corpus(list [, opts])` (see `leninletter.corpus`) loads paths,
-- folders (read recursively; only `.htm`, `.html` and `.txt` files, sorted
-- by path) and Documents, and answers the same queries as a Document, with
-- the same options, over all of them. Every Hit also carries `doc`, the
-- index of its Document in the corpus.
--
-- **Speed.** The pages are read and parsed in C, on two threads where the
-- machine has two cores (a batch of pages at a time; `progress` is still
-- called for every page, in order), and indexed together, with one
-- vocabulary for the whole corpus, on the first query; a query runs over
-- that index in one C call, so it costs what its hits cost. Documents are
-- made Lua tables only when first asked for (`c[i]`): a corpus of
-- thousands of pages holds only the C documents and the corpus index.
--
-- **Failures.** A page that cannot be read or parsed does not stop the
-- rest: it is listed in `c.warnings` as `"path: reason"`, and is not one
-- of the corpus's Documents. Misuse (a list that is not a table, an item
-- that is neither a string nor a Document, an unknown option) raises.
-- @module leninletter.corpus

local compat = require "leninletter.compat"  -- Lua 5.1 to 5.4 and LuaJIT
local math = compat.math
local core = require "leninletter.core"
local document = require "leninletter.document"
local query = require "leninletter.query"

local argerror = document.argerror
local typename = document.typename

local has_lpeg, lpeg = pcall(require, "lpeg")
if not has_lpeg then lpeg = nil end

local M = {}

--- The method table of every Corpus.
local Corpus = {}
Corpus.__name = "leninletter.Corpus"
M.Corpus = Corpus

-- corpus table -> its private state {cx, uds, docs, opts}
local state = setmetatable({}, { __mode = "k" })

local function priv(c, fname)
  local st = state[c]
  if st == nil then
    error(("bad argument #1 to '%s' (Corpus expected, got %s)"):format(fname, typename(c)), 0)
  end
  return st
end

function Corpus.__index(c, k)
  if math.type(k) == "integer" then
    local st = state[c]
    if st == nil or k < 1 or k > #st.uds then return nil end
    local doc = st.docs[k]
    if doc == nil then
      doc = document.wrap(st.uds[k], st.opts)
      st.docs[k] = doc
    end
    return doc
  end
  return Corpus[k]
end

function Corpus.__len(c)
  return #priv(c, "__len").uds
end

-- Lua 5.1 and LuaJIT never call __len on a table: there `#c` counts the
-- array part, so a corpus fills it with its Documents at once.
local TABLE_LEN = #setmetatable({}, { __len = function() return 1 end }) == 1

function Corpus.__tostring(c)
  return ("leninletter.Corpus (%d documents)"):format(#priv(c, "tostring").uds)
end

-- ------------------------------------------------------------------
-- Loading
-- ------------------------------------------------------------------

local function pageext(name)
  local e = name:match("%.([^./]+)$")
  e = e and e:lower()
  return e == "htm" or e == "html" or e == "txt"
end

-- A path as a warning shows it: control characters (a newline, a NUL)
-- escaped as in Lua source, so one warning is one line.
local function showpath(path)
  return (path:gsub("[%c\\]", function(ch)
    return ch == "\\" and "\\\\" or ("\\%03d"):format(ch:byte())
  end))
end

-- Appends the pages under folder dir to out, sorted by path. Links to
-- folders are followed, each folder read once (a link back to a folder
-- being read is a warning, not a loop). Entries that are not pages are
-- left out; those that could not be examined (a dangling link, a name too
-- long), and a page-named entry that is not a regular file (a FIFO, a
-- device), are warnings.
local function walk(dir, out, warnings)
  local seen = {}
  local base = dir:sub(-1) == "/" and dir or dir .. "/"
  local found = {}
  local function collect(d, b)
    local _, id = core.pathkind(d)
    if id then
      if seen[id] then
        warnings[#warnings + 1] = ("%s: a folder already read (a link back to it)"):format(showpath(d))
        return
      end
      seen[id] = true
    end
    -- a listing, and the entries left out; or nil and the message
    local list, skipped = core.listdir(d)
    if not list then
      warnings[#warnings + 1] = showpath(skipped)
      return
    end
    for _, n in ipairs(list) do
      if n:sub(-1) == "/" then
        collect(b .. n:sub(1, -2), b .. n)
      elseif pageext(n) then
        found[#found + 1] = b .. n
      end
    end
    for _, x in ipairs(skipped) do
      if not x.examined or pageext(x.name) then
        warnings[#warnings + 1] = ("%s: %s"):format(showpath(b .. x.name), x.reason)
      end
    end
  end
  collect(dir, base)
  table.sort(found)
  compat.move(found, 1, #found, #out + 1, out)
end

-- pages read and parsed by one call of core.load
local BATCH = 128

local CORPUS_OPTS = { progress = true, entities = true, max_page_size = true }

--- Loads many pages as one Corpus.
-- @tparam {string|Document,...} list paths of pages, folders (read
--   recursively; their `.htm`, `.html` and `.txt` files, sorted by path)
--   and Documents, in the order the corpus keeps them
-- @tparam[opt] table opts `progress`: a function called as
--   `progress(done, total)` after each page is loaded (or fails);
--   `entities`: a catalogue for the Documents made from pages, as for
--   `parse`; `max_page_size`: the largest file read as a page, in bytes
--   (default 64 MB, 175 times the largest page of the archive's sample);
--   a larger one is a warning, refused unread
-- @treturn Corpus the corpus; pages that failed are in `c.warnings`;
--   `c.paths[i]` is the path the i-th Document was read from (`false` for
--   a Document given in the list)
-- @usage local c = ll.corpus({"../shared/corpus/mia-lenin"})
-- print(#c, c:count("soviet*"), #c.warnings)
function M.new(list, opts)
  if type(list) ~= "table" or document.is(list) then
    argerror(1, "corpus", ("table expected, got %s"):format(typename(list)))
  end
  if opts ~= nil and type(opts) ~= "table" then
    argerror(2, "corpus", ("table expected, got %s"):format(typename(opts)))
  end
  opts = opts or {}
  for k in pairs(opts) do
    if not CORPUS_OPTS[k] then argerror(2, "corpus", ("unknown option '%s'"):format(tostring(k))) end
  end
  local progress = opts.progress
  if progress ~= nil and type(progress) ~= "function" then
    argerror(2, "corpus", ("opts.progress must be a function, got %s"):format(typename(progress)))
  end
  local maxsize = opts.max_page_size
  if maxsize ~= nil and (math.type(maxsize) ~= "integer" or maxsize < 1) then
    argerror(2, "corpus", ("opts.max_page_size must be a positive integer, got %s"):format(
      math.type(maxsize) and tostring(maxsize) or typename(maxsize)))
  end
  local wrapopts = { entities = opts.entities }
  -- what to load, in order
  local items, warnings = {}, {}
  for i = 1, #list do
    local v = list[i]
    if type(v) == "string" then
      local kind = core.pathkind(v)
      if kind == "folder" then
        walk(v, items, warnings)
      else
        items[#items + 1] = v  -- a file, or a path whose failure is a warning
      end
    elseif document.is(v) then
      items[#items + 1] = v
    else
      argerror(1, "corpus", ("list[%d] must be a path or a Document, got %s"):format(i, typename(v)))
    end
  end
  local uds, docs, paths, total = {}, {}, {}, #items
  local at = 1
  while at <= total do
    local v = items[at]
    if type(v) == "string" then
      -- a run of paths, read and parsed in C (on two threads where there
      -- are two cores), BATCH at a time so that progress follows the pages
      local run = {}
      while #run < BATCH and type(items[at + #run]) == "string" do run[#run + 1] = items[at + #run] end
      local res = core.load(run, maxsize)
      for k, path in ipairs(run) do
        local r = res[k]
        if type(r) == "string" then
          warnings[#warnings + 1] = ("%s: %s"):format(showpath(path), r)
        else
          uds[#uds + 1] = r
          paths[#uds] = path
        end
        if progress then progress(at + k - 1, total) end
      end
      at = at + #run
    else
      uds[#uds + 1] = document.core(v, "corpus")
      docs[#uds] = v
      paths[#uds] = false
      if progress then progress(at, total) end
      at = at + 1
    end
  end
  local c = setmetatable({ warnings = warnings, paths = paths }, Corpus)
  state[c] = { cx = core.corpus(uds), uds = uds, docs = docs, opts = wrapopts }
  if not TABLE_LEN then
    for i = 1, #uds do rawset(c, i, Corpus.__index(c, i)) end
  end
  return c
end

-- ------------------------------------------------------------------
-- Options (as a Document's; see leninletter.query)
-- ------------------------------------------------------------------

local SCOPE_MSG = 'opts.scope must be "body", "notes" or "all"'

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

local function stoplist(opts, argn, fname)
  local s = opts.stoplist
  if s == nil or s == false then return nil end
  if s == true then return query.stopwords() end
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

-- The query as the C side takes it: the string, or for an LPeg pattern the
-- word ids of the corpus's one vocabulary whose normal form it matches whole.
local function getquery(st, q, argn, fname)
  if type(q) == "string" then return q end
  if lpeg and lpeg.type(q) == "pattern" then
    local vocab = st.vocab
    if not vocab then
      vocab = st.cx:cx_vocab()
      st.vocab = vocab
    end
    return query.matchvocab(q, vocab)
  end
  argerror(argn, fname, ("string or LPeg pattern expected, got %s"):format(typename(q)))
end

local function check(res, why, fname)
  if res == nil then argerror(1, fname, why) end
  return res
end

local QUERY_OPTS = { scope = true, stem = true }
local CONC_OPTS = { scope = true, stem = true, width = true, sort = true }

-- ------------------------------------------------------------------
-- Queries
-- ------------------------------------------------------------------

--- Counts the matches of a query in every document.
-- @param query a string (word, phrase, `prefix*`) or an LPeg pattern
-- @tparam[opt] table opts `scope`, `stem`, as for `Document:count`
-- @treturn integer the number of hits
-- @usage print(c:count("Soviet", {scope = "all"}))
function Corpus:count(q, opts)
  local st = priv(self, "count")
  opts = checkopts(opts, 2, "count", QUERY_OPTS)
  local n, why = st.cx:cx_count(getquery(st, q, 1, "count"), document.scopearg(opts), opts.stem)
  return check(n, why, "count")
end

--- Finds the matches of a query: Hits as a Document's, each with `doc`.
-- @param query a string or an LPeg pattern
-- @tparam[opt] table opts `scope`, `stem`
-- @treturn {Hit,...} document by document, in document order
-- @usage for _, h in ipairs(c:find("Black Hundreds")) do
--   print(c[h.doc].title, h.paragraph, h.text)
-- end
function Corpus:find(q, opts)
  local st = priv(self, "find")
  opts = checkopts(opts, 2, "find", QUERY_OPTS)
  local hits, why = st.cx:cx_find(getquery(st, q, 1, "find"), document.scopearg(opts), opts.stem)
  return check(hits, why, "find")
end

--- A concordance over every document: Hits with `left`, `match`, `right`
-- and `doc`, as `Document:concordance`; `sort = "left"` or `"right"`
-- orders all the lines together, lines with equal keys in corpus order.
-- @param query a string or an LPeg pattern
-- @tparam[opt] table opts `scope`, `stem`, `width` (default 40), `sort`
-- @treturn {Hit,...} the lines
-- @usage for _, l in ipairs(c:concordance("soviet", {width = 30})) do
--   print(l.doc, l.left, l.match, l.right)
-- end
function Corpus:concordance(q, opts)
  local st = priv(self, "concordance")
  opts = checkopts(opts, 2, "concordance", CONC_OPTS)
  local width = intopt(opts, "width", 0, 40, 2, "concordance")
  local sort = choiceopt(opts, "sort", { "position", "left", "right" }, 2, "concordance")
  local hits, why = st.cx:cx_find(getquery(st, q, 1, "concordance"), document.scopearg(opts),
    opts.stem, width, sort)
  return check(hits, why, "concordance")
end

--- The words of all documents with their counts.
-- @tparam[opt] table opts `scope`, `stoplist`, `min`, as for `Document:frequencies`
-- @treturn {{word=string,count=integer},...} count descending, then word
-- @usage for i, f in ipairs(c:frequencies({stoplist = true, min = 100})) do print(f.word, f.count) end
function Corpus:frequencies(opts)
  local st = priv(self, "frequencies")
  opts = checkopts(opts, 1, "frequencies", { scope = true, stoplist = true, min = true })
  local min = intopt(opts, "min", 1, 1, 1, "frequencies")
  local stop = stoplist(opts, 1, "frequencies")
  return st.cx:cx_frequencies(document.scopearg(opts), min, stop)
end

--- N-grams of all documents (never across blocks or documents).
-- @int n words in each n-gram, 1 to 16
-- @tparam[opt] table opts `scope`, `min`
-- @treturn {{ngram=string,count=integer},...} count descending, then ngram
-- @usage for _, g in ipairs(c:ngrams(3, {min = 20})) do print(g.ngram, g.count) end
function Corpus:ngrams(n, opts)
  local st = priv(self, "ngrams")
  local i = math.type(n) == "float" and math.tointeger(n) or n
  if math.type(i) ~= "integer" or i < 1 or i > 16 then
    argerror(1, "ngrams", ("n must be an integer from 1 to 16, got %s"):format(
      type(n) == "number" and tostring(n) or typename(n)))
  end
  opts = checkopts(opts, 2, "ngrams", { scope = true, min = true })
  local min = intopt(opts, "min", 1, 1, 2, "ngrams")
  return st.cx:cx_ngrams(i, document.scopearg(opts), min)
end

--- Collocates of a query over all documents: the span, its size R, the
-- word's count in the span O, its count C and the scope's size N are
-- summed over the documents, then scored as `Document:collocates` does.
-- @param query a string or an LPeg pattern
-- @tparam[opt] table opts `scope`, `stem`, `window`, `measure`, `min`, `stoplist`
-- @treturn {{word=string,count=integer,score=number},...}
-- @usage for _, x in ipairs(c:collocates("soviet", {min = 5})) do print(x.word, x.score) end
function Corpus:collocates(q, opts)
  local st = priv(self, "collocates")
  opts = checkopts(opts, 2, "collocates",
    { scope = true, stem = true, window = true, measure = true, min = true, stoplist = true })
  local window = intopt(opts, "window", 1, 5, 2, "collocates")
  local measure = choiceopt(opts, "measure", { "llr", "mi", "t" }, 2, "collocates")
  local min = intopt(opts, "min", 1, 1, 2, "collocates")
  local stop = stoplist(opts, 2, "collocates")
  local res, why = st.cx:cx_collocates(getquery(st, q, 1, "collocates"), document.scopearg(opts),
    opts.stem, window, measure, min, stop)
  return check(res, why, "collocates")
end

return M
