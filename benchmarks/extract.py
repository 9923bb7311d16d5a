"""Benchmark: what kg adds on top of spaCy, measured in one process.

Runs spaCy's own nlp.pipe over N article texts, then kg's extraction (text -> statements,
which includes the same spaCy pass) and kg's build (statements -> RDF -> SHACL
validation) over the same texts, and prints each cost as a ratio to spaCy's time. Ratios,
not seconds, because the machines are shared and noisy.

    python benchmarks/extract.py [-n 200]
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def corpus(n: int) -> list[tuple[str, str, dict]]:
    texts = sorted((ROOT / "data" / "articles").glob("*.txt"))
    base = [p.read_text(encoding="utf-8") for p in texts]
    return [(base[i % len(base)], f"a{i:05d}", {}) for i in range(n)]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-n", type=int, default=200, help="number of articles")
    args = parser.parse_args()
    import spacy

    from kg.build import build
    from kg.extract.nlp import load_pipeline
    from kg.extract.pipeline import extract_many

    items = corpus(args.n)
    texts = [t for t, _i, _m in items]
    plain = spacy.load(load_pipeline().meta["kg_package"])  # the same model, without kg
    list(plain.pipe(texts[:5]))
    list(extract_many(items[:5]))

    t0 = time.perf_counter()
    list(plain.pipe(texts))
    spacy_s = time.perf_counter() - t0

    t0 = time.perf_counter()
    statements = list(extract_many(items))
    extract_s = time.perf_counter() - t0

    t0 = time.perf_counter()
    result = build(statements)
    build_s = time.perf_counter() - t0

    c = result.counts()
    print(f"articles: {args.n}   relations: {c['relations']}   quads: {c['quads']}")
    print("spaCy nlp.pipe alone               1.00  (baseline)")
    print(f"kg extract (incl. spaCy)           {extract_s / spacy_s:.2f}")
    print(f"  kg work on top of spaCy          {(extract_s - spacy_s) / spacy_s:+.0%}")
    print(f"kg build: RDF + SHACL validation   {build_s / spacy_s:.2f}")
    print(f"kg build from text, total          {(extract_s + build_s) / spacy_s:.2f}")


if __name__ == "__main__":
    main()
