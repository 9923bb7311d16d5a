"""A batch built away from the registry that minted its IRIs: in a `--jobs` worker process
(kg.jobs) or on a Dask worker (kg.cluster).

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
from kg.graphs import BuiltBatch
from kg.rdfio import nquads_lines
from kg.statements import Statements

__all__ = ["BuiltBatch", "ReplayRegistry", "build_minted"]

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
    result = build(statements, base=base, inputs=records, strict=strict, registry=registry)
    quads = result.main_quads
    mentioned = {q.subject.value for q in quads if q.predicate.value.endswith(MENTIONED_IN)}
    return BuiltBatch(
        base=base,
        inputs=list(records),
        articles=[replace(a, main=[], quarantine=[]) for a in result.articles],
        main=_nquads(quads, sort),
        quarantine=_nquads(result.quarantine_quads, sort),
        entities=sorted(mentioned),
    )
