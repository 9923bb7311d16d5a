"""SPARQL over a graph file with pyoxigraph, results in the W3C formats or as a table."""

from __future__ import annotations

import codecs
import io
import json
import tempfile
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import IO

import pyoxigraph as ox

from kg.errors import QueryError
from kg.prefixes import prefixes
from kg.resources import ontology_dir
from kg.results import cell_text
from kg.screen import Screened
from kg.screen import screen_query as screen

# kg.ontology's PREFIXES, read without rdflib: `kg query` forks its query process before
# the screen loads rdflib's SPARQL parser (kg.sandbox), so the child carries none of it
PREFIXES: dict[str, str] = prefixes()

RESULT_FORMATS = ("table", "csv", "tsv", "json", "xml")


def screen_query(query: str) -> Screened:
    """The screened text of a query, with kg's prefixes declared (see kg.screen)."""
    return screen(query, PREFIXES)


@dataclass
class QueryResult:
    kind: str  # "select", "ask" or "graph"
    variables: list[str]
    rows: list[list[ox.NamedNode | ox.BlankNode | ox.Literal | None]]
    boolean: bool | None = None
    triples: list[ox.Triple] | None = None


def load_store(quads: Iterable[ox.Quad]) -> ox.Store:
    store = ox.Store()
    store.extend(list(quads))
    return store


def _execute(store: ox.Store, query: str):
    checked = screen_query(query)
    try:
        return store.query(checked.text, use_default_graph_as_union=True)
    except SyntaxError as exc:
        first = str(exc).splitlines()[0] if str(exc) else "syntax error"
        raise QueryError(f"invalid SPARQL query: {first}") from None
    except OSError as exc:
        raise QueryError(f"the query failed: {exc}") from None


def run_query(store: ox.Store, query: str) -> QueryResult:
    """Run a SPARQL 1.1 query; the default graph is the union of all named graphs."""
    result = _execute(store, query)
    if isinstance(result, ox.QuerySolutions):
        variables = [v.value for v in result.variables]
        rows = [[solution[v] for v in variables] for solution in result]
        return QueryResult("select", variables, rows)
    if isinstance(result, ox.QueryBoolean):
        return QueryResult("ask", [], [], boolean=bool(result))
    return QueryResult("graph", [], [], triples=list(result))


def term_text(term) -> str:
    """A term as the text table shows it (kg.results.cell_text with kg's prefixes)."""
    return cell_text(term, PREFIXES)


def query_text(store: ox.Store, query: str, fmt: str = "table") -> str:
    """Run a query and format its answer: a text table, or a W3C SPARQL 1.1 results
    format (json, csv, tsv, xml); CONSTRUCT and DESCRIBE answer in Turtle."""
    if fmt not in RESULT_FORMATS:
        raise QueryError(f"unknown results format '{fmt}' (known: {', '.join(RESULT_FORMATS)})")
    if fmt == "table":
        result = run_query(store, query)
        if result.kind == "graph":
            return _turtle(result.triples or [])
        if result.kind == "ask":
            return "true" if result.boolean else "false"
        return _table(result)
    raw = _execute(store, query)
    if isinstance(raw, ox.QueryTriples):
        return _turtle(list(raw))
    ox_fmt = {
        "csv": ox.QueryResultsFormat.CSV,
        "tsv": ox.QueryResultsFormat.TSV,
        "json": ox.QueryResultsFormat.JSON,
        "xml": ox.QueryResultsFormat.XML,
    }[fmt]
    out = io.BytesIO()
    raw.serialize(out, ox_fmt)
    return out.getvalue().decode("utf-8")


def query_isolated(
    query: str,
    fmt: str = "table",
    *,
    store_dir: str | Path | None = None,
    quads: Iterable[ox.Quad] | None = None,
    timeout_s: float = 60,
    memory_mb: int | None = None,
) -> str:
    """Run a query as query_text does, but in a child process (kg.sandbox) that has no
    network, a memory limit and `timeout_s` seconds: over a store folder (opened read-only,
    quarantine graphs left out) or over `quads`. Raise QueryError, QueryTimeout."""
    return "".join(
        query_chunks(
            query, fmt, store_dir=store_dir, quads=quads, timeout_s=timeout_s, memory_mb=memory_mb
        )
    )


def query_chunks(
    query: str,
    fmt: str = "table",
    *,
    store_dir: str | Path | None = None,
    quads: Iterable[ox.Quad] | None = None,
    timeout_s: float = 60,
    memory_mb: int | None = None,
) -> Iterator[str]:
    """query_isolated's answer in pieces, none holding the whole answer: the child's
    output is kept in a temporary file (on disk past 256 KB) until the query has ended
    well, then read back; a text table is measured in a first pass over the file and
    written in a second. Nothing is yielded before the query succeeded."""
    from kg.sandbox import (
        DEFAULT_MEMORY_MB,
        request_for,
        run_query_isolated,
        start_child,
        stop_child,
    )

    if fmt not in RESULT_FORMATS:
        raise QueryError(f"unknown results format '{fmt}' (known: {', '.join(RESULT_FORMATS)})")
    if store_dir is not None and not Path(store_dir).is_dir():
        raise QueryError(f"{store_dir}: no such store")
    # the query's process starts before the screen loads its SPARQL parser: forked from a
    # light `kg query`, it holds none of it (kg.sandbox); it waits for the screened text
    child = start_child()
    with tempfile.SpooledTemporaryFile(max_size=SPOOL_BYTES) as spool:
        try:
            checked = screen_query(query)
            graph = checked.form in ("CONSTRUCT", "DESCRIBE")
            request = request_for(
                checked,
                fmt="turtle" if graph else ("rows" if fmt == "table" else fmt),
                store=None if store_dir is None else str(store_dir),
                memory_mb=memory_mb or DEFAULT_MEMORY_MB,
                prefixes=PREFIXES,
            )
            nquads = None
            if store_dir is None:
                nquads = ox.serialize(list(quads or []), format=ox.RdfFormat.N_QUADS) or b""
            for chunk in run_query_isolated(request, nquads, timeout_s=timeout_s, child=child):
                spool.write(chunk)
        finally:
            stop_child(child)  # also when the screen refused the query
        spool.seek(0)
        if fmt != "table" or graph:
            decoder = codecs.getincrementaldecoder("utf-8")()
            while chunk := spool.read(SPOOL_CHUNK):
                yield decoder.decode(chunk)
            yield decoder.decode(b"", final=True)
        elif checked.form == "ASK":
            yield spool.read().decode("utf-8").strip()
        else:
            yield from _table_chunks(spool)


SPOOL_BYTES = 1 << 18
SPOOL_CHUNK = 1 << 16


def competency_chunks(
    fmt: str = "table",
    *,
    store_dir: str | Path | None = None,
    quads: Iterable[ox.Quad] | None = None,
    timeout_s: float = 60,
    memory_mb: int | None = None,
) -> Iterator[str]:
    """The answer of every competency question (query_chunks), each under a line
    "# NAME: QUESTION", a blank line between two. Every question has run before the first
    piece is yielded (the answers wait in a temporary file, on disk past 256 KB), so a
    question that fails (QueryError, QueryTimeout) leaves nothing written. `timeout_s` is
    each question's."""
    if quads is not None:
        quads = list(quads)  # read once, given to each question
    with tempfile.SpooledTemporaryFile(max_size=SPOOL_BYTES) as spool:
        for n, q in enumerate(competency_questions()):
            spool.write((("\n\n" if n else "") + f"# {q.name}: {q.question}\n").encode("utf-8"))
            for chunk in query_chunks(
                q.sparql,
                fmt,
                store_dir=store_dir,
                quads=quads,
                timeout_s=timeout_s,
                memory_mb=memory_mb,
            ):
                spool.write(chunk.encode("utf-8"))
        spool.seek(0)
        decoder = codecs.getincrementaldecoder("utf-8")()
        while chunk := spool.read(SPOOL_CHUNK):
            yield decoder.decode(chunk)
        yield decoder.decode(b"", final=True)


def _table_chunks(rows: IO[bytes]) -> Iterator[str]:
    """The text table of a `rows` stream (kg.results: the header, then one JSON list of
    cells a line): widths from a first pass, lines from a second."""
    header = json.loads(rows.readline())
    widths = [len(h) for h in header]
    count = 0
    for line in rows:
        widths = [max(w, len(c)) for w, c in zip(widths, json.loads(line), strict=True)]
        count += 1
    yield "  ".join(h.ljust(w) for h, w in zip(header, widths, strict=True)).rstrip()
    yield "\n" + "  ".join("-" * w for w in widths)
    rows.seek(0)
    rows.readline()
    for line in rows:
        cells = json.loads(line)
        yield "\n" + "  ".join(c.ljust(w) for c, w in zip(cells, widths, strict=True)).rstrip()
    yield f"\n({count} row{'s' if count != 1 else ''})"


def _turtle(triples: list[ox.Triple]) -> str:
    return ox.serialize(triples, format=ox.RdfFormat.TURTLE, prefixes=PREFIXES).decode("utf-8")


def _table(result: QueryResult) -> str:
    return _table_of(result.variables, [[term_text(t) for t in row] for row in result.rows])


def _table_of(header: list[str], rows: list[list[str]]) -> str:
    """The text table of rows in memory: _table_chunks over them as a `rows` stream."""
    stream = io.BytesIO()
    for line in (header, *rows):
        stream.write(json.dumps(line, ensure_ascii=False).encode("utf-8") + b"\n")
    stream.seek(0)
    return "".join(_table_chunks(stream))


@dataclass(frozen=True)
class CompetencyQuestion:
    name: str
    question: str
    sparql: str


def competency_questions() -> list[CompetencyQuestion]:
    """The ontology's competency questions: ontology/queries/*.rq, the first comment
    line of each being the question in English."""
    out = []
    for path in sorted((ontology_dir() / "queries").glob("*.rq")):
        text = path.read_text(encoding="utf-8")
        question = next(
            (ln.lstrip("#").strip() for ln in text.splitlines() if ln.startswith("#")), path.stem
        )
        out.append(CompetencyQuestion(path.stem, question, text))
    return out


def read_query_file(path: str | Path) -> str:
    from kg.files import read_text

    return read_text(path)
