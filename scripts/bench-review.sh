#!/usr/bin/env bash
# Release-mode figures for docs/benchmarks.md ("Review screen"), in a real terminal (tmux):
# start to the first card on screen, and key press to redrawn screen, on a generated heavy
# collection (100,000 cards, about 1,000,000 logged reviews; `srs-bench generate`).
#
# Usage: scripts/bench-review.sh [DATA_DIR]    (default: a temporary folder, removed after)
# Env:   RUNS=10 (start-ups)  KEYS=60 (key presses timed)  FIX_EVERY=N (every Nth key a `k` correction)
# srs writes its own timings when SRS_REVIEW_TIMING=FILE is set: the epoch-nanosecond time of
# each start-up phase and, for each key, the nanoseconds from reading it to the redrawn screen.
set -euo pipefail
cd "$(dirname "$0")/.."
runs="${RUNS:-10}"
keys="${KEYS:-60}"
scratch="$(mktemp -d)"
sock="$scratch/tmux.sock"
trap 'for s in "$scratch"/*.sock; do tmux -S "$s" kill-server 2>/dev/null || true; done; rm -rf "$scratch"' EXIT
data="${1:-$scratch/data}"

swift build -c release --product srs >/dev/null
swift build -c release --product srs-bench >/dev/null
bin="$(swift build -c release --show-bin-path)"
[[ -f "$data/users/bench/reviews.jsonl" ]] || "$bin/srs-bench" generate "$data" >/dev/null

# Starts srs in a fresh tmux server (its own socket); the pane records the time just before exec.
start_srs() { # $1: timing file, $2: start-time file
    sock="$scratch/tmux-$RANDOM-$SECONDS.sock"
    tmux -S "$sock" -f /dev/null new-session -d -x 100 -y 30 \
        "date +%s%N > $2; exec env SRS_REVIEW_TIMING=$1 LANG=C.UTF-8 LC_ALL=C.UTF-8 TERM=xterm-256color $bin/srs --data-dir $data --user bench"
}
wait_for() { # $1: text on screen (or a file with -f)
    for _ in $(seq 1 2000); do
        if [[ "$1" == -f ]]; then [[ -s "$2" ]] && return 0
        else tmux -S "$sock" capture-pane -p 2>/dev/null | grep -q -- "$1" && return 0; fi
        sleep 0.01
    done
    echo "timed out waiting for $*" >&2; exit 1
}

wait_gone() { # srs has exited (its pane, and so the server, is gone) and released the lock
    while tmux -S "$sock" has-session 2>/dev/null; do sleep 0.01; done
}

echo "load before: $(uptime)"
for i in $(seq 1 "$runs"); do
    start_srs "$scratch/t$i.json" "$scratch/s$i"
    wait_for "card 1 of"
    tmux -S "$sock" send-keys q
    wait_for -f "$scratch/t$i.json"
    wait_gone
done

start_srs "$scratch/keys.json" "$scratch/skeys"
wait_for "card 1 of"
fix="${FIX_EVERY:-0}"
for k in $(seq 1 "$keys"); do  # Space reveals, Space grades Good; every 10th key is an undo
    if (( fix > 0 && k % fix == 0 )); then
        # FIX_EVERY=N: every Nth key is `k` (correct the answer key); on a multiple-choice card
        # it asks for the letter, and `b` sets it (one synced line in the deck's key journal).
        tmux -S "$sock" send-keys k
        sleep 0.05
        if tmux -S "$sock" capture-pane -p | grep -q "Which option is correct?"; then tmux -S "$sock" send-keys b; fi
    elif (( k % 10 == 0 )); then tmux -S "$sock" send-keys u; else tmux -S "$sock" send-keys Space; fi
    sleep 0.05
done
tmux -S "$sock" send-keys q
wait_for -f "$scratch/keys.json"
wait_gone
echo "load after: $(uptime)"

python3 - "$scratch" "$runs" ${VERBOSE:+verbose} <<'PY'
import json, statistics, sys
scratch, runs = sys.argv[1], int(sys.argv[2])
phases = {}
for i in range(1, runs + 1):
    start = int(open(f"{scratch}/s{i}").read())
    t = json.load(open(f"{scratch}/t{i}.json"))
    previous = start
    for name in ["main", "open", "terminal", "session", "first_card"]:
        phases.setdefault(name, []).append((t[name] - previous) / 1e6)
        previous = t[name]
    phases.setdefault("total", []).append((t["first_card"] - start) / 1e6)
print(f"start to first card, {runs} runs (ms): median, min, max")
for name, values in phases.items():
    print(f"  {name:11} {statistics.median(values):8.1f} {min(values):8.1f} {max(values):8.1f}")
peaks = [json.load(open(f"{scratch}/t{i}.json"))["peak_rss_kib"] for i in range(1, runs + 1)]
session_peak = json.load(open(f"{scratch}/keys.json"))["peak_rss_kib"]
print(f"peak memory (MiB): start-ups {statistics.median(peaks) / 1024:.0f}, the session with keys {session_peak / 1024:.0f}")
keys = [k / 1e6 for k in json.load(open(f"{scratch}/keys.json"))["keys_ns"]]
keys.sort()
p95 = keys[int(0.95 * (len(keys) - 1))]
print(f"key press to redrawn screen, {len(keys)} keys (ms): median {statistics.median(keys):.2f}, p95 {p95:.2f}, max {max(keys):.2f}")
session = json.load(open(f"{scratch}/keys.json"))
if "folded" in session:
    print(f"after the screen closed: key corrections folded into the deck in {(session['folded'] - session['closed']) / 1e6:.0f} ms")
if len(sys.argv) > 3: print("in order:", " ".join(f"{k / 1e6:.1f}" for k in json.load(open(f"{scratch}/keys.json"))["keys_ns"]))
PY
