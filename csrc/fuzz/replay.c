/*
** replay.c: runs a fuzz harness over files, without libFuzzer: for the
** coverage build and for valgrind. "replay_X PATH..." runs every file
** given and every file in every directory given (not recursively).
*/
#include <dirent.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
int LLVMFuzzerInitialize(int *argc, char ***argv) __attribute__((weak));

/* Runs the harness on the file at path; returns 1 if it was read. */
static int runfile(const char *path) {
  FILE *f = fopen(path, "rb");
  unsigned char *buf;
  long n;
  if (f == NULL) return 0;
  if (fseek(f, 0, SEEK_END) != 0 || (n = ftell(f)) < 0 ||
      fseek(f, 0, SEEK_SET) != 0) {
    fclose(f);
    return 0;
  }
  buf = (unsigned char *)malloc((size_t)n + 1);
  if (buf == NULL || fread(buf, 1, (size_t)n, f) != (size_t)n) {
    free(buf);
    fclose(f);
    return 0;
  }
  fclose(f);
  LLVMFuzzerTestOneInput(buf, (size_t)n);
  free(buf);
  return 1;
}

int main(int argc, char **argv) {
  long runs = 0;
  int i;
  if (LLVMFuzzerInitialize != NULL) LLVMFuzzerInitialize(&argc, &argv);
  for (i = 1; i < argc; i++) {
    struct stat st;
    if (stat(argv[i], &st) != 0) continue;
    if (S_ISDIR(st.st_mode)) {
      DIR *dir = opendir(argv[i]);
      struct dirent *e;
      if (dir == NULL) continue;
      while ((e = readdir(dir)) != NULL) {
        char path[4096];
        struct stat fst;
        if (e->d_name[0] == '.') continue;
        snprintf(path, sizeof path, "%s/%s", argv[i], e->d_name);
        if (stat(path, &fst) == 0 && S_ISREG(fst.st_mode))
          runs += runfile(path);
      }
      closedir(dir);
    } else {
      runs += runfile(argv[i]);
    }
  }
  printf("%s: %ld inputs replayed\n", argv[0], runs);
  return 0;
}
