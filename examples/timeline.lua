-- A timeline of the letter: every date it writes (header and notes), in
-- order of the new-style (Gregorian) calendar, both calendars where the
-- text gives both, with the sentence each stands in and the people,
-- parties and places named in that sentence.
--
--   lua examples/timeline.lua
local ll = require "leninletter"

local doc = ll.letter()
local dates = doc:dates()
-- the key: the new style where there is one (a single date before 1918
-- precise only to a month or year has the old style alone)
local function key(d)
  local r = d.new_style or d.old_style
  return r.first
end
table.sort(dates, function(x, y)
  if key(x) ~= key(y) then return key(x) < key(y) end
  return x.text < y.text
end)
for _, d in ipairs(dates) do
  local os_, ns = d.old_style, d.new_style
  local when = ns and os_ and ("%s (O.S. %s)"):format(ns.first, os_.first)
    or ns and ns.first or (os_.first .. " (O.S.)")
  local names = {}
  for _, e in ipairs(d.entities) do names[#names + 1] = e.name end
  local where = d.part == "meta" and d.field or ("note " .. tostring(d.note))
  print(("%-28s %-48s [%s]"):format(when, d.text, where))
  if #names > 0 then print(("%28s with: %s"):format("", table.concat(names, "; "))) end
end
