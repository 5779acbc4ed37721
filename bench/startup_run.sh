#!/bin/sh
# bench/startup_run.sh: what a process pays before it reads any HTML (issue
# #16): leninletter.core links no libxml2 (nor ICU and libstdc++, which it
# brings); the HTML reader, leninletter.html, is loaded for the first HTML
# page. Whole-process and cold (a new process each time, the page cache
# warm), the median of RUNS (default 7) runs, each alternating with the same
# command run with BEFORE's tree (its lua/, bin/ and build/lua5.4/), with the
# spread (min-max). CPU is perf's task-clock where perf is there.
#   BEFORE=/work/main sh bench/startup_run.sh
set -e
cd "$(dirname "$0")/.."
LUA=${LUA:-lua5.4}
RUNS=${RUNS:-7}
BEFORE=${BEFORE:?set BEFORE to a tree built with make (its build/lua5.4/leninletter/core.so)}
SAMPLE=${SAMPLE:-../shared/corpus}
OUT=${OUT:-bench/out}
INDEX=${INDEX:-$OUT/startup.llx}
PHRASE="Black Hundreds"
# an HTML page: what the first HTML page costs now (leninletter.html loaded)
PAGE=$SAMPLE/mia-lenin/archive/lenin/works/1917/staterev/ch01.htm
mkdir -p "$OUT"
TAG=startup_
. bench/timing.sh

# run NAME CMD... with this tree's module (now) or BEFORE's (before), the
# paths exported in a subshell (no env program between perf and Lua)
now() {
  (export LUA_PATH='lua/?.lua;lua/?/init.lua;data/?.lua;;' LUA_CPATH='build/lua5.4/?.so;;'; run "$@")
}
before() {
  (export LUA_PATH="$BEFORE/lua/?.lua;$BEFORE/lua/?/init.lua;$BEFORE/data/?.lua;;" \
    LUA_CPATH="$BEFORE/build/lua5.4/?.so;;"; run "$@")
}

[ -f "$INDEX" ] || LUA_PATH='lua/?.lua;lua/?/init.lua;data/?.lua;;' LUA_CPATH='build/lua5.4/?.so;;' \
  $LUA bin/leninletter index "$SAMPLE" -o "$INDEX" > /dev/null
echo "startup: $RUNS runs each, median (min-max); before: $BEFORE; index: $INDEX"
echo "machine: $(uname -srm), $(nproc) CPUs, load average $(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null)"
i=0
while [ $i -lt "$RUNS" ]; do
  run interp $LUA -e ""
  now core_now $LUA -e "require'leninletter.core'"
  before core_before $LUA -e "require'leninletter.core'"
  now letter_now $LUA -e 'require "leninletter".letter():concordance("soviet")'
  before letter_before $LUA -e 'require "leninletter".letter():concordance("soviet")'
  now kwic_now $LUA bin/leninletter kwic "$PHRASE" --index "$INDEX"
  before kwic_before $LUA "$BEFORE/bin/leninletter" kwic "$PHRASE" --index "$INDEX"
  now html_now $LUA -e "assert(require \"leninletter\".open(\"$PAGE\"))"
  before html_before $LUA -e "assert(require \"leninletter\".open(\"$PAGE\"))"
  i=$((i + 1))
done
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null)"
printf '%-44s %-24s %-24s %s\n' "CPU, ms" now before "now/before"
printf '%-44s %s\n' "$LUA -e '' (the interpreter alone)" \
  "$(col interp 2 | awk '{ printf "%.2f (%.2f-%.2f)", $1 * 1000, $2 * 1000, $3 * 1000 }')"
for t in core letter kwic html; do
  n=$(med ${t}_now 2); b=$(med ${t}_before 2)
  printf '%-44s %-24s %-24s %s\n' "$t" \
    "$(awk "BEGIN { printf \"%.2f\", $n * 1000 }") ($(col ${t}_now 2 | awk '{ printf "%.2f-%.2f", $2 * 1000, $3 * 1000 }'))" \
    "$(awk "BEGIN { printf \"%.2f\", $b * 1000 }") ($(col ${t}_before 2 | awk '{ printf "%.2f-%.2f", $2 * 1000, $3 * 1000 }'))" \
    "$(ratio "$n" "$b")"
done
printf '%-44s %-24s %-24s\n' "wall, ms" now before
for t in core letter kwic html; do
  printf '%-44s %-24s %-24s\n' "$t" \
    "$(col ${t}_now 1 | awk '{ printf "%.2f (%.2f-%.2f)", $1 * 1000, $2 * 1000, $3 * 1000 }')" \
    "$(col ${t}_before 1 | awk '{ printf "%.2f (%.2f-%.2f)", $1 * 1000, $2 * 1000, $3 * 1000 }')"
done
