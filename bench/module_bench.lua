--- bench/module_bench.lua: the module's side of the benchmark.
--
--   lua5.4 bench/module_bench.lua CORPUS WORD
--
-- Prints, best of three runs each: "parse SECONDS" (ll.parse: the C parse
-- and the Lua Document), "index SECONDS TOKENS" (the first query, which
-- builds the index), "core SECONDS" (the C parse and index alone, no Lua
-- tables), "lpeg SECONDS TOKENS" (a plain LPeg tokenizer building a Lua
-- table of the words) and "concordance SECONDS HITS" (doc:concordance(WORD,
-- {scope = "all"}) on a built index, as NLTK sees the whole text).
local ll = require "leninletter"
local core = require "leninletter.core"
local lpeg = require "lpeg"

local path, word = arg[1], arg[2]
local f = assert(io.open(path, "rb"))
local text = f:read("a")
f:close()

local clock = os.clock
local function best(fn)
  local b, r1, r2
  for _ = 1, 3 do
    collectgarbage()
    collectgarbage()
    local t0 = clock()
    r1, r2 = fn()
    local t = clock() - t0
    if not b or t < b then b = t end
  end
  return b, r1, r2
end

local doc
-- ll.parse: the C parse and the Lua Document
local tparse = best(function()
  doc = assert(ll.parse(text))
end)
-- the first query builds the index: time it on a fresh document each run
local tindex = math.huge
for _ = 1, 3 do
  doc = nil
  collectgarbage()
  doc = assert(ll.parse(text))
  local t0 = clock()
  doc:count(word)
  local t = clock() - t0
  if t < tindex then tindex = t end
end
-- the C core alone: parse and index, no Lua tables
local tcore, ctok = best(function()
  local ud = core.parse(text)
  return (ud:ix_stats())
end)
print(("parse %.4f"):format(tparse))
print(("index %.4f %d"):format(tindex, ctok))
print(("core %.4f"):format(tcore))

local alnum = lpeg.R("az", "AZ", "09") + lpeg.R("\128\255")
local wordp = alnum ^ 1 * (lpeg.S("-'") * alnum ^ 1) ^ 0
local splitter = lpeg.Ct((lpeg.C(wordp) + (1 - alnum)) ^ 0)
local tlpeg, words = best(function()
  local t = splitter:match(text)
  return t
end)
print(("lpeg %.4f %d"):format(tlpeg, #words))
words = nil

local tconc, lines = best(function() return doc:concordance(word, { scope = "all" }) end)
print(("concordance %.4f %d"):format(tconc, #lines))
