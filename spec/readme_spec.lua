-- The Lua examples of the README and of docs/*.md run, and print what their
-- `-->` comments say; their links lead to files that exist.
local compat = require "leninletter.compat"  -- Lua 5.1 to 5.4 and LuaJIT
local H = require "spec.helpers"
local readfile = H.readfile

local function examples(text)
  local out = {}
  for block in text:gmatch("```lua\n(.-)```") do out[#out + 1] = block end
  return out
end

-- the README and every page of docs/ (each `.md` there): no example unchecked
local PAGES = { "README.md" }
for name in compat.run("ls docs"):gmatch("[^\n]+") do
  if name:match("%.md$") then PAGES[#PAGES + 1] = "docs/" .. name end
end

describe("leninletter documentation", function()
  it("finds the README and the docs/ pages", function()
    assert.is_true(#PAGES >= 8)
    local all = 0
    for _, page in ipairs(PAGES) do all = all + #examples(readfile(page)) end
    assert.is_true(all >= 25)
  end)

  for _, page in ipairs(PAGES) do
    describe(page, function()
      local blocks = examples(readfile(page))
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
          local chunk = assert(compat.load(code, page .. " example " .. i, "t", env))
          chunk()
          assert.same(expected, printed)
        end)
      end
    end)
  end

  it("links only to files that exist", function()
    for _, page in ipairs(PAGES) do
      local base = page:match("^(.*)/") or "."
      for link in readfile(page):gmatch("%]%(([^)]+)%)") do
        local target = link:match("^([^#]+)")
        if target and not target:match("^%a+:") then -- a web address is not checked
          local f = io.open(base .. "/" .. target, "rb")
          assert.is_truthy(f, page .. " links to " .. target .. ", which is missing")
          f:close()
        end
      end
    end
  end)
end)
