/*
** llcompat.h: the one place where Lua versions differ for the C side.
** lcore.c is written against the Lua 5.4 API; this header supplies what
** Lua 5.1, 5.2, 5.3 and LuaJIT 2.1 lack, under the 5.4 names.
*/
#ifndef LLCOMPAT_H
#define LLCOMPAT_H

#include <stddef.h>

#include "lua.h"
#include "lauxlib.h"

#if !defined(LUA_VERSION_NUM) || LUA_VERSION_NUM < 501 || LUA_VERSION_NUM > 504
#error "leninletter.core needs Lua 5.1, 5.2, 5.3, 5.4 or LuaJIT 2.1"
#endif

/* clang-tidy's analyzer does not know that Lua's
** error functions never return, and follow paths past them. */
#if defined(__clang_analyzer__)
LUA_API int(lua_error)(lua_State *L) __attribute__((noreturn));
LUALIB_API int(luaL_error)(lua_State *L, const char *fmt, ...) __attribute__((noreturn));
LUALIB_API int(luaL_argerror)(lua_State *L, int arg, const char *extramsg)
    __attribute__((noreturn));
#endif

/* ------------------------------------------------------------------ */
/* 5.1 and LuaJIT: what 5.2 added to the C API. LuaJIT 2.1 declares    */
/* some of these itself; ours are static and renamed by macros so that */
/* both compile against the same code.                                 */
/* ------------------------------------------------------------------ */
#if LUA_VERSION_NUM == 501

#define lua_rawlen(L, i) lua_objlen((L), (i))
#if !defined(LUA_OK)
#define LUA_OK 0
#endif

static inline int llcompat_absindex(lua_State *L, int i) {
  return (i > 0 || i <= LUA_REGISTRYINDEX) ? i : lua_gettop(L) + i + 1;
}
#define lua_absindex llcompat_absindex

/* luaL_setfuncs with upvalues, as in 5.2's lauxlib */
static inline void llcompat_setfuncs(lua_State *L, const luaL_Reg *l, int nup) {
  luaL_checkstack(L, nup + 1, "too many upvalues");
  for (; l->name != NULL; l++) {
    int i;
    for (i = 0; i < nup; i++) lua_pushvalue(L, -nup);
    lua_pushcclosure(L, l->func, nup);
    lua_setfield(L, -(nup + 2), l->name);
  }
  lua_pop(L, nup);
}
#define luaL_setfuncs llcompat_setfuncs

#undef luaL_newlibtable /* LuaJIT 2.1 has these two; the same */
#undef luaL_newlib
#define luaL_newlibtable(L, l) lua_createtable((L), 0, sizeof(l) / sizeof((l)[0]) - 1)
#define luaL_newlib(L, l)      (luaL_newlibtable((L), (l)), luaL_setfuncs((L), (l), 0))

static inline void llcompat_setmetatable(lua_State *L, const char *tname) {
  luaL_getmetatable(L, tname);
  lua_setmetatable(L, -2);
}
#define luaL_setmetatable llcompat_setmetatable

static inline void *llcompat_testudata(lua_State *L, int i, const char *tname) {
  void *p = lua_touserdata(L, i);
  if (p == NULL || !lua_getmetatable(L, i)) return NULL;
  luaL_getmetatable(L, tname);
  if (!lua_rawequal(L, -1, -2)) p = NULL;
  lua_pop(L, 2);
  return p;
}
#define luaL_testudata llcompat_testudata

/* the length of the value at i (respects no __len: 5.1 has none for tables) */
static inline lua_Integer llcompat_len(lua_State *L, int i) {
  return (lua_Integer)lua_objlen(L, i);
}
#define luaL_len llcompat_len

#define luaL_buffinitsize(L, B, sz) (luaL_buffinit((L), (B)), luaL_prepbuffer(B))

/* user values: 5.1 keeps them in the environment table of the userdata */
#define LLCOMPAT_GETUV(L, i) lua_getfenv((L), (i))
#define LLCOMPAT_SETUV(L, i) lua_setfenv((L), (i))

#endif /* 5.1 */

/* ------------------------------------------------------------------ */
/* 5.1, 5.2, 5.3: what 5.4 changed                                     */
/* ------------------------------------------------------------------ */
#if LUA_VERSION_NUM == 502
#define LLCOMPAT_GETUV(L, i) lua_getuservalue((L), (i))
#define LLCOMPAT_SETUV(L, i) lua_setuservalue((L), (i))
#endif

#if LUA_VERSION_NUM <= 502
/* 5.1 and 5.2 keep one user value, and it must be a table: user value n
** is field n of that table. */
static inline int llcompat_getiuservalue(lua_State *L, int i, int n) {
  LLCOMPAT_GETUV(L, i);
  if (!lua_istable(L, -1)) {
    lua_pop(L, 1);
    lua_pushnil(L);
    return LUA_TNONE;
  }
  lua_rawgeti(L, -1, n);
  lua_remove(L, -2);
  return lua_type(L, -1);
}
#define lua_getiuservalue llcompat_getiuservalue

static inline int llcompat_setiuservalue(lua_State *L, int i, int n) {
  i = lua_absindex(L, i);
  LLCOMPAT_GETUV(L, i);
  if (!lua_istable(L, -1)) {
    lua_pop(L, 1);
    lua_createtable(L, n, 0);
    lua_pushvalue(L, -1);
    LLCOMPAT_SETUV(L, i);
  }
  lua_insert(L, -2);
  lua_rawseti(L, -2, n);
  lua_pop(L, 1);
  return 1;
}
#define lua_setiuservalue llcompat_setiuservalue

/* 5.1 and 5.2 accept 2.5 where an integer is expected and truncate it;
** 5.3 and 5.4 refuse it. Refuse it everywhere, with 5.4's message. */
static inline lua_Integer llcompat_checkinteger(lua_State *L, int i) {
  lua_Number x = luaL_checknumber(L, i);
  lua_Integer n = 0;
  /* in range (NaN is not), then integral */
  if (x >= -9223372036854775808.0 && x < 9223372036854775808.0) n = (lua_Integer)x;
  if ((lua_Number)n != x) luaL_argerror(L, i, "number has no integer representation");
  return n;
}
#define luaL_checkinteger llcompat_checkinteger

static inline lua_Integer llcompat_optinteger(lua_State *L, int i, lua_Integer d) {
  return lua_isnoneornil(L, i) ? d : llcompat_checkinteger(L, i);
}
#define luaL_optinteger llcompat_optinteger
#endif /* <= 5.2 */

#if LUA_VERSION_NUM == 503
/* 5.3 has one user value of any type: user value 1 */
static inline int llcompat_getiuservalue(lua_State *L, int i, int n) {
  if (n != 1) {
    lua_pushnil(L);
    return LUA_TNONE;
  }
  return lua_getuservalue(L, i);
}
#define lua_getiuservalue llcompat_getiuservalue

static inline int llcompat_setiuservalue(lua_State *L, int i, int n) {
  if (n != 1) {
    lua_pop(L, 1);
    return 0;
  }
  lua_setuservalue(L, i);
  return 1;
}
#define lua_setiuservalue llcompat_setiuservalue
#endif /* 5.3 */

#if LUA_VERSION_NUM < 504
/* before 5.4 a userdata has no count of user values */
#define lua_newuserdatauv(L, sz, nuv) ((void)(nuv), lua_newuserdata((L), (sz)))
#endif

#endif
