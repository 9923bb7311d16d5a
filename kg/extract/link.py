"""Linking inside an article: mentions become entities (clusters).

Mentions of one entity are joined by the gazetteer (aliases, spelling variants), by
surname ("Ortiz" -> "Ana Ortiz"), by acronym ("NMF" <-> "Nordic Monitoring
Force"), by apposition ("the Lima Accord, a five-point roadmap") and by a shorter
common-noun form ("the border monitoring mission" -> "the Andean Border
Monitoring Mission"). Pronouns and definite descriptions are resolved later, when a
relation needs them (see resolve.py).
"""

from __future__ import annotations

import re

from kg.extract.clusters import Cluster, UnionFind
from kg.extract.lexicon import GazetteerEntry, gazetteer, lexicon, norm
from kg.extract.link_descriptions import link_descriptions, named_nearby
from kg.extract.mentions import Mention, acronym_fits
from kg.extract.name_parts import join_name_parts, unknown_kind
from kg.extract.phrases.titles import complement_end, is_honorific, title_data, title_label
from kg.extract.syntax.tree import tree
from kg.extract.words import reporting_subject


def _entry(m: Mention) -> GazetteerEntry | None:
    gaz = gazetteer()
    if m.label == "NORP":
        return gaz.by_demonym.get(m.key) or gaz.by_name.get(m.key)
    entry = gaz.by_name.get(m.key)
    if entry is None:
        return None
    if (m.label == "PERSON") != (entry.cls == "Person"):
        return None
    return entry


def initials(text: str) -> str:
    small = title_data().small_words
    words = [w for w in re.split(r"[\s\-]+", text) if w and w.lower() not in small]
    return "".join(w[0] for w in words if w[0].isalpha()).upper()


def _is_acronym(text: str) -> bool:
    return 2 <= len(text) <= 7 and text.replace(".", "").isupper() and text.isalpha()


def link(mentions: list[Mention], text: str, docs: list) -> list[Cluster]:
    """Group mentions into clusters; each cluster gets a class and a canonical label.
    Descriptions ("a ceasefire", "the summit") are linked last, in text order
    (`link_descriptions`)."""
    descriptions = [m for m in mentions if m.label == "DESC"]
    clusters = _link_names([m for m in mentions if m.label != "DESC"], text, docs)
    link_descriptions(mentions, descriptions, clusters, docs)
    _named_descriptions(mentions, clusters, docs)
    return clusters


def _named_descriptions(mentions: list[Mention], clusters: list[Cluster], docs: list) -> None:
    """ "Named Iron Tide, the exercise will run in May": the name a naming participle
    (lexicon `naming_verbs`) gives before its clause is the name of the clause's subject, a
    description or common-noun phrase, as is the name a naming participle after a description
    gives it ("the operation, known as Sea Guard"); the name's mentions join that entity, which
    takes the name as its label (the recognizer may have read the name as a person's)."""
    verbs = lexicon().naming_verbs
    at_head = {(m.block, m.head): m for m in mentions if m.cluster >= 0}
    for m in mentions:
        if m.cluster < 0 or m.label in ("DESC", "COMMON", "POSITION"):
            continue
        tok = docs[m.block][m.head]
        described = _given_name_of(tok, at_head, m.block)
        if described is None:
            verb = tok.head
            if tok.dep_ not in ("oprd", "attr", "dobj") or verb.lemma_.lower() not in verbs:
                continue
            if verb.dep_ != "advcl" or verb.tag_ != "VBN" or verb.i > tok.i:
                continue
            subjects = [c for c in verb.head.children if c.dep_ in ("nsubj", "nsubjpass")]
            described = at_head.get((m.block, subjects[0].i)) if subjects else None
        if described is None or described.label not in ("DESC", "COMMON"):
            continue
        name, target = clusters[m.cluster], clusters[described.cluster]
        if name.id == target.id or name.entry is not None:
            continue
        for other in name.mentions:
            other.cluster = target.id
            target.mentions.append(other)
        name.mentions = []
        target.label = m.text


def _given_name_of(tok, at_head: dict, block: int) -> Mention | None:
    """ "the operation, known as Sea Guard", "a trade pact, called the Velmar Accord": the
    description (or common-noun phrase) a participle of naming after it (lexicon
    `alias_participles`) gives the name to, so that what the text says of the description,
    here or in a later sentence ("the operation is commanded by X"), is said of the name."""
    participle = tok.head
    if tok.dep_ == "pobj" and participle.lower_ == "as":
        participle = participle.head
    elif tok.dep_ not in ("oprd", "attr"):
        return None
    if participle.dep_ != "acl" or participle.tag_ != "VBN" or participle.i > tok.i:
        return None
    if participle.lemma_.lower() not in lexicon().alias_participles:
        return None
    noun = participle.head
    found = at_head.get((block, noun.i))
    if found is None:  # "the operation": the description named before that it refers back to
        found = _described_by(noun, at_head, block)
    return found if found is not None and found.label in ("DESC", "COMMON") else None


def _described_by(noun, at_head: dict, block: int) -> Mention | None:
    """For a definite anaphor (lexicon `anaphors`) that is no mention itself, the last
    description or common-noun phrase before it of the anaphor's class with the anaphor's
    word ("the Velmar Union's naval operation ... the operation")."""
    lex = lexicon()
    word = noun.lemma_.lower()
    cls = lex.anaphors.get(word)
    if cls is None or not any(c.lower_ in lex.anaphor_determiners for c in noun.children):
        return None
    before = [
        m
        for (b, head), m in at_head.items()
        if (b, head) < (block, noun.i)
        and m.label in ("DESC", "COMMON")
        and m.cls == cls
        and word in m.text.lower().split()
    ]
    return max(before, key=lambda m: (m.block, m.head), default=None)


def _whose(title) -> bool:
    """ "The Velmar Party, whose leader, X, said": the title is the body's, not its name."""
    return any(c.lower_ == "whose" for c in title.children)


def _places_read_as_people(mentions: list[Mention]) -> None:
    """ "Niger's Prime Minister", "Slovak Foreign Minister X": NER takes some country names
    and demonyms for people. A name the gazetteer gives a country (or its demonym) is the
    country's, unless it is a word of a person's longer name in the article ("Chad Ekberg
    ... Chad said")."""
    gaz = gazetteer()
    people = {
        w
        for m in mentions
        if m.label == "PERSON" and len(m.text.split()) >= 2 and m.key not in gaz.by_name
        for w in m.key.split()
    }
    for m in mentions:
        if m.label != "PERSON" or m.key in people or set(m.key.split()) & people:
            continue
        entry = gaz.by_name.get(m.key)
        if entry is not None and entry.cls == "Country":
            m.label, m.cls = "GPE", entry.cls
            continue
        entry = gaz.by_demonym.get(m.key)
        if entry is not None and entry.cls == "Country" and m.key not in gaz.by_name:
            m.label, m.cls = "NORP", entry.cls


def _after_courtesy_title(m: Mention, doc) -> bool:
    """ "Ms Mira Solvang-Berg", "Dr Tomas Ekberg": a name after a courtesy title (lexicon
    `courtesy_titles`, written in title case: "DR Congo" is no doctor) is a person's."""
    i = m.tok_start - 1
    if i >= 0 and doc[i].text == ".":
        i -= 1
    if i < 0:
        return False
    tok = doc[i]
    return tok.is_title and tok.lower_ in lexicon().courtesy_titles


def _link_names(mentions: list[Mention], text: str, docs: list) -> list[Cluster]:
    if not mentions:
        return []
    # A name in apposition to a title is a person's ("Her spokesman, Pablo Solvang"), and so is
    # a name right after a title or after its complement and a comma ("the President of
    # the Transit Commission, Ilse Varnholt,").
    titles = {(m.block, m.head) for m in mentions if m.label == "POSITION"}
    _names_after_titles(mentions, docs)
    for m in mentions:
        if m.label in ("ORG", "GPE", "FAC") and len(m.text.split()) >= 2 and not _thing_named(m):
            tok = docs[m.block][m.head]
            if (
                (tok.dep_ == "appos" and (m.block, tok.head.i) in titles)
                or any(
                    c.dep_ == "appos"
                    and (m.block, c.i) in titles
                    and not _whose(c)
                    and not reporting_subject(c)  # "X, a spokesperson said": no apposition
                    for c in tok.children
                )
                or _after_courtesy_title(m, docs[m.block])
            ):
                m.label, m.cls = "PERSON", "Person"
    _places_read_as_people(mentions)
    u = UnionFind(len(mentions))
    entries = [_entry(m) for m in mentions]
    _defined_acronyms(mentions, entries, text)
    first: dict[tuple, int] = {}
    for i, m in enumerate(mentions):
        if m.label == "COMMON":
            # joined below, by head noun and by name; a head noun with its complement
            # written again is the same ("the meeting of foreign ministers in Norvik ... The
            # meeting of foreign ministers": the venue is cut from the name), when the later
            # one is definite ("a meeting of trade ministers in Norvik ... In June, Velmar hosted a
            # meeting ... in Port Aldo": an indefinite phrase brings in a new one of the same kind)
            if m.long and m.long != m.text and not m.owned:
                key = ("common", m.cls, norm(m.long))
                if key not in first:
                    first[key] = i
                elif m.definite:
                    u.join(first[key], i)
            continue
        key = ("gaz", entries[i].label) if entries[i] else (_group(m.cls), m.key)
        if key in first:
            u.join(first[key], i)
        else:
            first[key] = i

    # "Norland's army" and "the Norlandic Army": a country's force of one kind, one entity
    forces: dict[tuple[str, str], int] = {}
    for i, m in enumerate(mentions):
        name = m.owned if m.label == "COMMON" else m.text
        key = _force_key(name) if m.cls == "ArmedForce" and name else None
        if key is not None:
            u.join(forces.setdefault(key, i), i)

    # "NUFOR Halcyon" read as a person's or an unknown organisation's name: a name that begins
    # with an acronym the article uses for a body or a force is that one's (its operation or
    # mission name).
    acronyms = {
        m.text: i
        for i, m in enumerate(mentions)
        if _is_acronym(m.text) and m.label not in ("PERSON", "POSITION") and m.cls != "Person"
    }
    renamed: dict[str, int] = {}
    for i, m in enumerate(mentions):
        words = m.text.split()
        if (
            unknown_kind(m)
            and len(words) >= 2
            and words[0] in acronyms
            and not any(_is_acronym(w) for w in words[1:])  # "EU EOM": an acronym itself
            # "NUFOR Council on Trade and Ports": a body of its own, with a complement
            and not any(w.lower() in title_data().small_words for w in words[1:])
        ):
            j = acronyms[words[0]]
            m.label, m.cls = mentions[j].label, mentions[j].cls
            entries[i] = None
            u.join(j, i)
            renamed[norm(words[-1])] = i
    for i, m in enumerate(mentions):  # "Halcyon" alone, after "NUFOR Halcyon"
        if unknown_kind(m) and m.key in renamed:
            k = renamed[m.key]
            m.label, m.cls = mentions[k].label, mentions[k].cls
            entries[i] = None
            u.join(k, i)

    # "Operation Sea Guard ... Sea Guard", "Exercise Iron Gate ... Iron Gate": a name is also
    # written without the word of its class it begins with (lexicon `name_prefixes`), which
    # the recognizer then reads as anything (a person, a city); a name the gazetteer knows
    # stays its own.
    prefixes = lexicon().name_prefixes
    prefixed: dict[str, int] = {}
    for i, m in enumerate(mentions):
        words = m.text.split()
        if len(words) >= 2 and words[0].lower() in prefixes and m.label != "COMMON":
            prefixed.setdefault(norm(" ".join(words[1:])), i)
    for i, m in enumerate(mentions):
        k = prefixed.get(m.key) if prefixed else None
        if k is not None and entries[i] is None and m.label not in ("COMMON", "POSITION"):
            m.label, m.cls = mentions[k].label, mentions[k].cls
            u.join(k, i)

    # Surnames and first names of people named in full.
    persons: dict[str, int] = {}
    for i, m in enumerate(mentions):
        words = m.text.split()
        if m.cls == "Person" and len(words) >= 2:
            persons.setdefault(norm(words[-1]), i)
    for i, m in enumerate(mentions):
        if len(m.text.split()) == 1 and m.key in persons and m.label != "POSITION":
            u.join(persons[m.key], i)
            m.cls = "Person"
            entries[i] = None
    join_name_parts(mentions, entries, u, persons, docs)

    # Acronyms: "Long Name (LN)" and any acronym equal to a name's initials. Names are
    # indexed by initials and by where they end, so long articles stay linear.
    by_initials: dict[tuple[str, str | None], int] = {}
    ending_at: dict[int, list[int]] = {}
    for j, other in enumerate(mentions):
        if len(other.text.split()) >= 2 and other.label not in ("POSITION", "PERSON"):
            by_initials.setdefault((initials(other.text), other.cls), j)
            by_initials.setdefault((initials(other.text), None), j)
            ending_at.setdefault(other.end, []).append(j)
    commons = {(m.block, m.head): j for j, m in enumerate(mentions) if m.label == "COMMON"}
    for i, m in enumerate(mentions):
        if not _is_acronym(m.text) or entries[i]:
            continue
        found = by_initials.get((m.text.replace(".", ""), m.cls))
        if found is None and m.cls == "Organization":  # a body of no known kind: any kind
            found = by_initials.get((m.text.replace(".", ""), None))
        for j in _before_parenthesis(text, m.start, ending_at):
            named = initials(mentions[j].text) == m.text or acronym_fits(m.text, mentions[j].text)
            if named and (found is None or j < found):
                found = j
        if found is None:  # "its civilian monitoring mission in Norland (NUMM)"
            found = _described_before(docs[m.block], m, commons)
        if found is not None:
            u.join(found, i)
            m.cls = mentions[found].cls

    # Apposition between two mentions of one class; two entities the gazetteer knows apart
    # are two ("Angola, the Democratic Republic of Congo and Zambia": a list the parser
    # read as an apposition)
    by_head = {(m.block, m.head): i for i, m in enumerate(mentions)}
    for i, m in enumerate(mentions):
        if tree(docs[m.block]).dep[m.head] != "appos":
            continue  # (no Token made for most heads)
        tok = docs[m.block][m.head]
        if (m.block, tok.head.i) in by_head:
            j = by_head[(m.block, tok.head.i)]
            if (
                mentions[j].cls == m.cls
                and m.cls not in ("Person", "Position")
                and not (entries[i] and entries[j] and entries[i] is not entries[j])
                and _renames(mentions[j], m, tok)
            ):
                u.join(j, i)

    # Common-noun phrases: the words of a name ("border monitoring mission" in
    # "Andean Border Monitoring Mission"), else one entity per head noun.
    # Indexed by (class, last words) and by (block, words), so long articles stay linear.
    keys = [m.key.split() for m in mentions]
    by_suffix: dict[tuple[str | None, tuple[str, ...]], int] = {}
    by_words: dict[tuple[int, tuple[str, ...]], list[int]] = {}
    plans: dict[str, int] = {}
    named_by_head = {norm(w) for w in lexicon().named_by_head}
    by_head: dict[tuple[str | None, str], list[int]] = {}  # "Exercise Iron Gate" by "exercise"
    shorter: dict[tuple[str | None, tuple[str, ...]], int] = {}  # "working group" of "joint ..."
    for j, other in enumerate(mentions):
        if other.label == "COMMON":
            if other.cls == "Plan" and keys[j]:
                plans.setdefault(keys[j][-1], j)
            for n in range(2, len(keys[j])):
                shorter.setdefault((other.cls, tuple(keys[j][-n:])), j)
            continue
        if other.label == "POSITION":
            continue
        for n in range(1, len(keys[j]) + 1):
            by_suffix.setdefault((other.cls, tuple(keys[j][-n:])), j)
        by_words.setdefault((other.block, tuple(keys[j])), []).append(j)
        for w in set(keys[j]) & named_by_head:
            by_head.setdefault((other.cls, w), []).append(j)
    contrast = lexicon().contrast_words  # "the earlier peace agreement" is another one
    for i, m in enumerate(mentions):
        if m.label != "COMMON":
            continue
        words = keys[i]
        if m.owned:  # "the Storting's foreign affairs committee" is no other body's committee
            found = _named_by_head(mentions, by_head, m, words, docs)
            if found is not None:
                u.join(found, i)
            continue
        found = None
        if m.text == m.text.lower() and len(words) > 1 and words[0] not in contrast:
            found = by_suffix.get((m.cls, tuple(words[1:])))
            if found is not None and mentions[found].start > m.start and _has_complement(m):
                found = None  # "a peace plan drawn up by X" is not a plan named after it
        if docs[m.block][m.head].i > 0:
            for j in by_words.get((m.block, tuple(words[:-1])), []):
                # the name inside the phrase is the phrase's own ("the Norvik Accord" read
                # as "Norvik"), unless it names another kind of thing: "the Coral Forum
                # summit" is no alias of the forum, nor "the Norvik talks" of Norvik
                if mentions[j].tok_start >= m.tok_start and not _other_kind(mentions[j], m):
                    found = j if found is None else min(found, j)
                    break
        if found is None:
            found = _named_by_head(mentions, by_head, m, words, docs)
        if found is None and m.definite and not _has_complement(m) and not set(words) & contrast:
            # "a joint working group on X ... The working group": the last words of a phrase
            # named before, definite, are that phrase's entity
            earlier = shorter.get((m.cls, tuple(words)))
            found = earlier if earlier is not None and mentions[earlier].start < m.start else None
        if found is not None:
            u.join(found, i)
        elif (
            m.cls == "Plan"
            and plans.get(words[-1], i) < i
            and not (set(words) | set(keys[plans[words[-1]]])) & contrast
            # "a peace plan drawn up by X ... the Velmar Peace Plan": not the plan named later
            and not (mentions[plans[words[-1]]].qualified and m.text.istitle())
            # "a temporary tax ... a permanent tax": an indefinite one set apart by its own
            # words is another (review r13 Y3)
            and not (not m.definite and _apart(words, keys[plans[words[-1]]]))
        ):
            u.join(plans[words[-1]], i)

    groups: dict[int, list[int]] = {}
    for i in range(len(mentions)):
        groups.setdefault(u.find(i), []).append(i)
    clusters = []
    for members in sorted(groups.values(), key=lambda ms: mentions[ms[0]].start):
        ms = [mentions[i] for i in members]
        entry = next((entries[i] for i in members if entries[i]), None)
        cluster = _make_cluster(len(clusters), ms, entry, docs)
        if cluster is None:
            continue
        for m in ms:
            m.cluster = cluster.id
        clusters.append(cluster)
    return clusters


def _named_by_head(
    mentions: list[Mention], by_head: dict, m: Mention, words: list[str], docs: list
) -> int | None:
    """ "a large naval exercise ... Exercise Iron Gate": the first name after a phrase of
    two words or more with its head word, for a kind whose names carry that word (lexicon
    `named_by_head`), if it is named nearby (`named_nearby`); not "another exercise"
    (`contrast_words`)."""
    if len(words) < 2 or set(words) & lexicon().contrast_words:
        return None
    later = [j for j in by_head.get((m.cls, words[-1]), []) if mentions[j].start > m.start]
    if not later:
        return None
    first = min(later, key=lambda j: mentions[j].start)
    return first if named_nearby(m, mentions[first], mentions, docs) else None


def _names_after_titles(mentions: list[Mention], docs: list) -> None:
    """Names of two words or more that the recognizer took for an organisation or a place,
    right after a title (past courtesy words and ranks), after the title's complement and a
    comma, or right before "as" and a title, become people's names."""
    starting: dict[tuple[int, int], Mention] = {(m.block, m.tok_start): m for m in mentions}
    anchors = [(m.block, m.tok_end) for m in mentions if m.label == "POSITION"]
    wanted = lexicon().person_nouns
    for block, doc in enumerate(docs):  # "her predecessor, X", "his counterpart, X"
        lowers = tree(doc).lower  # the Tree's words: no Token object per word
        anchors += [(block, i + 1) for i, word in enumerate(lowers) if word in wanted]
    # "includes Mira Solvang as energy minister": a name right before "as" and a title
    role_preps = lexicon().role_prepositions
    for m in mentions:
        doc = docs[m.block]
        i = m.tok_end
        if (
            i + 1 >= len(doc)
            or tree(doc).lower[i] not in role_preps  # (the word after it: no Token)
            or not _person_like(m, doc)
        ):
            continue
        i += 1
        while i < len(doc) and doc[i].pos_ in ("DET", "PRON") and doc[i].lower_ != "as":
            i += 1  # "as his special envoy", "as the new minister"
        title = starting.get((m.block, i))
        if title is not None and title.label == "POSITION":
            m.label, m.cls = "PERSON", "Person"
    for block, tok_end in anchors:
        doc = docs[block]
        starts = [tok_end]

        def name_at(i: int, block: int = block) -> tuple[int, bool] | None:
            other = starting.get((block, i))
            return None if other is None else (other.tok_end, other.label == "PERSON")

        comma = complement_end(doc, tok_end, name_at)
        if comma is not None:
            starts.append(comma + 1)
        for i in starts:
            while i < len(doc):  # past courtesy words and ranks, each name of a list
                other = starting.get((block, i))
                if other is not None and other.label == "POSITION":
                    i = other.tok_end
                elif is_honorific(doc[i]):
                    i += 1
                elif other is not None and (other.label == "PERSON" or _person_like(other, doc)):
                    other.label, other.cls = "PERSON", "Person"
                    i = other.tok_end
                    if i + 1 < len(doc) and doc[i].lower_ in lexicon().coordinators:
                        i += 1
                    else:
                        break
                else:
                    break


_ACTORS_AND_PLACES = {
    "Country",
    "City",
    "Region",
    "InternationalOrganization",
    "Organization",
    "GovernmentBody",
    "PoliticalParty",
    "Person",
}


def _other_kind(name: Mention, phrase: Mention) -> bool:
    """Whether a name inside a common-noun phrase is an actor or a place of its own while
    the phrase's head makes it an event, a plan or a force, or a body of no class of its
    own (a place in "the Norlandic embassy": "the Norlandic government" is Norland)."""
    if phrase.cls == "Organization" and _group(name.cls) == "Place":
        return True  # "the Norlandic embassy", "the Southern Velmar caucus": a body of its own
    return (
        name.cls in _ACTORS_AND_PLACES
        and phrase.cls not in _ACTORS_AND_PLACES
        and name.cls != phrase.cls
        and (_entry(name) is not None or name.label in ("GPE", "NORP", "PERSON"))
    )


def _thing_named(m: Mention) -> bool:
    """A name whose last word is a mission's or a force's noun (lexicon `mission_nouns`:
    "the Sudria Mission", "the Velmar Force"): never a person's."""
    words = m.text.split()
    return len(words) >= 2 and words[-1].lower() in lexicon().mission_nouns


def _person_like(name: Mention, doc) -> bool:
    """A name of two words or more, all proper nouns, that the gazetteer does not know,
    and no mission's or force's."""
    return (
        name.label in ("ORG", "GPE", "FAC", "LOC")
        and len(name.text.split()) >= 2
        and not _thing_named(name)
        and norm(name.text) not in gazetteer().by_name
        and all(t.pos_ == "PROPN" for t in doc[name.tok_start : name.tok_end])
    )


def _renames(name: Mention, appositive: Mention, tok) -> bool:
    """Whether an appositive names the same entity again ("the alliance, NATO,"). Not a
    list the parser hung on its first name ("Norland, Velmar, Sudria and Arcadia":
    the appositive has conjuncts), nor an acronym whose letters do not fit the
    other name ("the Harbour Relief Mission in Velmar (HRMV)": the acronym stands for the
    whole name, not for the place that ends it); a description may describe an acronym
    ("NMF, the peacekeeping force on the island,")."""
    if any(c.dep_ == "conj" for c in tok.children):
        return False
    for short, full in ((appositive, name), (name, appositive)):
        letters = short.text.replace(".", "")
        if (
            _is_acronym(short.text)
            and full.label != "COMMON"
            and not (initials(full.text) == letters or acronym_fits(letters, full.text))
        ):
            return False
    return True


def _defined_acronyms(mentions: list[Mention], entries: list, text: str) -> None:
    """An acronym the article defines after a name ("the Interregional Coordination Centre
    (ICC)") is that name's throughout the article, though the gazetteer knows it as another
    body's: those mentions lose the gazetteer's entry and take the name's class (the acronyms
    are joined to their names below)."""
    ending_at: dict[int, list[int]] = {}
    for j, other in enumerate(mentions):
        if len(other.text.split()) >= 2 and other.label not in ("POSITION", "PERSON"):
            ending_at.setdefault(other.end, []).append(j)
    defined: dict[str, int] = {}
    for i, m in enumerate(mentions):
        if not _is_acronym(m.text) or entries[i] is None or m.text in defined:
            continue
        for j in _before_parenthesis(text, m.start, ending_at):
            fits = initials(mentions[j].text) == m.text or acronym_fits(m.text, mentions[j].text)
            if fits and entries[j] is None:
                defined[m.text] = j
                break
    for i, m in enumerate(mentions):
        j = defined.get(m.text, -1)
        if j >= 0 and entries[i] is not None:
            entries[i], m.cls = None, mentions[j].cls


def _described_before(doc, m: Mention, commons: dict) -> int | None:
    """An acronym in parentheses right after a common-noun phrase and its place phrase
    ("the bloc's civilian monitoring mission in Norland (NUMM)") that fits no name before it
    names that phrase: the phrase whose head the word before "(" hangs on."""
    if m.tok_start < 2 or doc[m.tok_start - 1].text != "(":
        return None
    tok = doc[m.tok_start - 2]
    for _ in range(4):  # "mission" <- "in" <- "Norland"
        found = commons.get((m.block, tok.i))
        if found is not None:
            return found
        if tok.dep_ not in ("pobj", "prep", "compound", "amod") or tok.head.i == tok.i:
            return None
        tok = tok.head
    return None


def _before_parenthesis(text: str, start: int, ending_at: dict[int, list[int]]) -> list[int]:
    """The mentions that end right before "(" when `start` follows that "(" ("Long Name (LN")."""
    p = start
    while p > 0 and text[p - 1].isspace():
        p -= 1
    if p == 0 or text[p - 1] != "(":
        return []
    p -= 1
    out = list(ending_at.get(p, []))
    while p > 0 and text[p - 1].isspace():
        p -= 1
        out += ending_at.get(p, [])
    return out


def _apart(words: list[str], other: list[str]) -> bool:
    """Whether two phrases with one head word each have words before it that the other has
    not ("temporary security tax", "permanent security tax")."""
    a, b = set(words[:-1]), set(other[:-1])
    return bool(a - b) and bool(b - a)


def _has_complement(m: Mention) -> bool:
    """A phrase completed by words of its own: a prepositional phrase ("the plan for the
    border") or a clause ("a peace plan drawn up by X", "a plan that X drew up")."""
    return m.qualified or (bool(m.long) and norm(m.long) != norm(m.text))


def _force_key(text: str) -> tuple[str, str] | None:
    """A country's force named by the country or its demonym and a force noun ("Norland's
    army", "Norlandic Army"; lexicon `force_nouns`): (the country, the noun)."""
    words = norm(text).replace("'s ", " ").split()
    gaz, nouns = gazetteer(), lexicon().force_nouns
    for n in range(1, len(words)):
        noun = " ".join(words[n:])
        if noun not in nouns:
            continue
        name = " ".join(words[:n])
        entry = gaz.by_demonym.get(name) or gaz.by_name.get(name)
        if entry is not None and entry.cls == "Country":
            return entry.label, noun
    return None


def _group(cls: str | None) -> str:
    return {"City": "Place", "Region": "Place", "Country": "Place"}.get(cls or "", cls or "")


def _make_cluster(
    cid: int, ms: list[Mention], entry: GazetteerEntry | None, docs: list = ()
) -> Cluster | None:
    gaz = gazetteer()
    if entry is not None:
        cls, label = entry.cls, entry.label
        if all(m.label == "NORP" for m in ms) and cls != "Country":
            return None
    else:
        votes: dict[str, int] = {}
        inside = _inside_phrases(ms, docs)
        for m in ms:
            # a name that only modifies the head of a phrase of the entity ("the Tovan
            # consortium" read as "Tovan", a person) votes for no class: the head names it
            if m.cls and id(m) not in inside:
                weight = {"PERSON": 3, "COMMON": 2}.get(m.label, 1)
                votes[m.cls] = votes.get(m.cls, 0) + weight
        if not votes:
            return None
        cls = max(sorted(votes), key=lambda c: votes[c])
        label = _label(ms, cls, inside)
    metonym = None
    if cls == "City":
        metonym = gaz.by_metonym.get(norm(label))
    if (
        entry is None
        and label.isupper()
        and _group(cls) == "Place"
        and (metonym or " " in label or len(label) > 7)
    ):
        label = _spelling(label, metonym)
    return Cluster(cid, cls, label, list(ms), entry, metonym)


def _spelling(label: str, metonym: GazetteerEntry | None) -> str:
    """A place written in capitals, as datelines write them ("KUALA LUMPUR"), in its usual
    spelling: the gazetteer's, else each word capitalised. One entity keeps one label
    across the articles of a build. Bodies and forces written in capitals are acronyms
    and keep them."""
    if metonym is not None:
        for name in metonym.metonyms:
            if norm(name) == norm(label):
                return name
    return " ".join(w[:1] + w[1:].lower() for w in label.split())


def _inside_phrases(ms: list[Mention], docs: list) -> set[int]:
    """The ids (`id()`) of the name mentions of an entity that lie inside one of its
    common-noun phrases before its head noun: "Karvel" in "its Karvel administration",
    "Tovan" in "the Tovan consortium" (the phrase took the name as its own: link.py, "the
    name inside the phrase is the phrase's own"). Not a name in quotes: Velk's "Open Shore"
    policies are named "Open Shore"."""
    phrases = [m for m in ms if m.label == "COMMON"]
    if not phrases:
        return set()
    names = [m for m in ms if m.label not in ("COMMON", "NORP")]
    inside = {
        id(m)
        for m in names
        if not (docs and _quoted(docs[m.block], m))
        # "the Ortiz government": a person's name before a body's head is its leader's
        and not (m.label == "PERSON" and any(p.cls == "GovernmentBody" for p in phrases))
        and any(
            p.block == m.block
            and p.tok_start <= m.tok_start
            and m.tok_end < p.tok_end
            and p.text.endswith(" " + p.text.split()[-1].lower())
            for p in phrases
        )
    }
    # only when every name of it is such a modifier: a name written on its own elsewhere
    # ("Norvik ... the Norvik summit") keeps its own class and label
    return inside if names and len(inside) == len(names) else set()


def _quoted(doc, m: Mention) -> bool:
    """Whether a mention is written between quotes."""
    before, after = m.tok_start - 1, m.tok_end
    return before >= 0 and after < len(doc) and doc[before].is_quote and doc[after].is_quote


def _label(ms: list[Mention], cls: str, inside: set[int] = frozenset()) -> str:
    if cls == "Position":
        return title_label(max((m.text for m in ms), key=len))
    names = [m for m in ms if m.label not in ("COMMON", "NORP") and not _is_acronym(m.text)]
    if inside:
        # written only inside its phrases ("the Velk administration"): named by the phrase,
        # the name alone is another name of it
        names = []
    if cls == "Person":
        names = [m for m in names if m.label == "PERSON"] or names
    if names:  # not the capitals of a dateline when the text also writes the name
        return max(names, key=lambda m: (not m.text.isupper(), len(m.text.split()), -m.start)).text
    commons = [m for m in ms if m.label == "COMMON"]
    if commons:
        best = max(commons, key=lambda m: (len(m.text.split()), -m.start))
        # a body is named with its owner ("Norland's intelligence ministry"), a bare head noun
        # by its complement ("meeting of trade ministers")
        if best.owned:
            return best.owned
        return best.long if len(best.text.split()) == 1 and best.long else best.text
    return ms[0].text
