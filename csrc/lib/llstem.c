/*
** llstem.c: the library's stemmer, ll_snowball_stemmer: libstemmer's
** English (Porter 2) stemmer on UTF-8, behind the ll_Stemmer interface
** (llindex.h) that a query stems through. The only file that uses
** libstemmer; owns nothing beyond the stemmers it opens.
*/
#include <libstemmer.h>

#include "llstem.h"

static void *snowball_open(void) {
  return sb_stemmer_new("english", "UTF_8");
}

/* libstemmer takes an int length: a longer word is its own stem */
static const char *snowball_stem(void *st, const char *s, size_t n, size_t *len) {
  const sb_symbol *r;
  if (n > 0x7FFFFFF0u) {
    *len = n;
    return s;
  }
  r = sb_stemmer_stem((struct sb_stemmer *)st, (const sb_symbol *)s, (int)n);
  if (r == NULL) return NULL;
  *len = (size_t)sb_stemmer_length((struct sb_stemmer *)st);
  return (const char *)r;
}

static void snowball_close(void *st) {
  sb_stemmer_delete((struct sb_stemmer *)st);
}

const ll_Stemmer ll_snowball_stemmer = {LL_STEM_ABI, snowball_open, snowball_stem, snowball_close};
