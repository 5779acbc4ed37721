-- What a command-line concordance over an index file loads (issue #16: a
-- `leninletter kwic QUERY --index FILE` is a whole process, and every
-- module it compiles is start-up time): the lean parts of the modules
-- (leninletter.base, corpusbase, query, index), not leninletter.document,
-- corpus, querymore, entities, LPeg nor the command line's other commands
-- (leninletter.cli); and what it leaves out is loaded when another path
-- asks for it, with the same answers. A script about one page
-- (`require "leninletter"`) compiles leninletter.corpus and .index only
-- when it asks for a corpus.
-- The pages: ../shared/mia-samples, five of the archive's pages in their
-- plain-text form, indexed here. 08.txt is Lenin's letter to Zinoviev of
-- 12 February 1916 ("Written: Written February 12, 1916" in its header);
-- its second paragraph begins "Please send me as quickly as you can
-- Tagwacht containing Radek’s articles on Gorter".
local compat = require "leninletter.compat"
local ll = require "leninletter"
local H = require "spec.helpers"

local SAMPLES = os.getenv("LENINLETTER_SAMPLES") or "../shared/mia-samples"
local LUA = os.getenv("LUA") or "lua5.4"
local ENV, sh = H.ENV, H.quote

local function readall(path)
  local f = assert(io.open(path, "rb"))
  local s = f:read(compat.ALL)
  f:close()
  return s
end

-- Runs `lua LAUNCHER SCRIPT ARGS...`, the launcher a file that runs SCRIPT
-- with ARGS as `arg` and `...` (not `lua -e`, which make asan's interpreter
-- does not take); it first makes os.exit write the names of the modules of
-- leninletter (and lpeg) loaded when the process exits, sorted, one a
-- line, to a file. Returns the standard output, that list (as one string)
-- and the standard error.
local function run(script, args)
  local list, err, launcher = os.tmpname(), os.tmpname(), os.tmpname()
  local f = assert(io.open(launcher, "wb"))
  f:write(([[
local exit = os.exit
local function names()
  local t = {}
  for k in pairs(package.loaded) do
    if k:find("^leninletter") or k == "lpeg" then t[#t + 1] = k end
  end
  table.sort(t)
  local f = io.open(%q, "wb")
  f:write(table.concat(t, "\n"), "\n")
  f:close()
end
os.exit = function(...) names() exit(...) end
local script, args = arg[1], { [0] = arg[1], [-1] = arg[-1] }
for i = 2, #arg do args[i - 1] = arg[i] end
arg = args
local chunk = assert(loadfile(script))
chunk((table.unpack or unpack)(args, 1, #args))
]]):format(list))
  f:close()
  local cmd = ENV .. LUA .. " " .. sh(launcher) .. " " .. script
  for _, a in ipairs(args) do cmd = cmd .. " " .. sh(a) end
  local out = compat.run(cmd .. " 2>" .. err)
  local loaded, e = readall(list), readall(err)
  os.remove(list)
  os.remove(err)
  os.remove(launcher)
  return out, loaded, e
end

-- run, but for a script given as its source: its output and what it loaded
local function runsource(src)
  local f = os.tmpname()
  local w = assert(io.open(f, "wb"))
  w:write(src)
  w:close()
  local out, loaded, e = run(f, {})
  os.remove(f)
  return out, loaded, e
end

-- what a concordance over an index file loads, and no more
local lean = { "leninletter.base", "leninletter.command", "leninletter.compat", "leninletter.core", "leninletter.corpusbase",
  "leninletter.index", "leninletter.query" }
-- utf8 in Lua, where the interpreter's is not 5.4's (leninletter.compat)
if _VERSION ~= "Lua 5.4" then lean[#lean + 1] = "leninletter.compatutf8" end
table.sort(lean)
local LEAN = table.concat(lean, "\n") .. "\n"

describe("a concordance over an index file from the command line", function()
  if not H.tryread(SAMPLES .. "/08.txt") then
    pending("environment limit: the samples are not at " .. SAMPLES .. " (set LENINLETTER_SAMPLES)")
    return
  end
  local index = os.tmpname()
  setup(function() assert(ll.index({ SAMPLES }, index)) end)
  teardown(function() os.remove(index) end)

  it("loads only the lean parts of the modules, and prints the page's line", function()
    local out, loaded, err = run("bin/leninletter", { "kwic", "Tagwacht", "--index", index })
    assert.are.equal(LEAN, loaded)
    assert.are.equal("08.txt:p2  end me as quickly as you can  Tagwacht  containing Radek’s articles\n", out)
    assert.are.equal("1 lines\n", err)
  end)

  it("loads no more for its options: sorted, & queries, variants, a width", function()
    for _, args in ipairs({
      { "kwic", "Tagwacht & articles", "--index", index, "--sort", "left" },
      { "kwic", "articles", "--index", index, "--sort", "right", "--width", "20", "--scope", "all" },
      { "kwic", "Radek", "--index", index, "--variants" },
    }) do
      local out, loaded = run("bin/leninletter", args)
      assert.are.equal(LEAN, loaded, table.concat(args, " "))
      assert.truthy(out:find("Tagwacht", 1, true) or out:find("Radek", 1, true), table.concat(args, " "))
    end
  end)

  it("loads what another command needs when it asks, with the same answers", function()
    -- freq: the command (leninletter.cli) and the frequency list's method
    -- (leninletter.querymore)
    local out, loaded = run("bin/leninletter", { "freq", "--index", index, "--top", "1" })
    assert.truthy(loaded:find("leninletter.querymore\n", 1, true))
    assert.truthy(loaded:find("leninletter.cli\n", 1, true))
    assert.are.equal(("rank  word   count\n   1  the   %6d\n"):format(
      assert(ll.corpus(index)):frequencies()[1].count), out)
    -- a page's Document (leninletter.document), a Corpus's dates
    -- (leninletter.corpus): asked of an index file's corpus
    out, loaded = runsource(([[
local idx = require "leninletter.index"
local c = assert(idx.open(%q))
local before = package.loaded["leninletter.corpus"] == nil and package.loaded["leninletter.document"] == nil
local d = c:dates()[2]
print(before, d.text, d.date_source, c[2].title, c[2]:note(1) ~= nil)
os.exit(0)
]]):format(index))
    assert.are.equal("true\tFebruary 12, 1916\theader\tTo: G. Y. ZINOVIEV\ttrue\n", out)
    assert.truthy(loaded:find("leninletter.corpus\n", 1, true))
    assert.truthy(loaded:find("leninletter.document\n", 1, true))
  end)

  it("reads a hit's place and its page's title from the file: the same as from the pages", function()
    -- a query's hits on a page are read from the index file (their place:
    -- part, paragraph, note), and past 16 on one page from the page made
    -- once: "the" has more than that on a page (08.txt's body), and hits
    -- in notes (01.txt's two notes) and titles (scope "all")
    local ci, cp = assert(ll.corpus(index)), assert(ll.corpus({ SAMPLES }))
    local most, notes = 0, 0
    for _, q in ipairs({ "the", "soviet", "letter", "article" }) do
      for _, scope in ipairs({ "body", "notes", "all" }) do
        for _, sort in ipairs({ "position", "left" }) do
          local a = ci:concordance(q, { scope = scope, sort = sort, width = 30 })
          assert.are.same(cp:concordance(q, { scope = scope, sort = sort, width = 30 }), a)
          local per = {}
          for _, h in ipairs(a) do
            per[h.doc] = (per[h.doc] or 0) + 1
            most = math.max(most, per[h.doc])
            if h.part == "note" then notes = notes + 1 end
          end
        end
      end
    end
    assert.truthy(most > 16, most)
    assert.truthy(notes > 0)
    for i = 1, #cp do assert.are.equal(cp:title(i), ci:title(i)) end
    assert.are.equal("To: G. Y. ZINOVIEV", ci:title(2))
  end)

  it("loads the other commands' module for them: help and usage", function()
    local out, loaded = run("bin/leninletter", { "kwic", "--help" })
    assert.truthy(out:find("usage: leninletter kwic QUERY", 1, true))
    assert.truthy(loaded:find("leninletter.cli\n", 1, true))
  end)
end)

describe("a script about one page", function()
  it("compiles no corpus or index module until it asks for a corpus", function()
    -- the letter's concordance, then a corpus of the letter: the same
    -- answers, leninletter.corpus and leninletter.index loaded only then
    local out, loaded = runsource([[
local ll = require "leninletter"
local n = #ll.letter():concordance("soviet")
local before = package.loaded["leninletter.corpus"] == nil and package.loaded["leninletter.index"] == nil
local c = ll.corpus({ ll.letter() })
print(before, n, #c:concordance("soviet"), package.loaded["leninletter.corpus"] ~= nil)
os.exit(0)
]])
    local n = #ll.letter():concordance("soviet")
    assert.are.equal(("true\t%d\t%d\ttrue\n"):format(n, n), out)
    assert.truthy(loaded:find("leninletter.corpus\n", 1, true))
    assert.is_nil(loaded:find("leninletter.index\n", 1, true))
  end)

  it("compiles the catalogue proposer only when a catalogue is proposed", function()
    local out, loaded = runsource([[
local ll = require "leninletter"
local n = #ll.letter():concordance("soviet")
local before = package.loaded["leninletter.propose"] == nil
local cat = ll.propose(ll.letter())
print(before, n, cat[1].name, cat[1].count, package.loaded["leninletter.propose"] ~= nil)
os.exit(0)
]])
    local cat = ll.propose(ll.letter())
    assert.are.equal(("true\t%d\t%s\t%d\ttrue\n"):format(#ll.letter():concordance("soviet"),
      cat[1].name, cat[1].count), out)
    assert.truthy(loaded:find("leninletter.propose\n", 1, true))
  end)
end)
