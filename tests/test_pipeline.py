"""The corpus build: per-article work in processes (--jobs), validation of a batch that does
not grow with the store."""

from __future__ import annotations

import pickle

import pytest

import kg.quarantine
from kg.batches import LAST_BATCH_MIN, batch_spans
from kg.errors import KgError
from kg.pipeline import ArticleInput, build_inputs, read_inputs

from .conftest import write_variants


@pytest.fixture
def corpus(tmp_path, gold_doc):
    return write_variants(tmp_path / "corpus", gold_doc, 5)


def _store_lines(store) -> list[str]:
    from kg.store import KgStore

    s = KgStore(store, read_only=True)
    try:
        return sorted(f"{q} ." for q in [*s.quads(), *s.quads(quarantine=True)])
    finally:
        s.close()


def test_jobs_2_builds_the_bytes_of_jobs_1(tmp_path, gold_doc, monkeypatch):
    """--jobs 2: extraction and RDF (building and validating each batch) run in two worker
    processes; the output files are the bytes, and the store the quads, of --jobs 1."""
    import concurrent.futures
    import os

    import kg.batches
    import kg.pipeline

    corpus = write_variants(tmp_path / "corpus", gold_doc, 5, quarantined=3)
    used = []
    real = concurrent.futures.ProcessPoolExecutor

    class Spy(real):
        def __init__(self, *a, **k):
            used.append(k.get("max_workers"))
            super().__init__(*a, **k)

    monkeypatch.setattr(concurrent.futures, "ProcessPoolExecutor", Spy)
    builders = tmp_path / "builders"
    real_build = kg.batches.build

    def build_in(statements, **kwargs):  # a forked worker inherits this spy
        with builders.open("a", encoding="utf-8") as f:
            f.write(f"{os.getpid()}\n")
        return real_build(statements, **kwargs)

    monkeypatch.setattr(kg.batches, "build", build_in)
    one = build_inputs([corpus], tmp_path / "one", store_dir=tmp_path / "s1", batch_size=2)
    assert used == []
    monkeypatch.setattr(kg.pipeline, "build", None)  # nothing is built in this process
    two = build_inputs([corpus], tmp_path / "two", store_dir=tmp_path / "s2", jobs=2, batch_size=2)
    assert used == [2]
    pids = builders.read_text(encoding="utf-8").split()
    assert len(pids) == 3  # five articles in batches of two: three batches, each in a worker
    assert str(os.getpid()) not in pids
    for name in ("kg.nq", "kg.trig", "quarantine.nq", "manifest.json"):
        assert (tmp_path / "one" / name).read_bytes() == (tmp_path / "two" / name).read_bytes()
    assert one.quarantined == two.quarantined == 1
    assert (one.articles, one.relations, one.entities, one.notes) == (
        two.articles,
        two.relations,
        two.entities,
        two.notes,
    )
    assert _store_lines(tmp_path / "s1") == _store_lines(tmp_path / "s2")
    used.clear()
    build_inputs(sorted(corpus.iterdir())[:2], None, jobs=8)
    assert used == [2]  # no more worker processes than extraction tasks


def test_jobs_2_stores_and_refuses_what_jobs_1_does(tmp_path, gold_doc):
    """Built again with --jobs 2, stored articles are replaced as --jobs 1 replaces them; a
    duplicate article id fails the build in the same batch, after the batches before it
    are stored."""
    from kg.store import StoreError

    corpus = write_variants(tmp_path / "corpus", gold_doc, 5)
    for jobs in (1, 2):
        store = tmp_path / f"s{jobs}"
        build_inputs([corpus], None, store_dir=store, jobs=jobs, batch_size=2)
        again = build_inputs([corpus], None, store_dir=store, jobs=jobs, batch_size=2)
        assert (again.articles, again.replaced) == (5, 5)
    assert _store_lines(tmp_path / "s1") == _store_lines(tmp_path / "s2")
    changed = (corpus / "a4.yaml").read_text(encoding="utf-8").replace("Variant 4.", "Other.")
    (corpus / "a4.yaml").write_text(changed, encoding="utf-8")
    for jobs in (1, 2):
        with pytest.raises(StoreError, match="already in the store with a different text"):
            build_inputs([corpus], None, store_dir=tmp_path / f"s{jobs}", jobs=jobs, batch_size=2)

    duplicate = (corpus / "a0.yaml").read_text(encoding="utf-8")
    (corpus / "a3.yaml").write_text(duplicate, encoding="utf-8")
    for jobs in (1, 2):
        store = tmp_path / f"d{jobs}"
        with pytest.raises(KgError, match="article id 'article-0' is also"):
            build_inputs([corpus], None, store_dir=store, jobs=jobs, batch_size=2)
    assert len(_store_lines(tmp_path / "d1")) > 0
    assert _store_lines(tmp_path / "d1") == _store_lines(tmp_path / "d2")  # a0, a1 only


def test_jobs_2_stores_what_jobs_1_does_before_a_bad_input(tmp_path, gold_doc, monkeypatch):
    """A bad input in a later batch: --jobs 2 stores the batches before it, as --jobs 1 does.
    Extraction tasks of 3 inputs and batches of 2: a task that crossed the batch boundary
    would hold the bad input and the last input of the batch before it, and drop both."""
    import kg.jobs
    from kg.store import KgStore

    monkeypatch.setattr(kg.jobs, "chunk_size", lambda n_inputs, jobs: 3)
    corpus = write_variants(tmp_path / "corpus", gold_doc, 8)
    (corpus / "a4.yaml").write_text("article: [not, a, mapping\n", encoding="utf-8")
    stored = {}
    for jobs in (1, 2):
        store = tmp_path / f"s{jobs}"
        with pytest.raises(KgError):
            build_inputs([corpus], None, store_dir=store, jobs=jobs, batch_size=2)
        s = KgStore(store, read_only=True)
        try:
            stored[jobs] = len(s.article_graphs())
        finally:
            s.close()
    assert stored == {1: 4, 2: 4}  # a0-a3: the two batches before the bad one
    assert _store_lines(tmp_path / "s1") == _store_lines(tmp_path / "s2")


@pytest.mark.parametrize(
    ("n_inputs", "jobs", "batch_size"), [(36, 2, 100), (200, 2, 100), (250, 3, 100), (9, 2, 4)]
)
def test_jobs_tasks_cover_the_corpus_in_order_within_batches_and_end_small(
    n_inputs, jobs, batch_size
):
    """The extraction tasks of --jobs: every input once, in order; no task holds inputs of
    two batches; none is larger than chunk_size; and they shrink towards the end of the
    corpus, so that the workers finish together (the last ones hold one or two inputs)."""
    from kg.jobs import chunk_size, task_spans

    spans = task_spans(n_inputs, jobs, batch_size)
    assert [i for a, b in spans for i in range(a, b)] == list(range(n_inputs))
    batches = batch_spans(n_inputs, batch_size)
    assert all(any(s <= a and b <= e for s, e in batches) for a, b in spans)
    sizes = [b - a for a, b in spans]
    assert max(sizes) <= chunk_size(n_inputs, jobs)
    assert sizes[-1] == 1 and max(sizes[-2 * jobs :]) <= 2
    ends = {e for _s, e in batches}
    tail = [b - a for a, b in spans if a >= n_inputs // 2 and b not in ends]
    assert tail == sorted(tail, reverse=True)  # but where a batch ends


@pytest.mark.parametrize(
    ("n_inputs", "batch_size", "expected"),
    [
        (36, 100, [18, 9, 5, 4]),
        (200, 100, [100, 50, 25, 13, 6, 6]),
        (250, 100, [100, 100, 25, 13, 6, 6]),
        (8, 100, [8]),
        (5, 2, [2, 2, 1]),
        (0, 100, []),
    ],
)
def test_batches_are_full_but_the_last_is_halved_down_to_a_small_one(
    n_inputs, batch_size, expected
):
    """The batches of a corpus: every input once, in order; batch_size each, the last
    group's halves built while its last articles are still extracted (--jobs), so the batch
    built after the corpus's last article holds LAST_BATCH_MIN inputs or fewer."""
    spans = batch_spans(n_inputs, batch_size)
    assert [i for a, b in spans for i in range(a, b)] == list(range(n_inputs))
    assert [b - a for a, b in spans] == expected
    assert all(a // batch_size == (b - 1) // batch_size for a, b in spans)
    assert not spans or spans[-1][1] - spans[-1][0] <= LAST_BATCH_MIN


def test_the_halves_of_the_last_batch_are_built_apart_and_stored_as_they_overlap(
    tmp_path, gold_doc, monkeypatch
):
    """Twelve articles, batches of 100: built as 6 + 6 (--jobs 1 and --jobs 2 alike, the
    same bytes). In one process they go to the store in one bulk load, as a batch of 100
    would; with --jobs the first half is loaded when it arrives, while the workers still
    extract the second, and the store holds the same quads."""
    import kg.batches
    import kg.pipeline
    from kg.store import KgStore

    corpus = write_variants(tmp_path / "corpus", gold_doc, 12, quarantined=3)
    built = []
    real_build = kg.pipeline.build

    def counted(statements, **kwargs):
        built.append(len(statements))
        return real_build(statements, **kwargs)

    monkeypatch.setattr(kg.pipeline, "build", counted)
    loads = []
    for name in ("add_build", "add_built", "add_nquads"):
        real = getattr(KgStore, name)

        def spy(self, batch, *a, real=real, **k):
            loads.append(len(batch) if isinstance(batch, list) else len(batch.articles))
            return real(self, batch, *a, **k)

        monkeypatch.setattr(KgStore, name, spy)
    one = build_inputs([corpus], tmp_path / "one", store_dir=tmp_path / "s1")
    assert built == [6, 6]
    assert loads == [12]
    loads.clear()
    two = build_inputs([corpus], tmp_path / "two", store_dir=tmp_path / "s2", jobs=2)
    assert loads == [6, 6]
    for name in ("kg.nq", "kg.trig", "quarantine.nq", "manifest.json"):
        assert (tmp_path / "one" / name).read_bytes() == (tmp_path / "two" / name).read_bytes()
    assert (one.articles, one.quarantined, one.notes) == (two.articles, two.quarantined, two.notes)
    assert one.articles == 12
    assert _store_lines(tmp_path / "s1") == _store_lines(tmp_path / "s2")


@pytest.mark.parametrize(
    ("n_inputs", "expected"),
    [
        (36, (18, 32)),
        (200, (150, 194)),
        (2000, (1950, 1994)),
        (12, (6,)),
        (5, (5,)),
        (300, (250, 294)),
    ],
)
def test_with_jobs_the_tail_loads_leave_the_last_piece_alone(n_inputs, expected):
    """Where a --jobs build loads what is pending besides every LOAD_BATCHES batches: at the
    ends of the first piece of the last batch and of the piece before the last."""
    from kg.pipeline import _tail_loads

    assert _tail_loads(n_inputs, 100) == expected


def _spied_loads(monkeypatch) -> list[int]:
    """The number of articles of each bulk load of new articles (KgStore.add_nquads)."""
    from kg.store import KgStore

    loads: list[int] = []
    real = KgStore.add_nquads

    def spy(self, graphs, *a, **k):
        graphs = list(graphs)
        loads.append(len(graphs))
        return real(self, graphs, *a, **k)

    monkeypatch.setattr(KgStore, "add_nquads", spy)
    return loads


def test_with_jobs_only_the_last_piece_is_loaded_after_the_last_article(
    tmp_path, gold_doc, monkeypatch
):
    """Twenty articles, batches of 100: pieces of 10, 5 and 5 (kg.batches.batch_spans). In one
    process they go to the store in one load; with --jobs the first piece is loaded when it
    arrives and the second when it does, so that the load after the last article holds the
    last piece alone; the store holds the same quads."""
    corpus = write_variants(tmp_path / "corpus", gold_doc, 20, quarantined=3)
    loads = _spied_loads(monkeypatch)
    build_inputs([corpus], None, store_dir=tmp_path / "s1")
    assert loads == [20]
    loads.clear()
    build_inputs([corpus], None, store_dir=tmp_path / "s2", jobs=2)
    assert loads == [10, 5, 5]
    assert _store_lines(tmp_path / "s1") == _store_lines(tmp_path / "s2")


def test_with_jobs_the_store_loads_behind_the_build(tmp_path, gold_doc, monkeypatch):
    """With --jobs a bulk load runs in a thread of its own: the build takes the next piece
    the workers send back while the load before it is under way (a load in the build's own
    thread stopped it, and both workers ran out of tasks)."""
    import threading

    from kg.store import BulkLoad, KgStore

    corpus = write_variants(tmp_path / "corpus", gold_doc, 20)
    taken = []
    next_piece = threading.Event()
    real_add = BulkLoad.add

    def add(self, *a, **k):
        taken.append(1)
        if len(taken) == 2:  # the build took the second piece
            next_piece.set()
        return real_add(self, *a, **k)

    waited = []
    real_load = KgStore.add_nquads

    def load(self, graphs, *a, **k):
        if not waited:  # the first load ends only once the build took the next piece
            waited.append(next_piece.wait(timeout=10))
        return real_load(self, graphs, *a, **k)

    monkeypatch.setattr(BulkLoad, "add", add)
    monkeypatch.setattr(KgStore, "add_nquads", load)
    summary = build_inputs([corpus], None, store_dir=tmp_path / "s", jobs=2)
    assert waited == [True]
    assert summary.articles == 20
    build_inputs([corpus], None, store_dir=tmp_path / "one")
    assert _store_lines(tmp_path / "s") == _store_lines(tmp_path / "one")


def test_a_load_behind_that_fails_stops_the_build_and_nothing_is_loaded_after_it(
    tmp_path, gold_doc, monkeypatch
):
    """The error of a load behind the build (--jobs) is the build's, as that of a load in
    its turn; the pieces after it are not loaded and no spooled file is left."""
    import glob
    import tempfile

    from kg.store import KgStore, StoreError

    corpus = write_variants(tmp_path / "corpus", gold_doc, 20)
    calls = []

    def failing(self, graphs, *a, **k):
        calls.append(len(list(graphs)))
        raise StoreError("the disk is full")

    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))
    monkeypatch.setattr(KgStore, "add_nquads", failing)
    for jobs in (1, 2):
        calls.clear()
        with pytest.raises(StoreError, match="the disk is full"):
            build_inputs([corpus], None, store_dir=tmp_path / f"s{jobs}", jobs=jobs)
        assert calls == ([20] if jobs == 1 else [10])
        assert glob.glob(str(tmp_path / "kg-load-*")) == []


def test_new_articles_are_stored_load_batches_batches_a_load(tmp_path, gold_doc, monkeypatch):
    """Batches of new articles go to the store LOAD_BATCHES at a time (fewer bulk loads, less
    of RocksDB's compaction), with --jobs 1 and --jobs 2 alike, and the store holds the quads
    of a build that loads each batch alone; built again, a batch of stored articles goes
    alone and replaces them."""
    import kg.pipeline
    from kg.store import KgStore

    corpus = write_variants(tmp_path / "corpus", gold_doc, 11, quarantined=3)
    loads = []
    for name in ("add_build", "add_nquads"):
        real = getattr(KgStore, name)

        def spy(self, batch, *a, real=real, name=name, **k):
            loads.append((name, len(batch) if isinstance(batch, list) else len(batch.articles)))
            return real(self, batch, *a, **k)

        monkeypatch.setattr(KgStore, name, spy)
    for jobs in (1, 2):  # by default four batches a load (round 17)
        loads.clear()
        build_inputs([corpus], None, store_dir=tmp_path / f"d{jobs}", jobs=jobs, batch_size=2)
        assert loads == [("add_nquads", 8), ("add_nquads", 3)]
    monkeypatch.setattr(kg.pipeline, "LOAD_BATCHES", 2)
    for jobs in (1, 2):
        loads.clear()
        build_inputs([corpus], None, store_dir=tmp_path / f"s{jobs}", jobs=jobs, batch_size=2)
        assert loads == [("add_nquads", 4), ("add_nquads", 4), ("add_nquads", 3)]
    monkeypatch.setattr(kg.pipeline, "LOAD_BATCHES", 1)
    build_inputs([corpus], None, store_dir=tmp_path / "alone", batch_size=2)
    assert _store_lines(tmp_path / "s1") == _store_lines(tmp_path / "alone")
    assert _store_lines(tmp_path / "s2") == _store_lines(tmp_path / "alone")
    assert _store_lines(tmp_path / "d1") == _store_lines(tmp_path / "alone")
    assert _store_lines(tmp_path / "d2") == _store_lines(tmp_path / "alone")
    monkeypatch.setattr(kg.pipeline, "LOAD_BATCHES", 2)
    loads.clear()
    again = build_inputs([corpus], None, store_dir=tmp_path / "s1", batch_size=2)
    assert (again.articles, again.replaced) == (11, 11)
    assert [name for name, _n in loads] == ["add_build"] * 6
    assert _store_lines(tmp_path / "s1") == _store_lines(tmp_path / "alone")


def test_read_inputs_is_the_picklable_per_article_work(corpus):
    paths = sorted(corpus.iterdir())
    items = read_inputs(paths)
    assert [i.path for i in items] == [str(p) for p in paths]
    again = pickle.loads(pickle.dumps(items))
    assert isinstance(again[0], ArticleInput)
    assert again[0].statements.article.id == "article-0"
    assert pickle.loads(pickle.dumps(read_inputs)) is read_inputs
    import hashlib

    assert items[0].sha256 == hashlib.sha256(paths[0].read_bytes()).hexdigest()


def test_the_validation_of_a_batch_does_not_grow_with_the_store(tmp_path, corpus, monkeypatch):
    sizes = []
    real = kg.quarantine.validate_triples

    def counting(triples, inference="rdfs"):
        triples = list(triples)
        sizes.append(len(triples))
        return real(triples, inference=inference)

    monkeypatch.setattr(kg.quarantine, "validate_triples", counting)
    store = tmp_path / "store"
    for path in sorted(corpus.iterdir()):  # one article a build, into a growing store
        build_inputs([path], None, store_dir=store)
    assert len(sizes) == 5
    assert len(set(sizes)) == 1  # the batch alone, not the articles already stored


def test_each_input_is_read_and_hashed_once(tmp_path, corpus, monkeypatch):
    import hashlib
    import types

    import kg.corpus
    import kg.files
    import kg.pipeline
    import kg.statements

    reads: list[str] = []
    real_read = kg.files.read_bytes

    def read_bytes(path, *a, **k):
        reads.append(str(path))
        return real_read(path, *a, **k)

    for module in (kg.files, kg.pipeline, kg.statements, kg.corpus):
        monkeypatch.setattr(module, "read_bytes", read_bytes)
    text_hashes: list[bytes] = []

    def sha256(data=b""):
        text_hashes.append(data)
        return hashlib.sha256(data)

    monkeypatch.setattr(kg.statements, "hashlib", types.SimpleNamespace(sha256=sha256))
    summary = build_inputs([corpus], tmp_path / "out", store_dir=tmp_path / "store")
    assert summary.articles == 5
    paths = sorted(str(p) for p in corpus.iterdir())
    assert sorted(reads) == paths  # each file read once, nothing else read through kg.files
    assert len(text_hashes) == 5 == len(set(text_hashes))  # each article's text hashed once
    manifest = (tmp_path / "out" / "manifest.json").read_text(encoding="utf-8")
    assert all(hashlib.sha256(t).hexdigest() in manifest for t in text_hashes)


def test_a_build_tunes_the_garbage_collector_only_while_it_runs(tmp_path, corpus, monkeypatch):
    import gc

    import kg.pipeline

    seen = []
    real_build = kg.pipeline.build

    def spy(*a, **k):
        seen.append((gc.get_threshold()[0], gc.get_freeze_count() > 0))
        return real_build(*a, **k)

    monkeypatch.setattr(kg.pipeline, "build", spy)
    before = gc.get_threshold()
    build_inputs([corpus], None, store_dir=tmp_path / "store")
    assert seen and all(s == (0, True) for s in seen)  # one process: kg.pipeline.BatchCollector
    assert gc.get_threshold() == before
    assert gc.get_freeze_count() == 0
    (corpus / "a0.yaml").write_text("article: [", encoding="utf-8")  # a failing build
    with pytest.raises(KgError):
        build_inputs([corpus], None, store_dir=tmp_path / "store2")
    assert gc.get_threshold() == before
    assert gc.get_freeze_count() == 0


def test_a_batch_for_the_store_and_the_files_is_written_from_its_triples(
    tmp_path, gold_doc, monkeypatch
):
    """Issue 11: a batch's quads were made (ox.Quad) only to be serialized for the store's
    bulk load and the files; build(nquads=...) writes the N-Quads lines from the triples:
    the bytes kg.batches.as_built made from the quads, sorted or in order, quarantine too."""
    from kg.batches import as_built
    from kg.build import build
    from kg.statements import load_statements

    corpus = write_variants(tmp_path / "corpus", gold_doc, 5, quarantined=3)
    statements = [load_statements(p) for p in sorted(corpus.iterdir())]
    made: list = []
    real_in_graph = kg.quarantine.in_graph

    def in_graph(*a):
        made.append(a)
        return real_in_graph(*a)

    monkeypatch.setattr(kg.quarantine, "in_graph", in_graph)
    for order, sort in (("sorted", True), ("in order", False)):
        expected = as_built(build(statements), sort)
        made.clear()
        got = build(statements, nquads=order)
        assert made == []  # no quad made
        assert got.quarantine and got.main.count(b"\n") > 1000
        assert (got.main, got.quarantine, got.entities) == (
            expected.main,
            expected.quarantine,
            expected.entities,
        )
        assert got.articles == expected.articles
    build_inputs([corpus], tmp_path / "out", store_dir=tmp_path / "store")
    assert made == []  # a build in one process makes none either


def test_a_build_in_one_process_collects_between_batches_not_during_them(
    tmp_path, gold_doc, monkeypatch
):
    """Issue 11: automatic young collections during a batch walked the batch's live objects
    again and again (2,000 statements files: 131 collections, 0.76 s of CPU); one young
    collection after each batch, a full one every FULL_COLLECTION_EVERY, cost a tenth."""
    import gc

    import kg.pipeline

    corpus = write_variants(tmp_path / "corpus", gold_doc, 12)
    monkeypatch.setattr(kg.pipeline, "FULL_COLLECTION_EVERY", 5)
    events: list = []

    def count(phase, info):
        if phase == "start":
            events.append(info["generation"])

    real_build = kg.pipeline.build

    def build(*a, **k):  # a batch that makes many objects, cycles among them
        events.append("batch")
        made = []
        for i in range(50_000):
            node = {"i": i}
            node["self"] = node
            made.append(node)
        return real_build(*a, **k)

    monkeypatch.setattr(kg.pipeline, "build", build)
    before = gc.get_threshold()
    gc.callbacks.append(count)
    try:
        build_inputs([corpus], None, store_dir=tmp_path / "store", batch_size=2)
    finally:
        gc.callbacks.remove(count)
    batches = events[events.index("batch") :]
    assert batches == ["batch", 1, "batch", 1, "batch", 1, "batch", 1, "batch", 2, "batch", 1]
    assert gc.get_threshold() == before
    monkeypatch.undo()  # the same quads as a build in one batch, collected as before
    build_inputs([corpus], None, store_dir=tmp_path / "store2")
    assert _store_lines(tmp_path / "store") == _store_lines(tmp_path / "store2")


def test_no_collection_runs_while_a_build_loads_what_lives_through_it(
    tmp_path, corpus, monkeypatch
):
    """Issue 11: loading spaCy and its model ran some 300 automatic collections (two full
    ones) that found nothing to free; srsly turns the collector back on after each
    msgpack document, so the pause is a threshold of 0, not gc.disable."""
    import gc

    import kg.pipeline

    collections = []

    def count(phase, info):
        if phase == "start":
            collections.append(info["generation"])

    def load(*args):  # a load that makes many objects, cycles among them, as spaCy's does
        gc.disable()
        gc.enable()  # as srsly does around each msgpack document
        made = []
        for i in range(50_000):
            node = {"i": i}
            node["self"] = node
            made.append(node)
        seen.append((len(collections), gc.get_threshold()[0]))

    seen: list = []
    monkeypatch.setattr(kg.pipeline, "_load_long_lived", load)
    before = gc.get_threshold()
    gc.callbacks.append(count)
    try:
        build_inputs([corpus], None, store_dir=tmp_path / "store")
    finally:
        gc.callbacks.remove(count)
    assert seen == [(0, 0)]
    assert collections  # the build's own young collections still run
    assert gc.get_threshold() == before


def test_what_a_build_loads_is_walked_by_one_collection_not_two():
    """Issue 11: when the pause of the load ended, the restored threshold had the next
    allocation start a young collection over everything the load made, and
    collector_for_a_corpus's collection walked it all again (0.04 s of CPU each, the
    second freeing nothing). The pause now ends with the one collection, which frees the
    load's garbage and leaves what lives in the oldest generation: no young collection
    after it walks that again."""
    import gc

    from kg.pipeline import GC_THRESHOLD, collector_for_a_corpus, collector_paused

    gc.collect()
    with collector_paused():
        kept = []
        for i in range(20_000):
            node = {"i": i}
            node["self"] = node  # a cycle: only the cyclic collector frees it
            if i % 2:
                kept.append(node)
        del node
    young = {id(o) for g in (0, 1) for o in gc.get_objects(generation=g)}
    assert not [n for n in kept if id(n) in young]
    old = {id(o) for o in gc.get_objects(generation=2)}
    assert all(id(n) in old for n in kept)
    freed = []

    def count(phase, info):
        if phase == "stop":
            freed.append(info["collected"])

    gc.callbacks.append(count)
    try:
        with collector_for_a_corpus():
            assert gc.get_threshold()[0] == GC_THRESHOLD  # the corpus's young threshold
    finally:
        gc.callbacks.remove(count)
    assert freed and sum(freed) < 1_000  # the load's 10,000 garbage cycles went before


def test_a_jobs_build_freezes_what_it_loads_without_walking_it(tmp_path, corpus, monkeypatch):
    """With --jobs the pause of the load ends with no collection: what the load made (its
    garbage cycles too) goes out of the collector's reach at once, for the workers forked
    next; the collection had walked it all (some 121,000 objects after spaCy's load) in the
    start every worker waits for. A build in one process still collects. What the pause
    froze is let go if the store cannot be opened."""
    import gc

    import kg.pipeline
    from kg.pipeline import collector_paused

    gc.collect()
    before = gc.get_freeze_count()
    threshold = gc.get_threshold()
    runs = []

    def count(phase, info):
        if phase == "start":
            runs.append(info["generation"])

    gc.callbacks.append(count)
    try:
        with collector_paused(freeze=True):
            for i in range(20_000):
                node = {"i": i}
                node["self"] = node  # garbage cycles
            del node
    finally:
        gc.callbacks.remove(count)
    try:
        assert runs == []
        assert gc.get_freeze_count() >= before + 20_000
        assert gc.get_threshold() == threshold
    finally:
        gc.unfreeze()
    freezes = []
    real = kg.pipeline.collector_paused

    def spy(freeze=False):
        freezes.append(freeze)
        return real(freeze)

    monkeypatch.setattr(kg.pipeline, "collector_paused", spy)
    for jobs in (1, 2):
        build_inputs([corpus], None, store_dir=tmp_path / f"s{jobs}", jobs=jobs)
        build_inputs([corpus], None, jobs=jobs)
    assert freezes == [False, False, True, True]
    gc.collect()
    before = gc.get_freeze_count()
    from kg.store import KgStore

    held = KgStore(tmp_path / "s2")  # locked: the build cannot open it
    try:
        with pytest.raises(KgError):
            build_inputs([corpus], None, store_dir=tmp_path / "s2", jobs=2)
    finally:
        held.close()
    assert gc.get_freeze_count() == before


def test_a_build_opens_its_store_while_it_loads_the_model(tmp_path, corpus, monkeypatch):
    """Issue 11: the store opened before the spaCy pipeline loaded, one after the other in
    the serial start of a build (RocksDB's open, its files created and synced, is wall time
    on a busy disk); it opens in a thread during the load, which does not wait for it.
    What goes wrong opening it is raised as before, and a load that fails lets go of it."""
    import threading

    import kg.pipeline
    import kg.store

    opened_in = []
    real_init = kg.store.KgStore.__init__

    def init(self, *a, **k):
        opened_in.append(threading.current_thread() is threading.main_thread())
        real_init(self, *a, **k)

    monkeypatch.setattr(kg.store.KgStore, "__init__", init)
    loaded = []
    real_load = kg.pipeline._load_long_lived

    def load(*a):
        loaded.append(a)
        real_load(*a)

    monkeypatch.setattr(kg.pipeline, "_load_long_lived", load)
    store = tmp_path / "store"
    build_inputs([corpus], None, store_dir=store, base="https://example.org/kg/")
    assert opened_in == [False] and len(loaded) == 1  # in a thread, with the load
    with pytest.raises(KgError, match="was built with the base IRI"):
        build_inputs([corpus], None, store_dir=store, base="https://example.org/other/")

    def failing(*a):
        raise KgError("no model")

    monkeypatch.setattr(kg.pipeline, "_load_long_lived", failing)
    with pytest.raises(KgError, match="no model"):
        build_inputs([corpus], None, store_dir=store)
    kg.store.KgStore(store).close()  # not locked: the build let go of it
    with pytest.raises(KgError, match="no model"):
        build_inputs([corpus], None)  # without a store


def test_the_extractors_data_reads_the_same_with_the_fast_yaml_parser(monkeypatch):
    """The extractor's YAML files are read with libyaml's parser (a tenth of the time every
    process that extracts spends starting): the same data as PyYAML's own parser gives."""
    import yaml

    import kg.extract.lexicon as lexicon
    from kg.extract import yaml_cache
    from kg.resources import data_path

    patterns = data_path("patterns").glob("*.yaml")
    names = ["gazetteer.yaml", *sorted(f"patterns/{p.name}" for p in patterns)]
    assert "patterns/frames.yaml" in names
    assert yaml_cache.LOADER is yaml.CSafeLoader  # tools/install.sh gives PyYAML with libyaml
    for name in names:
        text = data_path(name).read_text(encoding="utf-8")
        assert lexicon.load_yaml(name) == yaml.safe_load(text), name


def test_the_summary_names_only_the_article_whose_statement_was_quarantined(tmp_path, gold_doc):
    """The shapes see a wrong class of an entity from every article that mentions it; the
    summary says it of the one article whose statement went to quarantine."""
    corpus = write_variants(tmp_path / "corpus", gold_doc, 4, quarantined=1)
    summary = build_inputs([corpus], None, store_dir=tmp_path / "s", batch_size=4)
    named = sorted({note.split(":")[0] for note in summary.notes if "quarantined in" in note})
    assert named == ["quarantined in article-1"]


def test_jobs_workers_keep_the_memory_their_tasks_free(tmp_path, corpus, monkeypatch):
    """Each --jobs worker fixes glibc's malloc thresholds as it starts (kg.jobs
    keep_freed_memory), so the memory one task frees serves the next."""
    import os

    import kg.jobs

    marks = tmp_path / "workers"
    real = kg.jobs.keep_freed_memory

    def spy():  # a forked worker inherits this spy
        with marks.open("a", encoding="utf-8") as f:
            f.write(f"{os.getpid()}\n")
        return real()

    monkeypatch.setattr(kg.jobs, "keep_freed_memory", spy)
    build_inputs([corpus], None, jobs=2, batch_size=2)
    pids = marks.read_text(encoding="utf-8").split()
    assert len(pids) == 2 and str(os.getpid()) not in pids


# Memory freed at the top of the heap in a loop of tasks: with glibc's adaptive thresholds
# (set to 1 MB by the first free) each round's 48 MB go back to the system and are faulted
# in again; with kg.jobs.keep_freed_memory they stay. Page faults are counted, not time.
_TASKS = """
import resource, sys
if sys.argv[1] == "keep":
    import kg.jobs
    assert kg.jobs.keep_freed_memory()
block = bytearray(1 << 20)
del block  # the first free of a 1 MB block sets the adaptive threshold to 1 MB
def task():
    blocks = [bytearray(1 << 20) for _ in range(48)]  # zero-filled: every page touched
    del blocks
task()
before = resource.getrusage(resource.RUSAGE_SELF).ru_minflt
for _ in range(3):
    task()
print(resource.getrusage(resource.RUSAGE_SELF).ru_minflt - before)
"""


def test_memory_a_task_frees_is_not_faulted_in_again_for_the_next():
    import subprocess
    import sys

    def faults(mode: str) -> int:
        done = subprocess.run(
            [sys.executable, "-c", _TASKS, mode], capture_output=True, text=True, check=True
        )
        return int(done.stdout)

    adaptive, kept = faults("adaptive"), faults("keep")
    assert adaptive > 3 * 48 * 256 / 2  # most of three rounds of 48 MB in 4 KB pages
    assert kept < adaptive / 10
