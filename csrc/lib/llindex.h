/*
** llindex.h: the word index of a document, and queries over it (llindex.c):
** the index of one document or of a corpus with one vocabulary, queries
** (variants, wildcards, co-occurrence), concordances, frequencies,
** n-grams, collocates, dispersion, per-document figures and keywords.
** Words and their normal forms are the ground floor's (ll.h, llutf8.c).
*/
#ifndef LLINDEX_H
#define LLINDEX_H

#include <stddef.h>
#include <stdint.h>

#include "ll.h"

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
** no index) or LL_ERRINPUT (beyond the limits above). The index is a
** corpus index's compact form (16-bit word ids while fewer than 65,536
** words, the byte offset of every 16th token, postings as varints: about
** 4 bytes a token instead of 12), so a hit's offsets are found again by
** scanning at most 15 words. */
int ll_index_build(ll_Doc *d);

/* ll_index_build with a runner (or NULL: this thread alone): a large
** document is tokenised in two halves at once and the halves merged, as
** ll_index_build_corpus does; the index is the same either way. It makes
** no postings: ll_index_postings makes them, and until then a query that
** would walk them scans the tokens instead (the same hits). A count of
** one word needs none (see ll_index_count_cheap). */
int ll_index_build_run(ll_Doc *d, const ll_Runner *run);

/* Makes the postings of a document's index built by ll_index_build_run,
** if it has none yet (else does nothing). LL_OK or LL_ERRMEM (the index
** stays usable: its queries scan). */
int ll_index_postings(ll_Index *ix);

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

/* A corpus index built page by page, so that pages can be dropped once
** read: ll_index_corpus_new makes an empty one; ll_index_corpus_add
** tokenises the segments of docs[0, n) after those already added (the
** documents may be freed once it returns: the index keeps no pointer into
** them); ll_index_corpus_end makes the postings. Word ids, counts and
** postings are those ll_index_build_corpus gives for the same documents.
** Such an index answers no query (it has no segments): it is written out
** through its image. On failure only ll_index_free is left to do. */
int ll_index_corpus_new(ll_Mem *m, ll_Index **out);
int ll_index_corpus_add(ll_Index *ix, ll_Doc *const *docs, size_t n);
int ll_index_corpus_end(ll_Index *ix);

/* Where a mapped index reads its segments: seg fills out's part, text and
** len (block NULL); part gives the part and sets *kind to the block's kind
** (ll_Kind), with no text read; sentence is ll_index_sentence for that
** segment, nsents the number of its block's sentences.
** touch and all, when set, make the image checked as it is read (an
** index file opened without reading the corpus): before a query reads
** segment seg's token starts or word ids, touch(ud, seg) says whether
** they are whole (its page's segment starts in order and within the
** tokens, its ids within the vocabulary; checked once, remembered by the
** owner of ud); before a query that reads every segment, all(ud) says so
** of all of them. A query skips what they refuse (the owner reports it).
** When they are NULL, ll_index_mapped checks the whole image at once.
** vocab, when set, does the same for the vocabulary (an image's packed
** words, chars and slots): before the index reads bytes [off, off + n) of
** one of them (which: LL_VOCAB_WORDS, _CHARS, _SLOTS), vocab says whether
** they are whole (their checksums, checked once); vocab(ud, LL_VOCAB_BAD,
** 0, 0) tells the owner that an entry read was not (and returns 0). */
enum { LL_VOCAB_WORDS, LL_VOCAB_CHARS, LL_VOCAB_SLOTS, LL_VOCAB_BAD };

typedef struct ll_SegTable {
  void (*seg)(const void *ud, size_t seg, ll_Seg *out);
  ll_Part (*part)(const void *ud, size_t seg, int *kind);
  size_t (*sentence)(const void *ud, size_t seg, size_t pos);
  size_t (*nsents)(const void *ud, size_t seg); /* the block's sentences */
  int (*touch)(const void *ud, size_t seg);
  int (*all)(const void *ud);
  int (*vocab)(const void *ud, int which, size_t off, size_t n);
  const void *ud;
} ll_SegTable;

#define LL_NPARTS 5

/* The arrays of a corpus index, as they are in memory (native byte
** order): tokens (ntok word ids, uint16_t when narrow, else uint32_t),
** ckpt (nckpt), segstart (nsegs + 1), docseg (ndocs + 1), chars (nchars:
** the normal forms in id order, each '\0'-terminated), pvar (npvar); and
** the vocabulary: from ll_index_image, words (nwords entries of
** ll_index_wordsize() bytes) and the index's own hash table (nslots,
** seed); for ll_index_mapped, words the packed entries (nwordbytes,
** ll_index_pack_vocab) and slots its table (nslots, seed). */
typedef struct ll_IndexImage {
  size_t ntok, nwords, nsegs, ndocs, nslots, nchars, npvar, nckpt, nwordbytes;
  int narrow;
  size_t npart[LL_NPARTS];
  const void *tokens;
  const uint32_t *ckpt, *segstart, *docseg;
  const void *slots;
  const void *words;
  const char *chars;
  const unsigned char *pvar;
  uint32_t seed; /* of the hash of words and slots (issue #19) */
} ll_IndexImage;

size_t ll_index_wordsize(void);

/* The image of an index made by ll_index_corpus_end (LL_ERRINPUT for any
** other): it points into the index. */
int ll_index_image(const ll_Index *ix, ll_IndexImage *img);

/* The vocabulary of an index made by ll_index_corpus_end in the form an
** index file keeps it, read in place with no unpacking (issue #16): into
** words, the entries in blocks of 32 ids (a block index of three u32 a
** block, its first entry's byte, its first normal form's offset in the
** chars, its first word's postings' offset, and one more for the end;
** then per word a byte of its nonzero parts and its length, its
** postings' offset from the previous word's and its nonzero counts, as
** varints: about 4 bytes a word); into slots, a hash table of *nslots
** slots of ll_index_slotsize(nwords) bytes (about 9 for 8 words: id + 1
** in the low bits, a fingerprint of the hash in the high ones, 0 when
** empty; linear probing) whose hash's seed is *seed (made from the words:
** the same pages give the same file). The normal forms are the image's
** chars. LL_OK, LL_ERRMEM, or LL_ERRINPUT past 4 GB of entries (or
** normal forms and postings not in id order: not such an index). */
int ll_index_pack_vocab(ll_Mem *m, const ll_Index *ix, ll_Buf *words, ll_Buf *slots, uint32_t *seed,
                        size_t *nslots);

/* The bytes of a slot of that table, for a vocabulary of nwords: 3 while
** ids take 16 bits or fewer, else 4. */
size_t ll_index_slotsize(size_t nwords);

/* An index over an image's arrays as they lie (a mapped file), reading
** its segments through segs; nothing is copied, and the image and segs
** must outlive it. The vocabulary is read where it lies (img->words packed
** by ll_index_pack_vocab, img->slots its table), an entry decoded when a
** query needs it; a query over every word decodes them all once (kept in
** the index). The image is checked so that no query can read out of
** bounds whatever it holds: its counts and sizes; then, when segs has no
** touch, every segment start, page start and token id (one pass over each
** array) and the whole vocabulary (ll_index_check_vocab); with touch,
** only the first and last of each (the rest as queries reach it; a
** vocabulary entry checked as it is decoded: one found bad reads as an
** empty word of no count, and segs->vocab is told). LL_ERRINPUT with the
** reason in err when it is not whole. */
int ll_index_mapped(ll_Mem *m, const ll_IndexImage *img, const ll_SegTable *segs, ll_Index **out,
                    char *err, size_t errsz);

/* Checks a mapped index's whole vocabulary: every entry decoded and in
** range, its blocks tiling the entries and the normal forms, every slot's
** id within the vocabulary. LL_OK, or LL_ERRINPUT with the reason in err. */
int ll_index_check_vocab(const ll_Index *ix, char *err, size_t errsz);

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

/* id of the normal form s[0, len), or LL_NOWORD. On a mapped index it
** reads the table and the entries it points to where they lie, and keeps
** the last entries decoded (a cache inside ix): one index is not to be
** looked up from two threads at once. */
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
  LL_TERM_IDS,    /* a set of word ids of one index (from an LPeg match) */
  LL_TERM_SUFFIX, /* every word whose normal form ends so ("*ism") */
  LL_TERM_INFIX   /* every word whose normal form holds it ("*revolution*") */
} ll_TermKind;

/* flag on LL_TERM_WORD: any word of the same English (Snowball) stem */
#define LL_TERM_STEM 1
/* flag on every kind but LL_TERM_IDS, the variants of what a historian
** means: a word also matches its possessive ("tsar" finds "tsar's", and
** "tsar's" finds "tsar"); a prefix, suffix or infix also matches one part
** of a hyphenated word ("revolution*" finds "counter-revolution"); and a
** query whose words have two or more parts in all (a phrase, a hyphenated
** word) matches the same parts joined by hyphens or standing apart, the
** last part with or without a plural "s" ("black hundreds" finds
** "Black-Hundred", "black-hundreds" and "Black Hundreds'"). */
#define LL_TERM_VARIANT 2

typedef struct ll_Term {
  ll_TermKind kind;
  int flags;
  size_t off, len;   /* WORD, PREFIX: the normal form in the query's text */
  size_t ioff, nids; /* IDS: the ids in the query's ids */
} ll_Term;

/* A stemmer: a term with LL_TERM_STEM matches every word of its English
** stem through the stemmer its query is given (q->stemmer), as the library
** reads HTML through the reader it is given (ll.h, ll_HtmlReader), so that
** a program that never stems never loads libstemmer: its relocations are
** about 0.2 ms of every process's start-up (issue #16). llstem.c's
** ll_snowball_stemmer (llstem.h) is libstemmer's only user; the Lua
** binding loads it from the module leninletter.stem at the first query
** that stems.
**   abi    LL_STEM_ABI: what a stemmer built from other sources is told by
**   open   a new stemmer of English, or NULL when out of memory; a query
**          opens its own, so two threads never share one
**   stem   the stem of the UTF-8 word s[0, n) and its length in *len,
**          valid until st's next call; NULL when out of memory
**   close  frees what open made */
#define LL_STEM_ABI 1
typedef struct ll_Stemmer {
  int abi;
  void *(*open)(void);
  const char *(*stem)(void *st, const char *s, size_t n, size_t *len);
  void (*close)(void *st);
} ll_Stemmer;

/* A query. Every function that runs one returns LL_ERRINPUT when a term
** has LL_TERM_STEM and the query no stemmer (of this LL_STEM_ABI). */
typedef struct ll_Query {
  ll_Vec terms;              /* of ll_Term */
  ll_Buf text;               /* normal forms of the terms, each '\0'-terminated */
  ll_Vec ids;                /* of uint32_t */
  const ll_Stemmer *stemmer; /* for LL_TERM_STEM; NULL from ll_query_init */
} ll_Query;

void ll_query_init(ll_Query *q);
void ll_query_free(ll_Mem *m, ll_Query *q);

/* Appends the terms of a query string: words separated by anything that is
** not a word; a word directly followed by '*' is a prefix, directly
** preceded by '*' a suffix, both an infix. flags apply to every term
** (LL_TERM_STEM only to words). LL_OK, LL_ERRMEM, or LL_ERRINPUT with the
** reason in err ("empty query", "'*' must stand at either end of a word",
** "query has no words"). */
int ll_query_parse(ll_Mem *m, ll_Query *q, const char *s, size_t len, int flags, char *err,
                   size_t errsz);

/* Appends one term: a normal form as given (ll_word_norm it first), a
** prefix, or a set of word ids of the index it will run on. */
int ll_query_word(ll_Mem *m, ll_Query *q, const char *norm, size_t len, int flags);
int ll_query_prefix(ll_Mem *m, ll_Query *q, const char *norm, size_t len);
/* a prefix, suffix or infix term (kind) with flags */
int ll_query_wild(ll_Mem *m, ll_Query *q, ll_TermKind kind, const char *norm, size_t len,
                  int flags);
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

/* Sets *cheap when counting q (no hits wanted) is a look-up that needs no
** postings: q is one term that resolves to one word, or to none. LL_OK or
** LL_ERRMEM. */
int ll_index_count_cheap(ll_Mem *m, const ll_Index *ix, const ll_Query *q, int *cheap);

/* Co-occurrence: where the queries qs[0, nq) all match together, within
** one sentence (within == 0) or within `within` words (the first word of
** the earliest hit to the last word of the latest is at most within words
** on), in one segment. A sentence gives one hit; within n words, hits
** are the shortest such stretches, none overlapping, taken from the left.
** Each hit spans from the first word of the earliest sub-hit to the last
** word of the latest; its sentence is the earliest's. Pushes ll_Hit
** elements (hits may be NULL) and sets *count. LL_OK or LL_ERRMEM. */
int ll_index_cooccur(ll_Mem *m, const ll_Index *ix, const ll_Query *qs, size_t nq, size_t within,
                     unsigned mask, ll_Vec *hits, size_t *count);

/* ------------------------------------------------------------------ */
/* Per document (a corpus index; a document's index is one document)   */
/* ------------------------------------------------------------------ */

/* number of documents: a corpus index's, 1 for a document's */
size_t ll_index_ndocs(const ll_Index *ix);

/* Adds to counts[d] the hits of hits[0, n) in document d (counts has
** ll_index_ndocs entries). */
void ll_index_perdoc(const ll_Index *ix, const ll_Hit *hits, size_t n, size_t *counts);

/* For each document d, its tokens and its sentences in the parts of mask
** into words[d] and sents[d] (ll_index_ndocs entries each, set here). */
void ll_index_docsizes(const ll_Index *ix, unsigned mask, size_t *words, size_t *sents);

/* Document frequencies: pushes ll_Freq elements whose count is the number
** of documents in which the word occurs in the parts of mask, for counts
** >= min (and skip[word] == 0), count descending then normal form. */
int ll_index_docfreq(ll_Mem *m, const ll_Index *ix, unsigned mask, size_t min,
                     const unsigned char *skip, ll_Vec *out);

/* N-grams by document: as ll_index_ngrams, count being the number of
** documents holding the n-gram. */
int ll_index_docgrams(ll_Mem *m, const ll_Index *ix, size_t n, unsigned mask, size_t min,
                      ll_Vec *out);

enum { LL_KEY_LLR = 0, LL_KEY_PDIFF = 1 };

typedef struct ll_Key {
  uint32_t word;
  size_t count, other; /* in the chosen documents, in the rest */
  double score;
} ll_Key;

/* Keywords of the documents d with pick[d] != 0 against the rest, as
** AntConc's keyword list: with a the word's count in the chosen
** documents, b in the rest, N1 and N2 their tokens (parts of mask), E1 =
** N1 (a + b) / (N1 + N2), E2 = N2 (a + b) / (N1 + N2),
**   llr   = 2 (a ln(a / E1) + b ln(b / E2))   (a term is 0 when its count is)
**   pdiff = 100 (a / N1 - b / N2) / (b / N2)  (b / N2 taken as 1e-18 when
**           b is 0, as Gabrielatos and Marchi propose). Only words more frequent (relatively) in the chosen
** documents, with a >= min and skip[word] == 0; score descending, then
** normal form. */
int ll_index_keywords(ll_Mem *m, const ll_Index *ix, unsigned mask, const unsigned char *pick,
                      int which, size_t min, const unsigned char *skip, ll_Vec *out);

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
/* Or'ed into a collocation measure: a possessive collocate (union's) is
** counted with its word (union) where the index has that word, its O and
** C added to the word's (the query option variants). */
#define LL_FOLDPOSS 0x100

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

/* The same for hits already found (in document order, none overlapping),
** such as those of ll_index_cooccur. */
int ll_index_collocates_hits(ll_Mem *m, const ll_Index *ix, const ll_Hit *hits, size_t nhits,
                             unsigned mask, size_t window, int measure, size_t min,
                             const unsigned char *skip, ll_Vec *out);

/* For hits (in document order, all in mask), writes to out[i] the number of
** tokens of the parts in mask before hit i. */
void ll_index_offsets(const ll_Index *ix, const ll_Hit *hits, size_t n, unsigned mask, size_t *out);

#endif
