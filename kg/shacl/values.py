"""Tests of one value node, as pySHACL makes them: datatypes and lexical forms, literal
comparison, node kinds, strings, language tags, and the pair constraints (sh:equals,
sh:disjoint, sh:lessThan). Written out rather than imported from pySHACL: importing it costs
a build about 0.1 s of CPU; the differential test holds the two equal."""

from __future__ import annotations

import datetime
import re
from collections.abc import Callable
from decimal import Decimal
from functools import lru_cache

import pyoxigraph as ox
import rdflib
from rdflib.namespace import RDF, RDFS, XSD

from kg.shacl.data import Data
from kg.shacl.terms import LANG_STRING, XSD_STRING, to_rdflib

# A check takes (data, focus, value nodes) and returns [(value or None, component)].
Check = Callable[[Data, object, list], list]


def datatype_ok(term, dt: ox.NamedNode) -> bool:
    """pySHACL's sh:datatype: the datatype matches and the lexical form is valid (by
    rdflib's reading of it). A string matches its datatype as it is: every lexical form
    is valid (pySHACL asks only that rdflib reads a str), and a corpus's strings (its
    sentences) would fill the caches of the other literals."""
    if not isinstance(term, ox.Literal):
        return False
    if dt in (XSD_STRING, LANG_STRING):
        return dt == (LANG_STRING if term.language else term.datatype)
    return _typed_ok(term, dt)


# The Python type rdflib must read a literal's lexical form as, for sh:datatype, as pySHACL
# asks it (DatatypeConstraintComponent._assert_actual_datatype); any other datatype passes.
# Written out rather than imported: importing pySHACL costs a build about 0.1 s of CPU (in
# each `--jobs` worker that builds a batch), and the differential test holds the two equal.
VALUE_TYPES: dict[str, type | tuple[type, ...]] = {
    str(XSD.string): (str, bytes),
    str(RDF.langString): (str, bytes),
    str(XSD.integer): int,
    str(XSD.float): float,
    str(XSD.decimal): Decimal,
    str(XSD.boolean): bool,
    str(XSD.date): datetime.date,
    str(XSD.time): datetime.time,
    str(XSD.dateTime): datetime.datetime,
}
# values pySHACL compares by value rather than as literals (pyshacl.rdfutil.compare)
_COMPARED_BY_VALUE = (datetime.datetime, datetime.time)


@lru_cache(maxsize=1 << 14)
def _typed_ok(term: ox.Literal, dt: ox.NamedNode) -> bool:
    """datatype_ok of a literal that is not a string, cached: a corpus repeats its typed
    literals (dates, offsets, confidences)."""
    if dt.value == str(RDFS.Literal):
        return True
    actual = LANG_STRING if term.language else term.datatype
    if dt.value == str(RDFS.Datatype):
        return to_rdflib(term).datatype is not None
    if actual != dt:
        return False
    lit = to_rdflib(term)
    if getattr(lit, "ill_typed", None) is True:
        return False
    wanted = VALUE_TYPES.get(dt.value)
    return wanted is None or isinstance(lit.value, wanted)


def compare_literals(a: rdflib.Literal, b: rdflib.Literal) -> int:
    """pySHACL's compare_literal: 0 equal, 1 greater, else -1 (raises TypeError or
    NotImplementedError when the two do not compare)."""
    if a.eq(b):
        return 0
    if a.value.__class__ in _COMPARED_BY_VALUE:
        if a.value == b.value:
            return 0
        if a.value > b.value:
            return 1
    elif a > b:
        return 1
    return -1


@lru_cache(maxsize=1 << 14)
def compare(v, bound: rdflib.Literal) -> int | None:
    """pySHACL's literal comparison: -1, 0, 1, or None when not comparable (cached, as
    datatype_ok)."""
    if not isinstance(v, ox.Literal):
        return None
    lit = to_rdflib(v)
    if isinstance(lit.value, str) != isinstance(bound.value, str):
        return None
    try:
        return compare_literals(lit, bound)
    except (TypeError, NotImplementedError):
        return None


def node_kind_ok(term, kind: str) -> bool:
    blank = isinstance(term, ox.BlankNode)
    iri = isinstance(term, ox.NamedNode)
    literal = isinstance(term, ox.Literal)
    return {
        "BlankNode": blank,
        "IRI": iri,
        "Literal": literal,
        "BlankNodeOrIRI": blank or iri,
        "BlankNodeOrLiteral": blank or literal,
        "IRIOrLiteral": iri or literal,
    }[kind]


def string_of(term) -> str | None:
    if isinstance(term, ox.BlankNode):
        return None
    return term.value


def regex_flags(flags: str) -> int:
    out = 0
    for ch, f in (("i", re.I), ("m", re.M), ("s", re.S), ("x", re.X)):
        if ch in flags:
            out |= f
    return out


def unique_lang(d: Data, f, vs: list) -> list:
    seen: dict[str, int] = {}
    for v in vs:
        if isinstance(v, ox.Literal) and v.language:
            key = v.language.lower()
            seen[key] = seen.get(key, 0) + 1
    return [(None, "UniqueLangConstraintComponent") for k, n in seen.items() if n > 1]


def pair_check(other: ox.NamedNode, component: str) -> Check:
    def check(d: Data, f, vs: list) -> list:
        others = d.objects(f, other)
        if component == "EqualsConstraintComponent":
            return [(v, component) for v in vs if v not in others] + [
                (o, component) for o in others if o not in vs
            ]
        if component == "DisjointConstraintComponent":
            return [(v, component) for v in vs if v in others]
        out = []
        for v in vs:
            for o in others:
                if not _less(v, o, component == "LessThanOrEqualsConstraintComponent"):
                    out.append((v, component))
        return out

    check.reads_focus = True  # its result depends on the focus node's other values
    return check


XSD_INTEGER = ox.NamedNode(str(XSD.integer))
_INTEGER = re.compile(r"[+-]?[0-9]+")  # a lexical form rdflib reads as int(form)


def _less(v, o, or_equal: bool) -> bool:
    """pySHACL's sh:lessThan(OrEquals) test: IRIs and strings compare as text, other
    literals by rdflib's ordering; a string never compares with a non-string.

    Two xsd:integer literals of plain digits (a statement's offsets) compare as rdflib
    compares them, by their int values, without making rdflib literals (about 18 us a
    pair, most of it rdflib's; a batch of 100 articles has some 1,600 pairs)."""
    if isinstance(v, ox.Literal) and isinstance(o, ox.Literal):
        a, b = v.value, o.value
        if (
            _INTEGER.fullmatch(a)
            and _INTEGER.fullmatch(b)
            and v.datatype == XSD_INTEGER
            and o.datatype == XSD_INTEGER
        ):
            return int(a) <= int(b) if or_equal else int(a) < int(b)

    def plain(term):
        if isinstance(term, ox.NamedNode):
            return term.value, True
        lit = to_rdflib(term)
        if isinstance(lit, rdflib.Literal) and isinstance(lit.value, str):
            return lit.value, True
        return lit, False

    if isinstance(v, ox.BlankNode) or isinstance(o, ox.BlankNode):
        return False
    a, a_text = plain(v)
    b, b_text = plain(o)
    if a_text != b_text:
        return False
    try:
        return bool(a <= b) if or_equal else bool(a < b)
    except TypeError:
        return False
