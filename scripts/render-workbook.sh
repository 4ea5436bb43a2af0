#!/usr/bin/env bash
# Renders a report.xlsx through LibreOffice headless to PDF, and its first page to PNG (pdftoppm),
# to look at as a person would. Installs Debian's libreoffice-calc-nogui and poppler-utils if missing.
#
#   scripts/render-workbook.sh [REPORT_XLSX] [OUT_DIR]   (defaults: recon-out/report.xlsx, recon-out/)
set -euo pipefail
workbook=$(realpath "${1:-recon-out/report.xlsx}")
out=$(realpath "${2:-$(dirname "$workbook")}")
if ! command -v soffice >/dev/null || ! command -v pdftoppm >/dev/null; then
  apt-get update -qq && apt-get install -y -qq --no-install-recommends libreoffice-calc-nogui poppler-utils >/dev/null
fi
profile=$(mktemp -d)
trap 'rm -rf "$profile"' EXIT
soffice -env:UserInstallation="file://$profile" --headless --convert-to pdf --outdir "$out" "$workbook" >/dev/null
pdf="$out/$(basename "${workbook%.*}").pdf"
pdftoppm -png -r 80 -f 1 -l 1 "$pdf" "$out/report-xlsx-page"
ls "$out"/report-xlsx-page*.png
