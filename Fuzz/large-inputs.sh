#!/usr/bin/env bash
# Release-mode robustness check for inputs too large for `swift test`: each file goes through
# `srs import --dry-run` (parser, key inference, ids) and, where it is one, a deck load through
# `srs decks`. Fails on a crash, a signal, an exit code other than 0 or 65, or a run longer than
# LIMIT seconds (default 20). Usage: Fuzz/large-inputs.sh
set -euo pipefail
cd "$(dirname "$0")/.."
limit="${LIMIT:-20}"
work="$(mktemp -d)"; trap 'rm -rf "$work"' EXIT
swift build -c release --product srs >/dev/null
srs="$PWD/.build/release/srs"

python3 Fuzz/generate-quiz.py 85000 > "$work/quiz-50mb.txt"
head -c 52428800 /dev/urandom > "$work/garbage-50mb.bin"
python3 -c "import sys; sys.stdout.write('Question 1 Multiple Choice\n' + 'x' * 10485760 + '\nAone\nBtwo\n')" > "$work/line-10mb.txt"
python3 -c "import sys; sys.stdout.write('A' * 10485760)" > "$work/one-letter-line-10mb.txt"
head -c 10485760 /dev/zero > "$work/nul-10mb.bin"
python3 -c "import sys; sys.stdout.write('A\n' * 10000000)" > "$work/a-lines-20mb.txt"
python3 -c "import sys; sys.stdout.write('Question 1 Multiple Choice\nQ?\n' + 'AOne\nBTwo\n' * 1000000)" > "$work/options-10mb.txt"
python3 -c "import sys; sys.stdout.write(''.join('Question %d True / False\nIs %d even?\nTTrue\nFFalse\nAnswer: %s\n' % (i, i, 'True' if i % 2 == 0 else 'False') for i in range(1, 400001)))" > "$work/tf-400k-items.txt"
python3 -c "import sys; sys.stdout.buffer.write(bytes([0xC3, 0x28, 0xE2, 0x82, 0xFF, 0x0D]) * 2000000)" > "$work/bad-utf8-12mb.bin"
# Repetitive inputs (issue 11): identical items, and a sample repeated to 50 MB.
python3 -c "import sys; sys.stdout.write('Question 1 Multiple Choice\nWhich?\nAone\nBtwo\nAnswer: A\n' * 16000)" > "$work/identical-16000.txt"
python3 -c "import sys; s = open('decks/sources/000_84106cf2ef55100a.txt').read() + '\n'; sys.stdout.write(s * (50000000 // len(s) + 1))" > "$work/repeated-sample-50mb.txt"
python3 -c "import sys; sys.stdout.write('Question 1 Multiple Choice\nPick.\n' + 'AOne?\nBTwo?\n' * 1000000)" > "$work/asking-options-12mb.txt"
# `Answer:` with its value on the next line, a million times (the lines are joined in one pass).
python3 -c "import sys; sys.stdout.write(''.join('Question %d Multiple Choice\nPick.\nAone\nBtwo\nAnswer:\nB\n' % i for i in range(1, 300001)))" > "$work/answer-next-line-300k.txt"
# The held-out natural files, each copy's questions numbered apart so that none is weighed from the
# cache, to 50 MB; and items whose 20 KB explanations are one dense run of parts (`A,A,…`, `one; …`).
python3 -c "
import glob, re, sys
text = ''.join(open(f).read() + '\n' for f in sorted(glob.glob('Tests/SRSQuizTests/Fixtures/quiz-heldout-natural/*.txt')))
header = re.compile(r'(Question \d+ (?:Multiple Choice|True / False|Short Answer)\n)([^\n]*)')
size, copy = 0, 0
while size < 50000000:
    part = header.sub(lambda m: m.group(1) + m.group(2) + ' [%d]' % copy, text)
    sys.stdout.write(part); size += len(part.encode()); copy += 1
" > "$work/natural-distinct-50mb.txt"
python3 -c "import sys; sys.stdout.write(''.join('Question %d Multiple Choice\nWhich one is largest, %d?\nAone\nBtwo\nCthree\n%s\n' % (i, i, ('A,' if i % 2 else 'one; ') * 4000) for i in range(1, 401)))" > "$work/dense-explanations-6mb.txt"
# 100,000 numbered items without headers, in three shapes (options on one line, on their own lines,
# true/false lines): split off one by one, re-reading the rest of the block each time, they took minutes.
python3 -c "import sys; sys.stdout.write(''.join('%d. Which planet is closest to the Sun, %d?\nA) Venus  B) Mercury  C) Mars\nAnswer: B\n\n' % (i, i) for i in range(1, 100001)))" > "$work/headerless-inline-100k.txt"
python3 -c "import sys; sys.stdout.write(''.join('%d. Which planet is closest to the Sun, %d?\nA) Venus\nB) Mercury\nC) Mars\nAnswer: B\n\n' % (i, i) for i in range(1, 100001)))" > "$work/headerless-options-100k.txt"
python3 -c "import sys; sys.stdout.write(''.join('%d. The number %d is even.\nTTrue\nFFalse\nAnswer: %s\n\n' % (i, i, 'True' if i % 2 == 0 else 'False') for i in range(1, 100001)))" > "$work/headerless-tf-100k.txt"

failed=0
run() {
    local name="$1"; shift
    local start end status
    start=$(date +%s%N)
    set +e
    timeout "$limit" "$@" >/dev/null 2>"$work/stderr"
    status=$?
    set -e
    end=$(date +%s%N)
    printf '%-26s %6s MB  exit %3d  %6d ms\n' "$name" "$(($(stat -c %s "$work/$name") / 1000000))" "$status" $(((end - start) / 1000000))
    if [ "$status" -ne 0 ] && [ "$status" -ne 65 ]; then failed=1; tail -3 "$work/stderr"; fi
}
for file in quiz-50mb.txt garbage-50mb.bin line-10mb.txt one-letter-line-10mb.txt nul-10mb.bin \
            a-lines-20mb.txt options-10mb.txt tf-400k-items.txt bad-utf8-12mb.bin identical-16000.txt \
            repeated-sample-50mb.txt asking-options-12mb.txt natural-distinct-50mb.txt dense-explanations-6mb.txt \
            answer-next-line-300k.txt headerless-inline-100k.txt headerless-options-100k.txt headerless-tf-100k.txt; do
    run "$file" env SRS_DATA_DIR="$work/data" "$srs" import "$work/$file" --dry-run --skip-invalid
done
# The same bytes as deck files: `srs decks` must report them (65), never crash.
mkdir -p "$work/decks-data/decks"
for file in garbage-50mb.bin line-10mb.txt nul-10mb.bin; do
    cp "$work/$file" "$work/decks-data/decks/x.deck"
    cp "$work/$file" "$work/$file.deck-copy"
    run "$file" env SRS_DATA_DIR="$work/decks-data" SRS_USER=t "$srs" decks --check
done
exit "$failed"
