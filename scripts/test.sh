#!/usr/bin/env bash
# Runs the whole test suite (unit and end-to-end).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh
swift test "$@"
