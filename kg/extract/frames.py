"""Meaning: clauses to relations. A frame of the lexicon (data/patterns/frames.yaml) maps a
verb or noun lemma and where its arguments are to an ontology predicate; the clause (see
kg/extract/syntax) gives the arguments and the modality, kg/extract/actors.py the entities
the arguments stand for, the speaker gives attribution."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from kg.extract.actors import actor_refs
from kg.extract.lexicon import Frame, frames, lexicon
from kg.extract.resolve import ArticleIndex, Ref, fits
from kg.extract.syntax.arguments import (
    _children,
    direct_objects,
    gives_an_order,
    has_to,
    is_passive,
    phrasal_lemma,
    prep_objects,
    subjects,
)
from kg.extract.syntax.clauses import Clause, clauses_of
from kg.extract.syntax.modality import cancelled, limits_an_offer, modality, negates_a_plan
from kg.ontology import load_ontology


@dataclass
class Candidate:
    subject: Ref
    predicate: str
    object: Ref
    block: int
    sent: object  # the spaCy Span of the sentence
    modality: str
    attributed: Ref | None
    confidence: float
    method: str
    qualifiers: tuple[str, ...] = ()


def _speaker(index: ArticleIndex, block: int, subj) -> list[Ref]:
    """The speaker a subject names; a title stands for the person in apposition to it."""
    refs = index.refs(block, subj, with_conj=False)
    if refs and refs[0].cluster.cls == "Position":
        people = [
            r
            for c in subj.children
            if c.dep_ == "appos"
            for r in index.refs(block, c, with_conj=False)
            if r.cluster.cls == "Person"
        ]
        return people
    return refs


def attribution(index: ArticleIndex, block: int, tok) -> Ref | None:
    """Who says so: 'according to X', or the subject of a reporting verb above `tok`."""
    sent = tok.sent
    start = index.offsets[block]  # the sentence's text sliced from the article, not rebuilt
    text = index.text[start + sent.start_char : start + sent.end_char]
    for word in sent if "ccording" in text else ():
        if word.lower_ == "according":
            for to in word.children:
                for pobj in _children(to, "pobj"):
                    refs = index.refs(block, pobj, with_conj=False)
                    if refs:
                        return refs[0]
    reporting = lexicon().reporting_verbs
    current = tok
    for _ in range(10):
        if current.lemma_.lower() in reporting and current.i != tok.i:
            for subj in _children(current, "nsubj"):
                refs = _speaker(index, block, subj)
                if refs:
                    return index.as_actor(refs[0])
        if current.dep_ == "ROOT":
            break
        current = current.head
    # "X declined to send warships, Y said": the reporting verb heads the sentence
    root = sent.root
    if root.lemma_.lower() in reporting and root.i != tok.i:
        for subj in _children(root, "nsubj"):
            refs = _speaker(index, block, subj)
            if refs:
                return index.as_actor(refs[0])
    return None


# -- frames ------------------------------------------------------------------------------------


def _is_contribution(tok, nouns, money: bool = True) -> bool:
    """Troops, ships, money ("£5 million", "$40 million in aid") and the like; with
    `money`, also help in kind that goes where money goes (lexicon `aid_nouns`)."""
    if tok.lemma_.lower() in nouns or tok.lower_ in nouns:
        return True
    if not money:
        return False
    aid = lexicon().aid_nouns
    return tok.ent_type_ == "MONEY" or tok.lemma_.lower() in aid or tok.lower_ in aid


def _has_contribution(verb, money: bool = True) -> bool:
    """Whether the verb (or a verb it governs) gives troops, ships, or (`money`) money."""
    nouns = lexicon().contribution_nouns
    for obj in direct_objects(verb) + _children(verb, "dobj", "attr", "npadvmod"):
        if _is_contribution(obj, nouns, money):
            return True
        if any(
            _is_contribution(c, nouns, money)
            for c in obj.children
            if c.dep_ in ("prep",)
            for c in c.children
        ):
            return True
    return any(_has_contribution(xcomp, money) for xcomp in _children(verb, "xcomp"))


def _judgement(verb) -> tuple[str | None, int]:
    """The polarity of what a verb of naming calls its object (data: frames.yaml
    `judgements`), and where that complement starts: "called the sanctions 'blackmail'"
    negative, "described the deal as a victory" positive. Only the complement's own words
    count, not those of its prepositional phrases ("a sensible step for a small country in a
    dangerous neighbourhood" is positive); None when it has no judgement word, or both,
    or a negator (frames.yaml `negators`: "as no threat", "not a betrayal but ..."). A verb
    is no complement: "called X to discuss the threat" is a purpose."""
    words: list[str] = []
    start = len(verb.doc)
    for child in verb.children:
        heads = []
        if child.dep_ in ("oprd", "acomp", "attr") or (
            child.dep_ in ("ccomp", "xcomp") and child.pos_ not in ("VERB", "AUX")
        ):
            heads = [child]
        elif child.dep_ == "prep" and child.lower_ == "as":
            heads = _children(child, "pobj")
        for head in heads:
            start = min(start, head.left_edge.i)
            words += [t.lower_ for t in head.subtree if not _in_phrase(t, head)]
    if any(w in frames().negators for w in words):
        return None, start
    text = f" {' '.join(words)} "
    found = {
        polarity
        for polarity, entries in frames().judgements.items()
        if any(f" {entry} " in text for entry in entries)
    }
    return (found.pop() if len(found) == 1 else None), start


def _in_phrase(tok, head) -> bool:
    """Whether `tok` is inside a prepositional phrase or a clause below `head` ("a way to
    end the aggression": the way is judged, not the aggression)."""
    while tok.i != head.i:
        if tok.dep_ in ("prep", "acl", "relcl", "xcomp", "ccomp", "advcl"):
            return True
        tok = tok.head
    return False


def _purpose_targets(tok) -> list:
    """ "send a frigate to observe the exercise", "soldiers to serve with the force": what
    a purpose infinitive of the verb (or of its object) acts on."""
    out = []
    for holder in [tok, *direct_objects(tok)]:
        for verb in holder.children:
            if verb.dep_ not in ("xcomp", "advcl", "relcl", "acl") or verb.pos_ != "VERB":
                continue
            if not has_to(verb):
                continue
            out += _children(verb, "dobj")
            for prep in frames().purpose_target_preps:
                out += prep_objects(verb, prep)
    return out


def _owned(index: ArticleIndex, block: int, obj, owners: set[str]) -> bool:
    """Whether the object belongs to the clause's own subject: "its own border guards",
    "their troops" (a possessor that stands for one of the subjects)."""
    if any(c.dep_ == "amod" and c.lower_ in frames().own_words for c in obj.children):
        return True
    return any(
        r.cluster.id in owners
        for poss in _children(obj, "poss")
        for r in index.refs(block, poss, with_conj=False)
    )


def _objects(
    index: ArticleIndex, block: int, tok, frame: Frame, anchor, owners: set[str] = frozenset()
) -> list[Ref]:
    """The relation's objects, found where the frame's specs say. `owners`: the subjects'
    entity ids, for a frame only about others (its objects are not the subjects' own)."""
    out: list[Ref] = []
    objects = [
        o for o in direct_objects(tok) if not (frame.others and _owned(index, block, o, owners))
    ]
    for spec in frame.objects:
        if spec == "dobj":
            for obj in objects:
                out += actor_refs(index, block, obj)
        elif spec == "dative":  # "give Peru £5 million"
            for obj in _children(tok, "dative"):
                if obj.pos_ in ("PROPN", "NOUN", "PRON"):
                    out += actor_refs(index, block, obj)
        elif spec == "purpose":
            for obj in _purpose_targets(tok):
                out += actor_refs(index, block, obj)
        elif spec == "owner":  # "provide the brigade's headquarters", "a third of its troops"
            for obj in direct_objects(tok):
                for part in [obj, *[t for t in obj.subtree if t.dep_ == "pobj"]]:
                    for poss in _children(part, "poss"):
                        out += [
                            r
                            for r in actor_refs(index, block, poss)
                            if any(fits(r.cluster.cls, c) for c in frames().owner_classes)
                        ]
        elif spec == "modifier":  # "train Ruritanian border guards": Ruritania
            for obj in objects:
                if actor_refs(index, block, obj):
                    continue  # the object itself is named ("dobj" reads it)
                for mod in _children(obj, "amod", "compound", "poss", "nmod"):
                    out += [
                        r
                        for r in index.refs(block, mod, with_conj=False)
                        if r.cluster.cls != "Position"
                    ]
        elif spec == "made":  # "agreed to set up a joint mechanism": what the verb's
            # complement creates (data: frames.yaml creation_verbs)
            for verb in _children(tok, "xcomp"):
                if verb.lemma_.lower() in frames().creation_verbs:
                    for obj in _children(verb, "dobj"):
                        out += actor_refs(index, block, obj)
        elif spec == "holder":  # "X, who is under US sanctions": who is under the noun
            prep = tok.head
            if tok.dep_ == "pobj" and prep.lower_ in frames().holder_preps:
                verb = prep.head
                if verb.lemma_.lower() in lexicon().copular_verbs:
                    for subj in subjects(verb):
                        out += actor_refs(index, block, subj)
        elif spec == "gerund":  # "supports keeping the force", "opposed extending the mandate"
            for verb in _children(tok, "xcomp", "ccomp", "dobj"):
                if verb.tag_ == "VBG":
                    for obj in _children(verb, "dobj"):
                        out += actor_refs(index, block, obj)
        elif spec.startswith("prep:"):
            prep = spec.split(":", 1)[1]
            holders = [tok, *direct_objects(tok)]
            for obj in direct_objects(tok):  # "a team of engineers to X", "$5m in aid for X"
                holders += [
                    t
                    for t in obj.subtree
                    if t.dep_ == "pobj"
                    and t.i != obj.i
                    and t.head.lower_ in frames().quantity_preps
                ]
            if tok.dep_ == "nsubj" and tok.head.lemma_.lower() in lexicon().copular_verbs:
                holders.append(tok.head)  # "the headquarters will be in Valparaiso"
            if anchor is not None:  # "hold talks on trade and the war with Peru"
                holders += [t for t in anchor.subtree if t.pos_ in ("NOUN", "PROPN")]
            if frame.subject == "self" and tok.dep_ in ("dobj", "nsubjpass"):
                holders.append(tok.head)  # "will hold the exercise in the Coral Sea"
            for holder in holders:
                for pobj in prep_objects(holder, prep):
                    out += actor_refs(index, block, pobj)
        elif spec == "beneficiary":  # "offered to share intelligence with Sweden": who
            # what the complement does is for (frames.yaml `beneficiary_preps`)
            # (`beneficiary_verbs`): the giving verb's (or its object's) prepositions, so "pledged
            # to end arms sales to X" and "promised to report to X" give X nothing
            f = frames()
            for verb in _children(tok, "xcomp"):
                if verb.lemma_.lower() not in f.beneficiary_verbs:
                    continue
                own = [verb, *_children(verb, "dobj")]  # "share intelligence with X"
                for t in (p for w in own for p in _children(w, "prep")):
                    if t.lower_ in f.beneficiary_preps:
                        for pobj in _children(t, "pobj"):
                            out += actor_refs(index, block, pobj)
        elif spec == "called":  # "called the pact a betrayal": the pact; not "it" (a
            # decision, an event: no entity a pronoun finds), nor what follows the complement
            start = _judgement(tok)[1]
            for obj in objects:
                if obj.i < start and obj.pos_ != "PRON":
                    out += actor_refs(index, block, obj)
        elif spec == "self":  # "took part in the exercise": the event the noun names
            noun = tok.head if tok.dep_ == "compound" else tok
            out += index.refs(block, noun, with_conj=False) or index.refs(block, tok)
        elif spec == "appos":  # "X's predecessor, Y"
            for obj in _children(tok, "appos"):
                out += index.refs(block, obj, with_conj=False)
        elif spec == "subject":  # "Accra will host the summit": the summit is in Accra
            for subj in subjects(tok):
                out += index.refs(block, subj)
        elif spec.startswith("topic:"):  # "voted against it", "voted in favour"
            if _names_nothing(tok, spec.split(":", 1)[1].split()):
                c = index.topic_before(block, tok, frames().topic_classes)
                if c is None or not _named_lately(index, block, tok, c):
                    return []  # not what "it" was last, nor a plan of another paragraph
                return [Ref(c, True)]
        elif (
            spec == "implicit"
            and not out
            and not _children(tok, "xcomp")  # "offered to send troops": "send" says where
            and (tok.pos_ in ("NOUN", "PROPN") or _has_contribution(tok, money=False))
        ):
            # troops or ships with no force named go to the last one; money does not
            c = index.salient_force(block, tok)
            if c is not None:
                out.append(Ref(c, True))
        if out:
            break
    return out


def _named_lately(index: ArticleIndex, block: int, tok, cluster) -> bool:
    """Whether the entity is named earlier in the token's paragraph ("The mandate passed by
    512 votes. The Greens voted against it."), not only in one before."""
    for m in reversed(index.ordered[: index.mentions_before(block, tok)]):
        if m.block != block:
            return False
        if m.cluster == cluster.id:
            return True
    return False


def _names_nothing(tok, words: list[str]) -> bool:
    """Whether the verb has the preposition `words[0]` (with its noun `words[1]`: "in
    favour") and nothing named after it: no object ("voted in favour"), or a pronoun of a
    thing ("voted against it"), which a vote has for what it is on; "voted for her" names
    her."""
    for prep in _children(tok, "prep"):
        if prep.lower_ != words[0]:
            continue
        objs = _children(prep, "pobj", "pcomp")
        if len(words) > 1:
            if not any(o.lower_ == words[1] and not _children(o, "prep") for o in objs):
                continue
            return True
        if all(o.pos_ == "PRON" and o.lower_ in lexicon().thing_pronouns for o in objs):
            return True
    return False


def principals(verb) -> list:
    """Those for whom the verb's subject acts (data: frames.yaml `principal_preps`): "the
    memorandum was signed by A and B on behalf of Norland and Velmar" -> Norland, Velmar.
    They do what the verb says as well (not with their own agents: no "each-other")."""
    return [o for prep in frames().principal_preps for o in prep_objects(verb, prep)]


@cache
def _event_nouns(predicate: str) -> frozenset[str]:
    """The nouns that state `predicate` (trip, visit for visits)."""
    return frozenset(w for fr in frames().nouns if fr.predicate == predicate for w in fr.lemmas)


def _in_place(tok) -> bool:
    """A noun after a preposition of place (lexicon.yaml place_prepositions)."""
    return tok.dep_ == "pobj" and tok.head.lower_ in lexicon().place_prepositions


def _verb_of(tok):
    """The word whose modality a frame's word takes: a verb itself, a noun its head."""
    return tok if tok.pos_ in ("VERB", "AUX") else tok.head


def _named_partner(tok, frame: Frame) -> bool:
    """The clause names an object in one of the frame's prepositions, entity or not; "each
    other", "one another" name no one else (data: frames.yaml reciprocals)."""
    preps = [s.split(":", 1)[1] for s in frame.objects if s.startswith("prep:")]
    reciprocals = frames().reciprocals
    return any(
        not ({o.lower_} | {c.lower_ for c in o.children}) & reciprocals
        for p in preps
        for o in prep_objects(tok, p)
    )


def _verb_words(clause: Clause, tok) -> frozenset[str]:
    """The words by which a frame's lemmas name the clause's verb. A phrasal verb ("rule
    out") that some frame lists is read only by those frames; others by their verb alone
    ("draw up" as "draw"). Computed once per clause, then tested against every frame."""
    if " " in clause.lemma and clause.lemma in frames().phrasal_lemmas:
        return frozenset((clause.lemma,))
    return frozenset((clause.lemma, clause.lemma.split()[0], tok.lower_))


def verb_candidates(index: ArticleIndex, block: int, doc) -> list[Candidate]:
    f = frames()
    out: list[Candidate] = []
    for clause in clauses_of(doc):
        if clause.kind != "verb":
            continue
        tok = doc[clause.head]
        words = _verb_words(clause, tok)
        for frame in f.verbs:
            if words.isdisjoint(frame.lemmas):
                continue
            anchor = None
            if frame.noun:
                anchor = next(
                    (
                        o
                        for o in direct_objects(tok) + _children(tok, "dobj")
                        if o.lemma_.lower() in frame.noun or o.lower_ in frame.noun
                    ),
                    None,
                )
                if anchor is None:
                    continue
            if frame.judgement and _judgement(tok)[0] != frame.judgement:
                continue  # "called the pact a betrayal": opposes, not supports
            if frame.needs == "contribution" and not _has_contribution(tok):
                continue
            if frame.needs == "forces" and not _has_contribution(tok, money=False):
                continue
            if frame.voice == "passive" and not clause.passive:
                continue
            if gives_an_order(tok):  # "directed X to prepare a plan" leads nothing
                continue
            subj = [doc[i] for i in clause.subjects]
            if frame.subject == "patient":
                subj = [doc[i] for i in clause.objects]
            elif "each-other" not in frame.objects:
                subj += principals(tok)  # "signed by A on behalf of Norland": Norland too
            out += _emit(index, block, tok, frame, subj, anchor, clause.modality)
        out += carried_candidates(index, block, tok, clause)
    return out


def _continued_objects(tok, clause: Clause, rule: dict) -> list:
    """The tokens a clause adds to a relation stated before: "The measures target X"
    (a verb of `verbs` whose subject is one of `nouns`), "X and Y were also listed" (a
    passive of `passive` without an agent), "Also on the list are X", "the most senior
    person targeted is X" (a copula with `on`/`among` one of `nouns`, or with a side that
    a participle of `passive` describes)."""
    doc = tok.doc
    nouns, lemma = rule["nouns"], tok.lemma_.lower()
    if not clause.passive and lemma in rule["verbs"]:
        if any(doc[i].lemma_.lower() in nouns for i in clause.subjects):
            return [doc[i] for i in clause.objects]
        return []
    if clause.passive and lemma in rule["passive"] and tok.dep_ not in ("acl", "amod"):
        if not _children(tok, "agent"):
            return [doc[i] for i in clause.objects]
        return []
    if lemma != "be":
        return []
    sides = _children(tok, "nsubj", "attr")
    if len(sides) != 2 and not (
        len(sides) == 1 and any(p.lower_ in rule["be_preps"] for p in _children(tok, "prep"))
    ):
        return []
    for prep in _children(tok, "prep"):
        if prep.lower_ in rule["be_preps"] and any(
            o.lemma_.lower() in nouns for o in _children(prep, "pobj")
        ):
            return sides

    def described(side) -> bool:
        return any(
            t.lemma_.lower() in rule["passive"] and t.tag_ == "VBN" and t.i != side.i
            for t in side.subtree
        )

    if len(sides) == 2:
        for a, b in (sides, sides[::-1]):
            if described(a) and not described(b):
                return [b]
    return []


def carried_candidates(index: ArticleIndex, block: int, tok, clause: Clause) -> list[Candidate]:
    """Relations a clause continues (data: frames.yaml `carried`): the subject is the
    subject of the last clause of that predicate, at most `window` sentences before."""
    out: list[Candidate] = []
    if clause.modality is None:
        return out
    for predicate, rule in frames().carried.items():
        last = index.carry.get(predicate)
        if last is None:
            continue
        here = index.sentence_number(index.pos(block, tok))
        if not 0 <= here - last[0] <= rule["window"]:
            continue
        found = _continued_objects(tok, clause, rule)
        objects_ = []
        for obj in found:
            for r in actor_refs(index, block, obj):
                if all(r.cluster.id != o.cluster.id for o in objects_):
                    objects_.append(r)
        said = attribution(index, block, tok) if objects_ else None
        for s in last[1]:
            for o in objects_:
                out.append(
                    Candidate(
                        subject=s,
                        predicate=predicate,
                        object=o,
                        block=block,
                        sent=tok.sent,
                        modality=clause.modality,
                        attributed=said,
                        confidence=rule["confidence"],
                        method=f"carried:{predicate}",
                    )
                )
    return out


def noun_subjects(tok) -> list:
    """Who does what an event noun says: its possessor ("X's trip"), its "by" phrase ("a
    proposal by X"), the subject of a copula or a light verb ("X held talks"), the noun it
    is in apposition to, or the subject of the verb it is an argument of ("X travelled to
    Y for talks with Z")."""
    f = frames()
    poss = _children(tok, "poss")
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
    head = tok.head
    if tok.dep_ == "attr" and head.lemma_.lower() in lexicon().copular_verbs:
        return subjects(head)
    if tok.dep_ == "appos":
        return [head]
    if tok.dep_ in ("dobj", "attr", "nsubjpass") and (
        head.lemma_.lower() in f.light_verbs
        or (head.lemma_.lower() in f.modality_heads and head.pos_ == "VERB")
    ):  # "X held talks", "X is considering sanctions on Y"
        return subjects(head)
    if tok.dep_ == "pobj" and head.dep_ == "prep" and head.head.pos_ in ("VERB", "AUX"):
        verb = head.head
        # "X is expected in Lima for talks with Y": the raised subject of the passive
        return subjects(verb) or (_children(verb, "nsubjpass") if is_passive(verb) else [])
    return []


def participants(tok) -> tuple[object, list, list]:
    """Who takes part in the event a noun names (data: frames.yaml `participation`): the
    verb of taking part whose object it is, with its subjects ("X will hold the drills", "X
    took part in Exercise Y"), and the others: its possessor ("their first joint exercise"),
    the objects of its prepositions ("an exercise with X and Y") and of its participles
    ("drills involving X"). (verb or None, the verb's subjects, the others)."""
    rule = frames().participation
    noun = tok.head if tok.dep_ == "compound" and tok.head.pos_ in ("NOUN", "PROPN") else tok
    others = _children(noun, "poss")
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
    for acl in _children(noun, "acl"):
        if acl.lemma_.lower() in rule["participles"]:
            others += _children(acl, "dobj")
    return verb, (subjects(verb) if verb is not None else []), others


def noun_candidates(index: ArticleIndex, block: int, doc) -> list[Candidate]:
    f = frames()
    out: list[Candidate] = []
    for clause in clauses_of(doc):
        if clause.kind != "noun":
            continue
        tok = doc[clause.head]
        for frame in f.nouns:
            if clause.lemma not in frame.lemmas and tok.lower_ not in frame.lemmas:
                continue
            if frame.not_in_place and _in_place(tok):
                continue  # "told reporters in the northern part of the city"
            level = clause.modality
            # the event itself, or talks between others: planned when one party offers it
            event_level = f.event_levels.get(level, level) if level else level
            if frame.subject == "participants":
                # who takes part as the verb of taking part says it: "declined to join the
                # exercise" is no part in it; the others as the noun is stated
                verb, takers, subj = participants(tok)
                if verb is not None and takers:
                    out += _emit(index, block, tok, frame, takers, None, modality(verb))
            else:
                subj = [tok] if frame.subject == "self" else noun_subjects(tok)
            own = event_level if frame.subject == "self" else level
            out += _emit(index, block, tok, frame, subj, None, own)
            if frame.predicate in load_ontology().symmetric:
                out += _between(index, block, tok, frame, event_level)
    return out


def _emit_pairs(
    index: ArticleIndex,
    block: int,
    tok,
    frame: Frame,
    level: str,
    a: Ref,
    b: Ref,
    how: str = "each-other",
) -> list[Candidate]:
    """A symmetric relation between two different entities: "X and Y met" (each other),
    "talks between X and Y" (between)."""
    if a.cluster.id == b.cluster.id:
        return []
    return [
        Candidate(
            subject=a,
            predicate=frame.predicate,
            object=b,
            block=block,
            sent=tok.sent,
            modality=level,
            attributed=attribution(index, block, tok),
            confidence=round(frame.confidence - (0.15 if a.guessed or b.guessed else 0), 3),
            method=f"frame:{frame.name}-{how}",
        )
    ]


def _between(
    index: ArticleIndex, block: int, tok, frame: Frame, level: str | None
) -> list[Candidate]:
    """ "talks between X and Y": X and Y hold talks with each other; nothing when the talks
    are only asked for ("urged them to push for talks between X and Y") or asked about."""
    if level is None:
        return []
    out = []
    for first in prep_objects(tok, "between"):
        refs = actor_refs(index, block, first)  # also "between the two leaders"
        for i, a in enumerate(refs):
            for b in refs[i + 1 :]:
                out += _emit_pairs(index, block, tok, frame, level, a, b, "between")
    return out


_UNSET = "unset"


def _emit(
    index: ArticleIndex,
    block: int,
    tok,
    frame: Frame,
    subj_tokens: list,
    anchor,
    level: str | None = _UNSET,
) -> list[Candidate]:
    if level == _UNSET:
        level = modality(_verb_of(tok))
    if level is None:
        return []
    subjects_ = []
    for s in subj_tokens:
        for r in actor_refs(index, block, s):
            if all(r.cluster.id != o.cluster.id for o in subjects_):
                subjects_.append(r)
    if subjects_ and frame.predicate in frames().carried and not frame.inverse:
        # who imposed the last sanctions: "The measures target X" continues them
        index.carry[frame.predicate] = (index.sentence_number(index.pos(block, tok)), subjects_)
    objects_ = _objects(index, block, tok, frame, anchor, {s.cluster.id for s in subjects_})
    # "A and B spoke to the press / to reporters": a partner is named, if not one of the range
    named = bool(objects_) or _named_partner(tok, frame)
    if frame.predicate in frames().capital_means_country:
        # a visit to a capital is a visit to its country ("travel to Lima": Peru too)
        objects_ += [
            c
            for o in objects_
            if o.cluster.metonym_of is not None
            for c in [index.as_actor(o)]
            if c.cluster.id != o.cluster.id and all(c.cluster.id != x.cluster.id for x in objects_)
        ]
    if frame.range:  # "keep troops in the mission", not "keep police in a country"
        objects_ = [o for o in objects_ if any(fits(o.cluster.cls, c) for c in frame.range)]
    if frame.domain:  # "the minister is in Lima", not "the headquarters is in Lima"
        subjects_ = [s for s in subjects_ if any(fits(s.cluster.cls, c) for c in frame.domain)]
    if (
        not named
        and "each-other" in frame.objects
        and 2 <= len(subjects_) <= frames().max_each_other
        and not direct_objects(tok)
    ):
        # "X and Y met": each with the other (the relation is symmetric); not when an
        # object is named but unknown ("A and B will meet leaders"), nor for a crowd (a
        # meeting of many is not that many bilateral meetings)
        pairs = [(a, b) for i, a in enumerate(subjects_) for b in subjects_[i + 1 :]]
        return [c for a, b in pairs for c in _emit_pairs(index, block, tok, frame, level, a, b)]
    if not subjects_ or not objects_:
        return []
    verb = _verb_of(tok)
    if (
        level == "refused"
        and not frame.refused_as
        and negates_a_plan(verb)
        and not limits_an_offer(verb)  # "is willing to take part but will not disarm X"
    ):
        level = frame.negated_as  # "would not meet X", "had no plans to withdraw": negated
    if level == "planned" and tok.pos_ == "VERB" and cancelled(tok, _event_nouns(frame.predicate)):
        level = "negated"  # "was due to travel to X, but the trip was cancelled"
    if frame.modality and level == "asserted":
        level = frame.modality
    predicate = frame.predicate
    if level == "refused" and frame.refused_as:  # "declined to send troops to X"
        predicate = frame.refused_as
    elif frame.only_refused:  # "attended the summit" states no membership
        return []
    said = attribution(index, block, tok)
    out = []
    for s in subjects_:
        for o in objects_:
            subject, obj = (o, s) if frame.inverse else (s, o)
            guessed = subject.guessed or obj.guessed
            out.append(
                Candidate(
                    subject=subject,
                    predicate=predicate,
                    object=obj,
                    block=block,
                    sent=tok.sent,
                    modality=level,
                    attributed=said,
                    confidence=round(frame.confidence - (0.15 if guessed else 0.0), 3),
                    method=f"frame:{frame.name}",
                )
            )
    return out
