/*
** llcite.c: citations in notes.
** Reads the cross-references to printed works in a note paragraph
** ("See present edition, Vol. 5, pp. 451-67", "Marx and Engels, Selected
** Works, Moscow, 1962, Vol. I, p. 581", "pp. 118-19 and 126") into
** ll_Cite records: the text as written, the work or the present edition,
** the volume (Roman numerals read) and every page range.
*/
#include <string.h>

#include "ll.h"

/* The working state of one paragraph's reading. */
typedef struct CiteRead {
  ll_Mem *m;
  ll_Arena *a;
  const char *s;
  size_t n;
  const ll_Source *src;
  ll_Vec ranges; /* long pairs of the citation being read */
  int status;
} CiteRead;

static int startswith(const char *s, size_t n, const char *pre) {
  size_t k = strlen(pre);
  return n >= k && memcmp(s, pre, k) == 0;
}

static int isalpha8(unsigned char c) {
  return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || c >= 0x80;
}

static int isupper8(unsigned char c) {
  return c >= 'A' && c <= 'Z';
}

static size_t digitsat(const char *s, size_t i, size_t n) {
  size_t j = i;
  while (j < n && s[j] >= '0' && s[j] <= '9') j++;
  return j - i;
}

static long numat(const char *s, size_t i, size_t k) {
  long v = 0;
  size_t j;
  for (j = 0; j < k; j++) v = v * 10 + (s[i + j] - '0');
  return v;
}

static size_t skipsp(const char *s, size_t i, size_t n) {
  for (;;) {
    if (i < n && s[i] == ' ')
      i++;
    else if (i + 1 < n && (unsigned char)s[i] == 0xC2 && (unsigned char)s[i + 1] == 0xA0)
      i += 2;
    else
      return i;
  }
}

/* length of a dash at s[i]: '-', or U+2010 to U+2014, or U+2212; else 0 */
static size_t dashat(const char *s, size_t i, size_t n) {
  if (i < n && s[i] == '-') return 1;
  if (i + 2 < n && (unsigned char)s[i] == 0xE2 && (unsigned char)s[i + 1] == 0x80 &&
      (unsigned char)s[i + 2] >= 0x90 && (unsigned char)s[i + 2] <= 0x94)
    return 3;
  if (i + 2 < n && (unsigned char)s[i] == 0xE2 && (unsigned char)s[i + 1] == 0x88 &&
      (unsigned char)s[i + 2] == 0x92)
    return 3;
  return 0;
}

/* If a volume word ("Vol.", "Volume", "vol.") and a volume number stand at
** s[k], returns the offset after the number and sets *v; else 0. */
static size_t volat(const char *s, size_t k, size_t n, long *v) {
  size_t j, l;
  if (k > 0 && isalpha8((unsigned char)s[k - 1])) return 0;
  if (startswith(s + k, n - k, "Volume"))
    j = k + 6;
  else if (startswith(s + k, n - k, "Vol.") || startswith(s + k, n - k, "vol."))
    j = k + 4;
  else
    return 0;
  if (s[j - 1] != '.' && j < n && isalpha8((unsigned char)s[j])) return 0;
  j = skipsp(s, j, n);
  l = ll_volnum(s + j, n - j, v);
  if (l == 0 || (s[j] >= '0' && s[j] <= '9' && l > 4)) return 0;
  return j + l;
}

/* If a page word ("p.", "pp.", "P.", "page", "pages") and a page number (one
** to five digits, as readranges reads them) stand at s[k], returns the
** offset of the digit; else 0. */
static size_t pagesat(const char *s, size_t k, size_t n) {
  size_t j, d;
  if (k > 0 && isalpha8((unsigned char)s[k - 1])) return 0;
  if (startswith(s + k, n - k, "pp.") || startswith(s + k, n - k, "Pp."))
    j = k + 3;
  else if (startswith(s + k, n - k, "p.") || startswith(s + k, n - k, "P."))
    j = k + 2;
  else if (startswith(s + k, n - k, "pages "))
    j = k + 6;
  else if (startswith(s + k, n - k, "page "))
    j = k + 5;
  else
    return 0;
  j = skipsp(s, j, n);
  d = digitsat(s, j, n);
  return d > 0 && d <= 5 ? j : 0;
}

/* "600-03" is 600 to 603: a last page with fewer digits than the first
** shares the first page's leading digits. */
static long expand(long first, size_t kfirst, long last, size_t klast) {
  long base = 1, cand;
  size_t i;
  if (klast >= kfirst) return last;
  for (i = 0; i < klast; i++) base *= 10;
  cand = first - first % base + last;
  if (cand < first) cand += base;
  return cand;
}

static void pushrange(CiteRead *c, long first, long last) {
  long *r = (long *)ll_vec_push(c->m, &c->ranges);
  long *r2 = r != NULL ? (long *)ll_vec_push(c->m, &c->ranges) : NULL;
  if (r2 == NULL) {
    c->status = LL_ERRMEM;
    return;
  }
  r = (long *)c->ranges.p + c->ranges.n - 2;
  r[0] = first;
  r[1] = last;
}

/* Reads the page ranges from s[j] ("118-19 and 126", "108-09, 117-18,
** 116", "600—03") into c->ranges; returns the offset after the last. */
static size_t readranges(CiteRead *c, size_t j) {
  const char *s = c->s;
  size_t n = c->n, e = j;
  for (;;) {
    size_t k = digitsat(s, j, n), dl, k2, q;
    long first, last;
    if (k == 0 || k > 5) break;
    first = last = numat(s, j, k);
    e = j + k;
    dl = dashat(s, e, n);
    if (dl > 0 && (k2 = digitsat(s, e + dl, n)) > 0 && k2 <= 5) {
      last = expand(first, k, numat(s, e + dl, k2), k2);
      e += dl + k2;
    }
    pushrange(c, first, last);
    if (c->status != LL_OK) break;
    /* another range after ", ", " and " or " & " */
    if (e < n && s[e] == ',')
      q = skipsp(s, e + 1, n);
    else if (startswith(s + e, n - e, " and "))
      q = e + 5;
    else if (startswith(s + e, n - e, " & "))
      q = e + 3;
    else
      break;
    k = digitsat(s, q, n);
    if (k == 0 || k > 5) break;
    /* "p. 26, 1962": a year is no page */
    if (k == 4 && (s[q] == '1' || s[q] == '2') && dashat(s, q + 4, n) == 0 &&
        numat(s, q, 4) >= 1800 && numat(s, q, 4) < 2100)
      break;
    if (k < n - q && isalpha8((unsigned char)s[q + k])) break; /* "2nd" */
    j = q;
  }
  return e;
}

static const char *const places[] = {
    "Moscow",    "Petrograd", "Leningrad", "London",         "Berlin",   "Paris",     "New York",
    "Stuttgart", "Geneva",    "Zurich",    "Vienna",         "Hamburg",  "Leipzig",   "Munich",
    "Turin",     "Rome",      "Milan",     "Chicago",        "Oxford",   "Cambridge", "Bombay",
    "Calcutta",  "Peking",    "Tokyo",     "St. Petersburg", "Russ. ed", "Russ. ed.", NULL};

/* Is s[a, e) a place or a year that stands between a work and its volume
** or between a volume and its pages ("Moscow", "1962", "Moscow/London
** 1960-70", "Russ. ed.")? */
static int placeyear(const char *s, size_t a, size_t e) {
  size_t k, digits = 0, letters = 0;
  while (a < e && s[a] == ' ') a++;
  while (e > a && s[e - 1] == ' ') e--;
  if (e == a || e - a > 30) return 0;
  for (k = 0; places[k] != NULL; k++)
    if (strlen(places[k]) == e - a && memcmp(places[k], s + a, e - a) == 0) return 1;
  for (k = a; k < e; k++) {
    if (s[k] >= '0' && s[k] <= '9')
      digits++;
    else if (isalpha8((unsigned char)s[k]))
      letters++;
  }
  /* a year, a span of years, or places with a year: "1956-68", "1975ff",
     "Moscow/London 1960-70" */
  if (digits >= 4) {
    for (k = a; k + 4 <= e; k++)
      if (digitsat(s, k, e) == 4 && (k == a || !(s[k - 1] >= '0' && s[k - 1] <= '9')) &&
          (s[k] == '1' || s[k] == '2'))
        break;
    if (k + 4 <= e) {
      for (k = a; k < e; k++)
        if (s[k] == '.' || s[k] == '(' || s[k] == ')') return 0;
      return 1;
    }
  }
  return 0;
}

/* Does s[a, e) say "the work cited before" ("Ibid.", "ibid", "op. cit.",
** "K. Marx/F. Engels, op. cit.")? */
static int isibid(const char *s, size_t a, size_t e) {
  if (startswith(s + a, e - a, "Ibid") || startswith(s + a, e - a, "ibid")) return 1;
  while (e > a && (s[e - 1] == '.' || s[e - 1] == ' ')) e--;
  return (e - a >= 7 && memcmp(s + e - 7, "op. cit", 7) == 0) ||
         (e - a >= 7 && memcmp(s + e - 7, "Op. cit", 7) == 0);
}

/* Does s[a, e) (lower case compared) name the present edition? */
static int presentphrase(const char *s, size_t a, size_t e) {
  static const char *const ph[] = {
      "present edition",    "the present edition", "this edition",    "this volume",
      "the present volume", "present volume",      "the present vol", NULL};
  size_t k, i;
  for (k = 0; ph[k] != NULL; k++) {
    size_t l = strlen(ph[k]);
    if (l != e - a) continue;
    for (i = 0; i < l; i++) {
      char ch = s[a + i];
      if (ch >= 'A' && ch <= 'Z') ch = (char)(ch - 'A' + 'a');
      if (ch != ph[k][i]) break;
    }
    if (i == l) return 1;
  }
  return 0;
}

/* The letters of s[a, e), lower case, with a possessive "'s" or "’s"
** dropped, into out (at most outsz - 1 bytes). */
static void letters(const char *s, size_t a, size_t e, char *out, size_t outsz) {
  size_t o = 0, k;
  for (k = a; k < e && o + 1 < outsz; k++) {
    unsigned char ch = (unsigned char)s[k];
    if (ch == '\'' && k + 1 < e && s[k + 1] == 's') {
      k++;
      continue;
    }
    if (ch == 0xE2 && k + 3 < e && (unsigned char)s[k + 1] == 0x80 &&
        (unsigned char)s[k + 2] == 0x99 && s[k + 3] == 's') {
      k += 3;
      continue;
    }
    if (ch >= 'A' && ch <= 'Z') ch = (unsigned char)(ch - 'A' + 'a');
    if (ch >= 'a' && ch <= 'z') out[o++] = (char)ch;
  }
  out[o] = '\0';
}

/* Does the work s[a, e) name the edition of the page's Source ("Lenin's
** Collected Works" on a page from "Lenin Collected Works"; "LCW")? */
static int samework(const CiteRead *c, size_t a, size_t e) {
  char w[128], sw[128];
  if (c->src == NULL || c->src->work == NULL) return 0;
  letters(c->s, a, e, w, sizeof w);
  letters(c->src->work, 0, strlen(c->src->work), sw, sizeof sw);
  if (strcmp(w, "lcw") == 0) strcpy(w, "lenincollectedworks");
  if (strlen(w) < 10 || strlen(sw) < 10) return 0;
  return strstr(sw, w) != NULL;
}

/* Is s[k] the end of a sentence: ". " before a capital, after a word of
** four letters or more? */
static int sentend(const char *s, size_t k, size_t n) {
  size_t b = k;
  if (s[k] != '.' || k + 2 >= n || s[k + 1] != ' ' || !isupper8((unsigned char)s[k + 2])) return 0;
  while (b > 0 && isalpha8((unsigned char)s[b - 1])) b--;
  return k - b >= 4 && !isupper8((unsigned char)s[b + 1]);
}

/* Where the work before a citation at s[start] ends, past the places and
** years between (", Moscow, 1962, "); *comma when a comma stands between
** the work and the citation. */
static size_t skipplaces(const char *s, size_t lo, size_t start, int *comma) {
  size_t b = start;
  for (;;) {
    size_t t = b, a;
    while (t > lo && s[t - 1] == ' ') t--;
    if (t == lo || s[t - 1] != ',') return t;
    a = t - 1;
    while (a > lo && s[a - 1] != ',' && s[a - 1] != '(' && s[a - 1] != ';') a--;
    if (!placeyear(s, a, t - 1)) {
      *comma = 1;
      return t - 1;
    }
    b = a;
  }
}

/* "Title (Einaudi, Turin 1980), Volume 3": the publisher in brackets
** stands between the work and its volume; the end of the work before it
** (*comma set), or e. */
static size_t skipbrackets(const char *s, size_t lo, size_t e, int *comma) {
  size_t q;
  int depth = 0;
  while (e > lo && s[e - 1] == ' ') e--;
  if (e == lo || s[e - 1] != ')') return e;
  for (q = e - 1;; q--) {
    if (s[q] == ')') depth++;
    if (s[q] == '(' && --depth == 0) break;
    if (q == lo) break;
  }
  if (depth != 0) return e;
  *comma = 1;
  return q;
}

/* The start of the clause that ends at e: after a bracket, a semicolon, a
** colon, a quotation mark, a line break, a dash or a sentence's end, then
** past the spaces and stops and the leading words ("see ", "cf. "). */
static size_t clausestart(const CiteRead *c, size_t lo, size_t e) {
  static const char *const lead[] = {"see ",      "See ",        "cf. ",       "Cf. ",
                                     "also ",     "especially ", "and ",       "in ",
                                     "In ",       "e.g. ",       "quoted in ", "Quoted in ",
                                     "from ",     "hereafter ",  "Quoted by ", "quoted by ",
                                     "Cited in ", "cited in ",   "cited by ",  NULL};
  const char *s = c->s;
  size_t k = e, i;
  while (k > lo) {
    unsigned char ch = (unsigned char)s[k - 1];
    if (ch == '(' || ch == ')' || ch == ';' || ch == ':' || ch == '"' || ch == '\n' || ch == '[' ||
        ch == ']')
      break;
    /* ” U+201D and — U+2014 */
    if (k >= 3 && (unsigned char)s[k - 3] == 0xE2 && (unsigned char)s[k - 2] == 0x80 &&
        (ch == 0x9D || ch == 0x94))
      break;
    if (sentend(s, k - 1, c->n)) break;
    k--;
  }
  while (k < e && (s[k] == ' ' || s[k] == '.' || s[k] == ',')) k++;
  for (;;) {
    for (i = 0; lead[i] != NULL; i++)
      if (startswith(s + k, e - k, lead[i])) {
        k += strlen(lead[i]);
        break;
      }
    if (lead[i] == NULL) return k;
  }
}

/* Narrows the clause [*k, *e) to the work it names, leaving prose out:
** no work when it ends in a word in lower case with no comma before the
** citation ("quoted on p. 34"); from the first " in " before a capital
** after a word in lower case ("He contrasts them with Marx's approach in
** The Class Struggles in France, MECW"); and from a comma or " in " on
** while longer than 100 bytes. */
static void dropprose(const char *s, size_t *kp, size_t *ep, int comma) {
  size_t k = *kp, e = *ep, t = e, w, i, lower = 0;
  while (t > k && s[t - 1] == ' ') t--;
  w = t;
  while (w > k && s[w - 1] != ' ') w--;
  if (!comma && w < t && !isupper8((unsigned char)s[w])) k = e;
  while (e > k && (s[e - 1] == ' ' || s[e - 1] == ',')) e--;
  for (i = k; i + 5 < e; i++) {
    if (lower && startswith(s + i, e - i, " in ") && isupper8((unsigned char)s[i + 4])) {
      k = i + 4;
      break;
    }
    if (s[i] == ' ' && s[i + 1] >= 'a' && s[i + 1] <= 'z') lower = 1;
  }
  while (e - k > 100) {
    i = k;
    while (i < e && s[i] != ',' && !startswith(s + i, e - i, " in ")) i++;
    if (i >= e) {
      k = e;
      break;
    }
    k = i + (s[i] == ',' ? 1 : 4);
    while (k < e && s[k] == ' ') k++;
  }
  *kp = k;
  *ep = e;
}

/* The work named before a citation that starts at s[start]: sets [*ws,
** *we) (empty when none), skipping the places and years between. */
static void workbefore(const CiteRead *c, size_t lo, size_t start, size_t *ws, size_t *we) {
  int comma = 0; /* a comma stands between the work and the citation */
  size_t e = skipplaces(c->s, lo, start, &comma), k;
  e = skipbrackets(c->s, lo, e, &comma);
  k = clausestart(c, lo, e);
  dropprose(c->s, &k, &e, comma);
  *ws = k;
  *we = e;
}

/* Is s[a, e) an issue, book or part of a volume: "No. 51", "Book 2",
** "Part 1"? */
static int issuepart(const char *s, size_t a, size_t e) {
  static const char *const words[] = {"No. ",   "No.\xC2\xA0", "Book ", "Part ",
                                      "Issue ", "Nos. ",       NULL};
  size_t k, l;
  while (a < e && s[a] == ' ') a++;
  while (e > a && s[e - 1] == ' ') e--;
  for (k = 0; words[k] != NULL; k++) {
    l = strlen(words[k]);
    if (startswith(s + a, e - a, words[k]) && e - a > l && e - a <= l + 8) {
      size_t i;
      for (i = a + l; i < e; i++)
        if (s[i] == ' ' || s[i] == '.' || s[i] == '(' || s[i] == ')') return 0;
      return 1;
    }
  }
  return 0;
}

/* Looks after a volume ending at s[e] for its pages, past at most three
** places and years ("Vol. 1, Moscow, 1973, pp. 118-19"); returns the
** offset of the first page's digits, or 0. */
static size_t pagesafter(const CiteRead *c, size_t e) {
  const char *s = c->s;
  size_t n = c->n, q = e, segs = 0, j;
  for (;;) {
    q = skipsp(s, q, n);
    if (q < n && s[q] == ',') q = skipsp(s, q + 1, n);
    if ((j = pagesat(s, q, n)) > 0) return j;
    if (segs++ >= 3) return 0;
    j = q;
    while (j < n && s[j] != ',' && s[j] != ';' && s[j] != '(' && s[j] != ')') j++;
    if (j >= n || s[j] != ',' || !(placeyear(s, q, j) || issuepart(s, q, j))) return 0;
    q = j;
  }
}

static char *dup(CiteRead *c, const char *s, size_t n) {
  char *r;
  if (c->status != LL_OK) return NULL;
  r = ll_arena_strndup(c->a, s, n);
  if (r == NULL) c->status = LL_ERRMEM;
  return r;
}

/* The place of the next volume or page word from i (n if none): a volume
** word's end in *e with its number in *vol, else a page word's end in *pg. */
static size_t nextword(const char *s, size_t i, size_t n, size_t *e, size_t *pg, long *vol) {
  size_t k;
  for (k = i; k < n; k++) {
    char ch = s[k];
    if (ch != 'V' && ch != 'v' && ch != 'p' && ch != 'P') continue;
    if ((*e = volat(s, k, n, vol)) > 0) break;
    if ((*pg = pagesat(s, k, n)) > 0) break;
  }
  return k;
}

/* The end of a citation whose pages end at e: after "of this volume" and
** the like (setting *present), else e ("pp. 464, 470 of this volume"). */
static size_t thisedition(const char *s, size_t e, size_t n, int *present) {
  static const char *const tails[] = {" of this volume",        " of the present edition",
                                      " of this edition",       " in this volume",
                                      " of the present volume", NULL};
  size_t t;
  for (t = 0; tails[t] != NULL; t++)
    if (startswith(s + e, n - e, tails[t])) {
      *present = 1;
      return e + strlen(tails[t]);
    }
  return e;
}

int ll_cites(ll_Mem *m, ll_Arena *a, const char *s, size_t n, int para, const ll_Source *src,
             ll_Vec *out) {
  CiteRead c;
  size_t i = 0, first = out->n;
  c.m = m;
  c.a = a;
  c.s = s;
  c.n = n;
  c.src = src;
  c.status = LL_OK;
  ll_vec_init(&c.ranges, sizeof(long));
  while (i < n && c.status == LL_OK) {
    size_t k, e = 0, pg = 0, ws, we, start, tail;
    long vol = 0;
    int present = 0, ibid = 0, thisvol = 0;
    ll_Cite *ct;
    k = nextword(s, i, n, &e, &pg, &vol);
    if (k >= n) break;
    start = k;
    c.ranges.n = 0;
    if (e > 0) {
      pg = pagesafter(&c, e);
      if (pg > 0) e = readranges(&c, pg);
    } else {
      e = readranges(&c, pg);
    }
    if (c.status != LL_OK) break;
    if (vol <= 0 && c.ranges.n == 0) { /* neither a volume nor a page: no citation */
      i = start + 1;
      continue;
    }
    tail = thisedition(s, e, n, &present);
    workbefore(&c, i, start, &ws, &we);
    if (present) {
      ws = we = start; /* "pp. 464, 470 of this volume": no work before */
      thisvol = 1;
    } else if (we > ws && presentphrase(s, ws, we)) {
      present = 1;
      thisvol = we - ws >= 6 && memcmp(s + we - 6, "volume", 6) == 0;
    } else if (we > ws && isibid(s, ws, we)) {
      ibid = 1;
    } else if (we > ws && samework(&c, ws, we)) {
      present = 1;
    } else if (we == ws && vol > 0) {
      present = 1; /* "see Vol. 9": no other work named */
    }
    ct = (ll_Cite *)ll_vec_push(m, out);
    if (ct == NULL) {
      c.status = LL_ERRMEM;
      break;
    }
    ct->pos = we > ws ? ws : start;
    ct->len = tail - ct->pos;
    ct->text = dup(&c, s + ct->pos, ct->len);
    ct->para = para;
    ct->volume = vol;
    ct->present = present;
    if (ibid && out->n - 1 > first) {
      /* "Ibid., p. 45": the work of the citation before */
      const ll_Cite *prev = (const ll_Cite *)out->p + out->n - 2;
      ct->work = prev->work;
      ct->present = prev->present;
      if (vol == 0) ct->volume = prev->volume;
    } else if (!present && we > ws && !(ibid && startswith(s + ws, we - ws, "Ibid")) &&
               !(ibid && startswith(s + ws, we - ws, "ibid"))) {
      ct->work = dup(&c, s + ws, we - ws); /* "K. Marx/F. Engels, op. cit." */
    }
    if (thisvol && ct->volume == 0 && src != NULL) ct->volume = src->volume; /* "this volume" */
    ct->nranges = c.ranges.n / 2;
    ct->ranges =
        ct->nranges > 0 ? (long *)ll_arena_memdup(a, c.ranges.p, c.ranges.n * sizeof(long)) : NULL;
    if (ct->nranges > 0 && ct->ranges == NULL) c.status = LL_ERRMEM;
    i = tail > start ? tail : start + 1;
  }
  ll_vec_free(m, &c.ranges);
  return c.status;
}
