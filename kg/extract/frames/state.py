"""Acts of state: what an official holding a country's post, or a body its name gives to a
country, declines, opposes or gives, the country does too ("Norlandic Defence Minister X
ruled out a ceasefire", "Norland's trade ministry opposes the plan": Norland; data:
frames.yaml `state_acts`)."""

from __future__ import annotations

from dataclasses import replace

from kg.extract.clusters import Cluster
from kg.extract.frames.candidates import Candidate
from kg.extract.lexicon import frames
from kg.extract.resolve import ArticleIndex, Ref


def state_candidates(index: ArticleIndex, candidates: list[Candidate]) -> list[Candidate]:
    """The candidates with acts of state given to their states: a candidate of a
    `state_acts` predicate whose subject is a person with a current post of a country named
    by the end of its sentence is that country's too, and of `state_only_acts` instead (the
    official acts for it: "Norland's defence minister ruled out sending troops" is Norland's
    refusal, not the minister's own); one whose subject is a body named with its country is
    the country's too. Read after every block's constructions, which record the posts."""
    acts = frames().state_acts
    out = []
    for c in candidates:
        out.append(c)
        if c.predicate not in acts:
            continue
        if c.subject.cluster.cls == "Person":
            if _own_capacity(index, c):
                continue  # "said he personally opposed the plan": his own stance
            # only a post whose title speaks for the state (frames.yaml `state_titles`)
            f = frames()
            country = index.country_of(
                c.subject.cluster, c.block, c.sent[0], f.state_titles, f.non_state_titles
            )
        elif c.subject.cluster.cls == "GovernmentBody":
            country = _owner(index, c.subject.cluster)
        else:
            continue
        if country is None or country.id == c.object.cluster.id:
            continue
        if c.subject.cluster.cls == "Person" and c.predicate in frames().state_only_acts:
            out.pop()  # the official's act is the state's, not a second one of their own
        out.append(
            replace(
                c,
                subject=Ref(country, c.subject.guessed),
                confidence=round(c.confidence - 0.1, 3),
                method=f"{c.method}:state",
            )
        )
    return out


def _own_capacity(index: ArticleIndex, c: Candidate) -> bool:
    """Whether the verb that states the candidate is done in one's own name ("he personally
    opposed the plan"; frames.yaml `own_capacity_words`): a verb with that adverb whose
    clause holds the candidate's object ("rejected the plan and said he had personally told
    X" keeps the rejection the state's)."""
    words = frames().own_capacity_words
    objects = {
        i
        for m in c.object.cluster.mentions
        if m.block == c.block
        for i in range(m.tok_start, m.tok_end)
    }
    for t in c.sent:
        if t.lower_ in words and t.dep_ == "advmod" and t.head.pos_ == "VERB":
            verb = t.head
            if any(verb.left_edge.i <= i <= verb.right_edge.i for i in objects):
                return True
    return False


def _owner(index: ArticleIndex, body: Cluster) -> Cluster | None:
    """The country a body is named with ("Norland's trade ministry", "the Norlandic
    ministry of defence"), at its first mention that names one."""
    for m in body.mentions:
        head = index.docs[m.block][m.head]
        for word in head.children:
            if word.dep_ not in ("poss", "amod", "compound", "nmod") or word.i > head.i:
                continue
            for ref in index.refs(m.block, word, with_conj=False):
                if ref.cluster.cls == "Country":
                    return ref.cluster
    return None
