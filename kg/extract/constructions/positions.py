"""A title in the text: who holds it, of which owner, with which qualifiers, and what a
leader's title leads (a country's army, the body its "of" names, the ministry its words name)."""

from __future__ import annotations

from kg.extract.constructions.base import (
    Builder,
    bare_title,
    held_position,
    leader_title,
    people_of,
    says_past,
)
from kg.extract.constructions.holders import successor_post_level, title_holder
from kg.extract.constructions.lists import plural_title
from kg.extract.constructions.owners import owner_of_words, title_owner
from kg.extract.constructions.postings import write_posting
from kg.extract.lexicon import gazetteer, lexicon, norm
from kg.extract.link import Cluster
from kg.extract.mentions import Mention
from kg.extract.phrases.titles import (
    owned_words,
    qualifiers_of,
    title_data,
    title_label,
    written_end,
)
from kg.extract.resolve import ArticleIndex, Ref
from kg.extract.syntax.posts import post_modality, term_ended
from kg.extract.syntax.tree import tree
from kg.ontology import fits


def read_position(b: Builder, pos: Mention) -> None:
    doc = b.doc
    if doc[pos.tok_end - 1].lower_ in title_data().role_plurals:
        plural_title(b, pos)
        return
    qualifiers = tuple(qualifiers_of(doc, pos.tok_start, pos.tok_end))
    if says_past(doc[max(0, pos.tok_start - 2) : pos.tok_end]) and "former" not in qualifiers:
        qualifiers = ("former", *qualifiers)
    holder, how = title_holder(b, pos)
    if how == "past":
        qualifiers = ("former", *(q for q in qualifiers if q != "former"))
        holder, how = title_holder(b, pos, allow_past=True)
    if how == "until-now" and "former" not in qualifiers:
        qualifiers = ("former", *qualifiers)
    tok = doc[pos.head]
    dated = "former" not in qualifiers and term_ended(tok)  # "was minister until 2019"
    if dated:
        qualifiers = ("former", *qualifiers)
    level = "asserted"
    if how in ("role", "appointed-as", "copula"):  # "was not appointed X", "resigned as X",
        # "who will become X"
        level, left = post_modality(tok)
        if left and left not in qualifiers:
            qualifiers = (left, *qualifiers)
    elif how == "successor-as":  # "proposed A as B's successor as X": planned
        level = successor_post_level(tok)
        if level is None:
            return
    owner, prefix = title_owner(b, pos, holder)
    lex = lexicon()
    title = f"{prefix} {pos.text}" if prefix else pos.text
    if owner is None:
        owner, title = _staff_owner(b, pos, title)
    if owner is not None and norm(title) in lex.ranks:
        # "Uruguayan general X": the nationality is the person's
        if holder is not None and owner.cluster.cls == "Country":
            b.add(holder, "nationality", owner, tok, 0.75, "rank-nationality", said=False)
        owner = None
    if holder is None:
        return
    written, with_owner = written_titles(b, pos, title, owner)
    position = held_position(b.index, written, owner.cluster if owner else None)
    before = _written_after_owner(b, pos, owner, written)
    ministry = _written_after_ministry(owner, written)
    for text in (with_owner, _written_with_article(b, pos, owner), before, *ministry):
        if text is not None and text not in position.written:
            position.written.append(text)
    if "former" not in qualifiers:
        write_posting(b.index, position)  # "BRASÍLIA — The Russian ambassador"
    b.add(holder, "holdsPosition", position, tok, 0.9, how, level, False, qualifiers)
    if owner is not None:
        b.add(position, "positionIn", owner, tok, 0.8, "title-owner", "asserted", said=False)
    # a rank is no post; a former post is not the one a counterpart holds now
    if (
        how in ("title", "apposition")
        and norm(title) not in lex.ranks
        and "former" not in qualifiers
    ):
        _counterpart(b, pos, holder, title)
    if "former" in qualifiers and not dated:  # a dated term still says whom it led (dev
        return  # gold: "was commander of the X Army between 2016 and 2018" leads it)
    if "elect" in qualifiers:  # "President-elect X" leads nothing yet
        return
    words = set(norm(title).split())
    leader = bool(words & lex.leader_words) and not ({"deputy", "vice"} & words)
    if not leader:
        return
    # "Chief of the Naval Staff" leads the armed force it is of, or its country's navy
    force_kind = title_data().force_leader_titles.get(bare_title(title))
    if force_kind is not None:
        if owner is not None and owner.cluster.cls == "ArmedForce":
            b.add(holder, "leads", owner, tok, 0.75, "title-of", level)
        elif owner is not None and owner.cluster.cls == "Country":
            force = b.index.country_force(owner.cluster, force_kind)
            b.add(holder, "leads", force, tok, 0.8, "title-force", level)
        return
    # "army chief" of a country leads that country's army
    if owner is not None and owner.cluster.cls == "Country":
        for noun in lex.force_nouns:
            if set(noun.split()) <= words:
                force = b.index.country_force(owner.cluster, noun)
                b.add(holder, "leads", force, tok, 0.8, "title-force", level)
                return
    # "interim head of X" leads X: a qualifier names no part of the body
    distinctive = words - lex.generic_position_words - set(title_data().qualifiers)
    if leader_title(title):  # "Executive Director of X", "interim head of X"
        distinctive = set()
    # "commandant of the Royal Navy" (but not "EU foreign policy chief")
    if (
        owner is not None
        and not distinctive
        and not _sub_body(b, pos, owner)
        and owner.cluster.cls
        in (
            "ArmedForce",
            "GovernmentBody",
            "Organization",
            "PoliticalParty",
            "InternationalOrganization",
        )
    ):
        b.add(holder, "leads", owner, tok, 0.75, "title-of", level)
        return
    # "Secretary of Health" leads the "Health Department" named in the same article
    if not distinctive:
        return
    # Only a body whose own words are the title's ("Health Department" for "Secretary of
    # Health"), and only one: "Trade Minister" says nothing of "Department of Trade and
    # Industry", nor which of two trade ministries is the minister's.
    # Only an executive body ("ministry", "department", "office": lexicon `ministry_nouns`):
    # a finance minister does not lead the Senate finance committee.
    bodies = []
    for c in _organisations_with(b.index, distinctive):
        if _distinctive(c.label) != distinctive or not _ministry(c.label):
            continue
        theirs = _organisation_owner(b.index, c)
        if theirs is not None and (owner is None or theirs.id != owner.cluster.id):
            continue  # "Norland's trade ministry" is not a Sudrian minister's
        if theirs is None and owner is not None and _held_by_another(b, holder, distinctive, owner):
            continue  # "Defence Minister A received the Sudrian defence minister, B", "the
            # Velmari defence minister, A, will meet the Sudrian defence minister, B": an
            # unowned ministry is the one of the title read first (the article's own), not
            # that of a later holder of another owner's title of its words
        bodies.append(c)
    if len(bodies) == 1:
        b.add(holder, "leads", bodies[0], tok, 0.6, "title-organisation", level, said=False)


def _staff_owner(b: Builder, pos: Mention, title: str) -> tuple[Ref | None, str]:
    """ "the Chief of the Norlandic Defence Staff": a country named inside a staff title's
    complement (titles.yaml `country_staffs`) is its owner, and the title is without it
    ("Chief of the Defence Staff" of Norland)."""
    doc = b.doc
    of = next((t.i for t in doc[pos.tok_start : pos.tok_end] if t.lower_ == "of"), None)
    last = doc[pos.tok_end - 1]
    if of is None or last.lower_ not in title_data().country_staffs:
        return None, title
    owned = owned_words([t for t in doc[of + 1 : pos.tok_end] if t.lower_ != "the"])
    owner = owner_of_words(b, owned) if owned else None
    if owner is None:
        return None, title
    word = owned[0]
    kept = [t for t in doc[pos.tok_start : pos.tok_end] if t.i != word.i]
    return b.index.as_actor(owner), " ".join(t.text for t in kept)


def written_title(b: Builder, pos: Mention, title: str, owner: Ref | None) -> str:
    """The title as the text writes it, with its prepositional complement ("second secretary
    at the Norlandic Embassy in Velmar"): the post the holder holds. A person in the
    complement, or the owner named as its object ("Vice-Minister of Trade of Norland"), is
    no part of it: the owner is the position's `positionIn`."""
    return written_titles(b, pos, title, owner)[0]


def written_titles(
    b: Builder, pos: Mention, title: str, owner: Ref | None
) -> tuple[str, str | None]:
    """`written_title`, and where the complement goes on past the owner's "of" phrase
    ("the Ambassador of Norland to Velmar"), the title as written with it, else None."""
    doc, index = b.doc, b.index

    def stop(i: int) -> bool:
        m = index.mention_at(b.block, doc[i])
        if m is None:
            return False
        c = index.clusters[m.cluster]
        if c.cls == "Person":
            return True
        named = owner is not None and index.as_actor(Ref(c)).cluster.id == owner.cluster.id
        return named and doc[m.head].dep_ == "pobj"

    space = doc[pos.tok_end - 1].whitespace_
    end = written_end(doc, pos.tok_start, pos.tok_end, stop)
    if end == pos.tok_end:
        # "the ambassador of Norland to Velmar": past the owner's "of" phrase, the title
        # goes on with the place it is held in ("Ambassador to Velmar" of Norland)
        past = _past_owner(b, pos, owner)
        if past is not None:
            end = written_end(doc, pos.tok_start, past, stop)
            if end > past:
                full = title + space + doc[pos.tok_end : end].text
                return title + space + doc[past:end].text, title_label(full)
        return title, None
    return title + space + doc[pos.tok_end : end].text, None


def _written_with_article(b: Builder, pos: Mention, owner: Ref | None) -> str | None:
    """The title as written with its owner after "of the" ("Chairman of the Cabinet of
    Ministers of X", "Chief of the Joint Staff"), which the post's label writes without the
    article: another name of the post; else None."""
    doc, i = b.doc, pos.tok_end
    if owner is None or i + 2 >= len(doc) or doc[i].lower_ != "of" or doc[i + 1].lower_ != "the":
        return None
    for j in (i + 1, i + 2):
        m = b.index.mention_at(b.block, doc[j])
        if m is not None and m.tok_start == j:
            named = b.index.as_actor(Ref(b.cluster(m))).cluster
            return doc[pos.tok_start : m.tok_end].text if named.id == owner.cluster.id else None
    return None


def _written_after_owner(b: Builder, pos: Mention, owner: Ref | None, title: str) -> str | None:
    """The title as written after its owner's name or demonym, with nothing between ("British
    High Commissioner", "EU foreign policy chief", "U.N. ambassador"): another name of the
    post, whose label leaves the owner to `positionIn`; else None."""
    doc, i = b.doc, pos.tok_start
    if owner is None or i == 0 or not doc[i - 1].whitespace_:
        return None
    m = b.index.mention_at(b.block, doc[i - 1])
    if m is None or m.tok_end != i:
        return None
    if b.index.as_actor(Ref(b.cluster(m))).cluster.id != owner.cluster.id:
        return None
    return f"{doc[m.tok_start : i].text} {title}"


def _written_after_ministry(owner: Ref | None, title: str) -> list[str]:
    """A title of a ministry as news writes it after the ministry's field ("the Ministry of
    Fisheries Affairs ... Its spokesperson" -> "fisheries ministry spokesperson"; "Norland's
    fisheries ministry" -> "fisheries ministry spokesperson"): other names of the post. The
    field is the ministry's words after "of" (the last "affairs" left out when words come
    before it) or its lower-case words before the ministry noun (lexicon
    `field_first_nouns`). The head of a ministry is its minister too ("head of the Ministry
    of Fisheries": "minister of fisheries", "fisheries minister"; `ministry_head_titles`)."""
    if owner is None or owner.cluster.cls not in ("GovernmentBody", "Organization"):
        return []
    lex = lexicon()
    words = owner.cluster.label.split()
    lower = [w.lower() for w in words]
    at = next((i for i, w in enumerate(lower) if w in lex.field_first_nouns), None)
    if at is None:
        return []
    after = at + 1 < len(lower) and lower[at + 1] in ("of", "for")
    if after:
        field_words = [w for w in lower[at + 2 :] if w != "the"]
        if len(field_words) > 1 and field_words[-1] == "affairs":
            field_words = field_words[:-1]
    else:
        field_words = []
        for w in reversed(words[:at]):
            if not w.islower():
                break
            field_words.insert(0, w)
    if not field_words or len(field_words) > 3 or not all(w.isalpha() for w in field_words):
        return []
    field_text = " ".join(field_words)
    out = [f"{field_text} {lower[at]} {title.lower()}"]
    if lower[at] == "ministry" and title.lower() in lex.ministry_head_titles:
        out.append(f"{field_text} minister")
        if after:
            out.append(f"minister {' '.join(lower[at + 1 :])}")
    return out


def _past_owner(b: Builder, pos: Mention, owner: Ref | None) -> int | None:
    """Where the title's "of" phrase naming its owner ends ("ambassador of Norland | to
    Velmar"), when a prepositional phrase of the title follows it (titles.yaml
    `owner_then_preps`) and names a place or a body (`owner_then_classes`); else None."""
    doc = b.doc
    if owner is None or pos.tok_end >= len(doc):
        return None
    prep = doc[pos.tok_end]
    head = doc[pos.head]
    if prep.lower_ != "of" or prep.head.i != head.i:
        return None
    pobj = next((c for c in prep.children if c.dep_ == "pobj"), None)
    if pobj is None:
        return None
    refs = b.index.refs(b.block, pobj, with_conj=False)
    if not any(b.index.as_actor(r).cluster.id == owner.cluster.id for r in refs):
        return None
    end = max(t.i for t in prep.subtree) + 1
    if end >= len(doc):
        return None
    nxt = doc[end]
    if nxt.dep_ != "prep" or nxt.head.i != head.i:
        return None
    data = title_data()
    if nxt.lower_ not in data.owner_then_preps:
        return None
    # the phrase names where the post is held: a place or a body, not "at the time"
    held_in = [
        b.index.as_actor(r).cluster.cls
        for c in nxt.children
        if c.dep_ == "pobj"
        for r in b.index.refs(b.block, c)
    ]
    if not any(fits(cls, k) for cls in held_in for k in data.owner_then_classes):
        return None
    return end


def _sub_body(b: Builder, pos: Mention, owner: Ref) -> bool:
    """ "head of the Red Cross delegation", "its head of bench": the title's "of" names a
    part of the owner (a noun that is not the owner's own mention), whose head the holder
    is; the holder does not lead the owner itself."""
    doc, index = b.doc, b.index
    for tok in doc[pos.tok_start : pos.tok_end]:
        for prep in tok.children:
            if prep.dep_ != "prep" or prep.lower_ != "of" or prep.i < pos.tok_end:
                continue
            for pobj in (c for c in prep.children if c.dep_ == "pobj"):
                m = index.mention_at(b.block, pobj)
                if m is None or index.as_actor(Ref(index.clusters[m.cluster])).cluster.id != (
                    owner.cluster.id
                ):
                    return True
    return False


def _held_by_another(b: Builder, holder: Ref, distinctive: set[str], owner: Ref) -> bool:
    """Whether another person holds, now, a title of the same words with no owner named or
    another owner than `owner` (read before this one: the holdings grow in text order)."""
    for person, held in b.index.holdings.items():
        if person == holder.cluster.id:
            continue
        for _start, post, former in held:
            if (
                not former
                and post.of != owner.cluster.id
                and _distinctive(post.label) == distinctive
            ):
                return True
    return False


def _ministry(label: str) -> bool:
    return bool(set(norm(label).split()) & lexicon().ministry_nouns)


def _distinctive(label: str) -> set[str]:
    """The words of a body's name that say what it does ("Health" of "the Health
    Department"): without generic title words and the nouns that make a name a body."""
    lex = lexicon()
    heads = {w for w, cls in lex.head_classes.items() if cls == "GovernmentBody"}
    return set(norm(label).split()) - lex.generic_position_words - heads


def _organisations_with(index: ArticleIndex, words: set[str]) -> list[Cluster]:
    """The government bodies and armed forces whose names have one of `words`, in cluster
    order; an index kept on the article (clusters are only ever appended), so that
    positions times organisations does not grow with the square of the article."""
    cache = index.__dict__.setdefault("_organisation_words", {"seen": 0, "by_word": {}})
    by_word: dict[str, list[int]] = cache["by_word"]
    for c in index.clusters[cache["seen"] :]:
        if c.cls in ("GovernmentBody", "ArmedForce"):
            for w in set(norm(c.label).split()):
                by_word.setdefault(w, []).append(c.id)
    cache["seen"] = len(index.clusters)
    ids = sorted({i for w in words for i in by_word.get(w, ())})
    return [index.clusters[i] for i in ids]


def _organisation_owner(index: ArticleIndex, c: Cluster) -> Cluster | None:
    """The country an organisation's mentions name it by ("Peru's trade ministry"); worked
    out once per organisation and article."""
    owners = index.__dict__.setdefault("_organisation_owners", {})
    if c.id not in owners:
        owners[c.id] = _find_organisation_owner(index, c)
    return owners[c.id]


def _find_organisation_owner(index: ArticleIndex, c: Cluster) -> Cluster | None:
    for m in c.mentions:
        doc = index.docs[m.block]
        i = m.tok_start - 1
        while i >= 0 and (doc[i].tag_ == "POS" or doc[i].dep_ == "case" or doc[i].lower_ == "the"):
            i -= 1
        if i < 0:
            continue
        other = index.mention_at(m.block, doc[i])
        if other is not None and other.cluster != c.id:
            owner = index.as_actor(Ref(index.clusters[other.cluster])).cluster
            if owner.cls == "Country":
                return owner
        for word in c.label.split():
            entry = gazetteer().by_demonym.get(norm(word)) or gazetteer().by_name.get(norm(word))
            if entry is not None and entry.cls == "Country":
                return index.add_cluster(entry.cls, entry.label, entry)
    return None


def _title_between(b: Builder, start: int, end: int, holder: Ref) -> bool:
    """Whether another person's title is named between tokens `start` and `end`: a title
    and a person other than `holder` ("Prime Minister A ... Foreign Secretary B ... her
    counterpart": B's; "A, Norland's defence minister and a former army chief, ... her
    counterpart": still A's defence minister's)."""
    between = [m for m in b.index.in_block.get(b.block, []) if start <= m.tok_start < end]
    return any(b.is_position(m) for m in between) and any(
        b.is_person(m) and b.cluster(m).id != holder.cluster.id for m in between
    )


def _counterpart(b: Builder, pos: Mention, holder: Ref, title: str) -> None:
    """ "X ... and his Peruvian counterpart, Rosa Diaz": Diaz holds X's position."""
    doc = b.doc
    sent, lower = doc[pos.head].sent, tree(doc).lower  # a Token only for a counterpart noun
    nouns = lexicon().counterpart_nouns
    for tok in (doc[i] for i in range(max(sent.start, pos.tok_end), sent.end) if lower[i] in nouns):
        if _title_between(b, pos.tok_end, tok.i, holder):
            continue  # the possessor's is the last title named before it
        people = [
            r
            for c in tok.children
            if c.dep_ == "appos" and not _titled(b, c)
            for r in people_of(b.index.refs(b.block, c))
        ]
        if not people and tok.i + 2 < len(doc) and doc[tok.i + 1].text == ",":
            # the name between commas after it that the parser hung elsewhere
            m = b.index.mention_at(b.block, doc[tok.i + 2])
            if b.is_person(m) and m.tok_start == tok.i + 2:
                people = [Ref(b.cluster(m))]
        owners = [
            b.index.as_actor(r)
            for c in tok.children
            if c.dep_ in ("amod", "compound", "nmod")
            for r in b.index.refs(b.block, c, with_conj=False)
        ]
        countries = [o for o in owners if o.cluster.cls == "Country"]
        for person in people:
            if person.cluster.id == holder.cluster.id:
                continue
            owner = countries[0].cluster if countries else None
            position = held_position(b.index, title, owner)
            b.add(person, "holdsPosition", position, tok, 0.7, "counterpart", said=False)
            if owner is not None:
                b.add(position, "positionIn", countries[0], tok, 0.7, "counterpart", said=False)


def _titled(b: Builder, appos) -> bool:
    """Whether an apposition names a title of its own ("Oil Minister X")."""
    return any(
        appos.left_edge.i <= m.tok_start < appos.i and b.is_position(m)
        for m in b.index.in_block.get(b.block, [])
    )
