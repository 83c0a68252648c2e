#!/usr/bin/env python3
"""Build Tests/SRSAnkiTests/Fixtures/history/ with the official `anki` package: collections with a
review history, exported, then answered further in Anki, with Anki's own states card by card.

Run it through scripts/make-anki-history-fixtures.sh (libfaketime, TZ=Asia/Tokyo, ANKI_TEST_MODE=1:
no fuzz). Every answer is given at a fixed local time, never 02:00-03:59 (test mode shifts those).

For each scheduler (sm2, fsrs):
  <name>-1.colpkg        the collection after its first weeks (learning, reviews, lapses, a step
                         past the rollover, Hard and Easy, suspended and buried cards, a manual
                         due date, a card reset to new, a review in a filtered deck)
  <name>-1-legacy.apkg   the same collection as a legacy (schema 11) package
  <name>-2.colpkg        the same collection later: the answers below given, a note added, one deleted
  <name>.continue.json   the answers given in Anki after <name>-1 was exported: for each session
                         the cards Anki had due, and for each answer Anki's four next states
                         before it and the card's row after it; Anki's final rows; the notes added
                         and removed before <name>-2.

Anki's card ids come from its clock and vary a little between runs, and with them the order of
cards due together: a regenerated fixture can change the few counts the tests pin (answers given,
FSRS intervals equal to Anki's); update them with it.
"""
import importlib.util
import json
import os
import sys
import tempfile
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from anki.collection import Collection, ExportAnkiPackageOptions
from anki.scheduler_pb2 import CardAnswer

OUT = sys.argv[1] if len(sys.argv) > 1 else "Tests/SRSAnkiTests/Fixtures/history"
CLOCK = os.environ.get("FAKETIME_TIMESTAMP_FILE", "")
ZONE = ZoneInfo(os.environ.get("TZ", "UTC"))
RATINGS = {1: CardAnswer.AGAIN, 2: CardAnswer.HARD, 3: CardAnswer.GOOD, 4: CardAnswer.EASY}
NOW = [None]
# The answering helper of make-anki-fixtures.py, shared.
_spec = importlib.util.spec_from_file_location("fixtures", os.path.join(os.path.dirname(__file__), "make-anki-fixtures.py"))
FIXTURES = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(FIXTURES)


def local(stamp):
    """A local time "YYYY-MM-DD HH:MM[:SS]" in the fixture's zone."""
    fmt = "%Y-%m-%d %H:%M:%S" if stamp.count(":") == 2 else "%Y-%m-%d %H:%M"
    return datetime.strptime(stamp, fmt).replace(tzinfo=ZONE)


def set_clock(moment):
    if not CLOCK:
        sys.exit("make-anki-history-fixtures.py: run me through scripts/make-anki-history-fixtures.sh")
    if isinstance(moment, str):
        moment = local(moment)
    assert moment.hour not in (2, 3), "test mode shifts 02:00-03:59"
    NOW[0] = moment
    with open(CLOCK, "w") as f:
        f.write("@" + moment.strftime("%Y-%m-%d %H:%M:%S") + "\n")


def add(col, notetype, deck, fields):
    """A note with a guid of its own making, so that every run makes the same collection (Anki
    draws guids at random, and the order of equally due cards follows them)."""
    note = col.new_note(col.models.by_name(notetype))
    for i, value in enumerate(fields):
        note.fields[i] = value
    note.guid = "srs-" + "-".join(fields)[:40]
    col.add_note(note, col.decks.id(deck))
    return note


def answer(col, cid, grade, seconds=5):
    FIXTURES.answer(col, cid, RATINGS[grade], seconds)


def row(col, cid):
    c = col.get_card(cid)
    data = json.loads(col.db.scalar("select data from cards where id = ?", cid) or "{}")
    out = {"type": c.type, "queue": c.queue, "due": c.due, "ivl": c.ivl, "factor": c.factor,
           "reps": c.reps, "lapses": c.lapses, "left": c.left}
    for key in ("s", "d", "lrt"):
        if key in data:
            out[key] = data[key]
    return out


def state(s):
    """One of Anki's next states (SchedulingState.normal) as plain numbers."""
    kind = s.normal.WhichOneof("kind")
    inner = getattr(s.normal, kind)
    if kind == "relearning":
        return {"kind": kind, "days": inner.review.scheduled_days, "ease": round(inner.review.ease_factor, 4),
                "secs": inner.learning.scheduled_secs, "remaining": inner.learning.remaining_steps,
                "lapses": inner.review.lapses}
    if kind == "review":
        out = {"kind": kind, "days": inner.scheduled_days, "ease": round(inner.ease_factor, 4), "lapses": inner.lapses}
        if inner.HasField("memory_state"):
            out.update(s=round(inner.memory_state.stability, 4), d=round(inner.memory_state.difficulty, 4))
        return out
    return {"kind": kind, "secs": inner.scheduled_secs, "remaining": inner.remaining_steps}


def queued(col):
    got = col.sched.get_queued_cards(fetch_limit=1000)
    return sorted(q.card.id for q in got.cards)


def session(col, when, grades, log):
    """At `when`: the cards Anki has queued; then as many answers, 20 s apart, each to the card at
    the top of Anki's queue then, grade by turn."""
    set_clock(when)
    col.decks.select(col.decks.id("Study"))
    col.sched.deck_due_tree()                # what Anki's deck list does: unburies on a new day
    due = queued(col)
    answers = []
    moment = NOW[0]
    for i in range(len(due)):
        set_clock(moment + timedelta(seconds=20 * i))
        top = col.sched.get_queued_cards(fetch_limit=1).cards
        if not top:
            break
        cid = top[0].card.id
        states = col._backend.get_scheduling_states(cid)
        outcomes = {str(g): state(getattr(states, name)) for g, name in ((1, "again"), (2, "hard"), (3, "good"), (4, "easy"))}
        grade = grades[i % len(grades)]
        answer(col, cid, grade)
        answers.append({"card": cid, "at": int(NOW[0].timestamp()), "grade": grade, "outcomes": outcomes, "after": row(col, cid)})
    log.append({"at": int(local(when).timestamp()), "queued": due, "answers": answers})
    col.decks.select(1)


def sm2_options(col):
    conf = col.decks.get_config(1)
    conf["new"].update(delays=[2.0, 20.0], ints=[2, 5], initialFactor=2300)
    conf["rev"].update(ease4=1.4, ivlFct=0.95, hardFactor=1.1)
    conf["lapse"].update(delays=[15.0], mult=0.3, minInt=2)
    col.decks.update_config(conf)


def make_notes(col):
    n = [add(col, "Basic", "Study::Words", [f"word {i}", f"meaning {i}"]) for i in range(10)]
    n += [add(col, "Basic", "Study::Words::Verbs", [f"verb {i}", f"to do {i}"]) for i in range(3)]
    n.append(add(col, "Basic (and reversed card)", "Study::Words", ["le chat", "the cat"]))
    n.append(add(col, "Cloze", "Study::Facts", ["{{c1::Paris}} is in {{c2::France}}", ""]))
    return [cid for note in n for cid in sorted(note.card_ids())]


def filtered(col, name, search, reschedule):
    did = col.decks.new_filtered(name)
    deck = col.decks.get(did)
    deck["terms"] = [[search, 100, 0]]
    deck["resched"] = reschedule
    col.decks.save(deck)
    col.sched.rebuild_filtered_deck(did)
    return did


def empty(col, did):
    col.sched.empty_filtered_deck(did)
    col.decks.remove([did])
    col.decks.select(1)


def first_weeks(col, cards):
    """Every kind of state and revlog row, over a week."""
    a = cards
    set_clock("2026-01-05 10:00")
    for cid in a[:9]:
        answer(col, cid, 3)
    answer(col, a[9], 2)                     # Hard on the first step
    answer(col, a[10], 4)                    # Easy at once
    set_clock("2026-01-05 10:25")
    for cid in a[:8]:
        answer(col, cid, 3)                  # graduate (2 days)
    answer(col, a[8], 1)                     # back to the first step
    set_clock("2026-01-06 04:50")            # a 20-minute step across the 05:00 rollover
    answer(col, a[8], 3)
    answer(col, a[11], 3)
    answer(col, a[11], 3)
    set_clock("2026-01-07 11:00")
    for i, cid in enumerate(a[:8]):
        answer(col, cid, [3, 3, 4, 2, 1, 3, 3, 1][i])
    set_clock("2026-01-07 11:20")
    answer(col, a[4], 3)                     # relearnt
    set_clock("2026-01-08 09:30")
    answer(col, a[8], 3)
    col.sched.set_due_date([a[12]], "3")     # a manual due date (revlog manual)
    answer(col, a[13], 3)
    answer(col, a[13], 3)
    answer(col, a[14], 3)
    answer(col, a[15], 3)
    set_clock("2026-01-09 12:00")
    col.sched.schedule_cards_as_new([a[14]]) # reset to new (revlog manual)
    did = filtered(col, "Cram", "deck:Study::Words::Verbs", reschedule=True)
    answer(col, a[10], 3)                    # an early review in a filtered deck (revlog filtered)
    answer(col, a[11], 3)
    empty(col, did)
    set_clock("2026-01-11 19:00")
    for cid in a[:4]:
        if col.get_card(cid).queue in (1, 2, 3):
            answer(col, cid, 3)
    set_clock("2026-01-11 19:10")
    did = filtered(col, "Preview", "deck:Study::Words::Verbs", reschedule=False)
    answer(col, a[12], 3)                    # cramming: no change to the schedule (revlog filtered, ease 0)
    empty(col, did)
    set_clock("2026-01-12 09:00")
    col.sched.deck_due_tree()                # Anki's deck list at start-up: today's unburying done
    answer(col, a[13], 1)                    # in learning at the export: an intraday step
    col.sched.suspend_cards([a[5]])
    col.sched.bury_cards([a[6]], manual=True)
    col.sched.bury_cards([a[15]], manual=False)


def export(col, path, legacy=False):
    if path.endswith(".colpkg"):
        col.export_collection_package(path, include_media=False, legacy=legacy)
        col.reopen()
    else:
        options = ExportAnkiPackageOptions(with_scheduling=True, with_deck_configs=True, with_media=False, legacy=legacy)
        col.export_anki_package(out_path=path, options=options, limit=None)


def build(name, fsrs):
    folder = tempfile.mkdtemp(prefix="srs-anki-history-")
    set_clock("2026-01-04 09:00")
    col = Collection(os.path.join(folder, "collection.anki2"))
    col.set_config("rollover", 5)
    if fsrs:
        col.set_config("fsrs", True)
    else:
        sm2_options(col)
    cards = make_notes(col)
    first_weeks(col, cards)
    set_clock("2026-01-12 10:00")
    export(col, f"{OUT}/{name}-1.colpkg")
    export(col, f"{OUT}/{name}-1-legacy.apkg", legacy=True)
    sessions = []
    session(col, "2026-01-12 10:05", [3, 3, 1, 4, 2], sessions)
    session(col, "2026-01-12 10:30", [3, 2, 3], sessions)
    session(col, "2026-01-14 10:00", [3, 4, 1, 3, 2, 3], sessions)
    session(col, "2026-01-14 10:25", [3], sessions)
    session(col, "2026-01-20 18:00", [3, 1, 3, 3, 4], sessions)
    session(col, "2026-02-03 08:00", [3, 3, 2], sessions)
    set_clock("2026-02-03 09:00")
    added = add(col, "Basic", "Study::Words", ["added later", "new"])
    removed = col.get_card(cards[-1]).nid    # the cloze note: both its cards
    removed_note = col.get_note(removed)
    col.remove_notes([removed])
    final = {str(cid): row(col, cid) for cid in sorted(col.find_cards(""))}
    export(col, f"{OUT}/{name}-2.colpkg")
    truth = {"anki": "26.9.3", "timeZone": str(ZONE), "sessions": sessions, "final": final,
             "added": {"guid": added.guid, "cards": sorted(added.card_ids())},
             "removed": {"guid": removed_note.guid, "fields": list(removed_note.fields)}}
    with open(f"{OUT}/{name}.continue.json", "w") as f:
        json.dump(truth, f, indent=1, sort_keys=True)
        f.write("\n")
    col.close()


def main():
    os.makedirs(OUT, exist_ok=True)
    build("sm2", fsrs=False)
    build("fsrs", fsrs=True)
    print("wrote", sorted(os.listdir(OUT)))


if __name__ == "__main__":
    main()
