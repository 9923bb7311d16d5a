"""kg validate --store and kg diff read a store without copying it: validation batch by
batch gives the report of the whole graph, a diff streams a sorted merge; memory follows
the batch, not the store."""

from __future__ import annotations

import copy
import subprocess
import sys

import pyoxigraph as ox
import pytest
import yaml
from click.testing import CliRunner

from kg.cli import cli
from kg.pipeline import build_inputs
from kg.store import KgStore
from kg.validate import format_report, validate_quads, validate_store

BASE = "https://example.org/kg/"
KGO = "https://w3id.org/newskg/ontology#"
RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
LABEL = ox.NamedNode("http://www.w3.org/2000/01/rdf-schema#label")


def _n(iri: str) -> ox.NamedNode:
    return ox.NamedNode(iri)


def _word(i: int) -> str:
    return "".join(chr(97 + int(d)) for d in f"{i:04d}").capitalize()


def _articles(folder, gold_doc, n: int, prefix: str = "article", own: bool = False):
    """n copies of the gold article; with `own`, each names its own people and bodies
    (countries and positions stay shared, as in news)."""
    folder.mkdir(parents=True, exist_ok=True)
    for i in range(n):
        doc = copy.deepcopy(gold_doc)
        doc["article"]["id"] = f"{prefix}-{i:04d}"
        doc["article"]["text"] += f"\nVariant {i}."
        for e in doc["entities"] if own else []:
            if e["class"] not in ("Country", "Position"):
                e["label"] += " " + _word(i)
                e.pop("aliases", None)
                e.pop("ids", None)
        (folder / f"{prefix}-{i:04d}.yaml").write_text(yaml.safe_dump(doc), encoding="utf-8")
    return folder


def _one(store: ox.Store, sparql: str) -> list:
    return list(next(iter(store.query(sparql))))


@pytest.fixture
def faulty_store(tmp_path, gold_doc):
    """Four articles that share their entities, and faults that only show when graphs are
    read together: a second label and a second class of an entity in a graph of their own,
    a direct triple without a statement, a statement whose object breaks its predicate's
    range with a modality outside the ontology, and a direct triple whose statement lies in
    another graph (no fault: it must not be reported)."""
    path = tmp_path / "store"
    build_inputs([_articles(tmp_path / "in", gold_doc, 4)], None, store_dir=path, base=BASE)
    kg = KgStore(path)
    g0 = BASE + "graph/article-0000"
    s, p, o, st = _one(
        kg.store,
        f"SELECT ?s ?p ?o ?st WHERE {{ GRAPH <{g0}> {{ ?st <{RDF}subject> ?s ;"
        f" <{RDF}predicate> ?p ; <{RDF}object> ?o . ?s ?p ?o }} }} ORDER BY ?st LIMIT 1",
    )
    (person,) = _one(
        kg.store, f"SELECT ?e WHERE {{ GRAPH <{g0}> {{ ?e a <{KGO}Person> }} }} ORDER BY ?e LIMIT 1"
    )
    (country,) = _one(
        kg.store,
        f"SELECT ?e WHERE {{ GRAPH <{g0}> {{ ?e a <{KGO}Country> }} }} ORDER BY ?e LIMIT 1",
    )
    last, first = _n(BASE + "graph/zz-extra"), _n(BASE + "graph/00-first")
    bad = _n(st.value + "-copy")
    faults = [
        ox.Quad(s, LABEL, ox.Literal("Someone Else"), last),
        ox.Quad(person, _n(RDF + "type"), _n(KGO + "City"), last),
        ox.Quad(person, _n(KGO + "leads"), country, last),
        ox.Quad(s, p, o, first),  # its statement is in article-0000's graph
        ox.Quad(_n(st.value + "-other"), _n(KGO + "modality"), _n(KGO + "Bogus"), first),
        ox.Quad(s, LABEL, next(kg.store.quads_for_pattern(s, LABEL, None, None)).object, first),
    ]
    for q in kg.store.quads_for_pattern(st, None, None, _n(g0)):
        if q.predicate.value == RDF + "object":
            faults.append(ox.Quad(bad, q.predicate, _n(KGO + "Modality"), last))
        elif q.predicate.value == KGO + "modality":
            faults.append(ox.Quad(bad, q.predicate, _n(KGO + "Bogus"), last))
        else:
            faults.append(ox.Quad(bad, q.predicate, q.object, last))
    kg.store.extend(faults)
    kg.close()
    return path


def _whole(path, **kw):
    kg = KgStore(path, read_only=True)
    try:
        return validate_quads(list(kg.quads()), **kw)
    finally:
        kg.close()


@pytest.mark.parametrize("batch_size", [1, 2, 100])
def test_a_store_validated_batch_by_batch_gives_the_report_of_the_whole(faulty_store, batch_size):
    whole = _whole(faulty_store)
    kg = KgStore(faulty_store, read_only=True)
    report = validate_store(kg.store, batch_size=batch_size)
    kg.close()
    assert report == whole
    messages = {v.message.split(" (")[0].split(",")[0] for v in report.violations}
    assert "An entity has exactly one label" in messages  # labels from two graphs
    assert "An entity has exactly one ontology class." in messages  # classes from two graphs
    assert any(m.startswith("A direct triple needs an asserted statement") for m in messages)
    assert "A modality is one of the ontology's modalities." in messages
    bogus = [v for v in report.violations if v.focus == KGO + "Bogus"]
    assert len(bogus) == 1  # a node of no graph's own, reported once
    assert report.triples == whole.triples > 1000


@pytest.mark.slow
def test_pyshacl_batch_by_batch_gives_its_report_of_the_whole(faulty_store):
    whole = _whole(faulty_store, engine="pyshacl")
    kg = KgStore(faulty_store, read_only=True)
    report = validate_store(kg.store, engine="pyshacl", batch_size=2)
    kg.close()
    assert not whole.conforms and report == whole


def test_kg_validate_store_reads_the_store_in_place(faulty_store, monkeypatch):
    expected = format_report(_whole(faulty_store))

    def no_copy(*_a, **_k):
        raise AssertionError("the store was copied")

    monkeypatch.setattr(KgStore, "quads", no_copy)
    result = CliRunner().invoke(cli, ["validate", "--store", str(faulty_store)])
    assert result.exit_code == 1
    assert result.output.strip() == expected.strip()


def test_an_empty_store_validates_as_an_empty_graph(tmp_path):
    KgStore(tmp_path / "empty").close()
    kg = KgStore(tmp_path / "empty", read_only=True)
    assert validate_store(kg.store) == validate_quads([])
    kg.close()


PEAK = """
import sys, tracemalloc
import pyoxigraph as ox
from kg.store import KgStore
from kg.validate import validate_store
validate_store(ox.Store())  # shapes and ontology loaded and cached before measuring
kg = KgStore(sys.argv[1], read_only=True)
tracemalloc.start()
report = validate_store(kg.store, batch_size=5)
print(tracemalloc.get_traced_memory()[1], report.triples)
"""


@pytest.mark.slow
def test_validating_a_store_takes_the_memory_of_a_batch_not_of_the_store(tmp_path, gold_doc):
    peaks, triples = [], []
    for n in (10, 60):
        path = tmp_path / f"store-{n}"
        build_inputs([_articles(tmp_path / f"in-{n}", gold_doc, n, own=True)], None,
                     store_dir=path, base=BASE)  # fmt: skip
        out = subprocess.run(
            [sys.executable, "-c", PEAK, str(path)], capture_output=True, text=True, check=True
        )
        peak, count = map(int, out.stdout.split())
        peaks.append(peak)
        triples.append(count)
    assert triples[1] > 5 * triples[0]  # six times the articles
    assert peaks[1] < 1.5 * peaks[0], peaks  # a copy of the store would take about six times
