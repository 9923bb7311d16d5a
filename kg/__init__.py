"""kg: news articles to a validated RDF knowledge graph.

The library behind the `kg` command, in a few calls (importing kg loads nothing heavy)::

    import kg

    st = kg.extract_text("Ana Ortiz met Tomas Berg in Lisbon.", "ortiz-berg")
    graph = kg.build_statements([st])          # RDF, validated; graph.articles[0].main
    kg.build_corpus(["articles/"], store="kg-store")
    with kg.open_store("kg-store") as src:     # read-only, where it lies
        print(src.query("SELECT ?name WHERE { ?p a kgo:Person ; rdfs:label ?name }"))
    print(kg.sparql("kg-store", "ASK { ?p a kgo:Person }"))   # a store folder or a file
    ds = kg.rdflib_dataset("kg-store")         # rdflib code on the store, nothing loaded
    with kg.open_store("kg-store") as src:     # any format, streamed (kg.export.export_to)
        kg.export_to(src.quads(), "turtle", "kg.ttl")

(The names differ from the modules' on purpose: kg.extract, kg.build and kg.query are
subpackages and modules.)

Each call is documented where it is defined: kg.extract.pipeline.extract, kg.build.build,
kg.pipeline.build_inputs, kg.source.open_source, kg.export.export_to.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

__version__ = "0.1.0"

if TYPE_CHECKING:
    import rdflib

    from kg.export import ExportSummary
    from kg.graphs import BuildResult
    from kg.pipeline import BuildSummary
    from kg.source import GraphSource, StoreSource
    from kg.statements import Statements

__all__ = [
    "__version__",
    "build_corpus",
    "build_statements",
    "export_to",
    "extract_text",
    "load_statements",
    "open_graph",
    "open_store",
    "rdflib_dataset",
    "sparql",
]


def extract_text(text: str, article_id: str, model: str | None = None, **meta) -> Statements:
    """The statements (entities, relations, evidence) of one article's text. `meta` may
    give title, date, source and url."""
    from kg.extract.pipeline import extract as run

    return run(text, article_id, model=model, **meta)


def load_statements(path: str | Path) -> Statements:
    """A statements file (.yaml, .json), as written by `kg extract` or by hand."""
    from kg.statements import load_statements as load

    return load(path)


def build_statements(statements: list[Statements], base: str | None = None) -> BuildResult:
    """The validated RDF of some articles: one named graph each, the statements that
    violate the shapes in a quarantine graph."""
    from kg.build import build as run
    from kg.iri import DEFAULT_BASE

    return run(statements, base=base or DEFAULT_BASE)


def build_corpus(
    inputs: list[str | Path],
    store: str | Path | None = None,
    out: str | Path | None = None,
    jobs: int = 1,
    base: str | None = None,
) -> BuildSummary:
    """`kg build`: article texts or statements files (or folders of them) into a store
    and/or the files of `out`."""
    from kg.pipeline import build_inputs

    return build_inputs(
        [Path(p) for p in inputs],
        Path(out) if out is not None else None,
        base=base,
        store_dir=Path(store) if store is not None else None,
        jobs=jobs,
    )


def open_store(path: str | Path = "kg-store") -> StoreSource:
    """A store, read-only: `.query(sparql, fmt)`, `.run(sparql)`, `.quads()`,
    `.validate()`; use it in a `with` block."""
    from kg.source import StoreSource

    return StoreSource(Path(path))


def open_graph(path: str | Path, fmt: str | None = None) -> GraphSource:
    """A graph file (N-Quads, TriG, Turtle, ...) with the same interface as a store."""
    from kg.source import FileSource

    return FileSource(Path(path), fmt)


def sparql(path: str | Path, query: str, fmt: str = "table") -> str:
    """The answer to a SPARQL query over a store folder or a graph file, formatted as a
    text table or a W3C results format (csv, tsv, json, xml)."""
    from kg.source import open_path

    with open_path(path) as src:
        return src.query(query, fmt)


def export_to(quads, fmt: str, out, view=None) -> ExportSummary:
    """`kg export`: quads (a source's .quads()) written as `fmt` (turtle, ntriples,
    nquads, trig, jsonld; graphml, gexf, cytoscape, dot, neo4j, html) to a path, written
    whole or not at all, or to a binary stream; RDF is streamed, never held whole."""
    from kg.export import export_to as run

    return run(quads, fmt, out, view)


def rdflib_dataset(path: str | Path = "kg-store") -> rdflib.Dataset:
    """The store as an rdflib Dataset backed by oxigraph (the oxrdflib package), opened
    read-only: rdflib code (triples(), SPARQL, serialize) runs on it without loading it
    into memory. Its default graph is the union of the article graphs. (A store of kg 0.1,
    whose quarantine graphs sit among the articles, is copied into memory without them;
    a `kg build` into it moves them out.)"""
    import pyoxigraph as ox
    import rdflib
    from oxrdflib import OxigraphStore

    from kg.store import KgStore

    store = KgStore(Path(path), read_only=True)  # checks the folder, gives clear errors
    db: ox.Store = store.store
    if store.legacy_quarantine():  # a kg 0.1 store: its quarantine graphs among the articles
        db = ox.Store()  # a copy without them, as kg.source reads such a store
        db.extend(store.quads())
        store.close()
    return rdflib.Dataset(store=OxigraphStore(store=db), default_union=True)
