#!/usr/bin/env bash
# run-anki.sh — measure the official Anki library (PyPI `anki`, headless) on this machine, so that
# srs's benchmarks can quote Anki's figures beside their own.  Drives anki_bench.py.
#
#   usage: scripts/run-anki.sh [SCRATCH_DIR]  (default /work/anki-bench; keep it OUTSIDE the repo)
#   env:   ANKI_BENCH=path/to/anki_bench.py   (default: beside this script, else /work/shared/bench/)
#          COLD_RUNS=10 COLD_PHASE_RUNS=5 ANSWER_RUNS=5 STATS_RUNS=5 STATS_RSS_RUNS=3
#          REBUILD=1 to rebuild the collections even if they exist
# Steps: 1 venv + `pip install anki` (+ hyperfine from Debian if missing), 2 build the 100,000-card
# collection and the ~1M-row review history (niced), 3 measure cold / answer / stats.
# Raw outputs go to SCRATCH_DIR/results/; a compact summary is printed and saved as summary.txt.
# Measurements run at normal priority; the load average before/after is recorded, since the machine
# is shared: quote medians and compare ratios measured in one run.
set -euo pipefail

S=$(realpath -m "${1:-/work/anki-bench}")
HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
if [[ -z "${ANKI_BENCH:-}" ]]; then
  if [[ -f "$HERE/anki_bench.py" ]]; then ANKI_BENCH="$HERE/anki_bench.py"
  else ANKI_BENCH="$(cd "$HERE/../.." && pwd)/shared/bench/anki_bench.py"; fi
fi
COLD_RUNS=${COLD_RUNS:-10}; COLD_PHASE_RUNS=${COLD_PHASE_RUNS:-5}; ANSWER_RUNS=${ANSWER_RUNS:-5}
STATS_RUNS=${STATS_RUNS:-5}; STATS_RSS_RUNS=${STATS_RSS_RUNS:-3}
R=$S/results; PY=$S/venv/bin/python; FRESH=$S/fresh100k.anki2; HIST=$S/hist100k.anki2
mkdir -p "$R"
: > "$R/steps.tsv"
step() { printf '%s\t%s\n' "$1" "$2" >> "$R/steps.tsv"; }
now() { date +%s.%N; }
secs() { python3 -c "print(f'{$2-$1:.1f}')"; }

# ---- machine
{ echo "date: $(date -Is)"; echo "nproc: $(nproc)"; lscpu | head -20; free -h; uptime
  echo "python: $(python3 --version)"; } > "$R/machine.txt"

# ---- 1. venv + anki, hyperfine
t=$(now)
if [[ ! -x $PY ]] || ! "$PY" -c 'import anki' 2>/dev/null; then
  python3 -m venv "$S/venv" && "$S/venv/bin/pip" install -q anki
fi
if ! command -v hyperfine >/dev/null; then
  apt-get update -qq && apt-get install -y -qq hyperfine
fi
"$S/venv/bin/pip" show anki 2>/dev/null | sed -n 's/^Version: /anki: /p' >> "$R/machine.txt"
echo "hyperfine: $(hyperfine --version)" >> "$R/machine.txt"
step setup "$(secs "$t" "$(now)")"

# ---- 2. collections (heavy: niced, the machine is shared)
if [[ ${REBUILD:-0} = 1 || ! -f $HIST ]]; then
  t=$(now)
  nice -n 10 "$PY" "$ANKI_BENCH" build --n 100000 --out "$FRESH" > "$R/build.json"
  step build "$(secs "$t" "$(now)")"
  t=$(now)
  nice -n 10 "$PY" "$ANKI_BENCH" history --src "$FRESH" --out "$HIST" > "$R/history.json"
  step history "$(secs "$t" "$(now)")"
fi

# ---- 3. measurements (normal priority; load recorded)
uptime > "$R/load.txt"
# (a) cold: whole process with hyperfine, phases + peak RSS from separate runs under time -v
t=$(now)
hyperfine -N -w 2 -r "$COLD_RUNS" --export-json "$R/cold.hyperfine.json" \
  "$PY $ANKI_BENCH cold --col $HIST" > "$R/cold.hyperfine.txt"
: > "$R/cold.jsonl"
for i in $(seq "$COLD_PHASE_RUNS"); do
  /usr/bin/time -v -o "$R/cold.time.$i" "$PY" "$ANKI_BENCH" cold --col "$HIST" >> "$R/cold.jsonl"
done
step cold "$(secs "$t" "$(now)")"
# (b) answer 1000 cards, each its own committed transaction.  Run as the README shows (Anki's default
# 200 reviews/day limit stops the queue after ~226 answers), and with --rev-per-day 9999 so that all
# 1000 are really answered ("answer_all"); 9999 is the most Anki keeps, 100000 is silently ignored.
t=$(now)
: > "$R/answer.jsonl"; : > "$R/answer_all.jsonl"
for i in $(seq "$ANSWER_RUNS"); do
  /usr/bin/time -v -o "$R/answer.time.$i" "$PY" "$ANKI_BENCH" answer --col "$HIST" \
    --work "$S/w.anki2" --count 1000 >> "$R/answer.jsonl"
  /usr/bin/time -v -o "$R/answer_all.time.$i" "$PY" "$ANKI_BENCH" answer --col "$HIST" \
    --work "$S/w.anki2" --count 1000 --rev-per-day 9999 >> "$R/answer_all.jsonl"
done
step answer "$(secs "$t" "$(now)")"
# (c) stats screen, one year
t=$(now)
hyperfine -N -r "$STATS_RUNS" --export-json "$R/stats.hyperfine.json" \
  "$PY $ANKI_BENCH stats --col $HIST --what graphs365 --repeat 3" > "$R/stats.hyperfine.txt"
: > "$R/stats.jsonl"
for i in $(seq "$STATS_RSS_RUNS"); do
  /usr/bin/time -v -o "$R/stats.time.$i" "$PY" "$ANKI_BENCH" stats --col "$HIST" \
    --what graphs365 --repeat 3 >> "$R/stats.jsonl"
done
step stats "$(secs "$t" "$(now)")"
uptime >> "$R/load.txt"

# ---- summary
python3 - "$R" <<'EOF' | tee "$R/summary.txt"
import glob, json, re, statistics as st, sys
R = sys.argv[1]
med = st.median
def hf(name):
    r = json.load(open(f"{R}/{name}.hyperfine.json"))["results"][0]
    return r["median"], len(r["times"]), min(r["times"]), max(r["times"])
def rss(name):
    v = []
    for f in sorted(glob.glob(f"{R}/{name}.time.[0-9]*")):
        m = re.search(r"Maximum resident set size \(kbytes\): (\d+)", open(f).read())
        v.append(int(m.group(1)) / 1024)
    return med(v), len(v)
def wall(name):
    v = []
    for f in sorted(glob.glob(f"{R}/{name}.time.[0-9]*")):
        m = re.search(r"Elapsed \(wall clock\) time \(h:mm:ss or m:ss\): (?:(\d+):)?(\d+):([\d.]+)", open(f).read())
        h, mi, s = m.groups(); v.append(int(h or 0) * 3600 + int(mi) * 60 + float(s))
    return med(v)
def jl(name):
    return [json.loads(l) for l in open(f"{R}/{name}.jsonl") if l.strip()]
print(open(f"{R}/machine.txt").read().splitlines()[0])
m, n, lo, hi = hf("cold"); c = jl("cold"); r, k = rss("cold")
print(f"cold   whole process  median {m*1000:.0f} ms  (hyperfine n={n}, min {lo*1000:.0f}, max {hi*1000:.0f})")
print("cold   phases (median of %d runs, ms): " % len(c) + ", ".join(
    f"{key[2:]} {med(x[key] for x in c)*1000:.1f}" for key in
    ("t_import", "t_open", "t_get_queued_cards", "t_render_question", "t_ready_since_interpreter_main", "t_close")))
print(f"cold   counts new/learn/review {c[0]['counts_new_learn_review']}; peak RSS median {r:.1f} MiB (n={k})")
for nm in ("answer", "answer_all"):
    a = jl(nm); r, k = rss(nm); lab = f"{nm:<10}"
    print(f"{lab} answered {a[0]['answered']} (new/learn/review {a[0]['kinds_new_learn_review']});"
          f" per-answer committed median {med(x['per_answer_total']['median_ms'] for x in a):.3f} ms"
          f" (median over {len(a)} runs; per-run " + ", ".join(f"{x['per_answer_total']['median_ms']:.3f}" for x in a) + ")")
    print(f"{lab}   answer_card {med(x['per_answer_answer_card']['median_ms'] for x in a):.3f} ms,"
          f" fetch {med(x['per_answer_fetch']['median_ms'] for x in a):.3f} ms,"
          f" render {med(x['per_answer_render']['median_ms'] for x in a):.3f} ms;"
          f" p95 total {med(x['per_answer_total']['p95_ms'] for x in a):.3f} ms;"
          f" mean incl. first {med(x['ms_per_answer_mean_incl_first'] for x in a):.3f} ms")
    print(f"{lab}   peak RSS median {r:.1f} MiB (n={k}); whole process {wall(nm):.2f} s (incl. untimed copy)")
m, n, lo, hi = hf("stats"); s = jl("stats"); r, k = rss("stats")
print(f"stats  graphs365 whole process (3 calls) median {m:.2f} s (hyperfine n={n}, min {lo:.2f}, max {hi:.2f})")
print(f"stats  in-process per call median {med(x['calls']['median_ms'] for x in s):.0f} ms,"
      f" first call {med(x['first_call_ms'] for x in s):.0f} ms, open {med(x['t_open'] for x in s)*1000:.0f} ms,"
      f" import {med(x['t_import'] for x in s)*1000:.0f} ms (n={len(s)})")
print(f"stats  peak RSS median {r:.1f} MiB (n={k})")
print("steps (s): " + ", ".join(l.replace("\t", " ") for l in open(f"{R}/steps.tsv").read().split("\n") if l))
print("load: " + " | ".join(l.split("load average:")[1].strip() for l in open(f"{R}/load.txt")))
EOF
