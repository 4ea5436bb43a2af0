#!/usr/bin/env bash
# A/B benchmark of two soundlink-recon binaries on the same generated month, alternating A B A B
# (the machine is shared and noisy: only runs interleaved in one session compare).
#
#   Benchmarks/compare.sh BASE_BIN NEW_BIN DATA_DIR [PAIRS]
#
# DATA_DIR is a folder written by Benchmarks/generate.py. Prints every run's wall time, CPU time
# (user + system) and peak RSS, the minimum and median of each, and the ratios NEW / BASE.
set -euo pipefail
base=$1 new=$2 data=$3 pairs=${4:-5}
source "$(dirname "$0")/month.sh"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
echo "input: $(du -sh --apparent-size "$data" | cut -f1) in $data" >&2

measure() {  # measure LABEL BIN: appends "wall_seconds rss_kb user_seconds system_seconds" to $work/LABEL
  /usr/bin/time -f "%e %M %U %S" -o "$work/time" "$2" run --quiet $(cold "$2") --out "$work/out-$1" \
    --catalog "$data/catalogs/p0.csv" --catalog "$data/catalogs/p1.csv" \
    --catalog "$data/catalogs/p2.csv" --catalog "$data/catalogs/p3.csv" \
    --breakdown "$data/breakdown" --engagement "$data/engagement"
  cat "$work/time" >> "$work/$1"
  echo "$1: $(cat "$work/time")" >&2
}

for _ in $(seq 1 "$pairs"); do
  measure base "$base"
  measure new "$new"
done
for name in territories.csv tracks.csv partners.csv unmatched.csv; do
  cmp -s "$work/out-base/$name" "$work/out-new/$name" || { echo "DIFFERENT: $name" >&2; exit 1; }
done
python3 - "$work" <<'PY'
import statistics, sys
work = sys.argv[1]
def load(label):
    rows = [[float(x) for x in line.split()] for line in open(f"{work}/{label}")]
    wall = [r[0] for r in rows]
    cpu = [r[2] + r[3] for r in rows]
    return dict(wall_min=min(wall), wall_median=statistics.median(wall), cpu_min=min(cpu),
                cpu_median=statistics.median(cpu), rss=statistics.median(r[1] for r in rows))
base, new = load("base"), load("new")
for name, m in (("base", base), ("new ", new)):
    print(f"{name}: wall min {m['wall_min']:.2f} s, median {m['wall_median']:.2f} s; "
          f"CPU min {m['cpu_min']:.2f} s, median {m['cpu_median']:.2f} s; peak RSS {m['rss'] / 1024:.0f} MiB")
print("ratio new / base: " + ", ".join(f"{key} {new[key] / base[key]:.3f}" for key in base))
PY
