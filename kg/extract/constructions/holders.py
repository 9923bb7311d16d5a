"""Who holds a title: the name after it, an apposition either way, "as minister", "the post
of", an appointment verb's object, a copula, "until now"."""

from __future__ import annotations

from kg.extract.actors import known_as
from kg.extract.constructions.base import Builder, people_of, people_runs, says_past
from kg.extract.constructions.elsewhere import described_holder
from kg.extract.doc_memo import memo, sentence
from kg.extract.lexicon import frames, lexicon
from kg.extract.mentions import Mention
from kg.extract.phrases.titles import (
    complement_end,
    is_honorific,
    title_data,
    written_end,
)
from kg.extract.resolve import Ref
from kg.extract.syntax.arguments import child_deps, direct_objects, is_passive, subjects
from kg.extract.syntax.modality import verb_in
from kg.extract.syntax.tree import tree
from kg.extract.words import reporting_subject


def _paired(head) -> bool:
    """Whether the sentence of `head` has a word of lexicon `pairing_adverbs`
    ("respectively"). The block's such words are found once (most blocks have none), so
    the sentence is looked at only where one is."""
    table = memo(head.doc)
    found = table.get("pairing_adverbs")
    if found is None:
        words = lexicon().pairing_adverbs
        found = table["pairing_adverbs"] = [
            i for i, w in enumerate(tree(head.doc).lower) if w in words
        ]
    if not found:
        return False
    sent = sentence(head)
    return any(sent.start <= i < sent.end for i in found)


def _successor_as(b: Builder, noun) -> Ref | None:
    """ "A, B's successor as defence minister", "named A as B's successor as governor": the
    person a successor noun names holds the post after its "as" (lexicon `successor_nouns`;
    not "a possible successor", `hedged_successor_words`)."""
    from kg.extract.constructions.succession import _successor_named

    lex = lexicon()
    if noun.pos_ != "NOUN" or noun.lemma_.lower() not in lex.successor_nouns:
        return None
    if any(c.lower_ in lex.hedged_successor_words for c in noun.lefts):
        return None
    named, _verb = _successor_named(noun)
    for tok in named:
        refs = b.people(tok)
        if refs:
            return refs[0]
    return None


def _person_before(b: Builder, tok) -> Ref | None:
    """The person named last before `tok` in its sentence, if any."""
    for t in reversed(b.doc[sentence(tok).start : tok.i]):
        m = b.index.mention_at(b.block, t)
        if b.is_person(m):
            return Ref(b.cluster(m))
    return None


def _named_before_comma(b: Builder, i: int) -> Ref | None:
    """The person whose name ends right before the comma before token `i`, if any."""
    doc = b.doc
    if i < 2 or doc[i - 1].text != ",":
        return None
    m = b.index.mention_at(b.block, doc[i - 2])
    if not b.is_person(m) or m.tok_end != i - 1:
        return None
    return Ref(b.cluster(m))


def successor_post_level(title) -> str | None:
    """The modality of the post a successor noun names with "as" (`_successor_as`): the
    succession's ("proposed A as B's successor as X": planned), asserted with no verb."""
    from kg.extract.constructions.succession import _successor_named, successor_level

    _named, verb = _successor_named(title.head.head)
    return "asserted" if verb is None else successor_level(verb)


def title_holder(b: Builder, pos: Mention, allow_past: bool = False) -> tuple[Ref | None, str]:
    """Who holds the position named by `pos`, and by which construction."""
    doc, index, block = b.doc, b.index, b.block
    head = doc[pos.head]
    # title before a name: "Foreign Minister Ana Ortiz", "Defence Minister General Ana Ortiz"
    person = _person_at(b, pos.tok_end)
    if person is not None:
        return person, "title"
    # ... with its country between: "Prime Minister of Norland Ana Ortiz"
    country = _country_after_of(b, pos.tok_end)
    if country is not None:
        person = _person_at(b, country)
        if person is not None:
            return person, "title"
    paired = _paired(head)
    # "the Minister of X and the Minister of Y, A and B, respectively": `respectively`
    # pairs them; an apposition would give both titles to A
    listed = (
        {b.cluster(m).id for run in people_runs(b, sentence(head)) for m in run}
        if paired
        else set()
    )
    # a list of who is who: "Ana Ortiz - President of Norland."
    dashed = _dashed_name(b, pos)
    if dashed is not None:
        return dashed, "apposition"
    # the name after the title's complement: "the Minister of Finance of Norland, Dr Ana Ortiz"
    comma = _complement_end(b, pos)
    if comma is None:
        comma = _written_comma(b, pos)  # "its minister of state for trade, Ana Ortiz"
    if comma is not None:
        person = _person_at(b, comma + 1)
        if (
            person is not None
            and person.cluster.id not in listed
            and not _apposed_before(b, pos)
            and not _own_subject(b, comma + 1, head)
            and not (_predicate(head, pos) and _speaks(b, comma + 1))
        ):
            return person, "apposition"
    # apposition either way: "X's army chief, Luis Vera" / "Luis Vera, the army chief";
    # after a complement, the name may hang from its last word ("envoy for the Lakes, X")
    span_tokens = [head, *(t for t in doc[pos.tok_start : pos.tok_end] if t.i != head.i)]
    for child in (c for t in span_tokens for c in t.children):
        if (
            child.dep_ == "appos"
            and not pos.tok_start <= child.i < pos.tok_end
            and not (_predicate(head, pos) and _speaks(b, child.i))
        ):
            refs = [r for r in b.people(child) if r.cluster.id not in listed]
            if refs:
                return refs[0], "apposition"
    # "a rebel leader known as X", "a colonel called X" (lexicon `alias_participles`)
    named = _named_as(b, head)
    if named is not None and named.cluster.id not in listed:
        return named, "apposition"
    if head.dep_ == "appos" and not reporting_subject(head):
        # "signed by A and B, Norland's defence minister,": the parser hangs the title on A,
        # but it is said of B, named right before its comma (no one, if B is no person)
        named = _last_conjunct_before(head) or head.head
        refs = [r for r in b.people(named) if r.cluster.id not in listed]
        if refs:
            return refs[0], "apposition"
        if named is not head.head:
            return None, ""
    # "as minister", "the role of national security adviser"
    prep = head.head if head.dep_ == "pobj" else None
    lex = lexicon()
    role_prep = prep is not None and prep.lower_ in lex.role_prepositions
    if prep is not None and head.lemma_.lower() in lex.role_prepositions_with.get(prep.lower_, ()):
        # "named X at the head of the ministry" (lexicon `role_prepositions_with`): the
        # person named last before it ("named A at the head of X, and B, until now Y, at
        # the head of Z": B heads Z)
        return _person_before(b, prep), "appointed-as"
    if role_prep and not paired:
        # "in her capacity as chair of X": the possessor of the capacity holds it
        held = _in_capacity(b, prep)
        if held is not None:
            return held, "capacity"
    if role_prep and prep.i > 0 and not paired:
        # "the cabinet includes Mira Solvang as energy minister", "the appointment of Mira Solvang
        # of Norland as envoy": the name right before "as", or the one "as" hangs from
        # unless that one is the clause's subject or a verbless root (the appointer)
        hangs = prep.head if prep.head.dep_ not in ("ROOT", "nsubj", "nsubjpass") else None
        for tok in (t for t in (doc[prep.i - 1], hangs) if t is not None):
            m = index.mention_at(block, tok)
            if b.is_person(m):
                if _subjects_role(b, prep.head, doc[m.head]):
                    break  # "A replaced B as minister": A's, read off the verb below
                return Ref(index.clusters[m.cluster]), "appointed-as"
    if prep is not None and _until_now(prep):
        # "X, until now the navy's chief, succeeds Y": the person the phrase is set off
        # from by its comma (the parser hangs it on the verb or on X)
        named = _named_before_comma(b, prep.i)
        if named is not None:
            return named, "until-now"
        # "named X, until now Minister of Finance, as ...", "X was until now the chief":
        # the object of a verb that names someone to a post, else the subject, held the
        # post before (not the object of "will replace Y")
        verb = prep.head
        named_to = _appointees(verb) if _names_object(verb) else []
        for tok in (*named_to, *subjects(verb)):
            refs = b.people(tok)
            if refs:
                return refs[0], "until-now"
    role_of = (
        prep is not None
        and prep.lower_ == "of"
        and prep.head.lemma_.lower() in lexicon().role_nouns
    )
    # only "as minister" and "the post of minister" say who holds it: "talks with the
    # foreign minister" say nothing of the subject's post
    if prep is not None and prep.dep_ == "prep" and (role_prep or role_of):
        owner = prep.head
        if role_of:
            prep, owner = owner, owner.head
            while owner.dep_ in ("prt", "prep") and owner.head.i != owner.i:
                owner = owner.head
        held = _successor_as(b, owner) if role_prep else None
        if held is not None:
            return held, "successor-as"
        verb = owner
        if verb.pos_ in ("VERB", "AUX"):
            if says_past([*verb.children, verb]) and not allow_past:
                return None, "past"
            if role_of and verb.lemma_.lower() in lexicon().unheld_post_verbs:
                return None, ""  # "was offered the post of envoy": not held
            if _names_object(verb):
                # "appointed X as minister", "X was sworn in as minister", "sent X as envoy"
                for obj in _appointees(verb):
                    refs = b.people(obj)
                    if refs:
                        return refs[0], "appointed-as"
            for subj in subjects(verb):
                refs = b.people(subj)
                if refs:
                    return refs[0], "role"
    # "X has been named operation commander", "appointed X defence minister"
    if head.dep_ in ("oprd", "attr", "xcomp", "ccomp", "dobj") and (
        head.head.lemma_.lower() in lexicon().appointment_verbs
    ):
        verb = head.head
        for obj in direct_objects(verb) or _raised(verb):
            if obj.i == head.i:
                continue
            # "his deputy, Mira Solvang, was appointed minister": the name in apposition
            named = [obj, *(c for c in obj.children if c.dep_ == "appos")]
            refs = [r for t in named for r in b.people(t)]
            if refs:
                return refs[0], "appointed-as"
    # copula: "Ortiz is the foreign minister", "Ortiz, who became foreign minister"
    if head.dep_ == "attr" and head.head.lemma_.lower() in lexicon().copular_verbs:
        # also the subject of the verb above ("X declined to become foreign minister")
        for subj in subjects(head.head):
            refs = b.people(subj)
            if refs:
                return refs[0], "copula"
    # a title coordinated with another: "was appointed deputy prime minister and home
    # minister" -> whoever holds the first holds the second
    if head.dep_ == "conj" and not paired and not pos.tok_start <= head.head.i < pos.tok_end:
        first = index.mention_at(block, head.head)
        if (
            first is not None
            and index.clusters[first.cluster].cls == "Position"
            and first.tok_end <= pos.tok_start
        ):
            return title_holder(b, first, allow_past)
    # "A ... . The former foreign minister, who ..., said": the one person named just before
    described = described_holder(b, pos)
    if described is not None:
        return described, "described"
    return None, ""


def _last_conjunct_before(title):
    """The last conjunct of the noun a title is in apposition to, when the title follows it
    right after a comma ("A and B, Norland's defence minister,": B), else None."""
    doc = title.doc
    comma = title.left_edge.i - 1
    if comma < 1 or doc[comma].text != ",":
        return None
    before = [c for c in title.head.conjuncts if c.i < title.i and c.right_edge.i == comma - 1]
    return before[-1] if before else None


def _dashed_name(b: Builder, pos: Mention) -> Ref | None:
    """The person named before a spaced dash that opens a title ("Ana Ortiz - President
    of Norland", "Gen. Ana Ortiz – head of the junta"): a list of who is who."""
    doc, i = b.doc, pos.tok_start - 1
    if i < 1 or doc[i].text not in lexicon().list_dashes or not doc[i - 1].whitespace_:
        return None
    if not doc[i].whitespace_:
        return None
    m = b.index.mention_at(b.block, doc[i - 1])
    if not b.is_person(m) or m.tok_end != i:
        return None
    return Ref(b.cluster(m))


def _own_subject(b: Builder, i: int, title) -> bool:
    """Whether the name from token `i` on is the subject of a verb of its own, after a title
    that is the predicate of another clause ("..., who will become Norland's envoy to
    Velmar, spokesperson Ana Berg said", "X will serve as acting minister, Berg said": Berg
    says, and the clause before names its own holder)."""
    if not _predicate(title):
        return False
    m = b.index.mention_at(b.block, b.doc[i])
    while b.is_position(m):
        m = b.index.mention_at(b.block, b.doc[m.tok_end]) if m.tok_end < len(b.doc) else None
    if m is None:
        return False
    tok = b.doc[m.head]
    return tok.dep_ in ("nsubj", "nsubjpass") and title.head.i != tok.head.i


def _predicate(title, pos: Mention | None = None) -> bool:
    """Whether a title is the predicate of a clause ("became minister", "as minister"; with
    its mention `pos`, also a title written after "as" that the parser read otherwise)."""
    roles = lexicon().role_prepositions
    if pos is not None and pos.tok_start > 0 and title.doc[pos.tok_start - 1].lower_ in roles:
        return True
    return title.dep_ == "attr" or (title.dep_ == "pobj" and title.head.lower_ in roles)


def _speaks(b: Builder, i: int) -> bool:
    """Whether the name from token `i` on is written right before a reporting verb ("...
    appointed X as acting commander, the Office of the President said"): after a title
    that is a predicate, the one who speaks, not the title's apposition, though the parser
    may hang it there."""
    doc = b.doc
    m = b.index.mention_at(b.block, doc[i])
    if m is None:
        return False
    if reporting_subject(doc[m.head]):
        return True
    # "..., Mira Solvang, the foreign minister, said": past the name's own apposition
    end = m.tok_end
    if end >= len(doc) or doc[end].text != ",":
        return False
    close = next((k for k in range(end + 1, min(len(doc), end + 9)) if doc[k].text == ","), None)
    if close is None or close + 1 >= len(doc):
        return False
    verb = doc[close + 1]
    return verb.pos_ == "VERB" and verb.lemma_.lower() in lexicon().reporting_verbs


def _subjects_role(b: Builder, verb, obj) -> bool:
    """Whether the "as" complement of `verb` is its subject's, not its object `obj`'s: "A
    replaced B as minister", "A refused to meet B as minister" (A is the minister), unless
    the verb gives, takes or describes its object's post or role ("appointed B as minister",
    "fired B as minister", "sent B as envoy": lexicon `appointment_verbs`,
    `object_role_verbs`, frames.yaml `post_verbs`), is a passive, or has no person for a
    subject ("the cabinet includes B as energy minister"). A person after a preposition of
    the verb is never the one "as" describes: "A served under B as minister" (A is)."""
    if verb.pos_ not in ("VERB", "AUX") or is_passive(verb):
        return False
    in_prep = obj.dep_ == "pobj" and obj.head.dep_ == "prep" and obj.head.head.i == verb.i
    if not in_prep and (obj not in direct_objects(verb) or _names_object(verb)):
        return False
    return any(b.people(s) for s in subjects(verb))


def _names_object(verb) -> bool:
    """Whether the "as" complement of `verb` names its object's post or role: a passive, or
    a verb of lexicon `appointment_verbs`, `object_role_verbs` or frames.yaml `post_verbs`
    ("appointed X as", "fired X as", "sent X as envoy")."""
    lex = lexicon()
    verbs = lex.appointment_verbs | lex.object_role_verbs
    return is_passive(verb) or verb_in(verb, verbs.union(*frames().post_verbs.values()))


def _appointees(verb) -> list:
    """Who a verb names to a post: its objects, and the name the parser reads as the verb's
    predicate complement ("named X, until now minister, as ..." parses X as `oprd`)."""
    return [*direct_objects(verb), *(c for c in verb.children if c.dep_ == "oprd")]


def _raised(verb) -> list:
    """The subject of the verb above a passive infinitive with none of its own: who "is
    expected to be named" or "hopes to be named" minister."""
    if verb.dep_ != "xcomp" or verb.head.i == verb.i or not is_passive(verb):
        return []
    if child_deps(verb, "nsubjpass"):
        return []
    return child_deps(verb.head, "nsubjpass", "nsubj")


def _until_now(prep) -> bool:
    """ "until now", "until recently" (lexicon `former_prepositions`): what follows was held
    until the time of writing."""
    words = lexicon().former_prepositions.get(prep.lower_)
    # the word right after the preposition: the parser may hang "now" on the title
    # ("until now commander of X": advmod of "commander"), not on "until"
    return bool(words) and prep.i + 1 < len(prep.doc) and prep.doc[prep.i + 1].lower_ in words


def _country_after_of(b: Builder, i: int) -> int | None:
    """The end of a country's name written right after "of" at token `i` with no comma
    after it ("of Norland Ana Ortiz"), else None."""
    doc = b.doc
    if i + 2 >= len(doc) or doc[i].lower_ != "of":
        return None
    m = b.index.mention_at(b.block, doc[i + 1])
    if m is None or m.tok_start != i + 1 or b.index.clusters[m.cluster].cls != "Country":
        return None
    return m.tok_end if m.tok_end < len(doc) and doc[m.tok_end].is_title else None


def _person_at(b: Builder, i: int) -> Ref | None:
    """The person named from token `i` on, past courtesy words, nationalities and other
    titles or ranks ("Dr", "Lieutenant General"): "Chief of Staff General Ana Ortiz",
    "the chairman of X, Norlandic General Ana Ortiz" and "its envoy, the Norlandic Ana
    Ortiz" are Ortiz's."""
    doc, index = b.doc, b.index
    start = i
    while i < len(doc):
        if i > start and doc[i].is_sent_start and not _courtesy_before(doc, i, start):
            return None  # "X, Sweden's foreign minister. Y arrived": not the next sentence's
        m = index.mention_at(b.block, doc[i])
        if m is not None and m.tok_start == i:
            cls = index.clusters[m.cluster].cls
            if cls == "Person":
                return Ref(index.clusters[m.cluster])
            if cls != "Position" and not _nationality(b, m.tok_start, m.tok_end):
                return None
            i = m.tok_end
        elif (
            is_honorific(doc[i])
            and not doc[i].is_sent_start
            and (doc[i].text != "." or (i > start and is_honorific(doc[i - 1])))
        ):  # a full stop only after a courtesy word ("Dr .")
            i += 1
        elif doc[i].lower_ == "the" and i + 1 < len(doc) and doc[i + 1].ent_type_ == "NORP":
            i += 1  # "the President of X, the Gambian Ana Ortiz"
        elif doc[i].lower_ in ("the", *title_data().qualifiers) and _rank_next(b, i + 1):
            i += 1  # "the director of X, the retired colonel Ana Ortiz"
        elif doc[i].ent_iob_ == "B" and _nationality(b, i, i + len(_entity(doc[i]))):
            i += len(_entity(doc[i]))
        elif _occupation(doc, i):
            i += 1  # "its envoy, Norlandic diplomat Ana Ortiz", "the Norlandic lawyer Ana Ortiz"
        else:
            return None
    return None


def _apposed_before(b: Builder, pos: Mention) -> bool:
    """Whether the title, with its article, follows a person's name and a comma ("Tomas
    Ekberg, the director of X, the retired admiral Mira Solvang and ..."): the title is that
    person's apposition, and the name after its complement is the next item of a list."""
    doc, i = b.doc, pos.tok_start - 1
    while i >= 0 and doc[i].pos_ == "DET":
        i -= 1
    if i < 1 or doc[i].text != ",":
        return False
    return b.is_person(b.index.mention_at(b.block, doc[i - 1]))


def _rank_next(b: Builder, i: int) -> bool:
    """Whether a title begins at token `i`, past title qualifiers and a nationality
    ("retired colonel", "former Norlandic vice president")."""
    doc, qualifiers = b.doc, title_data().qualifiers
    while i < len(doc) and doc[i].lower_ in qualifiers:
        i += 1
    if i < len(doc) and doc[i].ent_iob_ == "B" and _nationality(b, i, i + len(_entity(doc[i]))):
        i += len(_entity(doc[i]))
    m = b.index.mention_at(b.block, doc[i]) if i < len(doc) else None
    return b.is_position(m) and m.tok_start == i


def _courtesy_before(doc, i: int, start: int) -> bool:
    """Whether the token before `i` ends a courtesy word or a retirement mark ("Dr.",
    "Dr .", "(Ret.)"), after which the parser may wrongly start a sentence."""
    prev = doc[i - 1]
    if prev.text == ".":
        return i - 2 >= start and doc[i - 2].text != "." and is_honorific(doc[i - 2])
    return is_honorific(prev)


def _occupation(doc, i: int) -> bool:
    """A common noun that qualifies the name after it ("diplomat Ana Ortiz")."""
    tok = doc[i]
    return (
        tok.pos_ == "NOUN"
        and tok.is_lower
        and i + 1 < len(doc)
        and doc[i + 1].is_title
        and (tok.head.i > i or doc[i + 1].head.i == i or doc[i + 1].ent_type_ == "PERSON")
    )


def _nationality(b: Builder, start: int, end: int) -> bool:
    """Whether doc[start:end] is a nationality or country that qualifies the title or name
    after it ("Norlandic General", "Norland President")."""
    doc = b.doc
    m = b.index.mention_at(b.block, doc[start])
    if doc[start].ent_type_ not in ("NORP", "GPE") and (m is None or b.cluster(m).cls != "Country"):
        return False
    modifies = end < len(doc) and doc[end - 1].head.i >= end
    if end < len(doc) and _occupation(doc, end):
        end += 1  # "the Norlandic diplomat Ana Ortiz"
    if not modifies or end >= len(doc):
        return False
    title = b.index.mention_at(b.block, doc[end])  # "former Norlandic vice president X"
    return doc[end].is_title or (title is not None and b.cluster(title).cls == "Position")


def _entity(tok):
    """The named-entity span that begins at `tok`."""
    return next(e for e in tok.doc.ents if e.start == tok.i)


def _complement_end(b: Builder, pos: Mention) -> int | None:
    """The comma that ends the title's complement ("President of the Andean Bank,")."""
    index = b.index

    def name_at(i: int) -> tuple[int, bool] | None:
        m = index.mention_at(b.block, b.doc[i])
        if m is None:
            return None
        return m.tok_end, b.is_person(m)

    return complement_end(b.doc, pos.tok_end, name_at)


def _written_comma(b: Builder, pos: Mention) -> int | None:
    """The comma right after the complement the parser hangs on the title, in lower case
    too ("minister of state for trade,"), or None."""
    doc = b.doc
    end = written_end(doc, pos.tok_start, pos.tok_end, b.names_person)
    return end if pos.tok_end < end < len(doc) and doc[end].text == "," else None


def _named_as(b: Builder, head) -> Ref | None:
    """The person a participle of naming after a title names: "a rebel leader known as X",
    "a colonel called X" (actors.py `known_as`, lexicon `alias_participles`)."""
    refs = people_of(known_as(b.index, b.block, head))
    return refs[0] if refs else None


def _in_capacity(b: Builder, prep) -> Ref | None:
    """The person whose capacity a title names: "in her capacity as chair of X", "in his
    role as envoy" (lexicon `capacity_nouns`): the possessor of the noun "as" completes."""
    noun = prep.head
    if noun.lemma_.lower() not in lexicon().capacity_nouns:
        return None
    for poss in (c for c in noun.children if c.dep_ == "poss"):
        refs = b.people(poss)
        if refs:
            return refs[0]
    return None
