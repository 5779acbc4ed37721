/*
** llread.c: the page pipeline, bytes to document.
** One C entry for a page in either form (HTML, sniffed, or the archive's
** plain text): the binding (lcore.c) and the fuzzers call it, so what they
** test is what a user gets. Both readers feed one document builder
** (llbuild.c).
*/
#include <stdio.h>
#include <string.h>

#include "ll.h"
#include "llhtml.h"

/* Reads an HTML page once with the HTML reader, which feeds the document
** builder as it walks the page. */
int ll_read_html(ll_Mem *m, const char *s, size_t len, ll_Doc **out, char *err, size_t errsz) {
  ll_Builder *b;
  int st;
  *out = NULL;
  err[0] = '\0';
  if (ll_build_begin(m, &b) != LL_OK) {
    snprintf(err, errsz, "not enough memory");
    return LL_ERRMEM;
  }
  st = ll_html_read(m, s, len, b, err, errsz);
  if (st != LL_OK) {
    ll_build_abort(b);
    return st;
  }
  return ll_build_end(b, out, err, errsz);
}

/* Reads a page in either form (HTML when ll_html_sniff says so, else the
** plain-text form) into *out. */
int ll_read_page(ll_Mem *m, const char *s, size_t len, ll_Doc **out, char *err, size_t errsz) {
  err[0] = '\0';
  if (ll_html_sniff(s, len)) return ll_read_html(m, s, len, out, err, errsz);
  return ll_parse_text(m, s, len, out, err, errsz);
}
