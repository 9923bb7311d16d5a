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

from kg.batches import BuiltBatch, batch_spans, build_minted
from kg.identity import EntityRegistry
from kg.pipeline import ArticleInput, read_inputs

CHUNK = 16  # inputs an extraction task takes at most (spaCy is not faster with more)


def chunk_size(n_inputs: int, jobs: int) -> int:
    """Inputs an extraction task takes at most: at least four tasks a worker, and at most
    CHUNK."""
    return max(1, min(CHUNK, -(-n_inputs // (4 * jobs))))


def task_spans(n_inputs: int, jobs: int, batch_size: int) -> list[tuple[int, int]]:
    """The extraction tasks of a corpus, as (start, end) spans of its inputs in order.

    A task never holds inputs of two batches (kg.batches.batch_spans), so a bad input
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
    """Each batch (kg.batches.batch_spans, in order), built and validated by `jobs`
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
        initializer=_worker_start,
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


def _worker_start() -> None:
    """A worker ends on Ctrl-C without a traceback of its own (the terminal sends SIGINT to
    the whole process group, and the parent reports the interruption once), and keeps the
    memory its tasks free (keep_freed_memory)."""
    import signal

    signal.signal(signal.SIGINT, signal.SIG_DFL)
    keep_freed_memory()


# glibc's malloc in a worker: allocations up to MMAP_THRESHOLD come from the heap, and the
# heap goes back to the system only when more than TRIM_THRESHOLD of it is free at its top.
MMAP_THRESHOLD = 32 << 20  # the largest glibc's own adaptive threshold reaches
TRIM_THRESHOLD = 128 << 20
_M_TRIM_THRESHOLD, _M_MMAP_THRESHOLD = -1, -3  # mallopt's parameters (malloc.h)


def keep_freed_memory() -> bool:
    """Fix glibc's malloc thresholds in this process (a `--jobs` worker): the memory a task
    frees stays for the next task instead of going back to the system and being faulted in
    again. A worker runs many small tasks (one spaCy batch of up to CHUNK articles each);
    with glibc's adaptive thresholds it gave the memory of each task back and faulted it in
    again for the next. The two workers of a build of 200 generated articles: 73,000-75,000
    page faults before, 32,000-33,000 with these; 0.1-0.2 s less system CPU, 0.35 s less CPU
    in all (3 alternated pairs, load 12-15); the workers' peak the same (175 MB). On the 36
    shared articles: 86,000 -> 42,000 faults, each worker's peak 12-14 MB higher.
    Both thresholds are set: setting one turns the adaptive mmap threshold off, which left
    at 128 KB quadruples the faults. Nothing happens outside glibc. True if set."""
    import ctypes
    import os

    try:
        if not os.confstr("CS_GNU_LIBC_VERSION").startswith("glibc"):
            return False
        mallopt = ctypes.CDLL(None).mallopt
    except (AttributeError, OSError, ValueError):  # no confstr name, no libc, no mallopt
        return False
    return bool(
        mallopt(_M_MMAP_THRESHOLD, MMAP_THRESHOLD) and mallopt(_M_TRIM_THRESHOLD, TRIM_THRESHOLD)
    )


def _ready(done: Future | BaseException) -> bool:
    return isinstance(done, BaseException) or done.done()
