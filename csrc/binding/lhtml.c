/*
** lhtml.c: the module leninletter.html, the HTML reader of the library
** (llhtml.c, with libxml2) as a module of its own. leninletter.core links
** no libxml2 (nor the ICU and C++ libraries it brings: about a
** millisecond of every process's start-up): when it first meets a page
** sniffed as HTML it requires this module and reads the page through the
** reader it hands over. Owns nothing: the reader is a constant.
**
** This module is linked with its own copies of the library files the
** reader calls (llbuild.c's builder, llpage.c, llmem.c, ...: see the
** Makefile's HTML_LIB and the rockspec). The two copies never meet by
** name: both modules are built with -fvisibility=hidden, so only their
** luaopen_ functions are exported, and Lua loads C modules RTLD_LOCAL;
** the reader this module hands over calls its own copies of the builder's
** functions on a builder the core made, which is the same code over the
** same layout, the modules being built from one source tree (LL_HTML_ABI
** is checked besides).
*/
#include "lua.h"
#include "lauxlib.h"
#include "llcompat.h" /* Lua 5.1 to 5.4 and LuaJIT, through the 5.4 API */

#include "ll.h"
#include "llhtml.h"

LUALIB_API int luaopen_leninletter_html(lua_State *L);

/* require "leninletter.html" -> {reader = light userdata pointing at
** ll_html_reader, abi = LL_HTML_ABI}. Sets libxml2 up (ll_html_init:
** once for the process; running this again does nothing more), in the
** thread that loads it, before the core reads pages on two threads. */
__attribute__((visibility("default"))) LUALIB_API int luaopen_leninletter_html(lua_State *L) {
  lua_createtable(L, 0, 2);
  lua_pushlightuserdata(L, (void *)&ll_html_reader);
  lua_setfield(L, -2, "reader");
  lua_pushinteger(L, LL_HTML_ABI);
  lua_setfield(L, -2, "abi");
  ll_html_reader.init();
  return 1;
}
