"""spaCy's attribute_ruler with its patterns matched by lookup instead of its Matcher.

The model's `attribute_ruler` (the tag map: TAG -> POS and MORPH, plus word exceptions: 179
patterns in en_core_web_sm) runs a spaCy `Matcher` over every token of every block: some
15 µs a token, about a tenth of the parser's whole pipeline and of a `kg build`'s CPU. Its
patterns are plain: one or two tokens, each an attribute equal to a value, in or not in a
list, or a regular expression. `compile_rules` reads them into tables (a pattern listed by
its first token's LOWER, TAG or DEP value when it names one), and `AttributeRules` finds
the same matches from the block's attribute arrays, then sets the attributes with the
ruler's own `set_annotations`: the same (pattern, start, end) list, in the ruler's order
(the pattern's number, then where it starts), so later rules still take precedence.

A pattern with anything else (an operator, another predicate, an extension attribute) is
not compiled: `compile_rules` returns None and the model's ruler runs as it is."""

from __future__ import annotations

import re
from collections.abc import Callable

from spacy.attrs import IDS
from spacy.language import Language
from spacy.tokens import Doc
from spacy.tokens._retokenize import set_token_attrs  # what the ruler sets a token's with

_ATTRS = ("ORTH", "LOWER", "NORM", "TAG", "POS", "DEP", "LEMMA", "IS_SPACE", "IS_PUNCT")
_SEEN_MAX = 10_000  # distinct rows remembered (a few thousand in 200 articles; ~3 MB at most)
_INDEXED = ("LOWER", "TAG", "DEP", "IS_SPACE")  # a first token's value that lists the pattern


class Rules:
    """A ruler's patterns as tables: `attrs`, the attribute ids read from a block's array;
    `by_value[k][v]` and `general`: (key, hash, token tests) of the patterns whose first
    token has value v of attribute k, and of the others."""

    def __init__(self, attrs: list[str]) -> None:
        self.attrs = attrs
        self.ids = [IDS[a] for a in attrs]
        self.by_value: list[dict[int, list]] = [{} for _ in _INDEXED]
        self.general: list = []
        self.tables: list[tuple[int, dict[int, list]]] = []  # (column, by_value) of the rows
        self.seen: dict[tuple, tuple[tuple, tuple]] = {}  # a row's values -> `_at` of them


def _test(strings, column: int, attr: str, value) -> Callable | None:
    """A test of one attribute of a token's row (a tuple of the block's array), or None
    for a predicate kept for the Matcher."""
    if isinstance(value, bool):
        want = int(value)
        return lambda row: row[column] == want
    if isinstance(value, str | int):
        want = strings[value] if isinstance(value, str) else value
        return lambda row: row[column] == want
    if not isinstance(value, dict) or len(value) != 1:
        return None
    ((op, arg),) = value.items()
    if op in ("IN", "NOT_IN") and isinstance(arg, list) and all(isinstance(a, str) for a in arg):
        wanted = frozenset(strings[a] for a in arg)
        if op == "IN":
            return lambda row: row[column] in wanted
        return lambda row: row[column] not in wanted
    if op == "REGEX" and isinstance(arg, str) and attr not in ("IS_SPACE", "IS_PUNCT"):
        search = re.compile(arg).search
        seen: dict[int, bool] = {}  # a value's string is searched once

        def matches(row) -> bool:
            v = row[column]
            got = seen.get(v)
            if got is None:
                if len(seen) > _SEEN_MAX:
                    seen.clear()
                got = seen[v] = bool(search(strings[v]))
            return got

        return matches
    return None


def compile_rules(ruler) -> Rules | None:
    """The ruler's patterns as `Rules`, or None when one of them is not of the plain kind."""
    strings = ruler.vocab.strings
    used: list[str] = []
    entries = []
    for number, pattern in enumerate(ruler.patterns):
        key = strings[str(number)]  # the ruler's match id for the pattern (AttributeRuler.add)
        for alternative in pattern["patterns"]:
            if not alternative:
                return None
            tokens = []
            for spec in alternative:
                if not isinstance(spec, dict) or not spec:
                    return None
                tests = {}
                for attr, value in spec.items():
                    attr = attr.upper() if isinstance(attr, str) else attr
                    if attr not in _ATTRS:
                        return None
                    if attr not in used:
                        used.append(attr)
                    test = _test(strings, used.index(attr), attr, value)
                    if test is None:
                        return None
                    tests[attr] = (value, test)
                tokens.append(tests)
            entries.append((number, key, tokens))
    rules = Rules(used)
    for number, key, tokens in entries:
        first = tokens[0]
        for k, attr in enumerate(_INDEXED):
            value = first.get(attr, (None,))[0]
            if isinstance(value, str | bool):
                values = [value]
            elif isinstance(value, dict) and isinstance(value.get("IN"), list):
                values = value["IN"]
            else:
                continue
            # the value the pattern is listed by is its first token's test of that attribute
            rest = [t for a, (_v, t) in first.items() if a != attr]
            after = [[t for _v, t in x.values()] for x in tokens[1:]]
            entry = _entry(number, key, [rest, *after])
            for v in values:
                v = int(v) if isinstance(v, bool) else strings[v]
                rules.by_value[k].setdefault(v, []).append(entry)
            break
        else:
            tests = [[t for _v, t in x.values()] for x in tokens]
            rules.general.append(_entry(number, key, tests))
    for attr, table in zip(_INDEXED, rules.by_value, strict=True):
        if attr in used:
            rules.tables.append((used.index(attr), table))
    return rules


def _entry(number: int, key: int, tests: list[list[Callable]]) -> tuple:
    """(number, key, length, tests of the rows from the match's start) of a pattern."""
    flat = tuple((j, t) for j, token in enumerate(tests) for t in token)
    return number, key, len(tests), flat


def find_matches(rules: Rules, doc: Doc) -> list[tuple[int, int, int, int]]:
    """The matches the ruler's Matcher finds in `doc`, as `AttributeRuler.match` orders
    them: (pattern number, match id, start, end)."""
    if not len(doc):
        return []
    array = doc.to_array(rules.ids)
    rows = array.reshape(len(doc), len(rules.ids)).tolist()  # one attribute: a 1-D array
    seen = rules.seen
    if len(seen) > _SEEN_MAX:
        seen.clear()
    n = len(rows)
    found = []
    for start, row in enumerate(rows):
        values = tuple(row)
        here = seen.get(values)
        if here is None:
            here = seen[values] = _at(rules, values)
        ones, longer = here
        for number, key in ones:
            found.append((number, key, start, start + 1))
        for number, key, length, tests in longer:
            end = start + length
            if end <= n and all(test(rows[start + j]) for j, test in tests):
                found.append((number, key, start, end))
    found.sort()
    return found


def _at(rules: Rules, row: tuple) -> tuple[tuple, tuple]:
    """For a token's attribute values: the one-token patterns it matches, (number, key),
    and the longer patterns whose first token it matches, with the tests of the tokens
    after it."""
    candidates = list(rules.general)
    for c, table in rules.tables:
        candidates += table.get(row[c], ())
    ones, longer = [], []
    for number, key, length, tests in candidates:
        if not all(test(row) for j, test in tests if j == 0):
            continue
        if length == 1:
            ones.append((number, key))
        else:
            longer.append((number, key, length, tuple((j, t) for j, t in tests if j)))
    return tuple(ones), tuple(longer)


class AttributeRules:
    """The model's attribute ruler, matched by `find_matches` (set by `use`)."""

    def __init__(self) -> None:
        self.ruler = None
        self.rules: Rules | None = None

    def use(self, ruler, rules: Rules) -> None:
        self.ruler, self.rules = ruler, rules

    def __getstate__(self) -> dict:  # the tables hold functions: compiled again when read
        return {"ruler": self.ruler}

    def __setstate__(self, state: dict) -> None:
        self.ruler = state["ruler"]
        self.rules = compile_rules(self.ruler) if self.ruler is not None else None

    def __call__(self, doc: Doc) -> Doc:
        ruler = self.ruler
        matches = find_matches(self.rules, doc)
        attrs, indices = ruler.attrs, ruler.indices
        for number, _key, start, end in matches:
            # the token the pattern sets, as the ruler's set_annotations finds it (without
            # a Span per match); an index outside the match: the ruler raises its error
            index = indices[number]
            i = (start if index >= 0 else end) + index
            if not start <= i < end:
                ruler.set_annotations(doc, matches)
                break
            set_token_attrs(doc[i], attrs[number])
        return doc


@Language.factory("kg_attribute_rules")
def make_attribute_rules(nlp: Language, name: str) -> AttributeRules:
    return AttributeRules()


def install(nlp: Language, name: str = "attribute_ruler") -> bool:
    """Put `AttributeRules` in the place (and under the name) of the pipeline's attribute
    ruler when all its patterns compile; whether it did."""
    if name not in nlp.pipe_names:
        return False
    ruler = nlp.get_pipe(name)
    if not hasattr(ruler, "set_annotations") or not hasattr(ruler, "patterns"):
        return False
    rules = compile_rules(ruler)
    if rules is None:
        return False
    nlp.replace_pipe(name, "kg_attribute_rules")
    nlp.get_pipe(name).use(ruler, rules)
    return True
