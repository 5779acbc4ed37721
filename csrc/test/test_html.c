/*
** test_html.c: tests of the HTML reader (llhtml.c).
** Table-driven snippets, hostile input, failing allocations and a run over
** the HTML corpus; "test_html FILE..." prints what the reader makes of pages.
*/
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "ll.h"
#include "llhtml.h"
#include "testutil.h"

#define CORPUS "/work/shared/corpus"
#define RUN " \xC2\xA0 "

/* ------------------------------------------------------------------ */
/* Running the reader                                                  */
/* ------------------------------------------------------------------ */

/* ------------------------------------------------------------------ */
/* The document, written back in the archive's plain-text form        */
/* ------------------------------------------------------------------ */

/* the header blocks a document has (Result.head) */
#define LL_HTML_AUTHOR   1u
#define LL_HTML_NUMBER   2u
#define LL_HTML_TITLE    4u
#define LL_HTML_SUBTITLE 8u

typedef struct Result {
  int status;
  ll_Buf text, labels; /* the document in plain-text form; its page labels */
  size_t nlabels;
  unsigned head; /* LL_HTML_* */
  char err[LL_ERRSIZE];
} Result;

/* Appends s[0, n) to b. */
static void put(ll_Mem *m, ll_Buf *b, const char *s, size_t n) {
  ll_buf_add(m, b, s, n);
}

/* Appends one block's text to r: each marker "[N]" written back where it
** stood, each page break inside the text as the run " \xC2\xA0 " with its
** label (a break at the block's start writes nothing). */
static void putblock(ll_Mem *m, Result *r, const char *text, size_t len, const ll_Ref *refs,
                     size_t nrefs, const ll_Block *b) {
  size_t i, ri = 0, bi = 0;
  for (i = 0; i <= len; i++) {
    for (; ri < nrefs && refs[ri].pos == i; ri++) {
      char num[24];
      snprintf(num, sizeof num, "[%ld]", refs[ri].note);
      put(m, &r->text, num, strlen(num));
    }
    while (b != NULL && bi < b->nbreaks && b->breaks[bi] < i) bi++;
    if (b != NULL && bi < b->nbreaks && b->breaks[bi] == i && i < len && text[i] == ' ') {
      const char *lab = b->labels != NULL && b->labels[bi] != NULL ? b->labels[bi] : "";
      put(m, &r->text, RUN, 4);
      put(m, &r->labels, lab, strlen(lab) + 1);
      r->nlabels++;
      bi++;
      continue;
    }
    if (i < len) put(m, &r->text, text + i, 1);
  }
}

/* Starts a new block of r's text. */
static void newblock(ll_Mem *m, Result *r) {
  if (r->text.n > 0) put(m, &r->text, "\n\n", 2);
}

/* Writes document d in the archive's plain-text form into r. */
static void render(ll_Mem *m, const ll_Doc *d, Result *r) {
  size_t i, k;
  if (d->author != NULL) {
    put(m, &r->text, d->author, strlen(d->author));
    r->head |= LL_HTML_AUTHOR;
  }
  if (d->number != NULL) {
    newblock(m, r);
    put(m, &r->text, d->number, strlen(d->number));
    r->head |= LL_HTML_NUMBER;
  }
  if (d->title != NULL) {
    newblock(m, r);
    putblock(m, r, d->title->text, d->title->len, d->title->refs, d->title->nrefs, NULL);
    r->head |= LL_HTML_TITLE;
  }
  if (d->subtitle != NULL) {
    newblock(m, r);
    putblock(m, r, d->subtitle->text, d->subtitle->len, d->subtitle->refs, d->subtitle->nrefs,
             NULL);
    r->head |= LL_HTML_SUBTITLE;
  }
  for (i = 0; i < d->nfields; i++) {
    const ll_Field *f = &d->fields[i];
    if (i == 0)
      newblock(m, r);
    else
      put(m, &r->text, "\n", 1);
    put(m, &r->text, f->name, strlen(f->name));
    put(m, &r->text, ":", 1);
    if (f->value[0] != '\0') put(m, &r->text, " ", 1);
    putblock(m, r, f->value, strlen(f->value), f->refs, f->nrefs, NULL);
  }
  for (i = 0; i < d->nparas; i++) {
    const ll_Block *b = &d->paras[i];
    size_t len = b->len;
    newblock(m, r);
    if (b->label != NULL) { /* a list item's printed label */
      put(m, &r->text, b->label, strlen(b->label));
      put(m, &r->text, " ", 1);
    }
    while (b->kind == LL_TABLE && len > 0 && b->text[len - 1] == '\n') len--; /* empty last row */
    putblock(m, r, b->text, len, b->refs, b->nrefs, b);
  }
  if (d->nnotes > 0) {
    newblock(m, r);
    put(m, &r->text, "Notes", 5);
  }
  for (k = 0; k < d->nnotes; k++)
    for (i = 0; i < d->notes[k].nparas; i++) {
      const ll_Block *b = &d->notes[k].paras[i];
      newblock(m, r);
      if (i == 0) {
        char num[24];
        snprintf(num, sizeof num, "[%ld] ", d->notes[k].n);
        put(m, &r->text, num, strlen(num));
      }
      putblock(m, r, b->text, b->len, b->refs, b->nrefs, b);
    }
  for (i = 0; i < d->nnav; i++) {
    if (i == 0)
      newblock(m, r);
    else
      put(m, &r->text, "\n", 1);
    put(m, &r->text, d->nav[i], strlen(d->nav[i]));
  }
  if (r->text.n > 0) put(m, &r->text, "\n", 1);
}

/* Reads page s into r (fresh buffers) as the binding does, and writes its
** document back in plain-text form. */
static void run(ll_Mem *m, const char *s, size_t n, Result *r) {
  ll_Doc *d = NULL;
  ll_buf_init(&r->text);
  ll_buf_init(&r->labels);
  r->nlabels = 0;
  r->head = 0;
  r->status = ll_read_html(m, &ll_html_reader, s, n, &d, r->err, sizeof r->err);
  if (d != NULL) render(m, d, r);
  ll_doc_free(d);
}

/* Frees r's buffers. */
static void release(ll_Mem *m, Result *r) {
  ll_buf_free(m, &r->text);
  ll_buf_free(m, &r->labels);
}

/* the number of non-overlapping occurrences of w in s */
static size_t count(const char *s, size_t n, const char *w) {
  size_t k = 0, wl = strlen(w), i;
  for (i = 0; i + wl <= n; i++)
    if (memcmp(s + i, w, wl) == 0) {
      k++;
      i += wl - 1;
    }
  return k;
}

/* What every output must be: valid UTF-8 without NUL, blocks separated by
** one blank line, ending in one newline, as many page-break runs as labels,
** and no other no-break space beside a space. Returns a reason or NULL. */
static const char *wellformed(const Result *r) {
  static char why[LL_ERRSIZE + 40];
  const char *s = r->text.p ? r->text.p : "";
  size_t n = r->text.n, i, k;
  char err[LL_ERRSIZE];
  if (r->status != LL_OK) return "status";
  if (ll_utf8_check(s, n, err, sizeof err) != LL_OK) {
    snprintf(why, sizeof why, "not UTF-8: %s", err);
    return why;
  }
  if (n > 0 && (s[0] == '\n' || s[n - 1] != '\n')) return "edges";
  if (n > 1 && s[n - 2] == '\n') return "ends in a blank line";
  if (count(s, n, "\n\n\n") > 0) return "two blank lines";
  if (count(s, n, " \n") > 0 || count(s, n, "\n ") > 0)
    return "space at a line edge";
  if (count(s, n, RUN) != r->nlabels) {
    snprintf(why, sizeof why, "%lu runs but %lu labels",
             (unsigned long)count(s, n, RUN), (unsigned long)r->nlabels);
    return why;
  }
  for (i = 0; i + 1 < n; i++) {
    if (i + 4 <= n && memcmp(s + i, RUN, 4) == 0) {
      i += 3;
      continue;
    }
    if (memcmp(s + i, "\xC2\xA0", 2) == 0 &&
        ((i > 0 && s[i - 1] == ' ') || (i + 2 < n && s[i + 2] == ' ')))
      return "a no-break space beside a space";
  }
  for (i = 0, k = 0; i < r->labels.n; i += strlen(r->labels.p + i) + 1) k++;
  if (k != r->nlabels) return "labels and nlabels differ";
  if (r->labels.n > 0 && r->labels.p[r->labels.n - 1] != '\0')
    return "labels not terminated";
  return NULL;
}

/* ------------------------------------------------------------------ */
/* Snippets                                                            */
/* ------------------------------------------------------------------ */

typedef struct Case {
  const char *name;
  const char *html;
  const char *text;    /* the whole output, or NULL to skip */
  const char *labels;  /* labels joined by '|', or NULL to skip */
  const char *has;     /* a string the output must hold, or NULL */
  const char *hasnt;   /* a string it must not hold, or NULL */
  int head;            /* the LL_HTML_* header blocks, or -1 to skip */
} Case;

#define LENIN_HEAD                                                          \
  "<!DOCTYPE html PUBLIC \"-//W3C//DTD XHTML 1.0 Transitional//EN\">\n"     \
  "<html><head><meta http-equiv=\"Content-Type\" "                          \
  "content=\"text/html; charset=utf-8\" />"                                 \
  "<title>Lenin: X</title><style>p { color: red }</style></head><body>\n"   \
  "<h2><a href=\"a.htm\">V. I.</a> &#160;\n <a href=\"b.htm\">Lenin</a>"    \
  "</h2>\n"

static const Case cases[] = {
  {"whole page, archive form",
   LENIN_HEAD
   "<h3 class=\"title\">Our Tasks and the Soviet</h3>\n"
   "<h4 class=\"subtitle\">A Letter to the Editor<sup class=\"ednote\">"
   "<a href=\"#fw02\" name=\"bk02\">[2]</a></sup></h4>\n<hr />\n"
   "<p class=\"information\">\n <span class=\"info\">Written:</span> Written"
   " on November 2-4 (15-17), 1905\n <br /><span class=\"info\">Source:"
   "</span> <em>Lenin Collected Works</em>, Volume&#160;10, pages&#160;17-28."
   "\n <br /><span class=\"info\">Translated:</span>\n"
   " <br /><span class=\"info\">Public Domain:</span> Lenin Internet Archive"
   " (2004). <span class=\"infobloc_copyleft\">Please credit &#8220;MIA"
   "&#8221; as your source.</span> &#8226; <a href=\"readme.htm\">README"
   "</a></p>\n<hr />\n"
   "<p>Comrades, the question<a href=\"#fw01\" name=\"bk01\">[1]</a> is"
   "\n   now   facing us.</p>\n"
   "<p class=\"sig\">Yours,<br />\n N. Lenin</p>\n"
   "<hr class=\"section\" /><h3>Notes</h3>\n"
   "<p class=\"endnote\"><a class=\"endnote\" name=\"fw01\" href=\"#bk01\">"
   "[1]</a>\nSee Vol. 5, pp. 451-67.&#8212;<em>Ed.</em></p>\n"
   "<p class=\"endnote\"><a class=\"endnote\" name=\"fw02\" href=\"#bk02\">"
   "[2]</a> The letter.</p><p>Its second paragraph.</p>\n"
   "<table class=\"t2h-foot\"><tr><td><span class=\"footer\"><a href=\"x\">"
   "&lt; backward</a></span></td><td>&nbsp;</td><td><span class=\"footer\">"
   "<a href=\"y\">forward &gt;</a></span></td></tr>\n<tr><td>"
   "<a href=\"i\">Works Index</a> &nbsp; | &nbsp; <a href=\"v\">Volume 10"
   "</a></td></tr></table>\n"
   "<script>document.write('no');</script></body></html>\n",
   "V. I. Lenin\n\nOur Tasks and the Soviet\n\nA Letter to the Editor[2]\n\n"
   "Written: Written on November 2-4 (15-17), 1905\n"
   "Source: Lenin Collected Works, Volume 10, pages 17-28.\n"
   "Translated:\n"
   "Public Domain: Lenin Internet Archive (2004). Please credit "
   "\xE2\x80\x9CMIA\xE2\x80\x9D as your source.\n\n"
   "Comrades, the question[1] is now facing us.\n\nYours,\nN. Lenin\n\n"
   "Notes\n\n[1] See Vol. 5, pp. 451-67.\xE2\x80\x94" "Ed.\n\n[2] The letter."
   "\n\nIts second paragraph.\n\n< backward forward >\n"
   "Works Index | Volume 10\n",
   "", NULL, NULL, LL_HTML_AUTHOR | LL_HTML_TITLE | LL_HTML_SUBTITLE},
  {"page breaks: comment and anchor inside, between and at edges",
   "<html><body><h2>V. I. Lenin</h2><h1>T</h1>\n"
   "<!-- vol=19 pg=029 src=v19pp77 type= --> <a name='v19pp77:29' />\n"
   "<p>We know that\n<!-- vol=19 pg=030 src=v19pp77 type= --> "
   "<a name='v19pp77:30' /> &nbsp; \nalliance with China.</p>\n"
   "<p><!-- vol=19 pg=031 --> Starts here and"
   "<a id=\"p32\" name=\"p32\"></a>goes on<!-- vol=19 pg=033 --></p>"
   "<p>Line<br /><!-- vol=19 pg=034 --> break</p></body></html>",
   "V. I. Lenin\n\nT\n\nWe know that" RUN "alliance with China.\n\n"
   "Starts here and" RUN "goes on\n\nLine\nbreak\n",
   "30|32", NULL, NULL, -1},
  {"page break right after a note's number is dropped with its label",
   "<h1>T</h1><p>x<a href=\"#f1\" name=\"b1\">[1]</a></p><h3>Notes</h3>"
   "<p><a href=\"#b1\" name=\"f1\">[1]</a><!-- vol=1 pg=5 --> Text "
   "<!-- vol=1 pg=6 -->more</p>",
   "T\n\nx[1]\n\nNotes\n\n[1] Text" RUN "more\n", "6", NULL, NULL, -1},
  {"no-break spaces: alone kept, beside spaces collapsed",
   "<p>a&nbsp;b &nbsp; c&nbsp;&nbsp;d&nbsp; e \xC2\xA0\xC2\xA0 f&#160;</p>",
   "a\xC2\xA0" "b c\xC2\xA0\xC2\xA0" "d e f\n", "", NULL, NULL, -1},
  {"line breaks: one is a newline, two end the paragraph",
   "<p>Dear<br/>  friends,<br><br>\n<br>Yours<br>\n</p>",
   "Dear\nfriends,\n\nYours\n", "", NULL, NULL, -1},
  {"markers: the forms the archive uses",
   "<body><h2>A B</h2><h1>T</h1><p>one<a href=\"#n1\" name=\"bk1\">[1]</a>"
   " two<sup class=\"anote\"><a href=\"#2\" name=\"2b\">2</a></sup> three"
   "<a class=\"endnote\" id=\"bk3\" name=\"bk3\" href=\"#fw3\">[3]</a>"
   " four<a id=\"bk4\" href=\"#fw4\" name=\"bk4\"><sup class=\"enote\">[4]"
   "</sup></a> five<span class=\"note\"><a href=\"#f5\" name=\"b5\">*5</a>"
   "</span> six<sup class=\"enote\">[6]</sup>.</p>\n<h3>Notes</h3>"
   "<p class=\"note\"><a name=\"n1\" href=\"#bk1\">1.</a> One.</p>"
   "<p class=\"note\"><a href=\"#2b\" name=\"2\">2.</a> Two.</p>"
   "<p><a name=\"fw3\" href=\"#bk3\">[3]</a>Three.</p>"
   "<p><a name=\"fw4\" href=\"#bk4\">[4]</a></p><p>Four.</p>"
   "<p><span class=\"note\"><a href=\"#b5\" name=\"f5\">[*5]</a></span>"
   " Five.</p><p>[6] Six.</p></body>",
   "A B\n\nT\n\none[1] two[2] three[3] four[4] five[5] six[6].\n\nNotes\n\n"
   "[1] One.\n\n[2] Two.\n\n[3] Three.\n\n[4] Four.\n\n[5] Five.\n\n"
   "[6] Six.\n",
   "", NULL, NULL, -1},
  {"not markers: section links, numbers in text, starred beside plain",
   "<p><a href=\"#sec6\">6.</a> The Organisation</p>"
   "<p>In 1917<sup>2</sup> and x<a href=\"#a\">[1]</a> y"
   "<a href=\"#b\" name=\"c\">[1*]</a></p>",
   "6. The Organisation\n\nIn 1917" "2 and x[1] y[1*]\n", "", NULL, NULL, -1},
  {"a table of contents of the page's own sections is navigation, its label too",
   "<p class=\"toc\">Contents:</p><p class=\"index\"><a href=\"#s1\">One</a><br />"
   "<a href=\"#s2\">Two</a></p><p class=\"toc\"><a href=\"#s3\">3.</a> Three</p>"
   "<p><a name=\"s1\"></a>Text.</p><p class=\"toc\">Not a label</p><p>More.</p>",
   "Text.\n\nNot a label\n\nMore.\n\nContents:\nOne | Two\n3. Three\n", "", NULL, NULL, -1},
  {"notes placed mid-page are moved after the body",
   "<p>Body one<a href=\"#f1\" name=\"b1\">[1]</a>.</p>"
   "<p class=\"note\"><a href=\"#b1\" name=\"f1\">[1]</a> The note.</p>"
   "<p>Body two<a href=\"#f2\" name=\"b2\">[2]</a>.</p>"
   "<p class=\"endnote\"><a href=\"#b2\" name=\"f2\">[2]</a> Last.</p>"
   "<p class=\"footer\"><a href=\"i\">Index</a></p>",
   "Body one[1].\n\nBody two[2].\n\nNotes\n\n[1] The note.\n\n[2] Last.\n\n"
   "Index\n", "", NULL, NULL, -1},
  {"info block: strong labels, unlabelled lines, plain Name: value",
   "<body><p class=\"title\">Clara Zetkin</p><h1>A May-Day Message</h1>"
   "<p class=\"info\">From <strong>The Call</strong>, April 29, 1920.<br />"
   "Translated by J. Smith.<br/>Transcribed &amp; marked up by E. O.<br />"
   "<strong>HTML Markup:</strong> Brian Reid<br />"
   "Copyleft: none<br />and more<br />"
   "<strong>Public Domain:</strong> MIA (2007).</p><p>Text.</p></body>",
   "Clara Zetkin\n\nA May-Day Message\n\nSource: The Call, April 29, 1920.\n"
   "Translated: J. Smith.\nTranscription: E. O.\nHTML Markup: Brian Reid\n"
   "Copyleft: none and more\nPublic Domain: MIA (2007).\n\nText.\n",
   "", NULL, NULL, -1},
  {"an unclassed paragraph that opens with a field name is an info block",
   "<h2>A B</h2><h1>T</h1><P CLASS=\"fst\"><SPAN CLASS=\"info\">Source:"
   "</SPAN> <I>The CI</I>, 1924<BR>This issue.<BR><SPAN CLASS=\"info\">"
   "HTML Markup: </SPAN>Brian Reid</P><p><strong>Source:</strong> S</p>"
   "<p><em>Source:</em> not this</p><p>Body.</p>",
   "A B\n\nT\n\nSource: The CI, 1924 This issue.\nHTML Markup: Brian Reid\n"
   "Source: S\n\nSource: not this\n\nBody.\n", "", NULL, NULL, -1},
  {"info block below the body, and a note in an info block",
   "<h2>V. I. Lenin</h2><h3>Ten</h3><p>Resolved.<a href=\"#n1\" name=\"f1\">"
   "1</a></p><p class=\"information\">Pravda No. 45, March 9, 1918</p>"
   "<p class=\"information\"><a id=\"n1\" name=\"n1\" href=\"#f1\">1.</a>"
   " See above.</p>",
   "V. I. Lenin\n\nTen\n\nSource: Pravda No. 45, March 9, 1918\n\n"
   "Resolved.[1]\n\nNotes\n\n[1] See above.\n", "", NULL, NULL, -1},
  {"header: number, kicker, subtitle parts",
   "<h2>V. I. Lenin</h2><h4>454</h4><h4>Bolivia, 9 April 1952:</h4>"
   "<h1>A Forgotten Revolution?</h1><h4>To All Sections</h4>"
   "<h3>(April 1983)</h3><hr/><p>Body.</p>",
   "V. I. Lenin\n\n454\n\nBolivia, 9 April 1952: A Forgotten Revolution?\n\n"
   "To All Sections (April 1983)\n\nBody.\n", "", NULL, NULL,
   LL_HTML_AUTHOR | LL_HTML_NUMBER | LL_HTML_TITLE | LL_HTML_SUBTITLE},
  {"header: author named by <meta>, after the title, or only in <meta>",
   "<head><meta name=\"author\" content=\"James P. Cannon\" /></head>"
   "<body><h1>James P. Cannon</h1><h3>Where is the Left Wing Going?</h3>"
   "<h2>An Answer</h2><p>Body.</p>",
   "James P. Cannon\n\nWhere is the Left Wing Going?\n\nAn Answer\n\nBody.\n",
   "", NULL, NULL, -1},
  {"header: a name first, no <meta> author (cannon/works/1928/dec/01.htm)",
   "<body><h1>James P. Cannon</h1><h3>The Party &#8216;Discussion&#8217; Opens</h3>"
   "<p>Body.</p>",
   "James P. Cannon\n\nThe Party \xE2\x80\x98" "Discussion\xE2\x80\x99 Opens\n\nBody.\n", "",
   NULL, NULL, LL_HTML_AUTHOR | LL_HTML_TITLE},
  {"header: a title that only looks like a name stays the title",
   "<body><h1>Results Of The Party Convention</h1><h3>(March 1929)</h3><p>Body.</p>",
   "Results Of The Party Convention\n\n(March 1929)\n\nBody.\n", "", NULL, NULL,
   LL_HTML_TITLE | LL_HTML_SUBTITLE},
  {"header: 'Part I' over the title (lenin/works/1920/8thcong/ch01.htm)",
   "<body><h2>V. I. Lenin</h2><h3>Eighth All-Russia Congress of Soviets</h3><h1>Part I</h1>"
   "<h2>Report On Concessions</h2><p>Body.</p>",
   "V. I. Lenin\n\nEighth All-Russia Congress of Soviets\n\nPart I. Report On Concessions\n\n"
   "Body.\n", "", NULL, NULL, LL_HTML_AUTHOR | LL_HTML_TITLE | LL_HTML_SUBTITLE},
  {"header: the site's banner is no author (lenin/works/date/1893.htm)",
   "<html><head><meta name=\"AUTHOR\" content=\"Vladimir Lenin\" /></head><body>"
   "<p class=\"title\">Lenin Internet Archive: Works: Date Index</p><h2>1893 </h2>"
   "<p>Body.</p>",
   "Vladimir Lenin\n\n1893\n\nBody.\n", "", NULL, NULL, LL_HTML_AUTHOR | LL_HTML_TITLE},
  {"header: a year glued to the author (montefiore/1918/01/03.htm)",
   "<html><head><meta name=\"author\" content=\" Dora Montefiore\"></head><body>"
   "<p class=\"title\">Dora B. Montefiore 1918</p><h3>An Open Letter to Lenin</h3>"
   "<p>Body.</p>",
   "Dora B. Montefiore\n\nAn Open Letter to Lenin\n\nBody.\n", "", NULL, NULL,
   LL_HTML_AUTHOR | LL_HTML_TITLE},
  {"a page's own contents, links to its anchors by file name (varga/1921/x01/x02.htm)",
   "<h1>T</h1><p class=\"indentb\"><strong><a href=\"x02.htm#p1\">1</a>. The root.<br />"
   "<a href=\"x02.htm#p2\">2</a>. The war.<br /><a href=\"x02.htm#p3\">3</a>. The U.S.A."
   "</strong></p><a name=\"p1\"></a><h4>I.</h4><p>One.</p><a name=\"p2\"></a><p>Two.</p>"
   "<a name=\"p3\"></a><p>Three, see <a href=\"#p1\">1</a>, <a href=\"#p2\">2</a> and "
   "<a href=\"#p3\">3</a>.</p>",
   NULL, "", "Three, see 1, 2 and 3.", "1. The root.\n\n", -1},
  {"notes without numbers after the last notes heading (horner/1945/11/coal.htm)",
   "<h1>T</h1><p>Body.*</p><p>More.\xE2\x80\xA0</p><h3>Notes</h3>"
   "<p class=\"note\"><a id=\"n1\" href=\"#f1\" name=\"n1\">*</a>&#160;At the Congress.</p>"
   "<p>Its second paragraph.</p><p>\xE2\x80\xA0 Re-translated.</p>",
   "T\n\nBody.*\n\nMore.\xE2\x80\xA0\n\nNotes\n\n[1] *\xC2\xA0" "At the Congress.\n\n"
   "Its second paragraph.\n\n[2] \xE2\x80\xA0 Re-translated.\n", "", NULL, NULL, -1},
  {"an 'Editor's note' paragraph is no notes heading (kun-bela/1921/11/hungary.html)",
   "<h1>T</h1><p>Intro.</p><p class=\"author\">Editor&#8217;s note</p><p>Body.</p>",
   "T\n\nIntro.\n\nEditor\xE2\x80\x99s note\n\nBody.\n", "", NULL, NULL, -1},
  {"header: by-line after the title",
   "<h1>The Debate</h1><h2>by Ernest Mandel</h2><h4>(January 1982)</h4>"
   "<p>Body.</p>",
   "Ernest Mandel\n\nThe Debate\n\n(January 1982)\n\nBody.\n", "", NULL,
   NULL, LL_HTML_AUTHOR | LL_HTML_TITLE | LL_HTML_SUBTITLE},
  {"header: meta author when the page shows none",
   "<html><head><meta name=\"AUTHOR\" content=\"Vladimir Lenin\"></head>"
   "<body><h1>The State</h1><p>Body.</p>",
   "Vladimir Lenin\n\nThe State\n\nBody.\n", "", NULL, NULL, -1},
  {"header: possessive author, image headings",
   "<body><div><img alt=\"Vladimir Lenin&#8217;s\" src=\"n.gif\"><br>"
   "<img alt=\"The State and Revolution\" src=\"i.gif\"></div>"
   "<p>Body.</p>",
   "Vladimir Lenin\n\nThe State and Revolution\n\nBody.\n", "", NULL, NULL, -1},
  {"footer lines: p.footer (links joined), p.next, toplink, updat",
   "<p class=\"toplink\"><a href=\"m\">MIA</a>&#160;&#160;&gt;&#160; "
   "<a>Archive</a></p><h2>A B</h2><h1>T</h1><p>Body.</p>"
   "<p class=\"next\"><a>Next: Appendix</a></p><p class=\"footer\">"
   "<a>Index</a><br /><a>Volume 25</a>\n</p><p class=\"link\">"
   "<a href=\"#top\">Top of the page</a></p>"
   "<p class=\"updat\">Last updated on 22.7.2007</p>",
   "A B\n\nT\n\nBody.\n\nMIA > Archive\nNext: Appendix\nIndex | Volume 25\n"
   "Top of the page\nLast updated on 22.7.2007\n", "", NULL, NULL, -1},
  {"headings, tables and lists in the body: their text (a table one block)",
   "<h2>A B</h2><h1>T</h1><p class=\"information\"><span class=\"info\">"
   "Written:</span> 1905</p><h4>1. The State</h4><p>Text.</p>"
   "<table><tr><td>Year</td><td>Men</td></tr><tr><td>1905</td><td>12</td>"
   "</tr></table><ul><li>one</li><li>two <b>bold</b></li></ul>"
   "<blockquote>Quoted <i>text</i></blockquote>",
   "A B\n\nT\n\nWritten: 1905\n\n1. The State\n\nText.\n\nYear\tMen\n"
   "1905\t12\n\none\n\ntwo bold\n\nQuoted text\n", "", NULL, NULL, -1},
  {"a title without an author",
   "<h1>The Title</h1><p>Body.</p><p class=\"footer\">Home</p>",
   "The Title\n\nBody.\n\nHome\n", "", NULL, NULL, LL_HTML_TITLE},
  {"pre keeps its lines",
   "<pre>line one\n   line two\n\nline four</pre>",
   "line one\nline two\n\nline four\n", "", NULL, NULL, -1},
  {"script, style, noscript and comments are dropped",
   "<p>A<script>var x = '<p>no</p>';</script>B<style>p{}</style>C"
   "<noscript>no</noscript><!-- no -->D</p>", "ABCD\n", "", NULL, NULL, -1},
  {"entities, broken entities and C1 references",
   "<p>Vorw&auml;rts &amp; Gr&uuml;&Bwhatthe;e &#150; &#151; &#x2019; "
   "&#147;q&#148; &#129;x &nosuch</p>",
   "Vorw\xC3\xA4rts & Gr\xC3\xBC&Bwhatthe;e \xE2\x80\x93 \xE2\x80\x94 "
   "\xE2\x80\x99 \xE2\x80\x9Cq\xE2\x80\x9D x &nosuch\n", "", NULL, NULL, -1},
  {"prose: eight-byte stretches, single and double spaces, tabs, no-break "
   "spaces and C1 references at every offset",
   "<p>abcdefgh ijklmnop  qrstuvwx\tyz&nbsp;ABCDEFGH &nbsp; IJKLMNOP&#150;"
   "QRSTUVW x  y\n\nz abcdefg\xC2\xA0hijklmno \xE2\x80\xA8pqrstuvw\xEF\xBB\xBF"
   "end.  </p>",
   "abcdefgh ijklmnop qrstuvwx yz\xC2\xA0" "ABCDEFGH IJKLMNOP\xE2\x80\x93QRSTUVW x "
   "y z abcdefg\xC2\xA0hijklmno pqrstuvwend.\n", "", NULL, NULL, -1},
  {"prose: a long paragraph of plain words is kept exactly",
   "<p>The Soviet of Workers' Deputies is not a labour parliament and not an "
   "organ of proletarian self-government, nor an organ of self-government at "
   "all, but a fighting organisation for the achievement of definite aims.</p>",
   "The Soviet of Workers' Deputies is not a labour parliament and not an "
   "organ of proletarian self-government, nor an organ of self-government at "
   "all, but a fighting organisation for the achievement of definite aims.\n",
   "", NULL, NULL, -1},
  {"charset: control bytes in a UTF-8 page are decoded, not passed as they are",
   "<p>one\x01two\x0Bthree\tfour caf\xC3\xA9</p>",
   "one two three four caf\xC3\xA9\n", "", NULL, NULL, -1},
  {"CRLF line ends",
   "<html>\r\n<body>\r\n<h2>A B</h2>\r\n<h1>T</h1>\r\n<p>One\r\ntwo</p>\r\n"
   "</body>\r\n</html>\r\n",
   "A B\n\nT\n\nOne two\n", "", NULL, NULL, -1},
  {"charset: declared iso-8859-1 is read as windows-1252",
   "<html><head><meta http-equiv=\"content-type\" content=\"text/html; "
   "charset=iso-8859-1\" /></head><body><p>Verit\xE9 \x93q\x94 \x96 "
   "\x81</p></body></html>",
   "Verit\xC3\xA9 \xE2\x80\x9Cq\xE2\x80\x9D \xE2\x80\x93 \xEF\xBF\xBD\n", "",
   NULL, NULL, -1},
  {"charset: declared iso-8859-1 but UTF-8 bytes",
   "<meta charset=\"iso-8859-1\"><p>Verit\xC3\xA9</p>",
   "Verit\xC3\xA9\n", "", NULL, NULL, -1},
  {"charset: undeclared UTF-8",
   "<p>Gr\xC3\xBC\xC3\x9F" "e \xE2\x80\x94 \xF0\x9F\x98\x80</p>",
   "Gr\xC3\xBC\xC3\x9F" "e \xE2\x80\x94 \xF0\x9F\x98\x80\n", "", NULL, NULL, -1},
  {"charset: undeclared windows-1252",
   "<p>Br\xFC\xDF" "e \x97 done</p>",
   "Br\xC3\xBC\xC3\x9F" "e \xE2\x80\x94 done\n", "", NULL, NULL, -1},
  {"charset: declared utf-8 with a stray byte",
   "<meta charset=utf-8><p>caf\xC3\xA9 na\xEFve</p>",
   "caf\xC3\xA9 na\xC3\xAFve\n", "", NULL, NULL, -1},
  {"charset: a utf-16 declaration on an ASCII page",
   "<meta http-equiv=\"content-type\" content=\"text/html; charset=utf-16\">"
   "<p>Plain text</p>",
   "Plain text\n", "", NULL, NULL, -1},
  {"charset: byte order mark",
   "\xEF\xBB\xBF<p>caf\xC3\xA9</p>", "caf\xC3\xA9\n", "", NULL, NULL, -1},
  {"charset: koi8-r through libxml2",
   "<meta charset=\"koi8-r\"><p>\xEC\xC5\xCE\xC9\xCE</p>",
   "\xD0\x9B\xD0\xB5\xD0\xBD\xD0\xB8\xD0\xBD\n", "", NULL, NULL, -1},
  {"control characters are dropped",
   "<p>a\x01" "b\x7F" "c\x1B" "d</p>", NULL, NULL, NULL, "\x01", -1},
  {"nothing but markup gives no text", "<html><body></body></html>", "", "",
   NULL, NULL, -1},
  {"unclosed tags", "<h2>A B<h1>Title<p>one<p>two <b>three <i>four",
   NULL, NULL, "two three four", NULL, -1},
};

/* Splits the expected labels "a|b" and compares with r->labels. */
static int samelabels(const Result *r, const char *want) {
  size_t i = 0, w = 0, wl = strlen(want);
  while (i < r->labels.n) {
    size_t l = strlen(r->labels.p + i), e = w;
    while (e < wl && want[e] != '|') e++;
    if (e - w != l || memcmp(want + w, r->labels.p + i, l) != 0) return 0;
    i += l + 1;
    w = e + (e < wl);
  }
  return w >= wl;
}

/* Runs every snippet and checks its output. */
static void test_cases(Tally *t) {
  ll_Mem m = {ll_stdalloc, NULL};
  size_t i;
  for (i = 0; i < sizeof cases / sizeof cases[0]; i++) {
    const Case *c = &cases[i];
    Result r;
    const char *why;
    run(&m, c->html, strlen(c->html), &r);
    if (c->text != NULL && c->text[0] == '\0') { /* no text: refused, said so */
      check(t, r.status == LL_ERRINPUT && strstr(r.err, "no text") != NULL, c->name, r.err);
      release(&m, &r);
      continue;
    }
    why = wellformed(&r);
    check(t, why == NULL, c->name, why ? why : NULL);
    if (c->text != NULL) {
      int ok = r.text.n == strlen(c->text) &&
               (r.text.n == 0 || memcmp(r.text.p, c->text, r.text.n) == 0);
      check(t, ok, c->name, "text");
      if (!ok) printf("---- got:\n%s---- want:\n%s----\n",
                      r.text.p ? r.text.p : "", c->text);
    }
    if (c->labels != NULL) check(t, samelabels(&r, c->labels), c->name,
                                 "labels");
    if (c->head >= 0) check(t, r.head == (unsigned)c->head, c->name,
                            "header");
    if (c->has != NULL)
      check(t, r.text.p != NULL && strstr(r.text.p, c->has) != NULL, c->name,
            "missing text");
    if (c->hasnt != NULL)
      check(t, r.text.p == NULL || strstr(r.text.p, c->hasnt) == NULL,
            c->name, "unwanted text");
    release(&m, &r);
  }
}

/* ------------------------------------------------------------------ */
/* Sniffing                                                            */
/* ------------------------------------------------------------------ */

static void test_sniff(Tally *t) {
  static const struct {
    const char *s;
    int html;
  } sn[] = {
    {"<!DOCTYPE html PUBLIC \"-//W3C//DTD XHTML 1.0\">", 1},
    {"<!doctype html><title>x</title>", 1},
    {"\xEF\xBB\xBF  \r\n<html>", 1},
    {"<?xml version=\"1.0\"?>\n<!-- c -->\n<html xmlns=\"x\">", 1},
    {"<HEAD><TITLE>x", 1},
    {"  <body bgcolor=\"#fff\">", 1},
    {"<p>Text</p>", 1},
    {"<P class=x>", 1},
    {"<h3>Title</h3>", 1},
    {"<!-- Emacs-File-stamp -->\n<html>", 1},
    {"V. I.\xC2\xA0 Lenin\n\nOur Tasks", 0},
    {"", 0},
    {"<", 0},
    {"<pre", 1},
    {"<person>", 0},
    {"<!-- never closed", 0},
    {"Text <p>later</p>", 0},
  };
  size_t i;
  for (i = 0; i < sizeof sn / sizeof sn[0]; i++) {
    char name[80];
    snprintf(name, sizeof name, "sniff #%lu", (unsigned long)i);
    check(t, ll_html_sniff(sn[i].s, strlen(sn[i].s)) == sn[i].html, name,
          sn[i].s);
  }
  check(t, ll_html_sniff(NULL, 0) == 0, "sniff NULL", NULL);
}

/* ------------------------------------------------------------------ */
/* Hostile input                                                       */
/* ------------------------------------------------------------------ */

/* Runs s through the reader with a counting allocator: the output must be
** well-formed (or the input refused) and nothing may leak. */
static void hostile(Tally *t, const char *name, const char *s, size_t n) {
  Counter c = {0, 0, -1};
  ll_Mem m;
  Result r;
  const char *why;
  m.f = counting;
  m.ud = &c;
  run(&m, s, n, &r);
  if (r.status == LL_OK) {
    why = wellformed(&r);
    check(t, why == NULL, name, why);
  } else {
    check(t, r.status == LL_ERRINPUT && r.err[0] != '\0' && r.text.n == 0,
          name, "refused badly");
  }
  release(&m, &r);
  check(t, c.live == 0, name, "leak");
}

/* a repeated times, then mid, then b repeated times (malloc'd), or NULL. */
static char *repeat(const char *a, size_t times, const char *mid,
                    const char *b, size_t *len) {
  size_t la = strlen(a), lb = strlen(b), lm = strlen(mid), i, k = 0;
  char *s = (char *)malloc(times * (la + lb) + lm + 1);
  if (s == NULL) return NULL;
  for (i = 0; i < times; i++, k += la) memcpy(s + k, a, la);
  memcpy(s + k, mid, lm);
  k += lm;
  for (i = 0; i < times; i++, k += lb) memcpy(s + k, b, lb);
  s[k] = '\0';
  *len = k;
  return s;
}

/* hostile() on s, then frees it (a NULL s is skipped). */
static void storm(Tally *t, const char *name, char *s, size_t n) {
  if (s == NULL) return;
  hostile(t, name, s, n);
  free(s);
}

/* Empty, blank and short hostile input. */
static void hostile_small(Tally *t) {
  Counter c = {0, 0, -1};
  ll_Mem m;
  Result r;
  m.f = counting;
  m.ud = &c;
  /* empty and blank input */
  run(&m, "", 0, &r);
  check(t, r.status == LL_ERRINPUT && r.text.n == 0, "empty input", r.err);
  release(&m, &r);
  run(&m, NULL, 0, &r);
  check(t, r.status == LL_ERRINPUT, "NULL input", r.err);
  release(&m, &r);
  hostile(t, "blank input", "   \n\t  ", 7);
  hostile(t, "NUL bytes", "<p>a\0b\0</p>\0<h1>\0", 18);
  hostile(t, "only NUL", "\0\0\0\0", 4);
  hostile(t, "lone '<'", "<", 1);
  hostile(t, "broken comment", "<p>a<!-- vol=1 pg=", 18);
  hostile(t, "surrogate reference", "<p>&#xD800; &#0; &#x110000; &#1;</p>",
          36);
  hostile(t, "huge reference", "<p>&#99999999999999999999;</p>", 30);
  hostile(t, "UTF-16LE", "\xFF\xFE<\0p\0>\0h\0i\0\x00\xD8<\0", 16);
  hostile(t, "UTF-16BE odd length", "\xFE\xFF\0<\0p\0>\0", 9);
  hostile(t, "koi8-r with NUL", "<meta charset=koi8-r><p>\xEC\0\xC5</p>\0",
          31);
  hostile(t, "shift_jis broken", "<meta charset=shift_jis><p>\x82\xA0\x82"
          "\xFF\x81</p><p>more</p>", 42);
  hostile(t, "utf-7 declared", "<meta charset=utf-7><p>+AGEAYgBj-</p>", 34);
  hostile(t, "unknown charset", "<meta charset=x-nonesuch><p>\xE9</p>", 33);
  hostile(t, "invalid bytes", "<p>\xC0\xAF \xED\xA0\x80 \xF5\x80 \xFF\xFE</p>",
          19);
  hostile(t, "marker storm", "<p>[1]<a href=\"#a\" name=\"a\">[1]</a>"
          "<a href=\"#a\" name=\"a\">[1*]</a><sup>[999999]</sup>"
          "<sup>[9999999]</sup></p>", 108);
}

/* 10000 levels of each nesting element, closed and unclosed. */
static void hostile_deep(Tally *t) {
  static const char *const nests[][2] = {
    {"<div>", "</div>"}, {"<b>", "</b>"}, {"<sup>", "</sup>"},
    {"<p>", "</p>"}, {"<table><tr><td>", "</td></tr></table>"},
    {"<h1>", "</h1>"}, {"<p class=\"information\"><span class=\"info\">",
                        "</span></p>"},
    {"<a href=\"#x\" name=\"y\">", "</a>"}, {"<pre>", ""}, {"<ul><li>", ""}
  };
  size_t i, n;
  char *s;
  for (i = 0; i < sizeof nests / sizeof nests[0]; i++) {
    char name[64];
    s = repeat(nests[i][0], 10000, "deep text", nests[i][1], &n);
    if (s == NULL) continue;
    snprintf(name, sizeof name, "10000 levels of %s", nests[i][0]);
    hostile(t, name, s, n);
    s[n / 2] = '\0';  /* unclosed */
    snprintf(name, sizeof name, "10000 unclosed %s", nests[i][0]);
    hostile(t, name, s, strlen(s));
    free(s);
  }
}

/* 20000 of each of the reader's costly constructs. */
static void hostile_storms(Tally *t) {
  size_t n;
  char *s;
  s = repeat("&amp;&lt;&#8212;&#x1F600;&nbsp; &bogus;", 20000, "", "", &n);
  storm(t, "entity storm", s, n);
  s = repeat("<p>x<br>", 20000, "", "", &n);
  storm(t, "paragraph storm", s, n);
  s = repeat("<!-- vol=1 pg=1 --><a name='v1pp1:2'/>&nbsp;", 20000, "<p>x",
             "y", &n);
  storm(t, "page-break storm", s, n);
  s = repeat("<a href=\"#f1\" name=\"b1\">[1]</a><sup class=\"note\">2</sup>",
             20000, "", "", &n);
  storm(t, "marker flood", s, n);
  s = repeat("<a href=\"#x\" name=\"y\">[1*]</a><a href=\"#y\" name=\"x\">"
             "[1]</a>", 20000, "", "", &n);
  storm(t, "starred flood", s, n);
  s = repeat("<p>x</p>", 20000, "<h1>T</h1>", "", &n);
  storm(t, "paragraphs before a heading", s, n);
  s = repeat("<h2>Head</h2>", 20000, "", "", &n);
  storm(t, "heading flood", s, n);
  s = repeat("<h3>Notes</h3><p>x</p>", 20000, "<p><a name=\"f1\" "
             "href=\"#b1\">[1]</a> n</p>", "", &n);
  storm(t, "notes-heading flood", s, n);
  s = repeat("From here<br>Translated by me<br>x<br>", 20000,
             "", "", &n);
  if (s != NULL) {
    char *b = (char *)malloc(n + 40);
    if (b != NULL) {
      sprintf(b, "<p class=\"info\">%s</p>", s);
      hostile(t, "huge info block", b, strlen(b));
      free(b);
    }
    free(s);
  }
}

/* Random bytes, a fixed seed: 20 pages of 64 KB, every other one with
** many bytes of HTML's syntax. */
static void hostile_random(Tally *t) {
  unsigned long x = 12345;
  char *b = (char *)malloc(65536);
  size_t i;
  int round;
  if (b == NULL) return;
  for (round = 0; round < 20; round++) {
    for (i = 0; i < 65536; i++) {
      x = x * 1103515245UL + 12345UL;
      b[i] = (char)((x >> 16) & 0xFF);
      if (round % 2 && (x >> 8) % 5 == 0) b[i] = "<>/p&#;\"= "[x % 10];
    }
    hostile(t, "random bytes", b, 65536);
  }
  free(b);
}

/* Empty, broken, deep, huge and random input, and page (a real page, or
** NULL) cut at many points. */
static void test_hostile(Tally *t, const char *page) {
  hostile_small(t);
  hostile_deep(t);
  hostile_storms(t);
  hostile_random(t);
  if (page != NULL) {  /* a real page cut at many points */
    size_t len = strlen(page), cut, step = len / 97 + 1;
    int bad = 0;
    for (cut = 0; cut <= len; cut += step) {
      Tally sub = {0, 0};
      hostile(&sub, "truncated page", page, cut);
      bad += sub.failed;
    }
    check(t, bad == 0, "truncated real page", NULL);
  }
}

/* Fails every allocation in turn: each run must give LL_ERRMEM and leak
** nothing, until one succeeds. */
static void test_nomem(Tally *t, const char *html, size_t n, int every) {
  long k;
  int bad = 0, done = 0;
  for (k = 0; !done && k < 200000; k += every) {
    Counter c = {0, 0, -1};
    ll_Mem m;
    ll_Doc *d = NULL;
    char err[LL_ERRSIZE];
    int st;
    m.f = counting;
    m.ud = &c;
    c.failat = k;
    st = ll_read_html(&m, &ll_html_reader, html, n, &d, err, sizeof err);
    if (st == LL_OK)
      done = 1;
    else if (st != LL_ERRMEM || d != NULL)
      bad++;
    ll_doc_free(d);
    if (c.live != 0) bad++;
  }
  check(t, bad == 0 && done, "failing allocations", NULL);
}

/* ------------------------------------------------------------------ */
/* Structure: the blocks the reader feeds the builder                  */
/* ------------------------------------------------------------------ */

/* Reads html as the binding does; *out is the document (NULL on
** failure). */
static int structured(ll_Mem *m, const char *html, ll_Doc **out) {
  char err[LL_ERRSIZE];
  return ll_read_html(m, &ll_html_reader, html, strlen(html), out, err, sizeof err);
}

/* the bytes [pos, pos + len) of b's text equal s */
static int at(const ll_Block *b, size_t pos, size_t len, const char *s) {
  return pos + len <= b->len && strlen(s) == len && memcmp(b->text + pos, s, len) == 0;
}

/* NULL if block b's structure is sound (its kind known, its spans inside
** its text and in order, a table's cells adding up, no mark left in its
** text), else what is wrong. */
static const char *blockok(const ll_Block *b) {
  size_t i, c = 0;
  if (b->kind < 0 || b->kind >= LL_NKINDS) return "kind";
  if (b->label != NULL && b->kind != LL_ITEM) return "label on a non-item";
  for (i = 0; i < b->nspans; i++) {
    const ll_Inline *sp = &b->spans[i];
    if (sp->len == 0 || sp->pos + sp->len > b->len) return "span outside the text";
    if (i > 0 && b->spans[i - 1].pos > sp->pos) return "spans out of order";
    if ((sp->href != NULL) != (sp->kind == LL_LINK)) return "href";
  }
  for (i = 0; i < b->len; i++) {
    unsigned char ch = (unsigned char)b->text[i];
    if (ch < 0x20 && ch != '\n' && !(ch == '\t' && b->kind == LL_TABLE)) return "a mark left";
  }
  if (b->kind == LL_TABLE) {
    if (b->table == NULL) return "a table without cells";
    for (i = 0; i < b->table->nrows; i++) c += b->table->rowcells[i];
    if (c != b->table->ncells) return "cells do not add up";
    for (i = 0; i < b->table->ncells; i++)
      if (b->table->cells[i].end > b->len) return "cell outside the text";
  } else if (b->table != NULL) {
    return "cells on a non-table";
  }
  return NULL;
}

#define HEAD "<html><head><title>t</title></head><body><h2>A. Author</h2><h1>The Title</h1>"
#define TAIL "</body></html>"

/* Headings: levels among the ones the body uses; a separator in <h4>. */
static void structure_headings(Tally *t) {
  ll_Mem m = {ll_stdalloc, NULL};
  ll_Doc *d;
  if (structured(&m, HEAD "<p>Opening.</p><h3>One</h3><p>Text one.</p><h5>Sub</h5><p>Two.</p>"
                 "<h4>* * *</h4><p>Text three.</p>" TAIL, &d) == LL_OK && d->nparas == 7) {
    check(t, d->paras[1].kind == LL_HEADING && d->paras[1].level == 1, "h3 is level 1", NULL);
    check(t, d->paras[3].kind == LL_HEADING && d->paras[3].level == 2, "h5 after h3 is level 2",
          NULL);
    check(t, d->paras[5].kind == LL_SEPARATOR && at(&d->paras[5], 0, 5, "* * *"),
          "<h4>* * *</h4> is a separator", NULL);
    check(t, d->paras[2].kind == LL_PARAGRAPH && d->paras[2].level == 0, "a paragraph", NULL);
    check(t, strcmp(d->title->text, "The Title") == 0 && strcmp(d->author, "A. Author") == 0,
          "the page's own headings stay in the header", NULL);
  } else {
    check(t, 0, "headings page", NULL);
  }
  ll_doc_free(d);
}

/* Spans: emphasis and a link, right after a marker is taken out. */
static void structure_spans(Tally *t) {
  ll_Mem m = {ll_stdalloc, NULL};
  ll_Doc *d;
  const ll_Block *b;
  char why[200];
  if (structured(&m, HEAD "<p>Word<sup><a href=\"#n1\" name=\"r1\">[1]</a></sup> and "
                 "<em>this</em>, <b>that</b> and <a href=\"../x.htm#y\">a <i>link</i></a>.</p>"
                 "<p><a name=\"n1\" href=\"#r1\">[1]</a> A note with <cite>Iskra</cite>.</p>" TAIL,
                 &d) == LL_OK && d->nparas == 1 && d->nnotes == 1) {
    b = &d->paras[0];
    snprintf(why, sizeof why, "\"%s\", %lu spans", b->text, (unsigned long)b->nspans);
    check(t, strcmp(b->text, "Word and this, that and a link.") == 0 && b->nrefs == 1 &&
                 b->refs[0].pos == 4,
          "text and marker", why);
    check(t, b->nspans == 4, "four spans", why);
    if (b->nspans == 4) {
      check(t, b->spans[0].kind == LL_EMPHASIS && at(b, b->spans[0].pos, b->spans[0].len, "this"),
            "em", why);
      check(t, b->spans[1].kind == LL_STRONG && at(b, b->spans[1].pos, b->spans[1].len, "that"),
            "b", why);
      check(t, b->spans[2].kind == LL_LINK && at(b, b->spans[2].pos, b->spans[2].len, "a link") &&
                   strcmp(b->spans[2].href, "../x.htm#y") == 0,
            "a href, as written", why);
      check(t, b->spans[3].kind == LL_EMPHASIS && at(b, b->spans[3].pos, b->spans[3].len, "link"),
            "i inside the link, after it", why);
    }
    b = &d->notes[0].paras[0];
    check(t, b->nspans == 1 && at(b, b->spans[0].pos, b->spans[0].len, "Iskra") &&
                 b->spans[0].kind == LL_EMPHASIS,
          "cite in a note", b->text);
  } else {
    check(t, 0, "spans page", NULL);
  }
  ll_doc_free(d);
}

/* Quotations, lists and printed labels. */
static void structure_lists(Tally *t) {
  ll_Mem m = {ll_stdalloc, NULL};
  ll_Doc *d;
  if (structured(&m, HEAD "<blockquote><p>Quoted.</p></blockquote><p class=\"quoteb\">Also.</p>"
                 "<ol start=\"3\"><li>Third</li><li>Fourth</li></ol><ol type=\"a\"><li>x</li></ol>"
                 "<ul><li>Bullet</li></ul><p>(b) Printed label.</p><p>IV. Roman.</p>"
                 "<p>V. I. Lenin.</p>" TAIL,
                 &d) == LL_OK && d->nparas == 9) {
    check(t, d->paras[0].kind == LL_QUOTE && d->paras[1].kind == LL_QUOTE, "quotations", NULL);
    check(t, d->paras[2].kind == LL_ITEM && strcmp(d->paras[2].label, "3.") == 0 &&
                 strcmp(d->paras[2].text, "Third") == 0,
          "<ol start=3>", NULL);
    check(t, d->paras[3].label != NULL && strcmp(d->paras[3].label, "4.") == 0, "next item", NULL);
    check(t, d->paras[4].label != NULL && strcmp(d->paras[4].label, "a.") == 0, "<ol type=a>",
          NULL);
    check(t, d->paras[5].kind == LL_ITEM && d->paras[5].label == NULL, "a bullet", NULL);
    check(t, d->paras[6].kind == LL_ITEM && strcmp(d->paras[6].label, "(b)") == 0 &&
                 strcmp(d->paras[6].text, "Printed label.") == 0,
          "printed label", d->paras[6].text);
    check(t, d->paras[7].label != NULL && strcmp(d->paras[7].label, "IV.") == 0, "IV.", NULL);
    check(t, d->paras[8].kind == LL_PARAGRAPH && strcmp(d->paras[8].text, "V. I. Lenin.") == 0,
          "initials are no label", d->paras[8].text);
  } else {
    check(t, 0, "lists page", NULL);
  }
  ll_doc_free(d);
}

/* A table of data; a layout table of paragraphs is none. */
static void structure_tables(Tally *t) {
  ll_Mem m = {ll_stdalloc, NULL};
  ll_Doc *d;
  const ll_Block *b;
  if (structured(&m, HEAD "<table><tr><th>Year</th><th></th><th>Votes</th></tr>"
                 "<tr><td>1912</td><td>a<br>b</td><td><b>4.2</b></td></tr></table>"
                 "<table><tr><td><p>One.</p><p>Two.</p></td><td>Side</td></tr>"
                 "<tr><td>x</td><td>y</td></tr></table>" TAIL,
                 &d) == LL_OK && d->nparas >= 2) {
    b = &d->paras[0];
    check(t, b->kind == LL_TABLE && strcmp(b->text, "Year\t\tVotes\n1912\ta b\t4.2") == 0,
          "table text", b->text);
    check(t, b->table != NULL && b->table->nrows == 2 && b->table->ncells == 6 &&
                 b->table->rowcells[0] == 3 && b->table->rowcells[1] == 3,
          "table cells", NULL);
    if (b->table != NULL && b->table->ncells == 6) {
      const ll_Span *c = b->table->cells;
      check(t, c[1].start == c[1].end && at(b, c[5].start, c[5].end - c[5].start, "4.2"),
            "an empty cell, a last cell", NULL);
    }
    check(t, b->nspans == 1 && at(b, b->spans[0].pos, b->spans[0].len, "4.2"), "span in a cell",
          NULL);
    check(t, d->paras[1].kind == LL_PARAGRAPH && strcmp(d->paras[1].text, "One.") == 0,
          "layout table", d->paras[1].text);
  } else {
    check(t, 0, "tables page", NULL);
  }
  ll_doc_free(d);
}

/* A spacer row closing a table (one cell of a no-break space, as the
** Collected Works' index page has) is dropped with its line break; one
** standing between data rows stays. */
static void structure_spacer_rows(Tally *t) {
  ll_Mem m = {ll_stdalloc, NULL};
  ll_Doc *d;
  if (structured(&m, HEAD "<table><tr><td>Vol. 1</td><td>PDF</td></tr>"
                 "<tr><td>&#160;</td></tr><tr><td>Vol. 2</td><td>PDF</td></tr>"
                 "<tr><td class=\"index\">\n&#160;\n</td></tr><tr><td> </td><td></td></tr>"
                 "</table>" TAIL,
                 &d) == LL_OK && d->nparas == 1) {
    const ll_Block *b = &d->paras[0];
    check(t, b->kind == LL_TABLE && strcmp(b->text, "Vol. 1\tPDF\n\nVol. 2\tPDF") == 0,
          "spacer rows at the end dropped", b->text);
    check(t, b->table != NULL && b->table->nrows == 3 && b->table->ncells == 5,
          "spacer rows' cells dropped", NULL);
  } else {
    check(t, 0, "spacer rows page", NULL);
  }
  ll_doc_free(d);
}

/* Notes marked by a symbol ("[*]", "†") that links to the note and back are
** notes as numbered ones are, numbered after the page's numbers; a heading
** after the note carries on the body (a page of several articles); a "*"
** linking nowhere back is text. */
static void structure_symbol_notes(Tally *t) {
  ll_Mem m = {ll_stdalloc, NULL};
  ll_Doc *d;
  if (structured(&m, HEAD "<p>Body one.<a id=\"f1\" href=\"#n1\" name=\"f1\">[*]</a> More.</p>"
                 "<p>Body two.<sup><a href=\"#2\" name=\"2b\">&#8224;</a></sup> See "
                 "<a href=\"other.htm#x\">*</a> end.</p><hr />"
                 "<p class=\"note\"><a id=\"n1\" href=\"#f1\" name=\"n1\">[*]</a>&#160;Star "
                 "note.</p><p><a href=\"#2b\" name=\"2\">&#8224;</a> Dagger note.</p>"
                 "<h3>Next Article</h3><p>More body.</p>" TAIL,
                 &d) == LL_OK) {
    check(t, d->nnotes == 2 && d->notes[0].n == 1 && d->notes[1].n == 2, "two symbol notes", NULL);
    if (d->nnotes == 2 && d->notes[0].nparas == 1 && d->notes[1].nparas == 1) {
      check(t, strcmp(d->notes[0].paras[0].text, "Star note.") == 0, "star note's text",
            d->notes[0].paras[0].text);
      check(t, strcmp(d->notes[1].paras[0].text, "Dagger note.") == 0, "dagger note's text",
            d->notes[1].paras[0].text);
    } else {
      check(t, 0, "symbol notes' paragraphs", NULL);
    }
    check(t, d->nparas == 4, "the body after the notes' heading", NULL);
    if (d->nparas == 4) {
      const ll_Block *b = &d->paras[0];
      check(t, strcmp(b->text, "Body one. More.") == 0 && b->nrefs == 1 && b->refs[0].note == 1 &&
                   b->refs[0].pos == 9,
            "[*] is a marker of note 1", b->text);
      b = &d->paras[1];
      check(t, strcmp(b->text, "Body two. See * end.") == 0 && b->nrefs == 1 &&
                   b->refs[0].note == 2 && b->refs[0].pos == 9,
            "a dagger marks note 2; a star linking elsewhere is text", b->text);
      check(t, d->paras[2].kind == LL_HEADING && strcmp(d->paras[3].text, "More body.") == 0,
            "heading and paragraph after the notes", d->paras[3].text);
    }
  } else {
    check(t, 0, "symbol notes page", NULL);
  }
  ll_doc_free(d);
}

/* A blockquote left around the whole page (an index page's layout: it holds
** a rule) is no quotation; a real one inside it, or one on its own, is. */
static void structure_layout_quote(Tally *t) {
  ll_Mem m = {ll_stdalloc, NULL};
  ll_Doc *d;
  if (structured(&m, HEAD "<blockquote><div class=\"border\"><p>Body one.</p><hr />"
                 "<p>Body two.</p><p class=\"quote\">Quoted.</p>" TAIL,
                 &d) == LL_OK && d->nparas == 3) {
    check(t, d->paras[0].kind == LL_PARAGRAPH && d->paras[1].kind == LL_PARAGRAPH,
          "a layout blockquote holds paragraphs", NULL);
    check(t, d->paras[2].kind == LL_QUOTE, "a quote-classed paragraph in it is a quotation", NULL);
  } else {
    check(t, 0, "layout blockquote page", NULL);
  }
  ll_doc_free(d);
  if (structured(&m, HEAD "<p>Body.</p><blockquote><p>Quoted one.</p><p>Quoted two.</p></blockquote>" TAIL,
                 &d) == LL_OK && d->nparas == 3) {
    check(t, d->paras[1].kind == LL_QUOTE && d->paras[2].kind == LL_QUOTE, "a blockquote is a quotation",
          NULL);
  } else {
    check(t, 0, "blockquote page", NULL);
  }
  ll_doc_free(d);
}

/* A poem: stanzas parted by two line breaks, each a verse Block. */
static void structure_poem(Tally *t) {
  ll_Mem m = {ll_stdalloc, NULL};
  ll_Doc *d;
  if (structured(&m, HEAD "<p class=\"poem\">Line one<br>Line two<br><br>Line three<br>"
                 "Line four</p>" TAIL,
                 &d) == LL_OK && d->nparas == 2) {
    check(t, d->paras[0].kind == LL_VERSE && strcmp(d->paras[0].text, "Line one\nLine two") == 0,
          "first stanza", d->paras[0].text);
    check(t, d->paras[1].kind == LL_VERSE, "second stanza", NULL);
  } else {
    check(t, 0, "poem page", NULL);
  }
  ll_doc_free(d);
}

/* Pictures that name author, work and chapter, then the sections. */
static void structure_pictures(Tally *t) {
  ll_Mem m = {ll_stdalloc, NULL};
  ll_Doc *d;
  if (structured(&m, "<html><head><meta name=\"author\" content=\"V. Lenin\"></head><body>"
                 "<img src=a.gif alt=\"V. Lenin's\"><img src=b.gif alt=\"The Work\">"
                 "<img src=c.gif alt=\"The Chapter\"><h4>1. First</h4><p>Text.</p>" TAIL,
                 &d) == LL_OK) {
    check(t, d->title != NULL && strcmp(d->title->text, "The Chapter") == 0, "picture title",
          d->title ? d->title->text : "none");
    check(t, d->nparas == 2 && d->paras[0].kind == LL_HEADING, "the section heading opens the body",
          NULL);
  } else {
    check(t, 0, "pictures page", NULL);
  }
  ll_doc_free(d);
}

/* The structure the reader finds: headings, spans, lists, tables, poems,
** pictures. */
static void test_structure(Tally *t) {
  structure_headings(t);
  structure_spans(t);
  structure_lists(t);
  structure_tables(t);
  structure_spacer_rows(t);
  structure_symbol_notes(t);
  structure_layout_quote(t);
  structure_poem(t);
  structure_pictures(t);
}

/* Failing allocations in the structured path free everything. */
static void test_structure_nomem(Tally *t) {
  const char *h = HEAD "<h3>One</h3><p>W<sup><a href=\"#n1\" name=\"r1\">[1]</a></sup> "
                       "<em>x</em> <a href=\"y\">z</a></p><ol><li>i</li></ol><table><tr><td>1"
                       "</td><td>2</td></tr><tr><td>3</td><td>4</td></tr></table>"
                       "<p><a name=\"n1\" href=\"#r1\">[1]</a> <i>n</i></p>" TAIL;
  long k;
  int bad = 0, done = 0;
  for (k = 0; !done && k < 100000; k++) {
    Counter c = {0, 0, -1};
    ll_Mem m;
    ll_Doc *d = NULL;
    int st;
    m.f = counting;
    m.ud = &c;
    c.failat = k;
    st = structured(&m, h, &d);
    if (st == LL_OK) {
      done = 1;
      ll_doc_free(d);
    } else if (st != LL_ERRMEM || d != NULL) {
      bad++;
    }
    if (c.live != 0) bad++;
  }
  check(t, bad == 0 && done, "failing allocations, structured", NULL);
}

/* ------------------------------------------------------------------ */
/* The corpus                                                          */
/* ------------------------------------------------------------------ */

typedef struct Stats {
  int pages, failed, notes, fields, labels;
} Stats;

/* Reads one page of the corpus and checks the output. */
static void corpus_file(Tally *t, Stats *st, const char *path) {
  ll_Mem m = {ll_stdalloc, NULL};
  size_t n;
  char *s = readfile(path, &n);
  Result r;
  const char *why;
  if (s == NULL) {
    check(t, 0, path, "unreadable");
    return;
  }
  run(&m, s, n, &r);
  why = wellformed(&r);
  st->pages++;
  if (why != NULL) {
    st->failed++;
    check(t, 0, path, why);
  }
  if (r.text.p != NULL) {
    if (strstr(r.text.p, "\n\nNotes\n\n[") != NULL) st->notes++;
    if (strstr(r.text.p, "\nSource: ") != NULL ||
        strstr(r.text.p, "\nPublic Domain: ") != NULL)
      st->fields++;
  }
  if (r.nlabels > 0) st->labels++;
  release(&m, &r);
  { /* and with its structure: every block's kinds, spans and cells sound */
    ll_Doc *d = NULL;
    const char *bad = NULL;
    size_t i, k;
    char *z = (char *)malloc(n + 1);
    if (z != NULL) {
      memcpy(z, s, n);
      z[n] = '\0';
      if (structured(&m, z, &d) != LL_OK) bad = "structured read failed";
      for (i = 0; d != NULL && bad == NULL && i < d->nparas; i++) bad = blockok(&d->paras[i]);
      for (k = 0; d != NULL && bad == NULL && k < d->nnotes; k++)
        for (i = 0; bad == NULL && i < d->notes[k].nparas; i++) bad = blockok(&d->notes[k].paras[i]);
      if (bad != NULL) {
        st->failed++;
        check(t, 0, path, bad);
      }
      ll_doc_free(d);
      free(z);
    }
  }
  free(s);
}

/* Reads every .htm and .html file under dir, in name order. */
static void corpus_dir(Tally *t, Stats *st, const char *dir) {
  DIR *d = opendir(dir);
  struct dirent *e;
  char **names = NULL;
  size_t n = 0, cap = 0, i;
  if (d == NULL) return;
  while ((e = readdir(d)) != NULL) {
    if (e->d_name[0] == '.') continue;
    if (n == cap) {
      char **p = (char **)realloc(names, (cap = cap ? cap * 2 : 64) *
                                             sizeof *names);
      if (p == NULL) break;
      names = p;
    }
    names[n] = (char *)malloc(strlen(dir) + strlen(e->d_name) + 2);
    if (names[n] == NULL) break;
    sprintf(names[n++], "%s/%s", dir, e->d_name);
  }
  closedir(d);
  for (i = 0; i < n; i++) {
    struct stat sb;
    size_t l = strlen(names[i]);
    if (stat(names[i], &sb) == 0 && S_ISDIR(sb.st_mode))
      corpus_dir(t, st, names[i]);
    else if ((l > 4 && strcmp(names[i] + l - 4, ".htm") == 0) ||
             (l > 5 && strcmp(names[i] + l - 5, ".html") == 0))
      corpus_file(t, st, names[i]);
    free(names[i]);
  }
  free(names);
}

/* The whole corpus, or a message when it is absent. */
static void test_corpus(Tally *t) {
  Stats st = {0, 0, 0, 0, 0};
  struct stat sb;
  if (stat(CORPUS, &sb) != 0) {
    printf("corpus: %s absent, skipped\n", CORPUS);
    return;
  }
  corpus_dir(t, &st, CORPUS);
  printf("corpus: %d pages, %d bad; %d with header fields, %d with notes, "
         "%d with page breaks\n",
         st.pages, st.failed, st.fields, st.notes, st.labels);
  check(t, st.pages > 0 && st.failed == 0, "corpus", NULL);
}

/* ------------------------------------------------------------------ */

/* Prints what the reader makes of a page. */
static int dump(const char *path) {
  ll_Mem m = {ll_stdalloc, NULL};
  size_t n, i;
  char *s = readfile(path, &n);
  Result r;
  if (s == NULL) {
    fprintf(stderr, "%s: cannot read\n", path);
    return 1;
  }
  run(&m, s, n, &r);
  if (r.status != LL_OK) {
    printf("ERROR %d: %s\n", r.status, r.err);
  } else {
    fwrite(r.text.p, 1, r.text.n, stdout);
    printf("--- %lu labels:", (unsigned long)r.nlabels);
    for (i = 0; i < r.labels.n; i += strlen(r.labels.p + i) + 1)
      printf(" %s", r.labels.p + i);
    printf("\n");
  }
  release(&m, &r);
  free(s);
  return r.status != LL_OK;
}

/* With file names, prints what the reader makes of them; else runs the
** tests and prints "N passed, N failed". */
int main(int argc, char **argv) {
  Tally t = {0, 0};
  size_t plen = 0;
  char *page;
  if (argc > 1) {
    int i, bad = 0;
    for (i = 1; i < argc; i++) bad |= dump(argv[i]);
    return bad;
  }
  page = readfile(CORPUS "/mia-reader-lenin/archive/lenin/works/1913/mar/"
                         "22.htm", &plen);
  test_cases(&t);
  test_structure(&t);
  test_structure_nomem(&t);
  test_sniff(&t);
  test_hostile(&t, page);
  if (page != NULL) test_nomem(&t, page, plen, 1);
  {
    const char *h = cases[0].html;
    test_nomem(&t, h, strlen(h), 1);
  }
  free(page);
  if (getenv("LL_SKIP_CORPUS") == NULL) test_corpus(&t);
  printf("%d passed, %d failed\n", t.passed, t.failed);
  return t.failed > 0;
}
