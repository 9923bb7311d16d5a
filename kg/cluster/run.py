"""The client side of a cluster build: submit, retry, mint IRIs in order, store as results come.

Nothing is lost and nothing is stored twice:
- an article whose task fails (bad input, a worker that died) is tried once more, then
  listed in failed.txt and the summary; every other article is stored;
- each batch goes into the store in one bulk load (removed again if that fails), so the
  store never holds half an article; an article already stored with the same text is
  skipped, so running the same command again after a crash stores only what is missing;
- entity IRIs are minted on the client in corpus order and batches are validated as a
  local build groups them, so the output is byte for byte that of a local build.

Statements stay on the workers: the task that builds a batch takes the results of its
extraction tasks as inputs, and the client fetches only what minting reads of them
(kg.cluster.tasks.mint_inputs). A result lost with its worker is extracted again by Dask.
"""

from __future__ import annotations

import hashlib
import time
import uuid
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from kg.cluster.connect import connect
from kg.cluster.ctrlc import CtrlC
from kg.cluster.summary import ClusterSummary
from kg.cluster.tasks import BuiltBatch, build_batch, buildable, extract_articles, mint_inputs
from kg.corpus import STATEMENT_SUFFIXES, TEXT_SUFFIXES, expand, read_source
from kg.errors import InputError, KgError, ValidationFailed
from kg.files import read_bytes
from kg.identity import EntityRegistry
from kg.iri import DEFAULT_BASE, check_base, graph_iri
from kg.pipeline import batch_spans, collector_for_a_corpus
from kg.statements import Statements, load_statements


@dataclass
class _Batch:
    """The consecutive inputs of one batch (kg.pipeline.batch_spans): built together, as a
    local build does."""

    index: int
    records: dict[int, dict] = field(default_factory=dict)  # position -> input record
    views: dict[int, Statements] = field(default_factory=dict)  # what minting reads
    # position -> (its extraction: a future whose result a worker keeps, or the statements
    # of a statements file as a list here; its index in it): the build task's inputs
    picks: dict[int, tuple] = field(default_factory=dict)
    extractions: list = field(default_factory=list)  # futures, released when it is done
    pending: int = 0  # articles whose extraction has not settled yet
    attempt: int = 0
    isolated: bool = False
    probes: dict[int, str | None] = field(default_factory=dict)  # position -> error
    order: list[int] = field(default_factory=list)
    minted: dict[str, dict] = field(default_factory=dict)  # article id -> its entities' IRIs


@dataclass
class _Task:
    kind: str  # extract | build | probe
    batch: _Batch
    positions: list[int] = field(default_factory=list)
    attempt: int = 1
    items: list = field(default_factory=list)  # extract: the articles sent
    extraction: object = None  # extract: the future of the extraction, kept on a worker


def _why(exc: BaseException) -> str:
    if isinstance(exc, KgError):
        return str(exc)
    text = str(exc).splitlines()[0] if str(exc) else ""
    return f"{type(exc).__name__}: {text}" if text else type(exc).__name__


class _Run:
    def __init__(
        self,
        client,
        paths: Sequence[Path],
        base: str,
        strict: bool,
        model: str | None,
        store,
        registry: EntityRegistry,
        summary: ClusterSummary,
        batch_size: int,
        writer,
        replace: bool,
        push: str | None,
        progress: Callable[[int], None] | None,
        ctrl_c: CtrlC | None = None,
    ) -> None:
        from distributed import as_completed

        self.client = client
        self.paths = list(paths)
        self.base = base
        self.strict = strict
        self.model = model
        self.store = store
        self.registry = registry
        self.summary = summary
        self.batch_size = batch_size
        self.spans = batch_spans(len(self.paths), batch_size)  # the batches of a local build
        self.replace = replace
        self.push = push
        self.progress = progress
        self.writer = writer  # kg.outputs.BuildWriter, fed whole batches in corpus order
        self.ctrl_c = ctrl_c or CtrlC()
        self.finished: dict[int, BuiltBatch | None] = {}
        self.next_out = 0
        self.tasks: dict[str, _Task] = {}
        # results are fetched in the client's event loop as tasks finish, not one by one
        self.done = as_completed(loop=client.loop, with_results=True, raise_errors=False)
        self.token = uuid.uuid4().hex[:8]
        self.submitted = 0
        self.seen: dict[str, Path] = {}
        self.replacing: set[str] = set()  # articles stored with another text (--replace)
        self.batches: dict[int, _Batch] = {}
        self.next_batch = 0  # the next batch to read and submit
        self.frontier = 0  # the next batch whose IRIs to mint (corpus order)
        self.failed: dict[int, tuple[str, str]] = {}  # corpus position -> (path, why)
        threads = sum(client.nthreads().values()) or 1
        # a few articles a task (spaCy's own speed does not change with more); enough in
        # flight to keep every worker busy while the client waits for a batch to mint
        self.chunk = max(1, min(10, batch_size // 4))
        self.window = max(2 * batch_size, 4 * threads * self.chunk)

    # -- submitting -------------------------------------------------------------------------

    def _key(self, name: str) -> str:
        self.submitted += 1
        return f"kg-{name}-{self.token}-{self.submitted}"

    def _submit(self, task: _Task, func, *args) -> None:
        """A task whose result the client takes as it comes (as_completed)."""
        name = "mint-inputs" if task.kind == "extract" else task.kind
        # mint inputs as soon as an extraction is done (a small task where its result is),
        # then a batch ready to build before further extraction: results reach the store
        # steadily and workers hold few batches of statements
        priority = 2 if task.kind == "extract" else 1
        key = self._key(name)
        future = self.client.submit(func, *args, key=key, pure=False, priority=priority)
        self.tasks[future.key] = task
        self.done.add(future)

    def _extract(self, batch: _Batch, part: list[tuple[int, tuple]], attempt: int = 1) -> None:
        """Extract some articles of a batch on a worker, which keeps the statements; the
        client waits for what minting reads of them."""
        items = [source for _pos, source in part]
        extraction = self.client.submit(
            extract_articles, items, self.model, self.base, key=self._key("extract"), pure=False
        )
        batch.extractions.append(extraction)
        task = _Task("extract", batch, [pos for pos, _s in part], attempt, items, extraction)
        self._submit(task, mint_inputs, extraction)

    def _extracting(self) -> int:
        return sum(len(t.positions) for t in self.tasks.values() if t.kind == "extract")

    def _fill(self) -> None:
        """Read and submit further batches while fewer than `window` articles are being
        extracted."""
        while self.next_batch < len(self.spans) and self._extracting() < self.window:
            self._open(self.next_batch)
            self.next_batch += 1
            self._advance()

    def _fail(self, position: int, why: str) -> None:
        self.failed[position] = (str(self.paths[position]), why)
        if self.progress:
            self.progress(1)

    def _open(self, index: int) -> None:
        batch = self.batches[index] = _Batch(index)
        todo: list[tuple[int, tuple]] = []
        start, end = self.spans[index]
        for pos in range(start, end):
            path = self.paths[pos]
            try:
                record, statements, source = self._read(path)
            except KgError as exc:  # the file itself is bad: no worker can do better
                self._fail(pos, str(exc))
                continue
            article = record["article"]
            if article in self.seen:
                raise InputError(f"{path}: article id '{article}' is also {self.seen[article]}'s")
            self.seen[article] = path
            if self._stored(article, record["text_sha256"]):
                self.summary.skipped += 1
                if self.progress:
                    self.progress(1)
                continue
            batch.records[pos] = record
            if statements is not None:  # read here, so checked here (a worker checks the rest)
                why = buildable(statements, self.base)
                if why is not None:
                    self._fail(pos, why)
                    del batch.records[pos]
                    continue
                batch.views[pos] = statements
                batch.picks[pos] = ([(statements, None)], 0)
            else:
                todo.append((pos, source))
        batch.pending = len(todo)
        for i in range(0, len(todo), self.chunk):  # a few articles a task: less overhead
            self._extract(batch, todo[i : i + self.chunk])

    def _read(self, path: Path) -> tuple[dict, Statements | None, tuple | None]:
        """The input record of a file as a local build writes it, and its statements (a
        statements file) or what a worker needs to extract them (an article: its text is
        sent, so workers need no shared file system)."""
        data = read_bytes(path)
        suffix = path.suffix.lower()
        record = {"path": str(path), "sha256": hashlib.sha256(data).hexdigest()}
        if suffix in STATEMENT_SUFFIXES:
            st = load_statements(path, data)
            record |= {"article": st.article.id, "text_sha256": st.article.text_sha256}
            return record, st, None
        if suffix not in TEXT_SUFFIXES:
            raise InputError(
                f"{path}: unknown input type '{suffix or '(none)'}' "
                f"(articles: {', '.join(TEXT_SUFFIXES)}; statements: "
                f"{', '.join(STATEMENT_SUFFIXES)})"
            )
        from kg.extract.text import clean_text

        src = read_source(path, data)
        text_sha = hashlib.sha256(clean_text(src.text).encode("utf-8")).hexdigest()
        record |= {"article": src.article_id, "text_sha256": text_sha}
        return record, None, (src.text, src.article_id, src.meta)

    def _stored(self, article: str, text_sha: str) -> bool:
        """Already in the store with the same text (a different text is refused early,
        unless --replace, as a local build refuses it)."""
        if self.store is None:
            return False
        previous = self.store.text_sha(graph_iri(self.base, article))
        if previous is None:
            return False
        if previous == text_sha:
            return True
        if not self.replace:
            from kg.store import StoreError

            raise StoreError(
                f"article '{article}' is already in the store with a different text; "
                "give it another id, or --replace it"
            )
        self.replacing.add(article)
        return False

    # -- minting IRIs in corpus order, then building on a worker ----------------------------

    def _advance(self) -> None:
        while self.frontier < self.next_batch and self.batches[self.frontier].pending == 0:
            batch = self.batches[self.frontier]
            batch.order = sorted(batch.views)  # articles that cannot be built are out
            if batch.order:
                for pos in batch.order:
                    st = batch.views[pos]
                    batch.minted[st.article.id] = self.registry.mint(st)
                self._submit_build(batch, batch.order)
            else:
                self._finish(batch)
            self.frontier += 1

    def _submit_build(self, batch: _Batch, positions: list[int], kind: str = "build") -> None:
        batch.attempt += 1
        for chosen in [[p] for p in positions] if kind == "probe" else [positions]:
            task = _Task(kind, batch, chosen, batch.attempt)
            ids = [batch.views[p].article.id for p in chosen]
            minted = {article: batch.minted[article] for article in ids}
            picks = [batch.picks[p] for p in chosen]  # Dask hands the task their results
            records = [batch.records[p] for p in chosen]
            sort = self.writer is not None  # the output files take sorted lines
            args = (picks, self.base, records, self.strict, minted, sort)
            self._submit(task, build_batch, *args)

    # -- results ----------------------------------------------------------------------------

    def run(self) -> None:
        self._fill()
        self._advance()
        while self.tasks:
            future, value = self._next()
            task = self.tasks.pop(future.key)
            error = None
            if future.status == "error":
                error = value[1]  # (type, exception, traceback)
            elif future.status != "finished":  # cancelled, lost
                error = value if isinstance(value, BaseException) else RuntimeError(future.status)
            future.release()
            if task.kind == "extract":
                self._extracted(task, value, error)
            elif task.kind == "build":
                self._built(task, value, error)
            else:
                self._probed(task, error)
            self._fill()
            self._advance()

    def _next(self) -> tuple:
        """The next finished task and its result, waiting where Ctrl-C may stop the build."""
        pause = 0.001
        while not self.done.has_ready():
            self.ctrl_c.wait(pause)
            pause = min(2 * pause, 0.02)
        self.ctrl_c.check()
        return next(self.done)

    def _extracted(self, task: _Task, value, error) -> None:
        batch = task.batch
        if error is not None and task.attempt == 1:  # each article of the task once more
            for pos, source in zip(task.positions, task.items, strict=True):
                self._extract(batch, [(pos, source)], 2)
            return
        batch.pending -= len(task.positions)
        if error is None:
            for i, (pos, (view, why)) in enumerate(zip(task.positions, value, strict=True)):
                if why is None:
                    batch.views[pos] = view
                    batch.picks[pos] = (task.extraction, i)
                else:  # it cannot be built: it fails alone, minting nothing
                    self._fail(pos, why)
                    batch.records.pop(pos)
        else:
            (pos,) = task.positions
            self._fail(pos, _why(error))
            batch.records.pop(pos)

    def _built(self, task: _Task, value, error) -> None:
        batch = task.batch
        if error is not None:
            if isinstance(error, ValidationFailed):
                raise error  # --strict: the whole build stops, as a local build does
            if batch.attempt == 1:
                self._submit_build(batch, batch.order)
            elif not batch.isolated and len(batch.order) > 1:  # which articles fail alone?
                self._submit_build(batch, batch.order, kind="probe")
            else:
                for pos in batch.order:
                    self._fail(pos, _why(error))
                self._finish(batch)
            return
        self._store(value)
        self._finish(batch, value)

    def _probed(self, task: _Task, error) -> None:
        batch = task.batch
        (pos,) = task.positions
        batch.probes[pos] = None if error is None else _why(error)
        if len(batch.probes) < len(batch.order):
            return
        for pos, why in batch.probes.items():
            if why is not None:
                self._fail(pos, why)
        batch.order = [p for p in batch.order if batch.probes[p] is None]
        batch.isolated, batch.attempt = True, 1
        if batch.order:
            self._submit_build(batch, batch.order)
        else:
            self._finish(batch)

    def _finish(self, batch: _Batch, result: BuiltBatch | None = None) -> None:
        """A batch is done (stored, or nothing of it left): hand the finished batches to the
        output files in corpus order, as a local build writes them."""
        self.batches.pop(batch.index)
        for extraction in batch.extractions:  # the workers may drop the statements
            extraction.release()
        batch.extractions.clear()
        batch.picks.clear()
        self.finished[batch.index] = result
        while self.next_out in self.finished:
            done = self.finished.pop(self.next_out)
            if done is not None and self.writer is not None:
                self.writer.add_nquads(done.main, done.quarantine, done.inputs, done.articles)
            self.next_out += 1

    def _store(self, built: BuiltBatch) -> None:
        """Into the store as bytes with the bulk loader; Python quads are made only for
        --push and for articles that replace stored ones (--replace)."""
        summary = self.summary
        if self.store is not None:
            graphs = [(a.graph, a.quarantine_graph) for a in built.articles]
            if any(a.article_id in self.replacing for a in built.articles):
                shas = {r["article"]: r["text_sha256"] for r in built.inputs}
                stored = self.store.add_build(built.result(), shas, replace=self.replace)
                summary.replaced += sum(s.replaced for s in stored)
            else:
                self.store.add_nquads(graphs, built.main, built.quarantine)
        if self.push is not None:
            from kg.push import push
            from kg.rdfio import by_graph

            summary.pushed += len(push(by_graph(built.result().main_quads), self.push).graphs)
        summary.count_built(built)
        if self.progress:
            self.progress(len(built.articles))


def build_on_cluster(
    inputs: Sequence[Path],
    out_dir: Path | None,
    address: str,
    base: str | None = None,
    strict: bool = False,
    model: str | None = None,
    store_dir: Path | None = None,
    replace: bool = False,
    batch_size: int = 100,
    push: str | None = None,
    progress: Callable[[int], None] | None = None,
    timeout: float = 10.0,
) -> ClusterSummary:
    """Build every input on the Dask cluster at `address` (or `local:N`); write the same
    files as a local build into `out_dir` (if given), add each article to the store (if
    given) and push its graphs to the Graph Store Protocol endpoint `push` (if given).
    Articles that fail twice are listed in failed.txt beside the outputs."""
    started = time.perf_counter()
    try:
        check_base(base or DEFAULT_BASE)  # a bad --base fails before the cluster starts
    except ValueError as exc:
        raise InputError(str(exc)) from None
    if push is not None and not push.startswith(("http://", "https://")):
        raise InputError(f"--push {push!r}: not an HTTP endpoint")
    paths = expand(inputs)
    if not paths:
        raise InputError("no inputs")
    summary = ClusterSummary(store=store_dir, endpoint=push)
    store = None
    # nothing is written before the cluster is up; Ctrl-C is held until the client waits
    with connect(address, model=model, timeout=timeout) as client, CtrlC() as ctrl_c:
        summary.workers = len(client.nthreads())
        if store_dir is not None:
            from kg.store import KgStore

            store = KgStore(store_dir)
        writer = None
        try:
            if store is not None:  # the store's base, as a local build takes it
                base = check_base(store.check_base(base) or DEFAULT_BASE)
                store.record_base(base)
            base = check_base(base or DEFAULT_BASE)
            registry = EntityRegistry(base, store.entity_classes(base) if store else None)
            if out_dir is not None:
                from kg.outputs import BuildWriter

                writer = BuildWriter(out_dir, base)
            run = _Run(
                client,
                paths,
                base,
                strict,
                model,
                store,
                registry,
                summary,
                batch_size,
                writer,
                replace,
                push,
                progress,
                ctrl_c,
            )
            with collector_for_a_corpus():  # as a local build: the client's objects are
                run.run()  # short-lived too (messages, results)
            ctrl_c.check()
            if run.finished or run.next_out != run.next_batch:
                raise KgError("internal: a batch never reached the output files")
            summary.failed = [run.failed[p] for p in sorted(run.failed)]
            summary.write_failed(out_dir, store_dir)
            if writer is not None:
                summary.outputs = list(writer.close().values())
                writer = None
            ctrl_c.check()
        finally:
            if writer is not None:
                writer.abort()
            if store is not None:
                store.close()
    summary.seconds = time.perf_counter() - started
    return summary
