/*
** fuzz_html.c: libFuzzer harness for the HTML page pipeline as the binding
** calls it (ll_read_html, llread.c: the HTML reader and the document
** builder behind it): any bytes give a document keeping its invariants,
** or a refusal with a message; nothing leaks, even when memory runs out.
*/
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "ll.h"
#include "llhtml.h"
#include "fuzzcheck.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* Reads the page through the binding's HTML entry (ll_read_html, llread.c):
** a document keeping its invariants, no reader's mark left in its text,
** or a refusal with its message. */
static int run(const uint8_t *data, size_t size, FuzzAlloc *a, long failat) {
  ll_Mem m;
  ll_Doc *d = NULL;
  char err[LL_ERRSIZE];
  int st;
  fuzz_mem(&m, a, failat);
  err[0] = '\0';
  (void)ll_html_sniff((const char *)data, size);
  /* every input through the HTML reader, sniffed as HTML or not */
  st = ll_read_html(&m, (const char *)data, size, &d, err, sizeof err);
  if (st == LL_OK) {
    size_t k, j;
    FUZZ_CHECK(d != NULL);
    fuzz_doc(d);
    for (k = 0; k < d->nparas; k++) fuzz_nomarks(&d->paras[k]);
    for (k = 0; k < d->nnotes; k++)
      for (j = 0; j < d->notes[k].nparas; j++) fuzz_nomarks(&d->notes[k].paras[j]);
    ll_doc_free(d);
  } else {
    FUZZ_CHECK(d == NULL);
    FUZZ_CHECK(st == LL_ERRMEM || st == LL_ERRINPUT);
    FUZZ_CHECK(err[0] != '\0' && strlen(err) < sizeof err);
  }
  FUZZ_CHECK(a->live == 0);
  return st;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  FuzzAlloc a;
  long calls;
  int st = run(data, size, &a, -1);
  FUZZ_CHECK(st != LL_ERRMEM);
  calls = a.calls;
  /* no memory at all, then memory running out at a point the input
     chooses: an error with its message, nothing leaked */
  if (calls > 0) {
    st = run(data, size, &a, 0);
    FUZZ_CHECK(st == LL_ERRMEM);
    st = run(data, size, &a, (long)(fuzz_hash(data, size) % (uint32_t)calls));
    FUZZ_CHECK(st == LL_ERRMEM || st == LL_OK || st == LL_ERRINPUT);
  }
  return 0;
}
