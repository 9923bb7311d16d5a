"""Stable, readable IRIs for entities, articles, statements and graphs."""

from __future__ import annotations

import hashlib
import unicodedata
from functools import lru_cache

import pyoxigraph

DEFAULT_BASE = "https://w3id.org/newskg/id/"


def _keep(ch: str) -> bool:
    if ch.isascii():
        return ch.isalnum()
    return unicodedata.category(ch)[0] in "LN" and ch.isprintable()


@lru_cache(maxsize=1 << 14)
def slug(text: str) -> str:
    """A readable IRI path segment for any label (cached: a corpus repeats its names).

    Letters and digits (any script) are kept, lower-cased; every other run of characters
    becomes one hyphen. A label with no letter or digit gets a digest, so every label has
    a slug and equal labels have equal slugs.
    """
    text = unicodedata.normalize("NFKC", text).casefold()
    out: list[str] = []
    for ch in text:
        if _keep(ch):
            out.append(ch)
        elif out and out[-1] != "-":
            out.append("-")
    result = "".join(out).strip("-")
    if not result:
        result = "x-" + hashlib.sha256(text.encode("utf-8")).hexdigest()[:12]
    return result


def checked(iri: str) -> str:
    """Return `iri` if pyoxigraph accepts it as an IRI, else raise ValueError."""
    pyoxigraph.NamedNode(iri)
    return iri


def check_base(base: str) -> str:
    if not base.endswith(("/", "#")):
        raise ValueError(f"the base IRI must end with '/' or '#': {base!r}")
    try:
        return checked(base)
    except ValueError:
        raise ValueError(f"not a valid base IRI: {base!r}") from None


def entity_iri(base: str, label: str) -> str:
    return checked(base + slug(label))


def homonym_iri(iri: str, cls: str) -> str:
    """The IRI of a name that another class took first: the name's IRI, a double hyphen and
    the class. A slug never holds two hyphens in a row, so this is no other name's IRI."""
    return checked(f"{iri}--{slug(cls)}")


def article_local_iri(base: str, article_id: str, label: str) -> str:
    """The IRI of an entity that only its article identifies (a bare surname, a
    description, a position of no known country): inside the article's namespace. An empty
    label gives the namespace itself."""
    prefix = f"{base}article/{slug(article_id)}/"
    return checked(prefix + slug(label) if label else prefix)


def article_iri(base: str, article_id: str) -> str:
    return checked(f"{base}article/{slug(article_id)}")


def graph_iri(base: str, article_id: str) -> str:
    return checked(f"{base}graph/{slug(article_id)}")


def quarantine_graph_iri(base: str, article_id: str) -> str:
    return checked(f"{base}graph/{slug(article_id)}/quarantine")


def statement_node(base: str, *parts: str) -> pyoxigraph.NamedNode:
    """The node of a statement, named by a digest of its parts (a node, not an IRI string:
    making a NamedNode checks its IRI, once is enough)."""
    digest = hashlib.sha256("\x1f".join(parts).encode("utf-8")).hexdigest()[:20]
    return pyoxigraph.NamedNode(f"{base}statement/{digest}")
