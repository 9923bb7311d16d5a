"""spaCy's rule lemmatizer with its answers remembered.

The model's `lemmatizer` (rule mode) makes a Token for every word of every block and works
its lemma out from the word, its POS and its morphology (`rule_lemmatize`): its own cache
keeps only the answers of its suffix rules, so a singular noun, an infinitive or a positive
adjective (the base forms) reads the morphology as a dict each time. A lemma is a function
of the word (ORTH), its POS and its morphology (the cache's own key), so `LemmaMemo` reads
those three from the block's array, asks the lemmatizer once for each new combination
(the first Token of it) and sets the lemma of the others from the memo. Words that already
have a lemma (the attribute ruler's exceptions, "gets" -> "get") keep it, as the
lemmatizer leaves them unless it overwrites. Another mode (lookup) runs the model's
lemmatizer as it is."""

from __future__ import annotations

from spacy.attrs import LEMMA, MORPH, ORTH, POS
from spacy.language import Language
from spacy.tokens import Doc

_MEMO_MAX = 10_000  # combinations remembered (some 6,000 in 200 articles; ~3 MB at most)


class LemmaMemo:
    """The model's lemmatizer (set by `use`), its answers remembered by (ORTH, POS, MORPH)."""

    def __init__(self) -> None:
        self.lemmatizer = None
        self.memo: dict[tuple[int, int, int], str] = {}

    def use(self, lemmatizer) -> None:
        self.lemmatizer = lemmatizer

    def __call__(self, doc: Doc) -> Doc:
        lemmatizer = self.lemmatizer
        if lemmatizer.mode != "rule" or not getattr(lemmatizer, "_validated", False):
            return lemmatizer(doc)  # the first block: the lemmatizer checks its tables
        memo = self.memo
        if len(memo) > _MEMO_MAX:
            memo.clear()
        overwrite = lemmatizer.overwrite
        for i, (orth, pos, morph, lemma) in enumerate(
            doc.to_array([ORTH, POS, MORPH, LEMMA]).tolist()
        ):
            if lemma and not overwrite:
                continue
            key = (orth, pos, morph)
            got = memo.get(key)
            token = doc[i]
            if got is None:
                got = memo[key] = lemmatizer.lemmatize(token)[0]
            token.lemma_ = got
        return doc


@Language.factory("kg_lemma_memo")
def make_lemma_memo(nlp: Language, name: str) -> LemmaMemo:
    return LemmaMemo()


def install(nlp: Language, name: str = "lemmatizer") -> bool:
    """Put `LemmaMemo` in the place (and under the name) of the pipeline's rule lemmatizer;
    whether it did."""
    if name not in nlp.pipe_names:
        return False
    lemmatizer = nlp.get_pipe(name)
    if getattr(lemmatizer, "mode", None) != "rule" or not hasattr(lemmatizer, "lemmatize"):
        return False
    nlp.replace_pipe(name, "kg_lemma_memo")
    nlp.get_pipe(name).use(lemmatizer)
    global _WORDS
    try:
        index = lemmatizer.lookups.get_table("lemma_index")
        _WORDS = frozenset(w for pos in ("noun", "verb", "adj", "adv") for w in index.get(pos, ()))
    except (KeyError, AttributeError):  # no index of words: none known
        _WORDS = frozenset()
    return True


_WORDS: frozenset[str] = frozenset()


def knows_words() -> bool:
    """Whether the pipeline's rule lemmatizer gave an index of English words (set by
    `install`): without one, `english_word` can tell no common word from a name, and
    callers take no single word for a name (review AF8)."""
    return bool(_WORDS)


def english_word(word: str) -> bool:
    """Whether a lower-case word (or its singular, its stem before "-ing") is one of the
    English words of the rule lemmatizer's index ("service", "sectors", "arriving"): a
    common word, whatever its case. False when the pipeline has no such index."""
    if word in _WORDS:
        return True
    stems = [word[:-1], word[:-2]] if word.endswith("s") else []
    if word.endswith("ing"):
        stems += [word[:-3], word[:-3] + "e"]
    return any(s in _WORDS for s in stems if s)
