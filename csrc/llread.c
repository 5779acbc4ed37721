/*
** llread.c: the page pipeline, bytes to document.
** One C entry for a page in either form (HTML, sniffed, or the archive's
** plain text): the binding (lcore.c) and the fuzzers call it, so what they
** test is what a user gets.
*/
#include <stdio.h>
#include <string.h>

#include "ll.h"
#include "llhtml.h"

/* the reader's header blocks as the parser's hint bits */
static unsigned headbits(unsigned head) {
  return ((head & LL_HTML_AUTHOR) ? LL_PAGE_AUTHOR : 0u) |
         ((head & LL_HTML_NUMBER) ? LL_PAGE_NUMBER : 0u) |
         ((head & LL_HTML_TITLE) ? LL_PAGE_TITLE : 0u) |
         ((head & LL_HTML_SUBTITLE) ? LL_PAGE_SUBTITLE : 0u);
}

/* Reads an HTML page once with the HTML reader and builds its document
** from what the reader found, its shape as hints. */
int ll_read_html(ll_Mem *m, const char *s, size_t len, ll_Doc **out, char *err, size_t errsz) {
  ll_Buf text, labels;
  ll_HtmlShape shape;
  ll_PageHints h;
  size_t nlabels = 0;
  int st;
  *out = NULL;
  err[0] = '\0';
  ll_buf_init(&text);
  ll_buf_init(&labels);
  st = ll_html_read_marked(m, s, len, &text, &labels, &nlabels, &shape, err, errsz);
  if (st == LL_OK && text.n == 0) {
    snprintf(err, errsz, "HTML page with no text");
    st = LL_ERRINPUT;
  }
  if (st == LL_OK) {
    memset(&h, 0, sizeof h);
    h.labels = labels.p;
    h.nlabels = nlabels;
    h.known = 1;
    h.marks = 1;
    h.head = headbits(shape.head);
    h.fields = shape.fields;
    h.body = shape.body;
    h.notes = shape.notes;
    h.footer = shape.footer;
    h.first_page = shape.first_page;
    h.linked = shape.linked;
    h.nlinked = shape.nlinked;
    st = ll_parse_text(m, text.p, text.n, &h, out, err, errsz);
  }
  ll_buf_free(m, &text);
  ll_buf_free(m, &labels);
  return st;
}

/* Reads a page in either form (HTML when ll_html_sniff says so, else the
** plain-text form) into *out. */
int ll_read_page(ll_Mem *m, const char *s, size_t len, ll_Doc **out, char *err, size_t errsz) {
  err[0] = '\0';
  if (ll_html_sniff(s, len)) return ll_read_html(m, s, len, out, err, errsz);
  return ll_parse_text(m, s, len, NULL, out, err, errsz);
}
