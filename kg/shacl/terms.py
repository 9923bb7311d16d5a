"""SHACL's vocabulary and the two term models: rdflib's (the shapes graph) and pyoxigraph's
(the data), with the conversion both ways; the engine's error for what it cannot run."""

from __future__ import annotations

from functools import lru_cache

import pyoxigraph as ox
import rdflib
from rdflib.namespace import RDF, RDFS, XSD

from kg.errors import KgError

SH_NS = "http://www.w3.org/ns/shacl#"
SH = rdflib.Namespace(SH_NS)
# kg's shapes (shapes.ttl): kgs:reads, kgs:readsBelow on a SPARQL-based constraint
KGS = rdflib.Namespace("https://w3id.org/newskg/shapes#")
RDF_TYPE = ox.NamedNode(str(RDF.type))
SUBCLASS = ox.NamedNode(str(RDFS.subClassOf))
SUBPROPERTY = ox.NamedNode(str(RDFS.subPropertyOf))
XSD_STRING = ox.NamedNode(str(XSD.string))
LANG_STRING = ox.NamedNode(str(RDF.langString))


class Unsupported(KgError):
    """The shapes use a SHACL feature this engine does not implement."""


def to_ox(node) -> ox.NamedNode | ox.BlankNode | ox.Literal:
    if isinstance(node, rdflib.URIRef):
        return ox.NamedNode(str(node))
    if isinstance(node, rdflib.BNode):
        return ox.BlankNode(str(node))
    if isinstance(node, rdflib.Literal):
        if node.language:
            return ox.Literal(str(node), language=node.language)
        if node.datatype is not None:
            return ox.Literal(str(node), datatype=ox.NamedNode(str(node.datatype)))
        return ox.Literal(str(node))
    raise Unsupported(f"cannot read the shape term {node!r}")


@lru_cache(maxsize=1 << 16)
def to_rdflib(term) -> rdflib.term.Node:
    if isinstance(term, ox.NamedNode):
        return rdflib.URIRef(term.value)
    if isinstance(term, ox.BlankNode):
        return rdflib.BNode(term.value)
    if term.language:
        return rdflib.Literal(term.value, lang=term.language)
    if term.datatype == XSD_STRING:
        return rdflib.Literal(term.value)
    return rdflib.Literal(term.value, datatype=rdflib.URIRef(term.datatype.value))
