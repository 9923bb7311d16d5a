"""A candidate relation (what the frames and the noun-phrase constructions propose) and
who says it: the attribution of a clause to its speaker."""

from __future__ import annotations

from dataclasses import dataclass

from kg.extract.lexicon import lexicon
from kg.extract.resolve import ArticleIndex, Ref
from kg.extract.syntax.arguments import _children


@dataclass
class Candidate:
    subject: Ref
    predicate: str
    object: Ref
    block: int
    sent: object  # the spaCy Span of the sentence
    modality: str
    attributed: Ref | None
    confidence: float
    method: str
    qualifiers: tuple[str, ...] = ()


def _speaker(index: ArticleIndex, block: int, subj) -> list[Ref]:
    """The speaker a subject names; a title stands for the person in apposition to it."""
    refs = index.refs(block, subj, with_conj=False)
    if refs and refs[0].cluster.cls == "Position":
        people = [
            r
            for c in subj.children
            if c.dep_ == "appos"
            for r in index.refs(block, c, with_conj=False)
            if r.cluster.cls == "Person"
        ]
        return people
    return refs


def attribution(index: ArticleIndex, block: int, tok) -> Ref | None:
    """Who says so: 'according to X', or the subject of a reporting verb above `tok`."""
    sent = tok.sent
    start = index.offsets[block]  # the sentence's text sliced from the article, not rebuilt
    text = index.text[start + sent.start_char : start + sent.end_char]
    for word in sent if "ccording" in text else ():
        if word.lower_ == "according":
            for to in word.children:
                for pobj in _children(to, "pobj"):
                    refs = index.refs(block, pobj, with_conj=False)
                    if refs:
                        return refs[0]
    reporting = lexicon().reporting_verbs
    current = tok
    for _ in range(10):
        if current.lemma_.lower() in reporting and current.i != tok.i:
            for subj in _children(current, "nsubj"):
                refs = _speaker(index, block, subj)
                if refs:
                    return index.as_actor(refs[0])
        if current.dep_ == "ROOT":
            break
        current = current.head
    # "X declined to send warships, Y said": the reporting verb heads the sentence
    root = sent.root
    if root.lemma_.lower() in reporting and root.i != tok.i:
        for subj in _children(root, "nsubj"):
            refs = _speaker(index, block, subj)
            if refs:
                return index.as_actor(refs[0])
    return None
