#!/usr/bin/env bash
# Issue 10.8 figures for docs/benchmarks.md ("Per scheduler"): for each scheduler, a generated
# collection of 100,000 cards and about 1,000,000 reviews whose states and version-2 records are
# that scheduler's (`srs-bench generate --scheduler NAME`, some cards left in (re)learning), then
# bench-core.sh (load + queue, one durable answer), bench-stats.sh (`srs stats`: time, peak memory)
# and bench-review.sh (start to first card, on a copy: its key presses answer cards).
# Usage: scripts/bench-schedulers.sh ROOT [sm2 anki fsrs]   (collections in ROOT/NAME, kept)
# Env:   NOW=2026-12-01T09:00:00Z (the collection's "now"; stats are as of it)
set -euo pipefail
cd "$(dirname "$0")/.."
root="${1:?usage: scripts/bench-schedulers.sh ROOT [SCHEDULER...]}"; shift
now="${NOW:-2026-12-01T09:00:00Z}"
swift build -c release --product srs >/dev/null
swift build -c release --product srs-bench >/dev/null
bin="$(swift build -c release --show-bin-path)"
for name in "${@:-sm2 anki fsrs}"; do
    for s in $name; do
        data="$root/$s"
        [[ -f "$data/users/bench/reviews.jsonl" ]] || "$bin/srs-bench" generate "$data" --now "$now" --scheduler "$s" \
            $([[ $s == fsrs ]] && echo --reviews-per-card 45)   # FSRS's longer intervals: ~1,000,000 reviews
        echo "######## $s ($(date -u +%T), load $(cut -d' ' -f1-3 /proc/loadavg))"
        RUNS=15 scripts/bench-core.sh "$data"
        AS_OF="$now" RUNS=10 scripts/bench-stats.sh "$data"
        rm -rf "$root/$s-review"; cp -r "$data" "$root/$s-review"
        RUNS=10 KEYS=60 scripts/bench-review.sh "$root/$s-review"
        rm -rf "$root/$s-review"
    done
done
