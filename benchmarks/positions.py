"""How a corpus build names positions and what its plain triples assert.

Generates N articles (benchmarks/generate.py), extracts and builds them as `kg build` does,
and prints: position nodes, those held for more than one country (kg stats' measure: 0 is
the aim), the most connected positions, and the direct triples against the statements by
modality. Give a built graph instead (`--graph kg.nq`) to measure any build, such as one
made by an older kg.

    python benchmarks/positions.py 200
    python benchmarks/positions.py --graph build/kg.nq
"""

from __future__ import annotations

import sys
import tempfile
from collections import Counter
from pathlib import Path

import pyoxigraph as ox

HERE = Path(__file__).resolve().parent
KGO = "https://w3id.org/newskg/ontology#"
RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"


def build_corpus(n: int) -> list[ox.Quad]:
    sys.path.insert(0, str(HERE))
    from generate import write

    from kg.pipeline import build_inputs

    with tempfile.TemporaryDirectory(prefix="kg-positions-") as tmp:
        articles = Path(tmp) / "articles"
        write(n, articles)
        build_inputs([articles], Path(tmp) / "out")
        return list(ox.parse(path=str(Path(tmp) / "out" / "kg.nq"), format=ox.RdfFormat.N_QUADS))


def measure(quads: list[ox.Quad], top: int = 5) -> dict:
    from kg.graphview import mixed_positions, project
    from kg.ontology import load_ontology

    relations = {r.iri for r in load_ontology().relations.values()}
    direct = {(q.subject, q.predicate, q.object) for q in quads if q.predicate.value in relations}
    parts: dict = {}
    for q in quads:
        if q.predicate.value in (RDF + "subject", RDF + "predicate", RDF + "object"):
            parts.setdefault(q.subject, {})[q.predicate.value] = q.object
        elif q.predicate.value == KGO + "modality":
            parts.setdefault(q.subject, {})["modality"] = q.object.value.rsplit("#", 1)[1]
    behind: dict = {}
    for st in parts.values():
        triple = (st[RDF + "subject"], st[RDF + "predicate"], st[RDF + "object"])
        behind.setdefault(triple, set()).add(st["modality"])
    by_modality = Counter("+".join(sorted(behind.get(t, {"none"}))) for t in direct)
    g = project(quads).graph
    positions = [n for n, d in g.nodes(data=True) if d["cls"] == "Position"]
    ranked = sorted(positions, key=lambda n: (-g.degree(n), n))[:top]
    return {
        "direct_triples": len(direct),
        "direct_triples_by_modality_behind": dict(sorted(by_modality.items())),
        "statement_triples_by_modality": dict(
            sorted(Counter(m for ms in behind.values() for m in ms).items())
        ),
        "position_nodes": len(positions),
        "positions_held_for_several_countries": mixed_positions(g),
        "most_connected_positions": [(g.nodes[n]["label"], g.degree(n)) for n in ranked],
    }


def main(argv: list[str]) -> None:
    if argv[:1] == ["--graph"]:
        quads = list(ox.parse(path=argv[1], format=ox.RdfFormat.N_QUADS))
    else:
        quads = build_corpus(int(argv[0]) if argv else 200)
    result = measure(quads)
    mixed = result.pop("positions_held_for_several_countries")
    for key, value in result.items():
        print(f"{key}: {value}")
    print(f"positions_held_for_several_countries: {len(mixed)}")
    for m in mixed[:10]:
        print(f"  {m['label']}: {', '.join(m['countries'][:8])}")


if __name__ == "__main__":
    main(sys.argv[1:])
