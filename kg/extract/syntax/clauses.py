"""Clauses: each verb (and each event noun) of a sentence with its arguments, normalised.

A clause has its subjects, its objects and its prepositional arguments (arguments.py:
passives turned active, control verbs' shared subjects, relative pronouns resolved to their
antecedent, coordinated subjects and objects distributed) and its modality (modality.py:
folded from the verb chain above it; an event noun's, events.py). The spaCy component
`kg_clauses` finds the clauses and writes them to `doc._.clauses` as plain lists (head,
lemma, kind), so `nlp.pipe(n_process=N)` can carry them between processes; `clauses_of(doc)`
reads them back as `Clause` records, whose arguments and modality are worked out from the
parse when a frame first reads them (pure functions of the parse: the same whenever read).
Most verbs are no frame's: of the 8,164 verbs of the 200 benchmark texts (benchmarks/
extract.py), 4,597 reach a frame that reads their modality and 325 one that reads their
objects; working out every clause's arguments inside the component cost about 0.6 s of CPU
there, reading them when asked about 0.2 s.
"""

from __future__ import annotations

from weakref import ref

from spacy.language import Language
from spacy.tokens import Doc

from kg.extract.doc_memo import memo
from kg.extract.lexicon import frames, lexicon
from kg.extract.syntax.arguments import (
    child_deps,
    direct_objects,
    is_passive,
    phrasal_lemma,
    prep_children,
    subjects,
)
from kg.extract.syntax.events import noun_modality
from kg.extract.syntax.modality import modality
from kg.extract.syntax.tree import tree

CLAUSE_HEADS = ("VERB", "AUX")


_UNREAD = object()  # a field of a Clause not worked out yet


class Clause:
    """One predication: a verb or an event noun with its arguments (token indices).

    The head, its lemma and its kind are what `kg_clauses` writes; the arguments, the
    modality and the voice are worked out from the parse when a frame first reads them
    (pure functions of the Doc, so the same whenever they are read). Most clauses are read
    only for their verb: no frame names it. The record holds a weak reference to its Doc,
    so that keeping it beside the Doc (doc_memo) does not keep the Doc alive."""

    __slots__ = (
        "_doc",
        "_modality",
        "_objects",
        "_passive",
        "_preps",
        "_subjects",
        "head",
        "kind",
        "lemma",
    )

    def __init__(self, doc, head: int, lemma: str, kind: str) -> None:
        self._doc = ref(doc)
        self.head = head  # the verb or the event noun
        self.lemma = lemma  # with a particle: "rule out", "pull out"
        self.kind = kind  # "verb" or "noun"
        self._subjects = self._objects = self._preps = _UNREAD
        self._modality = self._passive = _UNREAD

    def _token(self):
        return self._doc()[self.head]

    @property
    def subjects(self) -> tuple[int, ...]:
        if self._subjects is _UNREAD:
            tok = self._token()
            if self.kind == "verb":
                found = _spread(_antecedents(subjects(tok), tok), member_alone(tok))
            else:
                found = _spread(child_deps(tok, "poss"))
            self._subjects = tuple(t.i for t in found)
        return self._subjects

    @property
    def objects(self) -> tuple[int, ...]:
        if self._objects is _UNREAD:
            tok = self._token()
            found = (
                _spread(_antecedents(direct_objects(tok), tok), member_alone(tok))
                if self.kind == "verb"
                else []
            )
            self._objects = tuple(t.i for t in found)
        return self._objects

    @property
    def preps(self) -> tuple[tuple[str, int], ...]:
        """(preposition, object), of the head and its objects."""
        if self._preps is _UNREAD:
            doc = self._doc()
            self._preps = tuple(_preps(doc[self.head], [doc[i] for i in self.objects]))
        return self._preps

    @property
    def modality(self) -> str | None:
        """None: only asked for ("urged X to send")."""
        if self._modality is _UNREAD:
            tok = self._token()
            self._modality = modality(tok) if self.kind == "verb" else noun_modality(tok)
        return self._modality

    @property
    def passive(self) -> bool:
        if self._passive is _UNREAD:
            self._passive = self.kind == "verb" and is_passive(self._token())
        return self._passive

    def _fields(self) -> tuple:
        return (
            self.head,
            self.lemma,
            self.kind,
            self.subjects,
            self.objects,
            self.preps,
            self.modality,
            self.passive,
        )

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Clause) and self._fields() == other._fields()

    __hash__ = None  # type: ignore[assignment]

    def __repr__(self) -> str:
        names = ("head", "lemma", "kind", "subjects", "objects", "preps", "modality", "passive")
        return (
            "Clause("
            + ", ".join(f"{n}={v!r}" for n, v in zip(names, self._fields(), strict=True))
            + ")"
        )

    def prep_objects(self, preposition: str) -> list[int]:
        return [i for p, i in self.preps if p == preposition]


def _spread(tokens, alone: int | None = None) -> list:
    """Tokens and their conjuncts ("Peru, Bolivia and Ecuador"), also those of a list the
    parser hung as an apposition (`listed_apposition`); the token at `alone` without them."""
    out: list = []
    for t in tokens:
        named = _possessed_names(t)
        spread = (t,) if t.i == alone else (t, *t.conjuncts, *listed_apposition(t))
        for u in named or spread:
            if u not in out:
                out.append(u)
    return out


def _possessed_names(tok) -> list:
    """ "Norland's and Velmar's foreign ministers, A and B, met", which the parser reads as
    "Norland" with the apposition "A and B": the names are the argument (the ministers), not
    the possessor."""
    if tok.pos_ != "PROPN" or not any(c.dep_ == "case" for c in tok.children):
        return []
    for appos in tok.children:
        if appos.dep_ == "appos" and appos.pos_ == "PROPN" and appos.i > tok.i:
            names = [appos, *(c for c in appos.conjuncts if c.i > appos.i)]
            if len(names) >= 2 and all(c.pos_ == "PROPN" for c in names):
                return names
    return []


def listed_apposition(tok) -> list:
    """ "Norland, the Republic of Velmar and Sudria will sign": a name whose apposition is a
    name with conjuncts of its own (the parser reads the list's second member as an
    apposition of the first, the rest as its conjuncts) lists them all. Not a possessor
    ("Norland's and Velmar's foreign ministers, A and B, met": `_possessed_names`), nor an
    apposition the parser hung on the name from further on ("Norland imposed sanctions on
    two chiefs, A and B")."""
    if tok.pos_ != "PROPN" or any(c.dep_ == "case" for c in tok.children):
        return []
    for appos in tok.children:
        if appos.dep_ != "appos" or appos.pos_ != "PROPN" or appos.i < tok.i:
            continue
        if not all(t.is_punct for t in tok.doc[tok.i + 1 : appos.left_edge.i]):
            continue  # "Norland imposed sanctions on two chiefs, A and B": hung far off
        # "the Democratic Republic of Congo and Zambia": the conjuncts of the name's last word
        last = next((e[-1] for e in tok.doc.ents if e.start <= appos.i < e.end), appos)
        conjuncts = [c for w in {appos, last} for c in w.conjuncts if c.i > last.i]
        if conjuncts and all(c.pos_ == "PROPN" for c in conjuncts):
            return [appos, *conjuncts]
    return []


def _preps(tok, objects: list) -> list[tuple[str, int]]:
    out = []
    for holder in [tok, *objects]:
        preps = prep_children(holder) + child_deps(holder, "agent")
        for prep in sorted(preps, key=lambda p: p.i):
            for pobj in _spread(child_deps(prep, "pobj")):
                out.append((prep.lower_, pobj.i))
    return out


def member_alone(verb) -> int | None:
    """ "They target A, B, who headed the police until 2021, and C": a relative clause hung
    on one member of a list, with a member after the clause, speaks of that member alone
    (its index); None when the clause closes the list ("A and B, who ...": maybe both)."""
    clause_verb = verb
    while clause_verb.dep_ in ("conj", "xcomp") and clause_verb.head.i != clause_verb.i:
        clause_verb = clause_verb.head
    if clause_verb.dep_ != "relcl":
        return None
    head = clause_verb.head
    end = clause_verb.right_edge.i
    return head.i if any(c.i > end for c in head.conjuncts) else None


def _antecedents(tokens: list, verb) -> list:
    """A relative pronoun stands for the noun its clause modifies ("X, which leads the mission")."""
    lex = lexicon()
    relative = lex.relative_pronouns
    clause_verb = verb
    while clause_verb.dep_ in ("conj", "xcomp") and clause_verb.head.i != clause_verb.i:
        clause_verb = clause_verb.head
    out = []
    for t in tokens:
        if t.lower_ in relative and clause_verb.dep_ == "relcl":
            person = t.lower_ in lex.person_relatives
            t = clause_verb.head
            if person:
                t = person_of(t, clause_verb)
        if t not in out:
            out.append(t)
    return out


def reporting_relative(pronoun, verb):
    """For a relative pronoun fronted before the verb of a relative clause that reports the
    clause `verb` heads ("a fund which Velmar has said it will examine": "examine"), that
    relative clause's verb ("said"); else `verb`."""
    while verb.dep_ == "ccomp" and verb.head.i != verb.i and pronoun.i < verb.head.i:
        verb = verb.head
    return verb


def person_of(noun, verb=None):
    """ "Tomas Ekberg of the Centre Party, who visited Velmar": a relative that takes up a
    person only (lexicon `person_relatives`), hung by the parser on the name in the phrase
    that says whom a person is with (lexicon `affiliation_preps`), speaks of that person;
    so does one hung on a description of the person in apposition to the name, or on the
    name in such a description's phrase ("Tomas Ekberg, a Norlandic diplomat who ...",
    "X, the chief executive of Velmar Rail, who ...", "X, a lawyer from Norvik who ...":
    from the phrase only past a comma or a name of a place or body, not "X, the son of a
    general who ..."); not when its verb agrees with a plural ("X of the Coastal Front, who
    have rejected the talks": the front's; a present without -s, or lexicon
    `plural_verb_forms`)."""
    if noun.ent_type_ == "PERSON" or (verb is not None and _plural_agreement(verb)):
        return noun
    word = noun
    prep = noun.head
    if noun.dep_ == "pobj" and prep.lower_ in lexicon().affiliation_preps:
        if prep.head.ent_type_ == "PERSON":
            return prep.head
        if not _set_off(verb) and (noun.pos_ != "PROPN" or noun.ent_type_ == "POSITION"):
            return noun  # "the son of a general who was appointed": the general's
        word = prep.head
    if (
        word.dep_ == "appos"
        and word.pos_ == "NOUN"
        and word.ent_type_ in ("", "POSITION")
        and word.head.ent_type_ == "PERSON"
        and not _after_a_title(word, verb)
    ):
        return word.head  # the description's person
    return noun


def _after_a_title(description, verb) -> bool:
    """Whether a relative clause with no comma before it follows a title in a description's
    own phrase ("X, the son of a general who was appointed ...": the general's)."""
    if verb is None or _set_off(verb) or verb.left_edge.i == 0:
        return False
    last = verb.doc[verb.left_edge.i - 1]
    return (
        last.i != description.i
        and last.ent_type_ == "POSITION"
        and description.left_edge.i <= last.i <= description.right_edge.i
    )


def _set_off(verb) -> bool:
    """Whether a relative clause is set off by a comma ("..., who ...")."""
    if verb is None:
        return False
    first = verb.left_edge
    return first.i > 0 and first.doc[first.i - 1].text == ","


def _plural_agreement(verb) -> bool:
    """Whether a verb or its auxiliary is a plural form: "who have", "who are", "who
    oppose", "who were"."""
    plural = lexicon().plural_verb_forms
    words = [verb, *(c for c in verb.children if c.dep_ in ("aux", "auxpass"))]
    return any(w.tag_ == "VBP" or w.lower_ in plural for w in words)


def clause_of(tok, kind: str = "verb") -> Clause:
    """The clause headed by a verb (or, kind="noun", an event noun)."""
    lemma = phrasal_lemma(tok) if kind == "verb" else tok.lemma_.lower()
    return Clause(tok.doc, tok.i, lemma, kind)


def _clause_heads(doc, event_nouns: frozenset[str]) -> list[list]:
    """[head, lemma, kind] of each clause of `doc`: a verb (not an auxiliary) or an event
    noun; read from the Doc's Tree (no Token per word)."""
    t = tree(doc)
    pos, dep, lower, lemma = t.pos, t.dep, t.lower, t.lemma_lower
    out = []
    for i, p in enumerate(pos):
        if p in CLAUSE_HEADS and dep[i] not in ("aux", "auxpass"):
            out.append([i, phrasal_lemma(doc[i]), "verb"])
        elif p in ("NOUN", "PROPN") and (lemma[i] in event_nouns or lower[i] in event_nouns):
            out.append([i, lemma[i], "noun"])
    return out


def find_clauses(doc, event_nouns: frozenset[str] = frozenset()) -> list[Clause]:
    return [Clause(doc, *d) for d in _clause_heads(doc, event_nouns)]


if not Doc.has_extension("clauses"):
    Doc.set_extension("clauses", default=None)


class ClauseFinder:
    def __init__(self) -> None:
        f = frames()
        self.event_nouns = frozenset(w for fr in f.nouns for w in fr.lemmas)

    def __call__(self, doc):
        doc._.clauses = _clause_heads(doc, self.event_nouns)
        return doc


@Language.factory("kg_clauses")
def make_clause_finder(nlp: Language, name: str) -> ClauseFinder:
    return ClauseFinder()


def clauses_of(doc) -> list[Clause]:
    """The clauses the component wrote (or, for a Doc parsed without it, found now)."""
    data = doc._.clauses
    if data is None:
        return find_clauses(doc, ClauseFinder().event_nouns)
    table = memo(doc)  # read by the verb frames and the noun frames: made once
    got = table.get("clauses")
    if got is None or got[0] is not data:
        got = table["clauses"] = (data, [Clause(doc, int(h), str(lm), str(k)) for h, lm, k in data])
    return got[1]
