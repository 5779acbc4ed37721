/* bench/parse_floor.c: what libxml2 alone costs to parse the pages that
** bench/parse_floor.sh gives it (issue #16), against which the index
** build's CPU is measured. Reads NUL-separated file names on stdin, reads
** each file whole and parses it from memory with the options llhtml.c uses.
**   parse_floor tree   htmlCtxtReadMemory builds the tree, then it is freed
**                      (what xmllint --html --noout does, and llhtml.c)
**   parse_floor sax    the same parser with SAX handlers that only count:
**                      no tree, the least any reader on libxml2 can pay
** Prints the pages, elements and text bytes seen, so a run that read
** nothing shows. */
#include <libxml/HTMLparser.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct Count {
  unsigned long elements, bytes;
} Count;

static void onstart(void *ctx, const xmlChar *name, const xmlChar **atts) {
  (void)name;
  (void)atts;
  ((Count *)((htmlParserCtxtPtr)ctx)->_private)->elements++;
}

static void onend(void *ctx, const xmlChar *name) {
  (void)ctx;
  (void)name;
}

static void ontext(void *ctx, const xmlChar *s, int len) {
  (void)s;
  ((Count *)((htmlParserCtxtPtr)ctx)->_private)->bytes += (unsigned long)len;
}

/* The whole of file name into *buf (malloc'd), its size into *n. */
static int slurp(const char *name, char **buf, long *n) {
  FILE *f = fopen(name, "rb");
  if (f == NULL) return 0;
  if (fseek(f, 0, SEEK_END) != 0 || (*n = ftell(f)) < 0 || fseek(f, 0, SEEK_SET) != 0 ||
      (*buf = (char *)malloc((size_t)*n + 1)) == NULL) {
    fclose(f);
    return 0;
  }
  if (fread(*buf, 1, (size_t)*n, f) != (size_t)*n) {
    free(*buf);
    fclose(f);
    return 0;
  }
  fclose(f);
  return 1;
}

int main(int argc, char **argv) {
  const int options = HTML_PARSE_NONET | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING |
                      HTML_PARSE_RECOVER | HTML_PARSE_IGNORE_ENC | HTML_PARSE_COMPACT;
  int sax = argc == 2 && strcmp(argv[1], "sax") == 0, c;
  unsigned long pages = 0;
  Count count = {0, 0};
  char name[4096];
  size_t k = 0;
  if (argc != 2 || (!sax && strcmp(argv[1], "tree") != 0)) {
    fprintf(stderr, "usage: parse_floor tree|sax < NUL-separated file names\n");
    return 2;
  }
  while ((c = getchar()) != EOF) {
    char *buf;
    long n;
    htmlParserCtxtPtr ctxt;
    htmlDocPtr doc;
    if (c != '\0') {
      if (k + 1 < sizeof name) name[k++] = (char)c;
      continue;
    }
    name[k] = '\0';
    k = 0;
    if (!slurp(name, &buf, &n)) {
      fprintf(stderr, "parse_floor: cannot read %s\n", name);
      return 1;
    }
    ctxt = htmlNewParserCtxt();
    if (ctxt == NULL) return 1;
    if (sax) {
      htmlSAXHandler *h = (htmlSAXHandler *)ctxt->sax;
      memset(h, 0, sizeof *h);
      h->startElement = onstart;
      h->endElement = onend;
      h->characters = ontext;
      h->ignorableWhitespace = ontext;
      h->cdataBlock = ontext;
      h->initialized = 1;
      ctxt->_private = &count;
    }
    doc = htmlCtxtReadMemory(ctxt, buf, (int)n, NULL, "UTF-8", options);
    if (doc != NULL) xmlFreeDoc(doc);
    htmlFreeParserCtxt(ctxt);
    free(buf);
    pages++;
  }
  fprintf(stderr, "parse_floor %s: %lu pages, %lu elements, %lu text bytes\n", argv[1], pages,
          count.elements, count.bytes);
  return 0;
}
