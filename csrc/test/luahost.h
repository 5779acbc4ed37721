/*
** luahost.h: what the Lua hosts of the hardening runs share (allocfail.c,
** threads.c): leninletter.core, leninletter.html (the HTML reader, which
** the core requires when it first reads HTML) and leninletter.stem (the
** stemmer, required at the first query that stems) preloaded from the
** executable itself and the Lua layer found in the work tree. Include
** after lua.h and lauxlib.h.
*/
#ifndef LUAHOST_H
#define LUAHOST_H

LUALIB_API int luaopen_leninletter_core(lua_State *L);
LUALIB_API int luaopen_leninletter_html(lua_State *L);
LUALIB_API int luaopen_leninletter_stem(lua_State *L);

#ifndef LL_LUA_PATH
#define LL_LUA_PATH "lua/?.lua;lua/?/init.lua;data/?.lua"
#endif
#ifndef LL_SHARED
#define LL_SHARED "../shared"
#endif

/* Opens the standard libraries in L, preloads leninletter.core,
** leninletter.html and leninletter.stem and sets package.path to the work
** tree's Lua layer. */
static inline void host_open(lua_State *L) {
  luaL_openlibs(L);
  luaL_getsubtable(L, LUA_REGISTRYINDEX, LUA_PRELOAD_TABLE);
  lua_pushcfunction(L, luaopen_leninletter_core);
  lua_setfield(L, -2, "leninletter.core");
  lua_pushcfunction(L, luaopen_leninletter_html);
  lua_setfield(L, -2, "leninletter.html");
  lua_pushcfunction(L, luaopen_leninletter_stem);
  lua_setfield(L, -2, "leninletter.stem");
  lua_pop(L, 1);
  lua_getglobal(L, "package");
  lua_pushstring(L, LL_LUA_PATH);
  lua_setfield(L, -2, "path");
  lua_pop(L, 1);
}

#endif
