"""Relations stated by the shape of a noun phrase, not by a verb:

- a title before a name ("Foreign Minister Ana Ortiz") or in apposition ("Uruguay's army
  chief, Luis Vera"), or a role ("the role of national security adviser", "as minister");
- the country or organisation a title belongs to ("US Secretary of State", "X's army chief",
  "commandant of the Royal Navy"), and the force a military title leads;
- a possessor of a plan ("Ortiz's five-point peace plan"): who proposed it;
- a force in a place ("a monitoring force in Darfur"): where it operates;
- a person of an organisation ("Admiral X of the Royal Navy").
"""

from __future__ import annotations

import numpy

from kg.extract.frames import Candidate, attribution, modality
from kg.extract.lexicon import gazetteer, lexicon, norm
from kg.extract.link import Cluster
from kg.extract.mentions import Mention
from kg.extract.phrases.titles import (
    complement_end,
    is_honorific,
    qualifiers_of,
    title_data,
    title_label,
)
from kg.extract.resolve import ArticleIndex, Ref
from kg.extract.syntax.clauses import direct_objects, is_passive, subjects


def _past(tokens) -> bool:
    markers = lexicon().past_markers
    return any(t.lower_.strip("-") in markers for t in tokens)


class Builder:
    def __init__(self, index: ArticleIndex, block: int, doc) -> None:
        self.index, self.block, self.doc = index, block, doc
        self.out: list[Candidate] = []

    def add(
        self,
        s: Cluster | Ref,
        p: str,
        o: Cluster | Ref,
        tok,
        conf: float,
        method: str,
        level: str | None = "asserted",
        said: bool = True,
        qualifiers: tuple[str, ...] = (),
    ) -> None:
        s = s if isinstance(s, Ref) else Ref(s)
        o = o if isinstance(o, Ref) else Ref(o)
        if level is None:
            return
        if p == "holdsPosition":
            _record(self, s, o.cluster, tok, qualifiers)
        self.out.append(
            Candidate(
                subject=s,
                predicate=p,
                object=o,
                block=self.block,
                sent=tok.sent,
                modality=level,
                attributed=attribution(self.index, self.block, tok) if said else None,
                confidence=round(conf - (0.15 if s.guessed or o.guessed else 0), 3),
                method=f"construction:{method}",
                qualifiers=qualifiers,
            )
        )

    def cluster(self, m: Mention) -> Cluster:
        return self.index.clusters[m.cluster]


def construction_candidates(index: ArticleIndex, block: int, doc) -> list[Candidate]:
    b = Builder(index, block, doc)
    mentions = index.in_block.get(block, [])
    positions = [m for m in mentions if b.cluster(m).cls == "Position"]
    for pos in positions:
        _position(b, pos)
    for m in mentions:
        c = b.cluster(m)
        head = doc[m.head]
        if c.cls == "Plan":
            _plan_possessor(b, m, head)
        if c.cls == "ArmedForce":
            _force_place(b, m, head)
        if c.cls == "Person":
            _person_of(b, m, head)
    _respectively(b)
    _leadership(b)
    _succession(b)
    return b.out


def _holder(b: Builder, pos: Mention, allow_past: bool = False) -> tuple[Ref | None, str]:
    """Who holds the position named by `pos`, and by which construction."""
    doc, index, block = b.doc, b.index, b.block
    head = doc[pos.head]
    # title before a name: "Foreign Minister Ana Ortiz", "Defence Minister General Ana Ortiz"
    person = _person_at(b, pos.tok_end)
    if person is not None:
        return person, "title"
    paired = any(t.lower_ in lexicon().pairing_adverbs for t in head.sent)
    # "the Minister of X and the Minister of Y, A and B, respectively": `_respectively`
    # pairs them; an apposition would give both titles to A
    listed = (
        {b.cluster(m).id for run in _people_runs(b, head.sent) for m in run} if paired else set()
    )
    # the name after the title's complement: "the Minister of Finance of Norland, Dr Ana Ortiz"
    comma = _complement_end(b, pos)
    if comma is not None:
        person = _person_at(b, comma + 1)
        if person is not None and person.cluster.id not in listed:
            return person, "apposition"
    # apposition either way: "X's army chief, Luis Vera" / "Luis Vera, the army chief";
    # after a complement, the name may hang from its last word ("envoy for the Lakes, X")
    span_tokens = [head, *(t for t in doc[pos.tok_start : pos.tok_end] if t.i != head.i)]
    for child in (c for t in span_tokens for c in t.children):
        if child.dep_ == "appos" and not pos.tok_start <= child.i < pos.tok_end:
            refs = [
                r
                for r in index.refs(block, child, with_conj=False)
                if r.cluster.cls == "Person" and r.cluster.id not in listed
            ]
            if refs:
                return refs[0], "apposition"
    if head.dep_ == "appos":
        refs = [
            r
            for r in index.refs(block, head.head, with_conj=False)
            if r.cluster.cls == "Person" and r.cluster.id not in listed
        ]
        if refs:
            return refs[0], "apposition"
    # "as minister", "the role of national security adviser"
    prep = head.head if head.dep_ == "pobj" else None
    role_prep = prep is not None and prep.lower_ in lexicon().role_prepositions
    if role_prep and prep.i > 0 and not paired:
        # "the cabinet includes Ana Ruiz as energy minister", "the appointment of Ana Ruiz
        # of Norland as envoy": the name right before "as", or the one "as" hangs from
        # unless that one is the clause's subject or a verbless root (the appointer)
        hangs = prep.head if prep.head.dep_ not in ("ROOT", "nsubj", "nsubjpass") else None
        for tok in (t for t in (doc[prep.i - 1], hangs) if t is not None):
            m = index.mention_at(block, tok)
            if m is not None and index.clusters[m.cluster].cls == "Person":
                return Ref(index.clusters[m.cluster]), "appointed-as"
    if prep is not None and _until_now(prep):
        # "named X, until now Minister of Finance, as ...", "X was until now the chief":
        # the object, else the subject, held the post before
        verb = prep.head
        for tok in (*_appointees(verb), *subjects(verb)):
            refs = [r for r in index.refs(block, tok, with_conj=False) if r.cluster.cls == "Person"]
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
        verb = owner
        if verb.pos_ in ("VERB", "AUX"):
            lemma = verb.lemma_.lower()
            if _past([*verb.children, verb]) and not allow_past:
                return None, "past"
            if lemma in lexicon().appointment_verbs or is_passive(verb):
                # "appointed X as minister", "X was sworn in as minister"
                for obj in _appointees(verb):
                    refs = [
                        r
                        for r in index.refs(block, obj, with_conj=False)
                        if r.cluster.cls == "Person"
                    ]
                    if refs:
                        return refs[0], "appointed-as"
            for subj in subjects(verb):
                refs = [
                    r for r in index.refs(block, subj, with_conj=False) if r.cluster.cls == "Person"
                ]
                if refs:
                    return refs[0], "role"
    # "X has been named operation commander", "appointed X defence minister"
    if head.dep_ in ("oprd", "attr", "xcomp", "ccomp", "dobj") and (
        head.head.lemma_.lower() in lexicon().appointment_verbs
    ):
        verb = head.head
        for obj in direct_objects(verb):
            if obj.i == head.i:
                continue
            # "his deputy, Ana Ruiz, was appointed minister": the name in apposition
            named = [obj, *(c for c in obj.children if c.dep_ == "appos")]
            refs = [
                r
                for t in named
                for r in index.refs(block, t, with_conj=False)
                if r.cluster.cls == "Person"
            ]
            if refs:
                return refs[0], "appointed-as"
    # copula: "Ortiz is the foreign minister", "Ortiz, who became foreign minister"
    if head.dep_ == "attr" and head.head.lemma_.lower() in lexicon().copular_verbs:
        for subj in (c for c in head.head.children if c.dep_ == "nsubj"):
            refs = [
                r for r in index.refs(block, subj, with_conj=False) if r.cluster.cls == "Person"
            ]
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
            return _holder(b, first, allow_past)
    return None, ""


def _appointees(verb) -> list:
    """Who a verb names to a post: its objects, and the name the parser reads as the verb's
    predicate complement ("named X, until now minister, as ..." parses X as `oprd`)."""
    return [*direct_objects(verb), *(c for c in verb.children if c.dep_ == "oprd")]


def _until_now(prep) -> bool:
    """ "until now", "until recently" (lexicon `former_prepositions`): what follows was held
    until the time of writing."""
    words = lexicon().former_prepositions.get(prep.lower_)
    return bool(words) and any(c.lower_ in words for c in prep.children if c.dep_ == "pcomp")


def _person_at(b: Builder, i: int) -> Ref | None:
    """The person named from token `i` on, past courtesy words and other titles or ranks
    ("Dr", "Lieutenant General"): "Chief of Staff General Ana Ortiz" is Ortiz's."""
    doc, index = b.doc, b.index
    while i < len(doc):
        m = index.mention_at(b.block, doc[i])
        if m is not None and m.tok_start == i:
            cls = index.clusters[m.cluster].cls
            if cls == "Person":
                return Ref(index.clusters[m.cluster])
            if cls != "Position":
                return None
            i = m.tok_end
        elif is_honorific(doc[i]) and not doc[i].is_sent_start:
            i += 1
        else:
            return None
    return None


def _complement_end(b: Builder, pos: Mention) -> int | None:
    """The comma that ends the title's complement ("President of the Andean Bank,")."""
    index = b.index

    def name_at(i: int) -> tuple[int, bool] | None:
        m = index.mention_at(b.block, b.doc[i])
        if m is None:
            return None
        return m.tok_end, index.clusters[m.cluster].cls == "Person"

    return complement_end(b.doc, pos.tok_end, name_at)


OWNER_CLASSES = (
    "Country",
    "InternationalOrganization",
    "GovernmentBody",
    "ArmedForce",
    "Organization",
    "PoliticalParty",
)


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


def _owner(b: Builder, pos: Mention, holder: Ref | None) -> tuple[Ref | None, str]:
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
        return index.as_actor(Ref(index.clusters[m.cluster])), ""
    head = doc[pos.head]
    for poss in (c for c in head.children if c.dep_ == "poss"):
        target = poss
        if poss.lower_ in lexicon().relative_pronouns | {"whose"}:
            verb = head
            while verb.dep_ != "relcl" and verb.head.i != verb.i:
                verb = verb.head
            if verb.dep_ != "relcl":
                continue
            target = verb.head  # "the party, whose leader, X, said"
        refs = [
            r
            for r in index.refs(block, target, with_conj=False)
            if r.cluster.cls in OWNER_CLASSES or r.cluster.metonym_of
        ]
        if refs:
            return index.as_actor(refs[0]), ""
    span = doc[pos.tok_start : pos.tok_end]
    for tok in span:
        for prep in tok.children:
            if prep.dep_ != "prep" or prep.lower_ not in ("of", "at") or prep.i < pos.tok_end:
                continue
            for pobj in prep.children:
                refs = [
                    r
                    for r in index.refs(block, pobj, with_conj=False)
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
    return None, ""


def held_position(index: ArticleIndex, title: str, owner: Cluster | None) -> Cluster:
    """The position a holding is of: its bare title and the country or body it belongs to
    (the builder names it "Foreign Minister of Hungary"). One per title and owner."""
    bare = " ".join(title.split())
    key = (norm(bare), owner.id if owner is not None else None)
    # only this function makes these clusters: a dict of them, not a scan of every cluster
    held: dict[tuple[str, int | None], Cluster] = index.__dict__.setdefault("_held", {})
    if key in held:
        return held[key]
    c = index.add_cluster("Position", title_label(bare), unique=True)
    c.title = bare if any(w.isupper() and len(w) > 1 for w in bare.split()) else bare.lower()
    c.of = owner.id if owner is not None else None
    held[key] = c
    return c


def _position(b: Builder, pos: Mention) -> None:
    doc = b.doc
    if doc[pos.tok_end - 1].lower_ in title_data().role_plurals:
        _plural_title(b, pos)
        return
    qualifiers = tuple(qualifiers_of(doc, pos.tok_start, pos.tok_end))
    if _past(doc[max(0, pos.tok_start - 2) : pos.tok_end]) and "former" not in qualifiers:
        qualifiers = ("former", *qualifiers)
    holder, how = _holder(b, pos)
    if how == "past":
        qualifiers = ("former", *(q for q in qualifiers if q != "former"))
        holder, how = _holder(b, pos, allow_past=True)
    if how == "until-now" and "former" not in qualifiers:
        qualifiers = ("former", *qualifiers)
    tok = doc[pos.head]
    level = modality(tok) if how in ("role", "appointed-as") else "asserted"
    owner, prefix = _owner(b, pos, holder)
    lex = lexicon()
    title = f"{prefix} {pos.text}" if prefix else pos.text
    if owner is not None and norm(title) in lex.ranks:
        # "Uruguayan general X": the nationality is the person's
        if holder is not None and owner.cluster.cls == "Country":
            b.add(holder, "nationality", owner, tok, 0.75, "rank-nationality", said=False)
        owner = None
    if holder is None:
        return
    position = held_position(b.index, title, owner.cluster if owner else None)
    b.add(holder, "holdsPosition", position, tok, 0.9, how, level, False, qualifiers)
    if owner is not None:
        b.add(position, "positionIn", owner, tok, 0.8, "title-owner", "asserted", said=False)
    if how in ("title", "apposition"):
        _counterpart(b, pos, holder, title)
    if "former" in qualifiers:
        return
    words = set(norm(title).split())
    leader = bool(words & lex.leader_words) and not ({"deputy", "vice"} & words)
    if not leader:
        return
    # "army chief" of a country leads that country's army
    if owner is not None and owner.cluster.cls == "Country":
        for noun in lex.force_nouns:
            if set(noun.split()) <= words:
                name = f"{owner.cluster.label} {noun.title()}"
                force = b.index.add_cluster("ArmedForce", name)
                b.add(holder, "leads", force, tok, 0.8, "title-force", level)
                return
    distinctive = words - lex.generic_position_words
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
        bodies.append(c)
    if len(bodies) == 1:
        b.add(holder, "leads", bodies[0], tok, 0.6, "title-organisation", level, said=False)


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


def _counterpart(b: Builder, pos: Mention, holder: Ref, title: str) -> None:
    """ "X ... and his Peruvian counterpart, Rosa Diaz": Diaz holds X's position."""
    doc = b.doc
    start = doc[pos.head].sent.start
    for tok in doc[start : doc[pos.head].sent.end]:
        if tok.lower_ not in ("counterpart", "counterparts") or tok.i < pos.tok_end:
            continue
        people = [
            r
            for c in tok.children
            if c.dep_ == "appos"
            for r in b.index.refs(b.block, c)
            if r.cluster.cls == "Person"
        ]
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


def _plan_possessor(b: Builder, m: Mention, head) -> None:
    for child in head.children:
        if child.dep_ == "poss":
            refs = [b.index.as_actor(r) for r in b.index.refs(b.block, child, with_conj=False)]
            for r in refs:
                if r.cluster.cls not in ("Plan", "Position", "Event", "City", "Region"):
                    b.add(m_cluster(b, m), "proposedBy", r, head, 0.75, "possessor")


def m_cluster(b: Builder, m: Mention) -> Cluster:
    return b.index.clusters[m.cluster]


def _force_place(b: Builder, m: Mention, head) -> None:
    preps = [c for c in head.children if c.dep_ == "prep"]
    if head.dep_ == "pobj" and head.head.dep_ == "prep":  # "send troops for X in Y"
        preps += [c for c in head.head.head.children if c.dep_ == "prep" and c.i != head.head.i]
    for prep in preps:
        if prep.dep_ == "prep" and prep.lower_ in ("in", "for"):
            for pobj in prep.children:
                for r in b.index.refs(b.block, pobj):
                    if r.cluster.cls in ("Country", "City", "Region"):
                        b.add(
                            m_cluster(b, m),
                            "operatesIn",
                            r,
                            head,
                            0.8,
                            "force-in-place",
                            modality(head),
                        )


def _person_of(b: Builder, m: Mention, head) -> None:
    for prep in head.children:
        if prep.dep_ == "prep" and prep.lower_ == "of":
            for pobj in prep.children:
                for r in b.index.refs(b.block, pobj, with_conj=False):
                    if r.cluster.cls in (
                        "ArmedForce",
                        "GovernmentBody",
                        "Organization",
                        "PoliticalParty",
                        "InternationalOrganization",
                    ):
                        b.add(m_cluster(b, m), "worksFor", r, head, 0.75, "person-of")


def _record(b: Builder, holder: Ref, position: Cluster, tok, qualifiers) -> None:
    """Keep each holding on the article's index: a successor's post is read from it."""
    start = b.index.pos(b.block, tok)
    b.index.holdings.setdefault(holder.cluster.id, []).append(
        (start, position, "former" in qualifiers)
    )


def _post_of(b: Builder, person: Cluster, tok) -> Cluster | None:
    """The post a person is said to hold, for "X succeeds Y": the one named in the same
    sentence, else the last current one named before it."""
    holdings = b.index.holdings.get(person.id, [])
    sent = tok.sent
    lo, hi = b.index.pos(b.block, sent[0]), b.index.pos(b.block, sent[-1])
    at = b.index.pos(b.block, tok)
    here = [(start, p) for start, p, former in holdings if lo <= start <= hi and not former]
    if here:
        # the post named last before the verb ("X, a deputy director, was appointed head
        # of mission, replacing Y": head of mission), else the first after it
        before_verb = [h for h in here if h[0] < at]
        return max(before_verb, key=lambda h: h[0])[1] if before_verb else here[0][1]
    before = [(start, p) for start, p, former in holdings if start < lo and not former]
    return max(before, key=lambda x: x[0])[1] if before else None


def _succession(b: Builder) -> None:
    """ "A succeeds B", "A, appointed in May, replacing B", "A's predecessor, B": B held
    the post that A holds, and holds it no longer."""
    lex = lexicon()
    for tok in _tokens_with(b.doc, "LEMMA", lex.succession_verbs | lex.predecessor_nouns):
        lemma = tok.lemma_.lower()
        pairs: list[tuple[list, list]] = []
        if lemma in lex.succession_verbs and tok.pos_ in ("VERB", "AUX"):
            successors = subjects(tok)
            if tok.dep_ in ("advcl", "xcomp") and is_passive(tok.head):
                # "A was appointed by B in May, succeeding C": A succeeds, not B
                successors = [c for c in tok.head.children if c.dep_ == "nsubjpass"]
            pairs.append((successors, direct_objects(tok)))
        elif lemma in lex.predecessor_nouns and tok.pos_ == "NOUN":
            owners = [c for c in tok.children if c.dep_ == "poss"]
            named = [c for c in tok.children if c.dep_ == "appos"]
            if not named and tok.dep_ == "appos":
                named = [tok.head]
            pairs.append((owners, named))
        for successors, predecessors in pairs:
            for s in successors:
                for new in b.index.refs(b.block, s, with_conj=False):
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
                                    ("former",),
                                )


def _people_runs(b: Builder, sent, least: int = 2) -> list[list[Mention]]:
    """Runs of `least` people or more named one after the other ("A, B and C")."""
    runs: list[list[Mention]] = []
    current: list[Mention] = []
    i = sent.start
    while i < sent.end:
        m = b.index.mention_at(b.block, b.doc[i])
        if m is not None and m.tok_start == i and b.cluster(m).cls == "Person":
            current.append(m)
            i = m.tok_end
            continue
        if b.doc[i].lower_ in lexicon().coordinators and current:
            i += 1
            continue
        if len(current) >= least:
            runs.append(current)
        current = []
        i += 1
    if len(current) >= least:
        runs.append(current)
    return runs


def _run_from(b: Builder, i: int, end: int) -> list[Mention]:
    """The names listed from token `i` on ("Norland, Sudria and Vell")."""
    out: list[Mention] = []
    while i < end:
        m = b.index.mention_at(b.block, b.doc[i])
        if m is not None and m.tok_start == i:
            out.append(m)
            i = m.tok_end
        elif b.doc[i].lower_ in lexicon().coordinators and out:
            i += 1
        else:
            break
    return out


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


def _respectively(b: Builder) -> None:
    """ "A and B, the defence and foreign ministers respectively", "Norlandic and Sudrian
    Presidents A and B respectively", "Deputy Ministers A and B of Norland and Sudria
    respectively": the n-th person holds the n-th title, of the n-th owner."""
    doc, index = b.doc, b.index
    plurals = title_data().role_plurals
    modifiers = title_data().modifiers
    for word in _tokens_with(doc, "LOWER", lexicon().pairing_adverbs):
        sent = word.sent
        runs = _people_runs(b, sent)
        if not runs:
            continue
        people = min(runs, key=lambda r: abs(r[-1].tok_end - word.i))
        n = len(people)
        heads = [t for t in sent if t.lower_ in plurals]
        if not heads:
            _singular_titles(b, people, word)
            continue
        head = min(heads, key=lambda t: abs(t.i - people[0].tok_start))
        # the words before the plural title: shared title words, then coordinated ones
        i = head.i - 1
        while i >= sent.start and doc[i].lower_ in modifiers and doc[i].is_alpha:
            i -= 1
        shared = list(doc[i + 1 : head.i])
        j = i
        while j >= sent.start and (
            doc[j].lower_ in lexicon().coordinators
            or doc[j].tag_ == "POS"
            or (
                doc[j].is_alpha
                and doc[j].pos_ in ("ADJ", "NOUN", "PROPN")
                and doc[j].lower_ != "the"
            )
            or doc[j].like_num
        ):
            j -= 1
        before = _coordinated(list(doc[j + 1 : i + 1]))
        if shared and before and doc[i].lower_ in lexicon().coordinators and len(before) == n - 1:
            before.append(shared)  # "the defence and foreign ministers"
            shared = []
        # owners after the names: "A and B of Norland and Sudria respectively"
        after: list[Ref] = []
        k = people[-1].tok_end
        if k < sent.end and doc[k].lower_ == "of" and k + 1 < sent.end:
            after = [Ref(b.cluster(m)) for m in _run_from(b, k + 1, sent.end) if _owns(b, m)]
        titles: list[tuple[str, Ref | None]] = []
        singular = _singular(head, keep_case=True)
        if len(before) == n:
            for item in before:
                owner = _owner_of_words(b, item)
                words = [] if owner else [t.text for t in item]
                titles.append((" ".join([*words, *(t.text for t in shared), singular]), owner))
        elif len(after) == n:
            title = " ".join([*(t.text for t in shared), singular])
            titles = [(title, owner) for owner in after]
        else:
            continue
        for person, (title, owner) in zip(people, titles, strict=True):
            owner = index.as_actor(owner) if owner is not None else None
            position = held_position(index, title, owner.cluster if owner else None)
            holder = Ref(b.cluster(person))
            b.add(holder, "holdsPosition", position, head, 0.8, "respectively", said=False)
            if owner is not None:
                b.add(position, "positionIn", owner, head, 0.75, "respectively", said=False)


def _singular_titles(b: Builder, people: list[Mention], word) -> None:
    """ "A and B as finance minister and foreign minister respectively": a list of as many
    titles as people, after them (or before them); the n-th person holds the n-th title."""
    i = people[-1].tok_end
    while i < word.i and b.index.mention_at(b.block, b.doc[i]) is None:
        i += 1
    titles = _run_from(b, i, word.i)
    if not titles:
        # "the Minister of X of Norland and the Minister of Y of Sudria, A and B,
        # respectively": the last titles named before the people
        sent = word.sent
        before = sorted(
            (
                m
                for m in b.index.in_block.get(b.block, [])
                if sent.start <= m.tok_start
                and m.tok_end <= people[0].tok_start
                and b.cluster(m).cls == "Position"
            ),
            key=lambda m: m.tok_start,
        )
        titles = before[-len(people) :]
    if len(titles) != len(people) or any(b.cluster(t).cls != "Position" for t in titles):
        return
    for person, pos in zip(people, titles, strict=True):
        owner, prefix = _owner(b, pos, None)
        title = f"{prefix} {pos.text}" if prefix else pos.text
        position = held_position(b.index, title, owner.cluster if owner else None)
        head = b.doc[pos.head]
        b.add(Ref(b.cluster(person)), "holdsPosition", position, head, 0.8, "respectively")
        if owner is not None:
            b.add(position, "positionIn", owner, head, 0.75, "title-owner", said=False)


def _plural_title(b: Builder, pos: Mention) -> None:
    """ "Foreign Ministers A and B": each of the people named right after a plural title
    holds it (with "respectively", `_respectively` pairs titles and people instead)."""
    doc = b.doc
    head = doc[pos.tok_end - 1]
    if any(t.lower_ == "respectively" for t in head.sent):
        return
    runs = _people_runs(b, head.sent, least=1)
    people = next((r for r in runs if r[0].tok_start == pos.tok_end), [])
    if not people:
        return
    words = [t.text for t in doc[pos.tok_start : pos.tok_end]]
    title = " ".join([*words[:-1], _singular(head, keep_case=True)])
    owner, _prefix = _owner(b, pos, None)
    position = held_position(b.index, title, owner.cluster if owner else None)
    for person in people:
        b.add(
            Ref(b.cluster(person)), "holdsPosition", position, head, 0.8, "plural-title", said=False
        )
    if owner is not None:
        b.add(position, "positionIn", owner, head, 0.75, "title-owner", said=False)


def _singular(tok, keep_case: bool = False) -> str:
    word = tok.lemma_.lower()
    if word == tok.lower_ and word.endswith("s"):
        word = word[:-1]
    if keep_case and tok.text[:1].isupper():
        word = word[:1].upper() + word[1:]
    return word


def _owner_of_words(b: Builder, tokens: list) -> Ref | None:
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


def _owns(b: Builder, m: Mention) -> bool:
    c = b.cluster(m)
    return c.cls in OWNER_CLASSES or c.metonym_of is not None


def _leadership(b: Builder) -> None:
    """ "The agency is headed by X", "X chairs the committee", "the fleet, commanded by X":
    X holds the post of head, chair or commander of that body (lexicon `leadership_verbs`)."""
    table = lexicon().leadership_verbs
    for tok in _tokens_with(b.doc, "LEMMA", set(table)):
        titles = table.get(tok.lemma_.lower())
        if titles is None or tok.pos_ != "VERB":
            continue
        level = modality(tok)
        if level is None:
            continue
        people = [
            r for s in subjects(tok) for r in b.index.refs(b.block, s) if r.cluster.cls == "Person"
        ]
        bodies = [
            b.index.as_actor(r)
            for o in direct_objects(tok)
            for r in b.index.refs(b.block, o, with_conj=False)
            if r.cluster.cls in OWNER_CLASSES and r.cluster.cls != "Country"
        ]
        for body in bodies[:1]:
            title = titles.get(body.cluster.cls, titles["default"])
            position = held_position(b.index, title, body.cluster)
            for person in people:
                b.add(
                    person,
                    "holdsPosition",
                    position,
                    tok,
                    0.75,
                    "leadership-verb",
                    level,
                    said=False,
                )
            if people:
                b.add(position, "positionIn", body, tok, 0.75, "leadership-verb", said=False)


def _tokens_with(doc, attr: str, words: set[str] | frozenset[str]) -> list:
    """The tokens whose `attr` (LOWER, LEMMA) is one of `words` (or its capitalised form),
    found in the document's array without making a string of each token."""
    strings = doc.vocab.strings
    ids = [strings[w] for word in words for w in (word, word.capitalize())]
    found = numpy.nonzero(numpy.isin(doc.to_array(attr), numpy.array(ids, dtype="uint64")))[0]
    return [doc[int(i)] for i in found]
