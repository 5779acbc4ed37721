#!/bin/sh
# bench/bigpage_run.sh: the 60 MB page of issue #16, whole process and cold
# (run by `make bench`; `sh bench/bigpage_run.sh [BEFORE_TREE]`).
# `lua5.4 -e 'require("leninletter").open(PAGE):count("soviet")'` against
# `wc -w PAGE`: a new process each time (the page cache stays warm: the
# machine is shared), RUNS runs (default 7) alternating the two, and with
# BEFORE_TREE (a built work tree of another commit: its lua/ and build/)
# that tree's module too, in the same alternation. Prints the median and
# the spread (min-max) of the wall time, the CPU time (perf's task-clock
# where perf is installed: all threads; else /usr/bin/time's user +
# system) and the peak RSS, and the ratios against the goals: at least
# 0.5x wc -w's speed (at most twice its time) at a peak of at most 3x the
# page's bytes.
set -e
cd "$(dirname "$0")/.."
LUA=${LUA:-lua5.4}
RUNS=${RUNS:-7}
OUT=${OUT:-bench/out}
PAGE=${PAGE:-$OUT/corpus.txt}
WORD=soviet
BEFORE=$1
mkdir -p "$OUT"
[ -f "$PAGE" ] || $LUA bench/gen.lua "$PAGE" 60
bytes=$(wc -c < "$PAGE")
here=$(pwd)

PERF=
if perf stat -x, -e task-clock -o /dev/null true > /dev/null 2>&1; then PERF="perf stat -x, -e task-clock -o $OUT/bp_perf.csv"; fi
# run NAME CMD...: runs CMD once, appends "wall cpu peak_kb" to $OUT/bp_NAME.t
run() {
  name=$1
  shift
  s=$(date +%s%N)
  /usr/bin/time -f "%U %S %M" -o "$OUT/bp_$name.rusage" $PERF "$@" > /dev/null 2>&1
  e=$(date +%s%N)
  cpu=$(awk '{ printf "%.3f", $1 + $2 }' "$OUT/bp_$name.rusage")
  [ -n "$PERF" ] && cpu=$(awk -F, '/task-clock/ { printf "%.4f", $1 / 1000 }' "$OUT/bp_perf.csv")
  awk -v s="$s" -v e="$e" -v c="$cpu" '{ printf "%.4f %s %d\n", (e - s) / 1e9, c, $3 }' \
    "$OUT/bp_$name.rusage" >> "$OUT/bp_$name.t"
}
# col NAME K: median, min and max of column K (1 wall, 2 cpu, 3 peak kB)
col() {
  sort -n -k"$2","$2" "$OUT/bp_$1.t" | awk -v k="$2" '{ v[NR] = $k }
    END { m = (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2
          printf "%s %s %s\n", m, v[1], v[NR] }'
}
med() { col "$1" "$2" | cut -d' ' -f1; }
spread() { col "$1" "$2" | awk '{ printf "%s-%s", $2, $3 }'; }
ratio() { awk "BEGIN { if (($2) > 0) printf \"%.2f\", ($1) / ($2); else printf \"-\" }"; }
rm -f "$OUT"/bp_*.t

# lua's paths for the work tree $1
paths() { echo "LUA_PATH=$1/lua/?.lua;$1/lua/?/init.lua;$1/data/?.lua;; LUA_CPATH=$1/build/lua5.4/?.so;;"; }
CODE="assert(require('leninletter').open('$PAGE'):count('$WORD'))"

echo "the big page: $PAGE, $bytes bytes; $RUNS runs each, alternating, median (min-max)"
echo "machine: $(uname -srm), $(nproc) CPUs; lua: $($LUA -v 2>&1); load: $(cut -d' ' -f1-3 /proc/loadavg)"
i=0
while [ $i -lt "$RUNS" ]; do
  run wc wc -w "$PAGE"
  # shellcheck disable=SC2046
  run now env $(paths "$here") $LUA -e "$CODE"
  # shellcheck disable=SC2046
  [ -n "$BEFORE" ] && run before env $(paths "$BEFORE") $LUA -e "$CODE"
  i=$((i + 1))
done

show() {
  printf '%-8s wall %s s (%s)  cpu %s s (%s)  peak %s kB (%s)\n' "$1" "$(med "$1" 1)" "$(spread "$1" 1)" \
    "$(med "$1" 2)" "$(spread "$1" 2)" "$(med "$1" 3)" "$(spread "$1" 3)"
}
show wc
show now
[ -n "$BEFORE" ] && show before
for who in now before; do
  [ -f "$OUT/bp_$who.t" ] || continue
  w=$(ratio "$(med wc 1)" "$(med $who 1)")
  c=$(ratio "$(med wc 2)" "$(med $who 2)")
  m=$(ratio "$(med $who 3) * 1024" "$bytes")
  echo "$who: speed vs wc -w: ${w}x wall, ${c}x CPU (goal >= 0.5x); peak / page: ${m}x (goal <= 3x)"
done
