"""Modality: how firmly a clause states what it says.

Folded from the verb chain above a verb (auxiliaries, negation, control and raising verbs:
"is expected to visit" -> planned, "declined to send" -> refused, "would not meet" ->
negated), from intention nouns ("has no plans to"), from a date ahead ("arrives next week"),
and for an event noun from the verb it hangs on ("will meet X on the sidelines of the
summit"), the words before it ("ahead of the summit") or its own modifiers ("the proposed
visit"). A question, or a clause under a verb that only asks for it ("urged X to send"),
states nothing: None. Plans the sentence calls off are negated. The words are data:
data/patterns/frames.yaml (modal_aux, modality_heads, modality_nouns, blocking_heads,
infinitive_heads, cancel_verbs, future_preps, planned_modifiers, ...).
"""

from __future__ import annotations

from functools import cache

from kg.extract.lexicon import frames, lexicon
from kg.extract.syntax.arguments import _children, _duty, has_to, phrasal_lemma


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


def limits_an_offer(verb) -> bool:
    """ "X is willing to take part but will not disarm Y", "was open to talks but would not
    accept Z": a plan negated after "but" (frames.yaml limit_marks) beside a clause that
    offers (its verb or complement a modality head of `offered`: willing, ready, open) sets
    a limit to the offer: it is refused, not only negated."""
    head = verb.head
    if verb.dep_ != "conj" or head.i == verb.i:
        return False
    f = frames()
    if not any(c.dep_ == "cc" and c.lower_ in f.limit_marks for c in head.children):
        return False
    return any(
        f.modality_heads.get(w.lemma_.lower()) == "offered"
        for w in (head, *_children(head, "acomp", "xcomp"))
    )


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
        if word.dep_ == "ccomp" and _asks(word) and not _weighs(word.head):
            return None  # "did not say whether X would join": asked, not stated
        lemma = word.lemma_.lower()
        if beside:  # "denied that A sent troops and that B sent ships": on to "denied"
            beside = sibling = infinitive = False
            if word.dep_ in _SHARED_HEAD_DEPS:
                continue
            break
        above = word.i != tok.i and not sibling
        if above and _denied_report(word):
            found.add("negated")  # "rejected reports that he would succeed X"
            break
        if word.i != tok.i and lemma in lexicon().reporting_verbs:
            break
        if above and lemma in f.blocking_heads:  # not "called the plan a threat and urged"
            return None
        if above and lemma in f.modality_heads and word.pos_ in ("VERB", "AUX", "ADJ"):
            found.add(f.modality_heads[lemma])
        if above and infinitive and lemma in f.infinitive_heads and word.pos_ in ("VERB", "AUX"):
            found.add(f.infinitive_heads[lemma])
        if above and infinitive and _pending(word):
            found.add("negated")  # "has yet to send troops": not (yet) done
        if above and word.pos_ == "VERB" and _verb_in(word, f.ending_verbs):
            found.add("negated")  # "stopped sending troops": no longer
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
    if _headline_infinitive(tok):  # "Norland to send troops": "is to", planned
        found.add("planned")
    if _future_date(tok):  # "I go to Seoul next week": planned
        found.add("planned")
    if tok.pos_ in ("VERB", "AUX") and _denied_by_its_arguments(tok):
        negated = True
    return found, negated


def _headline_infinitive(verb) -> bool:
    """A to-infinitive that is its sentence's root and has a subject of its own: the
    headline form of "is to" ("Norland to send troops to the force", "X to host next
    summit"; GOLD.md: "is to" is planned)."""
    return (
        verb.dep_ == "ROOT"
        and verb.pos_ == "VERB"
        and has_to(verb)
        and any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children)
    )


def _verb_in(verb, lemmas: frozenset[str]) -> bool:
    """Whether a verb, with its particle if it has one ("pull out", "turn down", "stepped
    down" parsed with an adverb), is one of `lemmas`: "ended up" is not "end"."""
    if phrasal_lemma(verb) in lemmas:
        return True
    lemma = verb.lemma_.lower()
    return any(
        f"{lemma} {c.lower_}" in lemmas
        for c in verb.children
        if c.dep_ == "advmod" and c.i == verb.i + 1
    )


def _pending(verb) -> bool:
    """ "has yet to", "is yet to" (frames.yaml pending_adverbs): the infinitive under the verb
    has not happened."""
    words = frames().pending_adverbs
    return any(c.dep_ == "advmod" and c.lower_ in words for c in verb.children)


def _denied_report(noun) -> bool:
    """A report noun whose clause is denied: "rejected reports that ...", "dismissed claims
    that ..." (frames.yaml report_nouns, denial_verbs)."""
    f = frames()
    return (
        noun.pos_ == "NOUN"
        and noun.lemma_.lower() in f.report_nouns
        and noun.dep_ in ("dobj", "nsubjpass")
        and noun.head.pos_ == "VERB"
        and _verb_in(noun.head, f.denial_verbs)
    )


def post_modality(title) -> tuple[str | None, str | None]:
    """How firmly the clause that gives someone a title states that they hold it, and
    whether it says the post was left ("former"): the title as what a verb names someone
    ("was not appointed ambassador": negated), its "as" complement ("did not appoint X as
    ambassador": negated; "resigned as foreign minister", "was sacked as": former) or the
    role noun's "of" ("turned down the post of foreign minister": refused). Data:
    frames.yaml post_verbs. None when the clause only asks for it."""
    verb = title.head if title.dep_ in ("oprd", "attr", "xcomp") else _governing_verb(title)
    if verb is None or verb.pos_ not in ("VERB", "AUX"):
        return "asserted", None
    level = modality(verb)
    if level is None:
        return None, None
    posts = frames().post_verbs
    if _verb_in(verb, posts.get("refused", frozenset())):
        return "refused", None
    if _verb_in(verb, posts.get("former", frozenset())):
        return level, "former"
    return level, None


def _denied_by_its_arguments(verb) -> bool:
    """A clause its own arguments deny: a negator (frames.yaml `negators`) determining the
    object ("X sent no troops") or the subject ("Neither X nor Y sent troops", "neither
    side sent troops")."""
    negators = frames().negators
    for arg in verb.children:
        if arg.dep_ not in ("dobj", "nsubj", "nsubjpass"):
            continue
        if any(c.dep_ in ("det", "preconj") and c.lower_ in negators for c in arg.children):
            return True
    return False


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


def _weighs(verb) -> bool:
    """A verb of weighing ("is considering whether it will send troops"; frames.yaml
    modality_heads with `considered`): the question it weighs is a considered plan."""
    return frames().modality_heads.get(verb.lemma_.lower()) == "considered"


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


def _occurs(verb, verbs: frozenset[str]) -> bool:
    """A verb that says an event happens ("take place", "go ahead", "be on")."""
    lemma = verb.lemma_.lower()
    if phrasal_lemma(verb) in verbs or lemma in verbs:
        return True
    return any(f"{lemma} {c.lower_}" in verbs for c in verb.children if c.i > verb.i)


def _noun_modality(tok) -> str | None:
    """How firmly an event noun is stated: as its verb states it, or as the verb's object
    ("is considering sanctions", "agreed on a meeting"), or as a purpose ("travelled to X
    for talks"); planned when the noun is ahead of the clause ("ahead of the summit",
    "before a meeting with Y") or says so itself ("the proposed visit", "next month's
    summit"). A question states nothing, but the event a definite noun names in it is taken
    as given ("Will the talks between X and Y be part of it?": the talks). Data: frames.yaml
    modality_heads, purpose_preps, future_preps, planned_modifiers."""
    f = frames()
    if is_question(tok.sent):
        if not any(c.dep_ == "poss" or c.lower_ == "the" for c in tok.children):
            return None
        if tok.dep_ in ("nsubj", "nsubjpass") and _occurs(tok.head, f.occurrence_verbs):
            return None  # "Will the talks take place?": whether they happen is the question
        return "planned" if _ahead(tok) or _planned_itself(tok) else "asserted"
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
    if (
        tok.dep_ in ("dobj", "nsubjpass")
        and head.pos_ == "VERB"
        and tok.lemma_.lower() in f.ended_nouns
        and _verb_in(head, f.ending_verbs)
    ):
        return "negated"  # "ended its support for X", "suspended its contribution"
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
