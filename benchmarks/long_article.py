"""Benchmark: extraction cost per character of one long article (issue 8).

Builds one article of about 100 KB, 400 KB and 2 MB from the shared corpus's texts (and the
repository's sample articles when the corpus is absent), extracts each with kg's pipeline
in this process, and prints the cost per character of each size as a ratio to the smallest.
Linear work keeps the ratios near 1 (flat within 2x); pairwise work makes them grow with the
size. spaCy's own pass over the same text is timed too, to show what kg adds.

    python benchmarks/long_article.py [--sizes 100000,400000,2000000]
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def source_texts() -> list[str]:
    shared = ROOT.parent / "shared" / "corpus"
    paths = sorted(shared.glob("*.txt")) or sorted((ROOT / "data" / "articles").glob("*.txt"))
    return [p.read_text(encoding="utf-8") for p in paths]


def long_text(texts: list[str], size: int) -> str:
    """About `size` characters of whole articles, one after the other, cycling."""
    out: list[str] = []
    total, i = 0, 0
    while total < size:
        piece = texts[i % len(texts)]
        out.append(piece)
        total += len(piece) + 2
        i += 1
    return "\n\n".join(out)[:size]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="100000,400000,2000000")
    args = parser.parse_args()
    sizes = [int(s) for s in args.sizes.split(",")]

    from kg.extract.nlp import load_pipeline
    from kg.extract.pipeline import extract
    from kg.extract.text import blocks, chunks, clean_text

    texts = source_texts()
    nlp = load_pipeline()
    extract(texts[0], "warm-up")
    rows = []
    for size in sizes:
        text = long_text(texts, size)
        cleaned = clean_text(text)
        spans = [
            cleaned[a:b]
            for part in blocks(cleaned)
            for a, b in chunks(part.start, part.end, cleaned, nlp.max_length - 1)
        ]
        t0 = time.perf_counter()
        list(nlp.pipe(spans, batch_size=64))
        spacy_s = time.perf_counter() - t0
        t0 = time.perf_counter()
        st = extract(text, f"long-{size}")
        total_s = time.perf_counter() - t0
        rows.append((size, spacy_s, total_s, len(st.entities), len(st.relations)))
        print(f"  measured {size:,} characters", flush=True)

    base_total = rows[0][2] / rows[0][0]
    base_kg = max(rows[0][2] - rows[0][1], 1e-9) / rows[0][0]
    print("characters   entities  relations   cost/char (extract)   cost/char (kg on top of spaCy)")
    for size, spacy_s, total_s, ents, rels in rows:
        print(
            f"{size:>10,}   {ents:>8}  {rels:>9}   "
            f"{total_s / size / base_total:>19.2f}   "
            f"{max(total_s - spacy_s, 1e-9) / size / base_kg:>30.2f}"
        )
    print(f"(ratios against the {rows[0][0]:,}-character article; flat within 2x is linear)")


if __name__ == "__main__":
    main()
