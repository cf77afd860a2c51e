#!/usr/bin/env bash
# Postcode placement benchmark (issue 30): 1,000,000 partner rows with a postcode and no
# coordinates, placed through a 2,600,000-row postcode file with NSPL's columns, then
# assigned to the sample's wards (`streetweek info`, the whole load). Prints the median of 3
# runs, split into reading the postcode file alone and the whole load. Target: under 3 s on
# 2 cores.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps >/dev/null
cmake -S . -B build -G Ninja -DCMAKE_BUILD_TYPE=Release >/dev/null
cmake --build build --target streetweek >/dev/null
work=${BENCH_DIR:-build/bench-data}
mkdir -p "$work"
nspl=$work/nspl_2600k.csv
log=$work/postcode_log_1m.csv
if [[ ! -f $nspl || ! -f $log ]]; then
  echo "Preparing a 2.6-million-row postcode file and a 1-million-row extract..."
  awk 'BEGIN {
    srand(7); L = "ABCDEFGHJKLMNPQRSTUWXYZ"; n = 0;
    print "pcd,pcd2,pcds,dointr,doterm,oseast1m,osnrth1m,lat,long";
    for (a = 1; a <= 23 && n < 2600000; a++) for (b = 1; b <= 23 && n < 2600000; b++)
      for (d = 1; d <= 99 && n < 2600000; d++) for (s = 0; s <= 9 && n < 2600000; s++)
        for (u = 1; u <= 5 && n < 2600000; u++) {
          pc = substr(L, a, 1) substr(L, b, 1) d " " s substr(L, u, 1) substr(L, (u * 7 + s) % 23 + 1, 1);
          term = (n % 20 == 0) ? "201505" : "";
          printf "%s,%s,%s,198001,%s,%d,%d,51.4,0.5\n", pc, pc, pc, term, 560000 + int(rand() * 30000), 160000 + int(rand() * 20000);
          n++;
        }
  }' > "$nspl"
  awk -F, 'NR > 1 { pcs[NR - 1] = $3 } END {
    srand(11); print "Ref,Postcode,Date,Category"; n = NR - 1;
    for (i = 1; i <= 1000000; i++) printf "R%d,%s,2025-%02d-%02d,Noise nuisance\n", i, pcs[int(rand() * n) + 1], i % 12 + 1, i % 28 + 1;
  }' "$nspl" > "$log"
fi
echo "Postcode file: $(($(wc -l < "$nspl") - 1)) rows, $(du -m "$nspl" | cut -f1) MB; extract: $(($(wc -l < "$log") - 1)) rows"
export XDG_CONFIG_HOME=$work/config
median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
secs() { local t0 t1; t0=$(date +%s%N); "$@" >/dev/null 2>&1 || true; t1=$(date +%s%N)
  printf '%d.%03d\n' $(((t1 - t0) / 1000000000)) $((((t1 - t0) / 1000000) % 1000)); }
wards=geodata/medway_wards_2023.geojson
whole=$(for i in 1 2 3; do secs build/bin/streetweek info --quiet --wards "$wards" --incidents "$log" --postcodes "$nspl"; done | median)
build/bin/streetweek info --quiet --wards "$wards" --incidents "$log" --postcodes "$nspl" 2>&1 | grep -E "postcode|rows read|Total" | head -6
echo
echo "Whole load (postcode file + 1M rows placed + wards + masking): median ${whole} s on $(nproc) cores (target < 3 s)"
