#!/usr/bin/env bash
# Suggest on real district data: the shared police.uk Kent street files for 2025-01..03 cut to
# the Medway 2023 wards (issue: the planner proves its choice). Prints Suggest's own time
# (median of 5, without the load), the candidates and the proof or gap for 6 x 300 m and for
# 8 x 150 m with centres 500 m apart, then the CLI with the savvy and college presets.
# Usage: bench/run_planner_real.sh [build dir] [realdata dir]
set -euo pipefail
build=${1:-build}
real=${2:-../shared/realdata}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
for m in 01 02 03; do ln -s "$(realpath "$real/crime/2025-$m-kent-street.csv")" "$work/"; done
wards="$real/boundaries/medway_wards_2023_E06000035.geojson"
"$build/bin/bench_planner" --suggest-only --wards "$wards" --incidents "$work" --weeks 6 \
  --radius 300 --min-gap 0 --runs 5
"$build/bin/bench_planner" --suggest-only --wards "$wards" --incidents "$work" --weeks 8 \
  --radius 150 --min-gap 200 --runs 5
for preset in savvy college; do
  /usr/bin/time -f "suggest --preset $preset --weeks 8 (load + suggest): %e s" \
    "$build/bin/streetweek" suggest --quiet --wards "$wards" --incidents "$work" --weeks 8 \
    --preset "$preset" --out "$work/$preset.gpkg" 2>&1 | grep -E "Together|Optimal|Not proved|load"
done
