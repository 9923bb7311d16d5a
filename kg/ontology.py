"""Reads the ontology in ontology/: its classes, relations, modalities and version.

Code asks this module; it never restates what kg.ttl says.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import rdflib
from rdflib.namespace import OWL, RDF, RDFS

from kg.prefixes import prefixes
from kg.resources import ontology_dir

KGO = rdflib.Namespace("https://w3id.org/newskg/ontology#")
PROV = rdflib.Namespace("http://www.w3.org/ns/prov#")
SCHEMA = rdflib.Namespace("https://schema.org/")
SKOS = rdflib.Namespace("http://www.w3.org/2004/02/skos/core#")
DCTERMS = rdflib.Namespace("http://purl.org/dc/terms/")
SH = rdflib.Namespace("http://www.w3.org/ns/shacl#")

# prefix -> namespace, from ontology/context.jsonld (kg.prefixes reads it)
PREFIXES: dict[str, str] = prefixes()


@dataclass(frozen=True)
class Relation:
    """A relation of the ontology: a sub-property of kgo:relatedTo."""

    name: str
    iri: str
    label: str
    domain: str
    range: str


@dataclass(frozen=True)
class Ontology:
    """What code needs to know of the ontology, read from kg.ttl."""

    graph: rdflib.Graph
    version: str
    sha256: str
    classes: dict[str, str]  # local name -> IRI, entity classes only
    relations: dict[str, Relation]  # local name -> relation
    modalities: dict[str, str]  # lower-case label -> IRI
    qualifiers: dict[str, str]  # lower-case label -> IRI
    withheld: frozenset[str]  # qualifier labels whose relation is not the plain relation now
    labels: dict[str, str]  # IRI -> English label, for every labelled term
    symmetric: frozenset[str]  # local names of symmetric relations

    def class_iri(self, name: str) -> str:
        return self.classes[name]

    def is_subclass(self, name: str, ancestor: str) -> bool:
        """Whether the entity class `name` is `ancestor` or below it."""
        key = (id(self.graph), name)
        found = _ANCESTORS.get(key)
        if found is None:
            start = rdflib.URIRef(self.classes[name])
            found = _ANCESTORS[key] = frozenset(
                str(c) for c in self.graph.transitive_objects(start, RDFS.subClassOf)
            )
        return self.classes[ancestor] in found


# (id of an ontology's graph, class name) -> IRIs of the class and the classes above it:
# the extractor asks is_subclass for every candidate relation
_ANCESTORS: dict[tuple[int, str], frozenset[str]] = {}


def ontology_path() -> Path:
    return ontology_dir() / "kg.ttl"


def shapes_path() -> Path:
    return ontology_dir() / "shapes.ttl"


def _local(iri: rdflib.term.Node) -> str:
    return str(iri).removeprefix(str(KGO))


@cache
def load_ontology() -> Ontology:
    """Parse kg.ttl once per process."""
    path = ontology_path()
    data = path.read_bytes()
    graph = rdflib.Graph()
    graph.parse(data=data, format="turtle")
    onto = next(graph.subjects(RDF.type, OWL.Ontology))
    version = str(graph.value(onto, OWL.versionInfo))
    entity = KGO.Entity
    classes = {
        _local(c): str(c)
        for c in graph.subjects(RDF.type, OWL.Class)
        if isinstance(c, rdflib.URIRef)
        and str(c).startswith(str(KGO))
        and entity in set(graph.transitive_objects(c, RDFS.subClassOf))
    }
    relations = {}
    for p in graph.transitive_subjects(RDFS.subPropertyOf, KGO.relatedTo):
        if p == KGO.relatedTo:
            continue
        relations[_local(p)] = Relation(
            name=_local(p),
            iri=str(p),
            label=str(graph.value(p, RDFS.label)),
            domain=_local(graph.value(p, RDFS.domain)),
            range=_local(graph.value(p, RDFS.range)),
        )
    modalities = {
        str(graph.value(m, RDFS.label)).lower(): str(m)
        for m in graph.subjects(RDF.type, KGO.Modality)
    }
    qualifiers = {
        str(graph.value(q, RDFS.label)).lower(): str(q)
        for q in graph.subjects(RDF.type, KGO.Qualifier)
    }
    withheld = frozenset(
        label
        for label, q in qualifiers.items()
        if graph.value(rdflib.URIRef(q), KGO.holdsNow) == rdflib.Literal(False)
    )
    labels = {
        str(s): str(o) for s, o in graph.subject_objects(RDFS.label) if isinstance(s, rdflib.URIRef)
    }
    symmetric = frozenset(
        _local(p) for p in graph.subjects(RDF.type, OWL.SymmetricProperty) if _local(p) in relations
    )
    return Ontology(
        graph=graph,
        symmetric=symmetric,
        version=version,
        sha256=hashlib.sha256(data).hexdigest(),
        classes=dict(sorted(classes.items())),
        relations=dict(sorted(relations.items())),
        modalities=dict(sorted(modalities.items())),
        qualifiers=dict(sorted(qualifiers.items())),
        withheld=withheld,
        labels=labels,
    )


@cache
def fits(cls: str, required: str) -> bool:
    """Whether an entity of class `cls` may fill a slot whose class is `required` (the class
    or one below it in the ontology); False for a name the ontology does not know."""
    onto = load_ontology()
    if required not in onto.classes or cls not in onto.classes:
        return False
    return onto.is_subclass(cls, required)


@cache
def load_shapes() -> rdflib.Graph:
    graph = rdflib.Graph()
    graph.parse(shapes_path(), format="turtle")
    return graph


@cache
def hierarchy_graph() -> rdflib.Graph:
    """The ontology with each rdfs:domain and rdfs:range stated as an OWL restriction.

    pySHACL's RDFS inference would otherwise type every subject from the domain of its
    predicates, and every domain and range check would pass by construction. Inference
    over the class and property hierarchy is what validation needs. The restrictions say
    the same as domain and range (`[owl:onProperty p; owl:someValuesFrom owl:Thing]
    rdfs:subClassOf D`; `owl:Thing rdfs:subClassOf [owl:onProperty p; owl:allValuesFrom
    R]`), which RDFS inference does not read; the statement shape's SPARQL constraints read
    them to check every statement, direct triple or not.
    """
    full = load_ontology().graph
    graph = rdflib.Graph()
    for s, p, o in full:
        if p not in (RDFS.domain, RDFS.range):
            graph.add((s, p, o))
            continue
        r = rdflib.BNode()
        graph.add((r, RDF.type, OWL.Restriction))
        graph.add((r, OWL.onProperty, s))
        if p == RDFS.domain:
            graph.add((r, OWL.someValuesFrom, OWL.Thing))
            graph.add((r, RDFS.subClassOf, o))
        else:
            graph.add((r, OWL.allValuesFrom, o))
            graph.add((OWL.Thing, RDFS.subClassOf, r))
    return graph
