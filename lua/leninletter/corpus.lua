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
local document = require "leninletter.document"
local query = require "leninletter.query"
local entities = require "leninletter.entities"

local argerror = document.argerror
local typename = document.typename

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

-- Appends the pages under folder dir to out, sorted by path.
local function walk(dir, out, warnings)
  local base = dir:sub(-1) == "/" and dir or dir .. "/"
  local found = {}
  local function collect(d, b)
    local list, e = document.listdir(d)
    if not list then
      warnings[#warnings + 1] = e
      return
    end
    for _, n in ipairs(list) do
      if n:sub(-1) == "/" then
        collect(b .. n:sub(1, -2), b .. n)
      elseif pageext(n) then
        found[#found + 1] = b .. n
      end
    end
  end
  collect(dir, base)
  table.sort(found)
  compat.move(found, 1, #found, #out + 1, out)
end

-- pages read and parsed by one call of document.readpages
local BATCH = 128

local CORPUS_OPTS = {
  progress = document.check.func,
  entities = function(v, argn, fname) entities.check(v, argn, fname) end,
}

--- Loads many pages as one Corpus.
-- @tparam {string|Document,...} list paths of pages, folders (read
--   recursively; their `.htm`, `.html` and `.txt` files, sorted by path)
--   and Documents, in the order the corpus keeps them
-- @tparam[opt] table opts `progress`: a function called as
--   `progress(done, total)` after each page is loaded (or fails);
--   `entities`: a catalogue for the Documents made from pages, as for
--   `parse`
-- @treturn Corpus the corpus; pages that failed are in `c.warnings`;
--   `c.paths[i]` is the path the i-th Document was read from (`false` for
--   a Document given in the list)
-- @usage local c = ll.corpus({"../shared/corpus/mia-lenin"})
-- print(#c, c:count("soviet*"), #c.warnings)
function M.new(list, opts)
  if type(list) ~= "table" or document.is(list) then
    argerror(1, "corpus", ("table expected, got %s"):format(typename(list)))
  end
  opts = document.checkopts(opts, 2, "corpus", CORPUS_OPTS)
  local progress = opts.progress
  local wrapopts = { entities = opts.entities }
  -- what to load, in order
  local items, warnings = {}, {}
  for i = 1, #list do
    local v = list[i]
    if type(v) == "string" then
      local kind = document.pathkind(v)
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
      local res = document.readpages(run)
      for k, path in ipairs(run) do
        local r = res[k]
        if type(r) == "string" then
          warnings[#warnings + 1] = ("%s: %s"):format(path, r)
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
  state[c] = { cx = document.corpushandle(uds), uds = uds, docs = docs, opts = wrapopts,
    titles = {} }
  if not TABLE_LEN then
    for i = 1, #uds do rawset(c, i, Corpus.__index(c, i)) end
  end
  return c
end

-- ------------------------------------------------------------------
-- Queries: a Document's methods (leninletter.query), run on the corpus
-- ------------------------------------------------------------------

local CX_OPS = { count = "cx_count", find = "cx_find", vocab = "cx_vocab",
  frequencies = "cx_frequencies", ngrams = "cx_ngrams", collocates = "cx_collocates",
  dispersion = "cx_dispersion", counts = "cx_counts", sizes = "cx_sizes",
  keywords = "cx_keywords" }

-- The title of page i, read once (without making its Document).
local function title(st, i)
  local t = st.titles[i]
  if t == nil then
    t = st.uds[i]:title() or false
    st.titles[i] = t
  end
  return t or nil
end

--- The title of page i (`c[i].title`, read without making the Document),
-- or nil.
-- @int i the page's index
-- @treturn string|nil the title
-- @usage print(c:title(1))
function Corpus:title(i)
  local st = priv(self, "title")
  if math.type(i) ~= "integer" or i < 1 or i > #st.uds then
    argerror(1, "title", ("page index from 1 to %d expected, got %s"):format(#st.uds,
      document.shown(i)))
  end
  return title(st, i)
end

query.install(Corpus, {
  resolve = function(c, fname) return priv(c, fname).cx, CX_OPS end,
  -- every Hit also says which page it is in: its path and title
  after = function(c, hits)
    local st = state[c]
    for _, h in ipairs(hits) do
      h.path = c.paths[h.doc] or nil
      h.title = title(st, h.doc)
    end
  end,
}, { "count", "find", "concordance", "frequencies", "ngrams", "collocates", "dispersion",
  "counts", "sizes", "keywords" })

return M
