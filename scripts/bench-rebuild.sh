#!/usr/bin/env bash
# Release-mode figures for docs/benchmarks.md ("Rebuilding the caches"): time and peak memory of
# rebuilding cards.json and history.cache from the review log alone, on a generated collection,
# and of the first `srs stats` after both were deleted (it rebuilds the history and writes the
# snapshot it rebuilt).
# Usage: scripts/bench-rebuild.sh DATA_DIR   (a collection from `srs-bench generate DIR [--cards N]`)
# Env:   RUNS=3
set -euo pipefail
cd "$(dirname "$0")/.."
runs="${RUNS:-3}"
data="$1"
swift build -c release --product srs >/dev/null 2>&1
swift build -c release --product srs-bench >/dev/null 2>&1
bin="$(swift build -c release --show-bin-path)"
user="$data/users/bench"
echo "machine: $(nproc) cores, $(free -g | awk '/Mem/{print $2}') GiB; $(date -u +%FT%TZ); load before: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "files: $(du -m "$user/reviews.jsonl" | cut -f1) MB log, $(wc -l < "$user/reviews.jsonl") lines"
for which in snapshot history; do
    for _ in $(seq "$runs"); do
        /usr/bin/time -f "rss_kib %M" "$bin/srs-bench" rebuild "$data" "$which" 2>&1 | tr '\n' ' '; echo
    done
done
for _ in $(seq "$runs"); do
    rm -f "$user/cards.json" "$user/history.cache"
    /usr/bin/time -f "stats: %e s, rss_kib %M" "$bin/srs" stats --data-dir "$data" --user bench >/dev/null
done 2>&1
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"
