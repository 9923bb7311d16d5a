"""ORDER BY and DISTINCT applied by kg in bounded memory (kg.screen.ordered_form,
kg.sorted_rows): which queries take that way, and that their rows are the store's."""

from __future__ import annotations

import functools

import pyoxigraph as ox
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import kg.sorted_rows as sorted_rows
from kg.query import competency_questions, query_isolated, screen_query
from kg.sorted_rows import Unsortable, sorted_solutions

_K = "https://w3id.org/newskg/ontology#"
_LABEL = "http://www.w3.org/2000/01/rdf-schema#label"
NAMES = "SELECT ?name ?p WHERE { ?p a kgo:Person ; rdfs:label ?name }"


@pytest.mark.parametrize(
    ("query", "order", "distinct"),
    [
        (NAMES + " ORDER BY ?name", (0,), False),
        (NAMES.replace("SELECT", "SELECT DISTINCT") + " ORDER BY ?name ?p", (0, 1), True),
        (NAMES + " GROUP BY ?p ?name ORDER BY ?p", (1,), True),
        (NAMES + " ORDER BY ASC(?name)", (0,), False),
    ],
)
def test_a_select_sorted_by_its_columns_is_sorted_by_kg(query, order, distinct):
    ordered = screen_query(query).ordered
    assert ordered is not None
    assert (ordered.order, ordered.distinct) == (order, distinct)
    assert "ORDER" not in ordered.text.upper().split() and "DISTINCT" not in ordered.text
    assert ordered.text.rstrip().endswith("}")


@pytest.mark.parametrize(
    "query",
    [
        NAMES,  # no ORDER BY: the store's own order stays
        NAMES + " ORDER BY DESC(?name)",
        NAMES + " ORDER BY STR(?name)",
        NAMES + " ORDER BY ?name LIMIT 3",
        NAMES + " ORDER BY ?name OFFSET 1",
        NAMES + " ORDER BY ?name VALUES ?name { 'Ana' }",
        "SELECT * WHERE { ?p a kgo:Person ; rdfs:label ?name } ORDER BY ?name",
        "SELECT ?name WHERE { ?p a kgo:Person ; rdfs:label ?name } ORDER BY ?p",
        NAMES.replace("SELECT", "SELECT REDUCED") + " ORDER BY ?name",
        NAMES + " GROUP BY ?name ?p HAVING (?name != 'x') ORDER BY ?name",
        "SELECT ?name (COUNT(?p) AS ?n) WHERE { ?p rdfs:label ?name } GROUP BY ?name "
        "ORDER BY ?name",
        "SELECT ?name WHERE { ?p rdfs:label ?name } GROUP BY ?name ?p ORDER BY ?name",
        "ASK { ?p a kgo:Person }",
    ],
)
def test_other_queries_are_sorted_by_the_store(query):
    assert screen_query(query).ordered is None


def test_claims_by_source_is_sorted_by_kg():
    q = next(q for q in competency_questions() if q.name.startswith("11"))
    ordered = screen_query(q.sparql).ordered
    assert ordered is not None and ordered.distinct and ordered.order == (0, 1, 2, 3, 5)


# -- the rows: those of the store, in the order of its ORDER BY --------------------------

_TEXTS = st.sampled_from(["", "Ana", "ana", "Ána", "Bo", "Z", "\uffff", "\U0001f600", "a b"])


@st.composite
def _graphs(draw) -> list[ox.Quad]:
    """Statements with a subject, an optional source and labels: simple literals of
    mixed case and beyond ASCII, IRIs and literals in one column, unbound values,
    duplicates across graphs."""
    quads = []
    for i in range(draw(st.integers(0, 12))):
        g = ox.NamedNode(f"urn:g{draw(st.integers(0, 2))}")
        s = ox.NamedNode(f"urn:st{draw(st.integers(0, 6))}")
        quads.append(ox.Quad(s, ox.NamedNode(_K + "says"), ox.Literal(draw(_TEXTS)), g))
        who = draw(st.sampled_from(["urn:a", "urn:b", "http://x/\u00e9", "urn:A"]))
        by = draw(st.sampled_from(["iri", "text", None]))
        if by is not None:  # a source named by an IRI, or by a literal
            value = ox.NamedNode(who) if by == "iri" else ox.Literal(draw(_TEXTS))
            quads.append(ox.Quad(s, ox.NamedNode(_K + "by"), value, g))
        if draw(st.booleans()):
            quads.append(
                ox.Quad(ox.NamedNode(who), ox.NamedNode(_LABEL), ox.Literal(draw(_TEXTS)), g)
            )
        quads.append(ox.Quad(s, ox.NamedNode(_K + "n"), ox.Literal(str(i)), g))
    return quads


_QUERIES = [
    # DISTINCT, GROUP BY of the columns, ORDER BY alone; unbound values in sort keys
    """SELECT DISTINCT ?text ?who ?name WHERE { GRAPH ?g { ?s kgo:says ?text
       OPTIONAL { ?s kgo:by ?who OPTIONAL { ?who rdfs:label ?name } } } }
       ORDER BY ?name ?text""",
    """SELECT ?who ?text WHERE { GRAPH ?g { ?s kgo:says ?text OPTIONAL { ?s kgo:by ?who } } }
       GROUP BY ?text ?who ORDER BY ?who""",
    """SELECT ?s ?text ?n WHERE { ?s kgo:says ?text ; kgo:n ?n } ORDER BY ?text ?s""",
]


@functools.cache
def _screened(query: str):
    return screen_query(query)


def _rows(quads: list[ox.Quad], query: str, kg: bool) -> list[tuple]:
    store = ox.Store()
    store.extend(quads)
    checked = _screened(query)
    if not kg:
        result = store.query(checked.text, use_default_graph_as_union=True)
        names = [v.value for v in result.variables]
        return [tuple(row[n] for n in names) for row in result]
    ordered = checked.ordered
    assert ordered is not None
    solutions = store.query(ordered.text, use_default_graph_as_union=True)
    names, rows = sorted_solutions(solutions, ordered.order, ordered.distinct)
    return [tuple(row[n] for n in names) for row in rows]


def _keys(rows: list[tuple], order: tuple[int, ...]) -> list[tuple]:
    return [tuple(row[k] for k in order) for row in rows]


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(quads=_graphs(), run_rows=st.sampled_from([1, 2, 3, 4096]), fanin=st.sampled_from([2, 64]))
def test_rows_sorted_by_kg_are_the_stores_in_the_order_of_its_keys(quads, run_rows, fanin):
    """The same rows (as many of each) as the store's, in the order of the ORDER BY's
    keys (rows tying on every key may come in another order: SPARQL leaves it open); with
    runs of one row up to all of them, merged two or many at once."""
    old = sorted_rows.RUN_ROWS, sorted_rows.FANIN
    sorted_rows.RUN_ROWS, sorted_rows.FANIN = run_rows, fanin
    try:
        for query in _QUERIES:
            order = _screened(query).ordered.order
            got, want = _rows(quads, query, kg=True), _rows(quads, query, kg=False)
            assert sorted(map(str, got)) == sorted(map(str, want)), query
            assert _keys(got, order) == _keys(want, order), query
    finally:
        sorted_rows.RUN_ROWS, sorted_rows.FANIN = old


@pytest.mark.parametrize(
    "value",
    [
        ox.Literal("1", datatype=ox.NamedNode("http://www.w3.org/2001/XMLSchema#integer")),
        ox.Literal("Ana", language="en"),
        ox.BlankNode("b0"),
    ],
)
def test_a_sort_key_kg_cannot_order_is_refused(value):
    store = ox.Store()
    g = ox.NamedNode("urn:g")
    store.add(ox.Quad(ox.NamedNode("urn:s"), ox.NamedNode(_LABEL), value, g))
    solutions = store.query("SELECT ?o WHERE { ?s ?p ?o }", use_default_graph_as_union=True)
    with pytest.raises(Unsortable):
        sorted_solutions(solutions, [0], True)


def test_the_query_process_sorts_or_falls_back_to_the_query_as_written():
    """Through kg's query process (a forked child): rows of simple literals sorted by kg
    (with the runs merged), and, when a sort key holds numbers, the store's own answer."""
    g = ox.NamedNode("urn:g")
    quads = []
    for i, name in enumerate(["Bo", "ana", "Ana", "Bo", "Ána"] * 3):
        s = ox.NamedNode(f"urn:p{i % 7}")
        quads.append(ox.Quad(s, ox.NamedNode(_LABEL), ox.Literal(name), g))
        number = ox.Literal(str(10 - i), datatype=ox.NamedNode(_XSD_INT))
        quads.append(ox.Quad(s, ox.NamedNode(_K + "n"), number, g))
    names = "SELECT DISTINCT ?name WHERE { ?p rdfs:label ?name } ORDER BY ?name"
    out = query_isolated(names, "csv", quads=quads)
    assert out.split() == ["name", "Ana", "Bo", "ana", "Ána"]
    numbers = "SELECT DISTINCT ?n WHERE { ?p kgo:n ?n } ORDER BY ?n"
    assert screen_query(numbers).ordered is not None
    got = query_isolated(numbers, "csv", quads=quads).split()
    assert got == ["n", *(str(n) for n in range(-4, 11))]


_XSD_INT = "http://www.w3.org/2001/XMLSchema#integer"
