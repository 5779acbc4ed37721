/*
** llread.c: the page pipeline, bytes to document.
** One C entry for a page in either form (HTML, sniffed, or the archive's
** plain text): the binding (lcore.c) and the fuzzers call it, so what they
** test is what a user gets. Both readers feed one document builder
** (llbuild.c). The HTML reader is a parameter (ll_HtmlReader, ll.h), so
** this file and the rest of the core need no libxml2: sniffing is here,
** reading HTML is llhtml.c's, in a module of its own.
*/
#include <stdio.h>
#include <string.h>

#include "ll.h"
#include "llhtml.h"

/* ASCII lower case of c */
static int lower(int c) {
  return (c >= 'A' && c <= 'Z') ? c + ('a' - 'A') : c;
}

/* nonzero for ASCII white space */
static int isspc(int c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

/* nonzero for an ASCII letter or digit */
static int isalnumc(int c) {
  return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

/* nonzero if the n bytes at s begin with p (lower case), ignoring ASCII
** case */
static int iprefix(const char *s, size_t n, const char *p) {
  size_t i;
  for (i = 0; p[i] != '\0'; i++)
    if (i >= n || lower((unsigned char)s[i]) != p[i]) return 0;
  return 1;
}

/* the opening tags that make a page HTML */
static const char *const sniff_tags[] = {
    "html", "head",       "body", "p",     "div",  "h1",       "h2",     "h3",     "h4",
    "h5",   "h6",         "meta", "title", "link", "table",    "center", "br",     "hr",
    "font", "span",       "a",    "b",     "i",    "em",       "strong", "script", "style",
    "base", "blockquote", "pre",  "ul",    "ol",   "frameset", NULL};

/* See llhtml.h: the first 4 KB, past a byte order mark, white space,
** comments and an XML declaration, open with a doctype or a usual tag. */
int ll_html_sniff(const char *s, size_t len) {
  size_t i = 0, lim = len < 4096 ? len : 4096;
  if (s == NULL) return 0;
  if (lim >= 2 && ((unsigned char)s[0] == 0xFF || (unsigned char)s[0] == 0xFE) &&
      (unsigned char)s[1] == ((unsigned char)s[0] ^ 0x01)) {
    /* UTF-16 with its byte order mark (decode decodes it): sniffed on its
       first code units as ASCII, anything else a byte no tag holds */
    char a[2048];
    int be = (unsigned char)s[0] == 0xFE;
    size_t k;
    for (k = 0; 2 + 2 * k + 1 < lim && k < sizeof a; k++) {
      unsigned hi = (unsigned char)s[2 + 2 * k + (be ? 0 : 1)];
      unsigned lo = (unsigned char)s[2 + 2 * k + (be ? 1 : 0)];
      a[k] = (char)(hi == 0 && lo < 0x80 && lo != 0 ? lo : 0x80);
    }
    return k > 0 && ll_html_sniff(a, k);
  }
  if (lim >= 3 && memcmp(s, "\xEF\xBB\xBF", 3) == 0) i = 3;
  for (;;) {
    size_t j, k;
    while (i < lim && isspc((unsigned char)s[i])) i++;
    if (i + 1 >= lim || s[i] != '<') return 0;
    if (iprefix(s + i, lim - i, "<!--")) { /* a comment: skip it */
      for (j = i + 4; j + 2 < lim; j++)
        if (memcmp(s + j, "-->", 3) == 0) break;
      if (j + 2 >= lim) return 0;
      i = j + 3;
      continue;
    }
    if (s[i + 1] == '?') { /* an XML declaration */
      for (j = i + 2; j < lim && s[j] != '>'; j++) {
      }
      if (j >= lim) return 0;
      i = j + 1;
      continue;
    }
    if (iprefix(s + i, lim - i, "<!doctype")) return 1;
    for (j = i + 1; j < lim && isalnumc((unsigned char)s[j]); j++) {
    }
    if (j < lim && !isspc((unsigned char)s[j]) && s[j] != '>' && s[j] != '/') return 0;
    for (k = 0; sniff_tags[k] != NULL; k++)
      if (strlen(sniff_tags[k]) == j - i - 1 && iprefix(s + i + 1, j - i - 1, sniff_tags[k]))
        return 1;
    return 0;
  }
}

/* Reads an HTML page once with the HTML reader html, which feeds the
** document builder as it walks the page; NULL refuses the page. */
int ll_read_html(ll_Mem *m, const ll_HtmlReader *html, const char *s, size_t len, ll_Doc **out,
                 char *err, size_t errsz) {
  ll_Builder *b;
  int st;
  *out = NULL;
  err[0] = '\0';
  if (html == NULL || html->read == NULL) {
    snprintf(err, errsz, "an HTML page, and no HTML reader to read it");
    return LL_ERRINPUT;
  }
  if (ll_build_begin(m, &b) != LL_OK) {
    snprintf(err, errsz, "not enough memory");
    return LL_ERRMEM;
  }
  st = html->read(m, s, len, b, err, errsz);
  if (st != LL_OK) {
    ll_build_abort(b);
    return st;
  }
  return ll_build_end(b, out, err, errsz);
}

/* Reads a page in either form (HTML when ll_html_sniff says so, through
** html, else the plain-text form) into *out. */
int ll_read_page(ll_Mem *m, const ll_HtmlReader *html, const char *s, size_t len, ll_Doc **out,
                 char *err, size_t errsz) {
  err[0] = '\0';
  if (ll_html_sniff(s, len)) return ll_read_html(m, html, s, len, out, err, errsz);
  return ll_parse_text(m, s, len, out, err, errsz);
}
