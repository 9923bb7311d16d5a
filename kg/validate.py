"""Validation of instance data against the SHACL shapes with pySHACL."""

from __future__ import annotations

from dataclasses import dataclass, field

import rdflib
from pyshacl import validate as shacl_validate
from rdflib.namespace import RDF, RDFS

from kg.ontology import KGO, PREFIXES, SH, hierarchy_graph, load_shapes

INFERENCE_MODES = ("rdfs", "none")


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
    if iri is None:
        return None
    for prefix, ns in PREFIXES.items():
        if iri.startswith(ns) and iri != ns:
            return f"{prefix}:{iri[len(ns) :]}"
    return iri


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
                severity=compact(str(severity)).removeprefix("sh:") if severity else "Violation",
                source_shape=str(shape) if shape is not None else None,
                sentence=_sentence_for(data, focus, path, value),
            )
        )
    violations.sort(key=lambda v: (v.focus, v.path or "", v.value or "", v.message))
    return Report(conforms=bool(conforms), violations=violations, triples=len(data))


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
