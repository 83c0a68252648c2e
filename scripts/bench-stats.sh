#!/usr/bin/env bash
# Release-mode figures for docs/benchmarks.md ("Stats"): `srs stats` as a whole process on a
# generated heavy collection (100,000 cards, about 1,000,000 reviews), beside Anki's one-year
# statistics screen on the same amount of data, in the same hyperfine run.
#
# Usage: scripts/bench-stats.sh [DATA_DIR]      (default: a temporary folder, removed after)
# Env:   ANKI_PY=…/venv/bin/python  ANKI_COL=…/hist100k.anki2   (see ../shared/bench/README.md;
#        without them only srs is measured)   RUNS=10
set -euo pipefail
cd "$(dirname "$0")/.."
runs="${RUNS:-10}"
scratch="$(mktemp -d)"; trap 'rm -rf "$scratch"' EXIT
data="${1:-$scratch/data}"
as_of="${AS_OF:-2026-11-29T12:00:00Z}"

swift build -c release --product srs >/dev/null
swift build -c release --product srs-bench >/dev/null
bin="$(swift build -c release --show-bin-path)"
[[ -f "$data/users/bench/reviews.jsonl" ]] || "$bin/srs-bench" generate "$data" --now "$as_of"
stats=("$bin/srs" stats --data-dir "$data" --user bench --as-of "$as_of")
"${stats[@]}" >/dev/null   # the first run builds the history cache, as any first `srs stats` would

echo "load before: $(uptime)"
commands=("${stats[*]}")
if [[ -n "${ANKI_PY:-}" && -n "${ANKI_COL:-}" ]]; then
    col="$scratch/col.anki2"; cp "$ANKI_COL" "$col"   # Anki may touch the file it opens
    commands+=("$ANKI_PY ../shared/bench/anki_bench.py stats --col $col --what graphs365 --repeat 1")
fi
timed() { if command -v hyperfine >/dev/null; then hyperfine -N -w 1 -r "$runs" "$@"; else RUNS="$runs" scripts/time-runs.py "$@"; fi; }
timed "${commands[@]}"
echo "load after: $(uptime)"

echo "srs phases (ms), 5 runs:"
for _ in 1 2 3 4 5; do SRS_STATS_TIMING=1 "${stats[@]}" 2>&1 >/dev/null; done
for _ in 1 2 3; do /usr/bin/time -f "srs peak RSS %M KiB, %e s" "${stats[@]}" >/dev/null; done
# The same without the deck files: what stats costs apart from reading 48 MB of decks.
mkdir -p "$scratch/nodecks"; cp -al "$(realpath "$data")/users" "$scratch/nodecks/users"   # hard links: srs refuses a symlinked users folder
nodecks=("$bin/srs" stats --data-dir "$scratch/nodecks" --user bench --as-of "$as_of")
timed "${nodecks[*]}"
for _ in 1 2 3; do SRS_STATS_TIMING=1 /usr/bin/time -f "srs without decks: peak RSS %M KiB, %e s" "${nodecks[@]}" >/dev/null; done
if [[ -n "${col:-}" ]]; then
    for _ in 1 2 3; do
        /usr/bin/time -f "anki peak RSS %M KiB, %e s" "$ANKI_PY" ../shared/bench/anki_bench.py stats \
            --col "$col" --what graphs365 --repeat 1 >/dev/null
    done
fi
