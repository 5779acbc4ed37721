-- Words and queries on the letter (API.md: Words and queries), checked by
-- independent means where there are any: a plain Lua tokenizer, string
-- searches, and NLTK's association measures.
local compat = require "leninletter.compat"  -- utf8 and math as in Lua 5.4, on every Lua
local utf8, math = compat.utf8, compat.math
local ll = require "leninletter"

-- An independent tokenizer for the letter's text (ASCII, a few accented
-- letters, curly quotes, dashes, no-break spaces): words are runs of
-- letters and digits joined by one hyphen or apostrophe; returns the lower
-- cased words with ’ written as '.
local PUNCT = { "\226\128\148", "\226\128\147", "\226\128\156", "\226\128\157", "\194\160", "\226\128\166" }
local function plainwords(text)
  text = text:gsub("\226\128\153", "'")
  for _, p in ipairs(PUNCT) do text = text:gsub(p, " ") end
  local out, i = {}, 1
  while true do
    local a, b = text:find("[%w\128-\255]+", i)
    if not a then break end
    while text:find("^[-'][%w\128-\255]", b + 1) do
      b = select(2, text:find("^[-'][%w\128-\255]+", b + 1))
    end
    out[#out + 1] = text:sub(a, b):lower()
    i = b + 1
  end
  return out
end

-- the texts of the blocks of a scope
local function blocks(doc, scope)
  local t = {}
  if scope == "all" then
    t[#t + 1] = doc.title
    t[#t + 1] = doc.subtitle
  end
  if scope ~= "notes" then
    for _, p in ipairs(doc.paragraphs) do t[#t + 1] = p.text end
  end
  if scope ~= "body" then
    for _, n in ipairs(doc.notes) do
      for _, p in ipairs(n.paragraphs) do t[#t + 1] = p.text end
    end
  end
  return t
end

-- word -> count over a scope, by the plain tokenizer
local function plaincounts(doc, scope)
  local c = {}
  for _, text in ipairs(blocks(doc, scope)) do
    for _, w in ipairs(plainwords(text)) do c[w] = (c[w] or 0) + 1 end
  end
  return c
end

local function errmsg(fn, ...)
  local ok, err = pcall(fn, ...)
  assert.is_false(ok)
  return err
end

describe("leninletter.query", function()
  local doc = ll.letter()

  it("counts Soviet 22 times in the body, 5 in the notes and 28 in all", function()
    assert.equal(22, doc:count("Soviet"))
    assert.equal(22, doc:count("Soviet", { scope = "body" }))
    assert.equal(5, doc:count("Soviet", { scope = "notes" }))
    assert.equal(28, doc:count("Soviet", { scope = "all" }))
    -- the same by a plain search of the texts
    local n = 0
    for _, p in ipairs(doc.paragraphs) do
      for _ in p.text:gmatch("%f[%w]Soviet%f[^%w%-]") do n = n + 1 end
    end
    assert.equal(22, n)
    assert.equal(22, plaincounts(doc, "body").soviet)
    assert.equal(28, plaincounts(doc, "all").soviet)
  end)

  it("ignores case and the kind of apostrophe", function()
    assert.equal(22, doc:count("SOVIET"))
    assert.equal(22, doc:count("soviet"))
    assert.equal(11, doc:count("Soviet of Workers’ Deputies"))
    assert.equal(11, doc:count("soviet of workers' deputies"))
    assert.equal(2, doc:count("tsar's"))
    assert.equal(2, doc:count("TSAR’S"))
  end)

  it("counts phrases, hyphenated words and prefixes", function()
    assert.equal(6, doc:count("Black Hundreds"))
    assert.equal(9, doc:count("Social-Democrats"))
    assert.equal(57, doc:count("revolution*"))
    assert.equal(68, doc:count("revolution*", { scope = "all" }))
    assert.equal(13, doc:count("Soviet of Workers' Deputies", { scope = "all" }))
    assert.equal(1, doc:count("1905-07", { scope = "notes" }))
    -- revolution* by the plain tokenizer
    local n = 0
    for w, c in pairs(plaincounts(doc, "body")) do
      if w:sub(1, 10) == "revolution" then n = n + c end
    end
    assert.equal(57, n)
  end)

  it("takes a trailing apostrophe out of the word", function()
    assert.equal(23, doc:count("Workers"))
    assert.equal(23, doc:count("Workers’"))
    assert.equal(0, doc:count("Workers’ Deputies") - doc:count("Workers Deputies"))
  end)

  it("gives every word as many hits and concordance lines as its count, in every scope #slow", function()
    for _, scope in ipairs({ "body", "notes", "all" }) do
      local opts = { scope = scope }
      local plain = plaincounts(doc, scope)
      local total = 0
      for _, f in ipairs(doc:frequencies(opts)) do
        local n = doc:count(f.word, opts)
        assert.equal(f.count, n, f.word)
        assert.equal(n, #doc:find(f.word, opts), f.word)
        assert.equal(n, #doc:concordance(f.word, opts), f.word)
        assert.equal(plain[f.word], n, f.word)
        total = total + n
      end
      local ntok = 0
      for _ in doc:tokens(opts) do ntok = ntok + 1 end
      assert.equal(ntok, total)
    end
  end)

  it("finds the hits in document order with their places", function()
    local hits = doc:find("Black Hundreds")
    local places = {}
    for i, h in ipairs(hits) do places[i] = { h.paragraph, h.sentence } end
    assert.same({ { 5, 6 }, { 14, 1 }, { 16, 6 }, { 18, 5 }, { 19, 1 }, { 19, 8 } }, places)
    for _, h in ipairs(hits) do
      local text = doc.paragraphs[h.paragraph].text
      assert.equal("body", h.part)
      assert.equal("Black Hundreds", h.text)
      assert.equal(14, h.len)
      assert.equal(h.text, text:sub(h.pos, h.pos + h.len - 1))
      assert.truthy(doc.paragraphs[h.paragraph].sentences[h.sentence]:find("Black Hundreds", 1, true))
    end
  end)

  it("gives a hit's exact fields", function()
    local text = doc.paragraphs[1].text
    local pos = text:find("Soviet", 1, true)
    assert.same({
      part = "body", paragraph = 1, sentence = 1, pos = pos, len = 6, text = "Soviet",
    }, doc:find("Soviet")[1])
    assert.equal(60, pos)
    local note = doc:find("Soviet", { scope = "notes" })[1]
    assert.equal("note", note.part)
    assert.equal(2, note.note)
    assert.equal(1, note.paragraph)
    local title = doc:find("Soviet", { scope = "all" })[1]
    assert.same({ part = "title", sentence = 1, pos = 19, len = 6, text = "Soviet" }, title)
  end)

  it("spans a phrase from its first word to its last", function()
    local h = doc:find("Soviet of Workers' Deputies")[1]
    assert.equal("Soviet of Workers’ Deputies", h.text)
    assert.equal(#"Soviet of Workers’ Deputies", h.len)
  end)

  it("cuts concordance contexts at width characters within the block", function()
    local line = doc:concordance("Soviet")[1]
    assert.equal("ion of the significance and role of the ", line.left)
    assert.equal("Soviet", line.match)
    assert.equal(" of Workers’ Deputies is now immediately", line.right)
    assert.equal(40, utf8.len(line.right))
    -- a hit near the start of its block has a shorter left
    local first = doc:concordance("Comrades")[1]
    assert.equal("", first.left)
    -- widths count characters, never cutting one
    for _, l in ipairs(doc:concordance("the", { width = 25, scope = "all" })) do
      local nl, nr = utf8.len(l.left), utf8.len(l.right)
      assert.truthy(nl and nl <= 25)
      assert.truthy(nr and nr <= 25)
      local text = l.part == "title" and doc.title or l.part == "subtitle" and doc.subtitle
        or l.part == "body" and doc.paragraphs[l.paragraph].text
        or doc:note(l.note).paragraphs[l.paragraph].text
      assert.equal(l.left, text:sub(1, l.pos - 1):sub(-#l.left))
      assert.equal(l.right, text:sub(l.pos + l.len, l.pos + l.len + #l.right - 1))
      if nl < 25 then assert.equal(l.pos - 1, #l.left) end
    end
    local w0 = doc:concordance("Soviet", { width = 0 })[1]
    assert.equal("", w0.left)
    assert.equal("", w0.right)
  end)

  it("shows line breaks inside a block as spaces in the context", function()
    local page = "V. I. Lenin\n\nA Title\n\nWritten: 1905\n\n"
      .. "To the editor,\nComrade Soviet\nSt. Petersburg\n\nAnother Soviet paragraph.\n"
    local d = assert(ll.parse(page))
    assert.equal("To the editor,\nComrade Soviet\nSt. Petersburg", d.paragraphs[1].text)
    local l = d:concordance("Soviet")[1]
    assert.equal("To the editor, Comrade ", l.left)
    assert.equal(" St. Petersburg", l.right)
    local p = d:concordance("editor comrade")[1]
    assert.equal("editor, Comrade", p.match)
    assert.equal("editor,\nComrade", p.text)
  end)

  it("sorts concordance lines by the words to the left, nearest first", function()
    local places = {}
    for i, h in ipairs(doc:concordance("Black Hundreds", { sort = "left" })) do
      places[i] = { h.paragraph, h.sentence }
    end
    -- 1L is "the" everywhere; 2L: but, but, but, government, have, of;
    -- the three "but": 3L all, everyone, who
    assert.same({ { 5, 6 }, { 19, 1 }, { 14, 1 }, { 18, 5 }, { 16, 6 }, { 19, 8 } }, places)
  end)

  it("sorts concordance lines by the words to the right, a block's end first", function()
    local places = {}
    for i, h in ipairs(doc:concordance("Black Hundreds", { sort = "right" })) do
      places[i] = { h.paragraph, h.sentence }
    end
    -- 1R: (end), and, as, has, here, laugh
    assert.same({ { 19, 8 }, { 14, 1 }, { 5, 6 }, { 19, 1 }, { 16, 6 }, { 18, 5 } }, places)
  end)

  it("keeps document order for equal sort keys", function()
    local lines = doc:concordance("Soviet", { sort = "right" })
    local function key(l)
      local w = {}
      for x in l.right:lower():gsub("\226\128\153", "'"):gmatch("[%w'%-]+") do
        w[#w + 1] = x
        if #w == 3 then break end
      end
      return table.concat(w, " ")
    end
    for i = 2, #lines do
      local a, b = lines[i - 1], lines[i]
      assert.truthy(key(a) <= key(b))
      if key(a) == key(b) and a.right == b.right then
        assert.truthy(a.paragraph < b.paragraph
          or (a.paragraph == b.paragraph and a.pos < b.pos))
      end
    end
    assert.equal(22, #lines)
  end)

  it("lists frequencies by count, then word in byte order", function()
    local f = doc:frequencies()
    assert.same({ word = "the", count = 305 }, f[1])
    assert.same({ word = "of", count = 153 }, f[2])
    assert.same({ word = "and", count = 120 }, f[3])
    for i = 2, #f do
      assert.truthy(f[i - 1].count > f[i].count
        or (f[i - 1].count == f[i].count and f[i - 1].word < f[i].word))
    end
    local all = doc:frequencies({ scope = "all" })
    assert.same({ word = "the", count = 445 }, all[1])
  end)

  it("drops the built-in English stop list, or a given one, and counts below min", function()
    local f = doc:frequencies({ stoplist = true })
    assert.same({
      { word = "revolutionary", count = 45 }, { word = "government", count = 29 },
      { word = "people", count = 24 }, { word = "workers", count = 23 },
      { word = "soviet", count = 22 },
    }, { f[1], f[2], f[3], f[4], f[5] })
    local g = doc:frequencies({ stoplist = { "THE", "of" }, min = 100 })
    assert.same({ { word = "and", count = 120 } }, g)
    for _, x in ipairs(doc:frequencies({ min = 20 })) do assert.truthy(x.count >= 20) end
  end)

  it("counts n-grams within a block, in the same order", function()
    local two = doc:ngrams(2)
    assert.same({ ngram = "of the", count = 58 }, two[1])
    assert.same({ ngram = "the soviet", count = 22 }, two[2])
    assert.same({ { ngram = "and the", count = 15 }, { ngram = "it is", count = 15 } },
      { two[3], two[4] })
    local three = doc:ngrams(3, { min = 10 })
    assert.same({
      { ngram = "of workers deputies", count = 11 },
      { ngram = "soviet of workers", count = 11 },
      { ngram = "the soviet of", count = 11 },
      { ngram = "provisional revolutionary government", count = 10 },
    }, three)
    -- the unigrams are the frequency list
    local one, f = doc:ngrams(1), doc:frequencies()
    assert.equal(#f, #one)
    for i = 1, #f do assert.same({ ngram = f[i].word, count = f[i].count }, one[i]) end
    -- bigrams never cross blocks: their total is tokens minus blocks
    local ntok, total = 0, 0
    for _ in doc:tokens() do ntok = ntok + 1 end
    for _, g in ipairs(two) do total = total + g.count end
    assert.equal(ntok - #doc.paragraphs, total)
  end)

  it("scores collocates as NLTK's BigramAssocMeasures do", function()
    -- the marginals, computed here from the tokens: windows of 5 words
    local blocksw, key = {}, nil
    local cur
    for t in doc:tokens() do
      if t.paragraph ~= key then
        cur = {}
        blocksw[#blocksw + 1] = cur
        key = t.paragraph
      end
      cur[#cur + 1] = t.norm
    end
    local N, C, O, R = 0, {}, {}, 0
    for _, b in ipairs(blocksw) do
      local inspan = {}
      for i, w in ipairs(b) do
        N = N + 1
        C[w] = (C[w] or 0) + 1
        if w == "soviet" then
          for j = math.max(1, i - 5), math.min(#b, i + 5) do
            if b[j] ~= "soviet" then inspan[j] = true end
          end
        end
      end
      for j in pairs(inspan) do
        R = R + 1
        O[b[j]] = (O[b[j]] or 0) + 1
      end
    end
    local words = {}
    for w in pairs(O) do words[#words + 1] = w end
    table.sort(words)
    local input = os.tmpname()
    local f = assert(io.open(input, "w"))
    for _, w in ipairs(words) do f:write(("%s %d %d %d %d\n"):format(w, O[w], R, C[w], N)) end
    f:close()
    local py = [[
import sys
from nltk.metrics import BigramAssocMeasures as M
for line in open(sys.argv[1]):
    w, o, r, c, n = line.split()
    o, r, c, n = int(o), int(r), int(c), int(n)
    print(w, repr(M.likelihood_ratio(o, (r, c), n)), repr(M.pmi(o, (r, c), n)),
          repr(M.student_t(o, (r, c), n)))
]]
    local script = os.tmpname()
    f = assert(io.open(script, "w"))
    f:write(py)
    f:close()
    local p = assert(io.popen(("/usr/bin/python3 %s %s"):format(script, input)))
    local want = {}
    for line in p:lines() do
      local w, llr, mi, t = line:match("^(%S+) (%S+) (%S+) (%S+)$")
      want[w] = { llr = tonumber(llr), mi = tonumber(mi), t = tonumber(t) }
    end
    p:close()
    os.remove(input)
    os.remove(script)
    assert.equal(#words, (function() local n = 0 for _ in pairs(want) do n = n + 1 end return n end)())
    for _, measure in ipairs({ "llr", "mi", "t" }) do
      local got = doc:collocates("Soviet", { measure = measure })
      assert.equal(#words, #got)
      for i, c in ipairs(got) do
        assert.equal(O[c.word], c.count)
        local w = want[c.word][measure]
        assert.truthy(math.abs(c.score - w) <= 1e-9 * math.max(1, math.abs(w)),
          ("%s %s: %.12g, NLTK %.12g"):format(measure, c.word, c.score, w))
        if i > 1 then
          local a = got[i - 1]
          assert.truthy(a.score > c.score or (a.score == c.score and a.word < c.word))
        end
      end
    end
  end)

  it("gives the letter's strongest collocates of Soviet", function()
    local top = doc:collocates("Soviet")
    assert.same({ "deputies", "workers", "the" }, { top[1].word, top[2].word, top[3].word })
    assert.same({ 11, 13 }, { top[1].count, top[2].count })
    local stop = doc:collocates("Soviet", { stoplist = true, min = 2, window = 3 })
    for _, c in ipairs(stop) do
      assert.truthy(c.count >= 2)
      assert.is_not.equal("the", c.word)
    end
  end)

  it("places the hits of a query as fractions of the scope's tokens", function()
    local xs, n = doc:dispersion("Soviet")
    local ntok, pos, k = 0, {}, 0
    for t in doc:tokens() do
      if t.norm == "soviet" then pos[#pos + 1] = k end
      k = k + 1
      ntok = ntok + 1
    end
    assert.equal(ntok, n)
    assert.equal(22, #xs)
    for i, x in ipairs(xs) do
      assert.equal(pos[i] / ntok, x)
      assert.truthy(x >= 0 and x < 1)
    end
    local first = doc:dispersion("Comrades")
    assert.equal(0, first[1])
  end)

  it("matches an LPeg pattern against whole normal forms", function()
    local lpeg = require "lpeg"
    local p = lpeg.P("soviet") * lpeg.P("s") ^ -1
    assert.equal(29, doc:count(p, { scope = "all" }))
    assert.equal(0, doc:count(lpeg.P("sovie")))
    assert.equal(22, #doc:find(lpeg.P("soviet")))
    local prefix = lpeg.P("revolution") * (1 - lpeg.S("-")) ^ 0
    assert.equal(doc:count("revolution*") - doc:count("revolutionary-democratic"), doc:count(prefix))
  end)

  it("matches every word of the same English stem with stem = true", function()
    assert.equal(29, doc:count("soviets", { stem = true, scope = "all" }))
    assert.equal(doc:count("revolutionary") + doc:count("revolutionaries"),
      doc:count("revolutionary", { stem = true }))
  end)

  it("iterates the tokens with their places", function()
    local it = doc:tokens()
    assert.same({ text = "Comrades", norm = "comrades", part = "body", paragraph = 1,
      sentence = 1, pos = 1 }, it())
    assert.same({ text = "the", norm = "the", part = "body", paragraph = 1,
      sentence = 1, pos = 11 }, it())
    local first = doc:tokens({ scope = "all" })()
    assert.same({ text = "Our", norm = "our", part = "title", sentence = 1, pos = 1 }, first)
    for t in doc:tokens() do
      if t.text == "tsar’s" then
        assert.equal("tsar's", t.norm)
        assert.equal(t.text, doc.paragraphs[t.paragraph].text:sub(t.pos, t.pos + #t.text - 1))
        break
      end
    end
    local nt = doc:tokens({ scope = "notes" })()
    assert.same({ text = "See", norm = "see", part = "note", paragraph = 1, note = 1,
      sentence = 1, pos = 1 }, nt)
  end)

  it("raises clear errors for malformed queries and options", function()
    assert.equal("bad argument #1 to 'count' (empty query)", errmsg(doc.count, doc, ""))
    assert.equal("bad argument #1 to 'find' ('*' must stand at either end of a word)", errmsg(doc.find, doc, "*"))
    assert.equal("bad argument #1 to 'count' ('*' must stand at either end of a word)",
      errmsg(doc.count, doc, "re*volution"))
    assert.equal("bad argument #1 to 'count' ('*' must stand at either end of a word)",
      errmsg(doc.count, doc, "**ism"))
    assert.equal("bad argument #1 to 'count' (query has no words)", errmsg(doc.count, doc, "..."))
    assert.equal("bad argument #1 to 'concordance' (string, LPeg pattern or table of queries expected, got nil)",
      errmsg(doc.concordance, doc))
    assert.equal("bad argument #2 to 'count' (unknown option 'scop')",
      errmsg(doc.count, doc, "x", { scop = "body" }))
    assert.equal('bad argument #2 to \'find\' (opts.scope must be "body", "notes" or "all", got "meta")',
      errmsg(doc.find, doc, "x", { scope = "meta" }))
    assert.equal("bad argument #2 to 'count' (table expected, got string)",
      errmsg(doc.count, doc, "x", "body"))
    assert.equal('bad argument #2 to \'concordance\' (opts.sort must be "position", "left" or "right", got "up")',
      errmsg(doc.concordance, doc, "x", { sort = "up" }))
    assert.equal("bad argument #2 to 'concordance' (opts.width must be a non-negative integer, got -1)",
      errmsg(doc.concordance, doc, "x", { width = -1 }))
    assert.equal("bad argument #1 to 'ngrams' (n must be an integer from 1 to 16, got 0)",
      errmsg(doc.ngrams, doc, 0))
    assert.equal('bad argument #2 to \'collocates\' (opts.measure must be "llr", "mi" or "t", got "dice")',
      errmsg(doc.collocates, doc, "x", { measure = "dice" }))
    assert.equal("bad argument #2 to 'collocates' (opts.window must be a positive integer, got 0)",
      errmsg(doc.collocates, doc, "x", { window = 0 }))
    assert.equal("bad argument #1 to 'frequencies' (opts.stoplist must be true or an array of strings, got string)",
      errmsg(doc.frequencies, doc, { stoplist = "english" }))
    assert.equal("bad argument #1 to 'tokens' (unknown option 'stem')",
      errmsg(doc.tokens, doc, { stem = true }))
    assert.equal("bad argument #2 to 'count' (opts.stem must be a boolean, got number)",
      errmsg(doc.count, doc, "x", { stem = 1 }))
    assert.equal("bad argument #1 to 'count' (Document expected, got table)",
      errmsg(doc.count, {}, "x"))
  end)

  it("returns fresh tables: changing one changes nothing later", function()
    local h = doc:find("Soviet")
    h[1].text = "x"
    local f = doc:frequencies()
    f[1].count = 0
    assert.equal("Soviet", doc:find("Soviet")[1].text)
    assert.equal(305, doc:frequencies()[1].count)
  end)
end)
