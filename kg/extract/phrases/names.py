"""Names the gazetteer knows, marked where the entity recognizer left them out.

A spaCy component after NER: a PhraseMatcher over every name, alias and demonym of
data/gazetteer.yaml (case-sensitive) adds an entity for each match that no entity overlaps
("Barbados Prime Minister X", where the small model sees no place). It never changes an
entity the recognizer found.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Span
from spacy.util import filter_spans

from kg.extract.lexicon import gazetteer

LABELS = {
    "Country": "GPE",
    "City": "GPE",
    "Region": "LOC",
    "Person": "PERSON",
}


class GazetteerNames:
    def __init__(self, nlp: Language) -> None:
        self.matcher = PhraseMatcher(nlp.vocab, attr="ORTH")
        by_label: dict[str, set[str]] = {}
        for e in gazetteer().entries:
            label = LABELS.get(e.cls, "ORG")
            for name in (e.label, *e.aliases, *e.metonyms):
                if len(name) > 2 and name[:1].isupper():
                    by_label.setdefault(label if name not in e.metonyms else "GPE", set()).add(name)
            for name in e.demonyms:
                by_label.setdefault("NORP", set()).add(name)
        for label, names in sorted(by_label.items()):
            self.matcher.add(label, [nlp.make_doc(n) for n in sorted(names)])

    def __call__(self, doc):
        taken = {i for e in doc.ents for i in range(e.start, e.end)}
        spans = [
            Span(doc, s, e, label=doc.vocab.strings[m])
            for m, s, e in self.matcher(doc)
            if not any(i in taken for i in range(s, e))
        ]
        if spans:
            doc.ents = sorted([*doc.ents, *filter_spans(spans)], key=lambda s: s.start)
        return doc


@Language.factory("kg_gazetteer_names")
def make_gazetteer_names(nlp: Language, name: str) -> GazetteerNames:
    return GazetteerNames(nlp)
