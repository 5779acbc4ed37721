/*
** threads.c: two lua_States in two threads at once, each parsing pages and
** querying them through the whole module, corpora too (whose pages and
** index are made on two threads more: runtasks in lcore.c), and reading
** HTML through the C library, must get what one state alone gets: the
** library keeps no state.
*/
#define _POSIX_C_SOURCE 200809L  /* strdup */

#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lua.h"
#include "lauxlib.h"
#include "lualib.h"

#include "ll.h"
#include "llhtml.h"
#include "luahost.h"
#include "testutil.h"


#define NTHREADS 2
#define ROUNDS 10

/* What each round does in Lua: the letter, a sample page and the odd one,
** queried every way; returns a digest of everything it got. */
static const char *const chunk =
  "local ll = require 'leninletter'\n"
  "local out = {}\n"
  "local function put(...) for i = 1, select('#', ...) do "
  "out[#out + 1] = tostring((select(i, ...))) end end\n"
  "local docs = {ll.letter(), assert(ll.parse(SAMPLE)),\n"
  "  assert(ll.parse('A [1] b.[99999999999]\\n\\n[1] c'))}\n"
  "for _, doc in ipairs(docs) do\n"
  "  put(doc.title, #doc.paragraphs, #doc.notes, #doc.warnings)\n"
  "  for _, p in ipairs(doc.paragraphs) do put(#p.sentences, #p.refs) end\n"
  "  put(doc:count('the'), doc:count('Sov*', {scope = 'all'}))\n"
  "  for _, h in ipairs(doc:concordance('the', {width = 12, sort = 'right'})) do\n"
  "    put(h.left, h.right)\n"
  "  end\n"
  "  for _, f in ipairs(doc:frequencies({min = 3})) do put(f.word, f.count) end\n"
  "  for _, g in ipairs(doc:ngrams(3, {min = 2})) do put(g.ngram) end\n"
  "  for _, c in ipairs(doc:collocates('the', {measure = 't'})) do\n"
  "    put(c.word, ('%.6g'):format(c.score))\n"
  "  end\n"
  "  if doc.entities then put(#doc:entities()) end\n"
  "  if doc.dates then for _, d in ipairs(doc:dates()) do put(d.text) end end\n"
  "  collectgarbage()\n"
  "end\n"
  /* a corpus of more than 64 KB: its index is built on two more threads */
  "local c = ll.corpus({docs[1], docs[2], docs[1], docs[3], docs[1]})\n"
  "put(#c, c:count('the'), c:count('Sov*', {scope = 'all'}))\n"
  "for _, h in ipairs(c:concordance('the', {width = 12, sort = 'left'})) do\n"
  "  put(h.doc, h.left, h.right)\n"
  "end\n"
  /* a folder of pages, read and parsed on two more threads */
  "if PAGES then\n"
  "  local p = ll.corpus({PAGES})\n"
  "  put(#p, #p.warnings, p:count('the'))\n"
  "  for i = 1, #p do put(p[i].title, #p[i].paragraphs) end\n"
  "end\n"
  "return table.concat(out, '|')\n";

typedef struct Job {
  int id;
  const char *sample;  /* a plain-text page */
  const char *html;    /* an HTML page, or NULL */
  const char *pages;   /* a folder of HTML pages, or NULL */
  size_t htmllen;
  char *digest[ROUNDS];
  char err[256];
} Job;

/* The HTML page through the C library: the reader feeding the builder. */
static void html_digest(const Job *j, luaL_Buffer *b) {
  ll_Mem m = {ll_stdalloc, NULL};
  char err[LL_ERRSIZE], line[128];
  ll_Doc *d = NULL;
  size_t i, n = 0;
  int st;
  if (j->html == NULL) return;
  st = ll_read_html(&m, &ll_html_reader, j->html, j->htmllen, &d, err, sizeof err);
  for (i = 0; d != NULL && i < d->nparas; i++) n += d->paras[i].len;
  snprintf(line, sizeof line, "|html %d %lu %lu %lu", st, (unsigned long)n,
           d ? (unsigned long)d->nparas : 0UL, d ? (unsigned long)d->nnotes : 0UL);
  luaL_addstring(b, line);
  ll_doc_free(d);
}

static void *work(void *arg) {
  Job *j = (Job *)arg;
  int r;
  for (r = 0; r < ROUNDS; r++) {
    lua_State *L = luaL_newstate();
    luaL_Buffer b;
    if (L == NULL) {
      snprintf(j->err, sizeof j->err, "no state");
      return NULL;
    }
    host_open(L);
    lua_pushstring(L, j->sample);
    lua_setglobal(L, "SAMPLE");
    if (j->pages != NULL) {
      lua_pushstring(L, j->pages);
      lua_setglobal(L, "PAGES");
    }
    if (luaL_dostring(L, chunk) != LUA_OK) {
      snprintf(j->err, sizeof j->err, "thread %d: %s", j->id,
               lua_tostring(L, -1));
      lua_close(L);
      return NULL;
    }
    luaL_buffinit(L, &b);
    lua_pushvalue(L, -2);
    luaL_addvalue(&b);
    html_digest(j, &b);
    luaL_pushresult(&b);
    j->digest[r] = strdup(lua_tostring(L, -1));
    lua_close(L);
  }
  return NULL;
}

int main(void) {
  const char *shared = getenv("LL_SHARED") ? getenv("LL_SHARED") : LL_SHARED;
  char path[1024], pages[1024];
  Job alone, jobs[NTHREADS];
  pthread_t th[NTHREADS];
  char *sample, *html;
  size_t htmllen = 0, digestlen;
  int passed = 0, failed = 0, i, r;
  snprintf(path, sizeof path, "%s/mia-samples/08.txt", shared);
  sample = readfile(path, NULL);
  if (sample == NULL) sample = strdup("Lenin\n\nA text. Another one.\n");
  snprintf(path, sizeof path,
           "%s/corpus/mia-reader-lenin/archive/lenin/works/1914/nov/08.htm",
           shared);
  html = readfile(path, &htmllen);
  if (html == NULL) printf("threads: %s absent, HTML skipped\n", path);
  snprintf(pages, sizeof pages, "%s/corpus/mia-reader-lenin/archive/lenin/works/1914/granat",
           shared);
  /* one state alone first: the reference */
  memset(&alone, 0, sizeof alone);
  alone.sample = sample;
  alone.html = html;
  alone.htmllen = htmllen;
  alone.pages = html != NULL ? pages : NULL;
  work(&alone);
  if (alone.err[0] != '\0' || alone.digest[0] == NULL) {
    printf("FAIL alone: %s\n0 passed, 1 failed\n", alone.err);
    return 1;
  }
  for (i = 0; i < NTHREADS; i++) {
    memset(&jobs[i], 0, sizeof jobs[i]);
    jobs[i].id = i + 1;
    jobs[i].sample = sample;
    jobs[i].html = html;
    jobs[i].htmllen = htmllen;
    jobs[i].pages = alone.pages;
    if (pthread_create(&th[i], NULL, work, &jobs[i]) != 0) {
      printf("FAIL cannot start thread %d\n", i + 1);
      return 1;
    }
  }
  for (i = 0; i < NTHREADS; i++) pthread_join(th[i], NULL);
  for (i = 0; i < NTHREADS; i++) {
    int same = jobs[i].err[0] == '\0';
    for (r = 0; same && r < ROUNDS; r++)
      same = jobs[i].digest[r] != NULL &&
             strcmp(jobs[i].digest[r], alone.digest[0]) == 0;
    if (same) {
      passed++;
    } else {
      failed++;
      printf("FAIL thread %d: %s\n", jobs[i].id,
             jobs[i].err[0] ? jobs[i].err : "a result differs from one "
                                            "state alone");
    }
    for (r = 0; r < ROUNDS; r++) free(jobs[i].digest[r]);
  }
  digestlen = strlen(alone.digest[0]);
  for (r = 0, i = 1; r < ROUNDS; r++)
    if (alone.digest[r] == NULL || strcmp(alone.digest[r], alone.digest[0]))
      i = 0;
  for (r = 0; r < ROUNDS; r++) free(alone.digest[r]);
  if (i) {
    passed++;
  } else {
    failed++;
    printf("FAIL alone: rounds differ\n");
  }
  printf("threads: %d threads x %d rounds, each parsing and querying 3 pages "
         "in Lua, then a corpus of them (its index built on two threads more) and "
         "%s, and reading HTML in C: the same %lu-byte digest as one state "
         "alone\n", NTHREADS, ROUNDS,
         alone.pages ? "a folder of pages (read on two threads more)" : "no folder", (unsigned long)digestlen);
  printf("%d passed, %d failed\n", passed, failed);
  free(sample);
  free(html);
  return failed != 0;
}
