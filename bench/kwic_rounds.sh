#!/bin/sh
# bench/kwic_rounds.sh [ROUNDS]: the command-line KWIC over an index file
# against Xapian's quest, in ROUNDS rounds (default 9) alternating three
# commands, `perf stat -r 20` each: the KWIC with its bytecode cache filled,
# the same compiled (LENINLETTER_CACHE= turns the cache off: a first run),
# quest. Prints each round's wall ms, then the medians and the median of
# the rounds' ratios. Needs the index file and Xapian database that
# index_run.sh leaves in bench/out (INDEX, XAPIAN to give others).
set -e
cd "$(dirname "$0")/.."
R=${1:-9}
LUA=${LUA:-lua5.4}
INDEX=${INDEX:-bench/out/sample.llx}
XAPIAN=${XAPIAN:-bench/out/xapian}
PHRASE="Black Hundreds"
export LUA_PATH='lua/?.lua;lua/?/init.lua;data/?.lua;;'
export LUA_CPATH='build/lua5.4/?.so;;'
export LENINLETTER_CACHE="${TMPDIR:-/tmp}/leninletter-kwic-rounds.$$"
for f in "$INDEX" "$XAPIAN"; do
  [ -e "$f" ] || { echo "kwic_rounds: no $f (run bench/index_run.sh first; quest: apt-get install xapian-omega xapian-tools)"; exit 0; }
done
command -v perf > /dev/null || { echo "kwic_rounds: needs perf (apt-get install linux-perf)"; exit 0; }
ms() { awk '/elapsed/ { printf "%.3f", $1 * 1000 }' "$1"; }
t=$(mktemp)
$LUA bin/leninletter kwic "$PHRASE" --index "$INDEX" > /dev/null 2>&1 # fills the cache
i=0
while [ $i -lt "$R" ]; do
  perf stat -r 20 -o "$t.1" $LUA bin/leninletter kwic "$PHRASE" --index "$INDEX" > /dev/null 2>&1
  LENINLETTER_CACHE= perf stat -r 20 -o "$t.2" $LUA bin/leninletter kwic "$PHRASE" --index "$INDEX" > /dev/null 2>&1
  perf stat -r 20 -o "$t.3" quest -d "$XAPIAN" "\"$PHRASE\"" > /dev/null
  echo "$(ms "$t.1") $(ms "$t.2") $(ms "$t.3")" | tee -a "$t"
  i=$((i + 1))
done
awk '{ a[NR] = $1; b[NR] = $2; q[NR] = $3; r[NR] = $1 / $3; s[NR] = $2 / $3 }
  function med(v, n,   i, j, x) {
    for (i = 2; i <= n; i++) { x = v[i]; for (j = i - 1; j >= 1 && v[j] > x; j--) v[j + 1] = v[j]; v[j + 1] = x }
    return (n % 2) ? v[(n + 1) / 2] : (v[n / 2] + v[n / 2 + 1]) / 2
  }
  END { n = NR
    printf "medians, ms: cached %.3f  compiled %.3f  quest %.3f\n", med(a, n), med(b, n), med(q, n)
    printf "median of the rounds'"'"' ratios to quest: cached %.2fx  compiled %.2fx\n", med(r, n), med(s, n) }' "$t"
rm -rf "$t" "$t.1" "$t.2" "$t.3" "$LENINLETTER_CACHE"
