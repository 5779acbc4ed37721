/*
** test_entity.c: tests for the entity matcher (llentity.c).
** Name keys, matches over a small page (longest first, punctuation, spacing,
** apostrophes), the letter, and an allocation-failure loop over the build.
*/
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ll.h"
#include "llembed.h"
#include "llentity.h"
#include "llindex.h"
#include "testutil.h"

#define RSQUO "\xe2\x80\x99"
#define NBSP "\xc2\xa0"

/* the key of s is want */
static void testkey(Tally *t, const char *s, const char *want) {
  ll_Mem m = {ll_stdalloc, NULL};
  ll_Buf b;
  ll_buf_init(&b);
  check(t, ll_ent_key(&m, s, strlen(s), &b) == LL_OK && strcmp(b.p, want) == 0,
     "key", s);
  ll_buf_free(&m, &b);
}

static void test_keys(Tally *t) {
  testkey(t, "Soviet of Workers" RSQUO " Deputies", "soviet of workers' deputies");
  testkey(t, "  SOVIET  of\n workers'" NBSP "deputies ", "soviet of workers' deputies");
  testkey(t, "R.S.D.L.P.", "r.s.d.l.p.");
  testkey(t, "What Is To Be Done?", "what is to be done?");
  testkey(t, "", "");
  testkey(t, " -- ", "--");
}

/* the mentions of doc d as "ent:form:seg:pos:len;" */
static void listing(const ll_Doc *d, char *out, size_t n) {
  size_t i, k, at = 0;
  const ll_Mention *ms = ll_ents_mentions(d->ents, &k);
  out[0] = '\0';
  for (i = 0; i < k && at < n; i++)
    at += (size_t)snprintf(out + at, n - at, "%zu:%zu:%zu:%zu:%zu;", ms[i].ent,
                           ms[i].form, ms[i].hit.seg, ms[i].hit.pos,
                           ms[i].hit.len);
}

static const char PAGE[] =
    "Iskra and THE  SPARK: the party, the Social-Democratic" NBSP
    "Party, the R.S.D.L.P. and the workers" RSQUO " union; R.S.D.L.P not.";

static const ll_EntForm FORMS[] = {
  {"Iskra", 5, 0},
  {"the Spark", 9, 0},
  {"Social-Democratic Party", 23, 1},
  {"Party", 5, 1},
  {"R.S.D.L.P.", 10, 2},
  {"Workers' Union", 14, 3},
  {"--", 2, 4},
};
#define NFORMS (sizeof FORMS / sizeof FORMS[0])

static void test_page(Tally *t) {
  ll_Mem m = {ll_stdalloc, NULL};
  ll_Doc *d = NULL;
  char err[LL_ERRSIZE], got[512];
  const char *want =
      "0:0:0:0:5;0:1:0:10:10;1:3:0:26:5;1:2:0:37:24;2:4:0:67:10;"
      "3:5:0:86:16;";
  if (ll_parse_text(&m, PAGE, sizeof PAGE - 1, &d, err, sizeof err) !=
      LL_OK) {
    check(t, 0, "parse page", err);
    return;
  }
  check(t, ll_ents_build(d, FORMS, NFORMS) == LL_OK, "build page", NULL);
  listing(d, got, sizeof got);
  check(t, strcmp(got, want) == 0, "page mentions", got);
  /* a second build replaces the first */
  check(t, ll_ents_build(d, FORMS, 1) == LL_OK, "rebuild page", NULL);
  listing(d, got, sizeof got);
  check(t, strcmp(got, "0:0:0:0:5;") == 0, "page rebuilt", got);
  ll_doc_free(d);
}

static void test_letter(Tally *t) {
  ll_Mem m = {ll_stdalloc, NULL};
  ll_Doc *d = NULL;
  char err[LL_ERRSIZE];
  size_t n, i, soviet = 0;
  const ll_Mention *ms;
  static const ll_EntForm forms[] = {
    {"Soviet of Workers" RSQUO " Deputies", 29, 0},
    {"Soviet", 6, 0},
    {"Our Tasks and the Soviet of Workers' Deputies", 45, 1},
  };
  if (ll_parse_text(&m, (const char *)ll_letter_text, LL_LETTER_LEN, &d,
                    err, sizeof err) != LL_OK) {
    check(t, 0, "parse letter", err);
    return;
  }
  check(t, ll_ents_build(d, forms, 3) == LL_OK, "build letter", NULL);
  ms = ll_ents_mentions(d->ents, &n);
  for (i = 0; i < n; i++)
    if (ms[i].ent == 0 && d->segs[ms[i].hit.seg].part == LL_BODY) soviet++;
  check(t, soviet == 22, "the Soviet 22 times in the body", NULL);
  check(t, n > 0 && ms[0].ent == 1 && d->segs[ms[0].hit.seg].part == LL_TITLE,
     "the title is the work's", NULL);
  ll_doc_free(d);
}

/* every allocation of the build failing in turn: LL_ERRMEM, no set, the
** document usable, nothing leaked */
static void test_nomem(Tally *t) {
  long n;
  int done = 0;
  for (n = 0; !done && n < 100000; n++) {
    Counter c = {0, 0, -1};
    ll_Mem m = {runningout, &c};
    ll_Doc *d = NULL;
    char err[LL_ERRSIZE];
    int st;
    if (ll_parse_text(&m, PAGE, sizeof PAGE - 1, &d, err, sizeof err) !=
        LL_OK) {
      check(t, 0, "nomem parse", err);
      return;
    }
    c.failat = c.calls + n;
    st = ll_ents_build(d, FORMS, NFORMS);
    if (st == LL_OK) {
      done = 1;
    } else if (st != LL_ERRMEM || d->ents != NULL) {
      check(t, 0, "nomem status", NULL);
    } else {
      c.failat = -1;
      check(t, ll_ents_build(d, FORMS, NFORMS) == LL_OK && d->ents != NULL,
         "usable after a failure", NULL);
    }
    ll_doc_free(d);
    if (c.live != 0) check(t, 0, "nomem leak", NULL);
  }
  check(t, done, "nomem loop ends", NULL);
}

int main(void) {
  Tally t = {0, 0};
  test_keys(&t);
  test_page(&t);
  test_letter(&t);
  test_nomem(&t);
  return report(&t);
}
