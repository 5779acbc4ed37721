/*
** fuzz_sent.c: libFuzzer harness for the sentence splitter (llsent.c):
** any bytes give sentences in order, inside the text, never empty, never
** cut inside a character of valid UTF-8; nothing leaks.
*/
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "ll.h"
#include "fuzzcheck.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  const char *s = (const char *)data;
  char err[LL_ERRSIZE];
  int valid = ll_utf8_check(s, size, err, sizeof err) == LL_OK;
  FuzzAlloc a;
  ll_Mem m;
  ll_Vec v;
  size_t i;
  int st;
  fuzz_mem(&m, &a, -1);
  ll_vec_init(&v, sizeof(ll_Span));
  st = ll_sentences(&m, s, size, &v);
  FUZZ_CHECK(st == LL_OK);
  for (i = 0; i < v.n; i++) {
    const ll_Span *sp = (const ll_Span *)v.p + i;
    FUZZ_CHECK(sp->start < sp->end && sp->end <= size);
    if (i > 0) FUZZ_CHECK(((const ll_Span *)v.p)[i - 1].end <= sp->start);
    if (valid) {
      FUZZ_CHECK(fuzz_boundary(s, size, sp->start));
      FUZZ_CHECK(fuzz_boundary(s, size, sp->end));
    }
  }
  ll_vec_free(&m, &v);
  FUZZ_CHECK(a.live == 0);
  /* memory running out: an error, and the vector still freeable */
  fuzz_vec_nomem(ll_sentences, data, size, sizeof(ll_Span), a.calls, 0);
  return 0;
}
