"""Who wrote or sent an article: byline authors and the news source of a dateline or a
masthead."""

from __future__ import annotations

from kg.extract.lexicon import gazetteer, lexicon, norm
from kg.extract.mentions import Mention


def bylines(doc, mentions: list[Mention]) -> list[Mention]:
    """The authors a heading line names after "By" (lexicon `byline_words`): "By Mira Solvang,
    Defence Correspondent", "Interview by Mira Solvang"."""
    words = lexicon().byline_words
    out = [
        m
        for m in mentions
        if m.label == "PERSON" and m.tok_start > 0 and doc[m.tok_start - 1].lower_ in words
    ]
    for k, m in enumerate(out):
        m.id = (mentions[0].id if mentions else 0) + k
    return out


def source(doc, block: int, offset: int, sent_index: dict[int, int], first_id: int) -> list:
    """The news source a dateline or a masthead names (the whole block: "Norpress" of
    "(Norpress)", "THE NORVIK HERALD"): a news agency, unless the gazetteer knows it as
    something else."""
    tokens = [t for t in doc if not t.is_punct and not t.is_space]
    if not tokens or not any(t.is_alpha for t in tokens):
        return []
    span = doc[tokens[0].i : tokens[-1].i + 1]
    entry = gazetteer().by_name.get(norm(span.text))
    text = " ".join(span.text.split())
    if text.isupper() and " " in text:  # a masthead in capitals: "The Norvik Herald"
        text = " ".join(w.capitalize() for w in text.split())
    kind = entry.cls if entry else "NewsAgency"
    return [
        Mention.of_span(span, first_id, block, sent_index[span.start], offset, text, "ORG", kind)
    ]
