-- harden_spec: issue #19, hardening round two, on the Lua side: files that
-- are not what they seem (a NUL in a path, FIFOs, devices, pages too large,
-- links to folders, dangling links), a corpus used after its __gc, pages
-- in UTF-16 or nested past libxml2's limit, and inputs whose cost grew
-- with the square of their size (timed at two sizes in this one run: the
-- 16 times larger input must cost less than 64 times the smaller one;
-- quadratic work costs 256 times). The C side is csrc/test/test_harden.c.
local ll = require "leninletter"
local core = require "leninletter.core"
local H = require "spec.helpers"
local readfile = H.readfile
local write = H.write

local SAMPLE = H.SHARED .. "/mia-samples/08.txt"
local STATEREV = H.CORPUS .. "/mia-lenin/archive/lenin/works/1917/staterev/ch01.htm"

local function sh(cmd)
  local ok = os.execute(cmd)
  return ok == true or ok == 0
end

-- the least processor time of three runs of f(n)
local function cost(f, n)
  local best = math.huge
  for _ = 1, 3 do
    local t0 = os.clock()
    f(n)
    best = math.min(best, os.clock() - t0)
  end
  return best
end

local function linear(f, n)
  local a, b = cost(f, n), cost(f, 16 * n)
  return b < 64 * math.max(a, 0.001), ("%.4f s at 1x, %.4f s at 16x"):format(a, b)
end

describe("hardening (issue #19)", function()
  if not H.exists(SAMPLE) then
    it("reads the archive sample", function() pending(H.absent(SAMPLE)) end)
    return
  end
  local dir
  setup(function()
    dir = os.tmpname()
    os.remove(dir)
    assert(sh("mkdir -p '" .. dir .. "/pages/sub'"))
    -- mia-samples/08.txt: Lenin's "454" page in the archive's plain-text
    -- form (its first lines "V. I.   Lenin", then "454")
    write(dir .. "/pages/a.txt", readfile(SAMPLE))
    write(dir .. "/pages/sub/b.txt", readfile(SAMPLE))
  end)
  teardown(function()
    sh("rm -rf '" .. dir .. "'")
  end)

  describe("a path with a NUL byte", function()
    it("is no folder and no file, and is a warning naming it escaped", function()
      -- the C side saw "dir" and listed it again at every level, without end
      assert.is_nil(core.pathkind(dir .. "/pages\0"))
      local list, err = core.listdir(dir .. "/pages\0")
      assert.is_nil(list)
      assert.equal("cannot open folder: a path with a NUL byte in it", err)
      local c = ll.corpus({ dir .. "/pages\0", dir .. "/pages/a.txt\0zzz" })
      assert.equal(0, #c)
      assert.same({
        dir .. "/pages\\000: a path with a NUL byte in it",
        dir .. "/pages/a.txt\\000zzz: a path with a NUL byte in it",
      }, c.warnings)
    end)
  end)

  describe("files that are not regular files", function()
    it("refuses a FIFO named directly, without waiting for a writer", function()
      local fifo = dir .. "/pipe.htm"
      if not sh("mkfifo '" .. fifo .. "' 2>/dev/null") then
        return pending("environment limit: mkfifo is not available")
      end
      local c = ll.corpus({ fifo, dir .. "/pages/a.txt" })
      assert.equal(1, #c)
      assert.equal("454", c[1].number)
      assert.same({ fifo .. ": cannot read: a FIFO, not a regular file" }, c.warnings)
      os.remove(fifo)
    end)

    it("ll.open refuses a FIFO at once, naming the path and what it is", function()
      -- io.open would wait for a writer for ever; the C side opens it
      -- without blocking and looks at the descriptor
      local fifo = dir .. "/open-pipe.txt"
      if not sh("mkfifo '" .. fifo .. "' 2>/dev/null") then
        return pending("environment limit: mkfifo is not available")
      end
      local doc, err = ll.open(fifo)
      os.remove(fifo)
      assert.is_nil(doc)
      assert.equal("cannot read " .. fifo .. ": a FIFO, not a regular file", err)
    end)

    it("ll.open refuses a folder and a device, and still reads a page", function()
      local doc, err = ll.open(dir .. "/pages")
      assert.is_nil(doc)
      assert.equal("cannot read " .. dir .. "/pages: Is a directory", err)
      doc, err = ll.open("/dev/zero")
      assert.is_nil(doc)
      assert.equal("cannot read /dev/zero: a character device, not a regular file", err)
      doc, err = ll.open(dir .. "/pages/a.txt\0zzz")
      assert.is_nil(doc)
      assert.equal("cannot open " .. dir .. "/pages/a.txt: a path with a NUL byte in it", err)
      -- mia-samples/08.txt opens as the page "454" (its first lines)
      doc = assert(ll.open(dir .. "/pages/a.txt"))
      assert.equal("454", doc.number)
    end)

    it("refuses devices that never end, unread", function()
      local res = core.load({ "/dev/zero", "/dev/urandom", "/dev/null" })
      assert.equal("cannot read: a character device, not a regular file", res[1])
      assert.equal("cannot read: a character device, not a regular file", res[2])
      assert.equal("cannot read: a character device, not a regular file", res[3])
    end)

    it("refuses a page larger than max_page_size, the others loading", function()
      local size = #readfile(SAMPLE)
      local c = ll.corpus({ dir .. "/pages" }, { max_page_size = size - 1 })
      assert.equal(0, #c)
      assert.equal(("%s/pages/a.txt: page too large: %d bytes (the limit is %d)"):format(
        dir, size, size - 1), c.warnings[1])
      c = ll.corpus({ dir .. "/pages" }, { max_page_size = size })
      assert.equal(2, #c)
      assert.has_error(function() ll.corpus({}, { max_page_size = 0 }) end,
        "bad argument #2 to 'corpus' (opts.max_page_size must be a positive integer, got 0)")
    end)

    it("makes a 4 GB page a warning, unread, and keeps the good page", function()
      -- a sparse file: no disk, and never read (the default limit is 64 MB)
      local big = dir .. "/big.htm"
      if not sh("truncate -s 4G '" .. big .. "' 2>/dev/null") then
        return pending("environment limit: cannot make a sparse file")
      end
      local c = ll.corpus({ big, dir .. "/pages/a.txt" })
      assert.equal(1, #c)
      assert.equal(big .. ": page too large: 4294967296 bytes (the limit is 67108864)", c.warnings[1])
      os.remove(big)
    end)
  end)

  describe("folders", function()
    it("walks a symbolic link to a folder, each folder once, and warns of the rest", function()
      local root = dir .. "/walk"
      assert(sh(("mkdir -p '%s/real/sub' && cp '%s' '%s/real/a.txt' && cp '%s' '%s/real/sub/b.txt'")
        :format(root, SAMPLE, root, SAMPLE, root)))
      if not sh(("ln -s real '%s/link' && ln -s ../../real '%s/real/sub/loop' && "
        .. "ln -s nowhere '%s/real/gone.htm' && ln -s nowhere '%s/real/gone'")
        :format(root, root, root, root)) then
        return pending("environment limit: no symbolic links")
      end
      local fifo = sh(("mkfifo '%s/real/pipe.htm' '%s/real/pipe'"):format(root, root))
      local c = ll.corpus({ root .. "/link" })
      assert.same({ root .. "/link/a.txt", root .. "/link/sub/b.txt" }, c.paths)
      local w = {}
      for _, x in ipairs(c.warnings) do w[#w + 1] = x end
      table.sort(w)
      local want = {
        root .. "/link/gone.htm: a symbolic link to nothing",
        root .. "/link/gone: a symbolic link to nothing",
        root .. "/link/sub/loop: a folder already read (a link back to it)",
      }
      -- a FIFO named like a page is a warning; one named otherwise is not a page
      if fifo then want[#want + 1] = root .. "/link/pipe.htm: a FIFO, not a regular file" end
      table.sort(want)
      assert.same(want, w)
    end)

    it("escapes a newline in a path it warns about", function()
      write(dir .. "/bad\nname.txt", "")
      local c = ll.corpus({ dir .. "/bad\nname.txt" })
      assert.equal(dir .. "/bad\\010name.txt: empty input", (c.warnings[1]:gsub("empty.*", "empty input")))
      assert.is_nil(c.warnings[1]:find("\n", 1, true))
    end)
  end)

  describe("a corpus used after its __gc", function()
    it("raises instead of building (and leaking) its index again", function()
      local cx = core.corpus({ core.letter() })
      assert.equal(15, cx:cx_count("deputies", "body", false)) -- "Deputies" in the letter's body
      local gc = getmetatable(cx).__gc
      gc(cx)
      assert.has_error(function() cx:cx_count("deputies", "body", false) end,
        "corpus has been closed")
      gc(cx) -- twice: nothing to free, nothing raised
    end)
  end)

  describe("HTML", function()
    it("reads a page in UTF-16 with a byte order mark as browsers do", function()
      -- staterev/ch01.htm: The State and Revolution, chapter 1, in UTF-8
      -- (its <title> "The State and Revolution &#8212; Chapter 1")
      local html = readfile(STATEREV)
      local want = assert(ll.parse(html))
      -- the same page in UTF-16LE with its BOM: each code point of the UTF-8
      local u = { "\255\254" }
      local function unit(c) u[#u + 1] = string.char(c % 256, math.floor(c / 256)) end
      for ch in html:gmatch("[%z\1-\127\194-\244][\128-\191]*") do
        local b = ch:byte(1)
        local cp
        if b < 0x80 then cp = b
        elseif b < 0xE0 then cp = (b - 0xC0) * 64 + ch:byte(2) - 0x80
        elseif b < 0xF0 then cp = ((b - 0xE0) * 64 + ch:byte(2) - 0x80) * 64 + ch:byte(3) - 0x80
        else cp = (((b - 0xF0) * 64 + ch:byte(2) - 0x80) * 64 + ch:byte(3) - 0x80) * 64 + ch:byte(4) - 0x80 end
        if cp >= 0x10000 then
          unit(0xD800 + math.floor((cp - 0x10000) / 1024))
          unit(0xDC00 + (cp - 0x10000) % 1024)
        else
          unit(cp)
        end
      end
      local doc, err = ll.parse(table.concat(u))
      assert.is_nil(err)
      assert.equal(want.title, doc.title)
      assert.equal(#want.paragraphs, #doc.paragraphs)
      assert.equal(want.paragraphs[5].text, doc.paragraphs[5].text)
    end)

    it("says a page nests past libxml2's depth limit", function()
      local doc, err = ll.parse("<html><body><p>Before.</p>" .. ("<div>"):rep(400) .. "deep</body></html>")
      assert.is_nil(doc)
      assert.equal("HTML nested deeper than libxml2 reads (256 elements)", err)
    end)
  end)

  describe("exports", function()
    local export = require "leninletter.export"
    local quiz = require "leninletter.quiz"

    it("keeps an Anki note whose text starts with # (not read as a comment)", function()
      -- each note's line opens with its id; no line of a note may open with "#"
      local a = export.anki({ { kind = "cloze", prompt = "#1 _____ of the Soviet.", answer = "deputies" },
        { kind = "cloze", prompt = "_____ of the Soviet.", answer = "#1" } })
      local notes = {}
      for l in a:gmatch("([^\n]*)\n") do
        if l:find("{{c1::", 1, true) then notes[#notes + 1] = l end
      end
      assert.equal(2, #notes)
      for _, l in ipairs(notes) do assert.is_nil(l:find("^#")) end
      assert.truthy(notes[1]:find("\t#1 {{c1::deputies}} of the Soviet.\t", 1, true))
    end)

    it("guards CSV formulas behind white space", function()
      local c = export.csv({ { " =1+1", "\n=1", "\t=1", "=1", "a =1" } })
      assert.equal("' =1+1,\"'\n=1\",'\t=1,'=1,a =1\r\n", c)
    end)

    it("writes clozes whose blank starts the sentence as Moodle reads them", function()
      -- Moodle's importer (qformat_gift::readquestion) takes the text around
      -- the first "{": "[plain]{=Comrades}, the ..." is "_____, the ..."
      -- the letter's first sentence, blanked at its first word, and the
      -- letter's clozes of ten seeds
      local first = { kind = "cloze", answer = "Comrades",
        prompt = "_____, the question of the significance and role of the Soviet of Workers’ Deputies "
          .. "is now immediately facing the St. Petersburg Social-Democrats." }
      local sets = { { first } }
      for seed = 1, 10 do
        local qs = quiz.cloze(ll.letter(), { seed = seed })
        qs[#qs + 1] = first
        sets[#sets + 1] = qs
      end
      local dir0 = "spec/browser"
      local mods = os.getenv("NODE_PATH") or (dir0 .. "/node_modules")
      local f = io.open(mods .. "/gift-pegjs/package.json")
      if not f or not sh("command -v node >/dev/null 2>&1") then
        return pending("environment limit: spec/browser/node_modules is missing (npm ci in spec/browser)")
      end
      f:close()
      for _, qs in ipairs(sets) do
        local path = dir .. "/q.gift"
        write(path, export.gift(qs))
        local p = io.popen("node " .. dir0 .. "/gift_check.js '" .. path .. "' 2>&1")
        local out = p:read("*a")
        p:close()
        assert.truthy(out:sub(1, 1) == "[", out)
        for i, q in ipairs(qs) do
          if q.prompt:sub(1, 5) == "_____" then
            assert.truthy(out:find('"title":"Q' .. i .. ' ', 1, true))
          end
        end
        local n = select(2, out:gsub('"title":', ""))
        assert.equal(#qs, n)
      end
    end)
  end)

  describe("costs that grew with the square of the input", function()
    it("makes a cloze of one long sentence with no full stop in linear time", function()
      local quiz = require "leninletter.quiz"
      local words = { "soviet", "revolution", "proletariat", "deputies", "workers",
        "January 9, 1905", "uprising", "party" }
      -- a new Document each run: the first cloze of a Document prepares
      -- it (its sentences, dates, names), and that is what a user pays
      local function cloze(n)
        local t = {}
        for i = 1, n do t[i] = words[i % #words + 1] end
        local doc = assert(ll.parse("Lenin\n\nTitle\n\n" .. table.concat(t, " and the ") .. ".\n"))
        return #quiz.cloze(doc, { count = 5, seed = 1 })
      end
      local n = math.max(200, math.floor(1000 * (tonumber(os.getenv("LL_SCALE")) or 1)))
      assert.equal(1, cloze(n)) -- one sentence: one question
      local ok, detail = linear(cloze, n)
      assert(ok, detail)
    end)

    it("writes the study page of one long sentence in linear time", function()
      local export = require "leninletter.export"
      local words = { "soviet", "revolution", "proletariat", "deputies", "workers",
        "January 9, 1905", "uprising", "party" }
      local function html(n) -- a new Document each run, as for the cloze
        local t = {}
        for i = 1, n do t[i] = words[i % #words + 1] end
        local doc = assert(ll.parse("Lenin\n\nTitle\n\n" .. table.concat(t, " and the ") .. ".\n"))
        return #export.html(doc)
      end
      local n = math.max(100, math.floor(300 * (tonumber(os.getenv("LL_SCALE")) or 1)))
      assert.truthy(html(n) > 0)
      local ok, detail = linear(html, n)
      assert(ok, detail)
    end)

    it("finds the dates of one long paragraph of dates in linear time", function()
      -- each date looked its sentence up from the paragraph's first
      local docs = {} -- parsed once: the least of three runs times doc:dates() alone
      local function dates(n)
        docs[n] = docs[n] or assert(ll.parse("Lenin\n\nTitle\n\n"
          .. ("The Soviet met on January 9, 1905, in the hall. "):rep(n) .. "\n"))
        local doc = docs[n]
        local found = doc:dates()
        return #found, found[#found].sentence, #doc.paragraphs[#doc.paragraphs].sentences
      end
      -- the slow runs (valgrind, full collections) scale it down (LL_SCALE)
      local n = math.max(500, math.floor(8000 * (tonumber(os.getenv("LL_SCALE")) or 1)))
      assert.same({ n, n, n }, { dates(n) })
      local ok, detail = linear(dates, n)
      assert(ok, detail)
      docs = nil
    end)
  end)
end)
