/*
** fuzz_query.c: libFuzzer harness for the query parser and the queries
** (llindex.c, llutf8.c) over the letter's index: any bytes as a query give
** hits inside their segments, or a refusal with a message; nothing leaks.
** The first byte picks the options (stem, scope, sort, variants, and how
** near a co-occurrence with "the" must be), the second the
** concordance width; the rest is the query, as a Lua string would be.
*/
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "ll.h"
#include "llembed.h"
#include "llindex.h"
#include "llstem.h"
#include "fuzzcheck.h"

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* the letter and its index, made once: the harness's only state */
static ll_Mem letter_mem = {ll_stdalloc, NULL};
static ll_Doc *letter;

int LLVMFuzzerInitialize(int *argc, char ***argv) {
  char err[LL_ERRSIZE];
  (void)argc;
  (void)argv;
  if (ll_parse_text(&letter_mem, (const char *)ll_letter_text,
                    LL_LETTER_LEN, &letter, err, sizeof err) != LL_OK ||
      ll_index_build(letter) != LL_OK) {
    fprintf(stderr, "fuzz_query: the letter does not parse: %s\n", err);
    abort();
  }
  return 0;
}

static const unsigned scopes[4] = {
  LL_SCOPE_BODY, LL_SCOPE_NOTES, LL_SCOPE_ALL, LL_SCOPE_ANY
};

/* The hits of a query on the letter: in scope, in their segments, their
** contexts on character boundaries, in document order. */
static void checkhits(const ll_Index *ix, const ll_Vec *hits, unsigned mask, size_t width) {
  size_t i;
  for (i = 0; i < hits->n; i++) {
    const ll_Hit *h = (const ll_Hit *)hits->p + i;
    const ll_Seg *sg;
    size_t l, r;
    FUZZ_CHECK(h->seg < letter->nsegs);
    sg = &letter->segs[h->seg];
    FUZZ_CHECK(mask & LL_PARTBIT(sg->part));
    FUZZ_CHECK(h->len > 0 && h->pos + h->len <= sg->len);
    FUZZ_CHECK(h->ntok >= 1 && h->tok + h->ntok <= ll_index_size(ix));
    ll_index_context(ix, h, width, &l, &r);
    FUZZ_CHECK(l <= h->pos && h->pos + h->len <= r && r <= sg->len);
    FUZZ_CHECK(fuzz_boundary(sg->text, sg->len, l));
    FUZZ_CHECK(fuzz_boundary(sg->text, sg->len, r));
    if (i > 0) {
      const ll_Hit *p = h - 1;
      FUZZ_CHECK(p->seg < h->seg || (p->seg == h->seg && p->pos < h->pos));
    }
  }
}

/* The query with "the": a co-occurrence, by sentence (within 0) or within
** a few words; its hits stay in their segments, in order. */
static int withthe(ll_Mem *m, const ll_Index *ix, const ll_Query *query, int flags, size_t within,
                   unsigned mask) {
  ll_Query two[2];
  ll_Vec co;
  char err[LL_ERRSIZE];
  size_t i, n = 0;
  int st;
  two[0] = *query;
  ll_query_init(&two[1]);
  two[1].stemmer = &ll_snowball_stemmer;
  ll_vec_init(&co, sizeof(ll_Hit));
  st = ll_query_parse(m, &two[1], "the", 3, flags, err, sizeof err);
  if (st == LL_OK) st = ll_index_cooccur(m, ix, two, 2, within, mask, &co, &n);
  if (st == LL_OK) {
    FUZZ_CHECK(n == co.n);
    for (i = 0; i < co.n; i++) {
      const ll_Hit *h = (const ll_Hit *)co.p + i;
      const ll_Seg *sg = &letter->segs[h->seg];
      FUZZ_CHECK(h->len > 0 && h->pos + h->len <= sg->len);
      FUZZ_CHECK(h->ntok >= 1 && h->tok + h->ntok <= ll_index_size(ix));
      if (i > 0) FUZZ_CHECK(h[-1].seg < h->seg || h[-1].tok < h->tok);
    }
  }
  ll_vec_free(m, &co);
  ll_query_free(m, &two[1]);
  return st;
}

/* Runs the query q with the allocator a; returns the status. */
static int run(const char *q, size_t len, int opt, size_t width,
               FuzzAlloc *a, long failat) {
  const ll_Index *ix = letter->index;
  unsigned mask = scopes[(opt >> 1) & 3];
  int flags = ((opt & 1) ? LL_TERM_STEM : 0) | ((opt & 0x40) ? LL_TERM_VARIANT : 0);
  int sort = (opt >> 3) % 3;
  ll_Mem m;
  ll_Query query;
  ll_Vec hits, out;
  ll_Buf nb;
  size_t i, count = 0, at = 0, ws, we;
  char err[LL_ERRSIZE];
  int st;
  fuzz_mem(&m, a, failat);
  ll_query_init(&query);
  query.stemmer = &ll_snowball_stemmer;
  ll_vec_init(&hits, sizeof(ll_Hit));
  ll_vec_init(&out, sizeof(ll_Colloc));
  ll_buf_init(&nb);
  err[0] = '\0';
  /* the words of the query and their normal forms */
  st = LL_OK;
  while (st == LL_OK && ll_word_next(q, len, &at, &ws, &we)) {
    FUZZ_CHECK(ws < we && we <= len && at == we);
    st = ll_word_norm(&m, q + ws, we - ws, &nb);
    if (st == LL_OK) FUZZ_CHECK(nb.p[nb.n] == '\0');
  }
  if (st == LL_OK)
    st = ll_query_parse(&m, &query, q, len, flags, err, sizeof err);
  if (st == LL_ERRINPUT) FUZZ_CHECK(err[0] != '\0');
  if (st == LL_OK) st = ll_index_match(&m, ix, &query, mask, NULL, &count);
  if (st == LL_OK)
    st = ll_index_match(&m, ix, &query, mask, &hits, &i);
  if (st == LL_OK) {
    FUZZ_CHECK(i == count && hits.n == count);
    checkhits(ix, &hits, mask, width);
    if (sort != 0)
      st = ll_index_sort(&m, ix, (ll_Hit *)hits.p, hits.n,
                         sort == 1 ? LL_SORT_LEFT : LL_SORT_RIGHT);
  }
  if (st == LL_OK)
    st = ll_index_collocates(&m, ix, &query, mask, 1 + width % 8,
                             (opt >> 5) % 3, 1, NULL, &out);
  /* the query with itself and "the": a co-occurrence, by sentence or
     within a few words; its hits stay in their segments, in order */
  if (st == LL_OK) st = withthe(&m, ix, &query, flags, (opt & 0x80) ? width % 12 : 0, mask);
  if (st == LL_OK && hits.n > 0) {
    size_t *offs = (size_t *)ll_malloc(&m, hits.n * sizeof *offs);
    if (offs == NULL) {
      st = LL_ERRMEM;
    } else {
      if (sort == 0) {
        ll_index_offsets(ix, (const ll_Hit *)hits.p, hits.n, mask, offs);
        for (i = 0; i < hits.n; i++)
          FUZZ_CHECK(offs[i] < ll_index_ntokens(ix, mask));
      }
      ll_free(&m, offs, hits.n * sizeof *offs);
    }
  }
  ll_vec_free(&m, &out);
  ll_vec_free(&m, &hits);
  ll_buf_free(&m, &nb);
  ll_query_free(&m, &query);
  FUZZ_CHECK(a->live == 0);
  return st;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  FuzzAlloc a;
  int opt = size > 0 ? data[0] : 0;
  size_t width = size > 1 ? data[1] : 40, skip = size > 2 ? 2 : size;
  const char *q = (const char *)data + skip;
  size_t len = size - skip;
  long calls;
  int st = run(q, len, opt, width, &a, -1);
  FUZZ_CHECK(st == LL_OK || st == LL_ERRINPUT);
  calls = a.calls;
  if (calls > 0) {
    st = run(q, len, opt, width, &a,
             (long)(fuzz_hash(data, size) % (uint32_t)calls));
    FUZZ_CHECK(st != LL_ERRINPUT || calls > 0);
  }
  return 0;
}
