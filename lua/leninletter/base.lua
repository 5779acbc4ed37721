--- The lean part of `leninletter.document`: the Document class's
-- method table and the C documents behind Documents, the one option
-- checker of the module, and the one door from the Lua modules to the C
-- core.
--
-- Internal module. `leninletter.document` is this module's table with
-- what makes and describes Documents added (`wrap`, `onwrap`, a
-- Document's `note`, `citations`, `sentences`): a query over an index
-- file (`leninletter kwic QUERY --index FILE`) checks its options and
-- reaches the C core through this part alone, and compiles none of the
-- rest (issue #16). Every name here is also `leninletter.document`'s.
--
-- **Options.** Every public function checks its options table with
-- `checkopts` (a table or nil; an unknown key raises
-- `bad argument #N to 'name' (unknown option 'x')`) and reads typed options
-- with `intopt`, `choiceopt` and the validators in `check`.
--
-- **The C core.** `leninletter.corpus` and `leninletter.quiz` reach the
-- C core only through the functions here (`readpages`, `listdir`,
-- `pathkind`, `corpushandle`, `generator`), so what they need from C is
-- listed in one place.
-- @module leninletter.base
-- @local

local compat = require "leninletter.compat"  -- Lua 5.1 to 5.4 and LuaJIT
local math = compat.math
local core = require "leninletter.core"
local M = {}

--- The method table of every Document.
local Document = {}
Document.__name = "leninletter.Document"
M.Document = Document

-- document table -> its C document (userdata); weak so both die together
local cores = setmetatable({}, { __mode = "k" })

-- Fields made only when first read (a 60 MB page's paragraphs are 120 MB
-- of Lua strings and tables that a count never reads): name -> function
-- of the C document giving the value, which is then kept in the Document.
local lazy = {
  paragraphs = function(ud) return ud:paragraphs() end,
}

-- Documents not made yet (Lua 5.1 and LuaJIT: a Corpus's pages, see
-- leninletter.corpusbase): document table -> function filling it in. Such
-- a table has the metatable Deferred, whose every use makes it, so a made
-- Document's lookups (Document.__index) never ask for it.
local deferred = setmetatable({}, { __mode = "k" })
local Deferred = { __name = Document.__name }

-- Makes a deferred Document now, in place: its table becomes the Document
-- (no metatable while it is filled, as a new one has none). An error leaves
-- it deferred, so that every later use raises it again.
local function undefer(doc)
  local fill = deferred[doc]
  deferred[doc] = nil
  setmetatable(doc, nil)
  local ok, err = pcall(fill, doc)
  if not ok then
    setmetatable(doc, Deferred)
    deferred[doc] = fill
    error(err, 0)
  end
end

function Deferred.__index(doc, k)
  undefer(doc)
  return doc[k]
end

function Deferred.__newindex(doc, k, v)
  undefer(doc)
  doc[k] = v
end

-- A Document's methods, and its lazy fields on first reading.
function Document.__index(doc, k)
  local m = Document[k]
  if m ~= nil then return m end
  local make = lazy[k]
  local ud = make and cores[doc]
  if ud == nil then return nil end
  local v = make(ud)
  rawset(doc, k, v)
  return v
end

--- The C document behind a Document, or an error naming the argument.
-- @param doc a Document
-- @param fname the public function's name, for the message
-- @param argn the argument's position (default 1, the `self`)
-- @usage local document = require "leninletter.document"
-- local ud = document.core(require("leninletter").letter(), "count")
function M.core(doc, fname, argn)
  local ud = cores[doc]
  if ud == nil and deferred[doc] ~= nil then
    undefer(doc)
    ud = cores[doc]
  end
  if ud == nil then
    error(("bad argument #%d to '%s' (Document expected, got %s)")
      :format(argn or 1, fname, M.typename(doc)), 0)
  end
  return ud
end

--- The type name used in messages: "Document" for documents.
-- @param v any value
-- @treturn string
-- @usage print(require("leninletter.document").typename(require("leninletter").letter()))  --> Document
function M.typename(v)
  local mt = getmetatable(v)
  if mt == Document or mt == Deferred then return "Document" end
  if type(mt) == "table" and type(mt.__name) == "string" then return mt.__name end
  return type(v)
end

--- Is v a Document?
-- @param v any value
-- @treturn boolean
-- @usage print(require("leninletter.document").is({}))  --> false
function M.is(v)
  if cores[v] == nil and deferred[v] ~= nil then undefer(v) end
  return cores[v] ~= nil
end

--- Makes an empty table a Document to be made when it is first used:
-- `fill(doc)` makes it in place (`leninletter.document`'s `wrap` with its
-- `into`). A Corpus's pages, under Lua 5.1 and LuaJIT, whose `#` counts a
-- table's array part: the part holds every page without making any.
-- @tab doc the empty table, which becomes the Document
-- @tparam function fill makes it; an error it raises is raised where the
--   Document is used, every time
-- @return doc
-- @usage base.defer({}, function(d) document.wrap(ud, opts, false, d) end)
function M.defer(doc, fill)
  deferred[doc] = fill
  return setmetatable(doc, Deferred)
end

--- Raises lauxlib's usual "bad argument" error. Like lauxlib's, the
-- message carries no position prefix, so it reads the same however the
-- function was reached.
-- @param argn position of the argument
-- @param fname the function's public name
-- @param msg what was wrong
-- @usage require("leninletter.document").argerror(2, "kwic", "string expected, got nil")
-- -- raises: bad argument #2 to 'kwic' (string expected, got nil)
function M.argerror(argn, fname, msg)
  error(("bad argument #%d to '%s' (%s)"):format(argn, fname, msg), 0)
end

--- Checks that value v has Lua type t (or is nil when optional).
-- @param v the value
-- @string t the Lua type expected
-- @int argn the argument's position
-- @string fname the function's public name
-- @bool[opt] optional whether nil is accepted
-- @return v
-- @usage local opts = require("leninletter.document").checktype(opts, "table", 2, "parse", true)
function M.checktype(v, t, argn, fname, optional)
  if type(v) ~= t and not (optional and v == nil) then
    M.argerror(argn, fname, ("%s expected, got %s"):format(t, M.typename(v)))
  end
  return v
end

-- ------------------------------------------------------------------
-- Options: the one checker
-- ------------------------------------------------------------------

-- a value as messages show it: a string quoted, a number as is, else its type
local function shown(v)
  if type(v) == "string" then return '"' .. v .. '"' end
  if type(v) == "number" then return tostring(v) end
  return M.typename(v)
end
M.shown = shown

--- Validators for `checkopts`: each is called as `f(value, argn, fname, key)`
-- for a key present in the options, and raises on a bad value.
-- `scope` (`"body"`, `"notes"` or `"all"`), `kinds` (an array of kinds of
-- Block), `boolean`, `func`, `table`, `string`.
M.check = {}

function M.check.scope(v, argn, fname)
  if v ~= "body" and v ~= "notes" and v ~= "all" then
    M.argerror(argn, fname, ('opts.scope must be "body", "notes" or "all", got %s'):format(shown(v)))
  end
end

function M.check.boolean(v, argn, fname, key)
  if type(v) ~= "boolean" then
    M.argerror(argn, fname, ("opts.%s must be a boolean, got %s"):format(key, M.typename(v)))
  end
end

function M.check.func(v, argn, fname, key)
  if type(v) ~= "function" then
    M.argerror(argn, fname, ("opts.%s must be a function, got %s"):format(key, M.typename(v)))
  end
end

function M.check.table(v, argn, fname, key)
  if type(v) ~= "table" then
    M.argerror(argn, fname, ("opts.%s must be a table, got %s"):format(key, M.typename(v)))
  end
end

function M.check.string(v, argn, fname, key)
  if type(v) ~= "string" then
    M.argerror(argn, fname, ("opts.%s must be a string, got %s"):format(key, M.typename(v)))
  end
end

--- Checks the options table at argument argn of fname: nil (read as an
-- empty table) or a table whose keys are all in `allowed`; for each key
-- present whose `allowed` value is a function, calls it as
-- `check(value, argn, fname, key)`. Keys are examined in sorted order, so
-- the message is the same on every Lua.
-- @param opts the options
-- @int argn their position
-- @string fname the public function's name
-- @tparam table allowed key -> `true` or a validator
-- @treturn table opts, or a new empty table
-- @usage opts = document.checkopts(opts, 2, "parse", {entities = true})
function M.checkopts(opts, argn, fname, allowed)
  if opts == nil then return {} end
  if type(opts) ~= "table" then
    M.argerror(argn, fname, ("table expected, got %s"):format(M.typename(opts)))
  end
  local keys = {}
  for k in pairs(opts) do keys[#keys + 1] = k end
  if #keys > 1 then
    table.sort(keys, function(a, b)
      local ta, tb = type(a), type(b)
      if ta ~= tb then return ta < tb end
      if ta == "string" or ta == "number" then return a < b end
      return false
    end)
  end
  for _, k in ipairs(keys) do
    local chk = allowed[k]
    if not chk then M.argerror(argn, fname, ("unknown option '%s'"):format(tostring(k))) end
    if type(chk) == "function" then chk(opts[k], argn, fname, k) end
  end
  return opts
end

--- An integer option: `opts[key]`, or dflt when absent; a float with an
-- integer value is taken. Raises `opts.KEY must be WANT, got V` when it is
-- no integer or lies outside [least, most] (either may be nil).
-- @tparam table opts the options
-- @string key the option
-- @int argn position of the options
-- @string fname the public function's name
-- @param dflt the value when absent
-- @int[opt] least the least value
-- @int[opt] most the greatest value
-- @string[opt] want what the message says is expected (default from least)
-- @treturn integer the value
-- @usage local width = document.intopt(opts, "width", 2, "concordance", 40, 0)
function M.intopt(opts, key, argn, fname, dflt, least, most, want)
  local v = opts[key]
  if v == nil then return dflt end
  local i = math.type(v) == "float" and math.tointeger(v) or v
  if math.type(i) ~= "integer" or (least and i < least) or (most and i > most) then
    want = want or (least == 0 and "a non-negative integer")
      or (least == 1 and "a positive integer") or "an integer"
    M.argerror(argn, fname, ("opts.%s must be %s, got %s"):format(key, want,
      type(v) == "number" and tostring(v) or M.typename(v)))
  end
  return i
end

--- A string option from a list of choices, or the first choice when absent.
-- @tparam table opts the options
-- @string key the option
-- @tparam {string,...} choices the values allowed, the default first
-- @int argn position of the options
-- @string fname the public function's name
-- @treturn string the value
-- @usage local sort = document.choiceopt(opts, "sort", {"position", "left", "right"}, 2, "concordance")
function M.choiceopt(opts, key, choices, argn, fname)
  local v = opts[key]
  if v == nil then return choices[1] end
  for _, c in ipairs(choices) do
    if v == c then return v end
  end
  local quoted = {}
  for i, c in ipairs(choices) do quoted[i] = '"' .. c .. '"' end
  local list = table.concat(quoted, ", ", 1, #quoted - 1) .. " or " .. quoted[#quoted]
  M.argerror(argn, fname, ("opts.%s must be %s, got %s"):format(key, list, shown(v)))
end

-- ------------------------------------------------------------------
-- The door to the C core
-- ------------------------------------------------------------------

--- Reads and parses pages in C (on two threads where there are two
-- cores): for each path, the C document or a string saying why not.
-- @function readpages
-- @tparam {string,...} paths the files
-- @tparam[opt] integer maxbytes a larger file is refused unread (default 64 MB)
-- @tparam[opt] boolean stats also return each file's `{size, mtime_s,
--   mtime_ns}` as the descriptor it was read through gave them (false where
--   it could not be opened): what `ll.index` keeps, without a second stat
-- @treturn table one result per path
-- @treturn table the files' sizes and times, when `stats` is true
M.readpages = core.load

--- The names in a folder (sub-folders, and links to them, ending in "/")
-- and the entries left out (`{name, reason, examined}`), or nil and a
-- message.
-- @function listdir
M.listdir = core.listdir

--- What a path is: `"folder"`, `"file"` or nil; for a folder also an id
-- that is the same for every path to it.
-- @function pathkind
M.pathkind = core.pathkind

--- One C corpus over the C documents of an array (their index built on
-- the first query).
-- @function corpushandle
M.corpushandle = core.corpus

--- The dates in a string, as Dates `{text, old_style, new_style, pos, len}`
-- (the reader of `doc:dates`, for text that stands in no document).
-- @function readdates
M.readdates = core.dates

--- The module's random generator (the same numbers on every platform and
-- Lua), seeded, for a Document: `rnd:below(n)` and `rnd:next()`.
-- @param doc a Document
-- @int seed the seed
-- @string fname the public function's name, for the message when doc is
--   no Document
-- @return the generator
-- @usage local rnd = document.generator(ll.letter(), 1, "cloze")
function M.generator(doc, seed, fname)
  return M.core(doc, fname):rand_new(seed)
end

--- The kinds of Block, as API.md names them (`Block.kind`), in order.
M.KINDS = { "paragraph", "heading", "quote", "verse", "item", "table", "separator" }
local KINDSET = {}
for _, k in ipairs(M.KINDS) do KINDSET[k] = true end

--- Checks `opts.kinds` (nil, or an array of kinds of Block) for a query
-- function; raises the usual "bad argument" error otherwise.
-- @tab opts the options table
-- @int argn the options' argument position
-- @string fname the function's public name
-- @usage require("leninletter.document").checkkinds({kinds = {"quote"}}, 2, "count")
function M.checkkinds(opts, argn, fname)
  local kinds = opts.kinds
  if kinds == nil then return end
  if type(kinds) ~= "table" then
    M.argerror(argn, fname, ("opts.kinds must be an array of kinds, got %s"):format(M.typename(kinds)))
  end
  for i = 1, #kinds do
    if not KINDSET[kinds[i]] then
      M.argerror(argn, fname, ('opts.kinds[%d] must be one of "%s", got %s'):format(i,
        table.concat(M.KINDS, '", "'),
        type(kinds[i]) == "string" and ('"' .. kinds[i] .. '"') or M.typename(kinds[i])))
    end
  end
end

--- The scope argument the C core takes: the scope's name, or with
-- `opts.kinds` the table `{name, kinds = {...}}`.
-- @tab opts checked options
-- @usage local scope = require("leninletter.document").scopearg({kinds = {"quote"}})
function M.scopearg(opts)
  local scope = opts.scope or "body"
  if opts.kinds == nil then return scope end
  local kinds = {}
  for i = 1, #opts.kinds do kinds[i] = opts.kinds[i] end
  return { scope, kinds = kinds }
end

function M.check.kinds(v, argn, fname)
  M.checkkinds({ kinds = v }, argn, fname)
end

--- Binds a Document (a table whose metatable is `Document`) to its C
-- document: what `leninletter.document`'s `wrap` does last.
-- @tab doc the Document
-- @param ud its C document
-- @usage base.setcore(doc, ud)
function M.setcore(doc, ud)
  cores[doc] = ud
end

return M
