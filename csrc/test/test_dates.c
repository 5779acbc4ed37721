/*
** test_dates.c: tests for lldate.c, the dates phase.
** Table-driven cases from the letter and the archive's sample pages, the
** calendar's edges, numbers that are no dates, and hostile input.
*/
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "lldate.h"
#include "testutil.h"

#define NDASH "\xe2\x80\x93"
#define MDASH "\xe2\x80\x94"
#define RSQUO "\xe2\x80\x99"
#define LDQUO "\xe2\x80\x9c"
#define RDQUO "\xe2\x80\x9d"
#define NBSP "\xc2\xa0"

/* Runs ll_dates_find on s[0,len) into a fresh vector; returns the status.
** The caller frees v. */
static int find(ll_Mem *m, const char *s, size_t len, ll_Vec *v) {
  ll_vec_init(v, sizeof(ll_Date));
  return ll_dates_find(m, s, len, v);
}

/* whether an ISO string is "", "YYYY", "YYYY-MM" or "YYYY-MM-DD" */
static int isoform(const char *s) {
  size_t n = 0, i;
  while (n < 11 && s[n] != '\0') n++;
  if (n == 0) return 1;
  if (n != 4 && n != 7 && n != 10) return 0;
  for (i = 0; i < n; i++) {
    int dash = (i == 4 || i == 7);
    if (dash != (s[i] == '-')) return 0;
    if (!dash && (s[i] < '0' || s[i] > '9')) return 0;
  }
  return 1;
}

/* The invariants every result holds, whatever the input: inside the
** text, in order, not overlapping, well-formed readings, first <= last. */
static int sane(const char *s, size_t len, const ll_Vec *v) {
  size_t i, end = 0;
  (void)s;
  for (i = 0; i < v->n; i++) {
    const ll_Date *d = (const ll_Date *)(const void *)v->p + i;
    size_t pl = strlen(d->os_first), nl = strlen(d->ns_first);
    if (d->len == 0 || d->pos < end || d->pos > len || d->len > len - d->pos)
      return 0;
    end = d->pos + d->len;
    if (!isoform(d->os_first) || !isoform(d->os_last) ||
        !isoform(d->ns_first) || !isoform(d->ns_last))
      return 0;
    if (pl != strlen(d->os_last) || nl != strlen(d->ns_last)) return 0;
    if (pl == 0 && nl == 0) return 0;
    if (pl != 0 && nl != 0 && pl != nl) return 0;
    if (strcmp(d->os_first, d->os_last) > 0 ||
        strcmp(d->ns_first, d->ns_last) > 0)
      return 0;
  }
  return 1;
}

/* ------------------------------------------------------------------ */
/* Cases                                                               */
/* ------------------------------------------------------------------ */

typedef struct Want {
  const char *text, *osf, *osl, *nsf, *nsl;  /* "" for no reading */
} Want;

typedef struct Case {
  const char *in;
  int n;         /* how many dates the input holds */
  Want w[4];
} Case;

#define NONE(s) {s, 0, {{0, 0, 0, 0, 0}}}
#define ONE(s, t, a, b, c, d) {s, 1, {{t, a, b, c, d}}}
#define OS(s, t, a, b) ONE(s, t, a, b, "", "")
#define NS(s, t, a, b) ONE(s, t, "", "", a, b)
#define DAY(s, t, o, n) ONE(s, t, o, o, n, n)

/* The letter (data/letter.txt): header fields, body and notes. */
static const Case letter[] = {
  ONE("Written: Written on November 2-4 (15-17), 1905",
      "November 2-4 (15-17), 1905", "1905-11-02", "1905-11-04",
      "1905-11-15", "1905-11-17"),
  NS("Published: First published on November 5, 1940, in Pravda, No. 308. "
     "Published according to the manuscript.",
     "November 5, 1940", "1940-11-05", "1940-11-05"),
  NS("Source: Lenin Collected Works, Progress Publishers, 1965, Moscow, "
     "Volume 10, pages 17-28.", "1965", "1965", "1965"),
  NONE("Transcription\\Markup: R. Cymbala"),
  NS("Public Domain: Lenin Internet Archive (2004). You may freely copy, "
     "distribute, display and perform this work; as well as make derivative "
     "and commercial works. Please credit " LDQUO "Marxists Internet Archive"
     RDQUO " as your source.README", "2004", "2004", "2004"),
  NONE("And now to get down to business. It seems to me that Comrade Radin "
       "is wrong in raising the question, in No. 5 of Novaya Zhizn[3] (I "
       "have seen only five issues of the virtual Central Organ of our "
       "R.S.D.L.P.): the Soviet of Workers" RSQUO " Deputies or the Party?"),
  NONE("Let there not be a trace left of the institutions of tsarist power "
       "in Russia by the anniversary of that great day, the Ninth of "
       "January.[7] May the spring holiday of the world proletariat find "
       "Russia already a free country"),
  NONE("[1] See present edition, Vol. 5, pp. 451-67." MDASH "Ed."),
  OS("It was written by Lenin early in November 1905 In Stockholm, where "
     "he stayed for a while", "early in November 1905", "1905-11", "1905-11"),
  NS("The manuscript was not discovered until the autumn of 1940.",
     "the autumn of 1940", "1940", "1940"),
  ONE("[3] Novaya Zhizn (New Life)" MDASH "the first legal Bolshevik "
      "newspaper, published daily from October 27 (November 9) to December "
      "3 (16), 1905, in St. Petersburg.",
      "October 27 (November 9) to December 3 (16), 1905",
      "1905-10-27", "1905-12-03", "1905-11-09", "1905-12-16"),
  OS("Lenin became the editor of the paper upon his return to Russia early "
     "in November 1905.", "early in November 1905", "1905-11", "1905-11"),
  NONE("The paper had a circulation of up to 80,000 though it was "
       "constantly persecuted, 15 issues out of 27 being confiscated and "
       "destroyed. It was closed by the government after issue No. 27; "
       "issue No. 27, which was the last, appeared illegally."),
  {"[4] Socialist-Revolutionary Party" MDASH "a petty-bourgeois party in "
   "Russia, which arose at the end of 1901 and beginning of 1902 as a "
   "result of the amalgamation of various Narodnik groups", 2,
   {{"the end of 1901", "1901", "1901", "", ""},
    {"beginning of 1902", "1902", "1902", "", ""}}},
  {"The newspaper Revolutsionnaya Rossiya (Revolutionary Russia) (1900-05) "
   "and the magazine Vestnik Russkoi Revolutsii (Herald of the Russian "
   "Revolution) (1901-05) became its official organs.", 2,
   {{"1900-05", "1900", "1905", "", ""}, {"1901-05", "1901", "1905", "", ""}}},
  NONE("they tried, as Lenin put it, to patch up " LDQUO "the rents in the "
       "Narodnik ideas with bits of fashionable opportunist " RSQUO
       "criticism" RSQUO " of Marxism" RDQUO " (see present edition, Vol. 9, "
       "p. 310)."),
  OS("After the victory of the February bourgeois-democratic revolution in "
     "1917 the Socialist-Revolutionaries", "1917", "1917", "1917"),
  OS("Late in November 1917, the Left Socialist-Revolutionaries founded an "
     "independent party.", "Late in November 1917", "1917-11", "1917-11"),
  OS("[5] The reference is to the all-Russian political strike in October "
     "1905.", "October 1905", "1905-10", "1905-10"),
  OS("It was founded in May 1905 at the first congress of 14 associations "
     "of lawyers, writers, doctors, engineers, teachers, etc.",
     "May 1905", "1905-05", "1905-05"),
  OS("In July 1905 the Union declared for boycotting the Bulygin Duma;",
     "July 1905", "1905-07", "1905-07"),
  OS("By the end of 1900 the Union had fallen apart.", "the end of 1900",
     "1900", "1900"),
  DAY("[7] On January 9, 1905, by order of the tsar, the troops fired on a "
      "peaceful demonstration", "January 9, 1905", "1905-01-09",
      "1905-01-22"),
  OS("The events of January 9 marked the beginning of the 1905-07 "
     "revolution.", "1905-07", "1905", "1907"),
  OS("[8] All-Russian Peasant Union" MDASH "a revolutionary-democratic "
     "organisation founded in 1905.", "1905", "1905", "1905"),
  {"Its programme and tactics were elaborated at its first and second "
   "congresses, held in Moscow in August and November 1905.", 2,
   {{"August", "1905-08", "1905-08", "", ""},
    {"November 1905", "1905-11", "1905-11", "", ""}}},
  OS("An object of police reprisals from the first, it had ceased to exist "
     "by the end of 1906.", "the end of 1906", "1906", "1906"),
  NONE("Works Index   |   Volume 10 | Collected Works   |   L.I.A. Index"),
  {NULL, 0, {{0, 0, 0, 0, 0}}}
};

/* The sample pages (mia-samples/01, 08, 10, 19, 22). */
static const Case samples[] = {
  /* 01 */
  NONE("Written: Written in Geneva (local mall)"),
  NS("Published: First published in full in 1928. Printed from the "
     "original.", "1928", "1928", "1928"),
  NS("Source: Lenin Collected Works, Progress Publishers, 1974, Moscow, "
     "Volume 34, page 199.", "1974", "1974", "1974"),
  NS("Public Domain: Lenin Internet Archive (2005). You may freely copy",
     "2005", "2005", "2005"),
  DAY("November 18, 1903", "November 18, 1903", "1903-11-18", "1903-12-01"),
  NONE("[1] The reference is to " LDQUO "The Narodnik-like Bourgeois and "
       "Distraught Narodism" RDQUO " (see present edition, Vol. 7)." MDASH
       "Ed."),
  NONE("Works Index   |   Volume 34 | Collected Works   |   L.I.A. Index"),
  /* 08 */
  NONE("454"),
  DAY("Written: Written February 12, 1916", "February 12, 1916",
      "1916-02-12", "1916-02-25"),
  NS("Published: First published in 1964 in Collected Works, Fifth "
     "(Russian) Ed., Vol. 49. Sent from Zurich to Berne. Printed from the "
     "original.", "1964", "1964", "1964"),
  NS("Source: Lenin Collected Works, Progress Publishers, [1977], Moscow, "
     "Volume 43, pages 509b-510a.", "[1977]", "1977", "1977"),
  DAY("Please give my address to Radek and ask him from me to send me the "
      "promised cutting from Vorw\xc3\xa4rts of 12.I.1916 (R\xc3\xbchle" RSQUO
      "s article on the split and the editors" RSQUO " reply).",
      "12.I.1916", "1916-01-12", "1916-01-25"),
  NONE("I am also waiting for the proof-sheets (1) of my articles in the "
       "C.O. and (2) of the German theses"),
  NONE("There is tongue-wagging here about the position of the " LDQUO
       "5 secretaries" RDQUO "[2] being desperate"),
  NONE("[1] This refers to the theses (see present edition, Vol. 22, "
       "pp. 143" NDASH "56)." MDASH "Ed."),
  NONE("Beste Gr\xc3\xbc&Bwhatthe;e!"),
  /* 10 */
  DAY("A Letter to the Editors (May 18, 1917)", "May 18, 1917",
      "1917-05-18", "1917-05-31"),
  DAY("Written: Written May 18 (31), 1917", "May 18 (31), 1917",
      "1917-05-18", "1917-05-31"),
  DAY("Published: Published June 1 (May 19), 1917 in Pravda No. 61. "
      "Published according to the newspaper text.", "June 1 (May 19), 1917",
      "1917-05-19", "1917-06-01"),
  NS("Source: Lenin Collected Works, Progress Publishers, 1964, Moscow, "
     "Volume 24, page 444.", "1964", "1964", "1964"),
  {"Public Domain: Lenin Internet Archive 1999 (2005). You may freely copy",
   2, {{"1999", "", "", "1999", "1999"}, {"2005", "", "", "2005", "2005"}}},
  /* 19 */
  DAY("Written: Written earlier than October 26, 1913", "October 26, 1913",
      "1913-10-26", "1913-11-08"),
  NS("Published: First published in Pravda No. 99, May 5, 1927. Sent from "
     "Cracow to St. Petersburg. Printed from the original.", "May 5, 1927",
     "1927-05-05", "1927-05-05"),
  NS("Source: Lenin Collected Works, Progress Publishers, [1976], Moscow, "
     "Volume 35, page 114.", "[1976]", "1976", "1976"),
  NONE("Public Domain: Lenin Internet Archive." NBSP " " NBSP " You may "
       "freely copy"),
  ONE("[1] Za Pravdu (For Truth)" MDASH "one of the names under which the "
      "Bolshevik paper Pravda appeared from October 1 (14) to December 5 "
      "(18), 1913. Altogether 52 issues appeared; 24 were confiscated and "
      "for 2 the editors were fined.",
      "October 1 (14) to December 5 (18), 1913",
      "1913-10-01", "1913-12-05", "1913-10-14", "1913-12-18"),
  NONE("The financial report referred to in the letter was printed in "
       "No. 9 of Za Pravdu, October 13."),
  /* 22 */
  NS("Written: May 9, 1918", "May 9, 1918", "1918-05-09", "1918-05-09"),
  NS("Published: First published in 1931 in Lenin Miscellany XVIII. "
     "Printed from the manuscript.", "1931", "1931", "1931"),
  NS("Source: Lenin Collected Works, 2nd English Edition, Progress "
     "Publishers, 1971, Moscow, Volume 42, page 93a.", "1971", "1971",
     "1971"),
  NS("[1] This draft decision was adopted by the C.P.C. on May 9, 1918, "
     "during the discussion of a decree", "May 9, 1918", "1918-05-09",
     "1918-05-09"),
  {NULL, 0, {{0, 0, 0, 0, 0}}}
};

/* The written forms, and the rules of API.md. */
static const Case forms[] = {
  DAY("January 9, 1905", "January 9, 1905", "1905-01-09", "1905-01-22"),
  DAY("9 January 1905", "9 January 1905", "1905-01-09", "1905-01-22"),
  DAY("on the 9th January 1905", "9th January 1905", "1905-01-09",
      "1905-01-22"),
  DAY("January 9th, 1905", "January 9th, 1905", "1905-01-09", "1905-01-22"),
  DAY("Jan. 9, 1905.", "Jan. 9, 1905", "1905-01-09", "1905-01-22"),
  DAY("Sept. 14, 1905", "Sept. 14, 1905", "1905-09-14", "1905-09-27"),
  /* the white space every phase shares (ll_utf8_isspace): a no-break
  ** space, a line separator, a zero-width space between the parts */
  DAY("January\xc2\xa0" "9,\xe2\x80\xa8" "1905", "January\xc2\xa0" "9,\xe2\x80\xa8" "1905", "1905-01-09",
      "1905-01-22"),
  DAY("January\xe2\x80\x8b" "9, 1905", "January\xe2\x80\x8b" "9, 1905", "1905-01-09", "1905-01-22"),
  OS("in Sept. 1905", "Sept. 1905", "1905-09", "1905-09"),
  OS("MAY 1905", "MAY 1905", "1905-05", "1905-05"),
  OS("May, 1905", "May, 1905", "1905-05", "1905-05"),
  NS("November 5, 1940", "November 5, 1940", "1940-11-05", "1940-11-05"),
  DAY("May 18 (31), 1917", "May 18 (31), 1917", "1917-05-18", "1917-05-31"),
  DAY("June 1 (May 19), 1917", "June 1 (May 19), 1917", "1917-05-19",
      "1917-06-01"),
  DAY("June 1 (19), 1917", "June 1 (19), 1917", "1917-05-19", "1917-06-01"),
  DAY("December 20, 1905 (January 2, 1906)",
      "December 20, 1905 (January 2, 1906)", "1905-12-20", "1906-01-02"),
  DAY("January 2, 1906 (December 20, 1905)",
      "January 2, 1906 (December 20, 1905)", "1905-12-20", "1906-01-02"),
  DAY("December 20 (January 2), 1906", "December 20 (January 2), 1906",
      "1906-12-20", "1907-01-02"),
  DAY("9 (22) January 1905", "9 (22) January 1905", "1905-01-09",
      "1905-01-22"),
  DAY("born 10 (22).4.1870", "10 (22).4.1870", "1870-04-10", "1870-04-22"),
  ONE("Written on November 2-4 (15-17), 1905",
      "November 2-4 (15-17), 1905", "1905-11-02", "1905-11-04",
      "1905-11-15", "1905-11-17"),
  ONE("November 2" NDASH "4 (15" NDASH "17), 1905",
      "November 2" NDASH "4 (15" NDASH "17), 1905", "1905-11-02",
      "1905-11-04", "1905-11-15", "1905-11-17"),
  ONE("2-4 (15-17) November 1905", "2-4 (15-17) November 1905",
      "1905-11-02", "1905-11-04", "1905-11-15", "1905-11-17"),
  ONE("November 2-4, 1905", "November 2-4, 1905", "1905-11-02",
      "1905-11-04", "1905-11-15", "1905-11-17"),
  ONE("November 2 to 4, 1905", "November 2 to 4, 1905", "1905-11-02",
      "1905-11-04", "1905-11-15", "1905-11-17"),
  ONE("October 30-November 2, 1905", "October 30-November 2, 1905",
      "1905-10-30", "1905-11-02", "1905-11-12", "1905-11-15"),
  ONE("from October 27 (November 9) to December 3 (16), 1905, in",
      "October 27 (November 9) to December 3 (16), 1905", "1905-10-27",
      "1905-12-03", "1905-11-09", "1905-12-16"),
  ONE("October 1 (14) to December 5 (18), 1913",
      "October 1 (14) to December 5 (18), 1913", "1913-10-01", "1913-12-05",
      "1913-10-14", "1913-12-18"),
  ONE("February (March) 1917", "February (March) 1917", "1917-02",
      "1917-02", "1917-03", "1917-03"),
  OS("May-June 1905", "May-June 1905", "1905-05", "1905-06"),
  OS("December 1905-January 1906", "December 1905-January 1906", "1905-12",
     "1906-01"),
  DAY("12.I.1916", "12.I.1916", "1916-01-12", "1916-01-25"),
  DAY("12. I. 1916", "12. I. 1916", "1916-01-12", "1916-01-25"),
  DAY("12.1.1916", "12.1.1916", "1916-01-12", "1916-01-25"),
  DAY("1905-11-15", "1905-11-15", "1905-11-15", "1905-11-28"),
  OS("1905", "1905", "1905", "1905"),
  NS("[1977]", "[1977]", "1977", "1977"),
  OS("1905-07", "1905-07", "1905", "1907"),
  OS("the 1905" NDASH "07 revolution", "1905" NDASH "07", "1905", "1907"),
  OS("(1900-05)", "1900-05", "1900", "1905"),
  OS("1917-1921", "1917-1921", "1917", "1921"),
  OS("1917" NDASH "21", "1917" NDASH "21", "1917", "1921"),
  OS("1917 to 1921", "1917 to 1921", "1917", "1921"),
  OS("1899-00", "1899-00", "1899", "1900"),
  NS("1919-21", "1919-21", "1919", "1921"),
  OS("at the end of 1901.", "the end of 1901", "1901", "1901"),
  OS("the first half of 1905", "the first half of 1905", "1905", "1905"),
  OS("in mid-1905", "mid-1905", "1905", "1905"),
  OS("the end of May 1905", "the end of May 1905", "1905-05", "1905-05"),
  DAY("the end of May 5, 1905", "May 5, 1905", "1905-05-05", "1905-05-18"),
  {"in August and November 1905", 2,
   {{"August", "1905-08", "1905-08", "", ""},
    {"November 1905", "1905-11", "1905-11", "", ""}}},
  /* two days in a row joined by "and": a range; two days apart: the year */
  {"on March 3 and 4, 1918", 1,
   {{"March 3 and 4, 1918", "", "", "1918-03-03", "1918-03-04"}}},
  {"2 and 3 (15 and 16) November 1905", 1,
   {{"2 and 3 (15 and 16) November 1905", "1905-11-02", "1905-11-03",
     "1905-11-15", "1905-11-16"}}},
  {"on April 21 and 28, 1975", 1, {{"1975", "", "", "1975", "1975"}}},
  {"May 5 and June 6, 1905", 2,
   {{"May 5", "1905-05-05", "1905-05-05", "1905-05-18", "1905-05-18"},
    {"June 6, 1905", "1905-06-06", "1905-06-06", "1905-06-19",
     "1905-06-19"}}},
  /* a footnote number after a date is no bracketed reading */
  DAY("November 18, 1903 (2)", "November 18, 1903", "1903-11-18",
      "1903-12-01"),
  /* a bracket that is no other reading leaves only the year */
  OS("May 5 (2), 1905", "1905", "1905", "1905"),
  OS("the R.S.D.L.P. 1903 congress", "1903", "1903", "1903"),
  /* a single line break inside a date; a blank line ends it */
  DAY("May 5,\n1905", "May 5,\n1905", "1905-05-05", "1905-05-18"),
  OS("in May\n\n1905 came", "1905", "1905", "1905"),
  /* invalid UTF-8 around a date does not hide it */
  DAY("\xff\xfeMay 5, 1905\xc3", "May 5, 1905", "1905-05-05", "1905-05-18"),
  OS("may 1905 be", "1905", "1905", "1905"),
  OS("1905- ", "1905", "1905", "1905"),
  {"May 1905 and 1906 and 1907", 3,
   {{"May 1905", "1905-05", "1905-05", "", ""},
    {"1906", "1906", "1906", "", ""}, {"1907", "1907", "1907", "", ""}}},
  {NULL, 0, {{0, 0, 0, 0, 0}}}
};

/* The change of calendar and the edges of the conversion. */
static const Case calendar[] = {
  DAY("February 28, 1900", "February 28, 1900", "1900-02-28", "1900-03-12"),
  DAY("February 29, 1900", "February 29, 1900", "1900-02-29", "1900-03-13"),
  DAY("March 1, 1900", "March 1, 1900", "1900-03-01", "1900-03-14"),
  DAY("December 31, 1899", "December 31, 1899", "1899-12-31", "1900-01-12"),
  DAY("January 31, 1918", "January 31, 1918", "1918-01-31", "1918-02-13"),
  DAY("February 13, 1918", "February 13, 1918", "1918-02-13", "1918-02-26"),
  NS("February 14, 1918", "February 14, 1918", "1918-02-14", "1918-02-14"),
  NS("March 1, 1918", "March 1, 1918", "1918-03-01", "1918-03-01"),
  OS("February 1918", "February 1918", "1918-02", "1918-02"),
  NS("March 1918", "March 1918", "1918-03", "1918-03"),
  OS("1918", "1918", "1918", "1918"),
  NS("1919", "1919", "1919", "1919"),
  NS("February 29, 1940", "February 29, 1940", "1940-02-29", "1940-02-29"),
  DAY("February 29, 1700", "February 29, 1700", "1700-02-29", "1700-03-11"),
  DAY("February 28, 1700", "February 28, 1700", "1700-02-28", "1700-03-10"),
  DAY("March 1, 1700", "March 1, 1700", "1700-03-01", "1700-03-12"),
  DAY("February 29, 1800", "February 29, 1800", "1800-02-29", "1800-03-12"),
  DAY("March 1, 1800", "March 1, 1800", "1800-03-01", "1800-03-13"),
  DAY("October 4, 1582", "October 4, 1582", "1582-10-04", "1582-10-14"),
  DAY("October 5, 1582", "October 5, 1582", "1582-10-05", "1582-10-15"),
  DAY("September 2, 1752", "September 2, 1752", "1752-09-02", "1752-09-13"),
  DAY("February 28, 1500", "February 28, 1500", "1500-02-28", "1500-03-09"),
  DAY("February 29, 1500", "February 29, 1500", "1500-02-29", "1500-03-10"),
  /* days no calendar has: nothing, not even the year */
  NONE("February 30, 1905"),
  NONE("June 31"),
  NONE("June 31, 1905"),
  NONE("February 29, 1905"),
  NONE("February 29, 1918"),
  NONE("November 31 (December 13), 1905"),
  NONE("30 February 1905"),
  NONE("30.II.1905"),
  NONE("1905-02-29"),
  {NULL, 0, {{0, 0, 0, 0, 0}}}
};

/* Numbers that are no dates, and dates that are not reported. */
static const Case notdates[] = {
  NONE("80,000"), NONE("No. 308"), NONE("Vol. 5"), NONE("pp. 451-67"),
  NONE("14 associations"), NONE("page 199"), NONE("the Ninth of January"),
  NONE("January 9"), NONE("on January 9 the troops"), NONE("Volume 1905"),
  NONE("No. 1905"), NONE("No.1905"), NONE("Nos. 1905"), NONE("p. 1905"),
  NONE("pp. 1901-05"), NONE("pages 1917-21"), NONE("page 1905"),
  NONE("1905000"), NONE("12345"), NONE("1499"), NONE("2100"), NONE("19055"),
  NONE("1,905"), NONE("1905,000"), NONE("3.1905"), NONE("1905.5"),
  NONE("1905s"), NONE("the 1900s"), NONE("$1905"), NONE("\xc2\xa7 1905"),
  NONE("1905/06"), NONE("1905-123"), NONE("1905-1850"), NONE("1905-05"),
  NONE("509b-510a"), NONE("May"), NONE("May the spring holiday"),
NONE("Vol. 22, pp. 143" NDASH "56"),
  NONE("12.13.1916"), NONE("the 5th"), NONE(""), NONE("   \n\n  "),
  NONE("(((((("), NONE("May 5 ("),
  {NULL, 0, {{0, 0, 0, 0, 0}}}
};

/* Runs each case; a case passes when the dates found are exactly the
** wanted ones (text as written, then the four readings). */
static void runcases(Tally *t, ll_Mem *m, const char *group, const Case *cs) {
  for (; cs->in != NULL; cs++) {
    ll_Vec v;
    char msg[600];
    int st = find(m, cs->in, strlen(cs->in), &v), k, good = 1;
    if (st != LL_OK || (int)v.n != cs->n) {
      good = 0;
      snprintf(msg, sizeof msg, "[%s] \"%.300s\": status %d, %d dates, want %d",
               group, cs->in, st, (int)v.n, cs->n);
    }
    for (k = 0; good && k < cs->n; k++) {
      const ll_Date *d = (const ll_Date *)(const void *)v.p + k;
      const Want *w = &cs->w[k];
      if (d->len != strlen(w->text) ||
          memcmp(cs->in + d->pos, w->text, d->len) != 0 ||
          strcmp(d->os_first, w->osf) || strcmp(d->os_last, w->osl) ||
          strcmp(d->ns_first, w->nsf) || strcmp(d->ns_last, w->nsl)) {
        good = 0;
        snprintf(msg, sizeof msg,
                 "[%s] \"%.200s\" date %d: got \"%.*s\" os %s..%s ns %s..%s, "
                 "want \"%s\" os %s..%s ns %s..%s",
                 group, cs->in, k + 1, (int)(d->len > 100 ? 100 : d->len),
                 cs->in + d->pos, d->os_first, d->os_last, d->ns_first,
                 d->ns_last, w->text, w->osf, w->osl, w->nsf, w->nsl);
      }
    }
    if (good) good = sane(cs->in, strlen(cs->in), &v);
    check(t, good, good ? "" : msg, NULL);
    ll_vec_free(m, &v);
  }
}

/* ------------------------------------------------------------------ */
/* The whole letter                                                    */
/* ------------------------------------------------------------------ */

static const Want letterall[] = {
  {"November 2-4 (15-17), 1905", "1905-11-02", "1905-11-04", "1905-11-15",
   "1905-11-17"},
  {"November 5, 1940", "", "", "1940-11-05", "1940-11-05"},
  {"1965", "", "", "1965", "1965"},
  {"2004", "", "", "2004", "2004"},
  {"early in November 1905", "1905-11", "1905-11", "", ""},
  {"the autumn of 1940", "", "", "1940", "1940"},
  {"October 27 (November 9) to December 3 (16), 1905", "1905-10-27",
   "1905-12-03", "1905-11-09", "1905-12-16"},
  {"early in November 1905", "1905-11", "1905-11", "", ""},
  {"the end of 1901", "1901", "1901", "", ""},
  {"beginning of 1902", "1902", "1902", "", ""},
  {"1900-05", "1900", "1905", "", ""},
  {"1901-05", "1901", "1905", "", ""},
  {"1917", "1917", "1917", "", ""},
  {"Late in November 1917", "1917-11", "1917-11", "", ""},
  {"October 1905", "1905-10", "1905-10", "", ""},
  {"May 1905", "1905-05", "1905-05", "", ""},
  {"July 1905", "1905-07", "1905-07", "", ""},
  {"the end of 1900", "1900", "1900", "", ""},
  {"January 9, 1905", "1905-01-09", "1905-01-09", "1905-01-22",
   "1905-01-22"},
  {"1905-07", "1905", "1907", "", ""},
  {"1905", "1905", "1905", "", ""},
  {"August", "1905-08", "1905-08", "", ""},
  {"November 1905", "1905-11", "1905-11", "", ""},
  {"the end of 1906", "1906", "1906", "", ""},
  {NULL, NULL, NULL, NULL, NULL}
};

/* the letter's text, from the usual places; NULL if none is found */
static char *readletter(size_t *len) {
  static const char *const paths[] = {"data/letter.txt", "../data/letter.txt",
                                      "../../data/letter.txt", NULL};
  const char *const *p;
  char *s = NULL;
  for (p = paths; *p != NULL && s == NULL; p++) s = readfile(*p, len);
  return s;
}

/* Every date in the whole letter, in order. */
static void wholeletter(Tally *t, ll_Mem *m) {
  size_t len, k, nwant = 0;
  char *s = readletter(&len);
  ll_Vec v;
  char msg[300];
  check(t, s != NULL, "the letter", "cannot read data/letter.txt");
  if (s == NULL) return;
  while (letterall[nwant].text != NULL) nwant++;
  check(t, find(m, s, len, &v) == LL_OK, "the letter", "status");
  snprintf(msg, sizeof msg, "%d dates, want %d", (int)v.n, (int)nwant);
  check(t, v.n == nwant, "the letter: count", msg);
  for (k = 0; k < v.n && k < nwant; k++) {
    const ll_Date *d = (const ll_Date *)(const void *)v.p + k;
    const Want *w = &letterall[k];
    int good = d->len == strlen(w->text) &&
               memcmp(s + d->pos, w->text, d->len) == 0 &&
               !strcmp(d->os_first, w->osf) && !strcmp(d->os_last, w->osl) &&
               !strcmp(d->ns_first, w->nsf) && !strcmp(d->ns_last, w->nsl);
    snprintf(msg, sizeof msg, "date %d: got \"%.*s\" os %s..%s ns %s..%s",
             (int)k + 1, (int)(d->len > 80 ? 80 : d->len), s + d->pos,
             d->os_first, d->os_last, d->ns_first, d->ns_last);
    check(t, good, "the letter", msg);
  }
  check(t, sane(s, len, &v), "the letter: invariants", NULL);
  ll_vec_free(m, &v);
  free(s);
}

/* ------------------------------------------------------------------ */
/* Conversion                                                          */
/* ------------------------------------------------------------------ */

typedef struct Conv {
  int y, m, d, gy, gm, gd;  /* Julian -> Gregorian; gy 0 when invalid */
} Conv;

static const Conv convs[] = {
  {1900, 2, 28, 1900, 3, 12}, {1900, 2, 29, 1900, 3, 13},
  {1900, 3, 1, 1900, 3, 14}, {1918, 1, 31, 1918, 2, 13},
  {1905, 11, 2, 1905, 11, 15}, {1905, 11, 4, 1905, 11, 17},
  {1870, 4, 10, 1870, 4, 22}, {1905, 1, 9, 1905, 1, 22},
  {1582, 10, 4, 1582, 10, 14}, {1582, 10, 5, 1582, 10, 15},
  {1752, 9, 2, 1752, 9, 13}, {1700, 2, 28, 1700, 3, 10},
  {1700, 2, 29, 1700, 3, 11}, {1700, 3, 1, 1700, 3, 12},
  {1800, 2, 28, 1800, 3, 11}, {1800, 2, 29, 1800, 3, 12},
  {1800, 3, 1, 1800, 3, 13}, {1500, 2, 28, 1500, 3, 9},
  {1500, 2, 29, 1500, 3, 10}, {2100, 2, 29, 2100, 3, 14},
  {1, 1, 1, 0, 12, 30}, {1600, 2, 29, 1600, 3, 10},
  {1905, 2, 29, 0, 0, 0}, {1905, 2, 30, 0, 0, 0}, {1905, 6, 31, 0, 0, 0},
  {1905, 13, 1, 0, 0, 0}, {1905, 0, 1, 0, 0, 0}, {1905, 1, 0, 0, 0, 0},
  {0, 1, 1, 0, 0, 0}, {10000, 1, 1, 0, 0, 0}, {-5, 1, 1, 0, 0, 0},
  {0, 0, 0, 0, 0, 0}
};

/* Known conversions, refusals, and the round trip over 1500-2100. */
static void conversion(Tally *t) {
  const Conv *c;
  char msg[120];
  long y, m, d, bad = 0;
  for (c = convs; c->y != 0 || c->m != 0; c++) {
    int gy = -1, gm = -1, gd = -1;
    int r = ll_julian_to_gregorian(c->y, c->m, c->d, &gy, &gm, &gd);
    int want = c->gm != 0;
    snprintf(msg, sizeof msg, "%d-%d-%d -> %d (%d-%d-%d)", c->y, c->m, c->d,
             r, gy, gm, gd);
    check(t, r == want && (!want || (gy == c->gy && gm == c->gm && gd == c->gd)),
       "julian to gregorian", msg);
  }
  {
    int jy, jm, jd;
    check(t, !ll_gregorian_to_julian(1900, 2, 29, &jy, &jm, &jd),
       "gregorian 1900-02-29 refused", NULL);
    check(t, ll_gregorian_to_julian(1918, 2, 14, &jy, &jm, &jd) && jy == 1918 &&
          jm == 2 && jd == 1, "gregorian 1918-02-14 is julian 1918-02-01",
       NULL);
  }
  for (y = 1500; y <= 2100; y++)
    for (m = 1; m <= 12; m++)
      for (d = 1; d <= 31; d++) {
        int gy, gm, gd, jy, jm, jd;
        if (!ll_julian_to_gregorian((int)y, (int)m, (int)d, &gy, &gm, &gd))
          continue;
        if (!ll_gregorian_to_julian(gy, gm, gd, &jy, &jm, &jd) || jy != y ||
            jm != m || jd != d)
          bad++;
      }
  check(t, bad == 0, "round trip julian -> gregorian -> julian", NULL);
}

/* ------------------------------------------------------------------ */
/* Hostile input                                                       */
/* ------------------------------------------------------------------ */

/* Runs s[0,len) from an exactly sized copy (so a sanitizer sees any read
** past the end); returns the number of dates, or -1 on a bad result. */
static long exact(ll_Mem *m, const char *s, size_t len) {
  char *copy = (char *)malloc(len ? len : 1);
  ll_Vec v;
  long n;
  if (copy == NULL) return -1;
  if (len) memcpy(copy, s, len);
  if (find(m, copy, len, &v) != LL_OK || !sane(copy, len, &v)) n = -1;
  else n = (long)v.n;
  ll_vec_free(m, &v);
  free(copy);
  return n;
}

/* a long run of one pattern */
static char *repeat(const char *unit, size_t times, size_t *len) {
  size_t n = strlen(unit), i;
  char *s = (char *)malloc(n * times + 1);
  if (s == NULL) return NULL;
  for (i = 0; i < times; i++) memcpy(s + i * n, unit, n);
  s[n * times] = '\0';
  *len = n * times;
  return s;
}

static const char *const hard[] = {
  "October 27 (November 9) to December 3 (16), 1905",
  "December 20, 1905 (January 2, 1906)",
  "the end of May 1905 and 2-4 (15-17) November 1905",
  "born 10 (22).4.1870 or 12. I. 1916 or [1977] or 1905" NDASH "07",
  "June 1 (May 19), 1917; August and November 1905; 1905-11-15",
  NULL
};

static const char *const frags[] = {
  "May", "June", "Sept.", "January", " ", "  ", ",", ".", "-", NDASH, "(",
  ")", "[", "]", "1905", "1917", "1918", "07", "2", "31", "29", "15", "to",
  "and", "the end of", "early in", "No.", "p.", "I", "XII", "th", "\n",
  "\n\n", "\xff", "\xe2\x80", "\xc3", NBSP, "000", "99999999999", "mid",
  "of", "February", "(May 19)", "(16)"
};

/* 100000 digits, alone and before a year. */
static void hostile_digits(Tally *t, ll_Mem *m) {
  size_t len;
  char *s = repeat("9", 100000, &len);
  check(t, s && exact(m, s, len) == 0, "100000 digits", NULL);
  free(s);
  s = repeat("1", 100000, &len);
  check(t, s && exact(m, s, len) == 0, "100000 ones", NULL);
  if (s) {
    char *s2 = (char *)malloc(len + 6);
    if (s2) {
      memcpy(s2, s, len);
      memcpy(s2 + len, " 1905", 5);
      check(t, exact(m, s2, len + 5) == 1, "digits then a year", NULL);
      free(s2);
    }
  }
  free(s);
}

/* Every prefix and suffix of hard dates, and all 256 bytes before, inside
** and after a date. */
static void hostile_cuts(Tally *t, ll_Mem *m) {
  size_t len, i, k;
  long bad = 0;
  for (k = 0; hard[k] != NULL; k++) {
    len = strlen(hard[k]);
    for (i = 0; i <= len; i++) {
      if (exact(m, hard[k], i) < 0) bad++;
      if (exact(m, hard[k] + i, len - i) < 0) bad++;
    }
  }
  check(t, bad == 0, "truncations of dates at every byte", NULL);
  bad = 0;
  for (i = 0; i < 256; i++) {
    char buf[32];
    memcpy(buf, "May 5, 1905", 11);
    buf[11] = (char)i;
    if (exact(m, buf, 12) < 0) bad++;
    buf[3] = (char)i;
    if (exact(m, buf, 12) < 0) bad++;
  }
  check(t, bad == 0, "every byte value", NULL);
}

/* 20000 random strings from date-like pieces and bytes. */
static void hostile_random(Tally *t, ll_Mem *m) {
  unsigned long seed = 12345;
  size_t i, k;
  long bad = 0;
  for (k = 0; k < 20000; k++) {
    char buf[400];
    size_t n = 0, parts;
    seed = seed * 1103515245UL + 12345UL;
    parts = (seed >> 16) % 24;
    for (i = 0; i < parts; i++) {
      const char *f;
      size_t fl;
      seed = seed * 1103515245UL + 12345UL;
      if ((seed >> 16) % 7 == 0) {
        buf[n++] = (char)((seed >> 8) & 0xFF);
        continue;
      }
      f = frags[(seed >> 16) % (sizeof frags / sizeof frags[0])];
      fl = strlen(f);
      if (n + fl >= sizeof buf) break;
      memcpy(buf + n, f, fl);
      n += fl;
    }
    if (exact(m, buf, n) < 0) bad++;
  }
  check(t, bad == 0, "20000 random strings", NULL);
}

/* Text without dates costs no memory at all, however long; a vector of
** the wrong element size is refused. */
static void hostile_nodates(Tally *t, ll_Mem *m, Counter *cnt) {
  size_t len;
  char *s = repeat("((( No. 1905 pp. 451-67 May the 80,000 ", 20000, &len);
  ll_Vec v;
  cnt->calls = 0;
  check(t, s && exact(m, s, len) == 0 && cnt->calls == 0,
     "no allocation for text without dates", NULL);
  free(s);
  ll_vec_init(&v, 1);
  check(t, ll_dates_find(m, "1905", 4, &v) == LL_ERRINPUT,
     "a vector of the wrong size is refused", NULL);
}

/* Allocation failure at every step over the letter: LL_ERRMEM, out as it
** was, no leak. */
static void hostile_nomem(Tally *t, ll_Mem *m, Counter *cnt) {
  size_t letlen;
  char *let = readletter(&letlen);
  char msg[120];
  long n, bad = 0;
  int done = 0;
  for (n = 0; let != NULL && !done && n < 10000; n++) {
    ll_Vec v;
    ll_Date *first;
    int st;
    cnt->calls = 0;
    cnt->failat = -1;
    ll_vec_init(&v, sizeof(ll_Date));
    first = (ll_Date *)ll_vec_push(m, &v);  /* a date already there */
    if (first == NULL) {
      bad++;
      break;
    }
    first->len = 1;
    cnt->calls = 0;
    cnt->failat = n;
    st = ll_dates_find(m, let, letlen, &v);
    cnt->failat = -1;
    if (st == LL_OK) done = 1;
    else if (st != LL_ERRMEM || v.n != 1 ||
             ((ll_Date *)(void *)v.p)->len != 1)
      bad++;
    ll_vec_free(m, &v);
    if (cnt->live != 0) bad++;
  }
  snprintf(msg, sizeof msg, "read %d, done %d after %ld, %ld bad",
           let != NULL, done, n, bad);
  check(t, let != NULL && done && bad == 0,
     "failing allocations give LL_ERRMEM, leave out alone, leak nothing",
     msg);
  free(let);
}

/* The adversarial units, each repeated to about size bytes, read; returns
** the CPU seconds taken, and counts the inputs not read in *bad. */
static double adversarial(ll_Mem *m, size_t size, long *bad) {
  static const char *const units[] = {
    "May 5 (", "1905-", "(((", "the end of the end of ", "August and ",
    "12.I.", "2-4 (15-17) ", "9 (22) ", NULL
  };
  clock_t c0 = clock();
  size_t len, k;
  char *s;
  for (k = 0; units[k] != NULL; k++) {
    s = repeat(units[k], size / strlen(units[k]) + 1, &len);
    if (s == NULL || exact(m, s, len) < 0) (*bad)++;
    free(s);
  }
  return (double)(clock() - c0) / CLOCKS_PER_SEC;
}

/* Long adversarial input runs in linear time: 16 times the input (2 MB in
** all) costs less than 64 times the time (quadratic work would cost 256
** times), measured in this process, so no limit depends on the machine
** (or on valgrind); the small run's time counts as at least 1 ms. */
static void hostile_long(Tally *t, ll_Mem *m) {
  char msg[120];
  long bad = 0;
  double small = adversarial(m, 15625, &bad), large = adversarial(m, 250000, &bad);
  double base = small < 0.001 ? 0.001 : small;
  snprintf(msg, sizeof msg, "%ld bad, %.4f s for 125 KB, %.4f s for 2 MB", bad, small, large);
  check(t, bad == 0 && large < 64.0 * base, "16 times the adversarial input in under 64 times the time",
        msg);
}

/* Digit runs, truncations at every byte, invalid bytes, random junk,
** failing allocations, and long adversarial input in linear time. */
static void hostile(Tally *t, ll_Mem *m, Counter *cnt) {
  hostile_digits(t, m);
  hostile_cuts(t, m);
  hostile_random(t, m);
  hostile_nodates(t, m, cnt);
  hostile_nomem(t, m, cnt);
  hostile_long(t, m);
}

/* One white-space test for every phase: Unicode's White_Space, the
** zero-width space and the byte-order mark; not letters, not the
** zero-width joiner. */
static void whitespace(Tally *t) {
  static const long yes[] = {' ', '\t', '\n', '\r', 0x0B, 0x0C, 0x85, 0xA0, 0x1680, 0x2000,
                             0x200A, 0x200B, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000, 0xFEFF};
  static const long no[] = {'a', '0', '-', 0x7F, 0xAD, 0x200C, 0x200D, 0x2060, 0x3001};
  size_t i;
  for (i = 0; i < sizeof yes / sizeof yes[0]; i++) check(t, ll_utf8_isspace(yes[i]), "white space", NULL);
  for (i = 0; i < sizeof no / sizeof no[0]; i++) check(t, !ll_utf8_isspace(no[i]), "not white space", NULL);
}

int main(void) {
  Tally t = {0, 0};
  Counter cnt = {0, 0, -1};
  ll_Mem m;
  m.f = runningout;
  m.ud = &cnt;
  runcases(&t, &m, "letter", letter);
  runcases(&t, &m, "samples", samples);
  runcases(&t, &m, "forms", forms);
  runcases(&t, &m, "calendar", calendar);
  runcases(&t, &m, "not dates", notdates);
  wholeletter(&t, &m);
  conversion(&t);
  whitespace(&t);
  hostile(&t, &m, &cnt);
  check(&t, cnt.live == 0, "no memory left allocated", NULL);
  return report(&t);
}
