-- `luarocks test`: the whole suite under the Lua that LuaRocks runs this
-- script with, through `make spec` (which builds that Lua's module under
-- build/ and runs busted with it). Debian's busted, lpeg and lua-cjson are
-- used as they are: nothing is fetched from a rock server.
local lua = "lua"
local i = -1
while arg and arg[i] do lua, i = arg[i], i - 1 end
local version = rawget(_G, "jit") and "jit" or _VERSION:match("%d+%.%d+")
local cmd = ("make spec LUA_VERSION=%s LUA=%s"):format(version, lua:match("[^/]+$"))
print(cmd)
local ok, _, code = os.execute(cmd)
if type(ok) == "number" then code = ok >= 256 and math.floor(ok / 256) or ok end
if ok == true or ok == 0 then code = 0 end
os.exit(code == 0 and 0 or 1)
