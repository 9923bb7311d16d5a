"""The SPARQL screen: a query runs only if a SPARQL 1.1 parser reads it and finds nothing in
it that reaches the network (SERVICE, LOAD, FROM / FROM NAMED); what runs is the checked text.

    >>> screened = screen_query("SELECT ?s WHERE { ?s a kgo:Person }", {"kgo": "urn:x#"})
    >>> screened.form
    'SELECT'

`screened.text` is the text to give the store: the query after the SPARQL pre-processing
(`\\u` escapes decoded), as one token per line with the comments left out and the prefixes
given declared at the top. rdflib's SPARQL 1.1 parser checked exactly that text; oxigraph
then parses that same text, so a trick that hides a keyword in a comment, behind an escape
or behind a `<` that one reader takes for an IRI no longer has anything to hide in.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from functools import cache

from kg.errors import QueryError

MAX_QUERY_CHARS = 200_000

# -- SPARQL 1.1 terminals (https://www.w3.org/TR/sparql11-query/#terminals) -----------------

_BASE = (
    "A-Za-z\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u02ff\u0370-\u037d\u037f-\u1fff\u200c-\u200d"
    "\u2070-\u218f\u2c00-\u2fef\u3001-\ud7ff\uf900-\ufdcf\ufdf0-\ufffd\U00010000-\U000effff"
)
_EXTRA = "\u00b7\u0300-\u036f\u203f-\u2040"  # PN_CHARS beyond PN_CHARS_U, '-' and digits
_PLX = r"%[0-9A-Fa-f]{2}|\\[_~.\-!$&'()*+,;=/?#@%]"
_ECHAR = r"\\[tbnrf\\\"']"
_EXP = r"[eE][+-]?[0-9]+"


def _terminals(base: str, extra: str) -> list[tuple[str, re.Pattern[str]]]:
    """The terminals' patterns, their name characters (PN_CHARS_BASE) being `base` and
    the further ones of PN_CHARS `extra`. The grammar's classes reach far beyond ASCII,
    and compiling them costs a `kg query` some 50 ms; in a query written in ASCII only
    their ASCII part can match, so such a query is read with the classes cut to ASCII
    (the same tokens: tests/test_screen.py compares the two readings)."""
    u = base + "_"
    chars = u + r"\-0-9" + extra
    prefix = f"[{base}](?:[{chars}.]*[{chars}])?"
    local = f"(?:[{u}:0-9]|{_PLX})(?:(?:[{chars}.:]|{_PLX})*(?:[{chars}:]|{_PLX}))?"
    return [
        ("ws", re.compile(r"[ \t\r\n]+")),
        ("comment", re.compile(r"#[^\r\n]*")),
        ("string", re.compile(rf"'''(?:(?:'|'')?(?:[^'\\]|{_ECHAR}))*'''")),
        ("string", re.compile(rf'"""(?:(?:"|"")?(?:[^"\\]|{_ECHAR}))*"""')),
        ("string", re.compile(rf"'(?:[^'\\\n\r]|{_ECHAR})*'")),
        ("string", re.compile(rf'"(?:[^"\\\n\r]|{_ECHAR})*"')),
        ("iri", re.compile(r"<[^<>\"{}|^`\\\x00-\x20]*>")),
        ("pname", re.compile(f"(?:{prefix})?:(?:{local})?")),
        ("bnode", re.compile(f"_:[{u}0-9](?:[{chars}.]*[{chars}])?")),
        ("var", re.compile(f"[?$][{u}0-9][{u}0-9{extra}]*")),
        ("langtag", re.compile(r"@[a-zA-Z]+(?:-[a-zA-Z0-9]+)*")),
        (
            "number",
            re.compile(
                rf"[+-]?(?:[0-9]+\.[0-9]*{_EXP}|\.[0-9]+{_EXP}|[0-9]+{_EXP}|[0-9]*\.[0-9]+|[0-9]+)"
            ),
        ),
        ("word", re.compile(r"[A-Za-z_][A-Za-z0-9_]*")),
        ("punct", re.compile(r"\^\^|&&|\|\||!=|<=|>=|[{}()\[\].,;*/+\-!=<>^|?]")),
    ]


@cache
def terminals(ascii_only: bool) -> list[tuple[str, re.Pattern[str]]]:
    """The terminals' patterns, compiled once a process: cut to ASCII, or whole."""
    return _terminals("A-Za-z", "") if ascii_only else _terminals(_BASE, _EXTRA)


_ESCAPE = re.compile(r"\\u([0-9A-Fa-f]{4})|\\U([0-9A-Fa-f]{8})")
_ANY_ESCAPE = re.compile(r"\\[uU][0-9A-Fa-f]{4}")
_NETWORK_WORDS = {"SERVICE", "LOAD"}
_HIDDEN = re.compile(r"(?i)(?<![A-Za-z0-9_])(service|load)(?![A-Za-z0-9_])")
_FORMS = {
    "SelectQuery": "SELECT",
    "ConstructQuery": "CONSTRUCT",
    "AskQuery": "ASK",
    "DescribeQuery": "DESCRIBE",
}


@dataclass(frozen=True)
class Ordered:
    """A SELECT whose ORDER BY (and DISTINCT, or GROUP BY of exactly its columns) kg can
    apply itself, in bounded memory (kg.sorted_rows), instead of the store holding every
    row: `text` is the query without them (the same prologue, columns and WHERE clause,
    one token a line as the screened text), `order` the ORDER BY's variables as indexes of
    the columns, `distinct` whether duplicate rows go."""

    text: str
    order: tuple[int, ...]
    distinct: bool


@dataclass(frozen=True)
class Screened:
    """A query that passed the screen: the text to run and its form."""

    text: str  # what the store must run: exactly the text the parser checked
    form: str  # SELECT, CONSTRUCT, ASK or DESCRIBE
    ordered: Ordered | None = None  # its sort kg may do instead (ordered_form)


@dataclass(frozen=True)
class _Token:
    kind: str
    text: str
    start: int  # offset in the decoded query


def decode_escapes(query: str) -> str:
    """SPARQL's first step: `\\uXXXX` and `\\UXXXXXXXX` become the characters they name, in
    the whole query. An escape that is still there after that (`\\u005Cu0053` gives
    `\\u0053`) is refused: a reader that decoded twice would read another query."""

    def char(m: re.Match[str]) -> str:
        code = int(m.group(1) or m.group(2), 16)
        if code > 0x10FFFF or 0xD800 <= code <= 0xDFFF:
            raise QueryError(f"invalid SPARQL query: {m.group(0)} is not a character")
        return chr(code)

    decoded = _ESCAPE.sub(char, query)
    if _ANY_ESCAPE.search(decoded):
        raise QueryError(
            "invalid SPARQL query: an escape (\\u...) writes another escape; write the "
            "character itself"
        )
    return decoded


def tokens(
    query: str, patterns: list[tuple[str, re.Pattern[str]]] | None = None
) -> Iterator[_Token]:
    """The SPARQL terminals of a decoded query, longest match first (the grammar's rule);
    comments and white space are left out. `patterns`: terminals(), cut to ASCII when the
    query is ASCII."""
    patterns = patterns or terminals(query.isascii())
    pos, n = 0, len(query)
    while pos < n:
        best: tuple[str, re.Match[str]] | None = None
        for kind, pattern in patterns:
            m = pattern.match(query, pos)
            if m and m.end() > pos and (best is None or m.end() > best[1].end()):
                best = (kind, m)
        if best is None:
            line, col = _line_col(query, pos)
            raise QueryError(
                f"invalid SPARQL query at line {line}, column {col}: unexpected character "
                f"U+{ord(query[pos]):04X}"
            )
        kind, m = best
        if kind not in ("ws", "comment"):
            yield _Token(kind, m.group(0), pos)
        pos = m.end()


def _line_col(text: str, pos: int) -> tuple[int, int]:
    line = text.count("\n", 0, pos) + 1
    return line, pos - (text.rfind("\n", 0, pos) + 1) + 1


def _refuse_words(toks: list[_Token]) -> None:
    for t in toks:
        if t.kind == "word" and t.text.upper() in _NETWORK_WORDS:
            raise QueryError(
                f"{t.text.upper()} is refused: kg never reaches the network from a query"
            )
        # `FILTER(1<2)SERVICE?e#>`: a reader that takes this `<` for less-than reads SERVICE
        # and a comment; no real IRI needs both
        if t.kind == "iri" and "#" in t.text:
            found = _HIDDEN.search(t.text.split("#", 1)[0])
            if found:
                raise QueryError(
                    f"{found.group(1).upper()} is refused: kg never reaches the network from "
                    f"a query (it hides in {t.text[:40]!r})"
                )


def _walk(node: object, seen: set[int] | None = None) -> Iterator[object]:
    seen = set() if seen is None else seen
    if id(node) in seen:
        return
    seen.add(id(node))
    yield node
    if isinstance(node, Mapping):
        for value in node.values():
            yield from _walk(value, seen)
    elif isinstance(node, list | tuple) or type(node).__name__ == "ParseResults":
        for value in node:  # type: ignore[union-attr]
            yield from _walk(value, seen)


def _refuse_parts(tree: object) -> None:
    for node in _walk(tree):
        name = getattr(node, "name", None)
        if name == "ServiceGraphPattern":
            raise QueryError("SERVICE is refused: kg never reaches the network from a query")
        if name == "Load":
            raise QueryError("LOAD is refused: kg never reaches the network from a query")
        if name == "DatasetClause":
            raise QueryError(
                "FROM and FROM NAMED are refused: kg answers from its own store only "
                "(pick graphs with GRAPH <iri> { ... })"
            )


def screen_query(query: str, prefixes: Mapping[str, str] | None = None) -> Screened:
    """Check a SPARQL 1.1 query and return the text to run; raise QueryError (one line) for
    a query that does not parse, an update, or SERVICE, LOAD, FROM / FROM NAMED."""
    from pyparsing import ParseBaseException
    from rdflib.plugins import sparql
    from rdflib.plugins.sparql.algebra import translateQuery
    from rdflib.plugins.sparql.parser import parseQuery, parseUpdate

    sparql.SPARQL_LOAD_GRAPHS = False  # rdflib never fetches a graph a query names

    if not query.strip():
        raise QueryError("no query: the query is empty")
    if len(query) > MAX_QUERY_CHARS:
        raise QueryError(
            f"the query is too long ({len(query):,} characters; at most {MAX_QUERY_CHARS:,})"
        )
    decoded = decode_escapes(query)
    toks = list(tokens(decoded))
    _refuse_words(toks)
    prologue = "".join(f"PREFIX {p}: <{ns}>\n" for p, ns in (prefixes or {}).items())
    # one token a line: a `#` that some reader takes for a comment hides no other token;
    # a language tag, a datatype, a path modifier (`kgo:p*`) and the bracket of a function
    # call (`COALESCE(`: oxigraph reads no space there) stay glued to what they followed,
    # as some readers require
    starts, parts, at, glue, end, word = [], [], len(prologue), True, -1, False
    for t in toks:
        joined = (
            glue
            or t.kind == "langtag"
            or t.text == "^^"
            or (t.text in ("*", "+", "?") and t.start == end)
            or (t.text == "(" and word and t.start == end)
        )
        end, word = t.start + len(t.text), t.kind == "word"
        at += 0 if joined else 1
        starts.append(at)
        parts.append(t.text if joined else "\n" + t.text)
        at += len(t.text)
        glue = t.text == "^^"
    text = prologue + "".join(parts)
    try:
        tree = parseQuery(text)
    except ParseBaseException as exc:
        try:
            parseUpdate(text)
        except (ParseBaseException, RecursionError, ValueError):
            pass
        else:
            raise QueryError(
                "updates are refused: kg answers queries (SELECT, CONSTRUCT, ASK, DESCRIBE)"
            ) from None
        raise QueryError(_where(exc.loc, starts, toks, decoded)) from None
    except RecursionError:
        raise QueryError("invalid SPARQL query: it is nested too deeply") from None
    _refuse_parts(tree)
    try:
        algebra = translateQuery(tree)
    except RecursionError:
        raise QueryError("invalid SPARQL query: it is nested too deeply") from None
    except Exception as exc:  # rdflib raises plain exceptions for unknown prefixes and such
        first = (str(exc).splitlines() or [type(exc).__name__])[0]
        raise QueryError(f"invalid SPARQL query: {first}") from None
    _refuse_parts(algebra.algebra)
    form = _FORMS.get(getattr(tree[1], "name", ""), "SELECT")
    ordered = ordered_form(tree[1], toks, parts, prologue) if form == "SELECT" else None
    return Screened(text=text, form=form, ordered=ordered)


def _plain_variable(node: object) -> str | None:
    """The name of a variable that an expression is and nothing more (rdflib's parser
    wraps `ASC(?x)` in one-child expressions), or None."""
    from rdflib.term import Variable

    while type(node).__name__ == "CompValue" and set(node.keys()) == {"expr"}:  # type: ignore[attr-defined]
        node = node["expr"]  # type: ignore[index]
    return str(node) if isinstance(node, Variable) else None


def ordered_form(
    query: object, toks: list[_Token], parts: list[str], prologue: str
) -> Ordered | None:
    """The Ordered form of a parsed SELECT (rdflib's SelectQuery) whose rows kg may sort
    and make distinct itself, or None. It applies to a query whose columns are plain
    variables, each once, whose ORDER BY sorts by some of them, ascending, and which has
    DISTINCT or a GROUP BY of exactly its columns (the same rows: no aggregate can be
    asked) or neither; no HAVING, LIMIT, OFFSET or VALUES after the WHERE clause. Its
    text is the screened text's tokens up to the end of the WHERE clause, without
    DISTINCT."""
    if not isinstance(query, Mapping):
        return None

    def get(key: str):  # rdflib's CompValue.get answers a missing key with its name
        return query[key] if key in query else None  # noqa: SIM401

    if not get("orderby"):
        return None
    if get("having") or get("limitoffset") or get("valuesClause"):
        return None
    columns = []
    for item in get("projection") or []:
        if set(item.keys()) != {"var"}:  # an expression, (... AS ?x)
            return None
        columns.append(str(item["var"]))
    if not columns or len(set(columns)) != len(columns):  # SELECT *, a column twice
        return None
    modifier = get("modifier")
    group = get("groupby")
    if group:
        keys = [_plain_variable(c) for c in group["condition"]]
        if modifier == "REDUCED" or sorted(map(str, keys)) != sorted(columns):
            return None
    elif modifier not in (None, "DISTINCT"):
        return None
    order = []
    for condition in get("orderby")["condition"]:
        if type(condition).__name__ == "CompValue" and condition.name == "OrderCondition":
            if ("order" in condition and condition["order"] != "ASC") or "expr" not in condition:
                return None
            condition = condition["expr"]
        name = _plain_variable(condition)
        if name is None or name not in columns:
            return None
        order.append(columns.index(name))
    return _ordered_text(toks, parts, prologue, tuple(order), bool(group) or modifier == "DISTINCT")


def _ordered_text(
    toks: list[_Token], parts: list[str], prologue: str, order: tuple[int, ...], distinct: bool
) -> Ordered | None:
    """The query's tokens from the start to the brace that ends its WHERE clause (the
    first `{` after SELECT opens it), without the DISTINCT after SELECT."""
    words = [i for i, t in enumerate(toks) if t.kind == "word" and t.text.upper() == "SELECT"]
    if not words:
        return None
    select = words[0]
    keep = list(range(len(toks)))
    if select + 1 < len(toks) and toks[select + 1].text.upper() == "DISTINCT":
        keep.remove(select + 1)
    depth = 0
    for i in range(select, len(toks)):
        if toks[i].kind != "punct":
            continue
        if toks[i].text == "{":
            depth += 1
        elif toks[i].text == "}":
            depth -= 1
            if depth == 0:
                rest = toks[i + 1 : i + 2]
                if not rest or rest[0].text.upper() not in ("GROUP", "ORDER"):
                    return None
                text = prologue + "".join(parts[j] for j in keep if j <= i)
                return Ordered(text, order, distinct)
    return None


def _where(loc: int, starts: list[int], toks: list[_Token], decoded: str) -> str:
    """Where the parser stopped, as a line and column of the query the user wrote."""
    if not toks:
        return "invalid SPARQL query: no query"
    i = max(0, bisect_right(starts, loc) - 1)
    if loc >= starts[-1] + len(toks[-1].text):
        return "invalid SPARQL query: it ends too early"
    token = toks[i]
    line, col = _line_col(decoded, token.start)
    near = token.text if len(token.text) <= 30 else token.text[:27] + "..."
    return f"invalid SPARQL query at line {line}, column {col}, near {near!r}"
