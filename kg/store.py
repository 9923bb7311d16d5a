"""The persistent store: one pyoxigraph database, one named graph per article.

Building an article again replaces its graph (and its quarantine graph) in one SPARQL
update, so a rebuild never duplicates or loses data. Entities are shared across articles by
IRI: an entity named in ten articles is one node with ten kgo:mentionedIn.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

import pyoxigraph as ox

from kg.build import ArticleGraph, BuildResult
from kg.errors import KgError
from kg.iri import graph_iri, quarantine_graph_iri
from kg.ontology import KGO

DEFAULT_STORE = "kg-store"
TEXT_SHA = str(KGO) + "textSha256"


class StoreError(KgError):
    """A store that cannot be opened or changed."""


_PATH = re.compile(r"(?:[A-Za-z]:)?[/\\][^\s:,;()]*")
_CORRUPT = re.compile(r"\bCorruption\b|checksum mismatch|\bcorrupted\b|bad magic number")
_LOCKED = re.compile(r"\block\b|temporarily unavailable", re.I)


def describe_open_error(exc: BaseException) -> str:
    """What went wrong opening a store, in one line: corruption is named as corruption, a
    lock held by another process as a lock. RocksDB's message is read without the paths in
    it, so that a folder named "corrupt" or a "block checksum" cannot mislead."""
    text = " ".join(str(exc).split()) or type(exc).__name__
    words = _PATH.sub(" ", text)
    if _CORRUPT.search(words):
        return f"the store is corrupted ({text[:160]}); restore it from a backup or rebuild it"
    if _LOCKED.search(words):
        return "the store is in use by another process (locked); wait for it or use a snapshot"
    return f"cannot open the store ({text[:160]})"


@dataclass
class Stored:
    article_id: str
    graph: str
    replaced: bool


def _graph_block(quads: Iterable[ox.Quad]) -> str:
    return "\n".join(f"{q.subject} {q.predicate} {q.object} ." for q in quads)


class KgStore:
    """A kg store on disk (pyoxigraph / RocksDB)."""

    def __init__(self, path: str | Path, read_only: bool = False) -> None:
        self.path = Path(path)
        self.read_only = read_only
        if read_only and not self.path.exists():
            raise StoreError(f"{self.path}: no such store")
        if self.path.exists() and not self.path.is_dir():
            raise StoreError(f"{self.path}: is a file, not a store folder")
        try:
            self.store = (
                ox.Store.read_only(str(self.path)) if read_only else ox.Store(str(self.path))
            )
        except (OSError, RuntimeError, ValueError) as exc:
            raise StoreError(f"{self.path}: {describe_open_error(exc)}") from None

    # -- reading --------------------------------------------------------------------------

    def article_graphs(self) -> list[str]:
        return sorted(
            g.value for g in self.store.named_graphs() if not g.value.endswith("/quarantine")
        )

    def quads(self, quarantine: bool = False) -> Iterator[ox.Quad]:
        for q in self.store.quads_for_pattern(None, None, None, None):
            name = q.graph_name
            if (
                isinstance(name, ox.NamedNode)
                and name.value.endswith("/quarantine")
                and not quarantine
            ):
                continue
            yield q

    def text_sha(self, graph: str) -> str | None:
        for q in self.store.quads_for_pattern(
            None, ox.NamedNode(TEXT_SHA), None, ox.NamedNode(graph)
        ):
            return q.object.value
        return None

    def entity_classes(self, base: str) -> dict[str, str]:
        """IRI -> class local name of every entity in the store under `base`."""
        out = {}
        query = (
            "SELECT DISTINCT ?e ?c WHERE { GRAPH ?g { ?e a ?c ; <"
            + str(KGO)
            + "mentionedIn> ?a } }"
        )
        for row in self.store.query(query):
            iri = row["e"].value
            if iri.startswith(base):
                out[iri] = row["c"].value.rsplit("#", 1)[-1]
        return out

    # -- writing --------------------------------------------------------------------------

    def _check_text(self, article: ArticleGraph, text_sha: str, replace: bool) -> str | None:
        """The stored text digest of the article, if any; a different text is refused."""
        previous = self.text_sha(article.graph)
        if previous is not None and previous != text_sha and not replace:
            raise StoreError(
                f"article '{article.article_id}' is already in the store with a different text; "
                "give it another id, or --replace it"
            )
        return previous

    def put_article(self, article: ArticleGraph, text_sha: str, replace: bool = False) -> Stored:
        """Replace one article's graphs in a single update (all or nothing)."""
        previous = self._check_text(article, text_sha, replace)
        g, qg = article.graph, article.quarantine_graph
        if previous is None and not self.store.contains_named_graph(ox.NamedNode(g)):
            # a new article: one transactional insert, much faster than parsing an update
            try:
                self.store.extend([*article.main, *article.quarantine])
            except (OSError, RuntimeError) as exc:
                raise StoreError(
                    f"{self.path}: cannot store article '{article.article_id}': {exc}"
                ) from None
            return Stored(article.article_id, g, False)
        update = [
            f"DROP SILENT GRAPH <{g}> ;",
            f"DROP SILENT GRAPH <{qg}> ;",
            "INSERT DATA {",
            f"GRAPH <{g}> {{",
            _graph_block(article.main),
            "}",
        ]
        if article.quarantine:
            update += [f"GRAPH <{qg}> {{", _graph_block(article.quarantine), "}"]
        update.append("}")
        try:
            self.store.update("\n".join(update))
        except (OSError, SyntaxError) as exc:
            raise StoreError(
                f"{self.path}: cannot store article '{article.article_id}': {exc}"
            ) from None
        return Stored(article.article_id, g, previous is not None)

    def add_build(
        self, result: BuildResult, text_shas: dict[str, str], replace: bool = False
    ) -> list[Stored]:
        for a in result.articles:  # check every article first: a conflict changes nothing
            self._check_text(a, text_shas[a.article_id], replace)
        fresh = [
            a for a in result.articles if not self.store.contains_named_graph(ox.NamedNode(a.graph))
        ]
        if fresh:
            # New articles go in with the bulk loader (readers use snapshots, so nobody sees
            # a half-loaded batch); if it fails, their graphs are removed again.
            try:
                self.store.bulk_extend([q for a in fresh for q in (*a.main, *a.quarantine)])
            except (OSError, RuntimeError, ValueError) as exc:
                for a in fresh:
                    self.store.update(
                        f"DROP SILENT GRAPH <{a.graph}> ; DROP SILENT GRAPH <{a.quarantine_graph}>"
                    )
                raise StoreError(f"{self.path}: cannot store the articles: {exc}") from None
        done = {a.article_id for a in fresh}
        out = [Stored(a.article_id, a.graph, False) for a in fresh]
        out += [
            self.put_article(a, text_shas[a.article_id], replace=True)
            for a in result.articles
            if a.article_id not in done
        ]
        return out

    def remove(self, article_id: str, base: str) -> bool:
        g, qg = graph_iri(base, article_id), quarantine_graph_iri(base, article_id)
        if not self.store.contains_named_graph(ox.NamedNode(g)):
            raise StoreError(f"no article '{article_id}' in {self.path}")
        self.store.update(f"DROP SILENT GRAPH <{g}> ; DROP SILENT GRAPH <{qg}>")
        return True

    def snapshot(self, target: str | Path) -> Path:
        """A consistent copy for a reader (hard links where the file system allows)."""
        self.store.flush()
        self.store.backup(str(target))
        return Path(target)

    def close(self) -> None:
        if not self.read_only:
            self.store.flush()
        del self.store
