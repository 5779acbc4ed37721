#!/bin/sh
# bench/phrase_run.sh [BEFORE_CPATH]: bench/phrase.lua whole-process, cold,
# the median of RUNS (default 5) runs, each alternating with the peer's: the
# module built from another commit (its leninletter/core.so under
# BEFORE_CPATH, e.g. a copy of main's) when given.
set -e
cd "$(dirname "$0")/.."
LUA=${LUA:-lua5.4}
RUNS=${RUNS:-5}
N=${N:-20000}
export LUA_PATH='lua/?.lua;lua/?/init.lua;data/?.lua;;'
one() { # CPATH: wall seconds of one run
  s=$(date +%s%N)
  LUA_CPATH="$1/?.so;;" $LUA bench/phrase.lua "$N" 20 > /dev/null
  e=$(date +%s%N)
  echo "$s $e" | awk '{ printf "%.3f\n", ($2 - $1) / 1e9 }'
}
median() { sort -n | awk '{ a[NR] = $1 } END { print a[int((NR + 1) / 2)] " (" a[1] "-" a[NR] ")" }'; }
: > /tmp/phrase_now.t
: > /tmp/phrase_before.t
i=0
while [ $i -lt "$RUNS" ]; do
  one build/lua5.4 >> /tmp/phrase_now.t
  if [ -n "$1" ]; then one "$1" >> /tmp/phrase_before.t; fi
  i=$((i + 1))
done
LUA_CPATH='build/lua5.4/?.so;;' $LUA bench/phrase.lua "$N" 20
echo "this build: median $(median < /tmp/phrase_now.t) s"
if [ -n "$1" ]; then
  LUA_CPATH="$1/?.so;;" $LUA bench/phrase.lua "$N" 20
  echo "$1: median $(median < /tmp/phrase_before.t) s"
fi
