"""Statements to a validated graph: one named graph per article, with a quarantine graph.

The flow of a batch, one module a step:
    kg.construct   statements -> the triples of each article (entity IRIs minted in order)
    kg.quarantine  validate the batch; what violates goes to the article's quarantine graph
    kg.graphs      the result: ArticleGraph per article, BuildResult per batch
    kg.outputs     the files of a build (kg.nq, kg.trig, quarantine.nq, manifest.json)
kg.pipeline runs it over a corpus in batches and adds each batch to the store (kg.store).
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import pyoxigraph as ox

from kg.construct import prepare
from kg.errors import KgError, ValidationFailed
from kg.graphs import ArticleGraph, BuildResult, BuiltBatch
from kg.identity import EntityRegistry
from kg.iri import DEFAULT_BASE, check_base
from kg.outputs import OUTPUT_FILES
from kg.quarantine import split, split_triples, validate_batch
from kg.statements import Statements

__all__ = [
    "OUTPUT_FILES",
    "ArticleGraph",
    "BuildResult",
    "EntityRegistry",
    "build",
    "write_build",
]


def build(
    statements: Sequence[Statements],
    base: str = DEFAULT_BASE,
    inputs: Sequence[dict] = (),
    strict: bool = False,
    inference: str = "none",
    registry: EntityRegistry | None = None,
    engine: str = "kg",
    nquads: str | None = None,
) -> BuildResult | BuiltBatch:
    """Build the graphs of several articles; entities with equal labels and classes merge.

    Validation (kg.shacl, the results pySHACL gives) mixes the class hierarchy into the
    data (sh:class follows rdfs:subClassOf) without materialising RDFS inferences.
    With `strict`, any violation raises ValidationFailed instead of quarantining.

    With `nquads` ("sorted" or "in order") the batch comes back as the store's bulk loader
    and the output files take it, a BuiltBatch (kg.batches.as_built's bytes, lines sorted
    and without duplicates or in the quads' order), written from the triples: no Python
    quad is made (making them and serializing them took about 0.5 ms an article).
    """
    try:
        base = check_base(base)
    except ValueError as exc:
        raise KgError(str(exc)) from None
    seen: dict[str, int] = {}
    for i, st in enumerate(statements):
        if st.article.id in seen:
            raise KgError(f"two inputs have the same article id '{st.article.id}'")
        seen[st.article.id] = i
    registry = registry or EntityRegistry(base)
    prepared = [prepare(st, registry, base) for st in statements]
    verdict = validate_batch(prepared, inference, engine)
    result: BuildResult | BuiltBatch
    if nquads is None:
        articles = [split(p, verdict, i) for i, p in enumerate(prepared)]
        result = BuildResult(base=base, articles=articles, inputs=list(inputs))
    else:
        main: list[str] = []
        quarantine: list[str] = []
        mentioned: set[str] = set()
        articles = []
        terms = _Terms()
        for i, p in enumerate(prepared):
            article, triples, q_triples = split_triples(p, verdict, i)
            articles.append(article)
            main += terms.lines(triples, p.graph)
            quarantine += terms.lines(q_triples, p.qgraph)
            # the subjects of its kgo:mentionedIn triples: each of its entities has one,
            # unless quarantined (read from the entities, not from each triple's predicate)
            mentioned.update(iri for iri in p.iris.values() if iri not in verdict.entities)
        sort = nquads == "sorted"
        result = BuiltBatch(
            base=base,
            inputs=list(inputs),
            articles=articles,
            main=_joined(main, sort),
            quarantine=_joined(quarantine, sort),
            entities=sorted(mentioned),
        )
    if strict:
        bad = [v for a in articles for v in a.violations]
        if bad:
            first = bad[0]
            raise ValidationFailed(
                f"{len(bad)} violation(s) of the shapes (--strict); first: "
                f"{first.focus_label or first.focus}: {first.message}"
            )
    return result


class _Terms:
    """The N-Triples text of a batch's terms, each term's made once (as ox.serialize
    writes it): an article's triples share their nodes (a statement's node is the subject
    of a dozen), and the vocabulary's (kg.construct._c) are shared by all.

    Keyed by the term's id(): hashing a pyoxigraph term hashes its text again each time.
    The terms are kept alive with their text, so no id is reused by another term."""

    def __init__(self) -> None:
        self.text: dict[int, str] = {}
        self.kept: list = []

    def lines(self, triples: list[tuple], graph: ox.NamedNode) -> list[str]:
        """The N-Quads lines of the triples in `graph`."""
        text, kept = self.text, self.kept
        g = str(graph)
        out = []
        for s, p, o in triples:
            a = text.get(id(s))
            if a is None:
                a = text[id(s)] = str(s)
                kept.append(s)
            b = text.get(id(p))
            if b is None:
                b = text[id(p)] = str(p)
                kept.append(p)
            c = text.get(id(o))
            if c is None:
                c = text[id(o)] = str(o)
                kept.append(o)
            out.append(f"{a} {b} {c} {g} .\n")
        return out


def _joined(lines: list[str], sort: bool) -> bytes:
    return "".join(sorted(set(lines)) if sort else lines).encode("utf-8")


def write_build(result: BuildResult, out_dir: Path | str) -> dict[str, Path]:
    """Write kg.nq, kg.trig, quarantine.nq and manifest.json, each atomically (a corpus
    build writes them batch by batch with kg.outputs.BuildWriter)."""
    from kg.outputs import BuildWriter

    writer = BuildWriter(out_dir, result.base)
    writer.add(result)
    return writer.close()
