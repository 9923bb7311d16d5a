"""Validation of a built batch and its quarantine: what violates the shapes leaves the
article's graph for its quarantine graph, each statement with the messages it violated.

The batch's triples (kg.construct) are validated in one run of kg's SHACL engine (the
results pySHACL gives); each violation is assigned to the statements and entities it is
about (`assign`), those are taken out, and the rest is validated again until it conforms.
Each article graph repeats the triples of the entities it mentions, so the batch alone is
what is checked, however large the store it goes to.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

import pyoxigraph as ox

from kg.construct import PreparedArticle, in_graph, main_triples
from kg.graphs import ArticleGraph, StatementQuads
from kg.ontology import KGO, load_ontology
from kg.validate import Violation, validate_quads, validate_triples

__all__ = ["Verdict", "assign", "quarantine_batch", "split", "split_triples", "validate_batch"]

ROUNDS = 3  # validate, take out what violated, validate the rest: at most this often


@dataclass
class Verdict:
    """What the validation of a batch found: the statements and entities (by IRI) to
    quarantine, each with the messages it violated, and the violations per article (by
    its position in the batch)."""

    statements: dict[str, list[str]] = field(default_factory=dict)
    entities: dict[str, list[str]] = field(default_factory=dict)
    found: dict[int, list[Violation]] = field(default_factory=dict)


def validate_batch(
    prepared: Sequence[PreparedArticle], inference: str = "none", engine: str = "kg"
) -> Verdict:
    """Validate the articles of a batch together, then again without what violated, until
    the rest conforms (at most ROUNDS runs)."""
    verdict = Verdict()
    bad_statements, bad_entities, found = verdict.statements, verdict.entities, verdict.found
    owner = {sq.iri: i for i, p in enumerate(prepared) for sq in p.stmts}
    mentioned: dict[str, set[int]] = {}
    for i, p in enumerate(prepared):
        for iri in p.iris.values():
            mentioned.setdefault(iri, set()).add(i)
    for _round in range(ROUNDS):
        triples = [t for p in prepared for t in main_triples(p, bad_statements, bad_entities)]
        if engine == "kg":
            report = validate_triples(triples, inference=inference)
        else:  # the reference, pySHACL (benchmarks/validate.py compares the two)
            report = validate_quads(
                (ox.Quad(*t) for t in triples), inference=inference, engine=engine
            )
        if report.conforms:
            break
        good = [sq for p in prepared for sq in p.stmts if sq.iri not in bad_statements]
        for v, hits in assign(
            report.violations, good, set(mentioned), bad_statements, bad_entities
        ):
            articles = {owner[sq.iri] for sq in hits} | mentioned.get(v.focus, set())
            for i in articles:
                found.setdefault(i, []).append(v)
    return verdict


def split(p: PreparedArticle, verdict: Verdict, index: int) -> ArticleGraph:
    """The article's graph without what the verdict quarantines, and its quarantine graph:
    the quarantined statements (each with a kgo:violation message) and entities. `index` is
    the article's position in the validated batch."""
    result, main, quarantine = split_triples(p, verdict, index)
    result.main = in_graph(main, p.graph)
    result.quarantine = in_graph(quarantine, p.qgraph)
    return result


def split_triples(
    p: PreparedArticle, verdict: Verdict, index: int
) -> tuple[ArticleGraph, list[tuple], list[tuple]]:
    """split() without its quads: the article's numbers and violations (ArticleGraph, its
    quad lists empty), the triples of its graph and those of its quarantine graph."""
    bad_statements, bad_entities = verdict.statements, verdict.entities
    ids = {sq.iri for sq in p.stmts}
    quarantined = len(ids & set(bad_statements))
    result = ArticleGraph(
        article_id=p.st.article.id,
        graph=p.graph.value,
        quarantine_graph=p.qgraph.value,
        entities=sum(p.iris[e.id] not in bad_entities for e in p.st.entities),
        relations=len(ids) - quarantined,
        quarantined=quarantined,
        violations=verdict.found.get(index, []),
    )
    violation = ox.NamedNode(str(KGO) + "violation")
    q_triples: list[tuple] = []
    for sq in p.stmts:
        if sq.iri in bad_statements:
            q_triples.extend(sq.triples())
            for message in sorted(set(bad_statements[sq.iri])):
                q_triples.append((ox.NamedNode(sq.iri), violation, ox.Literal(message)))
    for e in p.st.entities:
        if p.iris[e.id] in bad_entities:
            q_triples.extend(p.entity_triples[e.id])
    return result, main_triples(p, bad_statements, bad_entities), q_triples


def quarantine_batch(
    prepared: Sequence[PreparedArticle], inference: str = "none", engine: str = "kg"
) -> list[ArticleGraph]:
    """Validate a batch and split each of its articles (in the batch's order)."""
    verdict = validate_batch(prepared, inference, engine)
    return [split(p, verdict, i) for i, p in enumerate(prepared)]


def assign(
    violations: Sequence[Violation],
    statements: Sequence[StatementQuads],
    entity_iris: set[str],
    bad_statements: dict[str, list[str]],
    bad_entities: dict[str, list[str]],
) -> list[tuple[Violation, list[StatementQuads]]]:
    """Find the statements (and entities) each violation is about; add them, with the
    violation's message, to bad_statements and bad_entities."""
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
