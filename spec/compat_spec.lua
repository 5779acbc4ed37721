-- Every Lua gives the same bytes: the letter's quizzes, exports, plots and
-- concordances made by each installed interpreter (Lua 5.1, 5.2, 5.3, 5.4,
-- LuaJIT 2.1) with its own build of the module (`make LUA_VERSION=...`,
-- built here when missing) are byte for byte those of Lua 5.4.
local compat = require "leninletter.compat"

local VERSIONS = {
  { v = "5.4", lua = "lua5.4", cpath = "build/lua5.4/?.so" },
  { v = "5.3", lua = "lua5.3", cpath = "build/lua5.3/?.so" },
  { v = "5.2", lua = "lua5.2", cpath = "build/lua5.2/?.so" },
  { v = "5.1", lua = "lua5.1", cpath = "build/lua5.1/?.so" },
  { v = "jit", lua = "luajit", cpath = "build/luajit/?.so" },
}

local COMMANDS = {
  "quiz --kind cloze --count 10 --seed 7 --format json",
  "quiz --kind choice --count 10 --seed 2024 --format json",
  "quiz --kind notes --count 5 --seed 3 --format gift",
  "quiz --kind dates --count 4 --seed 11 --format anki",
  "export json",
  "export tei",
  "export markdown",
  "export pandoc",
  "export html",
  "export text",
  "kwic Soviet --width 30 --csv",
  "kwic 'revolution*' --scope all --width 25 --sort left",
  "freq --stoplist --top 25",
  "ngrams 3",
  "entities",
  "notes",
  "info",
  "plot Soviet \"Black Hundreds\" 'revolution*'",
  "plot --freq Soviet Party",
}

local function available(t)
  return compat.execute("command -v " .. t.lua .. " >/dev/null 2>&1") == true
    and compat.execute("pkg-config --exists " .. (t.v == "jit" and "luajit" or "lua" .. t.v)) == true
end

local function output(t, cmd)
  local env = ("COLUMNS=100 LUA_PATH='lua/?.lua;lua/?/init.lua;data/?.lua;;' LUA_CPATH='%s;;' "):format(t.cpath)
  -- standard output only: how it interleaves with standard error depends
  -- on each interpreter's buffering
  local out, code = compat.run(env .. t.lua .. " bin/leninletter " .. cmd .. " 2>/dev/null")
  return out, code
end

describe("leninletter on every Lua", function()
  local want = {}
  for _, cmd in ipairs(COMMANDS) do want[cmd] = output(VERSIONS[1], cmd) end

  for k = 2, #VERSIONS do
    local t = VERSIONS[k]
    it("gives under " .. t.lua .. " the bytes Lua 5.4 gives", function()
      if not available(t) then
        pending(t.lua .. " or its headers are not installed")
        return
      end
      local out, code = compat.run("make -s all LUA_VERSION=" .. t.v .. " 2>&1")
      assert.equal(0, code, out)
      local differ = {}
      for _, cmd in ipairs(COMMANDS) do
        local got, status = output(t, cmd)
        if status ~= 0 or got ~= want[cmd] then
          differ[#differ + 1] = cmd .. (status ~= 0 and (": " .. got:sub(1, 300)) or "")
        end
      end
      assert.same({}, differ)
    end)
  end
end)
