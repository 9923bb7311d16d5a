"""The ontology is small, documented and aligned: every term has a label, a comment, and
(for properties) a domain and a range."""

from __future__ import annotations

from rdflib import OWL, RDF, RDFS, URIRef

from kg.ontology import KGO, load_ontology


def _terms(graph, kind):
    return sorted(
        s
        for s in graph.subjects(RDF.type, kind)
        if isinstance(s, URIRef) and str(s).startswith(str(KGO))
    )


def test_every_term_has_label_comment_domain_and_range():
    g = load_ontology().graph
    classes = _terms(g, OWL.Class)
    properties = _terms(g, OWL.ObjectProperty) + _terms(g, OWL.DatatypeProperty)
    assert 10 <= len(classes) <= 24
    assert 15 <= len(properties) <= 50
    assert len(load_ontology().relations) <= 30  # the ontology stays small
    for term in classes + properties:
        assert g.value(term, RDFS.label) is not None, term
        assert g.value(term, RDFS.comment) is not None, term
    for prop in properties:
        assert g.value(prop, RDFS.domain) is not None, prop
        assert g.value(prop, RDFS.range) is not None, prop


def test_version_disjointness_and_alignment():
    g = load_ontology().graph
    onto = next(g.subjects(RDF.type, OWL.Ontology))
    assert g.value(onto, OWL.versionIRI) is not None
    disjoint = [
        set(g.items(g.value(d, OWL.members))) for d in g.subjects(RDF.type, OWL.AllDisjointClasses)
    ]
    assert {KGO.Person, KGO.Organization, KGO.Place} in disjoint
    aligned = {
        str(o) for _s, p, o in g if p in (RDFS.subClassOf, RDFS.subPropertyOf, OWL.equivalentClass)
    }
    assert any(x.startswith("https://schema.org/") for x in aligned)
    assert any(x.startswith("http://www.w3.org/ns/prov#") for x in aligned)


def test_the_mission_can_be_expressed():
    relations = set(load_ontology().relations)
    assert {
        "holdsPosition",
        "positionIn",
        "memberOf",
        "leads",
        "partOf",
        "proposedBy",
        "contributesTo",
        "operatesIn",
        "disarms",
        "meets",
        "visits",
        "holdsTalksWith",
        "governs",
    } <= relations
    assert {"refused", "offered", "possible", "considered", "asserted"} <= set(
        load_ontology().modalities
    )


CORPUS_RELATIONS = (
    "signs",
    "sanctions",
    "succeeds",
    "electedTo",
    "opposes",
    "urges",
    "hosts",
    "declines",
)


def test_the_relations_the_corpus_needs_each_have_a_shape_and_a_competency_question():
    """The gold categories of the development corpus (../shared/corpus/GOLD.md): each is a
    relation with a shape, and a competency question answers it on the invented case
    tests/cases/nordic-relations."""
    from kg.build import build
    from kg.ontology import SH, load_shapes
    from kg.statements import load_statements
    from tests.conftest import ROOT, cq_answers

    onto = load_ontology()
    shapes = load_shapes()
    case = load_statements(ROOT / "tests" / "cases" / "nordic-relations" / "statements.yaml")
    answers = cq_answers(build([case]).main_quads)
    answered = {cell for rows in answers.values() for row in rows for cell in row}
    for name in CORPUS_RELATIONS:
        rel = onto.relations[name]
        assert rel.domain and rel.range and rel.label, name
        assert (None, SH.targetSubjectsOf, URIRef(rel.iri)) in shapes, name
        assert name in answered, name


def test_qualifiers_say_whether_the_plain_relation_holds_now():
    onto = load_ontology()
    assert set(onto.qualifiers) == {"former", "acting", "interim", "deputy", "elect"}
    assert onto.withheld == {"former", "deputy", "elect"}


def test_owl_rl_inference_runs_on_the_gold_graph(gold_quads):
    """owlrl materialises the ontology's semantics: symmetric and transitive relations,
    sub-properties."""
    import owlrl

    from kg.rdfio import to_rdflib_graph

    g = to_rdflib_graph(gold_quads)
    g += load_ontology().graph
    owlrl.DeductiveClosure(owlrl.OWLRL_Semantics).expand(g)
    talks = [(s, o) for s, o in g.subject_objects(KGO.holdsTalksWith)]
    assert any((o, s) in talks for s, o in talks)  # symmetric
    assert (None, KGO.relatedTo, None) in g  # sub-properties of relatedTo
