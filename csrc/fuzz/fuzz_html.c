/*
** fuzz_html.c: libFuzzer harness for the HTML page pipeline as the binding
** calls it (ll_read_html, llread.c: the HTML reader and the document
** builder behind it): any bytes give a document keeping its invariants,
** or a refusal with a message; nothing leaks, even when memory runs out.
*/
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <libxml/xmlmemory.h>

#include "ll.h"
#include "llhtml.h"
#include "fuzzcheck.h"

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* libxml2's allocations count with the reader's and fail with them
** (issue #19): the FuzzAlloc of the run in progress, NULL between runs.
** libxml2 2.9.14's own leaks on those paths are suppressed by run.sh.
** Its reallocations are counted but never fail: when the one that grows
** the parser's input buffer fails, libxml2 2.9.14 itself dereferences a
** NULL buffer (xmlParserInputGrow after xmlBufGrow, fixed in 2.11), which
** nothing outside libxml2 can prevent; this harness found it. */
static FuzzAlloc *xmlcount;

static int xmlrefuse(void) {
  FuzzAlloc *a = xmlcount;
  if (a == NULL) return 0;
  if (a->failat >= 0 && a->calls >= a->failat) return 1;
  a->calls++;
  return 0;
}

static void *x_malloc(size_t n) {
  return xmlrefuse() ? NULL : malloc(n);
}

static void *x_realloc(void *p, size_t n) {
  if (xmlcount != NULL) xmlcount->calls++;
  return realloc(p, n);
}

static char *x_strdup(const char *s) {
  size_t n = strlen(s) + 1;
  char *p = xmlrefuse() ? NULL : (char *)malloc(n);
  if (p != NULL) memcpy(p, s, n);
  return p;
}

int LLVMFuzzerInitialize(int *argc, char ***argv) {
  (void)argc;
  (void)argv;
  xmlMemSetup(free, x_malloc, x_realloc, x_strdup);
  ll_html_init();
  return 0;
}

/* Reads the page through the binding's HTML entry (ll_read_html, llread.c):
** a document keeping its invariants, no reader's mark left in its text,
** or a refusal with its message. */
static int run(const uint8_t *data, size_t size, FuzzAlloc *a, long failat) {
  ll_Mem m;
  ll_Doc *d = NULL;
  char err[LL_ERRSIZE];
  int st;
  fuzz_mem(&m, a, failat);
  xmlcount = a;
  err[0] = '\0';
  (void)ll_html_sniff((const char *)data, size);
  /* every input through the HTML reader, sniffed as HTML or not */
  st = ll_read_html(&m, &ll_html_reader, (const char *)data, size, &d, err, sizeof err);
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
  xmlcount = NULL;
  FUZZ_CHECK(a->live == 0);
  return st;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  fuzz_runs(run, data, size, FUZZ_NOMEM_AT_ALL | FUZZ_MAY_REFUSE);
  return 0;
}
