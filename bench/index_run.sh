#!/bin/sh
# bench/index_run.sh: index files (issue #16), in one run (`make bench`).
# Every figure is whole-process and cold: a new process each time (the page
# cache stays warm: the machine is shared), the median of RUNS (default 5)
# runs, each run alternating with its peer's, with the spread (min-max).
# Peers: xmllint --html --noout (parsing the same HTML), Xapian's omindex
# and quest (Debian xapian-omega and xapian-tools), and --dir (parsing every
# page in every process, as before index files).
set -e
cd "$(dirname "$0")/.."
LUA=${LUA:-lua5.4}
RUNS=${RUNS:-5}
SAMPLE=${SAMPLE:-../shared/corpus}
OUT=${OUT:-bench/out}
PHRASE="Black Hundreds"
export LUA_PATH='lua/?.lua;lua/?/init.lua;data/?.lua;;'
export LUA_CPATH='build/lua5.4/?.so;;'
# the command line's bytecode cache (bin/leninletter): its own folder here,
# emptied before each first run below
export LENINLETTER_CACHE="$OUT/luacache"
mkdir -p "$OUT"
LL="$LUA bin/leninletter"

if [ ! -d "$SAMPLE" ]; then echo "index bench: no sample at $SAMPLE (set SAMPLE)"; exit 0; fi
xapian=1
if ! command -v omindex > /dev/null || ! command -v quest > /dev/null; then
  xapian=0
  echo "index bench: Xapian is not installed; its figures are left out."
  echo "  To compare: apt-get install xapian-omega xapian-tools (omindex, quest)"
fi

TAG=
. bench/timing.sh

pages=$(find "$SAMPLE" -type f \( -name '*.htm' -o -name '*.html' -o -name '*.txt' \) | wc -l)
html=$(find "$SAMPLE" -type f \( -name '*.htm' -o -name '*.html' -o -name '*.txt' \) -print0 | xargs -0 cat | wc -c)
echo "index files: $SAMPLE, $pages pages, $html bytes; $RUNS runs each, median (min-max)"
echo "machine: $(uname -srm), $(nproc) CPUs; lua: $($LUA -v 2>&1)"

i=0
while [ $i -lt "$RUNS" ]; do
  run build $LL index "$SAMPLE" -o "$OUT/sample.llx"
  run xmllint sh -c "find '$SAMPLE' -type f -name '*.htm*' -print0 | xargs -0 xmllint --html --noout"
  if [ $xapian = 1 ]; then
    rm -rf "$OUT/xapian"
    run omindex omindex --db "$OUT/xapian" --url / "$SAMPLE"
  fi
  i=$((i + 1))
done
size=$(wc -c < "$OUT/sample.llx")
i=0
while [ $i -lt "$RUNS" ]; do
  # a first run compiles the Lua modules and writes their bytecode to the
  # cache; the runs after it, as every later command, load that
  rm -rf "$LENINLETTER_CACHE"
  run kwic_first $LL kwic "$PHRASE" --index "$OUT/sample.llx"
  run kwic_index $LL kwic "$PHRASE" --index "$OUT/sample.llx"
  [ $xapian = 1 ] && run quest quest -d "$OUT/xapian" "\"$PHRASE\""
  run kwic_dir $LL kwic "$PHRASE" --dir "$SAMPLE"
  i=$((i + 1))
done
n_index=$($LL kwic "$PHRASE" --index "$OUT/sample.llx" 2> /dev/null | wc -l)
n_dir=$($LL kwic "$PHRASE" --dir "$SAMPLE" 2> /dev/null | wc -l)

echo
printf '%-46s %-26s %-26s %-8s %s\n' measure module peer ratio goal
printf '%-46s %-26s %-26s %-8s %s\n' "build the sample's index: CPU s" \
  "$(med build 2) ($(spread build 2))" "xmllint $(med xmllint 2) ($(spread xmllint 2))" \
  "$(ratio "$(med build 2)" "$(med xmllint 2)")x" "<= 1.0x"
printf '%-46s %-26s %-26s %-8s %s\n' "  the same, wall s" \
  "$(med build 1) ($(spread build 1))" "xmllint $(med xmllint 1) ($(spread xmllint 1))" \
  "$(ratio "$(med build 1)" "$(med xmllint 1)")x" "-"
if [ $xapian = 1 ]; then
  xsize=$(du -sb "$OUT/xapian" | cut -f1)
  printf '%-46s %-26s %-26s %-8s %s\n' "  against Xapian omindex, wall s" \
    "$(med build 1)" "omindex $(med omindex 1) ($(spread omindex 1))" \
    "$(ratio "$(med build 1)" "$(med omindex 1)")x" "-"
fi
printf '%-46s %-26s %-26s %-8s %s\n' "index file / HTML bytes" "$size B" "$html B" \
  "$(ratio "$size" "$html")x" "<= 1.5x"
[ $xapian = 1 ] && printf '%-46s %-26s %-26s %-8s %s\n' "  Xapian's database / HTML bytes" \
  "-" "$xsize B" "$(ratio "$xsize" "$html")x" "-"
if [ $xapian = 1 ]; then
  printf '%-46s %-26s %-26s %-8s %s\n' "kwic \"$PHRASE\" --index vs quest, wall s" \
    "$(med kwic_index 1) ($(spread kwic_index 1))" "quest $(med quest 1) ($(spread quest 1))" \
    "$(ratio "$(med kwic_index 1)" "$(med quest 1)")x" "<= 1.0x"
fi
if [ $xapian = 1 ]; then
  printf '%-46s %-26s %-26s %-8s %s\n' "  the same, CPU s" \
    "$(med kwic_index 2) ($(spread kwic_index 2))" "quest $(med quest 2) ($(spread quest 2))" \
    "$(ratio "$(med kwic_index 2)" "$(med quest 2)")x" "-"
  printf '%-46s %-26s %-26s %-8s %s\n' "  a first run (no bytecode cached), wall s" \
    "$(med kwic_first 1) ($(spread kwic_first 1))" "quest $(med quest 1)" \
    "$(ratio "$(med kwic_first 1)" "$(med quest 1)")x" "-"
fi
printf '%-46s %-26s %-26s %-8s %s\n' "kwic \"$PHRASE\": --dir / --index, wall s" \
  "$(med kwic_index 1)" "--dir $(med kwic_dir 1) ($(spread kwic_dir 1))" \
  "$(ratio "$(med kwic_dir 1)" "$(med kwic_index 1)")x" ">= 30x"
printf '%-46s %-26s %-26s %-8s %s\n' "  the same, CPU s" \
  "$(med kwic_index 2)" "--dir $(med kwic_dir 2) ($(spread kwic_dir 2))" \
  "$(ratio "$(med kwic_dir 2)" "$(med kwic_index 2)")x" ">= 30x"
echo "  (the same $n_index lines from --index as from --dir: $n_dir)"

# the 20x corpus: built page by page, 128 pages in memory at once; both
# builds under nice, as measured for bench/README.md
sh bench/gen_corpus20.sh "$SAMPLE" "$OUT/corpus20"
i=0
while [ $i -lt "$RUNS" ]; do
  run build20 nice $LL index "$OUT/corpus20" -o "$OUT/corpus20.llx"
  run build nice $LL index "$SAMPLE" -o "$OUT/sample.llx"
  i=$((i + 1))
done
size20=$(wc -c < "$OUT/corpus20.llx")
printf '%-46s %-26s %-26s %-8s %s\n' "20x corpus ($((pages * 20)) pages), wall s" \
  "$(med build20 1) ($(spread build20 1))" "sample $(med build 1)" \
  "$(ratio "$(med build20 1)" "$(med build 1)")x" "<= 20x"
printf '%-46s %-26s %-26s %-8s %s\n' "  the same, CPU s" \
  "$(med build20 2) ($(spread build20 2))" "sample $(med build 2)" \
  "$(ratio "$(med build20 2)" "$(med build 2)")x" "<= 20x"
# each round's ratio (the 20x corpus over the sample built just after it),
# whose median moves less with the machine's load than the medians' ratio
rounds=$(tail -n "$RUNS" "$OUT/build.t" | paste "$OUT/build20.t" - |
  awk '{ if ($5 > 0) print $2 / $5 }' | sort -n |
  awk '{ r[NR] = $1 } END { if (NR) printf "%.2f (%.2f-%.2f)", r[int((NR + 1) / 2)], r[1], r[NR] }')
printf '%-46s %-26s %-26s %-8s %s\n' "  the same, each round's CPU ratio" "$rounds" "-" "-" "<= 20x"
printf '%-46s %-26s %-26s %-8s %s\n' "  its peak memory, MB" \
  "$(awk "BEGIN { printf \"%.0f\", $(med build20 3) / 1024 }") ($(spread build20 3) kB)" "-" "-" "< 1024 MB"
printf '%-46s %-26s %-26s %-8s %s\n' "  its index file, MB" \
  "$(awk "BEGIN { printf \"%.0f\", $size20 / 1e6 }")" "-" "-" "-"
i=0
while [ $i -lt "$RUNS" ]; do
  run kwic20 $LL kwic "$PHRASE" --index "$OUT/corpus20.llx"
  run kwic_index $LL kwic "$PHRASE" --index "$OUT/sample.llx"
  i=$((i + 1))
done
printf '%-46s %-26s %-26s %-8s %s\n' "  kwic \"$PHRASE\" on it, wall s" \
  "$(med kwic20 1) ($(spread kwic20 1))" "sample $(med kwic_index 1)" \
  "$(ratio "$(med kwic20 1)" "$(med kwic_index 1)")x" "-"
