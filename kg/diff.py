"""What changed between two builds or two store states: quads added and removed, grouped
by article graph and entity. Both sides are streamed and merged in sorted order, never held
(a store is read where it lies, a file as it is parsed)."""

from __future__ import annotations

import tempfile
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

import pyoxigraph as ox

from kg.extsort import sorted_keys
from kg.ontology import PREFIXES
from kg.prefixes import compact_iri

RDFS_LABEL = "http://www.w3.org/2000/01/rdf-schema#label"


@dataclass
class Diff:
    added: dict[str, dict[str, list[str]]] = field(
        default_factory=dict
    )  # graph -> subject -> lines
    removed: dict[str, dict[str, list[str]]] = field(default_factory=dict)
    labels: dict[str, str] = field(default_factory=dict)

    @property
    def counts(self) -> tuple[int, int]:
        def total(d):
            return sum(len(v) for s in d.values() for v in s.values())

        return total(self.added), total(self.removed)

    def as_dict(self) -> dict:
        return {
            "added": self.added,
            "removed": self.removed,
            "counts": {"added": self.counts[0], "removed": self.counts[1]},
        }


@contextmanager
def open_state(
    path: Path | str, fmt: str | None = None
) -> Iterator[Callable[[], Iterator[ox.Quad]]]:
    """A graph file or a store folder (quarantine graphs left out) as a function giving a
    fresh stream of its quads each time it is called, nothing held: a store is read where
    it lies, a file parsed as it is read (kg.rdfio.iter_file), in `fmt` (default: from its
    extension)."""
    path = Path(path)
    if path.is_dir():
        from kg.store import KgStore

        kg = KgStore(path, read_only=True)
        try:
            yield kg.quads
        finally:
            kg.close()
    else:
        yield _FileQuads(path, fmt)


class _FileQuads:
    """A graph file's quads, parsed as they are read; the file is checked (exists, is
    UTF-8 text) when first read, so errors come in the order reading gives them."""

    def __init__(self, path: Path, fmt: str | None = None) -> None:
        self.path = path
        self.named = fmt  # the format the user named, if any
        self.fmt: str | None = None

    def __call__(self) -> Iterator[ox.Quad]:
        from kg.rdfio import check_file, iter_file

        if self.fmt is None:
            self.fmt = check_file(self.path, self.named)
        return iter_file(self.path, self.fmt)


def _term(t) -> str:
    if isinstance(t, ox.NamedNode):
        return compact_iri(t.value, PREFIXES)
    return str(t)


def diff(
    old: Iterable[ox.Quad] | Callable[[], Iterable[ox.Quad]],
    new: Iterable[ox.Quad] | Callable[[], Iterable[ox.Quad]],
    chunk: int = 50_000,
    fanin: int = 64,
) -> Diff:
    """The quads of `new` not in `old` (added) and of `old` not in `new` (removed), grouped
    by graph and subject, with the label of each subject named.

    Each side is sorted on its own (an external merge sort in runs of `chunk` quads, at
    most `fanin` of them open at once) and the two sorted streams are merged, so memory
    follows the chunk and the difference, not the graphs. A side given as a function
    returning a fresh stream is read twice (the second time for labels) and never held; a
    side given as an iterable is held.
    """
    streams = [_replayable(side) for side in (old, new)]
    with tempfile.TemporaryDirectory(prefix="kg-diff-") as tmp:
        old_keys = sorted_keys(streams[0](), Path(tmp) / "old", chunk, fanin)
        new_keys = sorted_keys(streams[1](), Path(tmp) / "new", chunk, fanin)
        added, removed = _merge(old_keys, new_keys)
    result = Diff()
    subjects: set[str] = set()
    for keys, target in ((added, result.added), (removed, result.removed)):
        for q in _parse_keys(keys):
            graph = q.graph_name.value if isinstance(q.graph_name, ox.NamedNode) else "(default)"
            subject = q.subject.value if isinstance(q.subject, ox.NamedNode) else str(q.subject)
            if isinstance(q.subject, ox.NamedNode):
                subjects.add(q.subject.value)
            target.setdefault(graph, {}).setdefault(subject, []).append(
                f"{_term(q.predicate)} {_term(q.object)}"
            )
    if subjects:  # the first label of each, old before new (as the whole graphs list them)
        for stream in streams:
            for q in stream():
                if (
                    q.predicate.value == RDFS_LABEL
                    and isinstance(q.subject, ox.NamedNode)
                    and q.subject.value in subjects
                ):
                    result.labels.setdefault(q.subject.value, q.object.value)
    return result


def diff_paths(old: Path | str, new: Path | str, fmt: str | None = None) -> Diff:
    """The diff of two graph files or store folders, read as streams (see diff); `fmt` is
    the RDF format of a graph file (default: from its extension)."""
    with open_state(old, fmt) as old_quads, open_state(new, fmt) as new_quads:
        return diff(old_quads, new_quads)


def _replayable(side) -> Callable[[], Iterable[ox.Quad]]:
    if callable(side):
        return side
    held = side if isinstance(side, (list, tuple)) else list(side)
    return lambda: held


def _merge(old: Iterator[str], new: Iterator[str]) -> tuple[list[str], list[str]]:
    """Walk two sorted streams of distinct keys: (only in new, only in old), sorted."""
    added: list[str] = []
    removed: list[str] = []
    a, b = next(old, None), next(new, None)
    while a is not None or b is not None:
        if b is None or (a is not None and a < b):
            removed.append(a)  # type: ignore[arg-type]
            a = next(old, None)
        elif a is None or b < a:
            added.append(b)
            b = next(new, None)
        else:
            a, b = next(old, None), next(new, None)
    return added, removed


def _parse_keys(keys: list[str]) -> list[ox.Quad]:
    if not keys:
        return []
    text = "".join(k + " .\n" for k in keys).encode("utf-8")
    return list(ox.parse(text, format=ox.RdfFormat.N_QUADS))


def format_diff(d: Diff) -> str:
    added, removed = d.counts
    lines = [f"{added} quad(s) added, {removed} removed"]
    for graph in sorted(set(d.added) | set(d.removed)):
        a = d.added.get(graph, {})
        r = d.removed.get(graph, {})
        lines.append(
            f"\ngraph <{graph}>: +{sum(map(len, a.values()))} -{sum(map(len, r.values()))}"
        )
        for subject in sorted(set(a) | set(r)):
            name = d.labels.get(subject)
            lines.append(f"  {name} <{subject}>" if name else f"  <{subject}>")
            lines += [f"    - {x}" for x in r.get(subject, [])]
            lines += [f"    + {x}" for x in a.get(subject, [])]
    return "\n".join(lines)
