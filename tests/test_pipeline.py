"""The corpus build: per-article work in processes (--jobs), validation of a batch that does
not grow with the store."""

from __future__ import annotations

import pickle

import pytest

import kg.quarantine
from kg.errors import KgError
from kg.pipeline import ArticleInput, build_inputs, read_inputs

from .conftest import write_variants


@pytest.fixture
def corpus(tmp_path, gold_doc):
    return write_variants(tmp_path / "corpus", gold_doc, 5)


def test_jobs_2_builds_the_bytes_of_jobs_1(tmp_path, corpus, monkeypatch):
    used = []
    import concurrent.futures

    real = concurrent.futures.ProcessPoolExecutor

    class Spy(real):
        def __init__(self, *a, **k):
            used.append(k.get("max_workers"))
            super().__init__(*a, **k)

    monkeypatch.setattr(concurrent.futures, "ProcessPoolExecutor", Spy)
    build_inputs([corpus], tmp_path / "one", jobs=1)
    assert used == []
    build_inputs([corpus], tmp_path / "two", jobs=2)
    assert used == [2]
    for name in ("kg.nq", "kg.trig", "quarantine.nq"):
        assert (tmp_path / "one" / name).read_bytes() == (tmp_path / "two" / name).read_bytes()


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
    assert seen and all(s == (kg.pipeline.GC_THRESHOLD, True) for s in seen)
    assert gc.get_threshold() == before
    assert gc.get_freeze_count() == 0
    (corpus / "a0.yaml").write_text("article: [", encoding="utf-8")  # a failing build
    with pytest.raises(KgError):
        build_inputs([corpus], None, store_dir=tmp_path / "store2")
    assert gc.get_threshold() == before
    assert gc.get_freeze_count() == 0
