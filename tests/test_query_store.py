"""`kg query --store` on a large answer: the store is read where it lies, the answer passes
through the parent in pieces (never whole), and a store of kg 0.2 is never listed graph by
graph."""

from __future__ import annotations

import json
import tracemalloc

import pyoxigraph as ox
import pytest
from click.testing import CliRunner

from kg.cli import cli
from kg.layout import LAYOUT, record_meta
from kg.query import query_chunks, query_text
from kg.sandbox import _dataset
from kg.store import QUARANTINE_DIR, KgStore

EX = "http://example.org/"
ROWS = 15_000


@pytest.fixture(scope="module")
def big_store(tmp_path_factory):
    """A store (kg's layout: a quarantine database beside it, recorded) whose every quad is a long
    literal, spread over 60 graphs."""
    path = tmp_path_factory.mktemp("big") / "store"
    db = ox.Store(str(path))
    db.extend(
        ox.Quad(
            ox.NamedNode(f"{EX}e{i:05d}"),
            ox.NamedNode("http://www.w3.org/2000/01/rdf-schema#label"),
            ox.Literal(f"label {i:05d} " + "word " * 60),
            ox.NamedNode(f"{EX}g{i % 60}"),
        )
        for i in range(ROWS)
    )
    db.flush()
    del db
    quarantine = ox.Store(str(path / QUARANTINE_DIR))
    quarantine.flush()
    del quarantine
    record_meta(path, layout=LAYOUT)
    return path


QUERY = "SELECT ?e ?label WHERE { ?e rdfs:label ?label } ORDER BY ?e"


@pytest.mark.parametrize("fmt", ["table", "json"])
def test_a_large_answer_never_lies_whole_in_the_parent(big_store, fmt):
    list(query_chunks("ASK { ?s ?p ?o }", fmt, store_dir=big_store))  # imports done
    size = 0
    tracemalloc.start()
    try:
        for chunk in query_chunks(QUERY, fmt, store_dir=big_store, timeout_s=120):
            size += len(chunk)
        _current, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert size > 5_000_000
    assert peak < size / 4, (peak, size)


@pytest.mark.parametrize("fmt", ["table", "json"])
def test_the_answer_in_pieces_is_the_answer_of_the_store(big_store, fmt):
    pieces = list(query_chunks(QUERY, fmt, store_dir=big_store, timeout_s=120))
    db = ox.Store.read_only(str(big_store))
    try:
        expected = query_text(db, QUERY, fmt)  # in this process, in one piece
    finally:
        del db
    assert len(pieces) > 1
    if fmt == "json":  # the same W3C JSON, written by another writer
        assert json.loads("".join(pieces)) == json.loads(expected)
    else:
        assert "".join(pieces) == expected


def test_kg_query_prints_the_table_of_the_whole_answer(big_store):
    result = CliRunner().invoke(cli, ["query", "--store", str(big_store), QUERY])
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert lines[0].split() == ["e", "label"]
    assert lines[2].startswith(f"{EX}e00000  label 00000 word")
    assert lines[-1] == f"({ROWS} rows)" and len(lines) == ROWS + 3


class _Unlisted:
    """A store that must not be listed graph by graph."""

    def named_graphs(self):
        raise AssertionError("the store's graphs were listed")

    def quads_for_pattern(self, *pattern):
        return iter(())  # the look-up for a quarantined statement (kg.layout) is allowed


def test_a_store_with_its_quarantine_apart_is_not_listed(big_store, tmp_path):
    assert _dataset(_Unlisted(), str(big_store)) == {"use_default_graph_as_union": True}
    with pytest.raises(AssertionError, match="listed"):  # kg 0.1's layout: listed
        _dataset(_Unlisted(), str(tmp_path))
    kg = KgStore(big_store, read_only=True)
    kg.store = _Unlisted()
    assert kg.legacy_quarantine() == []


def _questions_failing_at(n: int):
    """The competency questions with the n-th made invalid SPARQL."""
    from kg.query import CompetencyQuestion, competency_questions

    qs = competency_questions()
    qs[n] = CompetencyQuestion(qs[n].name, qs[n].question, "SELECT ?x WHERE { ?x ")
    return lambda: qs


@pytest.mark.parametrize("fmt", ["table", "csv"])
def test_kg_query_cq_writes_nothing_when_a_later_question_fails(
    big_store, tmp_path, monkeypatch, fmt
):
    from kg import query

    ok = CliRunner().invoke(cli, ["query", "--store", str(big_store), "--cq", "--format", fmt])
    assert ok.exit_code == 0, ok.output
    out = tmp_path / "answers.txt"
    done = CliRunner().invoke(
        cli, ["query", "--store", str(big_store), "--cq", "--format", fmt, "-o", str(out)]
    )
    assert done.exit_code == 0 and out.read_text(encoding="utf-8") == ok.output
    monkeypatch.setattr(query, "competency_questions", _questions_failing_at(3))
    bad = CliRunner().invoke(cli, ["query", "--store", str(big_store), "--cq", "--format", fmt])
    assert bad.exit_code == 2
    assert bad.stdout == ""  # not the first three answers
    assert bad.stderr.startswith("Error: invalid SPARQL query") and bad.stderr.count("\n") == 1
    failed = CliRunner().invoke(
        cli, ["query", "--store", str(big_store), "--cq", "--format", fmt, "-o", str(out)]
    )
    assert failed.exit_code == 2
    assert out.read_text(encoding="utf-8") == ok.output  # the earlier file is untouched
    assert sorted(p.name for p in tmp_path.iterdir()) == ["answers.txt"]  # no temporary left
