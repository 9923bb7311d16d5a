"""Parse repairs: `kg_object_repair`, a spaCy component after the names are final and
before the clauses are read, mends a double object that the small model reads as one noun
phrase. "President X appointed Mira Solvang defence minister" is parsed with the name as a
compound of "minister", the title as the verb's only object (or its object complement): the
appointee and the post are lost. When a person's name ends right where a title (the
position ruler's entity) begins and hangs on the title's head, and that head is the object
or object complement of a verb of appointing (lexicon `appointment_verbs`), the name
becomes the verb's object and the title its object complement (`oprd`).

A person's name whose first word the tagger read as a preposition on a verb ("replaces
Till Vesterby") is the verb's object.

A relative pronoun read as the object of the verb of saying of its relative clause ("which
Norland has said it will consider") is the object of the clause reported.

Two more misreadings of a verb of appointing with a person after it:
- the name read as the verb's object complement with no object ("named Mira Solvang to the
  post of chief economist"): the name is the object;
- a sentence read as a noun phrase, the verb a participle on its subject ("The Velmar Fund
  named Mira Solvang to ...", with no other verb): the verb is the sentence's root and the
  noun its subject.

A verb of appointing read as a participle deeper in a sentence with no verb, or on the
subject of a reporting verb that has its own subject, is the verb of its clause
(`_appointment_read_as_participle`); a name after a verb of appointing or succession read
as its second subject is its object (`_object_read_as_subject`).
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from kg.extract.lexicon import lexicon


class ObjectRepair:
    def __init__(self) -> None:
        self.verbs = lexicon().appointment_verbs

    def __call__(self, doc: Doc) -> Doc:
        _verb_read_as_participle(doc)
        _verb_after_an_aside(doc)
        _relative_on_the_reporter(doc)
        _aside_on_the_phrase(doc)
        ents = doc.ents
        _title_read_as_gerund(ents)
        _name_read_as_preposition(ents)
        people = {e.end: e for e in ents if e.label_ == "PERSON"}
        if people:
            self._names_as_objects(people, ents)
            _appointment_read_as_participle(doc, self.verbs)
        _object_read_as_subject(doc, self.verbs | lexicon().succession_verbs)
        return doc

    def _names_as_objects(self, people: dict, ents) -> None:
        """The double object and the name read as an object complement (module doc)."""
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
                and name.dep_ in ("compound", "nmod")
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
                later = [c for c in noun.rights if c.i > verb.i]
                verb.head, verb.dep_, verb.tag_ = verb, "ROOT", "VBD"
                noun.head, noun.dep_ = verb, "nsubj"
                for c in later:  # the full stop and what follows the verb hang on the verb
                    c.head = verb


def _verb_read_as_participle(doc: Doc) -> None:
    """ "Leaders of the Andean Community (CAN) on Tuesday called on Peru to halt the
    airstrikes": a sentence with no verb at its root, whose past-tense verb the parser read as
    a participle modifying the subject ("leaders called on ..." as "leaders who were called
    on ..."). When the root is a plural noun and the participle after it has no agent nor
    auxiliary of its own but asks someone to act (a to-infinitive, as "called on X to halt",
    "urged X to") or has a direct object, the participle is the verb and the noun its
    subject."""
    for sent in doc.sents:
        root = sent.root
        if root.tag_ != "NNS":
            continue
        for verb in root.rights:
            if verb.dep_ != "acl" or verb.tag_ != "VBN" or doc[verb.i - 1].is_punct:
                continue
            kids = list(verb.children)
            if any(k.dep_ in ("agent", "auxpass", "aux", "nsubj", "nsubjpass") for k in kids):
                continue
            if not any(
                k.dep_ == "dobj"
                or (k.dep_ == "xcomp" and any(a.lower_ == "to" for a in k.children))
                for k in kids
            ):
                continue
            later = [c for c in root.rights if c.i > verb.i]
            verb.head = verb
            verb.dep_ = "ROOT"
            verb.tag_ = "VBD"
            root.head = verb
            root.dep_ = "nsubj"
            for c in later:  # the full stop and what follows the verb hang on the verb
                c.head = verb
            break


def _appointment_read_as_participle(doc: Doc, verbs) -> None:
    """A verb of appointing (lexicon `appointment_verbs`) with a person as its object, which
    the parser read as a participle ("named X as chairman" as "who was named"), with no
    auxiliary, agent or subject of its own, is the verb of its clause:
    - on the subject of a reporting verb that has a subject of its own after it ("Norland's
      state bank named X as governor, the bank said"): the clause the verb reports, with
      that noun its subject;
    - in a sentence with no verb at its root ("The bank's board, chaired by Y, named X as
      governor."): the sentence's verb, with the root noun its subject.
    What follows the verb and hung on that noun (its "as" phrase, a participle after a
    comma: "..., replacing Y") hangs on the verb."""
    for verb in doc:
        if (
            verb.dep_ != "acl"
            or verb.tag_ not in ("VBN", "VBD")
            or verb.lemma_.lower() not in verbs
            or any(
                c.dep_ in ("aux", "auxpass", "agent", "nsubj", "nsubjpass") for c in verb.children
            )
            or not any(c.dep_ == "dobj" and c.ent_type_ == "PERSON" for c in verb.children)
        ):
            continue
        noun = verb.head
        outer = noun.head
        if noun.dep_ == "nsubj" and outer.i > verb.i and outer.pos_ == "VERB":
            if not any(c.dep_ == "nsubj" and noun.i < c.i < outer.i for c in outer.children):
                continue
            verb.head, verb.dep_ = outer, "ccomp"
            noun.head = verb
        else:
            root = _sentence_root(verb)
            if root.pos_ not in ("NOUN", "PROPN") or root.i > verb.i:
                continue
            noun = root
            verb.head, verb.dep_ = verb, "ROOT"
            noun.head, noun.dep_ = verb, "nsubj"
        verb.tag_ = "VBD"
        for c in [c for c in noun.rights if c.i > verb.i]:
            c.head = verb
            if c.dep_ == "acl" and c.tag_ == "VBG":  # ", replacing Y": on the verb's clause
                c.dep_ = "advcl"


def _verb_after_an_aside(doc: Doc) -> None:
    """ "Norland, which brokered an earlier scheme, offered to host the talks, its envoy
    said", "The Velmar minister, Mr. X, presented the proposal": a verb right after a
    relative clause or an apposition set off by commas, which the parser read as a participle
    on the noun before the aside. When the verb has no auxiliary, agent or subject of its own
    but acts on something (a direct object or a to-infinitive), it is the verb of the clause
    and the noun its subject:
    - the noun the subject of a reporting verb that has a subject of its own after it: the
      clause that verb reports;
    - the noun the root of a sentence with no verb: the sentence's verb.
    What follows the verb and hung on that noun hangs on the verb."""
    for verb in doc:
        if (
            verb.dep_ != "acl"
            or verb.tag_ not in ("VBN", "VBD")
            or verb.i < 1
            or doc[verb.i - 1].text != ","
        ):
            continue
        kids = list(verb.children)
        if any(k.dep_ in ("aux", "auxpass", "agent", "nsubj", "nsubjpass") for k in kids):
            continue
        if not any(
            k.dep_ == "dobj"
            or (k.dep_ == "xcomp" and any(a.dep_ == "aux" and a.lower_ == "to" for a in k.children))
            for k in kids
        ):
            continue
        noun = verb.head
        if noun.pos_ not in ("NOUN", "PROPN") or not any(
            c.dep_ in ("relcl", "appos") and noun.i < c.i < verb.i for c in noun.children
        ):
            continue  # "the bank, known to favour X, ...": no aside, a participle
        outer = noun.head
        if noun.dep_ == "nsubj" and outer.i > verb.i and outer.pos_ == "VERB":
            if not any(c.dep_ == "nsubj" and verb.i < c.i < outer.i for c in outer.children):
                continue
            verb.head, verb.dep_ = outer, "ccomp"
            noun.head = verb
        elif noun.dep_ == "ROOT":
            verb.head, verb.dep_ = verb, "ROOT"
            noun.head, noun.dep_ = verb, "nsubj"
        else:
            continue
        verb.tag_ = "VBD"
        for c in [c for c in noun.rights if c.i > verb.i]:
            c.head = verb


def _sentence_root(tok):
    """The root of a token's sentence, by its heads (the parse may be mended)."""
    while tok.head.i != tok.i:
        tok = tok.head
    return tok


def _object_read_as_subject(doc: Doc, verbs) -> None:
    """ "X, previously chief financial officer, replaces Y": a verb of appointing or of
    succession (lexicon `appointment_verbs`, `succession_verbs`) with a subject before it
    and a name after it that the parser also read as its subject, and no object: the name
    after it is its object."""
    for verb in doc:
        if (
            verb.pos_ != "VERB"
            or verb.tag_ not in ("VBZ", "VBD", "VBP")
            or verb.lemma_.lower() not in verbs
        ):
            continue
        subjects = [c for c in verb.children if c.dep_ == "nsubj"]
        if (
            len(subjects) != 2
            or not subjects[0].i < verb.i < subjects[1].i
            or subjects[1].pos_ != "PROPN"
            or not subjects[1].ent_type_
            or any(c.dep_ in ("dobj", "ccomp") for c in verb.children)
        ):
            continue
        subjects[1].dep_ = "dobj"


def _relative_on_the_reporter(doc: Doc) -> None:
    """ "a plan, which Norland has said it will consider": a relative pronoun that the parser
    made the object of the verb of saying of the relative clause, while the clause that verb
    reports has a subject of its own and no object. The pronoun is the object of that clause
    (not of "be": "which Norland said was costly" has it as the subject)."""
    lex = lexicon()
    for tok in doc:
        say = tok.head
        if (
            tok.dep_ != "dobj"
            or tok.lower_ not in lex.relative_pronouns
            or say.dep_ != "relcl"
            or say.lemma_.lower() not in lex.reporting_verbs
        ):
            continue
        for clause in say.children:
            kids = list(clause.children)
            if (
                clause.dep_ == "ccomp"
                and clause.pos_ == "VERB"
                and clause.i > say.i
                and clause.lemma_.lower() != "be"
                and any(k.dep_ == "nsubj" for k in kids)
                and not any(k.dep_ in ("dobj", "nsubjpass", "ccomp", "xcomp") for k in kids)
            ):
                tok.head = clause
                break


def _aside_on_the_phrase(doc: Doc) -> None:
    """ "The resolution renewing the mandate, drafted by A and B, was adopted": a participle
    set off by commas after a subject whose head a participle completes ("renewing the
    mandate"), which the parser hung on that participle's object, the nearest noun. Between
    a subject and its verb, the aside is on the subject's head ("the resolution ... drafted
    by A and B"), when the comma that closes it hangs on that head or on the verb; not
    after an object ("signed the law extending the embargo, imposed by the UN, on Friday":
    the embargo's)."""
    for verb in doc:
        if verb.dep_ != "acl" or verb.tag_ != "VBN" or verb.i < 1 or doc[verb.i - 1].text != ",":
            continue
        noun = verb.head
        inner = noun.head
        if not (
            noun.dep_ == "dobj"
            and inner.dep_ == "acl"
            and inner.tag_ == "VBG"
            and inner.head.pos_ == "NOUN"
            and inner.i < noun.i < verb.i
        ):
            continue
        head = inner.head
        after = verb.right_edge.i + 1
        if (
            head.dep_ in ("nsubj", "nsubjpass")
            and after < head.head.i
            and doc[after].text == ","
            and doc[after].head.i in (head.i, head.head.i)
        ):
            verb.head = head
            doc[verb.i - 1].head = head


def _title_read_as_gerund(ents) -> None:
    """ "named X as managing director of Y": a title (the position ruler's entity) whose
    first word the parser made a gerund completing a preposition, with the title's head as
    that gerund's object: the head completes the preposition, the gerund modifies it."""
    for title in ents:
        if title.label_ != "POSITION" or len(title) < 2:
            continue
        first, head = title[0], title[-1]
        prep = first.head
        if (
            first.dep_ == "pcomp"
            and prep.pos_ == "ADP"
            and head.i != first.i
            and head.head.i == first.i
            and head.dep_ == "dobj"
        ):
            head.head, head.dep_ = prep, "pobj"
            first.head, first.dep_ = head, "amod"


def _name_read_as_preposition(ents) -> None:
    """ "X replaces Till Vesterby": a person's name whose first word the tagger read
    as a preposition on the verb, the rest of the name its object. The name is the verb's
    direct object (when it has none), its first word a part of it. Only a name whose entity
    already holds that word is mended ("replaces Per Vesterby" with "Vesterby" alone a name is
    not)."""
    for person in ents:
        if person.label_ != "PERSON" or len(person) < 2:
            continue
        first, root = person[0], person[-1]
        verb = first.head
        if (
            first.dep_ == "prep"
            and first.tag_ == "IN"
            and root.head.i == first.i
            and root.dep_ == "pobj"
            and verb.pos_ == "VERB"
            and verb.i < first.i
            and not any(c.dep_ == "dobj" for c in verb.children)
        ):
            root.head, root.dep_ = verb, "dobj"
            first.head, first.dep_ = root, "compound"
            first.tag_, first.pos_ = "NNP", "PROPN"


@Language.factory("kg_object_repair")
def make_object_repair(nlp: Language, name: str) -> ObjectRepair:
    return ObjectRepair()
