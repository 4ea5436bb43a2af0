#!/usr/bin/env bash
# Every performance figure of BENCHMARKS.md in one go, on the same machine and the same day:
#   1. floors.sh  - read, simdjson parse, SHA-256 and spec floors of the 3.2 GB month, the job's scanner beside
#                   simdjson, the job as a multiple of the floors
#   2. run.sh     - run --no-workbook against DuckDB (A B A B), the workbook's own cost, memory growth
#   3. scale.sh   - the 20,000,000-line engagement month: wall time and peak RSS
#   4. rerun.sh   - re-runs with the re-run cache (unchanged, catalog edit, re-fetch) against a cold run
# then prints their closing lines together. BASELINE=BINARY is passed on to floors.sh and run.sh
# (a second build timed in the same alternation).
#
#   [BASELINE=binary] Benchmarks/all.sh [PAIRS]
set -euo pipefail
cd "$(dirname "$0")/.."
pairs=${1:-2}
logs=$(mktemp -d)
trap 'rm -rf "$logs"' EXIT

Benchmarks/floors.sh "$pairs" 1 2 > "$logs/floors" 2>&1 || { cat "$logs/floors"; exit 1; }
Benchmarks/run.sh "$pairs" 1 > "$logs/run" 2>&1 || { cat "$logs/run"; exit 1; }
Benchmarks/scale.sh > "$logs/scale" 2>&1 || { cat "$logs/scale"; exit 1; }
Benchmarks/rerun.sh "$pairs" > "$logs/rerun" 2>&1 || { cat "$logs/rerun"; exit 1; }

echo "== floors (3.2 GB month, 2 threads, median of $pairs)"
grep -E "^(read floor|parse floor|scan  |sha256  |spec floor|job  |before  |job / |before / )" "$logs/floors"
echo "== against DuckDB (run --no-workbook, median of $pairs pairs)"
grep -E "^(soundlink-recon|duckdb: +median|ratios|engagement given twice|with report.xlsx|baseline build|this build|same|DIFFERENT)" "$logs/run"
echo "== 20,000,000-line engagement month"
grep -E "^(input|warm-up|	Elapsed|	Maximum resident|engagement)" "$logs/scale" | sed 's/^\t//'
echo "== re-runs with the cache (3.2 GB month split by day, median of $pairs rounds)"
grep -E "^(cold|same|catalog|refetch|no-cache|reports of|DIFFERENT)" "$logs/rerun"
