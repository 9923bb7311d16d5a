"""Corpus evaluation: pooled figures per split, the shared scorer run on each built article,
and the test split's misses never kept."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from kg.quality import ArticleScore, CorpusArticle, SplitScore, corpus_articles, find_shared
from tests.conftest import ROOT

SHARED = find_shared(ROOT)


def _score(entities, n_ent, core, n_core, precision, judged, modality, extra=False):
    a = CorpusArticle("x", "development", Path("x.txt"), Path("x.yaml"), extra=extra)
    counts = {"entities": n_ent, "positions": 0, "core": n_core, "relations": n_core}
    scores = {
        "entity_recall": entities,
        "position_recall": 0.0,
        "core_relation_recall": core,
        "relation_recall": core,
        "relation_precision_among_gold_entities": precision,
        "judged": judged,
        "modality_accuracy": modality,
        "plain_precision": 1.0,
        "plain_judged": judged - 1,
    }
    return ArticleScore(a, counts, scores)


def test_figures_are_pooled_over_gold_items_not_averaged():
    split = SplitScore(
        "development",
        [_score(1.0, 2, 0.5, 2, 1.0, 1, None), _score(0.5, 8, 0.0, 8, 0.25, 4, 0.5)],
    )
    figs = split.figures()
    assert figs["entity_recall"] == 0.6  # (2 + 4) / 10, not (1.0 + 0.5) / 2
    assert figs["core_relation_recall"] == 0.1  # 1 / 10
    assert figs["relation_precision"] == 0.4  # (1 + 1) / 5
    assert figs["modality_accuracy"] == 0.5  # only where judged
    assert figs["position_recall"] is None  # no gold positions at all
    assert figs["precision_without_chains"] == 1.0  # (0 + 3) / 3


def test_the_table_adds_the_corpus_articles_of_the_development_split_alone():
    from kg.quality import format_table

    ours = _score(1.0, 2, 1.0, 2, 1.0, 1, None, extra=True)
    theirs = _score(0.5, 8, 0.0, 8, 0.25, 4, 0.5)
    scores = {"development": SplitScore("development", [ours, theirs]), "test": SplitScore("test")}
    rows = format_table(scores).splitlines()[2:]
    assert rows[0].startswith("| development | 2 | 0.60 |")  # (2 + 4) / 10
    assert rows[1].startswith("| test | 0 | - |")
    assert rows[2].startswith("| development, corpus articles only | 1 | 0.50 |")
    # no row of its own when every development article is the corpus's
    scores["development"] = SplitScore("development", [theirs])
    assert len(format_table(scores).splitlines()) == 4


def test_own_development_articles_are_marked_as_ours(tmp_path):
    corpus, split = _corpus(tmp_path, "dev-one", "test-one")
    extra = tmp_path / "extra"
    (extra / "gold").mkdir(parents=True)
    (extra / "mine.txt").write_text(ARTICLE)
    (extra / "gold" / "mine.yaml").write_text(yaml.safe_dump({"article": "mine", **GOLD}))
    marks = {a.name: (a.split, a.extra) for a in corpus_articles(corpus, split, extra)}
    assert marks == {
        "dev-one": ("development", False),
        "test-one": ("test", False),
        "mine": ("development", True),
    }


def test_split_names_articles_that_must_exist(tmp_path):
    (tmp_path / "gold").mkdir()
    (tmp_path / "a.txt").write_text("A.")
    (tmp_path / "gold" / "a.yaml").write_text("article: a\nentities: []\n")
    split = tmp_path / "split.yaml"
    split.write_text("test: [a]\ndevelopment: [b]\n")
    from kg.errors import InputError

    with pytest.raises(InputError, match="b has no text"):
        corpus_articles(tmp_path, split)


ARTICLE = (
    "Defence Minister Olga Brandt of Denmark said on Monday that Denmark will send troops "
    "to the Baltic Stabilization Force. Brandt met Ana Ortiz in Riga."
)
GOLD = {
    "entities": [
        {"name": "Olga Brandt", "type": "Person", "aliases": ["Brandt"]},
        {"name": "Denmark", "type": "Country"},
        {"name": "Baltic Stabilization Force", "type": "Force"},
        {"name": "Ana Ortiz", "type": "Person"},
        {"name": "Riga Harbour Authority", "type": "Organization"},
    ],
    "positions": [{"holder": "Olga Brandt", "title": "defence minister", "of": "Denmark"}],
    "relations": [
        {
            "s": "Denmark",
            "p": "offers",
            "o": "Baltic Stabilization Force",
            "modality": "planned",
            "core": True,
        },
        {"s": "Olga Brandt", "p": "meets", "o": "Ana Ortiz", "core": True},
    ],
}


def _corpus(tmp_path, dev: str, test: str):
    """A corpus of the same annotated article twice, one in each split."""
    corpus = tmp_path / "corpus"
    (corpus / "gold").mkdir(parents=True)
    for name in (dev, test):
        (corpus / f"{name}.txt").write_text(ARTICLE)
        (corpus / "gold" / f"{name}.yaml").write_text(yaml.safe_dump({"article": name, **GOLD}))
    split = tmp_path / "split.yaml"
    split.write_text(f"test: [{test}]\ndevelopment: [{dev}]\n")
    return corpus, split


@pytest.mark.slow
def test_a_corpus_is_scored_per_split_by_the_shared_scorer(tmp_path):
    assert SHARED is not None, "the shared folder (eval/score.py) must sit beside the checkout"
    from kg.quality import evaluate_corpus, format_misses, format_table

    corpus, split = _corpus(tmp_path, "dev-one", "test-one")
    scores = evaluate_corpus(corpus, split, scorer=SHARED / "eval" / "score.py")
    dev, test = scores["development"], scores["test"]
    assert [a.article.name for a in dev.articles] == ["dev-one"]
    assert [a.article.name for a in test.articles] == ["test-one"]
    # the same text and gold give the same figures in both splits
    assert dev.figures() == test.figures()
    assert dev.figures()["entity_recall"] == 0.8  # the harbour authority is not in the text
    assert dev.figures()["core_relation_recall"] == 1.0
    # what the development article misses is kept; the test article's misses are not
    assert dev.articles[0].scores["missing_entities"] == ["Riga Harbour Authority"]
    assert "missing_entities" not in test.articles[0].scores
    assert "missing_core_relations" not in test.articles[0].scores
    assert "Riga Harbour Authority" in format_misses(scores)
    table = format_table(scores).splitlines()
    assert table[2].startswith("| development | 1 | 0.80 |")
    assert table[3].startswith("| test | 1 | 0.80 |")


@pytest.mark.slow
def test_cli_eval_corpus_prints_one_row_per_split(tmp_path):
    from click.testing import CliRunner

    from kg.cli import cli

    corpus, split = _corpus(tmp_path, "d", "t")
    args = ["eval", "--corpus", str(corpus), "--split", str(split)]
    args += ["--scorer", str(SHARED / "eval" / "score.py"), "--misses"]
    result = CliRunner().invoke(cli, args)
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert lines[2].startswith("| development | 1 |") and lines[3].startswith("| test | 1 |")
    assert "entity: Riga Harbour Authority" in result.output  # the dev article's miss only
    assert result.output.count("Riga Harbour Authority") == 1


def test_cli_eval_needs_gold_and_article_or_a_corpus():
    from click.testing import CliRunner

    from kg.cli import cli

    result = CliRunner().invoke(cli, ["eval"])
    assert result.exit_code == 2
    assert "give --gold and ARTICLE, or --corpus" in result.output


def test_modality_misses_list_gold_relations_stated_with_another_modality():
    from kg.quality import modality_misses
    from kg.statements import Article, Entity, Evidence, Relation, Statements

    said = Evidence("Denmark sends troops to the force; Brandt met Ortiz.", 0, 10)
    st = Statements(
        article=Article(id="x", text=said.sentence),
        entities=[
            Entity("denmark", "Denmark", "Country"),
            Entity("force", "Baltic Stabilization Force", "ArmedForce"),
            Entity("brandt", "Olga Brandt", "Person", aliases=("Brandt",)),
            Entity("ortiz", "Ana Ortiz", "Person"),
        ],
        relations=[
            Relation("denmark", "contributesTo", "force", said, modality="asserted"),
            Relation("ortiz", "meets", "brandt", said, modality="asserted"),  # either way
        ],
    )
    gold = {
        **GOLD,
        "relations": [
            {**GOLD["relations"][0]},  # planned, stated as asserted: listed
            {"s": "Olga Brandt", "p": "meets", "o": "Ana Ortiz", "modality": "possible"},
            {"s": "Ana Ortiz", "p": "visits", "o": "Denmark", "modality": "planned"},  # not stated
        ],
    }
    mapping = {"contributesTo": "offers", "meets": "meets"}
    found = modality_misses(st, gold, mapping, str.casefold, {"meets"})
    assert found == [
        "Denmark offers Baltic Stabilization Force: gold planned, extracted asserted "
        "«Denmark sends troops to the force; Brandt met Ortiz.»",
        "Olga Brandt meets Ana Ortiz: gold possible, extracted asserted "
        "«Denmark sends troops to the force; Brandt met Ortiz.»",
    ]


@pytest.mark.parametrize(
    "code",
    [
        "def norm(s):\n    return s.lower(\n",  # a syntax error
        "import kg_no_such_module_for_the_scorer\n",  # an import it lacks
        "raise SystemExit(1)\n",  # exits while it loads
        "def norm(s):\n    return None\n",  # a norm that gives no name
    ],
)
def test_cli_eval_refuses_a_scorer_that_does_not_load_in_one_line_before_extracting(
    tmp_path, monkeypatch, code
):
    from click.testing import CliRunner

    import kg.extract.pipeline
    from kg.cli import cli

    def no_extraction(*args, **kwargs):
        raise AssertionError("the corpus was extracted before the scorer was checked")

    monkeypatch.setattr(kg.extract.pipeline, "extract_many", no_extraction)
    corpus, split = _corpus(tmp_path, "d", "t")
    bad = tmp_path / "bad_scorer.py"
    bad.write_text(code)
    args = ["eval", "--corpus", str(corpus), "--split", str(split), "--scorer", str(bad)]
    result = CliRunner().invoke(cli, args)
    assert result.exit_code == 2, result.output
    assert result.output.strip().count("\n") == 0, result.output
    assert "cannot load the scorer" in result.output
    assert "Traceback" not in result.output and "unexpected" not in result.output


def test_gold_files_are_read_by_libyaml_as_pyyaml_reads_them():
    """Issue 11: an evaluation reads each gold file twice; libyaml's parser (where PyYAML
    has it) gives the same documents as PyYAML's own, in about a tenth of the time."""
    from kg import quality

    # PyPI's PyYAML wheels, which tools/install.sh installs, carry libyaml: no skip
    assert yaml.__with_libyaml__, "PyYAML without libyaml: the build would read YAML slowly"
    golds = sorted((ROOT / "data" / "eval" / "dev" / "gold").glob("*.yaml"))
    assert golds
    for gold in golds:
        text = gold.read_text(encoding="utf-8")
        assert quality._yaml(text) == yaml.safe_load(text), gold.name
    assert quality.YAML_LOADER is yaml.CSafeLoader


def test_misses_are_listed_in_one_order_whatever_the_scorer_s_set_order():
    from kg.quality import sorted_misses

    one = {"wrong_relations": ["b p c", "a p b"], "missing_entities": ["Z", "A"], "n": [2, 1]}
    two = {"wrong_relations": ["a p b", "b p c"], "missing_entities": ["A", "Z"], "n": [2, 1]}
    assert sorted_misses(one) == sorted_misses(two)
    assert sorted_misses(one)["missing_entities"] == ["A", "Z"]
    assert sorted_misses(one)["n"] == [2, 1]  # not a list of misses: as the scorer gave it
