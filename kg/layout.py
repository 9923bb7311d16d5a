"""The layout of a store folder, read without loading kg's RDF machinery (the query child
process reads it): the pyoxigraph database of the article graphs at the top, `quarantine/`
the database of the quarantine graphs, and `kg-store.json` the store's record (its base IRI,
and the layout it is in).

kg 0.1 kept the quarantine graphs among the article graphs. The first open for writing by a
later kg moves them into `quarantine/`, and records `"layout": 2` only once the move is
done. Until then a reader treats the store as kg 0.1's and leaves those graphs out by
listing the graphs, so a move that stopped half-way (a crash, a kill) never shows a
quarantine graph among the articles; the next open for writing finishes it.

A kg that does not know the record (kg 0.1) may still write quarantine graphs among the
articles of a recorded store. Every open checks for that without listing the graphs
(quarantine_mixed_in: one look-up in the predicate index), so readers leave them out and
the next open for writing moves them.
"""

from __future__ import annotations

import json
from pathlib import Path

from kg.errors import KgError

QUARANTINE_DIR = "quarantine"
META_FILE = "kg-store.json"
LAYOUT = 2  # the quarantine graphs in their own database
_UNREADABLE = "{}: unreadable; it should hold the store's record (its base IRI and layout)"


class MetaError(KgError):
    """kg-store.json exists but does not hold a JSON object: a user's error (a damaged
    store), reported in one line like any other store error, never as a kg bug."""


def read_meta(folder: str | Path) -> dict:
    """The store's record ({} when it has none). MetaError if it cannot be read."""
    path = Path(folder) / META_FILE
    if not path.exists():
        return {}
    try:
        meta = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        raise MetaError(_UNREADABLE.format(path)) from None
    if not isinstance(meta, dict):
        raise MetaError(_UNREADABLE.format(path))
    return meta


def record_meta(folder: str | Path, **fields) -> None:
    """Add fields to the store's record (written whole to a temporary file, then renamed)."""
    from kg.files import write_bytes

    meta = {**read_meta(folder), **fields}
    text = json.dumps(meta, sort_keys=True) + "\n"
    write_bytes(Path(folder) / META_FILE, text.encode("utf-8"))


def quarantine_mixed_in(store) -> bool:
    """Whether the article database `store` (a pyoxigraph Store) holds a quarantined
    statement: one look-up of kgo:violation in the predicate index, without listing the
    graphs. Every quarantined statement carries that predicate and no article graph does;
    kg 0.2 keeps them in `quarantine/`, so one found here was written by a kg that does not
    know the layout record (kg 0.1). A kg 0.1 quarantine graph holding only entities (no
    statement) is not found this way: README says kg 0.1 must not write a kg 0.2 store."""
    import pyoxigraph as ox

    from kg.prefixes import prefixes

    violation = ox.NamedNode(prefixes()["kgo"] + "violation")
    return next(iter(store.quads_for_pattern(None, violation, None, None)), None) is not None


def quarantine_apart(folder: str | Path) -> bool:
    """Whether the store in `folder` is recorded as keeping every quarantine graph in its
    own database, so that a reader need not list the article graphs to leave them out."""
    try:
        return read_meta(folder).get("layout") == LAYOUT
    except MetaError:
        return False
