"""RDF exports parse back with pyoxigraph and rdflib into the same graph."""

from __future__ import annotations

import json

import pyoxigraph as ox
import pytest
import rdflib
from rdflib.compare import isomorphic

from kg.export import export_graph
from kg.rdfio import parse_bytes, to_rdflib_dataset, to_rdflib_graph

QUAD_FORMATS = {"nquads": "nquads", "trig": "trig", "jsonld": "json-ld"}
TRIPLE_FORMATS = {"turtle": "turtle", "ntriples": "nt"}


@pytest.mark.parametrize("fmt", sorted(QUAD_FORMATS))
def test_dataset_formats_round_trip(gold_quads, fmt):
    data = export_graph(gold_quads, fmt).data
    # pyoxigraph
    again = parse_bytes(data, fmt)
    assert {str(q) for q in again} == {str(q) for q in gold_quads}
    # rdflib
    ds = rdflib.Dataset()
    ds.parse(data=data.decode("utf-8"), format=QUAD_FORMATS[fmt])
    original = to_rdflib_dataset(gold_quads)
    for graph in original.graphs():
        if len(graph):
            assert isomorphic(graph, ds.graph(graph.identifier)), fmt


@pytest.mark.parametrize("fmt", sorted(TRIPLE_FORMATS))
def test_graph_formats_round_trip(gold_quads, fmt):
    data = export_graph(gold_quads, fmt).data
    again = parse_bytes(data, fmt)
    assert isomorphic(to_rdflib_graph(again), to_rdflib_graph(gold_quads))
    g = rdflib.Graph().parse(data=data.decode("utf-8"), format=TRIPLE_FORMATS[fmt])
    assert isomorphic(g, to_rdflib_graph(gold_quads))


def test_jsonld_uses_the_shipped_context(gold_quads):
    doc = json.loads(export_graph(gold_quads, "jsonld").data)
    assert doc["@context"]["kgo"] == "https://w3id.org/newskg/ontology#"
    assert "http" not in json.dumps(doc["@context"]).replace("http://www.w3.org", "").replace(
        "https://w3id.org", ""
    ).replace("https://schema.org", "").replace("http://purl.org", "")


def test_exports_are_deterministic(gold_quads):
    for fmt in ("turtle", "ntriples", "nquads", "trig", "jsonld"):
        assert (
            export_graph(gold_quads, fmt).data == export_graph(list(reversed(gold_quads)), fmt).data
        )


def test_turtle_is_accepted_by_pyoxigraph_strictly(gold_quads):
    data = export_graph(gold_quads, "turtle").data
    assert list(ox.parse(data, format=ox.RdfFormat.TURTLE))


def _awkward_quads() -> list[ox.Quad]:
    """Terms a JSON-LD writer can get wrong: every literal kind, blank nodes (as subject,
    object, type and graph name), the default graph, a node named like a graph, an IRI that
    is only a prefix, and values a JSON number or boolean would change."""
    n, ex = ox.NamedNode, "http://example.org/"
    xsd = "http://www.w3.org/2001/XMLSchema#"
    typ = n("http://www.w3.org/1999/02/22-rdf-syntax-ns#type")
    g, s, p = n(ex + "g"), n(ex + "s"), n(ex + "p")
    lit = [
        ox.Literal('two\nlines, a "quote", a tab\tand é'),
        ox.Literal("0408", datatype=n(xsd + "integer")),
        ox.Literal("12", datatype=n(xsd + "integer")),
        ox.Literal("123456789012345678901234567890", datatype=n(xsd + "integer")),
        ox.Literal("1", datatype=n(xsd + "boolean")),
        ox.Literal("true", datatype=n(xsd + "boolean")),
        ox.Literal("1.50", datatype=n(xsd + "decimal")),
        ox.Literal("1.5E0", datatype=n(xsd + "double")),
        ox.Literal("salut", language="fr"),
        ox.Literal("x", datatype=n(ex + "own")),
    ]
    quads = [ox.Quad(s, p, o, g) for o in lit]
    quads += [
        ox.Quad(s, typ, n("https://w3id.org/newskg/ontology#Person"), g),
        ox.Quad(s, typ, n(ex + "C"), g),
        ox.Quad(s, typ, ox.BlankNode("t"), g),
        ox.Quad(ox.BlankNode("b"), p, s, g),
        ox.Quad(s, n("https://w3id.org/newskg/ontology#p"), n("https://w3id.org/newskg/ontology#")),
        ox.Quad(g, p, ox.Literal("a graph named in the default graph")),
        ox.Quad(s, p, ox.Literal("in a graph with no name"), ox.BlankNode("gb")),
    ]
    return quads


def test_jsonld_is_written_node_by_node_and_reads_back_exactly():
    quads = _awkward_quads()
    data = export_graph(quads, "jsonld").data
    assert data == export_graph(list(reversed(quads)) * 2, "jsonld").data  # order, duplicates
    assert {str(q) for q in parse_bytes(data, "jsonld")} == {str(q) for q in quads}
    doc = json.loads(data)
    assert doc["@context"]["kgo"] == "https://w3id.org/newskg/ontology#"
    top = doc["@graph"]
    assert top[0] == {
        "@id": "http://example.org/g",
        "http://example.org/p": "a graph named in the default graph",
    }
    named = {item["@id"]: item["@graph"] for item in top if "@graph" in item}
    assert list(named) == ["http://example.org/g", "_:gb"]  # as N-Quads sort: <iri> before _:
    node = next(x for x in named["http://example.org/g"] if x["@id"] == "http://example.org/s")
    assert node["@type"] == ["http://example.org/C", "kgo:Person"]
    assert 12 in node["http://example.org/p"] and True in node["http://example.org/p"]
    ds = rdflib.Dataset()
    ds.parse(data=data.decode("utf-8"), format="json-ld")
    original = to_rdflib_dataset(q for q in quads if not isinstance(q.graph_name, ox.BlankNode))
    for graph in original.graphs():
        if len(graph):
            assert isomorphic(graph, ds.graph(graph.identifier)), graph.identifier
