"""Acts of state: what an official holding a country's post declines, opposes or gives, the
country does too ("Norlandic Defence Minister X ruled out a ceasefire": Norland refuses it;
data: frames.yaml `state_acts`)."""

from __future__ import annotations

from dataclasses import replace

from kg.extract.frames.candidates import Candidate
from kg.extract.lexicon import frames
from kg.extract.resolve import ArticleIndex, Ref


def state_candidates(index: ArticleIndex, candidates: list[Candidate]) -> list[Candidate]:
    """For each candidate of a `state_acts` predicate whose subject is a person with a
    current post of a country named by the end of its sentence, the same relation with that
    country as its subject. Read after every block's constructions, which record the posts."""
    acts = frames().state_acts
    out = []
    for c in candidates:
        if c.predicate not in acts or c.subject.cluster.cls != "Person":
            continue
        country = index._country_of(c.subject.cluster, c.block, c.sent[0])
        if country is None or country.id == c.object.cluster.id:
            continue
        out.append(
            replace(
                c,
                subject=Ref(country, c.subject.guessed),
                confidence=round(c.confidence - 0.1, 3),
                method=f"{c.method}:state",
            )
        )
    return out
