"""Shared fixtures: paths of the sample article and its gold statements, built graphs."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parent.parent
SAMPLE_TEXT = ROOT / "data" / "articles" / "rubio-pakistan-isf.txt"
SAMPLE_GOLD = ROOT / "data" / "gold" / "rubio-pakistan-isf.yaml"
EXPECTED_CQ = yaml.safe_load((Path(__file__).parent / "expected_cq.yaml").read_text())


@pytest.fixture(autouse=True)
def _work_in_tmp(tmp_path, monkeypatch):
    """kg writes ./build and ./kg-store by default: keep them out of the checkout."""
    monkeypatch.chdir(tmp_path)


@pytest.fixture(scope="session")
def gold_statements():
    from kg.statements import load_statements

    return load_statements(SAMPLE_GOLD)


@pytest.fixture(scope="session")
def gold_build(gold_statements):
    from kg.build import build

    return build([gold_statements])


@pytest.fixture(scope="session")
def gold_quads(gold_build):
    return gold_build.main_quads


def sample_gold_document() -> dict:
    """The gold statements as a plain document, with the text inline, to break in tests."""
    from kg.statements import load_statements, to_document

    st = load_statements(SAMPLE_GOLD)
    doc = to_document(st)
    doc["article"].pop("text_file", None)
    doc["article"].pop("text_sha256", None)
    doc["article"]["text"] = st.article.text
    return doc


@pytest.fixture
def gold_doc():
    """The gold statements as a plain document, to break in one test."""
    return sample_gold_document()


def write_variants(folder: Path, doc: dict, n: int, quarantined: int | None = None) -> Path:
    """Write `doc` as n statements files of distinct articles (ids and texts differ) into
    `folder`; article number `quarantined` gets a statement that violates the shapes."""
    import copy

    folder.mkdir()
    for i in range(n):
        variant = copy.deepcopy(doc)
        variant["article"]["id"] = f"article-{i}"
        variant["article"]["text"] += f"\nVariant {i}."
        if i == quarantined:
            variant["relations"].append(dict(variant["relations"][0], subject="pakistan"))
        (folder / f"a{i}.yaml").write_text(yaml.safe_dump(variant), encoding="utf-8")
    return folder


def cq_answers(quads) -> dict[str, set[tuple[str, ...]]]:
    """Every competency question's answer rows, as tuples of plain strings."""
    from kg.query import competency_questions, load_store, run_query, term_text

    store = load_store(quads)
    out = {}
    for q in competency_questions():
        result = run_query(store, q.sparql)
        out[q.name] = {tuple(term_text(t) for t in row) for row in result.rows}
    return out
