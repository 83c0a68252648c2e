# Sourced by the scripts that drive the official `anki` package (make-anki-fixtures.sh,
# make-anki-history-fixtures.sh): finds libfaketime ($lib) and checks that $python has anki.
# ANKI_PYTHON names the interpreter (default python3; `pip install anki==26.9.3`).
python="${ANKI_PYTHON:-python3}"
lib=""
for candidate in /usr/lib/x86_64-linux-gnu/faketime/libfaketime.so.1 /usr/lib/aarch64-linux-gnu/faketime/libfaketime.so.1 /usr/lib/faketime/libfaketime.so.1; do
    [ -e "$candidate" ] && lib="$candidate" && break
done
[ -n "$lib" ] || { echo "$0: libfaketime not found: apt-get install -y faketime" >&2; exit 69; }
"$python" -c 'import anki' 2>/dev/null || { echo "$0: $python has no anki: pip install anki==26.9.3" >&2; exit 69; }
