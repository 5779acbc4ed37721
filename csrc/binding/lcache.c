/*
** lcache.c: core.loadcached, the command line's cache of compiled Lua
** chunks (included by lcore.c). bin/leninletter loads its modules through
** it: compiling them costs more than all the rest of a concordance over
** an index file (issue #16). Each module's bytecode (lua_dump, with its
** debug information, so that tracebacks keep their lines) is kept in a
** cache folder, one file a source path, and used for as long as the
** source is the same, byte for byte. A cache file is
**   "LLBC" 1 0 0 0 | source length | source checksum | dump length |
**   dump checksum | the dump
** (the numbers u64 in the machine's order, as the dump itself), written
** to a temporary file and renamed: a reader sees an old file or a whole
** new one. A file that does not check, or that this interpreter does not
** load, is compiled over. The cache is an optimisation: nothing it fails
** to read or write is an error.
*/

#include <stdlib.h> /* mkstemp */

#define CACHE_MAGIC   "LLBC\1\0\0\0"
#define CACHE_HEADER  40 /* the magic and four u64s */
#define CACHE_MAXPATH 4096

/* the interpreter whose bytecode a cache file holds, in its file's name */
#if defined(LUA_RELEASE)
#define CACHE_VM LUA_RELEASE
#else
#define CACHE_VM LUA_VERSION
#endif

#if LUA_VERSION_NUM <= 502
#define cache_dump(L, w, ud) lua_dump((L), (w), (ud))
#else
#define cache_dump(L, w, ud) lua_dump((L), (w), (ud), 0)
#endif
#if LUA_VERSION_NUM == 501 /* 5.1 tells text from bytecode by itself */
#define cache_load(L, p, n, name, mode) luaL_loadbuffer((L), (p), (n), (name))
#else
#define cache_load luaL_loadbufferx
#endif

/* Reads the regular file at path whole into *out (n bytes, memory from m,
** freed with ll_free(m, *out, *n + 1)). With own set, only a file of this
** user's: bytecode is trusted as code, and a cache folder shared with
** others (LENINLETTER_CACHE=/tmp/x) must not run theirs. LL_OK,
** LL_ERRINPUT when it cannot be read (or is another's), LL_ERRMEM. */
static int cache_slurp(ll_Mem *m, const char *path, int own, char **out, size_t *n) {
#if defined(LL_POSIX)
  struct stat st;
  size_t got = 0;
  char *p;
  int fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC);
  if (fd < 0) return LL_ERRINPUT;
  if (fstat(fd, &st) != 0 || !S_ISREG(st.st_mode) || (own && st.st_uid != geteuid()) ||
      st.st_size < 0 || (unsigned long long)st.st_size > (unsigned long long)(SIZE_MAX / 2)) {
    close(fd);
    return LL_ERRINPUT;
  }
  p = (char *)ll_malloc(m, (size_t)st.st_size + 1);
  if (p == NULL) {
    close(fd);
    return LL_ERRMEM;
  }
  while (got < (size_t)st.st_size) {
    ssize_t r = read(fd, p + got, (size_t)st.st_size - got);
    if (r < 0 && errno == EINTR) continue;
    if (r <= 0) break;
    got += (size_t)r;
  }
  close(fd);
  if (got != (size_t)st.st_size) { /* shrunk, or unreadable, under us */
    ll_free(m, p, (size_t)st.st_size + 1);
    return LL_ERRINPUT;
  }
  *out = p;
  *n = got;
  return LL_OK;
#else
  (void)m, (void)path, (void)own, (void)out, (void)n;
  return LL_ERRINPUT;
#endif
}

static uint64_t cache_u64(const char *p) {
  uint64_t v;
  memcpy(&v, p, sizeof v);
  return v;
}

/* Loads the dump the cache file c[0, n) holds for the source src[0, srcn)
** and pushes its function: 1; or pushes nothing: 0 (no such file, another
** source, a damaged file, bytecode of another interpreter). */
static int cache_tryload(lua_State *L, const char *c, size_t n, const char *src, size_t srcn,
                         const char *chunkname) {
  uint64_t dumpn;
  if (n < CACHE_HEADER || memcmp(c, CACHE_MAGIC, 8) != 0) return 0;
  if (cache_u64(c + 8) != (uint64_t)srcn || cache_u64(c + 16) != ll_store_sum(src, srcn)) return 0;
  dumpn = cache_u64(c + 24);
  if (dumpn != (uint64_t)(n - CACHE_HEADER) ||
      cache_u64(c + 32) != ll_store_sum(c + CACHE_HEADER, (size_t)dumpn))
    return 0;
  if (cache_load(L, c + CACHE_HEADER, (size_t)dumpn, chunkname, "b") != LUA_OK) {
    lua_pop(L, 1); /* bytecode of another interpreter: compiled over */
    return 0;
  }
  return 1;
}

typedef struct CacheDump {
  ll_Mem *m;
  ll_Buf b;
} CacheDump;

static int cache_writer(lua_State *L, const void *p, size_t n, void *ud) {
  CacheDump *d = (CacheDump *)ud;
  (void)L;
  return ll_buf_add(d->m, &d->b, (const char *)p, n) == LL_OK ? 0 : 1;
}

#if defined(LL_POSIX)
static int cache_writeall(int fd, const char *p, size_t n) {
  while (n > 0) {
    ssize_t w = write(fd, p, n);
    if (w < 0 && errno == EINTR) continue;
    if (w <= 0) return -1;
    p += w;
    n -= (size_t)w;
  }
  return 0;
}

/* Makes the folder dir and those above it that are missing (mode 0700:
** the cache is the user's own). */
static void cache_mkdirs(const char *dir) {
  char p[CACHE_MAXPATH];
  size_t i, n = strlen(dir);
  if (n == 0 || n >= sizeof p) return;
  memcpy(p, dir, n + 1);
  for (i = 1; i < n; i++) {
    if (p[i] != '/') continue;
    p[i] = '\0';
    (void)mkdir(p, 0700);
    p[i] = '/';
  }
  (void)mkdir(p, 0700);
}
#endif

/* Writes the dump of the function on top of the stack for the source
** src[0, srcn) to the cache file path, in folder dir (made if missing).
** Best effort: returns nothing, leaves no temporary file. */
static void cache_store(lua_State *L, ll_Mem *m, const char *dir, const char *path, const char *src,
                        size_t srcn) {
#if defined(LL_POSIX)
  char tmp[CACHE_MAXPATH];
  char head[CACHE_HEADER];
  uint64_t v;
  CacheDump d;
  int fd, ok;
  size_t n = strlen(path);
  if (n + 8 > sizeof tmp) return;
  d.m = m;
  ll_buf_init(&d.b);
  if (cache_dump(L, cache_writer, &d) != 0 || d.b.n == 0) {
    ll_buf_free(m, &d.b);
    return;
  }
  memcpy(head, CACHE_MAGIC, 8);
  v = (uint64_t)srcn;
  memcpy(head + 8, &v, 8);
  v = ll_store_sum(src, srcn);
  memcpy(head + 16, &v, 8);
  v = (uint64_t)d.b.n;
  memcpy(head + 24, &v, 8);
  v = ll_store_sum(d.b.p, d.b.n);
  memcpy(head + 32, &v, 8);
  memcpy(tmp, path, n);
  memcpy(tmp + n, ".XXXXXX", 8);
  fd = mkstemp(tmp);
  if (fd < 0 && errno == ENOENT) {
    cache_mkdirs(dir);
    memcpy(tmp + n, ".XXXXXX", 8);
    fd = mkstemp(tmp);
  }
  if (fd >= 0) {
    ok = cache_writeall(fd, head, sizeof head) == 0 && cache_writeall(fd, d.b.p, d.b.n) == 0;
    ok = close(fd) == 0 && ok;
    if (!ok || rename(tmp, path) != 0) (void)unlink(tmp);
  }
  ll_buf_free(m, &d.b);
#else
  (void)L, (void)m, (void)dir, (void)path, (void)src, (void)srcn;
#endif
}

/* core.loadcached(path [, dir]) -> function, cached | nil, message: the
** Lua source file at path as loadfile loads it (its name in messages and
** tracebacks "path"), its bytecode taken from the cache folder dir when
** the source is the one that bytecode was made of (cached: true) and
** otherwise compiled and written there (cached: false). Without dir, no
** cache. nil and a message when the file cannot be read or does not
** compile. */
static int core_loadcached(lua_State *L) {
  const char *path = luaL_checkstring(L, 1);
  const char *dir = luaL_optstring(L, 2, NULL);
  const char *chunkname, *cachepath = NULL, *body;
  char *src = NULL, *c = NULL;
  size_t srcn = 0, cn = 0, skip = 0;
  int st, hit = 0;
  ll_Mem m;
  getmem(L, &m);
  chunkname = lua_pushfstring(L, "@%s", path);
  if (dir != NULL && *dir != '\0') {
    /* the file's name: a checksum of the interpreter and the source's path */
    const char *key = lua_pushfstring(L, "%s\n%s", CACHE_VM, path);
    unsigned long long h = (unsigned long long)ll_store_sum(key, strlen(key));
    char hex[17];
    (void)snprintf(hex, sizeof hex, "%016llx", h);
    cachepath = lua_pushfstring(L, "%s/%s.luac", dir, hex);
  }
  st = cache_slurp(&m, path, 0, &src, &srcn);
  if (st == LL_ERRMEM) return memerror(L);
  if (st != LL_OK) {
    lua_pushnil(L);
    lua_pushfstring(L, "cannot read %s", path);
    return 2;
  }
  if (cachepath != NULL) {
    st = cache_slurp(&m, cachepath, 1, &c, &cn);
    if (st == LL_OK) {
      hit = cache_tryload(L, c, cn, src, srcn, chunkname);
      ll_free(&m, c, cn + 1);
    }
  }
  if (!hit) {
    /* as luaL_loadfile: a UTF-8 byte order mark and a first line that
    ** starts with '#' are skipped (its newline kept: lines count on) */
    if (srcn >= 3 && memcmp(src, "\xEF\xBB\xBF", 3) == 0) skip = 3;
    if (skip < srcn && src[skip] == '#')
      while (skip < srcn && src[skip] != '\n') skip++;
    body = src + skip;
    st = cache_load(L, body, srcn - skip, chunkname, "t");
    if (st != LUA_OK) {
      ll_free(&m, src, srcn + 1);
      if (st == LUA_ERRMEM) return memerror(L);
      lua_pushnil(L);
      lua_insert(L, -2);
      return 2;
    }
    if (cachepath != NULL) cache_store(L, &m, dir, cachepath, src, srcn);
  }
  ll_free(&m, src, srcn + 1);
  lua_pushboolean(L, hit);
  return 2;
}
