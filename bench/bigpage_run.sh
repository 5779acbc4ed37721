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

TAG=bp_
. bench/timing.sh

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
