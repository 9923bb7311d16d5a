"""The parse of a Doc as plain lists, read once per Doc: heads, children, labels and words.

The syntax helpers (arguments.py, modality.py) walk a verb's children many times over
(`child_deps`, `is_passive`, the modality chain): through spaCy each walk makes a Token per
child and a new string per `.dep_` or `.lower_` read. The Tree holds the same facts as
lists indexed by token (the strings made once per token) and the children of each token as
a tuple of indices, so a helper only makes the Tokens it returns. It is kept beside the Doc
in `doc_memo` (never in `doc.user_data`, which `nlp.pipe(n_process=N)` pickles) and is
valid once the pipeline has run: no component after `kg_object_repair` (syntax/repair.py,
before any reads the Tree) changes heads or labels.
"""

from __future__ import annotations

from operator import add
from weakref import ref

from spacy.attrs import DEP, HEAD, LEMMA, LOWER, POS, TAG

from kg.extract.doc_memo import memo

_LEAF: tuple = ()  # the children of a word that has none
_STR: dict[int, str] = {}  # string id -> string (ids are hashes of the strings: one table)
_LOWER: dict[int, str] = {}  # string id -> the string in lower case


class Tree:
    """Per token: head index, dependency label, coarse and fine tag, lowercase form,
    lemma and lowercased lemma, the children's indices in order (read only: one shared
    empty tuple for each word with none); and the answers worked out once per Doc (`done`:
    modality, arguments, question sentences)."""

    __slots__ = ("dep", "done", "head", "kids", "lemma", "lemma_lower", "lower", "pos", "tag")

    def __init__(self, doc) -> None:
        array = doc.to_array([HEAD, DEP, POS, TAG, LOWER, LEMMA])
        relative = array[:, 0].astype("int64").tolist()  # the heads, as offsets
        self.head = head = list(map(add, range(len(relative)), relative))
        # a word with no children shares one empty tuple: a list per word made the Tree
        # cost twice as much, half of it in the collections that walked those lists
        kids: list = [_LEAF] * len(head)
        for i, h in enumerate(head):
            if h != i:
                if kids[h] is _LEAF:
                    kids[h] = [i]
                else:
                    kids[h].append(i)
        self.kids = kids
        dep, pos, tag, lower, lemma = array[:, 1:].T.tolist()
        strings = doc.vocab.strings
        self.dep, self.pos, self.tag, self.lower, self.lemma = (
            _strings(ids, _STR, strings.__getitem__) for ids in (dep, pos, tag, lower, lemma)
        )
        self.lemma_lower = _strings(lemma, _LOWER, lambda v: _STR[v].lower())
        self.done: dict = {}


def _strings(ids: list[int], table: dict[int, str], make) -> list[str]:
    """The string of each id in `table`, made by `make(id)` for an id not there yet (a
    dictionary read per word: no test per word for the ids the table misses)."""
    try:
        return list(map(table.__getitem__, ids))
    except KeyError:
        for v in ids:
            if v not in table:
                table[v] = make(v)
        return list(map(table.__getitem__, ids))


_last: list = [None, None]  # (weak reference to the last Doc asked about, its Tree)


def tree(doc) -> Tree:
    """The Tree of `doc` (made on the first call)."""
    last = _last[0]
    if last is not None and last() is doc:
        return _last[1]
    table = memo(doc)
    got = table.get("tree")
    if got is None:
        got = table["tree"] = Tree(doc)
    _last[0], _last[1] = ref(doc), got
    return got
