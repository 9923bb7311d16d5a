"""What runs on a Dask worker: extracting a few articles, building one batch of articles.

Statements stay on the workers: an extraction task's result is kept where it was made and
is the input of the task that builds its batch; the client fetches only what minting IRIs
reads (`mint_inputs`: each article's entities and the few relations that give a position
its owner). A built batch travels back as its N-Quads (kg.batches, shared with the
`--jobs` processes of a local build).
"""

from __future__ import annotations

import gc
import threading
from collections.abc import Iterator
from contextlib import contextmanager, suppress

from distributed.diagnostics.plugin import WorkerPlugin

from kg.batches import BuiltBatch, ReplayRegistry, build_minted
from kg.construct import prepare
from kg.errors import KgError
from kg.identity import EntityRegistry, affiliation_predicates, position_relations
from kg.statements import Article, Statements

__all__ = [
    "BuiltBatch",
    "PreloadModel",
    "ReplayRegistry",
    "build_batch",
    "buildable",
    "extract_articles",
    "mint_inputs",
    "mint_view",
]


class PreloadModel(WorkerPlugin):
    """Loads what every task uses when a worker joins: the spaCy pipeline (kept by the
    per-process cache of kg.extract.nlp.load_pipeline), the ontology and the compiled
    shapes, so no task pays for them and a missing model shows early. They are then frozen
    out of the garbage collector's walks (gc.freeze), as a local build does."""

    def __init__(self, model: str | None) -> None:
        self.model = model

    def setup(self, worker) -> None:
        from kg.extract.nlp import load_pipeline
        from kg.ontology import load_ontology
        from kg.shacl import Unsupported, compiled_shapes
        from kg.validate import hierarchy_triples

        load_pipeline(self.model)
        load_ontology()
        hierarchy_triples()
        with suppress(Unsupported):  # shapes kg's engine cannot run fall back to pySHACL
            compiled_shapes()
        gc.collect()
        gc.freeze()


class _FewerCollections:
    """Young garbage collections less often while a kg task runs, as kg.pipeline tunes
    them for a local build (its objects are short-lived; Python's default collects every
    700 allocations): the building of a batch takes about a quarter less CPU. The worker's
    own setting comes back when no kg task runs."""

    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.running = 0
        self.saved = gc.get_threshold()

    @contextmanager
    def __call__(self) -> Iterator[None]:
        from kg.pipeline import GC_THRESHOLD

        with self.lock:
            if self.running == 0:
                self.saved = gc.get_threshold()
                gc.set_threshold(GC_THRESHOLD, self.saved[1], self.saved[2])
            self.running += 1
        try:
            yield
        finally:
            with self.lock:
                self.running -= 1
                if self.running == 0:
                    gc.set_threshold(*self.saved)


_fewer_collections = _FewerCollections()


# One spaCy pipeline per worker process, not safe to share between threads: a worker started
# with more than one thread (dask worker --nthreads N) extracts one task at a time.
_SPACY = threading.Lock()


def buildable(st: Statements, base: str) -> str | None:
    """Why the article cannot be built on its own (a bad URL, ...), or None. Checked with a
    registry of its own before the client mints its IRIs, so that an article that fails
    alone mints nothing that would change the IRIs of the articles after it."""
    try:
        prepare(st, EntityRegistry(base), base)
    except KgError as exc:
        return str(exc)
    return None


def extract_articles(
    items: list[tuple[str, str, dict]], model: str | None, base: str | None = None
) -> list[tuple[Statements, str | None]]:
    """The statements of a few articles, each (text, article id, metadata), with why each
    cannot be built (None if it can; checked when `base` is given): a worker task (spaCy
    runs over their texts at once; an article's statements do not depend on the others)."""
    from kg.extract.pipeline import extract_many

    with _fewer_collections():
        with _SPACY:
            extracted = list(extract_many(items, model=model))
        return [(st, buildable(st, base) if base is not None else None) for st in extracted]


Extracted = list[tuple[Statements, str | None]]  # what extract_articles returns


def mint_view(st: Statements) -> Statements:
    """What EntityRegistry.mint reads of an article: its id, its entities and, if it has a
    position, the relations that can give the position its owner (kg.identity.position_owner);
    without the text and the other relations with their evidence."""
    relations = []
    if any(e.cls == "Position" for e in st.entities):
        wanted = set(position_relations()) | affiliation_predicates()
        relations = [r for r in st.relations if r.predicate in wanted]
    return Statements(Article(st.article.id, ""), list(st.entities), relations)


def mint_inputs(extracted: Extracted) -> list[tuple[Statements | None, str | None]]:
    """For the client, of an extraction task's result kept on a worker: each article's
    mint_view, or why it cannot be built (a worker task, next to the extraction)."""
    return [(mint_view(st) if why is None else None, why) for st, why in extracted]


def build_batch(
    picks: list[tuple[Extracted, int]],
    base: str,
    records: list[dict],
    strict: bool,
    minted: dict[str, dict],
    sort: bool = True,
) -> BuiltBatch:
    """Build and validate a batch of articles as a local build does, with the IRIs the
    client minted (a worker task). Each article is picked from an extraction task's result
    (Dask hands the task the results the worker holds, or fetches them from another
    worker) by its place in it. `sort`: N-Quads lines sorted and without duplicates, as
    the output files take them (the store takes them in any order)."""
    statements = [extracted[i][0] for extracted, i in picks]
    with _fewer_collections():
        return build_minted(statements, base, records, strict, minted, sort)
