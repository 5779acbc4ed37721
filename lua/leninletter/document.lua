--- The Document class: a parsed page as plain Lua tables, with methods;
-- the one option checker of the module; and the one door from the Lua
-- modules to the C core.
--
-- Internal module shared by the Lua layer. A Document is a plain table
-- (the fields of API.md) whose metatable is `Document`; the C document it
-- came from is kept in a weak table, so only the module can reach it.
-- `paragraphs` is made when first read (and then kept in the table): a
-- large page's paragraphs and sentences cost twice its text in Lua tables
-- and strings, which a count or a concordance never reads.
-- Other modules add methods to `Document` (see `leninletter.query`).
--
-- The class's method table, the option checker and the door to the C
-- core are `leninletter.base`, this module's lean part: this module is
-- that table with what makes Documents added, so every name of either is
-- this module's (a query over an index file loads only the lean part,
-- issue #16).
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
-- @module leninletter.document
-- @local

local compat = require "leninletter.compat"  -- Lua 5.1 to 5.4 and LuaJIT
local math = compat.math
local M = require "leninletter.base"  -- the Document class, the options, the C core's door
local Document = M.Document

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
-- notes, in document order, with the sentence it stands in (a header
-- field's marker has none).
local function noterefs(doc, titleblock, subtitleblock, fieldrefs, bodyrefs)
  local refs = {}
  local function add(n, b, r)
    r.sentence = refsentence(b, r.pos)
    refs[n] = refs[n] or {}
    table.insert(refs[n], r)
  end
  -- the header fields come between the subtitle and the body
  local function addfields()
    for _, r in ipairs(fieldrefs or {}) do
      add(r.note, {}, { part = "meta", field = r.field, pos = r.pos })
    end
  end
  if titleblock then
    for _, r in ipairs(titleblock.refs) do add(r.note, titleblock, { part = "title", pos = r.pos }) end
  end
  if subtitleblock then
    for _, r in ipairs(subtitleblock.refs) do
      add(r.note, subtitleblock, { part = "subtitle", pos = r.pos })
    end
  end
  addfields()
  -- the body's markers, their sentences found in C (the paragraphs are
  -- not made for this)
  for _, r in ipairs(bodyrefs) do
    refs[r.note] = refs[r.note] or {}
    table.insert(refs[r.note],
      { part = "body", paragraph = r.paragraph, pos = r.pos, sentence = r.sentence })
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

-- Who wrote a note, as its page says: "editor" for a note signed
-- "—Ed." (or "[Ed.]", "—Trans.", "Editor's note: ...") and for the notes of
-- a Collected or Selected Works edition (the edition's own apparatus),
-- "author" for one signed with the author's name ("—Lenin", "—N. Lenin",
-- the page author's surname or initials, "—Author"), nil otherwise.
local EDITOR_SIGNS = {
  ["ed"] = true, ["eds"] = true, ["ed."] = true, ["eds."] = true, ["editor"] = true,
  ["editors"] = true, ["the editors"] = true, ["editorial board"] = true, ["editor's note"] = true,
  ["trans"] = true, ["trans."] = true, ["tr."] = true, ["tr"] = true, ["translator"] = true,
  ["mia"] = true, ["mia editor"] = true, ["transcriber"] = true, ["note by the editors"] = true,
  ["note by transcriber"] = true, ["note by the transcriber"] = true, ["transcriber's note"] = true,
  ["note by the editor"] = true, ["note by mia"] = true, ["translator's note"] = true,
}

local NOTE_BY = { transcriber = true, editor = true, editors = true, translator = true, mia = true }

local DASHES = { "\226\128\148", "\226\128\147", "%-%-", "%-" } -- em dash, en dash, --, -
local NODASHES = {}

-- white space as %s has it (the C locale's isspace)
local SPACE = { [9] = true, [10] = true, [11] = true, [12] = true, [13] = true, [32] = true }

-- s without the white space at either end; by bytes, not by "%s+$", which
-- tries every position of a long note
local function trim(s)
  local i, j = 1, #s
  while i <= j and SPACE[s:byte(i)] do i = i + 1 end
  while j >= i and SPACE[s:byte(j)] do j = j - 1 end
  return s:sub(i, j)
end

-- The position of the last byte of s that starts a dash or is a hyphen
-- (0xE2, "-"), or 0: found by plain searches, not by a pattern tried at
-- every position.
local DASHSTARTS = { "\226", "-" }
local function lastdash(s)
  local last = 0
  for _, b in ipairs(DASHSTARTS) do
    local at = s:find(b, 1, true)
    while at do
      if at > last then last = at end
      at = s:find(b, at + 1, true)
    end
  end
  return last
end

-- the author's surname and initials: "V. I. Lenin" -> "lenin", "v. i. l."
local function authorsigns(author)
  local signs = { lenin = true, ["n. lenin"] = true, ["v. i. lenin"] = true, ["v.i. lenin"] = true,
    author = true, ["the author"] = true, ["author's note"] = true }
  if type(author) == "string" and author ~= "" then
    local a = author:lower():gsub("%f[%w]%d+%f[^%w]", ""):gsub("%s+", " ")
    a = trim(a)
    signs[a] = true
    local last = a:match("(%S+)$")
    if last and #last > 2 then signs[last] = true end
    local ini = {}
    for w in a:gmatch("[^%s%.]+") do ini[#ini + 1] = w:sub(1, 1) .. "." end
    if #ini >= 2 then
      signs[table.concat(ini, " ")] = true
      signs[table.concat(ini, "")] = true
      signs[ini[1] .. " " .. ini[#ini]] = true -- "A. F. Kerensky" signs "—A. K."
      signs[ini[1] .. ini[#ini]] = true
    end
  end
  return signs
end

local function noteby(text, signs, edition)
  local t = trim(text)
  if t:find("\194\160", 1, true) then t = t:gsub("\194\160", " ") end
  local low = t:lower()
  -- "Editor's note: ...", "Ed. note", "MIA note", "Translator's note"
  if low:find("^%[?editor[s’']*%s*note") or low:find("^%[?ed%. note") or low:find("^%[?mia note")
    or low:find("^%[?translator[s’']*%s*note") or low:find("^%[?transcriber[s’']*%s*note") then
    return "editor"
  end
  -- "Note by transcriber—...", "Note by the editors: ..."
  local who = low:match("^%[?note by the (%a+)") or low:match("^%[?note by (%a+)")
  if who and NOTE_BY[who] then return "editor" end
  if low:find("^%[?author[s’']*%s*note") then return "author" end
  -- a signature in brackets at the end: "[Ed.]", "(Ed.)", "[Lenin]"
  -- (looked for only where the note ends with "]" or ")", and a point)
  local e = low:byte(-1) == 46 and low:byte(-2) or low:byte(-1)
  local br = (e == 93 or e == 41) and low:match("[%[%(]([^%[%]%(%)]+)[%]%)]%.?$")
  if br then
    br = trim(br):gsub("’", "'")
    if EDITOR_SIGNS[br] or EDITOR_SIGNS[(br:gsub("%.$", ""))] then return "editor" end
    if signs[br] or signs[(br:gsub("%.$", ""))] then return "author" end
  end
  -- a signature after a dash at the end: ".—Ed.", " – Lenin", "—A. K."
  -- What follows the dash holds no dash or hyphen, so a match starts at
  -- most 3 bytes before the last of them ("--" before it, an em dash at
  -- it): only that tail is searched, with the same first match.
  local last = lastdash(low)
  local tail = last > 0 and low:sub(math.max(1, last - 3)) or ""
  for _, d in ipairs(last > 0 and DASHES or NODASHES) do
    local sig = tail:match(d .. "%s*([^\226%-]-)%s*$")
    if sig and #sig > 0 and #sig <= 30 then
      sig = sig:gsub("’", "'"):gsub("[%]%)]+$", "")
      local bare = sig:gsub("%.$", "")
      if EDITOR_SIGNS[sig] or EDITOR_SIGNS[bare] then return "editor" end
      if signs[sig] or signs[bare] then return "author" end
    end
  end
  if edition then return "editor" end
  return nil
end

-- The heading outline of the body: see API.md, doc.sections. headings:
-- the body's headings {paragraph, level, text} in order; n: the number of
-- paragraphs.
local function sections(headings, n)
  local out, open = {}, {} -- open: indexes in out of the sections still open, outermost first
  for _, b in ipairs(headings) do
    local i = b.paragraph
    do
      local level = b.level
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
  for _, k in ipairs(open) do out[k].last = n end
  return out
end

-- document table -> its title and subtitle Blocks (for doc:sentences)
local heads = setmetatable({}, { __mode = "k" })

--- Makes a Document from a C document.
-- @param ud the userdata from `leninletter.core`
-- @param opts the options given to parse (may be nil)
-- @param isletter true for the letter compiled in (its hooks give it the
--   built-in entity catalogue)
-- @tab[opt] into an empty table without a metatable to make the Document
--   in (a deferred one: `leninletter.base`'s `defer`), else a new table
-- @return a Document
-- @usage local doc = require("leninletter.document").wrap(require("leninletter.core").letter())
function M.wrap(ud, opts, isletter, into)
  local t = ud:tree(false) -- all but the paragraphs: made when first read
  local doc = into or {}
  doc.author = t.author
  doc.number = t.number
  doc.title = t.title and t.title.text
  doc.subtitle = t.subtitle and t.subtitle.text
  doc.fields = t.fields
  doc.meta = t.meta
  doc.source = t.source
  doc.first_page = t.first_page
  doc.notes = t.notes
  doc.navigation = t.navigation
  doc.warnings = t.warnings
  local refs = noterefs(doc, t.title, t.subtitle, t.fieldrefs, t.bodyrefs)
  doc.sections = sections(t.headings, t.nparagraphs)
  heads[doc] = { title = t.title, subtitle = t.subtitle }
  local signs = authorsigns(doc.author)
  -- a Collected or Selected Works edition: its notes are its editors'.
  -- So are the unsigned notes of Lenin's pages: the archive's Lenin works
  -- come from the Collected Works, and it signs Lenin's own notes "—Lenin".
  local work = doc.source and doc.source.work or ""
  local edition = work:find("Collected Works") ~= nil or work:find("Selected Works") ~= nil
    or (doc.author or ""):find("Lenin") ~= nil
  for _, note in ipairs(doc.notes) do
    local texts = {}
    for i, p in ipairs(note.paragraphs) do texts[i] = p.text end
    note.text = table.concat(texts, "\n\n")
    note.refs = refs[note.n] or {}
    note.by = noteby(note.text, signs, edition)
  end
  M.setcore(doc, ud)
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

--- Every citation of every note, in document order: each a fresh copy
-- of a Note's citation (`text`, `pos`, `len`, `paragraph`, `work`,
-- `present`, `volume`, `first_page`, `last_page`, `ranges`) with `note`,
-- the note's number, added.
-- @treturn table array of citations
-- @usage for _, c in ipairs(ll.letter():citations()) do print(c.note, c.text) end
-- --> 1	present edition, Vol. 5, pp. 451-67
-- --> 4	present edition, Vol. 9, p. 310
function Document:citations()
  M.core(self, "citations")
  local out = {}
  for _, note in ipairs(self.notes) do
    for _, c in ipairs(note.citations or {}) do
      local t = { note = note.n, ranges = {} }
      for k, v in pairs(c) do
        if k ~= "ranges" then t[k] = v end
      end
      for i, r in ipairs(c.ranges or {}) do t.ranges[i] = { r[1], r[2] } end
      out[#out + 1] = t
    end
  end
  return out
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
  opts = M.checkopts(opts, 1, "sentences", { scope = M.check.scope, kinds = M.check.kinds })
  local scope = opts.scope or "body"
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
