"""What the noun-phrase constructions share: the `Builder` that collects their candidates,
the positions held in an article (one per title and owner), and walks over the mentions
of a sentence."""

from __future__ import annotations

from functools import cache
from typing import TypeGuard

from kg.extract.doc_memo import sentence
from kg.extract.frames.candidates import Candidate, attribution
from kg.extract.lexicon import lexicon, norm
from kg.extract.link import Cluster
from kg.extract.mentions import Mention
from kg.extract.phrases.titles import (
    is_honorific,
    title_data,
    title_label,
)
from kg.extract.resolve import ArticleIndex, Ref
from kg.extract.syntax.tree import tree


def says_past(tokens) -> bool:
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
                sent=sentence(tok),
                modality=level,
                attributed=attribution(self.index, self.block, tok) if said else None,
                confidence=round(conf - (0.15 if s.guessed or o.guessed else 0), 3),
                method=f"construction:{method}",
                qualifiers=qualifiers,
            )
        )

    def cluster(self, m: Mention) -> Cluster:
        return self.index.clusters[m.cluster]

    def is_person(self, m: Mention | None) -> TypeGuard[Mention]:
        """Whether `m` is a mention (not None) of a person."""
        return m is not None and self.index.clusters[m.cluster].cls == "Person"

    def is_position(self, m: Mention | None) -> TypeGuard[Mention]:
        """Whether `m` is a mention (not None) of a position (a title)."""
        return m is not None and self.index.clusters[m.cluster].cls == "Position"

    def people(self, tok) -> list[Ref]:
        """The people `tok` stands for in this block (not its conjuncts')."""
        return people_of(self.index.refs(self.block, tok, with_conj=False))

    def names_person(self, i: int) -> bool:
        """Whether token `i` is in a mention of a person."""
        return self.is_person(self.index.mention_at(self.block, self.doc[i]))


def people_of(refs) -> list[Ref]:
    """The references among `refs` that stand for a person, in their order."""
    return [r for r in refs if r.cluster.cls == "Person"]


OWNER_CLASSES = (
    "Country",
    "InternationalOrganization",
    "GovernmentBody",
    "ArmedForce",
    "Organization",
    "PoliticalParty",
)


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


def _record(b: Builder, holder: Ref, position: Cluster, tok, qualifiers) -> None:
    """Keep each holding on the article's index: a successor's post is read from it."""
    start = b.index.pos(b.block, tok)
    b.index.holdings.setdefault(holder.cluster.id, []).append(
        (start, position, "former" in qualifiers)
    )


def m_cluster(b: Builder, m: Mention) -> Cluster:
    return b.index.clusters[m.cluster]


def owns(b: Builder, m: Mention) -> bool:
    c = b.cluster(m)
    return c.cls in OWNER_CLASSES or c.metonym_of is not None


def tokens_with(doc, attr: str, words: set[str] | frozenset[str]) -> list:
    """The tokens whose `attr` (LOWER, LEMMA) is one of `words` (or its capitalised form),
    found in the Tree's words (made once per Doc) with no Token made for the others."""
    forms = capitalised_forms(frozenset(words))
    t = tree(doc)
    found = t.lemma if attr == "LEMMA" else t.lower
    if forms.isdisjoint(found):  # most blocks: none of the words
        return []
    return [doc[i] for i, word in enumerate(found) if word in forms]


@cache
def capitalised_forms(words: frozenset[str]) -> frozenset[str]:
    """`words` and their capitalised forms."""
    return frozenset(f for w in words for f in (w, w.capitalize()))


def people_runs(b: Builder, sent, least: int = 2) -> list[list[Mention]]:
    """Runs of `least` people or more named one after the other ("A, B and C")."""
    runs: list[list[Mention]] = []
    current: list[Mention] = []
    i = sent.start
    while i < sent.end:
        m = b.index.mention_at(b.block, b.doc[i])
        if b.is_person(m) and m.tok_start == i:
            current.append(m)
            i = m.tok_end
            continue
        if b.doc[i].lower_ in lexicon().coordinators and current:
            i += 1
            continue
        if current and b.doc[i - 1].lower_ in lexicon().coordinators:
            # "A and the retired colonel B": a title before the next name of the list
            j = _past_title(b, i, sent.end)
            if j > i:
                i = j
                continue
        if len(current) >= least:
            runs.append(current)
        current = []
        i += 1
    if len(current) >= least:
        runs.append(current)
    return runs


def _past_title(b: Builder, i: int, end: int) -> int:
    """Past the determiner, qualifiers and title before a person's name from token `i`
    ("the retired colonel", "Deputy Minister"): the name's first token, else `i`."""
    doc, data = b.doc, title_data()
    j = i
    while j < end:
        m = b.index.mention_at(b.block, doc[j])
        if m is not None and m.tok_start == j:
            cls = b.cluster(m).cls
            if cls == "Person":
                return j if j > i else i
            if cls != "Position":
                return i
            j = m.tok_end
        elif (
            doc[j].lower_ in lexicon().strip_words
            or doc[j].lower_ in data.qualifiers
            or is_honorific(doc[j])
        ):
            j += 1
        else:
            return i
    return i


def run_from(b: Builder, i: int, end: int) -> list[Mention]:
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


def leads_its_owner(title: str, owner: Ref | None) -> bool:
    """Whether a title says its holder leads the body it is of: a leader's word, not a
    deputy's, no words of its own that name a part of the body ("Party Leader" of a party,
    "interim head" of a body; not "Chief of the Naval Staff", which leads a force, nor
    "foreign policy chief"), and an owner that is an organisation."""
    lex = lexicon()
    words = set(norm(title).split())
    if not words & lex.leader_words or {"deputy", "vice"} & words:
        return False
    if owner is None or title_data().force_leader_titles.get(bare_title(title)) is not None:
        return False
    distinctive = words - lex.generic_position_words - set(title_data().qualifiers)
    return (not distinctive or leader_title(title)) and owner.cluster.cls in (
        "ArmedForce",
        "GovernmentBody",
        "Organization",
        "PoliticalParty",
        "InternationalOrganization",
    )


def leader_title(title: str) -> bool:
    """Whether a title leads the body it is of whatever its words (titles.yaml
    `leader_titles`), its qualifiers ("interim", "acting") left out."""
    return bare_title(title) in title_data().leader_titles


def bare_title(title: str) -> str:
    """A title normalised, without its qualifiers ("interim", "acting")."""
    qualifiers = title_data().qualifiers
    return " ".join(w for w in norm(title).split() if w not in qualifiers)
