#!/usr/bin/env bash
# Rebuild Tests/SRSAnkiTests/Fixtures/history/ with the official `anki` package (outside `swift test`):
# collections with a review history, exported, answered further in Anki at fixed times, with Anki's
# states card by card (docs/anki-import.md, "Tested against Anki").
# Needs: python3 with `pip install anki==26.9.3` (ANKI_PYTHON names its interpreter) and libfaketime.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/anki-env.sh
clock="$(mktemp)"
trap 'rm -f "$clock"' EXIT
echo "@2026-01-04 09:00:00" > "$clock"
out="Tests/SRSAnkiTests/Fixtures/history"
mkdir -p "$out"
rm -f "$out"/*.colpkg "$out"/*.apkg "$out"/*.continue.json
TZ=Asia/Tokyo ANKI_TEST_MODE=1 LD_PRELOAD="$lib" FAKETIME_TIMESTAMP_FILE="$clock" FAKETIME_NO_CACHE=1 \
    "$python" scripts/make-anki-history-fixtures.py "$out"
ls -l "$out"
