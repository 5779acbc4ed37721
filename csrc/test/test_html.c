/*
** test_html.c: tests of the HTML reader (llhtml.c).
** Table-driven snippets, hostile input, and a run over the HTML corpus;
** "test_html FILE..." prints what the reader makes of each page instead.
*/
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ll.h"
#include "llhtml.h"

static int dump(const char *path) {
  ll_Mem m = {ll_stdalloc, NULL};
  ll_Buf text, labels;
  size_t nlabels = 0, i;
  char err[LL_ERRSIZE];
  FILE *f = fopen(path, "rb");
  char *s;
  long n;
  int r;
  if (f == NULL) return 1;
  fseek(f, 0, SEEK_END);
  n = ftell(f);
  fseek(f, 0, SEEK_SET);
  s = (char *)malloc((size_t)n + 1);
  if (s == NULL || fread(s, 1, (size_t)n, f) != (size_t)n) return 1;
  fclose(f);
  ll_buf_init(&text);
  ll_buf_init(&labels);
  r = ll_html_to_text(&m, s, (size_t)n, &text, &labels, &nlabels, err,
                      sizeof err);
  if (r != LL_OK) {
    printf("ERROR %d: %s\n", r, err);
  } else {
    fwrite(text.p, 1, text.n, stdout);
    printf("--- %lu labels:", (unsigned long)nlabels);
    for (i = 0; i < labels.n; i += strlen(labels.p + i) + 1)
      printf(" %s", labels.p + i);
    printf("\n");
  }
  ll_buf_free(&m, &text);
  ll_buf_free(&m, &labels);
  free(s);
  return r;
}

int main(int argc, char **argv) {
  int i, r = 0;
  for (i = 1; i < argc; i++) r |= dump(argv[i]);
  return r;
}
