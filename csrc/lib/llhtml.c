/*
** llhtml.c: the HTML reader of the leninletter library.
** Owns charset decoding, the walk over libxml2's tree into the page's
** items, and their assembly (header, fields, body, notes, footer) fed to
** the document builder, llbuild.c (see llhtml.h).
*/
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <stdint.h>
#include <string.h>

#include <libxml/HTMLparser.h>
#include <libxml/encoding.h>
#include <libxml/parserInternals.h>
#include <libxml/threads.h>
#include <libxml/tree.h>
#include <libxml/xmlmemory.h>

#include "ll.h"
#include "llhtml.h"
#include "llswar.h"

/* ll_html_sniff, which needs no libxml2, is in llread.c: this file is
** linked into the module leninletter.html alone (lhtml.c), with libxml2. */

#define NBSP      "\xC2\xA0"
#define BREAKRUN  " \xC2\xA0 " /* the page-break run */
#define FIELDMARK '\x01'       /* starts a header field name in an item */
#define FIELDEND  '\x02'       /* ends it */
#define CELLMARK  '\x1F'       /* between two cells of a data table in an item */
#define ROWMARK   '\x1E'       /* between two rows */

/* ------------------------------------------------------------------ */
/* Characters                                                          */
/* ------------------------------------------------------------------ */

static int lower(int c) {
  return (c >= 'A' && c <= 'Z') ? c + ('a' - 'A') : c;
}

/* nonzero for ASCII white space */
static int isspc(int c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

/* nonzero for an ASCII digit */
static int isdig(int c) {
  return c >= '0' && c <= '9';
}

/* nonzero for an ASCII letter or digit */
static int isalnumc(int c) {
  return isdig(c) || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

/* nonzero if the n bytes at s begin with p, ignoring ASCII case */
static int iprefix(const char *s, size_t n, const char *p) {
  size_t i;
  for (i = 0; p[i] != '\0'; i++)
    if (i >= n || lower((unsigned char)s[i]) != p[i]) return 0;
  return 1;
}

/* nonzero if the strings are equal, ignoring ASCII case */
static int ieq(const char *a, const char *b) {
  while (*a && lower((unsigned char)*a) == lower((unsigned char)*b)) {
    a++;
    b++;
  }
  return lower((unsigned char)*a) == lower((unsigned char)*b);
}

/* Writes code point cp (a scalar value) as UTF-8 into u; returns the
** length. */
static size_t encode(long cp, char *u) {
  if (cp < 0x80) {
    u[0] = (char)cp;
    return 1;
  }
  if (cp < 0x800) {
    u[0] = (char)(0xC0 | (cp >> 6));
    u[1] = (char)(0x80 | (cp & 0x3F));
    return 2;
  }
  if (cp < 0x10000) {
    u[0] = (char)(0xE0 | (cp >> 12));
    u[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
    u[2] = (char)(0x80 | (cp & 0x3F));
    return 3;
  }
  u[0] = (char)(0xF0 | (cp >> 18));
  u[1] = (char)(0x80 | ((cp >> 12) & 0x3F));
  u[2] = (char)(0x80 | ((cp >> 6) & 0x3F));
  u[3] = (char)(0x80 | (cp & 0x3F));
  return 4;
}

/* Appends code point cp as UTF-8. */
static int addcp(ll_Mem *m, ll_Buf *b, long cp) {
  char u[4];
  return ll_buf_add(m, b, u, encode(cp, u));
}

/* windows-1252 for bytes 0x80-0x9F; 0 where the code page has a hole */
static const unsigned short cp1252[32] = {
    0x20AC, 0,      0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160,
    0x2039, 0x0152, 0,      0x017D, 0,      0,      0x2018, 0x2019, 0x201C, 0x201D, 0x2022,
    0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0,      0x017E, 0x0178};

/* The code point that windows-1252 gives byte c (>= 0x80); U+FFFD for its
** five holes. */
static long from1252(unsigned c) {
  if (c >= 0xA0) return (long)c;
  return cp1252[c - 0x80] ? (long)cp1252[c - 0x80] : 0xFFFD;
}

/* Length of a well-formed UTF-8 sequence at s, 0 if there is none. */
static size_t utf8len(const char *s, size_t n) {
  size_t k;
  if ((unsigned char)s[0] < 0x80) return 1;
  k = ll_utf8_charlen(s, n);
  return k > 1 ? k : 0;
}

/* the length of the run of bytes 0x20 to 0x7E at s (at most n) */
static size_t printable(const char *s, size_t n) {
  size_t j = 0;
  while (n - j >= 8) {
    uint64_t v = ll_load8(s + j);
    if (LL_HASLESS(v, 0x20) | LL_HASMORE(v, 0x7E)) break;
    j += 8;
  }
  while (j < n && (unsigned char)s[j] >= 0x20 && (unsigned char)s[j] < 0x7F) j++;
  return j;
}

/* Are the eight bytes of v part of a run text() copies as it is: printable
** ASCII, single spaces only, and no space at either end (the byte before
** and after decides then)? */
static int prose8(uint64_t v) {
  const uint64_t low7 = ~LL_HIGHS;
  uint64_t x = v ^ (LL_ONES * (uint64_t)' '), z;
  if (LL_HASLESS(v, 0x20) | LL_HASMORE(v, 0x7E)) return 0;
  z = ~(((x & low7) + low7) | x | low7);                         /* 0x80 exactly in the spaces */
  if (z & (z << 8)) return 0;                                    /* two in a row */
  if (z & ((uint64_t)0x80u | ((uint64_t)0x80u << 56))) return 0; /* at an end */
  return 1;
}

/* ------------------------------------------------------------------ */
/* libxml2's memory and reports                                        */
/* ------------------------------------------------------------------ */

/* What one read learns from libxml2's reports while it works: for the
** length of ll_html_read, libxml2's structured-error context of this
** thread (libxml2 keeps one per thread) points at it. */
typedef struct Reading {
  int nomem;              /* an allocation of libxml2's failed */
  int deep;               /* the page nests past libxml2's depth limit */
  htmlParserCtxtPtr ctxt; /* the parse in progress, or NULL */
  const char *src;        /* the bytes handed to libxml2 (never written) */
  size_t srcn;
  const void *at;     /* where the input stood at the last report ... */
  unsigned long same; /* ... and how many reports in a row stood there */
  int stuck;          /* libxml2 reported and reported without moving */
} Reading;

static void onreport(void *ctx, xmlErrorPtr e); /* below */

/* libxml2's memory, as the module gives it (ll_html_init): the C
** library's malloc, realloc, free and strdup, except that an allocation
** that fails while this thread is in ll_html_read marks that read out of
** memory, even where libxml2 itself would say nothing and go on with a
** piece of the page missing. The read is found through libxml2's
** structured-error context of this thread, which ll_html_read points at
** its own state while it works; these functions keep no state of their
** own. */
static void xmlnomem(void) {
  if (xmlStructuredError == onreport && xmlStructuredErrorContext != NULL)
    ((Reading *)xmlStructuredErrorContext)->nomem = 1;
}

static void *xmlmalloc(size_t n) {
  void *p = malloc(n);
  if (p == NULL) xmlnomem();
  return p;
}

static void *xmlrealloc(void *q, size_t n) {
  void *p = realloc(q, n);
  if (p == NULL) xmlnomem();
  return p;
}

static char *xmlstrdup(const char *s) {
  size_t n = strlen(s) + 1;
  char *p = (char *)malloc(n);
  if (p == NULL) {
    xmlnomem();
    return NULL;
  }
  memcpy(p, s, n);
  return p;
}

/* See llhtml.h. xmlMemSetup is process-wide: every lua_State, every thread
** and every other user of libxml2 in the process shares what it sets. So
** the functions are only installed while libxml2 still uses the C
** library's own (another program or module that installed its own keeps
** them: a test host counting libxml2's allocations, a debugging
** allocator), and they are the C library's functions with a hook, so a
** block allocated before they were installed, or by another state or
** thread, is freed correctly by either; installing them again from
** another state, or from two threads at once under libxml2's library
** lock, writes the same pointers. */
void ll_html_init(void) {
  xmlFreeFunc f;
  xmlMallocFunc ma;
  xmlReallocFunc re;
  xmlStrdupFunc sd;
  xmlInitParser();
  xmlLockLibrary();
  if (xmlMemGet(&f, &ma, &re, &sd) == 0 && f == free && ma == malloc && re == realloc)
    xmlMemSetup(free, xmlmalloc, xmlrealloc, xmlstrdup);
  xmlUnlockLibrary();
}

/* ------------------------------------------------------------------ */
/* Charsets                                                            */
/* ------------------------------------------------------------------ */

/* Finds the charset that a <meta> tag in the first 8 KB declares; writes
** its name, lowercased, into name ("" when none is declared). */
static void declared_charset(const char *s, size_t len, char *name, size_t namesz) {
  size_t lim = len < 8192 ? len : 8192, i, j, k;
  name[0] = '\0';
  for (i = 0; i + 5 < lim; i++) {
    size_t end;
    if (s[i] != '<' || !iprefix(s + i + 1, lim - i - 1, "meta")) continue;
    for (end = i + 5; end < lim && s[end] != '>'; end++) {
    }
    for (j = i + 5; j + 7 <= end; j++) {
      if (!iprefix(s + j, end - j, "charset")) continue;
      j += 7;
      while (j < end && isspc((unsigned char)s[j])) j++;
      if (j >= end || s[j] != '=') break;
      j++;
      while (j < end && (isspc((unsigned char)s[j]) || s[j] == '"' || s[j] == '\'')) j++;
      for (k = 0; j < end && k + 1 < namesz &&
                  (isalnumc((unsigned char)s[j]) || s[j] == '-' || s[j] == '_' || s[j] == '.' ||
                   s[j] == ':');
           j++)
        name[k++] = (char)lower((unsigned char)s[j]);
      name[k] = '\0';
      if (k > 0) return;
      break;
    }
    i = end;
  }
}

enum { CS_UTF8, CS_1252, CS_NATIVE };

/* Chooses how to decode the page: CS_UTF8 (UTF-8, a stray invalid byte read
** as windows-1252), CS_1252, or CS_NATIVE (another declared charset, which
** libxml2 may know). Pages that declare Latin-1, ASCII or windows-1252 are
** read as windows-1252, as browsers do, unless their bytes are valid UTF-8;
** so are pages that declare nothing. A UTF-16 declaration without a byte
** order mark is a mistake (the tag was readable as ASCII) and is ignored. */
static int choose_charset(const char *s, size_t len, const char *decl) {
  size_t i, dl = strlen(decl);
  int valid = 1;
  static const char *const western[] = {
      "iso-8859-1", "iso8859-1",    "iso_8859-1", "latin1",   "latin-1", "l1", "us-ascii",
      "ascii",      "windows-1252", "cp1252",     "x-cp1252", "ansi",    NULL};
  if (ieq(decl, "utf-8") || ieq(decl, "utf8")) return CS_UTF8;
  for (i = 0; i < len; i++) {
    if (len - i >= 8 && (ll_load8(s + i) & LL_HIGHS) == 0) { /* eight ASCII bytes */
      i += 7;
      continue;
    }
    if ((unsigned char)s[i] < 0x80) continue;
    {
      size_t k = utf8len(s + i, len - i);
      if (k == 0) {
        valid = 0;
        break;
      }
      i += k - 1;
    }
  }
  if (dl > 0 && !iprefix(decl, dl, "utf-16") && !iprefix(decl, dl, "utf-32") &&
      !iprefix(decl, dl, "ucs") && !iprefix(decl, dl, "unicode")) {
    for (i = 0; western[i] != NULL && !ieq(decl, western[i]); i++) {
    }
    if (western[i] == NULL) return CS_NATIVE;
  }
  return valid ? CS_UTF8 : CS_1252;
}

/* The length of the stretch at s that decode8 in mode cs copies as it is:
** printable ASCII, tab, line ends, form feed, and in CS_UTF8 well-formed
** sequences. */
static size_t keeprun(const char *s, size_t len, int cs) {
  size_t j = 0;
  for (;;) {
    size_t k;
    unsigned c;
    j += printable(s + j, len - j);
    if (j >= len) break;
    c = (unsigned char)s[j];
    if (c == '\t' || c == '\n' || c == '\r' || c == '\f') {
      j++;
    } else if (c >= 0x80 && cs == CS_UTF8 && (k = utf8len(s + j, len - j)) > 0) {
      j += k;
    } else {
      break;
    }
  }
  return j;
}

/* Appends to out the page decoded as UTF-8 by mode cs (CS_UTF8 or
** CS_1252), without NUL bytes or other C0 controls (made spaces). */
static int decode8(ll_Mem *m, const char *s, size_t len, int cs, ll_Buf *out) {
  size_t i = 0;
  while (i < len) {
    size_t j = i + keeprun(s + i, len - i, cs);
    unsigned c;
    if (j > i && ll_buf_add(m, out, s + i, j - i) != LL_OK) return LL_ERRMEM;
    if (j >= len) break;
    i = j;
    c = (unsigned char)s[i];
    if (c < 0x80) {
      if (c == '\t' || c == '\n' || c == '\r' || c == '\f') {
        if (ll_buf_addc(m, out, (int)c) != LL_OK) return LL_ERRMEM;
      } else if (c != 0 && ll_buf_addc(m, out, ' ') != LL_OK) {
        return LL_ERRMEM;
      }
      i++;
      continue;
    }
    if (cs == CS_UTF8) {
      size_t k = utf8len(s + i, len - i);
      if (k > 0) {
        if (ll_buf_add(m, out, s + i, k) != LL_OK) return LL_ERRMEM;
        i += k;
        continue;
      }
    }
    if (addcp(m, out, from1252(c)) != LL_OK) return LL_ERRMEM;
    i++;
  }
  return LL_OK;
}

/* Appends to out the UTF-16 text s (after its byte order mark) as UTF-8;
** big-endian when be is nonzero. Lone surrogates become U+FFFD. */
static int decode16(ll_Mem *m, const unsigned char *s, size_t len, int be, ll_Buf *out) {
  size_t i;
  for (i = 0; i + 1 < len; i += 2) {
    long c = be ? (s[i] << 8 | s[i + 1]) : (s[i + 1] << 8 | s[i]);
    if (c >= 0xD800 && c < 0xDC00 && i + 3 < len) {
      long d = be ? (s[i + 2] << 8 | s[i + 3]) : (s[i + 3] << 8 | s[i + 2]);
      if (d >= 0xDC00 && d < 0xE000) {
        c = 0x10000 + ((c - 0xD800) << 10) + (d - 0xDC00);
        i += 2;
      } else {
        c = 0xFFFD;
      }
    } else if (c >= 0xD800 && c < 0xE000) {
      c = 0xFFFD;
    }
    if (c == 0) continue;
    if (c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f') c = ' ';
    if (addcp(m, out, c) != LL_OK) return LL_ERRMEM;
  }
  return LL_OK;
}

/* Appends to out the page converted by libxml2 from charset h to UTF-8,
** a piece at a time so that a byte it cannot convert costs little: that
** byte becomes U+FFFD and the conversion goes on after it (libxml2 itself
** would stop there). NUL bytes and C0 controls are dropped as in decode8.
** libxml2 reports the bad bytes through its error handlers: the caller
** silences them. */
static int decode_native(ll_Mem *m, xmlCharEncodingHandlerPtr h, const char *s, size_t len,
                         ll_Buf *out) {
  xmlBufferPtr in = xmlBufferCreateSize(512), res = xmlBufferCreateSize(2048);
  ll_Buf utf;
  size_t pos = 0;
  int status = LL_OK;
  ll_buf_init(&utf);
  if (in == NULL || res == NULL) status = LL_ERRMEM;
  while (status == LL_OK && (pos < len || xmlBufferLength(in) > 0)) {
    int before;
    if (pos < len && xmlBufferLength(in) < 256) { /* top up */
      int take = len - pos < 256 ? (int)(len - pos) : 256;
      if (xmlBufferAdd(in, (const xmlChar *)s + pos, take) != 0) {
        status = LL_ERRMEM;
        break;
      }
      pos += (size_t)take;
    }
    before = xmlBufferLength(in);
    (void)xmlCharEncInFunc(h, res, in);
    if (xmlBufferLength(res) > 0 && ll_buf_add(m, &utf, (const char *)xmlBufferContent(res),
                                               (size_t)xmlBufferLength(res)) != LL_OK)
      status = LL_ERRMEM;
    xmlBufferEmpty(res);
    if (xmlBufferLength(in) == before && xmlBufferLength(in) > 0 &&
        (pos >= len || before >= 256)) { /* stuck: drop a byte */
      if (addcp(m, &utf, 0xFFFD) != LL_OK) status = LL_ERRMEM;
      xmlBufferShrink(in, 1);
    }
  }
  if (in != NULL) xmlBufferFree(in);
  if (res != NULL) xmlBufferFree(res);
  if (status == LL_OK && utf.n > 0) status = decode8(m, utf.p, utf.n, CS_UTF8, out);
  ll_buf_free(m, &utf);
  return status;
}

/* Appends to out the page as UTF-8, from whatever its bytes are: a byte
** order mark decides, else the charset it declares (see choose_charset). */
static int decode(ll_Mem *m, const char *s, size_t len, ll_Buf *out, int *same) {
  char decl[40];
  int cs;
  *same = 0;
  if (len >= 2 && ((unsigned char)s[0] == 0xFF || (unsigned char)s[0] == 0xFE) &&
      (unsigned char)s[1] == ((unsigned char)s[0] ^ 0x01))
    return decode16(m, (const unsigned char *)s + 2, len - 2, (unsigned char)s[0] == 0xFE, out);
  if (len >= 3 && memcmp(s, "\xEF\xBB\xBF", 3) == 0)
    return decode8(m, s + 3, len - 3, CS_UTF8, out);
  declared_charset(s, len, decl, sizeof decl);
  cs = choose_charset(s, len, decl);
  if (cs == CS_NATIVE) {
    xmlCharEncodingHandlerPtr h = xmlFindCharEncodingHandler(decl);
    int status;
    if (h == NULL) { /* unknown to libxml2: as if undeclared */
      decl[0] = '\0';
      return decode8(m, s, len, choose_charset(s, len, decl), out);
    }
    status = decode_native(m, h, s, len, out);
    xmlCharEncCloseFunc(h);
    return status;
  }
  if (cs == CS_UTF8 && keeprun(s, len, cs) == len) { /* most pages: no copy */
    *same = 1;
    return LL_OK;
  }
  return decode8(m, s, len, cs, out);
}

/* Nothing: libxml2's error reports go here while the reader works. */
static void quiet(void *ctx, const char *msg, ...) {
  (void)ctx;
  (void)msg;
}

/* libxml2's structured reports, silenced. One that an allocation failed
** marks the read out of memory and ends the page there. On such a failure
** libxml2 2.9.14 marks the parser finished, which stops xmlNextChar from
** moving, but many of its loops only end on a NUL or a given character
** ("while (CUR != 0 && CUR != '>') NEXT;"), and those then spin for ever
** (htmlParseDocument in staterev/ch01.htm, with its 17th allocation
** failing). So the rest of libxml2's copy of the input is overwritten with
** NULs: every loop sees the end where it stands, and no position moves, so
** code that skips characters it has already seen stays inside the buffer.
** Neither xmlStopParser (it frees the input, which the code that failed
** may be building) nor moving the cursor to the end (some code then skips
** past it) is safe from here. A failure libxml2 does not report (a tag
** name it could not make) shows as the same report at the same place over
** and over (STUCK times): then the rest is overwritten with '>' instead,
** since after that failure 2.9.14 runs "while ((CUR == 0) && (CUR != '>'))
** NEXT;", which would spin on NULs. The bytes handed to libxml2 are never
** written: a libxml2 that reads them in place is left alone. */
static void endinput(Reading *r, int fill) {
  xmlParserInputPtr in = r->ctxt != NULL ? r->ctxt->input : NULL;
  if (in != NULL && in->cur != NULL && in->end != NULL && in->end > in->cur &&
      !((const char *)in->end >= r->src && (const char *)in->cur <= r->src + r->srcn))
    memset((xmlChar *)in->cur, fill, (size_t)(in->end - in->cur));
}

/* Reports in a row at one place in the input that mean libxml2 is stuck
** there: after an allocation it did not report failed (a name it could
** not make), it reports the same error over and over without moving. */
#define STUCK 10000

static void onreport(void *ctx, xmlErrorPtr e) {
  Reading *r = (Reading *)ctx;
  xmlParserInputPtr in;
  if (r == NULL || e == NULL) return;
  in = r->ctxt != NULL ? r->ctxt->input : NULL;
  if (in != NULL && (const void *)in->cur == r->at) {
    if (++r->same >= STUCK && !r->stuck) {
      r->stuck = 1;
      endinput(r, '>');
    }
  } else {
    r->at = in != NULL ? (const void *)in->cur : NULL;
    r->same = 0;
  }
  if (e->code == XML_ERR_NO_MEMORY) {
    r->nomem = 1;
    endinput(r, 0);
  } else if (e->code == XML_ERR_INTERNAL_ERROR && e->message != NULL &&
             strstr(e->message, "Excessive depth") != NULL) {
    r->deep = 1;
  }
}

/* ------------------------------------------------------------------ */
/* The tree                                                            */
/* ------------------------------------------------------------------ */

/* kinds of element, for the walk */
enum {
  T_INLINE,
  T_SKIP,
  T_BLOCK,
  T_P,
  T_H,
  T_BR,
  T_HR,
  T_A,
  T_SUP,
  T_IMG,
  T_CELL,
  T_PRE,
  T_LABEL,
  T_SPAN,
  T_DIV,
  T_TABLE
};

static const struct {
  const char *name;
  unsigned char code, level;
} tagtab[] = {{"p", T_P, 0},
              {"a", T_A, 0},
              {"br", T_BR, 0},
              {"span", T_SPAN, 0},
              {"em", T_LABEL, 0},
              {"i", T_LABEL, 0},
              {"b", T_LABEL, 0},
              {"strong", T_LABEL, 0},
              {"sup", T_SUP, 0},
              {"div", T_DIV, 0},
              {"h1", T_H, 1},
              {"h2", T_H, 2},
              {"h3", T_H, 3},
              {"h4", T_H, 4},
              {"h5", T_H, 5},
              {"h6", T_H, 6},
              {"hr", T_HR, 0},
              {"img", T_IMG, 0},
              {"td", T_CELL, 0},
              {"th", T_CELL, 0},
              {"tr", T_BLOCK, 0},
              {"table", T_TABLE, 0},
              {"pre", T_PRE, 0},
              {"li", T_BLOCK, 0},
              {"blockquote", T_BLOCK, 0},
              {"ul", T_BLOCK, 0},
              {"ol", T_BLOCK, 0},
              {"dl", T_BLOCK, 0},
              {"dt", T_BLOCK, 0},
              {"dd", T_BLOCK, 0},
              {"center", T_BLOCK, 0},
              {"address", T_BLOCK, 0},
              {"body", T_BLOCK, 0},
              {"html", T_BLOCK, 0},
              {"tbody", T_BLOCK, 0},
              {"thead", T_BLOCK, 0},
              {"tfoot", T_BLOCK, 0},
              {"caption", T_BLOCK, 0},
              {"form", T_BLOCK, 0},
              {"fieldset", T_BLOCK, 0},
              {"legend", T_BLOCK, 0},
              {"section", T_BLOCK, 0},
              {"article", T_BLOCK, 0},
              {"aside", T_BLOCK, 0},
              {"header", T_BLOCK, 0},
              {"footer", T_BLOCK, 0},
              {"nav", T_BLOCK, 0},
              {"main", T_BLOCK, 0},
              {"figure", T_BLOCK, 0},
              {"figcaption", T_BLOCK, 0},
              {"menu", T_BLOCK, 0},
              {"dir", T_BLOCK, 0},
              {"details", T_BLOCK, 0},
              {"summary", T_BLOCK, 0},
              {"frameset", T_BLOCK, 0},
              {"noframes", T_BLOCK, 0},
              {"hgroup", T_BLOCK, 0},
              {"head", T_SKIP, 0},
              {"script", T_SKIP, 0},
              {"style", T_SKIP, 0},
              {"title", T_SKIP, 0},
              {"noscript", T_SKIP, 0},
              {"template", T_SKIP, 0},
              {"iframe", T_SKIP, 0},
              {"object", T_SKIP, 0},
              {"embed", T_SKIP, 0},
              {"applet", T_SKIP, 0},
              {"select", T_SKIP, 0},
              {"textarea", T_SKIP, 0},
              {"svg", T_SKIP, 0},
              {"math", T_SKIP, 0},
              {"map", T_SKIP, 0},
              {"frame", T_SKIP, 0},
              {"xml", T_SKIP, 0},
              {NULL, 0, 0}};

/* The kind of element n (T_*), with the heading level in *level. */
static int tagcode(const xmlNode *n, int *level) {
  int k;
  const char *name = (const char *)n->name;
  *level = 0;
  if (name == NULL) return T_INLINE;
  for (k = 0; tagtab[k].name != NULL; k++)
    if (name[0] == tagtab[k].name[0] && strcmp(name, tagtab[k].name) == 0) {
      *level = tagtab[k].level;
      return tagtab[k].code;
    }
  return T_INLINE;
}

/* The value of attribute name of element n ("" for an attribute without a
** plain value), or NULL. Points into the tree; nothing is allocated. */
static const char *attr(const xmlNode *n, const char *name) {
  const xmlAttr *a;
  for (a = n->properties; a != NULL; a = a->next) {
    if (a->name == NULL || !ieq((const char *)a->name, name)) continue;
    if (a->children != NULL && a->children->type == XML_TEXT_NODE && a->children->content != NULL)
      return (const char *)a->children->content;
    return "";
  }
  return NULL;
}

/* Nonzero if the class attribute of n holds a token for which the test
** passes: equal to w (exact) or containing w (!exact), ignoring case. */
static int classhas(const xmlNode *n, const char *w, int exact) {
  const char *c = attr(n, "class");
  size_t wl = strlen(w);
  while (c != NULL && *c != '\0') {
    size_t tl = 0, i;
    while (isspc((unsigned char)*c)) c++;
    while (c[tl] != '\0' && !isspc((unsigned char)c[tl])) tl++;
    if (exact) {
      if (tl == wl && iprefix(c, tl, w)) return 1;
    } else {
      for (i = 0; i + wl <= tl; i++)
        if (iprefix(c + i, tl - i, w)) return 1;
    }
    c += tl;
  }
  return 0;
}

/* The node after n in document order inside the subtree of root, going
** into n's children when down is nonzero; NULL at the subtree's end. */
static xmlNode *nextnode(xmlNode *n, const xmlNode *root, int down) {
  if (down && n->children != NULL) return n->children;
  while (n != root && n->next == NULL) n = n->parent;
  if (n == root) return NULL;
  return n->next;
}

/* Copies the text under n (skipping scripts) into buf, NUL-terminated;
** returns its length, or (size_t)-1 when it is longer than cap - 1 bytes or
** the subtree has more than 64 nodes or holds an element named avoid. */
static size_t shorttext(xmlNode *n, char *buf, size_t cap, const char *avoid) {
  size_t len = 0;
  int count = 0;
  xmlNode *p = n->children;
  buf[0] = '\0';
  while (p != NULL) {
    int down = 1;
    if (++count > 64) return (size_t)-1;
    if (p->type == XML_TEXT_NODE && p->content != NULL) {
      size_t k = strlen((const char *)p->content);
      if (k >= cap - len) return (size_t)-1;
      memcpy(buf + len, p->content, k);
      len += k;
      buf[len] = '\0';
    } else if (p->type == XML_ELEMENT_NODE) {
      int lv;
      if (avoid != NULL && p->name != NULL && strcmp((const char *)p->name, avoid) == 0)
        return (size_t)-1;
      if (tagcode(p, &lv) == T_SKIP) down = 0;
    }
    p = nextnode(p, n, down);
  }
  return len;
}

/* Trims ASCII white space and no-break spaces from both ends of [*s, *s+*n). */
static void trim(const char **s, size_t *n) {
  for (;;) {
    if (*n > 0 && isspc((unsigned char)(*s)[0])) {
      (*s)++;
      (*n)--;
    } else if (*n > 1 && memcmp(*s, NBSP, 2) == 0) {
      *s += 2;
      *n -= 2;
    } else {
      break;
    }
  }
  for (;;) {
    if (*n > 0 && isspc((unsigned char)(*s)[*n - 1])) {
      (*n)--;
    } else if (*n > 1 && memcmp(*s + *n - 2, NBSP, 2) == 0) {
      (*n) -= 2;
    } else {
      break;
    }
  }
}

/* ------------------------------------------------------------------ */
/* Footnote markers                                                    */
/* ------------------------------------------------------------------ */

typedef struct Mark {
  xmlNode *node;    /* the element */
  const char *href; /* the fragment its link points to, or NULL */
  const char *name; /* its name and id attributes, or NULL */
  const char *id;
  long n;       /* the number it shows */
  size_t order; /* its place among the candidates */
  int bracket;  /* written [N] */
  int star;     /* written with an asterisk: [N*], [*N] */
  int symbol;   /* a symbol alone, "*", "[*]", "**", "†", "‡": its number
                   is given when it pairs with its note's (symbolnumbers) */
  int plainsup; /* a <sup> without a link */
  int insup;    /* inside a <sup> or a note-classed element */
  int ok;       /* taken as a marker */
} Mark;

/* Reads a symbol marker, "*" to "***", "†" or "‡", bracketed or not, at
** s[0,n) (trimmed) into mk; 0 if s is not one. */
static int parse_symbol(const char *s, size_t n, Mark *mk) {
  size_t i = 0, k = 0;
  int open = n > 0 && s[0] == '[';
  if (open) i++;
  while (i < n && s[i] == '*' && k < 3) {
    i++;
    k++;
  }
  if (k == 0 && n - i >= 3 && memcmp(s + i, "\xE2\x80", 2) == 0 &&
      (s[i + 2] == '\xA0' || s[i + 2] == '\xA1')) /* U+2020, U+2021 */
    i += 3;
  else if (k == 0)
    return 0;
  if (open && (i >= n || s[i++] != ']')) return 0;
  if (i != n) return 0;
  mk->symbol = 1;
  mk->bracket = open;
  mk->n = 0;
  return 1;
}

/* Reads marker text "[N]", "N", "N.", "N)", "(N)", "[N*]", "[*N]", "*N",
** or a symbol (parse_symbol) (white space and no-break spaces around
** ignored) into mk; 0 if s is not one. */
static int parse_marker(const char *s, size_t n, Mark *mk) {
  size_t i = 0;
  long v = 0;
  int open = 0, digits = 0;
  trim(&s, &n);
  mk->bracket = mk->star = mk->symbol = 0;
  if (parse_symbol(s, n, mk)) return 1;
  if (i < n && (s[i] == '[' || s[i] == '(')) open = (unsigned char)s[i++];
  if (i < n && s[i] == '*') {
    mk->star = 1;
    i++;
  }
  while (i < n && isdig((unsigned char)s[i])) {
    v = v * 10 + (s[i++] - '0');
    if (++digits > 6) return 0;
  }
  if (digits == 0 || v < 1 || v > LL_MAXNOTE) return 0;
  if (i < n && s[i] == '*') {
    mk->star = 1;
    i++;
  }
  if (open == '[') {
    if (i >= n || s[i] != ']') return 0;
    i++;
    mk->bracket = 1;
  } else if (i < n && s[i] == ')') {
    i++;
  } else if (open == '(') {
    return 0;
  } else if (i < n && s[i] == '.') {
    i++;
  }
  mk->n = v;
  return i == n;
}

/* Is n a link to the archive's glossary written as a bracketed aside
** ("[See glossary entry]" after a heading)? It is no text of the page, and
** no note marker: it is left out. */
static int glossarylink(xmlNode *n) {
  const char *href = attr(n, "href"), *s;
  char buf[64];
  size_t len;
  Mark mk;
  if (href == NULL || strstr(href, "glossary/") == NULL || attr(n, "name") != NULL ||
      attr(n, "id") != NULL)
    return 0;
  len = shorttext(n, buf, sizeof buf, NULL);
  if (len == (size_t)-1) return 0;
  s = buf;
  trim(&s, &len);
  return len >= 2 && s[0] == '[' && s[len - 1] == ']' && !parse_marker(s, len, &mk);
}

typedef struct Key {
  const char *s;
  size_t order;
} Key;

/* qsort order of keys: by string, then by place */
static int keycmp(const void *a, const void *b) {
  const Key *x = (const Key *)a, *y = (const Key *)b;
  int c = strcmp(x->s, y->s);
  if (c != 0) return c;
  return x->order < y->order ? -1 : x->order > y->order;
}

/* The first key equal to s in the sorted keys, or NULL. */
static const Key *findkey(const ll_Vec *keys, const char *s) {
  const Key *k = (const Key *)keys->p;
  size_t lo = 0, hi = keys->n;
  if (s == NULL || *s == '\0') return NULL;
  while (lo < hi) {
    size_t mid = lo + (hi - lo) / 2;
    if (strcmp(k[mid].s, s) < 0)
      lo = mid + 1;
    else
      hi = mid;
  }
  return (lo < keys->n && strcmp(k[lo].s, s) == 0) ? &k[lo] : NULL;
}

/* Nonzero if keys hold s under an order other than self; with before set,
** only an order below self counts. */
static int haskey(const ll_Vec *keys, const char *s, size_t self, int before) {
  const Key *k = findkey(keys, s), *end;
  if (k == NULL) return 0; /* keys->p may be NULL: no offset to add */
  end = (const Key *)keys->p + keys->n;
  for (; k < end && strcmp(k->s, s) == 0; k++) {
    if (before ? k->order < self : k->order != self) return 1;
  }
  return 0;
}

/* qsort order of marks (by pointer): by number */
static int markcmp(const void *a, const void *b) {
  long x = (*(Mark *const *)a)->n, y = (*(Mark *const *)b)->n;
  return x < y ? -1 : x > y;
}

/* nonzero if both strings are there, not empty, and equal */
static int same(const char *a, const char *b) {
  return a != NULL && b != NULL && *a != '\0' && strcmp(a, b) == 0;
}

/* Nonzero if one of the marks links to the other. */
static int partners(const Mark *a, const Mark *b) {
  return same(a->href, b->name) || same(a->href, b->id) || same(b->href, a->name) ||
         same(b->href, a->id);
}

/* The marks of a page: candidates found in a first pass over the tree, and
** the link targets that decide which of them are footnote markers. */
typedef struct Marks {
  ll_Vec marks; /* Mark */
  ll_Vec hrefs; /* Key: fragments the candidates link to, sorted */
  ll_Vec names; /* Key: names and ids of the candidates, sorted */
} Marks;

/* The fragment of a same-page link ("x" for "#x" or "page.htm#x"). */
static const char *fragment(const char *href) {
  const char *h = href ? strchr(href, '#') : NULL;
  return (h != NULL && h[1] != '\0') ? h + 1 : NULL;
}

/* Adds key s (when not NULL or empty) at place order to v. */
static int pushkey(ll_Mem *m, ll_Vec *v, const char *s, size_t order) {
  Key *k;
  if (s == NULL || *s == '\0') return LL_OK;
  k = (Key *)ll_vec_push(m, v);
  if (k == NULL) return LL_ERRMEM;
  k->s = s;
  k->order = order;
  return LL_OK;
}

/* Nonzero if an ancestor of n within two levels is a <sup> or has a class
** about notes. */
static int notey_parent(const xmlNode *n) {
  int depth;
  for (depth = 0, n = n->parent; depth < 2 && n != NULL && n->type == XML_ELEMENT_NODE;
       depth++, n = n->parent) {
    if (n->name != NULL && strcmp((const char *)n->name, "sup") == 0) return 1;
    if (classhas(n, "note", 0)) return 1;
  }
  return 0;
}

/* If element n (of tag t, an <a> or a <sup>) shows a marker, adds it to
** mk's candidates with its link target, name and id. Returns LL_OK, or
** LL_ERRMEM; *found is set when n was one (its children are not looked
** at then). */
static int candidate(ll_Mem *m, xmlNode *n, int t, Marks *mk, int *found) {
  char buf[40];
  Mark c, *p;
  size_t len = shorttext(n, buf, sizeof buf, t == T_SUP ? "a" : NULL);
  *found = 0;
  memset(&c, 0, sizeof c);
  if (len == (size_t)-1 || !parse_marker(buf, len, &c)) return LL_OK;
  if (t == T_A) {
    c.href = fragment(attr(n, "href"));
    c.name = attr(n, "name");
    c.id = attr(n, "id");
    c.insup = notey_parent(n) || classhas(n, "note", 0);
    if (c.href == NULL && c.name == NULL && c.id == NULL) return LL_OK;
  } else {
    c.plainsup = 1;
    c.insup = classhas(n, "note", 0);
  }
  c.order = mk->marks.n;
  c.node = n;
  p = (Mark *)ll_vec_push(m, &mk->marks);
  if (p == NULL) return LL_ERRMEM;
  *p = c;
  *found = 1;
  if (pushkey(m, &mk->hrefs, c.href, c.order) != LL_OK ||
      pushkey(m, &mk->names, c.name, c.order) != LL_OK ||
      pushkey(m, &mk->names, c.id, c.order) != LL_OK)
    return LL_ERRMEM;
  return LL_OK;
}

/* Decides which candidates are markers: a bracketed number, one paired
** with a link target, one in a note-classed element (a <sup> without a
** link: bracketed or note-classed); the plain ones go to plain, sorted by
** number. */
static int decide(ll_Mem *m, Marks *mk, ll_Vec *plain) {
  size_t i;
  for (i = 0; i < mk->marks.n; i++) {
    Mark *c = (Mark *)mk->marks.p + i;
    int paired = haskey(&mk->hrefs, c->name, c->order, 0) ||
                 haskey(&mk->hrefs, c->id, c->order, 0) || haskey(&mk->names, c->href, c->order, 0);
    if (c->symbol)
      c->ok = paired && !c->plainsup; /* a symbol links to its note and back */
    else if (c->plainsup)
      c->ok = c->bracket || c->insup;
    else
      c->ok = c->bracket || paired || c->insup;
    if (c->ok && !c->star && !c->symbol) {
      Mark **p = (Mark **)ll_vec_push(m, plain);
      if (p == NULL) return LL_ERRMEM;
      *p = c;
    }
  }
  if (plain->n > 1) qsort(plain->p, plain->n, sizeof(Mark *), markcmp);
  return LL_OK;
}

/* A starred marker [N*] beside plain [N]s is one only when each of them is
** its partner (plain: the plain markers, sorted by number). */
static void starred(Marks *mk, const ll_Vec *plain) {
  size_t i;
  for (i = 0; i < mk->marks.n; i++) {
    Mark *c = (Mark *)mk->marks.p + i, **p = (Mark **)plain->p, **e;
    size_t lo = 0, hi = plain->n, k;
    if (!c->ok || !c->star || plain->n == 0) continue; /* p may be NULL */
    while (lo < hi) {
      size_t mid = lo + (hi - lo) / 2;
      if (p[mid]->n < c->n)
        lo = mid + 1;
      else
        hi = mid;
    }
    for (e = p + plain->n, p += lo, k = 0; p < e && (*p)->n == c->n; p++)
      if (++k > 16 || !partners(c, *p)) {
        c->ok = 0;
        break;
      }
  }
}

/* Numbers the symbol markers: each pair of a marker and the note it links
** to (and any other marker of that note) takes the next number after the
** page's numbered markers (plain: sorted), in the order the markers stand,
** so "[*]" and its note read as any numbered marker and its note. A symbol
** left without a partner, or past the first 64, is no marker. */
static void symbolnumbers(Marks *mk, const ll_Vec *plain) {
  long next = plain->n > 0 ? ((Mark *const *)plain->p)[plain->n - 1]->n : 0;
  size_t i, j, seen = 0;
  for (i = 0; i < mk->marks.n; i++) {
    Mark *c = (Mark *)mk->marks.p + i;
    if (!c->ok || !c->symbol || c->n != 0) continue;
    if (++seen > 64 || next >= LL_MAXNOTE) {
      c->ok = 0;
      continue;
    }
    for (j = 0; j < mk->marks.n && c->n == 0; j++) { /* a partner numbered before */
      const Mark *d = (const Mark *)mk->marks.p + j;
      if (j != i && d->ok && d->symbol && d->n != 0 && partners(c, d)) c->n = d->n;
    }
    if (c->n == 0) c->n = ++next;
    for (j = i + 1; j < mk->marks.n; j++) {
      Mark *d = (Mark *)mk->marks.p + j;
      if (d->ok && d->symbol && d->n == 0 && partners(c, d)) d->n = c->n;
    }
  }
}

/* First pass: finds the candidate footnote markers (links and <sup>s that
** show a number) and decides which are markers. A bracketed [N] link or sup
** always is; a bare number only inside a <sup> or note-classed span, or when
** its link pairs with another candidate (a marker and its note point at
** each other); a starred one only when no plain marker but its partner
** has its number.
** Each marker's node gets the Mark in _private. */
static int find_marks(ll_Mem *m, xmlDoc *doc, Marks *mk) {
  xmlNode *n = doc->children;
  ll_Vec plain;
  size_t i;
  int st;
  while (n != NULL) {
    int down = 1, lv, found;
    if (n->type == XML_ELEMENT_NODE) {
      int t = tagcode(n, &lv);
      if (t == T_SKIP) {
        down = 0;
      } else if (t == T_A || t == T_SUP) {
        if (candidate(m, n, t, mk, &found) != LL_OK) return LL_ERRMEM;
        down = !found;
      }
    }
    n = nextnode(n, (xmlNode *)doc, down);
  }
  if (mk->hrefs.n > 1) qsort(mk->hrefs.p, mk->hrefs.n, sizeof(Key), keycmp);
  if (mk->names.n > 1) qsort(mk->names.p, mk->names.n, sizeof(Key), keycmp);
  ll_vec_init(&plain, sizeof(Mark *));
  st = decide(m, mk, &plain);
  if (st == LL_OK) {
    starred(mk, &plain);
    symbolnumbers(mk, &plain);
  }
  ll_vec_free(m, &plain);
  if (st != LL_OK) return st;
  /* hand each marker's Mark to its node, now that the vector stays put */
  for (i = 0; i < mk->marks.n; i++) {
    Mark *c = (Mark *)mk->marks.p + i;
    if (c->ok) c->node->_private = c;
  }
  return LL_OK;
}

/* Nonzero if the marker looks like a note's own number rather than a
** reference to the note: its name is the target of an earlier marker, or
** it links back to an earlier one. */
static int defines(const Marks *mk, const Mark *c) {
  return haskey(&mk->hrefs, c->name, c->order, 1) || haskey(&mk->hrefs, c->id, c->order, 1) ||
         haskey(&mk->names, c->href, c->order, 1);
}

/* ------------------------------------------------------------------ */
/* The walk: the page as a list of items                               */
/* ------------------------------------------------------------------ */

/* kinds of item */
enum { K_PARA, K_HEAD, K_INFO, K_NAV, K_IMG };

/* what an element is to the structure (Frame.role) */
enum { F_NONE, F_LIST, F_LI, F_TABLE, F_ROW, F_CELL };

typedef struct Frame {
  int kind;        /* K_* of items opened inside */
  int tag, level;  /* the nearest block element: T_*, heading level */
  const char *cls; /* its class attribute, or NULL */
  int pre;         /* inside <pre> */
  int block;       /* this element closes the item around it */
  int cell;        /* a table cell */
  int bkind;       /* ll_Kind of the items opened inside (paragraph, quote,
                      verse, item, table) */
  int role;        /* F_*: this element's part in a list or a data table */
  int ordered;     /* F_LIST: an <ol>; ltype its type ('1', 'a', 'A', 'i', 'I') */
  int ltype;
  long next;   /* F_LIST: the number of its next item */
  size_t span; /* 1 + the index in Walk.spans of the span this element opened, or 0 */
} Frame;

/* An inline span in the pool: [start, end) of Walk.pool, or NOPOS before its
** first character is written (and after, when it held none). */
#define NOPOS ((size_t)-1)
typedef struct HSpan {
  int kind; /* ll_InlineKind */
  size_t start, end;
  const char *href; /* links: the attribute, in the tree */
} HSpan;

/* A paragraph-like stretch of the page: its text is written in the form the
** output wants (white space collapsed, markers as [N], page breaks as the
** run), and the header fields of an info block are marked by FIELDMARK. */
typedef struct Item {
  int kind, tag, level;
  const char *cls;
  size_t off, len;   /* its text in Walk.pool */
  size_t loff, lend; /* its page labels in Walk.labs */
  size_t nlab;
  const Mark *lead; /* the marker it starts with, or NULL */
  int refs;         /* markers after its start */
  int fields;       /* header field names in it */
  int bkind;        /* ll_Kind from the elements around it */
  char label[16];   /* a list item's number as a browser shows it ("" for a bullet) */
  size_t s0, s1;    /* the spans in Walk.spans that may overlap it */
  char pglab[16];   /* a page break before its first character: the page's label, or "" */
  int cells;        /* it holds a table's separators (CELLMARK, ROWMARK) */
} Item;

typedef struct Walk {
  ll_Mem *m;
  int status;
  Marks marks;
  ll_Buf pool;        /* the text of every item */
  ll_Buf labs;        /* the page labels written, each ending in '\0' */
  ll_Vec items;       /* Item */
  ll_Vec frames;      /* Frame */
  int open;           /* the last item is open */
  int sp, nbsp, nl;   /* white space and line breaks waiting */
  int brk;            /* a page break waiting */
  char brklab[24];    /* its label */
  char pendlab[16];   /* a page break between items: the next item's pglab */
  int body;           /* a body paragraph or info block has been closed */
  const char *author; /* <meta name="author"> */
  ll_Vec spans;       /* HSpan, in the order their elements open */
  size_t unset;       /* spans from here on may wait for their start */
  char lilabel[16];   /* the label of the list item just entered */
  int lipending;      /* its first item is still to open */
  int cellno;         /* cells entered in the data table's row */
} Walk;

/* the last item (the open one, when one is open) */
static Item *cur(Walk *w) {
  return (Item *)w->items.p + (w->items.n - 1);
}

/* the innermost frame */
static Frame *top(Walk *w) {
  return (Frame *)w->frames.p + (w->frames.n - 1);
}

/* Appends s to the text as it is (no white-space rules). */
static void raw(Walk *w, const char *s, size_t n) {
  ll_Buf *b = &w->pool;
  if (w->status != LL_OK) return;
  if (b->cap - b->n > n) { /* the common case, without a call */
    memcpy(b->p + b->n, s, n);
    b->n += n;
    b->p[b->n] = '\0';
  } else if (ll_buf_add(w->m, b, s, n) != LL_OK) {
    w->status = LL_ERRMEM;
  }
}

/* Drops the white space, line breaks and page break waiting. */
static void forget(Walk *w) {
  w->sp = w->nbsp = w->nl = w->brk = 0;
}

/* Opens an item in the context of the innermost frame. */
static void item_open(Walk *w) {
  Item *it;
  Frame *f = top(w);
  if (w->status != LL_OK) return;
  it = (Item *)ll_vec_push(w->m, &w->items);
  if (it == NULL) {
    w->status = LL_ERRMEM;
    return;
  }
  it->kind = f->kind;
  it->tag = f->tag;
  it->level = f->level;
  it->cls = f->cls;
  it->off = w->pool.n;
  it->loff = it->lend = w->labs.n;
  it->bkind = f->bkind;
  it->label[0] = '\0';
  memcpy(it->pglab, w->pendlab, sizeof it->pglab); /* the page it starts on */
  w->pendlab[0] = '\0';
  if (it->bkind == LL_ITEM && w->lipending) {
    memcpy(it->label, w->lilabel, sizeof it->label);
    w->lipending = 0;
  }
  { /* the outermost span still open may overlap it, and all after */
    size_t k;
    it->s0 = w->spans.n;
    for (k = 0; k < w->frames.n; k++) {
      const Frame *fk = (const Frame *)w->frames.p + k;
      if (fk->span > 0 && ((HSpan *)w->spans.p)[fk->span - 1].end == NOPOS) {
        it->s0 = fk->span - 1;
        break;
      }
    }
  }
  w->open = 1;
  forget(w);
}

/* Closes the open item; an empty one is dropped. What waits is dropped. */
static void item_close(Walk *w) {
  Item *it;
  forget(w);
  if (!w->open) return;
  w->open = 0;
  it = cur(w);
  it->len = w->pool.n - it->off;
  it->lend = w->labs.n;
  it->s1 = w->spans.n;
  if (it->len == 0) {
    w->labs.n = it->loff;
    if (it->pglab[0] != '\0' && w->pendlab[0] == '\0') /* the next item starts the page */
      memcpy(w->pendlab, it->pglab, sizeof it->pglab);
    w->items.n--;
  } else if (it->kind == K_PARA || it->kind == K_INFO) {
    w->body = 1;
  }
}

/* Writes what waits before new content: a line break, a page-break run
** (with its label), a space, or no-break spaces standing alone; at the
** start of an item, nothing. Two line breaks in a row end a paragraph (the
** item is closed and a new one opened in the same context). */
static void flush(Walk *w) {
  Item *it = cur(w);
  if (w->pool.n == it->off || w->pool.p[w->pool.n - 1] == CELLMARK ||
      w->pool.p[w->pool.n - 1] == ROWMARK) { /* nothing before: edges are dropped */
    forget(w);
    return;
  }
  if (w->nl > 0) {
    if (w->nl >= 2 && it->kind == K_PARA && it->bkind != LL_TABLE) {
      item_close(w);
      item_open(w);
    } else {
      raw(w, "\n", 1);
    }
  } else if (w->brk) {
    raw(w, BREAKRUN, 4);
    if (w->status == LL_OK && ll_buf_add(w->m, &w->labs, w->brklab, strlen(w->brklab) + 1) != LL_OK)
      w->status = LL_ERRMEM;
    if (w->status == LL_OK) cur(w)->nlab++;
  } else if (w->sp) {
    raw(w, " ", 1);
  } else {
    int k;
    for (k = 0; k < w->nbsp; k++) raw(w, NBSP, 2);
  }
  forget(w);
}

/* The spans waiting for their first character start here. */
static void startspans(Walk *w) {
  size_t k;
  for (k = w->unset; k < w->spans.n; k++) {
    HSpan *h = (HSpan *)w->spans.p + k;
    if (h->start == NOPOS && h->end == NOPOS) h->start = w->pool.n;
  }
  w->unset = w->spans.n;
}

/* Opens an inline span of kind k (a link to href) at the next character;
** returns 1 + its index, or 0 when out of memory. */
static size_t openspan(Walk *w, int k, const char *href) {
  HSpan *h = (HSpan *)ll_vec_push(w->m, &w->spans);
  if (h == NULL) {
    w->status = LL_ERRMEM;
    return 0;
  }
  h->kind = k;
  h->start = h->end = NOPOS;
  h->href = href;
  return w->spans.n;
}

/* Closes span i: it ends after the last character written; one that held
** none is dropped (its start stays NOPOS, its end is 0). */
static void closespan(Walk *w, size_t i) {
  HSpan *h = (HSpan *)w->spans.p + i;
  if (h->start == NOPOS) {
    h->end = 0;
  } else {
    h->end = w->pool.n;
  }
}

/* Writes a table's separator c (CELLMARK or ROWMARK) in place of the
** white space waiting. */
static void tablesep(Walk *w, char c) {
  if (w->status != LL_OK) return;
  if (!w->open) item_open(w);
  if (w->status != LL_OK) return;
  forget(w);
  raw(w, &c, 1);
  cur(w)->cells = 1;
}

/* Writes content s (no white space in it). */
static void put(Walk *w, const char *s, size_t n) {
  if (w->status != LL_OK || n == 0) return;
  if (!w->open) item_open(w);
  if (w->status != LL_OK) return;
  if (w->sp | w->nbsp | w->nl | w->brk) flush(w); /* else flush does nothing */
  if (w->unset < w->spans.n) startspans(w);
  raw(w, s, n);
}

/* Is cp a character that text() must not copy as it is (a no-break space,
** a C1 control, a byte order mark, a line or paragraph separator)? */
static int special(long cp) {
  return (cp >= 0x80 && cp <= 0xA0) || cp == 0xFEFF || cp == 0x2028 || cp == 0x2029;
}

/* Feeds the UTF-8 text s (from libxml2) through the white-space rules. */
static void text(Walk *w, const char *s, int pre) {
  size_t n = strlen(s), i = 0;
  while (i < n && w->status == LL_OK) {
    unsigned c = (unsigned char)s[i];
    size_t j = i, k;
    long cp;
    char u[4];
    if (c > 0x20 && c != 0x7F) { /* a run of characters copied as they are */
      while (j < n) {
        unsigned char d;
        while (n - j >= 8 && prose8(ll_load8(s + j))) j += 8;
        if (j >= n) break;
        d = (unsigned char)s[j];
        if (d < 0x80) {
          if (d == ' ' && j + 1 < n && (unsigned char)s[j + 1] > 0x20 &&
              (unsigned char)s[j + 1] != 0x7F && j > i) {
            /* one space between two characters of the run: what the
               white-space rules would write there */
            size_t k2 = utf8len(s + j + 1, n - j - 1);
            if (k2 == 0) break;
            ll_utf8_decode(s + j + 1, k2, &cp);
            if (special(cp)) break;
            j += 1 + k2;
            continue;
          }
          if (d <= 0x20 || d == 0x7F) break;
          j++;
          continue;
        }
        k = utf8len(s + j, n - j);
        if (k == 0) break;
        ll_utf8_decode(s + j, k, &cp);
        if (special(cp)) break;
        j += k;
      }
      if (j > i) {
        put(w, s + i, j - i);
        i = j;
        continue;
      }
    }
    if (c < 0x80) {
      if (c == '\n' && pre)
        w->nl++;
      else if (isspc((int)c))
        w->sp = 1;
      i++;
      continue;
    }
    k = utf8len(s + i, n - i);
    if (k == 0) { /* cannot come from libxml2, but never pass it on */
      put(w, "\xEF\xBF\xBD", 3);
      i++;
      continue;
    }
    ll_utf8_decode(s + i, k, &cp);
    if (cp == 0xA0) {
      w->nbsp++;
    } else if (cp >= 0x80 && cp < 0xA0) { /* C1: what &#150; meant */
      cp = from1252((unsigned)cp);
      if (cp != 0xFFFD) put(w, u, encode(cp, u));
    } else if (cp == 0xFEFF) { /* a stray byte order mark */
    } else if (cp == 0x2028 || cp == 0x2029) {
      w->sp = 1;
    } else {
      put(w, s + i, k);
    }
    i += k;
  }
}

/* A page break at this point, labelled lab. Inside an item it waits for
** the next character (several in a row make one run); between items, or
** at an item's start, the next item starts the page (its pglab; the last
** label wins). */
static void pagebreak(Walk *w, const char *lab, size_t n) {
  size_t i = 0;
  while (n - i > 1 && lab[i] == '0') i++; /* leading zeros */
  if (n - i == 0 || n - i >= sizeof w->pendlab) return;
  if (!w->open || w->pool.n == cur(w)->off) {
    char *to = w->open ? cur(w)->pglab : w->pendlab;
    memcpy(to, lab + i, n - i);
    to[n - i] = '\0';
    return;
  }
  memcpy(w->brklab, lab + i, n - i);
  w->brklab[n - i] = '\0';
  w->brk = 1;
}

/* Reads "pg=NNN" in a comment such as <!-- vol=19 pg=021 src=... -->. */
static void comment(Walk *w, const char *s) {
  const char *p = strstr(s, "pg=");
  size_t n = 0;
  if (p == NULL || strstr(s, "vol=") == NULL) return;
  p += 3;
  while (isalnumc((unsigned char)p[n])) n++;
  if (n > 0 && isdig((unsigned char)p[0])) pagebreak(w, p, n);
}

/* A page anchor: an empty <a> named like "v21pp74h:42" or "p249". */
static void anchor(Walk *w, const xmlNode *n) {
  const char *nm = attr(n, "name"), *p;
  size_t k;
  const xmlNode *c;
  if (nm == NULL) nm = attr(n, "id");
  if (nm == NULL || attr(n, "href") != NULL) return;
  for (c = n->children; c != NULL; c = c->next) {
    if (c->type != XML_TEXT_NODE || c->content == NULL) return;
    for (p = (const char *)c->content; *p; p++)
      if (!isspc((unsigned char)*p)) return;
  }
  p = strrchr(nm, ':');
  if (p != NULL && nm[0] == 'v' && isdig((unsigned char)nm[1])) {
    p++;
  } else if (nm[0] == 'p' || nm[0] == 'P') {
    p = nm + 1;
    if (iprefix(p, strlen(p), "age"))
      p += 3;
    else if (lower((unsigned char)*p) == 'g')
      p++;
    if (*p == '_' || *p == '-') p++;
  } else {
    return;
  }
  for (k = 0; isdig((unsigned char)p[k]); k++) {
  }
  if (k == 0 || p[k] != '\0') return;
  pagebreak(w, p, k);
}

/* Writes marker c as "[N]"; the item remembers it as its lead when it is
** the item's first content, else counts it as a reference. */
static void mark(Walk *w, const Mark *c) {
  char b[16];
  size_t k;
  snprintf(b, sizeof b, "[%ld]", c->n);
  k = strlen(b);
  put(w, b, k);
  if (w->status != LL_OK) return;
  if (w->pool.n == cur(w)->off + k) {
    if (cur(w)->lead == NULL) cur(w)->lead = c;
  } else {
    cur(w)->refs++;
  }
}

/* If element n (a label-like element in an info block) is a field name
** such as <span class="info">Written:</span> or, at the start of a line,
** <strong>Source:</strong>, writes it as FIELDMARK name FIELDEND; returns
** nonzero if it did. */
static int fieldname(Walk *w, xmlNode *n, int t) {
  char buf[80];
  const char *s = buf;
  size_t len = shorttext(n, buf, sizeof buf, NULL), i, words = 1;
  int colon, span = t == T_SPAN && classhas(n, "info", 1);
  if (len == (size_t)-1) return 0;
  trim(&s, &len);
  colon = len > 0 && s[len - 1] == ':';
  if (colon) len--;
  trim(&s, &len);
  if (len == 0 || len > 60) return 0;
  for (i = 0; i < len; i++) {
    if (s[i] == ':' || s[i] == '\n') return 0;
    if (s[i] == ' ') words++;
  }
  if (!span) {
    int linestart = !w->open || w->pool.n == cur(w)->off || w->nl > 0;
    if (t != T_LABEL || !colon || !linestart || words > 5) return 0;
  }
  if (!w->open) item_open(w);
  forget(w);
  raw(w, "\x01", 1);
  for (i = 0; i < len; i++) { /* collapse its white space */
    if ((unsigned char)s[i] < 0x20 && !isspc((unsigned char)s[i])) continue;
    if (isspc((unsigned char)s[i])) {
      if (i > 0 && !isspc((unsigned char)s[i - 1])) raw(w, " ", 1);
    } else {
      raw(w, s + i, 1);
    }
  }
  raw(w, "\x02", 1);
  if (w->status == LL_OK) cur(w)->fields++;
  return 1;
}

/* Nonzero if block n opens with a header field name although it is not
** classed as an info block: <span class="info">Source:</span>, or a
** <strong> or <b> holding one of the usual names. */
static int opens_fields(xmlNode *n) {
  static const char *const names[] = {
      "source:",     "written:",       "first published:", "published:", "public domain:",
      "translated:", "transcription:", "delivered:",       NULL};
  xmlNode *c;
  int lv, k, t;
  char buf[40];
  const char *p = buf;
  size_t len;
  for (c = n->children; c != NULL; c = c->next) {
    if (c->type == XML_TEXT_NODE && c->content != NULL) {
      const char *q = (const char *)c->content;
      while (isspc((unsigned char)*q)) q++;
      if (*q != '\0') return 0;
    } else if (c->type == XML_ELEMENT_NODE) {
      break;
    }
  }
  if (c == NULL) return 0;
  t = tagcode(c, &lv);
  if (t == T_SPAN) return classhas(c, "info", 1);
  if (t != T_LABEL || c->name == NULL || c->name[0] == 'e' || c->name[0] == 'i') return 0;
  len = shorttext(c, buf, sizeof buf, NULL);
  if (len == (size_t)-1) return 0;
  trim(&p, &len);
  for (k = 0; names[k] != NULL; k++)
    if (len == strlen(names[k]) && iprefix(p, len, names[k])) return 1;
  return 0;
}

/* Nonzero if n has a class the archive gives navigation (footer, next,
** toplink, updat, t2h-foot, ...). */
static int navclass(const xmlNode *n) {
  static const char *const nav[] = {"footer",     "next",       "prev", "toplink",  "link",
                                    "updat",      "updast",     "udat", "t2h-foot", "nav",
                                    "navigation", "breadcrumb", NULL};
  int k;
  for (k = 0; nav[k] != NULL; k++)
    if (classhas(n, nav[k], 1)) return 1;
  return 0;
}

/* Counts the links under n: into the page (href="#...") and elsewhere. */
static void countlinks(xmlNode *n, int *inpage, int *elsewhere) {
  xmlNode *p;
  *inpage = *elsewhere = 0;
  for (p = n->children; p != NULL; p = nextnode(p, n, 1)) {
    const char *href;
    if (p->type != XML_ELEMENT_NODE || p->name == NULL || !ieq((const char *)p->name, "a"))
      continue;
    href = attr(p, "href");
    if (href != NULL) ++*(href[0] == '#' ? inpage : elsewhere);
  }
}

/* Is n a table of contents of the page itself: a paragraph classed "toc"
** or "index" whose links all point into the page (href="#...")? Its lines
** repeat the headings below, so it is navigation, not text. (An index
** page's contents link to other pages: they are its text.) So is a "toc"
** paragraph with no link ("Contents:") right before such a table. */
static int tocpara(xmlNode *n) {
  xmlNode *p;
  int in, out;
  if (!classhas(n, "toc", 1) && !classhas(n, "index", 1)) return 0;
  countlinks(n, &in, &out);
  if (in > 0 || out > 0 || !classhas(n, "toc", 1)) return in > 0 && out == 0;
  p = n->next;
  while (p != NULL && p->type != XML_ELEMENT_NODE) p = p->next;
  if (p == NULL || p->name == NULL || !ieq((const char *)p->name, "p") ||
      (!classhas(p, "toc", 1) && !classhas(p, "index", 1)))
    return 0;
  countlinks(p, &in, &out);
  return in > 0 && out == 0;
}

/* Does the page of node n define the anchor frag[0, k) (an element
** named or with the id frag)? */
static int definesanchor(xmlNode *n, const char *frag, size_t k) {
  xmlNode *root = n, *p;
  while (root->parent != NULL && root->parent->type == XML_ELEMENT_NODE) root = root->parent;
  for (p = root; p != NULL; p = nextnode(p, root, 1)) {
    const char *v;
    if (p->type != XML_ELEMENT_NODE) continue;
    if (((v = attr(p, "name")) != NULL || (v = attr(p, "id")) != NULL) && strlen(v) == k &&
        memcmp(v, frag, k) == 0)
      return 1;
    if ((v = attr(p, "id")) != NULL && strlen(v) == k && memcmp(v, frag, k) == 0) return 1;
  }
  return 0;
}

/* Is n, of any class, the page's own contents: lines of links (at least
** three lines, a link on each) that all point to anchors of this page (one
** may be broken),
** written "#p1" or with the page's own file name, "x02.htm#p1"
** (varga/1921/x01/x02.htm)? */
static int ownlinks(xmlNode *n) {
  xmlNode *p;
  int links = 0, brs = 0, missing = 0, pass;
  /* first the shape, cheaply; then, for a paragraph that has it, where
     the links point (a walk over the page for each) */
  for (pass = 0; pass < 2; pass++) {
    for (p = n->children; p != NULL; p = nextnode(p, n, 1)) {
      const char *href, *hash;
      if (p->type != XML_ELEMENT_NODE || p->name == NULL) continue;
      if (ieq((const char *)p->name, "br")) {
        brs += pass == 0;
        continue;
      }
      if (!ieq((const char *)p->name, "a") || (href = attr(p, "href")) == NULL) continue;
      hash = strchr(href, '#');
      if (hash == NULL || hash[1] == '\0' || memchr(href, '/', (size_t)(hash - href)) != NULL ||
          memchr(href, ':', (size_t)(hash - href)) != NULL)
        return 0; /* a link elsewhere: this is text */
      if (pass == 0)
        links++;
      else if (!definesanchor(n, hash + 1, strlen(hash + 1)))
        missing++; /* a broken link of the contents ("#p7" with no p7) */
    }
    if (pass == 0 && !(brs >= 2 && links >= brs + 1 && links >= 3)) return 0;
  }
  return links - missing >= 3 && missing <= 1;
}

/* Nonzero for an element that makes a block of its own in a table cell:
** its presence makes the table a layout. */
static int cellblock(const xmlNode *n) {
  static const char *const names[] = {"p",   "div", "h1",    "h2",   "h3",     "h4",
                                      "h5",  "h6",  "ul",    "ol",   "li",     "blockquote",
                                      "pre", "dl",  "table", "form", "center", NULL};
  int k;
  const char *name = (const char *)n->name;
  if (name == NULL) return 0;
  for (k = 0; names[k] != NULL; k++)
    if (strcmp(name, names[k]) == 0) return 1;
  return 0;
}

/* Is table n a table of data: at least two rows, one with two cells or
** more, and every cell holding text and inline elements only, or one
** paragraph? A table that places paragraphs, lists or other tables is a
** layout: its paragraphs are read as paragraphs. */
static int datatable(xmlNode *n) {
  xmlNode *p;
  size_t rows = 0, cells = 0, most = 0, blocks = 0;
  for (p = n->children; p != NULL;) {
    int down = 1;
    if (p->type == XML_ELEMENT_NODE && p->name != NULL) {
      const char *name = (const char *)p->name;
      int lv;
      if (strcmp(name, "tr") == 0) {
        rows++;
        cells = 0;
      } else if (strcmp(name, "td") == 0 || strcmp(name, "th") == 0) {
        if (++cells > most) most = cells;
        blocks = 0;
      } else if (cellblock(p)) {
        if (strcmp(name, "p") != 0 || ++blocks > 1) return 0;
      } else if (tagcode(p, &lv) == T_SKIP) {
        down = 0;
      }
    }
    p = nextnode(p, n, down);
  }
  return rows >= 2 && most >= 2;
}

/* Writes the label a browser shows for item k of a list of type t ('1',
** 'a', 'A', 'i', 'I') into buf: "3.", "c.", "iv.". */
static void listlabel(char *buf, size_t cap, long k, int t) {
  static const char *const ones[] = {"", "i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix"};
  static const char *const tens[] = {"", "x", "xx", "xxx", "xl", "l", "lx", "lxx", "lxxx", "xc"};
  if ((t == 'a' || t == 'A') && k >= 1 && k <= 26) {
    snprintf(buf, cap, "%c.", (char)(t + k - 1));
  } else if ((t == 'i' || t == 'I') && k >= 1 && k < 100) {
    char r[12];
    size_t i;
    snprintf(r, sizeof r, "%s%s", tens[k / 10], ones[k % 10]);
    for (i = 0; t == 'I' && r[i] != '\0'; i++) r[i] = (char)(r[i] - 'a' + 'A');
    snprintf(buf, cap, "%s.", r);
  } else {
    snprintf(buf, cap, "%ld.", k);
  }
}

/* The integer value of attribute name of n, or dflt. */
static long intattr(const xmlNode *n, const char *name, long dflt) {
  const char *v = attr(n, name);
  char *e;
  long k;
  if (v == NULL) return dflt;
  k = strtol(v, &e, 10);
  return (e != v && k > -1000000 && k < 1000000) ? k : dflt;
}

/* nonzero if s holds w (lower case), ignoring ASCII case */
static int icontains(const char *s, const char *w) {
  size_t n = strlen(s), i;
  for (i = 0; i < n; i++)
    if (lower((unsigned char)s[i]) == w[0] && iprefix(s + i, n - i, w)) return 1;
  return 0;
}

/* Is blockquote n the page's layout rather than a quotation: one standing
** in no other blockquote that holds a rule (<hr>), a top heading (<h1>,
** <h2>) or the header's fields (class "info" or "information"), as an
** index page left unclosed around all it has? Reads at most 4096 nodes of
** n (outer blockquotes' subtrees are disjoint: linear over the page). */
static int layoutquote(xmlNode *n) {
  xmlNode *p;
  int count = 0;
  for (p = n->parent; p != NULL && p->type == XML_ELEMENT_NODE; p = p->parent)
    if (p->name != NULL && ieq((const char *)p->name, "blockquote")) return 0;
  for (p = nextnode(n, n, 1); p != NULL && ++count <= 4096; p = nextnode(p, n, 1)) {
    const char *nm = (const char *)p->name;
    if (p->type != XML_ELEMENT_NODE || nm == NULL) continue;
    if (ieq(nm, "hr") || ieq(nm, "h1") || ieq(nm, "h2") || classhas(p, "info", 1) ||
        classhas(p, "information", 1))
      return 1;
  }
  return 0;
}

/* What a block element n (tag t) makes of the items inside it: a data
** table, a quotation (blockquote, a class naming a quote), a poem (a class
** naming a poem, verse or stanza), a list and its items. Sets f. */
static void blockstructure(Walk *w, xmlNode *n, int t, Frame *f) {
  const char *name = (const char *)n->name;
  if (f->kind != K_PARA) return;
  if (t == T_TABLE) {
    if (datatable(n)) {
      f->bkind = LL_TABLE;
      f->role = F_TABLE;
      w->cellno = 0;
    }
    return;
  }
  if (name[0] == 'b' && strcmp(name, "blockquote") == 0 && !layoutquote(n)) f->bkind = LL_QUOTE;
  if (f->cls != NULL) { /* n's class, as enter read it */
    if (icontains(f->cls, "quote")) f->bkind = LL_QUOTE;
    if (icontains(f->cls, "poem") || icontains(f->cls, "verse") || icontains(f->cls, "stanza"))
      f->bkind = LL_VERSE;
  }
  if (strchr("uomdl", name[0]) == NULL) return; /* no list, no item */
  if (strcmp(name, "ul") == 0 || strcmp(name, "ol") == 0 || strcmp(name, "menu") == 0 ||
      strcmp(name, "dir") == 0) {
    const char *ty = attr(n, "type");
    f->role = F_LIST;
    f->ordered = name[0] == 'o';
    f->ltype = (ty != NULL && strchr("aAiI", ty[0]) != NULL && ty[0] != '\0') ? ty[0] : '1';
    f->next = intattr(n, "start", 1);
  } else if (strcmp(name, "li") == 0) {
    size_t k;
    Frame *list = NULL;
    f->role = F_LI;
    if (f->bkind != LL_VERSE) f->bkind = LL_ITEM; /* in a quotation too: its number counts */
    for (k = w->frames.n; k > 0; k--) {
      Frame *fk = (Frame *)w->frames.p + (k - 1);
      if (fk->role == F_LIST) {
        list = fk;
        break;
      }
    }
    w->lilabel[0] = '\0';
    if (list != NULL && list->ordered) {
      long v = intattr(n, "value", list->next);
      listlabel(w->lilabel, sizeof w->lilabel, v, list->ltype);
      list->next = v + 1;
    }
    w->lipending = 1;
  }
}

/* Inside a data table: a row or a cell writes its separator and closes
** no item; the row groups are passed through. Returns nonzero if n was
** one of these (f set), else 0 (n is read as elsewhere). */
static int tablepart(Walk *w, xmlNode *n, int t, Frame *f) {
  const char *name = (const char *)n->name;
  if (strcmp(name, "tr") == 0) {
    if (w->open && w->pool.n > cur(w)->off) tablesep(w, ROWMARK);
    w->cellno = 0;
    f->role = F_ROW;
  } else if (t == T_CELL) {
    if (w->cellno++ > 0) tablesep(w, CELLMARK);
    f->role = F_CELL;
    f->cell = 1;
    w->sp = 1;
  } else if (strcmp(name, "tbody") == 0 || strcmp(name, "thead") == 0 ||
             strcmp(name, "tfoot") == 0 || t == T_P) {
    f->role = F_NONE; /* a cell's one paragraph is the cell's text */
  } else {
    if (strcmp(name, "caption") == 0) f->bkind = LL_PARAGRAPH;
    return 0;
  }
  if (t != T_CELL) f->cell = 0;
  f->block = 0;
  return 1;
}

/* A picture's alt text before the body, outside navigation and at an
** item's start, is an item of its own (K_IMG: a title drawn as a picture). */
static void picture(Walk *w, xmlNode *n) {
  const char *alt = attr(n, "alt");
  Frame f;
  if (w->body || alt == NULL || top(w)->kind == K_NAV || (w->open && w->pool.n != cur(w)->off))
    return;
  item_close(w);
  f = *top(w);
  f.kind = K_IMG;
  f.tag = T_IMG;
  if (ll_vec_push(w->m, &w->frames) == NULL) {
    w->status = LL_ERRMEM;
    return;
  }
  *top(w) = f;
  text(w, alt, 0);
  item_close(w);
  w->frames.n--;
}

/* The frame of a block element n of tag t: it closes the item before; its
** kind is navigation (a navigation class, <nav>, <footer>, a paragraph of
** the page's own contents or links), an info block, a heading, or its
** parent's; its structure (blockstructure). */
static void blockframe(Walk *w, xmlNode *n, int t, int level, Frame *f) {
  item_close(w);
  f->tag = t;
  f->level = level;
  f->cls = attr(n, "class");
  if (f->kind != K_NAV) {
    const char *name = (const char *)n->name;
    if (navclass(n) || strcmp(name, "nav") == 0 || strcmp(name, "footer") == 0 ||
        (t == T_P && (tocpara(n) || ownlinks(n))))
      f->kind = K_NAV;
    else if ((t == T_P || t == T_DIV) && f->kind != K_INFO &&
             (classhas(n, "information", 1) || classhas(n, "info", 1) || opens_fields(n)))
      f->kind = K_INFO;
    else if (t == T_H && f->kind != K_INFO)
      f->kind = K_HEAD;
  }
  blockstructure(w, n, t, f);
}

/* In a paragraph or heading, an inline element that makes a span opens it:
** emphasis (em, i, cite), strong (b, strong), a link (a href). */
static void inlinespan(Walk *w, xmlNode *n, int t, Frame *f) {
  const char *name = (const char *)n->name, *href;
  if (f->kind != K_PARA && f->kind != K_HEAD) return;
  if (t == T_LABEL || (name[0] == 'c' && strcmp(name, "cite") == 0))
    f->span = openspan(w, (name[0] == 'b' || name[0] == 's') ? LL_STRONG : LL_EMPHASIS, NULL);
  else if (t == T_A && (href = attr(n, "href")) != NULL && *href != '\0')
    f->span = openspan(w, LL_LINK, href);
}

/* Enters node n; returns nonzero if a frame was pushed (the walk then goes
** into its children and calls leave). */
static int enter(Walk *w, xmlNode *n) {
  Frame f;
  int t, level;
  if (n->type == XML_TEXT_NODE || n->type == XML_CDATA_SECTION_NODE) {
    if (n->content != NULL) text(w, (const char *)n->content, top(w)->pre);
    return 0;
  }
  if (n->type == XML_COMMENT_NODE) {
    if (n->content != NULL) comment(w, (const char *)n->content);
    return 0;
  }
  if (n->type != XML_ELEMENT_NODE) return 0;
  if (n->_private != NULL) {
    mark(w, (const Mark *)n->_private);
    return 0;
  }
  t = tagcode(n, &level);
  switch (t) {
    case T_SKIP:
      return 0;
    case T_BR:
      w->nl++;
      return 0;
    case T_HR:
      item_close(w);
      return 0;
    case T_IMG:
      picture(w, n);
      return 0;
    case T_A:
      if (glossarylink(n)) return 0;
      anchor(w, n);
      break;
    case T_SPAN:
    case T_LABEL:
      if (top(w)->kind == K_INFO && fieldname(w, n, t)) return 0;
      break;
    default:
      break;
  }
  f = *top(w);
  f.role = F_NONE;
  f.span = 0;
  if (f.bkind == LL_TABLE && tablepart(w, n, t, &f)) goto push;
  f.block = t == T_P || t == T_H || t == T_BLOCK || t == T_DIV || t == T_PRE || t == T_TABLE;
  f.cell = t == T_CELL;
  if (f.block) blockframe(w, n, t, level, &f);
  if (t == T_PRE) f.pre = 1;
  if (f.cell) w->sp = 1;
  inlinespan(w, n, t, &f);
push:
  if (ll_vec_push(w->m, &w->frames) == NULL) {
    w->status = LL_ERRMEM;
    return 0;
  }
  *top(w) = f;
  return 1;
}

/* Leaves the element whose frame enter pushed. */
static void leave(Walk *w) {
  Frame *f = top(w);
  if (f->block) item_close(w);
  if (f->cell) w->sp = 1;
  if (f->span > 0) closespan(w, f->span - 1);
  if (f->role == F_LI) w->lipending = 0;
  w->frames.n--;
}

/* Walks the document, filling w->items. */
static void walk(Walk *w, xmlDoc *doc) {
  xmlNode *root = (xmlNode *)doc, *n = doc->children;
  Frame *f = (Frame *)ll_vec_push(w->m, &w->frames);
  if (f == NULL) {
    w->status = LL_ERRMEM;
    return;
  }
  f->kind = K_PARA;
  f->tag = T_BLOCK;
  while (n != NULL && w->status == LL_OK) {
    int down = enter(w, n);
    if (down && n->children != NULL) {
      n = n->children;
      continue;
    }
    if (down) leave(w);
    while (n->next == NULL) {
      n = n->parent;
      if (n == NULL || n == root) goto done;
      leave(w);
    }
    n = n->next;
  }
done:
  item_close(w);
}

/* Finds <meta name="author" content="..."> in the head. */
static const char *meta_author(xmlDoc *doc) {
  xmlNode *n = doc->children;
  while (n != NULL) {
    int down = 1;
    if (n->type == XML_ELEMENT_NODE && n->name != NULL) {
      const char *name = (const char *)n->name;
      if (strcmp(name, "body") == 0) {
        down = 0;
      } else if (strcmp(name, "meta") == 0) {
        const char *nm = attr(n, "name"), *c = attr(n, "content");
        if (nm != NULL && c != NULL && ieq(nm, "author") && *c != '\0') return c;
      }
    }
    n = nextnode(n, (xmlNode *)doc, down);
  }
  return NULL;
}

/* ------------------------------------------------------------------ */
/* Output: the document builder fed                                    */
/* ------------------------------------------------------------------ */

typedef struct Assembly {
  ll_Mem *m;
  ll_Builder *b; /* what the page is fed to (ll.h, "Document builder") */
  int blocks;    /* parts fed so far: a page with none has no text */
  int status;
  ll_Buf tmp;          /* scratch for one part */
  ll_Buf part;         /* scratch for a piece of one */
  ll_Buf href;         /* scratch for a link's href */
  ll_Buf foot;         /* the footer's lines */
  ll_Vec evs;          /* Ev: where an item's spans open and close */
  int hrank[8];        /* a body heading's level by its tag's (h1 ... h6; 0 other) */
  char first_page[16]; /* the page label before the body's first paragraph */
} Assembly;

/* the text of an item (it->len bytes, not terminated) */
static const char *itext(const Walk *w, const Item *it) {
  return w->pool.p + it->off;
}

#define FL_KEEPNL 1 /* line breaks stay (empty lines go) */
#define FL_NBSP   2 /* no-break spaces are spaces */

/* Appends to b the n bytes at s flattened: every run of white space (line
** breaks too unless FL_KEEPNL, and no-break spaces next to a space, or any
** with FL_NBSP) becomes one space, no-break spaces alone stay, both ends
** trimmed; FIELDMARK and FIELDEND are dropped. With FL_KEEPNL the spaces
** around a line break go. */
static int flatten(ll_Mem *m, ll_Buf *b, const char *s, size_t n, int flags) {
  int keepnl = flags & FL_KEEPNL;
  size_t i = 0, start = b->n;
  trim(&s, &n);
  while (i < n) {
    size_t j = i;
    int sp = 0, nl = 0, nb = 0;
    while (j < n) {
      unsigned char c = (unsigned char)s[j];
      if (c == '\n') {
        nl = 1;
        j++;
      } else if (isspc(c) || c == FIELDMARK || c == FIELDEND || c == CELLMARK || c == ROWMARK) {
        sp = 1;
        j++;
      } else if (j + 1 < n && memcmp(s + j, NBSP, 2) == 0) {
        nb++;
        j += 2;
      } else {
        break;
      }
    }
    if (j > i) {
      int r = LL_OK;
      if (nl && keepnl) {
        r = ll_buf_add(m, b, "\n", 1);
      } else if (sp || nl || (flags & FL_NBSP)) {
        r = ll_buf_add(m, b, " ", 1);
      } else {
        int k;
        for (k = 0; k < nb && r == LL_OK; k++) r = ll_buf_add(m, b, NBSP, 2);
      }
      if (r != LL_OK) return LL_ERRMEM;
      i = j;
      continue;
    }
    while (j < n) {
      unsigned char c = (unsigned char)s[j];
      if (isspc(c) || c == FIELDMARK || c == FIELDEND || c == CELLMARK || c == ROWMARK ||
          (j + 1 < n && memcmp(s + j, NBSP, 2) == 0))
        break;
      j++;
    }
    if (ll_buf_add(m, b, s + i, j - i) != LL_OK) return LL_ERRMEM;
    i = j;
  }
  /* drop empty lines that an emptied line left */
  if (keepnl) {
    size_t r = start, wr = start;
    while (r < b->n) {
      if (b->p[r] == '\n' && (wr == start || b->p[wr - 1] == '\n')) {
        r++;
        continue;
      }
      b->p[wr++] = b->p[r++];
    }
    while (wr > start && b->p[wr - 1] == '\n') wr--;
    b->n = wr;
    if (b->p != NULL) b->p[b->n] = '\0';
  }
  return LL_OK;
}

/* Trims what a line of the archive's plain text never has at its edges:
** spaces, tabs and no-break spaces at its end, spaces and tabs at its
** start. */
static void linetrim(const char **s, size_t *n) {
  while (*n > 0 && ((*s)[0] == ' ' || (*s)[0] == '\t')) {
    (*s)++;
    (*n)--;
  }
  for (;;) {
    if (*n > 0 && ((*s)[*n - 1] == ' ' || (*s)[*n - 1] == '\t'))
      (*n)--;
    else if (*n > 1 && memcmp(*s + *n - 2, NBSP, 2) == 0)
      (*n) -= 2;
    else
      break;
  }
}

/* Feeds each line of b (lines parted by "\n", trimmed, empty ones left
** out) to fn: header field lines, footer lines. */
static void feedlines(Assembly *o, const ll_Buf *b,
                      void (*fn)(ll_Builder *, const char *, size_t)) {
  size_t i = 0;
  if (b->n == 0) return;
  o->blocks++;
  while (i < b->n) {
    const char *s = b->p + i, *e = (const char *)memchr(s, '\n', b->n - i);
    size_t n = e != NULL ? (size_t)(e - s) : b->n - i;
    i += n + 1;
    linetrim(&s, &n);
    if (n > 0) fn(o->b, s, n);
  }
}

/* Feeds a header line flattened from s (nothing if it is empty) to fn:
** the author, the number. */
static void feedflat(Assembly *o, const char *s, size_t n,
                     void (*fn)(ll_Builder *, const char *, size_t)) {
  const char *t;
  o->tmp.n = 0;
  if (o->status == LL_OK && flatten(o->m, &o->tmp, s, n, 0) != LL_OK) o->status = LL_ERRMEM;
  if (o->status != LL_OK || o->tmp.n == 0) return;
  t = o->tmp.p;
  n = o->tmp.n;
  linetrim(&t, &n);
  fn(o->b, t, n);
  o->blocks++;
}

/* Feeds the title (subtitle set: the subtitle) in o->tmp, if any. */
static void feedtitle(Assembly *o, int subtitle) {
  if (o->status != LL_OK || o->tmp.n == 0) return;
  ll_build_title(o->b, subtitle, o->tmp.p, o->tmp.n);
  o->blocks++;
}

/* A span opening or closing in an item's text (at pool offset pos). */
typedef struct SpanEvent {
  size_t pos;
  int close;
  size_t idx; /* in Walk.spans */
} SpanEvent;

/* qsort order of events: by place; there, closings (the inner first)
** before openings (the outer first) */
static int evcmp(const void *a, const void *b) {
  const SpanEvent *x = (const SpanEvent *)a, *y = (const SpanEvent *)b;
  if (x->pos != y->pos) return x->pos < y->pos ? -1 : 1;
  if (x->close != y->close) return x->close ? -1 : 1;
  if (x->idx == y->idx) return 0;
  return (x->idx < y->idx) == !x->close ? -1 : 1;
}

/* Nonzero if a link span overlaps item it (a list of links is no poem). */
static int haslink(const Walk *w, const Item *it) {
  size_t k;
  const HSpan *sp = (const HSpan *)w->spans.p;
  for (k = it->s0; k < it->s1; k++)
    if (sp[k].kind == LL_LINK && sp[k].start != NOPOS && sp[k].end != NOPOS &&
        sp[k].end > it->off && sp[k].start < it->off + it->len)
      return 1;
  return 0;
}

/* The kind of body or note item it, its text read from offset from: a
** separator line, a heading (its level in *level), a table, a poem's
** stanza (classed so, or lines as ll_is_verse has them), a quotation, a list item, a paragraph that opens with a printed
** label ("3.", "(a)", "IV."), else a paragraph. An item's label goes to
** *lab and *labn, and *skip is set to the bytes of the text (the printed
** label and the space after it) that the block leaves out. */
static int itemkind(const Assembly *o, const Walk *w, const Item *it, size_t from, const char **lab,
                    size_t *labn, size_t *skip, int *level) {
  const char *s = itext(w, it) + from;
  size_t n = it->len - from, k;
  *lab = NULL;
  *labn = *skip = 0;
  *level = 0;
  if (ll_is_separator(s, n)) return LL_SEPARATOR;
  if (it->kind == K_HEAD) {
    *level = o->hrank[it->level >= 0 && it->level < 8 ? it->level : 0];
    return LL_HEADING;
  }
  if (it->bkind == LL_TABLE || it->bkind == LL_VERSE) return it->bkind;
  if (memchr(s, '\n', n) != NULL && ll_is_verse(s, n) && !haslink(w, it)) return LL_VERSE;
  if (it->bkind == LL_QUOTE) return it->bkind;
  if ((k = ll_item_label(s, n)) > 0) {
    *lab = s;
    *labn = k;
    *skip = k;
    while (*skip < n && (s[*skip] == ' ' || (*skip + 1 < n && memcmp(s + *skip, NBSP, 2) == 0)))
      *skip += s[*skip] == ' ' ? 1 : 2;
    return LL_ITEM;
  }
  if (it->bkind == LL_ITEM) {
    *lab = it->label;
    *labn = strlen(it->label);
    return LL_ITEM;
  }
  return LL_PARAGRAPH;
}

/* Gathers in o->evs where the spans of item it open and close in its text
** from offset from, in order; returns their number. */
static size_t spanevents(Assembly *o, const Walk *w, const Item *it, size_t from) {
  const HSpan *sp = (const HSpan *)w->spans.p;
  size_t k;
  SpanEvent *ev;
  o->evs.n = 0;
  if (it->s1 > it->s0 && ll_vec_reserve(o->m, &o->evs, 2 * (it->s1 - it->s0)) != LL_OK) {
    o->status = LL_ERRMEM;
    return 0;
  }
  for (k = it->s0; k < it->s1; k++) {
    size_t a = sp[k].start, e = sp[k].end;
    if (a == NOPOS || e == NOPOS || e <= a) continue;
    if (a < it->off + from) a = it->off + from;
    if (e > it->off + it->len) e = it->off + it->len;
    if (e <= a) continue;
    ev = (SpanEvent *)o->evs.p + o->evs.n;
    ev[0].pos = a;
    ev[0].close = 0;
    ev[0].idx = k;
    ev[1].pos = e;
    ev[1].close = 1;
    ev[1].idx = k;
    o->evs.n += 2;
  }
  if (o->evs.n > 2) qsort(o->evs.p, o->evs.n, sizeof(SpanEvent), evcmp);
  return o->evs.n;
}

/* Feeds the pool's bytes s[0, n) as text: the separators of a table's
** cells and rows as its cells and rows, and in a table a line break as a
** space. */
static void feedrun(Assembly *o, const char *s, size_t n, int table, int cells) {
  size_t i = 0;
  if (!table && !cells) { /* the common case: text alone */
    ll_build_text(o->b, s, n);
    return;
  }
  while (i < n) {
    size_t j = i;
    while (j < n && s[j] != CELLMARK && s[j] != ROWMARK && !(table && s[j] == '\n')) j++;
    if (j > i) ll_build_text(o->b, s + i, j - i);
    if (j >= n) break;
    if (s[j] == '\n')
      ll_build_text(o->b, " ", 1);
    else
      ll_build_cell(o->b, s[j] == ROWMARK);
    i = j + 1;
  }
}

/* Opens the span of event ev: a link's href without control bytes or
** white space at its ends. */
static void feedspan(Assembly *o, const HSpan *h) {
  const char *hr;
  size_t hn, i;
  if (h->kind != LL_LINK) {
    ll_build_span(o->b, h->kind, NULL, 0);
    return;
  }
  hr = h->href;
  hn = strlen(hr);
  trim(&hr, &hn);
  o->href.n = 0;
  for (i = 0; i < hn && o->status == LL_OK; i++)
    if ((unsigned char)hr[i] >= 0x20 && ll_buf_addc(o->m, &o->href, hr[i]) != LL_OK)
      o->status = LL_ERRMEM;
  ll_build_span(o->b, LL_LINK, o->href.p != NULL ? o->href.p : "", o->href.n);
}

/* Is item it a plain paragraph: of kind paragraph with no span? */
static int plainitem(Assembly *o, const Walk *w, const Item *it) {
  const char *lab;
  size_t labn, skip;
  int level;
  return itemkind(o, w, it, 0, &lab, &labn, &skip, &level) == LL_PARAGRAPH &&
         spanevents(o, w, it, 0) == 0;
}

/* Feeds item it from offset from as a block of the builder: its kind
** (itemkind; a list item's printed label left out of the text), level and
** label, a page break at its start when pg is set, its text with its spans,
** a table's cells and rows. */
static void feeditem(Assembly *o, const Walk *w, const Item *it, size_t from, int pg) {
  const char *lab;
  size_t labn, skip, k, at, n = it->len;
  int level, kind;
  const HSpan *sp = (const HSpan *)w->spans.p;
  const SpanEvent *ev;
  if (o->status != LL_OK) return;
  kind = itemkind(o, w, it, from, &lab, &labn, &skip, &level);
  from += skip;
  spanevents(o, w, it, from);
  if (kind != LL_ITEM) labn = 0;
  ll_build_block(o->b, kind, level > 0 && level < 10 ? level : 0, lab, labn);
  if (pg) ll_build_page(o->b);
  ev = (const SpanEvent *)o->evs.p;
  at = it->off + from;
  for (k = 0; k <= o->evs.n && o->status == LL_OK; k++) {
    size_t upto = k < o->evs.n ? ev[k].pos : it->off + n;
    if (upto > at) {
      feedrun(o, w->pool.p + at, upto - at, kind == LL_TABLE, it->cells);
      at = upto;
    }
    if (k == o->evs.n) break;
    if (ev[k].close)
      ll_build_span_end(o->b);
    else
      feedspan(o, &sp[ev[k].idx]);
  }
}

/* Hands the builder the page labels of item it, the first skip of them
** left out. */
static void feedlabels(Assembly *o, const Walk *w, const Item *it, size_t skip) {
  size_t i = it->loff;
  while (i < it->lend) {
    size_t n = strlen(w->labs.p + i);
    if (skip > 0)
      skip--;
    else
      ll_build_label(o->b, w->labs.p + i, n);
    i += n + 1;
  }
}

/* Feeds a body paragraph (or a paragraph that continues a note), with the
** page break before it, if any. */
static void paragraph(Assembly *o, const Walk *w, const Item *it) {
  int pg = it->pglab[0] != '\0';
  if (o->status != LL_OK) return;
  if (pg) ll_build_label(o->b, it->pglab, strlen(it->pglab));
  feedlabels(o, w, it, 0);
  feeditem(o, w, it, 0, pg);
  o->blocks++;
}

/* ------------------------------------------------------------------ */
/* The header                                                          */
/* ------------------------------------------------------------------ */

/* Writes into buf the letters and digits of s, ASCII lowercased, dropping
** a leading "by " and a trailing possessive ('s or ’s); 0 if too long. */
static size_t squash(const char *s, size_t n, char *buf, size_t cap) {
  size_t i, k = 0;
  trim(&s, &n);
  if (n > 3 && iprefix(s, n, "by ")) {
    s += 3;
    n -= 3;
  }
  if (n > 2 && s[n - 1] == 's' && s[n - 2] == '\'') n -= 2;
  if (n > 4 && s[n - 1] == 's' && memcmp(s + n - 4, "\xE2\x80\x99", 3) == 0) n -= 4;
  for (i = 0; i < n; i++) {
    unsigned char c = (unsigned char)s[i];
    if (isalnumc(c) || c >= 0x80) {
      if (k + 1 >= cap) return 0;
      buf[k++] = (char)lower(c);
    }
  }
  buf[k] = '\0';
  return k;
}

/* The last word of s (letters, digits and non-ASCII), squashed. */
static size_t lastword(const char *s, size_t n, char *buf, size_t cap) {
  size_t e, b;
  trim(&s, &n);
  if (n > 2 && s[n - 1] == 's' && s[n - 2] == '\'') n -= 2;
  if (n > 4 && s[n - 1] == 's' && memcmp(s + n - 4, "\xE2\x80\x99", 3) == 0) n -= 4;
  for (e = n; e > 0 && !isalnumc((unsigned char)s[e - 1]) && (unsigned char)s[e - 1] < 0x80; e--) {
  }
  for (b = e; b > 0 && (isalnumc((unsigned char)s[b - 1]) || (unsigned char)s[b - 1] >= 0x80);
       b--) {
  }
  return squash(s + b, e - b, buf, cap);
}

/* the number of runs of non-space bytes in s */
static size_t countwords(const char *s, size_t n) {
  size_t i, k = 0;
  int in = 0;
  for (i = 0; i < n; i++) {
    int sp = isspc((unsigned char)s[i]);
    if (!sp && !in) k++;
    in = !sp;
  }
  return k;
}

/* Nonzero if heading text s names the page's author (meta, from <meta
** name="author">, perhaps several names separated by commas): the same
** letters, or a short heading with the same last word. */
static int names_author(const char *s, size_t n, const char *meta) {
  char a[128], b[128], wa[64], wb[64];
  size_t la, lwa;
  if (meta == NULL) return 0;
  la = squash(s, n, a, sizeof a);
  lwa = lastword(s, n, wa, sizeof wa);
  if (la == 0) return 0;
  while (*meta != '\0') {
    size_t k = strcspn(meta, ",;");
    if (squash(meta, k, b, sizeof b) > 0 && strcmp(a, b) == 0) return 1;
    if (countwords(s, n) <= 4 && lwa > 2 && lastword(meta, k, wb, sizeof wb) > 0 &&
        strcmp(wa, wb) == 0)
      return 1;
    meta += k;
    if (*meta) meta++;
  }
  return 0;
}

/* Nonzero if s is a document number standing alone ("454"; not a year
** such as "1919"). */
static int isnumber(const char *s, size_t n) {
  size_t i = 0;
  trim(&s, &n);
  while (i < n && isdig((unsigned char)s[i])) i++;
  if (i == 0 || i > 6) return 0;
  if (i == 4 && (s[0] == '1' || s[0] == '2') && (s[1] == '8' || s[1] == '9' || s[1] == '0'))
    return 0;
  return i == n;
}

/* nonzero if s ends in ':' (white space aside) */
static int endswith_colon(const char *s, size_t n) {
  trim(&s, &n);
  return n > 0 && s[n - 1] == ':';
}

/* Nonzero if s is the site's banner ("Lenin Internet Archive: Works: Date
** Index", "MIA: ..."): page furniture, never the author. */
static int banner(const char *s, size_t n) {
  size_t i;
  trim(&s, &n);
  if (n >= 4 && memcmp(s, "MIA:", 4) == 0) return 1;
  for (i = 0; i + 16 <= n; i++)
    if (memcmp(s + i, "Internet Archive", 16) == 0) return 1;
  return 0;
}

/* Nonzero if s is a part's label standing alone ("Part I", "Chapter 3",
** "Book Two"): a heading over the title, not the title. */
static int partlabel(const char *s, size_t n) {
  static const char *const words[] = {"Part ",    "PART ", "Chapter ", "CHAPTER ",
                                      "Section ", "Book ", "BOOK ",    NULL};
  static const char *const nums[] = {"One",   "Two",  "Three", "Four", "Five", "Six", "Seven",
                                     "Eight", "Nine", "Ten",   "ONE",  "TWO",  NULL};
  size_t k, l, i;
  trim(&s, &n);
  while (n > 0 && (s[n - 1] == '.' || s[n - 1] == ':')) n--;
  for (k = 0; words[k] != NULL; k++) {
    l = strlen(words[k]);
    if (n <= l || n > l + 8 || memcmp(s, words[k], l) != 0) continue;
    for (i = l; i < n; i++) /* a number or a Roman numeral */
      if (!isdig((unsigned char)s[i]) && strchr("IVXLC", s[i]) == NULL) break;
    if (i == n) return 1;
    for (i = 0; nums[i] != NULL; i++)
      if (strlen(nums[i]) == n - l && memcmp(nums[i], s + l, n - l) == 0) return 1;
    return 0;
  }
  return 0;
}

/* Nonzero if s looks like a person's name standing alone: two to five
** words, each an initial ("P.", "J.P.") or a capitalised word (particles
** such as "de" and "von" between), no digits ("James P. Cannon"). */
static int namelike(const char *s, size_t n) {
  static const char *const particles[] = {"de", "van", "von", "der", "la", "le", "du", "y", NULL};
  /* words of titles, not of names */
  static const char *const titlewords[] = {
      "The", "A",  "An",  "On", "In",  "Of",  "To",  "For",   "Our", "My",  "And",  "With", "From",
      "At",  "By", "Can", "Is", "Are", "Not", "Its", "Their", "How", "Why", "What", "Who",  NULL};
  size_t i = 0, words = 0;
  trim(&s, &n);
  if (n == 0 || n > 40) return 0;
  while (i < n) {
    size_t b = i, k;
    int initial = 1, cap;
    while (i < n && s[i] != ' ') i++;
    cap = s[b] >= 'A' && s[b] <= 'Z';
    for (k = b; k < i; k++) {
      unsigned char c = (unsigned char)s[k];
      if (isdig(c) || c == ':' || c == ',' || c == ';' || c == '(' || c == '!' || c == '?')
        return 0;
      if (c == '.') continue;
      if (k > b && s[k - 1] != '.') initial = 0;
    }
    {
      size_t q;
      for (q = 0; titlewords[q] != NULL; q++)
        if (strlen(titlewords[q]) == i - b && memcmp(titlewords[q], s + b, i - b) == 0) return 0;
    }
    if (!cap) {
      size_t q;
      for (q = 0; particles[q] != NULL; q++)
        if (strlen(particles[q]) == i - b && memcmp(particles[q], s + b, i - b) == 0) break;
      if (particles[q] == NULL || words == 0) return 0;
    } else if (s[i - 1] == '.' && !initial) {
      return 0; /* "Opens." */
    }
    words++;
    while (i < n && s[i] == ' ') i++;
  }
  return words >= 2 && words <= 5 && s[0] >= 'A' && s[0] <= 'Z';
}

/* Nonzero for a paragraph class that belongs to the header (p.title holds
** the author on many pages). */
static int headclass(const Item *it) {
  const char *c = it->cls;
  static const char *const hc[] = {"title", "author", "subtitle", NULL};
  int k;
  if (it->tag != T_P || c == NULL) return 0;
  for (k = 0; hc[k] != NULL; k++)
    if (ieq(c, hc[k])) return 1;
  return 0;
}

/* The header's items, for choosing among them: h[0..nh) in the walk's
** items, the site's banner left out; ai, ti, ni the author's, title's and
** number's places in h, or -1. */
typedef struct Heads {
  const Walk *w;
  const Item *it;
  const size_t *h; /* buf, or the caller's list */
  size_t buf[64];
  size_t nh;
  long ai, ti, ni;
} Heads;

#define HI(i) (&hd->it[hd->h[i]])
#define HT(i) itext(hd->w, HI(i)), HI(i)->len

/* Chooses the author, the title and the number among the header's items
** (see header). */
static void pickheads(Heads *hd, int imgtitle) {
  size_t i, nh = hd->nh;
  long ai = -1, ti = -1, ni = -1;
  for (i = 0; i < nh && ai < 0; i++)
    if (countwords(HT(i)) <= 8 && names_author(HT(i), hd->w->author) && !banner(HT(i)))
      ai = (long)i;
  if (imgtitle && ai < 0 && nh > 1 && countwords(HT(0)) <= 4) ai = 0;
  if (imgtitle && (long)nh - 1 != ai) ti = (long)nh - 1;
  for (i = 0; i < nh && ti < 0; i++)
    if ((long)i != ai && HI(i)->tag == T_H && HI(i)->cls != NULL && ieq(HI(i)->cls, "title"))
      ti = (long)i;
  for (i = 0; i < nh && ti < 0; i++) /* an <h1>, but not "Part I" over the title */
    if ((long)i != ai && HI(i)->tag == T_H && HI(i)->level == 1 && !partlabel(HT(i))) ti = (long)i;
  for (i = 0; i + 1 < nh && ti < 0; i++) /* a document number, then it */
    if ((long)i != ai && isnumber(HT(i)) && (long)i + 1 != ai) ti = (long)i + 1;
  if (ti < 0 && ai < 0 && nh > 1 && !isnumber(HT(0)) && !banner(HT(0))) ai = 0;
  for (i = 0; i < nh && ti < 0; i++)
    if ((long)i != ai && !isnumber(HT(i)) && !partlabel(HT(i)) &&
        !(i + 1 < nh && (long)i + 1 != ai && endswith_colon(HT(i))))
      ti = (long)i;
  if (ai < 0 && ti == 0 && namelike(HT(ti))) {
    /* "<h1>James P. Cannon</h1><h3>The Party 'Discussion' Opens</h3>":
       the name is the author, the first other heading the title */
    for (i = 0; i < nh; i++)
      if ((long)i != ti && !isnumber(HT(i)) && !namelike(HT(i)) && !banner(HT(i)) &&
          !partlabel(HT(i)) && !endswith_colon(HT(i)))
        break;
    if (i < nh) {
      ai = ti;
      ti = (long)i;
    }
  }
  if (ai < 0) {
    for (i = 0; ti > 0 && i < (size_t)ti && ai < 0; i++)
      if (!isnumber(HT(i)) && !endswith_colon(HT(i)) && !banner(HT(i)) && !partlabel(HT(i)))
        ai = (long)i;
    for (i = (size_t)(ti + 1); ai < 0 && i < nh; i++)
      if (HI(i)->len > 3 && iprefix(HT(i), "by ") && countwords(HT(i)) <= 8) ai = (long)i;
  }
  for (i = 0; i < nh && ni < 0; i++)
    if ((long)i != ai && (long)i != ti && isnumber(HT(i))) ni = (long)i;
  hd->ai = ai;
  hd->ti = ti;
  hd->ni = ni;
}

/* Feeds the author: the chosen heading without "by ", a possessive or a
** year glued on ("Dora B. Montefiore 1918"), else the <meta> author. */
static void headauthor(Assembly *o, const Heads *hd) {
  const char *s;
  size_t n;
  if (hd->ai < 0) {
    if (hd->w->author != NULL) feedflat(o, hd->w->author, strlen(hd->w->author), ll_build_author);
    return;
  }
  s = itext(hd->w, HI(hd->ai));
  n = HI(hd->ai)->len;
  trim(&s, &n);
  if (n > 3 && iprefix(s, n, "by ")) {
    s += 3;
    n -= 3;
  }
  if (n > 2 && s[n - 1] == 's' && s[n - 2] == '\'')
    n -= 2;
  else if (n > 4 && s[n - 1] == 's' && memcmp(s + n - 4, "\xE2\x80\x99", 3) == 0)
    n -= 4;
  if (n > 6 && isdig((unsigned char)s[n - 1]) && isdig((unsigned char)s[n - 2]) &&
      isdig((unsigned char)s[n - 3]) && isdig((unsigned char)s[n - 4]) &&
      (s[n - 4] == '1' || s[n - 4] == '2') && !isdig((unsigned char)s[n - 5]) &&
      (s[n - 5] == ' ' || s[n - 5] == ',' || s[n - 5] == '\n')) {
    n -= 4;
    while (n > 0 && (isspc((unsigned char)s[n - 1]) || s[n - 1] == ',')) n--;
  }
  feedflat(o, s, n, ll_build_author);
}

/* Feeds the title, after a kicker ending in ':' just before it. */
static void headtitle(Assembly *o, const Heads *hd) {
  size_t i, ti = (size_t)hd->ti;
  if (hd->ti < 0) return;
  o->tmp.n = 0;
  if (ti > 0 && (long)ti - 1 != hd->ai && (long)ti - 1 != hd->ni && endswith_colon(HT(ti - 1))) {
    i = ti - 1;
    if (flatten(o->m, &o->tmp, HT(i), 0) != LL_OK || ll_buf_add(o->m, &o->tmp, " ", 1) != LL_OK)
      o->status = LL_ERRMEM;
  }
  if (o->status == LL_OK && flatten(o->m, &o->tmp, HT(ti), 0) != LL_OK) o->status = LL_ERRMEM;
  feedtitle(o, 0);
}

/* Feeds the subtitle: whatever is left, joined by a space, or by ". " when
** the first part ends without punctuation and the next opens no bracket. */
static void headsubtitle(Assembly *o, const Heads *hd) {
  size_t i;
  long ti = hd->ti;
  o->tmp.n = 0;
  for (i = 0; i < hd->nh && o->status == LL_OK; i++) {
    if ((long)i == hd->ai || (long)i == hd->ni || (long)i == ti) continue;
    if (ti >= 0 && i + 1 == (size_t)ti && endswith_colon(HT(i))) continue;
    o->part.n = 0;
    if (flatten(o->m, &o->part, HT(i), 0) != LL_OK) {
      o->status = LL_ERRMEM;
      break;
    }
    if (o->part.n == 0) continue;
    if (o->tmp.n > 0) {
      char last = o->tmp.p[o->tmp.n - 1], first = o->part.p[0];
      int dot = first != '(' && first != '[' && strchr(".:;!?,)]", last) == NULL;
      if (ll_buf_add(o->m, &o->tmp, dot ? ". " : " ", dot ? 2 : 1) != LL_OK) {
        o->status = LL_ERRMEM;
        break;
      }
    }
    if (ll_buf_add(o->m, &o->tmp, o->part.p, o->part.n) != LL_OK) o->status = LL_ERRMEM;
  }
  feedtitle(o, 1);
}

/* Feeds the header from items h[0..nh): author, number, title, subtitle.
** The title is a heading classed "title", else the first <h1>, else the
** first heading after the author; the author is the heading that names
** the <meta> author, else the first one before the title, else one "by
** ..." after it, else the <meta> author itself. A heading ending in ':'
** just before the title is put in front of it; the others after the title
** (or left over before it) make the subtitle. With imgtitle (the items are
** pictures' texts before the body's headings) the last one is the title
** and a short first one, when none names the author, is the author. The
** site's banner is no part of the header. */
static void header(Assembly *o, const Walk *w, const size_t *h, size_t nh, int imgtitle) {
  Heads hdv, *hd = &hdv;
  size_t i, k = 0;
  hd->w = w;
  hd->it = (const Item *)w->items.p;
  hd->h = h;
  hd->nh = nh;
  if (nh <= sizeof hd->buf / sizeof hd->buf[0]) {
    for (i = 0; i < nh; i++)
      if (!banner(itext(w, &hd->it[h[i]]), hd->it[h[i]].len)) hd->buf[k++] = h[i];
    if (k > 0 && k < nh) { /* some kept (none or all: all) */
      hd->h = hd->buf;
      hd->nh = k;
    }
  }
  pickheads(hd, imgtitle);
  headauthor(o, hd);
  if (hd->ni >= 0) feedflat(o, HT(hd->ni), ll_build_number);
  headtitle(o, hd);
  headsubtitle(o, hd);
}

#undef HI
#undef HT

/* ------------------------------------------------------------------ */
/* Header fields                                                       */
/* ------------------------------------------------------------------ */

/* Appends to b one field line "Name: value" (just "Name:" for an empty
** value); both flattened, the value without a leading colon. */
static int addfield(ll_Mem *m, ll_Buf *b, const char *name, size_t nn, const char *val, size_t vn) {
  size_t before;
  if (b->n > 0 && ll_buf_add(m, b, "\n", 1) != LL_OK) return LL_ERRMEM;
  if (flatten(m, b, name, nn, 0) != LL_OK || ll_buf_add(m, b, ":", 1) != LL_OK) return LL_ERRMEM;
  trim(&val, &vn);
  while (vn > 0 && (val[0] == ':' || isspc((unsigned char)val[0]))) {
    val++;
    vn--;
  }
  before = b->n;
  if (ll_buf_add(m, b, " ", 1) != LL_OK || flatten(m, b, val, vn, 0) != LL_OK) return LL_ERRMEM;
  if (b->n == before + 1) b->n = before;
  b->p[b->n] = '\0';
  return LL_OK;
}

/* field names for info lines that carry no label */
static const struct {
  const char *prefix, *name;
  int strip; /* 1: drop the prefix; 2: drop up to " by " */
} infer[] = {{"from ", "Source", 1},
             {"first published", "Published", 0},
             {"originally published", "Published", 0},
             {"published", "Published", 0},
             {"printed", "Published", 0},
             {"written", "Written", 0},
             {"delivered", "Delivered", 0},
             {"translated by ", "Translated", 1},
             {"translated", "Translated", 0},
             {"transcribed", "Transcription", 2},
             {"transcription", "Transcription", 2},
             {"html markup by ", "HTML Markup", 1},
             {"marked up by ", "HTML Markup", 1},
             {"markup by ", "HTML Markup", 1},
             {"proofread by ", "Proofread", 1},
             {"proofed by ", "Proofread", 1},
             {"edited by ", "Edited", 1},
             {NULL, NULL, 0}};

/* Where the name ends in an unlabelled line that reads "Name: value" (a
** capitalised name of at most four words), or 0. */
static size_t plainname(const char *s, size_t n) {
  size_t c;
  if (n == 0 || !(s[0] >= 'A' && s[0] <= 'Z')) return 0;
  for (c = 0; c < n && c <= 40 && s[c] != ':'; c++) {
  }
  if (c >= n || c > 40 || s[c] != ':' || countwords(s, c) > 4) return 0;
  if (c + 1 < n && s[c + 1] == '/') return 0; /* a URL */
  return c;
}

/* Adds to b the header fields of an info item: a name written as
** FIELDMARK name FIELDEND takes the text up to the next name or line break; an unlabelled line that reads "Name:
** value", or starts as the archive's unlabelled lines do ("From ...",
** "Translated by ...", "Transcribed & marked up by ..."), is a field too;
** any other line continues the field before it, or, first in the block,
** is the Source. A name inferred once is not inferred again (*used holds
** the names given so far, by their place in infer). Returns the fields
** added, or -1 when out of memory. */
static int fieldlines(ll_Mem *m, ll_Buf *b, const char *s, size_t n, unsigned *used) {
  size_t i = 0;
  int count = 0;
  while (i < n) {
    const char *name = NULL, *val;
    size_t nn = 0, vn, e = i;
    int k;
    if (s[i] == '\n') {
      i++;
      continue;
    }
    if (s[i] == FIELDMARK) {
      name = s + i + 1;
      while (e < n && s[e] != FIELDEND) e++;
      nn = (size_t)(s + e - name);
      if (e < n) e++;
      i = e;
    }
    while (e < n && s[e] != '\n' && s[e] != FIELDMARK) e++;
    val = s + i;
    vn = e - i;
    i = e;
    trim(&val, &vn);
    if (name == NULL) {
      if (vn == 0) continue;
      nn = plainname(val, vn);
      if (nn > 0) {
        name = val;
        val += nn + 1;
        vn -= nn + 1;
      } else {
        for (k = 0; infer[k].prefix != NULL; k++)
          if (iprefix(val, vn, infer[k].prefix)) break;
        if (infer[k].prefix != NULL && !(*used & (1u << k))) {
          name = infer[k].name;
          nn = strlen(name);
          if (infer[k].strip == 1) {
            val += strlen(infer[k].prefix);
            vn -= strlen(infer[k].prefix);
          } else if (infer[k].strip == 2) {
            size_t j;
            for (j = 0; j + 4 <= vn && j < 60; j++)
              if (iprefix(val + j, vn - j, " by ")) {
                val += j + 4;
                vn -= j + 4;
                break;
              }
          }
        } else if (b->n > 0) { /* continues the field before */
          size_t before = b->n;
          if (ll_buf_add(m, b, " ", 1) != LL_OK || flatten(m, b, val, vn, 0) != LL_OK) return -1;
          if (b->n == before + 1 || b->p[before - 1] == ':') {
            if (b->p[before - 1] != ':') b->n = before;
          }
          continue;
        } else {
          name = "Source";
          nn = 6;
        }
      }
    }
    count++;
    for (k = 0; infer[k].prefix != NULL; k++) /* names now taken */
      if (strlen(infer[k].name) == nn && memcmp(infer[k].name, name, nn) == 0) *used |= 1u << k;
    if (addfield(m, b, name, nn, val, vn) != LL_OK) return -1;
  }
  return count;
}

/* Glues a README link label at the end of a field line to the text before
** it, as the archive's plain text has it ("... as your source.README"). */
static void readme(ll_Buf *b) {
  size_t ls = 0;
  while (ls < b->n) {
    size_t le = ls, k;
    while (le < b->n && b->p[le] != '\n') le++;
    if (le - ls > 6 && memcmp(b->p + le - 6, "README", 6) == 0) {
      k = le - 6;
      for (;;) { /* spaces, no-break spaces and bullets before it */
        if (k > ls && (b->p[k - 1] == ' ' || b->p[k - 1] == '|' || b->p[k - 1] == '-')) {
          k--;
        } else if (k >= ls + 2 && (memcmp(b->p + k - 2, NBSP, 2) == 0 ||
                                   memcmp(b->p + k - 2, "\xC2\xB7", 2) == 0)) {
          k -= 2;
        } else if (k >= ls + 3 && memcmp(b->p + k - 3, "\xE2\x80\xA2", 3) == 0) {
          k -= 3;
        } else {
          break;
        }
      }
      if (k < le - 6 && k > ls && b->p[k - 1] != ':') {
        memmove(b->p + k, b->p + le - 6, b->n - (le - 6));
        b->n -= (le - 6) - k;
        le = k + 6;
        b->p[b->n] = '\0';
      }
    }
    ls = le + 1;
  }
}

/* ------------------------------------------------------------------ */
/* Notes                                                               */
/* ------------------------------------------------------------------ */

/* Nonzero if the text is a heading over the notes: "Notes", "Endnotes",
** "Footnotes", "Editor's Notes", "Explanatory notes", "Notes and
** References" (letters only, a colon or full stop after). */
static int notes_heading(const char *s, size_t n) {
  char buf[48];
  size_t k = 0, i, w;
  static const char *const ends[] = {"notes", "note", "endnotes", "footnotes", "footnote", NULL};
  static const char *const befores[] = {
      "editor's",     "editors'",      "editorial",   "author's",    "authors'",
      "translator's", "transcriber's", "publisher's", "explanatory", "additional",
      "end",          "foot",          "the",         "lenin's",     NULL};
  trim(&s, &n);
  while (n > 0 && (s[n - 1] == ':' || s[n - 1] == '.')) n--;
  if (n == 0 || n >= sizeof buf) return 0;
  for (i = 0; i < n; i++) {
    unsigned char c = (unsigned char)s[i];
    if (i + 2 < n && memcmp(s + i, "\xE2\x80\x99", 3) == 0) {
      buf[k++] = '\'';
      i += 2;
    } else if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == ' ' || c == '\'' ||
               c == '&') {
      buf[k++] = (char)lower(c);
    } else {
      return 0;
    }
  }
  buf[k] = '\0';
  if (strcmp(buf, "notes and references") == 0 || strcmp(buf, "notes & references") == 0 ||
      strcmp(buf, "references") == 0)
    return 1;
  for (i = k; i > 0 && buf[i - 1] != ' '; i--) {
  }
  for (w = 0; ends[w] != NULL && strcmp(buf + i, ends[w]) != 0; w++) {
  }
  if (ends[w] == NULL) return 0;
  while (i > 0) { /* every word before must be one of befores */
    size_t e = i - 1, b0;
    for (b0 = e; b0 > 0 && buf[b0 - 1] != ' '; b0--) {
    }
    buf[e] = '\0';
    for (w = 0; befores[w] != NULL && strcmp(buf + b0, befores[w]) != 0; w++) {
    }
    if (befores[w] == NULL) return 0;
    i = b0;
  }
  return 1;
}

/* The note number if s starts with "[N]", else 0. */
static long textnote(const char *s, size_t n) {
  size_t i = 1;
  long v = 0;
  if (n < 3 || s[0] != '[') return 0;
  while (i < n && isdig((unsigned char)s[i]) && i < 8) v = v * 10 + (s[i++] - '0');
  return (i > 1 && i < n && s[i] == ']') ? v : 0;
}

/* nonzero if the item's paragraph has a class about notes */
static int noteclass(const Item *it) {
  const char *c = it->cls;
  return c != NULL && (strstr(c, "note") != NULL || strstr(c, "Note") != NULL);
}

/* Feeds a note's first paragraph: note N, the number "[N]" it opens with,
** then its text after the number; next (may be NULL) is a following
** paragraph that joins it when the first holds nothing but the number
** (notejoins). A paragraph whose "[...]" reads as no marker (ll.h,
** ll_note_marker) is fed as it is, continuing the note before. */
static void notestart(Assembly *o, const Walk *w, const Item *it, const Item *next) {
  const char *s = itext(w, it);
  size_t n = it->len, k = 1, r;
  long num;
  while (k < n && s[k] != ']') k++;
  k++;
  o->blocks++;
  if (ll_note_marker(s, n, &num) == 0) {
    feedlabels(o, w, it, 0);
    ll_build_block(o->b, LL_PARAGRAPH, 0, NULL, 0);
    ll_build_text(o->b, s, n);
    return;
  }
  ll_build_note(o->b, num);
  if (k >= n && next != NULL) {
    feedlabels(o, w, it, 0);
    feedlabels(o, w, next, 0);
    feeditem(o, w, next, 0, 0);
    return;
  }
  /* a page-break run right after the number goes, with its label */
  feedlabels(o, w, it, k < n && n - k >= 4 && memcmp(s + k, BREAKRUN, 4) == 0);
  for (r = k; r < n;) { /* what stood between the number and the text */
    if (s[r] == ' ' || s[r] == '\n')
      r++;
    else if (r + 1 < n && memcmp(s + r, NBSP, 2) == 0)
      r += 2;
    else
      break;
  }
  if (r < n)
    feeditem(o, w, it, r, 0);
  else
    ll_build_block(o->b, LL_PARAGRAPH, 0, NULL, 0);
}

/* Nonzero if note paragraph it holds nothing after its number, so that
** the paragraph after it is the note's text. */
static int notejoins(const Walk *w, const Item *it) {
  const char *s = itext(w, it);
  size_t k = 1;
  while (k < it->len && s[k] != ']') k++;
  return k + 1 >= it->len;
}

/* If a paragraph after a note is a plain one that opens with a marker
** "[N]", N (it starts note N), else 0; *skip is set to the marker's
** length and the spaces after it. */
static long notelead(Assembly *o, const Walk *w, const Item *it, size_t *skip) {
  const char *s = itext(w, it);
  long num;
  size_t k;
  if (s[0] != '[' || (k = ll_note_marker(s, it->len, &num)) == 0 || !plainitem(o, w, it)) return 0;
  while (k < it->len && (s[k] == ' ' || (k + 1 < it->len && memcmp(s + k, NBSP, 2) == 0)))
    k += s[k] == ' ' ? 1 : 2;
  *skip = k;
  return num;
}

/* Feeds a paragraph after a note: it continues the note, or, a plain
** paragraph opening with a marker, starts the note of that number. */
static void notepara(Assembly *o, const Walk *w, const Item *it) {
  size_t skip;
  long num = notelead(o, w, it, &skip);
  if (num == 0) {
    paragraph(o, w, it);
    return;
  }
  feedlabels(o, w, it, 0);
  ll_build_note(o->b, num);
  ll_build_block(o->b, LL_PARAGRAPH, 0, NULL, 0);
  ll_build_text(o->b, itext(w, it) + skip, it->len - skip);
  o->blocks++;
}

/* ------------------------------------------------------------------ */
/* Assembly                                                            */
/* ------------------------------------------------------------------ */

/* R_UNOTE: a note without a number after the last notes heading; R_JOINED:
** the paragraph after a note that holds nothing but its number */
enum { R_SKIP, R_BODY, R_NOTE, R_MORE, R_NOTESHEAD, R_UNOTE, R_JOINED };

/* Does s open an unnumbered note: a mark such as "*", "**", "†", "‡",
** "[*]", or "Note by ..." / "Note:" / "Transcriber's note"? */
static int unnumbered(const char *s, size_t n) {
  trim(&s, &n);
  if (n == 0) return 0;
  if (s[0] == '*' || (n >= 2 && s[0] == '[' && s[1] == '*')) return 1;
  if (n >= 3 && memcmp(s, "\xE2\x80\xA0", 3) == 0) return 1; /* dagger */
  if (n >= 3 && memcmp(s, "\xE2\x80\xA1", 3) == 0) return 1; /* double dagger */
  return iprefix(s, n, "note by ") || iprefix(s, n, "note:") || iprefix(s, n, "transcriber") ||
         iprefix(s, n, "editor's note") || iprefix(s, n, "editor\xE2\x80\x99s note");
}

/* Feeds an unnumbered note's first paragraph as note k (its mark kept in
** its text, as printed). */
static void unote(Assembly *o, const Walk *w, const Item *it, long k) {
  const char *s = itext(w, it);
  size_t i = 0, from = 0;
  long v = 0;
  /* its own number written "k. " (<p class="note">1. A gibe ...) is the
     note's number, not a list item's label */
  while (i < it->len && i < 7 && isdig((unsigned char)s[i])) v = v * 10 + (s[i++] - '0');
  if (i > 0 && v == k && i + 1 < it->len && s[i] == '.' && s[i + 1] == ' ') from = i + 2;
  feedlabels(o, w, it, 0);
  ll_build_note(o->b, k);
  feeditem(o, w, it, from, 0);
  o->blocks++;
}

/* Nonzero if a paragraph is page furniture by its text alone: "Top of the
** page", "Last updated on ...", an arrow. */
static int navtext(const char *s, size_t n) {
  static const char *const whole[] = {"top of the page",
                                      "top of page",
                                      "back to top",
                                      "to the top",
                                      "return to top",
                                      "->",
                                      "<-",
                                      "<<",
                                      ">>",
                                      "&gt;",
                                      NULL};
  int k;
  trim(&s, &n);
  if (iprefix(s, n, "last updated")) return 1;
  for (k = 0; whole[k] != NULL; k++)
    if (n == strlen(whole[k]) && iprefix(s, n, whole[k])) return 1;
  return 0;
}

/* The page's parts as the walk's items say, for the assembly: each item's
** role (R_*), the header's items. */
typedef struct Parts {
  Item *it;
  size_t n;
  unsigned char *role;
  size_t *h; /* the header's items */
  size_t nh, hend;
  int imgtitle;     /* the header is pictures' texts (header) */
  size_t firstnote; /* the first note's item, or (size_t)-1 */
  long notehead;    /* the heading over the notes, or -1 */
  long region;      /* where the notes' region starts */
  long top;         /* the highest note number */
} Parts;

/* Page furniture by its text is navigation; an info item without field
** names but starting with a marker is a note, not header fields. */
static void furniture(const Walk *w, Parts *pt) {
  Item *it = pt->it;
  size_t i;
  for (i = 0; i < pt->n; i++) {
    if ((it[i].kind == K_PARA || it[i].kind == K_HEAD) && navtext(itext(w, &it[i]), it[i].len))
      it[i].kind = K_NAV;
    if (it[i].kind == K_INFO && it[i].fields == 0 && it[i].lead != NULL) it[i].kind = K_PARA;
  }
}

/* The header: headings before the first info block or body paragraph
** (into pt->h); paragraphs before the first heading stay in the body
** (their tag set to -1). Three pictures or more before the headings that
** name author, work and chapter (The State and Revolution's chapters) are
** the header, and the headings open the body; else, with headings,
** pictures are no header. */
static void headitems(Parts *pt) {
  Item *it = pt->it;
  size_t n = pt->n, i, hend, ahead, nh = 0, *h = pt->h;
  for (hend = 0, ahead = 0; hend < n; hend++) {
    if (it[hend].kind == K_INFO) break;
    if (it[hend].kind == K_PARA && !headclass(&it[hend])) {
      size_t j;
      for (j = 0; j < nh && it[h[j]].kind == K_IMG; j++) {
      }
      if (j < nh) break;
      if (ahead <= hend) { /* the next heading, looked for once */
        for (ahead = hend + 1; ahead < n && it[ahead].kind != K_INFO; ahead++)
          if (it[ahead].kind == K_HEAD || it[ahead].kind == K_IMG || headclass(&it[ahead])) break;
      }
      if (ahead >= n || it[ahead].kind == K_INFO) break;
      it[hend].tag = -1; /* marks a paragraph before the header */
      continue;
    }
    if (it[hend].kind != K_NAV) h[nh++] = hend;
  }
  for (i = 0; i < nh && it[h[i]].kind == K_IMG; i++) {
  }
  if (i >= 3 && i < nh) {
    size_t k;
    for (k = i; k < nh; k++) it[h[k]].tag = -1;
    nh = i;
    pt->imgtitle = 1;
  }
  for (i = 0; i < nh && it[h[i]].kind != K_HEAD; i++) {
  }
  if (i < nh) {
    size_t k = 0;
    for (i = 0; i < nh; i++)
      if (it[h[i]].kind != K_IMG) h[k++] = h[i];
    nh = k;
  }
  pt->nh = nh;
  pt->hend = hend;
}

/* Feeds the header fields of the info items, one line each. */
static void fields(Assembly *o, const Walk *w, const Parts *pt) {
  unsigned used = 0; /* inferred field names given */
  size_t i;
  o->tmp.n = 0;
  for (i = 0; i < pt->n && o->status == LL_OK; i++)
    if (pt->it[i].kind == K_INFO &&
        fieldlines(o->m, &o->tmp, itext(w, &pt->it[i]), pt->it[i].len, &used) < 0)
      o->status = LL_ERRMEM;
  if (o->status != LL_OK) return;
  readme(&o->tmp);
  feedlines(o, &o->tmp, ll_build_field_line);
}

/* The first roles: what is not header, navigation, info or a picture is
** body; a body paragraph that opens with a marker its note defines, or
** with a number in a note's class or after the notes heading, starts a
** note; a notes heading with nothing after it goes. */
static void bodyroles(const Walk *w, Parts *pt) {
  Item *it = pt->it;
  unsigned char *role = pt->role;
  size_t n = pt->n, i, lastdef = 0; /* one past the last item that may start a note */
  for (i = 0; i < n; i++) {
    role[i] = R_SKIP;
    if ((i < pt->hend && it[i].tag != -1) || it[i].kind == K_NAV || it[i].kind == K_INFO ||
        it[i].kind == K_IMG)
      continue;
    if (it[i].len >= 9 && memcmp(itext(w, &it[i]), "!DOCTYPE ", 9) == 0)
      continue; /* a doctype that lost its '<' */
    role[i] = R_BODY;
    if (it[i].lead != NULL || textnote(itext(w, &it[i]), it[i].len)) lastdef = i + 1;
  }
  for (i = 0; i + 1 < lastdef; i++) { /* the heading over the notes */
    if (role[i] == R_BODY && notes_heading(itext(w, &it[i]), it[i].len)) {
      pt->notehead = (long)i;
      break;
    }
  }
  for (i = 0; i < n; i++) { /* which paragraphs start a note */
    int start = 0;
    if (role[i] != R_BODY) continue;
    if (it[i].lead != NULL)
      start = defines(&w->marks, it[i].lead) || noteclass(&it[i]) ||
              (pt->notehead >= 0 && (long)i > pt->notehead);
    else if (textnote(itext(w, &it[i]), it[i].len))
      start = noteclass(&it[i]) || (pt->notehead >= 0 && (long)i > pt->notehead);
    if (start) role[i] = R_NOTE;
  }
  for (i = n; i > 0; i--) { /* a notes heading with nothing after it */
    if (role[i - 1] == R_SKIP) continue;
    if (notes_heading(itext(w, &it[i - 1]), it[i - 1].len)) role[i - 1] = R_SKIP;
    break;
  }
}

/* With no numbered note after it, the last notes heading of the body and
** the few paragraphs after it are notes without numbers ("<h3>Notes</h3>
** <p>* At the 18th National Congress ...</p>", "Note by transcriber--")
** that the page prints after its text. */
static void unnumberedroles(const Walk *w, Parts *pt) {
  Item *it = pt->it;
  unsigned char *role = pt->role;
  size_t n = pt->n, i, last = n, after = 0, j;
  int first = 1;
  for (i = n; i > 0 && last == n; i--)
    if (role[i - 1] == R_BODY && it[i - 1].kind == K_HEAD &&
        notes_heading(itext(w, &it[i - 1]), it[i - 1].len))
      last = i - 1;
  for (j = last + 1; last < n && j < n; j++) {
    if (role[j] == R_NOTE) break;
    if (role[j] == R_BODY) after++;
  }
  if (!(last < n && last > 0 && j == n && after > 0 && after <= 12)) return;
  pt->notehead = (long)last;
  for (j = last + 1; j < n; j++) {
    if (role[j] != R_BODY) continue;
    role[j] = first || unnumbered(itext(w, &it[j]), it[j].len) ? R_UNOTE : R_MORE;
    first = 0;
  }
}

/* Nonzero if item it, standing after a note, starts more of the body (a
** page of several articles, a note closing the first): a separator line,
** or a heading of words, no link in it, that names no note. */
static int bodyheading(const Walk *w, const Item *it) {
  const char *s = itext(w, it);
  if (ll_is_separator(s, it->len)) return 1;
  return it->kind == K_HEAD && !haslink(w, it) && !notes_heading(s, it->len) &&
         !unnumbered(s, it->len);
}

/* The notes' region (from the notes heading, else from the first note
** after the body's last marker) and the paragraphs that continue a note:
** before the region those of the note's own class, in it every paragraph
** after a note (a notes heading there goes). */
static void noteregion(const Walk *w, Parts *pt) {
  Item *it = pt->it;
  unsigned char *role = pt->role;
  size_t n = pt->n, i;
  long lastref = -1;
  int seen = 0;
  for (i = 0; i < n; i++)
    if (role[i] == R_BODY && it[i].refs > 0 && (pt->notehead < 0 || (long)i < pt->notehead))
      lastref = (long)i;
  if (pt->notehead >= 0) {
    pt->region = pt->notehead;
    role[pt->notehead] = R_NOTESHEAD;
  } else {
    pt->region = -1;
    for (i = (size_t)(lastref + 1); i < n && pt->region < 0; i++)
      if (role[i] == R_NOTE) pt->region = (long)i;
    if (pt->region < 0) pt->region = (long)n;
  }
  for (i = 0; i < n; i++) {
    size_t j;
    if (role[i] == R_UNOTE && pt->firstnote == (size_t)-1) pt->firstnote = i;
    if (role[i] != R_NOTE) continue;
    if (pt->firstnote == (size_t)-1) pt->firstnote = i;
    for (j = i + 1; (long)i < pt->region && j < n && (long)j < pt->region; j++) {
      if (role[j] == R_SKIP) continue;
      if (role[j] != R_BODY || it[i].cls == NULL || it[j].cls == NULL ||
          strcmp(it[i].cls, it[j].cls) != 0)
        break;
      role[j] = R_MORE;
    }
  }
  for (i = (size_t)(pt->region < 0 ? 0 : pt->region); i < n; i++) {
    if (role[i] == R_NOTE)
      seen = 1;
    else if (role[i] == R_BODY && seen && bodyheading(w, &it[i]))
      seen = 0; /* the body goes on after the note */
    else if (role[i] == R_BODY && seen)
      role[i] = R_MORE;
    if ((role[i] == R_MORE || role[i] == R_BODY) && notes_heading(itext(w, &it[i]), it[i].len) &&
        (long)i > pt->region)
      role[i] = R_SKIP;
  }
}

/* The levels of the body's headings: 1 for the highest tag used, 2 for
** the next, ... (a separator written as a heading is none). */
static void headingranks(Assembly *o, const Walk *w, const Parts *pt) {
  int seen[8] = {0}, k, r = 0;
  size_t i;
  for (i = 0; i < pt->n; i++)
    if (pt->role[i] != R_SKIP && pt->role[i] != R_NOTESHEAD && pt->it[i].kind == K_HEAD &&
        pt->it[i].level >= 0 && pt->it[i].level < 8 &&
        !ll_is_separator(itext(w, &pt->it[i]), pt->it[i].len))
      seen[pt->it[i].level] = 1;
  for (k = 1; k < 8; k++) o->hrank[k] = seen[k] ? ++r : 0;
  o->hrank[0] = seen[0] ? r + 1 : 1; /* a block inside a heading */
}

/* Page breaks between items: one before the body's first paragraph is the
** page the text starts on; one before a later body paragraph stays at its
** start; one before anything else goes to the next body paragraph. */
static void pagestarts(Assembly *o, const Parts *pt) {
  char carry[sizeof pt->it[0].pglab] = "";
  int started = 0;
  size_t i;
  for (i = 0; i < pt->n; i++) {
    Item *it = &pt->it[i];
    if (it->pglab[0] != '\0') memcpy(carry, it->pglab, sizeof carry);
    it->pglab[0] = '\0';
    if (pt->role[i] != R_BODY) continue;
    if (carry[0] != '\0') {
      if (!started)
        memcpy(o->first_page, carry, sizeof carry);
      else
        memcpy(it->pglab, carry, sizeof carry);
      carry[0] = '\0';
    }
    started = 1;
  }
}

/* The highest note number (unnumbered notes come after it); a note whose
** paragraph holds nothing but its number takes the paragraph after it
** (R_JOINED). */
static void notenumbering(const Walk *w, Parts *pt) {
  size_t i, j;
  for (i = 0; i < pt->n; i++) {
    const Item *it = &pt->it[i];
    long k = it->lead != NULL ? 0 : textnote(itext(w, it), it->len);
    if (pt->role[i] != R_NOTE) continue;
    if (k > pt->top) pt->top = k;
    if (it->lead != NULL && it->lead->n > pt->top) pt->top = it->lead->n;
    for (j = i + 1; j < pt->n && pt->role[j] == R_SKIP; j++) {
    }
    if (j < pt->n && pt->role[j] == R_MORE && notejoins(w, it)) pt->role[j] = R_JOINED;
  }
}

/* The footer into o->foot: one line per navigation element, the links
** that line breaks separate in it joined by " | ", as the archive's plain
** text has them. */
static void footer(Assembly *o, const Walk *w, const Parts *pt) {
  size_t i, k;
  o->foot.n = 0;
  for (i = 0; i < pt->n && o->status == LL_OK; i++) {
    const Item *it = &pt->it[i];
    if (it->kind != K_NAV) continue;
    o->part.n = 0;
    if (flatten(o->m, &o->part, itext(w, it), it->len, FL_KEEPNL | FL_NBSP) != LL_OK) {
      o->status = LL_ERRMEM;
      break;
    }
    if (o->part.n == 0) continue;
    if (o->foot.n > 0 && ll_buf_add(o->m, &o->foot, "\n", 1) != LL_OK) {
      o->status = LL_ERRMEM;
      break;
    }
    for (k = 0; k < o->part.n && o->status == LL_OK; k++) {
      const char *c = o->part.p + k;
      int r;
      if (*c != '\n')
        r = ll_buf_add(o->m, &o->foot, c, 1);
      else if (c[-1] == '|' || c[1] == '|')
        r = ll_buf_add(o->m, &o->foot, " ", 1);
      else
        r = ll_buf_add(o->m, &o->foot, " | ", 3);
      if (r != LL_OK) o->status = LL_ERRMEM;
    }
  }
}

/* Hands the builder the page's note numbers before any text: the numbers
** of the links taken as markers, and each note's (numbered, unnumbered,
** or a plain paragraph after a note opening with a marker; with notes, a
** footer opening with a marker too). */
static void notenumbers(Assembly *o, const Walk *w, const Parts *pt) {
  size_t i, skip;
  long top = pt->top, k;
  for (i = 0; i < w->marks.marks.n; i++) {
    const Mark *c = (const Mark *)w->marks.marks.p + i;
    if (c->ok && c->href != NULL) ll_build_note_number(o->b, c->n);
  }
  if (pt->firstnote == (size_t)-1) return;
  for (i = 0; i < pt->n; i++) {
    const Item *it = &pt->it[i];
    k = 0;
    if (pt->role[i] == R_UNOTE)
      k = ++top;
    else if (pt->role[i] == R_NOTE)
      ll_note_marker(itext(w, it), it->len, &k);
    else if (pt->role[i] == R_MORE)
      k = notelead(o, w, it, &skip);
    if (k > 0) ll_build_note_number(o->b, k);
  }
  if (o->foot.n > 0 && ll_note_marker(o->foot.p, o->foot.n, &k) > 0) ll_build_note_number(o->b, k);
}

/* Feeds the body and the notes. */
static void bodyandnotes(Assembly *o, const Walk *w, Parts *pt) {
  size_t i, j;
  long top = pt->top;
  for (i = 0; i < pt->n; i++)
    if (pt->role[i] == R_BODY) paragraph(o, w, &pt->it[i]);
  if (pt->firstnote == (size_t)-1) return;
  o->blocks++; /* the notes' heading */
  for (i = 0; i < pt->n && o->status == LL_OK; i++) {
    const Item *it = &pt->it[i];
    if (pt->role[i] == R_UNOTE) {
      unote(o, w, it, ++top);
    } else if (pt->role[i] == R_NOTE) {
      for (j = i + 1; j < pt->n && pt->role[j] == R_SKIP; j++) {
      }
      notestart(o, w, it, j < pt->n && pt->role[j] == R_JOINED ? &pt->it[j] : NULL);
    } else if (pt->role[i] == R_MORE) {
      notepara(o, w, it);
    }
  }
}

/* Feeds the page from the walk's items to the builder: the note numbers,
** header, fields, body, notes, footer. */
static void assemble(Assembly *o, Walk *w) {
  Parts pt;
  size_t n = w->items.n;
  if (n == 0) return;
  memset(&pt, 0, sizeof pt);
  pt.it = (Item *)w->items.p;
  pt.n = n;
  pt.firstnote = (size_t)-1;
  pt.notehead = -1;
  pt.h = (size_t *)ll_malloc(o->m, n * sizeof *pt.h);
  pt.role = (unsigned char *)ll_malloc(o->m, n);
  if (pt.h == NULL || pt.role == NULL) {
    o->status = LL_ERRMEM;
    goto done;
  }
  furniture(w, &pt);
  headitems(&pt);
  bodyroles(w, &pt);
  if (pt.notehead < 0) unnumberedroles(w, &pt);
  noteregion(w, &pt);
  headingranks(o, w, &pt);
  pagestarts(o, &pt);
  notenumbering(w, &pt);
  footer(o, w, &pt);
  if (o->status != LL_OK) goto done;
  notenumbers(o, w, &pt);
  if (o->first_page[0] != '\0') ll_build_first_page(o->b, o->first_page, strlen(o->first_page));
  header(o, w, pt.h, pt.nh, pt.imgtitle);
  fields(o, w, &pt);
  bodyandnotes(o, w, &pt);
  feedlines(o, &o->foot, ll_build_nav);
done:
  ll_free(o->m, pt.h, n * sizeof *pt.h);
  ll_free(o->m, pt.role, n);
}

/* ------------------------------------------------------------------ */
/* Entry point                                                         */
/* ------------------------------------------------------------------ */

/* Makes a byte that is no part of well-formed UTF-8 (or a NUL) in b a
** '?', in place: a safety net that the walk's text never needs (it keeps
** the items' offsets). */
static void mend(ll_Buf *b) {
  size_t i = 0;
  char err[LL_ERRSIZE];
  if (b->n == 0 || ll_utf8_check(b->p, b->n, err, sizeof err) == LL_OK) return;
  while (i < b->n) {
    size_t k = utf8len(b->p + i, b->n - i);
    if (k == 0 || b->p[i] == '\0') {
      b->p[i++] = '?';
      continue;
    }
    i += k;
  }
}

/* libxml2's parse of the page decoded (src), its reports silenced while it
** runs; NULL with the reason in *status and err. */
static xmlDoc *parsehtml(const char *src, size_t srcn, Reading *rd, int *status, char *err,
                         size_t errsz) {
  htmlParserCtxtPtr ctxt = htmlNewParserCtxt();
  xmlDoc *doc;
  if (ctxt == NULL) {
    *status = LL_ERRMEM;
    return NULL;
  }
  rd->ctxt = ctxt;
  rd->src = src;
  rd->srcn = srcn;
  doc = htmlCtxtReadMemory(ctxt, src, (int)srcn, NULL, "UTF-8",
                           HTML_PARSE_NONET | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING |
                               HTML_PARSE_RECOVER | HTML_PARSE_IGNORE_ENC | HTML_PARSE_COMPACT);
  rd->ctxt = NULL;
  /* a failed allocation anywhere in libxml2 may have cost part of the
     page: never a page with a piece missing, always "not enough memory" */
  if (rd->nomem || ctxt->errNo == XML_ERR_NO_MEMORY) {
    *status = LL_ERRMEM;
  } else if (rd->stuck) { /* after a failure libxml2 did not report, or a bug of its */
    snprintf(err, errsz, "libxml2 stopped making progress in the page");
    *status = LL_ERRINPUT;
  } else if (rd->deep) {
    snprintf(err, errsz, "HTML nested deeper than libxml2 reads (%u elements)",
             (unsigned)xmlParserMaxDepth);
    *status = LL_ERRINPUT;
  } else if (doc == NULL) {
    snprintf(err, errsz, "libxml2 could not read the page");
    *status = LL_ERRINPUT;
  }
  if (*status != LL_OK && doc != NULL) {
    xmlFreeDoc(doc);
    doc = NULL;
  }
  htmlFreeParserCtxt(ctxt);
  return doc;
}

/* Walks the tree into w's items and feeds them to the builder. */
static int feedpage(ll_Mem *m, xmlDoc *doc, ll_Builder *b, char *err, size_t errsz) {
  Walk w;
  Assembly o;
  int status;
  memset(&w, 0, sizeof w);
  w.m = m;
  ll_buf_init(&w.pool);
  ll_buf_init(&w.labs);
  ll_vec_init(&w.items, sizeof(Item));
  ll_vec_init(&w.frames, sizeof(Frame));
  ll_vec_init(&w.marks.marks, sizeof(Mark));
  ll_vec_init(&w.marks.hrefs, sizeof(Key));
  ll_vec_init(&w.marks.names, sizeof(Key));
  ll_vec_init(&w.spans, sizeof(HSpan));
  memset(&o, 0, sizeof o);
  o.m = m;
  o.b = b;
  ll_buf_init(&o.tmp);
  ll_buf_init(&o.part);
  ll_buf_init(&o.href);
  ll_buf_init(&o.foot);
  ll_vec_init(&o.evs, sizeof(SpanEvent));
  status = find_marks(m, doc, &w.marks);
  if (status == LL_OK) {
    w.author = meta_author(doc);
    walk(&w, doc);
    status = w.status;
  }
  if (status == LL_OK) {
    mend(&w.pool);
    assemble(&o, &w);
    status = o.status;
  }
  if (status == LL_OK && o.blocks == 0) {
    snprintf(err, errsz, "HTML page with no text");
    status = LL_ERRINPUT;
  }
  ll_buf_free(m, &o.tmp);
  ll_buf_free(m, &o.part);
  ll_buf_free(m, &o.href);
  ll_buf_free(m, &o.foot);
  ll_vec_free(m, &o.evs);
  ll_vec_free(m, &w.spans);
  ll_buf_free(m, &w.pool);
  ll_buf_free(m, &w.labs);
  ll_vec_free(m, &w.items);
  ll_vec_free(m, &w.frames);
  ll_vec_free(m, &w.marks.marks);
  ll_vec_free(m, &w.marks.hrefs);
  ll_vec_free(m, &w.marks.names);
  return status;
}

/* See llhtml.h: decode, parse, find the markers, walk, assemble. */
int ll_html_read(ll_Mem *m, const char *html, size_t len, ll_Builder *b, char *err, size_t errsz) {
  int status = LL_OK, same = 0;
  ll_Buf in;
  const char *src = html; /* the page decoded: html itself, or in */
  size_t srcn = len;
  xmlDoc *doc = NULL;
  Reading rd;
  /* libxml2's reports, silenced while we work and then put back */
  xmlGenericErrorFunc gfunc = xmlGenericError;
  void *gctx = xmlGenericErrorContext;
  xmlStructuredErrorFunc sfunc = xmlStructuredError;
  void *sctx = xmlStructuredErrorContext;
  if (err != NULL && errsz > 0) err[0] = '\0';
  if (html == NULL || len == 0) {
    snprintf(err, errsz, "empty page");
    return LL_ERRINPUT;
  }
  ll_buf_init(&in);
  xmlSetGenericErrorFunc(NULL, quiet);
  memset(&rd, 0, sizeof rd);
  xmlSetStructuredErrorFunc(&rd, onreport);
  status = decode(m, html, len, &in, &same);
  if (status == LL_OK && rd.nomem) status = LL_ERRMEM;
  if (status == LL_OK && !same) { /* else the page is already as decoding would make it */
    src = in.p;
    srcn = in.n;
  }
  if (status == LL_OK && srcn == 0) {
    snprintf(err, errsz, "empty page");
    status = LL_ERRINPUT;
  } else if (status == LL_OK && srcn > INT_MAX) {
    snprintf(err, errsz, "page too large (%lu bytes)", (unsigned long)len);
    status = LL_ERRINPUT;
  }
  if (status == LL_OK) doc = parsehtml(src, srcn, &rd, &status, err, errsz);
  ll_buf_free(m, &in);
  if (status == LL_OK) status = feedpage(m, doc, b, err, errsz);
  if (status == LL_ERRMEM) snprintf(err, errsz, "not enough memory");
  if (doc != NULL) xmlFreeDoc(doc);
  xmlSetGenericErrorFunc(gctx, gfunc);
  xmlSetStructuredErrorFunc(sctx, sfunc);
  return status;
}

/* See llhtml.h: the reader handed to llread.c's ll_read_page (by the C
** tests and fuzzers directly, by the Lua binding through the module
** leninletter.html). Constant: read-only once relocated. */
const ll_HtmlReader ll_html_reader = {LL_HTML_ABI, ll_html_init, ll_html_read};
