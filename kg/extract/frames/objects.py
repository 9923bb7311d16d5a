"""Where a frame's objects are: each object spec of data/patterns/frames.yaml ("dobj",
"prep:to", "purpose", "owner", "beneficiary", "topic:against", ...) read off a clause's
verb or noun, and the tests a frame makes of its objects (troops or money given, what a
verb of naming calls its object)."""

from __future__ import annotations

from kg.extract.actors import actor_refs
from kg.extract.clusters import Cluster
from kg.extract.frames.nouns import by_maker_verb
from kg.extract.lexicon import Frame, frames, lexicon
from kg.extract.resolve import ArticleIndex, Ref
from kg.extract.syntax.arguments import (
    child_deps,
    direct_objects,
    has_to,
    prep_objects,
    proposed_theme,
    subjects,
)
from kg.extract.syntax.events import noun_modality
from kg.extract.syntax.modality import modality, verb_in
from kg.extract.things import ACTOR_CLASSES
from kg.ontology import fits


def is_contribution(tok, nouns, money: bool = True) -> bool:
    """Troops, ships, money ("£5 million", "$40 million in aid") and the like; with
    `money`, also help in kind that goes where money goes (lexicon `aid_nouns`)."""
    if tok.lemma_.lower() in nouns or tok.lower_ in nouns:
        return True
    if not money:
        return False
    aid = lexicon().aid_nouns | lexicon().money_nouns
    if tok.ent_type_ == "MONEY" or tok.lemma_.lower() in aid or tok.lower_ in aid:
        return True
    if any(c.ent_type_ == "MONEY" for c in tok.children if c.dep_ in ("nummod", "compound")):
        return True  # "a further £45m": the parser tags the number, not the "m" it hangs on
    # an entry of two words: the noun with a modifier ("logistical support", while bare
    # "support" is backing)
    return any(
        f"{c.lower_} {w}" in aid
        for c in tok.children
        if c.dep_ in ("amod", "compound") and c.i < tok.i
        for w in (tok.lower_, tok.lemma_.lower())
    )


def has_contribution(verb, money: bool = True) -> bool:
    """Whether the verb (or a verb it governs) gives troops, ships, or (`money`) money."""
    nouns = lexicon().contribution_nouns
    for obj in direct_objects(verb) + child_deps(verb, "dobj", "attr", "npadvmod"):
        if is_contribution(obj, nouns, money):
            return True
        if any(
            is_contribution(c, nouns, money)
            for c in obj.children
            if c.dep_ in ("prep",)
            for c in c.children
        ):
            return True
    return any(has_contribution(xcomp, money) for xcomp in child_deps(verb, "xcomp"))


def offers_contribution(noun) -> bool:
    """Whether a noun of giving names troops, ships or money in its "of" phrase ("an offer
    of 200 troops", "a pledge of $5 million")."""
    nouns = lexicon().contribution_nouns
    return any(is_contribution(o, nouns) for o in prep_objects(noun, "of"))


def judgement(verb) -> tuple[str | None, int]:
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
            heads = child_deps(child, "pobj")
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


def _placed(index: ArticleIndex, block: int, words) -> bool:
    """Whether a place is named in an "in" or "at" phrase of one of the words ("at a hotel in
    Accra"; not "in July")."""
    return any(
        fits(r.cluster.cls, "Place")
        for w in words
        for p in ("in", "at")
        for o in prep_objects(w, p)
        for t in o.subtree
        for r in index.refs(block, t, with_conj=False)
    )


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
            out += child_deps(verb, "dobj")
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
        for poss in child_deps(obj, "poss")
        for r in index.refs(block, poss, with_conj=False)
    )


def _relative_pronoun_after(noun) -> bool:
    """Whether a relative pronoun follows the noun ("companies that supplied ..."), which
    the parser sometimes hangs on a noun before it ("sanctions on companies that ...")."""
    nxt = noun.i + 1
    return nxt < len(noun.doc) and noun.doc[nxt].lower_ in lexicon().relative_pronouns


def _economy_of(index: ArticleIndex, block: int, noun) -> list[Ref]:
    """The country that modifies an unnamed noun of its economy (frames.yaml
    `economy_nouns`): "American technology companies", "US goods" -> that country. Not
    firms singled out by what they did ("Chinese companies that supplied drones", "banks
    accused of helping X"): those are sanctioned, not their country."""
    words = frames().economy_nouns
    if (
        (noun.lemma_.lower() not in words and noun.lower_ not in words)
        or actor_refs(index, block, noun)
        or child_deps(noun, "relcl", "acl")
        or _relative_pronoun_after(noun)
    ):
        return []
    return [
        index.as_actor(r)
        for mod in child_deps(noun, "amod", "compound", "nmod", "poss")
        for r in index.refs(block, mod, with_conj=False)
        if index.as_actor(r).cluster.cls == "Country"
    ]


def frame_objects(
    index: ArticleIndex, block: int, tok, frame: Frame, anchor, owners: set[str] = frozenset()
) -> list[Ref]:
    """The relation's objects, found where the frame's specs say. `owners`: the subjects'
    entity ids, for a frame only about others (its objects are not the subjects' own)."""
    out: list[Ref] = []
    objects = [
        o for o in direct_objects(tok) if not (frame.others and _owned(index, block, o, owners))
    ]
    for spec in frame.objects:
        if spec == "post_offered":  # "X, who was offered the job of chief pilot at Y,
            # turned it down": the body whose post it was; a post of no body named ("the
            # portfolio had been offered to X, who turned it down") is no body "it" could be
            post = _offered_post(tok)
            if post is not None:
                return [
                    r
                    for h in (post, post.head)
                    for p in frames().post_owner_preps
                    for o in prep_objects(h, p)
                    for r in actor_refs(index, block, o)
                    if any(fits(r.cluster.cls, c) for c in frames().refusal_range)
                ]
        elif spec == "dobj":
            for obj in objects:
                if "requested" in frame.objects and _is_request(obj):
                    continue  # "declined the commander's request for troops": no commander
                out += _participles_own(index, block, tok, obj, actor_refs(index, block, obj))
        elif spec == "chaired":  # "the talks were led by X": an event a chair holds, not
            # "the offensive was led by X" (frames.yaml chaired_events)
            # ("the drills, which were led by X": the noun the clause is on)
            held = frames().chaired_events
            for obj in objects:
                noun = obj
                if tok.dep_ == "relcl" and obj.lower_ in lexicon().relative_pronouns:
                    noun = tok.head
                if noun.lower_ in held or noun.lemma_.lower() in held:
                    out += _participles_own(index, block, tok, obj, actor_refs(index, block, obj))
        elif spec == "named":  # "left the bloc": a direct object that names the entity
            # itself, not a noun its name modifies ("left the bloc's headquarters")
            for obj in objects:
                if index.mention_at(block, obj) is not None:
                    out += actor_refs(index, block, obj)
        elif spec == "dative":  # "give Peru £5 million"
            for obj in child_deps(tok, "dative"):
                if obj.pos_ in ("PROPN", "NOUN", "PRON"):
                    out += actor_refs(index, block, obj)
        elif spec == "purpose":
            for obj in _purpose_targets(tok):
                out += actor_refs(index, block, obj)
        elif spec == "owner":  # "provide the brigade's headquarters", "a third of its
            # troops", "host the headquarters of the brigade"
            for obj in direct_objects(tok):
                owned = [obj, *[t for t in obj.subtree if t.dep_ == "pobj"]]
                owning = [p for part in owned for p in child_deps(part, "poss")]
                for owner in owning + prep_objects(obj, "of"):
                    out += [
                        r
                        for r in actor_refs(index, block, owner)
                        if any(fits(r.cluster.cls, c) for c in frames().owner_classes)
                    ]
        elif spec == "unit_owner":  # "will assign two helicopters to the brigade's air
            # wing": the part names no entity, the body or force it belongs to does
            # (frames.yaml `given_units`); not what is sent with a purpose of its own ("sent
            # experts to the authority's secretariat to audit its accounts", review AE2)
            f = frames()
            for holder in [] if _purposed(tok) else [tok, *direct_objects(tok)]:
                for pobj in (o for p in ("to", "for") for o in prep_objects(holder, p)):
                    if pobj.lemma_.lower() not in f.given_units or actor_refs(index, block, pobj):
                        continue
                    out += [
                        r
                        for owner in child_deps(pobj, "poss")
                        if not _owned(index, block, owner, owners)  # "its navy's squadron"
                        for r in actor_refs(index, block, owner)
                        if r.cluster.id not in owners
                        and any(fits(r.cluster.cls, c) for c in f.unit_owner_classes)
                    ]
        elif spec == "modifier":  # "train Ruritanian border guards": Ruritania
            for obj in objects:
                if actor_refs(index, block, obj):
                    continue  # the object itself is named ("dobj" reads it)
                for mod in child_deps(obj, "amod", "compound", "poss", "nmod"):
                    out += [
                        r
                        for r in index.refs(block, mod, with_conj=False)
                        if r.cluster.cls != "Position"
                    ]
        elif spec.startswith("economy:"):  # "sanctions on American companies", "on US
            # goods": the country whose firms or goods they are (frames.yaml economy_nouns)
            prep = spec.split(":", 1)[1]
            holders = [tok, *direct_objects(tok), *([anchor] if anchor is not None else [])]
            for holder in holders:
                for pobj in prep_objects(holder, prep):
                    out += _economy_of(index, block, pobj)
        elif spec == "made":  # "agreed to set up a joint mechanism": what the verb's
            # complement creates (data: frames.yaml creation_verbs); not a thing that is a
            # plan only by what a stance does to it ("agreed to build a new bridge": one
            # signs an agreement, not the bridge; Mention.by_verb)
            for verb in child_deps(tok, "xcomp"):
                if verb.lemma_.lower() in frames().creation_verbs:
                    for obj in child_deps(verb, "dobj"):
                        out += [
                            r
                            for r in actor_refs(index, block, obj)
                            if not (
                                r.cluster.mentions and all(m.by_verb for m in r.cluster.mentions)
                            )
                        ]
        elif spec == "pronoun":  # "offered to host it": the event named last before "it"
            for obj in objects:
                if obj.lower_ in lexicon().thing_pronouns and obj.dep_ == "dobj":
                    c = _event_before(index, block, obj)
                    if c is not None:
                        out.append(Ref(c, True))
        elif spec.startswith("making:"):  # "the proposal on the construction of a
            # pipeline": what an event of making after the preposition makes
            for pobj in prep_objects(tok, spec.split(":", 1)[1]):
                if pobj.lemma_.lower() in frames().theme_nouns:
                    out += actor_refs(index, block, pobj)
        elif spec.startswith("content:"):  # "put forward the idea of a common clearing
            # unit": what an indefinite object of the preposition names (lexicon
            # `indefinite_determiners`; not the maker in "the proposal of the Nordic Council")
            indefinite = lexicon().indefinite_determiners
            for pobj in prep_objects(tok, spec.split(":", 1)[1]):
                if any(c.dep_ == "det" and c.lower_ in indefinite for c in pobj.children):
                    out += actor_refs(index, block, pobj)
        elif spec == "goal":  # "ruled out a return to the X Mission", "declined an
            # invitation to the X Summit" (not "refused entry to X": X is kept out)
            for obj in objects:
                if obj.lemma_.lower() in frames().goal_nouns:
                    # (the parser may hang "to" on the verb: "declined his invitation to X")
                    for pobj in prep_objects(obj, "to") or prep_objects(tok, "to"):
                        out += actor_refs(index, block, pobj)
        elif spec == "plain":  # the noun itself, when what it is for is no entity of its
            # own ("Peru's plan"; "Peru's plan for a fund" proposes the fund, not the plan)
            if not _content_named(index, block, tok):
                out += index.refs(block, tok, with_conj=False)
        elif spec == "return":  # "ruled out a return": to the force the story is about
            people = any(index.clusters[i].cls == "Person" for i in owners)
            for obj in [] if people else objects:  # a person's return may be to office
                if obj.lemma_.lower() in frames().return_nouns and not child_deps(obj, "prep"):
                    c = index.salient_force(block, tok)
                    if c is not None:
                        out.append(Ref(c, True))
        elif spec == "echo" and _bare(tok):  # "A offered a frigate to X. B also declined":
            # what the last offer or refusal just before was of (frames.yaml echoes `elliptic`)
            out += [Ref(o.cluster, True) for o in _echoed(index, block, tok, "elliptic")]
        elif spec == "given" and not out and _money_only(tok):  # "A gave the fund $2
            # billion, while B refused to commit any money": money with no recipient named
            # goes where the contribution just before went (frames.yaml echoes `given`)
            out += [
                Ref(o.cluster, True)
                for o in _echoed(index, block, tok, "given")
                if o.cluster.id not in owners
            ]
        elif (
            spec == "project" and not out and _money_only(tok) and not _purposed(tok)
        ):  # "Four years after the
            # first pipes were laid, the Coral Pipeline lacks $1.6 billion. ... Bank X has
            # offered a loan of $400 million": money with no recipient named nor given just
            # before goes to the project the story is about: of the plans named before whose
            # name has a word of frames.yaml `project_nouns` for its head ("a fund for digital
            # content"), the one mentioned most; not money with a purpose of its own ("pledged
            # $3 million to help flood victims", review AE9)
            c = index.topic_before(block, tok, ("Plan",), _is_project)
            if c is not None and c.id not in owners:
                out.append(Ref(c, True))
        elif spec == "offered":  # "X offered to open an embassy in Y. Y declined the
            # offer": what the last offer stated was of (frames.yaml offer_nouns)
            last = _recent_offer(index, block, tok)
            if last is not None and any(_the_offer(o) for o in objects):
                out += [Ref(o.cluster, True) for o in last[1]]
        elif spec == "requested" and not out:  # "turned down the commander's request for a
            # company", "X, which the commander had asked to provide medics, declined it": a
            # request for troops or ships is one for the force the story is about
            if any(_asks_for_forces(obj, tok) for obj in objects):
                c = index.salient_force(block, tok)
                if c is not None:
                    out.append(Ref(c, True))
        elif spec == "asked" and not out and verb_in(tok, frames().asked_verbs):
            # "Y declined the request", "turned down a Velmari request to reopen the port":
            # with nothing found for what it asked or offered, the request or the offer
            # itself (frames.yaml `asked_nouns`; not "withdrew its offer"); not "the offer"
            # of an offer stated just before, whatever it gave ("X offered troops to the
            # mission. Y declined the offer": no plan of its own)
            offer_before = _recent_offer(index, block, tok, newest=False) is not None
            for obj in objects:
                if offer_before and _the_offer(obj):
                    continue
                if obj.pos_ == "NOUN" and obj.lemma_.lower() in frames().asked_nouns:
                    out.append(Ref(index.add_cluster("Plan", _asked_label(obj))))
        elif spec == "clause":  # "On the initiative of X, the leaders approved Y": what
            # the verb the noun's phrase is hung on acts on
            verb = tok.head.head
            if tok.dep_ == "pobj" and tok.head.dep_ == "prep" and verb.pos_ == "VERB":
                for obj in direct_objects(verb):
                    if _brings_about(verb) or obj.lemma_.lower() in frames().theme_nouns:
                        out += actor_refs(index, block, obj)  # "approved the creation of Y"
        elif spec == "complement":  # "proposed that X send a mission", "proposed to hold
            # talks": what the verb's complement clause acts on (not what it would undo)
            for verb in child_deps(tok, "ccomp", "xcomp"):
                if _brings_about(verb) and (verb.dep_ == "xcomp" or _proposed_clause(verb)):
                    for obj in child_deps(verb, "dobj"):
                        out += actor_refs(index, block, obj)
                # in the passive ("proposed that a mission be sent", "that compensation be
                # paid"): what it is to be done with, a plan unless the verb brings it about
                theme = proposed_theme(verb) if not _undoes(verb) else None
                if theme is not None:
                    out += [
                        r
                        for r in actor_refs(index, block, theme)
                        if _brings_about(verb) or r.cluster.cls == "Plan"
                    ]
        elif spec == "agreed":  # "X and Y agreed to set up a commission. The agreement
            # was signed by ...": the agreement the text names next
            out += _agreed(index, block, tok)
        elif spec == "restated":  # "Norland proposed that the navy patrol the fjords, a plan
            # Velmar welcomed": a proposed clause that names nothing (the specs before gave no
            # object) is the plan a proposal noun names next
            out += _restated(index, block, tok)
        elif spec == "intended":  # "a proposal to deploy a mission": what the noun's
            # to-infinitive acts on (which the parser may read as a relative clause)
            for verb in child_deps(tok, "acl", "relcl"):
                if has_to(verb) and _brings_about(verb):
                    for obj in child_deps(verb, "dobj"):
                        out += actor_refs(index, block, obj)
        elif (spec == "event" or (spec == "invited" and _invited(tok))) and _bare(tok):
            # "declined to attend", "X, which had been invited, declined": the event the
            # story is about, named before
            c = index.topic_before(block, tok, ("Event",))
            if c is not None:
                out.append(Ref(c, True))
        elif spec == "holder":  # "X, who is under US sanctions": who is under the noun
            prep = tok.head
            if tok.dep_ == "pobj" and prep.lower_ in frames().holder_preps:
                verb = prep.head
                if verb.lemma_.lower() in lexicon().copular_verbs:
                    for subj in subjects(verb):
                        out += actor_refs(index, block, subj)
        elif spec == "gerund-plan":  # "proposed halving the toll": the gerund's plan
            # (common_nouns.gerund_plans), else what a gerund brings about or carries on
            # ("proposed keeping the fixed price", "proposed opening a trade office")
            for verb in child_deps(tok, "xcomp", "ccomp", "dobj"):
                if verb.tag_ == "VBG" and not _undoes(verb):
                    m = index.mention_at(block, verb)
                    if m is not None:
                        out += index.refs(block, verb, with_conj=False)
                    elif _brings_or_carries(verb):  # (not a guessed description)
                        out += [
                            r
                            for obj in child_deps(verb, "dobj")
                            for r in actor_refs(index, block, obj)
                            if not r.guessed
                        ]
        elif spec == "gerund":  # "supports keeping the force", "opposed extending the mandate"
            for verb in child_deps(tok, "xcomp", "ccomp", "dobj"):
                if verb.tag_ == "VBG" and not _undoes(verb):
                    for obj in child_deps(verb, "dobj"):
                        out += actor_refs(index, block, obj)
        elif spec.startswith("prep:"):
            prep = spec.split(":", 1)[1]
            if (
                prep == "from"
                and "requested" in frame.objects
                and any(_is_request(o) or o.lemma_.lower() in frames().offer_nouns for o in objects)
            ):
                continue  # "turned down a request from X": X asked, X is not turned down
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
            if tok.pos_ == "NOUN" and frame.predicate == "contributesTo":
                # "made a pledge of 200 troops to X", "an offer of a frigate to X": the
                # parser hangs the preposition on the light verb or on what is given
                if tok.dep_ == "dobj" and tok.head.lemma_.lower() in frames().light_verbs:
                    holders.append(tok.head)
                holders += prep_objects(tok, "of")
            elif tok.dep_ in ("nsubj", "nsubjpass"):  # "her first trip is expected to be to X"
                holders += [
                    v
                    for v in child_deps(tok.head, "xcomp")
                    if v.lemma_.lower() in lexicon().copular_verbs
                ]
            if prep in frames().post_phrase_preps and tok.pos_ in ("VERB", "AUX"):
                # "took over as chair from X": the parser hangs "from X" on the post
                holders += [o for p in frames().post_preps for o in prep_objects(tok, p)]
            if anchor is not None:  # "hold talks on trade and the war with Peru"
                holders += [t for t in anchor.subtree if t.pos_ in ("NOUN", "PROPN")]
            if frame.subject == "self" and tok.dep_ in ("dobj", "nsubjpass"):
                holders.append(tok.head)  # "will hold the exercise in the Coral Sea"
            if frame.subject == "self" and not _placed(index, block, (tok, tok.head)):
                # "a session of the Board of Trade Ministers in Tallinn": with no place of
                # its own (nor on its verb: "chaired a meeting of X in Y at a hotel in Z"),
                # the place the parser hangs on a noun of its "of" phrases
                of = prep_objects(tok, "of")
                for _ in range(3):
                    holders += of
                    of = [o for h in of for o in prep_objects(h, "of")]
            elif _carried_by(tok):  # "suspended the deployment of troops to X", parsed
                holders.append(tok.head)  # with "to X" on the verb
            for holder in holders:
                for pobj in prep_objects(holder, prep):
                    if frame.others and _owned(index, block, pobj, owners):
                        continue  # "added two boats to its own fleet"
                    out += actor_refs(index, block, pobj)
        elif spec == "beneficiary":  # "offered to share intelligence with Sweden": who
            # what the complement does is for (frames.yaml `beneficiary_preps`)
            # (`beneficiary_verbs`): the giving verb's (or its object's) prepositions, so "pledged
            # to end arms sales to X" and "promised to report to X" give X nothing
            f = frames()
            for verb in child_deps(tok, "xcomp"):
                if verb.lemma_.lower() not in f.beneficiary_verbs:
                    continue
                own = [verb, *child_deps(verb, "dobj")]  # "share intelligence with X"
                for t in (p for w in own for p in child_deps(w, "prep")):
                    if t.lower_ in f.beneficiary_preps:
                        for pobj in child_deps(t, "pobj"):
                            out += actor_refs(index, block, pobj)
        elif spec == "called":  # "called the pact a betrayal": the pact; not "it" (a
            # decision, an event: no entity a pronoun finds), nor what follows the complement
            start = judgement(tok)[1]
            for obj in objects:
                if obj.i < start and obj.pos_ != "PRON":
                    out += actor_refs(index, block, obj)
        elif spec == "self":  # "took part in the exercise": the event the noun names
            noun = tok.head if tok.dep_ == "compound" else tok
            out += index.refs(block, noun, with_conj=False) or index.refs(block, tok)
        elif spec == "role_owner":  # "took over Y's portfolio", "Y's role will be taken
            # over by X": the person whose post (lexicon `role_nouns`) is taken over
            roles = lexicon().role_nouns
            for obj in objects:
                if obj.lemma_.lower() in roles:
                    for owner in child_deps(obj, "poss"):
                        out += [
                            r for r in actor_refs(index, block, owner) if r.cluster.cls == "Person"
                        ]
        elif spec == "post_owner":  # "elected X as its president", "as the bloc's
            # secretary general", "as chair of the council", "was elected chair of the
            # council": the body whose post it is
            posts = [
                o
                for h in [tok, *direct_objects(tok)]
                for p in lexicon().role_prepositions
                for o in prep_objects(h, p)
            ]
            if not posts:  # "X was elected chair of the council", "elected X chair of it"
                posts = [t for t in child_deps(tok, "oprd") if _is_post(index, block, t)]
            if not posts:  # "The President of the Nordic Assembly, X, was elected on Monday"
                posts = [t for t in child_deps(tok, "nsubjpass") if _is_post(index, block, t)]
            owners = [
                o for post in posts for o in child_deps(post, "poss") + prep_objects(post, "of")
            ]
            if posts and not owners:
                # "The council elected X as speaker", "X was elected speaker by the
                # assembly": a post of no owner named is the electing body's
                owners = subjects(tok)
            for owner in owners:
                out += [
                    r
                    for r in actor_refs(index, block, owner)
                    if fits(r.cluster.cls, "Organization")
                ]
        elif spec == "appos":  # "X's predecessor, Y"
            for obj in child_deps(tok, "appos"):
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
        elif spec == "decided":  # "welcomed the decision", "criticised the move": a bare
            # act noun stands for what the last act of its kind before it was on
            for obj in objects:
                c = _decided(index, block, obj)
                if c is not None:
                    out.append(Ref(c, True))
        elif spec == "topic" and not _about_something(tok):
            # "expressed reservations", "voiced objections": nothing after the verb or its
            # noun says what about: the plan named last in its paragraph
            c = _last_named_lately(index, block, tok, frames().topic_classes)
            if c is not None:
                out.append(Ref(c, True))
        elif (
            spec == "implicit"
            and not out
            and not child_deps(tok, "xcomp")  # "offered to send troops": "send" says where
            and (tok.pos_ in ("NOUN", "PROPN") or has_contribution(tok, money=False))
            and not _denied(tok)
            and not _elsewhere(tok)
        ):
            # troops or ships with no force named go to the last one; money does not
            c = index.salient_force(block, tok)
            if c is not None:
                out.append(Ref(c, True))
        if out:
            break
    return out


def _participles_own(index: ArticleIndex, block: int, verb, noun, refs: list[Ref]) -> list[Ref]:
    """A participle right after a noun (no comma) says what that noun is, not its
    conjuncts: "talks between A and a delegation led by B" (B leads the delegation, not the
    talks), while "the army and the navy, led by B," may be both."""
    if verb.dep_ != "acl" or verb.head.i != noun.i or not noun.conjuncts:
        return refs
    # nor a conjunct after it ("a visa, put forward by A, and a fund": A puts forward no fund)
    later = [c for c in noun.conjuncts if c.i > verb.i]
    if not later and any(t.is_punct for t in noun.doc[noun.i + 1 : verb.i]):
        return refs
    apart = later or noun.conjuncts
    own = {r.cluster.id for r in index.refs(block, noun, with_conj=False)}
    theirs = {r.cluster.id for c in apart for r in index.refs(block, c, with_conj=False)}
    return [r for r in refs if r.cluster.id in own or r.cluster.id not in theirs]


def _brings_about(verb) -> bool:
    """Whether a verb brings about what it acts on (frames.yaml `bringing_verbs`: "to hold a
    summit", "that the union send a mission"), as a proposal of it proposes it; not "to
    expand the force", "to disband the council"."""
    return verb_in(verb, frames().bringing_verbs)


def _proposed_clause(verb) -> bool:
    """A complement clause that says what should be done (a bare verb, "that X send a
    mission", or a modal, "that X should send"), not what was done ("suggested that X had
    violated the accord")."""
    if any(c.dep_ == "aux" and c.lower_ in frames().proposing_modals for c in verb.children):
        return True
    # ("that the union send": the parser often reads a bare verb as a present, VBP)
    return verb.tag_ in ("VB", "VBP") and not any(c.dep_ == "aux" for c in verb.children)


def _restated(index: ArticleIndex, block: int, verb) -> list[Ref]:
    """The plan a proposal made as a clause is, named after it by a noun of frames.yaml
    `restating_nouns`: "Norland proposed that the navy patrol the fjords, a plan Velmar
    welcomed", "Norland has proposed that the commission meet every month, envoys familiar
    with the plan said", "... The proposal still needs a vote". The noun is the first plan
    named after the clause, in its sentence or the next, by a definite noun (not "Y
    presented a plan": a new one); no one else is said to make it ("Y presented the plan",
    "the initiative of Y"); it names no content of its own ("the plan for a fund") and no
    owner ("Peru's plan"), and the text did not name its entity before the clause ("the
    proposal" that refers back to another plan)."""
    clauses = [
        c
        for c in child_deps(verb, "ccomp", "xcomp")
        if c.pos_ in ("VERB", "AUX") and (c.dep_ == "xcomp" or _proposed_clause(c))
    ]
    if not clauses:
        return []
    n = index.mentions_before(block, clauses[0])
    last = index.sentence_number(index.pos(block, verb)) + 1
    for m in index.ordered[n:]:
        if m.sent > last:
            break
        c = index.clusters[m.cluster]
        if c.cls != "Plan":
            continue
        noun = index.docs[m.block][m.head]
        if (
            noun.lemma_.lower() not in frames().restating_nouns
            or not (m.definite or _set_beside(noun, clauses[0]))
            or child_deps(noun, "poss")
            or by_maker_verb(noun)
            or _named_maker(index, m.block, noun)
            or _content_named(index, m.block, noun)
            or any(k.cluster == c.id for k in index.ordered[: index.mentions_before(block, verb)])
        ):
            return []  # another plan, or this one named otherwise: no guess
        return [Ref(c, True)]
    return []


def _agreed(index: ArticleIndex, block: int, verb) -> list[Ref]:
    """The agreement parties who "agreed to" do something make, as the text names it right
    after the verb (frames.yaml `agreement_nouns`): "X and Y agreed to set up a joint
    commission. The agreement was signed by ...". Only a to-infinitive that acts on something
    ("agreed to meet again" makes no accord), and only the first agreement named after the
    verb in its sentence or the next two, by a bare definite noun ("the agreement", "the
    accord"; not "Z's accord", "the 1965 claims agreement", "the agreement of 2005") that the
    text did not name before the verb; none when its paragraph named an agreement before the
    verb (what they agreed then is part of that one, or another)."""
    if not any(has_to(c) and child_deps(c, "dobj") for c in child_deps(verb, "xcomp")):
        return []
    n = index.mentions_before(block, verb)
    last = index.sentence_number(index.pos(block, verb)) + 2
    nouns = frames().agreement_nouns

    def agreement(m) -> bool:
        c = index.clusters[m.cluster] if m.cluster >= 0 else None
        return (
            c is not None
            and c.cls == "Plan"
            and index.docs[m.block][m.head].lemma_.lower() in nouns
        )

    if any(m.block == block and agreement(m) for m in index.ordered[:n]):
        return []  # "The agreement follows a visit during which they agreed to ...": another
    for m in index.ordered[n:]:
        if m.sent > last:
            break
        if not agreement(m):
            continue
        c = index.clusters[m.cluster]
        noun = index.docs[m.block][m.head]
        if (
            not m.definite
            or any(k.dep_ != "det" for k in noun.children)
            or any(k.cluster == c.id for k in index.ordered[:n])
        ):
            return []
        return [Ref(c, True)]
    return []


def _set_beside(noun, clause) -> bool:
    """An indefinite noun set after a comma beside the proposed clause it restates, inside
    the proposing verb's phrase: "proposed that the panel meet monthly, a plan that Y welcomed"
    (not "proposed that ... Y later presented a plan": a new one)."""
    doc = noun.doc
    verb = clause.head
    start = noun.left_edge.i
    return (
        start > clause.i
        and doc[start - 1].text == ","
        and verb.left_edge.i <= noun.i <= verb.right_edge.i
        and not any(
            t.pos_ == "VERB" and t.dep_ in ("conj", "ccomp") for t in _between(clause, noun)
        )
    )


def _between(clause, noun) -> list:
    """The words that head a clause of their own between a proposed clause and a noun after
    it (a noun that is an object of a later verb is no restatement)."""
    path = []
    tok = noun.head
    while tok.i != tok.head.i and tok.i != clause.i and tok.i != clause.head.i:
        path.append(tok)
        tok = tok.head
    return path


def _named_maker(index: ArticleIndex, block: int, noun) -> bool:
    """Whether a proposal noun names who makes it in a phrase after it: "the initiative of
    the Nordic Council", "the plan by Y", "a proposal from Y" (frames.yaml `maker_preps`)."""
    preps = ("of", "by", *frames().maker_preps)
    return any(
        r.cluster.cls in ACTOR_CLASSES
        for p in preps
        for o in prep_objects(noun, p)
        for r in actor_refs(index, block, o)
    )


def _content_named(index: ArticleIndex, block: int, noun) -> bool:
    """Whether what a noun says it is about is an entity: the object of a phrase of lexicon
    `content_preps` ("the plan for a fund") or of its to-infinitive when that brings it
    about ("a proposal to deploy a mission", the object `intended` reads; not "a plan to
    auction a share of the licences", which is the plan itself)."""
    objs = [
        o
        for c in noun.children
        if c.dep_ == "prep" and c.lower_ in lexicon().content_preps
        for o in child_deps(c, "pobj")
    ]
    objs += [
        o
        for c in noun.children
        if c.dep_ in ("acl", "relcl") and has_to(c) and _brings_about(c)
        for o in child_deps(c, "dobj")
    ]
    kinds = lexicon().content_classes  # a plan, a force, a body, an event; not "for Velmar"
    return any(
        any(fits(r.cluster.cls, k) for k in kinds)
        for o in objs
        for r in actor_refs(index, block, o)
    )


def _event_before(index: ArticleIndex, block: int, pronoun):
    """The event "it" stands for as the object of a verb whose frame takes events (frames.yaml
    `pronoun`): the one named last before it, in its sentence or the one before, but not in a
    relative clause of its sentence that it is not in ("X, which had mediated during past
    crises, offered to host it": not the crises)."""
    aside = {
        m.cluster
        for clause in pronoun.sent
        if clause.dep_ == "relcl" and pronoun not in clause.subtree
        for t in clause.subtree
        for m in [index.mention_at(block, t)]
        if m is not None
    }
    return index._antecedent(block, pronoun, {"Event"}, same_or_previous=True, exclude=aside)


def _is_post(index: ArticleIndex, block: int, tok) -> bool:
    """A title the mentions read ("the President of the Nordic Assembly")."""
    m = index.mention_at(block, tok)
    return m is not None and index.clusters[m.cluster].cls == "Position"


def _the_offer(noun) -> bool:
    """A bare definite noun of an offer: "the offer", not "an offer", "Sweden's offer", "the
    offer of troops" (frames.yaml `offer_nouns`)."""
    words = frames().offer_nouns
    return (
        noun.lemma_.lower() in words
        and any(c.lower_ in lexicon().definite_determiners for c in noun.children)
        # ("has declined the offer for now": a phrase with no noun says nothing of it)
        and all(
            c.dep_ == "det" or (c.dep_ == "prep" and not child_deps(c, "pobj"))
            for c in noun.children
        )
    )


def _recent_offer(index: ArticleIndex, block: int, tok, newest: bool = True):
    """The last offer stated (`index.offered`) when it lies no more than frames.yaml
    `offer_window` sentences before the token and (`newest`) no newer offer came between;
    else None."""
    last = index.offered
    here = index.sentence_number(index.pos(block, tok))
    if last is None or not 0 <= here - last[0] <= frames().offer_window:
        return None
    if newest and _newer_offer(index, last[2], last[3], block, tok.i):
        return None
    return last


def _newer_offer(index: ArticleIndex, block0: int, i0: int, block: int, i: int) -> bool:
    """Whether an offer no frame stated comes between the last stated one (token `i0` of
    `block0`) and token `i` of `block`: the verb ("Finland offered Velmar a loan") or a noun
    that is no bare "the offer" ("made an offer of its own"); "the offer" is then that one."""
    words = frames().offer_nouns
    for b in range(block0, block + 1):
        doc = index.docs[b]
        start = i0 + 1 if b == block0 else 0
        end = i if b == block else len(doc)
        for t in doc[start:end]:
            if t.lemma_.lower() in words and (t.pos_ == "VERB" or not _the_offer(t)):
                return True
    return False


def _asks_for_forces(noun, verb) -> bool:
    """Whether a request noun (lexicon `theme_requests`) the verb acts on asks for troops or
    ships (lexicon `contribution_nouns`, not money): in its "for" phrase ("an appeal for two
    more frigates"), in its to-infinitive ("a request to send two frigates"), or, for "the
    request" that says nothing more, in what the verb's subject was asked to do ("X, which
    the commander had asked to provide two medical teams, turned down the request";
    frames.yaml `asking_verbs`)."""
    if not _is_request(noun):
        return False
    if any(has_to(v) for v in child_deps(verb, "advcl")):
        return False  # "... request for troops to help police its election", parsed on the verb
    nouns = lexicon().contribution_nouns
    wanted = [o for o in prep_objects(noun, "for") if is_contribution(o, nouns, money=False)]
    if wanted:  # not troops wanted for a purpose of their own ("for troops to guard X")
        return not any(_purposed(t) for t in [noun, *wanted])
    clauses = [v for v in child_deps(noun, "acl", "relcl") if has_to(v)]
    if not clauses and not child_deps(noun, "prep"):
        asked = [
            c
            for s in child_deps(verb, "nsubj")
            for c in s.children
            if c.dep_ == "relcl" and c.lemma_.lower() in frames().asking_verbs
        ]
        clauses = [x for a in asked for x in child_deps(a, "xcomp") if has_to(x)]
    # (not one that names where the troops were to go, "a request to send observers to the
    # conference", nor what they were for, "to send troops to police the election")
    return any(
        has_contribution(c, money=False) and not _names_an_end(c) and not _purposed(c)
        for c in clauses
    )


def _purposed(tok) -> bool:
    """Whether a noun or a verb (or a verb's object) has a to-infinitive of its own, a
    purpose that says what the troops are for ("troops to guard the border", "to send
    troops to police its election")."""
    holders = [tok, *direct_objects(tok)] if tok.pos_ in ("VERB", "AUX") else [tok]
    return any(has_to(v) for h in holders for v in child_deps(h, "acl", "relcl", "advcl", "xcomp"))


def _offered_post(verb):
    """The post noun (frames.yaml `post_objects`) a passive verb of offering before `verb` in
    its sentence offered, when `verb` turns down "it" or nothing ("X, who was offered the job
    of chief pilot at Y, turned it down", "the portfolio was offered to X, who declined");
    else None."""
    objs = direct_objects(verb)
    if objs and not all(o.lower_ in lexicon().thing_pronouns for o in objs):
        return None
    if not objs and not _bare(verb):
        return None
    f = frames()
    for offer in verb.sent:
        if offer.i >= verb.i or offer.lemma_.lower() not in f.offering_verbs:
            continue
        if not any(c.dep_ in ("nsubjpass", "auxpass") for c in offer.children):
            continue
        for noun in child_deps(offer, "dobj", "nsubjpass"):
            if noun.lemma_.lower() in f.post_objects:
                return noun
    return None


def _asked_label(noun) -> str:
    """A request's or an offer's name: the noun with the words that qualify it before it
    ("a Velmari request to reopen the port" -> Velmari request, "the offer" -> offer)."""
    words = [c for c in noun.lefts if c.dep_ in ("amod", "compound")]
    start = min((w.left_edge.i for w in words), default=noun.i)
    words = [t.text for t in noun.doc[start : noun.i] if not t.is_punct]
    return " ".join([*words, noun.lemma_.lower()])


def _is_project(c) -> bool:
    """Whether an entity's name has a project's head word (frames.yaml `project_nouns`)."""
    return _name_head(c.label) in frames().project_nouns


def _name_head(label: str) -> str:
    """The head word of a name: its last word before a complement ("fund for digital content"
    -> fund, "Coral Gas Pipeline" -> pipeline; lexicon `head_complement_preps` and "of")."""
    words = label.lower().split()
    preps = lexicon().head_complement_preps | {"of"}
    cut = next((j for j, w in enumerate(words) if j and w in preps), len(words))
    return words[cut - 1] if words else ""


def _money_only(verb) -> bool:
    """Whether the verb gives money and nothing else (no troops nor ships), and names no one
    or nothing it goes to or is for ("pledged $5 million", not "$5 million for the plants",
    "for Velmar")."""
    if not has_contribution(verb) or has_contribution(verb, money=False):
        return False
    return not _names_an_end(verb)


def _names_an_end(verb) -> bool:
    """Whether the verb (or its object) says where or for what or whom it gives (frames.yaml
    `given_preps`: "$5 million for the plants", "to send observers to the conference")."""
    holders = [verb, *direct_objects(verb)]
    return any(
        o.pos_ in ("NOUN", "PROPN", "PRON") and o.ent_type_ not in ("DATE", "TIME")
        for h in holders
        for p in frames().given_preps
        for o in prep_objects(h, p)
    )


def _is_request(noun) -> bool:
    """A noun of asking (lexicon `theme_requests`: "request", "appeal")."""
    words = lexicon().theme_requests
    return noun.lemma_.lower() in words or noun.lower_ in words


def _bare(verb) -> bool:
    """A verb with no object and no prepositional phrase ("declined to attend")."""
    return verb.pos_ in ("VERB", "AUX") and not child_deps(verb, "dobj", "prep", "xcomp", "ccomp")


def _invited(verb) -> bool:
    """Whether the verb's subject was invited: in a relative clause on it ("X, which had
    been invited to send observers, has declined") or a passive the verb is coordinated
    with ("X was invited to join the talks but declined")."""
    invites = frames().invitation_verbs
    if verb.dep_ == "conj" and verb.head.lemma_.lower() in invites:
        return True
    return any(
        c.dep_ == "relcl" and c.lemma_.lower() in invites
        for s in child_deps(verb, "nsubj")
        for c in s.children
    )


def _carried_by(noun) -> bool:
    """An event noun that is the object of a verb that only ends it (frames.yaml
    ending_verbs with an `ended_nouns` noun: "suspended the deployment of 200 troops to X"):
    the verb's prepositions are the noun's, wherever the parser hangs them."""
    f = frames()
    head = noun.head
    return (
        noun.pos_ == "NOUN"
        and noun.dep_ == "dobj"
        and head.pos_ == "VERB"
        and noun.lemma_.lower() in f.ended_nouns
        and verb_in(head, f.ending_verbs)
    )


def _elsewhere(tok) -> bool:
    """A clause that says where it goes in a word of its own ("send troops abroad",
    "deploy ships overseas"; frames.yaml `destination_words`): no force is guessed for it."""
    words = frames().destination_words
    return any(c.lower_ in words for c in tok.children if c.dep_ in ("advmod", "npadvmod"))


def _denied(tok) -> bool:
    """A clause or event noun that is negated or ended ("did not send ships", "stopped
    sending ships to the naval patrol"): what it denies is stated only of a target it
    names, never of a guessed one (the article's last force, which it may contradict)."""
    level = noun_modality(tok) if tok.pos_ in ("NOUN", "PROPN") else modality(tok)
    return level == "negated"


def _named_lately(index: ArticleIndex, block: int, tok, cluster) -> bool:
    """Whether the entity is named earlier in the token's paragraph ("The mandate passed by
    512 votes. The Greens voted against it."), not only in one before; or, when the token's
    sentence opens its paragraph, in the paragraph just before (a live blog's next entry:
    "11:30 - Mexico and Colombia have come out in favour.")."""
    opens = tok.sent.start == 0
    for m in reversed(index.ordered[: index.mentions_before(block, tok)]):
        if m.block != block and not (opens and m.block == block - 1):
            return False
        if m.cluster == cluster.id:
            return True
    return False


def _last_named_lately(index: ArticleIndex, block: int, tok, classes) -> Cluster | None:
    """The entity of `classes` named last before the token in its paragraph (or, when the
    token's sentence opens its paragraph, in the paragraph just before: `_named_lately`)."""
    opens = tok.sent.start == 0
    for m in reversed(index.ordered[: index.mentions_before(block, tok)]):
        if m.block != block and not (opens and m.block == block - 1):
            return None
        c = index.clusters[m.cluster]
        if any(fits(c.cls, k) for k in classes):
            return c
    return None


def _decided(index: ArticleIndex, block: int, noun) -> Cluster | None:
    """What a bare definite act noun (frames.yaml `decision_nouns`: "the decision", "this
    step"; not "the decision to close the embassy", "Norland's move") stands for: the plan or
    force the nearest act of its kind before it was on, a verb's object ("extended the
    mission", "agreed to deploy a team") or the "of" phrase of a noun of the act ("approved
    the extension of the mission"). A nearer act that is no such one, in its paragraph or the
    one before, is the decision meant, and names nothing here (review AF9): a verb of the kind
    on no plan nor force ("decided to close its border"), or another act (`other_decisions`:
    "a court released X", "expelled two diplomats")."""
    f = frames()
    acts = f.decision_nouns.get(noun.lemma_.lower())
    kids = list(noun.children)
    if (
        not acts
        or not kids
        or any(k.dep_ != "det" or k.lower_ not in lexicon().definite_determiners for k in kids)
    ):
        return None
    for b in range(block, -1, -1):
        doc = index.docs[b]
        near = b >= block - 1  # another act is the one meant in its paragraph or the last
        for t in reversed(doc[: noun.i] if b == block else doc):
            if t.i == noun.head.i and b == block:
                continue  # the stance's own verb ("rejected the decision")
            is_verb = t.pos_ == "VERB"
            if is_verb and verb_in(t, acts):
                themes = direct_objects(t)
            elif t.pos_ == "NOUN" and t.lemma_.lower() in acts:
                themes = prep_objects(t, "of")
            elif is_verb and near and verb_in(t, f.other_decisions):
                return None
            else:
                continue
            for theme in themes:
                for r in actor_refs(index, b, theme):
                    if any(fits(r.cluster.cls, k) for k in f.decided_classes):
                        return r.cluster
            if is_verb and near and t.dep_ not in ("relcl", "acl"):
                return None  # (a relative clause tells of another time: "which was launched")
    return None


def _about_something(verb) -> bool:
    """Whether the verb or its direct object has a phrase that says what the stance is about
    (frames.yaml `about_preps`, one word or more: "expressed reservations about the cost",
    "with regard to the cost", "because of the cost")."""
    about = frames().about_preps
    for w in (verb, *direct_objects(verb)):
        for prep in child_deps(w, "prep"):
            words = " ".join(t.lower_ for t in prep.subtree) + " "
            if any(words.startswith(f"{entry} ") for entry in about):
                return True
    return False


def _names_nothing(tok, words: list[str]) -> bool:
    """Whether the verb has the preposition `words[0]` (with its noun `words[1]`: "in
    favour") and nothing named after it: no object ("voted in favour"), or a pronoun of a
    thing ("voted against it"), which a vote has for what it is on; "voted for her" names
    her."""
    for prep in child_deps(tok, "prep"):
        if prep.lower_ != words[0]:
            continue
        objs = child_deps(prep, "pobj", "pcomp")
        if len(words) > 1:
            if not any(o.lower_ == words[1] and not child_deps(o, "prep") for o in objs):
                continue
            return True
        if all(o.pos_ == "PRON" and o.lower_ in lexicon().thing_pronouns for o in objs):
            return True
    return False


def _brings_or_carries(verb) -> bool:
    """Whether a gerund brings about or carries on what it acts on ("opening a trade office",
    "keeping the fixed price": frames.yaml `bringing_verbs`, lexicon `carrying_verbs`): proposing
    it proposes that; not "raising the fuel tax", whose plan is the raise (review r18 AD15)."""
    return verb_in(verb, frames().bringing_verbs | lexicon().carrying_verbs)


def _echoed(index: ArticleIndex, block: int, tok, kind: str) -> list:
    """The objects of the last offer or refusal before `tok` (`index.echo`) when its
    predicate is one frames.yaml `echoes` lists under `kind` and it lies within the echoes'
    `window` of sentences; else none."""
    rule = frames().echoes
    last = index.echo
    here = index.sentence_number(index.pos(block, tok))
    if last is not None and last[1] in rule[kind] and 0 <= here - last[0] <= rule["window"]:
        return list(last[2])
    return []


def _undoes(verb) -> bool:
    """Whether a verb undoes what it acts on ("to disband the council", "withdrawing the
    mission": frames.yaml `undoing_verbs`): a proposal or a stance on that is none on it."""
    return verb_in(verb, frames().undoing_verbs)
