/*
** lcore.c: the Lua binding of the leninletter library (leninletter.core).
** Turns the library's results into Lua values; owns nothing but the
** Document userdata, whose __gc frees the C document.
*/
#include <string.h>

#include "lua.h"
#include "lauxlib.h"

#include "ll.h"
#include "llembed.h"

#if !defined(LUA_VERSION_NUM) || LUA_VERSION_NUM < 504
#error "leninletter.core needs Lua 5.4"
#endif

#define DOC_MT "leninletter.Document"

/* The userdata: a pointer to the C document, NULL once freed. */
typedef struct DocBox {
  ll_Doc *doc;
} DocBox;

static ll_Doc *checkdoc(lua_State *L, int i) {
  DocBox *box = (DocBox *)luaL_checkudata(L, i, DOC_MT);
  if (box->doc == NULL) luaL_argerror(L, i, "document has been closed");
  return box->doc;
}

static void getmem(lua_State *L, ll_Mem *m) {
  m->f = lua_getallocf(L, &m->ud);
}

/* Raises the error for a failed library call. */
static int failure(lua_State *L, int status, const char *err) {
  if (status == LL_ERRMEM) return luaL_error(L, "not enough memory");
  return luaL_error(L, "%s", err);
}

/* ------------------------------------------------------------------ */
/* Conversions                                                         */
/* ------------------------------------------------------------------ */

static void setstr(lua_State *L, const char *k, const char *v) {
  if (v == NULL) return;
  lua_pushstring(L, v);
  lua_setfield(L, -2, k);
}

static void setint(lua_State *L, const char *k, lua_Integer v) {
  lua_pushinteger(L, v);
  lua_setfield(L, -2, k);
}

/* pushes a number for an all-digit string, else the string itself */
static void pushnumstr(lua_State *L, const char *v) {
  const char *c = v;
  lua_Integer n = 0;
  if (*c == '\0') { lua_pushstring(L, v); return; }
  for (; *c; c++) {
    if (*c < '0' || *c > '9' || n > 100000000) {
      lua_pushstring(L, v);
      return;
    }
    n = n * 10 + (*c - '0');
  }
  lua_pushinteger(L, n);
}

static void setnumstr(lua_State *L, const char *k, const char *v) {
  if (v == NULL) return;
  pushnumstr(L, v);
  lua_setfield(L, -2, k);
}

/* Pushes a Block: text, refs, pagebreaks, sentences (and page labels). */
static void pushblock(lua_State *L, const ll_Block *b) {
  size_t i;
  luaL_checkstack(L, 6, "block");
  lua_createtable(L, 0, 5);
  lua_pushlstring(L, b->text, b->len);
  lua_setfield(L, -2, "text");
  lua_createtable(L, (int)b->nrefs, 0);
  for (i = 0; i < b->nrefs; i++) {
    lua_createtable(L, 0, 2);
    setint(L, "note", b->refs[i].note);
    setint(L, "pos", (lua_Integer)b->refs[i].pos + 1);
    lua_rawseti(L, -2, (lua_Integer)i + 1);
  }
  lua_setfield(L, -2, "refs");
  lua_createtable(L, (int)b->nbreaks, 0);
  for (i = 0; i < b->nbreaks; i++) {
    lua_pushinteger(L, (lua_Integer)b->breaks[i] + 1);
    lua_rawseti(L, -2, (lua_Integer)i + 1);
  }
  lua_setfield(L, -2, "pagebreaks");
  if (b->labels != NULL && b->nbreaks > 0) {
    lua_createtable(L, (int)b->nbreaks, 0);
    for (i = 0; i < b->nbreaks; i++) {
      if (b->labels[i] != NULL) lua_pushstring(L, b->labels[i]);
      else lua_pushboolean(L, 0);
      lua_rawseti(L, -2, (lua_Integer)i + 1);
    }
    lua_setfield(L, -2, "pagelabels");
  }
  lua_createtable(L, (int)b->nsents, 0);
  for (i = 0; i < b->nsents; i++) {
    lua_pushlstring(L, b->text + b->sents[i].start,
                    b->sents[i].end - b->sents[i].start);
    lua_rawseti(L, -2, (lua_Integer)i + 1);
  }
  lua_setfield(L, -2, "sentences");
}

static void pushstrings(lua_State *L, char **v, size_t n) {
  size_t i;
  lua_createtable(L, (int)n, 0);
  for (i = 0; i < n; i++) {
    lua_pushstring(L, v[i]);
    lua_rawseti(L, -2, (lua_Integer)i + 1);
  }
}

/* doc:tree() -> a fresh table of everything the parser read. */
static int doc_tree(lua_State *L) {
  ll_Doc *d = checkdoc(L, 1);
  size_t i, k;
  lua_createtable(L, 0, 16);
  setstr(L, "author", d->author);
  setstr(L, "number", d->number);
  if (d->title) {
    pushblock(L, d->title);
    lua_setfield(L, -2, "title");
  }
  if (d->subtitle) {
    pushblock(L, d->subtitle);
    lua_setfield(L, -2, "subtitle");
  }
  lua_createtable(L, (int)d->nfields, 0);  /* fields */
  lua_createtable(L, 0, (int)d->nfields);  /* meta */
  for (i = 0; i < d->nfields; i++) {
    lua_pushstring(L, d->fields[i].name);
    lua_rawseti(L, -3, (lua_Integer)i + 1);
    lua_getfield(L, -1, d->fields[i].name);
    if (lua_isnil(L, -1)) {  /* a name used twice keeps its first value */
      lua_pushstring(L, d->fields[i].value);
      lua_setfield(L, -3, d->fields[i].name);
    }
    lua_pop(L, 1);
  }
  lua_setfield(L, -3, "meta");
  lua_setfield(L, -2, "fields");
  if (d->source) {
    const ll_Source *s = d->source;
    lua_createtable(L, 0, 8);
    setstr(L, "work", s->work);
    setstr(L, "edition", s->edition);
    setstr(L, "publisher", s->publisher);
    setstr(L, "place", s->place);
    setnumstr(L, "year", s->year);
    setnumstr(L, "volume", s->volume);
    setnumstr(L, "first_page", s->first_page);
    setnumstr(L, "last_page", s->last_page);
    lua_setfield(L, -2, "source");
  }
  lua_createtable(L, (int)d->nparas, 0);
  for (i = 0; i < d->nparas; i++) {
    pushblock(L, &d->paras[i]);
    lua_rawseti(L, -2, (lua_Integer)i + 1);
  }
  lua_setfield(L, -2, "paragraphs");
  lua_createtable(L, (int)d->nnotes, 0);
  for (k = 0; k < d->nnotes; k++) {
    const ll_Note *nt = &d->notes[k];
    luaL_checkstack(L, 8, "notes");
    lua_createtable(L, 0, 4);
    setint(L, "n", nt->n);
    lua_createtable(L, (int)nt->nparas, 0);
    for (i = 0; i < nt->nparas; i++) {
      pushblock(L, &nt->paras[i]);
      lua_rawseti(L, -2, (lua_Integer)i + 1);
    }
    lua_setfield(L, -2, "paragraphs");
    lua_createtable(L, (int)nt->ncites, 0);
    for (i = 0; i < nt->ncites; i++) {
      const ll_Cite *c = &nt->cites[i];
      lua_createtable(L, 0, 3);
      setnumstr(L, "volume", c->volume);
      setnumstr(L, "first_page", c->first_page);
      setnumstr(L, "last_page", c->last_page);
      lua_rawseti(L, -2, (lua_Integer)i + 1);
    }
    lua_setfield(L, -2, "citations");
    lua_rawseti(L, -2, (lua_Integer)k + 1);
  }
  lua_setfield(L, -2, "notes");
  pushstrings(L, d->nav, d->nnav);
  lua_setfield(L, -2, "navigation");
  pushstrings(L, d->warnings, d->nwarnings);
  lua_setfield(L, -2, "warnings");
  return 1;
}

/* ------------------------------------------------------------------ */
/* Documents                                                           */
/* ------------------------------------------------------------------ */

static int doc_gc(lua_State *L) {
  DocBox *box = (DocBox *)luaL_checkudata(L, 1, DOC_MT);
  ll_doc_free(box->doc);
  box->doc = NULL;
  return 0;
}

static int doc_tostring(lua_State *L) {
  DocBox *box = (DocBox *)luaL_checkudata(L, 1, DOC_MT);
  if (box->doc == NULL) lua_pushliteral(L, "leninletter.Document (closed)");
  else lua_pushfstring(L, "leninletter.Document (%p)", (void *)box->doc);
  return 1;
}

/* Parses text into a new Document userdata on the stack; on bad input
** pushes nil and the message. The box exists before anything is
** allocated, so an error can never leak the document. */
static int pushparsed(lua_State *L, const char *s, size_t len) {
  DocBox *box = (DocBox *)lua_newuserdatauv(L, sizeof *box, 1);
  ll_Mem m;
  char err[LL_ERRSIZE];
  int st;
  box->doc = NULL;
  luaL_setmetatable(L, DOC_MT);
  getmem(L, &m);
  err[0] = '\0';
  st = ll_parse_text(&m, s, len, NULL, &box->doc, err, sizeof err);
  if (st == LL_ERRMEM) return failure(L, st, err);
  if (st != LL_OK) {
    lua_pushnil(L);
    lua_pushstring(L, err);
    return 2;
  }
  return 1;
}

/* core.parse(text) -> Document | nil, message */
static int core_parse(lua_State *L) {
  size_t len;
  const char *s = luaL_checklstring(L, 1, &len);
  return pushparsed(L, s, len);
}

/* core.letter() -> Document of the letter compiled in */
static int core_letter(lua_State *L) {
  return pushparsed(L, (const char *)ll_letter_text, LL_LETTER_LEN);
}

/* core.letter_text() -> the letter's text as compiled in */
static int core_letter_text(lua_State *L) {
  lua_pushlstring(L, (const char *)ll_letter_text, LL_LETTER_LEN);
  return 1;
}

/* ==== index and queries (llindex.c) ==== */

/* ==== end of index and queries ==== */

/* ==== dates (lldate.c) ==== */

/* ==== end of dates ==== */

/* ==== entities (llentity.c) ==== */

/* ==== end of entities ==== */

/* ==== HTML pages and corpora (llhtml.c) ==== */

/* ==== end of HTML pages and corpora ==== */

/* ==== random numbers for quizzes (llrand.c) ==== */

/* ==== end of random numbers ==== */

static const luaL_Reg doc_methods[] = {
  {"tree", doc_tree},
  {NULL, NULL}
};

static const luaL_Reg doc_meta[] = {
  {"__gc", doc_gc},
  {"__close", doc_gc},
  {"__tostring", doc_tostring},
  {NULL, NULL}
};

static const luaL_Reg core_funcs[] = {
  {"parse", core_parse},
  {"letter", core_letter},
  {"letter_text", core_letter_text},
  {NULL, NULL}
};

LUALIB_API int luaopen_leninletter_core(lua_State *L);

__attribute__((visibility("default")))
LUALIB_API int luaopen_leninletter_core(lua_State *L) {
  if (luaL_newmetatable(L, DOC_MT)) {
    luaL_setfuncs(L, doc_meta, 0);
    luaL_newlib(L, doc_methods);
    /* each section's methods and functions are registered here */
    lua_setfield(L, -2, "__index");
  }
  lua_pop(L, 1);
  luaL_newlib(L, core_funcs);
  return 1;
}
