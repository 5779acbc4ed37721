/*
** test_harden.c: the C side of issue #19's hardening, each check one that
** the code before it failed. Inputs whose cost grew with the square of
** their size are timed at two sizes in this one process: the 16 times
** larger input must cost less than 64 times the smaller one (quadratic
** work costs 256 times; the O(n log n) work here measures 18 to 24 times,
** and the room left is for a busy machine and the sanitizers);
** memory is counted by an allocator; the HTML reader's messages are
** compared as they are.
*/
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "ll.h"
#include "llhtml.h"
#include "llindex.h"
#include "collide.h"
#include "testutil.h"

/* ------------------------------------------------------------------ */
/* Timing two sizes                                                    */
/* ------------------------------------------------------------------ */

typedef void (*Work)(size_t n, void *ctx);

/* The least processor time of three runs of work at size n, in seconds. */
static double cost(Work work, size_t n, void *ctx) {
  double best = 1e30;
  int r;
  for (r = 0; r < 3; r++) {
    clock_t c0 = clock();
    double s;
    work(n, ctx);
    s = (double)(clock() - c0) / CLOCKS_PER_SEC;
    if (s < best) best = s;
  }
  return best;
}

/* Checks that work at 16n costs less than 64 times work at n. */
static void linear(Tally *t, const char *what, Work work, size_t n, void *ctx) {
  double a = cost(work, n, ctx), b = cost(work, 16 * n, ctx);
  char detail[160];
  snprintf(detail, sizeof detail, "%.4f s at 1x, %.4f s at 16x: %.1f times", a, b,
           a > 0 ? b / a : 0.0);
  printf("   %s: %s\n", what, detail);
  check(t, b < 64 * (a > 0.0005 ? a : 0.0005), what, detail);
}

/* ------------------------------------------------------------------ */
/* Pages                                                               */
/* ------------------------------------------------------------------ */

/* Parses the plain-text page s; NULL on failure (reported). */
static ll_Doc *parse(Tally *t, ll_Mem *m, const char *s, size_t n) {
  ll_Doc *d = NULL;
  char err[LL_ERRSIZE];
  int st = ll_parse_text(m, s, n, &d, err, sizeof err);
  check(t, st == LL_OK, "parse", err);
  return st == LL_OK ? d : NULL;
}

/* A page of n notes that no marker cites. */
static void uncited(size_t n, void *ctx) {
  ll_Buf b;
  ll_Mem m = {ll_stdalloc, NULL};
  ll_Doc *d = NULL;
  char line[64], err[LL_ERRSIZE];
  size_t i;
  (void)ctx;
  ll_buf_init(&b);
  {
    const char *head = "Author\n\nTitle\n\nA body paragraph.\n\nNotes\n\n";
    ll_buf_add(&m, &b, head, strlen(head));
  }
  for (i = 1; i <= n; i++) {
    int k = snprintf(line, sizeof line, "[%lu] Note %lu.\n\n", (unsigned long)i, (unsigned long)i);
    ll_buf_add(&m, &b, line, (size_t)k);
  }
  if (ll_parse_text(&m, b.p, b.n, &d, err, sizeof err) == LL_OK) ll_doc_free(d);
  ll_buf_free(&m, &b);
}

static void test_uncited(Tally *t) {
  ll_Mem m = {ll_stdalloc, NULL};
  ll_Buf b;
  ll_Doc *d;
  const char *page = "Author\n\nTitle\n\nBody[2] text.\n\nNotes\n\n[1] One.\n\n[2] Two.\n\n"
                     "[2] Again.\n\n[3] Cites [3] itself.\n";
  /* the warnings are still the same */
  ll_buf_init(&b);
  d = parse(t, &m, page, strlen(page));
  if (d != NULL) {
    size_t i;
    for (i = 0; i < d->nwarnings; i++) {
      ll_buf_add(&m, &b, d->warnings[i], strlen(d->warnings[i]));
      ll_buf_add(&m, &b, "|", 1);
    }
    check(t,
          b.p != NULL && strcmp(b.p, "note 1 is not cited anywhere|note 2 is defined more than "
                                     "once|note 3 is not cited anywhere|") == 0,
          "notes: the warnings of uncited, doubled and self-cited notes", b.p);
    ll_doc_free(d);
  }
  ll_buf_free(&m, &b);
  linear(t, "notes: 8,000 then 128,000 uncited notes", uncited, 8000, NULL);
}

/* ------------------------------------------------------------------ */
/* Memory per document                                                 */
/* ------------------------------------------------------------------ */

static void test_tinydoc(Tally *t) {
  Counter c = {0, 0, -1};
  ll_Mem m = {counting, &c};
  const char *page = "Lenin\n\nA note\n\nThe Soviet met.\n";
  ll_Doc *d = parse(t, &m, page, strlen(page));
  char detail[80];
  snprintf(detail, sizeof detail, "%lu bytes for a page of %lu", (unsigned long)c.live,
           (unsigned long)strlen(page));
  /* a fixed 8 KB first chunk made every document cost 8 KB and more */
  check(t, d != NULL && c.live < 4096, "memory: a tiny page's document holds less than 4 KB", detail);
  printf("   memory: %s\n", detail);
  if (d != NULL) ll_doc_free(d);
  check(t, c.live == 0, "memory: all given back", NULL);
}

/* ------------------------------------------------------------------ */
/* Words that share one FNV-1a hash                                    */
/* ------------------------------------------------------------------ */

typedef struct Crafted {
  int stages;
  char pairs[16][2][BLOCK]; /* the colliding blocks of each stage */
} Crafted;

/* A page of n distinct words sharing one FNV-1a hash (n a power of 2 up
** to 2^stages: Joux's multicollision, one colliding pair a stage), each
** written 8 times, indexed. */
static void crafted(size_t n, void *ctx) {
  const Crafted *c = (const Crafted *)ctx;
  ll_Mem m = {ll_stdalloc, NULL};
  ll_Buf b;
  ll_Doc *d = NULL;
  char err[LL_ERRSIZE];
  size_t i;
  int s;
  ll_buf_init(&b);
  ll_buf_add(&m, &b, "Title\n\n", 7);
  for (i = 0; i < 8 * n; i++) {
    for (s = 0; s < c->stages; s++) ll_buf_add(&m, &b, c->pairs[s][((i % n) >> s) & 1], BLOCK);
    ll_buf_add(&m, &b, " ", 1);
  }
  ll_buf_add(&m, &b, "\n", 1);
  if (ll_parse_text(&m, b.p, b.n, &d, err, sizeof err) == LL_OK) {
    ll_index_build(d);
    ll_doc_free(d);
  }
  ll_buf_free(&m, &b);
}

static void test_collisions(Tally *t) {
  Crafted c;
  uint32_t h = FNV_BASIS;
  int s;
  char a[16 * BLOCK + 1], z[16 * BLOCK + 1];
  c.stages = 12;
  for (s = 0; s < c.stages; s++)
    if (!collide(h, c.pairs[s][0], c.pairs[s][1], &h)) {
      check(t, 0, "collisions: crafting", "no colliding pair");
      return;
    }
  /* the first and the last word do share their FNV-1a hash */
  for (s = 0; s < c.stages; s++) {
    memcpy(a + s * BLOCK, c.pairs[s][0], BLOCK);
    memcpy(z + s * BLOCK, c.pairs[s][1], BLOCK);
  }
  check(t,
        fnv(FNV_BASIS, a, (size_t)c.stages * BLOCK) == fnv(FNV_BASIS, z, (size_t)c.stages * BLOCK),
        "collisions: the crafted words share FNV-1a's hash", NULL);
  linear(t, "collisions: indexing 2^8 then 2^12 words of one FNV-1a hash, 8 times each", crafted,
         256, &c);
}

/* ------------------------------------------------------------------ */
/* Concordance sorted by the right context                             */
/* ------------------------------------------------------------------ */

/* Sorts the hits of "soviet" by their right context on a page of n
** "soviet"s. */
static void repeated(size_t n, void *ctx) {
  ll_Mem m = {ll_stdalloc, NULL};
  ll_Buf b;
  ll_Doc *d = NULL;
  ll_Query q;
  ll_Vec hits;
  char err[LL_ERRSIZE];
  size_t i, count;
  (void)ctx;
  ll_buf_init(&b);
  ll_buf_add(&m, &b, "Title\n\n", 7);
  for (i = 0; i < n; i++) ll_buf_add(&m, &b, "soviet ", 7);
  ll_buf_add(&m, &b, "\n", 1);
  ll_query_init(&q);
  ll_vec_init(&hits, sizeof(ll_Hit));
  if (ll_parse_text(&m, b.p, b.n, &d, err, sizeof err) == LL_OK &&
      ll_index_build(d) == LL_OK &&
      ll_query_parse(&m, &q, "soviet", 6, 0, err, sizeof err) == LL_OK &&
      ll_index_match(&m, d->index, &q, LL_SCOPE_ALL, &hits, &count) == LL_OK)
    ll_index_sort(&m, d->index, (ll_Hit *)hits.p, hits.n, LL_SORT_RIGHT);
  ll_vec_free(&m, &hits);
  ll_query_free(&m, &q);
  if (d != NULL) ll_doc_free(d);
  ll_buf_free(&m, &b);
}

static void test_sort(Tally *t) {
  linear(t, "concordance: sorting 4,000 then 64,000 hits of one word repeated by the right",
         repeated, 4000, NULL);
}

/* ------------------------------------------------------------------ */
/* HTML the reader used to refuse or misreport                         */
/* ------------------------------------------------------------------ */

/* Reads html (n bytes) as core.parse does; appends its body paragraphs'
** text to text, one line each. */
static int readhtml(const char *html, size_t n, ll_Buf *text, char *err, size_t errsz) {
  ll_Mem m = {ll_stdalloc, NULL};
  ll_Doc *d = NULL;
  size_t i;
  int st = ll_read_html(&m, &ll_html_reader, html, n, &d, err, errsz);
  for (i = 0; st == LL_OK && i < d->nparas; i++)
    if (ll_buf_add(&m, text, d->paras[i].text, d->paras[i].len) != LL_OK ||
        ll_buf_add(&m, text, "\n", 1) != LL_OK)
      st = LL_ERRMEM;
  ll_doc_free(d);
  return st;
}

static void test_html(Tally *t) {
  ll_Mem m = {ll_stdalloc, NULL};
  ll_Buf deep, text, u16;
  char err[LL_ERRSIZE];
  const char *page = "<html><body><h1>Title</h1><p>The Soviet \xE2\x80\x94 met.</p></body></html>";
  size_t i;
  int st;
  /* nested past libxml2's depth limit: said so, not "no text" */
  ll_buf_init(&deep);
  ll_buf_init(&text);
  ll_buf_add(&m, &deep, "<html><body><p>Text before.</p>", 31);
  for (i = 0; i < 400; i++) ll_buf_add(&m, &deep, "<div>", 5);
  ll_buf_add(&m, &deep, "deep</body></html>", 18);
  st = readhtml(deep.p, deep.n, &text, err, sizeof err);
  check(t, st == LL_ERRINPUT && strstr(err, "nested deeper than libxml2 reads") != NULL,
        "html: nesting past libxml2's limit is named", err);
  /* UTF-16 with a byte order mark: sniffed as HTML and decoded */
  ll_buf_init(&u16);
  ll_buf_add(&m, &u16, "\xFF\xFE", 2);
  for (i = 0; page[i] != '\0'; i++) {
    unsigned long c = (unsigned char)page[i];
    char pair[2];
    if (c == 0xE2) { /* the one non-ASCII character: U+2014 */
      c = 0x2014;
      i += 2;
    }
    pair[0] = (char)(c & 0xFF);
    pair[1] = (char)(c >> 8);
    ll_buf_add(&m, &u16, pair, 2);
  }
  check(t, ll_html_sniff(u16.p, u16.n), "html: UTF-16 (little-endian, BOM) is sniffed as HTML",
        NULL);
  u16.p[0] = '\xFE';
  u16.p[1] = '\xFF';
  for (i = 2; i + 1 < u16.n; i += 2) { /* the same, big-endian */
    char c = u16.p[i];
    u16.p[i] = u16.p[i + 1];
    u16.p[i + 1] = c;
  }
  check(t, ll_html_sniff(u16.p, u16.n), "html: UTF-16 (big-endian, BOM) is sniffed as HTML", NULL);
  text.n = 0;
  st = readhtml(u16.p, u16.n, &text, err, sizeof err);
  check(t, st == LL_OK && text.p != NULL && strstr(text.p, "The Soviet \xE2\x80\x94 met.") != NULL,
        "html: UTF-16 read as the same text", text.p ? text.p : err);
  ll_buf_free(&m, &u16);
  ll_buf_free(&m, &deep);
  ll_buf_free(&m, &text);
}

int main(void) {
  Tally t = {0, 0};
  test_tinydoc(&t);
  test_uncited(&t);
  test_collisions(&t);
  test_sort(&t);
  test_html(&t);
  return report(&t);
}
