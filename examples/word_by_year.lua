-- Word use by year across the Lenin pages: how often each word is used
-- per 10,000 words of the pages written that year, as a table and as a
-- line chart (word_by_year.svg). Years come from each page's date of
-- writing (its header, else its Source, else its place in the archive);
-- a year whose pages straddle the change of calendar shows both years.
--
--   lua examples/word_by_year.lua [CORPUS [OUTDIR]]
local ll = require "leninletter"
local plot = require "leninletter.plot"

local dir, out = ...
dir, out = dir or "../shared/corpus/mia-lenin", out or "."
local words = { "soviet*", "party", "Black Hundreds", "dictatorship" }

local c = ll.corpus({ dir })
local sizes = c:sizes()
local bysize = c:bydate(sizes)              -- words written each year
local series = {}
print(("%-14s %8s %8s  %s"):format("year", "pages", "words", table.concat(words, " | ")))
local rows = {}
for k, w in ipairs(words) do
  local groups = c:bydate(c:counts(w, { variants = true }))
  local points = {}
  for i, g in ipairs(groups) do
    local total = bysize[i].value.words     -- the same pages, so the same groups
    local rate = total > 0 and g.value / total * 10000 or 0
    points[#points + 1] = { tonumber(g.key), rate, label = g.label }
    rows[i] = rows[i] or { g.label, #g.pages, total }
    rows[i][3 + k] = ("%.1f"):format(rate)
  end
  series[k] = { name = w, points = points }
end
for _, r in ipairs(rows) do
  print(("%-14s %8d %8d  %s"):format(r[1], r[2], r[3], table.concat(r, " | ", 4)))
end
local svg = plot.lines(series, { title = "Words per 10,000, by year of writing", xlabel = "year",
  ylabel = "per 10,000 words" })
local f = assert(io.open(out .. "/word_by_year.svg", "wb"))
f:write(svg)
f:close()
print("wrote " .. out .. "/word_by_year.svg")
