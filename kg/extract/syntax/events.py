"""Event nouns: how firmly a noun that names an event is stated ("will meet X on the
sidelines of the summit", "ahead of the summit", "the proposed visit", "is considering
sanctions"), and plans a sentence calls off ("the visit was postponed", "will no longer make
the trip"). The verb chain's own modality is kg/extract/syntax/modality.py. The words are
data: data/patterns/frames.yaml (cancel_verbs, light_verbs, future_preps, past_words,
planned_modifiers, purpose_preps, occurrence_verbs, ending_verbs, ended_nouns, ...).
"""

from __future__ import annotations

from functools import cache

from kg.extract.lexicon import frames
from kg.extract.syntax.arguments import child_deps, phrasal_lemma, subjects
from kg.extract.syntax.modality import (
    asked,
    future_date,
    modality,
    negates_a_plan,
    verb_in,
    weighed_level,
)


@cache
def _cancel_heads() -> frozenset[str]:
    """The verbs that may call a plan off, without their particles, and the light verbs."""
    f = frames()
    return frozenset(v.split()[0] for v in f.cancel_verbs) | f.light_verbs


def cancelled(tok, nouns: frozenset[str]) -> str | None:
    """A plan its sentence calls off, and what that makes of it: "X, who had been due to
    travel to Y, will no longer make the trip", "X was to visit Y, but the visit was
    postponed": negated; "..., may postpone the trip": possible (`_called_off`); None when
    nothing calls it off. One of `nouns` (the event nouns of the same relation) is the
    object of a verb that calls it off (data: frames.yaml cancel_verbs) or of a negated light
    verb ("will not make the trip")."""
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
        cancels = lemma in f.cancel_verbs
        if not (cancels or (lemma in f.light_verbs and negated)):
            continue
        if any(
            o.lemma_.lower() in nouns and not _another_plan(o, tok)
            for o in child_deps(word, "dobj", "nsubjpass")
        ):
            if not cancels:
                return "negated"  # "will no longer make the trip": the negation calls it off
            level = modality(word)
            return None if level is None else _called_off(level)
    return None


def _called_off(level: str) -> str:
    """What calling a plan off makes of it, read from the calling-off verb's own modality:
    done or announced ("was cancelled", "will be postponed"), the plan is negated; only
    possible or weighed ("may postpone the trip"), so is the plan; not done ("was not
    cancelled"), the plan stands."""
    if level in ("asserted", "planned"):
        return "negated"
    if level in ("negated", "refused"):
        return "planned"
    return level


def _another_plan(noun, verb) -> bool:
    """ "will travel to Lima, although her visit to Quito was cancelled": the called-off noun
    names a destination of its own that the verb does not, so it is another plan."""
    own = {o.lower_ for p in child_deps(noun, "prep") for o in child_deps(p, "pobj")}
    if not own:
        return False  # "the trip", "the visit": the plan before it
    ours = {
        t.lower_ for p in child_deps(verb, "prep") for o in child_deps(p, "pobj") for t in o.subtree
    }
    return not own & ours


def governing_verb(tok):
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


def noun_modality(tok) -> str | None:
    """How firmly an event noun is stated: as its verb states it, or as the verb's object
    ("is considering sanctions", "agreed on a meeting"), or as a purpose ("travelled to X
    for talks"); planned when the noun is ahead of the clause ("ahead of the summit",
    "before a meeting with Y") or says so itself ("the proposed visit", "next month's
    summit"). A question states nothing, but the event a definite noun names in it is taken
    as given ("Will the talks between X and Y be part of it?": the talks). Data: frames.yaml
    modality_heads, purpose_preps, future_preps, planned_modifiers."""
    f = frames()
    if asked(tok):  # its sentence is a question (answered once per sentence)
        if not any(c.dep_ == "poss" or c.lower_ == "the" for c in tok.children):
            return None
        if tok.dep_ in ("nsubj", "nsubjpass") and _occurs(tok.head, f.occurrence_verbs):
            return None  # "Will the talks take place?": whether they happen is the question
        return "planned" if _ahead(tok) or _planned_itself(tok) else "asserted"
    head = tok.head
    denied = _denied_report_of(tok)
    if denied is not None:  # "denied reports of a Norlandic offer of troops"
        own = modality(denied)
        if own == "asserted":
            return "negated"
        # not denied, the report stands; only weighed or planned, nothing is stated
        return "asserted" if own in ("negated", "refused") else None
    verb = governing_verb(tok)
    if verb is not None:
        level = modality(verb)
    else:
        level = modality(head) if head.i != tok.i else "asserted"
    if level is None:
        return None
    if (
        _argument_of(tok, head)
        and tok.lemma_.lower() in f.ended_nouns
        and verb_in(head, f.ending_verbs)
    ):  # "ended its support for X", "its deployment ended": negated; "did not end": it goes on
        return "negated" if level == "asserted" else "asserted"
    if (
        _argument_of(tok, head)
        and tok.lemma_.lower() in f.ended_nouns
        and verb_in(head, f.amount_verbs)
    ):  # "will not increase its contribution to X": what is not increased goes on
        return "asserted" if level in ("negated", "refused") else level
    via = head.head if tok.dep_ == "pobj" else head  # "agreed on a meeting": agreed
    if (
        level == "asserted"
        and verb is not None
        and via.i == verb.i
        and tok.dep_ in ("dobj", "nsubjpass", "pobj")
        and verb.lemma_.lower() in f.modality_heads
        and not _someone_elses(tok, verb)
    ):  # "X is considering sanctions on Y", "X proposed talks with Y", "agreed to a meeting"
        level = f.modality_heads[verb.lemma_.lower()]
    purpose = f.purpose_preps.get(head.lower_) if tok.dep_ == "pobj" else None
    if purpose and level == "asserted":  # "travelled to X for talks with Y"
        level = purpose
    if _argument_of(tok, head) and phrasal_lemma(head) in f.cancel_verbs:
        # "cancelled the trip", "the visit will be postponed": negated; "may postpone the
        # trip": possible; "the summit was not cancelled": still planned
        return _called_off(level)
    if _ahead(tok):  # "has no plans to reopen it before a meeting with Y": the meeting is ahead
        return "planned"
    if level == "asserted" and _planned_itself(tok):
        level = "planned"
    return level


def _denied_report_of(noun):
    """The verb that denies a report of the noun ("denied reports of a Norlandic offer":
    frames.yaml `report_nouns`, `denial_verbs`), or None."""
    f = frames()
    prep = noun.head
    report = prep.head
    if noun.dep_ != "pobj" or prep.lower_ != "of" or report.lemma_.lower() not in f.report_nouns:
        return None
    verb = report.head
    if report.dep_ not in ("dobj", "nsubjpass") or not verb_in(verb, f.denial_verbs):
        return None
    return verb


def _someone_elses(noun, verb) -> bool:
    """A noun a name possesses that is not the verb's subject: "Y rejected X's offer of
    troops" (the offer is X's, as made; the rejection is Y's)."""
    mine = {t.lower_ for s in subjects(verb) for t in s.subtree}
    return any(
        p.pos_ in ("PROPN", "NOUN") and p.lower_ not in mine for p in child_deps(noun, "poss")
    )


def _argument_of(noun, verb) -> bool:
    """The noun is what the verb acts on: its object, its passive subject, or the subject
    of a verb with no object ("the deployment ended", "the talks were postponed")."""
    if verb.pos_ != "VERB" or noun.head.i != verb.i:
        return False
    if noun.dep_ in ("dobj", "nsubjpass"):
        return True
    return noun.dep_ == "nsubj" and not any(c.dep_ == "dobj" for c in verb.children)


def event_modality(tok) -> str | None:
    """How firmly an event noun's own attributes are stated (its place: "the summit in
    Velmar"): as the noun is when its verb makes the event happen or calls it off (frames.yaml
    staging_verbs, light_verbs, cancel_verbs: "may host the summit in Velmar": possible); else
    the event is given whatever is done with it ("will not attend the summit in Velmar",
    "refused to chair it", "may attend it"): planned when the clause is ahead (a plan, an
    offer, a plan negated, a proposal) or the noun says so, else asserted."""
    level = noun_modality(tok)
    if level in (None, "asserted", "planned"):
        return level
    verb = governing_verb(tok)
    if verb is None or _stages(verb):
        return level
    ahead = (
        level in ("possible", "considered", "offered")
        or negates_a_plan(verb)
        or frames().modality_heads.get(verb.lemma_.lower()) in _AHEAD
    )  # "proposed a meeting in Velmar" (whoever refuses it)
    return "planned" if ahead or _ahead(tok) or _planned_itself(tok) else "asserted"


_AHEAD = ("planned", "considered", "offered", "possible")


def thing_modality(tok) -> str | None:
    """How firmly the attributes of a force or a body a common noun describes are stated (its
    place: "a joint mission in X"): as the verb whose object it is holds it when that verb
    only weighs, plans, proposes or offers it (modality.weighed_level: "is considering a
    joint mission in X": considered); a named force, one a clause states or acts on ("was
    named to lead the mission in X"), or one after a preposition ("will send troops to the
    mission in X") is there: its clause's modality."""
    own = modality(tok)
    if own != "asserted":
        return own
    return weighed_level(tok) or own


def _stages(verb) -> bool:
    """A verb that makes an event happen or calls it off ("hold", "host", "cancel")."""
    f = frames()
    lemma = phrasal_lemma(verb)
    return (
        lemma in f.staging_verbs
        or lemma in f.light_verbs
        or lemma in f.cancel_verbs
        or verb.lemma_.lower() in f.staging_verbs | f.light_verbs
    )


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
    planned_modifiers), "an exercise that starts next week", "the summit, which opens on
    Monday" (a relative clause in the present with a date ahead: modality.future_date)."""
    words = frames().planned_modifiers
    for child in tok.children:
        if child.dep_ == "amod" and child.lower_ in words:
            return True
        if child.dep_ == "relcl" and future_date(child):
            return True
        if child.dep_ == "poss" and any(
            g.dep_ == "amod" and g.lower_ in words for g in child.children
        ):
            return True
    return False
