"""Parts of people's names: a given name, a family name or a first surname written alone
after the full name joins that person."""

from __future__ import annotations

from kg.extract.clusters import UnionFind
from kg.extract.lexicon import gazetteer, lexicon, norm
from kg.extract.mentions import Mention
from kg.extract.phrases.titles import title_data
from kg.extract.words import head_class


def join_name_parts(
    mentions: list[Mention], entries: list, u: UnionFind, surnames: dict[str, int], docs: list
) -> None:
    """Other parts of a name written in full, past a courtesy word: a given name ("Idris"
    after "Idris Kamal"), a family name written first ("Tae" after "Tae Jun-ho"), a first
    surname ("Vidal" after "Rosa Vidal Mena"), a particle surname ("Ms van der Berg"). Only
    a part that belongs to one person of the article."""
    honorifics = {h.lower().rstrip(".") for h in title_data().honorifics}

    def bare(m: Mention) -> list[str]:
        words = m.text.split()
        while len(words) > 1 and words[0].lower().rstrip(".") in honorifics:
            words = words[1:]
        return words

    owners: dict[str, set[str]] = {}  # a part of a name -> the names written in full
    first: dict[str, int] = {}
    for i, m in enumerate(mentions):
        words = bare(m)
        if m.cls != "Person" or m.label == "POSITION" or len(words) < 2:
            continue
        full = norm(" ".join(words))
        first.setdefault(full, i)
        for n in range(1, len(words)):
            for k in range(len(words) - n + 1):
                owners.setdefault(norm(" ".join(words[k : k + n])), set()).add(full)
    for i, m in enumerate(mentions):
        key = norm(" ".join(bare(m)))
        names = _one_per_person(owners.get(key, set()) - {key})
        if m.label == "POSITION" or key in surnames or entries[i] is not None or len(names) != 1:
            continue
        # a place or a people only where a person stands ("arrived in X" is a place)
        place = m.label in ("GPE", "LOC", "NORP") and not _where_a_place_stands(m, docs)
        if m.label != "PERSON" and not unknown_kind(m) and not place:
            continue
        u.join(first[next(iter(names))], i)
        m.cls = "Person"


def _one_per_person(names: set[str]) -> set[str]:
    """Full names one of which is written inside another are one person's ("Mira Solvang"
    and a heading's "Appoints Mira Solvang"): the shortest stands for them."""
    out = set(names)
    for a in names:
        for b in names:
            if a != b and f" {a} " in f" {b} ":
                out.discard(b)
    return out


def _where_a_place_stands(m: Mention, docs: list) -> bool:
    """ "arrived in Florence", "Italian officials": the object of a place preposition (lexicon
    `place_prepositions`) or a modifier is a place or a people, not a part of a person's
    name, even when a person of the article bears that name."""
    tok = docs[m.block][m.head]
    if tok.dep_ in ("amod", "compound", "nmod"):
        return True
    return tok.dep_ == "pobj" and tok.head.lower_ in lexicon().place_prepositions


def unknown_kind(m: Mention) -> bool:
    """A name whose class comes from the recognizer's label alone: a person's, or an
    organisation's with no head word ("Force", "Council") and no gazetteer entry."""
    if m.label == "PERSON":
        return True
    return (
        m.label == "ORG"
        and m.cls == "Organization"
        and head_class(m.text.split()) is None
        and m.key not in gazetteer().by_name
    )
