/*
** fuzz_big.c: libFuzzer harness for large pages and crafted words (issue
** #19): the input is repeated to a page of up to 4 MB (far past the other
** harnesses' 128 KB, where costs that grow with the square of the size
** show as libFuzzer's timeout), read as HTML or plain text, indexed, and
** sorted by context; words of one FNV-1a hash (made once, by Joux's
** multicollision) are mixed in as the input chooses. The first byte picks
** the repetitions (1 to 256 times, times 64 words of the crafted set), the
** rest is the page. Any input gives a document that keeps its invariants,
** or a refusal; nothing leaks.
*/
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ll.h"
#include "llhtml.h"
#include "llindex.h"
#include "fuzzcheck.h"
#include "../test/collide.h"

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

#define STAGES 12

/* the colliding blocks of each stage: the harness's only state */
static char pairs[STAGES][2][BLOCK];

int LLVMFuzzerInitialize(int *argc, char ***argv) {
  uint32_t h = FNV_BASIS;
  int s;
  (void)argc;
  (void)argv;
  for (s = 0; s < STAGES; s++)
    if (!collide(h, pairs[s][0], pairs[s][1], &h)) {
      fprintf(stderr, "fuzz_big: no colliding blocks at stage %d\n", s);
      abort();
    }
  return 0;
}

/* Appends crafted word number i (its bits pick each stage's block). */
static int crafted(ll_Mem *m, ll_Buf *b, uint32_t i) {
  int s;
  for (s = 0; s < STAGES; s++)
    if (ll_buf_add(m, b, pairs[s][(i >> s) & 1], BLOCK) != LL_OK) return LL_ERRMEM;
  return ll_buf_add(m, b, " ", 1);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  FuzzAlloc a;
  ll_Mem m;
  ll_Buf page;
  ll_Doc *d = NULL;
  size_t reps, r;
  char err[LL_ERRSIZE];
  int st = LL_OK;
  if (size < 2) return 0;
  reps = (size_t)data[0] + 1;
  data++;
  size--;
  fuzz_mem(&m, &a, -1);
  ll_buf_init(&page);
  /* the page repeated, a run of crafted words after each copy */
  for (r = 0; r < reps && st == LL_OK && page.n < ((size_t)4 << 20); r++) {
    uint32_t k;
    st = ll_buf_add(&m, &page, (const char *)data, size);
    for (k = 0; k < 64 && st == LL_OK; k++) st = crafted(&m, &page, (uint32_t)(r * 64 + k));
  }
  FUZZ_CHECK(st == LL_OK);
  st = ll_read_page(&m, &ll_html_reader, page.p, page.n, &d, err, sizeof err);
  FUZZ_CHECK(st != LL_ERRMEM);
  if (st == LL_OK && d != NULL) {
    fuzz_doc(d);
    st = ll_index_build(d);
    FUZZ_CHECK(st == LL_OK || st == LL_ERRINPUT);
    if (st == LL_OK) {
      /* the first crafted word's hits (it may be glued to the input's
         last word), sorted by both sides */
      ll_Query q;
      ll_Vec hits;
      ll_Buf w;
      size_t n = 0;
      ll_query_init(&q);
      ll_vec_init(&hits, sizeof(ll_Hit));
      ll_buf_init(&w);
      FUZZ_CHECK(crafted(&m, &w, 0) == LL_OK);
      FUZZ_CHECK(ll_query_parse(&m, &q, w.p, w.n - 1, 0, err, sizeof err) == LL_OK);
      FUZZ_CHECK(ll_index_match(&m, d->index, &q, LL_SCOPE_ANY, &hits, &n) == LL_OK);
      FUZZ_CHECK(hits.n == n);
      FUZZ_CHECK(ll_index_sort(&m, d->index, (ll_Hit *)hits.p, hits.n, LL_SORT_RIGHT) == LL_OK);
      FUZZ_CHECK(ll_index_sort(&m, d->index, (ll_Hit *)hits.p, hits.n, LL_SORT_LEFT) == LL_OK);
      ll_buf_free(&m, &w);
      ll_vec_free(&m, &hits);
      ll_query_free(&m, &q);
    }
    ll_doc_free(d);
  }
  ll_buf_free(&m, &page);
  FUZZ_CHECK(a.live == 0);
  return 0;
}
