/*
** allocfail.c: Lua 5.4 embedded with an allocator that fails, as Lua's own
** ltests and SQLite's malloc tests do: for N = 1, 2, ... a task runs with its
** Nth allocation failing, until one run succeeds. Every failure must be the
** Lua error "not enough memory", every state must give back every byte when
** closed, and the run that succeeds must give the same result as a run with
** no failure. Usage: allocfail [TASK...]. Every N is tried for a task of up
** to ALLOCFAIL_MAX allocations (default 2000; 800 for the corpus task, 300
** for the large study task; 0: no limit), a sample of that many evenly
** spread Ns for a larger one.
*/
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <libxml/parser.h>
#include <libxml/xmlmemory.h>

#include "lua.h"
#include "lauxlib.h"
#include "lualib.h"

#include "luahost.h"
#include "testutil.h"


/* ------------------------------------------------------------------ */
/* The allocator                                                       */
/* ------------------------------------------------------------------ */

/* Counts the bytes in use (by the sizes Lua and the library state) and,
** when armed, the allocations; fails the failat-th allocation after arming
** and, unless once is set, every one after it: memory gone for good. Lua's
** contract is kept: a block that shrinks never fails. */
typedef struct Mem {
  size_t live;
  long count;   /* allocations since armed */
  long failat;  /* 0: fail none */
  int armed, once, failed;
} Mem;

/* The count is shared with libxml2's allocations (below), which the
** module's worker threads make outside its own lock: this one guards it. */
static pthread_mutex_t countlock = PTHREAD_MUTEX_INITIALIZER;

/* Counts one allocation of m when armed; nonzero if it must fail. */
static int refuse(Mem *m) {
  int no = 0;
  pthread_mutex_lock(&countlock);
  if (m->armed) {
    m->count++;
    if (m->failat > 0 && (m->count == m->failat ||
                          (!m->once && m->count > m->failat))) {
      m->failed = 1;
      no = 1;
    }
  }
  pthread_mutex_unlock(&countlock);
  return no;
}

static void *l_alloc(void *ud, void *ptr, size_t osize, size_t nsize) {
  Mem *m = (Mem *)ud;
  void *q;
  if (nsize == 0) {
    if (ptr != NULL) m->live -= osize;
    free(ptr);
    return NULL;
  }
  if (!(ptr != NULL && nsize <= osize) && refuse(m)) return NULL;
  q = realloc(ptr, nsize);
  if (q == NULL) return NULL;
  if (ptr != NULL) m->live -= osize;
  m->live += nsize;
  return q;
}

/* libxml2's allocations count with the Lua state's and fail the same way
** (installed with xmlMemSetup before the module is loaded, which then
** keeps them): the Mem of the run in progress, NULL between runs. What
** libxml2 does not give back, LeakSanitizer reports. */
static Mem *xmlcount;

static void *x_malloc(size_t n) {
  return xmlcount != NULL && refuse(xmlcount) ? NULL : malloc(n);
}

static void *x_realloc(void *p, size_t n) {
  return xmlcount != NULL && refuse(xmlcount) ? NULL : realloc(p, n);
}

static char *x_strdup(const char *s) {
  size_t n = strlen(s) + 1;
  char *p = xmlcount != NULL && refuse(xmlcount) ? NULL : (char *)malloc(n);
  if (p != NULL) memcpy(p, s, n);
  return p;
}

/* ------------------------------------------------------------------ */
/* The tasks                                                           */
/* ------------------------------------------------------------------ */

/* Each task is a chunk run in a state where leninletter is loaded; it
** returns a string that sums up what it got (the result to compare). The
** calls for phases not there yet are skipped, so each one is covered as it
** lands. */
typedef struct Task {
  const char *name;
  long max;           /* its own ALLOCFAIL_MAX (0: the default) */
  const char *setup;  /* run before arming: reads files, loads modules */
  const char *chunk;  /* run armed */
} Task;

#define DIGEST                                                            \
  "local out = {}\n"                                                      \
  "local function put(...) for i = 1, select('#', ...) do "               \
  "out[#out + 1] = tostring((select(i, ...))) end end\n"

static const Task tasks[] = {
  {"letter: parse, tree, index, queries, concordance, entities, dates", 0,
   "ll = require 'leninletter'\n",
   DIGEST
   "local doc = ll.letter()\n"
   "put(doc.title, doc.author, #doc.paragraphs, #doc.notes, doc.meta.Written)\n"
   "put(doc.paragraphs[2].sentences[1], doc:note(3).text:sub(1, 40))\n"
   "put(doc:count('Soviet'), doc:count('revolution*', {scope = 'all'}))\n"
   "for _, h in ipairs(doc:concordance('Soviet', {width = 25, sort = 'left'})) do\n"
   "  put(h.left, h.match, h.right, h.paragraph, h.sentence)\n"
   "end\n"
   "for _, h in ipairs(doc:find('Black Hundreds', {scope = 'all'})) do\n"
   "  put(h.part, h.pos)\n"
   "end\n"
   "for _, f in ipairs(doc:frequencies({min = 8})) do put(f.word, f.count) end\n"
   "for _, g in ipairs(doc:ngrams(2, {min = 4})) do put(g.ngram, g.count) end\n"
   "for _, c in ipairs(doc:collocates('Soviet', {min = 3})) do put(c.word) end\n"
   "local xs, n = doc:dispersion('party')\n"
   "put(#xs, n)\n"
   "if doc.entity then\n"
   "  local e = doc:entity('Soviet of Workers\\' Deputies')\n"
   "  put(e and e.id, e and e.type, e and #e.mentions)\n"
   "end\n"
   "if doc.entities then put(#doc:entities()) end\n"
   "if doc.dates then for _, d in ipairs(doc:dates()) do put(d.text) end end\n"
   "return table.concat(out, '|')\n"},
  {"page: parse a sample page, find, tokens", 0,
   "ll = require 'leninletter'\n"
   "local f = assert(io.open(SHARED .. '/mia-samples/08.txt', 'rb'))\n"
   "TEXT = f:read('a') f:close()\n",
   DIGEST
   "local doc = assert(ll.parse(TEXT))\n"
   "put(doc.title, doc.number, #doc.paragraphs, #doc.notes, #doc.warnings)\n"
   "for t in doc:tokens({scope = 'all'}) do put(t.norm) end\n"
   "for _, h in ipairs(doc:find('Zinoviev')) do put(h.pos) end\n"
   "put(select(2, ll.parse('Lenin\\n\\xff')))\n"
   "return table.concat(out, '|')\n"},
  {"html: parse a page as marxists.org serves it", 0,
   "ll = require 'leninletter'\n"
   "local f = assert(io.open(SHARED .. "
   "'/corpus/mia-reader-lenin/archive/lenin/works/1914/nov/08.htm', 'rb'))\n"
   "TEXT = f:read('a') f:close()\n",
   DIGEST
   "local doc, err = ll.parse(TEXT)\n"
   "if not doc then return err end\n"
   "put(doc.title, doc.author, #doc.paragraphs, #doc.notes)\n"
   "for _, p in ipairs(doc.paragraphs) do put(#p.sentences, #p.pagebreaks) end\n"
   "put(doc:count('war'))\n"
   "return table.concat(out, '|')\n"},
  /* with libxml2 2.9.14 its 17th, 42nd, 59th... allocation failing made
     htmlParseDocument spin for ever (issue #19) */
  {"html: State and Revolution, chapter 1, libxml2's allocations failing", 0,
   "ll = require 'leninletter'\n"
   "local f = assert(io.open(SHARED .. "
   "'/corpus/mia-lenin/archive/lenin/works/1917/staterev/ch01.htm', 'rb'))\n"
   "TEXT = f:read('a') f:close()\n",
   DIGEST
   "local doc, err = ll.parse(TEXT)\n"
   "if not doc then return err end\n"
   "put(doc.title, #doc.paragraphs, #doc.notes, doc.paragraphs[5].text)\n"
   "return table.concat(out, '|')\n"},
  {"corpus: a folder of pages and Documents, queried across", 800,
   "ll = require 'leninletter'\n"
   "DIR = SHARED .. '/mia-samples'\n"
   "LETTER = ll.letter()\n"
   "local ok\n"
   "ok, lpeg = pcall(require, 'lpeg')\n"
   "if not ok then lpeg = nil end\n",
   DIGEST
   "if not ll.corpus then return 'no corpus' end\n"
   /* more than 64 KB of text: the index is built in two halves */
   "local c = assert(ll.corpus({DIR, LETTER, LETTER, LETTER}))\n"
   "put(#c, #(c.warnings or {}))\n"
   "for _, w in ipairs(c.warnings or {}) do put(w) end\n"
   "put(c:count('the'), c:count('Soviet', {scope = 'all'}))\n"
   "for _, h in ipairs(c:concordance('Lenin', {width = 10})) do\n"
   "  put(h.doc, h.left, h.right)\n"
   "end\n"
   "for _, f in ipairs(c:frequencies({min = 30})) do put(f.word, f.count) end\n"
   "for _, g in ipairs(c:ngrams(2, {min = 6})) do put(g.ngram, g.count) end\n"
   "for _, k in ipairs(c:collocates('Soviet')) do put(k.word, k.count) end\n"
   "if lpeg then put(c:count(lpeg.P('sov') * lpeg.R('az') ^ 0)) end\n"
   "return table.concat(out, '|')\n"},
  /* HTML pages met by core.load before leninletter.html is loaded: read,
     sniffed, the reader required (from package.preload here) while
     allocations fail, then read again (lcore.c, loadhtml) */
  {"corpus: a folder of HTML pages, the HTML reader loaded on the way", 600,
   "ll = require 'leninletter'\n"
   "DIR = SHARED .. '/corpus/mia-lenin/archive/lenin/works/1917/dec'\n",
   DIGEST
   "local c = assert(ll.corpus({DIR}))\n"
   "put(#c, #(c.warnings or {}))\n"
   "for _, w in ipairs(c.warnings or {}) do put(w) end\n"
   "for i = 1, #c do put(c[i].title, #c[i].paragraphs) end\n"
   "put(c:count('the'), c:count('Soviet'))\n"
   "put(package.loaded['leninletter.html'] ~= nil)\n"
   "return table.concat(out, '|')\n"},
  /* the stemmer's module required (from package.preload here) while
     allocations fail, at the first query that stems (lcore.c, getplugin) */
  {"stem: queries that stem, the stemmer loaded on the way", 0,
   "ll = require 'leninletter'\n"
   "LETTER = ll.letter()\n"
   "LETTER:count('soviet')\n",
   DIGEST
   "local doc = LETTER\n"
   "put(doc:count('hundred', {stem = true}), doc:count('organise', {stem = true}))\n"
   "for _, h in ipairs(doc:concordance('revolution', {stem = true, width = 10})) do\n"
   "  put(h.match)\n"
   "end\n"
   "put(package.loaded['leninletter.stem'] ~= nil)\n"
   "return table.concat(out, '|')\n"},
  /* the command line's bytecode cache (lcache.c): a source read,
     compiled and its dump written (the source new in every run: its
     number changes), then the same read back from the cache */
  {"bytecode cache: a module compiled and cached, then loaded from the cache", 0,
   "core = require 'leninletter.core'\n"
   "SRC, DIR = 'build/allocfail-cache.lua', 'build/allocfail-cache'\n",
   DIGEST
   "local f = assert(io.open(SRC, 'w'))\n"
   "f:write('local n = ', string.format('%.17g', os.clock()), '\\nreturn ...')\n"
   "f:close()\n"
   "for _, dir in ipairs({false, DIR, DIR}) do\n"
   "  local chunk = assert(core.loadcached(SRC, dir or nil))\n"
   "  put(chunk('from', dir and 'cache' or 'source'))\n"
   "end\n"
   "put(core.loadcached('build/no-such-source.lua', DIR))\n"
   "return table.concat(out, '|')\n"},
  {"research: variants, wildcards, co-occurrence, per page, keywords", 400,
   "ll = require 'leninletter'\n"
   "LETTER = ll.letter()\n",
   DIGEST
   "local doc = LETTER\n"
   "put(doc:count('tsar', {variants = true}), doc:count('Black Hundreds', {variants = true}))\n"
   "put(doc:count('*ism'), doc:count('*revolution*'), doc:count('revolution*', {variants = true}))\n"
   "for _, h in ipairs(doc:concordance({'soviet', 'party', within = 5}, {width = 20})) do\n"
   "  put(h.match)\n"
   "end\n"
   "put(doc:count({'soviet', 'party', within = 'sentence'}))\n"
   "for _, k in ipairs(doc:collocates({'soviet', 'party'}, {min = 3})) do put(k.word) end\n"
   "local c = ll.corpus({LETTER, ll.parse('Page\\n\\nThe soviet met the party.\\n')})\n"
   "put(table.concat(c:counts('soviet'), ','), c:sizes()[2].words)\n"
   "for _, f in ipairs(c:frequencies({by = 'doc', min = 2})) do put(f.word) end\n"
   "for _, g in ipairs(c:ngrams(2, {by = 'doc', min = 2})) do put(g.ngram) end\n"
   "for _, k in ipairs(c:keywords({1}, {min = 5})) do put(k.word, k.count) end\n"
   "for _, d in ipairs(c:dates()) do put(d.date_source) end\n"
   "put(#c:find('soviet', {variants = true})[1].title)\n"
   "return table.concat(out, '|')\n"},
  /* an index file (issue #16): opened with nothing unpacked, its
     vocabulary decoded where it lies, its check bits and documents made as
     queries reach them (lindex.c, llstore.c, llindex.c) */
  {"index file: opened, queried, checked, a page made", 600,
   "ll = require 'leninletter'\n"
   "PATH = 'build/allocfail-index.llx'\n"
   "assert(ll.index({SHARED .. '/mia-samples', ll.letter()}, PATH))\n",
   DIGEST
   "local c = assert(ll.corpus(PATH))\n"
   "put(#c, c:count('the'), c:count('Soviet', {scope = 'all'}), c:count('zzyzzyva'))\n"
   "for _, h in ipairs(c:concordance('Lenin', {width = 10})) do put(h.doc, h.left, h.right) end\n"
   "for _, f in ipairs(c:frequencies({min = 30})) do put(f.word, f.count) end\n"
   "put(c:count('revolution*'), c[1].title, c:check())\n"
   "return table.concat(out, '|')\n"},
  {"study: quiz and exports, when they are there", 300,
   "ll = require 'leninletter'\n"
   "local ok\n"
   "ok, quiz = pcall(require, 'leninletter.quiz')\n"
   "if not ok then quiz = nil end\n"
   "ok, export = pcall(require, 'leninletter.export')\n"
   "if not ok then export = nil end\n"
   "DOC = ll.letter()\n",
   DIGEST
   "if quiz then\n"
   "  for _, q in ipairs(quiz.cloze(DOC, {count = 3, seed = 7})) do\n"
   "    put(q.prompt, q.answer)\n"
   "  end\n"
   "end\n"
   "if export then put(#export.json(DOC), #export.markdown(DOC)) end\n"
   "return table.concat(out, '|')\n"},
};

#define NTASKS (sizeof tasks / sizeof tasks[0])

/* ------------------------------------------------------------------ */
/* Running a task                                                      */
/* ------------------------------------------------------------------ */

typedef struct Outcome {
  int ok;          /* the chunk returned */
  char *result;    /* its string (malloc'd), when ok */
  char *error;     /* the error message (malloc'd), when not ok */
  size_t leaked;   /* bytes still counted after lua_close */
  long allocs;     /* allocations made while armed */
  int failed;      /* the allocator refused one */
} Outcome;

static char *dupstr(const char *s) {
  size_t n = strlen(s) + 1;
  char *p = (char *)malloc(n);
  if (p != NULL) memcpy(p, s, n);
  return p;
}

/* A state with leninletter.core preloaded from this executable and the
** Lua layer found in the work tree. */
static lua_State *newstate(Mem *m) {
  lua_State *L = lua_newstate(l_alloc, m);
  if (L == NULL) return NULL;
  host_open(L);
  lua_pushstring(L, getenv("LL_SHARED") ? getenv("LL_SHARED") : LL_SHARED);
  lua_setglobal(L, "SHARED");
  return L;
}

/* Runs task t with the failat-th allocation failing (0: none). */
static void run(const Task *t, long failat, int once, Outcome *o) {
  Mem m;
  lua_State *L;
  memset(o, 0, sizeof *o);
  memset(&m, 0, sizeof m);
  L = newstate(&m);
  if (L == NULL) {
    o->error = dupstr("cannot create a state");
    return;
  }
  if (luaL_loadstring(L, t->setup) != LUA_OK ||
      lua_pcall(L, 0, 0, 0) != LUA_OK) {
    o->error = dupstr(lua_tostring(L, -1) ? lua_tostring(L, -1) : "?");
    o->error = o->error ? o->error : dupstr("setup failed");
    lua_close(L);
    return;
  }
  /* the chunk is compiled unarmed: what fails is the module's work */
  if (luaL_loadstring(L, t->chunk) != LUA_OK) {
    o->error = dupstr(lua_tostring(L, -1));
    lua_close(L);
    return;
  }
  lua_gc(L, LUA_GCCOLLECT);
  m.failat = failat;
  m.once = once;
  xmlcount = &m;
  m.armed = 1;
  if (lua_pcall(L, 0, 1, 0) == LUA_OK) {
    const char *r = lua_tostring(L, -1);
    o->ok = 1;
    m.armed = 0;
    o->result = dupstr(r != NULL ? r : "(not a string)");
  } else {
    const char *e = lua_type(L, -1) == LUA_TSTRING ? lua_tostring(L, -1)
                                                   : "(not a string)";
    m.armed = 0;
    o->error = dupstr(e);
  }
  xmlcount = NULL;
  o->allocs = m.count;
  o->failed = m.failed;
  /* the state must still work after the error */
  lua_settop(L, 0);
  lua_gc(L, LUA_GCCOLLECT);
  lua_close(L);
  o->leaked = m.live;
}

static void release(Outcome *o) {
  free(o->result);
  free(o->error);
  o->result = o->error = NULL;
}

/* ------------------------------------------------------------------ */
/* The sweep                                                           */
/* ------------------------------------------------------------------ */

/* Checks one run against the reference; prints what is wrong. */
static int judge(const Task *t, long n, int once, const Outcome *o,
                 const char *want) {
  const char *mode = once ? "once" : "from";
  if (o->leaked != 0) {
    printf("FAIL %s: N=%ld (%s): %lu bytes not given back\n", t->name, n,
           mode, (unsigned long)o->leaked);
    return 0;
  }
  /* a corpus page that ran out of memory is that page's warning (issue
     #19): the run goes on and says so in its result */
  if (o->ok && o->failed && o->result != NULL && strcmp(o->result, want) != 0 &&
      strstr(o->result, ": not enough memory") != NULL)
    return 1;
  if (o->ok) {
    if (o->result == NULL || strcmp(o->result, want) != 0) {
      printf("FAIL %s: N=%ld (%s): a different result\n  got:  %.200s\n"
             "  want: %.200s\n", t->name, n, mode,
             o->result ? o->result : "(null)", want);
      return 0;
    }
    return 1;
  }
  if (o->error == NULL || strcmp(o->error, "not enough memory") != 0) {
    printf("FAIL %s: N=%ld (%s): error '%s', not 'not enough memory'\n",
           t->name, n, mode, o->error ? o->error : "(null)");
    return 0;
  }
  if (!o->failed) {
    printf("FAIL %s: N=%ld (%s): 'not enough memory' but no allocation "
           "failed\n", t->name, n, mode);
    return 0;
  }
  return 1;
}

/* Runs task t with N = 1, 1+stride, ... failing for good, until a run
** succeeds; then with only the Nth allocation failing, for the same Ns.
** The stride is 1 unless the task makes more than max allocations (max 0:
** no limit). Returns 1 if every run was right. */
static int sweep(const Task *t, long max) {
  Outcome ref, o;
  long n, total, bad = 0, errs = 0, oks = 0, stride = 1;
  clock_t c0 = clock();
  run(t, 0, 0, &ref);
  if (!ref.ok || ref.leaked != 0) {
    printf("FAIL %s: the run with no failure: %s (%lu bytes left)\n",
           t->name, ref.error ? ref.error : "ok", (unsigned long)ref.leaked);
    release(&ref);
    return 0;
  }
  total = ref.allocs;
  if (max > 0 && total > max) stride = (total + max - 1) / max;
  /* memory gone for good from the Nth allocation */
  for (n = 1;; n += stride) {
    run(t, n, 0, &o);
    if (!judge(t, n, 0, &o, ref.result) && ++bad >= 10) {
      release(&o);
      break;
    }
    if (o.ok) {
      release(&o);
      break;
    }
    errs++;
    release(&o);
    if (n > total + 1000) {
      printf("FAIL %s: still failing at N=%ld, past the %ld allocations of "
             "a whole run\n", t->name, n, total);
      bad++;
      break;
    }
  }
  /* only the Nth allocation failing: Lua retries its own after an
     emergency collection; the library's must fail cleanly */
  for (n = 1; n <= total && bad < 10; n += stride) {
    run(t, n, 1, &o);
    if (!judge(t, n, 1, &o, ref.result)) bad++;
    else if (o.ok) oks++;
    else errs++;
    release(&o);
  }
  if (bad == 0)
    printf("%s: %ld allocations; N = 1..%ld step %ld, failing for good and "
           "once: %ld errors, all 'not enough memory', %ld recoveries with "
           "the right result, nothing leaked (%.1f s)\n",
           t->name, total, total, stride, errs, oks,
           (double)(clock() - c0) / CLOCKS_PER_SEC);
  else
    printf("%s: FAILED (%ld wrong runs; the first are listed above)\n",
           t->name, bad);
  release(&ref);
  return bad == 0;
}

int main(int argc, char **argv) {
  Tally tally = {0, 0};
  const char *s = getenv("ALLOCFAIL_MAX");
  long max = s != NULL ? atol(s) : 2000;
  size_t i;
  int k;
  xmlMemSetup(free, x_malloc, x_realloc, x_strdup);
  xmlInitParser();
  for (i = 0; i < NTASKS; i++) {
    int chosen = argc < 2;
    for (k = 1; k < argc; k++)
      if (strncmp(tasks[i].name, argv[k], strlen(argv[k])) == 0) chosen = 1;
    if (!chosen) continue;
    /* a task's own limit holds unless ALLOCFAIL_MAX is given */
    if (sweep(&tasks[i], s == NULL && tasks[i].max > 0 ? tasks[i].max : max))
      tally.passed++;
    else tally.failed++;
    fflush(stdout);
  }
  return report(&tally);
}
