#!/usr/bin/env bash
# Checks report.xlsx with an independent reader (openpyxl, from PyPI, in a venv made here under
# .tools/, which git ignores): the sample month, and a generated month whose unmatched list is
# longer than a sheet's cap. Ends with `N passed, M failed`.
#
#   scripts/check_workbook.sh            (builds the binary if needed)
set -uo pipefail
cd "$(dirname "$0")/.."
venv=.tools/workbook-venv
if [ ! -x "$venv/bin/python" ] || ! "$venv/bin/python" -c "import openpyxl" 2>/dev/null; then
  python3 -m venv "$venv" && "$venv/bin/pip" install --quiet "openpyxl==3.1.5" \
    || { echo "cannot create the openpyxl venv"; echo "0 passed, 1 failed"; exit 1; }
fi
swift build --product soundlink-recon >/dev/null || { echo "build failed"; echo "0 passed, 1 failed"; exit 1; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
.build/debug/soundlink-recon run --config Config/recon.json --out "$work/sample" --quiet
python3 scripts/make_long_month.py "$work/long"
.build/debug/soundlink-recon run --catalog SampleData/catalogs/aurora.csv --breakdown "$work/long/breakdown.jsonl" \
  --engagement "$work/long/engagement.jsonl" --month 2026-04 --out "$work/long-out" --quiet
"$venv/bin/python" scripts/check_workbook.py "$work/sample" "$work/long-out"
