#!/usr/bin/env bash
# Builds one libFuzzer target over the ReconKit sources and runs it.
#
#   Fuzz/run.sh TARGET [SECONDS]     TARGET: jsonl | jsonscan | catalog | identifiers | money | lines | config
#
# The harness and ReconKit are compiled together (with -sanitize=fuzzer,address), so the
# harness reaches internal entry points. The corpus grows in Fuzz/corpus-TARGET (not
# committed), seeded from Fuzz/seeds/TARGET; crashes land in Fuzz/build/.
set -euo pipefail
cd "$(dirname "$0")/.."
target=${1:?usage: Fuzz/run.sh jsonl|jsonscan|catalog|identifiers|money|lines|config [seconds]}
seconds=${2:-60}
scripts/install-deps.sh
build=Fuzz/build
mkdir -p "$build/modules" "Fuzz/corpus-$target"
cat > "$build/modules/module.modulemap" <<MAP
module CFileExchange {
    header "$PWD/Sources/CFileExchange/include/file_exchange.h"
    export *
}
module CJSONLine {
    header "$PWD/Sources/CJSONLine/include/json_line.h"
    export *
}
MAP
clang -c -O1 -fsanitize=fuzzer-no-link,address Sources/CFileExchange/file_exchange.c \
  -I Sources/CFileExchange/include -o "$build/file_exchange.o"
clang -c -O1 -fsanitize=fuzzer-no-link,address Sources/CJSONLine/json_line.c \
  -I Sources/CJSONLine/include -o "$build/json_line.o"
# swift-crypto comes from SwiftPM's package graph, which this direct build does not use: a stub
# module with the same API stands in (the harnesses test parsing, not hashing).
swiftc -O -parse-as-library -module-name Crypto -emit-module -emit-module-path "$build/modules/Crypto.swiftmodule" \
  -emit-object -o "$build/crypto-stub.o" Fuzz/Stubs/Crypto.swift
swiftc -O -sanitize=fuzzer,address -parse-as-library -module-name ReconFuzz \
  -I Sources/CLibCSV -I Sources/CZlib -I Sources/CLibXlsxWriter -I "$build/modules" \
  $(find Sources/ReconKit -name '*.swift' | sort) "Fuzz/Harnesses/$target.swift" \
  "$build/file_exchange.o" "$build/json_line.o" "$build/crypto-stub.o" -lcsv -lz -lxlsxwriter -o "$build/fuzz-$target" 2> >(grep -v "Cannot export local symbol" >&2)
"$build/fuzz-$target" -max_total_time="$seconds" -print_final_stats=1 -artifact_prefix="$build/" \
  -max_len=4096 "Fuzz/corpus-$target" "Fuzz/seeds/$target"
