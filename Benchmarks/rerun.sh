#!/usr/bin/env bash
# Benchmark: re-runs during the close with the re-run cache, alternating rounds on the generated month.
#
#   Benchmarks/rerun.sh [ROUNDS] [SCALE]        (DATA=folder to read another generated month)
#
# The month is laid out as `fetch` lays out daily windows: one file per source and report day
# (breakdown/breakdown_2026-04-DD.jsonl, engagement/engagement_2026-04-DD.jsonl; each day's
# re-fetched rows after its first rows), split from the generated month into a temporary folder
# (the generated month is only read). Each round, in this order:
#   cold      no cache beside --out (the run writes one)
#   same      nothing changed since the last run
#   catalog   one catalog edited (a missing track added, or removed again), exports unchanged
#   refetch   the last 7 days' files replaced by a re-fetch (written aside and renamed over, every
#             row with a newer exported_at), catalogs unchanged
#   no-cache  the same inputs with --no-cache (what writing the cache costs a cold run)
# Prints the median wall time and peak RSS (/usr/bin/time -v) of each, the ratios to the cold
# run per round and of the medians (targets: catalog ≤ 0.20, refetch ≤ 0.40), and checks that
# each round's re-fetch run (the first days from the cache, the last ones read) and a last run
# with nothing changed wrote reports byte-identical to the --no-cache run on the same inputs.
set -euo pipefail
cd "$(dirname "$0")/.."
source Benchmarks/month.sh
rounds=${1:-3}
scale=${2:-1}
data=${DATA:-Benchmarks/data/scale-$scale}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

[ -n "${DATA:-}" ] || ensure_month "$data" "$scale"
swift build -c release --product soundlink-recon >&2
bin=$PWD/.build/release/soundlink-recon

echo "splitting $data into one file per source and report day ..." >&2
mkdir -p "$work/in/catalogs"
cp "$data"/catalogs/*.csv "$work/in/catalogs/"
python3 - "$data" "$work/in" <<'PY'
import os, sys
data, out = sys.argv[1], sys.argv[2]
marker = b'"report_date":"'
for source in ("breakdown", "engagement"):
    os.makedirs(f"{out}/{source}", exist_ok=True)
    handles = {}
    for name in sorted(os.listdir(f"{data}/{source}")):
        with open(f"{data}/{source}/{name}", "rb") as lines:
            for line in lines:
                at = line.find(marker) + len(marker)
                day = line[at:at + 10].decode()
                if day not in handles:
                    handles[day] = open(f"{out}/{source}/{source}_{day}.jsonl", "wb", buffering=1 << 20)
                handles[day].write(line)
    for handle in handles.values():
        handle.close()
PY
days=$(ls "$work/in/breakdown" | sed -E 's/.*_([0-9-]+)\.jsonl/\1/' | sort | tail -7)
echo "input: $(du -sh --apparent-size "$work/in" | cut -f1) in $(ls "$work/in"/*/ | grep -c jsonl) export files; re-fetched days: $(echo $days)" >&2

recon() {  # recon OUT [extra options]
  local out=$1; shift
  (cd "$work/in" && /usr/bin/time -v "$bin" run --quiet --no-workbook --out "$out" \
    --catalog catalogs/p0.csv --catalog catalogs/p1.csv --catalog catalogs/p2.csv --catalog catalogs/p3.csv \
    --breakdown breakdown --engagement engagement "$@")
}
measure() {  # measure LABEL COMMAND...: appends "wall_seconds rss_kb" to $work/LABEL
  local label=$1; shift
  "$@" 2> "$work/time.log" || { [ $? -eq 3 ] || { cat "$work/time.log" >&2; exit 1; }; }
  local wall rss
  wall=$(grep "Elapsed (wall clock)" "$work/time.log" | awk -F': ' '{print $2}' | awk -F: '{ if (NF == 3) print $1 * 3600 + $2 * 60 + $3; else print $1 * 60 + $2 }')
  rss=$(grep "Maximum resident set size" "$work/time.log" | awk -F': ' '{print $2}')
  echo "$wall $rss" >> "$work/$label"
  echo "$label: ${wall}s, $((rss / 1024)) MiB" >&2
}
edit_catalog() {  # adds one track to p3.csv, or removes it again
  local catalog=$work/in/catalogs/p3.csv
  if grep -q '^ISRC:QZZ099999999,' "$catalog"; then
    sed -i '/^ISRC:QZZ099999999,/d' "$catalog"
  else
    echo 'ISRC:QZZ099999999,https://open.spotify.com/track/zZzZzZzZzZzZzZzZzZzZzZ?si=abc12,Track added,Artist added' >> "$catalog"
  fi
}
same_reports() {  # same_reports LABEL: the reports in out and nocache are the same bytes
  local file
  for file in "$work/nocache"/*; do
    cmp -s "$file" "$work/out/$(basename "$file")" || { echo "DIFFERENT ($1): $(basename "$file")" >&2; exit 1; }
  done
}
refetch=0
refetch_last_days() {  # replaces the last 7 days' files as a re-fetch does (temporary file, then rename)
  refetch=$((refetch + 1))
  local source day file stamp
  stamp=$(printf '2026-05-%02dT03:00:00Z' $((9 + refetch % 2)))
  for source in breakdown engagement; do
    for day in $days; do
      file=$work/in/$source/${source}_$day.jsonl
      sed -E "s/\"exported_at\":\"[^\"]*\"/\"exported_at\":\"$stamp\"/" "$file" > "$work/in/$source/.fetch-tmp"
      mv "$work/in/$source/.fetch-tmp" "$file"
    done
  done
}

for round in $(seq 1 "$rounds"); do
  rm -rf "$work/.out.cache"
  measure cold recon "$work/out"
  measure same recon "$work/out"
  edit_catalog
  measure catalog recon "$work/out"
  refetch_last_days
  measure refetch recon "$work/out"
  measure no-cache recon "$work/nocache" --no-cache
  same_reports refetch
done
recon "$work/out" 2> /dev/null || [ $? -eq 3 ]
same_reports unchanged
echo "reports of the cached runs and the --no-cache runs: byte-identical" >&2

python3 - "$work" <<'PY'
import statistics, sys
work = sys.argv[1]
def rows(label):
    return [tuple(float(x) for x in line.split()) for line in open(f"{work}/{label}")]
runs = {label: rows(label) for label in ("cold", "same", "catalog", "refetch", "no-cache")}
median = {label: (statistics.median(w for w, _ in r), statistics.median(m for _, m in r)) for label, r in runs.items()}
for label, (wall, rss) in median.items():
    print(f"{label:9} median {wall:6.2f} s, peak RSS {rss / 1024:5.0f} MiB")
for label, target in (("same", None), ("catalog", 0.20), ("refetch", 0.40)):
    pairs = [b[0] / a[0] for a, b in zip(runs["cold"], runs[label])]
    goal = f"; target <= {target:.2f}" if target else ""
    print(f"{label} / cold: {median[label][0] / median['cold'][0]:.3f} (per round {', '.join(f'{p:.3f}' for p in pairs)}{goal})")
print(f"cold (writing the cache) / no-cache: {median['cold'][0] / median['no-cache'][0]:.3f}")
PY
