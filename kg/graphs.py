"""The built graphs: what the builder makes and the store, the outputs and a cluster read.

Plain data, no behaviour beyond counting: kg.construct makes StatementQuads, kg.quarantine
splits each article into an ArticleGraph (its main and quarantine quads), kg.build returns
a BuildResult per batch, and a worker process sends a batch back as a BuiltBatch (its
N-Quads bytes, kg.batches). kg.store, kg.outputs and kg.cluster depend on these types only,
never on the builder.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING

import pyoxigraph as ox

if TYPE_CHECKING:  # a Violation is kg.validate's; importing it would load the validator
    from kg.statements import Relation
    from kg.validate import Violation

Triple = tuple  # (subject, predicate, object) of pyoxigraph terms


@dataclass
class StatementQuads:
    """The triples of one relation: its statement node and, when the article asserts it as
    holding now (`plain`), its direct triple."""

    relation: Relation
    iri: str
    direct: tuple[ox.NamedNode, ox.NamedNode, ox.NamedNode]
    node: list[Triple]  # (s, p, o) of the statement node
    plain: bool = True

    def triples(self) -> list[Triple]:
        return ([self.direct] if self.plain else []) + self.node


@dataclass
class ArticleGraph:
    """One article, built and validated: the quads of its graph, those of its quarantine
    graph, its counts and the violations that sent statements to quarantine."""

    article_id: str
    graph: str
    quarantine_graph: str
    main: list[ox.Quad] = field(default_factory=list)
    quarantine: list[ox.Quad] = field(default_factory=list)
    entities: int = 0
    relations: int = 0
    quarantined: int = 0
    violations: list[Violation] = field(default_factory=list)


@dataclass
class BuildResult:
    """A batch of built articles, with the manifest records of their inputs."""

    base: str
    articles: list[ArticleGraph]
    inputs: list[dict]

    @property
    def main_quads(self) -> list[ox.Quad]:
        return [q for a in self.articles for q in a.main]

    @property
    def quarantine_quads(self) -> list[ox.Quad]:
        return [q for a in self.articles for q in a.quarantine]

    def counts(self) -> dict[str, int]:
        return {
            "articles": len(self.articles),
            "entities": sum(a.entities for a in self.articles),
            "relations": sum(a.relations for a in self.articles),
            "quarantined": sum(a.quarantined for a in self.articles),
            "quads": len({str(q) for q in self.main_quads}),
        }


@dataclass
class BuiltBatch:
    """A batch built and validated by a worker, as it travels back."""

    base: str
    inputs: list[dict]
    articles: list[ArticleGraph]  # the numbers and violations of each; quads left out
    main: bytes  # N-Quads of the articles' graphs (lines sorted, no duplicates, if asked)
    quarantine: bytes  # the same for their quarantine graphs
    entities: list[str]  # the IRIs of the entities the graphs mention

    def result(self) -> BuildResult:
        """The BuildResult a build in one process makes, with its Python quads (for --push
        and for articles that replace stored ones): parsed only when asked."""
        main: dict[str, list[ox.Quad]] = {a.graph: [] for a in self.articles}
        quarantine: dict[str, list[ox.Quad]] = {a.quarantine_graph: [] for a in self.articles}
        for data, graphs in ((self.main, main), (self.quarantine, quarantine)):
            for q in ox.parse(data, format=ox.RdfFormat.N_QUADS):
                graphs[q.graph_name.value].append(q)
        articles = [
            replace(a, main=main[a.graph], quarantine=quarantine[a.quarantine_graph])
            for a in self.articles
        ]
        return BuildResult(base=self.base, articles=articles, inputs=list(self.inputs))
