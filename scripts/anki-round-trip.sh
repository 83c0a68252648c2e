#!/usr/bin/env bash
# Round trip of `srs export` through the official `anki` package (issue 12.6), outside `swift test`:
# srs exports a data directory with every card kind and answers, Anki imports the package, and the
# script checks cards, notes, decks, due days, intervals, ease and the revlog; then srs imports the
# package back. The clock is frozen at 2026-03-05 12:00 UTC with libfaketime (srs and Anki both),
# ANKI_TEST_MODE=1 turns Anki's fuzz off.
#   usage: scripts/anki-round-trip.sh [--fixture]   (--fixture rewrites Tests/SRSEndToEndTests/Fixtures/
#          anki-export/: the srs data directory (data/) and Anki's reading of its export (anki-reading.json))
#   env:   ANKI_PYTHON (default /work/anki-venv/bin/python), SRS (default .build/debug/srs)
# Needs: pip install anki==26.9.3, apt-get install faketime.
set -euo pipefail
cd "$(dirname "$0")/.."
python="${ANKI_PYTHON:-/work/anki-venv/bin/python}"
srs="$(realpath "${SRS:-.build/debug/srs}")"
[ -x "$srs" ] || { echo "anki-round-trip.sh: build srs first (swift build), or set SRS" >&2; exit 69; }
lib=""
for candidate in /usr/lib/x86_64-linux-gnu/faketime/libfaketime.so.1 /usr/lib/aarch64-linux-gnu/faketime/libfaketime.so.1 /usr/lib/faketime/libfaketime.so.1; do
    [ -e "$candidate" ] && lib="$candidate" && break
done
[ -n "$lib" ] || { echo "anki-round-trip.sh: libfaketime not found: apt-get install -y faketime" >&2; exit 69; }
"$python" -c 'import anki' 2>/dev/null || { echo "anki-round-trip.sh: $python has no anki: pip install anki==26.9.3" >&2; exit 69; }
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
fixture=()
if [ "${1:-}" = "--fixture" ]; then
    mkdir -p Tests/SRSEndToEndTests/Fixtures/anki-export
    fixture=("$PWD/Tests/SRSEndToEndTests/Fixtures/anki-export/anki-reading.json")
fi
TZ=UTC ANKI_TEST_MODE=1 LD_PRELOAD="$lib" FAKETIME="@2026-03-05 12:00:00" FAKETIME_DONT_RESET=1 \
    "$python" scripts/anki-round-trip.py "$srs" "$work" "${fixture[@]}"
