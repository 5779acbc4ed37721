/*
** llrand.h: the random numbers of quizzes: xoshiro128** over uint32_t.
** Integer arithmetic only, so one seed gives the same numbers on every
** platform and under every Lua. Knows no Lua; the state is the caller's.
*/
#ifndef LLRAND_H
#define LLRAND_H

#include <stdint.h>

/* A generator: four words of state, never all zero once seeded. */
typedef struct ll_Rand {
  uint32_t s[4];
} ll_Rand;

/* Seeds r from a 64-bit seed (a Lua integer, as unsigned): its two halves
** go through a 32-bit mixer, so nearby seeds give unrelated streams. */
void ll_rand_seed(ll_Rand *r, uint64_t seed);

/* The next 32 random bits. */
uint32_t ll_rand_next(ll_Rand *r);

/* A uniform integer in [0, n), for 1 <= n; unbiased (rejection of the
** 2^32 mod n lowest draws). Returns 0 for n == 0. */
uint32_t ll_rand_below(ll_Rand *r, uint32_t n);

#endif
