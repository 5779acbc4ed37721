/*
** test_index.c: tests for words (llutf8.c) and the index (llindex.c).
** Table-driven tokenizer and normal-form cases, queries over small pages
** and the letter, a corpus index checked against its documents' own
** indexes, and allocation-failure loops over builds and queries.
*/
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ll.h"
#include "llembed.h"
#include "llindex.h"
#include "llstem.h"
#include "testutil.h"

#define RSQUO "\xe2\x80\x99"
#define MDASH "\xe2\x80\x94"
#define NBSP "\xc2\xa0"

/* ------------------------------------------------------------------ */
/* Tokenizer cases                                                     */
/* ------------------------------------------------------------------ */

/* Input, and its words as "text=norm" joined by '|'. */
typedef struct WordCase {
  const char *in;
  const char *want;
} WordCase;

static const WordCase wordcases[] = {
  {"", ""},
  {"   ,;. -- ''", ""},
  {"Soviet", "Soviet=soviet"},
  {"the Soviet of Workers" RSQUO " Deputies",
   "the=the|Soviet=soviet|of=of|Workers=workers|Deputies=deputies"},
  {"Social-Democrats", "Social-Democrats=social-democrats"},
  {"non-Social-Democrats", "non-Social-Democrats=non-social-democrats"},
  {"tsar" RSQUO "s", "tsar" RSQUO "s=tsar's"},
  {"tsar's", "tsar's=tsar's"},
  {"1905-07", "1905-07=1905-07"},
  {"Workers'", "Workers=workers"},
  {"'tis", "tis=tis"},
  {"a--b", "a=a|b=b"},
  {"a-'b", "a=a|b=b"},
  {"a- b", "a=a|b=b"},
  {"-a-", "a=a"},
  {"R.S.D.L.P.", "R=r|S=s|D=d|L=l|P=p"},
  {"No. 5", "No=no|5=5"},
  {"question" MDASH "and", "question=question|and=and"},
  {"semi- anarchist", "semi=semi|anarchist=anarchist"},
  {"line\nbreak", "line=line|break=break"},
  {"word" NBSP "word", "word=word|word=word"},
  {"\xc3\xa9migr\xc3\xa9s", "\xc3\xa9migr\xc3\xa9s=\xc3\xa9migr\xc3\xa9s"},
  /* decomposed e + U+0301 composes (NFC) */
  {"E\xcc\x81mile", "E\xcc\x81mile=\xc3\xa9mile"},
  /* case folding beyond ASCII: Cyrillic, German sharp s, Greek sigma */
  {"\xd0\xa1\xd0\x9e\xd0\x92\xd0\x95\xd0\xa2", /* СОВЕТ */
   "\xd0\xa1\xd0\x9e\xd0\x92\xd0\x95\xd0\xa2="
   "\xd1\x81\xd0\xbe\xd0\xb2\xd0\xb5\xd1\x82"},
  {"Stra\xc3\x9f" "e", "Stra\xc3\x9f" "e=strasse"},
  {"\xce\xa3\xce\x9f\xce\xa6\xce\x9f\xce\xa3", /* ΣΟΦΟΣ */
   "\xce\xa3\xce\x9f\xce\xa6\xce\x9f\xce\xa3="
   "\xcf\x83\xce\xbf\xcf\x86\xce\xbf\xcf\x83"},
  /* digits of other scripts, letters of scripts without case */
  {"\xd9\xa1\xd9\xa9\xd9\xa0\xd9\xa5", /* Arabic-Indic 1905 */
   "\xd9\xa1\xd9\xa9\xd9\xa0\xd9\xa5=\xd9\xa1\xd9\xa9\xd9\xa0\xd9\xa5"},
  {"\xe5\x88\x97\xe5\xaf\xa7 x", "\xe5\x88\x97\xe5\xaf\xa7=\xe5\x88\x97\xe5\xaf\xa7|x=x"},
  /* U+2010 HYPHEN joins and is kept */
  {"Black\xe2\x80\x90Hundred", "Black\xe2\x80\x90Hundred=black\xe2\x80\x90hundred"},
  /* a combining mark never starts a word */
  {"\xcc\x81" "a", "a=a"},
  /* punctuation, symbols and an underscore are no words */
  {"a_b $5 \xc2\xa7" "3", "a=a|b=b|5=5|3=3"},
  /* the apostrophe must sit between word characters */
  {"Workers" RSQUO " Deputies" RSQUO, "Workers=workers|Deputies=deputies"},
  {"don" RSQUO "t" RSQUO "s", "don" RSQUO "t" RSQUO "s=don't's"},
  /* a long ASCII word goes past the index's fast path */
  {"Aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa-b",
   "Aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa-b="
   "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa-b"},
  {NULL, NULL}
};

/* Tokenises s with ll_word_next and ll_word_norm into out (as wordcases
** write it). */
static void words(ll_Mem *m, const char *s, char *out, size_t outsz) {
  size_t at = 0, a, b, n = 0, len = strlen(s);
  ll_Buf nb;
  ll_buf_init(&nb);
  out[0] = '\0';
  while (ll_word_next(s, len, &at, &a, &b)) {
    ll_word_norm(m, s + a, b - a, &nb);
    n += (size_t)snprintf(out + n, outsz - n, "%s%.*s=%s", n ? "|" : "",
                          (int)(b - a), s + a, nb.p);
    if (n >= outsz) break;
  }
  ll_buf_free(m, &nb);
}

static void test_words(Tally *t) {
  ll_Mem m;
  char got[1024];
  size_t i;
  m.f = ll_stdalloc;
  m.ud = NULL;
  for (i = 0; wordcases[i].in != NULL; i++) {
    words(&m, wordcases[i].in, got, sizeof got);
    if (strcmp(got, wordcases[i].want) != 0) {
      char msg[1200];
      snprintf(msg, sizeof msg, "\"%s\" gave \"%s\", want \"%s\"",
               wordcases[i].in, got, wordcases[i].want);
      check(t, 0, "words", msg);
    } else {
      check(t, 1, "words", NULL);
    }
  }
}

/* ------------------------------------------------------------------ */
/* Queries                                                             */
/* ------------------------------------------------------------------ */

static const char page[] =
  "V. I. Lenin\n\n"
  "The Soviet Title\n\n"
  "Written: November 1905\nSource: Soviet Works\n\n"
  "The Soviet of Workers" RSQUO " Deputies met. The soviet spoke.\n\n"
  "Black Hundreds and the Black-Hundred press; black hundreds again[1].\n\n"
  "[1] A note on the Soviet of Workers' Deputies.\n";

/* count of a string query over mask, or (size_t)-1 on a failure */
static size_t qcount(ll_Mem *m, const ll_Index *ix, const char *q,
                     unsigned mask, int flags) {
  ll_Query qq;
  size_t n = 0;
  char err[LL_ERRSIZE];
  int st;
  ll_query_init(&qq);
  qq.stemmer = &ll_snowball_stemmer;
  st = ll_query_parse(m, &qq, q, strlen(q), flags, err, sizeof err);
  if (st == LL_OK) st = ll_index_match(m, ix, &qq, mask, NULL, &n);
  ll_query_free(m, &qq);
  return st == LL_OK ? n : (size_t)-1;
}

typedef struct CountCase {
  const char *q;
  unsigned mask;
  int flags;
  size_t want;
} CountCase;

static const CountCase counts[] = {
  {"soviet", LL_SCOPE_BODY, 0, 2},
  {"SOVIET", LL_SCOPE_ALL, 0, 4},
  {"Soviet", LL_SCOPE_NOTES, 0, 1},
  {"Soviet", LL_SCOPE_META, 0, 1},
  {"Soviet", LL_SCOPE_ANY, 0, 5},
  {"Soviet of Workers' Deputies", LL_SCOPE_ALL, 0, 2},
  {"soviet of workers" RSQUO " deputies", LL_SCOPE_NOTES, 0, 1},
  {"black hundreds", LL_SCOPE_BODY, 0, 2},
  {"black*", LL_SCOPE_BODY, 0, 3},
  {"black* hundred*", LL_SCOPE_BODY, 0, 2},
  {"Black-Hundred", LL_SCOPE_BODY, 0, 1},
  {"hundred", LL_SCOPE_BODY, LL_TERM_STEM, 2},
  {"nothing", LL_SCOPE_ALL, 0, 0},
  {"soviet nothing", LL_SCOPE_ALL, 0, 0},
  /* a phrase does not run across blocks */
  {"met the", LL_SCOPE_BODY, 0, 1},
  {"again black", LL_SCOPE_BODY, 0, 0},
  /* variants: Black Hundreds, Black-Hundred, black hundreds */
  {"black hundreds", LL_SCOPE_BODY, LL_TERM_VARIANT, 3},
  {"black-hundreds", LL_SCOPE_BODY, LL_TERM_VARIANT, 3},
  {"Black-Hundred", LL_SCOPE_BODY, LL_TERM_VARIANT, 3},
  {"black hundreds press", LL_SCOPE_BODY, LL_TERM_VARIANT, 0}, /* a plural s only at the end */
  {"black hundred press", LL_SCOPE_BODY, LL_TERM_VARIANT, 1},
  {"black-hundred press", LL_SCOPE_BODY, LL_TERM_VARIANT, 1},
  {"soviet", LL_SCOPE_BODY, LL_TERM_VARIANT, 2},
  /* wildcards at either end: Hundreds, Black-Hundred, hundreds */
  {"*hundred*", LL_SCOPE_BODY, 0, 3},
  {"*hundred", LL_SCOPE_BODY, 0, 1},
  {"hundred*", LL_SCOPE_BODY, 0, 2},
  {"hundred*", LL_SCOPE_BODY, LL_TERM_VARIANT, 3},
  {"*black", LL_SCOPE_BODY, 0, 2},
  {"*black", LL_SCOPE_BODY, LL_TERM_VARIANT, 3},
  {NULL, 0, 0, 0}
};

/* Counts of the table's queries on the test page. */
static void test_counts(Tally *t, ll_Mem *m, const ll_Doc *d) {
  char msg[200];
  size_t i;
  for (i = 0; counts[i].q != NULL; i++) {
    size_t n = qcount(m, d->index, counts[i].q, counts[i].mask,
                      counts[i].flags);
    snprintf(msg, sizeof msg, "\"%s\" mask %u: %ld, want %lu", counts[i].q,
             counts[i].mask, (long)n, (unsigned long)counts[i].want);
    check(t, n == counts[i].want, "count", msg);
  }
  /* a query that stems, with no stemmer or one of another ABI, is refused
     (the Lua binding always hands over leninletter.stem's) */
  {
    static const ll_Stemmer other = {LL_STEM_ABI + 1, NULL, NULL, NULL};
    const ll_Stemmer *none[2] = {NULL, &other};
    char err[LL_ERRSIZE];
    int k;
    for (k = 0; k < 2; k++) {
      ll_Query qq;
      size_t n = 0;
      int st;
      ll_query_init(&qq);
      qq.stemmer = none[k];
      st = ll_query_parse(m, &qq, "hundred", 7, LL_TERM_STEM, err, sizeof err);
      if (st == LL_OK) st = ll_index_match(m, d->index, &qq, LL_SCOPE_BODY, NULL, &n);
      ll_query_free(m, &qq);
      check(t, st == LL_ERRINPUT && n == 0,
            k == 0 ? "a stem query without a stemmer is refused"
                   : "a stem query with a stemmer of another ABI is refused",
            NULL);
    }
  }
}

/* Malformed queries are refused, with their message. */
static void test_badqueries(Tally *t, ll_Mem *m) {
  char err[LL_ERRSIZE], msg[200];
  size_t i;
  int st;
  static const char *const bad[][2] = {
    {"", "empty query"}, {"  ", "empty query"},
    {"*", "'*' must stand at either end of a word"}, {"a *", "'*' must stand at either end of a word"},
    {"a**", "'*' must stand at either end of a word"}, {"re*vol", "'*' must stand at either end of a word"},
    {"**ism", "'*' must stand at either end of a word"}, {"* ism", "'*' must stand at either end of a word"},
    {"...", "query has no words"}, {NULL, NULL}
  };
  for (i = 0; bad[i][0] != NULL; i++) {
    ll_Query q;
    ll_query_init(&q);
    err[0] = '\0';
    st = ll_query_parse(m, &q, bad[i][0], strlen(bad[i][0]), 0, err,
                        sizeof err);
    snprintf(msg, sizeof msg, "\"%s\" gave %d \"%s\"", bad[i][0], st, err);
    check(t, st == LL_ERRINPUT && strcmp(err, bad[i][1]) == 0, "bad query",
       msg);
    ll_query_free(m, &q);
  }
}

/* Hits: positions, lengths, sentences, the phrase's span. */
static void test_hits(Tally *t, ll_Mem *m, const ll_Doc *d) {
  char err[LL_ERRSIZE];
  int st;
  ll_Query q;
  ll_Vec hits;
  size_t n;
  const ll_Hit *h;
  ll_query_init(&q);
  ll_vec_init(&hits, sizeof(ll_Hit));
  ll_query_parse(m, &q, "soviet", 6, 0, err, sizeof err);
  st = ll_index_match(m, d->index, &q, LL_SCOPE_BODY, &hits, &n);
  h = (const ll_Hit *)hits.p;
  check(t, st == LL_OK && n == 2 && hits.n == 2, "two hits", NULL);
  if (hits.n == 2) {
    const ll_Seg *sg = &d->segs[h[1].seg];
    check(t, h[0].pos == 4 && h[0].len == 6 && h[0].sent == 0, "hit 1", NULL);
    check(t, h[1].sent == 1 && memcmp(sg->text + h[1].pos, "soviet", 6) == 0,
       "hit 2 in sentence 2", NULL);
    check(t, sg->part == LL_BODY && sg->para == 0, "hit 2 in paragraph 1",
       NULL);
  }
  ll_query_free(m, &q);
  ll_query_init(&q);
  hits.n = 0;
  ll_query_parse(m, &q, "Soviet of Workers' Deputies", 27, 0, err,
                 sizeof err);
  st = ll_index_match(m, d->index, &q, LL_SCOPE_BODY, &hits, &n);
  h = (const ll_Hit *)hits.p;
  check(t, st == LL_OK && n == 1 && h[0].pos == 4 &&
            h[0].len == strlen("Soviet of Workers" RSQUO " Deputies") &&
            h[0].ntok == 4,
     "phrase hit spans the words", NULL);
  ll_query_free(m, &q);
  ll_vec_free(m, &hits);
}

/* Frequencies and n-grams, and their orders. */
static void test_freqs(Tally *t, ll_Mem *m, const ll_Doc *d) {
  int st;
  ll_Vec v;
  const ll_Freq *f;
  size_t len;
  ll_vec_init(&v, sizeof(ll_Freq));
  st = ll_index_frequencies(m, d->index, LL_SCOPE_BODY, 2, NULL, &v);
  f = (const ll_Freq *)v.p;
  check(t, st == LL_OK && v.n == 4, "four words twice or more", NULL);
  if (v.n == 4) {
    check(t, f[0].count == 3 && strcmp(ll_index_word(d->index, f[0].word,
                                                  &len), "the") == 0,
       "the first", NULL);
    check(t, strcmp(ll_index_word(d->index, f[1].word, &len), "black") == 0 &&
              strcmp(ll_index_word(d->index, f[2].word, &len),
                     "hundreds") == 0 &&
              strcmp(ll_index_word(d->index, f[3].word, &len), "soviet") ==
                  0,
       "ties in byte order", NULL);
  }
  ll_vec_free(m, &v);
  ll_vec_init(&v, sizeof(ll_Gram));
  st = ll_index_ngrams(m, d->index, 2, LL_SCOPE_BODY, 2, &v);
  check(t, st == LL_OK && v.n == 2 &&
            ((const ll_Gram *)v.p)[0].count == 2,
     "two bigrams twice (black hundreds, the soviet)", NULL);
  if (v.n == 2) {
    ll_Token tk;
    size_t len;
    ll_index_token(d->index, ((const ll_Gram *)v.p)[0].tok, &tk);
    check(t, strcmp(ll_index_word(d->index, tk.word, &len), "black") == 0,
       "black hundreds before the soviet", NULL);
  }
  ll_vec_free(m, &v);
  ll_vec_init(&v, sizeof(ll_Gram));
  check(t, ll_index_ngrams(m, d->index, 0, LL_SCOPE_BODY, 1, &v) ==
            LL_ERRINPUT,
     "n = 0 refused", NULL);
  ll_vec_free(m, &v);
}

static void test_queries(Tally *t) {
  ll_Mem m;
  ll_Doc *d = NULL;
  char err[LL_ERRSIZE];
  int st;
  m.f = ll_stdalloc;
  m.ud = NULL;
  st = ll_parse_text(&m, page, sizeof page - 1, &d, err, sizeof err);
  check(t, st == LL_OK, "parse the test page", err);
  if (st != LL_OK) return;
  check(t, ll_index_build(d) == LL_OK, "build", NULL);
  check(t, d->index != NULL && d->freeindex != NULL, "index set", NULL);
  check(t, ll_index_build(d) == LL_OK, "build twice is a no-op", NULL);
  test_counts(t, &m, d);
  test_badqueries(t, &m);
  test_hits(t, &m, d);
  test_freqs(t, &m, d);
  ll_doc_free(d);
}

/* ------------------------------------------------------------------ */
/* The letter                                                          */
/* ------------------------------------------------------------------ */

static void test_letter(Tally *t) {
  ll_Mem m;
  ll_Doc *d = NULL;
  char err[LL_ERRSIZE], msg[200];
  size_t i, sum = 0, nw;
  m.f = ll_stdalloc;
  m.ud = NULL;
  if (ll_parse_text(&m, (const char *)ll_letter_text, sizeof ll_letter_text,
                    &d, err, sizeof err) != LL_OK) {
    check(t, 0, "parse the letter", err);
    return;
  }
  check(t, ll_index_build(d) == LL_OK, "build the letter's index", NULL);
  check(t, qcount(&m, d->index, "Soviet", LL_SCOPE_BODY, 0) == 22,
     "Soviet 22 times in the body", NULL);
  check(t, qcount(&m, d->index, "Soviet", LL_SCOPE_ALL, 0) == 28,
     "Soviet 28 times in all", NULL);
  /* every word: its frequency is its number of hits, in every scope */
  nw = ll_index_nwords(d->index);
  for (i = 0; i < nw; i++) {
    size_t len, n;
    const char *w = ll_index_word(d->index, (uint32_t)i, &len);
    n = qcount(&m, d->index, w, LL_SCOPE_ANY, 0);
    sum += n;
    if (n != ll_index_freq(d->index, (uint32_t)i, LL_SCOPE_ANY)) {
      snprintf(msg, sizeof msg, "\"%s\": %lu hits", w, (unsigned long)n);
      check(t, 0, "hits = frequency", msg);
    }
  }
  check(t, sum == ll_index_size(d->index), "the hits of all words are all tokens",
     NULL);
  ll_doc_free(d);
}

/* ------------------------------------------------------------------ */
/* A corpus index                                                      */
/* ------------------------------------------------------------------ */

static const char page2[] =
  "Another page\n\n"
  "The Soviet spoke; " "\xd1\x81\xd0\xbe\xd0\xb2\xd0\xb5\xd1\x82" " and "
  "\xd0\xa1\xd0\xbe\xd0\xb2\xd0\xb5\xd1\x82" " soviets, Stra\xc3\x9f" "e" NBSP "again.\n\n"
  "Aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa-b "
  "don" RSQUO "t" RSQUO "s of the soviet of the soviet.\n";

/* hits of a query over mask into v (ll_Hit), or LL_ERRMEM */
static int qhits(ll_Mem *m, const ll_Index *ix, const char *q, unsigned mask, ll_Vec *v) {
  ll_Query qq;
  char err[LL_ERRSIZE];
  int st;
  ll_query_init(&qq);
  st = ll_query_parse(m, &qq, q, strlen(q), 0, err, sizeof err);
  if (st == LL_OK) st = ll_index_match(m, ix, &qq, mask, v, NULL);
  ll_query_free(m, &qq);
  return st;
}

#define NCDOCS 4

/* Builds the corpus index of the test pages and the letter (the first page
** twice). *docs receives them; LL_OK, or the failing status. */
static int corpusdocs(ll_Mem *m, ll_Doc **docs, char *err) {
  int st = ll_parse_text(m, page, sizeof page - 1, &docs[0], err, LL_ERRSIZE);
  if (st == LL_OK) st = ll_parse_text(m, page2, sizeof page2 - 1, &docs[1], err, LL_ERRSIZE);
  if (st == LL_OK)
    st = ll_parse_text(m, (const char *)ll_letter_text, sizeof ll_letter_text, &docs[2],
                       err, LL_ERRSIZE);
  docs[3] = docs[0];
  return st;
}

/* Frees what corpusdocs parsed (docs[3] is docs[0] again). */
static void freecorpusdocs(ll_Doc **docs) {
  ll_doc_free(docs[0]);
  ll_doc_free(docs[1]);
  ll_doc_free(docs[2]);
}

static const unsigned cmasks[] = {LL_SCOPE_BODY, LL_SCOPE_NOTES, LL_SCOPE_ALL, LL_SCOPE_ANY};

/* Sizes: a corpus index's tokens and segments are the documents', end to
** end. */
static void corpus_sizes(Tally *t, const ll_Index *cx, ll_Doc **docs) {
  size_t d, k, sum;
  for (k = 0; k < 4; k++) {
    sum = 0;
    for (d = 0; d < NCDOCS; d++) sum += ll_index_ntokens(docs[d]->index, cmasks[k]);
    check(t, ll_index_ntokens(cx, cmasks[k]) == sum, "tokens in scope = the documents' sum", NULL);
  }
  sum = 0;
  for (d = 0; d < NCDOCS; d++) sum += ll_index_size(docs[d]->index);
  check(t, ll_index_size(cx) == sum, "tokens = the documents' sum", NULL);
}

/* One vocabulary: every word of every document, its count the sum. */
static void corpus_vocab(Tally *t, const ll_Index *cx, ll_Doc **docs) {
  size_t d, i;
  int good = 1;
  for (d = 0; d < NCDOCS; d++) {
    const ll_Index *ix = docs[d]->index;
    for (i = 0; i < ll_index_nwords(ix); i++) {
      size_t len, e, want = 0;
      const char *w = ll_index_word(ix, (uint32_t)i, &len);
      uint32_t id = ll_index_lookup(cx, w, len);
      if (id == LL_NOWORD) {
        good = 0;
        break;
      }
      for (e = 0; e < NCDOCS; e++)
        want += ll_index_freq(docs[e]->index, ll_index_lookup(docs[e]->index, w, len), LL_SCOPE_ANY);
      if (ll_index_freq(cx, id, LL_SCOPE_ANY) != want) good = 0;
    }
  }
  check(t, good, "every word is in the vocabulary, counted over every document", NULL);
  check(t, ll_index_nwords(cx) < ll_index_nwords(docs[0]->index) + ll_index_nwords(docs[1]->index) +
                                  ll_index_nwords(docs[2]->index),
     "words shared by documents have one id", NULL);
  check(t, ll_index_lookup(cx, "\xd1\x81\xd0\xbe\xd0\xb2\xd0\xb5\xd1\x82", 10) != LL_NOWORD &&
          ll_index_freq(cx, ll_index_lookup(cx, "\xd1\x81\xd0\xbe\xd0\xb2\xd0\xb5\xd1\x82", 10),
                        LL_SCOPE_BODY) == 2,
     "a Cyrillic word twice, cases folded", NULL);
}

/* Whether the corpus hits all of q over mask are the documents' hits, one
** after another, with the same places and contexts. */
static int samehits(ll_Mem *m, const ll_Index *cx, ll_Doc **docs, const ll_Vec *all,
                    const char *q, unsigned mask) {
  size_t d, at = 0, local;
  int good = 1;
  for (d = 0; d < NCDOCS && good; d++) {
    ll_Vec one;
    size_t j;
    ll_vec_init(&one, sizeof(ll_Hit));
    if (qhits(m, docs[d]->index, q, mask, &one) != LL_OK) good = 0;
    for (j = 0; j < one.n && good; j++, at++) {
      const ll_Hit *x = (const ll_Hit *)one.p + j, *y = (const ll_Hit *)all->p + at;
      size_t l1, r1, l2, r2;
      if (at >= all->n || ll_index_docof(cx, y->seg, &local) != d || local != x->seg ||
          y->pos != x->pos || y->len != x->len || y->sent != x->sent || y->ntok != x->ntok) {
        good = 0;
        break;
      }
      ll_index_context(docs[d]->index, x, 7, &l1, &r1);
      ll_index_context(cx, y, 7, &l2, &r2);
      if (l1 != l2 || r1 != r2) good = 0;
    }
    ll_vec_free(m, &one);
  }
  return good && at == all->n;
}

/* Hits: the documents' hits, one after another, with the same places. */
static void corpus_hits(Tally *t, ll_Mem *m, const ll_Index *cx, ll_Doc **docs) {
  static const char *const queries[] = {"soviet", "Soviet of Workers' Deputies", "black*",
                                        "of the", "the soviet", "again", "nothing", NULL};
  char msg[300];
  size_t i, k;
  for (i = 0; queries[i] != NULL; i++)
    for (k = 0; k < 4; k++) {
      ll_Vec all;
      int good = 1;
      ll_vec_init(&all, sizeof(ll_Hit));
      if (qhits(m, cx, queries[i], cmasks[k], &all) != LL_OK) good = 0;
      good = good && samehits(m, cx, docs, &all, queries[i], cmasks[k]);
      snprintf(msg, sizeof msg, "\"%s\" mask %u: %lu hits", queries[i], cmasks[k],
               (unsigned long)all.n);
      check(t, good, "corpus hits = the documents' hits", msg);
      ll_vec_free(m, &all);
    }
  check(t, qcount(m, cx, "soviet", LL_SCOPE_BODY, 0) == 2 + 3 + 22 + 2, "soviet 29 times in bodies",
     NULL);
}

/* Tokens read back: word id and bytes as each document's. */
static void corpus_tokens(Tally *t, const ll_Index *cx, ll_Doc **docs) {
  size_t i, d, local;
  int good = 1;
  for (i = 0; i < ll_index_size(cx) && good; i++) {
    ll_Token a, b;
    size_t len, first = 0, e;
    const char *w;
    ll_index_token(cx, i, &a);
    d = ll_index_docof(cx, a.seg, &local);
    for (e = 0; e < d; e++) first += ll_index_size(docs[e]->index);
    ll_index_token(docs[d]->index, i - first, &b);
    w = ll_index_word(cx, a.word, &len);
    if (local != b.seg || a.pos != b.pos || a.len != b.len || ll_index_tokword(cx, i) != a.word ||
        ll_index_lookup(docs[d]->index, w, len) != b.word)
      good = 0;
  }
  check(t, good, "every token as its document has it", NULL);
}

/* Frequencies and n-grams: counts are the sums. */
static void corpus_counts(Tally *t, ll_Mem *m, const ll_Index *cx, ll_Doc **docs) {
  ll_Vec f, g;
  char msg[300];
  size_t i, d, sum, want = 0, n;
  ll_vec_init(&f, sizeof(ll_Freq));
  ll_vec_init(&g, sizeof(ll_Gram));
  check(t, ll_index_frequencies(m, cx, LL_SCOPE_ALL, 1, NULL, &f) == LL_OK, "frequencies", NULL);
  check(t, f.n <= ll_index_nwords(cx), "a word at most once",
     NULL);
  sum = 0;
  for (i = 0; i < f.n; i++) sum += ((const ll_Freq *)f.p)[i].count;
  check(t, sum == ll_index_ntokens(cx, LL_SCOPE_ALL), "frequencies add up to the tokens", NULL);
  check(t, f.n > 0 && strcmp(ll_index_word(cx, ((const ll_Freq *)f.p)[0].word, NULL), "the") == 0,
     "\"the\" comes first", NULL);
  check(t, ll_index_ngrams(m, cx, 2, LL_SCOPE_BODY, 1, &g) == LL_OK, "bigrams", NULL);
  sum = 0;
  for (i = 0; i < g.n; i++) sum += ((const ll_Gram *)g.p)[i].count;
  for (d = 0; d < NCDOCS; d++) {
    ll_Vec h;
    ll_vec_init(&h, sizeof(ll_Gram));
    if (ll_index_ngrams(m, docs[d]->index, 2, LL_SCOPE_BODY, 1, &h) == LL_OK)
      for (i = 0; i < h.n; i++) want += ((const ll_Gram *)h.p)[i].count;
    ll_vec_free(m, &h);
  }
  check(t, sum == want, "bigrams add up to the documents'", NULL);
  n = g.n ? ((const ll_Gram *)g.p)[0].count : 0;
  snprintf(msg, sizeof msg, "%lu", (unsigned long)n);
  check(t, n == qcount(m, cx, "of the", LL_SCOPE_BODY, 0) && n > 0, "top bigram \"of the\"", msg);
  ll_vec_free(m, &f);
  ll_vec_free(m, &g);
}

/* A corpus index of the test pages and the letter, checked against its
** documents' own indexes. */
static void test_corpus(Tally *t) {
  ll_Mem m;
  ll_Doc *docs[NCDOCS] = {NULL, NULL, NULL, NULL};
  ll_Index *cx = NULL;
  char err[LL_ERRSIZE];
  size_t d;
  m.f = ll_stdalloc;
  m.ud = NULL;
  if (corpusdocs(&m, docs, err) != LL_OK) {
    check(t, 0, "parse the corpus pages", err);
    return;
  }
  check(t, ll_index_build_corpus(&m, docs, NCDOCS, NULL, &cx) == LL_OK, "build a corpus index", NULL);
  if (cx == NULL) return;
  for (d = 0; d < NCDOCS; d++) ll_index_build(docs[d]);
  check(t, ll_index_doc(cx) == NULL, "a corpus index has no one document", NULL);
  corpus_sizes(t, cx, docs);
  corpus_vocab(t, cx, docs);
  corpus_hits(t, &m, cx, docs);
  corpus_tokens(t, cx, docs);
  corpus_counts(t, &m, cx, docs);
  ll_index_free(cx);
  freecorpusdocs(docs);
}

/* ------------------------------------------------------------------ */
/* Allocation failures                                                 */
/* ------------------------------------------------------------------ */

/* Fails the Nth allocation for every N of a build and a few queries:
** each must fail cleanly, leave the document usable, and leak nothing. */
static void test_nomem(Tally *t) {
  Counter c = {0, 0, -1};
  ll_Mem m;
  ll_Doc *d = NULL;
  char err[LL_ERRSIZE];
  long n;
  int clean = 1, finished = 0;
  m.f = runningout;
  m.ud = &c;
  for (n = 0; n < 100000 && !finished; n++) {
    size_t before;
    int st;
    c.calls = 0;
    c.failat = -1;
    c.live = 0;
    if (ll_parse_text(&m, page, sizeof page - 1, &d, err, sizeof err) !=
        LL_OK) {
      check(t, 0, "parse", err);
      return;
    }
    before = c.live;
    c.calls = 0;
    c.failat = n;
    st = ll_index_build(d);
    if (st == LL_OK) {
      ll_Query q;
      ll_Vec v;
      size_t k;
      ll_query_init(&q);
      q.stemmer = &ll_snowball_stemmer;
      ll_vec_init(&v, sizeof(ll_Hit));
      st = ll_query_parse(&m, &q, "black* hundreds", 15, LL_TERM_STEM, err,
                          sizeof err);
      if (st == LL_OK) st = ll_index_match(&m, d->index, &q, LL_SCOPE_ALL, &v, &k);
      if (st == LL_OK) st = ll_index_sort(&m, d->index, (ll_Hit *)v.p, v.n,
                                          LL_SORT_LEFT);
      ll_vec_free(&m, &v);
      ll_vec_init(&v, sizeof(ll_Colloc));
      if (st == LL_OK)
        st = ll_index_collocates(&m, d->index, &q, LL_SCOPE_ALL, 5, LL_LLR, 1,
                                 NULL, &v);
      ll_vec_free(&m, &v);
      ll_vec_init(&v, sizeof(ll_Gram));
      if (st == LL_OK) st = ll_index_ngrams(&m, d->index, 2, LL_SCOPE_ALL, 1, &v);
      ll_vec_free(&m, &v);
      ll_vec_init(&v, sizeof(ll_Freq));
      if (st == LL_OK)
        st = ll_index_frequencies(&m, d->index, LL_SCOPE_ALL, 1, NULL, &v);
      ll_vec_free(&m, &v);
      ll_query_free(&m, &q);
      if (st == LL_OK) finished = 1;
      else if (st != LL_ERRMEM) clean = 0;
    } else {
      if (st != LL_ERRMEM || d->index != NULL || c.live != before) clean = 0;
      /* the document is still usable: a build without failures works */
      c.failat = -1;
      if (ll_index_build(d) != LL_OK) clean = 0;
    }
    c.failat = -1;
    ll_doc_free(d);
    if (c.live != 0) {
      printf("leak of %lu bytes failing allocation %ld\n",
             (unsigned long)c.live, n);
      clean = 0;
    }
  }
  check(t, finished, "the allocation loop ends", NULL);
  check(t, clean, "every allocation failure is clean", NULL);
}

/* Parses into *d a page of n words p0 p1 ... (p a letter), a paragraph
** every thousand, then " the soviet x7". */
static int manywords(ll_Mem *m, char p, size_t n, ll_Doc **d, char *err) {
  ll_Buf b;
  char w[32];
  size_t i;
  int st;
  ll_buf_init(&b);
  ll_buf_add(m, &b, "Many words\n\n", 12);
  for (i = 0; i < n; i++) {
    int k = snprintf(w, sizeof w, "%s%c%lu%s", i ? " " : "", p, (unsigned long)i,
                     i % 1000 == 999 ? ".\n\n" : "");
    ll_buf_add(m, &b, w, (size_t)k);
  }
  ll_buf_add(m, &b, " the soviet x7\n", 15);
  st = ll_parse_text(m, b.p, b.n, d, err, LL_ERRSIZE);
  ll_buf_free(m, &b);
  return st;
}

/* A corpus index of more than 65536 words: its word ids widen midway. */
static void test_corpus_wide(Tally *t) {
  ll_Mem m;
  ll_Doc *docs[3] = {NULL, NULL, NULL};
  ll_Index *cx = NULL;
  char err[LL_ERRSIZE];
  size_t i, local;
  int good = 1;
  m.f = ll_stdalloc;
  m.ud = NULL;
  if (ll_parse_text(&m, page, sizeof page - 1, &docs[0], err, sizeof err) != LL_OK ||
      manywords(&m, 'x', 70000, &docs[1], err) != LL_OK) {
    check(t, 0, "parse", err);
    return;
  }
  docs[2] = docs[0];
  check(t, ll_index_build_corpus(&m, docs, 3, NULL, &cx) == LL_OK, "build a corpus index of 70,000 words",
     NULL);
  if (cx == NULL) return;
  ll_index_build(docs[0]);
  ll_index_build(docs[1]);
  check(t, ll_index_nwords(cx) > 70000, "more than 65536 words", NULL);
  check(t, qcount(&m, cx, "x69999", LL_SCOPE_BODY, 0) == 1 && qcount(&m, cx, "x7", LL_SCOPE_ALL, 0) == 2,
     "words past 65536 are found", NULL);
  check(t, qcount(&m, cx, "soviet", LL_SCOPE_BODY, 0) == 5, "soviet 2 + 1 + 2 times", NULL);
  check(t, qcount(&m, cx, "x65535 x65536 x65537", LL_SCOPE_BODY, 0) == 1, "a phrase across 65536",
     NULL);
  for (i = 0; i < ll_index_size(cx) && good; i++) {
    ll_Token a;
    size_t len, first = 0, d;
    const char *word;
    ll_index_token(cx, i, &a);
    d = ll_index_docof(cx, a.seg, &local);
    if (d > 0) first += ll_index_size(docs[0]->index);
    if (d > 1) first += ll_index_size(docs[1]->index);
    word = ll_index_word(cx, a.word, &len);
    if (ll_index_lookup(docs[d == 2 ? 0 : d]->index, word, len) !=
        ll_index_tokword(docs[d == 2 ? 0 : d]->index, i - first))
      good = 0;
  }
  check(t, good, "every token's word as its document has it", NULL);
  ll_index_free(cx);
  ll_doc_free(docs[0]);
  ll_doc_free(docs[1]);
}

/* ------------------------------------------------------------------ */
/* Long phrases of frequent words (issue #19)                          */
/* ------------------------------------------------------------------ */

/* A page of 30 paragraphs of 40 "the" then "soviet the the", each followed
** by one of "soviet" then 5 "the": a phrase that ends one and starts the
** next is no phrase. */
static int theparas(ll_Mem *m, ll_Doc **d, char *err) {
  ll_Buf b;
  int i, k, st;
  ll_buf_init(&b);
  ll_buf_add(m, &b, "Long phrases\n\n", 14);
  for (i = 0; i < 30; i++) {
    for (k = 0; k < 40; k++) ll_buf_add(m, &b, "the ", 4);
    ll_buf_add(m, &b, "soviet the the.\n\nsoviet the the the the the.\n\n", 46);
  }
  st = ll_parse_text(m, b.p, b.n, d, err, LL_ERRSIZE);
  ll_buf_free(m, &b);
  return st;
}

/* Whether the hits of q (words, or prefixes matching only the word
** without its '*') over ix are exactly those a scan of every token finds:
** each place where its words follow one another inside one segment. */
static int samephrasehits(ll_Mem *m, const ll_Index *ix, const char *q, size_t *n) {
  uint32_t ids[64];
  size_t k = 0, i, t, h = 0;
  const char *s = q;
  ll_Vec v;
  int same = 1;
  while (*s != '\0' && k < 64) {
    size_t len = strcspn(s, " *");
    ids[k++] = ll_index_lookup(ix, s, len);
    s += len;
    s += strspn(s, " *");
  }
  ll_vec_init(&v, sizeof(ll_Hit));
  if (qhits(m, ix, q, LL_SCOPE_ALL, &v) != LL_OK) return 0;
  for (t = 0; t + k <= ll_index_size(ix); t++) {
    ll_Token a, b;
    ll_index_token(ix, t, &a);
    ll_index_token(ix, t + k - 1, &b);
    for (i = 0; i < k && ll_index_tokword(ix, t + i) == ids[i]; i++) continue;
    if (i < k || a.seg != b.seg) continue;
    if (h >= v.n || ((ll_Hit *)v.p)[h].tok != t || ((ll_Hit *)v.p)[h].seg != a.seg ||
        ((ll_Hit *)v.p)[h].ntok != k)
      same = 0;
    h++;
  }
  if (h != v.n) same = 0;
  *n = v.n;
  ll_vec_free(m, &v);
  return same;
}

/* A long phrase of a frequent word, matched through its rarest word, in a
** document's index and a corpus's: every hit found, in order, and none
** that would start in the segment before. */
static void test_longphrase(Tally *t) {
  static const struct {
    const char *q;
    size_t want;
  } cases[] = {
      {"the the the the the the the the the the the the the the the the the the the the soviet", 30},
      {"the the the the the the the the the the the the the the the the the the the the", 30 * 21},
      {"the soviet", 30}, /* not "the" ending a block, "soviet" starting the next */
      {"the the soviet the the", 30},
      {"soviet the the", 60}, /* the rarest word first */
      {"the the the the the", 30 * 36 + 30},
      {"the* soviet", 30}, /* a first term that is a set */
      {"soviet the* the", 60},
      {"soviet soviet", 0},
      {NULL, 0}};
  ll_Mem m = {ll_stdalloc, NULL};
  ll_Doc *d = NULL, *docs[2];
  ll_Index *cx = NULL;
  char err[LL_ERRSIZE], what[160];
  size_t i, n;
  if (theparas(&m, &d, err) != LL_OK || ll_index_build(d) != LL_OK) {
    check(t, 0, "parse the page of long phrases", err);
    return;
  }
  docs[0] = docs[1] = d;
  check(t, ll_index_build_corpus(&m, docs, 2, NULL, &cx) == LL_OK, "a corpus of it twice", NULL);
  for (i = 0; cases[i].q != NULL; i++) {
    snprintf(what, sizeof what, "long phrase \"%.100s\" in the document", cases[i].q);
    check(t, samephrasehits(&m, d->index, cases[i].q, &n) && n == cases[i].want, what, NULL);
    if (cx == NULL) continue;
    snprintf(what, sizeof what, "long phrase \"%.100s\" in the corpus", cases[i].q);
    check(t, samephrasehits(&m, cx, cases[i].q, &n) && n == 2 * cases[i].want, what, NULL);
  }
  ll_index_free(cx);
  ll_doc_free(d);
}

/* A runner on this thread: tasks in order, or last first (the halves of
** a corpus index must not depend on which is built first). */
typedef struct Serial {
  ll_Mem m;
  int backward;
  int runs; /* how many times run was called */
} Serial;

static void serialrun(void *ud, size_t n, ll_TaskFn fn, void *ctx) {
  Serial *s = (Serial *)ud;
  size_t i;
  s->runs++;
  for (i = 0; i < n; i++) fn(&s->m, ctx, s->backward ? n - 1 - i : i);
}

/* Are two corpus indexes of the same documents the same: words and ids,
** counts, every token (word, segment, bytes), every segment's tokens, and
** the hits of some queries? */
static int sameindex(ll_Mem *m, const ll_Index *a, const ll_Index *b, size_t nsegs) {
  static const char *const queries[] = {"soviet", "of the", "x7", "y39999", "x39999 y0",
                                        "black*", NULL};
  size_t i;
  if (ll_index_nwords(a) != ll_index_nwords(b) || ll_index_size(a) != ll_index_size(b)) return 0;
  for (i = 0; i < ll_index_nwords(a); i++) {
    size_t la, lb;
    const char *wa = ll_index_word(a, (uint32_t)i, &la), *wb = ll_index_word(b, (uint32_t)i, &lb);
    if (la != lb || memcmp(wa, wb, la) != 0 ||
        ll_index_freq(a, (uint32_t)i, LL_SCOPE_BODY) != ll_index_freq(b, (uint32_t)i, LL_SCOPE_BODY) ||
        ll_index_freq(a, (uint32_t)i, LL_SCOPE_ANY) != ll_index_freq(b, (uint32_t)i, LL_SCOPE_ANY))
      return 0;
  }
  for (i = 0; i < ll_index_size(a); i++) {
    ll_Token ta, tb;
    ll_index_token(a, i, &ta);
    ll_index_token(b, i, &tb);
    if (ta.seg != tb.seg || ta.pos != tb.pos || ta.len != tb.len || ta.word != tb.word) return 0;
  }
  for (i = 0; i < nsegs; i++) {
    size_t fa, la, fb, lb;
    ll_index_segtokens(a, i, &fa, &la);
    ll_index_segtokens(b, i, &fb, &lb);
    if (fa != fb || la != lb) return 0;
  }
  for (i = 0; queries[i] != NULL; i++) {
    ll_Vec va, vb;
    int same;
    ll_vec_init(&va, sizeof(ll_Hit));
    ll_vec_init(&vb, sizeof(ll_Hit));
    same = qhits(m, a, queries[i], LL_SCOPE_ALL, &va) == LL_OK &&
           qhits(m, b, queries[i], LL_SCOPE_ALL, &vb) == LL_OK && va.n == vb.n &&
           (va.n == 0 || memcmp(va.p, vb.p, va.n * sizeof(ll_Hit)) == 0);
    ll_vec_free(m, &va);
    ll_vec_free(m, &vb);
    if (!same) return 0;
  }
  return 1;
}

/* A corpus index built in two halves (ll_Runner) is the one built in one:
** over the letter and pages (more than SPLITMIN bytes), and over two
** pages of 40,000 words each, whose word ids widen only when merged. */
static void test_corpus_split(Tally *t) {
  ll_Mem m;
  ll_Doc *docs[NCDOCS], *all[6], *wide[3] = {NULL, NULL, NULL};
  ll_Index *one = NULL, *fwd = NULL, *back = NULL;
  Serial sf, sb;
  ll_Runner rf, rb;
  char err[LL_ERRSIZE];
  size_t i, nsegs = 0;
  m.f = ll_stdalloc;
  m.ud = NULL;
  sf.m = sb.m = m;
  sf.backward = sf.runs = sb.runs = 0;
  sb.backward = 1;
  rf.run = rb.run = serialrun;
  rf.ud = &sf;
  rb.ud = &sb;
  if (corpusdocs(&m, docs, err) != LL_OK) {
    check(t, 0, "parse the corpus pages", err);
    return;
  }
  all[0] = docs[2];
  all[1] = docs[0];
  all[2] = docs[2];
  all[3] = docs[1];
  all[4] = docs[2];
  all[5] = docs[0];
  for (i = 0; i < 6; i++) nsegs += all[i]->nsegs;
  check(t,
     ll_index_build_corpus(&m, all, 6, NULL, &one) == LL_OK &&
         ll_index_build_corpus(&m, all, 6, &rf, &fwd) == LL_OK &&
         ll_index_build_corpus(&m, all, 6, &rb, &back) == LL_OK,
     "build a corpus index in one piece and in halves", NULL);
  check(t, sf.runs == 1 && sb.runs == 1, "the runner builds the halves", NULL);
  check(t, one && fwd && back && sameindex(&m, one, fwd, nsegs) && sameindex(&m, one, back, nsegs),
     "halves make the same index, whichever is built first", NULL);
  ll_index_free(one);
  ll_index_free(fwd);
  ll_index_free(back);
  one = fwd = NULL;
  if (manywords(&m, 'x', 40000, &wide[0], err) != LL_OK ||
      manywords(&m, 'y', 40000, &wide[1], err) != LL_OK) {
    check(t, 0, "parse", err);
  } else {
    wide[2] = docs[0];
    nsegs = wide[0]->nsegs + wide[1]->nsegs + wide[2]->nsegs;
    check(t,
       ll_index_build_corpus(&m, wide, 3, NULL, &one) == LL_OK &&
           ll_index_build_corpus(&m, wide, 3, &rf, &fwd) == LL_OK,
       "build a corpus index of 80,000 words in halves", NULL);
    check(t, one && fwd && ll_index_nwords(fwd) > 80000 && sameindex(&m, one, fwd, nsegs),
       "halves of fewer than 65536 words each merge into wide ids", NULL);
    check(t, fwd && qcount(&m, fwd, "x39999 y0", LL_SCOPE_BODY, 0) == 0 &&
              qcount(&m, fwd, "y39999", LL_SCOPE_BODY, 0) == 1 &&
              qcount(&m, fwd, "soviet", LL_SCOPE_BODY, 0) == 4,
       "queries over merged halves", NULL);
    ll_index_free(one);
    ll_index_free(fwd);
  }
  ll_doc_free(wide[0]);
  ll_doc_free(wide[1]);
  freecorpusdocs(docs);
}

/* Sets *cheap from ll_index_count_cheap for query q; LL_OK or not. */
static int cheapq(ll_Mem *m, const ll_Index *ix, const char *q, int *cheap) {
  ll_Query qq;
  char err[LL_ERRSIZE];
  int st;
  ll_query_init(&qq);
  st = ll_query_parse(m, &qq, q, strlen(q), 0, err, sizeof err);
  if (st == LL_OK) st = ll_index_count_cheap(m, ix, &qq, cheap);
  ll_query_free(m, &qq);
  return st;
}

/* A document's index built by ll_index_build_run (issue #16): a large page
** tokenised in halves by the runner, no postings until ll_index_postings
** makes them; its words, tokens and hits are ll_index_build's before and
** after (queries scan the tokens meanwhile), and a count of one word is
** known to need no postings. The page: the letter five times (100 KB). */
static void test_doc_run(Tally *t) {
  ll_Mem m;
  ll_Doc *a = NULL, *b = NULL, *c = NULL;
  ll_Buf text;
  Serial sf;
  ll_Runner rf;
  char err[LL_ERRSIZE];
  int i, cheap[4] = {-1, -1, -1, -1}, st;
  m.f = ll_stdalloc;
  m.ud = NULL;
  sf.m = m;
  sf.backward = sf.runs = 0;
  rf.run = serialrun;
  rf.ud = &sf;
  ll_buf_init(&text);
  for (i = 0; i < 5; i++) {
    ll_buf_add(&m, &text, (const char *)ll_letter_text, sizeof ll_letter_text);
    ll_buf_add(&m, &text, "\n\n", 2);
  }
  st = ll_parse_text(&m, text.p, text.n, &a, err, sizeof err);
  if (st == LL_OK) st = ll_parse_text(&m, text.p, text.n, &b, err, sizeof err);
  if (st == LL_OK) st = ll_parse_text(&m, text.p, text.n, &c, err, sizeof err);
  ll_buf_free(&m, &text);
  check(t, st == LL_OK, "parse the letter five times", err);
  if (st == LL_OK) {
    check(t,
          ll_index_build(a) == LL_OK && ll_index_build_run(b, &rf) == LL_OK &&
              ll_index_build_run(c, NULL) == LL_OK,
          "build a page's index whole, in halves and in one piece without postings", NULL);
    check(t, sf.runs == 1, "the runner tokenises the page's halves", NULL);
    check(t,
          sameindex(&m, a->index, b->index, a->nsegs) &&
              sameindex(&m, a->index, c->index, a->nsegs),
          "without postings: the same words, tokens and hits (queries scan)", NULL);
    check(t,
          cheapq(&m, b->index, "Soviet", &cheap[0]) == LL_OK &&
              cheapq(&m, b->index, "Black Hundreds", &cheap[1]) == LL_OK &&
              cheapq(&m, b->index, "revolution*", &cheap[2]) == LL_OK &&
              cheapq(&m, b->index, "nosuchword", &cheap[3]) == LL_OK,
          "ask what counts need", NULL);
    check(t, cheap[0] == 1 && cheap[1] == 0 && cheap[2] == 0 && cheap[3] == 1,
          "a count of one word (or of none) needs no postings; a phrase or a prefix does",
          NULL);
    check(t,
          ll_index_postings(b->index) == LL_OK && ll_index_postings(b->index) == LL_OK &&
              sameindex(&m, a->index, b->index, a->nsegs),
          "postings made later (once): the same hits", NULL);
  }
  ll_doc_free(a);
  ll_doc_free(b);
  ll_doc_free(c);
}

/* Allocation failures while a corpus index is built in halves: for every
** N, failing the Nth allocation gives LL_ERRMEM and frees everything (the
** counting allocator checks every size given back); once memory suffices
** the index is the one built in one piece. */
static void test_split_nomem(Tally *t) {
  Counter c = {0, 0, -1};
  ll_Mem m;
  ll_Doc *docs[NCDOCS], *all[6];
  ll_Index *one = NULL;
  Serial sr;
  ll_Runner run;
  char err[LL_ERRSIZE];
  long n;
  size_t i, nsegs = 0;
  int clean = 1, finished = 0;
  m.f = runningout;
  m.ud = &c;
  c.calls = 0;
  c.failat = -1;
  c.live = 0;
  sr.m = m;
  sr.backward = 1;
  sr.runs = 0;
  run.run = serialrun;
  run.ud = &sr;
  if (corpusdocs(&m, docs, err) != LL_OK) {
    check(t, 0, "parse", err);
    return;
  }
  for (i = 0; i < 6; i++) {
    all[i] = docs[i % 2 == 0 ? 2 : (i / 2) % 2];
    nsegs += all[i]->nsegs;
  }
  if (ll_index_build_corpus(&m, all, 6, NULL, &one) != LL_OK) clean = 0;
  for (n = 0; n < 100000 && !finished && one != NULL; n++) {
    size_t before = c.live;
    ll_Index *cx = NULL;
    int st;
    c.calls = 0;
    c.failat = n;
    st = ll_index_build_corpus(&m, all, 6, &run, &cx);
    c.failat = -1;
    if (st == LL_OK) {
      finished = 1;
      if (!sameindex(&m, one, cx, nsegs)) clean = 0;
      ll_index_free(cx);
    } else if (st != LL_ERRMEM || cx != NULL) {
      clean = 0;
    }
    if (c.live != before) {
      printf("leak of %lu bytes failing allocation %ld\n", (unsigned long)(c.live - before), n);
      clean = 0;
    }
  }
  ll_index_free(one);
  freecorpusdocs(docs);
  check(t, finished && sr.runs > 1, "the split allocation loop ends", NULL);
  check(t, clean, "every allocation failure of a split build is clean, then the same index", NULL);
  check(t, c.live == 0, "the split loop frees everything", NULL);
}

/* The same loop over a corpus index: build, match, sort, collocates. */
static void test_corpus_nomem(Tally *t) {
  Counter c = {0, 0, -1};
  ll_Mem m;
  ll_Doc *docs[NCDOCS];
  char err[LL_ERRSIZE];
  long n;
  int clean = 1, finished = 0;
  m.f = runningout;
  m.ud = &c;
  c.calls = 0;
  c.failat = -1;
  c.live = 0;
  if (corpusdocs(&m, docs, err) != LL_OK) {
    check(t, 0, "parse", err);
    return;
  }
  for (n = 0; n < 100000 && !finished; n++) {
    size_t before = c.live, k;
    ll_Index *cx = NULL;
    int st;
    c.calls = 0;
    c.failat = n;
    st = ll_index_build_corpus(&m, docs, NCDOCS, NULL, &cx);
    if (st == LL_OK) {
      ll_Query q;
      ll_Vec v;
      ll_query_init(&q);
      q.stemmer = &ll_snowball_stemmer;
      ll_vec_init(&v, sizeof(ll_Hit));
      st = ll_query_parse(&m, &q, "soviet of", 9, LL_TERM_STEM, err, sizeof err);
      if (st == LL_OK) st = ll_index_match(&m, cx, &q, LL_SCOPE_ALL, &v, &k);
      if (st == LL_OK) st = ll_index_sort(&m, cx, (ll_Hit *)v.p, v.n, LL_SORT_RIGHT);
      ll_vec_free(&m, &v);
      ll_vec_init(&v, sizeof(ll_Colloc));
      if (st == LL_OK)
        st = ll_index_collocates(&m, cx, &q, LL_SCOPE_ALL, 5, LL_MI, 1, NULL, &v);
      ll_vec_free(&m, &v);
      ll_query_free(&m, &q);
      ll_index_free(cx);
      if (st == LL_OK) finished = 1;
      else if (st != LL_ERRMEM) clean = 0;
    } else if (st != LL_ERRMEM || cx != NULL) {
      clean = 0;
    }
    c.failat = -1;
    if (c.live != before) {
      printf("leak of %lu bytes failing allocation %ld\n", (unsigned long)(c.live - before), n);
      clean = 0;
    }
  }
  freecorpusdocs(docs);
  check(t, finished, "the corpus allocation loop ends", NULL);
  check(t, clean, "every allocation failure of a corpus index is clean", NULL);
  check(t, c.live == 0, "the corpus loop frees everything", NULL);
}

/* ------------------------------------------------------------------ */
/* Co-occurrence, per document, keywords                               */
/* ------------------------------------------------------------------ */

/* a co-occurrence of two string queries over ix's body */
static size_t cocount(ll_Mem *m, const ll_Index *ix, const char *a, const char *b, size_t within,
                      ll_Vec *hits) {
  ll_Query q[2];
  char err[LL_ERRSIZE];
  size_t n = 0;
  int st;
  ll_query_init(&q[0]);
  ll_query_init(&q[1]);
  st = ll_query_parse(m, &q[0], a, strlen(a), 0, err, sizeof err);
  if (st == LL_OK) st = ll_query_parse(m, &q[1], b, strlen(b), 0, err, sizeof err);
  if (st == LL_OK) st = ll_index_cooccur(m, ix, q, 2, within, LL_SCOPE_BODY, hits, &n);
  ll_query_free(m, &q[0]);
  ll_query_free(m, &q[1]);
  return st == LL_OK ? n : (size_t)-1;
}

/* Co-occurrences on page (twice in the corpus): "The Soviet of Workers'
** Deputies met. The soviet spoke." soviet and met: one sentence; words:
** The(0) Soviet(1) of(2) Workers(3) Deputies(4) met(5) The(6) soviet(7)
** spoke(8). */
static void research_cooccur(Tally *t, ll_Mem *m, const ll_Index *cx) {
  ll_Vec v;
  check(t, cocount(m, cx, "soviet", "met", 0, NULL) == 2, "soviet and met: one sentence a page (twice)",
     NULL);
  check(t, cocount(m, cx, "soviet", "met", 1, NULL) == 0, "not within 1 word", NULL);
  /* within 2: met(5) The soviet(7), across the sentences' end */
  check(t, cocount(m, cx, "soviet", "met", 2, NULL) == 2, "within 2 words", NULL);
  /* within 4: Soviet(1) .. met(5) first; met .. soviet(7) overlaps it */
  check(t, cocount(m, cx, "soviet", "met", 4, NULL) == 2, "within 4 words, none overlapping", NULL);
  ll_vec_init(&v, sizeof(ll_Hit));
  cocount(m, cx, "met", "soviet", 0, &v);
  /* "Soviet of Workers’ Deputies met": 6 + 1 + 2 + 1 + 7 + 3 + 1 + 8 + 1 + 3 bytes */
  check(t, v.n == 2 && ((const ll_Hit *)v.p)[0].ntok == 5 && ((const ll_Hit *)v.p)[0].pos == 4 &&
            ((const ll_Hit *)v.p)[0].len == 33,
     "a co-occurrence spans its first word to its last", NULL);
  ll_vec_free(m, &v);
}

/* Per document: soviet's hits in the bodies, 2 + 3 + 22 + 2; each
** document's words and sentences. */
static void research_perdoc(Tally *t, ll_Mem *m, const ll_Index *cx, ll_Doc **docs) {
  ll_Vec v;
  size_t counts[NCDOCS] = {0, 0, 0, 0}, words[NCDOCS], sents[NCDOCS], i;
  ll_vec_init(&v, sizeof(ll_Hit));
  if (qhits(m, cx, "soviet", LL_SCOPE_BODY, &v) == LL_OK)
    ll_index_perdoc(cx, (const ll_Hit *)v.p, v.n, counts);
  check(t, counts[0] == 2 && counts[1] == 3 && counts[2] == 22 && counts[3] == 2,
     "soviet per document: 2, 3, 22, 2", NULL);
  ll_vec_free(m, &v);
  ll_index_docsizes(cx, LL_SCOPE_BODY, words, sents);
  for (i = 0; i < NCDOCS; i++) {
    ll_index_build(docs[i]);
    check(t, words[i] == ll_index_ntokens(docs[i]->index, LL_SCOPE_BODY), "a document's words", NULL);
  }
  check(t, sents[0] == 3, "the first page's body: 3 sentences", NULL);
}

/* Document frequency: the number of documents whose own index has the
** word, most first. */
static void research_docfreq(Tally *t, ll_Mem *m, const ll_Index *cx, ll_Doc **docs) {
  ll_Vec v;
  ll_vec_init(&v, sizeof(ll_Freq));
  if (ll_index_docfreq(m, cx, LL_SCOPE_BODY, 1, NULL, &v) == LL_OK) {
    const ll_Freq *f = (const ll_Freq *)v.p;
    size_t len, d, bad = 0, i;
    for (i = 0; i < v.n; i++) {
      const char *w = ll_index_word(cx, f[i].word, &len);
      size_t want = 0;
      for (d = 0; d < NCDOCS; d++) {
        uint32_t id = ll_index_lookup(docs[d]->index, w, len);
        if (id != LL_NOWORD && ll_index_freq(docs[d]->index, id, LL_SCOPE_BODY) > 0) want++;
      }
      if (want != f[i].count) bad++;
      if (i > 0 && f[i].count > f[i - 1].count) bad++;
    }
    check(t, v.n > 0 && bad == 0, "document frequencies: the documents holding each word", NULL);
  } else {
    check(t, 0, "document frequencies", NULL);
  }
  ll_vec_free(m, &v);
}

/* Keywords of page 2: its Cyrillic soviets are used nowhere else. */
static void research_keywords(Tally *t, ll_Mem *m, const ll_Index *cx) {
  unsigned char pick[NCDOCS] = {0, 1, 0, 0};
  ll_Vec v;
  size_t i;
  ll_vec_init(&v, sizeof(ll_Key));
  if (ll_index_keywords(m, cx, LL_SCOPE_BODY, pick, LL_KEY_LLR, 1, NULL, &v) == LL_OK && v.n > 0) {
    const ll_Key *k = (const ll_Key *)v.p;
    check(t, k[0].other == 0 && k[0].score > 0, "page 2's first keyword is its own", NULL);
    for (i = 1; i < v.n; i++)
      if (k[i].score > k[i - 1].score) check(t, 0, "keywords by score", NULL);
  } else {
    check(t, 0, "keywords", NULL);
  }
  ll_vec_free(m, &v);
}

/* The research queries over a corpus index: co-occurrences, counts per
** document, document frequencies, keywords. */
static void test_research(Tally *t) {
  ll_Mem m;
  ll_Doc *docs[NCDOCS] = {NULL, NULL, NULL, NULL};
  ll_Index *cx = NULL;
  char err[LL_ERRSIZE];
  m.f = ll_stdalloc;
  m.ud = NULL;
  if (corpusdocs(&m, docs, err) != LL_OK) {
    check(t, 0, "parse the corpus pages", err);
    return;
  }
  if (ll_index_build_corpus(&m, docs, NCDOCS, NULL, &cx) != LL_OK) {
    check(t, 0, "build a corpus index", NULL);
    freecorpusdocs(docs);
    return;
  }
  check(t, ll_index_ndocs(cx) == NCDOCS, "a corpus index of four documents", NULL);
  research_cooccur(t, &m, cx);
  research_perdoc(t, &m, cx, docs);
  research_docfreq(t, &m, cx, docs);
  research_keywords(t, &m, cx);
  ll_index_free(cx);
  freecorpusdocs(docs);
}

/* A mapped index (what an index file opens as) reads its vocabulary where
** it lies, packed by ll_index_pack_vocab (issue #16): every word of the
** corpus must be found under its id and read back the same (its counts
** and postings too: the same hits), a word not there must not be found,
** and a vocabulary changed in place must be refused by the whole check. */
static void test_mapped_lookup(Tally *t) {
  ll_Mem m;
  ll_Doc *docs[NCDOCS] = {NULL, NULL, NULL, NULL};
  ll_Index *built = NULL, *mapped = NULL, *bad = NULL;
  ll_IndexImage img;
  ll_SegTable none;
  ll_Buf words, slots;
  uint32_t seed = 0;
  size_t nslots = 0;
  char err[LL_ERRSIZE];
  size_t w, n, wrong = 0, nowhere = 0, counts = 0;
  m.f = ll_stdalloc;
  m.ud = NULL;
  memset(&none, 0, sizeof none); /* lookups read no segment */
  ll_buf_init(&words);
  ll_buf_init(&slots);
  if (corpusdocs(&m, docs, err) != LL_OK) {
    check(t, 0, "parse the corpus pages", err);
    return;
  }
  if (ll_index_corpus_new(&m, &built) != LL_OK ||
      ll_index_corpus_add(built, docs, NCDOCS) != LL_OK || ll_index_corpus_end(built) != LL_OK ||
      ll_index_image(built, &img) != LL_OK ||
      ll_index_pack_vocab(&m, built, &words, &slots, &seed, &nslots) != LL_OK) {
    check(t, 0, "a corpus index, imaged, its vocabulary packed", NULL);
  } else {
    img.words = words.p;
    img.nwordbytes = words.n;
    img.slots = slots.p;
    img.nslots = nslots;
    img.seed = seed;
    if (ll_index_mapped(&m, &img, &none, &mapped, err, sizeof err) != LL_OK) {
      check(t, 0, "the packed vocabulary mapped", err);
    } else {
      n = ll_index_nwords(built);
      check(t, n > 64 && nslots > n && slots.n == nslots * ll_index_slotsize(n),
            "more words than a block, a table of more slots than words", NULL);
      /* in id order (the cursor), then backwards (a block started again
         for each word) */
      for (w = 0; w < 2 * n; w++) {
        uint32_t id = (uint32_t)(w < n ? w : 2 * n - 1 - w);
        size_t len, mlen;
        const char *word = ll_index_word(built, id, &len);
        const char *mword = ll_index_word(mapped, id, &mlen);
        if (mlen != len || memcmp(word, mword, len) != 0 || mword[len] != '\0') wrong++;
        if (ll_index_lookup(mapped, word, len) != id) wrong++;
        if (ll_index_freq(mapped, id, LL_SCOPE_ANY) != ll_index_freq(built, id, LL_SCOPE_ANY))
          counts++;
        if (w % 7 == 0 && ll_index_lookup(mapped, "zzyzzyva", 8) != LL_NOWORD) nowhere++;
      }
      check(t, wrong == 0, "every word found under its id, and read back the same", NULL);
      check(t, counts == 0, "every word's count the built index's", NULL);
      check(t, nowhere == 0, "a word not in the corpus is not found", NULL);
      check(t,
            ll_index_lookup(mapped, "soviet", 6) == ll_index_lookup(built, "soviet", 6) &&
                ll_index_lookup(mapped, "soviet", 6) != LL_NOWORD,
            "soviet: the id the built index gives", NULL);
      /* a block's first entry's length changed: a whole check refuses it */
      {
        size_t nblk = (n + 31) / 32, k = nblk * 12 + 0;
        ll_Buf copy;
        ll_buf_init(&copy);
        if (ll_buf_add(&m, &copy, words.p, words.n) == LL_OK) {
          copy.p[k] = (char)(copy.p[k] ^ 0x20);
          img.words = copy.p;
          check(t, ll_index_mapped(&m, &img, &none, &bad, err, sizeof err) == LL_ERRINPUT,
                "a changed entry refused when mapped with no lazy check", NULL);
          ll_index_free(bad);
        }
        ll_buf_free(&m, &copy);
      }
    }
  }
  ll_index_free(mapped);
  ll_buf_free(&m, &words);
  ll_buf_free(&m, &slots);
  ll_index_free(built);
  freecorpusdocs(docs);
}

int main(void) {
  Tally t = {0, 0};
  test_research(&t);
  test_words(&t);
  test_queries(&t);
  test_letter(&t);
  test_corpus(&t);
  test_mapped_lookup(&t);
  test_corpus_wide(&t);
  test_longphrase(&t);
  test_corpus_split(&t);
  test_doc_run(&t);
  test_nomem(&t);
  test_corpus_nomem(&t);
  test_split_nomem(&t);
  return report(&t);
}
