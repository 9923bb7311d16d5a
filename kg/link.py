"""Linking across articles: entities minted apart that name the same thing.

Candidates come from the store: the same Wikidata id, a spelling variant of one name, a
surname standing alone ("Ortiz" -> "Ana Ortiz"), an acronym of a name. Each merge is
recorded in the links graph as owl:sameAs beside a kgo:Merge node with its score and
evidence; nothing is deleted, and `kg link --undo` takes a merge back. Entities of
different classes, and people whose affiliations in the store disagree, stay apart.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass

import pyoxigraph as ox

from kg.extract.lexicon import norm
from kg.extract.link import initials
from kg.iri import checked
from kg.ontology import KGO, SCHEMA
from kg.store import KgStore, StoreError

OWL_SAME_AS = "http://www.w3.org/2002/07/owl#sameAs"
AFFILIATIONS = ("worksFor", "memberOf", "leads")


@dataclass(frozen=True)
class Merge:
    iri: str
    a: str
    b: str
    score: float
    evidence: str


def links_graph(base: str) -> str:
    return checked(base + "graph/links")


def _entities(store: KgStore, base: str) -> dict[str, dict]:
    out: dict[str, dict] = {}
    q = f"""SELECT DISTINCT ?e ?c ?label ?same WHERE {{ GRAPH ?g {{
        ?e a ?c ; <http://www.w3.org/2000/01/rdf-schema#label> ?label ; <{KGO}mentionedIn> ?a .
        OPTIONAL {{ ?e <{SCHEMA}sameAs> ?same }} }} }}"""
    for row in store.store.query(q):
        iri = row["e"].value
        if not iri.startswith(base):
            continue
        item = out.setdefault(
            iri,
            {
                "cls": row["c"].value.rsplit("#", 1)[-1],
                "label": row["label"].value,
                "same": set(),
                "aff": set(),
            },
        )
        if row["same"] is not None:
            item["same"].add(row["same"].value)
    preds = " ".join(f"<{KGO}{p}>" for p in AFFILIATIONS)
    for row in store.store.query(
        f"SELECT DISTINCT ?e ?o WHERE {{ GRAPH ?g {{ ?e ?p ?o VALUES ?p {{ {preds} }} }} }}"
    ):
        if row["e"].value in out:
            out[row["e"].value]["aff"].add(row["o"].value)
    return out


def candidates(store: KgStore, base: str) -> list[Merge]:
    """Pairs of entities that name the same thing, best evidence first."""
    ents = _entities(store, base)
    found: dict[tuple[str, str], tuple[float, str]] = {}

    def propose(a: str, b: str, score: float, why: str) -> None:
        a, b = sorted((a, b))
        ea, eb = ents[a], ents[b]
        if ea["cls"] != eb["cls"]:
            return
        if ea["aff"] and eb["aff"] and not ea["aff"] & eb["aff"]:
            return  # two people of one name, in different organisations
        if (a, b) not in found or found[(a, b)][0] < score:
            found[(a, b)] = (score, why)

    by_same: dict[str, list[str]] = {}
    by_key: dict[str, list[str]] = {}
    for iri, e in ents.items():
        for same in e["same"]:
            by_same.setdefault(same, []).append(iri)
        by_key.setdefault(f"{e['cls']}|{norm(e['label'])}", []).append(iri)
    for same, iris in by_same.items():
        for i, a in enumerate(iris):
            for b in iris[i + 1 :]:
                propose(a, b, 1.0, f"same external id {same}")
    for iris in by_key.values():
        for i, a in enumerate(iris):
            for b in iris[i + 1 :]:
                propose(a, b, 0.9, "spelling variants of one name")
    full_names: dict[str, list[str]] = {}
    acronyms: dict[str, list[str]] = {}
    for iri, e in ents.items():
        words = e["label"].split()
        if e["cls"] == "Person" and len(words) >= 2:
            full_names.setdefault(norm(words[-1]), []).append(iri)
        if len(words) >= 2:
            acronyms.setdefault(f"{e['cls']}|{initials(e['label'])}", []).append(iri)
    for iri, e in ents.items():
        words = e["label"].split()
        if e["cls"] == "Person" and len(words) == 1:
            match = full_names.get(norm(words[0]), [])
            if len(match) == 1:
                propose(iri, match[0], 0.7, f"'{e['label']}' is the surname of one person")
        if len(words) == 1 and e["label"].isupper():
            match = acronyms.get(f"{e['cls']}|{e['label']}", [])
            if len(match) == 1:
                propose(iri, match[0], 0.7, f"'{e['label']}' is the acronym of one name")
    out = []
    for (a, b), (score, why) in sorted(found.items()):
        digest = hashlib.sha256(f"{a}\x1f{b}".encode()).hexdigest()[:16]
        out.append(Merge(checked(f"{base}merge/{digest}"), a, b, score, why))
    return out


def recorded(store: KgStore, base: str) -> list[Merge]:
    g = ox.NamedNode(links_graph(base))
    out = []
    for q in store.store.quads_for_pattern(None, ox.NamedNode(f"{KGO}score"), None, g):
        node = q.subject
        pair = sorted(
            x.object.value
            for x in store.store.quads_for_pattern(node, ox.NamedNode(f"{KGO}merges"), None, g)
        )
        why = next(store.store.quads_for_pattern(node, ox.NamedNode(f"{KGO}evidence"), None, g))
        out.append(Merge(node.value, pair[0], pair[1], float(q.object.value), why.object.value))
    return sorted(out, key=lambda m: m.iri)


def _quads(m: Merge, graph: ox.NamedNode) -> list[ox.Quad]:
    node, a, b = ox.NamedNode(m.iri), ox.NamedNode(m.a), ox.NamedNode(m.b)
    dec = ox.NamedNode("http://www.w3.org/2001/XMLSchema#decimal")
    return [
        ox.Quad(a, ox.NamedNode(OWL_SAME_AS), b, graph),
        ox.Quad(
            node,
            ox.NamedNode("http://www.w3.org/1999/02/22-rdf-syntax-ns#type"),
            ox.NamedNode(f"{KGO}Merge"),
            graph,
        ),
        ox.Quad(node, ox.NamedNode(f"{KGO}merges"), a, graph),
        ox.Quad(node, ox.NamedNode(f"{KGO}merges"), b, graph),
        ox.Quad(node, ox.NamedNode(f"{KGO}score"), ox.Literal(f"{m.score:g}", datatype=dec), graph),
        ox.Quad(node, ox.NamedNode(f"{KGO}evidence"), ox.Literal(m.evidence), graph),
    ]


def link(store: KgStore, base: str, min_score: float = 0.7) -> list[Merge]:
    """Record every candidate merge at or above `min_score` that is not recorded yet."""
    graph = ox.NamedNode(links_graph(base))
    have = {m.iri for m in recorded(store, base)}
    new = [m for m in candidates(store, base) if m.score >= min_score and m.iri not in have]
    store.store.extend([q for m in new for q in _quads(m, graph)])
    return new


def undo(store: KgStore, base: str, merge_iri: str) -> Merge:
    """Take a recorded merge back: its owl:sameAs and its record leave the links graph."""
    graph = ox.NamedNode(links_graph(base))
    for m in recorded(store, base):
        if m.iri == merge_iri:
            a, b = ox.NamedNode(m.a), ox.NamedNode(m.b)
            node = ox.NamedNode(m.iri)
            store.store.update(
                f"DELETE DATA {{ GRAPH {graph} {{ {a} <{OWL_SAME_AS}> {b} }} }} ;"
                f"DELETE WHERE {{ GRAPH {graph} {{ {node} ?p ?o }} }}"
            )
            return m
    raise StoreError(f"no merge {merge_iri} is recorded")
