"""Leadership verbs: "the agency is headed by X", "X chairs the committee", "X took command
of the fleet"."""

from __future__ import annotations

from kg.extract.constructions.base import (
    OWNER_CLASSES,
    Builder,
    held_position,
    people_of,
    tokens_with,
)
from kg.extract.lexicon import lexicon
from kg.extract.phrases.titles import title_data
from kg.extract.resolve import Ref
from kg.extract.syntax.arguments import (
    child_deps,
    direct_objects,
    gives_an_order,
    is_passive,
    prep_objects,
    subjects,
)
from kg.extract.syntax.modality import completed_perfect, modality
from kg.extract.syntax.posts import term_ended
from kg.extract.syntax.tree import tree


def leadership(b: Builder) -> None:
    """ "The agency is headed by X", "X chairs the committee", "the fleet, commanded by X":
    X holds the post of head, chair or commander of that body (lexicon `leadership_verbs`).
    "X took command of the fleet" (lexicon `leadership_nouns` after a taking verb): X is its
    commander."""
    lex = lexicon()
    table = lex.leadership_verbs
    for tok in tokens_with(b.doc, "LEMMA", set(table)):
        titles = table.get(_prefixed(tok) or tok.lemma_.lower())
        if titles is None or tok.pos_ != "VERB" or gives_an_order(tok):
            continue  # "directed the ministry to prepare a plan" is an order
        objects = direct_objects(tok)
        bodies = [r for o in objects for r in _bodies(b, o)]
        if _paired(tok):
            # "A and B head X and Y, respectively": every body, in order
            bodies = [r for o in objects for c in (o, *o.conjuncts) for r in _bodies(b, c)]
        # "the fleet, which is based in X and commanded by Y": the participle coordinated
        # with the relative clause's verb is about the same noun
        clause = tok.head if tok.dep_ == "conj" and tok.head.dep_ == "relcl" else tok
        # "a mission led by X": a participle hung on the body's noun
        if not bodies and clause.dep_ in ("relcl", "acl"):
            bodies = _bodies_above(b, clause.head)
        split = _split_prefix_noun(tok) if not objects and not bodies else []
        if split:
            bodies = _bodies_above(b, split[0])
        if not bodies:
            nouns = objects or ([clause.head] if clause.dep_ in ("relcl", "acl") else [])
            if not _hold_unnamed(b, tok, titles["default"], nouns[:1] or split):
                led = nouns[:1] or split or child_deps(tok, "nsubjpass")
                # "A commanded the gendarmerie before he was appointed": held then
                ended = tok.tag_ == "VBD" and not is_passive(tok)
                if led and _commanded(led[0]):
                    _hold_bare(b, tok, tok, titles, ended=ended)
            continue
        _hold(b, tok, tok, titles, bodies)
    for noun in tokens_with(b.doc, "LEMMA", set(lex.leadership_nouns)):
        verb = noun.head
        if noun.dep_ != "dobj" or verb.lemma_.lower() not in lex.leadership_taking_verbs:
            continue
        bodies = [r for o in prep_objects(noun, "of") for r in _bodies(b, o)]
        titles = {"default": lex.leadership_nouns[noun.lemma_.lower()]}
        # "X held the presidency of the council (until 2019)": a term that ended
        ended = term_ended(noun) or (
            verb.lemma_.lower() in lex.leadership_holding_verbs and verb.tag_ == "VBD"
        )
        if bodies:
            _hold(b, verb, noun, titles, bodies, ended=ended)
        elif not prep_objects(noun, "of"):  # "took command on Monday" (of nothing named)
            _hold_bare(b, verb, noun, titles, ended=ended)


def portfolios(b: Builder) -> None:
    """ "A will hold the defence portfolio", "A was given the finance portfolio": A holds
    "defence minister", "finance minister" (lexicon `portfolio_nouns`, `portfolio_verbs`; the
    field is the lower-case words right before the noun)."""
    lex = lexicon()
    for noun in tokens_with(b.doc, "LEMMA", set(lex.portfolio_nouns)):
        verb = noun.head
        if (
            noun.dep_ not in ("dobj", "nsubjpass")
            or verb.pos_ not in ("VERB", "AUX")
            or verb.lemma_.lower() not in lex.portfolio_verbs
        ):
            continue
        doc, i = b.doc, noun.i
        while (
            i > noun.left_edge.i and doc[i - 1].dep_ in ("amod", "compound") and doc[i - 1].is_lower
        ):
            i -= 1
        if i == noun.i:
            continue  # "her portfolio": no field named
        modifiers = title_data().modifiers
        definite = any(
            c.dep_ == "poss" or (c.dep_ == "det" and c.lower_ == "the") for c in noun.children
        )
        if not definite or any(t.lower_ not in modifiers for t in doc[i : noun.i]):
            continue  # "a bond portfolio" (review Z6)
        cabinet = any(t.lower_ in lex.cabinet_words for t in noun.sent)
        level = modality(verb)
        if level is None:
            continue
        field_words = " ".join(t.lower_ for t in doc[i : noun.i])
        title = f"{field_words} {lex.portfolio_nouns[noun.lemma_.lower()]}"
        if is_passive(verb) or noun.dep_ == "nsubjpass":
            holders = [c for c in verb.children if c.dep_ == "nsubjpass" and c.i != noun.i]
            holders += [o for o in prep_objects(verb, "to")]  # "was given to A"
        elif verb.lemma_.lower() in ("give",):
            holders = [c for c in verb.children if c.dep_ in ("dative", "iobj")]
            holders += prep_objects(verb, "to")
        else:
            holders = subjects(verb)
        people = [
            r
            for h in holders
            for r in _people(b, h)
            if _government_holder(b, r, cabinet, lex.portfolio_not_holders)
        ]
        position = held_position(b.index, title, None)
        for person in people:
            b.add(person, "holdsPosition", position, noun, 0.7, "portfolio", level, said=False)


def _government_holder(b: Builder, person: Ref, cabinet: bool, not_holders) -> bool:
    """Whether a portfolio's holder holds a government's: holding no post of `not_holders`
    ("an EU commissioner ... the trade portfolio"), and some post in the article or a
    cabinet word in the sentence (lexicon `cabinet_words`)."""
    held = [post for _start, post, _former in b.index.holdings.get(person.cluster.id, [])]
    if any(set((post.title or "").split()) & not_holders for post in held):
        return False
    return cabinet or bool(held)


def _paired(verb) -> bool:
    """Whether the verb's sentence pairs its lists ("respectively": lexicon
    `pairing_adverbs`)."""
    sent, lower = verb.sent, tree(verb.doc).lower
    return any(lower[i] in lexicon().pairing_adverbs for i in range(sent.start, sent.end))


def _prefixed(tok) -> str | None:
    """A verb written with a hyphenated prefix the tokenizer splits off ("co-chaired" ->
    "co-chair"), when the lexicon has that verb."""
    doc, i = tok.doc, tok.i
    if i >= 2 and doc[i - 1].text == "-" and not doc[i - 2].whitespace_:
        word = f"{doc[i - 2].lower_}-{tok.lemma_.lower()}"
        if word in lexicon().leadership_verbs:
            return word
    return None


def _split_prefix_noun(verb) -> list:
    """ "a working group co-chaired by A": the tokenizer splits "co-chaired" and the parser
    may hang "co" on the noun as its participle, the verb elsewhere: that noun."""
    doc, i = verb.doc, verb.i
    if _prefixed(verb) is None or verb.dep_ in ("acl", "relcl") or i < 3:
        return []
    if doc[i - 2].dep_ in ("acl", "relcl"):
        return [doc[i - 2].head]
    noun = doc[i - 3]  # the noun written right before it
    return [noun] if noun.pos_ == "NOUN" and noun.dep_ != "compound" else []


def _bodies(b: Builder, tok) -> list[Ref]:
    return [
        b.index.as_actor(r)
        for r in b.index.refs(b.block, tok, with_conj=False)
        if r.cluster.cls in OWNER_CLASSES and r.cluster.cls != "Country"
    ]


def _bodies_above(b: Builder, tok) -> list[Ref]:
    """ "the force on the island, which is commanded by X": a relative clause the parser
    hung on the object of a preposition may be about the noun that preposition completes."""
    for _ in range(3):
        found = _bodies(b, tok)
        if found or tok.dep_ != "pobj" or tok.head.dep_ != "prep":
            return found
        tok = tok.head.head
    return []


def _people(b: Builder, tok) -> list[Ref]:
    """The people a doer names, with its conjuncts; a title stands for the name in
    apposition to it ("co-chaired by Norland's deputy minister, A, and General B")."""
    out: list[Ref] = []
    for t in (tok, *tok.conjuncts):
        for r in b.index.refs(b.block, t, with_conj=False) or [None]:
            if r is None or r.cluster.cls == "Position":
                named = [c for c in t.children if c.dep_ == "appos"]
                # "A, and her counterpart, B": the parser coordinates the second title
                # with the first name
                named += [
                    x for c in named for j in c.conjuncts for x in (j, *_apposed(j)) if j.i > c.i
                ]
                refs = [x for c in named for x in b.index.refs(b.block, c, with_conj=False)]
                refs = refs or _holders(b, t)
            else:
                refs = [r]
            out += [x for x in people_of(refs) if all(x.cluster.id != o.cluster.id for o in out)]
    return out


def _apposed(tok) -> list:
    return [c for c in tok.children if c.dep_ == "appos"]


def _holders(b: Builder, title) -> list[Ref]:
    """The people the positions construction read as holding the title at `title` (a name
    the parser did not hang on it: "led by the former President of Norland, A,")."""
    at = b.index.pos(b.block, title)
    return [
        Ref(b.index.clusters[person])
        for person, held in b.index.holdings.items()
        if any(start == at for start, _p, _former in held)
    ]


def _hold(
    b: Builder,
    verb,
    tok,
    titles: dict[str, str],
    bodies: list[Ref],
    unnamed: bool = False,
    written: list[str] | None = None,
    owner: Ref | None = None,
    ended: bool = False,
) -> None:
    level = modality(verb)
    if level is None:
        return
    doers = subjects(verb)
    agents = [p for a in verb.children if a.dep_ == "agent" for p in a.children if p.dep_ == "pobj"]
    if agents and not is_passive(verb):
        doers = agents  # a participle with its agent ("... and commanded by Y") is passive
    people = [r for s in doers for r in _people(b, s)]
    pairs: list[tuple[Ref | None, list[Ref]]] = [(body, people) for body in bodies[:1]]
    if unnamed:
        pairs = [(None, people)]
    if _paired(verb) and len(people) == len(bodies) > 1:
        pairs = [(body, [person]) for body, person in zip(bodies, people, strict=True)]
    past = ended or _past(verb)
    for body, holders in pairs:
        cls = body.cluster.cls if body is not None else None
        title = titles.get(cls, titles["default"]) if cls else titles["default"]
        of = body or owner  # an unnamed body's post is its possessor's
        position = held_position(b.index, title, of.cluster if of is not None else None)
        for text in written or ():
            if text not in position.written:
                position.written.append(text)
        for person in holders:
            b.add(
                person,
                "holdsPosition",
                position,
                tok,
                0.75,
                "leadership-verb",
                level,
                said=False,
                qualifiers=("former",) if past else (),
            )
            if not past and body is not None:
                b.add(person, "leads", body, tok, 0.75, "leadership-verb", level)
        if people and of is not None:
            b.add(position, "positionIn", of, tok, 0.75, "leadership-verb", said=False)


def _hold_bare(b: Builder, verb, tok, titles: dict[str, str], ended: bool = False) -> None:
    """ "The rotation, commanded by Captain A", "A took command on Monday": the doers hold
    the post with no owner when its title is one of lexicon `bare_leadership_titles` (held
    then, `ended`, after a simple past: "A commanded the gendarmerie before ...")."""
    if titles["default"] in lexicon().bare_leadership_titles:
        _hold(b, verb, tok, titles, [], unnamed=True, ended=ended)


def _commanded(noun) -> bool:
    """Whether what a verb of a bare post leads is a unit or force (lexicon
    `bare_leadership_objects`: "commanded the gendarmerie", "Sector 2 is commanded by", "it is
    commanded by") and not "commands respect", "commanded the attention of the room"."""
    if noun.lower_ in ("it", "which", "that"):
        return True
    return noun.lemma_.lower() in lexicon().bare_leadership_objects


def _hold_unnamed(b: Builder, verb, title: str, nouns: list) -> bool:
    """ "A working group co-chaired by A and B", "the negotiating team is led by A": a body
    known by a noun of lexicon `led_body_nouns` only (no entity of it): its doers hold the
    post written with the body's words ("co-chair of the working group"), of the body its
    possessor names ("the federation's disciplinary panel") or of none. Not a group named by
    its members ("led a team of engineers to the dam": no office). Whether it held one."""
    noun = nouns[0] if nouns else None
    if (
        noun is None
        or noun.pos_ != "NOUN"
        or noun.lemma_.lower() not in lexicon().led_body_nouns
        or b.index.refs(b.block, noun, with_conj=False)
        or prep_objects(noun, "of")
    ):
        return False
    owners = [r for c in noun.children if c.dep_ == "poss" for r in _bodies(b, c)]
    # its lower-case modifiers ("joint working group"; not "the Norlandic delegation": the
    # country is no part of the post's name)
    doc, i = noun.doc, noun.i
    while (
        i > noun.left_edge.i
        and doc[i - 1].dep_ in ("amod", "compound")
        and doc[i - 1].is_lower
        and i - 1 < doc[i - 1].head.i <= noun.i
    ):
        i -= 1
    words = " ".join(t.lower_ for t in doc[i : noun.i + 1])
    # also written with the leader's noun ("leader of the opposition") and before it
    # ("opposition leader", "working group co-chair"): lexicon `led_body_titles`
    names = [title, *lexicon().led_body_titles.get(title, ())]
    written = [f"{name} of the {words}" for name in names] + [f"{words} {name}" for name in names]
    owner = owners[0] if owners else None
    _hold(
        b, verb, verb, {"default": written[0]}, [], unnamed=True, written=written[1:], owner=owner
    )
    return True


def _past(verb) -> bool:
    """A perfect that puts the leading before a past or present point: "the first officer
    to have led the staff", "had headed the agency" (not "has led it since 2022")."""
    return completed_perfect(verb)
