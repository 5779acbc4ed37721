/*
** llhtml.h: the HTML reader of the leninletter library.
** Reads a Marxists Internet Archive page served as HTML and feeds its
** header, fields, blocks (kinds, spans, table cells), notes and footer to
** the document builder (llbuild.c): the page is read once. llhtml.c is the
** only file that uses libxml2; it is linked into the module
** leninletter.html (csrc/binding/lhtml.c), which the core loads when a page
** is first sniffed as HTML, and handed to the library as ll_html_reader.
*/
#ifndef LLHTML_H
#define LLHTML_H

#include <stddef.h>

#include "ll.h"

/* ll_html_sniff(s, len), declared in ll.h and defined in llread.c (it
** needs no libxml2, and the core sniffs before it loads this reader):
** nonzero if s looks like HTML: after an optional UTF-8 byte order mark,
** white space, comments and an XML declaration, within the first 4 KB, a
** doctype or one of the usual opening tags (<html, <head, <body, <p, <div,
** <h1 ... <h6, <meta, <title, <table, ...). The plain-text form never
** starts with '<', so the two forms cannot be confused. */

/* This reader: {LL_HTML_ABI, ll_html_init, ll_html_read}, for
** ll_read_page and ll_read_html (ll.h). */
extern const ll_HtmlReader ll_html_reader;

/* Initialises libxml2 once for the process. Call it before reading pages
** on several threads at once (the first reader initialises it otherwise);
** calling it again does nothing. */
void ll_html_init(void);

/* Reads an HTML page of len bytes with libxml2's HTML parser (no network,
** no external entities, recovering from any error, its reports silenced)
** and feeds what it finds to the document builder b (ll.h), walking
** libxml2's tree once:
**
**   author               the heading that names the <meta> author, else the
**                        one before the title (h2, p.title), else "by ..."
**                        after it, else the <meta name="author"> itself
**   document number      a heading of digits alone ("454"), if any
**   title                h*.title, else the first <h1>, else the heading
**                        after the number or the author
**   subtitle             the other headings before the body, joined
**   header field lines   "Name: value", one line each, from the info blocks
**                        (p.information, p.info) wherever they stand:
**                        <span class="info">, or <strong>/<b>/<em> at the
**                        start of a line, ending in ':' name a field;
**                        unlabelled lines that read "Name: value" or open
**                        as the archive's do ("From ...", "Translated by
**                        ...", "Transcribed & marked up by ...") too; a
**                        trailing README link is glued to its value
**   body blocks          one per <p>, <li>, data table, heading, ...: its
**                        kind (a heading of the body with its level among
**                        the levels the body uses; a quotation:
**                        <blockquote>, a class naming a quote; a poem's
**                        stanza: a class naming a poem, verse or stanza,
**                        stanzas parted by two <br>s; a list item with its
**                        label, the number an <ol> gives it or one printed
**                        at its start, which is then left out of the text;
**                        a table of data: at least two rows, one of two
**                        cells or more, no cell holding more than one
**                        paragraph; a separator line), and em, i, cite,
**                        strong, b and a href (not the note markers) as
**                        spans
**   notes                each note's number, then its paragraphs (notes
**                        found anywhere on the page are moved here, in page
**                        order; unnumbered notes after a last "Notes"
**                        heading are numbered after the highest)
**   footer lines         one per navigation element (p.footer, p.next,
**                        p.toplink, p.updat, p.link, t2h-foot rows, "Top of
**                        the page", "Last updated ..."), the links a <br>
**                        separates in one element joined by " | "
**
** Inside a block a <br> is "\n" (two end the paragraph), a footnote marker
** is "[N]" where it stood (links and <sup>s showing [N], N, N., N), [*N],
** [N*] that point at their note or sit in a note-classed <sup>/<span>; the
** builder is told each such number first), and a page break (<!-- vol=..
** pg=NNN --> comments, empty anchors named "v21pp74h:42" or "p249") is the
** run " \xC2\xA0 " (space, U+00A0, space) with its label (the page number
** the page gives, leading zeros dropped); one before a paragraph is a
** page break at its start, one before the body's first paragraph the page
** the text starts on. Page breaks at a line break are dropped; scripts,
** styles and comments are dropped.
** Charsets: a byte order mark (UTF-8, UTF-16) decides; a page declaring
** UTF-8 is read as UTF-8 with any stray byte as windows-1252; one declaring
** Latin-1, ASCII or windows-1252, or nothing, is UTF-8 if its bytes are,
** else windows-1252; another declared charset libxml2 knows is converted
** by it, a byte it cannot convert becoming U+FFFD.
** Returns LL_OK, LL_ERRMEM (out of memory) or LL_ERRINPUT (empty input, a
** page too large for libxml2, nothing libxml2 could read, or no text),
** with a message in err; on failure the caller aborts the builder. */
int ll_html_read(ll_Mem *m, const char *html, size_t len, ll_Builder *b, char *err, size_t errsz);

#endif
