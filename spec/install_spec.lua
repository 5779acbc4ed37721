-- Installing: the rockspec builds a working module with `luarocks make`
-- (from a copy of the work tree, into a temporary tree), and `make install`
-- puts the same files where a distribution would (into a temporary DESTDIR),
-- the command and its man page too; `make uninstall` takes them away. Each
-- for the Lua under test (LUA, as `make test LUA_VERSION=...` sets it).
local H = require "spec.helpers"
local run = H.run
local tmpdir = H.tmpdir

local LUA = os.getenv("LUA") or "lua5.4"
local JIT = LUA:find("luajit", 1, true) ~= nil
local V = select(2, run(LUA .. " -e 'io.write((_VERSION:match(\"%d+%.%d+\")))'"))
local PC = JIT and "luajit" or "lua" .. V

local function paths(lmod, cmod)
  return ("LUA_PATH='%s/?.lua;%s/?/init.lua' LUA_CPATH='%s/?.so'"):format(lmod, lmod, cmod)
end

local TITLE = "Our Tasks and the Soviet of Workers’ Deputies"

describe("leninletter rockspec", function()
  it("installs with luarocks make and loads from the installed tree", function()
    local tmp = tmpdir()
    local src, tree = tmp .. "/src", tmp .. "/tree"
    assert(run(("mkdir -p %s && git ls-files -z | xargs -0 cp --parents -t %s"):format(src, src)))
    -- files not yet committed are part of the work tree being tested too
    assert(run(("cp -r csrc lua data rockspec man %s/"):format(src)))
    assert(run(("rm -rf %s/build"):format(src)))
    -- lpeg and lua-cjson come from Debian, outside LuaRocks: no rock server
    local ok, out = run(("cd %s && luarocks --lua-version=%s make --deps-mode=none --tree=%s "
      .. "rockspec/leninletter-scm-1.rockspec"):format(src, V, tree))
    assert.is_true(ok, out)
    local script = [[
      local ll = require "leninletter"
      local core = require("leninletter.compat").searchpath("leninletter.core", package.cpath)
      -- the exporters, one module a format (TEI needs no cjson, which this
      -- path leaves out), and the study page with its compiled-in script
      local tei = require("leninletter.export").tei(ll.letter())
      local js = require("leninletter.export.studypage").js
      print(ll.letter().title, #ll.letter().paragraphs,
        ll.letter():frequencies({ stoplist = true })[1].word, core,
        tei:find("<TEI", 1, true) ~= nil and js:find("leninletter-data", 1, true) ~= nil)
      -- HTML, read by the module leninletter.html
      local page = assert(ll.parse("<html><body><h2>V. I. Lenin</h2><h1>A Page</h1><p>One. Two.</p></body></html>"))
      print(page.author, page.title, #page.paragraphs[1].sentences,
        require("leninletter.compat").searchpath("leninletter.html", package.cpath))
      -- a stem query, through the module leninletter.stem
      print(ll.letter():count("hundred", { stem = true }),
        require("leninletter.compat").searchpath("leninletter.stem", package.cpath))
    ]]
    ok, out = run(("cd / && %s %s -e '%s'"):format(paths(tree .. "/share/lua/" .. V, tree .. "/lib/lua/" .. V),
      LUA, script))
    assert.is_true(ok, out)
    local want = ("%s\t21\trevolutionary\t%s\ttrue\nV. I. Lenin\tA Page\t2\t%s\n7\t%s\n"):format(TITLE,
      tree .. "/lib/lua/" .. V .. "/leninletter/core.so", tree .. "/lib/lua/" .. V .. "/leninletter/html.so",
      tree .. "/lib/lua/" .. V .. "/leninletter/stem.so")
    assert.equal(want, out)
    -- the command line tool, through luarocks' wrapper, and the man page
    ok, out = run(("cd / && %s %s/bin/leninletter info"):format(
      paths(tree .. "/share/lua/" .. V, tree .. "/lib/lua/" .. V), tree))
    assert.is_true(ok, out)
    assert.is_truthy(out:find(TITLE, 1, true), out)
    ok, out = run(("ls %s/lib/luarocks/rocks-%s/leninletter/scm-1/man/leninletter.1"):format(tree, V))
    assert.is_true(ok, out)
    run("rm -rf " .. tmp)
  end)

  it("has two rockspecs that luarocks lint accepts, building the same modules", function()
    local specs = {}
    for _, name in ipairs({ "leninletter-scm-1", "leninletter-0.1.0-1" }) do
      local ok, out = run("luarocks lint rockspec/" .. name .. ".rockspec")
      assert.is_true(ok, name .. ": " .. out)
      local env = {}
      local chunk = assert(loadfile("rockspec/" .. name .. ".rockspec"))
      if setfenv then setfenv(chunk, env) else chunk = assert(loadfile("rockspec/" .. name .. ".rockspec", "t", env)) end
      chunk()
      specs[#specs + 1] = env
    end
    assert.same(specs[1].build, specs[2].build)
    assert.same(specs[1].dependencies, specs[2].dependencies)
    assert.same(specs[1].external_dependencies, specs[2].external_dependencies)
    assert.equal("0.1.0-1", specs[2].version)
  end)
end)

describe("leninletter make install", function()
  it("installs into DESTDIR where Lua looks, runs from there, and uninstalls", function()
    local dest = tmpdir()
    local mk = ("make -s install PREFIX=/usr DESTDIR=%s LUA_VERSION=%s"):format(dest, JIT and "jit" or V)
    local ok, out = run(mk)
    assert.is_true(ok, out)
    local _, lmod = run("pkg-config --variable=INSTALL_LMOD " .. PC)
    local _, cmod = run("pkg-config --variable=INSTALL_CMOD " .. PC)
    lmod, cmod = dest .. lmod:gsub("%s+$", ""), dest .. cmod:gsub("%s+$", "")
    for _, f in ipairs({ cmod .. "/leninletter/core.so", cmod .. "/leninletter/html.so", cmod .. "/leninletter/stem.so",
      lmod .. "/leninletter/init.lua",
      lmod .. "/leninletter/stopwords.txt", lmod .. "/leninletter/studypage/page.css",
      lmod .. "/leninletter/studypage/page.js", dest .. "/usr/bin/leninletter",
      dest .. "/usr/share/man/man1/leninletter.1" }) do
      assert.is_true((run("test -f " .. f)), f .. " is not installed")
    end
    -- the module, from the installed files only
    ok, out = run(("cd / && %s %s -e 'local ll = require \"leninletter\"; print(ll.letter().title, "
      .. "ll.letter():count(\"Soviet\"), #require(\"leninletter.export\").tei(ll.letter()) > 0, "
      .. "require(\"leninletter.export.studypage\").js:find(\"leninletter-data\", 1, true) ~= nil, "
      .. "ll.parse(\"<html><body><h1>A Page</h1><p>One.</p></body></html>\").title)'"):format(
      paths(lmod, cmod), LUA))
    assert.is_true(ok, out)
    assert.equal(TITLE .. "\t22\ttrue\ttrue\tA Page\n", out)
    -- the command, run as a program (its #! names this Lua)
    ok, out = run(("cd / && %s %s/usr/bin/leninletter info"):format(paths(lmod, cmod), dest))
    assert.is_true(ok, out)
    assert.is_truthy(out:find(TITLE, 1, true), out)
    local _, shebang = run("head -1 " .. dest .. "/usr/bin/leninletter")
    assert.equal("#!/usr/bin/env " .. LUA .. "\n", shebang)
    -- and nothing of it is left after uninstall
    ok, out = run(mk:gsub(" install ", " uninstall "))
    assert.is_true(ok, out)
    local _, left = run("find " .. dest .. " -type f")
    assert.equal("", left)
    run("rm -rf " .. dest)
  end)
end)
