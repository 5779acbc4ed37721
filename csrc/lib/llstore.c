/*
** llstore.c: index files. Owns the file format (header, section table,
** page records, the corpus index's arrays), writing a file page by page
** through a temporary file renamed into place, and reading one by
** mapping it: the corpus index answers queries over the mapped arrays, and
** a page's document is made from its record only when asked for. POSIX
** (open, mmap, fstat, rename); knows nothing of Lua.
**
** The file, all integers in the writer's byte order (a reader of the
** other order refuses it):
**   header (64 bytes): magic "llindex\0", u32 version, u32 0x01020304,
**     u64 file size, u64 table offset, u32 sections, u32 0, u64 the
**     table's checksum, u64 0, u64 the checksum of the 56 bytes before
**   sections, each at an offset that is a multiple of 8, the bytes
**     between them zero; the page records first, the rest after them
**   the section table, last: per section u32 id, u32 flags, u64 offset,
**     u64 size, u64 checksum (0 for the page records, whose checksums are
**     in the page table, one a page, and for the vocabulary's entries,
**     normal forms and hash table, whose checksums are in S_VSUMS, one
**     each VCHUNK bytes)
** A section of an unknown id is skipped (a newer writer of the same
** version may add one); a missing one refuses the file, but S_CONTENT,
** which files of version 2 written before it lack (their pages' files
** are then stale whenever their time changed). Version 2 (issue #16): the
** vocabulary in the form it is read in (llindex.c, ll_index_pack_vocab),
** checked chunk by chunk; version 1 packed it whole, to be unpacked at
** every opening, and is refused with its own message.
**
** A page record is a list of fields, each a one-byte tag, its length as a
** varint (7 bits a byte, low first) and that many bytes; nested for blocks, notes, header fields and the
** Source. A reader skips the tags it does not know, so a field can be
** added to the model without a new version (see putblock, getblock).
*/
#define _POSIX_C_SOURCE 200809L

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include "ll.h"
#include "llindex.h"
#include "llstore.h"
#include "llswar.h"

#define MAGIC    "llindex"
#define BYTEMARK 0x01020304u
#define HEADSZ   64

/* section ids */
enum {
  S_RECORDS = 1, /* the page records, back to back */
  S_PAGES,       /* per page: PageEnt */
  S_PATHS,       /* the pages' paths, back to back */
  S_SEGS,        /* per segment: SegEnt */
  S_COUNTS,      /* the index's counts: NCOUNT u64 */
  S_TOKENS,
  S_CKPT,
  S_SEGSTART,
  S_DOCSEG,
  S_WORDS, /* the vocabulary's entries and their block index (ll_index_pack_vocab) */
  S_CHARS, /* its normal forms */
  S_SLOTS, /* its hash table */
  S_PVAR,
  S_WARNINGS, /* u32 length and bytes, each */
  S_VSUMS,    /* u64 checksum of each VCHUNK bytes of S_WORDS, S_CHARS, S_SLOTS */
  S_CONTENT,  /* per page: u64 ll_store_content of its file, or 0 (unknown);
                 optional: files written before it have none */
  S_LAST
};
/* The vocabulary's sections are read in place, the checksum of each
** VCHUNK bytes checked when a query first reads them (an index file's
** vocabulary opens in constant time: issue #16). */
#define VCHUNK 4096u
#define F_LAZY \
  1u /* checked piece by piece (the page records: each its checksum; the
        vocabulary: each VCHUNK bytes, S_VSUMS) */
#define F_LATE \
  2u /* checked by ll_store_check_all only: the tokens and the
                     postings, whose every value opening checks is in range
                     (a changed one gives a wrong answer, never a bad read) */

typedef struct SecEnt {
  uint32_t id, flags;
  uint64_t off, size, sum;
} SecEnt;

typedef struct PageEnt {
  uint64_t off, len, sum; /* the record */
  int64_t size, mtime_s, mtime_ns;
  uint64_t pathoff;
  uint32_t pathlen, flags; /* flags 1: has a path */
} PageEnt;

/* a segment in the file: its text and its sentences' varints, at offsets
** in its page's record; meta is the sentences' bytes | the part << 29 */
typedef struct SegRec {
  uint32_t text, len, sents, meta;
} SegRec;

/* the same, read */
typedef struct SegEnt {
  uint64_t text, sents; /* file offsets of the text and of its sentences */
  uint32_t len, sentlen, part, kind, page;
} SegEnt;

#define SENTBITS 26 /* meta: the sentences' bytes, then the kind (3 bits), the part (3) */

enum {
  C_NTOK,
  C_NWORDS,
  C_NSEGS,
  C_NDOCS,
  C_NSLOTS,
  C_NCHARS,
  C_NPVAR,
  C_NCKPT,
  C_NARROW,
  C_WORDSIZE,
  C_NPART,
  C_VSEED = C_NPART + LL_NPARTS, /* the seed of the vocabulary's hash */
  NCOUNT
};

/* record tags: a document */
enum {
  D_AUTHOR = 1,
  D_NUMBER,
  D_TITLE,
  D_SUBTITLE,
  D_FIELD,
  D_SOURCE,
  D_PARA,
  D_NOTE,
  D_NAV,
  D_WARN,
  D_FIRSTPAGE
};
/* a block */
enum { B_TEXT = 1, B_REFS, B_BREAKS, B_LABELS, B_SENTS, B_KIND, B_LABEL, B_SPANS, B_TABLE };
#define B_LAST B_TABLE
/* a header field; a note; a citation */
enum { F_NAME = 1, F_VALUE, F_REFS };
enum { N_NUM = 1, N_PARA, N_CITE };
enum { C_TEXT = 1, C_POS, C_LEN, C_PARA, C_WORK, C_PRESENT, C_VOLUME, C_RANGES };
/* the Source: strings but for the two numbers */
enum {
  SRC_WORK = 1,
  SRC_EDITION,
  SRC_PUBLISHER,
  SRC_PLACE,
  SRC_YEAR,
  SRC_VOLUME,
  SRC_FIRST,
  SRC_LAST,
  SRC_VOLUMES,
  SRC_ISSUE
};

/* ------------------------------------------------------------------ */
/* Checksums and small helpers                                         */
/* ------------------------------------------------------------------ */

#define MIX 0x9E3779B97F4A7C15ull

uint64_t ll_store_sum(const void *p, size_t n) {
  const unsigned char *s = (const unsigned char *)p;
  uint64_t h[4], w, r;
  size_t k;
  /* four lanes of 8-byte words, each step a bijection of its lane for a
     given word (so one changed word always changes its lane), then the
     lanes chained by the same steps: fast, as the lanes run side by side */
  for (k = 0; k < 4; k++) h[k] = 0x243F6A8885A308D3ull ^ (uint64_t)n ^ (k * MIX);
  while (n >= 32) {
    for (k = 0; k < 4; k++) {
      memcpy(&w, s + 8 * k, 8);
      h[k] = (h[k] ^ w) * MIX;
      h[k] ^= h[k] >> 32;
    }
    s += 32;
    n -= 32;
  }
  while (n >= 8) {
    memcpy(&w, s, 8);
    h[0] = (h[0] ^ w) * MIX;
    h[0] ^= h[0] >> 32;
    s += 8;
    n -= 8;
  }
  w = 0;
  if (n > 0) memcpy(&w, s, n);
  r = (h[0] ^ w) * MIX;
  for (k = 1; k < 4; k++) {
    r ^= r >> 29;
    r = (r ^ h[k]) * MIX;
  }
  r ^= r >> 29;
  return r;
}

static int fail(char *err, size_t errsz, const char *msg) {
  if (errsz > 0) snprintf(err, errsz, "%s", msg);
  return LL_ERRINPUT;
}

static uint64_t rd64(const unsigned char *p) {
  uint64_t v;
  memcpy(&v, p, 8);
  return v;
}

static uint32_t rd32(const unsigned char *p) {
  uint32_t v;
  memcpy(&v, p, 4);
  return v;
}

uint64_t ll_store_content(const void *p, size_t n) {
  return ll_store_sum(p, n) | 1u;
}

int ll_store_filecontent(ll_Mem *m, const char *path, uint64_t *out) {
  struct stat sb;
  unsigned char *buf = NULL;
  size_t n = 0, cap = 0;
  int fd = open(path, O_RDONLY | O_CLOEXEC), st = LL_ERRINPUT;
  if (fd < 0) return LL_ERRINPUT;
  /* read, not mapped: a file cut short while it is read would be a
     SIGBUS through a mapping; one that grows is read to its end */
  if (fstat(fd, &sb) == 0 && S_ISREG(sb.st_mode) && (uint64_t)sb.st_size < (size_t)-1 / 2) {
    cap = (size_t)sb.st_size + 1;
    buf = (unsigned char *)ll_malloc(m, cap);
    st = buf != NULL ? LL_OK : LL_ERRMEM;
    while (st == LL_OK) {
      ssize_t got;
      if (n == cap) {
        unsigned char *nb =
            cap < (size_t)-1 / 4 ? (unsigned char *)ll_realloc(m, buf, cap, cap * 2) : NULL;
        if (nb == NULL) {
          st = LL_ERRMEM;
          break;
        }
        buf = nb;
        cap *= 2;
      }
      got = read(fd, buf + n, cap - n);
      if (got < 0 && errno == EINTR) continue;
      if (got < 0) st = LL_ERRINPUT;
      if (got <= 0) break;
      n += (size_t)got;
    }
    if (st == LL_OK) *out = ll_store_content(buf, n);
    ll_free(m, buf, cap);
  }
  close(fd);
  return st;
}

int ll_store_statfile(const char *path, ll_PageInfo *out) {
  struct stat sb;
  if (stat(path, &sb) != 0) return LL_ERRINPUT;
  out->size = (int64_t)sb.st_size;
  out->mtime_s = (int64_t)sb.st_mtim.tv_sec;
  out->mtime_ns = (int64_t)sb.st_mtim.tv_nsec;
  return LL_OK;
}

/* ------------------------------------------------------------------ */
/* Page records: writing                                               */
/* ------------------------------------------------------------------ */

/* Where a segment's text went in the record being written. */
typedef struct Mark {
  const char *text;       /* the segment's text in the document */
  size_t off, soff, slen; /* in the record: text, sentences */
} Mark;

typedef struct Enc {
  ll_Mem *m;
  ll_Buf b;
  ll_Vec marks;
  int st;
} Enc;

static void put(Enc *e, const void *p, size_t n) {
  if (e->st == LL_OK) e->st = ll_buf_add(e->m, &e->b, (const char *)p, n);
}

static void putvar(Enc *e, uint64_t v) {
  unsigned char t[10];
  size_t n = 0;
  while (v >= 0x80) {
    t[n++] = (unsigned char)(v | 0x80);
    v >>= 7;
  }
  t[n++] = (unsigned char)v;
  put(e, t, n);
}

/* opens a field: its tag and room for its length, written by endf */
static size_t beginf(Enc *e, unsigned tag) {
  unsigned char t[5] = {(unsigned char)tag, 0, 0, 0, 0};
  put(e, t, 5);
  return e->b.n;
}

/* Closes the field whose payload starts at at: its length as a varint in
** the room before it, the payload moved back over what the varint leaves,
** and the marks inside it moved too. */
static void endf(Enc *e, size_t at) {
  size_t n, k = 0, i, shift;
  unsigned char t[5];
  uint32_t v;
  if (e->st != LL_OK) return;
  n = e->b.n - at;
  if (n > 0xFFFFFFF0u) {
    e->st = LL_ERRINPUT;
    return;
  }
  v = (uint32_t)n;
  while (v >= 0x80) {
    t[k++] = (unsigned char)(v | 0x80);
    v >>= 7;
  }
  t[k++] = (unsigned char)v;
  shift = 4 - k;
  memcpy(e->b.p + at - 4, t, k);
  if (shift > 0) {
    memmove(e->b.p + at - 4 + k, e->b.p + at, n);
    e->b.n -= shift;
    for (i = e->marks.n; i-- > 0;) {
      Mark *mk = (Mark *)e->marks.p + i;
      if (mk->off < at) break;
      mk->off -= shift;
      if (mk->slen > 0) mk->soff -= shift;
    }
  }
}

static void putstr(Enc *e, unsigned tag, const char *s, size_t n) {
  size_t at = beginf(e, tag);
  put(e, s, n);
  endf(e, at);
}

static void putcstr(Enc *e, unsigned tag, const char *s) {
  if (s != NULL) putstr(e, tag, s, strlen(s));
}

/* a signed number, zigzag: 0, -1, 1, -2, ... as 0, 1, 2, 3, ... */
static uint64_t zig(long v) {
  return v < 0 ? ((uint64_t)(-(v + 1)) << 1) | 1u : (uint64_t)v << 1;
}

static long unzig(uint64_t v) {
  return (v & 1u) ? -(long)(v >> 1) - 1 : (long)(v >> 1);
}

static void putuint(Enc *e, unsigned tag, uint64_t v) {
  size_t at = beginf(e, tag);
  putvar(e, v);
  endf(e, at);
}

/* notes where the text of a segment went */
static void mark(Enc *e, const char *text, size_t off, size_t soff, size_t slen) {
  Mark *k;
  if (e->st != LL_OK) return;
  k = (Mark *)ll_vec_push(e->m, &e->marks);
  if (k == NULL) {
    e->st = LL_ERRMEM;
    return;
  }
  k->text = text;
  k->off = off;
  k->soff = soff;
  k->slen = slen;
}

/* A block: its text first, then what points into it. New block fields
** get new tags here and in getblock. */
static void putblock(Enc *e, unsigned tag, const ll_Block *b) {
  size_t at = beginf(e, tag), i, toff, soff = 0, slen = 0, f;
  toff = beginf(e, B_TEXT);
  put(e, b->text, b->len);
  endf(e, toff);
  toff = e->b.n - b->len; /* where the text ended up */
  if (b->nrefs > 0) {
    f = beginf(e, B_REFS);
    for (i = 0; i < b->nrefs; i++) {
      putvar(e, (uint64_t)b->refs[i].note);
      putvar(e, (uint64_t)b->refs[i].pos);
    }
    endf(e, f);
  }
  if (b->nbreaks > 0) {
    f = beginf(e, B_BREAKS);
    for (i = 0; i < b->nbreaks; i++) putvar(e, (uint64_t)b->breaks[i]);
    endf(e, f);
  }
  if (b->labels != NULL && b->nbreaks > 0) {
    f = beginf(e, B_LABELS);
    for (i = 0; i < b->nbreaks; i++) {
      size_t n = b->labels[i] != NULL ? strlen(b->labels[i]) : 0;
      putvar(e, b->labels[i] != NULL ? (uint64_t)n + 1 : 0);
      put(e, b->labels[i], n);
    }
    endf(e, f);
  }
  if (b->nsents > 0) {
    size_t prev = 0;
    f = beginf(e, B_SENTS);
    soff = e->b.n;
    for (i = 0; i < b->nsents; i++) {
      putvar(e, (uint64_t)(b->sents[i].start - prev));
      putvar(e, (uint64_t)(b->sents[i].end - b->sents[i].start));
      prev = b->sents[i].end;
    }
    slen = e->b.n - soff;
    endf(e, f);
    soff = e->b.n - slen;
  }
  /* structure: only what differs from a plain paragraph */
  if (b->kind != LL_PARAGRAPH || b->level != 0) {
    f = beginf(e, B_KIND);
    putvar(e, (uint64_t)(b->kind >= 0 ? b->kind : 0));
    putvar(e, (uint64_t)(b->level >= 0 ? b->level : 0));
    endf(e, f);
  }
  if (b->label != NULL) putstr(e, B_LABEL, b->label, strlen(b->label));
  if (b->nspans > 0) {
    size_t prev = 0;
    f = beginf(e, B_SPANS);
    for (i = 0; i < b->nspans; i++) {
      const ll_Inline *sp = &b->spans[i];
      size_t hl = sp->href != NULL ? strlen(sp->href) : 0;
      putvar(e, (uint64_t)sp->kind);
      putvar(e, (uint64_t)(sp->pos - prev));
      putvar(e, (uint64_t)sp->len);
      putvar(e, sp->href != NULL ? (uint64_t)hl + 1 : 0);
      put(e, sp->href, hl);
      prev = sp->pos;
    }
    endf(e, f);
  }
  if (b->table != NULL) {
    const ll_Table *t = b->table;
    size_t prev = 0;
    f = beginf(e, B_TABLE);
    putvar(e, (uint64_t)t->nrows);
    for (i = 0; i < t->nrows; i++) putvar(e, (uint64_t)t->rowcells[i]);
    for (i = 0; i < t->ncells; i++) {
      putvar(e, (uint64_t)(t->cells[i].start - prev));
      putvar(e, (uint64_t)(t->cells[i].end - t->cells[i].start));
      prev = t->cells[i].end;
    }
    endf(e, f);
  }
  mark(e, b->text, toff, soff, slen);
  endf(e, at);
}

static void putrecord(Enc *e, const ll_Doc *d) {
  size_t i, k, at, f;
  putcstr(e, D_AUTHOR, d->author);
  putcstr(e, D_NUMBER, d->number);
  if (d->title != NULL) putblock(e, D_TITLE, d->title);
  if (d->subtitle != NULL) putblock(e, D_SUBTITLE, d->subtitle);
  for (i = 0; i < d->nfields; i++) {
    size_t v;
    at = beginf(e, D_FIELD);
    putcstr(e, F_NAME, d->fields[i].name);
    v = beginf(e, F_VALUE);
    put(e, d->fields[i].value, strlen(d->fields[i].value));
    endf(e, v);
    mark(e, d->fields[i].value, e->b.n - strlen(d->fields[i].value), 0, 0);
    if (d->fields[i].nrefs > 0) {
      size_t r, f2 = beginf(e, F_REFS);
      for (r = 0; r < d->fields[i].nrefs; r++) {
        putvar(e, (uint64_t)d->fields[i].refs[r].note);
        putvar(e, (uint64_t)d->fields[i].refs[r].pos);
      }
      endf(e, f2);
    }
    endf(e, at);
  }
  if (d->source != NULL) {
    const ll_Source *s = d->source;
    at = beginf(e, D_SOURCE);
    putcstr(e, SRC_WORK, s->work);
    putcstr(e, SRC_EDITION, s->edition);
    putcstr(e, SRC_PUBLISHER, s->publisher);
    putcstr(e, SRC_PLACE, s->place);
    putcstr(e, SRC_YEAR, s->year);
    if (s->volume != 0) putuint(e, SRC_VOLUME, zig(s->volume));
    putcstr(e, SRC_FIRST, s->first_page);
    putcstr(e, SRC_LAST, s->last_page);
    if (s->volumes != 0) putuint(e, SRC_VOLUMES, zig(s->volumes));
    putcstr(e, SRC_ISSUE, s->issue);
    endf(e, at);
  }
  if (d->first_page != 0) putuint(e, D_FIRSTPAGE, zig(d->first_page));
  for (i = 0; i < d->nparas; i++) putblock(e, D_PARA, &d->paras[i]);
  for (k = 0; k < d->nnotes; k++) {
    const ll_Note *nt = &d->notes[k];
    at = beginf(e, D_NOTE);
    putuint(e, N_NUM, (uint64_t)nt->n);
    for (i = 0; i < nt->nparas; i++) putblock(e, N_PARA, &nt->paras[i]);
    for (i = 0; i < nt->ncites; i++) {
      const ll_Cite *c = &nt->cites[i];
      size_t r, f2;
      f = beginf(e, N_CITE);
      putcstr(e, C_TEXT, c->text);
      putuint(e, C_POS, (uint64_t)c->pos);
      putuint(e, C_LEN, (uint64_t)c->len);
      putuint(e, C_PARA, (uint64_t)c->para);
      putcstr(e, C_WORK, c->work);
      if (c->present) putuint(e, C_PRESENT, 1);
      if (c->volume != 0) putuint(e, C_VOLUME, zig(c->volume));
      if (c->nranges > 0) {
        f2 = beginf(e, C_RANGES);
        for (r = 0; r < 2 * c->nranges; r++) putvar(e, zig(c->ranges[r]));
        endf(e, f2);
      }
      endf(e, f);
    }
    endf(e, at);
  }
  for (i = 0; i < d->nnav; i++) putcstr(e, D_NAV, d->nav[i]);
  for (i = 0; i < d->nwarnings; i++) putcstr(e, D_WARN, d->warnings[i]);
}

/* ------------------------------------------------------------------ */
/* Page records: reading                                               */
/* ------------------------------------------------------------------ */

/* A field list being read. */
typedef struct Rd {
  const unsigned char *p;
  size_t n, at;
} Rd;

/* The next field: 1 with *tag, *v, *len; 0 at the end; -1 when the list
** is cut short. */
static int nextf(Rd *r, unsigned *tag, const unsigned char **v, size_t *len) {
  uint64_t n = 0;
  unsigned sh = 0;
  size_t at;
  if (r->at == r->n) return 0;
  *tag = r->p[r->at];
  at = r->at + 1;
  for (;;) { /* the length: a varint of at most 5 bytes */
    unsigned char c;
    if (at >= r->n || sh > 28) return -1;
    c = r->p[at++];
    n |= (uint64_t)(c & 0x7F) << sh;
    if (!(c & 0x80)) break;
    sh += 7;
  }
  if (n > r->n - at) return -1;
  *v = r->p + at;
  *len = (size_t)n;
  r->at = at + (size_t)n;
  return 1;
}

/* reads a varint at *at of p[0, n); 0 when there is none whole */
static int getvar(const unsigned char *p, size_t n, size_t *at, uint64_t *out) {
  uint64_t v = 0;
  unsigned sh = 0;
  while (*at < n) {
    unsigned char c = p[(*at)++];
    if (sh >= 63 && c > 1) return 0;
    v |= (uint64_t)(c & 0x7F) << sh;
    if (!(c & 0x80)) {
      *out = v;
      return 1;
    }
    sh += 7;
    if (sh > 63) return 0;
  }
  return 0;
}

/* the varints of a field: how many, or -1 when they are not whole */
static long nvars(const unsigned char *p, size_t n) {
  size_t at = 0;
  long k = 0;
  uint64_t v;
  while (at < n) {
    if (!getvar(p, n, &at, &v)) return -1;
    k++;
  }
  return k;
}

typedef struct Dec {
  ll_Doc *d;
  const char *why; /* the first thing found wrong */
  int st;
} Dec;

static void bad(Dec *x, const char *why) {
  if (x->st == LL_OK) {
    x->st = LL_ERRINPUT;
    x->why = why;
  }
}

static void *alloc(Dec *x, size_t n, size_t esz) {
  void *p;
  if (n == 0 || x->st != LL_OK) return NULL;
  if (n > (size_t)-1 / esz) {
    x->st = LL_ERRMEM;
    return NULL;
  }
  p = ll_arena_alloc(&x->d->arena, n * esz);
  if (p == NULL) x->st = LL_ERRMEM;
  return p;
}

/* Is s[0, n) UTF-8 with no NUL? What ll_utf8_check says, without the
** place of a fault (which a corrupted record does not need): eight ASCII
** bytes at a time, so that the first query reaching a large page does not
** read its text a byte at a time. */
static int validtext(const char *s, size_t n) {
  const unsigned char *u = (const unsigned char *)s;
  size_t i = 0;
  while (i < n) {
    long cp;
    size_t k;
    if (n - i >= 8) {
      uint64_t v = ll_load8(s + i);
      if (!(v & LL_HIGHS) && !LL_HASLESS(v, 1)) {
        i += 8;
        continue;
      }
    }
    if (u[i] == 0) return 0;
    if (u[i] < 0x80) {
      i++;
      continue;
    }
    k = ll_utf8_decode(s + i, n - i, &cp);
    if (k == 1) return 0; /* a stray byte */
    i += k;
  }
  return 1;
}

/* a string field: UTF-8 without NUL, copied '\0'-terminated */
static char *getstr(Dec *x, const unsigned char *v, size_t n) {
  char *s;
  if (x->st != LL_OK) return NULL;
  if (!validtext((const char *)v, n)) {
    bad(x, "a string is not UTF-8");
    return NULL;
  }
  s = ll_arena_strndup(&x->d->arena, (const char *)v, n);
  if (s == NULL) x->st = LL_ERRMEM;
  return s;
}

/* is byte i of s[0, n) where a character starts (or the end)? */
static int boundary(const char *s, size_t n, size_t i) {
  return i == 0 || i >= n || ((unsigned char)s[i] & 0xC0) != 0x80;
}

/* A block's spans: kind, position (from the span before), length, href. */
static void getspans(Dec *x, const unsigned char *v, size_t len, ll_Block *b) {
  size_t at = 0, n = 0, i, prev = 0;
  uint64_t k = 0, pos = 0, l = 0, h = 0;
  /* count them first: four varints and an href each */
  while (at < len) {
    if (!getvar(v, len, &at, &k) || !getvar(v, len, &at, &pos) || !getvar(v, len, &at, &l) ||
        !getvar(v, len, &at, &h) || (h > 0 && h - 1 > len - at)) {
      bad(x, "bad spans");
      return;
    }
    at += h > 0 ? (size_t)(h - 1) : 0;
    n++;
  }
  if (n == 0 || n > 0xFFFFFFF0u) {
    bad(x, "bad spans");
    return;
  }
  b->spans = (ll_Inline *)alloc(x, n, sizeof *b->spans);
  b->nspans = (unsigned)n;
  for (at = 0, i = 0; i < n && x->st == LL_OK; i++) {
    ll_Inline *sp = &b->spans[i];
    getvar(v, len, &at, &k);
    getvar(v, len, &at, &pos);
    getvar(v, len, &at, &l);
    getvar(v, len, &at, &h);
    if (k > LL_LINK || pos > b->len - prev || l == 0 || l > b->len - prev - pos ||
        !boundary(b->text, b->len, prev + (size_t)pos) ||
        !boundary(b->text, b->len, prev + (size_t)(pos + l)) || ((h > 0) != (k == LL_LINK))) {
      bad(x, "bad span");
      return;
    }
    sp->kind = (int)k;
    sp->pos = prev = prev + (size_t)pos;
    sp->len = (size_t)l;
    sp->href = h > 0 ? getstr(x, v + at, (size_t)(h - 1)) : NULL;
    at += h > 0 ? (size_t)(h - 1) : 0;
  }
}

/* A table's cells: rows, cells in each row, then each cell's start (from
** the end of the cell before) and length. */
static void gettable(Dec *x, const unsigned char *v, size_t len, ll_Block *b) {
  size_t at = 0, i, total = 0, prev = 0;
  uint64_t nrows = 0, c = 0, a = 0;
  long nv = nvars(v, len);
  ll_Table *t;
  if (nv < 1 || !getvar(v, len, &at, &nrows) || nrows > (uint64_t)nv - 1) {
    bad(x, "bad table");
    return;
  }
  t = (ll_Table *)alloc(x, 1, sizeof *t);
  if (t == NULL) return;
  memset(t, 0, sizeof *t);
  b->table = t;
  t->nrows = (size_t)nrows;
  t->rowcells = (size_t *)alloc(x, t->nrows, sizeof *t->rowcells);
  for (i = 0; i < t->nrows && x->st == LL_OK; i++) {
    getvar(v, len, &at, &c);
    if (c > (uint64_t)nv || total + (size_t)c > (size_t)nv) {
      bad(x, "bad table");
      return;
    }
    t->rowcells[i] = (size_t)c;
    total += (size_t)c;
  }
  if (x->st != LL_OK) return;
  if ((uint64_t)nv != 1 + nrows + 2 * (uint64_t)total) {
    bad(x, "bad table");
    return;
  }
  t->ncells = total;
  t->cells = (ll_Span *)alloc(x, total, sizeof *t->cells);
  for (i = 0; i < total && x->st == LL_OK; i++) {
    getvar(v, len, &at, &a);
    getvar(v, len, &at, &c);
    if (a > b->len - prev || c > b->len - prev - a || (i > 0 && a == 0)) {
      bad(x, "bad table cell");
      return;
    }
    t->cells[i].start = prev + (size_t)a;
    t->cells[i].end = prev = t->cells[i].start + (size_t)c;
  }
}

/* A block's page labels: one per page break, each its length + 1 (0: no
** label) then its bytes. */
static void getlabels(Dec *x, const unsigned char *v, size_t len, ll_Block *b) {
  size_t i, at;
  uint64_t a;
  if (b->nbreaks == 0) {
    bad(x, "page labels without page breaks");
    return;
  }
  b->labels = (const char **)alloc(x, b->nbreaks, sizeof *b->labels);
  for (i = 0, at = 0; i < b->nbreaks && x->st == LL_OK; i++) {
    a = 0;
    if (!getvar(v, len, &at, &a) || (a > 0 && a - 1 > len - at)) {
      bad(x, "bad page label");
      return;
    }
    b->labels[i] = a == 0 ? NULL : getstr(x, v + at, (size_t)(a - 1));
    at += a == 0 ? 0 : (size_t)(a - 1);
  }
  if (x->st == LL_OK && at != len) bad(x, "bad page labels");
}

/* A block's kind and level (two numbers): a level for a heading only. */
static void getkind(Dec *x, const unsigned char *v, size_t len, ll_Block *b) {
  size_t at = 0;
  uint64_t a = 0, c = 0;
  getvar(v, len, &at, &a);
  getvar(v, len, &at, &c);
  if (a >= LL_NKINDS || c > 0x7FFF || (c != 0 && a != LL_HEADING)) {
    bad(x, "bad block kind");
    return;
  }
  b->kind = (short)a;
  b->level = (short)c;
}

/* A block's note markers (nv numbers: note, position pairs), in order,
** each on a character of the text. */
static void getrefs(Dec *x, const unsigned char *v, size_t len, long nv, ll_Block *b) {
  size_t i, at = 0;
  uint64_t a = 0, c = 0;
  b->nrefs = (size_t)nv / 2;
  b->refs = (ll_Ref *)alloc(x, b->nrefs, sizeof *b->refs);
  for (i = 0; i < b->nrefs && x->st == LL_OK; i++) {
    getvar(v, len, &at, &a);
    getvar(v, len, &at, &c);
    if (a < 1 || a > LL_MAXNOTE || c > b->len || !boundary(b->text, b->len, (size_t)c) ||
        (i > 0 && c < b->refs[i - 1].pos)) {
      bad(x, "bad note marker");
      return;
    }
    b->refs[i].note = (long)a;
    b->refs[i].pos = (size_t)c;
  }
}

/* A block's page breaks (nv positions), in order. */
static void getbreaks(Dec *x, const unsigned char *v, size_t len, long nv, ll_Block *b) {
  size_t i, at = 0;
  uint64_t a = 0;
  b->nbreaks = (size_t)nv;
  b->breaks = (size_t *)alloc(x, b->nbreaks, sizeof *b->breaks);
  for (i = 0; i < b->nbreaks && x->st == LL_OK; i++) {
    getvar(v, len, &at, &a);
    /* a break stands on the space that replaced it, or (the first)
       at the block's start, where a page began with the block */
    if (!(i == 0 && a == 0) &&
        (a >= b->len || b->text[a] != ' ' || (i > 0 && a <= b->breaks[i - 1]))) {
      bad(x, "bad page break");
      return;
    }
    b->breaks[i] = (size_t)a;
  }
}

/* A block's sentences (nv numbers: gap from the last end, length pairs),
** each on characters of the text. */
static void getsents(Dec *x, const unsigned char *v, size_t len, long nv, ll_Block *b) {
  size_t i, at = 0, prev = 0;
  uint64_t a = 0, c = 0;
  b->nsents = (size_t)nv / 2;
  b->sents = (ll_Span *)alloc(x, b->nsents, sizeof *b->sents);
  for (i = 0; i < b->nsents && x->st == LL_OK; i++) {
    getvar(v, len, &at, &a);
    getvar(v, len, &at, &c);
    if (a > b->len - prev || c == 0 || c > b->len - prev - a ||
        !boundary(b->text, b->len, prev + (size_t)a) ||
        !boundary(b->text, b->len, prev + (size_t)(a + c))) {
      bad(x, "bad sentence");
      return;
    }
    b->sents[i].start = prev + (size_t)a;
    b->sents[i].end = prev = b->sents[i].start + (size_t)c;
  }
}

/* A field of numbers of a block (tag: B_KIND, B_REFS, B_BREAKS, B_SENTS),
** their count checked first. */
static void getnumbers(Dec *x, unsigned tag, const unsigned char *v, size_t len, ll_Block *b) {
  long nv = nvars(v, len);
  if (nv < 0 || ((tag == B_REFS || tag == B_SENTS) && nv % 2 != 0) || (tag == B_KIND && nv != 2)) {
    bad(x, "bad numbers in a block");
    return;
  }
  if (tag == B_KIND)
    getkind(x, v, len, b);
  else if (tag == B_REFS)
    getrefs(x, v, len, nv, b);
  else if (tag == B_BREAKS)
    getbreaks(x, v, len, nv, b);
  else if (tag == B_SENTS)
    getsents(x, v, len, nv, b);
}

/* Reads a block, holding it to what a parse gives (offsets inside the
** text, on characters, in order). New block fields: a tag here, and in
** putblock. */
static void getblock(Dec *x, const unsigned char *p, size_t n, ll_Block *b) {
  Rd r = {p, n, 0};
  unsigned tag;
  const unsigned char *v;
  size_t len;
  int k, text = 0;
  memset(b, 0, sizeof *b);
  while (x->st == LL_OK && (k = nextf(&r, &tag, &v, &len)) != 0) {
    if (k < 0) {
      bad(x, "a block is cut short");
    } else if (tag == B_TEXT) {
      b->text = getstr(x, v, len);
      b->len = len;
      text = 1;
    } else if (tag > B_LAST) {
      continue; /* a field of a newer writer */
    } else if (!text) {
      bad(x, "a block's text does not come first");
    } else if (tag == B_LABEL) {
      b->label = getstr(x, v, len);
    } else if (tag == B_SPANS) {
      getspans(x, v, len, b);
    } else if (tag == B_TABLE) {
      gettable(x, v, len, b);
    } else if (tag == B_LABELS) {
      getlabels(x, v, len, b);
    } else {
      getnumbers(x, tag, v, len, b);
    }
  }
  if (x->st == LL_OK && !text) bad(x, "a block has no text");
  if (x->st == LL_OK &&
      ((b->label != NULL && b->kind != LL_ITEM) || ((b->table != NULL) != (b->kind == LL_TABLE))))
    bad(x, "a block's structure does not fit its kind");
}

/* the number of fields of tag t in p[0, n) (-1: the list is cut short) */
static long countf(const unsigned char *p, size_t n, unsigned t) {
  Rd r = {p, n, 0};
  unsigned tag;
  const unsigned char *v;
  size_t len;
  long c = 0;
  int k;
  while ((k = nextf(&r, &tag, &v, &len)) > 0)
    if (tag == t) c++;
  return k < 0 ? -1 : c;
}

static void getnote(Dec *x, const unsigned char *p, size_t n, ll_Note *nt) {
  Rd r = {p, n, 0};
  unsigned tag;
  const unsigned char *v;
  size_t len, np = 0, nc = 0;
  long cp = countf(p, n, N_PARA), cc = countf(p, n, N_CITE);
  int k, num = 0;
  memset(nt, 0, sizeof *nt);
  if (cp < 0 || cc < 0) {
    bad(x, "a note is cut short");
    return;
  }
  nt->paras = (ll_Block *)alloc(x, (size_t)cp, sizeof *nt->paras);
  nt->cites = (ll_Cite *)alloc(x, (size_t)cc, sizeof *nt->cites);
  while (x->st == LL_OK && (k = nextf(&r, &tag, &v, &len)) > 0) {
    size_t at = 0;
    uint64_t a = 0;
    if (tag == N_NUM) {
      if (!getvar(v, len, &at, &a) || at != len || a > LL_MAXNOTE) bad(x, "bad note number");
      nt->n = (long)a;
      num = 1;
    } else if (tag == N_PARA) {
      getblock(x, v, len, &nt->paras[np++]);
    } else if (tag == N_CITE) {
      Rd c = {v, len, 0};
      unsigned ct;
      const unsigned char *cv;
      size_t cl;
      ll_Cite *ci = &nt->cites[nc++];
      memset(ci, 0, sizeof *ci);
      while (x->st == LL_OK && (k = nextf(&c, &ct, &cv, &cl)) > 0) {
        at = 0;
        a = 0;
        if (ct == C_POS || ct == C_PARA || ct == C_LEN || ct == C_PRESENT || ct == C_VOLUME) {
          if (!getvar(cv, cl, &at, &a) || at != cl || a > 0x7FFFFFFF) bad(x, "bad citation");
          if (ct == C_POS)
            ci->pos = (size_t)a;
          else if (ct == C_LEN)
            ci->len = (size_t)a;
          else if (ct == C_PARA)
            ci->para = (int)a;
          else if (ct == C_PRESENT)
            ci->present = a != 0;
          else
            ci->volume = unzig(a);
        } else if (ct == C_TEXT) {
          ci->text = getstr(x, cv, cl);
        } else if (ct == C_WORK) {
          ci->work = getstr(x, cv, cl);
        } else if (ct == C_RANGES) {
          long nr = nvars(cv, cl);
          size_t r;
          if (nr < 0 || nr % 2 != 0) {
            bad(x, "bad citation");
            break;
          }
          ci->nranges = (size_t)nr / 2;
          ci->ranges = (long *)alloc(x, (size_t)nr, sizeof *ci->ranges);
          for (r = 0; r < (size_t)nr && x->st == LL_OK; r++) {
            getvar(cv, cl, &at, &a);
            ci->ranges[r] = unzig(a);
            if (ci->ranges[r] < 0) bad(x, "bad citation");
          }
        }
      }
      if (k < 0) bad(x, "a citation is cut short");
    }
  }
  nt->nparas = np;
  nt->ncites = nc;
  if (x->st == LL_OK && (!num || nt->nparas == 0)) bad(x, "a note has no number or no text");
  for (np = 0; np < nt->ncites && x->st == LL_OK; np++) {
    const ll_Cite *ci = &nt->cites[np];
    if (ci->text == NULL || (size_t)ci->para >= nt->nparas || strlen(ci->text) != ci->len ||
        ci->pos > nt->paras[ci->para].len || ci->len > nt->paras[ci->para].len - ci->pos ||
        memcmp(nt->paras[ci->para].text + ci->pos, ci->text, ci->len) != 0 || ci->volume < 0 ||
        ci->nranges > ci->len || (ci->volume == 0 && ci->nranges == 0))
      bad(x, "bad citation");
  }
}

/* A header field's markers: note and position pairs, after its value. */
static void getfieldrefs(Dec *x, const unsigned char *v, size_t len, ll_Field *fd) {
  long nr = nvars(v, len);
  size_t r, at = 0, vl;
  uint64_t a = 0, c = 0;
  if (nr <= 0 || nr % 2 != 0 || fd->value == NULL) {
    bad(x, "bad field");
    return;
  }
  vl = strlen(fd->value);
  fd->nrefs = (size_t)nr / 2;
  fd->refs = (ll_Ref *)alloc(x, fd->nrefs, sizeof *fd->refs);
  for (r = 0; r < fd->nrefs && x->st == LL_OK; r++) {
    getvar(v, len, &at, &a);
    getvar(v, len, &at, &c);
    if (a < 1 || a > LL_MAXNOTE || c > vl) bad(x, "bad field marker");
    fd->refs[r].note = (long)a;
    fd->refs[r].pos = (size_t)c;
  }
}

/* The Source: its strings, and its volume numbers. */
static void getsource(Dec *x, const unsigned char *v, size_t len, ll_Source *s) {
  Rd f = {v, len, 0};
  unsigned ft;
  const unsigned char *fv;
  size_t fl;
  int k;
  memset(s, 0, sizeof *s);
  while (x->st == LL_OK && (k = nextf(&f, &ft, &fv, &fl)) > 0) {
    if (ft == SRC_VOLUME || ft == SRC_VOLUMES) {
      size_t at = 0;
      uint64_t a = 0;
      if (!getvar(fv, fl, &at, &a) || at != fl || unzig(a) < 0) bad(x, "bad Source");
      if (ft == SRC_VOLUME)
        s->volume = unzig(a);
      else
        s->volumes = unzig(a);
    } else if (ft == SRC_WORK) {
      s->work = getstr(x, fv, fl);
    } else if (ft == SRC_EDITION) {
      s->edition = getstr(x, fv, fl);
    } else if (ft == SRC_PUBLISHER) {
      s->publisher = getstr(x, fv, fl);
    } else if (ft == SRC_PLACE) {
      s->place = getstr(x, fv, fl);
    } else if (ft == SRC_YEAR) {
      s->year = getstr(x, fv, fl);
    } else if (ft == SRC_FIRST) {
      s->first_page = getstr(x, fv, fl);
    } else if (ft == SRC_LAST) {
      s->last_page = getstr(x, fv, fl);
    } else if (ft == SRC_ISSUE) {
      s->issue = getstr(x, fv, fl);
    }
  }
  if (k < 0) bad(x, "bad Source");
}

/* The title or subtitle (tag) of the record x reads. */
static void getheadblock(Dec *x, unsigned tag, const unsigned char *v, size_t len) {
  ll_Block *b = (ll_Block *)alloc(x, 1, sizeof *b);
  if (b == NULL) return;
  getblock(x, v, len, b);
  if (tag == D_TITLE)
    x->d->title = b;
  else
    x->d->subtitle = b;
}

/* A header field: its name and value (both needed), its note markers. */
static void getfield(Dec *x, const unsigned char *v, size_t len, ll_Field *fd) {
  Rd f = {v, len, 0};
  unsigned ft;
  const unsigned char *fv;
  size_t fl;
  int k = 0;
  memset(fd, 0, sizeof *fd);
  while (x->st == LL_OK && (k = nextf(&f, &ft, &fv, &fl)) > 0) {
    if (ft == F_NAME) fd->name = getstr(x, fv, fl);
    if (ft == F_VALUE) fd->value = getstr(x, fv, fl);
    if (ft == F_REFS) getfieldrefs(x, fv, fl, fd);
  }
  if (x->st == LL_OK && (k < 0 || fd->name == NULL || fd->value == NULL)) bad(x, "bad field");
}

/* The Source field of the record x reads. */
static void getsourcefield(Dec *x, const unsigned char *v, size_t len) {
  ll_Source *s = (ll_Source *)alloc(x, 1, sizeof *s);
  if (s == NULL) return;
  getsource(x, v, len, s);
  x->d->source = s;
}

/* The first page number: one number, not negative. */
static void getfirstpage(Dec *x, const unsigned char *v, size_t len) {
  size_t at = 0;
  uint64_t a = 0;
  if (!getvar(v, len, &at, &a) || at != len || unzig(a) < 0) bad(x, "bad first page");
  x->d->first_page = unzig(a);
}

/* One field (tag) of a record into x->d: its fields, paragraphs, notes,
** navigation and warnings fill the arrays made for them, in order. */
static void getpart(Dec *x, unsigned tag, const unsigned char *v, size_t len) {
  ll_Doc *d = x->d;
  switch (tag) {
    case D_AUTHOR:
      d->author = getstr(x, v, len);
      break;
    case D_NUMBER:
      d->number = getstr(x, v, len);
      break;
    case D_TITLE:
    case D_SUBTITLE:
      getheadblock(x, tag, v, len);
      break;
    case D_FIELD:
      getfield(x, v, len, &d->fields[d->nfields++]);
      break;
    case D_SOURCE:
      getsourcefield(x, v, len);
      break;
    case D_PARA:
      getblock(x, v, len, &d->paras[d->nparas++]);
      break;
    case D_NOTE:
      getnote(x, v, len, &d->notes[d->nnotes++]);
      break;
    case D_NAV:
      d->nav[d->nnav++] = getstr(x, v, len);
      break;
    case D_WARN:
      d->warnings[d->nwarnings++] = getstr(x, v, len);
      break;
    case D_FIRSTPAGE:
      getfirstpage(x, v, len);
      break;
    default:
      break; /* a field of a newer writer */
  }
}

/* Makes the document of a record (checked for shape, not checksum). */
static int getrecord(ll_Mem *m, const unsigned char *p, size_t n, ll_Doc **out, const char **why) {
  Dec x;
  Rd r = {p, n, 0};
  unsigned tag;
  const unsigned char *v;
  size_t len;
  long cf = countf(p, n, D_FIELD), cp = countf(p, n, D_PARA), cn = countf(p, n, D_NOTE);
  long cv = countf(p, n, D_NAV), cw = countf(p, n, D_WARN);
  ll_Doc *d;
  *out = NULL;
  *why = "a record is cut short";
  if (cf < 0 || cp < 0 || cn < 0 || cv < 0 || cw < 0) return LL_ERRINPUT;
  d = (ll_Doc *)ll_malloc(m, sizeof *d);
  if (d == NULL) return LL_ERRMEM;
  memset(d, 0, sizeof *d);
  d->mem = *m;
  ll_arena_init(&d->arena, &d->mem);
  x.d = d;
  x.why = NULL;
  x.st = LL_OK;
  d->fields = (ll_Field *)alloc(&x, (size_t)cf, sizeof *d->fields);
  d->paras = (ll_Block *)alloc(&x, (size_t)cp, sizeof *d->paras);
  d->notes = (ll_Note *)alloc(&x, (size_t)cn, sizeof *d->notes);
  d->nav = (char **)alloc(&x, (size_t)cv, sizeof *d->nav);
  d->warnings = (char **)alloc(&x, (size_t)cw, sizeof *d->warnings);
  while (x.st == LL_OK && nextf(&r, &tag, &v, &len) > 0) getpart(&x, tag, v, len);
  if (x.st == LL_OK) x.st = ll_doc_segments(d);
  if (x.st != LL_OK) {
    *why = x.why != NULL ? x.why : "not enough memory";
    ll_doc_free(d);
    return x.st;
  }
  *out = d;
  return LL_OK;
}

/* ------------------------------------------------------------------ */
/* Writing a file                                                      */
/* ------------------------------------------------------------------ */

struct ll_StoreWriter {
  ll_Mem mem;
  int fd;
  char *path, *tmp;
  size_t pathsz, tmpsz;
  uint64_t at; /* bytes written */
  ll_Index *ix;
  ll_Vec pages;   /* PageEnt */
  ll_Vec content; /* uint64_t: S_CONTENT */
  ll_Vec segs;    /* SegRec */
  ll_Buf paths, warns, words, slots;
  Enc enc;
  SecEnt sec[S_LAST];
  size_t nsec;
};

static void freewriter(ll_StoreWriter *w) {
  ll_Mem m = w->mem;
  if (w->fd >= 0) close(w->fd);
  ll_index_free(w->ix);
  ll_vec_free(&m, &w->pages);
  ll_vec_free(&m, &w->content);
  ll_vec_free(&m, &w->segs);
  ll_buf_free(&m, &w->paths);
  ll_buf_free(&m, &w->warns);
  ll_buf_free(&m, &w->words);
  ll_buf_free(&m, &w->slots);
  ll_buf_free(&m, &w->enc.b);
  ll_vec_free(&m, &w->enc.marks);
  ll_free(&m, w->path, w->pathsz);
  ll_free(&m, w->tmp, w->tmpsz);
  ll_free(&m, w, sizeof *w);
}

static int writeall(ll_StoreWriter *w, const void *p, size_t n, char *err, size_t errsz) {
  const char *s = (const char *)p;
  while (n > 0) {
    ssize_t k = write(w->fd, s, n);
    if (k < 0 && errno == EINTR) continue;
    if (k <= 0) {
      if (errsz > 0) snprintf(err, errsz, "cannot write %s: %s", w->tmp, strerror(errno));
      return LL_ERRINPUT;
    }
    s += k;
    n -= (size_t)k;
    w->at += (uint64_t)k;
  }
  return LL_OK;
}

int ll_store_create(ll_Mem *m, const char *path, ll_StoreWriter **out, char *err, size_t errsz) {
  ll_StoreWriter *w;
  size_t n = strlen(path);
  unsigned char head[HEADSZ];
  *out = NULL;
  w = (ll_StoreWriter *)ll_malloc(m, sizeof *w);
  if (w == NULL) return LL_ERRMEM;
  memset(w, 0, sizeof *w);
  w->mem = *m;
  w->fd = -1;
  ll_vec_init(&w->pages, sizeof(PageEnt));
  ll_vec_init(&w->content, sizeof(uint64_t));
  ll_vec_init(&w->segs, sizeof(SegRec));
  ll_vec_init(&w->enc.marks, sizeof(Mark));
  w->enc.m = &w->mem;
  w->pathsz = n + 1;
  w->tmpsz = n + 32;
  w->path = (char *)ll_malloc(m, w->pathsz);
  w->tmp = (char *)ll_malloc(m, w->tmpsz);
  if (w->path == NULL || w->tmp == NULL || ll_index_corpus_new(&w->mem, &w->ix) != LL_OK) {
    freewriter(w);
    return LL_ERRMEM;
  }
  memcpy(w->path, path, n + 1);
  snprintf(w->tmp, w->tmpsz, "%s.tmp-%ld", path, (long)getpid());
  w->fd = open(w->tmp, O_WRONLY | O_CREAT | O_EXCL, 0666);
  if (w->fd < 0 && errno == EEXIST) { /* left by a process of this id that died */
    unlink(w->tmp);
    w->fd = open(w->tmp, O_WRONLY | O_CREAT | O_EXCL, 0666);
  }
  if (w->fd < 0) {
    if (errsz > 0) snprintf(err, errsz, "cannot create %s: %s", w->tmp, strerror(errno));
    freewriter(w);
    return LL_ERRINPUT;
  }
  memset(head, 0, sizeof head); /* the header is written last, over this */
  if (writeall(w, head, sizeof head, err, errsz) != LL_OK) {
    ll_store_abort(w);
    return LL_ERRINPUT;
  }
  *out = w;
  return LL_OK;
}

void ll_store_abort(ll_StoreWriter *w) {
  if (w == NULL) return;
  if (w->fd >= 0) {
    close(w->fd);
    w->fd = -1;
    unlink(w->tmp);
  }
  freewriter(w);
}

int ll_store_warn(ll_StoreWriter *w, const char *msg, size_t len) {
  uint32_t n = (uint32_t)(len > 0xFFFFu ? 0xFFFFu : len);
  if (ll_buf_add(&w->mem, &w->warns, (const char *)&n, 4) != LL_OK ||
      ll_buf_add(&w->mem, &w->warns, msg, n) != LL_OK)
    return LL_ERRMEM;
  return LL_OK;
}

/* Writes one page's record and its segments' entries. */
static int addpage(ll_StoreWriter *w, const ll_Doc *d, const ll_PageInfo *info, char *err,
                   size_t errsz) {
  Enc *e = &w->enc;
  PageEnt *pe;
  uint64_t *content;
  size_t j, k = 0, page = w->pages.n;
  const Mark *mk;
  int st;
  e->b.n = 0;
  e->marks.n = 0;
  e->st = LL_OK;
  putrecord(e, d);
  if (e->st != LL_OK) return e->st == LL_ERRMEM ? LL_ERRMEM : fail(err, errsz, "page too large");
  if (page >= 0xFFFFFFF0u) return fail(err, errsz, "too many pages");
  mk = (const Mark *)e->marks.p;
  for (j = 0; j < d->nsegs; j++) {
    const ll_Seg *sg = &d->segs[j];
    SegRec *se;
    size_t tries;
    /* the marks come in the segments' order; look on if not */
    for (tries = 0; tries < e->marks.n && mk[k].text != sg->text; tries++) k = (k + 1) % e->marks.n;
    if (e->marks.n == 0 || mk[k].text != sg->text)
      return fail(err, errsz, "a segment of the page is not in its record");
    if (sg->len > 0xFFFFFFF0u || mk[k].slen >= (1u << SENTBITS) || e->b.n > 0xFFFFFFF0u)
      return fail(err, errsz, "page too large");
    se = (SegRec *)ll_vec_push(&w->mem, &w->segs);
    if (se == NULL) return LL_ERRMEM;
    se->text = (uint32_t)mk[k].off;
    se->sents = (uint32_t)mk[k].soff;
    se->len = (uint32_t)sg->len;
    se->meta = (uint32_t)mk[k].slen |
               (uint32_t)(sg->block != NULL && sg->block->kind > 0 && sg->block->kind < LL_NKINDS
                              ? sg->block->kind
                              : 0)
                   << SENTBITS |
               (uint32_t)sg->part << (SENTBITS + 3);
    k = (k + 1) % e->marks.n;
  }
  content = (uint64_t *)ll_vec_push(&w->mem, &w->content);
  if (content == NULL) return LL_ERRMEM;
  *content = info != NULL ? info->content : 0;
  pe = (PageEnt *)ll_vec_push(&w->mem, &w->pages);
  if (pe == NULL) return LL_ERRMEM;
  pe->off = w->at;
  pe->len = e->b.n;
  pe->sum = ll_store_sum(e->b.p, e->b.n);
  pe->size = info != NULL ? info->size : -1;
  pe->mtime_s = info != NULL ? info->mtime_s : -1;
  pe->mtime_ns = info != NULL ? info->mtime_ns : -1;
  pe->pathoff = w->paths.n;
  if (info != NULL && info->path != NULL) {
    if (info->pathlen > 0xFFFFFFF0u) return fail(err, errsz, "path too long");
    if (ll_buf_add(&w->mem, &w->paths, info->path, info->pathlen) != LL_OK) return LL_ERRMEM;
    pe->pathlen = (uint32_t)info->pathlen;
    pe->flags = 1;
  }
  st = writeall(w, e->b.p != NULL ? e->b.p : "", e->b.n, err, errsz);
  return st;
}

int ll_store_add(ll_StoreWriter *w, ll_Doc *const *docs, const ll_PageInfo *infos, size_t n,
                 char *err, size_t errsz) {
  size_t i;
  int st;
  for (i = 0; i < n; i++) {
    st = addpage(w, docs[i], infos != NULL ? &infos[i] : NULL, err, errsz);
    if (st != LL_OK) return st;
  }
  st = ll_index_corpus_add(w->ix, docs, n);
  if (st == LL_ERRINPUT) return fail(err, errsz, "corpus too large to index");
  return st;
}

/* Appends a section: zeros up to a multiple of 8, then p[0, n). */
static int section(ll_StoreWriter *w, unsigned id, const void *p, size_t n, char *err,
                   size_t errsz) {
  static const char zero[8] = {0};
  SecEnt *s = &w->sec[w->nsec++];
  int st = LL_OK;
  if (w->at % 8 != 0) st = writeall(w, zero, 8 - (size_t)(w->at % 8), err, errsz);
  s->id = id;
  s->flags = 0;
  s->off = w->at;
  s->size = n;
  s->sum = ll_store_sum(p, n);
  if (st == LL_OK && n > 0) st = writeall(w, p, n, err, errsz);
  return st;
}

/* The checksum of each VCHUNK bytes of the n bytes at p into out (from
** out[0]); returns the number of chunks. */
static size_t chunksums(const unsigned char *p, size_t n, uint64_t *out) {
  size_t k = 0, at;
  for (at = 0; at < n; at += VCHUNK, k++)
    if (out != NULL) out[k] = ll_store_sum(p + at, n - at < VCHUNK ? n - at : VCHUNK);
  return k;
}

/* Marks the vocabulary's three sections, the last written, as checked
** chunk by chunk (F_LAZY, no checksum of their own) and writes the chunks'
** checksums (S_VSUMS). */
static int vsums(ll_StoreWriter *w, const ll_IndexImage *img, char *err, size_t errsz) {
  SecEnt *v = &w->sec[w->nsec - 3];
  size_t k, n = 0;
  uint64_t *sums;
  int st;
  for (k = 0; k < 3; k++) {
    v[k].flags = F_LAZY;
    v[k].sum = 0;
    n += chunksums(NULL, (size_t)v[k].size, NULL);
  }
  sums = (uint64_t *)ll_malloc(&w->mem, (n ? n : 1) * sizeof *sums);
  if (sums == NULL) return LL_ERRMEM;
  n = 0;
  n += chunksums((const unsigned char *)w->words.p, w->words.n, sums + n);
  n += chunksums((const unsigned char *)img->chars, img->nchars, sums + n);
  n += chunksums((const unsigned char *)w->slots.p, w->slots.n, sums + n);
  st = section(w, S_VSUMS, sums, n * sizeof *sums, err, errsz);
  ll_free(&w->mem, sums, (n ? n : 1) * sizeof *sums);
  return st;
}

/* The counts section of the index imaged in img. */
static void fillcounts(const ll_IndexImage *img, uint64_t *counts) {
  size_t k;
  memset(counts, 0, NCOUNT * sizeof *counts);
  counts[C_NTOK] = img->ntok;
  counts[C_NWORDS] = img->nwords;
  counts[C_NSEGS] = img->nsegs;
  counts[C_NDOCS] = img->ndocs;
  counts[C_NSLOTS] = img->nslots;
  counts[C_NCHARS] = img->nchars;
  counts[C_NPVAR] = img->npvar;
  counts[C_NCKPT] = 0; /* no checkpoints: a scan for a hit starts at its
                         segment's start (segments are short) */
  counts[C_NARROW] = (uint64_t)img->narrow;
  counts[C_WORDSIZE] = ll_index_wordsize();
  for (k = 0; k < LL_NPARTS; k++) counts[C_NPART + k] = img->npart[k];
}

/* Writes every section after the page records (already written, the
** first): the pages' tables, the counts, the index's arrays and its packed
** vocabulary; the tokens and postings marked late (checked when first
** read). */
static int writesections(ll_StoreWriter *w, const ll_IndexImage *img, char *err, size_t errsz) {
  uint64_t counts[NCOUNT];
  size_t tsz = img->narrow ? 2 : 4, nslots = 0;
  uint32_t seed = 0;
  int st = LL_OK;
  w->sec[0].id = S_RECORDS;
  w->sec[0].flags = F_LAZY;
  w->sec[0].off = HEADSZ;
  w->sec[0].size = w->at - HEADSZ;
  w->sec[0].sum = 0;
  w->nsec = 1;
  fillcounts(img, counts);
  if (w->pages.n != img->ndocs || w->segs.n != img->nsegs)
    st = fail(err, errsz, "pages and index disagree");
  if (st == LL_OK) st = ll_index_pack_vocab(&w->mem, w->ix, &w->words, &w->slots, &seed, &nslots);
  if (st == LL_ERRINPUT)
    st = fail(err, errsz, "cannot write the vocabulary (past 4 GB, or out of order)");
  counts[C_NSLOTS] = nslots;
  counts[C_VSEED] = seed;
#define SEC(id, p, n) \
  if (st == LL_OK) st = section(w, id, p, n, err, errsz)
  SEC(S_PAGES, w->pages.p, w->pages.n * sizeof(PageEnt));
  SEC(S_CONTENT, w->content.p, w->content.n * sizeof(uint64_t));
  SEC(S_PATHS, w->paths.p, w->paths.n);
  SEC(S_WARNINGS, w->warns.p, w->warns.n);
  SEC(S_SEGS, w->segs.p, w->segs.n * sizeof(SegRec));
  SEC(S_COUNTS, counts, sizeof counts);
  SEC(S_TOKENS, img->tokens, img->ntok * tsz);
  if (st == LL_OK) w->sec[w->nsec - 1].flags = F_LATE;
  SEC(S_CKPT, NULL, 0);
  SEC(S_SEGSTART, img->segstart, (img->nsegs + 1) * sizeof(uint32_t));
  SEC(S_DOCSEG, img->docseg, (img->ndocs + 1) * sizeof(uint32_t));
  SEC(S_WORDS, w->words.p, w->words.n);
  SEC(S_CHARS, img->chars, img->nchars);
  SEC(S_SLOTS, w->slots.p, w->slots.n);
  if (st == LL_OK) st = vsums(w, img, err, errsz);
  SEC(S_PVAR, img->pvar, img->npvar);
  if (st == LL_OK) w->sec[w->nsec - 1].flags = F_LATE;
#undef SEC
  return st;
}

/* Writes the section table (after padding to 8 bytes), then the header
** over the file's first bytes: magic, version, byte order, size, the
** table's place, count and checksum, the header's own checksum. */
static int writetable(ll_StoreWriter *w, char *err, size_t errsz) {
  static const char zero[8] = {0};
  unsigned char table[S_LAST * sizeof(SecEnt)];
  uint64_t head[HEADSZ / 8], toff;
  uint32_t v[2] = {LL_STORE_VERSION, BYTEMARK}, ns[2];
  size_t k;
  int st = LL_OK;
  for (k = 0; k < w->nsec; k++) memcpy(table + k * sizeof(SecEnt), &w->sec[k], sizeof(SecEnt));
  if (w->at % 8 != 0) st = writeall(w, zero, 8 - (size_t)(w->at % 8), err, errsz);
  toff = w->at;
  if (st == LL_OK) st = writeall(w, table, w->nsec * sizeof(SecEnt), err, errsz);
  memset(head, 0, sizeof head);
  memcpy(head, MAGIC, 8);
  ns[0] = (uint32_t)w->nsec;
  ns[1] = 0;
  memcpy(&head[1], v, 8);
  head[2] = w->at;
  head[3] = toff;
  memcpy(&head[4], ns, 8);
  head[5] = ll_store_sum(table, w->nsec * sizeof(SecEnt));
  head[7] = ll_store_sum(head, 56);
  if (st == LL_OK && pwrite(w->fd, head, sizeof head, 0) != (ssize_t)sizeof head)
    st = fail(err, errsz, "cannot write the header");
  return st;
}

/* Syncs and closes the file written beside w->path, then renames it to
** w->path (unlinked when that fails). */
static int commit(ll_StoreWriter *w, char *err, size_t errsz) {
  int fd;
  if (fsync(w->fd) != 0) return fail(err, errsz, "cannot sync the index file");
  fd = w->fd;
  w->fd = -1;
  if (close(fd) != 0) {
    unlink(w->tmp);
    return fail(err, errsz, "cannot close the index file");
  }
  if (rename(w->tmp, w->path) != 0) {
    if (errsz > 0)
      snprintf(err, errsz, "cannot rename %s to %s: %s", w->tmp, w->path, strerror(errno));
    unlink(w->tmp);
    return LL_ERRINPUT;
  }
  return LL_OK;
}

int ll_store_finish(ll_StoreWriter *w, char *err, size_t errsz) {
  ll_IndexImage img;
  int st = ll_index_corpus_end(w->ix);
  if (st == LL_OK) st = ll_index_image(w->ix, &img);
  if (st != LL_OK) {
    ll_store_abort(w);
    return st == LL_ERRMEM ? LL_ERRMEM : fail(err, errsz, "cannot image the index");
  }
  /* the page records are the first section, already written */
  st = writesections(w, &img, err, errsz);
  if (st == LL_OK) st = writetable(w, err, errsz);
  if (st == LL_OK) st = commit(w, err, errsz);
  if (st != LL_OK) {
    ll_store_abort(w);
    return st;
  }
  freewriter(w);
  return LL_OK;
}

/* ------------------------------------------------------------------ */
/* Reading a file                                                      */
/* ------------------------------------------------------------------ */

/*
** What opening checks, and what is checked later. Opening costs the same
** whatever the corpus's size, its vocabulary's too: the header (magic,
** byte order, version, its checksum, the file's size), the section table
** (its checksum; the sections tiling the file, in order, zero padded;
** every one a reader needs there), the checksums of the small sections
** (the counts, the warnings, the vocabulary's chunks' checksums), the
** arrays' sizes against the counts, the last normal form's end, and the
** first and last segment and page starts. The rest is checked when a
** query first reaches it, once, remembered in the store (a bit a segment,
** a byte a page, a bit a vocabulary chunk): the checksum of each VCHUNK
** bytes of the vocabulary before an entry or slot in them is read
** (tab_vocab; llindex.c checks each entry in range as it decodes it); a
** segment's entry (its page's
** entry: the record inside the records, the path inside the paths; its
** own: part, kind, text and sentences inside the page's record), its
** token starts (in order, within the tokens) and its word ids (within the
** vocabulary) before a query reads its tokens, or every page's before a
** query that reads them all (segpage, pageents); a page's record's
** checksum before a query reads a segment's text, and that text's UTF-8
** (sumpage, segtextok); all the page's text before c[i] makes it
** (checkpage). A query that meets something corrupted skips it and says
** so (ll_store_fault). The checksums of the other sections (pages, paths,
** segments, starts, tokens, postings), the records' tiling and every
** vocabulary chunk and entry are for ll_store_check_all.
*/

#define P_ENTS    1u /* the page's entries, segment starts and ids are whole */
#define P_BADENTS 2u
#define P_REC     4u /* its record's checksum and text are */
#define P_BADREC  8u
#define P_SUM     16u /* its record's checksum and its segments' entries are */
#define P_BADSUM  32u

struct ll_Store {
  ll_Mem mem;
  const unsigned char *p;
  size_t n;
  int mapped;
  char *path;           /* the file's, for messages (NULL for bytes in memory) */
  const PageEnt *pages; /* not aligned for the type: read with memcpy */
  size_t npages;
  const unsigned char *content; /* S_CONTENT (u64 a page), or NULL: none */
  uint64_t recoff, recend;      /* the records' section */
  const unsigned char *paths;
  size_t npaths;
  const unsigned char *segs;
  size_t nsegs;
  const unsigned char *warns;
  size_t nwarns;
  const uint32_t *docseg; /* the index's: first segment of each page */
  unsigned char *state;   /* per page: P_* bits, 0 before it is checked */
  /* three bits a segment (SB_OK, SB_BAD, SB_TEXT), in chunks of SEGCHUNK
     segments made when a bit in them is first set (opening zeroes
     nothing that grows with the corpus): segbits[k] NULL, or SB_N
     bitmaps of SEGCHUNK / 8 bytes */
  unsigned char **segbits;
  size_t nsegchunks;
  int allstate;      /* every page's entries: 0 unknown, 1 whole, 2 not */
  size_t bad;        /* 1 + the first page found corrupted, or 0 */
  const char *fault; /* what a query met corrupted since ll_store_clearfault */
  size_t faultpage;  /* 1 + its page, or 0 */
  ll_SegTable tab;
  ll_Index *ix;
  ll_IndexImage img;
  SecEnt late[S_LAST]; /* the sections whose checksums ll_store_check_all checks */
  size_t nlate;
  /* the vocabulary's sections (LL_VOCAB_WORDS, _CHARS, _SLOTS): where
     they are, their sizes, their first chunk's number among the chunks'
     checksums (vsums, nvsums), and a bit a chunk: found whole, or not */
  const unsigned char *vsec[3];
  size_t vsize[3], vfirst[3];
  const unsigned char *vsums;
  size_t nvsums;
  unsigned char *vok, *vbad; /* nvsums / 8 + 1 bytes each, one block */
};

static void getpage(const ll_Store *s, size_t i, PageEnt *pe) {
  memcpy(pe, (const unsigned char *)s->pages + i * sizeof(PageEnt), sizeof *pe);
}

/* segment i, on page page (whose entries are whole) */
static void getseg(const ll_Store *s, size_t i, size_t page, SegEnt *se) {
  SegRec r;
  PageEnt pe;
  memcpy(&r, s->segs + i * sizeof r, sizeof r);
  getpage(s, page, &pe);
  se->text = pe.off + r.text;
  se->sents = pe.off + r.sents;
  se->len = r.len;
  se->sentlen = r.meta & ((1u << SENTBITS) - 1);
  se->part = r.meta >> (SENTBITS + 3);
  se->kind = (r.meta >> SENTBITS) & 7u;
  se->page = (uint32_t)page;
}

/* Notes what a query met corrupted (the first thing, until cleared); the
** store's marks are a cache, changed through a const store. */
static void fault(const ll_Store *s, size_t page, const char *why) {
  ll_Store *w = (ll_Store *)s;
  if (w->bad == 0) w->bad = page + 1;
  if (w->fault == NULL) {
    w->fault = why;
    w->faultpage = page + 1;
  }
}

/* The segments' bits: its entries found whole, or not; its text UTF-8 (of
** a page not wholly checked). */
enum { SB_OK, SB_BAD, SB_TEXT, SB_N };
#define SEGCHUNK ((size_t)32768)

/* Is bit which of segment seg (< nsegs) set? */
static int segbit(const ll_Store *s, unsigned which, size_t seg) {
  const unsigned char *c = s->segbits[seg / SEGCHUNK];
  size_t k = seg % SEGCHUNK;
  return c != NULL && (c[which * (SEGCHUNK / 8) + k / 8] & (1u << (k & 7u))) != 0;
}

/* Sets it, its chunk made first if need be; out of memory, nothing is
** remembered (what it says is checked again when next asked). */
static void setsegbit(const ll_Store *s, unsigned which, size_t seg) {
  unsigned char **c = &s->segbits[seg / SEGCHUNK];
  size_t k = seg % SEGCHUNK;
  if (*c == NULL) {
    ll_Mem m = s->mem;
    *c = (unsigned char *)ll_malloc(&m, SB_N * (SEGCHUNK / 8));
    if (*c == NULL) return;
    memset(*c, 0, SB_N * (SEGCHUNK / 8));
  }
  (*c)[which * (SEGCHUNK / 8) + k / 8] |= (unsigned char)(1u << (k & 7u));
}

/* Notes that a query met the vocabulary corrupted. */
static void vfault(const ll_Store *s) {
  ll_Store *w = (ll_Store *)s;
  if (w->fault == NULL) {
    w->fault = "vocabulary";
    w->faultpage = 0;
  }
}

/* Is page pe's own entry whole: its record inside the records' section,
** its path inside the paths? */
static int pageentok(const ll_Store *s, const PageEnt *pe) {
  return pe->off >= s->recoff && pe->off <= s->recend && pe->len <= s->recend - pe->off &&
         pe->flags <= 1 && pe->pathoff <= s->npaths && pe->pathlen <= s->npaths - pe->pathoff;
}

/* Page i's entry into *pe: 1 when it is whole and its segments' range
** [docseg[i], docseg[i + 1]) is in order within the segments. */
static int pagerange(const ll_Store *s, size_t i, PageEnt *pe) {
  getpage(s, i, pe);
  return pageentok(s, pe) && s->docseg[i] <= s->docseg[i + 1] && s->docseg[i + 1] <= s->nsegs;
}

/* Is segment k's entry whole on the page of entry pe: its part and kind
** known, its text and sentences inside the page's record? */
static int segrecok(const ll_Store *s, size_t k, const PageEnt *pe) {
  SegRec r;
  uint32_t sentlen;
  memcpy(&r, s->segs + k * sizeof r, sizeof r);
  sentlen = r.meta & ((1u << SENTBITS) - 1);
  return (r.meta >> (SENTBITS + 3)) < LL_NPARTS && ((r.meta >> SENTBITS) & 7u) < LL_NKINDS &&
         r.text <= pe->len && r.len <= pe->len - r.text &&
         (sentlen == 0 || (r.sents <= pe->len && sentlen <= pe->len - r.sents));
}

/* the largest of the word ids [a, b) (narrow: 16 bits), in blocks of 64
** that compilers make vector code of */
static uint32_t maxid(const ll_IndexImage *img, size_t a, size_t b) {
  size_t i, k;
  if (img->narrow) {
    const uint16_t *t = (const uint16_t *)img->tokens;
    uint16_t x = 0;
    for (i = a; i + 64 <= b; i += 64)
      for (k = 0; k < 64; k++) x = t[i + k] > x ? t[i + k] : x;
    for (; i < b; i++) x = t[i] > x ? t[i] : x;
    return x;
  } else {
    const uint32_t *t = (const uint32_t *)img->tokens;
    uint32_t x = 0;
    for (i = a; i + 64 <= b; i += 64)
      for (k = 0; k < 64; k++) x = t[i + k] > x ? t[i + k] : x;
    for (; i < b; i++) x = t[i] > x ? t[i] : x;
    return x;
  }
}

/* Are the tokens of segments [a, b) whole: their starts in order within
** the tokens, their word ids within the vocabulary? */
static int segtoksok(const ll_Store *s, size_t a, size_t b) {
  const ll_IndexImage *img = &s->img;
  size_t k;
  for (k = a; k < b; k++)
    if (img->segstart[k + 1] < img->segstart[k]) return 0;
  return img->segstart[b] <= img->ntok &&
         (img->segstart[b] == img->segstart[a] ||
          maxid(img, img->segstart[a], img->segstart[b]) < img->nwords);
}

/* Are page i's entry (into *pe) and its segments' entries whole? */
static int pagesegsok(const ll_Store *s, size_t i, PageEnt *pe) {
  size_t k;
  if (!pagerange(s, i, pe)) return 0;
  for (k = s->docseg[i]; k < s->docseg[i + 1]; k++)
    if (!segrecok(s, k, pe)) return 0;
  return 1;
}

/* Checks page i's entries once, all of them: its own, its segments' and
** their tokens'. 1 when whole. */
static int pageents(const ll_Store *s, size_t i) {
  ll_Store *w = (ll_Store *)s;
  PageEnt pe;
  if (s->state[i] & (P_ENTS | P_BADENTS)) return (s->state[i] & P_ENTS) != 0;
  w->state[i] |= P_BADENTS;
  if (!pagesegsok(s, i, &pe) || !segtoksok(s, s->docseg[i], s->docseg[i + 1])) return 0;
  w->state[i] = (unsigned char)((s->state[i] & ~P_BADENTS) | P_ENTS);
  return 1;
}

/* The page of segment seg (< nsegs), its entries checked (its page's own,
** its own, its tokens'), once a segment: 1 with *page, or 0 (the fault
** noted) when they are not whole or the page does not hold seg. */
static int segpage(const ll_Store *s, size_t seg, size_t *page) {
  size_t local, p;
  PageEnt pe;
  *page = 0;
  if (seg >= s->nsegs || s->npages == 0) { /* (an index refuses a query of such) */
    fault(s, 0, "entries");
    return 0;
  }
  *page = p = ll_index_docof(s->ix, seg, &local);
  if (segbit(s, SB_OK, seg)) return 1;
  if (!segbit(s, SB_BAD, seg)) {
    if (pagerange(s, p, &pe) && seg >= s->docseg[p] && seg < s->docseg[p + 1] &&
        segrecok(s, seg, &pe) && segtoksok(s, seg, seg + 1)) {
      setsegbit(s, SB_OK, seg);
      return 1;
    }
    setsegbit(s, SB_BAD, seg);
  }
  fault(s, p, "entries");
  return 0;
}

/* checks page i's record's checksum once, and its entries and its
** segments' (not their tokens) */
static int sumpage(const ll_Store *s, size_t i) {
  ll_Store *w = (ll_Store *)s;
  PageEnt pe;
  if (s->state[i] & (P_SUM | P_BADSUM)) return (s->state[i] & P_SUM) != 0;
  w->state[i] |= P_BADSUM;
  if (!pagesegsok(s, i, &pe) || ll_store_sum(s->p + pe.off, (size_t)pe.len) != pe.sum) return 0;
  w->state[i] = (unsigned char)((s->state[i] & ~P_BADSUM) | P_SUM);
  return 1;
}

/* checks page i's record once: what sumpage checks, and every segment's
** text UTF-8 */
static int checkpage(const ll_Store *s, size_t i) {
  ll_Store *w = (ll_Store *)s;
  size_t k;
  if (s->state[i] & (P_REC | P_BADREC)) return (s->state[i] & P_REC) != 0;
  w->state[i] |= P_BADREC;
  if (!sumpage(s, i)) return 0;
  for (k = s->docseg[i]; k < s->docseg[i + 1]; k++) {
    SegEnt se;
    getseg(s, k, i, &se);
    if (!validtext((const char *)s->p + se.text, se.len)) return 0;
  }
  w->state[i] = (unsigned char)((s->state[i] & ~P_BADREC) | P_REC);
  return 1;
}

/* Is segment seg's text (read as se, on page se->page whose record's
** checksum is checked) UTF-8 without NUL? Checked once. */
static int segtextok(const ll_Store *s, size_t seg, const SegEnt *se) {
  if ((s->state[se->page] & P_REC) || segbit(s, SB_TEXT, seg)) return 1;
  if (!validtext((const char *)s->p + se->text, se->len)) return 0;
  setsegbit(s, SB_TEXT, seg);
  return 1;
}

static int tab_touch(const void *ud, size_t seg) {
  const ll_Store *s = (const ll_Store *)ud;
  size_t p;
  if (seg < s->nsegs && segbit(s, SB_OK, seg)) return 1;
  return segpage(s, seg, &p);
}

static int tab_all(const void *ud) {
  const ll_Store *s = (const ll_Store *)ud;
  ll_Store *w = (ll_Store *)s;
  size_t i;
  if (s->allstate == 0) {
    w->allstate = 1;
    for (i = 0; i < s->npages; i++)
      if (!pageents(s, i)) {
        w->allstate = 2;
        fault(s, i, "entries");
        break;
      }
  }
  if (s->allstate == 2 && s->fault == NULL) fault(s, s->bad > 0 ? s->bad - 1 : 0, "entries");
  return s->allstate == 1;
}

static void tab_seg(const void *ud, size_t seg, ll_Seg *out) {
  const ll_Store *s = (const ll_Store *)ud;
  SegEnt se;
  size_t p;
  memset(out, 0, sizeof *out);
  out->field = -1;
  out->text = "";
  out->len = 0;
  if (!segpage(s, seg, &p)) return;
  getseg(s, seg, p, &se);
  out->part = (ll_Part)se.part;
  /* the record's checksum, and this segment's text (not every one's: a
     query reads its hits' segments, and c[i] checks the rest as it makes
     the page), once */
  if (!sumpage(s, p) || !segtextok(s, seg, &se)) {
    fault(s, p, "record");
    return;
  }
  out->text = (const char *)s->p + se.text;
  out->len = se.len;
}

static ll_Part tab_part(const void *ud, size_t seg, int *kind) {
  const ll_Store *s = (const ll_Store *)ud;
  uint32_t meta, part;
  memcpy(&meta, s->segs + seg * sizeof(SegRec) + offsetof(SegRec, meta), 4);
  *kind = (int)((meta >> SENTBITS) & 7u);
  part = meta >> (SENTBITS + 3);
  /* (out of range only where the page's entries are not whole: a query
     checks them before it reads the segment) */
  return part < LL_NPARTS ? (ll_Part)part : LL_META;
}

static size_t tab_sentence(const void *ud, size_t seg, size_t pos) {
  const ll_Store *s = (const ll_Store *)ud;
  SegEnt se;
  size_t at = 0, k = 0, prev = 0, found = 0, p;
  uint64_t a = 0, c = 0;
  if (!segpage(s, seg, &p)) return LL_NOSENT;
  getseg(s, seg, p, &se);
  if (se.sentlen == 0) return LL_NOSENT;
  while (getvar(s->p + se.sents, se.sentlen, &at, &a) &&
         getvar(s->p + se.sents, se.sentlen, &at, &c)) {
    size_t start = prev + (size_t)a;
    if (start > pos) break;
    found = k;
    prev = start + (size_t)c;
    k++;
  }
  return found;
}

static size_t tab_nsents(const void *ud, size_t seg) {
  const ll_Store *s = (const ll_Store *)ud;
  SegEnt se;
  size_t at = 0, k = 0, p;
  uint64_t a, c;
  if (!segpage(s, seg, &p)) return 0;
  getseg(s, seg, p, &se);
  while (getvar(s->p + se.sents, se.sentlen, &at, &a) &&
         getvar(s->p + se.sents, se.sentlen, &at, &c))
    k++;
  return k;
}

/* Are bytes [off, off + n) of the vocabulary's section which whole? The
** checksum of each chunk they touch, checked once (a bit a chunk); one
** that is not is noted as a fault. LL_VOCAB_BAD notes one and gives 0. */
static int tab_vocab(const void *ud, int which, size_t off, size_t n) {
  const ll_Store *s = (const ll_Store *)ud;
  size_t c, last;
  if (which < LL_VOCAB_WORDS || which > LL_VOCAB_SLOTS) {
    vfault(s);
    return 0;
  }
  if (off > s->vsize[which] || n > s->vsize[which] - off) {
    vfault(s);
    return 0;
  }
  if (n == 0) return 1;
  last = s->vfirst[which] + (off + n - 1) / VCHUNK;
  for (c = s->vfirst[which] + off / VCHUNK; c <= last; c++) {
    unsigned char bit = (unsigned char)(1u << (c & 7u));
    size_t at = (c - s->vfirst[which]) * VCHUNK, len = s->vsize[which] - at;
    if (s->vok[c >> 3] & bit) continue;
    if (!(s->vbad[c >> 3] & bit) &&
        ll_store_sum(s->vsec[which] + at, len < VCHUNK ? len : VCHUNK) == rd64(s->vsums + 8 * c)) {
      s->vok[c >> 3] |= bit;
      continue;
    }
    s->vbad[c >> 3] |= bit;
    vfault(s);
    return 0;
  }
  return 1;
}

static int refuse(ll_Store *s, char *err, size_t errsz, const char *why) {
  if (errsz > 0) snprintf(err, errsz, "not a whole index file (%s)", why);
  (void)s;
  return LL_ERRINPUT;
}

/* The section of id in the table (NULL when there is none). */
static const SecEnt *findsec(const SecEnt *t, size_t n, unsigned id) {
  size_t i;
  for (i = 0; i < n; i++)
    if (t[i].id == id) return &t[i];
  return NULL;
}

/* The file's section table, as readstore reads it. */
typedef struct Sections {
  SecEnt tab[64];
  size_t n;
  uint64_t toff; /* the table's offset: the sections end there */
} Sections;

/* The header: magic, byte order, version, checksum, size, and the section
** table's place and checksum; the table copied into *sec. */
static int readheader(ll_Store *s, Sections *sec, char *err, size_t errsz) {
  const unsigned char *p = s->p;
  size_t n = s->n;
  uint32_t v;
  if (n < 8 || memcmp(p, MAGIC, 8) != 0) return fail(err, errsz, "not an index file");
  if (n < HEADSZ) return refuse(s, err, errsz, "truncated header");
  v = rd32(p + 8);
  if (rd32(p + 12) != BYTEMARK) return fail(err, errsz, "index file of another byte order");
  /* the version first: a newer one may lay its header out otherwise */
  if (v > LL_STORE_VERSION) {
    if (errsz > 0)
      snprintf(err, errsz, "index file of a newer version (%lu; this reader knows %d)",
               (unsigned long)v, LL_STORE_VERSION);
    return LL_ERRINPUT;
  }
  /* an older one is laid out otherwise past its header (version 1: the
     vocabulary packed whole): written again by ll.index, not read */
  if (v >= 1 && v < LL_STORE_VERSION) {
    if (errsz > 0)
      snprintf(err, errsz,
               "index file of an older version (%lu; this reader knows %d): index the pages again",
               (unsigned long)v, LL_STORE_VERSION);
    return LL_ERRINPUT;
  }
  if (ll_store_sum(p, 56) != rd64(p + 56)) return refuse(s, err, errsz, "corrupted header");
  if (v < 1) return refuse(s, err, errsz, "bad version");
  if (rd64(p + 16) != n) return refuse(s, err, errsz, n < rd64(p + 16) ? "truncated" : "bad size");
  sec->toff = rd64(p + 24);
  sec->n = rd32(p + 32);
  if (sec->n > 64 || sec->toff % 8 != 0 || sec->toff > n ||
      n - sec->toff != sec->n * sizeof(SecEnt))
    return refuse(s, err, errsz, "bad section table");
  if (ll_store_sum(p + sec->toff, sec->n * sizeof(SecEnt)) != rd64(p + 40))
    return refuse(s, err, errsz, "corrupted section table");
  memcpy(sec->tab, p + sec->toff, sec->n * sizeof(SecEnt));
  return LL_OK;
}

/* Is section t's checksum checked at open? Those of the counts, the
** warnings and the vocabulary's chunks' checksums, whose size does not
** grow with the corpus's (or hardly: S_VSUMS, 8 bytes for 4 kB of
** vocabulary); the others are for ll_store_check_all (the records: each
** page's, in the page table; the vocabulary: each chunk's, in S_VSUMS). */
static int summedatopen(const SecEnt *t) {
  return !(t->flags & (F_LAZY | F_LATE)) &&
         (t->id == S_COUNTS || t->id == S_WARNINGS || t->id == S_CKPT || t->id == S_VSUMS ||
          t->id >= S_LAST);
}

/* The sections tile the file from the header to the table, in order, with
** zero padding (at most 7 bytes each, checked), and every section a
** reader needs is there. The checksums of the small sections are checked;
** the others are kept in s->late. */
static int checksections(ll_Store *s, const Sections *sec, char *err, size_t errsz) {
  const unsigned char *p = s->p;
  const SecEnt *tab = sec->tab;
  uint64_t at = HEADSZ, k;
  size_t i;
  s->nlate = 0;
  for (i = 0; i < sec->n; i++) {
    if (tab[i].off < at || tab[i].off - at >= 8 || tab[i].off % 8 != 0 ||
        tab[i].size > sec->toff - tab[i].off)
      return refuse(s, err, errsz, "bad section");
    for (k = at; k < tab[i].off; k++)
      if (p[k] != 0) return refuse(s, err, errsz, "bad padding");
    if (summedatopen(&tab[i])) {
      if (ll_store_sum(p + tab[i].off, (size_t)tab[i].size) != tab[i].sum)
        return refuse(s, err, errsz, "corrupted section");
    } else if (!(tab[i].flags & F_LAZY) && s->nlate < S_LAST) {
      s->late[s->nlate++] = tab[i];
    }
    at = tab[i].off + tab[i].size;
  }
  if (sec->toff < at || sec->toff - at >= 8) return refuse(s, err, errsz, "bad section table");
  for (; at < sec->toff; at++)
    if (p[at] != 0) return refuse(s, err, errsz, "bad padding");
  for (i = S_RECORDS; i < S_LAST; i++)
    if (i != S_CONTENT && findsec(tab, sec->n, (unsigned)i) == NULL)
      return refuse(s, err, errsz, "missing section");
  return LL_OK;
}

/* The index's counts and arrays into *img, each array the size its count
** says; the vocabulary's sections where they are (nothing of them read
** but the last normal form's end: their chunks are checked as queries
** read them, tab_vocab). */
static int readimage(ll_Store *s, const Sections *sec, ll_IndexImage *img, char *err,
                     size_t errsz) {
  const unsigned char *p = s->p;
  uint64_t counts[NCOUNT], nsums = 0;
  const SecEnt *sc = findsec(sec->tab, sec->n, S_COUNTS);
  static const unsigned vids[3] = {S_WORDS, S_CHARS, S_SLOTS};
  size_t i;
  if (sc->size != sizeof counts) return refuse(s, err, errsz, "bad counts");
  memcpy(counts, p + sc->off, sizeof counts);
  if (counts[C_NARROW] > 1) return refuse(s, err, errsz, "bad counts");
  for (i = 0; i < NCOUNT; i++)
    if (counts[i] > (uint64_t)0xFFFFFFFFu) return refuse(s, err, errsz, "bad counts");
  memset(img, 0, sizeof *img);
  img->ntok = (size_t)counts[C_NTOK];
  img->nwords = (size_t)counts[C_NWORDS];
  img->nsegs = (size_t)counts[C_NSEGS];
  img->ndocs = (size_t)counts[C_NDOCS];
  img->nslots = (size_t)counts[C_NSLOTS];
  img->nchars = (size_t)counts[C_NCHARS];
  img->npvar = (size_t)counts[C_NPVAR];
  img->nckpt = (size_t)counts[C_NCKPT];
  img->narrow = (int)counts[C_NARROW];
  img->seed = (uint32_t)counts[C_VSEED];
  for (i = 0; i < LL_NPARTS; i++) img->npart[i] = (size_t)counts[C_NPART + i];
#define ARR(field, id, count, esz)                                                        \
  do {                                                                                    \
    sc = findsec(sec->tab, sec->n, id);                                                   \
    if (sc->size != (uint64_t)(count) * (esz)) return refuse(s, err, errsz, "bad array"); \
    img->field = (const void *)(p + sc->off);                                             \
  } while (0)
  ARR(tokens, S_TOKENS, img->ntok, (img->narrow ? 2u : 4u));
  ARR(ckpt, S_CKPT, img->nckpt, 4u);
  ARR(segstart, S_SEGSTART, (uint64_t)img->nsegs + 1, 4u);
  ARR(docseg, S_DOCSEG, (uint64_t)img->ndocs + 1, 4u);
  ARR(chars, S_CHARS, img->nchars, 1u);
  ARR(slots, S_SLOTS, img->nslots, ll_index_slotsize(img->nwords));
  ARR(pvar, S_PVAR, img->npvar, 1u);
#undef ARR
  if (img->nchars > 0 && img->chars[img->nchars - 1] != '\0')
    return refuse(s, err, errsz, "bad vocabulary");
  sc = findsec(sec->tab, sec->n, S_WORDS);
  img->words = p + sc->off;
  img->nwordbytes = (size_t)sc->size;
  /* the chunks' checksums: as many as the three sections have chunks */
  for (i = 0; i < 3; i++) {
    sc = findsec(sec->tab, sec->n, vids[i]);
    s->vsec[i] = p + sc->off;
    s->vsize[i] = (size_t)sc->size;
    s->vfirst[i] = (size_t)nsums;
    nsums += (sc->size + VCHUNK - 1) / VCHUNK;
  }
  sc = findsec(sec->tab, sec->n, S_VSUMS);
  if (sc->size != nsums * 8) return refuse(s, err, errsz, "bad vocabulary");
  s->vsums = p + sc->off;
  s->nvsums = (size_t)nsums;
  return LL_OK;
}

/* The pages: their table's and the segments' sizes, the warnings (each
** inside its section). Each page's entries are checked when first used
** (pageents), or all at once by checkpages. */
static int readpages(ll_Store *s, const Sections *sec, char *err, size_t errsz) {
  const SecEnt *sc = findsec(sec->tab, sec->n, S_PAGES);
  size_t k = 0;
  if (sc->size != (uint64_t)s->img.ndocs * sizeof(PageEnt))
    return refuse(s, err, errsz, "bad page table");
  s->pages = (const PageEnt *)(const void *)(s->p + sc->off);
  s->npages = s->img.ndocs;
  sc = findsec(sec->tab, sec->n, S_CONTENT);
  if (sc != NULL && sc->size != (uint64_t)s->npages * sizeof(uint64_t))
    return refuse(s, err, errsz, "bad content checksums");
  s->content = sc != NULL ? s->p + sc->off : NULL;
  sc = findsec(sec->tab, sec->n, S_PATHS);
  s->paths = s->p + sc->off;
  s->npaths = (size_t)sc->size;
  sc = findsec(sec->tab, sec->n, S_WARNINGS);
  s->warns = s->p + sc->off;
  s->nwarns = (size_t)sc->size;
  sc = findsec(sec->tab, sec->n, S_RECORDS);
  s->recoff = sc->off;
  s->recend = sc->off + sc->size;
  sc = findsec(sec->tab, sec->n, S_SEGS);
  if (sc->size != (uint64_t)s->img.nsegs * sizeof(SegRec))
    return refuse(s, err, errsz, "bad segment table");
  s->segs = s->p + sc->off;
  s->nsegs = s->img.nsegs;
  s->docseg = s->img.docseg;
  while (k < s->nwarns) {
    if (s->nwarns - k < 4 || rd32(s->warns + k) > s->nwarns - k - 4)
      return refuse(s, err, errsz, "bad warnings");
    k += 4 + rd32(s->warns + k);
  }
  return LL_OK;
}

/* Checks what opening leaves to queries, all at once: the records tile
** their section, page by page in order, and every page's entries are
** whole (pageents). LL_OK, or LL_ERRINPUT with the reason in err. */
static int checkpages(const ll_Store *s, char *err, size_t errsz) {
  uint64_t at = s->recoff;
  size_t i;
  for (i = 0; i < s->npages; i++) {
    PageEnt pe;
    getpage(s, i, &pe);
    if (pe.off != at || !pageents(s, i)) {
      if (errsz > 0)
        snprintf(err, errsz, "index file corrupted: page %lu's entries", (unsigned long)i + 1);
      return LL_ERRINPUT;
    }
    at += pe.len;
  }
  if (at != s->recend) return fail(err, errsz, "index file corrupted: the page table");
  return LL_OK;
}

/* Reads and checks the mapped file s->p[0, s->n) as opening does (see
** above): header, sections, the index's image, pages, segments; then the
** index over it (s->ix). */
static int readstore(ll_Store *s, char *err, size_t errsz) {
  Sections sec;
  char why[LL_ERRSIZE];
  size_t k;
  int st = readheader(s, &sec, err, errsz);
  if (st == LL_OK) st = checksections(s, &sec, err, errsz);
  if (st == LL_OK) st = readimage(s, &sec, &s->img, err, errsz);
  if (st == LL_OK) st = readpages(s, &sec, err, errsz);
  if (st != LL_OK) return st;
  s->state = (unsigned char *)ll_malloc(&s->mem, s->npages ? s->npages : 1);
  if (s->state == NULL) return LL_ERRMEM;
  memset(s->state, 0, s->npages ? s->npages : 1);
  s->nsegchunks = s->nsegs / SEGCHUNK + 1;
  s->segbits = (unsigned char **)ll_malloc(&s->mem, s->nsegchunks * sizeof *s->segbits);
  if (s->segbits == NULL) return LL_ERRMEM;
  for (k = 0; k < s->nsegchunks; k++) s->segbits[k] = NULL;
  s->vok = (unsigned char *)ll_malloc(&s->mem, 2 * (s->nvsums / 8 + 1));
  if (s->vok == NULL) return LL_ERRMEM;
  memset(s->vok, 0, 2 * (s->nvsums / 8 + 1));
  s->vbad = s->vok + s->nvsums / 8 + 1;
  s->tab.seg = tab_seg;
  s->tab.part = tab_part;
  s->tab.sentence = tab_sentence;
  s->tab.nsents = tab_nsents;
  s->tab.touch = tab_touch;
  s->tab.all = tab_all;
  s->tab.vocab = tab_vocab;
  s->tab.ud = s;
  st = ll_index_mapped(&s->mem, &s->img, &s->tab, &s->ix, why, sizeof why);
  if (st == LL_ERRINPUT) return refuse(s, err, errsz, why);
  return st;
}

int ll_store_openmem(ll_Mem *m, const void *p, size_t n, ll_Store **out, char *err, size_t errsz) {
  ll_Store *s;
  int st;
  *out = NULL;
  if (((uintptr_t)p & 7u) != 0) return fail(err, errsz, "index bytes not aligned");
  s = (ll_Store *)ll_malloc(m, sizeof *s);
  if (s == NULL) return LL_ERRMEM;
  memset(s, 0, sizeof *s);
  s->mem = *m;
  s->p = (const unsigned char *)p;
  s->n = n;
  st = readstore(s, err, errsz);
  if (st != LL_OK) {
    ll_store_close(s);
    return st;
  }
  *out = s;
  return LL_OK;
}

int ll_store_open(ll_Mem *m, const char *path, ll_Store **out, char *err, size_t errsz) {
  int fd = open(path, O_RDONLY), st;
  struct stat sb;
  void *p;
  size_t pl = strlen(path);
  *out = NULL;
  if (fd < 0) {
    if (errsz > 0) snprintf(err, errsz, "cannot open %s: %s", path, strerror(errno));
    return LL_ERRINPUT;
  }
  if (fstat(fd, &sb) != 0 || !S_ISREG(sb.st_mode)) {
    close(fd);
    if (errsz > 0) snprintf(err, errsz, "%s: not a file", path);
    return LL_ERRINPUT;
  }
  if (sb.st_size < HEADSZ) {
    char head[8];
    ssize_t k = read(fd, head, sizeof head);
    close(fd);
    if (errsz > 0)
      snprintf(err, errsz, "%s: %s", path,
               k == 8 && memcmp(head, MAGIC, 8) == 0 ? "not a whole index file (truncated header)"
                                                     : "not an index file");
    return LL_ERRINPUT;
  }
  if ((unsigned long long)sb.st_size > (size_t)-1 / 2) {
    close(fd);
    if (errsz > 0) snprintf(err, errsz, "%s: too large", path);
    return LL_ERRINPUT;
  }
  p = mmap(NULL, (size_t)sb.st_size, PROT_READ, MAP_SHARED, fd, 0);
  close(fd);
  if (p == MAP_FAILED) {
    if (errsz > 0) snprintf(err, errsz, "cannot map %s: %s", path, strerror(errno));
    return LL_ERRINPUT;
  }
  {
    char why[LL_ERRSIZE];
    st = ll_store_openmem(m, p, (size_t)sb.st_size, out, why, sizeof why);
    if (st != LL_OK) {
      munmap(p, (size_t)sb.st_size);
      if (st == LL_ERRINPUT && errsz > 0) snprintf(err, errsz, "%s: %s", path, why);
      return st;
    }
  }
  (*out)->mapped = 1;
  (*out)->path = (char *)ll_malloc(m, pl + 1);
  if ((*out)->path == NULL) {
    ll_store_close(*out);
    *out = NULL;
    return LL_ERRMEM;
  }
  memcpy((*out)->path, path, pl + 1);
  return LL_OK;
}

void ll_store_close(ll_Store *s) {
  ll_Mem m;
  size_t k;
  if (s == NULL) return;
  m = s->mem;
  ll_index_free(s->ix);
  ll_free(&m, s->state, s->npages ? s->npages : 1);
  if (s->vok != NULL) ll_free(&m, s->vok, 2 * (s->nvsums / 8 + 1));
  if (s->segbits != NULL) {
    for (k = 0; k < s->nsegchunks; k++) ll_free(&m, s->segbits[k], SB_N * (SEGCHUNK / 8));
    ll_free(&m, s->segbits, s->nsegchunks * sizeof *s->segbits);
  }
  if (s->path != NULL) ll_free(&m, s->path, strlen(s->path) + 1);
  if (s->mapped) munmap((void *)s->p, s->n);
  ll_free(&m, s, sizeof *s);
}

size_t ll_store_npages(const ll_Store *s) {
  return s->npages;
}

const ll_Index *ll_store_index(const ll_Store *s) {
  return s->ix;
}

/* "PATH: " for messages, or "" for bytes in memory */
#define WHERE(s) ((s)->path != NULL ? (s)->path : ""), ((s)->path != NULL ? ": " : "")

int ll_store_check_all(const ll_Store *s, char *err, size_t errsz) {
  char why[LL_ERRSIZE];
  size_t i;
  for (i = 0; i < s->nlate; i++)
    if (ll_store_sum(s->p + s->late[i].off, (size_t)s->late[i].size) != s->late[i].sum) {
      if (errsz > 0)
        snprintf(err, errsz, "%s%sindex file corrupted: its %s", WHERE(s),
                 s->late[i].id == S_TOKENS    ? "tokens"
                 : s->late[i].id == S_PVAR    ? "postings"
                 : s->late[i].id == S_PAGES   ? "page table"
                 : s->late[i].id == S_SEGS    ? "segment table"
                 : s->late[i].id == S_CONTENT ? "content checksums"
                                              : "index");
      return LL_ERRINPUT;
    }
  for (i = 0; i <= 3; i++) /* every chunk's checksum, then every entry */
    if (i < 3 ? !tab_vocab(s, (int)i, 0, s->vsize[i])
              : ll_index_check_vocab(s->ix, why, sizeof why) != LL_OK) {
      if (errsz > 0) snprintf(err, errsz, "%s%sindex file corrupted: its vocabulary", WHERE(s));
      return LL_ERRINPUT;
    }
  if (checkpages(s, why, sizeof why) != LL_OK) {
    if (errsz > 0) snprintf(err, errsz, "%s%s%s", WHERE(s), why);
    return LL_ERRINPUT;
  }
  for (i = 0; i < s->npages; i++)
    if (ll_store_check(s, i, err, errsz) != LL_OK) return LL_ERRINPUT;
  return LL_OK;
}

size_t ll_store_bad(const ll_Store *s) {
  return s->bad;
}

int ll_store_fault(const ll_Store *s, char *err, size_t errsz) {
  if (s->fault == NULL) return 0;
  if (s->faultpage == 0) { /* not a page's: the vocabulary */
    if (errsz > 0) snprintf(err, errsz, "%s%sindex file corrupted: its %s", WHERE(s), s->fault);
    return 1;
  }
  if (errsz > 0)
    snprintf(err, errsz, "%s%sindex file corrupted: page %lu's %s", WHERE(s),
             (unsigned long)s->faultpage, s->fault);
  return 1;
}

void ll_store_clearfault(ll_Store *s) {
  s->fault = NULL;
  s->faultpage = 0;
}

void ll_store_info(const ll_Store *s, size_t i, ll_PageInfo *out) {
  PageEnt pe;
  getpage(s, i, &pe);
  if (!pageentok(s, &pe)) { /* a corrupted entry: no path, nothing known */
    fault(s, i, "entry");
    pe.flags = 0;
    pe.size = pe.mtime_s = pe.mtime_ns = -1;
  }
  out->path = pe.flags & 1 ? (const char *)s->paths + pe.pathoff : NULL;
  out->pathlen = pe.flags & 1 ? pe.pathlen : 0;
  out->size = pe.size;
  out->mtime_s = pe.mtime_s;
  out->mtime_ns = pe.mtime_ns;
  out->content = 0;
  if (s->content != NULL && (pe.flags & 1)) memcpy(&out->content, s->content + i * 8, 8);
}

int ll_store_warning(const ll_Store *s, size_t k, const char **msg, size_t *len) {
  size_t at = 0;
  for (;;) {
    uint32_t n;
    if (at >= s->nwarns) return 0;
    n = rd32(s->warns + at);
    if (k-- == 0) {
      *msg = (const char *)s->warns + at + 4;
      *len = n;
      return 1;
    }
    at += 4 + (size_t)n;
  }
}

int ll_store_check(const ll_Store *s, size_t i, char *err, size_t errsz) {
  if (!checkpage(s, i)) {
    if (errsz > 0)
      snprintf(err, errsz, "%s%sindex file corrupted: page %lu's %s", WHERE(s),
               (unsigned long)i + 1, (s->state[i] & P_BADENTS) ? "entries" : "record");
    return LL_ERRINPUT;
  }
  return LL_OK;
}

/* The k-th header field's name (k from 0) in a record's fields p[0, n):
** 1 with *name, *len (UTF-8 without NUL), or 0 when there is none such. */
static int fieldname(const unsigned char *p, size_t n, size_t k, const char **name, size_t *len) {
  Rd r = {p, n, 0};
  unsigned tag;
  const unsigned char *v;
  size_t l;
  while (nextf(&r, &tag, &v, &l) > 0) {
    Rd f;
    unsigned ft;
    const unsigned char *fv;
    size_t fl;
    if (tag != D_FIELD || k-- > 0) continue;
    f.p = v;
    f.n = l;
    f.at = 0;
    while (nextf(&f, &ft, &fv, &fl) > 0)
      if (ft == F_NAME) {
        if (!validtext((const char *)fv, fl)) return 0;
        *name = (const char *)fv;
        *len = fl;
        return 1;
      }
    return 0;
  }
  return 0;
}

/* The note holding the k-th note paragraph (k from 0, in record order) of
** a record's fields p[0, n): 1 with its number in *num and the
** paragraph's index in it in *para, or 0 when there is none such. */
static int noteof(const unsigned char *p, size_t n, size_t k, long *num, size_t *para) {
  Rd r = {p, n, 0};
  unsigned tag;
  const unsigned char *v;
  size_t l;
  while (nextf(&r, &tag, &v, &l) > 0) {
    long np;
    if (tag != D_NOTE) continue;
    np = countf(v, l, N_PARA);
    if (np < 0) return 0;
    if (k < (size_t)np) {
      Rd f = {v, l, 0};
      unsigned ft;
      const unsigned char *fv;
      size_t fl;
      while (nextf(&f, &ft, &fv, &fl) > 0) {
        size_t at = 0;
        uint64_t a = 0;
        if (ft != N_NUM) continue;
        if (!getvar(fv, fl, &at, &a) || at != fl || a > LL_MAXNOTE) return 0;
        *num = (long)a;
        *para = k;
        return 1;
      }
      return 0;
    }
    k -= (size_t)np;
  }
  return 0;
}

int ll_store_seg(const ll_Store *s, size_t seg, ll_Seg *out, const char **field, size_t *fieldlen) {
  size_t p, local, k, before = 0;
  SegEnt se;
  PageEnt pe;
  memset(out, 0, sizeof *out);
  out->field = -1;
  *field = NULL;
  *fieldlen = 0;
  if (seg >= s->nsegs || s->npages == 0) return 0;
  p = ll_index_docof(s->ix, seg, &local);
  /* what a query checks before it reads a segment's text (tab_seg): the
     page's entries and its record's checksum, the segment's text UTF-8 */
  if (!sumpage(s, p) || seg < s->docseg[p] || seg >= s->docseg[p + 1]) return 0;
  getseg(s, seg, p, &se);
  if (!segtextok(s, seg, &se)) return 0;
  /* the segments of the page before it of the same part (ll_doc_segments
     lists the title, the subtitle, the header fields, the body, then the
     notes' paragraphs, each part in record order) */
  for (k = s->docseg[p]; k < seg; k++) {
    SegEnt o;
    getseg(s, k, p, &o);
    if (o.part == se.part) before++;
  }
  getpage(s, p, &pe);
  out->part = (ll_Part)se.part;
  out->text = (const char *)s->p + se.text;
  out->len = se.len;
  if (se.part == LL_BODY) {
    if (before > 0x7FFFFFFF) return 0;
    out->para = (int)before;
  } else if (se.part == LL_NOTE) {
    size_t para;
    if (!noteof(s->p + pe.off, (size_t)pe.len, before, &out->note, &para) || para > 0x7FFFFFFF)
      return 0;
    out->para = (int)para;
  } else if (se.part == LL_META) {
    if (before > 0x7FFFFFFF || !fieldname(s->p + pe.off, (size_t)pe.len, before, field, fieldlen))
      return 0;
    out->field = (int)before;
  } else if (before > 0) {
    return 0; /* a second title or subtitle */
  }
  return 1;
}

int ll_store_title(const ll_Store *s, size_t i, const char **text, size_t *len) {
  SegEnt se;
  *text = NULL;
  *len = 0;
  if (i >= s->npages || !sumpage(s, i)) return -1;
  if (s->docseg[i] == s->docseg[i + 1]) return 0;
  getseg(s, s->docseg[i], i, &se);
  if (se.part != LL_TITLE) return 0;
  if (!segtextok(s, s->docseg[i], &se)) return -1;
  *text = (const char *)s->p + se.text;
  *len = se.len;
  return 1;
}

int ll_store_page(const ll_Store *s, ll_Mem *m, size_t i, ll_Doc **out, char *err, size_t errsz) {
  PageEnt pe;
  const char *why;
  ll_Doc *d;
  size_t j, first;
  int st;
  *out = NULL;
  if (ll_store_check(s, i, err, errsz) != LL_OK) return LL_ERRINPUT;
  getpage(s, i, &pe);
  st = getrecord(m, s->p + pe.off, (size_t)pe.len, &d, &why);
  if (st == LL_ERRINPUT) {
    if (errsz > 0)
      snprintf(err, errsz, "%s%sindex file corrupted: page %lu: %s", WHERE(s), (unsigned long)i + 1,
               why);
    return st;
  }
  if (st != LL_OK) return st;
  /* its segments must be the index's, to the byte: a query's hit and
     ll_store_seg/ll_store_title read the segment's text in the file, and
     c[i] the record's, so the two must not differ */
  first = s->docseg[i];
  if (d->nsegs != s->docseg[i + 1] - first)
    j = 0;
  else
    for (j = 0; j < d->nsegs; j++) {
      SegEnt se;
      getseg(s, first + j, i, &se);
      const ll_Block *b = d->segs[j].block;
      if (se.len != d->segs[j].len || se.part != (uint32_t)d->segs[j].part ||
          se.kind != (uint32_t)(b != NULL ? b->kind : 0) ||
          (se.len > 0 && memcmp(s->p + se.text, d->segs[j].text, se.len) != 0))
        break;
    }
  if (j != d->nsegs || (d->nsegs == 0 && s->docseg[i + 1] != first)) {
    ll_doc_free(d);
    if (errsz > 0)
      snprintf(err, errsz, "%s%sindex file corrupted: page %lu does not match the index", WHERE(s),
               (unsigned long)i + 1);
    return LL_ERRINPUT;
  }
  *out = d;
  return LL_OK;
}

/* Recomputes the vocabulary's chunks' checksums into section v (when it
** has room for them all) from its sections in the table at toff. */
static void resealvsums(unsigned char *p, size_t n, uint64_t toff, uint64_t nsec, const SecEnt *v) {
  static const unsigned vids[3] = {S_WORDS, S_CHARS, S_SLOTS};
  uint64_t at = 0, i, k, c;
  for (k = 0; k < 3; k++)
    for (i = 0; i < nsec; i++) {
      SecEnt se;
      memcpy(&se, p + toff + i * sizeof se, sizeof se);
      if (se.id != vids[k] || se.off > n || se.size > n - se.off) continue;
      for (c = 0; c < se.size; c += VCHUNK, at++) {
        uint64_t sum, len = se.size - c < VCHUNK ? se.size - c : VCHUNK;
        if ((at + 1) * 8 > v->size) return;
        sum = ll_store_sum(p + se.off + c, (size_t)len);
        memcpy(p + v->off + at * 8, &sum, 8);
      }
      break;
    }
}

void ll_store_reseal(unsigned char *p, size_t n) {
  uint64_t toff, nsec, i;
  if (n < HEADSZ || memcmp(p, MAGIC, 8) != 0) return;
  toff = rd64(p + 24);
  nsec = rd32(p + 32);
  if (nsec <= 64 && toff % 8 == 0 && toff <= n && n - toff >= nsec * sizeof(SecEnt)) {
    for (i = 0; i < nsec; i++) {
      SecEnt se;
      memcpy(&se, p + toff + i * sizeof se, sizeof se);
      if (se.off <= n && se.size <= n - se.off) {
        if (se.flags & F_LAZY) continue;
        if (se.id == S_VSUMS) resealvsums(p, n, toff, nsec, &se);
        se.sum = ll_store_sum(p + se.off, (size_t)se.size);
        memcpy(p + toff + i * sizeof se, &se, sizeof se);
        if (se.id == S_PAGES && se.size % sizeof(PageEnt) == 0) {
          uint64_t k;
          for (k = 0; k < se.size / sizeof(PageEnt); k++) {
            PageEnt pe;
            memcpy(&pe, p + se.off + k * sizeof pe, sizeof pe);
            if (pe.off <= n && pe.len <= n - pe.off)
              pe.sum = ll_store_sum(p + pe.off, (size_t)pe.len);
            memcpy(p + se.off + k * sizeof pe, &pe, sizeof pe);
          }
          se.sum = ll_store_sum(p + se.off, (size_t)se.size);
          memcpy(p + toff + i * sizeof se, &se, sizeof se);
        }
      }
    }
    {
      uint64_t s = ll_store_sum(p + toff, (size_t)(nsec * sizeof(SecEnt)));
      memcpy(p + 40, &s, 8);
    }
  }
  {
    uint64_t s = ll_store_sum(p, 56);
    memcpy(p + 56, &s, 8);
  }
}
