"""Leadership verbs: "the agency is headed by X", "X chairs the committee"."""

from __future__ import annotations

from kg.extract.constructions.base import OWNER_CLASSES, Builder, held_position, tokens_with
from kg.extract.frames import modality
from kg.extract.lexicon import lexicon
from kg.extract.syntax.clauses import direct_objects, subjects


def leadership(b: Builder) -> None:
    """ "The agency is headed by X", "X chairs the committee", "the fleet, commanded by X":
    X holds the post of head, chair or commander of that body (lexicon `leadership_verbs`)."""
    table = lexicon().leadership_verbs
    for tok in tokens_with(b.doc, "LEMMA", set(table)):
        titles = table.get(tok.lemma_.lower())
        if titles is None or tok.pos_ != "VERB":
            continue
        level = modality(tok)
        if level is None:
            continue
        people = [
            r for s in subjects(tok) for r in b.index.refs(b.block, s) if r.cluster.cls == "Person"
        ]
        bodies = [
            b.index.as_actor(r)
            for o in direct_objects(tok)
            for r in b.index.refs(b.block, o, with_conj=False)
            if r.cluster.cls in OWNER_CLASSES and r.cluster.cls != "Country"
        ]
        for body in bodies[:1]:
            title = titles.get(body.cluster.cls, titles["default"])
            position = held_position(b.index, title, body.cluster)
            for person in people:
                b.add(
                    person,
                    "holdsPosition",
                    position,
                    tok,
                    0.75,
                    "leadership-verb",
                    level,
                    said=False,
                )
            if people:
                b.add(position, "positionIn", body, tok, 0.75, "leadership-verb", said=False)
