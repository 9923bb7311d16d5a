"""Sorted, distinct lines of a stream too large to hold: an external merge sort on disk.

    with tempfile.TemporaryDirectory() as tmp:
        for key in sorted_keys(store.quads(), Path(tmp)):   # str(quad), in order
            ...

Runs of `chunk` keys are sorted in memory and written to files; the files are merged, so
memory follows the chunk, not the stream. Used by kg diff and kg export.
"""

from __future__ import annotations

import heapq
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

CHUNK = 50_000


def sorted_keys(
    items: Iterable,
    folder: Path,
    chunk: int = CHUNK,
    fanin: int = 64,
    key: Callable[[object], str] = str,
) -> Iterator[str]:
    """The distinct keys of the items (by default str of each: a quad's N-Quads line
    without " ."), sorted. Keys hold no line break (N-Quads escapes them). Runs of
    `chunk` keys go to files in `folder`; whenever `fanin` runs are there they are merged
    into one, so at most that many files are open at once."""
    runs: list[Path] = []
    buffer: set[str] = set()
    made = 0

    def add_run(keys: Iterable[str]) -> None:
        nonlocal made, runs
        runs.append(_write_run(keys, folder, made))
        made += 1
        if len(runs) >= fanin:
            merged = _write_run(_unique(heapq.merge(*map(_read_run, runs))), folder, made)
            made += 1
            for path in runs:
                path.unlink()
            runs = [merged]

    for item in items:
        buffer.add(key(item))
        if len(buffer) >= chunk:
            add_run(sorted(buffer))
            buffer = set()
    if not runs:
        return iter(sorted(buffer))
    if buffer:
        add_run(sorted(buffer))
    return _unique(heapq.merge(*map(_read_run, runs)))


def _write_run(keys: Iterable[str], folder: Path, n: int) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"run-{n:06d}.nq"
    with open(path, "w", encoding="utf-8", newline="\n") as handle:
        handle.writelines(k + "\n" for k in keys)
    return path


def _read_run(path: Path) -> Iterator[str]:
    with open(path, encoding="utf-8", newline="\n") as handle:
        for line in handle:
            yield line[:-1]


def _unique(keys: Iterable[str]) -> Iterator[str]:
    last = None
    for key in keys:
        if key != last:
            yield key
            last = key
