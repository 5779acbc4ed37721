-- A glossary of the letter: every person, party, periodical, place, event
-- and work it names, alphabetically, with what the letter's own notes say
-- of it and where it is first named, as Markdown.
--
--   lua examples/glossary.lua > glossary.md
local ll = require "leninletter"

local doc = ll.letter()
local entries = doc:entities()
table.sort(entries, function(x, y) return x.name:lower() < y.name:lower() end)

print("# Glossary: " .. doc.title)
print("")
for _, e in ipairs(entries) do
  local first = e.mentions[1]
  local where = first.part == "body" and ("paragraph " .. first.paragraph)
    or first.part == "note" and ("note " .. first.note)
    or first.part == "meta" and ("the " .. first.field .. " field") or first.part
  local also = #e.aliases > 0 and (" (also: " .. table.concat(e.aliases, ", ") .. ")") or ""
  local desc = e.description and (e.description:sub(1, 1):upper() .. e.description:sub(2) .. ". ")
    or ""
  local times = #e.mentions == 1 and "once" or (#e.mentions .. " times")
  print(("**%s**%s, %s. %sNamed %s; first in %s."):format(e.name, also, e.type, desc, times, where))
  print("")
end
