"""Review histories like the public anki vectors, from the real Anki backend (anki 26.9.3).

Usage (libfaketime sets the clock before every answer; ANKI_TEST_MODE turns fuzz off):
  touch ft; FAKETIME_TIMESTAMP_FILE=$PWD/ft FAKETIME_NO_CACHE=1 ANKI_TEST_MODE=1 TZ=America/New_York \
  LD_PRELOAD=/usr/lib/x86_64-linux-gnu/faketime/libfaketime.so.1 python anki_gen.py SEED CARDS
Rollover 05:00 local; learning dues past 2038 are unwrapped (Anki stores them as i32).
anki-new-york.* is seed 21, 60 cards, TZ=America/New_York. Without ANKI_TEST_MODE Anki fuzzes
with its own draws: anki-fuzzed.jsonl is seed 31, 40 cards, TZ=UTC."""
import sys, json, random, os, tempfile
from datetime import datetime, timedelta, timezone, date
from zoneinfo import ZoneInfo
FT = os.environ["FAKETIME_TIMESTAMP_FILE"]
def setclock(d):
    if d.tzinfo is None: d = d.replace(tzinfo=timezone.utc)
    open(FT, "w").write("@" + d.astimezone(ZoneInfo(os.environ.get("TZ","UTC"))).strftime("%Y-%m-%d %H:%M:%S") + "\n")
setclock(datetime(2024,12,1,12,0,0))
from anki.collection import Collection
rng = random.Random(int(sys.argv[1]))
iso = lambda d: d.strftime('%Y-%m-%dT%H:%M:%SZ')
inp = open('anki.input.jsonl','w'); out = open('anki.jsonl','w')
names = {1:"Learning",2:"Review",3:"Relearning"}; queues = {1:"learn",2:"review",3:"daylearn"}
base = date(2024,12,1)
from zoneinfo import ZoneInfo
Z = ZoneInfo(os.environ.get("TZ","UTC"))
def sleepy(t):
    return t + timedelta(hours=2) if t.astimezone(Z).hour in (2,3) else t
for c in range(int(sys.argv[2])):
    setclock(datetime(2024,12,1,12,0,0))
    d = tempfile.mkdtemp()
    col = Collection(os.path.join(d, "c.anki2"))
    col.set_config("rollover", 5)
    note = col.new_note(col.models.by_name("Basic")); note["Front"] = "q"; col.add_note(note, col.decks.id("Default"))
    cid = note.cards()[0].id
    t = sleepy(datetime(2025,1,1,tzinfo=timezone.utc) + timedelta(seconds=rng.randrange(0, 86400*365)))
    for i in range(rng.randrange(5, 50)):
        g = rng.choices([1,2,3,4],[0.2,0.15,0.5,0.15])[0]
        setclock(t)
        card = col.get_card(cid)
        card.start_timer()
        col.sched.answerCard(card, g)
        card = col.get_card(cid)
        if card.queue == 1:
            raw = card.due
            while raw < t.timestamp() - 10: raw += 2**32
            due_t = datetime.fromtimestamp(raw, timezone.utc); due = iso(due_t)
        else:
            dd = base + timedelta(days=card.due); due = dd.isoformat()
            due_t = datetime(dd.year, dd.month, dd.day, 5, tzinfo=timezone.utc) + timedelta(hours=rng.randrange(0, 10))
        rec = {"card": f"a{c}", "index": i, "review_at": iso(t), "grade": g}
        inp.write(json.dumps(rec)+"\n")
        rec.update({"state": names[card.type], "queue": queues[card.queue], "remaining_steps": card.left % 1000,
                    "interval_days": card.ivl, "ease": card.factor/1000, "due": due, "reps": card.reps, "lapses": card.lapses})
        out.write(json.dumps(rec)+"\n")
        prev = t; k = rng.random()
        if k < 0.15: t = t + timedelta(seconds=rng.randrange(30, 3*3600))
        elif k < 0.55: t = due_t + timedelta(seconds=rng.randrange(-6*3600, 14*3600))
        elif k < 0.75: t = due_t + timedelta(days=rng.randrange(1, 60), seconds=rng.randrange(0,86400))
        elif k < 0.85: t = t.replace(hour=4, minute=rng.randrange(40,60), second=rng.randrange(0,60)) + timedelta(days=rng.randrange(0,2))
        else: t = due_t - timedelta(days=rng.randrange(0, 10), seconds=rng.randrange(0, 86400))
        t = sleepy(max(t, prev + timedelta(seconds=1)).replace(microsecond=0))
        if t.year >= 2099: break
    col.close()
