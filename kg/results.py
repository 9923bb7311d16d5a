"""Query results written as they come: the W3C SPARQL 1.1 results formats (JSON, XML, CSV,
TSV) for solutions, N-Triples or Turtle for graphs, with a row cap applied while writing.
`rows` is kg's own: the cells of kg query's text table, one JSON list a line (the variables
first), IRIs shortened by the request's prefixes, so the table is made without parsing a
whole result.

pyoxigraph serialises whole results only; these writers take one solution at a time, so a
result of any size costs the memory of one row. Characters XML 1.0 cannot carry (control
characters) are written as U+FFFD, so the XML is always well-formed.
"""

from __future__ import annotations

import csv
import io
import itertools
import json
import re
from collections.abc import Iterable
from typing import IO, Any

import pyoxigraph as ox

from kg.prefixes import compact_iri

XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"
RDF_LANG_STRING = "http://www.w3.org/1999/02/22-rdf-syntax-ns#langString"
SOLUTION_FORMATS = ("json", "xml", "csv", "tsv")
GRAPH_FORMATS = ("ntriples", "turtle")
MEDIA_TYPES = {
    "json": "application/sparql-results+json",
    "xml": "application/sparql-results+xml",
    "csv": "text/csv; charset=utf-8",
    "tsv": "text/tab-separated-values; charset=utf-8",
    "ntriples": "application/n-triples",
    "turtle": "text/turtle",
}
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def write_results(result: Any, request: Any, out: IO[bytes], outcome: Any) -> None:
    """Write a pyoxigraph query result to `out` in `request.fmt`, at most
    `request.max_rows` solutions or triples; count them in `outcome`."""
    cap = request.max_rows
    if isinstance(result, ox.QueryBoolean):
        _boolean(bool(result), request.fmt, out)
        return
    if isinstance(result, ox.QuerySolutions):
        write_solutions([v.value for v in result.variables], result, request, out, outcome)
        return
    fmt = ox.RdfFormat.TURTLE if request.fmt == "turtle" else ox.RdfFormat.N_TRIPLES
    ox.serialize(_capped(result, cap, outcome), out, fmt, prefixes=request.prefixes or None)


def write_solutions(
    variables: list[str], rows: Iterable[Any], request: Any, out: IO[bytes], outcome: Any
) -> None:
    """Write solutions (each a mapping variable -> term or None, as pyoxigraph's are) in
    `request.fmt`, at most `request.max_rows` of them; count them in `outcome`."""
    rows = _capped(rows, request.max_rows, outcome)
    if request.fmt == "rows":
        _rows(variables, rows, out, request.prefixes or {})
        return
    writer = {"json": _json, "xml": _xml, "csv": _csv, "tsv": _tsv}.get(request.fmt)
    if writer is None:
        raise ValueError(f"no solutions format {request.fmt!r}")
    writer(variables, rows, out)


def _capped(rows, cap: int | None, outcome: Any):
    for n, row in enumerate(rows):
        if cap is not None and n >= cap:
            outcome.truncated = True
            return
        outcome.rows = n + 1
        yield row


def _boolean(value: bool, fmt: str, out: IO[bytes]) -> None:
    if fmt == "xml":
        out.write(
            b'<?xml version="1.0"?>\n<sparql xmlns="http://www.w3.org/2005/sparql-results#">'
            b"<head/><boolean>" + (b"true" if value else b"false") + b"</boolean></sparql>\n"
        )
    elif fmt == "json":
        out.write(json.dumps({"head": {}, "boolean": value}).encode() + b"\n")
    else:
        out.write(b"true\n" if value else b"false\n")


def term_json(term) -> dict[str, str]:
    if isinstance(term, ox.NamedNode):
        return {"type": "uri", "value": term.value}
    if isinstance(term, ox.BlankNode):
        return {"type": "bnode", "value": term.value}
    if isinstance(term, ox.Literal):
        out = {"type": "literal", "value": term.value}
        if term.language:
            out["xml:lang"] = term.language
        elif term.datatype.value != XSD_STRING:
            out["datatype"] = term.datatype.value
        return out
    return {"type": "triple", "value": str(term)}


def _json(variables: list[str], rows, out: IO[bytes]) -> None:
    out.write(b'{"head":{"vars":' + json.dumps(variables).encode() + b'},"results":{"bindings":[')
    for n, row in enumerate(rows):
        binding = {v: term_json(row[v]) for v in variables if row[v] is not None}
        out.write((b"," if n else b"") + json.dumps(binding, ensure_ascii=False).encode())
    out.write(b"]}}\n")


def _rows(variables: list[str], rows, out: IO[bytes], prefixes: dict[str, str]) -> None:
    out.write(json.dumps(variables, ensure_ascii=False).encode("utf-8") + b"\n")
    for row in rows:
        cells = [cell_text(row[v], prefixes) for v in variables]
        out.write(json.dumps(cells, ensure_ascii=False).encode("utf-8") + b"\n")


def cell_text(term, prefixes: dict[str, str]) -> str:
    """A term as kg's text table shows it: a literal's value, an IRI shortened by the
    first prefix whose namespace it extends, a blank node as _:id, nothing for unbound."""
    if term is None:
        return ""
    if isinstance(term, ox.Literal):
        return term.value
    if isinstance(term, ox.NamedNode):
        return compact_iri(term.value, prefixes)
    return str(term)


def _x(text: str) -> str:
    text = _NOT_XML.sub("\ufffd", text)
    return (
        text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace('"', "&quot;")
    )


def _xml(variables: list[str], rows, out: IO[bytes]) -> None:
    head = "".join(f'<variable name="{_x(v)}"/>' for v in variables)
    out.write(
        (
            '<?xml version="1.0"?>\n<sparql xmlns="http://www.w3.org/2005/sparql-results#">'
            f"<head>{head}</head><results>"
        ).encode()
    )
    for row in rows:
        parts = ["<result>"]
        for v in variables:
            term = row[v]
            if term is None:
                continue
            if isinstance(term, ox.NamedNode):
                inner = f"<uri>{_x(term.value)}</uri>"
            elif isinstance(term, ox.BlankNode):
                inner = f"<bnode>{_x(term.value)}</bnode>"
            elif isinstance(term, ox.Literal):
                attr = ""
                if term.language:
                    attr = f' xml:lang="{_x(term.language)}"'
                elif term.datatype.value != XSD_STRING:
                    attr = f' datatype="{_x(term.datatype.value)}"'
                inner = f"<literal{attr}>{_x(term.value)}</literal>"
            else:
                inner = f"<literal>{_x(str(term))}</literal>"
            parts.append(f'<binding name="{_x(v)}">{inner}</binding>')
        parts.append("</result>")
        out.write("".join(parts).encode("utf-8"))
    out.write(b"</results></sparql>\n")


def _csv(variables: list[str], rows, out: IO[bytes]) -> None:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(variables)
    for row in itertools.chain([None], rows):
        if row is not None:
            writer.writerow(["" if row[v] is None else _csv_term(row[v]) for v in variables])
        out.write(buffer.getvalue().encode("utf-8"))
        buffer.seek(0)
        buffer.truncate()


def _csv_term(term) -> str:
    if isinstance(term, ox.BlankNode):
        return f"_:{term.value}"
    return term.value if isinstance(term, ox.NamedNode | ox.Literal) else str(term)


def _tsv(variables: list[str], rows, out: IO[bytes]) -> None:
    out.write(("\t".join(f"?{v}" for v in variables) + "\n").encode("utf-8"))
    for row in rows:
        cells = ["" if row[v] is None else _tsv_term(row[v]) for v in variables]
        out.write(("\t".join(cells) + "\n").encode("utf-8"))


def _tsv_term(term) -> str:
    # N-Triples syntax, as the TSV results format asks; tabs and newlines escaped
    return str(term).replace("\t", "\\t")
