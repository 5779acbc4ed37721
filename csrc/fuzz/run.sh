#!/bin/sh
# run.sh: runs libFuzzer harnesses, JOBS at a time, SECONDS each, over their
# seeds (csrc/fuzz/seeds/NAME committed, build/fuzz/seeds/NAME built by
# mkseeds.lua) into a growing corpus build/fuzz/corpus/NAME; crashes go to
# build/fuzz/artifacts/. Ends with "N passed, N failed" (a harness that
# crashed, leaked or timed out fails).  Usage: run.sh SECONDS JOBS NAME...
set -u
secs=$1 jobs=$2
shift 2
dir=build/fuzz
: "${SHARED:=../shared}" "${LUA:=lua5.4}"

# the largest input each harness tries: pages are large (past 128 KB, where
# quadratic costs show: issue #19), queries short; big repeats its input
maxlen() {
  case $1 in
    page) echo 524288 ;; html) echo 524288 ;; big) echo 65536 ;; query) echo 512 ;;
    sent) echo 8192 ;; dates) echo 4096 ;; entities) echo 16384 ;; *) echo 65536 ;;
  esac
}

if [ "${1:-}" = "--one" ]; then
  name=$2
  mkdir -p "$dir/corpus/$name" "$dir/artifacts" "csrc/fuzz/seeds/$name"
  # libxml2 2.9.14 leaks on some of its own paths after one of its
  # allocations failed (fuzz_html fails them): csrc/test/lsan-libxml2.supp
  mkdir -p "$dir/seeds/$name"
  LSAN_OPTIONS=suppressions=csrc/test/lsan-libxml2.supp:print_suppressions=0 \
  "$dir/fuzz_$name" -max_total_time="$secs" -max_len="$(maxlen "$name")" \
    -timeout=25 -rss_limit_mb=2560 -print_final_stats=1 \
    -artifact_prefix="$dir/artifacts/$name-" \
    "$dir/corpus/$name" "csrc/fuzz/seeds/$name" "$dir/seeds/$name" \
    > "$dir/$name.log" 2>&1
  echo $? > "$dir/$name.rc"
  exit 0
fi

rm -rf "$dir/seeds"
$LUA csrc/fuzz/mkseeds.lua "$SHARED" "$dir/seeds" || { echo "0 passed, 1 failed"; exit 1; }
echo "fuzzing $*: $secs s each, $jobs at a time"
for n in "$@"; do rm -f "$dir/$n.rc"; done
printf '%s\n' "$@" | xargs -P "$jobs" -I{} sh "$0" "$secs" "$jobs" --one {}

passed=0 failed=0
for n in "$@"; do
  log=$dir/$n.log
  rc=$(cat "$dir/$n.rc" 2>/dev/null || echo 1)
  runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -1)
  speed=$(sed -n 's/^stat::average_exec_per_sec: *//p' "$log" | tail -1)
  cov=$(grep -o 'cov: [0-9]*' "$log" | tail -1)
  size=$(ls "$dir/corpus/$n" | wc -l)
  if [ "$rc" -eq 0 ]; then
    passed=$((passed + 1))
    echo "fuzz $n: ${runs:-?} executions (${speed:-?}/s), $cov, corpus $size inputs: nothing found"
  else
    failed=$((failed + 1))
    echo "fuzz $n: FAILED (exit $rc) after ${runs:-?} executions; see $log"
    grep -E 'ERROR|invariant|Test unit written|SUMMARY' "$log" | head -20
  fi
done
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
