-- The README's Lua examples run, and print what their `-->` comments say.
local compat = require "leninletter.compat"  -- Lua 5.1 to 5.4 and LuaJIT
local function readfile(path)
  local f = assert(io.open(path, "rb"))
  local s = f:read("*a")
  f:close()
  return s
end

local function examples(text)
  local out = {}
  for block in text:gmatch("```lua\n(.-)```") do out[#out + 1] = block end
  return out
end

describe("leninletter README", function()
  local blocks = examples(readfile("README.md"))

  it("has Lua examples", function()
    assert.is_true(#blocks >= 4)
  end)

  for i, code in ipairs(blocks) do
    it(("runs example %d and prints what it says"):format(i), function()
      local expected, printed = {}, {}
      for line in code:gmatch("[^\n]*") do
        local want = line:match("%-%-> ?(.*)$")
        if want then expected[#expected + 1] = want end
      end
      local env = setmetatable({
        print = function(...)
          local parts = compat.pack(...)
          for k = 1, parts.n do parts[k] = tostring(parts[k]) end
          printed[#printed + 1] = table.concat(parts, "\t", 1, parts.n)
        end,
      }, { __index = _G })
      local chunk = assert(compat.load(code, "README example " .. i, "t", env))
      chunk()
      assert.same(expected, printed)
    end)
  end
end)
