"""The Python API of kg/__init__.py, as the README shows it, and rdflib on the store."""

from __future__ import annotations

import pyoxigraph as ox
import pytest
import rdflib
from rdflib import RDF, URIRef

import kg
from tests.conftest import SAMPLE_GOLD

PERSON = URIRef("https://w3id.org/newskg/ontology#Person")


@pytest.fixture
def store(tmp_path):
    summary = kg.build_corpus([SAMPLE_GOLD], store=tmp_path / "kg-store")
    assert summary.articles == 1
    return tmp_path / "kg-store"


def test_statements_build_to_a_validated_graph():
    st = kg.load_statements(SAMPLE_GOLD)
    result = kg.build_statements([st], base="https://example.org/")
    article = result.articles[0]
    assert article.quarantined == 0 and article.relations == len(st.relations)
    assert all(q.subject.value.startswith("https://example.org/") for q in article.main)


def test_the_api_names_survive_importing_the_modules():
    import kg.build
    import kg.extract.pipeline
    import kg.query

    assert callable(kg.build_statements) and callable(kg.extract_text) and callable(kg.sparql)


@pytest.mark.slow
def test_extract_text_gives_statements():
    st = kg.extract_text("Marco Rubio met Asim Munir in Washington on Friday.", "rubio-munir")
    assert st.article.id == "rubio-munir"
    assert {"Marco Rubio", "Asim Munir"} <= {e.label for e in st.entities}


def test_open_store_queries_and_validates(store):
    with kg.open_store(store) as src:
        answer = src.run("SELECT ?name WHERE { ?p a kgo:Person ; rdfs:label ?name }")
        names = {row[0].value for row in answer.rows}
        assert "Marco Rubio" in names
        assert src.validate().conforms


def test_open_graph_reads_a_build_file(tmp_path):
    kg.build_corpus([SAMPLE_GOLD], out=tmp_path / "out")
    with kg.open_graph(tmp_path / "out" / "kg.nq") as src:
        assert src.query("ASK { ?p a kgo:Person }") == "true"
    assert kg.sparql(tmp_path / "out" / "kg.nq", "ASK { ?p a kgo:Nothing }") == "false"


def test_rdflib_runs_on_the_store_without_loading_it(store):
    ds = kg.rdflib_dataset(store)
    assert isinstance(ds, rdflib.Dataset)
    inner = ds.store._inner
    assert isinstance(inner, ox.Store)
    with kg.open_store(store) as src:
        total = sum(1 for _ in src.quads())
        persons = {row[0].value for row in src.run("SELECT ?p { ?p a kgo:Person }").rows}
    assert len(ds) == total
    assert {str(s) for s in ds.subjects(RDF.type, PERSON)} == persons
    rows = ds.query(f"SELECT (COUNT(DISTINCT ?p) AS ?n) WHERE {{ ?p a <{PERSON}> }}")
    assert int(next(iter(rows))[0]) == len(persons)
    with pytest.raises(
        RuntimeError, match="read-write"
    ):  # read-only: rdflib code cannot change the store
        ds.add((URIRef("http://example.org/a"), RDF.type, PERSON))


def test_rdflib_on_a_kg_0_1_store_leaves_its_quarantine_out(store, tmp_path):
    """A kg 0.1 store keeps its quarantine graphs among the article graphs (kg.layout);
    rdflib sees the article graphs only, as every command does."""
    legacy = tmp_path / "legacy"
    with kg.open_store(store) as src:
        articles = list(src.quads())
    graph = next(q.graph_name for q in articles)
    held = ox.Quad(
        ox.NamedNode("urn:held"), ox.NamedNode(str(RDF.type)), ox.NamedNode(str(PERSON)),
        ox.NamedNode(graph.value + "/quarantine"),
    )  # fmt: skip
    db = ox.Store(str(legacy))
    db.extend([*articles, held])
    db.flush()
    del db
    ds = kg.rdflib_dataset(legacy)
    assert len(ds) == len(articles)
    assert URIRef("urn:held") not in set(ds.subjects(RDF.type, PERSON))
    rows = ds.query(f"ASK {{ GRAPH ?g {{ <urn:held> a <{PERSON}> }} }}")
    assert not rows.askAnswer


def test_export_to_writes_what_kg_export_writes(store, tmp_path):
    from click.testing import CliRunner

    from kg.cli import cli

    with kg.open_store(store) as src:
        done = kg.export_to(src.quads(), "turtle", tmp_path / "api.ttl")
    assert done.nodes is None
    result = CliRunner().invoke(
        cli, ["export", "--store", str(store), "-f", "turtle", "-o", str(tmp_path / "cli.ttl")]
    )
    assert result.exit_code == 0, result.output
    assert (tmp_path / "api.ttl").read_bytes() == (tmp_path / "cli.ttl").read_bytes()
