"""Python's cyclic garbage collector while kg's statement step runs, restored after each
article.

The statement step (mentions, linking, frames, constructions: kg.extract.pipeline
`_statements`) makes many short-lived objects (spaCy Tokens and Spans made on demand,
tuples, mentions, candidates) while the parsed Docs of every article of a batch are alive.
At Python's default threshold (a young collection every 700 objects allocated and not
freed) the collector ran so often there, and its older generations so often walked every
object the process holds, that it took some 10% of kg's CPU over the 200 benchmark
articles (benchmarks/extract.py), finding little to free. For an article's statement step,
young collections run every `LAYER_THRESHOLD` objects instead (as a corpus build runs
throughout: kg.pipeline.collector_for_a_corpus). spaCy's pipeline, kg's components in it
included, runs with the collector as the caller set it: a component works on one block at a
time, and raising the threshold per call saved nothing (the objects it leaves are walked at
the next collection after it). A higher threshold already set (a corpus build) or the
collector off (threshold 0) is left as it is."""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager

LAYER_THRESHOLD = 20_000  # objects allocated between young collections (Python's default: 700)


@contextmanager
def fewer_collections() -> Iterator[None]:
    """Young collections every `LAYER_THRESHOLD` objects for the time of the block (also a
    decorator); the older generations' thresholds and a higher or zero threshold are kept."""
    old = gc.get_threshold()
    if old[0] == 0 or old[0] >= LAYER_THRESHOLD:
        yield
        return
    gc.set_threshold(LAYER_THRESHOLD, old[1], old[2])
    try:
        yield
    finally:
        gc.set_threshold(*old)
