-- A catalogue for pages that have none: propose entries from the names
-- the Lenin pages write with capitals (variants grouped, counted), keep
-- the people and parties named on at least three pages, then load the
-- pages with that catalogue and list where each is mentioned, page by page.
--
--   lua examples/catalogue.lua [CORPUS]
local ll = require "leninletter"

local dir = ...
dir = dir or "../shared/corpus/mia-lenin"

local proposed = ll.propose(ll.corpus({ dir }), { min = 5 })
print(("%d names proposed; the first ten:"):format(#proposed))
for i = 1, math.min(10, #proposed) do
  local e = proposed[i]
  print(("  %5d on %3d pages  %-12s %s%s"):format(e.count, e.docs, e.type, e.name,
    #e.aliases > 0 and ("  (" .. table.concat(e.aliases, "; ") .. ")") or ""))
end
-- the curating: people and organizations on three pages or more
local cat = {}
for _, e in ipairs(proposed) do
  if e.docs >= 3 and (e.type == "person" or e.type == "organization") then cat[#cat + 1] = e end
end
local c = ll.corpus({ dir }, { entities = cat })
print("")
print(("%d kept; mentions across %d pages:"):format(#cat, #c))
for _, e in ipairs(c:entities()) do
  local pages = {}
  for _, m in ipairs(e.mentions) do pages[m.doc] = true end
  local n = 0
  for _ in pairs(pages) do n = n + 1 end
  print(("  %-40s %5d mentions on %3d pages"):format(e.name, #e.mentions, n))
end
