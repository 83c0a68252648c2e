#!/usr/bin/env python3
"""Runs each command RUNS times (after one warm-up) and prints the median, min and max wall time
and the median user and system CPU per run: a stand-in for hyperfine where it is not installed.
Usage: RUNS=10 scripts/time-runs.py 'CMD ARGS' ['CMD ARGS' ...]   (split on spaces, no shell)"""
import os, resource, statistics as st, subprocess, sys, time

runs = int(os.environ.get("RUNS", "10"))
for command in sys.argv[1:]:
    argv = command.split()
    subprocess.run(argv, stdout=subprocess.DEVNULL, check=True)
    wall, user, system = [], [], []
    for _ in range(runs):
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        t0 = time.perf_counter()
        subprocess.run(argv, stdout=subprocess.DEVNULL, check=True)
        wall.append((time.perf_counter() - t0) * 1000)
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        user.append((after.ru_utime - before.ru_utime) * 1000)
        system.append((after.ru_stime - before.ru_stime) * 1000)
    print(f"{command}\n  {runs} runs: median {st.median(wall):.1f} ms (min {min(wall):.1f}, max {max(wall):.1f});"
          f" CPU median user {st.median(user):.1f} ms + system {st.median(system):.1f} ms")
