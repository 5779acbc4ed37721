--- The files the module ships beside its Lua code: the stop list, the
-- study page's style sheet and script, and the data modules (the entity
-- catalogue, the errata, the theses, the entities' eras, the archive's word
-- counts). Each is found where it is installed (the rockspecs and
-- `make install` put it beside the modules), else in `data/` of the work
-- tree, found from the calling module's own path. Internal.
-- @module leninletter.files
-- @local

local M = {}

-- the folder of a chunk whose source is `@path`, or nil
local function folder(source)
  if source:sub(1, 1) ~= "@" then return nil end
  return source:sub(2):match("^(.*)[/\\]") or "."
end

-- running out of memory is not a missing file (make allocfail)
local function nomem(e)
  if tostring(e):find("not enough memory", 1, true) then error("not enough memory", 0) end
end

--- Opens a data file (the stop list, the study page's style sheet and
-- script): beside the calling module once installed, in `data/` of the work
-- tree, or anywhere on `package.path`.
-- @string source the calling module's `debug.getinfo(1, "S").source`
-- @tab near paths to try relative to the calling module's folder, in order
-- @tab names module names to look for on `package.path`, in order
-- @string ext the file's extension (`"txt"`, `"css"`, ...)
-- @treturn file|nil the file, open for reading in binary mode, or nil
-- @usage local f = files.open(debug.getinfo(1, "S").source,
--   { "stopwords.txt", "../../data/stopwords.txt" }, { "leninletter.stopwords" }, "txt")
function M.open(source, near, names, ext)
  local compat = require "leninletter.compat"
  local tried = {}
  local dir = folder(source)
  if dir then
    for _, rel in ipairs(near) do tried[#tried + 1] = dir .. "/" .. rel end
  end
  local path = package.path:gsub("%?%.lua", "?." .. ext):gsub("%?/init%.lua", "?." .. ext)
  for _, name in ipairs(names) do tried[#tried + 1] = compat.searchpath(name, path) end
  for _, p in ipairs(tried) do
    local f = io.open(p, "rb")
    if f then return f end
  end
  return nil
end

--- Loads a data module (a Lua file returning a table): the installed
-- module `name`, else the file `rel` relative to the calling module's
-- folder in the work tree (read with an empty environment). Running out of
-- memory while loading it raises `not enough memory`.
-- @string name the installed module's name
-- @string source the calling module's `debug.getinfo(1, "S").source`
-- @string rel the work tree's file, relative to the calling module's folder
-- @treturn table|nil the data, or nil where neither is found
-- @usage local data = files.module("leninletter.theses_data", debug.getinfo(1, "S").source,
--   "../../data/theses.lua")
function M.module(name, source, rel)
  local ok, data = pcall(require, name)
  if ok and type(data) == "table" then return data end
  if not ok then nomem(data) end
  local dir = folder(source)
  if dir then
    local f, err = loadfile(dir .. "/" .. rel, "t", {})
    if f then return f() end
    nomem(err)
  end
  return nil
end

--- A deep copy of plain data (tables of strings, numbers and tables).
-- @param v the value
-- @return a fresh copy (v itself when it is not a table)
-- @usage local mine = files.copy(require "leninletter.catalogue")
function M.copy(v)
  if type(v) ~= "table" then return v end
  local t = {}
  for k, x in pairs(v) do t[k] = M.copy(x) end
  return t
end

return M
