"""Members named beside a word for members: "whose members are A, B and C", "the other nine
members are A and B", "the eight member states, A, B and C", "A and B, the union's newest
members". Each is a member of the body the word's possessor or "of" phrase names, else
(a list) of the body the story is about, named before; and the countries a body "groups"
("the community, which has its seat in X, groups A, B and C": read off the words, the
parser takes "groups" for a noun). Data: frames.yaml `member_lists`."""

from __future__ import annotations

from kg.extract.constructions.base import Builder, says_past, tokens_with
from kg.extract.doc_memo import sentence
from kg.extract.lexicon import frames, lexicon
from kg.extract.resolve import Ref
from kg.extract.syntax.arguments import child_deps, prep_objects
from kg.extract.syntax.events import thing_modality
from kg.extract.syntax.modality import modality


def member_lists(b: Builder) -> None:
    rule = frames().member_lists
    for tok in tokens_with(b.doc, "LEMMA", rule["nouns"]):
        if not _names_members(tok, rule):
            continue
        members: list[Ref] = []
        for word in _listed(tok):
            for r in b.index.refs(b.block, word):
                if r.cluster.cls in rule["members"] and all(
                    r.cluster.id != o.cluster.id for o in members
                ):
                    members.append(r)
        if not members or _not_yet(tok, rule):
            continue  # "the union's candidate members, A and B"
        level = "negated" if says_past(tok.children) else _level(tok)
        for body in _bodies(b, tok, rule, len(members)):
            for r in members:
                if body.cluster.id != r.cluster.id:
                    b.add(r, "memberOf", body, tok, rule["confidence"], "member-list", level)


def _not_yet(tok, rule) -> bool:
    """Members only to be, or of another standing: "candidate", "prospective", "observer"."""
    return any(c.lower_ in rule["not_members"] for c in tok.children if c.i < tok.i)


def _level(tok) -> str | None:
    """As firm as the word's phrase, or as the verb it is under ("wants to admit two new
    members, A and B": planned)."""
    verb = tok.head if tok.dep_ in ("dobj", "nsubjpass", "attr") else None
    if verb is not None and verb.pos_ in ("VERB", "AUX"):
        level = modality(verb)
        if level != "asserted":
            return level
    return thing_modality(tok)


def grouped(b: Builder) -> None:
    rule = frames().member_lists
    for word in tokens_with(b.doc, "LOWER", rule["grouping"]):
        if _a_noun(word):
            continue  # "fought armed groups, A and B said": the noun, not the verb
        members = _run_after(b, word, rule["members"])
        if len(members) < 2:
            continue
        body = _grouping_body(b, word, rule["bodies"])
        if body is None:
            continue
        for r in members:
            b.add(r, "memberOf", body, word, rule["confidence"], "grouped", thing_modality(word))


def _a_noun(word) -> bool:
    """ "groups" as a noun: with its own determiner or modifier ("armed groups", "civil
    society groups"; not a name, which the parser may hang on it) or a comma right after."""
    after = word.doc[word.i + 1] if word.i + 1 < len(word.doc) else None
    return any(
        c.dep_ in ("det", "amod", "nummod", "compound") and c.pos_ != "PROPN" for c in word.children
    ) or (after is not None and after.is_punct)


def _run_after(b: Builder, word, classes) -> list[Ref]:
    """The entities of `classes` in the list of names right after the word ("A, B and the
    C"), in order."""
    out: list[Ref] = []
    skip = lexicon().coordinators | lexicon().strip_words
    i, end = word.i + 1, sentence(word).end
    while i < end:
        m = b.index.mention_at(b.block, b.doc[i])
        if m is not None and m.tok_start == i:
            c = b.cluster(m)  # (a name of another class goes on with the list)
            if c.cls in classes and all(c.id != r.cluster.id for r in out):
                out.append(Ref(c))
            i = m.tok_end
        elif b.doc[i].lower_ in skip:
            i += 1
        else:
            break
    return out


def _grouping_body(b: Builder, word, classes) -> Ref | None:
    """The body that groups them: the last one named before the word in its sentence as the
    sentence's subject or head, or as the noun a relative clause is on ("the union, which
    groups A and B")."""
    found = None
    for m in b.index.in_block.get(b.block, []):
        head = b.doc[m.head]
        if not (sentence(word).start <= m.tok_start and m.tok_end <= word.i):
            continue
        c = b.cluster(m)
        if c.cls in classes and (
            m.tok_end == word.i
            or head.dep_ in ("ROOT", "nsubj")
            or any(k.dep_ == "relcl" for k in head.children)
        ):
            found = Ref(c)
    return found


def _names_members(tok, rule) -> bool:
    """ "members", or "member states" / "member countries" (the word after "member")."""
    if tok.lemma_.lower() == "member":
        return tok.dep_ != "compound"
    return any(c.dep_ == "compound" and c.lemma_.lower() == "member" for c in tok.children)


def _listed(tok) -> list:
    """The words that name the members: the complement of "are" ("the members are A and
    B"), a list in apposition ("the member states, A, B and C", which the parser may hang
    as the word's conjuncts after its comma), or what the word is in apposition to ("A and
    B, the bloc's members")."""
    head = tok.head
    if tok.dep_ == "nsubj" and head.lemma_.lower() in lexicon().copular_verbs:
        return child_deps(head, "attr")
    if tok.dep_ == "appos":
        return [head]
    listed = child_deps(tok, "appos")
    if not listed:  # "the member states, A, B and C", parsed as conjuncts of the word
        first = min(child_deps(tok, "conj"), key=lambda c: c.i, default=None)
        between = tok.doc[tok.i + 1 : first.left_edge.i] if first is not None else []
        if len(between) > 0 and between[0].text == "," and all(t.is_punct for t in between):
            listed = [first]
    return listed


def _bodies(b: Builder, tok, rule, listed: int) -> list[Ref]:
    """The body the members belong to: the word's possessor ("its members", "whose
    members": the noun the clause is on), its "of" phrase, else, for a list of members, the
    body the story is about, named before: of the first classes of `rule["story_bodies"]`
    that has one."""
    owners = child_deps(tok, "poss") + prep_objects(tok, "of")
    refs: list[Ref] = []
    for owner in owners:
        if owner.tag_ == "WP$" and tok.head.dep_ == "relcl":
            owner = tok.head.head  # "the bloc, whose members are A and B"
        refs += [b.index.as_actor(r) for r in b.index.refs(b.block, owner, with_conj=False)]
    if not owners and listed > 1:  # an international body first: "the five permanent
        # members, A, B and C"; not one member ("A, the member that joined last": of what?)
        for classes in rule["story_bodies"]:
            c = b.index.topic_before(b.block, tok, classes)
            if c is not None:
                refs.append(Ref(c, True))
                break
    return [r for r in refs if r.cluster.cls in rule["bodies"]]
