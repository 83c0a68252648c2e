#!/usr/bin/env python3
"""Writes a quiz text of N items (default 20,000) cycling the three types, like the samples:
half the multiple-choice items have no `Answer:` line, so keys are inferred."""
import random, sys

n = int(sys.argv[1]) if len(sys.argv) > 1 else 20000
rng = random.Random(7)
words = ("matrix kernel vector gradient network memory interval retention spacing recall layer "
         "feature theory limit width depth scale eigenvalue basis orthogonal symmetric learning").split()

def sentence(k):
    return " ".join(rng.choice(words) for _ in range(k)).capitalize()

out = []
for i in range(1, n + 1):
    kind = i % 3
    if kind == 1:
        out.append(f"Question {i} Multiple Choice")
        out.append(sentence(12) + f" (item {i})?")
        options = [sentence(8) for _ in range(4)]
        for letter, text in zip("ABCD", options):
            out.append(letter + text)
        key = rng.randrange(4)
        if i % 2:
            out.append(f"Answer: {'ABCD'[key]}")
        out.append("Because " + options[key].lower() + ". " + sentence(30) + ".")
    elif kind == 2:
        out.append(f"Question {i} True / False")
        out.append(sentence(14) + f" (item {i}).")
        out += ["TTrue", "FFalse", f"Answer: {rng.choice(['True', 'False'])}", sentence(30) + "."]
    else:
        out.append(f"Question {i} Short Answer")
        out.append(sentence(10) + f" (item {i})?")
        out.append("Think about your answer, then reveal below.")
        out.append("Model answer: " + sentence(25) + ".")
        out.append(sentence(40) + ".")
    out.append("")
sys.stdout.write("\n".join(out))
