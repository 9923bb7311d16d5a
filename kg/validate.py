"""Validation of a graph against the SHACL shapes: kg's own SHACL engine (kg.shacl, the
default) or pySHACL (the reference), and the report a reader reads.

A store too large to hold is validated batch by batch by kg.validate_store."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cache

import rdflib
from rdflib.namespace import RDF, RDFS

from kg.ontology import KGO, PREFIXES, SH, hierarchy_graph, load_shapes

INFERENCE_MODES = ("rdfs", "none")
ENGINES = ("kg", "pyshacl")


@dataclass(frozen=True)
class Violation:
    """One SHACL result, with what a reader needs to find the fault."""

    focus: str
    focus_label: str | None
    path: str | None
    value: str | None
    message: str
    severity: str
    source_shape: str | None
    sentence: str | None = None


@dataclass
class Report:
    conforms: bool
    violations: list[Violation] = field(default_factory=list)
    triples: int = 0


def compact(iri: str | None) -> str | None:
    """An IRI with kg's prefixes (kg.prefixes.compact_iri), None for None."""
    from kg.prefixes import compact_iri

    return None if iri is None else compact_iri(iri, PREFIXES)


def _sentence_for(data: rdflib.Graph, focus, path, value) -> str | None:
    if (focus, RDF.type, KGO.Statement) in data:
        s = data.value(focus, KGO.sentence)
        return str(s) if s is not None else None
    if path is None or value is None:
        return None
    for st in data.subjects(RDF.subject, focus):
        if (st, RDF.predicate, path) in data and (st, RDF.object, value) in data:
            s = data.value(st, KGO.sentence)
            if s is not None:
                return str(s)
    return None


def validate_graph(data: rdflib.Graph, inference: str = "rdfs") -> Report:
    """Validate `data` against shapes.ttl with the ontology mixed in.

    With inference "rdfs" the class and property hierarchy is materialised first (a
    Country is an Actor; leads implies worksFor); domain and range are left to the shapes.
    """
    from pyshacl import validate as shacl_validate  # the reference; loaded only when asked

    if inference not in INFERENCE_MODES:
        raise ValueError(f"unknown inference mode {inference!r}")
    conforms, results, _text = shacl_validate(
        data,
        shacl_graph=load_shapes(),
        ont_graph=hierarchy_graph(),
        inference=inference,
        abort_on_first=False,
        allow_warnings=True,
        meta_shacl=False,
        advanced=False,
        debug=False,
    )
    violations: list[Violation] = []
    for result in results.subjects(RDF.type, SH.ValidationResult):
        focus = results.value(result, SH.focusNode)
        path = results.value(result, SH.resultPath)
        value = results.value(result, SH.value)
        message = results.value(result, SH.resultMessage)
        severity = results.value(result, SH.resultSeverity)
        shape = results.value(result, SH.sourceShape)
        label = data.value(focus, RDFS.label)
        violations.append(
            Violation(
                focus=str(focus),
                focus_label=str(label) if label is not None else None,
                path=str(path) if isinstance(path, rdflib.URIRef) else None,
                value=str(value) if value is not None else None,
                message=str(message) if message is not None else "constraint violated",
                severity=str(severity).removeprefix(str(SH)) if severity else "Violation",
                source_shape=str(shape) if shape is not None else None,
                sentence=_sentence_for(data, focus, path, value),
            )
        )
    violations.sort(key=lambda v: (v.focus, v.path or "", v.value or "", v.message))
    return Report(conforms=bool(conforms), violations=violations, triples=len(data))


@cache
def hierarchy_triples() -> tuple:
    """hierarchy_graph() as pyoxigraph triples, what the kg engine mixes into the data."""
    import pyoxigraph as ox

    data = hierarchy_graph().serialize(format="nt", encoding="utf-8")
    return tuple(
        (t.subject, t.predicate, t.object) for t in ox.parse(data, format=ox.RdfFormat.N_TRIPLES)
    )


def validate_triples(triples: Iterable[tuple], inference: str = "rdfs") -> Report:
    """Validate (s, p, o) pyoxigraph triples against shapes.ttl with kg's SHACL engine: the
    same results as validate_graph (pySHACL) on the same data, without converting it to
    rdflib. Shapes it cannot run fall back to pySHACL."""
    from kg import shacl

    if inference not in INFERENCE_MODES:
        raise ValueError(f"unknown inference mode {inference!r}")
    data = triples if isinstance(triples, list) else list(triples)
    try:
        shapes = shacl.compiled_shapes()
    except shacl.Unsupported:
        import pyoxigraph as ox

        from kg.rdfio import to_rdflib_graph

        return validate_graph(
            to_rdflib_graph(ox.Quad(s, p, o) for s, p, o in data), inference=inference
        )
    if inference == "rdfs":
        data = list(dict.fromkeys(data))
        index = shacl.Data(shacl.rdfs_closure(data + list(hierarchy_triples())))
        checked = len(data)
    else:
        # the data, then the hierarchy after it (as one list of both, without making it):
        # indexing drops a repeated triple, and counts the data's distinct ones
        index = shacl.Data(data)
        checked = index.size
        index.add(hierarchy_triples())
    results = shacl.validate_index(index, shapes)
    label_p = shacl.to_ox(RDFS.label)
    violations = []
    # the data's own triples, without the hierarchy: read only to report violations
    present = set(data) if results else set()
    for r in results:
        labels = [x for x in index.objects(r.focus, label_p) if (r.focus, label_p, x) in present]
        path = r.path if isinstance(r.path, rdflib.URIRef) else None
        violations.append(
            Violation(
                focus=r.focus.value,
                focus_label=labels[0].value if labels else None,
                path=str(path) if path is not None else None,
                value=r.value.value if r.value is not None else None,
                message=r.messages[0] if r.messages else _generic(r),
                severity=r.severity,
                source_shape=r.source_shape,
                sentence=_sentence_in(index, present, r.focus, path, r.value),
            )
        )
    violations.sort(key=lambda v: (v.focus, v.path or "", v.value or "", v.message))
    return Report(conforms=not violations, violations=violations, triples=checked)


def _generic(result) -> str:
    name = result.component.rsplit("#", 1)[-1].removesuffix("ConstraintComponent")
    return f"{name} constraint violated"


def _sentence_in(index, present: set, focus, path, value) -> str | None:
    """The evidence sentence of a result, read from the data (not the ontology)."""
    from kg import shacl

    statement = shacl.to_ox(KGO.Statement)
    sentence = shacl.to_ox(KGO.sentence)
    if (focus, shacl.RDF_TYPE, statement) in present:
        found = [x for x in index.objects(focus, sentence) if (focus, sentence, x) in present]
        return found[0].value if found else None
    if path is None or value is None:
        return None
    pred, subj, obj = (shacl.to_ox(x) for x in (RDF.predicate, RDF.subject, RDF.object))
    p = shacl.to_ox(path)
    for st in index.subjects(subj, focus):
        if p in index.objects(st, pred) and value in index.objects(st, obj):
            found = index.objects(st, sentence)
            if found:
                return found[0].value
    return None


def validate_quads(quads: Iterable, inference: str = "rdfs", engine: str = "kg") -> Report:
    """Validate pyoxigraph quads (their graphs merged) with kg's engine or pySHACL."""
    if engine not in ENGINES:
        raise ValueError(f"unknown validation engine {engine!r}")
    if engine == "pyshacl":
        from kg.rdfio import to_rdflib_graph

        return validate_graph(to_rdflib_graph(quads), inference=inference)
    return validate_triples(((q.subject, q.predicate, q.object) for q in quads), inference)


def format_report(report: Report) -> str:
    """A readable report: one block per violation."""
    lines = []
    for v in report.violations:
        who = f"{v.focus_label} <{v.focus}>" if v.focus_label else f"<{v.focus}>"
        lines.append(f"{v.severity}: {who}")
        if v.path:
            lines.append(f"  path:     {compact(v.path)}")
        if v.value:
            lines.append(f"  value:    {compact(v.value)}")
        lines.append(f"  message:  {v.message}")
        if v.sentence:
            lines.append(f"  sentence: {v.sentence}")
    verdict = "conforms" if report.conforms else "does not conform"
    lines.append(
        f"{report.triples} triples checked: {verdict}, {len(report.violations)} violation(s)."
    )
    return "\n".join(lines)
