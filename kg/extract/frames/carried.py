"""Relations a later clause continues (data: frames.yaml `carried`): "X imposed sanctions on
Y. The measures target Z" states that X sanctions Z too."""

from __future__ import annotations

from kg.extract.actors import actor_refs
from kg.extract.frames.candidates import Candidate, attribution
from kg.extract.lexicon import frames
from kg.extract.resolve import ArticleIndex
from kg.extract.syntax.arguments import child_deps
from kg.extract.syntax.clauses import Clause


def _continued_objects(tok, clause: Clause, rule: dict) -> list:
    """The tokens a clause adds to a relation stated before: "The measures target X"
    (a verb of `verbs` whose subject is one of `nouns`), "X and Y were also listed" (a
    passive of `passive` without an agent), "Also on the list are X", "the most senior
    person targeted is X" (a copula with `on`/`among` one of `nouns`, or with a side that
    a participle of `passive` describes)."""
    doc = tok.doc
    nouns, lemma = rule["nouns"], tok.lemma_.lower()
    if not clause.passive and lemma in rule["verbs"]:
        if any(doc[i].lemma_.lower() in nouns for i in clause.subjects):
            return [doc[i] for i in clause.objects]
        return []
    if clause.passive and lemma in rule["passive"] and tok.dep_ not in ("acl", "amod"):
        if not child_deps(tok, "agent"):
            return [doc[i] for i in clause.objects]
        return []
    if lemma != "be":
        return []
    sides = child_deps(tok, "nsubj", "attr")
    if len(sides) != 2 and not (
        len(sides) == 1 and any(p.lower_ in rule["be_preps"] for p in child_deps(tok, "prep"))
    ):
        return []
    for prep in child_deps(tok, "prep"):
        if prep.lower_ in rule["be_preps"] and any(
            o.lemma_.lower() in nouns for o in child_deps(prep, "pobj")
        ):
            return sides

    def described(side) -> bool:
        return any(
            t.lemma_.lower() in rule["passive"] and t.tag_ == "VBN" and t.i != side.i
            for t in side.subtree
        )

    if len(sides) == 2:
        for a, b in (sides, sides[::-1]):
            if described(a) and not described(b):
                return [b]
    return []


def carried_candidates(index: ArticleIndex, block: int, tok, clause: Clause) -> list[Candidate]:
    """Relations a clause continues (data: frames.yaml `carried`): the subject is the
    subject of the last clause of that predicate, at most `window` sentences before."""
    out: list[Candidate] = []
    if clause.modality is None:
        return out
    for predicate, rule in frames().carried.items():
        last = index.carry.get(predicate)
        if last is None:
            continue
        here = index.sentence_number(index.pos(block, tok))
        if not 0 <= here - last[0] <= rule["window"]:
            continue
        found = _continued_objects(tok, clause, rule)
        objects_ = []
        for obj in found:
            for r in actor_refs(index, block, obj):
                if all(r.cluster.id != o.cluster.id for o in objects_):
                    objects_.append(r)
        said = attribution(index, block, tok) if objects_ else None
        for s in last[1]:
            for o in objects_:
                out.append(
                    Candidate(
                        subject=s,
                        predicate=predicate,
                        object=o,
                        block=block,
                        sent=tok.sent,
                        modality=clause.modality,
                        attributed=said,
                        confidence=rule["confidence"],
                        method=f"carried:{predicate}",
                    )
                )
    return out
