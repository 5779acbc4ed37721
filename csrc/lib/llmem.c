/*
** llmem.c: memory for the leninletter library.
** Every byte goes through the caller's allocator (Lua's, from the binding),
** so Lua accounts for it and tests can make any allocation fail.
*/
#include <stdlib.h>
#include <string.h>

#include "ll.h"

void *ll_malloc(ll_Mem *m, size_t n) {
  return m->f(m->ud, NULL, 0, n);
}

void *ll_realloc(ll_Mem *m, void *p, size_t oldn, size_t newn) {
  return m->f(m->ud, p, oldn, newn);
}

void ll_free(ll_Mem *m, void *p, size_t n) {
  if (p != NULL) m->f(m->ud, p, n, 0);
}

void *ll_stdalloc(void *ud, void *ptr, size_t osize, size_t nsize) {
  (void)ud;
  (void)osize;
  if (nsize == 0) {
    free(ptr);
    return NULL;
  }
  return realloc(ptr, nsize);
}

/* ------------------------------------------------------------------ */
/* Arena                                                               */
/* ------------------------------------------------------------------ */

/* Chunks grow with the arena: the first is small (a document of a tiny
** page costs little: 100,000 of them took 804 MB with a fixed 8 KB first
** chunk), each next one twice the last, up to CHUNK_MAX; a block larger
** than that gets a chunk of its own. */
#define CHUNK_FIRST 512
#define CHUNK_MAX   65536
#define ALIGN       (sizeof(void *) > sizeof(double) ? sizeof(void *) : sizeof(double))

struct ll_Chunk {
  ll_Chunk *next;
  size_t size, used; /* size of data[] and bytes taken */
  union {
    double d;
    void *p;
  } data[1];
};

void ll_arena_init(ll_Arena *a, ll_Mem *m) {
  a->mem = m;
  a->head = NULL;
}

void *ll_arena_alloc(ll_Arena *a, size_t n) {
  ll_Chunk *c = a->head;
  size_t need = (n + ALIGN - 1) / ALIGN * ALIGN;
  if (need < n) return NULL; /* overflow */
  if (c == NULL || c->size - c->used < need) {
    size_t grow = c == NULL ? CHUNK_FIRST : c->size < CHUNK_MAX / 2 ? c->size * 2 : CHUNK_MAX;
    size_t size = need > grow ? need : grow;
    if (size > (size_t)-1 - sizeof(ll_Chunk)) return NULL;
    c = (ll_Chunk *)ll_malloc(a->mem, sizeof(ll_Chunk) + size);
    if (c == NULL) return NULL;
    c->size = size;
    c->used = 0;
    /* a big block gets a chunk of its own behind the head, so the rest of
       the current chunk stays usable */
    if (a->head != NULL && size == need && need > grow) {
      c->next = a->head->next;
      a->head->next = c;
    } else {
      c->next = a->head;
      a->head = c;
    }
  }
  {
    void *p = (char *)c->data + c->used;
    c->used += need;
    return p;
  }
}

void *ll_arena_memdup(ll_Arena *a, const void *p, size_t n) {
  void *q = ll_arena_alloc(a, n ? n : 1);
  if (q != NULL && n > 0) memcpy(q, p, n);
  return q;
}

char *ll_arena_strndup(ll_Arena *a, const char *s, size_t n) {
  char *q = (char *)ll_arena_alloc(a, n + 1);
  if (q == NULL) return NULL;
  if (n > 0) memcpy(q, s, n);
  q[n] = '\0';
  return q;
}

void ll_arena_free(ll_Arena *a) {
  ll_Chunk *c = a->head;
  while (c != NULL) {
    ll_Chunk *next = c->next;
    ll_free(a->mem, c, sizeof(ll_Chunk) + c->size);
    c = next;
  }
  a->head = NULL;
}

/* ------------------------------------------------------------------ */
/* Vectors and buffers                                                 */
/* ------------------------------------------------------------------ */

void ll_vec_init(ll_Vec *v, size_t esz) {
  v->p = NULL;
  v->n = v->cap = 0;
  v->esz = esz;
}

int ll_vec_reserve(ll_Mem *m, ll_Vec *v, size_t extra) {
  size_t cap;
  char *p;
  if (v->cap - v->n >= extra) return LL_OK;
  if (extra > ((size_t)-1 / v->esz) - v->n) return LL_ERRMEM;
  cap = v->cap < 8 ? 8 : v->cap;
  while (cap < v->n + extra) {
    if (cap > ((size_t)-1 / v->esz) / 2) {
      cap = v->n + extra;
      break;
    }
    cap *= 2;
  }
  p = (char *)ll_realloc(m, v->p, v->cap * v->esz, cap * v->esz);
  if (p == NULL) return LL_ERRMEM;
  v->p = p;
  v->cap = cap;
  return LL_OK;
}

void *ll_vec_push(ll_Mem *m, ll_Vec *v) {
  void *slot;
  if (ll_vec_reserve(m, v, 1) != LL_OK) return NULL;
  slot = v->p + v->n * v->esz;
  memset(slot, 0, v->esz);
  v->n++;
  return slot;
}

void ll_vec_free(ll_Mem *m, ll_Vec *v) {
  ll_free(m, v->p, v->cap * v->esz);
  v->p = NULL;
  v->n = v->cap = 0;
}

void *ll_vec_seal(ll_Arena *a, const ll_Vec *v, int *status) {
  void *q;
  if (v->n == 0) return NULL;
  q = ll_arena_memdup(a, v->p, v->n * v->esz);
  if (q == NULL) *status = LL_ERRMEM;
  return q;
}

void ll_buf_init(ll_Buf *b) {
  b->p = NULL;
  b->n = b->cap = 0;
}

int ll_buf_add(ll_Mem *m, ll_Buf *b, const char *s, size_t n) {
  if (b->cap - b->n < n + 1) {
    size_t cap = b->cap < 64 ? 64 : b->cap;
    char *p;
    if (n + 1 > (size_t)-1 / 2 - b->n) return LL_ERRMEM;
    while (cap < b->n + n + 1) cap *= 2;
    p = (char *)ll_realloc(m, b->p, b->cap, cap);
    if (p == NULL) return LL_ERRMEM;
    b->p = p;
    b->cap = cap;
  }
  if (n > 0) memcpy(b->p + b->n, s, n);
  b->n += n;
  b->p[b->n] = '\0';
  return LL_OK;
}

int ll_buf_addc(ll_Mem *m, ll_Buf *b, int c) {
  char ch = (char)c;
  return ll_buf_add(m, b, &ch, 1);
}

void ll_buf_free(ll_Mem *m, ll_Buf *b) {
  ll_free(m, b->p, b->cap);
  b->p = NULL;
  b->n = b->cap = 0;
}
