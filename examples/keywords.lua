-- Keywords of a year: the words most typical of the Lenin pages written in
-- one year against all the others, by log-likelihood (how sure) and by
-- %DIFF (how much more), as AntConc's keyword list, stop words left out.
--
--   lua examples/keywords.lua [YEAR [CORPUS]]
local ll = require "leninletter"

local year, dir = ...
year, dir = year or "1917", dir or "../shared/corpus/mia-lenin"

local c = ll.corpus({ dir })
local pages = {}
for _, d in ipairs(c:dates()) do
  -- a page of that year in either calendar
  local ns, os_ = d.new_style, d.old_style
  if (ns and ns.first:sub(1, 4) == year) or (os_ and os_.first:sub(1, 4) == year) then
    pages[#pages + 1] = d.doc
  end
end
print(("%d of %d pages written in %s"):format(#pages, #c, year))
local byllr = c:keywords(pages, { stoplist = true, min = 5 })
-- %DIFF is boundless for a word the other pages never use: those are
-- listed by log-likelihood already
local bypdiff = {}
for _, k in ipairs(c:keywords(pages, { stoplist = true, min = 5, measure = "pdiff" })) do
  if k.other > 0 then bypdiff[#bypdiff + 1] = k end
end
print(("%-18s %6s %6s %9s    %-18s %6s %6s %9s"):format("word", year, "other", "LL",
  "word", year, "other", "%DIFF"))
for i = 1, math.min(15, #byllr, #bypdiff) do
  local a, b = byllr[i], bypdiff[i]
  print(("%-18s %6d %6d %9.1f    %-18s %6d %6d %9.0f"):format(a.word, a.count, a.other, a.score,
    b.word, b.count, b.other, b.score))
end
