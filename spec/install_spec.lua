-- The rockspec installs a working module: built with `luarocks make` from a
-- copy of the work tree into a temporary tree, and required from there.
local function run(cmd)
  local p = assert(io.popen(cmd .. " 2>&1"))
  local out = p:read("*a")
  local ok, _, code = p:close()
  return ok, out, code
end

describe("leninletter rockspec", function()
  it("installs with luarocks make and loads from the installed tree", function()
    local tmp = os.tmpname()
    os.remove(tmp)
    local src, tree = tmp .. "/src", tmp .. "/tree"
    assert(run(("mkdir -p %s && git ls-files -z | xargs -0 cp --parents -t %s"):format(src, src)))
    -- files not yet committed are part of the work tree being tested too
    assert(run(("cp -r csrc lua data rockspec %s/"):format(src)))
    assert(run(("rm -f %s/csrc/*.o %s/csrc/leninletter/core.so"):format(src, src)))
    local ok, out = run(("cd %s && luarocks --lua-version=5.4 make --tree=%s rockspec/leninletter-scm-1.rockspec")
      :format(src, tree))
    assert.is_true(ok, out)
    local script = [[
      local ll = require "leninletter"
      local core = package.searchpath("leninletter.core", package.cpath)
      local init = package.searchpath("leninletter", package.path)
      print(core, init, ll.letter().title, #ll.letter().paragraphs,
        ll.letter():frequencies({ stoplist = true })[1].word)
    ]]
    ok, out = run(("cd / && LUA_PATH='%s/share/lua/5.4/?.lua;%s/share/lua/5.4/?/init.lua' "
      .. "LUA_CPATH='%s/lib/lua/5.4/?.so' lua5.4 -e '%s'"):format(tree, tree, tree, script))
    assert.is_true(ok, out)
    assert.equal(("%s/lib/lua/5.4/leninletter/core.so\t%s/share/lua/5.4/leninletter/init.lua\t"
      .. "Our Tasks and the Soviet of Workers’ Deputies\t21\trevolutionary\n"):format(tree, tree), out)
    run("rm -rf " .. tmp)
  end)
end)
