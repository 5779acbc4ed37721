-- The stemmer is a module of its own, leninletter.stem (issue #16):
-- leninletter.core links no libstemmer (its 10,000 relocations are about
-- 0.2 ms of every process's start-up) and requires leninletter.stem at the
-- first query that stems (opts.stem). Each spec runs a child Lua (LUA,
-- with the build under test: LL_CPATH), since this busted process has
-- stemmed long before.
--
-- The letter's body writes "Black Hundreds" six times and "black hundreds"
-- once, and no other word of the stem "hundr": a stem query of "hundred"
-- finds those seven, a plain one none (no word of the body is "hundred").
local H = require "spec.helpers"
local compat = require "leninletter.compat"
local ll = require "leninletter"

local CPATH = H.CPATH
local child = H.child  -- a child Lua, with mapped(name) (spec/helpers.lua)

describe("a stem query", function()
  it("finds the words of the query's English stem (in this process)", function()
    local doc = ll.letter()
    assert.equal(7, doc:count("hundred", { stem = true }))
    assert.equal(0, doc:count("hundred"))
    local seen = {}
    for _, l in ipairs(doc:concordance("hundred", { stem = true })) do seen[l.match] = (seen[l.match] or 0) + 1 end
    assert.same({ Hundreds = 6, hundreds = 1 }, seen)
  end)
end)

describe("leninletter.core without libstemmer", function()
  if not H.exists("/proc/self/maps") then
    it("maps no libstemmer until a query stems", function()
      pending("environment limit: no /proc/self/maps (not Linux): which libraries a process maps is not seen")
    end)
    return
  end

  it("maps no libstemmer for queries that do not stem, then loads leninletter.stem for one that does",
    function()
      local out = child([[
        local ll = require "leninletter"
        local doc = ll.letter()
        local plain = doc:count("Black Hundreds") .. " " .. #doc:concordance("soviet")
        print(mapped("libstemmer"), package.loaded["leninletter.stem"] ~= nil, plain)
        local stem = doc:count("hundred", { stem = true })
        print(mapped("libstemmer"), package.loaded["leninletter.stem"] ~= nil, stem)
      ]])
      local doc = ll.letter()
      assert.equal(("false\tfalse\t%d %d\ntrue\ttrue\t7\n"):format(doc:count("Black Hundreds"),
        #doc:concordance("soviet")), out)
    end)
end)

describe("a stem query when leninletter.stem cannot be loaded", function()
  -- a search path that finds leninletter.core and no leninletter.stem: a
  -- folder with the core (and the HTML reader) alone
  local function nostem()
    local dir = H.tmpdir()
    local here = assert(compat.run("pwd")):gsub("%s+$", "")
    assert(H.run("mkdir -p " .. dir .. "/leninletter"))
    for _, name in ipairs({ "core", "html" }) do
      local so = assert(compat.searchpath("leninletter." .. name, CPATH))
      if not so:find("^/") then so = here .. "/" .. so end
      assert(H.run(("ln -s %s %s/leninletter/%s.so"):format(so, dir, name)))
    end
    return dir, dir .. "/?.so"
  end

  it("raises a message naming the module; queries that do not stem still run", function()
    local dir, cpath = nostem()
    local out = child([[
      local ll = require "leninletter"
      local doc = ll.letter()
      print(pcall(doc.count, doc, "hundred", { stem = true }))
      print(pcall(doc.concordance, doc, { "hundred", "black", within = "sentence" }, { stem = true }))
      print(doc:count("Black Hundreds"))
    ]], cpath)
    H.run("rm -rf " .. dir)
    local msg = "a stem query, and its stemmer cannot be loaded: module 'leninletter.stem' not found"
    assert.equal(table.concat({ "false\t" .. msg, "false\t" .. msg, tostring(ll.letter():count("Black Hundreds")) },
      "\n") .. "\n", out)
  end)

  it("says so when the module found is not the stemmer", function()
    local out = child([[
      package.preload["leninletter.stem"] = function() return { abi = -1, stemmer = io.stdout } end
      local ll = require "leninletter"
      local doc = ll.letter()
      print(pcall(doc.count, doc, "hundred", { stem = true }))
      package.loaded["leninletter.stem"] = nil
      package.preload["leninletter.stem"] = function() return "a string" end
      print(pcall(doc.count, doc, "hundred", { stem = true }))
      package.loaded["leninletter.stem"] = nil
      package.preload["leninletter.stem"] = function() error("broken build") end
      local _, err = pcall(doc.count, doc, "hundred", { stem = true })
      print((err:gsub("^(.-: ).-: ", "%1")))
    ]])
    assert.equal(table.concat({
      "false\ta stem query, and module 'leninletter.stem' is not this version's stemmer",
      "false\ta stem query, and module 'leninletter.stem' is not the stemmer",
      "a stem query, and its stemmer cannot be loaded: broken build",
    }, "\n") .. "\n", out)
  end)
end)
