/*
** fuzz_entities.c: libFuzzer harness for the entity finder (llentity.c):
** a catalogue of names and a page, both from the input, give mentions in
** document order, inside their segments, never overlapping, each won by
** one of the forms given; nothing leaks, even when memory runs out.
** Input: names, one a line (two lines an entry), then a byte 0x01, then the
** page (the letter when there is no 0x01 or the page is refused).
*/
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "ll.h"
#include "llembed.h"
#include "llentity.h"
#include "llindex.h"
#include "fuzzcheck.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

#define MAXFORMS 64

/* Splits the catalogue part into forms; returns how many. */
static size_t forms_of(const char *s, size_t n, ll_EntForm *forms) {
  size_t i = 0, k = 0;
  while (i < n && k < MAXFORMS) {
    size_t j = i;
    while (j < n && s[j] != '\n') j++;
    forms[k].s = s + i;
    forms[k].len = j - i;
    forms[k].ent = k / 2;
    k++;
    i = j + 1;
  }
  return k;
}

static int run(const uint8_t *data, size_t size, FuzzAlloc *a, long failat) {
  const char *s = (const char *)data;
  const char *cut = (const char *)memchr(s, 1, size);
  size_t ncat = cut ? (size_t)(cut - s) : size, nforms, i, n;
  ll_EntForm forms[MAXFORMS];
  ll_Mem m;
  ll_Doc *d = NULL;
  ll_Buf key;
  char err[LL_ERRSIZE];
  int st = LL_OK;
  fuzz_mem(&m, a, failat);
  nforms = forms_of(s, ncat, forms);
  /* the key of every form: text, no white space at the edges */
  ll_buf_init(&key);
  for (i = 0; i < nforms && st == LL_OK; i++) {
    st = ll_ent_key(&m, forms[i].s, forms[i].len, &key);
    if (st == LL_OK && key.p != NULL) {
      /* '\0'-terminated (a NUL in the name itself stays in its key) */
      FUZZ_CHECK(key.p[key.n] == '\0');
      if (memchr(forms[i].s, '\0', forms[i].len) == NULL)
        FUZZ_CHECK(strlen(key.p) == key.n);
      FUZZ_CHECK(key.n == 0 || (key.p[0] != ' ' && key.p[key.n - 1] != ' '));
    }
  }
  ll_buf_free(&m, &key);
  if (st == LL_OK && cut != NULL)
    st = ll_parse_text(&m, cut + 1, size - ncat - 1, &d, err, sizeof err);
  if (st == LL_ERRINPUT || (st == LL_OK && d == NULL))
    st = ll_parse_text(&m, (const char *)ll_letter_text, LL_LETTER_LEN,
                       &d, err, sizeof err);
  if (st == LL_OK) st = ll_ents_build(d, forms, nforms);
  if (st == LL_OK) {
    const ll_Mention *mt = ll_ents_mentions(d->ents, &n);
    for (i = 0; i < n; i++) {
      const ll_Hit *h = &mt[i].hit;
      FUZZ_CHECK(mt[i].form < nforms && mt[i].ent == forms[mt[i].form].ent);
      FUZZ_CHECK(h->seg < d->nsegs);
      FUZZ_CHECK(h->len > 0 && h->pos + h->len <= d->segs[h->seg].len);
      if (i > 0) {
        const ll_Hit *p = &mt[i - 1].hit;
        FUZZ_CHECK(p->seg < h->seg ||
                   (p->seg == h->seg && p->pos + p->len <= h->pos));
      }
    }
  }
  FUZZ_CHECK(st == LL_OK || st == LL_ERRMEM);
  ll_doc_free(d);
  FUZZ_CHECK(a->live == 0);
  return st;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  fuzz_runs(run, data, size, 0);
  return 0;
}
