"""The per-article work of a build in N processes (`kg build --jobs N`): extraction and RDF.

The workers are forked from the build's process once it has loaded the spaCy pipeline, the
ontology and the compiled shapes (kg.pipeline), so they share them copy-on-write and start
at once; where the system cannot fork they are spawned and each loads what it uses.

Two kinds of tasks go to one pool; the build's process keeps the corpus order:
- extraction: a few inputs of one batch read, hashed and parsed or extracted
  (kg.pipeline.read_inputs); small tasks, down to one input at the end of the corpus, keep
  every worker busy until the last article, and a task never holds inputs of two batches,
  so a bad input fails only its own batch (task_spans);
- a batch: once its articles are extracted, the build's process mints their entity IRIs
  in corpus order (EntityRegistry.mint: an IRI depends on every article before) and a
  worker builds and validates the batch (kg.batches.build_minted) and sends it back as
  N-Quads bytes, for the store's bulk loader and the output files.
The batches are those of a build in one process, so the outputs are the same bytes. An
error (a bad input, a duplicate article id, --strict) surfaces where a build in one process
raises it: after the batches before it were handed back.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import Future
from pathlib import Path

from kg.batches import BuiltBatch, build_minted
from kg.identity import EntityRegistry
from kg.pipeline import ArticleInput, batch_spans, read_inputs

CHUNK = 16  # inputs an extraction task takes at most (spaCy is not faster with more)


def chunk_size(n_inputs: int, jobs: int) -> int:
    """Inputs an extraction task takes at most: at least four tasks a worker, and at most
    CHUNK."""
    return max(1, min(CHUNK, -(-n_inputs // (4 * jobs))))


def task_spans(n_inputs: int, jobs: int, batch_size: int) -> list[tuple[int, int]]:
    """The extraction tasks of a corpus, as (start, end) spans of its inputs in order.

    A task never holds inputs of two batches (kg.pipeline.batch_spans), so a bad input
    fails only its own batch, as in a build in one process. Tasks shrink towards the end of
    the corpus (at most the inputs left over twice the workers, so the last ones hold one
    input each): the workers then finish their last tasks together, and the last batch is
    built sooner after its last article was extracted."""
    size = chunk_size(n_inputs, jobs)
    ends = [end for _start, end in batch_spans(n_inputs, batch_size)]
    spans = []
    start = 0
    for batch_end in ends:
        while start < batch_end:
            left = n_inputs - start
            step = max(1, min(size, -(-left // (2 * jobs))))
            end = min(start + step, batch_end)
            spans.append((start, end))
            start = end
    return spans


def built_batches(
    paths: Sequence[Path],
    model: str | None,
    jobs: int,
    batch_size: int,
    base: str,
    strict: bool,
    registry: EntityRegistry,
    sort: bool,
    admit: Callable[[ArticleInput], None] = lambda item: None,
) -> Iterator[tuple[list[ArticleInput], BuiltBatch]]:
    """Each batch (kg.pipeline.batch_spans, in order), built and validated by `jobs`
    worker processes: its inputs and what a worker sent back. `admit` is called on each input in
    order before its IRIs are minted (it raises to refuse one); `sort`: N-Quads lines sorted
    for the output files."""
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    parts = deque(list(paths[a:b]) for a, b in task_spans(len(paths), jobs, batch_size))
    sizes = deque(end - start for start, end in batch_spans(len(paths), batch_size))
    method = "fork" if "fork" in multiprocessing.get_all_start_methods() else "spawn"
    workers = max(1, min(jobs, len(parts)))  # no more processes than extraction tasks
    pool = ProcessPoolExecutor(
        max_workers=workers,
        mp_context=multiprocessing.get_context(method),
        initializer=_quiet_on_interrupt,
    )
    extracting: deque[Future] = deque()
    building: deque[tuple[list[ArticleInput], Future | BaseException]] = deque()
    waiting: list[ArticleInput] = []
    stopped = False

    def submit(items: list[ArticleInput]) -> None:
        nonlocal stopped
        try:
            minted = {}
            for item in items:
                admit(item)
                minted[item.statements.article.id] = registry.mint(item.statements)
        except Exception as exc:  # raised in its turn, after the batches before it
            building.append((items, exc))
            stopped = True
            return
        statements = [item.statements for item in items]
        records = [item.record() for item in items]
        future = pool.submit(build_minted, statements, base, records, strict, minted, sort)
        building.append((items, future))

    try:
        while True:
            # extraction runs ahead, but not while built batches wait to be taken
            while parts and not stopped and len(extracting) < 2 * jobs and len(building) <= jobs:
                extracting.append(pool.submit(read_inputs, parts.popleft(), model))
            if building and (not extracting or stopped or _ready(building[0][1])):
                items, done = building.popleft()
                if isinstance(done, BaseException):
                    raise done
                yield items, done.result()
                continue
            if not extracting:
                return
            try:
                waiting += extracting.popleft().result()
            except Exception as exc:  # a bad input: raised after the batches before it
                building.append(([], exc))
                stopped = True
                continue
            while sizes and len(waiting) >= sizes[0] and not stopped:
                size = sizes.popleft()
                submit(waiting[:size])
                waiting = waiting[size:]
    finally:
        pool.shutdown(wait=True, cancel_futures=True)


def _quiet_on_interrupt() -> None:
    """A worker ends on Ctrl-C without a traceback of its own: the terminal sends SIGINT to
    the whole process group, and the parent reports the interruption once."""
    import signal

    signal.signal(signal.SIGINT, signal.SIG_DFL)


def _ready(done: Future | BaseException) -> bool:
    return isinstance(done, BaseException) or done.done()
