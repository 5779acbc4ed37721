/*
** test_wordnet.c: tests for llwordnet.c, the WordNet 3.0 lookups, over the
** database Debian's wordnet-base installs (/usr/share/wordnet, or the folder
** named by LENINLETTER_WORDNET): morphy's rules and exception lists, index
** entries, synsets, a folder that is not a database, and failing memory.
*/
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "llwordnet.h"
#include "testutil.h"

/* the bases morphy reports for one part of speech, "lemma/inflection ..." */
typedef struct Bases {
  char s[512];
} Bases;

static int addbase(void *ctx, const char *base, size_t len, int inflection) {
  Bases *b = (Bases *)ctx;
  size_t n = strlen(b->s);
  snprintf(b->s + n, sizeof b->s - n, "%s%.*s/%d", n ? " " : "", (int)len, base, inflection);
  return 0;
}

static const char *bases(ll_Mem *m, ll_WordNet *wn, int pos, const char *w, Bases *b) {
  b->s[0] = '\0';
  if (ll_wn_bases(m, wn, pos, w, strlen(w), addbase, b) != LL_OK) return "(memory)";
  return b->s;
}

static int addword(void *ctx, const char *w, size_t len) {
  Bases *b = (Bases *)ctx;
  size_t n = strlen(b->s);
  snprintf(b->s + n, sizeof b->s - n, "%s%.*s", n ? "," : "", (int)len, w);
  return 0;
}

/* morphy: the word itself, the exception lists, the detachment rules */
static void test_morphy(Tally *t, ll_Mem *m, ll_WordNet *wn) {
  Bases b;
  check(t, strcmp(bases(m, wn, LL_WN_VERB, "arming", &b), "arm/4") == 0, "arming -> arm, verb, -ing", NULL);
  check(t, strcmp(bases(m, wn, LL_WN_NOUN, "arming", &b), "arming/0") == 0, "arming, a noun itself", NULL);
  check(t, strcmp(bases(m, wn, LL_WN_NOUN, "aims", &b), "aim/1") == 0, "aims -> aim, plural", NULL);
  check(t, strcmp(bases(m, wn, LL_WN_VERB, "aims", &b), "aim/2") == 0, "aims -> aim, third person", NULL);
  check(t, strcmp(bases(m, wn, LL_WN_VERB, "went", &b), "go/5") == 0, "went -> go (verb.exc)", NULL);
  check(t, strcmp(bases(m, wn, LL_WN_NOUN, "deputies", &b), "deputy/1") == 0, "deputies -> deputy", NULL);
  check(t, strcmp(bases(m, wn, LL_WN_NOUN, "men", &b), "men/0 man/1") == 0, "men: itself, then man", NULL);
  check(t, strcmp(bases(m, wn, LL_WN_ADJ, "better", &b), "better/0 good/6 well/6") == 0,
     "better -> good, well (adj.exc)", NULL);
  check(t, strcmp(bases(m, wn, LL_WN_VERB, "organising", &b), "organise/4") == 0,
     "organising -> organise (-ing to -e)", NULL);
  check(t, strcmp(bases(m, wn, LL_WN_NOUN, "class", &b), "class/0") == 0,
     "class: no rule strips a noun in -ss", NULL);
  check(t, strcmp(bases(m, wn, LL_WN_NOUN, "the", &b), "") == 0, "the: no noun", NULL);
  check(t, strcmp(bases(m, wn, LL_WN_NOUN, "", &b), "") == 0, "the empty word", NULL);
  check(t, strcmp(bases(m, wn, 7, "arm", &b), "") == 0, "no such part of speech", NULL);
}

/* the index, and the synsets its offsets point to */
static void test_synsets(Tally *t, ll_WordNet *wn) {
  Bases b;
  ll_WnEntry e;
  char what[160];
  int lex = -1;
  check(t, ll_wn_index(wn, LL_WN_NOUN, "government", 10, &e) == 1 && e.senses == 4, "government: 4 senses", NULL);
  check(t, ll_wn_index(wn, LL_WN_NOUN, "governmen", 9, &e) == 0, "a prefix is no entry", NULL);
  check(t, ll_wn_index(wn, LL_WN_NOUN, "governments", 11, &e) == 0, "an inflected form is no entry", NULL);
  ll_wn_index(wn, LL_WN_NOUN, "government", 10, &e);
  b.s[0] = '\0';
  check(t, ll_wn_synset(wn, LL_WN_NOUN, ll_wn_offset(&e, 0), &lex, addword, &b) == 1, "first sense read", NULL);
  snprintf(what, sizeof what, "government's first sense: noun.group, %s", b.s);
  check(t, lex == 14 && strcmp(ll_wn_lexname(lex), "noun.group") == 0, what, NULL);
  check(t, strcmp(b.s, "government,authorities,regime") == 0, what, NULL);
  check(t, ll_wn_offset(&e, 4) == -1 && ll_wn_offset(&e, -1) == -1, "no fifth sense", NULL);
  check(t, ll_wn_synset(wn, LL_WN_NOUN, ll_wn_offset(&e, 0) + 1, &lex, NULL, NULL) == 0,
     "no synset starts inside a line", NULL);
  check(t, ll_wn_synset(wn, LL_WN_NOUN, 999999999L, &lex, NULL, NULL) == 0, "past the end", NULL);
  ll_wn_index(wn, LL_WN_ADJ, "provisional", 11, &e);
  b.s[0] = '\0';
  ll_wn_synset(wn, LL_WN_ADJ, ll_wn_offset(&e, 0), &lex, addword, &b);
  check(t, strcmp(b.s, "probationary,provisional,provisionary,tentative") == 0, "an adjective's words", NULL);
  ll_wn_index(wn, LL_WN_ADJ, "handy", 5, &e);
  b.s[0] = '\0';
  ll_wn_synset(wn, LL_WN_ADJ, ll_wn_offset(&e, 0), &lex, addword, &b);
  check(t, strstr(b.s, "ready_to_hand") != NULL && strchr(b.s, '(') == NULL,
     "an adjective's (a)/(p) marker left out", NULL);
  check(t, ll_wn_lexname(45) == NULL && ll_wn_lexname(-1) == NULL, "no 46th lexicographer file", NULL);
}

/* every sense of every word of a sentence reads */
static void test_senses(Tally *t, ll_WordNet *wn) {
  const char *words[] = {"soviet", "workers", "deputies", "proletariat", "revolution", "party"};
  ll_WnEntry e;
  int all = 1, lex = -1, k;
  long i;
  for (i = 0; i < 6; i++) {
    if (!ll_wn_index(wn, LL_WN_NOUN, words[i], strlen(words[i]), &e)) continue;
    for (k = 0; k < e.senses; k++)
      if (ll_wn_synset(wn, LL_WN_NOUN, ll_wn_offset(&e, k), &lex, NULL, NULL) != 1) all = 0;
  }
  check(t, all, "every sense's synset reads", NULL);
}

/* a folder that is no database; memory that fails: at the handle, then at
** morphy's copy of a word */
static void test_failures(Tally *t, ll_Mem *m, Counter *c, const char *dir) {
  ll_WordNet *wn = NULL;
  Bases b;
  char err[LL_ERRSIZE];
  int st = ll_wn_open(m, "/nonexistent-wordnet", &wn, err, sizeof err);
  check(t, st == LL_ERRINPUT && wn == NULL && strstr(err, "/nonexistent-wordnet/index.noun") != NULL,
     "a missing database: LL_ERRINPUT naming the file", NULL);
  check(t, c->live == 0, "nothing kept after a failed open", NULL);
  c->failat = c->calls;
  st = ll_wn_open(m, dir, &wn, err, sizeof err);
  check(t, st == LL_ERRMEM && wn == NULL && c->live == 0, "no memory for the handle: LL_ERRMEM, no leak", NULL);
  c->failat = -1;
  ll_wn_open(m, dir, &wn, err, sizeof err);
  c->failat = c->calls;
  check(t, ll_wn_bases(m, wn, LL_WN_VERB, "arming", 6, addbase, &b) == LL_ERRMEM,
     "no memory for morphy: LL_ERRMEM", NULL);
  c->failat = -1;
  ll_wn_close(wn);
  ll_wn_close(NULL);
  check(t, c->live == 0, "every byte back", NULL);
}

int main(void) {
  Tally t = {0, 0};
  Counter c = {0, 0, -1};
  ll_Mem m;
  ll_WordNet *wn = NULL;
  char err[LL_ERRSIZE];
  const char *dir = getenv("LENINLETTER_WORDNET");
  m.f = runningout;
  m.ud = &c;
  if (dir == NULL || *dir == '\0') dir = "/usr/share/wordnet";
  if (ll_wn_open(&m, dir, &wn, err, sizeof err) != LL_OK) {
    printf("FAIL: cannot open WordNet in %s (install Debian's wordnet-base): %s\n", dir, err);
    return 1;
  }
  test_morphy(&t, &m, wn);
  test_synsets(&t, wn);
  test_senses(&t, wn);
  ll_wn_close(wn);
  check(&t, c.live == 0, "closing gives every byte back", NULL);
  test_failures(&t, &m, &c, dir);
  return report(&t);
}
