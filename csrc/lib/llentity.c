/*
** llentity.c: the entities of a catalogue found in a document.
** Names are keyed (normal forms of words, punctuation between them) and
** matched as phrases over the word index; overlaps go to the longest.
*/
#include <stdlib.h>
#include <string.h>

#include "llentity.h"

struct ll_EntSet {
  ll_Mem mem;
  ll_Mention *m;
  size_t n;
};

/* A match before overlaps are resolved. */
typedef struct Cand {
  ll_Mention mn;
} Cand;

/* ------------------------------------------------------------------ */
/* Keys                                                                */
/* ------------------------------------------------------------------ */

/* Appends the separator s[0, n) to out: U+2019 as ', white space runs as
** one space (only between two non-space pieces: *pend remembers one). */
static int addsep(ll_Mem *m, ll_Buf *out, const char *s, size_t n, int *pend) {
  size_t i = 0;
  while (i < n) {
    long cp;
    size_t k = ll_utf8_decode(s + i, n - i, &cp);
    if (k == 0) k = 1;
    if (ll_utf8_isspace(cp)) {
      *pend = 1;
    } else {
      if (*pend && out->n > 0 && ll_buf_addc(m, out, ' ') != LL_OK) return LL_ERRMEM;
      *pend = 0;
      if (cp == 0x2019) {
        if (ll_buf_addc(m, out, '\'') != LL_OK) return LL_ERRMEM;
      } else if (ll_buf_add(m, out, s + i, k) != LL_OK) {
        return LL_ERRMEM;
      }
    }
    i += k;
  }
  return LL_OK;
}

int ll_ent_key(ll_Mem *m, const char *s, size_t len, ll_Buf *out) {
  ll_Buf w;
  size_t at = 0, st, en, prev = 0;
  int pend = 0, status = LL_OK;
  out->n = 0;
  if (ll_buf_add(m, out, "", 0) != LL_OK) return LL_ERRMEM;
  ll_buf_init(&w);
  while (ll_word_next(s, len, &at, &st, &en)) {
    if (addsep(m, out, s + prev, st - prev, &pend) != LL_OK ||
        ll_word_norm(m, s + st, en - st, &w) != LL_OK ||
        (pend && out->n > 0 && ll_buf_addc(m, out, ' ') != LL_OK) ||
        ll_buf_add(m, out, w.p, w.n) != LL_OK) {
      status = LL_ERRMEM;
      break;
    }
    pend = 0;
    prev = en;
  }
  if (status == LL_OK) status = addsep(m, out, s + prev, len - prev, &pend);
  ll_buf_free(m, &w);
  return status;
}

/* ------------------------------------------------------------------ */
/* Punctuation around a match                                          */
/* ------------------------------------------------------------------ */

/* Does the key k[0, kn) (punctuation, maybe spaces) stand in t from byte
** at on? Returns the bytes it covers, or (size_t)-1. */
static size_t matchfwd(const char *t, size_t tn, size_t at, const char *k, size_t kn) {
  size_t i, p = at;
  for (i = 0; i < kn; i++) {
    if (k[i] == ' ') {
      size_t q = p;
      while (q < tn) {
        long cp;
        size_t c = ll_utf8_decode(t + q, tn - q, &cp);
        if (c == 0 || !ll_utf8_isspace(cp)) break;
        q += c;
      }
      if (q == p) return (size_t)-1;
      p = q;
    } else if (k[i] == '\'' && p + 3 <= tn && memcmp(t + p, "\xE2\x80\x99", 3) == 0) {
      p += 3;
    } else if (p < tn && t[p] == k[i]) {
      p++;
    } else {
      return (size_t)-1;
    }
  }
  return p - at;
}

/* Does the key k[0, kn) stand in t right before byte at? Returns the bytes
** it covers, or (size_t)-1. */
static size_t matchback(const char *t, size_t at, const char *k, size_t kn) {
  size_t i = kn, p = at;
  while (i > 0) {
    char c = k[--i];
    if (c == ' ') {
      size_t q = p;
      for (;;) {
        if (q >= 1 && (t[q - 1] == ' ' || t[q - 1] == '\t' || t[q - 1] == '\n' || t[q - 1] == '\r'))
          q--;
        else if (q >= 2 && (unsigned char)t[q - 2] == 0xC2 && (unsigned char)t[q - 1] == 0xA0)
          q -= 2;
        else
          break;
      }
      if (q == p) return (size_t)-1;
      p = q;
    } else if (c == '\'' && p >= 3 && memcmp(t + p - 3, "\xE2\x80\x99", 3) == 0) {
      p -= 3;
    } else if (p >= 1 && t[p - 1] == c) {
      p--;
    } else {
      return (size_t)-1;
    }
  }
  return at - p;
}

/* ------------------------------------------------------------------ */
/* Matching                                                            */
/* ------------------------------------------------------------------ */

/* longest first, then document order, then the lowest entry and form */
static int bylength(const void *a, const void *b) {
  const ll_Mention *x = &((const Cand *)a)->mn, *y = &((const Cand *)b)->mn;
  if (x->hit.len != y->hit.len) return x->hit.len > y->hit.len ? -1 : 1;
  if (x->hit.tok != y->hit.tok) return x->hit.tok < y->hit.tok ? -1 : 1;
  if (x->ent != y->ent) return x->ent < y->ent ? -1 : 1;
  if (x->form != y->form) return x->form < y->form ? -1 : 1;
  return 0;
}

/* document order */
static int byplace(const void *a, const void *b) {
  const ll_Mention *x = (const ll_Mention *)a, *y = (const ll_Mention *)b;
  if (x->hit.tok != y->hit.tok) return x->hit.tok < y->hit.tok ? -1 : 1;
  return 0;
}

/* Working memory of one build, freed whatever happens. */
typedef struct Work {
  ll_Query q;
  ll_Vec hits;  /* of ll_Hit */
  ll_Vec cands; /* of Cand */
  ll_Buf key, inner, lead, trail, w;
  unsigned char *taken;
  size_t ntaken;
} Work;

static void work_free(ll_Mem *m, Work *k) {
  ll_query_free(m, &k->q);
  ll_vec_free(m, &k->hits);
  ll_vec_free(m, &k->cands);
  ll_buf_free(m, &k->key);
  ll_buf_free(m, &k->inner);
  ll_buf_free(m, &k->lead);
  ll_buf_free(m, &k->trail);
  ll_buf_free(m, &k->w);
  ll_free(m, k->taken, k->ntaken);
}

/* Pushes onto k->cands the places where form f (number fi) matches. */
static int matchform(ll_Doc *d, Work *k, const ll_EntForm *f, size_t fi) {
  ll_Mem *m = &d->mem;
  const ll_Index *ix = d->index;
  size_t at = 0, st, en, first = 0, last = 0, nw = 0, i;
  while (ll_word_next(f->s, f->len, &at, &st, &en)) {
    if (nw++ == 0) first = st;
    last = en;
  }
  if (nw == 0) return LL_OK;
  if (ll_ent_key(m, f->s + first, last - first, &k->inner) != LL_OK ||
      ll_ent_key(m, f->s, first, &k->lead) != LL_OK ||
      ll_ent_key(m, f->s + last, f->len - last, &k->trail) != LL_OK)
    return LL_ERRMEM;
  ll_query_free(m, &k->q);
  ll_query_init(&k->q);
  at = 0;
  while (ll_word_next(f->s, f->len, &at, &st, &en)) {
    if (ll_word_norm(m, f->s + st, en - st, &k->w) != LL_OK ||
        ll_query_word(m, &k->q, k->w.p, k->w.n, 0) != LL_OK)
      return LL_ERRMEM;
  }
  k->hits.n = 0;
  if (ll_index_match(m, ix, &k->q, LL_SCOPE_ANY, &k->hits, NULL) != LL_OK) return LL_ERRMEM;
  for (i = 0; i < k->hits.n; i++) {
    const ll_Hit *h = (const ll_Hit *)k->hits.p + i;
    const ll_Seg *sg = &d->segs[h->seg];
    size_t lb, tb;
    Cand *c;
    if (ll_ent_key(m, sg->text + h->pos, h->len, &k->key) != LL_OK) return LL_ERRMEM;
    if (k->key.n != k->inner.n || memcmp(k->key.p, k->inner.p, k->key.n) != 0) continue;
    lb = matchback(sg->text, h->pos, k->lead.p, k->lead.n);
    tb = matchfwd(sg->text, sg->len, h->pos + h->len, k->trail.p, k->trail.n);
    if (lb == (size_t)-1 || tb == (size_t)-1) continue;
    c = (Cand *)ll_vec_push(m, &k->cands);
    if (c == NULL) return LL_ERRMEM;
    c->mn.hit = *h;
    c->mn.hit.pos -= lb;
    c->mn.hit.len += lb + tb;
    c->mn.ent = f->ent;
    c->mn.form = fi;
  }
  return LL_OK;
}

static void freeset(ll_EntSet *es) {
  ll_ents_free(es);
}

/* Keeps the candidates that overlap no longer one, in document order, as
** the new set of d. */
static int resolve(ll_Doc *d, Work *k) {
  ll_Mem *m = &d->mem;
  Cand *c = (Cand *)k->cands.p;
  size_t i, j, n = 0, nt = ll_index_size(d->index);
  ll_EntSet *es;
  if (k->cands.n > 0) qsort(c, k->cands.n, sizeof *c, bylength);
  k->ntaken = nt ? nt : 1;
  k->taken = (unsigned char *)ll_malloc(m, k->ntaken);
  if (k->taken == NULL) {
    k->ntaken = 0;
    return LL_ERRMEM;
  }
  memset(k->taken, 0, k->ntaken);
  for (i = 0; i < k->cands.n; i++) {
    const ll_Hit *h = &c[i].mn.hit;
    int ok = 1;
    for (j = h->tok; j < h->tok + h->ntok; j++)
      if (k->taken[j]) {
        ok = 0;
        break;
      }
    if (!ok) continue;
    for (j = h->tok; j < h->tok + h->ntok; j++) k->taken[j] = 1;
    c[n++] = c[i];
  }
  es = (ll_EntSet *)ll_malloc(m, sizeof *es);
  if (es == NULL) return LL_ERRMEM;
  es->mem = *m;
  es->n = n;
  es->m = NULL;
  if (n > 0) {
    es->m = (ll_Mention *)ll_malloc(m, n * sizeof(ll_Mention));
    if (es->m == NULL) {
      ll_free(m, es, sizeof *es);
      return LL_ERRMEM;
    }
    for (i = 0; i < n; i++) es->m[i] = c[i].mn;
    qsort(es->m, n, sizeof(ll_Mention), byplace);
  }
  if (d->ents != NULL && d->freeents != NULL) d->freeents(d->ents);
  d->ents = es;
  d->freeents = freeset;
  return LL_OK;
}

int ll_ents_build(ll_Doc *d, const ll_EntForm *forms, size_t nforms) {
  Work k;
  size_t i;
  int st = LL_OK;
  if (d->index == NULL) {
    st = ll_index_build(d);
    if (st != LL_OK) return st;
  }
  st = ll_index_postings(d->index); /* one a count built without them */
  if (st != LL_OK) return st;
  ll_query_init(&k.q);
  ll_vec_init(&k.hits, sizeof(ll_Hit));
  ll_vec_init(&k.cands, sizeof(Cand));
  ll_buf_init(&k.key);
  ll_buf_init(&k.inner);
  ll_buf_init(&k.lead);
  ll_buf_init(&k.trail);
  ll_buf_init(&k.w);
  k.taken = NULL;
  k.ntaken = 0;
  for (i = 0; i < nforms && st == LL_OK; i++) st = matchform(d, &k, &forms[i], i);
  if (st == LL_OK) st = resolve(d, &k);
  work_free(&d->mem, &k);
  return st;
}

const ll_Mention *ll_ents_mentions(const ll_EntSet *es, size_t *n) {
  *n = es ? es->n : 0;
  return es ? es->m : NULL;
}

void ll_ents_free(ll_EntSet *es) {
  ll_Mem m;
  if (es == NULL) return;
  m = es->mem;
  ll_free(&m, es->m, es->n * sizeof(ll_Mention));
  ll_free(&m, es, sizeof *es);
}
