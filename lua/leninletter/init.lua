--- leninletter: Lenin's 1905 letter, and any page of the Marxists Internet
-- Archive, as a structured document to study from Lua.
--
--    local ll = require "leninletter"
--    local doc = ll.letter()
--    print(doc.title, #doc.paragraphs, #doc.notes)
--
-- Errors: misuse (a wrong argument type) raises the usual
-- `bad argument #N to 'name' (...)` error; what a caller must expect to go
-- wrong (text that is not UTF-8, empty input, a file that cannot be read)
-- returns `nil, message`, the message saying what and where.
-- @module leninletter

local core = require "leninletter.core"
local document = require "leninletter.document"
require "leninletter.query"
-- (leninletter.corpus and leninletter.index are loaded by the first
-- corpus or index call: a script about one page compiles neither)
local entities = require "leninletter.entities"
require "leninletter.dates"
require "leninletter.errata"

local M = {}

--- The module's version, as "leninletter X.Y.Z".
M._VERSION = "leninletter 0.1.0"

local checktype = document.checktype

-- The options of parse, open and letter: `entities` only.
local DOC_OPTS = {
  entities = function(v, argn, fname) entities.check(v, argn, fname) end,
}

-- Reads the options of parse, open and letter: an unknown key (such as
-- `entity` for `entities`) raises.
local function checkopts(opts, argn, fname)
  return document.checkopts(opts, argn, fname, DOC_OPTS)
end

--- The letter compiled into the module, as a new Document. No file is read.
-- Each call gives a fresh Document: changing one never changes another.
-- @tparam[opt] table opts options as for `parse` (the built-in entity catalogue is used
--   unless `opts.entities` gives another)
-- @treturn Document
-- @usage local doc = ll.letter()
-- assert(doc.title == "Our Tasks and the Soviet of Workers’ Deputies")
function M.letter(opts)
  opts = checkopts(opts, 1, "letter")
  return document.wrap(core.letter(), opts, true)
end

--- Parses a page of the Marxists Internet Archive: its plain-text form, or
-- the page's HTML as marxists.org serves it. Besides the text, the
-- Document reads `source` (the Source field in parts, `volume` an integer,
-- `issue` what follows it), `first_page` (the page the text starts on),
-- markers (a bracketed number is one only when the page has that note, or
-- in HTML links to one; a header field's marker is a ref with `part =
-- "meta"` and `field`), each note's `by` (`"editor"`, `"author"` or nil) and
-- `citations` (see `Document:citations`).
-- @string text the page
-- @tparam[opt] table opts `entities`: a catalogue (as `catalogue()` returns) to find
--   entities with
-- HTML is read by the C module `leninletter.html` (libxml2's only user),
-- which is required the first time a page is HTML: a program that reads
-- none never loads libxml2.
-- @treturn Document|nil the document, or nil and a message for text that is not
--   UTF-8 (naming the line and byte) or is empty or blank, or for HTML when
--   `leninletter.html` cannot be loaded (the message names it)
-- @treturn string the message, on failure
-- @usage local doc, err = ll.parse(io.read("*a"))
-- if not doc then io.stderr:write(err, "\n") end
function M.parse(text, opts)
  checktype(text, "string", 1, "parse")
  opts = checkopts(opts, 2, "parse")
  local ud, err = core.parse(text)
  if not ud then return nil, err end
  return document.wrap(ud, opts)
end

--- The letter's entity catalogue (the one `letter()` uses), a fresh deep
-- copy on every call: an array of entries `{id, name, type, aliases, note,
-- description}`, in order of first mention in the letter. Give it, changed
-- or not, as `opts.entities` to `parse` or `open`.
-- @treturn table the catalogue
-- @usage local cat = ll.catalogue()
-- table.insert(cat, {id = "trotsky", name = "Trotsky", type = "person", aliases = {}})
-- local doc = ll.parse(text, {entities = cat})
function M.catalogue()
  return entities.catalogue()
end

--- Proposes catalogue entries for a page or a corpus, for a user to
-- curate: the names it writes with capitals, their variants grouped and
-- counted, each with a guessed type (see `leninletter.entities.propose`).
-- Give the result, checked and changed, as `opts.entities`.
-- @param source a Document or a Corpus
-- @tparam[opt] table opts `min` (least count, default 2), `scope` (default `"all"`)
-- @treturn {table,...} entries `{id, name, type, aliases, count, docs, guessed}`
-- @usage local cat = ll.propose(ll.open("page.htm"), {min = 3})
-- local doc = ll.open("page.htm", {entities = cat})
function M.propose(source, opts)
  return entities.propose(source, opts)
end

--- Reads a file, then parses it as `parse` does. Only a regular file is
-- read: a folder, a FIFO (which would wait for a writer), a device or a
-- socket gives nil and a message saying what it is.
-- @string path the file's path
-- @tparam[opt] table opts as for `parse`
-- @treturn Document|nil the document, or nil and a message naming the path
-- @treturn string the message, on failure
-- @usage local doc, err = ll.open("18gvp.htm")
function M.open(path, opts)
  checktype(path, "string", 1, "open")
  opts = checkopts(opts, 2, "open")
  -- read and parsed in C, the page's bytes freed before the Document is
  -- made (no Lua string of them: issue #16's 60 MB page)
  local ud, err, kind = core.openpage(path)
  if not ud then
    if kind == "read" then return nil, err end
    return nil, ("%s: %s"):format(path, err)
  end
  return document.wrap(ud, opts)
end

--- Many pages at once, as one Corpus: `#c` documents, `c[i]` the i-th
-- Document, and the queries of a Document (`count`, `find`,
-- `concordance`, `frequencies`, `ngrams`, `collocates`) over all of them,
-- every Hit carrying `doc`, the index of its Document; `c.paths[i]` is
-- the path the i-th Document was read from (`false` for one given).
-- A page that cannot be read or parsed is listed in `c.warnings` as
-- `"path: reason"` and the rest go on; misuse (a list that is not a
-- table, an item neither a path nor a Document, an unknown option) raises.
-- @tparam {string|Document,...} list paths of pages (HTML or plain text),
--   folders (read recursively: their `.htm`, `.html` and `.txt` files,
--   sorted by path) and Documents, kept in the order given
-- @tparam[opt] table opts `progress`: `function(done, total)` called as
--   pages load; `entities`: a catalogue, as for `parse`
-- @treturn Corpus the corpus (see `leninletter.corpus`)
-- @usage local c = ll.corpus({"../shared/corpus/mia-lenin", ll.letter()}, {
--   progress = function(done, total) io.stderr:write(done, "/", total, "\r") end,
-- })
-- for _, l in ipairs(c:concordance("soviet", {width = 30})) do
--   print(c[l.doc].title, l.left, l.match, l.right)
-- end
function M.corpus(list, opts)
  if type(list) == "string" then return require("leninletter.index").open(list, opts) end
  return require("leninletter.corpus").new(list, opts)
end

--- Writes an index file: every page's parsed document and the corpus
-- word index, in one file that `corpus(path)` opens again (mapped, not
-- parsed) as the same Corpus. See `leninletter.index`.
-- @tparam {string|Document,...} list as for `corpus`
-- @string path the file to write (written beside it, then renamed)
-- @tparam[opt] table opts `progress`, as for `corpus`; `update = true`
--   parses again only the pages whose files changed since `path` was
--   written; `batch`: pages held in memory at once (default 128)
-- @treturn true|nil true, or nil and a message
-- @treturn string the message, on failure
-- @usage assert(ll.index({"../shared/corpus/mia-lenin"}, "/tmp/lenin.llx"))
-- local c = assert(ll.corpus("/tmp/lenin.llx"))
-- print(#c, c:count("soviet"), #c:stale())
function M.index(list, path, opts)
  return require("leninletter.index").write(list, path, opts)
end

return M
