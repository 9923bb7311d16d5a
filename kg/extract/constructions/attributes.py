"""Relations read off a noun phrase's modifiers: a plan's possessor proposed it, a force in
a place operates there, a person "of" an organisation works for it."""

from __future__ import annotations

from kg.extract.constructions.base import Builder, m_cluster
from kg.extract.lexicon import frames
from kg.extract.mentions import Mention
from kg.extract.syntax.arguments import subjects
from kg.extract.syntax.events import governing_verb, noun_modality, thing_modality
from kg.extract.syntax.tree import tree


def plan_possessor(b: Builder, m: Mention, head) -> None:
    """ "Ortiz's five-point plan": Ortiz proposed it. Not a noun that states a relation of
    its own, which its frame reads ("Norland extended its sanctions on X": frames.yaml
    nouns)."""
    if any(head.lemma_.lower() in fr.lemmas for fr in frames().nouns):
        return
    for child in head.children:
        if child.dep_ == "poss":
            refs = [b.index.as_actor(r) for r in b.index.refs(b.block, child, with_conj=False)]
            for r in refs:
                if r.cluster.cls not in ("Plan", "Position", "Event", "City", "Region"):
                    level = _own_plan_level(b, head, r.cluster.id)
                    b.add(m_cluster(b, m), "proposedBy", r, head, 0.75, "possessor", level)


WEIGHED = ("considered", "planned", "possible")


def _own_plan_level(b: Builder, head, owner: str) -> str:
    """How firmly a plan is proposed by its possessor: as made ("rejected Norland's plan",
    "would expand its loan programme"), unless the possessor itself only weighs or plans
    it under a verb of weighing or planning (frames.yaml modality_heads: "is considering its
    own sanctions on X": considered)."""
    verb = governing_verb(head)
    if verb is None or frames().modality_heads.get(verb.lemma_.lower()) not in WEIGHED:
        return "asserted"  # "would expand its loan programme": the programme is there
    level = noun_modality(head)
    if level not in WEIGHED:
        return "asserted"
    owners = {
        b.index.as_actor(r).cluster.id for s in subjects(verb) for r in b.index.refs(b.block, s)
    }
    return level if owner in owners else "asserted"


def force_place(b: Builder, m: Mention, head) -> None:
    preps = [c for c in head.children if c.dep_ == "prep"]
    if head.dep_ == "pobj" and head.head.dep_ == "prep":  # "send troops for X in Y"
        preps += [c for c in head.head.head.children if c.dep_ == "prep" and c.i != head.head.i]
    for prep in preps:
        if prep.dep_ == "prep" and prep.lower_ in ("in", "for"):
            for pobj in prep.children:
                for r in b.index.refs(b.block, pobj):
                    if r.cluster.cls in ("Country", "City", "Region"):
                        b.add(
                            m_cluster(b, m),
                            "operatesIn",
                            r,
                            head,
                            0.8,
                            "force-in-place",
                            thing_modality(head),
                        )


def person_of(b: Builder, m: Mention, head) -> None:
    t = tree(head.doc)  # most names have no "of" after them: no Token made for their words
    if not any(t.dep[c] == "prep" and t.lower[c] == "of" for c in t.kids[head.i]):
        return
    for prep in head.children:
        if prep.dep_ == "prep" and prep.lower_ == "of":
            for pobj in prep.children:
                for r in b.index.refs(b.block, pobj, with_conj=False):
                    if r.cluster.cls in (
                        "ArmedForce",
                        "GovernmentBody",
                        "Organization",
                        "PoliticalParty",
                        "InternationalOrganization",
                    ):
                        b.add(m_cluster(b, m), "worksFor", r, head, 0.75, "person-of")
