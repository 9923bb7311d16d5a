"""Python's cyclic garbage collector while kg extracts a batch of articles, restored before
each article's statements are handed to the caller.

kg's layers make many objects (spaCy Tokens and Spans made on demand, the per-Doc Tree and
clauses, mentions, candidates) while the parsed Docs of a batch are alive. At Python's
default threshold (a young collection every 700 objects allocated and not freed) the
collector ran so often, and its older generations so often walked every object the process
holds, that it took some 10% of kg's CPU over the 200 benchmark articles
(benchmarks/extract.py), finding little to free. So `extract_many` parses a batch with
young collections every `LAYER_THRESHOLD` objects instead (as a corpus build runs
throughout: kg.pipeline.collector_for_a_corpus), and each article's statement step again.
spaCy's own components allocate few such objects (over the 200 texts some 40 young
collections at the default threshold, a few milliseconds), but so that the comparison stays
fair, benchmarks/extract.py times spaCy's bare pipeline under the same threshold. Between
articles the caller's code runs with the collector as the caller set it. A higher threshold
already set (a corpus build) or the collector off (threshold 0) is left as it is."""

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
