/*
** llentity.h: the entities of a catalogue found in a document.
** Each name and alias is matched as a phrase over the word index; overlaps
** are resolved longest first. Knows no Lua.
*/
#ifndef LLENTITY_H
#define LLENTITY_H

#include <stddef.h>

#include "ll.h"
#include "llindex.h"

/* One name or alias of entry ent (0-based), as written: s[0, len). */
typedef struct ll_EntForm {
  const char *s;
  size_t len;
  size_t ent;
} ll_EntForm;

/* One mention: the hit (pos and len cover the form's leading and trailing
** punctuation too, as "R.S.D.L.P." ends in its dot), the entry and the form
** (index into the forms given to ll_ents_build) that won it. */
typedef struct ll_Mention {
  ll_Hit hit;
  size_t ent;
  size_t form;
} ll_Mention;

/* Writes the key of a name into out ('\0'-terminated): the normal forms of
** its words (llindex.h), what stands between them with U+2019 written as '
** and every run of white space (tab, line break, no-break space) as one
** space, leading and trailing white space dropped. Two names are the same
** when their keys are. LL_OK or LL_ERRMEM. */
int ll_ent_key(ll_Mem *m, const char *s, size_t len, ll_Buf *out);

/* Finds every mention of the forms in every segment of d (header fields
** included) and sets d->ents and d->freeents, replacing a set d had. A form
** matches where the text has its words, whole, with the same key between
** them and the same punctuation before the first and after the last; where
** matches overlap the longest (in bytes) wins, then the earliest, then the
** lowest entry. A form with no word never matches. Builds the index if
** needed. All memory from d->mem. Returns LL_OK, LL_ERRMEM (d keeps no
** set and stays usable) or LL_ERRINPUT (d too large to index). */
int ll_ents_build(ll_Doc *d, const ll_EntForm *forms, size_t nforms);

/* the mentions of a set, in document order; *n set to their number */
const ll_Mention *ll_ents_mentions(const ll_EntSet *es, size_t *n);

/* Frees a set (what d->freeents points to). */
void ll_ents_free(ll_EntSet *es);

#endif
