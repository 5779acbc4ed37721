/*
** llswar.h: eight bytes at a time (SWAR, SIMD within a register): the
** constants and the usual tests on a 64-bit word of text, for the scanners
** of the readers and the sentence splitter. Knows no Lua; no state.
*/
#ifndef LLSWAR_H
#define LLSWAR_H

#include <stdint.h>
#include <string.h>

/* 0x01 and 0x80 in each of the eight bytes of a word */
#define LL_ONES  0x0101010101010101u
#define LL_HIGHS 0x8080808080808080u

/* nonzero when a byte of v is below n (n <= 128) */
#define LL_HASLESS(v, n) (((v)-LL_ONES * (uint64_t)(n)) & ~(v)&LL_HIGHS)
/* nonzero when a byte of v is above n (n <= 127) */
#define LL_HASMORE(v, n) ((((v) + LL_ONES * (uint64_t)(127 - (n))) | (v)) & LL_HIGHS)
/* nonzero when a byte of v is the byte c */
#define LL_HASBYTE(v, c) LL_HASLESS((v) ^ (LL_ONES * (uint64_t)(unsigned char)(c)), 1)

/* The eight bytes at s as one word (any alignment). */
static inline uint64_t ll_load8(const char *s) {
  uint64_t v;
  memcpy(&v, s, 8);
  return v;
}

#endif
