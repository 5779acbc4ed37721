--- `utf8` as in Lua 5.4 (strict: no surrogates, nothing above U+10FFFF),
-- in Lua: `char`, `charpattern`, `codepoint`, `codes`, `len`, `offset`.
--
-- Internal module of `leninletter.compat`, which gives it as `compat.utf8`
-- under Lua 5.1, 5.2 and LuaJIT, and its strict `len`, `codepoint` and
-- `codes` under 5.3; Lua 5.4 never loads it (its own `utf8` is the same).
-- @module leninletter.compatutf8
-- @local

local floor = math.floor
local unpack = rawget(table, "unpack") or rawget(_G, "unpack")

-- decodes the sequence at byte i of s: its code point and its length, or nil
local function decode(s, i)
  local c = s:byte(i)
  if not c then return nil end
  if c < 0x80 then return c, 1 end
  local n, cp, min
  if c >= 0xF0 and c <= 0xF4 then n, cp, min = 4, c - 0xF0, 0x10000
  elseif c >= 0xE0 then n, cp, min = 3, c - 0xE0, 0x800
  elseif c >= 0xC2 and c < 0xE0 then n, cp, min = 2, c - 0xC0, 0x80
  else return nil end
  for k = 1, n - 1 do
    local b = s:byte(i + k)
    if not b or b < 0x80 or b > 0xBF then return nil end
    cp = cp * 64 + (b - 0x80)
  end
  if cp < min or cp > 0x10FFFF or (cp >= 0xD800 and cp <= 0xDFFF) then return nil end
  return cp, n
end

local function isnotcont(s, i)
  local b = s:byte(i)
  return not b or b < 0x80 or b > 0xBF
end

local pure = {}

pure.charpattern = "[%z\1-\127\194-\253][\128-\191]*"

pure.char = function(...)
  local out = {}
  for k = 1, select("#", ...) do
    local cp = select(k, ...)
    if cp < 0x80 then out[k] = string.char(cp)
    elseif cp < 0x800 then
      out[k] = string.char(0xC0 + floor(cp / 64), 0x80 + cp % 64)
    elseif cp < 0x10000 then
      out[k] = string.char(0xE0 + floor(cp / 4096), 0x80 + floor(cp / 64) % 64, 0x80 + cp % 64)
    else
      out[k] = string.char(0xF0 + floor(cp / 262144), 0x80 + floor(cp / 4096) % 64,
        0x80 + floor(cp / 64) % 64, 0x80 + cp % 64)
    end
  end
  return table.concat(out)
end

pure.len = function(s, i, j)
  i, j = i or 1, j or -1
  if i < 0 then i = #s + i + 1 end
  if j < 0 then j = #s + j + 1 end
  local n = 0
  while i <= j do
    local _, l = decode(s, i)
    if not l then return nil, i end
    i, n = i + l, n + 1
  end
  return n
end

pure.codepoint = function(s, i, j)
  i = i or 1
  if i < 0 then i = #s + i + 1 end
  j = j or i
  if j < 0 then j = #s + j + 1 end
  local out = {}
  while i <= j do
    local cp, l = decode(s, i)
    if not cp then error("invalid UTF-8 code", 2) end
    out[#out + 1] = cp
    i = i + l
  end
  return unpack(out)
end

pure.offset = function(s, n, i)
  i = i or (n >= 0 and 1 or #s + 1)
  if i < 0 then i = #s + i + 1 end
  if n == 0 then
    while i > 1 and not isnotcont(s, i) do i = i - 1 end
    return i
  end
  if not isnotcont(s, i) then error("initial position is a continuation byte", 2) end
  if n > 0 then
    n = n - 1
    while n > 0 and i <= #s do
      i = i + 1
      while not isnotcont(s, i) do i = i + 1 end
      n = n - 1
    end
  else
    while n < 0 and i > 1 do
      i = i - 1
      while i > 1 and not isnotcont(s, i) do i = i - 1 end
      n = n + 1
    end
  end
  if n == 0 then return i end
  return nil
end

pure.codes = function(s)
  local i = 1
  return function()
    if i > #s then return nil end
    local cp, l = decode(s, i)
    if not cp then error("invalid UTF-8 code", 2) end
    local at = i
    i = i + l
    return at, cp
  end
end

return pure
