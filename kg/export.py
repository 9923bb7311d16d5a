"""Export a graph: RDF formats, or the property-graph view for visualisers."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

import pyoxigraph as ox

from kg.errors import KgError, RDFError
from kg.rdfio import serialize

RDF_EXPORTS = ("turtle", "ntriples", "nquads", "trig", "jsonld")
VISUAL_EXPORTS = ("graphml", "gexf", "cytoscape", "dot", "neo4j", "html")


@dataclass
class ViewOptions:
    """How the RDF graph is projected for a visualiser."""

    literals: bool = False
    provenance: bool = False
    classes_as_nodes: bool = False
    focus: str | None = None
    depth: int = 1
    keep_classes: Sequence[str] = field(default_factory=tuple)
    max_nodes: int | None = None
    modalities: Sequence[str] = field(default_factory=tuple)  # keep edges of these only


@dataclass
class Exported:
    data: bytes | dict[str, bytes]
    nodes: int | None = None
    edges: int | None = None
    left_out: dict[str, int] = field(default_factory=dict)


def export_graph(quads: Sequence[ox.Quad], fmt: str, view: ViewOptions | None = None) -> Exported:
    """Serialise `quads` as `fmt`. Turtle and N-Triples hold one graph: the named graphs
    are merged. Visual formats draw the property-graph view (kg.graphview)."""
    if fmt in RDF_EXPORTS:
        return Exported(serialize(quads, fmt))
    if fmt in VISUAL_EXPORTS:
        from kg.graphview import project
        from kg.visual import render

        view = view or ViewOptions()
        if view.depth < 0 or (view.max_nodes is not None and view.max_nodes < 1):
            raise KgError("--depth must be 0 or more and --max-nodes 1 or more")
        p = project(
            quads,
            literals=view.literals,
            provenance=view.provenance,
            classes_as_nodes=view.classes_as_nodes,
            focus=view.focus,
            depth=view.depth,
            keep_classes=view.keep_classes,
            max_nodes=view.max_nodes,
            modalities=view.modalities,
        )
        return Exported(
            render(p.graph, fmt), p.graph.number_of_nodes(), p.graph.number_of_edges(), p.left_out
        )
    known = ", ".join(RDF_EXPORTS + VISUAL_EXPORTS)
    raise RDFError(f"unknown export format '{fmt}' (known: {known})")
