#!/usr/bin/env bash
# The backtest on real district data: the shared police.uk Kent street files for all of 2025 cut
# to the Medway 2023 wards, 6 circles of 300 m, 3 training months (9 folds), every method. Prints
# the whole process's time (load included) for 3 runs, then the summary and the capture curves
# of the last (issue 23's target: under 10 s on 2 cores).
# Usage: bench/run_backtest_real.sh [build dir] [realdata dir]
set -euo pipefail
build=${1:-build}
real=${2:-../shared/realdata}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
for m in 01 02 03 04 05 06 07 08 09 10 11 12; do
  ln -s "$(realpath "$real/crime/2025-$m-kent-street.csv")" "$work/"
done
wards="$real/boundaries/medway_wards_2023_E06000035.geojson"
for run in 1 2 3; do
  /usr/bin/time -f "backtest run $run (load + 9 folds, 8 methods): %e s" \
    "$build/bin/streetweek" backtest --quiet --wards "$wards" --incidents "$work" \
    >"$work/out.txt" 2>"$work/time.txt"
  tail -1 "$work/time.txt"
done
sed -n '/^Over/,$p' "$work/out.txt"
