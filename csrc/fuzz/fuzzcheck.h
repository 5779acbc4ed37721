/*
** fuzzcheck.h: what the fuzz harnesses share: a counting allocator that can
** fail, and the invariants of a parsed document, checked by abort().
** Included by each csrc/fuzz/fuzz_*.c (one harness per binary).
*/
#ifndef FUZZCHECK_H
#define FUZZCHECK_H

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ll.h"

/* A failed invariant: say which, then crash so libFuzzer keeps the input. */
#define FUZZ_CHECK(c)                                                     \
  do {                                                                    \
    if (!(c)) {                                                           \
      fprintf(stderr, "%s:%d: invariant failed: %s\n", __FILE__, __LINE__, \
              #c);                                                        \
      abort();                                                            \
    }                                                                     \
  } while (0)

/* ------------------------------------------------------------------ */
/* The allocator                                                       */
/* ------------------------------------------------------------------ */

/* Counts allocations and live bytes (by the sizes the library states, so
** a wrong osize shows as a count that does not return to zero); from the
** failat-th allocation on (0-based), every allocation fails, as when
** memory has run out for good. failat < 0: none fails. */
typedef struct FuzzAlloc {
  long calls, failat;
  size_t live;
} FuzzAlloc;

static inline void *fuzz_alloc(void *ud, void *ptr, size_t osize, size_t nsize) {
  FuzzAlloc *a = (FuzzAlloc *)ud;
  void *q;
  if (nsize == 0) {
    if (ptr != NULL) {
      FUZZ_CHECK(a->live >= osize);
      a->live -= osize;
    }
    free(ptr);
    return NULL;
  }
  if (a->failat >= 0 && a->calls >= a->failat) return NULL;
  a->calls++;
  q = realloc(ptr, nsize);
  if (q == NULL) return NULL;
  if (ptr != NULL) {
    FUZZ_CHECK(a->live >= osize);
    a->live -= osize;
  }
  a->live += nsize;
  return q;
}

static inline void fuzz_mem(ll_Mem *m, FuzzAlloc *a, long failat) {
  a->calls = 0;
  a->failat = failat;
  a->live = 0;
  m->f = fuzz_alloc;
  m->ud = a;
}

/* A deterministic number from the input: where the second run fails. */
static inline uint32_t fuzz_hash(const uint8_t *p, size_t n) {
  uint32_t h = 2166136261u;
  size_t i;
  for (i = 0; i < n; i++) h = (h ^ p[i]) * 16777619u;
  return h;
}

/* ------------------------------------------------------------------ */
/* Memory running out                                                  */
/* ------------------------------------------------------------------ */

/* One run of a harness over the input, with its allocator a failing from
** allocation failat on (-1: none); frees all it made, returns the status. */
typedef int (*FuzzRun)(const uint8_t *data, size_t size, FuzzAlloc *a, long failat);

enum {
  FUZZ_NOMEM_AT_ALL = 1, /* with no memory at all, the run must fail */
  FUZZ_MAY_REFUSE = 2    /* short of memory, the run may still refuse the input */
};

/* Runs run over the input with memory enough (never LL_ERRMEM), then,
** when that allocated, with none at all (LL_ERRMEM; with FUZZ_NOMEM_AT_ALL)
** and with memory running out at a point the input chooses (LL_ERRMEM or
** LL_OK, or LL_ERRINPUT with FUZZ_MAY_REFUSE). */
static inline void fuzz_runs(FuzzRun run, const uint8_t *data, size_t size, int flags) {
  FuzzAlloc a;
  long calls;
  int st = run(data, size, &a, -1);
  FUZZ_CHECK(st != LL_ERRMEM);
  calls = a.calls;
  if (calls <= 0) return;
  if (flags & FUZZ_NOMEM_AT_ALL) FUZZ_CHECK(run(data, size, &a, 0) == LL_ERRMEM);
  st = run(data, size, &a, (long)(fuzz_hash(data, size) % (uint32_t)calls));
  FUZZ_CHECK(st == LL_ERRMEM || st == LL_OK || ((flags & FUZZ_MAY_REFUSE) && st == LL_ERRINPUT));
}

/* A function that fills the vector v from s[0, n) (ll_dates_find,
** ll_sentences). */
typedef int (*FuzzVecFn)(ll_Mem *m, const char *s, size_t n, ll_Vec *v);

/* Runs fn over the input again, memory running out at a point the input
** chooses of the calls the first run made: LL_ERRMEM, the vector left
** freeable (and empty, when empty), nothing kept. */
static inline void fuzz_vec_nomem(FuzzVecFn fn, const uint8_t *data, size_t size, size_t esz,
                                  long calls, int empty) {
  FuzzAlloc a;
  ll_Mem m;
  ll_Vec v;
  if (calls <= 0) return;
  fuzz_mem(&m, &a, (long)(fuzz_hash(data, size) % (uint32_t)calls));
  ll_vec_init(&v, esz);
  FUZZ_CHECK(fn(&m, (const char *)data, size, &v) == LL_ERRMEM);
  FUZZ_CHECK(!empty || v.n == 0);
  ll_vec_free(&m, &v);
  FUZZ_CHECK(a.live == 0);
}

/* ------------------------------------------------------------------ */
/* Invariants of a document                                            */
/* ------------------------------------------------------------------ */

/* valid UTF-8, no NUL: everything the module hands out */
static inline void fuzz_utf8(const char *s, size_t n) {
  char err[LL_ERRSIZE];
  FUZZ_CHECK(s != NULL);
  FUZZ_CHECK(ll_utf8_check(s, n, err, sizeof err) == LL_OK);
}

static inline int fuzz_boundary(const char *s, size_t n, size_t i) {
  return i == 0 || i >= n || ((unsigned char)s[i] & 0xC0) != 0x80;
}

static inline void fuzz_string(const char *s) {
  FUZZ_CHECK(s != NULL);
  fuzz_utf8(s, strlen(s));
}

static inline void fuzz_block(const ll_Block *b) {
  size_t i;
  FUZZ_CHECK(b->text != NULL);
  FUZZ_CHECK(strlen(b->text) == b->len);
  fuzz_utf8(b->text, b->len);
  for (i = 0; i < b->nrefs; i++) {
    FUZZ_CHECK(b->refs[i].pos <= b->len);
    FUZZ_CHECK(b->refs[i].note >= 1 && b->refs[i].note <= LL_MAXNOTE);
    FUZZ_CHECK(fuzz_boundary(b->text, b->len, b->refs[i].pos));
    if (i > 0) FUZZ_CHECK(b->refs[i - 1].pos <= b->refs[i].pos);
  }
  for (i = 0; i < b->nbreaks; i++) {
    /* a break inside the block stands where a space replaced its run; one
       at its start (a page that begins with the block) takes no space */
    FUZZ_CHECK((i == 0 && b->breaks[i] == 0) || b->breaks[i] < b->len);
    FUZZ_CHECK((i == 0 && b->breaks[i] == 0) || b->text[b->breaks[i]] == ' ');
    if (i > 0) FUZZ_CHECK(b->breaks[i - 1] < b->breaks[i]);
    if (b->labels != NULL && b->labels[i] != NULL) fuzz_string(b->labels[i]);
  }
  for (i = 0; i < b->nsents; i++) {
    const ll_Span *sp = &b->sents[i];
    FUZZ_CHECK(sp->start < sp->end && sp->end <= b->len);
    FUZZ_CHECK(fuzz_boundary(b->text, b->len, sp->start));
    FUZZ_CHECK(fuzz_boundary(b->text, b->len, sp->end));
    if (i > 0) FUZZ_CHECK(b->sents[i - 1].end <= sp->start);
  }
  /* structure: a kind, spans inside the text in order, a table's cells */
  FUZZ_CHECK(b->kind >= 0 && b->kind < LL_NKINDS);
  FUZZ_CHECK(b->level >= 0 && (b->kind == LL_HEADING || b->level == 0));
  if (b->label != NULL) {
    FUZZ_CHECK(b->kind == LL_ITEM);
    fuzz_string(b->label);
  }
  for (i = 0; i < b->nspans; i++) {
    const ll_Inline *sp = &b->spans[i];
    FUZZ_CHECK(sp->kind >= LL_EMPHASIS && sp->kind <= LL_LINK);
    FUZZ_CHECK(sp->len > 0 && sp->pos + sp->len <= b->len);
    FUZZ_CHECK(fuzz_boundary(b->text, b->len, sp->pos));
    FUZZ_CHECK(fuzz_boundary(b->text, b->len, sp->pos + sp->len));
    FUZZ_CHECK((sp->href != NULL) == (sp->kind == LL_LINK));
    if (sp->href != NULL) fuzz_string(sp->href);
    if (i > 0) FUZZ_CHECK(b->spans[i - 1].pos <= sp->pos);
  }
  if (b->kind == LL_TABLE) {
    const ll_Table *t = b->table;
    size_t c = 0;
    FUZZ_CHECK(t != NULL);
    for (i = 0; i < t->nrows; i++) c += t->rowcells[i];
    FUZZ_CHECK(c == t->ncells);
    for (i = 0; i < t->ncells; i++) {
      FUZZ_CHECK(t->cells[i].start <= t->cells[i].end && t->cells[i].end <= b->len);
      if (i > 0) FUZZ_CHECK(t->cells[i - 1].end < t->cells[i].start);
    }
  } else {
    FUZZ_CHECK(b->table == NULL);
  }
}

/* A block a reader made: no mark of ll.h (no control byte but a line
** break, and a tab between a table's cells) is left in its text. */
static inline void fuzz_nomarks(const ll_Block *b) {
  size_t i;
  for (i = 0; i < b->len; i++) {
    unsigned char c = (unsigned char)b->text[i];
    FUZZ_CHECK(c >= 0x20 || c == '\n' || (c == '\t' && b->kind == LL_TABLE));
  }
}

/* Every string valid, every offset inside its text, every segment where
** the document says it is. */
static inline void fuzz_doc(const ll_Doc *d) {
  size_t i, k, nseg = 0;
  if (d->author != NULL) fuzz_string(d->author);
  if (d->number != NULL) fuzz_string(d->number);
  if (d->title != NULL) fuzz_block(d->title), nseg++;
  if (d->subtitle != NULL) fuzz_block(d->subtitle), nseg++;
  for (i = 0; i < d->nfields; i++) {
    size_t r;
    fuzz_string(d->fields[i].name);
    fuzz_string(d->fields[i].value);
    for (r = 0; r < d->fields[i].nrefs; r++) { /* a marker of a header field */
      FUZZ_CHECK(d->fields[i].refs[r].pos <= strlen(d->fields[i].value));
      FUZZ_CHECK(d->fields[i].refs[r].note >= 1 && d->fields[i].refs[r].note <= LL_MAXNOTE);
    }
  }
  FUZZ_CHECK(d->first_page >= 0);
  nseg += d->nfields + d->nparas;
  if (d->source != NULL) {
    const ll_Source *s = d->source;
    const char *v[8];
    v[0] = s->work, v[1] = s->edition, v[2] = s->publisher, v[3] = s->place;
    v[4] = s->year, v[5] = s->issue, v[6] = s->first_page;
    v[7] = s->last_page;
    for (i = 0; i < 8; i++)
      if (v[i] != NULL) fuzz_string(v[i]);
    FUZZ_CHECK(s->volume >= 0 && s->volume < 1000000 && s->volumes >= 0);
  }
  for (i = 0; i < d->nparas; i++) fuzz_block(&d->paras[i]);
  for (k = 0; k < d->nnotes; k++) {
    const ll_Note *n = &d->notes[k];
    FUZZ_CHECK(n->nparas >= 1);
    FUZZ_CHECK(ll_doc_note(d, n->n) != NULL);
    nseg += n->nparas;
    for (i = 0; i < n->nparas; i++) fuzz_block(&n->paras[i]);
    for (i = 0; i < n->ncites; i++) {
      const ll_Cite *c = &n->cites[i];
      FUZZ_CHECK(c->para >= 0 && (size_t)c->para < n->nparas);
      size_t r;
      FUZZ_CHECK(c->text != NULL && strlen(c->text) == c->len);
      fuzz_string(c->text);
      /* the text stands at pos in its paragraph, as written */
      FUZZ_CHECK(c->pos + c->len <= n->paras[c->para].len);
      FUZZ_CHECK(memcmp(n->paras[c->para].text + c->pos, c->text, c->len) == 0);
      if (c->work != NULL) fuzz_string(c->work);
      FUZZ_CHECK(c->volume >= 0 && c->nranges <= c->len);
      FUZZ_CHECK(c->volume > 0 || c->nranges > 0);
      for (r = 0; r < 2 * c->nranges; r++) FUZZ_CHECK(c->ranges[r] >= 0);
    }
  }
  for (i = 0; i < d->nnav; i++) fuzz_string(d->nav[i]);
  for (i = 0; i < d->nwarnings; i++) fuzz_string(d->warnings[i]);
  FUZZ_CHECK(d->nsegs == nseg);
  for (i = 0; i < d->nsegs; i++) {
    const ll_Seg *sg = &d->segs[i];
    FUZZ_CHECK(sg->text != NULL);
    if (sg->block != NULL) {
      FUZZ_CHECK(sg->text == sg->block->text && sg->len == sg->block->len);
    } else {
      FUZZ_CHECK(sg->part == LL_META);
      FUZZ_CHECK(sg->field >= 0 && (size_t)sg->field < d->nfields);
      FUZZ_CHECK(sg->len == strlen(sg->text));
    }
    if (sg->part == LL_NOTE) FUZZ_CHECK(ll_doc_note(d, sg->note) != NULL);
  }
}

#endif
