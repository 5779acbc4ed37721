#!/bin/sh
# bench/gen_corpus20.sh: the synthetic corpus of issue #16, 20 copies of the
# shared sample (../shared/corpus, 1,728 pages) as bench/out/corpus20/copyNN/
# (git-ignored). Each copy is the sample's folder tree with a symbolic link
# for each page (`cp -rs`): 34,560 pages that read as files, without
# copying the sample into the project. Usage: sh bench/gen_corpus20.sh [SAMPLE [OUT]]
set -e
cd "$(dirname "$0")/.."
SAMPLE=$(cd "${1:-../shared/corpus}" && pwd)
OUT=${2:-bench/out/corpus20}
[ -d "$OUT/copy20" ] && exit 0
rm -rf "$OUT"
mkdir -p "$OUT"
i=1
while [ $i -le 20 ]; do
  cp -rs "$SAMPLE" "$OUT/$(printf 'copy%02d' $i)"
  i=$((i + 1))
done
