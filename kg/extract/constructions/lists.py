"""Titles paired with lists of people: "A and B, the defence and foreign ministers
respectively", "A and B as finance minister and foreign minister respectively", "Foreign
Ministers A and B"."""

from __future__ import annotations

from kg.extract.constructions.base import (
    Builder,
    held_position,
    leads_its_owner,
    owns,
    people_runs,
    run_from,
    tokens_with,
)
from kg.extract.constructions.owners import owner_of_words, title_owner
from kg.extract.doc_memo import sentence
from kg.extract.lexicon import lexicon
from kg.extract.mentions import Mention, colon_after_title, one_of
from kg.extract.phrases.titles import (
    complement_end,
    qualifiers_of,
    title_data,
)
from kg.extract.resolve import Ref
from kg.extract.syntax.arguments import subjects


def _coordinated(tokens: list) -> list[list]:
    """ "defence and foreign" -> [[defence], [foreign]]; words split at commas and "and"."""
    items, current = [], []
    for t in tokens:
        if t.lower_ in lexicon().coordinators:
            if current:
                items.append(current)
            current = []
        elif t.tag_ != "POS":
            current.append(t)
    if current:
        items.append(current)
    return items


def respectively(b: Builder) -> None:
    """ "A and B, the defence and foreign ministers respectively", "Norlandic and Sudrian
    Presidents A and B respectively", "Deputy Ministers A and B of Norland and Sudria
    respectively": the n-th person holds the n-th title, of the n-th owner."""
    plurals = title_data().role_plurals
    for word in tokens_with(b.doc, "LOWER", lexicon().pairing_adverbs):
        sent = sentence(word)
        runs = people_runs(b, sent)
        if not runs:
            continue
        people = min(runs, key=lambda r: abs(r[-1].tok_end - word.i))
        heads = [t for t in sent if t.lower_ in plurals]
        if not heads:
            _singular_titles(b, people, word)
            continue
        head = min(heads, key=lambda t: abs(t.i - people[0].tok_start))
        titles = _paired_titles(b, head, people, word.i)
        if titles is None:
            continue
        _hold_paired(b, head, people, titles, "respectively")


def _paired_titles(b: Builder, head, people: list[Mention], end: int):
    """The n titles a plural title `head` gives n people, in order, or None: coordinated
    words before it ("the defence and foreign ministers", "Norlandic and Sudrian
    Presidents") or coordinated owners after the names or the title ("A and B of Norland
    and Sudria", "the governors of Velm and Osk, A and B", "A and B, the prime ministers of
    Norland and Sudria respectively"; `end` is where that list must stop)."""
    doc = b.doc
    sent = sentence(head)
    modifiers = title_data().modifiers
    n = len(people)
    # the words before the plural title: shared title words, then coordinated ones
    i = head.i - 1
    while i >= sent.start and doc[i].lower_ in modifiers and doc[i].is_alpha:
        i -= 1
    shared = list(doc[i + 1 : head.i])
    j = i
    while j >= sent.start and (
        doc[j].lower_ in lexicon().coordinators
        or doc[j].tag_ == "POS"
        or (doc[j].is_alpha and doc[j].pos_ in ("ADJ", "NOUN", "PROPN") and doc[j].lower_ != "the")
        or doc[j].like_num
    ):
        j -= 1
    before = _coordinated(list(doc[j + 1 : i + 1]))
    if shared and before and doc[i].lower_ in lexicon().coordinators and len(before) == n - 1:
        before.append(shared)  # "the defence and foreign ministers"
        shared = []
    after: list[Ref] = []
    k = people[-1].tok_end
    if k < sent.end and doc[k].text == ",":
        k += 1
    if k < sent.end and doc[k].lower_ == "of" and k + 1 < sent.end:
        after = [Ref(b.cluster(m)) for m in run_from(b, k + 1, sent.end) if owns(b, m)]
    k = head.i + 1
    if len(after) != n and k + 1 < sent.end and doc[k].lower_ == "of":
        stop = people[0].tok_start if people[0].tok_start > k else end
        after = [
            Ref(b.cluster(m))
            for m in run_from(b, k + 1, stop)
            if owns(b, m) or b.cluster(m).cls in ("Region", "City")
        ]
    singular = _singular(head, keep_case=True)
    data = title_data()
    times = data.written_stops | set(data.qualifiers)
    if len(before) == n and not any(all(t.lower_ in times for t in item) for item in before):
        # not "the former and current foreign ministers": one post, held then and now
        titles: list[tuple[str, Ref | None]] = []
        first_owner = None
        for k, item in enumerate(before):
            # "the Norlandic foreign and defence ministers": the owner before the first
            # words is both titles'
            owned = [t for t in item if owner_of_words(b, [t]) is not None]
            owner = owner_of_words(b, owned) if owned else None
            if k == 0:
                first_owner = owner if len(owned) < len(item) else None
            elif owner is None:
                owner = first_owner
            words = [t.text for t in item if t not in owned]
            titles.append((" ".join([*words, *(t.text for t in shared), singular]), owner))
        return titles
    if len(after) == n:
        title = " ".join([*(t.text for t in shared), singular])
        return [(title, owner) for owner in after]
    return None


def _hold_paired(
    b: Builder, head, people: list[Mention], titles, method: str, qualifiers: tuple = ()
) -> None:
    """The n-th person holds the n-th title, of its owner."""
    for person, (title, owner) in zip(people, titles, strict=True):
        owner = b.index.as_actor(owner) if owner is not None else None
        position = held_position(b.index, title, owner.cluster if owner else None)
        holder = Ref(b.cluster(person))
        b.add(
            holder, "holdsPosition", position, head, 0.8, method, said=False, qualifiers=qualifiers
        )
        if owner is not None:
            b.add(position, "positionIn", owner, head, 0.75, method, said=False)
        if leads_its_owner(title, owner):  # "A and B, party leaders of X and Y respectively"
            b.add(holder, "leads", owner, head, 0.75, "title-of")


def _singular_titles(b: Builder, people: list[Mention], word) -> None:
    """ "A and B as finance minister and foreign minister respectively": a list of as many
    titles as people, after them (or before them); the n-th person holds the n-th title."""
    i = people[-1].tok_end
    while i < word.i and b.index.mention_at(b.block, b.doc[i]) is None:
        i += 1
    owner = b.index.mention_at(b.block, b.doc[i]) if i < word.i else None
    if (
        owner is not None
        and not b.is_position(owner)
        and owner.tok_end < word.i
        and b.doc[owner.tok_end].tag_ == "POS"
    ):
        i = owner.tok_end + 1  # "as Norland's Minister of X and Minister of Y respectively"
    titles = run_from(b, i, word.i)
    written = 0 < len(titles) < len(people)
    if written:
        # titles with complements: "as Minister of Petroleum and Minister of Mines"
        titles = sorted(
            (
                m
                for m in b.index.in_block.get(b.block, [])
                if i <= m.tok_start and m.tok_end <= word.i and b.is_position(m)
            ),
            key=lambda m: m.tok_start,
        )
    if not titles:
        # "the Minister of X of Norland and the Minister of Y of Sudria, A and B,
        # respectively": the last titles named before the people
        sent = sentence(word)
        before = sorted(
            (
                m
                for m in b.index.in_block.get(b.block, [])
                if sent.start <= m.tok_start
                and m.tok_end <= people[0].tok_start
                and b.is_position(m)
            ),
            key=lambda m: m.tok_start,
        )
        titles = before[-len(people) :]
    if len(titles) != len(people) or any(not b.is_position(t) for t in titles):
        return
    from kg.extract.constructions.positions import written_title

    for person, pos in zip(people, titles, strict=True):
        owner, prefix = title_owner(b, pos, None)
        title = f"{prefix} {pos.text}" if prefix else pos.text
        if written:  # the complement the title goes on with is part of it
            title = written_title(b, pos, title, owner)
        position = held_position(b.index, title, owner.cluster if owner else None)
        head = b.doc[pos.head]
        b.add(Ref(b.cluster(person)), "holdsPosition", position, head, 0.8, "respectively")
        if owner is not None:
            b.add(position, "positionIn", owner, head, 0.75, "title-owner", said=False)


def plural_title(b: Builder, pos: Mention) -> None:
    """ "Foreign Ministers A and B": each of the people named right after a plural title
    holds it (with "respectively", `respectively` pairs titles and people instead); as
    many coordinated owners or title words as people are paired with them in order even
    without "respectively" ("the Norlandic and Sudrian foreign ministers, A and B")."""
    doc = b.doc
    head = doc[pos.tok_end - 1]
    sent = sentence(head)
    if any(t.lower_ == "respectively" for t in sent):
        return
    runs = people_runs(b, sent, least=1)
    people = next((r for r in runs if r[0].tok_start == pos.tok_end), [])
    if not people:
        people = _apposed_people(b, pos, runs)
    # "vice-presidents": the words before the plural as written, hyphens unspaced
    title = doc[pos.tok_start : pos.tok_end - 1].text_with_ws + _singular(head, keep_case=True)
    qualifiers = tuple(qualifiers_of(doc, pos.tok_start, pos.tok_end))
    # "Presidents A of Norland and B of Sudria", "the foreign ministers, A of Norland and B
    # of Sudria,": each of their own
    after = pos.tok_end + (pos.tok_end < sent.end and doc[pos.tok_end].text == ",")
    owned = _people_each_of(b, after, sent.end)
    if len(owned) >= 2:
        titles = [(title, owner) for _m, owner in owned]
        _hold_paired(b, head, [m for m, _o in owned], titles, "plural-title", qualifiers)
        return
    listed: list[tuple[Mention, Ref | None]] = []
    if not people:
        listed = _listed_after(b, pos)
        people = [m for m, _owner in listed]
        if listed and all(owner is not None for _m, owner in listed):
            # "the trade ministers of the three countries, Norland's A and Sudria's B"
            titles = [(title, owner) for _m, owner in listed]
            _hold_paired(b, head, people, titles, "plural-title", qualifiers)
            return
    if not people:
        people = _listed_after_colon(b, pos)
    if not people:
        _one_of(b, pos, title, qualifiers)
        return
    domain_end = _domain_end(doc, pos.tok_end)
    if domain_end is not None and people[0].tok_start >= domain_end:
        # "the ministers of Foreign Affairs of Norland and of Sudria, A and B": the title
        # keeps its domain; the owners named after it are the people's, in order
        title = f"{title} {doc[pos.tok_end : domain_end].text}"
        owners = [
            Ref(b.cluster(m))
            for m in b.index.in_block.get(b.block, [])
            if domain_end <= m.tok_start and m.tok_end <= people[0].tok_start and owns(b, m)
        ]
        if len(owners) != len(people):  # whose is whose is unknown
            owners = [None] * len(people)
        titles = list(zip([title] * len(people), owners, strict=True))
        _hold_paired(b, head, people, titles, "plural-title", qualifiers)
        return
    if len(people) >= 2:
        titles = _paired_titles(b, head, people, sent.end)
        if titles is not None:
            _hold_paired(b, head, people, titles, "plural-title", qualifiers)
            return
    owner, _prefix = title_owner(b, pos, None)
    if listed and len(_listed_owners(b, pos, people[0].tok_start)) > 1:
        owner = None  # "of Norland, Sudria and Vell, A and B": whose is whose is unknown
    # "two former directors of X, A and B": the title's qualifiers are every holder's
    times = _paired_times(head, len(people)) or [qualifiers for _ in people]
    _hold_one_post(b, head, [Ref(b.cluster(p)) for p in people], title, owner, times)


def _people_each_of(b: Builder, i: int, end: int) -> list[tuple[Mention, Ref]]:
    """From token `i`, people each named with the owner of their post after "of" ("A of
    Norland, B of Sudria and C of Vell"): (person, owner) pairs, or none unless every person
    has one."""
    doc, out = b.doc, []
    while i < end:
        m = b.index.mention_at(b.block, doc[i])
        if not b.is_person(m) or m.tok_start != i:
            break
        j = m.tok_end
        owner = b.index.mention_at(b.block, doc[j + 1]) if j + 1 < end else None
        if doc[j].lower_ != "of" or owner is None or owner.tok_start != j + 1 or not owns(b, owner):
            return []
        out.append((m, Ref(b.cluster(owner))))
        i = owner.tok_end
        if i < end and doc[i].text == ",":
            i += 1
        if i < end and doc[i].lower_ in lexicon().coordinators:
            i += 1
    return out


def _hold_one_post(b: Builder, head, holders: list[Ref], title: str, owner, times) -> None:
    """Each holder holds the one post of `title` (of `owner`), with its own qualifiers."""
    position = held_position(b.index, title, owner.cluster if owner else None)
    for person, qualifiers in zip(holders, times, strict=True):
        b.add(
            person,
            "holdsPosition",
            position,
            head,
            0.8,
            "plural-title",
            said=False,
            qualifiers=qualifiers,
        )
    if owner is not None:
        b.add(position, "positionIn", owner, head, 0.75, "title-owner", said=False)


def _paired_times(head, n: int) -> list[tuple[str, ...]] | None:
    """ "the former and current foreign ministers, A and B": one post, and as many
    coordinated words of time before its title words as people; the n-th person's holding
    takes the qualifier of the n-th word ("former": A held it; titles.yaml `qualifiers`)."""
    doc, data = head.doc, title_data()
    first = sentence(head).start
    i = head.i - 1
    while i >= first and doc[i].lower_ in data.modifiers and doc[i].is_alpha:
        i -= 1
    times = data.written_stops | set(data.qualifiers)
    j = i
    while j >= first and (
        doc[j].lower_ in times or (doc[j].is_alpha and doc[j].lower_ in lexicon().coordinators)
    ):
        j -= 1
    items = _coordinated(list(doc[j + 1 : i + 1]))
    if len(items) != n or any(len(item) != 1 for item in items):
        return None
    return [tuple(q for q in [data.qualifiers.get(item[0].lower_)] if q) for item in items]


def _apposed_people(b: Builder, pos: Mention, runs: list[list[Mention]]) -> list[Mention]:
    """The people a plural title is in apposition with: "A and B, two Velmar court judges"
    (the run ends at the comma before the title, over a number, a determiner and the
    owner's name) or "two magistrates of the Norvik Court, A and B" (the run begins after the
    comma that ends the title's complement)."""
    doc, index = b.doc, b.index

    def name_at(i: int) -> tuple[int, bool] | None:
        m = index.mention_at(b.block, doc[i])
        return None if m is None else (m.tok_end, b.is_person(m))

    comma = complement_end(doc, pos.tok_end, name_at)
    if comma is not None:
        after = next((r for r in runs if r[0].tok_start == comma + 1), [])
        if len(after) >= 2:
            return after
    i = pos.tok_start - 1
    while (
        i >= 0
        and doc[i].text != ","
        and (
            doc[i].like_num
            or doc[i].lower_ in lexicon().strip_words
            or (index.mention_at(b.block, doc[i]) is not None and doc[i].is_title)
            # "A and B, the Norlandic and Sudrian foreign ministers": coordinated owners
            or (doc[i].is_title and owner_of_words(b, [doc[i]]) is not None)
            or (
                doc[i].is_alpha
                and doc[i].lower_ in lexicon().coordinators
                and i > 0
                and doc[i - 1].is_title
            )
        )
    ):
        i -= 1
    if i < 1 or doc[i].text != ",":
        return []
    before = next((r for r in runs if r[-1].tok_end == i), [])
    return before if len(before) >= 2 else []


def _listed_after(b: Builder, pos: Mention) -> list[tuple[Mention, Ref | None]]:
    """The people listed after a plural title's "of" complement and its comma, each with
    the owner named before it: "the trade ministers of Norland, Sudria and Vell, A, B and
    C" (no owners), "the trade ministers of the three countries, Norland's A, Sudria's B
    and Vell's C" (an owner each); or right after its comma, an owner each ("the trade
    ministers, Norland's A and Sudria's B"); a rank before a name is stepped over.
    The complement holds no person and no verb and ends within titles.yaml
    `windows.written` words; the people are not the subject of a verb after them."""
    doc, sent = b.doc, sentence(b.doc[pos.head])
    i = pos.tok_end
    if i < sent.end and doc[i].text == ",":
        # no complement: "the foreign ministers, Norland's A and Sudria's B" (an owner each)
        listed = _owned_people(b, i + 1, sent.end)
        owned = all(owner is not None for _m, owner in listed)
        if len(listed) >= 2 and owned and not _speak(doc, [m for m, _owner in listed]):
            return listed
        return []
    if i >= sent.end or doc[i].lower_ not in title_data().complement_prepositions:
        return []
    last = min(sent.end, i + 1 + title_data().windows["written"])
    for j in range(i + 1, last):
        m = b.index.mention_at(b.block, doc[j])
        if b.is_person(m):
            return []
        if doc[j].pos_ in ("VERB", "AUX"):
            return []  # "The ministers of A and B met in Velmar, X and Y said": a clause
        if doc[j].text == ",":
            listed = _owned_people(b, j + 1, sent.end)
            if len(listed) >= 2 and not _speak(doc, [m for m, _owner in listed]):
                return listed
    return []


def _listed_after_colon(b: Builder, pos: Mention) -> list[Mention]:
    """The people listed after a colon that follows a plural title: "elected four
    vice-presidents, one for each region: Norland's A, Sudria's B and Vell's C" (each
    may have an owner before it: where they come from, not whose post it is). Up to
    titles.yaml `windows.written` words from the title, with no verb and no person before
    the colon; two people or more."""
    doc = b.doc
    colon = colon_after_title(doc, pos.tok_end, stop=b.names_person)
    if colon is None:
        return []
    listed = [m for m, _owner in _owned_people(b, colon + 1, sentence(doc[pos.head]).end)]
    return listed if len(listed) >= 2 else []


def _speak(doc, people: list[Mention]) -> bool:
    """Whether the listed names are the subject of the verb right after them: the people
    a clause names ("..., X and Y said"), not a list in apposition to the title before,
    which a comma closes ("The leaders of the two parties, X and Y, met")."""
    first, end = doc[people[0].head], people[-1].tok_end
    if end < len(doc) and doc[end].text == ",":
        return False
    return first.dep_ in ("nsubj", "nsubjpass") and first.head.i > first.i


def _one_of(b: Builder, pos: Mention, title: str, qualifiers: tuple) -> None:
    """ "X has been one of the bank's deputy governors", "X, one of Norland's two deputy
    prime ministers, said": the named subject of the copula, or the name "one" is in
    apposition to, holds the title."""
    head = b.doc[pos.tok_end - 1]
    one = one_of(head)
    if one is None:
        return
    tokens = subjects(one.head) if one.dep_ == "attr" else [one.head]
    # a name, not a pronoun: "she has been one of ..." is read wrong too often
    tokens = [t for t in tokens if t.pos_ != "PRON"]
    people = [r for t in tokens for r in b.people(t)]
    if len(people) != 1:
        return
    owner, _prefix = title_owner(b, pos, None)
    _hold_one_post(b, head, people[:1], title, owner, [qualifiers])


def _listed_owners(b: Builder, pos: Mention, end: int) -> list[Mention]:
    """The owners named between a title and token `end`."""
    return [
        m
        for m in b.index.in_block.get(b.block, [])
        if pos.tok_end <= m.tok_start and m.tok_end <= end and owns(b, m)
    ]


def _domain_end(doc, i: int) -> int | None:
    """The end of a title's domain complement at token `i` ("of Foreign Affairs", "for
    the Interior"): "of" or "for", title-case title words, the last a domain word
    (titles.yaml `title_domains`); else None."""
    data = title_data()
    if i >= len(doc) or doc[i].lower_ not in data.complement_prepositions:
        return None
    j = i + 1
    if j < len(doc) and doc[j].lower_ == "the":
        j += 1
    words = data.domains | data.modifiers
    end = None
    while j < len(doc) and doc[j].is_title and doc[j].lower_ in words:
        j += 1
        if doc[j - 1].lower_ in data.domains:
            end = j
    return end


def _owned_people(b: Builder, i: int, end: int) -> list[tuple[Mention, Ref | None]]:
    """ "Norland's A, Sudria's B and Vell's C" or "A, B and C" from token `i`: each person
    with the owner before it (or None); a rank before a name is stepped over."""
    doc, out = b.doc, []
    coordinators = lexicon().coordinators
    while i < end:
        owner = None
        m = b.index.mention_at(b.block, doc[i])
        if m is not None and m.tok_start == i and owns(b, m) and m.tok_end < end:
            if doc[m.tok_end].tag_ != "POS":
                break
            owner, i = Ref(b.cluster(m)), m.tok_end + 1
            m = b.index.mention_at(b.block, doc[i]) if i < end else None
        if b.is_position(m) and m.tok_start == i:
            i = m.tok_end  # a rank: "General A"
            m = b.index.mention_at(b.block, doc[i]) if i < end else None
        if not b.is_person(m) or m.tok_start != i:
            break
        out.append((m, owner))
        i = m.tok_end
        while i < end and doc[i].lower_ in coordinators:
            i += 1
    if any(o is not None for _m, o in out) and any(o is None for _m, o in out):
        return []  # owners for some only: no list of this kind
    return out


def _singular(tok, keep_case: bool = False) -> str:
    word = tok.lemma_.lower()
    if word == tok.lower_ and word.endswith("s"):
        word = word[:-1]
    if keep_case and tok.text[:1].isupper():
        word = word[:1].upper() + word[1:]
    return word
