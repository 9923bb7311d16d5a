"""Entity identity: which mentions mint corpus-wide IRIs, which stay in their article.

docs/identity.md states the policy. A name (a full name of a person, a proper name of
anything else, an entity with a verified external id) mints an IRI from its label, shared
by every article that uses it. A bare surname, a description ("the minister", "a
five-point plan") or a generic word mints an IRI inside its article's namespace, so that two
articles never merge by accident. A position is minted from its bare title and the
country or organisation it is of ("Foreign Minister of Ruritania"); with no owner it stays
in its article. An entity's `scope` overrides the policy.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from functools import cache

import rdflib
from rdflib.namespace import RDFS

from kg.iri import article_local_iri, entity_iri, homonym_iri, slug
from kg.ontology import KGO, load_ontology
from kg.statements import Entity, Relation, Statements


@dataclass(frozen=True)
class Minted:
    """What identity gives one entity of one article."""

    iri: str
    label: str
    title: str | None = None  # a position's bare title, lower case
    owner: str | None = None  # a position's owner, an entity id of the same article
    owner_from: Relation | None = None  # the statement the owner was read from, if any


def bare_title(text: str) -> str:
    """A title as one lower-case form: 'Foreign  Minister' -> 'foreign minister'."""
    return " ".join(unicodedata.normalize("NFKC", text).casefold().split())


def is_name(label: str) -> bool:
    """Whether a label is a proper name: its last word (or a hyphenated part of it) starts
    with a capital letter or a digit. 'Council of Elders', 'Group of 7' and 'Riverton Bay'
    are names; 'five-point plan', 'Riverton plan' and 'the minister' are descriptions."""
    words = label.split()
    if not words:
        return False
    last = words[-1].strip("()[]{}\"'“”‘’.,;:!?")
    return any(part[:1].isupper() or part[:1].isdigit() for part in last.split("-"))


def corpus_wide(entity: Entity) -> bool:
    """The identity policy for an entity that is not a position with an owner."""
    if entity.scope is not None:
        return entity.scope == "corpus"
    if entity.ids:
        return True
    if entity.cls == "Position" or not is_name(entity.label):
        return False
    if entity.cls == "Person":
        return len(entity.label.split()) >= 2
    return True


@cache
def position_relations() -> tuple[str, str]:
    """The relation from a holder to a position and from a position to its owner: the
    ontology's relations whose range, and whose domain, is kgo:Position."""
    rels = load_ontology().relations.values()
    (holds,) = [r.name for r in rels if r.range == "Position"]
    (owned,) = [r.name for r in rels if r.domain == "Position"]
    return holds, owned


@cache
def affiliation_predicates() -> frozenset[str]:
    """The relations that give the organisation a holder's post belongs to: kgo:worksFor and
    its sub-properties (a party membership says nothing of whose minister one is)."""
    onto = load_ontology()
    return frozenset(
        name
        for name, rel in onto.relations.items()
        if KGO.worksFor
        in set(onto.graph.transitive_objects(rdflib.URIRef(rel.iri), RDFS.subPropertyOf))
    )


def position_owner(st: Statements, position: Entity) -> tuple[str | None, Relation | None]:
    """The owner of a position: its `of`; else the one object of its asserted positionIn
    relations; else the one affiliation its holders have in the article; else none."""
    if position.of is not None:
        return position.of, None
    holds, owned = position_relations()
    stated = {
        r.object: r
        for r in st.relations
        if r.subject == position.id and r.predicate == owned and r.modality == "asserted"
    }
    if len(stated) == 1:
        return next(iter(stated.items()))
    if stated:
        return None, None
    holders = {r.subject for r in st.relations if r.predicate == holds and r.object == position.id}
    family = affiliation_predicates()
    found: dict[str, Relation] = {}
    for r in st.relations:
        if r.subject in holders and r.predicate in family and r.modality == "asserted":
            found.setdefault(r.object, r)
    if len(found) == 1:
        return next(iter(found.items()))
    return None, None


class EntityRegistry:
    """Entity IRIs for one build. Equal names of one class share an IRI across articles;
    a name already taken by another class gets the class appended after a double hyphen,
    which no label's slug contains, so it never lands on another name's IRI ("Lund" the
    plan is `lund--plan`, never the `lund-plan` of the Lund Plan)."""

    def __init__(self, base: str, known: dict[str, str] | None = None) -> None:
        """`known`: IRI -> class of entities already minted (in a store)."""
        self.base = base
        self._classes: dict[str, str] = {}
        self._labels: dict[str, str] = {}
        for iri, cls in sorted((known or {}).items()):
            if iri.startswith(base):
                self._classes.setdefault(iri[len(base) :], cls)

    def _claim(self, iri: str, cls: str) -> str:
        """`iri` if no other class has it, else its homonym IRI for `cls` (made only then)."""
        key = iri[len(self.base) :]
        if self._classes.setdefault(key, cls) == cls:
            return iri
        return homonym_iri(iri, cls)

    def iri(self, entity: Entity) -> str:
        """The corpus-wide IRI of an entity's label."""
        return self._claim(entity_iri(self.base, entity.label), entity.cls)

    def _local(self, article_id: str, label: str, cls: str) -> str:
        return self._claim(article_local_iri(self.base, article_id, label), cls)

    def mint(self, st: Statements) -> dict[str, Minted]:
        """Every entity of an article: its IRI, its label, and for a position its title
        and owner."""
        aid = st.article.id
        out: dict[str, Minted] = {}
        for e in st.entities:
            if e.cls == "Position":
                continue
            if corpus_wide(e):
                out[e.id] = Minted(self.iri(e), e.label)
            else:
                out[e.id] = Minted(self._local(aid, e.label, e.cls), e.label)
        for e in st.entities:
            if e.cls == "Position":
                out[e.id] = self._position(st, e, out)
        return out

    def _position(self, st: Statements, e: Entity, minted: dict[str, Minted]) -> Minted:
        owner, source = position_owner(st, e)
        title = e.title if e.title is not None else e.label
        if owner is None or owner not in minted:
            iri = self.iri(e) if e.scope == "corpus" else self._local(st.article.id, e.label, e.cls)
            return Minted(iri, e.label, bare_title(title))
        owner_label = minted[owner].label
        suffix = f" of {owner_label}"
        if e.title is None and e.label.casefold().endswith(suffix.casefold()):
            title = e.label[: -len(suffix)]
            label = e.label
        else:
            shown = e.label if slug(e.label) == slug(title) else title
            label = f"{shown}{suffix}"
        if e.scope == "article" or (
            e.scope is None and self._is_local(minted[owner].iri, st.article.id)
        ):
            iri = self._local(st.article.id, label, e.cls)
        else:
            qualified = Entity(id=e.id, label=f"{title}{suffix}", cls=e.cls)
            iri = self.iri(qualified)
            label = self._labels.setdefault(iri, label)
        return Minted(iri, label, bare_title(title), owner, source)

    def _is_local(self, iri: str, article_id: str) -> bool:
        return iri.startswith(article_local_iri(self.base, article_id, ""))
