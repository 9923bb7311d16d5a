"""What runs on a Dask worker: extracting one article, building one batch of articles.

Results travel back small and fast: statements (pickled dataclasses) from extraction, and
each article's graphs as N-Quads bytes (pickling pyoxigraph terms costs ten times more).
"""

from __future__ import annotations

from dataclasses import fields
from typing import Any

import pyoxigraph as ox
from distributed.diagnostics.plugin import WorkerPlugin

from kg.build import ArticleGraph, BuildResult, build
from kg.errors import KgError
from kg.statements import Statements

NQUADS = ox.RdfFormat.N_QUADS


class PreloadModel(WorkerPlugin):
    """Loads the spaCy pipeline when a worker joins (kept by the per-process cache of
    kg.extract.nlp.load_pipeline), so no task pays for it and a missing model shows early."""

    def __init__(self, model: str | None) -> None:
        self.model = model

    def setup(self, worker) -> None:
        from kg.extract.nlp import load_pipeline

        load_pipeline(self.model)


def extract_article(text: str, article_id: str, meta: dict, model: str | None) -> Statements:
    """The statements of one article (a worker task)."""
    from kg.extract.pipeline import extract_many

    return next(extract_many([(text, article_id, meta)], model=model))


class RecordingIris:
    """Wraps the client's EntityRegistry and records every IRI it hands out, keyed by the
    call, so a worker can replay exactly the IRIs a local build would mint."""

    def __init__(self, registry) -> None:
        self.registry = registry
        self.base = registry.base
        self.table: dict[Any, str] = {}

    def iri(self, *args, **kwargs) -> str:
        value = self.registry.iri(*args, **kwargs)
        self.table[(args, tuple(sorted(kwargs.items())))] = value
        return value


class FixedIris:
    """A registry that answers from a table recorded on the client (see RecordingIris)."""

    def __init__(self, base: str, table: dict[Any, str]) -> None:
        self.base = base
        self.table = table

    def iri(self, *args, **kwargs) -> str:
        try:
            return self.table[(args, tuple(sorted(kwargs.items())))]
        except KeyError:
            raise KgError(f"no IRI was minted for {args!r} on the client") from None


def build_batch(
    statements: list[Statements], base: str, records: list[dict], strict: bool, table: dict
) -> list[dict]:
    """Build and validate a batch of articles as a local build does (a worker task); each
    article comes back as the fields of an ArticleGraph with its quads as N-Quads bytes."""
    result = build(
        statements, base=base, inputs=records, strict=strict, registry=FixedIris(base, table)
    )
    out = []
    for a in result.articles:
        item = {f.name: getattr(a, f.name) for f in fields(a)}
        item["main"] = ox.serialize(a.main, format=NQUADS)
        item["quarantine"] = ox.serialize(a.quarantine, format=NQUADS)
        out.append(item)
    return out


def to_result(base: str, built: list[dict], records: list[dict]) -> BuildResult:
    """The client side of build_batch: the BuildResult a local build would have made."""
    articles = []
    for item in built:
        item = dict(item)
        item["main"] = list(ox.parse(item["main"], format=NQUADS))
        item["quarantine"] = list(ox.parse(item["quarantine"], format=NQUADS))
        articles.append(ArticleGraph(**item))
    return BuildResult(base=base, articles=articles, inputs=list(records))
