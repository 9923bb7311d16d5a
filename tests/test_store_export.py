"""kg export, stats and push over a store read where it lies: RDF exports are sorted on
disk (the bytes of the in-memory export), the property-graph view reads the quads as they
come, push holds one graph at a time; each gives what it gave when the store was listed."""

from __future__ import annotations

import io
import json
import sys

import pyoxigraph as ox
import pytest
from click.testing import CliRunner

from kg.cli import cli
from kg.export import RDF_EXPORTS, write_rdf
from kg.graphview import project, stats
from kg.pipeline import build_inputs
from kg.rdfio import by_graph, parse_file, serialize
from kg.source import open_source
from kg.store import KgStore

from .test_store_reading import BASE, LABEL, _articles, _n

G = BASE + "graph/article-0000"


@pytest.fixture(scope="module")
def shared_store(tmp_path_factory, gold_doc_module):
    """Three articles sharing their entities (the same triples in several graphs), a blank
    node, a literal with a line break and a quad in the default graph."""
    root = tmp_path_factory.mktemp("export")
    path = root / "store"
    build_inputs([_articles(root / "in", gold_doc_module, 3)], None, store_dir=path, base=BASE)
    kg = KgStore(path)
    kg.store.extend(
        [
            ox.Quad(ox.BlankNode("b1"), LABEL, ox.Literal("two\nlines"), _n(G)),
            ox.Quad(_n(BASE + "x"), LABEL, ox.Literal("in the default graph")),
        ]
    )
    kg.close()
    return path


@pytest.fixture(scope="module")
def gold_doc_module():
    from .conftest import sample_gold_document

    return sample_gold_document()


def _listed(path) -> list[ox.Quad]:
    with open_source(store=path) as src:
        return list(src.quads())


@pytest.mark.parametrize("fmt", RDF_EXPORTS)
def test_a_store_exports_the_bytes_of_the_whole_graph(shared_store, tmp_path, fmt):
    expected = serialize(_listed(shared_store), fmt)  # the whole graph in memory, as before
    out = tmp_path / f"kg.{fmt}"
    result = CliRunner().invoke(
        cli, ["export", "--store", str(shared_store), "--format", fmt, "-o", str(out)]
    )
    assert result.exit_code == 0, result.output
    assert _same(out.read_bytes(), expected, fmt)
    for chunk in (7, 1_000_000):  # many runs on disk, or one
        with open_source(store=shared_store) as src:
            buffer = io.BytesIO()
            write_rdf(src.quads(), fmt, buffer, chunk=chunk)
        assert _same(buffer.getvalue(), expected, fmt), chunk


def _same(got: bytes, expected: bytes, fmt: str) -> bool:
    return got == expected  # every format, JSON-LD included (blank nodes keep their names)


def test_a_file_exports_as_before_and_to_stdout(shared_store, tmp_path):
    nq = tmp_path / "kg.nq"
    nq.write_bytes(serialize(_listed(shared_store), "nquads"))
    quads = parse_file(nq)
    for fmt in ("turtle", "trig"):
        result = CliRunner().invoke(cli, ["export", str(nq), "--format", fmt])
        assert result.exit_code == 0, result.output
        assert result.stdout_bytes == serialize(quads, fmt)


class _Held:
    """A pyoxigraph store that counts, each time it gives a quad, how many of the quads it
    gave before are still held by its reader: the most held at once tells a reader that
    streams (a few) from one that lists (all of them)."""

    def __init__(self, store):
        self.store, self.given, self.most = store, [], 0

    def __getattr__(self, name):
        return getattr(self.store, name)

    def quads_for_pattern(self, *pattern):
        for q in self.store.quads_for_pattern(*pattern):
            # references to a quad: self.given, the loop's name, getrefcount's argument
            held = sum(1 for x in self.given if sys.getrefcount(x) > 3)
            self.most = max(self.most, held)
            self.given.append(q)
            yield q


@pytest.fixture
def held(monkeypatch):
    """Every store KgStore opens is wrapped in a _Held; the wrappers, in opening order."""
    opened: list[_Held] = []
    real = KgStore._open

    def wrapped(self, path):
        opened.append(_Held(real(self, path)))
        return opened[-1]

    monkeypatch.setattr(KgStore, "_open", wrapped)
    return opened


def test_stats_of_a_store_are_the_stats_of_its_listed_quads(shared_store, held):
    expected = stats(project(_listed(shared_store)).graph)
    held.clear()
    result = CliRunner().invoke(cli, ["stats", "--store", str(shared_store), "--format", "json"])
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout) == json.loads(json.dumps(expected))
    articles = held[0]
    assert len(articles.given) > 1000  # every quad was read, and hardly any held at once
    assert articles.most <= 2, articles.most


def test_a_store_gives_its_graphs_one_by_one_as_push_sent_them(shared_store, tmp_path, held):
    quads = _listed(shared_store)
    expected = sorted((name, sorted(map(str, qs))) for name, qs in by_graph(quads).items())
    held.clear()
    got = []
    with open_source(store=shared_store) as src:
        for name, qs in src.graphs():
            got.append((name, sorted(map(str, qs))))
            del qs  # as push: a graph sent is let go
    assert got == expected and len(got) == 3
    largest = max(len(qs) for qs in by_graph(quads).values())
    assert held[0].most <= largest < len(quads) / 2  # one graph held at a time, not all
    nq = tmp_path / "kg.nq"
    nq.write_bytes(serialize(quads, "nquads"))
    with open_source(graph=nq) as src:
        assert [(name, sorted(map(str, qs))) for name, qs in src.graphs()] == expected


@pytest.mark.parametrize("fmt", ["nquads", "turtle", "graphml"])
def test_export_to_writes_a_path_or_a_stream_with_the_bytes_of_export_graph(
    shared_store, tmp_path, fmt
):
    from kg.export import export_graph, export_to

    expected = export_graph(_listed(shared_store), fmt).data
    with open_source(store=shared_store) as src:
        done = export_to(src.quads(), fmt, tmp_path / "out")
    assert (tmp_path / "out").read_bytes() == expected
    assert (done.nodes is None) == (fmt != "graphml")
    buffer = io.BytesIO()
    with open_source(store=shared_store) as src:
        export_to(src.quads(), fmt, buffer)
    assert buffer.getvalue() == expected


def test_export_to_leaves_no_partial_file(shared_store, tmp_path):
    from kg.errors import OutputError, RDFError
    from kg.export import export_to

    out = tmp_path / "kg.nq"
    out.write_bytes(b"before\n")

    def failing():
        with open_source(store=shared_store) as src:
            yield from src.quads()
        raise RDFError("the source broke")

    with pytest.raises(RDFError, match="broke"):
        export_to(
            failing(),
            "nquads",
            out,
        )
    assert out.read_bytes() == b"before\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["kg.nq"]
    with pytest.raises(OutputError, match="several files"):
        export_to(_listed(shared_store), "neo4j", io.BytesIO())
    result = CliRunner().invoke(cli, ["export", "--store", str(shared_store), "-f", "neo4j"])
    assert result.exit_code == 2
    assert result.stderr == "Error: --format neo4j writes several files: give --output FOLDER\n"
