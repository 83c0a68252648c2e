#!/usr/bin/env bash
# Audit srs's Anki import and export on packages unlike the committed fixtures (docs/anki-import.md,
# "Audit on packages made by others"): builds them with the official `anki` package in OUTDIR
# (default a temp dir), imports each into srs, exports it back, and prints every difference.
#   usage: scripts/make-anki-audit-packages.sh [OUTDIR]
#   env:   ANKI_PYTHON (default /work/anki-venv/bin/python), SRS (default .build/debug/srs; SRS= to only build)
# Needs: pip install anki==26.9.3, apt-get install faketime. The clock is frozen (UTC) and moved by
# the Python script; srs runs under the same clock. Exit 1 when a difference was found.
set -euo pipefail
cd "$(dirname "$0")/.."
ANKI_PYTHON="${ANKI_PYTHON:-/work/anki-venv/bin/python}"
source scripts/anki-env.sh
out="${1:-$(mktemp -d)}"
srs="${SRS-.build/debug/srs}"
args=("$out")
if [ -n "$srs" ]; then
    [ -x "$srs" ] || { echo "make-anki-audit-packages.sh: build srs first (swift build), or set SRS" >&2; exit 69; }
    args+=("$(realpath "$srs")")
fi
with_anki_clock UTC "2026-03-01 09:00:00" scripts/make-anki-audit-packages.py "${args[@]}"
