"""Evaluation of extracted statements against gold statements of the same article."""

from __future__ import annotations

from dataclasses import dataclass, field

from kg.extract.lexicon import norm
from kg.ontology import load_ontology
from kg.statements import Entity, Statements


@dataclass
class Score:
    tp: int
    fp: int
    fn: int

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


@dataclass
class Evaluation:
    entities: Score
    relations: Score
    missed_entities: list[str] = field(default_factory=list)
    false_entities: list[str] = field(default_factory=list)
    missed_relations: list[str] = field(default_factory=list)
    false_relations: list[str] = field(default_factory=list)

    def as_dict(self) -> dict:
        def score(s: Score) -> dict:
            return {
                "precision": round(s.precision, 3),
                "recall": round(s.recall, 3),
                "f1": round(s.f1, 3),
                "tp": s.tp,
                "fp": s.fp,
                "fn": s.fn,
            }

        return {
            "entities": score(self.entities),
            "relations": score(self.relations),
            "missed_entities": self.missed_entities,
            "false_entities": self.false_entities,
            "missed_relations": self.missed_relations,
            "false_relations": self.false_relations,
        }


def _names(e: Entity) -> set[str]:
    return {norm(e.label), *(norm(a) for a in e.aliases)}


def _align(gold: Statements, pred: Statements) -> dict[str, str]:
    """Each predicted entity id -> the gold entity id it names, by shared names; the label
    counts before an alias, so a city does not take the country whose seat it is."""
    mapping: dict[str, str] = {}
    taken: set[str] = set()
    for strict in (True, False):
        for p in pred.entities:
            if p.id in mapping:
                continue
            for g in gold.entities:
                if g.id in taken:
                    continue
                hit = norm(p.label) == norm(g.label) if strict else _names(p) & _names(g)
                if hit:
                    mapping[p.id] = g.id
                    taken.add(g.id)
                    break
    return mapping


def evaluate(gold: Statements, pred: Statements) -> Evaluation:
    """Entity and relation precision, recall and F1. Relations match on subject, predicate
    and object after aligning entities by name; symmetric relations in either direction."""
    symmetric = load_ontology().symmetric
    mapping = _align(gold, pred)
    gold_label = {e.id: e.label for e in gold.entities}
    pred_label = {e.id: e.label for e in pred.entities}

    def key(s: str, p: str, o: str) -> tuple[str, str, str]:
        return (p, *sorted((s, o))) if p in symmetric else (p, s, o)  # type: ignore[return-value]

    gold_rel = {key(r.subject, r.predicate, r.object) for r in gold.relations}
    pred_rel = {}
    for r in pred.relations:
        s = mapping.get(r.subject, "?" + r.subject)
        o = mapping.get(r.object, "?" + r.object)
        pred_rel[key(s, r.predicate, o)] = (r.subject, r.predicate, r.object)

    def show(triple, labels) -> str:
        p, s, o = triple
        return f"{labels.get(s.lstrip('?'), s)} {p} {labels.get(o.lstrip('?'), o)}"

    tp = gold_rel & set(pred_rel)
    matched_gold = set(mapping.values())
    return Evaluation(
        entities=Score(
            tp=len(matched_gold),
            fp=len(pred.entities) - len(mapping),
            fn=len(gold.entities) - len(matched_gold),
        ),
        relations=Score(tp=len(tp), fp=len(set(pred_rel) - gold_rel), fn=len(gold_rel - tp)),
        missed_entities=sorted(gold_label[g] for g in gold_label if g not in matched_gold),
        false_entities=sorted(pred_label[p] for p in pred_label if p not in mapping),
        missed_relations=sorted(show(t, gold_label) for t in gold_rel - tp),
        false_relations=sorted(
            f"{pred_label[s]} {p} {pred_label[o]}"
            for k, (s, p, o) in pred_rel.items()
            if k not in gold_rel
        ),
    )


def format_evaluation(ev: Evaluation) -> str:
    lines = ["            precision  recall  f1     (tp/fp/fn)"]
    for name, s in (("entities", ev.entities), ("relations", ev.relations)):
        lines.append(
            f"{name:<11} {s.precision:9.3f}  {s.recall:6.3f}  {s.f1:5.3f}  ({s.tp}/{s.fp}/{s.fn})"
        )
    for title, items in (
        ("missed relations", ev.missed_relations),
        ("false relations", ev.false_relations),
        ("missed entities", ev.missed_entities),
        ("false entities", ev.false_entities),
    ):
        if items:
            lines.append(f"{title}:")
            lines += [f"  - {item}" for item in items]
    return "\n".join(lines)
