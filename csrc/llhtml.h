/*
** llhtml.h: the HTML reader of the leninletter library.
** Turns a Marxists Internet Archive page served as HTML into the archive's
** plain-text form, which the page parser (llpage.c) reads, with the page's
** structure (kinds of blocks, spans) as in-band marks when asked.
*/
#ifndef LLHTML_H
#define LLHTML_H

#include <stddef.h>

#include "ll.h"

/* Nonzero if s looks like HTML: after an optional UTF-8 byte order mark,
** white space, comments and an XML declaration, within the first 4 KB, a
** doctype or one of the usual opening tags (<html, <head, <body, <p, <div,
** <h1 ... <h6, <meta, <title, <table, ...). The plain-text form never
** starts with '<', so the two forms cannot be confused. */
int ll_html_sniff(const char *s, size_t len);

/* Initialises libxml2 once for the process. Call it before reading pages
** on several threads at once (the first reader initialises it otherwise);
** calling it again does nothing. */
void ll_html_init(void);

/* Reads an HTML page of len bytes with libxml2's HTML parser (no network,
** no external entities, recovering from any error, its reports silenced)
** and appends to text the page in the archive's plain-text form, as UTF-8
** without NUL bytes, blocks separated by one blank line, ending in "\n":
**
**   author line          the heading that names the <meta> author, else the
**                        one before the title (h2, p.title), else "by ..."
**                        after it, else the <meta name="author"> itself
**   document number      a heading of digits alone ("454"), if any
**   title                h*.title, else the first <h1>, else the heading
**                        after the number or the author
**   subtitle             the other headings before the body, joined
**   header fields        "Name: value", one line each, from the info blocks
**                        (p.information, p.info) wherever they stand:
**                        <span class="info">, or <strong>/<b>/<em> at the
**                        start of a line, ending in ':' name a field;
**                        unlabelled lines that read "Name: value" or open
**                        as the archive's do ("From ...", "Translated by
**                        ...", "Transcribed & marked up by ...") too; a
**                        trailing README link is glued to its value
**   body paragraphs      one per <p>, <li>, table row, heading, ...
**   "Notes"              then one block per note paragraph, each note
**                        starting "[N] " (notes found anywhere on the page
**                        are moved here, in page order)
**   footer               one line per navigation element (p.footer, p.next,
**                        p.toplink, p.updat, p.link, t2h-foot rows, "Top of
**                        the page", "Last updated ..."), the links a <br>
**                        separates in one element joined by " | "
**
** Inside a body or note paragraph a <br> is "\n" (two end the paragraph), a
** footnote marker is "[N]" where it stood (links and <sup>s showing [N],
** N, N., N), [*N], [N*] that point at their note or sit in a note-classed
** <sup>/<span>), and a page break (<!-- vol=.. pg=NNN --> comments, empty
** anchors named "v21pp74h:42" or "p249") is the run " \xC2\xA0 " (space,
** U+00A0, space). Page breaks at the edge of a paragraph or at a line
** break are dropped; no other no-break space stands next to a space
** anywhere in the text; scripts, styles and comments are dropped.
** For each page-break run written, labels receives the page label (the
** page number the page gives, leading zeros dropped) followed by '\0', and
** *nlabels is set to the number of labels this call appended.
** Charsets: a byte order mark (UTF-8, UTF-16) decides; a page declaring
** UTF-8 is read as UTF-8 with any stray byte as windows-1252; one declaring
** Latin-1, ASCII or windows-1252, or nothing, is UTF-8 if its bytes are,
** else windows-1252; another declared charset libxml2 knows is converted
** by it, a byte it cannot convert becoming U+FFFD.
** Returns LL_OK, LL_ERRMEM (out of memory) or LL_ERRINPUT (empty input, a
** page too large for libxml2, or nothing libxml2 could read), with a message
** in err; on failure text and labels are left as they were. */
int ll_html_to_text(ll_Mem *m, const char *html, size_t len, ll_Buf *text, ll_Buf *labels,
                    size_t *nlabels, char *err, size_t errsz);

/* the header blocks ll_html_read wrote, in this order */
#define LL_HTML_AUTHOR   1u
#define LL_HTML_NUMBER   2u
#define LL_HTML_TITLE    4u
#define LL_HTML_SUBTITLE 8u

/* The shape of the text ll_html_read wrote, block by block: what the reader
** knows and the text alone cannot say (a page with a title but no author,
** a header without fields, a footer of any wording). */
typedef struct ll_HtmlShape {
  unsigned head; /* LL_HTML_* of the first blocks, one block each */
  int fields;    /* a block of "Name: value" lines follows them */
  size_t body;   /* the body paragraphs that follow, one block each */
  size_t notes;  /* blocks after the "Notes" line (0 when none) */
  int footer;    /* the last block is the footer */
  /* the page label of a page-break comment before the body's first
     paragraph (the page the text starts on), "" when none */
  char first_page[16];
  /* the numbers that links written as markers ([N] linking to a note)
     show, the first LL_HTML_MAXLINKED of them: each is a footnote marker
     even where the page lost its note */
  long linked[64];
  size_t nlinked;
} ll_HtmlShape;
#define LL_HTML_MAXLINKED 64

/* As ll_html_to_text, and fills *shape (when not NULL) with the shape of
** the text written; on failure *shape is all zeros. */
int ll_html_read(ll_Mem *m, const char *html, size_t len, ll_Buf *text, ll_Buf *labels,
                 size_t *nlabels, ll_HtmlShape *shape, char *err, size_t errsz);

/* As ll_html_read, and the text carries the page's structure as the marks
** of ll.h (LL_MK_*), for ll_parse_text with hints.known and hints.marks:
** each body and note block that is not a plain paragraph opens with its
** kind (a heading of the body with its level among the levels the body
** uses; a quotation: <blockquote>, a class naming a quote; a poem's stanza:
** a class naming a poem, verse or stanza, stanzas parted by two <br>s; a
** list item with its label, the number an <ol> gives it or one printed at
** its start, which is then left out of the text; a table of data: at
** least two rows, one of two cells or more, no cell holding more than one
** paragraph, its cells and rows parted by LL_MK_CELL and LL_MK_ROW; a
** separator line), and em, i, cite, strong, b and a href (not the note
** markers) are spans. */
int ll_html_read_marked(ll_Mem *m, const char *html, size_t len, ll_Buf *text, ll_Buf *labels,
                        size_t *nlabels, ll_HtmlShape *shape, char *err, size_t errsz);

#endif
