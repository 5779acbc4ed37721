/*
** collide.h: words that share one FNV-1a hash, for the index's hardening
** (csrc/test/test_harden.c) and its fuzz harness (csrc/fuzz/fuzz_big.c):
** pairs of blocks of lowercase letters that FNV-1a takes from one state to
** one state, found by a birthday search; a word of one block of each of s
** such pairs is one of 2^s words with one hash (Joux's multicollision).
** Static inline; the search's table comes from malloc.
*/
#ifndef COLLIDE_H
#define COLLIDE_H

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#define FNV_BASIS 2166136261u
#define BLOCK     6          /* letters a block */
#define TRIES     (1u << 18) /* blocks tried a stage: 8 pairs expected */

/* FNV-1a of s[0, n) from state h. */
static inline uint32_t fnv(uint32_t h, const char *s, size_t n) {
  size_t i;
  for (i = 0; i < n; i++) h = (h ^ (unsigned char)s[i]) * 16777619u;
  return h;
}

/* The i-th block of BLOCK lowercase letters (i scrambled first, so the
** blocks tried differ in every letter). */
static inline void block(uint32_t i, char *out) {
  uint64_t x = (uint64_t)i * 0x9E3779B97F4A7C15u;
  int k;
  x ^= x >> 29;
  for (k = 0; k < BLOCK; k++) {
    out[k] = (char)('a' + x % 26);
    x /= 26;
  }
}

/* Finds two blocks x and y that FNV-1a takes from state h to one state,
** *next (a birthday search over TRIES blocks); 0 if none (or no memory). */
static inline int collide(uint32_t h, char *x, char *y, uint32_t *next) {
  uint32_t size = 1u << 20, i;
  uint32_t *tab = (uint32_t *)calloc(size, sizeof *tab); /* block + 1 by hash */
  int found = 0;
  if (tab == NULL) return 0;
  for (i = 0; i < TRIES && !found; i++) {
    char b[BLOCK];
    uint32_t v, k;
    block(i, b);
    v = fnv(h, b, BLOCK);
    for (k = (v * 2654435761u) >> 12; tab[k] != 0; k = (k + 1) & (size - 1)) {
      char o[BLOCK];
      block(tab[k] - 1, o);
      if (fnv(h, o, BLOCK) == v && memcmp(o, b, BLOCK) != 0) {
        memcpy(x, o, BLOCK);
        memcpy(y, b, BLOCK);
        *next = v;
        found = 1;
        break;
      }
    }
    if (!found) tab[k] = i + 1;
  }
  free(tab);
  return found;
}

#endif
