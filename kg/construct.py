"""Statements to RDF: the triples of one article, before validation.

Every relation becomes a kgo:Statement node that carries its evidence; a relation the
article asserts as holding now (modality asserted, no qualifier such as former) is also a
direct triple (s p o), so that the plain graph says only what is true. Entity IRIs follow
the identity policy of kg.identity (an EntityRegistry mints them, in corpus order).
`prepare` makes a PreparedArticle; kg.quarantine validates a batch of them and splits each
into its graph and its quarantine graph.
"""

from __future__ import annotations

from collections.abc import Container, Iterable
from dataclasses import dataclass
from decimal import Decimal
from functools import cache, lru_cache

import pyoxigraph as ox

from kg.errors import KgError
from kg.graphs import StatementQuads
from kg.identity import EntityRegistry, Minted, is_name, position_relations
from kg.iri import article_iri, graph_iri, quarantine_graph_iri, statement_node
from kg.ontology import DCTERMS, KGO, PROV, SCHEMA, SKOS, load_ontology
from kg.statements import Entity, Relation, Statements

__all__ = ["PreparedArticle", "decimal_literal", "in_graph", "main_triples", "prepare"]

RDF_TYPE = ox.NamedNode("http://www.w3.org/1999/02/22-rdf-syntax-ns#type")
RDF_NS = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
RDFS_LABEL = ox.NamedNode("http://www.w3.org/2000/01/rdf-schema#label")
XSD = "http://www.w3.org/2001/XMLSchema#"
WIKIDATA = "http://www.wikidata.org/entity/"


def _n(iri: str) -> ox.NamedNode:
    return ox.NamedNode(iri)


@cache
def _c(iri: str) -> ox.NamedNode:
    """The node of an IRI of the vocabulary (a class, predicate, datatype, modality...),
    made once: an article repeats a few dozen of them hundreds of times."""
    return ox.NamedNode(iri)


@cache
def _k(name: str) -> ox.NamedNode:
    return _c(str(KGO) + name)


def _typed(value: str, datatype: str) -> ox.Literal:
    return ox.Literal(value, datatype=_c(XSD + datatype))


# Literals a corpus repeats (a statement's method, its confidence, an article's date), made
# once: the N-Quads text of a batch's terms is then made once too (kg.build._Terms).
_repeated = lru_cache(maxsize=1 << 12)


@_repeated
def _plain(value: str) -> ox.Literal:
    return ox.Literal(value)


@_repeated
def _date(value: str) -> ox.Literal:
    return _typed(value, "date")


@_repeated
def decimal_literal(value: float) -> ox.Literal:
    """A confidence as an xsd:decimal in the form stores write back ("0.85", "1"), so a
    build file and the store hold the same literal."""
    text = format(Decimal(repr(round(value, 3))).normalize(), "f")
    return _typed(text, "decimal")


def _compound(alias: str, label: str) -> bool:
    """'Riverton plan' of 'Riverton': a name followed by a common noun names another thing.
    A description with its complement ('joint patrol' and 'joint patrol of the border')
    names the same one."""
    rest = alias[len(label) :].strip()
    return is_name(label) and alias.startswith(label + " ") and not is_name(rest)


def _entity_triples(
    entity: Entity, minted: Minted, node: ox.NamedNode, art: ox.NamedNode
) -> list[tuple]:
    onto = load_ontology()
    triples = [
        (node, RDF_TYPE, _c(onto.class_iri(entity.cls))),
        (node, RDFS_LABEL, ox.Literal(minted.label)),
        (node, _k("mentionedIn"), art),
    ]
    if minted.title is not None:
        triples.append((node, _k("title"), ox.Literal(minted.title)))
    for alias in sorted({entity.label, *entity.aliases} - {minted.label}):
        if not _compound(alias, entity.label):
            triples.append((node, _c(str(SKOS) + "altLabel"), ox.Literal(alias)))
    for scheme, ident in entity.ids:
        if scheme == "wikidata":
            triples.append((node, _c(str(SCHEMA) + "sameAs"), _n(WIKIDATA + ident)))
        else:
            triples.append((node, _c(str(SCHEMA) + "identifier"), ox.Literal(f"{scheme}:{ident}")))
    return triples


def _article_triples(st: Statements, art: ox.NamedNode) -> list[tuple]:
    a = st.article
    triples = [
        (art, RDF_TYPE, _k("Article")),
        (art, _c(str(DCTERMS) + "identifier"), ox.Literal(a.id)),
        (art, _k("textSha256"), ox.Literal(a.text_sha256)),
    ]
    if a.title:
        triples.append((art, _c(str(SCHEMA) + "headline"), ox.Literal(a.title)))
    if a.date:
        triples.append((art, _c(str(SCHEMA) + "datePublished"), _date(a.date)))
    if a.source:
        triples.append((art, _c(str(DCTERMS) + "source"), ox.Literal(a.source)))
    if a.url:
        try:
            triples.append((art, _c(str(SCHEMA) + "url"), _n(a.url)))
        except ValueError:
            raise KgError(f"article {a.id}: not a valid URL: {a.url!r}") from None
    return triples


def _statement_quads(
    st: Statements,
    rel: Relation,
    nodes: dict[str, ox.NamedNode],
    base: str,
    art: ox.NamedNode,
    sentences: dict[str, ox.Literal],
) -> StatementQuads:
    onto = load_ontology()
    s, o = nodes[rel.subject], nodes[rel.object]
    p = _c(onto.relations[rel.predicate].iri)
    ev = rel.evidence
    sentence = sentences.get(ev.sentence)
    if sentence is None:  # an article's relations share their sentences' literals
        sentence = sentences[ev.sentence] = ox.Literal(ev.sentence)
    attributed = nodes[rel.attributed_to].value if rel.attributed_to else ""
    node = statement_node(
        base,
        st.article.id,
        s.value,
        p.value,
        o.value,
        str(ev.start),
        str(ev.end),
        rel.modality,
        attributed,
        *rel.qualifiers,
    )
    triples = [
        (node, RDF_TYPE, _k("Statement")),
        (node, _c(RDF_NS + "subject"), s),
        (node, _c(RDF_NS + "predicate"), p),
        (node, _c(RDF_NS + "object"), o),
        (node, _c(str(PROV) + "wasDerivedFrom"), art),
        (node, _k("sentence"), sentence),
        (node, _k("startOffset"), _typed(str(ev.start), "integer")),
        (node, _k("endOffset"), _typed(str(ev.end), "integer")),
        (node, _k("confidence"), decimal_literal(rel.confidence)),
        (node, _k("modality"), _c(onto.modalities[rel.modality])),
        (node, _k("method"), _plain(rel.method)),
    ]
    if attributed:
        triples.append((node, _k("attributedTo"), nodes[rel.attributed_to]))
    for q in rel.qualifiers:
        triples.append((node, _k("qualifier"), _c(onto.qualifiers[q])))
    if st.article.date:
        triples.append((node, _k("observedOn"), _date(st.article.date)))
    plain = rel.modality == "asserted" and not set(rel.qualifiers) & onto.withheld
    return StatementQuads(relation=rel, iri=node.value, direct=(s, p, o), node=triples, plain=plain)


def _owner_relations(st: Statements, minted: dict[str, Minted]) -> list[Relation]:
    """positionIn for each position whose owner identity found, unless the article states
    it: its evidence is the statement the owner was read from, else the article's first
    relation of the position."""
    owned = position_relations()[1]
    out = []
    for e in st.entities:
        m = minted[e.id]
        if m.owner is None or any(
            r.subject == e.id and r.predicate == owned and r.object == m.owner for r in st.relations
        ):
            continue
        source = m.owner_from or min(
            (r for r in st.relations if e.id in (r.subject, r.object)),
            key=lambda r: (r.evidence.start, r.evidence.end),
            default=None,
        )
        if source is None:
            continue
        out.append(
            Relation(
                subject=e.id,
                predicate=owned,
                object=m.owner,
                evidence=source.evidence,
                confidence=source.confidence,
                method="kg-build:position-owner",
            )
        )
    return out


def in_graph(triples: Iterable[tuple], graph: ox.NamedNode) -> list[ox.Quad]:
    """The triples as quads of one named graph."""
    return [ox.Quad(s, p, o, graph) for s, p, o in triples]


@dataclass
class PreparedArticle:
    """One article's triples before validation: per entity, the article's own, and per
    relation (StatementQuads), so that validation can take out what violates."""

    st: Statements
    graph: ox.NamedNode
    qgraph: ox.NamedNode
    iris: dict[str, str]  # entity id in the statements -> its IRI
    entity_triples: dict[str, list[tuple]]
    article_triples: list[tuple]
    stmts: list[StatementQuads]


def prepare(st: Statements, registry: EntityRegistry, base: str) -> PreparedArticle:
    """The triples of an article, its entities minted by `registry` (whose state follows
    the articles prepared before: prepare articles in corpus order)."""
    art = _n(article_iri(base, st.article.id))
    minted = registry.mint(st)
    iris = {e.id: minted[e.id].iri for e in st.entities}
    # one node per entity, shared by all its triples (a NamedNode checks its IRI when made)
    nodes = {key: _n(iri) for key, iri in iris.items()}
    relations = st.relations + _owner_relations(st, minted)
    sentences: dict[str, ox.Literal] = {}
    return PreparedArticle(
        st=st,
        graph=_n(graph_iri(base, st.article.id)),
        qgraph=_n(quarantine_graph_iri(base, st.article.id)),
        iris=iris,
        entity_triples={
            e.id: _entity_triples(e, minted[e.id], nodes[e.id], art) for e in st.entities
        },
        article_triples=_article_triples(st, art),
        stmts=[_statement_quads(st, r, nodes, base, art, sentences) for r in relations],
    )


def main_triples(
    p: PreparedArticle, bad_statements: Container[str], bad_entities: Container[str]
) -> list[tuple]:
    """The article's triples without the statements and entities named bad (by IRI)."""
    triples = [
        t for e in p.st.entities if p.iris[e.id] not in bad_entities for t in p.entity_triples[e.id]
    ]
    triples += p.article_triples
    for sq in p.stmts:
        if sq.iri not in bad_statements:
            triples.extend(sq.triples())
    return triples
