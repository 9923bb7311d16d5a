"""Succession: "A succeeds B", "A, appointed in May, replacing B", "A's predecessor, B",
"A was named, in replacement of B"."""

from __future__ import annotations

from kg.extract.constructions.base import Builder, tokens_with
from kg.extract.lexicon import lexicon, norm
from kg.extract.link import Cluster
from kg.extract.syntax.arguments import direct_objects, is_passive, prep_objects, subjects
from kg.extract.syntax.modality import modality


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


def _people(b: Builder, tok) -> list:
    return [r for r in b.index.refs(b.block, tok, with_conj=False) if r.cluster.cls == "Person"]


def _named(b: Builder, tok) -> list:
    """What a successor token names; a title stands for the name in apposition to it
    ("whose chief of staff, A, took over from B")."""
    refs = b.index.refs(b.block, tok, with_conj=False)
    if any(r.cluster.cls == "Position" for r in refs):
        named = [c for c in tok.children if c.dep_ == "appos"]
        refs += [r for c in named for r in b.index.refs(b.block, c, with_conj=False)]
    return refs


def succession(b: Builder) -> None:
    """ "A succeeds B", "A, appointed in May, replacing B", "A's predecessor, B": B held
    the post that A holds, and holds it no longer ("A will succeed B": B holds it now)."""
    lex = lexicon()
    words = lex.succession_verbs | lex.predecessor_nouns | lex.replacement_nouns
    words = words | set(lex.takeover_verbs)
    for tok in tokens_with(b.doc, "LEMMA", words):
        lemma = tok.lemma_.lower()
        pairs: list[tuple[list, list]] = []
        level = "asserted"
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
                if any(_people(b, p) for p in patients):
                    successors = patients
                else:
                    successors = subjects(tok.head)
            elif tok.dep_ == "acl":
                # "its prime minister, A, who was appointed in March, replacing C": the
                # noun it qualifies, or the name in apposition to that title
                named = [c for c in tok.head.children if c.dep_ == "appos"]
                successors = [*successors, tok.head, *named]
            pairs.append((successors, direct_objects(tok)))
        elif lemma in lex.takeover_verbs and any(
            c.dep_ == "prt" and c.lower_ in lex.takeover_verbs[lemma] for c in tok.children
        ):
            # "A took over from B in February": B held the post A holds
            level = modality(tok)
            olds = prep_objects(tok, "from")
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
                    if post is None:
                        continue
                    for p in predecessors:
                        for old in b.index.refs(b.block, p):
                            if old.cluster.cls == "Person" and old.cluster.id != new.cluster.id:
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
