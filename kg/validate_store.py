"""Validation of a store batch by batch: the report kg.validate gives on the whole graph,
without holding the store (memory follows a batch of graphs and the neighbourhood of its
nodes, not the corpus)."""

from __future__ import annotations

from functools import cache

import rdflib
from rdflib.namespace import RDF

from kg.validate import (
    ENGINES,
    INFERENCE_MODES,
    Report,
    Violation,
    validate_quads,
    validate_triples,
)


def validate_store(
    store, inference: str = "rdfs", engine: str = "kg", batch_size: int = 100
) -> Report:
    """Validate every graph of a pyoxigraph store, merged (what validate_quads gives on all
    its quads), without holding the store: the graphs go batch by batch, sorted by name.

    Each node that is a subject in the store is checked once, in the batch of the first
    graph it is a subject in, with every triple it has in the whole store, the classes of
    the nodes those triples point to, and the statements behind its direct triples (nodes
    with rdf:subject the node and rdf:object one of its values) with all their triples, one
    statement of each kind where several agree on everything the shapes read (_read_through).
    That is what kg's shapes read about a focus node (tests/test_store_reading.py compares
    with validating the whole), so an entity whose articles disagree (two labels, two
    classes) is caught as in the whole graph. A node that is no subject in the store (an
    ontology term such as a modality) is reported by the first batch that finds it.
    Memory follows the batch, and the neighbourhood of its nodes, not the store.

    The triples are validated in sorted order, as from a sorted N-Quads file: where a
    result could name one of several labels or sentences, it names the first in that order
    (a copy of the store in memory named the first in the store's internal order)."""
    import pyoxigraph as ox

    if engine not in ENGINES:
        raise ValueError(f"unknown validation engine {engine!r}")
    if inference not in INFERENCE_MODES:
        raise ValueError(f"unknown inference mode {inference!r}")
    keys = sorted(g.value for g in store.named_graphs())
    if next(iter(store.quads_for_pattern(None, None, None, ox.DefaultGraph())), None):
        keys.insert(0, "")  # the default graph, named "" so that it sorts first
    violations: list[Violation] = []
    others: set[str] = set()  # foci that are no subject in the store, already reported
    total = 0
    for start in range(0, max(len(keys), 1), batch_size):
        batch = keys[start : start + batch_size]
        data, owned, partial, count = _store_batch(store, batch) if batch else ([], set(), set(), 0)
        total += count
        data.sort(key=lambda t: f"{t[0]} {t[1]} {t[2]}")  # the order of the lines of a file
        if engine == "kg":
            report = validate_triples(data, inference=inference)
        else:
            report = validate_quads((ox.Quad(*t) for t in data), inference, engine)
        found: set[str] = set()
        for v in report.violations:
            if v.focus in owned:
                keep = True
            elif v.focus in partial or _is_subject(store, v.focus):
                keep = False  # its batch is the one of its first graph
            else:
                keep = v.focus not in others
                found.add(v.focus)
            if keep:
                violations.append(v)
        others |= found
    violations.sort(key=lambda v: (v.focus, v.path or "", v.value or "", v.message))
    if engine == "kg":
        conforms = not violations
    else:  # pySHACL allows warnings
        conforms = not any(v.severity == "Violation" for v in violations)
    return Report(conforms=conforms, violations=violations, triples=total)


def _graph_term(key: str):
    import pyoxigraph as ox

    return ox.NamedNode(key) if key else ox.DefaultGraph()


def _graph_key(name) -> str:
    import pyoxigraph as ox

    return name.value if isinstance(name, ox.NamedNode) else ""


def _store_batch(store, batch: list[str]) -> tuple[list[tuple], set[str], set[str], int]:
    """The triples to validate a batch of graphs with (see validate_store), the nodes whose
    results the batch reports (its owned subjects), the nodes whose results it must drop
    (subjects of the store whose data it holds only in part), and the number of distinct
    triples of the owned subjects.

    Only the owned subjects bring their whole neighbourhood, so a node named in every
    article costs its neighbourhood once, in the batch of its first graph."""
    import pyoxigraph as ox

    rdf_type = ox.NamedNode(str(RDF.type))
    data: dict[tuple, None] = {}
    subjects: dict = {}
    for key in batch:
        for q in store.quads_for_pattern(None, None, None, _graph_term(key)):
            subjects.setdefault(q.subject)
    owned: dict = {}
    for s in subjects:
        quads = _quads_from(store, s, batch[0])
        if quads is not None:
            owned[s] = quads
    rdf_subject, rdf_object = ox.NamedNode(str(RDF.subject)), ox.NamedNode(str(RDF.object))
    count = 0
    values: dict = {}
    read = _read_through()
    behind: dict = {}  # statement nodes (rdf:subject s, rdf:object one of s's values)
    for s, quads in owned.items():
        count += len({(q.predicate, q.object) for q in quads})
        targets = set()
        for q in quads:
            data.setdefault((q.subject, q.predicate, q.object))
            if not isinstance(q.object, ox.Literal):
                targets.add(q.object)
                values.setdefault(q.object)
        kinds: dict = {}  # what the shapes can read of a statement -> its first statement
        for q in store.quads_for_pattern(None, rdf_subject, s, None):
            x = q.subject
            if x in owned or x in behind:
                continue
            if any(r.object in targets for r in store.quads_for_pattern(x, rdf_object, None)):
                if read is None:
                    behind[x] = None
                    continue
                kind = frozenset(
                    (r.predicate, r.object)
                    for r in store.quads_for_pattern(x, None, None, None)
                    if r.predicate.value in read
                )
                first = kinds.get(kind)
                if first is None or str(x) < str(first):
                    kinds[kind] = x
        behind.update(dict.fromkeys(kinds.values()))
    partial = set()
    for v in values:
        if v not in owned:
            for q in store.quads_for_pattern(v, rdf_type, None, None):
                data.setdefault((q.subject, q.predicate, q.object))
                partial.add(v.value)
    for x in behind:
        partial.add(x.value)
        for q in store.quads_for_pattern(x, None, None, None):
            data.setdefault((q.subject, q.predicate, q.object))
    return list(data), {s.value for s in owned}, partial, count


@cache
def _read_through() -> frozenset[str] | None:
    """Every IRI the shapes' SPARQL constraints name: a node's checks read the statements
    behind it through these only. Of statements that agree on them (the same relation,
    modality and qualifiers, stated in another sentence or article) the checks of the node
    need one, the first in the order of a file (whose sentence a report names): so a node
    named in every article costs its kinds of statements, not its articles. None (keep
    them all) when a constraint reads another node by any property (a variable predicate
    or a negated path), counts or compares solutions (an aggregate, a `!=`), walks a path
    backwards, or when kg's engine cannot compile the shapes (pySHACL then sees every
    statement)."""
    from rdflib.paths import InvPath, NegatedPath, Path
    from rdflib.plugins.sparql import prepareQuery
    from rdflib.plugins.sparql.parserutils import CompValue

    from kg.shacl import Unsupported, compiled_shapes

    try:
        shapes = compiled_shapes()
    except Unsupported:
        return None
    this = rdflib.Variable("this")
    names: set[str] = set()

    def walk(node) -> bool:
        if isinstance(node, rdflib.URIRef):
            names.add(str(node))
        elif isinstance(node, (NegatedPath, InvPath)):
            return False
        elif isinstance(node, Path):
            return all(walk(v) for v in vars(node).values())
        elif isinstance(node, CompValue):
            if node.name.startswith("Aggregate") or node.get("op") == "!=":
                return False
            if node.name == "BGP":
                for s, p, _o in node["triples"]:
                    if isinstance(p, rdflib.Variable) and s != this:
                        return False
            return all(walk(v) for v in node.values())
        elif isinstance(node, (list, tuple, set)):
            return all(walk(v) for v in node)
        return True

    for shape in shapes.by_node.values():
        for constraint in shape.sparql:
            if not walk(prepareQuery(constraint.query).algebra):
                return None
    return frozenset(names)


def _quads_from(store, node, first: str) -> list | None:
    """Every quad of `node` as a subject, or None if one is in a graph sorting before
    `first` (then an earlier batch owns the node)."""
    quads = []
    for q in store.quads_for_pattern(node, None, None, None):
        if _graph_key(q.graph_name) < first:
            return None
        quads.append(q)
    return quads


def _is_subject(store, focus: str) -> bool:
    import pyoxigraph as ox

    for make in (ox.NamedNode, ox.BlankNode):
        try:
            node = make(focus)
        except ValueError:
            continue
        if next(iter(store.quads_for_pattern(node, None, None, None)), None) is not None:
            return True
    return False
