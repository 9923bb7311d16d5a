"""The build's files are written batch by batch (sorted runs merged at the end): the bytes
do not depend on the batch size, and a failed build leaves nothing behind."""

from __future__ import annotations

import copy

import pytest
import yaml

from kg.errors import InputError
from kg.outputs import OUTPUT_FILES
from kg.pipeline import build_inputs

from .conftest import write_variants


@pytest.fixture
def corpus(tmp_path, gold_doc):
    """Five statements files: the gold article under five ids, one with a statement that
    goes to quarantine."""
    return write_variants(tmp_path / "corpus", gold_doc, 5, quarantined=3)


def _files(folder) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir())}


def test_the_files_do_not_depend_on_the_batch_size(tmp_path, corpus):
    build_inputs([corpus], tmp_path / "one", batch_size=100)
    build_inputs([corpus], tmp_path / "many", batch_size=2)
    one, many = _files(tmp_path / "one"), _files(tmp_path / "many")
    assert sorted(one) == sorted(OUTPUT_FILES)  # no temporary run files left
    manifest_one = yaml.safe_load(one.pop("manifest.json"))
    manifest_many = yaml.safe_load(many.pop("manifest.json"))
    assert one == many
    # the manifest differs only by the input paths
    assert manifest_one["outputs"] == manifest_many["outputs"]
    assert manifest_one["counts"] == manifest_many["counts"]
    assert manifest_one["counts"]["articles"] == 5
    assert manifest_one["counts"]["quarantined"] == 1
    assert manifest_one["counts"]["quads"] == one["kg.nq"].count(b"\n")
    lines = one["kg.nq"].splitlines()
    assert lines == sorted(set(lines))
    assert one["quarantine.nq"]


def test_a_failed_build_leaves_no_files(tmp_path, corpus, gold_doc):
    doc = copy.deepcopy(gold_doc)
    doc["article"]["id"] = "article-0"  # the id of a0.yaml, in a later batch
    (corpus / "z.yaml").write_text(yaml.safe_dump(doc), encoding="utf-8")
    with pytest.raises(InputError, match="also"):
        build_inputs([corpus], tmp_path / "out", batch_size=2)
    assert not (tmp_path / "out").exists()


def test_the_outputs_are_merged_with_few_files_open(tmp_path, monkeypatch):
    """A large corpus makes more sorted runs than a process may open files: they are merged
    a few at a time, and the result is the same distinct, sorted lines."""
    import contextlib
    import os

    from kg import outputs

    monkeypatch.setattr(outputs, "MERGE_FANIN", 3)
    writer = outputs.BuildWriter(tmp_path / "out", "https://example.org/")
    lines = set()
    for i in range(10):
        batch = sorted(
            {f"<urn:s{(i * 7 + k) % 23}> <urn:p> <urn:o{k}> <urn:g> .\n" for k in range(5)}
        )
        lines.update(batch)
        writer.add_nquads("".join(batch).encode(), b"", [], [])
    open_runs = []

    def runs_open() -> int:
        paths = []
        for fd in os.listdir("/proc/self/fd"):
            with contextlib.suppress(OSError):  # the listing's own descriptor, closed by now
                paths.append(os.readlink(f"/proc/self/fd/{fd}"))
        return sum(str(writer._tmp) in path for path in paths)

    merged = []
    for line in writer._merged("main"):
        open_runs.append(runs_open())
        merged.append(line)
    assert merged == sorted(lines)
    assert max(open_runs) <= 3
    writer.close()


BUILD_PEAK = """
import sys, tracemalloc
from pathlib import Path
from kg.pipeline import build_inputs
tmp, warm, corpus = (Path(a) for a in sys.argv[1:4])
# the ontology, the shapes and the caches of a build loaded before measuring
build_inputs([warm], tmp / "warm-out", store_dir=tmp / "warm-store", batch_size=4)
tracemalloc.start()
summary = build_inputs([corpus], tmp / "out", store_dir=tmp / "store", batch_size=4)
print(tracemalloc.get_traced_memory()[1], summary.articles)
"""


@pytest.mark.slow
def test_a_build_takes_the_memory_of_a_batch_not_of_the_corpus(tmp_path, gold_doc):
    """Issue 11's memory flat in corpus size: what a build holds in Python (tracemalloc)
    does not grow with the corpus, the output files being written batch by batch (sorted
    runs merged at the end): a corpus five times larger peaks at about the same memory
    (1.04 times; a build that kept each batch's N-Quads until the end peaks at 1.9 times,
    checked). The store's loads are spooled to files by pyoxigraph, outside tracemalloc."""
    import subprocess
    import sys

    warm = write_variants(tmp_path / "warm", gold_doc, 1)
    peaks = {}
    for n in (8, 40):
        work = tmp_path / f"build-{n}"
        work.mkdir()
        corpus = write_variants(tmp_path / f"corpus-{n}", gold_doc, n)
        out = subprocess.run(
            [sys.executable, "-c", BUILD_PEAK, str(work), str(warm), str(corpus)],
            capture_output=True,
            text=True,
            check=True,
        )
        peak, articles = (int(x) for x in out.stdout.split())
        assert articles == n
        peaks[n] = peak
    assert peaks[40] < 1.3 * peaks[8], peaks
