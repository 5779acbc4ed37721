/*
** lcore.c: the Lua binding of the leninletter library (leninletter.core).
** Turns the library's results into Lua values; owns nothing but the
** Document userdata, whose __gc frees the C document.
*/
#if defined(__unix__) || defined(__APPLE__)
#define _POSIX_C_SOURCE 200809L /* fileno, fstat, sysconf, threads */
#define LL_POSIX
#if defined(__linux__)
#define _DEFAULT_SOURCE /* madvise: a large page read on huge pages */
#include <sys/mman.h>
#endif
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>
#if !defined(LL_NO_THREADS)
#define LL_THREADS /* core.load and the corpus index run on two threads */
#include <pthread.h>
#endif
#endif

#include <errno.h>
#include <stdio.h>
#include <string.h>

#include "lua.h"
#include "lauxlib.h"
#include "llcompat.h" /* Lua 5.1 to 5.4 and LuaJIT, through the 5.4 API */

#include "ll.h"
#include "llembed.h"
#include "llindex.h"
#include "llstore.h"

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

/* Raises "not enough memory" with no position, as Lua's own memory errors
** and lauxlib's are: luaL_error would prefix the caller's line. */
static int memerror(lua_State *L) {
  lua_pushliteral(L, "not enough memory");
  return lua_error(L);
}

/* Returns nil and the message of a library call that failed as expected
** (a file that cannot be read, a corrupted index); raises for memory. */
static int nilerror(lua_State *L, int status, const char *err) {
  if (status == LL_ERRMEM) return memerror(L);
  lua_pushnil(L);
  lua_pushstring(L, err);
  return 2;
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
  if (*c == '\0') {
    lua_pushstring(L, v);
    return;
  }
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

/* Sets the structure fields of the Block table on top of the stack: kind,
** level (headings), label (items), rows (tables), spans. */
static void pushstructure(lua_State *L, const ll_Block *b) {
  static const char *const inl[] = {"emphasis", "strong", "link"};
  size_t i, r, c = 0;
  int kind = b->kind >= 0 && b->kind < LL_NKINDS ? b->kind : LL_PARAGRAPH;
  lua_pushstring(L, ll_kind_names[kind]);
  lua_setfield(L, -2, "kind");
  if (kind == LL_HEADING) setint(L, "level", b->level > 0 ? b->level : 1);
  setstr(L, "label", b->label);
  if (kind == LL_TABLE && b->table != NULL) {
    const ll_Table *t = b->table;
    lua_createtable(L, (int)t->nrows, 0);
    for (r = 0; r < t->nrows; r++) {
      lua_createtable(L, (int)t->rowcells[r], 0);
      for (i = 0; i < t->rowcells[r] && c < t->ncells; i++, c++) {
        lua_pushlstring(L, b->text + t->cells[c].start, t->cells[c].end - t->cells[c].start);
        lua_rawseti(L, -2, (lua_Integer)i + 1);
      }
      lua_rawseti(L, -2, (lua_Integer)r + 1);
    }
    lua_setfield(L, -2, "rows");
  }
  lua_createtable(L, (int)b->nspans, 0);
  for (i = 0; i < b->nspans; i++) {
    const ll_Inline *sp = &b->spans[i];
    lua_createtable(L, 0, 4);
    lua_pushstring(L, inl[sp->kind >= 0 && sp->kind <= LL_LINK ? sp->kind : 0]);
    lua_setfield(L, -2, "kind");
    setint(L, "pos", (lua_Integer)sp->pos + 1);
    setint(L, "len", (lua_Integer)sp->len);
    setstr(L, "href", sp->href);
    lua_rawseti(L, -2, (lua_Integer)i + 1);
  }
  lua_setfield(L, -2, "spans");
}

/* Pushes a Block: text, refs, pagebreaks, sentences (and page labels). */
static void pushblock(lua_State *L, const ll_Block *b) {
  size_t i;
  luaL_checkstack(L, 8, "block");
  lua_createtable(L, 0, 10);
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
      if (b->labels[i] != NULL)
        lua_pushstring(L, b->labels[i]);
      else
        lua_pushboolean(L, 0);
      lua_rawseti(L, -2, (lua_Integer)i + 1);
    }
    lua_setfield(L, -2, "pagelabels");
  }
  lua_createtable(L, (int)b->nsents, 0);
  for (i = 0; i < b->nsents; i++) {
    lua_pushlstring(L, b->text + b->sents[i].start, b->sents[i].end - b->sents[i].start);
    lua_rawseti(L, -2, (lua_Integer)i + 1);
  }
  lua_setfield(L, -2, "sentences");
  lua_createtable(L, (int)b->nsents, 0);
  for (i = 0; i < b->nsents; i++) {
    lua_pushinteger(L, (lua_Integer)b->sents[i].start + 1);
    lua_rawseti(L, -2, (lua_Integer)i + 1);
  }
  lua_setfield(L, -2, "sentence_pos");
  pushstructure(L, b);
}

/* Pushes a citation: {text, pos, len, paragraph, work, present, volume,
** first_page, last_page, ranges = {{first, last}, ...}}. */
static void pushcite(lua_State *L, const ll_Cite *c) {
  size_t r;
  luaL_checkstack(L, 4, "citation");
  lua_createtable(L, 0, 10);
  lua_pushlstring(L, c->text, c->len);
  lua_setfield(L, -2, "text");
  setint(L, "pos", (lua_Integer)c->pos + 1);
  setint(L, "len", (lua_Integer)c->len);
  setint(L, "paragraph", (lua_Integer)c->para + 1);
  setstr(L, "work", c->work);
  lua_pushboolean(L, c->present);
  lua_setfield(L, -2, "present");
  if (c->volume > 0) setint(L, "volume", c->volume);
  if (c->nranges > 0) {
    setint(L, "first_page", c->ranges[0]);
    setint(L, "last_page", c->ranges[1]);
  }
  lua_createtable(L, (int)c->nranges, 0);
  for (r = 0; r < c->nranges; r++) {
    lua_createtable(L, 2, 0);
    lua_pushinteger(L, c->ranges[2 * r]);
    lua_rawseti(L, -2, 1);
    lua_pushinteger(L, c->ranges[2 * r + 1]);
    lua_rawseti(L, -2, 2);
    lua_rawseti(L, -2, (lua_Integer)r + 1);
  }
  lua_setfield(L, -2, "ranges");
}

static void pushstrings(lua_State *L, char **v, size_t n) {
  size_t i;
  lua_createtable(L, (int)n, 0);
  for (i = 0; i < n; i++) {
    lua_pushstring(L, v[i]);
    lua_rawseti(L, -2, (lua_Integer)i + 1);
  }
}

/* Sets t.fields (the header's field names in order) and t.meta (name ->
** value, a name used twice keeping its first value) on the table on top. */
static void setfields(lua_State *L, const ll_Doc *d) {
  size_t i;
  lua_createtable(L, (int)d->nfields, 0); /* fields */
  lua_createtable(L, 0, (int)d->nfields); /* meta */
  for (i = 0; i < d->nfields; i++) {
    lua_pushstring(L, d->fields[i].name);
    lua_rawseti(L, -3, (lua_Integer)i + 1);
    lua_getfield(L, -1, d->fields[i].name);
    if (lua_isnil(L, -1)) {
      lua_pushstring(L, d->fields[i].value);
      lua_setfield(L, -3, d->fields[i].name);
    }
    lua_pop(L, 1);
  }
  lua_setfield(L, -3, "meta");
  lua_setfield(L, -2, "fields");
}

/* Sets t.fieldrefs, the markers of header fields, {field = name, note = n,
** pos = p}, on the table on top. */
static void setfieldrefs(lua_State *L, const ll_Doc *d) {
  size_t i, j, k = 0;
  lua_newtable(L);
  for (i = 0; i < d->nfields; i++) {
    for (j = 0; j < d->fields[i].nrefs; j++) {
      lua_createtable(L, 0, 3);
      setstr(L, "field", d->fields[i].name);
      setint(L, "note", d->fields[i].refs[j].note);
      setint(L, "pos", (lua_Integer)d->fields[i].refs[j].pos + 1);
      lua_rawseti(L, -2, (lua_Integer)++k);
    }
  }
  lua_setfield(L, -2, "fieldrefs");
}

/* Sets t.source, the Source field's parts, on the table on top. */
static void setsource(lua_State *L, const ll_Source *s) {
  lua_createtable(L, 0, 8);
  setstr(L, "work", s->work);
  setstr(L, "edition", s->edition);
  setstr(L, "publisher", s->publisher);
  setstr(L, "place", s->place);
  setnumstr(L, "year", s->year);
  if (s->volume > 0) setint(L, "volume", s->volume);
  if (s->volumes > 0) setint(L, "volumes", s->volumes);
  setstr(L, "issue", s->issue);
  setnumstr(L, "first_page", s->first_page);
  setnumstr(L, "last_page", s->last_page);
  lua_setfield(L, -2, "source");
}

/* Pushes an array of the n blocks b. */
static void pushblocks(lua_State *L, const ll_Block *b, size_t n) {
  size_t i;
  lua_createtable(L, (int)n, 0);
  for (i = 0; i < n; i++) {
    pushblock(L, &b[i]);
    lua_rawseti(L, -2, (lua_Integer)i + 1);
  }
}

/* Sets t.notes, each {n, paragraphs, citations}, on the table on top. */
static void setnotes(lua_State *L, const ll_Doc *d) {
  size_t i, k;
  lua_createtable(L, (int)d->nnotes, 0);
  for (k = 0; k < d->nnotes; k++) {
    const ll_Note *nt = &d->notes[k];
    luaL_checkstack(L, 8, "notes");
    lua_createtable(L, 0, 4);
    setint(L, "n", nt->n);
    pushblocks(L, nt->paras, nt->nparas);
    lua_setfield(L, -2, "paragraphs");
    lua_createtable(L, (int)nt->ncites, 0);
    for (i = 0; i < nt->ncites; i++) {
      pushcite(L, &nt->cites[i]);
      lua_rawseti(L, -2, (lua_Integer)i + 1);
    }
    lua_setfield(L, -2, "citations");
    lua_rawseti(L, -2, (lua_Integer)k + 1);
  }
  lua_setfield(L, -2, "notes");
}

/* Sets t.bodyrefs, every footnote marker of the body, {paragraph = i,
** note = n, pos = p, sentence = k} in document order (k the sentence
** holding the byte before the marker, as document.lua's refsentence reads
** a Block's sentence_pos; absent when the block has no sentence), and
** t.headings, every heading of the body, {paragraph = i, level = l, text =
** s}: what the Lua layer needs of the paragraphs before it makes them. */
static void setbodyindex(lua_State *L, const ll_Doc *d) {
  size_t i, j, k = 0;
  lua_newtable(L);
  for (i = 0; i < d->nparas; i++) {
    const ll_Block *b = &d->paras[i];
    for (j = 0; j < b->nrefs; j++) {
      size_t at = b->refs[j].pos > 0 ? b->refs[j].pos : 1; /* 1-based: the byte before */
      luaL_checkstack(L, 4, "refs");
      lua_createtable(L, 0, 4);
      setint(L, "paragraph", (lua_Integer)i + 1);
      setint(L, "note", b->refs[j].note);
      setint(L, "pos", (lua_Integer)b->refs[j].pos + 1);
      if (b->nsents > 0) {
        size_t lo = 0, hi = b->nsents; /* the last sentence starting at or before at */
        while (hi - lo > 1) {
          size_t mid = lo + (hi - lo) / 2;
          if (b->sents[mid].start + 1 <= at)
            lo = mid;
          else
            hi = mid;
        }
        setint(L, "sentence", (lua_Integer)lo + 1);
      }
      lua_rawseti(L, -2, (lua_Integer)++k);
    }
  }
  lua_setfield(L, -2, "bodyrefs");
  lua_newtable(L);
  k = 0;
  for (i = 0; i < d->nparas; i++) {
    const ll_Block *b = &d->paras[i];
    if (b->kind != LL_HEADING) continue;
    luaL_checkstack(L, 4, "headings");
    lua_createtable(L, 0, 3);
    setint(L, "paragraph", (lua_Integer)i + 1);
    setint(L, "level", b->level > 0 ? b->level : 1);
    lua_pushlstring(L, b->text, b->len);
    lua_setfield(L, -2, "text");
    lua_rawseti(L, -2, (lua_Integer)++k);
  }
  lua_setfield(L, -2, "headings");
  setint(L, "nparagraphs", (lua_Integer)d->nparas);
}

/* doc:paragraphs() -> a fresh array of the body's Blocks (what
** doc:tree().paragraphs holds). */
static int doc_paragraphs(lua_State *L) {
  ll_Doc *d = checkdoc(L, 1);
  pushblocks(L, d->paras, d->nparas);
  return 1;
}

/* doc:paratext(i) -> the text of body paragraph i, or nil. */
static int doc_paratext(lua_State *L) {
  ll_Doc *d = checkdoc(L, 1);
  lua_Integer i = luaL_checkinteger(L, 2);
  if (i < 1 || (size_t)(i - 1) >= d->nparas) return 0;
  lua_pushlstring(L, d->paras[i - 1].text, d->paras[i - 1].len);
  return 1;
}

/* doc:tree([paragraphs]) -> a fresh table of everything the parser read;
** with paragraphs false, no paragraphs but bodyrefs, headings and
** nparagraphs (see setbodyindex), for a Document that makes its
** paragraphs only when they are read. */
static int doc_tree(lua_State *L) {
  ll_Doc *d = checkdoc(L, 1);
  int paras = lua_isnoneornil(L, 2) || lua_toboolean(L, 2);
  lua_createtable(L, 0, 16);
  setstr(L, "author", d->author);
  setstr(L, "number", d->number);
  if (d->first_page > 0) setint(L, "first_page", d->first_page);
  if (d->title) {
    pushblock(L, d->title);
    lua_setfield(L, -2, "title");
  }
  if (d->subtitle) {
    pushblock(L, d->subtitle);
    lua_setfield(L, -2, "subtitle");
  }
  setfields(L, d);
  setfieldrefs(L, d);
  if (d->source) setsource(L, d->source);
  if (paras) {
    pushblocks(L, d->paras, d->nparas);
    lua_setfield(L, -2, "paragraphs");
  } else {
    setbodyindex(L, d);
  }
  setnotes(L, d);
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
  if (box->doc == NULL)
    lua_pushliteral(L, "leninletter.Document (closed)");
  else
    lua_pushfstring(L, "leninletter.Document (%p)", (void *)box->doc);
  return 1;
}

/* ------------------------------------------------------------------ */
/* The HTML reader and the stemmer (leninletter.html, leninletter.stem) */
/* ------------------------------------------------------------------ */

/* This module links no libxml2 (nor the ICU and C++ libraries it brings,
** a millisecond of every process's start-up) nor libstemmer (0.2 ms): HTML
** pages are read by the reader of the module leninletter.html, required
** the first time a page is sniffed as HTML, and a query stems through the
** stemmer of leninletter.stem, required at the first query that stems.
** Each is kept in the registry of the state once loaded, so a process that
** reads no HTML, or never stems, never loads it. */

/* A module that hands this one a constant: its name, the registry key it
** is kept under, the field of its table holding it (a light userdata) and
** the abi its field abi must give; for messages, what needs it and what it
** is, in short and in full. */
typedef struct Plugin {
  const char *module, *key, *field;
  int abi;
  const char *need, *shortname, *name;
} Plugin;

static const Plugin html_plugin = {"leninletter.html", "leninletter.core.html", "reader",
                                   LL_HTML_ABI,        "an HTML page",          "reader",
                                   "HTML reader"};
static const Plugin stem_plugin = {"leninletter.stem", "leninletter.core.stem", "stemmer",
                                   LL_STEM_ABI,        "a stem query",          "stemmer",
                                   "stemmer"};

/* require(module name at 1), under lua_pcall */
static int requiremodule(lua_State *L) {
  lua_getglobal(L, "require");
  lua_insert(L, 1);
  lua_call(L, 1, 1);
  return 1;
}

/* The constant plugin p hands over: from the registry, else required and
** kept there (*loaded then 1); *st untouched. NULL when the module cannot
** be loaded, *st then LL_ERRMEM ("not enough memory" in err) or
** LL_ERRINPUT with the reason, naming the module, in err: the first line
** of require's message. */
static const void *getplugin(lua_State *L, const Plugin *p, int *loaded, int *st, char *err,
                             size_t errsz) {
  const void *r;
  int top = lua_gettop(L), status;
  *loaded = 0;
  lua_getfield(L, LUA_REGISTRYINDEX, p->key);
  r = lua_touserdata(L, -1);
  lua_settop(L, top);
  if (r != NULL) return r;
  lua_pushcfunction(L, requiremodule);
  lua_pushstring(L, p->module);
  status = lua_pcall(L, 1, 1, 0);
  if (status == LUA_ERRMEM) {
    snprintf(err, errsz, "not enough memory");
  } else if (status != 0) {
    const char *msg = lua_tostring(L, -1);
    size_t n;
    if (msg == NULL) msg = "(error object is not a string)";
    n = strcspn(msg, "\n");
    if (n > 0 && msg[n - 1] == ':') n--;
    snprintf(err, errsz, "%s, and its %s cannot be loaded: %.*s", p->need, p->shortname, (int)n,
             msg);
  } else if (lua_type(L, -1) != LUA_TTABLE) {
    snprintf(err, errsz, "%s, and module '%s' is not the %s", p->need, p->module, p->name);
  } else {
    lua_getfield(L, -1, "abi");
    lua_getfield(L, -2, p->field);
    if (lua_type(L, -2) == LUA_TNUMBER && lua_tointeger(L, -2) == p->abi &&
        lua_type(L, -1) == LUA_TLIGHTUSERDATA)
      r = lua_touserdata(L, -1);
    else
      snprintf(err, errsz, "%s, and module '%s' is not this version's %s", p->need, p->module,
               p->name);
  }
  lua_settop(L, top);
  if (r == NULL) {
    *st = status == LUA_ERRMEM ? LL_ERRMEM : LL_ERRINPUT;
    return NULL;
  }
  lua_pushlightuserdata(L, (void *)r);
  lua_setfield(L, LUA_REGISTRYINDEX, p->key);
  *loaded = 1;
  return r;
}

/* The HTML reader (getplugin), its init run when it is first loaded, in
** this thread: libxml2 is set up before any page is read on two threads. */
static const ll_HtmlReader *gethtml(lua_State *L, int *st, char *err, size_t errsz) {
  int loaded;
  const ll_HtmlReader *r =
      (const ll_HtmlReader *)getplugin(L, &html_plugin, &loaded, st, err, errsz);
  if (r != NULL && loaded) r->init();
  return r;
}

/* The stemmer (getplugin). */
static const ll_Stemmer *getstemmer(lua_State *L, int *st, char *err, size_t errsz) {
  int loaded;
  return (const ll_Stemmer *)getplugin(L, &stem_plugin, &loaded, st, err, errsz);
}

/* Parses text into a new Document userdata on the stack; on bad input
** pushes nil and the message. The box exists before anything is
** allocated, so an error can never leak the document. An HTML page loads
** the HTML reader first (gethtml), which runs Lua: s must be anchored. */
static int pushparsed(lua_State *L, const char *s, size_t len) {
  DocBox *box;
  const ll_HtmlReader *html = NULL;
  ll_Mem m;
  char err[LL_ERRSIZE];
  int st;
  if (ll_html_sniff(s, len) && (html = gethtml(L, &st, err, sizeof err)) == NULL)
    return nilerror(L, st, err);
  box = (DocBox *)lua_newuserdatauv(L, sizeof *box, 1);
  box->doc = NULL;
  luaL_setmetatable(L, DOC_MT);
  getmem(L, &m);
  st = ll_read_page(&m, html, s, len, &box->doc, err, sizeof err);
  if (st != LL_OK) return nilerror(L, st, err);
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

/* ------------------------------------------------------------------ */
/* Work on two threads                                                 */
/* ------------------------------------------------------------------ */

/* runtasks(L, n, fn, ctx) calls fn(m, ctx, i) once for each i in [0, n),
** on two threads where the system has two cores (each thread takes the
** next i not yet taken), else on this one. fn must call nothing of Lua
** and allocate only through m: Lua's allocator, through a mutex while
** two threads run, so the allocator is never called from two threads at
** once. A mutex, not a spin lock: a thread that waited for the other's
** allocation (a page fault, a heap consolidated, a thread preempted on
** the shared machine) spun on its core, 1-3% of an index build's CPU
** (issue #16); a mutex taken without contention costs about the same. Nothing of Lua runs until both threads are done, and nothing here
** can raise: the caller owns, in a userdata with __gc, whatever fn makes
** and keeps. Lock and thread live on this C stack only. */

typedef struct Tasks {
  ll_Mem lua;    /* Lua's allocator */
  ll_Mem locked; /* the same, through the lock */
  ll_TaskFn fn;
  void *ctx;
  size_t n, next;
#ifdef LL_THREADS
  pthread_mutex_t lock; /* held for one allocator call or one claim */
#endif
} Tasks;

#ifdef LL_THREADS
/* Lua's allocator under the lock. */
static void *lockedalloc(void *ud, void *ptr, size_t osize, size_t nsize) {
  Tasks *t = (Tasks *)ud;
  void *r;
  pthread_mutex_lock(&t->lock);
  r = t->lua.f(t->lua.ud, ptr, osize, nsize);
  pthread_mutex_unlock(&t->lock);
  return r;
}

/* takes the next task no thread has taken; n when none is left */
static size_t nexttask(Tasks *t) {
  size_t i;
  pthread_mutex_lock(&t->lock);
  i = t->next < t->n ? t->next++ : t->n;
  pthread_mutex_unlock(&t->lock);
  return i;
}

static void *worker(void *ud) {
  Tasks *t = (Tasks *)ud;
  size_t i;
  while ((i = nexttask(t)) < t->n) t->fn(&t->locked, t->ctx, i);
  return NULL;
}
#endif

/* The tasks run on two new threads while this one waits, not on this one
** and a second: the C library's allocator gives each thread a heap of its
** own, and this thread's holds Lua's objects and, while ll.index writes a
** large corpus, the index's growing arrays, among which every allocation
** of a parse took twice as long (issue #16). Where a second thread cannot
** be started, the tasks run on the one that was, or on this one. */
static void runtasks(lua_State *L, size_t n, ll_TaskFn fn, void *ctx) {
  Tasks t;
  size_t i;
  memset(&t, 0, sizeof t);
  getmem(L, &t.lua);
  t.fn = fn;
  t.ctx = ctx;
  t.n = n;
#ifdef LL_THREADS
  if (n >= 2 && sysconf(_SC_NPROCESSORS_ONLN) > 1 && pthread_mutex_init(&t.lock, NULL) == 0) {
    pthread_t th[2];
    int k, started = 0;
    t.locked.f = lockedalloc;
    t.locked.ud = &t;
    for (k = 0; k < 2; k++)
      if (pthread_create(&th[started], NULL, worker, &t) == 0) started++;
    if (started == 0)
      while ((i = nexttask(&t)) < n) fn(&t.locked, ctx, i);
    for (k = 0; k < started; k++) pthread_join(th[k], NULL);
    pthread_mutex_destroy(&t.lock);
    return;
  }
#endif
  for (i = 0; i < n; i++) fn(&t.lua, ctx, i); /* one thread */
}

/* runtasks as an ll_Runner, for the library (ud is the lua_State) */
static void luarunner(void *ud, size_t n, ll_TaskFn fn, void *ctx) {
  runtasks((lua_State *)ud, n, fn, ctx);
}

/* ------------------------------------------------------------------ */
/* Many pages at once (ll.corpus)                                      */
/* ------------------------------------------------------------------ */

/* core.load(paths) reads and parses a list of files, through runtasks.
** What the tasks make is owned by the Batch userdata, whose __gc frees
** the documents not yet handed out. */

#define BATCH_MT "leninletter.Batch"

/* PAGE_HTML: read and sniffed as HTML while the batch had no HTML reader
** yet; read again once core.load has loaded it (see core_load) */
enum { PAGE_TODO = 0, PAGE_OPEN, PAGE_READ, PAGE_PARSED, PAGE_HTML };

typedef struct Page {
  const char *path; /* a string of the paths table, on the stack */
  size_t pathlen;   /* its length: a path with a NUL in it is refused */
  ll_Doc *doc;      /* the parsed page, until a Document box takes it */
  int stage;        /* PAGE_*: where it stopped */
  int st;           /* the parse's status */
  int errnum;       /* errno when the file could not be opened or read */
  int hasstat;      /* the file was opened: size and mtime below are its */
  long long size, mtime_s, mtime_ns;
  uint64_t content; /* ll_store_content of the bytes read, or 0 */
  char err[LL_ERRSIZE];
} Page;

/* the largest page core.load reads unless told otherwise (ll.corpus's
** max_page_size): 64 MB, 175 times the largest page of the archive's
** sample (365 KB) */
#define LL_MAXPAGE ((lua_Integer)64 << 20)

typedef struct Batch {
  size_t n;
  size_t maxpage;            /* bytes: a larger file is refused unread */
  const ll_HtmlReader *html; /* the HTML reader, or NULL: not loaded yet */
  int content;               /* each page's content checksum is wanted */
  Page pages[1];             /* n of them */
} Batch;

static int batch_gc(lua_State *L) {
  Batch *b = (Batch *)luaL_checkudata(L, 1, BATCH_MT);
  size_t i;
  for (i = 0; i < b->n; i++) {
    ll_doc_free(b->pages[i].doc);
    b->pages[i].doc = NULL;
  }
  return 0;
}

/* Refuses page pg with a message (stage PAGE_PARSED, status LL_ERRINPUT). */
static int refuse(Page *pg, const char *fmt, unsigned long long a, unsigned long long b) {
  snprintf(pg->err, sizeof pg->err, fmt, a, b);
  pg->st = LL_ERRINPUT;
  return PAGE_PARSED;
}

#ifdef LL_POSIX
/* what a file that is not a regular file is, for the message */
static const char *filekind(mode_t m) {
  if (S_ISFIFO(m)) return "a FIFO";
  if (S_ISCHR(m)) return "a character device";
  if (S_ISBLK(m)) return "a block device";
  if (S_ISSOCK(m)) return "a socket";
  return "not a regular file";
}
#endif

/* A file open for reading: a descriptor opened without blocking, or a
** stream where there is no POSIX. */
typedef struct PageFile {
#ifdef LL_POSIX
  int fd;
#else
  FILE *f;
#endif
} PageFile;

static void closefile(PageFile *pf) {
#ifdef LL_POSIX
  close(pf->fd);
#else
  fclose(pf->f);
#endif
}

/* Opens pg's file into pf. Returns PAGE_TODO when open (*want then the
** bytes to ask for first: the file's size and room for one more, so a
** regular file takes one read), else the stage it stopped at, nothing left
** open: PAGE_OPEN (pg->errnum), PAGE_READ (pg->errnum, or 0 and pg->err
** saying what the file is when it is no regular file: a FIFO would wait
** for a writer for ever, a device never end), or PAGE_PARSED (larger than
** max bytes). Checked on the descriptor opened, so a file swapped in after
** the folder was listed is checked too. */
static int openfile(Page *pg, PageFile *pf, size_t max, size_t *want) {
#ifdef LL_POSIX
  struct stat sb;
  pf->fd = open(pg->path, O_RDONLY | O_NONBLOCK | O_CLOEXEC);
  if (pf->fd < 0) {
    pg->errnum = errno;
    return PAGE_OPEN;
  }
  if (fstat(pf->fd, &sb) != 0) {
    pg->errnum = errno;
    closefile(pf);
    return PAGE_READ;
  }
  if (S_ISDIR(sb.st_mode)) {
    pg->errnum = EISDIR;
    closefile(pf);
    return PAGE_READ;
  }
  if (!S_ISREG(sb.st_mode)) {
    closefile(pf);
    pg->errnum = 0;
    snprintf(pg->err, sizeof pg->err, "%s, not a regular file", filekind(sb.st_mode));
    return PAGE_READ;
  }
  pg->hasstat = 1; /* what stat(path) gives, from the file opened */
  pg->size = (long long)sb.st_size;
  pg->mtime_s = (long long)sb.st_mtim.tv_sec;
  pg->mtime_ns = (long long)sb.st_mtim.tv_nsec;
  if (sb.st_size > 0 && (unsigned long long)sb.st_size > max) {
    closefile(pf);
    return refuse(pg, "page too large: %llu bytes (the limit is %llu)",
                  (unsigned long long)sb.st_size, (unsigned long long)max);
  }
  if (sb.st_size > 0) *want = (size_t)sb.st_size + 2;
#else
  (void)max;
  (void)want;
  pf->f = fopen(pg->path, "rb");
  if (pf->f == NULL) {
    pg->errnum = errno;
    return PAGE_OPEN;
  }
#endif
  return PAGE_TODO;
}

/* Reads at most n bytes of pf into p: the count (0 at the end), or -1
** with *errnum set. */
static long readsome(PageFile *pf, char *p, size_t n, int *errnum) {
#ifdef LL_POSIX
  for (;;) {
    ssize_t r = read(pf->fd, p, n);
    if (r < 0 && errno == EINTR) continue;
    if (r < 0) *errnum = errno;
    return r < 0 ? -1 : (long)r;
  }
#else
  size_t got = fread(p, 1, n, pf->f);
  if (got == 0 && ferror(pf->f)) {
    *errnum = errno;
    return -1;
  }
  return (long)got;
#endif
}

/* Reads pf to its end into buf, growing it want bytes first, then doubling,
** never past max + 2 bytes (a file that grows past max while it is read
** stops there and is refused by the caller). Returns PAGE_TODO, PAGE_READ
** (pg->errnum) or PAGE_PARSED (pg->st = LL_ERRMEM). */
static int readall(ll_Mem *m, Page *pg, PageFile *pf, ll_Buf *buf, size_t want, size_t max) {
  for (;;) {
    long got;
    if (buf->cap - buf->n < 2) {
      char *np;
      if (buf->n > max) return PAGE_TODO;
      if (want > max + 2 - buf->cap) want = max + 2 - buf->cap;
      np = (char *)ll_realloc(m, buf->p, buf->cap, buf->cap + want);
      if (np == NULL) {
        pg->st = LL_ERRMEM;
        snprintf(pg->err, sizeof pg->err, "not enough memory");
        return PAGE_PARSED;
      }
      buf->p = np;
      buf->cap += want;
      want = buf->cap; /* the file is longer than it said: double */
#if defined(MADV_HUGEPAGE)
      if (buf->cap >= ((size_t)8 << 20)) { /* whole 2 MB pages inside it */
        size_t a = ((size_t)buf->p + ((size_t)2 << 20) - 1) & ~(((size_t)2 << 20) - 1);
        size_t e = ((size_t)buf->p + buf->cap) & ~(((size_t)2 << 20) - 1);
        if (e > a) (void)madvise((void *)a, e - a, MADV_HUGEPAGE);
      }
#endif
    }
    got = readsome(pf, buf->p + buf->n, buf->cap - buf->n - 1, &pg->errnum);
    if (got < 0) return PAGE_READ;
    if (got == 0) return PAGE_TODO;
    buf->n += (size_t)got;
  }
}

/* Reads a whole file into buf (NUL-terminated). Returns PAGE_TODO when
** read, PAGE_OPEN or PAGE_READ with pg->errnum set (or, for a file that
** is no regular file, errnum 0 and pg->err), or PAGE_PARSED with pg->st =
** LL_ERRMEM or LL_ERRINPUT (refused: a NUL in the path, larger than max
** bytes) and pg->err. */
static int readpage(ll_Mem *m, Page *pg, ll_Buf *buf, size_t max) {
  size_t want = 65536;
  PageFile pf;
  int stage;
  if (strlen(pg->path) != pg->pathlen) return refuse(pg, "a path with a NUL byte in it", 0, 0);
  stage = openfile(pg, &pf, max, &want);
  if (stage != PAGE_TODO) return stage;
  stage = readall(m, pg, &pf, buf, want, max);
  closefile(&pf);
  if (stage != PAGE_TODO) return stage;
  if (buf->n > max)
    return refuse(pg, "page too large: more than %llu bytes (the limit is %llu)",
                  (unsigned long long)max, (unsigned long long)max);
  buf->p[buf->n] = '\0';
  return PAGE_TODO;
}

/* Reads and parses page i of the batch (an ll_TaskFn), unless it is done
** (a second round reads only the pages left at PAGE_TODO). An HTML page
** while the batch has no HTML reader is left at PAGE_HTML, unparsed. */
static void loadpage(ll_Mem *m, void *ctx, size_t i) {
  Batch *bt = (Batch *)ctx;
  Page *pg = &bt->pages[i];
  ll_Buf buf;
  int stage;
  if (pg->stage != PAGE_TODO) return;
  ll_buf_init(&buf);
  stage = readpage(m, pg, &buf, bt->maxpage);
  /* (readpage ends what it read with a NUL: buf.p is never NULL here) */
  if (stage == PAGE_TODO && bt->content) pg->content = ll_store_content(buf.p, buf.n);
  if (stage == PAGE_TODO && bt->html == NULL && ll_html_sniff(buf.p, buf.n)) {
    stage = PAGE_HTML;
  } else if (stage == PAGE_TODO) {
    pg->st =
        ll_read_page(m, bt->html, buf.n > 0 ? buf.p : "", buf.n, &pg->doc, pg->err, sizeof pg->err);
    stage = PAGE_PARSED;
  }
  ll_buf_free(m, &buf);
  pg->stage = stage;
}

/* The pages of batch b that were sniffed as HTML before the HTML reader
** was there: the reader is loaded (gethtml) and they are read again, on
** two threads, or, if it cannot be loaded, each is given the reason. This
** happens once a state at most: later batches find the reader loaded. */
static void loadhtml(lua_State *L, Batch *b) {
  size_t i, k = 0;
  int st;
  char err[LL_ERRSIZE];
  for (i = 0; i < b->n; i++) k += b->pages[i].stage == PAGE_HTML;
  if (k == 0) return;
  b->html = gethtml(L, &st, err, sizeof err);
  for (i = 0; i < b->n; i++) {
    Page *pg = &b->pages[i];
    if (pg->stage != PAGE_HTML) continue;
    if (b->html != NULL) {
      pg->stage = PAGE_TODO;
      pg->errnum = 0;
    } else {
      pg->stage = PAGE_PARSED;
      pg->st = st;
      memcpy(pg->err, err, sizeof err);
    }
  }
  if (b->html != NULL) runtasks(L, b->n, loadpage, b);
}

/* Pushes {size, mtime_s, mtime_ns [, content]} of in (content as an
** 8-byte string, when known), or false when its size is unknown. */
static void pushstat(lua_State *L, const ll_PageInfo *in) {
  if (in->size < 0) {
    lua_pushboolean(L, 0);
    return;
  }
  lua_createtable(L, 4, 0);
  lua_pushinteger(L, (lua_Integer)in->size);
  lua_rawseti(L, -2, 1);
  lua_pushinteger(L, (lua_Integer)in->mtime_s);
  lua_rawseti(L, -2, 2);
  lua_pushinteger(L, (lua_Integer)in->mtime_ns);
  lua_rawseti(L, -2, 3);
  if (in->content != 0) {
    lua_pushlstring(L, (const char *)&in->content, sizeof in->content);
    lua_rawseti(L, -2, 4);
  }
}

/* Pushes an array of the pages' {size, mtime_s, mtime_ns, content} as the
** opened files gave them (pushstat: content the checksum of the bytes read)
** and false for a page whose file was not opened. */
static void pushstats(lua_State *L, const Batch *b) {
  size_t i;
  lua_createtable(L, (int)b->n, 0);
  for (i = 0; i < b->n; i++) {
    const Page *pg = &b->pages[i];
    ll_PageInfo in;
    memset(&in, 0, sizeof in);
    in.size = pg->hasstat ? (int64_t)pg->size : -1;
    in.mtime_s = (int64_t)pg->mtime_s;
    in.mtime_ns = (int64_t)pg->mtime_ns;
    in.content = pg->content;
    pushstat(L, &in);
    lua_rawseti(L, -2, (lua_Integer)i + 1);
  }
}

/* core.load(paths [, maxbytes [, stats]]) -> array, for each path its
** Document or the reason it failed ("cannot open: ...", "cannot read:
** ...", "page too large: ...", "not enough memory", or the parser's): one
** page that fails, for memory too, never fails the others. Files larger
** than maxbytes (default LL_MAXPAGE) are refused unread. When stats is
** true, a second array: each file's {size, mtime_s, mtime_ns, content}
** from the descriptor it was read through (what core.filestat gives,
** without looking the path up again: ll.index keeps them) and the
** checksum of the bytes read (pushstats), false where the file could not
** be opened. */
static int core_load(lua_State *L) {
  size_t n, i;
  Batch *b;
  Page *pg;
  ll_Mem m;
  lua_Integer maxpage;
  int stats = lua_toboolean(L, 3);
  luaL_checktype(L, 1, LUA_TTABLE);
  maxpage = luaL_optinteger(L, 2, LL_MAXPAGE);
  luaL_argcheck(L, maxpage >= 1, 2, "page size limit must be positive");
  n = (size_t)lua_rawlen(L, 1);
  if (n > ((size_t)-1 - sizeof(Batch)) / sizeof(Page)) return memerror(L);
  b = (Batch *)lua_newuserdatauv(L, sizeof(Batch) + (n > 0 ? n - 1 : 0) * sizeof(Page), 0);
  b->n = 0;
  b->html = NULL;
  b->content = stats;
  b->maxpage = (unsigned long long)maxpage < (size_t)-1 / 4 ? (size_t)maxpage : (size_t)-1 / 4;
  luaL_setmetatable(L, BATCH_MT);
  for (i = 0; i < n; i++) {
    pg = &b->pages[i];
    memset(pg, 0, sizeof *pg);
    lua_rawgeti(L, 1, (lua_Integer)i + 1);
    if (lua_type(L, -1) != LUA_TSTRING)
      return luaL_argerror(L, 1, lua_pushfstring(L, "paths[%d] is not a string", (int)i + 1));
    pg->path = lua_tolstring(L, -1, &pg->pathlen); /* kept alive by the table */
    lua_pop(L, 1);
    b->n = i + 1;
  }
  /* the HTML reader if it is loaded; else HTML pages load it, then are
     read again (loadhtml) */
  lua_getfield(L, LUA_REGISTRYINDEX, html_plugin.key);
  b->html = (const ll_HtmlReader *)lua_touserdata(L, -1);
  lua_pop(L, 1);
  runtasks(L, n, loadpage, b);
  loadhtml(L, b);
  /* one thread again: the documents answer to Lua's allocator alone */
  getmem(L, &m);
  for (i = 0; i < n; i++)
    if (b->pages[i].doc != NULL) b->pages[i].doc->mem = m;
  lua_createtable(L, (int)n, 0);
  for (i = 0; i < n; i++) {
    pg = &b->pages[i];
    if (pg->doc != NULL) {
      DocBox *box = (DocBox *)lua_newuserdatauv(L, sizeof *box, 1);
      box->doc = NULL;
      luaL_setmetatable(L, DOC_MT);
      box->doc = pg->doc;
      pg->doc = NULL;
    } else if (pg->stage == PAGE_OPEN) {
      lua_pushfstring(L, "cannot open: %s", strerror(pg->errnum));
    } else if (pg->stage == PAGE_READ) {
      lua_pushfstring(L, "cannot read: %s", pg->errnum != 0 ? strerror(pg->errnum) : pg->err);
    } else if (pg->st == LL_ERRMEM) {
      lua_pushliteral(L, "not enough memory");
    } else {
      lua_pushstring(L, pg->err);
    }
    lua_rawseti(L, -2, (lua_Integer)i + 1);
  }
  if (!stats) return 1;
  pushstats(L, b);
  return 2;
}

static const luaL_Reg batch_meta[] = {{"__gc", batch_gc}, {"__close", batch_gc}, {NULL, NULL}};

/* ==== index and queries (llindex.c) ==== */

#define SCRATCH_MT "leninletter.Scratch"

/* C memory held across calls that may raise: a userdata whose __gc frees
** it, so a Lua error never leaks. */
typedef struct Scratch {
  ll_Mem mem;
  ll_Query q;
  ll_Vec v;            /* hits, frequencies, n-grams or collocates */
  ll_Buf b;            /* a normal form */
  ll_Vec ids;          /* word ids of an LPeg query */
  unsigned char *skip; /* one byte per word id, or NULL */
  size_t nskip;
  size_t *offs; /* dispersion offsets */
  size_t noffs;
  ll_Query *subs; /* a co-occurrence's queries (nsubs of them), or NULL */
  size_t nsubs;
  size_t within;  /* a co-occurrence's reach: 0 for a sentence */
  size_t *perdoc; /* counts or sizes per document */
  size_t nperdoc;
  unsigned char *pick; /* keywords: one byte per document */
  ll_Vec hv;           /* hits, where v holds something else */
} Scratch;

static int scratch_gc(lua_State *L) {
  Scratch *s = (Scratch *)lua_touserdata(L, 1);
  size_t i;
  for (i = 0; i < s->nsubs; i++) ll_query_free(&s->mem, &s->subs[i]);
  ll_free(&s->mem, s->subs, s->nsubs * sizeof *s->subs);
  ll_free(&s->mem, s->perdoc, s->nperdoc * sizeof *s->perdoc);
  ll_free(&s->mem, s->pick, s->nperdoc);
  s->subs = NULL;
  s->perdoc = NULL;
  s->pick = NULL;
  s->nsubs = s->nperdoc = 0;
  ll_vec_free(&s->mem, &s->hv);
  ll_query_free(&s->mem, &s->q);
  ll_vec_free(&s->mem, &s->v);
  ll_buf_free(&s->mem, &s->b);
  ll_vec_free(&s->mem, &s->ids);
  ll_free(&s->mem, s->skip, s->nskip);
  ll_free(&s->mem, s->offs, s->noffs * sizeof(size_t));
  s->skip = NULL;
  s->offs = NULL;
  s->nskip = s->noffs = 0;
  return 0;
}

/* pushes a new Scratch whose vector has elements of size esz */
static Scratch *newscratch(lua_State *L, size_t esz) {
  Scratch *s = (Scratch *)lua_newuserdatauv(L, sizeof *s, 0);
  getmem(L, &s->mem);
  ll_query_init(&s->q);
  ll_vec_init(&s->v, esz);
  ll_buf_init(&s->b);
  ll_vec_init(&s->ids, sizeof(uint32_t));
  s->skip = NULL;
  s->offs = NULL;
  s->nskip = s->noffs = 0;
  s->subs = NULL;
  s->nsubs = 0;
  s->within = 0;
  s->perdoc = NULL;
  s->nperdoc = 0;
  s->pick = NULL;
  ll_vec_init(&s->hv, sizeof(ll_Hit));
  if (luaL_newmetatable(L, SCRATCH_MT)) {
    lua_pushcfunction(L, scratch_gc);
    lua_setfield(L, -2, "__gc");
  }
  lua_setmetatable(L, -2);
  return s;
}

/* Pushes nil and the message of a page that could not be read (stage, as
** readpage left it): "cannot open PATH: why" or "cannot read PATH: why";
** raises on running out of memory. Returns 2. */
static int pushreaderror(lua_State *L, const Page *pg, int stage) {
  if (stage == PAGE_PARSED && pg->st == LL_ERRMEM) return memerror(L);
  lua_pushnil(L);
  if (stage == PAGE_READ)
    lua_pushfstring(L, "cannot read %s: %s", pg->path,
                    pg->errnum != 0 ? strerror(pg->errnum) : pg->err);
  else
    lua_pushfstring(L, "cannot open %s: %s", pg->path,
                    stage == PAGE_OPEN ? strerror(pg->errnum) : pg->err);
  return 2;
}

/* core.readfile(path) -> the file's bytes, or nil and a message naming
** the path: "cannot open PATH: ..." or "cannot read PATH: ..." (a folder,
** a FIFO, a device: what it is). Read as core.load reads a page (opened
** without blocking, regular files only), with no limit on the size but
** memory's, which raises. */
static int core_readfile(lua_State *L) {
  Page pg;
  Scratch *s;
  int stage;
  memset(&pg, 0, sizeof pg);
  pg.path = luaL_checklstring(L, 1, &pg.pathlen);
  s = newscratch(L, 1); /* its buffer is freed should pushing raise */
  stage = readpage(&s->mem, &pg, &s->b, (size_t)-1 / 4);
  if (stage == PAGE_TODO) {
    lua_pushlstring(L, s->b.n > 0 ? s->b.p : "", s->b.n);
    ll_buf_free(&s->mem, &s->b);
    return 1;
  }
  return pushreaderror(L, &pg, stage);
}

/* core.openpage(path) -> Document userdata, or nil and a message: the
** file read as core.readfile reads it, into a buffer of C memory that is
** parsed in place and freed before returning (no Lua string of the page:
** a 60 MB page would otherwise be held twice, and its string until the
** collector came). A file that cannot be read gives readfile's message
** ("cannot open PATH: ...", "cannot read PATH: ...") and a third value,
** "read"; text that does not parse gives parse's message, without the
** path. */
static int core_openpage(lua_State *L) {
  Page pg;
  Scratch *s;
  int stage, nret;
  memset(&pg, 0, sizeof pg);
  pg.path = luaL_checklstring(L, 1, &pg.pathlen);
  s = newscratch(L, 1); /* its buffer is freed should parsing raise */
  stage = readpage(&s->mem, &pg, &s->b, (size_t)-1 / 4);
  if (stage == PAGE_TODO) {
    nret = pushparsed(L, s->b.n > 0 ? s->b.p : "", s->b.n);
    ll_buf_free(&s->mem, &s->b);
    return nret;
  }
  pushreaderror(L, &pg, stage);
  lua_pushliteral(L, "read");
  return 3;
}

static const ll_Index *corpusindex(lua_State *L, int ci); /* below */

/* The document at index 1 with its index, built on first use; without
** dp, a Corpus there gives its corpus index. With post, a document's
** index has its postings (made on the first query that walks them). */
static const ll_Index *indexof(lua_State *L, ll_Doc **dp, int post) {
  ll_Doc *d;
  if (dp == NULL) {
    const ll_Index *cix = corpusindex(L, 1);
    if (cix != NULL) return cix;
  }
  d = checkdoc(L, 1);
  if (d->index == NULL) {
    ll_Runner run; /* a large page is tokenised on two threads */
    int st;
    run.run = luarunner;
    run.ud = L;
    st = ll_index_build_run(d, &run);
    if (st == LL_ERRMEM) memerror(L);
    if (st != LL_OK) luaL_error(L, "document too large to index");
  }
  if (post && ll_index_postings(d->index) == LL_ERRMEM) memerror(L);
  if (dp != NULL) *dp = d;
  return d->index;
}

/* indexof with the postings: every query but a count (ix_count) */
static const ll_Index *checkindex(lua_State *L, ll_Doc **dp) {
  return indexof(L, dp, 1);
}

/* scope names and their part masks ("meta" and "any" are for the other
** phases: entities and dates look in the header fields too) */
static const char *const scope_names[] = {"body", "notes", "all", "meta", "any", NULL};
static const unsigned scope_masks[] = {LL_SCOPE_BODY, LL_SCOPE_NOTES, LL_SCOPE_ALL, LL_SCOPE_META,
                                       LL_SCOPE_ANY};

/* The scope at index i: a scope name, or a table {name, kinds = {...}}
** whose kinds (names of ll_Kind, as ll_kind_names) limit it to those kinds
** of Block (the Lua layer has checked them). */
static unsigned checkscope(lua_State *L, int i) {
  unsigned mask;
  size_t k;
  if (!lua_istable(L, i)) return scope_masks[luaL_checkoption(L, i, "body", scope_names)];
  lua_rawgeti(L, i, 1);
  mask = scope_masks[luaL_checkoption(L, -1, "body", scope_names)];
  lua_pop(L, 1);
  lua_getfield(L, i, "kinds");
  if (lua_istable(L, -1)) {
    for (k = 1;; k++) {
      int j;
      const char *name;
      lua_rawgeti(L, -1, (lua_Integer)k);
      name = lua_tostring(L, -1);
      if (name == NULL) {
        lua_pop(L, 1);
        break;
      }
      for (j = 0; j < LL_NKINDS; j++)
        if (strcmp(name, ll_kind_names[j]) == 0) mask |= LL_KINDBIT(j);
      lua_pop(L, 1);
    }
    mask |= LL_KINDSGIVEN;
  }
  lua_pop(L, 1);
  return mask;
}

static const char *const part_names[] = {"title", "subtitle", "meta", "body", "note"};

/* The flags at index i: a boolean (stem), or an integer of LL_TERM_STEM
** and LL_TERM_VARIANT bits. */
static int getflags(lua_State *L, int i) {
  if (lua_type(L, i) == LUA_TNUMBER)
    return (int)(luaL_checkinteger(L, i) & (LL_TERM_STEM | LL_TERM_VARIANT));
  return lua_toboolean(L, i) ? LL_TERM_STEM : 0;
}

/* Reads one query at index i (a string, or an array of 1-based word ids
** from an LPeg match) into q. Returns 1, or pushes nil and the reason
** and returns 0. */
static int getone(lua_State *L, int i, Scratch *s, ll_Query *q, int flags) {
  int st;
  if (lua_type(L, i) == LUA_TTABLE) {
    lua_Integer k, n = luaL_len(L, i);
    uint32_t *ids;
    /* the ids go through the Scratch, freed if a check raises */
    s->ids.n = 0;
    if (n > 0 && ll_vec_reserve(&s->mem, &s->ids, (size_t)n) != LL_OK) return memerror(L);
    ids = (uint32_t *)s->ids.p;
    for (k = 1; k <= n; k++) {
      lua_Integer id;
      lua_rawgeti(L, i, k);
      id = lua_tointeger(L, -1);
      lua_pop(L, 1);
      ids[k - 1] = (id >= 1 && id <= 0xFFFFFFF0) ? (uint32_t)(id - 1) : LL_NOWORD;
    }
    st = ll_query_ids(&s->mem, q, ids, (size_t)n);
    if (st != LL_OK) return memerror(L);
    return 1;
  } else {
    size_t len;
    const char *qs = luaL_checklstring(L, i, &len);
    char err[LL_ERRSIZE];
    st = ll_query_parse(&s->mem, q, qs, len, flags, err, sizeof err);
    if (st == LL_ERRMEM) return memerror(L);
    /* a query that stems loads the stemmer; a stemmer that cannot be
       loaded is a fault of the installation, not of the query: raised */
    if (st == LL_OK && (flags & LL_TERM_STEM) &&
        (q->stemmer = getstemmer(L, &st, err, sizeof err)) == NULL) {
      if (st == LL_ERRMEM) return memerror(L);
      lua_pushstring(L, err);
      return lua_error(L);
    }
    if (st != LL_OK) {
      lua_pushnil(L);
      lua_pushstring(L, err);
      return 0;
    }
    return 1;
  }
}

/* Reads the query at index i into s: a string, an array of word ids, or
** a co-occurrence {q1, q2, ..., within = "sentence" | n} (the Lua layer
** checked its shape) into s->subs. Returns 1, or pushes nil and the
** reason and returns 0. */
static int getquery(lua_State *L, int i, Scratch *s, int flags) {
  lua_Integer k, n;
  if (lua_type(L, i) != LUA_TTABLE) return getone(L, i, s, &s->q, flags);
  lua_getfield(L, i, "within");
  if (lua_isnil(L, -1)) {
    lua_pop(L, 1);
    return getone(L, i, s, &s->q, flags);
  }
  s->within = lua_type(L, -1) == LUA_TNUMBER ? (size_t)luaL_checkinteger(L, -1) : 0;
  lua_pop(L, 1);
  n = luaL_len(L, i);
  luaL_argcheck(L, n >= 1 && n <= 64, i, "a co-occurrence needs 1 to 64 queries");
  s->subs = (ll_Query *)ll_malloc(&s->mem, (size_t)n * sizeof *s->subs);
  if (s->subs == NULL) return memerror(L);
  for (k = 0; k < n; k++) ll_query_init(&s->subs[k]);
  s->nsubs = (size_t)n;
  for (k = 1; k <= n; k++) {
    int ok;
    lua_rawgeti(L, i, k);
    ok = getone(L, lua_gettop(L), s, &s->subs[k - 1], flags);
    if (!ok) return 0; /* nil and the reason are on top */
    lua_pop(L, 1);
  }
  return 1;
}

/* Matches the query read into s over ix: hits onto hits (or NULL) and
** their number into *n. */
static int matchq(Scratch *s, const ll_Index *ix, unsigned mask, ll_Vec *hits, size_t *n) {
  if (s->subs != NULL)
    return ll_index_cooccur(&s->mem, ix, s->subs, s->nsubs, s->within, mask, hits, n);
  return ll_index_match(&s->mem, ix, &s->q, mask, hits, n);
}

/* Pushes s[0, n) with line breaks and tabs made spaces. */
static void pushflat(lua_State *L, const char *s, size_t n) {
  size_t i;
  luaL_Buffer b;
  for (i = 0; i < n; i++)
    if (s[i] == '\n' || s[i] == '\r' || s[i] == '\t') break;
  if (i == n) {
    lua_pushlstring(L, s, n);
    return;
  }
  luaL_buffinitsize(L, &b, n);
  for (i = 0; i < n; i++) {
    char c = s[i];
    luaL_addchar(&b, (c == '\n' || c == '\r' || c == '\t') ? ' ' : c);
  }
  luaL_pushresult(&b);
}

/* sets the fields saying where segment seg stands: part, paragraph, note,
** field */
static void setsegplace(lua_State *L, const ll_Seg *sg, const char *field, size_t fieldlen);

static void setplace(lua_State *L, const ll_Doc *d, size_t seg) {
  const ll_Seg *sg = &d->segs[seg];
  const char *field = NULL;
  if (sg->part == LL_META && sg->field >= 0 && (size_t)sg->field < d->nfields)
    field = d->fields[sg->field].name;
  setsegplace(L, sg, field, field != NULL ? strlen(field) : 0);
}

/* The place of segment sg (part, paragraph, note, and a header field's
** name, given apart: an index file's segment has no document) in the table
** on top. */
static void setsegplace(lua_State *L, const ll_Seg *sg, const char *field, size_t fieldlen) {
  lua_pushstring(L, part_names[sg->part]);
  lua_setfield(L, -2, "part");
  if (sg->part == LL_BODY || sg->part == LL_NOTE) {
    lua_pushinteger(L, (lua_Integer)sg->para + 1);
    lua_setfield(L, -2, "paragraph");
  }
  if (sg->part == LL_NOTE) {
    lua_pushinteger(L, (lua_Integer)sg->note);
    lua_setfield(L, -2, "note");
  }
  if (sg->part == LL_META && field != NULL) {
    lua_pushlstring(L, field, fieldlen);
    lua_setfield(L, -2, "field");
  }
}

/* Pushes a Hit; with width >= 0, with its concordance fields. */
static void pushseghit(lua_State *L, const ll_Seg *sg, const char *field, size_t fieldlen,
                       const ll_Hit *h, lua_Integer width);

static void pushhit(lua_State *L, const ll_Doc *d, const ll_Hit *h, lua_Integer width) {
  const ll_Seg *sg = &d->segs[h->seg];
  const char *field = NULL;
  if (sg->part == LL_META && sg->field >= 0 && (size_t)sg->field < d->nfields)
    field = d->fields[sg->field].name;
  pushseghit(L, sg, field, field != NULL ? strlen(field) : 0, h, width);
}

/* Pushes a Hit in segment sg (a header field's name given apart, as for
** setsegplace). */
static void pushseghit(lua_State *L, const ll_Seg *sg, const char *field, size_t fieldlen,
                       const ll_Hit *h, lua_Integer width) {
  lua_createtable(L, 0, 11);
  setsegplace(L, sg, field, fieldlen);
  if (h->sent != LL_NOSENT) {
    lua_pushinteger(L, (lua_Integer)h->sent + 1);
    lua_setfield(L, -2, "sentence");
  }
  lua_pushinteger(L, (lua_Integer)h->pos + 1);
  lua_setfield(L, -2, "pos");
  lua_pushinteger(L, (lua_Integer)h->len);
  lua_setfield(L, -2, "len");
  lua_pushlstring(L, sg->text + h->pos, h->len);
  if (width >= 0) {
    size_t l, r;
    if (memchr(sg->text + h->pos, '\n', h->len) == NULL &&
        memchr(sg->text + h->pos, '\t', h->len) == NULL &&
        memchr(sg->text + h->pos, '\r', h->len) == NULL)
      lua_pushvalue(L, -1); /* match is text */
    else
      pushflat(L, sg->text + h->pos, h->len);
    lua_setfield(L, -3, "match");
    lua_setfield(L, -2, "text");
    ll_seg_context(sg, h, (size_t)width, &l, &r);
    pushflat(L, sg->text + l, h->pos - l);
    lua_setfield(L, -2, "left");
    pushflat(L, sg->text + h->pos + h->len, r - h->pos - h->len);
    lua_setfield(L, -2, "right");
  } else {
    lua_setfield(L, -2, "text");
  }
}

/* ud:ix_count(query, scope, stem) -> n | nil, reason */
static int ix_count(lua_State *L) {
  const ll_Index *ix = indexof(L, NULL, 0);
  unsigned mask = checkscope(L, 3);
  int flags = getflags(L, 4);
  Scratch *s = newscratch(L, sizeof(ll_Hit));
  size_t n;
  int cheap = 0;
  if (!getquery(L, 2, s, flags)) return 2;
  /* one word is counted by a look-up: a document's postings are made
     only for a count that walks them */
  if (s->subs == NULL && ll_index_count_cheap(&s->mem, ix, &s->q, &cheap) != LL_OK)
    return memerror(L);
  if (!cheap) ix = checkindex(L, NULL);
  if (matchq(s, ix, mask, NULL, &n) != LL_OK) return memerror(L);
  lua_pushinteger(L, (lua_Integer)n);
  return 1;
}

/* ud:ix_find(query, scope, stem [, width, sort]) -> array of Hit |
** nil, reason. With a width, concordance lines sorted as asked. */
static int ix_find(lua_State *L) {
  static const char *const sorts[] = {"position", "left", "right", NULL};
  ll_Doc *d;
  const ll_Index *ix = checkindex(L, &d);
  unsigned mask = checkscope(L, 3);
  int flags = getflags(L, 4);
  lua_Integer width = luaL_optinteger(L, 5, -1);
  int sort = luaL_checkoption(L, 6, "position", sorts);
  Scratch *s = newscratch(L, sizeof(ll_Hit));
  size_t i, n;
  const ll_Hit *hits;
  if (!getquery(L, 2, s, flags)) return 2;
  if (matchq(s, ix, mask, &s->v, &n) != LL_OK) return memerror(L);
  if (sort != 0 && ll_index_sort(&s->mem, ix, (ll_Hit *)s->v.p, s->v.n,
                                 sort == 1 ? LL_SORT_LEFT : LL_SORT_RIGHT) != LL_OK)
    return memerror(L);
  hits = (const ll_Hit *)s->v.p;
  lua_createtable(L, (int)(n < 0x7FFFFFFF ? n : 0), 0);
  for (i = 0; i < n; i++) {
    luaL_checkstack(L, 4, "hits");
    pushhit(L, d, &hits[i], width);
    lua_rawseti(L, -2, (lua_Integer)i + 1);
  }
  return 1;
}

/* the token iterator: upvalues document, mask, next token, segment */
static int ix_nexttoken(lua_State *L) {
  DocBox *box = (DocBox *)lua_touserdata(L, lua_upvalueindex(1));
  unsigned mask = (unsigned)lua_tointeger(L, lua_upvalueindex(2));
  size_t t = (size_t)lua_tointeger(L, lua_upvalueindex(3));
  size_t seg = (size_t)lua_tointeger(L, lua_upvalueindex(4));
  const ll_Doc *d = box->doc;
  const ll_Index *ix;
  ll_Token tk;
  size_t first, last, n;
  const char *w;
  if (d == NULL) return luaL_error(L, "document has been closed");
  ix = d->index;
  for (;;) {
    if (seg >= d->nsegs) return 0;
    ll_index_segtokens(ix, seg, &first, &last);
    if (t < first) t = first;
    if (ll_seg_in(&d->segs[seg], mask) && t < last) break;
    seg++;
  }
  ll_index_token(ix, t, &tk);
  lua_createtable(L, 0, 8);
  lua_pushlstring(L, d->segs[seg].text + tk.pos, tk.len);
  lua_setfield(L, -2, "text");
  w = ll_index_word(ix, tk.word, &n);
  lua_pushlstring(L, w, n);
  lua_setfield(L, -2, "norm");
  setplace(L, d, seg);
  first = ll_index_sentence(ix, seg, tk.pos);
  if (first != LL_NOSENT) {
    lua_pushinteger(L, (lua_Integer)first + 1);
    lua_setfield(L, -2, "sentence");
  }
  lua_pushinteger(L, (lua_Integer)tk.pos + 1);
  lua_setfield(L, -2, "pos");
  lua_pushinteger(L, (lua_Integer)t + 1);
  lua_replace(L, lua_upvalueindex(3));
  lua_pushinteger(L, (lua_Integer)seg);
  lua_replace(L, lua_upvalueindex(4));
  return 1;
}

/* ud:ix_tokens(scope) -> iterator of token tables */
static int ix_tokens(lua_State *L) {
  unsigned mask;
  checkindex(L, NULL);
  mask = checkscope(L, 2);
  lua_settop(L, 1);
  lua_pushinteger(L, (lua_Integer)mask);
  lua_pushinteger(L, 0);
  lua_pushinteger(L, 0);
  lua_pushcclosure(L, ix_nexttoken, 4);
  return 1;
}

/* ud:ix_vocab() -> array of normal forms, indexed by word id + 1 */
static int ix_vocab(lua_State *L) {
  const ll_Index *ix = checkindex(L, NULL);
  size_t i, n = ll_index_nwords(ix), len;
  lua_createtable(L, (int)(n < 0x7FFFFFFF ? n : 0), 0);
  for (i = 0; i < n; i++) {
    const char *w = ll_index_word(ix, (uint32_t)i, &len);
    lua_pushlstring(L, w, len);
    lua_rawseti(L, -2, (lua_Integer)i + 1);
  }
  return 1;
}

/* Reads the array of words at index i (nil: none) into s->skip. */
static void getskip(lua_State *L, int i, const ll_Index *ix, Scratch *s) {
  lua_Integer k, n;
  if (lua_isnoneornil(L, i)) return;
  luaL_checktype(L, i, LUA_TTABLE);
  s->nskip = ll_index_nwords(ix) ? ll_index_nwords(ix) : 1;
  s->skip = (unsigned char *)ll_malloc(&s->mem, s->nskip);
  if (s->skip == NULL) {
    s->nskip = 0;
    memerror(L);
    return;
  }
  memset(s->skip, 0, s->nskip);
  n = luaL_len(L, i);
  for (k = 1; k <= n; k++) {
    size_t len;
    const char *w;
    uint32_t id;
    lua_rawgeti(L, i, k);
    w = lua_tolstring(L, -1, &len);
    if (w != NULL) {
      if (ll_word_norm(&s->mem, w, len, &s->b) != LL_OK) memerror(L);
      id = ll_index_lookup(ix, s->b.p, s->b.n);
      if (id != LL_NOWORD) s->skip[id] = 1;
    }
    lua_pop(L, 1);
  }
}

/* Pushes a new row {word = word w of ix, count = count} with room for
** nfields fields in all, for the word lists (frequencies, collocates,
** keywords) to add theirs to. */
static void pushwordrow(lua_State *L, const ll_Index *ix, uint32_t w, size_t count, int nfields) {
  size_t len;
  const char *word = ll_index_word(ix, w, &len);
  luaL_checkstack(L, 4, "word list");
  lua_createtable(L, 0, nfields);
  lua_pushlstring(L, word, len);
  lua_setfield(L, -2, "word");
  lua_pushinteger(L, (lua_Integer)count);
  lua_setfield(L, -2, "count");
}

/* ud:ix_frequencies(scope, min, stopwords [, bydoc]) -> array of {word,
** count}; with bydoc, count is the number of documents holding the word */
static int ix_frequencies(lua_State *L) {
  const ll_Index *ix = checkindex(L, NULL);
  unsigned mask = checkscope(L, 2);
  lua_Integer min = luaL_optinteger(L, 3, 1);
  Scratch *s;
  int bydoc = lua_toboolean(L, 5);
  lua_settop(L, 4);
  s = newscratch(L, sizeof(ll_Freq));
  const ll_Freq *f;
  size_t i;
  getskip(L, 4, ix, s);
  if ((bydoc ? ll_index_docfreq : ll_index_frequencies)(
          &s->mem, ix, mask, min < 1 ? 1 : (size_t)min, s->skip, &s->v) != LL_OK)
    return memerror(L);
  f = (const ll_Freq *)s->v.p;
  lua_createtable(L, (int)(s->v.n < 0x7FFFFFFF ? s->v.n : 0), 0);
  for (i = 0; i < s->v.n; i++) {
    pushwordrow(L, ix, f[i].word, f[i].count, 2);
    lua_rawseti(L, -2, (lua_Integer)i + 1);
  }
  return 1;
}

/* ud:ix_ngrams(n, scope, min [, bydoc]) -> array of {ngram, count}; with
** bydoc, count is the number of documents holding the n-gram */
static int ix_ngrams(lua_State *L) {
  const ll_Index *ix = checkindex(L, NULL);
  lua_Integer n = luaL_checkinteger(L, 2);
  unsigned mask = checkscope(L, 3);
  lua_Integer min = luaL_optinteger(L, 4, 1);
  Scratch *s = newscratch(L, sizeof(ll_Gram));
  const ll_Gram *g;
  size_t i, k, len;
  int st;
  luaL_argcheck(L, n >= 1 && n <= LL_MAXNGRAM, 2, "n out of range");
  st = (lua_toboolean(L, 5) ? ll_index_docgrams : ll_index_ngrams)(
      &s->mem, ix, (size_t)n, mask, min < 1 ? 1 : (size_t)min, &s->v);
  if (st != LL_OK) return memerror(L);
  g = (const ll_Gram *)s->v.p;
  lua_createtable(L, (int)(s->v.n < 0x7FFFFFFF ? s->v.n : 0), 0);
  for (i = 0; i < s->v.n; i++) {
    luaL_checkstack(L, 4, "ngrams");
    lua_createtable(L, 0, 2);
    s->b.n = 0; /* the words joined by one space, in C, then one string */
    for (k = 0; k < (size_t)n; k++) {
      const char *w = ll_index_word(ix, ll_index_tokword(ix, g[i].tok + k), &len);
      if ((k > 0 && ll_buf_add(&s->mem, &s->b, " ", 1) != LL_OK) ||
          ll_buf_add(&s->mem, &s->b, w, len) != LL_OK)
        return memerror(L);
    }
    lua_pushlstring(L, s->b.p, s->b.n);
    lua_setfield(L, -2, "ngram");
    lua_pushinteger(L, (lua_Integer)g[i].count);
    lua_setfield(L, -2, "count");
    lua_rawseti(L, -2, (lua_Integer)i + 1);
  }
  return 1;
}

/* ud:ix_collocates(query, scope, stem, window, measure, min, stopwords)
** -> array of {word, count, score} | nil, reason */
static int ix_collocates(lua_State *L) {
  static const char *const measures[] = {"llr", "mi", "t", NULL};
  static const int mcodes[] = {LL_LLR, LL_MI, LL_T};
  const ll_Index *ix = checkindex(L, NULL);
  unsigned mask = checkscope(L, 3);
  int flags = getflags(L, 4);
  lua_Integer window = luaL_optinteger(L, 5, 5);
  int which = mcodes[luaL_checkoption(L, 6, "llr", measures)];
  lua_Integer min = luaL_optinteger(L, 7, 1);
  Scratch *s;
  const ll_Colloc *c;
  size_t i;
  lua_settop(L, 8);
  s = newscratch(L, sizeof(ll_Colloc));
  luaL_argcheck(L, window >= 1, 5, "window must be positive");
  if (!getquery(L, 2, s, flags)) return 2;
  getskip(L, 8, ix, s);
  if (matchq(s, ix, mask, &s->hv, &i) != LL_OK ||
      ll_index_collocates_hits(&s->mem, ix, (const ll_Hit *)s->hv.p, s->hv.n, mask, (size_t)window,
                               which | ((flags & LL_TERM_VARIANT) ? LL_FOLDPOSS : 0),
                               min < 1 ? 1 : (size_t)min, s->skip, &s->v) != LL_OK)
    return memerror(L);
  c = (const ll_Colloc *)s->v.p;
  lua_createtable(L, (int)(s->v.n < 0x7FFFFFFF ? s->v.n : 0), 0);
  for (i = 0; i < s->v.n; i++) {
    pushwordrow(L, ix, c[i].word, c[i].count, 3);
    lua_pushnumber(L, (lua_Number)c[i].score);
    lua_setfield(L, -2, "score");
    lua_rawseti(L, -2, (lua_Integer)i + 1);
  }
  return 1;
}

/* ud:ix_dispersion(query, scope, stem) -> array of fractions, tokens in
** scope | nil, reason */
static int ix_dispersion(lua_State *L) {
  const ll_Index *ix = checkindex(L, NULL);
  unsigned mask = checkscope(L, 3);
  int flags = getflags(L, 4);
  Scratch *s = newscratch(L, sizeof(ll_Hit));
  size_t i, n, total = ll_index_ntokens(ix, mask);
  if (!getquery(L, 2, s, flags)) return 2;
  if (matchq(s, ix, mask, &s->v, &n) != LL_OK) return memerror(L);
  if (n > 0) {
    s->offs = (size_t *)ll_malloc(&s->mem, n * sizeof(size_t));
    if (s->offs == NULL) return memerror(L);
    s->noffs = n;
    ll_index_offsets(ix, (const ll_Hit *)s->v.p, n, mask, s->offs);
  }
  lua_createtable(L, (int)(n < 0x7FFFFFFF ? n : 0), 0);
  for (i = 0; i < n; i++) {
    lua_pushnumber(L, (lua_Number)s->offs[i] / (lua_Number)total);
    lua_rawseti(L, -2, (lua_Integer)i + 1);
  }
  lua_pushinteger(L, (lua_Integer)total);
  return 2;
}

/* ud:ix_stats() -> tokens, distinct words (the index's size) */
static int ix_stats(lua_State *L) {
  const ll_Index *ix = checkindex(L, NULL);
  lua_pushinteger(L, (lua_Integer)ll_index_size(ix));
  lua_pushinteger(L, (lua_Integer)ll_index_nwords(ix));
  return 2;
}

/* the per-document array of s, of ll_index_ndocs(ix) entries (zeroed) */
static size_t *perdoc(lua_State *L, Scratch *s, const ll_Index *ix) {
  size_t nd = ll_index_ndocs(ix);
  s->perdoc = (size_t *)ll_malloc(&s->mem, (nd ? nd : 1) * 2 * sizeof *s->perdoc);
  if (s->perdoc == NULL) memerror(L);
  s->nperdoc = (nd ? nd : 1) * 2;
  memset(s->perdoc, 0, s->nperdoc * sizeof *s->perdoc);
  return s->perdoc;
}

/* ud:ix_counts(query, scope, flags) -> array: each document's count |
** nil, reason */
static int ix_counts(lua_State *L) {
  const ll_Index *ix = checkindex(L, NULL);
  unsigned mask = checkscope(L, 3);
  int flags = getflags(L, 4);
  Scratch *s = newscratch(L, sizeof(ll_Hit));
  size_t i, n, nd = ll_index_ndocs(ix), *c;
  if (!getquery(L, 2, s, flags)) return 2;
  if (matchq(s, ix, mask, &s->v, &n) != LL_OK) return memerror(L);
  c = perdoc(L, s, ix);
  ll_index_perdoc(ix, (const ll_Hit *)s->v.p, n, c);
  lua_createtable(L, (int)(nd < 0x7FFFFFFF ? nd : 0), 0);
  for (i = 0; i < nd; i++) {
    lua_pushinteger(L, (lua_Integer)c[i]);
    lua_rawseti(L, -2, (lua_Integer)i + 1);
  }
  return 1;
}

/* ud:ix_sizes(scope) -> array of {words, sentences}, one a document */
static int ix_sizes(lua_State *L) {
  const ll_Index *ix = checkindex(L, NULL);
  unsigned mask = checkscope(L, 2);
  Scratch *s = newscratch(L, 1);
  size_t i, nd = ll_index_ndocs(ix), *c = perdoc(L, s, ix);
  ll_index_docsizes(ix, mask, c, c + nd);
  lua_createtable(L, (int)(nd < 0x7FFFFFFF ? nd : 0), 0);
  for (i = 0; i < nd; i++) {
    luaL_checkstack(L, 4, "sizes");
    lua_createtable(L, 0, 2);
    lua_pushinteger(L, (lua_Integer)c[i]);
    lua_setfield(L, -2, "words");
    lua_pushinteger(L, (lua_Integer)c[nd + i]);
    lua_setfield(L, -2, "sentences");
    lua_rawseti(L, -2, (lua_Integer)i + 1);
  }
  return 1;
}

/* ud:ix_keywords(pages, scope, measure, min, stopwords) -> array of
** {word, count, other, score}; pages an array of 1-based documents */
static int ix_keywords(lua_State *L) {
  static const char *const measures[] = {"llr", "pdiff", NULL};
  static const int mcodes[] = {LL_KEY_LLR, LL_KEY_PDIFF};
  const ll_Index *ix = checkindex(L, NULL);
  unsigned mask = checkscope(L, 3);
  int which = mcodes[luaL_checkoption(L, 4, "llr", measures)];
  lua_Integer min = luaL_optinteger(L, 5, 1), k, n;
  size_t i, nd = ll_index_ndocs(ix);
  Scratch *s;
  const ll_Key *kw;
  luaL_checktype(L, 2, LUA_TTABLE);
  lua_settop(L, 6);
  s = newscratch(L, sizeof(ll_Key));
  getskip(L, 6, ix, s);
  perdoc(L, s, ix); /* s->nperdoc bytes at least: the picks */
  s->pick = (unsigned char *)ll_malloc(&s->mem, s->nperdoc);
  if (s->pick == NULL) return memerror(L);
  memset(s->pick, 0, s->nperdoc);
  n = luaL_len(L, 2);
  for (k = 1; k <= n; k++) {
    lua_Integer d;
    lua_rawgeti(L, 2, k);
    d = lua_tointeger(L, -1);
    lua_pop(L, 1);
    if (d >= 1 && (size_t)d <= nd) s->pick[d - 1] = 1;
  }
  if (ll_index_keywords(&s->mem, ix, mask, s->pick, which, min < 1 ? 1 : (size_t)min, s->skip,
                        &s->v) != LL_OK)
    return memerror(L);
  kw = (const ll_Key *)s->v.p;
  lua_createtable(L, (int)(s->v.n < 0x7FFFFFFF ? s->v.n : 0), 0);
  for (i = 0; i < s->v.n; i++) {
    pushwordrow(L, ix, kw[i].word, kw[i].count, 4);
    lua_pushinteger(L, (lua_Integer)kw[i].other);
    lua_setfield(L, -2, "other");
    lua_pushnumber(L, (lua_Number)kw[i].score);
    lua_setfield(L, -2, "score");
    lua_rawseti(L, -2, (lua_Integer)i + 1);
  }
  return 1;
}

static const luaL_Reg ix_methods[] = {{"ix_count", ix_count},
                                      {"ix_counts", ix_counts},
                                      {"ix_sizes", ix_sizes},
                                      {"ix_keywords", ix_keywords},
                                      {"ix_find", ix_find},
                                      {"ix_tokens", ix_tokens},
                                      {"ix_vocab", ix_vocab},
                                      {"ix_frequencies", ix_frequencies},
                                      {"ix_ngrams", ix_ngrams},
                                      {"ix_collocates", ix_collocates},
                                      {"ix_dispersion", ix_dispersion},
                                      {"ix_stats", ix_stats},
                                      {NULL, NULL}};

/* ==== end of index and queries ==== */

/* ==== dates (lldate.c) ==== */

#include "lldate.h"

/* sets t[k] = {first = a, last = b} when a is not "" */
static void setrange(lua_State *L, const char *k, const char *a, const char *b) {
  if (a[0] == '\0') return;
  lua_createtable(L, 0, 2);
  lua_pushstring(L, a);
  lua_setfield(L, -2, "first");
  lua_pushstring(L, b);
  lua_setfield(L, -2, "last");
  lua_setfield(L, -2, k);
}

/* 0-based sentence of block b holding byte pos, or LL_NOSENT */
static size_t blocksentence(const ll_Block *b, size_t pos) {
  size_t lo = 0, hi;
  if (b == NULL || b->nsents == 0) return LL_NOSENT;
  hi = b->nsents; /* the first sentence ending after pos, by halves: the
                     sentences are in order (one scan per date was
                     quadratic in a long paragraph of dates) */
  while (lo < hi) {
    size_t mid = lo + (hi - lo) / 2;
    if (pos < b->sents[mid].end)
      hi = mid;
    else
      lo = mid + 1;
  }
  return lo < b->nsents ? lo : b->nsents - 1;
}

/* ud:dt_find(scope) -> array of Dates with the Hit fields (part,
** paragraph, note, field, sentence, pos, len, text), in document order;
** scope as checkscope ("meta" and "any" included). */
static int dt_find(lua_State *L) {
  ll_Doc *d = checkdoc(L, 1);
  unsigned mask = checkscope(L, 2);
  Scratch *s = newscratch(L, sizeof(ll_Date));
  size_t seg, i;
  lua_Integer k = 0;
  lua_newtable(L);
  for (seg = 0; seg < d->nsegs; seg++) {
    const ll_Seg *sg = &d->segs[seg];
    if (!ll_seg_in(sg, mask)) continue;
    s->v.n = 0;
    if (ll_dates_find(&s->mem, sg->text, sg->len, &s->v) != LL_OK) return memerror(L);
    for (i = 0; i < s->v.n; i++) {
      const ll_Date *dt = (const ll_Date *)s->v.p + i;
      size_t sent = blocksentence(sg->block, dt->pos);
      luaL_checkstack(L, 4, "dates");
      lua_createtable(L, 0, 10);
      lua_pushlstring(L, sg->text + dt->pos, dt->len);
      lua_setfield(L, -2, "text");
      setrange(L, "old_style", dt->os_first, dt->os_last);
      setrange(L, "new_style", dt->ns_first, dt->ns_last);
      setplace(L, d, seg);
      if (sent != LL_NOSENT) setint(L, "sentence", (lua_Integer)sent + 1);
      setint(L, "pos", (lua_Integer)dt->pos + 1);
      setint(L, "len", (lua_Integer)dt->len);
      lua_rawseti(L, -2, ++k);
    }
  }
  return 1;
}

/* core.dates(text) -> array of Dates {text, old_style, new_style, pos,
** len} found in a string (for dates that stand in no document: a page's
** place in the archive, works/1918/may/09.htm, written out) */
static int core_dates(lua_State *L) {
  size_t len, i;
  const char *t = luaL_checklstring(L, 1, &len);
  Scratch *s = newscratch(L, sizeof(ll_Date));
  if (ll_dates_find(&s->mem, t, len, &s->v) != LL_OK) return memerror(L);
  lua_createtable(L, (int)(s->v.n < 0x7FFFFFFF ? s->v.n : 0), 0);
  for (i = 0; i < s->v.n; i++) {
    const ll_Date *dt = (const ll_Date *)s->v.p + i;
    luaL_checkstack(L, 4, "dates");
    lua_createtable(L, 0, 5);
    lua_pushlstring(L, t + dt->pos, dt->len);
    lua_setfield(L, -2, "text");
    setrange(L, "old_style", dt->os_first, dt->os_last);
    setrange(L, "new_style", dt->ns_first, dt->ns_last);
    setint(L, "pos", (lua_Integer)dt->pos + 1);
    setint(L, "len", (lua_Integer)dt->len);
    lua_rawseti(L, -2, (lua_Integer)i + 1);
  }
  return 1;
}

static const luaL_Reg dt_methods[] = {{"dt_find", dt_find}, {NULL, NULL}};

/* ==== end of dates ==== */

/* ==== entities (llentity.c) ==== */

#include "llentity.h"

/* ud:ent_key(name) -> the key of a name (llentity.h): two names are the
** same, ignoring case, apostrophe kind and spacing, when their keys are.
** The name must be valid UTF-8 (the Lua layer checks). */
static int ent_key(lua_State *L) {
  size_t len;
  const char *name;
  Scratch *s;
  char err[LL_ERRSIZE];
  checkdoc(L, 1);
  name = luaL_checklstring(L, 2, &len);
  if (ll_utf8_check(name, len, err, sizeof err) != LL_OK)
    return luaL_argerror(L, 2, "not UTF-8 text");
  s = newscratch(L, sizeof(char));
  if (ll_ent_key(&s->mem, name, len, &s->b) != LL_OK) return memerror(L);
  lua_pushlstring(L, s->b.p, s->b.n);
  return 1;
}

/* ud:ent_set(entries) sets the document's entities: entries is an array,
** entry i an array of its names (the name, then the aliases), strings of
** valid UTF-8 (the Lua layer checks). Every mention is found at once and
** kept in the C document. Returns nothing; raises "not enough memory"
** (the document keeps no set, and stays usable). */
static int ent_set(lua_State *L) {
  ll_Doc *d = checkdoc(L, 1);
  lua_Integer i, j, n, nf = 0, k = 0;
  ll_EntForm *forms;
  char err[LL_ERRSIZE];
  int st;
  luaL_checktype(L, 2, LUA_TTABLE);
  n = luaL_len(L, 2);
  for (i = 1; i <= n; i++) {
    lua_rawgeti(L, 2, i);
    luaL_checktype(L, -1, LUA_TTABLE);
    nf += luaL_len(L, -1);
    lua_pop(L, 1);
  }
  /* the forms point into strings the table at 2 keeps alive */
  forms = (ll_EntForm *)lua_newuserdatauv(L, (size_t)(nf > 0 ? nf : 1) * sizeof(ll_EntForm), 0);
  for (i = 1; i <= n; i++) {
    lua_Integer m;
    lua_rawgeti(L, 2, i);
    m = luaL_len(L, -1);
    for (j = 1; j <= m && k < nf; j++) {
      lua_rawgeti(L, -1, j);
      forms[k].s = luaL_checklstring(L, -1, &forms[k].len);
      if (ll_utf8_check(forms[k].s, forms[k].len, err, sizeof err) != LL_OK)
        return luaL_argerror(L, 2, "names must be UTF-8 text");
      forms[k].ent = (size_t)(i - 1);
      k++;
      lua_pop(L, 1);
    }
    lua_pop(L, 1);
  }
  st = ll_ents_build(d, forms, (size_t)k);
  if (st == LL_ERRMEM) return memerror(L);
  if (st != LL_OK) return luaL_error(L, "document too large to index");
  return 0;
}

/* ud:ent_mentions(scope) -> array of Hits (the Hit fields, and `entity`
** and `form`: 1-based entry and form of the entries given to ent_set), in
** document order, in the parts of scope (as checkscope). Empty when the
** document has no entities. */
static int ent_mentions(lua_State *L) {
  ll_Doc *d = checkdoc(L, 1);
  unsigned mask = checkscope(L, 2);
  size_t i, n, fi = 0;
  lua_Integer k = 0;
  const ll_Mention *ms = ll_ents_mentions(d->ents, &n);
  lua_createtable(L, (int)(n < 0x7FFFFFFF ? n : 0), 0);
  for (i = 0; i < n; i++) {
    if (!ll_seg_in(&d->segs[ms[i].hit.seg], mask)) continue;
    luaL_checkstack(L, 4, "mentions");
    pushhit(L, d, &ms[i].hit, -1);
    setint(L, "entity", (lua_Integer)ms[i].ent + 1);
    fi = ms[i].form;
    setint(L, "form", (lua_Integer)fi + 1);
    lua_rawseti(L, -2, ++k);
  }
  return 1;
}

static const luaL_Reg ent_methods[] = {
    {"ent_key", ent_key}, {"ent_set", ent_set}, {"ent_mentions", ent_mentions}, {NULL, NULL}};

/* ==== end of entities ==== */

/* ==== HTML pages and corpora (llhtml.c) ==== */

/* A corpus: many documents queried in one call. The userdata holds the
** documents' userdata in its user value (a table, 1..n), so they live as
** long as it does, and one index over all of them (llindex.c's corpus
** index: one vocabulary, word ids common to every document), built on the
** first query; each query runs over it in C. A document's own index is not
** built by the corpus (a Document taken from it builds its own when it is
** queried alone). */

#define CORPUS_MT "leninletter.Corpus"
#define CLIST_MT  "leninletter.DirList"

typedef struct CorpusBox {
  int closed;    /* its __gc has run: queries raise */
  size_t n;      /* documents */
  ll_Mem mem;    /* of docs and ix */
  ll_Doc **docs; /* n entries, the documents ix was built over, or NULL */
  ll_Index *ix;  /* the corpus index, or NULL before the first query */
  /* an index file's corpus (lindex.c), else NULL */
  struct ll_Store *store;
} CorpusBox;

/* index files (lindex.c, included at the end of this section) */
static int store_gc(CorpusBox *cb);
static ll_Doc *corpusdoc(lua_State *L, CorpusBox *cb, size_t d);
static int pushstorehit(lua_State *L, CorpusBox *cb, size_t d, const ll_Hit *global,
                        const ll_Hit *h, lua_Integer width);
#define LIGHTMAX 16 /* hits a page read from an index file, not from its document */

static int corpus_gc(lua_State *L) {
  CorpusBox *cb = (CorpusBox *)luaL_checkudata(L, 1, CORPUS_MT);
  if (cb->store != NULL) return store_gc(cb);
  ll_index_free(cb->ix);
  ll_free(&cb->mem, cb->docs, cb->n * sizeof *cb->docs);
  cb->ix = NULL;
  cb->docs = NULL;
  cb->closed = 1; /* used again (a finalizer, at exit): raise, never rebuild */
  return 0;
}

/* The Corpus at index ci, its documents checked open and its index built
** if need be; NULL when the value there is not a Corpus. */
static CorpusBox *corpusbox(lua_State *L, int ci) {
  CorpusBox *cb = (CorpusBox *)luaL_testudata(L, ci, CORPUS_MT);
  size_t i;
  int st;
  if (cb == NULL) return NULL;
  if (cb->closed) luaL_error(L, "corpus has been closed");
  if (cb->store != NULL) return cb; /* an index file's: its index is mapped */
  if (cb->docs == NULL && cb->n > 0) {
    cb->docs = (ll_Doc **)ll_malloc(&cb->mem, cb->n * sizeof *cb->docs);
    if (cb->docs == NULL) memerror(L);
    memset(cb->docs, 0, cb->n * sizeof *cb->docs);
  }
  lua_getiuservalue(L, ci, 1);
  for (i = 0; i < cb->n; i++) {
    DocBox *box;
    lua_rawgeti(L, -1, (lua_Integer)i + 1);
    box = (DocBox *)luaL_testudata(L, -1, DOC_MT);
    if (box == NULL || box->doc == NULL)
      luaL_error(L, "document %d of the corpus has been closed", (int)i + 1);
    if (cb->docs[i] != box->doc) { /* not what the index was built over */
      ll_index_free(cb->ix);
      cb->ix = NULL;
      cb->docs[i] = box->doc;
    }
    lua_pop(L, 1);
  }
  lua_pop(L, 1);
  if (cb->ix == NULL) {
    ll_Runner run;
    run.run = luarunner;
    run.ud = L;
    st = ll_index_build_corpus(&cb->mem, cb->docs, cb->n, &run, &cb->ix);
    if (st == LL_ERRMEM) memerror(L);
    if (st != LL_OK) luaL_error(L, "corpus too large to index");
  }
  return cb;
}

/* the index of the Corpus at index ci (see checkindex), or NULL */
static const ll_Index *corpusindex(lua_State *L, int ci) {
  CorpusBox *cb = corpusbox(L, ci);
  return cb != NULL ? cb->ix : NULL;
}

/* core.corpus(array of Document userdata) -> Corpus userdata */
static int core_corpus(lua_State *L) {
  lua_Integer i, n;
  CorpusBox *cb;
  luaL_checktype(L, 1, LUA_TTABLE);
  n = luaL_len(L, 1);
  lua_createtable(L, (int)(n > 0 && n < 0x7FFFFFFF ? n : 0), 0);
  for (i = 1; i <= n; i++) {
    lua_rawgeti(L, 1, i);
    luaL_checkudata(L, -1, DOC_MT);
    lua_rawseti(L, -2, i);
  }
  cb = (CorpusBox *)lua_newuserdatauv(L, sizeof *cb, 1);
  memset(cb, 0, sizeof *cb);
  cb->n = (size_t)n;
  getmem(L, &cb->mem);
  lua_insert(L, -2);
  lua_setiuservalue(L, -2, 1);
  luaL_setmetatable(L, CORPUS_MT);
  return 1;
}

static int corpus_len(lua_State *L) {
  CorpusBox *cb = (CorpusBox *)luaL_checkudata(L, 1, CORPUS_MT);
  lua_pushinteger(L, (lua_Integer)cb->n);
  return 1;
}

/* cx:cx_find(query, scope, stem [, width, sort]) -> array of Hit (with
** doc) | nil, reason. Hits in corpus order, or all sorted together. */
static int cx_find(lua_State *L) {
  static const char *const sorts[] = {"position", "left", "right", NULL};
  CorpusBox *cb = (CorpusBox *)luaL_checkudata(L, 1, CORPUS_MT);
  unsigned mask = checkscope(L, 3);
  int flags = getflags(L, 4);
  lua_Integer width = luaL_optinteger(L, 5, -1);
  int sort = luaL_checkoption(L, 6, "position", sorts);
  Scratch *s;
  const ll_Index *ix;
  size_t i, n;
  const ll_Hit *hits;
  unsigned char *light = NULL;
  corpusbox(L, 1);
  ix = cb->ix;
  s = newscratch(L, sizeof(ll_Hit));
  if (!getquery(L, 2, s, flags)) return 2;
  if (matchq(s, ix, mask, &s->v, &n) != LL_OK) return memerror(L);
  if (sort != 0 && ll_index_sort(&s->mem, ix, (ll_Hit *)s->v.p, s->v.n,
                                 sort == 1 ? LL_SORT_LEFT : LL_SORT_RIGHT) != LL_OK)
    return memerror(L);
  hits = (const ll_Hit *)s->v.p;
  /* an index file's: the hits on each page read from the file so far (not
     from the page's document); past LIGHTMAX the page is made, once, and
     its other hits read from it (a hit's place read from the file costs a
     pass over its page's segments, and for a note its record's fields:
     bounded so on a large page with many hits) */
  if (cb->store != NULL && n > 0) {
    light = (unsigned char *)lua_newuserdatauv(L, cb->n, 0);
    memset(light, 0, cb->n);
  }
  lua_createtable(L, (int)(n < 0x7FFFFFFF ? n : 0), 0);
  for (i = 0; i < n; i++) {
    ll_Hit h = hits[i];
    size_t local, d = ll_index_docof(ix, h.seg, &local);
    h.seg = local;
    luaL_checkstack(L, 4, "hits");
    if (light != NULL && light[d] < LIGHTMAX && pushstorehit(L, cb, d, &hits[i], &h, width))
      light[d]++;
    else
      pushhit(L, corpusdoc(L, cb, d), &h, width);
    lua_pushinteger(L, (lua_Integer)d + 1);
    lua_setfield(L, -2, "doc");
    lua_rawseti(L, -2, (lua_Integer)i + 1);
  }
  return 1;
}

/* The other queries are a Document's (checkindex takes a Corpus too):
**   cx:cx_count(query, scope, stem) -> n | nil, reason
**   cx:cx_vocab() -> the normal forms of the corpus, by word id
**   cx:cx_frequencies(scope, min, stopwords) -> array of {word, count}
**   cx:cx_ngrams(n, scope, min) -> array of {ngram, count}
**   cx:cx_collocates(query, scope, stem, window, measure, min, stopwords)
**     -> array of {word, count, score} | nil, reason
** a query table being word ids of cx_vocab. Counted over the corpus
** index, they equal the sums over the documents: the span of a collocate,
** its size R, O, C and N as ll_index_collocates, summed. */
static const luaL_Reg corpus_methods[] = {{"cx_count", ix_count},
                                          {"cx_find", cx_find},
                                          {"cx_vocab", ix_vocab},
                                          {"cx_frequencies", ix_frequencies},
                                          {"cx_ngrams", ix_ngrams},
                                          {"cx_collocates", ix_collocates},
                                          {"cx_dispersion", ix_dispersion},
                                          {"cx_counts", ix_counts},
                                          {"cx_sizes", ix_sizes},
                                          {"cx_keywords", ix_keywords},
                                          {NULL, NULL}};

/* C memory of a listing, freed by __gc if anything raises. */
typedef struct CList {
  ll_Mem mem;
  ll_Buf keys;
} CList;

static int clist_gc(lua_State *L) {
  CList *s = (CList *)lua_touserdata(L, 1);
  ll_buf_free(&s->mem, &s->keys);
  return 0;
}

/* Pushes a new empty CList. */
static CList *newclist(lua_State *L) {
  CList *s = (CList *)lua_newuserdatauv(L, sizeof *s, 0);
  memset(s, 0, sizeof *s);
  getmem(L, &s->mem);
  ll_buf_init(&s->keys);
  if (luaL_newmetatable(L, CLIST_MT)) {
    lua_pushcfunction(L, clist_gc);
    lua_setfield(L, -2, "__gc");
  }
  lua_setmetatable(L, -2);
  return s;
}

#include "lldir.h"

/* core.listdir(path) -> array of entry names, a folder's (or a link to
** one) ending in "/" (order as the system gives), and an array of the
** entries left out, each {name, reason, examined}: examined is false when
** the entry could not be examined at all (a dangling link, a name too
** long), true when it is something other than a file or a folder (a FIFO,
** a device) | nil, message. A path with a NUL byte is refused. */
static int core_listdir(lua_State *L) {
  size_t dl;
  const char *dir = luaL_checklstring(L, 1, &dl);
  CList *s;
  char err[LL_ERRSIZE];
  size_t n, i, at = 0;
  lua_Integer nlist = 0, nskip = 0;
  int st;
  if (strlen(dir) != dl) {
    lua_pushnil(L);
    lua_pushliteral(L, "cannot open folder: a path with a NUL byte in it");
    return 2;
  }
  s = newclist(L);
  st = ll_dir_list(&s->mem, dir, &s->keys, &n, err, sizeof err);
  if (st != LL_OK) return nilerror(L, st, err);
  lua_createtable(L, (int)(n < 0x7FFFFFFF ? n : 0), 0);
  lua_newtable(L);
  for (i = 0; i < n; i++) {
    char kind = s->keys.p[at];
    const char *name = s->keys.p + at + 1;
    size_t len = strlen(name);
    at += len + 2;
    if (kind == 'o' || kind == '?') {
      const char *why = s->keys.p + at;
      at += strlen(why) + 1;
      lua_createtable(L, 0, 3);
      lua_pushlstring(L, name, len);
      lua_setfield(L, -2, "name");
      lua_pushstring(L, why);
      lua_setfield(L, -2, "reason");
      lua_pushboolean(L, kind == 'o');
      lua_setfield(L, -2, "examined");
      lua_rawseti(L, -2, ++nskip);
      continue;
    }
    lua_pushlstring(L, name, len);
    if (kind == 'd') {
      lua_pushliteral(L, "/");
      lua_concat(L, 2);
    }
    lua_rawseti(L, -3, ++nlist);
  }
  return 2;
}

/* core.isatty(fd) -> whether file descriptor fd (0, 1 or 2) is a
** terminal; nil where that cannot be known (no POSIX): the command line
** asks before it runs `tput cols` or draws a progress bar (#16). */
static int core_isatty(lua_State *L) {
  lua_Integer fd = luaL_checkinteger(L, 1);
  luaL_argcheck(L, fd >= 0 && fd <= 2, 1, "0, 1 or 2 expected");
#ifdef LL_POSIX
  lua_pushboolean(L, isatty((int)fd));
#else
  lua_pushnil(L);
#endif
  return 1;
}

/* core.pathkind(path) -> "folder" | "file" | nil, and for a folder an id
** ("device:inode", links followed) that is the same for every path to it;
** nil for a path with a NUL byte. */
static int core_pathkind(lua_State *L) {
  size_t len;
  const char *path = luaL_checklstring(L, 1, &len);
  int k = strlen(path) == len ? ll_dir_kind(path) : 0;
  unsigned long long dev, ino;
  if (k == 'd') {
    lua_pushliteral(L, "folder");
    if (!ll_dir_id(path, &dev, &ino)) return 1;
    {
      char id[48];
      snprintf(id, sizeof id, "%llu:%llu", dev, ino);
      lua_pushstring(L, id);
    }
    return 2;
  } else if (k == 'f') {
    lua_pushliteral(L, "file");
  } else {
    lua_pushnil(L);
  }
  return 1;
}

#include "lindex.c" /* NOLINT(bugprone-suspicious-include): the binding is one unit */

/* Registers the Corpus metatable and core.corpus in the table on top. */
static void opencorpus(lua_State *L) {
  if (luaL_newmetatable(L, CORPUS_MT)) {
    lua_pushcfunction(L, corpus_len);
    lua_setfield(L, -2, "__len");
    lua_pushcfunction(L, corpus_gc);
    lua_setfield(L, -2, "__gc");
    luaL_newlib(L, corpus_methods);
    lua_setfield(L, -2, "__index");
  }
  lua_pop(L, 1);
  lua_pushcfunction(L, core_corpus);
  lua_setfield(L, -2, "corpus");
  lua_pushcfunction(L, core_listdir);
  lua_setfield(L, -2, "listdir");
  lua_pushcfunction(L, core_isatty);
  lua_setfield(L, -2, "isatty");
  lua_pushcfunction(L, core_pathkind);
  lua_setfield(L, -2, "pathkind");
  openstore(L);
}

/* ==== end of HTML pages and corpora ==== */

/* ==== random numbers for quizzes (llrand.c) ==== */

#include "llrand.h"

#define RAND_MT "leninletter.Random"

/* rnd:next() -> the next 32 random bits, as an integer in [0, 2^32) */
static int rand_next(lua_State *L) {
  ll_Rand *r = (ll_Rand *)luaL_checkudata(L, 1, RAND_MT);
  lua_pushinteger(L, (lua_Integer)ll_rand_next(r));
  return 1;
}

/* rnd:below(n) -> a uniform integer in [1, n], for 1 <= n < 2^32 */
static int rand_below(lua_State *L) {
  ll_Rand *r = (ll_Rand *)luaL_checkudata(L, 1, RAND_MT);
  lua_Integer n = luaL_checkinteger(L, 2);
  luaL_argcheck(L, n >= 1 && n <= (lua_Integer)UINT32_MAX, 2, "out of range");
  lua_pushinteger(L, (lua_Integer)ll_rand_below(r, (uint32_t)n) + 1);
  return 1;
}

static int rand_tostring(lua_State *L) {
  luaL_checkudata(L, 1, RAND_MT);
  lua_pushfstring(L, "%s (%p)", RAND_MT, lua_topointer(L, 1));
  return 1;
}

static const luaL_Reg rand_gen_methods[] = {
    {"next", rand_next}, {"below", rand_below}, {NULL, NULL}};

/* ud:rand_new(seed) -> a new generator seeded with the integer seed (any
** Lua integer; the same seed, the same numbers). The state lives in the
** userdata; the document only gives the constructor a home. */
static int rand_new(lua_State *L) {
  lua_Integer seed;
  ll_Rand *r;
  checkdoc(L, 1);
  seed = luaL_checkinteger(L, 2);
  r = (ll_Rand *)lua_newuserdatauv(L, sizeof *r, 0);
  ll_rand_seed(r, (uint64_t)seed); /* modulo 2^64, as lua_Unsigned in 5.4 */
  if (luaL_newmetatable(L, RAND_MT)) {
    lua_pushcfunction(L, rand_tostring);
    lua_setfield(L, -2, "__tostring");
    luaL_newlib(L, rand_gen_methods);
    lua_setfield(L, -2, "__index");
  }
  lua_setmetatable(L, -2);
  return 1;
}

static const luaL_Reg rand_methods[] = {{"rand_new", rand_new}, {NULL, NULL}};

/* ==== end of random numbers ==== */

/* ==== WordNet lookups for quizzes (llwordnet.c) ==== */

#include "llwordnet.h"

#define WN_MT "leninletter.WordNet"

/* The userdata: the allocator the handle was opened with, and the handle
** (NULL once closed). */
typedef struct WnBox {
  ll_Mem mem;
  ll_WordNet *wn;
} WnBox;

static const char *const WN_POS[LL_WN_NPOS] = {"noun", "verb", "adj", "adv"};
static const char *const WN_INFL[] = {"base", "plural",    "third",       "past",
                                      "ing",  "irregular", "comparative", "superlative"};

static int wn_gc(lua_State *L) {
  WnBox *b = (WnBox *)luaL_checkudata(L, 1, WN_MT);
  ll_wn_close(b->wn);
  b->wn = NULL;
  return 0;
}

/* pushes w with WordNet's '_' as spaces */
static void wn_pushword(lua_State *L, const char *w, size_t len) {
  luaL_Buffer B;
  size_t i;
  luaL_buffinit(L, &B);
  for (i = 0; i < len; i++) luaL_addchar(&B, w[i] == '_' ? ' ' : w[i]);
  luaL_pushresult(&B);
}

/* appends each synset word to the array at the top of the stack */
static int wn_addword(void *ctx, const char *w, size_t len) {
  lua_State *L = (lua_State *)ctx;
  wn_pushword(L, w, len);
  lua_rawseti(L, -2, (lua_Integer)lua_rawlen(L, -2) + 1);
  return 0;
}

typedef struct WnLook {
  lua_State *L;
  const ll_WordNet *wn;
  int pos;
} WnLook;

/* one reading {pos, lemma, inflection, senses, tagged, synset (the first
** sense's offset), lexfile, synonyms, words} appended to the array at the top of the stack */
static int wn_addreading(void *ctx, const char *base, size_t len, int inflection) {
  WnLook *lk = (WnLook *)ctx;
  lua_State *L = lk->L;
  ll_WnEntry e;
  int i, lex = -1;
  if (!ll_wn_index(lk->wn, lk->pos, base, len, &e)) return 0;
  lua_createtable(L, 0, 8);
  lua_pushstring(L, WN_POS[lk->pos]);
  lua_setfield(L, -2, "pos");
  wn_pushword(L, base, len);
  lua_setfield(L, -2, "lemma");
  lua_pushstring(L, WN_INFL[inflection]);
  lua_setfield(L, -2, "inflection");
  lua_pushinteger(L, e.senses);
  lua_setfield(L, -2, "senses");
  lua_pushinteger(L, e.tagged);
  lua_setfield(L, -2, "tagged");
  lua_pushinteger(L, ll_wn_offset(&e, 0));
  lua_setfield(L, -2, "synset");
  /* synonyms: the words of the first (most frequent) sense; words: those
  ** of every sense */
  lua_newtable(L);
  lua_newtable(L);
  for (i = 0; i < e.senses; i++) {
    int lf = -1;
    long off = ll_wn_offset(&e, i);
    if (i == 0) {
      lua_pushvalue(L, -2);
      ll_wn_synset(lk->wn, lk->pos, off, &lf, wn_addword, L);
      lua_pop(L, 1);
      lex = lf;
    }
    ll_wn_synset(lk->wn, lk->pos, off, &lf, wn_addword, L);
  }
  lua_setfield(L, -3, "words");
  lua_setfield(L, -2, "synonyms");
  if (ll_wn_lexname(lex) != NULL) {
    lua_pushstring(L, ll_wn_lexname(lex));
    lua_setfield(L, -2, "lexfile");
  }
  lua_rawseti(L, -2, (lua_Integer)lua_rawlen(L, -2) + 1);
  return 0;
}

/* wn:lookup(word) -> array of readings, one for each part of speech and
** base form that WordNet's morphy finds for word (lower case, spaces or
** '_' between words), nouns first, then verbs, adjectives, adverbs */
/* The base forms morphy finds for one part of speech, copied out while
** ll_wn_bases runs: its callback must not call Lua, which could raise
** while the library still holds memory (make allocfail found that). */
#define WN_MAXBASES 16
typedef struct WnBases {
  size_t n;
  struct {
    char s[128];
    size_t len;
    int inflection;
  } b[WN_MAXBASES];
} WnBases;

static int wn_keepbase(void *ctx, const char *base, size_t len, int inflection) {
  WnBases *bs = (WnBases *)ctx;
  if (bs->n < WN_MAXBASES && len < sizeof bs->b[0].s) {
    memcpy(bs->b[bs->n].s, base, len);
    bs->b[bs->n].len = len;
    bs->b[bs->n].inflection = inflection;
    bs->n++;
  }
  return 0;
}

static int wn_lookup(lua_State *L) {
  WnBox *b = (WnBox *)luaL_checkudata(L, 1, WN_MT);
  size_t len, i;
  const char *w = luaL_checklstring(L, 2, &len);
  char buf[128];
  WnLook lk;
  WnBases bs;
  luaL_argcheck(L, b->wn != NULL, 1, "WordNet closed");
  lua_newtable(L);
  if (len == 0 || len >= sizeof buf) return 1;
  for (i = 0; i < len; i++) buf[i] = w[i] == ' ' ? '_' : w[i];
  lk.L = L;
  lk.wn = b->wn;
  for (lk.pos = 0; lk.pos < LL_WN_NPOS; lk.pos++) {
    bs.n = 0;
    if (ll_wn_bases(&b->mem, b->wn, lk.pos, buf, len, wn_keepbase, &bs) != LL_OK)
      return memerror(L);
    /* the library holds nothing now: Lua may raise */
    for (i = 0; i < bs.n; i++) wn_addreading(&lk, bs.b[i].s, bs.b[i].len, bs.b[i].inflection);
  }
  return 1;
}

static const luaL_Reg wn_methods[] = {{"lookup", wn_lookup}, {"close", wn_gc}, {NULL, NULL}};

/* core.wordnet(dir) -> WordNet | nil, message: the database in folder dir */
static int core_wordnet(lua_State *L) {
  const char *dir = luaL_checkstring(L, 1);
  char err[LL_ERRSIZE];
  int st;
  WnBox *b = (WnBox *)lua_newuserdatauv(L, sizeof *b, 0);
  b->wn = NULL;
  getmem(L, &b->mem);
  if (luaL_newmetatable(L, WN_MT)) {
    lua_pushcfunction(L, wn_gc);
    lua_setfield(L, -2, "__gc");
    luaL_newlib(L, wn_methods);
    lua_setfield(L, -2, "__index");
  }
  lua_setmetatable(L, -2);
  st = ll_wn_open(&b->mem, dir, &b->wn, err, sizeof err);
  if (st != LL_OK) return nilerror(L, st, err);
  return 1;
}

/* ==== end of WordNet ==== */

#include "lcache.c" /* NOLINT(bugprone-suspicious-include): the binding is one unit */

/* ud:title() -> the title's text, or nil (without making the tree) */
static int doc_title(lua_State *L) {
  ll_Doc *d = checkdoc(L, 1);
  if (d->title == NULL) return 0;
  lua_pushlstring(L, d->title->text, d->title->len);
  return 1;
}

static const luaL_Reg doc_methods[] = {{"tree", doc_tree},
                                       {"title", doc_title},
                                       {"paragraphs", doc_paragraphs},
                                       {"paratext", doc_paratext},
                                       {NULL, NULL}};

static const luaL_Reg doc_meta[] = {
    {"__gc", doc_gc}, {"__close", doc_gc}, {"__tostring", doc_tostring}, {NULL, NULL}};

static const luaL_Reg core_funcs[] = {
    {"parse", core_parse},           {"load", core_load},
    {"readfile", core_readfile},     {"openpage", core_openpage},
    {"letter", core_letter},         {"letter_text", core_letter_text},
    {"dates", core_dates},           {"wordnet", core_wordnet},
    {"loadcached", core_loadcached}, {NULL, NULL}};

LUALIB_API int luaopen_leninletter_core(lua_State *L);

__attribute__((visibility("default"))) LUALIB_API int luaopen_leninletter_core(lua_State *L) {
  if (luaL_newmetatable(L, DOC_MT)) {
    luaL_setfuncs(L, doc_meta, 0);
    luaL_newlib(L, doc_methods);
    /* each section's methods and functions are registered here */
    luaL_setfuncs(L, ix_methods, 0);
    luaL_setfuncs(L, rand_methods, 0);
    luaL_setfuncs(L, dt_methods, 0);
    luaL_setfuncs(L, ent_methods, 0);
    lua_setfield(L, -2, "__index");
  }
  lua_pop(L, 1);
  if (luaL_newmetatable(L, BATCH_MT)) luaL_setfuncs(L, batch_meta, 0);
  lua_pop(L, 1);
  luaL_newlib(L, core_funcs);
  opencorpus(L);
  return 1;
}
