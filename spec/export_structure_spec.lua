-- The exports carry a page's structure (API.md, Structure) and pass their
-- real validators: TEI valid under TEI P5 (jing, ../shared/schemas/
-- tei_all.rng), Markdown and the Pandoc AST read back by pandoc. On the
-- letter, on a page made here with every kind of Block, and on real
-- archive pages from ../shared/corpus (each described where it is used).
local ll = require "leninletter"
local export = require "leninletter.export"
local cjson = require "cjson"
local H = require "spec.helpers"
local run = H.run
local have = H.have
local exists = H.exists
local write = H.write

local SHARED = "../shared"
local TEI_RNG = SHARED .. "/schemas/tei_all.rng"
local CORPUS = SHARED .. "/corpus/"

local tmp = H.scratch() -- a path in this spec's temporary folder

local function xpath(file, expr)
  local ok, out = run(("xmllint --xpath %q %s"):format(expr, file))
  assert.is_true(ok, out)
  return (out:gsub("%s+$", ""))
end
-- a TEI element in an XPath step
local function tei(name) return "*[local-name()='" .. name .. "']" end

-- A page with every kind of Block: parsed from plain text, then given the
-- Structure fields as the readers set them (API.md): kind, level, label,
-- rows, spans.
local function structured()
  local text = table.concat({
    "V. I. Lenin", "", "A Structured Page", "",
    "Source: Lenin Collected Works, Progress Publishers, 1965, Moscow, Volume 10, pages 17-28.", "",
    "Part One", "", "First paragraph with emphasis and a link and a strong word.[1]", "",
    "Section A", "", "A quotation from the Soviet.", "",
    "first item", "", "second item", "", "third item", "",
    "Line one of a poem\nline two of it", "", "a\tb\nc\td", "", "* * *", "",
    "Part Two", "", "Last paragraph.", "", "[1] A note.", "" }, "\n")
  local d = assert(ll.parse(text))
  local P = d.paragraphs
  local function set(i, t) for k, v in pairs(t) do P[i][k] = v end end
  set(1, { kind = "heading", level = 1 })
  local t2 = P[2].text
  set(2, { spans = { { kind = "emphasis", pos = t2:find("emphasis"), len = 8 },
    { kind = "link", pos = t2:find("link"), len = 4, href = "ch02.htm#s1" },
    { kind = "strong", pos = t2:find("strong"), len = 6 } } })
  set(3, { kind = "heading", level = 2 })
  set(4, { kind = "quote" })
  set(5, { kind = "item", label = "3." })
  set(6, { kind = "item", label = "4." })
  set(7, { kind = "item", label = "(b)" })
  set(8, { kind = "verse" })
  set(9, { kind = "table", rows = { { "a", "b" }, { "c", "d" } } })
  set(10, { kind = "separator" })
  set(11, { kind = "heading", level = 1 })
  return d
end

-- Real pages with structure, from ../shared/corpus (what their HTML holds):
local PAGES = {
  -- Ernest Mandel, "Waiting for the Upturn" (1975): <h4> section heads,
  -- ten data tables, two blockquotes, items a) and b), 12 notes; Source
  -- "page 3" onwards
  "mia-pd/archive/mandel/1975/12/waiting_upturn.htm",
  -- Eugen Varga, "The Decline of Capitalism" (1924): a preface, six
  -- chapters I.-VI. (<h3>) with <h4> subsections, items (1) (2) (3), 17
  -- tables, separators of asterisks, 23 notes
  "mia-pd/archive/varga/1924/x01/x01.htm",
  -- Joseph Hansen, "Burnham's Managerial Revolution" (1941): five <h4>
  -- section heads, ten blockquotes, a list 1.-7., a * * * separator
  "mia-pd/archive/hansen/1941/06/burnham.htm",
  -- Lenin, "The Immediate Tasks of the Soviet Government" (1918): nine
  -- section heads, 14 notes, page breaks from page 235 (Vol. 27)
  "mia-lenin/archive/lenin/works/1918/mar/28.htm",
  -- Felix Morrow, "Criticism" (1943): headings, blockquotes, items, links
  "mia-pd/archive/morrow-felix/1943/12/criticism.htm",
  -- Ernest Mandel, "The Debate on the Russian Revolution" (1982): 30
  -- blockquotes, items, notes
  "mia-pd/archive/mandel/1982/01/debate_russian_revolution.htm",
}

-- how many Blocks of a kind: in the body, or (all) in the notes too
local function count(doc, kind, all)
  local n = 0
  for _, b in ipairs(doc.paragraphs) do
    if (b.kind or "paragraph") == kind then n = n + 1 end
  end
  if all then
    for _, note in ipairs(doc.notes) do
      for _, b in ipairs(note.paragraphs) do
        if (b.kind or "paragraph") == kind then n = n + 1 end
      end
    end
  end
  return n
end

describe("structured exports", function()
  local doc = structured()

  describe("TEI", function()
    it("is valid under TEI P5 (jing, tei_all.rng): the letter, a page of every kind, six corpus pages", function()
      if not exists(TEI_RNG) then pending("environment limit: ../shared is absent: no TEI schema to validate against") return end
      if not have("jing") then pending("jing is not installed (apt-get install jing)") return end
      local files = { write(tmp("letter.xml"), export.tei(ll.letter())), write(tmp("kinds.xml"), export.tei(doc)) }
      for i, p in ipairs(PAGES) do
        local d = assert(ll.open(CORPUS .. p))
        files[#files + 1] = write(tmp("page" .. i .. ".xml"),
          export.tei(d, { url = "https://www.marxists.org/" .. p:match("^[^/]+/(.*)$") }))
      end
      local ok, out = run("jing " .. TEI_RNG .. " " .. table.concat(files, " "))
      -- jing warns about optional jars on stderr; an error names a file
      assert.is_nil(out:find(": error:", 1, true), out)
      assert.is_true(ok, out)
    end)

    it("has a div per section with its head, lists with printed labels, verse, tables, separators, spans", function()
      local f = write(tmp("k.xml"), export.tei(doc))
      assert.equal("2", xpath(f, "count(//" .. tei("body") .. "/" .. tei("div") .. ")"))
      assert.equal("Section A", xpath(f, "string(//" .. tei("div") .. "/" .. tei("div") .. "/" .. tei("head") .. ")"))
      assert.equal("3.", xpath(f, "string((//" .. tei("item") .. ")[1]/@n)"))
      -- (b) follows no 4.: a list of its own
      assert.equal("2", xpath(f, "count(//" .. tei("list") .. ")"))
      assert.equal("2", xpath(f, "count(//" .. tei("lg") .. "/" .. tei("l") .. ")"))
      assert.equal("4", xpath(f, "count(//" .. tei("table") .. "//" .. tei("cell") .. ")"))
      assert.equal("2", xpath(f, "count(//" .. tei("row") .. ")"))
      assert.equal("* * *", xpath(f, "string(//" .. tei("ab") .. "[@type='separator'])"))
      assert.equal("emphasis", xpath(f, "string(//" .. tei("hi") .. "[@rend='italic'])"))
      assert.equal("strong", xpath(f, "string(//" .. tei("hi") .. "[@rend='bold'])"))
      assert.equal("ch02.htm#s1", xpath(f, "string(//" .. tei("ref") .. "[. = 'link']/@target)"))
      assert.equal("A quotation from the Soviet.", xpath(f, "string(//" .. tei("quote") .. ")"))
    end)

    it("gives the letter its addressee, numbered page breaks, the apparatus, its URL and its errata", function()
      local f = write(tmp("l.xml"), export.tei(ll.letter()))
      assert.equal("the Editor", xpath(f, "string(//" .. tei("correspAction") .. "[@type='received'])"):match("^%s*(.-)%s*$"))
      -- the body starts on page 17 (Source: pages 17-28); each break starts the next
      local pbs = {}
      for n in xpath(f, "//" .. tei("body") .. "//" .. tei("pb") .. "/@n"):gmatch('n="(%d+)"') do pbs[#pbs + 1] = tonumber(n) end
      assert.same({ 17, 18, 19, 20, 21, 22, 23, 24 }, pbs)
      assert.equal("8", xpath(f, "count(//" .. tei("note") .. "[@type='editorial'][@resp='#editor'][@place='end'])"))
      assert.equal("https://www.marxists.org/archive/lenin/works/1905/nov/04b.htm",
        xpath(f, "string(//" .. tei("publicationStmt") .. "/" .. tei("idno") .. "[@type='URI'])"))
      assert.equal("16", xpath(f, "count(//" .. tei("choice") .. "[" .. tei("sic") .. "][" .. tei("corr") .. "])"))
      assert.equal("1906", xpath(f, "string(//" .. tei("note") .. "[@n='6']//" .. tei("corr") .. ")"))
      assert.equal("1900", xpath(f, "string(//" .. tei("note") .. "[@n='6']//" .. tei("sic") .. ")"))
      assert.equal("tireless", xpath(f, "string((//" .. tei("corr") .. ")[1])"))
      -- the header's Source is a note of the bibl, not a p beside it
      assert.equal("0", xpath(f, "count(//" .. tei("sourceDesc") .. "/" .. tei("p") .. ")"))
    end)

    it("marks a note the page signs as the author's (note.by) as authorial, the rest as the edition's", function()
      local d = assert(ll.parse("A Title\n\nText.[1] More.[2]\n\n[1] A note of the author's.—Lenin\n\n[2] An editor's note.\n"))
      d.notes[1].by = "author"
      d.notes[2].by = "editor"
      local f = write(tmp("by.xml"), export.tei(d))
      assert.equal("authorial", xpath(f, "string(//" .. tei("note") .. "[@n='1']/@type)"))
      assert.equal("#author", xpath(f, "string(//" .. tei("note") .. "[@n='1']/@resp)"))
      assert.equal("editorial", xpath(f, "string(//" .. tei("note") .. "[@n='2']/@type)"))
      -- every resp points at something in the header
      assert.equal("1", xpath(f, "count(//*[@xml:id='author'])"))
      assert.equal("1", xpath(f, "count(//*[@xml:id='editor'])"))
      if exists(TEI_RNG) and have("jing") then
        local ok, out = run("jing " .. TEI_RNG .. " " .. f)
        assert.is_true(ok, out)
      end
    end)

    it("carries the corpus pages' structure", function()
      if not exists(CORPUS .. PAGES[1]) then pending("environment limit: ../shared is absent: no corpus pages") return end
      for i, p in ipairs(PAGES) do
        local d = assert(ll.open(CORPUS .. p))
        local f = write(tmp("c" .. i .. ".xml"), export.tei(d))
        assert.equal(tostring(count(d, "heading")), xpath(f, "count(//" .. tei("body") .. "//" .. tei("head") .. ")"), p)
        assert.equal(tostring(count(d, "table", true)), xpath(f, "count(//" .. tei("table") .. ")"), p)
        assert.equal(tostring(count(d, "quote", true)), xpath(f, "count(//" .. tei("text") .. "//" .. tei("quote") .. ")"), p)
        assert.equal(tostring(count(d, "item", true)), xpath(f, "count(//" .. tei("item") .. ")"), p)
        assert.equal(tostring(#d.notes), xpath(f, "count(//" .. tei("back") .. "//" .. tei("note") .. ")"), p)
      end
      -- Mandel: "Recession & upturn" is the first section's head, a) and b) a list
      local f = tmp("c1.xml")
      assert.equal("Recession & upturn", xpath(f, "string((//" .. tei("div") .. "/" .. tei("head") .. ")[1])"))
      assert.equal("a)", xpath(f, "string((//" .. tei("item") .. ")[1]/@n)"))
      assert.equal("3", xpath(f, "string((//" .. tei("pb") .. ")[1]/@n)"))
      -- Varga: the chapters (<h3>) hold their subsections (<h4>) as divs
      f = tmp("c2.xml")
      assert.equal("THE CONTRADICTORY PROGRESS OF THE COURSE OF BUSINESS.",
        xpath(f, "string(//" .. tei("div") .. "[" .. tei("head") .. "[starts-with(., 'IV.')]]/" .. tei("div") .. "[1]/"
          .. tei("head") .. ")"))
      assert.equal("(1)", xpath(f, "string((//" .. tei("item") .. ")[1]/@n)"))
      -- Lenin 1918: page breaks numbered from Vol. 27, page 235
      f = tmp("c4.xml")
      assert.equal("235", xpath(f, "string((//" .. tei("pb") .. ")[1]/@n)"))
      assert.equal("236", xpath(f, "string((//" .. tei("pb") .. ")[2]/@n)"))
    end)
  end)

  describe("Markdown and the Pandoc AST", function()
    local function blocks_of(ast, t, acc)
      acc = acc or {}
      if type(ast) == "table" then
        if ast.t == t then acc[#acc + 1] = ast end
        for _, x in pairs(ast) do blocks_of(x, t, acc) end
      end
      return acc
    end

    local function pandoc_json(src, from)
      local ok, out = run(("pandoc -f %s -t json %s"):format(from, src))
      assert.is_true(ok, out)
      return cjson.decode(out)
    end

    it("reads a page of every kind back as Header, Emph, Strong, Link, BlockQuote, OrderedList, LineBlock, Table, "
      .. "HorizontalRule", function()
      if not have("pandoc") then pending("pandoc is not installed") return end
      for _, from in ipairs({ "markdown", "json" }) do
        local src = from == "markdown" and write(tmp("k.md"), export.markdown(doc))
          or write(tmp("k.json"), export.pandoc(doc))
        local ast = pandoc_json(src, from)
        local hs = blocks_of(ast.blocks, "Header")
        assert.equal(3, #hs, from)
        assert.equal(2, hs[2].c[1])
        assert.equal(1, #blocks_of(ast, "Emph"), from)
        -- the strong word, and the Source field's name in the header
        assert.equal(2, #blocks_of(ast, "Strong"), from)
        assert.equal("ch02.htm#s1", blocks_of(ast, "Link")[1].c[3][1], from)
        assert.equal(1, #blocks_of(ast, "BlockQuote"), from)
        local lists = blocks_of(ast, "OrderedList")
        assert.equal(2, #lists, from)
        assert.same({ 3, { t = "Decimal" }, { t = "Period" } }, lists[1].c[1])
        assert.same({ 2, { t = "LowerAlpha" }, { t = "TwoParens" } }, lists[2].c[1])
        assert.equal(2, #blocks_of(ast, "LineBlock")[1].c, from)
        assert.equal(1, #blocks_of(ast, "Table"), from)
        assert.equal(1, #blocks_of(ast, "HorizontalRule"), from)
        -- one note, cited once in order: a Pandoc footnote, numbered 1 as printed
        assert.equal(1, #blocks_of(ast, "Note"), from)
      end
    end)

    it("gives the corpus pages' headings, tables, quotations, lists and notes to pandoc, and docx from them #slow", function()
      if not have("pandoc") then pending("pandoc is not installed") return end
      if not exists(CORPUS .. PAGES[1]) then pending("environment limit: ../shared is absent: no corpus pages") return end
      for i, p in ipairs(PAGES) do
        local d = assert(ll.open(CORPUS .. p))
        for _, from in ipairs({ "markdown", "json" }) do
          local src = from == "markdown" and write(tmp("c" .. i .. ".md"), export.markdown(d))
            or write(tmp("c" .. i .. ".json"), export.pandoc(d))
          local ast = pandoc_json(src, from)
          local notes = #blocks_of(ast, "Note")
          for _, dv in ipairs(blocks_of(ast, "Div")) do
            if dv.c[1][2][1] == "note" then notes = notes + 1 end
          end
          assert.equal(#d.notes, notes, p .. " " .. from)
          -- the Notes section's header is one more where the notes are endnotes
          local extra = #blocks_of(ast, "Note") == 0 and #d.notes > 0 and 1 or 0
          assert.equal(count(d, "heading") + extra, #blocks_of(ast.blocks, "Header"), p .. " " .. from)
          assert.equal(count(d, "table", true), #blocks_of(ast, "Table"), p .. " " .. from)
          assert.equal(count(d, "quote", true), #blocks_of(ast, "BlockQuote"), p .. " " .. from)
          local items = 0
          for _, l in ipairs(blocks_of(ast, "OrderedList")) do items = items + #l.c[2] end
          for _, l in ipairs(blocks_of(ast, "BulletList")) do items = items + #l.c end
          assert.equal(count(d, "item", true), items, p .. " " .. from)
        end
        assert.is_true((run(("pandoc -f json -o %s %s"):format(tmp("c" .. i .. ".docx"), tmp("c" .. i .. ".json")))))
      end
    end)

    -- what the whole-corpus run found pandoc reading otherwise than the
    -- Pandoc AST says: Markdown and the AST must read back the same
    local function lists(ast)
      local ls = {}
      for _, l in ipairs(blocks_of(ast.blocks, "OrderedList")) do
        ls[#ls + 1] = { l.c[1][1], l.c[1][2].t, #l.c[2] }
      end
      return ls
    end

    it("gives an item labelled I., V. or X. two spaces, so pandoc reads a list, not an initial: Lenin 1913", function()
      if not have("pandoc") then pending("pandoc is not installed") return end
      -- Lenin, "Rosa Luxemburg's Unsuccessful Addition" (1913): the plan's
      -- <p>I. 14 years ago ...</p> <p>II. ...</p> <p>III. ...</p> <p>IV. ...</p>,
      -- then <p>V. &nbsp;...</p> and <p>V. <em>bis</em>...</p> (paragraphs:
      -- the reader does not take them for items), <p>VI. Dialectics ...</p>
      local p = CORPUS .. "mia-lenin/archive/lenin/works/1913/apr/rl-acc-capital-article.htm"
      if not exists(p) then pending("environment limit: ../shared is absent: no corpus pages") return end
      local d = assert(ll.open(p))
      local md = export.markdown(d)
      assert.truthy(md:find("\nI.  14 years ago. Narodniks versus marxists.\\\n    Legal", 1, true))
      local want = { { 1, "UpperRoman", 4 }, { 6, "UpperRoman", 1 } }
      assert.same(want, lists(pandoc_json(write(tmp("rl.md"), md), "markdown")))
      assert.same(want, lists(pandoc_json(write(tmp("rl.json"), export.pandoc(d)), "json")))
    end)

    it("keeps a paragraph that is only \"I.\" a paragraph: Novack 1936", function()
      if not have("pandoc") then pending("pandoc is not installed") return end
      -- George Novack, "The Intellectuals and the Crisis" (1936): part II
      -- opens with <p class="sub">I.</p>, a paragraph of its own
      local p = CORPUS .. "mia-pd/archive/novack/1936/02/x01.htm"
      if not exists(p) then pending("environment limit: ../shared is absent: no corpus pages") return end
      local d = assert(ll.open(p))
      local at
      for i, b in ipairs(d.paragraphs) do if b.text == "I." then at = i end end
      assert.equal("paragraph", d.paragraphs[at].kind)
      local md = export.markdown(d)
      assert.truthy(md:find("\n\nI\\.\n\n", 1, true))
      local ast = pandoc_json(write(tmp("nv.md"), md), "markdown")
      assert.same({}, lists(ast))
      local found = false
      for _, para in ipairs(blocks_of(ast.blocks, "Para")) do
        if #para.c == 1 and para.c[1].t == "Str" and para.c[1].c == "I." then found = true end
      end
      assert.is_true(found)
    end)

    it("starts a note that opens with a quotation on its own line: Radek 1922, and an endnote", function()
      if not have("pandoc") then pending("pandoc is not installed") return end
      -- Karl Radek, "Eve of Fusion of the Second and Two-and-a-Half
      -- International" (1922): note 1 (<p class="note">1.</p>) is a
      -- translated verse in <p class="quoteb">, "The Republic, the Republic! ..."
      local p = CORPUS .. "mia-pd/archive/radek/1922/ci/fusion.htm"
      if not exists(p) then pending("environment limit: ../shared is absent: no corpus pages") return end
      local d = assert(ll.open(p))
      assert.equal("quote", d.notes[1].paragraphs[1].kind)
      local md = export.markdown(d)
      assert.truthy(md:find("\n[^1]:\n    > The Republic, the Republic\\!\\\n", 1, true))
      for _, from in ipairs({ "markdown", "json" }) do
        local src = from == "markdown" and write(tmp("rd.md"), md) or write(tmp("rd.json"), export.pandoc(d))
        local notes = blocks_of(pandoc_json(src, from), "Note")
        assert.equal(1, #notes, from)
        assert.equal("BlockQuote", notes[1].c[1].t, from)
      end
      -- an endnote (note 2 is cited before note 1) that opens with a
      -- quotation: its printed number a paragraph of its own, then the quotation
      local e = assert(ll.parse("A Title\n\nFirst.[2] Then.[1]\n\n[1] One.\n\n[2] A quoted line.\n"))
      e:note(2).paragraphs[1].kind = "quote"
      md = export.markdown(e)
      assert.truthy(md:find("::: {#note-2 .note}\n**\\[2\\]**\n\n> A quoted line.\n:::", 1, true))
      for _, from in ipairs({ "markdown", "json" }) do
        local src = from == "markdown" and write(tmp("en.md"), md) or write(tmp("en.json"), export.pandoc(e))
        local div
        for _, dv in ipairs(blocks_of(pandoc_json(src, from), "Div")) do
          if dv.c[1][1] == "note-2" then div = dv end
        end
        assert.equal("Para", div.c[2][1].t, from)
        assert.equal("[2]", div.c[2][1].c[1].c[1].c, from)
        assert.equal("BlockQuote", div.c[2][2].t, from)
      end
    end)
  end)

  describe("HTML study page", function()
    it("lists the page's sections (doc.sections), each linked to its heading: Varga 1924", function()
      if not exists(CORPUS .. PAGES[2]) then pending("environment limit: ../shared is absent: no corpus pages") return end
      local d = assert(ll.open(CORPUS .. PAGES[2]))
      local page = export.html(d)
      local toc = assert(page:match('<details class="toc" id="toc">(.-)</details>'))
      local links = {}
      for href, title in toc:gmatch('<a href="#(p%d+)">(.-)</a>') do links[#links + 1] = { href, title } end
      assert.equal(#d.sections, #links)
      for k, sec in ipairs(d.sections) do
        assert.equal("p" .. sec.paragraph, links[k][1])
        assert.truthy(page:find('<h%d id="' .. links[k][1] .. '" class="blk">'), links[k][1])
      end
      assert.equal("I.—THE PERIOD OF DECLINE OF “NORMAL” CAPITALISM", links[3][2])
      -- its headings, tables and lists as HTML
      local _, tables = page:gsub("<table>", "")
      assert.equal(count(d, "table", true), tables)
      assert.truthy(page:find('<li id="p23" class="blk" value="1" data-label="(1)">', 1, true))
    end)

    it("suggests the page's own words in the search box, not the letter's: Varga 1924", function()
      if not exists(CORPUS .. PAGES[2]) then pending("environment limit: ../shared is absent: no corpus pages") return end
      local d = assert(ll.open(CORPUS .. PAGES[2]))
      -- its most frequent words (stop list): countries 71, capital 55, crisis 53
      local f = d:frequencies({ stoplist = true })
      assert.same({ "countries", "capital", "crisis" }, { f[1].word, f[2].word, f[3].word })
      -- in the search's forms: a word, a prefix, two words in one sentence
      -- (8 sentences of Varga's hold countries and crisis)
      assert.truthy(export.html(d):find('placeholder="countries, capital*, countries &amp; crisis"', 1, true))
      assert.equal(8, #d:concordance({ "countries", "crisis", within = "sentence" }))
      assert.truthy(export.html(ll.letter()):find(
        'placeholder="revolutionary, government*, revolutionary &amp; people"', 1, true))
    end)
  end)

  describe("plain text", function()
    it("writes items with their printed labels, quotations indented, separators, verse and tables as laid out; "
      .. "ll.parse reads the kinds back", function()
      local t = export.text(doc)
      assert.truthy(t:find("\n\n3. first item\n\n4. second item\n\n(b) third item\n\n", 1, true), t)
      assert.truthy(t:find("\n\n    A quotation from the Soviet.\n\n", 1, true))
      assert.truthy(t:find("\n\nLine one of a poem\nline two of it\n\na\tb\nc\td\n\n* * *\n\n", 1, true))
      local back = assert(ll.parse(t))
      assert.equal(#doc.paragraphs, #back.paragraphs)
      for i, b in ipairs(doc.paragraphs) do
        assert.equal(b.text, back.paragraphs[i].text, i)
        if b.kind == "item" or b.kind == "separator" then
          assert.equal(b.kind, back.paragraphs[i].kind, i)
          assert.equal(b.label, back.paragraphs[i].label, i)
        end
      end
      -- a heading: a line of its own, as printed (the reader infers the kind from what follows)
      assert.truthy(t:find("\n\nPart Two\n\nLast paragraph.\n\n", 1, true))
    end)

    it("keeps a corpus page's lists and tables: Varga 1924 (items (1) (2) (3), 17 tables)", function()
      if not exists(CORPUS .. PAGES[2]) then pending("environment limit: ../shared is absent: no corpus pages") return end
      local d = assert(ll.open(CORPUS .. PAGES[2]))
      local back = assert(ll.parse(export.text(d)))
      local labels, blabels = {}, {}
      for _, b in ipairs(d.paragraphs) do if b.kind == "item" then labels[#labels + 1] = b.label end end
      for _, b in ipairs(back.paragraphs) do if b.kind == "item" then blabels[#blabels + 1] = b.label end end
      assert.same(labels, blabels)
      assert.equal("(1)", labels[1])
    end)
  end)
end)
