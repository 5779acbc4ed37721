#!/bin/sh
# bench/html_run.sh: the HTML corpus benchmark of issue #6, in one run
# (`make bench` runs it after bench/run.sh). Loads and indexes every page of
# ../shared/corpus (1,728 MIA pages, HTML) and compares with xmllint merely
# parsing the same files; a concordance over the whole corpus; peak memory
# against the corpus's size. Timings are the best of three rounds, each
# round timing xmllint and the module in turn.
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

# wall time of one run of a command, in seconds
wall() {
  s=$(date +%s.%N); "$@" > /dev/null 2>&1 || true; e=$(date +%s.%N)
  awk "BEGIN { printf \"%.4f\", $e - $s }"
}
min() { awk -v a="$1" -v b="$2" 'BEGIN { print (a == "" || b + 0 < a + 0) ? b : a }'; }
best() {
  b=""
  for _ in 1 2 3; do b=$(min "$b" "$(wall "$@")"); done
  echo "$b"
}
ratio() { awk "BEGIN { printf \"%.2f\", ($1) / ($2) }"; }
xml() { xargs xmllint --html --noout < "$files"; }

echo "HTML corpus: $CORPUS, $npages pages, $bytes bytes"
# the three timed in turn, three rounds, the best of each: the machine is
# shared, and what slows one round slows the three alike
txml=""; tmod=""; tpages=""
for _ in 1 2 3; do
  txml=$(min "$txml" "$(wall xml)")
  tmod=$(min "$tmod" "$(wall $LUA bench/html_bench.lua load "$CORPUS" $WORD)")
  tpages=$(min "$tpages" "$(wall $LUA bench/html_bench.lua pages "$CORPUS")")
done
tlua=$(best $LUA -e '')
m=$($LUA bench/html_bench.lua times "$CORPUS" $WORD)
tload=$(echo "$m" | awk '$1 == "load" {print $2}')
tindex=$(echo "$m" | awk '$1 == "index" {print $2}')
tconc=$(echo "$m" | awk '$1 == "concordance" {print $2}')
nconc=$(echo "$m" | awk '$1 == "concordance" {print $3}')
tcore=$(echo "$m" | awk '$1 == "core" {print $2}')
printf '%-52s %8s s\n' "xmllint --html --noout, every page" "$txml"
printf '%-52s %8s s\n' "module: whole process, ll.corpus + every index" "$tmod"
printf '%-52s %8s s\n' "module: whole process, ll.corpus alone (no index)" "$tpages"
printf '%-52s %8s s\n' "  CPU of ll.corpus (read, HTML, parse; both threads)" "$tload"
printf '%-52s %8s s\n' "  CPU of the indexes (first query)" "$tindex"
printf '%-52s %8s s\n' "C core alone, one thread: reader + parser + index" "$tcore"
printf '%-52s %8s s\n' "lua5.4 -e '' (start-up)" "$tlua"
printf '%-52s %8s ms  (%s lines)\n' "concordance of '$WORD' over the corpus, scope all" \
  "$(awk "BEGIN { printf \"%.1f\", $tconc * 1000 }")" "$nconc"
rss() { /usr/bin/time -f '%M' "$@" 2>&1 >/dev/null | tail -1; }
full=$(rss $LUA bench/html_bench.lua load "$CORPUS" $WORD)
base=$(rss $LUA -e '')
echo
echo "ratios:"
echo "  load + index vs xmllint parsing:      $(ratio "$tmod" "$txml")x  (goal <= 1.5x; load alone $(ratio "$tpages" "$txml")x; C core alone, one thread, $(ratio "$tcore" "$txml")x)"
echo "  peak memory / corpus size:            $(ratio "$full * 1024" "$bytes")x  (goal <= 3x; $full KB peak RSS, lua alone $base KB)"
