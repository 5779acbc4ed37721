/*
** llpage.c: the plain-text reader.
** Reads a page of the Marxists Internet Archive in its plain-text form:
** splits it into lines and blocks, tells header, fields, body blocks (and
** their kinds), notes and footer apart, and feeds them to the document
** builder (llbuild.c), which makes the ll_Doc.
*/
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

/* The parser's working state; everything in it is freed on every path. */
typedef struct PageParse {
  ll_Mem *m;
  ll_Builder *b; /* what the blocks are fed to */
  const char *s; /* text with BOM dropped and line ends made "\n" */
  size_t len;
  ll_Vec lines, blks;
  int status;
} PageParse;

/* the kinds' names, as API.md writes them */
const char *const ll_kind_names[LL_NKINDS] = {"paragraph", "heading", "quote",    "verse",
                                              "item",      "table",   "separator"};

static const Line *line(PageParse *p, size_t i) {
  return (const Line *)p->lines.p + i;
}

static const Blk *blk(PageParse *p, size_t i) {
  return (const Blk *)p->blks.p + i;
}

/* Splits p->s into lines (trailing white space dropped) and groups the
** non-blank ones into blocks separated by blank lines. */
static int split(PageParse *p) {
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
      else if (en >= st + 2 && ll_utf8_isnbsp(p->s, en - 2, p->len))
        en -= 2;
      else
        break;
    }
    /* drop leading indentation (ASCII only) */
    a = st;
    while (a < en && (p->s[a] == ' ' || p->s[a] == '\t')) a++;
    if (a == en || (a + 2 == en && ll_utf8_isnbsp(p->s, a, p->len))) {
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
static int isfieldblock(PageParse *p, const Blk *b) {
  size_t i, nfield = 0, known = 0;
  const Line *first = line(p, b->first);
  if (ll_field_name(p->s + first->start, first->end - first->start) == 0) return 0;
  for (i = 0; i < b->n; i++) {
    const Line *ln = line(p, b->first + i);
    size_t n = ll_field_name(p->s + ln->start, ln->end - ln->start);
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

static int isnavblock(PageParse *p, const Blk *b) {
  size_t i;
  for (i = 0; i < b->n; i++) {
    const Line *ln = line(p, b->first + i);
    if (!isnavline(p->s + ln->start, ln->end - ln->start)) return 0;
  }
  return 1;
}

/* If s starts with a marker "[N]", returns its length and sets *n. Only
** 1 to 6 digits make a marker: longer numbers are text. */
static int isnotesheading(const char *s, size_t len) {
  static const char *const heads[] = {"Notes",    "NOTES", "Notes:", "Footnotes",
                                      "Endnotes", "Note",  NULL};
  size_t k;
  for (k = 0; heads[k] != NULL; k++)
    if (strlen(heads[k]) == len && memcmp(heads[k], s, len) == 0) return 1;
  return 0;
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
static size_t linewords(PageParse *p, const Line *ln) {
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
static int prose(PageParse *p, size_t b) {
  const Blk *bk = blk(p, b);
  size_t i, n = 0;
  const Line *ln = line(p, bk->first);
  long nn;
  if (ll_note_marker(p->s + ln->start, ln->end - ln->start, &nn) > 0) return 0;
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
static int plainkind(PageParse *p, size_t b, size_t nb, size_t *skip, size_t *label) {
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
    while (*skip < len && (s[*skip] == ' ' || ll_utf8_isnbsp(s, *skip, len)))
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

static int startswith(const char *s, size_t n, const char *pre) {
  size_t k = strlen(pre);
  return n >= k && memcmp(s, pre, k) == 0;
}
/* ------------------------------------------------------------------ */
/* The parse                                                           */
/* ------------------------------------------------------------------ */

/* Copies the input with a BOM dropped and CRLF/CR made LF (only for a
** page with CRs: one without is read in place, its BOM skipped). */
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
    size_t w = ll_utf8_hspace(s, i, len);
    if (w == 0 && (s[i] == '\n' || s[i] == '\r' || s[i] == '\f' || s[i] == '\v')) w = 1;
    if (w == 0) return 0;
    i += w;
  }
  return 1;
}

/* ------------------------------------------------------------------ */
/* Feeding the builder                                                 */
/* ------------------------------------------------------------------ */

/* The text of block bk, from its first line's start to its last's end. */
static void blocktext(PageParse *p, const Blk *bk, const char **s, size_t *n) {
  const Line *a = line(p, bk->first), *e = line(p, bk->first + bk->n - 1);
  *s = p->s + a->start;
  *n = e->end - a->start;
}

/* Feeds block bk as a block of kind and label of the builder, from offset
** skip of its first line, its lines joined by line breaks. */
static void feedblock(PageParse *p, const Blk *bk, size_t skip, int kind, const char *label,
                      size_t labeln) {
  size_t i;
  ll_build_block(p->b, kind, kind == LL_HEADING ? 1 : 0, label, labeln);
  for (i = 0; i < bk->n; i++) {
    const Line *li = line(p, bk->first + i);
    size_t at = li->start + (i == 0 ? skip : 0);
    if (i > 0) ll_build_text(p->b, "\n", 1);
    ll_build_text(p->b, p->s + at, li->end - at);
  }
}

/* Feeds the lines of block bk as header field lines. */
static void feedfields(PageParse *p, const Blk *bk) {
  size_t i;
  for (i = 0; i < bk->n; i++) {
    const Line *ln = line(p, bk->first + i);
    ll_build_field_line(p->b, p->s + ln->start, ln->end - ln->start);
  }
}

/* Feeds the lines of the footer blocks [from, p->blks.n). */
static void feednav(PageParse *p, size_t from) {
  size_t b, i;
  for (b = from; b < p->blks.n; b++) {
    const Blk *bk = blk(p, b);
    for (i = 0; i < bk->n; i++) {
      const Line *ln = line(p, bk->first + i);
      ll_build_nav(p->b, p->s + ln->start, ln->end - ln->start);
    }
  }
}

/* Feeds header block bk as the title (subtitle set: the subtitle). */
static void feedtitle(PageParse *p, const Blk *bk, int subtitle) {
  const char *s;
  size_t n;
  blocktext(p, bk, &s, &n);
  ll_build_title(p->b, subtitle, s, n);
}

/* Feeds header block bk as the author. */
static void feedauthor(PageParse *p, const Blk *bk) {
  const char *s;
  size_t n;
  blocktext(p, bk, &s, &n);
  ll_build_author(p->b, s, n);
}

/* The length of the marker opening s and the spaces after it, or 0 (its
** number in *n). */
static size_t notelead(const char *s, size_t len, long *n) {
  size_t skip = ll_note_marker(s, len, n);
  if (skip == 0) return 0;
  while (skip < len && (s[skip] == ' ' || ll_utf8_isnbsp(s, skip, len)))
    skip += s[skip] == ' ' ? 1 : 2;
  return skip;
}

/* ------------------------------------------------------------------ */
/* The page's parts                                                    */
/* ------------------------------------------------------------------ */

/* Hands the builder the page's note numbers: each block's that opens with
** a marker. */
static void feednumbers(PageParse *p) {
  size_t b;
  for (b = 0; b < p->blks.n; b++) {
    const Line *ln = line(p, blk(p, b)->first);
    long n;
    if (ll_note_marker(p->s + ln->start, ln->end - ln->start, &n) > 0)
      ll_build_note_number(p->b, n);
  }
}

/* The header blocks [0, hstart) of plain text, in order author, number
** (digits alone), title, subtitle; more blocks than that open the body. */
static void guessheader(PageParse *p, size_t hstart) {
  size_t b;
  int h = 0;
  for (b = 0; b < hstart; b++) {
    const Blk *bk = blk(p, b);
    const Line *ln = line(p, bk->first);
    if (h == 0) {
      feedauthor(p, bk);
      h = 1;
    } else if (h == 1 && bk->n == 1 && ll_alldigits(p->s + ln->start, ln->end - ln->start)) {
      ll_build_number(p->b, p->s + ln->start, ln->end - ln->start);
      h = 2;
    } else if (h < 3) {
      feedtitle(p, bk, 0);
      h = 3;
    } else if (h == 3) {
      feedtitle(p, bk, 1);
      h = 4;
    } else {
      feedblock(p, bk, 0, LL_PARAGRAPH, NULL, 0); /* more headings than we know */
    }
  }
}

/* Feeds blocks [from, end) as the body and the notes: a notes heading,
** and a block opening with a marker after the body's first block, start
** the notes. In the notes a block opening with a marker starts a note, and
** the others continue it. */
static void feedbody(PageParse *p, size_t from, size_t end) {
  size_t b, nbody = 0;
  int innotes = 0, havenote = 0;
  for (b = from; b < end && p->status == LL_OK; b++) {
    const Blk *bk = blk(p, b);
    const Line *ln = line(p, bk->first);
    const char *s = p->s + ln->start;
    size_t len = ln->end - ln->start, skip, lab = 0;
    long n;
    int k;
    if (bk->n == 1 && isnotesheading(s, len) && b + 1 < end) {
      innotes = 1;
      continue;
    }
    if ((skip = notelead(s, len, &n)) > 0 && (innotes || nbody > 0)) {
      innotes = havenote = 1; /* a body paragraph may open with a marker too */
      ll_build_note(p->b, n);
      feedblock(p, bk, skip, LL_PARAGRAPH, NULL, 0);
      continue;
    }
    if (innotes && havenote) {
      feedblock(p, bk, 0, LL_PARAGRAPH, NULL, 0); /* the note goes on */
      continue;
    }
    k = plainkind(p, b, end, &skip, &lab);
    feedblock(p, bk, skip, k, s, lab);
    nbody++;
  }
}

/* Classifies the blocks and feeds them to the builder: the footer
** (trailing blocks of navigation lines), the header fields (the first
** field block within the first eight and those after it), before them the
** header, the rest body and notes. */
static void build(PageParse *p) {
  size_t nb = p->blks.n, b, hstart = nb, hend, end = nb;
  feednumbers(p);
  while (end > 1 && isnavblock(p, blk(p, end - 1))) end--;
  for (b = 0; b < end && b < 8; b++)
    if (isfieldblock(p, blk(p, b))) {
      hstart = b;
      break;
    }
  if (hstart < end) {
    hend = hstart + 1;
    while (hend < end && isfieldblock(p, blk(p, hend))) hend++;
  } else {
    hstart = hend = 0; /* no header: everything is body */
  }
  guessheader(p, hstart);
  for (b = hstart; b < hend; b++) feedfields(p, blk(p, b));
  feedbody(p, hend, end);
  feednav(p, end);
}

/* See ll.h. */
int ll_parse_text(ll_Mem *m, const char *s, size_t len, ll_Doc **out, char *err, size_t errsz) {
  PageParse p;
  ll_Buf norm;
  *out = NULL;
  if (ll_utf8_check(s, len, err, errsz) != LL_OK) return LL_ERRINPUT;
  if (blank(s, len) || (len >= 3 && memcmp(s, "\xEF\xBB\xBF", 3) == 0 && blank(s + 3, len - 3))) {
    snprintf(err, errsz, len == 0 ? "empty input" : "blank input: no text");
    return LL_ERRINPUT;
  }
  memset(&p, 0, sizeof p);
  p.m = m;
  if (ll_build_begin(m, &p.b) != LL_OK) {
    snprintf(err, errsz, "not enough memory");
    return LL_ERRMEM;
  }
  ll_buf_init(&norm);
  ll_vec_init(&p.lines, sizeof(Line));
  ll_vec_init(&p.blks, sizeof(Blk));
  if (memchr(s, '\r', len) == NULL) { /* read in place: no copy of a page without CRs */
    size_t bom = len >= 3 && memcmp(s, "\xEF\xBB\xBF", 3) == 0 ? 3 : 0;
    p.status = LL_OK;
    p.s = s + bom;
    p.len = len - bom;
  } else {
    p.status = normalise(m, s, len, &norm);
    p.s = norm.p;
    p.len = norm.n;
  }
  if (p.status == LL_OK) p.status = split(&p);
  if (p.status == LL_OK) build(&p);
  if (p.status == LL_OK) {
    p.status = ll_build_end(p.b, out, err, errsz);
  } else {
    ll_build_abort(p.b);
    snprintf(err, errsz, "not enough memory");
  }
  ll_buf_free(m, &norm);
  ll_vec_free(m, &p.lines);
  ll_vec_free(m, &p.blks);
  return p.status;
}
