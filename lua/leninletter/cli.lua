--- The command line's usage and help texts and its commands other than
-- `kwic`, for `bin/leninletter`.
--
-- Internal module: leninletter.command (what `bin/leninletter` runs) keeps
-- what a concordance needs (its options, the output helpers, `kwic`
-- itself) and loads this module only
-- for the other commands, their help and the usage, so that a concordance
-- over an index file loads none of it (issue #16). It is a function of
-- the helpers the command line shares with it (`write`, `print`, `warn`,
-- `die`, `usage_error`, `intopt`, `choiceopt`, `columns`, `isatty`,
-- `ulen`, `ufirst`, `pad`, `ll`), returning `USAGE`, `HELP` (command ->
-- text), `commands` (command -> `function(doc, args, opts, labels)`),
-- `loaddir` and `loadcatalogue`.
-- @module leninletter.cli
-- @local

local compat = require "leninletter.compat"  -- Lua 5.1 to 5.4 and LuaJIT
local math, utf8 = compat.math, compat.utf8

-- the command line's helpers, set by the function this module returns
local write, print, warn, die, usage_error  -- luacheck: ignore 121
local intopt, choiceopt, columns, isatty, ulen, ufirst, pad, ll

local USAGE = [[
usage: leninletter COMMAND [options]

Study Lenin's letter "Our Tasks and the Soviet of Workers' Deputies" (1905),
or any page of the Marxists Internet Archive given with --file PATH.

commands:
  info              the header, and how many paragraphs, notes, sentences
  text              the text: title, paragraphs, then the notes
  notes             each note, and where it is cited
  entities [TYPE]   the people, organizations, periodicals, places, events, works
  kwic QUERY        a concordance (key word in context) of a word or phrase
  freq              the most frequent words
  ngrams N          the most frequent runs of N words
  quiz              questions: cloze, multiple choice, from the notes, on dates
  export FORMAT     the document as json, markdown, pandoc, html, tei, text,
                    docx or epub (the last two through pandoc)
  plot WORD...      a dispersion plot of words across the text, as SVG
  pack DIR          a study pack: HTML page, quizzes, concordances, TEI, docx, plots
  index DIR -o FILE an index file of every page under DIR, for --index FILE

options:
  --file PATH       work on the page at PATH (plain text or HTML)
  --dir PATH        (kwic, freq) every page under the folder PATH at once
  --index FILE      (kwic, freq) the pages of an index file written by `index`
  --help            this help; `leninletter COMMAND --help` for a command
  --version         the version of leninletter

Errors go to standard error: status 2 for a command line that is not
understood (this usage is printed), 1 for anything else that failed.
Text from a page never reaches the terminal as control characters.
]]

local HELP = {
  info = [[
usage: leninletter info [--file PATH]

Prints the header fields and the counts of paragraphs, notes and sentences.
]],
  text = [[
usage: leninletter text [--wrap N] [--file PATH]

Prints the title, the body paragraphs and the notes as plain text, wrapped
to the terminal ($COLUMNS, or `tput cols`, or 80 columns).

  --wrap N     wrap at N columns instead; 0 writes each paragraph on one line
]],
  notes = [[
usage: leninletter notes [--wrap N] [--file PATH]

Prints every note with the places that cite it, wrapped as `text` is.
]],
  entities = [[
usage: leninletter entities [TYPE] [--catalogue letter|FILE] [--file PATH]

Lists the document's entities in order of first mention: id, type, mentions,
the note that explains it, and its name. TYPE is one of person, organization,
periodical, place, event, work.

  --catalogue C  the catalogue to look for: `letter` (the letter's, built in;
                 the default for the letter) or a Lua FILE returning a table
                 of the shape ll.catalogue() gives. A page given with --file
                 has none of its own, so it needs this option.
]],
  kwic = [[
usage: leninletter kwic QUERY [--width N] [--sort position|left|right]
                        [--scope body|notes|all] [--variants] [--within N]
                        [--csv] [--file PATH | --dir PATH | --index FILE]

A concordance: each match of QUERY (a word, a phrase such as "Black Hundreds",
`*` at either end of a word: revolution*, *ism, *revolution*) in its context,
one line each, aligned on the match. Queries joined by & match where all stand
together: "soviet & party" in one sentence (a line a sentence, from the first
match to the last), or within N words with --within N. Lines fit the
terminal ($COLUMNS, or `tput cols`, or 80 columns). Each line starts with its
place (p12: paragraph 12; n3.1: note 3, its paragraph 1), after the page's
path with --dir or --index; where the paths leave less than 20 characters of
context a side, each page's path is a line of its own above its lines.

  --width N    characters of context on each side (default: what fits)
  --sort K     order by position (default), by the words to the left, or right
  --scope S    search the body (default), the notes, or all
  --variants   also the variants a reader means: possessives (tsar: tsar's),
               hyphens and spaces alike (Black Hundreds: Black-Hundred)
  --within N   with &: within N words instead of one sentence
  --csv        write CSV (RFC 4180): place, paragraph, note, left, match, right
  --dir PATH   every page (.htm, .html, .txt) under the folder PATH at once;
               a place is then FILE:<place>, FILE the page's path under PATH
  --index FILE the pages of an index file (see leninletter index --help): the
               same lines as --dir on the folder it was made of, without
               parsing a page (FILE: the path under the pages' common folder)
]],
  freq = [[
usage: leninletter freq [--top N] [--stoplist] [--scope S] [--csv]
                        [--file PATH | --dir PATH | --index FILE]

The most frequent words with their counts.

  --top N      how many (default 20)
  --stoplist   leave out English stop words (the, of, and, ...)
  --scope S    body (default), notes or all
  --csv        write CSV: rank, word, count
  --dir PATH   every page (.htm, .html, .txt) under the folder PATH at once
  --index FILE the pages of an index file (see leninletter index --help)
]],
  index = [[
usage: leninletter index DIR -o FILE [--update] [--batch N]

Reads every page (.htm, .html, .txt) under the folder DIR once and writes
FILE, an index file: the parsed pages and their word index. `kwic` and `freq`
then take --index FILE instead of --dir DIR and answer at once, with the same
lines. A progress bar is drawn on standard error when it is a terminal.

  -o FILE      the index file to write (written beside it, then renamed)
  --update     parse again only the pages whose files changed since FILE
               was written (and new ones); take the others from FILE
  --batch N    pages parsed and held in memory at once (default 128): the
               memory used stays the same however many pages DIR holds
]],
  ngrams = [[
usage: leninletter ngrams N [--top N] [--scope S] [--csv] [--file PATH]

The most frequent runs of N words (1 to 16) with their counts.
]],
  quiz = [[
usage: leninletter quiz [--kind cloze|choice|notes|dates|theses] [--count N] [--seed N]
                        [--choices N] [--format text|gift|moodle|anki|json] [-o FILE]
                        [--file PATH]

Questions from the text. The same seed gives the same questions everywhere.

  --kind K     cloze (a word blanked, default), choice (multiple choice),
               notes (what the notes explain), dates (when it was written),
               theses (the letter's argument, written by hand)
  --count N    how many questions (default 10); fewer are made when the text
               has no more, and a message says so on standard error
  --seed N     the seed (an integer, default 1)
  --choices N  answers offered in a multiple-choice question (default 4)
  --format F   text (default: questions, then the answers), gift (Moodle),
               moodle (Moodle XML), anki (Anki's text import), json
  -o FILE      write to FILE instead of standard output
]],
  export = [[
usage: leninletter export FORMAT [-o FILE] [--file PATH]

Writes the document in FORMAT:
  json       the whole document (schema "leninletter-document", version 1)
  markdown   Pandoc Markdown with footnotes
  pandoc     a Pandoc JSON AST (pandoc -f json)
  html       a self-contained study page (search, concordance, quiz)
  tei        TEI P5 XML
  text       the archive's plain-text form
  docx, epub through pandoc (needs -o FILE)
]],
  plot = [[
usage: leninletter plot WORD... [-o FILE] [--scope S] [--file PATH]
       leninletter plot --freq [--top N] [-o FILE] [--file PATH]

A dispersion plot of the words (or phrases) across the text as SVG, or with
--freq a chart of the most frequent words (stop words left out).
]],
  pack = [[
usage: leninletter pack DIR [--seed N] [--file PATH]

Makes a study pack in DIR: the HTML study page, GIFT and Anki quizzes, a KWIC
CSV for the main entities, the TEI file, a Pandoc docx (when pandoc is
installed), JSON and Markdown, a dispersion plot and a frequency chart; then
says what it wrote and how to open each. The page's own files are named
after it: letter.html, letter.json and so on for the letter; for a page
given with --file, its file name without the extension (an index.htm
page: its folder's name).
]],
}

-- Is standard error a terminal? (for the progress bar of --dir)
local function stderr_tty()
  return isatty(2)
end

-- A progress bar on standard error when it is a terminal, else nil.
local function progressbar()
  if not stderr_tty() then return nil end
  return function(done, total)
    local w = 30
    local k = total > 0 and math.floor(done * w / total) or w
    io.stderr:write(("\r[%s%s] %d/%d pages"):format(("#"):rep(k), ("."):rep(w - k), done, total))
    if done == total then io.stderr:write("\n") end
  end
end

-- --dir PATH: every page under the folder as one corpus, with a progress
-- bar on standard error when it is a terminal.
local function loaddir(path)
  local c = ll.corpus({ path }, { progress = progressbar() })
  for _, w in ipairs(c.warnings) do warn("leninletter: warning: ", w, "\n") end
  if #c == 0 then die(("no page found under %s"):format(path)) end
  -- each page's label in --dir output: its path under PATH
  local prefix = path:gsub("/+$", "") .. "/"
  local labels = {}
  for i = 1, #c do
    local p = c.paths and c.paths[i] or ("page " .. i)
    if p:sub(1, #prefix) == prefix then p = p:sub(#prefix + 1) end
    labels[i] = p
  end
  return c, labels
end

-- Writes out to opts.output or standard output.
local function emit(opts, s, what)
  if opts.output then
    local f, err = io.open(opts.output, "wb")
    if not f then die(("cannot write %s"):format(err)) end
    f:write(s)
    f:close()
    warn(("leninletter: wrote %s%s\n"):format(opts.output, what and (" (" .. what .. ")") or ""))
  else
    write(s)
  end
end

local function wherecited(ref)
  if ref.part == "body" then return ("body paragraph %d, byte %d"):format(ref.paragraph, ref.pos) end
  if ref.part == "note" then
    return ("note %d paragraph %d, byte %d"):format(ref.note, ref.paragraph, ref.pos)
  end
  if ref.part == "meta" then return ("header field %s, byte %d"):format(ref.field, ref.pos) end
  return ("%s, byte %d"):format(ref.part, ref.pos)
end

-- Text wrapped at width columns (characters), at spaces; a word longer
-- than the width stands alone on its line. Line breaks are kept; width 0
-- leaves the text as it is.
local function wrap(text, width, indent)
  indent = indent or ""
  if width <= 0 then return indent .. text:gsub("\n", "\n" .. indent) end
  local out = {}
  for line in (text .. "\n"):gmatch("([^\n]*)\n") do
    local cur, curlen = indent, #indent
    local first = true
    for word in line:gmatch("%S+") do
      local wl = utf8.len(word) or #word
      if not first and curlen + 1 + wl > width then
        out[#out + 1] = cur
        cur, curlen, first = indent, #indent, true
      end
      if first then
        cur, curlen, first = cur .. word, curlen + wl, false
      else
        cur, curlen = cur .. " " .. word, curlen + 1 + wl
      end
    end
    out[#out + 1] = cur == indent and "" or cur
  end
  return table.concat(out, "\n")
end

-- --catalogue letter|FILE: the letter's catalogue, or a Lua file that
-- returns one (run with no access to anything: it is data)
local function loadcatalogue(name)
  if name == "letter" then return ll.catalogue() end
  local f, err = io.open(name, "rb")
  if not f then die(("cannot read catalogue %s"):format(err)) end
  local src = f:read("*a")
  f:close()
  local chunk, perr = compat.load(src, "=" .. name, "t", {})
  if not chunk then die(("catalogue %s: %s"):format(name, perr)) end
  local ok, t = pcall(chunk)
  if not ok or type(t) ~= "table" then
    die(("catalogue %s must return a table of entities (as ll.catalogue() gives)"):format(name))
  end
  return t
end

local commands = {}

commands.info = function(doc)
  local out = {}
  local function line(k, v) if v then out[#out + 1] = ("%-22s %s"):format(k, v) end end
  line("Author", doc.author)
  line("Number", doc.number)
  line("Title", doc.title)
  line("Subtitle", doc.subtitle)
  for _, f in ipairs(doc.fields) do line(f, doc.meta[f]) end
  local sentences = 0
  for _, p in ipairs(doc.paragraphs) do sentences = sentences + #p.sentences end
  out[#out + 1] = ""
  line("Paragraphs", #doc.paragraphs)
  line("Sentences", sentences)
  line("Notes", #doc.notes)
  for _, w in ipairs(doc.warnings) do line("Warning", w) end
  print(table.concat(out, "\n"))
end

-- --wrap N, or the terminal's width
local function wrapwidth(opts)
  return intopt(opts, "wrap", nil, 0) or columns()
end

commands.text = function(doc, _, opts)
  local width = wrapwidth(opts)
  local out = {}
  if doc.title then out[#out + 1] = wrap(doc.title, width) end
  if doc.subtitle then out[#out + 1] = wrap(doc.subtitle, width) end
  for _, p in ipairs(doc.paragraphs) do out[#out + 1] = wrap(p.text, width) end
  for _, note in ipairs(doc.notes) do out[#out + 1] = wrap(("[%d] %s"):format(note.n, note.text), width) end
  print(table.concat(out, "\n\n"))
end

commands.notes = function(doc, _, opts)
  local width = wrapwidth(opts)
  for _, note in ipairs(doc.notes) do
    local cites = {}
    for _, r in ipairs(note.refs) do cites[#cites + 1] = wherecited(r) end
    print(wrap(("[%d] cited in %s"):format(note.n, #cites > 0 and table.concat(cites, "; ") or "nothing"), width))
    print(wrap(note.text, width, "    "))
    print()
  end
end

local TYPES = { "person", "organization", "periodical", "place", "event", "work" }

commands.entities = function(doc, args, opts)
  local etype = args[1]
  if etype then
    local ok = false
    for _, t in ipairs(TYPES) do if t == etype then ok = true end end
    if not ok then usage_error(("unknown entity type '%s' (one of %s)"):format(etype, table.concat(TYPES, ", "))) end
  end
  local es = doc:entities()
  if #es == 0 and opts.file and not opts.catalogue then
    die("a page given with --file has no entity catalogue: give one with --catalogue letter|FILE")
  end
  local rows = {}
  for _, e in ipairs(es) do
    if not etype or e.type == etype then rows[#rows + 1] = e end
  end
  -- the name first, the id (a slug, for scripts) last: a narrow terminal
  -- cuts the id, not the name
  local namew = 4
  for _, e in ipairs(rows) do namew = math.max(namew, ulen(e.name)) end
  local cols = columns()
  namew = math.min(namew, math.max(cols - 31, 10))
  print((("%s  %-12s  %8s  %4s  %s"):format(pad("name", namew, true), "type", "mentions", "note", "id")))
  for _, e in ipairs(rows) do
    local line = ("%s  %-12s  %8d  %4s  %s"):format(pad(ufirst(e.name, namew), namew, true), e.type,
      #(e.mentions or {}), e.note and tostring(e.note) or "-", e.id)
    print((ufirst(line, cols):gsub("%s+$", "")))
  end
end

local function ranked(rows, key, top, csv)
  if csv then
    local export = require "leninletter.export"
    local out = {}
    for i = 1, math.min(top, #rows) do out[i] = { rank = i, [key] = rows[i][key], count = rows[i].count } end
    write(export.csv(out, { "rank", key, "count" }))
    return
  end
  local cols = columns()
  local kw = 4
  for i = 1, math.min(top, #rows) do kw = math.max(kw, ulen(rows[i][key])) end
  kw = math.min(kw, math.max(cols - 16, 8))
  print(("%4s  %s  %6s"):format("rank", pad(key, kw, true), "count"))
  for i = 1, math.min(top, #rows) do
    print(ufirst(("%4d  %s  %6d"):format(i, pad(ufirst(rows[i][key], kw), kw, true), rows[i].count), cols))
  end
end

commands.freq = function(doc, _, opts)
  local scope = choiceopt(opts, "scope", { "body", "notes", "all" }, "body")
  local top = intopt(opts, "top", 20, 1)
  local rows = doc:frequencies({ scope = scope, stoplist = opts.stoplist and true or nil })
  ranked(rows, "word", top, opts.csv)
end

commands.ngrams = function(doc, args, opts)
  local n = math.tointeger(tonumber(args[1] or ""))
  if not n or n < 1 or n > 16 then
    usage_error("ngrams needs N, an integer from 1 to 16 (see leninletter ngrams --help)")
  end
  local scope = choiceopt(opts, "scope", { "body", "notes", "all" }, "body")
  local top = intopt(opts, "top", 20, 1)
  ranked(doc:ngrams(n, { scope = scope }), "ngram", top, opts.csv)
end

-- Questions as text: each with its choices, then the answers.
local function quiztext(qs)
  local out, key = {}, {}
  for i, q in ipairs(qs) do
    out[#out + 1] = ("%d. %s"):format(i, q.prompt:gsub("\n", " "))
    if q.choices then
      for j, c in ipairs(q.choices) do
        out[#out + 1] = ("   %s) %s"):format(string.char(96 + j), c)
        if c == q.answer then key[#key + 1] = ("%d. %s) %s"):format(i, string.char(96 + j), c) end
      end
    else
      key[#key + 1] = ("%d. %s"):format(i, q.answer)
    end
    out[#out + 1] = ""
  end
  out[#out + 1] = "Answers:"
  for _, k in ipairs(key) do out[#out + 1] = "  " .. k end
  return table.concat(out, "\n") .. "\n"
end

commands.quiz = function(doc, _, opts)
  local quiz = require "leninletter.quiz"
  local export = require "leninletter.export"
  local kind = choiceopt(opts, "kind", { "cloze", "choice", "notes", "dates", "theses" }, "cloze")
  local format = choiceopt(opts, "format", { "text", "gift", "moodle", "anki", "json" }, "text")
  local qo = { count = intopt(opts, "count", 10, 1), seed = intopt(opts, "seed", 1) }
  if kind ~= "cloze" then qo.choices = intopt(opts, "choices", 4, 2) end
  local qs, msg = quiz[kind](doc, qo)
  if msg then warn("leninletter: ", msg, "\n") end
  if #qs == 0 then os.exit(1) end
  local s
  if format == "gift" then s = export.gift(qs)
  elseif format == "moodle" then s = export.moodle(qs)
  elseif format == "anki" then s = export.anki(qs)
  elseif format == "json" then s = (#qs > 0 and export._encode(qs) or "[]") .. "\n"
  else s = quiztext(qs) end
  emit(opts, s, #qs .. " questions")
end

-- Runs pandoc on a Pandoc AST; returns true or false and a message.
local function pandoc(ast, to, out)
  if compat.execute("command -v pandoc >/dev/null 2>&1") ~= true then
    return false, "pandoc is not installed (apt-get install pandoc)"
  end
  local tmp = os.tmpname()
  local f = assert(io.open(tmp, "wb"))
  f:write(ast)
  f:close()
  local q = function(s) return "'" .. s:gsub("'", "'\\''") .. "'" end
  local ok = compat.execute(("pandoc -f json -t %s -s -o %s %s"):format(to, q(out), q(tmp)))
  os.remove(tmp)
  if ok ~= true then return false, "pandoc failed to write " .. out end
  return true
end

local EXPORTS = { "json", "markdown", "pandoc", "html", "tei", "text", "docx", "epub" }

commands.export = function(doc, args, opts)
  local export = require "leninletter.export"
  local format = args[1]
  if not format then usage_error("export needs a FORMAT: " .. table.concat(EXPORTS, ", ")) end
  local known = false
  for _, f in ipairs(EXPORTS) do if f == format then known = true end end
  if not known then usage_error(("unknown format '%s' (one of %s)"):format(format, table.concat(EXPORTS, ", "))) end
  if format == "docx" or format == "epub" then
    if not opts.output then die(format .. " is binary: give a file with -o FILE") end
    local ok, err = pandoc(export.pandoc(doc), format, opts.output)
    if not ok then die(err) end
    warn(("leninletter: wrote %s\n"):format(opts.output))
    return
  end
  emit(opts, export[format](doc))
end

commands.plot = function(doc, args, opts)
  local plot = require "leninletter.plot"
  if opts.freq then
    emit(opts, plot.frequencies(doc, { top = intopt(opts, "top", 20, 1),
      scope = choiceopt(opts, "scope", { "body", "notes", "all" }, "body") }))
    return
  end
  if #args == 0 then usage_error("plot needs at least one WORD (or --freq; see leninletter plot --help)") end
  emit(opts, plot.dispersion(doc, args, { scope = choiceopt(opts, "scope", { "body", "notes", "all" }, "body") }))
end

-- The name of a study pack's own files: "letter" for the letter, else the
-- page's file name without its extension, or its folder's for an index
-- page ("1917/staterev/ch01.htm": ch01; "works/1905/nov/index.htm": nov).
local function packname(opts)
  if not opts.file then return "letter" end
  local path = opts.file:gsub("/+$", "")
  local folder, base = path:match("^(.-)([^/]*)$")
  local stem = base:gsub("%.[Hh][Tt][Mm][Ll]?$", ""):gsub("%.[Tt][Xx][Tt]$", "")
  if stem:lower() == "index" then stem = folder:gsub("/+$", ""):match("([^/]*)$") or "" end
  if stem == "" or stem == "." or stem == ".." or stem == "-" then stem = "page" end
  return stem
end

-- The names a page without a catalogue writes most (ll.propose), as the
-- study pack's main entities: the first twelve (the pack keeps the six most
-- mentioned in the body), each with its mentions (every place one of its
-- forms is written, once: where two names overlap, "Frederick Engels" and
-- "Engels", the longer; leninletter.propose.mentions).
local function proposed(doc)
  local names, found = {}, {}
  for _, e in ipairs(ll.propose(doc)) do
    if #names == 12 then break end
    names[#names + 1] = { id = e.id, name = e.name, aliases = e.aliases }
    for _, form in ipairs({ e.name, compat.unpack(e.aliases) }) do
      for _, h in ipairs(doc:find(form, { scope = "all" })) do found[#found + 1] = { h = h, i = #names } end
    end
  end
  local mentions = require("leninletter.propose").mentions(found)
  for i, e in ipairs(names) do e.mentions = mentions[i] or {} end
  return names
end

-- The study pack: every material in one folder.
commands.pack = function(doc, args, opts)
  local dir = args[1]
  if not dir then usage_error("pack needs a DIR (see leninletter pack --help)") end
  local export = require "leninletter.export"
  local quiz = require "leninletter.quiz"
  local plot = require "leninletter.plot"
  local seed = intopt(opts, "seed", 1)
  if compat.execute("mkdir -p '" .. dir:gsub("'", "'\\''") .. "'") ~= true then die("cannot create " .. dir) end
  local wrote = {}
  local name = packname(opts)
  local function put(file, s, what)
    local path = dir .. "/" .. file
    local f, err = io.open(path, "wb")
    if not f then die("cannot write " .. err) end
    f:write(s)
    f:close()
    wrote[#wrote + 1] = { path, what }
  end
  -- the questions: multiple choice, from the notes, on dates, then cloze
  local qs = {}
  local notes = {}
  for _, kind in ipairs({ "choice", "notes", "dates", "cloze" }) do
    -- each quiz leaves alone the sentences the ones before asked about
    -- and the multiple choice mixes in the questions on the letter's theses
    local got, msg = quiz[kind](doc, { seed = seed, count = 10, avoid = qs, theses = kind == "choice" or nil })
    for _, q in ipairs(got) do qs[#qs + 1] = q end
    if msg then notes[#notes + 1] = kind .. ": " .. msg end
  end
  -- forty in all: what a kind could not give, more of the letter's theses
  if #qs < 40 then
    for _, q in ipairs((quiz.theses(doc, { seed = seed, count = 40 - #qs, avoid = qs }))) do
      qs[#qs + 1] = q
    end
  end
  put(name .. ".html", export.html(doc, { seed = seed }),
    "the study page: open it in a web browser (search box, quiz mode)")
  put("quiz.gift", export.gift(qs), #qs .. " questions for Moodle: Question bank > Import > GIFT format")
  put("quiz-moodle.xml", export.moodle(qs),
    #qs .. " questions for Moodle: Question bank > Import > Moodle XML format")
  put("quiz-anki.txt", export.anki(qs, { deck = doc.title or "leninletter" }),
    #qs .. " Cloze notes for Anki: File > Import")
  -- the main entities: the most mentioned in the body; on a page without a
  -- catalogue, the names it writes most
  local words = {}
  if type(doc.entities) == "function" then
    local es, what = {}, "concordances of the main entities, for a spreadsheet"
    local function rank(list)
      for _, e in ipairs(list) do
        local n = 0
        for _, m in ipairs(e.mentions or {}) do if m.part == "body" then n = n + 1 end end
        if n > 0 then es[#es + 1] = { e = e, n = n } end
      end
    end
    rank(doc:entities())
    if #es == 0 then
      rank(proposed(doc))
      what = "concordances of the names the page writes most (no catalogue: ll.propose's), for a spreadsheet"
    end
    table.sort(es, function(a, b)
      if a.n ~= b.n then return a.n > b.n end
      return a.e.id < b.e.id
    end)
    local rows = {}
    for i = 1, math.min(6, #es) do
      local e = es[i].e
      if i <= 4 then
        local row = { e.name }
        for _, a in ipairs(e.aliases or {}) do row[#row + 1] = a end
        words[#words + 1] = row
      end
      -- a line for each of the entity's mentions (e.mentions: each once, at
      -- the longest name that covers it), in document order; not one for
      -- every match of every alias ("Soviet" inside "Soviet of Workers'
      -- Deputies" is the same mention)
      local function key(h, pos)
        return tostring(h.part) .. ":" .. tostring(h.note) .. ":" .. tostring(h.paragraph) .. ":" .. tostring(pos)
      end
      local at, asked = {}, {}
      for _, m in ipairs(e.mentions or {}) do
        if not asked[m.text] then
          asked[m.text] = true
          -- a shorter name matching at the same place ("Soviet" inside
          -- "Soviet of Workers' Deputies") never replaces the longer line
          for _, l in ipairs(doc:concordance(m.text, { scope = "all" })) do
            local k = key(l, l.pos)
            if not at[k] or at[k].len < l.len then at[k] = l end
          end
        end
      end
      local kept = {}
      for _, m in ipairs(e.mentions or {}) do
        local l = at[key(m, m.pos)]
        if l then
          l.entity = e.id
          kept[#kept + 1] = l
        end
      end
      for _, l in ipairs(kept) do rows[#rows + 1] = l end
    end
    put("kwic-entities.csv", export.csv(rows, { "entity", "part", "paragraph", "note", "sentence", "left",
      "match", "right" }), what)
  else
    notes[#notes + 1] = "kwic-entities.csv: this build has no entity support yet (doc:entities)"
  end
  if #words == 0 then
    -- without entities: the most frequent content words
    for i, f in ipairs(doc:frequencies({ stoplist = true })) do
      if i > 4 then break end
      words[#words + 1] = f.word
    end
  end
  put(name .. ".tei.xml", export.tei(doc),
    "TEI P5 XML, for digital editions (valid TEI P5: jing tei_all.rng checks it)")
  put(name .. ".json", export.json(doc), "the whole document as JSON")
  put(name .. ".md", export.markdown(doc), "Pandoc Markdown")
  if #words > 0 then
    local names = {}
    for i, x in ipairs(words) do names[i] = type(x) == "table" and x[1] or x end
    put("dispersion.svg", plot.dispersion(doc, words), "where " .. table.concat(names, ", ") ..
      " occur: open in a browser")
  end
  put("frequencies.svg", plot.frequencies(doc), "the most frequent words: open in a browser")
  local ok, err = pandoc(export.pandoc(doc), "docx", dir .. "/" .. name .. ".docx")
  if ok then
    wrote[#wrote + 1] = { dir .. "/" .. name .. ".docx", "the text and its notes for a word processor" }
  else
    notes[#notes + 1] = name .. ".docx: " .. err
  end
  print(("Study pack for %s written to %s/:"):format(doc.title or "the page", dir))
  local w = 0
  for _, x in ipairs(wrote) do w = math.max(w, ulen(x[1])) end
  for _, x in ipairs(wrote) do print("  " .. pad(x[1], w, true) .. "  " .. x[2]) end
  for _, n in ipairs(notes) do print("  note: " .. n) end
  print()
  print("Open the study page:  xdg-open " .. dir .. "/" .. name .. ".html   (or any browser)")
end

-- index DIR -o FILE: writes the index file of the pages under DIR.
commands.index = function(_, args, opts)
  local dir = args[1]
  if not dir or args[2] then die("index needs one DIR (see leninletter index --help)") end
  if not opts.output then die("index needs -o FILE (see leninletter index --help)") end
  local t0 = os.time()
  local ok, err = ll.index({ dir }, opts.output, { progress = progressbar(), update = opts.update,
    batch = intopt(opts, "batch", 128, 1) })
  if not ok then die(err) end
  local c, oerr = ll.corpus(opts.output)
  if not c then die(oerr) end
  for _, w in ipairs(c.warnings) do warn("leninletter: warning: ", w, "\n") end
  local f = io.open(opts.output, "rb")
  local size = f and f:seek("end") or 0
  if f then f:close() end
  io.stderr:write(("%d pages indexed into %s (%.1f MB) in about %d s\n"):format(
    #c, opts.output, size / 1e6, os.time() - t0))
end

--- The commands, given the command line's helpers.
-- @tab h the helpers
-- @treturn table `{USAGE, HELP, commands, loaddir, loadcatalogue}`
-- @usage local cli = require("leninletter.cli")(helpers)
return function(h)
  write, print, warn, die, usage_error = h.write, h.print, h.warn, h.die, h.usage_error
  intopt, choiceopt, columns, isatty = h.intopt, h.choiceopt, h.columns, h.isatty
  ulen, ufirst, pad, ll = h.ulen, h.ufirst, h.pad, h.ll
  return { USAGE = USAGE, HELP = HELP, commands = commands, loaddir = loaddir, loadcatalogue = loadcatalogue }
end
