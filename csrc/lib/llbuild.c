/*
** llbuild.c: the document builder.
** The one place an ll_Doc is assembled. A reader feeds it what it found,
** in document order (see ll.h, "Document builder"): the page's note
** numbers, author, number, title, subtitle, header field lines, body
** blocks (kind, level, label, text with "[N]" markers and page-break runs,
** spans, table cells and rows, page breaks), notes and their paragraphs,
** footer lines; ll_build_end then reads the Source field, finds the
** citations in the notes, checks markers against notes (warnings) and
** lists the searchable segments. The HTML reader (llhtml.c) and the
** plain-text parser (llpage.c) both feed it.
*/
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ll.h"

/* what the block being built belongs to */
enum { OPEN_NONE, OPEN_BODY, OPEN_NOTE };

struct ll_Builder {
  ll_Mem *m;
  ll_Doc *d;
  int status;
  ll_Buf buf; /* scratch: the text of the block or line being built */
  ll_Vec refs, breaks, labels, sents, cites, warns;
  ll_Vec nums;       /* long: the page's note numbers */
  int numsorted;     /* nums is sorted, each number once */
  ll_Vec pagelabels; /* const char *: labels of the page breaks, in order */
  size_t nextlabel;  /* the next of them to hand out */
  /* the block being built */
  int open;           /* OPEN_* */
  ll_Block blk;       /* its kind, level and label until it is sealed */
  int pending;        /* a marker ends its text after a space that may go */
  ll_Vec spans;       /* ll_Inline of the block */
  ll_Vec spanned;     /* size_t: indexes in spans of the spans open */
  ll_Vec cells, rows; /* ll_Span, size_t: a table's cells, cells per row */
  size_t cellstart, rowcells;
  /* the document's parts so far */
  ll_Vec fields, paras, notes, noteparas, nav;
  char first_page[16]; /* a reader's label of the page the text starts on */
};

/* See ll.h. */
size_t ll_field_name(const char *s, size_t len) {
  size_t i, words = 1;
  if (len == 0 || s[0] < 'A' || s[0] > 'Z') return 0;
  for (i = 1; i < len && i <= 40; i++) {
    unsigned char c = (unsigned char)s[i];
    if (c == ':') {
      if (i + 1 < len && s[i + 1] != ' ' && !ll_utf8_isnbsp(s, i + 1, len)) return 0;
      return i;
    }
    if (c == ' ') {
      if (++words > 5) return 0;
    } else if (!((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
                 c == '\\' || c == '/' || c == '-' || c == '&' || c == '(' || c == ')')) {
      return 0;
    }
  }
  return 0;
}

/* See ll.h. */
size_t ll_note_marker(const char *s, size_t len, long *n) {
  size_t i = 1;
  long v = 0;
  if (len < 3 || s[0] != '[') return 0;
  while (i < len && s[i] >= '0' && s[i] <= '9') {
    if (i > 6) return 0;
    v = v * 10 + (s[i] - '0');
    i++;
  }
  if (i == 1 || i >= len || s[i] != ']' || v == 0) return 0;
  *n = v;
  return i + 1;
}

/* ------------------------------------------------------------------ */
/* Building text                                                       */
/* ------------------------------------------------------------------ */

static void warn(ll_Builder *p, const char *msg) {
  char **w;
  char *copy;
  if (p->status != LL_OK) return;
  copy = ll_arena_strndup(&p->d->arena, msg, strlen(msg));
  w = (char **)ll_vec_push(p->m, &p->warns);
  if (copy == NULL || w == NULL) {
    p->status = LL_ERRMEM;
    return;
  }
  *w = copy;
}

static void bufadd(ll_Builder *p, const char *s, size_t n) {
  if (p->status == LL_OK && ll_buf_add(p->m, &p->buf, s, n) != LL_OK) p->status = LL_ERRMEM;
}

/* the scratch buffer as a string in the arena */
static char *bufseal(ll_Builder *p) {
  char *r;
  if (p->status != LL_OK) return NULL;
  r = ll_arena_strndup(&p->d->arena, p->buf.p ? p->buf.p : "", p->buf.n);
  if (r == NULL) p->status = LL_ERRMEM;
  return r;
}

/* Appends s[0,len) to the scratch buffer with every run of white space
** (including no-break spaces and line ends) made one space. */
static void addcollapsed(ll_Builder *p, const char *s, size_t len) {
  size_t i = 0;
  while (i < len) {
    size_t w = ll_utf8_hspace(s, i, len);
    if (w == 0 && s[i] == '\n') w = 1;
    if (w > 0) {
      while (i < len &&
             (w = ll_utf8_hspace(s, i, len) ? ll_utf8_hspace(s, i, len) : (s[i] == '\n')) != 0)
        i += w;
      if (p->buf.n > 0 && p->buf.p[p->buf.n - 1] != ' ') bufadd(p, " ", 1);
    } else {
      size_t j = i;
      while (j < len && !ll_utf8_hspace(s, j, len) && s[j] != '\n') j++;
      bufadd(p, s + i, j - i);
      i = j;
    }
  }
}

static void trimbuf(ll_Builder *p) {
  while (p->buf.n > 0 && p->buf.p[p->buf.n - 1] == ' ') p->buf.n--;
  if (p->buf.p) p->buf.p[p->buf.n] = '\0';
}

/* Length of a page-break run at s[i]: a space, no-break spaces (and spaces
** between them), a space. 0 if none. */
static size_t pagebreak(const char *s, size_t i, size_t len) {
  size_t j = i + 1, nb = 0;
  if (s[i] != ' ') return 0;
  while (j < len) {
    if (ll_utf8_isnbsp(s, j, len)) {
      nb++;
      j += 2;
    } else if (s[j] == ' ' && j + 1 < len && ll_utf8_isnbsp(s, j + 1, len))
      j++;
    else
      break;
  }
  if (nb == 0 || j >= len || s[j] != ' ') return 0;
  return j + 1 - i;
}

/* Records a page break at the end of the scratch buffer, with the next
** page label given (ll_build_label), if any is left. */
static void addbreak(ll_Builder *p) {
  size_t *b = (size_t *)ll_vec_push(p->m, &p->breaks);
  const char **lab = (const char **)ll_vec_push(p->m, &p->labels);
  if (b == NULL || lab == NULL) {
    p->status = LL_ERRMEM;
    return;
  }
  *b = p->buf.n;
  if (p->nextlabel < p->pagelabels.n) *lab = ((const char **)p->pagelabels.p)[p->nextlabel++];
}

static int cmpnum(const void *a, const void *b) {
  long x = *(const long *)a, y = *(const long *)b;
  return (x > y) - (x < y);
}

/* Does the page have a note numbered n? p->nums is sorted and without
** repeats on the first look (one scan per number made a page of many notes
** quadratic: issue #19). */
static int hasnote(ll_Builder *p, long n) {
  if (!p->numsorted && p->nums.n > 1) {
    long *v = (long *)p->nums.p;
    size_t j, w = 1;
    qsort(v, p->nums.n, sizeof *v, cmpnum);
    for (j = 1; j < p->nums.n; j++)
      if (v[j] != v[w - 1]) v[w++] = v[j];
    p->nums.n = w;
  }
  p->numsorted = 1;
  return p->nums.n > 0 && bsearch(&n, p->nums.p, p->nums.n, sizeof(long), cmpnum) != NULL;
}

static char *dupstr(ll_Builder *p, const char *s, size_t n);

/* Ends the table cell open at the end of the scratch buffer. */

static void endcell(ll_Builder *p) {
  ll_Span *c;
  if (p->status != LL_OK) return;
  c = (ll_Span *)ll_vec_push(p->m, &p->cells);
  if (c == NULL) {
    p->status = LL_ERRMEM;
    return;
  }
  c->start = p->cellstart;
  c->end = p->buf.n;
  p->rowcells++;
}

/* Ends the table row open: its cell count goes to p->rows. */
static void endrow(ll_Builder *p) {
  size_t *r;
  endcell(p);
  if (p->status != LL_OK) return;
  r = (size_t *)ll_vec_push(p->m, &p->rows);
  if (r == NULL) {
    p->status = LL_ERRMEM;
    return;
  }
  *r = p->rowcells;
  p->rowcells = 0;
}

/* Settles a marker left at the end of the text so far after a space: the
** space goes when what follows ends the word group (drop set: space,
** punctuation, a line break, a span's or a cell's end, the block's end),
** and stays before anything else. */
static void settle(ll_Builder *p, int drop) {
  if (!p->pending) return;
  p->pending = 0;
  if (drop && p->refs.n > 0 && p->buf.n > 0) {
    p->buf.n--;
    ((ll_Ref *)p->refs.p)[p->refs.n - 1].pos--;
  }
}

/* Is c a byte after which a marker's space goes: the marker ends a word
** group ("word [1] next", "word [1], next")? */
static int groupend(char c) {
  return c == ' ' || c == '\n' || c == ',' || c == '.' || c == ';' || c == ':' || c == '[' ||
         c == ')';
}

/* Appends text to the scratch buffer, taking out footnote markers (into
** p->refs) and, when breaks is set, page-break runs (into p->breaks). A
** marker at the end of s after a space is left pending (settle). */
static void addtext(ll_Builder *p, const char *s, size_t len, int breaks) {
  size_t i = 0, lb = 0; /* lb: the next '[' after i, once looked for */
  if (len > 0) settle(p, groupend(s[0]));
  while (i < len && p->status == LL_OK) {
    long n;
    size_t ml, pb;
    if (s[i] == '[' && (ml = ll_note_marker(s + i, len - i, &n)) > 0 && hasnote(p, n)) {
      /* a bracketed number is a marker only when the page has that note:
         "November 15 [1945]. We welcome" keeps its editor's year */
      size_t after = i + ml;
      ll_Ref *r;
      int space = p->buf.n > 0 && p->buf.p[p->buf.n - 1] == ' ';
      /* a marker after a space: drop that space when the marker ends a
         word group ("word [1] next": one of the two spaces goes) */
      if (space && after < len && groupend(s[after])) p->buf.n--;
      r = (ll_Ref *)ll_vec_push(p->m, &p->refs);
      if (r == NULL) {
        p->status = LL_ERRMEM;
        return;
      }
      r->note = n;
      r->pos = p->buf.n;
      p->pending = space && after >= len;
      i = after;
      continue;
    }
    if (breaks && s[i] == ' ' && (pb = pagebreak(s, i, len)) > 0 && p->buf.n > 0) {
      addbreak(p);
      bufadd(p, " ", 1);
      i += pb;
      continue;
    }
    {
      /* up to the next '[' or the next space that may open a page break
         (a space before a no-break space): one copy for the whole run */
      size_t j, c;
      if (lb <= i) { /* the next '[' after i, or len */
        const char *q = (const char *)memchr(s + i + 1, '[', len - i - 1);
        lb = q != NULL ? (size_t)(q - s) : len;
      }
      j = lb;
      for (c = i + 2; c < lb; c++) {
        const char *r = (const char *)memchr(s + c, 0xC2, lb - c);
        if (r == NULL) break;
        c = (size_t)(r - s);
        if (s[c - 1] == ' ') {
          j = c - 1;
          break;
        }
      }
      bufadd(p, s + i, j - i);
      i = j;
    }
  }
}

/* Empties the scratch state of one block. */
static void resetblock(ll_Builder *p) {
  p->buf.n = 0;
  p->refs.n = p->breaks.n = p->labels.n = p->sents.n = 0;
  p->spans.n = p->spanned.n = p->cells.n = p->rows.n = 0;
  p->cellstart = p->rowcells = 0;
  p->pending = 0;
}

/* Seals the spans of the block of text out: spans left open end with the
** block; empty ones go. */
static int sealspans(ll_Builder *p, ll_Block *out) {
  size_t k, w = 0;
  int st = LL_OK;
  ll_Inline *sp = (ll_Inline *)p->spans.p;
  for (k = 0; k < p->spans.n; k++) {
    if (sp[k].pos > out->len) sp[k].pos = out->len;
    if (sp[k].len == (size_t)-1 || sp[k].pos + sp[k].len > out->len)
      sp[k].len = out->len - sp[k].pos;
    if (sp[k].len > 0) sp[w++] = sp[k];
  }
  p->spans.n = w;
  out->spans = (ll_Inline *)ll_vec_seal(&p->d->arena, &p->spans, &st);
  out->nspans = (unsigned)p->spans.n;
  return st;
}

/* Whether anything the block holds (a marker, a page break, a span) stands
** past offset cut of its text. */
static int heldpast(const ll_Builder *p, size_t cut) {
  size_t i;
  if (p->refs.n > 0 && ((const ll_Ref *)p->refs.p)[p->refs.n - 1].pos > cut) return 1;
  if (p->breaks.n > 0 && ((const size_t *)p->breaks.p)[p->breaks.n - 1] > cut) return 1;
  for (i = 0; i < p->spans.n; i++)
    if (((const ll_Inline *)p->spans.p)[i].pos > cut) return 1;
  return 0;
}

/* Drops a table's last rows whose cells are all empty, with the line break
** that opened each: a spacer row (<tr><td>&nbsp;</td></tr>) closing a table
** is layout, and would leave the table's text ending in a line break. A row
** past which a marker, page break or span stands is kept. */
static void droptrailingrows(ll_Builder *p) {
  while (p->rows.n > 1) {
    size_t k = ((const size_t *)p->rows.p)[p->rows.n - 1], j, cut;
    const ll_Span *c = (const ll_Span *)p->cells.p + (p->cells.n - k);
    for (j = 0; j < k; j++)
      if (c[j].start != c[j].end) return;
    cut = c[0].start - 1; /* the row's "\n" */
    if (heldpast(p, cut)) return;
    p->cells.n -= k;
    p->rows.n--;
    p->buf.n = cut;
    if (p->buf.p) p->buf.p[cut] = '\0';
  }
}

/* Seals a table's cells and rows into out. */
static int sealtable(ll_Builder *p, ll_Block *out) {
  int st = LL_OK;
  ll_Table *t = (ll_Table *)ll_arena_alloc(&p->d->arena, sizeof *t);
  if (t == NULL) return LL_ERRMEM;
  t->cells = (ll_Span *)ll_vec_seal(&p->d->arena, &p->cells, &st);
  t->ncells = p->cells.n;
  t->rowcells = (size_t *)ll_vec_seal(&p->d->arena, &p->rows, &st);
  t->nrows = p->rows.n;
  out->table = t;
  return st;
}

/* Seals the scratch state (text, markers, page breaks, sentences, spans, a
** table's cells) into out, whose kind, level and label are set. */
static void sealblock(ll_Builder *p, ll_Block *out) {
  int st = LL_OK;
  if (out->kind == LL_TABLE) {
    endrow(p);
    if (p->status == LL_OK) droptrailingrows(p);
  }
  if (p->status != LL_OK) return;
  out->text = bufseal(p);
  out->len = p->buf.n;
  out->refs = (ll_Ref *)ll_vec_seal(&p->d->arena, &p->refs, &st);
  out->nrefs = p->refs.n;
  out->breaks = (size_t *)ll_vec_seal(&p->d->arena, &p->breaks, &st);
  out->nbreaks = p->breaks.n;
  if (p->pagelabels.n > 0) out->labels = (const char **)ll_vec_seal(&p->d->arena, &p->labels, &st);
  if (st == LL_OK && p->status == LL_OK) st = ll_sentences(p->m, out->text, out->len, &p->sents);
  out->sents = (ll_Span *)ll_vec_seal(&p->d->arena, &p->sents, &st);
  out->nsents = p->sents.n;
  if (p->spans.n > 0 && st == LL_OK) st = sealspans(p, out);
  if (out->kind == LL_TABLE && st == LL_OK) st = sealtable(p, out);
  if (st != LL_OK) p->status = st;
}

/* Seals the paragraphs of the note being built into it. */
static void sealnote(ll_Builder *p) {
  int st = LL_OK;
  ll_Note *nt;
  if (p->notes.n == 0 || p->status != LL_OK) return;
  nt = (ll_Note *)p->notes.p + p->notes.n - 1;
  if (nt->paras != NULL || p->noteparas.n == 0) return;
  nt->paras = (ll_Block *)ll_vec_seal(&p->d->arena, &p->noteparas, &st);
  nt->nparas = p->noteparas.n;
  p->noteparas.n = 0;
  if (st != LL_OK) p->status = st;
}

/* Ends the block being built, if any: it joins the body or the note. */
static void closeblock(ll_Builder *p) {
  ll_Block *out;
  if (p->open == OPEN_NONE) return;
  settle(p, 1);
  out = (ll_Block *)ll_vec_push(p->m, p->open == OPEN_NOTE ? &p->noteparas : &p->paras);
  p->open = OPEN_NONE;
  if (out == NULL) {
    p->status = LL_ERRMEM;
    return;
  }
  *out = p->blk;
  sealblock(p, out);
}

/* ------------------------------------------------------------------ */
/* The builder's calls (see ll.h)                                      */
/* ------------------------------------------------------------------ */

int ll_build_begin(ll_Mem *m, ll_Builder **out) {
  ll_Builder *p;
  ll_Doc *d;
  *out = NULL;
  p = (ll_Builder *)ll_malloc(m, sizeof *p);
  d = (ll_Doc *)ll_malloc(m, sizeof *d);
  if (p == NULL || d == NULL) {
    ll_free(m, p, sizeof *p);
    ll_free(m, d, sizeof *d);
    return LL_ERRMEM;
  }
  memset(d, 0, sizeof *d);
  d->mem = *m;
  ll_arena_init(&d->arena, &d->mem);
  memset(p, 0, sizeof *p);
  p->m = m;
  p->d = d;
  ll_buf_init(&p->buf);
  ll_vec_init(&p->refs, sizeof(ll_Ref));
  ll_vec_init(&p->breaks, sizeof(size_t));
  ll_vec_init(&p->labels, sizeof(const char *));
  ll_vec_init(&p->sents, sizeof(ll_Span));
  ll_vec_init(&p->cites, sizeof(ll_Cite));
  ll_vec_init(&p->warns, sizeof(char *));
  ll_vec_init(&p->nums, sizeof(long));
  ll_vec_init(&p->pagelabels, sizeof(const char *));
  ll_vec_init(&p->spans, sizeof(ll_Inline));
  ll_vec_init(&p->spanned, sizeof(size_t));
  ll_vec_init(&p->cells, sizeof(ll_Span));
  ll_vec_init(&p->rows, sizeof(size_t));
  ll_vec_init(&p->fields, sizeof(ll_Field));
  ll_vec_init(&p->paras, sizeof(ll_Block));
  ll_vec_init(&p->notes, sizeof(ll_Note));
  ll_vec_init(&p->noteparas, sizeof(ll_Block));
  ll_vec_init(&p->nav, sizeof(char *));
  *out = p;
  return LL_OK;
}

void ll_build_note_number(ll_Builder *p, long n) {
  long *slot;
  if (p->status != LL_OK) return;
  slot = (long *)ll_vec_push(p->m, &p->nums);
  if (slot == NULL) {
    p->status = LL_ERRMEM;
    return;
  }
  *slot = n;
  p->numsorted = 0;
}

void ll_build_label(ll_Builder *p, const char *label, size_t n) {
  const char **slot;
  char *copy;
  if (p->status != LL_OK) return;
  copy = ll_arena_strndup(&p->d->arena, label, n);
  slot = (const char **)ll_vec_push(p->m, &p->pagelabels);
  if (copy == NULL || slot == NULL) {
    p->status = LL_ERRMEM;
    return;
  }
  *slot = copy;
}

void ll_build_first_page(ll_Builder *p, const char *label, size_t n) {
  if (n >= sizeof p->first_page) n = sizeof p->first_page - 1;
  memcpy(p->first_page, label, n);
  p->first_page[n] = '\0';
}

void ll_build_author(ll_Builder *p, const char *s, size_t n) {
  closeblock(p);
  p->buf.n = 0;
  addcollapsed(p, s, n);
  trimbuf(p);
  p->d->author = bufseal(p);
}

void ll_build_number(ll_Builder *p, const char *s, size_t n) {
  p->d->number = dupstr(p, s, n);
}

void ll_build_title(ll_Builder *p, int subtitle, const char *s, size_t n) {
  ll_Block *b;
  ll_Buf flat;
  closeblock(p);
  if (p->status != LL_OK) return;
  b = (ll_Block *)ll_arena_alloc(&p->d->arena, sizeof *b);
  if (b == NULL) {
    p->status = LL_ERRMEM;
    return;
  }
  memset(b, 0, sizeof *b);
  /* collapse first, then take markers out */
  resetblock(p);
  addcollapsed(p, s, n);
  flat = p->buf;
  ll_buf_init(&p->buf);
  addtext(p, flat.p != NULL ? flat.p : "", flat.n, 0);
  settle(p, 1);
  ll_buf_free(p->m, &flat);
  trimbuf(p);
  sealblock(p, b);
  if (subtitle)
    p->d->subtitle = b;
  else
    p->d->title = b;
}

void ll_build_field_line(ll_Builder *p, const char *s, size_t len) {
  size_t nn = ll_field_name(s, len);
  ll_Field *f;
  closeblock(p);
  if (p->status != LL_OK) return;
  if (nn == 0 && p->fields.n > 0) { /* continues the last value */
    f = (ll_Field *)p->fields.p + p->fields.n - 1;
    p->buf.n = 0;
    bufadd(p, f->value, strlen(f->value));
    bufadd(p, " ", 1);
    addcollapsed(p, s, len);
    trimbuf(p);
    f->value = bufseal(p);
    return;
  }
  f = (ll_Field *)ll_vec_push(p->m, &p->fields);
  if (f == NULL) {
    p->status = LL_ERRMEM;
    return;
  }
  if (nn == 0) nn = len; /* a first line that names no field: all name */
  p->buf.n = 0;
  addcollapsed(p, s, nn);
  trimbuf(p);
  f->name = bufseal(p);
  p->buf.n = 0;
  if (nn < len) addcollapsed(p, s + nn + 1, len - nn - 1);
  trimbuf(p);
  /* skip the space after the colon */
  if (p->buf.n > 0 && p->buf.p[0] == ' ') {
    memmove(p->buf.p, p->buf.p + 1, p->buf.n);
    p->buf.n--;
  }
  f->value = bufseal(p);
}

void ll_build_block(ll_Builder *p, int kind, int level, const char *label, size_t labeln) {
  int note = p->notes.n > 0;
  closeblock(p);
  if (p->status != LL_OK) return;
  resetblock(p);
  memset(&p->blk, 0, sizeof p->blk);
  p->blk.kind = (short)(kind >= 0 && kind < LL_NKINDS ? kind : LL_PARAGRAPH);
  p->blk.level = (short)level;
  if (labeln > 0) p->blk.label = dupstr(p, label, labeln);
  p->open = note ? OPEN_NOTE : OPEN_BODY;
}

void ll_build_note(ll_Builder *p, long n) {
  ll_Note *nt;
  closeblock(p);
  sealnote(p);
  if (p->status != LL_OK) return;
  nt = (ll_Note *)ll_vec_push(p->m, &p->notes);
  if (nt == NULL) {
    p->status = LL_ERRMEM;
    return;
  }
  nt->n = n;
}

void ll_build_text(ll_Builder *p, const char *s, size_t n) {
  if (p->open == OPEN_NONE || p->status != LL_OK) return;
  addtext(p, s, n, 1);
}

void ll_build_span(ll_Builder *p, int kind, const char *href, size_t hn) {
  ll_Inline *sp;
  size_t *o;
  if (p->open == OPEN_NONE || p->status != LL_OK) return;
  settle(p, 0);
  sp = (ll_Inline *)ll_vec_push(p->m, &p->spans);
  o = (size_t *)ll_vec_push(p->m, &p->spanned);
  if (sp == NULL || o == NULL) {
    p->status = LL_ERRMEM;
    return;
  }
  *o = p->spans.n - 1;
  sp->kind = kind;
  sp->pos = p->buf.n;
  sp->len = (size_t)-1; /* open */
  if (kind == LL_LINK) {
    sp->href = ll_arena_strndup(&p->d->arena, href != NULL ? href : "", href != NULL ? hn : 0);
    if (sp->href == NULL) p->status = LL_ERRMEM;
  }
}

void ll_build_span_end(ll_Builder *p) {
  if (p->open == OPEN_NONE || p->status != LL_OK) return;
  settle(p, 1);
  if (p->spanned.n > 0) {
    ll_Inline *sp = (ll_Inline *)p->spans.p + ((size_t *)p->spanned.p)[--p->spanned.n];
    if (sp->pos > p->buf.n) sp->pos = p->buf.n; /* a space before a marker went */
    sp->len = p->buf.n - sp->pos;
  }
}

void ll_build_cell(ll_Builder *p, int row) {
  if (p->open == OPEN_NONE || p->status != LL_OK) return;
  settle(p, 1);
  if (row)
    endrow(p);
  else
    endcell(p);
  bufadd(p, row ? "\n" : "\t", 1);
  p->cellstart = p->buf.n;
}

void ll_build_page(ll_Builder *p) {
  if (p->open == OPEN_NONE || p->status != LL_OK) return;
  settle(p, 0);
  addbreak(p);
}

void ll_build_nav(ll_Builder *p, const char *s, size_t n) {
  char **slot;
  closeblock(p);
  if (p->status != LL_OK) return;
  p->buf.n = 0;
  addcollapsed(p, s, n);
  trimbuf(p);
  slot = (char **)ll_vec_push(p->m, &p->nav);
  if (slot == NULL) {
    p->status = LL_ERRMEM;
    return;
  }
  *slot = bufseal(p);
}

/* ------------------------------------------------------------------ */
/* Header fields and the Source field                                  */
/* ------------------------------------------------------------------ */

/* Finishes the header fields: a README link label at a value's end goes,
** markers in a value become its refs, and the fields go to the document. */
static void endfields(ll_Builder *p) {
  size_t i;
  int st = LL_OK;
  ll_Vec fields = p->fields;
  /* the link label "README" glued to the end of a value is furniture */
  for (i = 0; i < fields.n && p->status == LL_OK; i++) {
    ll_Field *f = (ll_Field *)fields.p + i;
    size_t n = strlen(f->value);
    if (n >= 6 && strcmp(f->value + n - 6, "README") == 0) {
      n -= 6;
      while (n > 0 && f->value[n - 1] == ' ') n--;
      f->value[n] = '\0';
    }
  }
  /* a marker in a value is a ref of that field (a note on the Source) */
  for (i = 0; i < fields.n && p->status == LL_OK; i++) {
    ll_Field *f = (ll_Field *)fields.p + i;
    if (strchr(f->value, '[') == NULL) continue;
    p->buf.n = 0;
    p->refs.n = 0;
    p->pending = 0;
    addtext(p, f->value, strlen(f->value), 0);
    settle(p, 1);
    trimbuf(p);
    f->value = bufseal(p);
    f->refs = (ll_Ref *)ll_vec_seal(&p->d->arena, &p->refs, &st);
    f->nrefs = p->refs.n;
    /* "pp.83-88. [1] (William": the marker's space went; the ref stays put */
    if (st != LL_OK) p->status = st;
  }
  if (p->status == LL_OK) {
    p->d->fields = (ll_Field *)ll_vec_seal(&p->d->arena, &fields, &st);
    p->d->nfields = fields.n;
    if (st != LL_OK) p->status = st;
  }
  p->fields.n = 0;
}

static char *dupstr(ll_Builder *p, const char *s, size_t n) {
  char *r;
  if (p->status != LL_OK) return NULL;
  r = ll_arena_strndup(&p->d->arena, s, n);
  if (r == NULL) p->status = LL_ERRMEM;
  return r;
}

static int startswith(const char *s, size_t n, const char *pre) {
  size_t k = strlen(pre);
  return n >= k && memcmp(s, pre, k) == 0;
}

static int hasword(const char *s, size_t n, const char *w) {
  size_t k = strlen(w), i;
  for (i = 0; i + k <= n; i++)
    if (memcmp(s + i, w, k) == 0) return 1;
  return 0;
}

static size_t digitsat(const char *s, size_t i, size_t n);

/* Reads pages "17-28", "199", "509b-510a" into first and last. */
static void readpages(ll_Builder *p, const char *s, size_t n, char **first, char **last) {
  size_t i = 0, a, b;
  while (i < n && !(s[i] >= '0' && s[i] <= '9')) i++;
  a = i;
  while (i < n && ((s[i] >= '0' && s[i] <= '9') || (s[i] >= 'a' && s[i] <= 'z'))) i++;
  if (i == a) return;
  *first = dupstr(p, s + a, i - a);
  while (i < n && (s[i] == ' ' || s[i] == '-' || (unsigned char)s[i] == 0xE2 ||
                   (unsigned char)s[i] == 0x80 || (unsigned char)s[i] == 0x93))
    i++;
  b = i;
  while (i < n && ((s[i] >= '0' && s[i] <= '9') || (s[i] >= 'a' && s[i] <= 'z'))) i++;
  if (i > b) {
    /* "451-67": the last page shares the first page's leading digits */
    size_t fl = strlen(*first ? *first : "");
    if (*first && ll_alldigits(s + b, i - b) && ll_alldigits(*first, fl) && i - b < fl) {
      p->buf.n = 0;
      bufadd(p, *first, fl - (i - b));
      bufadd(p, s + b, i - b);
      *last = bufseal(p);
    } else {
      *last = dupstr(p, s + b, i - b);
    }
  } else {
    *last = *first;
  }
}

/* value of a Roman numeral's capital letter, 0 for any other byte */
static long romanval(char c) {
  switch (c) {
    case 'I':
      return 1;
    case 'V':
      return 5;
    case 'X':
      return 10;
    case 'L':
      return 50;
    case 'C':
      return 100;
    case 'D':
      return 500;
    case 'M':
      return 1000;
    default:
      return 0;
  }
}

static int isletter(unsigned char c) {
  return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || c >= 0x80;
}

/* Writes v (1 to 3999) as a Roman numeral into out (room for 16). */
static void toroman(long v, char *out) {
  static const long val[] = {1000, 900, 500, 400, 100, 90, 50, 40, 10, 9, 5, 4, 1};
  static const char *const sym[] = {"M",  "CM", "D",  "CD", "C",  "XC", "L",
                                    "XL", "X",  "IX", "V",  "IV", "I"};
  size_t k, o = 0;
  for (k = 0; k < 13; k++)
    while (v >= val[k] && o + 2 < 16) {
      size_t l = strlen(sym[k]);
      memcpy(out + o, sym[k], l);
      o += l;
      v -= val[k];
    }
  out[o] = '\0';
}

size_t ll_volnum(const char *s, size_t n, long *v) {
  size_t i = 0;
  long t = 0;
  if (n > 0 && s[0] >= '0' && s[0] <= '9') {
    while (i < n && s[i] >= '0' && s[i] <= '9') {
      if (i >= 6) return 0;
      t = t * 10 + (s[i] - '0');
      i++;
    }
    if (t == 0 || (i < n && isletter((unsigned char)s[i]))) return 0;
    *v = t;
    return i;
  }
  while (i < n && romanval(s[i]) != 0) i++;
  if (i == 0 || i > 15 || (i < n && isletter((unsigned char)s[i]))) return 0;
  {
    /* read with the subtractive rule, then accept only the canonical form
       ("IIII" and "VX" are not numerals) */
    size_t k;
    char canon[16];
    for (k = 0; k < i; k++) {
      long a = romanval(s[k]), b = k + 1 < i ? romanval(s[k + 1]) : 0;
      t += a < b ? -a : a;
    }
    if (t <= 0 || t > 3999) return 0;
    toroman(t, canon);
    if (strlen(canon) != i || memcmp(canon, s, i) != 0) return 0;
  }
  *v = t;
  return i;
}

/* If a volume word ("Volume", "Vol.", "vol.", "Vols.") stands at s[k] (at a
** word's start), returns the offset of what follows it and its spaces. */
static size_t volword(const char *s, size_t k, size_t e) {
  size_t j;
  if (k > 0 && isletter((unsigned char)s[k - 1])) return 0;
  if (startswith(s + k, e - k, "Volume") || startswith(s + k, e - k, "volume"))
    j = k + 6;
  else if (startswith(s + k, e - k, "Vol.") || startswith(s + k, e - k, "vol.") ||
           startswith(s + k, e - k, "VOL."))
    j = k + 4;
  else if (startswith(s + k, e - k, "Vol ") || startswith(s + k, e - k, "VOLUME "))
    j = k + (s[k + 1] == 'O' ? 6 : 3);
  else
    return 0;
  if (s[j - 1] != '.' && j < e && isletter((unsigned char)s[j])) return 0; /* "volumes", "Volga" */
  while (j < e && (s[j] == ' ' || ll_utf8_isnbsp(s, j, e))) j += s[j] == ' ' ? 1 : 2;
  return j;
}

/* a 4-digit year from 1500 to 2099 standing alone in s[a, e), or NULL */
static const char *yearin(const char *s, size_t a, size_t e) {
  size_t k;
  for (k = a; k + 4 <= e; k++)
    if ((k == a || !(s[k - 1] >= '0' && s[k - 1] <= '9')) && digitsat(s, k, e) == 4 &&
        (s[k] == '1' || (s[k] == '2' && s[k + 1] == '0')) && (s[k] > '1' || s[k + 1] >= '5'))
      return s + k;
  return NULL;
}

static int isissue(const char *s, size_t n) {
  return startswith(s, n, "No.") || startswith(s, n, "No ") || startswith(s, n, "no.") ||
         startswith(s, n, "Nos.") || startswith(s, n, "Number") || startswith(s, n, "Issue") ||
         startswith(s, n, "#");
}

/* Reads one comma-separated part s[a, e) of the Source field (not its
** first, the work) into src. */
static void sourcepart(ll_Builder *p, ll_Source *src, const char *v, size_t a, size_t e,
                       int first) {
  size_t k;
  while (a < e && v[a] == ' ') a++;
  while (e > a && (v[e - 1] == ' ' || v[e - 1] == '.')) e--;
  if (e == a || p->status != LL_OK) return;
  /* a volume anywhere in the part: "Volume 27", "1972 Volume 27",
     "Left Review Vol. 2", "Vol. V No. 8 (Whole No. 104)", "Volume 4 of 4" */
  if (src->volume == 0)
    for (k = a; k < e; k++) {
      size_t j = volword(v, k, e), l;
      long vol;
      if (j == 0 || (l = ll_volnum(v + j, e - j, &vol)) == 0) continue;
      src->volume = vol;
      j += l;
      while (j < e && v[j] == ' ') j++;
      if (startswith(v + j, e - j, "of ") && digitsat(v, j + 3, e) > 0) {
        size_t m;
        long total = 0;
        for (m = j + 3; m < e && v[m] >= '0' && v[m] <= '9' && m < j + 9; m++)
          total = total * 10 + (v[m] - '0');
        src->volumes = total;
        j = m;
        while (j < e && v[j] == ' ') j++;
      }
      /* what stands before the volume is a part of its own */
      if (first)
        sourcepart(p, src, v, a, k, 2);
      else
        sourcepart(p, src, v, a, k, 0);
      if (j < e && isissue(v + j, e - j) && src->issue == NULL)
        src->issue = dupstr(p, v + j, e - j);
      else if (j < e)
        sourcepart(p, src, v, j, e, 0);
      return;
    }
  if (first == 1 || (first == 2 && src->work == NULL)) {
    src->work = dupstr(p, v + a, e - a);
    return;
  }
  if (startswith(v + a, e - a, "page") || startswith(v + a, e - a, "pp.") ||
      startswith(v + a, e - a, "p.")) {
    if (src->first_page == NULL) readpages(p, v + a, e - a, &src->first_page, &src->last_page);
  } else if (isissue(v + a, e - a)) {
    if (src->issue == NULL) src->issue = dupstr(p, v + a, e - a);
  } else if (hasword(v + a, e - a, "Publish") || hasword(v + a, e - a, "Press") ||
             hasword(v + a, e - a, "Verlag") || hasword(v + a, e - a, "Books") ||
             hasword(v + a, e - a, "House")) {
    src->publisher = dupstr(p, v + a, e - a);
  } else if (hasword(v + a, e - a, "Edition") || hasword(v + a, e - a, "edition")) {
    src->edition = dupstr(p, v + a, e - a);
  } else {
    /* a year, possibly in brackets: "1965", "[1977]", "[197[4]]"; or
       the year of a date: "20 February 1932" */
    size_t digits = 0, other = 0;
    const char *y;
    for (k = a; k < e; k++) {
      if (v[k] >= '0' && v[k] <= '9')
        digits++;
      else if (v[k] != '[' && v[k] != ']')
        other++;
    }
    if (digits == 4 && other == 0 && src->year == NULL) {
      p->buf.n = 0;
      for (k = a; k < e; k++)
        if (v[k] >= '0' && v[k] <= '9') bufadd(p, v + k, 1);
      src->year = bufseal(p);
    } else if (other > 0 && digits == 0 && src->place == NULL && v[a] >= 'A' && v[a] <= 'Z') {
      src->place = dupstr(p, v + a, e - a);
    } else if (other > 0 && src->year == NULL && e - a < 40 && (y = yearin(v, a, e)) != NULL) {
      src->year = dupstr(p, y, 4);
    }
  }
}

/* Reads the Source field: "Lenin Collected Works, Progress Publishers,
** 1965, Moscow, Volume 10, pages 17-28." in any order of its parts; a
** periodical's "The Militant, Vol. V No. 8 (Whole No. 104), 20 February
** 1932, p. 4." gives volume 5, issue "No. 8 (Whole No. 104)" and year 1932. */
static void readsource(ll_Builder *p, const char *v) {
  ll_Source *src;
  size_t n = strlen(v), i = 0, part = 0;
  src = (ll_Source *)ll_arena_alloc(&p->d->arena, sizeof *src);
  if (src == NULL) {
    p->status = LL_ERRMEM;
    return;
  }
  memset(src, 0, sizeof *src);
  while (i < n && p->status == LL_OK) {
    size_t a, e;
    while (i < n && v[i] == ' ') i++;
    a = i;
    while (i < n && v[i] != ',') i++;
    e = i;
    if (i < n) i++;
    while (e > a && (v[e - 1] == ' ' || v[e - 1] == '.')) e--;
    if (e == a) continue;
    sourcepart(p, src, v, a, e, part++ == 0);
  }
  p->d->source = src;
}

static size_t digitsat(const char *s, size_t i, size_t n) {
  size_t j = i;
  while (j < n && s[j] >= '0' && s[j] <= '9') j++;
  return j - i;
}

/* ------------------------------------------------------------------ */
/* Warnings                                                            */
/* ------------------------------------------------------------------ */

/* The page's note numbers and the numbers its markers cite, sorted once so
** that the checks below cost O(n log n) in notes and markers: a page of
** many uncited notes took seconds (a 3.4 MB one 82 s) with one scan of
** every marker per note. */
typedef struct NoteKey {
  long n;   /* the note's number */
  size_t k; /* its index in d->notes */
} NoteKey;

static int cmplong(const void *a, const void *b) {
  long x = *(const long *)a, y = *(const long *)b;
  return (x > y) - (x < y);
}

/* by number, then by place on the page */
static int cmpkey(const void *a, const void *b) {
  const NoteKey *x = (const NoteKey *)a, *y = (const NoteKey *)b;
  if (x->n != y->n) return (x->n > y->n) - (x->n < y->n);
  return (x->k > y->k) - (x->k < y->k);
}

/* Is n among the sorted numbers v[0..len)? */
static int hasnum(const long *v, size_t len, long n) {
  return len > 0 && bsearch(&n, v, len, sizeof *v, cmplong) != NULL;
}

/* Appends the notes cited by block b to v; a block of a note (innote set)
** citing that note itself, self, does not count. */
static int addcites(ll_Mem *m, ll_Vec *v, const ll_Block *b, int innote, long self) {
  size_t i;
  if (b == NULL) return LL_OK;
  for (i = 0; i < b->nrefs; i++) {
    long *slot;
    if (innote && b->refs[i].note == self) continue;
    slot = (long *)ll_vec_push(m, v);
    if (slot == NULL) return LL_ERRMEM;
    *slot = b->refs[i].note;
  }
  return LL_OK;
}

/* Warns of each marker of b with no note (defined: the page's note
** numbers, sorted), and of each bracketed number kept as text because the
** page has no such note (a year such as "[1945]" is no marker and gives
** no warning). */
static void checkrefs(ll_Builder *p, const long *defined, size_t ndefined, const ll_Block *b,
                      const char *where) {
  size_t i;
  char msg[200];
  if (b == NULL) return;
  for (i = 0; i < b->nrefs; i++)
    if (!hasnum(defined, ndefined, b->refs[i].note)) {
      snprintf(msg, sizeof msg, "marker [%ld] in %s has no note", b->refs[i].note, where);
      warn(p, msg);
    }
  for (i = 0; i < b->len && p->status == LL_OK; i++) {
    long n;
    size_t ml;
    const char *q = (const char *)memchr(b->text + i, '[', b->len - i);
    if (q == NULL) break;
    i = (size_t)(q - b->text);
    ml = ll_note_marker(b->text + i, b->len - i, &n);
    if (ml > 0 && !(ml == 6 && n >= 1000 && n < 2100)) {
      snprintf(msg, sizeof msg, "[%ld] in %s has no note: kept as text", n, where);
      warn(p, msg);
    }
  }
}

static void warnings(ll_Builder *p) {
  ll_Doc *d = p->d;
  size_t i, k, nn = d->nnotes; /* notes: a copy the checks below cannot change */
  char where[80], msg[200];
  ll_Vec keys, nums, cites; /* NoteKey by number; note numbers; cited numbers */
  unsigned char *dup = NULL;
  int st = LL_OK;
  ll_vec_init(&keys, sizeof(NoteKey));
  ll_vec_init(&nums, sizeof(long));
  ll_vec_init(&cites, sizeof(long));
  if (ll_vec_reserve(p->m, &keys, nn) != LL_OK || ll_vec_reserve(p->m, &nums, nn) != LL_OK ||
      (nn > 0 && (dup = (unsigned char *)ll_malloc(p->m, nn)) == NULL)) {
    st = LL_ERRMEM;
    goto done;
  }
  for (k = 0; k < nn; k++) {
    NoteKey *nk = (NoteKey *)keys.p + k;
    nk->n = d->notes[k].n;
    nk->k = k;
    ((long *)nums.p)[k] = d->notes[k].n;
    dup[k] = 0;
  }
  keys.n = nums.n = nn;
  if (keys.n > 1) qsort(keys.p, keys.n, sizeof(NoteKey), cmpkey);
  if (nums.n > 1) qsort(nums.p, nums.n, sizeof(long), cmplong);
  for (k = 1; k < keys.n; k++) /* a later note with the number of one before */
    if (((NoteKey *)keys.p)[k].n == ((NoteKey *)keys.p)[k - 1].n) dup[((NoteKey *)keys.p)[k].k] = 1;
  st = addcites(p->m, &cites, d->title, 0, 0);
  if (st == LL_OK) st = addcites(p->m, &cites, d->subtitle, 0, 0);
  for (i = 0; st == LL_OK && i < d->nfields; i++) /* markers in header fields */
    for (k = 0; st == LL_OK && k < d->fields[i].nrefs; k++) {
      long *slot = (long *)ll_vec_push(p->m, &cites);
      if (slot == NULL)
        st = LL_ERRMEM;
      else
        *slot = d->fields[i].refs[k].note;
    }
  for (i = 0; st == LL_OK && i < d->nparas; i++) st = addcites(p->m, &cites, &d->paras[i], 0, 0);
  for (k = 0; st == LL_OK && k < d->nnotes; k++)
    for (i = 0; st == LL_OK && i < d->notes[k].nparas; i++)
      st = addcites(p->m, &cites, &d->notes[k].paras[i], 1, d->notes[k].n);
  if (st != LL_OK) goto done;
  if (cites.n > 1) qsort(cites.p, cites.n, sizeof(long), cmplong);
  checkrefs(p, (const long *)nums.p, nums.n, d->title, "the title");
  checkrefs(p, (const long *)nums.p, nums.n, d->subtitle, "the subtitle");
  for (i = 0; i < d->nparas; i++) {
    snprintf(where, sizeof where, "body paragraph %lu", (unsigned long)i + 1);
    checkrefs(p, (const long *)nums.p, nums.n, &d->paras[i], where);
  }
  for (k = 0; k < d->nnotes; k++)
    for (i = 0; i < d->notes[k].nparas; i++) {
      snprintf(where, sizeof where, "note %ld", d->notes[k].n);
      checkrefs(p, (const long *)nums.p, nums.n, &d->notes[k].paras[i], where);
    }
  for (k = 0; dup != NULL && k < nn; k++) {
    if (dup[k]) {
      snprintf(msg, sizeof msg, "note %ld is defined more than once", d->notes[k].n);
      warn(p, msg);
    } else if (!hasnum((const long *)cites.p, cites.n, d->notes[k].n)) {
      snprintf(msg, sizeof msg, "note %ld is not cited anywhere", d->notes[k].n);
      warn(p, msg);
    }
  }
done:
  if (st != LL_OK && p->status == LL_OK) p->status = st;
  ll_free(p->m, dup, nn);
  ll_vec_free(p->m, &keys);
  ll_vec_free(p->m, &nums);
  ll_vec_free(p->m, &cites);
}

/* Lists the searchable segments in document order (exported for the
** index file reader, llstore.c, which rebuilds a document's). */
int ll_doc_segments(ll_Doc *d) {
  size_t n = 2 + d->nfields + d->nparas, i, k, j = 0;
  ll_Seg *sg;
  for (k = 0; k < d->nnotes; k++) n += d->notes[k].nparas;
  sg = (ll_Seg *)ll_arena_alloc(&d->arena, n * sizeof *sg);
  if (sg == NULL) return LL_ERRMEM;
#define SEG(pt, pa, no, fi, bl, tx, ln) \
  do {                                  \
    sg[j].part = pt;                    \
    sg[j].para = (int)(pa);             \
    sg[j].note = no;                    \
    sg[j].field = (int)(fi);            \
    sg[j].block = bl;                   \
    sg[j].text = tx;                    \
    sg[j].len = ln;                     \
    j++;                                \
  } while (0)
  if (d->title) SEG(LL_TITLE, 0, 0, -1, d->title, d->title->text, d->title->len);
  if (d->subtitle) SEG(LL_SUBTITLE, 0, 0, -1, d->subtitle, d->subtitle->text, d->subtitle->len);
  for (i = 0; i < d->nfields; i++)
    SEG(LL_META, 0, 0, i, NULL, d->fields[i].value, strlen(d->fields[i].value));
  for (i = 0; i < d->nparas; i++)
    SEG(LL_BODY, i, 0, -1, &d->paras[i], d->paras[i].text, d->paras[i].len);
  for (k = 0; k < d->nnotes; k++)
    for (i = 0; i < d->notes[k].nparas; i++)
      SEG(LL_NOTE, i, d->notes[k].n, -1, &d->notes[k].paras[i], d->notes[k].paras[i].text,
          d->notes[k].paras[i].len);
#undef SEG
  d->segs = sg;
  d->nsegs = j;
  return LL_OK;
}

static void segments(ll_Builder *p) {
  if (ll_doc_segments(p->d) != LL_OK) p->status = LL_ERRMEM;
}

/* Frees the document and everything it owns. The index and the entity set
** are owned too; their phases register how to free them. */
void ll_doc_free(ll_Doc *d) {
  ll_Mem m;
  if (d == NULL) return;
  m = d->mem;
  if (d->index != NULL && d->freeindex != NULL) d->freeindex(d->index);
  if (d->ents != NULL && d->freeents != NULL) d->freeents(d->ents);
  ll_arena_free(&d->arena);
  ll_free(&m, d, sizeof *d);
}

const ll_Note *ll_doc_note(const ll_Doc *d, long n) {
  size_t k;
  for (k = 0; k < d->nnotes; k++)
    if (d->notes[k].n == n) return &d->notes[k];
  return NULL;
}

/* Reads the Source field into d->source and sets the page the text starts
** on: the reader's label, else the Source's first page. */
static void endsource(ll_Builder *p) {
  ll_Doc *d = p->d;
  const char *fp = p->first_page;
  size_t i;
  for (i = 0; i < d->nfields && p->status == LL_OK; i++)
    if (strcmp(d->fields[i].name, "Source") == 0) {
      readsource(p, d->fields[i].value);
      break;
    }
  if (*fp == '\0' && d->source != NULL) fp = d->source->first_page;
  if (fp != NULL && ll_alldigits(fp, strlen(fp))) d->first_page = strtol(fp, NULL, 10);
}

/* Seals the body, the notes and the footer into the document. */
static void endparts(ll_Builder *p) {
  ll_Doc *d = p->d;
  int st = LL_OK;
  if (p->status != LL_OK) return;
  d->paras = (ll_Block *)ll_vec_seal(&d->arena, &p->paras, &st);
  d->nparas = p->paras.n;
  d->notes = (ll_Note *)ll_vec_seal(&d->arena, &p->notes, &st);
  d->nnotes = p->notes.n;
  d->nav = (char **)ll_vec_seal(&d->arena, &p->nav, &st);
  d->nnav = p->nav.n;
  if (st != LL_OK) p->status = st;
}

/* Finds the citations in each note's paragraphs. */
static void endcites(ll_Builder *p) {
  ll_Doc *d = p->d;
  size_t b, i;
  int st = LL_OK;
  for (b = 0; b < d->nnotes && p->status == LL_OK; b++) {
    ll_Note *nt = &d->notes[b];
    p->cites.n = 0;
    for (i = 0; i < nt->nparas && p->status == LL_OK; i++)
      p->status = ll_cites(p->m, &d->arena, nt->paras[i].text, nt->paras[i].len, (int)i, d->source,
                           &p->cites);
    nt->cites = (ll_Cite *)ll_vec_seal(&d->arena, &p->cites, &st);
    nt->ncites = p->cites.n;
    if (st != LL_OK) p->status = st;
  }
}

/* Frees the builder's own memory (not the document). */
static void freebuilder(ll_Builder *p) {
  ll_Mem *m = p->m;
  ll_buf_free(m, &p->buf);
  ll_vec_free(m, &p->refs);
  ll_vec_free(m, &p->breaks);
  ll_vec_free(m, &p->labels);
  ll_vec_free(m, &p->sents);
  ll_vec_free(m, &p->cites);
  ll_vec_free(m, &p->warns);
  ll_vec_free(m, &p->nums);
  ll_vec_free(m, &p->pagelabels);
  ll_vec_free(m, &p->spans);
  ll_vec_free(m, &p->spanned);
  ll_vec_free(m, &p->cells);
  ll_vec_free(m, &p->rows);
  ll_vec_free(m, &p->fields);
  ll_vec_free(m, &p->paras);
  ll_vec_free(m, &p->notes);
  ll_vec_free(m, &p->noteparas);
  ll_vec_free(m, &p->nav);
  ll_free(m, p, sizeof *p);
}

int ll_build_end(ll_Builder *p, ll_Doc **out, char *err, size_t errsz) {
  ll_Doc *d = p->d;
  int st = LL_OK;
  *out = NULL;
  closeblock(p);
  sealnote(p);
  if (p->status == LL_OK) endfields(p);
  if (p->status == LL_OK) endsource(p);
  endparts(p);
  endcites(p);
  if (p->status == LL_OK) warnings(p);
  if (p->status == LL_OK) {
    d->warnings = (char **)ll_vec_seal(&d->arena, &p->warns, &st);
    d->nwarnings = p->warns.n;
    if (st != LL_OK) p->status = st;
  }
  if (p->status == LL_OK) segments(p);
  st = p->status;
  freebuilder(p);
  if (st != LL_OK) {
    ll_doc_free(d);
    snprintf(err, errsz, "not enough memory");
    return st;
  }
  *out = d;
  return LL_OK;
}

void ll_build_abort(ll_Builder *p) {
  if (p == NULL) return;
  ll_doc_free(p->d);
  freebuilder(p);
}
