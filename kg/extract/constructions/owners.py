"""The country or organisation a title belongs to: "US", "Uruguay's", "of the Royal Navy"."""

from __future__ import annotations

from kg.extract.constructions.base import OWNER_CLASSES, Builder, leader_title
from kg.extract.lexicon import gazetteer, lexicon, norm
from kg.extract.mentions import Mention
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
    return None, ""


def _reported_country(b: Builder, pos: Mention) -> Ref | None:
    """The country whose act or stand the titled person reports: the named subject (or the
    subject's named possessor) of the clause a reporting verb of that person governs or
    follows ("Norland will send two ships, Defence Minister X said", "Minister X told
    reporters that Norvik would not pay", "Norland's cabinet approved it, Finance Minister X
    told a news conference"). Only a title of a state's government (lexicon
    `country_speaker_titles`, no rank, no leader title of a body: "Norland has offered officers,
    Executive Secretary X said" is the bloc's officer, no envoy or ambassador); not a subject of
    several countries, not a clause that accuses
    or demands (lexicon `accusing_verbs`, `demanding_modals`: "Togo has massed troops on the
    border, Defence Minister X said" is no Togolese minister; review AF7), nor a negated
    reporting verb."""
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
        if clause.lemma_.lower() in lex.accusing_verbs or any(
            c.dep_ == "aux" and c.lower_ in lex.demanding_modals for c in clause.children
        ):
            continue  # "Togo has massed troops", "Togo must withdraw": a rival's doing
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
