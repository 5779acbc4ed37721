/*
** llutf8.c: UTF-8 and words for the leninletter library.
** Validation of input text (with line and byte of the first fault),
** decoding of single characters, word scanning and normal forms.
*/
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include <utf8proc.h>

#include "ll.h"

/* Length of a well-formed sequence at s, or 0 if it is not one. Refuses
** overlong forms, surrogates and code points above U+10FFFF (RFC 3629). */
static size_t seqlen(const unsigned char *s, size_t len) {
  unsigned c = s[0];
  if (c < 0x80) return 1;
  if (c < 0xC2) return 0; /* continuation byte or overlong 2-byte lead */
  if (c < 0xE0) {
    return (len >= 2 && (s[1] & 0xC0) == 0x80) ? 2 : 0;
  }
  if (c < 0xF0) {
    if (len < 3 || (s[1] & 0xC0) != 0x80 || (s[2] & 0xC0) != 0x80) return 0;
    if (c == 0xE0 && s[1] < 0xA0) return 0;  /* overlong */
    if (c == 0xED && s[1] >= 0xA0) return 0; /* surrogate */
    return 3;
  }
  if (c < 0xF5) {
    if (len < 4 || (s[1] & 0xC0) != 0x80 || (s[2] & 0xC0) != 0x80 || (s[3] & 0xC0) != 0x80)
      return 0;
    if (c == 0xF0 && s[1] < 0x90) return 0;  /* overlong */
    if (c == 0xF4 && s[1] >= 0x90) return 0; /* above U+10FFFF */
    return 4;
  }
  return 0;
}

/* The line (1-based) of byte i of s and where that line starts: LF, CRLF
** and a lone CR each end a line, as the parser reads them. */
static void lineof(const unsigned char *u, size_t len, size_t i, size_t *line, size_t *start) {
  size_t k;
  *line = 1;
  *start = 0;
  for (k = 0; k < i; k++)
    if (u[k] == '\n' || (u[k] == '\r' && (k + 1 >= len || u[k + 1] != '\n'))) {
      ++*line;
      *start = k + 1;
    }
}

#define ONES  0x0101010101010101ull
#define HIGHS 0x8080808080808080ull

int ll_utf8_check(const char *s, size_t len, char *err, size_t errsz) {
  const unsigned char *u = (const unsigned char *)s;
  size_t i = 0, line, linestart;
  while (i < len) {
    size_t n;
    /* eight plain ASCII bytes (none NUL, none >= 0x80) at a time; where
       the fault is is only worked out once there is one */
    while (i + 8 <= len) {
      uint64_t x;
      memcpy(&x, u + i, 8);
      if ((x & HIGHS) != 0 || ((x - ONES) & ~x & HIGHS) != 0) break;
      i += 8;
    }
    if (i >= len) break;
    if (u[i] == '\0') {
      lineof(u, len, i, &line, &linestart);
      snprintf(err, errsz, "NUL byte at line %lu, byte %lu", (unsigned long)line,
               (unsigned long)(i + 1));
      return LL_ERRINPUT;
    }
    if (u[i] < 0x80) {
      i++;
      continue;
    }
    n = seqlen(u + i, len - i);
    if (n == 0) {
      lineof(u, len, i, &line, &linestart);
      snprintf(err, errsz, "invalid UTF-8 at line %lu, byte %lu (column %lu)", (unsigned long)line,
               (unsigned long)(i + 1), (unsigned long)(i - linestart + 1));
      return LL_ERRINPUT;
    }
    i += n;
  }
  return LL_OK;
}

size_t ll_utf8_decode(const char *s, size_t len, long *cp) {
  const unsigned char *u = (const unsigned char *)s;
  size_t n = seqlen(u, len);
  switch (n) {
    case 1:
      *cp = u[0];
      return 1;
    case 2:
      *cp = ((long)(u[0] & 0x1F) << 6) | (u[1] & 0x3F);
      return 2;
    case 3:
      *cp = ((long)(u[0] & 0x0F) << 12) | ((long)(u[1] & 0x3F) << 6) | (u[2] & 0x3F);
      return 3;
    case 4:
      *cp = ((long)(u[0] & 0x07) << 18) | ((long)(u[1] & 0x3F) << 12) | ((long)(u[2] & 0x3F) << 6) |
            (u[3] & 0x3F);
      return 4;
    default:
      *cp = 0xFFFD;
      return 1; /* a stray byte stands for itself */
  }
}

size_t ll_utf8_charlen(const char *s, size_t len) {
  size_t n = seqlen((const unsigned char *)s, len);
  return n == 0 ? 1 : n;
}

int ll_utf8_isspace(long cp) {
  if (cp == ' ' || (cp >= 0x09 && cp <= 0x0D)) return 1;
  if (cp < 0x85) return 0;
  return cp == 0x85 || cp == 0xA0 || cp == 0x1680 || (cp >= 0x2000 && cp <= 0x200B) ||
         cp == 0x2028 || cp == 0x2029 || cp == 0x202F || cp == 0x205F || cp == 0x3000 ||
         cp == 0xFEFF;
}

/* ------------------------------------------------------------------ */
/* Words                                                               */
/* ------------------------------------------------------------------ */

/* Classes of ASCII bytes: W a letter or digit, J a joiner, 0 other. */
#define W 1
#define J 2
static const unsigned char ascii_class[128] = {
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
    0, 0, 0, 0, 0, 0, 0, J, 0, 0, 0, 0, 0, J, 0, 0, W, W, W, W, W, W, W, W, W, W, 0, 0, 0, 0, 0, 0,
    0, W, W, W, W, W, W, W, W, W, W, W, W, W, W, W, W, W, W, W, W, W, W, W, W, W, W, 0, 0, 0, 0, 0,
    0, W, W, W, W, W, W, W, W, W, W, W, W, W, W, W, W, W, W, W, W, W, W, W, W, W, W, 0, 0, 0, 0, 0};

int ll_word_char(long cp) {
  utf8proc_category_t c;
  if (cp < 0x80) return cp >= 0 && ascii_class[cp] == W;
  if (cp > 0x10FFFF) return 0;
  c = utf8proc_category((utf8proc_int32_t)cp);
  return (c >= UTF8PROC_CATEGORY_LU && c <= UTF8PROC_CATEGORY_LO) ||
         (c >= UTF8PROC_CATEGORY_ND && c <= UTF8PROC_CATEGORY_NO);
}

/* Class of the character at s[i]: W (letter, digit), 'M' (combining
** mark), J (joiner: - ' U+2010 U+2011 U+2019) or 0; *n its length. */
static int charclass(const unsigned char *s, size_t i, size_t len, size_t *n) {
  long cp;
  utf8proc_category_t c;
  if (s[i] < 0x80) {
    *n = 1;
    return ascii_class[s[i]];
  }
  *n = ll_utf8_decode((const char *)s + i, len - i, &cp);
  if (cp == 0x2019 || cp == 0x2010 || cp == 0x2011) return J;
  c = utf8proc_category((utf8proc_int32_t)cp);
  if ((c >= UTF8PROC_CATEGORY_LU && c <= UTF8PROC_CATEGORY_LO) ||
      (c >= UTF8PROC_CATEGORY_ND && c <= UTF8PROC_CATEGORY_NO))
    return W;
  if (c >= UTF8PROC_CATEGORY_MN && c <= UTF8PROC_CATEGORY_ME) return 'M';
  return 0;
}

int ll_word_next(const char *str, size_t len, size_t *at, size_t *start, size_t *end) {
  const unsigned char *s = (const unsigned char *)str;
  size_t i = *at, n, a;
  int c;
  /* skip to a letter or digit; ASCII non-words in a tight loop */
  for (;;) {
    while (i < len && s[i] < 0x80 && ascii_class[s[i]] != W) i++;
    if (i >= len) {
      *at = len;
      return 0;
    }
    if (s[i] < 0x80 || charclass(s, i, len, &n) == W) break;
    i += n;
  }
  a = i;
  for (;;) {
    /* letters, digits and marks */
    while (i < len) {
      if (s[i] < 0x80) {
        if (ascii_class[s[i]] != W) break;
        i++;
      } else {
        c = charclass(s, i, len, &n);
        if (c != W && c != 'M') break;
        i += n;
      }
    }
    /* one joiner between two word characters joins */
    if (i < len && charclass(s, i, len, &n) == J && i + n < len) {
      size_t n2;
      if (charclass(s, i + n, len, &n2) == W) {
        i += n + n2;
        continue;
      }
    }
    break;
  }
  *start = a;
  *end = i;
  *at = i;
  return 1;
}

/* Makes room for n bytes in b (its contents are dropped). */
static int bufroom(ll_Mem *m, ll_Buf *b, size_t n) {
  char *p;
  size_t cap;
  if (b->cap >= n) return LL_OK;
  cap = b->cap < 64 ? 64 : b->cap;
  while (cap < n) {
    if (cap > (size_t)-1 / 2) return LL_ERRMEM;
    cap *= 2;
  }
  p = (char *)ll_realloc(m, b->p, b->cap, cap);
  if (p == NULL) return LL_ERRMEM;
  b->p = p;
  b->cap = cap;
  return LL_OK;
}

/* Writes U+2019 as ' in b, in place. */
static void straighten(ll_Buf *b) {
  size_t i, j = 0;
  for (i = 0; i < b->n; i++) {
    if ((unsigned char)b->p[i] == 0xE2 && i + 2 < b->n && (unsigned char)b->p[i + 1] == 0x80 &&
        (unsigned char)b->p[i + 2] == 0x99) {
      b->p[j++] = '\'';
      i += 2;
    } else {
      b->p[j++] = b->p[i];
    }
  }
  b->n = j;
  b->p[j] = '\0';
}

int ll_word_norm(ll_Mem *m, const char *s, size_t n, ll_Buf *out) {
  const unsigned char *u = (const unsigned char *)s;
  const utf8proc_option_t opts = UTF8PROC_COMPOSE | UTF8PROC_CASEFOLD;
  utf8proc_ssize_t need, got;
  size_t i;
  int ascii = 1;
  for (i = 0; i < n; i++)
    if (u[i] >= 0x80) {
      ascii = 0;
      break;
    }
  if (ascii) { /* the common case: fold A-Z */
    if (bufroom(m, out, n + 1) != LL_OK) return LL_ERRMEM;
    for (i = 0; i < n; i++) out->p[i] = (char)((u[i] >= 'A' && u[i] <= 'Z') ? u[i] + 32 : u[i]);
    out->n = n;
    out->p[n] = '\0';
    return LL_OK;
  }
  /* decompose with case folding into code points, compose, re-encode in
     place: the buffer holds both the code points and the result */
  need = (utf8proc_ssize_t)(n + 1);
  for (;;) {
    if ((size_t)need > ((size_t)-1 / sizeof(utf8proc_int32_t)) - 1) return LL_ERRMEM;
    if (bufroom(m, out, ((size_t)need + 1) * sizeof(utf8proc_int32_t)) != LL_OK) return LL_ERRMEM;
    got = utf8proc_decompose_custom(u, (utf8proc_ssize_t)n, (utf8proc_int32_t *)(void *)out->p,
                                    (utf8proc_ssize_t)(out->cap / sizeof(utf8proc_int32_t)) - 1,
                                    opts, NULL, NULL);
    if (got < 0) { /* cannot happen on valid UTF-8: keep the bytes */
      if (bufroom(m, out, n + 1) != LL_OK) return LL_ERRMEM;
      memcpy(out->p, s, n);
      out->n = n;
      out->p[n] = '\0';
      return LL_OK;
    }
    if ((size_t)got < out->cap / sizeof(utf8proc_int32_t)) break;
    need = got;
  }
  got = utf8proc_reencode((utf8proc_int32_t *)(void *)out->p, got, opts);
  if (got < 0) got = 0;
  out->n = (size_t)got;
  out->p[out->n] = '\0';
  straighten(out);
  return LL_OK;
}

/* Whether s[i] opens a no-break space (U+00A0, C2 A0) within len. */
int ll_utf8_isnbsp(const char *s, size_t i, size_t len) {
  return i + 1 < len && (unsigned char)s[i] == 0xC2 && (unsigned char)s[i + 1] == 0xA0;
}

/* The length of the horizontal white space at s[i] (a space, a tab or a
** no-break space), 0 for none: how the readers split a line's words. */
size_t ll_utf8_hspace(const char *s, size_t i, size_t len) {
  if (s[i] == ' ' || s[i] == '\t') return 1;
  if (ll_utf8_isnbsp(s, i, len)) return 2;
  return 0;
}

/* Whether s[0, len) is 1 to 9 ASCII digits: a note's or a page's number,
** which always fits a long. */
int ll_alldigits(const char *s, size_t len) {
  size_t i;
  if (len == 0 || len > 9) return 0;
  for (i = 0; i < len; i++)
    if (s[i] < '0' || s[i] > '9') return 0;
  return 1;
}
