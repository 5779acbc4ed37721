/*
** sanlua.c: a Lua 5.4 interpreter for `make asan`, built with the same
** sanitizers as the module under test. With the runtime linked into the
** program itself, nothing has to be preloaded, so the programs the specs
** start (make, sed, groff, pandoc, chromium ...) run as they always do;
** only the interpreter and the module are instrumented.
** Usage: sanlua SCRIPT [ARGS...]  (as `lua5.4 SCRIPT ARGS...`: `arg`, `...`,
** a first line starting with '#' skipped, the exit status of os.exit).
**
** Two things differ from lua5.4, both for LeakSanitizer, which checks at
** exit and, finding a leak, ends the process at once: standard output is
** flushed before that check, so what the specs printed is never lost; and C
** modules are never unloaded (dlclose does nothing), so a leak is reported
** with the frames of the module that made it, and what a library keeps
** behind its own globals for the life of the process (libxml2's parser
** state) stays reachable instead of being reported once its library is
** gone.
*/
#include <stdio.h>
#include <stdlib.h>

#include "lua.h"
#include "lauxlib.h"
#include "lualib.h"

/* Lua unloads C modules in lua_close; here they stay (see above). This
** definition takes the place of libc's for liblua too. */
int dlclose(void *handle) {
  (void)handle;
  return 0;
}

/* message handler: the error with a traceback, as lua.c gives it */
static int traceback(lua_State *L) {
  const char *msg = lua_tostring(L, 1);
  if (msg == NULL) {
    if (luaL_callmeta(L, 1, "__tostring") && lua_type(L, -1) == LUA_TSTRING) return 1;
    msg = lua_pushfstring(L, "(error object is a %s value)", luaL_typename(L, 1));
  }
  luaL_traceback(L, L, msg, 1);
  return 1;
}

/* runs argv[1] with argv[2..] in a protected call (the state on the stack) */
static int runscript(lua_State *L) {
  int argc = (int)lua_tointeger(L, 1);
  char **argv = (char **)lua_touserdata(L, 2);
  int i;
  luaL_openlibs(L);
  /* arg: the script at 0, the interpreter at -1, the arguments from 1 */
  lua_createtable(L, argc - 2, 2);
  for (i = 0; i < argc; i++) {
    lua_pushstring(L, argv[i]);
    lua_rawseti(L, -2, i - 1);
  }
  lua_setglobal(L, "arg");
  if (luaL_loadfile(L, argv[1]) != LUA_OK) return lua_error(L);
  for (i = 2; i < argc; i++) lua_pushstring(L, argv[i]);
  lua_call(L, argc - 2, 0);
  return 0;
}

/* at exit, before LeakSanitizer's check (registered earlier, run later) */
static void flushall(void) {
  fflush(NULL);
}

int main(int argc, char **argv) {
  lua_State *L;
  int st;
  atexit(flushall); /* os.exit ends the process without returning here */
  if (argc < 2) {
    fprintf(stderr, "usage: %s SCRIPT [ARGS...]\n", argv[0]);
    return 2;
  }
  L = luaL_newstate();
  if (L == NULL) {
    fprintf(stderr, "%s: cannot create a Lua state: not enough memory\n", argv[0]);
    return 1;
  }
  lua_pushcfunction(L, traceback);
  lua_pushcfunction(L, runscript);
  lua_pushinteger(L, argc);
  lua_pushlightuserdata(L, argv);
  st = lua_pcall(L, 2, 0, 1);
  if (st != LUA_OK) fprintf(stderr, "%s: %s\n", argv[0], lua_tostring(L, -1));
  lua_close(L);
  return st == LUA_OK ? EXIT_SUCCESS : EXIT_FAILURE;
}
