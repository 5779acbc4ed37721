-- parsing_spec: issue #13's parsing fixes on real archive pages of
-- ../shared/corpus: source.volume, bracketed numbers that are no markers,
-- markers in the header fields, citations, initials, note.by. Each case
-- names its page and what its HTML holds. The specs that need the corpus
-- are pending, with a message, where it is absent.
local ll = require "leninletter"
local H = require "spec.helpers"

local CORPUS = "../shared/corpus"

-- the page at path under the corpus, parsed
local function open(path)
  return assert(ll.open(CORPUS .. "/" .. path))
end

-- the citation of doc (of note n, when given) whose text starts with prefix
local function cite(doc, prefix, n)
  for _, c in ipairs(doc:citations()) do
    if c.text:sub(1, #prefix) == prefix and (n == nil or c.note == n) then return c end
  end
  error("no citation starting " .. prefix)
end

describe("issue #13's parsing fixes on real pages", function()
  if not H.exists(CORPUS .. "/MANIFEST.tsv") then
    it("reads the archive sample", function() pending(H.absent(CORPUS .. "/MANIFEST.tsv")) end)
    return
  end

  describe("source.volume", function()
    it("reads a volume after a year", function()
      -- mia-lenin/.../1918/mar/28.htm: <p class="information"> holds "Source: Lenin’s
      -- Collected Works, 4th English Edition, Progress Publishers, Moscow, 1972 Volume 27,
      -- pages 235-77"
      local s = open("mia-lenin/archive/lenin/works/1918/mar/28.htm").source
      assert.equal(27, s.volume)
      assert.equal(1972, s.year)
      assert.equal(235, s.first_page)
      assert.equal(277, s.last_page)
      assert.equal("Progress Publishers", s.publisher)
      assert.equal("Moscow", s.place)
      assert.is_nil(s.issue)
    end)

    it("reads a Roman volume and keeps the issue apart", function()
      -- mia-pd/archive/cannon/works/1932/feb/learn.htm: "Source: The Militant, Vol. V
      -- No. 8 (Whole No. 104), 20 February 1932, p. 4."
      local s = open("mia-pd/archive/cannon/works/1932/feb/learn.htm").source
      assert.equal(5, s.volume)
      assert.is_true(math.type == nil or math.type(s.volume) == "integer")
      assert.equal("No. 8 (Whole No. 104)", s.issue)
      assert.equal("The Militant", s.work)
      assert.equal(1932, s.year)
      assert.equal(4, s.first_page)
    end)

    it("reads Vol.XIV with no space, its issue a part of its own", function()
      -- mia-pd/archive/shachtma/1948/10/fi.htm: "Source: New International, <a ...>Vol.XIV,
      -- No.8</a>, October 1948, pp.236-245."
      local s = open("mia-pd/archive/shachtma/1948/10/fi.htm").source
      assert.equal(14, s.volume)
      assert.equal("No.8", s.issue)
      assert.equal(236, s.first_page)
      assert.equal(245, s.last_page)
    end)

    it("reads 'Volume 4 of 4'", function()
      -- mia-pd/archive/cannon/works/1954/todobbs413.htm: "Source: Struggle in the Fourth
      -- International, International Committee Documents 1951-1954, Volume 4 of 4, pages
      -- 231-233, ..."
      local s = open("mia-pd/archive/cannon/works/1954/todobbs413.htm").source
      assert.equal(4, s.volume)
      assert.equal(4, s.volumes)
      assert.equal(231, s.first_page)
    end)
  end)

  describe("bracketed numbers", function()
    it("keeps an editor's year in brackets as text", function()
      -- mia-pd/archive/morrow-felix/1945/12/belgium.html: "your letter to us of November 15
      -- [1945]. We welcome your intervention"; the page has no note 1945
      local doc = open("mia-pd/archive/morrow-felix/1945/12/belgium.html")
      local n = 0
      for _, p in ipairs(doc.paragraphs) do
        n = n + select(2, p.text:gsub("%[194[45]%]", ""))
        for _, r in ipairs(p.refs) do assert.is_truthy(doc:note(r.note)) end
      end
      assert.equal(12, n) -- eleven [1945] and one [1944] in its HTML
      assert.truthy(doc.paragraphs[4].text:find("November 15 [1945]. We welcome", 1, true))
      assert.same({}, doc.warnings)
    end)
  end)

  describe("markers in the header fields", function()
    it("makes a marker in the Source a ref with part = 'meta'", function()
      -- mia-pd/archive/novack/1958/xx/progress.htm: the info block's Source ends
      -- "pp.83-88. <a href="#n1">[1]</a> (William F. Warde was a pseudonym of George
      -- Novack.)", and note 1 says where the article was published
      local doc = open("mia-pd/archive/novack/1958/xx/progress.htm")
      local src = doc.meta.Source
      assert.is_nil(src:find("[1]", 1, true))
      local refs = doc:note(1).refs
      assert.equal(1, #refs)
      assert.equal("meta", refs[1].part)
      assert.equal("Source", refs[1].field)
      assert.equal("International Socialist Review, Vol.19 No.3, Summer 1958, pp.83-88.",
        src:sub(1, refs[1].pos - 1))
      for _, w in ipairs(doc.warnings) do assert.is_nil(w:find("note 1 is not cited", 1, true)) end
      assert.equal(19, doc.source.volume)
    end)
  end)

  describe("citations", function()
    it("keeps a place and a year between the volume and the pages in one citation", function()
      -- mia-lenin/.../1918/prrk/common_liberal.htm, note 5: "(Marx and Engels, Selected
      -- Works, Moscow, 1962, Vol. I, p. 581)": another work, a Roman volume
      local doc = open("mia-lenin/archive/lenin/works/1918/prrk/common_liberal.htm")
      local c = cite(doc, "Marx and Engels, Selected Works, Moscow, 1962, Vol. I,", 5)
      assert.equal("Marx and Engels, Selected Works, Moscow, 1962, Vol. I, p. 581", c.text)
      assert.equal("Marx and Engels, Selected Works", c.work)
      assert.is_false(c.present)
      assert.equal(1, c.volume)
      assert.same({ { 581, 581 } }, c.ranges)
      local note = doc:note(c.note)
      assert.equal(c.text, note.paragraphs[c.paragraph].text:sub(c.pos, c.pos + c.len - 1))
      assert.same(c.ranges, note.citations[1].ranges)
    end)

    it("expands 'pp. 600—03' to 600-603", function()
      -- mia-reader-lenin/.../1914/granat/ch06.htm, note 6: "Dictionary of the Political
      -- Sciences</em>, Vol. 6, pp. 600&#8212;03.&#8212;<em>Ed</em>."
      local doc = open("mia-reader-lenin/archive/lenin/works/1914/granat/ch06.htm")
      local c = cite(doc, "Dictionary of the Political Sciences")
      assert.equal(6, c.volume)
      assert.equal(600, c.first_page)
      assert.equal(603, c.last_page)
      assert.equal("Dictionary of the Political Sciences", c.work)
    end)

    it("keeps every range and the year between", function()
      -- mia-lenin/.../1917/staterev/ch02.htm, note 2: "See Karl Marx and Frederick Engels,
      -- Selected Works, Vol. 1, Moscow, 1973, pp. 118-19 and 126."
      local doc = open("mia-lenin/archive/lenin/works/1917/staterev/ch02.htm")
      local c = cite(doc, "Karl Marx and Frederick Engels, Selected Works, Vol. 1, Moscow, 1973")
      assert.same({ { 118, 119 }, { 126, 126 } }, c.ranges)
      assert.equal(118, c.first_page)
      assert.equal(119, c.last_page)
      assert.is_false(c.present)
      assert.equal("Karl Marx and Frederick Engels, Selected Works", c.work)
    end)

    it("reads 'this volume' as the present edition's volume of the Source", function()
      -- mia-lenin/.../1918/mar/28.htm, note 5: "... this volume, pp. 384-85"; the Source
      -- is Volume 27
      local doc = open("mia-lenin/archive/lenin/works/1918/mar/28.htm")
      local c = cite(doc, "this volume", 5)
      assert.is_true(c.present)
      assert.is_nil(c.work)
      assert.equal(27, c.volume)
      assert.same({ { 384, 385 } }, c.ranges)
    end)
  end)

  describe("the header", function()
    it("takes a name standing first as the author (25 Cannon pages)", function()
      -- mia-pd/archive/cannon/works/1928/dec/01.htm: "<h1>James P. Cannon</h1>" then
      -- "<h3>The Party &#8216;Discussion&#8217; Opens</h3>", and no <meta> author
      local doc = open("mia-pd/archive/cannon/works/1928/dec/01.htm")
      assert.equal("James P. Cannon", doc.author)
      assert.equal("The Party ‘Discussion’ Opens", doc.title)
      assert.is_nil(doc.subtitle)
    end)

    it("does not take 'Part I' for the title", function()
      -- mia-lenin/.../1920/8thcong/ch01.htm: <h2>V. I. Lenin</h2>, <h3>Eighth All-Russia
      -- Congress of Soviets</h3>, <h1>Part I</h1>, <h2>Report On Concessions ...</h2>
      local doc = open("mia-lenin/archive/lenin/works/1920/8thcong/ch01.htm")
      assert.equal("V. I. Lenin", doc.author)
      assert.equal("Eighth All-Russia Congress of Soviets", doc.title)
      assert.equal("Part I. Report On Concessions Delivered To The R C.P.(B.) Group At The Eighth "
        .. "Congress Of Soviets December 21", doc.subtitle)
    end)

    it("takes no author from the site's banner", function()
      -- mia-lenin/.../works/date/1913.htm: <meta name="AUTHOR" content="Vladimir Lenin" />,
      -- <p class="title">Lenin Internet Archive: Works: Date Index</p>, <h2>1913 </h2>
      local doc = open("mia-lenin/archive/lenin/works/date/1913.htm")
      assert.equal("Vladimir Lenin", doc.author)
      assert.equal("1913", doc.title)
    end)

    it("drops a year glued to the author", function()
      -- mia-pd/archive/montefiore/1918/01/03.htm: <p class="title">Dora B. Montefiore
      -- 1918</p>, <h3>An Open Letter to Lenin</h3>
      local doc = open("mia-pd/archive/montefiore/1918/01/03.htm")
      assert.equal("Dora B. Montefiore", doc.author)
      assert.equal("An Open Letter to Lenin", doc.title)
    end)
  end)

  describe("page breaks", function()
    it("keeps the page a chapter starts on and a break between paragraphs", function()
      -- mia-reader-lenin/.../1913/mar/x01.htm: "<!-- vol=19 pg=021 src=v19pp77 type= -->"
      -- before the editors' introduction, "<!-- vol=19 pg=023 ... -->" between it and
      -- "<p class="fst">Throughout the civilised world ...", and pg=024 inside a
      -- paragraph, between "as represented by German" and "philosophy, English"
      local doc = open("mia-reader-lenin/archive/lenin/works/1913/mar/x01.htm")
      assert.equal(21, doc.first_page)
      local p = doc.paragraphs[4]
      assert.equal("Throughout the civilised world", p.text:sub(1, 30))
      assert.same({ 1 }, p.pagebreaks)
      assert.same({ "23" }, p.pagelabels)
      local q = doc.paragraphs[6]
      assert.same({ "24" }, q.pagelabels)
      assert.equal("German philosophy", q.text:sub(q.pagebreaks[1] - 6, q.pagebreaks[1] + 10))
      local labels = {}
      for _, b in ipairs(doc.paragraphs) do
        for _, l in ipairs(b.pagelabels or {}) do labels[#labels + 1] = l end
      end
      assert.same({ "23", "24", "25", "26", "27", "28" }, labels)
    end)

    it("takes the first page from the Source when the page has no page comment", function()
      assert.equal(17, ll.letter().first_page) -- "Volume 10, pages 17-28."
    end)
  end)

  describe("the page's own contents", function()
    it("goes to navigation, not the body", function()
      -- mia-pd/archive/varga/1921/x01/x02.htm: <p class="indentb"><strong> <a
      -- href="x02.htm#p1">1</a>. The root of the problem.<br /> ... seven lines, each a link
      -- to an anchor of the page (<a name="p1"></a> before <h4>I.<br />The Root ...)
      local doc = open("mia-pd/archive/varga/1921/x01/x02.htm")
      assert.equal("The International Situation", doc.paragraphs[1].text)
      assert.equal("I.\nThe Root of the Problem", doc.paragraphs[2].text)
      for _, p in ipairs(doc.paragraphs) do
        assert.is_nil(p.text:find("The root of the problem.", 1, true))
      end
      assert.equal("1. The root of the problem. | 2. The war, the crisis, and the countries of Europe.",
        doc.navigation[1]:sub(1, 82))
    end)
  end)

  describe("note.by", function()
    it("reads '—Lenin' as the author's and an unsigned Lenin endnote as the edition's", function()
      -- mia-reader-lenin/.../1914/granat/ch02.htm: note 1 ends "(Chapter Eight)&#8212;<em>Lenin</em>";
      -- its other notes are signed the same way
      local doc = open("mia-reader-lenin/archive/lenin/works/1914/granat/ch02.htm")
      assert.equal("author", doc:note(1).by)
      -- mia-lenin/.../1918/prrk/democracy.htm: <p class="endnote">[11] Marx and Engels,
      -- Selected Works, Moscow, 1962, Vol. I, pp. 520&ndash;21.</p>, unsigned
      doc = open("mia-lenin/archive/lenin/works/1918/prrk/democracy.htm")
      assert.equal("editor", doc:note(11).by)
    end)

    it("reads an author's initials and the editors' signatures", function()
      -- mia-pd/reference/archive/kerensky/1927/catastrophe/ch04.htm: "<h2>A. F. Kerensky</h2>",
      -- note 1 ends "Prince Lvoff and Konovaloff.&#8212;A. K."
      local doc = open("mia-pd/reference/archive/kerensky/1927/catastrophe/ch04.htm")
      assert.equal("author", doc:note(1).by)
      -- mia-pd/archive/morrow-felix/1943/03/soviet.htm: note 3 ends "&#8211; <em>Ed.</em>",
      -- note 4 "does not appear to have been published. &#8211; <em>MIA</em>"
      doc = open("mia-pd/archive/morrow-felix/1943/03/soviet.htm")
      assert.equal("editor", doc:note(3).by)
      assert.equal("editor", doc:note(4).by)
    end)

    it("reads the signature after a note's last dash, past hyphens and dashes and a long space", function()
      local text = "A. F. Kerensky\n\nThe Title\n\nWritten: 1927\n\nBody[1] and[2] and[3] and[4].\n\n"
        .. "[1] A long-winded, well-known note -- with hyphens - and dashes \226\128\148 here "
        .. "\226\128\147 to the end.\226\128\148Ed.\n\n"
        .. "[2] A well-known note, pp. 5-7.\194\160\226\128\148\194\160A. K.\n\n"
        .. "[3] A note with - a - few - hyphens -- and it ends (Trans.)\n\n"
        .. "[4] A note of a - b \226\128\148 signed at last \226\128\148" .. (" "):rep(300) .. "Kerensky\n\n"
      local doc = assert(ll.parse(text .. "[5] Unsigned - and ends with a hyphenated-word"))
      assert.same({ "editor", "author", "editor", "author" },
        { doc:note(1).by, doc:note(2).by, doc:note(3).by, doc:note(4).by })
      assert.is_nil(doc:note(5).by)
    end)

    it("says nothing where the page does not", function()
      -- mia-pd/archive/novack/1958/xx/progress.htm: note 1, "This is the first of two
      -- articles based on lectures ...", unsigned, on a periodical's page
      assert.is_nil(open("mia-pd/archive/novack/1958/xx/progress.htm"):note(1).by)
    end)
  end)

  describe("notes without numbers", function()
    it("keeps the notes after a last 'Notes' heading as notes, cited where their symbols stand", function()
      -- mia-pd/archive/pepper/1926/12/15.htm: "<h3>Notes</h3>", then '<p class="note"><a
      -- id="n1" href="#f1" name="n1">*</a>&#160;This article was written before the decision
      -- ...</p>' and a note opened by "&#8224;" the same way, and no numbered note; the body
      -- cites them with '<a id="f1" href="#n1" name="f1">[*]</a>' after "resumed work." in
      -- paragraph 20 and with a dagger linked the same way in paragraph 108
      local doc = open("mia-pd/archive/pepper/1926/12/15.htm")
      assert.equal(2, #doc.notes)
      assert.equal("This article was written before the decision to negotiate district agreements.",
        doc:note(1).text)
      assert.equal("This and most of the quotations", doc:note(2).text:sub(1, 31))
      -- pos: the 160 bytes before it are "The longer ... have already resumed work."
      assert.same({ { part = "body", paragraph = 20, pos = 161, sentence = 2 } },
        (function()
          local r = doc:note(1).refs[1]
          return { { part = r.part, paragraph = r.paragraph, pos = r.pos, sentence = r.sentence } }
        end)())
      local p20 = doc.paragraphs[20].text
      assert.equal("resumed work.", p20:sub(161 - #"resumed work.", 160))
      assert.is_nil(p20:find("[*]", 1, true))
      assert.equal(1, #doc:note(2).refs)
      assert.equal(108, doc:note(2).refs[1].paragraph)
      for _, p in ipairs(doc.paragraphs) do assert.is_not.equal("Notes", p.text) end
      assert.same({}, doc.warnings)
    end)

    it("goes on with the body after a note in the middle of a page of several articles", function()
      -- mia-pd/archive/montefiore/1909/xx/justice.htm, a page of articles from Justice: between
      -- "straw workers 1,447, " and "general labourers 94" the body cites '<a id="f1" href="#n1" name="f1">[*]</a>'; the
      -- note '<p class="note"><a id="n1" href="#f1" name="n1">[*]</a>&#160; It seems, in
      -- Italy, ...' follows, then the signature "D.B.M.", "<center>********</center>" and the
      -- next article, "<h3>Adult Suffrage</h3>"
      local doc = open("mia-pd/archive/montefiore/1909/xx/justice.htm")
      assert.equal(1, #doc.notes)
      local note = doc:note(1)
      assert.equal("It seems, in Italy, women may be bricklayers’ labourers, and even do navvying work.",
        note.paragraphs[1].text)
      local r = note.refs[1]
      assert.equal(1, #note.refs)
      local p = doc.paragraphs[r.paragraph].text
      assert.equal("straw workers 1,447, ", p:sub(r.pos - #"straw workers 1,447, ", r.pos - 1))
      assert.equal("general labourers 94", p:sub(r.pos, r.pos + #"general labourers 94" - 1))
      assert.equal("separator", doc.paragraphs[r.paragraph + 1].kind)
      assert.equal("Adult Suffrage", doc.paragraphs[r.paragraph + 2].text)
      assert.equal("heading", doc.paragraphs[r.paragraph + 2].kind)
    end)

    it("reads a note's own number written '1.' as its number, not a list label", function()
      -- mia-pd/archive/novack/works/1949/feb/x01.htm: '<p class="note">1. A gibe on Andrew
      -- Carnegie&#8217;s book <em>Triumphant democracy</em> ...' after the notes heading
      local doc = open("mia-pd/archive/novack/works/1949/feb/x01.htm")
      local p = doc:note(1).paragraphs[1]
      assert.equal("paragraph", p.kind)
      assert.is_nil(p.label)
      assert.equal("A gibe on Andrew Carnegie’s book", p.text:sub(1, #"A gibe on Andrew Carnegie’s book"))
    end)

    it("keeps a transcriber's note at the end of the page a note, by the editor", function()
      -- mia-pd/archive/bukharin/works/1928/09/x01.htm: "<h3>Notes</h3>" then "<p
      -- class="fst">Note by transcriber&#8212;There is no other article by Bukharin in
      -- <em>Labour Monthly</em> from now on.</p>"
      local doc = open("mia-pd/archive/bukharin/works/1928/09/x01.htm")
      assert.equal(1, #doc.notes)
      assert.equal("editor", doc.notes[1].by)
      assert.equal("(To be continued)", doc.paragraphs[#doc.paragraphs].text)
    end)
  end)

  describe("sentences", function()
    it("does not end a sentence at initials with no space", function()
      -- mia-pd/archive/mandel/1982/dec/permrevo.htm: a quotation closes with "(V.I. Lenin,
      -- CW, Vol. 25, September 11, 1917, p. 303; translated from the French)"
      local doc = open("mia-pd/archive/mandel/1982/dec/permrevo.htm")
      local found
      for _, p in ipairs(doc.paragraphs) do
        for _, s in ipairs(p.sentences) do
          if s:find("V.I. Lenin, CW", 1, true) then found = s end
          assert.is_nil(s:find("%f[%w]V%.I%.$"))
        end
      end
      -- the page has no-break spaces after "Vol." and "p."
      assert.equal("(V.I. Lenin, CW, Vol.\194\16025, September 11, 1917, p.\194\160303; translated from "
        .. "the French)", found)
    end)
  end)
end)
