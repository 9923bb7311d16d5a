"""Titles of posts: a spaCy component that marks them as POSITION entities before NER.

The patterns and word lists are data (data/patterns/titles.yaml): a chain of title words
ending in a role noun ("Defence Cabinet Secretary"), hyphenated titles ("Governor-General"),
and "of" titles whose complement names a domain ("Minister of Economy, Trade and
Industry", "Chief of the General Staff"). Set before the entity recognizer, the spans are
respected by it, so a title is never read as part of a person's name.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from operator import add, and_, or_
from typing import Any

from spacy.attrs import IDS, LOWER, ORTH
from spacy.language import Language
from spacy.matcher import Matcher
from spacy.strings import get_string_id
from spacy.tokens import Span
from spacy.util import filter_spans

from kg.extract.lexicon import gazetteer, lexicon, load_yaml, norm

LABEL = "POSITION"


@dataclass(frozen=True)
class TitleData:
    patterns: tuple[tuple[str, list[dict]], ...]
    qualifiers: dict[str, str]  # word before or in a title -> qualifier
    role_nouns: frozenset[str]
    role_plurals: frozenset[str]  # "ministers", "secretaries": made from role_nouns
    job_nouns: frozenset[str]  # "analyst", "researcher": titles without a complement
    modifiers: frozenset[str]
    prefixes: frozenset[str]  # "co", "vice": glued by a hyphen before a role noun
    domains: frozenset[str]  # words that end an "of" title's complement ("affairs", "staff")
    leader_titles: frozenset[str]  # titles that lead their owner, normalised ("executive director")
    force_leader_titles: dict[str, str]  # normalised title -> the kind of force it leads
    name_heads: frozenset[str]  # title words that can also end a name before them
    honorifics: frozenset[str]  # courtesy words between a title and a name ("Dr", "Ms")
    retired_marks: frozenset[str]  # "(Ret.)", "(r)" between a rank and a name
    not_complements: frozenset[str]  # days and months: never the end of a title
    complement_joiners: frozenset[str]  # small words inside a title's complement
    name_particles: frozenset[str]  # "van", "bin": lower-case words inside names
    small_words: frozenset[str]  # "of", "the": lower case inside names, left out of acronyms
    complement_prepositions: frozenset[str]  # "of", "for": open a title's complement
    place_complement_preps: frozenset[str]  # "to", "for": before a place a title is for
    written_deps: frozenset[str]  # dependencies a title's written complement goes on through
    written_ends: frozenset[str]  # words a written complement never ends on ("and", "the")
    written_preps: frozenset[str]  # prepositions a written complement goes on through
    written_stops: frozenset[str]  # words of time that end a written complement ("previous")
    owner_then_preps: frozenset[str]  # "to", "in": go on a title past its owner's "of"
    owner_then_classes: tuple[str, ...]  # ... when the phrase names a place or a body
    country_staffs: frozenset[str]  # "staff": "the Norlandic Defence Staff" is Norland's
    windows: dict[str, int]  # how far, in words, a walk from a title goes


def _expand(value: Any, lists: dict[str, list[str]]) -> Any:
    """Replace "$name" by the word list of that name, anywhere in a pattern ("$a+$b": both
    lists)."""
    if isinstance(value, str) and value.startswith("$"):
        return [w for name in value.split("+") for w in lists[name.strip().lstrip("$")]]
    if isinstance(value, dict):
        return {k: _expand(v, lists) for k, v in value.items()}
    if isinstance(value, list):
        return [_expand(v, lists) for v in value]
    return value


@cache
def title_data() -> TitleData:
    d = load_yaml("patterns/titles.yaml")
    lists = {
        k: [str(w) for w in v] for k, v in d.items() if isinstance(v, list) and k != "patterns"
    }
    lists["role_plurals"] = [plural(w) for w in lists["role_nouns"]]
    lists["qualifiers"] = [str(k) for k in d["qualifiers"]]  # the words, as a list
    patterns = tuple((p["name"], _expand(p["pattern"], lists)) for p in d["patterns"])
    return TitleData(
        patterns=patterns,
        qualifiers={str(k): str(v) for k, v in d["qualifiers"].items()},
        role_nouns=frozenset(lists["role_nouns"]),
        job_nouns=frozenset(lists["job_nouns"]),
        role_plurals=frozenset(lists["role_plurals"]),
        modifiers=frozenset(lists["title_modifiers"]),
        prefixes=frozenset(lists["title_prefixes"]),
        domains=frozenset(lists["title_domains"]),
        leader_titles=frozenset(norm(t) for t in lists["leader_titles"]),
        force_leader_titles={norm(k): str(v) for k, v in d["force_leader_titles"].items()},
        name_heads=frozenset(lists["name_heads"]),
        honorifics=frozenset(lists["honorifics"]),
        retired_marks=frozenset(lists["retired_marks"]),
        not_complements=frozenset(lists["not_complements"]),
        complement_joiners=frozenset(lists["complement_joiners"]),
        name_particles=frozenset(lists["name_particles"]),
        small_words=frozenset(lists["small_words"]),
        complement_prepositions=frozenset(lists["complement_prepositions"]),
        place_complement_preps=frozenset(lists["place_complement_preps"]),
        written_deps=frozenset(lists["written_deps"]),
        written_ends=frozenset(lists["written_ends"]),
        written_preps=frozenset(lists["written_preps"]),
        written_stops=frozenset(lists["written_stops"]),
        owner_then_preps=frozenset(lists["owner_then_preps"]),
        owner_then_classes=tuple(lists["owner_then_classes"]),
        country_staffs=frozenset(lists["country_staffs"]),
        windows={str(k): int(v) for k, v in d["windows"].items()},
    )


def plural(word: str) -> str:
    """The plural of an English role noun ("secretary" -> "secretaries")."""
    if word.endswith("y") and word[-2:-1] not in ("a", "e", "o", "u"):
        return word[:-1] + "ies"
    if word.endswith(("s", "sh", "ch", "x")):
        return word + "es"
    return word + "s"


def is_honorific(tok) -> bool:
    """A courtesy word before a name, with or without its full stop ("Dr", "Mr.", "Her
    Excellency"), the full stop after one (data: titles.yaml `honorifics`), or a retirement
    mark in parentheses ("(Ret.)", titles.yaml `retired_marks`)."""
    words = title_data().honorifics
    lower = tok.lower_
    return lower in words or lower.rstrip(".") in words or _retired(tok)


def _retired(tok) -> bool:
    """A token of a retirement mark in parentheses: "General (Ret.) Mira Solvang", "(r)"."""
    doc, data = tok.doc, title_data()
    marks, window = data.retired_marks, data.windows["retired_mark"]
    text = tok.text
    if text not in ("(", ")", ".") and tok.lower_.rstrip(".") not in marks:
        return False  # a word inside the parentheses is a mark, or there is none
    start = next((i for i in range(tok.i, max(-1, tok.i - window), -1) if doc[i].text == "("), None)
    if start is None:
        return False
    end = next(
        (i for i in range(start + 1, min(len(doc), start + window + 1)) if doc[i].text == ")"),
        None,
    )
    if end is None or tok.i > end:
        return False
    inner = [t for t in doc[start + 1 : end] if t.text != "."]
    return bool(inner) and all(t.lower_.rstrip(".") in marks for t in inner)


def title_label(title: str) -> str:
    """A title as a label: each word capitalised but the small ones ("Minister of State")."""
    small = title_data().small_words
    return " ".join(
        w if w.isupper() or (i and w.lower() in small) else w[:1].upper() + w[1:]
        for i, w in enumerate(title.split())
    )


NameAt = Callable[[int], "tuple[int, bool] | None"]


def sentence_end_within(doc, start: int, limit: int) -> int:
    """`min(limit, doc[start].sent.end)`, read from the few words up to `limit`: the first
    word after `start` that begins a sentence (spaCy's `Span.sent` ends there too), else
    `limit`. `Token.sent` reads the whole Doc's annotation on every call."""
    return next((j for j in range(start + 1, limit) if doc[j].is_sent_start), limit)


def complement_end(doc, start: int, name_at: NameAt) -> int | None:
    """The comma that ends a title's complement, the title ending before token `start`
    ("President of the Andean Bank," -> the comma): title-case words, names, the words
    that qualify a title-case word after them ("the opposition X Party"), a noun after a
    possessive ("of Norland's parliament") and the joiners
    of titles.yaml `complement_joiners`, up to 12 tokens, in one sentence, with no person
    among them. `name_at(i)` gives the end of the name that covers token i and whether it
    is a person's, or None where no name is."""
    joiners = title_data().complement_joiners
    if start >= len(doc) or doc[start].is_sent_start or doc[start].tag_ == "POS":
        return None  # "the president's chief of staff, X": X holds what follows
    end = sentence_end_within(doc, start, min(len(doc), start + 12))
    i = start
    while i < end:
        tok = doc[i]
        if tok.text == ",":
            return i
        name = name_at(i)
        if name is not None:
            name_end, person = name
            if person:
                return None
            i = max(name_end, i + 1)
        elif tok.is_title or tok.lower_ in joiners or tok.tag_ == "POS":
            i += 1
        elif tok.dep_ in ("amod", "compound") and i < tok.head.i < end and tok.head.is_title:
            i += 1  # a word that qualifies the name after it: "of the opposition X Party"
        elif i > start and doc[i - 1].tag_ == "POS" and tok.pos_ == "NOUN":
            i += 1  # a body its owner's possessive names: "of Norland's parliament"
        elif tok.text == "(" and i + 2 < end and doc[i + 2].text == ")":
            i += 3  # the complement's acronym: "(NTI)"
        else:
            return None
    return None


def written_end(doc, start: int, end: int, stop: Callable[[int], bool]) -> int:
    """Where a title doc[start:end] ends as the text writes it, with the prepositional
    complement the parser hangs on it ("second secretary at the Norlandic Embassy in Velmar",
    "special envoy for the Velmar peace process", "minister of economy, trade and
    industry"): the words right after it that hang from it through a preposition (and
    the dependencies of titles.yaml `written_deps`), up to titles.yaml `windows.written`
    words, in one sentence. A phrase with a token where `stop(i)` holds (a person, the
    owner named as the complement) is left out with what follows; a parenthesis ends it.
    Gives `end` when nothing is added."""
    data = title_data()
    if end >= len(doc) or doc[end].dep_ not in data.written_deps:
        return end
    # the complement hangs from the title by a preposition, or goes on a complement inside
    # it ("minister of economy, trade and industry"); a title coordinated with the title's
    # own head is another title
    above = doc[end].head
    head = next((t for t in doc[start:end] if not start <= t.head.i < end or t.head == t), None)
    if not start <= above.i < end or (doc[end].dep_ != "prep" and above == head):
        return end
    reach: set[int] = set()
    frontier = [
        c
        for t in doc[start:end]
        for c in t.children
        if c.i >= end and c.dep_ in data.written_deps and (t != head or c.dep_ == "prep")
    ]
    while frontier:
        tok = frontier.pop()
        reach.add(tok.i)
        frontier += [c for c in tok.children if c.i >= end and c.dep_ in data.written_deps]
    last = sentence_end_within(doc, start, min(len(doc), end + data.windows["written"]))
    i = end
    while i < last and i in reach and doc[i].text != "(":
        word = doc[i]
        if word.dep_ == "conj" and word.lower_ in word_lists("role_nouns", "role_plurals"):
            break  # another title: "Minister of Petroleum and Minister of Foreign Affairs"
        if (
            stop(i)
            or word.ent_type_ in ("DATE", "TIME")
            or word.lower_ in data.written_stops
            or (word.dep_ == "prep" and word.lower_ not in data.written_preps)
        ):
            conjunct = _conjunct_above(doc[i], reach) if stop(i) else None
            if conjunct is not None and conjunct.left_edge.i > end:
                # a person coordinated after the complement ("minister for women, children
                # and senior citizens and Tomas Ekberg as ..."): the title ends before them
                i = conjunct.left_edge.i
                break
            # leave out the phrase that names it, or its time: back to its preposition
            i = max((j for j in range(end, i + 1) if doc[j].dep_ == "prep"), default=end)
            break
        i += 1
    while i > end and (doc[i - 1].is_punct or doc[i - 1].lower_ in data.written_ends):
        i -= 1
    return i


class _Windows:
    """Where in a Doc a title pattern can match, worked out from the patterns: a match is a
    run of tokens each of which some pattern token accepts (its LOWER or ORTH list, else
    the flags, tags and labels it asks for: a title-case word, a lower-case compound noun)
    that holds a word of each list a pattern needs (its tokens without "?" or "*"), for
    one of the patterns. The Matcher then reads only those runs (a sixth of the words) and
    finds the same matches."""

    def __init__(self, words, orths, bounds, needs: list[list[frozenset[str]]]):
        ids = lambda strings: frozenset(get_string_id(w) for w in strings)  # noqa: E731
        self.words, self.orths = ids(words), ids(orths)
        # a token no list names: the columns of the other conditions, and per pattern
        # token the values each column must have
        self.attrs = sorted({attr for bound in bounds for attr, _v in bound})
        column = {attr: 2 + k for k, attr in enumerate(self.attrs)}
        self.bounds = sorted(
            {tuple(sorted((column[attr], allowed) for attr, allowed in b)) for b in bounds},
            key=repr,
        )
        # a pattern whose needs hold another's needs adds no run: only the fewest count
        # (the plain chain needs a role noun alone, every other title with one needs more)
        sets = {frozenset(need) for need in needs}
        fewest = [n for n in sets if not any(other < n for other in sets)]
        lists = sorted({s for need in fewest for s in need}, key=sorted)
        self.lists: dict[int, list[int]] = {}  # word id -> the needed lists it is in
        for k, listed in enumerate(lists):
            for w in ids(listed):
                self.lists.setdefault(w, []).append(k)
        self.needs = sorted(
            (frozenset(lists.index(s) for s in need) for need in fewest), key=sorted
        )
        # a run holds a needed word unless some pattern needs none: then every run counts
        self.run = _RUN if frozenset() in sets else _NEEDED_RUN
        self.columns = [LOWER, ORTH, *(IDS[attr] for attr in self.attrs)]

    @classmethod
    def of(cls, patterns) -> _Windows | None:
        """The windows of `patterns`, or None when a pattern token could be any word (an
        operator other than ?, *, +, or no condition of `_bound` to bound it)."""
        words: set[str] = set()
        orths: set[str] = set()
        bounds = set()
        needs = []
        for _name, pattern in patterns:
            need = []
            for spec in pattern:
                op = spec.get("OP")
                if op not in (None, "?", "*", "+"):
                    return None
                lower, orth = _listed(spec.get("LOWER")), _listed(spec.get("ORTH"))
                if lower is not None:
                    words |= lower
                    if op in (None, "+"):
                        need.append(lower)
                elif orth is not None:
                    orths |= orth
                else:
                    bound = _bound(spec)
                    if not bound:
                        return None
                    bounds.add(bound)
            needs.append(need)
        return cls(words, orths, bounds, needs)

    def runs(self, doc) -> list[tuple[int, int]]:
        """The (start, end) of each run of `doc` a match can lie in."""
        lists = self.lists
        # the array's columns as lists, tested with set lookups mapped over them (no Python
        # step per token) into a byte per token, 1 where some pattern token accepts it, 2
        # where it is a word of a list some pattern needs (a listed word is accepted)
        columns = doc.to_array(self.columns).T.tolist()
        lower = columns[0]
        ok = map(or_, map(self.words.__contains__, lower), map(self.orths.__contains__, columns[1]))
        for bound in self.bounds:
            holds = None
            for k, allowed in bound:
                test = map(allowed.__contains__, columns[k])
                holds = test if holds is None else map(and_, holds, test)
            ok = map(or_, ok, holds)
        marks = bytes(map(add, ok, map(lists.__contains__, lower)))
        out = []
        for run in self.run.finditer(marks):  # the runs with a needed word
            start, end = run.span()
            hit = {k for w in lower[start:end] for k in lists.get(w, ())}
            if any(need <= hit for need in self.needs):
                out.append((start, end))
        return out


_RUN = re.compile(rb"[\x01\x02]+")
_NEEDED_RUN = re.compile(rb"[\x01\x02]*\x02[\x01\x02]*")


def _listed(value: Any) -> frozenset[str] | None:
    """The words a LOWER or ORTH condition accepts ("x" or {IN: [...]}), None if it names
    no list (absent, or NOT_IN)."""
    if isinstance(value, str):
        return frozenset([value])
    if isinstance(value, dict) and "IN" in value:
        return frozenset(value["IN"])
    return None


_FLAGS = ("IS_ALPHA", "IS_DIGIT", "IS_LOWER", "IS_PUNCT", "IS_SPACE", "IS_TITLE", "IS_UPPER")


def _bound(spec: dict) -> frozenset[tuple[str, frozenset[int]]]:
    """The conditions of a pattern token that a Doc's array can test, as (attribute, the
    values it may have): a word's flag (`_FLAGS`: true or false), a tag or a label (POS,
    TAG, DEP: one or a list). Empty when the token has none."""
    out = []
    for attr, value in spec.items():
        if attr in _FLAGS and isinstance(value, bool):
            out.append((attr, frozenset([int(value)])))
        elif attr in ("POS", "TAG", "DEP"):
            listed = _listed(value)
            if listed is not None:
                out.append((attr, frozenset(get_string_id(v) for v in listed)))
    return frozenset(out)


def _conjunct_above(tok, reach: set[int]):
    """The conjunct of the complement that `tok` belongs to, or None."""
    while tok.dep_ != "conj" and tok.head.i in reach and tok.head.i != tok.i:
        tok = tok.head
    return tok if tok.dep_ == "conj" else None


class TitleMarker:
    """Marks titles as POSITION entities; other entities already set are kept unless a
    title overlaps them."""

    def __init__(self, nlp: Language) -> None:
        self.matcher = Matcher(nlp.vocab)
        for name, pattern in title_data().patterns:
            self.matcher.add(name, [pattern])
        self.windows = _Windows.of(title_data().patterns)

    def matches(self, doc) -> list[tuple[int, int, int]]:
        """The Matcher's matches in `doc`, read in the windows a match can lie in."""
        if self.windows is None:
            return self.matcher(doc)
        out = []
        for start, end in self.windows.runs(doc):
            out += [(m, start + s, start + e) for m, s, e in self.matcher(doc[start:end])]
        return out

    def __call__(self, doc):
        plural = doc.vocab.strings["chain-plural"]
        matches = self.matches(doc)
        # a title that ends a body's name ("Office of the Prime Minister") takes the shorter
        # titles inside it ("Minister") with it: they are the name's too
        names = [(s, e) for _m, s, e in matches if _ends_body_name(doc, s)]
        spans = [
            Span(doc, s, e, label=LABEL)
            for match, s, e in matches
            if (match != plural or not _in_name(doc, s))
            and not any(ns <= s and e <= ne for ns, ne in names)
            and not _in_hyphenated_name(doc, s)
        ]
        spans = [t for t in (_trim(_hyphen_start(s)) for s in spans) if t is not None]
        spans = [_cut_at_name(_cut_at_noun(_cut_after_place(_cut_before_person(s)))) for s in spans]
        spans = [_cut_list_before_owner(s) for s in spans]
        ents = doc.ents  # read once: each read makes a Span per entity
        spans += [e for e in ents if e.label_ == LABEL]  # set by an earlier ruler
        titles = []
        for span in filter_spans(spans):
            titles += _split_body(span)
        if not titles:
            # nothing to mark (half the blocks): the entities stand as they are; words left
            # unmarked are read by the recognizer as words marked "outside" would be, and
            # marked so by it
            return doc
        taken = {i for s in titles for i in range(s.start, s.end)}
        kept = [e for e in ents if not any(i in taken for i in range(e.start, e.end))]
        doc.ents = sorted(kept + titles, key=lambda s: s.start)
        return doc


def _hyphen_start(span: Span) -> Span:
    """A title matched from the second half of a hyphenated one ("General of the X
    Organisation" in "Secretary-General of the X Organisation", "Secretary of State for X"
    in "Under-Secretary of State for X") begins with the first half; with every half
    before it ("Secretary-General for X" in "Under-Secretary-General for X") and the title
    words written before that ("Assistant Secretary-General for X")."""
    doc, i = span.doc, span.start
    data = title_data()
    words = word_lists("role_nouns", "modifiers", "prefixes")
    while (
        i >= 2
        and doc[i - 1].text == "-"
        and not doc[i - 2].whitespace_
        and not doc[i - 1].whitespace_
        and doc[i - 2].lower_ in words
    ):
        i -= 2
    if i == span.start:
        return span
    while i >= 1 and doc[i - 1].lower_ in data.modifiers and doc[i - 1].is_alpha:
        i -= 1
    return Span(doc, i, span.end, label=span.label)


def _split_body(span: Span) -> list[Span]:
    """An "of" title whose complement names a country's body ("Commander of the Norlandic
    Armed Forces", "Vice Chief of the Norland Defence Forces") is a title and an
    organisation: the complement has a country's name or demonym and ends in a word that
    makes names of bodies (lexicon `head_classes`, titles.yaml `name_heads`). "Chief of the
    General Staff" names no country and stays one title."""
    doc = span.doc
    of = _complement_start(span)
    if of is None or of == span.start:
        return [span]
    start = of + 1
    if start < span.end and doc[start].lower_ == "the":
        start += 1
    body = doc[start : span.end]
    if len(body) < 2 or not all(t.is_title for t in body):
        return [span]
    data = title_data()
    heads = word_lists("head_classes", "name_heads")
    gaz = gazetteer()
    countries = any(
        norm(t.text) in gaz.by_demonym
        or (norm(t.text) in gaz.by_name and gaz.by_name[norm(t.text)].cls == "Country")
        for t in body
    )
    # a word that is no title word is a name ("Commander of the Velmar Navy"; but "Chief
    # of the Naval Staff" and "Commander of the Armed Forces" are titles of their own)
    title_words = word_lists("modifiers", "domains", "role_nouns", "small_words")
    named = countries or any(t.lower_ not in title_words for t in body[:-1])
    if not named or body[-1].lower_ not in heads:
        return [span]
    if body[-1].lower_ in data.country_staffs and len(owned_words(body)) == 1:
        return [span]  # "Chief of the Norlandic Defence Staff": Norland's Chief of the ...
    return [Span(doc, span.start, of, label=LABEL), Span(doc, start, span.end, label="ORG")]


def owned_words(words) -> list:
    """The words of a title's complement that name a country (its name or demonym, one
    word) when all the others are title words: "Norlandic" of "the Norlandic Defence Staff"
    (the title is the Chief of the Defence Staff of Norland); else none."""
    gaz = gazetteer()
    title_words = word_lists("modifiers", "domains", "role_nouns", "small_words")
    owned = [
        t
        for t in words
        if norm(t.text) in gaz.by_demonym
        or (norm(t.text) in gaz.by_name and gaz.by_name[norm(t.text)].cls == "Country")
    ]
    rest = [t for t in words if t not in owned]
    if len(owned) != 1 or not rest or any(t.lower_ not in title_words for t in rest):
        return []
    return owned


def _cut_at_name(span: Span) -> Span:
    """An "of" title whose complement goes on into a body's name ("President of the Andean
    Development Bank": the pattern ends at the domain word "Development"; "chairman of the
    opposition Democratic Party") is the title before "of"; the body is named after it."""
    doc = span.doc
    data = title_data()
    heads = word_lists("head_classes", "name_heads")
    i = span.end  # the capitalised words after it, up to a body's head word
    last = min(len(doc), span.end + data.windows["body_name"])
    while i < last and doc[i].is_title and doc[i].lower_ not in heads:
        i += 1
    if i == len(doc) or not doc[i].is_title or doc[i].lower_ not in heads:
        return span
    of = _complement_start(span)
    return span if of is None or of == span.start else Span(doc, span.start, of, label=LABEL)


def _cut_before_person(span: Span) -> Span:
    """A title whose complement ran on into the name after it ("Secretary of State for
    African Affairs Mira Solvang"): the title ends at the complement's last domain word
    (titles.yaml `title_domains`) and the title words right after it ("for Trade Policy",
    "for Defence Procurement") when two title-case words or more follow that are no title
    words and no body's head words."""
    data = title_data()
    others = word_lists("modifiers", "domains", "role_nouns", "small_words", "name_heads")
    last = max((t.i for t in span if t.lower_ in data.domains), default=None)
    if last is None:
        return span
    doc = span.doc
    # the domain words after it, also past the match ("Minister for Trade" + "Policy"), but
    # no word that opens another title or the name: a rank ("Chief of the Naval Staff
    # Admiral X"), an honorific ("Minister for Trade Lord X"), a role noun or a word before
    # one ("Minister for Energy Crown Prince X", "Minister of Finance Director X")
    going_on = _complement_words()
    role_nouns = data.role_nouns
    while (
        last + 1 < len(doc)
        and doc[last + 1].is_title
        and doc[last + 1].lower_ in going_on
        and not (last + 2 < len(doc) and doc[last + 2].lower_ in role_nouns)
    ):
        last += 1
    if last + 1 >= len(doc):
        return span
    end = last + 1
    while end < len(doc) and doc[end].is_title and doc[end].lower_ not in others:
        end += 1
    # a name's particle and glued hyphen go on with it ("... Affairs Omar al-Harbi")
    if end - last == 2 and _particle_name_at(doc, end):
        end += 1
    return Span(doc, span.start, last + 1, label=span.label) if end - last > 2 else span


def _particle_name_at(doc, i: int) -> bool:
    """Whether a lower-case name particle (titles.yaml `name_particles`) at `i` goes on into
    a title-case word, right after it or past a glued hyphen ("al-Harbi", "van Dijk")."""
    if i + 1 >= len(doc) or doc[i].lower_ not in title_data().name_particles:
        return False
    j = i + 1
    if doc[j].text == "-" and not doc[i].whitespace_ and not doc[j].whitespace_:
        j += 1
    return j < len(doc) and doc[j].is_title and doc[j].is_alpha


def _cut_list_before_owner(span: Span) -> Span:
    """A title whose complement seemed to list words up to an owner's possessive ("Sudria's
    Minister of Forests, Tomas Ekberg, and Norland's Minister of X": "Tomas Ekberg, and
    Norland" is no part of the complement, the owner of the next title opens after "and"),
    or to list names of two words or more of which none is a title's word ("head of the
    Velmar Police, Mira Solvang and Lena Berg": people, not domains) ends before its first
    comma ("Minister of Economy, Trade and Industry", "of Water, Sanitation and Urban
    Development" stay whole)."""
    doc = span.doc
    comma = next((t.i for t in span[1:] if t.text == ","), None)
    if comma is None:
        return span
    if span.end < len(doc) and doc[span.end].tag_ == "POS":
        return Span(doc, span.start, comma, label=span.label)
    words = word_lists("domains", "modifiers", "role_nouns", "name_heads")
    items, item = [], []
    for tok in doc[comma + 1 : span.end]:
        if tok.text == "," or tok.lower_ in ("and", "&"):
            items.append(item)
            item = []
        else:
            item.append(tok)
    items.append(item)
    if any(len(x) >= 2 and not any(t.lower_ in words for t in x) for x in items):
        return Span(doc, span.start, comma, label=span.label)
    return span


def _cut_after_place(span: Span) -> Span:
    """A title whose complement is a place or a body the gazetteer knows and ran on into the
    name after it ("Special Envoy for Norland Mira Solvang", "Ambassador to the United
    Nations Tomas Ekberg"): the title ends with the known name when two title-case words
    or more follow it that are no title words, no body's head words and no known names."""
    data = title_data()
    doc = span.doc
    prep = next((t.i for t in span[1:] if t.lower_ in data.place_complement_preps), None)
    if prep is None:
        return span
    start = prep + 1
    if start < span.end and doc[start].lower_ == "the":
        start += 1
    gaz = gazetteer()
    end = next(
        (
            e
            for e in range(min(span.end - 1, start + 6), start, -1)
            if norm(doc[start:e].text) in gaz.by_name
        ),
        None,
    )
    if end is None:
        return span
    others = word_lists("modifiers", "domains", "role_nouns", "small_words", "name_heads")
    rest = end  # the name after it, also past the match (the matcher gives every length)
    while rest < len(doc) and (
        (doc[rest].is_title and doc[rest].is_alpha)
        or (doc[rest].text == "-" and not doc[rest].whitespace_ and rest > end)
    ):
        if doc[rest].lower_ in others or norm(doc[rest].text) in gaz.by_name:
            return span
        rest += 1
    return Span(doc, span.start, end, label=span.label) if rest - end >= 2 else span


@cache
def word_lists(*names: str) -> frozenset[str]:
    """The words of the TitleData lists `names` together ("head_classes": the lexicon's
    head words of bodies), made once rather than at each title read."""
    data = title_data()
    words: set[str] = set()
    for name in names:
        words.update(lexicon().head_classes if name == "head_classes" else getattr(data, name))
    return frozenset(words)


@cache
def _complement_words() -> frozenset[str]:
    """Words that go on with a title's complement after its domain word ("for Trade Policy",
    "for Defence Procurement"): domain and modifier words that are no role noun, no body's
    head word, no honorific and no first word of a rank (lexicon `ranks`)."""
    data = title_data()
    ranks = {r.split()[0] for r in lexicon().ranks}
    honorifics = {h.lower().rstrip(".") for h in data.honorifics}
    return frozenset(
        (data.domains | data.modifiers) - data.role_nouns - data.name_heads - honorifics - ranks
    )


def _cut_at_noun(span: Span) -> Span:
    """A title whose complement ends on a word that qualifies a noun after it ("special envoy
    for the Norlandic peace process" matched up to "Norlandic") is the title before its
    preposition; the complement is read as written (`written_end`)."""
    last = span[-1]
    noun = last.head  # a common noun: "Chief of the Naval Staff Admiral X" stays whole
    while noun.dep_ in ("amod", "compound") and noun.head.i > noun.i:
        noun = noun.head  # through a name of two words: "for the Middle East peace process"
    if not (span.end <= noun.i and last.dep_ in ("amod", "compound") and noun.is_lower):
        return span
    prep = next((t.i for t in span[1:] if t.pos_ == "ADP"), None)
    return span if prep is None else Span(span.doc, span.start, prep, label=span.label)


def _complement_start(span: Span) -> int | None:
    """Where a title's complement opens: its first "of" or "for" (titles.yaml
    `complement_prepositions`)."""
    words = title_data().complement_prepositions
    return next((t.i for t in span if t.lower_ in words), None)


def _ends_body_name(doc, start: int) -> bool:
    """A capitalised title after "of" in the name of a body ("House of Representatives",
    "Office of the President", "Council of Ministers"): part of that name, no post."""
    if not doc[start].is_title:
        return False
    i = start - 1
    if i >= 0 and doc[i].lower_ == "the":
        i -= 1
    if i < 1 or doc[i].lower_ != "of":
        return False
    before = doc[i - 1]
    heads = title_data().name_heads | {
        w for w, c in lexicon().head_classes.items() if c == "GovernmentBody"
    }
    return before.is_title and before.lower_ in heads


def _in_hyphenated_name(doc, start: int) -> bool:
    """A title word glued by a hyphen to a word that is no title word before it ("Port-au-
    Prince", "Saint-Prince"): the last part of a hyphenated name ("Vice-President" and
    "Secretary-General" are titles, read by `_hyphen_start`)."""
    if start == 0 or doc[start - 1].whitespace_:
        return False
    before = doc[start - 1]
    if before.text == "-":
        if start < 2 or doc[start - 2].whitespace_:
            return False
        before = doc[start - 2]
    elif not before.text.endswith("-"):
        return False
    word = before.text.rstrip("-").lower()
    return bool(word) and word not in word_lists(
        "role_nouns", "modifiers", "prefixes", "qualifiers"
    )


def _in_name(doc, start: int) -> bool:
    """A plural title word that ends a name ("the Joint Chiefs of Staff"): a capitalised
    word before it that is no title word and no nationality."""
    if start == 0 or doc[start].is_sent_start:
        return False
    before = doc[start - 1]
    data = title_data()
    return (
        before.is_title
        and not before.like_num  # "Two magistrates of ..."
        and before.pos_ != "DET"  # "The ministers of ..." opening a sentence
        and before.lower_ not in data.modifiers
        and before.lower_ not in data.qualifiers
        and norm(before.text) not in gazetteer().by_demonym
        and norm(before.text) not in gazetteer().by_name
    )


def _trim(span: Span) -> Span | None:
    """Leading title words that end a name before them are the name's ("Socialist Party
    leader", "White House spokesperson": the title is "leader", "spokesperson")."""
    data = title_data()
    doc, start = span.doc, span.start
    while start < span.end - 1 and start > 0:
        before, first = doc[start - 1], doc[start]
        glued = (
            first.lower_ in data.name_heads
            and before.is_title
            and before.pos_ != "DET"  # "The army chief, X" opening a sentence
            and before.lower_ not in data.modifiers
            and before.lower_ not in data.role_nouns
            and before.lower_ not in data.qualifiers
        )
        if not glued:
            break
        start += 1
    heads = word_lists("role_nouns", "role_plurals", "job_nouns")
    if not any(t.lower_ in heads for t in doc[start : span.end]):
        return None
    return Span(doc, start, span.end, label=span.label)


@Language.factory("kg_titles")
def make_title_marker(nlp: Language, name: str) -> TitleMarker:
    return TitleMarker(nlp)


def qualifiers_of(doc, start: int, end: int) -> list[str]:
    """The qualifiers of the title doc[start:end]: words in it ("acting", "deputy") and the
    words just before it ("former", "outgoing", "ex-")."""
    data = title_data()
    table = data.qualifiers
    found: list[str] = []
    words = [t.lower_ for t in doc[start:end]]
    i = start - 1
    while i >= 0 and i >= start - data.windows["qualifier"]:
        tok = doc[i]
        if tok.lower_ in table or tok.text == "-":
            words.insert(0, tok.lower_)
            i -= 1
            continue
        break
    for w in words:
        q = table.get(w) or table.get(w.rstrip("-"))
        if q and q not in found:
            found.append(q)
    return found
