/*
** lldir.h: the entries of a directory (lldir.c), for corpora read from
** folders.
*/
#ifndef LLDIR_H
#define LLDIR_H

#include <stddef.h>

#include "ll.h"

/* 'd' for a directory, 'f' for a regular file (a symbolic link counts as
** what it points to), 0 for anything else or nothing. */
int ll_dir_kind(const char *path);

/* The device and inode of the folder or file at path (links followed):
** 1, or 0 when it cannot be examined. Two paths to the same folder give
** the same pair, so a walk that follows links can tell a loop. */
int ll_dir_id(const char *path, unsigned long long *dev, unsigned long long *ino);

/* Appends to out one record per entry of directory dir other than "." and
** "..", in the order the system gives: the kind, the name and '\0', and
** for kinds 'o' and '?' a reason and '\0'. Kinds: 'd' a directory or a
** symbolic link to one (a walk that follows them must watch for loops,
** see ll_dir_id), 'f' a regular file or a link to one, 'o' anything else
** (the reason says what: "a FIFO, not a regular file"), '?' an entry that
** could not be examined (a link to nothing, a name too long, no
** permission: the reason says why). Sets *n to the number of records.
** LL_OK, LL_ERRMEM, or LL_ERRINPUT with the reason in err when the folder
** cannot be opened. */
int ll_dir_list(ll_Mem *m, const char *dir, ll_Buf *out, size_t *n, char *err, size_t errsz);

#endif
