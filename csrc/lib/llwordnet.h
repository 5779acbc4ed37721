/*
** llwordnet.h: lookups in a WordNet 3.0 database (llwordnet.c): base forms
** of inflected words (WordNet's morphy rules and exception lists), parts of
** speech, senses, synonyms and lexicographer files, for the quizzes.
*/
#ifndef LLWORDNET_H
#define LLWORDNET_H

#include <stddef.h>

#include "ll.h"

/* WordNet's parts of speech, in the order of its files */
enum { LL_WN_NOUN = 0, LL_WN_VERB, LL_WN_ADJ, LL_WN_ADV, LL_WN_NPOS };

/* How a word form stands to its base form */
enum {
  LL_WN_BASE = 0,    /* the base form itself */
  LL_WN_PLURAL,      /* a noun's plural (-s, -es, -ies, -men, or noun.exc) */
  LL_WN_THIRD,       /* a verb's third person singular (-s, -es, -ies) */
  LL_WN_PAST,        /* a verb's -ed form */
  LL_WN_ING,         /* a verb's -ing form */
  LL_WN_IRREGULAR,   /* a verb form from verb.exc (went, taken) */
  LL_WN_COMPARATIVE, /* an adjective's -er form (or adj.exc) */
  LL_WN_SUPERLATIVE  /* an adjective's -est form (or adj.exc) */
};

typedef struct ll_WordNet ll_WordNet;

/* Opens the database in folder dir (index.*, data.*, *.exc, as Debian's
** wordnet-base installs them in /usr/share/wordnet): maps the files
** read-only. LL_OK and *out; LL_ERRINPUT with the file and the reason in
** err when one cannot be opened; LL_ERRMEM. */
int ll_wn_open(ll_Mem *m, const char *dir, ll_WordNet **out, char *err, size_t errsz);
/* Unmaps the files and frees wn (NULL is allowed). */
void ll_wn_close(ll_WordNet *wn);

/* A lemma of one part of speech, as the index file has it. */
typedef struct ll_WnEntry {
  int senses;          /* sense_cnt: how many synsets */
  int tagged;          /* tagsense_cnt: senses seen in the tagged corpus */
  const char *offsets; /* the synset offsets, most frequent sense first: text
                       ** in the map, space-separated, ending at '\n' */
  const char *end;     /* the end of the map */
} ll_WnEntry;

/* Finds lemma (lower case, words joined by '_') in the index of pos by
** binary search, as WordNet's own bin_search does. 1 and *e when found,
** else 0. */
int ll_wn_index(const ll_WordNet *wn, int pos, const char *lemma, size_t len, ll_WnEntry *e);

/* The i-th (0-based) synset offset of e, or -1 past the last. */
long ll_wn_offset(const ll_WnEntry *e, int i);

/* Called for each base form found, with its inflection (LL_WN_*). */
typedef int (*ll_WnBaseFn)(void *ctx, const char *base, size_t len, int inflection);

/* WordNet's morphy for one part of speech: the word itself when the index
** has it, then its bases from the exception list (and only those when the
** word is listed there), else from the detachment rules; each base is
** reported once, and only when the index of pos has it. The callback
** stops the walk by returning non-zero. LL_OK, or LL_ERRMEM (the word is
** copied to build candidates). */
int ll_wn_bases(ll_Mem *m, const ll_WordNet *wn, int pos, const char *word, size_t len,
                ll_WnBaseFn fn, void *ctx);

/* Called for each word of a synset (as WordNet writes it: '_' between
** words, adjectives without their (a)/(p) marker). */
typedef int (*ll_WnWordFn)(void *ctx, const char *w, size_t len);

/* Reads the synset at offset in the data file of pos: sets *lexfile to its
** lexicographer file's number and reports its words. 1 when read, 0 when
** no synset starts there. */
int ll_wn_synset(const ll_WordNet *wn, int pos, long offset, int *lexfile, ll_WnWordFn fn,
                 void *ctx);

/* The name of lexicographer file n ("noun.act", "verb.motion", ...), or
** NULL. */
const char *ll_wn_lexname(int n);

#endif
