"""What "it" and "its" stand for: the country or body that reports the clause ("Norland said
it would ..."), for a possessive before a title the nearest one the title fits ("A criticised B,
and its secretary general": B, a body), before another noun the subject of the clause above it,
the object of a coordinated clause before ("The union adopted the plan, and Velmar opposed it"),
else the last one named. A part of ArticleIndex (kg/extract/resolve.py), which mixes it in."""

from __future__ import annotations

from functools import cache

from kg.extract.clusters import Cluster
from kg.extract.doc_memo import sentence
from kg.extract.lexicon import frames, lexicon
from kg.extract.syntax.arguments import shared_subject

# the classes of entities that act (say, send, lead); "it" stands for one of them but a person
ACTOR_CLASSES = {
    "Person",
    "Organization",
    "GovernmentBody",
    "ArmedForce",
    "PoliticalParty",
    "NewsAgency",
    "InternationalOrganization",
    "Country",
}

# what "it" after a preposition of a verb stands for when the last actor named is the verb's
# own doer: a body or a force, not a country or a person ("Norland will not contribute to it")
_RECEIVERS = ACTOR_CLASSES - {"Person", "Country"}

# what a subject "it" continues from the sentence before: an actor but a person, a plan, an event
_TOPIC_CLASSES = (ACTOR_CLASSES - {"Person"}) | {"Plan", "Event"}


class Things:
    """The "it"/"its" lookups of ArticleIndex (they use its mentions and lookups)."""

    def _thing_pronoun(self, block: int, tok) -> Cluster | None:
        """The country or body "it"/"its" stands for (or nothing)."""
        things = ACTOR_CLASSES - {"Person"}
        reporter = self._reporter(block, tok)
        if reporter is not None:  # "Norland said it would ...": Norland, or nothing
            c = reporter if reporter.cls in things else None
            return c or self._reporters_owner(block, tok)
        c = None
        if tok.dep_ == "poss":
            c = self._thing_owner(block, tok)
            if c is None and self._title_classes(block, tok.head) is not None:
                return None  # no actor before it fits the title: not the last one named
        elif tok.dep_ == "dobj":
            c = self._parallel(block, tok, "dobj")
            if c is None and tok.head.lemma_.lower() in _plan_verbs():
                # "X tabled an amendment. Speaking for the group, Y rejected it": the
                # amendment (frames.yaml `plan_pronoun_predicates`)
                c = self._plan_it(block, tok)
        elif tok.dep_ == "nsubjpass":  # "X launched the mission, and it is led by Y": the mission
            if tok.head.lemma_.lower() in _plan_verbs(frozenset({"signs"})):
                # "X drafted an accord. It was signed by Y": the accord (only a plan is signed)
                c = self._plan_it(block, tok)
            if c is None:
                c = self._parallel(block, tok, "dobj", "nsubjpass") or self._topic_subject(
                    block, tok
                )
        elif tok.dep_ == "nsubj" and not _controls_an_object(tok.head.head):
            c = self._parallel(block, tok, "nsubj") or self._topic_subject(block, tok)
        if c is not None:
            return c
        c = self._antecedent(block, tok, things, same_or_previous=True)
        doers = self._own_doers(block, tok)
        if c is not None and c.id in doers:
            # "it" is not its own clause's doer ("itself"): a body or a force named before,
            # not another country or person, nor the doer of a clause above it ("Norland
            # said Sudria would send troops to it": not Norland, the speaker)
            doers |= self._doers_above(block, tok)
            c = self._receiver_before(block, tok, doers)
        return c

    def _receiver_before(self, block: int, tok, exclude: set[int]) -> Cluster | None:
        """The last body or force (`_RECEIVERS`) that is an argument of a main clause before
        the token, in its sentence or the one before, other than those `exclude`d ("Sudria
        will back the brigade, whose troops have fought the Coastal Front. Norland has no
        plan to contribute to it": the brigade, not the force of the relative clause);
        nothing when none is."""
        doc = tok.doc
        start = sentence(tok).start
        first = sentence(doc[start - 1]).start if start > 0 else start
        found = None
        for t in doc[first : tok.i]:
            head = t.head
            if (
                t.dep_ in ("nsubj", "dobj", "nsubjpass")
                and t.pos_ in ("NOUN", "PROPN")
                and (head.dep_ == "ROOT" or (head.dep_ == "conj" and head.head.dep_ == "ROOT"))
            ):
                for r in self._refs_one(block, t):
                    if r.cluster.cls in _RECEIVERS and r.cluster.id not in exclude:
                        found = r.cluster
        return found

    def _doers_above(self, block: int, tok) -> set[int]:
        """The entities that do what the verbs above the token's clause say, in its sentence
        ("Norland said Sudria would send troops to it", "Sudria welcomed the force and
        Norland will contribute a ship to it": Norland, Sudria)."""
        out: set[int] = set()
        verb = tok.head.head
        while verb.head.i != verb.i:
            verb = verb.head
            subject = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
            if subject is not None:
                out |= {
                    r.cluster.id
                    for t in (subject, *subject.conjuncts)
                    for r in self._refs_one(block, t)
                }
        return out

    def _own_doers(self, block: int, tok) -> set[int]:
        """For "it" after a preposition of a verb or as its direct object, the entities that
        do what the verb says: "it" there is never its own clause's subject, which would be
        "itself" ("The brigade was set up in May. Norland will not contribute to it": the
        brigade, not Norland; "Norland and Sudria backed it": neither)."""
        if tok.dep_ == "dobj" and tok.head.pos_ in ("VERB", "AUX"):
            verb = tok.head
        elif (
            tok.dep_ == "pobj" and tok.head.dep_ == "prep" and tok.head.head.pos_ in ("VERB", "AUX")
        ):
            verb = tok.head.head
        else:
            return set()
        doer = shared_subject(verb, intentions=True)
        if doer is None or doer.lower_ in lexicon().thing_pronouns:
            return set()
        # ("Norland and Sudria each offered a battalion to it": neither; "Sudria's minister
        # backed it": not Sudria)
        doers = (doer, *doer.conjuncts)
        owners = [o for t in doers for o in t.children if o.dep_ == "poss"]
        return {r.cluster.id for t in (*doers, *owners) for r in self._refs_one(block, t)}

    def _topic_subject(self, block: int, tok) -> Cluster | None:
        """For "it" that is the first subject of its sentence, the body, force, plan or event
        that is the subject of the main clause of the sentence before (or of the clause its
        reporting verb follows), not the last one named: a subject stays the topic ("The
        Velmar Force has 900 soldiers from Norland and Sudria. It is commanded by X": the
        force, not Sudria)."""
        if any(t.i < tok.i and t.dep_ in ("nsubj", "nsubjpass") for t in sentence(tok)):
            return None
        doc, b = self.docs[block], block
        start = sentence(tok).start
        if start > 0:
            previous = sentence(doc[start - 1])
        elif block > 0 and len(self.docs[block - 1]):
            b = block - 1
            previous = list(self.docs[b].sents)[-1]
        else:
            return None
        root = previous.root
        clauses = [root]
        if root.lemma_.lower() in lexicon().reporting_verbs:  # "S, the ministry said": S first
            # (not "X said that S": what X said may be what a correction takes back)
            clauses = [c for c in root.children if c.dep_ == "ccomp" and c.i < root.i] + clauses
        for clause in clauses:
            if tok.dep_ != "nsubjpass" and any(c.dep_ == "agent" for c in clause.children):
                # "The summit was hosted by Norland. It will also host ...": the agent may be
                # what an active "it" continues as well as the patient (review r14 Z7); a
                # passive "it" is the same patient again ("The accord was signed by A. It was
                # rejected by B")
                return None
            for subject in (c for c in clause.children if c.dep_ in ("nsubj", "nsubjpass")):
                if subject.lower_ in lexicon().thing_pronouns:
                    # a chain of "it" is not followed: each step would be one level of
                    # recursion ("It met again." four hundred times ends no build)
                    return None
                refs = [self.as_actor(r) for r in self._refs_one(b, subject)]
                if refs:
                    c = refs[0].cluster
                    return c if c.cls in _TOPIC_CLASSES else None
        return None

    def _plan_it(self, block: int, tok) -> Cluster | None:
        """The plan "it" stands for as the object of a stance or a signing: the last plan
        that is an argument of a main clause before it, in its sentence or the one before
        ("Norland tabled an amendment to the accord. Velmar rejected it": the amendment, not
        the accord in its phrase); nothing when those arguments are other things ("Norland
        invaded Sudria under the accord. The UN condemned it"); the plan named last when no
        main clause has an argument. A clause a main verb of saying reports counts as a main
        clause ("X said Norland backed the plan. Sudria also backed it": the plan)."""
        doc = tok.doc
        start = sentence(tok).start
        first = sentence(doc[start - 1]).start if start > 0 else start
        found = None
        arguments = False
        reporting = lexicon().reporting_verbs
        for t in doc[first : tok.i]:
            head = t.head
            if head.dep_ == "ccomp" and head.head.lemma_.lower() in reporting:
                head = head.head  # the clause reported is what the sentence says
            if (
                t.dep_ in ("nsubj", "dobj", "nsubjpass")
                and t.pos_ in ("NOUN", "PROPN")
                and head.i != tok.head.i
                and (head.dep_ == "ROOT" or (head.dep_ == "conj" and head.head.dep_ == "ROOT"))
            ):
                arguments = True
                plans = [r.cluster for r in self._refs_one(block, t) if r.cluster.cls == "Plan"]
                found = plans[0] if plans else found
        if found is not None or arguments:
            return found
        return self._antecedent(block, tok, {"Plan"}, same_or_previous=True)

    def _thing_owner(self, block: int, tok) -> Cluster | None:
        """For "its" before a noun: before a title that belongs to some classes only (lexicon
        `title_owner_classes`), the nearest actor named before it in its sentence whose class
        fits the title ("A criticised B, and its secretary general": B, a body; "..., and its
        foreign minister": the country); else the body or country that is the subject of the nearest
        clause above it, named before it ("The force will be commanded by Y, who was named
        its commander": the force's; a seat of government for its country), or the object
        that controls a clause without a subject ("urged X to replace its ...": X's)."""
        things = ACTOR_CLASSES - {"Person"}
        if tok.head.dep_ == "conj":  # "Sweden and its prime minister": Sweden's
            refs = [self.as_actor(r) for r in self._refs_one(block, tok.head.head)]
            if refs and refs[0].cluster.cls in things:
                return refs[0].cluster
        classes = self._title_classes(block, tok.head)
        if classes is not None:
            return self._nearest_actor(block, tok, classes & things)
        for verb in tok.ancestors:
            if verb.pos_ not in ("VERB", "AUX"):
                continue
            controller = _controlling_object(verb)
            if controller is not None and controller.i < tok.i:
                refs = [self.as_actor(r) for r in self._refs_one(block, controller)]
                if refs and refs[0].cluster.cls in things:
                    return refs[0].cluster
            for subject in verb.children:
                # "Norvik, for its part, is considering its own sanctions": the parser may read
                # a subject written first as a noun phrase adverb
                if subject.dep_ not in ("nsubj", "nsubjpass", "npadvmod") or subject.i >= tok.i:
                    continue
                if tok in subject.subtree:
                    continue
                refs = [self.as_actor(r) for r in self._refs_one(block, subject)]
                if refs and refs[0].cluster.cls in things:
                    return refs[0].cluster
        return None

    def _title_classes(self, block: int, noun) -> frozenset[str] | None:
        """The classes of what a title may belong to (lexicon `title_owner_classes`, by its
        last words), or None for a noun that is no title or a title not listed."""
        m = self.mention_at(block, noun)
        if m is None or self.clusters[m.cluster].cls != "Position":
            return None
        words = self.clusters[m.cluster].label.lower().split()
        owners = lexicon().title_owner_classes
        return next(
            (
                owners[" ".join(words[k:])]
                for k in range(len(words))
                if " ".join(words[k:]) in owners
            ),
            None,
        )

    def _nearest_actor(self, block: int, tok, classes) -> Cluster | None:
        """The entity of one of `classes` that a word before the token in its sentence stands
        for, the nearest first (a seat of government for its country), but no place a
        preposition names (lexicon `place_prepositions`), else the one named last before it
        in the sentence before."""
        lex = lexicon()
        for word in reversed(tok.doc[sentence(tok).start : tok.i]):
            if word.pos_ not in ("NOUN", "PROPN", "PRON") or word.lower_ in lex.thing_pronouns:
                continue
            if word.dep_ == "pobj" and word.head.lower_ in lex.place_prepositions:
                continue  # "sent a mission to Sudria, and its commander": where, not whose
            if word.is_ancestor(tok):
                continue  # "an official, its ambassador, X": the phrase "its" is in
            for ref in self._refs_one(block, word):
                c = self.as_actor(ref).cluster
                if c.cls in classes:
                    return c
        return self._antecedent(block, tok, set(classes), same_or_previous=True)

    def _parallel(self, block: int, tok, *deps: str) -> Cluster | None:
        """For "it" as the object (or the subject) of a clause coordinated with one before
        it, that clause's object (or subject), not the last body named ("Norland will host
        the summit in May, and X will chair it": the summit; "The union adopted the plan, and
        Velmar opposed it": the plan; "Sweden will not join the alliance, but it will send
        troops": Sweden; a passive "it" is what the clause before acted on: "Norland proposed
        the plan, but it was rejected by Velmar": the plan). Coordinated with a verb that
        reports, also the clause it reports ("Norland will not send troops, its minister
        said, but it offered to host the hub": Norland, not the last country named)."""
        verb = tok.head
        if verb.dep_ != "conj" or verb.head.i >= verb.i:
            return None
        heads = [verb.head]
        if verb.head.lemma_.lower() in lexicon().reporting_verbs:
            # the reported clause first: the reporter in parentheses is not what "it"
            # continues ("Norland backed the plan, Velmar said, but it did not join": Norland)
            reported = [c for c in verb.head.children if c.dep_ == "ccomp" and c.i < verb.i]
            if verb.head.dep_ == "parataxis" and verb.head.head.i < verb.head.i:
                reported.append(verb.head.head)  # "X will not send troops, Y said, but it"
            heads = reported + heads
        for obj in (c for head in heads for c in head.children):
            if obj.dep_ not in deps or obj.i >= tok.i:
                continue
            refs = [self.as_actor(r) for r in self._refs_one(block, obj)]
            if refs and refs[0].cluster.cls != "Person":
                return refs[0].cluster
        return None


@cache
def _plan_verbs(predicates: frozenset[str] | None = None) -> frozenset[str]:
    """The verbs of the predicates whose object "it" is a plan first (frames.yaml
    `plan_pronoun_predicates`, or those of them given): "rejected it", "signed it"."""
    f = frames()
    return frozenset(
        w
        for fr in f.verbs
        if fr.predicate in f.plan_pronoun_predicates
        and (predicates is None or fr.predicate in predicates)
        and "dobj" in fr.objects
        and not fr.only_refused  # "before the Bundestag renews it": no stance, no signing
        and not fr.under  # nor only under a stance ("agreed to extend it"): not every "it"
        and not fr.heads  # nor only of some head words ("extended its accord"; "renews it")
        for w in fr.lemmas
    )


def _controls_an_object(verb) -> bool:
    """Whether a verb takes an object that is the subject of its complement ("invited Norland
    to join": a later "it" may be Norland as well as the inviter, so no parallel reading)."""
    return verb.lemma_.lower() in frames().object_control_verbs | frames().object_control and any(
        c.dep_ == "xcomp" for c in verb.children
    )


def _controlling_object(verb):
    """For a clause with no subject of its own that completes a verb of object control
    ("urged X to replace its ...", frames.yaml `object_control_verbs`), the object that is
    its subject."""
    if verb.dep_ != "xcomp" or any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children):
        return None
    head = verb.head
    if head.lemma_.lower() not in frames().object_control_verbs | frames().object_control:
        return None
    return next((c for c in head.children if c.dep_ == "dobj" and c.i < verb.i), None)
