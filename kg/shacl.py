"""A SHACL Core engine over pyoxigraph terms: the build's fast validator.

pySHACL is the reference (`kg validate --engine pyshacl`); this engine reads the same
shapes.ttl, compiles each shape once into a plan, and checks data held as pyoxigraph triples
without converting them to rdflib. It reports the results pySHACL reports (focus node, path,
value, source shape, constraint component, severity, message); the differential test
(tests/test_shacl_differential.py) holds it to that on generated broken graphs.

SPARQL-based constraints (sh:sparql SELECTs) run on pyoxigraph, once over the whole data with
$this free, their rows then read per focus node. Shapes that use a feature it lacks (SPARQL
targets, for one) raise `Unsupported` when compiled, and kg.validate falls back to pySHACL.
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from decimal import Decimal
from functools import cache, lru_cache

import pyoxigraph as ox
import rdflib
from rdflib.namespace import RDF, RDFS, XSD

from kg.errors import KgError

SH_NS = "http://www.w3.org/ns/shacl#"
SH = rdflib.Namespace(SH_NS)
RDF_TYPE = ox.NamedNode(str(RDF.type))
SUBCLASS = ox.NamedNode(str(RDFS.subClassOf))
SUBPROPERTY = ox.NamedNode(str(RDFS.subPropertyOf))
XSD_STRING = ox.NamedNode(str(XSD.string))
LANG_STRING = ox.NamedNode(str(RDF.langString))


class Unsupported(KgError):
    """The shapes use a SHACL feature this engine does not implement."""


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


# -- the data -----------------------------------------------------------------------------


class Data:
    """Triples indexed for SHACL: out- and in-edges, and the class hierarchy closed."""

    def __init__(self, triples: Iterable[tuple]) -> None:
        self.out: dict = {}
        self.inn: dict = {}
        self.by_predicate: dict = {}
        for s, p, o in triples:
            po = self.out.setdefault(s, {}).setdefault(p, [])
            if o in po:
                continue
            po.append(o)
            self.inn.setdefault(o, {}).setdefault(p, []).append(s)
            self.by_predicate.setdefault(p, []).append((s, o))
        self._supers: dict = {}
        self._store: ox.Store | None = None
        self._sparql: dict = {}

    def sparql_rows(self, query: str) -> dict:
        """The solutions of a SELECT over the data, grouped by their ?this."""
        found = self._sparql.get(query)
        if found is None:
            if self._store is None:
                self._store = ox.Store()
                self._store.extend(
                    ox.Quad(s, p, o)
                    for p, pairs in self.by_predicate.items()
                    for s, o in pairs
                    if not isinstance(s, ox.Literal)
                )
            found = {}
            for row in self._store.query(query):
                found.setdefault(row["this"], []).append(row)
            self._sparql[query] = found
        return found

    def objects(self, s, p) -> list:
        return self.out.get(s, {}).get(p, [])

    def subjects(self, p, o) -> list:
        return self.inn.get(o, {}).get(p, [])

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
        return any(cls in self.superclasses(t) for t in self.objects(node, RDF_TYPE))

    def instances(self, cls) -> list:
        out = []
        seen = set()
        for s, t in self.by_predicate.get(RDF_TYPE, []):
            if s not in seen and cls in self.superclasses(t):
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


# -- terms --------------------------------------------------------------------------------


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


def _datatype_ok(term, dt: ox.NamedNode) -> bool:
    """pySHACL's sh:datatype: the datatype matches and the lexical form is valid (by
    rdflib's reading of it). A string matches its datatype as it is: every lexical form
    is valid (pySHACL asks only that rdflib reads a str), and a corpus's strings (its
    sentences) would fill the caches of the other literals."""
    if not isinstance(term, ox.Literal):
        return False
    if dt in (XSD_STRING, LANG_STRING):
        return dt == (LANG_STRING if term.language else term.datatype)
    return _typed_ok(term, dt)


# The Python type rdflib must read a literal's lexical form as, for sh:datatype, as pySHACL
# asks it (DatatypeConstraintComponent._assert_actual_datatype); any other datatype passes.
# Written out rather than imported: importing pySHACL costs a build 0.12-0.18 s of CPU (in
# each `--jobs` worker that builds a batch), and the differential test holds the two equal.
_VALUE_TYPES: dict[str, type | tuple[type, ...]] = {
    str(XSD.string): (str, bytes),
    str(RDF.langString): (str, bytes),
    str(XSD.integer): int,
    str(XSD.float): float,
    str(XSD.decimal): Decimal,
    str(XSD.boolean): bool,
    str(XSD.date): datetime.date,
    str(XSD.time): datetime.time,
    str(XSD.dateTime): datetime.datetime,
}
# values pySHACL compares by value rather than as literals (pyshacl.rdfutil.compare)
_COMPARED_BY_VALUE = (datetime.datetime, datetime.time)


@lru_cache(maxsize=1 << 14)
def _typed_ok(term: ox.Literal, dt: ox.NamedNode) -> bool:
    """_datatype_ok of a literal that is not a string, cached: a corpus repeats its typed
    literals (dates, offsets, confidences)."""
    if dt.value == str(RDFS.Literal):
        return True
    actual = LANG_STRING if term.language else term.datatype
    if dt.value == str(RDFS.Datatype):
        return to_rdflib(term).datatype is not None
    if actual != dt:
        return False
    lit = to_rdflib(term)
    if getattr(lit, "ill_typed", None) is True:
        return False
    wanted = _VALUE_TYPES.get(dt.value)
    return wanted is None or isinstance(lit.value, wanted)


def _compare_literals(a: rdflib.Literal, b: rdflib.Literal) -> int:
    """pySHACL's compare_literal: 0 equal, 1 greater, else -1 (raises TypeError or
    NotImplementedError when the two do not compare)."""
    if a.eq(b):
        return 0
    if a.value.__class__ in _COMPARED_BY_VALUE:
        if a.value == b.value:
            return 0
        if a.value > b.value:
            return 1
    elif a > b:
        return 1
    return -1


@lru_cache(maxsize=1 << 14)
def _compare(v, bound: rdflib.Literal) -> int | None:
    """pySHACL's literal comparison: -1, 0, 1, or None when not comparable (cached, as
    _datatype_ok)."""
    if not isinstance(v, ox.Literal):
        return None
    lit = to_rdflib(v)
    if isinstance(lit.value, str) != isinstance(bound.value, str):
        return None
    try:
        return _compare_literals(lit, bound)
    except (TypeError, NotImplementedError):
        return None


def _node_kind_ok(term, kind: str) -> bool:
    blank = isinstance(term, ox.BlankNode)
    iri = isinstance(term, ox.NamedNode)
    literal = isinstance(term, ox.Literal)
    return {
        "BlankNode": blank,
        "IRI": iri,
        "Literal": literal,
        "BlankNodeOrIRI": blank or iri,
        "BlankNodeOrLiteral": blank or literal,
        "IRIOrLiteral": iri or literal,
    }[kind]


def _string_of(term) -> str | None:
    if isinstance(term, ox.BlankNode):
        return None
    return term.value


# -- paths --------------------------------------------------------------------------------


def _compile_path(g: rdflib.Graph, node) -> Callable[[Data, object], list]:
    if isinstance(node, rdflib.URIRef):
        pred = ox.NamedNode(str(node))
        return lambda data, f: list(data.objects(f, pred))
    inverse = g.value(node, SH.inversePath)
    if inverse is not None:
        inner = _compile_path(g, inverse)
        if isinstance(inverse, rdflib.URIRef):
            pred = ox.NamedNode(str(inverse))
            return lambda data, f: list(data.subjects(pred, f))
        raise Unsupported("an inverse of a complex path")
    alternative = g.value(node, SH.alternativePath)
    if alternative is not None:
        parts = [_compile_path(g, p) for p in rdflib.collection.Collection(g, alternative)]

        def alt(data: Data, f) -> list:
            out: list = []
            for part in parts:
                for v in part(data, f):
                    if v not in out:
                        out.append(v)
            return out

        return alt
    for key, low, many in (
        (SH.zeroOrMorePath, 0, True),
        (SH.oneOrMorePath, 1, True),
        (SH.zeroOrOnePath, 0, False),
    ):
        target = g.value(node, key)
        if target is not None:
            inner = _compile_path(g, target)

            def repeat(data: Data, f, inner=inner, low=low, many=many) -> list:
                out = [f] if low == 0 else []
                frontier = [f]
                seen = {f}
                while frontier:
                    nxt = []
                    for x in frontier:
                        for v in inner(data, x):
                            if v not in out:
                                out.append(v)
                            if many and v not in seen:
                                seen.add(v)
                                nxt.append(v)
                    frontier = nxt
                return out

            return repeat
    if (node, RDF.first, None) in g:
        steps = [_compile_path(g, p) for p in rdflib.collection.Collection(g, node)]

        def sequence(data: Data, f) -> list:
            current = [f]
            for step in steps:
                nxt: list = []
                for x in current:
                    for v in step(data, x):
                        if v not in nxt:
                            nxt.append(v)
                current = nxt
            return current

        return sequence
    raise Unsupported(f"the path {node!r}")


# -- shapes -------------------------------------------------------------------------------

# A check takes (data, focus, value nodes) and returns [(value or None, component)].
Check = Callable[[Data, object, list], list]


@dataclass(frozen=True)
class SparqlConstraint:
    """A SPARQL-based constraint: its SELECT with $this made a free ?this, and prefixes."""

    query: str
    messages: tuple[str, ...]


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

    def value_nodes(self, data: Data, focus) -> list:
        return self.path(data, focus) if self.path is not None else [focus]

    def validate(self, data: Data, focus, out: list[Result] | None) -> bool:
        """Check `focus`; append results to `out` (None: stop at the first)."""
        if self.deactivated:
            return True
        values = self.value_nodes(data, focus)
        ok = True
        for check in self.checks:
            for value, component in check(data, focus, values):
                ok = False
                if out is None:
                    return False
                out.append(
                    Result(
                        focus=focus,
                        path=self.path_node,
                        value=value,
                        source_shape=self.name,
                        component=SH_NS + component,
                        severity=self.severity,
                        messages=self.messages,
                    )
                )
        for constraint in self.sparql:
            for row in data.sparql_rows(constraint.query).get(focus, []):
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

    def conforms(self, data: Data, node) -> bool:
        return self.validate(data, node, None)


class Shapes:
    """shapes.ttl compiled: every shape's targets, constraints and property shapes."""

    def __init__(self, g: rdflib.Graph) -> None:
        self.g = g
        self.by_node: dict = {}
        roots = set()
        for kind in (SH.NodeShape, SH.PropertyShape):
            roots.update(g.subjects(RDF.type, kind))
        for key in (SH.targetClass, SH.targetNode, SH.targetSubjectsOf, SH.targetObjectsOf):
            roots.update(g.subjects(key, None))
        for s in g.subjects(RDF.type, RDFS.Class):
            if (s, RDF.type, SH.NodeShape) in g or (s, RDF.type, SH.PropertyShape) in g:
                roots.add(s)
        if (None, SH.target, None) in g:
            raise Unsupported("SPARQL-based targets")
        self.roots = [self.shape(n) for n in sorted(roots, key=str)]

    def shape(self, node) -> Shape:
        found = self.by_node.get(node)
        if found is not None:
            return found
        g = self.g
        path_node = g.value(node, SH.path)
        shape = Shape(node=node, name=str(node))
        self.by_node[node] = shape  # before compiling: shapes may refer to themselves
        if path_node is not None:
            shape.path = _compile_path(g, path_node)
            shape.path_node = path_node
        severity = g.value(node, SH.severity)
        if severity is not None:
            shape.severity = str(severity).removeprefix(SH_NS)
        shape.messages = tuple(str(m) for m in g.objects(node, SH.message))
        shape.deactivated = str(g.value(node, SH.deactivated)) == "true"
        shape.targets = self._targets(node)
        shape.checks = self._checks(node, shape)
        shape.sparql = [self._sparql(c) for c in sorted(g.objects(node, SH.sparql), key=str)]
        shape.properties = [self.shape(p) for p in sorted(g.objects(node, SH.property), key=str)]
        return shape

    def _targets(self, node) -> list:
        g = self.g
        out: list = []
        for cls in g.objects(node, SH.targetClass):
            c = to_ox(cls)
            out.append(lambda data, c=c: data.instances(c))
        if (node, RDF.type, RDFS.Class) in g:
            c = to_ox(node)
            out.append(lambda data, c=c: data.instances(c))
        for n in g.objects(node, SH.targetNode):
            t = to_ox(n)
            out.append(lambda data, t=t: [t])
        for p in g.objects(node, SH.targetSubjectsOf):
            pp = to_ox(p)
            out.append(lambda data, pp=pp: [s for s, _o in data.by_predicate.get(pp, [])])
        for p in g.objects(node, SH.targetObjectsOf):
            pp = to_ox(p)
            out.append(lambda data, pp=pp: [o for _s, o in data.by_predicate.get(pp, [])])
        return out

    def _sparql(self, node) -> SparqlConstraint:
        g = self.g
        if str(g.value(node, SH.deactivated)) == "true":
            raise Unsupported("a deactivated SPARQL-based constraint")
        select = g.value(node, SH.select)
        if select is None:
            raise Unsupported("a SPARQL-based constraint without sh:select")
        header = "".join(
            f"PREFIX {g.value(d, SH.prefix)}: <{g.value(d, SH.namespace)}>\n"
            for owner in g.objects(node, SH.prefixes)
            for d in sorted(g.objects(owner, SH.declare), key=str)
        )
        if re.search(r"[?$]this\b", str(select).replace("$this", "")):
            raise Unsupported("a SPARQL-based constraint that uses ?this")
        query = header + re.sub(r"\$this\b", "?this", str(select))
        return SparqlConstraint(query, tuple(str(m) for m in g.objects(node, SH.message)))

    def _list(self, node) -> list:
        return list(rdflib.collection.Collection(self.g, node))

    def _checks(self, node, shape: Shape) -> list[Check]:
        g = self.g
        checks: list[Check] = []
        known = {
            SH.path, SH.severity, SH.message, SH.deactivated, SH.property, SH.name,
            SH.description, SH.order, SH.group, SH.defaultValue, SH.targetClass, SH.targetNode,
            SH.targetSubjectsOf, SH.targetObjectsOf, SH.flags, SH.ignoredProperties,
            SH.qualifiedMinCount, SH.qualifiedMaxCount, SH.qualifiedValueShapesDisjoint,
            SH.sparql, RDF.type, RDFS.label, RDFS.comment, RDFS.subClassOf,
        }  # fmt: skip
        for pred in set(g.predicates(node, None)):
            if str(pred).startswith(SH_NS) and pred not in known and pred not in _COMPONENTS:
                raise Unsupported(f"the SHACL parameter {pred}")

        def per_value(test: Callable[[Data, object], bool], component: str) -> Check:
            def check(data: Data, focus, values: list) -> list:
                return [(v, component) for v in values if not test(data, v)]

            return check

        for cls in g.objects(node, SH["class"]):
            c = to_ox(cls)
            checks.append(
                per_value(lambda d, v, c=c: d.is_instance(v, c), "ClassConstraintComponent")
            )
        for dt in g.objects(node, SH.datatype):
            t = to_ox(dt)
            checks.append(
                per_value(lambda d, v, t=t: _datatype_ok(v, t), "DatatypeConstraintComponent")
            )
        for kind in g.objects(node, SH.nodeKind):
            k = str(kind).removeprefix(SH_NS)
            checks.append(
                per_value(lambda d, v, k=k: _node_kind_ok(v, k), "NodeKindConstraintComponent")
            )
        for n in g.objects(node, SH.minCount):
            low = int(n)
            checks.append(
                lambda d, f, vs, low=low: (
                    [] if len(vs) >= low else [(None, "MinCountConstraintComponent")]
                )
            )
        for n in g.objects(node, SH.maxCount):
            high = int(n)
            checks.append(
                lambda d, f, vs, high=high: (
                    [] if len(vs) <= high else [(None, "MaxCountConstraintComponent")]
                )
            )
        for key, component, accept in (
            (SH.minInclusive, "MinInclusiveConstraintComponent", lambda c: c >= 0),
            (SH.minExclusive, "MinExclusiveConstraintComponent", lambda c: c > 0),
            (SH.maxInclusive, "MaxInclusiveConstraintComponent", lambda c: c <= 0),
            (SH.maxExclusive, "MaxExclusiveConstraintComponent", lambda c: c < 0),
        ):
            for bound in g.objects(node, key):

                def test(d, v, bound=bound, accept=accept) -> bool:
                    c = _compare(v, bound)
                    return c is not None and accept(c)

                checks.append(per_value(test, component))
        for n in g.objects(node, SH.minLength):
            low = int(n)
            checks.append(
                per_value(
                    lambda d, v, low=low: (s := _string_of(v)) is not None and len(s) >= low,
                    "MinLengthConstraintComponent",
                )
            )
        for n in g.objects(node, SH.maxLength):
            high = int(n)
            checks.append(
                per_value(
                    lambda d, v, high=high: (s := _string_of(v)) is not None and len(s) <= high,
                    "MaxLengthConstraintComponent",
                )
            )
        for pattern in g.objects(node, SH.pattern):
            flags = str(g.value(node, SH.flags) or "")
            rx = re.compile(str(pattern), _regex_flags(flags))
            checks.append(
                per_value(
                    lambda d, v, rx=rx: (
                        (s := _string_of(v)) is not None and rx.search(s) is not None
                    ),
                    "PatternConstraintComponent",
                )
            )
        for values in g.objects(node, SH["in"]):
            allowed = [to_ox(x) for x in self._list(values)]
            checks.append(
                per_value(lambda d, v, allowed=allowed: v in allowed, "InConstraintComponent")
            )
        for value in g.objects(node, SH.hasValue):
            want = to_ox(value)
            checks.append(
                lambda d, f, vs, want=want: (
                    [] if want in vs else [(None, "HasValueConstraintComponent")]
                )
            )
        for langs in g.objects(node, SH.languageIn):
            wanted = [str(x).lower() for x in self._list(langs)]
            checks.append(
                per_value(
                    lambda d, v, wanted=wanted: (
                        isinstance(v, ox.Literal)
                        and bool(v.language)
                        and any(
                            v.language.lower() == w or v.language.lower().startswith(w + "-")
                            for w in wanted
                        )
                    ),
                    "LanguageInConstraintComponent",
                )
            )
        for flag in g.objects(node, SH.uniqueLang):
            if str(flag).lower() == "true":
                checks.append(_unique_lang)
        for key, component in (
            (SH.equals, "EqualsConstraintComponent"),
            (SH.disjoint, "DisjointConstraintComponent"),
            (SH.lessThan, "LessThanConstraintComponent"),
            (SH.lessThanOrEquals, "LessThanOrEqualsConstraintComponent"),
        ):
            for other in g.objects(node, key):
                checks.append(_pair_check(to_ox(other), component))
        for inner in g.objects(node, SH["not"]):
            sub = self.shape(inner)
            checks.append(
                per_value(lambda d, v, sub=sub: not sub.conforms(d, v), "NotConstraintComponent")
            )
        for inner in g.objects(node, SH["and"]):
            subs = [self.shape(x) for x in self._list(inner)]
            checks.append(
                per_value(
                    lambda d, v, subs=subs: all(s.conforms(d, v) for s in subs),
                    "AndConstraintComponent",
                )
            )
        for inner in g.objects(node, SH["or"]):
            subs = [self.shape(x) for x in self._list(inner)]
            checks.append(
                per_value(
                    lambda d, v, subs=subs: any(s.conforms(d, v) for s in subs),
                    "OrConstraintComponent",
                )
            )
        for inner in g.objects(node, SH.xone):
            subs = [self.shape(x) for x in self._list(inner)]
            checks.append(
                per_value(
                    lambda d, v, subs=subs: sum(s.conforms(d, v) for s in subs) == 1,
                    "XoneConstraintComponent",
                )
            )
        for inner in g.objects(node, SH.node):
            sub = self.shape(inner)
            checks.append(
                per_value(lambda d, v, sub=sub: sub.conforms(d, v), "NodeConstraintComponent")
            )
        for inner in g.objects(node, SH.qualifiedValueShape):
            checks.append(self._qualified(node, inner))
        for flag in g.objects(node, SH.closed):
            if str(flag).lower() == "true":
                raise Unsupported("sh:closed")
        return checks

    def _qualified(self, node, inner) -> Check:
        g = self.g
        sub = self.shape(inner)
        low = g.value(node, SH.qualifiedMinCount)
        high = g.value(node, SH.qualifiedMaxCount)
        if str(g.value(node, SH.qualifiedValueShapesDisjoint)).lower() == "true":
            raise Unsupported("sh:qualifiedValueShapesDisjoint")

        def check(d: Data, f, vs: list) -> list:
            n = sum(sub.conforms(d, v) for v in vs)
            out = []
            if low is not None and n < int(low):
                out.append((None, "QualifiedMinCountConstraintComponent"))
            if high is not None and n > int(high):
                out.append((None, "QualifiedMaxCountConstraintComponent"))
            return out

        return check


_COMPONENTS = {
    SH["class"], SH.datatype, SH.nodeKind, SH.minCount, SH.maxCount, SH.minInclusive,
    SH.minExclusive, SH.maxInclusive, SH.maxExclusive, SH.minLength, SH.maxLength, SH.pattern,
    SH["in"], SH.hasValue, SH.languageIn, SH.uniqueLang, SH.equals, SH.disjoint, SH.lessThan,
    SH.lessThanOrEquals, SH["not"], SH["and"], SH["or"], SH.xone, SH.node,
    SH.qualifiedValueShape, SH.closed,
}  # fmt: skip


def _regex_flags(flags: str) -> int:
    out = 0
    for ch, f in (("i", re.I), ("m", re.M), ("s", re.S), ("x", re.X)):
        if ch in flags:
            out |= f
    return out


def _unique_lang(d: Data, f, vs: list) -> list:
    seen: dict[str, int] = {}
    for v in vs:
        if isinstance(v, ox.Literal) and v.language:
            key = v.language.lower()
            seen[key] = seen.get(key, 0) + 1
    return [(None, "UniqueLangConstraintComponent") for k, n in seen.items() if n > 1]


def _pair_check(other: ox.NamedNode, component: str) -> Check:
    def check(d: Data, f, vs: list) -> list:
        others = d.objects(f, other)
        if component == "EqualsConstraintComponent":
            return [(v, component) for v in vs if v not in others] + [
                (o, component) for o in others if o not in vs
            ]
        if component == "DisjointConstraintComponent":
            return [(v, component) for v in vs if v in others]
        out = []
        for v in vs:
            for o in others:
                if not _less(v, o, component == "LessThanOrEqualsConstraintComponent"):
                    out.append((v, component))
        return out

    return check


def _less(v, o, or_equal: bool) -> bool:
    """pySHACL's sh:lessThan(OrEquals) test: IRIs and strings compare as text, other
    literals by rdflib's ordering; a string never compares with a non-string."""

    def plain(term):
        if isinstance(term, ox.NamedNode):
            return term.value, True
        lit = to_rdflib(term)
        if isinstance(lit, rdflib.Literal) and isinstance(lit.value, str):
            return lit.value, True
        return lit, False

    if isinstance(v, ox.BlankNode) or isinstance(o, ox.BlankNode):
        return False
    a, a_text = plain(v)
    b, b_text = plain(o)
    if a_text != b_text:
        return False
    try:
        return bool(a <= b) if or_equal else bool(a < b)
    except TypeError:
        return False


@cache
def compiled_shapes() -> Shapes:
    """kg's shapes.ttl, compiled once per process."""
    from kg.ontology import load_shapes

    return Shapes(load_shapes())


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
