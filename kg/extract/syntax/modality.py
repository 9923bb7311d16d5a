"""Modality: how firmly a clause states what it says.

Folded from the verb chain above a verb (auxiliaries, negation, control and raising verbs:
"is expected to visit" -> planned, "declined to send" -> refused, "would not meet" ->
negated, "would oppose it if ..." -> possible), from intention nouns ("has no plans to"),
from a date ahead ("arrives next week"), from the verb's own arguments ("sent no troops"),
and from denials ("rejected reports that", "has yet to", "stopped sending"). A question, or a
clause under a verb that only asks for it ("urged X to send"), states nothing: None. Event
nouns are kg/extract/syntax/events.py, posts kg/extract/syntax/posts.py. The words are data:
data/patterns/frames.yaml (modal_aux, modality_heads, modality_nouns, blocking_heads,
infinitive_heads, conditions, report_nouns, ending_verbs, ...).
"""

from __future__ import annotations

from kg.extract.lexicon import frames, lexicon
from kg.extract.syntax.arguments import child_deps, duty_holder, has_to, phrasal_lemma
from kg.extract.syntax.tree import tree


def _chain(tok):
    """The token and the words it depends on, up to the clause that reports it."""
    reporting = lexicon().reporting_verbs
    doc = tok.doc
    t = tree(doc)
    current = tok.i
    seen = 0
    while True:
        yield doc[current]
        if t.dep[current] == "ROOT" or seen > 8:
            return
        if t.lemma_lower[current] in reporting and current != tok.i:
            return
        current = t.head[current]
        seen += 1


def is_question(sent) -> bool:
    """A sentence that ends with a question mark asks; it states nothing."""
    for tok in reversed(sent):
        if tok.is_space or tok.is_quote or tok.text in (")", "]"):
            continue
        return tok.text == "?"
    return False


def asked(tok) -> bool:
    """Whether the sentence of `tok` is a question (`is_question`), answered once per
    sentence of a Doc."""
    doc = tok.doc
    done = tree(doc).done
    questions = done.get("questions")
    if questions is None:
        questions = done["questions"] = [False] * len(doc)
        for sent in doc.sents:
            if is_question(sent):
                questions[sent.start : sent.end] = [True] * (sent.end - sent.start)
    return questions[tok.i]


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
        for w in (head, *child_deps(head, "acomp", "xcomp"))
    )


def _not_only(child) -> bool:
    """ "not only", "not just" (frames.yaml `additive_focus` after a negator): a negator that
    adds, not denies ("will not only host the summit but also send troops")."""
    return _not_only_at(tree(child.doc), child.i)


def _not_only_at(t, i: int) -> bool:
    lower = t.lower
    if lower[i] not in frames().negators or t.dep[i] not in ("neg", "preconj"):
        return False
    n = len(lower)
    if i + 1 >= n or lower[i + 1] not in frames().additive_focus:
        return False
    # "will not just yet send troops": a focus word of time denies ("not yet")
    return i + 2 >= n or lower[i + 2] not in frames().focus_time_words


def _rank(found: set[str], negated: bool) -> str:
    if negated:
        return "refused" if found & {"planned", "offered", "refused"} else "negated"
    for level in LEVELS:
        if level in found:
            return level
    return "asserted"


def retracted(sent) -> bool:
    """Whether a sentence reports a claim the article retracts ("An earlier version of this
    article said that ...", "incorrectly said", "misidentified X as"; frames.yaml
    `retractions`): nothing of it is stated."""
    rule = frames().retractions
    reporting = lexicon().reporting_verbs
    t = tree(sent.doc)  # the words as strings: no Token made
    lemmas, pos, dep = t.lemma_lower, t.pos, t.dep
    for i in range(sent.start, sent.end):
        lemma = lemmas[i]
        if lemma in rule["verbs"] and pos[i] == "VERB":
            return True
        if lemma in reporting and pos[i] in ("VERB", "AUX"):
            for c in t.kids[i]:
                if dep[c] in ("nsubj", "nsubjpass") and lemmas[c] in rule["subjects"]:
                    return True
                if dep[c] == "advmod" and t.lower[c] in rule["adverbs"]:
                    return True
    return False


def _counterfactual(verb) -> bool:
    """A modal perfect of what did not happen, with its condition: "would have led the
    mission had he not resigned", "... if he had stayed" (frames.yaml `counterfactual`); not
    the back-shifted "will have" of a report ("said Norland would have sent troops by May")."""
    if verb.tag_ != "VBN":
        return False
    rule = frames().counterfactual
    aux = [c.lower_ for c in verb.children if c.dep_ == "aux"]
    if "have" not in aux or not any(a in rule["aux"] for a in aux):
        return False
    if any(_past_condition(c, rule) for c in verb.children if c.dep_ in ("advcl", "ccomp", "conj")):
        return True
    # the parser may hang an inverted condition right after the verb's phrase elsewhere
    # ("X, who would have led the mission had he not resigned, met Y": "resigned" the root),
    # or make its "had" a clause's head ("X, who would have chaired it had the vote gone
    # ahead, met Y"; then a subject begins right after it)
    doc = verb.doc
    after = verb.right_edge.i + 1
    if after + 1 < len(doc):
        nxt = doc[after]
        if nxt.lower_ not in rule["perfect"] or nxt.sent != verb.sent:
            return False
        if nxt.dep_ == "aux":
            return _past_condition(nxt.head, rule)
        return any(
            t.dep_ in ("nsubj", "nsubjpass") and t.left_edge.i == after + 1 for t in nxt.subtree
        )
    return False


def _past_condition(clause, rule: dict) -> bool:
    """A condition in the past perfect: "had he not resigned" (the auxiliary before its
    subject) or "if he had stayed" (a mark of `rule["marks"]`)."""
    if clause.lower_ in rule["perfect"] and any(
        t.dep_ in ("nsubj", "nsubjpass") and t.i > clause.i for t in clause.subtree
    ):
        return True  # the parser may make "had" the clause's head ("had the vote gone ahead")
    perfect = [c for c in clause.children if c.dep_ == "aux" and c.lower_ in rule["perfect"]]
    if not perfect:
        return False
    # inverted: a subject between the auxiliary and the verb (the parser may give the verb
    # another subject before, "X, who would have led it had he not resigned, met Y")
    inverted = any(
        c.dep_ in ("nsubj", "nsubjpass") and perfect[0].i < c.i < clause.i for c in clause.children
    )
    return inverted or any(c.dep_ == "mark" and c.lower_ in rule["marks"] for c in clause.children)


def _withheld(verb) -> bool:
    """A confirmation its subject withholds ("did not confirm", "declined to confirm"), not
    one it could not give ("could not confirm": a report kept without a source; frames.yaml
    `withheld_reports`)."""
    rule = frames().withheld_reports
    if verb.lemma_.lower() not in rule["verbs"]:
        return False
    head = verb.head if verb.dep_ == "xcomp" else None
    negators = [c for c in verb.children if c.dep_ == "neg"]
    if head is not None and head.lemma_.lower() in rule["refusals"]:
        negators.append(head)  # "declined to confirm"
    unable = any(c.dep_ == "aux" and c.lemma_.lower() in rule["unable"] for c in verb.children)
    return bool(negators) and not unable


def _levels(tok) -> tuple[set[str], bool] | None:
    """The modalities the words over `tok` give, and whether it is negated; None when it
    is only asked for. Worked out once per token of a Doc (the clause finder asks, then
    frames and constructions ask again); the callers only read the answer."""
    done = tree(tok.doc).done
    key = ("levels", tok.i)
    if key in done:
        return done[key]
    got = done[key] = _find_levels(tok)
    return got


def _find_levels(tok) -> tuple[set[str], bool] | None:
    f = frames()
    if asked(tok):
        return None
    t = tree(tok.doc)
    dep, lower, kids = t.dep, t.lower, t.kids
    found: set[str] = set()
    negated = False
    duty = duty_holder(tok)
    if duty is not None:  # "X is (not) Y's responsibility": Y takes it on, or refuses it
        negated_duty = any(c.dep_ == "neg" for c in tok.head.children)
        return ({"refused"}, False) if negated_duty else (set(), False)
    previous = None
    sibling = False  # reached from a conjunct: a verb beside it, not above it
    infinitive = False  # reached from a to-infinitive ("was named to lead", "returns to head")
    beside = False  # the conjunct's neighbour under a shared head: skipped, not ended at
    below = None  # the chain word before `word`: the clause `word` is reached from
    ended = False  # under an ending or denying verb (`_ender`)
    for word in _chain(tok):
        below, previous = previous, word
        if _separate_clause(below, word):
            break  # "Norland sent troops; Velmar did not": the clause before is its own
        if word.dep_ == "ccomp" and _asks(word) and not _weighs(word.head):
            return None  # "did not say whether X would join": asked, not stated
        lemma = word.lemma_.lower()
        if beside:  # "denied that A sent troops and that B sent ships": on to "denied"
            beside = sibling = infinitive = False
            if word.dep_ in _SHARED_HEAD_DEPS:
                continue
            break
        above = word.i != tok.i and not sibling
        ender = _ender(word, below) if above else None
        if ender is not None:  # "stopped sending troops", "rejected reports that", "denied"
            if _neither_confirmed(ender):
                return None  # "neither confirmed nor denied that X would": no claim
            ending = _ending(ender)
            if ending is None:
                return None  # "urged X to stop sending troops": asked for
            found |= ending
            ended = True  # "will stop sending troops next year": the date is the stopping's
            break
        if word.i != tok.i and lemma in lexicon().reporting_verbs:
            if _neither_confirmed(word):
                return None  # "neither denied nor confirmed that X would": no claim
            if (
                lemma in f.retracting_reports
                and any(c.dep_ == "neg" for c in word.children)
                and not _wh_clause(below)
            ):
                return None  # "did not say that X would send troops": nobody claims it
            if _withheld(word) and not _wh_clause(below):
                return None  # "X did not confirm that Norland would send troops": no claim
            break
        wish = above and lemma in f.own_wishes and _own_infinitive(word, below)
        if wish:
            found.add(f.own_wishes[lemma])  # "hopes to meet X": possible
        elif above and lemma in f.blocking_heads and _past_adverbial(below) and not _ahead(word):
            break  # "When X signed the pact, officials called it a model": it was signed
        elif above and lemma in f.blocking_heads:  # not "called the plan a threat and urged"
            if not (lemma in f.invitation_verbs and accepted_invitation(word)):
                return None
            found.add("planned")  # "invited X to visit Y, and X accepted": a plan
        refusal = _refusal(word) if above else None
        if refusal is not None:  # "did not refuse to send", "has not ruled out sending"
            if not refusal:
                return None
            found.add(refusal)  # "asserted" is no level of LEVELS: the clause's own
            break
        head_level = f.modality_heads.get(phrasal_lemma(word)) or f.modality_heads.get(lemma)
        if above and head_level and word.pos_ in ("VERB", "AUX", "ADJ"):
            found.add(head_level)  # "declined to", "turned down an offer to"
        if above and infinitive and lemma in f.infinitive_heads and word.pos_ in ("VERB", "AUX"):
            found.add(f.infinitive_heads[lemma])
        if above and infinitive and _pending(word):
            found.add("negated")  # "has yet to send troops": not (yet) done
        if word.i == tok.i and _gerund_ahead(word):
            found.add("planned")  # "spoke to reporters before leaving for Velmar City"
        sibling = word.dep_ == "conj"
        infinitive = word.dep_ in ("xcomp", "advcl") and has_to(word)
        intends = _intends(word, below, f.modality_nouns)
        if intends:
            level = f.modality_nouns[lemma]
            if level != "offered" or not _received(word):
                found.add(level)  # "has plans to", "has no intention of"
            # else "turned down / is considering an offer to become X": the offer is made to
            # the subject, whose verb says what becomes of it
            if any(c.lower_ in f.negators for c in word.children):
                negated = True
            if _named_owner(word):
                break  # "Velmar rejected Norland's offer to send troops": Norland offers
        if _conditional(word):  # "would vote against it if it were put to parliament"
            found.add("possible")
        # "will not host the summit but will send troops": a conjunct with an auxiliary or
        # a tense of its own takes neither the negation nor the modal of the verb before it
        own = word.i != tok.i and not above and below is not None and _finite(below)
        # "was not proposed by A but backed by B": the conjunct after "but" is not denied
        contrasted = (
            word.i != tok.i
            and not above
            and below is not None
            and any(
                dep[c] == "cc" and lower[c] in f.contrasting_conjunctions and word.i < c < below.i
                for c in kids[word.i]
            )
        )
        if not own and _counterfactual(word):
            return None  # "would have led the mission had he not resigned": it did not happen
        for child in kids[word.i]:
            low = lower[child]
            d = dep[child]
            if d == "aux" and low in f.deontic_aux and not own:
                return None  # "Norland should send troops": asked for, not stated
            if _not_only_at(t, child):
                continue  # "will not only host the summit but also send troops": both happen
            if d == "neg" and not own and not contrasted:
                negated = True
            elif d == "preconj" and low in f.negators and (word.i == tok.i or not own):
                negated = True  # "will neither host the summit nor ..."
            elif d == "cc" and low in f.negating_conjunctions and not above:
                if below is not None and child < below.i and word.i != tok.i:
                    negated = True  # "... nor send troops": the conjunct after "nor"
            elif (
                d == "advmod"
                and low in f.focus_time_words
                and not own
                and any(dep[g] == "neg" and lower[g] in f.negators for g in kids[child])
            ):
                negated = True  # "will not just yet join": the parser hangs "not" on "yet"
            elif d == "aux" and low in f.modal_aux and not own:
                found.add(f.modal_aux[low])
            elif d == "amod" and low in f.planned_modifiers:
                found.add("planned")
            elif d == "ccomp" and word.i == tok.i and _asks_at(t, child):
                return None  # "asked whether X would send troops": a question
        if _own_clause(word):  # "..., while Y is considering it": Y's clause is its own
            if word.dep_ == "conj" and word.head.dep_ in _SHARED_HEAD_DEPS:
                beside = True  # both conjuncts hang under one head: it governs this one too
                continue
            break
        if word.dep_ not in ("xcomp", "conj", "advcl", "acomp", "ccomp", "relcl", "acl"):
            if intends:
                continue  # "has no plans to join": on to the verb that has the plans
            break
    if _headline_infinitive(tok):  # "Norland to send troops": "is to", planned
        found.add("planned")
    if _infinitive_of_a_noun(tok):  # "the summit, to be held in Lisbon": planned
        found.add("planned")
    if tok.dep_ == "amod" and not found and not negated:
        weighed = weighed_level(tok.head)  # "is expected to propose a Velmar-chaired panel"
        if weighed is not None:
            found.add(weighed)
    if not ended and future_date(tok):  # "I go to Seoul next week": planned
        found.add("planned")
    if tok.pos_ in ("VERB", "AUX") and _denied_by_its_arguments(tok):
        negated = True
    return found, negated


def _gerund_ahead(verb) -> bool:
    """A gerund after "before", "ahead of", "prior to" (frames.yaml `future_preps`): what it
    says lies ahead of its clause ("spoke to reporters before leaving for Velmar City", "died before
    signing the accord"): planned, not done."""
    if verb.dep_ != "pcomp" or verb.tag_ != "VBG":
        return False
    prep = verb.head
    ahead = frames().future_preps
    return prep.lower_ in ahead or (prep.head.i != prep.i and prep.head.lower_ in ahead)


def accepted_invitation(verb) -> bool:
    """An invitation its guest accepts: "X invited Y to visit Velmar, and Y accepted", "X
    invited Y to Velmar City. Y accepted and ..." (frames.yaml `accepting_verbs`: a conjunct
    of the inviting verb, or the main verb of the next sentence or the clause it reports,
    with no object but the invitation)."""
    f = frames()

    def accepts(v) -> bool:
        return v.lemma_.lower() in f.accepting_verbs and all(
            o.lemma_.lower() in f.invitation_nouns for o in child_deps(v, "dobj")
        )

    if any(accepts(c) for c in child_deps(verb, "conj")):
        return True
    doc, end = verb.doc, verb.sent.end
    if end >= len(doc):
        return False
    root = doc[end].sent.root  # "Y accepted, her office said": the clause reported
    said = child_deps(root, "ccomp") if root.lemma_.lower() in lexicon().reporting_verbs else []
    return any(accepts(v) for v in [root, *said])


def _past_adverbial(clause) -> bool:
    """An adverbial clause in the past with a subject of its own, opened by a mark of
    `stated_clause_marks` ("when X signed the pact", "after Y had sent troops"): what it
    tells happened, whatever the verb it hangs on asks for."""
    if clause is None or clause.dep_ != "advcl":
        return False
    kids = list(clause.children)
    if not any(c.dep_ in ("nsubj", "nsubjpass") for c in kids):
        return False
    marks = frames().stated_clause_marks
    if not any(c.dep_ in ("mark", "advmod") and c.lower_ in marks and c.i < clause.i for c in kids):
        return False
    return clause.tag_ == "VBD" or any(
        c.dep_ in ("aux", "auxpass") and c.lower_ in ("had", "has", "have", "was", "were")
        for c in kids
    )


def _ahead(verb) -> bool:
    """A verb with a modal auxiliary or a to-infinitive ("would call for talks when X
    signed", "is to call"): a past clause under it is a future seen from the past, not done."""
    f = frames()
    return has_to(verb) or any(
        c.dep_ == "aux" and (c.lower_ in f.modal_aux or c.lower_ in f.deontic_aux)
        for c in verb.children
    )


def _separate_clause(clause, head) -> bool:
    """A clause the parser hung as the complement of a verb after it, across a mark that
    ends a clause (frames.yaml `clause_breaks`: "A sent troops; B did not send any"), or of
    a verb that stands for one left out (`elliptic_verbs`: "A sent troops, B did not")."""
    if clause is None or clause.dep_ != "ccomp" or clause.i > head.i:
        return False
    if head.lemma_.lower() in frames().elliptic_verbs:
        return True
    doc = head.doc
    return any(t.text in frames().clause_breaks for t in doc[clause.right_edge.i + 1 : head.i])


def _own_infinitive(verb, below) -> bool:
    """A to-infinitive of the verb's own subject under it, the wish held now: "hopes to
    meet", not "wants X to send" (X's), "hopes that X will", nor "had hoped to meet"."""
    present = verb.tag_ in ("VBZ", "VBP") or any(
        c.dep_ == "aux" and (c.tag_ in ("VBZ", "VBP") or c.lower_ in ("will", "would"))
        for c in verb.children
    )  # "hopes to", "does not want to", "would like"; not "had hoped to", "wanted to"
    return (
        present
        and below is not None
        and below.dep_ == "xcomp"
        and has_to(below)
        and not any(c.dep_ in ("nsubj", "dobj") for c in verb.children if c.i > verb.i)
        and not any(c.dep_ == "nsubj" for c in below.children)
    )


def _intends(noun, below, nouns) -> bool:
    """An intention noun (frames.yaml modality_nouns) over the to-infinitive it intends:
    "has plans to join", "the decision to send troops". Not over a participle or a relative
    clause that modifies it: "a plan drawn up by X", "the plan that X proposed" happened,
    whatever is done with the plan."""
    return (
        below is not None
        and noun.pos_ in ("NOUN", "PROPN")
        and noun.lemma_.lower() in nouns
        and below.head.i == noun.i
        and has_to(below)
    )


def _finite(verb) -> bool:
    """A verb with an auxiliary, a negation or a tense of its own ("but will send", "but
    sent"), not a bare conjunct that shares them ("did not host or attend")."""
    t = tree(verb.doc)
    dep = t.dep
    return t.tag[verb.i] in ("VBD", "VBZ", "VBP") or any(
        dep[c] in ("aux", "auxpass", "neg") for c in t.kids[verb.i]
    )


def _refusal(word) -> str | None:
    """A refusal head (modality_heads `refused`) that is itself negated cancels the refusal:
    the level it leaves the clause under it ("did not refuse to send troops": "asserted",
    the clause's own; "has not ruled out sending": frames.yaml negated_refusals, possible),
    "" when the head is only asked for, None when the word is no negated refusal head."""
    f = frames()
    if f.modality_heads.get(word.lemma_.lower()) != "refused":
        return None
    if word.pos_ not in ("VERB", "AUX", "ADJ"):
        return None
    own = modality(word)
    if own is None:
        return ""
    if own not in ("negated", "refused"):
        return None  # "declined to send": the refusal holds
    for phrase, level in f.negated_refusals.items():
        if verb_in(word, frozenset((phrase,))):
            return level
    return "asserted"


def _received(noun) -> bool:
    """An offer with no owner under a verb that is no light verb ("turned down / accepted /
    is considering an offer to become X"): made to the verb's subject, not by it ("made
    an offer to send troops" is the subject's own)."""
    if any(c.dep_ == "poss" or (c.dep_ == "prep" and c.lower_ == "by") for c in noun.children):
        return False  # "Norland's offer", "the offer by Velmar to host": the owner offers
    head = noun.head
    return (
        noun.dep_ in ("dobj", "nsubjpass")
        and head.pos_ == "VERB"
        and head.lemma_.lower() not in frames().light_verbs
    )


def _named_owner(noun) -> bool:
    """An intention noun owned by a name ("Norland's offer to send troops", "the offer by
    Velmar to host"): the intention is the owner's, whatever the verb over the noun
    (someone else's act) says of it."""
    return any(
        (c.dep_ == "poss" and c.pos_ == "PROPN") or (c.dep_ == "prep" and c.lower_ == "by")
        for c in noun.children
    )


def _ender(word, below):
    """The verb over a clause that says it ended or is false, or None: one that ends the
    gerund it governs ("stopped sending troops"), denies a report ("rejected reports that"),
    or whose modality_heads level is `negated` ("denied that", "dropped its opposition",
    "failed to send")."""
    if _denied_report(word):
        return word.head
    if _ends(word, below):
        return word
    f = frames()
    negating = f.modality_heads.get(word.lemma_.lower()) == "negated"
    return word if negating and word.pos_ in ("VERB", "AUX", "ADJ") else None


def _neither_confirmed(verb) -> bool:
    """A reporting or denying verb of a "neither ... nor" pair with a reporting verb
    ("neither confirmed nor denied that X would send troops", frames.yaml `negators`,
    `negating_conjunctions`): the clause under it is neither claimed nor denied. Only the
    verbs the pair joins, not one added after "but" or "and" ("..., but said it would")."""
    head = verb.head if verb.dep_ == "conj" else verb
    f = frames()
    nor = next(
        (c for c in head.children if c.dep_ == "cc" and c.lower_ in f.negating_conjunctions),
        None,
    )
    if nor is None:
        return False
    other_cc = [c.i for c in head.children if c.dep_ == "cc" and c.i > nor.i]
    stop = min(other_cc, default=len(verb.doc))
    pair = [head, *(c for c in head.conjuncts if nor.i < c.i < stop)]
    reports = lexicon().reporting_verbs
    return any(w.i == verb.i for w in pair) and any(w.lemma_.lower() in reports for w in pair)


def _ending(verb) -> set[str] | None:
    """What an ending or denying verb (`_ender`) makes of the clause under it, read from the
    verb's own modality: done, the clause is negated ("stopped sending troops"); itself
    negated or refused, the negations cancel and the clause keeps its own modality ("has not
    stopped sending troops", "did not deny that X would join": planned); only planned,
    possible or considered, an ending (frames.yaml ending_verbs, denial_verbs) leaves what it
    would end going on ("may suspend its contribution", "is considering ending its support")
    while a failure is as firm as the verb ("may fail to send troops": possible). None when
    the verb is only asked for."""
    own = modality(verb)
    if own is None:
        return None
    if own == "asserted":
        return {"negated"}
    f = frames()
    if own in ("negated", "refused") or verb_in(verb, f.ending_verbs | f.denial_verbs):
        return set()
    return {own}


def _ends(verb, below) -> bool:
    """A verb that ends (frames.yaml ending_verbs) the gerund it governs: "stopped sending
    troops", "ceased funding it"; not a clause reached otherwise ("the summit ended after X
    met Y", "stopped in a city to meet Y", "withdrew from A to join B")."""
    return (
        below is not None
        and below.dep_ == "xcomp"
        and below.tag_ == "VBG"
        and below.head.i == verb.i
        and verb.pos_ == "VERB"
        and verb_in(verb, frames().ending_verbs)
    )


def _conditional(verb) -> bool:
    """A verb in the conditional with a clause of condition ("would oppose it if it did not
    include safeguards", "unless"; frames.yaml conditions): what it says is possible, not
    planned (GOLD.md: possible). A plan with a condition stays a plan ("if the meeting goes
    well, X is expected to visit Y")."""
    conditions = frames().conditions
    marks, aux = conditions.get("marks", frozenset()), conditions.get("aux", frozenset())
    not_after = conditions.get("not_after", frozenset())  # "even if", "as if"
    t = tree(verb.doc)
    dep, lower, kids = t.dep, t.lower, t.kids
    children = kids[verb.i]
    return any(dep[c] == "aux" and lower[c] in aux for c in children) and any(
        dep[c] == "advcl"
        and any(dep[m] == "mark" and lower[m] in marks for m in kids[c])
        and not any(lower[m] in not_after for m in kids[c] if dep[m] in ("mark", "advmod"))
        for c in children
    )


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


_WEIGHED = frozenset(("planned", "considered", "possible", "offered"))


def weighed_level(noun) -> str | None:
    """The level of the verb of weighing, planning, proposing or offering (frames.yaml
    modality_heads) whose direct object a common noun is, when that verb is stated or
    planned ("is considering a joint mission": considered; "is expected to propose a
    committee": planned): what the noun's own words say of it (its place, who leads it) is no
    firmer. None for another verb ("was named to lead the mission") or none."""
    if noun.pos_ != "NOUN" or noun.dep_ not in ("dobj", "nsubjpass"):
        return None
    verb = noun.head
    if verb.pos_ not in ("VERB", "AUX"):
        return None
    heads = frames().modality_heads
    level = heads.get(phrasal_lemma(verb)) or heads.get(verb.lemma_.lower())
    if level not in _WEIGHED or modality(verb) not in ("asserted", "planned"):
        return None
    return level


def _infinitive_of_a_noun(verb) -> bool:
    """A passive to-infinitive on a noun ("the summit, to be held in Lisbon next month", "a
    force to be led by Norland"): what is to be done with it lies ahead, planned; not on a
    noun singled out by an ordinal or a superlative ("the first envoy to be sent by X" was
    sent; frames.yaml `singling_words`)."""
    t = tree(verb.doc)
    i = verb.i
    if t.dep[i] not in ("acl", "relcl") or not has_to(verb):
        return False
    if not any(t.dep[c] == "auxpass" for c in t.kids[i]):
        return False
    head = t.head[i]
    if t.pos[head] not in ("NOUN", "PROPN"):
        return False
    singling = frames().singling_words
    return not any(
        t.tag[c] in ("JJS", "RBS") or t.lower[c] in singling or verb.doc[c].ent_type_ == "ORDINAL"
        for c in t.kids[head]
    )


def verb_in(verb, lemmas: frozenset[str]) -> bool:
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
    t = tree(verb.doc)
    return any(t.dep[c] == "advmod" and t.lower[c] in words for c in t.kids[verb.i])


def _denied_report(noun) -> bool:
    """A report noun whose clause is denied: "rejected reports that ...", "dismissed claims
    that ..." (frames.yaml report_nouns, denial_verbs)."""
    f = frames()
    return (
        noun.pos_ == "NOUN"
        and noun.lemma_.lower() in f.report_nouns
        and noun.dep_ in ("dobj", "nsubjpass")
        and noun.head.pos_ == "VERB"
        and verb_in(noun.head, f.denial_verbs)
    )


def _denied_by_its_arguments(verb) -> bool:
    """A clause its own arguments deny: a negator (frames.yaml `negators`) determining the
    object ("X sent no troops") or the subject ("Neither X nor Y sent troops", "neither
    side sent troops")."""
    negators = frames().negators
    t = tree(verb.doc)
    dep, lower, kids = t.dep, t.lower, t.kids
    for arg in kids[verb.i]:
        if dep[arg] not in ("dobj", "nsubj", "nsubjpass"):
            continue
        if any(
            dep[c] in ("det", "preconj") and lower[c] in negators and not _not_only_at(t, c)
            for c in kids[arg]
        ):  # not "Not only X but also Y sent troops"
            return True
    return False


# Dependencies of a clause under a head: conjuncts joined there share that head's modality.
_SHARED_HEAD_DEPS = frozenset(("ccomp", "xcomp", "advcl", "relcl", "acl"))


def _own_clause(verb) -> bool:
    """A clause with a subject of its own that is joined beside another, not under it: a
    conjunct ("X will send troops and Y sent ships"), a clause of contrast ("X offered
    troops, while Y is considering it"; data: frames.yaml contrast_marks) or one with a tense
    of its own that nothing subordinates ("X has served as chief; he will now become ...").
    It takes no modality from the clause it is joined to."""
    t = tree(verb.doc)
    if t.dep[verb.i] not in ("conj", "advcl") or t.head[verb.i] == verb.i:
        return False
    if not any(t.dep[c] in ("nsubj", "nsubjpass") for c in t.kids[verb.i]):
        return False
    if verb.dep_ == "conj":
        return verb.pos_ in ("VERB", "AUX")
    if any(c.dep_ == "mark" and c.lower_ in frames().contrast_marks for c in verb.children):
        return True
    # "X has served as chief since May; he will now become her deputy", parsed with the
    # first clause under the second: a clause with a tense of its own and nothing that
    # subordinates it (no mark, no "when") is joined beside it
    return _finite(verb) and not any(
        c.dep_ == "mark" or (c.dep_ == "advmod" and c.tag_ == "WRB") for c in verb.children
    )


def _wh_clause(clause) -> bool:
    """A clause that opens with a wh-word ("when X would join", "how many troops X would
    send"): a negated report of it withholds a detail, it takes the clause as given."""
    if clause is None:
        return False
    return clause.left_edge.tag_ in ("WRB", "WP", "WDT", "WP$") and clause.left_edge.i < clause.i


def _asks(complement) -> bool:
    """A complement that is an embedded question ("asked whether X would ...", "asked if";
    data: frames.yaml question_marks): the verb over it asks, it states no relation."""
    return _asks_at(tree(complement.doc), complement.i)


def _asks_at(t, i: int) -> bool:
    marks = frames().question_marks
    return any(t.dep[m] == "mark" and t.lower[m] in marks for m in t.kids[i])


def _weighs(verb) -> bool:
    """A verb of weighing ("is considering whether it will send troops"; frames.yaml
    modality_heads with `considered`): the question it weighs is a considered plan."""
    return frames().modality_heads.get(verb.lemma_.lower()) == "considered"


def future_date(verb) -> bool:
    """A verb in the present with a date ahead of it ("arrives next week", "meets them
    tomorrow", "travels to Lima later this month"; data: frames.yaml future_words), or in the
    simple present of a trip with a day ("leaves on Monday for Luanda": `scheduled_days`);
    not a date of a habit ("goes to Norvik every Monday": `habit_words`), nor one that ends a
    state that holds now ("chairs the council until next year": `state_end_preps`)."""
    if tree(verb.doc).tag[verb.i] not in ("VB", "VBP", "VBZ", "VBG"):
        return False
    f = frames()
    scheduled = verb.tag_ in ("VBP", "VBZ") and phrasal_lemma(verb) in f.scheduled_verbs
    for child in verb.children:
        dates = [child] if child.dep_ in ("npadvmod", "advmod", "tmod") else []
        if child.dep_ == "prep" and child.lower_ not in f.state_end_preps:
            dates = child_deps(child, "pobj")
        words = f.future_words
        if scheduled and (child.dep_ != "prep" or child.lower_ == "on"):
            words = words | f.scheduled_days
        for date in dates:
            if date.ent_type_ not in ("DATE", "TIME"):
                continue  # (read before the words of its subtree: a Token each)
            said = {w.lower_ for w in date.subtree}
            if said & words and not said & f.habit_words:
                return True
    return False


def completed_perfect(verb) -> bool:
    """A perfect that puts the act before a past or present point: "the first officer to have
    led the staff", "had headed the agency"; not "has led it", a perfect with a duration up
    to then ("had chaired it since 2019", frames.yaml `perfect_durations`) nor a modal one
    ("would have led it")."""
    t = tree(verb.doc)
    if not any(
        t.dep[c] == "aux" and t.lemma[c] == "have" and t.tag[c] in ("VB", "VBD")
        for c in t.kids[verb.i]
    ):
        return False
    if any(c.dep_ == "aux" and c.tag_ == "MD" for c in verb.children):
        return False
    durations = frames().perfect_durations
    return not any(c.dep_ == "prep" and c.lower_ in durations for c in verb.children)
