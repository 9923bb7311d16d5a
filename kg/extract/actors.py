"""Actors: who a noun stands for. A subject or object of a frame may be a group with its
members listed ("eight officials, including A and B"), a part of a whole ("one of the
sponsors"), a pair named before ("both sides", "the two leaders"), the theme of an event
("the appointment of X"), a common noun named by a body ("the opposition Blue Party
movement"), an invitation (what it is to), or a title with the person beside it ("the
Foreign Secretary, Ana Ortiz,"). The words and classes that steer this are data
(data/patterns/frames.yaml, lexicon.yaml); the entities come from the ArticleIndex."""

from __future__ import annotations

from functools import cache

from kg.extract.descriptions import given_post
from kg.extract.lexicon import frames, lexicon
from kg.extract.resolve import ArticleIndex, Ref, _coordinated
from kg.extract.syntax.arguments import child_deps, phrasal_lemma, prep_objects
from kg.extract.syntax.tree import tree
from kg.ontology import fits


def members(tok) -> list:
    """The members a group names: "eight officials, including A and B" -> A, B; "three
    countries - A, B and C" -> A, B, C (a list in apposition)."""
    words = frames().member_preps
    doc, t = tok.doc, tree(tok.doc)  # the children as indices: a Token only for a member
    out = []
    for c in t.kids[tok.i]:
        dep, lower = t.dep[c], t.lower[c]
        if dep == "prep" and lower in words:
            out += child_deps(doc[c], "pobj")
        elif dep == "prep" and lower == "as" and _such(doc[c]):
            out += child_deps(doc[c], "pobj")  # "such as A and B" ("such" hangs from "as")
        elif dep == "prep" and lower == "such":  # or "as" from "such"
            for as_ in child_deps(doc[c], "prep"):
                out += child_deps(as_, "pobj")
        elif dep == "appos" and doc[c].conjuncts and t.tag[tok.i] in ("NNS", "NNPS"):
            out.append(doc[c])
    if not out and t.tag[tok.i] in ("NNS", "NNPS"):
        out = _listed_after_pronoun(tok)
    return out


def _listed_after_pronoun(group) -> list:
    """ "sanctions on eleven people, among them A and B": the phrase after the group's comma,
    a member preposition and a pronoun for the group (frames.yaml `member_pronouns`), which
    the parser hangs on the member or on the verb; the member is the word that heads what
    follows the pronoun, up to the preposition."""
    f = frames()
    doc = group.doc
    i = group.right_edge.i + 1
    if i + 3 >= len(doc) or doc[i].text != ",":
        return []
    prep, pronoun = doc[i + 1], doc[i + 2]
    if prep.lower_ not in f.member_preps or pronoun.lower_ not in f.member_pronouns:
        return []
    member = doc[i + 3]
    while member.head.i != member.i and member.head.i > pronoun.i:
        if member.head.left_edge.i < prep.i:
            break
        member = member.head
    if member.pos_ not in ("NOUN", "PROPN"):
        return []
    return [member]


def _governed(index: ArticleIndex, block: int, tok) -> list[Ref]:
    """ "its board of directors", "the board of the Velmar Bank", "the Velmar Bank board":
    the body the board governs (frames.yaml `governing_nouns`, `governed_classes`)."""
    owners = child_deps(tok, "poss") + [c for c in child_deps(tok, "compound") if c.pos_ == "PROPN"]
    for of in prep_objects(tok, "of"):  # "the board of directors of the bank"
        owners += [of, *prep_objects(of, "of")]
    classes = frames().governed_classes
    return [
        r
        for o in owners
        for r in index.refs(block, o, with_conj=False)
        if any(fits(r.cluster.cls, k) for k in classes)
    ]


def _such(tok) -> bool:
    return any(c.lower_ == "such" for c in child_deps(tok, "amod", "advmod"))


def actor_refs(index: ArticleIndex, block: int, tok) -> list[Ref]:
    """The entities a subject or object names: a group's listed members (when they are
    entities), else the token's own referents, where a title stands for the person named
    beside it ("the Foreign Secretary, Ana Ortiz,")."""
    listed = [r for m in members(tok) for r in actor_refs(index, block, m)]
    if listed:  # else the group itself ("policies, including stricter rules")
        return listed
    known = known_as(index, block, tok)
    if known:  # "a rebel leader known as X": X
        return known
    f = frames()
    if tok.lemma_.lower() in f.partitive_nouns:  # "part of the road", "one of the sponsors"
        whole = [r for o in prep_objects(tok, "of") for r in actor_refs(index, block, o)]
        if tok.lemma_.lower() in f.event_partitives:  # "a round of talks", not "the
            # session of the assembly"
            whole = [r for r in whole if fits(r.cluster.cls, "Event")]
        if whole:
            return whole
    if tok.lemma_.lower() in f.governing_nouns and tok.text[:1].islower():
        # (a board named with capitals, "the Board of Directors of X", is a body of its own)
        governed = _governed(index, block, tok)
        if governed:
            return governed
    pair = _pair(index, block, tok)
    if pair:
        return pair
    body = _delegates_body(index, block, tok)
    if body:  # "Ministers have adopted the declaration": the body they met for
        return body
    if tok.lemma_.lower() in f.theme_nouns and not index.refs(block, tok):
        # "backed the appointment of X", "supports X's candidacy": X
        themes = prep_objects(tok, "of") or child_deps(tok, "poss")
        found = [r for t in themes for r in actor_refs(index, block, t)]
        if found:
            return found
    if (
        tok.lemma_.lower() in f.appointee_nouns
        and not index.refs(block, tok)
        and not prep_objects(tok, "of")
        and not child_deps(tok, "poss")
    ):
        # "X was named army chief ... Velmar welcomed the appointment": X
        found = _appointee(index, block, tok)
        if found:
            return found
    if tok.lower_ in lexicon().member_nouns and not _some_of(tok):
        bodies = _members_of(index, block, tok)
        if bodies:
            return bodies
    refs = index.refs(block, tok)
    mention = index.mention_at(block, tok)
    if not refs and mention is None and tok.pos_ == "NOUN":
        refs = _named_in(index, block, tok) or _named_after(index, block, tok)
        if refs:
            return refs
        if tok.dep_ == "appos":  # "AUKUS, the partnership formed by A, B and C": AUKUS
            refs = index.refs(block, tok.head, with_conj=False)
            if refs:
                return refs
    if not refs and mention is None and tok.lemma_.lower() in f.invitation_nouns:
        return _invited_to(index, block, tok)
    titled = mention is not None and index.clusters[mention.cluster].cls == "Position"
    if mention is None and not refs and is_title_word(tok):
        # "meet the head of the force, General X," (a title the mentions do not track)
        titled, mention = True, None
    if titled:
        doc = tok.doc
        span = (
            [doc[i] for i in range(mention.tok_start, mention.tok_end)]
            if mention is not None
            else [tok]
        )
        end = mention.tok_end if mention is not None else tok.i + 1
        beside = [c for t in span for c in child_deps(t, "appos") if c.i >= end]
        if tok.dep_ == "appos":
            beside.append(tok.head)
        if not beside:  # "a spokesperson for the Secretary-General, Ana Ortiz," (hung on
            # the complement's noun)
            beside = [t for t in tok.subtree if t.dep_ == "appos" and t.head.dep_ == "pobj"]
        people = [
            r
            for c in beside
            for r in index.refs(block, c, with_conj=False)
            if r.cluster.cls == "Person"
        ]
        if people:  # "the minister, A, and his counterpart, B": the parser hangs the second
            # title on the first one's name
            people += [
                r
                for c in beside
                for conj in c.conjuncts
                if conj.i > c.i
                for r in actor_refs(index, block, conj)
                if r.cluster.cls == "Person" and all(r.cluster.id != p.cluster.id for p in people)
            ]
        if not people:  # "the President of Ghana, (General) Ana Ortiz," (parsed apart)
            people = _person_after_comma(index, block, tok)
            if people:
                # not also the holder of a title of the same word named before, whom the
                # title alone would stand for ("presided over by the President of the Court,
                # Mrs. A": not "the President of the Senate, B" of the sentence before)
                named = {r.cluster.id for r in people}
                alone = {r.cluster.id for r in index.refs(block, tok, with_conj=False)} - named
                refs = [r for r in refs if r.cluster.id not in alone]
        if people:
            before = _person_before_title(index, block, tok) + _apposed_before(index, block, tok)
            people = [
                r for r in before if all(r.cluster.id != p.cluster.id for p in people)
            ] + people
            return people + [r for r in refs if r.cluster.cls != "Position"]
    return _titled_conjuncts(index, block, tok, refs + _listed_after_title(index, block, tok, refs))


def _person_before_title(index: ArticleIndex, block: int, tok) -> list[Ref]:
    """ "signed by A and Norland's president, B": the parser reads "[A and Norland]'s
    president" and hangs A on the title as a modifier, with the possessor as its conjunct;
    A, a person, is one more of those the phrase names."""
    out: list[Ref] = []
    for c in tok.children:
        if c.i > tok.i or c.dep_ not in ("nmod", "poss", "compound"):
            continue
        if not any(
            k.dep_ == "conj" and any(g.dep_ == "case" for g in k.children) for k in c.children
        ):
            continue
        out += [r for r in index.refs(block, c, with_conj=False) if r.cluster.cls == "Person"]
    return out


def _apposed_before(index: ArticleIndex, block: int, tok) -> list[Ref]:
    """ "signed by the two ministers, Norland's A and Velmar's B": the parser reads "[A and
    Velmar]'s B" in apposition to the plural title and hangs A on B as on a title
    (`_person_before_title`); A is one more of those the title names."""
    if tok.tag_ not in ("NNS", "NNPS") or not is_title_word(tok):
        return []
    return [r for c in child_deps(tok, "appos") for r in _person_before_title(index, block, c)]


def _listed_after_title(index: ArticleIndex, block: int, tok, refs: list[Ref]) -> list[Ref]:
    """ "signed by A, Norland's minister; B, Velmar's secretary; and C, ...": the persons the
    parser coordinates with a person's title in apposition are listed with the person."""
    if not any(r.cluster.cls == "Person" for r in refs):
        return []
    out: list[Ref] = []
    heads = [tok, *(c for c in tok.conjuncts if c.i > tok.i)]  # "by A, ...; B, ...; and C"
    for appos in (a for h in heads for a in child_deps(h, "appos")):
        mention = index.mention_at(block, appos)
        if mention is None or index.clusters[mention.cluster].cls != "Position":
            continue
        for conj in appos.conjuncts:
            if conj.i < appos.i:
                continue
            out += [
                r
                for r in index.refs(block, conj, with_conj=False)
                if r.cluster.cls == "Person"
                and all(r.cluster.id != o.cluster.id for o in [*refs, *out])
            ]
    return out


def known_as(index: ArticleIndex, block: int, tok) -> list[Ref]:
    """ "a rebel leader known as X", "a commander called X": the entity a participle of
    naming (lexicon `alias_participles`) gives the noun, when the noun names none itself
    (a title's too: constructions/holders.py makes X the title's holder)."""
    words = lexicon().alias_participles
    out: list[Ref] = []
    for acl in child_deps(tok, "acl"):
        if acl.tag_ != "VBN" or acl.lemma_.lower() not in words:
            continue
        for name in prep_objects(acl, "as") + child_deps(acl, "oprd", "attr"):
            m = index.mention_at(block, name)
            if m is not None and index.clusters[m.cluster].cls != "Position":
                out += index.refs(block, name, with_conj=False)
    if out and index.mention_at(block, tok) is not None:
        own = index.clusters[index.mention_at(block, tok).cluster]
        if own.cls != "Position":
            return []  # "Norland, known as X": the name itself stands
    return out


def _titled_conjuncts(index: ArticleIndex, block: int, tok, refs: list[Ref]) -> list[Ref]:
    """ "A and Norland's president B met", "talks between A and Norland's foreign minister,
    B,": a conjunct that is a title stands for the person named right after it (a comma
    between), whom the parser hangs in apposition to the first conjunct (or to the title
    itself)."""
    out = list(refs)
    if not _coordinated(tok):
        return out  # no conjuncts (read from the Tree: spaCy makes a Token of each child)
    doc = tok.doc
    for conj in tok.conjuncts:
        mention = index.mention_at(block, conj)
        if conj.i < tok.i or mention is None:
            continue
        title = index.clusters[mention.cluster]
        if title.cls != "Position":
            continue
        people = [
            r
            for a in child_deps(tok, "appos") + child_deps(conj, "appos")
            if a.left_edge.i >= mention.tok_end
            and all(t.text == "," for t in doc[mention.tok_end : a.left_edge.i])
            for r in index.refs(block, a, with_conj=False)
            if r.cluster.cls == "Person"
        ]
        if people:
            out = [r for r in out if r.cluster.id != title.id]
            out += [r for r in people if all(r.cluster.id != o.cluster.id for o in out)]
    return out


def _members_of(index: ArticleIndex, block: int, tok) -> list[Ref]:
    """ "lawmakers from the Blue Party and from the Left party", "delegates of the Red
    Cross": the bodies the members come from (lexicon `member_nouns`,
    `representative_preps`); never a country ("lawmakers from Norland" speak for no state)."""
    return [
        r
        for p in sorted(lexicon().representative_preps)
        for o in prep_objects(tok, p)
        for r in actor_refs(index, block, o)
        if fits(r.cluster.cls, "Organization")
    ]


def _some_of(tok) -> bool:
    """Whether members are counted or a part of them ("some members", "two lawmakers",
    lexicon `member_quantifiers`): they do not speak for their body ("the four members" are
    all of them)."""
    words = lexicon().member_quantifiers
    # (a number after "the" counts them all: "the four members of the union signed it")
    whole = any(c.dep_ == "det" and c.lower_ == "the" for c in tok.children)
    for c in tok.children:
        if (c.dep_ == "nummod" and not whole) or (c.i < tok.i and c.lower_ in words):
            return True
        if 0 < c.i < tok.i and f"{c.nbor(-1).lower_} {c.lower_}" in words:
            return True  # "a few members"
    return False


def _named_in(index: ArticleIndex, block: int, tok) -> list[Ref]:
    """ "the opposition Blue Party movement", "the Coastal Front rebel group": a common noun
    whose modifier is the name of a body stands for that body (data: frames.yaml
    `named_by`; not a country or a person: "the Ruritania mission" is no part of
    Ruritania), unless the noun names a part of the body ("a UN unit": `part_nouns`)."""
    classes = frames().named_by
    out: list[Ref] = []
    parts = frames().part_nouns
    modifiers = [c.lower_ for c in tok.children if c.dep_ in ("amod", "compound")]
    if tok.lemma_.lower() in parts or any(f"{m} {tok.lower_}" in parts for m in modifiers):
        return out  # "a UN unit", "a Velmar Alliance working group": a part of the body
    for mod in child_deps(tok, "compound"):
        if mod.pos_ != "PROPN":
            continue
        for r in index.refs(block, mod, with_conj=False):
            if any(fits(r.cluster.cls, c) for c in classes) and all(
                r.cluster.id != o.cluster.id for o in out
            ):
                out.append(r)
    return out


def _named_after(index: ArticleIndex, block: int, tok) -> list[Ref]:
    """ "the opposition platform Nyt Liv, for its part, rejected it": a common noun with a
    name right after it, in apposition, stands for the name."""
    return [
        r
        for c in child_deps(tok, "appos")
        if c.pos_ == "PROPN" and c.left_edge.i == tok.i + 1
        for r in index.refs(block, c, with_conj=False)
        if r.cluster.cls != "Position"
    ]


def _invited_to(index: ArticleIndex, block: int, tok) -> list[Ref]:
    """What an invitation, a proposal or a request is for (data: frames.yaml
    invitation_nouns): "declined an invitation to the summit", "... to send observers to
    the talks" (what the infinitive acts on), else the entity of the classes the noun lists
    that the story is about, named before ("Ruritania has declined the invitation"). What
    the infinitive acts on counts when it is of the classes the noun lists, or of a class one
    joins when the infinitive joins it (frames.yaml joining_verbs, joinable_classes: "an
    invitation to join the committee", not "to join X for dinner")."""
    f = frames()
    targets = f.invitation_nouns[tok.lemma_.lower()]
    for prep in f.invitation_preps:
        found = [r for o in prep_objects(tok, prep) for r in actor_refs(index, block, o)]
        if not found and tok.dep_ == "dobj":
            # the parser may hang "to" on the verb ("declined his invitation to a summit"):
            # there, only what the noun may be for ("sent an invitation to Norland" is to its
            # guest)
            found = [
                r
                for o in prep_objects(tok.head, prep)
                for r in actor_refs(index, block, o)
                if any(fits(r.cluster.cls, c) for c in targets)
            ]
        if found:
            return found
    for verb in child_deps(tok, "acl", "relcl"):
        # "to join the council": the council, a body one joins
        joins = phrasal_lemma(verb) in f.joining_verbs
        classes = (*targets, *f.joinable_classes) if joins else tuple(targets)
        found = [
            r
            for o in child_deps(verb, "dobj")
            + [p for prep in f.purpose_target_preps for p in prep_objects(verb, prep)]
            for r in actor_refs(index, block, o)
            if any(fits(r.cluster.cls, c) for c in classes)
        ]
        if found:
            return found
    topic = index.topic_before(block, tok, targets)
    return [Ref(topic, True)] if topic is not None else []


def _appointee(index: ArticleIndex, block: int, tok) -> list[Ref]:
    """The person a bare "the appointment" (frames.yaml `appointee_nouns`, singular and
    definite) is of: the one such a noun named last before it ("approved the appointment of
    X", "X's nomination"; no one when that was no person named: "the nomination of a
    Swedish judge"), else the one named last as the object of one of the noun's verbs ("put
    forward X for the post", "X was promoted"), else, for a noun of any post (frames.yaml
    `any_post_nouns`: "the appointment", not "the nomination"), the one the text gave a post
    last (descriptions.given_post: "X was sworn in as minister")."""
    definite = lexicon().definite_determiners
    if tok.tag_ != "NN" or not any(c.dep_ == "det" and c.lower_ in definite for c in tok.children):
        return []
    noun = tok.lemma_.lower()
    said = _noun_said_before(index, block, tok)
    verbs = frames().appointee_nouns[noun]
    any_post = noun in frames().any_post_nouns
    by_verb = given = None
    for m in reversed(index.ordered[: index.mentions_before(block, tok)]):
        c = index.clusters[m.cluster]
        if c.cls != "Person":
            continue
        name = t = index.docs[m.block][m.head]
        while t.dep_ in ("appos", "conj", "compound", "flat") and t.head.i != t.i:
            t = t.head
        # (an object the parser reads as the verb's predicate is its object too: "named
        # former vice-minister X as chief executive", X an "oprd")
        if (
            by_verb is None
            and t.dep_ in ("dobj", "nsubjpass", "oprd")
            and phrasal_lemma(t.head) in verbs
        ):
            by_verb = c, (m.block, t.head.i)
        if given is None and any_post and given_post(name):
            given = c
    if said is not None and (by_verb is None or by_verb[1] < said[1] or said[2] == noun):
        # the noun's phrase, unless one of its verbs named someone since and the phrase was
        # of another noun ("the nomination of X ... named Y ... opposed the choice": Y; "the
        # appointment of X ... named Y ... opposed the appointment": X)
        return said[0]
    found = by_verb[0] if by_verb is not None else given
    return [Ref(found, True)] if found is not None else []


def _noun_said_before(
    index: ArticleIndex, block: int, tok
) -> tuple[list[Ref], tuple[int, int], str] | None:
    """The persons a noun of `appointee_nouns` with an "of" phrase or a possessor named last
    before `tok` ("the appointment of X", "X's nomination"), with where that noun is and the
    noun: [] when it named no person ("the nomination of a Swedish judge"), None when the
    text has no such phrase before."""
    nouns = frames().appointee_nouns
    for b in range(block, -1, -1):
        doc = index.docs[b]
        for t in reversed(doc[: tok.i] if b == block else doc):
            if t.lemma_.lower() not in nouns or t.pos_ != "NOUN":
                continue
            # (a pronoun's possessor is passed over: "approved her nomination" says again
            # whose, not who)
            themes = prep_objects(t, "of") or [p for p in child_deps(t, "poss") if p.pos_ != "PRON"]
            if themes:
                refs = [r for x in themes for r in actor_refs(index, b, x)]
                persons = [Ref(r.cluster, True) for r in refs if r.cluster.cls == "Person"]
                return persons, (b, t.i), t.lemma_.lower()
    return None


def is_title_word(tok) -> bool:
    """A common noun that names a post ("head", "chief", "envoy"; data: lexicon.yaml
    generic_position_words and the last words of its positions)."""
    return tok.pos_ in ("NOUN", "PROPN") and tok.lemma_.lower() in _post_words()


@cache
def _post_words() -> frozenset[str]:
    lex = lexicon()
    return frozenset(lex.generic_position_words - lex.title_joiners) | frozenset(
        p.split()[-1] for p in lex.positions
    )


def _person_after_comma(index: ArticleIndex, block: int, tok) -> list[Ref]:
    """The person a title's phrase is followed by, after a comma, when the parser hung the
    name elsewhere: "the head of the force, Spanish Major General Ana Ortiz," -> Ana Ortiz
    (titles, ranks and nationalities before the name are passed over: data frames.yaml
    `name_after_comma`); also after the title's own words when the parser made the name a
    conjunct of the title's last word ("by Norland's Minister of Water, A, and ..."). Not a
    name that is the subject of its own verb ("will meet the president, Ortiz said")."""
    rule = frames().name_after_comma
    doc = tok.doc
    mention = index.mention_at(block, tok)
    ends = [tok.right_edge.i + 1]
    if mention is not None and mention.tok_end < ends[0]:
        ends.insert(0, mention.tok_end)
    after = next((e for e in ends if e < len(doc) and doc[e].text == ","), None)
    if after is None:
        return []
    for t in doc[after + 1 : min(len(doc), after + 1 + rule["window"])]:
        if t.is_punct:
            return []
        found = index.refs(block, t, with_conj=False)
        if any(r.cluster.cls == "Person" for r in found):
            name = index.mention_at(block, t)
            head = doc[name.head] if name is not None else t
            if head.dep_ in ("nsubj", "nsubjpass"):
                return []
            people = [r for r in found if r.cluster.cls == "Person"]
            # "by A's Minister of X, B, and C's Minister of Y, D": the parser hangs the
            # second title on the first one's name, as in apposition (`actor_refs`)
            return people + [
                r
                for conj in head.conjuncts
                if conj.i > head.i
                for r in actor_refs(index, block, conj)
                if r.cluster.cls == "Person" and all(r.cluster.id != p.cluster.id for p in people)
            ]
        if found and all(r.cluster.cls in rule["pass_over"] for r in found):
            continue  # "General", "Spanish"
        if not found and t.pos_ != "PROPN":
            return []
    return []


def _pair(index: ArticleIndex, block: int, tok) -> list[Ref]:
    """ "both sides", "the two governments", "their two leaders": the last two entities of
    the class the noun names (data: frames.yaml pair_nouns) named together ("X and Y")
    before the token."""
    f = frames()
    lemma = tok.lemma_.lower()
    marks = f.pair_words
    if _bare_pair(tok):  # "the talks between the two", "when the two met"
        return _near_pair(index, block, tok, f.pair_alone, (), bare=True)
    if lemma not in f.pair_nouns or tok.tag_ not in ("NNS", "NNPS"):
        return []
    words = {c.lower_ for c in tok.children if c.dep_ in ("nummod", "det", "predet", "preconj")}
    words |= {c.lower_ for c in tok.children if c.dep_ == "poss"}
    # "both sides", "the two governments"; not "two parties" (new ones): data frames.yaml
    # `pair_words`
    if not (words & marks["alone"] or (words & marks["number"] and words & marks["definite"])):
        return []
    if any(c.dep_ == "appos" and c.i > tok.i and c.pos_ == "PROPN" for c in tok.children):
        return []  # "the two ministers, A and B": the names after it, not a pair before
    wanted = f.pair_nouns[lemma]
    titles = f.pair_titles.get(lemma, (lemma,)) if wanted == ("Person",) else ()
    near = _near_pair(index, block, tok, wanted, titles)
    if near:
        return near
    if titles:
        if len(index.titled_before(block, tok, titles)) >= 2:
            return _titled_pair(index, block, tok, titles)  # none when it is ambiguous
        return _named_pair(index, block, tok, wanted)
    return _named_pair(index, block, tok, wanted)


def _delegates_body(index: ArticleIndex, block: int, tok) -> list[Ref]:
    """ "The leaders have signed the declaration", "Ministers have adopted it", "the ten
    leaders": a bare plural of frames.yaml `delegate_nouns` (nothing but a determiner or a
    number with it) stands for the body the text named last with that noun ("Nordic Union
    leaders meet in Varsk", "the foreign ministers of the Nordic Union"; a body of
    `delegate_bodies`, never a country)."""
    f = frames()
    t = tree(tok.doc)
    lemma = t.lemma_lower[tok.i]
    if lemma not in f.delegate_nouns or t.tag[tok.i] != "NNS":
        return []
    if any(t.dep[c] not in ("det", "nummod") for c in t.kids[tok.i]):
        return []
    for b in range(block, -1, -1):
        doc = index.docs[b]
        end = tok.i if b == block else len(doc)
        for w in reversed(doc[:end]):
            if w.lemma_.lower() != lemma or w.tag_ != "NNS":
                continue
            # ("Nordic Union leaders", "leaders of the Nordic Union", "leaders of the Union's
            # member states")
            of = prep_objects(w, "of")
            owners = [c for c in w.children if c.dep_ == "compound"] + of
            owners += [p for o in of for p in child_deps(o, "poss")]
            found = [
                r
                for o in owners
                for r in index.refs(b, o, with_conj=False)
                if any(fits(r.cluster.cls, k) for k in f.delegate_bodies)
            ]
            if found:
                return found[:1]
    return []


def _bare_pair(tok) -> bool:
    """ "the two" with no noun: a number of `pair_words` that heads its own phrase, with a
    definite determiner ("between the two", "the two met"; not "the two ministers", nor
    "two of them")."""
    t = tree(tok.doc)
    marks = frames().pair_words
    i = tok.i
    if t.lower[i] not in marks["number"] or t.pos[i] != "NUM" or t.dep[i] == "nummod":
        return False
    kids = t.kids[i]
    if any(t.dep[c] == "prep" for c in kids):
        return False
    return any(t.dep[c] == "det" and t.lower[c] in marks["definite"] for c in kids)


def _near_pair(index: ArticleIndex, block: int, tok, wanted, titles, bare=False) -> list[Ref]:
    """The two entities of the classes `wanted` (a capital as its country) a pair word
    stands for when they are named right before it: for persons (or a `bare` "the two"), the
    only two persons named before it in its own sentence ("X discussed it with Y when the
    two met"); else the last two named together ("X and Y", "X and his counterpart, Y") in
    that sentence ("relations between A and B have improved since both governments signed")
    or, for persons, the one before ("X and Y met. The talks between the two ..."; "both
    sides" of countries is rather the story's pair than two named in passing); else, for a
    title (`titles`), the only two persons named in that sentence and the two before, both
    so titled ("Norland's works minister, X, proposed it. Sudria's transport minister, Y,
    welcomed it. The two ministers will meet"). None otherwise: the pair the story names
    most is `_named_pair`'s."""
    n = index.mentions_before(block, tok)
    sent = index.sentence_number(index.pos(block, tok))

    def actor(m):
        c = index.clusters[m.cluster] if m.cluster >= 0 else None
        if c is None:
            return None
        if any(fits(c.cls, w) for w in wanted):
            return c
        country = c.metonym_of  # a capital ("ties between Varsk and Lindor"): its country
        if country is not None and any(fits(country.cls, w) for w in wanted):
            return index.as_actor(Ref(c, True)).cluster
        return None

    def pair_of(found):
        ids = list(dict.fromkeys(c.id for c in found))
        if len(ids) != 2:
            return []
        return [Ref(index.clusters[i], True) for i in ids]

    near = [(m, actor(m)) for m in index.ordered[max(0, n - 60) : n] if m.sent >= sent - 2]
    near = [(m, c) for m, c in near if c is not None]
    people = wanted == ("Person",) or bare
    own = pair_of([c for m, c in near if m.sent == sent and c.cls == "Person"]) if people else []
    if own:
        return own
    # (countries only as a pair in its own sentence: "both sides" is otherwise the story's
    # pair, not two named in passing, nor "X, a Norwegian, urged both governments")
    for m, c in reversed(near):
        if m.sent < sent - (1 if people else 0):
            break
        partner = _partner(index.docs[m.block][m.head])
        if partner is None:
            continue
        # the coordinated names of its class ("A, B and C" names no pair; "the ministers
        # of X and Y, A and B", parsed as one list of four, names A and B)
        group = [_partner_mention(index, m.block, w) for w in (partner, *partner.conjuncts)]
        found = [actor(g) for g in group if g is not None]
        same = pair_of([o for o in found if o is not None and o.cls == c.cls])
        if same:
            return same
    if not titles:
        return []
    named = {c.id for m, c in near}
    titled = index.titled_before(block, tok, titles)
    return pair_of([c for m, c in near]) if len(named) == 2 and named <= titled else []


def _partner_mention(index: ArticleIndex, block: int, partner):
    """The mention a coordinated word names, or the name in apposition to it ("the Minister
    of Defence, X, and her counterpart, Y": X)."""
    for word in (partner, *child_deps(partner, "appos")):
        found = index.mention_at(block, word)
        # (not the title: its holder)
        if (
            found is not None
            and found.cluster >= 0
            and index.clusters[found.cluster].cls != "Position"
        ):
            return found
    return None


def _named_pair(index: ArticleIndex, block: int, tok, wanted) -> list[Ref]:
    """The two entities of the classes `wanted` named together most before the token: "X
    and Y", also "X and his counterpart, Y" (a conjunct's apposition)."""
    f = frames()

    def usable(m) -> bool:
        return any(fits(index.clusters[m.cluster].cls, w) for w in wanted)

    counts: dict[tuple[int, int], int] = {}
    named: dict[int, int] = {}  # how often each entity is named in the window
    last = index.mentions_before(block, tok) - 1
    for k in range(last, max(-1, last - f.pair_lookback), -1):
        m = index.ordered[k]
        named[m.cluster] = named.get(m.cluster, 0) + 1
        partner = _partner(index.docs[m.block][m.head])
        if not usable(m) or partner is None:
            continue
        first = index.mention_at(m.block, partner)
        if (
            first is not None
            and first.cluster >= 0
            and first.cluster != m.cluster
            and usable(first)
        ):
            key = (first.cluster, m.cluster)
            counts[key] = counts.get(key, 0) + 1
    if not counts:
        return []
    # the pair whose less named member is named most (the two parties the story is
    # about, not a pair named once in passing), then the pair named together most often,
    # then the latest
    a, b = max(counts, key=lambda k: (min(named[k[0]], named[k[1]]), counts[k]))
    return [Ref(index.clusters[a], True), Ref(index.clusters[b], True)]


def _partner(head):
    """The word a name is coordinated with: "X and Y" (a conjunct), "X and his counterpart,
    Y" (an apposition of the conjunct noun, or of X with that noun between them)."""
    if head.dep_ == "conj":
        return head.head
    if head.dep_ != "appos":
        return None
    if head.head.dep_ == "conj":
        return head.head.head
    between = [c for c in head.head.children if c.dep_ == "conj" and c.i < head.i]
    if any(c.pos_ == "NOUN" for c in between):
        return head.head
    return None


def _titled_pair(index: ArticleIndex, block: int, tok, titles) -> list[Ref]:
    """ "the two presidents", "the two leaders": the two persons named after a title with
    one of `titles` (data: frames.yaml pair_titles) that the text names most before the
    token; none when a third is named as often as the second. (With fewer than two so
    titled, `_pair` takes the two persons named together: `_named_pair`.)"""
    people = index.titled_before(block, tok, titles)
    if len(people) < 2:
        return []
    named = {c: 0 for c in people}
    for m in index.ordered[: index.mentions_before(block, tok)]:
        if m.cluster in named:
            named[m.cluster] += 1
    ranked = sorted(named, key=lambda c: -named[c])
    if len(ranked) > 2 and named[ranked[2]] == named[ranked[1]]:
        return []
    return [Ref(index.clusters[ranked[0]], True), Ref(index.clusters[ranked[1]], True)]
