#!/usr/bin/env bash
# Builds the libFuzzer target (quiz parser, merge, deck writer and reader) with address
# sanitizer and runs it. Usage: Fuzz/run-fuzzer.sh [seconds] (default 300). Corpus in
# Fuzz/corpus (seeded from decks/sources, decks/*.deck and the quiz corpus of the tests),
# findings in Fuzz/findings.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds="${1:-300}"
work="${FUZZ_WORK:-/tmp/srs-fuzz}"
mkdir -p "$work/corpus" Fuzz/findings
cp decks/sources/*.txt decks/*.deck Tests/SRSQuizTests/Fixtures/quiz-corpus/*.txt "$work/corpus/" 2>/dev/null || true
sources=(
    Sources/SRSCore/Card.swift Sources/SRSCore/Cloze.swift Sources/SRSCore/StableHash.swift Sources/SRSQuiz/*.swift
    Sources/SRSText/*.swift Sources/SRSJSON/*.swift
    Sources/SRSStore/StoreError.swift Sources/SRSStore/Decks/DeckReader.swift
    Sources/SRSStore/Decks/DeckCardBuilder.swift Sources/SRSStore/Decks/DeckWriter.swift
    Sources/SRSStore/Decks/LazyDeck.swift Sources/SRSStore/Syscalls.swift Sources/SRSStore/SafeFiles.swift
    Sources/SRSStore/DataDirectory.swift Sources/SRSStore/TemporaryFiles.swift Sources/SRSStore/FileName.swift
    Sources/SRSStore/UserLock.swift Sources/SRSStore/Decks/KeyCorrections.swift
    Fuzz/FuzzTarget.swift
)
# One module: the files' `import SRS…` lines are dropped in a copy.
rm -rf "$work/src" && mkdir -p "$work/src"
for file in "${sources[@]}"; do
    sed '/^import SRS[A-Za-z]*$/d' "$file" > "$work/src/$(echo "$file" | tr / _)"
done
swiftc -O -sanitize=fuzzer,address -parse-as-library -module-name SRSFuzz "$work"/src/*.swift \
    -o "$work/fuzz-srs" 2>&1 | grep -E "error" || true
"$work/fuzz-srs" -max_total_time="$seconds" -max_len=65536 -timeout=10 -rss_limit_mb=2048 \
    -artifact_prefix=Fuzz/findings/ -print_final_stats=1 "$work/corpus"
