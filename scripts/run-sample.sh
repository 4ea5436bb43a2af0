#!/usr/bin/env bash
# Runs the month-end job on the bundled sample: SampleData/ with Config/recon.json, into ./recon-out.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh
swift build --product soundlink-recon
.build/debug/soundlink-recon run --config Config/recon.json "$@"
