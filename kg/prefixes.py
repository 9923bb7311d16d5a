"""The ontology's prefixes and the one way kg shortens an IRI with them.

The prefixes are data: ontology/context.jsonld (the JSON-LD context kg ships), read here
and nowhere else. JSON-LD export, query tables, validation reports and diffs all compact
IRIs with compact_iri, so an IRI reads the same in every output.
"""

from __future__ import annotations

import json
from functools import cache

from kg.resources import ontology_dir


@cache
def _context() -> dict:
    path = ontology_dir() / "context.jsonld"
    return json.loads(path.read_text(encoding="utf-8"))["@context"]


def jsonld_context() -> dict:
    """The `@context` of ontology/context.jsonld (never fetched): prefix -> namespace."""
    return dict(_context())


def prefixes() -> dict[str, str]:
    """The ontology's prefixes, prefix -> namespace, in the context file's order."""
    return {k: v for k, v in _context().items() if isinstance(v, str)}


def compact_iri(iri: str, prefixes: dict[str, str]) -> str:
    """`iri` as prefix:rest (kgo:Person) with the longest namespace of `prefixes` it
    extends, or as it is. A rest that is empty or starts with // is not shortened:
    JSON-LD reads `schema://x` as an absolute IRI, so it would name another resource.
    Ties between two prefixes of one namespace go to the smaller prefix, so the result
    does not depend on the order of `prefixes`."""
    fits = [
        (-len(ns), prefix)
        for prefix, ns in prefixes.items()
        if len(iri) > len(ns) and iri.startswith(ns) and not iri.startswith("//", len(ns))
    ]
    if not fits:
        return iri
    minus_len, prefix = min(fits)
    return f"{prefix}:{iri[-minus_len:]}"
