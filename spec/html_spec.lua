-- html_spec: real archive pages in HTML (issue #6). The pages are read
-- from ../shared/corpus (beside the project); the specs that need them are
-- skipped, with a message, where it is absent. Small inline pages check
-- each feature on its own.
local ll = require "leninletter"
local H = require "spec.helpers"
local have_corpus = H.have_corpus

local CORPUS = "../shared/corpus"

local function page(body, head)
  return "<!DOCTYPE html>\n<html><head>" .. (head or "") .. "<title>T</title></head><body>\n"
    .. body .. "\n</body></html>\n"
end

-- a page with every feature: author, title, info block, marker, page
-- comment, note, footer
local BASE = [[
<h2>V. I. Lenin</h2>
<h1>A Test Page</h1>
<p class="information"><span class="info">Written:</span> 1913<br />
<span class="info">Source:</span> Collected Works, Volume 19, pages 21-28</p>
<p>First paragraph with a marker<sup class="enote"><a href="#n1" name="bk1">[1]</a></sup> here.</p>
<p>Second paragraph <!-- vol=19 pg=022 --> goes on past a page break.</p>
<hr />
<p class="endnote"><a name="n1" href="#bk1">[1]</a> The note itself.</p>
<p class="footer">Last updated on: 1.1.2020<br /><a href="../index.htm">Works Index</a></p>
]]

describe("leninletter.parse of HTML", function()
  it("reads the header: author, title and the info block's labelled fields", function()
    local d = assert(ll.parse(page(BASE)))
    assert.equal("V. I. Lenin", d.author)
    assert.equal("A Test Page", d.title)
    assert.same({ "Written", "Source" }, d.fields)
    assert.equal("1913", d.meta.Written)
    assert.equal("Collected Works, Volume 19, pages 21-28", d.meta.Source)
    assert.equal(19, d.source.volume)
  end)

  it("reads body paragraphs, footnote markers and the notes they point to", function()
    local d = assert(ll.parse(page(BASE)))
    assert.equal(2, #d.paragraphs)
    assert.equal("First paragraph with a marker here.", d.paragraphs[1].text)
    assert.same({ { note = 1, pos = 30 } }, d.paragraphs[1].refs)
    assert.equal(1, #d.notes)
    assert.equal(1, d.notes[1].n)
    assert.equal("The note itself.", d.notes[1].text)
    assert.same({ { part = "body", paragraph = 1, pos = 30, sentence = 1 } }, d.notes[1].refs)
    assert.same({}, d.warnings)
  end)

  it("makes a page comment a page break carrying its page number", function()
    local d = assert(ll.parse(page(BASE)))
    local p = d.paragraphs[2]
    assert.equal("Second paragraph goes on past a page break.", p.text)
    assert.same({ 17 }, p.pagebreaks)
    assert.same({ "22" }, p.pagelabels)
  end)

  it("makes an empty page anchor a page break with its label", function()
    local d = assert(ll.parse(page('<h1>A</h1><p>One two <a name="p249"></a>three four.</p>')))
    assert.equal("One two three four.", d.paragraphs[1].text)
    assert.same({ 8 }, d.paragraphs[1].pagebreaks)
    assert.same({ "249" }, d.paragraphs[1].pagelabels)
  end)

  it("keeps the footer out of the text, whatever its wording", function()
    local d = assert(ll.parse(page(BASE)))
    assert.same({ "Last updated on: 1.1.2020 | Works Index" }, d.navigation)
    for _, p in ipairs(d.paragraphs) do
      assert.is_nil(p.text:find("Last updated", 1, true))
    end
  end)

  it("gives a page without an info block its header all the same", function()
    local d = assert(ll.parse(page(
      "<h2>Karl Marx</h2><h1>Capital</h1><p>The State: a Product of Class Antagonisms</p><p>Text.</p>")))
    assert.equal("Karl Marx", d.author)
    assert.equal("Capital", d.title)
    assert.same({}, d.fields)
    assert.equal(2, #d.paragraphs)
    assert.equal("The State: a Product of Class Antagonisms", d.paragraphs[1].text)
  end)

  it("leaves out a bracketed link to the glossary, but keeps glossary links in prose", function()
    local d = assert(ll.parse(page([[<h2>V. I. Lenin</h2>
<h3>The Congress Of Soviets<br />Of  Peasants' Deputies<a href="../../glossary/events/e.htm"><sup
class="enote">[See glossary entry]</sup></a></h3>
<p>The <a href="../../glossary/orgs/s.htm#soviet">Soviet</a> met.<a href="../glossary/x.htm">[See glossary]</a></p>]])))
    assert.equal("The Congress Of Soviets Of Peasants' Deputies", d.title)
    assert.equal(1, #d.paragraphs)
    assert.equal("The Soviet met.", d.paragraphs[1].text)
    assert.same({}, d.warnings)
  end)

  it("keeps a table of contents of the page's own sections out of the text", function()
    local d = assert(ll.parse(page([[<h2>V. I. Lenin</h2><h1>A Book</h1>
<p class="toc">Contents:</p>
<p class="index"><a href="#s1">The First Part</a><br /><a href="#s2">The Second Part</a></p>
<p class="toc"><a href="#s3">3.</a> The Third Part</p>
<h4><a name="s1"></a>The First Part</h4>
<p>Text of the first part.</p>]])))
    assert.same({ "Contents:", "The First Part | The Second Part", "3. The Third Part" }, d.navigation)
    assert.equal(1, #d.paragraphs)
    assert.equal("Text of the first part.", d.paragraphs[1].text)
  end)

  it("keeps an index page's contents, which link to other pages, as its text", function()
    local d = assert(ll.parse(page([[<h2>V. I. Lenin</h2><h1>A Book</h1>
<p class="toc">Contents:</p>
<p class="index"><a href="ch01.htm">Chapter One</a><br /><a href="ch02.htm">Chapter Two</a></p>]])))
    assert.same({}, d.navigation)
    assert.equal(2, #d.paragraphs)
    assert.equal("Contents:", d.paragraphs[1].text)
  end)

  it("reads CRLF line ends as LF", function()
    local d = assert(ll.parse(page(BASE)))
    local d2 = assert(ll.parse((page(BASE):gsub("\n", "\r\n"))))
    assert.equal(#d.paragraphs, #d2.paragraphs)
    for i, p in ipairs(d.paragraphs) do assert.equal(p.text, d2.paragraphs[i].text) end
    assert.same(d.navigation, d2.navigation)
  end)

  it("turns a declared Latin-1 page into UTF-8", function()
    local d = assert(ll.parse(page("<h1>Caf\233 na\239ve</h1><p>R\233sum\233 \150 d\233j\224 vu</p>",
      '<meta http-equiv="content-type" content="text/html; charset=iso-8859-1" />')))
    assert.equal("Café naïve", d.title)
    assert.equal("Résumé – déjà vu", d.paragraphs[1].text)
  end)

  it("reads an undeclared windows-1252 page as windows-1252", function()
    local d = assert(ll.parse(page("<h1>Quotes</h1><p>\147Soviet\148 \150 it\146s</p>")))
    assert.equal("“Soviet” – it’s", d.paragraphs[1].text)
    assert.equal(1, d:count("it's"))
  end)

  it("reads a UTF-8 page as UTF-8", function()
    local d = assert(ll.parse(page("<h1>Ленин</h1><p>Советы рабочих депутатов.</p>", '<meta charset="utf-8">')))
    assert.equal("Ленин", d.title)
    assert.equal(1, d:count("советы"))
  end)

  it("decodes named and numeric entities", function()
    local d = assert(ll.parse(page("<h1>Entities</h1><p>&eacute;tat &mdash; workers&#8217; &amp; &lt;soviets&gt; &#x41;&nbsp;B</p>")))
    assert.equal("état — workers’ & <soviets> A\194\160B", d.paragraphs[1].text)
  end)

  it("reads no external entity", function()
    local d = assert(ll.parse('<!DOCTYPE html SYSTEM "http://example.com/x.dtd" '
      .. '[<!ENTITY x SYSTEM "file:///etc/passwd">]><html><body><h1>X</h1><p>a &x; b</p></body></html>'))
    for _, p in ipairs(d.paragraphs) do assert.is_nil(p.text:find("root:", 1, true)) end
  end)

  it("returns nil and a message for a page with no text", function()
    local d, err = ll.parse("<html><body></body></html>")
    assert.is_nil(d)
    assert.equal("HTML page with no text", err)
  end)

  it("leaves plain-text pages as they were: the letter", function()
    local d = assert(ll.parse(require("leninletter.core").letter_text()))
    assert.equal(21, #d.paragraphs)
    assert.equal(8, #d.notes)
  end)
end)

-- a dozen Lenin pages of the corpus, read by eye in their HTML
local PAGES = {
  { path = "mia-lenin/archive/lenin/works/1917/dec/14b.htm",
    author = "V. I. Lenin", title = "Speech On The Nationalisation Of The Banks",
    fields = { "Delivered", "First Published", "Source", "Translated", "Transcription\\HTML Markup", "Online Version" },
    paragraphs = 16, notes = { 1 }, source = "Lenin's Collected Works, Progress Publishers, Moscow, Volume 26, 1972, pp. 388-390" },
  { path = "mia-lenin/archive/lenin/works/1918/mar/28.htm",
    author = "V. I. Lenin", title = "The Immediate Tasks of the Soviet Government",
    fields = { "Written", "First Published", "Source", "Translated", "Transcription/HTML Markup", "Online Version" },
    paragraphs = 103, notes = { 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14 }, source = "Lenin’s Collected Works, 4th English Edition, Progress Publishers, Moscow, 1972 Volume 27, pages 235-77" },
  { path = "mia-lenin/archive/lenin/works/1918/jan/10.htm",
    author = "V. I. Lenin", title = "Third All-Russia Congress Of Soviets Of Workers’, Soldiers’ And Peasants’ Deputies",
    fields = { "Written", "First Published", "Source", "Translated", "Transcription\\HTML Markup", "Online Version" },
    paragraphs = 92, notes = { 1, 2, 3, 4 }, source = "Lenin’s Collected Works, Progress Publishers, Moscow, Volume 26, 1972, pp. 453-482" },
  { path = "mia-lenin/archive/lenin/works/1918/may/09.htm",
    author = "V. I. Lenin", title = "“Left-Wing” Childishness",
    fields = { "Written", "First Published", "Source", "Translated", "Transcription/HTML Markup", "Online Version" },
    paragraphs = 126, notes = { 1, 2, 3, 4, 5, 6, 7, 8 }, source = "Lenin’s Collected Works, 4th English Edition, Progress Publishers, Moscow, 1972 Volume 27, pages 323-334" },
  { path = "mia-lenin/archive/lenin/works/1920/oct/02.htm",
    author = "Vladimir Lenin", title = "The Tasks of the Youth Leagues",
    fields = { "Written", "Source", "First Published", "Online Version", "Transcribed", "HTML Markup" },
    paragraphs = 57, notes = { 1, 2 }, source = "Collected Works, Volume 31" },
  -- the chapter's author, work and title are only pictures' alt texts
  -- ("Vladimir Lenin’s", "The State and Revolution", "Class Society and the
  -- State"); its <h4> sections open the body (issue #13)
  { path = "mia-lenin/archive/lenin/works/1917/staterev/ch01.htm",
    author = "Vladimir Lenin", title = "Class Society and the State",
    fields = {  },
    paragraphs = 64, notes = { 1, 2, 3, 4, 5, 6, 7 }, source = nil },
  { path = "mia-lenin/archive/lenin/works/1918/7thcong/03.htm",
    author = "V. I. Lenin", title = "Resolution On War And Peace",
    fields = {  },
    paragraphs = 6, notes = { 21 }, source = nil },
  { path = "mia-reader-lenin/archive/lenin/works/1913/mar/x01.htm",
    author = "Vladimir Ilyich Lenin", title = "The Three Sources and Three Component Parts of Marxism",
    fields = { "Published", "Source", "Translated", "Original Transcription", "Re-Marked up by", "Public Domain" },
    paragraphs = 34, notes = {  }, source = "Lenin’s Collected Works, Progress Publishers, 1977, Moscow, Volume 19, pages 21-28." },
  { path = "mia-reader-lenin/archive/lenin/works/1913/mar/22.htm",
    author = "V. I. Lenin", title = "Big Achievement of the Chinese Republic",
    fields = { "Published", "Source", "Translated", "Transcription\\Markup", "Public Domain" },
    paragraphs = 5, notes = {  }, source = "Lenin Collected Works, Progress Publishers, 1977, Moscow, Volume 19, pages 29-30." },
  { path = "mia-reader-lenin/archive/lenin/works/1895/misc/engels-bio.htm",
    author = "Vladimir Ilyich Lenin", title = "Frederick Engels",
    fields = { "Written", "Published", "Source", "Transcription", "Transcription\\Markup", "Public Domain" },
    paragraphs = 12, notes = { 1, 2 }, source = "Lenin Collected Works, Moscow, Volume 2, pages 15-28." },
  { path = "mia-reader-lenin/archive/lenin/works/1914/nov/08.htm",
    author = "V. I. Lenin", title = "Letter to Vorwärts and Wiener Arbeiter-Zeitung",
    fields = { "Published", "Source", "Translated", "Transcription\\Markup", "Public Domain" },
    paragraphs = 4, notes = { 1 }, source = "Lenin Collected Works, Progress Publishers, [197[4]], Moscow, Volume 21, page 42." },
  { path = "mia-reader-lenin/archive/lenin/works/1914/granat/ch01.htm",
    author = "Vladimir Ilyich Lenin", title = "Karl Marx",
    fields = {  },
    paragraphs = 9, notes = { 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13 }, source = nil },
}

describe("leninletter.parse of the corpus's Lenin pages", function()
  for _, want in ipairs(PAGES) do
    it("reads " .. want.path, function()
      if not have_corpus() then
        pending("environment limit: no corpus at " .. CORPUS .. " (the shared/ folder beside the project)")
        return
      end
      local d = assert(ll.open(CORPUS .. "/" .. want.path))
      assert.equal(want.author, d.author)
      assert.equal(want.title, d.title)
      assert.same(want.fields, d.fields)
      assert.equal(want.paragraphs, #d.paragraphs)
      local ns = {}
      for i, n in ipairs(d.notes) do ns[i] = n.n end
      assert.same(want.notes, ns)
      assert.equal(want.source, d.meta.Source)
      assert.is_true(#d.navigation > 0)
    end)
  end

  it("gives Engels' biography its page labels (<!-- vol=2 pg=... --> comments)", function()
    if not have_corpus() then
      pending("environment limit: no corpus at " .. CORPUS .. " (the shared/ folder beside the project)")
      return
    end
    local d = assert(ll.open(CORPUS .. "/mia-reader-lenin/archive/lenin/works/1895/misc/engels-bio.htm"))
    local labels = {}
    for _, p in ipairs(d.paragraphs) do
      for _, l in ipairs(p.pagelabels or {}) do labels[#labels + 1] = l end
    end
    assert.same({ "21", "22", "23", "24", "25", "26", "27" }, labels)
  end)
end)

describe("leninletter.parse over the whole corpus", function()
  it("loads every page; most have a title, the Lenin works pages their Source #corpus #slow", function()
    if not have_corpus() then
      pending("environment limit: no corpus at " .. CORPUS .. " (the shared/ folder beside the project)")
      return
    end
    local c = ll.corpus({ CORPUS })
    assert.equal(1728, #c)
    assert.same({}, c.warnings)
    local n, titled, lenin, sourced = #c, 0, 0, 0
    local paths = {}
    for line in io.lines(CORPUS .. "/MANIFEST.tsv") do
      local p = line:match("^([^\t]+%.html?)\t")
      if p then paths[#paths + 1] = p end
    end
    table.sort(paths)
    for i = 1, n do
      local d = c[i]
      if d.title then titled = titled + 1 end
      if paths[i] and paths[i]:find("/lenin/works/%d%d%d%d/") then
        local f = assert(io.open(CORPUS .. "/" .. paths[i], "rb"))
        local html = f:read("*a")
        f:close()
        if html:find("Source:", 1, true) then  -- the page gives one
          lenin = lenin + 1
          if d.meta.Source then sourced = sourced + 1 end
        end
      end
    end
    assert.is_true(titled >= n * 0.95, ("%d of %d pages have a title"):format(titled, n))
    assert.is_true(lenin >= 20)
    assert.is_true(sourced >= lenin * 0.9, ("%d of %d Lenin works pages that give a Source have one"):format(sourced, lenin))
  end)
end)
