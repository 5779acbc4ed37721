-- gcstress.lua: runs busted, and so every spec, with the garbage collector
-- under stress: "generational" puts the collector in generational mode;
-- "full" runs a full collection before a call of a function of the module
-- (the C binding's functions and methods, and the public Lua ones): before
-- each of its first GCSTRESS_FIRST calls (100) and every GCSTRESS_EVERY-th
-- (16) after.
-- Usage: lua5.4 csrc/test/gcstress.lua MODE /usr/bin/busted --ignore-lua spec

local mode = table.remove(arg, 1)
local script = table.remove(arg, 1)
assert(mode == "generational" or mode == "full", "mode: generational or full")
assert(script, "the busted script")

if mode == "generational" then
  collectgarbage("generational")
else
  -- the functions to collect before: found once the module is loaded
  local watched
  local function collect_watched()
    local core = package.loaded["leninletter.core"]
    if not core then return nil end
    local set = {}
    local function add(t)
      if type(t) ~= "table" then return end
      for _, v in pairs(t) do
        if type(v) == "function" then set[v] = true end
      end
    end
    add(core)
    for _, name in ipairs({ "leninletter", "leninletter.quiz", "leninletter.export",
                            "leninletter.plot", "leninletter.query" }) do
      add(package.loaded[name])
    end
    local document = package.loaded["leninletter.document"]
    if document then add(document.Document) end
    local mt = debug.getregistry()["leninletter.Document"]
    if mt then add(mt.__index) end
    return set
  end
  -- Each function's first FIRST calls have a collection before them, and
  -- after those every EVERY-th: a loop of thousands of the same calls
  -- (every word of a page, every question of a quiz) is sampled, while
  -- every function, in every spec's use of it, still meets the collector.
  local FIRST = tonumber(os.getenv("GCSTRESS_FIRST")) or 100
  local EVERY = tonumber(os.getenv("GCSTRESS_EVERY")) or 16
  local calls = {}
  local getinfo, collect = debug.getinfo, collectgarbage
  local busy = false
  debug.sethook(function()
    if busy then return end
    if not watched then
      watched = collect_watched()
      if not watched then return end
    end
    local f = getinfo(2, "f").func
    if watched[f] then
      local n = (calls[f] or 0) + 1
      calls[f] = n
      if n <= FIRST or n % EVERY == 0 then
        busy = true
        collect()
        busy = false
      end
    end
  end, "c")
  -- modules loaded later (quiz, export) join the watched set
  local require_ = require
  require = function(name) -- luacheck: ignore
    local m = require_(name)
    if type(name) == "string" and name:find("^leninletter") then watched = nil end
    return m
  end
end

arg[0] = script
local chunk = assert(loadfile(script))
chunk(table.unpack(arg))
