-- Two words together: the Lenin pages where "soviet" and "party" stand
-- within five words of each other, page by page, and those places on the
-- page that has the most, as a concordance (each line spans from the first
-- of the two words to the last).
--
--   lua examples/cooccurrence.lua [CORPUS]
local ll = require "leninletter"

local dir = ...
dir = dir or "../shared/corpus/mia-lenin"
local q = { "soviet*", "party", within = 5 }

local c = ll.corpus({ dir })
local counts = c:counts(q)
local order = {}
for i, n in ipairs(counts) do
  if n > 0 then order[#order + 1] = i end
end
table.sort(order, function(a, b)
  if counts[a] ~= counts[b] then return counts[a] > counts[b] end
  return a < b
end)
print(("soviet* and party within 5 words: %d places on %d pages; in one sentence: %d"):format(
  c:count(q), #order, c:count({ "soviet*", "party", within = "sentence" })))
for k = 1, math.min(8, #order) do
  local i = order[k]
  print(("%4d  %s"):format(counts[i], c:title(i) or c.paths[i]))
end
if order[1] then
  print("")
  for _, l in ipairs(c:concordance(q, { width = 25 })) do
    if l.doc == order[1] then print(("%25s [%s] %s"):format(l.left, l.match, l.right)) end
  end
end
