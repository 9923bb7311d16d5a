"""The statements format: the gold file is consistent, malformed files are rejected clearly."""

from __future__ import annotations

import copy

import pytest
import yaml

from kg.errors import StatementsError
from kg.statements import dump_statements, load_statements, parse_statements, to_document
from tests.conftest import ROOT, SAMPLE_GOLD, SAMPLE_TEXT


def test_every_evidence_offset_points_at_its_sentence(gold_statements):
    text = SAMPLE_TEXT.read_text(encoding="utf-8")
    assert gold_statements.article.text == text
    assert gold_statements.relations
    for rel in gold_statements.relations:
        ev = rel.evidence
        assert text[ev.start : ev.end] == ev.sentence


def test_gold_covers_every_class_of_the_mission(gold_statements):
    classes = {e.cls for e in gold_statements.entities}
    assert {"Person", "Country", "ArmedForce", "Plan", "Position", "NewsAgency"} <= classes


def test_dump_then_load_gives_the_same_statements(tmp_path, gold_statements):
    path = tmp_path / "copy.yaml"
    (tmp_path / "article.txt").write_bytes(SAMPLE_TEXT.read_bytes())
    path.write_text(dump_statements(gold_statements, text_file="article.txt"), encoding="utf-8")
    again = load_statements(path)
    assert again.entities == gold_statements.entities
    assert again.relations == gold_statements.relations


def test_position_owner_scope_and_qualifiers_round_trip(tmp_path):
    folder = ROOT / "tests" / "cases" / "nordic-relations"
    case = load_statements(folder / "statements.yaml")
    assert case.entity("fm-sweden").title == "foreign minister"
    assert case.entity("fm-sweden").of == "sweden"
    assert {r.qualifiers for r in case.relations} == {(), ("former",), ("acting",)}
    doc = to_document(case)
    doc["article"].pop("text_file")
    doc["article"].pop("text_sha256")
    doc["article"]["text"] = case.article.text
    doc["entities"][0]["scope"] = "article"
    path = tmp_path / "copy.yaml"
    path.write_text(yaml.safe_dump(doc, sort_keys=False), encoding="utf-8")
    again = load_statements(path)
    assert again.entity("sweden").scope == "article"
    assert again.entities[1:] == case.entities[1:]
    assert again.relations == case.relations


def _break(doc, where, key, value):
    doc = copy.deepcopy(doc)
    item = doc
    for part in where:
        item = item[part]
    item[key] = value
    return doc


@pytest.mark.parametrize(
    ("where", "key", "value", "expected"),
    [
        (
            ("relations", 0),
            "predicate",
            "likes",
            "relations[0] (marco-rubio likes secretary-of-state): unknown predicate 'likes'",
        ),
        (("relations", 0), "object", "nobody", "unknown entity id 'nobody' as object"),
        (
            ("relations", 0),
            "attributed_to",
            "nobody",
            "unknown entity id 'nobody' in attributed_to",
        ),
        (("relations", 0), "modality", "rumoured", "unknown modality 'rumoured'"),
        (("relations", 0, "evidence"), "end", 999999, "offsets 0..999999 are outside the text"),
        (("relations", 0, "evidence"), "start", 1, "evidence text not found at its offsets 1.."),
        (("relations", 0), "confidence", "high", "'confidence' must be a number"),
        (("entities", 0), "class", "Wizard", "entities[0] (marco-rubio): unknown class 'Wizard'"),
        (("entities", 1), "id", "marco-rubio", "duplicate entity id 'marco-rubio'"),
        (("article",), "date", "Friday", "'date' must be a date YYYY-MM-DD"),
        (("relations", 0), "colour", "red", "unknown key 'colour'"),
        (
            ("entities", 0),
            "title",
            "president",
            "entities[0] (marco-rubio): 'title' and 'of' are for Position entities only",
        ),
        (("entities", 1), "title", "  ", "entities[1] (secretary-of-state): 'title' is empty"),
        (("entities", 1), "of", "nobody", "unknown entity id 'nobody' in 'of'"),
        (
            ("entities", 1),
            "of",
            "peace-plan",
            "'of' must name a country, organisation or place, not a Plan",
        ),
        (("entities", 0), "scope", "planet", "unknown scope 'planet' (known: article, corpus)"),
        (("relations", 0), "qualifiers", ["retired"], "unknown qualifier 'retired' (known: "),
        (("relations", 0), "qualifiers", "former", "'qualifiers' must be a list of words"),
    ],
)
def test_malformed_statements_name_file_item_and_problem(gold_doc, where, key, value, expected):
    broken = _break(gold_doc, where, key, value)
    with pytest.raises(StatementsError) as err:
        parse_statements(broken, name="gold.yaml")
    message = str(err.value)
    assert message.startswith("gold.yaml: ")
    assert expected in message


def test_broken_yaml_names_the_line(tmp_path):
    path = tmp_path / "broken.yaml"
    path.write_text("article:\n  id: [unclosed\n", encoding="utf-8")
    with pytest.raises(StatementsError, match=r"broken.yaml: not valid YAML/JSON at line \d+"):
        load_statements(path)


def test_text_file_is_resolved_relative_to_the_statements_file():
    st = load_statements(SAMPLE_GOLD)
    assert st.article.text_file == "../articles/rubio-pakistan-isf.txt"


def test_edited_article_text_is_detected(tmp_path, gold_doc):
    (tmp_path / "a.txt").write_text(gold_doc["article"]["text"] + "x", encoding="utf-8")
    doc = copy.deepcopy(gold_doc)
    doc["article"].pop("text")
    doc["article"]["text_file"] = "a.txt"
    doc["article"]["text_sha256"] = "0" * 64
    path = tmp_path / "s.yaml"
    path.write_text(yaml.safe_dump(doc), encoding="utf-8")
    with pytest.raises(StatementsError, match="does not match 'text_sha256'"):
        load_statements(path)


def test_yaml_statements_are_read_by_libyaml_as_pyyaml_reads_them(tmp_path):
    """Issue 11: PyYAML's own parser took four fifths of a build of statements files;
    libyaml's (where PyYAML has it) reads the same documents."""
    from kg import statements

    # PyPI's PyYAML wheels, which tools/install.sh installs, carry libyaml: no skip
    assert yaml.__with_libyaml__, "PyYAML without libyaml: the build would read YAML slowly"
    assert statements.YAML_LOADER is yaml.CSafeLoader
    texts = [
        p.read_text(encoding="utf-8")
        for p in (SAMPLE_GOLD, *(ROOT / "tests" / "cases").glob("*/statements.yaml"))
    ]
    texts.append(
        'article: {id: velmar-1, text: "Mira Solvang\\tmet Tomas Ekberg.", date: 2031-05-04}\n'
        "entities:\n- {id: mira, label: 'Mira Solvang', class: Person, aliases: [Solvang]}\n"
        "relations: []\n# a comment\n"
    )
    for text in texts:
        assert yaml.load(text, Loader=yaml.CSafeLoader) == yaml.safe_load(text)
    path = tmp_path / "s.yaml"
    path.write_text(texts[-1], encoding="utf-8")
    expected = parse_statements(yaml.safe_load(texts[-1]), name=str(path), base_dir=tmp_path)
    assert load_statements(path) == expected


# kg/extract/pipeline.py `_owned`: the extractor wrote a post "of" what it had named as an
# event, a file kg.statements refuses, so `kg extract` then `kg build FILE` stopped where
# `kg build TEXT` went on (review r17 AC14)
@pytest.mark.slow
@pytest.mark.parametrize(
    "text",
    [
        "The talks were opened by Tomas Varga, the sitting president of the Forum of Harbour "
        "Cities.",
        '"The force is too small," said Ilse Brand, a senior analyst at the Harbour Security '
        "Forum in Norland.",
    ],
)
def test_what_the_extractor_writes_loads_again(tmp_path, text):
    import kg

    st = kg.extract_text(text, "probe")
    path = tmp_path / "probe.yaml"
    path.write_text(dump_statements(st), encoding="utf-8")
    again = load_statements(path)
    assert again.entities == st.entities
    assert any(e.cls == "Position" for e in again.entities)
