"""The property-graph view of the RDF graph, shared by every visual export and kg stats.

Nodes are entities (id = IRI, label, class, external ids, degree); edges are relations
(label, predicate IRI, relation name, modality, attribution, confidence, article). A relation
the graph asserts (a direct triple) is one edge; a claim (a statement with no direct triple:
offered, planned, possible, refused, a former holding ...) is one edge per modality, its
modality in its label, so that every export draws it apart (DOT dashes it) and
`modalities` keeps only the kinds asked for.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from dataclasses import dataclass, field

import networkx as nx
import pyoxigraph as ox

from kg.errors import KgError
from kg.extract.lexicon import norm
from kg.ontology import KGO, PROV, SCHEMA, SKOS, load_ontology

RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
RDFS_LABEL = "http://www.w3.org/2000/01/rdf-schema#label"
RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"

# Colours of the classes in every visual export (the legend shows them).
PALETTE = {
    "Person": "#e6550d",
    "Organization": "#3182bd",
    "GovernmentBody": "#6baed6",
    "ArmedForce": "#756bb1",
    "PoliticalParty": "#9ecae1",
    "NewsAgency": "#636363",
    "InternationalOrganization": "#08519c",
    "Country": "#31a354",
    "City": "#74c476",
    "Region": "#a1d99b",
    "Place": "#c7e9c0",
    "Plan": "#d6616b",
    "Position": "#fdae6b",
    "Event": "#e7ba52",
    "Article": "#bdbdbd",
    "Class": "#969696",
    "Literal": "#d9d9d9",
}


def colour(cls: str) -> str:
    if cls in PALETTE:
        return PALETTE[cls]
    return "#" + hashlib.sha256(cls.encode("utf-8")).hexdigest()[:6]


@dataclass
class Projection:
    graph: nx.MultiDiGraph
    left_out: dict[str, int] = field(default_factory=dict)


_STATEMENT_PROPERTIES = {
    RDF + "subject",
    RDF + "predicate",
    RDF + "object",
    str(KGO) + "modality",
    str(KGO) + "qualifier",
    str(KGO) + "attributedTo",
    str(KGO) + "confidence",
    str(KGO) + "sentence",
    str(PROV) + "wasDerivedFrom",
}


def _local(iri: str) -> str:
    return iri.rsplit("#", 1)[-1].rsplit("/", 1)[-1]


def project(
    quads: Iterable[ox.Quad],
    literals: bool = False,
    provenance: bool = False,
    classes_as_nodes: bool = False,
    focus: str | None = None,
    depth: int = 1,
    keep_classes: Iterable[str] = (),
    max_nodes: int | None = None,
    modalities: Iterable[str] = (),
) -> Projection:
    """Project RDF quads to a property graph; options add or drop parts of it.
    `modalities` (asserted, offered, ...) keeps only the edges of those modalities."""
    onto = load_ontology()
    wanted_modalities = set(modalities)
    unknown_modalities = wanted_modalities - set(onto.modalities)
    if unknown_modalities:
        raise KgError(
            f"unknown modality {sorted(unknown_modalities)[0]!r} "
            f"(known: {', '.join(onto.modalities)})"
        )
    relations = {r.iri: r for r in onto.relations.values()}
    entity_classes = {iri: name for name, iri in onto.classes.items()}
    labels: dict[str, str] = {}
    types: dict[str, str] = {}
    aliases: dict[str, list[str]] = {}
    same_as: dict[str, list[str]] = {}
    articles: dict[str, set[str]] = {}
    statements: dict[str, dict[str, str]] = {}
    direct: set[tuple[str, str, str]] = set()
    for q in quads:
        s, p, o = q.subject, q.predicate.value, q.object
        if not isinstance(s, ox.NamedNode):
            continue
        sv = s.value
        if p == RDFS_LABEL and isinstance(o, ox.Literal):
            labels.setdefault(sv, o.value)
        elif p == RDF_TYPE and o.value in entity_classes:
            types[sv] = entity_classes[o.value]
        elif p == str(SKOS) + "altLabel":
            aliases.setdefault(sv, []).append(o.value)
        elif p == str(SCHEMA) + "sameAs":
            same_as.setdefault(sv, []).append(o.value)
        elif p == str(KGO) + "mentionedIn":
            articles.setdefault(sv, set()).add(o.value)
        elif p in relations and isinstance(o, ox.NamedNode):
            direct.add((sv, p, o.value))
        if p == str(KGO) + "qualifier":
            st = statements.setdefault(sv, {})
            st["qualifier"] = " ".join(
                sorted({*st.get("qualifier", "").split(), _local(o.value).lower()})
            )
        elif p in _STATEMENT_PROPERTIES:
            statements.setdefault(sv, {})[_local(p)] = o.value

    g = nx.MultiDiGraph()
    for iri, cls in sorted(types.items()):
        g.add_node(
            iri,
            label=labels.get(iri, _local(iri)),
            cls=cls,
            color=colour(cls),
            external_ids=" ".join(sorted(same_as.get(iri, []))),
            aliases="; ".join(sorted(aliases.get(iri, []))),
        )
    for (s, p, o, modality, qualifiers), sts in _edge_groups(statements, direct, relations):
        if s not in g or o not in g:
            continue
        plain = modality == "Asserted" and not qualifiers
        if wanted_modalities and (
            modality.lower() not in wanted_modalities or (not plain and modality == "Asserted")
        ):
            continue
        name = _local(p)
        how = ", ".join(
            x for x in (modality.lower() if modality != "Asserted" else "", qualifiers) if x
        )
        g.add_edge(
            s,
            o,
            key=name if plain else f"{name}/{modality}/{qualifiers}".rstrip("/"),
            relation=name,
            label=relations[p].label if plain else f"{relations[p].label} ({how})",
            predicate=p,
            plain=plain,
            modality=modality,
            qualifiers=qualifiers,
            attribution="; ".join(
                sorted(
                    {
                        labels.get(x["attributedTo"], x["attributedTo"])
                        for x in sts
                        if "attributedTo" in x
                    }
                )
            ),
            confidence=max((float(x.get("confidence", 0)) for x in sts), default=1.0),
            article="; ".join(sorted({x.get("wasDerivedFrom", "") for x in sts} - {""})),
            sentence=" | ".join(sorted({x.get("sentence", "") for x in sts} - {""})),
        )
    left_out: dict[str, int] = {}
    if keep_classes:
        wanted = set(keep_classes)
        unknown = wanted - set(onto.classes)
        if unknown:
            raise KgError(
                f"unknown class {sorted(unknown)[0]!r} (known: {', '.join(onto.classes)})"
            )
        keep = {
            n for n, d in g.nodes(data=True) if any(onto.is_subclass(d["cls"], c) for c in wanted)
        }
        left_out["not of the classes asked for"] = g.number_of_nodes() - len(keep)
        g = g.subgraph(keep).copy()
    if focus is not None:
        center = find_node(g, focus)
        keep = set(nx.ego_graph(g.to_undirected(as_view=True), center, radius=depth).nodes)
        left_out["beyond the focus"] = g.number_of_nodes() - len(keep)
        g = g.subgraph(keep).copy()
    if max_nodes is not None and g.number_of_nodes() > max_nodes:
        g, dropped = _most_connected(g, max_nodes)
        left_out["less connected (--max-nodes)"] = dropped
    extra: list[
        tuple[str, str, str, str, str, str]
    ] = []  # (from, node, label, class, key, predicate)
    if provenance:
        for n in list(g.nodes):
            for art in sorted(articles.get(n, ())):
                extra.append(
                    (n, art, _local(art), "Article", "mentionedIn", str(KGO) + "mentionedIn")
                )
    if classes_as_nodes:
        for n, d in list(g.nodes(data=True)):
            if d["cls"] in onto.classes:
                extra.append((n, onto.classes[d["cls"]], d["cls"], "Class", "type", RDF_TYPE))
    if literals:
        for n, d in list(g.nodes(data=True)):
            for alias in (d.get("aliases") or "").split("; "):
                if alias:
                    extra.append(
                        (
                            n,
                            f"literal:{n}:{alias}",
                            alias,
                            "Literal",
                            "altLabel",
                            str(SKOS) + "altLabel",
                        )
                    )
    for source, node, label, cls, key, predicate in extra:
        _add_context(g, source, node, label, cls, key, predicate)
    for n in g.nodes:
        g.nodes[n]["degree"] = g.degree(n)
    return Projection(g, {k: v for k, v in left_out.items() if v})


def _edge_groups(
    statements: dict[str, dict[str, str]],
    direct: set[tuple[str, str, str]],
    relations: dict,
) -> list[tuple[tuple[str, str, str, str, str], list[dict[str, str]]]]:
    """Edges and the statements behind each, keyed (s, p, o, modality, qualifiers): a
    direct triple is one plain edge (with its asserted statements); each other statement
    joins the claim edge of its modality and qualifiers."""
    groups: dict[tuple[str, str, str, str, str], list[dict[str, str]]] = {
        (s, p, o, "Asserted", ""): [] for s, p, o in direct
    }
    for st in statements.values():
        triple = (st.get("subject", ""), st.get("predicate", ""), st.get("object", ""))
        if triple[1] not in relations:
            continue
        modality = _local(st.get("modality", "")) or "Asserted"
        qualifiers = st.get("qualifier", "")
        if modality == "Asserted" and triple in direct and not qualifiers:
            groups[(*triple, modality, "")].append(st)
        else:
            groups.setdefault((*triple, modality, qualifiers), []).append(st)
    return sorted(groups.items(), key=lambda item: item[0])


_EDGE_LABELS = {"mentionedIn": "mentioned in", "type": "type", "altLabel": "also called"}


def _add_context(
    g: nx.MultiDiGraph, source: str, node: str, label: str, cls: str, key: str, predicate: str
) -> None:
    """An optional node (an article, a class, a literal) and the edge that reaches it."""
    g.add_node(node, label=label, cls=cls, color=colour(cls), external_ids="", aliases="")
    g.add_edge(
        source,
        node,
        key=key,
        relation=key,
        label=_EDGE_LABELS[key],
        predicate=predicate,
        plain=True,
        modality="",
        qualifiers="",
        attribution="",
        confidence=1.0,
        article=node if cls == "Article" else "",
        sentence="",
    )


def find_node(g: nx.MultiDiGraph, name: str) -> str:
    """An entity by IRI, label or alias."""
    if name in g:
        return name
    key = norm(name)
    for n, d in g.nodes(data=True):
        names = [d.get("label", ""), *(d.get("aliases") or "").split("; ")]
        if any(norm(x) == key for x in names if x):
            return n
    partial = sorted(n for n, d in g.nodes(data=True) if key in norm(d.get("label", "")).split())
    if len(partial) == 1:  # "Ortiz" for "Ana Ortiz"
        return partial[0]
    raise KgError(f"no entity named {name!r} in the graph")


def _most_connected(g: nx.MultiDiGraph, n: int) -> tuple[nx.MultiDiGraph, int]:
    """The n best-connected nodes, taken from the largest components first."""
    undirected = g.to_undirected(as_view=True)
    order: list[str] = []
    for comp in sorted(nx.connected_components(undirected), key=lambda c: (-len(c), min(c))):
        order += sorted(comp, key=lambda x: (-g.degree(x), x))
    keep = set(order[:n])
    return g.subgraph(keep).copy(), g.number_of_nodes() - len(keep)


def _articles(d: dict) -> set[str]:
    return set(filter(None, d.get("article", "").split("; ")))


def mixed_positions(g: nx.MultiDiGraph) -> list[dict]:
    """Position nodes whose holders belong to different countries: for each holding, the
    countries its article gives the position (positionIn) and the holder (nationality)."""
    out = []
    for pos, d in sorted(g.nodes(data=True)):
        if d["cls"] != "Position":
            continue
        countries: set[str] = set()
        for holder, _p, h in g.in_edges(pos, data=True):
            if h.get("relation") != "holdsPosition":
                continue
            arts = _articles(h)
            for _src, dst, e in [*g.out_edges(pos, data=True), *g.out_edges(holder, data=True)]:
                if (
                    e.get("relation") in ("positionIn", "nationality")
                    and g.nodes[dst]["cls"] == "Country"
                    and _articles(e) & arts
                ):
                    countries.add(g.nodes[dst]["label"])
        if len(countries) > 1:
            out.append({"label": d["label"], "iri": pos, "countries": sorted(countries)})
    return out


def stats(g: nx.MultiDiGraph, top: int = 10) -> dict:
    """Counts by class and predicate, centralities, components, most connected entities,
    and the position nodes held for more than one country (there should be none)."""
    by_class: dict[str, int] = {}
    for _n, d in g.nodes(data=True):
        by_class[d["cls"]] = by_class.get(d["cls"], 0) + 1
    by_predicate: dict[str, int] = {}
    for _s, _o, d in g.edges(data=True):
        name = d.get("relation", "")
        by_predicate[name] = by_predicate.get(name, 0) + 1
    simple = nx.Graph(g.to_undirected(as_view=True))
    betweenness = nx.betweenness_centrality(simple) if simple.number_of_nodes() else {}
    degree = dict(simple.degree())
    components = sorted((len(c) for c in nx.connected_components(simple)), reverse=True)
    ranked = sorted(g.nodes, key=lambda n: (-degree.get(n, 0), g.nodes[n]["label"]))[:top]
    mixed = mixed_positions(g)
    return {
        "nodes": g.number_of_nodes(),
        "edges": g.number_of_edges(),
        "classes": dict(sorted(by_class.items())),
        "predicates": dict(sorted(by_predicate.items())),
        "components": {"count": len(components), "sizes": components},
        "most_connected": [
            {
                "label": g.nodes[n]["label"],
                "class": g.nodes[n]["cls"],
                "iri": n,
                "degree": degree.get(n, 0),
                "betweenness": round(betweenness.get(n, 0.0), 4),
            }
            for n in ranked
        ],
        "positions_held_for_several_countries": {"count": len(mixed), "top": mixed[:top]},
    }


def format_stats(s: dict) -> str:
    lines = [
        f"{s['nodes']} entities, {s['edges']} relations, "
        f"{s['components']['count']} connected component(s)"
    ]
    lines.append("\nclasses:")
    lines += [f"  {k:<28} {v}" for k, v in s["classes"].items()]
    lines.append("\nrelations:")
    lines += [f"  {k:<28} {v}" for k, v in s["predicates"].items()]
    lines.append("\nmost connected:")
    lines.append(f"  {'entity':<36} {'class':<16} {'degree':>6}  betweenness")
    for e in s["most_connected"]:
        lines.append(
            f"  {e['label'][:36]:<36} {e['cls'] if 'cls' in e else e['class']:<16} "
            f"{e['degree']:>6}  {e['betweenness']:.4f}"
        )
    mixed = s["positions_held_for_several_countries"]
    lines.append(f"\npositions held for more than one country: {mixed['count']}")
    lines += [f"  {m['label'][:36]:<36} {', '.join(m['countries'])}" for m in mixed["top"]]
    return "\n".join(lines)
