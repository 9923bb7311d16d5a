"""SHACL property paths compiled to functions: (data, focus node) -> value nodes."""

from __future__ import annotations

from collections.abc import Callable

import pyoxigraph as ox
import rdflib
from rdflib.namespace import RDF

from kg.shacl.data import Data
from kg.shacl.terms import SH, Unsupported


def compile_path(g: rdflib.Graph, node) -> Callable[[Data, object], list]:
    if isinstance(node, rdflib.URIRef):
        pred = ox.NamedNode(str(node))
        return lambda data, f: data.objects(f, pred)  # the index's list: read only
    inverse = g.value(node, SH.inversePath)
    if inverse is not None:
        inner = compile_path(g, inverse)
        if isinstance(inverse, rdflib.URIRef):
            pred = ox.NamedNode(str(inverse))
            return lambda data, f: data.subjects(pred, f)
        raise Unsupported("an inverse of a complex path")
    alternative = g.value(node, SH.alternativePath)
    if alternative is not None:
        parts = [compile_path(g, p) for p in rdflib.collection.Collection(g, alternative)]

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
            inner = compile_path(g, target)

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
        steps = [compile_path(g, p) for p in rdflib.collection.Collection(g, node)]

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
