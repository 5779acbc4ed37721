/*
** test_storeseg.c: tests for reading a hit's place from an index file
** without making its page (llstore.c's ll_store_seg and ll_store_title):
** every segment of every page of a small file, read so, is the segment
** the page's document lists (part, paragraph, note, header field, text),
** and a page whose record is corrupted, or whose segment's text is not its
** record's, is refused, not read.
*/
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "ll.h"
#include "llembed.h"
#include "llindex.h"
#include "llstore.h"
#include "testutil.h"

/* a page with a title, a subtitle, two header fields, body paragraphs
** and two notes, the second of two paragraphs (the plain-text form of the
** archive's pages, as ../shared/mia-samples/08.txt: author, title, then
** the header fields) */
static const char page2[] =
    "V. I. Lenin\n"
    "\n"
    "Title Of A Second Page\n"
    "\n"
    "A subtitle of it\n"
    "\n"
    "Written: 1 May 1917\n"
    "Source: Collected Works, Volume 24\n"
    "\n"
    "The first paragraph of the body, about the Soviet.[1]\n"
    "\n"
    "The second paragraph: the Black Hundreds.[2]\n"
    "\n"
    "Notes\n"
    "\n"
    "[1] The first note, one paragraph on the Soviet.\n"
    "\n"
    "[2] The second note, its first paragraph.\n"
    "\n"
    "Its second paragraph, on the Black Hundreds.\n";

/* Compares segment k of document d with what ll_store_seg reads of
** corpus segment seg; "" when the same, else what differs. */
static const char *sameseg(const ll_Store *s, size_t seg, const ll_Doc *d, size_t k) {
  ll_Seg sg;
  const ll_Seg *want = &d->segs[k];
  const char *field;
  size_t fieldlen;
  if (!ll_store_seg(s, seg, &sg, &field, &fieldlen)) return "not read";
  if (sg.part != want->part) return "part";
  if (sg.para != want->para) return "paragraph";
  if (sg.note != want->note) return "note";
  if (sg.field != want->field) return "field";
  if (sg.len != want->len || memcmp(sg.text, want->text, sg.len) != 0) return "text";
  if (want->part == LL_META) {
    const char *name = d->fields[want->field].name;
    if (field == NULL || fieldlen != strlen(name) || memcmp(field, name, fieldlen) != 0)
      return "field name";
  } else if (field != NULL) {
    return "a field name outside the header";
  }
  return "";
}

/* Moves the text of the file's first segment one byte on in its record:
** the section table (u32 id, u32 flags, u64 offset, size, checksum, at the
** header's u64 at 24, its count the u32 at 32) gives the segment table
** (id 4), whose entries are u32 text, len, sents, meta (llstore.c). */
static int shiftseg0(unsigned char *p, size_t n) {
  uint64_t toff, off, size;
  uint32_t nsec, id, text, i;
  if (n < 64) return 0;
  memcpy(&toff, p + 24, 8);
  memcpy(&nsec, p + 32, 4);
  for (i = 0; i < nsec && toff + (i + 1) * 32u <= n; i++) {
    memcpy(&id, p + toff + i * 32u, 4);
    memcpy(&off, p + toff + i * 32u + 8, 8);
    memcpy(&size, p + toff + i * 32u + 16, 8);
    if (id != 4 || size < 16 || off > n - 16) continue;
    memcpy(&text, p + off, 4);
    text++;
    memcpy(p + off, &text, 4);
    return 1;
  }
  return 0;
}

static void test_segments(Tally *t) {
  ll_Mem m;
  ll_Doc *docs[2] = {NULL, NULL};
  ll_StoreWriter *w = NULL;
  ll_Store *s = NULL;
  char err[LL_ERRSIZE], path[64], msg[200];
  size_t i, k, seg = 0, size = 0;
  unsigned char *bytes;
  const char *text;
  size_t len;
  m.f = ll_stdalloc;
  m.ud = NULL;
  snprintf(path, sizeof path, "/tmp/test_storeseg-%ld.llx", (long)getpid());
  if (ll_parse_text(&m, (const char *)ll_letter_text, sizeof ll_letter_text, &docs[0], err,
                    sizeof err) != LL_OK ||
      ll_parse_text(&m, page2, sizeof page2 - 1, &docs[1], err, sizeof err) != LL_OK) {
    check(t, 0, "parse the pages", err);
    goto done;
  }
  check(t, docs[1]->nnotes == 2 && docs[1]->notes[1].nparas == 2 && docs[1]->nfields >= 1 &&
           docs[1]->title != NULL && docs[1]->subtitle != NULL,
        "the second page has a title, a subtitle, a field and two notes, the second of two "
        "paragraphs",
        NULL);
  check(t, docs[0]->nnotes > 0 && docs[0]->nfields > 0, "the letter has notes and header fields",
        NULL);
  if (ll_store_create(&m, path, &w, err, sizeof err) != LL_OK ||
      ll_store_add(w, docs, NULL, 2, err, sizeof err) != LL_OK ||
      ll_store_finish(w, err, sizeof err) != LL_OK) {
    check(t, 0, "write the index file", err);
    goto done;
  }
  if (ll_store_open(&m, path, &s, err, sizeof err) != LL_OK) {
    check(t, 0, "open the index file", err);
    goto done;
  }
  /* every segment of every page, in order */
  for (i = 0; i < 2; i++) {
    for (k = 0; k < docs[i]->nsegs; k++, seg++) {
      const char *why = sameseg(s, seg, docs[i], k);
      snprintf(msg, sizeof msg, "page %lu segment %lu", (unsigned long)i + 1, (unsigned long)k);
      check(t, *why == '\0', msg, why);
    }
    check(t, ll_store_title(s, i, &text, &len) == 1 && len == docs[i]->title->len &&
             memcmp(text, docs[i]->title->text, len) == 0,
          "a page's title, read from the file", NULL);
  }
  check(t, !ll_store_seg(s, seg, &(ll_Seg){0}, &text, &len), "no segment past the last", NULL);
  check(t, ll_store_title(s, 2, &text, &len) == -1, "no page past the last", NULL);
  ll_store_close(s);
  s = NULL;
  /* the first page's record changed (a byte of the letter's text): its
     segments and title are refused, the second page's still read */
  bytes = (unsigned char *)readfile(path, &size);
  if (bytes == NULL || size < 200) {
    check(t, 0, "read the index file back", path);
    free(bytes);
    goto done;
  }
  bytes[64 + 100] ^= 1; /* the records come first, after the 64-byte header */
  if (ll_store_openmem(&m, bytes, size, &s, err, sizeof err) != LL_OK) {
    check(t, 0, "open the changed file", err);
    free(bytes);
    goto done;
  }
  check(t, !ll_store_seg(s, 0, &(ll_Seg){0}, &text, &len), "a corrupted page's segment refused",
        NULL);
  check(t, ll_store_title(s, 0, &text, &len) == -1, "a corrupted page's title refused", NULL);
  check(t, ll_store_check(s, 0, err, sizeof err) == LL_ERRINPUT && strstr(err, "page 1's record"),
        "ll_store_check says why", err);
  check(t, *sameseg(s, docs[0]->nsegs, docs[1], 0) == '\0', "the other page's still read", NULL);
  ll_store_close(s);
  s = NULL;
  free(bytes);
  /* the first page's title segment pointed one byte further into its
     record, the file resealed (what the index fuzzer found): the title
     read from the segment is no longer the record's, so c[i] refuses the
     page rather than give a title the queries do not */
  bytes = (unsigned char *)readfile(path, &size);
  if (bytes == NULL || !shiftseg0(bytes, size)) {
    check(t, 0, "find the segment table of the file", path);
    free(bytes);
    goto done;
  }
  ll_store_reseal(bytes, size);
  if (ll_store_openmem(&m, bytes, size, &s, err, sizeof err) != LL_OK) {
    check(t, 0, "open the resealed file", err);
    free(bytes);
    goto done;
  }
  check(t, ll_store_title(s, 0, &text, &len) == 1 && len == docs[0]->title->len &&
           memcmp(text, docs[0]->title->text + 1, len - 1) == 0,
        "the moved title segment reads the record one byte on", NULL);
  {
    ll_Doc *d = NULL;
    check(t, ll_store_page(s, &m, 0, &d, err, sizeof err) == LL_ERRINPUT && d == NULL &&
             strstr(err, "page 1 does not match the index") != NULL,
          "the page whose segment's text is not its record's is refused", err);
    check(t, ll_store_page(s, &m, 1, &d, err, sizeof err) == LL_OK && d != NULL,
          "the other page is still made", err);
    ll_doc_free(d);
  }
  ll_store_close(s);
  s = NULL;
  free(bytes);
done:
  if (s != NULL) ll_store_close(s);
  remove(path);
  for (i = 0; i < 2; i++) ll_doc_free(docs[i]);
}

int main(void) {
  Tally t = {0, 0};
  test_segments(&t);
  return report(&t);
}
