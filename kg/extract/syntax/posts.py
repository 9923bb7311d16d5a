"""Posts: how firmly a clause gives someone a title ("was not appointed ambassador",
"will serve as minister", "turned down the post of"), and whether it says the post was left
("resigned as foreign minister"). Data: data/patterns/frames.yaml post_verbs, lexicon
appointment_verbs.
"""

from __future__ import annotations

from kg.extract.lexicon import frames, lexicon
from kg.extract.syntax.events import governing_verb
from kg.extract.syntax.modality import modality, verb_in
from kg.extract.syntax.tree import tree

AHEAD = ("planned", "possible", "considered", "offered")


def post_modality(title) -> tuple[str | None, str | None]:
    """How firmly the clause that gives someone a title states that they hold it, and
    whether it says the post was left ("former"): the title as what a verb names someone
    ("was not appointed ambassador": negated), its "as" complement ("did not appoint X as
    ambassador": negated; "resigned as foreign minister", "was sacked as": former) or the
    role noun's "of" ("turned down the post of foreign minister": refused). Only a verb that
    gives, holds or takes over a post (post_verbs `held`, lexicon appointment_verbs,
    succession_verbs: "will replace Y as X" is planned) passes its modality; a leaving or
    refusing verb counts only when it happened ("refused to resign as X": X is held now).
    Data: frames.yaml post_verbs. None when the post is only asked for."""
    verb = title.head if title.dep_ in ("oprd", "attr", "xcomp") else governing_verb(title)
    if verb is None or verb.pos_ not in ("VERB", "AUX"):
        return "asserted", None
    level = modality(verb)
    posts = frames().post_verbs
    if verb_in(verb, posts.get("refused", frozenset())):  # "did not turn down": held
        return ("refused", None) if level == "asserted" else ("asserted", None)
    if verb_in(verb, posts.get("former", frozenset())):  # "refused to resign as": held now
        return ("asserted", "former") if level == "asserted" else ("asserted", None)
    if verb_in(verb, posts.get("kept", frozenset())):  # "will remain X": held now
        return ("asserted" if level in AHEAD else level), None
    if verb_in(verb, posts.get("taken", frozenset())) and any(
        c.dep_ == "dobj" and c.lemma_.lower() in frames().post_objects for c in verb.children
    ):
        return level, None  # "declined to take the post of X"; not "will take questions as X"
    gives = posts.get("held", frozenset()) | lexicon().appointment_verbs
    if verb_in(verb, gives | lexicon().succession_verbs):
        return level, None  # "was not appointed X", "will serve as X", "will replace Y as X"
    return "asserted", None  # "travelled to Y as X": the trip says nothing of the post


def term_ended(title) -> bool:
    """A post held over a term that ended: a preposition of lexicon term_end_preps before a
    date, on the title's phrase or on the verb that gives it ("was foreign minister until
    2019", "served as X from 2015 to 2019", "X, minister between 2015 and 2019,"), in a
    clause that is not ahead ("will serve until 2030" is no former post)."""
    doc = title.doc
    t = tree(doc)
    ends = t.done.get("term_ends")
    if ends is None:  # the Doc's term-end prepositions with a date: mostly none
        preps = lexicon().term_end_preps
        dep, kids = t.dep, t.kids
        ends = t.done["term_ends"] = [
            j
            for j, low in enumerate(t.lower)
            if low in preps
            and dep[j] == "prep"
            and any(dep[o] == "pobj" and doc[o].ent_type_ == "DATE" for o in kids[j])
        ]
    if not ends:
        return False
    verb = title.head if title.dep_ in ("oprd", "attr", "xcomp") else governing_verb(title)
    holders = {title.i}  # the title's phrase, and the verb's prepositional phrases
    if verb is not None and verb.pos_ in ("VERB", "AUX"):
        if modality(verb) != "asserted" or verb.tag_ in ("VB", "VBZ", "VBP"):
            return False  # "will serve until 2030", "is minister until May"
        holders.update(c for c in t.kids[verb.i] if t.dep[c] == "prep")
    return any(_within(t.head, j, holders) for j in ends)


def _within(head: list[int], i: int, tops: set[int]) -> bool:
    """Whether token `i` is one of `tops` or under one of them (in its subtree)."""
    while i not in tops:
        if head[i] == i:
            return False
        i = head[i]
    return True
