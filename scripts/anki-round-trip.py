#!/usr/bin/env python3
"""Round trip of `srs export` through the official `anki` package (run by anki-round-trip.sh).

    anki-round-trip.py SRS WORKDIR [FIXTURE_JSON]

Makes an srs data directory with every card kind in a deck and a subdeck, answers the cards with
`srs answer` at fixed times (the clock is frozen by libfaketime, set by the shell script), then:
1. `srs export rt.apkg --with-progress`, imported by Anki into a new collection: the same cards,
   notes and decks; each card's due day (counted from today), interval and ease as srs has them
   (`srs export rt.csv --with-progress`); the revlog holds every answer (`srs export --log`);
2. `srs import rt.apkg` into a new data directory: the same number of cards, of the kinds
   docs/anki-export.md says.
Prints what it checked; exits 1 on the first difference. FIXTURE_JSON, when given, receives
Anki's reading of the package, and the srs data directory is copied beside it (both compared by
Tests/SRSEndToEndTests/AnkiExportCommandTests.swift).
"""
import csv
import datetime
import json
import shutil
import os
import sqlite3
import subprocess
import sys
import tempfile
import zipfile

from anki.collection import Collection, ImportAnkiPackageOptions, ImportAnkiPackageRequest
from anki.scheduler.v3 import CardAnswer

SRS, WORK = sys.argv[1], sys.argv[2]
FIXTURE = sys.argv[3] if len(sys.argv) > 3 else None
DATA = os.path.join(WORK, "data")
SCHEDULER = "anki"

FRENCH = """srs-deck 2

card: fr-fly
type: basic
question: la mariposa
answer: the butterfly
tags: animals

card: fr-fly-r
type: reverse
question: la mariposa
answer: the butterfly
tags: animals

card: fr-cap-1
type: cloze
question: {{c1::Paris}} is the capital of {{c2::France::country}}.
cloze: 1
explanation: Since 987.

card: fr-cap-2
type: cloze
question: {{c1::Paris}} is the capital of {{c2::France::country}}.
cloze: 2
explanation: Since 987.

card: fr-gold
type: type_in
question: Chemical symbol of gold?
answer: Au
"""

LANG = """srs-deck 2

card: lang-hello
type: basic
question: Hello <world> & "friends"
answer: Line one
    Line two
"""

QUIZ = """srs-deck 2

card: q-det
type: multiple_choice
question: What is the determinant of the 2x2 identity matrix?
A: 0
B: 1
C: 2
key: B written
explanation: Ones on the diagonal.

card: q-nokey
type: multiple_choice
question: Which is a prime?
A: 4
B: 7
key: none

card: q-comm
type: true_false
question: Matrix multiplication is commutative.
answer: false
explanation: In general AB != BA.

card: q-indep
type: short_answer
question: What does linear independence mean?
model_answer: No vector is a linear combination of the others.
"""

# (time, [(card, grade, ms)]): every card first, then the learning steps, then later reviews.
ANSWERS = [
    ("2026-03-02T10:00:00Z", [(c, "good", 4000) for c in
                              ["fr-fly", "fr-fly-r", "fr-cap-1", "fr-cap-2", "fr-gold", "q-det", "q-comm", "q-indep"]]),
    ("2026-03-02T10:11:00Z", [("fr-fly", "good", 3000), ("fr-fly-r", "good", 3000), ("fr-cap-1", "easy", 2000),
                              ("q-det", "good", 5000), ("q-comm", "again", 6000)]),
    ("2026-03-03T09:00:00Z", [("fr-fly", "good", 2500), ("fr-fly-r", "hard", 7000), ("q-det", "easy", 1500)]),
    ("2026-03-04T09:00:00Z", [("fr-fly", "again", 9000)]),
]


def run(*args, stdin=None, check=True):
    global DATA
    done = subprocess.run([SRS, *args], input=stdin, capture_output=True, text=True,
                          env={**os.environ, "SRS_DATA_DIR": DATA, "SRS_USER": "alice"})
    if check and done.returncode != 0:
        sys.exit(f"srs {' '.join(args)}: exit {done.returncode}\n{done.stderr}")
    return done


def fail(message):
    sys.exit("round trip FAILED: " + message)


def make_srs_data():
    os.makedirs(os.path.join(DATA, "decks"))
    for name, text in [("Lang::French", FRENCH), ("Lang", LANG), ("Quiz", QUIZ)]:
        with open(os.path.join(DATA, "decks", name + ".deck"), "w") as f:
            f.write(text)
    os.makedirs(os.path.join(DATA, "users", "alice"))
    with open(os.path.join(DATA, "users", "alice", "settings.json"), "w") as f:
        # Options the answers below do not meet (no lapse, no long interval), so that every
        # scheduler's states stay as in the fixture; they become the decks' presets in Anki.
        json.dump({"version": 1, "time_zone": "UTC", "rollover_hour": 4, "scheduler": SCHEDULER, "fuzz": False,
                   "new_per_day": 15, "anki": {"maximum_interval": 3650, "leech_threshold": 6},
                   "decks": {"Quiz": {"anki": {"minimum_interval": 2}}}}, f)
    for at, answers in ANSWERS:
        run("answer", "--at", at, stdin="".join(f"{c} {g} {ms}\n" for c, g, ms in answers))


def read_csv(name):
    with open(os.path.join(DATA, "..", name), newline="") as f:
        return list(csv.DictReader(f))


def package_cards(path):
    """Card id -> (note guid, ord), from the package srs wrote (Anki keeps the ids in a new collection)."""
    with zipfile.ZipFile(path) as z, tempfile.NamedTemporaryFile(suffix=".anki21") as tmp:
        tmp.write(z.read("collection.anki21"))
        tmp.flush()
        db = sqlite3.connect(tmp.name)
        rows = db.execute("SELECT cards.id, notes.guid, cards.ord FROM cards JOIN notes ON notes.id = cards.nid ORDER BY cards.id").fetchall()
        db.close()
    return {cid: (guid, ord) for cid, guid, ord in rows}


def anki_side(package):
    folder = tempfile.mkdtemp()
    col = Collection(os.path.join(folder, "collection.anki2"))
    request = ImportAnkiPackageRequest(package_path=package,
                                       options=ImportAnkiPackageOptions(with_scheduling=True, with_deck_configs=True))
    col.import_anki_package(request)
    # The same package again: the notes are found by their guid and updated, not added twice.
    col.import_anki_package(request)
    today = col.sched.today
    cards = []
    for cid in sorted(col.find_cards("")):
        card = col.get_card(cid)
        due = card.due - today if card.queue in (2, 3) or (card.queue == -1 and card.type == 2) else None
        cards.append({"id": cid, "deck": col.decks.name(card.did), "notetype": card.note_type()["name"],
                      "ord": card.ord, "type": card.type, "queue": card.queue, "due_in_days": due,
                      "ivl": card.ivl, "factor": card.factor, "reps": card.reps, "lapses": card.lapses,
                      "memory": (round(card.memory_state.stability, 4), round(card.memory_state.difficulty, 3)) if card.memory_state else None,
                      "question": card.question(), "answer": card.answer()})
    revlog = col.db.all("SELECT id, cid, ease, ivl, lastIvl, factor, time, type FROM revlog ORDER BY id")
    # The cards are studied as Anki's own: the first due card answered Good.
    col.decks.select(col.decks.id_for_name("Lang"))
    due = col.sched.getCard()
    if due is None:
        fail("Anki has no card to study today")
    states = col._backend.get_scheduling_states(due.id)
    col.sched.answer_card(col.sched.build_answer(card=due, states=states, rating=CardAnswer.GOOD))
    print(f"Anki studied an imported card: {due.note_type()['name']} card {due.ord + 1} answered Good")
    decks = sorted(d.name for d in col.decks.all_names_and_ids())
    presets = {}
    for name in ("Lang", "Lang::French", "Quiz"):
        conf = col.decks.config_dict_for_deck_id(col.decks.id_for_name(name))
        presets[name] = (conf["name"], conf["new"]["perDay"], conf["rev"]["maxIvl"], conf["lapse"]["leechFails"], conf["lapse"]["minInt"])
    wanted = {"Lang": ("srs", 15, 3650, 6, 1), "Lang::French": ("srs", 15, 3650, 6, 1), "Quiz": ("srs: Quiz", 15, 3650, 6, 2)}
    if SCHEDULER == "fsrs":
        wanted = {name: (p[0], 15, 36500, 6, p[4]) for name, p in wanted.items()}
    if presets != wanted:
        fail(f"Anki's deck presets are {presets}, expected {wanted}")
    print(f"Anki's deck presets are srs's options: {presets}")
    notes = col.note_count()
    col.close()
    return cards, revlog, decks, notes


def round_trip(scheduler, fixture):
    global DATA, SCHEDULER
    SCHEDULER = scheduler
    work = os.path.join(WORK, scheduler)
    DATA = os.path.join(work, "data")
    make_srs_data()
    package = os.path.join(work, "rt.apkg")
    run("export", package, "--with-progress", "--deck", "Lang", "--deck", "quiz")
    run("export", os.path.join(work, "rt.csv"), "--with-progress", "--deck", "Lang", "--deck", "quiz")
    run("export", os.path.join(work, "log.csv"), "--log", "--deck", "Lang", "--deck", "quiz")
    srs_cards, srs_log = read_csv("rt.csv"), read_csv("log.csv")
    ids = package_cards(package)
    anki_cards, revlog, decks, notes = anki_side(package)
    today = datetime.datetime.now(datetime.timezone.utc) - datetime.timedelta(hours=4)

    if len(anki_cards) != len(srs_cards):
        fail(f"Anki has {len(anki_cards)} cards, srs exported {len(srs_cards)}")
    if decks != ["Default", "Lang", "Lang::French", "Quiz"]:
        fail(f"Anki's decks are {decks}")
    if notes != 8:
        fail(f"Anki has {notes} notes, expected 8 (a basic+reverse pair and a two-deletion cloze share one)")
    # srs exports cards in its row order and numbers them from one base: row i is card base + i.
    for row, card in zip(srs_cards, anki_cards):
        if card["deck"] != row["deck"]:
            fail(f"{row['card']}: deck {card['deck']!r} in Anki, {row['deck']!r} in srs")
        if row["due"]:
            due = (datetime.date.fromisoformat(row["due"]) - today.date()).days
            if card["queue"] == 1:
                due = None  # a learning step: due at a moment, checked by the interval below
            if due is not None and card["due_in_days"] != due:
                fail(f"{row['card']}: due in {card['due_in_days']} days in Anki, {due} in srs ({row['due']})")
            if card["ivl"] != int(row["interval"]):
                fail(f"{row['card']}: interval {card['ivl']} in Anki, {row['interval']} in srs")
            ease = round(float(row["ease"]) * 1000) if row["ease"] else 0
            if scheduler != "fsrs" and card["factor"] != ease:
                fail(f"{row['card']}: factor {card['factor']} in Anki, ease {row['ease']} in srs")
        elif card["type"] != 0:
            fail(f"{row['card']}: new in srs, type {card['type']} in Anki")
    if scheduler == "fsrs":
        with zipfile.ZipFile(package) as z, tempfile.NamedTemporaryFile(suffix=".anki21") as tmp:
            tmp.write(z.read("collection.anki21"))
            tmp.flush()
            db = sqlite3.connect(tmp.name)
            data = dict(db.execute("SELECT id, data FROM cards").fetchall())
            db.close()
        for card in anki_cards:
            memory = json.loads(data[card["id"]] or "{}")
            want = (memory["s"], memory["d"]) if "s" in memory else None
            if card["memory"] != want:
                fail(f"card {card['id']}: FSRS memory {card['memory']} in Anki, {want} in the package")
        print(f"fsrs: Anki kept the stability and difficulty of all {sum(1 for c in anki_cards if c['memory'])} reviewed cards")
    if len(revlog) != len(srs_log):
        fail(f"Anki's revlog has {len(revlog)} rows, srs {len(srs_log)} answers")
    grades = {"again": 1, "hard": 2, "good": 3, "easy": 4}
    for row, entry in zip(srs_log, revlog):
        if entry[2] != grades[row["grade"]] or entry[6] != int(row["ms"]):
            fail(f"revlog {entry} against srs answer {row}")
    print(f"{scheduler}: Anki imported (twice) {len(anki_cards)} cards, {notes} notes, decks {decks}; due days, intervals and ease "
          f"match srs for every card; {len(revlog)} revlog rows match srs's {len(srs_log)} answers")

    back = os.path.join(work, "back")
    done = subprocess.run([SRS, "import", package], capture_output=True, text=True,
                          env={**os.environ, "SRS_DATA_DIR": back, "SRS_USER": "alice"})
    if done.returncode != 0:
        fail(f"srs import of its own export: exit {done.returncode}\n{done.stderr}")
    kinds = {}
    for name in sorted(os.listdir(os.path.join(back, "decks"))):
        with open(os.path.join(back, "decks", name)) as f:
            for line in f:
                if line.startswith("type: "):
                    kinds[line[6:].strip()] = kinds.get(line[6:].strip(), 0) + 1
    expected = {"basic": 6, "reverse": 1, "cloze": 2, "type_in": 1}
    if kinds != expected:
        fail(f"srs import of the export gave {kinds}, expected {expected}")
    print(f"{scheduler}: srs imported the package back: {sum(kinds.values())} cards {kinds}")

    if fixture:
        data = os.path.join(os.path.dirname(fixture), "data")
        shutil.rmtree(data, ignore_errors=True)
        shutil.copytree(os.path.join(DATA, "decks"), os.path.join(data, "decks"))
        os.makedirs(os.path.join(data, "users", "alice"))
        for name in ("reviews.jsonl", "settings.json"):
            shutil.copy(os.path.join(DATA, "users", "alice", name), os.path.join(data, "users", "alice", name))
        with open(fixture, "w") as f:
            json.dump({"anki": "26.9.3", "decks": decks, "notes": notes,
                       "cards": [{k: c[k] for k in ("deck", "notetype", "ord", "type", "queue", "due_in_days", "ivl", "factor", "reps", "lapses")}
                                 for c in anki_cards],
                       "revlog": [{"ease": r[2], "ivl": r[3], "lastIvl": r[4], "factor": r[5], "time": r[6], "type": r[7]} for r in revlog]},
                      f, indent=1, ensure_ascii=False)
            f.write("\n")


for name in ("anki", "sm2", "fsrs"):
    round_trip(name, FIXTURE if name == "anki" else None)
