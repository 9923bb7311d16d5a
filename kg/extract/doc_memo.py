"""What kg's layers read many times from one parsed block, worked out once per Doc.

After the pipeline has run, a Doc does not change: the post-spaCy steps (mentions,
constructions, frames) only read it. Each asks the same questions of the same block
(which tokens have this lemma, the clauses the component wrote), so the answers are kept
beside the Doc, in a table the Doc's own lifetime bounds (no copy of the Doc is made).
"""

from __future__ import annotations

from functools import cache
from weakref import WeakKeyDictionary

from spacy.strings import get_string_id

_MEMO: WeakKeyDictionary = WeakKeyDictionary()


def memo(doc) -> dict:
    """The table of what has been worked out for `doc` (empty at first)."""
    got = _MEMO.get(doc)
    if got is None:
        got = _MEMO[doc] = {}
    return got


def values(doc, attr: str) -> list[int]:
    """The string ids of `attr` (LOWER, LEMMA, ORTH) of each token of `doc`, read from the
    Doc's array once (no Token and no string is made)."""
    table = memo(doc)
    got = table.get(attr)
    if got is None:
        if attr in _READ_TOGETHER:  # one read of the array for the three
            for name, column in zip(
                _READ_TOGETHER, doc.to_array(_READ_TOGETHER).T.tolist(), strict=True
            ):
                table[name] = column
            return table[attr]
        got = table[attr] = doc.to_array(attr).tolist()
    return got


_READ_TOGETHER = ["LOWER", "LEMMA", "ORTH"]


@cache
def string_ids(words: frozenset[str], capitalised: bool = False) -> frozenset[int]:
    """The string ids of `words` (and of their capitalised forms), as the arrays hold them."""
    forms = {f for w in words for f in ((w, w.capitalize()) if capitalised else (w,))}
    return frozenset(get_string_id(f) for f in forms)
