"""Succession: "A succeeds B", "A, appointed in May, replacing B", "A's predecessor, B",
"A was named, in replacement of B", "A, B's successor", "appointed A in place of B"."""

from __future__ import annotations

from kg.extract.constructions.base import Builder, tokens_with
from kg.extract.lexicon import lexicon, norm
from kg.extract.link import Cluster
from kg.extract.syntax.arguments import (
    child_deps,
    direct_objects,
    is_passive,
    prep_objects,
    subjects,
)
from kg.extract.syntax.modality import modality, verb_in


def _post_of(b: Builder, person: Cluster, tok) -> Cluster | None:
    """The post a person is said to hold, for "X succeeds Y": the one the verb's "as"
    complement names, else one named in the same sentence, else the last current one
    named before it."""
    holdings = b.index.holdings.get(person.id, [])
    sent = tok.sent
    lo, hi = b.index.pos(b.block, sent[0]), b.index.pos(b.block, sent[-1])
    at = b.index.pos(b.block, tok)
    ranks = lexicon().ranks  # a rank is no post one succeeds to ("Vice-Admiral A succeeds B")
    holdings = [h for h in holdings if norm(h[1].label) not in ranks]
    here = [(start, p) for start, p, former in holdings if lo <= start <= hi and not former]
    before = [(start, p) for start, p, former in holdings if start < lo and not former]
    role = [  # "A, X's defence minister, replaced B as head of Y": head of Y
        c for c in tok.children if c.dep_ == "prep" and c.lower_ in lexicon().role_prepositions
    ]
    spans = [(b.index.pos(b.block, c.left_edge), b.index.pos(b.block, c.right_edge)) for c in role]
    named = [h for h in here if any(a <= h[0] <= z for a, z in spans)]
    if here:
        # else the post named last before the verb ("X, a deputy director, was appointed
        # head of mission, replacing Y": head of mission), else the first after it
        before_verb = [h for h in here if h[0] < at]
        if named:
            post = named[0][1]
        elif before_verb:
            post = max(before_verb, key=lambda h: h[0])[1]
        else:
            post = here[0][1]
        # "Norland's Defence Minister X ... X, who replaced Y as defence minister": the
        # post named before with its owner
        fuller = [h for h in before if h[1].of is not None and h[1].title == post.title]
        return max(fuller, key=lambda h: h[0])[1] if post.of is None and fuller else post
    return max(before, key=lambda x: x[0])[1] if before else None


def _last_person_before(b: Builder, tok) -> list:
    """The head of the person's name said last before `tok` in its sentence, if any."""
    for t in reversed(tok.doc[tok.sent.start : tok.i]):
        m = b.index.mention_at(b.block, t)
        if b.is_person(m):
            return [tok.doc[m.head]]
    return []


def _named(b: Builder, tok) -> list:
    """What a successor token names; a title stands for the name in apposition to it
    ("whose chief of staff, A, took over from B")."""
    refs = b.index.refs(b.block, tok, with_conj=False)
    if any(r.cluster.cls == "Position" for r in refs):
        named = [c for c in tok.children if c.dep_ == "appos"]
        refs += [r for c in named for r in b.index.refs(b.block, c, with_conj=False)]
    return refs


def _successor_named(tok) -> tuple[list, object]:
    """Who a successor noun names, and the verb that says so: the name it is in apposition
    to ("A, B's successor,") or that is in apposition to it ("the successor to B, A,"), the
    object of a verb it is the "as" complement of ("named A as B's successor", "A was chosen
    as successor to B"; the subject when the verb has none: "A emerged as B's successor"),
    the subject of a copula ("A is B's successor")."""
    lex = lexicon()
    if tok.dep_ == "appos":
        return [tok.head], None
    named = child_deps(tok, "appos")
    if named:
        return named, None
    head = tok.head
    if tok.dep_ == "pobj" and head.lower_ in lex.role_prepositions:
        verb = head.head
        if verb.pos_ in ("VERB", "AUX"):
            return direct_objects(verb) or subjects(verb), verb
    if tok.dep_ == "oprd" and head.pos_ == "VERB":  # "named A B's successor"
        return direct_objects(head), head
    if tok.dep_ == "attr" and head.lemma_.lower() in lex.copular_verbs:
        return subjects(head), head
    return [], None


def successor_level(verb) -> str | None:
    """The modality of a succession a successor noun states under `verb` ("named A as B's
    successor"), or None when it states none ("did not name A as B's successor")."""
    lex = lexicon()
    level = modality(verb)
    if level not in ("asserted", "planned", "possible", "considered"):
        return None
    if level == "asserted" and verb_in(verb, lex.nominating_verbs):
        level = "planned"  # "proposed A as B's successor": not done yet
    if level in ("asserted", "planned") and verb_in(verb, lex.hedging_as_verbs):
        level = "possible"  # "A is widely seen as B's successor": an opinion
    return level


def _in_place(tok) -> bool:
    """ "in place of B", "in B's stead", "in lieu of B" (lexicon `in_place_nouns`)."""
    return tok.dep_ == "pobj" and tok.head.lower_ == "in" and tok.head.dep_ == "prep"


def succession(b: Builder) -> None:
    """ "A succeeds B", "A, appointed in May, replacing B", "A's predecessor, B": B held
    the post that A holds, and holds it no longer ("A will succeed B": B holds it now).
    "A, B's successor", "named A as successor to B", "appointed A in place of B" also state
    the succession itself (no frame reads them)."""
    lex = lexicon()
    words = lex.succession_verbs | lex.predecessor_nouns | lex.replacement_nouns
    words = words | set(lex.takeover_verbs) | lex.successor_nouns | lex.in_place_nouns
    for tok in tokens_with(b.doc, "LEMMA", words):
        lemma = tok.lemma_.lower()
        pairs: list[tuple[list, list]] = []
        level = "asserted"
        states = False  # the succession is this construction's to state, not a frame's
        if lemma in lex.succession_verbs and tok.pos_ in ("VERB", "AUX"):
            # "A replaced B": B held the post; "A will / may replace B": B holds it now;
            # "A did not replace B" says nothing of it
            level = modality(tok)
            if level not in ("asserted", "planned", "possible", "considered"):
                continue
            successors = subjects(tok)
            if tok.dep_ in ("advcl", "xcomp") and is_passive(tok.head):
                # "A was appointed by B in May, succeeding C": A succeeds, not B; but "the
                # agency is headed by A, succeeding C": the agent, as no person is appointed
                patients = [c for c in tok.head.children if c.dep_ == "nsubjpass"]
                successors = patients if any(b.people(p) for p in patients) else subjects(tok.head)
            elif tok.dep_ == "acl":
                # "its prime minister, A, who was appointed in March, replacing C": the
                # noun it qualifies, or the name in apposition to that title
                named = [c for c in tok.head.children if c.dep_ == "appos"]
                successors = [*successors, tok.head, *named]
            if tok.dep_ == "advcl" and not any(b.people(t) for t in successors):
                # "X was represented by its prime minister, A, who was appointed in March,
                # replacing C" (the parser hangs the participle on the main verb, whose
                # subject is no person): the person named last before it
                successors = _last_person_before(b, tok)
            pairs.append((successors, direct_objects(tok)))
        elif lemma in lex.takeover_verbs and any(
            c.dep_ == "prt" and c.lower_ in lex.takeover_verbs[lemma] for c in tok.children
        ):
            # "A took over from B in February": B held the post A holds
            level = modality(tok)
            olds = prep_objects(tok, "from")
            if not olds:  # "took over as chair of the council from B": on the post's words
                roles = [c for c in tok.children if c.lower_ in lex.role_prepositions]
                olds = [o for r in roles for t in r.subtree for o in prep_objects(t, "from")]
            if level in ("asserted", "planned", "possible", "considered") and olds:
                pairs.append((subjects(tok), olds))
        elif lemma in lex.replacement_nouns and tok.dep_ == "pobj":
            # "named A as commander, in replacement of C", "A, who holds the post since
            # January, in substitution of C": whom the verb names, else its subject
            verb = tok.head.head
            olds = [o for p in lex.replacement_preps for o in prep_objects(tok, p)]
            if verb.pos_ in ("VERB", "AUX") and olds:
                news = direct_objects(verb) if verb.lemma_.lower() in lex.appointment_verbs else []
                pairs.append((news or subjects(verb), olds))
        elif lemma in lex.successor_nouns and tok.pos_ == "NOUN":
            # "A, B's successor", "named A as successor to B"; not "a possible successor"
            if any(c.lower_ in lex.hedged_successor_words for c in tok.lefts):
                continue
            olds = child_deps(tok, "poss")
            olds = olds or [o for p in lex.successor_preps for o in prep_objects(tok, p)]
            news, verb = _successor_named(tok)
            if not news:  # "the successor to B, A,": the parser hangs A on B
                news = [c for o in olds for c in child_deps(o, "appos") if b.people(c)]
            if verb is not None:
                level = successor_level(verb)
                if level is None:
                    continue
            pairs.append((news, olds))
            # "B's successor, A": frames.yaml's `successor` states it
            states = not (child_deps(tok, "poss") and child_deps(tok, "appos"))
        elif lemma in lex.in_place_nouns and _in_place(tok):
            # "appointed A governor in place of B", "A was sworn in in B's stead": whom the
            # verb names
            verb = tok.head.head
            for _ in range(3):  # "appointed A governor of the bank in place of B"
                if verb.pos_ in ("VERB", "AUX") or verb.dep_ not in ("pobj", "prep", "oprd"):
                    break
                verb = verb.head
            olds = child_deps(tok, "poss") or prep_objects(tok, "of")
            if verb.lemma_.lower() in lex.appointment_verbs and olds:
                # only a verb that puts A into a post: "attended in place of B" stands in
                level = modality(verb)
                if level not in ("asserted", "planned", "possible", "considered"):
                    continue
                pairs.append((direct_objects(verb) or subjects(verb), olds))
                states = True
        elif lemma in lex.predecessor_nouns and tok.pos_ == "NOUN":
            owners = [c for c in tok.children if c.dep_ == "poss"]
            named = [c for c in tok.children if c.dep_ == "appos"]
            if not named and tok.dep_ == "appos":
                named = [tok.head]
            pairs.append((owners, named))
        for successors, predecessors in pairs:
            for s in successors:
                for new in _named(b, s):
                    if new.cluster.cls != "Person":
                        continue
                    post = _post_of(b, new.cluster, tok)
                    for p in predecessors:
                        for old in b.index.refs(b.block, p):
                            if old.cluster.cls != "Person" or old.cluster.id == new.cluster.id:
                                continue
                            if states:
                                b.add(new, "succeeds", old, tok, 0.75, "succession", level)
                            if post is not None:
                                b.add(
                                    old,
                                    "holdsPosition",
                                    post,
                                    tok,
                                    0.7,
                                    "succession",
                                    "asserted",
                                    False,
                                    ("former",) if level == "asserted" else (),
                                )
