-- What the specs share: reading and writing files, temporary folders, the
-- archive sample beside the project, and running a command. Each spec
-- takes what it needs: `local H = require "spec.helpers"` (busted runs
-- from the project's folder, which is on package.path as "./?.lua").
local compat = require "leninletter.compat"

local H = {}

--- The archive sample (`../shared`: the corpus, the five samples, the
-- schemas); `LL_SHARED` names another place.
H.SHARED = os.getenv("LL_SHARED") or "../shared"
--- The sample's corpus of archive pages.
H.CORPUS = H.SHARED .. "/corpus"

--- The Lua the specs run child processes with (`make spec` sets `LUA`).
H.LUA = os.getenv("LUA") or "lua5.4"

--- The whole of a file, read in binary mode; raises when it cannot be read.
function H.readfile(path)
  local f = assert(io.open(path, "rb"))
  local s = f:read(compat.ALL)
  f:close()
  return s
end

--- The whole of a file, or nil when it cannot be read.
function H.tryread(path)
  local f = io.open(path, "rb")
  if not f then return nil end
  local s = f:read(compat.ALL)
  f:close()
  return s
end

--- Writes text to path (binary, replacing it); returns path.
function H.write(path, text)
  local f = assert(io.open(path, "wb"))
  f:write(text)
  f:close()
  return path
end

--- Whether a file can be opened for reading.
function H.exists(path)
  local f = io.open(path, "rb")
  if f then f:close() return true end
  return false
end

--- Whether the archive sample's corpus stands beside the project (its
-- MANIFEST.tsv is there).
function H.have_corpus()
  return H.exists(H.CORPUS .. "/MANIFEST.tsv")
end

--- The message of a spec that cannot run because a file of the archive
-- sample (`../shared`) is not beside the project: an environment limit
-- (spec/pending_check.lua). A describe block that needs the file says
-- `if not H.exists(path) then it("...", function() pending(H.absent(path)) end) return end`
-- (busted allows no pending in before_each or at file level, and its
-- `it` and `pending` are the spec file's own).
-- @string path the file
-- @treturn string the message
function H.absent(path)
  return "environment limit: no " .. path .. " (the shared/ folder beside the project)"
end

--- A fresh empty folder under the system's temporary folder.
function H.tmpdir()
  local d = os.tmpname()
  os.remove(d)
  assert(os.execute("mkdir -p '" .. d .. "'"))
  return d
end

--- A function name -> path of that name in one temporary folder, made
-- the first time it is called (one folder per spec file that asks).
function H.scratch()
  local dir
  return function(name)
    dir = dir or H.tmpdir()
    return dir .. "/" .. name
  end
end

--- The code point that ends just before byte position p of UTF-8 text s,
-- and where it starts; nil at the start.
function H.cp_before(s, p)
  local i = p - 1
  if i < 1 then return nil end
  while i > 1 and s:byte(i) >= 0x80 and s:byte(i) < 0xC0 do i = i - 1 end
  return compat.utf8.codepoint(s, i), i
end

--- The code point that starts at byte position p of UTF-8 text s, and
-- where the next one starts; nil past the end.
function H.cp_at(s, p)
  if p > #s then return nil end
  local cp = compat.utf8.codepoint(s, p)
  return cp, p + #compat.utf8.char(cp)
end

--- How many times the pattern pat matches in s.
function H.count(s, pat)
  local n = 0
  for _ in s:gmatch(pat) do n = n + 1 end
  return n
end

--- Whether the Lenin pages of the sample's corpus (`mia-lenin`) are there.
H.LENIN = H.CORPUS .. "/mia-lenin"
function H.have_lenin()
  return H.exists(H.LENIN .. "/archive/lenin/works/1918/mar/01.htm")
end

--- Runs a shell command with its standard error joined to its output:
-- true when it exits with status 0, the output, the status.
function H.run(cmd)
  local out, code = compat.run(cmd .. " 2>&1")
  return code == 0, out, code
end

--- The build under test's C modules, as `make spec` gives them (`LL_CPATH`).
H.CPATH = os.getenv("LL_CPATH") or "build/lua5.4/?.so"

--- s quoted for the shell, as one word.
-- @string s
-- @treturn string
function H.quote(s)
  return "'" .. s:gsub("'", "'\\''") .. "'"
end

--- The shell's prefix that runs a child Lua on the work tree's Lua layer
-- and the build under test (`H.CPATH`), ending in a space.
H.ENV = "LUA_PATH='lua/?.lua;lua/?/init.lua;data/?.lua;;' LUA_CPATH=" .. H.quote(H.CPATH .. ";;") .. " "

-- the function a child Lua gets, mapped(name): whether the process has
-- mapped a shared library of that name (Linux's /proc/self/maps), or nil
-- where there is no such file
local MAPPED = [[
local function mapped(name)
  local f = io.open("/proc/self/maps", "r")
  if not f then return nil end
  local s = f:read("*a")
  f:close()
  return s:find(name, 1, true) ~= nil
end
]]

--- Runs a chunk in a child Lua (`H.LUA`) with the work tree's Lua layer
-- and the build under test (`H.CPATH`, or cpath in its place), after
-- defining `mapped(name)` in it; its output, or fails with it. For what a
-- fresh process loads: this busted process has loaded everything long since.
-- @string chunk the Lua code
-- @string[opt] cpath another package.cpath
-- @treturn string what it printed
function H.child(chunk, cpath)
  local file = os.tmpname()
  H.write(file, MAPPED .. chunk)
  local ok, out = H.run(("LUA_PATH='lua/?.lua;lua/?/init.lua;data/?.lua;;' LUA_CPATH=%s %s %s"):format(
    H.quote((cpath or H.CPATH) .. ";;"), H.LUA, file))
  os.remove(file)
  assert(ok, out)
  return out
end

--- Whether a program is on PATH.
function H.have(prog)
  return compat.execute("command -v " .. prog .. " >/dev/null 2>&1") == true
end

return H
