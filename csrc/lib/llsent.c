/*
** llsent.c: the sentence splitter.
** Cuts a block of text into sentences, each an exact substring, without
** ending one at abbreviations, initials or a title ending in '?' or '!'.
*/
#include <stdint.h>
#include <string.h>

#include <utf8proc.h>

#include "ll.h"
#include "llswar.h"

/* Abbreviations after which a period never ends a sentence: they stand
** before a name or a number ("St. Petersburg", "No. 5", "Vol. 9, p. 310",
** "Reform v. Revolution"). */
static const char *const noend[] = {
    "St",     "Mr",  "Mrs", "Messrs", "Dr",  "Prof", "Rev", "Gen",  "Col",  "Capt", "Lt",
    "No",     "Nos", "Vol", "Vols",   "p",   "pp",   "cf",  "Cf",   "Art",  "Ch",   "Chap",
    "Fig",    "ed",  "eds", "vs",     "v",   "viz",  "Nr",  "ibid", "Ibid", "op",   "cit",
    "approx", "Jan", "Feb", "Mar",    "Apr", "Jun",  "Jul", "Aug",  "Sep",  "Sept", "Oct",
    "Nov",    "Dec", "e.g", "i.e",    "E.g", "I.e",  NULL};

static int isterm(int c) {
  return c == '.' || c == '!' || c == '?';
}

/* Nonzero when a byte of v is '.', '!' or '?'. */
static int hasterm(uint64_t v) {
  return (LL_HASBYTE(v, '.') | LL_HASBYTE(v, '!') | LL_HASBYTE(v, '?')) ? 1 : 0;
}

/* the offset of the next '.', '!' or '?' at or after i, or len */
static size_t nextterm(const char *s, size_t i, size_t len) {
  while (len - i >= 8) {
    if (hasterm(ll_load8(s + i))) break;
    i += 8;
  }
  while (i < len && !isterm((unsigned char)s[i])) i++;
  return i;
}

/* closing punctuation that may follow the end of a sentence */
static size_t closer(const char *s, size_t i, size_t len) {
  unsigned char c = (unsigned char)s[i];
  if (c == ')' || c == ']' || c == '"' || c == '\'') return 1;
  /* ’ U+2019, ” U+201D, » U+00BB */
  if (c == 0xE2 && i + 2 < len && (unsigned char)s[i + 1] == 0x80 &&
      ((unsigned char)s[i + 2] == 0x99 || (unsigned char)s[i + 2] == 0x9D))
    return 3;
  if (c == 0xC2 && i + 1 < len && (unsigned char)s[i + 1] == 0xBB) return 2;
  return 0;
}

/* length of the white space at s[i] (ASCII or no-break space), or 0 */
static size_t space(const char *s, size_t i, size_t len) {
  unsigned char c = (unsigned char)s[i];
  if (c == ' ' || c == '\n' || c == '\t' || c == '\r') return 1;
  if (c == 0xC2 && i + 1 < len && (unsigned char)s[i + 1] == 0xA0) return 2;
  return 0;
}

/* Can a sentence start at s[i]? A capital, a digit, or an opening quote or
** bracket before one of those. */
static int starter(const char *s, size_t i, size_t len) {
  int depth;
  for (depth = 0; depth < 3 && i < len; depth++) {
    long cp;
    size_t n = ll_utf8_decode(s + i, len - i, &cp);
    utf8proc_category_t cat = utf8proc_category((utf8proc_int32_t)cp);
    if (cat == UTF8PROC_CATEGORY_LU || cat == UTF8PROC_CATEGORY_LT || cat == UTF8PROC_CATEGORY_ND)
      return 1;
    if (cat == UTF8PROC_CATEGORY_PS || cat == UTF8PROC_CATEGORY_PI || cp == '"' || cp == '\'' ||
        cp == 0x201E) {
      i += n;
      continue;
    }
    return 0;
  }
  return 0;
}

/* words that open sentences far more often than they follow initials */
static const char *const openers[] = {
    "The",   "This",     "That",     "These",        "Those",     "It",
    "Its",   "He",       "She",      "We",           "They",      "I",
    "In",    "On",       "At",       "For",          "But",       "And",
    "Or",    "If",       "When",     "As",           "A",         "An",
    "So",    "Yet",      "Thus",     "There",        "Here",      "Our",
    "Their", "His",      "Her",      "Now",          "Then",      "Such",
    "What",  "Why",      "How",      "Who",          "To",        "By",
    "With",  "From",     "After",    "Not",          "All",       "Its",
    "Is",    "Was",      "Are",      "Nevertheless", "However",   "During",
    "Even",  "Among",    "Moreover", "Meanwhile",    "Therefore", "Hence",
    "Since", "Although", "While",    "Only",         "One",       NULL};

/* Does the word at s[0, len) open sentences (one of openers)? */
static int opener(const char *s, size_t len) {
  size_t n = 0, k;
  if (len > 0 && s[0] >= '0' && s[0] <= '9') return 1; /* "the U.S.A. 13." */
  while (n < len && ((s[n] >= 'A' && s[n] <= 'Z') || (s[n] >= 'a' && s[n] <= 'z'))) n++;
  if (n == 0) return 0;
  if (n > 12) return 0;                /* longer than any opener */
  for (k = 0; openers[k] != NULL; k++) /* first letters first: no strlen for most */
    if (openers[k][0] == s[0] && strlen(openers[k]) == n && memcmp(openers[k], s, n) == 0) return 1;
  return 0;
}

/* Does the period at s[dot] belong to an abbreviation or an initial? next
** is where the following word starts. */
static int abbreviation(const char *s, size_t dot, size_t next, size_t len) {
  size_t b = dot, n, k;
  while (b > 0) {
    unsigned char c = (unsigned char)s[b - 1];
    if (c == ' ' || c == '\n' || c == '(' || c == '[' || c == '\t' || c == '"' || c == 0xA0 ||
        c == 0x9C /* end of “ */)
      break;
    b--;
  }
  n = dot - b;
  if (n == 0) return 0;
  /* a single capital: an initial ("V. V. Vorovsky") */
  if (n == 1 && s[b] >= 'A' && s[b] <= 'Z') return 1;
  /* initials with no space, two or three of them ("V.I. Lenin",
     "J.P. Cannon"), unless a word that opens sentences follows ("the
     I.L.P. The"): abbreviations of parties end sentences too */
  if ((n == 3 || n == 5) && !opener(s + next, len - next)) {
    for (k = 0; k < n; k++)
      if (k % 2 == 0 ? !(s[b + k] >= 'A' && s[b + k] <= 'Z') : s[b + k] != '.') break;
    if (k == n) return 1;
  }
  if (n > 6) return 0;               /* longer than any of noend */
  for (k = 0; noend[k] != NULL; k++) /* first letters first: no strlen for most */
    if (noend[k][0] == s[b] && strlen(noend[k]) == n && memcmp(noend[k], s + b, n) == 0) return 1;
  return 0;
}

int ll_sentences(ll_Mem *m, const char *s, size_t len, ll_Vec *out) {
  size_t i = 0, start, first;
  /* skip leading white space */
  while (i < len && space(s, i, len)) i += space(s, i, len);
  start = first = i;
  while (i < len) {
    size_t j, k, w, next;
    if (!isterm((unsigned char)s[i])) {
      i = nextterm(s, i + 1, len);
      continue;
    }
    j = i;
    while (j < len && isterm((unsigned char)s[j])) j++;
    k = j;
    while (k < len && closer(s, k, len)) k += closer(s, k, len);
    if (k < len) {
      if (!space(s, k, len)) {
        i = k > i ? k : i + 1;
        continue;
      }
      next = k;
      while (next < len && (w = space(s, next, len)) != 0) next += w;
      if (next < len) {
        if (!starter(s, next, len)) {
          i = k;
          continue;
        }
        /* a lone period after an abbreviation or initial goes on */
        if (j == i + 1 && k == j && s[i] == '.' && abbreviation(s, i, next, len)) {
          i = k;
          continue;
        }
        /* so does a printed label opening the text ("1. The State") */
        if (start == first && ll_item_label(s + start, len - start) == k - start) {
          i = k;
          continue;
        }
      }
    } else {
      next = len;
    }
    {
      ll_Span *sp = (ll_Span *)ll_vec_push(m, out);
      if (sp == NULL) return LL_ERRMEM;
      sp->start = start;
      sp->end = k;
    }
    start = next;
    i = next;
  }
  if (start < len) {
    size_t end = len;
    while (end > start && space(s, end - 1, len)) end--;
    if (end > start) {
      ll_Span *sp = (ll_Span *)ll_vec_push(m, out);
      if (sp == NULL) return LL_ERRMEM;
      sp->start = start;
      sp->end = end;
    }
  }
  return LL_OK;
}
