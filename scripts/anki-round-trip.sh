#!/usr/bin/env bash
# Round trip of `srs export` through the official `anki` package (issue 12.6), outside `swift test`:
# srs exports a data directory with every card kind and answers, Anki imports the package, and the
# script checks cards, notes, decks, due days, intervals, ease and the revlog; then srs imports the
# package back. The clock is frozen at 2026-03-05 12:00 UTC with libfaketime (srs and Anki both),
# ANKI_TEST_MODE=1 turns Anki's fuzz off. Then Anki -> srs -> Anki with history
# (anki-history-round-trip.py: the committed history fixture, imported, answered in srs, exported).
#   usage: scripts/anki-round-trip.sh [--fixture]   (--fixture rewrites Tests/SRSEndToEndTests/Fixtures/
#          anki-export/: the srs data directory (data/) and Anki's reading of its export (anki-reading.json))
#   env:   ANKI_PYTHON (default /work/anki-venv/bin/python), SRS (default .build/debug/srs)
# Needs: pip install anki==26.9.3, apt-get install faketime.
set -euo pipefail
cd "$(dirname "$0")/.."
ANKI_PYTHON="${ANKI_PYTHON:-/work/anki-venv/bin/python}"
source scripts/anki-env.sh
srs="$(realpath "${SRS:-.build/debug/srs}")"
[ -x "$srs" ] || { echo "anki-round-trip.sh: build srs first (swift build), or set SRS" >&2; exit 69; }
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
fixture=()
if [ "${1:-}" = "--fixture" ]; then
    mkdir -p Tests/SRSEndToEndTests/Fixtures/anki-export
    fixture=("$PWD/Tests/SRSEndToEndTests/Fixtures/anki-export/anki-reading.json")
fi
TZ=UTC ANKI_TEST_MODE=1 LD_PRELOAD="$lib" FAKETIME="@2026-03-05 12:00:00" FAKETIME_DONT_RESET=1 \
    "$python" scripts/anki-round-trip.py "$srs" "$work" "${fixture[@]}"
# Anki -> srs -> Anki with history: the committed history fixture, in Anki's zone (Asia/Tokyo).
mkdir "$work/history"
TZ=Asia/Tokyo ANKI_TEST_MODE=1 LD_PRELOAD="$lib" FAKETIME="@2026-01-12 10:30:00" FAKETIME_DONT_RESET=1 \
    "$python" scripts/anki-history-round-trip.py "$srs" "$work/history"
