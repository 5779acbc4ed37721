/*
** llindex.c: the word index of a document or of a corpus, and the queries
** it answers. Tokens in flat arrays, a hash table of normal forms, postings
** per word (a document's index); a corpus index spans many documents'
** segments with one vocabulary, compact postings. Matching (phrases,
** wildcards at either end, variants, co-occurrence), concordance sorts,
** frequencies, n-grams, collocates, dispersion, and per document: counts,
** sizes, document frequencies and keywords.
*/
#include <math.h>
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "ll.h"
#include "llindex.h"

#define NPARTS 5

/* One word of the vocabulary. */
typedef struct Word {
  uint32_t off, len; /* normal form at chars + off, '\0'-terminated */
  uint32_t hash;
  uint32_t post;      /* its token indices are post[post .. post + total) */
  uint32_t n[NPARTS]; /* count per part */
} Word;

/* A cursor over a block of a mapped index's vocabulary (see "The
** vocabulary as an index file keeps it"): word b * VBLOCK + j is next, its
** entry at byte at (the block's end at eend), its normal form at off (the
** block's end at cend), the previous word's postings at post (the
** block's end at pend). */
typedef struct VCur {
  size_t b, j, at, eend, off, cend;
  uint32_t post, pend;
  int live;
} VCur;

struct ll_Index {
  ll_Mem mem;
  const ll_Doc *doc;   /* the document of a document's index, else NULL */
  const ll_Seg *segs;  /* a document's index: doc->segs */
  const ll_Seg **segv; /* a corpus index: every document's segments (from
                          segbase on, while built page by page) */
  size_t segbase;
  const ll_SegTable *segtab; /* a mapped index: where its segments are */
  int nockpt;                /* built page by page: no checkpoints kept */
  size_t segcap, doccap;     /* built page by page: room in segstart, docseg */
  int mapped;                /* the arrays below are not the index's own */
  ll_Doc *const *docs;       /* a corpus index: its documents (not owned) ... */
  size_t ndocs;              /* ... how many ... */
  uint32_t *docseg;          /* ... and ndocs + 1 entries: first segment of each */
  void *word;                /* the tokens: word id of each, uint16_t while narrow
                          (a corpus index of < 65536 words), else uint32_t;
                          read with WID */
  int narrow;
  uint32_t *pos; /* byte offset of each in its segment, or NULL (a
                              corpus index: found again by scanning) */
  size_t ntok, tokcap, poscap;
  uint32_t *ckpt; /* a corpus index: byte offset of every CKPT-th token, in
                     its segment (a scan for a token starts there) */
  size_t ckcap;
  size_t cktok, ckfirst; /* built in two halves: the second's first token and
                            first checkpoint (its checkpoints count from
                            there), else 0 and 0 */
  uint32_t *segstart;    /* nsegs + 1 entries: first token of each segment */
  size_t nsegs;
  Word *words;
  size_t nwords, wcap;
  char *chars; /* the normal forms */
  size_t nchars, ccap;
  uint32_t *slots; /* hash table: word id + 1, 0 when empty */
  size_t nslots;   /* a power of 2 */
  uint32_t seed;   /* of the hash, this index's own (see newseed) */
  int reseeds;     /* times a long probe made it change */
  /* a mapped index: its vocabulary where it lies (words NULL until a
     query over every word decodes them all, owned then): the packed
     entries after their block index, the hash table, the bits of an id in
     a slot, a cursor and the last entry decoded (caches) */
  const unsigned char *vwords;
  size_t nvwords, nblk;
  const unsigned char *vslots;
  size_t nvslots, slotw;
  unsigned idbits;
  VCur vc;
  Word vlast;
  uint32_t vlastid;
  int vlastok, ownwords;
  uint32_t *post;      /* ntok entries: token indices grouped by word */
  unsigned char *pvar; /* or (a corpus index): the same as varints (see
                           varpostings), words[w].post their byte offset */
  size_t npvar;
  size_t npart[NPARTS]; /* tokens per part */
  int lazypost;         /* a document's index: postings made by ll_index_postings,
                           on the first query that walks them (until then, and
                           should making them fail, queries scan the tokens) */
};

/* ------------------------------------------------------------------ */
/* Building                                                            */
/* ------------------------------------------------------------------ */

#define CKPTBITS 4 /* a checkpoint every 16 tokens: 1 byte a token */
#define WSZ(ix)  ((ix)->narrow ? sizeof(uint16_t) : sizeof(uint32_t))
#define WID(ix, t) \
  ((ix)->narrow ? (uint32_t)((const uint16_t *)(ix)->word)[t] : ((const uint32_t *)(ix)->word)[t])
#define SEG(ix, s) ((ix)->segv != NULL ? (ix)->segv[(s) - (ix)->segbase] : &(ix)->segs[s])

/* Segment s, read from a mapped index's table into *tmp, else in place. */
static const ll_Seg *segat(const ll_Index *ix, size_t s, ll_Seg *tmp) {
  if (ix->segtab != NULL) {
    ix->segtab->seg(ix->segtab->ud, s, tmp);
    return tmp;
  }
  return SEG(ix, s);
}

/* A mapped index checked as it is read (see ll_SegTable): may segment
** seg's token starts and ids be read? May every segment's? Always yes for
** an index checked whole. A query skips what they refuse. */
static int segok(const ll_Index *ix, size_t seg) {
  return ix->segtab == NULL || ix->segtab->touch == NULL || ix->segtab->touch(ix->segtab->ud, seg);
}

static int allok(const ll_Index *ix) {
  return ix->segtab == NULL || ix->segtab->all == NULL || ix->segtab->all(ix->segtab->ud);
}

/* The normal forms are hashed with FNV-1a started from the index's own
** seed instead of FNV's fixed offset: words crafted to share one FNV-1a
** hash (easily found, and as easily put in a page) made every lookup walk
** all of them, so indexing 2^16 of them took 13 s, against 0.07 s for as
** many random words. Each index draws its seed from its own address, the
** time and the processor clock, mixed; a lookup that probes more than
** PROBE_MAX slots draws a new one and rehashes (at most MAXRESEED times),
** so no one page can keep the probes long. */
#define PROBE_MAX 48
#define MAXRESEED 8

/* a 32-bit finaliser (MurmurHash3's): every input bit moves every output bit */
static uint32_t mix32(uint32_t h) {
  h ^= h >> 16;
  h *= 0x85ebca6bu;
  h ^= h >> 13;
  h *= 0xc2b2ae35u;
  h ^= h >> 16;
  return h;
}

/* A seed from address a (an index, or the words of a mapped one), never
** the same twice in a row for it. */
static uint32_t seedfrom(const void *a, uint32_t old, int n) {
  uint32_t x = (uint32_t)(size_t)a, t = (uint32_t)time(NULL), c = (uint32_t)clock();
  return mix32(x ^ mix32(t + 0x9e3779b9u * (uint32_t)(n + 1)) ^ mix32(c) ^ old) | 1u;
}

static uint32_t newseed(const ll_Index *ix, uint32_t old) {
  return seedfrom(ix, old, ix->reseeds);
}

/* FNV-1a from the index's seed */
static uint32_t hashof(const ll_Index *ix, const char *s, size_t n) {
  uint32_t h = ix->seed;
  size_t i;
  for (i = 0; i < n; i++) {
    h ^= (unsigned char)s[i];
    h *= 16777619u;
  }
  return h;
}

/* Grows the array *p of *cap elements of size esz to hold need elements. */
static int grow(ll_Mem *m, void **p, size_t *cap, size_t esz, size_t need) {
  size_t nc = *cap < 16 ? 16 : *cap;
  void *q;
  if (need <= *cap) return LL_OK;
  while (nc < need) {
    if (nc > ((size_t)-1 / esz) / 2) return LL_ERRMEM;
    nc *= 2;
  }
  q = ll_realloc(m, *p, *cap * esz, nc * esz);
  if (q == NULL) return LL_ERRMEM;
  *p = q;
  *cap = nc;
  return LL_OK;
}

/* Resizes the array *p of *cap elements of size esz to exactly n (n > 0). */
static int resize(ll_Mem *m, void **p, size_t *cap, size_t esz, size_t n) {
  void *q;
  if (n > (size_t)-1 / esz) return LL_ERRMEM;
  q = ll_realloc(m, *p, *cap * esz, n * esz);
  if (q == NULL) return LL_ERRMEM;
  *p = q;
  *cap = n;
  return LL_OK;
}

/* Makes narrow word ids uint32_t (a word id past 0xFFFF came). */
static int widen(ll_Index *ix) {
  size_t cap = ix->tokcap ? ix->tokcap : 1, i;
  char *q =
      (char *)ll_realloc(&ix->mem, ix->word, ix->tokcap * sizeof(uint16_t), cap * sizeof(uint32_t));
  if (q == NULL) return LL_ERRMEM;
  for (i = ix->ntok; i-- > 0;) { /* from the end: no id is overwritten unread */
    uint16_t a;
    uint32_t b;
    memcpy(&a, q + i * sizeof a, sizeof a);
    b = a;
    memcpy(q + i * sizeof b, &b, sizeof b);
  }
  ix->word = q;
  ix->tokcap = cap;
  ix->narrow = 0;
  return LL_OK;
}

/* Room for one more token: a document's arrays double; a corpus index's
** grow by a quarter (they are large, and the first guess is near). */
static int growtok(ll_Index *ix) {
  size_t n = ix->ntok + 1;
  if (ix->pos == NULL) {
    n = ix->ntok + ix->ntok / 4 + 1024;
    if (n > LL_MAXTOKENS) n = LL_MAXTOKENS;
    return ix->ntok < ix->tokcap ? LL_OK
                                 : resize(&ix->mem, (void **)&ix->word, &ix->tokcap, WSZ(ix), n);
  }
  if (grow(&ix->mem, (void **)&ix->word, &ix->tokcap, sizeof(uint32_t), n) != LL_OK)
    return LL_ERRMEM;
  return grow(&ix->mem, (void **)&ix->pos, &ix->poscap, sizeof(uint32_t), n);
}

/* Doubles the hash table and puts every word back. */
static int rehash(ll_Index *ix) {
  size_t ns = ix->nslots ? ix->nslots * 2 : 1024, i;
  if (ix->seed == 0) ix->seed = newseed(ix, 0);
  uint32_t *sl;
  if (ns > ((size_t)-1 / sizeof *sl)) return LL_ERRMEM;
  sl = (uint32_t *)ll_malloc(&ix->mem, ns * sizeof *sl);
  if (sl == NULL) return LL_ERRMEM;
  memset(sl, 0, ns * sizeof *sl);
  for (i = 0; i < ix->nwords; i++) {
    size_t k = ix->words[i].hash & (ns - 1);
    while (sl[k] != 0) k = (k + 1) & (ns - 1);
    sl[k] = (uint32_t)i + 1;
  }
  ll_free(&ix->mem, ix->slots, ix->nslots * sizeof *sl);
  ix->slots = sl;
  ix->nslots = ns;
  return LL_OK;
}

/* Are a[0, n) and b[0, n) the same bytes? Inline, eight at a time: most
** words are short, and a call to memcmp for each token cost more than the
** comparing (issue #16). */
static int samebytes(const char *a, const char *b, size_t n) {
  while (n >= 8) {
    uint64_t x, y;
    memcpy(&x, a, 8);
    memcpy(&y, b, 8);
    if (x != y) return 0;
    a += 8;
    b += 8;
    n -= 8;
  }
  while (n > 0) {
    if (*a++ != *b++) return 0;
    n--;
  }
  return 1;
}

/* Slot of the normal form s[0, n) of hash h: its id + 1, or 0 with *slot
** the empty slot where it would go; *probes (when not NULL) the slots
** looked at. */
static uint32_t findp(const ll_Index *ix, const char *s, size_t n, uint32_t h, size_t *slot,
                      size_t *probes) {
  size_t k = h & (ix->nslots - 1), np = 0;
  for (;; np++) {
    uint32_t e = ix->slots[k];
    if (e == 0) break;
    {
      const Word *w = &ix->words[e - 1];
      if (w->hash == h && w->len == n && samebytes(ix->chars + w->off, s, n)) return e;
    }
    k = (k + 1) & (ix->nslots - 1);
  }
  *slot = k;
  if (probes != NULL) *probes = np;
  return 0;
}

static uint32_t find(const ll_Index *ix, const char *s, size_t n, uint32_t h, size_t *slot) {
  return findp(ix, s, n, h, slot, NULL);
}

/* A new seed, every word hashed again with it, the table rebuilt. */
static void reseed(ll_Index *ix) {
  size_t i, k;
  ix->reseeds++;
  ix->seed = newseed(ix, ix->seed);
  memset(ix->slots, 0, ix->nslots * sizeof *ix->slots);
  for (i = 0; i < ix->nwords; i++) {
    Word *w = &ix->words[i];
    w->hash = hashof(ix, ix->chars + w->off, w->len);
    k = w->hash & (ix->nslots - 1);
    while (ix->slots[k] != 0) k = (k + 1) & (ix->nslots - 1);
    ix->slots[k] = (uint32_t)i + 1;
  }
}

/* Id of the normal form s[0, n), added to the vocabulary if new, or
** LL_NOWORD when out of memory. */
static uint32_t intern(ll_Index *ix, const char *s, size_t n) {
  uint32_t h, e;
  size_t slot, probes;
  Word *w;
  if (ix->nslots == 0 && rehash(ix) != LL_OK) return LL_NOWORD;
  h = hashof(ix, s, n);
  e = findp(ix, s, n, h, &slot, &probes);
  if (e != 0) return e - 1;
  if (probes > PROBE_MAX && ix->reseeds < MAXRESEED) { /* a crafted cluster */
    reseed(ix);
    h = hashof(ix, s, n);
    find(ix, s, n, h, &slot);
  }
  if ((ix->nwords + 1) * 2 > ix->nslots) {
    if (rehash(ix) != LL_OK) return LL_NOWORD;
    find(ix, s, n, h, &slot);
  }
  if (ix->nwords >= 0xFFFFFFF0u || ix->nchars + n + 1 > 0xFFFFFFF0u || n > 0xFFFFFFF0u)
    return LL_NOWORD;
  if (grow(&ix->mem, (void **)&ix->words, &ix->wcap, sizeof(Word), ix->nwords + 1) != LL_OK ||
      grow(&ix->mem, (void **)&ix->chars, &ix->ccap, 1, ix->nchars + n + 1) != LL_OK)
    return LL_NOWORD;
  w = &ix->words[ix->nwords];
  memset(w, 0, sizeof *w);
  w->off = (uint32_t)ix->nchars;
  w->len = (uint32_t)n;
  w->hash = h;
  memcpy(ix->chars + ix->nchars, s, n);
  ix->chars[ix->nchars + n] = '\0';
  ix->nchars += n + 1;
  ix->slots[slot] = (uint32_t)ix->nwords + 1;
  return (uint32_t)ix->nwords++;
}

void ll_index_free(ll_Index *ix) {
  ll_Mem m;
  if (ix == NULL) return;
  m = ix->mem;
  if (ix->mapped) {
    if (ix->ownwords) ll_free(&m, ix->words, (ix->nwords ? ix->nwords : 1) * sizeof(Word));
    ll_free(&m, ix, sizeof *ix);
    return;
  }
  ll_free(&m, ix->word, ix->tokcap * WSZ(ix));
  if (ix->pos != NULL) ll_free(&m, ix->pos, ix->poscap * sizeof(uint32_t));
  if (ix->segv != NULL)
    ll_free(&m, (void *)ix->segv, (ix->nsegs ? ix->nsegs : 1) * sizeof *ix->segv);
  ll_free(&m, ix->docseg,
          ix->docseg != NULL ? (ix->doccap ? ix->doccap : ix->ndocs + 1) * sizeof(uint32_t) : 0);
  if (ix->post != NULL) ll_free(&m, ix->post, (ix->ntok ? ix->ntok : 1) * sizeof(uint32_t));
  ll_free(&m, ix->pvar, ix->npvar);
  ll_free(&m, ix->ckpt, ix->ckcap * sizeof(uint32_t));
  ll_free(&m, ix->segstart, (ix->segcap ? ix->segcap : ix->nsegs + 1) * sizeof(uint32_t));
  ll_free(&m, ix->words, ix->wcap * sizeof(Word));
  ll_free(&m, ix->chars, ix->ccap);
  ll_free(&m, ix->slots, ix->nslots * sizeof(uint32_t));
  ll_free(&m, ix, sizeof *ix);
}

/* Bytes for the ASCII fast path: the byte folded to lower case when it
** is an ASCII letter or digit, 0 otherwise. */
static const unsigned char fold[256] = {
    0,   0,   0,   0,   0,   0,   0,   0,   0,   0,   0,   0,   0,   0,   0,   0,   0,   0,   0,
    0,   0,   0,   0,   0,   0,   0,   0,   0,   0,   0,   0,   0,   0,   0,   0,   0,   0,   0,
    0,   0,   0,   0,   0,   0,   0,   0,   0,   0,   '0', '1', '2', '3', '4', '5', '6', '7', '8',
    '9', 0,   0,   0,   0,   0,   0,   0,   'a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i', 'j', 'k',
    'l', 'm', 'n', 'o', 'p', 'q', 'r', 's', 't', 'u', 'v', 'w', 'x', 'y', 'z', 0,   0,   0,   0,
    0,   0,   'a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i', 'j', 'k', 'l', 'm', 'n', 'o', 'p', 'q',
    'r', 's', 't', 'u', 'v', 'w', 'x', 'y', 'z', 0,   0,   0,   0,   0
    /* the rest, bytes >= 0x80, are 0 */
};

#define ISW(c)         (fold[(unsigned char)(c)] != 0)
#define FNV_STEP(h, c) ((h) = ((h) ^ (unsigned char)(c)) * 16777619u)

#define WORDBUF 64

/* The next word of text[*ip, len): returns 0 when none is left; else sets
** its bytes [*ap, *bp), moves *ip past it and returns 1 with its normal
** form already in w[0, *kp) hashed to *hp (an ASCII word of up to WORDBUF
** bytes, read, folded and hashed in one pass), or 2 when the normal form
** is to be made by ll_word_norm. Anything not ASCII goes through
** ll_word_next, which defines what a word is. The index and the position
** scan of a corpus index both read words here, so they agree. */
static int nextword(const char *text, size_t len, size_t *ip, size_t *ap, size_t *bp, char *w,
                    size_t *kp, uint32_t *hp, uint32_t seed) {
  const unsigned char *u = (const unsigned char *)text;
  size_t i = *ip, a, k = 0;
  uint32_t h = seed;
  int slow = 0;
  while (i < len && u[i] < 0x80 && !ISW(u[i])) i++;
  if (i >= len) return 0;
  /* here u[i] is a word byte or >= 0x80 */
  a = i;
  if (u[i] < 0x80) {
    for (;;) {
      while (i < len && k < WORDBUF) {
        unsigned c = fold[u[i]];
        if (c == 0) break;
        i++;
        w[k++] = (char)c;
        FNV_STEP(h, c);
      }
      if (k >= WORDBUF) {
        slow = 1;
        break;
      }
      if (i + 1 < len && (u[i] == '-' || u[i] == '\'') && ISW(u[i + 1])) {
        w[k++] = (char)u[i];
        FNV_STEP(h, u[i]);
        i++;
        continue;
      }
      break;
    }
    if (i < len &&
        (u[i] >= 0x80 || ((u[i] == '-' || u[i] == '\'') && i + 1 < len && u[i + 1] >= 0x80)))
      slow = 1;
  } else {
    slow = 1;
  }
  if (slow) {
    size_t at = a, b;
    if (!ll_word_next(text, len, &at, &a, &b)) return 0;
    *ap = a;
    *bp = *ip = b;
    return 2;
  }
  *ap = a;
  *bp = *ip = i;
  *kp = k;
  *hp = h;
  return 1;
}

/* Tokenises every segment into ix (the vocabulary grows as words come). */
static int scan(ll_Index *ix) {
  ll_Buf nb;
  size_t s;
  int st = LL_OK;
  char w[WORDBUF];
  ll_buf_init(&nb);
  for (s = ix->segbase; s < ix->nsegs && st == LL_OK; s++) {
    const ll_Seg *sg = SEG(ix, s);
    size_t len = sg->len, i = 0;
    unsigned part = (unsigned)sg->part;
    ix->segstart[s] = (uint32_t)ix->ntok;
    if (len > LL_MAXSEGLEN) {
      st = LL_ERRINPUT;
      break;
    }
    for (;;) {
      size_t a, b, nlen = 0;
      uint32_t h = 0, id, e;
      const char *norm = w;
      int kind = nextword(sg->text, len, &i, &a, &b, w, &nlen, &h, ix->seed);
      if (kind == 0) break;
      if (kind == 2) {
        if (ll_word_norm(&ix->mem, sg->text + a, b - a, &nb) != LL_OK) {
          st = LL_ERRMEM;
          break;
        }
        norm = nb.p;
        nlen = nb.n;
        h = hashof(ix, norm, nlen);
      }
      if (ix->ntok >= ix->tokcap || (ix->pos != NULL && ix->ntok >= ix->poscap)) {
        if (ix->ntok >= LL_MAXTOKENS) {
          st = LL_ERRINPUT;
          break;
        }
        if (growtok(ix) != LL_OK) {
          st = LL_ERRMEM;
          break;
        }
      }
      {
        size_t slot;
        e = find(ix, norm, nlen, h, &slot);
        id = e != 0 ? e - 1 : intern(ix, norm, nlen);
      }
      if (id == LL_NOWORD) {
        st = LL_ERRMEM;
        break;
      }
      ix->words[id].n[part]++;
      ix->npart[part]++;
      if (ix->narrow && id > 0xFFFFu && widen(ix) != LL_OK) {
        st = LL_ERRMEM;
        break;
      }
      if (ix->narrow)
        ((uint16_t *)ix->word)[ix->ntok] = (uint16_t)id;
      else
        ((uint32_t *)ix->word)[ix->ntok] = id;
      if (ix->pos != NULL) ix->pos[ix->ntok] = (uint32_t)a;
      if (ix->pos == NULL && !ix->nockpt && (ix->ntok & ((1u << CKPTBITS) - 1)) == 0) {
        size_t j = ix->ntok >> CKPTBITS;
        if (grow(&ix->mem, (void **)&ix->ckpt, &ix->ckcap, sizeof(uint32_t), j + 1) != LL_OK) {
          st = LL_ERRMEM;
          break;
        }
        ix->ckpt[j] = (uint32_t)a;
      }
      ix->ntok++;
    }
  }
  if (st == LL_OK) ix->segstart[ix->nsegs] = (uint32_t)ix->ntok;
  ll_buf_free(&ix->mem, &nb);
  return st;
}

/* Groups token indices by word into ix->post. */
static int postings(ll_Index *ix) {
  uint32_t *fill;
  size_t i, acc = 0;
  ix->post = (uint32_t *)ll_malloc(&ix->mem, (ix->ntok ? ix->ntok : 1) * sizeof(uint32_t));
  fill = (uint32_t *)ll_malloc(&ix->mem, (ix->nwords ? ix->nwords : 1) * sizeof(uint32_t));
  if (ix->post == NULL || fill == NULL) {
    ll_free(&ix->mem, ix->post, (ix->ntok ? ix->ntok : 1) * sizeof(uint32_t));
    ll_free(&ix->mem, fill, (ix->nwords ? ix->nwords : 1) * sizeof(uint32_t));
    ix->post = NULL;
    return LL_ERRMEM;
  }
  for (i = 0; i < ix->nwords; i++) {
    const Word *w = &ix->words[i];
    size_t k, tot = 0;
    for (k = 0; k < NPARTS; k++) tot += w->n[k];
    ix->words[i].post = (uint32_t)acc;
    fill[i] = (uint32_t)acc;
    acc += tot;
  }
  for (i = 0; i < ix->ntok; i++) ix->post[fill[WID(ix, i)]++] = (uint32_t)i;
  ll_free(&ix->mem, fill, (ix->nwords ? ix->nwords : 1) * sizeof(uint32_t));
  return LL_OK;
}

/* bytes of v as a varint: 7 bits a byte, low first, the high bit set on
** all but the last. Without a loop: its exit, at 1 to 5 bytes as the gaps
** between a word's tokens come, was a branch mispredicted about once a
** token in varpostings' first pass (issue #16). */
static size_t varlen(uint32_t v) {
  return (size_t)1 + (v >= 1u << 7) + (v >= 1u << 14) + (v >= 1u << 21) + (v >= 1u << 28);
}

/* The postings of a corpus index, compact: for each word its tokens t in
** order, each written as the varint t - (previous t + 1) (the first as t),
** words back to back, word w's from byte words[w].post. About 1.3 bytes a
** token instead of 4. Without them (more than 4 GB of them) queries scan
** the tokens. */
static int varpostings(ll_Index *ix) {
  size_t nw = ix->nwords ? ix->nwords : 1, i, total = 0;
  uint32_t *last = (uint32_t *)ll_malloc(&ix->mem, nw * sizeof *last);
  uint32_t *at = (uint32_t *)ll_malloc(&ix->mem, nw * sizeof *at);
  int st = LL_OK;
  if (last == NULL || at == NULL) {
    st = LL_ERRMEM;
    goto done;
  }
  memset(last, 0, nw * sizeof *last);
  memset(at, 0, nw * sizeof *at);
  for (i = 0; i < ix->ntok; i++) { /* bytes per word */
    uint32_t w = WID(ix, i);
    size_t n = varlen((uint32_t)i - last[w]);
    at[w] += (uint32_t)n;
    last[w] = (uint32_t)i + 1;
    total += n;
  }
  if (total > 0xFFFFFFF0u) goto done; /* no postings: scans */
  total = 0;
  for (i = 0; i < ix->nwords; i++) {
    uint32_t n = at[i];
    ix->words[i].post = at[i] = (uint32_t)total;
    total += n;
    last[i] = 0;
  }
  ix->pvar = (unsigned char *)ll_malloc(&ix->mem, total ? total : 1);
  if (ix->pvar == NULL) {
    st = LL_ERRMEM;
    goto done;
  }
  ix->npvar = total ? total : 1;
  for (i = 0; i < ix->ntok; i++) {
    uint32_t w = WID(ix, i), v = (uint32_t)i - last[w];
    unsigned char *p = ix->pvar + at[w];
    while (v >= 0x80) {
      *p++ = (unsigned char)(v | 0x80);
      v >>= 7;
    }
    *p++ = (unsigned char)v;
    at[w] = (uint32_t)(p - ix->pvar);
    last[w] = (uint32_t)i + 1;
  }
done:
  ll_free(&ix->mem, last, nw * sizeof *last);
  ll_free(&ix->mem, at, nw * sizeof *at);
  return st;
}

/* Gives an array back the memory it does not use. */
static void shrink(ll_Mem *m, void **p, size_t *cap, size_t esz, size_t n) {
  void *q;
  if (n == 0 || n >= *cap) return;
  q = ll_realloc(m, *p, *cap * esz, n * esz);
  if (q != NULL) {
    *p = q;
    *cap = n;
  }
}

static void freeindex(ll_Index *ix) {
  ll_index_free(ix);
}

/* Makes the token arrays, scans, and sizes everything to what it holds.
** On failure the caller frees ix. */
static int tokenise(ll_Index *ix, int withpos) {
  /* English runs about 6 bytes a token: start there, grow if need be */
  size_t i, bytes = 0;
  int st;
  ix->segstart = (uint32_t *)ll_malloc(&ix->mem, (ix->nsegs + 1) * sizeof(uint32_t));
  if (ix->segstart == NULL) return LL_ERRMEM;
  st = rehash(ix);
  for (i = 0; i < ix->nsegs; i++) bytes += SEG(ix, i)->len;
  if (st == LL_OK) st = resize(&ix->mem, (void **)&ix->word, &ix->tokcap, WSZ(ix), bytes / 5 + 16);
  if (st == LL_OK && withpos)
    st = resize(&ix->mem, (void **)&ix->pos, &ix->poscap, sizeof(uint32_t), bytes / 5 + 16);
  if (st == LL_OK) st = scan(ix);
  if (st != LL_OK) return st;
  shrink(&ix->mem, (void **)&ix->word, &ix->tokcap, WSZ(ix), ix->ntok);
  if (ix->pos != NULL) shrink(&ix->mem, (void **)&ix->pos, &ix->poscap, sizeof(uint32_t), ix->ntok);
  if (ix->ckpt != NULL)
    shrink(&ix->mem, (void **)&ix->ckpt, &ix->ckcap, sizeof(uint32_t),
           ((ix->ntok - 1) >> CKPTBITS) + 1);
  shrink(&ix->mem, (void **)&ix->words, &ix->wcap, sizeof(Word), ix->nwords);
  shrink(&ix->mem, (void **)&ix->chars, &ix->ccap, 1, ix->nchars);
  return LL_OK;
}

/* tokenise, then the postings (post) or their varints */
static int fill(ll_Index *ix, int withpos, int post) {
  int st = tokenise(ix, withpos);
  if (st != LL_OK) return st;
  if (ix->lazypost) return LL_OK;
  return post ? postings(ix) : varpostings(ix);
}

/* A corpus index of fewer bytes of text than this is built in one piece:
** two halves would save less than starting the second thread costs. */
#define SPLITMIN 65536

#define NCKPT(ntok) (((ntok) + (1u << CKPTBITS) - 1) >> CKPTBITS) /* checkpoints of ntok tokens */

/* The two halves of a corpus index built at once: each tokenised into
** its own index, with its own vocabulary. */
typedef struct Halves {
  ll_Index *ix[2];
  int st[2];
} Halves;

/* Task i: tokenises half i, allocating through m (the runner's). */
static void halftask(ll_Mem *m, void *ctx, size_t i) {
  Halves *h = (Halves *)ctx;
  ll_Index *ix = h->ix[i];
  ll_Mem own = ix->mem;
  ix->mem = *m;
  h->st[i] = tokenise(ix, 0);
  ix->mem = own;
}

/* Appends b, the index of the nsegs - a->nsegs segments after a's, to a:
** b's words are interned into a's vocabulary in b's order, so the new ones
** get the ids one build would have given them (first occurrence); b's
** tokens are renumbered into them; its checkpoints and segment starts
** follow a's. a->nsegs becomes nsegs once its segment starts are whole. */
static int merge(ll_Index *a, const ll_Index *b, size_t nsegs) {
  size_t na = a->ntok, nb = b->ntok, cka = NCKPT(na), i, k;
  uint32_t *map, *ss = NULL;
  int st = LL_OK;
  if (nb > LL_MAXTOKENS - na) return LL_ERRINPUT;
  map = (uint32_t *)ll_malloc(&a->mem, (b->nwords ? b->nwords : 1) * sizeof *map);
  if (map == NULL) return LL_ERRMEM;
  for (i = 0; i < b->nwords; i++) {
    const Word *w = &b->words[i];
    uint32_t id = intern(a, b->chars + w->off, w->len);
    if (id == LL_NOWORD) {
      st = LL_ERRMEM;
      break;
    }
    for (k = 0; k < NPARTS; k++) a->words[id].n[k] += w->n[k];
    map[i] = id;
  }
  if (st == LL_OK && nb > 0) {
    st = resize(&a->mem, (void **)&a->word, &a->tokcap, WSZ(a), na + nb);
    if (st == LL_OK && a->narrow && a->nwords > 0x10000u) st = widen(a);
    if (st == LL_OK)
      st = resize(&a->mem, (void **)&a->ckpt, &a->ckcap, sizeof(uint32_t), cka + NCKPT(nb));
  }
  if (st == LL_OK) {
    ss = (uint32_t *)ll_realloc(&a->mem, a->segstart, (a->nsegs + 1) * sizeof *ss,
                                (nsegs + 1) * sizeof *ss);
    if (ss == NULL) st = LL_ERRMEM;
  }
  if (st == LL_OK) {
    for (i = 0; i < nb; i++) {
      uint32_t id = map[WID(b, i)];
      if (a->narrow)
        ((uint16_t *)a->word)[na + i] = (uint16_t)id;
      else
        ((uint32_t *)a->word)[na + i] = id;
    }
    if (nb > 0) memcpy(a->ckpt + cka, b->ckpt, NCKPT(nb) * sizeof *a->ckpt);
    for (i = 0; i <= b->nsegs; i++) ss[a->nsegs + i] = (uint32_t)(na + b->segstart[i]);
    a->segstart = ss;
    a->nsegs = nsegs;
    for (k = 0; k < NPARTS; k++) a->npart[k] += b->npart[k];
    a->ntok = na + nb;
    if (nb > 0) {
      a->cktok = na;
      a->ckfirst = cka;
    }
  }
  ll_free(&a->mem, map, (b->nwords ? b->nwords : 1) * sizeof *map);
  return st;
}

/* fill for a corpus index, its segments tokenised in two halves by run,
** split before segment split, and merged. */
static int fillsplit(ll_Index *ix, const ll_Runner *run, size_t split) {
  size_t nsegs = ix->nsegs;
  ll_Index *b = (ll_Index *)ll_malloc(&ix->mem, sizeof *b);
  Halves h;
  int st;
  if (b == NULL) return LL_ERRMEM;
  memset(b, 0, sizeof *b);
  b->mem = ix->mem;
  b->segv = ix->segv + split; /* not b's: taken back before b is freed */
  b->nsegs = nsegs - split;
  b->narrow = 1;
  ix->nsegs = split;
  h.ix[0] = ix;
  h.ix[1] = b;
  h.st[0] = h.st[1] = LL_ERRMEM;
  run->run(run->ud, 2, halftask, &h);
  st = h.st[0] != LL_OK ? h.st[0] : h.st[1];
  if (st == LL_OK) st = merge(ix, b, nsegs);
  b->segv = NULL;
  ll_index_free(b);
  if (ix->nsegs != nsegs) { /* not merged: segstart still has split + 1 entries */
    if (ix->segstart != NULL) ll_free(&ix->mem, ix->segstart, (split + 1) * sizeof(uint32_t));
    ix->segstart = NULL;
    ix->nsegs = nsegs;
  }
  if (st != LL_OK) return st;
  shrink(&ix->mem, (void **)&ix->words, &ix->wcap, sizeof(Word), ix->nwords);
  shrink(&ix->mem, (void **)&ix->chars, &ix->ccap, 1, ix->nchars);
  return ix->lazypost ? LL_OK : varpostings(ix);
}

int ll_index_build(ll_Doc *d) {
  int st = ll_index_build_run(d, NULL);
  if (st != LL_OK) return st;
  st = ll_index_postings(d->index);
  if (st != LL_OK) { /* as before: no index at all when memory ran out */
    d->freeindex(d->index);
    d->index = NULL;
    d->freeindex = NULL;
  }
  return st;
}

int ll_index_postings(ll_Index *ix) {
  int st;
  if (!ix->lazypost) return LL_OK;
  st = varpostings(ix);
  if (st == LL_OK) ix->lazypost = 0;
  return st;
}

int ll_index_build_run(ll_Doc *d, const ll_Runner *run) {
  ll_Index *ix;
  size_t i, bytes = 0, half = 0, split = 0;
  int st;
  if (d->index != NULL) return LL_OK;
  if (d->nsegs >= LL_MAXTOKENS) return LL_ERRINPUT;
  ix = (ll_Index *)ll_malloc(&d->mem, sizeof *ix);
  if (ix == NULL) return LL_ERRMEM;
  memset(ix, 0, sizeof *ix);
  ix->mem = d->mem;
  ix->doc = d;
  ix->segs = d->segs;
  ix->nsegs = d->nsegs;
  ix->narrow = 1; /* the compact form of a corpus index: see the header */
  ix->lazypost = 1;
  for (i = 0; i < d->nsegs; i++) bytes += d->segs[i].len;
  if (run != NULL && run->run != NULL && d->nsegs >= 2 && bytes >= SPLITMIN &&
      d->nsegs <= (size_t)-1 / sizeof *ix->segv) {
    ix->segv = (const ll_Seg **)ll_malloc(&d->mem, d->nsegs * sizeof *ix->segv);
    if (ix->segv == NULL) {
      ll_index_free(ix);
      return LL_ERRMEM;
    }
    for (i = 0; i < d->nsegs; i++) ix->segv[i] = &d->segs[i];
    while (split < d->nsegs - 1 && (split == 0 || half < bytes / 2)) half += d->segs[split++].len;
    st = fillsplit(ix, run, split);
  } else {
    st = fill(ix, 0, 0);
  }
  if (st != LL_OK) {
    ll_index_free(ix);
    return st;
  }
  d->index = ix;
  d->freeindex = freeindex;
  return LL_OK;
}

int ll_index_build_corpus(ll_Mem *m, ll_Doc *const *docs, size_t ndocs, const ll_Runner *run,
                          ll_Index **out) {
  ll_Index *ix;
  size_t i, j, nsegs = 0, bytes = 0, half = 0, split = 0;
  int st;
  *out = NULL;
  for (i = 0; i < ndocs; i++) {
    if (docs[i]->nsegs >= LL_MAXTOKENS - nsegs) return LL_ERRINPUT;
    nsegs += docs[i]->nsegs;
  }
  if (ndocs >= LL_MAXTOKENS) return LL_ERRINPUT;
  if (nsegs > (size_t)-1 / sizeof(ll_Seg *) || ndocs >= (size_t)-1 / sizeof(uint32_t))
    return LL_ERRMEM; /* a 32-bit size_t */
  ix = (ll_Index *)ll_malloc(m, sizeof *ix);
  if (ix == NULL) return LL_ERRMEM;
  memset(ix, 0, sizeof *ix);
  ix->mem = *m;
  ix->docs = docs;
  ix->ndocs = ndocs;
  ix->nsegs = nsegs;
  ix->docseg = (uint32_t *)ll_malloc(m, (ndocs + 1) * sizeof(uint32_t));
  ix->segv = (const ll_Seg **)ll_malloc(m, (nsegs ? nsegs : 1) * sizeof *ix->segv);
  if (ix->docseg == NULL || ix->segv == NULL) {
    ll_index_free(ix);
    return LL_ERRMEM;
  }
  nsegs = 0;
  for (i = 0; i < ndocs; i++) {
    ix->docseg[i] = (uint32_t)nsegs;
    for (j = 0; j < docs[i]->nsegs; j++) ix->segv[nsegs++] = &docs[i]->segs[j];
  }
  ix->docseg[ndocs] = (uint32_t)nsegs;
  ix->narrow = 1;
  for (i = 0; i < nsegs; i++) bytes += ix->segv[i]->len;
  if (run != NULL && run->run != NULL && nsegs >= 2 && bytes >= SPLITMIN) {
    /* the first segment after half of the bytes, leaving both halves some */
    while (split < nsegs - 1 && (split == 0 || half < bytes / 2)) half += ix->segv[split++]->len;
    st = fillsplit(ix, run, split);
  } else {
    st = fill(ix, 0, 0);
  }
  if (st != LL_OK) {
    ll_index_free(ix);
    return st;
  }
  *out = ix;
  return LL_OK;
}

/* ------------------------------------------------------------------ */
/* A corpus index built page by page, its image, and a mapped index    */
/* ------------------------------------------------------------------ */

int ll_index_corpus_new(ll_Mem *m, ll_Index **out) {
  ll_Index *ix = (ll_Index *)ll_malloc(m, sizeof *ix);
  *out = NULL;
  if (ix == NULL) return LL_ERRMEM;
  memset(ix, 0, sizeof *ix);
  ix->mem = *m;
  ix->narrow = 1;
  ix->nockpt = 1;
  ix->docseg = (uint32_t *)ll_malloc(m, sizeof(uint32_t));
  ix->segstart = (uint32_t *)ll_malloc(m, sizeof(uint32_t));
  ix->segcap = ix->doccap = 1;
  if (ix->docseg == NULL || ix->segstart == NULL || rehash(ix) != LL_OK) {
    ll_index_free(ix);
    return LL_ERRMEM;
  }
  ix->docseg[0] = 0;
  ix->segstart[0] = 0;
  *out = ix;
  return LL_OK;
}

int ll_index_corpus_add(ll_Index *ix, ll_Doc *const *docs, size_t n) {
  size_t i, j, add = 0, k = 0, nsegs = ix->nsegs;
  const ll_Seg **sv;
  uint32_t *p;
  int st;
  for (i = 0; i < n; i++) {
    if (docs[i]->nsegs >= LL_MAXTOKENS - nsegs - add) return LL_ERRINPUT;
    add += docs[i]->nsegs;
  }
  if (n >= LL_MAXTOKENS - ix->ndocs) return LL_ERRINPUT;
  if (add + nsegs > (size_t)-1 / sizeof(uint32_t) - 1) return LL_ERRMEM;
  if (grow(&ix->mem, (void **)&ix->docseg, &ix->doccap, sizeof *p, ix->ndocs + n + 1) != LL_OK)
    return LL_ERRMEM;
  p = ix->docseg;
  for (i = 0; i < n; i++) { /* ndocs grows only once segstart is whole */
    p[ix->ndocs + i] = (uint32_t)(nsegs + k);
    k += docs[i]->nsegs;
  }
  p[ix->ndocs + n] = (uint32_t)(nsegs + add);
  if (grow(&ix->mem, (void **)&ix->segstart, &ix->segcap, sizeof *p, nsegs + add + 1) != LL_OK)
    return LL_ERRMEM;
  sv = (const ll_Seg **)ll_malloc(&ix->mem, (add ? add : 1) * sizeof *sv);
  if (sv == NULL) return LL_ERRMEM;
  k = 0;
  for (i = 0; i < n; i++)
    for (j = 0; j < docs[i]->nsegs; j++) sv[k++] = &docs[i]->segs[j];
  ix->segv = sv;
  ix->segbase = nsegs;
  ix->nsegs = nsegs + add;
  st = scan(ix);
  ll_free(&ix->mem, (void *)sv, (add ? add : 1) * sizeof *sv);
  ix->segv = NULL;
  ix->segbase = ix->nsegs;
  if (st == LL_OK) ix->ndocs += n;
  return st;
}

int ll_index_corpus_end(ll_Index *ix) {
  /* segstart and docseg to their size, as ll_index_free takes them */
  shrink(&ix->mem, (void **)&ix->segstart, &ix->segcap, sizeof(uint32_t), ix->nsegs + 1);
  shrink(&ix->mem, (void **)&ix->docseg, &ix->doccap, sizeof(uint32_t), ix->ndocs + 1);
  if (ix->segcap != ix->nsegs + 1 || ix->doccap != ix->ndocs + 1) return LL_ERRMEM;
  ix->segcap = ix->doccap = 0;
  if (ix->ntok > 0) {
    shrink(&ix->mem, (void **)&ix->word, &ix->tokcap, WSZ(ix), ix->ntok);
    shrink(&ix->mem, (void **)&ix->ckpt, &ix->ckcap, sizeof(uint32_t), NCKPT(ix->ntok));
  }
  shrink(&ix->mem, (void **)&ix->words, &ix->wcap, sizeof(Word), ix->nwords);
  shrink(&ix->mem, (void **)&ix->chars, &ix->ccap, 1, ix->nchars);
  return ix->lazypost ? LL_OK : varpostings(ix);
}

size_t ll_index_wordsize(void) {
  return sizeof(Word);
}

int ll_index_image(const ll_Index *ix, ll_IndexImage *img) {
  size_t k;
  if (ix->pvar == NULL || ix->docseg == NULL || ix->cktok != 0 || ix->pos != NULL)
    return LL_ERRINPUT; /* not a corpus index built page by page */
  memset(img, 0, sizeof *img);
  img->ntok = ix->ntok;
  img->nwords = ix->nwords;
  img->nsegs = ix->nsegs;
  img->ndocs = ix->ndocs;
  img->nslots = ix->nslots;
  img->nchars = ix->nchars;
  img->npvar = ix->npvar;
  img->nckpt = ix->ntok > 0 && ix->ckpt != NULL ? NCKPT(ix->ntok) : 0;
  img->narrow = ix->narrow;
  for (k = 0; k < NPARTS; k++) img->npart[k] = ix->npart[k];
  img->tokens = ix->word;
  img->ckpt = ix->ckpt;
  img->segstart = ix->segstart;
  img->docseg = ix->docseg;
  img->slots = ix->slots;
  img->seed = ix->seed;
  img->words = ix->words;
  img->chars = ix->chars;
  img->pvar = ix->pvar;
  return LL_OK;
}

static int imgerr(char *err, size_t errsz, const char *what) {
  snprintf(err, errsz, "%s", what);
  return LL_ERRINPUT;
}

/* ------------------------------------------------------------------ */
/* The vocabulary as an index file keeps it (issue #16)                */
/* ------------------------------------------------------------------ */

/*
** An index file keeps its vocabulary in the form it is read in, so that
** opening one decodes nothing whatever the vocabulary's size, and a query
** that looks two words up reads two entries and a few slots:
**   words: the block index, nblk + 1 entries of three u32 (VBENT bytes):
**     block b's first entry's byte (counted from the block index's end),
**     its first word's normal form's offset in the chars, its first
**     word's postings' offset in pvar; entry nblk the ends of all three.
**     Then the entries, VBLOCK words a block (the last may have fewer): a
**     byte whose low NPARTS bits say in which parts the word occurs and
**     whose high 3 give its length (VLENESC: a varint of the length less
**     VLENESC follows), then as varints the offset of its postings from
**     the previous word's (not for a block's first word) and its count in
**     each part it occurs in.
**   slots: a hash table of nslots slots with linear probing, each of 3
**     bytes (while ids take 16 bits or fewer) or 4, little-endian: 0
**     empty, else the word's id + 1 in the low idbits bits and the hash's
**     low bits above them (a fingerprint: other words' slots are passed
**     without reading their entries).
** An entry is decoded when a query needs it, through a cursor kept in the
** index (reading words in id order costs one entry each), and checked in
** range as it is decoded, so that no file, whatever it holds, makes a
** read out of bounds; through segtab's vocab, the checksums of the bytes
** of its block (and of the slots read) are checked before they are read.
*/
#define VBLOCK  ((size_t)32)
#define VBENT   ((size_t)12)
#define VLENESC 7

/* FNV-1a from seed, finished by mix32 (slot from the high bits, the
** fingerprint from the low) */
static uint32_t vhash(uint32_t seed, const char *s, size_t n) {
  uint32_t h = seed;
  size_t i;
  for (i = 0; i < n; i++) {
    h ^= (unsigned char)s[i];
    h *= 16777619u;
  }
  return mix32(h);
}

/* the slot where a word of hash h is first looked for */
static size_t vhome(uint32_t h, size_t nslots) {
  return (size_t)(((uint64_t)h * (uint64_t)nslots) >> 32);
}

/* the bits a slot gives an id + 1, for nwords words */
static unsigned idbitsof(size_t nwords) {
  unsigned b = 1;
  while (b < 32 && ((size_t)1 << b) <= nwords) b++;
  return b;
}

/* the bytes of a slot, for ib bits of id */
static size_t vslotw(unsigned ib) {
  return ib <= 16 ? 3 : 4;
}

size_t ll_index_slotsize(size_t nwords) {
  return vslotw(idbitsof(nwords));
}

/* the fingerprint bits of hash h in a slot of w bytes, ib bits of id */
static uint32_t vfp(uint32_t h, unsigned ib, size_t w) {
  return ib >= 32 ? 0 : (h << ib) & (w == 3 ? 0xFFFFFFu : 0xFFFFFFFFu);
}

/* slot k of w bytes at p */
static uint32_t vslot(const unsigned char *p, size_t w, size_t k) {
  const unsigned char *q = p + k * w;
  uint32_t v = (uint32_t)q[0] | (uint32_t)q[1] << 8 | (uint32_t)q[2] << 16;
  return w == 4 ? v | (uint32_t)q[3] << 24 : v;
}

static uint32_t vidmask(unsigned ib) {
  return ib >= 32 ? 0xFFFFFFFFu : ((uint32_t)1 << ib) - 1;
}

/* a varint into out */
static int packvar(ll_Mem *m, ll_Buf *out, uint64_t v) {
  char t[10];
  size_t n = 0;
  while (v >= 0x80) {
    t[n++] = (char)(v | 0x80);
    v >>= 7;
  }
  t[n++] = (char)v;
  return ll_buf_add(m, out, t, n);
}

/* reads a varint of at most 32 bits at *at of p[0, n) */
static int unpackvar(const unsigned char *p, size_t n, size_t *at, uint32_t *v) {
  uint64_t x = 0;
  unsigned sh = 0;
  while (*at < n && sh <= 28) {
    unsigned char c = p[(*at)++];
    x |= (uint64_t)(c & 0x7F) << sh;
    if (!(c & 0x80)) {
      if (x > 0xFFFFFFFFu) return 0;
      *v = (uint32_t)x;
      return 1;
    }
    sh += 7;
  }
  return 0;
}

/* The entries of ix's words into ent and their block index into bix
** ((nblk + 1) * 3 u32). LL_OK, LL_ERRMEM, or LL_ERRINPUT when they would
** pass 4 GB or the normal forms and postings are not in id order (what a
** reader finds again by adding lengths and offsets). */
static int packentries(ll_Mem *m, const ll_Index *ix, ll_Buf *ent, uint32_t *bix) {
  size_t i, k, nblk = (ix->nwords + VBLOCK - 1) / VBLOCK, off = 0;
  uint32_t prev = 0;
  for (i = 0; i < ix->nwords; i++) {
    const Word *w = &ix->words[i];
    unsigned head = (w->len < VLENESC ? w->len : VLENESC) << NPARTS;
    if (ent->n > 0xFFFFFFF0u || w->off != off || w->post < prev || w->post > ix->npvar)
      return LL_ERRINPUT;
    off += (size_t)w->len + 1;
    if (i % VBLOCK == 0) {
      bix[3 * (i / VBLOCK)] = (uint32_t)ent->n;
      bix[3 * (i / VBLOCK) + 1] = w->off;
      bix[3 * (i / VBLOCK) + 2] = w->post;
    }
    for (k = 0; k < NPARTS; k++)
      if (w->n[k] != 0) head |= 1u << k;
    if (ll_buf_addc(m, ent, (int)head) != LL_OK ||
        (w->len >= VLENESC && packvar(m, ent, w->len - VLENESC) != LL_OK) ||
        (i % VBLOCK != 0 && packvar(m, ent, w->post - prev) != LL_OK))
      return LL_ERRMEM;
    prev = w->post;
    for (k = 0; k < NPARTS; k++)
      if (w->n[k] != 0 && packvar(m, ent, w->n[k]) != LL_OK) return LL_ERRMEM;
  }
  if (ent->n > 0xFFFFFFF0u || off != ix->nchars) return LL_ERRINPUT;
  bix[3 * nblk] = (uint32_t)ent->n;
  bix[3 * nblk + 1] = (uint32_t)ix->nchars;
  bix[3 * nblk + 2] = (uint32_t)ix->npvar;
  return LL_OK;
}

/* The hash table of ix's words, of ns slots, hashed from seed, into sl
** (zeroed): the words placed in the order of their first slot, each at
** the first free one from there, so that making it costs the same
** whatever the hashes (words crafted to share one would otherwise make it
** quadratic), and those that run past the end from the first free slot. */
static int packslots(ll_Mem *m, const ll_Index *ix, uint32_t seed, uint32_t *sl, size_t ns) {
  size_t nw = ix->nwords, i, next = 0;
  unsigned ib = idbitsof(nw);
  size_t sw = vslotw(ib);
  uint32_t *home = (uint32_t *)ll_malloc(m, (nw ? nw : 1) * sizeof *home);
  uint32_t *order = (uint32_t *)ll_malloc(m, (nw ? nw : 1) * sizeof *order);
  size_t *start = (size_t *)ll_malloc(m, (ns + 1) * sizeof *start);
  if (home == NULL || order == NULL || start == NULL) {
    ll_free(m, home, (nw ? nw : 1) * sizeof *home);
    ll_free(m, order, (nw ? nw : 1) * sizeof *order);
    ll_free(m, start, (ns + 1) * sizeof *start);
    return LL_ERRMEM;
  }
  memset(start, 0, (ns + 1) * sizeof *start);
  for (i = 0; i < nw; i++) {
    home[i] = (uint32_t)vhome(vhash(seed, ix->chars + ix->words[i].off, ix->words[i].len), ns);
    start[home[i] + 1]++;
  }
  for (i = 0; i < ns; i++) start[i + 1] += start[i];
  for (i = 0; i < nw; i++) order[start[home[i]]++] = (uint32_t)i;
  for (i = 0; i < nw; i++) {
    uint32_t id = order[i];
    const Word *w = &ix->words[id];
    uint32_t e = (id + 1) | vfp(vhash(seed, ix->chars + w->off, w->len), ib, sw);
    size_t at = home[id] > next ? home[id] : next;
    if (at < ns) {
      sl[at] = e;
      next = at + 1;
    } else { /* past the end: the first free slot from the start */
      size_t k = 0;
      while (sl[k] != 0) k++;
      sl[k] = e;
    }
  }
  ll_free(m, home, (nw ? nw : 1) * sizeof *home);
  ll_free(m, order, (nw ? nw : 1) * sizeof *order);
  ll_free(m, start, (ns + 1) * sizeof *start);
  return LL_OK;
}

int ll_index_pack_vocab(ll_Mem *m, const ll_Index *ix, ll_Buf *words, ll_Buf *slots, uint32_t *seed,
                        size_t *nslots) {
  size_t nblk = (ix->nwords + VBLOCK - 1) / VBLOCK, ns = ix->nwords + ix->nwords / 8 + 1, i;
  size_t sw = vslotw(idbitsof(ix->nwords));
  uint32_t *bix, *sl, h = 0x811C9DC5u;
  ll_Buf ent;
  int st;
  if (nblk + 1 > (size_t)-1 / VBENT || ns > (size_t)-1 / 8) return LL_ERRMEM;
  bix = (uint32_t *)ll_malloc(m, (nblk + 1) * VBENT);
  if (bix == NULL) return LL_ERRMEM;
  ll_buf_init(&ent);
  st = packentries(m, ix, &ent, bix);
  if (st == LL_OK) st = ll_buf_add(m, words, (const char *)bix, (nblk + 1) * VBENT);
  if (st == LL_OK && ent.n > 0) st = ll_buf_add(m, words, ent.p, ent.n);
  ll_buf_free(m, &ent);
  ll_free(m, bix, (nblk + 1) * VBENT);
  if (st != LL_OK) return st;
  /* the seed from the words: the same pages make the same file */
  for (i = 0; i < ix->nchars; i++) {
    h ^= (unsigned char)ix->chars[i];
    h *= 16777619u;
  }
  *seed = mix32(h ^ (uint32_t)ix->nwords) | 1u;
  *nslots = ns;
  sl = (uint32_t *)ll_malloc(m, ns * sizeof *sl);
  if (sl == NULL) return LL_ERRMEM;
  memset(sl, 0, ns * sizeof *sl);
  st = packslots(m, ix, *seed, sl, ns);
  for (i = 0; i < ns && st == LL_OK; i++) { /* little-endian, sw bytes each */
    char b[4];
    b[0] = (char)(sl[i] & 0xFF);
    b[1] = (char)((sl[i] >> 8) & 0xFF);
    b[2] = (char)((sl[i] >> 16) & 0xFF);
    b[3] = (char)(sl[i] >> 24);
    st = ll_buf_add(m, slots, b, sw);
  }
  ll_free(m, sl, ns * sizeof *sl);
  return st;
}

/* May the index read bytes [off, off + n) of its vocabulary's array
** which (LL_VOCAB_*)? Their checksums, through segtab (always yes without). */
static int vok(const ll_Index *ix, int which, size_t off, size_t n) {
  return ix->segtab == NULL || ix->segtab->vocab == NULL ||
         ix->segtab->vocab(ix->segtab->ud, which, off, n);
}

/* Tells the owner that a vocabulary entry read was not whole. */
static void vbad(const ll_Index *ix) {
  if (ix->segtab != NULL && ix->segtab->vocab != NULL)
    (void)ix->segtab->vocab(ix->segtab->ud, LL_VOCAB_BAD, 0, 0);
}

/* Sets *c to the start of block b: 0 when its block index entries are
** out of range or its bytes are not whole. */
static int vstart(const ll_Index *ix, size_t b, VCur *c) {
  size_t base = (ix->nblk + 1) * VBENT;
  uint32_t a[6]; /* the block's starts, then the next one's */
  c->live = 0;
  if (b >= ix->nblk || !vok(ix, LL_VOCAB_WORDS, b * VBENT, 2 * VBENT)) return 0;
  memcpy(a, ix->vwords + b * VBENT, sizeof a);
  if (a[0] > a[3] || a[3] > ix->nvwords - base || a[1] > a[4] || a[4] > ix->nchars || a[2] > a[5] ||
      a[5] > ix->npvar)
    return 0;
  if (!vok(ix, LL_VOCAB_WORDS, base + a[0], a[3] - a[0]) ||
      !vok(ix, LL_VOCAB_CHARS, a[1], a[4] - a[1]))
    return 0;
  c->b = b;
  c->j = 0;
  c->at = base + a[0];
  c->eend = base + a[3];
  c->off = a[1];
  c->cend = a[4];
  c->post = a[2];
  c->pend = a[5];
  c->live = 1;
  return 1;
}

/* Decodes the entry at c into *w and moves c past it: 0 when it is not
** whole (out of its block, a normal form not ending in '\0', postings out
** of order, a count past the tokens). */
static int vnext(const ll_Index *ix, VCur *c, Word *w) {
  const unsigned char *p = ix->vwords;
  uint32_t len, d = 0;
  unsigned head, k;
  if (c->at >= c->eend) return 0;
  head = p[c->at++];
  len = head >> NPARTS;
  if (len == VLENESC) {
    if (!unpackvar(p, c->eend, &c->at, &len) || len > 0xFFFFFFFFu - VLENESC) return 0;
    len += VLENESC;
  }
  if (c->j > 0 && !unpackvar(p, c->eend, &c->at, &d)) return 0;
  if (len >= c->cend - c->off || ix->chars[c->off + len] != '\0' || d > c->pend - c->post) return 0;
  w->off = (uint32_t)c->off;
  w->len = len;
  w->hash = 0;
  w->post = c->post + d;
  for (k = 0; k < NPARTS; k++) {
    w->n[k] = 0;
    if (((head >> k) & 1u) && (!unpackvar(p, c->eend, &c->at, &w->n[k]) || w->n[k] > ix->ntok))
      return 0;
  }
  c->off += (size_t)len + 1;
  c->post = w->post;
  c->j++;
  return 1;
}

/* Decodes a mapped index's word id into *w, from the cursor when id is
** ahead of it in its block (else from its block's start): 0 when its
** entry is not whole. */
static int vdecode(const ll_Index *ix, uint32_t id, Word *w) {
  ll_Index *x = (ll_Index *)ix; /* the cursor is a cache */
  size_t b = id / VBLOCK, j = id % VBLOCK;
  if (x->vlastok && x->vlastid == id) {
    *w = x->vlast;
    return 1;
  }
  if ((!x->vc.live || x->vc.b != b || x->vc.j > j) && !vstart(ix, b, &x->vc)) goto bad;
  while (x->vc.j <= j)
    if (!vnext(ix, &x->vc, w)) goto bad;
  x->vlast = *w;
  x->vlastid = id;
  x->vlastok = 1;
  return 1;
bad:
  x->vc.live = 0;
  x->vlastok = 0;
  return 0;
}

/* An entry found not whole: an empty word of no count (its normal form
** the chars' last '\0', checked on mapping, when there are chars),
** marked (hash 1) so that reading it again tells the owner again. */
static void vempty(const ll_Index *ix, Word *w) {
  memset(w, 0, sizeof *w);
  w->off = ix->nchars > 0 ? (uint32_t)(ix->nchars - 1) : 0;
  w->hash = 1;
}

/* Word id's entry: in place (a mapped index's decoded once, see
** allwords), or decoded into *tmp; an entry not whole reads as an empty
** word of no count, and the owner is told each time it is read. */
static const Word *wordp(const ll_Index *ix, uint32_t id, Word *tmp) {
  if (ix->words != NULL) {
    if (ix->vwords != NULL && ix->words[id].hash != 0) vbad(ix);
    return &ix->words[id];
  }
  if (!vdecode(ix, id, tmp)) {
    vbad(ix);
    vempty(ix, tmp);
  }
  return tmp;
}

/* Decodes a mapped index's every entry into an array of its own, for the
** queries that read them all (the cursor makes it one pass); those not
** whole are kept empty and marked (wordp). LL_OK or LL_ERRMEM. */
static int allwords(const ll_Index *ix) {
  ll_Index *x = (ll_Index *)ix; /* the array is a cache */
  Word *w;
  size_t i;
  if (ix->words != NULL || ix->vwords == NULL) return LL_OK;
  if (ix->nwords > (size_t)-1 / sizeof *w) return LL_ERRMEM;
  w = (Word *)ll_malloc(&x->mem, (ix->nwords ? ix->nwords : 1) * sizeof *w);
  if (w == NULL) return LL_ERRMEM;
  for (i = 0; i < ix->nwords; i++)
    if (!vdecode(ix, (uint32_t)i, &w[i])) vempty(ix, &w[i]);
  x->words = w;
  x->ownwords = 1;
  return LL_OK;
}

/* The id of s[0, len) through a mapped index's table, or LL_NOWORD. */
static uint32_t vlookup(const ll_Index *ix, const char *s, size_t len) {
  uint32_t h = vhash(ix->seed, s, len), want = vfp(h, ix->idbits, ix->slotw);
  uint32_t mask = vidmask(ix->idbits);
  size_t k, n;
  if (ix->nvslots == 0) return LL_NOWORD;
  k = vhome(h, ix->nvslots);
  for (n = 0; n < ix->nvslots; n++) {
    uint32_t e;
    if (!vok(ix, LL_VOCAB_SLOTS, k * ix->slotw, ix->slotw)) return LL_NOWORD;
    e = vslot(ix->vslots, ix->slotw, k);
    if (e == 0) return LL_NOWORD;
    if ((e & ~mask) == want) {
      Word tmp;
      const Word *w;
      uint32_t id = (e & mask) - 1;
      if (id >= ix->nwords) {
        vbad(ix);
        return LL_NOWORD;
      }
      w = wordp(ix, id, &tmp);
      if (w->len == len && samebytes(ix->chars + w->off, s, len)) return id;
    }
    k = k + 1 == ix->nvslots ? 0 : k + 1;
  }
  return LL_NOWORD;
}

int ll_index_check_vocab(const ll_Index *ix, char *err, size_t errsz) {
  size_t base = (ix->nblk + 1) * VBENT, b, i, nw = ix->nwords;
  uint32_t end[3], mask = vidmask(ix->idbits);
  int empty = 0;
  VCur c;
  Word w;
  if (ix->vwords == NULL) return LL_OK; /* a built index's own */
  for (b = 0; b < ix->nblk; b++) {
    size_t n = nw - b * VBLOCK < VBLOCK ? nw - b * VBLOCK : VBLOCK;
    if (!vstart(ix, b, &c) || (b == 0 && (c.at != base || c.off != 0 || c.post != 0)))
      return imgerr(err, errsz, "bad vocabulary block");
    for (i = 0; i < n; i++)
      if (!vnext(ix, &c, &w)) return imgerr(err, errsz, "bad vocabulary entry");
    if (c.at != c.eend || c.off != c.cend) return imgerr(err, errsz, "bad vocabulary block");
  }
  if (!vok(ix, LL_VOCAB_WORDS, ix->nblk * VBENT, VBENT))
    return imgerr(err, errsz, "bad vocabulary block");
  memcpy(end, ix->vwords + ix->nblk * VBENT, sizeof end);
  if (end[0] != ix->nvwords - base || end[1] != ix->nchars || end[2] != ix->npvar)
    return imgerr(err, errsz, "bad vocabulary block");
  if (!vok(ix, LL_VOCAB_SLOTS, 0, ix->nvslots * ix->slotw))
    return imgerr(err, errsz, "bad hash table");
  for (i = 0; i < ix->nvslots; i++) {
    uint32_t e = vslot(ix->vslots, ix->slotw, i);
    if (e == 0)
      empty = 1;
    else if ((e & mask) == 0 || (e & mask) > nw)
      return imgerr(err, errsz, "bad hash table entry");
  }
  if (!empty) return imgerr(err, errsz, "full hash table");
  return LL_OK;
}

/* The largest of the n ids at t, of 16 or 32 bits: in blocks of a fixed
** 64 ids, which compilers turn into vector instructions at -O2 (a
** reduction of unknown length they leave scalar); one pass at about the
** speed of reading the index's largest array, most of what opening a file
** costs. */
#define MAXOF(name, T)                                          \
  static uint32_t name(const T *t, size_t n) {                  \
    size_t i, k;                                                \
    T m = 0;                                                    \
    for (i = 0; i + 64 <= n; i += 64)                           \
      for (k = 0; k < 64; k++) m = t[i + k] > m ? t[i + k] : m; \
    for (; i < n; i++) m = t[i] > m ? t[i] : m;                 \
    return m;                                                   \
  }
MAXOF(maxof16, uint16_t)
MAXOF(maxof32, uint32_t)
#undef MAXOF

/* Checks what a query takes on trust: every id, offset and count in
** range, so that nothing read through the image can go out of bounds (the
** vocabulary's entries as they are decoded, see vnext). */
static int checkimage(const ll_IndexImage *img, int lazy, char *err, size_t errsz) {
  size_t i, nblk = (img->nwords + VBLOCK - 1) / VBLOCK;
  if (img->ntok > LL_MAXTOKENS || img->nwords >= 0xFFFFFFF0u || img->nsegs >= LL_MAXTOKENS ||
      img->ndocs >= LL_MAXTOKENS || img->nchars > 0xFFFFFFF0u || img->npvar > 0xFFFFFFF0u ||
      img->nwordbytes > 0xFFFFFFF0u)
    return imgerr(err, errsz, "counts out of range");
  if (img->narrow ? img->nwords > 0x10000u : 0)
    return imgerr(err, errsz, "narrow ids, wide vocabulary");
  if (img->nckpt != 0 && img->nckpt != (img->ntok > 0 ? NCKPT(img->ntok) : 0))
    return imgerr(err, errsz, "checkpoints do not match the tokens");
  if (img->nslots <= img->nwords || img->slots == NULL)
    return imgerr(err, errsz, "bad hash table size");
  if (img->npvar == 0 || (img->nchars > 0 && img->chars[img->nchars - 1] != '\0') ||
      (img->ntok > 0 && img->nwords == 0) || img->nwords > img->nchars || img->words == NULL ||
      img->nwordbytes < (nblk + 1) * VBENT ||
      img->nwords > img->nwordbytes - (nblk + 1) * VBENT) /* a byte a word at least, each */
    return imgerr(err, errsz, "bad vocabulary");
  if (img->segstart[0] != 0 || img->segstart[img->nsegs] != img->ntok)
    return imgerr(err, errsz, "bad segment starts");
  if (img->docseg[0] != 0 || img->docseg[img->ndocs] != img->nsegs)
    return imgerr(err, errsz, "bad page starts");
  if (lazy) return LL_OK; /* the rest as queries reach it (segs->touch) */
  for (i = 0; i < img->nsegs; i++)
    if (img->segstart[i + 1] < img->segstart[i]) return imgerr(err, errsz, "bad segment starts");
  for (i = 0; i < img->ndocs; i++)
    if (img->docseg[i + 1] < img->docseg[i]) return imgerr(err, errsz, "bad page starts");
  if (img->ntok > 0 &&
      (img->narrow ? maxof16((const uint16_t *)img->tokens, img->ntok)
                   : maxof32((const uint32_t *)img->tokens, img->ntok)) >= img->nwords)
    return imgerr(err, errsz, "bad word id");
  return LL_OK;
}

int ll_index_mapped(ll_Mem *m, const ll_IndexImage *img, const ll_SegTable *segs, ll_Index **out,
                    char *err, size_t errsz) {
  ll_Index *ix;
  size_t k;
  int lazy = segs != NULL && segs->touch != NULL, st;
  *out = NULL;
  st = checkimage(img, lazy, err, errsz);
  if (st != LL_OK) return st;
  ix = (ll_Index *)ll_malloc(m, sizeof *ix);
  if (ix == NULL) return LL_ERRMEM;
  memset(ix, 0, sizeof *ix);
  ix->mem = *m;
  ix->mapped = 1;
  ix->segtab = segs;
  ix->ndocs = img->ndocs;
  ix->docseg = (uint32_t *)img->docseg;
  ix->word = (void *)img->tokens;
  ix->narrow = img->narrow;
  ix->ntok = ix->tokcap = img->ntok;
  ix->ckpt = img->nckpt > 0 ? (uint32_t *)img->ckpt : NULL;
  ix->ckcap = img->nckpt;
  ix->segstart = (uint32_t *)img->segstart;
  ix->nsegs = ix->segbase = img->nsegs;
  ix->words = NULL; /* decoded as queries need them */
  ix->nwords = img->nwords;
  ix->vwords = (const unsigned char *)img->words;
  ix->nvwords = img->nwordbytes;
  ix->nblk = (img->nwords + VBLOCK - 1) / VBLOCK;
  ix->vslots = (const unsigned char *)img->slots;
  ix->nvslots = img->nslots;
  ix->idbits = idbitsof(img->nwords);
  ix->slotw = vslotw(ix->idbits);
  ix->chars = (char *)img->chars;
  ix->nchars = ix->ccap = img->nchars;
  ix->seed = img->seed;
  ix->pvar = (unsigned char *)img->pvar;
  ix->npvar = img->npvar;
  for (k = 0; k < NPARTS; k++) ix->npart[k] = img->npart[k];
  if (!lazy && (st = ll_index_check_vocab(ix, err, errsz)) != LL_OK) {
    ll_index_free(ix);
    return st;
  }
  *out = ix;
  return LL_OK;
}

size_t ll_index_docof(const ll_Index *ix, size_t seg, size_t *local) {
  size_t lo = 0, hi = ix->ndocs; /* docseg[lo] <= seg < docseg[hi] */
  if (ix->docseg == NULL) {
    *local = seg;
    return 0;
  }
  while (hi - lo > 1) {
    size_t mid = lo + (hi - lo) / 2;
    if (ix->docseg[mid] <= seg)
      lo = mid;
    else
      hi = mid;
  }
  /* a document with no segment shares its docseg with the next one */
  while (lo + 1 < ix->ndocs && ix->docseg[lo + 1] <= seg) lo++;
  *local = seg - ix->docseg[lo];
  return lo;
}

/* ------------------------------------------------------------------ */
/* Reading the index                                                   */
/* ------------------------------------------------------------------ */

const ll_Doc *ll_index_doc(const ll_Index *ix) {
  return ix->doc;
}

size_t ll_index_nwords(const ll_Index *ix) {
  return ix->nwords;
}

const char *ll_index_word(const ll_Index *ix, uint32_t id, size_t *len) {
  Word tmp;
  const Word *w = wordp(ix, id, &tmp);
  if (len != NULL) *len = w->len;
  return w->len > 0 ? ix->chars + w->off : ""; /* (a bad entry, of no chars) */
}

uint32_t ll_index_lookup(const ll_Index *ix, const char *s, size_t len) {
  size_t slot;
  uint32_t e;
  if (ix->vwords != NULL) return vlookup(ix, s, len);
  e = ix->nslots > 0 ? find(ix, s, len, hashof(ix, s, len), &slot) : 0;
  return e == 0 ? LL_NOWORD : e - 1;
}

/* See llindex.h. */
int ll_seg_in(const ll_Seg *sg, unsigned mask) {
  int k;
  if (!(mask & LL_PARTBIT(sg->part))) return 0;
  if (!(mask & LL_KINDMASK)) return 1;
  if (sg->part == LL_TITLE || sg->part == LL_SUBTITLE)
    k = LL_HEADING;
  else if (sg->block == NULL)
    return 0;
  else
    k = sg->block->kind >= 0 && sg->block->kind < LL_NKINDS ? sg->block->kind : LL_PARAGRAPH;
  return (mask & LL_KINDBIT(k)) != 0;
}

static int inmask(const ll_Index *ix, size_t seg, unsigned mask); /* below */

size_t ll_index_freq(const ll_Index *ix, uint32_t id, unsigned mask) {
  size_t k, n = 0;
  if (id >= ix->nwords) return 0;
  if (mask & LL_KINDMASK) { /* kinds: count the segments in scope */
    size_t seg, t;
    if (!allok(ix)) return 0;
    for (seg = 0; seg < ix->nsegs; seg++) {
      if (!inmask(ix, seg, mask)) continue;
      for (t = ix->segstart[seg]; t < ix->segstart[seg + 1]; t++) n += WID(ix, t) == id;
    }
    return n;
  }
  {
    Word tmp;
    const Word *w = wordp(ix, id, &tmp);
    for (k = 0; k < NPARTS; k++)
      if (mask & LL_PARTBIT(k)) n += w->n[k];
  }
  return n;
}

size_t ll_index_ntokens(const ll_Index *ix, unsigned mask) {
  size_t k, n = 0;
  if (mask & LL_KINDMASK) {
    size_t seg;
    if (!allok(ix)) return 0;
    for (seg = 0; seg < ix->nsegs; seg++)
      if (inmask(ix, seg, mask)) n += ix->segstart[seg + 1] - ix->segstart[seg];
    return n;
  }
  for (k = 0; k < NPARTS; k++)
    if (mask & LL_PARTBIT(k)) n += ix->npart[k];
  return n;
}

/* Fills count[0, nwords) with each word's occurrences in mask: one pass
** over the tokens when the mask names kinds, else the counts kept. */
static void wordcounts(const ll_Index *ix, unsigned mask, size_t *count) {
  size_t i;
  if (mask & LL_KINDMASK) {
    size_t seg, t;
    for (i = 0; i < ix->nwords; i++) count[i] = 0;
    if (!allok(ix)) return;
    for (seg = 0; seg < ix->nsegs; seg++) {
      if (!inmask(ix, seg, mask)) continue;
      for (t = ix->segstart[seg]; t < ix->segstart[seg + 1]; t++) count[WID(ix, t)]++;
    }
    return;
  }
  for (i = 0; i < ix->nwords; i++) count[i] = ll_index_freq(ix, (uint32_t)i, mask);
}

size_t ll_index_size(const ll_Index *ix) {
  return ix->ntok;
}

/* segment of token t: the last s with segstart[s] <= t, from lo on */
static size_t segof(const ll_Index *ix, size_t t, size_t lo) {
  size_t hi = ix->nsegs; /* segstart[hi] > t */
  if (t >= ix->segstart[lo] && t < ix->segstart[lo + 1]) return lo;
  while (hi - lo > 1) {
    size_t mid = lo + (hi - lo) / 2;
    if (ix->segstart[mid] <= t)
      lo = mid;
    else
      hi = mid;
  }
  return lo;
}

/* byte length of the token at pos of segment seg */
static size_t toklen(const ll_Index *ix, size_t seg, size_t pos) {
  ll_Seg tmp;
  const ll_Seg *sg = segat(ix, seg, &tmp);
  size_t at = pos, a, b;
  if (!ll_word_next(sg->text, sg->len, &at, &a, &b)) return 0;
  return b - a;
}

/* Where the scan of a segment stands: token tok starts at or after byte
** at of segment seg (a corpus index keeps no offsets: they are found
** again, and hits come in order, so one scan serves a segment's hits). */
typedef struct Cursor {
  size_t seg, tok, at;
} Cursor;

#define NOCURSOR \
  { (size_t) - 1, 0, 0 }

/* Bytes [*a, *b) of token t of segment seg. */
static void tokbytes(const ll_Index *ix, Cursor *c, size_t seg, size_t t, size_t *a, size_t *b) {
  const ll_Seg *sg;
  ll_Seg tmp;
  char w[WORDBUF];
  size_t k;
  uint32_t h;
  if (ix->pos != NULL) {
    *a = ix->pos[t];
    *b = *a + toklen(ix, seg, *a);
    return;
  }
  sg = segat(ix, seg, &tmp);
  if (c->seg != seg || c->tok > t) {
    c->seg = seg;
    c->tok = ix->segstart[seg];
    c->at = 0;
  }
  { /* the nearest checkpoint of the segment at or before t, if nearer
       (a second half's checkpoints count from its first token) */
    size_t base = t >= ix->cktok ? ix->cktok : 0, first = t >= ix->cktok ? ix->ckfirst : 0;
    size_t j = (t - base) >> CKPTBITS, ct = base + (j << CKPTBITS);
    if (ix->ckpt != NULL && ct > c->tok && ct >= ix->segstart[seg]) {
      c->tok = ct;
      c->at = ix->ckpt[first + j];
    }
  }
  for (;;) {
    size_t i = c->at;
    if (!nextword(sg->text, sg->len, &i, a, b, w, &k, &h,
                  ix->seed)) { /* cannot be: the index saw it */
      *a = *b = sg->len;
      return;
    }
    if (c->tok == t) {
      c->at = *a;
      return;
    }
    c->at = i;
    c->tok++;
  }
}

void ll_index_token(const ll_Index *ix, size_t t, ll_Token *out) {
  Cursor c = NOCURSOR;
  size_t a, b;
  out->seg = segof(ix, t, 0);
  if (!segok(ix, out->seg)) {
    out->pos = out->len = 0;
    out->word = 0;
    return;
  }
  tokbytes(ix, &c, out->seg, t, &a, &b);
  out->pos = a;
  out->len = b - a;
  out->word = WID(ix, t);
}

uint32_t ll_index_tokword(const ll_Index *ix, size_t t) {
  return WID(ix, t);
}

void ll_index_segtokens(const ll_Index *ix, size_t seg, size_t *first, size_t *last) {
  if (!segok(ix, seg)) {
    *first = *last = 0;
    return;
  }
  *first = ix->segstart[seg];
  *last = ix->segstart[seg + 1];
}

size_t ll_index_sentence(const ll_Index *ix, size_t seg, size_t pos) {
  const ll_Block *b;
  size_t lo = 0, hi;
  if (ix->segtab != NULL) return ix->segtab->sentence(ix->segtab->ud, seg, pos);
  b = SEG(ix, seg)->block;
  if (b == NULL || b->nsents == 0) return LL_NOSENT;
  hi = b->nsents; /* the last sentence starting at or before pos */
  while (hi - lo > 1) {
    size_t mid = lo + (hi - lo) / 2;
    if (b->sents[mid].start <= pos)
      lo = mid;
    else
      hi = mid;
  }
  return lo;
}

/* ------------------------------------------------------------------ */
/* Sorting: a stable merge sort of uint32 keys with a context          */
/* ------------------------------------------------------------------ */

typedef int (*Cmp)(uint32_t a, uint32_t b, const void *ctx);

/* Sorts a[0, n) stably; tmp has room for n entries. */
static void msort(uint32_t *a, uint32_t *tmp, size_t n, Cmp cmp, const void *ctx) {
  size_t run = 16, i, j, w;
  uint32_t *src = a, *dst = tmp;
  /* insertion sort of short runs */
  for (i = 0; i < n; i += run) {
    size_t e = i + run < n ? i + run : n;
    for (j = i + 1; j < e; j++) {
      uint32_t x = a[j];
      size_t k = j;
      while (k > i && cmp(a[k - 1], x, ctx) > 0) {
        a[k] = a[k - 1];
        k--;
      }
      a[k] = x;
    }
  }
  for (w = run; w < n; w *= 2) {
    for (i = 0; i < n; i += 2 * w) {
      size_t mid = i + w < n ? i + w : n, e = i + 2 * w < n ? i + 2 * w : n;
      size_t l = i, r = mid, o = i;
      while (l < mid && r < e) dst[o++] = cmp(src[r], src[l], ctx) < 0 ? src[r++] : src[l++];
      while (l < mid) dst[o++] = src[l++];
      while (r < e) dst[o++] = src[r++];
    }
    {
      uint32_t *t = src;
      src = dst;
      dst = t;
    }
    if (w > n / 2) break;
  }
  if (src != a) memcpy(a, src, n * sizeof *a);
}

/* Pushes the records of src onto out (of the same element size), in the
** order cmp gives their indices (stable; ctx is cmp's). LL_OK or
** LL_ERRMEM, with nothing held on failure. */
static int sortedinto(ll_Mem *m, const ll_Vec *src, Cmp cmp, const void *ctx, ll_Vec *out) {
  size_t n = src->n, i;
  uint32_t *ids, *tmp;
  int st = LL_OK;
  if (n > 0xFFFFFFF0u) return LL_ERRMEM;
  ids = (uint32_t *)ll_malloc(m, n * sizeof *ids);
  tmp = (uint32_t *)ll_malloc(m, n * sizeof *tmp);
  if (ids == NULL || tmp == NULL) st = LL_ERRMEM;
  if (st == LL_OK) {
    for (i = 0; i < n; i++) ids[i] = (uint32_t)i;
    msort(ids, tmp, n, cmp, ctx);
    st = ll_vec_reserve(m, out, n);
  }
  for (i = 0; i < n && st == LL_OK; i++)
    memcpy(ll_vec_push(m, out), src->p + (size_t)ids[i] * src->esz, src->esz);
  ll_free(m, ids, n * sizeof *ids);
  ll_free(m, tmp, n * sizeof *tmp);
  return st;
}

/* byte order of two normal forms; a prefix sorts first */
static int wordcmp(const ll_Index *ix, uint32_t a, uint32_t b) {
  Word ta, tb;
  const Word *x = wordp(ix, a, &ta), *y = wordp(ix, b, &tb);
  size_t n = x->len < y->len ? x->len : y->len;
  int c = memcmp(ix->chars + x->off, ix->chars + y->off, n);
  if (c != 0) return c;
  return x->len < y->len ? -1 : x->len > y->len;
}

static int cmp_word(uint32_t a, uint32_t b, const void *ctx) {
  return wordcmp((const ll_Index *)ctx, a, b);
}

/* rank[id] = place of the word in byte order of normal forms */
static uint32_t *ranks(ll_Mem *m, const ll_Index *ix) {
  size_t n = ix->nwords ? ix->nwords : 1, i;
  uint32_t *ids = (uint32_t *)ll_malloc(m, n * sizeof(uint32_t));
  uint32_t *tmp = (uint32_t *)ll_malloc(m, n * sizeof(uint32_t));
  if (ids == NULL || tmp == NULL) {
    ll_free(m, ids, n * sizeof(uint32_t));
    ll_free(m, tmp, n * sizeof(uint32_t));
    return NULL;
  }
  for (i = 0; i < ix->nwords; i++) ids[i] = (uint32_t)i;
  msort(ids, tmp, ix->nwords, cmp_word, ix);
  for (i = 0; i < ix->nwords; i++) tmp[ids[i]] = (uint32_t)i;
  ll_free(m, ids, n * sizeof(uint32_t));
  return tmp;
}

static void freeranks(ll_Mem *m, const ll_Index *ix, uint32_t *r) {
  ll_free(m, r, (ix->nwords ? ix->nwords : 1) * sizeof(uint32_t));
}

/* ------------------------------------------------------------------ */
/* Queries                                                             */
/* ------------------------------------------------------------------ */

void ll_query_init(ll_Query *q) {
  ll_vec_init(&q->terms, sizeof(ll_Term));
  ll_buf_init(&q->text);
  ll_vec_init(&q->ids, sizeof(uint32_t));
  q->stemmer = NULL;
}

void ll_query_free(ll_Mem *m, ll_Query *q) {
  ll_vec_free(m, &q->terms);
  ll_buf_free(m, &q->text);
  ll_vec_free(m, &q->ids);
}

static int addterm(ll_Mem *m, ll_Query *q, ll_TermKind kind, int flags, const char *s, size_t len) {
  ll_Term *t;
  size_t off = q->text.n;
  if (ll_buf_add(m, &q->text, s, len) != LL_OK || ll_buf_add(m, &q->text, "", 1) != LL_OK)
    return LL_ERRMEM;
  t = (ll_Term *)ll_vec_push(m, &q->terms);
  if (t == NULL) return LL_ERRMEM;
  t->kind = kind;
  t->flags = flags;
  t->off = off;
  t->len = len;
  return LL_OK;
}

int ll_query_word(ll_Mem *m, ll_Query *q, const char *norm, size_t len, int flags) {
  return addterm(m, q, LL_TERM_WORD, flags, norm, len);
}

int ll_query_prefix(ll_Mem *m, ll_Query *q, const char *norm, size_t len) {
  return addterm(m, q, LL_TERM_PREFIX, 0, norm, len);
}

int ll_query_ids(ll_Mem *m, ll_Query *q, const uint32_t *ids, size_t n) {
  ll_Term *t;
  size_t off = q->ids.n;
  if (ll_vec_reserve(m, &q->ids, n) != LL_OK) return LL_ERRMEM;
  if (n > 0) memcpy(q->ids.p + off * sizeof(uint32_t), ids, n * sizeof *ids);
  q->ids.n += n;
  t = (ll_Term *)ll_vec_push(m, &q->terms);
  if (t == NULL) return LL_ERRMEM;
  t->kind = LL_TERM_IDS;
  t->ioff = off;
  t->nids = n;
  return LL_OK;
}

static int queryerr(char *err, size_t errsz, const char *msg) {
  if (errsz > 0) {
    size_t n = strlen(msg);
    if (n >= errsz) n = errsz - 1;
    memcpy(err, msg, n);
    err[n] = '\0';
  }
  return LL_ERRINPUT;
}

int ll_query_wild(ll_Mem *m, ll_Query *q, ll_TermKind kind, const char *norm, size_t len,
                  int flags) {
  return addterm(m, q, kind, flags & LL_TERM_VARIANT, norm, len);
}

#define STARMSG "'*' must stand at either end of a word"

/* Is every '*' of s[from, to) at one of the places allowed (a, b: a
** position or (size_t)-1), and is there none at both when they meet? */
static int starsok(const char *s, size_t from, size_t to, size_t a, size_t b) {
  size_t i;
  for (i = from; i < to; i++)
    if (s[i] == '*' && i != a && i != b) return 0;
  return !(a != (size_t)-1 && a == b && s[a] == '*');
}

int ll_query_parse(ll_Mem *m, ll_Query *q, const char *s, size_t len, int flags, char *err,
                   size_t errsz) {
  size_t at = 0, a, b, i, prev = 0, nwords = 0;
  const size_t none = (size_t)-1;
  ll_Buf nb;
  int st = LL_OK;
  for (i = 0; i < len; i++)
    if (s[i] != ' ' && s[i] != '\t' && s[i] != '\n' && s[i] != '\r') break;
  if (i == len) return queryerr(err, errsz, "empty query");
  ll_buf_init(&nb);
  while (st == LL_OK && ll_word_next(s, len, &at, &a, &b)) {
    int lead = a > 0 && s[a - 1] == '*', trail = b < len && s[b] == '*';
    /* between the last word and this one, a '*' may end the one or start
       this one, not both */
    if (!starsok(s, prev, a, nwords > 0 ? prev : none, a > 0 ? a - 1 : none)) {
      st = queryerr(err, errsz, STARMSG);
      break;
    }
    st = ll_word_norm(m, s + a, b - a, &nb);
    if (st != LL_OK) break;
    if (lead && trail)
      st = ll_query_wild(m, q, LL_TERM_INFIX, nb.p, nb.n, flags);
    else if (lead)
      st = ll_query_wild(m, q, LL_TERM_SUFFIX, nb.p, nb.n, flags);
    else if (trail)
      st = ll_query_wild(m, q, LL_TERM_PREFIX, nb.p, nb.n, flags);
    else
      st = ll_query_word(m, q, nb.p, nb.n, flags);
    nwords++;
    prev = b;
  }
  if (st == LL_OK) {
    /* after the last word */
    if (!starsok(s, prev, len, nwords > 0 ? prev : none, none))
      st = queryerr(err, errsz, STARMSG);
    else if (nwords == 0)
      st = queryerr(err, errsz, "query has no words");
  }
  ll_buf_free(m, &nb);
  return st;
}

/* A term resolved against one index. */
typedef struct RTerm {
  uint32_t id;        /* the one word it matches, or LL_NOWORD */
  unsigned char *set; /* or: one byte per word id (NULL when id is used) */
} RTerm;

/* Resolution of a query: its terms and the memory they use. */
typedef struct Res {
  ll_Mem *m;
  size_t n, nw;
  RTerm *t;
  int none; /* some term matches no word: the query matches nothing */
} Res;

static void freeres(Res *r) {
  size_t i;
  if (r->t == NULL) return;
  for (i = 0; i < r->n; i++) ll_free(r->m, r->t[i].set, r->nw ? r->nw : 1);
  ll_free(r->m, r->t, r->n * sizeof(RTerm));
  r->t = NULL;
}

/* Copies the stem of s[0, n) into out; LL_ERRMEM when the stemmer fails. */
static int stemof(ll_Mem *m, const ll_Stemmer *sb, void *st, const char *s, size_t n, ll_Buf *out) {
  const char *r;
  size_t len = 0;
  r = sb->stem(st, s, n, &len);
  if (r == NULL) return LL_ERRMEM;
  out->n = 0;
  return ll_buf_add(m, out, r, len);
}

/* The set of words sharing the English stem of norm s[0, n), through the
** stemmer sb (LL_ERRINPUT when there is none of this LL_STEM_ABI). */
static int stemset(ll_Mem *m, const ll_Index *ix, const ll_Stemmer *sb, const char *s, size_t n,
                   unsigned char *set) {
  void *stemmer;
  ll_Buf want, got;
  size_t i;
  int st;
  if (sb == NULL || sb->abi != LL_STEM_ABI) return LL_ERRINPUT;
  stemmer = sb->open();
  if (stemmer == NULL) return LL_ERRMEM;
  ll_buf_init(&want);
  ll_buf_init(&got);
  st = stemof(m, sb, stemmer, s, n, &want);
  for (i = 0; i < ix->nwords && st == LL_OK; i++) {
    Word tmp;
    const Word *w = wordp(ix, (uint32_t)i, &tmp);
    st = stemof(m, sb, stemmer, ix->chars + w->off, w->len, &got);
    if (st == LL_OK && got.n == want.n && memcmp(got.p, want.p, got.n) == 0) set[i] = 1;
  }
  ll_buf_free(m, &want);
  ll_buf_free(m, &got);
  sb->close(stemmer);
  return st;
}

/* ---- variants (LL_TERM_VARIANT) and wildcards ---- */

/* the length of s[0, n) without a possessive "'s" at its end */
static size_t unposs(const char *s, size_t n) {
  if (n > 2 && s[n - 1] == 's' && s[n - 2] == '\'') return n - 2;
  return n;
}

/* the length of the hyphen at s[i] (-, U+2010, U+2011), or 0 */
static size_t hyphenat(const char *s, size_t n, size_t i) {
  if (s[i] == '-') return 1;
  if (i + 2 < n && (unsigned char)s[i] == 0xE2 && (unsigned char)s[i + 1] == 0x80 &&
      ((unsigned char)s[i + 2] == 0x90 || (unsigned char)s[i + 2] == 0x91))
    return 3;
  return 0;
}

/* The part of s[0, n) (a normal form) that starts at *at: sets [*a, *b)
** and moves *at past the hyphen after it. 0 when none is left. */
static int nextpart(const char *s, size_t n, size_t *at, size_t *a, size_t *b) {
  size_t i = *at, h = 0;
  if (i > n || (i == n && i > 0)) return 0;
  *a = i;
  while (i < n && (h = hyphenat(s, n, i)) == 0) i++;
  *b = i;
  *at = i < n ? i + h : n + 1;
  return 1;
}

/* Does the wildcard p[0, pn) of kind match w[0, wn) whole? */
static int wildmatch(ll_TermKind kind, const char *w, size_t wn, const char *p, size_t pn) {
  size_t i;
  if (wn < pn) return 0;
  if (kind == LL_TERM_PREFIX) return memcmp(w, p, pn) == 0;
  if (kind == LL_TERM_SUFFIX) return memcmp(w + wn - pn, p, pn) == 0;
  for (i = 0; i + pn <= wn; i++)
    if (memcmp(w + i, p, pn) == 0) return 1;
  return 0;
}

/* Does the wildcard term match the word w[0, wn)? With variants, the
** word without its possessive, or one of its hyphenated parts, may match. */
static int wildword(const ll_Term *t, const char *p, const char *w, size_t wn) {
  size_t at = 0, a, b;
  if (wildmatch(t->kind, w, wn, p, t->len)) return 1;
  if (!(t->flags & LL_TERM_VARIANT)) return 0;
  wn = unposs(w, wn);
  if (wildmatch(t->kind, w, wn, p, t->len)) return 1;
  while (nextpart(w, wn, &at, &a, &b))
    if (a > 0 || b < wn)
      if (wildmatch(t->kind, w + a, b - a, p, t->len)) return 1;
  return 0;
}

/* The words that are s[0, n) or its possessive (or, for a possessive,
** the word without it). */
static void possset(const ll_Index *ix, const char *s, size_t n, unsigned char *set) {
  size_t k, key = unposs(s, n);
  for (k = 0; k < ix->nwords; k++) {
    Word tmp;
    const Word *w = wordp(ix, (uint32_t)k, &tmp);
    const char *ws = ix->chars + w->off;
    if (unposs(ws, w->len) == key && memcmp(ws, s, key) == 0) set[k] = 1;
  }
}

/* Resolves the terms of q against ix. */
static int resolve(ll_Mem *m, const ll_Index *ix, const ll_Query *q, Res *r) {
  size_t i, k;
  const ll_Term *terms = (const ll_Term *)q->terms.p;
  r->m = m;
  r->n = q->terms.n;
  r->nw = ix->nwords;
  r->none = 0;
  r->t = NULL;
  if (r->n == 0) {
    r->none = 1;
    return LL_OK;
  }
  for (i = 0; i < r->n; i++) /* a term that reads every word: decode them once */
    if (terms[i].kind != LL_TERM_IDS &&
        (terms[i].kind != LL_TERM_WORD || (terms[i].flags & (LL_TERM_STEM | LL_TERM_VARIANT))) &&
        allwords(ix) != LL_OK)
      return LL_ERRMEM;
  r->t = (RTerm *)ll_malloc(m, r->n * sizeof(RTerm));
  if (r->t == NULL) return LL_ERRMEM;
  for (i = 0; i < r->n; i++) {
    r->t[i].id = LL_NOWORD;
    r->t[i].set = NULL;
  }
  for (i = 0; i < r->n; i++) {
    const ll_Term *t = &terms[i];
    /* an ids term has no text, and q->text.p may be NULL */
    const char *s = t->kind == LL_TERM_IDS ? "" : q->text.p + t->off;
    RTerm *rt = &r->t[i];
    size_t found = 0;
    uint32_t last = LL_NOWORD;
    if (t->kind == LL_TERM_WORD && !(t->flags & (LL_TERM_STEM | LL_TERM_VARIANT))) {
      rt->id = ll_index_lookup(ix, s, t->len);
      if (rt->id == LL_NOWORD) r->none = 1;
      continue;
    }
    rt->set = (unsigned char *)ll_malloc(m, r->nw ? r->nw : 1);
    if (rt->set == NULL) return LL_ERRMEM;
    memset(rt->set, 0, r->nw ? r->nw : 1);
    if (t->kind == LL_TERM_WORD) {
      int st = LL_OK;
      if ((t->flags & LL_TERM_STEM) &&
          (st = stemset(m, ix, q->stemmer, s, t->len, rt->set)) != LL_OK)
        return st;
      if (t->flags & LL_TERM_VARIANT) possset(ix, s, t->len, rt->set);
    } else if (t->kind == LL_TERM_PREFIX && !(t->flags & LL_TERM_VARIANT)) {
      for (k = 0; k < ix->nwords; k++) {
        Word tmp;
        const Word *w = wordp(ix, (uint32_t)k, &tmp);
        if (w->len >= t->len && memcmp(ix->chars + w->off, s, t->len) == 0) rt->set[k] = 1;
      }
    } else if (t->kind != LL_TERM_IDS) {
      for (k = 0; k < ix->nwords; k++) {
        Word tmp;
        const Word *w = wordp(ix, (uint32_t)k, &tmp);
        if (wildword(t, s, ix->chars + w->off, w->len)) rt->set[k] = 1;
      }
    } else if (t->nids > 0) { /* q->ids.p is NULL when no id was given */
      const uint32_t *ids = (const uint32_t *)q->ids.p + t->ioff;
      for (k = 0; k < t->nids; k++)
        if (ids[k] < r->nw) rt->set[ids[k]] = 1;
    }
    for (k = 0; k < r->nw; k++)
      if (rt->set[k]) {
        found++;
        last = (uint32_t)k;
      }
    if (found == 0) r->none = 1;
    if (found == 1) { /* one word: use its postings */
      ll_free(m, rt->set, r->nw ? r->nw : 1);
      rt->set = NULL;
      rt->id = last;
    }
  }
  return LL_OK;
}

static int termmatch(const RTerm *t, uint32_t w) {
  return t->set != NULL ? t->set[w] != 0 : t->id == w;
}

/* Is segment seg in the scope mask (see ll_seg_in)? A mapped index reads
** the segment's part and kind from its table (no text read). */
static int inmask(const ll_Index *ix, size_t seg, unsigned mask) {
  const ll_Seg *sg;
  if (ix->segtab != NULL) {
    int kind = LL_PARAGRAPH;
    ll_Part part = ix->segtab->part(ix->segtab->ud, seg, &kind);
    if (!(mask & LL_PARTBIT(part))) return 0;
    if (!(mask & LL_KINDMASK)) return 1;
    if (part == LL_TITLE || part == LL_SUBTITLE)
      kind = LL_HEADING;
    else if (part == LL_META)
      return 0;
    return (mask & LL_KINDBIT(kind)) != 0;
  }
  sg = SEG(ix, seg);
  if (!(mask & LL_KINDMASK)) return (mask & LL_PARTBIT(sg->part)) != 0;
  return ll_seg_in(sg, mask);
}

/* Records a hit of ntok tokens from token t of segment seg. */
static int addhit(ll_Mem *m, const ll_Index *ix, size_t seg, size_t t, size_t ntok, ll_Vec *hits,
                  size_t *count, Cursor *c) {
  size_t a, b;
  ll_Hit *h;
  (*count)++;
  if (hits == NULL) return LL_OK;
  h = (ll_Hit *)ll_vec_push(m, hits);
  if (h == NULL) return LL_ERRMEM;
  h->seg = seg;
  h->tok = t;
  h->ntok = ntok;
  tokbytes(ix, c, seg, t, &a, &b);
  h->pos = a;
  if (ntok > 1) {
    Cursor c2 = *c; /* the next hit may start inside this one */
    tokbytes(ix, &c2, seg, t + ntok - 1, &a, &b);
  }
  h->len = b - h->pos;
  h->sent = ll_index_sentence(ix, seg, h->pos);
  return LL_OK;
}

/* If the query's terms match from token t of segment seg on, records a
** hit; term skip is known to match (at t + skip). */
static int tryat(ll_Mem *m, const ll_Index *ix, const Res *r, size_t seg, size_t t, size_t skip,
                 ll_Vec *hits, size_t *count, Cursor *c) {
  size_t k, end = ix->segstart[seg + 1];
  if (t + r->n > end) return LL_OK;
  for (k = 0; k < r->n; k++)
    if (k != skip && !termmatch(&r->t[k], WID(ix, t + k))) return LL_OK;
  return addhit(m, ix, seg, t, r->n, hits, count, c);
}

/* ---- variant phrases: parts joined by hyphens or standing apart ---- */

typedef struct Part {
  const char *p;
  size_t n;
} Part;

/* The parts of a variant phrase q (word terms only, each with
** LL_TERM_VARIANT and without LL_TERM_STEM, two parts or more in all)
** into a new array *pp of *np; 0 (and nothing allocated) when q is no
** such phrase, -1 when memory ran out. */
static int vparts(ll_Mem *m, const ll_Query *q, Part **pp, size_t *np) {
  const ll_Term *terms = (const ll_Term *)q->terms.p;
  size_t i, n = 0, at, a, b, sn;
  for (i = 0; i < q->terms.n; i++) {
    const char *s;
    /* (an ids term has no text, and q->text.p may then be NULL) */
    if (terms[i].kind != LL_TERM_WORD || !(terms[i].flags & LL_TERM_VARIANT) ||
        (terms[i].flags & LL_TERM_STEM))
      return 0;
    s = q->text.p + terms[i].off;
    for (at = 0, sn = unposs(s, terms[i].len); nextpart(s, sn, &at, &a, &b);) n++;
  }
  if (n < 2) return 0;
  *pp = (Part *)ll_malloc(m, n * sizeof **pp);
  if (*pp == NULL) return -1;
  *np = 0;
  for (i = 0; i < q->terms.n; i++) {
    const char *s = q->text.p + terms[i].off;
    for (at = 0, sn = unposs(s, terms[i].len); nextpart(s, sn, &at, &a, &b); (*np)++) {
      (*pp)[*np].p = s + a;
      (*pp)[*np].n = b - a;
    }
  }
  return 1;
}

/* Does the part a[0, an) stand for part j of P[0, np)? The last part may
** differ by a plural "s". */
static int partfits(const char *a, size_t an, const Part *P, size_t j, size_t np) {
  size_t pn = P[j].n;
  if (an == pn && memcmp(a, P[j].p, an) == 0) return 1;
  if (j + 1 != np) return 0;
  if (an == pn + 1 && a[pn] == 's' && memcmp(a, P[j].p, pn) == 0) return 1;
  return pn == an + 1 && P[j].p[an] == 's' && memcmp(a, P[j].p, an) == 0;
}

/* The number of tokens from t on, in segment seg, whose parts (each
** without its possessive) are P[0, np), or 0. */
static size_t vphraseat(const ll_Index *ix, size_t seg, size_t t, const Part *P, size_t np) {
  size_t j = 0, k = t, end = ix->segstart[seg + 1];
  while (j < np) {
    size_t at = 0, a, b, wn;
    const char *w;
    if (k >= end) return 0;
    w = ll_index_word(ix, WID(ix, k), &wn);
    wn = unposs(w, wn);
    while (nextpart(w, wn, &at, &a, &b)) {
      if (j >= np || !partfits(w + a, b - a, P, j, np)) return 0;
      j++;
    }
    k++;
  }
  return k - t;
}

/* Matches a variant phrase of parts P[0, np) over the segments in mask. */
static int vphraserun(ll_Mem *m, const ll_Index *ix, const Part *P, size_t np, unsigned mask,
                      ll_Vec *hits, size_t *count) {
  size_t nw = ix->nwords ? ix->nwords : 1, k, seg, t;
  unsigned char *first;
  Cursor c = NOCURSOR;
  int st = LL_OK;
  *count = 0;
  if (allwords(ix) != LL_OK) return LL_ERRMEM;
  first = (unsigned char *)ll_malloc(m, nw);
  if (first == NULL) return LL_ERRMEM;
  if (!allok(ix)) {
    ll_free(m, first, nw);
    return LL_OK;
  }
  /* the words whose first part is the phrase's first */
  for (k = 0; k < ix->nwords; k++) {
    Word tmp;
    const Word *w = wordp(ix, (uint32_t)k, &tmp);
    const char *ws = ix->chars + w->off;
    size_t at = 0, a, b;
    first[k] = nextpart(ws, unposs(ws, w->len), &at, &a, &b) && b - a == P[0].n &&
               memcmp(ws, P[0].p, P[0].n) == 0;
  }
  for (seg = 0; seg < ix->nsegs && st == LL_OK; seg++) {
    if (!inmask(ix, seg, mask)) continue;
    for (t = ix->segstart[seg]; t < ix->segstart[seg + 1] && st == LL_OK; t++) {
      size_t n;
      if (!first[WID(ix, t)]) continue;
      n = vphraseat(ix, seg, t, P, np);
      if (n > 0) st = addhit(m, ix, seg, t, n, hits, count, &c);
    }
  }
  ll_free(m, first, nw);
  return st;
}

/* The positions of one word, in order, from its postings: plain, or
** varints (read as found: a mapped index may hold anything). */
typedef struct Posts {
  const uint32_t *p;           /* plain postings, or NULL */
  const unsigned char *v, *ve; /* else the varints, to ve */
  size_t k, tot, next;         /* positions read, in all, the least next one */
} Posts;

static void postsof(const ll_Index *ix, uint32_t id, Posts *ps) {
  Word tmp, tnext;
  const Word *w = wordp(ix, id, &tmp);
  size_t k;
  ps->p = NULL;
  ps->v = ps->ve = NULL;
  ps->k = ps->tot = ps->next = 0;
  for (k = 0; k < NPARTS; k++) ps->tot += w->n[k];
  if (ix->post != NULL) {
    ps->p = ix->post + w->post;
  } else {
    /* a word's varints end where the next word's start: never read past
       them, nor take a token past the last */
    size_t end = id + 1 < ix->nwords ? wordp(ix, id + 1, &tnext)->post : ix->npvar;
    ps->v = ix->pvar + w->post;
    ps->ve = ix->pvar + (end > w->post ? end : w->post); /* (a bad entry's: none) */
  }
}

/* The next position into *t; 0 at the end. */
static int nextpos(const ll_Index *ix, Posts *ps, size_t *t) {
  size_t v = 0;
  unsigned sh = 0;
  if (ps->k >= ps->tot) return 0;
  if (ps->p != NULL) {
    *t = ps->p[ps->k++];
    return 1;
  }
  while (ps->v < ps->ve && (*ps->v & 0x80) && sh < 28) {
    v |= (size_t)(*ps->v++ & 0x7F) << sh;
    sh += 7;
  }
  if (ps->v >= ps->ve) return 0;
  v |= (size_t)(*ps->v++ & 0x7F) << sh;
  *t = ps->next + v;
  if (*t >= ix->ntok) return 0;
  ps->next = *t + 1;
  ps->k++;
  return 1;
}

/* The term a query is run through: of the terms that are one word, the
** rarest, so that a phrase of k words costs k tries at each place of its
** rarest word, not of its first (issue #19: a frequent first word made a
** long phrase cost its n places times k); -1 when every term is a set. */
static long anchorterm(const ll_Index *ix, const Res *r) {
  size_t i, k, best = 0;
  long j = -1;
  for (i = 0; i < r->n; i++) {
    size_t f = 0;
    Word tmp;
    const Word *w;
    if (r->t[i].set != NULL) continue;
    w = wordp(ix, r->t[i].id, &tmp);
    for (k = 0; k < NPARTS; k++) f += w->n[k];
    if (j < 0 || f < best) {
      best = f;
      j = (long)i;
    }
  }
  return j;
}

/* A cursor over one word's positions: cur is the last read (live 0 past
** the last); walk says the cursor is used. */
typedef struct PCur {
  Posts ps;
  size_t cur;
  int live, walk;
} PCur;

/* Moves c to its first position at or after t; 1 when that is t. */
static int seekpos(const ll_Index *ix, PCur *c, size_t t) {
  while (c->live && c->cur < t) c->live = nextpos(ix, &c->ps, &c->cur);
  return c->live && c->cur == t;
}

/* Are the words followed by pc[0, n) where a hit from t - j would have
** them (term k at t - j + k)? */
static int inplace(const ll_Index *ix, PCur *pc, size_t n, size_t j, size_t t) {
  size_t k;
  if (pc == NULL) return 1;
  for (k = 0; k < n; k++)
    if (pc[k].walk && !seekpos(ix, &pc[k], t - j + k)) return 0;
  return 1;
}

/* A phrase's other words are followed through their postings, in step
** with the anchor's, where they are at most this many times as frequent:
** reading their positions in order costs less than reading the token
** after each place of the anchor, scattered over the whole token array
** (of a file: each read may map a page of it). */
#define WALK_RATIO 32

/* Runs r through the postings of its term j: each place of that word, j
** tokens into its segment or more, is where a hit may start j before.
** The places where the other one-word terms (not too frequent: see
** WALK_RATIO) are not in their places, as their postings say, are passed
** over without reading a token or a segment. */
static int runposts(ll_Mem *m, const ll_Index *ix, const Res *r, size_t j, unsigned mask,
                    ll_Vec *hits, size_t *count) {
  Posts ps;
  Cursor c = NOCURSOR;
  PCur *pc = NULL;
  size_t t, seg = 0, k;
  int st = LL_OK;
  postsof(ix, r->t[j].id, &ps);
  if (r->n > 1) {
    pc = (PCur *)ll_malloc(m, r->n * sizeof *pc);
    if (pc == NULL) return LL_ERRMEM;
    for (k = 0; k < r->n; k++) {
      pc[k].live = pc[k].walk = 0;
      pc[k].cur = 0;
      if (k == j || r->t[k].set != NULL) continue;
      postsof(ix, r->t[k].id, &pc[k].ps);
      if (pc[k].ps.tot / WALK_RATIO > ps.tot) continue;
      pc[k].live = nextpos(ix, &pc[k].ps, &pc[k].cur);
      pc[k].walk = 1;
    }
  }
  while (st == LL_OK && nextpos(ix, &ps, &t)) {
    if (t < j || !inplace(ix, pc, r->n, j, t)) continue;
    seg = segof(ix, t, seg);
    if (!segok(ix, seg)) continue;
    if (t >= ix->segstart[seg] + j && t < ix->segstart[seg + 1] && inmask(ix, seg, mask))
      st = tryat(m, ix, r, seg, t - j, j, hits, count, &c);
  }
  if (pc != NULL) ll_free(m, pc, r->n * sizeof *pc);
  return st;
}

/* Runs r with no postings (a corpus index too large for them, or a first
** term that is a set: j < 0): the tokens of the segments in scope, tried
** where term j (or the first) matches. */
static int runscan(ll_Mem *m, const ll_Index *ix, const Res *r, long j, unsigned mask, ll_Vec *hits,
                   size_t *count) {
  const RTerm *a = &r->t[j < 0 ? 0 : j];
  size_t off = j < 0 ? 0 : (size_t)j, seg, t;
  Cursor c = NOCURSOR;
  int st = LL_OK;
  if (!allok(ix)) return LL_OK;
  for (seg = 0; seg < ix->nsegs && st == LL_OK; seg++) {
    size_t e = ix->segstart[seg + 1];
    if (!inmask(ix, seg, mask)) continue;
    for (t = ix->segstart[seg] + off; t < e && st == LL_OK; t++)
      if (termmatch(a, WID(ix, t))) st = tryat(m, ix, r, seg, t - off, off, hits, count, &c);
  }
  return st;
}

/* Runs a resolved query. */
static int run(ll_Mem *m, const ll_Index *ix, const Res *r, unsigned mask, ll_Vec *hits,
               size_t *count) {
  long j;
  *count = 0;
  if (r->none || ix->ntok == 0) return LL_OK;
  if (r->t[0].set == NULL && r->n == 1 && hits == NULL) {
    *count = ll_index_freq(ix, r->t[0].id, mask);
    return LL_OK;
  }
  j = anchorterm(ix, r);
  if (j >= 0 && (ix->post != NULL || ix->pvar != NULL))
    return runposts(m, ix, r, (size_t)j, mask, hits, count);
  return runscan(m, ix, r, j, mask, hits, count);
}

int ll_index_match(ll_Mem *m, const ll_Index *ix, const ll_Query *q, unsigned mask, ll_Vec *hits,
                   size_t *count) {
  Res r;
  size_t n = 0, np = 0;
  Part *P = NULL;
  int st = vparts(m, q, &P, &np);
  if (count != NULL) *count = 0;
  if (st != 0) {
    if (st < 0) return LL_ERRMEM;
    st = vphraserun(m, ix, P, np, mask, hits, &n);
    ll_free(m, P, np * sizeof *P);
    if (count != NULL) *count = n;
    return st;
  }
  st = resolve(m, ix, q, &r);
  if (st == LL_OK) st = run(m, ix, &r, mask, hits, &n);
  freeres(&r);
  if (count != NULL) *count = n;
  return st;
}

int ll_index_count_cheap(ll_Mem *m, const ll_Index *ix, const ll_Query *q, int *cheap) {
  Res r;
  int st;
  *cheap = 0;
  if (q->terms.n != 1) return LL_OK; /* a phrase, or nothing */
  st = resolve(m, ix, q, &r);
  if (st == LL_OK) *cheap = r.none || (r.n == 1 && r.t[0].set == NULL);
  freeres(&r);
  return st;
}

/* ------------------------------------------------------------------ */
/* Concordances                                                        */
/* ------------------------------------------------------------------ */

void ll_seg_context(const ll_Seg *sg, const ll_Hit *h, size_t width, size_t *left, size_t *right) {
  const unsigned char *s = (const unsigned char *)sg->text;
  size_t i = h->pos, k;
  for (k = 0; k < width && i > 0; k++) {
    i--;
    while (i > 0 && (s[i] & 0xC0) == 0x80) i--;
  }
  *left = i;
  i = h->pos + h->len;
  for (k = 0; k < width && i < sg->len; k++) {
    if (s[i] < 0x80)
      i++; /* the common case */
    else
      i += ll_utf8_charlen(sg->text + i, sg->len - i);
  }
  *right = i;
}

void ll_index_context(const ll_Index *ix, const ll_Hit *h, size_t width, size_t *left,
                      size_t *right) {
  ll_Seg tmp;
  ll_seg_context(segat(ix, h->seg, &tmp), h, width, left, right);
}

typedef struct SortCtx {
  const ll_Index *ix;
  const ll_Hit *hits;
  const uint32_t *rank;
  int side;
} SortCtx;

/* Hits are sorted by at most this many words on their side: hits whose
** SORT_DEPTH nearest words are the same keep document order. Compared to
** the end of their segments, the hits of one word repeated cost a whole
** segment a comparison: 9.4 s for 64 KB. */
#define SORT_DEPTH 32

/* compares the hits a and b by their words on one side, nearest first */
static int cmp_hit(uint32_t a, uint32_t b, const void *vctx) {
  const SortCtx *c = (const SortCtx *)vctx;
  const ll_Hit *x = &c->hits[a], *y = &c->hits[b];
  const ll_Index *ix = c->ix;
  size_t k;
  for (k = 1; k <= SORT_DEPTH; k++) {
    long wx = -1, wy = -1; /* rank of the k-th word, -1 when none */
    if (c->side == LL_SORT_LEFT) {
      if (x->tok >= ix->segstart[x->seg] + k) wx = (long)c->rank[WID(ix, x->tok - k)];
      if (y->tok >= ix->segstart[y->seg] + k) wy = (long)c->rank[WID(ix, y->tok - k)];
    } else {
      size_t tx = x->tok + x->ntok + k - 1, ty = y->tok + y->ntok + k - 1;
      if (tx < ix->segstart[x->seg + 1]) wx = (long)c->rank[WID(ix, tx)];
      if (ty < ix->segstart[y->seg + 1]) wy = (long)c->rank[WID(ix, ty)];
    }
    if (wx != wy) return wx < wy ? -1 : 1;
    if (wx < 0) return 0;
  }
  return 0;
}

int ll_index_sort(ll_Mem *m, const ll_Index *ix, ll_Hit *hits, size_t n, int side) {
  SortCtx c;
  uint32_t *perm, *tmp;
  ll_Hit *copy;
  size_t i, pn = n ? n : 1;
  if (n < 2) return LL_OK;
  if (n > 0xFFFFFFF0u || allwords(ix) != LL_OK) return LL_ERRMEM;
  c.ix = ix;
  c.hits = hits;
  c.side = side;
  c.rank = ranks(m, ix);
  perm = (uint32_t *)ll_malloc(m, pn * sizeof *perm);
  tmp = (uint32_t *)ll_malloc(m, pn * sizeof *tmp);
  copy = (ll_Hit *)ll_malloc(m, pn * sizeof *copy);
  if (c.rank == NULL || perm == NULL || tmp == NULL || copy == NULL) {
    if (c.rank != NULL) freeranks(m, ix, (uint32_t *)c.rank);
    ll_free(m, perm, pn * sizeof *perm);
    ll_free(m, tmp, pn * sizeof *tmp);
    ll_free(m, copy, pn * sizeof *copy);
    return LL_ERRMEM;
  }
  for (i = 0; i < n; i++) perm[i] = (uint32_t)i;
  msort(perm, tmp, n, cmp_hit, &c);
  memcpy(copy, hits, n * sizeof *copy);
  for (i = 0; i < n; i++) hits[i] = copy[perm[i]];
  freeranks(m, ix, (uint32_t *)c.rank);
  ll_free(m, perm, pn * sizeof *perm);
  ll_free(m, tmp, pn * sizeof *tmp);
  ll_free(m, copy, pn * sizeof *copy);
  return LL_OK;
}

/* ------------------------------------------------------------------ */
/* Frequencies                                                         */
/* ------------------------------------------------------------------ */

typedef struct FreqCtx {
  const ll_Index *ix;
  const size_t *count; /* per word id */
} FreqCtx;

static int cmp_freq(uint32_t a, uint32_t b, const void *vctx) {
  const FreqCtx *c = (const FreqCtx *)vctx;
  if (c->count[a] != c->count[b]) return c->count[a] > c->count[b] ? -1 : 1;
  return wordcmp(c->ix, a, b);
}

/* Pushes ll_Freq for ids[0, n) sorted by count[] descending then word. */
static int freqlist(ll_Mem *m, const ll_Index *ix, const size_t *count, uint32_t *ids, size_t n,
                    ll_Vec *out) {
  size_t i;
  uint32_t *tmp = (uint32_t *)ll_malloc(m, (n ? n : 1) * sizeof *tmp);
  FreqCtx c;
  int st;
  if (tmp == NULL) return LL_ERRMEM;
  c.ix = ix;
  c.count = count;
  msort(ids, tmp, n, cmp_freq, &c);
  st = ll_vec_reserve(m, out, n);
  for (i = 0; i < n && st == LL_OK; i++) {
    ll_Freq *f = (ll_Freq *)ll_vec_push(m, out);
    f->word = ids[i];
    f->count = count[ids[i]];
  }
  ll_free(m, tmp, (n ? n : 1) * sizeof *tmp);
  return st;
}

/* The words counted min times or more (count[]), not in skip, as a
** frequency list into out (freqlist). */
static int keptwords(ll_Mem *m, const ll_Index *ix, const size_t *count, size_t min,
                     const unsigned char *skip, uint32_t *ids, ll_Vec *out) {
  size_t i, n = 0;
  for (i = 0; i < ix->nwords; i++)
    if (count[i] >= min && (skip == NULL || !skip[i])) ids[n++] = (uint32_t)i;
  return freqlist(m, ix, count, ids, n, out);
}

int ll_index_frequencies(ll_Mem *m, const ll_Index *ix, unsigned mask, size_t min,
                         const unsigned char *skip, ll_Vec *out) {
  size_t nw = ix->nwords ? ix->nwords : 1;
  size_t *count = (size_t *)ll_malloc(m, nw * sizeof *count);
  uint32_t *ids = (uint32_t *)ll_malloc(m, nw * sizeof *ids);
  int st = LL_OK;
  if (min < 1) min = 1;
  if (count == NULL || ids == NULL || allwords(ix) != LL_OK) st = LL_ERRMEM;
  if (st == LL_OK) {
    wordcounts(ix, mask, count);
    st = keptwords(m, ix, count, min, skip, ids, out);
  }
  ll_free(m, count, nw * sizeof *count);
  ll_free(m, ids, nw * sizeof *ids);
  return st;
}

/* ------------------------------------------------------------------ */
/* N-grams                                                             */
/* ------------------------------------------------------------------ */

typedef struct GramCtx {
  const ll_Index *ix;
  const ll_Gram *g;
  const uint32_t *rank;
  size_t n;
} GramCtx;

static int cmp_gram(uint32_t a, uint32_t b, const void *vctx) {
  const GramCtx *c = (const GramCtx *)vctx;
  const ll_Gram *x = &c->g[a], *y = &c->g[b];
  size_t k;
  if (x->count != y->count) return x->count > y->count ? -1 : 1;
  /* the joined string's order is the order of the word sequences, since
     the space that joins sorts before every byte a word can hold */
  for (k = 0; k < c->n; k++) {
    uint32_t rx = c->rank[WID(c->ix, x->tok + k)];
    uint32_t ry = c->rank[WID(c->ix, y->tok + k)];
    if (rx != ry) return rx < ry ? -1 : 1;
  }
  return 0;
}

static uint32_t gramhash(const ll_Index *ix, size_t t, size_t n) {
  uint32_t h = 2166136261u;
  size_t k;
  for (k = 0; k < n; k++) {
    h ^= WID(ix, t + k);
    h *= 16777619u;
    h ^= h >> 15;
  }
  return h;
}

static int sameseq(const ll_Index *ix, size_t a, size_t b, size_t n) {
  size_t k;
  for (k = 0; k < n; k++)
    if (WID(ix, a + k) != WID(ix, b + k)) return 0;
  return 1;
}

/* Doubles the n-grams' hash table (*slots, *ns slots), every n-gram of g
** placed again; on failure the table is as it was. */
static int growgrams(ll_Mem *m, const ll_Index *ix, size_t n, const ll_Vec *g, uint32_t **slots,
                     size_t *ns) {
  size_t nn = *ns * 2, j;
  uint32_t *sl;
  if (nn > (size_t)-1 / sizeof *sl) return LL_ERRMEM;
  sl = (uint32_t *)ll_malloc(m, nn * sizeof *sl);
  if (sl == NULL) return LL_ERRMEM;
  memset(sl, 0, nn * sizeof *sl);
  for (j = 0; j < g->n; j++) {
    const ll_Gram *x = (const ll_Gram *)g->p + j;
    size_t q = gramhash(ix, x->tok, n) & (nn - 1);
    while (sl[q] != 0) q = (q + 1) & (nn - 1);
    sl[q] = (uint32_t)j + 1;
  }
  ll_free(m, *slots, *ns * sizeof **slots);
  *slots = sl;
  *ns = nn;
  return LL_OK;
}

/* The n-grams of g counted min times or more, into out in cmp_gram's
** order (most frequent first). */
static int keepgrams(ll_Mem *m, const ll_Index *ix, size_t n, const ll_Vec *g, size_t min,
                     ll_Vec *out) {
  size_t gn = g->n ? g->n : 1, i, kept = 0;
  uint32_t *ids = (uint32_t *)ll_malloc(m, gn * sizeof *ids);
  uint32_t *tmp = (uint32_t *)ll_malloc(m, gn * sizeof *tmp);
  uint32_t *rank = ranks(m, ix);
  int st = LL_OK;
  GramCtx c;
  if (ids == NULL || tmp == NULL || rank == NULL) st = LL_ERRMEM;
  if (st == LL_OK) {
    for (i = 0; i < g->n; i++)
      if (((const ll_Gram *)g->p)[i].count >= min) ids[kept++] = (uint32_t)i;
    c.ix = ix;
    c.g = (const ll_Gram *)g->p;
    c.rank = rank;
    c.n = n;
    msort(ids, tmp, kept, cmp_gram, &c);
    st = ll_vec_reserve(m, out, kept);
  }
  for (i = 0; i < kept && st == LL_OK; i++)
    *(ll_Gram *)ll_vec_push(m, out) = ((const ll_Gram *)g->p)[ids[i]];
  ll_free(m, ids, gn * sizeof *ids);
  ll_free(m, tmp, gn * sizeof *tmp);
  if (rank != NULL) freeranks(m, ix, rank);
  return st;
}

/* N-grams (see ll_index_ngrams); with bydoc, each counted once a document. */
static int grams(ll_Mem *m, const ll_Index *ix, size_t n, unsigned mask, size_t min, int bydoc,
                 ll_Vec *out) {
  ll_Vec g;    /* distinct n-grams */
  ll_Vec last; /* with bydoc: the document (+ 1) each was last counted in */
  uint32_t *slots = NULL;
  size_t ns = 1024, seg, t, doc = 0, local;
  int st = LL_OK;
  if (n < 1 || n > LL_MAXNGRAM) return LL_ERRINPUT;
  if (min < 1) min = 1;
  if (allwords(ix) != LL_OK) return LL_ERRMEM;
  ll_vec_init(&g, sizeof(ll_Gram));
  ll_vec_init(&last, sizeof(size_t));
  slots = (uint32_t *)ll_malloc(m, ns * sizeof *slots);
  if (slots == NULL) return LL_ERRMEM;
  memset(slots, 0, ns * sizeof *slots);
  for (seg = allok(ix) ? 0 : ix->nsegs; seg < ix->nsegs && st == LL_OK; seg++) {
    size_t end = ix->segstart[seg + 1];
    if (!inmask(ix, seg, mask)) continue;
    if (bydoc) doc = ll_index_docof(ix, seg, &local) + 1;
    for (t = ix->segstart[seg]; t + n <= end && st == LL_OK; t++) {
      size_t k = gramhash(ix, t, n) & (ns - 1);
      ll_Gram *e;
      for (;;) {
        uint32_t s = slots[k];
        if (s == 0) break;
        e = (ll_Gram *)g.p + (s - 1);
        if (sameseq(ix, e->tok, t, n)) break;
        k = (k + 1) & (ns - 1);
      }
      if (slots[k] != 0) {
        if (!bydoc) {
          ((ll_Gram *)g.p)[slots[k] - 1].count++;
        } else if (((size_t *)last.p)[slots[k] - 1] != doc) {
          ((size_t *)last.p)[slots[k] - 1] = doc;
          ((ll_Gram *)g.p)[slots[k] - 1].count++;
        }
        continue;
      }
      if (g.n >= 0xFFFFFFF0u) {
        st = LL_ERRMEM;
        break;
      }
      e = (ll_Gram *)ll_vec_push(m, &g);
      if (e == NULL) {
        st = LL_ERRMEM;
        break;
      }
      e->tok = t;
      e->count = 1;
      slots[k] = (uint32_t)g.n;
      if (bydoc) {
        size_t *l = (size_t *)ll_vec_push(m, &last);
        if (l == NULL) {
          st = LL_ERRMEM;
          break;
        }
        *l = doc;
      }
      if (g.n * 2 > ns) st = growgrams(m, ix, n, &g, &slots, &ns);
    }
  }
  ll_free(m, slots, ns * sizeof *slots);
  if (st == LL_OK) st = keepgrams(m, ix, n, &g, min, out);
  ll_vec_free(m, &g);
  ll_vec_free(m, &last);
  return st;
}

int ll_index_ngrams(ll_Mem *m, const ll_Index *ix, size_t n, unsigned mask, size_t min,
                    ll_Vec *out) {
  return grams(m, ix, n, mask, min, 0, out);
}

int ll_index_docgrams(ll_Mem *m, const ll_Index *ix, size_t n, unsigned mask, size_t min,
                      ll_Vec *out) {
  return grams(m, ix, n, mask, min, 1, out);
}

/* ------------------------------------------------------------------ */
/* Collocates                                                          */
/* ------------------------------------------------------------------ */

#define SMALL 1e-20

/* NLTK's BigramAssocMeasures on the marginals O = n_ii, R = n_ix,
** C = n_xi, N = n_xx. */
static double measure(int which, double O, double R, double C, double N) {
  if (which == LL_MI) return log2(O * N) - log2(R * C);
  if (which == LL_T) return (O - R * C / N) / sqrt(O + SMALL);
  {
    double o[4], e[4], sum = 0;
    int i;
    o[0] = O;
    o[1] = C - O; /* n_oi: the word, outside the span */
    o[2] = R - O; /* n_io: the span, other words */
    o[3] = N - O - o[1] - o[2];
    for (i = 0; i < 4; i++) e[i] = (o[i] + o[i ^ 1]) * (o[i] + o[i ^ 2]) / N;
    for (i = 0; i < 4; i++) sum += o[i] * log(o[i] / (e[i] + SMALL) + SMALL);
    return 2 * sum;
  }
}

typedef struct CollCtx {
  const ll_Index *ix;
  const ll_Colloc *c;
} CollCtx;

static int cmp_coll(uint32_t a, uint32_t b, const void *vctx) {
  const CollCtx *x = (const CollCtx *)vctx;
  double sa = x->c[a].score, sb = x->c[b].score;
  if (sa != sb) {
    if (sa != sa) return 1; /* NaN last */
    if (sb != sb) return -1;
    return sa > sb ? -1 : 1;
  }
  return wordcmp(x->ix, x->c[a].word, x->c[b].word);
}

int ll_index_collocates(ll_Mem *m, const ll_Index *ix, const ll_Query *q, unsigned mask,
                        size_t window, int which, size_t min, const unsigned char *skip,
                        ll_Vec *out) {
  ll_Vec hits;
  size_t nhits;
  int st;
  ll_vec_init(&hits, sizeof(ll_Hit));
  st = ll_index_match(m, ix, q, mask, &hits, &nhits);
  if (st == LL_OK)
    st = ll_index_collocates_hits(m, ix, (const ll_Hit *)hits.p, nhits, mask, window, which, min,
                                  skip, out);
  ll_vec_free(m, &hits);
  return st;
}

/* Counts each possessive word (union's) with its word (union) where the
** index has that word: the possessive's o and kc added to the word's, its
** own set to 0. */
static void foldposs(const ll_Index *ix, size_t *o, size_t *kc) {
  size_t i;
  for (i = 0; i < ix->nwords; i++) {
    size_t n, b;
    const char *w = ll_index_word(ix, (uint32_t)i, &n);
    uint32_t base;
    b = unposs(w, n);
    if (b == n) continue;
    base = ll_index_lookup(ix, w, b);
    if (base == LL_NOWORD || base == i) continue;
    o[base] += o[i];
    kc[base] += kc[i];
    o[i] = 0;
    kc[i] = 0;
  }
}

int ll_index_collocates_hits(ll_Mem *m, const ll_Index *ix, const ll_Hit *hitv, size_t nhits,
                             unsigned mask, size_t window, int which, size_t min,
                             const unsigned char *skip, ll_Vec *out) {
  ll_Vec cs;
  size_t nw = ix->nwords ? ix->nwords : 1, *o = NULL, *kc = NULL;
  size_t i, j = 0, upto = 0, span = 0, N;
  int st = LL_OK, fold = (which & LL_FOLDPOSS) != 0;
  which &= ~LL_FOLDPOSS;
  if (min < 1) min = 1;
  ll_vec_init(&cs, sizeof(ll_Colloc));
  o = (size_t *)ll_malloc(m, nw * sizeof *o);
  if (o == NULL || allwords(ix) != LL_OK)
    st = LL_ERRMEM;
  else
    memset(o, 0, nw * sizeof *o);
  /* the span: tokens are visited in increasing order, each once */
  for (i = 0; i < nhits && st == LL_OK; i++) {
    const ll_Hit *h = hitv + i;
    size_t first = ix->segstart[h->seg], last = ix->segstart[h->seg + 1];
    size_t a = h->tok >= first + window ? h->tok - window : first;
    size_t b = h->tok + h->ntok + window < last ? h->tok + h->ntok + window : last;
    size_t t;
    if (a < upto) a = upto;
    for (t = a; t < b; t++) {
      const ll_Hit *hj;
      /* skip the tokens of hits (in order, none overlapping) */
      while (j < nhits && hitv[j].tok + hitv[j].ntok <= t) j++;
      hj = hitv + j;
      if (j < nhits && hj->tok <= t) continue;
      o[WID(ix, t)]++;
      span++;
    }
    if (b > upto) upto = b;
  }
  N = ll_index_ntokens(ix, mask);
  if (st == LL_OK && ((mask & LL_KINDMASK) || fold)) { /* the words' counts in one pass */
    kc = (size_t *)ll_malloc(m, nw * sizeof *kc);
    if (kc == NULL)
      st = LL_ERRMEM;
    else
      wordcounts(ix, mask, kc);
  }
  if (st == LL_OK && fold) foldposs(ix, o, kc);
  for (i = 0; i < ix->nwords && st == LL_OK; i++) {
    ll_Colloc *c;
    if (o[i] < min || (skip != NULL && skip[i])) continue;
    c = (ll_Colloc *)ll_vec_push(m, &cs);
    if (c == NULL) {
      st = LL_ERRMEM;
      break;
    }
    c->word = (uint32_t)i;
    c->count = o[i];
    c->score =
        measure(which, (double)o[i], (double)span,
                (double)(kc != NULL ? kc[i] : ll_index_freq(ix, (uint32_t)i, mask)), (double)N);
  }
  if (st == LL_OK && cs.n > 0) {
    CollCtx x;
    x.ix = ix;
    x.c = (const ll_Colloc *)cs.p;
    st = sortedinto(m, &cs, cmp_coll, &x, out);
  }
  ll_free(m, o, nw * sizeof *o);
  ll_free(m, kc, nw * sizeof *kc);
  ll_vec_free(m, &cs);
  return st;
}

/* ------------------------------------------------------------------ */
/* Dispersion                                                          */
/* ------------------------------------------------------------------ */

void ll_index_offsets(const ll_Index *ix, const ll_Hit *hits, size_t n, unsigned mask,
                      size_t *out) {
  size_t seg = 0, acc = 0, i;
  if (n > 0 && !allok(ix)) {
    for (i = 0; i < n; i++) out[i] = 0;
    return;
  }
  for (i = 0; i < n; i++) {
    while (seg < hits[i].seg) {
      if (inmask(ix, seg, mask)) acc += ix->segstart[seg + 1] - ix->segstart[seg];
      seg++;
    }
    out[i] = acc + (hits[i].tok - ix->segstart[seg]);
  }
}

/* ------------------------------------------------------------------ */
/* Co-occurrence                                                       */
/* ------------------------------------------------------------------ */

/* One hit of one of the queries of a co-occurrence. */
typedef struct Sub {
  ll_Hit h;
  size_t q;
} Sub;

/* the last token of hit h */
#define LASTTOK(h) ((h)->tok + (h)->ntok - 1)

/* Pushes the hit from sub-hit a to sub-hit b (a's sentence). */
static int cohit(ll_Mem *m, const ll_Hit *a, const ll_Hit *b, ll_Vec *hits, size_t *count) {
  ll_Hit *h;
  (*count)++;
  if (hits == NULL) return LL_OK;
  h = (ll_Hit *)ll_vec_push(m, hits);
  if (h == NULL) return LL_ERRMEM;
  *h = *a;
  h->ntok = LASTTOK(b) + 1 - a->tok;
  h->len = b->pos + b->len - a->pos;
  return LL_OK;
}

/* The hits of one group of sub-hits v[0, n) (one segment; for a sentence,
** one sentence), in order of first token: by sentence, one hit when every
** query is there; within n words, the shortest windows from the left. */
static int cogroup(ll_Mem *m, const Sub *v, size_t n, size_t nq, size_t within, size_t *seen,
                   ll_Vec *hits, size_t *count) {
  size_t i, k, found = 0, last = 0;
  if (within == 0) {
    for (k = 0; k < nq; k++) seen[k] = 0;
    for (i = 0; i < n; i++) {
      if (!seen[v[i].q]) found++;
      seen[v[i].q] = 1;
      if (LASTTOK(&v[i].h) > LASTTOK(&v[last].h)) last = i;
    }
    return found == nq ? cohit(m, &v[0].h, &v[last].h, hits, count) : LL_OK;
  }
  i = 0;
  while (i < n) {
    /* the window from sub-hit i: the first hit of each query from there */
    size_t end = 0, endi = i, ok = 1, j;
    for (k = 0; k < nq && ok; k++) {
      for (j = i; j < n && v[j].q != k; j++) continue;
      if (j == n)
        ok = 0;
      else if (LASTTOK(&v[j].h) >= end) {
        end = LASTTOK(&v[j].h);
        endi = j;
      }
    }
    if (!ok) break; /* no later window can hold every query either */
    if (end - v[i].h.tok > within) {
      i++;
      continue;
    }
    /* a shorter window starting later, inside this one, is taken instead */
    if (i + 1 < n && v[i + 1].h.tok > v[i].h.tok) {
      size_t end2 = 0, ok2 = 1;
      for (k = 0; k < nq && ok2; k++) {
        for (j = i + 1; j < n && v[j].q != k; j++) continue;
        if (j == n)
          ok2 = 0;
        else if (LASTTOK(&v[j].h) > end2)
          end2 = LASTTOK(&v[j].h);
      }
      if (ok2 && end2 <= end) {
        i++;
        continue;
      }
    }
    if (cohit(m, &v[i].h, &v[endi].h, hits, count) != LL_OK) return LL_ERRMEM;
    while (i < n && v[i].h.tok <= end) i++;
  }
  return LL_OK;
}

/* orders sub-hits by segment, first token, then query */
static int subbefore(const Sub *a, const Sub *b) {
  if (a->h.seg != b->h.seg) return a->h.seg < b->h.seg;
  if (a->h.tok != b->h.tok) return a->h.tok < b->h.tok;
  return a->q < b->q;
}

/* Merges the sorted runs v[0, mid) and v[mid, n) in place. */
static int mergesubs(ll_Mem *m, Sub *v, size_t mid, size_t n) {
  Sub *t = (Sub *)ll_malloc(m, n * sizeof *t);
  size_t a = 0, b = mid, k = 0;
  if (t == NULL) return LL_ERRMEM;
  while (a < mid || b < n) {
    if (b == n || (a < mid && !subbefore(&v[b], &v[a])))
      t[k++] = v[a++];
    else
      t[k++] = v[b++];
  }
  memcpy(v, t, n * sizeof *t);
  ll_free(m, t, n * sizeof *t);
  return LL_OK;
}

int ll_index_cooccur(ll_Mem *m, const ll_Index *ix, const ll_Query *qs, size_t nq, size_t within,
                     unsigned mask, ll_Vec *hits, size_t *count) {
  ll_Vec all, one;
  size_t i, k, n = 0, *seen = NULL;
  int st = LL_OK;
  *count = 0;
  ll_vec_init(&all, sizeof(Sub));
  ll_vec_init(&one, sizeof(ll_Hit));
  if (nq == 0) return LL_OK;
  seen = (size_t *)ll_malloc(m, nq * sizeof *seen);
  if (seen == NULL) st = LL_ERRMEM;
  /* every query's hits, merged into one list in document order */
  for (k = 0; k < nq && st == LL_OK; k++) {
    size_t nk = 0, before = all.n;
    one.n = 0;
    st = ll_index_match(m, ix, &qs[k], mask, &one, &nk);
    if (st == LL_OK) st = ll_vec_reserve(m, &all, nk);
    for (i = 0; i < nk && st == LL_OK; i++) {
      Sub *x = (Sub *)ll_vec_push(m, &all);
      x->h = ((const ll_Hit *)one.p)[i];
      x->q = k;
    }
    /* the new run merged into the sorted list */
    if (st == LL_OK && before > 0 && nk > 0) st = mergesubs(m, (Sub *)all.p, before, all.n);
  }
  /* groups: one segment, or one sentence of it */
  for (i = 0; i < all.n && st == LL_OK; i = n) {
    const Sub *v = (const Sub *)all.p;
    for (n = i + 1;
         n < all.n && v[n].h.seg == v[i].h.seg && (within > 0 || v[n].h.sent == v[i].h.sent); n++)
      continue;
    st = cogroup(m, v + i, n - i, nq, within, seen, hits, count);
  }
  ll_free(m, seen, nq * sizeof *seen);
  ll_vec_free(m, &all);
  ll_vec_free(m, &one);
  return st;
}

/* ------------------------------------------------------------------ */
/* Per document                                                        */
/* ------------------------------------------------------------------ */

size_t ll_index_ndocs(const ll_Index *ix) {
  return ix->docseg != NULL ? ix->ndocs : 1;
}

/* the segments [*first, *last) of document d */
static void docsegs(const ll_Index *ix, size_t d, size_t *first, size_t *last) {
  if (ix->docseg == NULL) {
    *first = 0;
    *last = ix->nsegs;
    return;
  }
  *first = ix->docseg[d];
  *last = ix->docseg[d + 1];
}

void ll_index_perdoc(const ll_Index *ix, const ll_Hit *hits, size_t n, size_t *counts) {
  size_t i, local;
  for (i = 0; i < n; i++) counts[ll_index_docof(ix, hits[i].seg, &local)]++;
}

void ll_index_docsizes(const ll_Index *ix, unsigned mask, size_t *words, size_t *sents) {
  size_t d, nd = ll_index_ndocs(ix), seg, a, b;
  int ok = allok(ix);
  for (d = 0; d < nd; d++) {
    words[d] = sents[d] = 0;
    if (!ok) continue;
    docsegs(ix, d, &a, &b);
    for (seg = a; seg < b; seg++) {
      if (!inmask(ix, seg, mask)) continue;
      words[d] += ix->segstart[seg + 1] - ix->segstart[seg];
      if (ix->segtab != NULL) {
        sents[d] += ix->segtab->nsents(ix->segtab->ud, seg);
      } else {
        const ll_Seg *sg = SEG(ix, seg);
        if (sg->block != NULL) sents[d] += sg->block->nsents;
      }
    }
  }
}

int ll_index_docfreq(ll_Mem *m, const ll_Index *ix, unsigned mask, size_t min,
                     const unsigned char *skip, ll_Vec *out) {
  size_t nw = ix->nwords ? ix->nwords : 1, d, nd = ll_index_ndocs(ix), seg, a, b, t;
  size_t *count = (size_t *)ll_malloc(m, nw * sizeof *count);
  size_t *last = (size_t *)ll_malloc(m, nw * sizeof *last);
  uint32_t *ids = (uint32_t *)ll_malloc(m, nw * sizeof *ids);
  int st = LL_OK;
  if (min < 1) min = 1;
  if (count == NULL || last == NULL || ids == NULL || allwords(ix) != LL_OK) st = LL_ERRMEM;
  if (st == LL_OK) {
    memset(count, 0, nw * sizeof *count);
    memset(last, 0, nw * sizeof *last);
    for (d = allok(ix) ? 0 : nd; d < nd; d++) {
      docsegs(ix, d, &a, &b);
      for (seg = a; seg < b; seg++) {
        if (!inmask(ix, seg, mask)) continue;
        for (t = ix->segstart[seg]; t < ix->segstart[seg + 1]; t++) {
          uint32_t w = WID(ix, t);
          if (last[w] != d + 1) {
            last[w] = d + 1;
            count[w]++;
          }
        }
      }
    }
    st = keptwords(m, ix, count, min, skip, ids, out);
  }
  ll_free(m, count, nw * sizeof *count);
  ll_free(m, last, nw * sizeof *last);
  ll_free(m, ids, nw * sizeof *ids);
  return st;
}

/* ------------------------------------------------------------------ */
/* Keywords                                                            */
/* ------------------------------------------------------------------ */

typedef struct KeyCtx {
  const ll_Index *ix;
  const ll_Key *k;
} KeyCtx;

static int cmp_key(uint32_t a, uint32_t b, const void *vctx) {
  const KeyCtx *x = (const KeyCtx *)vctx;
  if (x->k[a].score != x->k[b].score) return x->k[a].score > x->k[b].score ? -1 : 1;
  return wordcmp(x->ix, x->k[a].word, x->k[b].word);
}

/* one term of the log-likelihood: O ln(O / E), 0 when O is */
static double llterm(double o, double e) {
  return o > 0 && e > 0 ? o * log(o / e) : 0.0;
}

int ll_index_keywords(ll_Mem *m, const ll_Index *ix, unsigned mask, const unsigned char *pick,
                      int which, size_t min, const unsigned char *skip, ll_Vec *out) {
  size_t nw = ix->nwords ? ix->nwords : 1, i, d, nd = ll_index_ndocs(ix), seg, a, b, t;
  size_t *ca = (size_t *)ll_malloc(m, nw * sizeof *ca);
  size_t *cb = (size_t *)ll_malloc(m, nw * sizeof *cb);
  double N1 = 0, N2 = 0;
  ll_Vec ks;
  int st = LL_OK;
  if (min < 1) min = 1;
  ll_vec_init(&ks, sizeof(ll_Key));
  if (ca == NULL || cb == NULL || allwords(ix) != LL_OK) st = LL_ERRMEM;
  if (st == LL_OK) {
    memset(ca, 0, nw * sizeof *ca);
    memset(cb, 0, nw * sizeof *cb);
    for (d = allok(ix) ? 0 : nd; d < nd; d++) {
      size_t *c = pick[d] ? ca : cb;
      docsegs(ix, d, &a, &b);
      for (seg = a; seg < b; seg++) {
        if (!inmask(ix, seg, mask)) continue;
        for (t = ix->segstart[seg]; t < ix->segstart[seg + 1]; t++) c[WID(ix, t)]++;
        if (pick[d])
          N1 += (double)(ix->segstart[seg + 1] - ix->segstart[seg]);
        else
          N2 += (double)(ix->segstart[seg + 1] - ix->segstart[seg]);
      }
    }
  }
  for (i = 0; i < ix->nwords && st == LL_OK && N1 > 0; i++) {
    double A = (double)ca[i], B = (double)cb[i], score;
    ll_Key *k;
    if (ca[i] < min || (skip != NULL && skip[i])) continue;
    if (N2 > 0 && A / N1 <= B / N2) continue; /* not more typical of the pages */
    if (which == LL_KEY_PDIFF) {
      double rb = N2 > 0 && B > 0 ? B / N2 : 1e-18;
      score = 100.0 * (A / N1 - (N2 > 0 ? B / N2 : 0)) / rb;
    } else {
      double E1 = N1 * (A + B) / (N1 + N2), E2 = N2 * (A + B) / (N1 + N2);
      score = 2.0 * (llterm(A, E1) + llterm(B, E2));
    }
    k = (ll_Key *)ll_vec_push(m, &ks);
    if (k == NULL) {
      st = LL_ERRMEM;
      break;
    }
    k->word = (uint32_t)i;
    k->count = ca[i];
    k->other = cb[i];
    k->score = score;
  }
  if (st == LL_OK && ks.n > 0) {
    KeyCtx x;
    x.ix = ix;
    x.k = (const ll_Key *)ks.p;
    st = sortedinto(m, &ks, cmp_key, &x, out);
  }
  ll_free(m, ca, nw * sizeof *ca);
  ll_free(m, cb, nw * sizeof *cb);
  ll_vec_free(m, &ks);
  return st;
}
