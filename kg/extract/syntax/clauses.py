"""Clauses: each verb (and each event noun) of a sentence with its arguments, normalised.

A clause has its subjects (the agent of a passive, the subject a control verb shares, the
antecedent of a relative pronoun), its objects (the subject of a passive), its
prepositional arguments, and a modality folded from the verb chain above it (auxiliaries,
negation, control and raising verbs: "is expected to visit" -> planned, "declined to
send" -> refused). Coordinated subjects and objects are distributed. The spaCy component
`kg_clauses` writes them to `doc._.clauses` as plain tuples, so `nlp.pipe(n_process=N)`
can carry them between processes; `clauses_of(doc)` reads them back as `Clause` records.

The words that steer this (modal auxiliaries, modality heads, blocking heads, creation
verbs, duty nouns) are data: data/patterns/frames.yaml.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from spacy.language import Language
from spacy.tokens import Doc

from kg.extract.lexicon import frames, lexicon

# -- arguments ----------------------------------------------------------------------------


def _children(tok, *deps: str) -> list:
    return [c for c in tok.children if c.dep_ in deps]


def is_passive(verb) -> bool:
    return any(c.dep_ in ("nsubjpass", "auxpass") for c in verb.children) or (
        verb.dep_ == "acl" and verb.tag_ == "VBN"
    )


def _duty(verb):
    """ "disarming the militia is not Uruguay's responsibility": the noun 'responsibility'."""
    if verb.dep_ in ("csubj", "nsubj") and verb.tag_ == "VBG":
        for attr in _children(verb.head, "attr"):
            if attr.lemma_.lower() in frames().duty_nouns and _children(attr, "poss"):
                return attr
    return None


def subjects(verb) -> list:
    """The tokens that do what `verb` says (for a passive: the agent)."""
    duty = _duty(verb)
    if duty is not None:
        return _children(duty, "poss")
    if is_passive(verb):
        agents = [p for a in _children(verb, "agent") for p in _children(a, "pobj")]
        return agents + _stray_conjuncts(verb, agents)
    found = _children(verb, "nsubj")
    if found:
        return _named_instead(verb, found)
    head = verb.head
    noun_head = _intention_noun(verb)
    if noun_head is not None:  # "X has no plans to join": X would join
        owner = _children(noun_head, "poss") or prep_objects(noun_head, "by")
        if owner:  # "Y welcomed X's offer to host the forum": X would host it
            return owner
        return subjects(noun_head.head)
    if verb.dep_ in ("xcomp", "advcl") and head.i != verb.i:
        if head.pos_ == "ADJ" and head.dep_ in ("acomp", "amod"):
            head = head.head
        if head.lemma_.lower() in frames().creation_verbs:
            made = _children(head, "dobj")
            if made:
                return made
        if is_passive(head) and not _children(head, "agent"):
            raised = _children(head, "nsubjpass")  # "X is expected to visit"
            if raised:
                return raised
        return subjects(head)
    if (
        verb.tag_ == "VBG"
        and verb.dep_ in ("pcomp", "pobj")
        and head.lower_ in frames().gerund_subject_preps
        and head.head.pos_ in ("VERB", "AUX")
    ):  # "X joined Y in voting for it", "X replied by sending troops": X votes, sends
        return subjects(head.head)
    if verb.dep_ == "conj" and head.i != verb.i:
        if is_passive(head):  # "X was elected and leads Y": X leads
            return _children(head, "nsubjpass") or subjects(head)
        return subjects(head)
    if verb.dep_ in ("relcl", "acl") and not is_passive(verb):
        return [head]
    return _stranded_subject(verb)


def _named_instead(verb, found: list) -> list:
    """ "Ruritania, the region's largest member, declined to ...", parsed with the
    description as the subject and the name as a modifier of the verb: the name."""
    first = min(found, key=lambda t: t.i)
    if first.pos_ != "NOUN":
        return found
    doc = verb.doc
    for child in verb.children:
        if (
            child.i < first.i
            and child.dep_ in ("npadvmod", "dep")
            and child.pos_ == "PROPN"
            and any(t.text == "," for t in doc[child.right_edge.i + 1 : first.i])
        ):
            return [child]
    return found


def _stranded_subject(verb) -> list:
    """The subject of a main verb that the parser hung elsewhere: "Ruritania, whose
    minister called the plan a provocation, has urged Arcadia to ..." (the name made the
    subject of the relative clause's verb)."""
    if verb.dep_ != "ROOT" or not (
        verb.tag_ in ("VBD", "VBZ", "VBP") or any(c.dep_ == "aux" for c in verb.children)
    ):
        return []
    doc = verb.doc
    relative = lexicon().relative_pronouns | lexicon().possessive_relatives
    for child in verb.children:
        if child.i > verb.i:
            break
        if child.dep_ == "ccomp":
            for subj in _children(child, "nsubj"):
                after = [t.lower_ for t in doc[subj.i + 1 : subj.i + 3]]
                if after[:1] == [","] and after[1:] and after[1] in relative:
                    return [subj]
    return []


def has_to(verb) -> bool:
    """A verb in the to-infinitive ("to prepare", "to lead")."""
    return any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)


def gives_an_order(verb) -> bool:
    """ "directed the ministry to prepare a plan", "commanded the troops to withdraw": a verb
    of giving orders (data: frames.yaml order_verbs) with a to-infinitive after it orders its
    object to act rather than leading it (the parser may attach the infinitive as a
    complement or as an adverbial clause)."""
    return verb.lemma_.lower() in frames().order_verbs and any(
        has_to(comp) for comp in _children(verb, "xcomp", "ccomp", "advcl")
    )


def _stray_conjuncts(verb, args: list) -> list:
    """ "signed by the minister, A, and his counterpart, B": a noun the parser made a
    conjunct of the verb, after its last argument, is one more of that argument."""
    if not args:
        return []
    last = max(a.i for a in args)
    return [
        c
        for c in verb.children
        if c.dep_ == "conj"
        and c.pos_ in ("NOUN", "PROPN")
        and c.i > last
        and not any(g.dep_ in ("nsubj", "nsubjpass", "aux", "auxpass") for g in c.children)
    ]


def direct_objects(verb) -> list:
    if is_passive(verb):
        found = _children(verb, "nsubjpass")
        if not found and verb.dep_ in ("acl", "relcl"):
            found = [verb.head]
        if not found and verb.dep_ == "conj" and verb.head.i != verb.i:
            # "X, which was founded in 1990 and is led by Y": the first verb's subject
            head = verb.head
            found = _children(head, "nsubjpass", "nsubj") or direct_objects(head)
        return found
    found = _children(verb, "dobj")
    found += _stray_conjuncts(verb, found)
    if not found and verb.lemma_.lower() in frames().object_control:
        # "urged X to sign", parsed as X the subject of "sign"
        for comp in _children(verb, "ccomp", "xcomp"):
            found += _children(comp, "nsubj")
    return found


def _intention_noun(verb):
    """ "has no plans to join", "the decision to send": the noun a to-infinitive completes,
    when it is a noun of intention (data: frames.yaml modality_nouns) and the object or
    complement of a verb."""
    head = verb.head
    if verb.dep_ != "acl" or head.i == verb.i or head.pos_ not in ("NOUN", "PROPN"):
        return None
    if head.lemma_.lower() not in frames().modality_nouns:
        return None
    if not has_to(verb):
        return None
    if head.dep_ not in ("dobj", "attr", "nsubj", "pobj") or head.head.i == head.i:
        return None
    return head


def prep_objects(tok, preposition: str) -> list:
    """The objects of a preposition of the word. A complex preposition ("on behalf of",
    "in favour of", "in the name of") is read as its first preposition, the noun that is
    its object (its determiners passed over) and the preposition after that noun."""
    if " " in preposition:
        return _complex_objects(tok, preposition.split())
    out = []
    for prep in _prep_children(tok):
        if prep.lower_ == preposition:
            out += _children(prep, "pobj")
    return out


def _complex_objects(tok, words: list[str]) -> list:
    """ "on behalf of" -> on, behalf, of (words between the first and the noun are its
    determiners: "in the name of")."""
    if len(words) < 3:
        return []
    first, noun_word, last = words[0], words[-2], words[-1]
    out = []
    for prep in _prep_children(tok):
        if prep.lower_ != first:
            continue
        for noun in _children(prep, "pobj"):
            if noun.lower_ != noun_word:
                continue
            for inner in _children(noun, "prep"):
                if inner.lower_ == last:
                    out += _children(inner, "pobj")
    return out


def _is_particle_prep(tok) -> bool:
    """ "out" in "pulled out of X": a preposition without an object, before another one."""
    return (
        tok.dep_ == "prep"
        and not _children(tok, "pobj")
        and any(c.dep_ == "prep" for c in tok.children)
        and tok.lower_ in frames().particle_preps
    )


def _prep_children(tok) -> list:
    """The prepositions of a word, looking through a particle ("pulled out of X": of)."""
    out = []
    for prep in tok.children:
        if prep.dep_ not in ("prep", "dative", "agent"):
            continue
        if _is_particle_prep(prep):
            out += [c for c in prep.children if c.dep_ == "prep"]
        elif prep.dep_ != "agent":
            out.append(prep)
    return out


# -- modality and attribution ---------------------------------------------------------------


def _chain(tok):
    """The token and the words it depends on, up to the clause that reports it."""
    reporting = lexicon().reporting_verbs
    current = tok
    seen = 0
    while True:
        yield current
        if current.dep_ == "ROOT" or seen > 8:
            return
        if current.lemma_.lower() in reporting and current.i != tok.i:
            return
        current = current.head
        seen += 1


def is_question(sent) -> bool:
    """A sentence that ends with a question mark asks; it states nothing."""
    for tok in reversed(sent):
        if tok.is_space or tok.is_quote or tok.text in (")", "]"):
            continue
        return tok.text == "?"
    return False


LEVELS = ("negated", "refused", "offered", "considered", "possible", "planned")


def modality(tok) -> str | None:
    """How firmly the clause of `tok` states it; None when it is only asked for (also
    when its sentence is a question: "Did X ask you to choose?")."""
    got = _levels(tok)
    return None if got is None else _rank(*got)


def negates_a_plan(tok) -> bool:
    """ "will not meet", "has no plans to visit": a plan negated, with no word of refusal or
    offer above it ("declined to", "is not willing to"). `modality` reads it as refused;
    a relation that is no refusal of taking part takes it as negated."""
    got = _levels(tok)
    if got is None:
        return False
    found, negated = got
    return negated and "planned" in found and not found & {"offered", "refused"}


def _rank(found: set[str], negated: bool) -> str:
    if negated:
        return "refused" if found & {"planned", "offered", "refused"} else "negated"
    for level in LEVELS:
        if level in found:
            return level
    return "asserted"


def _levels(tok) -> tuple[set[str], bool] | None:
    """The modalities the words over `tok` give, and whether it is negated; None when it
    is only asked for."""
    f = frames()
    if is_question(tok.sent):
        return None
    found: set[str] = set()
    negated = False
    duty = _duty(tok)
    if duty is not None:  # "X is (not) Y's responsibility": Y takes it on, or refuses it
        negated_duty = any(c.dep_ == "neg" for c in tok.head.children)
        return ({"refused"}, False) if negated_duty else (set(), False)
    sibling = False  # reached from a conjunct: a verb beside it, not above it
    infinitive = False  # reached from a to-infinitive ("was named to lead", "returns to head")
    beside = False  # the conjunct's neighbour under a shared head: skipped, not ended at
    for word in _chain(tok):
        lemma = word.lemma_.lower()
        if beside:  # "denied that A sent troops and that B sent ships": on to "denied"
            beside = sibling = infinitive = False
            if word.dep_ in _SHARED_HEAD_DEPS:
                continue
            break
        if word.i != tok.i and lemma in lexicon().reporting_verbs:
            break
        above = word.i != tok.i and not sibling
        if above and lemma in f.blocking_heads:  # not "called the plan a threat and urged"
            return None
        if above and lemma in f.modality_heads and word.pos_ in ("VERB", "AUX", "ADJ"):
            found.add(f.modality_heads[lemma])
        if above and infinitive and lemma in f.infinitive_heads and word.pos_ in ("VERB", "AUX"):
            found.add(f.infinitive_heads[lemma])
        sibling = word.dep_ == "conj"
        infinitive = word.dep_ in ("xcomp", "advcl") and has_to(word)
        if word.i != tok.i and word.pos_ in ("NOUN", "PROPN") and lemma in f.modality_nouns:
            found.add(f.modality_nouns[lemma])  # "has plans to", "has no intention of"
            if any(c.lower_ in f.negators for c in word.children):
                negated = True
        for child in word.children:
            low = child.lower_
            if child.dep_ == "neg":
                negated = True
            elif child.dep_ == "aux" and low in f.modal_aux:
                found.add(f.modal_aux[low])
            elif child.dep_ == "amod" and low in f.planned_modifiers:
                found.add("planned")
            elif child.dep_ == "ccomp" and word.i == tok.i and _asks(child):
                return None  # "asked whether X would send troops": a question
        if _own_clause(word):  # "..., while Y is considering it": Y's clause is its own
            if word.dep_ == "conj" and word.head.dep_ in _SHARED_HEAD_DEPS:
                beside = True  # both conjuncts hang under one head: it governs this one too
                continue
            break
        if word.dep_ not in ("xcomp", "conj", "advcl", "acomp", "ccomp", "relcl", "acl"):
            if word.pos_ in ("NOUN", "PROPN") and word.lemma_.lower() in f.modality_nouns:
                continue  # "has no plans to join": on to the verb that has the plans
            break
    if _future_date(tok):  # "I go to Seoul next week": planned
        found.add("planned")
    return found, negated


# Dependencies of a clause under a head: conjuncts joined there share that head's modality.
_SHARED_HEAD_DEPS = frozenset(("ccomp", "xcomp", "advcl", "relcl", "acl"))


def _own_clause(verb) -> bool:
    """A clause with a subject of its own that is joined beside another, not under it: a
    conjunct ("X will send troops and Y sent ships") or a clause of contrast ("X offered
    troops, while Y is considering it"; data: frames.yaml contrast_marks). It takes no
    modality from the clause it is joined to."""
    if verb.dep_ not in ("conj", "advcl") or verb.head.i == verb.i:
        return False
    if not any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children):
        return False
    if verb.dep_ == "conj":
        return verb.pos_ in ("VERB", "AUX")
    return any(c.dep_ == "mark" and c.lower_ in frames().contrast_marks for c in verb.children)


@cache
def _cancel_heads() -> frozenset[str]:
    """The verbs that may call a plan off, without their particles, and the light verbs."""
    f = frames()
    return frozenset(v.split()[0] for v in f.cancel_verbs) | f.light_verbs


def cancelled(tok, nouns: frozenset[str]) -> bool:
    """A plan its sentence calls off: "X, who had been due to travel to Y, will no longer
    make the trip", "X was to visit Y, but the visit was postponed". One of `nouns` (the
    event nouns of the same relation) is the object of a verb that calls it off (data:
    frames.yaml cancel_verbs) or of a negated light verb ("will not make the trip")."""
    f = frames()
    heads = _cancel_heads()
    for word in tok.sent:
        if word.pos_ != "VERB" or word.i == tok.i or word.lemma_.lower() not in heads:
            continue
        lemma = phrasal_lemma(word)
        negated = any(
            c.dep_ == "neg" or (c.dep_ == "advmod" and any(g.dep_ == "neg" for g in c.children))
            for c in word.children
        )  # "will not make", "will no longer make"
        calls_off = lemma in f.cancel_verbs or (lemma in f.light_verbs and negated)
        if calls_off and any(
            o.lemma_.lower() in nouns and not _another_plan(o, tok)
            for o in _children(word, "dobj", "nsubjpass")
        ):
            return True
    return False


def _another_plan(noun, verb) -> bool:
    """ "will travel to Lima, although her visit to Quito was cancelled": the called-off noun
    names a destination of its own that the verb does not, so it is another plan."""
    own = {o.lower_ for p in _children(noun, "prep") for o in _children(p, "pobj")}
    if not own:
        return False  # "the trip", "the visit": the plan before it
    ours = {
        t.lower_ for p in _children(verb, "prep") for o in _children(p, "pobj") for t in o.subtree
    }
    return not own & ours


def _asks(complement) -> bool:
    """A complement that is an embedded question ("asked whether X would ...", "asked if";
    data: frames.yaml question_marks): the verb over it asks, it states no relation."""
    marks = frames().question_marks
    return any(m.dep_ == "mark" and m.lower_ in marks for m in complement.children)


def _future_date(verb) -> bool:
    """A verb in the present with a date ahead of it ("arrives next week", "meets them
    tomorrow", "travels to Lima later this month"; data: frames.yaml future_words)."""
    if verb.tag_ not in ("VB", "VBP", "VBZ", "VBG"):
        return False
    words = frames().future_words
    for child in verb.children:
        dates = [child] if child.dep_ in ("npadvmod", "advmod", "tmod") else []
        if child.dep_ == "prep":
            dates = _children(child, "pobj")
        for date in dates:
            if date.ent_type_ in ("DATE", "TIME") and any(w.lower_ in words for w in date.subtree):
                return True
    return False


# -- clause records ----------------------------------------------------------------------------

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
    """Tokens and their conjuncts ("Peru, Bolivia and Ecuador")."""
    out: list = []
    for t in tokens:
        for u in (t, *t.conjuncts):
            if u not in out:
                out.append(u)
    return out


def phrasal_lemma(tok) -> str:
    """The verb with its particle ("rule out", "pull out"), or with the bare noun of an
    idiom the lexicon lists ("take part", "play host")."""
    lemma = tok.lemma_.lower()
    particles = [c.lower_ for c in tok.children if c.dep_ == "prt" or _is_particle_prep(c)]
    if particles:
        return f"{lemma} {particles[0]}"
    for obj in tok.children:
        if obj.dep_ == "dobj" and not any(c.dep_ in ("det", "poss") for c in obj.children):
            idiom = f"{lemma} {obj.lower_}"
            if idiom in frames().phrasal_lemmas:
                return idiom
    return lemma


def _preps(tok, objects: list) -> list[tuple[str, int]]:
    out = []
    for holder in [tok, *objects]:
        preps = _prep_children(holder) + _children(holder, "agent")
        for prep in sorted(preps, key=lambda p: p.i):
            for pobj in _spread(_children(prep, "pobj")):
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
        subj = _spread(_children(tok, "poss"))
        objs = []
        level = _noun_modality(tok)
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


def _governing_verb(tok):
    """The verb an event noun is an argument of, through prepositions: "will meet X on the
    sidelines of the summit", "met ahead of the summit"."""
    current = tok
    for _ in range(6):
        head = current.head
        if head.i == current.i:
            return None
        if head.pos_ in ("VERB", "AUX") and current.dep_ in ("dobj", "nsubjpass", "prep"):
            return head
        if current.dep_ not in ("pobj", "prep", "advmod"):
            return None
        current = head
    return None


def _noun_modality(tok) -> str | None:
    """How firmly an event noun is stated: as its verb states it, or as the verb's object
    ("is considering sanctions", "agreed on a meeting"), or as a purpose ("travelled to X
    for talks"); planned when the noun is ahead of the clause ("ahead of the summit",
    "before a meeting with Y") or says so itself ("the proposed visit", "next month's
    summit"). Data: frames.yaml modality_heads, purpose_preps, future_preps,
    planned_modifiers."""
    f = frames()
    if is_question(tok.sent):
        return None
    head = tok.head
    verb = _governing_verb(tok)
    if verb is not None:
        level = modality(verb)
    else:
        level = modality(head) if head.i != tok.i else "asserted"
    if level is None:
        return None
    via = head.head if tok.dep_ == "pobj" else head  # "agreed on a meeting": agreed
    if (
        level == "asserted"
        and verb is not None
        and via.i == verb.i
        and tok.dep_ in ("dobj", "nsubjpass", "pobj")
        and verb.lemma_.lower() in f.modality_heads
    ):  # "X is considering sanctions on Y", "X proposed talks with Y", "agreed to a meeting"
        level = f.modality_heads[verb.lemma_.lower()]
    purpose = f.purpose_preps.get(head.lower_) if tok.dep_ == "pobj" else None
    if purpose and level == "asserted":  # "travelled to X for talks with Y"
        level = purpose
    if tok.dep_ in ("dobj", "nsubjpass") and phrasal_lemma(head) in f.cancel_verbs:
        return "negated"  # "the visit was postponed", "cancelled the trip"
    if _ahead(tok):  # "has no plans to reopen it before a meeting with Y": the meeting is ahead
        return "planned"
    if level == "asserted" and _planned_itself(tok):
        level = "planned"
    return level


def _ahead(tok) -> bool:
    """An event after "before", "ahead of", "prior to" (data: frames.yaml future_preps), unless
    the noun itself places it in the past ("last month", "which ended on Saturday")."""
    if tok.dep_ != "pobj":
        return False
    f = frames()
    prep = tok.head
    if not (
        prep.lower_ in f.future_preps
        or (prep.head.i != prep.i and prep.head.lower_ in f.future_preps)
    ):
        return False
    return not any(
        t.lower_ in f.past_words or (t.dep_ == "relcl" and t.tag_ == "VBD") for t in tok.subtree
    )


def _planned_itself(tok) -> bool:
    """ "the proposed visit", "next month's summit", "next year's meeting" (data: frames.yaml
    planned_modifiers)."""
    words = frames().planned_modifiers
    for child in tok.children:
        if child.dep_ == "amod" and child.lower_ in words:
            return True
        if child.dep_ == "poss" and any(
            g.dep_ == "amod" and g.lower_ in words for g in child.children
        ):
            return True
    return False


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
    return [Clause.from_data(d) for d in data]
