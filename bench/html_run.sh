#!/bin/sh
# bench/html_run.sh: the HTML corpus benchmark of issue #6, in one run
# (`make bench` runs it after bench/run.sh). Loads and indexes every page of
# ../shared/corpus (1,728 MIA pages, HTML) and compares with xmllint merely
# parsing the same files; a concordance over the whole corpus; peak memory
# against the corpus's size. The whole-process figures are the median of
# RUNS (default 5) runs alternating xmllint and the module, with the spread
# (bench/timing.sh: wall, CPU of every thread, peak RSS); the CPU split and
# the concordance come from inside one process (bench/html_bench.lua
# times), as explanations.
set -e
cd "$(dirname "$0")/.."
LUA=${LUA:-lua5.4}
CORPUS=${CORPUS:-../shared/corpus}
WORD=soviet
export LUA_PATH='lua/?.lua;lua/?/init.lua;data/?.lua;;'
export LUA_CPATH='build/lua5.4/?.so;;'
if [ ! -f "$CORPUS/MANIFEST.tsv" ]; then
  echo "html bench: no corpus at $CORPUS (the shared/ folder beside the project); skipped"
  exit 0
fi
if ! command -v xmllint > /dev/null; then
  echo "html bench: xmllint not found (apt-get install libxml2-utils); skipped"
  exit 0
fi
files=$(mktemp)
trap 'rm -f "$files"' EXIT
find "$CORPUS" -type f \( -name '*.htm' -o -name '*.html' \) | sort > "$files"
npages=$(wc -l < "$files")
bytes=$(xargs cat < "$files" | wc -c)

RUNS=${RUNS:-5}
OUT=bench/out
TAG=html_
mkdir -p "$OUT"
. bench/timing.sh

echo "HTML corpus: $CORPUS, $npages pages, $bytes bytes"
# the four in turn, RUNS rounds: the machine is shared, and what slows one
# round slows the four alike
i=0
while [ $i -lt "$RUNS" ]; do
  run xml sh -c "xargs xmllint --html --noout < '$files'"
  run mod $LUA bench/html_bench.lua load "$CORPUS" $WORD
  run pages $LUA bench/html_bench.lua pages "$CORPUS"
  run lua $LUA -e ''
  i=$((i + 1))
done
txml=$(med xml 1)
tmod=$(med mod 1)
tpages=$(med pages 1)
m=$($LUA bench/html_bench.lua times "$CORPUS" $WORD)
tload=$(echo "$m" | awk '$1 == "load" {print $2}')
tindex=$(echo "$m" | awk '$1 == "index" {print $2}')
tconc=$(echo "$m" | awk '$1 == "concordance" {print $2}')
nconc=$(echo "$m" | awk '$1 == "concordance" {print $3}')
tcore=$(echo "$m" | awk '$1 == "core" {print $2}')
echo "whole process, cold: median (min-max) of $RUNS runs, seconds; peak RSS kB"
for n in xml mod pages lua; do
  case $n in
    xml) what="xmllint --html --noout, every page" ;;
    mod) what="module: ll.corpus + every index" ;;
    pages) what="module: ll.corpus alone (no index)" ;;
    lua) what="$LUA -e '' (start-up; its peak is perf's)" ;;
  esac
  printf '%-52s wall %-22s CPU %-22s %s kB\n' "$what" "$(med $n 1) ($(spread $n 1))" \
    "$(med $n 2) ($(spread $n 2))" "$(med $n 3)"
done
echo "in process (explanations):"
printf '%-52s %8s s\n' "  CPU of ll.corpus (read, HTML, parse; both threads)" "$tload"
printf '%-52s %8s s\n' "  CPU of the indexes (first query)" "$tindex"
printf '%-52s %8s s\n' "C core alone, one thread: reader + parser + index" "$tcore"
printf '%-52s %8s ms  (%s lines)\n' "concordance of '$WORD' over the corpus, scope all" \
  "$(awk "BEGIN { printf \"%.1f\", $tconc * 1000 }")" "$nconc"
# (timing.sh's peak is perf's, about 14.6 MB, where the command's is less)
full=$(med mod 3)
base=$(/usr/bin/time -f '%M' $LUA -e '' 2>&1 >/dev/null | tail -1)
echo
echo "ratios:"
echo "  load + index vs xmllint parsing:      $(ratio "$tmod" "$txml")x wall, $(ratio "$(med mod 2)" "$(med xml 2)")x CPU  (goal <= 1.5x; load alone $(ratio "$tpages" "$txml")x wall; C core alone, one thread, $(ratio "$tcore" "$txml")x)"
echo "  peak memory / corpus size:            $(ratio "$full * 1024" "$bytes")x  (goal <= 3x; $full KB peak RSS, lua alone $base KB)"
