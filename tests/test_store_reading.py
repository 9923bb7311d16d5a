"""kg validate --store and kg diff read a store without copying it: validation batch by
batch gives the report of the whole graph, a diff streams a sorted merge; memory follows
the batch, not the store."""

from __future__ import annotations

import copy
import json
import subprocess
import sys

import pyoxigraph as ox
import pytest
import yaml
from click.testing import CliRunner

from kg.cli import cli
from kg.pipeline import build_inputs
from kg.store import KgStore
from kg.validate import format_report, validate_quads
from kg.validate_store import validate_store

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
    # a direct triple of a node named in every article (s) whose only statements behind
    # are planned, two of them, alike but for their sentences: the report names the
    # sentence of the first in file order, whichever of the alike statements a batch keeps
    more = _n(BASE + "graph/zz-more")
    for name, sentence, graph in (("-b", "Second planned.", last), ("-a", "First.", more)):
        planned = _n(st.value + "-planned" + name)
        changed = {
            RDF + "object": person,
            KGO + "modality": _n(KGO + "Planned"),
            KGO + "sentence": ox.Literal(sentence),
        }
        for q in kg.store.quads_for_pattern(st, None, None, _n(g0)):
            value = changed.get(q.predicate.value, q.object)
            faults.append(ox.Quad(planned, q.predicate, value, graph))
    faults.append(ox.Quad(s, p, person, first))
    kg.store.extend(faults)
    kg.close()
    return path


def _whole(path, **kw):
    """The store validated whole, in memory, its lines sorted (a file kg export writes)."""
    kg = KgStore(path, read_only=True)
    try:
        return validate_quads(sorted(kg.quads(), key=str), **kw)
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
    planned = [v for v in report.violations if v.sentence == "First."]
    assert planned and not [v for v in report.violations if v.sentence == "Second planned."]
    bogus = [v for v in report.violations if v.focus == KGO + "Bogus"]
    assert len(bogus) == 1  # a node of no graph's own, reported once
    assert report.triples == whole.triples > 1000


def test_alike_statements_behind_a_shared_node_are_validated_once(faulty_store, monkeypatch):
    """The four articles state the same relations of their shared entities: the batch that
    owns those entities holds one statement per kind, and still reports what all of them
    would."""
    from kg import validate_store as batches

    kg = KgStore(faulty_store, read_only=True)
    graphs = sorted(batches._graph_key(g) for g in kg.store.named_graphs())
    deduped = batches._store_batch(kg.store, graphs[:1])[0]
    monkeypatch.setattr(batches, "_read_through", lambda: None)
    every = batches._store_batch(kg.store, graphs[:1])[0]
    kg.close()
    assert len(deduped) < len(every)


def test_shapes_kg_cannot_compile_keep_every_statement(monkeypatch):
    from kg import shacl
    from kg import validate_store as batches

    def unsupported():
        raise shacl.Unsupported("SPARQL-based targets")

    batches._read_through.cache_clear()
    monkeypatch.setattr(shacl, "compiled_shapes", unsupported)
    try:
        assert batches._read_through() is None
    finally:
        batches._read_through.cache_clear()


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


@pytest.fixture(scope="module")
def sized_stores(tmp_path_factory, gold_doc_module):
    """Stores of 10 and 60 articles that each name their own people and bodies."""
    root = tmp_path_factory.mktemp("sized")
    out = {}
    for n in (10, 60):
        path = root / f"store-{n}"
        build_inputs([_articles(root / f"in-{n}", gold_doc_module, n, own=True)], None,
                     store_dir=path, base=BASE)  # fmt: skip
        out[n] = path
    return out


@pytest.fixture(scope="module")
def gold_doc_module():
    from .conftest import sample_gold_document

    return sample_gold_document()


def _peak(code: str, *args) -> list[int]:
    out = subprocess.run(
        [sys.executable, "-c", code, *map(str, args)], capture_output=True, text=True, check=True
    )
    return [int(x) for x in out.stdout.split()]


PEAK = """
import sys, tracemalloc
import pyoxigraph as ox
from kg.store import KgStore
from kg.validate_store import validate_store
validate_store(ox.Store())  # shapes and ontology loaded and cached before measuring
kg = KgStore(sys.argv[1], read_only=True)
tracemalloc.start()
report = validate_store(kg.store, batch_size=5)
print(tracemalloc.get_traced_memory()[1], report.triples)
"""


@pytest.mark.slow
def test_validating_a_store_takes_the_memory_of_a_batch_not_of_the_store(sized_stores):
    (small, n_small), (large, n_large) = (_peak(PEAK, sized_stores[n]) for n in (10, 60))
    assert n_large > 5 * n_small  # six times the triples
    assert large < 1.5 * small, (small, large)  # one batch of all: about twice (checked)


DIFF_PEAK = """
import sys, tracemalloc
from pathlib import Path
from kg.diff import diff, format_diff, open_state
with open_state(Path(sys.argv[1])) as old, open_state(Path(sys.argv[2])) as new:
    diff(old, new, chunk=10)
    tracemalloc.start()
    d = diff(old, new, chunk=500, fanin=4)
print(tracemalloc.get_traced_memory()[1], sum(d.counts))
"""


@pytest.mark.slow
def test_a_diff_of_two_stores_takes_the_memory_of_a_run_not_of_the_stores(sized_stores, tmp_path):
    peaks = []
    for n in (10, 60):
        changed = tmp_path / f"changed-{n}"
        KgStore(sized_stores[n], read_only=True).snapshot(changed)
        kg = KgStore(changed)
        kg.store.add(ox.Quad(_n(BASE + "x"), LABEL, ox.Literal("X"), _n(BASE + "graph/x")))
        kg.close()
        peak, changes = _peak(DIFF_PEAK, sized_stores[n], changed)
        assert changes == 1
        peaks.append(peak)
    assert peaks[1] < 1.5 * peaks[0], peaks  # holding the stores: about six times


EXPORT_PEAK = """
import io, sys, tracemalloc
from kg.export import write_rdf
from kg.source import open_source
class Null(io.RawIOBase):
    def writable(self):
        return True
    def write(self, b):
        return len(b)
with open_source(store=sys.argv[1]) as src:
    write_rdf(src.quads(), sys.argv[2], Null(), chunk=10)
    tracemalloc.start()
    write_rdf(src.quads(), sys.argv[2], Null(), chunk=500, fanin=4)
    peak = tracemalloc.get_traced_memory()[1]
print(peak, 0)
"""


@pytest.mark.slow
@pytest.mark.parametrize("fmt", ["nquads", "turtle", "jsonld"])
def test_an_export_of_a_store_takes_the_memory_of_a_run_not_of_the_store(sized_stores, fmt):
    (small, _), (large, _) = (_peak(EXPORT_PEAK, sized_stores[n], fmt) for n in (10, 60))
    assert large < 1.5 * small, (small, large)  # the whole graph in memory: about six times


def _reference_diff(old, new):
    """The diff as kg computed it before it streamed: both graphs held as sets."""
    from kg.diff import RDFS_LABEL, Diff, _term

    old_set = {str(q): q for q in old}
    new_set = {str(q): q for q in new}
    result = Diff()
    for q in list(old_set.values()) + list(new_set.values()):
        if q.predicate.value == RDFS_LABEL and isinstance(q.subject, ox.NamedNode):
            result.labels.setdefault(q.subject.value, q.object.value)
    for keys, source, target in (
        (new_set.keys() - old_set.keys(), new_set, result.added),
        (old_set.keys() - new_set.keys(), old_set, result.removed),
    ):
        for key in sorted(keys):
            q = source[key]
            graph = q.graph_name.value if isinstance(q.graph_name, ox.NamedNode) else "(default)"
            subject = q.subject.value if isinstance(q.subject, ox.NamedNode) else str(q.subject)
            target.setdefault(graph, {}).setdefault(subject, []).append(
                f"{_term(q.predicate)} {_term(q.object)}"
            )
    return result


@pytest.fixture
def two_states(tmp_path, gold_doc):
    """A store of three articles and a later state of it: an article removed, one
    rebuilt with a relation less, a label changed, quads with a blank node, a line break in
    a literal and the default graph added; each also written as an N-Quads file."""
    old = tmp_path / "old"
    build_inputs([_articles(tmp_path / "in", gold_doc, 3)], None, store_dir=old, base=BASE)
    new = tmp_path / "new"
    KgStore(old, read_only=True).snapshot(new)
    kg = KgStore(new)
    kg.remove("article-0001", BASE)
    changed = copy.deepcopy(gold_doc)
    changed["article"]["id"] = "article-0002"
    changed["article"]["text"] += "\nVariant 2."
    changed["relations"] = changed["relations"][1:]
    path = tmp_path / "changed.yaml"
    path.write_text(yaml.safe_dump(changed), encoding="utf-8")
    kg.close()
    build_inputs([path], None, store_dir=new, base=BASE, replace=True)
    kg = KgStore(new)
    g = _n(BASE + "graph/article-0000")
    s, label = next((q.subject, q.object) for q in kg.store.quads_for_pattern(None, LABEL, None, g))
    kg.store.remove(ox.Quad(s, LABEL, label, g))
    kg.store.add(ox.Quad(s, LABEL, ox.Literal(label.value + " Jr"), g))
    kg.store.add(ox.Quad(ox.BlankNode("b1"), LABEL, ox.Literal("two\nlines"), g))
    kg.store.add(ox.Quad(s, _n(KGO + "note"), ox.Literal("in the default graph")))
    kg.close()
    files = []
    for state in (old, new):
        kg = KgStore(state, read_only=True)
        data = ox.serialize(kg.quads(), format=ox.RdfFormat.N_QUADS)
        kg.close()
        files.append(tmp_path / f"{state.name}.nq")
        files[-1].write_bytes(data)
    return old, new, *files


@pytest.mark.parametrize("chunk", [5, 200_000])
def test_a_streamed_diff_is_the_diff_of_the_whole_graphs(two_states, chunk):
    from kg.diff import diff, format_diff, open_state

    old_store, new_store, old_file, new_file = two_states
    for old, new in ((old_store, new_store), (old_file, new_store), (new_file, old_file)):
        with open_state(old) as a, open_state(new) as b:
            expected = _reference_diff(list(a()), list(b()))
            got = diff(a, b, chunk=chunk, fanin=3)
        assert format_diff(got) == format_diff(expected)
        assert json.dumps(got.as_dict()) == json.dumps(expected.as_dict())  # order too
        assert min(got.counts) >= 3 and max(got.counts) > 300
        assert {k: expected.labels[k] for k in got.labels} == got.labels
    with open_state(old_store) as a, open_state(new_store) as b:
        expected = _reference_diff(list(a()), list(b()))
    result = CliRunner().invoke(cli, ["diff", str(old_store), str(new_store)])
    assert result.exit_code == 0
    assert result.output.rstrip("\n") == format_diff(expected)
    assert "Jr" in result.output and "two\\nlines" in result.output
