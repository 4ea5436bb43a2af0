#!/usr/bin/env bash
# Proves that `soundlink-recon sql` gives the same reports as `run`: on SampleData/ (Config/recon.json)
# and on a generated month with every awkward case (scripts/make_sql_month.py), with and without
# period and --engagement-context filters, recon.sql's four views must hold exactly the lines of
# run's four CSVs (order aside).
#
#   scripts/sql-proof.sh [ENGINE...]     # ENGINE: duckdb, bigquery (parsed only, sqlglot), spark
#
# Default: duckdb bigquery (what CI runs). Spark local mode is slow: scripts/sql-proof-spark.sh.
# Python packages go into a virtual environment under .sql-proof/ (git-ignored). Prints one
# ok/FAIL line per check and, last, "N passed, M failed".
set -uo pipefail
cd "$(dirname "$0")/.."
engines=("$@")
[ ${#engines[@]} -gt 0 ] || engines=(duckdb bigquery)

venv=.sql-proof/venv
packages=()
for engine in "${engines[@]}"; do
  case $engine in
    duckdb) packages+=(duckdb) ;;
    bigquery) packages+=(sqlglot) ;;
    spark) packages+=(pyspark) ;;
    *) echo "unknown engine $engine"; echo "0 passed, 1 failed"; exit 1 ;;
  esac
done
[ -x "$venv/bin/python" ] || python3 -m venv "$venv" || { echo "FAIL cannot create $venv"; echo "0 passed, 1 failed"; exit 1; }
for package in "${packages[@]}"; do
  module=$package
  "$venv/bin/python" -c "import $module" 2>/dev/null || "$venv/bin/pip" install -q "$package" \
    || { echo "FAIL pip install $package"; echo "0 passed, 1 failed"; exit 1; }
done

swift build --product soundlink-recon >&2 || { echo "FAIL swift build"; echo "0 passed, 1 failed"; exit 1; }
bin=$(swift build --show-bin-path)/soundlink-recon
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
python3 scripts/make_sql_month.py "$work/month"
month=(--catalog "$work/month/catalogs/north.csv" --catalog "$work/month/catalogs/south.csv"
       --breakdown "$work/month/breakdown" --engagement "$work/month/engagement")

passed=0
failed=0
# The sample config without playlist allocation, which `sql` does not do (SPEC §13 refuses it there).
python3 -c 'import json, sys; c = json.load(open("Config/recon.json")); c.pop("allocate_playlist_spend", None); json.dump(c, sys.stdout)' \
  > "$work/sample-config.json"
# name | options of both commands
cases=(
  "sample|--config $work/sample-config.json"
  "month-all-dates|${month[*]}"
  "month-june-catalog|${month[*]} --month 2026-06 --engagement-context catalog"
  "month-from-playlist|${month[*]} --from 2026-06-10 --engagement-context playlist"
)
for entry in "${cases[@]}"; do
  name=${entry%%|*}
  read -r -a options <<< "${entry#*|}"
  mkdir -p "$work/$name"
  "$bin" run "${options[@]}" --out "$work/$name/run" --quiet
  status=$?
  if [ "$status" -ne 0 ] && [ "$status" -ne 3 ]; then
    echo "FAIL $name: run exited $status"; failed=$((failed + 1)); continue
  fi
  for engine in "${engines[@]}"; do
    if ! "$bin" sql --dialect "$engine" "${options[@]}" --out "$work/$name/$engine" --quiet; then
      echo "FAIL $name: sql --dialect $engine"; failed=$((failed + 1)); continue
    fi
    for file in rejected.jsonl catalog_issues.csv; do
      if cmp -s "$work/$name/run/$file" "$work/$name/$engine/$file"; then
        echo "ok   $name $engine: $file is run's, byte for byte"; passed=$((passed + 1))
      else
        echo "FAIL $name $engine: $file differs from run's"; failed=$((failed + 1))
      fi
    done
    result=$("$venv/bin/python" scripts/sql_proof.py "$engine" "$work/$name/$engine" "$work/$name/run" "$name" 2>"$work/$name/$engine.log")
    echo "$result" | grep -v ' passed, .* failed$'
    last=$(echo "$result" | tail -1)
    if [[ $last =~ ^([0-9]+)\ passed,\ ([0-9]+)\ failed$ ]]; then
      passed=$((passed + BASH_REMATCH[1])); failed=$((failed + BASH_REMATCH[2]))
    else
      echo "FAIL $name $engine: the checker did not finish"; tail -20 "$work/$name/$engine.log"; failed=$((failed + 1))
    fi
  done
done
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
