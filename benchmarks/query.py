"""Benchmark of `kg query --store` on stores of N generated articles, whole processes.

For each N: N articles from benchmarks/generate.py are built into a fresh store with
`kg build --jobs 2 --no-out` (its CPU, wall time and peak memory recorded), then each
competency question runs as `kg query --store S -f CQ.rq`, a process of its own whose wall
time and peak memory (the query's sandbox child included) the kernel reports (wait4). The
same questions then run on rdflib (the store's quads loaded into an rdflib Dataset first;
load time not counted), within a time budget.

Printed per N: build peak MB and its ratio to the first N (target <= 1.3 at 2,000 and
10,000 against 200), the largest `kg query` peak and its excess over the first N (target
<= 50 MB at 10,000 against 100), and rdflib time over `kg query` time on the questions
rdflib finished (target >= 20).

    python benchmarks/query.py 100 200 10000 [--rdflib-budget-s 300] [--keep DIR]

--keep DIR keeps each N's articles and store in DIR/N (with the build's figures in
DIR/N/build.json) and reuses them on the next run instead of building again: a
10,000-article store is built once. A reused row says so ("reused_build": true).
"""

from __future__ import annotations

import json
import shutil
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from build import measure  # noqa: E402


def rdflib_times(store: Path, cqs: list, budget_s: float) -> tuple[list[float], float]:
    """Seconds of each question on rdflib, in order, until the budget is spent."""
    import rdflib

    from kg.ontology import PREFIXES
    from kg.store import KgStore

    kg = KgStore(store, read_only=True)
    data = "".join(f"{q} .\n" for q in kg.quads())
    kg.close()
    ds = rdflib.Dataset(default_union=True)
    t0 = time.perf_counter()
    ds.parse(data=data, format="nquads")
    load_s = time.perf_counter() - t0
    del data
    ns = {k: rdflib.Namespace(v) for k, v in PREFIXES.items()}
    out: list[float] = []
    started = time.perf_counter()
    for q in cqs:
        t = time.perf_counter()
        list(ds.query(q.sparql, initNs=ns))
        out.append(time.perf_counter() - t)
        if time.perf_counter() - started > budget_s:
            break
    return out, load_s


def built_store(n: int, work: Path, kg: list[str]) -> tuple[Path, dict, bool]:
    """The store of N generated articles in `work`, built now or by an earlier run (its
    build figures kept in build.json); whether it was reused."""
    from generate import generate

    store, saved = work / "store", work / "build.json"
    if saved.exists() and store.exists():
        return store, json.loads(saved.read_text(encoding="utf-8")), True
    shutil.rmtree(store, ignore_errors=True)
    corpus = work / "corpus"
    corpus.mkdir(parents=True, exist_ok=True)
    for text, article_id in generate(n):
        (corpus / f"{article_id}.txt").write_text(text, encoding="utf-8")
    build = measure([*kg, "build", str(corpus), "--store", str(store), "--no-out", "-j", "2"])
    saved.write_text(json.dumps(build), encoding="utf-8")
    return store, build, False


def run(n: int, budget_s: float, keep: Path | None = None) -> dict:
    from kg.query import competency_questions

    work = keep / str(n) if keep else Path(tempfile.mkdtemp(prefix="kg-bench-query-"))
    work.mkdir(parents=True, exist_ok=True)
    cqs = competency_questions()
    try:
        kg = [sys.executable, "-m", "kg.cli"]
        store, build, reused = built_store(n, work, kg)
        per_cq = []
        for q in cqs:
            path = work / f"{q.name}.rq"
            path.write_text(q.sparql, encoding="utf-8")
            # kg query's own 60 s limit is for users; on a loaded machine a corpus-wide
            # question of a large store needs longer
            cmd = [*kg, "query", "--store", str(store), "-f", str(path), "--timeout-s", "3600"]
            per_cq.append(measure(cmd))
        rdf, load_s = rdflib_times(store, cqs, budget_s)
        done = len(rdf)
        kg_s = sum(m["wall_s"] for m in per_cq[:done])
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
            "query_wall_s": [m["wall_s"] for m in per_cq],
            "query_total_s": round(sum(m["wall_s"] for m in per_cq), 2),
            "rdflib_load_s": round(load_s, 1),
            "rdflib_s": [round(x, 2) for x in rdf],
            "cqs_compared": f"{done}/{len(cqs)}",
            "rdflib_over_kg_query": round(sum(rdf) / kg_s, 1) if kg_s else None,
        }
    finally:
        for q in cqs:
            (work / f"{q.name}.rq").unlink(missing_ok=True)
        if keep is None:
            shutil.rmtree(work, ignore_errors=True)


def main() -> None:
    args = sys.argv[1:]
    budget = 300.0
    if "--rdflib-budget-s" in args:
        i = args.index("--rdflib-budget-s")
        budget = float(args[i + 1])
        del args[i : i + 2]
    keep = None
    if "--keep" in args:
        i = args.index("--keep")
        keep = Path(args[i + 1])
        del args[i : i + 2]
    sizes = [int(a) for a in args] or [100, 200]
    rows = []
    for n in sizes:
        rows.append(run(n, budget, keep))
        print(json.dumps(rows[-1]), flush=True)
    first = rows[0]
    print()
    print(
        "| articles | build peak MB | / first | kg query peak MB | - first | "
        "largest per-CQ excess MB | CQs by kg query | rdflib / kg query (CQs) |"
    )
    print("| --- | --- | --- | --- | --- | --- | --- | --- |")
    for r in rows:
        excess = max(
            a - b for a, b in zip(r["query_peak_mb_each"], first["query_peak_mb_each"], strict=True)
        )
        print(
            f"| {r['articles']} | {r['build_peak_mb']} | "
            f"{round(r['build_peak_mb'] / first['build_peak_mb'], 2)} | {r['query_peak_mb']} | "
            f"{r['query_peak_mb'] - first['query_peak_mb']} | {excess} | "
            f"{r['query_total_s']} s | "
            f"{r['rdflib_over_kg_query']} ({r['cqs_compared']}) |"
        )


if __name__ == "__main__":
    main()
