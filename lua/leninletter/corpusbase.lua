--- The lean part of `leninletter.corpus`: the Corpus class, a Corpus
-- made of a core corpus handle (`make`, as `leninletter.index` opens an
-- index file), its pages, titles and queries.
--
-- Internal module. `leninletter.corpus` is this module's table with the
-- rest added (`new`, `items`, `pathdate`, and a Corpus's `entities`,
-- `entity`, `mentions`, `dates`, `bydate`): a query over an index file
-- (`leninletter kwic QUERY --index FILE`) compiles none of that (issue
-- #16). A Corpus asked for a method this part lacks loads the rest first,
-- so every Corpus has every method however it was made.
-- @module leninletter.corpusbase
-- @local

local compat = require "leninletter.compat"  -- Lua 5.1 to 5.4 and LuaJIT
local math = compat.math
local document = require "leninletter.base"  -- leninletter.document but wrap: a query needs no more (#16)
local query = require "leninletter.query"
local argerror = document.argerror
local typename = document.typename

local M = {}

--- The method table of every Corpus.
local Corpus = {}
Corpus.__name = "leninletter.Corpus"
M.Corpus = Corpus

-- corpus table -> its private state {cx, n, uds, docs, opts, ...}; the uds
-- of an index file's corpus are made from its records as they are asked
-- for (leninletter.index)
local state = setmetatable({}, { __mode = "k" })

-- leninletter.corpus (the rest of the class) asked for
local rest = false

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
    if st == nil or k < 1 or k > st.n then return nil end
    local doc = st.docs[k]
    if doc == nil then
      -- (leninletter.document, which makes Documents, loaded when a page
      -- is first asked for)
      doc = require("leninletter.document").wrap(st.uds[k], st.opts)
      st.docs[k] = doc
    end
    return doc
  end
  if k == "paths" then
    -- an index file's: every page's path, made when first asked for (a
    -- query reads only its hits' pages' paths: pathof below)
    local st = state[c]
    if st ~= nil and st.pathof ~= nil then
      local paths = {}
      for i = 1, st.n do paths[i] = st.pathof(i) end
      rawset(c, "paths", paths)
      return paths
    end
  end
  local v = Corpus[k]
  if v == nil and not rest and type(k) == "string" then
    -- a method of the rest of the class (c:entities(), c:dates(), ...):
    -- leninletter.corpus adds them when loaded
    rest = true
    require "leninletter.corpus"
    v = Corpus[k]
  end
  return v
end

-- the path of page i of c (false for none), without making c.paths
local function pathof(c, st, i)
  local paths = rawget(c, "paths")
  if paths ~= nil or st.pathof == nil then return c.paths[i] end
  return st.pathof(i)
end

function Corpus.__len(c)
  return priv(c, "__len").n
end

-- Lua 5.1 and LuaJIT never call __len on a table: there `#c` counts the
-- array part, so a corpus fills it at once, with Documents made when they
-- are first used (leninletter.base's defer).
local TABLE_LEN = #setmetatable({}, { __len = function() return 1 end }) == 1

function Corpus.__tostring(c)
  return ("leninletter.Corpus (%d documents)"):format(priv(c, "tostring").n)
end

--- Makes a Corpus of a core corpus handle (for `leninletter.index` too).
-- @param cx the core corpus handle
-- @int n its number of pages
-- @tparam {string,...}|function paths as `c.paths`, or a function of i
--   giving the i-th (then `c.paths` is made when first asked for)
-- @tparam {string,...} warnings as `c.warnings`
-- @tab opts the options of the Documents made
-- @tparam[opt] table cat the checked catalogue, or nil
-- @tparam[opt] table uds the pages' C documents (nil: made from cx as asked
--   for, `cx:cx_page(i)`)
-- @tparam[opt] table docs the Documents given as such, by index
-- @return Corpus
-- @usage -- as leninletter.index opens an index file:
-- local cx = require("leninletter.core").index_open(path)
-- local paths = cx:cx_pages()
-- local c = require("leninletter.corpus").make(cx, #paths, paths, cx:cx_warnings(), {})
function M.make(cx, n, paths, warnings, opts, cat, uds, docs)
  local fromcx = uds == nil
  if uds == nil then
    uds = setmetatable({}, { __index = function(t, i)
      if math.type(i) ~= "integer" or i < 1 or i > n then return nil end
      local ud = cx:cx_page(i)
      rawset(t, i, ud)
      return ud
    end })
  end
  local pathfn = type(paths) == "function" and paths or nil
  local c = setmetatable({ warnings = warnings, paths = not pathfn and paths or nil }, Corpus)
  state[c] = { cx = cx, n = n, uds = uds, docs = docs or {}, opts = opts,
    titles = {}, cat = cat, ents = {}, fromcx = fromcx, pathof = pathfn }
  if not TABLE_LEN then
    -- every page in the array part now, each made when first used, from
    -- its C document (an index file's from its record then: a record found
    -- corrupted raises there, as c[i] raises it on Lua 5.2 and later), and
    -- only then in st.docs, as c[i] puts it there on 5.2 and later. (fill
    -- holds nothing that holds the page while it waits: a weak key's value
    -- is strong in Lua 5.1, and a path back to the page would keep every
    -- corpus forever.)
    local made, cuds = state[c].docs, state[c].uds
    for i = 1, n do
      local doc = made[i]
      if doc == nil then
        doc = document.defer({}, function(d)
          require("leninletter.document").wrap(cuds[i], opts, false, d)
          made[i] = d
        end)
      end
      rawset(c, i, doc)
    end
  end
  return c
end

--- The core corpus handle of a Corpus (for `leninletter.index`).
-- @param c the Corpus
-- @string fname the caller's public name, for errors
-- @return the handle
-- @usage local cx = require("leninletter.corpus").cx(c, "stale")
function M.cx(c, fname)
  return priv(c, fname).cx
end

-- ------------------------------------------------------------------
-- Queries: a Document's methods (leninletter.query), run on the corpus
-- ------------------------------------------------------------------

local CX_OPS = { count = "cx_count", find = "cx_find", vocab = "cx_vocab",
  frequencies = "cx_frequencies", ngrams = "cx_ngrams", collocates = "cx_collocates",
  dispersion = "cx_dispersion", counts = "cx_counts", sizes = "cx_sizes",
  keywords = "cx_keywords" }

-- The title of page i, read once (without making its Document; a page of
-- an index file not yet made as a Document reads it from the page its
-- hits made, not from a copy of its own)
local function title(st, i)
  local t = st.titles[i]
  if t == nil then
    if st.fromcx and rawget(st.uds, i) == nil then
      t = st.cx:cx_title(i) or false
    else
      t = st.uds[i]:title() or false
    end
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
  if math.type(i) ~= "integer" or i < 1 or i > st.n then
    argerror(1, "title", ("page index from 1 to %d expected, got %s"):format(st.n,
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
      h.path = pathof(c, st, h.doc) or nil
      h.title = title(st, h.doc)
    end
  end,
}, { "count", "find", "concordance", "frequencies", "ngrams", "collocates", "dispersion",
  "counts", "sizes", "keywords" })


-- what leninletter.corpus, the rest of the class, reaches of a Corpus:
-- its private state (and the check of one), a page's title and path
function M._private()
  return state, priv, title, pathof
end

return M
