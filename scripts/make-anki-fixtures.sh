#!/usr/bin/env bash
# Rebuild Tests/SRSAnkiTests/Fixtures/ with the official `anki` package (outside `swift test`).
# Needs: python3 with `pip install anki==26.9.3` (set ANKI_PYTHON to its interpreter), and libfaketime
# (`apt-get update && apt-get install -y faketime`). The clock is frozen at chosen UTC times through a
# timestamp file that the Python script rewrites; ANKI_TEST_MODE=1 turns Anki's fuzz off.
# `--csv-only` rewrites only the notes-file samples (Fixtures/csv/) and Anki's reading of them.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/anki-env.sh
out="Tests/SRSAnkiTests/Fixtures"
[ "${1:-}" = "--csv-only" ] || rm -f "$out"/*.apkg "$out"/*.colpkg "$out"/*.expected.json
with_anki_clock UTC "2026-03-01 09:00:00" scripts/make-anki-fixtures.py "$out" "$@"
ls -l "$out"
