"""Export a graph in an RDF format."""

from __future__ import annotations

from collections.abc import Sequence

import pyoxigraph as ox

from kg.errors import RDFError
from kg.rdfio import FORMATS, serialize

RDF_EXPORTS = ("turtle", "ntriples", "nquads", "trig", "jsonld")


def export_graph(quads: Sequence[ox.Quad], fmt: str) -> bytes:
    """Serialise `quads` as `fmt`. Turtle and N-Triples hold one graph: the named graphs
    are merged."""
    if fmt in RDF_EXPORTS:
        return serialize(quads, fmt)
    known = ", ".join(RDF_EXPORTS)
    raise RDFError(f"unknown export format '{fmt}' (known: {known})")


__all__ = ["FORMATS", "RDF_EXPORTS", "export_graph"]
