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
