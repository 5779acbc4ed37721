-- Where words fall across the Lenin pages, year by year (one row a year,
-- dispersion_years.svg) and page by page as bars of their counts
-- (bars.svg): the same SVG conventions as the letter's plots.
--
--   lua examples/dispersion.lua [CORPUS [OUTDIR]]
local ll = require "leninletter"
local plot = require "leninletter.plot"

local dir, out = ...
dir, out = dir or "../shared/corpus/mia-lenin", out or "."

local c = ll.corpus({ dir })
local function write(name, svg)
  local f = assert(io.open(out .. "/" .. name, "wb"))
  f:write(svg)
  f:close()
  print("wrote " .. out .. "/" .. name)
end
write("dispersion_years.svg", plot.dispersion(c, { "soviet*", "party", "peasant*" },
  { rows = "years", title = "soviet*, party and peasant* by year of writing" }))
write("dispersion_terms.svg", plot.dispersion(c, { "soviet*", "party", "peasant*" }))
local counts = c:counts("peasant*")
local rows = {}
for i, n in ipairs(counts) do rows[#rows + 1] = { c:title(i) or c.paths[i], n, i = i } end
table.sort(rows, function(a, b)
  if a[2] ~= b[2] then return a[2] > b[2] end
  return a.i < b.i
end)
local top = {}
for k = 1, math.min(12, #rows) do top[k] = { rows[k][1], rows[k][2] } end
write("bars.svg", plot.bars(top, { title = "peasant*: the 12 pages that use it most" }))
for k = 1, #top do print(("%5d  %s"):format(top[k][2], top[k][1])) end
