# Sourced by the benchmark scripts: the generated month they share, and their Python packages.

# ensure_month DATA SCALE: writes the month of scale SCALE (a multiplier of 1,000,000 catalog,
# 1,000,000 breakdown and 3,000,000 engagement rows; 0.1 allowed) into DATA unless it is complete.
ensure_month() {
  local data=$1 scale=$2
  [ -f "$data/.complete" ] && return
  rows() { python3 -c "print(int($1 * $scale))"; }
  echo "generating $data ..." >&2
  rm -rf "$data"
  python3 Benchmarks/generate.py "$data" --catalog-rows "$(rows 1000000)" \
    --breakdown-rows "$(rows 1000000)" --engagement-rows "$(rows 3000000)"
  touch "$data/.complete"
}

# ensure_packages VENV PACKAGE...: a virtual environment with these PyPI packages.
ensure_packages() {
  local venv=$1; shift
  [ -x "$venv/bin/python" ] || python3 -m venv "$venv"
  local package
  for package in "$@"; do
    "$venv/bin/python" -c "import $package" 2>/dev/null || "$venv/bin/pip" install -q "$package"
  done
}

# cold BINARY: prints --no-cache when BINARY has the re-run cache, so that a timed run reads
# every export file (a build from before the cache prints nothing).
cold() {
  "$1" run --help | grep -q -- --no-cache && echo --no-cache || true
}
