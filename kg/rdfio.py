"""RDF in and out: strict parsing with pyoxigraph, deterministic serialisation."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from pathlib import Path

import pyoxigraph as ox
import rdflib

from kg.errors import InputError, RDFError
from kg.files import decode_text, read_bytes
from kg.ontology import PREFIXES
from kg.prefixes import jsonld_context

# name -> (pyoxigraph format, file extensions, holds named graphs)
FORMATS: dict[str, tuple[ox.RdfFormat, tuple[str, ...], bool]] = {
    "turtle": (ox.RdfFormat.TURTLE, (".ttl",), False),
    "ntriples": (ox.RdfFormat.N_TRIPLES, (".nt",), False),
    "nquads": (ox.RdfFormat.N_QUADS, (".nq",), True),
    "trig": (ox.RdfFormat.TRIG, (".trig",), True),
    "jsonld": (ox.RdfFormat.JSON_LD, (".jsonld", ".json"), True),
    "rdfxml": (ox.RdfFormat.RDF_XML, (".rdf", ".owl", ".xml"), False),
}


def guess_format(path: str | Path) -> str:
    """The RDF format of a file, from its extension."""
    suffix = Path(str(path)).suffix.lower()
    for name, (_fmt, exts, _q) in FORMATS.items():
        if suffix in exts:
            return name
    known = ", ".join(e for _f, exts, _q in FORMATS.values() for e in exts)
    raise RDFError(
        f"{path}: cannot tell the RDF format from '{suffix or '(no extension)'}' "
        f"(known: {known}); name it with --input-format"
    )


def check_format(name: str) -> str:
    """A format's name; a file extension names its format too ("nq", ".ttl")."""
    if name in FORMATS:
        return name
    ext = "." + name.lower().lstrip(".")
    for fmt, (_ox, exts, _q) in FORMATS.items():
        if ext in exts:
            return fmt
    raise RDFError(f"unknown RDF format '{name}' (known: {', '.join(FORMATS)})")


def parse_file(path: str | Path, fmt: str | None = None) -> list[ox.Quad]:
    """Parse an RDF file strictly (pyoxigraph); any syntax error is an RDFError."""
    fmt = check_format(fmt) if fmt else guess_format(path)
    data = read_bytes(path)
    decode_text(data, str(path))  # RDF text must be UTF-8
    return parse_bytes(data, fmt, str(path))


def parse_bytes(data: bytes, fmt: str, name: str = "<input>") -> list[ox.Quad]:
    ox_format = FORMATS[check_format(fmt)][0]
    try:
        return list(ox.parse(data, format=ox_format))
    except SyntaxError as exc:
        first = str(exc).splitlines()[0] if str(exc) else "syntax error"
        raise RDFError(f"{name}: not valid {fmt}: {first}") from None
    except (ValueError, OSError) as exc:
        raise RDFError(f"{name}: cannot parse as {fmt}: {exc}") from None


def check_file(path: str | Path, fmt: str | None = None) -> str:
    """The checks of parse_file, in its order and with its messages, reading the file in
    pieces instead of at once: its format, that it exists, is not empty and is UTF-8 text.
    Returns the format."""
    import codecs

    fmt = check_format(fmt) if fmt else guess_format(path)
    path = Path(path)
    if not path.exists():
        raise InputError(f"{path}: no such file")
    if path.is_dir():
        raise InputError(f"{path}: is a folder, not a file")
    decoder = codecs.getincrementaldecoder("utf-8")()
    text = True
    bad: tuple[int, int] | None = None  # (offset, byte) of the first invalid byte
    offset = 0
    try:
        with open(path, "rb") as handle:
            head = handle.read(8192)
            blank = not head.strip()
            text = b"\x00" not in head
            chunk = head
            while chunk:
                if bad is None:
                    try:
                        decoder.decode(chunk)
                    except UnicodeDecodeError as exc:
                        start = offset - (len(exc.object) - len(chunk)) + exc.start
                        bad = (start, exc.object[exc.start])
                offset += len(chunk)
                chunk = handle.read(1 << 20)
                blank = blank and not chunk.strip()
            if bad is None:
                try:
                    decoder.decode(b"", final=True)
                except UnicodeDecodeError as exc:
                    bad = (offset - (len(exc.object) - exc.start), exc.object[exc.start])
    except OSError as exc:
        raise InputError(f"{path}: cannot read ({exc.strerror})") from None
    if blank:
        raise InputError(f"{path}: the file is empty")
    if not text:
        raise InputError(f"{path}: looks like a binary file, not UTF-8 text")
    if bad is not None:
        raise InputError(f"{path}: not UTF-8 text (invalid byte 0x{bad[1]:02x} at offset {bad[0]})")
    return fmt


def iter_file(path: str | Path, fmt: str) -> Iterator[ox.Quad]:
    """The quads of an RDF file checked by check_file, parsed as the file is read; a syntax
    error is the RDFError parse_file gives."""
    ox_format = FORMATS[check_format(fmt)][0]
    name = str(path)
    try:
        yield from ox.parse(path=str(path), format=ox_format)
    except SyntaxError as exc:
        text = str(exc).replace(f"({name}, line", "(line")  # parse_bytes names no file
        first = text.splitlines()[0] if text else "syntax error"
        raise RDFError(f"{name}: not valid {fmt}: {first}") from None
    except (ValueError, OSError) as exc:
        raise RDFError(f"{name}: cannot parse as {fmt}: {exc}") from None


def nquads_lines(quads: Iterable[ox.Quad]) -> list[str]:
    """Each quad as one canonical N-Quads line, sorted, without duplicates."""
    return sorted({f"{q} .\n" for q in quads})


def triple_lines(quads: Iterable[ox.Quad]) -> list[str]:
    return sorted({f"{q.subject} {q.predicate} {q.object} .\n" for q in quads})


def sorted_quads(quads: Iterable[ox.Quad]) -> list[ox.Quad]:
    return list(ox.parse("".join(nquads_lines(quads)).encode("utf-8"), format=ox.RdfFormat.N_QUADS))


def by_graph(quads: Iterable[ox.Quad], quarantine: bool = False) -> dict[str, list[ox.Quad]]:
    """The quads of each named graph (the default graph left out, and kg 0.1's quarantine
    graphs unless asked), all held: for a graph file; a store reads graph by graph."""
    out: dict[str, list[ox.Quad]] = {}
    for q in quads:
        if not isinstance(q.graph_name, ox.NamedNode):
            continue
        name = q.graph_name.value
        if name.endswith("/quarantine") and not quarantine:
            continue
        out.setdefault(name, []).append(q)
    return out


def to_rdflib_graph(quads: Iterable[ox.Quad]) -> rdflib.Graph:
    """All quads merged into one rdflib graph (the union of the named graphs)."""
    graph = rdflib.Graph()
    data = "".join(triple_lines(quads))
    if data:
        graph.parse(data=data, format="nt")
    return graph


def to_rdflib_dataset(quads: Iterable[ox.Quad]) -> rdflib.Dataset:
    ds = rdflib.Dataset()
    data = "".join(nquads_lines(quads))
    if data:
        ds.parse(data=data, format="nquads")
    return ds


def serialize(quads: Iterable[ox.Quad], fmt: str) -> bytes:
    """Serialise deterministically: sorted lines for N-Triples and N-Quads, sorted input
    with prefixes for Turtle and TriG, one node object per subject and graph with the
    shipped context for JSON-LD (kg.jsonld)."""
    fmt = check_format(fmt)
    quads = list(quads)
    if fmt == "nquads":
        return "".join(nquads_lines(quads)).encode("utf-8")
    if fmt == "ntriples":
        return "".join(triple_lines(quads)).encode("utf-8")
    if fmt == "jsonld":
        import io

        from kg.jsonld import jsonld_key, write_jsonld

        out = io.BytesIO()
        ordered = sorted({jsonld_key(q): q for q in quads}.items())
        write_jsonld((q for _key, q in ordered), out, jsonld_context())
        return out.getvalue()
    ox_format, _exts, holds_graphs = FORMATS[fmt]
    ordered = sorted_quads(quads)
    if not holds_graphs:
        lines = triple_lines(ordered)
        items: list = list(ox.parse("".join(lines).encode("utf-8"), format=ox.RdfFormat.N_TRIPLES))
        items = [ox.Triple(q.subject, q.predicate, q.object) for q in items]
    else:
        items = ordered
    return ox.serialize(items, format=ox_format, prefixes=PREFIXES)
