"""A trained relation classifier beside the rules, measured by article-level cross-validation.

The experiment of issue 10, round 13: do relations learned from all development gold files
at once hold on articles the model was not trained on better than rules written for misses?

Candidates are pairs of entity mentions kg already finds in one sentence (the clusters they
belong to), whose classes fit a gold category's predicate (kg.ontology). Labels come from the
development gold files (never the test split, never data/eval/holdout): a cluster is aligned
to a gold entity by the scorer's name normalisation over its label and aliases, and a pair is
labelled with the gold category the gold file states between them, or none. Features are
general (no article's words): the lemmas and dependency labels on the shortest dependency
path, the word the path turns at (the trigger), prepositions, order, distance, the class
pair, auxiliaries and negation on the trigger and kg's own modality reading of it, and which
categories the rules already state for the pair. The model is a multinomial logistic
regression in numpy (full batch, fixed number of steps: the same bytes on a rerun).
By default a pair whose gold category the rules already state is not trained on (the
classifier is asked only about what the rules did not write); --skip CATEGORY leaves a
category out (affiliated_with: the gold files of the corpus rarely list the affiliation a
title implies, the project's own ones mostly do).

Round 13's figures (docs/benchmarks.md): on the test-like development articles, each scored
by a model that was not trained on it, the classifier adds core relations only where it
costs precision without chains several times over; on the hold-out it adds nothing at the
thresholds that keep precision. It is not part of the extraction.

    python -m benchmarks.learned_relations cv [--folds 5] [--out FILE.json]
        k-fold cross-validation over the development articles (folds by article): each
        article is extracted by the rules, the classifier trained on the other folds adds
        the relations the rules did not write above a threshold, and kg eval's scorer
        (../shared/eval/score.py) scores rules alone and rules + classifier per threshold;
        rows for the test-like development articles (the 20 corpus articles, the sparse 16
        and the fresh 8) and for the whole split.
    python -m benchmarks.learned_relations holdout [--threshold T ...]
        trained on every development article, scored on data/eval/holdout (scores only).
    python -m benchmarks.learned_relations train --out FILE.json
        the weights trained on every development article (sorted JSON, the same bytes on a
        rerun of the same code and data).

Extraction of the ~150 texts is cached in /tmp (--cache) between runs of one code version.
"""

from __future__ import annotations

import argparse
import contextlib
import hashlib
import io
import json
import pickle
import sys
import tempfile
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

import numpy as np
import yaml

ROOT = Path(__file__).resolve().parent.parent
DEV = ROOT / "data" / "eval" / "dev"
HOLDOUT = ROOT / "data" / "eval" / "holdout"
SPLIT = ROOT / "data" / "eval" / "split.yaml"
CATEGORIES = ROOT / "ontology" / "gold-categories.yaml"
# the test-like development articles (HELPERS.md of round 13): annotated like the corpus
SPARSE = Path("/tmp/sparse16")
FRESH = Path("/tmp/fresh8")
NONE = "none"
FEATURES = 1  # the version of the pair features: raise it when they change (the cache)
DIST_BUCKETS = (1, 2, 3, 5, 8, 12, 20)


# ---------------------------------------------------------------------------------------
# Features


def _bucket(n: int) -> str:
    for b in DIST_BUCKETS:
        if n <= b:
            return str(b)
    return "more"


def _ancestors(tok) -> list:
    out = [tok]
    while out[-1].head.i != out[-1].i and len(out) < 64:
        out.append(out[-1].head)
    return out


def dep_path(a, b) -> tuple[list, object, list] | None:
    """The shortest dependency path from token a to token b: the tokens going up from a
    (a first, the turning token excluded), the turning token, the tokens going down to b
    (b last); None when they are in different trees."""
    up = _ancestors(a)
    down = _ancestors(b)
    where = {t.i: k for k, t in enumerate(up)}
    for k, t in enumerate(down):
        if t.i in where:
            return up[: where[t.i]], t, list(reversed(down[:k]))
    return None


def _word(tok, mention_cls: dict[int, str]) -> str:
    cls = mention_cls.get(tok.i)
    return f"<{cls}>" if cls else tok.lemma_.lower()


def pair_features(
    a, b, cls_a: str, cls_b: str, mention_cls: dict[int, str], modality_of
) -> list[str]:
    """The features of the pair of mention heads a (subject side) and b (object side)."""
    got = dep_path(a, b)
    if got is None:
        return []
    up, top, down = got
    feats = [
        f"cls={cls_a}|{cls_b}",
        f"order={'ab' if a.i < b.i else 'ba'}",
        f"dist={_bucket(abs(a.i - b.i))}",
        f"plen={_bucket(len(up) + len(down))}",
    ]
    ups = [t.dep_ for t in up]
    downs = [t.dep_ for t in down]
    top_word = _word(top, mention_cls) if top.i not in (a.i, b.i) else "<end>"
    steps = "^".join(ups) + f"<{top_word}>" + "v".join(downs)
    if len(up) + len(down) <= 6:
        feats.append(f"path={steps}")
        feats.append(f"deps={'^'.join(ups)}|{'v'.join(downs)}")
    feats.append(f"dep_a={ups[0] if ups else 'top'}")
    feats.append(f"dep_b={downs[-1] if downs else 'top'}")
    feats.append(f"trig={top_word}")
    feats.append(f"trig={top_word}|{cls_a}|{cls_b}")
    feats.append(f"trig={top_word}|{ups[0] if ups else 'top'}|{downs[-1] if downs else 'top'}")
    feats.append(f"trigpos={top.pos_}")
    inner = [t for t in up[1:]] + ([top] if top.i not in (a.i, b.i) else []) + down[:-1]
    for t in inner:
        w = _word(t, mention_cls)
        feats.append(f"w={w}")
        feats.append(f"wd={w}|{t.dep_}")
        if t.pos_ == "ADP" or t.dep_ in ("prep", "agent"):
            feats.append(f"prep={w}")
    for t in (a, b):  # a preposition hanging the mention: "to <Place>"
        if t.head.pos_ == "ADP" or t.head.dep_ == "prep":
            feats.append(f"prep_{'a' if t is a else 'b'}={t.head.lemma_.lower()}")
    verb = (
        top
        if top.pos_ in ("VERB", "AUX")
        else next((t for t in (*up, *down) if t.pos_ == "VERB"), None)
    )
    if verb is not None:
        feats.append(f"verb={verb.lemma_.lower()}")
        for c in verb.children:
            if c.dep_ in ("aux", "auxpass"):
                feats.append(f"aux={c.lemma_.lower()}")
            elif c.dep_ == "neg":
                feats.append("neg")
        mod = modality_of(verb)
        feats.append(f"mod={mod}")
    return feats


# ---------------------------------------------------------------------------------------
# Articles: rule statements and candidate pairs, read while the Docs live


@dataclass
class Pair:
    a: int  # cluster ids
    b: int
    feats: list[str]
    start: int  # the sentence in the article
    end: int
    modality: str


@dataclass
class Article:
    name: str
    group: str  # corpus, sparse, fresh, own, holdout
    gold: Path
    statements: object  # the rules' kg.statements.Statements
    clusters: dict[int, tuple[str, str, tuple[str, ...]]]  # id -> (cls, label, aliases)
    ids: dict[int, str]  # cluster id -> entity id of the statements
    pairs: list[Pair] = field(default_factory=list)


@cache
def _category_map() -> dict[str, list[str]]:
    raw = yaml.safe_load(CATEGORIES.read_text(encoding="utf-8"))
    raw.pop("_chains", None)
    out: dict[str, list[str]] = {}
    for pred, cats in raw.items():
        for cat in [cats] if isinstance(cats, str) else cats:
            out.setdefault(cat, []).append(pred)
    return out


@cache
def allowed(cls_a: str, cls_b: str) -> dict[str, str]:
    """Each gold category a pair of these classes may state -> the kg predicate stating it
    (the first of the map's predicates for it whose domain and range fit)."""
    from kg.ontology import fits, load_ontology

    rels = load_ontology().relations
    out = {}
    for cat, preds in sorted(_category_map().items()):
        for p in preds:
            r = rels.get(p)
            if r is not None and fits(cls_a, r.domain) and fits(cls_b, r.range):
                out[cat] = p
                break
    return out


def _candidate_pairs(index, article_text: str) -> list[Pair]:
    from kg.extract.syntax.modality import modality

    by_sent: dict[tuple[int, int], list] = {}
    for m in index.mentions:
        if m.cluster < 0:
            continue
        c = index.clusters[m.cluster]
        if c.cls in (None, "Position"):
            continue
        doc = index.docs[m.block]
        by_sent.setdefault((m.block, doc[m.head].sent.start), []).append(m)
    pairs = []
    for (block, _s), ms in sorted(by_sent.items()):
        doc = index.docs[block]
        mention_cls = {}
        for m in ms:
            for i in range(m.tok_start, m.tok_end):
                mention_cls[i] = index.clusters[m.cluster].cls
        best: dict[tuple[int, int], tuple[int, list[str], object]] = {}
        for ma in ms:
            for mb in ms:
                ca, cb = index.clusters[ma.cluster], index.clusters[mb.cluster]
                if ca.id == cb.id or not allowed(ca.cls, cb.cls):
                    continue
                a, b = doc[ma.head], doc[mb.head]
                got = dep_path(a, b)
                if got is None:
                    continue
                length = len(got[0]) + len(got[2])
                key = (ca.id, cb.id)
                if key in best and best[key][0] <= length:
                    continue

                def modality_of(verb):
                    return modality(verb) or "none"

                feats = pair_features(a, b, ca.cls, cb.cls, mention_cls, modality_of)
                best[key] = (length, feats, (a, b))
        sent = doc[ms[0].head].sent
        start = index.offsets[block] + sent.start_char
        text = article_text[start : index.offsets[block] + sent.end_char].rstrip()
        for (ca, cb), (_n, feats, (a, b)) in sorted(best.items()):
            top = dep_path(a, b)[1]
            verb = top if top.pos_ in ("VERB", "AUX") else None
            mod = (modality(verb) if verb is not None else None) or "asserted"
            pairs.append(Pair(ca, cb, feats, start, start + len(text), mod))
    return pairs


def extract_articles(items: list[tuple[str, str, Path, Path]]) -> list[Article]:
    """Extract (name, group, text, gold) with the rules, keeping each article's candidate
    pairs with their features."""
    from kg.extract import pipeline

    records: dict[str, Article] = {}
    groups = {name: (group, gold) for name, group, _t, gold in items}
    original = pipeline._assemble

    def capture(article, index, candidates, suffix, model):
        st = original(article, index, candidates, suffix, model)
        group, gold = groups[article.id]
        rec = Article(
            name=article.id,
            group=group,
            gold=gold,
            statements=st,
            clusters={c.id: (c.cls, c.label, tuple(c.aliases)) for c in index.clusters if c.cls},
            ids=pipeline._entity_ids(index.clusters),
        )
        rec.pairs = _candidate_pairs(index, article.text)
        records[article.id] = rec
        return st

    pipeline._assemble = capture
    try:
        texts = [(t.read_text(encoding="utf-8"), name, {}) for name, _g, t, _gold in items]
        for _ in pipeline.extract_many(texts):
            pass
    finally:
        pipeline._assemble = original
    return [records[name] for name, *_ in items]


def dev_items() -> list[tuple[str, str, Path, Path]]:
    corpus = ROOT.parent / "shared" / "corpus"
    split = yaml.safe_load(SPLIT.read_text(encoding="utf-8"))
    sparse = {p.stem for p in SPARSE.glob("*.txt")}
    fresh = {p.stem for p in FRESH.glob("*.txt")}
    items = [
        (n, "corpus", corpus / f"{n}.txt", corpus / "gold" / f"{n}.yaml")
        for n in sorted(split["development"])
    ]
    for gold in sorted((DEV / "gold").glob("*.yaml")):
        n = gold.stem
        group = "sparse" if n in sparse else "fresh" if n in fresh else "own"
        items.append((n, group, DEV / f"{n}.txt", gold))
    return items


def holdout_items() -> list[tuple[str, str, Path, Path]]:
    return [
        (g.stem, "holdout", HOLDOUT / f"{g.stem}.txt", g)
        for g in sorted((HOLDOUT / "gold").glob("*.yaml"))
    ]


def load_articles(items, cache: Path | None) -> list[Article]:
    code = hashlib.sha256()
    for path in sorted((ROOT / "kg").rglob("*.py")) + sorted((ROOT / "data").rglob("*.yaml")):
        code.update(path.read_bytes())
    code.update(f"features {FEATURES}".encode())
    code.update(repr(items).encode())
    key = code.hexdigest()[:16]
    if cache is not None:
        path = cache / f"learned-{key}.pickle"
        if path.is_file():
            return pickle.loads(path.read_bytes())
    arts = extract_articles(items)
    if cache is not None:
        path.write_bytes(pickle.dumps(arts))
    return arts


# ---------------------------------------------------------------------------------------
# Labels


def _norm():
    from kg.quality import _scorer_module

    return _scorer_module(ROOT.parent / "shared" / "eval" / "score.py").norm


SYMMETRIC_CATS = ("meets", "talks_with")


def labels(art: Article, norm) -> dict[tuple[int, int], str]:
    """Each candidate pair the gold file relates -> the gold category (alignment by the
    scorer's normalised names and aliases)."""
    gold = yaml.safe_load(art.gold.read_text(encoding="utf-8")) or {}
    names: dict[str, set[str]] = {}
    for e in gold.get("entities") or []:
        for alias in [e["name"], *(e.get("aliases") or [])]:
            names.setdefault(norm(str(alias)), set()).add(e["name"])
    rels: dict[tuple[str, str], set[str]] = {}
    for r in gold.get("relations") or []:
        rels.setdefault((r["s"], r["o"]), set()).add(r["p"])
        if r["p"] in SYMMETRIC_CATS:
            rels.setdefault((r["o"], r["s"]), set()).add(r["p"])
    aligned: dict[int, set[str]] = {}
    for cid, (_cls, label, aliases) in art.clusters.items():
        got = set()
        for n in (label, *aliases):
            got |= names.get(norm(n), set())
        if got:
            aligned[cid] = got
    out = {}
    for p in art.pairs:
        if (p.a, p.b) in out:
            continue
        cats = set()
        for ga in aligned.get(p.a, ()):
            for gb in aligned.get(p.b, ()):
                cats |= rels.get((ga, gb), set())
        fit = allowed(art.clusters[p.a][0], art.clusters[p.b][0])
        cats &= set(fit)
        if cats:
            out[(p.a, p.b)] = sorted(cats)[0]
    return out


def rule_categories(art: Article) -> dict[tuple[int, int], set[str]]:
    """The categories the rules' statements state between two clusters."""
    pred_cats: dict[str, list[str]] = {}
    for cat, preds in _category_map().items():
        for p in preds:
            pred_cats.setdefault(p, []).append(cat)
    cluster_of = {eid: cid for cid, eid in art.ids.items()}
    out: dict[tuple[int, int], set[str]] = {}
    for r in art.statements.relations:
        a, b = cluster_of.get(r.subject), cluster_of.get(r.object)
        if a is None or b is None:
            continue
        for cat in pred_cats.get(r.predicate, []):
            out.setdefault((a, b), set()).add(cat)
            if cat in SYMMETRIC_CATS:
                out.setdefault((b, a), set()).add(cat)
    return out


def examples(art: Article, norm=None, with_labels: bool = True):
    """(features, label, pair) of each candidate pair of the article."""
    gold = labels(art, norm) if with_labels else {}
    rules = rule_categories(art)
    for p in art.pairs:
        feats = list(p.feats)
        for cat in sorted(rules.get((p.a, p.b), ())):
            feats.append(f"rule={cat}")
        if (p.b, p.a) in rules:
            feats.append("rule_reverse")
        yield feats, gold.get((p.a, p.b), NONE), p


# ---------------------------------------------------------------------------------------
# The model


@dataclass
class Model:
    classes: list[str]
    weights: dict[str, list[float]]  # feature -> one weight per class
    bias: list[float]

    def probabilities(self, feats: list[str], fit: set[str]) -> dict[str, float]:
        """The probability of each class the pair's classes allow (and none)."""
        scores = []
        for k, c in enumerate(self.classes):
            if c != NONE and c not in fit:
                continue
            s = self.bias[k]
            for f in feats:
                w = self.weights.get(f)
                if w is not None:
                    s += w[k]
            scores.append((c, s))
        top = max(s for _c, s in scores)
        exp = [(c, float(np.exp(s - top))) for c, s in scores]
        total = sum(e for _c, e in exp)
        return {c: e / total for c, e in exp}

    def as_json(self) -> str:
        return json.dumps(
            {"classes": self.classes, "bias": self.bias, "weights": self.weights},
            sort_keys=True,
            indent=0,
        )


def train(
    data: list[tuple[list[str], str, set[str]]],
    min_count: int = 2,
    l2: float = 1.0,
    steps: int = 300,
    rate: float = 0.5,
) -> Model:
    """Multinomial logistic regression (full-batch AdaGrad, L2), each example's softmax
    restricted to the classes its pair's entity classes allow: the same data give the same
    weights."""
    counts: dict[str, int] = {}
    for feats, _y, _fit in data:
        for f in set(feats):
            counts[f] = counts.get(f, 0) + 1
    vocab = sorted(f for f, n in counts.items() if n >= min_count)
    fidx = {f: k for k, f in enumerate(vocab)}
    classes = sorted({y for _f, y, _fit in data} | {NONE})
    cidx = {c: k for k, c in enumerate(classes)}
    n, nf, nc = len(data), len(vocab), len(classes)
    rows, cols = [], []
    mask = np.full((n, nc), -1e9)
    y = np.zeros(n, dtype=np.int64)
    for i, (feats, label, fit) in enumerate(data):
        for f in sorted(set(feats)):
            if f in fidx:
                rows.append(i)
                cols.append(fidx[f])
        for c in fit | {NONE}:
            if c in cidx:
                mask[i, cidx[c]] = 0.0
        y[i] = cidx[label]
    rows_a = np.array(rows, dtype=np.int64)
    cols_a = np.array(cols, dtype=np.int64)
    w = np.zeros((nf, nc))
    b = np.zeros(nc)
    gw2 = np.full((nf, nc), 1e-8)
    gb2 = np.full(nc, 1e-8)
    onehot = np.zeros((n, nc))
    onehot[np.arange(n), y] = 1.0
    scores = np.zeros((n, nc))
    gw = np.zeros((nf, nc))
    for _step in range(steps):
        for k in range(nc):  # one class at a time: bincount sums in a fixed order
            scores[:, k] = np.bincount(rows_a, weights=w[cols_a, k], minlength=n) + b[k]
        z = scores + mask
        z -= z.max(axis=1, keepdims=True)
        p = np.exp(z)
        p /= p.sum(axis=1, keepdims=True)
        resid = (p - onehot) / n
        for k in range(nc):
            gw[:, k] = np.bincount(cols_a, weights=resid[rows_a, k], minlength=nf)
        gw += l2 * w / n
        gb = resid.sum(axis=0)
        gw2 += gw * gw
        gb2 += gb * gb
        w -= rate * gw / np.sqrt(gw2)
        b -= rate * gb / np.sqrt(gb2)
    weights = {}
    for f, k in fidx.items():
        row = [round(float(v), 4) for v in w[k]]
        if any(abs(v) >= 0.001 for v in row):
            weights[f] = row
    return Model(classes, weights, [round(float(v), 4) for v in b])


def training_data(
    arts: list[Article], norm, residual: bool = True, skip: frozenset[str] = frozenset()
) -> list[tuple[list[str], str, set[str]]]:
    """The examples of the articles' candidate pairs. With `residual`, a pair whose gold
    category the rules already state is left out: the classifier adds only what the rules
    did not write, so it learns from the pairs it will be asked about. A category of `skip`
    is never learned (its pairs count as none)."""
    data = []
    for art in arts:
        rules = rule_categories(art)
        for feats, label, p in examples(art, norm):
            if residual and label in rules.get((p.a, p.b), ()):
                continue
            fit = set(allowed(art.clusters[p.a][0], art.clusters[p.b][0])) - skip
            data.append((feats, NONE if label in skip else label, fit))
    return data


# ---------------------------------------------------------------------------------------
# Prediction and scoring


def predict(art: Article, model: Model) -> list[tuple[float, str, Pair]]:
    """(probability, category, pair) of the best category of each cluster pair the rules
    do not already relate by that category, best sentence first."""
    rules = rule_categories(art)
    best: dict[tuple[int, int, str], tuple[float, Pair]] = {}
    for feats, _y, p in examples(art, with_labels=False):
        fit = allowed(art.clusters[p.a][0], art.clusters[p.b][0])
        probs = model.probabilities(feats, set(fit))
        cat, prob = max(
            ((c, v) for c, v in probs.items() if c != NONE),
            key=lambda x: (x[1], x[0]),
            default=(NONE, 0.0),
        )
        if cat == NONE or cat in rules.get((p.a, p.b), ()):
            continue
        key = (p.a, p.b, cat)
        if key not in best or best[key][0] < prob:
            best[key] = (prob, p)
    return sorted(
        ((prob, cat, p) for (_a, _b, cat), (prob, p) in best.items()),
        key=lambda x: (-x[0], x[2].a, x[2].b, x[1]),
    )


def with_predictions(art: Article, predicted, threshold: float, only: frozenset[str] = frozenset()):
    """The rules' statements plus the predicted relations above the threshold (of the
    categories `only`, when given)."""
    from kg.statements import Evidence, Relation, Statements

    st = art.statements
    have = {e.id for e in st.entities}
    relations = list(st.relations)
    seen = set()
    for prob, cat, p in predicted:
        if prob < threshold or (only and cat not in only):
            continue
        a, b = art.ids[p.a], art.ids[p.b]
        if a not in have or b not in have or (a, cat, b) in seen:
            continue
        if cat in SYMMETRIC_CATS and (b, cat, a) in seen:
            continue
        seen.add((a, cat, b))
        pred = allowed(art.clusters[p.a][0], art.clusters[p.b][0])[cat]
        sentence = st.article.text[p.start : p.end]
        relations.append(
            Relation(
                subject=a,
                predicate=pred,
                object=b,
                evidence=Evidence(sentence=sentence, start=p.start, end=p.end),
                modality=p.modality,
                confidence=round(prob, 3),
                method="learned",
            )
        )
    return Statements(article=st.article, entities=list(st.entities), relations=relations)


def score(arts: list[Article], statements: list) -> dict[str, dict]:
    """The scorer's figures of each article (with and without the map's chains)."""
    from kg.build import build
    from kg.quality import PRECISION, _scorer_module
    from kg.rdfio import serialize

    scorer = _scorer_module(ROOT.parent / "shared" / "eval" / "score.py")
    result = build(statements)
    out = {}
    with tempfile.TemporaryDirectory(prefix="kg-learned-") as tmp:
        plain_map = Path(tmp) / "plain.yaml"
        mapping = yaml.safe_load(CATEGORIES.read_text(encoding="utf-8"))
        mapping.pop("_chains", None)
        plain_map.write_text(yaml.safe_dump(mapping), encoding="utf-8")
        for art, graph in zip(arts, result.articles, strict=True):
            path = Path(tmp) / f"{art.name}.nq"
            path.write_bytes(serialize(graph.main, "nquads"))
            runs = []
            for cmap in (CATEGORIES, plain_map):
                buf = io.StringIO()
                with contextlib.redirect_stdout(buf):
                    scorer.main([str(path), str(art.gold), "--map", str(cmap), "--json"])
                runs.append(json.loads(buf.getvalue()))
            scores, plain = runs
            scores["plain_precision"] = plain[PRECISION]
            scores["plain_judged"] = plain["judged"]
            out[art.name] = scores
    return out


def figures(arts: list[Article], scores: dict[str, dict]) -> dict:
    from kg.quality import ArticleScore, CorpusArticle, SplitScore, _counts

    split = SplitScore(
        "development",
        [
            ArticleScore(
                CorpusArticle(a.name, "development", a.gold, a.gold),
                _counts(a.gold),
                scores[a.name],
            )
            for a in arts
        ],
    )
    return split.figures()


ROW = ("entity_recall", "position_recall", "core_relation_recall", "relation_recall")
ROW += ("relation_precision", "precision_without_chains", "modality_accuracy")


def row(name: str, figs: dict) -> str:
    cells = " | ".join("-" if figs[k] is None else f"{figs[k]:.3f}" for k in ROW)
    return f"| {name} | {cells} |"


HEAD = "| articles | entity | position | core | relations | precision | w/o chains | modality |"
HEAD += "\n| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |"


def folds_of(arts: list[Article], k: int) -> dict[str, int]:
    """Article -> fold: each group's articles dealt round the folds in name order."""
    out = {}
    n = 0
    for group in ("corpus", "sparse", "fresh", "own"):
        for a in sorted((a for a in arts if a.group == group), key=lambda a: a.name):
            out[a.name] = n % k
            n += 1
    return out


THRESHOLDS = (0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9)


def cross_validate(
    arts: list[Article],
    k: int,
    thresholds=THRESHOLDS,
    residual: bool = True,
    skip: frozenset[str] = frozenset(),
    **train_args,
) -> dict:
    norm = _norm()
    fold = folds_of(arts, k)
    predicted = {}
    for f in range(k):
        data = training_data([a for a in arts if fold[a.name] != f], norm, residual, skip)
        model = train(data, **train_args)
        for a in arts:
            if fold[a.name] == f:
                predicted[a.name] = predict(a, model)
    report = {"folds": k, "rows": {}, "predicted": predicted}
    subsets = {
        "test-like 44": [a for a in arts if a.group != "own"],
        "corpus 20": [a for a in arts if a.group == "corpus"],
        "sparse 16": [a for a in arts if a.group == "sparse"],
        "fresh 8": [a for a in arts if a.group == "fresh"],
        "all dev": arts,
    }
    runs = {"rules": [a.statements for a in arts]}
    for t in thresholds:
        runs[f"+learned>={t}"] = [with_predictions(a, predicted[a.name], t) for a in arts]
    for run, statements in runs.items():
        scores = score(arts, statements)
        added = sum(len(s.relations) for s in statements) - sum(
            len(a.statements.relations) for a in arts
        )
        for sub, members in subsets.items():
            report["rows"].setdefault(sub, {})[run] = figures(members, scores)
        report["rows"].setdefault("added relations", {})[run] = added
    return report


def format_report(report: dict) -> str:
    lines = []
    for sub, runs in report["rows"].items():
        if sub == "added relations":
            continue
        lines += [f"### {sub}", HEAD.replace("articles", "run")]
        for run, figs in runs.items():
            lines.append(row(f"{run} (+{report['rows']['added relations'][run]})", figs))
        lines.append("")
    return "\n".join(lines)


def main(argv: list[str]) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("command", choices=("cv", "holdout", "train"))
    ap.add_argument("--folds", type=int, default=5)
    ap.add_argument("--threshold", type=float, action="append")
    ap.add_argument("--out", type=Path)
    ap.add_argument("--cache", type=Path, default=Path(tempfile.gettempdir()))
    ap.add_argument("--steps", type=int, default=300)
    ap.add_argument("--l2", type=float, default=1.0)
    ap.add_argument("--min-count", type=int, default=2)
    ap.add_argument("--all-pairs", action="store_true", help="train on the rules' pairs too")
    ap.add_argument("--skip", action="append", default=[], help="a category never learned")
    ap.add_argument("--only", action="append", default=[], help="add only this category")
    args = ap.parse_args(argv)
    train_args = {"steps": args.steps, "l2": args.l2, "min_count": args.min_count}
    data_args = {"residual": not args.all_pairs, "skip": frozenset(args.skip)}
    dev = load_articles(dev_items(), args.cache)
    if args.command == "cv":
        thresholds = tuple(args.threshold or THRESHOLDS)
        report = cross_validate(dev, args.folds, thresholds, **data_args, **train_args)
        print(format_report(report))
        if args.out:
            predicted = report.pop("predicted")
            args.out.write_text(json.dumps(report, indent=1, sort_keys=True), encoding="utf-8")
            args.out.with_suffix(".pickle").write_bytes(pickle.dumps(predicted))
        return 0
    model = train(training_data(dev, _norm(), **data_args), **train_args)
    if args.command == "train":
        out = args.out or Path(tempfile.gettempdir()) / "kg-relations-model.json"
        out.write_text(model.as_json() + "\n", encoding="utf-8")
        print(f"{out}: {len(model.weights)} features, {len(model.classes)} classes")
        return 0
    held = load_articles(holdout_items(), args.cache)
    runs = {"rules": [a.statements for a in held]}
    predicted = {a.name: predict(a, model) for a in held}
    for t in args.threshold or THRESHOLDS:
        runs[f"+learned>={t}"] = [
            with_predictions(a, predicted[a.name], t, frozenset(args.only)) for a in held
        ]
    print("### holdout 8 (scores only)\n" + HEAD.replace("articles", "run"))
    for run, statements in runs.items():
        added = sum(len(s.relations) for s in statements) - sum(
            len(a.statements.relations) for a in held
        )
        print(row(f"{run} (+{added})", figures(held, score(held, statements))))
    return 0


if __name__ == "__main__":
    # the module's own classes, not __main__'s: the cache pickles them
    from benchmarks.learned_relations import main as _main

    sys.exit(_main(sys.argv[1:]))
