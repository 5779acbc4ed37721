# bench/timing.sh: the timing helpers of the whole-process benchmarks
# (index_run.sh, bigpage_run.sh), sourced with OUT (their output folder)
# and TAG (a prefix for this script's files in it, may be empty) set.
#   run NAME CMD...   runs CMD once, appends "wall cpu peak_kb" to
#                     $OUT/$TAG$NAME.t (CPU from perf stat's task-clock where
#                     perf is there, all threads: /usr/bin/time counts in
#                     10 ms steps; peak memory from /usr/bin/time)
#   col NAME K        median, min and max of column K (1 wall, 2 cpu, 3 peak kB)
#   med NAME K, spread NAME K, ratio A B
PERF=
if perf stat -x, -e task-clock -o /dev/null true > /dev/null 2>&1; then
  PERF="perf stat -x, -e task-clock -o $OUT/${TAG}perf.csv"
fi
run() {
  name=$TAG$1
  shift
  s=$(date +%s%N)
  /usr/bin/time -f "%U %S %M" -o "$OUT/$name.rusage" $PERF "$@" > /dev/null 2>&1
  e=$(date +%s%N)
  cpu=$(awk '{ printf "%.3f", $1 + $2 }' "$OUT/$name.rusage")
  [ -n "$PERF" ] && cpu=$(awk -F, '/task-clock/ { printf "%.4f", $1 / 1000 }' "$OUT/${TAG}perf.csv")
  awk -v s="$s" -v e="$e" -v c="$cpu" '{ printf "%.4f %s %d\n", (e - s) / 1e9, c, $3 }' \
    "$OUT/$name.rusage" >> "$OUT/$name.t"
}
col() {
  sort -n -k"$2","$2" "$OUT/$TAG$1.t" | awk -v k="$2" '{ v[NR] = $k }
    END { m = (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2
          printf "%s %s %s\n", m, v[1], v[NR] }'
}
med() { col "$1" "$2" | cut -d' ' -f1; }
spread() { col "$1" "$2" | awk '{ printf "%s-%s", $2, $3 }'; }
ratio() { awk "BEGIN { if (($2) > 0) printf \"%.2f\", ($1) / ($2); else printf \"-\" }"; }
rm -f "$OUT/$TAG"*.t
