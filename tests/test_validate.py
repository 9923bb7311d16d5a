"""Every shape fires on a deliberately broken graph; the report is readable."""

from __future__ import annotations

import pytest
import rdflib
from rdflib import RDF, RDFS, Literal, URIRef
from rdflib.namespace import XSD

from kg.ontology import KGO, PROV, load_ontology, load_shapes
from kg.rdfio import to_rdflib_graph
from kg.validate import format_report, validate_graph, validate_triples

EX = rdflib.Namespace("http://example.org/")
SH = rdflib.Namespace("http://www.w3.org/ns/shacl#")


@pytest.fixture(scope="module")
def good(gold_quads) -> rdflib.Graph:
    return to_rdflib_graph(gold_quads)


def _statement(g: rdflib.Graph) -> URIRef:
    return next(iter(g.subjects(RDF.type, KGO.Statement)))


def _entity(g: rdflib.Graph, label: str) -> URIRef:
    return next(iter(g.subjects(RDFS.label, Literal(label))))


def _breakers():
    def two_classes(g):
        g.add((_entity(g, "Pakistan"), RDF.type, KGO.Person))

    def no_label(g):
        g.remove((_entity(g, "Egypt"), RDFS.label, None))

    def two_labels(g):
        g.add((_entity(g, "Turkey"), RDFS.label, Literal("Türkiye")))

    def bad_domain(g):
        g.add((_entity(g, "Pakistan"), KGO.holdsPosition, _entity(g, "Foreign Minister")))

    def bad_range(g):
        g.add((_entity(g, "Asim Munir"), KGO.leads, _entity(g, "Gaza")))

    def no_provenance(g):
        g.remove((_statement(g), PROV.wasDerivedFrom, None))

    def no_sentence(g):
        g.remove((_statement(g), KGO.sentence, None))

    def bad_offsets(g):
        st = _statement(g)
        g.set((st, KGO.startOffset, Literal(5000, datatype=XSD.integer)))

    def confidence_too_high(g):
        g.set((_statement(g), KGO.confidence, Literal("1.5", datatype=XSD.decimal)))

    def bad_modality(g):
        g.set((_statement(g), KGO.modality, KGO.Perhaps))

    def date_not_xsd_date(g):
        g.add((_statement(g), KGO.observedOn, Literal("last Friday")))

    def article_date_wrong(g):
        art = next(iter(g.subjects(RDF.type, KGO.Article)))
        g.add((art, URIRef("https://schema.org/datePublished"), Literal("2025-13-99")))

    def attributed_to_place(g):
        g.add((_statement(g), KGO.attributedTo, _entity(g, "Gaza")))

    def claim_as_fact(g):
        # the article says Munir may visit Washington: no plain triple may say he does
        g.add((_entity(g, "Asim Munir"), KGO.visits, _entity(g, "Washington")))

    def claim_of_the_wrong_class(g):
        visit = next(iter(g.subjects(RDF.predicate, KGO.visits)))
        g.set((visit, RDF.object, _entity(g, "Hamas")))

    def title_in_capitals(g):
        g.set((_entity(g, "Foreign Minister"), KGO.title, Literal("Foreign Minister")))

    def unknown_qualifier(g):
        g.add((_statement(g), KGO.qualifier, KGO.Emeritus))

    return {
        f.__name__: f
        for f in (
            two_classes,
            no_label,
            two_labels,
            bad_domain,
            bad_range,
            no_provenance,
            no_sentence,
            bad_offsets,
            confidence_too_high,
            bad_modality,
            date_not_xsd_date,
            article_date_wrong,
            attributed_to_place,
            claim_as_fact,
            claim_of_the_wrong_class,
            title_in_capitals,
            unknown_qualifier,
        )
    }


BREAKERS = _breakers()


def _kg_engine(g: rdflib.Graph, inference: str = "rdfs"):
    from kg.shacl import to_ox

    return validate_triples([tuple(map(to_ox, t)) for t in g], inference=inference)


ENGINES = {"pyshacl": validate_graph, "kg": _kg_engine}


@pytest.mark.parametrize("engine", sorted(ENGINES))
def test_the_gold_graph_conforms(good, engine):
    report = ENGINES[engine](good)
    assert report.conforms, format_report(report)


@pytest.mark.parametrize("name", sorted(BREAKERS))
@pytest.mark.parametrize("inference", ["rdfs", "none"])
@pytest.mark.parametrize("engine", sorted(ENGINES))
def test_each_breakage_is_reported(good, name, inference, engine):
    g = rdflib.Graph()
    for t in good:
        g.add(t)
    BREAKERS[name](g)
    report = ENGINES[engine](g, inference=inference)
    assert not report.conforms
    assert report.violations
    text = format_report(report)
    assert "message:" in text and "does not conform" in text


@pytest.mark.parametrize("engine", sorted(ENGINES))
def test_every_shape_fires(good, engine):
    """Each node shape of shapes.ttl, itself or through one of its property shapes, is the
    source of a result on a graph where every relation's domain and range and every
    provenance rule is broken."""
    g = rdflib.Graph()
    for t in good:
        g.add(t)
    onto = load_ontology()
    qatar, gaza = _entity(g, "Qatar"), _entity(g, "Gaza")
    for rel in onto.relations.values():
        subject = gaza if rel.domain not in ("Entity", "Place") else qatar
        g.add((subject, URIRef(rel.iri), Literal("not an entity")))
        g.add(
            (
                _entity(g, "Hamas") if rel.domain != "Entity" else qatar,
                URIRef(rel.iri),
                _entity(g, "Foreign Minister") if rel.range != "Entity" else qatar,
            )
        )
    for breaker in BREAKERS.values():
        breaker(g)
    merge = URIRef("http://example.org/merge/1")
    g.add((merge, RDF.type, KGO.Merge))
    g.add((merge, KGO.merges, qatar))
    g.add((merge, KGO.score, Literal("2", datatype=XSD.decimal)))
    shapes = load_shapes()
    holder = {str(p): str(s) for s, p in shapes.subject_objects(SH.property)}
    fired = {holder.get(v.source_shape, v.source_shape) for v in ENGINES[engine](g).violations}
    node_shapes = {str(s) for s in shapes.subjects(RDF.type, SH.NodeShape)}
    assert node_shapes - fired == set()
    assert len(node_shapes) == 7 + len(onto.relations)


def _classes(shapes, shape) -> set:
    """The classes a shape asks for: its sh:class, or each alternative of its sh:or."""
    direct = shapes.value(shape, SH["class"])
    if direct is not None:
        return {direct}
    return {shapes.value(alt, SH["class"]) for alt in shapes.items(shapes.value(shape, SH["or"]))}


def test_every_relation_of_the_ontology_has_a_shape_matching_domain_and_range():
    """A shape asks for the relation's domain and range, or (sh:or) for classes below them:
    'hosts' is a relation of entities whose shape asks for an actor or a place."""
    onto = load_ontology()
    shapes = load_shapes()

    def below(classes: set, name: str) -> bool:
        return all(onto.is_subclass(str(c).rsplit("#", 1)[1], name) for c in classes)

    for rel in onto.relations.values():
        shape = next(shapes.subjects(SH.targetSubjectsOf, URIRef(rel.iri)))
        subject = _classes(shapes, shape)
        assert subject == {KGO[rel.domain]} or (len(subject) > 1 and below(subject, rel.domain))
        prop = shapes.value(shape, SH.property)
        assert shapes.value(prop, SH.path) == URIRef(rel.iri)
        obj = _classes(shapes, prop)
        assert obj == {KGO[rel.range]} or (len(obj) > 1 and below(obj, rel.range)), rel.name


@pytest.mark.parametrize("engine", sorted(ENGINES))
def test_report_names_label_path_and_sentence(good, engine):
    g = rdflib.Graph()
    for t in good:
        g.add(t)
    st = next(s for s in g.subjects(KGO.sentence, None))
    g.set((st, KGO.confidence, Literal("7", datatype=XSD.decimal)))
    text = format_report(ENGINES[engine](g))
    assert "path:     kgo:confidence" in text
    assert "sentence: " in text


@pytest.mark.parametrize("engine", sorted(ENGINES))
def test_equal_values_are_reported_at_each_focus_node(good, engine):
    """kg's engine checks a property shape once per batch for each list of value nodes
    (kg.shacl.engine Shape.by_values): two statements with the same wrong modality are
    two results, one at each statement, as pySHACL reports them."""
    g = rdflib.Graph()
    for t in good:
        g.add(t)
    statements = sorted(g.subjects(RDF.type, KGO.Statement))[:2]
    for st in statements:
        g.set((st, KGO.modality, KGO.Perhaps))
    report = ENGINES[engine](g, inference="none")
    found = {v.focus for v in report.violations if v.path == str(KGO.modality)}
    assert found == {str(st) for st in statements}


@pytest.mark.parametrize("inference", ["none", "rdfs"])
def test_the_report_counts_the_datas_distinct_triples(gold_quads, inference):
    """The data's triples checked: each once, and not the ontology's hierarchy mixed in,
    even where the data repeats one of its triples (kg's engine indexes the data, counts
    it, then adds the hierarchy; kg.shacl.data.Data.add)."""
    from kg.validate import hierarchy_triples

    triples = [(q.subject, q.predicate, q.object) for q in gold_quads]
    distinct = len(set(triples))
    repeated = triples + triples[:5] + [hierarchy_triples()[0]]
    report = validate_triples(repeated, inference=inference)
    assert report.triples == distinct + 1
