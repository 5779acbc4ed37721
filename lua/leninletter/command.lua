--- The command line tool, `bin/leninletter`: its options, its output
-- helpers and `kwic`; the other commands are in leninletter.cli, loaded
-- when first needed. Works on the letter compiled into the module, or on
-- another archive page given with --file PATH.
-- Usage: leninletter COMMAND [options]; leninletter --help
--
-- Internal module: `bin/leninletter` is a few lines that load it (through
-- the bytecode cache, core.loadcached) and call the function it returns.
-- @module leninletter.command
-- @local

local compat = require "leninletter.compat"  -- Lua 5.1 to 5.4 and LuaJIT
local math, utf8 = compat.math, compat.utf8
-- the module itself is loaded when a command first uses it: a command on an
-- index file (kwic, freq --index) needs only leninletter.index and what it
-- loads, and each module loaded costs start-up time (issue #16)
local ll = setmetatable({}, { __index = function(t, k)
  local m = require "leninletter"
  setmetatable(t, { __index = m })
  return m[k]
end })
local core = require "leninletter.core"
local cli  -- the other commands (leninletter.cli), loaded when first needed: below

-- Nothing a page holds may drive the terminal: its control characters
-- (C0 but tab and newline, DEL, and C1, which some terminals read as
-- escape sequences: ESC [2J clears the screen, OSC 52 writes the
-- clipboard) are written as U+FFFD. Every write to standard output and
-- standard error goes through these.
local function clean(s)
  s = tostring(s)
  s = s:gsub("[%z\1-\8\11\12\14-\31\127]", "\239\191\189")
  -- a carriage return only as part of CRLF (CSV's line end)
  s = s:gsub("\r(\n?)", function(lf) return lf == "\n" and "\r\n" or "\239\191\189" end)
  return (s:gsub("\194[\128-\159]", "\239\191\189"))
end

local function write(...)
  local t = { ... }
  for i = 1, select("#", ...) do t[i] = clean(t[i]) end
  io.stdout:write(table.concat(t))
end

local function print(...)  -- luacheck: ignore 121
  local t = { ... }
  for i = 1, select("#", ...) do t[i] = tostring(t[i]) end
  write(table.concat(t, "\t"), "\n")
end

local function warn(...)
  local t = { ... }
  for i = 1, select("#", ...) do t[i] = clean(t[i]) end
  io.stderr:write(table.concat(t))
end

-- options that take no value
local FLAGS = { help = true, csv = true, stoplist = true, freq = true, version = true, update = true,
  variants = true }

-- the options each command takes
local ALLOWED = {
  info = {}, text = { wrap = true }, notes = { wrap = true }, entities = { catalogue = true },
  kwic = { width = true, sort = true, scope = true, csv = true, dir = true, index = true, variants = true,
    within = true },
  freq = { top = true, stoplist = true, scope = true, csv = true, dir = true, index = true },
  index = { output = true, update = true, batch = true },
  ngrams = { top = true, scope = true, csv = true },
  quiz = { kind = true, count = true, seed = true, choices = true, format = true, output = true },
  export = { output = true },
  plot = { output = true, scope = true, freq = true, top = true },
  pack = { seed = true },
}

-- every option some command takes, with --file, --help and --version
local KNOWN = { file = true, help = true, version = true }
for _, t in pairs(ALLOWED) do for k in pairs(t) do KNOWN[k] = true end end

-- a failure: status 1
local function die(msg)
  warn("leninletter: ", msg, "\n")
  os.exit(1)
end

-- a command line that is not understood: status 2
local function usage_error(msg)
  warn("leninletter: ", msg, "\n")
  os.exit(2)
end

-- Splits argv into the command, its positional arguments and --options.
local function parseargs(argv)
  local opts, pos = {}, {}
  local i = 1
  while i <= #argv do
    local a = argv[i]
    local name, value = a:match("^%-%-([%w-]+)=(.*)$")
    if name then
      if not KNOWN[name] then usage_error(("unknown option --%s (see leninletter --help)"):format(name)) end
      opts[name] = value
    elseif a == "--help" or a == "-h" then
      opts.help = true
    elseif a == "-o" or a:match("^%-%-") then
      name = a == "-o" and "output" or a:sub(3)
      if not KNOWN[name] then usage_error(("unknown option %s (see leninletter --help)"):format(a)) end
      if FLAGS[name] then
        opts[name] = true
      else
        if argv[i + 1] == nil then usage_error("option " .. a .. " needs a value") end
        opts[name] = argv[i + 1]
        i = i + 1
      end
    else
      pos[#pos + 1] = a
    end
    i = i + 1
  end
  return table.remove(pos, 1), pos, opts
end

-- Is file descriptor fd (1 or 2) a terminal? Asked of the module (no child
-- process), else of `test -t`.
local function isatty(fd)
  local t = core.isatty(fd)
  if t ~= nil then return t end
  local r = compat.execute("test -t " .. fd)
  return r == true or r == 0
end

-- The document (or corpus, with the labels of its pages) to work on.
local function load(opts)
  if (opts.dir and 1 or 0) + (opts.index and 1 or 0) + (opts.file and 1 or 0) > 1 then
    die("give one of --file, --dir and --index")
  end
  if opts.dir then return cli().loaddir(opts.dir) end
  if opts.index then
    local idx = require "leninletter.index"
    local c, err = idx.open(opts.index)  -- ll.corpus(opts.index)
    if not c then die(err) end
    for _, w in ipairs(c.warnings) do warn("leninletter: warning: ", w, "\n") end
    -- each page's label: its path under the folder all the pages share
    -- (found in C, without a table of every path), made when a line of
    -- output asks for it
    local common = idx.common(c)
    local labels = setmetatable({}, { __index = function(t, i)
      if type(i) ~= "number" or i < 1 or i > #c or i % 1 ~= 0 then return nil end
      local p = idx.path(c, i) or ("page " .. i)
      if common and p:find(common, 1, true) == 1 then p = p:sub(#common + 1) end
      rawset(t, i, p)
      return p
    end })
    return c, labels
  end
  if opts.file then
    local doc, err = ll.open(opts.file, { entities = opts.catalogue_table })
    if not doc then die(err) end
    return doc
  end
  return ll.letter(opts.catalogue_table and { entities = opts.catalogue_table } or nil)
end

-- An integer option, or dflt.
local function intopt(opts, name, dflt, least)
  local v = opts[name]
  if v == nil then return dflt end
  local n = math.tointeger(tonumber(v))
  if not n or (least and n < least) then
    usage_error(("--%s wants an integer%s, got '%s'"):format(name, least and (" of at least " .. least) or "",
      tostring(v)))
  end
  return n
end

local function choiceopt(opts, name, choices, dflt)
  local v = opts[name]
  if v == nil then return dflt end
  for _, c in ipairs(choices) do
    if v == c then return v end
  end
  usage_error(("--%s must be one of %s, got '%s'"):format(name, table.concat(choices, ", "), tostring(v)))
end

-- The terminal's width: $COLUMNS, `tput cols`, or 80; 80 without asking
-- tput (a child process) when standard output is not a terminal.
local function columns()
  local c = math.tointeger(tonumber(os.getenv("COLUMNS") or ""))
  if c and c > 0 then return c end
  if not isatty(1) then return 80 end
  local p = io.popen("tput cols 2>/dev/null")
  if p then
    local out = p:read("*a") or ""
    p:close()
    c = math.tointeger(tonumber(out:match("%d+") or ""))
    if c and c > 0 then return c end
  end
  return 80
end

-- Characters (code points) of s.
local function ulen(s)
  return utf8.len(s) or #s
end

-- The first n characters of s.
local function ufirst(s, n)
  if n <= 0 then return "" end
  local cut = utf8.offset(s, n + 1)
  if not cut then return s end
  return s:sub(1, cut - 1)
end

-- The last n characters of s.
local function ulast(s, n)
  if n <= 0 then return "" end
  local len = ulen(s)
  if len <= n then return s end
  return s:sub(utf8.offset(s, len - n + 1))
end

local function pad(s, n, right)
  local gap = n - ulen(s)
  if gap <= 0 then return s end
  return right and (s .. (" "):rep(gap)) or ((" "):rep(gap) .. s)
end

-- A short place name for a hit: p5 (body paragraph 5), n3.1 (note 3,
-- paragraph 1), title, subtitle; in a corpus (--dir) the page's path
-- under the folder first, as FILE:p5.
local function place(h, labels)
  local where
  if h.part == "body" then where = "p" .. h.paragraph
  elseif h.part == "note" then where = ("n%d.%d"):format(h.note, h.paragraph)
  else where = h.part end
  if h.doc and labels then return (labels[h.doc] or ("page " .. h.doc)) .. ":" .. where end
  return where
end

-- the usage, the help texts and the commands but kwic (leninletter.cli),
-- loaded when first needed: a concordance compiles none of it (#16)
local more
function cli()
  if more == nil then
    more = require "leninletter.cli" {
      write = write, print = print, warn = warn, die = die, usage_error = usage_error, intopt = intopt,
      choiceopt = choiceopt, columns = columns, isatty = isatty, ulen = ulen, ufirst = ufirst, pad = pad,
      ll = ll,
    }
  end
  return more
end

-- the commands: kwic here, the others in leninletter.cli
local commands = setmetatable({}, { __index = function(_, k) return cli().commands[k] end })

-- the least context a side worth a line of kwic: with less, a folder's
-- paths go on lines of their own
local MIN_CONTEXT = 20

-- The query of kwic's words: one query, or queries joined by & standing
-- together (`soviet & party`: in one sentence, or within --within N words),
-- as the Lua table {"soviet", "party", within = ...}.
local function kwicquery(args, opts)
  local q = table.concat(args, " ")
  local within = opts.within
  if within ~= nil and within ~= "sentence" then within = intopt(opts, "within", nil, 1) end
  if not q:find("&", 1, true) then
    if within ~= nil then usage_error("--within wants queries joined by &, as in 'soviet & party'") end
    return q
  end
  local t = { within = within or "sentence" }
  for part in (q .. "&"):gmatch("([^&]*)&") do
    part = part:gsub("^%s+", ""):gsub("%s+$", "")
    if part == "" then usage_error("each side of & needs a query, as in 'soviet & party'") end
    t[#t + 1] = part
  end
  return t
end

--- `leninletter kwic QUERY`: a line for each match of QUERY in doc, its
-- place, the context on its left, the match and the context on its right,
-- fitted to the terminal's width (or --width).
-- @param doc the Document or Corpus the command works on
-- @tparam table args the words of the query
-- @tparam table opts the options (--sort, --scope, --width, --csv, ...)
-- @param labels a corpus's page labels (its paths), or nil
-- @usage -- the shell's: leninletter kwic 'Black Hundreds' --index sample.llx
function commands.kwic(doc, args, opts, labels)
  if not args[1] then usage_error("kwic needs a QUERY (see leninletter kwic --help)") end
  local q = kwicquery(args, opts)
  local scope = choiceopt(opts, "scope", { "body", "notes", "all" }, "body")
  local sort = choiceopt(opts, "sort", { "position", "left", "right" }, "position")
  local width = intopt(opts, "width", nil, 0)
  local variants = opts.variants or nil
  if opts.csv then
    local export = require "leninletter.export"
    local lines = doc:concordance(q, { scope = scope, sort = sort, width = width or 40, variants = variants })
    for _, l in ipairs(lines) do l.place = place(l, labels) end
    write(export.csv(lines, { "place", "part", "paragraph", "note", "sentence", "pos", "left", "match", "right" }))
    return
  end
  -- place, two spaces, left, space, match, space, right: no wider than cols
  local cols = columns()
  -- one search, with context enough, cut to fit below: the lines' order
  -- does not hang on their context (sorted by the context, by its words,
  -- not by how much of it is shown), and a line's context cut at the width
  -- that fits is the same as a search made at that width (#16)
  local probe = doc:concordance(q, { scope = scope, sort = sort, width = width or cols,
    variants = variants })
  local placew, matchw = 1, 1
  for _, l in ipairs(probe) do
    placew = math.max(placew, ulen(place(l, labels)))
    matchw = math.max(matchw, ulen(l.match))
  end
  local fit = compat.idiv(cols - placew - 2 - matchw - 2, 2)
  -- a folder's paths so long that too little context would be left: each
  -- page's path on a line of its own above its lines (grep --heading), the
  -- lines placed by paragraph or note alone
  local heading = labels ~= nil and fit < MIN_CONTEXT
  if heading then
    placew = 1
    for _, l in ipairs(probe) do placew = math.max(placew, ulen(place(l))) end
    fit = compat.idiv(cols - placew - 2 - matchw - 2, 2)
  end
  if fit < 0 then fit = 0 end
  width = math.min(width or fit, fit)
  local lines = probe
  local page
  for _, l in ipairs(lines) do
    if heading and (labels[l.doc] or ("page " .. l.doc)) ~= page then
      page = labels[l.doc] or ("page " .. l.doc)
      print(page)
    end
    local line = pad(place(l, not heading and labels or nil), placew, true) .. "  "
      .. pad(ulast(l.left, width), width) .. " " .. pad(l.match, matchw, true) .. " " .. ufirst(l.right, width)
    line = ufirst(line, cols):gsub("%s+$", "")
    print(line)
  end
  io.stderr:write(("%d lines\n"):format(#lines))
end

--- Runs the command line argv (the script's `arg`: argv[1] the command,
-- then its arguments and options) and leaves the process with its status.
-- @tparam table argv
return function(argv)
  local cmd, args, opts = parseargs(argv)
  if opts.version then
    io.stdout:write(ll._VERSION, "\n")
    os.exit(0)
  end
  if cmd == nil then
    -- asked for, the usage is the output; not asked for, it is the error
    if opts.help then
      io.stdout:write(cli().USAGE)
      os.exit(0)
    end
    io.stderr:write(cli().USAGE)
    os.exit(2)
  end
  if not commands[cmd] then usage_error(("unknown command '%s' (see leninletter --help)"):format(cmd)) end
  if opts.help then
    io.stdout:write(cli().HELP[cmd])
    os.exit(0)
  end
  local names = {}
  for k in pairs(opts) do names[#names + 1] = k end
  table.sort(names)
  for _, k in ipairs(names) do
    if k ~= "file" and not ALLOWED[cmd][k] then
      usage_error(("unknown option --%s for %s (see leninletter %s --help)"):format(k, cmd, cmd))
    end
  end
  -- the most positional arguments each command takes (kwic and plot take
  -- any number: the words of their queries); "leninletter info page.htm"
  -- must not quietly describe the letter
  local MAXARGS = { info = 0, text = 0, notes = 0, entities = 1, freq = 0, ngrams = 1, quiz = 0,
    export = 1, pack = 1, index = 1 }
  if MAXARGS[cmd] and #args > MAXARGS[cmd] then
    local extra = args[MAXARGS[cmd] + 1]
    local f = not opts.file and io.open(extra, "rb")
    if f then f:close() end
    usage_error(("unexpected argument '%s' for %s%s (see leninletter %s --help)"):format(extra, cmd,
      f and "; to read that page, give --file " .. extra or "", cmd))
  end
  if opts.catalogue then opts.catalogue_table = cli().loadcatalogue(opts.catalogue) end
  local doc, labels
  if cmd ~= "index" then doc, labels = load(opts) end
  local ok, err = pcall(commands[cmd], doc, args, opts, labels)
  if not ok then die(tostring(err)) end
  -- done: leave without closing the Lua state (freeing every object and
  -- unloading the modules one by one is work no one sees; the C library
  -- flushes and closes the open files at exit)
  io.stdout:flush()
  os.exit(0)
end
