/*
** fuzz_index.c: libFuzzer harness for the index file reader (llstore.c,
** and llindex.c's mapped index): any bytes given as an index file are
** refused with a message, or open to a corpus whose every page can be made
** (or is refused) and whose queries give hits inside their segments,
** what they meet corrupted being what c:check() finds too; nothing
** crashes or leaks. Each input is tried twice: as it is (the
** checksums catch nearly every mutation) and resealed (its checksums
** recomputed, so that the mutation reaches the structural checks).
*/
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ll.h"
#include "llindex.h"
#include "llstore.h"
#include "fuzzcheck.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* words looked up through the file's hash table and entries (decoded
** where they lie), prefixes over every entry (all of them decoded once) */
static const char *const queries[] = {
    "the",   "soviet", "black hundreds",    "s*",      "revolution* of",
    "party", "a",      "workers' deputies", "zzyzzyva"};

/* Runs the queries over the store's corpus index; checks each hit's
** bytes, and its segment as read for its place (ll_store_seg). */
static void query(ll_Mem *m, const ll_Store *s) {
  const ll_Index *ix = ll_store_index(s);
  size_t k, i;
  for (k = 0; k < sizeof queries / sizeof queries[0]; k++) {
    ll_Query q;
    ll_Vec hits, out;
    char err[LL_ERRSIZE];
    size_t n = 0;
    ll_query_init(&q);
    ll_vec_init(&hits, sizeof(ll_Hit));
    ll_vec_init(&out, sizeof(ll_Freq));
    if (ll_query_parse(m, &q, queries[k], strlen(queries[k]), 0, err, sizeof err) == LL_OK &&
        ll_index_match(m, ix, &q, LL_SCOPE_ALL, &hits, &n) == LL_OK) {
      for (i = 0; i < hits.n; i++) {
        const ll_Hit *h = (const ll_Hit *)hits.p + i;
        size_t l, r;
        ll_Seg sg;
        const char *field;
        size_t fieldlen;
        ll_index_context(ix, h, 20, &l, &r);
        FUZZ_CHECK(l <= h->pos && h->pos + h->len <= r);
        if (ll_store_seg(s, h->seg, &sg, &field, &fieldlen))
          FUZZ_CHECK(h->pos + h->len <= sg.len && (field == NULL) == (sg.part != LL_META));
      }
      (void)ll_index_sort(m, ix, (ll_Hit *)hits.p, hits.n, LL_SORT_LEFT);
    }
    ll_vec_free(m, &out);
    if (k == 0) {
      ll_vec_init(&out, sizeof(ll_Freq));
      (void)ll_index_frequencies(m, ix, LL_SCOPE_ANY, 1, NULL, &out);
      ll_vec_free(m, &out);
      ll_vec_init(&out, sizeof(ll_Gram));
      (void)ll_index_ngrams(m, ix, 2, LL_SCOPE_ALL, 1, &out);
      ll_vec_free(m, &out);
      ll_vec_init(&out, sizeof(ll_Colloc));
      (void)ll_index_collocates(m, ix, &q, LL_SCOPE_BODY, 3, LL_LLR, 1, NULL, &out);
      (void)ll_index_freq(ix, 0, LL_SCOPE_ALL | LL_KINDSGIVEN | LL_KINDBIT(LL_HEADING));
    }
    ll_vec_free(m, &out);
    ll_vec_free(m, &hits);
    ll_query_free(m, &q);
  }
}

static void try(const unsigned char *buf, size_t size) {
  FuzzAlloc a;
  ll_Mem m;
  ll_Store *s;
  char err[LL_ERRSIZE];
  size_t i;
  fuzz_mem(&m, &a, -1);
  err[0] = '\0';
  if (ll_store_openmem(&m, buf, size, &s, err, sizeof err) != LL_OK) {
    FUZZ_CHECK(err[0] != '\0');
    FUZZ_CHECK(a.live == 0);
    return;
  }
  /* a file opened is checked as queries reach it: what they meet
     corrupted is skipped and noted, and then c:check() finds it too */
  query(&m, s);
  if (ll_store_fault(s, err, sizeof err)) {
    FUZZ_CHECK(strstr(err, "index file corrupted") != NULL);
    FUZZ_CHECK(ll_store_check_all(s, err, sizeof err) == LL_ERRINPUT);
  }
  ll_store_clearfault(s);
  (void)ll_store_check_all(s, err, sizeof err);
  for (i = 0; i < ll_store_npages(s); i++) {
    ll_Doc *d;
    ll_PageInfo in;
    const char *title;
    size_t tlen;
    int got;
    ll_store_info(s, i, &in);
    got = ll_store_title(s, i, &title, &tlen);
    if (ll_store_page(s, &m, i, &d, err, sizeof err) != LL_OK) continue;
    /* a page made has the title read from its file */
    FUZZ_CHECK(got >= 0 && (got == 1) == (d->title != NULL));
    FUZZ_CHECK(got == 0 || (tlen == d->title->len && memcmp(title, d->title->text, tlen) == 0));
    FUZZ_CHECK(in.path == NULL || in.pathlen < 0xFFFFFFFFu);
    fuzz_doc(d);
    FUZZ_CHECK(ll_index_build(d) == LL_OK);
    ll_doc_free(d);
  }
  ll_store_close(s);
  FUZZ_CHECK(a.live == 0);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  /* the reader wants its bytes aligned, as a mapping is */
  unsigned char *buf = (unsigned char *)malloc(size ? size : 1);
  if (buf == NULL) return 0;
  if (size > 0) memcpy(buf, data, size);
  try(buf, size);
  ll_store_reseal(buf, size);
  try(buf, size);
  free(buf);
  return 0;
}
