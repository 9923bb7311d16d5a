"""JSON-LD written as a stream: one node object per subject of each graph, in sorted order.

    write_jsonld(sorted(quads, key=jsonld_key), out, context)

The document is compacted with a context of prefixes only (ontology/context.jsonld): keys
and IRIs are compact IRIs where a prefix fits (kg.prefixes.compact_iri, as in every other
output), a string literal is a JSON string, an integer or a boolean in its canonical form
is a JSON number or boolean, any other literal carries its datatype or language. The
default graph's nodes come first at the top level, then each named graph as
{"@id": name, "@graph": [nodes]}. The writer holds one node object (a subject's triples in
one graph) at a time, so quads sorted on disk can be written without holding the graph;
the same quads give the same bytes.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import IO

import pyoxigraph as ox

from kg.prefixes import compact_iri

RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
XSD = "http://www.w3.org/2001/XMLSchema#"
_SAFE_INT = 2**53  # past this a JSON number may lose digits in a reader


def jsonld_key(q: ox.Quad) -> str:
    """The order write_jsonld wants: by graph (the default graph first), then by the
    quad's N-Quads line (subject, predicate, object)."""
    g = q.graph_name
    return f"{'' if isinstance(g, ox.DefaultGraph) else g}\t{q}"


def write_jsonld(quads: Iterable[ox.Quad], out: IO[bytes], context: dict) -> None:
    """Write `quads`, sorted by jsonld_key and without duplicates, as one JSON-LD
    document using `context` (a JSON-LD context of prefixes)."""
    prefixes = {k: v for k, v in context.items() if isinstance(v, str)}
    head = json.dumps(context, indent=2, sort_keys=True, ensure_ascii=False)
    out.write(('{\n  "@context": ' + _indented(head, 2)[2:] + ',\n  "@graph": [').encode())
    state = _State(out, prefixes)
    for q in quads:
        state.add(q)
    state.close()
    out.write(b"\n  ]\n}\n")


class _State:
    """Where the writer is: the graph open, and the node being gathered."""

    def __init__(self, out: IO[bytes], prefixes: dict[str, str]) -> None:
        self.out, self.prefixes = out, prefixes
        self.graph: ox.NamedNode | ox.BlankNode | ox.DefaultGraph | None = None
        self.subject = None
        self.pairs: list[tuple[str, object]] = []
        self.items = 0  # items written at the top level
        self.nodes = 0  # nodes written in the open named graph

    def add(self, q: ox.Quad) -> None:
        if q.graph_name != self.graph:
            self._node_done()
            self._graph_done()
            self.graph = q.graph_name
            if not isinstance(self.graph, ox.DefaultGraph):
                self._item()
                name = json.dumps(self._ref(self.graph), ensure_ascii=False)
                self.out.write(f'{{\n      "@id": {name},\n      "@graph": ['.encode())
                self.nodes = 0
        elif q.subject != self.subject:
            self._node_done()
        self.subject = q.subject
        self.pairs.append((q.predicate.value, q.object))

    def close(self) -> None:
        self._node_done()
        self._graph_done()

    def _item(self) -> None:
        self.out.write(b",\n    " if self.items else b"\n    ")
        self.items += 1

    def _graph_done(self) -> None:
        if self.graph is not None and not isinstance(self.graph, ox.DefaultGraph):
            self.out.write(b"\n      ]\n    }")

    def _node_done(self) -> None:
        if not self.pairs:
            return
        text = json.dumps(self._node(), indent=2, sort_keys=True, ensure_ascii=False)
        if isinstance(self.graph, ox.DefaultGraph):
            self._item()
            self.out.write(_indented(text, 4)[4:].encode())
        else:
            self.out.write(b",\n        " if self.nodes else b"\n        ")
            self.out.write(_indented(text, 8)[8:].encode())
            self.nodes += 1
        self.pairs = []

    def _node(self) -> dict:
        node: dict = {"@id": self._ref(self.subject)}
        types: list[str] = []
        values: dict[str, list] = {}
        for p, o in self.pairs:
            if p == RDF_TYPE and isinstance(o, ox.NamedNode):
                types.append(self._compact(o.value))
            else:
                values.setdefault(self._compact(p), []).append(self._value(o))
        if types:
            node["@type"] = types[0] if len(types) == 1 else types
        for key, vs in values.items():
            node[key] = vs[0] if len(vs) == 1 else vs
        return node

    def _compact(self, iri: str) -> str:
        return compact_iri(iri, self.prefixes)

    def _ref(self, term) -> str:
        return str(term) if isinstance(term, ox.BlankNode) else self._compact(term.value)

    def _value(self, o):
        if isinstance(o, (ox.NamedNode, ox.BlankNode)):
            return {"@id": self._ref(o)}
        if o.language:
            value = {"@language": o.language, "@value": o.value}
            if getattr(o, "direction", None):
                value["@direction"] = str(o.direction).lower().rsplit(".", 1)[-1]
            return value
        datatype = o.datatype.value
        if datatype == XSD + "string":
            return o.value
        if datatype == XSD + "integer" and _canonical_int(o.value):
            return int(o.value)
        if datatype == XSD + "boolean" and o.value in ("true", "false"):
            return o.value == "true"
        return {"@type": self._compact(datatype), "@value": o.value}


def _canonical_int(text: str) -> bool:
    try:
        n = int(text)
    except ValueError:
        return False
    return str(n) == text and abs(n) < _SAFE_INT


def _indented(text: str, by: int) -> str:
    pad = " " * by
    return "\n".join(pad + line for line in text.splitlines())
