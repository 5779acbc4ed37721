--- The Document class: a parsed page as plain Lua tables, with methods.
--
-- Internal module shared by the Lua layer. A Document is a plain table
-- (the fields of API.md) whose metatable is `Document`; the C document it
-- came from is kept in a weak table, so only the module can reach it.
-- Other modules add methods to `Document` (see `leninletter.query`).
-- @module leninletter.document
-- @local

local compat = require "leninletter.compat"  -- Lua 5.1 to 5.4 and LuaJIT
local math = compat.math
local M = {}

--- The method table of every Document.
local Document = {}
Document.__index = Document
Document.__name = "leninletter.Document"
M.Document = Document

-- document table -> its C document (userdata); weak so both die together
local cores = setmetatable({}, { __mode = "k" })

--- The C document behind a Document, or an error naming the argument.
-- @param doc a Document
-- @param fname the public function's name, for the message
-- @param argn the argument's position (default 1, the `self`)
-- @usage local document = require "leninletter.document"
-- local ud = document.core(require("leninletter").letter(), "count")
function M.core(doc, fname, argn)
  local ud = cores[doc]
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
  if getmetatable(v) == Document then return "Document" end
  local mt = getmetatable(v)
  if type(mt) == "table" and type(mt.__name) == "string" then return mt.__name end
  return type(v)
end

--- Is v a Document?
-- @param v any value
-- @treturn boolean
-- @usage print(require("leninletter.document").is({}))  --> false
function M.is(v)
  return cores[v] ~= nil
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

-- The index of the sentence of block b that a marker at pos follows: the
-- one holding the character before it (a marker after a full stop belongs
-- to the sentence it ends); nil when the block has no sentence.
local function refsentence(b, pos)
  local sp = b.sentence_pos
  if sp == nil or #sp == 0 then return nil end
  local at = pos > 1 and pos - 1 or 1
  local k = 1
  for i = 2, #sp do
    if sp[i] <= at then k = i else break end
  end
  return k
end

-- Where each note is cited: every marker of the title, subtitle, body and
-- notes, in document order, with the sentence it stands in.
local function noterefs(doc, titleblock, subtitleblock)
  local refs = {}
  local function add(n, b, r)
    r.sentence = refsentence(b, r.pos)
    refs[n] = refs[n] or {}
    table.insert(refs[n], r)
  end
  if titleblock then
    for _, r in ipairs(titleblock.refs) do add(r.note, titleblock, { part = "title", pos = r.pos }) end
  end
  if subtitleblock then
    for _, r in ipairs(subtitleblock.refs) do
      add(r.note, subtitleblock, { part = "subtitle", pos = r.pos })
    end
  end
  for i, p in ipairs(doc.paragraphs) do
    for _, r in ipairs(p.refs) do add(r.note, p, { part = "body", paragraph = i, pos = r.pos }) end
  end
  for _, note in ipairs(doc.notes) do
    for i, p in ipairs(note.paragraphs) do
      for _, r in ipairs(p.refs) do
        add(r.note, p, { part = "note", note = note.n, paragraph = i, pos = r.pos })
      end
    end
  end
  return refs
end

-- The heading outline of the body: see API.md, doc.sections.
local function sections(paragraphs)
  local out, open = {}, {} -- open: indexes in out of the sections still open, outermost first
  for i, b in ipairs(paragraphs) do
    if b.kind == "heading" then
      local level = b.level or 1
      while #open > 0 and out[open[#open]].level >= level do
        out[open[#open]].last = i - 1
        open[#open] = nil
      end
      out[#out + 1] = {
        title = (b.text:gsub("%s+", " ")),
        level = level,
        paragraph = i,
        first = i + 1,
        parent = open[#open],
      }
      open[#open + 1] = #out
    end
  end
  for _, k in ipairs(open) do out[k].last = #paragraphs end
  return out
end

-- document table -> its title and subtitle Blocks (for doc:sentences)
local heads = setmetatable({}, { __mode = "k" })

--- Makes a Document from a C document.
-- @param ud the userdata from `leninletter.core`
-- @param opts the options given to parse (may be nil)
-- @param isletter true for the letter compiled in (its hooks give it the
--   built-in entity catalogue)
-- @return a Document
-- @usage local doc = require("leninletter.document").wrap(require("leninletter.core").letter())
function M.wrap(ud, opts, isletter)
  local t = ud:tree()
  local doc = {
    author = t.author,
    number = t.number,
    title = t.title and t.title.text,
    subtitle = t.subtitle and t.subtitle.text,
    fields = t.fields,
    meta = t.meta,
    source = t.source,
    paragraphs = t.paragraphs,
    notes = t.notes,
    navigation = t.navigation,
    warnings = t.warnings,
  }
  local refs = noterefs(doc, t.title, t.subtitle)
  doc.sections = sections(doc.paragraphs)
  heads[doc] = { title = t.title, subtitle = t.subtitle }
  for _, note in ipairs(doc.notes) do
    local texts = {}
    for i, p in ipairs(note.paragraphs) do texts[i] = p.text end
    note.text = table.concat(texts, "\n\n")
    note.refs = refs[note.n] or {}
  end
  cores[doc] = ud
  setmetatable(doc, Document)
  for _, hook in ipairs(M.onwrap) do hook(doc, ud, opts or {}, t, isletter) end
  return doc
end

--- Functions called on every new Document (doc, ud, opts, tree, isletter): other
-- modules fill in the fields they own (dates, entities).
M.onwrap = {}

--- The Note numbered n, or nil.
-- @int n the note's number
-- @return Note or nil
-- @usage local note = ll.letter():note(3)
function Document:note(n)
  M.core(self, "note")
  if math.type(n) ~= "integer" then
    if type(n) == "number" and n == math.floor(n) then
      n = math.tointeger(n)
    else
      M.argerror(1, "note", ("integer expected, got %s"):format(M.typename(n)))
    end
  end
  for _, note in ipairs(self.notes) do
    if note.n == n then return note end
  end
  return nil
end

--- Iterates over the sentences of the document, in document order.
-- Each is a fresh table `{text, part, paragraph, note, sentence, pos, len}`:
-- `text` the sentence (an exact substring of its block's `text`), `part`
-- `"title"`, `"subtitle"`, `"body"` or `"note"`, `paragraph` the block's
-- index in the body or in its note (absent for the title and subtitle),
-- `note` the note's number for a note, `sentence` its index in the block's
-- `sentences`, `pos` its byte position in the block's `text` (its
-- `sentence_pos`), `len` its length in bytes.
-- @tparam[opt] table opts `scope` (`"body"` (default), `"notes"`, `"all"`:
--   title, subtitle, body and notes), `kinds` (an array of kinds of Block:
--   only their sentences; the title and subtitle count as headings)
-- @return an iterator
-- @usage for s in ll.letter():sentences() do
--   if s.text:find("Soviet") then print(s.paragraph, s.sentence, s.text) end
-- end
function Document:sentences(opts)
  M.core(self, "sentences")
  if opts ~= nil and type(opts) ~= "table" then
    M.argerror(1, "sentences", ("table expected, got %s"):format(M.typename(opts)))
  end
  opts = opts or {}
  for k in pairs(opts) do
    if k ~= "scope" and k ~= "kinds" then
      M.argerror(1, "sentences", ("unknown option '%s'"):format(tostring(k)))
    end
  end
  local scope = opts.scope or "body"
  if scope ~= "body" and scope ~= "notes" and scope ~= "all" then
    M.argerror(1, "sentences", ('opts.scope must be "body", "notes" or "all", got %s'):format(
      type(scope) == "string" and ('"' .. scope .. '"') or M.typename(scope)))
  end
  M.checkkinds(opts, 1, "sentences")
  local want
  if opts.kinds then
    want = {}
    for _, k in ipairs(opts.kinds) do want[k] = true end
  end
  -- the blocks in scope, in order: {block, part, paragraph, note}
  local blocks = {}
  local function add(b, part, i, n)
    if b and (want == nil or want[(part == "title" or part == "subtitle") and "heading" or b.kind]) then
      blocks[#blocks + 1] = { b, part, i, n }
    end
  end
  local h = heads[self] or {}
  if scope == "all" then
    add(h.title, "title")
    add(h.subtitle, "subtitle")
  end
  if scope ~= "notes" then
    for i, b in ipairs(self.paragraphs) do add(b, "body", i) end
  end
  if scope ~= "body" then
    for _, note in ipairs(self.notes) do
      for i, b in ipairs(note.paragraphs) do add(b, "note", i, note.n) end
    end
  end
  local bi, si = 1, 0
  return function()
    while blocks[bi] do
      local b = blocks[bi][1]
      si = si + 1
      local text = b.sentences[si]
      if text then
        local pos = b.sentence_pos[si]
        return {
          text = text, part = blocks[bi][2], paragraph = blocks[bi][3], note = blocks[bi][4],
          sentence = si, pos = pos, len = #text,
        }
      end
      bi, si = bi + 1, 0
    end
    return nil
  end
end

function Document:__tostring()
  return ("leninletter.Document (%s)"):format(self.title or self.author or "untitled")
end

return M
