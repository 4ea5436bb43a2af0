#!/usr/bin/env bash
# Benchmark: soundlink-recon against DuckDB on the same generated month, alternating A B A B.
#
#   Benchmarks/run.sh [PAIRS] [SCALE]
#
# PAIRS (default 3) alternating runs of each; SCALE (default 1) multiplies the default
# sizes (1,000,000 catalog rows, 1,000,000 breakdown rows, 3,000,000 engagement rows).
# Prints median wall time and peak RSS (/usr/bin/time -v) of each, their ratios, and checks
# that both produce the same totals per currency and the same match counts. The job runs as
# `run --no-workbook` (DuckDB writes no workbook); one run with the workbook gives its own cost.
# BASELINE=BINARY adds a second build of the job to the alternation (A B C A B C), for a
# before/after ratio against the same DuckDB runs.
set -euo pipefail
cd "$(dirname "$0")/.."
source Benchmarks/month.sh
pairs=${1:-3}
scale=${2:-1}
root=Benchmarks
data=$root/data/scale-$scale
venv=$root/.venv
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

scripts/install-deps.sh
ensure_packages "$venv" duckdb
ensure_month "$data" "$scale"
swift build -c release --product soundlink-recon >&2
bin=.build/release/soundlink-recon
echo "input: $(du -sh --apparent-size "$data" | cut -f1), $(cat "$data"/breakdown/*.jsonl | wc -l) breakdown and $(cat "$data"/engagement/*.jsonl | wc -l) engagement lines" >&2

recon() {  # recon OUT [extra engagement path]
  with_bin "$bin" --no-workbook "$@"
}
recon_workbook() { with_bin "$bin" "" "$@"; }
baseline() { with_bin "$BASELINE" --no-workbook "$@"; }
with_bin() {  # with_bin BINARY FLAG OUT [extra engagement path]
  local binary=$1 flag=$2; shift 2
  /usr/bin/time -v "$binary" run --quiet $flag $(cold "$binary") --out "$1" \
    --catalog "$data/catalogs/p0.csv" --catalog "$data/catalogs/p1.csv" \
    --catalog "$data/catalogs/p2.csv" --catalog "$data/catalogs/p3.csv" \
    --breakdown "$data/breakdown" --engagement "$data/engagement" ${2:+--engagement "$2"}
}
duck() {  # duck OUT
  mkdir -p "$1"
  /usr/bin/time -v "$venv/bin/python" "$root/duckdb_recon.py" "$data" "$1" > "$1.json"
}
measure() {  # measure LABEL COMMAND...: appends "wall_seconds rss_kb" to $work/LABEL
  local label=$1; shift
  "$@" 2> "$work/time.log" || { cat "$work/time.log" >&2; exit 1; }
  local wall rss
  wall=$(grep "Elapsed (wall clock)" "$work/time.log" | awk -F': ' '{print $2}' | awk -F: '{ if (NF == 3) print $1 * 3600 + $2 * 60 + $3; else print $1 * 60 + $2 }')
  rss=$(grep "Maximum resident set size" "$work/time.log" | awk -F': ' '{print $2}')
  echo "$wall $rss" >> "$work/$label"
  echo "$label: ${wall}s, $((rss / 1024)) MiB" >&2
}

for pair in $(seq 1 "$pairs"); do
  measure recon recon "$work/recon-out"
  [ -z "${BASELINE:-}" ] || measure baseline baseline "$work/baseline-out"
  measure duckdb duck "$work/duck-out"
done
measure recon-twice recon "$work/recon-twice-out" "$data/engagement"
measure recon-workbook recon_workbook "$work/recon-workbook-out"

python3 - "$work" <<'PY'
import json, statistics, sys
work = sys.argv[1]
def load(label):
    rows = [line.split() for line in open(f"{work}/{label}")]
    return statistics.median(float(w) for w, _ in rows), statistics.median(int(r) for _, r in rows)
recon, duck, twice = load("recon"), load("duckdb"), load("recon-twice")
print(f"soundlink-recon: median {recon[0]:.2f} s, peak RSS {recon[1] / 1024:.0f} MiB")
print(f"duckdb:          median {duck[0]:.2f} s, peak RSS {duck[1] / 1024:.0f} MiB")
print(f"ratios (recon / duckdb): wall {recon[0] / duck[0]:.2f}, peak RSS {recon[1] / duck[1]:.2f}")
print(f"engagement given twice: peak RSS {twice[1] / 1024:.0f} MiB, growth {100 * (twice[1] / recon[1] - 1):.1f}%")
workbook = load("recon-workbook")
print(f"with report.xlsx (one run): {workbook[0]:.2f} s, the workbook's own cost {workbook[0] - recon[0]:+.2f} s")
import os
if os.path.exists(f"{work}/baseline"):
    base = load("baseline")
    print(f"baseline build:  median {base[0]:.2f} s, peak RSS {base[1] / 1024:.0f} MiB; ratio to duckdb {base[0] / duck[0]:.2f}")
    print(f"this build / baseline: wall {recon[0] / base[0]:.2f}, peak RSS {recon[1] / base[1]:.2f}")
summary = json.load(open(f"{work}/recon-out/summary.json"))
peer = json.load(open(f"{work}/duck-out.json"))
ours = {
    "spend_total": {c: v["spend_total"] for c, v in summary["totals"]["breakdown"]["currencies"].items()},
    "breakdown_kept": summary["inputs"]["breakdown"]["kept"],
    "engagement_kept": summary["inputs"]["engagement"]["kept"],
    "engagement_streams": summary["totals"]["engagement"]["streams"],
}
def grouped(counts):
    out = {k: counts[k] for k in ("isrc", "spotify_id", "playlist") if counts[k]}
    unmatched = sum(counts[k] for k in ("no_keys", "invalid_keys", "not_in_catalog"))
    if unmatched:
        out["unmatched"] = unmatched
    return out
ours["breakdown_target"] = grouped(summary["matches"]["breakdown"]["target"])
ours["engagement_target"] = grouped(summary["matches"]["engagement"]["target"])
ours["engagement_engaged"] = grouped(summary["matches"]["engagement"]["engaged"])
peer["spend_total"] = {c: v[:-4] if v.endswith("0000") else v for c, v in peer["spend_total"].items()}
same = all(ours[k] == peer[k] for k in ours)
for key in sorted(ours):
    print(f"{'same' if ours[key] == peer[key] else 'DIFFERENT'}: {key} {ours[key]}" + ("" if ours[key] == peer[key] else f" vs {peer[key]}"))
sys.exit(0 if same else 1)
PY
