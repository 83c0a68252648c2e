#!/usr/bin/env bash
# Release-mode figures for docs/benchmarks.md ("Anki import", issue 12.9): `srs import` of an Anki
# package of 100,000 cards with about 1,000,000 revlog rows, and Anki's own import of the same
# package, in the same run, in both generations:
#   gen.apkg    a legacy package (collection.anki21, schema 11), written by `srs export --with-progress`
#               from a collection `srs-bench generate` made (100,000 cards, about 945,000 answers);
#   gen.colpkg  the current generation (collection.anki21b: zstd, schema 18), written by Anki itself
#               after importing gen.apkg with its scheduling.
# Anki's import: an .apkg into a new collection with its scheduling and deck options (so its revlog
# comes along, as in srs); a .colpkg restored as the whole collection. Every run starts afresh (a new
# data folder, a new collection) and is timed from outside with /usr/bin/time -v: wall time,
# user + system CPU time, peak resident memory; medians of RUNS runs, alternating srs and Anki.
#
# Usage: scripts/bench-anki-import.sh [BENCH_DIR]   (default /work/bench-anki; keep it outside the repo)
# Env:   RUNS=5   PY=python with the `anki` package (default /work/anki-venv/bin/python)
#        SRS=path to a release srs (default: built here)
set -euo pipefail
cd "$(dirname "$0")/.."
bench="$(realpath -m "${1:-/work/bench-anki}")"
runs="${RUNS:-5}"
py="${PY:-/work/anki-venv/bin/python}"
mkdir -p "$bench"
scratch="$(mktemp -d "$bench/run.XXXXXX")"
trap 'rm -rf "$scratch"' EXIT

if [[ -z "${SRS:-}" ]]; then
    swift build -c release --product srs >/dev/null
    swift build -c release --product srs-bench >/dev/null
fi
bin="$(swift build -c release --show-bin-path)"
srs="${SRS:-$bin/srs}"

# Anki's side, one action per process: `import apkg|colpkg PACKAGE` or `colpkg FROM.apkg TO.colpkg`.
cat > "$scratch/anki_side.py" <<'EOF'
import os, shutil, sys, tempfile
from anki.collection import Collection, ImportAnkiPackageOptions, ImportAnkiPackageRequest
action, source = sys.argv[1], sys.argv[2]
work = tempfile.mkdtemp(dir=os.path.dirname(os.path.abspath(__file__)))
path = os.path.join(work, "c.anki2")
if action == "colpkg-restore":
    from anki._backend import RustBackend
    RustBackend().import_collection_package(col_path=path, backup_path=source,
        media_folder=os.path.join(work, "media"), media_db=os.path.join(work, "media.db"))
else:
    col = Collection(path)
    options = ImportAnkiPackageOptions(with_scheduling=True, with_deck_configs=True)
    col.import_anki_package(ImportAnkiPackageRequest(package_path=source, options=options))
    if action == "make-colpkg":
        assert col.db.scalar("select count() from revlog") > 0, "the revlog did not come along"
        col.export_collection_package(sys.argv[3], include_media=False, legacy=False)
    col.close()
shutil.rmtree(work)
EOF

# The packages, made once.
if [[ ! -f "$bench/gen.apkg" ]]; then
    [[ -f "$bench/gen/users/bench/reviews.jsonl" ]] || "$bin/srs-bench" generate "$bench/gen" --cards 100000 --scheduler anki >/dev/null
    "$srs" export "$bench/gen.apkg" --with-progress --data-dir "$bench/gen" --user bench >/dev/null
fi
[[ -f "$bench/gen.colpkg" ]] || ANKI_TEST_MODE=1 "$py" "$scratch/anki_side.py" make-colpkg "$bench/gen.apkg" "$bench/gen.colpkg"

# One timed run: prints "wall cpu peak_mib".
timed() {
    /usr/bin/time -v -o "$scratch/time" "$@" >/dev/null 2>"$scratch/err" || { cat "$scratch/err" "$scratch/time" >&2; exit 1; }
    awk -F': ' '/Elapsed \(wall clock\)/ { n = split($2, p, ":"); w = 0; for (i = 1; i <= n; i++) w = w * 60 + p[i] }
                /User time/ { c += $2 } /System time/ { c += $2 } /Maximum resident/ { m = $2 / 1024 }
                END { printf "%.2f %.2f %.0f\n", w, c, m }' "$scratch/time"
}
median() { sort -n | awk '{ v[NR] = $1 } END { print (NR % 2 ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2) }'; }

echo "load before: $(cat /proc/loadavg)"
echo "srs: $srs ($(git rev-parse --short HEAD))"
for package in gen.apkg gen.colpkg; do
    kind="${package##*.}"
    anki_action=$([[ $kind == colpkg ]] && echo colpkg-restore || echo import)
    : > "$scratch/srs.txt"; : > "$scratch/anki.txt"
    for _ in $(seq "$runs"); do
        data="$(mktemp -d "$scratch/data.XXXXXX")"
        TZ=UTC timed "$srs" import "$bench/$package" --data-dir "$data" --user bench >> "$scratch/srs.txt"
        rm -rf "$data"
        ANKI_TEST_MODE=1 timed "$py" "$scratch/anki_side.py" "$anki_action" "$bench/$package" >> "$scratch/anki.txt"
    done
    for who in srs anki; do
        f="$scratch/$who.txt"
        printf '%-10s %-4s wall median %s s (min %s, max %s), cpu median %s s, peak memory median %s MiB (max %s)\n' \
            "$package" "$who" "$(cut -d' ' -f1 "$f" | median)" "$(cut -d' ' -f1 "$f" | sort -n | head -1)" \
            "$(cut -d' ' -f1 "$f" | sort -n | tail -1)" "$(cut -d' ' -f2 "$f" | median)" \
            "$(cut -d' ' -f3 "$f" | median)" "$(cut -d' ' -f3 "$f" | sort -n | tail -1)"
    done
done
echo "load after: $(cat /proc/loadavg)"
