-- Structure (API.md, contract version 2): every Block's kind, level, label,
-- rows, spans and sentence_pos, doc.sections, doc:sentences() and
-- opts.kinds, on real pages of ../shared/corpus (issue #13). Each case says
-- which page it reads and what its HTML holds.
local ll = require "leninletter"
local H = require "spec.helpers"

local CORPUS = os.getenv("LENINLETTER_CORPUS") or "../shared/corpus"

local function have_corpus()
  local f = io.open(CORPUS .. "/MANIFEST.tsv", "rb")
  if f then f:close() end
  return f ~= nil
end

local function open(path)
  return assert(ll.open(CORPUS .. "/" .. path))
end

-- the text of span s of block b
local function spantext(b, s)
  return b.text:sub(s.pos, s.pos + s.len - 1)
end

local STATEREV1 = "mia-lenin/archive/lenin/works/1917/staterev/ch01.htm"

describe("structure of real archive pages", function()
  if not H.exists(CORPUS .. "/MANIFEST.tsv") then
    it("reads the archive sample", function() pending(H.absent(CORPUS .. "/MANIFEST.tsv")) end)
    return
  end

  -- State and Revolution, chapter 1: its author, work and chapter title are
  -- only the alt texts of three pictures (<img alt="Vladimir Lenin’s">,
  -- alt="The State and Revolution", alt="Class Society and the State");
  -- its four sections are <h4>s ("1. The State: A Product of the
  -- Irreconcilability of Class Antagonisms", ...); quotations are
  -- <p class="quote">; <em>names</em> and <em>substance</em> in the first
  -- paragraph; a link to Engels' Origin of the Family.
  it("takes a chapter title that exists only as a picture's alt text", function()
    if not have_corpus() then return end
    local d = open(STATEREV1)
    assert.equal("Class Society and the State", d.title)
    assert.equal("The State and Revolution", d.subtitle)
    assert.equal("Vladimir Lenin", d.author)
  end)

  it("reads <h4> sections as headings of level 1, with their outline", function()
    if not have_corpus() then return end
    local d = open(STATEREV1)
    local h = d.paragraphs[1]
    assert.equal("heading", h.kind)
    assert.equal(1, h.level)
    assert.equal("1. The State: A Product of the Irreconcilability of Class Antagonisms", h.text)
    -- a printed number opening a heading ends no sentence
    assert.same({ h.text }, h.sentences)
    assert.same({ 1 }, h.sentence_pos)
    assert.equal(4, #d.sections)
    assert.same({ title = "1. The State: A Product of the Irreconcilability of Class Antagonisms",
      level = 1, paragraph = 1, first = 2, last = 11 }, d.sections[1])
    assert.same({ title = "2. Special Bodies of Armed Men, Prisons, etc.",
      level = 1, paragraph = 12, first = 13, last = 29 }, d.sections[2])
    assert.equal(#d.paragraphs, d.sections[4].last)
    assert.equal("paragraph", d.paragraphs[2].kind)
    assert.is_nil(d.paragraphs[2].level)
  end)

  it("reads <p class=\"quote\"> as a quotation", function()
    if not have_corpus() then return end
    local d = open(STATEREV1)
    local q = d.paragraphs[6]
    assert.equal("quote", q.kind)
    assert.equal("“The state is, therefore, by no means a power forced on society from without;",
      q.text:sub(1, #"“The state is, therefore, by no means a power forced on society from without;"))
    local n = 0
    for _, b in ipairs(d.paragraphs) do if b.kind == "quote" then n = n + 1 end end
    assert.equal(10, n)
  end)

  it("gives emphasis and links as spans over the text, href as written", function()
    if not have_corpus() then return end
    local d = open(STATEREV1)
    local p = d.paragraphs[2]
    assert.equal(2, #p.spans)
    assert.same({ kind = "emphasis", pos = 546, len = 5 }, p.spans[1])
    assert.equal("names", spantext(p, p.spans[1]))
    assert.equal("substance", spantext(p, p.spans[2]))
    local l = d.paragraphs[4].spans[1]
    assert.equal("link", l.kind)
    assert.equal("The Origin of the Family, Private Property and the State", spantext(d.paragraphs[4], l))
    assert.equal("../../../../marx/works/1884/origin-family/index.htm", l.href)
    -- the note markers ([1] in <sup class="ednote"><a href="#fw01">) stay refs, not links
    for _, b in ipairs(d.paragraphs) do
      for _, s in ipairs(b.spans) do assert.is_falsy(s.href and s.href:match("^#fw")) end
    end
    -- notes have spans too: note 3 names Anti-Duhring in <i>
    local n3 = d:note(3).paragraphs[1]
    assert.equal("Anti-Duhring,", spantext(n3, n3.spans[1]))
  end)

  -- Chapter 4, its 43rd block: "... the Erfurt Programme,<sup
  -- class="ednote"><a href="#fw04">[4]</a></sup> sent by Engels ... in
  -- <em>Neue Zeit</em>": the marker goes, the span still covers the words.
  it("keeps a span's place right after a note marker is taken out", function()
    if not have_corpus() then return end
    local d = open("mia-lenin/archive/lenin/works/1917/staterev/ch04.htm")
    local p = d.paragraphs[43]
    assert.same({ { note = 4, pos = 97 } }, p.refs)
    assert.equal("Programme,", p.text:sub(87, 96))
    assert.same({ kind = "emphasis", pos = 179, len = 9 }, p.spans[1])
    assert.equal("Neue Zeit", spantext(p, p.spans[1]))
  end)

  -- 1917/nov/12 (the Extraordinary Congress of Peasants' Deputies): <h2>1</h2>
  -- over each document, <h3> for its title, <h4>Newspaper Report</h4>.
  it("gives heading levels relative to the body's highest, and parents", function()
    if not have_corpus() then return end
    local d = open("mia-lenin/archive/lenin/works/1917/nov/12.htm")
    local s = d.sections
    assert.same({ title = "1", level = 1, paragraph = 1, first = 2, last = 5 }, s[1])
    assert.equal(2, s[2].level)
    assert.equal(1, s[2].parent)
    assert.equal("Statement to the Bolshevik Group at the Extraordinary All-Russia Congress of Soviets of Peasants' Deputies",
      s[2].title)
    assert.same({ title = "Newspaper Report", level = 3, paragraph = 8, first = 9, last = 14, parent = 4 }, s[5])
    assert.equal(15, #s)
    for _, sec in ipairs(s) do
      local h = d.paragraphs[sec.paragraph]
      assert.equal("heading", h.kind)
      assert.equal(sec.level, h.level)
    end
  end)

  -- Shachtman, 1948/10/fi.htm: <ol> of <li class="quote"> (ten), then
  -- <ol type="a"> (two), and a <ul> of four bullets further down.
  it("reads <ol> and <ul> items with the numbers a browser shows", function()
    if not have_corpus() then return end
    local d = open("mia-pd/archive/shachtma/1948/10/fi.htm")
    local first = d.paragraphs[18]
    assert.equal("item", first.kind)
    assert.equal("1.", first.label)
    assert.equal("In the German language, only the official positions have been published,",
      first.text:sub(1, #"In the German language, only the official positions have been published,"))
    assert.equal("10.", d.paragraphs[27].label)
    assert.equal("a.", d.paragraphs[35].label)
    assert.equal("b.", d.paragraphs[36].label)
    assert.equal("item", d.paragraphs[49].kind)
    assert.is_nil(d.paragraphs[49].label) -- a bullet
  end)

  -- The Seventh Congress, document 18: "b) In the economic sphere:" is a
  -- paragraph that prints its own label.
  it("reads a paragraph that opens with a printed label as an item", function()
    if not have_corpus() then return end
    local d = open("mia-lenin/archive/lenin/works/1918/7thcong/18.htm")
    local it_ = d.paragraphs[38]
    assert.equal("item", it_.kind)
    assert.equal("b)", it_.label)
    assert.equal("In the economic sphere:", it_.text)
  end)

  -- The Soviet Republic pamphlet (1918/prrk/soviet_republic.htm): a
  -- <table border="1"> of the congresses of Soviets, a heading row then five.
  it("reads a table of data as one table Block with rows of cells", function()
    if not have_corpus() then return end
    local d = open("mia-lenin/archive/lenin/works/1918/prrk/soviet_republic.htm")
    local t = d.paragraphs[33]
    assert.equal("table", t.kind)
    assert.equal(6, #t.rows)
    assert.same({ "First (June 3, 1917)", "790", "103", "13" }, t.rows[2])
    assert.same({ "Fifth (July 4, 1918)", "1,164", "773", "66" }, t.rows[6])
    local lines = {}
    for i, r in ipairs(t.rows) do lines[i] = table.concat(r, "\t") end
    assert.equal(table.concat(lines, "\n"), t.text)
    -- the table's words are text for queries as any block
    assert.equal(1, d:count("Bolsehviks", { kinds = { "table" } }))
  end)

  -- The Collected Works' index (mia-reader-lenin/.../works/cw/index.htm): its
  -- table of volumes ends "Volume 45 | Letters, etc., 1920—1923 | PDF", then
  -- a spacer row, <tr><td class="index">&#160;</td></tr>, before </table>.
  it("drops a spacer row closing a table", function()
    if not have_corpus() then return end
    local d = open("mia-reader-lenin/archive/lenin/works/cw/index.htm")
    local t = d.paragraphs[9]
    assert.equal("table", t.kind)
    assert.equal(45, #t.rows)
    assert.same({ "Volume 45", "Letters, etc., 1920—1923", "PDF" }, t.rows[45])
    assert.equal("Volume 45\tLetters, etc., 1920—1923\tPDF", t.text:sub(-#"Volume 45\tLetters, etc., 1920—1923\tPDF"))
  end)

  -- The State and Revolution's index (mia-lenin/.../1917/staterev/index.htm) opens a
  -- <blockquote> around the whole page and never closes it; its "Endnotes" are p.fst,
  -- p, p.quote ("Entre nous, if I am knocked off..."), p, p.
  it("reads a blockquote around the whole page as layout, not a quotation", function()
    if not have_corpus() then return end
    local d = open("mia-lenin/archive/lenin/works/1917/staterev/index.htm")
    local kinds = {}
    for i, p in ipairs(d:note(1).paragraphs) do kinds[i] = p.kind end
    assert.same({ "paragraph", "paragraph", "quote", "paragraph", "paragraph" }, kinds)
    assert.equal("\"Entre nous", d:note(1).paragraphs[3].text:sub(1, 11))
  end)

  -- Novack, 1936/04/soule.htm: <p class="c">* * *</p> between two paragraphs.
  it("reads * * * as a separator, as printed", function()
    if not have_corpus() then return end
    local d = open("mia-pd/archive/novack/1936/04/soule.htm")
    local s = d.paragraphs[56]
    assert.equal("separator", s.kind)
    assert.equal("* * *", s.text)
  end)

  -- Arnot, 1934/03/morrisvindicated.htm: Morris's "A Death Song" in
  -- <p class=fst> stanzas, lines parted by <br />; its last two lines in <i>.
  it("reads a poem's stanzas as verse, a Block each, lines kept", function()
    if not have_corpus() then return end
    local d = open("mia-pd/archive/arnot-page/1934/03/morrisvindicated.htm")
    local v = d.paragraphs[125]
    assert.equal("verse", v.kind)
    local lines = {}
    for l in (v.text .. "\n"):gmatch("(.-)\n") do lines[#lines + 1] = l end
    assert.equal(6, #lines)
    assert.equal("What cometh here from west to east awending?", lines[1])
    assert.equal("But one and all if they would dusk the day", lines[6])
    assert.equal("emphasis", v.spans[1].kind)
    assert.equal("Not one, not one, nor thousands must they slay,\nBut one and all if they would dusk the day",
      spantext(v, v.spans[1]))
    assert.equal("verse", d.paragraphs[126].kind)
    assert.equal("We asked them for a life of toilsome earning,", d.paragraphs[126].text:match("^[^\n]*"))
  end)

  it("limits queries, frequencies and sentences to opts.kinds", function()
    if not have_corpus() then return end
    local d = open(STATEREV1)
    local all = d:count("state")
    local q = d:count("state", { kinds = { "quote" } })
    local p = d:count("state", { kinds = { "paragraph" } })
    local h = d:count("state", { kinds = { "heading" } })
    assert.equal(110, all)
    assert.equal(all, q + p + h)
    assert.equal(3, h)
    for _, hit in ipairs(d:find("state", { kinds = { "quote" } })) do
      assert.equal("quote", d.paragraphs[hit.paragraph].kind)
    end
    assert.equal(0, d:count("state", { kinds = {} }))
    local n = 0
    for tok in d:tokens({ kinds = { "heading" } }) do
      assert.equal("heading", d.paragraphs[tok.paragraph].kind)
      n = n + 1
    end
    assert.equal(41, n)
    local f = d:frequencies({ kinds = { "heading" } })
    assert.same({ word = "the", count = 7 }, f[1])
    local heads = {}
    for s in d:sentences({ scope = "all", kinds = { "heading" } }) do heads[#heads + 1] = s.text end
    assert.same({ "Class Society and the State", "The State and Revolution",
      "1. The State: A Product of the Irreconcilability of Class Antagonisms",
      "2. Special Bodies of Armed Men, Prisons, etc.",
      "3. The State: an Instrument for the Exploitation of the Oppressed Class",
      "4. The “Withering Away” of the State, and Violent Revolution" }, heads)
    assert.equal(h, ll.corpus({ d }):count("state", { kinds = { "heading" } }))
    assert.has_error(function() d:count("state", { kinds = { "poem" } }) end,
      'bad argument #2 to \'count\' (opts.kinds[1] must be one of "paragraph", "heading", "quote", "verse", "item", "table", "separator", got "poem")')
    assert.has_error(function() d:count("state", { kinds = "quote" }) end,
      "bad argument #2 to 'count' (opts.kinds must be an array of kinds, got string)")
  end)
end)

describe("structure of the letter and plain text", function()
  local letter = ll.letter()

  it("gives the letter's 21 blocks the kind paragraph, no spans", function()
    assert.equal(21, #letter.paragraphs)
    for _, b in ipairs(letter.paragraphs) do
      assert.equal("paragraph", b.kind)
      assert.same({}, b.spans)
      assert.is_nil(b.label)
      assert.is_nil(b.rows)
    end
    assert.same({}, letter.sections)
  end)

  it("gives every sentence its position (sentence_pos) and iterates them", function()
    local n = 0
    for _, b in ipairs(letter.paragraphs) do
      assert.equal(#b.sentences, #b.sentence_pos)
      for k, s in ipairs(b.sentences) do
        assert.equal(s, b.text:sub(b.sentence_pos[k], b.sentence_pos[k] + #s - 1))
      end
      n = n + #b.sentences
    end
    local m, first = 0, nil
    for s in letter:sentences() do
      m = m + 1
      first = first or s
      assert.equal(s.text, letter.paragraphs[s.paragraph].sentences[s.sentence])
      assert.equal(s.len, #s.text)
    end
    assert.equal(n, m)
    assert.same({ text = letter.paragraphs[1].sentences[1], part = "body", paragraph = 1,
      sentence = 1, pos = 1, len = #letter.paragraphs[1].sentences[1] }, first)
    local notes = 0
    for s in letter:sentences({ scope = "notes" }) do
      assert.equal("note", s.part)
      assert.is_number(s.note)
      notes = notes + 1
    end
    assert.is_true(notes > 8)
    assert.has_error(function() letter:sentences({ scope = "x" }) end,
      'bad argument #1 to \'sentences\' (opts.scope must be "body", "notes" or "all", got "x")')
  end)

  it("tells every note ref the sentence it stands in", function()
    for _, note in ipairs(letter.notes) do
      for _, r in ipairs(note.refs) do assert.is_number(r.sentence) end
    end
  end)

  it("reads what plain text shows: headings before prose, * * *, labelled items", function()
    local text = table.concat({
      "V. I. Lenin", "", "A Page", "",
      "Written: 1905", "Source: Lenin Collected Works, Volume 10", "",
      "The First Section", "",
      "This is a paragraph of prose with many words, long enough to read as prose to anyone.", "",
      "1. The first point of our proposal.", "",
      "(b) The second point.", "",
      "V. I. Lenin wrote this line, and it opens with initials, not a label.", "",
      "* * *", "",
      "Another paragraph of prose with many words, long enough to read as prose to anyone.", "",
    }, "\n")
    local d = assert(ll.parse(text))
    local kinds, labels = {}, {}
    for i, b in ipairs(d.paragraphs) do kinds[i], labels[i] = b.kind, b.label or false end
    assert.same({ "heading", "paragraph", "item", "item", "paragraph", "separator", "paragraph" }, kinds)
    assert.same({ false, false, "1.", "(b)", false, false, false }, labels)
    assert.equal("The first point of our proposal.", d.paragraphs[3].text)
    assert.same({ { title = "The First Section", level = 1, paragraph = 1, first = 2, last = 7 } },
      d.sections)
  end)

  it("takes a letter's date line or salutation before prose for no heading", function()
    local prose = "This paragraph of prose has words enough, more than fifteen of them, to read as prose."
    local d = assert(ll.parse(table.concat({
      "V. I. Lenin", "", "A Letter", "", "Written: 1903", "", "November 18, 1903", "", prose, "",
      "Dear Comrade Gorky", "", prose, "", "The Revolution of 1905", "", prose, "" }, "\n")))
    local kinds = {}
    for i, b in ipairs(d.paragraphs) do kinds[i] = b.kind end
    assert.same({ "paragraph", "paragraph", "paragraph", "paragraph", "heading", "paragraph" }, kinds)
  end)

  it("hands out fresh tables: changing one changes nothing later", function()
    local d = ll.letter()
    d.paragraphs[1].kind = "heading"
    d.sections[1] = {}
    assert.equal("paragraph", ll.letter().paragraphs[1].kind)
    assert.same({}, ll.letter().sections)
  end)
end)
