--- Index files: a corpus parsed once, written to one file, and opened
-- again in milliseconds.
--
-- `ll.index(list, path [, opts])` reads the pages of `list` (paths,
-- folders and Documents, as `ll.corpus`) and writes every page's parsed
-- document and the corpus word index to `path`. `ll.corpus(path)` opens
-- such a file: the file is mapped, not read or parsed; a query reads the
-- word index where the query leads (the postings of its words, the
-- tokens and text around its hits), and a page's Document is made from
-- its record only when `c[i]` (or a hit on it) asks. Every query gives
-- what the same corpus loaded from its pages gives.
--
-- **Safe on disk.** The file is written beside `path` under a temporary
-- name and renamed into place when whole, so a crash never leaves a half
-- written index under the name; an existing index stays readable by the
-- processes that have it open, however many. Opening costs the same
-- however large the corpus (but for its vocabulary): it checks the header,
-- the format's version, the file's size, the section table and its
-- checksum, the small sections' checksums (counts, vocabulary, warnings)
-- and unpacks the vocabulary: a truncated, foreign or newer file, or one
-- corrupted there, gives `nil, message`. The rest is checked when a query
-- first reaches it, once: a segment's entries, token starts and word ids
-- before its tokens are read, a word's postings as they are read, a page's
-- record (checksum, text) before its text is read or `c[i]` makes it. What
-- a query finds corrupted raises an error naming the file and the page
-- (`PATH: index file corrupted: page 3's entries`); `c:check()` checks
-- everything opening leaves.
--
-- **Changed pages.** The size, modification time and a checksum of the
-- bytes of every page's file are kept: `c:stale()` lists the pages whose
-- files changed (a new time with the same bytes is no change), and
-- `ll.index(list, path, {update = true})` parses only those (and new
-- pages), taking the others from the existing file.
--
-- The format is described in `csrc/lib/llstore.c`.
-- @module leninletter.index

local core = require "leninletter.core"  -- the index files' functions (csrc/binding/lindex.c)
local document = require "leninletter.base"  -- leninletter.document but wrap: a query needs no more (#16)
-- leninletter.corpus's lean part (the class, make): opening an index
-- file needs no more (#16)
local corpus = require "leninletter.corpusbase"
-- the entity layer (and its catalogue) is loaded when first used: a query
-- such as a concordance over an index file never needs it (issue #16)
local entities = setmetatable({}, { __index = function(t, k)
  local m = require "leninletter.entities"
  setmetatable(t, { __index = m })
  return m[k]
end })

local M = {}

-- the corpora of index files opened here: Corpus -> its core handle
local opened = setmetatable({}, { __mode = "k" })

--- Writes an index file of many pages.
-- @tparam {string|Document,...} list paths of pages, folders (read
--   recursively) and Documents, as for `ll.corpus`
-- @string path the index file to write (replaced when whole)
-- @tparam[opt] table opts `progress`: `function(done, total)` called as
--   pages are read; `update = true`: take the pages whose files have not
--   changed since `path` was written from it instead of parsing them
--   again; `batch`: pages parsed and held in memory at once (default 128:
--   memory stays bounded however large the corpus)
-- @treturn true|nil true, or nil and a message when the file cannot be
--   written (pages that cannot be read are kept as warnings, as
--   `ll.corpus` keeps them)
-- @treturn string the message, on failure
-- @usage assert(ll.index({"../shared/corpus/mia-lenin"}, "lenin.llx"))
-- local c = ll.corpus("lenin.llx")
-- print(#c, c:count("soviet"))
function M.write(list, path, opts)
  -- (leninletter.indexwrite, loaded when an index file is first written)
  return require "leninletter.indexwrite"(list, path, opts)
end

--- Opens an index file as a Corpus (what `ll.corpus(path)` does).
-- @string path the file
-- @tparam[opt] table opts `entities`: a catalogue for the Documents made
-- @treturn Corpus|nil the corpus, or nil and a message
-- @treturn string the message, on failure
-- @usage local c = assert(ll.corpus("lenin.llx"))
function M.open(path, opts)
  opts = document.checkopts(opts, 2, "corpus", { entities = true })
  local cat = opts.entities and entities.check(opts.entities, 2, "corpus") or nil
  local cx, err = core.index_open(path)
  if not cx then return nil, err end
  -- c.paths is made when first asked for: a query reads its hits' paths
  local c = corpus.make(cx, #cx, function(i) return cx:cx_path(i) end, cx:cx_warnings(),
    { entities = opts.entities }, cat)
  opened[c] = cx
  return c
end

--- The path page `i` of a Corpus was read from (`false` for none): `c.paths[i]`,
-- without making `c.paths` (every page's path) for an index file's corpus.
-- @tparam Corpus c the corpus
-- @int i the page
-- @treturn string|false the path
-- @usage print(require("leninletter.index").path(ll.corpus("lenin.llx"), 1))
function M.path(c, i)
  local cx = opened[c]
  if cx ~= nil and rawget(c, "paths") == nil then
    if type(i) ~= "number" or i % 1 ~= 0 or i < 1 or i > #cx then return nil end
    return cx:cx_path(i)
  end
  return c.paths[i]
end

--- The folder the paths of every page of a Corpus start with (ending in
-- `/`, or `""`), or nil when no page has a path: the command line labels
-- each page by its path under it.
-- @tparam Corpus c the corpus
-- @treturn string|nil the folder
-- @usage print(require("leninletter.index").common(ll.corpus("lenin.llx")))
function M.common(c)
  if opened[c] ~= nil then return opened[c]:cx_common() end
  local common
  for i = 1, #c do
    local p = c.paths[i]
    if p then
      if common == nil then
        common = p:match("^(.*/)") or ""
      else
        while p:find(common, 1, true) ~= 1 do common = common:match("^(.*/)[^/]*/$") or "" end
      end
    end
  end
  return common
end

local Corpus = corpus.Corpus

--- The pages whose files changed (or are gone) since the index file was
-- written: their paths, in corpus order. A file changed when its size
-- differs, or its modification time and its bytes do: the index keeps a
-- checksum of each page's bytes, so pages unpacked or checked out again
-- with the same bytes are not stale (only those whose time changed are
-- read to know it). A corpus loaded from its pages, not from an index
-- file, has none.
-- @treturn {string,...} the paths
-- @usage for _, p in ipairs(c:stale()) do print("changed: " .. p) end
function Corpus:stale()
  local cx = corpus.cx(self, "stale")
  local out = {}
  if cx.cx_stale == nil then return out end
  local ok, list = pcall(cx.cx_stale, cx)
  if not ok then return out end
  for _, i in ipairs(list) do out[#out + 1] = self.paths[i] end
  return out
end

--- Checks everything opening an index file left to the queries: every
-- section's checksum, every page's entries and record. `true`, or nil and
-- a message ("PATH: index file corrupted: ..."). A corpus loaded from its
-- pages is always whole.
-- @treturn true|nil
-- @treturn string the message, on failure
-- @usage assert(ll.corpus("lenin.llx"):check())
function Corpus:check()
  local cx = corpus.cx(self, "check")
  local ok, res, err = pcall(cx.cx_check, cx)
  if not ok or res then return true end  -- whole, or not an index file's corpus
  return nil, err
end

return M
