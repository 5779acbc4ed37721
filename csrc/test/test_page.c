/*
** test_page.c: tests of the page parser (llpage.c) and the sentence
** splitter (llsent.c) on snippets in the archive's plain-text form: the
** Source field's volume, markers and bracketed numbers, markers in header
** fields, citations in notes, and initials; and the page pipeline's entry
** (ll_read_page, llread.c) on HTML and plain text; the document builder
** (llbuild.c) fed directly.
*/
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ll.h"
#include "llhtml.h"
#include "testutil.h"

static int streq(const char *a, const char *b) {
  if (a == NULL || b == NULL) return a == b;
  return strcmp(a, b) == 0;
}

/* Parses text (a NUL-terminated plain-text page); exits on failure. */
static ll_Doc *parse(const char *text) {
  ll_Mem m = {ll_stdalloc, NULL};
  ll_Doc *d = NULL;
  char err[LL_ERRSIZE];
  if (ll_parse_text(&m, text, strlen(text), &d, err, sizeof err) != LL_OK) {
    printf("FAIL parse: %s\n", err);
    exit(1);
  }
  return d;
}

/* A page with a header whose Source is src. */
static ll_Doc *withsource(const char *src) {
  char page[1024];
  snprintf(page, sizeof page, "Author\n\nTitle\n\nWritten: 1917\nSource: %s\n\nBody text.\n", src);
  return parse(page);
}

/* ------------------------------------------------------------------ */
/* The Source field                                                    */
/* ------------------------------------------------------------------ */

static void test_volnum(Tally *t) {
  long v = 0;
  check(t, ll_volnum("27, pages", 9, &v) == 2 && v == 27, "volnum 27", NULL);
  check(t, ll_volnum("XIV, No.8", 9, &v) == 3 && v == 14, "volnum XIV", NULL);
  check(t, ll_volnum("IV No. 3", 8, &v) == 2 && v == 4, "volnum IV", NULL);
  check(t, ll_volnum("MCMXII", 6, &v) == 6 && v == 1912, "volnum MCMXII", NULL);
  check(t, ll_volnum("IIII", 4, &v) == 0, "IIII is no numeral", NULL);
  check(t, ll_volnum("VX", 2, &v) == 0, "VX is no numeral", NULL);
  check(t, ll_volnum("Dec", 3, &v) == 0, "Dec is a word", NULL);
  check(t, ll_volnum("0", 1, &v) == 0, "volume 0 is none", NULL);
  check(t, ll_volnum("1234567", 7, &v) == 0, "seven digits are no volume", NULL);
  check(t, ll_volnum("3a", 2, &v) == 0, "3a is no volume", NULL);
}

static void test_source(Tally *t) {
  ll_Doc *d;
  /* mia-lenin/archive/lenin/works/1918/mar/28.htm */
  d = withsource("Lenin's Collected Works, 4th English Edition, Progress Publishers, Moscow, "
                 "1972 Volume 27, pages 235-77");
  check(t, d->source && d->source->volume == 27, "1972 Volume 27: volume", NULL);
  check(t, d->source && streq(d->source->year, "1972"), "1972 Volume 27: year", NULL);
  check(t, d->source && streq(d->source->last_page, "277"), "pages 235-77: last page 277", NULL);
  check(t, d->source && d->source->issue == NULL, "no issue", NULL);
  ll_doc_free(d);
  /* mia-pd/archive/cannon/works/1932/feb/learn.htm */
  d = withsource("The Militant, Vol. V No. 8 (Whole No. 104), 20 February 1932, p. 4.");
  check(t, d->source && d->source->volume == 5, "Vol. V: volume 5", NULL);
  check(t, d->source && streq(d->source->issue, "No. 8 (Whole No. 104)"), "issue after volume", NULL);
  check(t, d->source && streq(d->source->work, "The Militant"), "periodical as work", NULL);
  check(t, d->source && streq(d->source->year, "1932"), "year of the date", NULL);
  check(t, d->source && streq(d->source->first_page, "4"), "p. 4", NULL);
  ll_doc_free(d);
  /* mia-pd/archive/shachtma/1948/10/fi.htm */
  d = withsource("New International, Vol.XIV, No.8, October 1948, pp.236-245.");
  check(t, d->source && d->source->volume == 14, "Vol.XIV: 14", NULL);
  check(t, d->source && streq(d->source->issue, "No.8"), "No.8 as its own part", NULL);
  ll_doc_free(d);
  d = withsource("Left Review Vol. 2, No. 5, February 1936, pp.194-196");
  check(t, d->source && d->source->volume == 2 && streq(d->source->work, "Left Review"),
        "volume inside the work's part", NULL);
  ll_doc_free(d);
  /* mia-pd/archive/cannon/works/1954/todobbs413.htm */
  d = withsource("Struggle in the Fourth International, International Committee Documents "
                 "1951-1954, Volume 4 of 4, pages 231-233");
  check(t, d->source && d->source->volume == 4 && d->source->volumes == 4, "Volume 4 of 4", NULL);
  ll_doc_free(d);
  d = withsource("Lenin Collected Works, Progress Publishers, 1965, Moscow, Volume 10, pages 17-28.");
  check(t, d->source && d->source->volume == 10 && streq(d->source->place, "Moscow") &&
               streq(d->source->year, "1965") && streq(d->source->publisher, "Progress Publishers"),
        "the letter's Source", NULL);
  ll_doc_free(d);
  d = withsource("Bound volumes of The Militant");
  check(t, d->source && d->source->volume == 0, "'volumes' names no volume", NULL);
  ll_doc_free(d);
}

/* ------------------------------------------------------------------ */
/* Markers                                                             */
/* ------------------------------------------------------------------ */

static void test_markers(Tally *t) {
  ll_Doc *d;
  /* mia-pd/archive/morrow-felix/1945/12/belgium.html: an editor's year */
  d = parse("We considered your letter of November 15 [1945]. We welcome it.[1]\n\n[1] A note.\n");
  check(t, d->nparas == 1 && strstr(d->paras[0].text, "November 15 [1945]. We") != NULL,
        "a bracketed year stays text", NULL);
  check(t, d->nparas == 1 && d->paras[0].nrefs == 1 && d->paras[0].refs[0].note == 1,
        "the marker of note 1 is a ref", NULL);
  check(t, d->nwarnings == 0, "a year gives no warning", NULL);
  ll_doc_free(d);
  d = parse("Text[7].\n");
  check(t, d->nparas == 1 && streq(d->paras[0].text, "Text[7]."), "[7] with no note is text", NULL);
  check(t, d->nwarnings == 1 && streq(d->warnings[0], "[7] in body paragraph 1 has no note: kept as text"),
        "[7] with no note is warned of", NULL);
  ll_doc_free(d);
  /* mia-pd/archive/novack/1958/xx/progress.htm: a marker in the Source */
  d = parse("George Novack\n\nProgress\n\nSource: International Socialist Review, Vol.19 No.3, "
            "Summer 1958, pp.83-88. [1] (William F. Warde was a pseudonym.)\n\nBody.\n\n"
            "[1] The first of two articles.\n");
  check(t, d->nfields == 1 && d->fields[0].nrefs == 1 && d->fields[0].refs[0].note == 1,
        "the Source's marker is a ref of the field", NULL);
  check(t, d->nfields == 1 && strstr(d->fields[0].value, "[1]") == NULL,
        "the marker is out of the value", NULL);
  check(t, d->nfields == 1 && d->fields[0].refs[0].pos == strlen("International Socialist Review, "
                                                                 "Vol.19 No.3, Summer 1958, pp.83-88."),
        "the ref's position", NULL);
  check(t, d->nwarnings == 0, "the note is cited", NULL);
  check(t, d->source && d->source->volume == 19 && streq(d->source->issue, "No.3"),
        "Vol.19 No.3", NULL);
  ll_doc_free(d);
}

/* ------------------------------------------------------------------ */
/* Citations                                                           */
/* ------------------------------------------------------------------ */

/* Reads the citations of one note paragraph s, the page's Source src. */
static size_t cites(const char *s, const ll_Source *src, ll_Arena *a, ll_Vec *out) {
  ll_Mem m = {ll_stdalloc, NULL};
  out->n = 0;
  if (ll_cites(&m, a, s, strlen(s), 0, src, out) != LL_OK) return 0;
  return out->n;
}

static int range(const ll_Cite *c, size_t i, long first, long last) {
  return i < c->nranges && c->ranges[2 * i] == first && c->ranges[2 * i + 1] == last;
}

static void test_cites(Tally *t) {
  ll_Mem m = {ll_stdalloc, NULL};
  ll_Arena a;
  ll_Vec v;
  ll_Source src;
  const ll_Cite *c;
  const char *s;
  ll_arena_init(&a, &m);
  ll_vec_init(&v, sizeof(ll_Cite));
  memset(&src, 0, sizeof src);
  src.work = (char *)"Lenin Collected Works";
  src.volume = 27;

  /* the letter's note 1 */
  s = "See present edition, Vol. 5, pp. 451-67.\xE2\x80\x94" "Ed.";
  check(t, cites(s, &src, &a, &v) == 1, "letter note 1: one citation", NULL);
  c = (const ll_Cite *)v.p;
  check(t, streq(c->text, "present edition, Vol. 5, pp. 451-67") && c->pos == 4 && c->len == 35,
        "letter note 1: text and position", NULL);
  check(t, c->present && c->work == NULL && c->volume == 5 && range(c, 0, 451, 467),
        "letter note 1: present edition, volume 5, 451-467", NULL);

  /* mia-lenin/.../1918/prrk/common_liberal.htm: a year between */
  s = "(Marx and Engels, Selected Works, Moscow, 1962, Vol. I, p. 581). See also p. 12.";
  check(t, cites(s, &src, &a, &v) == 2, "Selected Works: two citations", NULL);
  c = (const ll_Cite *)v.p;
  check(t, streq(c->text, "Marx and Engels, Selected Works, Moscow, 1962, Vol. I, p. 581"),
        "Selected Works: one citation across the year", NULL);
  check(t, !c->present && streq(c->work, "Marx and Engels, Selected Works") && c->volume == 1,
        "Selected Works: another work, Roman volume I", NULL);
  c = (const ll_Cite *)v.p + 1;
  check(t, !c->present && c->work == NULL && c->volume == 0 && range(c, 0, 12, 12),
        "a bare page: no work, not present", NULL);

  /* mia-reader-lenin/.../1914/granat/ch06.htm: an em dash, a short form */
  s = "Dictionary of the Political Sciences, Vol. 6, pp. 600\xE2\x80\x94" "03.";
  check(t, cites(s, &src, &a, &v) == 1 && range((const ll_Cite *)v.p, 0, 600, 603),
        "pp. 600-03 with an em dash is 600 to 603", NULL);
  /* mia-lenin/.../1917/staterev/ch02.htm: every range */
  s = "See Karl Marx and Frederick Engels, Selected Works, Vol. 1, Moscow, 1973, pp. 118-19 and 126.";
  check(t, cites(s, &src, &a, &v) == 1, "two ranges, one citation", NULL);
  c = (const ll_Cite *)v.p;
  check(t, c->nranges == 2 && range(c, 0, 118, 119) && range(c, 1, 126, 126), "118-119 and 126", NULL);
  s = "pp. 108-09, 117-18, 116, 1973";
  check(t, cites(s, &src, &a, &v) == 1 && ((const ll_Cite *)v.p)->nranges == 3,
        "three ranges; a year after them is no page", NULL);
  s = "see this volume, pp. 384-85";
  check(t, cites(s, &src, &a, &v) == 1 && ((const ll_Cite *)v.p)->present &&
               ((const ll_Cite *)v.p)->volume == 27,
        "this volume: the Source's volume", NULL);
  s = "pp. 454, 455, 456-58 of this volume";
  c = cites(s, &src, &a, &v) == 1 ? (const ll_Cite *)v.p : NULL;
  check(t, c && c->present && streq(c->text, s) && c->nranges == 3, "pages of this volume", NULL);
  s = "see Lenin's Collected Works, Vol. 26, pp. 379-83";
  c = cites(s, &src, &a, &v) == 1 ? (const ll_Cite *)v.p : NULL;
  check(t, c && c->present && c->work == NULL && c->volume == 26, "the page's own edition named", NULL);
  s = "E.J. Hobsbawm etc., editors Storia del Marxismo (Einaudi, Turin 1980), Volume 3, pp.89-113";
  c = cites(s, &src, &a, &v) == 1 ? (const ll_Cite *)v.p : NULL;
  check(t, c && c->volume == 3 && c->work && strstr(c->work, "Storia del Marxismo") != NULL,
        "the publisher in brackets between the work and the volume", NULL);
  /* found by fuzz_page: a page word before a number too long to be a page
  ** made a citation of no volume and no pages ("pages " alone) */
  s = "in the sense 1111 pages 1111111111 of increasing the paper";
  check(t, cites(s, &src, &a, &v) == 0, "pages 1111111111: no page, no citation", NULL);
  s = "see Vol. 0 and p. 123456";
  check(t, cites(s, &src, &a, &v) == 0, "Vol. 0 without pages, p. 123456: no citation", NULL);
  s = "pages 1111111111, then p. 12";
  c = cites(s, &src, &a, &v) == 1 ? (const ll_Cite *)v.p : NULL;
  check(t, c && streq(c->text, "p. 12") && range(c, 0, 12, 12), "the page after a non-page is read", NULL);
  s = "Hilferding, Finance Capital, p. 326. Ibid., p. 330.";
  check(t, cites(s, &src, &a, &v) == 2 && streq(((const ll_Cite *)v.p + 1)->work, "Hilferding, Finance Capital"),
        "Ibid. takes the work before", NULL);
  s = "The sentence quoted on p. 34 and Chap. 5 and Volga.";
  c = cites(s, &src, &a, &v) == 1 ? (const ll_Cite *)v.p : NULL;
  check(t, c && c->work == NULL && streq(c->text, "p. 34"), "prose before a page is no work", NULL);
  check(t, cites("No citation here, vol. or p. alone.", &src, &a, &v) == 0, "no citation", NULL);
  ll_vec_free(&m, &v);
  ll_arena_free(&a);
}

/* ------------------------------------------------------------------ */
/* Sentences                                                           */
/* ------------------------------------------------------------------ */

/* the number of sentences ll_sentences finds in s */
static size_t nsent(const char *s) {
  ll_Mem m = {ll_stdalloc, NULL};
  ll_Vec v;
  size_t n;
  ll_vec_init(&v, sizeof(ll_Span));
  if (ll_sentences(&m, s, strlen(s), &v) != LL_OK) return 0;
  n = v.n;
  ll_vec_free(&m, &v);
  return n;
}

static void test_sentences(Tally *t) {
  check(t, nsent("A letter by V.I. Lenin to the editors.") == 1, "V.I. Lenin", NULL);
  check(t, nsent("Written by J.P. Cannon in 1932.") == 1, "J.P. Cannon", NULL);
  check(t, nsent("A letter by V. I. Lenin to the editors.") == 1, "V. I. Lenin", NULL);
  check(t, nsent("He left the I.L.P. The party split.") == 2, "I.L.P. The", NULL);
  check(t, nsent("He joined the R.S.D.L.P. He was young.") == 2, "R.S.D.L.P. He", NULL);
  check(t, nsent("He avoids the question Reform v. Revolution on its merit.") == 1,
        "Reform v. Revolution", NULL);
}

/* ------------------------------------------------------------------ */
/* Page breaks of an HTML page                                         */
/* ------------------------------------------------------------------ */

/* Reads a page (HTML or plain text) as the binding does, through the
** library's one entry (ll_read_page, llread.c); exits on failure. */
static ll_Doc *parsehtml(const char *html) {
  ll_Mem m = {ll_stdalloc, NULL};
  ll_Doc *d = NULL;
  char err[LL_ERRSIZE];
  if (ll_read_page(&m, &ll_html_reader, html, strlen(html), &d, err, sizeof err) != LL_OK) {
    printf("FAIL read: %s\n", err);
    exit(1);
  }
  return d;
}

/* The pipeline's entry: HTML sniffed and read, plain text parsed, a page
** with no text refused with its message and no document. */
static void test_readpage(Tally *t) {
  ll_Mem m = {ll_stdalloc, NULL};
  ll_Doc *d = NULL;
  char err[LL_ERRSIZE];
  int st;
  d = parsehtml("<html><body><h2>V. I. Lenin</h2><h1>The Title</h1><p>One. Two.</p></body></html>");
  check(t, streq(d->author, "V. I. Lenin") && d->title != NULL && streq(d->title->text, "The Title"),
        "read_page: HTML's header", NULL);
  check(t, d->nparas == 1 && streq(d->paras[0].text, "One. Two.") && d->paras[0].nsents == 2,
        "read_page: HTML's body, its sentences", NULL);
  ll_doc_free(d);
  d = parsehtml("Author\n\nTitle\n\nWritten: 1917\n\nBody text.\n");
  check(t, streq(d->author, "Author") && d->nfields == 1 && d->nparas == 1,
        "read_page: plain text through the page parser", NULL);
  ll_doc_free(d);
  d = NULL;
  st = ll_read_page(&m, &ll_html_reader, "<html><body></body></html>", 26, &d, err, sizeof err);
  check(t, st == LL_ERRINPUT && d == NULL && strcmp(err, "HTML page with no text") == 0,
        "read_page: an HTML page with no text is refused", NULL);
  st = ll_read_page(&m, &ll_html_reader, "", 0, &d, err, sizeof err);
  check(t, st == LL_ERRINPUT && d == NULL && strcmp(err, "empty input") == 0,
        "read_page: empty input is refused", NULL);
  /* without an HTML reader (a program that links no libxml2): plain text
     is read, an HTML page refused with the reason */
  st = ll_read_page(&m, NULL, "Author\n\nTitle\n\nWritten: 1917\n\nBody text.\n", 41, &d, err,
                    sizeof err);
  check(t, st == LL_OK && d != NULL && streq(d->author, "Author") && d->nparas == 1,
        "read_page: plain text needs no HTML reader", err);
  ll_doc_free(d);
  d = NULL;
  st = ll_read_page(&m, NULL, "<html><body><p>One.</p></body></html>", 37, &d, err, sizeof err);
  check(t,
        st == LL_ERRINPUT && d == NULL &&
            strcmp(err, "an HTML page, and no HTML reader to read it") == 0,
        "read_page: HTML with no HTML reader is refused, with the reason", err);
  check(t, ll_html_reader.abi == LL_HTML_ABI && ll_html_reader.read == ll_html_read,
        "read_page: ll_html_reader is llhtml.c's", NULL);
}

static void test_pagebreaks(Tally *t) {
  /* as mia-reader-lenin/.../1913/mar/x01.htm: a comment before the first
     paragraph, one between two paragraphs, one inside a paragraph */
  ll_Doc *d = parsehtml("<html><body><h2>V. I. Lenin</h2><h1>The Three Sources</h1>\n"
                        "<!-- vol=19 pg=021 src=v19pp77 type= -->\n"
                        "<p>Throughout the civilised world.</p>\n"
                        "<!-- vol=19 pg=022 src=v19pp77 type= -->\n"
                        "<p class=\"quote\">It is the legitimate successor to German\n"
                        "<!-- vol=19 pg=023 src=v19pp77 type= -->\n"
                        "philosophy.</p></body></html>");
  check(t, d->first_page == 21, "the comment before the body: first page 21", NULL);
  check(t, d->nparas == 2 && d->paras[0].nbreaks == 0, "no break in the first paragraph", NULL);
  check(t, d->nparas == 2 && d->paras[1].nbreaks == 2 && d->paras[1].breaks[0] == 0 &&
               streq(d->paras[1].labels[0], "22"),
        "a break between paragraphs: at the next one's start, page 22", NULL);
  check(t, d->nparas == 2 && d->paras[1].nbreaks == 2 && streq(d->paras[1].labels[1], "23") &&
               strncmp(d->paras[1].text, "It is", 5) == 0,
        "a break inside: page 23, and no space at the start", NULL);
  check(t, d->nparas == 2 && d->paras[1].kind == LL_QUOTE, "the block keeps its kind", NULL);
  ll_doc_free(d);
  /* as mia-pd/archive/hansen/1951/03/lysenko2.htm: a link [18] to a note
     the page lost is a marker; a bracketed year is not */
  d = parsehtml("<html><body><h1>T</h1><p>The stock.&#8221; <a id=\"f18\" href=\"#n18\" "
                "name=\"f18\">[18]</a> On November 15 [1945] we met.</p></body></html>");
  check(t, d->nparas == 1 && d->paras[0].nrefs == 1 && d->paras[0].refs[0].note == 18,
        "a link to a lost note is a marker", NULL);
  check(t, d->nparas == 1 && strstr(d->paras[0].text, "[1945]") != NULL, "a year stays text", NULL);
  check(t, d->nwarnings == 1 && strstr(d->warnings[0], "marker [18]") != NULL,
        "the lost note is warned of", NULL);
  ll_doc_free(d);
  d = parse("Author\n\nTitle\n\nSource: Collected Works, Volume 10, pages 17-28.\n\nBody.\n");
  check(t, d->first_page == 17, "no comment: the Source's first page", NULL);
  ll_doc_free(d);
}

/* The document builder fed directly, as the readers feed it: a marker's
** space goes before a span's end, a cell's end or the block's end, and
** stays before a span that opens; a page break at a block's start takes its
** label; a note's paragraphs; fields, the Source, the first page. */
static void test_builder(Tally *t) {
  ll_Mem m = {ll_stdalloc, NULL};
  ll_Builder *b;
  ll_Doc *d = NULL;
  char err[LL_ERRSIZE];
  const ll_Block *p;
  if (ll_build_begin(&m, &b) != LL_OK) {
    check(t, 0, "builder: begin", NULL);
    return;
  }
  ll_build_note_number(b, 1);
  ll_build_label(b, "17", 2);
  ll_build_label(b, "18", 2);
  ll_build_first_page(b, "16", 2);
  ll_build_author(b, "  V. I.\n Lenin ", 15);
  ll_build_title(b, 0, "The  Title [1]", 14);
  ll_build_field_line(b, "Source: Collected Works, Volume 10, pages 16-28.", 48);
  ll_build_field_line(b, "and more", 8);
  ll_build_block(b, LL_PARAGRAPH, 0, NULL, 0);
  ll_build_page(b);
  ll_build_span(b, LL_EMPHASIS, NULL, 0);
  ll_build_text(b, "word [1]", 8);
  ll_build_span_end(b);
  ll_build_text(b, " next [1]", 9);
  ll_build_span(b, LL_LINK, "x.htm", 5);
  ll_build_text(b, "link", 4);
  ll_build_span_end(b);
  ll_build_text(b, " and [1945] then \xC2\xA0 on", 22);
  ll_build_block(b, LL_TABLE, 0, NULL, 0);
  ll_build_text(b, "a [1]", 5);
  ll_build_cell(b, 0);
  ll_build_text(b, "b", 1);
  ll_build_cell(b, 1);
  ll_build_text(b, "c", 1);
  ll_build_note(b, 1);
  ll_build_block(b, LL_PARAGRAPH, 0, NULL, 0);
  ll_build_text(b, "The note.", 9);
  ll_build_block(b, LL_ITEM, 0, "2.", 2);
  ll_build_text(b, "Its second paragraph.", 21);
  ll_build_nav(b, " < back   forward > ", 20);
  if (ll_build_end(b, &d, err, sizeof err) != LL_OK) {
    check(t, 0, "builder: end", NULL);
    return;
  }
  check(t, streq(d->author, "V. I. Lenin"), "builder: author collapsed", NULL);
  check(t, d->title != NULL && streq(d->title->text, "The Title") && d->title->nrefs == 1 &&
               d->title->refs[0].pos == 9,
        "builder: title's marker a ref, its space gone", NULL);
  check(t, d->nfields == 1 && streq(d->fields[0].value, "Collected Works, Volume 10, pages 16-28. and more"),
        "builder: a line that names no field continues the value", NULL);
  check(t, d->source != NULL && d->source->volume == 10 && d->first_page == 16,
        "builder: the Source read, the reader's first page kept", NULL);
  check(t, d->nparas == 2 && d->nnotes == 1 && d->notes[0].nparas == 2, "builder: body and note", NULL);
  p = &d->paras[0];
  check(t, streq(p->text, "word next link and [1945] then on"), "builder: the first block's text", NULL);
  check(t, p->nrefs == 2 && p->refs[0].pos == 4 && p->refs[1].pos == 10,
        "builder: a space goes before a span's end, stays before a span that opens", NULL);
  check(t, p->nspans == 2 && p->spans[0].kind == LL_EMPHASIS && p->spans[0].pos == 0 &&
               p->spans[0].len == 4 && p->spans[1].kind == LL_LINK &&
               streq(p->spans[1].href, "x.htm") && p->spans[1].pos == 10,
        "builder: spans", NULL);
  check(t, p->nbreaks == 2 && p->breaks[0] == 0 && streq(p->labels[0], "17") &&
               streq(p->labels[1], "18"),
        "builder: a page break at the start and a page-break run, labelled in order", NULL);
  p = &d->paras[1];
  check(t, p->kind == LL_TABLE && streq(p->text, "a\tb\nc") && p->table != NULL &&
               p->table->nrows == 2 && p->table->ncells == 3 && p->nrefs == 1 && p->refs[0].pos == 1,
        "builder: a table's cells and rows; a space goes before a cell's end", NULL);
  check(t, streq(d->notes[0].paras[1].label, "2.") && d->notes[0].paras[1].kind == LL_ITEM,
        "builder: a note's paragraph with its kind and label", NULL);
  check(t, d->nnav == 1 && streq(d->nav[0], "< back forward >"), "builder: a footer line", NULL);
  check(t, d->nwarnings == 0, "builder: no warning", NULL);
  ll_doc_free(d);
  /* aborted: nothing left */
  if (ll_build_begin(&m, &b) == LL_OK) {
    ll_build_block(b, LL_PARAGRAPH, 0, NULL, 0);
    ll_build_text(b, "text", 4);
    ll_build_abort(b);
  }
}

int main(void) {
  Tally t = {0, 0};
  test_volnum(&t);
  test_source(&t);
  test_markers(&t);
  test_cites(&t);
  test_pagebreaks(&t);
  test_readpage(&t);
  test_sentences(&t);
  test_builder(&t);
  return report(&t);
}
