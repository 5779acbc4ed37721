/*
** llutf8.c: UTF-8 for the leninletter library.
** Validation of input text (with line and byte of the first fault) and
** decoding of single characters.
*/
#include <stdio.h>

#include "ll.h"

/* Length of a well-formed sequence at s, or 0 if it is not one. Refuses
** overlong forms, surrogates and code points above U+10FFFF (RFC 3629). */
static size_t seqlen(const unsigned char *s, size_t len) {
  unsigned c = s[0];
  if (c < 0x80) return 1;
  if (c < 0xC2) return 0;  /* continuation byte or overlong 2-byte lead */
  if (c < 0xE0) {
    return (len >= 2 && (s[1] & 0xC0) == 0x80) ? 2 : 0;
  }
  if (c < 0xF0) {
    if (len < 3 || (s[1] & 0xC0) != 0x80 || (s[2] & 0xC0) != 0x80) return 0;
    if (c == 0xE0 && s[1] < 0xA0) return 0;   /* overlong */
    if (c == 0xED && s[1] >= 0xA0) return 0;  /* surrogate */
    return 3;
  }
  if (c < 0xF5) {
    if (len < 4 || (s[1] & 0xC0) != 0x80 || (s[2] & 0xC0) != 0x80 ||
        (s[3] & 0xC0) != 0x80)
      return 0;
    if (c == 0xF0 && s[1] < 0x90) return 0;   /* overlong */
    if (c == 0xF4 && s[1] >= 0x90) return 0;  /* above U+10FFFF */
    return 4;
  }
  return 0;
}

int ll_utf8_check(const char *s, size_t len, char *err, size_t errsz) {
  const unsigned char *u = (const unsigned char *)s;
  size_t i = 0, line = 1, linestart = 0;
  while (i < len) {
    size_t n;
    if (u[i] == '\0') {
      snprintf(err, errsz, "NUL byte at line %lu, byte %lu",
               (unsigned long)line, (unsigned long)(i + 1));
      return LL_ERRINPUT;
    }
    if (u[i] < 0x80) {  /* the common case */
      if (u[i] == '\n') {
        line++;
        linestart = i + 1;
      }
      i++;
      continue;
    }
    n = seqlen(u + i, len - i);
    if (n == 0) {
      snprintf(err, errsz,
               "invalid UTF-8 at line %lu, byte %lu (column %lu)",
               (unsigned long)line, (unsigned long)(i + 1),
               (unsigned long)(i - linestart + 1));
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
    case 1: *cp = u[0]; return 1;
    case 2: *cp = ((long)(u[0] & 0x1F) << 6) | (u[1] & 0x3F); return 2;
    case 3:
      *cp = ((long)(u[0] & 0x0F) << 12) | ((long)(u[1] & 0x3F) << 6) |
            (u[2] & 0x3F);
      return 3;
    case 4:
      *cp = ((long)(u[0] & 0x07) << 18) | ((long)(u[1] & 0x3F) << 12) |
            ((long)(u[2] & 0x3F) << 6) | (u[3] & 0x3F);
      return 4;
    default: *cp = 0xFFFD; return 1;  /* a stray byte stands for itself */
  }
}

size_t ll_utf8_charlen(const char *s, size_t len) {
  size_t n = seqlen((const unsigned char *)s, len);
  return n == 0 ? 1 : n;
}
