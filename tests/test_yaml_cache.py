"""The extractor's YAML files read through a cache of their parsed data (kg.extract.yaml_cache):
the data of the file as it is now, parsed once."""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

import pytest
import yaml

from kg.extract import yaml_cache

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture
def writing(monkeypatch):
    """Caches written, as in a process without PYTHONDONTWRITEBYTECODE."""
    monkeypatch.setattr(sys, "dont_write_bytecode", False)


def _unparsed(monkeypatch):
    def refuse(*args, **kwargs):
        raise AssertionError("parsed again")

    monkeypatch.setattr(yaml, "load", refuse)


def test_a_file_is_parsed_once_then_read_from_its_cache(tmp_path, writing, monkeypatch):
    path = tmp_path / "words.yaml"
    path.write_text("verbs: [appoint, name]\nweight: 0.5\nnone: ~\nflag: yes\n", encoding="utf-8")
    first = yaml_cache.load(path)
    assert first == {"verbs": ["appoint", "name"], "weight": 0.5, "none": None, "flag": True}
    assert [p.name for p in (tmp_path / "__pycache__").iterdir()] == [
        yaml_cache.cache_path(path, path.read_text(encoding="utf-8")).name
    ]
    _unparsed(monkeypatch)
    again = yaml_cache.load(path)
    assert again == first and list(again) == list(first)


def test_an_edited_file_gives_its_new_data_and_its_old_cache_goes(tmp_path, writing):
    path = tmp_path / "words.yaml"
    path.write_text("verbs: [appoint]\n", encoding="utf-8")
    yaml_cache.load(path)
    path.write_text("verbs: [appoint, dismiss]\n", encoding="utf-8")
    assert yaml_cache.load(path) == {"verbs": ["appoint", "dismiss"]}
    cached = list((tmp_path / "__pycache__").iterdir())
    assert [p.name for p in cached] == [yaml_cache.cache_path(path, path.read_text()).name]


def test_no_cache_is_written_where_python_writes_no_byte_code(tmp_path, monkeypatch):
    monkeypatch.setattr(sys, "dont_write_bytecode", True)
    path = tmp_path / "words.yaml"
    path.write_text("verbs: [appoint]\n", encoding="utf-8")
    assert yaml_cache.load(path) == {"verbs": ["appoint"]}
    assert not (tmp_path / "__pycache__").exists()


def test_data_marshal_cannot_hold_is_parsed_each_time(tmp_path, writing):
    path = tmp_path / "dates.yaml"
    path.write_text("since: 2024-05-01\n", encoding="utf-8")
    assert str(yaml_cache.load(path)["since"]) == "2024-05-01"
    assert not list((tmp_path / "__pycache__").glob("*.marshal"))
    assert str(yaml_cache.load(path)["since"]) == "2024-05-01"


def test_a_folder_kg_cannot_write_to_is_read_without_a_cache(tmp_path, writing, monkeypatch):
    path = tmp_path / "words.yaml"
    path.write_text("verbs: [appoint]\n", encoding="utf-8")

    def refuse(*args, **kwargs):
        raise PermissionError("read-only")

    monkeypatch.setattr(Path, "mkdir", refuse)
    assert yaml_cache.load(path) == {"verbs": ["appoint"]}
    assert not (tmp_path / "__pycache__").exists()


def test_the_extractors_files_read_the_same_from_their_caches(tmp_path, writing, monkeypatch):
    data = tmp_path / "data"
    (data / "patterns").mkdir(parents=True)
    shutil.copy(ROOT / "data" / "gazetteer.yaml", data)
    for p in (ROOT / "data" / "patterns").glob("*.yaml"):
        shutil.copy(p, data / "patterns")
    files = [data / "gazetteer.yaml", *sorted((data / "patterns").glob("*.yaml"))]
    parsed = [yaml.safe_load(p.read_text(encoding="utf-8")) for p in files]
    assert [yaml_cache.load(p) for p in files] == parsed
    _unparsed(monkeypatch)
    assert [yaml_cache.load(p) for p in files] == parsed
