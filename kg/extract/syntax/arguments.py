"""Arguments: who does what a verb says, to whom, and with which prepositions.

The subjects of a verb (the agent of a passive, the subject a control verb shares, the
owner of an intention noun: "X has no plans to join"), its objects (the subject of a
passive, the object of "urged X to"), the objects of its prepositions (complex ones too:
"on behalf of") and its lemma with a particle ("rule out"). The word lists that steer this
(creation verbs, object-control verbs, particles, duty nouns) are data:
data/patterns/frames.yaml.
"""

from __future__ import annotations

from kg.extract.lexicon import frames, lexicon
from kg.extract.syntax.tree import tree


def child_deps(tok, *deps: str) -> list:
    doc = tok.doc
    t = tree(doc)
    dep = t.dep
    return [doc[j] for j in t.kids[tok.i] if dep[j] in deps]


def proposed_theme(verb):
    """What a proposed clause in the passive says is to be done with, or None: "proposed that
    compensation for the fishermen be paid" (the compensation, the passive's subject), "that
    member states be given a transition period" (the period, its direct object). The clause
    is a complement with a bare passive ("be paid") or one after a proposing modal ("should
    be paid"; frames.yaml `proposing_modals`), no other auxiliary ("would be paid" reports);
    a thing named before (definite, a name) only when the clause brings it about (review r13
    Y2: "that the accord be amended" proposes no accord)."""
    t = tree(verb.doc)
    i = verb.i
    if t.dep[i] != "ccomp":
        return None
    kids = t.kids[i]
    modals = frames().proposing_modals
    if not any(t.dep[c] == "auxpass" and t.lower[c] == "be" for c in kids):
        return None
    if any(t.dep[c] == "aux" and t.lower[c] not in modals for c in kids):
        return None
    theme = next((c for wanted in ("dobj", "nsubjpass") for c in kids if t.dep[c] == wanted), None)
    if theme is None:
        return None
    # what it does to a thing already there ("that the accord be amended", "that the mandate
    # be extended") proposes no thing; only what it brings about may be one named before
    # ("that the mission be sent": frames.yaml `bringing_verbs`)
    definite = t.pos[theme] == "PROPN" or any(
        t.dep[c] == "poss" or (t.dep[c] == "det" and t.lower[c] in lexicon().definite_determiners)
        for c in t.kids[theme]
    )
    if definite and phrasal_lemma(verb) not in frames().bringing_verbs:
        return None
    return verb.doc[theme]


def is_passive(verb) -> bool:
    """A passive verb, a participle with an agent ("the partnership formed by A and B",
    tagged as a past tense by the parser), or one joined to its agent by a hyphen ("the
    UN-led force")."""
    return _passive(verb.doc, verb.i)


def _passive(doc, i: int) -> bool:
    t = tree(doc)
    dep = t.dep
    kids = t.kids[i]
    return (
        any(dep[j] in ("nsubjpass", "auxpass") for j in kids)
        or (dep[i] == "acl" and (t.tag[i] == "VBN" or any(dep[j] == "agent" for j in kids)))
        or (dep[i] == "amod" and hyphen_agent(doc[i]) is not None)
        or _shared_passive(t, i)
    )


def _shared_passive(t, i: int) -> bool:
    """A participle with an agent coordinated with a passive, whose auxiliary it shares:
    "the accord, which was proposed by A and backed by B" (B backs the accord)."""
    h = t.head[i]
    return (
        t.dep[i] == "conj"
        and h != i
        and t.tag[i] == "VBN"
        and any(t.dep[j] == "agent" for j in t.kids[i])
        and any(t.dep[j] in ("nsubjpass", "auxpass") for j in t.kids[h])
    )


def hyphen_agent(verb):
    """The agent of a participle written with it as one word before a noun: "the UN-led
    force", "a Norland-brokered ceasefire", "the EU-funded programme" (the participle
    modifies the noun it acts on; the word before the hyphen does it)."""
    if verb.dep_ != "amod" or verb.i < 2:
        return None
    doc = verb.doc
    hyphen, agent = doc[verb.i - 1], doc[verb.i - 2]
    if hyphen.text != "-" or hyphen.whitespace_ or agent.whitespace_:
        return None
    if agent.head.i != verb.i or agent.pos_ not in ("PROPN", "NOUN"):
        return None
    return agent


def duty_holder(verb):
    """ "disarming the militia is not Uruguay's responsibility": the noun 'responsibility'."""
    t = tree(verb.doc)
    if t.dep[verb.i] in ("csubj", "nsubj") and t.tag[verb.i] == "VBG":
        for attr in child_deps(verb.head, "attr"):
            if attr.lemma_.lower() in frames().duty_nouns and child_deps(attr, "poss"):
                return attr
    return None


def shared_subject(verb, intentions: bool = False):
    """A verb's subject, or the subject it shares with the verb it is coordinated with or
    completes ("X agreed to meet her", "X arrived and said ..."); with `intentions`, also with
    the verb whose object's intention it states ("has no plans to contribute to it", "made an
    offer to send troops to it"). None when there is none within four steps."""
    for _ in range(4):
        subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
        if subject is not None:
            return subject
        if verb.dep_ in ("conj", "xcomp") and verb.head.i != verb.i:
            verb = verb.head
        elif intentions and verb.dep_ == "acl" and verb.head.dep_ == "dobj":
            verb = verb.head.head
        else:
            return None
    return None


def subjects(verb) -> list:
    """The tokens that do what `verb` says (for a passive: the agent)."""
    return _kept(verb, "subjects", _subjects)


def direct_objects(verb) -> list:
    """The tokens `verb` acts on (for a passive: its subject)."""
    return _kept(verb, "objects", _direct_objects)


def _kept(tok, what: str, find) -> list:
    """`find(tok)`, worked out once per token of a Doc (the helpers are pure: a verb's
    arguments are asked for by the clause finder and again by frames and constructions)."""
    doc = tok.doc
    done = tree(doc).done
    got = done.get((what, tok.i))
    if got is None:
        got = done[(what, tok.i)] = tuple(t.i for t in find(tok))
    return [doc[i] for i in got]


def _subjects(verb) -> list:
    duty = duty_holder(verb)
    if duty is not None:
        return child_deps(duty, "poss")
    if is_passive(verb):
        agent = hyphen_agent(verb)
        if agent is not None:  # "the UN-led force"
            return [agent]
        agents = [p for a in _agent_phrases(verb) for p in child_deps(a, "pobj")]
        return agents + _stray_conjuncts(verb, agents)
    found = child_deps(verb, "nsubj")
    if found:
        return _named_instead(verb, found)
    found = _speaker_in_apposition(verb)
    if found:
        return found
    head = verb.head
    noun_head = _intention_noun(verb)
    if noun_head is not None:  # "X has no plans to join": X would join
        owner = child_deps(noun_head, "poss") or prep_objects(noun_head, "by")
        if owner:  # "Y welcomed X's offer to host the forum": X would host it
            return owner
        if noun_head.dep_ == "nsubjpass":
            return []  # "the decision to send troops was welcomed by Y": not Y's
        return subjects(noun_head.head)
    if verb.dep_ in ("xcomp", "advcl") and head.i != verb.i:
        if head.pos_ == "ADJ" and head.dep_ in ("acomp", "amod"):
            head = head.head
        lemma = head.lemma_.lower()
        lex = lexicon()
        if (
            lemma in frames().creation_verbs
            or lemma in frames().object_control_verbs
            or (  # "elected X as its chief, replacing Y": X replaces Y
                lemma in lex.appointment_verbs and verb.lemma_.lower() in lex.succession_verbs
            )
        ):
            made = child_deps(head, "dobj")
            if not made and has_to(verb):  # "named a police general to run it", parsed as
                made = child_deps(
                    head, "oprd"
                )  # a complement; not "appointed minister, succeeding"
            if made:
                return made
        if is_passive(head) and not child_deps(head, "agent"):
            raised = child_deps(head, "nsubjpass")  # "X is expected to visit"
            if not raised and head.dep_ == "conj" and head.head.i != head.i:
                # "X accepted the invitation and is expected to visit": the first verb's
                raised = child_deps(head.head, "nsubj", "nsubjpass")
            if raised:
                return raised
        if verb.dep_ == "advcl" and verb.tag_ == "VBG" and is_passive(head):
            # "X was appointed by the council, replacing Y": X replaces Y, not the agent
            patient = [p for p in child_deps(head, "nsubjpass") if _can_act(p)]
            holder = _continued_relative(verb, head)
            if holder is not None:  # "..., by its prime minister, Y, who was appointed
                return [holder]  # in March, replacing Z": Y, not the other agents
            if patient:
                return patient
        return subjects(head)
    if (
        verb.tag_ == "VBG"
        and verb.dep_ in ("pcomp", "pobj")
        and head.lower_ in frames().gerund_subject_preps
        and head.head.pos_ in ("VERB", "AUX")
    ):  # "X joined Y in voting for it", "X replied by sending troops": X votes, sends
        return subjects(head.head)
    if (
        verb.tag_ == "VBG"
        and verb.dep_ == "pcomp"
        and head.lower_ == "to"
        and head.head.pos_ == "ADJ"
        and head.head.dep_ == "acomp"
        and head.head.lower_ in frames().gerund_adjectives
        and verb.lemma_.lower() in frames().weighing_gerunds
    ):  # "X is open to examining it": X weighs it (not "open to signing it": no signing)
        return subjects(head.head.head)
    if verb.dep_ == "conj" and head.i != verb.i:
        if is_passive(head):  # "X was elected and leads Y": X leads
            return child_deps(head, "nsubjpass") or subjects(head)
        return subjects(head)
    if verb.dep_ in ("relcl", "acl") and not is_passive(verb):
        return [head]
    return _stranded_subject(verb)


def speaking_for(verb) -> list:
    """Those a participle of speaking before the clause says its subject speaks for
    (frames.yaml `speaking_for`): "Speaking for the Nordic Group, X rejected it"."""
    out = []
    t = tree(verb.doc)  # the children's labels and tags: a Token only for a participle
    for k in t.kids[verb.i]:
        if t.dep[k] in ("advcl", "csubj") and t.tag[k] == "VBG":
            c = verb.doc[k]
            for prep in frames().speaking_for.get(c.lemma_.lower(), ()):
                # not "Speaking for herself, X rejected it": X's own stance
                out += [o for o in prep_objects(c, prep) if o.pos_ != "PRON"]
    return out


def _speaker_in_apposition(verb) -> list:
    """ "Speaking for the Nordic Group, Velmar's minister, X, rejected it", parsed with the
    participle as the verb's subject and the speaker in apposition to the group: the
    speaker."""
    if not any(c.dep_ == "csubj" for c in verb.children):
        return []
    return [a for o in speaking_for(verb) for a in child_deps(o, "appos") if a.i > o.i]


def _can_act(noun) -> bool:
    """Whether a noun may be the one who acts: a name of a type that acts (frames.yaml
    `acting_entity_types`), a person pronoun or a title ("the minister"); not "the
    ceasefire", "the proposal"."""
    from kg.extract.phrases.titles import title_data

    return (
        noun.ent_type_ in frames().acting_entity_types
        or noun.lower_ in lexicon().person_pronouns
        or noun.lemma_.lower() in title_data().role_nouns
    )


def _continued_relative(participle, verb):
    """The agent of a passive (or the name in apposition to an agent) whose relative clause a
    participle the parser hung on the passive right after that clause continues: "X is
    headed by Y, who was appointed in June, succeeding Z" (Y succeeds Z), "X was represented
    by A and its prime minister, Y, who was appointed in March, replacing Z" (Y); or None."""
    for agent in (p for a in _agent_phrases(verb) for p in child_deps(a, "pobj")):
        for named in (
            n for h in [agent, *child_deps(agent, "conj")] for n in [h, *child_deps(h, "appos")]
        ):
            for clause in child_deps(named, "relcl"):
                between = participle.doc[clause.right_edge.i + 1 : participle.i]
                if all(t.is_punct for t in between):
                    return named
    return None


def _agent_phrases(verb) -> list:
    """The agent phrases of a passive: its agent ("by A") and the phrases of the same
    preposition coordinated with it ("signed by A, and by B", "by A, by B and by C"), which
    the parser hangs on the verb as a plain preposition or a conjunct, or on the agent as a
    conjunct."""
    agents = child_deps(verb, "agent")
    if not agents:
        return []
    words = {a.lower_ for a in agents}
    out = [c for a in agents for c in (a, *a.conjuncts) if c.lower_ in words]
    doc = verb.doc
    out += [
        p
        for p in child_deps(verb, "prep", "conj")  # "by A in May, and by B in June": a conj
        if p.lower_ in words
        and p.pos_ == "ADP"
        and p.i > agents[0].i
        and (p.dep_ == "conj" or doc[p.i - 1].pos_ == "CCONJ")
    ]
    return sorted(set(out), key=lambda t: t.i)


def _named_instead(verb, found: list) -> list:
    """ "Ruritania, the region's largest member, declined to ...", parsed with the
    description as the subject and the name as a modifier of the verb: the name."""
    first = min(found, key=lambda t: t.i)
    doc = verb.doc
    t = tree(doc)
    if t.pos[first.i] != "NOUN":
        return found
    for c in t.kids[verb.i]:
        if c < first.i and t.dep[c] in ("npadvmod", "dep") and t.pos[c] == "PROPN":
            child = doc[c]
            if any(w.text == "," for w in doc[child.right_edge.i + 1 : first.i]):
                return [child]
    return found


def _stranded_subject(verb) -> list:
    """The subject of a main verb that the parser hung elsewhere: "Ruritania, whose
    minister called the plan a provocation, has urged Arcadia to ..." (the name made the
    subject of the relative clause's verb)."""
    doc = verb.doc
    t = tree(doc)
    i = verb.i
    if t.dep[i] != "ROOT" or not (
        t.tag[i] in ("VBD", "VBZ", "VBP") or any(t.dep[c] == "aux" for c in t.kids[i])
    ):
        return []
    relative = lexicon().relative_pronouns | lexicon().possessive_relatives
    for child in verb.children:
        if child.i > verb.i:
            break
        if child.dep_ == "ccomp":
            for subj in child_deps(child, "nsubj"):
                after = [t.lower_ for t in doc[subj.i + 1 : subj.i + 3]]
                if after[:1] == [","] and after[1:] and after[1] in relative:
                    return [subj]
    return []


def has_to(verb) -> bool:
    """A verb in the to-infinitive ("to prepare", "to lead")."""
    t = tree(verb.doc)
    dep, lower = t.dep, t.lower
    return any(dep[c] == "aux" and lower[c] == "to" for c in t.kids[verb.i])


def completes_noun(clause) -> bool:
    """A clause that completes the noun it hangs on: a participle or an infinitive (`acl`),
    or a to-infinitive the parser read as a relative clause ("an initiative to create a
    joint centre", "create" as `relcl`; a relative clause has a finite verb)."""
    return clause.dep_ == "acl" or (clause.dep_ == "relcl" and has_to(clause))


def gives_an_order(verb) -> bool:
    """ "directed the ministry to prepare a plan", "commanded the troops to withdraw": a verb
    of giving orders (data: frames.yaml order_verbs) with a to-infinitive after it orders its
    object to act rather than leading it (the parser may attach the infinitive as a
    complement or as an adverbial clause)."""
    return tree(verb.doc).lemma_lower[verb.i] in frames().order_verbs and any(
        has_to(comp) for comp in child_deps(verb, "xcomp", "ccomp", "advcl")
    )


def _stray_conjuncts(verb, args: list) -> list:
    """ "signed by the minister, A, and his counterpart, B": a noun the parser made a
    conjunct of the verb, after its last argument, is one more of that argument."""
    if not args:
        return []
    last = max(a.i for a in args)
    doc = verb.doc
    t = tree(doc)
    dep, pos, kids = t.dep, t.pos, t.kids
    out = [
        doc[c]
        for c in kids[verb.i]
        if dep[c] == "conj"
        and pos[c] in ("NOUN", "PROPN")
        and c > last
        and not any(dep[g] in ("nsubj", "nsubjpass", "aux", "auxpass") for g in kids[c])
    ]
    return out + _semicolon_items(verb, last) + _stray_after_relative(verb, last)


def _stray_after_relative(verb, last: int) -> list:
    """ "a memorandum on rare earths, which was signed by the minister, A, and his
    counterpart, B": a noun the parser made a conjunct of the verb above a relative clause,
    right after the clause (nothing but commas and a conjunction between), is one more of
    the relative clause's last argument."""
    t = tree(verb.doc)
    if t.dep[verb.i] != "relcl":
        return []
    above = verb.i
    while t.pos[above] not in ("VERB", "AUX") or above == verb.i:
        if t.head[above] == above:
            return []
        above = t.head[above]
    doc = verb.doc
    end = doc[verb.i].right_edge.i
    return [
        doc[c]
        for c in t.kids[above]
        if t.dep[c] == "conj"
        and t.pos[c] in ("NOUN", "PROPN")
        and c > last
        and all(t.pos[j] in ("PUNCT", "CCONJ") for j in range(end + 1, doc[c].left_edge.i))
        and not any(t.dep[g] in ("nsubj", "nsubjpass", "aux", "auxpass") for g in t.kids[c])
    ]


def _semicolon_items(verb, last: int) -> list:
    """ "signed by A, Norland's minister; B, Velmar's secretary; and C, ...": the items of
    a list whose members carry their own commas, separated by semicolons, which the parser
    hangs on the verb (as a modifier) after the first one; each is one more argument (its
    conjuncts too: "and C")."""
    doc = verb.doc
    t = tree(doc)
    out = []
    for c in t.kids[verb.i]:
        if c <= last or t.pos[c] != "PROPN" or t.dep[c] not in ("npadvmod", "dep", "appos"):
            continue
        start = doc[c].left_edge.i  # the semicolon may be the item's own first child
        while start < c and t.pos[start] == "PUNCT":
            start += 1
        if start < 1 or doc[start - 1].text != ";":
            continue
        if any(t.pos[j] in ("VERB", "AUX") for j in range(last + 1, start)):
            continue  # a clause between: not one list
        out += [doc[c], *doc[c].conjuncts]
    return out


def _direct_objects(verb) -> list:
    if is_passive(verb):
        found = child_deps(verb, "nsubjpass")
        if not found and verb.dep_ in ("acl", "relcl", "amod"):  # "the UN-led force"
            found = [verb.head]
        if not found and verb.dep_ == "conj" and verb.head.i != verb.i:
            # "X, which was founded in 1990 and is led by Y": the first verb's subject
            head = verb.head
            found = child_deps(head, "nsubjpass", "nsubj") or direct_objects(head)
        if not found:
            # "The group is co-chaired by X": the parser hung the subject on the auxiliary
            found = [s for aux in child_deps(verb, "auxpass") for s in child_deps(aux, "nsubj")]
        return found
    found = (
        _before_a_break(child_deps(verb, "dobj"))
        or _compound_read_as_clause(verb)
        or _contact_antecedent(verb)
    )
    particle = particle_object_prep(verb)
    if particle is not None:  # "swore in X (and the colonel Y)": X, read before Y
        found = child_deps(particle, "pobj") + found
    found += _stray_conjuncts(verb, found)
    if not found and verb.lemma_.lower() in frames().object_control:
        # "urged X to sign", parsed as X the subject of "sign"
        for comp in child_deps(verb, "ccomp", "xcomp"):
            found += child_deps(comp, "nsubj")
    return found


def _contact_antecedent(verb) -> list:
    """ "the agreement the two presidents signed last year", "the accord it signed with
    Sudria": a relative clause with no relative word, right after the noun it is on, whose
    verb has a subject and no object of its own, acts on that noun (not "the city she flew
    to", whose preposition has lost its object; not a noun in apposition, "opening a post
    in the north, a plan X supports", whose plan is the clause before)."""
    t = tree(verb.doc)
    i = verb.i
    if t.dep[i] != "relcl":
        return []
    head = verb.head
    if head.pos_ not in ("NOUN", "PROPN") or head.i > i or verb.left_edge.i != head.i + 1:
        return []
    if head.dep_ == "appos":  # "..., a plan X supports": what it restates, not the noun
        return []
    kids = t.kids[i]
    relative = lexicon().relative_words
    if not any(t.dep[c] == "nsubj" for c in kids) or any(
        t.dep[c] in ("dobj", "ccomp", "xcomp", "dative", "attr", "oprd")
        or t.lower[c] in relative
        or (t.dep[c] == "prep" and not t.kids[c])
        for c in kids
    ):
        return []
    return [head]


def _before_a_break(objects: list) -> list:
    """The objects before a mark that ends a clause after the first one (frames.yaml
    `clause_breaks`): "A welcomed the plan; the bank's vice-president, X, said ...", with
    "vice-president" hung on "welcomed" as a second object, has one object, the plan."""
    if len(objects) < 2:
        return objects
    doc = objects[0].doc
    breaks = frames().clause_breaks
    end = next((j for j in range(objects[0].i + 1, objects[-1].i) if doc[j].text in breaks), None)
    return objects if end is None else [o for o in objects if o.i < end]


def _compound_read_as_clause(verb) -> list:
    """ "imposed asset freezes and travel bans on X", parsed as a clause ("asset" the
    subject of the verb "freezes") that the verb reports: the object is the noun the parser
    read as a verb. Only a bare singular noun right before a verb in -s that has nothing of
    a clause of its own (no auxiliary, object, negation or complementizer)."""
    doc = verb.doc
    t = tree(doc)
    out = []
    for c in t.kids[verb.i]:
        if t.dep[c] != "ccomp" or t.tag[c] != "VBZ":
            continue
        kids = t.kids[c]
        subj = [j for j in kids if t.dep[j] in ("nsubj", "nsubjpass")]
        if subj != [c - 1] or t.tag[c - 1] != "NN" or t.kids[c - 1]:
            continue
        if any(t.dep[j] in ("aux", "dobj", "neg", "mark", "attr", "acomp") for j in kids):
            continue
        out.append(doc[c])
    return out


def particle_object_prep(verb):
    """The particle the parser read as a preposition whose object is the verb's direct
    object ("swore in X as minister": in; data: frames.yaml `particle_objects`): listed for
    the verb and right after it, in the active voice."""
    doc = verb.doc
    p = _particle_object_prep(doc, verb.i)
    return None if p is None else doc[p]


def _particle_object_prep(doc, i: int) -> int | None:
    t = tree(doc)
    particles = frames().particle_objects.get(t.lemma_lower[i])
    if not particles or i + 1 >= len(t.head):
        return None
    p = i + 1
    if t.head[p] != i or t.dep[p] != "prep" or t.lower[p] not in particles:
        return None
    if _passive(doc, i) or not any(t.dep[c] == "pobj" for c in t.kids[p]):
        return None
    return p


def _intention_noun(verb):
    """ "has no plans to join", "the decision to send": the noun a to-infinitive completes,
    when it is a noun of intention (data: frames.yaml modality_nouns) and the object or
    complement of a verb."""
    t = tree(verb.doc)
    h = t.head[verb.i]
    if t.dep[verb.i] != "acl" or h == verb.i or t.pos[h] not in ("NOUN", "PROPN"):
        return None
    if t.lemma_lower[h] not in frames().modality_nouns:
        return None
    head = verb.head
    if not has_to(verb):
        return None
    if head.dep_ not in ("dobj", "attr", "nsubj", "nsubjpass", "pobj") or head.head.i == head.i:
        return None
    return head


def prep_objects(tok, preposition: str) -> list:
    """The objects of a preposition of the word. A complex preposition ("on behalf of",
    "in favour of", "in the name of") is read as its first preposition, the noun that is
    its object (its determiners passed over) and the preposition after that noun."""
    if " " in preposition:
        return _complex_objects(tok, preposition.split())
    doc = tok.doc
    t = tree(doc)
    dep, lower = t.dep, t.lower
    out = []
    for p in _prep_children(doc, tok.i) + _fronted_relative_preps(tok):
        if lower[p] == preposition:
            out += [_antecedent(doc, o) for o in t.kids[p] if dep[o] == "pobj"]
    return out


def _fronted_relative_preps(tok) -> list[int]:
    """The preposition of a relative pronoun put before the clause whose complement the
    word is: "the bloc, of which X is a founding member" (the parser hangs "of" on "is")."""
    t = tree(tok.doc)
    dep = t.dep
    verb = t.head[tok.i]
    if dep[tok.i] != "attr" or dep[verb] != "relcl":
        return []
    relative = lexicon().relative_pronouns
    return [
        p
        for p in t.kids[verb]
        if dep[p] in ("prep", "dep")
        and t.pos[p] == "ADP"
        and p < verb
        and any(dep[o] == "pobj" and t.lower[o] in relative for o in t.kids[p])
    ]


def _antecedent(doc, i: int):
    """A relative pronoun after a preposition stands for the noun its clause modifies ("the
    bloc, of which X is a member", "the mission, to which X sends troops")."""
    t = tree(doc)
    if t.lower[i] not in lexicon().relative_pronouns:
        return doc[i]
    head = t.head
    clause = head[i]
    for _ in range(4):
        if t.dep[clause] == "relcl":
            return doc[head[clause]]
        if head[clause] == clause:
            break
        clause = head[clause]
    return doc[i]


def _complex_objects(tok, words: list[str]) -> list:
    """ "on behalf of" -> on, behalf, of (words between the first and the noun are its
    determiners: "in the name of")."""
    if len(words) < 3:
        return []
    first, noun_word, last = words[0], words[-2], words[-1]
    doc = tok.doc
    t = tree(doc)
    dep, lower, kids = t.dep, t.lower, t.kids
    out = []
    for prep in _prep_children(doc, tok.i):
        if lower[prep] != first:
            continue
        for noun in kids[prep]:
            if dep[noun] != "pobj" or lower[noun] != noun_word:
                continue
            for inner in kids[noun]:
                if dep[inner] == "prep" and lower[inner] == last:
                    out += [doc[o] for o in kids[inner] if dep[o] == "pobj"]
    return out


def _is_particle_prep(t, i: int) -> bool:
    """ "out" in "pulled out of X": a preposition without an object, before another one
    (`t` the Doc's Tree, `i` the word's index)."""
    dep = t.dep
    if dep[i] != "prep":
        return False
    kids = t.kids[i]
    return (
        not any(dep[c] == "pobj" for c in kids)
        and any(dep[c] == "prep" for c in kids)
        and t.lower[i] in frames().particle_preps
    )


def prep_children(tok) -> list:
    """The prepositions of a word, looking through a particle ("pulled out of X": of), with
    those coordinated with them ("sanctions on A and on B", "travelled to X and to Y": the
    parser hangs the second preposition on the first)."""
    doc = tok.doc
    return [doc[p] for p in _prep_children(doc, tok.i)]


def _prep_children(doc, i: int) -> list[int]:
    t = tree(doc)
    dep, pos, kids = t.dep, t.pos, t.kids
    particle = _particle_object_prep(doc, i) if pos[i] in ("VERB", "AUX") else None
    out = []
    for prep in kids[i]:
        d = dep[prep]
        if d not in ("prep", "dative", "agent") or prep == particle:
            continue
        if _is_particle_prep(t, prep):
            out += [c for c in kids[prep] if dep[c] == "prep"]
        elif d != "agent":
            out.append(prep)
            if any(dep[c] == "conj" for c in kids[prep]):  # else it has no conjuncts
                out += [
                    c.i for c in doc[prep].conjuncts if dep[c.i] == "conj" and pos[c.i] == "ADP"
                ]
    return out


def stance_governor(verb):
    """The verb or adjective whose to-infinitive or gerund `verb` is (or a conjunct of one):
    "agreed to resume the talks" -> agreed, "ruled out resuming them" -> ruled, "is ready to
    reopen it" -> ready (the parser may hang the gerund as an object or a clause); None for
    any other verb."""
    clause = verb.head if verb.dep_ == "conj" and verb.head.pos_ == "VERB" else verb
    governor = clause.head
    gerund = clause.tag_ == "VBG" and clause.dep_ in ("dobj", "ccomp", "advcl")
    if not (clause.dep_ == "xcomp" or gerund) or governor.pos_ not in ("VERB", "ADJ"):
        return None
    return governor


def under_stance(verb, words) -> bool:
    """Whether `verb` is the to-infinitive or gerund of one of `words` (`stance_governor`,
    by its phrasal lemma or its lemma): "agreed to resume the talks" under "agree"."""
    governor = stance_governor(verb)
    return governor is not None and (
        phrasal_lemma(governor) in words or governor.lemma_.lower() in words
    )


def phrasal_lemma(tok) -> str:
    """The verb with its particle ("rule out", "pull out"), or with the bare noun of an
    idiom the lexicon lists ("take part", "play host")."""
    doc = tok.doc
    t = tree(doc)
    i = tok.i
    got = t.done.get(("phrasal", i))
    if got is None:
        got = t.done[("phrasal", i)] = _phrasal_lemma(doc, t, i)
    return got


def _phrasal_lemma(doc, t, i: int) -> str:
    dep, lower, kids = t.dep, t.lower, t.kids
    lemma = t.lemma_lower[i]
    particles = [
        lower[c]
        for c in kids[i]
        if dep[c] == "prt" or (dep[c] == "prep" and _is_particle_prep(t, c))
    ]
    particle = _particle_object_prep(doc, i) if t.pos[i] in ("VERB", "AUX") else None
    if particle is not None:  # "swore in X"
        particles.append(lower[particle])
    if particles:
        return f"{lemma} {particles[0]}"
    idioms = frames().phrasal_lemmas
    for obj in kids[i]:
        if (
            dep[obj] == "dobj"
            and f"{lemma} {lower[obj]}" in idioms  # before the walk over its children
            and not any(dep[c] in ("det", "poss") for c in kids[obj])
        ):
            return f"{lemma} {lower[obj]}"
    return lemma
