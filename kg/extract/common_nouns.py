"""Common-noun mentions: phrases that name a force, a plan, a body or an event ("the
five-point peace plan", "a UN observer mission", "Norland's intelligence ministry", "the
Velmarian army") when a number, a name, a compound, an owner or a nationality specifies
them; bare ones ("a ceasefire", "the summit") are descriptions (DESC), linked later to
what they refer back to (link_descriptions.py)."""

from __future__ import annotations

from collections.abc import Callable
from functools import cache

from spacy.lang.en.syntax_iterators import noun_chunks as english_noun_chunks
from spacy.tokens import Span

from kg.extract.doc_memo import span_text
from kg.extract.lexicon import frames, gazetteer, lexicon, norm
from kg.extract.long_forms import long_forms
from kg.extract.phrases.titles import title_data
from kg.extract.syntax.arguments import (
    child_deps,
    completes_noun,
    phrasal_lemma,
    proposed_theme,
    under_stance,
)
from kg.extract.syntax.tree import tree
from kg.extract.words import head_class, possessive, stripped, trim

_COMPLEMENT_PREPS = {"of", "in", "on", "between", "with", "to", "for", "along", "through"}
# the classes a common noun names by its head (lexicon head_classes); Organization by a head
# of its own only ("a joint monitoring team", "the Norlandic embassy")
_COMMON_CLASSES = frozenset({"ArmedForce", "Plan", "GovernmentBody", "Event", "Organization"})


def common_mentions(doc, taken: set[int], out: list, add: Callable) -> None:
    """Add the common-noun mentions of a parsed block to `out` (through `add`, which
    trims, classes and records a span), past the names already `taken`."""
    t = tree(doc)  # the words as strings: most chunks are let go with no Token but the root
    lower, lemma = t.lower, t.lemma_lower
    for chunk in _chunks(doc):
        root = chunk.root
        chunk = _after_dash(chunk, root)
        i = root.i
        # the head with the word before it: "working group", "contact group"
        cls = _head_class(lower[i - 1] if i > chunk.start else None, lemma[i], lower[i])
        by_verb = False  # classed by what a verb does to it, not by its head noun
        # what a proposal is of or for, or what a proposed event of making makes ("the idea
        # of a regional market for X", "proposed the creation of a fund"): a new plan
        by_content = (
            t.pos[i] == "NOUN"
            and t.dep[i] == "pobj"
            and (_proposal_content(root) or _made_proposed(root))
        )
        if cls is None and (_may_be_signed(t, i) or _has_relative(t, i)):
            cls = _signed(root)
            by_verb = cls is not None and _stance_theme(root.head, root)
        if cls not in _COMMON_CLASSES or _incomplete(root) or _members(cls, root):
            continue
        if _a_claim(root):
            continue  # "the idea that X had paid for it": a claim, no plan
        if root.lower_ in lexicon().capitalised_heads and not root.text[:1].isupper():
            continue  # "the Norlandic presidency of the council": a term, not the Presidency
        if root.i in taken and not _extends_name(chunk, taken):
            continue
        # leave out a possessor ("Ortiz's five-point plan" -> "five-point plan"); the name
        # that owns a body is kept beside it ("Norland's intelligence ministry", lexicon
        # `owned_body_classes`), unless the noun stands for its owner ("Norland's government")
        owned = {t.i for c in root.children if c.dep_ == "poss" for t in c.subtree}
        _possessor_body(doc, root, taken, add)
        body = cls in lexicon().owned_body_classes and not _stands_for_owner(root)
        owner = trim(list(doc[min(owned) : max(owned) + 1])) if body and owned else []
        owner = owner if _named_owner(owner) else []
        tokens = [t for t in chunk if t.i <= root.i and t.i not in owned and not possessive(t)]
        if owned:
            tokens = [t for t in tokens if t.i > max(owned)]
        tokens = trim(tokens)
        national = (
            body
            and root.tag_ not in ("NNS", "NNPS")  # "Bolivian border guards": people
            and any(_nationality(t) for t in tokens if t.i != root.i)
        )
        tail = _complement(doc, root, _partner_preps(root))
        full = _complement(doc, root)  # with a partner: "accord with B", an alias only
        short = [] if full else _short_complement(doc, root)  # an alias only
        named_tail = any(t.pos_ == "PROPN" or t.tag_ in ("NNS", "NNPS") for t in tail)
        if not tokens:
            continue
        label = "COMMON"
        intent = _intent(root)
        if intent is not None and any(c.lower_ == "no" for c in root.children):
            continue  # "has no plans to join": no plan
        if not (
            (
                len(tokens) >= 2
                and (
                    _specific(tokens, root, needs_name=cls == "Event")
                    or (owned and cls == "ArmedForce")
                    or national
                )
            )
            or owner
            or (named_tail and tail[0].lower_ in ("of", "in", "on"))
            or _proposed_body(cls, root, tokens, tail or short)
            or (cls == "Plan" and by_content and len(tokens) >= 2)
        ):
            # "a ceasefire", "the summit": a description, linked to what it refers back to
            if cls not in lexicon().description_classes or root.i in taken or _cut(doc, root):
                continue
            label = "DESC"
        n = len(out)
        add(tokens, label, cls)
        if len(out) > n:
            out[-1].definite = bool(owned) or any(
                t.lower_ in lexicon().definite_determiners for t in chunk if t.i < root.i
            )
        if owner and len(out) > n:
            whose = span_text(doc, owner[0].i, max(owned) + 1)
            out[-1].owned = " ".join(f"{whose} {out[-1].text}".split())
        venue = _venue(tail) if tail else None
        if tail and len(out) > n:
            # the name ends before the place it is held in ("talks between A and B in
            # Lima": the talks, in Lima), which is another of its names
            words = [*tokens, *(tail[: tail.index(venue)] if venue is not None else tail)]
            out[-1].long = " ".join(span_text(doc, words[0].i, words[-1].i + 1).split())
        if len(full) > len(tail) and len(out) > n:
            words = [*tokens, *full]
            out[-1].alias = " ".join(span_text(doc, words[0].i, words[-1].i + 1).split())
        elif len(out) > n and venue is not None:
            words = [*tokens, *tail]
            out[-1].alias = " ".join(span_text(doc, words[0].i, words[-1].i + 1).split())
        content = intent if intent is not None else _acting(root)
        if content is not None and len(out) > n:
            # "the government's plan to cut the budget": named by what it intends; "the
            # resolution renewing the mandate": by what it does
            end = next(
                (
                    t.i
                    for t in doc[content.i : content.right_edge.i + 1]
                    if t.text in (",", ";", ":") or t.is_quote or t.is_bracket
                ),
                content.right_edge.i + 1,
            )  # not a relative clause after a comma, nor a quotation's mark
            out[-1].alias = " ".join(span_text(doc, chunk.start, end).split())
        if len(out) > n:
            out[-1].by_verb = by_verb
        if len(out) > n and any(c.dep_ in ("acl", "relcl") and c.i > root.i for c in root.children):
            out[-1].qualified = True  # "a peace plan drawn up by X", "a plan that X drew up"
        if len(out) > n:
            out[-1].names = _other_names(doc, chunk, root, tokens, owned, tail)
            if short:
                words = [*tokens, *short]
                out[-1].names += (" ".join(span_text(doc, words[0].i, words[-1].i + 1).split()),)
            if cls in lexicon().description_classes:
                out[-1].names += _owned_names(doc, root, tail)


def gerund_plans(doc, taken: set[int], out: list, add: Callable) -> None:
    """A change proposed as a gerund with its object ("proposed halving the toll that lorries
    pay", "suggested shortening each rotation from twelve to eight weeks"): the plan is
    the gerund with its object, "halving the toll" (a verb of proposing, lexicon
    `theme_verbs`). Not what a gerund brings about, carries on or undoes (frames.yaml
    `bringing_verbs`, `undoing_verbs`, lexicon `carrying_verbs`: "proposed opening a trade
    office", "proposed keeping the fixed price" propose the office and the price), nor a
    judgement (frames.yaml `judging_verbs`: "suggested blaming the rebels")."""
    t = tree(doc)
    lex, f = lexicon(), frames()
    for i, tag in enumerate(t.tag):
        if tag != "VBG" or t.dep[i] not in ("xcomp", "dobj", "ccomp") or i in taken:
            continue
        if t.pos[t.head[i]] != "VERB" or phrasal_lemma(doc[t.head[i]]) not in lex.theme_verbs:
            continue
        gerund = doc[i]
        lemma = phrasal_lemma(gerund)
        acting = f.bringing_verbs | f.undoing_verbs | lex.carrying_verbs | f.judging_verbs
        if {lemma, gerund.lemma_.lower()} & acting:
            continue
        obj = next((c for c in gerund.children if c.dep_ == "dobj" and c.pos_ == "NOUN"), None)
        if obj is None or obj.i < i or any(k in taken for k in range(i, obj.i + 1)):
            continue
        n = len(out)
        add(list(doc[i : obj.i + 1]), "COMMON", "Plan")
        if len(out) > n:
            out[-1].by_verb = True  # not what a later "the deal" falls back on


@cache
def _head_class(before: str | None, lemma: str, lower: str) -> str | None:
    """The class a chunk's head gives it: its lemma with the word `before` it, else its
    own form (words.head_class of each); worked out once per three words."""
    return head_class([lemma] if before is None else [before, lemma]) or head_class([lower])


def _may_be_signed(t, i: int) -> bool:
    """What `_signed` asks first, read from the Tree: a noun object (or passive subject) of
    a verb, or the object of a preposition (`_proposal_content`)."""
    if t.pos[i] != "NOUN":
        return False
    if t.dep[i] == "pobj":
        return t.lower[t.head[i]] == "of" or t.lower[t.head[i]] in lexicon().content_preps
    return t.dep[i] in ("dobj", "nsubjpass") and t.pos[t.head[i]] == "VERB"


def _has_relative(t, i: int) -> bool:
    """What `_proposing_relative` asks first, read from the Tree: a relative clause on a
    noun or on the noun of a phrase after it."""
    if t.pos[i] != "NOUN":
        return False
    kids = [k for k in t.kids[i] if k > i]
    inner = [o for k in kids if t.dep[k] == "prep" for o in t.kids[k] if t.dep[o] == "pobj"]
    return any(t.dep[k] in ("relcl", "acl") for w in (i, *inner) for k in t.kids[w])


def _proposing_relative(root):
    """The verb of proposing (lexicon `theme_verbs`) of a relative clause on a noun, or on
    the noun of a phrase right after it, where the parser hangs it ("the reform of the tax
    code which X had proposed", "a second bridge, which was proposed by X"): what the
    clause proposes is that noun; the relative pronoun is its object or its passive subject
    (or there is none: "the levy X proposed"). Else None."""
    lex = lexicon()
    if root.dep_ == "pobj" and root.head.dep_ == "prep" and root.head.head.pos_ == "NOUN":
        return None  # "the reform of the tax code which", "a call for the release of X, which"
    if any(a.pos_ == "NOUN" and a.lemma_.lower() in _proposal_nouns() for a in root.ancestors):
        return None  # "the plan to bring weapons under state control, which was proposed by X"
    if root.dep_ == "conj" and root.head.pos_ == "VERB":
        return None  # a noun the parser coordinated with a verb: its clauses are not its own
    words = [root]
    for prep in root.children:
        if prep.dep_ == "prep" and prep.i > root.i:
            words += [o for o in prep.children if o.dep_ == "pobj"]
    for word in words:
        for clause in word.children:
            if phrasal_lemma(clause) not in lex.theme_verbs:
                continue
            if clause.dep_ == "acl" and clause.tag_ == "VBN" and child_deps(clause, "agent"):
                return clause  # "a fund for X, proposed by Y"
            if clause.dep_ != "relcl":
                continue
            objects = [c for c in clause.children if c.dep_ in ("dobj", "nsubjpass")]
            if all(c.lower_ in lex.relative_pronouns for c in objects):
                return clause
    return None


def _proposal_content(root) -> bool:
    """A noun an indefinite article determines (lexicon `indefinite_determiners`) in the
    "of" phrase of a noun of proposing (frames.yaml nouns of proposedBy): what the proposal
    is of ("put forward the idea of a common clearing unit", "the proposal of a global
    fund"); not its maker ("the proposal of the Nordic Council")."""
    prep = root.head
    preps = {"of", *lexicon().content_preps}
    if root.dep_ != "pobj" or prep.lower_ not in preps or prep.dep_ != "prep":
        return False
    if prep.head.lemma_.lower() not in _proposal_nouns():
        return False
    indefinite = lexicon().indefinite_determiners
    return any(c.dep_ == "det" and c.lower_ in indefinite for c in root.children)


def _made_proposed(root) -> bool:
    """A noun in the "of" phrase of an event of making (frames.yaml `theme_nouns`) that a
    verb of proposing acts on (lexicon `theme_verbs`): what is to be made is proposed
    ("proposed the creation of a regional fund", "suggested the construction of a second
    terminal"), as the frame reads it (objects `dobj` through `theme_nouns`)."""
    prep = root.head
    if root.dep_ != "pobj" or prep.lower_ != "of" or prep.dep_ != "prep":
        return False
    event = prep.head
    indefinite = lexicon().indefinite_determiners
    return (
        any(c.dep_ == "det" and c.lower_ in indefinite for c in root.children)
        and event.lemma_.lower() in frames().theme_nouns
        and event.dep_ in ("dobj", "nsubjpass")
        and phrasal_lemma(event.head) in lexicon().theme_verbs
    )


@cache
def _proposal_nouns() -> frozenset[str]:
    return frozenset(w for fr in frames().nouns if fr.predicate == "proposedBy" for w in fr.lemmas)


_CLAUSE_DEPS = frozenset({"ccomp", "advcl", "xcomp"})
_CHUNK_MODIFIERS = frozenset({"det", "amod", "compound", "nummod", "nmod", "poss"})


def _chunks(doc) -> list:
    """The noun phrases of a parsed block: spaCy's noun chunks and a noun the parser made
    the head of a clause ("The mandate, which was proposed by the cabinet, passed by 512
    votes to 138, the office said", read as a complement of "said"), which spaCy's chunker
    leaves out, with the modifiers before it; and a noun set after a comma beside a clause
    ("proposed that X guarantee the debt, a plan that Y has questioned", read as an
    adverbial noun), which the chunker leaves out too."""
    out = noun_chunks(doc)
    t = tree(doc)  # a Token only for a noun heading a clause
    for i, pos in enumerate(t.pos):
        if pos != "NOUN":
            continue
        beside = t.dep[i] == "npadvmod"
        if t.dep[i] in _CLAUSE_DEPS or beside:
            lefts = [doc[c] for c in t.kids[i] if c < i and t.dep[c] in _CHUNK_MODIFIERS]
            start = min((c.left_edge.i for c in lefts), default=i)
            if beside and (start == 0 or doc[start - 1].text != ","):
                continue
            out.append(doc[start : i + 1])
    return sorted(out, key=lambda span: span.start)


_NP_DEPS = frozenset(
    {"oprd", "nsubj", "dobj", "nsubjpass", "pcomp", "pobj", "dative", "appos", "attr", "ROOT"}
)


def noun_chunks(doc) -> list:
    """spaCy's noun chunks of a parsed block (`doc.noun_chunks`), read as English's chunker
    reads them (spacy/lang/en/syntax_iterators.py: a noun, proper noun or pronoun of one of
    `_NP_DEPS`, or in a conjunction with one, from its left edge, none inside another) but
    from the Tree: a Token is made only for a noun's left edge. Another chunker is spaCy's."""
    if doc.noun_chunks_iterator is not english_noun_chunks or not doc.has_annotation("DEP"):
        return list(doc.noun_chunks)
    t = tree(doc)
    dep, head = t.dep, t.head
    out = []
    prev_end = -1
    for i, pos in enumerate(t.pos):
        if pos not in ("NOUN", "PROPN", "PRON"):
            continue
        # (the label is read before the left edge, which takes a Token: either test only
        # skips the word, and only a chunk moves `prev_end`)
        if dep[i] not in _NP_DEPS:
            if dep[i] != "conj":
                continue
            h = head[i]
            while dep[h] == "conj" and head[h] < h:
                h = head[h]
            if dep[h] not in _NP_DEPS:
                continue  # coordinated with no noun phrase
        left = doc[i].left_edge.i
        if left <= prev_end:
            continue  # no chunk inside another
        prev_end = i
        out.append(Span(doc, left, i + 1, label="NP"))
    return out


def _signed(root) -> str | None:
    """ "Plan" for a common noun of no class that is what a verb of drawing up or signing
    a text acts on ("signed the final communiqué", "proposed a joint patrol", "the letter of
    intent was signed"; lexicon `plan_verbs`, `plan_object_nouns`: a text or an
    arrangement, not "signed a big cheque"), what a verb of proposing acts on, whatever its
    noun ("proposed a lower quota"; lexicon `theme_verbs`, also in a proposed passive clause:
    `_proposed`) or a noun of proposing is of (`_proposal_content`: "the idea of a common
    clearing unit"), or what a verb of offering or turning down acts on when a measure can be it
    ("will not accept a production quota", not "declined a government car"; `measure_verbs`,
    `_measure`); never troops, money or people (`_given`); else None. The
    noun is specified by a word before it or a phrase after it: a bare one ("signed the
    documents", "proposed measures") or one set apart from another ("similar measures";
    lexicon `contrast_words`) names no plan of its own."""
    verb = root.head
    content = (
        root.pos_ == "NOUN"
        and (_proposal_content(root) or _made_proposed(root))
        and not _given(root)
    )
    relative = _proposing_relative(root) if root.pos_ == "NOUN" else None
    if relative is not None:
        verb = relative
    elif not content and not (
        root.pos_ == "NOUN" and root.dep_ in ("dobj", "nsubjpass") and verb.pos_ == "VERB"
    ):
        return None
    lex = lexicon()
    noun = root.lemma_.lower()
    lemma = phrasal_lemma(verb)
    if not (
        content
        or (verb.lemma_.lower() in lex.plan_verbs and noun in lex.plan_object_nouns)
        or (lemma in lex.theme_verbs and not _given(root))
        or (lemma in lex.measure_verbs and _measure(root) and not _given(root))
        or (_proposed(verb, root) and not _given(root))
        or (_stance_theme(verb, root) and not _given(root))
        or (_made_in_clause(verb, root) and not _given(root))
    ):
        return None
    if _made_in_clause(verb, root) and any(
        c.dep_ in ("acl", "relcl") and any(g.lower_ == "to" for g in c.children)
        for c in root.children
    ):
        return "Plan"  # "proposed that members create a fund to finance X"
    if any(
        (
            c.dep_ in ("amod", "compound")
            and c.i < root.i
            and not stripped(c)
            and c.lower_ not in lex.contrast_words  # "similar measures"
        )
        or (
            c.dep_ == "prep"
            and c.i == root.i + 1
            # "a letter of intent"; not a partner's "with": "negotiated a text with B"
            and c.lower_ in _COMPLEMENT_PREPS - {"with"}
        )
        for c in root.children
    ):
        return "Plan"
    return None


def _stance_theme(verb, root) -> bool:
    """Whether what `verb` acts on is what a stance is about: `verb` brings it about or
    carries it on (frames.yaml `bringing_verbs` but those of `measure_verbs`, lexicon
    `carrying_verbs`) in the to-infinitive or gerund of a word of offering, proposing,
    agreeing or refusing (lexicon `stance_heads`; a noun of frames.yaml `modality_nouns` or
    a plan's head noun): "offered to open an embassy in Norvik", "ruled out resuming the
    border patrols", "proposed extending X and setting new quotas", "an agreement to create
    a joint customs centre". Not a part or a round of something ("agreed to hold a new
    round", frames.yaml `partitive_nouns`, `event_partitives`), nor what "expected to" names
    (no stance), nor what is kept in a state ("agreed to keep the embassy open")."""
    lex, f = lexicon(), frames()
    if root.lemma_.lower() in f.partitive_nouns | f.event_partitives:
        return False
    lemma = phrasal_lemma(verb)
    if lemma in lex.measure_verbs or not (lemma in f.bringing_verbs or lemma in lex.carrying_verbs):
        return False
    if any(c.dep_ in ("oprd", "acomp") for c in verb.children):
        return False  # a state it is kept in ("keep the embassy open"): it is there already
    clause = verb.head if verb.dep_ == "conj" and verb.head.pos_ == "VERB" else verb
    governor = clause.head
    if completes_noun(clause) and governor.pos_ == "NOUN":
        # a plan's noun is itself what it proposes ("a proposal to open new crossings": the
        # proposal), unless what it is to do creates a thing of its own (frames.yaml
        # `creation_verbs`: "an agreement to create a joint customs centre")
        noun = governor.lemma_.lower()
        own = noun in f.modality_nouns and head_class([noun]) != "Plan"
        return any(c.lower_ == "to" for c in clause.children) and (
            own or (head_class([noun]) == "Plan" and verb.lemma_.lower() in f.creation_verbs)
        )
    return under_stance(verb, lex.stance_heads)  # the parser may hang a gerund as a clause


def _proposed_body(cls: str, root, tokens: list, tail: list) -> bool:
    """A body, a force or an organisation (a class that is no description: lexicon
    `description_classes`) that a verb of proposing brings about, specified by an adjective
    or a phrase after it: "proposed a joint mechanism for the power trade", "a permanent
    secretariat was proposed", "proposed that a regional fund be set up" (lexicon
    `theme_verbs`, `_proposed`) names the one proposed, as "a joint verification mechanism"
    does; a bare one ("proposed a committee") or one set apart from another ("a similar
    mechanism", lexicon `contrast_words`) does not."""
    if cls in lexicon().description_classes or root.dep_ not in ("dobj", "nsubjpass"):
        return False
    verb = root.head
    if verb.pos_ != "VERB" or _given(root):
        return False
    if not (phrasal_lemma(verb) in lexicon().theme_verbs or _proposed(verb, root)):
        return False
    contrast = lexicon().contrast_words
    described = any(
        t.dep_ == "amod" and t.pos_ == "ADJ" and t.lower_ not in contrast
        for t in tokens
        if t.i != root.i
    )
    return described or (bool(tail) and not any(t.lower_ in contrast for t in tokens))


def _made_in_clause(verb, root) -> bool:
    """`root` is what a proposed clause brings about (frames.yaml `bringing_verbs`), its
    direct object: "proposed that member states create a fund", "suggested that the two
    sides should set up a joint panel" (the frame's object `complement`); a bare verb or one
    after a proposing modal (frames.yaml `proposing_modals`), not "said that X had set up"."""
    if root.dep_ != "dobj" or verb.dep_ != "ccomp":
        return False
    if phrasal_lemma(verb.head) not in lexicon().theme_verbs:
        return False
    f = frames()
    if not (verb.lemma_.lower() in f.bringing_verbs or phrasal_lemma(verb) in f.bringing_verbs):
        return False
    if any(c.dep_ == "aux" and c.lower_ in f.proposing_modals for c in verb.children):
        return True
    return verb.tag_ in ("VB", "VBP") and not any(c.dep_ == "aux" for c in verb.children)


def _measure(root) -> bool:
    """A noun a measure or an arrangement can be (lexicon `measure_nouns`,
    `plan_object_nouns`): what a verb of offering or turning down makes a plan of."""
    lex = lexicon()
    words = {root.lemma_.lower(), root.lower_}
    return bool(words & (lex.measure_nouns | lex.plan_object_nouns))


def _proposed(verb, root) -> bool:
    """`root` is what a proposed clause in the passive under a verb of `theme_verbs` says is
    to be done with ("proposed that compensation for the fishermen be paid", "suggested that
    member states be given a transition period"; arguments.proposed_theme), not undone
    (frames.yaml `undoing_verbs`: "proposed that the sanctions be lifted" proposes no
    sanctions)."""
    if verb.dep_ != "ccomp" or phrasal_lemma(verb.head) not in lexicon().theme_verbs:
        return False
    theme = proposed_theme(verb)
    return theme is not None and theme.i == root.i and not _undone(verb)


def _undone(verb) -> bool:
    undoing = frames().undoing_verbs
    return verb.lemma_.lower() in undoing or phrasal_lemma(verb) in undoing


def _given(root) -> bool:
    """What a verb of `theme_verbs` acts on that names no plan of its own: troops, money,
    help in kind (lexicon `contribution_nouns`, `aid_nouns`), a sum or a number ("offered
    200 troops", "offered 500 million dollars"); people ("proposed a female candidate",
    "rejected the foreign envoys": a title's word, lexicon `theme_people`, `person_nouns`,
    those who stand for a body); a report ("rejected the accusations", frames.yaml
    `report_nouns`); a noun read by its own frame or standing for what it is of or for
    ("declined the offer", "ruled out a return to the talks", "proposed the holding of a
    summit", "rejected the request": frames.yaml nouns, modality_nouns, goal_nouns,
    theme_nouns, invitation_nouns, lexicon `theme_requests`); what is granted to others
    ("refused entry to the force", lexicon `theme_grants`); what "any" or "no" determines
    ("rejected any commitment": none in particular); and what a name owns ("offered to host
    the force's logistics hub": the force is what is offered, frames.yaml `owner`)."""
    if root.ent_type_ in ("MONEY", "QUANTITY", "CARDINAL", "PERCENT"):
        return True
    for c in root.children:
        if c.dep_ == "det" and c.lower_ in lexicon().theme_determiners:
            return True
        if c.dep_ == "poss" and c.pos_ != "PRON":
            return True
    return bool({root.lemma_.lower(), root.lower_} & _not_themes())


@cache
def _not_themes() -> frozenset[str]:
    """The nouns `_given` leaves out, read once."""
    lex, f = lexicon(), frames()
    titles = title_data()
    return frozenset(
        lex.contribution_nouns
        | lex.aid_nouns
        | lex.theme_people
        | lex.theme_requests
        | lex.theme_grants
        | lex.person_nouns
        | lex.representative_nouns
        | lex.member_nouns
        | lex.generic_position_words
        | lex.leader_words
        | titles.role_nouns
        | titles.role_plurals
        | titles.job_nouns
        | f.report_nouns
        | frozenset(f.modality_nouns)
        | f.goal_nouns
        | f.theme_nouns
        | frozenset(f.invitation_nouns)
    )


def _members(cls: str, root) -> bool:
    """A body known by a common noun that a phrase "of" completes, or that "no" determines,
    is no body of its own: "a team of engineers" are the engineers sent, "has no embassy in
    Norland" names none."""
    return cls == "Organization" and any(
        (c.dep_ == "prep" and c.lower_ == "of") or (c.dep_ == "det" and c.lower_ == "no")
        for c in root.children
    )


def _incomplete(root) -> bool:
    """A head noun of its class only with a complement it lacks (lexicon `complement_heads`):
    "the call from the prime minister" is no plan, "a call for a ceasefire" is."""
    preps = lexicon().complement_heads.get(root.lower_)
    return preps is not None and not any(
        (c.dep_ == "prep" and c.lower_ in preps)
        or (c.dep_ == "acl" and any(g.lower_ == "to" for g in c.children))
        for c in root.children
    )


def _a_claim(root) -> bool:
    """A head noun of lexicon `claim_heads` with a "that" content clause: "the idea that
    Norland had sent troops" is a claim, not a plan ("the idea that Norland proposed", a
    relative clause, is one)."""
    return root.lower_ in lexicon().claim_heads and any(
        c.dep_ in ("acl", "relcl", "ccomp")
        and any(g.dep_ == "mark" and g.lower_ == "that" for g in c.children)
        for c in root.children
    )


def _possessor_body(doc, root, taken: set[int], add: Callable) -> None:
    """A body named as the possessor of a common noun ("the Norlandic trade ministry's
    department", "the Velmar army's logistics unit"): a mention of its own, when a name
    or a nationality specifies it."""
    for poss in (c for c in root.children if c.dep_ == "poss"):
        cls = head_class([poss.lemma_]) or head_class([poss.text])
        if cls not in ("GovernmentBody", "ArmedForce") or poss.i in taken:
            continue
        tokens = trim([t for t in poss.subtree if not possessive(t)])
        mods = [t for t in tokens if t.i != poss.i]
        if not any(t.pos_ == "PROPN" or _nationality(t) for t in mods):
            continue
        add(tokens, "COMMON", cls)


def _intent(root):
    """The to-infinitive a noun of intention is completed by ("X's plan to cut the budget",
    "no plans to join", frames.yaml `modality_nouns`), or None."""
    if root.lemma_.lower() not in frames().modality_nouns:
        return None
    return next(
        (
            c
            for c in root.children
            if completes_noun(c)
            and c.pos_ in ("VERB", "AUX")
            and any(g.lower_ == "to" for g in c.children)
        ),
        None,
    )


_PLACES = frozenset({"GPE", "LOC", "FAC"})


def _after_dash(chunk, root):
    """A noun phrase from after a spaced dash before its head (lexicon `list_dashes`) when
    all before the dash is a place right after a preposition and no place follows it: a
    headline's "Ministers meet in Norvik - Velmarian plan to cut quotas" names the Velmarian
    plan, not "Norvik - Velmarian plan"; "the Norland - Velmar border commission" and "a loan
    for Nairobi - Kampala pipeline" are one name each (review r17 AC3)."""
    doc = chunk.doc
    for i in range(root.i - 1, chunk.start, -1):
        if doc[i].text in lexicon().list_dashes and doc[i].whitespace_ and doc[i - 1].whitespace_:
            before = doc[chunk.start : i]
            if (
                chunk.start > 0
                and doc[chunk.start - 1].pos_ == "ADP"
                and all(t.ent_type_ in _PLACES for t in before)
                and doc[i + 1].ent_type_ not in _PLACES  # "Nairobi - Kampala pipeline"
            ):
                return doc[i + 1 : chunk.end]
            return chunk
    return chunk


def _cut(doc, root) -> bool:
    """Whether the parser cut a noun phrase after `root`: a noun or an -ing word hung on it
    follows ("a ceasefire patrol unit" read as "a ceasefire" + "patrol unit"); not the
    participle that tells which one a definite noun is (`_acting`: "the resolution renewing
    the mandate")."""
    nxt = doc[root.i + 1] if root.i + 1 < len(doc) else None
    return nxt is not None and (
        nxt.pos_ in ("NOUN", "PROPN")
        or (nxt.tag_ == "VBG" and nxt.head.i == root.i and _acting(root) is None)
    )


def _acting(root):
    """The participle right after a definite noun that tells which one it is by what it
    does to something named with a determiner of its own ("the resolution renewing the
    mandate", "the law banning the party"), or None: not "the ceasefire patrol unit" (a
    compound the parser may read as a participle), nor an indefinite "a text renewing the
    embargo" (one that may never be drafted)."""
    doc = root.doc
    nxt = doc[root.i + 1] if root.i + 1 < len(doc) else None
    if nxt is None or nxt.head.i != root.i or nxt.dep_ != "acl" or nxt.tag_ != "VBG":
        return None
    definite = lexicon().definite_determiners
    if not any(c.dep_ == "det" and c.lower_ in definite for c in root.children):
        return None
    objects = [c for c in nxt.children if c.dep_ == "dobj"]
    if not any(c.dep_ in ("det", "poss") for o in objects for c in o.children):
        return None
    return nxt


def _complement(doc, root, partners: frozenset[str] = frozenset()) -> list:
    """The short prepositional phrase right after a description's head that completes its
    name ("meeting of trade ministers", "summit in Norvik", "agreement on fisheries"), with
    a second one after it ("meeting of trade ministers in Norvik"): no verb, no comma, no
    date, at most 9 words; none of `partners` ("signed an accord with B": the accord)."""
    out: list = []
    t, after = tree(doc), root.i + 1  # most heads have none: read from the Tree first
    if not (
        after < len(t.head)
        and t.head[after] == root.i
        and t.dep[after] == "prep"
        and t.lower[after] in _COMPLEMENT_PREPS
        and t.lower[after] not in partners
    ):
        return out
    head = root
    for _ in range(2):
        # the second phrase may hang on the first one's object or on the head noun
        # ("deployment of troops to Norvik")
        prep = next(
            (
                c
                for c in (*head.children, *root.children)
                if c.dep_ == "prep" and c.i == (out[-1].i if out else root.i) + 1
            ),
            None,
        )
        if prep is None or prep.lower_ not in _COMPLEMENT_PREPS or prep.lower_ in partners:
            break
        words = list(prep.subtree)
        # "a memorandum of understanding that sets up a team", "an accord on rare earths,
        # which was signed by B": up to a clause on the complement's noun (and its comma)
        clause = min(
            (c.left_edge.i for w in words for c in w.children if c.dep_ in ("relcl", "acl")),
            default=None,
        )
        if clause is not None:
            words = [t for t in words if t.i < clause]
            while words and words[-1].is_punct:
                words.pop()
            if len(words) < 2:
                break
        # "a memorandum on fisheries with B": up to a partner's preposition
        cut = next((i for i, t in enumerate(words) if i and t.lower_ in partners), None)
        words = words[:cut] if cut is not None else words
        if not _names_part(out, words):
            break
        out += words
        head = next((c for c in prep.children if c.dep_ == "pobj"), None)
        if head is None:
            break
    return out


def _names_part(out: list, words: list) -> bool:
    """Whether a prepositional phrase may follow `out` in a description's name: no verb,
    no comma, no date, at most 9 words in all, no gap."""
    return not (
        len(out) + len(words) > 9
        or any(t.pos_ in ("VERB", "AUX") or t.text in ",;:()" for t in words)
        or any(t.ent_type_ in ("DATE", "TIME") for t in words)  # "on Monday" is no name
        or words[-1].i != words[0].i + len(words) - 1
    )


def _short_complement(doc, root) -> list:
    """The first prepositional phrase after a head whose whole phrase is too long to be
    part of its name (`_complement` found none), up to the phrase its own noun has: "a
    joint mechanism for the power trade between the five upland states and the islands"
    -> "for the power trade"; not one that cuts a name ("summit of the Intergovernmental
    Authority on Development"); else none."""
    t, after = tree(doc), root.i + 1  # most heads have none: read from the Tree first
    if not (
        after < len(t.head)
        and t.head[after] == root.i
        and t.dep[after] == "prep"
        and t.lower[after] in _COMPLEMENT_PREPS - {"with"}
    ):
        return []
    prep = doc[after]
    obj = next((c for c in prep.children if c.dep_ == "pobj"), None)
    inner = [c.i for c in obj.children if c.dep_ == "prep" and c.i > obj.i] if obj else []
    words = [t for t in prep.subtree if t.i < min(inner)] if inner else []
    if any(w.text[:1].isupper() for w in words):
        return []
    return words if words and _names_part([], words) else []


def _other_names(doc, chunk, root, tokens: list, owned: set[int], tail: list) -> tuple[str, ...]:
    """The other spans that name a description: with the adjectives a label drops ("new
    quota", "wider mandate"; lexicon `strip_words`); without the words before its head that
    set it apart or say whose it is ("security tax" for "a temporary security tax", "panel
    of experts" for "a U.N. panel of experts"); each alone, with the first phrase of its
    complement and with the whole of it ("meeting of creditors" for "a full meeting of
    creditors in Abidjan"); and the words in quotes before its head ("just transition" for
    a "just transition" plan)."""
    kept = _edges(
        [
            t
            for t in chunk
            if t.i <= root.i
            and t.i not in owned
            and not possessive(t)
            and t.pos_ not in ("DET", "PRON")
            and (not owned or t.i > max(owned))
        ]
    )
    # from the first common noun before the head, or the head
    bare = tokens[next((k for k, t in enumerate(tokens) if t.pos_ == "NOUN"), len(tokens)) :]
    cut = next((k for k, t in enumerate(tail) if k and t.dep_ == "prep"), len(tail))
    out: list[str] = []
    longer = long_forms(root)  # "a text on sharing the profits": another name of it
    for words in (kept, tokens, bare):
        if not words or words[-1].i != root.i or words[-1].i - words[0].i + 1 != len(words):
            continue
        for more in ([], tail[:cut], tail, longer):
            if len(words) + len(more) >= 2:
                _add_name(out, span_text(doc, words[0].i, (more[-1].i if more else root.i) + 1))
    quoted = [t.i for t in chunk if t.is_quote and t.i < root.i]
    if len(quoted) == 2 and quoted[1] == root.i - 1 and quoted[1] - quoted[0] > 1:
        _add_name(out, span_text(doc, quoted[0] + 1, quoted[1]))  # a "just transition" plan
    return tuple(out)


def _owned_names(doc, root, tail: list) -> tuple[str, ...]:
    """A plan's or an event's names with the name or the day that owns it, as the text
    writes them: "the EU's call for arbitration" is also "EU's call for arbitration" and
    "EU's call", "Monday's meeting" is also so named; not "its plan" (a pronoun)."""
    poss = next((c for c in root.children if c.dep_ == "poss"), None)
    if poss is None or poss.pos_ == "PRON" or poss.tag_ in ("PRP$", "WP$"):
        return ()
    words = trim(list(doc[poss.left_edge.i : root.i + 1]))
    if not words or words[-1].i != root.i:
        return ()
    out: list[str] = []
    cut = next((k for k, t in enumerate(tail) if k and t.dep_ == "prep"), len(tail))
    for more in ([], tail[:cut], tail):
        _add_name(out, span_text(doc, words[0].i, (more[-1].i if more else root.i) + 1))
    return tuple(out)


def _add_name(out: list[str], text: str) -> None:
    text = " ".join(text.translate(_NO_QUOTES).split())
    if text and text not in out:
        out.append(text)


_NO_QUOTES = str.maketrans("", "", '“”"')


def _edges(tokens: list) -> list:
    """`tokens` without punctuation, quotes and spaces at either end."""
    while tokens and (tokens[0].is_punct or tokens[0].is_space or tokens[0].is_quote):
        tokens = tokens[1:]
    while tokens and (tokens[-1].is_punct or tokens[-1].is_space or tokens[-1].is_quote):
        tokens = tokens[:-1]
    return tokens


def _venue(tail: list):
    """The preposition of a place phrase that ends a complement after its first phrase
    ("meeting of trade ministers in Norvik": "in"; lexicon `venue_preps`), or None."""
    for t in tail[1:]:
        if (
            t.dep_ == "prep"
            and t.lower_ in lexicon().venue_preps
            and t.right_edge.i == tail[-1].i
            and any(c.ent_type_ in _PLACES for c in t.subtree)
        ):
            return t
    return None


def _partner_preps(root) -> frozenset[str]:
    """The `partners` prepositions (frames.yaml) of a verb whose object `root` is: "signed
    an accord with B" names the accord, not an "accord with B", however the parser hangs
    "with B"."""
    verb = root.head
    if root.dep_ not in ("dobj", "nsubjpass") or verb.pos_ not in ("VERB", "AUX"):
        return frozenset()
    return _partners_of(verb.lemma_.lower())


@cache
def _partners_of(lemma: str) -> frozenset[str]:
    """The `partners` prepositions of the verb frames of a lemma."""
    return frozenset(p for f in frames().verbs if lemma in f.lemmas for p in f.partners)


def _extends_name(chunk, taken: set[int]) -> bool:
    return any(
        t.i not in taken and not t.is_punct and not stripped(t) and not possessive(t)
        for t in chunk
        if t.i < chunk.root.i
    )


def _named_owner(owner: list) -> bool:
    """A possessor that is a name ("Norland's", "the Storting's"), not a pronoun, nor a
    person ("Mira Solvang's ministry" is the ministry she heads, named elsewhere)."""
    if any(t.ent_type_ == "PERSON" for t in owner):
        return False
    return any(t.pos_ == "PROPN" or t.ent_type_ in ("GPE", "ORG", "NORP") for t in owner)


def _stands_for_owner(tok) -> bool:
    """ "government", "authorities" (lexicon `representative_nouns`): the owner itself."""
    words = lexicon().representative_nouns
    return tok.lemma_.lower() in words or tok.lower_ in words


def _nationality(tok) -> bool:
    """A word of nationality or a country's name before a head noun ("Norlandic", "Norland")."""
    gaz = gazetteer()
    key = norm(tok.text)
    entry = gaz.by_name.get(key)
    return key in gaz.by_demonym or (entry is not None and entry.cls == "Country")


def _specific(tokens: list, root, needs_name: bool = False) -> bool:
    """A common-noun phrase names one thing when a name, a number or a compound noun
    specifies it; a bare plural ("combat operations") does not."""
    mods = [t for t in tokens if t.i != root.i]
    proper = any(t.pos_ == "PROPN" or t.text[:1] in '“"' for t in mods)
    number = any(t.like_num or any(c.isdigit() for c in t.text) for t in mods)
    # a noun or a hyphenated word before the head ("verification mechanism",
    # "counter-terrorism brigade", "swearing-in ceremony")
    compound = any(
        (t.dep_ in ("compound", "nmod") and t.pos_ == "NOUN") or t.text == "-" for t in mods
    )
    described = any(t.dep_ == "amod" and t.pos_ == "ADJ" for t in mods)
    plural = root.tag_ in ("NNS", "NNPS")
    if needs_name:  # an event: "ECOWAS summit", "general election", "peace talks"
        return proper or compound or described
    if plural:
        return proper
    return proper or number or compound
