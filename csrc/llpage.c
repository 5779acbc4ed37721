/*
** llpage.c: the page parser.
** Reads a page of the Marxists Internet Archive in its plain-text form into
** an ll_Doc: header, fields, body blocks, markers, page breaks, notes, footer.
*/
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ll.h"

/* ------------------------------------------------------------------ */
/* Lines and blocks                                                    */
/* ------------------------------------------------------------------ */

typedef struct Line {
  size_t start, end; /* trailing white space already dropped */
} Line;

typedef struct Blk {
  size_t first, n; /* lines */
} Blk;

typedef enum Kind { K_NONE, K_HEAD, K_FIELD, K_BODY, K_NOTE, K_NAV } Kind;

/* The parser's working state; everything in it is freed on every path. */
typedef struct P {
  ll_Mem *m;
  ll_Doc *d;
  const ll_PageHints *hints;
  size_t nextlabel; /* next page label to hand out */
  const char *labelp;
  const char *s; /* text with BOM dropped and line ends made "\n" */
  size_t len;
  ll_Vec lines, blks;
  ll_Buf buf; /* scratch */
  ll_Vec refs, breaks, labels, sents, cites, warns;
  ll_Vec nums; /* the page's note numbers (long), found before any block is made */
  /* structure of the block being made (marks: see ll.h, LL_MK_*) */
  int marks;          /* the text may carry marks (a reader's, with known) */
  int inmarks;        /* the block being made does (it opens with LL_MK_BLOCK) */
  ll_Vec spans;       /* ll_Inline of the block */
  ll_Vec open;        /* size_t: indexes in spans of the spans open */
  ll_Vec cells, rows; /* ll_Span, size_t: a table's cells, cells per row */
  size_t cellstart, rowcells;
  int status;
} P;

/* the kinds' names, as API.md writes them */
const char *const ll_kind_names[LL_NKINDS] = {"paragraph", "heading", "quote",    "verse",
                                              "item",      "table",   "separator"};

static int isnbsp(const char *s, size_t i, size_t len) {
  return i + 1 < len && (unsigned char)s[i] == 0xC2 && (unsigned char)s[i + 1] == 0xA0;
}

/* length of horizontal white space at s[i]: space, tab or no-break space */
static size_t hspace(const char *s, size_t i, size_t len) {
  if (s[i] == ' ' || s[i] == '\t') return 1;
  if (isnbsp(s, i, len)) return 2;
  return 0;
}

static const Line *line(P *p, size_t i) {
  return (const Line *)p->lines.p + i;
}

static const Blk *blk(P *p, size_t i) {
  return (const Blk *)p->blks.p + i;
}

/* Splits p->s into lines (trailing white space dropped) and groups the
** non-blank ones into blocks separated by blank lines. */
static int split(P *p) {
  size_t i = 0, inblock = 0;
  while (i <= p->len) {
    size_t st = i, en, a;
    Line *ln;
    {
      const char *nl = i < p->len ? (const char *)memchr(p->s + i, '\n', p->len - i) : NULL;
      i = nl != NULL ? (size_t)(nl - p->s) : (i < p->len ? p->len : i);
    }
    en = i;
    /* drop trailing spaces, tabs and no-break spaces */
    for (;;) {
      if (en > st && (p->s[en - 1] == ' ' || p->s[en - 1] == '\t'))
        en--;
      else if (en >= st + 2 && isnbsp(p->s, en - 2, p->len))
        en -= 2;
      else
        break;
    }
    /* drop leading indentation (ASCII only) */
    a = st;
    while (a < en && (p->s[a] == ' ' || p->s[a] == '\t')) a++;
    if (a == en || (a + 2 == en && isnbsp(p->s, a, p->len))) {
      inblock = 0;
    } else {
      ln = (Line *)ll_vec_push(p->m, &p->lines);
      if (ln == NULL) return LL_ERRMEM;
      ln->start = a;
      ln->end = en;
      if (inblock) {
        ((Blk *)p->blks.p)[p->blks.n - 1].n++;
      } else {
        Blk *b = (Blk *)ll_vec_push(p->m, &p->blks);
        if (b == NULL) return LL_ERRMEM;
        b->first = p->lines.n - 1;
        b->n = 1;
        inblock = 1;
      }
    }
    i++;
  }
  return LL_OK;
}

/* ------------------------------------------------------------------ */
/* Recognisers                                                         */
/* ------------------------------------------------------------------ */

static const char *const known_fields[] = {
    "Written",         "Published",     "First Published", "Source",        "Translated",
    "Delivered",       "Dictated",      "Transcription",   "Transcribed",   "Markup",
    "HTML Markup",     "Public Domain", "Copyleft",        "Other Formats", "Online Version",
    "Proofread",       "Proofed",       "Edited",          "Translation",   "Original",
    "First published", "Note",          "Editor",          "Copyright",     NULL};

/* If the line starts "Name: " (a short capitalised name), returns the
** length of Name, else 0. */
static size_t fieldname(const char *s, size_t len) {
  size_t i, words = 1;
  if (len == 0 || s[0] < 'A' || s[0] > 'Z') return 0;
  for (i = 1; i < len && i <= 40; i++) {
    unsigned char c = (unsigned char)s[i];
    if (c == ':') {
      if (i + 1 < len && s[i + 1] != ' ' && !isnbsp(s, i + 1, len)) return 0;
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

static int knownfield(const char *s, size_t n) {
  size_t k;
  for (k = 0; known_fields[k] != NULL; k++) {
    size_t kn = strlen(known_fields[k]);
    if (n >= kn && memcmp(s, known_fields[k], kn) == 0 &&
        (n == kn || s[kn] == ' ' || s[kn] == '\\' || s[kn] == '/'))
      return 1;
  }
  return 0;
}

/* A header field block: its first line is a field and one of its lines is
** a known field, or at least two of its lines are fields. */
static int isfieldblock(P *p, const Blk *b) {
  size_t i, nfield = 0, known = 0;
  const Line *first = line(p, b->first);
  if (fieldname(p->s + first->start, first->end - first->start) == 0) return 0;
  for (i = 0; i < b->n; i++) {
    const Line *ln = line(p, b->first + i);
    size_t n = fieldname(p->s + ln->start, ln->end - ln->start);
    if (n > 0) {
      nfield++;
      if (knownfield(p->s + ln->start, n)) known = 1;
    }
  }
  return known || nfield >= 2;
}

/* A navigation line: "< backward  forward >" or "Works Index | ...". */
static int isnavline(const char *s, size_t len) {
  if (len >= 2 && s[0] == '<' && s[len - 1] == '>') return 1;
  if (len >= 1 && (s[0] == '<' || s[len - 1] == '>') && len < 80) {
    /* "< backward" or "forward >" alone */
    return 1;
  }
  if (memchr(s, '|', len) != NULL && len < 200) {
    size_t i;
    for (i = 0; i + 5 <= len; i++)
      if (memcmp(s + i, "Index", 5) == 0 || memcmp(s + i, "index", 5) == 0) return 1;
  }
  return 0;
}

static int isnavblock(P *p, const Blk *b) {
  size_t i;
  for (i = 0; i < b->n; i++) {
    const Line *ln = line(p, b->first + i);
    if (!isnavline(p->s + ln->start, ln->end - ln->start)) return 0;
  }
  return 1;
}

/* If s starts with a marker "[N]", returns its length and sets *n. Only
** 1 to 6 digits make a marker: longer numbers are text. */
static size_t marker(const char *s, size_t len, long *n) {
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

static int isnotesheading(const char *s, size_t len) {
  static const char *const heads[] = {"Notes",    "NOTES", "Notes:", "Footnotes",
                                      "Endnotes", "Note",  NULL};
  size_t k;
  for (k = 0; heads[k] != NULL; k++)
    if (strlen(heads[k]) == len && memcmp(heads[k], s, len) == 0) return 1;
  return 0;
}

static int alldigits(const char *s, size_t len) {
  size_t i;
  if (len == 0 || len > 9) return 0;
  for (i = 0; i < len; i++)
    if (s[i] < '0' || s[i] > '9') return 0;
  return 1;
}

/* nonzero for a Roman numeral's letter */
static int romanc(int c) {
  return c == 'I' || c == 'V' || c == 'X' || c == 'L' || c == 'C' || c == 'i' || c == 'v' ||
         c == 'x' || c == 'l' || c == 'c';
}

static size_t onelabel(const char *s, size_t n);

/* See ll.h. */
size_t ll_item_label(const char *s, size_t n) {
  size_t k = onelabel(s, n), i;
  if (k == 0) return 0;
  for (i = k; i < n; i++) /* another line with a label: lines of a list */
    if (s[i] == '\n' && onelabel(s + i + 1, n - i - 1) > 0) return 0;
  return k;
}

/* The label opening s (see ll_item_label), the rest of s aside. */
static size_t onelabel(const char *s, size_t n) {
  size_t i = 0, k, e;
  int paren = 0;
  if (n > 0 && s[0] == '(') paren = i = 1;
  k = i;
  while (i < n && i - k < 4 && s[i] >= '0' && s[i] <= '9') i++;
  if (i > k) { /* digits: "3.", "3)", "(3)"; four digits are a year */
    if (i - k > 3 || i >= n) return 0;
    if (!(s[i] == ')' || (!paren && s[i] == '.'))) return 0;
  } else {
    while (i < n && i - k < 7 && romanc((unsigned char)s[i])) i++;
    if (i == k && i < n && s[i] >= 'a' && s[i] <= 'z') i++; /* "(a)", "a)" */
    if (i == k || i >= n) return 0;
    if (paren || s[i] == ')') {
      if (s[i] != ')') return 0;
      if (!paren && i - k > 1) return 0; /* "iv)" alone is rare; "a)" is not */
    } else {
      /* "IV." in capitals; one letter only before a word, not an initial */
      size_t j;
      if (s[i] != '.') return 0;
      for (j = k; j < i; j++)
        if (s[j] < 'A' || s[j] > 'Z') return 0;
      if (i - k == 1) {
        /* "V.", "L.", "C." alone are initials ("V. Ulyanov (Lenin)") */
        if (s[k] == 'V' || s[k] == 'L' || s[k] == 'C') return 0;
        j = i + 1;
        while (j < n && s[j] == ' ') j++;
        if (j + 1 < n && s[j] >= 'A' && s[j] <= 'Z' && s[j + 1] == '.') return 0;
        if (j + 1 < n && s[j] >= 'A' && s[j] <= 'Z' && (s[j + 1] < 'a' || s[j + 1] > 'z'))
          return 0; /* "C. SPD": not a sentence */
      }
    }
  }
  e = i + 1; /* after the '.' or ')' */
  if (e < n && s[e] == ' ') {
    e++;
  } else if (e + 1 < n && (unsigned char)s[e] == 0xC2 && (unsigned char)s[e + 1] == 0xA0) {
    e += 2;
  } else {
    return 0;
  }
  while (e < n && (s[e] == ' ' ||
                   (e + 1 < n && (unsigned char)s[e] == 0xC2 && (unsigned char)s[e + 1] == 0xA0)))
    e += s[e] == ' ' ? 1 : 2;
  return e < n ? i + 1 : 0;
}

/* the length of the UTF-8 opening quote at s ("“", "‘", "«", '"', "'"), or 0 */
static size_t openquote(const char *s, size_t n) {
  if (n >= 1 && (s[0] == '"' || s[0] == '\'')) return 1;
  if (n >= 3 && (memcmp(s, "\xE2\x80\x9C", 3) == 0 || memcmp(s, "\xE2\x80\x98", 3) == 0)) return 3;
  if (n >= 2 && memcmp(s, "\xC2\xAB", 2) == 0) return 2;
  return 0;
}

/* See ll.h. */
int ll_is_verse(const char *s, size_t n) {
  size_t i = 0, lines = 0, total = 0, open = 0;
  while (i < n) {
    size_t e = i, words = 0, caps = 0, j, q;
    int in = 0;
    while (e < n && s[e] != '\n') e++;
    if (e - i > 90 || e == i) return 0;
    q = openquote(s + i, e - i);
    if (!(s[i + q] >= 'A' && s[i + q] <= 'Z')) return 0;
    for (j = i; j < e; j++) {
      int sp = s[j] == ' ';
      if (s[j] >= '0' && s[j] <= '9') return 0; /* figures: a list, a table */
      if (!sp && !in) {
        words++;
        if (words > 1 && s[j] >= 'A' && s[j] <= 'Z') caps++;
      }
      in = !sp;
    }
    /* a line of a poem: a few words, most of them small */
    if (words < 2 || words > 14 || caps * 2 > words - 1) return 0;
    for (j = i; j < e && !(s[j] >= 'a' && s[j] <= 'z'); j++) {
    }
    if (j == e) return 0; /* capitals only: a name, a heading */
    lines++;
    total += words;
    if (strchr(".!?", s[e - 1]) == NULL) open++; /* a line that runs on */
    i = e + 1;
  }
  /* four words a line or more, and lines that run on to the next: a list
     of sentences or slogans is no poem */
  return lines >= 4 && total >= 4 * lines && open * 4 >= lines;
}

/* See ll.h. */
int ll_is_separator(const char *s, size_t n) {
  size_t i = 0, stars = 0;
  while (i < n) {
    if (s[i] == '*') {
      stars++;
      i++;
    } else if (s[i] == ' ' || s[i] == '\t') {
      i++;
    } else if (i + 1 < n && (unsigned char)s[i] == 0xC2 && (unsigned char)s[i + 1] == 0xA0) {
      i += 2;
    } else if (i + 2 < n && memcmp(s + i, "\xE2\x81\x82", 3) == 0) { /* ⁂ */
      stars += 3;
      i += 3;
    } else {
      return 0;
    }
  }
  return stars >= 3;
}

/* The words of line ln (runs of non-space bytes). */
static size_t linewords(P *p, const Line *ln) {
  size_t i, k = 0;
  int in = 0;
  for (i = ln->start; i < ln->end; i++) {
    int sp = p->s[i] == ' ' || p->s[i] == '\t';
    if (!sp && !in) k++;
    in = !sp;
  }
  return k;
}

/* Is block b of plain text prose: a long stretch, not a marker's note? */
static int prose(P *p, size_t b) {
  const Blk *bk = blk(p, b);
  size_t i, n = 0;
  const Line *ln = line(p, bk->first);
  long nn;
  if (marker(p->s + ln->start, ln->end - ln->start, &nn) > 0) return 0;
  for (i = 0; i < bk->n; i++) n += linewords(p, line(p, bk->first + i));
  return n >= 15;
}

static int startswith(const char *s, size_t n, const char *pre);

/* Nonzero if the line opens with a month's name (a letter's date,
** "November 18, 1903"), which is no heading. */
static int dateline(const char *s, size_t n) {
  static const char *const months[] = {"January",  "February", "March",  "April",     "May",
                                       "June",     "July",     "August", "September", "October",
                                       "November", "December", NULL};
  size_t k;
  for (k = 0; months[k] != NULL; k++) {
    size_t m = strlen(months[k]);
    if (n > m && memcmp(s, months[k], m) == 0 && s[m] == ' ' && s[m + 1] >= '0' && s[m + 1] <= '9')
      return 1;
  }
  return 0;
}

/* The kind of body block b (of nb) of plain text, from what the text
** shows: a separator line, an item opening with a printed label (its
** length in *label, the label and the space after it in *skip), a heading
** (one short line with no final punctuation before prose, not a date or a
** salutation), a poem's
** stanza (see ll_is_verse), else a paragraph. */
static int plainkind(P *p, size_t b, size_t nb, size_t *skip, size_t *label) {
  const Blk *bk = blk(p, b);
  const Line *ln = line(p, bk->first);
  const char *s = p->s + ln->start;
  size_t len = ln->end - ln->start, k;
  size_t all = line(p, bk->first + bk->n - 1)->end - ln->start; /* the whole block */
  unsigned char last = len > 0 ? (unsigned char)s[len - 1] : 0;
  *skip = *label = 0;
  if (bk->n == 1 && ll_is_separator(s, len)) return LL_SEPARATOR;
  if ((k = ll_item_label(s, all)) > 0) {
    *label = k;
    *skip = k;
    while (*skip < len && (s[*skip] == ' ' || isnbsp(s, *skip, len)))
      *skip += s[*skip] == ' ' ? 1 : 2;
    return LL_ITEM;
  }
  if (bk->n == 1 && len <= 100 && linewords(p, ln) <= 12 && strchr(".,;:!?", last) == NULL &&
      !dateline(s, len) && !startswith(s, len, "Dear ") &&
      !(len >= 3 && memcmp(s + len - 3, "\xE2\x80\xA6", 3) == 0) && s[0] != '[' &&
      ((s[0] >= 'A' && s[0] <= 'Z') || (s[0] >= '0' && s[0] <= '9') ||
       (unsigned char)s[0] >= 0x80) &&
      b + 1 < nb && prose(p, b + 1))
    return LL_HEADING;
  if (bk->n >= 4 && ll_is_verse(s, all)) return LL_VERSE;
  return LL_PARAGRAPH;
}

/* ------------------------------------------------------------------ */
/* Building text                                                       */
/* ------------------------------------------------------------------ */

static void warn(P *p, const char *msg) {
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

static void bufadd(P *p, const char *s, size_t n) {
  if (p->status == LL_OK && ll_buf_add(p->m, &p->buf, s, n) != LL_OK) p->status = LL_ERRMEM;
}

/* the scratch buffer as a string in the arena */
static char *bufseal(P *p) {
  char *r;
  if (p->status != LL_OK) return NULL;
  r = ll_arena_strndup(&p->d->arena, p->buf.p ? p->buf.p : "", p->buf.n);
  if (r == NULL) p->status = LL_ERRMEM;
  return r;
}

/* Appends s[0,len) to the scratch buffer with every run of white space
** (including no-break spaces and line ends) made one space. */
static void addcollapsed(P *p, const char *s, size_t len) {
  size_t i = 0;
  while (i < len) {
    size_t w = hspace(s, i, len);
    if (w == 0 && s[i] == '\n') w = 1;
    if (w > 0) {
      while (i < len && (w = hspace(s, i, len) ? hspace(s, i, len) : (s[i] == '\n')) != 0) i += w;
      if (p->buf.n > 0 && p->buf.p[p->buf.n - 1] != ' ') bufadd(p, " ", 1);
    } else {
      size_t j = i;
      while (j < len && !hspace(s, j, len) && s[j] != '\n') j++;
      bufadd(p, s + i, j - i);
      i = j;
    }
  }
}

static void trimbuf(P *p) {
  while (p->buf.n > 0 && p->buf.p[p->buf.n - 1] == ' ') p->buf.n--;
  if (p->buf.p) p->buf.p[p->buf.n] = '\0';
}

/* Length of a page-break run at s[i]: a space, no-break spaces (and spaces
** between them), a space. 0 if none. */
static size_t pagebreak(const char *s, size_t i, size_t len) {
  size_t j = i + 1, nb = 0;
  if (s[i] != ' ') return 0;
  while (j < len) {
    if (isnbsp(s, j, len)) {
      nb++;
      j += 2;
    } else if (s[j] == ' ' && j + 1 < len && isnbsp(s, j + 1, len))
      j++;
    else
      break;
  }
  if (nb == 0 || j >= len || s[j] != ' ') return 0;
  return j + 1 - i;
}

/* Records a page break at the end of the scratch buffer, with the next
** page label of the hints. */
static void addbreak(P *p) {
  size_t *b = (size_t *)ll_vec_push(p->m, &p->breaks);
  const char **lab = (const char **)ll_vec_push(p->m, &p->labels);
  if (b == NULL || lab == NULL) {
    p->status = LL_ERRMEM;
    return;
  }
  *b = p->buf.n;
  if (p->hints != NULL && p->nextlabel < p->hints->nlabels) {
    /* a copy: the hints' labels are the caller's, freed after */
    size_t ln = strlen(p->labelp);
    *lab = ll_arena_strndup(&p->d->arena, p->labelp, ln);
    if (*lab == NULL) {
      p->status = LL_ERRMEM;
      return;
    }
    p->labelp += ln + 1;
    p->nextlabel++;
  }
}

static int cmpnum(const void *a, const void *b) {
  long x = *(const long *)a, y = *(const long *)b;
  return (x > y) - (x < y);
}

/* Does the page have a note numbered n? p->nums is sorted and without
** repeats once build has gathered it (one scan per number made a page of
** many notes quadratic: issue #19). */
static int hasnote(const P *p, long n) {
  return p->nums.n > 0 && bsearch(&n, p->nums.p, p->nums.n, sizeof(long), cmpnum) != NULL;
}

static char *dupstr(P *p, const char *s, size_t n);

/* the offset of the next mark byte (a control byte) in s[i, len), or len;
** eight bytes at a time while none of them is below 0x20 */
static size_t nextmark(const char *s, size_t i, size_t len) {
  const uint64_t ones = 0x0101010101010101u, highs = 0x8080808080808080u;
  while (len - i >= 8) {
    uint64_t v;
    memcpy(&v, s + i, 8);
    if (((v - ones * 0x20u) & ~v & highs) != 0) break;
    i += 8;
  }
  while (i < len && (unsigned char)s[i] >= 0x20) i++;
  return i;
}

/* Ends the table cell open at the end of the scratch buffer. */
static void endcell(P *p) {
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
static void endrow(P *p) {
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

/* Reads the mark at s[i] (a control byte; see ll.h, LL_MK_*) into the
** block's structure; returns the offset after it. Other control bytes are
** dropped. */
static size_t addmark(P *p, const char *s, size_t i, size_t len) {
  char c = s[i];
  if (c == LL_MK_EMPH || c == LL_MK_STRONG || c == LL_MK_LINK) {
    ll_Inline *sp = (ll_Inline *)ll_vec_push(p->m, &p->spans);
    size_t *o = (size_t *)ll_vec_push(p->m, &p->open);
    if (sp == NULL || o == NULL) {
      p->status = LL_ERRMEM;
      return len;
    }
    *o = p->spans.n - 1;
    sp->kind = c == LL_MK_EMPH ? LL_EMPHASIS : c == LL_MK_STRONG ? LL_STRONG : LL_LINK;
    sp->pos = p->buf.n;
    sp->len = (size_t)-1; /* open */
    i++;
    if (c == LL_MK_LINK) {
      size_t e = i;
      while (e < len && s[e] != LL_MK_HREFEND) e++;
      sp->href = ll_arena_strndup(&p->d->arena, s + i, e - i);
      if (sp->href == NULL) p->status = LL_ERRMEM;
      i = e < len ? e + 1 : e;
    }
    return i;
  }
  if (c == LL_MK_CLOSE) {
    if (p->open.n > 0) {
      ll_Inline *sp = (ll_Inline *)p->spans.p + ((size_t *)p->open.p)[--p->open.n];
      if (sp->pos > p->buf.n) sp->pos = p->buf.n; /* a space before a marker went */
      sp->len = p->buf.n - sp->pos;
    }
    return i + 1;
  }
  if (c == LL_MK_PAGE) { /* a page break at the block's start: no space */
    addbreak(p);
    return i + 1;
  }
  if (c == LL_MK_CELL || c == LL_MK_ROW) {
    if (c == LL_MK_CELL)
      endcell(p);
    else
      endrow(p);
    bufadd(p, c == LL_MK_CELL ? "\t" : "\n", 1);
    p->cellstart = p->buf.n;
    return i + 1;
  }
  return i + 1;
}

/* Reads a block's kind at s[*a] (LL_MK_BLOCK kind level label
** LL_MK_BLOCKEND) into out and moves *a past it. */
static void blockkind(P *p, ll_Block *out, const char *s, size_t *a, size_t end) {
  static const char kinds[] = "phqvits"; /* by ll_Kind */
  size_t i = *a + 1, l;
  const char *k;
  if (i + 2 > end) return;
  k = s[i] != '\0' ? strchr(kinds, s[i]) : NULL;
  out->kind = (short)(k != NULL ? k - kinds : LL_PARAGRAPH);
  out->level = (short)((unsigned char)s[i + 1] >= '0' ? (unsigned char)s[i + 1] - '0' : 0);
  i += 2;
  l = i;
  while (l < end && s[l] != LL_MK_BLOCKEND) l++;
  if (out->kind == LL_ITEM && l > i) out->label = dupstr(p, s + i, l - i);
  *a = l < end ? l + 1 : l;
}

/* Appends text to the scratch buffer, taking out footnote markers (into
** p->refs) and, when breaks is set, page-break runs (into p->breaks).
** Lines are joined with joiner ("\n" in body blocks, " " in headings). */
static void addtext(P *p, const char *s, size_t len, int breaks) {
  size_t i = 0, lb = 0; /* lb: the next '[' after i, once looked for */
  size_t lc = 0;        /* lc: the next mark after i, the same way */
  while (i < len && p->status == LL_OK) {
    long n;
    size_t ml, pb;
    if (s[i] == '[' && (ml = marker(s + i, len - i, &n)) > 0 && hasnote(p, n)) {
      /* a bracketed number is a marker only when the page has that note:
         "November 15 [1945]. We welcome" keeps its editor's year */
      size_t after = i + ml;
      ll_Ref *r;
      /* a marker after a space: drop that space when the marker ends a
         word group (followed by space, punctuation or the end) */
      if (p->buf.n > 0 && p->buf.p[p->buf.n - 1] == ' ' &&
          (after >= len || s[after] == ' ' || s[after] == '\n' || s[after] == ',' ||
           s[after] == '.' || s[after] == ';' || s[after] == ':' || s[after] == '[' ||
           s[after] == ')' ||
           (p->marks &&
            (s[after] == LL_MK_CLOSE || s[after] == LL_MK_CELL || s[after] == LL_MK_ROW))))
        p->buf.n--;
      r = (ll_Ref *)ll_vec_push(p->m, &p->refs);
      if (r == NULL) {
        p->status = LL_ERRMEM;
        return;
      }
      r->note = n;
      r->pos = p->buf.n;
      /* "word [1] next": one of the two spaces goes */
      i = after;
      continue;
    }
    if (breaks && s[i] == ' ' && (pb = pagebreak(s, i, len)) > 0 && p->buf.n > 0) {
      addbreak(p);
      bufadd(p, " ", 1);
      i += pb;
      continue;
    }
    if (p->inmarks && (unsigned char)s[i] < 0x20) {
      i = addmark(p, s, i, len);
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
      if (p->inmarks && lc <= i) lc = nextmark(s, i + 1, len);
      if (p->inmarks && lc < lb) lb = lc;
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

/* Makes a block from lines [first, first+n) of p, the first one starting at
** offset skip. Body blocks keep line breaks; headings join lines with a
** space and collapse white space. */
static int makeblock(P *p, ll_Block *out, size_t first, size_t n, size_t skip, int heading) {
  size_t i;
  int st = LL_OK;
  p->buf.n = 0;
  p->refs.n = p->breaks.n = p->labels.n = p->sents.n = 0;
  p->spans.n = p->open.n = p->cells.n = p->rows.n = 0;
  p->cellstart = p->rowcells = 0;
  p->inmarks = 0;
  memset(out, 0, sizeof *out);
  for (i = 0; i < n; i++) {
    const Line *ln = line(p, first + i);
    size_t a = ln->start + (i == 0 ? skip : 0);
    if (i == 0 && p->marks && !heading && a < ln->end && p->s[a] == LL_MK_BLOCK) {
      p->inmarks = 1;
      blockkind(p, out, p->s, &a, ln->end);
    }
    if (i > 0) bufadd(p, heading ? " " : "\n", 1);
    if (heading) {
      /* collapse first, then take markers out */
      size_t mark = p->buf.n;
      ll_Buf tmp;
      addcollapsed(p, p->s + a, ln->end - a);
      if (p->status != LL_OK) return p->status;
      tmp = p->buf;
      ll_buf_init(&p->buf);
      bufadd(p, tmp.p, mark);
      addtext(p, tmp.p + mark, tmp.n - mark, 0);
      ll_buf_free(p->m, &tmp);
    } else {
      addtext(p, p->s + a, ln->end - a, 1);
    }
  }
  if (heading) trimbuf(p);
  if (out->kind == LL_TABLE) endrow(p);
  p->inmarks = 0;
  if (p->status != LL_OK) return p->status;
  out->text = bufseal(p);
  out->len = p->buf.n;
  out->refs = (ll_Ref *)ll_vec_seal(&p->d->arena, &p->refs, &st);
  out->nrefs = p->refs.n;
  out->breaks = (size_t *)ll_vec_seal(&p->d->arena, &p->breaks, &st);
  out->nbreaks = p->breaks.n;
  if (p->hints != NULL && p->hints->nlabels > 0)
    out->labels = (const char **)ll_vec_seal(&p->d->arena, &p->labels, &st);
  if (st == LL_OK && p->status == LL_OK) st = ll_sentences(p->m, out->text, out->len, &p->sents);
  out->sents = (ll_Span *)ll_vec_seal(&p->d->arena, &p->sents, &st);
  out->nsents = p->sents.n;
  if (p->spans.n > 0) { /* spans left open end with the block; empty ones go */
    size_t k, w = 0;
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
  }
  if (out->kind == LL_TABLE && st == LL_OK) {
    ll_Table *t = (ll_Table *)ll_arena_alloc(&p->d->arena, sizeof *t);
    if (t == NULL) {
      st = LL_ERRMEM;
    } else {
      t->cells = (ll_Span *)ll_vec_seal(&p->d->arena, &p->cells, &st);
      t->ncells = p->cells.n;
      t->rowcells = (size_t *)ll_vec_seal(&p->d->arena, &p->rows, &st);
      t->nrows = p->rows.n;
      out->table = t;
    }
  }
  if (st != LL_OK) p->status = st;
  return p->status;
}

/* ------------------------------------------------------------------ */
/* Header fields and the Source field                                  */
/* ------------------------------------------------------------------ */

/* Reads the header field blocks [b0, b1) into d->fields. */
static int readfields(P *p, size_t b0, size_t b1) {
  ll_Vec fields;
  size_t b, i;
  int st = LL_OK;
  ll_vec_init(&fields, sizeof(ll_Field));
  p->buf.n = 0;
  for (b = b0; b < b1 && p->status == LL_OK; b++) {
    const Blk *bk = blk(p, b);
    for (i = 0; i < bk->n && p->status == LL_OK; i++) {
      const Line *ln = line(p, bk->first + i);
      const char *s = p->s + ln->start;
      size_t len = ln->end - ln->start;
      size_t nn = fieldname(s, len);
      ll_Field *f;
      if (nn == 0 && fields.n > 0) { /* continues the last value */
        f = (ll_Field *)fields.p + fields.n - 1;
        p->buf.n = 0;
        bufadd(p, f->value, strlen(f->value));
        bufadd(p, " ", 1);
        addcollapsed(p, s, len);
        trimbuf(p);
        f->value = bufseal(p);
        continue;
      }
      f = (ll_Field *)ll_vec_push(p->m, &fields);
      if (f == NULL) {
        p->status = LL_ERRMEM;
        break;
      }
      if (nn == 0) nn = len; /* cannot happen on a block's first line */
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
  }
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
    addtext(p, f->value, strlen(f->value), 0);
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
  ll_vec_free(p->m, &fields);
  return p->status;
}

static char *dupstr(P *p, const char *s, size_t n) {
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
static void readpages(P *p, const char *s, size_t n, char **first, char **last) {
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
    if (*first && alldigits(s + b, i - b) && alldigits(*first, fl) && i - b < fl) {
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
  while (j < e && (s[j] == ' ' || isnbsp(s, j, e))) j += s[j] == ' ' ? 1 : 2;
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
static void sourcepart(P *p, ll_Source *src, const char *v, size_t a, size_t e, int first) {
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
static void readsource(P *p, const char *v) {
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

/* ------------------------------------------------------------------ */
/* Citations in notes                                                  */
/* ------------------------------------------------------------------ */

static size_t digitsat(const char *s, size_t i, size_t n) {
  size_t j = i;
  while (j < n && s[j] >= '0' && s[j] <= '9') j++;
  return j - i;
}

/* ------------------------------------------------------------------ */
/* The parse                                                           */
/* ------------------------------------------------------------------ */

/* Copies the input with a BOM dropped and CRLF/CR made LF. */
static int normalise(ll_Mem *m, const char *s, size_t len, ll_Buf *out) {
  size_t i = 0, a;
  if (len >= 3 && memcmp(s, "\xEF\xBB\xBF", 3) == 0) i = 3;
  a = i;
  while (i < len) {
    const char *cr = (const char *)memchr(s + i, '\r', len - i);
    if (cr == NULL) {
      i = len;
      break;
    }
    i = (size_t)(cr - s);
    if (ll_buf_add(m, out, s + a, i - a) != LL_OK || ll_buf_add(m, out, "\n", 1) != LL_OK)
      return LL_ERRMEM;
    i += (i + 1 < len && s[i + 1] == '\n') ? 2 : 1;
    a = i;
  }
  if (ll_buf_add(m, out, s + a, i - a) != LL_OK) return LL_ERRMEM;
  return LL_OK;
}

static int blank(const char *s, size_t len) {
  size_t i = 0;
  while (i < len) {
    size_t w = hspace(s, i, len);
    if (w == 0 && (s[i] == '\n' || s[i] == '\r' || s[i] == '\f' || s[i] == '\v')) w = 1;
    if (w == 0) return 0;
    i += w;
  }
  return 1;
}

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
static void checkrefs(P *p, const long *defined, size_t ndefined, const ll_Block *b,
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
    ml = marker(b->text + i, b->len - i, &n);
    if (ml > 0 && !(ml == 6 && n >= 1000 && n < 2100)) {
      snprintf(msg, sizeof msg, "[%ld] in %s has no note: kept as text", n, where);
      warn(p, msg);
    }
  }
}

static void warnings(P *p) {
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

static void segments(P *p) {
  if (ll_doc_segments(p->d) != LL_OK) p->status = LL_ERRMEM;
}

/* The first nhead blocks as the header blocks that head names, in the
** order author, number, title, subtitle (a reader's hints). */
static void headings(P *p, size_t nhead, unsigned head) {
  ll_Doc *d = p->d;
  size_t b = 0, i;
  for (b = 0; b < nhead && p->status == LL_OK; b++) {
    const Blk *bk = blk(p, b);
    const Line *ln = line(p, bk->first);
    ll_Block **slot = NULL;
    if (head & LL_PAGE_AUTHOR) {
      head &= ~LL_PAGE_AUTHOR;
      p->buf.n = 0;
      for (i = 0; i < bk->n; i++) {
        const Line *li = line(p, bk->first + i);
        if (i > 0) bufadd(p, " ", 1);
        addcollapsed(p, p->s + li->start, li->end - li->start);
      }
      trimbuf(p);
      d->author = bufseal(p);
      continue;
    }
    if (head & LL_PAGE_NUMBER) {
      head &= ~LL_PAGE_NUMBER;
      d->number = dupstr(p, p->s + ln->start, ln->end - ln->start);
      continue;
    }
    if (head & LL_PAGE_TITLE) {
      head &= ~LL_PAGE_TITLE;
      slot = &d->title;
    } else {
      head &= ~LL_PAGE_SUBTITLE;
      slot = &d->subtitle;
    }
    *slot = (ll_Block *)ll_arena_alloc(&d->arena, sizeof(ll_Block));
    if (*slot == NULL) {
      p->status = LL_ERRMEM;
      return;
    }
    makeblock(p, *slot, bk->first, bk->n, 0, 1);
  }
}

/* Classifies blocks and builds the document. */
static void build(P *p) {
  ll_Doc *d = p->d;
  size_t nb = p->blks.n, b, hstart = nb, hend = nb, end = nb, i;
  size_t nhead = 0, bodyend = 0;
  Kind *kind;
  ll_Vec paras, notes, nav;
  int st = LL_OK, known = 0;
  if (p->hints != NULL && p->hints->known) {
    const ll_PageHints *h = p->hints;
    size_t want;
    nhead = (size_t)((h->head & LL_PAGE_AUTHOR) != 0) + ((h->head & LL_PAGE_NUMBER) != 0) +
            ((h->head & LL_PAGE_TITLE) != 0) + ((h->head & LL_PAGE_SUBTITLE) != 0);
    want = nhead + (h->fields ? 1 : 0) + (h->footer ? 1 : 0);
    /* the shape holds only if its counts add up to the blocks */
    if (h->body <= nb && h->notes <= nb) {
      want += h->body + (h->notes > 0 ? 1 + h->notes : 0);
      known = want == nb && nb > 0;
    }
  }
  kind = (Kind *)ll_malloc(p->m, nb * sizeof *kind + 1);
  if (kind == NULL) {
    p->status = LL_ERRMEM;
    return;
  }
  /* the note numbers, before any block is made: a block opening with a
     marker (with the reader's shape, one of the notes blocks), and the
     numbers the reader saw linked to a note */
  for (i = 0; p->hints != NULL && i < p->hints->nlinked && p->status == LL_OK; i++) {
    long *slot = (long *)ll_vec_push(p->m, &p->nums);
    if (slot == NULL)
      p->status = LL_ERRMEM;
    else
      *slot = p->hints->linked[i];
  }
  for (b = 0; b < nb && p->status == LL_OK; b++) {
    const Line *ln = line(p, blk(p, b)->first);
    long n, *slot;
    if (known && b <= nhead + (p->hints->fields ? 1 : 0) + p->hints->body) continue;
    if (marker(p->s + ln->start, ln->end - ln->start, &n) == 0) continue;
    slot = (long *)ll_vec_push(p->m, &p->nums);
    if (slot == NULL)
      p->status = LL_ERRMEM;
    else
      *slot = n;
  }
  if (p->nums.n > 1) { /* sorted, each number once: hasnote looks up by halves */
    long *v = (long *)p->nums.p;
    size_t j, w = 1;
    qsort(v, p->nums.n, sizeof *v, cmpnum);
    for (j = 1; j < p->nums.n; j++)
      if (v[j] != v[w - 1]) v[w++] = v[j];
    p->nums.n = w;
  }
  for (b = 0; b < nb; b++) kind[b] = K_NONE;
  ll_vec_init(&paras, sizeof(ll_Block));
  ll_vec_init(&notes, sizeof(ll_Note));
  ll_vec_init(&nav, sizeof(char *));

  if (known) {
    /* the reader said where each block goes */
    if (p->hints->footer) kind[--end] = K_NAV;
    hstart = nhead;
    hend = hstart + (p->hints->fields ? 1 : 0);
    for (b = hstart; b < hend; b++) kind[b] = K_FIELD;
    bodyend = hend + p->hints->body;
    headings(p, nhead, p->hints->head);
  } else {
    /* the footer: trailing blocks of navigation lines */
    while (end > 1 && isnavblock(p, blk(p, end - 1))) kind[--end] = K_NAV;
    /* the header fields: the first field block within the first few */
    for (b = 0; b < end && b < 8; b++)
      if (isfieldblock(p, blk(p, b))) {
        hstart = b;
        break;
      }
  }
  if (known) {
    /* done above */
  } else if (hstart < end) {
    hend = hstart + 1;
    while (hend < end && isfieldblock(p, blk(p, hend))) hend++;
    for (b = hstart; b < hend; b++) kind[b] = K_FIELD;
  } else {
    hstart = hend = 0; /* no header: everything is body */
  }

  /* the heading blocks before the fields: author, number, title, subtitle */
  if (!known) {
    size_t h = 0;
    for (b = 0; b < hstart && p->status == LL_OK; b++) {
      const Blk *bk = blk(p, b);
      const Line *ln = line(p, bk->first);
      if (h == 0) { /* author */
        p->buf.n = 0;
        for (i = 0; i < bk->n; i++) {
          const Line *li = line(p, bk->first + i);
          if (i > 0) bufadd(p, " ", 1);
          addcollapsed(p, p->s + li->start, li->end - li->start);
        }
        trimbuf(p);
        d->author = bufseal(p);
        h = 1;
      } else if (h == 1 && bk->n == 1 && alldigits(p->s + ln->start, ln->end - ln->start)) {
        d->number = dupstr(p, p->s + ln->start, ln->end - ln->start);
        h = 2;
      } else if (d->title == NULL) {
        d->title = (ll_Block *)ll_arena_alloc(&d->arena, sizeof(ll_Block));
        if (d->title == NULL) {
          p->status = LL_ERRMEM;
          break;
        }
        makeblock(p, d->title, bk->first, bk->n, 0, 1);
        h = 3;
      } else if (d->subtitle == NULL) {
        d->subtitle = (ll_Block *)ll_arena_alloc(&d->arena, sizeof(ll_Block));
        if (d->subtitle == NULL) {
          p->status = LL_ERRMEM;
          break;
        }
        makeblock(p, d->subtitle, bk->first, bk->n, 0, 1);
      } else {
        kind[b] = K_BODY; /* more headings than we know: keep as text */
        continue;
      }
      kind[b] = K_HEAD;
    }
  }
  if (hend > hstart) {
    readfields(p, hstart, hend);
    for (i = 0; i < d->nfields && p->status == LL_OK; i++)
      if (strcmp(d->fields[i].name, "Source") == 0) {
        readsource(p, d->fields[i].value);
        break;
      }
  }
  /* the page the text starts on: the reader's page label before the
     body, else the Source's first page */
  {
    const char *fp = p->hints != NULL ? p->hints->first_page : NULL;
    if ((fp == NULL || *fp == '\0') && d->source != NULL) fp = d->source->first_page;
    if (fp != NULL && alldigits(fp, strlen(fp))) d->first_page = strtol(fp, NULL, 10);
  }

  /* body and notes */
  {
    int innotes = 0;
    ll_Note *cur = NULL;
    for (b = hend; b < end && p->status == LL_OK; b++) {
      const Blk *bk = blk(p, b);
      const Line *ln = line(p, bk->first);
      const char *s = p->s + ln->start;
      size_t len = ln->end - ln->start, ml;
      long n;
      if (known && b < bodyend) { /* a body paragraph, whatever it holds */
        ll_Block *pb = (ll_Block *)ll_vec_push(p->m, &paras);
        if (pb == NULL) {
          p->status = LL_ERRMEM;
          break;
        }
        makeblock(p, pb, bk->first, bk->n, 0, 0);
        kind[b] = K_BODY;
        continue;
      }
      if (known && b == bodyend) { /* the "Notes" line */
        innotes = 1;
        continue;
      }
      if (!known && bk->n == 1 && isnotesheading(s, len) && b + 1 < end) {
        innotes = 1;
        continue;
      }
      if ((ml = marker(s, len, &n)) > 0 && (innotes || paras.n > 0)) {
        ll_Block *pb;
        size_t skip = ml;
        /* only a block that is all notes from here on is a note: a body
           paragraph may open with a marker too */
        innotes = 1;
        cur = (ll_Note *)ll_vec_push(p->m, &notes);
        if (cur == NULL) {
          p->status = LL_ERRMEM;
          break;
        }
        cur->n = n;
        while (skip < len && (s[skip] == ' ' || isnbsp(s, skip, len)))
          skip += s[skip] == ' ' ? 1 : 2;
        /* the paragraphs of the note go in a vector held in paras of
           the note, sealed at the end */
        pb = (ll_Block *)ll_arena_alloc(&d->arena, sizeof(ll_Block));
        if (pb == NULL) {
          p->status = LL_ERRMEM;
          break;
        }
        makeblock(p, pb, bk->first, bk->n, skip, 0);
        cur->paras = pb;
        cur->nparas = 1;
        kind[b] = K_NOTE;
        continue;
      }
      if (innotes && cur != NULL) {
        /* another paragraph of the current note: grow its array */
        ll_Block *np = (ll_Block *)ll_arena_alloc(&d->arena, (cur->nparas + 1) * sizeof(ll_Block));
        if (np == NULL) {
          p->status = LL_ERRMEM;
          break;
        }
        memcpy(np, cur->paras, cur->nparas * sizeof(ll_Block));
        makeblock(p, &np[cur->nparas], bk->first, bk->n, 0, 0);
        cur->paras = np;
        cur->nparas++;
        kind[b] = K_NOTE;
        continue;
      }
      {
        ll_Block *pb = (ll_Block *)ll_vec_push(p->m, &paras);
        size_t skip = 0, lab = 0;
        int k = known ? LL_PARAGRAPH : plainkind(p, b, end, &skip, &lab);
        if (pb == NULL) {
          p->status = LL_ERRMEM;
          break;
        }
        makeblock(p, pb, bk->first, bk->n, skip, 0);
        if (!p->marks) {
          pb->kind = (short)k;
          pb->level = (short)(k == LL_HEADING ? 1 : 0);
          if (lab > 0) pb->label = dupstr(p, s, lab);
        }
        kind[b] = K_BODY;
      }
    }
  }
  /* extra heading blocks that became text go first in the body */
  if (p->status == LL_OK && !known) {
    size_t extra = 0;
    for (b = 0; b < hstart; b++) extra += kind[b] == K_BODY;
    if (extra > 0 && ll_vec_reserve(p->m, &paras, extra) == LL_OK) {
      size_t at = 0;
      memmove(paras.p + extra * paras.esz, paras.p, paras.n * paras.esz);
      paras.n += extra;
      for (b = 0; b < hstart && p->status == LL_OK; b++)
        if (kind[b] == K_BODY) {
          ll_Block tmp;
          makeblock(p, &tmp, blk(p, b)->first, blk(p, b)->n, 0, 0);
          ((ll_Block *)paras.p)[at++] = tmp;
        }
    } else if (extra > 0) {
      p->status = LL_ERRMEM;
    }
  }
  /* navigation lines */
  for (b = end; b < nb && p->status == LL_OK; b++) {
    const Blk *bk = blk(p, b);
    for (i = 0; i < bk->n && p->status == LL_OK; i++) {
      const Line *ln = line(p, bk->first + i);
      char **slot;
      p->buf.n = 0;
      addcollapsed(p, p->s + ln->start, ln->end - ln->start);
      trimbuf(p);
      slot = (char **)ll_vec_push(p->m, &nav);
      if (slot == NULL) {
        p->status = LL_ERRMEM;
        break;
      }
      *slot = bufseal(p);
    }
  }
  if (p->status == LL_OK) {
    d->paras = (ll_Block *)ll_vec_seal(&d->arena, &paras, &st);
    d->nparas = paras.n;
    d->notes = (ll_Note *)ll_vec_seal(&d->arena, &notes, &st);
    d->nnotes = notes.n;
    d->nav = (char **)ll_vec_seal(&d->arena, &nav, &st);
    d->nnav = nav.n;
    if (st != LL_OK) p->status = st;
  }
  /* citations in the notes */
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
  if (p->status == LL_OK) warnings(p);
  if (p->status == LL_OK) {
    d->warnings = (char **)ll_vec_seal(&d->arena, &p->warns, &st);
    d->nwarnings = p->warns.n;
    if (st != LL_OK) p->status = st;
  }
  if (p->status == LL_OK) segments(p);
  ll_vec_free(p->m, &paras);
  ll_vec_free(p->m, &notes);
  ll_vec_free(p->m, &nav);
  ll_free(p->m, kind, nb * sizeof *kind + 1);
}

int ll_parse_text(ll_Mem *m, const char *s, size_t len, const ll_PageHints *hints, ll_Doc **out,
                  char *err, size_t errsz) {
  P p;
  ll_Buf norm;
  ll_Doc *d;
  int st;
  *out = NULL;
  /* the HTML reader's text (hints known) is UTF-8 by its contract */
  if (!(hints != NULL && hints->known) && ll_utf8_check(s, len, err, errsz) != LL_OK)
    return LL_ERRINPUT;
  if (blank(s, len) || (len >= 3 && memcmp(s, "\xEF\xBB\xBF", 3) == 0 && blank(s + 3, len - 3))) {
    snprintf(err, errsz, len == 0 ? "empty input" : "blank input: no text");
    return LL_ERRINPUT;
  }
  d = (ll_Doc *)ll_malloc(m, sizeof *d);
  if (d == NULL) {
    snprintf(err, errsz, "not enough memory");
    return LL_ERRMEM;
  }
  memset(d, 0, sizeof *d);
  d->mem = *m;
  ll_arena_init(&d->arena, &d->mem);

  memset(&p, 0, sizeof p);
  p.m = m;
  p.d = d;
  p.hints = hints;
  p.labelp = hints ? hints->labels : NULL;
  ll_buf_init(&norm);
  ll_buf_init(&p.buf);
  ll_vec_init(&p.lines, sizeof(Line));
  ll_vec_init(&p.blks, sizeof(Blk));
  ll_vec_init(&p.refs, sizeof(ll_Ref));
  ll_vec_init(&p.breaks, sizeof(size_t));
  ll_vec_init(&p.labels, sizeof(const char *));
  ll_vec_init(&p.sents, sizeof(ll_Span));
  ll_vec_init(&p.cites, sizeof(ll_Cite));
  ll_vec_init(&p.warns, sizeof(char *));
  ll_vec_init(&p.nums, sizeof(long));
  ll_vec_init(&p.spans, sizeof(ll_Inline));
  ll_vec_init(&p.open, sizeof(size_t));
  ll_vec_init(&p.cells, sizeof(ll_Span));
  ll_vec_init(&p.rows, sizeof(size_t));
  p.marks = hints != NULL && hints->known && hints->marks;

  if (hints != NULL && hints->known && memchr(s, '\r', len) == NULL &&
      !(len >= 3 && memcmp(s, "\xEF\xBB\xBF", 3) == 0)) {
    p.s = s; /* the reader's text is already as normalise makes it */
    p.len = len;
  } else {
    p.status = normalise(m, s, len, &norm);
    p.s = norm.p;
    p.len = norm.n;
  }
  if (p.status == LL_OK) {
    p.status = split(&p);
  }
  if (p.status == LL_OK) build(&p);

  st = p.status;
  ll_buf_free(m, &norm);
  ll_buf_free(m, &p.buf);
  ll_vec_free(m, &p.lines);
  ll_vec_free(m, &p.blks);
  ll_vec_free(m, &p.refs);
  ll_vec_free(m, &p.breaks);
  ll_vec_free(m, &p.labels);
  ll_vec_free(m, &p.sents);
  ll_vec_free(m, &p.cites);
  ll_vec_free(m, &p.warns);
  ll_vec_free(m, &p.nums);
  ll_vec_free(m, &p.spans);
  ll_vec_free(m, &p.open);
  ll_vec_free(m, &p.cells);
  ll_vec_free(m, &p.rows);
  if (st != LL_OK) {
    ll_doc_free(d);
    snprintf(err, errsz, "not enough memory");
    return st;
  }
  *out = d;
  return LL_OK;
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
