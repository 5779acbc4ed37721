#!/bin/sh
# bench/quiz_bench.sh: the cost of multiple-choice questions on a large page
# (issue #15): quiz.choice(doc, {count = 500}) on the benchmark corpus's
# mia-lenin/archive/lenin/bio/prilezhayeva.htm (365 KB), whole process, cold,
# RUNS runs (default 5) alternating this tree's quiz with an older one.
#   sh bench/quiz_bench.sh [OLD_COMMIT]      (default: 03c0ce5, before issue #15)
# Prints each run's seconds and the medians.
set -e
OLD=${1:-03c0ce5}
RUNS=${RUNS:-5}
PAGE=${PAGE:-../shared/corpus/mia-lenin/archive/lenin/bio/prilezhayeva.htm}
LUA=${LUA:-lua5.4}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
mkdir -p "$tmp/leninletter"
git show "$OLD:lua/leninletter/quiz.lua" > "$tmp/leninletter/quiz.lua"
cat > "$tmp/run.lua" <<LUA
local ll = require "leninletter"
local quiz = require "leninletter.quiz"
local doc = assert(ll.open("$PAGE"))
local qs = quiz.choice(doc, {count = 500})
assert(#qs > 300)
LUA
now() { date +%s.%N; }
one() { # $1: extra LUA_PATH in front
  s=$(now)
  LUA_PATH="$1lua/?.lua;lua/?/init.lua;data/?.lua;;" LUA_CPATH="build/lua5.4/?.so;;" $LUA "$tmp/run.lua"
  e=$(now)
  echo "$e - $s" | bc
}
: > "$tmp/old"; : > "$tmp/new"
i=0
while [ $i -lt "$RUNS" ]; do
  o=$(one "$tmp/?.lua;"); n=$(one "")
  echo "run $((i + 1)): old $o s, new $n s"
  echo "$o" >> "$tmp/old"; echo "$n" >> "$tmp/new"
  i=$((i + 1))
done
med() { sort -n "$1" | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2}'; }
echo "median: old $(med "$tmp/old") s, new $(med "$tmp/new") s"
