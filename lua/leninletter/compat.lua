--- What Lua 5.1, 5.2 and LuaJIT 2.1 lack of Lua 5.4, for the Lua layer.
--
-- The one place where Lua versions differ on the Lua side (the C side's is
-- `csrc/binding/llcompat.h`). Nothing global is changed: a module takes what it needs
-- as locals that shadow the standard tables, e.g.
--
--     local compat = require "leninletter.compat"
--     local math, utf8 = compat.math, compat.utf8
--
-- Under Lua 5.3 and 5.4 every name here is the standard library's own.
-- Under 5.1, 5.2 and LuaJIT numbers are floats: `math.type` calls a number
-- with an integral value below 2^53 an "integer", which is what 5.4 would
-- have made of the same source text.
-- @module leninletter.compat
-- @license MIT

local M = {}

local floor = math.floor
local native_type = math.type

--- `math` with `type` and `tointeger` on every version.
-- The standard `math` table's own functions, looked up through `__index`.
-- @table math
-- @usage local math = require("leninletter.compat").math
-- print(math.type(3), math.type(2.5), math.type("3"))   --> integer	float	nil
M.math = native_type and math or setmetatable({
  type = function(x)
    if type(x) ~= "number" then return nil end
    if x == floor(x) and x > -2 ^ 53 and x < 2 ^ 53 then return "integer" end
    return "float"
  end,
  tointeger = function(x)
    if type(x) == "number" and x == floor(x) and x > -2 ^ 53 and x < 2 ^ 53 then return x end
    return nil
  end,
}, { __index = math })

--- Integer division, `a // b` (floor division), on every version.
-- @tparam number a
-- @tparam number b
-- @treturn number
-- @usage print(require("leninletter.compat").idiv(17, 5))   --> 3
function M.idiv(a, b)
  return M.math.tointeger(floor(a / b)) or floor(a / b)
end

-- the exclusive or of two integers in [0, 2^32)
local bxor32
if native_type then
  bxor32 = load("return function(a, b) return a ~ b end")()
elseif rawget(_G, "bit32") then
  bxor32 = rawget(_G, "bit32").bxor
elseif rawget(_G, "jit") then
  local bit = require "bit"
  bxor32 = function(a, b) return bit.bxor(a, b) % 2 ^ 32 end
else
  bxor32 = function(a, b)
    local r, p = 0, 1
    while a > 0 or b > 0 do
      local x, y = a % 2, b % 2
      if x ~= y then r = r + p end
      a, b, p = (a - x) / 2, (b - y) / 2, p * 2
    end
    return r
  end
end

--- Exclusive or, `a ~ b`, of an integer `a` and an integer `b` in [0, 2^32).
-- Under 5.3 and 5.4 any two integers; elsewhere `a` is exact below 2^53.
-- @tparam integer a
-- @tparam integer b
-- @treturn integer
-- @usage print(require("leninletter.compat").bxor(12, 10))   --> 6
function M.bxor(a, b)
  if native_type then return bxor32(a, b) end
  local hi = floor(a / 2 ^ 32)
  return hi * 2 ^ 32 + bxor32(a - hi * 2 ^ 32, b)
end

--- A stable identifier of a string (the quizzes' ids, Anki's GUIDs): two
-- 32-bit polynomial hashes, computed in doubles below 2^53 so that every
-- Lua gives the same, as 16 hex digits.
-- @string s the string
-- @treturn string 16 lower-case hex digits
-- @usage print(require("leninletter.compat").hash("Soviet"))
function M.hash(s)
  local h1, h2 = 5381, 52711
  for i = 1, #s do
    local c = s:byte(i)
    h1 = (h1 * 33 + c) % 4294967291
    h2 = (h2 * 31 + c) % 4294967279
  end
  return ("%08x%08x"):format(floor(h1), floor(h2))
end

--- `table.unpack` (`unpack` in 5.1 and LuaJIT).
-- @function unpack
-- @usage print(require("leninletter.compat").unpack({1, 2, 3}))   --> 1	2	3
M.unpack = rawget(table, "unpack") or rawget(_G, "unpack")

--- `table.move`, or its equivalent where it is missing.
-- @function move
-- @tparam table a1
-- @tparam integer f
-- @tparam integer e
-- @tparam integer t
-- @tparam[opt=a1] table a2
-- @treturn table a2
-- @usage print(#require("leninletter.compat").move({1, 2, 3}, 1, 3, 1, {}))   --> 3
M.move = rawget(table, "move") or function(a1, f, e, t, a2)
  a2 = a2 or a1
  if e >= f then
    if t > e or t <= f or a1 ~= a2 then
      for i = 0, e - f do a2[t + i] = a1[f + i] end
    else
      for i = e - f, 0, -1 do a2[t + i] = a1[f + i] end
    end
  end
  return a2
end

--- `table.pack`: the arguments in a table, with their count in `n`.
-- @function pack
-- @usage print(require("leninletter.compat").pack(1, nil, 3).n)   --> 3
M.pack = rawget(table, "pack") or function(...)
  return { n = select("#", ...), ... }
end

--- `load` of a string with a mode and an environment, as in 5.2 and later
-- (5.1 and LuaJIT: `loadstring` and `setfenv`; the mode is not checked).
-- @string code the chunk
-- @string[opt] name its name in messages
-- @string[opt] mode "t", "b" or "bt" (ignored before 5.2)
-- @tparam[opt] table env its environment
-- @return the function, or nil and a message
-- @usage local f = require("leninletter.compat").load("return x", "=x", "t", { x = 1 })
-- print(f())   --> 1
function M.load(code, name, mode, env)
  if not rawget(_G, "setfenv") then return load(code, name, mode, env) end
  local f, err = rawget(_G, "loadstring")(code, name)
  if f and env then rawget(_G, "setfenv")(f, env) end
  return f, err
end

--- Runs a shell command, as `os.execute` does in 5.2 and later: true or
-- nil, then "exit" and the exit status, on every version.
-- @string cmd the command
-- @return true, or nil on failure
-- @treturn string "exit"
-- @treturn integer the exit status
-- @usage print(require("leninletter.compat").execute("exit 3"))   --> nil	exit	3
function M.execute(cmd)
  local a, b, c = os.execute(cmd)
  if type(a) == "number" then -- 5.1 and LuaJIT: the status as wait() gives it
    c = a >= 256 and floor(a / 256) or a
    return c == 0 or nil, "exit", c
  end
  return a, b, c
end

--- Runs a shell command and reads what it writes: its standard output and
-- its exit status, on every version (5.1 cannot get the status of `io.popen`).
-- @string cmd the command
-- @treturn string the output
-- @treturn integer the exit status
-- @usage local out, code = require("leninletter.compat").run("echo hi; exit 2")
-- print(out, code)   --> hi
--   2
function M.run(cmd)
  local p = assert(io.popen("( " .. cmd .. "\n); printf '\\n%d' $?"))
  local all = p:read("*a")
  p:close()
  local out, code = all:match("^(.*)\n(%d+)$")
  return out or all, tonumber(code)
end

--- `package.searchpath` (5.2 and later, LuaJIT), or the same in Lua.
-- @string name a module name
-- @string path a search path, templates separated by ";"
-- @treturn string|nil the first file that opens, or nil and the files tried
-- @usage print(require("leninletter.compat").searchpath("leninletter.compat", "lua/?.lua"))
-- --> lua/leninletter/compat.lua
M.searchpath = rawget(package, "searchpath") or function(name, path)
  local tried = {}
  name = name:gsub("%.", "/")
  for template in path:gmatch("[^;]+") do
    local file = template:gsub("%?", name)
    local f = io.open(file, "r")
    if f then
      f:close()
      return file
    end
    tried[#tried + 1] = "\n\tno file '" .. file .. "'"
  end
  return nil, table.concat(tried)
end

--- The format of `file:read` that reads a whole file on every version.
-- @usage local s = io.open("README.md"):read(require("leninletter.compat").ALL)
M.ALL = "*a"

-- ---------------------------------------------------------------------
-- utf8, as in Lua 5.4 (strict: no surrogates, nothing above U+10FFFF)
-- ---------------------------------------------------------------------

-- (the functions in Lua, for the versions that lack them, are
-- leninletter.compatutf8: Lua 5.4 compiles none of them, #16)

--- `utf8` as in Lua 5.4: the standard library's under 5.4; under 5.3 the
-- standard one with 5.4's strict `len`, `codepoint` and `codes` (5.3 takes
-- surrogates, which the C core refuses); else the same functions in Lua
-- (`char`, `charpattern`, `codepoint`, `codes`, `len`, `offset`).
-- @table utf8
-- @usage local utf8 = require("leninletter.compat").utf8
-- print(utf8.len("Soviet’s"), utf8.len("\xff"))   --> 8	nil	1
if _VERSION == "Lua 5.4" then
  M.utf8 = utf8
elseif rawget(_G, "utf8") then
  local pure = require "leninletter.compatutf8"
  M.utf8 = setmetatable({ len = pure.len, codepoint = pure.codepoint, codes = pure.codes },
    { __index = rawget(_G, "utf8") })
else
  M.utf8 = require "leninletter.compatutf8"
end

return M
