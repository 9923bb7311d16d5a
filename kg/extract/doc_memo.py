"""What kg's layers read many times from one parsed block, worked out once per Doc.

After the pipeline has run, a Doc does not change: the post-spaCy steps (mentions,
constructions, frames) only read it. Each asks the same questions of the same block
(which tokens have this lemma, the clauses the component wrote), so the answers are kept
beside the Doc, in a table the Doc's own lifetime bounds (no copy of the Doc is made).
"""

from __future__ import annotations

from weakref import WeakKeyDictionary

from spacy.tokens import Span

_MEMO: WeakKeyDictionary = WeakKeyDictionary()


def memo(doc) -> dict:
    """The table of what has been worked out for `doc` (empty at first)."""
    got = _MEMO.get(doc)
    if got is None:
        got = _MEMO[doc] = {}
    return got


def span_text(doc, start: int, end: int) -> str:
    """`doc[start:end].text`, cut from the Doc's text by its first and last tokens' offsets:
    no Span is made, nor the text rebuilt word by word (`Span.text` joins its tokens)."""
    if start >= end:
        return ""
    table = memo(doc)
    text = table.get("text")
    if text is None:
        text = table["text"] = doc.text  # (joined from every token: once per Doc)
    last = doc[end - 1]
    return text[doc[start].idx : last.idx + len(last)]


def know_text(doc, text: str) -> None:
    """Keep the text `doc` was parsed from (what `doc.text` rebuilds token by token)."""
    memo(doc)["text"] = text


def sentence(tok):
    """`tok.sent` (a new Span of the sentence holding `tok`), its bounds read once per Doc
    from `doc.sents`: spaCy's `Token.sent` asks `doc.has_annotation("SENT_START")`, which
    reads the whole Doc, on every call. Both cut sentences where a token's `sent_start` is
    1; a Doc with user hooks for sentences is asked as spaCy asks it. After the pipeline
    only (setting a token's head may move sentence starts)."""
    doc = tok.doc
    table = memo(doc)
    bounds = table.get("sents")
    if bounds is None:
        if doc.user_hooks or doc.user_span_hooks or doc.user_token_hooks:
            bounds = table["sents"] = False
        else:
            bounds = table["sents"] = []
            for sent in doc.sents:
                bounds += [(sent.start, sent.end)] * (sent.end - sent.start)
    if bounds is False:
        return tok.sent
    start, end = bounds[tok.i]
    return Span(doc, start, end)
