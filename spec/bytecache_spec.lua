-- The command line's bytecode cache (issue #16): core.loadcached
-- (csrc/binding/lcache.c) and bin/leninletter, which loads its modules
-- through it. Compiling the modules cost more than all the rest of a
-- concordance over an index file; their bytecode is kept in a folder and
-- used while each source is the same, byte for byte.
local compat = require "leninletter.compat"
local core = require "leninletter.core"
local H = require "spec.helpers"

local sh = H.quote

-- the names in folder dir, sorted ({} when there is no such folder)
local function ls(dir)
  local t = {}
  for name in compat.run("ls -A " .. sh(dir) .. " 2>/dev/null"):gmatch("[^\n]+") do t[#t + 1] = name end
  table.sort(t)
  return t
end

local function mode(path)
  return (compat.run("stat -c %a " .. sh(path)):gsub("%s+$", ""))
end

local function rmrf(dir) compat.execute("rm -rf " .. sh(dir)) end

describe("core.loadcached", function()
  local root, dir, src
  before_each(function()
    root = H.tmpdir()
    dir = root .. "/cache/leninletter" -- neither folder there yet
    src = root .. "/m.lua"
  end)
  after_each(function() rmrf(root) end)

  it("loads a file as loadfile does: compiled the first time, from the cache after", function()
    H.write(src, "local n = ...\nreturn 'answer ' .. n, debug.getinfo(1, 'S').source\n")
    local f, cached = core.loadcached(src, dir)
    assert.is_function(f)
    assert.is_false(cached)
    assert.same({ "answer 7", "@" .. src }, { f(7) })
    local files = ls(dir)
    assert.equal(1, #files)
    assert.truthy(files[1]:match("^%x+%.luac$"), files[1])
    -- the user's own: folders made 0700, the file 0600
    assert.equal("700", mode(root .. "/cache"))
    assert.equal("700", mode(dir))
    assert.equal("600", mode(dir .. "/" .. files[1]))
    local g, again = core.loadcached(src, dir)
    assert.is_true(again)
    assert.same({ "answer 8", "@" .. src }, { g(8) })
    assert.same(files, ls(dir))
  end)

  it("keeps the source's lines in errors, past a first line starting with #", function()
    H.write(src, "#!/usr/bin/env lua5.4\nlocal x = 1\nerror('boom ' .. x)\n")
    for _, want_cached in ipairs({ false, true }) do
      local f, cached = core.loadcached(src, dir)
      assert.equal(want_cached, cached)
      local ok, err = pcall(f)
      assert.is_false(ok)
      assert.equal(src .. ":3: boom 1", err)
    end
  end)

  it("compiles a changed source again, one of the same length too", function()
    H.write(src, "return 1")
    assert.equal(1, core.loadcached(src, dir)())
    H.write(src, "return 2")
    local f, cached = core.loadcached(src, dir)
    assert.is_false(cached)
    assert.equal(2, f())
    f, cached = core.loadcached(src, dir)
    assert.is_true(cached)
    assert.equal(2, f())
    assert.equal(1, #ls(dir))
  end)

  it("compiles over a damaged cache file, and writes a sound one", function()
    H.write(src, "return 'sound'")
    local damages = {
      truncated = function(s) return s:sub(1, #s - 1) end,
      ["cut in the header"] = function(s) return s:sub(1, 12) end,
      empty = function() return "" end,
      ["last byte flipped"] = function(s) return s:sub(1, -2) .. string.char(255 - s:byte(-1)) end,
      ["magic changed"] = function(s) return "X" .. s:sub(2) end,
      ["another file's bytes"] = function(s) return ("\0"):rep(#s) end,
    }
    for what, damage in pairs(damages) do
      rmrf(dir)
      assert.is_false(select(2, core.loadcached(src, dir)))
      local file = dir .. "/" .. ls(dir)[1]
      H.write(file, damage(H.readfile(file)))
      local f, cached = core.loadcached(src, dir)
      assert.is_false(cached, what)
      assert.equal("sound", f(), what)
      f, cached = core.loadcached(src, dir)
      assert.is_true(cached, what)
      assert.equal("sound", f(), what)
    end
  end)

  -- only root can give a file to another user: elsewhere, no such case
  if compat.run("id -u"):match("^0%s") then
    it("takes no cache file of another user's, and writes its own over it", function()
      H.write(src, "return 'mine'")
      core.loadcached(src, dir)
      local file = dir .. "/" .. ls(dir)[1]
      assert(compat.execute("chown nobody " .. sh(file)))
      local f, cached = core.loadcached(src, dir)
      assert.is_false(cached)
      assert.equal("mine", f())
      assert.equal("0", (compat.run("stat -c %u " .. sh(file)):gsub("%s+$", "")))
      assert.is_true(select(2, core.loadcached(src, dir)))
    end)
  end

  -- another Lua's bytecode under this Lua's name: its checksums hold, but
  -- this interpreter refuses its header. Needs another Lua and its build
  -- of the core (make test builds 5.4 alone; CI's later stages, on 5.3,
  -- 5.2, 5.1 and LuaJIT, have 5.4's beside theirs)
  local otherlua
  for _, o in ipairs({ { "lua5.4", "lua5.4" }, { "lua5.3", "lua5.3" }, { "luajit", "luajit" } }) do
    local lua, build = o[1], o[2]
    local theirs = lua == "luajit" and "Lua 5.1" or "Lua " .. lua:sub(4)
    if not otherlua and (theirs ~= _VERSION or (lua == "luajit") ~= (jit ~= nil)) and H.have(lua)
        and H.exists("build/" .. build .. "/leninletter/core.so") then
      otherlua = { lua = lua, cpath = "build/" .. build .. "/?.so" }
    end
  end
  if otherlua then
    it("compiles over anotherlua Lua's bytecode found under its file's name (" .. otherlua.lua .. "'s)", function()
      H.write(src, "return 'this Lua'")
      assert.is_false(select(2, core.loadcached(src, dir)))
      local mine = dir .. "/" .. ls(dir)[1]
      local elsewhere = root .. "/otherlua"
      local ok, out = H.run(("LUA_CPATH=%s %s -e %s"):format(H.quote(otherlua.cpath .. ";;"), otherlua.lua,
        H.quote(("assert(select(2, require('leninletter.core').loadcached(%q, %q)) == false)")
          :format(src, elsewhere))))
      assert(ok, out)
      local theirs = elsewhere .. "/" .. ls(elsewhere)[1]
      assert.not_equal(H.readfile(mine), H.readfile(theirs))
      assert(compat.execute("cp " .. sh(theirs) .. " " .. sh(mine)))
      local f, cached = core.loadcached(src, dir)
      assert.is_false(cached)
      assert.equal("this Lua", f())
      assert.is_true(select(2, core.loadcached(src, dir)))
    end)
  end

  it("keeps a file for each source", function()
    local other = root .. "/n.lua"
    H.write(src, "return 'm'")
    H.write(other, "return 'n'")
    assert.equal("m", core.loadcached(src, dir)())
    assert.equal("n", core.loadcached(other, dir)())
    assert.equal(2, #ls(dir))
    assert.equal("m", core.loadcached(src, dir)())
    assert.is_true(select(2, core.loadcached(other, dir)))
  end)

  it("caches nothing without a folder, or with an empty one", function()
    H.write(src, "return 3")
    for _ = 1, 2 do
      local f, cached = core.loadcached(src)
      assert.equal(3, f())
      assert.is_false(cached)
      f, cached = core.loadcached(src, "")
      assert.equal(3, f())
      assert.is_false(cached)
    end
  end)

  it("loads the file where the cache cannot be written", function()
    H.write(src, "return 4")
    local blocked = src .. "/cache" -- under a file: no folder can be made
    for _ = 1, 2 do
      local f, cached = core.loadcached(src, blocked)
      assert.equal(4, f())
      assert.is_false(cached)
    end
    assert.same({ "m.lua" }, ls(root))
  end)

  it("gives nil and loadfile's message for a source that does not compile, and writes nothing", function()
    H.write(src, "local x = = 1\n")
    local f, err = core.loadcached(src, dir)
    assert.is_nil(f)
    assert.equal(select(2, loadfile(src)), err)
    assert.equal(src .. ":1: unexpected symbol near '='", err)
    assert.same({}, ls(dir))
  end)

  it("gives nil and a message naming a file it cannot read", function()
    local missing = root .. "/missing.lua"
    assert.same({ nil, "cannot read " .. missing }, { core.loadcached(missing, dir) })
    assert.same({ nil, "cannot read " .. root }, { core.loadcached(root, dir) })
  end)

  it("raises bad argument for arguments that are not strings", function()
    assert.has_error(function() core.loadcached() end,
      "bad argument #1 to 'loadcached' (string expected, got no value)")
    H.write(src, "return 5")
    assert.has_error(function() core.loadcached(src, {}) end,
      "bad argument #2 to 'loadcached' (string expected, got table)")
  end)
end)

describe("bin/leninletter's bytecode cache", function()
  -- Lua 5.1 has no package.searchpath, and there the tool caches nothing
  -- (asked of the tool's interpreter: busted's may have one added)
  local CACHES = H.child("print(package.searchpath ~= nil)"):find("true") ~= nil
  local root
  before_each(function() root = H.tmpdir() end)
  after_each(function() rmrf(root) end)

  -- runs the tool with the environment env (a shell prefix): its output
  local function tool(env, args)
    local ok, out = H.run(H.ENV .. "env -u LENINLETTER_CACHE -u XDG_CACHE_HOME " .. env .. " " .. H.LUA
      .. " bin/leninletter " .. args)
    assert(ok, out)
    return out
  end

  it("fills LENINLETTER_CACHE on a first run and answers the same from it", function()
    local dir = root .. "/c"
    local first = tool("LENINLETTER_CACHE=" .. sh(dir), "kwic soviet --width 70")
    local files = ls(dir)
    if not CACHES then
      assert.same({}, files)
      return
    end
    -- the tool's modules (leninletter.command, leninletter and those it
    -- loads), each a file
    assert.is_true(#files >= 5, table.concat(files, " "))
    assert.truthy(first:find("Soviet", 1, true))
    assert.equal(first, tool("LENINLETTER_CACHE=" .. sh(dir), "kwic soviet --width 70"))
    assert.same(files, ls(dir))
  end)

  it("takes several processes filling one cache at once", function()
    local dir = root .. "/c"
    local want = tool("LENINLETTER_CACHE=", "freq --top 5")
    -- six processes started together, each writing every module's file
    local cmd = ""
    for i = 1, 6 do
      cmd = cmd .. H.ENV .. "LENINLETTER_CACHE=" .. sh(dir) .. " " .. H.LUA .. " bin/leninletter freq --top 5 > "
        .. sh(root .. "/out" .. i) .. " 2>&1 & "
    end
    assert(compat.execute(cmd .. "wait"))
    for i = 1, 6 do assert.equal(want, H.readfile(root .. "/out" .. i)) end
    -- whole files only: no temporary file left
    local files = ls(dir)
    assert.equal(CACHES, #files > 0)
    for _, f in ipairs(files) do assert.truthy(f:match("^%x+%.luac$"), f) end
    assert.equal(want, tool("LENINLETTER_CACHE=" .. sh(dir), "freq --top 5"))
  end)

  it("caches in $XDG_CACHE_HOME/leninletter, else in ~/.cache/leninletter", function()
    tool("HOME=" .. sh(root .. "/home") .. " XDG_CACHE_HOME=" .. sh(root .. "/xdg"), "info")
    assert.equal(CACHES, #ls(root .. "/xdg/leninletter") > 0)
    assert.same({}, ls(root .. "/home"))
    -- a relative XDG_CACHE_HOME is not taken (the XDG Base Directory rule)
    tool("HOME=" .. sh(root .. "/home") .. " XDG_CACHE_HOME=relative", "info")
    assert.equal(CACHES, #ls(root .. "/home/.cache/leninletter") > 0)
    assert.same({}, ls("relative"))
  end)

  it("caches nothing with LENINLETTER_CACHE set empty", function()
    local out = tool("HOME=" .. sh(root) .. " LENINLETTER_CACHE=", "info")
    assert.truthy(out:find("V. I. Lenin", 1, true))
    assert.same({}, ls(root))
  end)
end)
