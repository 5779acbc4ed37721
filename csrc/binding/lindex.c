/*
** lindex.c: the binding of index files (llstore.c), included by lcore.c
** at the end of its corpus section (it uses that section's CorpusBox,
** DocBox and Scratch). Owns the Writer userdata (an index file being
** written, removed by __gc unless finished) and the corpus of an index
** file: a CorpusBox whose store is set, whose index is the store's
** (mapped), and whose documents are made from their records when a query
** or c[i] first needs them.
*/

#include "llstore.h"

#define WRITER_MT "leninletter.IndexWriter"

typedef struct WriterBox {
  ll_StoreWriter *w; /* NULL once finished or given up */
} WriterBox;

static int writer_gc(lua_State *L) {
  WriterBox *b = (WriterBox *)luaL_checkudata(L, 1, WRITER_MT);
  ll_store_abort(b->w);
  b->w = NULL;
  return 0;
}

static ll_StoreWriter *checkwriter(lua_State *L) {
  WriterBox *b = (WriterBox *)luaL_checkudata(L, 1, WRITER_MT);
  if (b->w == NULL) luaL_argerror(L, 1, "index writer is finished");
  return b->w;
}

/* core.index_create(path) -> writer | nil, message */
static int core_index_create(lua_State *L) {
  const char *path = luaL_checkstring(L, 1);
  WriterBox *b = (WriterBox *)lua_newuserdatauv(L, sizeof *b, 0);
  ll_Mem m;
  char err[LL_ERRSIZE];
  int st;
  b->w = NULL;
  luaL_setmetatable(L, WRITER_MT);
  getmem(L, &m);
  st = ll_store_create(&m, path, &b->w, err, sizeof err);
  if (st != LL_OK) return nilerror(L, st, err);
  return 1;
}

/* C memory of one writer:add call, freed by __gc if anything raises. */
typedef struct AddTmp {
  ll_Mem mem;
  ll_Doc **docs;
  ll_PageInfo *infos;
  size_t n;
} AddTmp;

static int addtmp_gc(lua_State *L) {
  AddTmp *t = (AddTmp *)lua_touserdata(L, 1);
  ll_free(&t->mem, t->docs, t->n * sizeof *t->docs);
  ll_free(&t->mem, t->infos, t->n * sizeof *t->infos);
  t->docs = NULL;
  t->infos = NULL;
  return 0;
}

/* Frees the documents of the Document userdata docs[i] (the table at
** index 2) for which owned[i] (the table at index 5) is true: the pages
** ll.index parsed or took from an old file, which nothing else holds. */
static void freeowned(lua_State *L, lua_Integer n) {
  lua_Integer i;
  for (i = 1; i <= n; i++) {
    lua_rawgeti(L, 5, i);
    if (lua_toboolean(L, -1)) {
      DocBox *box;
      lua_rawgeti(L, 2, i);
      box = (DocBox *)luaL_testudata(L, -1, DOC_MT);
      if (box != NULL) {
        ll_doc_free(box->doc);
        box->doc = NULL;
      }
      lua_pop(L, 1);
    }
    lua_pop(L, 1);
  }
}

/* w:add(docs, paths, stats [, owned]) -> true | nil, message: docs an
** array of Document userdata; paths[i] the path of the i-th (false for
** none); stats[i] its file's {size, mtime_s, mtime_ns [, content]}
** (false when unknown; content the 8-byte checksum core.load gives); owned[i] true when the writer is to close docs[i] once it is
** written (ll.index's own pages: their memory is given back at once, not
** when the collector gets to them, which kept the heap large and cold on
** large corpora, issue #16). */
/* The content checksum at [4] of the stat table at index i: an 8-byte
** string (pushcontent), else 0 (unknown). */
static uint64_t getcontent(lua_State *L, int i) {
  uint64_t c = 0;
  size_t len;
  const char *s;
  lua_rawgeti(L, i, 4);
  s = lua_tolstring(L, -1, &len);
  if (lua_type(L, -1) == LUA_TSTRING && len == sizeof c) memcpy(&c, s, sizeof c);
  lua_pop(L, 1);
  return c;
}

static int writer_add(lua_State *L) {
  ll_StoreWriter *w = checkwriter(L);
  lua_Integer i, n;
  AddTmp *t;
  char err[LL_ERRSIZE];
  int st, owned;
  luaL_checktype(L, 2, LUA_TTABLE);
  luaL_checktype(L, 3, LUA_TTABLE);
  luaL_checktype(L, 4, LUA_TTABLE);
  owned = !lua_isnoneornil(L, 5);
  if (owned) luaL_checktype(L, 5, LUA_TTABLE);
  lua_settop(L, 5);
  n = luaL_len(L, 2);
  t = (AddTmp *)lua_newuserdatauv(L, sizeof *t, 0);
  memset(t, 0, sizeof *t);
  getmem(L, &t->mem);
  lua_newtable(L);
  lua_pushcfunction(L, addtmp_gc);
  lua_setfield(L, -2, "__gc");
  lua_setmetatable(L, -2);
  if (n <= 0) {
    lua_pushboolean(L, 1);
    return 1;
  }
  if ((size_t)n > (size_t)-1 / sizeof(ll_PageInfo)) return memerror(L);
  t->docs = (ll_Doc **)ll_malloc(&t->mem, (size_t)n * sizeof *t->docs);
  t->infos = (ll_PageInfo *)ll_malloc(&t->mem, (size_t)n * sizeof *t->infos);
  t->n = (size_t)n;
  if (t->docs == NULL || t->infos == NULL) return memerror(L);
  for (i = 1; i <= n; i++) {
    ll_PageInfo *in = &t->infos[i - 1];
    lua_rawgeti(L, 2, i);
    t->docs[i - 1] = checkdoc(L, -1);
    lua_pop(L, 1);
    in->path = NULL;
    in->pathlen = 0;
    in->size = in->mtime_s = in->mtime_ns = -1;
    in->content = 0;
    lua_rawgeti(L, 3, i);
    if (lua_type(L, -1) == LUA_TSTRING) in->path = lua_tolstring(L, -1, &in->pathlen);
    lua_pop(L, 1); /* the string stays in the paths table */
    lua_rawgeti(L, 4, i);
    if (lua_istable(L, -1)) {
      lua_rawgeti(L, -1, 1);
      lua_rawgeti(L, -2, 2);
      lua_rawgeti(L, -3, 3);
      in->size = (int64_t)lua_tointeger(L, -3);
      in->mtime_s = (int64_t)lua_tointeger(L, -2);
      in->mtime_ns = (int64_t)lua_tointeger(L, -1);
      lua_pop(L, 3);
      in->content = getcontent(L, -1);
    }
    lua_pop(L, 1);
  }
  st = ll_store_add(w, t->docs, t->infos, t->n, err, sizeof err);
  if (owned) freeowned(L, n);
  if (st != LL_OK) return nilerror(L, st, err);
  lua_pushboolean(L, 1);
  return 1;
}

/* w:warn(message) */
static int writer_warn(lua_State *L) {
  ll_StoreWriter *w = checkwriter(L);
  size_t len;
  const char *s = luaL_checklstring(L, 2, &len);
  if (ll_store_warn(w, s, len) != LL_OK) return memerror(L);
  return 0;
}

/* w:finish() -> true | nil, message (the file is in place, or nothing is) */
static int writer_finish(lua_State *L) {
  WriterBox *b = (WriterBox *)luaL_checkudata(L, 1, WRITER_MT);
  ll_StoreWriter *w = checkwriter(L);
  char err[LL_ERRSIZE];
  int st;
  b->w = NULL;
  st = ll_store_finish(w, err, sizeof err);
  if (st != LL_OK) return nilerror(L, st, err);
  lua_pushboolean(L, 1);
  return 1;
}

/* w:abort(): removes the temporary file */
static int writer_abort(lua_State *L) {
  return writer_gc(L);
}

static const luaL_Reg writer_methods[] = {{"add", writer_add},
                                          {"warn", writer_warn},
                                          {"finish", writer_finish},
                                          {"abort", writer_abort},
                                          {NULL, NULL}};

/* ---- the corpus of an index file ---- */

static int store_gc(CorpusBox *cb) {
  size_t i;
  if (cb->docs != NULL)
    for (i = 0; i < cb->n; i++) ll_doc_free(cb->docs[i]);
  ll_free(&cb->mem, cb->docs, cb->n * sizeof *cb->docs);
  cb->docs = NULL;
  cb->ix = NULL; /* the store's */
  ll_store_close(cb->store);
  cb->store = NULL;
  return 0;
}

/* Raises message err as it is: it names the file and what in it is
** corrupted, and no place in the Lua code that asked ("PATH: index file
** corrupted: its vocabulary", not "query.lua:114: PATH: ..."). */
static int fileerror(lua_State *L, const char *err) {
  lua_pushstring(L, err);
  return lua_error(L);
}

/* Raises the error of a page that could not be made. */
static int pageerror(lua_State *L, int st, const char *err) {
  if (st == LL_ERRMEM) return memerror(L);
  return fileerror(L, err);
}

/* Document d of the corpus, for its hits: made from its record on first
** use and kept by the box (in an array made with the first: opening
** makes nothing that grows with the pages). */
static ll_Doc *corpusdoc(lua_State *L, CorpusBox *cb, size_t d) {
  char err[LL_ERRSIZE];
  int st;
  if (cb->store == NULL) return cb->docs[d];
  if (cb->docs == NULL) {
    cb->docs = (ll_Doc **)ll_malloc(&cb->mem, cb->n * sizeof *cb->docs);
    if (cb->docs == NULL) memerror(L);
    memset(cb->docs, 0, cb->n * sizeof *cb->docs);
  }
  if (cb->docs[d] == NULL) {
    st = ll_store_page(cb->store, &cb->mem, d, &cb->docs[d], err, sizeof err);
    if (st != LL_OK) pageerror(L, st, err);
  }
  return cb->docs[d];
}

/* Document d of the corpus where it is made already, else NULL (the
** array of documents is made with the first). */
static const ll_Doc *madedoc(const CorpusBox *cb, size_t d) {
  return cb->docs != NULL ? cb->docs[d] : NULL;
}

/* Pushes the Hit h (global: the same with its corpus segment) on page d
** of an index file's corpus, its place and text read from the file
** (ll_store_seg) where the page's document is not made: a query's hits on
** many pages make none. 0, pushing nothing, on another corpus, or where
** the page is corrupted or its record does not say (the caller makes the
** page, which raises why). */
static int pushstorehit(lua_State *L, CorpusBox *cb, size_t d, const ll_Hit *global,
                        const ll_Hit *h, lua_Integer width) {
  ll_Seg sg;
  const char *field;
  size_t fieldlen;
  if (cb->store == NULL || madedoc(cb, d) != NULL ||
      !ll_store_seg(cb->store, global->seg, &sg, &field, &fieldlen))
    return 0;
  pushseghit(L, &sg, field, fieldlen, h, width);
  return 1;
}

static CorpusBox *checkstore(lua_State *L) {
  CorpusBox *cb = (CorpusBox *)luaL_checkudata(L, 1, CORPUS_MT);
  if (cb->store == NULL) luaL_argerror(L, 1, "not the corpus of an index file");
  return cb;
}

/* core.index_open(path) -> Corpus | nil, message */
static int core_index_open(lua_State *L) {
  const char *path = luaL_checkstring(L, 1);
  CorpusBox *cb = (CorpusBox *)lua_newuserdatauv(L, sizeof *cb, 1);
  char err[LL_ERRSIZE];
  int st;
  memset(cb, 0, sizeof *cb);
  getmem(L, &cb->mem);
  luaL_setmetatable(L, CORPUS_MT);
  st = ll_store_open(&cb->mem, path, &cb->store, err, sizeof err);
  if (st != LL_OK) return nilerror(L, st, err);
  cb->n = ll_store_npages(cb->store);
  cb->ix = (ll_Index *)ll_store_index(cb->store);
  return 1;
}

/* cx:cx_page(i) -> a new Document userdata of page i (1-based) */
static int cx_page(lua_State *L) {
  CorpusBox *cb = checkstore(L);
  lua_Integer i = luaL_checkinteger(L, 2);
  DocBox *box;
  char err[LL_ERRSIZE];
  int st;
  luaL_argcheck(L, i >= 1 && (size_t)i <= cb->n, 2, "no such page");
  box = (DocBox *)lua_newuserdatauv(L, sizeof *box, 1);
  box->doc = NULL;
  luaL_setmetatable(L, DOC_MT);
  st = ll_store_page(cb->store, &cb->mem, (size_t)i - 1, &box->doc, err, sizeof err);
  if (st != LL_OK) return pageerror(L, st, err);
  return 1;
}

/* cx:cx_title(i) -> page i's title, or nil: from the document where it
** is made, else read from the file (ll_store_title) without making it;
** a corrupted page is made, which raises why */
static int cx_title(lua_State *L) {
  CorpusBox *cb = checkstore(L);
  lua_Integer i = luaL_checkinteger(L, 2);
  const ll_Doc *d;
  luaL_argcheck(L, i >= 1 && (size_t)i <= cb->n, 2, "no such page");
  if (madedoc(cb, (size_t)i - 1) == NULL) {
    const char *text;
    size_t len;
    int got = ll_store_title(cb->store, (size_t)i - 1, &text, &len);
    if (got == 0) return 0;
    if (got > 0) {
      lua_pushlstring(L, text, len);
      return 1;
    }
  }
  d = corpusdoc(L, cb, (size_t)i - 1);
  if (d->title == NULL) return 0;
  lua_pushlstring(L, d->title->text, d->title->len);
  return 1;
}

/* cx:cx_pages([stats]) -> array of each page's path (false for none), and
** when stats is true an array of {size, mtime_s, mtime_ns [, content]}
** (pushstat; false when unknown): only an update needs them, and a table a
** page costs an open; nil, message when a page's entry is corrupted */
static int cx_pages(lua_State *L) {
  CorpusBox *cb = checkstore(L);
  int stats = lua_toboolean(L, 2);
  size_t i;
  lua_createtable(L, (int)(cb->n < 0x7FFFFFFF ? cb->n : 0), 0);
  if (stats) lua_createtable(L, (int)(cb->n < 0x7FFFFFFF ? cb->n : 0), 0);
  for (i = 0; i < cb->n; i++) {
    ll_PageInfo in;
    ll_store_info(cb->store, i, &in);
    if (in.path != NULL)
      lua_pushlstring(L, in.path, in.pathlen);
    else
      lua_pushboolean(L, 0);
    lua_rawseti(L, stats ? -3 : -2, (lua_Integer)i + 1);
    if (!stats) continue;
    pushstat(L, &in);
    lua_rawseti(L, -2, (lua_Integer)i + 1);
  }
  {
    char err[LL_ERRSIZE];
    if (ll_store_fault(cb->store, err, sizeof err)) {
      ll_store_clearfault(cb->store);
      lua_pushnil(L);
      lua_pushstring(L, err);
      return 2;
    }
  }
  return stats ? 2 : 1;
}

/* Raises what the last read of the store met corrupted, if anything. */
static void raisefault(lua_State *L, CorpusBox *cb) {
  char err[LL_ERRSIZE];
  if (ll_store_fault(cb->store, err, sizeof err)) {
    ll_store_clearfault(cb->store);
    fileerror(L, err);
  }
}

/* cx:cx_path(i) -> page i's path (1-based), or false: one page's, where
** cx_pages makes a table of every page's */
static int cx_path(lua_State *L) {
  CorpusBox *cb = checkstore(L);
  lua_Integer i = luaL_checkinteger(L, 2);
  ll_PageInfo in;
  luaL_argcheck(L, i >= 1 && (size_t)i <= cb->n, 2, "no such page");
  ll_store_clearfault(cb->store);
  ll_store_info(cb->store, (size_t)i - 1, &in);
  raisefault(L, cb);
  if (in.path != NULL)
    lua_pushlstring(L, in.path, in.pathlen);
  else
    lua_pushboolean(L, 0);
  return 1;
}

/* cx:cx_common() -> the folder every page's path starts with (ending in
** "/", or ""), or nil when no page has a path: the first path's folder,
** its last folders dropped until every path starts with what is left */
static int cx_common(lua_State *L) {
  CorpusBox *cb = checkstore(L);
  const char *first = NULL;
  size_t i, n = 0;
  ll_store_clearfault(cb->store);
  for (i = 0; i < cb->n; i++) {
    ll_PageInfo in;
    ll_store_info(cb->store, i, &in);
    if (in.path == NULL) continue;
    if (first == NULL) {
      first = in.path;
      for (n = in.pathlen; n > 0 && first[n - 1] != '/';) n--;
      continue;
    }
    while (n > 0 && (in.pathlen < n || memcmp(in.path, first, n) != 0)) {
      n--; /* drop the last folder: back to the '/' before it, or to "" */
      while (n > 0 && first[n - 1] != '/') n--;
    }
  }
  raisefault(L, cb);
  if (first == NULL) return 0;
  lua_pushlstring(L, first, n);
  return 1;
}

/* cx:cx_stale() -> array of the (1-based) pages whose file is gone, has
** another size, or another modification time and other bytes (the
** content checksum, where the file keeps one) than when it was read; and
** a table page -> {size, mtime_s, mtime_ns, content} of the pages whose
** time changed and whose bytes did not, the size and time as they were
** before the bytes were read (an update keeps them: a file written again
** after that shows as another time, so is read again next time) */
static int cx_stale(lua_State *L) {
  CorpusBox *cb = checkstore(L);
  size_t i;
  lua_Integer k = 0;
  luaL_Buffer b;
  lua_newtable(L); /* the stale pages */
  lua_newtable(L); /* the pages with a new time and the same bytes */
  for (i = 0; i < cb->n; i++) {
    ll_PageInfo in, now;
    const char *path;
    int stale;
    ll_store_info(cb->store, i, &in);
    if (in.path == NULL) continue;
    /* the path, '\0'-terminated, through a Lua buffer */
    luaL_buffinit(L, &b);
    luaL_addlstring(&b, in.path, in.pathlen);
    luaL_pushresult(&b);
    path = lua_tostring(L, -1);
    if (ll_store_statfile(path, &now) != LL_OK || now.size != in.size)
      stale = 1;
    else if (now.mtime_s == in.mtime_s && now.mtime_ns == in.mtime_ns)
      stale = 0;
    else if (in.content == 0) /* a file written before content checksums */
      stale = 1;
    else {
      int st = ll_store_filecontent(&cb->mem, path, &now.content);
      if (st == LL_ERRMEM) return memerror(L);
      stale = st != LL_OK || now.content != in.content;
      if (!stale) {
        pushstat(L, &now);
        lua_rawseti(L, -3, (lua_Integer)i + 1);
      }
    }
    if (stale) {
      lua_pushinteger(L, (lua_Integer)i + 1);
      lua_rawseti(L, -4, ++k);
    }
    lua_pop(L, 1);
  }
  return 2;
}

/* cx:cx_warnings() -> array of the warnings written with the index */
static int cx_warnings(lua_State *L) {
  CorpusBox *cb = checkstore(L);
  const char *s;
  size_t len, k;
  lua_newtable(L);
  for (k = 0; ll_store_warning(cb->store, k, &s, &len); k++) {
    lua_pushlstring(L, s, len);
    lua_rawseti(L, -2, (lua_Integer)k + 1);
  }
  return 1;
}

/* cx:cx_check() -> true | nil, message: what opening left unchecked, and
** every page's record made */
static int cx_check(lua_State *L) {
  CorpusBox *cb = checkstore(L);
  char err[LL_ERRSIZE];
  size_t i;
  if (ll_store_check_all(cb->store, err, sizeof err) != LL_OK) {
    lua_pushnil(L);
    lua_pushstring(L, err);
    return 2;
  }
  for (i = 0; i < cb->n; i++) {
    ll_Doc *d;
    int st = ll_store_page(cb->store, &cb->mem, i, &d, err, sizeof err);
    if (st != LL_OK) return nilerror(L, st, err);
    ll_doc_free(d);
  }
  lua_pushboolean(L, 1);
  return 1;
}

/* core.filestat(path) -> size, mtime_s, mtime_ns | nil */
static int core_filestat(lua_State *L) {
  ll_PageInfo in;
  if (ll_store_statfile(luaL_checkstring(L, 1), &in) != LL_OK) return 0;
  lua_pushinteger(L, (lua_Integer)in.size);
  lua_pushinteger(L, (lua_Integer)in.mtime_s);
  lua_pushinteger(L, (lua_Integer)in.mtime_ns);
  return 3;
}

static const luaL_Reg store_methods[] = {
    {"cx_page", cx_page},         {"cx_title", cx_title},   {"cx_pages", cx_pages},
    {"cx_path", cx_path},         {"cx_common", cx_common}, {"cx_stale", cx_stale},
    {"cx_warnings", cx_warnings}, {"cx_check", cx_check},   {NULL, NULL}};

/* A corpus query (upvalue 1, a function of corpus_methods) over any
** corpus; on an index file's, what the query met corrupted (and skipped)
** is raised after it: "path: index file corrupted: page N's ...", as a
** page whose record is corrupted raises when it is made. */
static int storequery(lua_State *L) {
  CorpusBox *cb = (CorpusBox *)luaL_testudata(L, 1, CORPUS_MT);
  char err[LL_ERRSIZE];
  int n = lua_gettop(L);
  if (cb != NULL && cb->store != NULL) ll_store_clearfault(cb->store);
  lua_pushvalue(L, lua_upvalueindex(1));
  lua_insert(L, 1);
  lua_call(L, n, LUA_MULTRET);
  if (cb != NULL && cb->store != NULL && ll_store_fault(cb->store, err, sizeof err))
    return fileerror(L, err);
  return lua_gettop(L);
}

/* Registers the writer's metatable and core's index functions in the
** table on top; the corpus methods go into the Corpus __index (below it),
** each query wrapped by storequery. */
static void openstore(lua_State *L) {
  const luaL_Reg *r;
  if (luaL_newmetatable(L, WRITER_MT)) {
    lua_pushcfunction(L, writer_gc);
    lua_setfield(L, -2, "__gc");
    luaL_newlib(L, writer_methods);
    lua_setfield(L, -2, "__index");
  }
  lua_pop(L, 1);
  luaL_getmetatable(L, CORPUS_MT);
  lua_getfield(L, -1, "__index");
  for (r = corpus_methods; r->name != NULL; r++) {
    lua_pushcfunction(L, r->func);
    lua_pushcclosure(L, storequery, 1);
    lua_setfield(L, -2, r->name);
  }
  luaL_setfuncs(L, store_methods, 0);
  lua_pop(L, 2);
  lua_pushcfunction(L, core_index_create);
  lua_setfield(L, -2, "index_create");
  lua_pushcfunction(L, core_index_open);
  lua_setfield(L, -2, "index_open");
  lua_pushcfunction(L, core_filestat);
  lua_setfield(L, -2, "filestat");
}
