#!/usr/bin/env bash
# The generated month through `sql` + an engine, beside `run` on one machine:
#   run     - soundlink-recon run --no-workbook
#   sql     - soundlink-recon sql --dialect ENGINE (validation, normalised rows, recon.sql)
#   engine  - recon.sql executed by DuckDB or Spark local mode, the four views written out
# Prints wall times and peak RSS of each step.
#
#   Benchmarks/sql-bench.sh [ENGINE] [SCALE]      # ENGINE duckdb (default) or spark; SCALE as run.sh (0.1 allowed)
set -euo pipefail
cd "$(dirname "$0")/.."
source Benchmarks/month.sh
engine=${1:-duckdb}
scale=${2:-1}
root=Benchmarks
data=$root/data/scale-$scale
venv=$root/.venv
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

scripts/install-deps.sh
ensure_packages "$venv" duckdb
[ "$engine" != spark ] || ensure_packages "$venv" pyspark
ensure_month "$data" "$scale"
swift build -c release --product soundlink-recon >&2
bin=.build/release/soundlink-recon
inputs=(--catalog "$data/catalogs/p0.csv" --catalog "$data/catalogs/p1.csv" --catalog "$data/catalogs/p2.csv"
        --catalog "$data/catalogs/p3.csv" --breakdown "$data/breakdown" --engagement "$data/engagement")

timed() {  # timed LABEL COMMAND...
  local label=$1; shift
  /usr/bin/time -f "%e %M" -o "$work/time" "$@" > "$work/$label.out"
  read -r wall rss < "$work/time"
  printf '%-7s %8.2f s  %6d MiB\n' "$label" "$wall" $((rss / 1024))
}
echo "input: $(du -sh --apparent-size "$data" | cut -f1) in $data"
timed run "$bin" run --quiet --no-workbook --no-cache --allow-empty --out "$work/run" "${inputs[@]}"
timed sql "$bin" sql --quiet --dialect "$engine" --out "$work/sql" "${inputs[@]}"
echo "sql folder: $(du -sh --apparent-size "$work/sql" | cut -f1)"
timed engine "$venv/bin/python" "$root/sql_engine.py" "$engine" "$work/sql" "$work/views"
for view in territories tracks partners unmatched; do
  lines=$(tail -n +2 "$work/run/$view.csv" | wc -l)
  if [ -d "$work/views/$view" ]; then got=$(cat "$work/views/$view"/*.csv | wc -l); else got=$(tail -n +2 "$work/views/$view.csv" | wc -l); fi
  echo "$view: run $lines lines, $engine $got lines"
done
