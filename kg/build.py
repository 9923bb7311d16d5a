"""Statements to RDF: one named graph per article, validated, with a quarantine graph.

Every relation becomes a direct triple (s p o) and a kgo:Statement node that carries its
evidence. Statements whose triples violate the shapes leave the main graph for the
article's quarantine graph, each with the message it violated.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path

import pyoxigraph as ox

from kg.errors import KgError, ValidationFailed
from kg.iri import (
    DEFAULT_BASE,
    article_iri,
    check_base,
    entity_iri,
    graph_iri,
    quarantine_graph_iri,
    slug,
    statement_iri,
)
from kg.ontology import DCTERMS, KGO, PROV, SCHEMA, SKOS, load_ontology
from kg.outputs import OUTPUT_FILES  # noqa: F401 - the names of the files write_build writes
from kg.rdfio import nquads_lines
from kg.statements import Entity, Relation, Statements
from kg.validate import Violation, validate_quads, validate_triples

RDF_TYPE = ox.NamedNode("http://www.w3.org/1999/02/22-rdf-syntax-ns#type")
RDF_NS = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
RDFS_LABEL = ox.NamedNode("http://www.w3.org/2000/01/rdf-schema#label")
XSD = "http://www.w3.org/2001/XMLSchema#"
WIKIDATA = "http://www.wikidata.org/entity/"


def _n(iri: str) -> ox.NamedNode:
    return ox.NamedNode(iri)


def _k(name: str) -> ox.NamedNode:
    return ox.NamedNode(str(KGO) + name)


def _typed(value: str, datatype: str) -> ox.Literal:
    return ox.Literal(value, datatype=ox.NamedNode(XSD + datatype))


def decimal_literal(value: float) -> ox.Literal:
    """A confidence as an xsd:decimal in the form stores write back ("0.85", "1"), so a
    build file and the store hold the same literal."""
    text = format(Decimal(repr(round(value, 3))).normalize(), "f")
    return _typed(text, "decimal")


class EntityRegistry:
    """Entity IRIs for one build: equal labels of one class share an IRI across articles;
    a label already taken by another class gets the class appended."""

    def __init__(self, base: str, known: dict[str, str] | None = None) -> None:
        """`known`: IRI -> class of entities already minted (in a store)."""
        self.base = base
        self._classes: dict[str, str] = {}
        for iri, cls in sorted((known or {}).items()):
            if iri.startswith(base):
                self._classes.setdefault(iri[len(base) :], cls)

    def iri(self, entity: Entity) -> str:
        key = slug(entity.label)
        known = self._classes.setdefault(key, entity.cls)
        if known == entity.cls:
            return entity_iri(self.base, entity.label)
        return entity_iri(self.base, f"{entity.label} {entity.cls}")


@dataclass
class StatementQuads:
    """The quads of one relation: its direct triple and its statement node."""

    relation: Relation
    iri: str
    direct: tuple[ox.NamedNode, ox.NamedNode, ox.NamedNode]
    node: list[tuple]  # (s, p, o) of the statement node


@dataclass
class ArticleGraph:
    article_id: str
    graph: str
    quarantine_graph: str
    main: list[ox.Quad] = field(default_factory=list)
    quarantine: list[ox.Quad] = field(default_factory=list)
    entities: int = 0
    relations: int = 0
    quarantined: int = 0
    violations: list[Violation] = field(default_factory=list)


@dataclass
class BuildResult:
    base: str
    articles: list[ArticleGraph]
    inputs: list[dict]

    @property
    def main_quads(self) -> list[ox.Quad]:
        return [q for a in self.articles for q in a.main]

    @property
    def quarantine_quads(self) -> list[ox.Quad]:
        return [q for a in self.articles for q in a.quarantine]

    def counts(self) -> dict[str, int]:
        return {
            "articles": len(self.articles),
            "entities": sum(a.entities for a in self.articles),
            "relations": sum(a.relations for a in self.articles),
            "quarantined": sum(a.quarantined for a in self.articles),
            "quads": len(set(nquads_lines(self.main_quads))),
        }


def _entity_triples(entity: Entity, iri: str, art: ox.NamedNode) -> list[tuple]:
    onto = load_ontology()
    node = _n(iri)
    triples = [
        (node, RDF_TYPE, _n(onto.class_iri(entity.cls))),
        (node, RDFS_LABEL, ox.Literal(entity.label)),
        (node, _k("mentionedIn"), art),
    ]
    for alias in entity.aliases:
        if alias != entity.label:
            triples.append((node, _n(str(SKOS) + "altLabel"), ox.Literal(alias)))
    for scheme, ident in entity.ids:
        if scheme == "wikidata":
            triples.append((node, _n(str(SCHEMA) + "sameAs"), _n(WIKIDATA + ident)))
        else:
            triples.append((node, _n(str(SCHEMA) + "identifier"), ox.Literal(f"{scheme}:{ident}")))
    return triples


def _article_triples(st: Statements, art: ox.NamedNode) -> list[tuple]:
    a = st.article
    triples = [
        (art, RDF_TYPE, _k("Article")),
        (art, _n(str(DCTERMS) + "identifier"), ox.Literal(a.id)),
        (art, _k("textSha256"), ox.Literal(a.text_sha256)),
    ]
    if a.title:
        triples.append((art, _n(str(SCHEMA) + "headline"), ox.Literal(a.title)))
    if a.date:
        triples.append((art, _n(str(SCHEMA) + "datePublished"), _typed(a.date, "date")))
    if a.source:
        triples.append((art, _n(str(DCTERMS) + "source"), ox.Literal(a.source)))
    if a.url:
        try:
            triples.append((art, _n(str(SCHEMA) + "url"), _n(a.url)))
        except ValueError:
            raise KgError(f"article {a.id}: not a valid URL: {a.url!r}") from None
    return triples


def _statement_quads(
    st: Statements, rel: Relation, iris: dict[str, str], base: str, art: ox.NamedNode
) -> StatementQuads:
    onto = load_ontology()
    s, o = _n(iris[rel.subject]), _n(iris[rel.object])
    p = _n(onto.relations[rel.predicate].iri)
    ev = rel.evidence
    attributed = iris[rel.attributed_to] if rel.attributed_to else ""
    node_iri = statement_iri(
        base,
        st.article.id,
        s.value,
        p.value,
        o.value,
        str(ev.start),
        str(ev.end),
        rel.modality,
        attributed,
    )
    node = _n(node_iri)
    triples = [
        (node, RDF_TYPE, _k("Statement")),
        (node, _n(RDF_NS + "subject"), s),
        (node, _n(RDF_NS + "predicate"), p),
        (node, _n(RDF_NS + "object"), o),
        (node, _n(str(PROV) + "wasDerivedFrom"), art),
        (node, _k("sentence"), ox.Literal(ev.sentence)),
        (node, _k("startOffset"), _typed(str(ev.start), "integer")),
        (node, _k("endOffset"), _typed(str(ev.end), "integer")),
        (node, _k("confidence"), decimal_literal(rel.confidence)),
        (node, _k("modality"), _n(onto.modalities[rel.modality])),
        (node, _k("method"), ox.Literal(rel.method)),
    ]
    if attributed:
        triples.append((node, _k("attributedTo"), _n(attributed)))
    if st.article.date:
        triples.append((node, _k("observedOn"), _typed(st.article.date, "date")))
    return StatementQuads(relation=rel, iri=node_iri, direct=(s, p, o), node=triples)


def _quads(triples: Iterable[tuple], graph: ox.NamedNode) -> list[ox.Quad]:
    return [ox.Quad(s, p, o, graph) for s, p, o in triples]


@dataclass
class _Prepared:
    """One article's triples before validation."""

    st: Statements
    graph: ox.NamedNode
    qgraph: ox.NamedNode
    iris: dict[str, str]
    entity_triples: dict[str, list[tuple]]
    article_triples: list[tuple]
    stmts: list[StatementQuads]


def _prepare(st: Statements, registry: EntityRegistry, base: str) -> _Prepared:
    art = _n(article_iri(base, st.article.id))
    iris = {e.id: registry.iri(e) for e in st.entities}
    return _Prepared(
        st=st,
        graph=_n(graph_iri(base, st.article.id)),
        qgraph=_n(quarantine_graph_iri(base, st.article.id)),
        iris=iris,
        entity_triples={e.id: _entity_triples(e, iris[e.id], art) for e in st.entities},
        article_triples=_article_triples(st, art),
        stmts=[_statement_quads(st, r, iris, base, art) for r in st.relations],
    )


def _main_quads(p: _Prepared, bad_statements: dict, bad_entities: dict) -> list[ox.Quad]:
    return _quads(_main_triples(p, bad_statements, bad_entities), p.graph)


def _main_triples(p: _Prepared, bad_statements: dict, bad_entities: dict) -> list[tuple]:
    triples = [
        t for e in p.st.entities if p.iris[e.id] not in bad_entities for t in p.entity_triples[e.id]
    ]
    triples += p.article_triples
    for sq in p.stmts:
        if sq.iri not in bad_statements:
            triples.append(sq.direct)
            triples.extend(sq.node)
    return triples


def _validate_all(
    prepared: Sequence[_Prepared], inference: str, engine: str = "kg"
) -> tuple[dict[str, list[str]], dict[str, list[str]], dict[int, list[Violation]]]:
    """Validate every article's graph of the batch in one run of kg's SHACL engine, then
    again without what violated, until the rest conforms. Each article graph repeats the
    triples of the entities it mentions, so the batch alone is what is checked."""
    bad_statements: dict[str, list[str]] = {}
    bad_entities: dict[str, list[str]] = {}
    found: dict[int, list[Violation]] = {}
    owner = {sq.iri: i for i, p in enumerate(prepared) for sq in p.stmts}
    mentioned: dict[str, set[int]] = {}
    for i, p in enumerate(prepared):
        for iri in p.iris.values():
            mentioned.setdefault(iri, set()).add(i)
    for _round in range(3):
        triples = [t for p in prepared for t in _main_triples(p, bad_statements, bad_entities)]
        if engine == "kg":
            report = validate_triples(triples, inference=inference)
        else:  # the reference, pySHACL (benchmarks/validate.py compares the two)
            report = validate_quads(
                (ox.Quad(*t) for t in triples), inference=inference, engine=engine
            )
        if report.conforms:
            break
        good = [sq for p in prepared for sq in p.stmts if sq.iri not in bad_statements]
        for v, hits in _assign(
            report.violations, good, set(mentioned), bad_statements, bad_entities
        ):
            articles = {owner[sq.iri] for sq in hits} | mentioned.get(v.focus, set())
            for i in articles:
                found.setdefault(i, []).append(v)
    return bad_statements, bad_entities, found


def _split(
    p: _Prepared, bad_statements: dict, bad_entities: dict, violations: list[Violation]
) -> ArticleGraph:
    ids = {sq.iri for sq in p.stmts}
    quarantined = len(ids & set(bad_statements))
    result = ArticleGraph(
        article_id=p.st.article.id,
        graph=p.graph.value,
        quarantine_graph=p.qgraph.value,
        entities=sum(p.iris[e.id] not in bad_entities for e in p.st.entities),
        relations=len(ids) - quarantined,
        quarantined=quarantined,
        violations=violations,
    )
    result.main = _main_quads(p, bad_statements, bad_entities)
    q_triples: list[tuple] = []
    for sq in p.stmts:
        if sq.iri in bad_statements:
            q_triples.append(sq.direct)
            q_triples.extend(sq.node)
            for message in sorted(set(bad_statements[sq.iri])):
                q_triples.append((_n(sq.iri), _k("violation"), ox.Literal(message)))
    for e in p.st.entities:
        if p.iris[e.id] in bad_entities:
            q_triples.extend(p.entity_triples[e.id])
    result.quarantine = _quads(q_triples, p.qgraph)
    return result


def _assign(
    violations: Sequence[Violation],
    statements: Sequence[StatementQuads],
    entity_iris: set[str],
    bad_statements: dict[str, list[str]],
    bad_entities: dict[str, list[str]],
) -> list[tuple[Violation, list[StatementQuads]]]:
    """Find the statements (and entities) each violation is about."""
    by_iri = {sq.iri: sq for sq in statements}
    shapes = _shape_predicates()
    relations = _relation_iris()
    out = []
    for v in violations:
        if v.focus in by_iri:
            bad_statements.setdefault(v.focus, []).append(v.message)
            out.append((v, [by_iri[v.focus]]))
            continue
        if v.focus not in entity_iris:
            continue
        predicate = v.path if v.path and v.path in relations else shapes.get(v.source_shape)
        hits = [
            sq
            for sq in statements
            if predicate is not None
            and sq.direct[0].value == v.focus
            and sq.direct[1].value == predicate
            and (v.path != predicate or v.value is None or sq.direct[2].value == v.value)
        ]
        if predicate is None:  # an entity shape: the entity and all its statements
            bad_entities.setdefault(v.focus, []).append(v.message)
            hits = [sq for sq in statements if v.focus in (sq.direct[0].value, sq.direct[2].value)]
        for sq in hits:
            bad_statements.setdefault(sq.iri, []).append(v.message)
        out.append((v, hits))
    return out


def _relation_iris() -> set[str]:
    return {r.iri for r in load_ontology().relations.values()}


def _shape_predicates() -> dict[str | None, str]:
    """Relation shapes: shape IRI -> the predicate whose subjects it targets."""
    from kg.ontology import SH, load_shapes

    shapes = load_shapes()
    relations = _relation_iris()
    return {
        str(shape): str(pred)
        for shape, pred in shapes.subject_objects(SH.targetSubjectsOf)
        if str(pred) in relations
    }


def build(
    statements: Sequence[Statements],
    base: str = DEFAULT_BASE,
    inputs: Sequence[dict] = (),
    strict: bool = False,
    inference: str = "none",
    registry: EntityRegistry | None = None,
    engine: str = "kg",
) -> BuildResult:
    """Build the graphs of several articles; entities with equal labels and classes merge.

    Validation (kg.shacl, the results pySHACL gives) mixes the class hierarchy into the
    data (sh:class follows rdfs:subClassOf) without materialising RDFS inferences.
    """
    try:
        base = check_base(base)
    except ValueError as exc:
        raise KgError(str(exc)) from None
    seen: dict[str, int] = {}
    for i, st in enumerate(statements):
        if st.article.id in seen:
            raise KgError(f"two inputs have the same article id '{st.article.id}'")
        seen[st.article.id] = i
    registry = registry or EntityRegistry(base)
    prepared = [_prepare(st, registry, base) for st in statements]
    bad_statements, bad_entities, found = _validate_all(prepared, inference, engine)
    articles = [
        _split(p, bad_statements, bad_entities, found.get(i, [])) for i, p in enumerate(prepared)
    ]
    result = BuildResult(base=base, articles=articles, inputs=list(inputs))
    if strict:
        bad = [v for a in articles for v in a.violations]
        if bad:
            first = bad[0]
            raise ValidationFailed(
                f"{len(bad)} violation(s) of the shapes (--strict); first: "
                f"{first.focus_label or first.focus}: {first.message}"
            )
    return result


def write_build(result: BuildResult, out_dir: Path | str) -> dict[str, Path]:
    """Write kg.nq, kg.trig, quarantine.nq and manifest.json, each atomically (a corpus
    build writes them batch by batch with kg.outputs.BuildWriter)."""
    from kg.outputs import BuildWriter

    writer = BuildWriter(out_dir, result.base)
    writer.add(result)
    return writer.close()
