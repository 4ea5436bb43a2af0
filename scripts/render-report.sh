#!/usr/bin/env bash
# Renders a report.html to PNG at desktop and phone width with headless Chromium (Debian's chromium).
#
#   scripts/render-report.sh [REPORT_HTML] [OUT_DIR]   (defaults: recon-out/report.html, recon-out/)
set -euo pipefail
report=$(realpath "${1:-recon-out/report.html}")
out=${2:-$(dirname "$report")}
command -v chromium >/dev/null || { apt-get update -qq && apt-get install -y -qq chromium >/dev/null; }
for size in desktop:1280,2600 phone:390,3600; do
  chromium --headless --no-sandbox --disable-gpu --hide-scrollbars --window-size="${size#*:}" \
    --screenshot="$out/report-${size%%:*}.png" "file://$report" 2>/dev/null
  echo "$out/report-${size%%:*}.png"
done
