"""Benchmark of `kg query --store` on stores of N generated articles, whole processes.

For each N: N articles from benchmarks/generate.py are built into a fresh store with
`kg build --jobs 2 --no-out` (its CPU, wall time and peak memory recorded), then each
competency question runs twice, each run a process of its own whose wall time and peak
memory (its children included) the kernel reports (wait4):

    kg query    kg query --store S -f CQ.rq
    pyoxigraph  python: pyoxigraph.Store.read_only(S), the screened query, every row read

The second is the floor of the store engine (nothing of kg loaded): `kg query` - pyoxigraph
is what kg adds. Then the same questions run on rdflib (the store's quads loaded into an
rdflib Dataset first; load time not counted), each in a forked process stopped once its CPU
time (user + sys) passes --rdflib-factor (20) times `kg query`'s CPU time on it (the
command's process and its query child): a question rdflib did not finish is at least that
factor slower, one it finished gets its exact ratio. Ratios are of CPU time, not wall
time: the machines these run on are shared, and a loaded machine stretches wall time.
Each question's figures are also written to stderr as they come, so a run stopped early
still shows what it measured.

Printed per N: build peak MB and its ratio to the first N (target <= 1.3 at 2,000 and
10,000 against 200), the largest `kg query` peak, the largest per-question excess over the
first N (target <= 50 MB at 10,000 against 100) and how many questions meet it, the largest
excess of `kg query` over pyoxigraph, and the questions at least 20x faster than rdflib;
then a table a question a line (CPU by `kg query` and by rdflib on the largest store, their
ratio, `kg query`'s peak on the first and the largest store). Run it from the checkout's
root: `python -m kg.cli` imports the kg of the working folder first.

    python benchmarks/query.py 100 10000 [--rdflib-factor 20] [--rdflib-budget-s 3600]
        [--no-rdflib] [--keep DIR] [--questions 12,13]

--keep DIR keeps each N's articles and store in DIR/N (with the build's figures in
DIR/N/build.json) and reuses them on the next run instead of building again: a
10,000-article store is built once. A reused row says so ("reused_build": true).
--questions runs only the competency questions of those numbers (a run that ran out of its
rdflib budget can be finished later on the kept stores).
"""

from __future__ import annotations

import json
import os
import shutil
import signal
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
from launch import measure  # noqa: E402

BARE = """
import sys, pyoxigraph as ox
store = ox.Store.read_only(sys.argv[1])
text = open(sys.argv[2], encoding="utf-8").read()
result = store.query(text, use_default_graph_as_union=True)
print(sum(1 for _ in result) if isinstance(result, ox.QuerySolutions) else bool(result))
"""


def cpu_of(pid: int) -> float:
    """CPU seconds (user + sys) a running process has used so far, from /proc."""
    with open(f"/proc/{pid}/stat", encoding="ascii") as f:
        fields = f.read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def rdflib_ratios(
    store: Path, cqs: list, kg_s: list[float], factor: float, budget_s: float
) -> tuple[list[dict], float]:
    """Each question on rdflib in a forked process stopped once its CPU time passes
    `factor` times kg query's CPU time: {"cpu_s": rdflib's CPU seconds, "wall_s",
    "ratio": rdflib / kg (CPU), "finished": bool}, in order, until the wall-time budget
    is spent; and the load's CPU time."""
    import rdflib

    from kg.ontology import PREFIXES
    from kg.store import KgStore

    kg = KgStore(store, read_only=True)
    data = "".join(f"{q} .\n" for q in kg.quads())
    kg.close()
    ds = rdflib.Dataset(default_union=True)
    t0 = time.process_time()
    ds.parse(data=data, format="nquads")
    load_s = time.process_time() - t0
    del data
    print(f"rdflib loaded the store: {load_s:.1f} s CPU", file=sys.stderr, flush=True)
    ns = {k: rdflib.Namespace(v) for k, v in PREFIXES.items()}
    out: list[dict] = []
    started = time.perf_counter()
    for q, kg_t in zip(cqs, kg_s, strict=True):
        limit = factor * kg_t
        t = time.perf_counter()
        pid = os.fork()
        if pid == 0:  # the child runs the question and leaves without cleaning up
            try:  # (never through the parent's finally clauses, which remove the store)
                list(ds.query(q.sparql, initNs=ns))
            except BaseException:
                os._exit(1)
            os._exit(0)
        finished = False
        while True:
            done, status, usage = os.wait4(pid, os.WNOHANG)
            if done:
                finished = os.waitstatus_to_exitcode(status) == 0
                cpu = usage.ru_utime + usage.ru_stime
                break
            if cpu_of(pid) > limit:
                os.kill(pid, signal.SIGKILL)
                _pid, _status, usage = os.wait4(pid, 0)
                cpu = usage.ru_utime + usage.ru_stime
                break
            time.sleep(0.1)
        out.append(
            {
                "cpu_s": round(cpu, 2),
                "wall_s": round(time.perf_counter() - t, 2),
                "ratio": round(cpu / kg_t, 1),
                "finished": finished,
            }
        )
        print(f"rdflib {q.name}: {json.dumps(out[-1])}", file=sys.stderr, flush=True)
        if time.perf_counter() - started > budget_s:
            break
    return out, load_s


def built_store(n: int, work: Path, kg: list[str]) -> tuple[Path, dict, bool]:
    """The store of N generated articles in `work`, built now or by an earlier run (its
    build figures kept in build.json); whether it was reused."""
    from generate import write

    store, saved = work / "store", work / "build.json"
    if saved.exists() and store.exists():
        return store, json.loads(saved.read_text(encoding="utf-8")), True
    shutil.rmtree(store, ignore_errors=True)
    corpus = work / "corpus"
    write(n, corpus)
    build = measure([*kg, "build", str(corpus), "--store", str(store), "--no-out", "-j", "2"])
    saved.write_text(json.dumps(build), encoding="utf-8")
    return store, build, False


def run(
    n: int,
    factor: float,
    budget_s: float,
    keep: Path | None = None,
    rdflib: bool = True,
    numbers: frozenset[str] = frozenset(),
) -> dict:
    from kg.query import competency_questions, screen_query

    work = keep / str(n) if keep else Path(tempfile.mkdtemp(prefix="kg-bench-query-"))
    work.mkdir(parents=True, exist_ok=True)
    cqs = [q for q in competency_questions() if not numbers or q.name.split("-")[0] in numbers]
    try:
        kg = [sys.executable, "-m", "kg.cli"]
        store, build, reused = built_store(n, work, kg)
        per_cq, bare = [], []
        for q in cqs:
            path, screened = work / f"{q.name}.rq", work / f"{q.name}.screened.rq"
            path.write_text(q.sparql, encoding="utf-8")
            screened.write_text(screen_query(q.sparql).text, encoding="utf-8")
            # kg query's own 60 s limit is for users; on a loaded machine a corpus-wide
            # question of a large store needs longer
            cmd = [*kg, "query", "--store", str(store), "-f", str(path), "--timeout-s", "3600"]
            per_cq.append(measure(cmd))
            bare.append(measure([sys.executable, "-c", BARE, str(store), str(screened)]))
            print(
                f"{n} {q.name}: kg query {json.dumps(per_cq[-1])} "
                f"pyoxigraph {json.dumps(bare[-1])}",
                file=sys.stderr,
                flush=True,
            )
        kg_s = [m["cpu_s"] for m in per_cq]
        rdf, load_s = rdflib_ratios(store, cqs, kg_s, factor, budget_s) if rdflib else ([], 0)
        size = sum(p.stat().st_size for p in store.rglob("*") if p.is_file())
        return {
            "articles": n,
            "reused_build": reused,
            "build_wall_s": build["wall_s"],
            "build_cpu_s": build["cpu_s"],
            "build_peak_mb": build["peak_mb"],
            "store_mb": round(size / 2**20, 1),
            "query_peak_mb": max(m["peak_mb"] for m in per_cq),
            "query_peak_mb_each": [m["peak_mb"] for m in per_cq],
            "pyoxigraph_peak_mb_each": [m["peak_mb"] for m in bare],
            "kg_over_pyoxigraph_mb": max(
                m["peak_mb"] - b["peak_mb"] for m, b in zip(per_cq, bare, strict=True)
            ),
            "query_cpu_s": kg_s,
            "query_wall_s": [m["wall_s"] for m in per_cq],
            "pyoxigraph_cpu_s": [m["cpu_s"] for m in bare],
            "query_total_cpu_s": round(sum(kg_s), 2),
            "rdflib_load_cpu_s": round(load_s, 1),
            "rdflib": rdf,
            "rdflib_factor": factor,
            "questions": [q.name for q in cqs],
        }
    finally:
        for q in cqs:
            (work / f"{q.name}.rq").unlink(missing_ok=True)
            (work / f"{q.name}.screened.rq").unlink(missing_ok=True)
        if keep is None:
            shutil.rmtree(work, ignore_errors=True)


def main() -> None:
    args = sys.argv[1:]
    options = {"--rdflib-budget-s": 3600.0, "--rdflib-factor": 20.0}
    for name in options:
        if name in args:
            i = args.index(name)
            options[name] = float(args[i + 1])
            del args[i : i + 2]
    keep = None
    if "--keep" in args:
        i = args.index("--keep")
        keep = Path(args[i + 1])
        del args[i : i + 2]
    numbers: frozenset[str] = frozenset()
    if "--questions" in args:
        i = args.index("--questions")
        numbers = frozenset(f"{int(x):02d}" for x in args[i + 1].split(","))
        del args[i : i + 2]
    rdflib = "--no-rdflib" not in args
    args = [a for a in args if a != "--no-rdflib"]
    sizes = [int(a) for a in args] or [100, 200]
    rows = []
    factor, budget = options["--rdflib-factor"], options["--rdflib-budget-s"]
    for n in sizes:
        rows.append(run(n, factor, budget, keep, rdflib, numbers))
        print(json.dumps(rows[-1]), flush=True)
    first = rows[0]
    print()
    print(
        "| articles | build peak MB | / first | kg query peak MB | largest per-CQ excess MB | "
        "CQs within 50 MB | kg query - pyoxigraph MB | CPU of the CQs by kg query | "
        "CQs >= 20x rdflib (of compared) |"
    )
    print("| --- | --- | --- | --- | --- | --- | --- | --- | --- |")
    for r in rows:
        excess = [
            a - b for a, b in zip(r["query_peak_mb_each"], first["query_peak_mb_each"], strict=True)
        ]
        fast = sum(1 for x in r["rdflib"] if x["ratio"] >= 20)
        print(
            f"| {r['articles']} | {r['build_peak_mb']} | "
            f"{round(r['build_peak_mb'] / first['build_peak_mb'], 2)} | {r['query_peak_mb']} | "
            f"{max(excess)} | {sum(1 for e in excess if e <= 50)} of {len(excess)} | "
            f"{r['kg_over_pyoxigraph_mb']} | {r['query_total_cpu_s']} s | "
            f"{fast} ({len(r['rdflib'])}) |"
        )
    print()
    print(per_question(rows))


def per_question(rows: list[dict]) -> str:
    """A Markdown table, one line a question: its CPU by `kg query` and by rdflib on the
    largest store, their ratio, and `kg query`'s peak on the first and the largest store."""
    first, last = rows[0], rows[-1]
    names = last.get("questions") or [str(i + 1) for i in range(len(last["query_cpu_s"]))]
    lines = [
        f"| question | `kg query` CPU s | rdflib CPU s | rdflib / `kg query` | "
        f"peak MB at {first['articles']:,} | peak MB at {last['articles']:,} | excess MB |",
        "| --- | --- | --- | --- | --- | --- | --- |",
    ]
    for i, name in enumerate(names):
        kg = last["query_cpu_s"][i]
        rdf = last["rdflib"][i] if i < len(last["rdflib"]) else None
        if rdf is None:
            rdf_s, ratio = "not run", ""
        elif rdf["finished"]:
            rdf_s, ratio = f"{rdf['cpu_s']}", f"{rdf['ratio']}x"
        else:
            rdf_s, ratio = f"> {rdf['cpu_s']} (stopped)", f">= {rdf['ratio']}x"
        a, b = first["query_peak_mb_each"][i], last["query_peak_mb_each"][i]
        lines.append(f"| {name} | {kg} | {rdf_s} | {ratio} | {a} | {b} | {b - a} |")
    return "\n".join(lines)


if __name__ == "__main__":
    main()
