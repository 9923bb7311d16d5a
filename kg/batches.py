"""The batches of a build: how a corpus is cut into them (batch_spans), a batch built away
from the registry that minted its IRIs (in a `--jobs` worker process, kg.jobs, or on a Dask
worker, kg.cluster).

Entity IRIs depend on every article before, so they are minted in one place in corpus
order (kg.identity.EntityRegistry.mint); the worker that builds and validates the batch
replays what was minted (ReplayRegistry) and sends the batch back as N-Quads bytes (lines
sorted and without duplicates when the output files take them), which go as they are to
the store's bulk loader and to the output files, with a few numbers per article for the
summary and the manifest. The bytes are those of a build in one process.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

import pyoxigraph as ox

from kg.build import build
from kg.errors import KgError
from kg.graphs import BuildResult, BuiltBatch
from kg.rdfio import nquads_lines
from kg.statements import Statements

__all__ = [
    "LAST_BATCH_MIN",
    "BuiltBatch",
    "ReplayRegistry",
    "as_built",
    "batch_spans",
    "build_minted",
]

NQUADS = ox.RdfFormat.N_QUADS
MENTIONED_IN = "#mentionedIn"


class ReplayRegistry:
    """The entity registry of a worker: it answers what the registry of the build minted
    for each article, in corpus order (EntityRegistry.mint, the one call the builder makes)."""

    def __init__(self, base: str, minted: dict[str, dict]) -> None:
        self.base = base
        self.minted = minted  # article id -> what EntityRegistry.mint answered

    def mint(self, st: Statements) -> dict:
        try:
            return self.minted[st.article.id]
        except KeyError:
            raise KgError(f"no IRIs were minted for article '{st.article.id}'") from None


def _nquads(quads: list[ox.Quad], sort: bool) -> bytes:
    if sort:
        return "".join(nquads_lines(quads)).encode("utf-8")
    return ox.serialize(quads, format=NQUADS)


def build_minted(
    statements: Sequence[Statements],
    base: str,
    records: list[dict],
    strict: bool,
    minted: dict[str, dict],
    sort: bool = True,
) -> BuiltBatch:
    """Build and validate a batch of articles (kg.build.build) with the IRIs minted for
    them elsewhere. `sort`: N-Quads lines sorted and without duplicates, as the output files
    take them (the store takes them in any order)."""
    registry = ReplayRegistry(base, minted)
    order = "sorted" if sort else "in order"
    return build(
        statements, base=base, inputs=records, strict=strict, registry=registry, nquads=order
    )


def as_built(result: BuildResult, sort: bool = False) -> BuiltBatch:
    """A built batch as N-Quads bytes (BuiltBatch), its Python quads left behind: how a
    worker sends it back, and how a build holds the batches the store takes in one load."""
    quads = result.main_quads
    mentioned = {q.subject.value for q in quads if q.predicate.value.endswith(MENTIONED_IN)}
    return BuiltBatch(
        base=result.base,
        inputs=list(result.inputs),
        articles=[replace(a, main=[], quarantine=[]) for a in result.articles],
        main=_nquads(quads, sort),
        quarantine=_nquads(result.quarantine_quads, sort),
        entities=sorted(mentioned),
    )


LAST_BATCH_MIN = 8  # inputs: the last batch of a corpus is halved down to this size or less


def batch_spans(n_inputs: int, batch_size: int) -> list[tuple[int, int]]:
    """The batches of a corpus, as (start, end) spans of its inputs in order: `batch_size`
    inputs each, but the last `batch_size` inputs (or fewer) are cut in half, the rest in
    half again, and so on down to LAST_BATCH_MIN inputs or fewer.

    With `--jobs`, a batch is built once all its articles are extracted; the batch built
    after the corpus's last article (which no other worker can share) is then a small one,
    and the halves before it are built while the last articles are extracted. A function
    of the corpus's size alone: a build in one process and one with `--jobs N` build the
    same batches, so they write the same bytes. In one process the store takes the pieces of
    the last batch in one load; with `--jobs` it loads what is pending when the first piece
    arrives, while the last articles are extracted (kg.pipeline.build_inputs)."""
    spans = []
    start = 0
    last = max(0, (n_inputs - 1) // batch_size * batch_size)  # where the last batch starts
    while start < last:
        spans.append((start, start + batch_size))
        start += batch_size
    while n_inputs - start > LAST_BATCH_MIN:
        step = -(-(n_inputs - start) // 2)
        spans.append((start, start + step))
        start += step
    if start < n_inputs:
        spans.append((start, n_inputs))
    return spans
