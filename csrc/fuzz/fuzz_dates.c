/*
** fuzz_dates.c: libFuzzer harness for the date finder (lldate.c): any
** bytes give dates in order, inside the text, with well-formed ISO strings
** whose two calendars agree; nothing leaks, even when memory runs out.
*/
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "ll.h"
#include "lldate.h"
#include "fuzzcheck.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* "", "YYYY", "YYYY-MM" or "YYYY-MM-DD"; returns the precision (0-3) */
static int iso(const char *s, int *y, int *mo, int *d) {
  size_t n = strlen(s), i;
  *y = *mo = *d = 0;
  if (n == 0) return 0;
  FUZZ_CHECK(n == 4 || n == 7 || n == 10);
  for (i = 0; i < n; i++) {
    if (i == 4 || i == 7) FUZZ_CHECK(s[i] == '-');
    else FUZZ_CHECK(s[i] >= '0' && s[i] <= '9');
  }
  *y = atoi(s);
  if (n >= 7) {
    *mo = atoi(s + 5);
    FUZZ_CHECK(*mo >= 1 && *mo <= 12);
  }
  if (n == 10) {
    *d = atoi(s + 8);
    FUZZ_CHECK(*d >= 1 && *d <= 31);
  }
  return n == 4 ? 1 : n == 7 ? 2 : 3;
}

static void check_date(const ll_Date *dt, size_t size) {
  int y, mo, d, y2, mo2, d2, p1, p2, gy, gm, gd;
  FUZZ_CHECK(dt->len > 0 && dt->pos + dt->len <= size);
  p1 = iso(dt->os_first, &y, &mo, &d);
  p2 = iso(dt->os_last, &y2, &mo2, &d2);
  FUZZ_CHECK((p1 == 0) == (p2 == 0));
  if (p1 == 3) FUZZ_CHECK(ll_julian_to_gregorian(y, mo, d, &gy, &gm, &gd));
  p1 = iso(dt->ns_first, &y, &mo, &d);
  p2 = iso(dt->ns_last, &y2, &mo2, &d2);
  FUZZ_CHECK((p1 == 0) == (p2 == 0));
  if (p1 == 3) FUZZ_CHECK(ll_gregorian_to_julian(y, mo, d, &gy, &gm, &gd));
  FUZZ_CHECK(dt->os_first[0] != '\0' || dt->ns_first[0] != '\0');
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  const char *s = (const char *)data;
  FuzzAlloc a;
  ll_Mem m;
  ll_Vec v;
  size_t i;
  int st;
  fuzz_mem(&m, &a, -1);
  ll_vec_init(&v, sizeof(ll_Date));
  st = ll_dates_find(&m, s, size, &v);
  FUZZ_CHECK(st == LL_OK);
  for (i = 0; i < v.n; i++) {
    const ll_Date *dt = (const ll_Date *)v.p + i;
    check_date(dt, size);
    if (i > 0) {
      const ll_Date *prev = dt - 1;
      FUZZ_CHECK(prev->pos + prev->len <= dt->pos);
    }
  }
  ll_vec_free(&m, &v);
  FUZZ_CHECK(a.live == 0);
  fuzz_vec_nomem(ll_dates_find, data, size, sizeof(ll_Date), a.calls, 1);
  /* the calendars, from the first bytes: any day converts both ways */
  if (size >= 4) {
    int y = 1 + (data[0] | (data[1] << 8)) % 9999, mo = 1 + data[2] % 12;
    int d = 1 + data[3] % 31, gy, gm, gd, jy, jm, jd;
    if (ll_julian_to_gregorian(y, mo, d, &gy, &gm, &gd) && gy >= 1 &&
        gy <= 9999) {
      FUZZ_CHECK(ll_gregorian_to_julian(gy, gm, gd, &jy, &jm, &jd));
      FUZZ_CHECK(jy == y && jm == mo && jd == d);
    }
  }
  return 0;
}
