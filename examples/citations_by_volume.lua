-- Citations by volume: which volumes of Lenin's Collected Works the pages
-- come from (their Source field) and how many words each gives, and which
-- volumes the pages' notes send the reader to ("See present edition, Vol.
-- 5, pp. 451-67", "Vol. 9").
--
--   lua examples/citations_by_volume.lua [CORPUS]
local ll = require "leninletter"

local dir = ...
dir = dir or "../shared/corpus/mia-lenin"

local c = ll.corpus({ dir, ll.letter() })
local sizes = c:sizes()
local from, cited = {}, {}
for i = 1, #c do
  local doc = c[i]
  local v = doc.source and math.tointeger and math.tointeger(doc.source.volume)
    or doc.source and doc.source.volume
  if type(v) == "number" then
    local e = from[v] or { pages = 0, words = 0 }
    e.pages, e.words = e.pages + 1, e.words + sizes[i].words
    from[v] = e
  end
  -- the notes' references to volumes: "Vol. 5", "Vols. 5 and 6" (first)
  for _, note in ipairs(doc.notes) do
    for n in note.text:gmatch("Vols?%.%s*(%d+)") do
      n = tonumber(n)
      cited[n] = (cited[n] or 0) + 1
    end
  end
end
local function sorted(t)
  local ks = {}
  for k in pairs(t) do ks[#ks + 1] = k end
  table.sort(ks)
  return ks
end
print("Volume  pages   words   (where the pages come from)")
for _, v in ipairs(sorted(from)) do
  print(("%6d %6d %8d"):format(v, from[v].pages, from[v].words))
end
print("")
print("Volume  notes citing it")
for _, v in ipairs(sorted(cited)) do print(("%6d %6d"):format(v, cited[v])) end
