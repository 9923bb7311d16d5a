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
