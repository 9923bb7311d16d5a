"""Leadership verbs: "the agency is headed by X", "X chairs the committee", "X took command
of the fleet"."""

from __future__ import annotations

from kg.extract.constructions.base import OWNER_CLASSES, Builder, held_position, tokens_with
from kg.extract.frames import modality
from kg.extract.lexicon import lexicon
from kg.extract.resolve import Ref
from kg.extract.syntax.arguments import direct_objects, gives_an_order, prep_objects, subjects


def leadership(b: Builder) -> None:
    """ "The agency is headed by X", "X chairs the committee", "the fleet, commanded by X":
    X holds the post of head, chair or commander of that body (lexicon `leadership_verbs`).
    "X took command of the fleet" (lexicon `leadership_nouns` after a taking verb): X is its
    commander."""
    lex = lexicon()
    table = lex.leadership_verbs
    for tok in tokens_with(b.doc, "LEMMA", set(table)):
        titles = table.get(tok.lemma_.lower())
        if titles is None or tok.pos_ != "VERB" or gives_an_order(tok):
            continue  # "directed the ministry to prepare a plan" is an order
        bodies = [r for o in direct_objects(tok) for r in _bodies(b, o)]
        if not bodies and tok.dep_ == "relcl":
            bodies = _bodies_above(b, tok.head)
        _hold(b, tok, tok, titles, bodies)
    for noun in tokens_with(b.doc, "LEMMA", set(lex.leadership_nouns)):
        verb = noun.head
        if noun.dep_ != "dobj" or verb.lemma_.lower() not in lex.leadership_taking_verbs:
            continue
        bodies = [r for o in prep_objects(noun, "of") for r in _bodies(b, o)]
        titles = {"default": lex.leadership_nouns[noun.lemma_.lower()]}
        _hold(b, verb, noun, titles, bodies)


def _bodies(b: Builder, tok) -> list[Ref]:
    return [
        b.index.as_actor(r)
        for r in b.index.refs(b.block, tok, with_conj=False)
        if r.cluster.cls in OWNER_CLASSES and r.cluster.cls != "Country"
    ]


def _bodies_above(b: Builder, tok) -> list[Ref]:
    """ "the force on the island, which is commanded by X": a relative clause the parser
    hung on the object of a preposition may be about the noun that preposition completes."""
    for _ in range(3):
        found = _bodies(b, tok)
        if found or tok.dep_ != "pobj" or tok.head.dep_ != "prep":
            return found
        tok = tok.head.head
    return []


def _hold(b: Builder, verb, tok, titles: dict[str, str], bodies: list[Ref]) -> None:
    level = modality(verb)
    if level is None:
        return
    people = [
        r for s in subjects(verb) for r in b.index.refs(b.block, s) if r.cluster.cls == "Person"
    ]
    for body in bodies[:1]:
        title = titles.get(body.cluster.cls, titles["default"])
        position = held_position(b.index, title, body.cluster)
        for person in people:
            b.add(
                person, "holdsPosition", position, tok, 0.75, "leadership-verb", level, said=False
            )
            b.add(person, "leads", body, tok, 0.75, "leadership-verb", level)
        if people:
            b.add(position, "positionIn", body, tok, 0.75, "leadership-verb", said=False)
