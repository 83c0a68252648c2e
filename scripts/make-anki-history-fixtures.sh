#!/usr/bin/env bash
# Rebuild Tests/SRSAnkiTests/Fixtures/history/ with the official `anki` package (outside `swift test`):
# collections with a review history, exported, answered further in Anki at fixed times, with Anki's
# states card by card (docs/anki-import.md, "Tested against Anki").
# Needs: python3 with `pip install anki==26.9.3` (ANKI_PYTHON names its interpreter) and libfaketime.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/anki-env.sh
out="Tests/SRSAnkiTests/Fixtures/history"
mkdir -p "$out"
rm -f "$out"/*.colpkg "$out"/*.apkg "$out"/*.continue.json
with_anki_clock Asia/Tokyo "@2026-01-04 09:00:00" scripts/make-anki-history-fixtures.py "$out"
ls -l "$out"
