/*
** lldate.c: dates in text, and the Julian/Gregorian calendars.
** A tokenizer, a small parser for the ways Lenin's Collected Works write
** dates (dual Old/New Style dating included), and Julian Day arithmetic.
*/

/*
** What is read as a date (see API.md, Dates), and the rules decided here:
**
** - Forms: "January 9, 1905", "January 9th 1905", "9 January 1905",
**   "Jan. 9, 1905", "May 1905", "Sept. 1905", "1905", "[1977]" (the
**   brackets belong to the text), "12.I.1916" and "12.1.1916" (day, month
**   in Roman or Arabic figures, year), "1905-11-15" (ISO), year ranges
**   "1905-07", "1905–07", "1925-6", "1917—1921" (every dash: -, –, —), "1917 to 1921" (a
**   short end needs the hyphen or dash touching both years), day and month ranges
**   "November 2-4, 1905", "2-4 November 1905", "May-June 1905",
**   "October 30 to November 2, 1905", "December 1905-January 1906", and
**   two days in a row joined by "and", read as the range from the one to
**   the other: "March 3 and 4, 1918", "2 and 3 (15 and 16) November
**   1905" (not "April 21 and 28, 1975": two days, not a range).
** - Dual dating: the other calendar's reading in round brackets, after
**   the point it belongs to or after a whole range: "May 18 (31), 1917",
**   "June 1 (May 19), 1917", "November 2-4 (15-17), 1905", "October 27
**   (November 9) to December 3 (16), 1905", "December 20, 1905 (January
**   2, 1906)", "9 (22) January 1905", "10 (22).4.1870", and at month
**   precision "February (March) 1917". The earlier reading is old style.
**   A bracket that gives only a day takes the month (and a bracket without
**   a year the year) that fits the calendars best; the two readings must
**   then be the same day within 3 days (a misprint is kept as written),
**   or adjacent months. Otherwise the bracket is not part of the date. A
**   bracket holding only a day must come before the year, so a footnote
**   number such as "November 18, 1903 (2)" is never read as a date. One
**   year written after the bracket is the main reading's: "December 20
**   (January 2), 1906" is old style 1906-12-20, new style 1907-01-02.
** - A date without the other calendar is old style when its first day
**   (the first of the month or year when the day or month is not given)
**   is before 1918-02-14, new style otherwise: "1918" and "February 1918"
**   are old style, "1917-1921" is old style 1917 to 1921. Old-style dates
**   precise to the day get new style by ll_julian_to_gregorian.
** - A day that does not exist in the date's calendar ("February 30, 1905",
**   "February 29, 1905", "June 31, 1905") makes the whole text no date, so
**   not even its year is reported. Old style has 1900-02-29.
** - A year is 4 digits from 1500 to 2099, not touching a letter or another
**   number ("1905s", "1905,000", "3.1905", "1905/06", "1905-123"), and not
**   after No., Nos., Vol., Vols., Volume(s), p., pp. (not P.), page(s),
**   Number, issue, chapter, art., section, fig., col., line, §, № or #,
**   with or without the dot. A day is 1 or 2 digits, 1 to 31; a day that
**   opens a date ("9 January 1905") follows the same rules as a year.
** - A year alone gives a date; a day and month without a year do not
**   ("January 9"), nor does a day spelled out ("the Ninth of January").
**   But a month (or month and day) joined by "and"/"or" to a date that
**   has a year takes that year: "in August and November 1905" gives
**   "August" (1905-08) and "November 1905".
** - A phrase that only qualifies a year or month belongs to the date's
**   text; the reading keeps the written precision: "the end of 1901",
**   "beginning of 1902", "the autumn of 1940", "the first half of 1905",
**   "early in November 1905", "Late in November 1917", "mid-1905",
**   "early 1905".
** - A date never crosses a blank line; it may cross a single line break.
*/

#include <stdlib.h>
#include <string.h>

#include "lldate.h"

/* ------------------------------------------------------------------ */
/* Calendars                                                           */
/* ------------------------------------------------------------------ */

#define JULIAN    1
#define GREGORIAN 0

/* whether year y is a leap year in the calendar */
static int isleap(long y, int julian) {
  if (julian) return y % 4 == 0;
  return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

/* days in month m (1-12) of year y */
static int mdays(long y, int m, int julian) {
  static const unsigned char n[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  return (m == 2 && isleap(y, julian)) ? 29 : n[m - 1];
}

/* whether y-m-d is a day of the calendar, years 1 to 9999 */
static int isdate(long y, long m, long d, int julian) {
  return y >= 1 && y <= 9999 && m >= 1 && m <= 12 && d >= 1 && d <= mdays(y, (int)m, julian);
}

/* the Julian Day Number of a date that isdate accepts */
static long jdn(long y, long m, long d, int julian) {
  long a = (14 - m) / 12, yy = y + 4800 - a, mm = m + 12 * a - 3;
  long n = d + (153 * mm + 2) / 5 + 365 * yy + yy / 4;
  if (julian) return n - 32083;
  return n - yy / 100 + yy / 400 - 32045;
}

/* the date of Julian Day Number n (n >= 0) in the calendar */
static void fromjdn(long n, int julian, int *y, int *m, int *d) {
  long b = 0, c, dd, e, mm;
  if (julian) {
    c = n + 32082;
  } else {
    long a = n + 32044;
    b = (4 * a + 3) / 146097;
    c = a - 146097 * b / 4;
  }
  dd = (4 * c + 3) / 1461;
  e = c - 1461 * dd / 4;
  mm = (5 * e + 2) / 153;
  *d = (int)(e - (153 * mm + 2) / 5 + 1);
  *m = (int)(mm + 3 - 12 * (mm / 10));
  *y = (int)(100 * b + dd - 4800 + mm / 10);
}

/* Julian to Gregorian through the day number (contract in lldate.h) */
int ll_julian_to_gregorian(int y, int mo, int d, int *gy, int *gmo, int *gd) {
  if (!isdate(y, mo, d, JULIAN)) return 0;
  fromjdn(jdn(y, mo, d, JULIAN), GREGORIAN, gy, gmo, gd);
  return 1;
}

/* Gregorian to Julian, the same way back (contract in lldate.h) */
int ll_gregorian_to_julian(int y, int mo, int d, int *jy, int *jmo, int *jd) {
  if (!isdate(y, mo, d, GREGORIAN)) return 0;
  fromjdn(jdn(y, mo, d, GREGORIAN), JULIAN, jy, jmo, jd);
  return 1;
}

/* ------------------------------------------------------------------ */
/* Tokens                                                              */
/* ------------------------------------------------------------------ */

enum {
  K_NUM,  /* a run of ASCII digits */
  K_WORD, /* a run of letters (any non-ASCII letter counts) */
  K_LPAR,
  K_RPAR,
  K_LBRK,
  K_RBRK,
  K_COMMA,
  K_DOT,
  K_DASH,  /* hyphen, en dash, em dash and their kin: joins a range */
  K_SIGN,  /* # $ % / § № £ € ...: a number beside one is no date */
  K_OTHER, /* any other character (runs of them are one token) */
  K_BREAK, /* a blank line */
  K_END    /* past the last token */
};

typedef struct Tok {
  size_t s, e;      /* the bytes [s, e) */
  long v;           /* a number's value; -1 for more than 9 digits */
  unsigned char k;  /* K_* */
  unsigned char sp; /* whitespace stands between it and the one before */
} Tok;

/* the token kind that code point c starts (never K_NUM's digits) */
static int kindof(long c) {
  if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')) return K_WORD;
  switch (c) {
    case '(':
      return K_LPAR;
    case ')':
      return K_RPAR;
    case '[':
      return K_LBRK;
    case ']':
      return K_RBRK;
    case ',':
      return K_COMMA;
    case '.':
      return K_DOT;
    case '-':
    case 0x2010:
    case 0x2011:
    case 0x2012:
    case 0x2013:
    case 0x2014: /* em dash: "October—November, 1918" */
    case 0x2015:
    case 0x2212:
      return K_DASH;
    case '#':
    case '$':
    case '%':
    case '/':
    case '\\':
    case '+':
    case '=':
    case '*':
    case '&':
    case '@':
    case '^':
    case '_':
    case '|':
    case '~':
    case '<':
    case '>':
    case 0xA3:
    case 0xA7:
    case 0xB0:
    case 0x20AC:
    case 0x2116:
      return K_SIGN;
    default:
      break;
  }
  if (c >= 0xC0 && c != 0xD7 && c != 0xF7 && !(c >= 0x2000 && c <= 0x2BFF) &&
      !(c >= 0x3000 && c <= 0x303F) && !(c >= 0xFE00 && c <= 0xFE6F) &&
      !(c >= 0xFF00 && c <= 0xFF0F) && c < 0xFFF0)
    return K_WORD;
  return K_OTHER;
}

/* the code point at s[i] (0xFFFD for a stray byte); sets *n to its length */
static long cpat(const char *s, size_t len, size_t i, size_t *n) {
  long c = (unsigned char)s[i];
  if (c < 0x80) {
    *n = 1;
    return c;
  }
  *n = ll_utf8_decode(s + i, len - i, &c);
  return c;
}

/* The token stream: made on demand, kept in a ring of WINDOW tokens.
** No date reaches more than a few tokens back or about 150 ahead of the
** token it starts at, so memory stays the same whatever the text's size;
** a token outside the window reads as the end of the text. */
#define WINDOW 512

typedef struct Lexer {
  const char *s;
  size_t len;
  size_t at;  /* bytes read so far */
  int sp, nl; /* whitespace, and newlines, since the last token */
  size_t n;   /* tokens made so far */
  size_t lo;  /* no token before this one is needed any more */
  Tok ring[WINDOW];
} Lexer;

/* Makes the next token (the caller knows text is left). Whitespace is
** dropped but noted in the next token's sp; a blank line is a K_BREAK
** token of its own; a run of K_OTHER characters is one token. */
static void more(Lexer *p) {
  const char *s = p->s;
  size_t len = p->len, i = p->at, j, n = 0;
  long c = 0;
  int k;
  Tok *t = &p->ring[p->n % WINDOW];
  while (i < len && ll_utf8_isspace(c = cpat(s, len, i, &n))) {
    if (c == '\n') p->nl++;
    p->sp = 1;
    i += n;
  }
  if (i >= len) { /* only whitespace was left */
    p->at = len;
    return;
  }
  if (p->nl >= 2) {
    p->nl = 0;
    p->at = i;
    t->s = t->e = i;
    t->k = K_BREAK;
    t->sp = 1;
    t->v = 0;
    p->n++;
    return;
  }
  j = i + n;
  if (c >= '0' && c <= '9') {
    long v = c - '0';
    k = K_NUM;
    while (j < len && s[j] >= '0' && s[j] <= '9') {
      if (v >= 0 && j - i < 9)
        v = v * 10 + (s[j] - '0');
      else
        v = -1;
      j++;
    }
    c = v;
  } else {
    k = kindof(c);
    while ((k == K_WORD || k == K_OTHER) && j < len) {
      size_t n2;
      long c2 = cpat(s, len, j, &n2);
      if (ll_utf8_isspace(c2) || kindof(c2) != k || (c2 >= '0' && c2 <= '9')) break;
      j += n2;
    }
  }
  t->s = i;
  t->e = j;
  t->k = (unsigned char)k;
  t->sp = (unsigned char)p->sp;
  t->v = (k == K_NUM) ? c : 0;
  p->sp = 0;
  p->nl = 0;
  p->at = j;
  p->n++;
}

/* token i, or NULL past the end of the text or outside the window */
static const Tok *tk(Lexer *p, size_t i) {
  if (i < p->lo || i - p->lo >= WINDOW) return NULL;
  while (i >= p->n && p->at < p->len) more(p);
  return i < p->n ? &p->ring[i % WINDOW] : NULL;
}

/* ------------------------------------------------------------------ */
/* Token tests                                                         */
/* ------------------------------------------------------------------ */

/* the kind of token i, K_END past the end */
static int kind(Lexer *p, size_t i) {
  const Tok *t = tk(p, i);
  return t ? t->k : K_END;
}

/* whether token i exists and touches the token before it */
static int touches(Lexer *p, size_t i) {
  const Tok *t = tk(p, i);
  return t && !t->sp;
}

/* the length in bytes of token i (0 past the end) */
static size_t tlen(Lexer *p, size_t i) {
  const Tok *t = tk(p, i);
  return t ? t->e - t->s : 0;
}

/* the value of number token i (-1 for a long one or past the end) */
static long val(Lexer *p, size_t i) {
  const Tok *t = tk(p, i);
  return t && t->k == K_NUM ? t->v : -1;
}

/* the first byte of token i (0 past the end) */
static int tbyte(Lexer *p, size_t i) {
  const Tok *t = tk(p, i);
  return t && t->e > t->s ? (unsigned char)p->s[t->s] : 0;
}

/* number of digits of number token i */
#define ndig(p, i) tlen(p, i)

/* whether token i is the word w (lower-case ASCII), ignoring ASCII case */
static int wordis(Lexer *p, size_t i, const char *w) {
  size_t n = strlen(w), k;
  const char *s;
  if (kind(p, i) != K_WORD || tlen(p, i) != n) return 0;
  s = p->s + tk(p, i)->s;
  for (k = 0; k < n; k++) {
    int c = (unsigned char)s[k];
    if (c >= 'A' && c <= 'Z') c += 'a' - 'A';
    if (c != w[k]) return 0;
  }
  return 1;
}

/* whether token i is exactly the text w (case counts) */
static int texteq(Lexer *p, size_t i, const char *w) {
  size_t n = strlen(w);
  return tlen(p, i) == n && n > 0 && memcmp(p->s + tk(p, i)->s, w, n) == 0;
}

/* whether token i is one of the words in the NULL-ended list */
static int wordin(Lexer *p, size_t i, const char *const *list) {
  for (; *list != NULL; list++)
    if (wordis(p, i, *list)) return 1;
  return 0;
}

/* whether word token i starts with a capital letter */
static int capital(Lexer *p, size_t i) {
  int c = tbyte(p, i);
  return c >= 'A' && c <= 'Z';
}

static const struct {
  const char *name;
  unsigned char m, abbr;
} months[] = {{"january", 1, 0},   {"february", 2, 0}, {"march", 3, 0},     {"april", 4, 0},
              {"may", 5, 0},       {"june", 6, 0},     {"july", 7, 0},      {"august", 8, 0},
              {"september", 9, 0}, {"october", 10, 0}, {"november", 11, 0}, {"december", 12, 0},
              {"jan", 1, 1},       {"feb", 2, 1},      {"mar", 3, 1},       {"apr", 4, 1},
              {"jun", 6, 1},       {"jul", 7, 1},      {"aug", 8, 1},       {"sep", 9, 1},
              {"sept", 9, 1},      {"oct", 10, 1},     {"nov", 11, 1},      {"dec", 12, 1}};

static const char *const roman[12] = {"I",   "II",   "III", "IV", "V",  "VI",
                                      "VII", "VIII", "IX",  "X",  "XI", "XII"};

/* words after which a number is a reference, not a date: "No. 5" */
static const char *const notdate[] = {"no",   "nos",   "vol",    "vols",    "volume",  "volumes",
                                      "page", "pages", "number", "numbers", "issue",   "chapter",
                                      "chap", "ch",    "art",    "article", "section", "sect",
                                      "sec",  "fig",   "figure", "col",     "cols",    "column",
                                      "line", "lines", "op",     NULL};

static const char *const ordinals[] = {"st", "nd", "rd", "th", "d", NULL};

/* A capitalised month name at token i, an abbreviation with its dot if
** it has one. Sets *m; returns the index after it, or 0. */
static size_t month_at(Lexer *p, size_t i, int *m) {
  size_t k;
  if (kind(p, i) != K_WORD || !capital(p, i)) return 0;
  for (k = 0; k < sizeof(months) / sizeof(months[0]); k++) {
    if (wordis(p, i, months[k].name)) {
      *m = months[k].m;
      if (months[k].abbr && kind(p, i + 1) == K_DOT && touches(p, i + 1)) return i + 2;
      return i + 1;
    }
  }
  return 0;
}

/* whether what follows number token i (ending at index j) continues it
** as a bigger number or a word: "1905s", "1905,000", "1905.5", "1905/06" */
static int continued(Lexer *p, size_t j) {
  int k = kind(p, j);
  if (!touches(p, j)) return 0;
  if (k == K_WORD || k == K_NUM || k == K_SIGN) return 1;
  if ((k == K_COMMA || k == K_DOT || k == K_OTHER || k == K_DASH) && touches(p, j + 1) &&
      kind(p, j + 1) == K_NUM)
    return 1;
  return 0;
}

/* A day at token i: 1 or 2 digits, 1 to 31, with an ordinal suffix if
** any ("9th"). Sets *d; returns the index after it, or 0. */
static size_t day_at(Lexer *p, size_t i, int *d) {
  size_t j = i + 1;
  if (kind(p, i) != K_NUM || ndig(p, i) > 2 || val(p, i) < 1 || val(p, i) > 31) return 0;
  if (kind(p, j) == K_WORD && touches(p, j)) {
    if (!wordin(p, j, ordinals)) return 0;
    j++;
  }
  if (kind(p, j) != K_DASH && continued(p, j)) return 0;
  *d = (int)val(p, i);
  return j;
}

/* A year at token i: 4 digits, 1500 to 2099, not continued as a bigger
** number or a word (a touching dash is the caller's business). Sets *y;
** returns the index after it, or 0. */
static size_t year_at(Lexer *p, size_t i, int *y) {
  if (kind(p, i) != K_NUM || ndig(p, i) != 4 || val(p, i) < 1500 || val(p, i) > 2099) return 0;
  if (kind(p, i + 1) != K_DASH && continued(p, i + 1)) return 0;
  *y = (int)val(p, i);
  return i + 1;
}

/* a year after an optional comma: ", 1905" or " 1905" */
static size_t year_after(Lexer *p, size_t i, int *y) {
  if (kind(p, i) == K_COMMA) i++;
  return year_at(p, i, y);
}

/* whether number token i may open a date: not part of a bigger number
** or word, not a reference such as "No. 5", "p. 310", "page 199" */
static int free_left(Lexer *p, size_t i) {
  size_t j;
  int k;
  if (i == 0) return 1;
  j = i - 1;
  k = kind(p, j);
  if (k == K_SIGN) return 0;
  if (touches(p, i)) {
    if (k == K_WORD || k == K_NUM) return 0;
    if ((k == K_COMMA || k == K_DOT || k == K_OTHER || k == K_DASH) && touches(p, j) && j > 0 &&
        kind(p, j - 1) == K_NUM)
      return 0;
  }
  if (k == K_DOT && touches(p, j) && j > 0) j--;
  if (texteq(p, j, "p") || texteq(p, j, "pp")) return 0; /* not "P." */
  return !wordin(p, j, notdate);
}

/* a range separator at i (hyphen, dash, "to"); the index after, or 0 */
static size_t sep_at(Lexer *p, size_t i) {
  if (kind(p, i) == K_DASH) return i + 1;
  if (wordis(p, i, "to")) return i + 1;
  return 0;
}

/* "and" at i joining two days in a row of one month ("March 3 and 4,
** 1918", "2 and 3 November 1905"): the index after, or 0. The caller
** checks that a bare day follows, the day after the first (d2 == d1 + 1:
** "April 21 and 28" names two days, not the week between them, and stays
** unread but for its year); a month after "and" makes two dates ("August
** and November 1905", see joined_at). */
static size_t andday_at(Lexer *p, size_t i) {
  return wordis(p, i, "and") ? i + 1 : 0;
}

/* ------------------------------------------------------------------ */
/* Readings                                                            */
/* ------------------------------------------------------------------ */

/* A point in time at some precision: the zero fields were not given. */
typedef struct Point {
  int y, m, d;
} Point;

/* A date as parsed: the main reading and the one in brackets. */
typedef struct Cand {
  Point a[2], b[2]; /* main reading, bracketed reading */
  int na, nb;       /* points in each (1 or 2); nb == 0 without a bracket */
  size_t ts, te;    /* tokens [ts, te) */
  int prec;         /* set by settle: 1 year, 2 month, 3 day */
} Cand;

enum { S_NO, S_OK, S_BAD }; /* no date here; a date; a date with a bad day */

#define TOLERANCE 3 /* days by which the two readings of a day may differ */

/* orders two complete points of the same precision */
static int ptcmp(Point a, Point b) {
  if (a.y != b.y) return a.y < b.y ? -1 : 1;
  if (a.m != b.m) return a.m < b.m ? -1 : 1;
  if (a.d != b.d) return a.d < b.d ? -1 : 1;
  return 0;
}

/* q moved by k months (|k| <= 12) */
static Point addmonth(Point q, int k) {
  q.m += k;
  if (q.m < 1) {
    q.m += 12;
    q.y--;
  } else if (q.m > 12) {
    q.m -= 12;
    q.y++;
  }
  return q;
}

/* the precision of a point */
static int precof(Point q) {
  return q.d ? 3 : q.m ? 2 : 1;
}

/* whether the first day of q is before the change of calendar */
static int oldstyle(Point q) {
  Point c;
  c.y = LL_NS_YEAR;
  c.m = LL_NS_MONTH;
  c.d = LL_NS_DAY;
  q.m = q.m ? q.m : 1;
  q.d = q.d ? q.d : 1;
  return ptcmp(q, c) < 0;
}

/* Completes the bracketed reading b of the complete main point a and
** decides which of the two is old style: the earlier. want is 1 when b
** must be the old style, 0 when a must, -1 either. Returns how many days
** the readings miss each other by (0 when exact), or -1 when nothing
** fits; sets *out and *bos. */
static long pairfit(Point a, Point b, int prec, int want, Point *out, int *bos) {
  Point c[3];
  int nc = 0, i;
  long best = -1;
  if (b.m == 0) { /* a day alone: this month, the one before or after */
    Point q = a;
    if (prec != 3 || b.d == 0) return -1;
    q.d = b.d;
    c[nc++] = addmonth(q, -1);
    c[nc++] = q;
    c[nc++] = addmonth(q, 1);
  } else if ((prec == 3) != (b.d != 0)) {
    return -1;
  } else if (b.y == 0) {
    for (i = -1; i <= 1; i++) {
      c[nc] = b;
      c[nc++].y = a.y + i;
    }
  } else {
    c[nc++] = b;
  }
  for (i = 0; i < nc; i++) {
    int cmp = ptcmp(c[i], a), altos = cmp < 0;
    Point os, ns;
    long err;
    if (cmp == 0 || (want >= 0 && altos != want)) continue;
    os = altos ? c[i] : a;
    ns = altos ? a : c[i];
    if (os.y < 1 || ns.y > 9999) continue;
    if (prec == 3) {
      if (!isdate(os.y, os.m, os.d, JULIAN) || !isdate(ns.y, ns.m, ns.d, GREGORIAN)) continue;
      err = labs(jdn(ns.y, ns.m, ns.d, GREGORIAN) - jdn(os.y, os.m, os.d, JULIAN));
      if (err > TOLERANCE) continue;
    } else {
      if ((long)ns.y * 12 + ns.m - ((long)os.y * 12 + os.m) != 1) continue;
      err = 0;
    }
    if (best < 0 || err < best) {
      best = err;
      *out = c[i];
      *bos = altos;
    }
  }
  return best;
}

/* Writes q into out[11] in ISO form at precision prec. */
static void iso(char *out, Point q, int prec) {
  int y = q.y < 0 ? 0 : q.y > 9999 ? 9999 : q.y;
  out[0] = (char)('0' + y / 1000);
  out[1] = (char)('0' + y / 100 % 10);
  out[2] = (char)('0' + y / 10 % 10);
  out[3] = (char)('0' + y % 10);
  out[4] = '\0';
  if (prec >= 2) {
    out[4] = '-';
    out[5] = (char)('0' + q.m / 10);
    out[6] = (char)('0' + q.m % 10);
    out[7] = '\0';
  }
  if (prec >= 3) {
    out[7] = '-';
    out[8] = (char)('0' + q.d / 10);
    out[9] = (char)('0' + q.d % 10);
    out[10] = '\0';
  }
}

/* The readings of a date in both calendars: the first and the last point
** of each, and which calendars the text gives. */
typedef struct Styles {
  Point os[2], ns[2];
  int hasos, hasns;
} Styles;

/* Fills in what a range leaves to be understood: the month of the day
** after a dash ("2-4"), the year of either point from the other's. S_NO
** when its two points differ in precision. */
static int fillrange(Point *a, int prec) {
  if (a[1].m == 0 && a[1].d != 0) a[1].m = a[0].m; /* "2-4" */
  if (precof(a[1]) != prec || (a[1].m == 0 && prec > 1)) return S_NO;
  if (a[1].y == 0 && a[0].y != 0) {
    a[1].y = a[0].y;
    if (ptcmp(a[1], a[0]) < 0) a[1].y++;
  } else if (a[0].y == 0 && a[1].y != 0) {
    a[0].y = a[1].y;
    if (ptcmp(a[0], a[1]) > 0) a[0].y--;
  }
  return S_OK;
}

/* A date given in one calendar: old style before the switch (and the
** new style worked out from it for a day), new style after. */
static int onestyle(const Cand *c, int prec, Styles *st) {
  int old, k;
  if (c->a[0].y == 0) return S_NO;
  if (c->na == 2 && ptcmp(c->a[0], c->a[1]) >= 0) return S_NO;
  old = oldstyle(c->a[0]);
  for (k = 0; k < c->na; k++) {
    Point q = c->a[k];
    if (prec == 3 && !isdate(q.y, q.m, q.d, old ? JULIAN : GREGORIAN)) return S_BAD;
    if (old) {
      st->os[k] = q;
      if (prec == 3) {
        ll_julian_to_gregorian(q.y, q.m, q.d, &st->ns[k].y, &st->ns[k].m, &st->ns[k].d);
        st->hasns = 1;
      }
    } else {
      st->ns[k] = q;
    }
  }
  st->hasos = old;
  st->hasns = st->hasns || !old;
  return S_OK;
}

/* Dual dating: the main reading and the bracketed one, paired point by
** point, each pair in either order (old style first, or new), the pairs
** that fit best kept. When the year is in the bracket only, the main
** reading's is tried as the bracket's, give or take one. */
static int dualstyle(const Cand *c, int prec, Styles *st) {
  Point got[2];
  int tries, t, k, bos = 0, gotbos = 0, ybase = 0;
  long besterr = -1;
  if (prec == 1) return S_NO;
  if (c->a[0].y == 0) { /* the year is in the bracket only */
    ybase = c->b[c->nb - 1].y ? c->b[c->nb - 1].y : c->b[0].y;
    if (ybase == 0) return S_NO;
  }
  tries = ybase ? 3 : 1;
  for (t = 0; t < tries; t++) {
    Point a[2];
    long err = 0, e;
    int want = -1;
    a[0] = c->a[0];
    a[1] = c->a[1];
    if (ybase) { /* the main reading's year: the bracket's, give or take one */
      a[0].y = ybase - 1 + t;
      if (c->na == 2) {
        a[1].y = a[0].y;
        if (ptcmp(a[1], a[0]) < 0) a[1].y++;
      }
    }
    for (k = 0; k < c->na && err >= 0; k++) {
      e = pairfit(a[k], c->b[k], prec, want, &got[k], &gotbos);
      err = e < 0 ? -1 : err + e;
      want = gotbos;
    }
    if (err >= 0 && (besterr < 0 || err < besterr)) {
      besterr = err;
      bos = gotbos;
      for (k = 0; k < c->na; k++) {
        st->os[k] = bos ? got[k] : a[k];
        st->ns[k] = bos ? a[k] : got[k];
      }
    }
  }
  if (besterr < 0) return S_NO;
  if (c->na == 2 && (ptcmp(st->os[0], st->os[1]) >= 0 || ptcmp(st->ns[0], st->ns[1]) >= 0))
    return S_NO;
  st->hasos = st->hasns = 1;
  return S_OK;
}

/* Fills in what the text leaves to be understood (the month of the day
** after a dash, the year of the first point of a range, the bracketed
** reading's month and year), checks the days and decides the calendars.
** On S_OK writes the readings into d (pos and len are the caller's). */
static int settle(Cand *c, ll_Date *d) {
  Styles st;
  int prec, k, r;
  if (c->na < 1 || c->na > 2 || c->nb < 0 || c->nb > c->na) return S_NO;
  if (c->nb == 1 && c->na == 2) return S_NO;
  prec = precof(c->a[0]);
  if (c->na == 2 && fillrange(c->a, prec) != S_OK) return S_NO;
  for (k = 0; k < c->na; k++) /* no date with a day no month has */
    if (prec == 3 && (c->a[k].d > mdays(2000, c->a[k].m, JULIAN))) return S_BAD;
  c->prec = prec;
  st.hasos = st.hasns = 0;
  r = c->nb == 0 ? onestyle(c, prec, &st) : dualstyle(c, prec, &st);
  if (r != S_OK) return r;
  memset(d->os_first, 0, sizeof d->os_first);
  memset(d->os_last, 0, sizeof d->os_last);
  memset(d->ns_first, 0, sizeof d->ns_first);
  memset(d->ns_last, 0, sizeof d->ns_last);
  if (st.hasos) {
    iso(d->os_first, st.os[0], prec);
    iso(d->os_last, st.os[c->na - 1], prec);
  }
  if (st.hasns) {
    iso(d->ns_first, st.ns[0], prec);
    iso(d->ns_last, st.ns[c->na - 1], prec);
  }
  return S_OK;
}

/* ------------------------------------------------------------------ */
/* Date forms                                                          */
/* ------------------------------------------------------------------ */

/* A point: "November 2", "Nov. 2nd", "2 November", "9th of January",
** "9 (22) January", "November"; with dayonly also a bare day ("4" after
** a dash). Sets *q (without a year) and *alt to a bracketed day before
** the month ("9 (22) January"), else 0. Returns the index after, or 0. */
static size_t point_at(Lexer *p, size_t i, int dayonly, Point *q, int *alt) {
  size_t j, k;
  int m, d, a = 0;
  q->y = q->m = q->d = 0;
  *alt = 0;
  if ((j = month_at(p, i, &m)) != 0) {
    q->m = m;
    if ((k = day_at(p, j, &d)) != 0) {
      q->d = d;
      return k;
    }
    return j;
  }
  if ((j = day_at(p, i, &d)) == 0) return 0;
  q->d = d;
  k = j;
  if (kind(p, k) == K_LPAR) {
    size_t e = day_at(p, k + 1, &a);
    if (e != 0 && kind(p, e) == K_RPAR)
      k = e + 1;
    else
      a = 0;
  }
  if (wordis(p, k, "of")) k++;
  if ((k = month_at(p, k, &m)) != 0) {
    q->m = m;
    *alt = a;
    return k;
  }
  return dayonly ? j : 0;
}

/* The other calendar's reading in round brackets at i: "(31)", "(May
** 19)", "(15-17)", "(November 9)", "(January 2, 1906)"; a bare day first
** only when dayonly. Sets b[0 .. *nb-1]; returns the index after ")", or
** 0 (b and *nb then mean nothing). */
static size_t bracket_at(Lexer *p, size_t i, int dayonly, Point *b, int *nb) {
  size_t j, k;
  int a, y;
  if (kind(p, i) != K_LPAR) return 0;
  if ((j = point_at(p, i + 1, dayonly, &b[0], &a)) == 0 || a) return 0;
  if ((k = year_after(p, j, &y)) != 0) {
    b[0].y = y;
    j = k;
  }
  *nb = 1;
  if (((k = sep_at(p, j)) != 0 && (k = point_at(p, k, 1, &b[1], &a)) != 0 && !a) ||
      (b[0].d != 0 && b[0].y == 0 && (k = andday_at(p, j)) != 0 &&
       (k = point_at(p, k, 1, &b[1], &a)) != 0 && !a && b[1].m == 0 && b[1].d == b[0].d + 1)) {
    j = k;
    if ((k = year_after(p, j, &y)) != 0) {
      b[1].y = y;
      j = k;
    }
    *nb = 2;
  }
  if (kind(p, j) != K_RPAR) return 0;
  return j + 1;
}

/* One end of a spoken date. */
typedef struct DateEnd {
  Point q;    /* the point, with its year if the text gives one */
  Point b[2]; /* the bracketed reading, if nb > 0 */
  int nb;
  size_t end; /* the index after it all */
  size_t cut; /* when a bracket follows the year: the index after the
                 year, so the date can be read without the bracket */
} DateEnd;

/* An endpoint at i: a point, its year and a bracket with the other
** reading, the year before or after the bracket ("May 18 (31), 1917",
** "December 20, 1905 (January 2, 1906)"). Returns e->end, or 0. */
static size_t endpoint_at(Lexer *p, size_t i, int dayonly, DateEnd *e) {
  size_t j, k;
  int a, y;
  memset(e, 0, sizeof *e);
  if ((j = point_at(p, i, dayonly, &e->q, &a)) == 0) return 0;
  if (a != 0) { /* "9 (22) January" */
    e->b[0].d = a;
    e->nb = 1;
    if ((k = year_after(p, j, &y)) != 0) {
      e->q.y = y;
      j = k;
    }
  } else if ((k = year_after(p, j, &y)) != 0) {
    e->q.y = y;
    j = k;
    if ((k = bracket_at(p, j, 0, e->b, &e->nb)) != 0) {
      e->cut = j;
      j = k;
    } else {
      e->nb = 0;
    }
  } else if ((k = bracket_at(p, j, 1, e->b, &e->nb)) != 0) {
    j = k;
    if ((k = year_after(p, j, &y)) != 0) {
      e->q.y = y;
      j = k;
    }
  } else {
    e->nb = 0;
  }
  e->end = j;
  return j;
}

/* a fresh candidate appended to v */
static Cand *newcand(Cand *v, int *nv, size_t ts) {
  Cand *c = &v[(*nv)++];
  memset(c, 0, sizeof *c);
  c->ts = ts;
  return c;
}

/* Spoken dates at i ("May 18 (31), 1917", "November 2-4, 1905", "9
** January 1905", "October 27 (November 9) to December 3 (16), 1905",
** "May-June 1905"): appends up to 4 readings to v, longest first. */
static void spoken_at(Lexer *p, size_t i, Cand *v, int *nv) {
  DateEnd e1, e2;
  size_t s;
  int cut;
  Cand *c;
  if (endpoint_at(p, i, 0, &e1) == 0) return;
  if (((s = sep_at(p, e1.end)) != 0 && endpoint_at(p, s, 1, &e2) != 0) ||
      (e1.q.d != 0 && e1.q.y == 0 && (s = andday_at(p, e1.end)) != 0 &&
       endpoint_at(p, s, 1, &e2) != 0 && e2.q.m == 0 && e2.q.d == e1.q.d + 1)) {
    for (cut = 0; cut < 2; cut++) {
      int nb2 = cut ? 0 : e2.nb;
      if (cut && e2.cut == 0) break;
      c = newcand(v, nv, i);
      c->a[0] = e1.q;
      c->a[1] = e2.q;
      c->na = 2;
      c->te = cut ? e2.cut : e2.end;
      if (e1.nb == 1 && nb2 == 1) { /* a bracket after each end */
        c->b[0] = e1.b[0];
        c->b[1] = e2.b[0];
        c->nb = 2;
      } else if (e1.nb == 0 && nb2 == 2) { /* one after the range */
        c->b[0] = e2.b[0];
        c->b[1] = e2.b[1];
        c->nb = 2;
      } else if (e1.nb != 0 || nb2 != 0) {
        (*nv)--; /* brackets that do not pair up */
      }
    }
  }
  if (e1.nb <= 1) {
    c = newcand(v, nv, i);
    c->a[0] = e1.q;
    c->na = 1;
    c->b[0] = e1.b[0];
    c->nb = e1.nb;
    c->te = e1.end;
  }
  if (e1.cut != 0) {
    c = newcand(v, nv, i);
    c->a[0] = e1.q;
    c->na = 1;
    c->te = e1.cut;
  }
}

/* Days before their month, as a range: "2-4 November 1905", "2-4
** (15-17) November 1905". Appends a reading to v. */
static void dayspan_at(Lexer *p, size_t i, Cand *v, int *nv) {
  size_t j, k, e;
  int d1, d2, d3, d4, m, y, joined; /* joined: the days by "and" */
  Cand *c;
  if ((j = day_at(p, i, &d1)) == 0) return;
  joined = (k = sep_at(p, j)) == 0;
  if ((joined && (k = andday_at(p, j)) == 0) || (j = day_at(p, k, &d2)) == 0 ||
      (joined && d2 != d1 + 1))
    return;
  c = newcand(v, nv, i);
  if (kind(p, j) == K_LPAR && (e = day_at(p, j + 1, &d3)) != 0 &&
      (k = joined ? andday_at(p, e) : sep_at(p, e)) != 0 && (k = day_at(p, k, &d4)) != 0 &&
      kind(p, k) == K_RPAR && (!joined || d4 == d3 + 1)) {
    c->b[0].d = d3;
    c->b[1].d = d4;
    c->nb = 2;
    j = k + 1;
  }
  if ((j = month_at(p, j, &m)) == 0) {
    (*nv)--;
    return;
  }
  c->a[0].m = c->a[1].m = m;
  c->a[0].d = d1;
  c->a[1].d = d2;
  c->na = 2;
  if ((k = year_after(p, j, &y)) != 0) {
    c->a[1].y = y;
    j = k;
  }
  c->te = j;
}

/* whether a dash touching both sides joins the token before i to a
** number at i+1: "1905-123" */
static int dashnum(Lexer *p, size_t i) {
  return kind(p, i) == K_DASH && touches(p, i) && touches(p, i + 1) && kind(p, i + 1) == K_NUM;
}

/* The day in ISO form: "1905-11-15". Appends a reading to v. */
static void isoday_at(Lexer *p, size_t i, Cand *v, int *nv) {
  size_t k;
  Cand *c;
  if (kind(p, i) != K_NUM || ndig(p, i) != 4 || val(p, i) < 1500 || val(p, i) > 2099) return;
  for (k = 1; k <= 3; k += 2) {
    if (!dashnum(p, i + k) || tbyte(p, i + k) != '-' || ndig(p, i + k + 1) != 2) return;
  }
  if (val(p, i + 2) < 1 || val(p, i + 2) > 12 || val(p, i + 4) < 1 || continued(p, i + 5)) return;
  c = newcand(v, nv, i);
  c->a[0].y = (int)val(p, i);
  c->a[0].m = (int)val(p, i + 2);
  c->a[0].d = (int)val(p, i + 4);
  c->na = 1;
  c->te = i + 5;
}

/* Day, month and year joined by dots, the month in Roman figures (spaces
** allowed after the dots) or Arabic (none): "12.I.1916", "12. I. 1916",
** "12.1.1916", "10 (22).4.1870". Appends a reading to v. */
static void dotted_at(Lexer *p, size_t i, Cand *v, int *nv) {
  size_t j = i + 1, e;
  int m = 0, alt = 0, rom = 0, y, k;
  Cand *c;
  if (kind(p, i) != K_NUM || ndig(p, i) > 2 || val(p, i) < 1 || val(p, i) > 31) return;
  if (kind(p, j) == K_LPAR && kind(p, j + 1) == K_NUM && ndig(p, j + 1) <= 2 &&
      val(p, j + 1) >= 1 && val(p, j + 1) <= 31 && kind(p, j + 2) == K_RPAR) {
    alt = (int)val(p, j + 1);
    j += 3;
  }
  if (kind(p, j) != K_DOT || !touches(p, j)) return;
  j++;
  if (kind(p, j) == K_WORD) {
    for (k = 0; k < 12 && m == 0; k++)
      if (texteq(p, j, roman[k])) m = k + 1;
    rom = 1;
  } else if (kind(p, j) == K_NUM && touches(p, j) && ndig(p, j) <= 2 && val(p, j) >= 1 &&
             val(p, j) <= 12) {
    m = (int)val(p, j);
  }
  if (m == 0 || kind(p, j + 1) != K_DOT || !touches(p, j + 1)) return;
  j += 2;
  if ((!rom && !touches(p, j)) || (e = year_at(p, j, &y)) == 0 || dashnum(p, e)) return;
  c = newcand(v, nv, i);
  c->a[0].y = y;
  c->a[0].m = m;
  c->a[0].d = (int)val(p, i);
  c->na = 1;
  c->b[0].d = alt;
  c->nb = alt ? 1 : 0;
  c->te = e;
}

/* Years: "1905", "1905-07", "1905–07", "1925-6", "1917—1921" (every dash: -, –, —), "1917 to 1921",
** "[1977]". A year that a touching dash joins to a number that is no
** end of its range is no date ("1905-123"). Appends a reading to v. */
static void years_at(Lexer *p, size_t i, Cand *v, int *nv) {
  size_t j, k, e, ts = i;
  int y1, y2 = 0;
  Cand *c;
  if (kind(p, i) == K_LBRK && touches(p, i + 1)) i++;
  if ((j = year_at(p, i, &y1)) == 0) return;
  if ((k = sep_at(p, j)) != 0) {
    if (dashnum(p, j) && ndig(p, k) == 2) { /* "1905-07" */
      y2 = y1 / 100 * 100 + (int)val(p, k);
      if (y2 <= y1) y2 += 100;
      if (y2 - y1 >= 100 || continued(p, k + 1)) return;
      j = k + 1;
    } else if (dashnum(p, j) && ndig(p, k) == 1) { /* "1925-6", within a decade */
      y2 = y1 / 10 * 10 + (int)val(p, k);
      if (y2 <= y1 || continued(p, k + 1)) return;
      j = k + 1;
    } else if ((e = year_at(p, k, &y2)) != 0 && !dashnum(p, e) && y2 > y1) { /* "1917-1921" */
      j = e;
    } else if (dashnum(p, j)) {
      return;
    } else {
      y2 = 0;
    }
  }
  if (ts < i) { /* "[1977]" keeps its brackets */
    if (kind(p, j) == K_RBRK)
      j++;
    else
      ts = i;
  }
  c = newcand(v, nv, ts);
  c->a[0].y = y1;
  c->na = 1;
  if (y2 != 0) {
    c->a[1].y = y2;
    c->na = 2;
  }
  c->te = j;
}

static const char *const phases[] = {"end",    "beginning", "middle", "start",  "close",  "turn",
                                     "autumn", "fall",      "spring", "summer", "winter", NULL};
static const char *const parts1[] = {"first", "second", "latter", "last", "early", NULL};
static const char *const parts2[] = {"half", "part", "days", "weeks", "months", NULL};

/* A phrase that qualifies a year or month after it: "the end of",
** "beginning of", "the first half of", "early in", "Late in", "mid-",
** "early". Returns the index after it, or 0. */
static size_t qual_at(Lexer *p, size_t i) {
  size_t j = i;
  if (wordis(p, j, "the")) j++;
  if (wordin(p, j, phases)) {
    j++;
  } else if (wordin(p, j, parts1) && wordin(p, j + 1, parts2)) {
    j += 2;
  } else if (j == i && (wordis(p, j, "early") || wordis(p, j, "late"))) {
    return wordis(p, j + 1, "in") ? j + 2 : j + 1;
  } else if (j == i && wordis(p, j, "mid")) {
    return (kind(p, j + 1) == K_DASH && touches(p, j + 1)) ? j + 2 : j + 1;
  } else {
    return 0;
  }
  return wordis(p, j, "of") ? j + 1 : 0;
}

#define MAXCAND 8

/* The date that starts at token i, in any form, its longest reading
** first. Returns S_*; on S_OK and S_BAD *c is the reading, on S_OK d too. */
static int core_at(Lexer *p, size_t i, Cand *c, ll_Date *d) {
  Cand v[MAXCAND];
  int nv = 0, k, r;
  switch (kind(p, i)) {
    case K_NUM:
      if (!free_left(p, i)) return S_NO;
      isoday_at(p, i, v, &nv);
      dotted_at(p, i, v, &nv);
      dayspan_at(p, i, v, &nv);
      spoken_at(p, i, v, &nv);
      years_at(p, i, v, &nv);
      break;
    case K_WORD:
      spoken_at(p, i, v, &nv);
      break;
    case K_LBRK:
      years_at(p, i, v, &nv);
      break;
    default:
      return S_NO;
  }
  for (k = 0; k < nv; k++) {
    if ((r = settle(&v[k], d)) != S_NO) {
      *c = v[k];
      return r;
    }
  }
  return S_NO;
}

/* A month, or month and day, without a year, joined by "and" or "or" to
** a date that has one: "August and November 1905". Reads the first. */
static int joined_at(Lexer *p, size_t i, Cand *c, ll_Date *d) {
  Point q;
  int a;
  size_t j;
  Cand next;
  if (kind(p, i) != K_WORD || (j = point_at(p, i, 0, &q, &a)) == 0 || a) return S_NO;
  if (!wordis(p, j, "and") && !wordis(p, j, "or")) return S_NO;
  if (core_at(p, j + 1, &next, d) != S_OK || next.prec != precof(q) || next.a[0].y == 0)
    return S_NO;
  q.y = next.a[0].y;
  if (ptcmp(q, next.a[0]) > 0) q.y--;
  memset(c, 0, sizeof *c);
  c->a[0] = q;
  c->na = 1;
  c->ts = i;
  c->te = j;
  return settle(c, d);
}

/* The date at token i: a qualifier and the year or month it qualifies, a
** date, or a point joined to a date. Returns S_*, with *c and *d as in
** core_at. */
static int date_at(Lexer *p, size_t i, Cand *c, ll_Date *d) {
  size_t q = qual_at(p, i);
  int r;
  if (q != 0 && core_at(p, q, c, d) == S_OK && c->prec <= 2) {
    c->ts = i;
    return S_OK;
  }
  if ((r = core_at(p, i, c, d)) == S_NO) r = joined_at(p, i, c, d);
  return r;
}

/* The scan: at each token the longest date that starts there, then on
** past it; the tokens of a date with a bad day are skipped whole
** (contract in lldate.h). */
int ll_dates_find(ll_Mem *m, const char *s, size_t len, ll_Vec *out) {
  Lexer p;
  size_t i = 0, n0 = out->n;
  if (out->esz != sizeof(ll_Date)) return LL_ERRINPUT;
  p.s = s;
  p.len = len;
  p.at = 0;
  p.sp = 1;
  p.nl = 0;
  p.n = 0;
  p.lo = 0;
  while (kind(&p, i) != K_END) {
    Cand c;
    ll_Date d;
    int r;
    p.lo = i > 4 ? i - 4 : 0; /* free_left looks back 3 tokens */
    r = date_at(&p, i, &c, &d);
    if (r == S_NO) {
      i++;
      continue;
    }
    if (r == S_OK) {
      ll_Date *slot = (ll_Date *)ll_vec_push(m, out);
      if (slot == NULL) {
        out->n = n0;
        return LL_ERRMEM;
      }
      d.pos = tk(&p, c.ts)->s;
      d.len = tk(&p, c.te - 1)->e - d.pos;
      *slot = d;
    }
    i = c.te;
  }
  return LL_OK;
}
