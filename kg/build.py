"""Statements to RDF: one named graph per article, validated, with a quarantine graph.

Every relation becomes a kgo:Statement node that carries its evidence; a relation the
article asserts as holding now (modality asserted, no qualifier such as former) is also a
direct triple (s p o), so that the plain graph says only what is true. Entity IRIs follow
the identity policy of kg.identity. Statements whose triples violate the shapes leave the
main graph for the article's quarantine graph, each with the message it violated.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path

import pyoxigraph as ox

from kg.errors import KgError, ValidationFailed
from kg.identity import EntityRegistry, Minted, is_name, position_relations
from kg.iri import (
    DEFAULT_BASE,
    article_iri,
    check_base,
    graph_iri,
    quarantine_graph_iri,
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


__all__ = ["EntityRegistry", "build", "write_build"]


@dataclass
class StatementQuads:
    """The quads of one relation: its statement node and, when the article asserts it as
    holding now (`plain`), its direct triple."""

    relation: Relation
    iri: str
    direct: tuple[ox.NamedNode, ox.NamedNode, ox.NamedNode]
    node: list[tuple]  # (s, p, o) of the statement node
    plain: bool = True

    def triples(self) -> list[tuple]:
        return ([self.direct] if self.plain else []) + self.node


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


def _compound(alias: str, label: str) -> bool:
    """'Riverton plan' of 'Riverton': a name followed by a common noun names another thing."""
    rest = alias[len(label) :].strip()
    return alias.startswith(label + " ") and not is_name(rest)


def _entity_triples(entity: Entity, minted: Minted, art: ox.NamedNode) -> list[tuple]:
    onto = load_ontology()
    node = _n(minted.iri)
    triples = [
        (node, RDF_TYPE, _n(onto.class_iri(entity.cls))),
        (node, RDFS_LABEL, ox.Literal(minted.label)),
        (node, _k("mentionedIn"), art),
    ]
    if minted.title is not None:
        triples.append((node, _k("title"), ox.Literal(minted.title)))
    for alias in sorted({entity.label, *entity.aliases} - {minted.label}):
        if not _compound(alias, entity.label):
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
        *rel.qualifiers,
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
    for q in rel.qualifiers:
        triples.append((node, _k("qualifier"), _n(onto.qualifiers[q])))
    if st.article.date:
        triples.append((node, _k("observedOn"), _typed(st.article.date, "date")))
    plain = rel.modality == "asserted" and not set(rel.qualifiers) & onto.withheld
    return StatementQuads(relation=rel, iri=node_iri, direct=(s, p, o), node=triples, plain=plain)


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
    minted = registry.mint(st)
    iris = {e.id: minted[e.id].iri for e in st.entities}
    relations = st.relations + _owner_relations(st, minted)
    return _Prepared(
        st=st,
        graph=_n(graph_iri(base, st.article.id)),
        qgraph=_n(quarantine_graph_iri(base, st.article.id)),
        iris=iris,
        entity_triples={e.id: _entity_triples(e, minted[e.id], art) for e in st.entities},
        article_triples=_article_triples(st, art),
        stmts=[_statement_quads(st, r, iris, base, art) for r in relations],
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
            triples.extend(sq.triples())
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
            q_triples.extend(sq.triples())
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
            and sq.plain
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
