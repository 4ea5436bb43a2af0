#!/usr/bin/env bash
# The hardware floors of the benchmark month, measured beside the job in one script:
#   read   - cat of every export file to /dev/null (page cache warm)
#   parse  - every line parsed in full by simdjson (Benchmarks/Floors/simdjson_floor.cpp) on THREADS threads
#   scan   - every line checked by the job's own C scanner alone (Benchmarks/Floors/scanner_floor.c,
#            UTF-8 and JSON, members recorded) on THREADS threads, compiled -O2 as SwiftPM's release
#            build compiles the scanner: how it compares with simdjson on the same lines
#   sha256 - the SHA-256 of every input file (SPEC §10: summary.json lists each one's sha256), as
#            many files at once as THREADS, mapped rather than read (Benchmarks/Floors/sha256_floor.py):
#            a file's digest is one sequential pass, so the largest file bounds it from below
#   spec   - sha256 and parse at once (THREADS threads each, on all the machine's cores: all.sh
#            gives THREADS = the core count): what any run must at least do before it matches a
#            row, since it must both parse every line and print every file's digest
#   job    - soundlink-recon run on the same month
#   before - with BASELINE=/path/to/soundlink-recon, the same job run by that binary
# Each is run RUNS times, alternating; prints the median wall time of each and the job's
# multiple of each floor.
#
#   [BASELINE=binary] Benchmarks/floors.sh [RUNS] [SCALE] [THREADS]
set -euo pipefail
cd "$(dirname "$0")/.."
source Benchmarks/month.sh
runs=${1:-3}
scale=${2:-1}
threads=${3:-$(nproc)}
root=Benchmarks
data=$root/data/scale-$scale
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

scripts/install-deps.sh
dpkg -s libsimdjson-dev >/dev/null 2>&1 || { apt-get update -qq && apt-get install -y -qq libsimdjson-dev >/dev/null; }
ensure_month "$data" "$scale"
swift build -c release --product soundlink-recon >&2
g++ -O3 -march=native -std=c++17 -o "$work/simdjson_floor" "$root/Floors/simdjson_floor.cpp" -lsimdjson -pthread
gcc -O2 -std=c11 -ISources/CJSONLine/include -o "$work/scanner_floor" "$root/Floors/scanner_floor.c" \
  Sources/CJSONLine/json_line.c -pthread
files=("$data"/breakdown/*.jsonl "$data"/engagement/*.jsonl)
inputs=("${files[@]}" "$data"/catalogs/*.csv)
no_workbook=$(.build/release/soundlink-recon run --help | grep -q -- --no-workbook && echo --no-workbook || true)

seconds() {  # seconds LABEL COMMAND...: appends the wall time to $work/LABEL
  local label=$1; shift
  local start end
  start=$(date +%s.%N)
  "$@" > /dev/null
  end=$(date +%s.%N)
  python3 -c "print(round($end - $start, 3))" >> "$work/$label"
  echo "$label: $(tail -1 "$work/$label") s" >&2
}
baseline=${BASELINE:-}
spec() {  # the digests and the parse at once
  python3 "$root/Floors/sha256_floor.py" "$threads" "${inputs[@]}" & local digests=$!
  "$work/simdjson_floor" "$threads" "${files[@]}" || { kill "$digests"; return 1; }
  wait "$digests"
}
job() {  # job [BINARY]
  local binary=${1:-.build/release/soundlink-recon}
  "$binary" run --quiet --out "$work/out" --threads "$threads" $no_workbook $(cold "$binary") \
    --catalog "$data/catalogs/p0.csv" --catalog "$data/catalogs/p1.csv" \
    --catalog "$data/catalogs/p2.csv" --catalog "$data/catalogs/p3.csv" \
    --breakdown "$data/breakdown" --engagement "$data/engagement"
}

cat "${inputs[@]}" > /dev/null   # warm the page cache
for _ in $(seq 1 "$runs"); do
  seconds read cat "${files[@]}"
  seconds parse "$work/simdjson_floor" "$threads" "${files[@]}"
  seconds scan "$work/scanner_floor" "$threads" "${files[@]}"
  seconds sha256 python3 "$root/Floors/sha256_floor.py" "$threads" "${inputs[@]}"
  seconds spec spec
  seconds job job
  if [ -n "$baseline" ]; then rm -rf "$work/out"; seconds before job "$baseline"; fi
  rm -rf "$work/out"
done
median() { sort -n "$work/$1" | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'; }  # of 2: the lower
read_s=$(median read); parse_s=$(median parse); scan_s=$(median scan); job_s=$(median job)
sha_s=$(median sha256); spec_s=$(median spec)
echo "input: $(du -sh --apparent-size "$data" | cut -f1), threads $threads, median of $runs"
echo "read floor  ${read_s} s"
echo "parse floor ${parse_s} s (simdjson, $threads threads)"
echo "scan        ${scan_s} s (the job's scanner alone, $threads threads; ÷ parse floor $(python3 -c "print(f'{$scan_s / $parse_s:.2f}')"))"
largest=$(ls -S "${inputs[@]}" | head -1)
echo "sha256      ${sha_s} s (every input file's digest, $threads files at once; largest file $(python3 -c "import os; print(f'{os.path.getsize(\"$largest\") / 1e9:.2f}')") GB)"
echo "spec floor  ${spec_s} s (sha256 and parse at once; ÷ parse floor $(python3 -c "print(f'{$spec_s / $parse_s:.2f}')"))"
echo "job         ${job_s} s (soundlink-recon run $no_workbook)"
echo "job / parse floor: $(python3 -c "print(f'{$job_s / $parse_s:.2f}')")"
echo "job / read floor:  $(python3 -c "print(f'{$job_s / $read_s:.2f}')")"
echo "job / spec floor:  $(python3 -c "print(f'{$job_s / $spec_s:.2f}')")"
if [ -n "$baseline" ]; then
  before_s=$(median before)
  echo "before      ${before_s} s ($baseline)"
  echo "before / parse floor: $(python3 -c "print(f'{$before_s / $parse_s:.2f}')")"
  echo "job / before:         $(python3 -c "print(f'{$job_s / $before_s:.2f}')")"
fi
