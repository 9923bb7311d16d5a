"""Export a graph: RDF formats, or the property-graph view for visualisers.

    from kg.export import export_to
    with open_source(store="kg-store") as src:
        export_to(src.quads(), "turtle", "kg.ttl")      # streamed, sorted on disk

export_to is what `kg export` runs; export_graph gives the bytes in memory."""

from __future__ import annotations

import contextlib
import tempfile
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO

import pyoxigraph as ox

from kg.errors import KgError, OutputError, RDFError
from kg.extsort import CHUNK, sorted_keys
from kg.ontology import PREFIXES
from kg.rdfio import FORMATS, check_format, jsonld_context, serialize

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


@dataclass
class ExportSummary:
    """What export_to wrote: for a visual format, the entities and edges drawn and how
    many entities were left out, by reason; None for RDF."""

    fmt: str
    nodes: int | None = None
    edges: int | None = None
    left_out: dict[str, int] = field(default_factory=dict)


def export_to(
    quads: Iterable[ox.Quad],
    fmt: str,
    out: str | Path | IO[bytes],
    view: ViewOptions | None = None,
) -> ExportSummary:
    """Write `quads` as `fmt` to `out`: a file path (written to a temporary file, renamed
    when complete: an error leaves no partial file), a folder for neo4j, or a binary
    stream. RDF formats are streamed (write_rdf: sorted on disk, never held whole); visual
    formats draw the property-graph view of the quads read once as they come. Raises
    RDFError for an unknown format, OutputError for an output it cannot write."""
    from kg.files import atomic_writer, write_bytes

    if fmt in RDF_EXPORTS:
        if isinstance(out, (str, Path)):
            with atomic_writer(out, "wb") as handle:
                write_rdf(quads, fmt, handle)
        else:
            write_rdf(quads, fmt, out)
            with contextlib.suppress(AttributeError):
                out.flush()
        return ExportSummary(fmt)
    result = export_graph(quads, fmt, view)
    if isinstance(result.data, dict):
        if not isinstance(out, (str, Path)):
            raise OutputError(f"--format {fmt} writes several files: give --output FOLDER")
        for name, data in result.data.items():
            write_bytes(Path(out) / name, data)
    elif isinstance(out, (str, Path)):
        write_bytes(out, result.data)
    else:
        out.write(result.data)
        with contextlib.suppress(AttributeError):
            out.flush()
    return ExportSummary(fmt, result.nodes, result.edges, result.left_out)


def export_graph(quads: Iterable[ox.Quad], fmt: str, view: ViewOptions | None = None) -> Exported:
    """Serialise `quads` as `fmt`. Turtle and N-Triples hold one graph: the named graphs
    are merged. Visual formats draw the property-graph view (kg.graphview), reading the
    quads once as they come."""
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


def write_rdf(
    quads: Iterable[ox.Quad], fmt: str, out: IO[bytes], chunk: int = CHUNK, fanin: int = 64
) -> None:
    """Write `quads` to `out` as serialize() does, byte for byte, without holding them:
    the N-Quads (or N-Triples) lines are sorted on disk in runs of `chunk`, merged `fanin`
    at a time (kg.extsort);
    Turtle and TriG are written by pyoxigraph from those lines read back as a stream, and
    JSON-LD by kg.jsonld (lines sorted by graph, then subject: one node object at a time)."""
    from kg.jsonld import jsonld_key, write_jsonld

    fmt = check_format(fmt)
    ox_format, _exts, holds_graphs = FORMATS[fmt]
    key = jsonld_key if fmt == "jsonld" else str if holds_graphs else _triple_key
    with tempfile.TemporaryDirectory(prefix="kg-export-") as tmp:
        keys = sorted_keys(quads, Path(tmp) / "runs", chunk, fanin, key=key)
        if fmt in ("nquads", "ntriples"):
            _write_lines(keys, out)
            return
        if fmt == "jsonld":  # the quad's line follows the graph name and a tab
            keys = (k.split("\t", 1)[1] for k in keys)
        lines = Path(tmp) / "sorted"
        with open(lines, "wb") as handle:
            _write_lines(keys, handle)
        parsed = ox.parse(
            path=str(lines),
            format=ox.RdfFormat.N_QUADS if holds_graphs else ox.RdfFormat.N_TRIPLES,
        )
        if fmt == "jsonld":
            write_jsonld(parsed, out, jsonld_context())
            return
        items: Iterator = parsed
        if not holds_graphs:
            items = (ox.Triple(q.subject, q.predicate, q.object) for q in parsed)
        ox.serialize(items, out, ox_format, prefixes=PREFIXES)


def _triple_key(q: ox.Quad) -> str:
    return f"{q.subject} {q.predicate} {q.object}"


def _write_lines(keys: Iterable[str], out: IO[bytes], batch: int = 1000) -> None:
    lines: list[str] = []
    for k in keys:
        lines.append(k + " .\n")
        if len(lines) >= batch:
            out.write("".join(lines).encode("utf-8"))
            lines = []
    out.write("".join(lines).encode("utf-8"))
