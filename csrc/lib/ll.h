/*
** ll.h: the leninletter C library, shared declarations.
** Memory (allocator callback, arena, growable vectors), status codes and the
** document model that the page parser builds and the other phases read.
** This library knows nothing of Lua; lcore.c binds it.
*/
#ifndef LL_H
#define LL_H

#include <stddef.h>

/* ------------------------------------------------------------------ */
/* Status codes and limits                                             */
/* ------------------------------------------------------------------ */

enum {
  LL_OK = 0,
  LL_ERRMEM = 1,  /* an allocation failed; nothing leaked */
  LL_ERRINPUT = 2 /* the input was refused; the message says why */
};

#define LL_ERRSIZE 160    /* room for an error message */
#define LL_MAXNOTE 999999 /* largest footnote number read as a marker */

/* ------------------------------------------------------------------ */
/* Memory                                                              */
/* ------------------------------------------------------------------ */

/* Same contract as lua_Alloc: nsize 0 frees; returns NULL on failure. */
typedef void *(*ll_Alloc)(void *ud, void *ptr, size_t osize, size_t nsize);

typedef struct ll_Mem {
  ll_Alloc f;
  void *ud;
} ll_Mem;

void *ll_malloc(ll_Mem *m, size_t n);
void *ll_realloc(ll_Mem *m, void *p, size_t oldn, size_t newn);
void ll_free(ll_Mem *m, void *p, size_t n);
/* an allocator over the C library, for C tests and fuzzers */
void *ll_stdalloc(void *ud, void *ptr, size_t osize, size_t nsize);

/* Work that may run on several threads: run(ud, n, fn, ctx) calls
** fn(m, ctx, i) once for each i in [0, n), in any order and possibly at
** the same time, and returns when all are done. Each fn allocates only
** through the m it is given, which the runner makes safe to share (memory
** from it is freed later through the caller's own ll_Mem, so both must
** reach the same allocator). The library makes no threads itself: the
** Lua binding runs tasks on two (lcore.c, runtasks). */
typedef void (*ll_TaskFn)(ll_Mem *m, void *ctx, size_t i);
typedef struct ll_Runner {
  void (*run)(void *ud, size_t n, ll_TaskFn fn, void *ctx);
  void *ud;
} ll_Runner;

/* An arena: many allocations freed at once. */
typedef struct ll_Chunk ll_Chunk;
typedef struct ll_Arena {
  ll_Mem *mem;
  ll_Chunk *head;
} ll_Arena;

void ll_arena_init(ll_Arena *a, ll_Mem *m);
void *ll_arena_alloc(ll_Arena *a, size_t n); /* aligned; NULL on failure */
char *ll_arena_strndup(ll_Arena *a, const char *s, size_t n);
void *ll_arena_memdup(ll_Arena *a, const void *p, size_t n);
void ll_arena_free(ll_Arena *a);

/* A growable array of elements of size esz, through the allocator. */
typedef struct ll_Vec {
  char *p;
  size_t n, cap, esz;
} ll_Vec;

void ll_vec_init(ll_Vec *v, size_t esz);
int ll_vec_reserve(ll_Mem *m, ll_Vec *v, size_t extra); /* LL_OK/LL_ERRMEM */
void *ll_vec_push(ll_Mem *m, ll_Vec *v);                /* new zeroed slot, or NULL */
void ll_vec_free(ll_Mem *m, ll_Vec *v);
/* copy a vector's contents into the arena (NULL for an empty vector) */
void *ll_vec_seal(ll_Arena *a, const ll_Vec *v, int *status);

/* A growable byte buffer. */
typedef struct ll_Buf {
  char *p;
  size_t n, cap;
} ll_Buf;

void ll_buf_init(ll_Buf *b);
int ll_buf_add(ll_Mem *m, ll_Buf *b, const char *s, size_t n);
int ll_buf_addc(ll_Mem *m, ll_Buf *b, int c);
void ll_buf_free(ll_Mem *m, ll_Buf *b);

/* ------------------------------------------------------------------ */
/* UTF-8 (llutf8.c)                                                    */
/* ------------------------------------------------------------------ */

/* Checks that s is UTF-8 with no NUL, overlong form or surrogate. On
** failure writes "... at line L, byte B" into err and returns LL_ERRINPUT. */
int ll_utf8_check(const char *s, size_t len, char *err, size_t errsz);
/* decodes one code point at s (valid UTF-8 assumed); returns its length */
size_t ll_utf8_decode(const char *s, size_t len, long *cp);
/* length of the character starting at s (1 for a stray byte) */
size_t ll_utf8_charlen(const char *s, size_t len);
/* Is code point cp white space? Unicode's White_Space (tabs, line ends,
** the no-break and typographic spaces, U+2028/2029), and the zero-width
** space and byte-order mark that pages use as invisible separators. The
** one test every phase uses. */
int ll_utf8_isspace(long cp);
/* a no-break space (C2 A0) at s[i]; the length of the space, tab or
** no-break space at s[i] (0 for none): the readers' horizontal white space */
int ll_utf8_isnbsp(const char *s, size_t i, size_t len);
size_t ll_utf8_hspace(const char *s, size_t i, size_t len);
/* s[0, len) is 1 to 9 ASCII digits (a note's or a page's number) */
int ll_alldigits(const char *s, size_t len);

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
/* The document model                                                  */
/* ------------------------------------------------------------------ */

/* Positions are 0-based byte offsets here; the binding adds 1. */

typedef struct ll_Ref {
  long note;  /* the note cited */
  size_t pos; /* the marker stood right before this offset */
} ll_Ref;

typedef struct ll_Span {
  size_t start, end; /* [start, end) */
} ll_Span;

/* What a block is (API.md, "Structure"); LL_PARAGRAPH is 0, the default. */
typedef enum ll_Kind {
  LL_PARAGRAPH = 0,
  LL_HEADING,  /* a section heading; level 1 for the highest the body uses */
  LL_QUOTE,    /* a block quotation */
  LL_VERSE,    /* one stanza of a poem, "\n" between its lines */
  LL_ITEM,     /* one list item; label is its printed number, NULL for a bullet */
  LL_TABLE,    /* one whole table: cells joined by tabs, rows by "\n" */
  LL_SEPARATOR /* "* * *" and the like, as printed */
} ll_Kind;
#define LL_NKINDS 7
/* the kinds' names as API.md writes them, indexed by ll_Kind */
extern const char *const ll_kind_names[LL_NKINDS];

/* An inline stretch of a block's text: emphasis (em, i, cite), strong (b,
** strong) or a link (a href, not a note marker). */
typedef enum ll_InlineKind { LL_EMPHASIS = 0, LL_STRONG, LL_LINK } ll_InlineKind;

typedef struct ll_Inline {
  int kind;         /* ll_InlineKind */
  size_t pos, len;  /* [pos, pos + len) of the block's text */
  const char *href; /* links: the href as written in the page; else NULL */
} ll_Inline;

/* A table's cells: every cell of every row, in order, as offsets of the
** block's text, and the number of cells of each row. */
typedef struct ll_Table {
  ll_Span *cells;
  size_t ncells;
  size_t *rowcells;
  size_t nrows;
} ll_Table;

typedef struct ll_Block {
  char *text;
  size_t len;
  ll_Ref *refs;
  size_t nrefs;
  size_t *breaks;      /* offsets of the spaces that replaced page breaks */
  const char **labels; /* page label of each break, or NULL (HTML pages) */
  size_t nbreaks;
  ll_Span *sents;
  size_t nsents;
  /* structure (contract version 2), kept small: most blocks are paragraphs */
  short kind;        /* ll_Kind */
  short level;       /* headings: 1 for the highest level the body uses; else 0 */
  unsigned nspans;   /* spans: in order of pos (an enclosing one before those inside) */
  ll_Inline *spans;  /* NULL when none */
  const char *label; /* items: "3.", "(a)", "IV."; NULL for a bullet or another kind */
  ll_Table *table;   /* tables: the cells; NULL for another kind */
} ll_Block;

/* A cross-reference to a printed work in a note: "present edition, Vol. 5,
** pp. 451-67", "Marx and Engels, Selected Works, Moscow, 1962, Vol. I,
** p. 581", "pp. 118-19 and 126". */
typedef struct ll_Cite {
  char *text;   /* as written, from the work named (or "present edition") on */
  size_t pos;   /* offset of text in the note paragraph */
  size_t len;   /* bytes of text */
  int para;     /* 0-based paragraph of the note */
  char *work;   /* the other work named, NULL for the present edition or none */
  int present;  /* cites the edition the page belongs to */
  long volume;  /* 0 when none; Roman numerals read */
  long *ranges; /* nranges pairs first, last: short forms expanded (600-03 is 600, 603) */
  size_t nranges;
} ll_Cite;

typedef struct ll_Note {
  long n;
  ll_Block *paras;
  size_t nparas;
  ll_Cite *cites;
  size_t ncites;
} ll_Note;

typedef struct ll_Field {
  char *name;
  char *value;  /* footnote markers taken out */
  ll_Ref *refs; /* the markers that stood in the value */
  size_t nrefs;
} ll_Field;

typedef struct ll_Source {
  char *work, *edition, *publisher, *place, *year;
  long volume;  /* 0 when the Source names none; Roman numerals read */
  long volumes; /* "Volume 4 of 4": 4; else 0 */
  char *issue;  /* what follows the volume: "No. 8 (Whole No. 104)"; or NULL */
  char *first_page, *last_page;
} ll_Source;

/* Reads a volume number at s[0, n): digits, or a Roman numeral in capitals
** (I to MMMCMXCIX) that no letter follows. Returns its length, 0 if none;
** sets *v. */
size_t ll_volnum(const char *s, size_t n, long *v);

/* Where a piece of text stands in the document. */
typedef enum ll_Part { LL_TITLE = 0, LL_SUBTITLE, LL_META, LL_BODY, LL_NOTE } ll_Part;

/* One searchable stretch of text, in document order. */
typedef struct ll_Seg {
  ll_Part part;
  int para;              /* 0-based index of the block in the body or in its note */
  long note;             /* note number for LL_NOTE, else 0 */
  int field;             /* 0-based field index for LL_META, else -1 */
  const ll_Block *block; /* NULL for LL_META */
  const char *text;
  size_t len;
} ll_Seg;

typedef struct ll_Index ll_Index;   /* llindex.c */
typedef struct ll_EntSet ll_EntSet; /* llentity.c */

typedef struct ll_Doc {
  ll_Mem mem;
  ll_Arena arena;
  char *author; /* NULL when absent */
  char *number;
  ll_Block *title; /* NULL when absent */
  ll_Block *subtitle;
  ll_Field *fields;
  size_t nfields;
  ll_Source *source; /* NULL when there is no readable Source field */
  long first_page;   /* the page the text starts on (a reader's page label before
                        the body, else the Source's first page); 0 if unknown */
  ll_Block *paras;
  size_t nparas;
  ll_Note *notes;
  size_t nnotes;
  char **nav;
  size_t nnav;
  char **warnings;
  size_t nwarnings;
  ll_Seg *segs; /* title, subtitle, meta fields, body, notes */
  size_t nsegs;
  ll_Index *index; /* built on first query */
  ll_EntSet *ents; /* set by the caller's catalogue, or NULL */
  /* how to free them: set by the phase that builds them */
  void (*freeindex)(ll_Index *ix);
  void (*freeents)(ll_EntSet *es);
} ll_Doc;

/* ------------------------------------------------------------------ */
/* Document builder (llbuild.c)                                        */
/* ------------------------------------------------------------------ */

/* The one place a document is assembled: a reader feeds it, in this order,
** the page's note numbers, then in any order the header (author, number,
** title, subtitle, field lines), the body's blocks, then the notes (a
** note's number, then its paragraphs as blocks), and footer lines; then
** ll_build_end makes the document (it reads the Source field, finds the
** citations in the notes, warns of markers without notes and notes never
** cited, and lists the searchable segments). Each call after a failed
** allocation does nothing; ll_build_end reports it. Text is UTF-8. */
typedef struct ll_Builder ll_Builder;

/* A new builder with an empty document, through m. LL_OK or LL_ERRMEM. */
int ll_build_begin(ll_Mem *m, ll_Builder **out);
/* The page has a note numbered n: a marker "[n]" in text is a footnote
** marker (else it is text: "[1945]"). Call before any text. */
void ll_build_note_number(ll_Builder *b, long n);
/* The label of the next page break (a page-break run in body or note
** text, or ll_build_page), in the order of the breaks. */
void ll_build_label(ll_Builder *b, const char *label, size_t n);
/* The page's label of the page the text starts on (a reader's); else the
** Source's first page is taken. */
void ll_build_first_page(ll_Builder *b, const char *label, size_t n);
/* The author, its white space collapsed (line breaks too), trimmed. */
void ll_build_author(ll_Builder *b, const char *s, size_t n);
/* The document number, as it is. */
void ll_build_number(ll_Builder *b, const char *s, size_t n);
/* The title (subtitle set: the subtitle): white space collapsed, then
** markers "[N]" taken out as its refs, trimmed. */
void ll_build_title(ll_Builder *b, int subtitle, const char *s, size_t n);
/* One header line "Name: value" (ll_field_name reads the name); a line
** that names no field continues the value before it (or, first, is a
** field of that name with no value). White space is collapsed. */
void ll_build_field_line(ll_Builder *b, const char *s, size_t n);
/* Begins a block of kind (ll_Kind) and level, an item's label (labeln
** bytes, 0 for none): a body block, or after ll_build_note a paragraph of
** the last note. The block before it ends. */
void ll_build_block(ll_Builder *b, int kind, int level, const char *label, size_t labeln);
/* Begins note n; its paragraphs follow as blocks. */
void ll_build_note(ll_Builder *b, long n);
/* Appends text to the block: each marker "[N]" of a note the page has
** becomes a ref where it stood (a space before it goes when the marker
** ends a word group: a space, punctuation, a line break, a span's, cell's
** or the block's end follows), each page-break run (a space, no-break
** spaces, a space; not at the block's start) one space and a page break
** taking the next label; "\n" is a line break. */
void ll_build_text(ll_Builder *b, const char *s, size_t n);
/* Opens an inline span of kind (ll_InlineKind; a link to href, hn bytes)
** at the next character; ll_build_span_end closes the innermost open.
** Spans left open end with the block; empty ones go. */
void ll_build_span(ll_Builder *b, int kind, const char *href, size_t hn);
void ll_build_span_end(ll_Builder *b);
/* In a table: ends a cell (row unset: a tab follows) or a row (a line
** break follows). */
void ll_build_cell(ll_Builder *b, int row);
/* A page break at this point with no space (a block's start), taking the
** next label. */
void ll_build_page(ll_Builder *b);
/* One footer line, white space collapsed, trimmed. */
void ll_build_nav(ll_Builder *b, const char *s, size_t n);
/* Ends the build: on LL_OK *out is the new document (ll_doc_free);
** otherwise err says why and nothing is left. The builder is freed. */
int ll_build_end(ll_Builder *b, ll_Doc **out, char *err, size_t errsz);
/* Frees a builder and its document without making it. */
void ll_build_abort(ll_Builder *b);

/* If the line s[0, len) opens "Name: " (a capitalised name of at most five
** words and 40 bytes, then ':' and a space or the end), the length of
** Name, else 0. */
size_t ll_field_name(const char *s, size_t len);
/* If s opens with a footnote marker "[N]" (1 to 6 digits, N > 0), its
** length, N in *n; else 0. */
size_t ll_note_marker(const char *s, size_t len, long *n);

/* ------------------------------------------------------------------ */
/* Page parser (llpage.c) and documents (llbuild.c)                    */
/* ------------------------------------------------------------------ */

/* Parses a page in the archive's plain-text form (UTF-8, checked) and
** feeds it to the document builder. On LL_OK *out is a new document (free
** it with ll_doc_free); otherwise err holds the reason. */
int ll_parse_text(ll_Mem *m, const char *s, size_t len, ll_Doc **out, char *err, size_t errsz);
void ll_doc_free(ll_Doc *d);
/* (Re)builds d->segs from its blocks and fields, in document order: title,
** subtitle, header fields, body, notes. LL_OK or LL_ERRMEM. */
int ll_doc_segments(ll_Doc *d);
/* the note numbered n, or NULL */
const ll_Note *ll_doc_note(const ll_Doc *d, long n);

/* ------------------------------------------------------------------ */
/* Page pipeline (llread.c)                                            */
/* ------------------------------------------------------------------ */

/* An HTML reader: the library reads HTML pages through the one it is
** given, as it allocates through the ll_Mem it is given, so that a program
** that reads no HTML never loads libxml2 (llhtml.c's reader, the only user
** of libxml2, is ll_html_reader, llhtml.h; the Lua binding loads it from
** the module leninletter.html when a page is first sniffed as HTML).
**   abi    LL_HTML_ABI: what a reader built from other sources is told by
**   init   libxml2's process-wide set-up; call it once before reading on
**          several threads at once (a read does it otherwise); idempotent
**   read   reads the page and feeds the document builder b (ll_html_read
**          says how); LL_OK, LL_ERRMEM or LL_ERRINPUT with err set */
#define LL_HTML_ABI 1
typedef struct ll_HtmlReader {
  int abi;
  void (*init)(void);
  int (*read)(ll_Mem *m, const char *html, size_t len, ll_Builder *b, char *err, size_t errsz);
} ll_HtmlReader;

/* Nonzero if the len bytes at s look like HTML (llread.c; llhtml.h says
** what is looked at). Needs no HTML reader. */
int ll_html_sniff(const char *s, size_t len);
/* Reads a page in either form (HTML when ll_html_sniff says so, through
** the reader html, else the archive's plain-text form) into *out, as
** ll_parse_text returns: the one entry the binding and the fuzzers call.
** An HTML page with html NULL is refused (LL_ERRINPUT). */
int ll_read_page(ll_Mem *m, const ll_HtmlReader *html, const char *s, size_t len, ll_Doc **out,
                 char *err, size_t errsz);
/* As ll_read_page for a page known to be HTML. */
int ll_read_html(ll_Mem *m, const ll_HtmlReader *html, const char *s, size_t len, ll_Doc **out,
                 char *err, size_t errsz);

/* ------------------------------------------------------------------ */
/* Citations (llcite.c)                                                */
/* ------------------------------------------------------------------ */

/* Finds the citations in s[0, n), paragraph para of a note, and pushes
** them onto out (a vector of ll_Cite; their strings and ranges in a).
** src, the page's Source or NULL, tells which work is the present
** edition. "Ibid." takes the work of the citation before it among those
** pushed since the call began. Returns LL_OK or LL_ERRMEM. */
int ll_cites(ll_Mem *m, ll_Arena *a, const char *s, size_t n, int para, const ll_Source *src,
             ll_Vec *out);

/* ------------------------------------------------------------------ */
/* Sentences (llsent.c)                                                */
/* ------------------------------------------------------------------ */

/* Splits text into sentences; pushes ll_Span elements onto out. */
int ll_sentences(ll_Mem *m, const char *s, size_t len, ll_Vec *out);

/* ------------------------------------------------------------------ */
/* Structure (llpage.c)                                                */
/* ------------------------------------------------------------------ */

/* If the block of n bytes at s opens with a printed list label ("3.",
** "12)", "(a)", "(iv)", "b)", "IV.") followed by a space or a no-break
** space and more text, returns the label's length (without the space),
** else 0. An initial ("V. I. Lenin", "V. Ulyanov") or a year ("1905.") is
** no label, and a block of which another line opens with a label too is a
** list written as lines, not one item. */
size_t ll_item_label(const char *s, size_t n);

/* Nonzero if the n bytes at s read as a poem's stanza: four lines or
** more, each short (90 bytes at most, 2 to 14 words, four a line on
** average), opening with a capital (after an opening quote), with
** lower-case letters, no figure and no more than half of its words
** capitalised (which a list of titles, an address or a signature has),
** and a quarter of them at least not ending in '.', '!' or '?' (a list of
** sentences or slogans is no poem). */
int ll_is_verse(const char *s, size_t n);

/* If the n bytes at s are a separator line as printed ("* * *", "***",
** "⁂"), nonzero. */
int ll_is_separator(const char *s, size_t n);

#endif
