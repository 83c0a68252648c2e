#!/usr/bin/env python3
"""Build the Anki test packages of Tests/SRSAnkiTests/Fixtures/ with the official `anki` package.

Run it through scripts/make-anki-fixtures.sh, which fixes the clock with libfaketime (the file named
by FAKETIME_TIMESTAMP_FILE, re-read on every call), sets TZ=UTC and ANKI_TEST_MODE=1 (no fuzz).
Every package comes with `<name>.expected.json`: what Anki's own API says the collection holds, so
the Swift tests compare what srs reads against Anki's truth. Answers are given at fixed times, all
between 09:00 and 18:00 UTC (test mode shifts 02:00-03:59 local).
"""
import ctypes
import io
import json
import os
import struct
import sys
import tempfile
import wave
import zipfile
import zlib

from anki.collection import Collection, ExportAnkiPackageOptions
from anki.scheduler_pb2 import CardAnswer

OUT = sys.argv[1] if len(sys.argv) > 1 and not sys.argv[1].startswith("--") else "Tests/SRSAnkiTests/Fixtures"
CLOCK = os.environ.get("FAKETIME_TIMESTAMP_FILE", "")
GOOD, AGAIN, HARD, EASY = (CardAnswer.GOOD, CardAnswer.AGAIN, CardAnswer.HARD, CardAnswer.EASY)


def set_clock(stamp):
    """Move the faked clock to `stamp` ("YYYY-MM-DD HH:MM:SS", UTC), frozen there."""
    if not CLOCK:
        sys.exit("make-anki-fixtures.py: run me through scripts/make-anki-fixtures.sh (libfaketime)")
    with open(CLOCK, "w") as f:
        f.write(stamp + "\n")


def tiny_png():
    raw = b"\x00\xff\x00\x00"  # one red pixel, filter byte first
    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))
    header = struct.pack(">IIBBBBB", 1, 1, 8, 2, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(raw)) + chunk(b"IEND", b"")


def tiny_wav():
    buf = io.BytesIO()
    with wave.open(buf, "wb") as w:
        w.setnchannels(1); w.setsampwidth(1); w.setframerate(8000)
        w.writeframes(bytes((128 + (i % 16) * 4) for i in range(400)))
    return buf.getvalue()


def add(col, notetype, deck, fields, tags=()):
    note = col.new_note(col.models.by_name(notetype))
    for i, value in enumerate(fields):
        note.fields[i] = value
    note.tags = list(tags)
    col.add_note(note, col.decks.id(deck))
    return note


def answer(col, cid, rating, seconds=6):
    card = col.get_card(cid)
    card.start_timer()
    card.timer_started -= seconds
    states = col._backend.get_scheduling_states(cid)
    col.sched.answer_card(col.sched.build_answer(card=card, states=states, rating=rating))


def answer_all(col, stamp, cids, rating):
    """At `stamp`, give each card of `cids` the answer `rating`."""
    set_clock(stamp)
    for cid in cids:
        answer(col, cid, rating)


def vocab_notetype(col):
    mm = col.models
    nt = mm.new("Vocab (two ways)")
    for name in ("Word", "Meaning", "Example"):
        mm.add_field(nt, mm.new_field(name))
    recognise = mm.new_template("Recognise")
    recognise["qfmt"] = "{{Word}}{{#Example}}<br><i>{{Example}}</i>{{/Example}}"
    recognise["afmt"] = "{{FrontSide}}<hr id=answer>{{Meaning}}{{^Example}}<br>(no example){{/Example}}"
    recall = mm.new_template("Recall")
    recall["qfmt"] = "{{#Meaning}}Say: {{text:Meaning}}{{/Meaning}}"
    recall["afmt"] = "{{FrontSide}}<hr id=answer>{{Word}}"
    mm.add_template(nt, recognise)
    mm.add_template(nt, recall)
    mm.add(nt)


def fill(col, media):
    """Notes of every kind in subdecks, with tags and media. Returns the notes by short name."""
    if media:
        col.media.write_data("cat.png", tiny_png())
        col.media.write_data("bell.wav", tiny_wav())
        col.media.write_data("café tiles.png", tiny_png())
    vocab_notetype(col)
    n = {}
    n["basic"] = add(col, "Basic", "Science", ['What is <b>2&nbsp;+&nbsp;2</b>?', '4<br><img src="cat.png">'], ["math", "easy"])
    n["sound"] = add(col, "Basic", "Science::Physics", ["Which sound?", "[sound:bell.wav] a bell"], ["physics"])
    n["reversed"] = add(col, "Basic (and reversed card)", "Languages::French", ["le chat", "the cat"], ["french", "animals"])
    n["typein"] = add(col, "Basic (type in the answer)", "Geography", ["Capital of Italy?", "Rome"], ["capitals"])
    n["cloze"] = add(col, "Cloze", "Geography", ["{{c1::Paris::city}} is the capital of {{c2::France}}.", "<ul><li>on the Seine</li><li>2.1 M people</li></ul>"], ["capitals", "cloze"])
    n["math"] = add(col, "Cloze", "Science", [r"\(x^2\) is {{c1::a square}}", ""], ["math"])
    n["vocab1"] = add(col, "Vocab (two ways)", "Languages::French", ["la maison", "the house", "Ma maison est grande. <img src=\"café tiles.png\">"], ["french"])
    n["vocab2"] = add(col, "Vocab (two ways)", "Languages::French", ["le pain", "bread", ""], ["french"])
    n["suspended"] = add(col, "Basic", "Science", ["Suspended question", "answer &amp; more"], ["leech"])
    n["buried"] = add(col, "Basic", "Science", ["Buried by the user", "b"], [])
    n["schedburied"] = add(col, "Basic (and reversed card)", "Science", ["sibling front", "sibling back"], [])
    return n


def cards_of(note):
    return sorted(note.card_ids())


def slow_options(col, deck):
    """A second deck config with every option changed, for `deck` and its children."""
    conf = col.decks.get_config(col.decks.add_config_returning_id("Slow"))
    conf["new"].update(delays=[2.0, 20.0, 60.0], ints=[2, 5, 0], initialFactor=2300, perDay=15)
    conf["rev"].update(perDay=150, ease4=1.5, ivlFct=0.9, maxIvl=3650, hardFactor=1.1)
    conf["lapse"].update(delays=[5.0], mult=0.2, minInt=2, leechFails=5, leechAction=0)
    conf["desiredRetention"] = 0.85
    col.decks.update_config(conf)
    for name in (deck, deck + "::French"):
        d = col.decks.get(col.decks.id(name))
        d["conf"] = conf["id"]
        col.decks.save(d)


def study_sm2(col, n):
    """Answers at fixed times over four days: learning steps, graduation, a lapse, a manual reschedule."""
    col.set_config("rollover", 4)
    slow_options(col, "Languages")
    learners = cards_of(n["basic"]) + cards_of(n["reversed"]) + cards_of(n["cloze"])[:1] + cards_of(n["typein"])
    answer_all(col, "2026-03-02 10:00:00", learners, GOOD)
    answer_all(col, "2026-03-02 10:15:00", learners, GOOD)
    set_clock("2026-03-03 10:00:00")
    answer(col, cards_of(n["basic"])[0], EASY)
    set_clock("2026-03-04 11:00:00")
    answer(col, cards_of(n["reversed"])[0], AGAIN)
    answer(col, cards_of(n["reversed"])[1], HARD)
    set_clock("2026-03-04 11:05:00")
    answer(col, cards_of(n["reversed"])[0], GOOD, seconds=75)
    set_clock("2026-03-05 12:00:00")
    col.sched.set_due_date(cards_of(n["typein"]), "3")
    answer(col, cards_of(n["cloze"])[1], GOOD)
    col.sched.suspend_cards(cards_of(n["suspended"]))
    col.sched.bury_cards(cards_of(n["buried"]), manual=True)
    col.sched.bury_cards(cards_of(n["schedburied"])[1:], manual=False)


def study_fsrs(col, n):
    """The same kind of history with FSRS on: cards carry stability and difficulty in `data`."""
    col.set_config("fsrs", True)
    col.set_config("rollover", 5)
    learners = cards_of(n["basic"]) + cards_of(n["reversed"]) + cards_of(n["vocab1"])
    answer_all(col, "2026-03-02 10:00:00", learners, GOOD)
    answer_all(col, "2026-03-02 10:12:00", learners, GOOD)
    answer(col, cards_of(n["typein"])[0], EASY)
    answer_all(col, "2026-03-05 15:00:00", learners[:2], GOOD)
    answer(col, learners[2], AGAIN)
    col.sched.suspend_cards(cards_of(n["suspended"]))


def field_names(nt):
    return [f["name"] for f in nt["flds"]]


def expected(col, media):
    """What Anki's API says the collection holds."""
    notetypes = [{"id": nt["id"], "name": nt["name"], "kind": nt["type"], "fields": field_names(nt),
                  "templates": [{"name": t["name"], "qfmt": t["qfmt"], "afmt": t["afmt"]} for t in nt["tmpls"]]}
                 for nt in sorted(col.models.all(), key=lambda m: m["id"])]
    notes, cards = [], []
    for nid in sorted(col.find_notes("")):
        note = col.get_note(nid)
        notes.append({"id": nid, "guid": note.guid, "notetype": note.mid, "fields": list(note.fields), "tags": sorted(note.tags)})
    for cid in sorted(col.find_cards("")):
        c = col.get_card(cid)
        cards.append({"id": cid, "note": c.nid, "ord": c.ord, "deck": c.did, "type": c.type, "queue": c.queue,
                      "due": c.due, "ivl": c.ivl, "factor": c.factor, "reps": c.reps, "lapses": c.lapses,
                      "left": c.left, "data": json.loads(col.db.scalar("select data from cards where id = ?", cid) or "{}"),
                      "question": c.question(), "answer": c.answer()})
    decks = sorted(({"id": d.id, "name": d.name, "config": col.decks.get(d.id).get("conf", 0)} for d in col.decks.all_names_and_ids()), key=lambda d: d["id"])
    configs = [{"id": c["id"], "name": c["name"], "new": {k: c["new"][k] for k in ("delays", "ints", "initialFactor", "perDay")},
                "rev": {k: c["rev"][k] for k in ("perDay", "ease4", "ivlFct", "maxIvl", "hardFactor")},
                "lapse": {k: c["lapse"][k] for k in ("delays", "mult", "minInt", "leechFails", "leechAction")},
                "desiredRetention": round(c["desiredRetention"], 4), "fsrsParams6": [round(w, 4) for w in c["fsrsParams6"]]}
               for c in sorted(col.decks.all_config(), key=lambda c: c["id"])]
    revlog = [dict(zip(("id", "card", "ease", "ivl", "lastIvl", "factor", "time", "type"), row))
              for row in col.db.all("select id, cid, ease, ivl, lastIvl, factor, time, type from revlog order by id")]
    return {"anki": "26.9.3", "timeZone": "UTC", "crt": col.crt, "rollover": col.get_config("rollover", None),
            "creationOffset": col.get_config("creationOffset", None),
            "fsrs": bool(col.get_config("fsrs", False)), "notetypes": notetypes, "notes": notes, "cards": cards,
            "decks": decks, "deckConfigs": configs, "revlog": revlog, "media": sorted(media)}


def export_all(col, base, media, legacy_too=True):
    truth = expected(col, media)
    for legacy in ((False, True) if legacy_too else (False,)):
        suffix = "-legacy" if legacy else ""
        options = ExportAnkiPackageOptions(with_scheduling=True, with_deck_configs=True, with_media=True, legacy=legacy)
        col.export_anki_package(out_path=f"{OUT}/{base}{suffix}.apkg", options=options, limit=None)
    path = col.path
    for legacy in ((False, True) if legacy_too else (False,)):
        suffix = "-legacy" if legacy else ""
        col.export_collection_package(f"{OUT}/{base}{suffix}.colpkg", include_media=True, legacy=legacy)
        col.reopen()
    with open(f"{OUT}/{base}.expected.json", "w") as f:
        json.dump(truth, f, indent=1, ensure_ascii=False, sort_keys=True)
        f.write("\n")
    return path


def build(base, study, media):
    folder = tempfile.mkdtemp(prefix="srs-anki-")
    set_clock("2026-03-01 09:00:00")
    col = Collection(os.path.join(folder, "collection.anki2"))
    notes = fill(col, media)
    study(col, notes)
    export_all(col, base, ["bell.wav", "café tiles.png", "cat.png"] if media else [])
    col.close()


def zstd_compress(data):
    lib = ctypes.CDLL("libzstd.so.1")
    lib.ZSTD_compressBound.restype = ctypes.c_size_t
    lib.ZSTD_compress.restype = ctypes.c_size_t
    bound = lib.ZSTD_compressBound(ctypes.c_size_t(len(data)))
    out = ctypes.create_string_buffer(bound)
    size = lib.ZSTD_compress(out, ctypes.c_size_t(bound), data, ctypes.c_size_t(len(data)), 3)
    return out.raw[:size]


def media_entries(names):
    """protobuf MediaEntries{repeated MediaEntry entries = 1 {string name = 1; uint32 size = 2}}."""
    def ld(field, payload):
        return bytes([field << 3 | 2]) + varint(len(payload)) + payload
    return b"".join(ld(1, ld(1, n.encode()) + bytes([2 << 3]) + varint(1)) for n in names)


def varint(n):
    out = bytearray()
    while True:
        byte = n & 0x7F
        n >>= 7
        out.append(byte | (0x80 if n else 0))
        if not n:
            return bytes(out)


def hostile(source, target, names, modern):
    """Copy a package with its media map replaced by hostile names (Anki itself refuses to write them)."""
    with zipfile.ZipFile(source) as zin, zipfile.ZipFile(target, "w") as zout:
        for info in zin.infolist():
            if info.filename == "media":
                data = zstd_compress(media_entries(names)) if modern else json.dumps({str(i): n for i, n in enumerate(names)}).encode()
            elif info.filename.isdigit():
                continue
            else:
                data = zin.read(info.filename)
            zout.writestr(info, data)
        for i in range(len(names)):
            zout.writestr(str(i), zstd_compress(b"x") if modern else b"x")


CSV_SAMPLES = {
    "plain.csv": "What is 2 + 2?,4\nCapital of Italy?,Rome\n",
    "guessed.tsv": "le chat\tthe cat\nla maison\tthe house\n",
    "quoted.csv": '"a, b","say ""hi""","two\nlines"\r\nnext,,last\r\n',
    "comments.csv": "#html:false\n\nq1,a1\n# a comment, not a card\n\nq2,a2\n",
    "headers.txt": "#separator:Semicolon\n#html:false\n#tags:imported french\n#columns:Front;Back;Tags\n"
                   "#tags column:3\n#deck:Languages::French\n#notetype:Basic\nle chat;the cat;animals\nle pain;bread;food\n",
    "pipes.txt": "#separator:Pipe\n#guid column:3\nq|a|guid1\nshort\n",
    "html.csv": "q,<i>a</i>\nr,b &amp; c\n",
}


def csv_samples():
    """Anki's reading of a few notes files (`get_csv_metadata`): separator, HTML, header values, preview rows."""
    folder = os.path.join(OUT, "csv")
    os.makedirs(folder, exist_ok=True)
    set_clock("2026-03-01 09:00:00")
    col = Collection(os.path.join(tempfile.mkdtemp(prefix="srs-anki-"), "collection.anki2"))
    col.decks.id("Languages::French")
    truth = {}
    for name, text in CSV_SAMPLES.items():
        path = os.path.join(folder, name)
        with open(path, "w", newline="") as f:
            f.write(text)
        m = col.get_csv_metadata(path, None)
        truth[name] = {"separator": ["\t", "|", ";", ":", ",", " "][m.delimiter], "isHTML": m.is_html,
                       "tags": list(m.global_tags), "columns": list(m.column_labels), "tagsColumn": m.tags_column,
                       "guidColumn": m.guid_column, "deck": m.deck_name if m.HasField("deck_name") else None,
                       "preview": [list(row.vals) for row in m.preview]}
    col.close()
    with open(os.path.join(folder, "csv.expected.json"), "w") as f:
        json.dump(truth, f, indent=1, ensure_ascii=False, sort_keys=True)
        f.write("\n")


def main():
    os.makedirs(OUT, exist_ok=True)
    csv_samples()
    if "--csv-only" in sys.argv:
        return
    build("sm2", study_sm2, media=True)
    build("fsrs", study_fsrs, media=False)
    hostile(f"{OUT}/sm2.apkg", f"{OUT}/hostile-media.apkg", ["ok.png", "../escape.png"], modern=True)
    hostile(f"{OUT}/sm2-legacy.apkg", f"{OUT}/hostile-media-legacy.apkg", ["ok.png", "sub/dir.png"], modern=False)
    print("wrote", sorted(os.listdir(OUT)))


if __name__ == "__main__":
    main()
