"""Lemmas the model's rule lemmatizer gets wrong: `kg_lemmas`, a spaCy component after the
lemmatizer, sets the lemma of a word form that data/patterns/lexicon.yaml `lemma_corrections`
lists ("reappointed" is "reappoint", not "reappointe"; "installed" is "install", not the
British "instal"), so the frames and word lists that name verbs by their lemma match them.
"""

from __future__ import annotations

from spacy.attrs import LOWER
from spacy.language import Language
from spacy.strings import get_string_id
from spacy.tokens import Doc

from kg.extract.lexicon import lexicon


class LemmaCorrections:
    def __init__(self) -> None:
        # the string id of a word form -> its lemma: the block's LOWER array is searched,
        # a Token made only for a word listed (a few in a corpus, against a Token and a
        # string per word)
        self.lemmas = {get_string_id(w): m for w, m in lexicon().lemma_corrections.items()}

    def __call__(self, doc: Doc) -> Doc:
        lemmas = self.lemmas
        for i, w in enumerate(doc.to_array(LOWER).tolist()):
            if w in lemmas:
                doc[i].lemma_ = lemmas[w]
        return doc


@Language.factory("kg_lemmas")
def make_lemma_corrections(nlp: Language, name: str) -> LemmaCorrections:
    return LemmaCorrections()
