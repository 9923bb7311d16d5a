"""Where an event is held, read off who gathers for it: "leaders meet in Varsk for the
summit", "Hello from Varsk, where ministers gather today for the yearly
meeting", "ministers meet in Varsk" (a headline). The event is the one named after "for",
else, in the article's opening sentences (its headline), the gathering the article names
most. Data: frames.yaml `venues`."""

from __future__ import annotations

from functools import partial

from kg.extract.constructions.base import Builder, tokens_with
from kg.extract.lexicon import frames, lexicon, norm
from kg.extract.resolve import Ref
from kg.extract.syntax.arguments import child_deps, direct_objects, prep_objects
from kg.extract.syntax.modality import modality
from kg.ontology import fits


def venues(b: Builder) -> None:
    rule = frames().venues
    for verb in tokens_with(b.doc, "LEMMA", rule["verbs"]):
        if verb.pos_ != "VERB" or direct_objects(verb) or prep_objects(verb, "with"):
            continue  # "X met Y in Lima", "met with Y": a meeting of their own
        places = _places(b, verb)
        if not places:
            continue
        level = modality(verb)
        if level is None:
            continue
        for event in _events(b, verb, rule):
            for place in places:
                b.add(event, "locatedIn", place, verb, rule["confidence"], "venue", level)


def _places(b: Builder, verb) -> list[Ref]:
    """The places after "in" or "at" (or within the phrase: "in the town of X", "in X -
    Y", a headline), else the place a clause of "where" is on."""
    words = [o for p in ("in", "at") for o in prep_objects(verb, p)]
    if (
        not words
        and verb.dep_ == "relcl"
        and any(a.lower_ == "where" for a in child_deps(verb, "advmod"))
    ):
        words = [verb.head]
    out: list[Ref] = []
    for w in words:
        refs = b.index.refs(b.block, w, with_conj=False)
        if not refs:
            refs = [r for t in w.subtree if t.i != w.i for r in b.index.refs(b.block, t)]
        for r in refs:
            if fits(r.cluster.cls, "Place") and all(r.cluster.id != o.cluster.id for o in out):
                out.append(r)
    return out[:1]


def _events(b: Builder, verb, rule) -> list[Ref]:
    named = [
        r
        for o in prep_objects(verb, "for")
        for r in b.index.refs(b.block, o, with_conj=False)
        if r.cluster.cls == "Event"
    ]
    if named or prep_objects(verb, "for"):
        return named  # "gather for the summit"; not "meet in Lima for talks on trade"
    here = b.index.sentence_number(b.index.pos(b.block, verb))
    if here >= rule["opening_sentences"]:
        return []
    c = b.index.main_topic(("Event",), partial(_gathering, rule))
    return [Ref(c, True)] if c is not None else []


def _gathering(rule, c) -> bool:
    """An event its name calls a gathering ("the sixth summit"), not another one ("the next
    summit") nor a meeting of two ("a meeting with X", "talks between A and B")."""
    words = norm(c.label).split()
    said = {w for m in c.mentions for w in norm(m.text).split()}
    return (
        bool(words)
        and words[-1] in rule["events"]
        and not lexicon().time_apart_words.intersection(words)
        and not said.intersection(rule["pair_words"])
    )
