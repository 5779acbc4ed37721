-- The HTML reader is a module of its own, leninletter.html (issue #16):
-- leninletter.core links no libxml2 (nor the ICU and C++ libraries that
-- libxml2 brings, about a millisecond of every start-up), and requires
-- leninletter.html the first time a page is sniffed as HTML. Each spec runs
-- a child Lua (LUA, with the build under test: LL_CPATH), since this busted
-- process has read HTML long before.
--
-- The page: ../shared/corpus/mia-lenin/archive/lenin/works/1917/staterev/
-- ch01.htm, chapter 1 of The State and Revolution as the archive serves it:
-- an <img alt="Class Society and the State"> as its title, the author in
-- <meta name="author">, four <h4> sections, the first paragraph under
-- "1. The State: A Product of the Irreconcilability of Class Antagonisms",
-- and an <h3>Endnotes</h3> with seven notes.
local H = require "spec.helpers"
local compat = require "leninletter.compat"

local CPATH = H.CPATH
local child = H.child  -- a child Lua, with mapped(name) (spec/helpers.lua)
local PAGE = H.LENIN .. "/archive/lenin/works/1917/staterev/ch01.htm"

local has_maps = H.exists("/proc/self/maps")

describe("leninletter.core without libxml2", function()
  if not has_maps then
    it("maps no libxml2 until a page is read as HTML", function()
      pending("environment limit: no /proc/self/maps (not Linux): which libraries a process maps is not seen")
    end)
    return
  end
  if not H.exists(PAGE) then
    it("maps no libxml2 until a page is read as HTML", function() pending(H.absent(PAGE)) end)
    return
  end

  it("maps no libxml2 for the letter, then loads leninletter.html for an HTML page", function()
    local out = child(([[
      local ll = require "leninletter"
      local hits = ll.letter():concordance("soviet")
      local before = { mapped("libxml2"), mapped("libicu"), package.loaded["leninletter.html"] ~= nil }
      local doc = assert(ll.open(%q))
      print(#hits, before[1], before[2], before[3])
      print(mapped("libxml2"), package.loaded["leninletter.html"] ~= nil)
      print(doc.author, doc.title, #doc.paragraphs, #doc.notes)
      print(doc.paragraphs[1].text:sub(1, 57))
    ]]):format(PAGE))
    assert.equal(table.concat({
      "22\tfalse\tfalse\tfalse", -- the letter's 22 "soviet"s, no libxml2 nor ICU mapped
      "true\ttrue",
      "Vladimir Lenin\tClass Society and the State\t64\t7",
      "1. The State: A Product of the Irreconcilability of Class",
    }, "\n") .. "\n", out)
  end)

  it("reads HTML pages of a folder on two threads after loading the reader once", function()
    -- ll.corpus over the folder of The State and Revolution: its first
    -- pages are read while the reader is not yet there, then again
    local dir = H.LENIN .. "/archive/lenin/works/1917/staterev"
    local out = child(([[
      local ll = require "leninletter"
      local c = assert(ll.corpus({ %q }))
      local warnings = c.warnings or {}
      print(mapped("libxml2"), #c, #warnings)
      for i = 1, #c do
        if c[i].title == "Class Society and the State" then
          print(#c[i].paragraphs, #c[i].notes, c[i]:count("state"))
        end
      end
    ]]):format(dir))
    local n, warnings = out:match("^true\t(%d+)\t(%d+)\n")
    assert.is_truthy(n, out)
    assert.is_true(tonumber(n) >= 2, out)
    assert.equal("0", warnings)
    -- the chapter as ll.open reads it alone (the first spec): 64
    -- paragraphs, 7 notes; "state" 110 times in its body
    assert.is_truthy(out:find("\n64\t7\t110\n", 1, true), out)
  end)

  it("opens an index file of HTML pages and queries it without libxml2", function()
    local file = os.tmpname()
    local ll = require "leninletter"
    assert(ll.index({ PAGE }, file))
    local out = child(([[
      local ll = require "leninletter"
      local c = assert(ll.corpus(%q))
      local hits = c:concordance("Black Hundreds")
      local n = c:count("state")
      print(mapped("libxml2"), #c, n, #hits)
    ]]):format(file))
    os.remove(file)
    assert.equal("false\t1\t" .. assert(ll.open(PAGE)):count("state") .. "\t0\n", out)
  end)
end)

describe("an HTML page when leninletter.html cannot be loaded", function()
  if not H.exists(PAGE) then
    it("gives nil and a message naming the module", function() pending(H.absent(PAGE)) end)
    return
  end
  -- a search path that finds leninletter.core and no leninletter.html: a
  -- folder with the core alone
  local function coreonly()
    local dir = H.tmpdir()
    local core = assert(compat.searchpath("leninletter.core", CPATH))
    if not core:find("^/") then core = assert(compat.run("pwd")):gsub("%s+$", "") .. "/" .. core end
    assert(H.run(("mkdir -p %s/leninletter && ln -s %s %s/leninletter/core.so"):format(dir, core, dir)))
    return dir, dir .. "/?.so"
  end

  it("gives nil and a message naming the module, for parse, open and corpus; text still reads", function()
    local dir, cpath = coreonly()
    local out = child(([[
      local ll = require "leninletter"
      local f = assert(io.open(%q, "rb"))
      local html = f:read("*a")
      f:close()
      print(ll.parse(html))
      print(ll.open(%q))
      local c = ll.corpus({ %q, ll.letter() })
      print(c and #c, c and c.warnings and c.warnings[1])
      print(ll.letter():count("Soviet"), ll.parse("Author\n\nTitle\n\nWritten: 1917\n\nBody text.\n").author)
    ]]):format(PAGE, PAGE, PAGE), cpath)
    H.run("rm -rf " .. dir)
    local msg = "an HTML page, and its reader cannot be loaded: module 'leninletter.html' not found"
    assert.equal(table.concat({
      "nil\t" .. msg,
      "nil\t" .. PAGE .. ": " .. msg,
      "1\t" .. PAGE .. ": " .. msg,
      "22\tAuthor",
    }, "\n") .. "\n", out)
  end)

  it("says so when the module found is not the HTML reader", function()
    local out = child(([[
      package.preload["leninletter.html"] = function() return { abi = -1, reader = io.stdout } end
      local ll = require "leninletter"
      local f = assert(io.open(%q, "rb"))
      local html = f:read("*a")
      f:close()
      print(ll.parse(html))
      package.loaded["leninletter.html"] = nil
      package.preload["leninletter.html"] = function() error("broken build") end
      local _, err = ll.parse(html)
      print(err:gsub("^(.-: ).-: ", "%%1"))
    ]]):format(PAGE))
    assert.equal(table.concat({
      "nil\tan HTML page, and module 'leninletter.html' is not this version's HTML reader",
      "an HTML page, and its reader cannot be loaded: broken build\t1",
    }, "\n") .. "\n", out)
  end)
end)
