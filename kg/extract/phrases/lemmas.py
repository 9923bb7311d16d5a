"""Lemmas the model's rule lemmatizer gets wrong: `kg_lemmas`, a spaCy component after the
lemmatizer, sets the lemma of a word form that data/patterns/lexicon.yaml `lemma_corrections`
lists ("reappointed" is "reappoint", not "reappointe"; "installed" is "install", not the
British "instal"), so the frames and word lists that name verbs by their lemma match them.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from kg.extract.lexicon import lexicon


class LemmaCorrections:
    def __init__(self) -> None:
        self.lemmas = lexicon().lemma_corrections  # word form -> lemma

    def __call__(self, doc: Doc) -> Doc:
        lemmas = self.lemmas
        for tok in doc:
            lemma = lemmas.get(tok.lower_)
            if lemma is not None:
                tok.lemma_ = lemma
        return doc


@Language.factory("kg_lemmas")
def make_lemma_corrections(nlp: Language, name: str) -> LemmaCorrections:
    return LemmaCorrections()
