-- The letter compiled into the module, value by value (API.md: Document).
local ll = require "leninletter"

local function bodyrefs(doc)
  local order = {}
  for _, p in ipairs(doc.paragraphs) do
    for _, r in ipairs(p.refs) do order[#order + 1] = r.note end
  end
  return order
end

describe("leninletter.letter", function()
  local doc = ll.letter()

  it("has a version string", function()
    assert.matches("^leninletter %d+%.%d+%.%d+$", ll._VERSION)
  end)

  it("reads the author with its run of spaces collapsed", function()
    assert.equal("V. I. Lenin", doc.author)
    assert.is_nil(doc.number)
  end)

  it("reads the title and the subtitle without its marker", function()
    assert.equal("Our Tasks and the Soviet of Workers’ Deputies", doc.title)
    assert.equal("A Letter to the Editor", doc.subtitle)
  end)

  it("keeps the header fields in source order", function()
    assert.same({ "Written", "Published", "Source", "Transcription\\Markup", "Public Domain" },
      doc.fields)
  end)

  it("reads the header field values, dropping the README link label", function()
    assert.equal("Written on November 2-4 (15-17), 1905", doc.meta.Written)
    assert.equal("First published on November 5, 1940, in Pravda, No. 308. "
      .. "Published according to the manuscript.", doc.meta.Published)
    assert.equal("Lenin Collected Works, Progress Publishers, 1965, Moscow, Volume 10, pages 17-28.",
      doc.meta.Source)
    assert.equal("R. Cymbala", doc.meta["Transcription\\Markup"])
    assert.equal("Lenin Internet Archive (2004). You may freely copy, distribute, display and "
      .. "perform this work; as well as make derivative and commercial works. Please credit "
      .. "“Marxists Internet Archive” as your source.", doc.meta["Public Domain"])
  end)

  it("reads the Source field into its parts", function()
    assert.same({ work = "Lenin Collected Works", publisher = "Progress Publishers",
      place = "Moscow", year = 1965, volume = 10, first_page = 17, last_page = 28 }, doc.source)
  end)

  it("has 21 body paragraphs", function()
    assert.equal(21, #doc.paragraphs)
    assert.equal("Comrades, the question of the significance and role of the Soviet of Workers’ "
      .. "Deputies is now immediately facing", doc.paragraphs[1].text:sub(1, 114))
    assert.equal("And these first and foremost are the tasks that I would set all our Party "
      .. "organisations, all class-conscious workers, the Soviet itself, the workers’ "
      .. "forthcoming congress in Moscow, and the congress of the Peasant Union.",
      doc.paragraphs[21].sentences[2])
  end)

  it("has eight notes with 1, 1, 2, 7, 1, 1, 1, 1 paragraphs", function()
    local counts = {}
    for i, note in ipairs(doc.notes) do
      assert.equal(i, note.n)
      counts[i] = #note.paragraphs
    end
    assert.same({ 1, 1, 2, 7, 1, 1, 1, 1 }, counts)
  end)

  it("lists the body's markers in the order 3, 1, 4, 5, 6, 7, 8", function()
    assert.same({ 3, 1, 4, 5, 6, 7, 8 }, bodyrefs(doc))
  end)

  it("takes markers out of the text and records where they stood", function()
    local p2 = doc.paragraphs[2]
    assert.same({ { note = 3, pos = 126 } }, p2.refs)
    assert.equal("in No. 5 of Novaya Zhizn", p2.text:sub(102, 125))
    assert.equal(" (I have", p2.text:sub(126, 133))
    assert.is_nil(p2.text:find("[3]", 1, true))
    -- a marker after closing quotes
    local p12 = doc.paragraphs[12]
    assert.same({ { note = 5, pos = 264 }, { note = 6, pos = 504 } }, p12.refs)
    assert.equal("“Union of Unions”", p12.text:sub(504 - #"“Union of Unions”", 503))
  end)

  it("records that the subtitle cites note 2", function()
    assert.same({ { part = "subtitle", pos = 23, sentence = 1 } }, doc:note(2).refs)
  end)

  it("records where each note is cited, and in which sentence", function()
    -- note 1's marker ends paragraph 5's fifth sentence ("... members of
    -- the Social-Democratic Party.[1]"): it counts in that sentence
    assert.same({ { part = "body", paragraph = 5, pos = 617, sentence = 5 } }, doc:note(1).refs)
    assert.same({ { part = "body", paragraph = 2, pos = 126, sentence = 2 } }, doc:note(3).refs)
    assert.same({ { part = "body", paragraph = 21, pos = 345, sentence = 2 } }, doc:note(8).refs)
    assert.equal(" members of the Social-Democratic Party.",
      doc.paragraphs[5].sentences[5]:sub(-40))
  end)

  it("replaces the seven page breaks of the body with one space each", function()
    local positions = {}
    for i, p in ipairs(doc.paragraphs) do
      for _, b in ipairs(p.pagebreaks) do
        positions[#positions + 1] = { i, b }
        assert.equal(" ", p.text:sub(b, b))
      end
      assert.is_nil(p.text:find("\194\160", 1, true))
    end
    assert.same({ { 5, 1560 }, { 8, 702 }, { 10, 1177 }, { 11, 880 }, { 13, 813 },
      { 14, 805 }, { 17, 341 } }, positions)
    assert.equal("completely independent", doc.paragraphs[5].text:sub(1550, 1571))
  end)

  it("finds the two page breaks of the notes", function()
    local found = {}
    for _, note in ipairs(doc.notes) do
      for i, p in ipairs(note.paragraphs) do
        for _, b in ipairs(p.pagebreaks) do found[#found + 1] = { note.n, i, b } end
      end
    end
    assert.same({ { 4, 2, 121 }, { 4, 7, 192 } }, found)
  end)

  it("splits the body into 133 sentences, each an exact substring", function()
    local total = 0
    for _, p in ipairs(doc.paragraphs) do
      local from = 1
      for _, s in ipairs(p.sentences) do
        local a, b = p.text:find(s, from, true)
        assert.is_not_nil(a, s)
        from = b + 1
      end
      total = total + #p.sentences
    end
    assert.equal(133, total)
  end)

  it("does not end sentences at abbreviations, initials or a title", function()
    local p2 = doc.paragraphs[2].sentences
    assert.equal("It seems to me that Comrade Radin is wrong in raising the question, in No. 5 of "
      .. "Novaya Zhizn (I have seen only five issues of the virtual Central Organ of our "
      .. "R.S.D.L.P.): the Soviet of Workers’ Deputies or the Party?", p2[2])
    assert.equal("Comrades, the question of the significance and role of the Soviet of Workers’ "
      .. "Deputies is now immediately facing the St. Petersburg Social-Democrats and the entire "
      .. "proletariat of the capital.", doc.paragraphs[1].sentences[1])
    local s5 = doc.paragraphs[5].sentences[5]
    assert.matches("^I do not think so; I still hold the view .- in What Is To Be Done%?, namely, "
      .. "that it is inadvisable", s5)
    local n3 = doc:note(3).paragraphs[1].sentences
    assert.equal("V. V. Vorovsky, M. S. Olminsky and A. V. Lunacharsky were closely associated with "
      .. "the paper, and Maxim Gorky contributed articles and appreciable funds.", n3[4])
  end)

  it("joins each note's paragraphs into its text", function()
    local n3 = doc:note(3)
    assert.equal(n3.paragraphs[1].text .. "\n\n" .. n3.paragraphs[2].text, n3.text)
    assert.equal("See present edition, Vol. 5, pp. 451-67.—Ed.", doc:note(1).text)
  end)

  it("says who wrote each note", function()
    -- note 1 ends "—Ed."; notes 2 to 8 are the Collected Works' own endnotes
    for n = 1, 8 do assert.equal("editor", doc:note(n).by) end
  end)

  it("reads the citations of notes 1 and 4", function()
    -- note 1 is "See present edition, Vol. 5, pp. 451-67.—Ed."; note 4 has
    -- "(see present edition, Vol. 9, p. 310)" in its first paragraph
    assert.same({ { text = "present edition, Vol. 5, pp. 451-67", pos = 5, len = 35, paragraph = 1,
      present = true, volume = 5, first_page = 451, last_page = 467, ranges = { { 451, 467 } } } },
      doc:note(1).citations)
    local c4 = doc:note(4).citations
    assert.equal(1, #c4)
    assert.same({ volume = 9, first_page = 310, last_page = 310, present = true, text = "present edition, Vol. 9, p. 310" },
      { volume = c4[1].volume, first_page = c4[1].first_page, last_page = c4[1].last_page,
        present = c4[1].present, text = c4[1].text })
    assert.equal(c4[1].text, doc:note(4).paragraphs[1].text:sub(c4[1].pos, c4[1].pos + c4[1].len - 1))
    assert.same({}, doc:note(3).citations)
    local all = doc:citations()
    assert.same({ 1, 4 }, { all[1].note, all[2].note })
    assert.equal("present edition, Vol. 9, p. 310", all[2].text)
  end)

  it("keeps the footer out of the text", function()
    assert.same({ "Works Index | Volume 10 | Collected Works | L.I.A. Index", "< backward forward >" },
      doc.navigation)
    local last = doc:note(8).text
    assert.matches("by the end of 1906%.$", last)
  end)

  it("has no warnings", function()
    assert.same({}, doc.warnings)
  end)

  it("returns nil for a note that does not exist", function()
    assert.is_nil(doc:note(9))
    assert.is_nil(doc:note(0))
  end)

  it("hands out fresh tables: changing one never changes the next", function()
    local a = ll.letter()
    a.paragraphs[1].text = "x"
    a.meta.Written = "never"
    a.notes[1].refs[1].pos = -1
    table.remove(a.paragraphs)
    local b = ll.letter()
    assert.equal(21, #b.paragraphs)
    assert.equal("Written on November 2-4 (15-17), 1905", b.meta.Written)
    assert.equal(617, b.notes[1].refs[1].pos)
    assert.not_equal("x", b.paragraphs[1].text)
  end)
end)
