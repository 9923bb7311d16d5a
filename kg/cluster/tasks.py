"""What runs on a Dask worker: extracting one article, building one batch of articles.

Results travel back small and fast: statements (pickled dataclasses) from extraction, and
each article's graphs as N-Quads bytes (pickling pyoxigraph terms costs ten times more).
"""

from __future__ import annotations

import hashlib
import threading
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


# One spaCy pipeline per worker process, not safe to share between threads: a worker started
# with more than one thread (dask worker --nthreads N) extracts one task at a time.
_SPACY = threading.Lock()


def extract_articles(items: list[tuple[str, str, dict]], model: str | None) -> list[Statements]:
    """The statements of a few articles, each (text, article id, metadata): a worker task
    (spaCy runs over their texts at once; an article's statements do not depend on the
    others)."""
    from kg.extract.pipeline import extract_many

    with _SPACY:
        return list(extract_many(items, model=model))


def _call_key(name: str, args: tuple, kwargs: dict) -> str:
    """A call to a registry method as a key equal on the client and on a worker: arguments
    are dataclasses (an Entity, an article's Statements), whose repr shows every field."""
    text = repr((name, args, sorted(kwargs.items())))
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


class RecordingRegistry:
    """Wraps the client's EntityRegistry and records what each of its public methods
    answers (iri, mint, ...), so that a worker can replay exactly the IRIs a local build
    would mint, whatever the builder asks the registry."""

    def __init__(self, registry) -> None:
        self.registry = registry
        self.base = registry.base
        self.table: dict[str, Any] = {}

    def __getattr__(self, name: str):
        attr = getattr(self.registry, name)
        if name.startswith("_") or not callable(attr):
            return attr

        def call(*args, **kwargs):
            value = attr(*args, **kwargs)
            self.table[_call_key(name, args, kwargs)] = value
            return value

        return call


class ReplayRegistry:
    """A registry that answers from a table recorded on the client (RecordingRegistry)."""

    def __init__(self, base: str, table: dict[str, Any]) -> None:
        self.base = base
        self.table = table

    def __getattr__(self, name: str):
        if name.startswith("_"):
            raise AttributeError(name)

        def call(*args, **kwargs):
            try:
                return self.table[_call_key(name, args, kwargs)]
            except KeyError:
                raise KgError(f"the client recorded no answer to registry.{name}") from None

        return call


def build_batch(
    statements: list[Statements], base: str, records: list[dict], strict: bool, table: dict
) -> list[dict]:
    """Build and validate a batch of articles as a local build does (a worker task); each
    article comes back as the fields of an ArticleGraph with its quads as N-Quads bytes."""
    result = build(
        statements, base=base, inputs=records, strict=strict, registry=ReplayRegistry(base, table)
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
