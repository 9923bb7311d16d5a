"""Relations a name states: "Nordic Union Support Mission in Ruritania" is part of the
Nordic Union and works in Ruritania, when the gazetteer knows both names; and "the
Assembly's Defence Committee", "the Border Service of the Interior Ministry": a body named
with the body it belongs to is part of it (`unit_relations`).

A name of one of the classes listed in data/patterns/frames.yaml (`name_relations`) that
begins with the name of an international organisation of the gazetteer is part of it; a
preposition of the list followed by a place the gazetteer knows ("in Ruritania")
gives the relation the list maps it to. Each relation's evidence is the sentence of the
name's first mention."""

from __future__ import annotations

from kg.extract.doc_memo import sentence
from kg.extract.frames.candidates import Candidate
from kg.extract.lexicon import frames, gazetteer, norm
from kg.extract.link import Cluster
from kg.extract.resolve import ArticleIndex, Ref
from kg.ontology import fits


def _parts(label: str, preps: dict[str, str]) -> tuple[list[str], list[tuple[str, str]]]:
    """The words before the first listed preposition, and (preposition, rest) pairs."""
    words = label.split()
    cut = [i for i, w in enumerate(words) if w.lower() in preps and i > 0]
    if not cut:
        return words, []
    pairs = []
    for n, i in enumerate(cut):
        end = cut[n + 1] if n + 1 < len(cut) else len(words)
        pairs.append((words[i].lower(), " ".join(words[i + 1 : end])))
    return words[: cut[0]], pairs


def _owner(words: list[str], classes: tuple[str, ...]):
    """The longest opening of the name that the gazetteer knows as one of `classes`."""
    gaz = gazetteer()
    for n in range(len(words) - 1, 0, -1):
        entry = gaz.by_name.get(norm(" ".join(words[:n])))
        if entry is not None and entry.cls in classes:
            return entry
    return None


def name_candidates(index: ArticleIndex) -> list[Candidate]:
    spec = frames().name_relations
    if not spec:
        return []
    classes = tuple(spec.get("classes", ()))
    owners = tuple(spec.get("owners", ()))
    preps = dict(spec.get("preps", {}))
    gaz = gazetteer()
    out: list[Candidate] = []
    for c in list(index.clusters):
        if not c.mentions or not any(fits(c.cls, k) for k in classes):
            continue
        m = c.mentions[0]
        sent = sentence(index.docs[m.block][m.head])
        head, pairs = _parts(c.label, preps)
        found: list[tuple[str, Cluster]] = []
        owner = None if _described(c) else _owner(head, owners)  # not "the EU's mission"
        if owner is not None:
            found.append(
                (spec["owner_predicate"], index.add_cluster(owner.cls, owner.label, owner))
            )
        for prep, rest in pairs:
            entry = gaz.by_name.get(norm(rest))
            if entry is not None and entry.cls in ("Country", "City", "Region"):
                found.append((preps[prep], index.add_cluster(entry.cls, entry.label, entry)))
        for predicate, obj in found:
            if obj.id == c.id:
                continue
            out.append(
                Candidate(
                    subject=Ref(c),
                    predicate=predicate,
                    object=Ref(obj),
                    block=m.block,
                    sent=sent,
                    modality="asserted",
                    attributed=None,
                    confidence=float(spec.get("confidence", 0.75)),
                    method="name",
                )
            )
    return out


def _described(c) -> bool:
    """A body named by a lower-case description, with or without its owner ("audit panel",
    "the bloc's new audit panel", labelled "bloc's new audit panel")."""
    return c.label[:1].islower() or all(m.owned and m.text[:1].islower() for m in c.mentions)


def unit_candidates(index: ArticleIndex) -> list[Candidate]:
    """ "the Assembly's Defence Committee", "its logistics directorate", "the Border Service
    of the Interior Ministry": a named body (data: frames.yaml unit_relations `classes`)
    whose possessor, or the object of `of` after its name, is another body of the `owners`
    classes is part of that body."""
    spec = frames().unit_relations
    if not spec:
        return []
    classes, owners = tuple(spec["classes"]), tuple(spec["owners"])
    out: list[Candidate] = []
    for m in index.ordered:
        c = index.clusters[m.cluster]
        if not any(fits(c.cls, k) for k in classes) or _described(c):
            continue  # a name, not a description ("the bloc's new audit panel")
        head = index.docs[m.block][m.head]
        found = [t for t in head.children if t.dep_ == "poss"]
        found += _described_owners(head, m.tok_end, spec.get("appositive_nouns", ()))
        for prep in head.children:
            if prep.dep_ == "prep" and prep.lower_ in spec["preps"] and prep.i >= m.tok_end:
                found += [t for t in prep.children if t.dep_ == "pobj"]
        for tok in found:
            for r in index.refs(m.block, tok, with_conj=False):
                if r.cluster.id == c.id or not any(fits(r.cluster.cls, k) for k in owners):
                    continue
                out.append(
                    Candidate(
                        subject=Ref(c),
                        predicate=spec["predicate"],
                        object=r,
                        block=m.block,
                        sent=sentence(head),
                        modality="asserted",
                        attributed=None,
                        confidence=float(spec.get("confidence", 0.7)),
                        method="unit-of",
                    )
                )
    return out


def _described_owners(head, end: int, nouns) -> list:
    """ "the Solvang Fund, its investment arm", "the Nordic Union's legislative body, the
    Nordic Assembly": the possessor of a noun of `nouns` in apposition to the name (or
    right after it and a comma, where the parser hangs the noun elsewhere: "the Solvang
    Fund (SF), its investment arm"; `end`: the token after the name)."""
    beside = [t for t in head.children if t.dep_ == "appos"]
    if head.dep_ == "appos":
        beside.append(head.head)
    doc = head.doc
    if end < len(doc) and doc[end].text == "(":  # an acronym in brackets
        close = next((t.i for t in doc[end : end + 6] if t.text == ")"), None)
        end = close + 1 if close is not None else end
    if end + 1 < len(doc) and doc[end].text == ",":
        beside += [t for t in doc[end + 1 : end + 6] if t.left_edge.i == end + 1]
    return [
        p
        for t in beside
        if t.lemma_.lower() in nouns and t.pos_ == "NOUN"
        for p in t.children
        if p.dep_ == "poss"
    ]
