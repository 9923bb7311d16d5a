"""Running compiled shapes: a shape's checks, SPARQL-based constraints and property shapes on
each focus node of its targets, reported as pySHACL reports them."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

import pyoxigraph as ox
import rdflib

from kg.shacl.data import Data
from kg.shacl.terms import SH_NS
from kg.shacl.values import Check

if TYPE_CHECKING:
    from kg.shacl.compile import Shapes


@dataclass(frozen=True)
class Result:
    """One validation result, as pySHACL reports it."""

    focus: ox.NamedNode | ox.BlankNode | ox.Literal
    path: object | None  # a predicate IRI, or the rdflib node of a complex path
    value: ox.NamedNode | ox.BlankNode | ox.Literal | None
    source_shape: str
    component: str
    severity: str
    messages: tuple[str, ...]


@dataclass(frozen=True)
class SparqlConstraint:
    """A SPARQL-based constraint: its SELECT with $this made a free ?this, and prefixes.

    `reads` and `reads_below` (shapes.ttl's kgs:reads, kgs:readsBelow) are the predicates
    whose triples the query can match, and those it matches through rdfs:subPropertyOf*;
    `reads` None: any triple (kg.shacl.data.Data.sparql_rows)."""

    query: str
    messages: tuple[str, ...]
    reads: frozenset | None = None
    reads_below: frozenset = frozenset()


@dataclass
class Shape:
    node: rdflib.term.Node
    name: str
    path: Callable | None = None
    path_node: object | None = None
    severity: str = "Violation"
    messages: tuple[str, ...] = ()
    deactivated: bool = False
    checks: list[Check] = field(default_factory=list)
    properties: list[Shape] = field(default_factory=list)
    targets: list[Callable[[Data], list]] = field(default_factory=list)
    sparql: list[SparqlConstraint] = field(default_factory=list)
    # a property shape whose checks read its value nodes only (no sh:equals, sh:lessThan...,
    # no SPARQL, no property shapes): its results for equal value nodes are equal
    by_values: bool = False

    def value_nodes(self, data: Data, focus) -> list:
        return self.path(data, focus) if self.path is not None else [focus]

    def validate(self, data: Data, focus, out: list[Result] | None) -> bool:
        """Check `focus`; append results to `out` (None: stop at the first)."""
        if self.deactivated:
            return True
        values = self.value_nodes(data, focus)
        if self.by_values:  # checked once per batch for each list of value nodes
            memo = data.memo.get(self.name)
            if memo is None:
                memo = data.memo[self.name] = {}
            key = tuple(values)
            hits = memo.get(key)
            if hits is None:
                hits = memo[key] = [
                    hit for check in self.checks for hit in check(data, focus, values)
                ]
            if hits and out is not None:
                out.extend(self._result(focus, value, component) for value, component in hits)
            return not hits
        ok = True
        for check in self.checks:
            for value, component in check(data, focus, values):
                ok = False
                if out is None:
                    return False
                out.append(self._result(focus, value, component))
        for constraint in self.sparql:
            for row in data.sparql_rows(constraint).get(focus, []):
                ok = False
                if out is None:
                    return False
                path, value = row["path"], row["value"]
                out.append(
                    Result(
                        focus=focus,
                        path=rdflib.URIRef(path.value) if path is not None else self.path_node,
                        value=value if value is not None else focus,
                        source_shape=self.name,
                        component=SH_NS + "SPARQLConstraintComponent",
                        severity=self.severity,
                        messages=constraint.messages or self.messages,
                    )
                )
        for prop in self.properties:
            if not prop.validate(data, focus, out):
                ok = False
                if out is None:
                    return False
        return ok

    def _result(self, focus, value, component: str) -> Result:
        return Result(
            focus=focus,
            path=self.path_node,
            value=value,
            source_shape=self.name,
            component=SH_NS + component,
            severity=self.severity,
            messages=self.messages,
        )

    def conforms(self, data: Data, node) -> bool:
        return self.validate(data, node, None)


def validate(triples: Iterable[tuple], shapes: Shapes) -> list[Result]:
    """Every result of checking `triples` (s, p, o of pyoxigraph terms) against `shapes`."""
    return validate_index(Data(triples), shapes)


def validate_index(data: Data, shapes: Shapes) -> list[Result]:
    """Every result of checking indexed data against `shapes`."""
    out: list[Result] = []
    for shape in shapes.roots:
        if shape.deactivated or not shape.targets:
            continue
        focus: list = []
        seen = set()
        for target in shape.targets:
            for node in target(data):
                if node not in seen:
                    seen.add(node)
                    focus.append(node)
        for node in focus:
            shape.validate(data, node, out)
    return out
