#!/usr/bin/env bash
# Side-by-side KDE comparison on Case A (issue: hotspot engine): 1,000,000 synthetic incidents
# (streetweek sample --scale), cell 10 m, radius 250 m, quartic, raw units, the same points in
# one GeoPackage for every tool, the same output grid:
#   streetweek kde   vs   QGIS 3.22 Heatmap (qgis:heatmapkerneldensityestimation)
#                    vs   GRASS 8.2 v.kernel
# Prints wall times and ratios, and the largest difference between streetweek's and QGIS's
# rasters. `--install` installs qgis and grass-core first. GRASS is slow: it is given up to
# GRASS_TIMEOUT seconds (default 1800) and reported as "over" if it runs longer.
set -euo pipefail
cd "$(dirname "$0")/.."
if [[ "${1:-}" == "--install" ]]; then
  apt-get install -y -qq --no-install-recommends qgis qgis-providers grass-core >/dev/null
fi
command -v qgis_process.bin >/dev/null || { echo "QGIS is not installed (run with --install)"; exit 1; }
command -v grass >/dev/null || { echo "GRASS is not installed (run with --install)"; exit 1; }
cmake --build build --target streetweek bench_kde >/dev/null
work=${BENCH_DIR:-build/bench-data}
[[ -f $work/police_1m.csv ]] || bench/run_load_bench.sh >/dev/null
pts=$work/points_1m_27700.gpkg
if [[ ! -f $pts ]]; then
  ogr2ogr -f GPKG "$pts" "$work/police_1m.csv" -oo X_POSSIBLE_NAMES=Longitude -oo Y_POSSIBLE_NAMES=Latitude \
    -s_srs EPSG:4326 -t_srs EPSG:27700 -nln pts -select "Crime type" -skipfailures >/dev/null 2>&1
fi
n=$(ogrinfo -so "$pts" pts | sed -n 's/Feature Count: //p')
echo "Points: $n (rows without coordinates have no geometry and are skipped by every tool)"
now() { date +%s.%N; }
secs() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", b - a }'; }

export QT_QPA_PLATFORM=offscreen XDG_RUNTIME_DIR=/tmp/runtime-$$
mkdir -p "$XDG_RUNTIME_DIR"
t0=$(now)
qgis_process.bin run qgis:heatmapkerneldensityestimation -- INPUT="$pts" RADIUS=250 PIXEL_SIZE=10 KERNEL=0 \
  OUTPUT_VALUE=0 OUTPUT="$work/qgis_heatmap.tif" >/dev/null 2>&1
t1=$(now)
qgis_s=$(secs "$t0" "$t1")
# QGIS sizes its grid from the layer extent buffered by the radius; use the same grid for ours.
read -r xsize ysize < <(gdalinfo "$work/qgis_heatmap.tif" | sed -n 's/^Size is \([0-9]*\), \([0-9]*\)/\1 \2/p')
read -r x0 y1 < <(gdalinfo "$work/qgis_heatmap.tif" | sed -n 's/^Origin = (\([-0-9.]*\),\([-0-9.]*\))/\1 \2/p')
extent=$(awk -v x0="$x0" -v y1="$y1" -v nx="$xsize" -v ny="$ysize" 'BEGIN { printf "%.6f,%.6f,%.6f,%.6f", x0, y1 - ny * 10, x0 + nx * 10, y1 }')
echo "Grid: $xsize x $ysize cells of 10 m (QGIS's extent: $extent)"

t0=$(now)
ours_out=$(build/bin/streetweek kde --incidents "$pts" --radius 250 --cell 10 --units raw --extent "$extent" \
  --out "$work/streetweek_kde.tif")
t1=$(now)
ours_s=$(secs "$t0" "$t1")
ours_kde_s=$(echo "$ours_out" | sed -n 's/^Computed in \([0-9.]*\) s.*/\1/p')
t0=$(now)
build/bin/streetweek kde --incidents "$work/police_1m.csv" --radius 250 --cell 10 --units raw --extent "$extent" \
  --out "$work/streetweek_kde_csv.tif" >/dev/null
t1=$(now)
ours_csv_s=$(secs "$t0" "$t1")

grass_s=over
if [[ "${SKIP_GRASS:-}" == "1" ]]; then
  grass_s=skipped
else
  cat > "$work/grass_kernel.sh" <<GRASS
g.region n=$y1 s=$(awk -v y1="$y1" -v ny="$ysize" 'BEGIN { print y1 - ny * 10 }') w=$x0 e=$(awk -v x0="$x0" -v nx="$xsize" 'BEGIN { print x0 + nx * 10 }') res=10
v.in.ogr input=$PWD/$pts layer=pts output=pts -o --quiet
start=\$(date +%s.%N)
v.kernel input=pts output=density radius=250 kernel=quartic --quiet
end=\$(date +%s.%N)
echo "vkernel_seconds \$(awk -v a=\$start -v b=\$end 'BEGIN { printf "%.2f", b - a }')"
GRASS
  if out=$(timeout "${GRASS_TIMEOUT:-1800}" grass --tmp-location EPSG:27700 --exec bash "$work/grass_kernel.sh" 2>/dev/null); then
    grass_s=$(echo "$out" | sed -n 's/^vkernel_seconds //p')
  fi
fi

echo
echo "streetweek kde (GeoPackage in, GeoTIFF out, whole command): ${ours_s} s (KDE itself ${ours_kde_s} s)"
echo "streetweek kde (police.uk CSV in, whole command):          ${ours_csv_s} s"
echo "QGIS 3.22 Heatmap (qgis_process, whole command):          ${qgis_s} s"
echo "GRASS 8.2 v.kernel (the v.kernel step only):               ${grass_s} s"
awk -v q="$qgis_s" -v o="$ours_s" -v k="$ours_kde_s" 'BEGIN { printf "ratio QGIS / streetweek: %.0fx whole command, %.0fx KDE compute\n", q / o, q / k }'
if [[ $grass_s == skipped ]]; then
  echo "GRASS v.kernel skipped (SKIP_GRASS=1)"
elif [[ $grass_s != over ]]; then
  awk -v g="$grass_s" -v o="$ours_s" -v k="$ours_kde_s" 'BEGIN { printf "ratio GRASS v.kernel / streetweek: %.0fx whole command, %.0fx KDE compute\n", g / o, g / k }'
else
  echo "GRASS v.kernel did not finish within ${GRASS_TIMEOUT:-1800} s"
fi
build/bin/bench_kde compare "$work/streetweek_kde.tif" "$work/qgis_heatmap.tif"
