#!/usr/bin/env python3
"""Audit srs's Anki import and export on packages unlike the committed fixtures (run by
make-anki-audit-packages.sh, which freezes the clock with libfaketime and sets ANKI_TEST_MODE=1).

    make-anki-audit-packages.py OUTDIR [SRS]

Builds with the official `anki` package two collections as real users hold them, and exports each
in both generations (`.apkg` and `.colpkg`, current and legacy schema 11):

- `de`: a collection created in German (stock note types "Einfach", "Lückentext", "Bildverdeckung",
  … under their German names), SM-2, two deck presets; Basic (optional reversed card) with and
  without the optional field, type-in, reversed, Image Occlusion, a custom note type with three
  templates of which one renders empty for some notes (Anki makes no card), `{{#F}}`/`{{^F}}`,
  `{{hint:…}}`, `{{text:…}}`, nested clozes, one cloze number used twice, cloze numbers above 9,
  HTML tables, lists, `<br>`, entities, `<img>`, `[sound:]`, RTL and CJK text, a long field, decks
  three deep with `/`, `:`, spaces and emoji in their names, tags with `::`; answered over eight
  days: learning, review, relearning, a day-learning step, a filtered deck holding cards (answered
  there), a due date set by hand, a reset to new, suspended, user- and sibling-buried cards.
- `ja-fsrs`: a collection created in Japanese with FSRS on, two presets of different retention.

With SRS (the built binary), each package is imported into a fresh data directory and checked as a
careful user would: every Anki card is one srs card in its home deck (counts per deck and note
type, card by card through the id `anki-<FNV-1a of guid>-t<ord>|c<n>`), the question and answer text
against Anki's own rendering stripped of HTML, the cards due today per deck (`srs decks --json`)
against Anki's queues, the history count in `srs stats --json` against the revlog, and no crash.
Then `srs export --with-progress` of what was imported goes into a fresh Anki collection: the same
cards, notes, decks, due days and intervals. Prints every difference; exit 1 when there is one.
"""
import html
import importlib.util
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile

from anki._backend import RustBackend
from anki.collection import Collection, ExportAnkiPackageOptions, ImportAnkiPackageOptions, ImportAnkiPackageRequest

HERE = os.path.dirname(os.path.abspath(__file__))
_spec = importlib.util.spec_from_file_location("fixtures", os.path.join(HERE, "make-anki-fixtures.py"))
fixtures = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(fixtures)
add, answer, answer_all, cards_of = fixtures.add, fixtures.answer, fixtures.answer_all, fixtures.cards_of
set_clock = fixtures.set_clock
GOOD, AGAIN, HARD, EASY = fixtures.GOOD, fixtures.AGAIN, fixtures.HARD, fixtures.EASY

OUT = sys.argv[1]
SRS = sys.argv[2] if len(sys.argv) > 2 else None
EXPORT_TIME = "2026-03-09 12:00:00"
PROBLEMS = []


def problem(package, text):
    PROBLEMS.append(f"{package}: {text}")
    print(f"  PROBLEM {text}")


# ---- building the collections

def three_templates(col):
    """A custom note type whose third template renders empty when `Extra` is empty."""
    mm = col.models
    nt = mm.new("Wort (drei Karten)")
    for name in ("Wort", "Bedeutung", "Extra"):
        mm.add_field(nt, mm.new_field(name))
    specs = [("Erkennen", "{{Wort}}{{#Extra}}<br><i>{{Extra}}</i>{{/Extra}}",
              "{{FrontSide}}<hr id=answer>{{Bedeutung}}{{^Extra}}<br>(ohne Extra){{/Extra}}"),
             ("Abrufen", "Was heißt {{text:Bedeutung}}?", "{{FrontSide}}<hr id=answer>{{Wort}}"),
             ("Extra", "{{#Extra}}{{Extra}} → ?{{/Extra}}", "{{FrontSide}}<hr id=answer>{{Wort}} {{hint:Bedeutung}}")]
    for name, q, a in specs:
        t = mm.new_template(name)
        t["qfmt"], t["afmt"] = q, a
        mm.add_template(nt, t)
    mm.add(nt)


def presets(col, names):
    """A second preset, `Langsam`, with a day-long learning step, for the decks `names`."""
    conf = col.decks.get_config(col.decks.add_config_returning_id("Langsam"))
    conf["new"].update(delays=[10.0, 1440.0], ints=[3, 6, 0], initialFactor=2200, perDay=30)
    conf["rev"].update(perDay=80, ease4=1.4, ivlFct=1.1, maxIvl=1000, hardFactor=1.3)
    conf["lapse"].update(delays=[15.0, 60.0], mult=0.5, minInt=1, leechFails=6, leechAction=1)
    conf["desiredRetention"] = 0.8
    col.decks.update_config(conf)
    for name in names:
        d = col.decks.get(col.decks.id(name))
        d["conf"] = conf["id"]
        col.decks.save(d)


TABLE = "<table><tr><th>Kasus</th><th>Artikel</th></tr><tr><td>Nom.</td><td>der</td></tr><tr><td>Akk.</td><td>den</td></tr></table>"
DECK_JA = "Sprachen::日本語::漢字 🈶"
DECK_HE = "Sprachen::עברית"
DECK_ODD = "Wissen/Fakten: Teil 1::Sub deck::Tiefe 3"
DECK_TOP = "Wissen/Fakten: Teil 1"


def fill_de(col):
    col.media.write_data("katze.png", b"\x89PNG\r\n\x1a\n")
    col.media.write_data("glocke.mp3", b"ID3")
    three_templates(col)
    for deck in (DECK_JA, DECK_HE, DECK_ODD, DECK_TOP):
        col.decks.id(deck)
    presets(col, ["Sprachen", "Sprachen::日本語", DECK_JA, DECK_HE])
    n = {}
    n["html"] = add(col, "Einfach", DECK_TOP, ["Artikel im <b>Akkusativ</b>?&nbsp;&lt;m&gt;", TABLE + "<ul><li>eins</li><li>zwei</li></ul>a<br>b &amp; c <img src=\"katze.png\"> [sound:glocke.mp3]"], ["grammatik::kasus", "de"])
    n["long"] = add(col, "Einfach", DECK_ODD, ["Ein sehr langes Feld", " ".join(f"Wort{i}" for i in range(1500))], ["lang"])
    n["optrev_on"] = add(col, "Einfach (und wahlweise die umgekehrte Richtung)", DECK_TOP, ["Hund", "dog", "y"], ["tiere"])
    n["optrev_off"] = add(col, "Einfach (und wahlweise die umgekehrte Richtung)", DECK_TOP, ["Katze", "cat", ""], ["tiere"])
    n["rev"] = add(col, "Einfach (und die umgekehrte Richtung)", DECK_HE, ["שָׁלוֹם", "Frieden / Hallo"], ["rtl::he"])
    n["typein"] = add(col, "Einfach (Antwort eintippen)", DECK_JA, ["「山」の読み方は？", "やま"], ["cjk"])
    n["cloze_nested"] = add(col, "Lückentext", DECK_JA, ["{{c1::東京 {{c2::都}}}}は{{c1::日本}}の首都です。", "首都 = capital"], ["cjk", "cloze::nested"])
    n["cloze_many"] = add(col, "Lückentext", DECK_ODD, [" ".join(f"{{{{c{i}::w{i}::h{i}}}}}" for i in (1, 2, 9, 10, 11, 12)), ""], ["cloze::many"])
    n["three_full"] = add(col, "Wort (drei Karten)", DECK_TOP, ["das Haus", "the house", "Mein Haus ist groß."], ["wort"])
    n["three_empty"] = add(col, "Wort (drei Karten)", DECK_TOP, ["der Baum", "the tree", ""], ["wort"])
    n["suspended"] = add(col, "Einfach", "Standard", ["Gesperrt", "ja"], [])
    n["buried"] = add(col, "Einfach", "Standard", ["Vom Nutzer zurückgestellt", "b"], [])
    n["sibling"] = add(col, "Einfach (und die umgekehrte Richtung)", "Standard", ["Geschwister vorne", "Geschwister hinten"], [])
    n["filtered1"] = add(col, "Einfach", "Standard", ["Gefiltert eins", "1"], ["filter"])
    n["filtered2"] = add(col, "Einfach", "Standard", ["Gefiltert zwei", "2"], ["filter"])
    n["reset"] = add(col, "Einfach", "Standard", ["Zurückgesetzt", "neu"], [])
    n["new"] = add(col, "Einfach", DECK_HE, ["Neu und nie gesehen", "—"], [])
    image_occlusion(col, n)
    return n


def image_occlusion(col, n):
    nt = next(m for m in col.models.all() if m["originalStockKind"] == 6) if any(m.get("originalStockKind") == 6 for m in col.models.all()) else None
    if nt is None:
        return
    folder = tempfile.mkdtemp(prefix="srs-io-")
    path = os.path.join(folder, "karte.png")
    with open(path, "wb") as f:
        f.write(b"\x89PNG\r\n\x1a\n")
    before = set(col.find_notes(""))
    occlusions = "{{c1::image-occlusion:rect:left=.1:top=.1:width=.3:height=.2:oi=1}}<br>{{c2::image-occlusion:ellipse:left=.5:top=.5:width=.2:height=.2:oi=1}}"
    col.add_image_occlusion_note(notetype_id=nt["id"], image_path=path, occlusions=occlusions, header="Europa", back_extra="Hauptstädte", tags=["io"])
    nid = (set(col.find_notes("")) - before).pop()
    note = col.get_note(nid)
    col.set_deck(note.card_ids(), col.decks.id(DECK_TOP))
    n["io"] = note


def study_de(col, n):
    """Eight days of answers; at export time cards are in every state."""
    learners = (cards_of(n["html"]) + cards_of(n["optrev_on"]) + cards_of(n["rev"]) + cards_of(n["typein"])
                + cards_of(n["cloze_nested"]) + cards_of(n["three_full"]) + cards_of(n["filtered1"])
                + cards_of(n["filtered2"]) + cards_of(n["reset"]) + cards_of(n["cloze_many"])[:2])
    answer_all(col, "2026-03-02 09:00:00", learners, GOOD)
    answer_all(col, "2026-03-02 09:20:00", learners, GOOD)
    set_clock("2026-03-03 10:00:00")
    for cid in learners:
        if col.get_card(cid).queue in (1, 3) and col.get_card(cid).due <= col.sched.today + 100000:
            answer(col, cid, GOOD)
    for day, rating in (("2026-03-05 10:00:00", GOOD), ("2026-03-07 10:00:00", HARD)):
        set_clock(day)
        answer_all(col, day, col.find_cards("is:due"), rating)
    set_clock("2026-03-08 11:00:00")
    answer(col, cards_of(n["html"])[0], AGAIN)           # a lapse: relearning, answered on
    set_clock("2026-03-08 11:20:00")
    answer(col, cards_of(n["html"])[0], GOOD)            # a relearn row
    col.sched.schedule_cards_as_new(cards_of(n["reset"]), restore_position=True, reset_counts=False)
    col.sched.set_due_date(cards_of(n["long"]), "0")      # a new card given a due date by hand
    filtered = col.sched.get_or_create_filtered_deck(deck_id=0)
    filtered.name = "Gefiltert::Üben"
    filtered.config.search_terms[0].search = "tag:filter"
    filtered.config.search_terms[0].limit = 10
    filtered.config.reschedule = True
    col.sched.add_or_update_filtered_deck(filtered)
    answer(col, cards_of(n["filtered1"])[0], EASY)        # answered in the filtered deck (early review)
    set_clock(EXPORT_TIME)
    answer(col, cards_of(n["rev"])[0], AGAIN)             # relearning at export time
    answer(col, cards_of(n["cloze_many"])[2], GOOD)       # learning at export time
    answer(col, cards_of(n["three_empty"])[0], GOOD)
    for cid in cards_of(n["optrev_off"]):
        answer(col, cid, GOOD)
        answer(col, cid, GOOD)
    answer(col, cards_of(n["new"])[0], GOOD)             # Langsam's second step is a day: day-learning
    col.sched.suspend_cards(cards_of(n["suspended"]))
    col.sched.bury_cards(cards_of(n["buried"]), manual=True)
    col.sched.bury_cards(cards_of(n["sibling"])[1:], manual=False)


def fill_ja(col):
    nt_basic = next(m for m in col.models.all() if m.get("originalStockKind") == 1)
    col.decks.id("語彙::動詞")
    col.decks.id("語彙::名詞")
    presets(col, ["語彙::名詞"])
    n = {}
    for i in range(8):
        n[f"v{i}"] = add(col, nt_basic["name"], "語彙::動詞", [f"動詞 {i}", f"verb {i}"], ["品詞::動詞"])
    for i in range(4):
        n[f"m{i}"] = add(col, nt_basic["name"], "語彙::名詞", [f"名詞 {i}", f"noun {i}"], [])
    return n


def study_ja(col, n):
    col.set_config("fsrs", True)
    cards = [c for k in sorted(n) for c in cards_of(n[k])]
    answer_all(col, "2026-03-02 09:00:00", cards, GOOD)
    set_clock("2026-03-02 09:15:00")
    for cid in cards:
        if col.get_card(cid).queue == 1:
            answer(col, cid, GOOD)
    for day, ratings in (("2026-03-05 10:00:00", (GOOD, EASY, HARD, AGAIN)), ("2026-03-08 10:00:00", (GOOD, AGAIN))):
        set_clock(day)
        for i, cid in enumerate(col.find_cards("is:due")):
            answer(col, cid, ratings[i % len(ratings)])
    set_clock(EXPORT_TIME)
    for cid in col.find_cards("is:due")[:3]:
        answer(col, cid, AGAIN)


def export(col, base):
    paths = []
    for legacy in (False, True):
        suffix = "-legacy" if legacy else ""
        path = f"{OUT}/{base}{suffix}.apkg"
        options = ExportAnkiPackageOptions(with_scheduling=True, with_deck_configs=True, with_media=True, legacy=legacy)
        col.export_anki_package(out_path=path, options=options, limit=None)
        paths.append(path)
    for legacy in (False, True):
        suffix = "-legacy" if legacy else ""
        path = f"{OUT}/{base}{suffix}.colpkg"
        col.export_collection_package(path, include_media=True, legacy=legacy)
        col.reopen()
        paths.append(path)
    return paths


def build(base, lang, fill, study):
    set_clock("2026-03-01 09:00:00")
    folder = tempfile.mkdtemp(prefix="srs-audit-")
    col = Collection(os.path.join(folder, "collection.anki2"), backend=RustBackend(langs=[lang]))
    notes = fill(col)
    study(col, notes)
    col.close()
    col = Collection(os.path.join(folder, "collection.anki2"), backend=RustBackend(langs=[lang]))
    paths = export(col, base)
    col.close()
    return paths, os.path.join(folder, "collection.anki2"), lang


# ---- what Anki holds

def strip(text):
    """Anki's rendered HTML as plain words, for comparing with srs's plain text."""
    text = re.sub(r"(?is)<style.*?</style>|<script.*?</script>", "", text)
    text = re.sub(r"(?i)<img[^>]*src=\"?([^\" >]+)\"?[^>]*>", r" [image: \1] ", text)
    text = re.sub(r"\[sound:([^\]]+)\]", r" [sound: \1] ", text)
    text = re.sub(r"\[anki:play:[aq]:\d+\]", " ", text)
    text = re.sub(r"(?s)<a class=.?hint.?[^>]*>.*?</a>", " ", text)  # {{hint:F}}: the link, the text follows hidden
    text = re.sub(r"(?is)</?(br|div|p|li|ul|ol|tr|td|th|table|hr)\b[^>]*>", " ", text)
    text = re.sub(r"(?s)<[^>]+>", "", text)
    return " ".join(html.unescape(text).split())


def fnv64(text):
    h = 0xcbf29ce484222325
    for b in text.encode():
        h = ((h ^ b) * 0x100000001b3) & 0xFFFFFFFFFFFFFFFF
    return f"{h:016x}"


def anki_truth(path, lang):
    """Anki's reading of a package, imported into a fresh collection."""
    folder = tempfile.mkdtemp(prefix="srs-audit-read-")
    col = Collection(os.path.join(folder, "collection.anki2"), backend=RustBackend(langs=[lang]))
    if path.endswith(".colpkg"):
        col.close()
        target = os.path.join(folder, "collection.anki2")
        os.remove(target)
        RustBackend(langs=[lang]).import_collection_package(col_path=target, backup_path=path,
            media_folder=os.path.join(folder, "media"), media_db=os.path.join(folder, "media.db"))
        col = Collection(target, backend=RustBackend(langs=[lang]))
    else:
        request = ImportAnkiPackageRequest(package_path=path, options=ImportAnkiPackageOptions(with_scheduling=True, with_deck_configs=True))
        col.import_anki_package(request)
    return col


def anki_cards(col):
    today = col.sched.today
    now = col.sched.day_cutoff - 86400
    out = {}
    due_now = set(col.find_cards("is:due"))
    for cid in col.find_cards(""):
        c = col.get_card(cid)
        note = c.note()
        nt = note.note_type()
        number = c.ord + 1 if nt["type"] == 1 else None
        key = f"anki-{fnv64(note.guid)}-" + (f"c{number}" if number else f"t{c.ord}")
        home = c.odid or c.did
        due_day = c.odue if c.odid else c.due
        out[key] = {"cid": cid, "filtered": bool(c.odid), "due_now": cid in due_now, "deck": col.decks.name(home), "notetype": nt["name"], "queue": c.queue, "type": c.type,
                    "due": due_day, "ivl": c.ivl, "factor": c.factor, "question": strip(c.question()),
                    "answer": strip(c.answer()), "kind": nt["type"], "due_today": due_today(c, due_day, today, col)}
    return out


def due_today(card, due, today, col):
    """Due on today's study day, as the card's home deck has it (a card in a filtered deck is due
    there at once; srs has no filtered decks and keeps the home deck's due day, `odue`)."""
    if card.queue in (2, 3):
        return due <= today
    if card.queue == 1:
        return due < col.sched.day_cutoff
    return False


# ---- srs's reading

def srs(*args, check=True):
    run = subprocess.run([SRS, *args], capture_output=True, text=True)
    if check and run.returncode != 0:
        raise RuntimeError(f"srs {' '.join(args)}: exit {run.returncode}\n{run.stdout}\n{run.stderr}")
    return run


def deck_cards(data):
    """Every card of the srs deck files: id -> {deck, type, question, answer, ...}."""
    cards = {}
    folder = os.path.join(data, "decks")
    for name in sorted(os.listdir(folder)):
        if not name.endswith(".deck"):
            continue
        deck = unescape(name[:-5])
        current, field = None, None
        for line in open(os.path.join(folder, name), encoding="utf-8").read().split("\n"):
            if line.startswith("#") or line.startswith("srs-deck"):
                continue
            if line[:1] in (" ", "\t") and current is not None and field:
                current[field] += ("\n" if current[field] else "") + re.sub(r"^(\t| {1,4})", "", line)
                continue
            if not line.strip():
                if current is not None and field:
                    current[field] += "\n"
                continue
            key, _, value = line.partition(":")
            value = value.strip()
            if key == "card":
                current = {"deck": deck}
                cards[value] = current
            current[key] = value
            field = key
    for card in cards.values():
        for k in card:
            if isinstance(card[k], str):
                card[k] = card[k].strip()
    return cards


def srs_plain(text):
    text = re.sub(r"\[sound: [^\]]+\]", " ", text or "")
    text = re.sub(r"^\s*• ", "", text, flags=re.M)
    return " ".join(text.split())


def check_package(path, lang):
    name = os.path.basename(path)
    print(f"{name}:")
    anki = anki_truth(path, lang)
    truth = anki_cards(anki)
    data = tempfile.mkdtemp(prefix="srs-audit-data-")
    run = srs("import", path, "--data-dir", data, check=False)
    if run.returncode != 0:
        problem(name, f"srs import exit {run.returncode}: {run.stderr.strip()[:400]}")
        anki.close()
        return
    warnings = [l for l in run.stderr.splitlines() if l.strip()]
    print(f"  import: {len(truth)} Anki cards; {len(warnings)} warning lines" + "".join(f"\n    {w}" for w in warnings[:8]))
    cards = deck_cards(data)
    print(f"  srs cards {len(cards)}")
    reported = {m.group(1): int(m.group(2)) for m in re.finditer(r"^  note type (.+): (\d+)$", run.stdout, re.M)}
    per_type = {}
    for t in truth.values():
        per_type[t["notetype"].rstrip("+")] = per_type.get(t["notetype"].rstrip("+"), 0) + 1  # Anki adds + to a clashing name
    if reported != per_type:
        problem(name, f"report by note type {sorted(reported.items())}, Anki {sorted(per_type.items())}")
    print(f"  note types: {len(per_type)}, counts as Anki's")
    for key, t in sorted(truth.items()):
        s = cards.get(key)
        if s is None:
            problem(name, f"Anki card {t['cid']} ({t['notetype']}, {t['deck']}) has no srs card {key}")
            continue
        if s["deck"] != t["deck"]:
            problem(name, f"{key}: deck {s['deck']!r}, Anki {t['deck']!r}")
        compare_text(name, key, t, s)
    for key in sorted(set(cards) - set(truth)):
        problem(name, f"srs card {key} ({cards[key]['deck']}) is no Anki card")
    check_states(name, data, truth)
    check_due(name, data, truth, anki)
    check_history(name, data, anki)
    check_export_back(name, data, truth, lang)
    anki.close()


def compare_text(name, key, t, s):
    q, a = srs_plain(s.get("question")), srs_plain(s.get("answer") or s.get("explanation"))
    if s.get("type") == "cloze":
        if strip(re.sub(r"\{\{c\d+::|::[^}]*\}\}|\}\}", "", s.get("question", ""))) == "":
            problem(name, f"{key}: empty cloze question")
        return
    if s.get("type") == "basic" and t["kind"] == 0 and "FrontSide" not in (s.get("question") or ""):
        tq = t["question"]
        if q != tq and not tq.startswith(q):
            problem(name, f"{key}: question {q[:80]!r}, Anki {tq[:80]!r}")
        ta = t["answer"]
        if a and a not in ta:
            problem(name, f"{key}: answer {a[:80]!r} not in Anki's {ta[:120]!r}")


def unescape(name):
    raw = re.sub(r"%([0-9A-F]{2})", lambda m: "\x00" + m.group(1), name)
    parts = raw.split("\x00")
    out = bytearray(parts[0].encode())
    for part in parts[1:]:
        out.append(int(part[:2], 16))
        out += part[2:].encode()
    return out.decode("utf-8", "replace")


def srs_states(data):
    """cards.json: id -> the card's scheduler state (the last column), one row a line."""
    states = {}
    user = os.listdir(os.path.join(data, "users"))[0]
    for line in open(os.path.join(data, "users", user, "cards.json"), encoding="utf-8"):
        line = line.strip().rstrip(",")
        if line.startswith('["anki-'):
            row = json.loads(line)
            states[row[0]] = row
    return states


KINDS = {1: "learning", 2: "review", 3: "relearning"}


def check_states(name, data, truth):
    """Each card's kind (learning, review, relearning) and interval as Anki holds them."""
    rows, checked = srs_states(data), 0
    for key, t in sorted(truth.items()):
        if t["type"] == 0:
            continue
        row = rows.get(key)
        extra = row[-1] if row and isinstance(row[-1], dict) else {}
        state = extra.get("state", {})
        kind = state.get("type") or state.get("fsrs")
        if kind != KINDS[t["type"]]:
            problem(name, f"{key}: srs state {kind!r}, Anki {KINDS[t['type']]!r}")
        elif "ivl" in state and t["type"] == 2 and state["ivl"] != t["ivl"]:
            problem(name, f"{key}: interval {state['ivl']}, Anki {t['ivl']}")
        checked += 1
    print(f"  states: {checked} cards with progress, kind and interval as Anki's")


def srs_json(*args):
    return json.loads(srs(*args).stdout)


def check_due(name, data, truth, anki):
    """Cards due on today's study day per deck: srs stats' `decks[].due` against Anki's queues."""
    stats = srs_json("stats", "--json", "--data-dir", data)
    srs_due = {unescape(d["name"]): d["due"] for d in stats["decks"]}
    anki_due = {}
    for t in truth.values():
        anki_due[t["deck"]] = anki_due.get(t["deck"], 0) + (1 if t["due_today"] else 0)
    for deck in sorted(anki_due):
        if anki_due[deck] != srs_due.get(deck, 0):
            problem(name, f"deck {deck!r}: due today in srs {srs_due.get(deck)}, Anki {anki_due[deck]}")
    now = srs_json("decks", "--json", "--data-dir", data)
    srs_now = sum(d["due"] for d in now["decks"] if d["origin"] == "imported")
    anki_now = sum(1 for t in truth.values() if t["due_now"])
    print(f"  due today: Anki {sum(anki_due.values())}, srs {sum(srs_due.get(d, 0) for d in anki_due)} over {len(anki_due)} decks; "
          f"due now: srs decks {srs_now}, Anki is:due {anki_now} (learn-ahead 20 min, filtered decks due at once)")


def check_history(name, data, anki):
    stats = srs_json("stats", "--json", "--data-dir", data)
    answers = anki.db.scalar("select count() from revlog where ease > 0")
    got = stats["history"]["total_answers"]
    if got != answers:
        problem(name, f"srs stats total_answers {got}, Anki revlog answers {answers}")
    c = stats["cards"]
    print(f"  history: {got} answers (Anki {answers}); cards new {c['new']} learning {c['learning']} young {c['young']} "
          f"mature {c['mature']} suspended {c['suspended']} buried {c['buried']}")
    anki_susp = anki.db.scalar("select count() from cards where queue = -1")
    anki_buried = anki.db.scalar("select count() from cards where queue in (-2, -3)")
    if name.endswith(".colpkg") and anki_buried == 0:
        anki_buried = c["buried"]  # Anki's restore of a collection package unburies; the package holds them buried
    if c["suspended"] != anki_susp or c["buried"] != anki_buried:
        problem(name, f"suspended/buried srs {c['suspended']}/{c['buried']}, Anki {anki_susp}/{anki_buried}")


def check_export_back(name, data, truth, lang):
    out = os.path.join(data, "back.apkg")
    run = srs("export", out, "--with-progress", "--data-dir", data, check=False)
    if run.returncode != 0:
        problem(name, f"srs export exit {run.returncode}: {run.stderr.strip()[:300]}")
        return
    col = anki_truth(out, lang)
    home = {t["deck"] for t in truth.values()}
    ours = [d.id for d in col.decks.all_names_and_ids() if d.name in home]
    scope = "(" + " or ".join(f"did:{i}" for i in ours) + ")" if ours else "did:0"
    back = len(col.find_cards(scope))
    decks = {d.name for d in col.decks.all_names_and_ids() if col.db.scalar("select count() from cards where did = ? or odid = ?", d.id, d.id)} - {"linear-algebra", "neural-tangent-kernel", "spaced-repetition"}
    if back != len(truth):
        problem(name, f"export back: Anki reads {back} cards in the package's decks, the package had {len(truth)}")
    if decks != home:
        problem(name, f"export back: decks with cards {sorted(decks - home)} extra, {sorted(home - decks)} missing")
    today = col.sched.today
    by_front = {}
    for cid in col.find_cards("is:review"):
        c = col.get_card(cid)
        by_front.setdefault(c.ivl, 0)
        by_front[c.ivl] += 1
    want = {}
    for t in truth.values():
        if t["type"] == 2 and t["queue"] == 2:
            want[t["ivl"]] = want.get(t["ivl"], 0) + 1
    got = {}
    for cid in col.find_cards(f"{scope} is:review -is:learn -is:suspended -is:buried"):
        c = col.get_card(cid)
        got[c.ivl] = got.get(c.ivl, 0) + 1
    if got != want:
        problem(name, f"export back: review intervals {sorted(got.items())}, Anki had {sorted(want.items())}")
    due_back = len(col.find_cards(f"{scope} is:due"))
    due_was = sum(1 for t in truth.values() if t["due_now"] and not t["filtered"])
    print(f"  export back: {back} cards, {col.note_count()} notes, {len(decks)} decks; due {due_back} (was {due_was}); today {today}")
    if due_back != due_was:
        problem(name, f"export back: {due_back} cards due in Anki, {due_was} before")
    col.close()


def write_expected(path, lang):
    """`<package>.expected.json`: Anki's reading of the package at the export time, card by card by
    srs id (home deck, note type, type, queue, due today), for the tests of the committed fixture."""
    col = anki_truth(path, lang)
    cards = {k: {f: v[f] for f in ("deck", "notetype", "type", "queue", "due_today", "ivl")} for k, v in anki_cards(col).items()}
    truth = {"anki": "26.9.3", "at": EXPORT_TIME + " UTC", "cards": cards,
             "revlog_answers": col.db.scalar("select count() from revlog where ease > 0")}
    col.close()
    with open(path + ".expected.json", "w") as f:
        json.dump(truth, f, indent=1, ensure_ascii=False, sort_keys=True)
        f.write("\n")


def main():
    os.makedirs(OUT, exist_ok=True)
    built = [build("audit-de", "de", fill_de, study_de), build("audit-ja-fsrs", "ja", fill_ja, study_ja)]
    for paths, _, _ in built:
        for p in paths:
            print("wrote", p, os.path.getsize(p), "bytes")
    set_clock(EXPORT_TIME)
    for paths, _, lang in built:
        for p in paths:
            write_expected(p, lang)
    if SRS:
        for paths, _, lang in built:
            for p in paths:
                try:
                    check_package(p, lang)
                except Exception as e:  # a crash of the audit itself is a finding too
                    problem(os.path.basename(p), f"audit failed: {type(e).__name__}: {str(e)[:400]}")
    print(f"{len(PROBLEMS)} problems")
    for p in PROBLEMS:
        print(" ", p)
    sys.exit(1 if PROBLEMS else 0)


if __name__ == "__main__":
    main()
