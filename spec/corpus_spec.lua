-- corpus_spec: ll.corpus over paths, folders and Documents (issue #6).
-- Small corpora are written to a temporary folder; the shared corpus
-- (../shared/corpus, beside the project) is used where present and the
-- specs that need it are skipped, with a message, where it is absent.
local ll = require "leninletter"
local core = require "leninletter.core"
local H = require "spec.helpers"
local have_corpus = H.have_corpus
local write = H.write

local CORPUS = "../shared/corpus"

local function page(title, body)
  return "<!DOCTYPE html>\n<html><head><title>" .. title .. "</title></head><body>\n"
    .. "<h2>V. I. Lenin</h2>\n<h1>" .. title .. "</h1>\n" .. body .. "\n</body></html>\n"
end

-- a temporary folder of pages:
--   b.htm, a.html, notes.txt (ignored), sub/c.htm, sub/deeper/d.txt, bad.htm
local dir
local function setup()
  dir = os.tmpname()
  os.remove(dir)
  assert(os.execute("mkdir -p '" .. dir .. "/sub/deeper'"))
  write(dir .. "/b.htm", page("Bee", "<p>The Soviet of Workers’ Deputies met.</p><p>A soviet again.</p>"))
  write(dir .. "/a.html", page("Ay", "<p>No soviet here? One soviet.</p>"))
  write(dir .. "/notes.md", "# not a page\n")
  write(dir .. "/sub/c.htm", page("Sea", "<p>Black Hundreds and the Soviet.</p>"))
  write(dir .. "/sub/deeper/d.txt", core.letter_text())
  write(dir .. "/bad.htm", "not\0text")
end

local function teardown()
  os.execute("rm -rf '" .. dir .. "'")
end

describe("leninletter.corpus", function()
  before_each(setup)
  after_each(teardown)

  it("keeps Documents in the order given, folders sorted by path", function()
    local letter = ll.letter()
    local c = ll.corpus({ dir .. "/sub/c.htm", letter, dir })
    -- c.htm; the letter; then the folder: a.html, bad.htm (fails), b.htm,
    -- sub/c.htm, sub/deeper/d.txt
    assert.equal(6, #c)
    assert.equal("Sea", c[1].title)
    assert.equal(letter, c[2])
    assert.equal("Ay", c[3].title)
    assert.equal("Bee", c[4].title)
    assert.equal("Sea", c[5].title)
    assert.equal(letter.title, c[6].title)
    assert.is_nil(c[7])
    assert.is_nil(c[0])
    assert.equal(c[3], c[3])  -- the same Document each time
    assert.same({ dir .. "/sub/c.htm", false, dir .. "/a.html", dir .. "/b.htm",
      dir .. "/sub/c.htm", dir .. "/sub/deeper/d.txt" }, c.paths)
  end)

  it("lists a page that fails in warnings, with its path, and goes on", function()
    local c = ll.corpus({ dir .. "/bad.htm", dir .. "/missing.htm", dir .. "/a.html" })
    assert.equal(1, #c)
    assert.equal("Ay", c[1].title)
    assert.equal(2, #c.warnings)
    assert.truthy(c.warnings[1]:find(dir .. "/bad.htm: ", 1, true))
    assert.truthy(c.warnings[1]:find("NUL", 1, true))
    assert.truthy(c.warnings[2]:find(dir .. "/missing.htm", 1, true))
  end)

  it("calls progress(done, total) as pages load", function()
    local calls = {}
    ll.corpus({ dir, ll.letter() }, { progress = function(done, total)
      calls[#calls + 1] = { done, total }
    end })
    assert.same({ { 1, 6 }, { 2, 6 }, { 3, 6 }, { 4, 6 }, { 5, 6 }, { 6, 6 } }, calls)
  end)

  it("gives every hit the index of its Document", function()
    local c = ll.corpus({ dir .. "/b.htm", dir .. "/a.html", dir .. "/sub/c.htm" })
    local hits = c:find("soviet")
    local docs = {}
    for i, h in ipairs(hits) do docs[i] = h.doc end
    assert.same({ 1, 1, 2, 2, 3 }, docs)
    assert.equal(5, c:count("soviet"))
    assert.equal("Soviet", hits[1].text)
    assert.equal("body", hits[1].part)
    assert.equal(1, hits[1].paragraph)
    assert.equal(5, hits[1].pos)
    assert.equal(5, c:count("soviet", { scope = "all" }))
    assert.equal(3, c:count("bee", { scope = "all" }) + c:count("ay", { scope = "all" }) + c:count("sea", { scope = "all" }))
  end)

  it("answers as a Document does over a corpus of one Document", function()
    local d = ll.letter()
    local c = ll.corpus({ d })
    local function strip(hits)
      for _, h in ipairs(hits) do
        assert.equal(1, h.doc)
        assert.is_nil(h.path) -- a Document given as such has no path
        assert.equal("Our Tasks and the Soviet of Workers’ Deputies", h.title)
        h.doc, h.title = nil, nil
      end
      return hits
    end
    assert.equal(d:count("soviet"), c:count("soviet"))
    assert.same(d:find("Black Hundreds", { scope = "all" }), strip(c:find("Black Hundreds", { scope = "all" })))
    assert.same(d:concordance("the", { sort = "left", width = 20 }),
      strip(c:concordance("the", { sort = "left", width = 20 })))
    assert.same(d:concordance("revolution*", { sort = "right" }),
      strip(c:concordance("revolution*", { sort = "right" })))
    assert.same(d:frequencies({ stoplist = true, min = 3 }), c:frequencies({ stoplist = true, min = 3 }))
    assert.same(d:ngrams(2, { min = 2, scope = "all" }), c:ngrams(2, { min = 2, scope = "all" }))
    for _, m in ipairs({ "llr", "mi", "t" }) do
      local a, b = d:collocates("soviet", { measure = m }), c:collocates("soviet", { measure = m })
      assert.equal(#a, #b)
      for i = 1, #a do
        assert.equal(a[i].word, b[i].word)
        assert.equal(a[i].count, b[i].count)
        assert.near(a[i].score, b[i].score, 1e-9)
      end
    end
  end)

  it("merges frequencies, n-grams and collocates across Documents", function()
    local c = ll.corpus({ dir .. "/b.htm", dir .. "/a.html", dir .. "/sub/c.htm" })
    local f = c:frequencies()
    assert.same({ word = "soviet", count = 5 }, f[1])
    assert.same({ { ngram = "the soviet", count = 2 } }, c:ngrams(2, { min = 2 }))
    assert.same({ ngram = "a soviet", count = 1 }, c:ngrams(2)[2])
    local col = c:collocates("soviet", { window = 1 })
    local words = {}
    for _, x in ipairs(col) do words[x.word] = x.count end
    assert.equal(2, words.the)
    assert.equal(1, words.one)
  end)

  it("runs an LPeg query over every Document", function()
    local ok, lpeg = pcall(require, "lpeg")
    if not ok then pending("lpeg is not installed") return end
    local c = ll.corpus({ dir .. "/b.htm", dir .. "/a.html" })
    local p = lpeg.P("sov") * lpeg.R("az") ^ 0
    assert.equal(4, c:count(p))
    local hits = c:concordance(p, { width = 5 })
    assert.equal(4, #hits)
    assert.equal(2, hits[4].doc)
  end)

  it("raises for misuse", function()
    assert.has_error(function() ll.corpus(3) end,
      "bad argument #1 to 'corpus' (table expected, got number)")
    -- a string names an index file (issue #16): one that is not there is
    -- an expected failure
    local none, err = ll.corpus("x")
    assert.is_nil(none)
    assert.truthy(err:find("cannot open x", 1, true))
    assert.has_error(function() ll.corpus({ 1 }) end,
      "bad argument #1 to 'corpus' (list[1] must be a path or a Document, got number)")
    assert.has_error(function() ll.corpus({}, { progress = 1 }) end,
      "bad argument #2 to 'corpus' (opts.progress must be a function, got number)")
    assert.has_error(function() ll.corpus({}, { nope = 1 }) end,
      "bad argument #2 to 'corpus' (unknown option 'nope')")
    local c = ll.corpus({ ll.letter() })
    assert.has_error(function() c:count("soviet", { scope = "x" }) end,
      'bad argument #2 to \'count\' (opts.scope must be "body", "notes" or "all", got "x")')
    assert.has_error(function() c:find("*") end)
    assert.has_error(function() c:ngrams(0) end,
      "bad argument #1 to 'ngrams' (n must be an integer from 1 to 16, got 0)")
  end)

  it("is an empty corpus for an empty list", function()
    local c = ll.corpus({})
    assert.equal(0, #c)
    assert.equal(0, c:count("soviet"))
    assert.same({}, c:concordance("soviet"))
    assert.same({}, c:frequencies())
  end)

  it("writes each Document as one line of JSON for a search engine", function()
    local ok, cjson = pcall(require, "cjson")
    if not ok then pending("lua-cjson is not installed") return end
    local export = require "leninletter.export"
    local c = ll.corpus({ dir })
    local lines = {}
    for i = 1, #c do lines[i] = export.json(c[i]) end
    local text = table.concat(lines, "\n") .. "\n"
    local n = 0
    for line in text:gmatch("([^\n]*)\n") do
      n = n + 1
      local t = cjson.decode(line)
      assert.equal("leninletter-document", t.schema)
    end
    assert.equal(#c, n)
  end)
end)

describe("leninletter.corpus over the shared corpus", function()
  it("loads all 1,728 pages and finds a word across them #corpus", function()
    if not have_corpus() then
      pending("environment limit: no corpus at " .. CORPUS .. " (the shared/ folder beside the project)")
      return
    end
    local c = ll.corpus({ CORPUS })
    assert.equal(1728, #c)
    assert.same({}, c.warnings)
    local hits = c:concordance("soviet", { width = 20 })
    assert.is_true(#hits > 1000)
    local last = 0
    for _, h in ipairs(hits) do
      assert.is_true(h.doc >= last)
      last = h.doc
      assert.equal("soviet", h.match:lower())
    end
    assert.equal(#hits, c:count("soviet"))
  end)
end)
