"""kg's SHACL engine against pySHACL, the reference: on broken graphs that Hypothesis makes
from a real article graph (wrong and duplicated classes, missing and extra labels, bad
literals, relations outside their domain and range, missing provenance), both engines must
report the same results, focus node by focus node."""

from __future__ import annotations

from collections import Counter
from dataclasses import replace

import pyoxigraph as ox
import pytest
import rdflib
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kg.ontology import KGO, load_ontology, load_shapes
from kg.shacl import Shapes, Unsupported
from kg.validate import validate_graph, validate_triples

XSD = "http://www.w3.org/2001/XMLSchema#"
RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
RDFS_LABEL = ox.NamedNode("http://www.w3.org/2000/01/rdf-schema#label")
RDF_TYPE = ox.NamedNode(RDF + "type")


@pytest.fixture(scope="module")
def small_graph(gold_statements) -> list[tuple]:
    """The gold article cut to its first four relations and their entities."""
    from kg.build import build

    relations = gold_statements.relations[:4]
    keep = {r.subject for r in relations} | {r.object for r in relations}
    keep |= {r.attributed_to for r in relations if r.attributed_to}
    st_small = replace(
        gold_statements,
        relations=relations,
        entities=[e for e in gold_statements.entities if e.id in keep],
    )
    quads = build([st_small]).main_quads
    return sorted({(q.subject, q.predicate, q.object) for q in quads}, key=str)


def _lit(value: str, dt: str | None = None, lang: str | None = None) -> ox.Literal:
    if lang:
        return ox.Literal(value, language=lang)
    return ox.Literal(value, datatype=ox.NamedNode(XSD + dt) if dt else None)


LITERALS = [
    _lit("x"),
    _lit(""),
    _lit("Ana", lang="en"),
    _lit("7", "integer"),
    _lit("-3", "integer"),
    _lit("five", "integer"),
    _lit("1.5", "decimal"),
    _lit("0.5", "decimal"),
    _lit("-0.1", "decimal"),
    _lit("abc", "decimal"),
    _lit("2025-10-31", "date"),
    _lit("2025-13-99", "date"),
    _lit("last Friday"),
    _lit("true", "boolean"),
    _lit("0" * 64),
    _lit("f" * 63),
    _lit("2.5", "double"),
]


@st.composite
def broken_graphs(draw, base: list[tuple]):
    onto = load_ontology()
    triples = list(base)
    subjects = sorted({t[0] for t in triples}, key=str)
    entities = sorted({t[0] for t in triples if t[1] == RDFS_LABEL}, key=str)
    classes = [ox.NamedNode(iri) for iri in onto.classes.values()]
    classes += [ox.NamedNode(str(KGO) + n) for n in ("Article", "Statement", "Modality")]
    relations = [ox.NamedNode(r.iri) for r in onto.relations.values()]
    literal_predicates = sorted({t[1] for t in triples if isinstance(t[2], ox.Literal)}, key=str)
    nodes = [*subjects, ox.NamedNode(str(KGO) + "Asserted"), ox.NamedNode("http://example.org/x")]
    for _ in range(draw(st.integers(1, 4))):
        kind = draw(
            st.sampled_from(
                ["class", "retype", "label", "literal", "relation", "drop", "object", "swap"]
            )
        )
        if kind == "class":  # a second (or wrong) class
            triples.append((draw(st.sampled_from(nodes)), RDF_TYPE, draw(st.sampled_from(classes))))
        elif kind == "retype":  # a wrong class instead of the right one
            e = draw(st.sampled_from(entities))
            triples = [t for t in triples if not (t[0] == e and t[1] == RDF_TYPE)]
            triples.append((e, RDF_TYPE, draw(st.sampled_from(classes))))
        elif kind == "label":  # a missing, second or badly typed label
            e = draw(st.sampled_from(entities))
            if draw(st.booleans()):
                triples = [t for t in triples if not (t[0] == e and t[1] == RDFS_LABEL)]
            else:
                triples.append((e, RDFS_LABEL, draw(st.sampled_from(LITERALS))))
        elif kind == "literal":  # a bad literal in place of a good one
            p = draw(st.sampled_from(literal_predicates))
            holders = sorted({t[0] for t in triples if t[1] == p}, key=str) or subjects
            s = draw(st.sampled_from(holders))
            if draw(st.booleans()):
                triples = [t for t in triples if not (t[0] == s and t[1] == p)]
            triples.append((s, p, draw(st.sampled_from(LITERALS))))
        elif kind == "relation":  # a relation outside its domain or range
            o = draw(st.sampled_from([*nodes, *LITERALS[:3]]))
            triples.append((draw(st.sampled_from(nodes)), draw(st.sampled_from(relations)), o))
        elif kind == "drop":
            triples.pop(draw(st.integers(0, len(triples) - 1)))
        elif kind == "object":  # a statement's subject, object or modality made wrong
            p = draw(
                st.sampled_from(
                    [
                        RDF + "subject",
                        RDF + "object",
                        str(KGO) + "modality",
                        str(KGO) + "attributedTo",
                    ]
                )
            )
            pred = ox.NamedNode(p)
            holders = sorted({t[0] for t in triples if t[1] == pred}, key=str) or subjects
            triples.append((draw(st.sampled_from(holders)), pred, draw(st.sampled_from(nodes))))
        else:  # the object of one triple given to another subject
            t = draw(st.sampled_from(triples))
            triples.append((draw(st.sampled_from(subjects)), t[1], t[2]))
    return triples


def _key(v) -> tuple:
    return (v.focus, v.path, v.value, v.source_shape, v.message, v.severity, v.focus_label)


def _to_rdflib(triples: list[tuple]) -> rdflib.Graph:
    g = rdflib.Graph()
    data = "".join(f"{s} {p} {o} .\n" for s, p, o in triples)
    g.parse(data=data, format="nt")
    return g


def _compare(triples: list[tuple], inference: str) -> None:
    reference = validate_graph(_to_rdflib(triples), inference=inference)
    fast = validate_triples(triples, inference=inference)
    assert Counter(map(_key, fast.violations)) == Counter(map(_key, reference.violations))
    assert fast.conforms == reference.conforms


@pytest.mark.slow
@settings(
    max_examples=500,
    deadline=None,
    derandomize=True,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
@given(data=st.data())
def test_kg_engine_reports_what_pyshacl_reports(small_graph, data):
    triples = data.draw(broken_graphs(small_graph))
    inference = data.draw(st.sampled_from(["none", "none", "rdfs"]))
    _compare(triples, inference)


def test_the_generator_breaks_graphs_in_every_way(small_graph):
    """The cases above are not all conforming: each kind of damage is reported."""
    fast = validate_triples(small_graph, inference="none")
    assert fast.conforms
    e = next(t[0] for t in small_graph if t[1] == RDFS_LABEL)
    broken = [t for t in small_graph if not (t[0] == e and t[1] == RDFS_LABEL)]
    broken.append((e, RDF_TYPE, ox.NamedNode(str(KGO) + "Article")))
    _compare(broken, "none")
    assert not validate_triples(broken, inference="none").conforms


def test_shapes_with_a_feature_it_lacks_are_refused():
    g = rdflib.Graph()
    for t in load_shapes():
        g.add(t)
    shape = next(
        iter(g.subjects(rdflib.RDF.type, rdflib.URIRef("http://www.w3.org/ns/shacl#NodeShape")))
    )
    g.add((shape, rdflib.URIRef("http://www.w3.org/ns/shacl#sparql"), rdflib.BNode()))
    with pytest.raises(Unsupported):
        Shapes(g)


# sh:datatype and sh:min/maxInclusive read a literal as pySHACL does, with its rules written
# out in kg.shacl (a build does not import pySHACL): every datatype's rule against literals
# of every datatype, well- and ill-formed.
TYPED = [
    *LITERALS,
    _lit("1"),
    _lit("1", "boolean"),
    _lit("0", "integer"),
    _lit("1.0e3", "double"),
    _lit("1.5", "float"),
    _lit("12:30:00", "time"),
    _lit("2025-10-31T10:00:00", "dateTime"),
    _lit("2025-10-31T10:00:00Z", "dateTime"),
    _lit("2025-10-31", "dateTime"),
    _lit("10", "nonNegativeInteger"),
]
RULES = [
    *(XSD + n for n in ("string", "integer", "decimal", "float", "double", "boolean")),
    *(XSD + n for n in ("date", "time", "dateTime", "nonNegativeInteger")),
    RDF + "langString",
]


@pytest.mark.parametrize("rule", RULES)
def test_a_literal_value_has_the_type_pyshacl_asks_for(rule):
    from pyshacl.constraints.core.value_constraints import DatatypeConstraintComponent

    from kg.shacl.values import VALUE_TYPES, to_rdflib

    for term in TYPED:
        lit = to_rdflib(term)
        wanted = VALUE_TYPES.get(rule, object)
        expected = DatatypeConstraintComponent._assert_actual_datatype(
            None, lit, rdflib.URIRef(rule)
        )
        assert isinstance(lit.value, wanted) == expected, (term, rule)


def test_literals_compare_as_pyshacl_compares_them():
    from pyshacl.rdfutil.compare import compare_literal

    from kg.shacl.values import compare_literals, to_rdflib

    def outcome(f, a, b):
        try:
            return f(a, b)
        except (TypeError, NotImplementedError) as exc:
            return type(exc)

    lits = [to_rdflib(t) for t in TYPED]
    for a in lits:
        for b in lits:
            assert outcome(compare_literals, a, b) == outcome(compare_literal, a, b), (a, b)


def test_integers_compare_as_rdflib_orders_them():
    """sh:lessThan (kg.shacl.values._less) compares two xsd:integer literals of plain digits
    by their int values, without rdflib: the outcome rdflib's ordering gives (what pySHACL
    reads), for those and for the forms left to rdflib."""
    from kg.shacl.values import _less, to_rdflib

    forms = ["7", "-3", "+5", "007", "0", "-0", "12", "5 ", "five", "1.5", "", "99999999999"]
    lits = [_lit(x, "integer") for x in forms] + [_lit("7"), _lit("6", "decimal")]
    for a in lits:
        for b in lits:
            ra, rb = to_rdflib(a), to_rdflib(b)
            for or_equal in (False, True):
                if a.datatype != b.datatype or isinstance(ra.value, str):
                    continue  # strings and mixed types: not this path
                try:
                    want = bool(ra <= rb) if or_equal else bool(ra < rb)
                except TypeError:
                    want = False
                assert _less(a, b, or_equal) == want, (a, b, or_equal)


def test_a_build_does_not_import_pyshacl(tmp_path):
    """pySHACL is the reference validator, not the build's: a build in a fresh process
    leaves it unimported (about 0.1 s of CPU in each process that builds a batch)."""
    import subprocess
    import sys

    from tests.conftest import SAMPLE_GOLD

    code = (
        "import sys; from kg.build import build; from kg.statements import load_statements; "
        f"build([load_statements({str(SAMPLE_GOLD)!r})]); print('pyshacl' in sys.modules)"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "False"


def _blocks(node) -> list[list]:
    """The triple blocks (BGPs, and the triples of nested patterns such as NOT EXISTS) of
    a query's algebra, each a list of (s, p, o)."""
    from rdflib.plugins.sparql.parserutils import CompValue

    out = []
    if isinstance(node, dict | CompValue):
        if "triples" in node:
            out.append([tuple(t) for t in node["triples"]])
        for key, value in node.items():
            if key != "triples":
                out += _blocks(value)
    elif isinstance(node, list | tuple):
        for value in node:
            out += _blocks(value)
    return out


def _path_iris(path) -> list:
    from rdflib.paths import AlternativePath, InvPath, MulPath, NegatedPath, SequencePath

    if isinstance(path, rdflib.URIRef):
        return [path]
    if isinstance(path, NegatedPath):  # matches predicates it does not name
        raise AssertionError(f"a negated path reads any predicate: {path}")
    if isinstance(path, InvPath | MulPath):
        return _path_iris(path.path)
    if isinstance(path, SequencePath | AlternativePath):
        return [iri for p in path.args for iri in _path_iris(p)]
    raise AssertionError(f"unknown path {path!r}")


def test_each_sparql_constraint_reads_what_its_store_holds():
    """kg's engine fills a SPARQL-based constraint's store with the triples shapes.ttl says
    its query reads (kgs:reads, and predicates rdfs:subPropertyOf* its kgs:readsBelow):
    every predicate of its query's patterns is one of those, and a variable predicate is
    bound in its own block by `?p rdfs:subPropertyOf* C`, C one of kgs:readsBelow."""
    from rdflib.paths import MulPath
    from rdflib.plugins.sparql import prepareQuery

    from kg.shacl import to_ox

    shapes = Shapes(load_shapes())
    constraints = [c for shape in shapes.by_node.values() for c in shape.sparql]
    assert constraints
    subproperty = rdflib.RDFS.subPropertyOf
    for c in constraints:
        assert c.reads is not None, c.query  # each says what it reads
        blocks = _blocks(prepareQuery(c.query).algebra)
        assert blocks, c.query
        for block in blocks:
            for _s, p, _o in block:
                if isinstance(p, rdflib.Variable):
                    bounds = [
                        o
                        for s2, p2, o in block
                        if s2 == p
                        and isinstance(p2, MulPath)
                        and p2.path == subproperty
                        and p2.mod == "*"
                        and isinstance(o, rdflib.URIRef)
                    ]
                    assert any(to_ox(o) in c.reads_below for o in bounds), (p, c.query)
                    assert to_ox(subproperty) in c.reads, c.query
                else:
                    for iri in _path_iris(p):
                        assert to_ox(iri) in c.reads, (iri, c.query)
