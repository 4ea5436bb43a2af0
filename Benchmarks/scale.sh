#!/usr/bin/env bash
# Scale check: a 20,000,000-line engagement month (about 16 GB) with 1,000,000 catalog rows.
# Prints wall time and peak RSS of `soundlink-recon run` (release build), with the page cache warm
# as for the floors (the files are read once first: DuckDB's 18 GB run just before in all.sh
# would otherwise leave part of the 16 GB to be read from disk, which times the disk, not the job).
#
#   Benchmarks/scale.sh [ENGAGEMENT_LINES]
set -euo pipefail
cd "$(dirname "$0")/.."
lines=${1:-20000000}
data=Benchmarks/data/scale-$lines
scripts/install-deps.sh
if [ ! -f "$data/.complete" ]; then
  rm -rf "$data"
  python3 Benchmarks/generate.py "$data" --catalog-rows 1000000 --breakdown-rows 0 --engagement-rows "$lines"
  touch "$data/.complete"
fi
swift build -c release --product soundlink-recon >&2
echo "input: $(du -sh --apparent-size "$data/engagement" | cut -f1) of engagement exports" >&2
start=$(date +%s.%N)
cat "$data"/engagement/*.jsonl "$data"/catalogs/*.csv > /dev/null
echo "warm-up read of the inputs (page cache): $(python3 -c "print(round($(date +%s.%N) - $start, 1))") s"
out=$(mktemp -d)
# Engagement only, so the default gate nothing_kept (breakdown rows) is turned off; no workbook.
/usr/bin/time -v .build/release/soundlink-recon run --quiet --allow-empty --no-workbook --no-cache --out "$out/out" \
  --catalog "$data/catalogs/p0.csv" --catalog "$data/catalogs/p1.csv" \
  --catalog "$data/catalogs/p2.csv" --catalog "$data/catalogs/p3.csv" \
  --engagement "$data/engagement" 2> "$out/time.log"
grep -E "Elapsed|Maximum resident" "$out/time.log"
python3 -c "import json,sys; s=json.load(open(sys.argv[1])); print('engagement', s['inputs']['engagement'])" "$out/out/summary.json"
rm -rf "$out"
