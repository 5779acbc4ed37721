-- bin/leninletter: every command, its help, its errors, and terminal widths.
local compat = require "leninletter.compat"  -- utf8 and math as in Lua 5.4, on every Lua
local utf8 = compat.utf8
local ll = require "leninletter"
local H = require "spec.helpers"

local ENV, sh = H.ENV, H.quote

-- runs the tool; returns exit code, stdout, stderr
local function cli(args, env)
  local err = os.tmpname()
  local out, code = compat.run(ENV .. (env or "") .. " " .. (os.getenv("LUA") or "lua5.4") .. " bin/leninletter "
    .. args .. " 2>" .. err)
  local f = io.open(err, "rb")
  local e = f:read("*a")
  f:close()
  os.remove(err)
  return code, out, e
end

local function lines(s)
  local t = {}
  for l in s:gmatch("([^\n]*)\n") do t[#t + 1] = l end
  return t
end

local function tmpfile(content)
  local p = os.tmpname()
  if content then
    local f = assert(io.open(p, "wb"))
    f:write(content)
    f:close()
  end
  return p
end

local doc = ll.letter()

local COMMANDS = { "info", "text", "notes", "entities", "kwic", "freq", "ngrams", "quiz", "export", "plot", "pack" }

describe("leninletter command line", function()
  it("prints its usage with --help, and fails without a command", function()
    local code, out = cli("--help")
    assert.equal(0, code)
    assert.truthy(out:find("usage: leninletter COMMAND", 1, true))
    for _, c in ipairs(COMMANDS) do
      assert.truthy(out:find("\n  " .. c, 1, true), c)
    end
    local code2, out2, err2 = cli("")
    assert.equal(2, code2)
    assert.equal("", out2)
    assert.truthy(err2:find("^usage: leninletter COMMAND"))
  end)

  it("prints its version with --version", function()
    local code, out = cli("--version")
    assert.equal(0, code)
    assert.equal(ll._VERSION .. "\n", out)
  end)

  for _, c in ipairs(COMMANDS) do
    it("has --help for " .. c, function()
      local code, out = cli(c .. " --help")
      assert.equal(0, code)
      assert.truthy(out:find("usage: leninletter " .. c, 1, true))
    end)
  end

  it("sends errors to stderr: status 2 for a command line it does not understand, 1 for a failure", function()
    local code, out, err = cli("frobnicate")
    assert.equal(2, code)
    assert.equal("", out)
    assert.equal("leninletter: unknown command 'frobnicate' (see leninletter --help)\n", err)
    local _
    -- a page named without --file is refused, not taken for the letter
    local page = tmpfile("Title\n\nA page of one paragraph.\n")
    code, out, err = cli("info " .. sh(page))
    assert.equal(2, code)
    assert.equal("", out)
    assert.equal(("leninletter: unexpected argument '%s' for info; to read that page, give --file %s"
      .. " (see leninletter info --help)\n"):format(page, page), err)
    os.remove(page)
    for args, extra in pairs({ ["text one two"] = "one", ["export json extra"] = "extra" }) do
      local command = args:match("^%a+")
      code, _, err = cli(args)
      assert.equal(2, code)
      assert.equal(("leninletter: unexpected argument '%s' for %s (see leninletter %s --help)\n")
        :format(extra, command, command), err)
    end
    -- an option no command takes is named, whatever follows it
    code, _, err = cli("kwic Soviet --bogus 1")
    assert.equal(2, code)
    assert.equal("leninletter: unknown option --bogus (see leninletter --help)\n", err)
    code, _, err = cli("kwic Soviet --bogus")
    assert.equal(2, code)
    assert.equal("leninletter: unknown option --bogus (see leninletter --help)\n", err)
    -- an option of another command
    code, _, err = cli("info --top 3")
    assert.equal(2, code)
    assert.equal("leninletter: unknown option --top for info (see leninletter info --help)\n", err)
    code, _, err = cli("kwic Soviet --width")
    assert.equal(2, code)
    assert.equal("leninletter: option --width needs a value\n", err)
    code, _, err = cli("info --file /nonexistent/page.txt")
    assert.equal(1, code)
    assert.truthy(err:find("^leninletter: cannot open /nonexistent/page.txt"))
    code, _, err = cli("quiz --count zero")
    assert.equal(2, code)
    assert.equal("leninletter: --count wants an integer of at least 1, got 'zero'\n", err)
    code, _, err = cli("export pdf")
    assert.equal(2, code)
    assert.truthy(err:find("unknown format 'pdf'", 1, true))
    code, _, err = cli("kwic")
    assert.equal(2, code)
    assert.truthy(err:find("kwic needs a QUERY", 1, true))
  end)

  it("never writes a page's control characters to the terminal", function()
    -- a page holding ESC [2J (clear the screen), OSC 52 (write the
    -- clipboard), a bell, a backspace and the C1 CSI (U+009B)
    local evil = "\27[2J\27]52;c;aGVsbG8=\7\8\194\155"
    local path = tmpfile("Title\n\nA page " .. evil .. " names the Soviet.\n\nThe Soviet " .. evil .. " again.\n")
    for _, c in ipairs({ "kwic Soviet", "text", "info", "freq", "ngrams 2", "quiz --count 1",
                         "kwic Soviet --csv", "notes", "export text" }) do
      local code, out, err = cli(c .. " --file " .. sh(path))
      assert.is_true(code == 0 or code == 1, c)
      for _, s in ipairs({ out, err }) do
        s = s:gsub("\r\n", "\n")  -- CSV's line ends
        assert.is_nil(s:find("[%z\1-\8\11-\31\127]"), c)
        assert.is_nil(s:find("\194[\128-\159]"), c)
      end
    end
    local _, out = cli("text --file " .. sh(path))
    assert.truthy(out:find("A page \239\191\189[2J", 1, true))
    os.remove(path)
  end)

  it("wraps text and notes to the terminal, or to --wrap N", function()
    for _, cols in ipairs({ 40, 80 }) do
      local code, out = cli("text", "COLUMNS=" .. cols)
      assert.equal(0, code)
      local words = 0
      for _, l in ipairs(lines(out)) do
        -- a line is longer only when it is one word
        assert.is_true(utf8.len(l) <= cols or not l:find(" "), l)
        for _ in l:gmatch("%S+") do words = words + 1 end
      end
      -- no word lost: title, subtitle, the paragraphs and "[n] " + each note
      local want = 0
      local function count(s) for _ in s:gmatch("%S+") do want = want + 1 end end
      count(doc.title); count(doc.subtitle)
      for _, p in ipairs(doc.paragraphs) do count(p.text) end
      for _, n in ipairs(doc.notes) do count("[" .. n.n .. "] " .. n.text) end
      assert.equal(want, words)
    end
    local _, out = cli("text --wrap 0")
    assert.truthy(out:find(doc.paragraphs[1].text, 1, true))
    _, out = cli("notes", "COLUMNS=60")
    for _, l in ipairs(lines(out)) do assert.is_true(utf8.len(l) <= 60 or not l:find(" ", 5), l) end
    assert.truthy(out:find("\n    Novaya Zhizn (New Life)", 1, true))
  end)

  it("prints info with aligned columns", function()
    local code, out = cli("info")
    assert.equal(0, code)
    assert.truthy(out:find("Title                  Our Tasks and the Soviet of Workers’ Deputies", 1, true))
    assert.truthy(out:find("Notes                  8", 1, true))
  end)

  describe("kwic", function()
    it("prints one line per concordance line, no wider than $COLUMNS", function()
      for _, cols in ipairs({ 40, 60, 80, 132 }) do
        local code, out, err = cli("kwic Soviet", "COLUMNS=" .. cols)
        assert.equal(0, code)
        local ls = lines(out)
        assert.equal(#doc:concordance("Soviet"), #ls)
        assert.equal("22 lines\n", err)
        local at
        for _, l in ipairs(ls) do
          assert.is_true(utf8.len(l) <= cols, l)
          -- the matches line up
          local a = l:find(" Soviet ", 1, true) or l:find(" Soviet$")
          local col = utf8.len(l:sub(1, a))
          at = at or col
          assert.equal(at, col)
        end
      end
    end)

    it("defaults to 80 columns without a terminal", function()
      local _, out = cli("kwic revolution*", "COLUMNS= TERM=dumb")
      for _, l in ipairs(lines(out)) do assert.is_true(utf8.len(l) <= 80) end
    end)

    it("asks no tput for the width when standard output is not a terminal", function()
      -- a tput that would say 200 columns: were it asked, lines would pass 80
      local dir = os.tmpname()
      os.remove(dir)
      assert.is_true(compat.execute("mkdir -p " .. sh(dir)))
      local f = assert(io.open(dir .. "/tput", "wb"))
      f:write("#!/bin/sh\necho 200\n")
      f:close()
      assert.is_true(compat.execute("chmod +x " .. sh(dir .. "/tput")))
      local code, out = cli("kwic Soviet", "COLUMNS= PATH=" .. sh(dir) .. ":\"$PATH\"")
      compat.execute("rm -r " .. sh(dir))
      assert.equal(0, code)
      local widest = 0
      for _, l in ipairs(lines(out)) do widest = math.max(widest, utf8.len(l)) end
      assert.is_true(widest > 60 and widest <= 80, "widest line " .. widest)
    end)

    it("takes --width, --sort and --scope", function()
      local _, out = cli("kwic Soviet --width 10 --sort right --scope all", "COLUMNS=200")
      local ls = lines(out)
      assert.equal(#doc:concordance("Soviet", { scope = "all" }), #ls)
      assert.is_true(utf8.len(ls[1]) <= 5 + 2 + 10 + 1 + 6 + 1 + 10)
      local code, _, err = cli("kwic Soviet --sort sideways")
      assert.equal(2, code)
      assert.equal("leninletter: --sort must be one of position, left, right, got 'sideways'\n", err)
    end)

    it("finds variants with --variants, and queries together with & and --within", function()
      -- the letter's body: "Black Hundreds" 6 times and "Black-Hundred" 9 (research_spec)
      local _, out = cli("kwic 'Black Hundreds' --variants", "COLUMNS=100")
      local ls = lines(out)
      assert.equal(15, #ls)
      assert.equal(#doc:concordance("Black Hundreds", { variants = true }), #ls)
      assert.truthy(out:find("Black-Hundred", 1, true))
      -- soviet and party in one sentence: ten sentences (export_spec); within five words, two:
      -- "Party independence, and the Soviet" and "Soviet or even from the Party" (paragraph 10)
      _, out = cli("kwic 'soviet & party'", "COLUMNS=100")
      ls = lines(out)
      assert.equal(10, #ls)
      assert.truthy(ls[1]:find("Soviet of Workers’ Deputies or the Party", 1, true))
      _, out = cli("kwic 'soviet & party' --within 5", "COLUMNS=100")
      ls = lines(out)
      assert.equal(2, #ls)
      assert.truthy(ls[1]:find("Party independence, and the Soviet", 1, true))
      assert.truthy(ls[2]:find("Soviet or even from the Party", 1, true))
      local code, _, err = cli("kwic 'soviet &'")
      assert.equal(2, code)
      assert.equal("leninletter: each side of & needs a query, as in 'soviet & party'\n", err)
      code, _, err = cli("kwic soviet --within 3")
      assert.equal(2, code)
      assert.equal("leninletter: --within wants queries joined by &, as in 'soviet & party'\n", err)
      code, _, err = cli("kwic 'soviet & party' --within none")
      assert.equal(2, code)
      assert.truthy(err:find("--within", 1, true))
    end)

    it("writes CSV with --csv", function()
      local _, out = cli("kwic 'Black Hundreds' --csv")
      local ls = {}
      for l in out:gmatch("([^\r\n]*)\r\n") do ls[#ls + 1] = l end
      assert.equal("place,part,paragraph,note,sentence,pos,left,match,right", ls[1])
      assert.equal(#doc:concordance("Black Hundreds") + 1, #ls)
    end)
  end)

  it("prints frequencies and n-grams as aligned tables", function()
    local _, out = cli("freq --stoplist --top 3")
    local f = doc:frequencies({ stoplist = true })
    assert.same({ "rank  word            count",
      ("   1  %-13s  %6d"):format(f[1].word, f[1].count),
      ("   2  %-13s  %6d"):format(f[2].word, f[2].count),
      ("   3  %-13s  %6d"):format(f[3].word, f[3].count) }, lines(out))
    local _, csv = cli("ngrams 2 --top 2 --csv")
    local g = doc:ngrams(2)
    assert.equal(("rank,ngram,count\r\n1,%s,%d\r\n2,%s,%d\r\n"):format(g[1].ngram, g[1].count, g[2].ngram,
      g[2].count), csv)
    assert.equal(2, (cli("ngrams 0")))
  end)

  describe("quiz", function()
    it("prints questions and an answer key, the same for the same seed", function()
      local code, a = cli("quiz --kind choice --count 3 --seed 9")
      assert.equal(0, code)
      local _, b = cli("quiz --kind choice --count 3 --seed 9")
      assert.equal(a, b)
      assert.truthy(a:find("\n   a) ", 1, true))
      assert.truthy(a:find("\nAnswers:\n", 1, true))
      local _, c = cli("quiz --kind choice --count 3 --seed 10")
      assert.are_not.equal(a, c)
    end)

    it("writes GIFT, Anki and JSON", function()
      local _, g = cli("quiz --format gift --count 2")
      assert.truthy(g:find("\n$CATEGORY: $course$/top/Our Tasks and the Soviet of Workers’ Deputies/Cloze\n", 1, true))
      assert.truthy(g:find("\n::Cloze\\: paragraph %d+, sentence %d+::%[plain%]"))
      local _, m = cli("quiz --format moodle --count 2")
      assert.truthy(m:find('<question type="shortanswer">', 1, true))
      local _, k = cli("quiz --format anki --count 2")
      assert.truthy(k:find("^#separator:tab\n#html:true\n#notetype:Cloze\n#deck:"))
      local _, j = cli("quiz --format json --count 2 --seed 5")
      local qs = require("cjson").decode(j)
      assert.equal(2, #qs)
      local want = require("leninletter.quiz").cloze(doc, { count = 2, seed = 5 })
      assert.equal(want[1].prompt, qs[1].prompt)
      assert.equal(want[1].answer, qs[1].answer)
    end)

    it("says on stderr when the text has fewer questions than asked", function()
      local code, _, err = cli("quiz --count 500")
      assert.equal(0, code)
      assert.truthy(err:find("^leninletter: only %d+ of the 500 cloze questions asked for"))
    end)
  end)

  describe("export", function()
    it("writes every text format, to stdout or -o FILE", function()
      for _, f in ipairs({ "json", "markdown", "pandoc", "html", "tei", "text" }) do
        local code, out = cli("export " .. f)
        assert.equal(0, code, f)
        assert.equal(require("leninletter.export")[f](doc), out)
      end
      local path = tmpfile()
      local code, out, err = cli("export tei -o " .. sh(path))
      assert.equal(0, code)
      assert.equal("", out)
      assert.truthy(err:find("wrote", 1, true))
      local f = io.open(path, "rb")
      assert.equal(require("leninletter.export").tei(doc), f:read("*a"))
      f:close()
      os.remove(path)
    end)

    it("writes docx through pandoc, and wants -o for it", function()
      assert.equal(1, (cli("export docx")))
      if compat.execute("command -v pandoc >/dev/null 2>&1") ~= true then pending("pandoc is not installed") return end
      local path = tmpfile() .. ".docx"
      assert.equal(0, (cli("export docx -o " .. sh(path))))
      local f = io.open(path, "rb")
      assert.equal("PK", f:read(2))
      f:close()
      os.remove(path)
    end)
  end)

  it("plots words as SVG", function()
    local code, out = cli("plot Soviet 'Black Hundreds'")
    assert.equal(0, code)
    assert.equal(require("leninletter.plot").dispersion(doc, { "Soviet", "Black Hundreds" }), out)
    local _, f = cli("plot --freq --top 5")
    assert.truthy(f:find("<svg", 1, true))
    assert.equal(2, (cli("plot")))
  end)

  it("works on another page with --file", function()
    local path = tmpfile("V. I. Lenin\n\nAnother Page\n\nWritten: Written May 18 (31), 1917\n\n"
      .. "The Soviet met. The Soviet spoke again today.[1]\n\n[1] A note.\n")
    local _, out = cli("info --file " .. sh(path))
    assert.truthy(out:find("Title                  Another Page", 1, true))
    local _, k = cli("kwic Soviet --file " .. sh(path))
    assert.equal(2, #lines(k))
    os.remove(path)
  end)

  it("labels kwic and freq lines over a folder (--dir) with each page's path under it", function()
    local dir = os.tmpname()
    os.remove(dir)
    assert.is_true(compat.execute("mkdir -p " .. sh(dir .. "/1905")))
    local function put(name, text)
      local f = assert(io.open(dir .. "/" .. name, "wb"))
      f:write(text)
      f:close()
    end
    put("1905/a.txt", "Title A\n\nThe Soviet met.\n\nNo match here.\n\nThe Soviet again.\n")
    put("b.txt", "Title B\n\nA Soviet of deputies.\n")
    local code, out, err = cli("kwic Soviet --dir " .. sh(dir), "COLUMNS=80")
    assert.equal(0, code, err)
    local ls = lines(out)
    assert.equal(3, #ls)
    assert.truthy(ls[1]:find("^1905/a%.txt:p2 "))
    assert.truthy(ls[2]:find("^1905/a%.txt:p4 "))
    assert.truthy(ls[3]:find("^b%.txt:p2      "))
    local _, csv = cli("kwic Soviet --csv --dir " .. sh(dir .. "/"))
    assert.truthy(csv:find("\r\n1905/a.txt:p2,body,2,", 1, true))
    assert.truthy(csv:find("\r\nb.txt:p2,body,2,", 1, true))
    compat.execute("rm -r " .. sh(dir))
  end)

  it("puts a folder's long paths on lines of their own, keeping the context (kwic --dir)", function()
    local dir = os.tmpname()
    os.remove(dir)
    local deep = "archive/lenin/works/1905/nov/a-page-with-a-long-name"
    assert.is_true(compat.execute("mkdir -p " .. sh(dir .. "/" .. deep)))
    local f = assert(io.open(dir .. "/" .. deep .. "/10.txt", "wb"))
    f:write("Title A\n\nThe Soviet of Workers' Deputies met on the thirteenth.\n\n"
      .. "Then the Soviet met again, and the Party with it.\n")
    f:close()
    local code, out, err = cli("kwic Soviet --dir " .. sh(dir), "COLUMNS=60")
    assert.equal(0, code, err)
    local ls = lines(out)
    -- the path once, then its two lines, each with 20 or more characters
    -- of context a side, no wider than the terminal
    assert.same({ deep .. "/10.txt", "p2  ", "p3  " }, { ls[1], ls[2]:sub(1, 4), ls[3]:sub(1, 4) })
    assert.truthy(ls[2]:find("The  Soviet  of Workers' Deputies", 1, true), ls[2])
    assert.truthy(ls[3]:find("Then the  Soviet  met again, and the", 1, true), ls[3])
    for i = 2, 3 do assert.is_true(utf8.len(ls[i]) <= 60, ls[i]) end
    compat.execute("rm -r " .. sh(dir))
  end)

  it("lists a page's entities with --catalogue, and says why there are none without", function()
    local path = tmpfile("A Letter\n\nThe Black Hundreds and the Soviet met in St. Petersburg.\n")
    local code, out, err = cli("entities --file " .. sh(path))
    assert.equal(1, code)
    assert.equal("", out)
    assert.equal("leninletter: a page given with --file has no entity catalogue: give one with "
      .. "--catalogue letter|FILE\n", err)
    code, out = cli("entities --catalogue letter --file " .. sh(path))
    assert.equal(0, code)
    assert.truthy(out:find("\nBlack Hundreds%s+organization%s+1%s"))
    assert.truthy(out:find("\nSt. Petersburg%s+place%s+1%s"))
    -- a catalogue of one's own, as a Lua file returning a table
    local cat = tmpfile('return {{id = "bh", name = "Black Hundreds", type = "organization", aliases = {}}}')
    code, out = cli("entities --catalogue " .. sh(cat) .. " --file " .. sh(path))
    assert.equal(0, code)
    assert.equal(2, #lines(out))
    local _
    code, _, err = cli("entities --catalogue /nonexistent.lua --file " .. sh(path))
    assert.equal(1, code)
    assert.truthy(err:find("cannot read catalogue /nonexistent.lua", 1, true))
    os.remove(path)
    os.remove(cat)
  end)

  it("lists entities, by type", function()
    local code, out = cli("entities periodical")
    assert.equal(0, code)
    assert.truthy(out:find("Novaya Zhizn%s+periodical%s+%d+%s+3%s+novaya%-zhizn"))
    assert.equal(2, (cli("entities planet")))
  end)

  local STATEREV = H.LENIN .. "/archive/lenin/works/1917/staterev/ch01.htm"
  if not H.exists(STATEREV) then
    it("makes the study pack of an archive page", function() pending(H.absent(STATEREV)) end)
  else
    it("makes the study pack of an archive page, named after it, its main names proposed", function()
      local dir = tmpfile()
      os.remove(dir)
      local code, out = cli("pack " .. sh(dir) .. " --file " .. sh(STATEREV))
      assert.equal(0, code)
      -- the page's own files after its file name, not letter.*
      for _, name in ipairs({ "ch01.html", "ch01.tei.xml", "ch01.json", "ch01.md", "quiz.gift" }) do
        assert.truthy(io.open(dir .. "/" .. name), name)
        assert.truthy(out:find(dir .. "/" .. name, 1, true), name)
      end
      assert.is_nil(io.open(dir .. "/letter.html"))
      assert.truthy(out:find("xdg-open " .. dir .. "/ch01.html", 1, true))
      -- no catalogue: the concordances are of the names the page writes
      -- most, each place once ("Engels" inside "Frederick Engels" is not a
      -- line of its own)
      local f = assert(io.open(dir .. "/kwic-entities.csv", "rb"))
      local csv = f:read("*a")
      f:close()
      local per = {}
      for id in csv:gmatch("\r\n([%w%-]+),") do per[id] = (per[id] or 0) + 1 end
      local page = ll.open(STATEREV)
      local all = { scope = "all" }
      assert.equal(page:count("Engels", all) - page:count("Frederick Engels", all), per.engels)
      assert.equal(page:count("Marx", all) - page:count("Karl Marx", all), per.marx)
      assert.truthy(out:find("where Engels, Marx", 1, true))
      assert.truthy(out:find("names the page writes most", 1, true))
      os.execute("rm -rf " .. sh(dir))
    end)
  end

  it("makes a study pack and says what it wrote", function()
    local dir = tmpfile()
    os.remove(dir)
    local code, out = cli("pack " .. sh(dir))
    assert.equal(0, code)
    for _, name in ipairs({ "letter.html", "quiz.gift", "quiz-anki.txt", "letter.tei.xml", "dispersion.svg" }) do
      assert.truthy(io.open(dir .. "/" .. name), name)
      assert.truthy(out:find(name, 1, true))
    end
    assert.truthy(out:find("Open the study page", 1, true))
    -- the entities' concordance: a line per mention, each once at the
    -- longest name that covers it (the Soviet: 22, not its 33 matches of
    -- "Soviet" and "Soviet of Workers' Deputies"; the R.S.D.L.P.: 21)
    local f = assert(io.open(dir .. "/kwic-entities.csv", "rb"))
    local csv = f:read("*a")
    f:close()
    local per = {}
    for id in csv:gmatch("\r\n([%w%-]+),") do per[id] = (per[id] or 0) + 1 end
    local letter = require("leninletter").letter()
    assert.equal(22, per["soviet-of-workers-deputies"])
    assert.equal(#letter:entity("Soviet").mentions, per["soviet-of-workers-deputies"])
    assert.equal(#letter:entity("R.S.D.L.P.").mentions, per.rsdlp)
    assert.equal(21, per.rsdlp)
    -- and each line's match is the mention's own name: the Soviet's 22 are
    -- 11 "Soviet of Workers' Deputies" and 11 "Soviet", as its mentions
    -- (the shorter name's line never replaces the longer one's)
    local full, short = 0, 0
    for line in csv:gmatch("soviet%-of%-workers%-deputies,[^\r]*") do
      if line:find(",Soviet of Workers’ Deputies,", 1, true) then
        full = full + 1
      elseif line:find(",Soviet,", 1, true) then
        short = short + 1
      end
    end
    local named = {}
    for _, m in ipairs(letter:entity("Soviet").mentions) do named[m.text] = (named[m.text] or 0) + 1 end
    assert.same({ 11, 11 }, { full, short })
    assert.same({ named["Soviet of Workers’ Deputies"], named.Soviet }, { full, short })
    -- and the dispersion plot's rows count the same way (body only): 22 and 20
    f = assert(io.open(dir .. "/dispersion.svg", "rb"))
    local svg = f:read("*a")
    f:close()
    assert.truthy(svg:find("Soviet of Workers’ Deputies <tspan class=\"small\">(22)</tspan>", 1, true))
    assert.truthy(svg:find("Russian Social-Democratic Labour Party <tspan class=\"small\">(20)</tspan>", 1, true))
    -- the pack's TEI is valid TEI P5 (jing, tei_all.rng), where the schema is at hand
    local rng = io.open("../shared/schemas/tei_all.rng")
    if rng then
      rng:close()
      local jout, status = compat.run("jing ../shared/schemas/tei_all.rng " .. sh(dir .. "/letter.tei.xml") .. " 2>&1")
      assert.equal(0, status, jout)
    end
    os.execute("rm -rf " .. sh(dir))
  end)
end)
