"""Contributions named with where they come from, in a preposition of a verb (data:
frames.yaml `sourced_contributions`): "the force, which deployed with troops from A and B",
"the mission is made possible by contributions from A": A contributes to the force, the
mission."""

from __future__ import annotations

from kg.extract.actors import actor_refs
from kg.extract.doc_memo import sentence
from kg.extract.frames.candidates import Candidate, attribution
from kg.extract.frames.objects import is_contribution
from kg.extract.lexicon import frames, lexicon
from kg.extract.resolve import ArticleIndex, Ref
from kg.extract.syntax.arguments import (
    child_deps,
    direct_objects,
    is_passive,
    prep_objects,
    subjects,
)
from kg.extract.syntax.clauses import Clause
from kg.extract.syntax.tree import tree
from kg.ontology import fits


def _sources(prep, rule: dict) -> list:
    """The sources of the contributions a preposition names: "with troops from A and B"."""
    nouns = lexicon().contribution_nouns | rule["nouns"]
    out = []
    for noun in child_deps(prep, "pobj"):
        if not is_contribution(noun, nouns):
            continue
        for source in child_deps(noun, "prep"):
            if source.lower_ in rule["from"]:
                out += child_deps(source, "pobj")
    return out


def _receivers(index: ArticleIndex, block: int, tok, rule: dict) -> list[Ref]:
    """What a contribution goes to: the entities the verb's subject (a passive's patient)
    names, of the classes `receivers`; "the deployment of X" (`event_nouns`) goes to X.
    Nothing when an active verb of `acting_verbs` acts on an object: its subject then
    receives nothing ("the council adopted the resolution with contributions from A"), while
    "the force began operations with troops from A" gives to the force."""
    passive = is_passive(tok)
    if not passive and direct_objects(tok) and tok.lemma_.lower() in rule["acting_verbs"]:
        return []
    out = []
    for t in direct_objects(tok) if passive else subjects(tok):
        if t.lemma_.lower() in rule["event_nouns"]:
            t = next(iter(prep_objects(t, "of")), t)
        out += actor_refs(index, block, t)
    return [r for r in out if any(fits(r.cluster.cls, c) for c in rule["receivers"])]


def sourced_candidates(index: ArticleIndex, block: int, tok, clause: Clause) -> list[Candidate]:
    """Who contributes to what a verb's subject (or a passive's patient) is, by a
    contribution from them in a preposition of the verb (`sourced_contributions`)."""
    rule = frames().sourced_contributions
    out: list[Candidate] = []
    # also the preposition of an object that names the subject's own work ("began operations
    # with troops from A": the parser hangs "with" on "operations")
    t = tree(tok.doc)  # children as indices: only the prepositions become Tokens
    events = rule["event_nouns"]  # (the objects are read only in a block with such a word)
    work = (
        [o.i for o in direct_objects(tok) if t.lemma_lower[o.i] in events]
        if not events.isdisjoint(t.lemma_lower)
        else []
    )
    kids, lower, dep = t.kids, t.lower, t.dep
    for k in [*kids[tok.i], *(c for o in work for c in kids[o])]:
        if lower[k] not in rule["preps"] or dep[k] not in ("prep", "agent"):
            continue
        prep = tok.doc[k]
        sources = _sources(prep, rule)
        if not sources:
            continue
        if clause.modality is None:  # read only here (most verbs name no source), and
            return []  # before any reference is resolved: a clause only asked for gives none
        givers = [r for s in sources for r in actor_refs(index, block, s)]
        receivers = _receivers(index, block, tok, rule) if givers else []
        said = attribution(index, block, tok) if givers and receivers else None
        out += [
            Candidate(
                subject=g,
                predicate="contributesTo",
                object=r,
                block=block,
                sent=sentence(tok),
                # "will not deploy with troops from A": A refuses nothing, it is not so
                modality="negated" if clause.modality == "refused" else clause.modality,
                attributed=said,
                confidence=rule["confidence"],
                method="sourced:contributesTo",
            )
            for g in givers
            for r in receivers
            if g.cluster.id != r.cluster.id
        ]
    return out
