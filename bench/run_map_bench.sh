#!/usr/bin/env bash
# Map benchmarks (issue: interactive map), never a pass/fail on time:
#  1. frame time with 1,000,000 incidents (every default layer shown, ~1.6 million points), the
#     density texture and the 22 sample wards at 1600x900, under Xvfb (Mesa llvmpipe when no
#     GPU): with the point level of detail (default) and drawing every point;
#  2. the time from a change of the month range to the new density, hotspots and ward profile
#     on the bundled sample (~96,000 incidents).
set -euo pipefail
cd "$(dirname "$0")/.."
cmake --build build --target streetweek bench_map_analysis >/dev/null
work=${BENCH_DIR:-build/bench-data}
[[ -f $work/police_1m.csv ]] || bench/run_load_bench.sh >/dev/null
[[ -f $work/sample/synthetic_medway_wards.geojson ]] ||
  build/bin/streetweek sample --zip --out "$work/sample" >/dev/null
wards=$work/sample/synthetic_medway_wards.geojson
run() {
  xvfb-run -a -s "-screen 0 1700x1000x24" build/bin/streetweek gui --wards "$wards" \
    --incidents "$work/police_1m.csv" --screenshot "$work/map_frame.png" --size 1600x900 \
    --frames 30 --frame-stats --cell 25 "$@" | grep '^Frame'
}
echo "== Frame time, 1,000,000 incidents, density on, panels shown"
run
echo "== The same, map only (no panels)"
run --hide-panels
echo "== No points (wards, density, hotspots, UI)"
run --no-points
glxinfo -B 2>/dev/null | grep -E "renderer string" || true
echo "== Month range change to new density (bundled sample)"
build/bin/bench_map_analysis
