"""The store: replacing articles, removing them, merging entities, corpus input, diff."""

from __future__ import annotations

import copy
import json

import pytest
import yaml
from click.testing import CliRunner

from kg.cli import cli
from kg.errors import InputError
from kg.pipeline import build_inputs
from kg.store import KgStore, StoreError
from tests.conftest import SAMPLE_TEXT


def _count(store_dir) -> int:
    store = KgStore(store_dir, read_only=True)
    try:
        return sum(1 for _ in store.quads(quarantine=True))
    finally:
        store.close()


def _write_statements(path, doc):
    path.write_text(yaml.safe_dump(doc, allow_unicode=True), encoding="utf-8")
    return path


@pytest.fixture
def gold_file(tmp_path, gold_doc):
    return _write_statements(tmp_path / "rubio.yaml", gold_doc)


def test_rebuilding_an_article_replaces_it(tmp_path, gold_file):
    store = tmp_path / "store"
    first = build_inputs([gold_file], None, store_dir=store)
    n = _count(store)
    again = build_inputs([gold_file], None, store_dir=store)
    assert _count(store) == n
    assert first.replaced == 0 and again.replaced == 1


def test_an_id_that_comes_back_with_other_text_is_refused_unless_replaced(tmp_path, gold_doc):
    store = tmp_path / "store"
    build_inputs([_write_statements(tmp_path / "a.yaml", gold_doc)], None, store_dir=store)
    before = _count(store)
    other = copy.deepcopy(gold_doc)
    other["article"]["text"] += "\nOne more line."
    path = _write_statements(tmp_path / "b.yaml", other)
    with pytest.raises(StoreError, match="already in the store with a different text"):
        build_inputs([path], None, store_dir=store)
    assert _count(store) == before
    build_inputs([path], None, store_dir=store, replace=True)


def test_remove_an_article(tmp_path, gold_file):
    store = tmp_path / "store"
    build_inputs([gold_file], None, store_dir=store)
    s = KgStore(store)
    try:
        s.remove("rubio-pakistan-isf", "https://w3id.org/newskg/id/")
        assert s.article_graphs() == []
        with pytest.raises(StoreError, match="no article 'rubio-pakistan-isf'"):
            s.remove("rubio-pakistan-isf", "https://w3id.org/newskg/id/")
    finally:
        s.close()


def test_entities_merge_across_articles_and_homonyms_stay_apart(tmp_path, gold_doc):
    store = tmp_path / "store"
    build_inputs([_write_statements(tmp_path / "a.yaml", gold_doc)], None, store_dir=store)
    second = copy.deepcopy(gold_doc)
    second["article"]["id"] = "second"
    # the same Rubio, and a city that shares its name with a person of the first article
    second["entities"].append({"id": "city", "label": "Asim Munir", "class": "City"})
    build_inputs([_write_statements(tmp_path / "b.yaml", second)], None, store_dir=store)
    s = KgStore(store, read_only=True)
    try:
        rows = list(
            s.store.query(
                "SELECT (COUNT(DISTINCT ?a) AS ?n) WHERE { GRAPH ?g { "
                "<https://w3id.org/newskg/id/marco-rubio> "
                "<https://w3id.org/newskg/ontology#mentionedIn> ?a } }"
            )
        )
        assert int(rows[0]["n"].value) == 2
        classes = s.entity_classes("https://w3id.org/newskg/id/")
    finally:
        s.close()
    assert classes["https://w3id.org/newskg/id/asim-munir"] == "Person"
    assert classes["https://w3id.org/newskg/id/asim-munir--city"] == "City"


def test_locked_and_corrupt_stores_are_clear_errors(tmp_path, gold_file):
    store = tmp_path / "store"
    build_inputs([gold_file], None, store_dir=store)
    holder = KgStore(store)
    try:
        with pytest.raises(StoreError, match="in use by another process"):
            KgStore(store)
    finally:
        holder.close()
    bad = tmp_path / "bad"
    bad.mkdir()
    (bad / "CURRENT").write_text("garbage\n")
    with pytest.raises(StoreError, match="the store is corrupted"):
        KgStore(bad)
    afile = tmp_path / "file"
    afile.write_text("x")
    with pytest.raises(StoreError, match="is a file"):
        KgStore(afile)


def test_cli_store_query_validate_remove_and_diff(tmp_path, gold_file, gold_doc):
    runner = CliRunner()
    store = str(tmp_path / "store")
    result = runner.invoke(
        cli, ["build", str(gold_file), "--store", store, "--out", str(tmp_path / "old")]
    )
    assert result.exit_code == 0, result.output
    assert "Stored in" in result.output
    result = runner.invoke(
        cli, ["query", "--store", store, "SELECT ?n WHERE { ?p a kgo:Person ; rdfs:label ?n }"]
    )
    assert result.exit_code == 0 and "Marco Rubio" in result.output
    assert runner.invoke(cli, ["validate", "--store", store]).exit_code == 0
    changed = copy.deepcopy(gold_doc)
    changed["relations"] = changed["relations"][1:]
    path = _write_statements(tmp_path / "c.yaml", changed)
    assert (
        runner.invoke(
            cli, ["build", str(path), "--no-store", "--out", str(tmp_path / "new")]
        ).exit_code
        == 0
    )
    result = runner.invoke(
        cli,
        [
            "diff",
            str(tmp_path / "old" / "kg.nq"),
            str(tmp_path / "new" / "kg.nq"),
            "--format",
            "json",
        ],
    )
    d = json.loads(result.stdout)
    assert d["counts"]["added"] == 0 and d["counts"]["removed"] > 0
    result = runner.invoke(cli, ["diff", str(tmp_path / "old" / "kg.nq"), store])
    assert result.output.startswith("0 quad(s) added, 0 removed")
    result = runner.invoke(cli, ["remove", "rubio-pakistan-isf", "--store", store])
    assert result.exit_code == 0
    result = runner.invoke(cli, ["remove", "nothing", "--store", store])
    assert result.exit_code == 2 and "no article 'nothing'" in result.stderr


def test_markdown_front_matter_and_html(tmp_path):
    from kg.corpus import read_source

    md = tmp_path / "story.md"
    md.write_text("---\ntitle: A story\ndate: 2025-11-14\nsource: Wire\n---\n# Heading\n\nBody.\n")
    src = read_source(md)
    assert src.meta == {"title": "A story", "date": "2025-11-14", "source": "Wire"}
    assert src.text.startswith("Heading") and src.article_id == "story"
    page = tmp_path / "page.html"
    page.write_text(
        "<html><head><title>T</title></head><body><nav>menu</nav><article>"
        "<p>Real text.</p></article><footer>f</footer></body></html>"
    )
    src = read_source(page)
    assert src.meta["title"] == "T" and "menu" not in src.text and "Real text" in src.text
    empty = tmp_path / "empty.md"
    empty.write_text("---\ntitle: x\n---\n")
    with pytest.raises(InputError, match="no text"):
        read_source(empty)


@pytest.mark.slow
def test_corpus_folder_with_dates_in_parallel(tmp_path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "a.md").write_text(
        "---\ntitle: A\ndate: 2025-11-14\n---\n" + SAMPLE_TEXT.read_text(encoding="utf-8")
    )
    (corpus / "b.txt").write_text(
        "Foreign Minister Ana Ortiz said Uruguay will send troops to the Andean Mission.\n"
    )
    store = tmp_path / "store"
    summary = build_inputs([corpus], tmp_path / "out", store_dir=store, jobs=2)
    assert summary.articles == 2 and summary.quarantined == 0
    s = KgStore(store, read_only=True)
    try:
        dates = {
            r["d"].value
            for r in s.store.query(
                "SELECT DISTINCT ?d WHERE { GRAPH ?g { "
                "?s <https://w3id.org/newskg/ontology#observedOn> ?d } }"
            )
        }
    finally:
        s.close()
    assert dates == {"2025-11-14"}


def test_duplicate_article_ids_in_one_build(tmp_path, gold_doc):
    a = _write_statements(tmp_path / "a.yaml", gold_doc)
    (tmp_path / "sub").mkdir()
    b = _write_statements(tmp_path / "sub" / "b.yaml", gold_doc)
    with pytest.raises(InputError, match="is also"):
        build_inputs([a, b], None, store_dir=None)


def test_default_store_is_kg_store_in_the_working_folder(tmp_path, monkeypatch, gold_file):
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(cli, ["build", str(gold_file)])
    assert result.exit_code == 0
    assert (tmp_path / "kg-store").is_dir() and (tmp_path / "build" / "kg.nq").exists()


def test_link_records_merges_that_can_be_undone(tmp_path, gold_doc):
    from kg.link import link, recorded, undo

    store_dir = tmp_path / "store"
    build_inputs([_write_statements(tmp_path / "a.yaml", gold_doc)], None, store_dir=store_dir)
    second = copy.deepcopy(gold_doc)
    second["article"]["id"] = "second"
    second["entities"] = [
        {"id": "rubio", "label": "Rubio", "class": "Person"},
        {"id": "isf", "label": "International Stabilization Force", "class": "ArmedForce"},
        {"id": "dar", "label": "Dar", "class": "Person"},
        {"id": "hamas", "label": "Hamas", "class": "Organization"},
        {"id": "party", "label": "Some Party", "class": "PoliticalParty"},
    ]
    sentence = second["relations"][0]["evidence"]
    second["relations"] = [
        {"subject": "rubio", "predicate": "supports", "object": "isf", "evidence": sentence},
        # this Dar belongs to a party the first article's Ishaq Dar is not in: but the
        # first Dar has no affiliation in the store, so nothing disagrees
        {"subject": "dar", "predicate": "memberOf", "object": "party", "evidence": sentence},
    ]
    build_inputs([_write_statements(tmp_path / "b.yaml", second)], None, store_dir=store_dir)
    store = KgStore(store_dir)
    base = "https://w3id.org/newskg/id/"
    try:
        merges = link(store, base)
        pairs = {tuple(sorted((m.a.rsplit("/", 1)[1], m.b.rsplit("/", 1)[1]))): m for m in merges}
        assert ("marco-rubio", "rubio") in pairs
        assert pairs[("marco-rubio", "rubio")].evidence.startswith("'Rubio' is the surname")
        variant = ("international-stabilisation-force", "international-stabilization-force")
        assert pairs[variant].score == 0.9
        assert link(store, base) == []  # recorded once
        undo(store, base, pairs[("marco-rubio", "rubio")].iri)
        assert ("marco-rubio", "rubio") not in {
            tuple(sorted((m.a.rsplit("/", 1)[1], m.b.rsplit("/", 1)[1])))
            for m in recorded(store, base)
        }
        with pytest.raises(StoreError, match="no merge"):
            undo(store, base, pairs[("marco-rubio", "rubio")].iri)
    finally:
        store.close()
    result = CliRunner().invoke(cli, ["validate", "--store", str(store_dir)])
    assert result.exit_code == 0, result.output


def test_kg_link_without_base_uses_the_base_the_store_was_built_with(tmp_path, gold_doc):
    """Issue 11: the store records its base IRI, so no command needs --base again; `kg
    link` finds the entities under that base and mints its merges there."""
    base = "https://example.org/kg/"
    store_dir = tmp_path / "store"
    first = _write_statements(tmp_path / "a.yaml", gold_doc)
    build_inputs([first], None, store_dir=store_dir, base=base)
    second = copy.deepcopy(gold_doc)
    second["article"]["id"] = "second"
    second["entities"] = [
        {"id": "rubio", "label": "Rubio", "class": "Person"},
        {"id": "isf", "label": "International Stabilization Force", "class": "ArmedForce"},
    ]
    sentence = second["relations"][0]["evidence"]
    second["relations"] = [
        {"subject": "rubio", "predicate": "supports", "object": "isf", "evidence": sentence}
    ]
    build_inputs([_write_statements(tmp_path / "b.yaml", second)], None, store_dir=store_dir)
    result = CliRunner().invoke(cli, ["link", "--store", str(store_dir)])
    assert result.exit_code == 0, result.output
    assert "Recorded 0 " not in result.output
    merges = [line.split()[0] for line in result.output.splitlines() if "  <" in line]
    assert merges and all(m.startswith(base + "merge/") for m in merges)
    assert f"<{base}marco-rubio>" in result.output


def test_people_of_one_name_in_different_organisations_stay_apart(tmp_path, gold_doc):
    from kg.link import candidates

    doc = copy.deepcopy(gold_doc)
    sentence = doc["relations"][0]["evidence"]
    doc["entities"] += [
        {"id": "p1", "label": "Lee", "class": "Person"},
        {"id": "p2", "label": "Jordan Lee", "class": "Person"},
        {"id": "o1", "label": "Alpha Party", "class": "PoliticalParty"},
        {"id": "o2", "label": "Beta Party", "class": "PoliticalParty"},
    ]
    doc["relations"] += [
        {"subject": "p1", "predicate": "memberOf", "object": "o1", "evidence": sentence},
        {"subject": "p2", "predicate": "memberOf", "object": "o2", "evidence": sentence},
    ]
    store_dir = tmp_path / "store"
    build_inputs([_write_statements(tmp_path / "a.yaml", doc)], None, store_dir=store_dir)
    store = KgStore(store_dir, read_only=True)
    try:
        found = candidates(store, "https://w3id.org/newskg/id/")
    finally:
        store.close()
    assert not [m for m in found if m.a.endswith("/lee") or m.b.endswith("/lee")]


def test_new_articles_are_stored_without_reading_the_store_for_their_text(
    tmp_path, gold_doc, monkeypatch
):
    """Only an article already stored has a text digest to compare: a corpus of new articles
    reads none (each read filled RocksDB's block cache, so memory grew with the corpus)."""
    from tests.conftest import write_variants

    corpus = write_variants(tmp_path / "corpus", gold_doc, 3)
    read: list[str] = []
    real = KgStore.text_sha
    monkeypatch.setattr(KgStore, "text_sha", lambda self, g: read.append(g) or real(self, g))
    store = tmp_path / "store"
    build_inputs([corpus], None, store_dir=store)
    assert read == []
    assert build_inputs([corpus], None, store_dir=store, replace=True).replaced == 3
    assert read  # a rebuild compares the stored digests
