/*
** llwordnet.c: lookups in a WordNet 3.0 database, for the quizzes: base
** forms (morphy's detachment rules and exception lists), index entries
** (senses, synset offsets) and synsets (lexicographer file, words).
** The database's files are mapped read-only (mmap, POSIX) and searched in
** place by binary search over their sorted lines, as WordNet's own
** bin_search does over the files; nothing is parsed in advance, and the
** only heap memory (the handle, a copy of a word) goes through ll_Mem.
** Knows nothing of Lua.
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
#include "llwordnet.h"

/* the files of one part of speech */
enum { F_INDEX = 0, F_DATA, F_EXC, F_N };

typedef struct Map {
  const char *p; /* NULL for an empty file */
  size_t n;
} Map;

struct ll_WordNet {
  ll_Mem *mem;
  Map f[LL_WN_NPOS][F_N];
};

static const char *const POSNAME[LL_WN_NPOS] = {"noun", "verb", "adj", "adv"};

/* WordNet 3.0's lexicographer files, by number (its lexnames file) */
static const char *const LEXNAMES[] = {
    "adj.all",          "adj.pert",           "adv.all",
    "noun.Tops",        "noun.act",           "noun.animal",
    "noun.artifact",    "noun.attribute",     "noun.body",
    "noun.cognition",   "noun.communication", "noun.event",
    "noun.feeling",     "noun.food",          "noun.group",
    "noun.location",    "noun.motive",        "noun.object",
    "noun.person",      "noun.phenomenon",    "noun.plant",
    "noun.possession",  "noun.process",       "noun.quantity",
    "noun.relation",    "noun.shape",         "noun.state",
    "noun.substance",   "noun.time",          "verb.body",
    "verb.change",      "verb.cognition",     "verb.communication",
    "verb.competition", "verb.consumption",   "verb.contact",
    "verb.creation",    "verb.emotion",       "verb.motion",
    "verb.perception",  "verb.possession",    "verb.social",
    "verb.stative",     "verb.weather",       "adj.ppl"};

const char *ll_wn_lexname(int n) {
  if (n < 0 || (size_t)n >= sizeof LEXNAMES / sizeof LEXNAMES[0]) return NULL;
  return LEXNAMES[n];
}

/* morphy's detachment rules (WordNet's morph.c): for each part of speech,
** a suffix, what replaces it, and the inflection it marks */
typedef struct Rule {
  const char *suffix, *ending;
  int inflection;
} Rule;

static const Rule NOUN_RULES[] = {
    {"s", "", LL_WN_PLURAL},      {"ses", "s", LL_WN_PLURAL},   {"xes", "x", LL_WN_PLURAL},
    {"zes", "z", LL_WN_PLURAL},   {"ches", "ch", LL_WN_PLURAL}, {"shes", "sh", LL_WN_PLURAL},
    {"men", "man", LL_WN_PLURAL}, {"ies", "y", LL_WN_PLURAL},   {NULL, NULL, 0}};
static const Rule VERB_RULES[] = {
    {"s", "", LL_WN_THIRD},  {"ies", "y", LL_WN_THIRD}, {"es", "e", LL_WN_THIRD},
    {"es", "", LL_WN_THIRD}, {"ed", "e", LL_WN_PAST},   {"ed", "", LL_WN_PAST},
    {"ing", "e", LL_WN_ING}, {"ing", "", LL_WN_ING},    {NULL, NULL, 0}};
static const Rule ADJ_RULES[] = {{"er", "", LL_WN_COMPARATIVE},
                                 {"est", "", LL_WN_SUPERLATIVE},
                                 {"er", "e", LL_WN_COMPARATIVE},
                                 {"est", "e", LL_WN_SUPERLATIVE},
                                 {NULL, NULL, 0}};
static const Rule NO_RULES[] = {{NULL, NULL, 0}};

static const Rule *rules(int pos) {
  switch (pos) {
    case LL_WN_NOUN:
      return NOUN_RULES;
    case LL_WN_VERB:
      return VERB_RULES;
    case LL_WN_ADJ:
      return ADJ_RULES;
    default:
      return NO_RULES;
  }
}

/* ------------------------------------------------------------------ */
/* Opening                                                             */
/* ------------------------------------------------------------------ */

static int mapfile(const char *dir, const char *name, Map *out, char *err, size_t errsz) {
  char path[4096];
  struct stat st;
  int fd;
  void *p;
  out->p = NULL;
  out->n = 0;
  if ((size_t)snprintf(path, sizeof path, "%s/%s", dir, name) >= sizeof path) {
    snprintf(err, errsz, "WordNet folder name too long: %.60s...", dir);
    return LL_ERRINPUT;
  }
  fd = open(path, O_RDONLY);
  if (fd < 0) {
    snprintf(err, errsz, "cannot open %.100s: %s", path, strerror(errno));
    return LL_ERRINPUT;
  }
  if (fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
    snprintf(err, errsz, "cannot read %.100s: not a regular file", path);
    close(fd);
    return LL_ERRINPUT;
  }
  if (st.st_size == 0) {
    close(fd);
    return LL_OK;
  }
  p = mmap(NULL, (size_t)st.st_size, PROT_READ, MAP_PRIVATE, fd, 0);
  close(fd);
  if (p == MAP_FAILED) {
    snprintf(err, errsz, "cannot map %.100s: %s", path, strerror(errno));
    return LL_ERRINPUT;
  }
  out->p = (const char *)p;
  out->n = (size_t)st.st_size;
  return LL_OK;
}

void ll_wn_close(ll_WordNet *wn) {
  int i, j;
  if (wn == NULL) return;
  for (i = 0; i < LL_WN_NPOS; i++)
    for (j = 0; j < F_N; j++)
      if (wn->f[i][j].p != NULL) munmap((void *)(size_t)wn->f[i][j].p, wn->f[i][j].n);
  ll_free(wn->mem, wn, sizeof *wn);
}

int ll_wn_open(ll_Mem *m, const char *dir, ll_WordNet **out, char *err, size_t errsz) {
  ll_WordNet *wn = (ll_WordNet *)ll_malloc(m, sizeof *wn);
  int i;
  *out = NULL;
  if (wn == NULL) return LL_ERRMEM;
  memset(wn, 0, sizeof *wn);
  wn->mem = m;
  for (i = 0; i < LL_WN_NPOS; i++) {
    char name[32];
    int st;
    snprintf(name, sizeof name, "index.%s", POSNAME[i]);
    st = mapfile(dir, name, &wn->f[i][F_INDEX], err, errsz);
    if (st == LL_OK) {
      snprintf(name, sizeof name, "data.%s", POSNAME[i]);
      st = mapfile(dir, name, &wn->f[i][F_DATA], err, errsz);
    }
    if (st == LL_OK) {
      snprintf(name, sizeof name, "%s.exc", POSNAME[i]);
      st = mapfile(dir, name, &wn->f[i][F_EXC], err, errsz);
    }
    if (st != LL_OK) {
      ll_wn_close(wn);
      return st;
    }
  }
  *out = wn;
  return LL_OK;
}

/* ------------------------------------------------------------------ */
/* Binary search over sorted lines                                     */
/* ------------------------------------------------------------------ */

/* Compares key [k, k+kl) with the first field of the line at p (up to a
** space or the line's end): the files sort it bytewise, a prefix first. */
static int cmpkey(const char *k, size_t kl, const char *p, const char *end) {
  size_t i = 0;
  while (i < kl && p + i < end && p[i] != ' ' && p[i] != '\n') {
    unsigned char a = (unsigned char)k[i], b = (unsigned char)p[i];
    if (a != b) return a < b ? -1 : 1;
    i++;
  }
  if (i == kl) return (p + i < end && p[i] != ' ' && p[i] != '\n') ? -1 : 0;
  return 1; /* the line's key is a prefix of k */
}

/* The line of map f whose first field is [k, k+kl), or NULL. */
static const char *search(const Map *f, const char *k, size_t kl) {
  size_t lo = 0, hi = f->n;
  const char *p = f->p, *end;
  if (p == NULL || kl == 0) return NULL;
  end = p + f->n;
  while (lo < hi) {
    size_t mid = lo + (hi - lo) / 2, a = mid, b;
    int c;
    while (a > lo && p[a - 1] != '\n') a--;
    b = a;
    while (b < f->n && p[b] != '\n') b++;
    c = cmpkey(k, kl, p + a, end);
    if (c == 0) return p + a;
    if (c > 0)
      lo = b + 1;
    else
      hi = a;
  }
  return NULL;
}

/* ------------------------------------------------------------------ */
/* The index                                                           */
/* ------------------------------------------------------------------ */

/* the next space-separated field of a line at *p (stops at '\n') */
static const char *field(const char **p, const char *end, size_t *len) {
  const char *s = *p, *e;
  while (s < end && *s == ' ') s++;
  e = s;
  while (e < end && *e != ' ' && *e != '\n') e++;
  *p = e;
  *len = (size_t)(e - s);
  return s;
}

static long number(const char *s, size_t n, int base) {
  long v = 0;
  size_t i;
  if (n == 0 || n > 9) return -1;
  for (i = 0; i < n; i++) {
    int d;
    char c = s[i];
    if (c >= '0' && c <= '9')
      d = c - '0';
    else if (base == 16 && c >= 'a' && c <= 'f')
      d = c - 'a' + 10;
    else
      return -1;
    v = v * base + d;
  }
  return v;
}

/* Reads the index line at line (lemma pos synset_cnt p_cnt [ptr...]
** sense_cnt tagsense_cnt offsets...) into e; 0 when it is malformed. */
static int readentry(const char *line, const char *end, ll_WnEntry *e) {
  const char *p = line, *s;
  size_t n;
  long pcnt, i;
  field(&p, end, &n); /* lemma */
  field(&p, end, &n); /* pos */
  field(&p, end, &n); /* synset_cnt */
  s = field(&p, end, &n);
  pcnt = number(s, n, 10);
  if (pcnt < 0) return 0;
  for (i = 0; i < pcnt; i++) field(&p, end, &n);
  s = field(&p, end, &n);
  e->senses = (int)number(s, n, 10);
  s = field(&p, end, &n);
  e->tagged = (int)number(s, n, 10);
  if (e->senses < 0 || e->tagged < 0) return 0;
  e->offsets = p;
  e->end = end;
  return 1;
}

int ll_wn_index(const ll_WordNet *wn, int pos, const char *lemma, size_t len, ll_WnEntry *e) {
  const Map *f;
  const char *line;
  if (pos < 0 || pos >= LL_WN_NPOS) return 0;
  f = &wn->f[pos][F_INDEX];
  line = search(f, lemma, len);
  if (line == NULL) return 0;
  return readentry(line, f->p + f->n, e);
}

long ll_wn_offset(const ll_WnEntry *e, int i) {
  const char *p = e->offsets, *s;
  size_t n;
  int k;
  if (i < 0 || i >= e->senses) return -1;
  /* an index line ends at '\n', which stops field() */
  for (k = 0; k <= i; k++) {
    s = field(&p, e->end, &n);
    if (n == 0) return -1;
    if (k == i) return number(s, n, 10);
  }
  return -1;
}

/* ------------------------------------------------------------------ */
/* Base forms: morphy                                                  */
/* ------------------------------------------------------------------ */

#define MAXSEEN 16

typedef struct Morph {
  const ll_WordNet *wn;
  int pos;
  const char *seen[MAXSEEN]; /* index lines already reported */
  int nseen;
  ll_WnBaseFn fn;
  void *ctx;
  int stop;
} Morph;

/* reports base [b, b+bl) once when the index of pos has it */
static void report(Morph *mo, const char *b, size_t bl, int inflection) {
  const char *line;
  int i;
  if (mo->stop) return;
  line = search(&mo->wn->f[mo->pos][F_INDEX], b, bl);
  if (line == NULL) return;
  for (i = 0; i < mo->nseen; i++)
    if (mo->seen[i] == line) return;
  if (mo->nseen < MAXSEEN) mo->seen[mo->nseen++] = line;
  if (mo->fn(mo->ctx, line, bl, inflection) != 0) mo->stop = 1;
}

/* the inflection an exception-list form marks */
static int excinflection(int pos, const char *w, size_t len) {
  switch (pos) {
    case LL_WN_NOUN:
      return LL_WN_PLURAL;
    case LL_WN_VERB:
      return LL_WN_IRREGULAR;
    case LL_WN_ADJ:
    case LL_WN_ADV:
      return (len >= 2 && w[len - 2] == 's' && w[len - 1] == 't') ? LL_WN_SUPERLATIVE
                                                                  : LL_WN_COMPARATIVE;
    default:
      return LL_WN_BASE;
  }
}

int ll_wn_bases(ll_Mem *m, const ll_WordNet *wn, int pos, const char *word, size_t len,
                ll_WnBaseFn fn, void *ctx) {
  Morph mo;
  const Map *exc;
  const char *line;
  const Rule *r;
  char *buf;
  size_t cap;
  if (pos < 0 || pos >= LL_WN_NPOS || len == 0) return LL_OK;
  memset(&mo, 0, sizeof mo);
  mo.wn = wn;
  mo.pos = pos;
  mo.fn = fn;
  mo.ctx = ctx;
  /* the word itself */
  report(&mo, word, len, LL_WN_BASE);
  /* the exception list: its bases, and nothing else */
  exc = &wn->f[pos][F_EXC];
  line = search(exc, word, len);
  if (line != NULL) {
    const char *p = line + len, *end = exc->p + exc->n, *s;
    size_t n;
    int infl = excinflection(pos, word, len);
    for (;;) {
      s = field(&p, end, &n);
      if (n == 0) break;
      report(&mo, s, n, infl);
    }
    return LL_OK;
  }
  /* the detachment rules: never on a noun in -ss or of two letters */
  if (pos == LL_WN_NOUN && (len <= 2 || (len >= 2 && word[len - 1] == 's' && word[len - 2] == 's')))
    return LL_OK;
  cap = len + 4;
  buf = (char *)ll_malloc(m, cap);
  if (buf == NULL) return LL_ERRMEM;
  for (r = rules(pos); r->suffix != NULL && !mo.stop; r++) {
    size_t sl = strlen(r->suffix), el = strlen(r->ending);
    if (len <= sl || memcmp(word + len - sl, r->suffix, sl) != 0) continue;
    memcpy(buf, word, len - sl);
    memcpy(buf + len - sl, r->ending, el);
    if (len - sl + el == len && memcmp(buf, word, len) == 0) continue;
    report(&mo, buf, len - sl + el, r->inflection);
  }
  ll_free(m, buf, cap);
  return LL_OK;
}

/* ------------------------------------------------------------------ */
/* Synsets                                                             */
/* ------------------------------------------------------------------ */

int ll_wn_synset(const ll_WordNet *wn, int pos, long offset, int *lexfile, ll_WnWordFn fn,
                 void *ctx) {
  const Map *f;
  const char *p, *end, *s;
  size_t n;
  long off, lex, cnt, i;
  if (pos < 0 || pos >= LL_WN_NPOS || offset < 0) return 0;
  f = &wn->f[pos][F_DATA];
  if (f->p == NULL || (size_t)offset >= f->n) return 0;
  if (offset > 0 && f->p[offset - 1] != '\n') return 0;
  p = f->p + offset;
  end = f->p + f->n;
  s = field(&p, end, &n);
  off = number(s, n, 10);
  if (off != offset) return 0;
  s = field(&p, end, &n);
  lex = number(s, n, 10);
  field(&p, end, &n); /* ss_type */
  s = field(&p, end, &n);
  cnt = number(s, n, 16);
  if (lex < 0 || cnt < 0) return 0;
  *lexfile = (int)lex;
  for (i = 0; i < cnt; i++) {
    size_t wl;
    const char *w = field(&p, end, &wl);
    field(&p, end, &n); /* lex_id */
    if (wl == 0) return 0;
    /* an adjective's syntactic marker: (a), (p), (ip) */
    if (wl > 2 && w[wl - 1] == ')') {
      size_t k = wl - 1;
      while (k > 0 && w[k] != '(') k--;
      if (k > 0) wl = k;
    }
    if (fn != NULL && fn(ctx, w, wl) != 0) break;
  }
  return 1;
}
