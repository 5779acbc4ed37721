#!/bin/sh
# bench/parse_floor.sh: the index build's CPU against what libxml2 alone
# costs to parse the same pages (issue #16), in one run (`make bench`).
# Four commands alternate, RUNS (default 5) rounds, whole process, CPU
# (bench/timing.sh): the index build; xmllint --html --noout (the goal's
# peer); bench/parse_floor.c parsing into libxml2's tree as llhtml.c does;
# the same parser with SAX handlers that only count (no tree: the least a
# reader built on libxml2 can pay). Needs cc and libxml2's headers (make deps).
set -e
cd "$(dirname "$0")/.."
LUA=${LUA:-lua5.4}
RUNS=${RUNS:-5}
SAMPLE=${SAMPLE:-../shared/corpus}
OUT=${OUT:-bench/out}
export LUA_PATH='lua/?.lua;lua/?/init.lua;data/?.lua;;'
export LUA_CPATH='build/lua5.4/?.so;;'
export LENINLETTER_CACHE="$OUT/luacache"
mkdir -p "$OUT"
if [ ! -d "$SAMPLE" ]; then echo "parse floor: no sample at $SAMPLE (set SAMPLE)"; exit 0; fi
${CC:-cc} -std=c99 -O2 -o "$OUT/parse_floor" bench/parse_floor.c \
  $(pkg-config --cflags --libs libxml-2.0)
TAG=floor_
. bench/timing.sh
pages() { find "$SAMPLE" -type f -name '*.htm*' -print0; }
i=0
while [ $i -lt "$RUNS" ]; do
  run build $LUA bin/leninletter index "$SAMPLE" -o "$OUT/floor.llx"
  run xmllint sh -c "find '$SAMPLE' -type f -name '*.htm*' -print0 | xargs -0 xmllint --html --noout"
  run tree sh -c "find '$SAMPLE' -type f -name '*.htm*' -print0 | '$OUT/parse_floor' tree"
  run sax sh -c "find '$SAMPLE' -type f -name '*.htm*' -print0 | '$OUT/parse_floor' sax"
  i=$((i + 1))
done
rm -f "$OUT/floor.llx"
x=$(med xmllint 2)
echo "parse floor: $SAMPLE, $(pages | tr -cd '\0' | wc -c) pages; CPU s, median (min-max) of $RUNS runs; ratio to xmllint"
for n in build xmllint tree sax; do
  case $n in
    build) what="the index build (leninletter index)" ;;
    xmllint) what="xmllint --html --noout" ;;
    tree) what="libxml2 into its tree (parse_floor tree)" ;;
    sax) what="libxml2 SAX, no tree (parse_floor sax)" ;;
  esac
  printf '%-46s %-26s %sx\n' "$what" "$(med $n 2) ($(spread $n 2))" "$(ratio "$(med $n 2)" "$x")"
done
echo "  left for everything but libxml2's SAX parse, if the build is to cost xmllint's CPU:" \
  "$(awk "BEGIN { printf \"%.3f s\", $x - $(med sax 2) }")"
