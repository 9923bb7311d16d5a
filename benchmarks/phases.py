"""Where the CPU of `kg build --jobs 1` goes: start-up steps, then the per-batch phases.

Each corpus is built by a fresh process (cold imports, a new store), with a thread-CPU
counter around each step of kg.pipeline.build_inputs:

    start-up  Python and kg's imports, spaCy's import, the spaCy pipeline with kg's
              components, the ontology and compiled shapes, opening the store
    read      reading, hashing and extracting the inputs (kg.pipeline.read_inputs: spaCy
              and kg's extraction rules)
    build     RDF construction, validation and the batch's N-Quads (kg.build.build), its
              own thread
    store     adding the batches to the store, its own thread: each batch's N-Quads
              spooled (kg.store.BulkLoad), then bulk-loaded a few batches at a time
              (KgStore.add_nquads; add_build for stored articles)
and the process's total CPU before exit (user + system, every thread's): what the phases do
not cover is RocksDB's compaction (its "rocksdb:low" threads, read per thread from /proc),
the bulk loader's own threads (which have ended by then) and the build's glue.

    python benchmarks/phases.py 200 [--corpus ../shared/corpus] [--jobs 2] [--no-bytecode]
    python benchmarks/phases.py 2000 --window 200

With `--window W` it also prints what each W articles cost as they were built, per article:
the main thread and its phases, RocksDB's compaction and the bulk loader's threads (the
process's CPU less the main thread's and the threads that live on). What grows with the
corpus shows there, in one process on one machine load, rather than as the difference of
two builds of different sizes, whose ratios to spaCy also differ by how much of each the
start-up is (round 14).

kg runs from its modules' byte-code caches, as installed (benchmarks/build.py says why);
--no-bytecode compiles its sources at each start, as the rounds before 9 measured it.

With `--jobs N` it times where the wall clock of a `--jobs N` build goes instead, against
a `--jobs 1` build of the same corpus (both fresh processes, timed from their launch to
their exit): start-up (launch to the first extraction task in a worker), extraction (first
task's start to the last task's end, in the workers), the tail (the last batch built after
its last article was extracted), the store (the last batch stored, the store closed) and the
exit. Start-up and tail are serial on any number of cores: they bound what --jobs can gain.
It also sums, for each worker, the time it waited between the end of one of its tasks and
the start of its next ("workers idle": kg.jobs's pool let it run out of work, as when the
build's process loaded the store in its own thread until round 17), and how long before
the last extraction each worker ended its own last one ("ended early": the imbalance at the
end). Both are wall seconds and grow with the machine's load, but they show where a
`--jobs` build loses time even when the wall ratio, on a shared machine, shows nothing.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
import tempfile
from itertools import pairwise
from pathlib import Path

HERE = Path(__file__).resolve().parent

PROBE = """
import json, os, resource, sys, threading, time
from pathlib import Path
T = time.thread_time
steps = {}
t = T()
import kg.cli, kg.pipeline, kg.store
steps["kg imports"] = T() - t
t = T()
import spacy
steps["spacy import"] = T() - t
t = T()
from kg.extract.nlp import load_pipeline
load_pipeline(None)
import kg.extract.pipeline
steps["spacy pipeline + kg components"] = T() - t
t = T()
from kg.ontology import load_ontology
from kg.shacl import compiled_shapes
from kg.validate import hierarchy_triples
load_ontology(); hierarchy_triples(); compiled_shapes()
steps["ontology + shapes"] = T() - t
phases = {"read": 0.0, "build": 0.0, "store": 0.0}
P, S = kg.pipeline, kg.store.KgStore
def timed(owner, name, key):
    real = getattr(owner, name)
    def run(*a, **k):
        t = T()
        try:
            return real(*a, **k)
        finally:
            phases[key] += T() - t
    setattr(owner, name, run)
timed(P, "read_inputs", "read")
timed(P, "build", "build")
timed(S, "add_build", "store")
timed(S, "add_nquads", "store")
timed(kg.store.BulkLoad, "add", "store")
tick = os.sysconf("SC_CLK_TCK")
def other_threads():
    threads = {}
    for task in Path("/proc/self/task").iterdir():
        try:
            name = (task / "comm").read_text().strip()
            fields = (task / "stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if int(task.name) == threading.get_native_id():
            continue
        threads[name] = threads.get(name, 0.0) + (int(fields[11]) + int(fields[12])) / tick
    return threads
window = int(sys.argv[3])
windows = []
done = [0]
last = [dict(phases), T(), time.process_time(), other_threads()]
def progress(n):
    done[0] += n
    if not window or done[0] % window:
        return
    ph, t, p, th = dict(phases), T(), time.process_time(), other_threads()
    ms = lambda s: round(1000 * s / window, 2)
    low = th.get("rocksdb:low", 0.0) - last[3].get("rocksdb:low", 0.0)
    others = sum(th.values()) - sum(last[3].values())
    windows.append({
        "articles": done[0],
        "main": ms(t - last[1]),
        **{k: ms(ph[k] - last[0][k]) for k in ph},
        "compaction": ms(low),
        "loader": ms((p - last[2]) - (t - last[1]) - others),
    })
    last[:] = [ph, t, p, th]
summary = P.build_inputs(
    [Path(sys.argv[1])], None, store_dir=Path(sys.argv[2]), jobs=1, progress=progress
)
usage = resource.getrusage(resource.RUSAGE_SELF)
main_cpu = T()
threads = other_threads()
print(json.dumps({
    "windows": windows,
    "main_thread_cpu_s": round(main_cpu, 2),
    "other_threads_cpu_s": {k: round(v, 2) for k, v in sorted(threads.items())},
    "articles": summary.articles,
    "startup": {k: round(v, 2) for k, v in steps.items()},
    "phases": {k: round(v, 2) for k, v in phases.items()},
    "process_cpu_s": round(usage.ru_utime + usage.ru_stime, 2),
}))
"""


JOBS_PROBE = """
import atexit, gc, json, os, sys, time
atexit.register(gc.freeze)  # as kg's main() does
launched = float(sys.argv[3])
now = time.perf_counter  # CLOCK_MONOTONIC: the same clock in the forked workers
from pathlib import Path
import kg.jobs as J, kg.pipeline as P, kg.store as S
log = os.open(sys.argv[4], os.O_WRONLY | os.O_APPEND | os.O_CREAT)
def traced(name, real, count):
    def run(*a, **k):
        start = now()
        out = real(*a, **k)
        record = [name, len(count(a)), start, now(), os.getpid()]
        os.write(log, (json.dumps(record) + "\\n").encode())
        return out
    run.__qualname__ = run.__name__ = "traced_" + name  # found again in a forked worker
    globals()[run.__name__] = run
    return run
J.read_inputs = traced("extract", J.read_inputs, lambda a: a[0])
J.build_minted = traced("build", J.build_minted, lambda a: a[0])
marks = {}
real_add = S.KgStore.add_built
def add_built(self, *a, **k):
    out = real_add(self, *a, **k)
    marks["stored"] = now()
    return out
S.KgStore.add_built = add_built
P.build_inputs([Path(sys.argv[1])], None, store_dir=Path(sys.argv[2]), jobs=int(sys.argv[5]))
marks["returned"] = now()
print(json.dumps({k: v - launched for k, v in marks.items()}))
"""


def run_jobs(corpus: Path, label: str, jobs: int) -> dict:
    """Wall-clock timeline of a `--jobs N` build and the wall time of a `--jobs 1` one."""
    import time

    work = Path(tempfile.mkdtemp(prefix="kg-bench-phases-"))
    try:
        kg = [sys.executable, "-m", "kg.cli", "build", str(corpus), "--no-out", "--jobs", "1"]
        t0 = time.perf_counter()
        subprocess.run([*kg, "--store", str(work / "s1")], check=True, capture_output=True)
        wall1 = time.perf_counter() - t0
        log = work / "tasks.jsonl"
        t0 = time.perf_counter()
        done = subprocess.run(
            [sys.executable, "-c", JOBS_PROBE, str(corpus), str(work / "s2"), repr(t0),
             str(log), str(jobs)],
            capture_output=True, text=True,
        )  # fmt: skip
        wall = time.perf_counter() - t0
        if done.returncode != 0:
            raise SystemExit(f"{label}: {done.stderr.strip()[-400:]}")
        marks = json.loads(done.stdout.strip().splitlines()[-1])
        tasks = [json.loads(line) for line in log.read_text().splitlines()]
        extract = [(a - t0, b - t0) for kind, _n, a, b, _pid in tasks if kind == "extract"]
        builds = [(a - t0, b - t0) for kind, _n, a, b, _pid in tasks if kind == "build"]
        first, last = min(a for a, _b in extract), max(b for _a, b in extract)
        built = max(b for _a, b in builds)
        idle, early = worker_idle(tasks)
        return {
            "corpus": label,
            "jobs": jobs,
            "jobs1_wall_s": round(wall1, 2),
            "wall_s": round(wall, 2),
            "startup_s": round(first, 2),
            "extraction_s": round(last - first, 2),
            "tail_build_s": round(built - last, 2),
            "store_close_s": round(marks["returned"] - built, 2),
            "exit_s": round(wall - marks["returned"], 2),
            "workers_idle_s": idle,
            "ended_early_s": early,
        }
    finally:
        shutil.rmtree(work, ignore_errors=True)


def worker_idle(tasks: list[list]) -> tuple[list[float], list[float]]:
    """From the task records of a `--jobs` build ([kind, inputs, start, end, pid]), for
    each worker (in the order they started a first task): the seconds it waited between
    one of its tasks and its next, and how long before the corpus's last extraction ended
    it ended its own last one."""
    by_worker: dict[int, list[tuple[float, float, str]]] = {}
    for kind, _n, start, end, pid in sorted(tasks, key=lambda t: t[2]):
        by_worker.setdefault(pid, []).append((start, end, kind))
    last = max(end for kind, _n, _start, end, _pid in tasks if kind == "extract")
    idle, early = [], []
    for runs in by_worker.values():
        idle.append(round(sum(max(0.0, b[0] - a[1]) for a, b in pairwise(runs)), 2))
        own = max((end for _start, end, kind in runs if kind == "extract"), default=last)
        early.append(round(last - own, 2))
    return idle, early


def run(corpus: Path, label: str, window: int = 0) -> dict:
    work = Path(tempfile.mkdtemp(prefix="kg-bench-phases-"))
    try:
        done = subprocess.run(
            [sys.executable, "-c", PROBE, str(corpus), str(work / "store"), str(window)],
            capture_output=True,
            text=True,
        )
        if done.returncode != 0:
            raise SystemExit(f"{label}: {done.stderr.strip()[-400:]}")
        row = json.loads(done.stdout.strip().splitlines()[-1])
        return {"corpus": label, **row}
    finally:
        shutil.rmtree(work, ignore_errors=True)


def main() -> None:
    args = sys.argv[1:]
    sys.path.insert(0, str(HERE))
    from launch import with_bytecode, without_bytecode

    if "--no-bytecode" in args:  # kg compiled at each start, as before round 9
        args.remove("--no-bytecode")
        without_bytecode()
    else:  # kg from its byte-code caches, as installed (benchmarks/build.py)
        with_bytecode()
    jobs = window = 0
    if "--jobs" in args:
        at = args.index("--jobs")
        jobs = int(args[at + 1])
        del args[at : at + 2]
    if "--window" in args:
        at = args.index("--window")
        window = int(args[at + 1])
        del args[at : at + 2]
    corpora: list[tuple[Path, str]] = []
    temps: list[Path] = []
    while args:
        a = args.pop(0)
        tmp = Path(tempfile.mkdtemp(prefix="kg-bench-corpus-"))
        temps.append(tmp)
        if a == "--corpus":  # its article texts (not its gold or its README)
            path = Path(args.pop(0))
            for text in sorted(path.glob("*.txt")):
                shutil.copy(text, tmp / text.name)
            corpora.append((tmp, path.name))
            continue
        sys.path.insert(0, str(HERE))
        from generate import write

        write(int(a), tmp)
        corpora.append((tmp, f"generated {a}"))
    rows = []
    try:
        for path, label in corpora:
            rows.append(run_jobs(path, label, jobs) if jobs else run(path, label, window))
            print(json.dumps(rows[-1]), flush=True)
    finally:
        for tmp in temps:
            shutil.rmtree(tmp, ignore_errors=True)
    print()
    if jobs:
        print(
            f"| corpus | --jobs 1 wall s | --jobs {jobs} wall s | ratio | start-up s | "
            "extraction s | tail: last batch built s | store + close s | exit s | "
            "(start-up + tail) / --jobs 1 | workers idle s | ended early s |"
        )
        print("| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |")
        for r in rows:
            serial = (r["startup_s"] + r["tail_build_s"]) / r["jobs1_wall_s"]
            print(
                f"| {r['corpus']} | {r['jobs1_wall_s']} | {r['wall_s']} | "
                f"{r['wall_s'] / r['jobs1_wall_s']:.2f} | {r['startup_s']} | "
                f"{r['extraction_s']} | {r['tail_build_s']} | {r['store_close_s']} | "
                f"{r['exit_s']} | {serial:.2f} | "
                f"{' + '.join(map(str, r['workers_idle_s']))} | "
                f"{' + '.join(map(str, r['ended_early_s']))} |"
            )
        return
    print(
        "| corpus | start-up CPU s | read + extract ms/article | build ms/article | "
        "store ms/article | RocksDB compaction s | rest (bulk-load threads, glue) s | "
        "process CPU s |"
    )
    print("| --- | --- | --- | --- | --- | --- | --- | --- |")
    for r in rows:
        n = max(1, r["articles"])
        start = sum(r["startup"].values())
        ph = r["phases"]
        compaction = r["other_threads_cpu_s"].get("rocksdb:low", 0.0)
        rest = r["process_cpu_s"] - start - sum(ph.values()) - compaction
        print(
            f"| {r['corpus']} | {start:.2f} | {1000 * ph['read'] / n:.1f} | "
            f"{1000 * ph['build'] / n:.1f} | {1000 * ph['store'] / n:.1f} | "
            f"{compaction:.2f} | {rest:.2f} | {r['process_cpu_s']} |"
        )
    if not window:
        return
    print()  # what each window of `window` articles cost, in the order they were built
    print(
        "| corpus | articles | main thread ms/article | read + extract | build | store | "
        "RocksDB compaction ms/article | bulk-load threads ms/article |"
    )
    print("| --- | --- | --- | --- | --- | --- | --- | --- |")
    for r in rows:
        for w in r["windows"]:
            print(
                f"| {r['corpus']} | {w['articles']} | {w['main']} | {w['read']} | "
                f"{w['build']} | {w['store']} | {w['compaction']} | {w['loader']} |"
            )


if __name__ == "__main__":
    main()
