-- One query surface (issue 17): Documents and Corpora share one table of
-- query methods and one option checker, and every public function refuses
-- an unknown option with the same message.
local ll = require "leninletter"
local query = require "leninletter.query"
local quiz = require "leninletter.quiz"

local function err(f)
  local ok, e = pcall(f)
  assert.is_false(ok)
  return e
end

describe("one query surface", function()
  local doc = ll.letter()
  local c = ll.corpus({ ll.letter() })

  it("refuses an unknown option in parse, open, letter and corpus", function()
    -- `entity` is a misspelling of `entities`: it used to give a document
    -- with no entities and no message
    assert.equal("bad argument #2 to 'parse' (unknown option 'entity')",
      err(function() ll.parse("Some text.", { entity = ll.catalogue() }) end))
    assert.equal("bad argument #2 to 'open' (unknown option 'entity')",
      err(function() ll.open("README.md", { entity = ll.catalogue() }) end))
    assert.equal("bad argument #1 to 'letter' (unknown option 'entites')",
      err(function() ll.letter({ entites = {} }) end))
    assert.equal("bad argument #2 to 'corpus' (unknown option 'progres')",
      err(function() ll.corpus({ doc }, { progres = print }) end))
    assert.equal("bad argument #2 to 'parse' (table expected, got string)",
      err(function() ll.parse("Some text.", "entities") end))
  end)

  it("checks a corpus's catalogue when the corpus is made", function()
    assert.equal("bad argument #2 to 'corpus' (opts.entities[1].type must be one of person, "
      .. "organization, periodical, place, event, work; got \"thing\")",
      err(function() ll.corpus({ doc }, { entities = { { name = "X", type = "thing" } } }) end))
  end)

  it("gives a Document and a Corpus the same method, option for option", function()
    for _, name in ipairs({ "count", "find", "concordance", "frequencies", "ngrams",
      "collocates" }) do
      assert.is_function(doc[name])
      assert.is_function(c[name])
    end
    -- the same refusals, word for word
    for _, recv in ipairs({ doc, c }) do
      assert.equal("bad argument #2 to 'count' (unknown option 'scop')",
        err(function() recv:count("soviet", { scop = "all" }) end))
      assert.equal("bad argument #2 to 'concordance' (opts.width must be a non-negative integer, got -1)",
        err(function() recv:concordance("soviet", { width = -1 }) end))
      assert.equal('bad argument #2 to \'collocates\' (opts.measure must be "llr", "mi" or "t", got "x")',
        err(function() recv:collocates("soviet", { measure = "x" }) end))
      assert.equal('bad argument #2 to \'find\' (opts.scope must be "body", "notes" or "all", got "meta")',
        err(function() recv:find("soviet", { scope = "meta" }) end))
      assert.equal("bad argument #1 to 'ngrams' (n must be an integer from 1 to 16, got 17)",
        err(function() recv:ngrams(17) end))
    end
    -- and the same answers: a corpus of the letter alone is the letter
    assert.equal(doc:count("soviet"), c:count("soviet"))               -- 22
    assert.same(doc:frequencies({ min = 9 }), c:frequencies({ min = 9 }))
    assert.same(doc:ngrams(2, { min = 4 }), c:ngrams(2, { min = 4 }))
  end)

  it("names the receiver a method expects", function()
    assert.equal("bad argument #1 to 'count' (Document expected, got table)",
      err(function() doc.count({}, "soviet") end))
    assert.equal("bad argument #1 to 'count' (Corpus expected, got table)",
      err(function() c.count({}, "soviet") end))
  end)

  it("lists each method's options", function()
    assert.is_truthy(query.OPTIONS.concordance.width)
    assert.is_nil(query.OPTIONS.tokens.stem)
  end)

  it("gives quiz its generator through the facade: the same questions for a seed", function()
    local a = quiz.cloze(doc, { count = 3, seed = 7 })
    local b = quiz.cloze(ll.letter(), { count = 3, seed = 7 })
    assert.equal(3, #a)
    for i = 1, 3 do assert.equal(a[i].prompt, b[i].prompt) end
    assert.equal("bad argument #2 to 'cloze' (opts.count must be a positive integer, got 0)",
      err(function() quiz.cloze(doc, { count = 0 }) end))
  end)
end)
