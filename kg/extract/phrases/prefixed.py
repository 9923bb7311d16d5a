"""`kg_positions`: names that begin with a word of the lexicon's `name_prefixes` ("Operation
Iron Tide", "Mission Velmar"), marked as ORG before the recognizer runs, by spaCy's
EntityRuler with the patterns of kg.extract.nlp.position_patterns.

The ruler runs only on a block that holds one of those words in title case (its LOWER and
IS_TITLE arrays, searched without a Token per word): each pattern's first word is one of
them, in title case, so a block without any has no match. In the benchmark's 200 texts 376
of 2,334 blocks hold one of the words; in 500 generated articles 2,107 of 3,235, 1,370 in
title case (the others say "the mission"). The ruler on every block took some 0.07 s of
CPU (its Matcher and its setting of the block's entities), the search 0.01 s. A block it
skips keeps its entity marks unset, where the ruler would have set them all to "outside":
the recognizer reads an unset mark as it reads "outside" (only a word marked inside an
entity binds it) and sets every unset mark to "outside" after it."""

from __future__ import annotations

from spacy.attrs import IS_TITLE, LOWER
from spacy.language import Language
from spacy.pipeline import EntityRuler
from spacy.strings import get_string_id

from kg.extract.lexicon import lexicon


class PrefixedNames:
    def __init__(self, nlp: Language, name: str) -> None:
        from kg.extract.nlp import position_patterns

        self.ruler = EntityRuler(nlp, name=name)
        self.ruler.add_patterns(position_patterns(nlp))
        self.words = frozenset(get_string_id(w) for w in lexicon().name_prefixes)

    def __call__(self, doc):
        words = self.words
        if not any(t and w in words for w, t in doc.to_array([LOWER, IS_TITLE]).tolist()):
            return doc
        return self.ruler(doc)


@Language.factory("kg_positions")
def make_prefixed_names(nlp: Language, name: str) -> PrefixedNames:
    return PrefixedNames(nlp, name)
