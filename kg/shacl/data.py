"""The data graph as SHACL reads it: triples of pyoxigraph terms indexed by subject,
object and predicate, with the class hierarchy closed (and the RDFS closure a validation
with inference needs)."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

import pyoxigraph as ox

from kg.shacl.terms import RDF_TYPE, SUBCLASS, SUBPROPERTY

if TYPE_CHECKING:
    from kg.shacl.engine import SparqlConstraint

_NONE: dict = {}  # what a node without edges has (never written to)
_NO_NODES: list = []


class Data:
    """Triples indexed for SHACL: out- and in-edges, and the class hierarchy closed.

    The lists objects() and subjects() answer are the index's own: read them, never
    change them."""

    def __init__(self, triples: Iterable[tuple] = ()) -> None:
        self.out: dict = {}
        self.by_predicate: dict = {}
        self.size = 0  # distinct triples
        self.add(triples)
        self._inn: dict | None = None  # in-edges, made when first asked (inverse paths)
        self._supers: dict = {}
        self._classes: dict = {}  # node -> the classes it is an instance of (is_instance)
        self._typed: dict | None = None  # class -> its direct instances, in the data's order
        self._store: ox.Store | None = None  # what the SPARQL-based constraints run on
        self._stored: set = set()  # the predicates whose triples it holds
        self._sparql: dict = {}
        self.memo: dict = {}  # shape name -> value nodes -> results (kg.shacl.engine)

    def add(self, triples: Iterable[tuple]) -> int:
        """Index more triples, after those already indexed (before anything reads the
        data: the in-edges, instances and SPARQL rows are made from it once). Returns how
        many of them were new: a triple indexed again is not repeated."""
        out, by_predicate = self.out, self.by_predicate
        before = self.size
        for s, p, o in triples:
            po = out.setdefault(s, {}).setdefault(p, [])
            if o in po:
                continue
            po.append(o)
            by_predicate.setdefault(p, []).append((s, o))
            self.size += 1
        return self.size - before

    def sparql_rows(self, constraint: SparqlConstraint) -> dict:
        """The solutions of a SPARQL-based constraint's SELECT over the data, grouped by
        their ?this. The query runs on a store of the triples it can match (its `reads`),
        each predicate's triples added when a first query reads them: a batch's triples
        with literal objects (labels, sentences, offsets: some 40% of them, a Quad with a
        literal costing pyoxigraph about three times one without) are mostly read by none."""
        found = self._sparql.get(constraint.query)
        if found is None:
            if self._store is None:
                self._store = ox.Store()
            wanted = [
                p for p in self.by_predicate if p not in self._stored and self._reads(constraint, p)
            ]
            self._stored.update(wanted)
            self._store.extend(
                ox.Quad(s, p, o)
                for p in wanted
                for s, o in self.by_predicate[p]
                if not isinstance(s, ox.Literal)
            )
            found = {}
            for row in self._store.query(constraint.query):
                found.setdefault(row["this"], []).append(row)
            self._sparql[constraint.query] = found
        return found

    def _reads(self, constraint: SparqlConstraint, predicate) -> bool:
        """Whether the constraint's query can match triples of `predicate`."""
        if constraint.reads is None or predicate in constraint.reads:
            return True
        below = constraint.reads_below
        return bool(below) and not below.isdisjoint(self.above(predicate, SUBPROPERTY))

    def objects(self, s, p) -> list:
        return self.out.get(s, _NONE).get(p, _NO_NODES)

    @property
    def inn(self) -> dict:
        """object -> predicate -> subjects, in the data's order."""
        if self._inn is None:
            inn: dict = {}
            for p, pairs in self.by_predicate.items():
                for s, o in pairs:
                    inn.setdefault(o, {}).setdefault(p, []).append(s)
            self._inn = inn
        return self._inn

    def subjects(self, p, o) -> list:
        return self.inn.get(o, _NONE).get(p, _NO_NODES)

    def superclasses(self, cls) -> frozenset:
        """cls and every class above it by rdfs:subClassOf (in the data)."""
        found = self._supers.get(cls)
        if found is None:
            found = self._supers[cls] = self.above(cls, SUBCLASS)
        return found

    def above(self, node, predicate) -> frozenset:
        """node and everything reached from it by following `predicate` (transitively)."""
        seen = {node}
        todo = [node]
        while todo:
            for up in self.objects(todo.pop(), predicate):
                if up not in seen:
                    seen.add(up)
                    todo.append(up)
        return frozenset(seen)

    def is_instance(self, node, cls) -> bool:
        """Whether node is of class cls or of a class below it. A batch asks it of the
        same entity for each statement about it and each alternative of sh:xone: each
        node's classes are gathered once."""
        classes = self._classes.get(node)
        if classes is None:
            types = self.objects(node, RDF_TYPE)
            classes = self._classes[node] = (
                self.superclasses(types[0])
                if len(types) == 1
                else frozenset().union(*(self.superclasses(t) for t in types))
            )
        return cls in classes

    def instances(self, cls) -> list:
        """The nodes of class cls (or of a subclass), in the order of their first rdf:type
        triple."""
        typed = self._typed
        if typed is None:
            typed = self._typed = {}
            for s, t in self.by_predicate.get(RDF_TYPE, _NO_NODES):
                typed.setdefault(t, []).append(s)
        classes = [t for t in typed if cls in self.superclasses(t)]
        if len(classes) == 1:
            return list(dict.fromkeys(typed[classes[0]]))
        wanted = set(classes)
        out = []
        seen = set()
        for s, t in self.by_predicate.get(RDF_TYPE, _NO_NODES):
            if t in wanted and s not in seen:
                seen.add(s)
                out.append(s)
        return out


def rdfs_closure(triples: list[tuple]) -> list[tuple]:
    """The triples with rdfs:subClassOf and rdfs:subPropertyOf applied (RDFS rules 5, 7, 9,
    11), what validation with inference needs of the hierarchy."""
    data = Data(triples)
    out = list(triples)
    seen = set(triples)

    def add(t: tuple) -> None:
        if t not in seen:
            seen.add(t)
            out.append(t)

    supers_p: dict = {}

    def superproperties(p) -> frozenset:
        if p not in supers_p:
            supers_p[p] = data.above(p, SUBPROPERTY)
        return supers_p[p]

    for s, p, o in list(out):
        for up in superproperties(p):
            add((s, up, o))
    data = Data(out)
    for s, p, o in list(out):
        if p == RDF_TYPE:
            for up in data.superclasses(o):
                add((s, RDF_TYPE, up))
    return out
