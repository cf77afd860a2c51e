#!/usr/bin/env bash
# Load benchmark (issue: foundation): 1,000,000 police.uk rows in one CSV, loaded, projected
# to BNG and assigned to the sample's 22 wards; GDAL's CSV driver reads the same file in the
# same run. Prints the median of 3 runs each, peak memory, and the ratio.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps
cmake -S . -B build -G Ninja -DCMAKE_BUILD_TYPE=Release >/dev/null
cmake --build build --target streetweek bench_load >/dev/null
work=${BENCH_DIR:-build/bench-data}
csv=$work/police_1m.csv
if [[ ! -f $csv ]]; then
  echo "Preparing 1,000,000 rows (synthetic sample, --months 12 --scale 21, concatenated)..."
  rm -rf "$work/sample"
  build/bin/streetweek sample --out "$work/sample" --months 12 --scale 21 >/dev/null
  { head -n 1 "$work/sample/incidents/2022-01-synthetic-medway-street.csv"
    for f in "$work"/sample/incidents/*.csv; do tail -n +2 "$f"; done; } > "$csv.all"
  head -n 1000001 "$csv.all" > "$csv"
  rm -f "$csv.all"
fi
wards=$work/sample/synthetic_medway_wards.geojson
echo "File: $csv ($(($(wc -l < "$csv") - 1)) rows, $(du -m "$csv" | cut -f1) MB)"

median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
field() { sed -n "s/.*$1=\([0-9.]*\).*/\1/p"; }
run3() { for i in 1 2 3; do "$@"; done; }

ours_out=$(run3 build/bin/bench_load ours "$csv" "$wards")
ours1_out=$(run3 build/bin/bench_load ours "$csv" "$wards" 1)
gdal_out=$(run3 build/bin/bench_load gdal "$csv")
echo "$ours_out" | head -1
echo "$gdal_out" | head -1
ours_s=$(echo "$ours_out" | field seconds | median)
ours1_s=$(echo "$ours1_out" | field seconds | median)
gdal_s=$(echo "$gdal_out" | field seconds | median)
ours_mib=$(echo "$ours_out" | field peak_mib | sort -n | tail -1)
gdal_mib=$(echo "$gdal_out" | field peak_mib | sort -n | tail -1)
echo
echo "streetweek load+project+assign, all cores: median ${ours_s} s, peak ${ours_mib} MiB (target <= 2 s, < 400 MB)"
echo "streetweek load+project+assign, 1 thread:  median ${ours1_s} s"
echo "GDAL CSV driver, read only:                median ${gdal_s} s, peak ${gdal_mib} MiB"
awk -v a="$gdal_s" -v b="$ours_s" 'BEGIN {printf "ratio: GDAL read-only time / streetweek full load time = %.1fx\n", a / b}'
