"""SPARQL over built graphs: competency questions, W3C result formats, refused queries."""

from __future__ import annotations

import csv
import io
import json

import pytest

from kg.errors import QueryError
from kg.query import competency_questions, load_store, query_text, run_query


@pytest.fixture(scope="module")
def store(gold_quads):
    return load_store(gold_quads)


def test_at_least_twelve_competency_questions_each_with_an_english_question():
    questions = competency_questions()
    assert len(questions) >= 12
    for q in questions:
        assert q.question.endswith("?"), q.name


PERSONS = "SELECT ?name WHERE { ?p a kgo:Person ; rdfs:label ?name } ORDER BY ?name"


def test_json_results_follow_the_w3c_format(store):
    data = json.loads(query_text(store, PERSONS, "json"))
    assert data["head"]["vars"] == ["name"]
    names = [b["name"]["value"] for b in data["results"]["bindings"]]
    assert names == ["Asim Munir", "Donald Trump", "Ishaq Dar", "Marco Rubio"]


def test_csv_and_tsv_results(store):
    rows = list(csv.reader(io.StringIO(query_text(store, PERSONS, "csv"))))
    assert rows[0] == ["name"] and rows[1] == ["Asim Munir"]
    tsv = query_text(store, PERSONS, "tsv").splitlines()
    assert tsv[0] == "?name" and tsv[1] == '"Asim Munir"'


def test_table_and_ask_and_construct(store):
    table = query_text(store, PERSONS, "table")
    assert "Marco Rubio" in table and table.endswith("(4 rows)")
    assert query_text(store, "ASK { ?s kgo:leads ?o }", "table") == "true"
    assert json.loads(query_text(store, "ASK { ?s kgo:governs ?s }", "json"))["boolean"] is False
    turtle = query_text(store, "CONSTRUCT { ?s kgo:leads ?o } WHERE { ?s kgo:leads ?o }", "table")
    assert "kgo:leads" in turtle


@pytest.mark.parametrize(
    "query",
    [
        "SELECT * WHERE { SERVICE <http://example.org/sparql> { ?s ?p ?o } }",
        "select * where { service silent <http://example.org/sparql> { ?s ?p ?o } }",
        "LOAD <http://example.org/data.ttl>",
    ],
)
def test_service_and_load_are_refused(store, query):
    with pytest.raises(QueryError, match="refused"):
        run_query(store, query)


def test_the_word_service_inside_a_string_or_iri_is_fine(store):
    result = run_query(store, 'SELECT ?x WHERE { BIND("SERVICE LOAD" AS ?x) } # service')
    assert result.rows[0][0].value == "SERVICE LOAD"


def test_invalid_query_is_one_clear_error(store):
    with pytest.raises(QueryError, match="invalid SPARQL query"):
        run_query(store, "SELEKT ?x WHERE {")
