"""What changed between two builds or two store states: quads added and removed, grouped
by article graph and entity."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

import pyoxigraph as ox

from kg.validate import compact

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


def read_state(path: Path) -> list[ox.Quad]:
    """A graph file, or a store folder (quarantine graphs left out)."""
    from kg.source import open_path

    with open_path(path) as src:
        return list(src.quads())


def _term(t) -> str:
    if isinstance(t, ox.NamedNode):
        return compact(t.value) or t.value
    return str(t)


def diff(old: Iterable[ox.Quad], new: Iterable[ox.Quad]) -> Diff:
    old_set = {str(q): q for q in old}
    new_set = {str(q): q for q in new}
    result = Diff()
    for q in list(old_set.values()) + list(new_set.values()):
        if q.predicate.value == RDFS_LABEL and isinstance(q.subject, ox.NamedNode):
            result.labels.setdefault(q.subject.value, q.object.value)
    for keys, source, target in (
        (new_set.keys() - old_set.keys(), new_set, result.added),
        (old_set.keys() - new_set.keys(), old_set, result.removed),
    ):
        for key in sorted(keys):
            q = source[key]
            graph = q.graph_name.value if isinstance(q.graph_name, ox.NamedNode) else "(default)"
            subject = q.subject.value if isinstance(q.subject, ox.NamedNode) else str(q.subject)
            target.setdefault(graph, {}).setdefault(subject, []).append(
                f"{_term(q.predicate)} {_term(q.object)}"
            )
    return result


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
