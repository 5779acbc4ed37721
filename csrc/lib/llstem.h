/*
** llstem.h: the stemmer of the leninletter library (llstem.c), the only
** user of libstemmer (Snowball's English stemmer). It is linked into the
** module leninletter.stem (csrc/binding/lstem.c), which the core loads at
** the first query that stems, and handed to queries as their stemmer
** (ll_Query's stemmer, llindex.h).
*/
#ifndef LLSTEM_H
#define LLSTEM_H

#include "llindex.h"

/* This stemmer: {LL_STEM_ABI, open, stem, close} over libstemmer's
** English stemmer on UTF-8. */
extern const ll_Stemmer ll_snowball_stemmer;

#endif
