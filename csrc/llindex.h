/*
** llindex.h: words, the word index of a document, and queries over it.
** Word scanning and normal forms live in llutf8.c; the index (of one
** document, or of a corpus with one vocabulary), queries, concordances,
** frequencies, n-grams, collocates and dispersion in llindex.c.
*/
#ifndef LLINDEX_H
#define LLINDEX_H

#include <stddef.h>
#include <stdint.h>

#include "ll.h"

/* ------------------------------------------------------------------ */
/* Words (llutf8.c)                                                    */
/* ------------------------------------------------------------------ */

/* A word is a run of letters and digits of any script (Unicode categories
** L* and N*; combining marks M* continue a word but never start one),
** where one hyphen (-, U+2010, U+2011) or apostrophe (', U+2019) between
** two of them joins. Its normal form is the NFC of its Unicode case fold,
** with U+2019 written as '. */

/* Finds the first word in s[*at, len) (valid UTF-8). On success sets
** [*start, *end), moves *at to *end and returns 1; returns 0 when no word
** is left. */
int ll_word_next(const char *s, size_t len, size_t *at, size_t *start, size_t *end);

/* Writes the normal form of the word s[0, n) into out, replacing what out
** held (out->p is '\0'-terminated). LL_OK or LL_ERRMEM. */
int ll_word_norm(ll_Mem *m, const char *s, size_t n, ll_Buf *out);

/* Is the code point cp a letter or a digit (may it start a word)? */
int ll_word_char(long cp);

/* ------------------------------------------------------------------ */
/* The index                                                           */
/* ------------------------------------------------------------------ */

/* Words are numbered 0..nwords-1 in order of first occurrence; tokens
** 0..ntokens-1 in document order (the order of d->segs). */
#define LL_NOWORD ((uint32_t)0xFFFFFFFFu)
#define LL_NOSENT ((size_t)-1)

/* Scope masks: a set of parts (ll_Part), one bit each. */
#define LL_PARTBIT(p)  (1u << (unsigned)(p))
#define LL_SCOPE_BODY  LL_PARTBIT(LL_BODY)
#define LL_SCOPE_NOTES LL_PARTBIT(LL_NOTE)
#define LL_SCOPE_ALL \
  (LL_PARTBIT(LL_TITLE) | LL_PARTBIT(LL_SUBTITLE) | LL_PARTBIT(LL_BODY) | LL_PARTBIT(LL_NOTE))
#define LL_SCOPE_META LL_PARTBIT(LL_META)
#define LL_SCOPE_ANY  (LL_SCOPE_ALL | LL_SCOPE_META)

/* A scope may also name kinds of Block (opts.kinds): bit 8 + k for
** ll_Kind k, and LL_KINDSGIVEN. Without LL_KINDSGIVEN, every kind is in
** scope; with it, only segments of a block of the kinds set (the title and subtitle count as
** headings; header fields as none). */
#define LL_KINDSHIFT  8u
#define LL_KINDBIT(k) (1u << (LL_KINDSHIFT + (unsigned)(k)))
#define LL_KINDSGIVEN LL_KINDBIT(LL_NKINDS) /* kinds were named (maybe none) */
#define LL_KINDMASK   (((1u << (LL_NKINDS + 1)) - 1u) << LL_KINDSHIFT)

/* Is segment sg in the scope mask (its part, and its block's kind)? */
int ll_seg_in(const ll_Seg *sg, unsigned mask);

/* Limits: a document of more tokens, or a segment longer than this, is
** refused with LL_ERRINPUT. */
#define LL_MAXTOKENS ((size_t)0xFFFFFFF0u)
#define LL_MAXSEGLEN ((size_t)0xFFFFFFF0u)

/* One token. */
typedef struct ll_Token {
  size_t seg;      /* index in d->segs */
  size_t pos, len; /* bytes in the segment's text, 0-based */
  uint32_t word;   /* word id */
} ll_Token;

/* Builds the index of every segment of d (the meta fields too) unless d
** already has one; d->index and d->freeindex are set on success. All
** memory comes from d->mem. Returns LL_OK, LL_ERRMEM (d stays usable, with
** no index) or LL_ERRINPUT (beyond the limits above). */
int ll_index_build(ll_Doc *d);

/* Builds one index over the segments of docs[0, ndocs), in that order,
** with one vocabulary: word ids are common to every document. Segments
** are numbered across the documents (document i's first is the number of
** segments of the documents before it; ll_index_docof maps back), and so
** are tokens. It points into the documents' segments, which must outlive
** it; it keeps no postings and no byte offsets (a query finds them again
** by scanning; ll_index_doc gives NULL). Free it with ll_index_free.
** LL_OK, LL_ERRMEM or LL_ERRINPUT as ll_index_build. With a runner (or
** NULL: this thread alone), a large corpus is tokenised in two halves at
** once and the halves merged; the index is the same either way, word ids
** included (still numbered in order of first occurrence). */
int ll_index_build_corpus(ll_Mem *m, ll_Doc *const *docs, size_t ndocs, const ll_Runner *run,
                          ll_Index **out);

/* The document (0-based) of segment seg of a corpus index, with *local
** its index in that document's segs (for a document's index: 0, seg). */
size_t ll_index_docof(const ll_Index *ix, size_t seg, size_t *local);

/* Frees an index (what d->freeindex points to). */
void ll_index_free(ll_Index *ix);

/* the document an index belongs to (NULL for a corpus index) */
const ll_Doc *ll_index_doc(const ll_Index *ix);

/* number of distinct words (normal forms) */
size_t ll_index_nwords(const ll_Index *ix);

/* normal form of word id (valid id assumed), '\0'-terminated; *len set */
const char *ll_index_word(const ll_Index *ix, uint32_t id, size_t *len);

/* id of the normal form s[0, len), or LL_NOWORD */
uint32_t ll_index_lookup(const ll_Index *ix, const char *s, size_t len);

/* occurrences of word id in the parts of mask */
size_t ll_index_freq(const ll_Index *ix, uint32_t id, unsigned mask);

/* number of tokens in the parts of mask */
size_t ll_index_ntokens(const ll_Index *ix, unsigned mask);

/* number of tokens in the whole document */
size_t ll_index_size(const ll_Index *ix);

/* Token t (t < ll_index_size) into *out. */
void ll_index_token(const ll_Index *ix, size_t t, ll_Token *out);

/* word id of token t (t < ll_index_size) */
uint32_t ll_index_tokword(const ll_Index *ix, size_t t);

/* first token of segment seg, and one past its last */
void ll_index_segtokens(const ll_Index *ix, size_t seg, size_t *first, size_t *last);

/* 0-based sentence of the segment's block holding byte pos, or LL_NOSENT
** (a meta field has no sentences) */
size_t ll_index_sentence(const ll_Index *ix, size_t seg, size_t pos);

/* ------------------------------------------------------------------ */
/* Queries                                                             */
/* ------------------------------------------------------------------ */

/* A query is a sequence of terms matched by consecutive tokens of one
** segment. Terms hold normal forms, not word ids (except LL_TERM_IDS), so
** one query can run over the index of every document of a corpus. */
typedef enum ll_TermKind {
  LL_TERM_WORD,   /* one normal form */
  LL_TERM_PREFIX, /* every word whose normal form starts so */
  LL_TERM_IDS     /* a set of word ids of one index (from an LPeg match) */
} ll_TermKind;

#define LL_TERM_STEM \
  1 /* flag on LL_TERM_WORD: any word of the same \
       English (Snowball) stem */

typedef struct ll_Term {
  ll_TermKind kind;
  int flags;
  size_t off, len;   /* WORD, PREFIX: the normal form in the query's text */
  size_t ioff, nids; /* IDS: the ids in the query's ids */
} ll_Term;

typedef struct ll_Query {
  ll_Vec terms; /* of ll_Term */
  ll_Buf text;  /* normal forms of the terms, each '\0'-terminated */
  ll_Vec ids;   /* of uint32_t */
} ll_Query;

void ll_query_init(ll_Query *q);
void ll_query_free(ll_Mem *m, ll_Query *q);

/* Appends the terms of a query string: words separated by anything that is
** not a word; a word directly followed by '*' is a prefix. flags apply to
** every word term. LL_OK, LL_ERRMEM, or LL_ERRINPUT with the reason in err
** ("empty query", "'*' must follow a word", "'*' must end a word",
** "query has no words"). */
int ll_query_parse(ll_Mem *m, ll_Query *q, const char *s, size_t len, int flags, char *err,
                   size_t errsz);

/* Appends one term: a normal form as given (ll_word_norm it first), a
** prefix, or a set of word ids of the index it will run on. */
int ll_query_word(ll_Mem *m, ll_Query *q, const char *norm, size_t len, int flags);
int ll_query_prefix(ll_Mem *m, ll_Query *q, const char *norm, size_t len);
int ll_query_ids(ll_Mem *m, ll_Query *q, const uint32_t *ids, size_t n);

/* A match, in document order. */
typedef struct ll_Hit {
  size_t seg;       /* index in d->segs */
  size_t tok, ntok; /* first token and number of tokens */
  size_t pos, len;  /* bytes in the segment's text: first word's start to
                       last word's end */
  size_t sent;      /* 0-based sentence of the block, or LL_NOSENT */
} ll_Hit;

/* Matches q over the segments of the parts in mask. Pushes ll_Hit
** elements onto hits in document order (hits may be NULL to count only)
** and sets *count (may be NULL). Temporary memory comes from m. LL_OK or
** LL_ERRMEM (hits then holds what was found so far; free it). */
int ll_index_match(ll_Mem *m, const ll_Index *ix, const ll_Query *q, unsigned mask, ll_Vec *hits,
                   size_t *count);

/* ------------------------------------------------------------------ */
/* Concordances                                                        */
/* ------------------------------------------------------------------ */

/* The context of a hit within its segment: *left is where width code
** points before the hit start (or 0), *right where width code points
** after it end (or the segment's length). Never inside a character. */
void ll_index_context(const ll_Index *ix, const ll_Hit *h, size_t width, size_t *left,
                      size_t *right);

/* The same, for a hit in the segment sg. */
void ll_seg_context(const ll_Seg *sg, const ll_Hit *h, size_t width, size_t *left, size_t *right);

enum { LL_SORT_LEFT = 1, LL_SORT_RIGHT = 2 };

/* Sorts hits by the words nearest them on one side (LL_SORT_LEFT: the
** first word to the left, then the second, ...; LL_SORT_RIGHT: the first
** word to the right, then the next), comparing normal forms bytewise; a
** word missing at the block's edge sorts first; up to 32 words on that
** side are compared, and hits whose keys are equal that far keep their
** order (so sorting costs O(n log n) even for one word repeated).
** LL_OK or LL_ERRMEM (hits unchanged). */
int ll_index_sort(ll_Mem *m, const ll_Index *ix, ll_Hit *hits, size_t n, int side);

/* ------------------------------------------------------------------ */
/* Frequencies, n-grams, collocates, dispersion                        */
/* ------------------------------------------------------------------ */

typedef struct ll_Freq {
  uint32_t word;
  size_t count;
} ll_Freq;

/* Pushes ll_Freq elements for the words of count >= min in the parts of
** mask, count descending then normal form ascending (bytewise). skip, if
** not NULL, has one byte per word id: nonzero drops the word. */
int ll_index_frequencies(ll_Mem *m, const ll_Index *ix, unsigned mask, size_t min,
                         const unsigned char *skip, ll_Vec *out);

#define LL_MAXNGRAM 16

typedef struct ll_Gram {
  size_t tok; /* first token of one occurrence: words tok..tok+n-1 */
  size_t count;
} ll_Gram;

/* Pushes ll_Gram elements for the n-grams (1 <= n <= LL_MAXNGRAM, n
** consecutive tokens of one segment) of count >= min in the parts of mask,
** count descending then the normal forms joined by one space ascending. */
int ll_index_ngrams(ll_Mem *m, const ll_Index *ix, size_t n, unsigned mask, size_t min,
                    ll_Vec *out);

enum { LL_LLR = 0, LL_MI = 1, LL_T = 2 };

typedef struct ll_Colloc {
  uint32_t word;
  size_t count; /* O11: tokens of the word within the span */
  double score;
} ll_Colloc;

/* Collocates of q in the parts of mask. The span is the set of tokens
** within window tokens before the first token or after the last token of
** a hit, in the hit's segment, the hit's own tokens excepted; each token
** counts once however many windows hold it. With N the tokens in mask, R
** the tokens in the span, C the word's count in mask and O = O11 its
** tokens in the span, the contingency table is O11 = O, O12 = R - O,
** O21 = C - O, O22 = N - R - C + O, E_ij = row_i * col_j / N, and
**   llr = 2 * sum O_ij * ln(O_ij / (E_ij + 1e-20) + 1e-20)
**   mi  = log2(O * N) - log2(R * C)
**   t   = (O - R * C / N) / sqrt(O + 1e-20)
** (NLTK's BigramAssocMeasures with n_ii = O, n_ix = R, n_xi = C, n_xx = N).
** Pushes ll_Colloc for words with O >= min (and skip[word] == 0 when skip
** is given), score descending then normal form ascending. */
int ll_index_collocates(ll_Mem *m, const ll_Index *ix, const ll_Query *q, unsigned mask,
                        size_t window, int measure, size_t min, const unsigned char *skip,
                        ll_Vec *out);

/* For hits (in document order, all in mask), writes to out[i] the number of
** tokens of the parts in mask before hit i. */
void ll_index_offsets(const ll_Index *ix, const ll_Hit *hits, size_t n, unsigned mask, size_t *out);

#endif
