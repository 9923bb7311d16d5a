"""Extraction quality on an annotated corpus, split into development and test articles.

Every article of the split is extracted in one process (one `nlp.pipe` over all texts),
built into its own graph, and scored by the project's shared scorer (`score.py`, run as a
subprocess, never copied) against its gold file, through the map of gold categories to kg
predicates (`ontology/gold-categories.yaml`). Figures are pooled over a split: recalls and
precision over all gold items of the split's articles (micro), modality accuracy as the
mean over the articles where the scorer judges it. "Precision without chains" scores
the same graphs with the map's two-hop chains left out: a position held implies an
affiliation (holdsPosition + positionIn) that gold files often do not list.

Misses are kept for development articles only: the test split is read by its scores alone.
For them `modality_misses` also lists the gold relations with a modality that the statements
state, but never with that modality (the scorer gives only the rate); it matches names with
the scorer's own normalisation, loaded from the scorer file.
"""

from __future__ import annotations

import importlib.util
import json
import subprocess
import sys
import tempfile
from collections.abc import Callable, Collection
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from kg.errors import InputError, KgError
from kg.resources import ontology_dir
from kg.statements import YAML_LOADER, Statements

SPLITS = ("development", "test")
FIGURES = (
    "entity_recall",
    "position_recall",
    "core_relation_recall",
    "relation_recall",
    "relation_precision",
    "modality_accuracy",
    "precision_without_chains",
)
PRECISION = "relation_precision_among_gold_entities"
MISS_KEYS = ("missing_entities", "missing_core_relations", "wrong_relations", "modality_misses")


@dataclass(frozen=True)
class CorpusArticle:
    name: str
    split: str
    text: Path
    gold: Path
    extra: bool = False  # a development article of our own, not of the corpus


@dataclass
class ArticleScore:
    article: CorpusArticle
    counts: dict[str, int]  # gold items of each kind in the gold file
    scores: dict  # the scorer's JSON; misses removed for test articles


@dataclass
class SplitScore:
    split: str
    articles: list[ArticleScore] = field(default_factory=list)

    def figures(self) -> dict[str, float | None]:
        """Pooled figures of the split."""

        def pooled(rate: str, count: str) -> float | None:
            total = sum(a.counts[count] for a in self.articles)
            if not total:
                return None
            hit = sum(round((a.scores.get(rate) or 0) * a.counts[count]) for a in self.articles)
            return round(hit / total, 3)

        judged = sum(a.scores.get("judged") or 0 for a in self.articles)
        correct = sum(
            round((a.scores.get(PRECISION) or 0) * a.scores["judged"])
            for a in self.articles
            if a.scores.get("judged")
        )
        modality = [
            a.scores["modality_accuracy"]
            for a in self.articles
            if a.scores.get("modality_accuracy") is not None
        ]
        return {
            "entity_recall": pooled("entity_recall", "entities"),
            "position_recall": pooled("position_recall", "positions"),
            "core_relation_recall": pooled("core_relation_recall", "core"),
            "relation_recall": pooled("relation_recall", "relations"),
            "relation_precision": round(correct / judged, 3) if judged else None,
            "modality_accuracy": round(sum(modality) / len(modality), 3) if modality else None,
            "precision_without_chains": self._plain_precision(),
        }

    def _plain_precision(self) -> float | None:
        judged = sum(a.scores.get("plain_judged") or 0 for a in self.articles)
        correct = sum(
            round((a.scores.get("plain_precision") or 0) * a.scores["plain_judged"])
            for a in self.articles
            if a.scores.get("plain_judged")
        )
        return round(correct / judged, 3) if judged else None


def find_shared(start: Path) -> Path | None:
    """The `shared` folder beside the checkout (or beside one of its parents, for a git
    worktree nested deeper): the one that holds eval/score.py."""
    for folder in [start, *start.parents]:
        candidate = folder.parent / "shared"
        if (candidate / "eval" / "score.py").is_file():
            return candidate
    return None


def _yaml(text: str):
    """A YAML document read by libyaml's parser where PyYAML has it (kg.statements): an
    evaluation reads every gold file twice, and PyYAML's own parser took 2.2 s of CPU to
    read the 108 development gold files once (libyaml 0.26 s)."""
    return yaml.load(text, Loader=YAML_LOADER)


def corpus_articles(corpus: Path, split_file: Path, extra_dev: Path | None = None):
    """The articles of each split: NAME.txt with gold/NAME.yaml in the corpus folder, plus
    every annotated article of `extra_dev` (same layout), which is development material."""
    try:
        split = _yaml(split_file.read_text(encoding="utf-8")) or {}
    except (OSError, yaml.YAMLError) as exc:
        raise InputError(f"{split_file}: cannot read the split ({exc})") from None
    out: list[CorpusArticle] = []
    for name in SPLITS:
        for stem in split.get(name) or []:
            text, gold = corpus / f"{stem}.txt", corpus / "gold" / f"{stem}.yaml"
            if not text.is_file() or not gold.is_file():
                raise InputError(f"{split_file}: {stem} has no text or no gold in {corpus}")
            out.append(CorpusArticle(stem, name, text, gold))
    if extra_dev is not None and extra_dev.is_dir():
        for gold in sorted((extra_dev / "gold").glob("*.yaml")):
            text = extra_dev / f"{gold.stem}.txt"
            if text.is_file():
                out.append(CorpusArticle(gold.stem, "development", text, gold, extra=True))
    return out


def _counts(gold: Path) -> dict[str, int]:
    doc = _yaml(gold.read_text(encoding="utf-8")) or {}
    rels = doc.get("relations") or []
    return {
        "entities": len(doc.get("entities") or []),
        "positions": len(doc.get("positions") or []),
        "core": sum(1 for r in rels if r.get("core")),
        "relations": len(rels),
    }


def score_graph(scorer: Path, graph: Path, gold: Path, categories: Path) -> dict:
    """Run the shared scorer on one built graph; its JSON result."""
    proc = subprocess.run(
        [sys.executable, str(scorer), str(graph), str(gold), "--map", str(categories), "--json"],
        capture_output=True,
        text=True,
        check=False,
    )
    if proc.returncode != 0:
        raise KgError(f"{scorer} failed on {gold.name}: {proc.stderr.strip()[-300:]}")
    return json.loads(proc.stdout)


def _scorer_module(scorer: Path):
    """The scorer's code, for its name normalisation (`norm`) and symmetric categories.
    Loaded and checked before any article is extracted: a scorer that does not load (a
    syntax error, an import it lacks, a `norm` that is no function) is one line, exit 2."""
    spec = importlib.util.spec_from_file_location("kg_shared_scorer", scorer)
    if spec is None or spec.loader is None:
        raise InputError(f"{scorer}: cannot load the scorer (not a Python file)")
    module = importlib.util.module_from_spec(spec)
    try:
        spec.loader.exec_module(module)
        norm = getattr(module, "norm", str.casefold)
        if not isinstance(norm("A"), str):
            raise TypeError("its norm() does not return a string")
        symmetric = getattr(module, "SYMMETRIC", frozenset())
        if isinstance(symmetric, str) or not all(isinstance(c, str) for c in symmetric):
            raise TypeError("its SYMMETRIC is not a collection of category names")
    except (Exception, SystemExit) as exc:
        why = " ".join(f"{type(exc).__name__}: {exc}".split())
        raise InputError(f"{scorer}: cannot load the scorer ({why})") from None
    return module


def modality_misses(
    st: Statements,
    gold: dict,
    mapping: dict,
    norm: Callable[[str], str],
    symmetric: Collection[str] = frozenset(),
) -> list[str]:
    """Gold relations with a modality that `st` states (both ends named by a gold name or
    alias, the predicate mapped to the category; chains left out) but never with that
    modality: "S p O: gold planned, extracted asserted «sentence»"."""
    names: dict[str, str] = {}
    for e in gold.get("entities") or []:
        for alias in [e["name"], *(e.get("aliases") or [])]:
            names.setdefault(norm(alias), e["name"])
    gold_name: dict[str, str] = {}
    for e in st.entities:
        for label in (e.label, *e.aliases):
            if norm(label) in names:
                gold_name[e.id] = names[norm(label)]
                break
    stated: dict[tuple[str, str, str], list] = {}
    for r in st.relations:
        cats = mapping.get(r.predicate)
        if cats is None or r.subject not in gold_name or r.object not in gold_name:
            continue
        for cat in [cats] if isinstance(cats, str) else cats:
            stated.setdefault((gold_name[r.subject], cat, gold_name[r.object]), []).append(r)
    out = []
    for g in gold.get("relations") or []:
        if not g.get("modality"):
            continue
        found = list(stated.get((g["s"], g["p"], g["o"]), []))
        if g["p"] in symmetric:
            found += stated.get((g["o"], g["p"], g["s"]), [])
        levels = sorted({r.modality for r in found})
        if found and g["modality"] not in levels:
            sentence = found[0].evidence.sentence.replace("\n", " ")
            out.append(
                f"{g['s']} {g['p']} {g['o']}: gold {g['modality']}, extracted "
                f"{', '.join(levels)} «{sentence[:160]}»"
            )
    return out


def evaluate_corpus(
    corpus: Path,
    split_file: Path,
    scorer: Path | None = None,
    categories: Path | None = None,
    extra_dev: Path | None = None,
    model: str | None = None,
) -> dict[str, SplitScore]:
    """Extract, build and score every article of the split; scores per split."""
    from kg.build import build
    from kg.extract.pipeline import extract_many
    from kg.rdfio import serialize

    scorer = scorer or corpus.parent / "eval" / "score.py"
    categories = categories or ontology_dir() / "gold-categories.yaml"
    for path, what in ((scorer, "scorer"), (categories, "map of gold categories")):
        if not path.is_file():
            raise InputError(f"{path}: no such file (the {what})")
    scorer_code = _scorer_module(scorer)  # before the extraction: a bad scorer costs nothing
    norm = getattr(scorer_code, "norm", str.casefold)
    articles = corpus_articles(corpus, split_file, extra_dev)
    items = [(a.text.read_text(encoding="utf-8"), a.name, {}) for a in articles]
    statements = list(extract_many(items, model=model))
    result = build(statements)
    out = {name: SplitScore(name) for name in SPLITS}
    symmetric = getattr(scorer_code, "SYMMETRIC", frozenset())
    with tempfile.TemporaryDirectory(prefix="kg-quality-") as tmp:
        # the same map without two-hop chains: a position held implies an affiliation that
        # gold files often leave unlisted, which the scorer then counts as wrong
        plain_map = Path(tmp) / "categories-without-chains.yaml"
        mapping = _yaml(categories.read_text(encoding="utf-8")) or {}
        mapping.pop("_chains", None)
        plain_map.write_text(yaml.safe_dump(mapping), encoding="utf-8")
        for a, graph, st in zip(articles, result.articles, statements, strict=True):
            path = Path(tmp) / f"{a.name}.nq"
            path.write_bytes(serialize(graph.main, "nquads"))
            scores = score_graph(scorer, path, a.gold, categories)
            plain = score_graph(scorer, path, a.gold, plain_map)
            scores["plain_precision"] = plain[PRECISION]
            scores["plain_judged"] = plain["judged"]
            if a.split == "test":  # never look at what the test split misses
                scores = {k: v for k, v in scores.items() if k not in MISS_KEYS}
            else:
                gold = _yaml(a.gold.read_text(encoding="utf-8")) or {}
                scores["modality_misses"] = modality_misses(st, gold, mapping, norm, symmetric)
                scores = sorted_misses(scores)
            out[a.split].articles.append(ArticleScore(a, _counts(a.gold), scores))
    return out


def sorted_misses(scores: dict) -> dict:
    """The scorer's JSON with its lists of misses sorted: the scorer lists them in the order
    of its sets, which changes from run to run; sorted, the same corpus gives the same
    report."""
    return {
        k: sorted(v, key=repr) if k in MISS_KEYS and isinstance(v, list) else v
        for k, v in scores.items()
    }


def format_table(scores: dict[str, SplitScore]) -> str:
    """A Markdown table: one row per split, then, when the development split has articles of
    our own (`extra_dev`), a row for its corpus articles alone: annotated by the corpus's
    annotators, like the test split, they tell more about unseen articles than ours do."""
    head = "| split | articles | entity recall | position recall | core relation recall | "
    head += "relation recall | precision | modality accuracy | precision without chains |"
    lines = [head, "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |"]
    rows = [(name, scores[name]) for name in SPLITS]
    dev = scores["development"].articles
    if any(a.article.extra for a in dev):
        corpus_only = SplitScore("development", [a for a in dev if not a.article.extra])
        rows.append(("development, corpus articles only", corpus_only))
    for name, s in rows:
        figs = s.figures()
        cells = ["-" if figs[k] is None else f"{figs[k]:.2f}" for k in FIGURES]
        lines.append(f"| {name} | {len(s.articles)} | " + " | ".join(cells) + " |")
    return "\n".join(lines)


def format_misses(scores: dict[str, SplitScore]) -> str:
    """What the development articles miss (the test split's misses are never kept)."""
    lines = []
    for a in scores["development"].articles:
        s = a.scores
        lines.append(
            f"## {a.article.name}  core {s['core_relation_recall']}  "
            f"pos {s['position_recall']}  prec {s['relation_precision_among_gold_entities']}"
        )
        for key, tag in zip(MISS_KEYS, ("entity", "core", "wrong", "modality"), strict=True):
            for item in s.get(key) or []:
                lines.append(f"  {tag}: {item}")
    return "\n".join(lines)


def as_dict(scores: dict[str, SplitScore]) -> dict:
    return {
        name: {
            "figures": s.figures(),
            "articles": {a.article.name: a.scores for a in s.articles},
        }
        for name, s in scores.items()
    }
