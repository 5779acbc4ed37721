--- studypage.lua: the study page's style sheet and script, read from their
-- one source, data/studypage/page.css and page.js (installed beside the
-- Lua modules as leninletter/studypage/page.css and page.js by the rockspec
-- and `make install`), once, on first use.
-- @module leninletter.export.studypage
-- @local

local compat = require "leninletter.compat"
local files = require "leninletter.files"

local SOURCE = debug.getinfo(1, "S").source
local FILES = { css = "page.css", js = "page.js" }

local cache = {}

-- the file's text: beside the installed modules (leninletter/studypage/),
-- in data/studypage/ of the work tree, or on package.path
local function readfile(key)
  local name = FILES[key]
  local f = files.open(SOURCE, { "../studypage/" .. name, "../../../data/studypage/" .. name },
    { "leninletter.studypage.page" }, (name:match("%.(%a+)$")))
  if not f then error("leninletter: cannot find the study page's " .. name, 3) end
  local text = f:read(compat.ALL)
  f:close()
  return text
end

-- `css` and `js` are read when first asked for, then kept
return setmetatable({}, {
  __index = function(_, key)
    if FILES[key] == nil then return nil end
    if cache[key] == nil then cache[key] = readfile(key) end
    return cache[key]
  end,
})
