"""Frame matching: each clause of a sentence (kg/extract/syntax) against the verb and noun
frames of the lexicon (data/patterns/frames.yaml); a frame that fits gives candidate
relations between the entities its subjects and objects stand for, with the clause's
modality."""

from __future__ import annotations

from functools import cache, partial

from kg.extract.actors import actor_refs, is_title_word
from kg.extract.doc_memo import sentence
from kg.extract.frames.candidates import Candidate, attribution
from kg.extract.frames.carried import carried_candidates, echo_candidates
from kg.extract.frames.nouns import by_maker_verb, in_place, noun_subjects, participants
from kg.extract.frames.objects import (
    frame_objects,
    has_contribution,
    judgement,
    offers_contribution,
)
from kg.extract.frames.sourced import sourced_candidates
from kg.extract.lexicon import Frame, frames, lexicon
from kg.extract.resolve import ArticleIndex, Ref
from kg.extract.syntax.arguments import (
    child_deps,
    direct_objects,
    gives_an_order,
    has_to,
    is_passive,
    phrasal_lemma,
    prep_objects,
    speaking_for,
    under_stance,
)
from kg.extract.syntax.clauses import Clause, clauses_of, member_alone
from kg.extract.syntax.events import cancelled, event_modality
from kg.extract.syntax.modality import (
    accepted_invitation,
    completed_perfect,
    limits_an_offer,
    modality,
    negates_a_plan,
    verb_in,
)
from kg.ontology import fits, load_ontology


def principals(verb) -> list:
    """Those for whom the verb's subject acts (data: frames.yaml `principal_preps`): "the
    memorandum was signed by A and B on behalf of Norland and Velmar" -> Norland, Velmar.
    They do what the verb says as well (not with their own agents: no "each-other")."""
    return [o for prep in frames().principal_preps for o in prep_objects(verb, prep)]


@cache
def _noun_frames(lemma: str, lower: str) -> tuple[Frame, ...]:
    """The noun frames (frames.yaml nouns, in their order) whose words hold a noun's lemma
    or its lower-case form."""
    return tuple(fr for fr in frames().nouns if lemma in fr.lemmas or lower in fr.lemmas)


@cache
def _event_nouns(predicate: str) -> frozenset[str]:
    """The nouns that state `predicate` (trip, visit for visits)."""
    return frozenset(w for fr in frames().nouns if fr.predicate == predicate for w in fr.lemmas)


def pairs_in_order(verb) -> bool:
    """Whether the verb pairs its subjects with its objects one by one: a pairing adverb
    (lexicon `pairing_adverbs`: "A and B head X and Y, respectively") in its own clause,
    not in a clause below it."""
    words = lexicon().pairing_adverbs
    for t in verb.subtree:
        if t.lower_ not in words:
            continue
        head = t.head
        while head.i != verb.i and head.pos_ not in ("VERB", "AUX") and head.head.i != head.i:
            head = head.head
        if head.i == verb.i:
            return True
    return False


def _verb_of(tok):
    """The word whose modality a frame's word takes: a verb itself, a noun its head."""
    return tok if tok.pos_ in ("VERB", "AUX") else tok.head


def _named_partner(tok, frame: Frame) -> bool:
    """The clause names an object in one of the frame's prepositions, entity or not; "each
    other", "one another" name no one else (data: frames.yaml reciprocals). An event noun's
    "between" phrase names its parties: "A and B ended months of talks between their
    ministers" are the ministers' talks (`_between`), not A's with B."""
    if tok.pos_ == "NOUN" and prep_objects(tok, "between"):
        return True
    preps = [s.split(":", 1)[1] for s in frame.objects if s.startswith("prep:")]
    reciprocals = frames().reciprocals
    return any(
        not ({o.lower_} | {c.lower_ for c in o.children}) & reciprocals
        for p in preps
        for o in prep_objects(tok, p)
    )


def _asks_to_act(verb) -> bool:
    """Whether a to-infinitive follows: "called on X to halt the airstrikes"."""
    return any(has_to(c) for c in child_deps(verb, "xcomp", "advcl", "ccomp"))


def _as_candidate(verb) -> bool:
    """Whether the verb's "as" phrase (on it or its object) names a candidacy (frames.yaml
    `candidacy_nouns`): "would not accept X as its candidate for prime minister"."""
    nouns = frames().candidacy_nouns
    return any(
        o.lemma_.lower() in nouns
        for h in [verb, *direct_objects(verb)]
        for o in prep_objects(h, "as")
    )


def _definite_object(verb) -> bool:
    """Whether a direct object of the verb is one named before or known: a pronoun ("it",
    "which"), a name, a possessive or a definite determiner (lexicon `definite_determiners`:
    "the idea", "its plan"), or a proposal (frames.yaml `proposal_heads`: "a proposal for a
    contact group"); not "a loan", "an alternative route"."""
    marks = lexicon().definite_determiners
    heads = frames().proposal_heads
    return any(
        o.pos_ in ("PRON", "PROPN")
        or o.lower_ in heads
        or any(c.dep_ == "poss" or c.lower_ in marks for c in o.children if c.i < o.i)
        for o in direct_objects(verb)
    )


def _forms_government(verb) -> bool:
    """Whether what the verb asks of its object is to form a government: a to-infinitive or
    a gerund ("with forming") of frames.yaml `mandate_verbs` whose object is one of
    `mandate_nouns` ("asked X to form a government", "tasked X with forming a cabinet"); a
    verb with its particle where the list gives one ("take over the portfolio", not "take the
    government to court")."""
    f = frames()
    acts = child_deps(verb, "xcomp", "advcl") + [
        v for p in child_deps(verb, "prep") for v in child_deps(p, "pcomp")
    ]
    return any(
        (v.lemma_.lower() in f.mandate_verbs or phrasal_lemma(v) in f.mandate_verbs)
        and any(o.lemma_.lower() in f.mandate_nouns for o in child_deps(v, "dobj"))
        for v in acts
    )


def _names_a_post(index: ArticleIndex, block: int, verb) -> bool:
    """Whether the verb names a post: "was named ambassador", "named X as foreign minister"
    (frames.yaml `post_preps`), "picked X for the post of envoy", "named a special envoy,
    X", a verb of holding one ("chose X to head the agency": `holding_verbs`), or it is a
    passive that names nothing ("X was chosen by Y"). Not "named X as the source of the
    leak", "named X in her speech"."""
    f = frames()
    said = [c for c in verb.children if c.dep_ in ("oprd", "attr", "xcomp")]
    if any(c.lemma_.lower() in f.holding_verbs for c in said):
        return True
    said += [
        o for h in [verb, *direct_objects(verb)] for p in f.post_preps for o in prep_objects(h, p)
    ]
    said += [o for s in said for o in prep_objects(s, "of")]  # "the post of envoy"
    if not said:  # "X was chosen by Y"; an active verb names the post, maybe as its object
        # ("names a special envoy, X"); "named X in her speech" appoints no one
        return _bare_passive(verb) or any(
            _is_post(index, block, t) for t in child_deps(verb, "dobj")
        )
    return any(_is_post(index, block, t) for t in said)


def _partners(verb, frame: Frame) -> list:
    """The objects of the frame's `partners` prepositions, on the verb or in its object's
    complement: "signed the accord with B", "signed a memorandum on fisheries with B" (the
    parser hangs "with B" on "fisheries")."""
    if not frame.partners:
        return []
    heads = [verb]
    for obj in direct_objects(verb):
        heads += [obj, *(t for t in obj.subtree if t.dep_ == "pobj" and t.i > obj.i)]
    return [o for p in frame.partners for h in heads for o in prep_objects(h, p)]


def _past_noun(noun) -> bool:
    """A relation noun marked as past ("a former member", "an erstwhile ally"; lexicon
    `past_markers`): what it says no longer holds."""
    markers = lexicon().past_markers
    return any(c.lower_ in markers for c in noun.children if c.dep_ in ("amod", "advmod"))


def _guest(index: ArticleIndex, block: int, verb) -> bool:
    """A person as the verb's object and a place after its "to" or "in" ("welcomed X to
    Velmar City", "greeted X in Velmar City")."""
    person = any(
        r.cluster.cls == "Person"
        for o in child_deps(verb, "dobj")
        for r in index.refs(block, o, with_conj=False)
    )
    return person and any(
        r.cluster.cls in ("City", "Country", "Region")
        for word in ("to", "in")
        for o in prep_objects(verb, word)
        for r in index.refs(block, o, with_conj=False)
    )


def _causative(frame: Frame, clause: Clause, verb) -> bool:
    """A verb of the frame's `causative` lemmas with a predicate after its object: an
    infinitive, participle or adjective ("left X to decide", "left X divided"), or a phrase
    of frames.yaml `object_states` ("left X in charge of the talks")."""
    if clause.lemma not in frame.causative:
        return False
    objects_ = child_deps(verb, "dobj")
    if not objects_:
        return False
    after = [c for c in verb.children if c.i > objects_[0].i]
    states = frames().object_states
    return any(c.dep_ in ("xcomp", "ccomp", "oprd", "acomp") for c in after) or any(
        " ".join(w.lower_ for w in c.subtree if w.i <= o.i) in states
        or f"{c.lower_} {o.lemma_.lower()}" in states
        for c in after
        if c.dep_ == "prep"
        for o in child_deps(c, "pobj")
    )


def _bare_passive(verb) -> bool:
    """A passive that says nothing but who did it and when: "X was chosen by Y in May", not
    "X was named in the report by Y" (a preposition of its own, not of time)."""
    return is_passive(verb) and not any(
        o.ent_type_ not in ("DATE", "TIME")
        for p in child_deps(verb, "prep")
        for o in child_deps(p, "pobj")
    )


def _partial(verb) -> bool:
    """Whether every direct object of the verb is a part of something ("half of its
    contingent", "120 of its troops"; frames.yaml `partitive_words` or a number before
    "of"): withdrawing part of a contribution cuts it and keeps the rest, no refusal."""
    objs = direct_objects(verb)
    words = frames().partitive_words
    return bool(objs) and all(
        (o.lower_ in words or o.lemma_.lower() in words or o.pos_ == "NUM")
        and prep_objects(o, "of")
        for o in objs
    )


def _object_heads_fit(verb, frame: Frame) -> bool:
    """Whether the head words of `verb`'s direct objects are ones the frame takes (`heads`)
    and none it leaves to another (`other_heads`)."""
    words = {w for o in direct_objects(verb) for w in (o.lemma_.lower(), o.lower_)}
    if frame.heads and not words & frame.heads:
        return False
    return not words & frame.other_heads


def _is_post(index: ArticleIndex, block: int, tok) -> bool:
    """A title the mentions read ("foreign minister"), a word of a post ("envoy"), or a noun
    that names one without its title ("as his successor", "for the post": frames.yaml
    `post_nouns`)."""
    mention = index.mention_at(block, tok)
    if mention is not None and index.clusters[mention.cluster].cls == "Position":
        return True
    return is_title_word(tok) or (tok.pos_ == "NOUN" and tok.lemma_.lower() in frames().post_nouns)


def _verb_words(clause: Clause, tok) -> frozenset[str]:
    """The words by which a frame's lemmas name the clause's verb. A phrasal verb ("rule
    out") that some frame lists is read only by those frames; others by their verb alone
    ("draw up" as "draw"). Computed once per clause, then tested against every frame."""
    if " " in clause.lemma and clause.lemma in frames().phrasal_lemmas:
        return frozenset((clause.lemma,))
    return frozenset((clause.lemma, clause.lemma.split()[0], tok.lower_))


def _noun_of_fits(index: ArticleIndex, block: int, noun, frame: Frame) -> bool:
    """Whether the "of" object of a frame's noun, when it has one, is of a class the frame
    takes (`noun_of`): "control of the army", not "control of the investigation"."""
    if not frame.noun_of:
        return True
    whole = prep_objects(noun, "of")
    heads = lexicon().head_classes  # an unnamed body: "the navy", "the council"
    classes = [r.cluster.cls for o in whole for r in index.refs(block, o)]
    classes += [heads[o.lemma_.lower()] for o in whole if o.lemma_.lower() in heads]
    return not whole or any(fits(k, c) for k in classes for c in frame.noun_of)


def verb_candidates(index: ArticleIndex, block: int, doc) -> list[Candidate]:
    f = frames()
    out: list[Candidate] = []
    # token -> the entities it names as a subject (`actor_refs`), for the block's frames:
    # a clause's subjects are asked again by each frame its verb has. What actor_refs reads
    # does not change while the block's verbs are read (their frames write `index.carry` and
    # `index.echo`, which it does not read, and add only entities that it finds again)
    subjects_of: dict[int, list[Ref]] = {}
    for clause in clauses_of(doc):
        if clause.kind != "verb":
            continue
        tok = doc[clause.head]
        words = _verb_words(clause, tok)
        stated_before = index.echo  # what this clause may repeat, not what it states itself
        listed = f.verb_frames_of  # the frames that name one of the words, in their order
        for k in sorted({k for w in words for k in listed.get(w, ())}):
            frame = f.verbs[k]
            anchor = None
            if frame.noun:
                said = direct_objects(tok) + child_deps(tok, "dobj")
                # a number of them: "won 39 of the 101 seats in the assembly"
                said += [p for o in said if o.pos_ == "NUM" for p in prep_objects(o, "of")]
                anchor = next(
                    (o for o in said if o.lemma_.lower() in frame.noun or o.lower_ in frame.noun),
                    None,
                )
                if anchor is None or not _noun_of_fits(index, block, anchor, frame):
                    continue
                if _given_up(tok, anchor):
                    continue  # "dropped the reservations it had expressed": none now
            if frame.judgement and judgement(tok)[0] != frame.judgement:
                continue  # "called the pact a betrayal": opposes, not supports
            if frame.needs == "contribution" and not has_contribution(tok):
                continue
            if frame.modality == "refused" and _partial(tok):
                continue  # "will withdraw half of its contingent": a cut, not a refusal
            if frame.needs == "forces" and not has_contribution(tok, money=False):
                continue
            if frame.needs == "post" and not _names_a_post(index, block, tok):
                continue  # "named X as the source of the leak" appoints no one
            if frame.needs == "candidacy" and not _as_candidate(tok):
                continue  # "accepted X as its candidate", not "accepted X into its ranks"
            if frame.needs == "definite" and not _definite_object(tok):
                continue  # "is studying the proposal", not "had studied a route"
            if frame.needs == "mandate" and not _forms_government(tok):
                continue  # "asked X to comment" appoints no one
            if frame.unless == "mandate" and _forms_government(tok):
                continue  # "asked X to form a government" appoints X, it urges nothing
            if frame.needs == "accepted" and not accepted_invitation(tok):
                continue  # "invited X to Velmar City": only asked, unless X accepted
            if frame.needs == "request" and not _asks_to_act(tok):
                continue  # "called on X to halt": a request; "called on X": a courtesy call
            if frame.needs == "courtesy" and (_asks_to_act(tok) or prep_objects(tok, "for")):
                continue  # "called on X": a visit; "called on X to halt / for calm": a request
            if _causative(frame, clause, tok):
                continue  # "left the council in charge of the talks" leaves nothing
            if (frame.needs == "guest" or clause.lemma in frame.receiving) and _guest(
                index, block, tok
            ) != (frame.needs == "guest"):
                continue  # "welcomed X to Velmar City": a meeting, no support
            if frame.voice == "passive" and not clause.passive:
                continue
            if frame.voice == "active" and clause.passive:
                continue
            if (
                frame.levels
                and frame.subject != "maker"
                and clause.modality not in frame.levels
                and clause.modality not in ("refused", "planned")
            ):
                continue  # a modality it states nothing in, which `_emit` would not change
            if frame.under and not under_stance(tok, frame.under):
                continue  # "agreed to resume the talks", not "will resume the talks"
            if (frame.heads or frame.other_heads) and not _object_heads_fit(tok, frame):
                continue  # "agreed to extend the truce": signs it; "... the mission": supports it
            if gives_an_order(tok):  # "directed X to prepare a plan" leads nothing
                continue
            if frame.perfect_is_past and completed_perfect(tok):
                continue  # "had headed the council before ...": a former post, no leading now
            subj = [doc[i] for i in clause.subjects]
            if frame.subject == "patient":
                subj = [doc[i] for i in clause.objects]
            elif "each-other" not in frame.objects:
                voiced = speaking_for(tok)
                if voiced:  # "Speaking for the group, X rejected it": the group's stance
                    subj = voiced
                subj += principals(tok)  # "signed by A on behalf of Norland": Norland too
            subj += _partners(tok, frame)  # "A signed the accord with B": B signs it too
            out += _emit(index, block, tok, frame, subj, anchor, clause.modality, subjects_of)
        out += carried_candidates(
            index, block, tok, clause, partial(_names_a_post, index, block, tok)
        )
        out += echo_candidates(index, block, tok, clause, stated_before)
        out += sourced_candidates(index, block, tok, clause)
    return out


def _given_up(verb, noun) -> bool:
    """Whether a relative clause's noun is what the main clause gives up ("dropped the
    reservations it had expressed", "withdrew the objections it raised": frames.yaml
    `giving_up_verbs`), so that what the clause tells of holds no longer."""
    return (
        verb.dep_ == "relcl"
        and noun.i == verb.head.i
        and noun.head.pos_ == "VERB"
        and verb_in(noun.head, frames().giving_up_verbs)
    )


def noun_candidates(index: ArticleIndex, block: int, doc) -> list[Candidate]:
    f = frames()
    out: list[Candidate] = []
    for clause in clauses_of(doc):
        if clause.kind != "noun":
            continue
        tok = doc[clause.head]
        for frame in _noun_frames(clause.lemma, tok.lower_):
            if frame.not_in_place and in_place(tok):
                continue  # "told reporters in the northern part of the city"
            if frame.needs == "contribution" and not offers_contribution(tok):
                continue  # "an offer of 200 troops", not "an offer of talks"
            level = clause.modality
            if frame.subject is None and level == "asserted" and _past_noun(tok):
                level = "negated"  # "Sweden, a former member of X": a member no longer
            # the event itself, or talks between others: planned when one party offers it
            event_level = f.event_levels.get(level, level) if level else level
            if frame.subject == "participants":
                # who takes part as the verb of taking part says it: "declined to join the
                # exercise" is no part in it; the others as the noun is stated
                verb, takers, subj = participants(tok)
                if verb is not None and takers:
                    out += _emit(index, block, tok, frame, takers, None, modality(verb))
            else:
                subj = (
                    [tok]
                    if frame.subject == "self"
                    else prep_objects(tok, frame.subject.split(":", 1)[1])
                    if frame.subject and frame.subject.startswith("prep:")
                    else noun_subjects(tok, own=frame.subject == "maker")
                )
            own = event_modality(tok) if frame.subject == "self" else level
            own = f.event_levels.get(own, own) if own else own
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
            sent=sentence(tok),
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


def _other_members(index: ArticleIndex, block: int, member) -> set[str]:
    """The entities of a list's other members, which a relative clause on one member does
    not speak of (clauses.py `member_alone`)."""
    own = {r.cluster.id for r in index.refs(block, member, with_conj=False)}
    return {
        r.cluster.id for c in member.conjuncts for r in index.refs(block, c, with_conj=False)
    } - own


_UNSET = "unset"


def _emit(
    index: ArticleIndex,
    block: int,
    tok,
    frame: Frame,
    subj_tokens: list,
    anchor,
    level: str | None = _UNSET,
    known: dict[int, list[Ref]] | None = None,
) -> list[Candidate]:
    """The frame's candidates for `tok`; `known`: the subjects' entities found before in
    the block (token index -> actor_refs), added to."""
    if level == _UNSET:
        level = modality(_verb_of(tok))
    if level is None:
        return []
    subjects_ = []
    alone = member_alone(tok)
    for s in subj_tokens:
        others = _other_members(index, block, s) if s.i == alone else set()
        refs = known.get(s.i) if known is not None else None
        if refs is None:
            refs = actor_refs(index, block, s)
            if known is not None:
                known[s.i] = refs
        for r in refs:
            if r.cluster.id not in others and all(r.cluster.id != o.cluster.id for o in subjects_):
                subjects_.append(r)
    carried = frames().carried.get(frame.predicate)
    if (
        subjects_
        and carried is not None
        and frame.inverse == carried["inverse"]
        and (level == "asserted" or not carried["asserted_only"])
    ):
        # who imposed the last sanctions: "The measures target X" continues them; who
        # appointed the last minister: "Y was named interior minister" continues it
        index.carry[frame.predicate] = (index.sentence_number(index.pos(block, tok)), subjects_)
    objects_ = frame_objects(index, block, tok, frame, anchor, {s.cluster.id for s in subjects_})
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
    if frame.other_range:  # "joined the bank" (works for it), not "joined the party"
        objects_ = [
            o for o in objects_ if not any(fits(o.cluster.cls, c) for c in frame.other_range)
        ]
    if frame.domain:  # "the minister is in Lima", not "the headquarters is in Lima"
        subjects_ = [s for s in subjects_ if any(fits(s.cluster.cls, c) for c in frame.domain)]
    if (
        not named
        and "each-other" in frame.objects
        and 2 <= len(subjects_) <= frames().max_each_other
        and (frame.topic or not direct_objects(tok))
    ):
        # "X and Y met": each with the other (the relation is symmetric); not when an
        # object is named but unknown ("A and B will meet leaders"), nor for a crowd (a
        # meeting of many is not that many bilateral meetings); the object of a `topic`
        # frame is what they talk about ("A and B discussed the accord")
        pairs = [(a, b) for i, a in enumerate(subjects_) for b in subjects_[i + 1 :]]
        return [c for a, b in pairs for c in _emit_pairs(index, block, tok, frame, level, a, b)]
    if not subjects_ or not objects_:
        return []
    verb = _verb_of(tok)
    # a plan negated ("would not meet X", "had no plans to withdraw"): negated, or what the
    # frame says (`negated_as`: "will not sign the treaty" is a refused signing, while
    # "refused to sign it" is a refusal of it, `refused_as`)
    plan_negated = (
        level == "refused"
        and (not frame.refused_as or frame.negated_as != "negated")
        and negates_a_plan(verb)
        and not limits_an_offer(verb)  # "is willing to take part but will not disarm X"
    )
    if plan_negated:
        level = frame.negated_as
    elif level == "refused" and frame.refused_as and is_passive(verb) and negates_a_plan(verb):
        level = "negated"  # "will not be hosted by Norland": its agent refuses nothing
    if level == "planned" and tok.pos_ == "VERB":
        # "was due to travel to X, but the trip was cancelled": negated; "may postpone the
        # trip": possible
        level = cancelled(tok, _event_nouns(frame.predicate)) or level
    if frame.levels and not (frame.subject == "maker" and by_maker_verb(tok)):
        # "X, which left the bloc": the membership is negated; a proposal weighed by others
        # is made already, but the maker's own verb says whether it is ("refused to make a
        # proposal for a summit": none)
        level = frame.levels.get(level)
        if level is None:
            return []
    if frame.modality and level in ("asserted", "planned"):
        level = frame.modality  # "would offer training places": an offer, made or announced
    predicate = frame.predicate
    if level == "refused" and frame.refused_as and not plan_negated:  # "declined to send X"
        predicate = frame.refused_as
        # what one declines is a body, a force, an event or a plan, unless the frame says
        # (its `range`): "ruled out sending troops to Velmar" declines no country
        # (frames.yaml refusal_range)
        if not frame.range:
            objects_ = [
                o for o in objects_ if any(fits(o.cluster.cls, c) for c in frames().refusal_range)
            ]
    elif frame.only_refused:  # "attended the summit" states no membership
        return []
    said = attribution(index, block, tok)
    pairs = [(s, o) for s in subjects_ for o in objects_]
    if 1 < len(subjects_) == len(objects_) and pairs_in_order(verb):
        pairs = list(zip(subjects_, objects_, strict=True))  # "A and B head X and Y, respectively"
    out = []
    for s, o in pairs:
        subject, obj = (o, s) if frame.inverse else (s, o)
        guessed = subject.guessed or obj.guessed
        out.append(
            Candidate(
                subject=subject,
                predicate=predicate,
                object=obj,
                block=block,
                sent=sentence(tok),
                modality=level,
                attributed=said,
                confidence=round(frame.confidence - (0.15 if guessed else 0.0), 3),
                method=f"frame:{frame.name}",
            )
        )
    if out:  # what "B is considering a similar step" repeats (carried.py `echo_candidates`)
        here = index.sentence_number(index.pos(block, tok))
        index.echo = (here, "" if frame.inverse else predicate, objects_)
        if level == "offered":  # what a later "declined the offer" is of (a plan offered,
            # not a mission troops are offered to: frames.yaml offer_classes)
            kinds = frames().offer_classes  # the class itself, not a force (an Organization)
            index.offered = (here, [o for o in objects_ if o.cluster.cls in kinds], block, tok.i)
    return out
