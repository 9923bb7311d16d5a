"""One way to read a graph: a file or a store, behind the same small interface.

    with open_source(store=Path("kg-store")) as src:
        print(src.query("SELECT (COUNT(*) AS ?n) { ?s ?p ?o }"))

A store is read where it lies (pyoxigraph opened read-only): a query runs on the on-disk
database, whose union default graph holds the article graphs only (the quarantine lives in
its own database), so the time and memory of a query follow the query, not the corpus.
A file is parsed once into an in-memory pyoxigraph store.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Iterator
from pathlib import Path

import pyoxigraph as ox

from kg.errors import InputError
from kg.query import QueryResult, query_text, run_query
from kg.validate import Report, validate_quads
from kg.validate_store import validate_store


class GraphSource(ABC):
    """A graph to read: its quads, SPARQL over it, its validation. A context manager."""

    name: str
    base: str | None = None

    @abstractmethod
    def quads(self, quarantine: bool = False) -> Iterator[ox.Quad]:
        """Every quad of the graph (with the quarantine graphs when asked)."""

    def graphs(self) -> Iterator[tuple[str, list[ox.Quad]]]:
        """Each named article graph and its quads, in name order (quarantine graphs and
        the default graph left out), one graph held at a time."""
        from kg.rdfio import by_graph

        grouped = by_graph(self.quads())
        for name in sorted(grouped):
            yield name, grouped.pop(name)

    @abstractmethod
    def _store(self) -> ox.Store:
        """A pyoxigraph store holding the graph, for SPARQL."""

    def query(self, sparql: str, fmt: str = "table") -> str:
        """The answer to a SPARQL query (screened: no SERVICE, LOAD or FROM), formatted as a
        text table or a W3C results format; the default graph is the union of the
        article graphs."""
        return query_text(self._store(), sparql, fmt)

    def run(self, sparql: str) -> QueryResult:
        """The answer to a SPARQL query as terms."""
        return run_query(self._store(), sparql)

    def validate(self, inference: str = "rdfs", engine: str = "kg") -> Report:
        """The graph checked against the shapes (see kg.validate)."""
        return validate_quads(self.quads(), inference=inference, engine=engine)

    def close(self) -> None:  # noqa: B027 - a file source holds nothing to release
        """Release what the source holds."""

    def __enter__(self) -> GraphSource:
        return self

    def __exit__(self, *exc) -> None:
        self.close()


class FileSource(GraphSource):
    """An RDF file (any format kg reads), parsed once."""

    def __init__(self, path: Path, fmt: str | None = None) -> None:
        from kg.rdfio import parse_file

        self.name = str(path)
        self._quads = parse_file(path, fmt)
        self._memory: ox.Store | None = None

    def quads(self, quarantine: bool = False) -> Iterator[ox.Quad]:
        return iter(self._quads)

    def _store(self) -> ox.Store:
        if self._memory is None:
            self._memory = ox.Store()
            self._memory.extend(self._quads)
        return self._memory


class StoreSource(GraphSource):
    """A kg store, opened read-only: nothing is copied, a writer may go on building."""

    def __init__(self, path: Path) -> None:
        from kg.store import KgStore

        self.name = str(path)
        self.kg = KgStore(path, read_only=True)
        self.base = self.kg.base
        self._legacy = bool(self.kg.legacy_quarantine())
        self._memory: ox.Store | None = None

    def quads(self, quarantine: bool = False) -> Iterator[ox.Quad]:
        return self.kg.quads(quarantine=quarantine)

    def graphs(self) -> Iterator[tuple[str, list[ox.Quad]]]:
        """Each article graph of the store and its quads, in name order, read graph by
        graph where it lies."""
        for name in self.kg.article_graphs():
            quads = list(self.kg.store.quads_for_pattern(None, None, None, ox.NamedNode(name)))
            if quads:
                yield name, quads
            del quads  # not held while the next graph is read

    def validate(self, inference: str = "rdfs", engine: str = "kg") -> Report:
        """The store's article graphs checked against the shapes batch by batch, never
        copied (kg.validate_store): the report of validating them merged."""
        if self._legacy:  # a kg 0.1 store: its quarantine graphs sit among the articles
            return super().validate(inference, engine)
        return validate_store(self.kg.store, inference=inference, engine=engine)

    def _store(self) -> ox.Store:
        if not self._legacy:
            return self.kg.store
        # a kg 0.1 store keeps quarantine graphs beside the article graphs: query a copy
        # without them (opening the store once for writing moves them out)
        if self._memory is None:
            self._memory = ox.Store()
            self._memory.extend(list(self.kg.quads()))
        return self._memory

    def close(self) -> None:
        self.kg.close()
        self._memory = None


def open_source(
    graph: Path | str | None = None, store: Path | str | None = None, fmt: str | None = None
) -> GraphSource:
    """A graph file, or a store folder: exactly one of them."""
    if (graph is None) == (store is None):
        raise InputError("give a graph file or a store, not both and not neither")
    if store is not None:
        return StoreSource(Path(store))
    return FileSource(Path(graph), fmt)  # type: ignore[arg-type]


def open_path(path: Path | str, fmt: str | None = None) -> GraphSource:
    """A folder is a store, anything else a graph file."""
    path = Path(path)
    return StoreSource(path) if path.is_dir() else FileSource(path, fmt)
