"""Posts whose holder the text names in another sentence: a plural title of several owners
whose holders are named after it ("The interior ministers of Norland, Velmar and Sudria met
on Monday. The pact was signed by Norland's A, Velmar's B and Sudria's C." -> A is Norland's
interior minister, and so on), and a former post said of the person just named ("A ... .
The former foreign minister, who ..., said" -> A was foreign minister)."""

from __future__ import annotations

import bisect

from kg.extract.constructions.base import Builder, owns, people_of, tokens_with
from kg.extract.constructions.lists import _hold_paired, _singular
from kg.extract.lexicon import lexicon
from kg.extract.mentions import Mention
from kg.extract.phrases.titles import qualifiers_of, title_data
from kg.extract.resolve import Ref


def named_later(b: Builder) -> None:
    """A plural title the text names no holder of in its sentence (the recognizer's title, not
    read as a post held: "The interior ministers of A and B met") whose "of" phrase lists two
    or more owners: the people named in the sentences after it (titles.yaml
    `windows.later_sentences`) as "Owner's Name", one person of each of two or more of the
    owners and with no title of their own there, hold it, each of their owner."""
    doc, index = b.doc, b.index
    plurals = title_data().role_plurals
    if not tokens_with(doc, "LOWER", plurals):  # most blocks: no plural title
        return
    for ent in doc.ents:
        head = ent[-1]
        if ent.label_ != "POSITION" or head.lower_ not in plurals:
            continue
        if index.mention_at(b.block, head) is not None or _persons_in(b, head.sent):
            continue  # read as a post held, or its holders named in its own sentence
        owners = _owners(b, head)
        if len(owners) < 2:
            continue
        named = _named_after(b, head, owners)
        if not named:
            continue
        title = doc[ent.start : ent.end - 1].text_with_ws + _singular(head, keep_case=True)
        qualifiers = tuple(qualifiers_of(doc, ent.start, ent.end))
        titles = [(title, owner) for _m, owner in named]
        _hold_paired(b, head, [m for m, _o in named], titles, "plural-title-later", qualifiers)


def _persons_in(b: Builder, sent) -> bool:
    return any(
        b.is_person(m)
        for m in b.index.in_block.get(b.block, [])
        if sent.start <= m.tok_start < sent.end
    )


def _owners(b: Builder, head) -> dict[int, Mention]:
    """The owners named in a plural title's "of" phrase ("of Norland, Velmar and Sudria")."""
    preps = title_data().complement_prepositions
    owners: dict[int, Mention] = {}
    for prep in (c for c in head.children if c.dep_ == "prep" and c.lower_ in preps):
        start, end = prep.i, prep.right_edge.i + 1
        for m in b.index.in_block.get(b.block, []):
            if start <= m.tok_start and m.tok_end <= end and owns(b, m):
                owners.setdefault(b.cluster(m).id, m)
    return owners


def _named_after(b: Builder, head, owners: dict[int, Mention]) -> list[tuple[Mention, Ref]]:
    """The people named "Owner's Name" after the title, one of each owner named so; none
    unless two or more owners are, each with one person."""
    index = b.index
    found: dict[int, list[Mention]] = {}
    for block, sent in _sentences_after(b, head, title_data().windows["later_sentences"]):
        for m in index.in_block.get(block, []):
            if not sent.start <= m.tok_start < sent.end or not b.is_person(m):
                continue
            owner = _possessor(b, block, m)
            if owner is not None and owner in owners and not _titled_after(b, block, m):
                people = found.setdefault(owner, [])
                if all(p.cluster != m.cluster for p in people):
                    people.append(m)
    named = [(ps[0], Ref(b.cluster(owners[o]))) for o, ps in found.items() if len(ps) == 1]
    if len(named) < 2 or len(named) != len(found):
        return []  # one or no owner named so, or two people of one owner: whose is whose?
    return named


def _sentences_after(b: Builder, head, n: int):
    """The `n` sentences after the one of `head`, across blocks: (block, sentence)."""
    out = []
    block, doc = b.block, b.doc
    sents = [s for s in doc.sents if s.start > head.sent.start]
    while len(out) < n:
        out += [(block, s) for s in sents[: n - len(out)]]
        block += 1
        if block >= len(b.index.docs):
            break
        sents = list(b.index.docs[block].sents)
    return out


def _possessor(b: Builder, block: int, m: Mention) -> int | None:
    """The cluster of the owner written right before a person's name with "'s": "Norland's
    A"."""
    doc = b.index.docs[block]
    i = m.tok_start - 1
    if i < 1 or doc[i].tag_ != "POS":
        return None
    owner = b.index.mention_at(block, doc[i - 1])
    if owner is None or owner.tok_end != i or not owns(b, owner):
        return None
    return b.cluster(owner).id


def _titled_after(b: Builder, block: int, m: Mention) -> bool:
    """Whether the name is described otherwise in apposition ("Norland's A, its deputy
    minister,", "Norland's A and Velmar's B, two student leaders": the parser hangs that on
    the first of the list): the person is that, not the title's holder (review AA6)."""
    doc = b.index.docs[block]
    head = doc[m.head]
    heads = [head, head.head] if head.dep_ == "conj" else [head]
    for c in (c for h in heads for c in h.children if c.dep_ == "appos"):
        other = b.index.mention_at(block, c)
        if b.is_position(other) or (c.pos_ == "NOUN" and not b.is_person(other)):
            return True
    return False


def described_holder(b: Builder, pos: Mention) -> Ref | None:
    """The holder of a former post that a definite title describes as a clause's subject
    ("The former foreign minister, who ..., said"), naming no one: the one person named or
    referred to by a pronoun in its sentence before it and the titles.yaml
    `windows.described_sentences` sentences before (none when two or more are: "He takes
    over from B. The former minister ..." may be either)."""
    doc, index = b.doc, b.index
    head = doc[pos.head]
    if head.dep_ not in ("nsubj", "nsubjpass") or not any(
        c.dep_ == "det" and c.lower_ == "the" for c in head.children
    ):
        return None
    if "former" not in qualifiers_of(doc, pos.tok_start, pos.tok_end):
        return None
    at = index.pos(b.block, doc[pos.tok_start])
    first = max(0, index.sentence_number(at) - title_data().windows["described_sentences"])
    people: dict[int, Ref] = {}
    k = bisect.bisect_left(index._starts, at) - 1
    while k >= 0 and index.ordered[k].sent >= first:
        c = index.clusters[index.ordered[k].cluster]
        if c.cls == "Person":
            people.setdefault(c.id, Ref(c))
        k -= 1
    start = index.sentence_starts[first] if index.sentence_starts else 0
    for ref in _pronouns_between(b, start, at):
        people.setdefault(ref.cluster.id, ref)
    return next(iter(people.values())) if len(people) == 1 else None


def _pronouns_between(b: Builder, start: int, end: int) -> list[Ref]:
    """The people the personal pronouns between two offsets of the article stand for."""
    index, out = b.index, []
    words = lexicon().person_pronouns
    for block in range(b.block + 1):
        offset, doc = index.offsets[block], index.docs[block]
        if offset + len(doc.text) <= start:
            continue
        for tok in doc:
            if start <= offset + tok.idx < end and tok.lower_ in words:
                out += people_of(index.refs(block, tok, with_conj=False))
    return out
