-- Tokens and normal forms (API.md: Words and queries), case by case: each
-- text is parsed as a one-paragraph page and its tokens listed.
local ll = require "leninletter"

-- the tokens of text, as {text, norm} pairs
local function tokens(text)
  local doc = assert(ll.parse("V. I. Lenin\n\nTitle\n\nWritten: 1905\n\n" .. text .. "\n"))
  local out = {}
  for t in doc:tokens() do out[#out + 1] = { t.text, t.norm } end
  return out
end

local cases = {
  { "joins one hyphen between letters", "Social-Democrats", { { "Social-Democrats", "social-democrats" } } },
  { "joins several hyphens", "non-Social-Democrats", { { "non-Social-Democrats", "non-social-democrats" } } },
  { "joins a curly apostrophe and writes it straight", "tsar’s", { { "tsar’s", "tsar's" } } },
  { "joins a straight apostrophe", "tsar's", { { "tsar's", "tsar's" } } },
  { "joins digits", "1905-07", { { "1905-07", "1905-07" } } },
  { "leaves out a trailing apostrophe", "Workers’ Deputies",
    { { "Workers", "workers" }, { "Deputies", "deputies" } } },
  { "leaves out a leading apostrophe", "’tis", { { "tis", "tis" } } },
  { "does not join two hyphens", "a--b", { { "a", "a" }, { "b", "b" } } },
  { "does not join a hyphen before a space", "semi- anarchist",
    { { "semi", "semi" }, { "anarchist", "anarchist" } } },
  { "splits at dashes", "question—and", { { "question", "question" }, { "and", "and" } } },
  { "splits abbreviations at their periods", "R.S.D.L.P.",
    { { "R", "r" }, { "S", "s" }, { "D", "d" }, { "L", "l" }, { "P", "p" } } },
  { "splits at no-break spaces", "No.\194\1605", { { "No", "no" }, { "5", "5" } } },
  { "keeps accented letters", "émigrés", { { "émigrés", "émigrés" } } },
  { "composes a decomposed accent (NFC)", "E\204\129mile", { { "E\204\129mile", "émile" } } },
  { "folds Cyrillic case", "СОВЕТ рабочих", { { "СОВЕТ", "совет" }, { "рабочих", "рабочих" } } },
  { "folds the sharp s", "Straße", { { "Straße", "strasse" } } },
  { "folds Greek final sigma", "ΣΟΦΟΣ σοφός", { { "ΣΟΦΟΣ", "σοφοσ" }, { "σοφός", "σοφόσ" } } },
  { "takes digits of any script", "١٩٠٥", { { "١٩٠٥", "١٩٠٥" } } },
  { "takes letters of scripts without case", "列寧 x", { { "列寧", "列寧" }, { "x", "x" } } },
  { "drops symbols, punctuation and underscores", "a_b $5 §3 “quoted”",
    { { "a", "a" }, { "b", "b" }, { "5", "5" }, { "3", "3" }, { "quoted", "quoted" } } },
  { "joins the Unicode hyphen and keeps it", "Black‐Hundred", { { "Black‐Hundred", "black‐hundred" } } },
  { "never starts a word with a combining mark", "\204\129a", { { "a", "a" } } },
  { "joins apostrophes repeatedly", "don’t’s", { { "don’t’s", "don't's" } } },
}

describe("leninletter.words", function()
  for _, c in ipairs(cases) do
    it(c[1], function()
      assert.same(c[3], tokens(c[2]))
    end)
  end

  it("gives positions in bytes of the block's text", function()
    local doc = assert(ll.parse("V. I. Lenin\n\nTitle\n\nWritten: 1905\n\n“Émigrés’ tsar’s”\n"))
    local got = {}
    for t in doc:tokens() do got[#got + 1] = { t.text, t.pos } end
    assert.same({ { "Émigrés", 4 }, { "tsar’s", 17 } }, got)
    local text = doc.paragraphs[1].text
    for _, g in ipairs(got) do assert.equal(g[1], text:sub(g[2], g[2] + #g[1] - 1)) end
  end)

  it("finds a word whatever its case or apostrophe", function()
    local doc = assert(ll.parse("V. I. Lenin\n\nTitle\n\nWritten: 1905\n\nСОВЕТ, Совет, совет; Straße strasse; TSAR’S tsar's.\n"))
    assert.equal(3, doc:count("совет"))
    assert.equal(2, doc:count("STRASSE"))
    assert.equal(2, doc:count("tsar’s"))
  end)
end)
