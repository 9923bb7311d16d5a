"""Benchmark of the build's validation: kg's SHACL engine against pySHACL, in one process.

N generated articles (benchmarks/generate.py) are extracted once; then kg.build.build runs
on the same statements in batches of 100 (as kg build does) with each engine, and the RDF +
validation time of each is printed, with its ratio to spaCy's time on the same texts.

    python benchmarks/validate.py 200
"""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))


def main() -> None:
    import spacy
    from generate import generate

    from kg.build import EntityRegistry, build
    from kg.extract.nlp import load_pipeline
    from kg.extract.pipeline import extract_many
    from kg.iri import DEFAULT_BASE

    n = int(sys.argv[1]) if len(sys.argv) > 1 else 200
    items = generate(n)
    texts = [t for t, _i in items]
    plain = spacy.load(load_pipeline().meta["kg_package"])
    list(plain.pipe(texts[:10]))
    t0 = time.process_time()
    list(plain.pipe(texts))  # the model's batch size, as kg's extract_many
    spacy_s = time.process_time() - t0
    statements = list(extract_many([(t, i, {}) for t, i in items]))
    row: dict = {"articles": n, "spacy_cpu_s": round(spacy_s, 2)}
    reports = {}
    for engine in ("pyshacl", "kg"):
        registry = EntityRegistry(DEFAULT_BASE)
        t0 = time.process_time()
        out = []
        for start in range(0, n, 100):
            out.append(build(statements[start : start + 100], registry=registry, engine=engine))
        seconds = time.process_time() - t0
        reports[engine] = [
            (a.article_id, a.quarantined, sorted(v.message for v in a.violations))
            for r in out
            for a in r.articles
        ]
        row[f"build_{engine}_cpu_s"] = round(seconds, 2)
        row[f"build_{engine}_over_spacy"] = round(seconds / spacy_s, 2)
    row["same_quarantine"] = reports["kg"] == reports["pyshacl"]
    row["pyshacl_over_kg"] = round(row["build_pyshacl_cpu_s"] / row["build_kg_cpu_s"], 1)
    print(json.dumps(row))


if __name__ == "__main__":
    main()
