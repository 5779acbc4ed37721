/*
** testutil.h: what the C tests share: a tally of checks, an allocator that
** counts the bytes out and fails on request, and reading a file whole.
** Static inline, so each test stays one file and every build of the tests
** (plain, asan, cov, and the Lua hosts) compiles it as it is.
*/
#ifndef TESTUTIL_H
#define TESTUTIL_H

#include <stdio.h>
#include <stdlib.h>

/* Checks passed and failed. */
typedef struct Tally {
  int passed, failed;
} Tally;

/* Counts a check; prints what failed (with detail, when not NULL). */
static inline void check(Tally *t, int ok, const char *what, const char *detail) {
  if (ok) {
    t->passed++;
  } else {
    t->failed++;
    printf("FAIL: %s%s%s\n", what, detail ? ": " : "", detail ? detail : "");
  }
}

/* Prints the tally as CI reads it ("N passed, N failed"); the exit
** status of the test. */
static inline int report(const Tally *t) {
  printf("%d passed, %d failed\n", t->passed, t->failed);
  return t->failed == 0 ? 0 : 1;
}

/* The state of counting() and runningout(): {0, 0, -1} counts and never
** fails. */
typedef struct Counter {
  size_t live; /* bytes allocated and not freed */
  long calls;  /* allocations asked for so far (the refused too) */
  long failat; /* the allocation (numbered from 0) that fails; -1: none */
} Counter;

/* An allocation of the Counter at ud, over realloc/free; from allocation
** failat on, every one fails when sticky (else that one alone). */
static inline void *countalloc(Counter *c, void *ptr, size_t osize, size_t nsize, int sticky) {
  long n;
  void *p;
  if (nsize == 0) {
    if (ptr != NULL) c->live -= osize;
    free(ptr);
    return NULL;
  }
  n = c->calls++;
  if (c->failat >= 0 && (n == c->failat || (sticky && n > c->failat))) return NULL;
  p = realloc(ptr, nsize);
  if (p != NULL) c->live += nsize - (ptr != NULL ? osize : 0);
  return p;
}

/* An ll_Alloc whose ud is a Counter: allocation failat fails, the others
** do not. */
static inline void *counting(void *ud, void *ptr, size_t osize, size_t nsize) {
  return countalloc((Counter *)ud, ptr, osize, nsize, 0);
}

/* An ll_Alloc whose ud is a Counter: every allocation from failat on
** fails, as when memory has run out for good. */
static inline void *runningout(void *ud, void *ptr, size_t osize, size_t nsize) {
  return countalloc((Counter *)ud, ptr, osize, nsize, 1);
}

/* The contents of a file, malloc'd and NUL-terminated, its length in *len
** (len may be NULL); NULL if it cannot be read whole. */
static inline char *readfile(const char *path, size_t *len) {
  FILE *f = fopen(path, "rb");
  char *s;
  long n;
  if (f == NULL) return NULL;
  if (fseek(f, 0, SEEK_END) != 0 || (n = ftell(f)) < 0 || fseek(f, 0, SEEK_SET) != 0) {
    fclose(f);
    return NULL;
  }
  s = (char *)malloc((size_t)n + 1);
  if (s != NULL && fread(s, 1, (size_t)n, f) != (size_t)n) {
    free(s);
    s = NULL;
  }
  fclose(f);
  if (s != NULL) {
    s[n] = '\0';
    if (len != NULL) *len = (size_t)n;
  }
  return s;
}

#endif
