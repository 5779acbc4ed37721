/*
** lldir.c: the entries of a directory, for corpora read from folders.
** POSIX (opendir, readdir, dirfd, lstat, stat, fstatat); knows nothing of Lua.
*/
#define _POSIX_C_SOURCE 200809L
#define _DEFAULT_SOURCE /* struct dirent's d_type and DT_* (glibc, BSDs) */

#include <dirent.h>
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>

#include "ll.h"
#include "lldir.h"

/* what a file that is neither a folder nor a regular file is */
static const char *othername(mode_t m) {
  if (S_ISFIFO(m)) return "a FIFO, not a regular file";
  if (S_ISCHR(m)) return "a character device, not a regular file";
  if (S_ISBLK(m)) return "a block device, not a regular file";
  if (S_ISSOCK(m)) return "a socket, not a regular file";
  return "not a regular file";
}

/* The kind of the entry at path: 'd' (a folder, or a symbolic link to one),
** 'f' (a regular file, or a link to one), 'o' (something else: *why says
** what) or '?' (it could not be examined: *why says why). */
static char kindof(const char *path, const char **why) {
  struct stat st;
  *why = NULL;
  if (lstat(path, &st) != 0) {
    *why = strerror(errno);
    return '?';
  }
  if (S_ISLNK(st.st_mode) && stat(path, &st) != 0) {
    *why = errno == ENOENT ? "a symbolic link to nothing" : strerror(errno);
    return '?';
  }
  if (S_ISDIR(st.st_mode)) return 'd';
  if (S_ISREG(st.st_mode)) return 'f';
  *why = othername(st.st_mode);
  return 'o';
}

/* kindof for entry e of a folder (open as dfd), at path: the type readdir
** gave spares the lstat where it says a folder or a regular file, and a
** symbolic link needs only the stat that follows it (a path looked up once
** instead of twice: 34,560 links of issue #16's 20x corpus cost 0.1 s of
** lookups), made from the folder by its name (fstatat): the folders above
** it are not looked up again for each entry. */
static char entrykind(const struct dirent *e, int dfd, const char *path, const char **why) {
#if defined(_DIRENT_HAVE_D_TYPE) && defined(DT_REG) && defined(DT_DIR) && defined(DT_LNK)
  struct stat st;
  *why = NULL;
#ifdef PATH_MAX
  if (strlen(path) >= PATH_MAX) return kindof(path, why); /* its reason, as before */
#endif
  if (e->d_type == DT_DIR) return 'd';
  if (e->d_type == DT_REG) return 'f';
  if (e->d_type == DT_LNK) {
    if ((dfd >= 0 ? fstatat(dfd, e->d_name, &st, 0) : stat(path, &st)) != 0) {
      *why = errno == ENOENT ? "a symbolic link to nothing" : strerror(errno);
      return '?';
    }
    if (S_ISDIR(st.st_mode)) return 'd';
    if (S_ISREG(st.st_mode)) return 'f';
    *why = othername(st.st_mode);
    return 'o';
  }
#else
  (void)e;
  (void)dfd;
#endif
  return kindof(path, why);
}

int ll_dir_kind(const char *path) {
  const char *why;
  char k = kindof(path, &why);
  return k == 'd' || k == 'f' ? k : 0;
}

int ll_dir_id(const char *path, unsigned long long *dev, unsigned long long *ino) {
  struct stat st;
  if (stat(path, &st) != 0) return 0;
  *dev = (unsigned long long)st.st_dev;
  *ino = (unsigned long long)st.st_ino;
  return 1;
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
    const char *why;
    char k;
    if (strcmp(e->d_name, ".") == 0 || strcmp(e->d_name, "..") == 0) continue;
    path.n = 0;
    if (ll_buf_add(m, &path, dir, dl) != LL_OK ||
        (dl > 0 && dir[dl - 1] != '/' && ll_buf_add(m, &path, "/", 1) != LL_OK) ||
        ll_buf_add(m, &path, e->d_name, nl + 1) != LL_OK) {
      st = LL_ERRMEM;
      break;
    }
    k = entrykind(e, dirfd(dp), path.p, &why);
    if (ll_buf_addc(m, out, k) != LL_OK || ll_buf_add(m, out, e->d_name, nl + 1) != LL_OK ||
        (why != NULL && ll_buf_add(m, out, why, strlen(why) + 1) != LL_OK)) {
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
