#!/usr/bin/env bash
# Release-mode figures for docs/benchmarks.md ("Import"):
#  1. loading a generated 100,000-card deck (≈30 MB) through DeckLibrary, and parsing it alone;
#  2. `srs import` of a generated 20,000-item quiz file with the release binary.
# Usage: scripts/bench-decks.sh [cards] [items]
set -euo pipefail
cd "$(dirname "$0")/.."
cards="${1:-100000}"; items="${2:-20000}"
work="$(mktemp -d)"; trap 'rm -rf "$work"' EXIT
mkdir -p "$work/src"
for file in Sources/SRSCore/*.swift Sources/SRSText/*.swift Sources/SRSJSON/*.swift Sources/SRSStore/*.swift Sources/SRSStore/*/*.swift; do
    sed '/^import SRS[A-Za-z]*$/d' "$file" > "$work/src/$(echo "$file" | tr / _)"
done
cp scripts/DeckBenchmark.swift "$work/src/"
swiftc -O -parse-as-library -module-name SRSBench "$work"/src/*.swift -o "$work/bench" 2>&1 | grep -E "error" || true
"$work/bench" "$cards"

swift build -c release --product srs >/dev/null
python3 Fuzz/generate-quiz.py "$items" > "$work/quiz.txt"
echo "quiz file: $(($(stat -c %s "$work/quiz.txt") / 1000000)) MB, $items items"
for run in 1 2 3 4 5; do
    rm -rf "$work/data"
    start=$(date +%s%N)
    SRS_DATA_DIR="$work/data" .build/release/srs import "$work/quiz.txt" >/dev/null 2>&1
    echo "import run $run: $((($(date +%s%N) - start) / 1000000)) ms"
done
start=$(date +%s%N)
SRS_DATA_DIR="$work/data" .build/release/srs import "$work/quiz.txt" >/dev/null 2>&1
echo "re-import (all cards matched): $((($(date +%s%N) - start) / 1000000)) ms"
