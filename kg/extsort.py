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
    by level, so at most that many files are open at once."""
    runs: list[Path] = []
    buffer: set[str] = set()
    for item in items:
        buffer.add(key(item))
        if len(buffer) >= chunk:
            runs.append(_write_run(sorted(buffer), folder, f"run-{len(runs):06d}"))
            buffer = set()
    if not runs:
        return iter(sorted(buffer))
    if buffer:
        runs.append(_write_run(sorted(buffer), folder, f"run-{len(runs):06d}"))
    return merged_runs(runs, folder, fanin)


def merged_runs(runs: list[Path], folder: Path, fanin: int = 64) -> Iterator[str]:
    """The distinct lines (without their line break) of sorted files, in order, with at
    most `fanin` files open: while there are more, each group of `fanin` is merged into one
    file in `folder` (level by level, so every line is rewritten log_fanin(runs) times).
    Merged files are removed; the given ones are left to their owner."""
    level, given = list(runs), set(runs)
    depth = 0
    while len(level) > fanin:
        depth += 1
        merged = []
        for i in range(0, len(level), fanin):
            group = level[i : i + fanin]
            if len(group) == 1:
                merged.append(group[0])
                continue
            lines = _unique(heapq.merge(*map(_read_run, group)))
            merged.append(_write_run(lines, folder, f"merge-{depth:02d}-{i // fanin:06d}"))
            for path in group:
                if path not in given:
                    path.unlink()
        level = merged
    return _unique(heapq.merge(*map(_read_run, level)))


def _write_run(keys: Iterable[str], folder: Path, name: str) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"{name}.nq"
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
