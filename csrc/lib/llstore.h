/*
** llstore.h: index files (llstore.c). One file holds a corpus: every
** page's parsed document and the corpus word index, in a versioned
** binary format read in place (mapped), never parsed.
*/
#ifndef LLSTORE_H
#define LLSTORE_H

#include <stddef.h>
#include <stdint.h>

#include "ll.h"
#include "llindex.h"

/* The format's version: a file of a higher one is refused as newer, of a
** lower one as older (2: the vocabulary read in place, issue #16). */
#define LL_STORE_VERSION 2

/* Where a page came from: its path (NULL for a document given as such),
** and the file's size and modification time when it was read (-1 when
** unknown). */
typedef struct ll_PageInfo {
  const char *path;
  size_t pathlen;
  int64_t size, mtime_s, mtime_ns;
  uint64_t content; /* ll_store_content of the file's bytes, or 0: unknown */
} ll_PageInfo;

/* The size and modification time of the file at path into *out (path
** and pathlen untouched); LL_ERRINPUT when it cannot be read. */
int ll_store_statfile(const char *path, ll_PageInfo *out);

/* Checksum of p[0, n): every change of one 8-byte word changes it. */
uint64_t ll_store_sum(const void *p, size_t n);

/* The checksum an index file keeps of a page's file, its bytes p[0, n):
** ll_store_sum's, never 0 (0 is "unknown"). */
uint64_t ll_store_content(const void *p, size_t n);

/* The same of the file at path, into *out, read with memory from m;
** LL_ERRINPUT when it cannot be read, LL_ERRMEM. (c:stale() asks it of a
** page whose file has its size and another modification time: unpacked
** or checked out again, the same bytes.) */
int ll_store_filecontent(ll_Mem *m, const char *path, uint64_t *out);

/* ------------------------------------------------------------------ */
/* Writing                                                             */
/* ------------------------------------------------------------------ */

typedef struct ll_StoreWriter ll_StoreWriter;

/* Starts an index file to be named path: everything goes to a temporary
** file beside it (path.tmp-PID), renamed to path by ll_store_finish, so
** that path is never half written. LL_OK, LL_ERRMEM, or LL_ERRINPUT with
** the reason in err. */
int ll_store_create(ll_Mem *m, const char *path, ll_StoreWriter **out, char *err, size_t errsz);

/* Writes the pages docs[0, n) (infos[i] says where each came from) and
** adds their words to the index. The documents are not kept: the caller
** may free them once it returns. LL_OK, LL_ERRMEM or LL_ERRINPUT (err). */
int ll_store_add(ll_StoreWriter *w, ll_Doc *const *docs, const ll_PageInfo *infos, size_t n,
                 char *err, size_t errsz);

/* Adds a warning (a page that could not be read) to the file. */
int ll_store_warn(ll_StoreWriter *w, const char *msg, size_t len);

/* Writes the index and the tables, then renames the file into place.
** Frees w whatever happens (the temporary file is removed on failure). */
int ll_store_finish(ll_StoreWriter *w, char *err, size_t errsz);

/* Gives up: removes the temporary file and frees w. */
void ll_store_abort(ll_StoreWriter *w);

/* ------------------------------------------------------------------ */
/* Reading                                                             */
/* ------------------------------------------------------------------ */

typedef struct ll_Store ll_Store;

/* Opens the index file at path by mapping it, at a cost that does not
** grow with the corpus, its vocabulary included: the header (magic, byte
** order, version, checksum, the file's size), the section table (its
** checksum, the sections tiling the file), the checksums of the counts,
** the warnings and the vocabulary's chunks' checksums, and the arrays'
** sizes against the counts are checked before LL_OK. The rest is checked
** when a query first reaches it, once (see llstore.c): each 4 kB of the
** vocabulary (its checksum) before an entry or slot in it is read; a
** page's entries, segment starts and word ids before a query reads its
** tokens, its record's checksum and text before a query reads its text or
** c[i] makes it (what was checked is remembered in the store: one store
** is not to be queried from two threads at once). A query skips what it
** finds corrupted and ll_store_fault says what; ll_store_check_all checks
** everything opening left (every checksum, every page, every vocabulary
** entry). LL_ERRINPUT with the reason in err (starting "path: ") for a
** file that is not an index file, is of an older or a newer version, or
** is truncated or has a corrupted header or section table or small
** section; LL_ERRMEM. */
int ll_store_open(ll_Mem *m, const char *path, ll_Store **out, char *err, size_t errsz);

/* The same over n bytes at p (not copied: they must outlive the store). */
int ll_store_openmem(ll_Mem *m, const void *p, size_t n, ll_Store **out, char *err, size_t errsz);

void ll_store_close(ll_Store *s);

size_t ll_store_npages(const ll_Store *s);

/* The corpus index, over the mapped file: ll_index_match and the rest
** answer on it as on the index of the same pages loaded. */
const ll_Index *ll_store_index(const ll_Store *s);

/* Where page i (0-based) came from; path points into the file. A page
** whose entry is corrupted has no path and no size (a fault is noted). */
void ll_store_info(const ll_Store *s, size_t i, ll_PageInfo *out);

/* Page i's document, made from its record (checked first) with memory
** from m: the document the page's parse gave. LL_OK, LL_ERRMEM, or
** LL_ERRINPUT with the reason in err when the record is corrupted. */
int ll_store_page(const ll_Store *s, ll_Mem *m, size_t i, ll_Doc **out, char *err, size_t errsz);

/* Checks page i's entries and record without making its document (LL_OK
** or LL_ERRINPUT with the reason in err). */
int ll_store_check(const ll_Store *s, size_t i, char *err, size_t errsz);

/* Corpus segment seg (0-based) as its page's document lists it
** (ll_doc_segments: part, para, note, field, text and len; block NULL),
** read from the segment table and the page's record without making the
** document: what a hit's place and context need (a query over many pages
** makes none of them). A header field's name into *field, *fieldlen (NULL
** for another part). Checked first as a query checks a segment before it
** reads its text: the page's entries and its record's checksum, the
** segment's text UTF-8 (c[i] checks the rest of the page, and the
** record's shape, which only a file made so can get wrong with its
** checksum right). 1, or 0 when the page is corrupted or its record does
** not hold the segment's place (ll_store_page then says why). */
int ll_store_seg(const ll_Store *s, size_t seg, ll_Seg *out, const char **field, size_t *fieldlen);

/* Page i's title (its title block's text, in the file) read as
** ll_store_seg reads a segment: 1 with *text, *len; 0 when it has none;
** -1 when the page is corrupted (ll_store_page then says why). */
int ll_store_title(const ll_Store *s, size_t i, const char **text, size_t *len);

/* Checks what opening leaves to later: the checksums of every section
** (tokens, postings, pages, paths, segments, their starts) and of every
** vocabulary chunk, every vocabulary entry, the records tiling their
** section, every page's entries and record. LL_OK, or LL_ERRINPUT with
** the reason in err ("path: index file corrupted: ..."). */
int ll_store_check_all(const ll_Store *s, char *err, size_t errsz);

/* 1 + the first page a query found corrupted, or 0. */
size_t ll_store_bad(const ll_Store *s);

/* Whether a query since the last ll_store_clearfault met something
** corrupted (and skipped it): 1 with "path: index file corrupted: page N's
** entries" (or record; or "...: its vocabulary") in err, else 0. */
int ll_store_fault(const ll_Store *s, char *err, size_t errsz);
void ll_store_clearfault(ll_Store *s);

/* The warnings written with ll_store_warn: the k-th into *msg, *len;
** returns 0 past the last. */
int ll_store_warning(const ll_Store *s, size_t k, const char **msg, size_t *len);

/* Recomputes every checksum of the n bytes at p in place, where its
** tables can be read (for the fuzzer: a mutated file that still passes
** its checksums reaches the structural checks). */
void ll_store_reseal(unsigned char *p, size_t n);

#endif
