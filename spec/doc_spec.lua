-- The reference documentation: every public function of the Lua layer has
-- an LDoc comment with a summary and a usage example; `make doc` (LDoc)
-- builds the HTML reference from them; the man page of the tool is valid.
local H = require "spec.helpers"
local has = H.have

-- Each public function of a file: `function M.name`, `function Class:name`,
-- `function Class.name` at the start of a line, where the name does not
-- start with an underscore; with the comment block right above it.
local function public_functions(path)
  local f = assert(io.open(path, "rb"))
  local lines = {}
  for l in f:lines() do lines[#lines + 1] = l end
  f:close()
  local out = {}
  for i, l in ipairs(lines) do
    local owner, sep, name = l:match("^function ([%a_][%w_]*)([.:])([%a][%w_]*)%s*%(")
    if owner and owner ~= "local" then
      local block, j = {}, i - 1
      while j >= 1 and lines[j]:match("^%-%-") do
        table.insert(block, 1, lines[j])
        j = j - 1
      end
      out[#out + 1] = { name = owner .. sep .. name, line = i, block = block }
    end
  end
  return out
end

local function lua_files()
  local p = assert(io.popen("ls lua/leninletter/*.lua lua/leninletter/export/*.lua"))
  local files = {}
  for l in p:lines() do files[#files + 1] = l end
  p:close()
  return files
end

describe("leninletter reference documentation", function()
  it("finds the public functions it checks", function()
    local n = 0
    for _, file in ipairs(lua_files()) do n = n + #public_functions(file) end
    assert.is_true(n > 40, "only " .. n .. " public functions found")
  end)

  for _, file in ipairs(lua_files()) do
    it("has a summary and a @usage above every public function of " .. file, function()
      local missing = {}
      for _, fn in ipairs(public_functions(file)) do
        local summary = fn.block[1] and fn.block[1]:match("^%-%-%-%s*%S")
        local usage = false
        for _, l in ipairs(fn.block) do
          if l:match("^%-%-%s*@usage") then usage = true end
        end
        if not summary or not usage then
          missing[#missing + 1] = ("%s:%d %s (%s)"):format(file, fn.line, fn.name,
            not summary and "no summary" or "no @usage")
        end
      end
      assert.same({}, missing)
    end)
  end

  it("builds the HTML reference with LDoc", function()
    if not has("ldoc") then
      pending("ldoc is not installed (Debian lua-ldoc)")
      return
    end
    local tmp = os.tmpname()
    os.remove(tmp)
    local p = assert(io.popen("ldoc -d " .. tmp .. " . 2>&1"))
    local out = p:read("*a")
    p:close()
    -- no warning: every item's parameters match its function's, no module
    -- without items ("FILE:LINE: ...")
    local warnings = {}
    for line in out:gmatch("[^\n]+") do
      if line:match("^%S+:%d+: ") then warnings[#warnings + 1] = line end
    end
    assert.same({}, warnings)
    local f = io.open(tmp .. "/index.html", "rb")
    assert.is_truthy(f, out)
    local index = f:read("*a")
    f:close()
    for _, m in ipairs({ "leninletter", "leninletter.query", "leninletter.quiz",
      "leninletter.export", "leninletter.plot", "leninletter.export.json", "leninletter.export.anki" }) do
      assert.is_truthy(index:find(m, 1, true), m .. " is not in the reference")
    end
    -- Markdown rendered (Debian's lua-discount), not shown raw
    assert.is_nil(out:find("falling back to text", 1, true), out)
    assert.is_truthy(index:find("<code>", 1, true))
    -- a page for every table the API hands out
    f = assert(io.open(tmp .. "/modules/tables.html", "rb"))
    local tables = f:read("*a")
    f:close()
    for _, t in ipairs({ "Document", "Block", "Note", "Hit", "Corpus", "Question", "Date" }) do
      assert.is_truthy(tables:find('<a name = "' .. t .. '"></a>', 1, true), t)
    end
    assert.is_truthy(tables:find("<code>&quot;paragraph&quot;</code>", 1, true))
    os.execute("rm -rf " .. tmp)
  end)

  it("has a man page for the tool that groff reads without a warning", function()
    if not has("groff") then
      pending("groff is not installed")
      return
    end
    local p = assert(io.popen("groff -man -Tutf8 -ww -z man/leninletter.1 2>&1"))
    local warnings = p:read("*a")
    p:close()
    assert.equal("", warnings)
    p = assert(io.popen("MANWIDTH=80 man -l man/leninletter.1 2>/dev/null | col -b"))
    local text = p:read("*a")
    p:close()
    assert.is_truthy(text:find("NAME", 1, true))
    assert.is_truthy(text:find("leninletter%s+%-%s+study"), text:sub(1, 400))
    -- every command of the tool's --help is in the man page
    for _, cmd in ipairs({ "info", "text", "notes", "entities", "kwic", "freq", "ngrams", "quiz",
      "export", "plot", "pack" }) do
      assert.is_truthy(text:find("\n       " .. cmd, 1, true), cmd .. " is not in the man page")
    end
  end)
end)
