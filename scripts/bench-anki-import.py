#!/usr/bin/env python3
"""`srs import` of a large Anki package beside Anki's own import of it (docs/benchmarks.md,
"Anki import", issue 12.9). Run with the Python that has the `anki` package (../shared/bench):

  PY=…/venv/bin/python
  $PY bench-anki-import.py export COL.anki2 OUT      # OUT/big.colpkg and OUT/big.apkg (with scheduling)
  $PY bench-anki-import.py time SRS OUT [RUNS]       # RUNS (default 5) fresh runs of each, medians

Every run starts afresh (a new data folder for srs, a new collection for Anki) and is timed from
outside with /usr/bin/time (wall time, peak resident memory). srs runs with TZ=UTC.
"""
import json, os, shutil, statistics, subprocess, sys, tempfile, time


def export(col_path, out):
    from anki.collection import Collection, ExportAnkiPackageOptions
    os.makedirs(out, exist_ok=True)
    work = tempfile.mkdtemp()
    copy = os.path.join(work, "c.anki2")
    shutil.copy(col_path, copy)
    col = Collection(copy)
    options = ExportAnkiPackageOptions(with_scheduling=True, with_deck_configs=True, with_media=False, legacy=False)
    col.export_anki_package(out_path=os.path.join(out, "big.apkg"), options=options, limit=None)
    col.export_collection_package(os.path.join(out, "big.colpkg"), include_media=False, legacy=False)
    col.close()
    print(json.dumps({"revlog": "see the collection", "files": sorted(os.listdir(out))}))


def anki_import(kind, package):
    """One Anki import into a fresh collection, in this process: the merge import of an .apkg,
    or the restore of a .colpkg."""
    work = tempfile.mkdtemp()
    t0 = time.perf_counter()
    if kind == "apkg":
        from anki.collection import Collection, ImportAnkiPackageRequest
        col = Collection(os.path.join(work, "c.anki2"))
        col.import_anki_package(ImportAnkiPackageRequest(package_path=package))
        col.close()
    else:
        from anki._backend import RustBackend
        backend = RustBackend()
        backend.import_collection_package(col_path=os.path.join(work, "c.anki2"), backup_path=package,
                                          media_folder=os.path.join(work, "media"), media_db=os.path.join(work, "media.db"))
    print(json.dumps({"in_process_s": round(time.perf_counter() - t0, 3)}))
    shutil.rmtree(work)


def timed(argv, env=None):
    out = subprocess.run(["/usr/bin/time", "-f", "%e %M"] + argv, capture_output=True, text=True, env=env)
    if out.returncode != 0:
        sys.exit(f"failed: {' '.join(argv)}\n{out.stderr}")
    wall, kib = out.stderr.strip().splitlines()[-1].split()
    return float(wall), int(kib) / 1024


def run(srs, out, runs):
    print("load before:", open("/proc/loadavg").read().strip())
    rows = []
    for name in ("big.colpkg", "big.apkg"):
        package = os.path.join(out, name)
        results = {"srs": [], "anki": []}
        for _ in range(runs):
            data = tempfile.mkdtemp()
            env = dict(os.environ, TZ="UTC")
            results["srs"].append(timed([srs, "import", package, "--data-dir", data, "--user", "bench"], env))
            shutil.rmtree(data)
            results["anki"].append(timed([sys.executable, __file__, "anki", name.split(".")[1], package]))
        for who, values in results.items():
            walls, peaks = [v[0] for v in values], [v[1] for v in values]
            rows.append(f"{name} {who}: wall median {statistics.median(walls):.2f} s (min {min(walls):.2f}, max {max(walls):.2f}),"
                        f" peak memory median {statistics.median(peaks):.0f} MiB (max {max(peaks):.0f})")
    print("\n".join(rows))
    print("load after:", open("/proc/loadavg").read().strip())


if __name__ == "__main__":
    if sys.argv[1] == "export":
        export(sys.argv[2], sys.argv[3])
    elif sys.argv[1] == "anki":
        anki_import(sys.argv[2], sys.argv[3])
    else:
        run(os.path.abspath(sys.argv[2]), sys.argv[3], int(sys.argv[4]) if len(sys.argv) > 4 else 5)
