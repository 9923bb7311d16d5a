"""Parse repairs: `kg_object_repair`, a spaCy component after the names are final and
before the clauses are read, mends a double object that the small model reads as one noun
phrase. "President X appointed Mira Solvang defence minister" is parsed with the name as a
compound of "minister", the title as the verb's only object (or its object complement): the
appointee and the post are lost. When a person's name ends right where a title (the
position ruler's entity) begins and hangs on the title's head, and that head is the object
or object complement of a verb of appointing (lexicon `appointment_verbs`), the name
becomes the verb's object and the title its object complement (`oprd`).

Two more misreadings of a verb of appointing with a person after it:
- the name read as the verb's object complement with no object ("named Mira Solvang to the
  post of chief economist"): the name is the object;
- a sentence read as a noun phrase, the verb a participle on its subject ("The Velmar Fund
  named Mira Solvang to ...", with no other verb): the verb is the sentence's root and the
  noun its subject.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from kg.extract.lexicon import lexicon


class ObjectRepair:
    def __init__(self) -> None:
        self.verbs = lexicon().appointment_verbs

    def __call__(self, doc: Doc) -> Doc:
        ents = doc.ents
        people = {e.end: e for e in ents if e.label_ == "PERSON"}
        if not people:
            return doc
        for title in ents:
            person = people.get(title.start) if title.label_ == "POSITION" else None
            if person is None:
                continue
            head, name = title.root, person.root
            verb = head.head
            if (
                head.dep_ in ("dobj", "oprd")
                and verb.pos_ == "VERB"
                and verb.lemma_.lower() in self.verbs
                and name.dep_ == "compound"
                and name.head.i == head.i
            ):
                name.head = verb
                name.dep_ = "dobj"
                head.dep_ = "oprd"
        for person in people.values():
            name = person.root
            verb = name.head
            if (
                name.dep_ != "oprd"
                or verb.pos_ != "VERB"
                or verb.lemma_.lower() not in self.verbs
                or any(c.dep_ == "dobj" for c in verb.children)
            ):
                continue
            name.dep_ = "dobj"
            noun = verb.head
            if (
                verb.dep_ == "acl"
                and verb.tag_ in ("VBD", "VBN")
                and noun.dep_ == "ROOT"
                and noun.pos_ in ("PROPN", "NOUN")
                and not any(c.dep_ in ("aux", "auxpass") for c in verb.children)
            ):
                verb.head, verb.dep_, verb.tag_ = verb, "ROOT", "VBD"
                noun.head, noun.dep_ = verb, "nsubj"
        return doc


@Language.factory("kg_object_repair")
def make_object_repair(nlp: Language, name: str) -> ObjectRepair:
    return ObjectRepair()
