"""Clusters: the entities of an article, each a group of mentions with a class and a label,
and the union-find that groups mentions into them."""

from __future__ import annotations

from dataclasses import dataclass, field

from kg.extract.lexicon import GazetteerEntry, norm
from kg.extract.mentions import Mention
from kg.extract.words import name_variants


@dataclass
class Cluster:
    id: int
    cls: str
    label: str
    mentions: list[Mention] = field(default_factory=list)
    entry: GazetteerEntry | None = None
    metonym_of: GazetteerEntry | None = None
    title: str | None = None  # a position held: its bare title ("foreign minister")
    of: int | None = None  # ... and the cluster id of the country or body it belongs to
    written: list[str] = field(default_factory=list)  # ... and how the text writes it with
    # its owner ("Ambassador of Norland to Velmar" for "Ambassador to Velmar" of Norland)

    @property
    def aliases(self) -> list[str]:
        """The other names the text gives it, each once; a name spelled otherwise than the
        label ("World Health Organisation" for "World Health Organization") is one."""
        seen, out = {_spelled(self.label)}, []
        for text in self.written:
            spelled = _spelled(text)
            if spelled not in seen:
                seen.add(spelled)
                out.append(text)
        # a description that refers back is a guess, not a name ("the accord" for the Velm
        # Accord); for an entity named by a description in lower case, the head word it is
        # named with again is ("the summit" for "a two-day summit")
        last = self.label.split()[-1] if self.label.split() else ""
        words = (
            set(norm(self.label).split())
            if last.islower() and self.mentions and self.mentions[0].label in ("DESC", "COMMON")
            else set()
        )
        for m in self.mentions:
            if m.label == "DESC" and m is not self.mentions[0]:
                bare = norm(m.text).split()  # "summit", not "separate summit"
                if len(bare) == 1 and bare[0] in words and _spelled(m.text) not in seen:
                    seen.add(_spelled(m.text))
                    out.append(m.text)
                continue
            if m.label == "NORP":
                continue
            for text in (m.text, m.long, m.owned, m.alias, *m.names, *name_variants(m.text)):
                if text and _spelled(text) not in seen:
                    seen.add(_spelled(text))
                    out.append(text)
        return out


def _spelled(text: str) -> str:
    """A name as spelled: `norm` without its folding of spelling variants."""
    return norm(text, spelling=False)


class UnionFind:
    def __init__(self, n: int) -> None:
        self.parent = list(range(n))

    def find(self, i: int) -> int:
        while self.parent[i] != i:
            self.parent[i] = self.parent[self.parent[i]]
            i = self.parent[i]
        return i

    def join(self, a: int, b: int) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.parent[max(ra, rb)] = min(ra, rb)
