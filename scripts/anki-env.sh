# Sourced by the scripts that drive the official `anki` package (make-anki-fixtures.sh,
# make-anki-history-fixtures.sh, anki-round-trip.sh): finds libfaketime ($lib) and checks that $python has anki.
# ANKI_PYTHON names the interpreter (default python3; `pip install anki==26.9.3`).
python="${ANKI_PYTHON:-python3}"
lib=""
for candidate in /usr/lib/x86_64-linux-gnu/faketime/libfaketime.so.1 /usr/lib/aarch64-linux-gnu/faketime/libfaketime.so.1 /usr/lib/faketime/libfaketime.so.1; do
    [ -e "$candidate" ] && lib="$candidate" && break
done
[ -n "$lib" ] || { echo "$0: libfaketime not found: apt-get install -y faketime" >&2; exit 69; }
"$python" -c 'import anki' 2>/dev/null || { echo "$0: $python has no anki: pip install anki==26.9.3" >&2; exit 69; }

# with_anki_clock ZONE START PYTHON_SCRIPT ARGS...: runs PYTHON_SCRIPT under $python with Anki's test
# mode and the clock frozen at START (e.g. "2026-03-01 09:00:00") in a timestamp file that the script
# may rewrite (FAKETIME_TIMESTAMP_FILE), in the time zone ZONE.
with_anki_clock() {
    local zone="$1" start="$2"; shift 2
    local clock; clock="$(mktemp)"
    echo "$start" > "$clock"
    local status=0
    TZ="$zone" ANKI_TEST_MODE=1 LD_PRELOAD="$lib" FAKETIME_TIMESTAMP_FILE="$clock" FAKETIME_NO_CACHE=1 \
        "$python" "$@" || status=$?
    rm -f "$clock"
    return "$status"
}
