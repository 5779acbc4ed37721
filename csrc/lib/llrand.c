/*
** llrand.c: the random numbers of quizzes (xoshiro128**, Blackman and Vigna).
** Seeded through a 32-bit integer hash; uniform draws below n by rejection.
** Pure integer arithmetic over uint32_t: the same numbers everywhere.
*/
#include "llrand.h"

static uint32_t rotl(uint32_t x, int k) {
  return (x << k) | (x >> (32 - k));
}

/* A bijective 32-bit mixer (Wellons' "lowbias32"): every input bit moves
** about half of the output bits. */
static uint32_t mix32(uint32_t x) {
  x ^= x >> 16;
  x *= UINT32_C(0x7feb352d);
  x ^= x >> 15;
  x *= UINT32_C(0x846ca68b);
  x ^= x >> 16;
  return x;
}

void ll_rand_seed(ll_Rand *r, uint64_t seed) {
  uint32_t lo = (uint32_t)(seed & UINT32_C(0xffffffff));
  uint32_t hi = (uint32_t)(seed >> 32);
  /* a Weyl sequence from the mixed seed, each step mixed again: the four
  ** inputs differ, and mix32 is a bijection, so at most one word is 0 */
  uint32_t x = mix32(lo ^ mix32(hi + UINT32_C(0x85ebca6b)));
  int i;
  for (i = 0; i < 4; i++) {
    x += UINT32_C(0x9e3779b9);
    r->s[i] = mix32(x);
  }
}

uint32_t ll_rand_next(ll_Rand *r) {
  uint32_t *s = r->s;
  uint32_t result = rotl(s[1] * 5u, 7) * 9u;
  uint32_t t = s[1] << 9;
  s[2] ^= s[0];
  s[3] ^= s[1];
  s[1] ^= s[2];
  s[0] ^= s[3];
  s[2] ^= t;
  s[3] = rotl(s[3], 11);
  return result;
}

uint32_t ll_rand_below(ll_Rand *r, uint32_t n) {
  uint32_t threshold, x;
  if (n == 0) return 0;
  /* 2^32 mod n, computed in 32 bits: draws below it would favour the
  ** small results, so they are drawn again */
  threshold = (uint32_t)(0u - n) % n;
  do {
    x = ll_rand_next(r);
  } while (x < threshold);
  return x % n;
}
