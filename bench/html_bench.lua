-- bench/html_bench.lua: the module's side of the HTML corpus benchmark
-- (issue #6; run by bench/html_run.sh). Usage:
--   lua5.4 bench/html_bench.lua load CORPUS   load and index every page, then exit
--   lua5.4 bench/html_bench.lua pages CORPUS  load every page (no index), then exit
--   lua5.4 bench/html_bench.lua times CORPUS WORD
-- "times" prints, one per line: "load SECONDS PAGES", "index SECONDS",
-- "concordance SECONDS LINES" (best of three), "core SECONDS" (the C
-- reader, parser and index alone, no Corpus, one page at a time), all CPU
-- time (os.clock): ll.corpus reads pages on two threads where there are
-- two cores, and its CPU time is that of both.
local ll = require "leninletter"
local core = require "leninletter.core"

local what, dir, word = arg[1], arg[2], arg[3] or "soviet"

if what == "load" then
  local c = ll.corpus({ dir })
  c:count(word)  -- builds every index
  return
end
if what == "pages" then
  ll.corpus({ dir })
  return
end

local t0 = os.clock()
local c = ll.corpus({ dir })
local t1 = os.clock()
c:count(word)
local t2 = os.clock()
print(("load %.4f %d"):format(t1 - t0, #c))
print(("index %.4f"):format(t2 - t1))
local best, n = math.huge, 0
for _ = 1, 3 do
  local s = os.clock()
  local lines = c:concordance(word, { scope = "all" })
  local e = os.clock() - s
  n = #lines
  if e < best then best = e end
end
print(("concordance %.4f %d"):format(best, n))
-- the C core alone: read, HTML reader, page parser, index
local files = {}
for line in io.popen("find '" .. dir .. "' -type f \\( -name '*.htm' -o -name '*.html' -o -name '*.txt' \\) | sort"):lines() do
  files[#files + 1] = line
end
local texts = {}
for i, f in ipairs(files) do
  local h = assert(io.open(f, "rb"))
  texts[i] = h:read("*a")
  h:close()
end
c = nil
collectgarbage()
local s = os.clock()
local uds = {}
for i, t in ipairs(texts) do
  uds[i] = core.parse(t)
  if uds[i] then uds[i]:ix_stats() end
end
print(("core %.4f %d"):format(os.clock() - s, #uds))
