/*
** lstem.c: the module leninletter.stem, the stemmer of the library
** (llstem.c, with libstemmer) as a module of its own. leninletter.core
** links no libstemmer (its relocations are about 0.2 ms of every
** process's start-up): at the first query that stems it requires this
** module and stems through the stemmer it hands over. Owns nothing: the
** stemmer is a constant. Built as lhtml.c is (lhtml.c says why the two
** modules' copies of library files never clash); llstem.c calls no other
** library file.
*/
#include "lua.h"
#include "lauxlib.h"
#include "llcompat.h" /* Lua 5.1 to 5.4 and LuaJIT, through the 5.4 API */

#include "llstem.h"

LUALIB_API int luaopen_leninletter_stem(lua_State *L);

/* require "leninletter.stem" -> {stemmer = light userdata pointing at
** ll_snowball_stemmer, abi = LL_STEM_ABI}. */
__attribute__((visibility("default"))) LUALIB_API int luaopen_leninletter_stem(lua_State *L) {
  lua_createtable(L, 0, 2);
  lua_pushlightuserdata(L, (void *)&ll_snowball_stemmer);
  lua_setfield(L, -2, "stemmer");
  lua_pushinteger(L, LL_STEM_ABI);
  lua_setfield(L, -2, "abi");
  return 1;
}
