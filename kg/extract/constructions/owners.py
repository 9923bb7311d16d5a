"""The country or organisation a title belongs to: "US", "Uruguay's", "of the Royal Navy"."""

from __future__ import annotations

import re
from functools import cache

from kg.extract.clusters import Cluster
from kg.extract.constructions.base import OWNER_CLASSES, Builder, leader_title
from kg.extract.lexicon import gazetteer, lexicon, norm
from kg.extract.mentions import Mention
from kg.extract.phrases.titles import title_data
from kg.extract.resolve import Ref


def _owner_before(b: Builder, end: int) -> Mention | None:
    """The owner-like mention that ends just before token `end` ("US", "Uruguay's")."""
    doc, index = b.doc, b.index
    i = end - 1
    while i >= 0 and (doc[i].tag_ == "POS" or doc[i].is_space or doc[i].dep_ == "case"):
        i -= 1
    if i < 0:
        return None
    m = index.mention_at(b.block, doc[i])
    if m is None or m.tok_end != i + 1:
        return None
    c = index.clusters[m.cluster]
    return m if c.cls in OWNER_CLASSES or c.metonym_of else None


def title_owner(b: Builder, pos: Mention, holder: Ref | None) -> tuple[Ref | None, str]:
    """The country or organisation a title belongs to: a modifier before it ("US",
    "Uruguayan", "Uruguay's") or "of X" after it; with a possessor before a modifier
    ("Britain's U.N. ambassador") the possessor, the modifier staying in the title."""
    doc, index, block = b.doc, b.index, b.block
    m = _owner_before(b, pos.tok_start)
    if m is not None:
        # "X's U.N. ambassador": a country's post at an international body is the
        # country's; but "X's Socialist Party leader" leads the party
        outer = _owner_before(b, m.tok_start)
        between = doc[outer.tok_end : m.tok_start] if outer is not None else None
        forum = index.clusters[m.cluster].cls == "InternationalOrganization"
        if forum and between is not None and any(t.tag_ == "POS" for t in between):
            return index.as_actor(Ref(index.clusters[outer.cluster])), m.text
        # "its U.N. ambassador": the possessive pronoun's country
        before = doc[m.tok_start - 1] if m.tok_start > 0 else None
        if forum and outer is None and before is not None and before.tag_ == "PRP$":
            refs = [
                r
                for r in index.refs(block, before, with_conj=False)
                if r.cluster.cls == "Country" or r.cluster.metonym_of
            ]
            if refs:  # a country's post at an international body
                return index.as_actor(refs[0]), m.text
        return index.as_actor(Ref(index.clusters[m.cluster])), ""
    head = doc[pos.head]
    for poss in (c for c in head.children if c.dep_ == "poss"):
        target = poss
        if poss.lower_ in lexicon().relative_pronouns | {"whose"}:
            verb = head
            while verb.dep_ not in ("relcl", "appos") and verb.head.i != verb.i:
                verb = verb.head
            if verb.dep_ not in ("relcl", "appos"):
                continue
            # "the party, whose leader, X, said" (a relative clause, or the title read as
            # the party's apposition)
            target = verb.head
        # "the X Party (XP), whose chairman": the name the parser left out, its acronym
        named = [target, *(c for c in target.children if c.dep_ == "appos" and c.i < head.i)]
        refs = [
            r
            for t in named
            for r in index.refs(block, t, with_conj=False)
            if r.cluster.cls in OWNER_CLASSES or r.cluster.metonym_of
        ]
        if refs:
            return index.as_actor(refs[0]), ""
        # "President X ..., and his foreign minister, Y": the owner of the possessor's post
        for r in index.refs(block, target, with_conj=False):
            owner = _post_owner(b, r, pos)
            if owner is not None:
                return owner, ""
    span = doc[pos.tok_start : pos.tok_end]
    preps = {"of", "at"}
    if doc[pos.tok_end - 1].lower_ in lexicon().speaker_titles:
        preps.add("for")  # "a spokesperson for the Velmar Alliance": the alliance's
    for tok in span:
        for prep in tok.children:
            if prep.dep_ != "prep" or prep.lower_ not in preps or prep.i < pos.tok_end:
                continue
            for pobj in prep.children:
                # "the secretary general of the NFC, Paolo Renn,": the parser may make the
                # owner a modifier of the name after the comma
                words = [pobj, *_cut_off_modifiers(pobj)]
                refs = [
                    r
                    for word in words
                    for r in index.refs(block, word, with_conj=False)
                    if r.cluster.cls not in ("Person", "Position", "Plan", "City", "Region")
                ]
                if refs:
                    return index.as_actor(refs[0]), ""
    if holder is not None:  # "Foreign Minister Ana Diaz of X"
        for tok in doc[pos.tok_end : min(len(doc), pos.tok_end + 4)]:
            m2 = index.mention_at(block, tok)
            if m2 is None or index.clusters[m2.cluster].id != holder.cluster.id:
                continue
            person = doc[m2.head]
            for prep in person.children:
                if prep.dep_ == "prep" and prep.lower_ == "of":
                    for pobj in prep.children:
                        refs = [
                            r
                            for r in index.refs(block, pobj, with_conj=False)
                            if r.cluster.cls in OWNER_CLASSES or r.cluster.metonym_of
                        ]
                        if refs:
                            return index.as_actor(refs[0]), ""
            break
        sender = _sender(b, pos)  # "represented by Foreign Minister X", "has sent X"
        if sender is not None:
            return sender, ""
        country = _reported_country(b, pos)  # "Norland will send ships, Minister X said"
        if country is not None:
            return country, ""
        home = _home_country(b, pos, holder)  # "Prime Minister X" in a story about Norland
        if home is not None:
            return home, ""
    return None, ""


def _reported_country(b: Builder, pos: Mention) -> Ref | None:
    """The country whose act or stand the titled person reports: the named subject (or the
    subject's named possessor) of the clause a reporting verb of that person governs or
    follows ("Norland will send two ships, Defence Minister X said", "Minister X told
    reporters that Norvik would not pay", "Norland's cabinet approved it, Finance Minister X
    told a news conference"). Only a title of a state's government (lexicon
    `country_speaker_titles`, no rank, no leader title of a body: "Norland has offered officers,
    Executive Secretary X said" is the bloc's officer); not a subject of several countries,
    nor a negated reporting verb."""
    doc, lex = b.doc, lexicon()
    words = norm(pos.text).split()
    if not words or words[-1] not in lex.country_speaker_titles:
        return None
    if leader_title(pos.text):
        return None
    name = doc[pos.head]
    while name.dep_ == "compound" and name.head.i != name.i:
        name = name.head
    if name.dep_ == "appos" and name.head.dep_ == "nsubj":
        name = name.head  # "the foreign minister, X, said"
    verb = name.head
    if name.dep_ != "nsubj" or verb.lemma_.lower() not in lex.reporting_verbs:
        return None
    if any(c.dep_ == "neg" for c in verb.children):
        return None
    clauses = [c for c in verb.children if c.dep_ == "ccomp"]
    if verb.dep_ in ("ccomp", "parataxis", "conj") and verb.head.i < verb.i:
        clauses.append(verb.head)  # "Norland will send ships, X said"
    for clause in clauses:
        for subj in (c for c in clause.children if c.dep_ in ("nsubj", "nsubjpass")):
            if any(c.dep_ == "conj" for c in subj.children):
                continue  # "Norland and Sudria have offered officers"
            for tok in (subj, *(c for c in subj.children if c.dep_ == "poss")):
                if tok.pos_ == "PRON" or not tok.text[:1].isupper():
                    continue  # a pronoun's or a description's country is not read here
                for r in b.index.refs(b.block, tok, with_conj=False):
                    actor = b.index.as_actor(r)
                    if actor.cluster.cls == "Country":
                        return actor
    return None


def _home_country(b: Builder, pos: Mention, holder: Ref) -> Ref | None:
    """The country of the story for a title of a state's government the text writes with no
    owner (lexicon `home_country_titles`: "Prime Minister X", "the Minister of Finance, X",
    "President of the Republic X"): the one country the article names at least
    `home_country.least` times and `home_country.ratio` times as often as any other (by its
    name, its demonym or its capital). Not a title whose words name a body ("President of the
    Bloc's Commission", titles.yaml `name_heads`), not a leader title of a body, not a holder
    the text already gave a post of another country."""
    lex = lexicon()
    words = norm(pos.text).split()
    for tok in b.doc[pos.tok_start : pos.tok_end]:  # "President of the Transition, X"
        for prep in tok.children:
            if prep.dep_ == "prep" and prep.i >= pos.tok_end and prep.lower_ in _COMPLEMENT_PREPS:
                words += norm(" ".join(t.text for t in prep.subtree)).split()
    head = next((i for i, w in enumerate(words) if w in _COMPLEMENT_PREPS), len(words))
    if not head or words[head - 1] not in lex.home_country_titles or leader_title(pos.text):
        return None
    if set(words) & title_data().name_heads:
        return None
    complement = set(words[head:]) - lex.title_joiners
    if words[head - 1] in lex.home_country_bare_heads and complement - lex.state_form_words:
        return None  # "Vice-President for Projects", "President of the Transition"
    home = _story_country(b)
    if home is None:
        return None
    for _start, position, _former in b.index.holdings.get(holder.cluster.id, ()):
        owner = b.index.clusters[position.of] if position.of is not None else None
        if owner is not None and owner.cls == "Country" and owner.id != home.id:
            return None
    return Ref(home)


_COMPLEMENT_PREPS = frozenset({"of", "for", "at", "in", "to", "on"})


def _story_country(b: Builder) -> Cluster | None:
    """The country the article is about, if one stands out (once per article): each country
    it names counted by every word the text writes for it (the gazetteer's name, aliases,
    demonyms and capitals; the mentions of one the gazetteer does not know)."""
    memo = b.index.__dict__
    if "_story_country" not in memo:
        counts: dict[int, int] = {}
        for c in b.index.clusters:
            if c.cls != "Country":
                continue
            if c.entry is None:
                counts[c.id] = counts.get(c.id, 0) + len(c.mentions)
                continue
            e = c.entry
            words = {w for w in (e.label, *e.aliases, *e.demonyms, *e.metonyms) if w}
            found = sum(len(_word_pattern(w).findall(b.index.text)) for w in words)
            counts[c.id] = max(counts.get(c.id, 0), found)
        ranked = sorted(counts.values(), reverse=True)
        least, ratio = lexicon().home_country["least"], lexicon().home_country["ratio"]
        memo["_story_country"] = None
        if ranked and ranked[0] >= least and (len(ranked) == 1 or ranked[0] >= ratio * ranked[1]):
            top = next(i for i, n in counts.items() if n == ranked[0])
            memo["_story_country"] = b.index.clusters[top]
    return memo["_story_country"]


@cache
def _word_pattern(word: str) -> re.Pattern:
    return re.compile(r"(?<![\w-])" + re.escape(word) + r"(?![\w-])")


def _sender(b: Builder, pos: Mention) -> Ref | None:
    """The country or body that sends the titled person (lexicon `sending_verbs`): the
    patient of "Norland will be represented by Foreign Minister X" or of "Norland,
    represented by X,", the delegation's country in "the Norlandic delegation is led by X",
    the subject of "Norvik has sent Deputy Foreign Minister X"."""
    lex = lexicon()
    name = b.doc[pos.head]
    while name.dep_ == "compound" and name.head.i != name.i:
        name = name.head
    verb, patient = name.head, None
    if name.dep_ == "pobj" and verb.dep_ == "agent":
        verb = verb.head
        if verb.lemma_ not in lex.sending_verbs.get("by", ()):
            return None
        patients = [c for c in verb.children if c.dep_ == "nsubjpass"]
        if not patients and verb.dep_ in ("acl", "relcl"):
            patients = [verb.head]
        if not patients:
            return None
        patient = patients[0]
        if verb.lemma_ != "represent":  # "the Norlandic delegation is led by X"
            if patient.lower_ not in lex.representative_nouns:
                return None
            return _owner_among(b, [c for c in patient.children if c.dep_ in _MODIFIERS])
    elif name.dep_ == "dobj" and verb.lemma_ in lex.sending_verbs.get("object", ()):
        patient = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if patient is None:
        return None
    return _owner_among(b, [patient])


_MODIFIERS = ("amod", "compound", "poss", "nmod")


def _owner_among(b: Builder, tokens: list) -> Ref | None:
    for tok in tokens:
        for r in b.index.refs(b.block, tok, with_conj=False):
            if r.cluster.cls in OWNER_CLASSES or r.cluster.metonym_of:
                return b.index.as_actor(r)
    return None


def _post_owner(b: Builder, person: Ref, pos: Mention) -> Ref | None:
    """The country or body of the current post a person held before `pos` (the last one
    read with an owner), for a title that person possesses ("his foreign minister")."""
    if person.cluster.cls != "Person":
        return None
    index = b.index
    here = index.pos(b.block, b.doc[pos.tok_start])
    owned = [
        index.clusters[position.of]
        for start, position, former in index.holdings.get(person.cluster.id, ())
        if start < here and not former and position.of is not None
    ]
    return index.as_actor(Ref(owned[-1])) if owned else None


def owner_of_words(b: Builder, tokens: list) -> Ref | None:
    """The country or organisation a few words name ("Norlandic", "Sudria", "the Senate")."""
    for tok in tokens:
        m = b.index.mention_at(b.block, tok)
        if m is not None:
            c = b.cluster(m)
            if c.cls in OWNER_CLASSES or c.metonym_of:
                return Ref(c)
    entry = gazetteer().by_demonym.get(norm(" ".join(t.text for t in tokens)))
    if entry is not None:
        return Ref(b.index.add_cluster(entry.cls, entry.label, entry))
    return None


def _cut_off_modifiers(tok) -> list:
    """The modifiers of a word that a comma parts from it ("the NFC, Paolo Renn" parsed as
    one phrase): another phrase, not a part of the word's name."""
    doc = tok.doc
    return [
        c
        for c in tok.children
        if c.dep_ in ("nmod", "compound", "amod")
        and c.i < tok.i
        and any(t.text == "," for t in doc[c.i + 1 : tok.i])
    ]
