#!/usr/bin/env bash
# Installs the Debian packages soundlink-recon builds against, when they are missing.
set -euo pipefail
missing=()
for package in libcsv-dev zlib1g-dev libxlsxwriter-dev; do
  dpkg -s "$package" >/dev/null 2>&1 || missing+=("$package")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "installing ${missing[*]}" >&2
  sudo_cmd=""
  [ "$(id -u)" -ne 0 ] && sudo_cmd="sudo"
  $sudo_cmd apt-get update -qq
  $sudo_cmd apt-get install -y -qq "${missing[@]}" >/dev/null
fi
