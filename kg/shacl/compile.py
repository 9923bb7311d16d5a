"""shapes.ttl compiled once into plans: each shape's targets, constraint checks (one
closure per constraint component), SPARQL-based constraints and property shapes."""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import cache

import pyoxigraph as ox
import rdflib
from rdflib.namespace import RDF, RDFS

from kg.shacl.data import Data
from kg.shacl.engine import Shape, SparqlConstraint
from kg.shacl.paths import compile_path
from kg.shacl.terms import KGS, SH, SH_NS, Unsupported, to_ox
from kg.shacl.values import (
    Check,
    compare,
    datatype_ok,
    node_kind_ok,
    pair_check,
    regex_flags,
    string_of,
    unique_lang,
)


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
            shape.path = compile_path(g, path_node)
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
        shape.by_values = (
            shape.path is not None
            and not shape.sparql
            and not shape.properties
            and not any(getattr(check, "reads_focus", False) for check in shape.checks)
        )
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
        reads = [to_ox(p) for p in g.objects(node, KGS.reads)]
        below = frozenset(to_ox(p) for p in g.objects(node, KGS.readsBelow))
        return SparqlConstraint(
            query,
            tuple(str(m) for m in g.objects(node, SH.message)),
            reads=frozenset(reads) if reads or below else None,
            reads_below=below,
        )

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
                per_value(lambda d, v, t=t: datatype_ok(v, t), "DatatypeConstraintComponent")
            )
        for kind in g.objects(node, SH.nodeKind):
            k = str(kind).removeprefix(SH_NS)
            checks.append(
                per_value(lambda d, v, k=k: node_kind_ok(v, k), "NodeKindConstraintComponent")
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
                    c = compare(v, bound)
                    return c is not None and accept(c)

                checks.append(per_value(test, component))
        for n in g.objects(node, SH.minLength):
            low = int(n)
            checks.append(
                per_value(
                    lambda d, v, low=low: (s := string_of(v)) is not None and len(s) >= low,
                    "MinLengthConstraintComponent",
                )
            )
        for n in g.objects(node, SH.maxLength):
            high = int(n)
            checks.append(
                per_value(
                    lambda d, v, high=high: (s := string_of(v)) is not None and len(s) <= high,
                    "MaxLengthConstraintComponent",
                )
            )
        for pattern in g.objects(node, SH.pattern):
            flags = str(g.value(node, SH.flags) or "")
            rx = re.compile(str(pattern), regex_flags(flags))
            checks.append(
                per_value(
                    lambda d, v, rx=rx: (
                        (s := string_of(v)) is not None and rx.search(s) is not None
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
                checks.append(unique_lang)
        for key, component in (
            (SH.equals, "EqualsConstraintComponent"),
            (SH.disjoint, "DisjointConstraintComponent"),
            (SH.lessThan, "LessThanConstraintComponent"),
            (SH.lessThanOrEquals, "LessThanOrEqualsConstraintComponent"),
        ):
            for other in g.objects(node, key):
                checks.append(pair_check(to_ox(other), component))
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


@cache
def compiled_shapes() -> Shapes:
    """kg's shapes.ttl, compiled once per process."""
    from kg.ontology import load_shapes

    return Shapes(load_shapes())
