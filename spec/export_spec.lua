-- leninletter.export: every format checked by the program that reads it
-- (lua-cjson, pandoc, xmllint, Python's csv module, gift-pegjs, Chromium).
local compat = require "leninletter.compat"  -- Lua 5.1 to 5.4 and LuaJIT
local utf8 = compat.utf8
local ll = require "leninletter"
local export = require "leninletter.export"
local quiz = require "leninletter.quiz"
local cjson = require "cjson"

local doc = ll.letter()
local errata_block = function(x) return require("leninletter.errata").block(doc, x) end
local H = require "spec.helpers"
local write = H.write
local read = H.readfile
local run = H.run
local have = H.have

local HOSTILE = table.concat({
  "V. I. Lenin",
  "",
  "<script>window.__pwned=1</script> & Title ]]> {=}~# \"quoted\" =cmd|' /C calc'!A0",
  "",
  "Written: Written on November 2-4 (15-17), 1905",
  "Source: Lenin Collected Works, Progress Publishers, 1965, Moscow, Volume 10, pages 17-28.",
  "",
  "First paragraph with <script>window.__pwned=1</script> and ]]> and & and {=}~# and \"quotes\" and "
    .. "=cmd|' /C calc'!A0 and <img src=x onerror=\"window.__pwned=2\"> in the script.[1]",
  "",
  "=cmd|' /C calc'!A0 starts this paragraph about the script. Another sentence about the script tag "
    .. "and the <!-- comment --> and </script> end, with *stars*, _under_ [link](x) $math$ `code` @cite.",
  "",
  "[1] A note with <b>bold</b> & ]]> {=}~# and \\backslash: colon.",
  "",
}, "\n")
local hostile = assert(ll.parse(HOSTILE))

local tmp = H.scratch() -- a path in this spec's temporary folder

-- runs a shell command; returns ok, stdout (stderr is appended)

-- Pandoc AST helpers: the text of inlines (notes and spans left out), and notes
local function stringify(ins)
  local out = {}
  for _, i in ipairs(ins) do
    if i.t == "Str" then out[#out + 1] = i.c
    elseif i.t == "Space" or i.t == "SoftBreak" then out[#out + 1] = " "
    elseif i.t == "LineBreak" then out[#out + 1] = "\n"
    elseif i.t == "Quoted" then out[#out + 1] = "?" .. stringify(i.c[2]) .. "?"
    elseif i.t == "Emph" or i.t == "Strong" or i.t == "Superscript" then out[#out + 1] = stringify(i.c)
    elseif i.t == "Span" then out[#out + 1] = stringify(i.c[2])
    elseif i.t == "Link" then out[#out + 1] = stringify(i.c[2]) end
  end
  return table.concat(out)
end

local function notes_in(v, acc)
  acc = acc or {}
  if type(v) == "table" then
    if v.t == "Note" then acc[#acc + 1] = v end
    for _, x in pairs(v) do notes_in(x, acc) end
  end
  return acc
end

local function squash(s) return (s:gsub("%s+", " "):gsub("^ ", ""):gsub(" $", "")) end

local BROWSER_DIR = "spec/browser"
local function browser_ready()
  if not have("node") then return false, "node is not installed" end
  if not io.open("/usr/bin/chromium") then
    return false, "/usr/bin/chromium is not installed (apt-get install chromium)"
  end
  if not io.open(BROWSER_DIR .. "/node_modules/playwright-core/package.json") then
    return false, "spec/browser/node_modules is missing (run npm ci in spec/browser)"
  end
  return true
end

describe("leninletter.export", function()
  describe("json", function()
    local t = cjson.decode(export.json(doc))

    it("carries a schema name and a version", function()
      assert.equal("leninletter-document", t.schema)
      assert.equal(2, t.version)
      assert.equal("https://www.marxists.org/archive/lenin/works/1905/nov/04b.htm", t.url)
      assert.equal(ll._VERSION, t.generator)
    end)

    it("decodes to the document's header values", function()
      assert.equal(doc.author, t.author)
      assert.equal(doc.title, t.title)
      assert.equal(doc.subtitle, t.subtitle)
      assert.same(doc.fields, t.fields)
      assert.same(doc.meta, t.meta)
      for k, v in pairs(doc.source) do assert.equal(v, t.source[k]) end
      assert.same(doc.navigation, t.navigation)
    end)

    -- the code-point offset of byte position pos in s
    local function cpo(s, pos) return utf8.len(s:sub(1, pos - 1)) end

    it("decodes to the paragraphs with their kind, refs, page breaks, spans and sentences, bytes and code points", function()
      assert.equal(#doc.paragraphs, #t.paragraphs)
      for i, p in ipairs(doc.paragraphs) do
        local j = t.paragraphs[i]
        assert.equal(p.text, j.text)
        assert.equal(p.kind or "paragraph", j.kind)
        assert.same(p.pagebreaks, j.pagebreaks)
        assert.same(p.sentences, j.sentences)
        assert.same(p.sentence_pos, j.sentence_pos)
        for k, r in ipairs(p.refs) do
          assert.same({ note = r.note, pos = r.pos, offset = cpo(p.text, r.pos) }, j.refs[k])
        end
        for k, b in ipairs(p.pagebreaks) do assert.equal(cpo(p.text, b), j.pagebreak_offsets[k]) end
        for k, b in ipairs(p.sentence_pos or {}) do assert.equal(cpo(p.text, b), j.sentence_offsets[k]) end
      end
      -- paragraph 2: "Novaya Zhizn[3]" after a ’ and a —: bytes and code points differ
      local r = t.paragraphs[2].refs[1]
      assert.equal(3, r.note)
      assert.equal("in No. 5 of Novaya Zhizn", doc.paragraphs[2].text:sub(r.pos - 24, r.pos - 1))
      assert.equal(r.pos - 1, r.offset)
      local last = t.paragraphs[21].refs[1]
      assert.equal(8, last.note)
      assert.is_true(last.offset < last.pos - 1)
    end)

    it("gives each Hit, date and erratum its code-point offset and length beside the bytes", function()
      for _, e in ipairs(t.entities) do
        for _, m in ipairs(e.mentions) do
          local text = m.part == "body" and doc.paragraphs[m.paragraph].text
            or m.part == "note" and doc:note(m.note).paragraphs[m.paragraph].text
            or m.part == "title" and doc.title or m.part == "subtitle" and doc.subtitle or doc.meta[m.field]
          assert.equal(m.text, text:sub(m.pos, m.pos + m.len - 1))
          assert.equal(cpo(text, m.pos), m.offset)
          assert.equal(utf8.len(m.text), m.length)
        end
      end
      assert.equal(16, #t.errata)
      for k, x in ipairs(doc.errata) do
        assert.same({ part = x.part, paragraph = x.paragraph, note = x.note, pos = x.pos, len = x.len, sic = x.sic,
          corr = x.corr, why = x.why, offset = cpo(errata_block(x).text, x.pos), length = utf8.len(x.sic) },
          t.errata[k])
      end
    end)

    it("decodes to the notes with refs and citations", function()
      assert.equal(8, #t.notes)
      for i, n in ipairs(doc.notes) do
        local j = t.notes[i]
        assert.equal(n.n, j.n)
        assert.equal(n.text, j.text)
        for k, r in ipairs(n.refs) do
          assert.equal(r.part, j.refs[k].part)
          assert.equal(r.pos, j.refs[k].pos)
          assert.equal(r.paragraph, j.refs[k].paragraph)
        end
        for k, c in ipairs(n.citations) do
          for key, v in pairs(c) do
            if type(v) ~= "table" then assert.equal(v, j.citations[k][key]) end
          end
        end
        assert.equal(#n.paragraphs, #j.paragraphs)
      end
    end)

    it("writes empty arrays as [] and keeps meta an object", function()
      local s = export.json(doc)
      assert.truthy(s:find('"warnings":[]', 1, true))
      assert.truthy(s:find('"refs":[]', 1, true))
      local bare = assert(ll.parse("Just a line of text."))
      local b = export.json(bare)
      assert.truthy(b:find('"notes":[]', 1, true))
      assert.truthy(b:find('"fields":[]', 1, true))
      assert.truthy(b:find('"meta":{}', 1, true))
      assert.is_nil(b:find("empty-array", 1, true))
    end)

    it("decodes to the entities with mentions, and the dates", function()
      local es = doc:entities()
      assert.equal(#es, #t.entities)
      for i, e in ipairs(es) do
        assert.equal(e.id, t.entities[i].id)
        assert.equal(e.type, t.entities[i].type)
        assert.equal(#e.mentions, #t.entities[i].mentions)
      end
      assert.equal(#doc:dates({ scope = "all" }), #t.dates)
      assert.same(doc.written.old_style, t.written.old_style)
      assert.same(doc.written.new_style, t.written.new_style)
    end)

    -- Debian's python3-jsonschema (the interpreter in /usr/bin: a pyenv's
    -- python3 earlier in PATH would not have it)
    local PY = "/usr/bin/python3"
    local function jsonschema_ready()
      return compat.execute(PY .. " -c 'import jsonschema' >/dev/null 2>&1") == true
    end
    local SCHEMA = "schema/leninletter-document.schema.json"

    it("validates against schema/leninletter-document.schema.json (jsonschema, draft 2020-12), keys in its order",
      function()
      if not jsonschema_ready() then pending("python3-jsonschema is not installed (apt-get install python3-jsonschema)") return end
      local files = { write(tmp("v-letter.json"), export.json(doc)), write(tmp("v-hostile.json"), export.json(hostile)),
        write(tmp("v-bare.json"), export.json(assert(ll.parse("Just a line of text.")))) }
      -- real pages with structure (../shared/corpus): Mandel 1975, tables and
      -- notes; Varga 1924, chapters, items (1) (2), tables; Lenin 1918, notes
      -- and numbered page breaks; Hansen 1941, quotations and a 1.-7. list
      for i, p in ipairs({ "mia-pd/archive/mandel/1975/12/waiting_upturn.htm", "mia-pd/archive/varga/1924/x01/x01.htm",
        "mia-lenin/archive/lenin/works/1918/mar/28.htm", "mia-pd/archive/hansen/1941/06/burnham.htm" }) do
        local d = ll.open("../shared/corpus/" .. p)
        if d then files[#files + 1] = write(tmp("v-page" .. i .. ".json"), export.json(d)) end
      end
      local ok, out = run(("%s spec/json_check.py %s %s"):format(PY, SCHEMA, table.concat(files, " ")))
      assert.is_true(ok, out)
      assert.truthy(out:find(#files .. " valid, 0 invalid", 1, true), out)
      -- and the validator does refuse what the schema does not allow
      local wrong = export.json(doc):gsub('"kind":"paragraph"', '"kind":"para"', 1)
      local ok2, out2 = run(("%s spec/json_check.py %s %s"):format(PY, SCHEMA, write(tmp("v-wrong.json"), wrong)))
      assert.is_false(ok2)
      assert.truthy(out2:find("'para' is not one of", 1, true), out2)
      local moved = export.json(doc):gsub('^{"schema":"leninletter%-document","version":2,', '{"version":2,"schema":"leninletter-document",')
      local ok3, out3 = run(("%s spec/json_check.py %s %s"):format(PY, SCHEMA, write(tmp("v-moved.json"), moved)))
      assert.is_false(ok3)
      assert.truthy(out3:find("not in the schema's order", 1, true), out3)
    end)

    it("writes its keys in the order the schema file lists them", function()
      local schema = cjson.decode(read(SCHEMA))
      assert.equal("https://json-schema.org/draft/2020-12/schema", schema["$schema"])
      -- lua-cjson forgets key order: read the order from the file's text
      local text = read(SCHEMA)
      local function order(def)
        local at = def and assert(text:find('\n    "' .. def .. '": {', 1, true)) or 1
        local props = assert(text:find('"properties": {', at, true))
        local keys, depth = {}, 0
        local indent = text:sub(1, props):match("\n( *)[^\n]*$")
        for line in text:sub(props):gmatch("[^\n]+") do
          local k = line:match('^' .. indent .. '  "([%w_$]+)": ')
          if k then keys[#keys + 1] = k end
          if line:match("^" .. indent .. "}") then break end
          depth = depth + 1
        end
        return keys
      end
      local K = require("leninletter.export.json")._KEYS
      assert.same(K.document, order(nil))
      for _, def in ipairs({ "source", "section", "block", "blockref", "span", "note", "noteref", "citation", "erratum",
        "entity", "hit", "date", "range" }) do
        assert.same(K[def], order(def), def)
      end
    end)

    it("is documented in docs/JSON.md from the schema file, the keys in its order", function()
      local page = read("docs/JSON.md")
      local block = assert(page:match("# The JSON schema.-```text\n(.-)```"))
      local K = require("leninletter.export.json")._KEYS
      local NAMES = { Document = "document", Source = "source", Section = "section", Block = "block",
        BlockRef = "blockref", Span = "span", Note = "note", NoteRef = "noteref", Citation = "citation",
        Erratum = "erratum", Entity = "entity", Hit = "hit", Date = "date", Range = "range" }
      local seen = 0
      for name, body in block:gmatch("(%u%a+) = (%b{})") do
        local keys = {}
        -- a key starts the object or follows ", ", and ends in ": " or "?: "
        for k in ("," .. body:sub(2, -2)):gsub("%s+", " "):gmatch(",%s*([%w_]+)%??:") do keys[#keys + 1] = k end
        assert.same(K[assert(NAMES[name], name)], keys, name)
        seen = seen + 1
      end
      assert.equal(14, seen)
    end)

    it("keeps hostile text as data", function()
      local h = cjson.decode(export.json(hostile))
      assert.equal(hostile.paragraphs[1].text, h.paragraphs[1].text)
      assert.equal(hostile.title, h.title)
    end)
  end)

  describe("text", function()
    it("reads back to the same paragraphs and notes", function()
      local back = assert(ll.parse(export.text(doc)))
      assert.equal(doc.title, back.title)
      assert.equal(doc.subtitle, back.subtitle)
      assert.same(doc.meta, back.meta)
      assert.equal(#doc.paragraphs, #back.paragraphs)
      for i, p in ipairs(doc.paragraphs) do
        assert.equal(p.text, back.paragraphs[i].text)
        assert.same(p.refs, back.paragraphs[i].refs)
      end
      for i, n in ipairs(doc.notes) do assert.equal(n.text, back.notes[i].text) end
      assert.same(doc:note(2).refs, back:note(2).refs)
    end)

    it("reads back a hostile page's text unchanged", function()
      local back = assert(ll.parse(export.text(hostile)))
      for i, p in ipairs(hostile.paragraphs) do assert.equal(p.text, back.paragraphs[i].text) end
      assert.equal(hostile:note(1).text, back:note(1).text)
    end)
  end)

  describe("markdown", function()
    local ok_pandoc = have("pandoc")

    -- the notes as Pandoc reads them: Note inlines, or Divs of class note
    local function divs_in(v, acc)
      acc = acc or {}
      if type(v) == "table" then
        if v.t == "Div" and v.c[1][2][1] == "note" then acc[#acc + 1] = v end
        for _, x in pairs(v) do divs_in(x, acc) end
      end
      return acc
    end
    local function links_in(v, acc)
      acc = acc or {}
      if type(v) == "table" then
        if v.t == "Link" then acc[#acc + 1] = v end
        for _, x in pairs(v) do links_in(x, acc) end
      end
      return acc
    end

    -- The letter numbers its notes as printed: [2] is cited from the
    -- subtitle, [3] ("Novaya Zhizn[3]") from paragraph 2, before [1] in
    -- paragraph 5. Pandoc would number them 1, 2, 3 in that order: so they
    -- are endnotes under the printed numbers, each marker a link to one.
    it("gives pandoc the letter's 8 notes, each once, under its printed number, and no other numbering", function()
      if not ok_pandoc then pending("pandoc is not installed") return end
      local md = write(tmp("letter.md"), export.markdown(doc))
      local ok, out = run("pandoc -f markdown-smart -t json " .. md)
      assert.is_true(ok, out)
      local ast = cjson.decode(out)
      assert.equal(0, #notes_in(ast))
      local divs = divs_in(ast)
      assert.equal(8, #divs)
      for k, d in ipairs(divs) do
        local n = doc.notes[k]
        assert.equal("note-" .. n.n, d.c[1][1])
        local first = d.c[2][1].c[1]
        assert.equal("Strong", first.t)
        assert.equal("[" .. n.n .. "]", stringify(first.c))
        local texts = {}
        for j, b in ipairs(d.c[2]) do texts[j] = stringify(b.c) end
        assert.equal(squash("[" .. n.n .. "] " .. n.text), squash(table.concat(texts, " ")))
      end
      -- every marker: a link to its note, showing the printed number
      local markers = {}
      for _, l in ipairs(links_in(ast.blocks)) do
        local target = l.c[3][1]
        local num = target:match("^#note%-(%d+)$")
        assert.is_truthy(num, target)
        assert.equal("[" .. num .. "]", stringify(l.c[2]))
        markers[#markers + 1] = tonumber(num)
      end
      assert.same({ 3, 1, 4, 5, 6, 7, 8 }, markers)
      assert.equal("A Letter to the Editor[2]", stringify(ast.meta.subtitle.c))
      assert.equal(doc.title, stringify(ast.meta.title.c))
      -- what a reader sees, in plain text and in the docx made from it
      local ok2, plain = run("pandoc -f markdown -t plain --wrap=none " .. md)
      assert.is_true(ok2, plain)
      local _, count = plain:gsub("%[3%] Novaya Zhizn %(New Life%)", "")
      assert.equal(1, count)
      assert.is_nil(plain:find("%[%d%] %[%d%]"))
      local docx = tmp("letter-md.docx")
      assert.is_true((run(("pandoc -f markdown -o %s %s"):format(docx, md))))
      local ok3, fromdocx = run("pandoc -f docx -t plain --wrap=none " .. docx)
      assert.is_true(ok3, fromdocx)
      assert.truthy(fromdocx:find("[3] Novaya Zhizn (New Life)", 1, true))
      assert.truthy(fromdocx:find("Novaya Zhizn^([3])", 1, true) or fromdocx:find("Novaya Zhizn[3]", 1, true),
        fromdocx:sub(1, 2000))
      assert.is_nil(fromdocx:find("%[%d%] %[%d%]"))
    end)

    it("gives notes cited once each, in order, as Pandoc footnotes whose numbers are the printed ones", function()
      if not ok_pandoc then pending("pandoc is not installed") return end
      local d = assert(ll.parse("A Page\n\nOne.[1] Two.[2]\n\nThree.[3]\n\n[1] First.\n\n[2] Second.\n\n[3] Third.\n"))
      local md = export.markdown(d)
      assert.truthy(md:find("One.[^1] Two.[^2]", 1, true), md)
      local ok, out = run("pandoc -f markdown -t plain --wrap=none " .. write(tmp("foot.md"), md))
      assert.is_true(ok, out)
      assert.truthy(out:find("One.[1] Two.[2]\n\nThree.[3]\n\n[1] First.\n\n[2] Second.\n\n[3] Third.", 1, true), out)
    end)

    it("gives pandoc the paragraphs' text as written", function()
      if not ok_pandoc then pending("pandoc is not installed") return end
      for _, d in ipairs({ doc, hostile }) do
        local ok, out = run("pandoc -f markdown-smart -t json " .. write(tmp("p.md"), export.markdown(d)))
        assert.is_true(ok, out)
        local ast = cjson.decode(out)
        local paras = {}
        for _, b in ipairs(ast.blocks) do
          if b.t == "Para" then paras[#paras + 1] = b end
        end
        for i, p in ipairs(d.paragraphs) do
          -- the printed page break stays; its marker is an empty span
          local want = squash(p.text)
          local got = squash(stringify(paras[i].c)):gsub("%[%d%]", "")
          if d == doc then
            for _, x in ipairs(d.errata) do
              if x.part == "body" and x.paragraph == i then assert.truthy(got:find(x.sic, 1, true)) end
            end
          end
          assert.equal(want, squash(got))
        end
        -- nothing became raw HTML, math, code, a citation, or a link other than to a note
        assert.is_nil(out:find('"t":"RawInline"', 1, true))
        assert.is_nil(out:find('"t":"Math"', 1, true))
        assert.is_nil(out:find('"t":"Code"', 1, true))
        assert.is_nil(out:find('"t":"Cite"', 1, true))
        for _, l in ipairs(links_in(ast)) do assert.truthy(l.c[3][1]:find("^#note%-%d+$")) end
      end
    end)

    it("marks the letter's misprints as sic spans that keep the printed text", function()
      local md = export.markdown(doc)
      assert.truthy(md:find('[tire less]{.sic corr="tireless"}', 1, true))
      assert.truthy(md:find('By the end of [1900]{.sic corr="1906"}', 1, true))
      assert.truthy(md:find('Petersburg Social-Democrats and the entire proletariat', 1, true))
      assert.truthy(md:find('completely[]{.pagebreak page="18"} independent', 1, true))
      assert.truthy(md:find('\n[]{.pagebreak page="17"}Comrades, the question', 1, true))
    end)
  end)

  describe("pandoc", function()
    local ok_pandoc = have("pandoc")

    it("declares API version 1.22", function()
      assert.same({ 1, 22 }, cjson.decode(export.pandoc(doc))["pandoc-api-version"])
    end)

    for _, fmt in ipairs({ "docx", "epub", "latex" }) do
      it("converts to " .. fmt .. " with pandoc", function()
        if not ok_pandoc then pending("pandoc is not installed") return end
        local src = write(tmp("letter.ast.json"), export.pandoc(doc))
        local out = tmp("letter." .. fmt)
        local ok, msg = run(("pandoc -f json -t %s -s -o %s %s"):format(fmt, out, src))
        assert.is_true(ok, msg)
        assert.is_true(#read(out) > 1000)
      end)
    end

    it("keeps the 8 notes, their original numbers and the text", function()
      if not ok_pandoc then pending("pandoc is not installed") return end
      local ok, out = run("pandoc -f json -t json " .. write(tmp("l.ast.json"), export.pandoc(doc)))
      assert.is_true(ok, out)
      local ast = cjson.decode(out)
      -- endnotes under the printed numbers, as in the Markdown
      assert.equal(0, #notes_in(ast))
      local ok2, plain = run("pandoc -f json -t plain --wrap=none " .. tmp("l.ast.json"))
      assert.is_true(ok2)
      local _, count = plain:gsub("%[3%] Novaya Zhizn %(New Life%)", "")
      assert.equal(1, count)
      assert.is_nil(plain:find("%[%d%] %[%d%]"))
    end)

    it("converts a hostile page, its text as text", function()
      if not ok_pandoc then pending("pandoc is not installed") return end
      local src = write(tmp("h.ast.json"), export.pandoc(hostile))
      local ok, html = run("pandoc -f json -t html " .. src)
      assert.is_true(ok, html)
      assert.is_nil(html:find("<script>", 1, true))
      assert.truthy(html:find("&lt;script&gt;", 1, true))
      assert.is_true((run(("pandoc -f json -t docx -o %s %s"):format(tmp("h.docx"), src))))
    end)
  end)

  describe("tei", function()
    local ok_xmllint = have("xmllint")

    local function xpath(file, expr)
      local ok, out = run(("xmllint --xpath %q %s"):format(expr, file))
      assert.is_true(ok, out)
      return (out:gsub("%s+$", ""))
    end

    it("is well-formed XML (xmllint) for the letter and for a hostile page", function()
      if not ok_xmllint then pending("xmllint is not installed") return end
      for name, d in pairs({ letter = doc, hostile = hostile }) do
        local ok, out = run("xmllint --noout " .. write(tmp(name .. ".xml"), export.tei(d)))
        assert.is_true(ok, out)
      end
    end)

    it("has a real teiHeader: titleStmt, sourceDesc from Source, correspDesc, calendars", function()
      if not ok_xmllint then pending("xmllint is not installed") return end
      local f = write(tmp("t.xml"), export.tei(doc))
      assert.equal("Lenin Collected Works",
        xpath(f, "string(//*[local-name()='sourceDesc']//*[local-name()='title'][@level='m'])"))
      assert.equal("10", xpath(f, "string(//*[local-name()='biblScope'][@unit='volume'])"))
      assert.equal("17", xpath(f, "string(//*[local-name()='biblScope'][@unit='page']/@from)"))
      assert.equal("28", xpath(f, "string(//*[local-name()='biblScope'][@unit='page']/@to)"))
      assert.equal("V. I. Lenin",
        xpath(f, "string(//*[local-name()='correspAction'][@type='sent']/*[local-name()='persName'])"))
      assert.equal("1", xpath(f, "count(//*[local-name()='calendar'][@xml:id='julian'])"))
    end)

    it("has the 8 notes with n, place and xml:id, and a ptr from each marker", function()
      if not ok_xmllint then pending("xmllint is not installed") return end
      local f = write(tmp("n.xml"), export.tei(doc))
      assert.equal("8", xpath(f, "count(//*[local-name()='note'][@place='end'][@n][@xml:id])"))
      local markers = 0
      for _, n in ipairs(doc.notes) do markers = markers + #n.refs end
      assert.equal(tostring(markers), xpath(f, "count(//*[local-name()='ptr'])"))
      -- every ptr points at a note
      assert.equal("0",
        xpath(f, "count(//*[local-name()='ptr'][not(substring(@target,2) = //*[local-name()='note']/@xml:id)])"))
      local pbs = 0
      for _, p in ipairs(doc.paragraphs) do pbs = pbs + #p.pagebreaks end
      for _, n in ipairs(doc.notes) do for _, p in ipairs(n.paragraphs) do pbs = pbs + #p.pagebreaks end end
      -- and one where the body begins, on the source's first page
      assert.equal(tostring(pbs + 1), xpath(f, "count(//*[local-name()='pb'])"))
    end)

    it("names entities that point into the lists, and dates with @when and @when-custom", function()
      if not ok_xmllint then pending("xmllint is not installed") return end
      local f = write(tmp("e.xml"), export.tei(doc))
      assert.equal("0", xpath(f, "count(//*[@ref][not(substring(@ref,2) = //*/@xml:id)])"))
      assert.truthy(tonumber(xpath(f, "count(//*[local-name()='title'][@level='j'][@ref='#novaya-zhizn'])")) > 0)
      assert.truthy(tonumber(xpath(f, "count(//*[local-name()='orgName'][@ref])")) > 0)
      assert.truthy(tonumber(xpath(f, "count(//*[local-name()='date'][@datingMethod='#julian'])")) > 0)
    end)
  end)

  describe("gift", function()
    local qs = quiz.choice(doc, { count = 4, seed = 1 })
    for _, q in ipairs(quiz.cloze(doc, { count = 4, seed = 1 })) do qs[#qs + 1] = q end

    it("escapes ~ = # { } : and backslash", function()
      assert.equal("a\\~b\\=c\\#d\\{e\\}f\\:g\\\\h", export.giftescape("a~b=c#d{e}f:g\\h"))
    end)

    it("places the answers where the blank was", function()
      local g = export.gift({ { kind = "cloze", prompt = "Down with _____ now!", answer = "x:y" } })
      assert.truthy(g:find("::Q1 cloze::[plain]Down with {=x\\:y} now!", 1, true))
      local c = export.gift({ { kind = "choice", prompt = "A _____.", answer = "b", choices = { "a", "b" } } })
      assert.truthy(c:find("[plain]A {~a =b}.", 1, true))
      local n = export.gift({ { kind = "note", prompt = "Which?", answer = "b", choices = { "b", "c" } } })
      assert.truthy(n:find("[plain]Which? {=b ~c}", 1, true))
    end)

    it("is read by a GIFT parser (gift-pegjs) with every question and answer", function()
      if not io.open(BROWSER_DIR .. "/node_modules/gift-pegjs/package.json") or not have("node") then
        pending("spec/browser/node_modules is missing (npm ci in spec/browser)")
        return
      end
      -- a user's own questions, with GIFT's special characters everywhere
      local own = {
        { kind = "cloze", prompt = "With ]]> and {=}~# and _____ \\ end: 100%", answer = "=cmd|' /C calc'!A0",
          accept = { "a:b", "{x}" }, feedback = "{=}~# ]]> <b> :: #", category = "a/b:c", title = "t::{1}" },
        { kind = "choice", prompt = "Which {=}~#?", answer = "#1", choices = { "~2", "#1", "=3" },
          feedback = "::t:: {x}" },
      }
      for _, set in ipairs({ qs, own }) do
        local ok, out = run("node " .. BROWSER_DIR .. "/gift_check.js " .. write(tmp("q.gift"), export.gift(set)))
        assert.is_true(ok, out)
        local parsed = cjson.decode(out)
        assert.equal(#set, #parsed)
        for i, q in ipairs(set) do
          local p = parsed[i]
          assert.equal("plain", p.format)
          if q.choices then
            assert.equal("MC", p.type)
            assert.equal(#q.choices, #p.answers)
            for j, c in ipairs(q.choices) do
              assert.equal(c, p.answers[j].text)
              assert.equal(c == q.answer, p.answers[j].correct)
            end
          else
            assert.equal("Short", p.type)
          end
          -- the stem is the prompt with the answers taken out at the blank
          local function blank(x) return (squash(x):gsub("%s*_____%s*", "_____")) end
          assert.equal(blank(q.prompt), blank(p.stem))
        end
      end
    end)

    it("raises on what is not a list of questions", function()
      assert.has_error(function() export.gift(nil) end,
        "bad argument #1 to 'gift' (array of questions expected, got nil)")
      assert.has_error(function() export.gift({ { prompt = 1, answer = "a" } }) end,
        "bad argument #1 to 'gift' (question 1: prompt must be a string, got number)")
    end)
  end)

  describe("anki", function()
    local qs = quiz.choice(doc, { count = 3 })
    for _, q in ipairs(quiz.cloze(doc, { count = 3 })) do qs[#qs + 1] = q end

    it("has the header lines and one Cloze note per question", function()
      local a = export.anki(qs, { deck = "Lenin 1905" })
      local lines = {}
      for l in a:gmatch("([^\n]*)\n") do lines[#lines + 1] = l end
      assert.same({ "#separator:tab", "#html:true", "#notetype:Cloze", "#deck:Lenin 1905",
        "#guid column:1", "#tags column:4", "#columns:GUID\tText\tBack Extra\tTags" },
        { table.unpack(lines, 1, 7) })
      assert.equal(#qs + 7, #lines)
      for i = 8, #lines do
        local guid, text, back, tags = lines[i]:match("^([^\t]*)\t([^\t]*)\t([^\t]*)\t([^\t]*)$")
        assert.equal(qs[i - 7].id, guid)
        assert.is_string(text)
        assert.is_string(back)
        assert.is_string(tags)
        local n = 0
        for _ in text:gmatch("{{c1::") do n = n + 1 end
        assert.equal(1, n)
      end
      assert.truthy(a:find("{{c1::" .. qs[#qs].answer .. "}}", 1, true))
    end)

    it("shows the choices as the cloze hint", function()
      local a = export.anki({ { kind = "choice", prompt = "A _____ b", answer = "x", choices = { "y", "x" } } })
      assert.truthy(a:find("\tA {{c1::x::y / x}} b\t", 1, true))
    end)

    it("keeps hostile text inert: no markup, no stray cloze, no extra fields", function()
      local a = export.anki({ { kind = "cloze", prompt = "<b>{{c2::x}}</b>\tz _____ \"q\"", answer = "a::b}}" } })
      local row = a:match("#columns:[^\n]*\n([^\n]*)\n")
      assert.equal("ll-adf71e0fbcef7d0d\t&lt;b&gt;&#123;&#123;c2&#58;&#58;x&#125;&#125;&lt;/b&gt; z "
        .. "{{c1::a&#58;&#58;b&#125;&#125;}} &quot;q&quot;\t\t", row)
    end)
  end)

  describe("csv", function()
    local function pyparse(path)
      local ok, out = run(("python3 -c %q %s"):format(
        "import csv,json,sys; "
          .. "print(json.dumps(list(csv.reader(open(sys.argv[1], newline='', encoding='utf-8'), strict=True))))",
        path))
      assert.is_true(ok, out)
      return cjson.decode(out)
    end

    it("writes a concordance that Python's csv module reads back", function()
      if not have("python3") then pending("python3 is not installed") return end
      local lines = doc:concordance("Soviet")
      local rows = pyparse(write(tmp("k.csv"), export.csv(lines, { "paragraph", "left", "match", "right" })))
      assert.same({ "paragraph", "left", "match", "right" }, rows[1])
      assert.equal(#lines + 1, #rows)
      for i, l in ipairs(lines) do
        assert.same({ tostring(l.paragraph), l.left, l.match, l.right }, rows[i + 1])
      end
    end)

    it("ends lines with CRLF and quotes commas, quotes and line breaks", function()
      assert.equal('a,b\r\n"x,y","say ""hi""","1\n2"\r\n',
        export.csv({ { "x,y", 'say "hi"', "1\n2" } }, nil):gsub("^", "a,b\r\n"))
      assert.equal("word,count\r\nsoviet,22\r\n", export.csv({ { word = "soviet", count = 22 } }))
    end)

    it("guards cells that start like a formula", function()
      local s = export.csv({ { "=cmd|' /C calc'!A0", "+1", "-2", "@SUM(A1)", "ok", -3 } })
      assert.equal("'=cmd|' /C calc'!A0,'+1,'-2,'@SUM(A1),ok,-3\r\n", s)
      if have("python3") then
        local rows = pyparse(write(tmp("h.csv"), export.csv(hostile:concordance("script"))))
        for _, r in ipairs(rows) do
          for _, c in ipairs(r) do assert.is_nil(c:find("^[=+%-@]")) end
        end
      end
    end)

    it("raises on bad rows and columns", function()
      assert.has_error(function() export.csv("x") end, "bad argument #1 to 'csv' (table expected, got string)")
      assert.has_error(function() export.csv({ 1 }) end, "bad argument #1 to 'csv' (row 1: table expected, got number)")
      assert.has_error(function() export.csv({}, 3) end, "bad argument #2 to 'csv' (table expected, got number)")
      assert.has_error(function() export.csv({ { a = {} } }, { "a" }) end,
        "bad argument #1 to 'csv' (row 1, column a: string, number or boolean expected, got table)")
    end)
  end)

  describe("html", function()
    local page = export.html(doc)

    it("is one self-contained page: no external resource, a CSP that forbids the network", function()
      assert.truthy(page:find("^<!DOCTYPE html>"))
      assert.is_nil(page:find('src="http', 1, true))
      -- nothing loaded: no <link> to a network resource (the source's address
      -- in the header is a link to follow, not a resource)
      assert.is_nil(page:find('<link[^>]*href="http'))
      assert.truthy(page:find('<p class="source">From <a href="https://www.marxists.org/', 1, true))
      assert.truthy(page:find("default-src 'none'", 1, true))
      local n = 0
      for _ in page:gmatch("<script") do n = n + 1 end
      assert.equal(2, n)
    end)

    it("links every marker to its note and back", function()
      for _, note in ipairs(doc.notes) do
        assert.truthy(page:find(('id="note-%d"'):format(note.n), 1, true))
        for k = 1, #note.refs do
          assert.truthy(page:find(('id="ref-%d-%d" href="#note-%d"'):format(note.n, k, note.n), 1, true))
          assert.truthy(page:find(('href="#ref-%d-%d"'):format(note.n, k), 1, true))
        end
      end
    end)

    it("shows every misprint as printed and as meant, the glossary's copies of the notes too", function()
      -- each of doc.errata (16) once in the text and the notes, a button
      -- that opens why; note 6's "By the end of 1900" [1906] also in the
      -- glossary's Union of Unions, which quotes note 6
      local seen = 0
      for _, x in ipairs(doc.errata) do
        local at = page:find('<span class="erratum" tabindex="0" role="button" aria-haspopup="dialog" data-corr="'
          .. x.corr:gsub('"', "&quot;") .. '"', 1, true)
        assert.truthy(at, x.sic)
        seen = seen + 1
      end
      assert.equal(16, seen)
      local g = page:match('<dt id="g%-union%-of%-unions">.-</dd>')
      assert.truthy(g)
      assert.truthy(g:find('By the end of <span class="erratum"><span class="sic">1900</span>'
        .. '<ins class="corr" title="as meant">1906</ins></span> the Union had fallen apart.', 1, true), g)
    end)

    it("highlights entities by type", function()
      -- each a button for the keyboard (Tab, Enter) that opens what the notes say
      assert.truthy(page:find('<span class="ent ent%-periodical" tabindex="0" role="button" aria%-haspopup="dialog" '
        .. 'data%-entity="novaya%-zhizn">Novaya Zhizn</span>'))
      assert.truthy(page:find('class="ent ent-organization"', 1, true))
    end)

    it("leaves no live markup from a hostile page", function()
      local h = export.html(hostile)
      local n = 0
      for _ in h:gmatch("<script") do n = n + 1 end
      assert.equal(2, n)
      assert.is_nil(h:find("<img", 1, true))
      assert.is_nil(h:find("<b>", 1, true))
      assert.is_nil(h:find("</script> end", 1, true))
      assert.truthy(h:find("&lt;script&gt;window.__pwned=1&lt;/script&gt;", 1, true))
    end)

    it("works in headless Chromium: margins, notes and names on click, keys and taps, glossary, variant search, "
      .. "sortable concordance, quiz with passages, a phone layout, no console errors", function()
      local ready, why = browser_ready()
      if not ready then pending("browser check skipped: " .. why) return end
      local expected = #doc:concordance("Soviet")
      assert.equal(22, expected)
      local shot = tmp("study-page.png")
      -- the page's search follows the module's query rules with
      -- opts.variants (issue 18: "the study page's search uses the same
      -- rules"): for each query it shows the lines doc:concordance(q,
      -- {variants = true}) gives. Checked by hand on the body (see
      -- research_spec): Black Hundreds 6 + Black-Hundred 9; tsar 1 +
      -- tsar’s 2; revolution* 57 whole words + counter-revolution 1 +
      -- Socialist-Revolutionary 2 + Socialist-Revolutionaries 2; *ism:
      -- Marxism 2, mysticism 1, socialism 2, tsarism 1; soviets: none
      -- (a plural s only ends a phrase)
      local queries = {}
      for _, q in ipairs({ "Black Hundreds", "tsar", "revolution*", "*revolution*", "*ism", "*revolution",
        "*socialist", "Social-Democrats", "REVOLUTIONARY government", "soviets", "tsar's" }) do
        queries[q] = #doc:concordance(q, { variants = true })
      end
      assert.same({ 15, 3, 62, 62, 6, 0 }, { queries["Black Hundreds"], queries.tsar, queries["revolution*"],
        queries["*revolution*"], queries["*ism"], queries.soviets })
      -- "a & b": every query in one sentence, as {a, b, within = "sentence"}; soviet and
      -- party share ten sentences of the body (paragraphs 2 (three), 3, 6 (two), 10
      -- (three) and 21, read one by one)
      for _, q in ipairs({ { "soviet", "party" }, { "Black Hundreds", "tsar*" }, { "revolution*", "government" } }) do
        queries[table.concat(q, " & ")] = #doc:concordance({ q[1], q[2], within = "sentence" }, { variants = true })
      end
      assert.equal(10, queries["soviet & party"])
      local comatches = {}
      for i, l in ipairs(doc:concordance({ "soviet", "party", within = "sentence" }, { variants = true })) do
        comatches[i] = (l.match:gsub("[\n\t]", " "))
      end
      assert.equal("Soviet of Workers’ Deputies or the Party", comatches[1])
      assert.equal(#doc:entity("Black Hundreds").mentions, queries["Black Hundreds"])
      -- the glossary: every entity the text (not only the header) names
      local glossary = 0
      for _, e in ipairs(doc:entities()) do
        for _, m in ipairs(e.mentions) do
          if m.part ~= "meta" then glossary = glossary + 1 break end
        end
      end
      local pages = {}
      for k = 17, 24 do pages[#pages + 1] = "p. " .. k end
      local nz = doc:entity("Novaya Zhizn")
      local want = { queries = queries, paragraphs = #doc.paragraphs, pages = pages, glossary = glossary,
        entity = nz.id, entityName = nz.name, entityNote = nz.note, sic = "tire less", corr = "tireless",
        cooccur = { query = "soviet & party", matches = comatches },
        firstWhere = "\194\1821 p.17", shots = tmp(".") }  -- the temporary folder itself
      local json = "'" .. cjson.encode(want):gsub("'", "'\\''") .. "'"
      local ok, out = run(("cd %s && node study_page.test.js %s %s %d %s %s"):format(BROWSER_DIR,
        write(tmp("letter.html"), page), write(tmp("hostile.html"), export.html(hostile)), expected, shot,
        json))
      assert.is_true(ok, out)
      assert.truthy(out:find("\n0 failed", 1, true) or out:find(" 0 failed", 1, true), out)
    end)

    it("raises on bad options", function()
      assert.has_error(function() export.html(doc, 1) end, "bad argument #2 to 'html' (table expected, got number)")
      assert.has_error(function() export.html(doc, { seed = "x" }) end,
        "bad argument #2 to 'html' (opts.seed must be an integer, got string)")
    end)
  end)

  describe("layout", function()
    it("writes the study page's CSS and script from their one source, data/studypage/", function()
      local sp = require "leninletter.export.studypage"
      assert.equal(read("data/studypage/page.css"), sp.css)
      assert.equal(read("data/studypage/page.js"), sp.js)
      assert.is_nil(sp.other)
      assert.truthy(export.html(doc):find(sp.css, 1, true))
      assert.truthy(export.html(doc):find(sp.js, 1, true))
    end)
  end)

  describe("argument checks", function()
    for _, f in ipairs({ "json", "markdown", "pandoc", "tei", "text", "html" }) do
      it(f .. " wants a Document", function()
        assert.has_error(function() export[f]("x") end,
          ("bad argument #1 to '%s' (Document expected, got string)"):format(f))
      end)
      it(f .. " refuses an unknown option, and options that are not a table", function()
        assert.has_error(function() export[f](doc, { bogus = true }) end,
          ("bad argument #2 to '%s' (unknown option 'bogus')"):format(f))
        assert.has_error(function() export[f](doc, 7) end,
          ("bad argument #2 to '%s' (table expected, got number)"):format(f))
      end)
    end
    for _, f in ipairs({ "gift", "anki", "moodle" }) do
      it(f .. " refuses an unknown option, and options that are not a table", function()
        local qs = require("leninletter.quiz").cloze(doc, { count = 2 })
        assert.has_error(function() export[f](qs, { bogus = true }) end,
          ("bad argument #2 to '%s' (unknown option 'bogus')"):format(f))
        assert.has_error(function() export[f](qs, 7) end,
          ("bad argument #2 to '%s' (table expected, got number)"):format(f))
      end)
    end
    for _, f in ipairs({ "json", "tei", "html" }) do
      it(f .. " takes the page's url as a string", function()
        assert.has_error(function() export[f](doc, { url = 1 }) end,
          ("bad argument #2 to '%s' (opts.url must be a string, got number)"):format(f))
        local out = export[f](doc, { url = "https://example.org/x.htm" })
        if f == "json" then out = cjson.decode(out).url end
        assert.truthy(out:find("https://example.org/x.htm", 1, true))
      end)
    end
  end)
end)
