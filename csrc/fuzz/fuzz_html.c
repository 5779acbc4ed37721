/*
** fuzz_html.c: libFuzzer harness for the HTML reader (llhtml.c, with the
** structure's marks) and the page parser behind it: any bytes give UTF-8 text without NUL that parses
** into a document keeping its invariants (with its page labels), or a
** refusal with a message; nothing leaks, even when memory runs out.
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

/* Reads the page, then parses what the reader wrote. */
static int run(const uint8_t *data, size_t size, FuzzAlloc *a, long failat) {
  ll_Mem m;
  ll_Buf text, labels;
  ll_HtmlShape shape;
  size_t nlabels = 0, i, at;
  char err[LL_ERRSIZE];
  int st;
  fuzz_mem(&m, a, failat);
  xmlcount = a;
  ll_buf_init(&text);
  ll_buf_init(&labels);
  err[0] = '\0';
  (void)ll_html_sniff((const char *)data, size);
  st = ll_html_read_marked(&m, (const char *)data, size, &text, &labels, &nlabels, &shape, err,
                           sizeof err);
  if (st == LL_OK) {
    ll_PageHints hints;
    ll_Doc *d = NULL;
    fuzz_utf8(text.p != NULL ? text.p : "", text.n);
    /* nlabels labels, each '\0'-terminated, and nothing more */
    for (i = 0, at = 0; i < nlabels; i++) {
      FUZZ_CHECK(at < labels.n);
      fuzz_string(labels.p + at);
      at += strlen(labels.p + at) + 1;
    }
    FUZZ_CHECK(at == labels.n);
    /* the hints as the binding gives them: labels and the reader's shape */
    memset(&hints, 0, sizeof hints);
    hints.labels = labels.p;
    hints.nlabels = nlabels;
    hints.known = 1;
    hints.marks = 1;
    hints.head = ((shape.head & LL_HTML_AUTHOR) ? LL_PAGE_AUTHOR : 0u) |
                 ((shape.head & LL_HTML_NUMBER) ? LL_PAGE_NUMBER : 0u) |
                 ((shape.head & LL_HTML_TITLE) ? LL_PAGE_TITLE : 0u) |
                 ((shape.head & LL_HTML_SUBTITLE) ? LL_PAGE_SUBTITLE : 0u);
    hints.fields = shape.fields;
    hints.body = shape.body;
    hints.notes = shape.notes;
    hints.footer = shape.footer;
    if (text.n > 0) {
      st = ll_parse_text(&m, text.p, text.n, &hints, &d, err, sizeof err);
      /* the document owns all it holds: the caller's buffers go first */
      ll_buf_free(&m, &text);
      ll_buf_free(&m, &labels);
      if (st == LL_OK) {
        size_t k, j;
        fuzz_doc(d);
        for (k = 0; k < d->nparas; k++) fuzz_nomarks(&d->paras[k]);
        for (k = 0; k < d->nnotes; k++)
          for (j = 0; j < d->notes[k].nparas; j++) fuzz_nomarks(&d->notes[k].paras[j]);
        ll_doc_free(d);
      } else {
        FUZZ_CHECK(d == NULL && err[0] != '\0');
        FUZZ_CHECK(st == LL_ERRMEM || st == LL_ERRINPUT);
      }
    }
  } else {
    FUZZ_CHECK(st == LL_ERRMEM || st == LL_ERRINPUT);
    FUZZ_CHECK(err[0] != '\0' && strlen(err) < sizeof err);
    FUZZ_CHECK(text.n == 0 && labels.n == 0 && nlabels == 0);
    FUZZ_CHECK(shape.head == 0 && shape.body == 0 && shape.notes == 0);
  }
  ll_buf_free(&m, &text);
  ll_buf_free(&m, &labels);
  xmlcount = NULL;
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
