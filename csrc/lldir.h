/*
** lldir.h: the entries of a directory (lldir.c), for corpora read from
** folders.
*/
#ifndef LLDIR_H
#define LLDIR_H

#include <stddef.h>

#include "ll.h"

/* 'd' for a directory, 'f' for a regular file (or a link to one), 0 for
** anything else or nothing. */
int ll_dir_kind(const char *path);

/* Appends to out one record per entry of directory dir other than "." and
** "..", in the order the system gives: the kind ('d' or 'f'; other kinds,
** and links to directories, are left out) then the name and '\0'; sets *n
** to the number of records. LL_OK, LL_ERRMEM, or LL_ERRINPUT with the
** reason in err when the folder cannot be opened. */
int ll_dir_list(ll_Mem *m, const char *dir, ll_Buf *out, size_t *n, char *err, size_t errsz);

#endif
