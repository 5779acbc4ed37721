/*
** lldate.h: dates in text, and the Julian/Gregorian calendars.
** Finds dates as Lenin's Collected Works write them (dual Old/New Style
** dating included) and converts between the two calendars. Knows no Lua.
*/
#ifndef LLDATE_H
#define LLDATE_H

#include <stddef.h>

#include "ll.h"

/* The change of calendar in Russia: old-style 1918-01-31 was followed by
** new-style 1918-02-14. A single date before it is old style. */
#define LL_NS_YEAR  1918
#define LL_NS_MONTH 2
#define LL_NS_DAY   14

/* One date found in a text. Each ISO string is "YYYY", "YYYY-MM" or
** "YYYY-MM-DD", at the precision the text gives; "" when that calendar's
** reading is absent (both first and last are "" together). */
typedef struct ll_Date {
  size_t pos, len;                /* the date as written: s[pos, pos+len), 0-based bytes */
  char os_first[11], os_last[11]; /* old style (Julian) */
  char ns_first[11], ns_last[11]; /* new style (Gregorian) */
} ll_Date;

/* Finds every date in s[0,len) (UTF-8; any bytes are safe), in order,
** pushing ll_Date elements onto out. Returns LL_OK; LL_ERRMEM with out
** holding what it held on entry; LL_ERRINPUT (nothing done) when out's
** esz is not sizeof(ll_Date). Linear time in len; the only memory it
** takes is out's. */
int ll_dates_find(ll_Mem *m, const char *s, size_t len, ll_Vec *out);

/* Julian (old style) day y-mo-d -> Gregorian (new style) *gy-*gmo-*gd.
** Proleptic both ways, years 1 to 9999. Returns 1, or 0 (outputs untouched)
** if y-mo-d is not a Julian date: 1900-02-29 is one, 1905-02-29 is not. */
int ll_julian_to_gregorian(int y, int mo, int d, int *gy, int *gmo, int *gd);

/* Gregorian y-mo-d -> Julian, the inverse of ll_julian_to_gregorian.
** Returns 1, or 0 if y-mo-d is not a Gregorian date (1900-02-29). */
int ll_gregorian_to_julian(int y, int mo, int d, int *jy, int *jmo, int *jd);

#endif
