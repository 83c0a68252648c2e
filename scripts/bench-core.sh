#!/usr/bin/env bash
# Release-mode figures for docs/benchmarks.md ("Engine and store"), on a generated heavy
# collection: one deck of 100,000 cards, about 90 % reviewed, about 1,000,000 logged reviews.
#   1. open the progress and the decks and build today's queue (srs-bench load), in-process, and
#      peak memory of that process (/usr/bin/time);
#   2. record one answer durably (srs-bench answer: append + fdatasync), median of 1,000, beside
#      the same append + fdatasync in C (scripts/fsync-floor.c): the disk's floor;
#   3. the same load as a whole process (exec, dynamic linking, the work), with hyperfine.
# Usage: scripts/bench-core.sh [DATA_DIR]   (generated there when missing; default a temp folder)
# Env:   RUNS=15
set -euo pipefail
cd "$(dirname "$0")/.."
runs="${RUNS:-15}"
scratch="$(mktemp -d)"; trap 'rm -rf "$scratch"' EXIT
data="${1:-$scratch/data}"
swift build -c release --product srs >/dev/null 2>&1
swift build -c release --product srs-bench >/dev/null 2>&1
bin="$(swift build -c release --show-bin-path)"
[[ -f "$data/users/bench/reviews.jsonl" ]] || "$bin/srs-bench" generate "$data"
echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), $(free -g | awk '/Mem/{print $2}') GiB; $(date -u +%FT%TZ)"
echo "load before: $(cut -d' ' -f1-3 /proc/loadavg)"
sizes="$(du -m "$data/users/bench/cards.json" "$data/users/bench/reviews.jsonl" "$data/decks/bench.deck" | awk '{printf "%s %s MB, ", $2, $1}')"
echo "files: $sizes"

echo "== load progress + decks and build today's queue ($runs processes)"
for _ in $(seq "$runs"); do "$bin/srs-bench" load "$data"; done > "$scratch/load.jsonl"
python3 - "$scratch/load.jsonl" <<'PY'
import json, statistics as st, sys
rows = [json.loads(l) for l in open(sys.argv[1])]
for key in ("open_ms", "queue_ms", "total_ms"):
    v = sorted(r[key] for r in rows)
    print(f"  {key:10} median {st.median(v):6.1f}  min {v[0]:6.1f}  max {v[-1]:6.1f}")
print(f"  queue: {rows[0]['repeats']} repeats, {rows[0]['reviews']} reviews, {rows[0]['new']} new of {rows[0]['cards']} cards")
PY
/usr/bin/time -f "%M" -o "$scratch/rss" "$bin/srs-bench" load "$data" >/dev/null
echo "  peak memory: $(( $(cat "$scratch/rss") / 1024 )) MiB"

echo "== record one answer durably (1,000 answers, 3 runs)"
for _ in 1 2 3; do "$bin/srs-bench" answer "$data" --count 1000; done
gcc -O2 scripts/fsync-floor.c -o "$scratch/fsync-floor"
"$scratch/fsync-floor" "$data/fsync-floor.log"; rm -f "$data/fsync-floor.log"

if command -v hyperfine >/dev/null; then
    echo "== whole process: srs-bench load (progress + decks + today's queue)"
    hyperfine -N -w 2 -r "$runs" "$bin/srs-bench load $data" 2>/dev/null | grep -E "Time|Range"
else
    echo "== whole process: srs-bench load (progress + decks + today's queue)"
    RUNS="$runs" scripts/time-runs.py "$bin/srs-bench load $data"
fi
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"
