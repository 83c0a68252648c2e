"""Review histories like the public fsrs vectors, from py-fsrs 6.3.2 itself (fuzz off).

Usage: PYFSRS=<folder holding the fsrs package> python3 fsrs_gen.py SEED CARDS
Writes fsrs.input.jsonl and fsrs.jsonl here. fsrs-long.* is seed 23, 60 cards.
With a third argument F, fuzz is on and every draw is F: fsrs-fuzz-0.37.jsonl is seed 41,
30 cards, F = 0.37."""
import sys, json, random, os
sys.path.insert(0, os.environ.get('PYFSRS', '.'))
from fsrs import Scheduler, Card, Rating, State
from datetime import datetime, timedelta, timezone
rng = random.Random(int(sys.argv[1]))
if len(sys.argv) > 3:
    import fsrs.scheduler as fsch
    fsch.random = lambda: float(sys.argv[3])
s = Scheduler(enable_fuzzing=len(sys.argv) > 3)
inp = open('fsrs.input.jsonl','w'); out = open('fsrs.jsonl','w')
iso = lambda d: d.strftime('%Y-%m-%dT%H:%M:%SZ')
for c in range(int(sys.argv[2])):
    card = Card(card_id=c); lapses = 0
    t = datetime(2025,1,1,tzinfo=timezone.utc) + timedelta(seconds=rng.randrange(0, 86400*365))
    for i in range(rng.randrange(5, 60)):
        g = rng.choices([1,2,3,4],[0.2,0.15,0.5,0.15])[0]
        R = s.get_card_retrievability(card, t)
        was_review = card.state == State.Review
        card, _ = s.review_card(card, Rating(g), t)
        if was_review and g == 1: lapses += 1
        rec = {"card": f"f{c}", "index": i, "review_at": iso(t), "grade": g}
        inp.write(json.dumps(rec)+"\n")
        rec.update({"state": card.state.name, "step": card.step, "stability": card.stability, "difficulty": card.difficulty,
                    "retrievability": float(R), "interval_days": (card.due - card.last_review).days if card.state == State.Review else None,
                    "due": iso(card.due), "last_review": iso(card.last_review), "reps": i+1, "lapses": lapses})
        out.write(json.dumps(rec)+"\n")
        k = rng.random(); due = card.due; prev = t
        if k < 0.15: t = t + timedelta(seconds=rng.randrange(30, 3*3600))
        elif k < 0.55: t = due + timedelta(seconds=rng.randrange(-6*3600, 14*3600))
        elif k < 0.75: t = due + timedelta(days=rng.randrange(1, 60), seconds=rng.randrange(0,86400))
        else: t = max(t + timedelta(seconds=1), due - timedelta(days=rng.randrange(0, 10), seconds=rng.randrange(0, 86400)))
        t = max(t, prev + timedelta(seconds=1)).replace(microsecond=0)
        if t.year >= 2099: break
