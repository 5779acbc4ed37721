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

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

#define BLOCK  6
#define STAGES 12
#define TRIES  (1u << 18)

/* the colliding blocks of each stage: the harness's only state */
static char pairs[STAGES][2][BLOCK];

static uint32_t fnv(uint32_t h, const char *s, size_t n) {
  size_t i;
  for (i = 0; i < n; i++) h = (h ^ (unsigned char)s[i]) * 16777619u;
  return h;
}

static void block(uint32_t i, char *out) {
  uint64_t x = (uint64_t)i * 0x9E3779B97F4A7C15u;
  int k;
  x ^= x >> 29;
  for (k = 0; k < BLOCK; k++) {
    out[k] = (char)('a' + x % 26);
    x /= 26;
  }
}

/* two different blocks FNV-1a takes from h to one state */
static int collide(uint32_t h, char *x, char *y, uint32_t *next) {
  uint32_t size = 1u << 20, i;
  uint32_t *tab = (uint32_t *)calloc(size, sizeof *tab);
  int found = 0;
  if (tab == NULL) return 0;
  for (i = 0; i < TRIES && !found; i++) {
    char b[BLOCK];
    uint32_t v, k;
    block(i, b);
    v = fnv(h, b, BLOCK);
    for (k = (v * 2654435761u) >> 12; tab[k] != 0; k = (k + 1) & (size - 1)) {
      char o[BLOCK];
      block(tab[k] - 1, o);
      if (fnv(h, o, BLOCK) == v && memcmp(o, b, BLOCK) != 0) {
        memcpy(x, o, BLOCK);
        memcpy(y, b, BLOCK);
        *next = v;
        found = 1;
        break;
      }
    }
    if (!found) tab[k] = i + 1;
  }
  free(tab);
  return found;
}

int LLVMFuzzerInitialize(int *argc, char ***argv) {
  uint32_t h = 2166136261u;
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
  st = ll_read_page(&m, page.p, page.n, &d, err, sizeof err);
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
