"""Names that head a section: a heading line in capitals alone ("VELCOR", "NORLAND PORT
AUTHORITY (NPA)") names what the paragraphs under it are about, as business wires write
their lists of appointments and world briefs their countries. The small entity recognizer
misses such a name where the text writes it once more in title case ("Velcor is also
looking for ...", "The state miner named ..." under "VELCOR"): the heading and each
title-case run of its words become a name, of the gazetteer's kind where it knows the name,
else an organisation's. A heading of a headline slug or a masthead word ("ANALYSIS",
"LIVE", "IN BRIEF") names nothing."""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import cache

from spacy.tokens import Span
from spacy.util import filter_spans

from kg.extract.lexicon import gazetteer, lexicon, norm
from kg.extract.phrases.titles import title_data

# a line of capitals: words of capitals, digits and joiners, an acronym in brackets after;
# or such words before a colon that opens a brief ("NORLAND: Police chief replaced",
# "NORLAND/SUDRIA: ...")
_CAPS = "A-ZÀ-ÖØ-ÞĀ-ſ"
_WORDS = rf"[{_CAPS}][{_CAPS}0-9&'’.\-]*(?: [{_CAPS}0-9&][{_CAPS}0-9&'’.\-]*){{0,5}}"
_HEADING = re.compile(rf"^({_WORDS})(?: \([{_CAPS}0-9&\-]+\))?$")
_BRIEF = re.compile(rf"^({_WORDS}(?:/{_WORDS})*):\s")
_LABELS = {"Country": "GPE", "City": "GPE", "Region": "LOC", "Person": "PERSON"}
# a name's entity only where none but these lies over the run (a single-word person's name
# in capitals is the recognizer's guess at a firm's)
_GIVES_WAY = {"ORG", "GPE", "LOC", "NORP", "FAC", "PRODUCT", "WORK_OF_ART", "EVENT", "LAW"}


def _heading_names(line: str) -> list[tuple[str, ...]]:
    """The lower-case words of each name a heading line in capitals writes."""
    line = line.strip()
    whole, brief = _HEADING.match(line), _BRIEF.match(line)
    if whole:
        names = [whole.group(1)]
    elif brief:
        names = brief.group(1).split("/")
    else:
        return []
    lex = lexicon()
    slugs = set(lex.headline_slugs) | set(lex.masthead_skip_words)
    out = []
    for name in names:
        words = tuple(name.lower().split())
        if any(c.isalpha() for c in name) and not any(w in slugs for w in words):
            out.append(words)
    return out


def _label(words: Sequence[str]) -> str:
    entry = gazetteer().by_name.get(norm(" ".join(words)))
    return _LABELS.get(entry.cls, "ORG") if entry is not None else "ORG"


def mark_section_names(
    headings: Sequence[tuple[str, object]], docs: Sequence[object]
) -> dict[int, dict[tuple[int, int], str]]:
    """Give each name of a heading in capitals (`headings`: its text and its Doc) and each
    title-case run of its words in `docs` an entity, where no entity lies over part of it.
    Gives the heading's names (token start and end, and the name as a label writes it) by
    the id of its Doc: the mentions of a heading that names its section are kept, as a
    byline's are, with the name as the text writes it elsewhere. A heading names something
    only where the gazetteer knows the name, the text writes it in title case, or a word
    of it is a word of a body's name ("BANK OF NORLAND"; not "PRESS RELEASE", "WHAT NEXT")."""
    found: list[tuple[object, tuple[str, ...], str]] = []
    for text, doc in headings:
        found += [(doc, words, _label(words)) for words in _heading_names(text)]
    if not found:
        return {}
    written: dict[tuple[str, ...], str] = {}  # a name as the text writes it
    for doc in [*docs, *(d for _t, d in headings)]:
        for _doc, words, label in found:
            runs = _mark_runs(doc, words, label, _title_case)
            if runs and words not in written:
                written[words] = doc[runs[0][0] : runs[0][1]].text
    heads = _body_heads()
    marked: dict[int, dict[tuple[int, int], str]] = {}
    for doc, words, label in found:
        known = gazetteer().by_name.get(norm(" ".join(words))) is not None
        if not (known or words in written or set(words) & heads):
            continue
        for start, end in _mark_runs(doc, words, label, lambda t: t.is_upper):
            name = written.get(words) or _written(doc[start:end])
            marked.setdefault(id(doc), {})[(start, end)] = name
    return marked


def _title_case(tok) -> bool:
    """The first word of a name as running text writes it (not in capitals: a heading)."""
    return tok.is_title and not tok.is_upper


@cache
def _body_heads() -> frozenset[str]:
    """Last words of bodies' names: firms' (lexicon `firm_words`) and others' (titles.yaml
    `name_heads`)."""
    return lexicon().firm_words | frozenset(title_data().name_heads)


def _written(span) -> str:
    """A name in capitals as a label writes it: each word capitalised, the small words of
    names in lower case, a short word that is no word of a body's name kept, as an acronym
    ("BANK OF NORLAND" -> "Bank of Norland", "VCB GROUP" -> "VCB Group")."""
    small, heads = title_data().small_words, _body_heads()
    out = []
    for k, tok in enumerate(span):
        w = tok.text
        if k and w.lower() in small:
            out.append(w.lower())
        elif len(w) <= 4 and w.lower() not in heads | small:
            out.append(w)
        else:
            out.append(w[:1] + w[1:].lower())
    return " ".join(out)


def _mark_runs(doc, words: tuple[str, ...], label: str, shaped) -> list[tuple[int, int]]:
    """An entity over each run of `words` whose first word is `shaped`, unless an entity
    that does not give way lies over part of it or one runs out of it: the runs that are
    one now."""
    n = len(words)
    lowers = [t.lower_ for t in doc]
    out = []
    for start in range(len(doc) - n + 1):
        if tuple(lowers[start : start + n]) != words or not shaped(doc[start]):
            continue
        small = title_data().small_words
        if not all(
            shaped(t) or t.is_upper or t.lower_ in small for t in doc[start + 1 : start + n]
        ):
            continue
        end = start + n
        over = [e for e in doc.ents if e.start < end and start < e.end]
        if any(e.start < start or e.end > end for e in over):
            continue
        if any(
            e.label_ not in _GIVES_WAY and not (e.label_ == "PERSON" and n == len(e) == 1)
            for e in over
        ):
            continue
        out.append((start, end))
        if not any(e.start == start and e.end == end and e.label_ == label for e in over):
            kept = [e for e in doc.ents if e not in over]
            doc.ents = filter_spans([*kept, Span(doc, start, end, label=label)])
    return out
