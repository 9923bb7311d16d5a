"""What bulk loads of different sizes cost a store: RocksDB's compaction against the loader's
memory (round 13 of issue 11).

    python benchmarks/loads.py 2000 [--schedules 2 4 geometric] [--gap 1.5]

The corpus (N articles made by benchmarks/generate.py) is built once (`kg build --out`), and
its kg.nq cut into batches of 100 articles (by graph, in corpus order). Each schedule then
loads the batches into a fresh store, in a process of its own (a launcher reads its CPU and
peak memory, as benchmarks/build.py does), one bulk load every GAP seconds so that RocksDB's
compactions run between loads as they do in a build. Printed for each schedule: the loads
(articles each), the CPU of RocksDB's compaction threads ("rocksdb:low", read from /proc
GAP seconds after the last load, before the store closes: every compaction the loads set
off, the last one's too), the process CPU (every thread's) and its peak memory. RocksDB
compacts its first level at the third load and every other load after it (oxigraph's
options: a level-0 trigger of 2), and each compaction rewrites the whole store.

Schedules: K = loads of K batches (kg.pipeline.LOAD_BATCHES is 2); `geometric` = a load
whenever the batches waiting hold as many articles as the store (the first batch alone).
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from launch import measure, with_bytecode

BATCH = 100  # articles a batch (kg build's default --batch-size)

LOADER = """
import json, os, sys, time
import pyoxigraph as ox
store_dir, gap, files = sys.argv[1], float(sys.argv[2]), sys.argv[3:]

def compaction():
    total = 0.0
    for t in os.listdir("/proc/self/task"):
        try:
            stat = open(f"/proc/self/task/{t}/stat").read()
        except OSError:
            continue
        if stat[stat.index("(") + 1 : stat.rindex(")")].startswith("rocksdb:low"):
            f = stat[stat.rindex(")") + 2 :].split()
            total += (int(f[11]) + int(f[12])) / os.sysconf("SC_CLK_TCK")
    return total

store = ox.Store(store_dir)
seen = 0.0
for path in files:
    store.bulk_load(path=path, format=ox.RdfFormat.N_QUADS, lenient=True)
    time.sleep(gap)  # after the last load too: every compaction the loads set off
    seen = max(seen, compaction())
store.flush()
print(json.dumps({"compaction_s": round(max(seen, compaction()), 2)}))
"""


def batches_of(nquads: Path, into: Path) -> list[Path]:
    """kg.nq cut into files of BATCH articles each, in corpus order (the generated ids)."""
    groups: dict[int, list[bytes]] = {}
    order: dict[bytes, int] = {}
    with nquads.open("rb") as lines:
        for line in lines:
            graph = line.rstrip().rsplit(b" ", 2)[-2]
            order.setdefault(graph, len(order))
            groups.setdefault(order[graph], []).append(line)
    ranked = sorted(order, key=lambda g: g)  # graph IRIs end with the zero-padded article id
    files = []
    for start in range(0, len(ranked), BATCH):
        path = into / f"batch-{start // BATCH:04d}.nq"
        with path.open("wb") as out:
            for graph in ranked[start : start + BATCH]:
                out.writelines(groups[order[graph]])
        files.append(path)
    return files


def loads(schedule: str, n_batches: int) -> list[int]:
    """Batches in each load."""
    if schedule == "geometric":
        sizes, stored = [], 0
        while stored < n_batches:
            size = min(max(1, stored), n_batches - stored)
            sizes.append(size)
            stored += size
        return sizes
    k = int(schedule)
    return [min(k, n_batches - i) for i in range(0, n_batches, k)]


def main() -> None:
    args = sys.argv[1:]
    gap = 1.5
    schedules = ["2", "4", "geometric"]
    if "--gap" in args:
        at = args.index("--gap")
        gap = float(args[at + 1])
        del args[at : at + 2]
    if "--schedules" in args:
        at = args.index("--schedules")
        schedules = args[at + 1 :]
        del args[at:]
    n = int(args[0])
    with_bytecode()
    work = Path(tempfile.mkdtemp(prefix="kg-bench-loads-"))
    try:
        corpus = work / "corpus"
        from generate import write

        write(n, corpus)
        subprocess.run(
            [sys.executable, "-m", "kg.cli", "build", str(corpus), "--out", str(work / "out")],
            check=True,
            capture_output=True,
        )
        files = batches_of(work / "out" / "kg.nq", work)
        print(f"{n} articles, {len(files)} batches of {BATCH}", flush=True)
        rows = []
        for schedule in schedules:
            sizes = loads(schedule, len(files))
            spools, at = [], 0
            for i, size in enumerate(sizes):
                spool = work / f"load-{i:04d}.nq"
                with spool.open("wb") as out:
                    for path in files[at : at + size]:
                        out.write(path.read_bytes())
                spools.append(str(spool))
                at += size
            store = work / "store"
            shutil.rmtree(store, ignore_errors=True)
            m = measure([sys.executable, "-c", LOADER, str(store), str(gap), *spools])
            for spool in spools:
                Path(spool).unlink()
            row = {
                "schedule": schedule,
                "loads": [size * BATCH for size in sizes],
                "compaction_cpu_s": json.loads(m["stdout"])["compaction_s"],
                "process_cpu_s": m["cpu_s"],
                "peak_mb": m["peak_mb"],
            }
            rows.append(row)
            print(json.dumps(row), flush=True)
        print()
        print("| loads (articles each) | RocksDB compaction CPU s | process CPU s | peak MB |")
        print("| --- | ---: | ---: | ---: |")
        for r in rows:
            print(
                f"| {len(r['loads'])}: {', '.join(map(str, r['loads']))} | "
                f"{r['compaction_cpu_s']} | {r['process_cpu_s']} | {r['peak_mb']} |"
            )
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
