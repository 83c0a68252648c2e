#!/usr/bin/env python3
"""Anki -> srs -> Anki with history (issue 12.3/12.4 against 12.6), run by anki-round-trip.sh.

    anki-history-round-trip.py SRS WORKDIR

The collection of Tests/SRSAnkiTests/Fixtures/history/sm2-1.colpkg (made by
make-anki-history-fixtures.sh with the official `anki` package, answered at fixed times) is
restored as Anki's collection, `srs import`ed, the cards of Anki's next session answered in srs
(`srs answer --at`), exported with `srs export --with-progress`, then imported by Anki:
1. into a new collection: the same cards, notes and decks, each card's due day, interval and ease
   as srs has them, and the revlog = Anki's answers (with their ids) + srs's, no duplicates;
2. into the collection it came from: no note and no card added (the notes are found by the guid
   the import kept, `anki_guid`).
The clock is frozen at 2026-01-12 10:30 in Asia/Tokyo (set by the shell script).
"""
import csv, datetime, json, os, sqlite3, subprocess, sys, tempfile, zipfile
from anki._backend import RustBackend
from anki.collection import Collection, ImportAnkiPackageOptions, ImportAnkiPackageRequest

SRS, WORK = sys.argv[1], sys.argv[2]
FIXTURES = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "Tests", "SRSAnkiTests", "Fixtures", "history")
PACKAGE = os.path.join(FIXTURES, "sm2-1.colpkg")
DATA = os.path.join(WORK, "data")
OPTIONS = ImportAnkiPackageOptions(with_scheduling=True, with_deck_configs=True)


def fail(message):
    sys.exit("history round trip FAILED: " + message)


def srs(*args, stdin=None):
    done = subprocess.run([SRS, *args], input=stdin, capture_output=True, text=True,
                          env={**os.environ, "SRS_DATA_DIR": DATA, "SRS_USER": "alice"})
    if done.returncode != 0:
        fail(f"srs {' '.join(args)}: exit {done.returncode}\n{done.stderr}")
    return done.stdout


def fnv1a64(text):
    h = 0xcbf29ce484222325
    for byte in text.encode():
        h = ((h ^ byte) * 0x100000001b3) & 0xffffffffffffffff
    return "%016x" % h


def restored():
    """The collection the package was exported from, with srs's id of each card and its revlog."""
    folder = os.path.join(WORK, "anki")
    os.makedirs(folder)
    path = os.path.join(folder, "collection.anki2")
    RustBackend().import_collection_package(col_path=path, backup_path=PACKAGE, media_folder=os.path.join(folder, "media"),
                                            media_db=os.path.join(folder, "media.db"))
    col = Collection(path)
    ids = {}
    for cid in col.find_cards(""):
        card = col.get_card(cid)
        note = card.note()
        suffix = f"-c{card.ord + 1}" if note.note_type()["type"] == 1 else f"-t{card.ord}"
        ids[cid] = "anki-" + fnv1a64(note.guid) + suffix
    revlog = col.db.all("SELECT id, ease FROM revlog")
    counts = (col.note_count(), col.card_count())
    col.close()
    return path, ids, revlog, counts


def main():
    original, ids, revlog, (notes, cards) = restored()
    srs("import", PACKAGE, "--at", "2026-01-12T10:00:00+09:00")
    session = json.load(open(os.path.join(FIXTURES, "sm2.continue.json")))["sessions"][0]
    srs("answer", "--at", "2026-01-12T10:05:00+09:00",
        stdin="".join(f"{ids[a['card']]} {a['grade']} 3000\n" for a in session["answers"]))
    package = os.path.join(WORK, "back.apkg")
    srs("export", package, "--with-progress", "--deck", "Study")
    srs("export", os.path.join(WORK, "back.csv"), "--with-progress", "--deck", "Study")
    srs("export", os.path.join(WORK, "log.csv"), "--log", "--deck", "Study")
    with open(os.path.join(WORK, "back.csv"), newline="") as f:
        srs_cards = {row["card"]: row for row in csv.DictReader(f)}
    with open(os.path.join(WORK, "log.csv"), newline="") as f:
        srs_log = list(csv.DictReader(f))
    answered = len(session["answers"])
    anki_answers = {rid for rid, ease in revlog if ease > 0}
    print(f"Anki's collection: {notes} notes, {cards} cards, {len(revlog)} revlog rows ({len(anki_answers)} answers); "
          f"{answered} answers given in srs")

    # 1. A new collection.
    folder = tempfile.mkdtemp(dir=WORK)
    col = Collection(os.path.join(folder, "collection.anki2"))
    col.import_anki_package(ImportAnkiPackageRequest(package_path=package, options=OPTIONS))
    if (col.note_count(), col.card_count()) != (notes, cards):
        fail(f"a new collection has {col.note_count()} notes and {col.card_count()} cards, expected {notes} and {cards}")
    decks = sorted(d.name for d in col.decks.all_names_and_ids())
    if decks != ["Default", "Study", "Study::Facts", "Study::Words", "Study::Words::Verbs"]:
        fail(f"Anki's decks are {decks}")
    with zipfile.ZipFile(package) as z, tempfile.NamedTemporaryFile(suffix=".anki21") as tmp:
        tmp.write(z.read("collection.anki21"))
        tmp.flush()
        db = sqlite3.connect(tmp.name)
        guids = sorted(g for (g,) in db.execute("SELECT guid FROM notes"))
        db.close()
    if guids != sorted(col.db.list("SELECT guid FROM notes")):
        fail("the package's note guids are not the ones Anki imported")
    today = col.sched.today
    rollover = datetime.datetime.now(datetime.timezone(datetime.timedelta(hours=9))) - datetime.timedelta(hours=5)
    checked = 0
    for cid in col.find_cards(""):
        card = col.get_card(cid)
        note = card.note()
        suffix = f"-c{card.ord + 1}" if note.note_type()["type"] == 1 else f"-t{card.ord}"
        row = srs_cards.get("anki-" + fnv1a64(note.guid) + suffix)
        if row is None:
            fail(f"Anki card {cid} (note {note.guid!r}) is no card srs exported")
        if not row["due"]:
            continue
        if card.queue in (2, 3):
            due = (datetime.date.fromisoformat(row["due"]) - rollover.date()).days
            if card.due - today != due:
                fail(f"{row['card']}: due in {card.due - today} days in Anki, {due} in srs")
        ease = round(float(row["ease"]) * 1000) if row["ease"] else 0
        # A card in (re)learning steps: srs's CSV says interval 0, Anki keeps the review interval.
        interval = int(row["interval"]) if card.type == 2 else card.ivl
        if (card.ivl, card.factor) != (interval, ease):
            fail(f"{row['card']}: interval {card.ivl} and ease {card.factor} in Anki, {row['interval']} and {ease} in srs")
        checked += 1
    rows = col.db.all("SELECT id, ease, time FROM revlog ORDER BY id")
    ids_in = [r[0] for r in rows]
    if len(set(ids_in)) != len(ids_in) or len(rows) != len(anki_answers) + answered or len(srs_log) != len(rows):
        fail(f"the new collection has {len(rows)} revlog rows, expected {len(anki_answers)} + {answered}")
    if not anki_answers <= set(ids_in):
        fail(f"Anki's answers {sorted(anki_answers - set(ids_in))} lost their revlog ids")
    col.close()
    print(f"a new collection: {notes} notes, {cards} cards, the decks; {checked} cards' due day, interval and ease as "
          f"in srs; {len(rows)} revlog rows = Anki's {len(anki_answers)} answers (their ids kept) + srs's {answered}")

    # 2. The collection it came from.
    col = Collection(original)
    result = col.import_anki_package(ImportAnkiPackageRequest(package_path=package, options=OPTIONS))
    if (col.note_count(), col.card_count()) != (notes, cards):
        fail(f"the original collection has {col.note_count()} notes and {col.card_count()} cards after the import, "
             f"expected {notes} and {cards}")
    log = result.log
    print(f"the original collection: still {notes} notes and {cards} cards (Anki: {len(log.new)} new, "
          f"{len(log.updated)} updated, {len(log.conflicting)} skipped for their note type), "
          f"{col.db.scalar('SELECT count() FROM revlog')} revlog rows")
    col.close()


main()
