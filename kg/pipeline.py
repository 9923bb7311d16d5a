"""The main job: inputs (article texts or statements files) to a built, validated graph,
written as files and added to the store, in batches so that memory stays flat."""

from __future__ import annotations

import dataclasses
import gc
import hashlib
import time
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager, nullcontext, suppress
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from kg.batches import batch_spans
from kg.build import build
from kg.corpus import STATEMENT_SUFFIXES, TEXT_SUFFIXES, Source, expand, read_source
from kg.errors import InputError
from kg.files import read_bytes
from kg.graphs import BuildResult, BuiltBatch
from kg.identity import EntityRegistry
from kg.iri import DEFAULT_BASE, check_base
from kg.statements import Statements, dump_statements, load_statements, text_file_problem

if TYPE_CHECKING:
    from threading import Thread

    from kg.store import BulkLoad, KgStore


def extract_file(path: Path, model: str | None = None) -> Statements:
    """Extract the statements of an article file (.txt, .md, .html)."""
    if Path(path).suffix.lower() not in TEXT_SUFFIXES:
        raise InputError(f"{path}: not an article text ({', '.join(TEXT_SUFFIXES)})")
    return load_input(Path(path), model=model)


def load_input(path: Path, model: str | None = None) -> Statements:
    """Statements from a statements file, or extracted from an article file."""
    suffix = path.suffix.lower()
    if suffix in STATEMENT_SUFFIXES:
        return load_statements(path)
    if suffix in TEXT_SUFFIXES:
        from kg.extract.pipeline import extract_many

        src = read_source(path)
        return next(extract_many([(src.text, src.article_id, src.meta)], model=model))
    raise InputError(
        f"{path}: unknown input type '{suffix or '(none)'}' "
        f"(articles: {', '.join(TEXT_SUFFIXES)}; statements: {', '.join(STATEMENT_SUFFIXES)})"
    )


@dataclass
class BuildSummary:
    articles: int = 0
    entities: set[str] = field(default_factory=set)
    relations: int = 0
    quarantined: int = 0
    replaced: int = 0
    seconds: float = 0.0
    outputs: list[Path] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    store: Path | None = None

    def count(self, result: BuildResult) -> None:
        """Add a built batch's articles, entities, relations and quarantined statements."""
        for a in result.articles:
            self.articles += 1
            self.relations += a.relations
            self.quarantined += a.quarantined
            self.entities.update(
                q.subject.value for q in a.main if q.predicate.value.endswith("#mentionedIn")
            )
            # a violation about an entity is seen from every article that mentions it: say
            # it of the article whose statements went to quarantine, not of all of them
            for v in a.violations if a.quarantined else ():
                self.notes.append(
                    f"quarantined in {a.article_id}: {v.focus_label or v.focus}: {v.message}"
                )

    def count_built(self, built) -> None:
        """Count a batch as a worker sent it back (kg.batches.BuiltBatch: its articles'
        numbers, and the entities its graphs mention; no quads)."""
        self.count(BuildResult(built.base, built.articles, built.inputs))
        self.entities.update(built.entities)

    def text(self) -> str:
        lines = [
            f"Built {self.articles} article(s): {len(self.entities)} entities, "
            f"{self.relations} relations; {self.quarantined} statement(s) quarantined "
            f"({self.seconds:.1f} s).",
        ]
        lines += [f"  {n}" for n in self.notes]
        if self.outputs:
            lines.append("Wrote " + ", ".join(str(p) for p in self.outputs))
        if self.store is not None:
            replaced = f", {self.replaced} replaced" if self.replaced else ""
            lines.append(f"Stored in {self.store} ({self.articles} article graph(s){replaced})")
        return "\n".join(lines)


@dataclass(frozen=True)
class ArticleInput:
    """One input, read and hashed once: where it came from, the SHA-256 of its bytes and
    its statements (parsed from a statements file or extracted from an article text)."""

    path: str
    sha256: str
    statements: Statements

    def record(self) -> dict:
        """The manifest's record of this input."""
        return {
            "path": self.path,
            "sha256": self.sha256,
            "article": self.statements.article.id,
            "text_sha256": self.statements.article.text_sha256,
        }


def read_inputs(
    paths: Sequence[Path | str], model: str | None = None, n_process: int = 1
) -> list[ArticleInput]:
    """The per-article work of a build for some inputs: read each file once, hash its
    bytes, and parse its statements or extract them from its text (spaCy over all the
    texts at once with nlp.pipe). Results come back in the order of `paths`.

    A top-level function of plain, picklable arguments and results: a process pool or a
    Dask worker can call it on its share of a corpus. The spaCy pipeline is loaded once
    per process (kg.extract.nlp.load_pipeline caches it)."""
    sources: list[tuple[int, Source, str]] = []
    out: list[ArticleInput | None] = [None] * len(paths)
    for i, raw in enumerate(paths):
        path = Path(raw)
        suffix = path.suffix.lower()
        if suffix not in STATEMENT_SUFFIXES + TEXT_SUFFIXES:
            load_input(path)  # raises the unknown-type error
        data = read_bytes(path)
        digest = hashlib.sha256(data).hexdigest()
        if suffix in STATEMENT_SUFFIXES:
            out[i] = ArticleInput(str(path), digest, load_statements(path, data))
        else:
            sources.append((i, read_source(path, data), digest))
    if sources:
        from kg.extract.pipeline import extract_many

        items = [(s.text, s.article_id, s.meta) for _i, s, _d in sources]
        extracted = extract_many(items, model=model, n_process=n_process)
        for (i, src, digest), st in zip(sources, extracted, strict=True):
            out[i] = ArticleInput(str(src.path), digest, st)
    return [a for a in out if a is not None]


# Batches of new articles the store takes in one bulk load (kg.store.BulkLoad): RocksDB's
# compaction rewrites the whole store every other load, so its CPU grows with the square of
# the corpus over the load's size; the bulk loader holds what it loads in memory. Three
# (round 16; two before): a text build of 2,000 generated articles 72.4-72.6 -> 68.5-69.2 s
# of CPU (two alternated pairs), peak 313 -> 322-323 MB, the loads' spike now within the
# extraction's own (the build of 200, one load either way, peaks at 289-290 MB; 10,000 at
# 348 MB, 1.20x, the target 1.3x). Four (round 17): the build side of 2,000 generated
# articles (their statements, one process, alternated twice) spends 0.45-0.6 ms an article
# less in RocksDB's threads (seven loads -> five), peak +12 MB; a text build of 10,000 peaks
# at 345 MB, 1.20x the 200's 288 (with three: 348, 1.20x).
LOAD_BATCHES = 4

GC_THRESHOLD = 20_000  # objects allocated between young collections (Python's default: 700)


@contextmanager
def collector_for_a_corpus() -> Iterator[None]:
    """Python's cyclic garbage collector tuned for a corpus build, restored afterwards.

    A build allocates millions of short-lived objects (spaCy tokens, RDF terms, triples);
    at the default threshold the collector runs every 700 allocations, and its older
    generations walk every object the process holds, the spaCy pipeline included. With the
    collector off, build() of 2,000 generated articles took a quarter less CPU. Here the
    objects that live through the build (pipeline, ontology, compiled shapes) are frozen
    out of the collector's walks once loaded (gc.freeze, which also keeps forked workers
    from copying their pages), and young collections run less often; garbage cycles are
    still collected, so memory stays bounded."""
    old = gc.get_threshold()
    # the young generations only (after collector_paused, which collected them already,
    # little is left in them; a full collection would walk kg's imports too)
    gc.collect(1)
    gc.freeze()
    gc.set_threshold(GC_THRESHOLD, old[1], old[2])
    try:
        yield
    finally:
        gc.set_threshold(*old)
        gc.unfreeze()


@contextmanager
def collector_paused(freeze: bool = False) -> Iterator[None]:
    """No automatic collection while the long-lived objects of a build are loaded (a
    threshold of 0: srsly turns the collector back on after each msgpack document it
    reads, so gc.disable would not hold). Loading spaCy and its model ran some 300
    collections, two of them full (about 0.15 s of CPU, an eighth of the start-up), which
    walked those objects again and again and found nothing to free.

    At the end one collection of the young generations, the threshold still 0, frees what
    garbage the load left (some 5,000 objects) and moves what it made to the oldest
    generation, where the young collections after it (collector_for_a_corpus's before
    the freeze, a build's own) do not walk it. Restoring the threshold first had the next
    allocation start a young collection over everything the load made (0.04 s of CPU),
    and collector_for_a_corpus's walked it all again, freeing nothing.

    `freeze` (a `--jobs` build, whose workers are forked next): no collection at all; what
    the load made, its garbage included, goes out of the collector's reach at once
    (gc.freeze), as collector_for_a_corpus puts it before the fork anyway. The collection
    walked some 121,000 objects (0.07 s of CPU at load 8) in the start every worker waits
    for, to free some 5,000 in the build's process, which extracts nothing."""
    old = gc.get_threshold()
    gc.set_threshold(0)
    try:
        yield
        if freeze:
            gc.freeze()
        else:
            gc.collect(1)
    finally:
        gc.set_threshold(*old)


FULL_COLLECTION_EVERY = 10  # batches between full collections (Python's own ratio: 10 to 1)


class BatchCollector:
    """The cyclic garbage collector of a build in one process: no automatic collection
    while a batch is extracted, built and stored, one young collection after each batch
    (`batch_done`) and a full one every FULL_COLLECTION_EVERY batches.

    During a batch the objects it works on (its spaCy documents, statements, triples, the
    validation's indexes) are alive: each automatic young collection, even at
    GC_THRESHOLD, walked them again and found little to free (a build of 2,000 statements
    files: 131 collections, 0.76 s of CPU). Between batches they are gone and the
    collection walks what the batch left: 2,000 statements files 0.08 s, the same peak
    memory. A batch's cyclic garbage waits for the batch's end, so memory stays bounded
    by the batch, as the rest of a build's is. (With --jobs, whose workers extract and
    build, collector_for_a_corpus's threshold stays.)"""

    def __init__(self) -> None:
        self.batches = 0
        self._old: tuple[int, int, int] | None = None

    def __enter__(self) -> BatchCollector:
        self._old = gc.get_threshold()
        gc.set_threshold(0)  # a threshold of 0: srsly re-enables a gc.disable()
        return self

    def __exit__(self, *exc) -> None:
        if self._old is not None:
            gc.set_threshold(*self._old)

    def batch_done(self) -> None:
        self.batches += 1
        gc.collect(2 if self.batches % FULL_COLLECTION_EVERY == 0 else 1)


def _load_long_lived(paths: Sequence[Path], model: str | None, jobs: int) -> None:
    """Load what every article of a build uses before the collector freezes it: the spaCy
    pipeline and kg's extraction modules (if any input is a text, and this process or its
    forked workers parse it), the ontology and the compiled shapes. Forked `--jobs`
    workers share what is loaded here instead of each importing it again."""
    import multiprocessing

    from kg.ontology import load_ontology
    from kg.shacl import Unsupported, compiled_shapes
    from kg.validate import hierarchy_triples

    forks = "fork" in multiprocessing.get_all_start_methods()
    if (jobs <= 1 or forks) and any(Path(p).suffix.lower() in TEXT_SUFFIXES for p in paths):
        import kg.extract.pipeline  # noqa: F401  (read_inputs imports it on first use)
        from kg.extract.nlp import load_pipeline

        load_pipeline(model)
    load_ontology()
    hierarchy_triples()
    with suppress(Unsupported):  # shapes kg's engine cannot run fall back to pySHACL
        compiled_shapes()


def _checked_base(base: str | None) -> str:
    try:
        return check_base(base or DEFAULT_BASE)
    except ValueError as exc:
        raise InputError(str(exc)) from None


def _open_store(store_dir: Path, base: str | None) -> tuple[KgStore, str, dict[str, str]]:
    """The store of a build opened, the base IRI to build with (the store's, or `base`,
    recorded in a new store) and the classes of the entities it holds under that base."""
    from kg.store import KgStore  # imported already (_StoreOpening)

    store = KgStore(store_dir)
    try:
        base = _checked_base(store.check_base(base))
        store.record_base(base)
        return store, base, store.entity_classes(base)
    except BaseException:
        store.close()
        raise


class _StoreOpening:
    """The store of a build opened in a thread (_open_store) while the build's process
    loads the spaCy pipeline, the ontology and the shapes: RocksDB opens (files created,
    written and synced; in an existing store, its files read) without holding the GIL, and
    an existing store's entity classes are read by a query that runs without it too. What
    goes wrong opening it (a locked store, another base IRI) is raised by `result`: the
    same error as before, after the load instead of before it."""

    def __init__(self, store_dir: Path, base: str | None) -> None:
        import threading

        import kg.store  # noqa: F401  (here: no import runs in both threads at once)

        self._opened: tuple[KgStore, str, dict[str, str]] | None = None
        self._error: BaseException | None = None
        self._thread = threading.Thread(
            target=self._open, args=(store_dir, base), name="kg-store-open", daemon=True
        )
        self._thread.start()

    def _open(self, store_dir: Path, base: str | None) -> None:
        try:
            self._opened = _open_store(store_dir, base)
        except BaseException as exc:  # raised again in the build's thread
            self._error = exc

    def result(self) -> tuple[KgStore, str, dict[str, str]]:
        self._thread.join()
        if self._error is not None:
            error, self._error = self._error, None
            raise error
        assert self._opened is not None
        return self._opened

    def discard(self) -> None:
        """The build stopped before it used the store: let go of it (its lock)."""
        self._thread.join()
        if self._opened is not None:
            self._opened[0].close()
            self._opened = None


def _built_here(
    paths: Sequence[Path],
    model: str | None,
    batch_size: int,
    base: str,
    strict: bool,
    registry: EntityRegistry,
    admit: Callable[[ArticleInput], None],
    nquads: str | None = None,
) -> Iterator[tuple[list[ArticleInput], BuildResult | BuiltBatch]]:
    """Each batch (kg.batches.batch_spans) read, extracted, built and validated in this process
    (`admit` is called on each input before its batch is built); with `nquads`, built as a
    worker sends it back (kg.build.build)."""
    for start, end in batch_spans(len(paths), batch_size):
        items = read_inputs(list(paths[start:end]), model)
        for item in items:
            admit(item)
        statements = [item.statements for item in items]
        records = [item.record() for item in items]
        built = build(
            statements, base=base, inputs=records, strict=strict, registry=registry, nquads=nquads
        )
        yield items, built


def build_inputs(
    inputs: Sequence[Path],
    out_dir: Path | None,
    base: str | None = None,
    strict: bool = False,
    model: str | None = None,
    store_dir: Path | None = None,
    jobs: int = 1,
    replace: bool = False,
    batch_size: int = 100,
    progress: Callable[[int], None] | None = None,
    dask: str | None = None,
    push: str | None = None,
    dask_timeout: float = 10.0,
) -> BuildSummary:
    """Build every input; write kg.nq, kg.trig, quarantine.nq and manifest.json into
    `out_dir` (if given) and add each article's graph to the store (if given).

    With `dask` (a scheduler address, or local:N) the articles are extracted and built on
    a Dask cluster (kg.cluster), and `push` names a Graph Store Protocol endpoint to send
    each article's graph to."""
    if dask is not None:
        from kg.cluster import build_on_cluster

        return build_on_cluster(
            inputs, out_dir, dask, base=base, strict=strict, model=model, store_dir=store_dir,
            replace=replace, batch_size=batch_size, push=push, progress=progress,
            timeout=dask_timeout,
        )  # fmt: skip
    started = time.perf_counter()
    paths = expand(inputs)
    if not paths:
        raise InputError("no inputs")
    store = None
    if store_dir is None:
        base = _checked_base(base)
        classes = None
    else:  # opened while the long-lived objects load (_StoreOpening), or not at all
        opening = _StoreOpening(store_dir, base)
        try:
            with collector_paused(freeze=jobs > 1):
                _load_long_lived(paths, model, jobs)
        except BaseException:
            opening.discard()
            raise
        try:
            store, base, classes = opening.result()
        except BaseException:
            gc.unfreeze()  # collector_for_a_corpus's end would have (freeze)
            raise
    registry = EntityRegistry(base, classes)
    summary = BuildSummary(store=store_dir)
    seen: dict[str, Path] = {}
    writer = None
    try:
        if store is None:
            with collector_paused(freeze=jobs > 1):
                _load_long_lived(paths, model, jobs)
        with collector_for_a_corpus(), BatchCollector() if jobs <= 1 else nullcontext() as batch:
            if out_dir is not None:
                from kg.outputs import BuildWriter

                writer = BuildWriter(out_dir, base)

            def admit(item: ArticleInput) -> None:
                st = item.statements
                if st.article.id in seen:
                    raise InputError(
                        f"{item.path}: article id '{st.article.id}' is also {seen[st.article.id]}'s"
                    )
                seen[st.article.id] = Path(item.path)

            if jobs > 1:  # extraction and RDF in worker processes, stored here in order
                from kg.jobs import built_batches

                sort = writer is not None  # the output files take sorted lines
                batches = built_batches(
                    paths, model, jobs, batch_size, base, strict, registry, sort, admit
                )
            else:
                # a batch goes on as a worker's does: its N-Quads made once (sorted for the
                # files), for the store's bulk load and the files
                nquads = "sorted" if writer is not None else "in order" if store else None
                batches = _built_here(
                    paths, model, batch_size, base, strict, registry, admit, nquads
                )
            # New articles go to the store in bulk loads of LOAD_BATCHES batches (KgStore's
            # BulkLoad: fewer loads, less of RocksDB's compaction); a batch of stored
            # articles goes alone, as it replaces them. With --jobs each load runs behind
            # the build (_Loads), while the workers extract.
            pending = _Loads(store, behind=jobs > 1) if store is not None else None
            # With --jobs, the pieces of the last batch (kg.batches.batch_spans) are built
            # while the last articles are extracted; what is pending is loaded as soon as
            # the first piece arrives and again when the piece before the last does, while
            # the workers extract the rest, so that only the last piece is loaded after the
            # last article, with the workers done. (In one process nothing overlaps: the
            # pieces go in one load, the fewest loads.)
            early = _tail_loads(len(paths), batch_size) if jobs > 1 else ()
            received = 0

            def store_pending() -> None:
                if pending is not None:
                    pending.load()

            def to_store(
                built: BuildResult | BuiltBatch, items: list[ArticleInput], rebuild: bool
            ) -> None:
                if store is None or pending is None:
                    return
                if rebuild:  # articles already stored: replaced
                    store_pending()
                    pending.wait()
                    read = [i.statements.article for i in items]
                    texts = {a.id: a.text_sha256 for a in read}
                    result = built if isinstance(built, BuildResult) else built.result()
                    stored = store.add_build(result, texts, replace=replace)
                    summary.replaced += sum(s.replaced for s in stored)
                    return
                graphs = [(a.graph, a.quarantine_graph) for a in built.articles]
                pending.add(graphs, built.main, built.quarantine)
                if len(pending) >= batch_size * LOAD_BATCHES or received in early:
                    store_pending()

            try:
                for items, built in batches:
                    received += len(items)
                    rebuild = store is not None and store.has_any(a.graph for a in built.articles)
                    if isinstance(built, BuildResult):
                        summary.count(built)
                        if writer is not None:
                            writer.add(built)
                    else:
                        summary.count_built(built)
                        if writer is not None:
                            writer.add_nquads(
                                built.main, built.quarantine, built.inputs, built.articles
                            )
                    to_store(built, items, rebuild)
                    if progress:
                        progress(len(items))
                    if batch is not None:
                        batch.batch_done()
            finally:  # what was built before an error is stored, as it was before
                if pending is not None:
                    pending.finish()
            if writer is not None:
                summary.outputs = list(writer.close().values())
                writer = None
    finally:
        if writer is not None:
            writer.abort()
        if store is not None:
            store.close()
    summary.seconds = time.perf_counter() - started
    return summary


def _tail_loads(n_inputs: int, batch_size: int) -> tuple[int, ...]:
    """Where a `--jobs` build loads what is pending besides every LOAD_BATCHES batches: the
    ends of the first piece of the corpus's last batch and of the piece before the last
    (kg.batches.batch_spans: the batches smaller than batch_size), so that the load after
    the last article holds the last piece alone. One end if the last batch is one piece."""
    pieces = [end for start, end in batch_spans(n_inputs, batch_size) if end - start < batch_size]
    return tuple(sorted({pieces[0], pieces[-2]})) if len(pieces) > 1 else tuple(pieces)


class _Loads:
    """The bulk loads of a build's new articles (KgStore.bulk_load), one at a time, in
    order. `behind` (a `--jobs` build): each load runs in a thread of its own while the
    build's process goes on taking what the workers send back and handing them tasks; the
    bulk loader runs in Rust and RocksDB's threads, without the GIL. Loading in the build's
    own thread stopped it for the whole load: in a build of 200 generated articles both
    workers ran out of tasks and waited 0.6-0.9 s (load about 5) for the load of 150
    articles to end. A build in one process loads in its turn: its memory holds either the
    load or the next batch's extraction, not both.

    What goes wrong in a load behind is raised by the next `load`, `wait` or `finish`, and
    nothing is loaded after a load that failed, as when a load in turn stops the build."""

    def __init__(self, store: KgStore, behind: bool) -> None:
        self.store = store
        self.behind = behind
        self.pending = store.bulk_load()
        self._thread: Thread | None = None
        self._error: BaseException | None = None

    def add(self, graphs: list[tuple[str, str]], main: bytes, quarantine: bytes) -> None:
        self.pending.add(graphs, main, quarantine)

    def __len__(self) -> int:
        return len(self.pending)

    def load(self) -> None:
        """Load what is pending (after the load before it ended)."""
        gathered, self.pending = self.pending, self.store.bulk_load()
        try:
            self.wait()
        except BaseException:
            gathered.discard()
            raise
        if not self.behind or not len(gathered):
            gathered.load()
            return
        import threading

        self._thread = threading.Thread(
            target=self._load, args=(gathered,), name="kg-store-load", daemon=True
        )
        self._thread.start()

    def _load(self, gathered: BulkLoad) -> None:
        try:
            gathered.load()
        except BaseException as exc:  # raised again in the build's thread
            self._error = exc

    def wait(self) -> None:
        """The load under way ended; what went wrong in it raised."""
        if self._thread is not None:
            self._thread.join()
            self._thread = None
        if self._error is not None:
            error, self._error = self._error, None
            raise error

    def finish(self) -> None:
        """Load what is pending and wait for it: the build's last load."""
        try:
            self.load()
        finally:
            self.wait()


def extract_to_file(article: Path, output: str, model: str | None = None) -> Statements:
    """Extract an article's statements and write them for review ('-' for stdout)."""
    import os
    import sys

    from kg.files import write_bytes

    target = None if output == "-" else Path(output)
    base = target.parent if target is not None else Path.cwd()
    st = load_input(Path(article), model=model)
    rel = None
    if st.article.text_file is not None and text_file_problem(Path(article), base) is None:
        rel = os.path.relpath(Path(article).resolve(), base.resolve())
    elif st.article.text_file is not None:  # too far to be read back: the text goes inline
        st.article = dataclasses.replace(st.article, text_file=None)
    text = dump_statements(st, text_file=rel)
    if target is None:
        sys.stdout.write(text)
    else:
        write_bytes(target, text.encode("utf-8"))
    return st
