"""A query's ORDER BY and DISTINCT applied by kg, in bounded memory: an external merge sort
of its solutions in the query's process (kg.sandbox).

oxigraph applies ORDER BY by collecting every solution, and DISTINCT or GROUP BY by
holding every distinct row, so a question over the whole corpus holds its whole answer
(claims by source at 10,000 articles: 55,670 rows, some 14 MB of the query process's
peak, beside the store's caches). kg.screen.ordered_form gives the same query without
them; its solutions stream out of the store, and here they are sorted in runs of at most
RUN_ROWS rows (sorted in memory, written to unlinked temporary files), merged, and
duplicates dropped as they meet.

The rows are those of the query as written, sorted by the same keys as oxigraph sorts
them: an unbound value first, then IRIs by their text, then simple literals (xsd:string,
no language) by their text (Unicode code points, as oxigraph compares them). Rows that tie
on every key come in the order of their values (SPARQL leaves them unordered). Any other
value in a sort key's column (a blank node, a number, a language-tagged or typed literal,
a triple) has an order of oxigraph's own that kg does not copy: `Unsortable` is raised
and the caller runs the query as written instead.
"""

from __future__ import annotations

import heapq
import marshal
import sys
import tempfile
from collections.abc import Iterable, Iterator
from typing import IO, Any

import pyoxigraph as ox

XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"
_XSD_STRING = ox.NamedNode(XSD_STRING)
RUN_ROWS = 2048  # rows sorted in memory at a time (some 3-4 MB of Python objects)
RUN_CHARS = 1 << 20  # or fewer, when their values are long: characters of the values
FANIN = 64  # runs merged at once (open temporary files)

_Record = tuple  # each sort key (rank, text), then each column's kind, text, datatype, language


class Unsortable(Exception):
    """A sort key's value whose order kg does not know (see the module's text)."""


def sorted_solutions(
    solutions: Any, order: Iterable[int], distinct: bool
) -> tuple[list[str], Iterator[dict[str, Any]]]:
    """The variables of `solutions` (pyoxigraph QuerySolutions) and its rows as mappings
    variable -> term, sorted by the columns `order` (indexes of the variables), without
    duplicate rows if `distinct`. Every solution is read (and runs written) before this
    returns; raise Unsortable then, with nothing returned."""
    variables = [v.value for v in solutions.variables]
    keys = tuple(order)
    runs: list[IO[bytes]] = []
    try:
        buffer: list[_Record] = []
        chars = 0
        for solution in solutions:
            values = [_value(term) for term in solution]  # in the variables' order
            record: list = []
            for k in keys:
                record += _key(values[k])
            for value in values:
                record += value
                chars += len(value[1])
            buffer.append(tuple(record))
            if len(buffer) >= RUN_ROWS or chars >= RUN_CHARS:
                runs.append(_write_run(sorted(buffer), distinct))
                buffer, chars = [], 0
        if not runs:
            records: Iterator[_Record] = iter(sorted(buffer))
        else:
            if buffer:
                runs.append(_write_run(sorted(buffer), distinct))
            del buffer
            while len(runs) > FANIN:
                groups = [runs[i : i + FANIN] for i in range(0, len(runs), FANIN)]
                runs = [_merged_run(group, distinct) for group in groups]
            records = heapq.merge(*map(_read_run, runs))
    except BaseException:
        for run in runs:
            run.close()
        raise
    start, width = 2 * len(keys), 4 * len(variables)

    def rows() -> Iterator[dict[str, Any]]:
        try:
            last = None
            for record in records:
                if distinct and record == last:
                    continue
                last = record
                terms = [_term(*record[i : i + 4]) for i in range(start, start + width, 4)]
                yield dict(zip(variables, terms, strict=True))
        finally:
            for run in runs:
                run.close()

    return variables, rows()


_UNBOUND = ("", "", "", "")


def _value(term: Any) -> tuple[str, str, str, str]:
    """A term as marshal writes it and tuples compare it: kind, text, datatype, language."""
    kind = type(term)
    if kind is ox.Literal:
        if term.language is None and term.datatype == _XSD_STRING:  # the common case, first
            return ("l", term.value, XSD_STRING, "")
        return ("l", term.value, sys.intern(term.datatype.value), term.language or "")
    if kind is ox.NamedNode:
        return ("i", term.value, "", "")
    if term is None:
        return _UNBOUND
    if kind is ox.BlankNode:
        return ("b", term.value, "", "")
    raise Unsortable(f"a value kg cannot keep apart: {term}")


def _key(value: tuple[str, str, str, str]) -> tuple[int, str]:
    """A value's place in oxigraph's ORDER BY, for the values whose order kg knows."""
    kind, text, datatype, language = value
    if kind == "l" and datatype == XSD_STRING and not language:
        return (3, text)
    if kind == "i":
        return (2, text)
    if kind == "":
        return (0, "")
    raise Unsortable(f"a sort key kg does not order as oxigraph does: {value}")


def _term(kind: str, text: str, datatype: str, language: str) -> Any:
    if kind == "l":
        if language:
            return ox.Literal(text, language=language)
        return ox.Literal(text, datatype=ox.NamedNode(datatype))
    if kind == "i":
        return ox.NamedNode(text)
    if kind == "b":
        return ox.BlankNode(text)
    return None


BLOCK = 32  # records marshalled together, read back in one piece (one block a run in memory)


def _write_run(records: Iterable[_Record], distinct: bool) -> IO[bytes]:
    # unlinked: gone with the process, whatever ends it; closed by the caller
    run = tempfile.TemporaryFile()  # noqa: SIM115
    last = None
    block: list[_Record] = []
    for record in records:
        if distinct and record == last:
            continue
        last = record
        block.append(record)
        if len(block) >= BLOCK:
            _write_block(run, block)
            block = []
    if block:
        _write_block(run, block)
    run.seek(0)
    return run


def _write_block(run: IO[bytes], block: list[_Record]) -> None:
    data = marshal.dumps(block)
    run.write(len(data).to_bytes(8, "little") + data)


def _read_run(run: IO[bytes]) -> Iterator[_Record]:
    # (marshal.load of a file reads each string of a record with a call of its own)
    while size := run.read(8):
        yield from marshal.loads(run.read(int.from_bytes(size, "little")))


def _merged_run(runs: list[IO[bytes]], distinct: bool) -> IO[bytes]:
    merged = _write_run(heapq.merge(*map(_read_run, runs)), distinct)
    for run in runs:
        run.close()
    return merged
