#!/usr/bin/env bash
# Suggest 8 street-week areas on about 1,000,000 synthetic incidents (12 months x 84,000):
# prints the load time and the suggest time the command reports (target: suggest under 1 s on
# a 2-core machine), then (bench_planner) Suggest without the load and the live statistics of
# an area dragged across the map, per frame; then Suggest on the same incidents with unique
# coordinates. Usage: bench/run_suggest_bench.sh [build dir]
set -euo pipefail
build=${1:-build}
bin="$build/bin/streetweek"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
"$bin" sample --out "$work" --months 12 --scale 21 >/dev/null
wards="$work/synthetic_medway_wards.geojson"
inc="$work/incidents"
echo "incidents: $(cat "$inc"/*.csv | wc -l) lines in $(ls "$inc" | wc -l) files"
/usr/bin/time -f "info (load only): %e s, %M KB" "$bin" info --quiet --wards "$wards" --incidents "$inc" 2>&1 >/dev/null | grep -v "^warning\|^note"
/usr/bin/time -f "suggest 8 areas (load + suggest): %e s, %M KB" "$bin" suggest --quiet --wards "$wards" \
  --incidents "$inc" --weeks 8 --min-gap 100 --out "$work/plan.gpkg" 2>&1 | grep -E "Together|Greedy|Candidates|Optimal|Not proved|suggest 8"
# In process, without the load: Suggest's own time and the live statistics of a dragged area.
"$build/bin/bench_planner" --wards "$wards" --incidents "$inc"
# The same incidents moved by up to 30 m each, so no two share a coordinate (geocoded to the
# metre): too many pairs for every placement, so the lattice (refined by local moves).
uniq="$work/unique"
mkdir -p "$uniq"
for f in "$inc"/*.csv; do
  awk -F, -v OFS=, 'BEGIN{srand(7)} NR==1{print;next}
    {$5=sprintf("%.7f",$5+(rand()-0.5)*0.0006); $6=sprintf("%.7f",$6+(rand()-0.5)*0.0004); print}'     "$f" > "$uniq/$(basename "$f")"
done
"$build/bin/bench_planner" --suggest-only --wards "$wards" --incidents "$uniq" --runs 3
