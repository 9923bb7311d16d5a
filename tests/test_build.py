"""Building RDF from statements: validation, quarantine, determinism, IRIs."""

from __future__ import annotations

import copy
import json

import pyoxigraph as ox
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kg.build import build, write_build
from kg.errors import ValidationFailed
from kg.iri import entity_iri, slug
from kg.ontology import load_ontology
from kg.statements import parse_statements
from tests.conftest import EXPECTED_CQ, cq_answers


def test_gold_graph_conforms_with_no_quarantine(gold_build):
    article = gold_build.articles[0]
    assert article.violations == []
    assert article.quarantine == []
    assert gold_build.counts()["relations"] == 23


def test_every_competency_question_is_answered_by_the_gold_graph(gold_quads):
    answers = cq_answers(gold_quads)
    for name, rows in EXPECTED_CQ.items():
        assert answers[name] == {tuple(r) for r in rows}, name


def test_every_relation_is_a_direct_triple_and_a_statement_node(gold_build, gold_statements):
    store = ox.Store()
    store.extend(gold_build.main_quads)
    direct = list(
        store.query(
            "SELECT * { GRAPH ?g { ?s kgo:partOf ?o } }",
            prefixes={"kgo": "https://w3id.org/newskg/ontology#"},
        )
    )
    assert len(direct) == 1
    rows = list(
        store.query(
            "SELECT ?sentence ?start ?end ?conf ?art WHERE { GRAPH ?g { ?st a kgo:Statement ; "
            "rdf:predicate kgo:partOf ; kgo:sentence ?sentence ; kgo:startOffset ?start ; "
            "kgo:endOffset ?end ; kgo:confidence ?conf ; prov:wasDerivedFrom ?art } }",
            prefixes={
                "kgo": "https://w3id.org/newskg/ontology#",
                "rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
                "prov": "http://www.w3.org/ns/prov#",
            },
        )
    )
    assert len(rows) == 1
    text = gold_statements.article.text
    row = rows[0]
    assert text[int(row["start"].value) : int(row["end"].value)] == row["sentence"].value
    assert row["conf"].datatype.value.endswith("#decimal")


def test_no_blank_nodes_and_one_named_graph_per_article(gold_quads):
    graphs = {q.graph_name for q in gold_quads}
    assert len(graphs) == 1
    for q in gold_quads:
        assert not isinstance(q.subject, ox.BlankNode)
        assert not isinstance(q.object, ox.BlankNode)


def test_building_twice_gives_identical_bytes(tmp_path, gold_statements):
    first, second = tmp_path / "a", tmp_path / "b"
    write_build(build([gold_statements]), first)
    write_build(build([copy.deepcopy(gold_statements)]), second)
    for name in ("kg.nq", "kg.trig", "quarantine.nq", "manifest.json"):
        assert (first / name).read_bytes() == (second / name).read_bytes(), name
    lines = (first / "kg.nq").read_text(encoding="utf-8").splitlines()
    assert lines == sorted(lines)


def test_manifest_records_versions_hashes_and_counts(tmp_path, gold_build):
    write_build(gold_build, tmp_path)
    manifest = json.loads((tmp_path / "manifest.json").read_text())
    assert manifest["kg_version"] and manifest["ontology_version"] == load_ontology().version
    assert manifest["counts"]["articles"] == 1
    assert set(manifest["outputs"]) == {"kg.nq", "kg.trig", "quarantine.nq"}


def test_a_statement_violating_the_range_goes_to_quarantine(gold_doc):
    doc = copy.deepcopy(gold_doc)
    # A country holds no position: the domain of 'holdsPosition' is Person.
    doc["relations"].append(dict(doc["relations"][0], subject="pakistan"))
    result = build([parse_statements(doc, "x.yaml")])
    article = result.articles[0]
    assert article.quarantined == 1
    assert article.relations == 23
    assert not [
        q
        for q in article.main
        if q.subject.value.endswith("/pakistan") and q.predicate.value.endswith("#holdsPosition")
    ]
    quarantine = "\n".join(str(q) for q in article.quarantine)
    assert "violation" in quarantine and "must be a Person" in quarantine
    # The main graph still conforms.
    from kg.rdfio import to_rdflib_graph
    from kg.validate import validate_graph

    assert validate_graph(to_rdflib_graph(article.main)).conforms


def test_confidence_out_of_range_is_quarantined_and_strict_fails(gold_doc):
    doc = copy.deepcopy(gold_doc)
    doc["relations"][0]["confidence"] = 1.5
    statements = parse_statements(doc, "x.yaml")
    assert build([statements]).articles[0].quarantined == 1
    with pytest.raises(ValidationFailed, match="--strict"):
        build([statements], strict=True)


def test_observation_date_is_the_article_date(gold_doc):
    doc = copy.deepcopy(gold_doc)
    doc["article"]["date"] = "2025-11-14"
    quads = build([parse_statements(doc, "x.yaml")]).main_quads
    dates = {q.object.value for q in quads if q.predicate.value.endswith("#observedOn")}
    assert dates == {"2025-11-14"}


def test_base_iri_is_used_for_every_minted_iri(gold_statements):
    quads = build([gold_statements], base="http://example.org/news/").main_quads
    minted = {q.subject.value for q in quads}
    assert all(iri.startswith("http://example.org/news/") for iri in minted)


@settings(max_examples=200, deadline=None)
@given(st.text(min_size=1, max_size=40))
def test_any_label_gives_a_valid_readable_iri(label):
    iri = entity_iri("https://w3id.org/newskg/id/", label)
    ox.NamedNode(iri)
    assert " " not in iri and "<" not in iri and '"' not in iri
    assert slug(label) == slug(label)


def test_awkward_labels_build_and_round_trip(gold_doc):
    doc = copy.deepcopy(gold_doc)
    doc["entities"][0]["label"] = 'Marco "<Rubio>" Ñúñez\u00a0&\tCo'
    quads = build([parse_statements(doc, "x.yaml")]).main_quads
    from kg.rdfio import parse_bytes, serialize

    again = parse_bytes(serialize(quads, "nquads"), "nquads")
    assert len(again) == len(set(map(str, quads)))


def test_nquads_lines_write_each_term_as_pyoxigraph_does():
    """kg.build._Terms writes each term's text once per batch, keyed by the term's id():
    a term made and dropped between two articles (a quarantined statement's node, its
    message) must not lend its text to a later term at the same address."""
    from kg.build import _Terms

    terms = _Terms()
    graph = ox.NamedNode("http://example.org/g")
    p = ox.NamedNode("http://example.org/p")
    for i in range(200):
        s = ox.NamedNode(f"http://example.org/s{i}")
        o = ox.Literal(f'say "{i}"\n', language="en") if i % 2 else ox.Literal(str(i))
        (line,) = terms.lines([(s, p, o)], graph)
        quad = ox.Quad(s, p, o, graph)
        assert line == ox.serialize([quad], format=ox.RdfFormat.N_QUADS).decode()
