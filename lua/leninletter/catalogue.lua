--- The letter's entity catalogue, as plain data: `require
-- "leninletter.catalogue"` gives an array of 56 entries
-- `{id, name, type, aliases, note, description}`, in order of first mention
-- in the letter (see `data/entities.lua`, its source, for the rules).
--
-- The module's value is a copy that a caller may change; `ll.catalogue()`
-- returns a fresh copy of the original on every call, and `ll.letter()`
-- always uses the original.
--
-- The data are `data/entities.lua`, installed as the module
-- `leninletter.entities_data` (rockspec and `make install`); from the work
-- tree it is read from `../../data/entities.lua` beside this file.
-- @module leninletter.catalogue
-- @usage local cat = require "leninletter.catalogue"
-- print(#cat, cat[1].id)   --> 56  lenin

local files = require "leninletter.files"

-- data/entities.lua: the installed module, else the work tree's file
local data = files.module("leninletter.entities_data", debug.getinfo(1, "S").source, "../../data/entities.lua")
if not data then
  error("leninletter: the built-in entity catalogue (leninletter.entities_data) is not installed", 0)
end

return files.copy(data)
