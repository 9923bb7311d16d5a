"""Clauses: each verb (and each event noun) of a sentence with its arguments, normalised.

A clause has its subjects, its objects and its prepositional arguments (arguments.py:
passives turned active, control verbs' shared subjects, relative pronouns resolved to their
antecedent, coordinated subjects and objects distributed) and its modality (modality.py:
folded from the verb chain above it; an event noun's, events.py). The spaCy component
`kg_clauses` writes them to `doc._.clauses` as plain tuples, so `nlp.pipe(n_process=N)` can
carry them between processes; `clauses_of(doc)` reads them back as `Clause` records.
"""

from __future__ import annotations

from dataclasses import dataclass

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

CLAUSE_HEADS = ("VERB", "AUX")


@dataclass(frozen=True)
class Clause:
    """One predication: a verb or an event noun with its arguments (token indices)."""

    head: int  # the verb or the event noun
    lemma: str  # with a particle: "rule out", "pull out"
    kind: str  # "verb" or "noun"
    subjects: tuple[int, ...]
    objects: tuple[int, ...]
    preps: tuple[tuple[str, int], ...]  # (preposition, object), of the head and its objects
    modality: str | None  # None: only asked for ("urged X to send")
    passive: bool

    def data(self) -> list:
        return [
            self.head,
            self.lemma,
            self.kind,
            list(self.subjects),
            list(self.objects),
            [list(p) for p in self.preps],
            self.modality,
            self.passive,
        ]

    @classmethod
    def from_data(cls, d: list) -> Clause:
        return cls(
            d[0],
            d[1],
            d[2],
            tuple(d[3]),
            tuple(d[4]),
            tuple((str(p), int(i)) for p, i in d[5]),
            d[6],
            bool(d[7]),
        )

    def prep_objects(self, preposition: str) -> list[int]:
        return [i for p, i in self.preps if p == preposition]


def _spread(tokens) -> list:
    """Tokens and their conjuncts ("Peru, Bolivia and Ecuador"), also those of a list the
    parser hung as an apposition (`listed_apposition`)."""
    out: list = []
    for t in tokens:
        named = _possessed_names(t)
        for u in named or (t, *t.conjuncts, *listed_apposition(t)):
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


def _antecedents(tokens: list, verb) -> list:
    """A relative pronoun stands for the noun its clause modifies ("X, which leads the mission")."""
    relative = lexicon().relative_pronouns
    clause_verb = verb
    while clause_verb.dep_ in ("conj", "xcomp") and clause_verb.head.i != clause_verb.i:
        clause_verb = clause_verb.head
    out = []
    for t in tokens:
        if t.lower_ in relative and clause_verb.dep_ == "relcl":
            t = clause_verb.head
        if t not in out:
            out.append(t)
    return out


def clause_of(tok, kind: str = "verb") -> Clause:
    """The clause headed by a verb (or, kind="noun", an event noun)."""
    if kind == "verb":
        subj = _spread(_antecedents(subjects(tok), tok))
        objs = _spread(_antecedents(direct_objects(tok), tok))
        level = modality(tok)
        passive = is_passive(tok)
    else:
        subj = _spread(child_deps(tok, "poss"))
        objs = []
        level = noun_modality(tok)
        passive = False
    return Clause(
        head=tok.i,
        lemma=phrasal_lemma(tok) if kind == "verb" else tok.lemma_.lower(),
        kind=kind,
        subjects=tuple(t.i for t in subj),
        objects=tuple(t.i for t in objs),
        preps=tuple(_preps(tok, objs)),
        modality=level,
        passive=passive,
    )


def find_clauses(doc, event_nouns: frozenset[str] = frozenset()) -> list[Clause]:
    out = []
    for tok in doc:
        if tok.pos_ in CLAUSE_HEADS and tok.dep_ not in ("aux", "auxpass"):
            out.append(clause_of(tok))
        elif tok.pos_ in ("NOUN", "PROPN") and (
            tok.lemma_.lower() in event_nouns or tok.lower_ in event_nouns
        ):
            out.append(clause_of(tok, "noun"))
    return out


if not Doc.has_extension("clauses"):
    Doc.set_extension("clauses", default=None)


class ClauseFinder:
    def __init__(self) -> None:
        f = frames()
        self.event_nouns = frozenset(w for fr in f.nouns for w in fr.lemmas)

    def __call__(self, doc):
        doc._.clauses = [c.data() for c in find_clauses(doc, self.event_nouns)]
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
        got = table["clauses"] = (data, [Clause.from_data(d) for d in data])
    return got[1]
