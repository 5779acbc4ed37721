/*
** fuzz_page.c: libFuzzer harness for the plain-text page parser (llpage.c,
** llsent.c, llutf8.c) and the word index built over what it makes: any
** bytes give a document that keeps its invariants, or a refusal; no leak.
*/
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "ll.h"
#include "llindex.h"
#include "fuzzcheck.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* Every token inside its segment, at a word, with a normal form that
** looks itself up; a few queries over the index. */
static int check_index(ll_Mem *m, ll_Doc *d) {
  const ll_Index *ix;
  size_t t, n, s;
  ll_Vec v;
  int st = ll_index_build(d);
  if (st != LL_OK) return st;
  ix = d->index;
  n = ll_index_size(ix);
  FUZZ_CHECK(ll_index_ntokens(ix, LL_SCOPE_ANY) == n);
  for (s = 0; s < d->nsegs; s++) {
    size_t first, last;
    ll_index_segtokens(ix, s, &first, &last);
    FUZZ_CHECK(first <= last && last <= n);
  }
  for (t = 0; t < n; t++) {
    ll_Token tk;
    size_t len;
    const char *w;
    ll_index_token(ix, t, &tk);
    FUZZ_CHECK(tk.seg < d->nsegs);
    FUZZ_CHECK(tk.len > 0 && tk.pos + tk.len <= d->segs[tk.seg].len);
    FUZZ_CHECK(tk.word < ll_index_nwords(ix));
    w = ll_index_word(ix, tk.word, &len);
    FUZZ_CHECK(ll_index_lookup(ix, w, len) == tk.word);
  }
  ll_vec_init(&v, sizeof(ll_Freq));
  st = ll_index_frequencies(m, ix, LL_SCOPE_ALL, 1, NULL, &v);
  ll_vec_free(m, &v);
  if (st != LL_OK) return st;
  ll_vec_init(&v, sizeof(ll_Gram));
  st = ll_index_ngrams(m, ix, 2, LL_SCOPE_ALL, 1, &v);
  ll_vec_free(m, &v);
  if (st != LL_OK) return st;
  if (n > 0) {  /* the first word, as a query, with its concordance */
    ll_Query q;
    ll_Token tk;
    size_t len, i, count;
    const char *w;
    ll_index_token(ix, 0, &tk);
    w = ll_index_word(ix, tk.word, &len);
    ll_query_init(&q);
    ll_vec_init(&v, sizeof(ll_Hit));
    st = ll_query_word(m, &q, w, len, 0);
    if (st == LL_OK) st = ll_index_match(m, ix, &q, LL_SCOPE_ANY, &v, &count);
    if (st == LL_OK) {
      FUZZ_CHECK(count >= 1 && count == v.n);
      FUZZ_CHECK(count == ll_index_freq(ix, tk.word, LL_SCOPE_ANY));
      for (i = 0; i < v.n; i++) {
        const ll_Hit *h = (const ll_Hit *)v.p + i;
        size_t l, r;
        ll_index_context(ix, h, 7, &l, &r);
        FUZZ_CHECK(l <= h->pos && h->pos + h->len <= r);
        FUZZ_CHECK(r <= d->segs[h->seg].len);
      }
      st = ll_index_sort(m, ix, (ll_Hit *)v.p, v.n, LL_SORT_LEFT);
    }
    ll_vec_free(m, &v);
    ll_query_free(m, &q);
  }
  return st;
}

/* Parses with the allocator a; returns the status; frees everything. */
static int run(const uint8_t *data, size_t size, FuzzAlloc *a, long failat) {
  ll_Mem m;
  ll_Doc *d = NULL;
  char err[LL_ERRSIZE];
  int st;
  fuzz_mem(&m, a, failat);
  err[0] = '\0';
  st = ll_parse_text(&m, (const char *)data, size, &d, err, sizeof err);
  if (st == LL_OK) {
    FUZZ_CHECK(d != NULL);
    fuzz_doc(d);
    st = check_index(&m, d);
    FUZZ_CHECK(st == LL_OK || st == LL_ERRMEM);
    ll_doc_free(d);
  } else {
    FUZZ_CHECK(d == NULL);
    FUZZ_CHECK(st == LL_ERRMEM || st == LL_ERRINPUT);
    FUZZ_CHECK(err[0] != '\0' && strlen(err) < sizeof err);
  }
  FUZZ_CHECK(a->live == 0);  /* nothing leaked, every size stated right */
  return st;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  fuzz_runs(run, data, size, FUZZ_NOMEM_AT_ALL);
  return 0;
}
