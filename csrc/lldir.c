/*
** lldir.c: the entries of a directory, for corpora read from folders.
** POSIX (opendir, readdir, lstat, stat); knows nothing of Lua.
*/
#define _POSIX_C_SOURCE 200809L

#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>

#include "ll.h"
#include "lldir.h"

/* the kind of the entry at path: 'd', 'f', or 0 for anything else (a
** symbolic link to a directory is 0, so no walk can loop) */
static char kindof(const char *path) {
  struct stat st;
  if (lstat(path, &st) != 0) return 0;
  if (S_ISLNK(st.st_mode)) {
    if (stat(path, &st) != 0) return 0;
    return S_ISREG(st.st_mode) ? 'f' : 0;
  }
  if (S_ISDIR(st.st_mode)) return 'd';
  if (S_ISREG(st.st_mode)) return 'f';
  return 0;
}

int ll_dir_kind(const char *path) {
  return kindof(path);
}

int ll_dir_list(ll_Mem *m, const char *dir, ll_Buf *out, size_t *n, char *err, size_t errsz) {
  DIR *dp = opendir(dir);
  struct dirent *e;
  ll_Buf path;
  size_t dl = strlen(dir), added = 0, start = out->n;
  int st = LL_OK;
  *n = 0;
  if (dp == NULL) {
    snprintf(err, errsz, "cannot open folder %s: %s", dir, strerror(errno));
    return LL_ERRINPUT;
  }
  ll_buf_init(&path);
  while (st == LL_OK && (e = readdir(dp)) != NULL) {
    size_t nl = strlen(e->d_name);
    char k;
    if (strcmp(e->d_name, ".") == 0 || strcmp(e->d_name, "..") == 0) continue;
    path.n = 0;
    if (ll_buf_add(m, &path, dir, dl) != LL_OK ||
        (dl > 0 && dir[dl - 1] != '/' && ll_buf_add(m, &path, "/", 1) != LL_OK) ||
        ll_buf_add(m, &path, e->d_name, nl + 1) != LL_OK) {
      st = LL_ERRMEM;
      break;
    }
    k = kindof(path.p);
    if (k == 0) continue;
    if (ll_buf_addc(m, out, k) != LL_OK || ll_buf_add(m, out, e->d_name, nl + 1) != LL_OK) {
      st = LL_ERRMEM;
      break;
    }
    added++;
  }
  closedir(dp);
  ll_buf_free(m, &path);
  if (st != LL_OK) {
    out->n = start;
    snprintf(err, errsz, "not enough memory");
    return st;
  }
  *n = added;
  return LL_OK;
}
