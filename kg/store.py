"""The persistent store: one pyoxigraph database, one named graph per article.

Building an article again replaces its graph (and its quarantine graph) in one SPARQL
update, so a rebuild never duplicates or loses data. Entities are shared across articles by
IRI: an entity named in ten articles is one node with ten kgo:mentionedIn.

Layout of a store folder (kg.layout): the pyoxigraph database of the article graphs (what
queries see, its union default graph being the whole knowledge graph), `quarantine/` a
second database with the quarantine graphs (kept out of that union), and `kg-store.json`
the base IRI the store was built with (so that no command needs --base again) and its
layout.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

import pyoxigraph as ox

from kg.errors import KgError
from kg.iri import graph_iri, quarantine_graph_iri
from kg.layout import (
    LAYOUT,
    META_FILE,
    QUARANTINE_DIR,
    MetaError,
    quarantine_apart,
    quarantine_mixed_in,
    read_meta,
    record_meta,
)
from kg.ontology import KGO

if TYPE_CHECKING:  # the store reads built graphs (kg.graphs); it never runs the builder
    from kg.graphs import ArticleGraph, BuildResult, BuiltBatch

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
            self.store = self._open(self.path)
            qpath = self.path / QUARANTINE_DIR
            self.quarantine_store: ox.Store | None = (
                self._open(qpath) if qpath.exists() or not read_only else None
            )
        except (OSError, RuntimeError, ValueError) as exc:
            raise StoreError(f"{self.path}: {describe_open_error(exc)}") from None

        if not read_only:
            try:
                self._move_legacy_quarantine()
            except BaseException:
                self.close()  # let go of the lock: the caller may report and go on
                raise

    def _open(self, path: Path) -> ox.Store:
        return ox.Store.read_only(str(path)) if self.read_only else ox.Store(str(path))

    # -- the base IRI ---------------------------------------------------------------------

    @property
    def base(self) -> str | None:
        """The base IRI the store was built with (None for an empty or kg 0.1 store)."""
        try:
            base = read_meta(self.path).get("base")
        except MetaError:
            base = 0  # not a string: reported below
        if base is not None and not isinstance(base, str):
            raise StoreError(
                f"{self.path / META_FILE}: unreadable; it should hold the store's base IRI"
            )
        return base

    def check_base(self, base: str | None) -> str | None:
        """The base to build with: the store's; a different one given is refused."""
        recorded = self.base
        if recorded is not None and base is not None and base != recorded:
            raise StoreError(
                f"{self.path} was built with the base IRI {recorded}, not {base}: "
                "leave out --base, or use another store"
            )
        return recorded or base

    def record_base(self, base: str) -> None:
        if self.base is None and not self.read_only:
            record_meta(self.path, base=base)

    # -- reading --------------------------------------------------------------------------

    def legacy_quarantine(self) -> list[ox.NamedNode]:
        """Quarantine graphs that a kg 0.1 store keeps among the article graphs. A store
        recorded in kg 0.2's layout (kg.layout) has none: the first open for writing moves
        them into `quarantine/` and records the layout only once they are all moved. Other
        stores have their graphs listed: listing decodes every graph's name, which costs a
        large store tens of MB, so it is done only when the record does not rule it out, or
        when a quarantined statement shows up among the articles all the same (a kg 0.1
        wrote into the store after it was recorded: kg.layout.quarantine_mixed_in)."""
        if quarantine_apart(self.path) and not quarantine_mixed_in(self.store):
            return []
        return [g for g in self.store.named_graphs() if g.value.endswith("/quarantine")]

    def _move_legacy_quarantine(self) -> None:
        """Move kg 0.1's quarantine graphs into `quarantine/` (each graph copied, then
        dropped), then record the layout: a move cut short is finished by the next open."""
        assert self.quarantine_store is not None
        for g in self.legacy_quarantine():
            self.quarantine_store.extend(list(self.store.quads_for_pattern(None, None, None, g)))
            self.store.update(f"DROP SILENT GRAPH <{g.value}>")
        if not quarantine_apart(self.path):
            self.quarantine_store.flush()
            self.store.flush()
            record_meta(self.path, layout=LAYOUT)

    def article_graphs(self) -> list[str]:
        return sorted(
            g.value for g in self.store.named_graphs() if not g.value.endswith("/quarantine")
        )

    def quads(self, quarantine: bool = False) -> Iterator[ox.Quad]:
        """Every quad of the article graphs (and of the quarantine graphs if asked)."""
        for q in self.store.quads_for_pattern(None, None, None, None):
            name = q.graph_name
            if (
                isinstance(name, ox.NamedNode)
                and name.value.endswith("/quarantine")
                and not quarantine
            ):
                continue  # a kg 0.1 store opened read-only
            yield q
        if quarantine and self.quarantine_store is not None:
            yield from self.quarantine_store.quads_for_pattern(None, None, None, None)

    def has_any(self, graphs: Iterable[str]) -> bool:
        """Whether any of these article graphs is stored."""
        return any(self.store.contains_named_graph(ox.NamedNode(g)) for g in graphs)

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
                self._quarantine().extend(article.quarantine)
                self.store.extend(article.main)
            except (OSError, RuntimeError) as exc:
                raise StoreError(
                    f"{self.path}: cannot store article '{article.article_id}': {exc}"
                ) from None
            return Stored(article.article_id, g, False)
        update = "\n".join(
            [
                f"DROP SILENT GRAPH <{g}> ;",
                "INSERT DATA {",
                f"GRAPH <{g}> {{",
                _graph_block(article.main),
                "}",
                "}",
            ]
        )
        try:
            quarantine = self._quarantine()
            quarantine.update(f"DROP SILENT GRAPH <{qg}>")
            quarantine.extend(article.quarantine)
            self.store.update(update)
        except (OSError, SyntaxError, RuntimeError) as exc:
            raise StoreError(
                f"{self.path}: cannot store article '{article.article_id}': {exc}"
            ) from None
        return Stored(article.article_id, g, previous is not None)

    def add_build(
        self, result: BuildResult, text_shas: dict[str, str], replace: bool = False
    ) -> list[Stored]:
        fresh = [
            a for a in result.articles if not self.store.contains_named_graph(ox.NamedNode(a.graph))
        ]
        new = {a.article_id for a in fresh}
        for a in result.articles:  # check every stored article first: a conflict changes nothing
            if a.article_id not in new:  # (a new one has no text digest to read)
                self._check_text(a, text_shas[a.article_id], replace)
        if fresh:
            # New articles go in with the bulk loader (readers use snapshots, so nobody sees
            # a half-loaded batch); if it fails, their graphs are removed again.
            try:
                self._quarantine().extend([q for a in fresh for q in a.quarantine])
                self.store.bulk_extend([q for a in fresh for q in a.main])
            except (OSError, RuntimeError, ValueError) as exc:
                for a in fresh:
                    self.store.update(f"DROP SILENT GRAPH <{a.graph}>")
                    self._quarantine().update(f"DROP SILENT GRAPH <{a.quarantine_graph}>")
                raise StoreError(f"{self.path}: cannot store the articles: {exc}") from None
        out = [Stored(a.article_id, a.graph, False) for a in fresh]
        out += [
            self.put_article(a, text_shas[a.article_id], replace=True)
            for a in result.articles
            if a.article_id not in new
        ]
        return out

    def add_built(
        self, built: BuiltBatch, text_shas: dict[str, str], replace: bool = False
    ) -> list[Stored]:
        """Add a batch a worker built (kg.batches.BuiltBatch): bulk-loaded from its N-Quads
        bytes when none of its articles is stored yet, else as add_build does it."""
        if any(self.store.contains_named_graph(ox.NamedNode(a.graph)) for a in built.articles):
            return self.add_build(built.result(), text_shas, replace=replace)
        graphs = [(a.graph, a.quarantine_graph) for a in built.articles]
        self.add_nquads(graphs, built.main, built.quarantine)
        return [Stored(a.article_id, a.graph, False) for a in built.articles]

    def add_nquads(
        self, graphs: Iterable[tuple[str, str]], main: bytes | Path, quarantine: bytes
    ) -> None:
        """Add new articles, none of whose graphs (article graph, quarantine graph) is in
        the store yet, from the N-Quads of their quads (`main` bytes, or a file of them):
        the bulk loader reads them, no Python term is made (how a cluster build stores what
        its workers send). All or nothing, as add_build."""
        graphs = list(graphs)
        for g, _qg in graphs:
            if self.store.contains_named_graph(ox.NamedNode(g)):
                raise StoreError(f"{self.path}: {g} is already stored")
        try:
            if quarantine:
                self._quarantine().load(quarantine, format=ox.RdfFormat.N_QUADS)
            # lenient: kg wrote these N-Quads, its IRIs are checked already
            if isinstance(main, Path):
                self.store.bulk_load(path=str(main), format=ox.RdfFormat.N_QUADS, lenient=True)
            elif main:
                self.store.bulk_load(main, format=ox.RdfFormat.N_QUADS, lenient=True)
        except (OSError, RuntimeError, ValueError, SyntaxError) as exc:
            for g, qg in graphs:
                self.store.update(f"DROP SILENT GRAPH <{g}>")
                self._quarantine().update(f"DROP SILENT GRAPH <{qg}>")
            raise StoreError(f"{self.path}: cannot store the articles: {exc}") from None

    def bulk_load(self) -> BulkLoad:
        """New articles gathered for one bulk load (BulkLoad)."""
        return BulkLoad(self)

    def remove(self, article_id: str, base: str) -> bool:
        g, qg = graph_iri(base, article_id), quarantine_graph_iri(base, article_id)
        if not self.store.contains_named_graph(ox.NamedNode(g)):
            raise StoreError(f"no article '{article_id}' in {self.path}")
        self._quarantine().update(f"DROP SILENT GRAPH <{qg}>")
        self.store.update(f"DROP SILENT GRAPH <{g}>")
        return True

    def _quarantine(self) -> ox.Store:
        if self.quarantine_store is None:
            raise StoreError(f"{self.path}: the store is open read-only")
        return self.quarantine_store

    def snapshot(self, target: str | Path) -> Path:
        """A consistent copy for a reader (hard links where the file system allows)."""
        if not self.read_only:
            self.store.flush()
        self.store.backup(str(target))
        if self.quarantine_store is not None:
            if not self.read_only:
                self.quarantine_store.flush()
            self.quarantine_store.backup(str(Path(target) / QUARANTINE_DIR))
        meta = self.path / META_FILE
        if meta.exists():
            (Path(target) / META_FILE).write_bytes(meta.read_bytes())
        return Path(target)

    def close(self) -> None:
        if not self.read_only:
            self.store.flush()
            if self.quarantine_store is not None:
                self.quarantine_store.flush()
        del self.store
        self.quarantine_store = None


class BulkLoad:
    """New articles gathered for one bulk load of the store, as the N-Quads of their graphs:
    those of the article graphs spooled to a temporary file (a load of several batches
    holds none of them in memory), those of the quarantine graphs (a few lines) in memory.

    Each bulk load adds files to the top level of RocksDB whose keys (hashes) overlap every
    key of the store, and at every other load a compaction rewrites the level below, the
    whole store: fewer, larger loads rewrite it fewer times. The bulk loader itself holds
    what it loads in memory."""

    def __init__(self, store: KgStore) -> None:
        self.store = store
        self.graphs: list[tuple[str, str]] = []
        self.quarantine: list[bytes] = []
        self._file: Path | None = None

    def add(self, graphs: Iterable[tuple[str, str]], main: bytes, quarantine: bytes) -> None:
        """Add new articles' graphs (article graph, quarantine graph) and their N-Quads."""
        self.graphs += graphs
        if quarantine:
            self.quarantine.append(quarantine)
        if main:
            if self._file is None:
                import tempfile

                fd, name = tempfile.mkstemp(prefix="kg-load-", suffix=".nq")
                os.close(fd)
                self._file = Path(name)
            with self._file.open("ab") as out:
                out.write(main)

    def __len__(self) -> int:
        """Articles gathered."""
        return len(self.graphs)

    def load(self) -> None:
        """Add what was gathered to the store (KgStore.add_nquads), and start again empty."""
        graphs, quarantine, main = self.graphs, b"".join(self.quarantine), self._file
        self.graphs, self.quarantine, self._file = [], [], None
        try:
            if graphs:
                self.store.add_nquads(graphs, main if main is not None else b"", quarantine)
        finally:
            if main is not None:
                main.unlink(missing_ok=True)

    def discard(self) -> None:
        """Let go of what was gathered without loading it (its spooled file removed)."""
        main, self.graphs, self.quarantine, self._file = self._file, [], [], None
        if main is not None:
            main.unlink(missing_ok=True)
