"""Benchmark: extraction cost per character of one long article (issue 8).

Builds one article of about 100 KB, 400 KB and 2 MB from the shared corpus's texts (and the
repository's sample articles when the corpus is absent), extracts each with kg's pipeline
in this process, and prints the cost per character of each size as a ratio to the smallest.
Linear work keeps the ratios near 1 (flat within 2x); pairwise work makes them grow with the
size. kg's own work after spaCy (mentions, linking, resolving, frames: the pipeline's
per-article step) is timed on its own too, as that is where pairwise work would show.

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

    import kg.extract.pipeline as pipeline

    spent = [0.0]
    step = pipeline._statements

    def timed(*args, **kwargs):  # kg's per-article work, after spaCy has parsed the text
        t0 = time.perf_counter()
        try:
            return step(*args, **kwargs)
        finally:
            spent[0] += time.perf_counter() - t0

    pipeline._statements = timed
    texts = source_texts()
    pipeline.extract(texts[0], "warm-up")
    rows = []
    for size in sizes:
        text = long_text(texts, size)
        spent[0] = 0.0
        t0 = time.perf_counter()
        st = pipeline.extract(text, f"long-{size}")
        total_s = time.perf_counter() - t0
        rows.append((size, total_s, spent[0], len(st.entities), len(st.relations)))
        print(f"  measured {size:,} characters", flush=True)

    base_total = rows[0][1] / rows[0][0]
    base_kg = rows[0][2] / rows[0][0]
    print("characters   entities  relations   cost/char (extract)   cost/char (kg after spaCy)")
    for size, total_s, kg_s, ents, rels in rows:
        print(
            f"{size:>10,}   {ents:>8}  {rels:>9}   "
            f"{total_s / size / base_total:>19.2f}   {kg_s / size / base_kg:>26.2f}"
        )
    print(f"(ratios against the {rows[0][0]:,}-character article; flat within 2x is linear)")


if __name__ == "__main__":
    main()
