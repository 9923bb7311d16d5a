"""Benchmark: what kg adds on top of spaCy, measured in one process.

Runs spaCy's own nlp.pipe (the bare model) over N distinct article texts (the blocks kg
hands to spaCy, so both parse the same pieces), then kg's
extraction (text -> statements: the same spaCy pass plus kg's components and layers) and
kg's build (statements -> RDF -> SHACL validation) over the same texts, and prints each
cost as a ratio to spaCy's time. Ratios, not seconds, because the machines are shared and
noisy. The texts are the shared corpus (../shared/corpus), the repository's articles and
development articles, then generated articles (benchmarks/generate.py) up to N; no text is
used twice, so no cache or repetition flatters a layer. Each timing is the best of
`--repeat` runs, alternating spaCy and kg.

    python benchmarks/extract.py [-n 200] [--repeat 2] [--clock cpu]

Where kg's share goes: profile `extract_many` over the same texts with cProfile. kg's cost is
mostly Python objects spaCy makes on demand (a Token per `doc[i]` or iteration, `doc.text`,
`Span.text`, `doc.ents` rebuilt on each read): slice texts from the article, search the
LOWER/ORTH arrays and read such properties once. On a loaded machine compare CPU time
(`--clock cpu`: time.process_time of this process) rather than wall time.
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def corpus(n: int) -> list[tuple[str, str, dict]]:
    """N distinct article texts: real-style articles first, then generated ones."""
    from benchmarks.generate import generate
    from kg.quality import find_shared

    folders = [ROOT / "data" / "articles", ROOT / "data" / "eval" / "dev"]
    shared = find_shared(ROOT)
    if shared is not None:
        folders.insert(0, shared / "corpus")
    texts: list[str] = []
    for folder in folders:
        for path in sorted(folder.glob("*.txt")):
            text = path.read_text(encoding="utf-8")
            if text not in texts:
                texts.append(text)
    texts = texts[:n]
    for text, _id in generate(max(0, n - len(texts)) + 50):
        if len(texts) >= n:
            break
        if text not in texts:
            texts.append(text)
    assert len(set(texts)) == len(texts) == n, "the benchmark needs N distinct texts"
    return [(t, f"a{i:05d}", {}) for i, t in enumerate(texts)]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-n", type=int, default=200, help="number of articles")
    parser.add_argument("--repeat", type=int, default=2, help="runs of each; the best counts")
    parser.add_argument(
        "--clock",
        choices=["wall", "cpu"],
        default="wall",
        help="wall time, or this process's CPU time (steadier on a shared machine)",
    )
    args = parser.parse_args()
    import spacy

    from kg.build import build
    from kg.extract.collector import LAYER_THRESHOLD, fewer_collections
    from kg.extract.nlp import load_pipeline
    from kg.extract.pipeline import extract_many, segment
    from kg.extract.text import clean_text

    clock = time.process_time if args.clock == "cpu" else time.perf_counter
    items = corpus(args.n)
    # spaCy's own work on exactly what kg gives it: the blocks of the cleaned texts
    _pieces, texts, _blocks = segment([clean_text(t) for t, _i, _m in items], 10**6)
    plain = spacy.load(load_pipeline().meta["kg_package"])  # the same model, without kg
    list(plain.pipe(texts[:5]))
    list(extract_many(items[:5]))

    spacy_s = extract_s = float("inf")
    statements = []
    for _ in range(max(1, args.repeat)):
        t0 = clock()
        with fewer_collections():  # the collector extract_many runs spaCy's pipeline under
            list(plain.pipe(texts))
        spacy_s = min(spacy_s, clock() - t0)
        t0 = clock()
        statements = list(extract_many(items))
        extract_s = min(extract_s, clock() - t0)

    t0 = clock()
    result = build(statements)
    build_s = clock() - t0

    c = result.counts()
    distinct = len({t for t, _i, _m in items})
    print(
        f"articles: {args.n} ({distinct} distinct texts)   relations: {c['relations']}   "
        f"quads: {c['quads']}"
    )
    print("spaCy nlp.pipe alone               1.00  (baseline)")
    print(f"  both run with a young garbage collection every {LAYER_THRESHOLD:,} objects")
    print(f"kg extract (incl. spaCy)           {extract_s / spacy_s:.2f}")
    print(f"  kg work on top of spaCy          {(extract_s - spacy_s) / spacy_s:+.0%}")
    print(f"kg build: RDF + SHACL validation   {build_s / spacy_s:.2f}")
    print(f"kg build from text, total          {(extract_s + build_s) / spacy_s:.2f}")


if __name__ == "__main__":
    main()
