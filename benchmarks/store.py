"""Benchmark of kg on many articles: build speed against spaCy, store size, peak memory,
store loading against pyoxigraph's bulk load, and competency-question latency on the store
against rdflib's in-memory graph. Each N runs in its own process (peak memory is per
process); every figure is also given as a ratio to a baseline measured in that process.

    python benchmarks/store.py 100 1000 10000
"""

from __future__ import annotations

import json
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
RDFLIB_BUDGET_S = 600


def _size(path: Path) -> int:
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file())


def child(n: int) -> dict:
    sys.path.insert(0, str(HERE))
    import pyoxigraph as ox
    import rdflib
    import spacy
    from generate import generate

    from kg.build import ArticleGraph, BuildResult
    from kg.extract.nlp import load_pipeline
    from kg.ontology import PREFIXES
    from kg.pipeline import build_inputs
    from kg.query import competency_questions
    from kg.store import KgStore

    work = Path(tempfile.mkdtemp(prefix="kg-bench-"))
    try:
        articles = work / "articles"
        articles.mkdir()
        items = generate(n)
        for text, article_id in items:
            (articles / f"{article_id}.txt").write_text(text, encoding="utf-8")
        texts = [t for t, _i in items]
        plain = spacy.load(load_pipeline().meta["kg_package"])
        list(plain.pipe(texts[:20]))

        t0 = time.perf_counter()
        parsed = sum(1 for _doc in plain.pipe(texts))  # model's batch size, as kg
        assert parsed == n
        spacy_s = time.perf_counter() - t0

        t0 = time.perf_counter()
        summary = build_inputs([articles], None, store_dir=work / "store", batch_size=100)
        build_s = time.perf_counter() - t0
        peak_build_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024

        store = KgStore(work / "store", read_only=True)
        quads = list(store.quads(quarantine=True))
        store.close()
        graphs: dict[str, list] = {}
        for q in quads:
            graphs.setdefault(q.graph_name.value, []).append(q)

        fresh = KgStore(work / "reload")
        names = sorted(g for g in graphs if not g.endswith("/quarantine"))
        t0 = time.perf_counter()
        for start in range(0, len(names), 100):  # as kg build adds them: 100 at a time
            batch = [
                ArticleGraph(
                    article_id=g,
                    graph=g,
                    quarantine_graph=g + "/quarantine",
                    main=graphs[g],
                    quarantine=graphs.get(g + "/quarantine", []),
                )
                for g in names[start : start + 100]
            ]
            fresh.add_build(
                BuildResult(base="", articles=batch, inputs=[]), {a.article_id: "" for a in batch}
            )
        fresh.close()
        kg_load_s = time.perf_counter() - t0
        bulk = ox.Store(str(work / "bulk"))
        t0 = time.perf_counter()
        bulk.bulk_extend(quads)
        bulk.flush()
        bulk_s = time.perf_counter() - t0
        del bulk

        store = ox.Store.read_only(str(work / "store"))
        cqs = competency_questions()

        def run_store() -> float:
            t = time.perf_counter()
            for q in cqs:
                list(store.query(q.sparql, use_default_graph_as_union=True, prefixes=PREFIXES))
            return time.perf_counter() - t

        run_store()
        store_q = min(run_store() for _ in range(3))
        ds = rdflib.Dataset(default_union=True)
        nq = "".join(f"{q} .\n" for q in quads)
        t0 = time.perf_counter()
        ds.parse(data=nq, format="nquads")
        rdflib_load_s = time.perf_counter() - t0
        ns = {k: rdflib.Namespace(v) for k, v in PREFIXES.items()}
        t0 = time.perf_counter()
        done = 0
        for q in cqs:
            list(ds.query(q.sparql, initNs=ns))
            done += 1
            if time.perf_counter() - t0 > RDFLIB_BUDGET_S:
                break  # rdflib is far behind already; the ratio below is a lower bound
        rdflib_q = time.perf_counter() - t0
        if done < len(cqs):  # compare with the store on the same questions
            t = time.perf_counter()
            for q in cqs[:done]:
                list(store.query(q.sparql, use_default_graph_as_union=True, prefixes=PREFIXES))
            store_q = time.perf_counter() - t
        return {
            "articles": n,
            "relations": summary.relations,
            "quads": len(quads),
            "spacy_s": round(spacy_s, 2),
            "build_s": round(build_s, 2),
            "kg_articles_per_s": round(n / build_s, 1),
            "spacy_articles_per_s": round(n / spacy_s, 1),
            "build_over_spacy": round(build_s / spacy_s, 2),
            "store_mb": round(_size(work / "store") / 2**20, 1),
            "peak_build_mb": round(peak_build_mb),
            "load_quads_per_s": round(len(quads) / kg_load_s),
            "bulk_quads_per_s": round(len(quads) / bulk_s),
            "load_vs_bulk": round(bulk_s / kg_load_s, 2),
            "cq_store_ms": round(store_q * 1000, 1),
            "cq_rdflib_ms": round(rdflib_q * 1000, 1),
            "rdflib_load_s": round(rdflib_load_s, 1),
            "rdflib_over_store": round(rdflib_q / store_q, 1),
            "cqs_compared": f"{done}/{len(cqs)}",
        }
    finally:
        shutil.rmtree(work, ignore_errors=True)


def main() -> None:
    if sys.argv[1:2] == ["--child"]:
        print(json.dumps(child(int(sys.argv[2]))))
        return
    sizes = [int(a) for a in sys.argv[1:]] or [100, 1000]
    rows = []
    for n in sizes:
        out = subprocess.run(
            [sys.executable, __file__, "--child", str(n)],
            check=True,
            capture_output=True,
            text=True,
        )
        rows.append(json.loads(out.stdout.strip().splitlines()[-1]))
        print(json.dumps(rows[-1]), flush=True)
    print()
    print(
        "| articles | kg build art/s | spaCy art/s | build / spaCy | store MB | peak MB "
        "| load / bulk load | CQs store ms | CQs rdflib ms | rdflib / store |"
    )
    print("| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |")
    for r in rows:
        print(
            f"| {r['articles']} | {r['kg_articles_per_s']} | {r['spacy_articles_per_s']} | "
            f"{r['build_over_spacy']} | {r['store_mb']} | {r['peak_build_mb']} | "
            f"{r['load_vs_bulk']} | {r['cq_store_ms']} | {r['cq_rdflib_ms']} | "
            f"{r['rdflib_over_store']} |"
        )


if __name__ == "__main__":
    main()
