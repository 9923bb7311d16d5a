"""Bylines: "By Mira Solvang, Defence Correspondent | Norvik": the author holds the title
after the comma, for the publication a masthead of the article names."""

from __future__ import annotations

from kg.extract.constructions.base import Builder, held_position
from kg.extract.frames.candidates import Candidate
from kg.extract.lexicon import lexicon
from kg.extract.resolve import ArticleIndex, Ref


def byline_candidates(index: ArticleIndex, block: int, doc, authors: set[int]) -> list[Candidate]:
    """The title each author of a byline block holds: the words between the comma after
    the name and the next "|" (or the line's end), when they end in a role noun of the
    press (lexicon `byline_roles`); the post is of the article's masthead, if any."""
    b = Builder(index, block, doc)
    masthead = _masthead(index, block)
    for m in index.in_block.get(block, []):
        if m.id not in authors or m.tok_end >= len(doc) or doc[m.tok_end].text != ",":
            continue
        words = []
        for tok in doc[m.tok_end + 1 :]:
            if tok.text == "|" or "\n" in tok.text or tok.is_punct:
                break
            words.append(tok)
        if not words or words[-1].lemma_.lower() not in lexicon().byline_roles:
            continue
        title = " ".join(t.text for t in words)
        position = held_position(index, title, masthead.cluster if masthead else None)
        person = Ref(index.clusters[m.cluster])
        b.add(person, "holdsPosition", position, words[-1], 0.8, "byline", said=False)
        if masthead is not None:
            b.add(position, "positionIn", masthead, words[-1], 0.8, "byline", said=False)
    return b.out


def _masthead(index: ArticleIndex, block: int) -> Ref | None:
    """The publication a heading block before the byline names ("THE NORVIK HERALD | ...")."""
    for m in index.mentions:
        if m.block < block and m.cluster >= 0 and index.clusters[m.cluster].cls == "NewsAgency":
            return Ref(index.clusters[m.cluster])
    return None
