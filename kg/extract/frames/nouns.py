"""The noun side of the frames: who does what an event noun says ("X's trip", "talks held
by X") and who takes part in the event a noun names ("X will hold the drills")."""

from __future__ import annotations

from kg.extract.lexicon import frames, lexicon
from kg.extract.syntax.arguments import (
    child_deps,
    is_passive,
    phrasal_lemma,
    prep_objects,
    subjects,
)
from kg.extract.syntax.modality import verb_in


def noun_subjects(tok, own: bool = False) -> list:
    """Who does what an event noun says: its possessor ("X's trip"), its "by" phrase ("a
    proposal by X"), the subject of a copula or a light verb ("X held talks"), the noun it
    is in apposition to, or the subject of the verb it is an argument of ("X travelled to
    Y for talks with Z"). `own`: only who the noun phrase itself names (possessor, "by"
    phrase, naming modifier): who considers or backs "a proposal for X" made none."""
    f = frames()
    poss = child_deps(tok, "poss")
    if poss:
        return poss
    by = prep_objects(tok, "by")
    if by:
        return by
    nouns = lexicon().contribution_nouns
    owners = [  # "the deployment of our company to X", "of Ruritanian troops": their owner
        o
        for given in prep_objects(tok, "of")
        if given.lemma_.lower() in nouns or given.lower_ in nouns
        for o in given.children
        if o.dep_ in ("poss", "amod", "compound") and o.pos_ in ("PRON", "PROPN", "ADJ")
    ]
    if owners:
        return owners
    named = [c for c in tok.children if c.dep_ in ("compound", "amod", "nmod") and c.i < tok.i]
    named = [c for c in named if c.ent_type_ in f.naming_entity_types]
    if named:  # "EU sanctions on X", "a Danish proposal"
        return named
    if own:  # "X put forward a proposal for Y", "came out with an initiative to ...": X
        return _maker(tok)
    tok = _through_event_frames(tok)  # "after two days of talks": as "after talks"
    head = tok.head
    if tok.dep_ == "attr" and head.lemma_.lower() in lexicon().copular_verbs:
        return subjects(head)
    if tok.dep_ == "appos":
        return [head]
    if tok.dep_ in ("dobj", "attr", "nsubjpass") and (
        head.lemma_.lower() in f.light_verbs
        or (head.lemma_.lower() in f.modality_heads and head.pos_ == "VERB")
        or (head.pos_ == "VERB" and verb_in(head, f.ending_verbs))
    ):  # "X held talks", "X is considering sanctions on Y", "X suspended the deployment"
        return subjects(head)
    if tok.dep_ == "pobj" and head.dep_ == "prep" and head.head.pos_ in ("VERB", "AUX"):
        verb = head.head
        lex = lexicon()
        appointed = child_deps(verb, "dobj")
        if (
            appointed
            and verb.lemma_.lower() in lex.appointment_verbs
            and any(
                c.dep_ == "oprd" or (c.dep_ == "prep" and c.lower_ in lex.role_prepositions)
                for c in verb.children
            )
        ):  # "named X as commander, in replacement of Y": the one appointed to a post
            return appointed
        # "X is expected in Lima for talks with Y": the raised subject of the passive
        return subjects(verb) or (child_deps(verb, "nsubjpass") if is_passive(verb) else [])
    return []


def _through_event_frames(tok):
    """An event noun inside a span or a part of itself ("after two days of talks", "at the
    end of the fifth round of talks"; frames.yaml `event_frames`): the noun of that phrase,
    as the verb's argument; the phrase may also be the verb's object ("X held a second
    round of talks with Y", "A and B ended two days of talks")."""
    words = frames().event_frames
    while (
        tok.dep_ == "pobj"
        and tok.head.lower_ == "of"
        and tok.head.head.lemma_.lower() in words
        and tok.head.head.dep_ in ("pobj", "dobj", "nsubjpass")
    ):
        tok = tok.head.head
    return tok


def participants(tok) -> tuple[object, list, list]:
    """Who takes part in the event a noun names (data: frames.yaml `participation`): the
    verb of taking part whose object it is, with its subjects ("X will hold the drills", "X
    took part in Exercise Y"), and the others: its possessor ("their first joint exercise"),
    the objects of its prepositions ("an exercise with X and Y") and of its participles
    ("drills involving X"). (verb or None, the verb's subjects, the others)."""
    rule = frames().participation
    noun = tok.head if tok.dep_ == "compound" and tok.head.pos_ in ("NOUN", "PROPN") else tok
    others = child_deps(noun, "poss")
    verb = None
    if noun.dep_ in ("dobj", "nsubjpass"):
        verb = noun.head
    elif noun.dep_ == "pobj" and noun.head.lower_ in rule["verb_preps"]:
        verb = noun.head.head
        if verb.pos_ == "NOUN" and verb.dep_ == "dobj":  # "take part in"
            verb = verb.head
    if verb is not None and not (
        verb.lemma_.lower() in rule["verbs"] or phrasal_lemma(verb) in rule["verbs"]
    ):
        verb = None
    others += [o for p in rule["preps"] for o in prep_objects(noun, p)]
    for acl in child_deps(noun, "acl"):
        if acl.lemma_.lower() in rule["participles"]:
            others += child_deps(acl, "dobj")
    return verb, (subjects(verb) if verb is not None else []), others


def in_place(tok) -> bool:
    """A noun after a preposition of place (lexicon.yaml place_prepositions)."""
    return tok.dep_ == "pobj" and tok.head.lower_ in lexicon().place_prepositions


def _maker(noun) -> list:
    """Who makes a proposal besides its possessor and "by" phrase: the object of one of
    frames.yaml `maker_preps` ("a proposal from Norland"), or the subject of a verb of
    `maker_verbs` that acts on it ("put forward a proposal", "came out with a plan": an
    entry that ends in a preposition takes the noun as its object); no one for other verbs
    ("is considering a proposal", "welcomed the plan")."""
    f = frames()
    named = [o for p in f.maker_preps for o in prep_objects(noun, p)]
    if named:  # "a proposal from Norland to ..."
        return named
    makers = f.maker_verbs
    verb = noun.head
    if noun.dep_ == "pobj" and verb.dep_ == "prep":
        verb = verb.head
        if f"{phrasal_lemma(verb)} {noun.head.lower_}" in makers:
            return subjects(verb)
    elif noun.dep_ == "dobj" and (verb.lemma_.lower() in makers or phrasal_lemma(verb) in makers):
        return subjects(verb)
    return _made_by(noun, verb, makers)


def by_maker_verb(noun) -> bool:
    """Whether the noun is what a verb of frames.yaml `maker_verbs` acts on ("put forward a
    proposal", "came out with an initiative"): the verb's own modality is the proposal's
    ("refused to make a proposal": none made)."""
    makers = frames().maker_verbs
    verb = noun.head
    if noun.dep_ == "pobj" and verb.dep_ == "prep":
        return f"{phrasal_lemma(verb.head)} {verb.lower_}" in makers
    return noun.dep_ == "dobj" and (verb.lemma_.lower() in makers or phrasal_lemma(verb) in makers)


def _made_by(noun, verb, makers) -> list:
    """ "considering a proposal for X, first put forward by Norland in March": the agent of
    a participle of making after the noun, on the noun or hung by the parser on the verb
    (with no subject of its own)."""
    if noun.dep_ not in ("dobj", "pobj"):
        return []
    for clause in [*child_deps(noun, "acl"), *child_deps(verb, "advcl", "dep")]:
        if (
            clause.tag_ == "VBN"
            and clause.i > noun.i
            and _phrases(clause) & makers
            and not child_deps(clause, "nsubj", "nsubjpass")
        ):
            return [o for agent in child_deps(clause, "agent") for o in child_deps(agent, "pobj")]
    return []


def _phrases(verb) -> set[str]:
    """The verb's lemma, alone and with each particle or adverb after it ("put forward",
    which the parser may read as an adverb in a participle)."""
    lemma = verb.lemma_.lower()
    return {lemma, phrasal_lemma(verb)} | {
        f"{lemma} {c.lower_}" for c in verb.children if c.dep_ in ("prt", "advmod") and c.i > verb.i
    }
