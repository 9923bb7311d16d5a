"""A candidate relation (what the frames and the noun-phrase constructions propose) and
who says it: the attribution of a clause to its speaker."""

from __future__ import annotations

from dataclasses import dataclass

from kg.extract.doc_memo import sentence
from kg.extract.lexicon import lexicon
from kg.extract.resolve import ArticleIndex, Ref
from kg.extract.syntax.arguments import child_deps


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
    """The speaker a subject names; a title stands for the person in apposition to it, or
    with no name beside it for the body or country it speaks for (`_spoken_for`)."""
    refs = index.refs(block, subj, with_conj=False)
    if refs and refs[0].cluster.cls == "Position":
        people = [
            r
            for c in subj.children
            if c.dep_ == "appos"
            for r in index.refs(block, c, with_conj=False)
            if r.cluster.cls == "Person"
        ]
        return people or _spoken_for(index, block, subj)
    return refs


def _spoken_for(index: ArticleIndex, block: int, title) -> list[Ref]:
    """The body or country a title with no name speaks for: the object of its preposition
    (lexicon `speaker_preps`: "a spokesperson for the defence ministry") or a modifier that
    names one ("a UN spokesperson", "a Norland government spokesperson")."""
    preps = lexicon().speaker_preps
    words = [
        o for p in child_deps(title, "prep") if p.lower_ in preps for o in child_deps(p, "pobj")
    ]
    words += [
        c
        for c in title.children
        if c.dep_ in ("compound", "amod", "nmod", "poss")
        and c.lower_ not in lexicon().possessive_relatives  # "whose director": not a body
    ]
    for word in words:
        for tok in (word, *child_deps(word, "compound", "poss")):
            refs = [
                r
                for r in index.refs(block, tok, with_conj=False)
                if r.cluster.cls not in ("Position", "Person")
            ]
            if refs:
                return refs[:1]
    return []


def _reporters(verb) -> list:
    """The subject of a reporting verb, also where the parser hung it on the clause before
    as an apposition ("X will send troops, a spokesperson for Y said": the spokesperson is
    parsed as an apposition of the clause's last noun, and "said" has no subject)."""
    subjects = child_deps(verb, "nsubj")
    if subjects:
        return subjects
    doc = verb.doc
    i = verb.i - 1
    while i >= 0 and doc[i].is_punct:
        i -= 1
    if i < 0 or sentence(doc[i]).start != sentence(verb).start:
        return []
    tok = doc[i]
    for _ in range(8):
        if tok.dep_ == "appos" and tok.head.i < tok.i:
            return [tok]
        if tok.head.i == tok.i or tok.head.i > verb.i:
            break
        tok = tok.head
    return []


def _denies_saying(verb) -> bool:
    """ "could not confirm that ...", "did not say that ...": a negated reporting verb says
    nothing of the claim, so it attributes it to nobody."""
    return any(c.dep_ == "neg" for c in verb.children)


def attribution(index: ArticleIndex, block: int, tok) -> Ref | None:
    """Who says so: 'according to X', or the subject of a reporting verb above `tok`."""
    sent = sentence(tok)
    start = index.offsets[block]  # the sentence's text sliced from the article, not rebuilt
    text = index.text[start + sent.start_char : start + sent.end_char]
    for word in sent if "ccording" in text else ():
        if word.lower_ == "according":
            for to in word.children:
                for pobj in child_deps(to, "pobj"):
                    # "according to Norland's foreign minister, X": X, as a reporter's title
                    refs = _speaker(index, block, pobj)
                    if refs:
                        return refs[0]
    reporting = lexicon().reporting_verbs
    current = tok
    for _ in range(10):
        if current.dep_ == "appos" and current.i != tok.i:
            # "X said it would ... the force, the unit led by Y": the writer's apposition
            return None
        if current.lemma_.lower() in reporting and current.i != tok.i:
            if _denies_saying(current):
                return None
            for subj in _reporters(current):
                refs = _speaker(index, block, subj)
                if refs:
                    return index.as_actor(refs[0])
        if current.dep_ == "ROOT":
            break
        current = current.head
    # "X declined to send warships, Y said": the reporting verb heads the sentence
    root = sent.root
    if root.lemma_.lower() in reporting and root.i != tok.i and not _denies_saying(root):
        for subj in _reporters(root):
            refs = _speaker(index, block, subj)
            if refs:
                return index.as_actor(refs[0])
    return None
