"""Cleaning and segmenting article text: blocks (headings, body lines) and datelines."""

from __future__ import annotations

import html
import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache
from html.parser import HTMLParser
from typing import ClassVar

_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u2028\u2029\ufeff]")
_HSPACE = re.compile(r"[ \t\u00a0]{2,}|\t")
_LOOKS_HTML = re.compile(r"<\s*(html|body|p|div|br|span|article|h[1-6]|a\s|!doctype)\b", re.I)
# capitals of the Latin alphabets ("ASUNCIÓN", "BOGOTÁ", "ŁÓDŹ"; Latin Extended-A mixes
# cases: a word in capitals has no lower-case ASCII or Latin-1 letter)
_CAPS = "A-ZÀ-ÖØ-ÞĀ-ſ"
# A place is capitalised words joined by spaces (or "/"); a hyphen is a letter of a word
# ("VELMAR-SUR-MER", "Port-Velmar"), never also a separator, and the loops are possessive:
# with two ways to read each "-", a long hyphenated line that is no dateline was tried in
# 2^n ways (a build hung on one line). The matches are the same: "A-B" was one word anyway.
_DATELINE = re.compile(
    rf"^(?:[{_CAPS}][{_CAPS}.'\-]++(?: [{_CAPS}][{_CAPS}.'\-]++)*+)"
    # the place's country or region in title case ("ABIDJAN, Côte d'Ivoire, 14 April -")
    r"(?:\s*,\s*[A-Z][\w'’.\-]*+(?: [\w'’.\-]++){0,3}+(?=\s*,\s*(?:\d|[A-Z][a-z]+\.? \d)))?"
    r"(?:\s*,\s*(?:[A-Z][a-z]+\.? \d{1,2}|\d{1,2} [A-Z][a-z]+\.?))?"
    r"(?:\s*\([^)]{1,30}\))?\s+[-–—]\s+"
)
_END = re.compile(r"[.!?:;\"”’)]\s*$")


@lru_cache(maxsize=4)
def _timestamp(zones: frozenset[str]) -> re.Pattern:
    """A live blog's time stamp before an entry ("13:05 - ", "9.30 GMT - "): no part of the
    sentence; `zones` are the words that may follow the time (lexicon `time_zones`)."""
    words = "|".join(re.escape(z) for z in sorted(zones, key=lambda z: (-len(z), z)))
    zone = rf"|{words}" if words else ""
    return re.compile(rf"^\d{{1,2}}[:.h]\d{{2}}(?:\s*(?:[ap]\.?m\.?{zone}))?\s+[-–—]\s+")


# a dateline of a title-case place with its date and source ("Velmar City, 27 Nov (Norpress) -",
# "Norvik, Nov 27 (NPA).-"): only with a source, so that "Mira Solvang - " is no dateline
_SOURCED_DATELINE = re.compile(
    r"^[A-Z][\w'’.\-]++(?:[ /][A-Z][\w'’.\-]++)*+\s*,\s*"
    r"(?:\d{1,2} [A-Z][a-z]+\.?(?: \d{4})?|[A-Z][a-z]+\.? \d{1,2})"
    r"\s*\([^)]{1,30}\)\.?\s*[-–—]\s*"
)
_SOURCE = re.compile(r"\(([^)]{1,30})\)")
_MASTHEAD = re.compile(r"^([^|]{2,60}?)\s+\|\s+\S")
# a wire headline's slug: a word in capitals, a version number or not, a hyphen ("UPDATE 2-")
_SLUG = re.compile(r"([A-Z][A-Z+]+(?: [A-Z]+)?)(?: \d{1,2})?-(?=\S)")


class _TextOnly(HTMLParser):
    BLOCK: ClassVar[set[str]] = {
        "p",
        "div",
        "br",
        "li",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "tr",
        "article",
        "section",
        "header",
        "title",
    }
    SKIP: ClassVar[set[str]] = {"script", "style", "noscript", "template", "nav", "footer", "aside"}

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self._skip = 0

    def handle_starttag(self, tag, attrs):
        if tag in self.SKIP:
            self._skip += 1
        elif tag in self.BLOCK:
            self.parts.append("\n")

    def handle_endtag(self, tag):
        if tag in self.SKIP and self._skip:
            self._skip -= 1
        elif tag in self.BLOCK:
            self.parts.append("\n")

    def handle_data(self, data):
        if not self._skip:
            self.parts.append(data)


def strip_html(text: str) -> str:
    parser = _TextOnly()
    parser.feed(text)
    parser.close()
    out = html.unescape("".join(parser.parts))
    lines = [ln.strip() for ln in out.splitlines()]
    return re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip() + "\n"


def clean_text(text: str) -> str:
    """Text spaCy and XML can take: markup removed, control characters and runs of
    horizontal space turned into one space, line ends normalised."""
    if _LOOKS_HTML.search(text):
        text = strip_html(text)
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = _CONTROL.sub(" ", text)
    return _HSPACE.sub(" ", text)


def dateline_place(text: str) -> str | None:
    """The place the dateline of the article's first body line names, as written
    ("BRASÍLIA — ..." -> "BRASÍLIA", "NORVIK, March 4 (Norpress) - ..." -> "NORVIK"; the
    first of "A/B"), or None."""
    for line in text.split("\n"):
        stripped = line.strip()
        if not stripped or (not _END.search(stripped) and len(stripped.split()) <= 14):
            continue  # a heading
        m = _DATELINE.match(stripped) or _SOURCED_DATELINE.match(stripped)
        if m is None:
            return None
        place = re.split(r"\s*(?:,|\(|\s[-–—]\s)", m.group(0), maxsplit=1)[0]
        return place.split("/")[0].strip() or None
    return None


@dataclass(frozen=True)
class Block:
    """A line of the article: a heading or a paragraph of body text."""

    start: int
    end: int
    heading: bool
    source: bool = False  # the news source a dateline or a masthead names ("(Norpress)")
    slug: int = 0  # the characters of a wire slug ("INTERVIEW-") left out before the block


def blocks(
    text: str,
    masthead_skip: frozenset[str] = frozenset(),
    publication: Callable[[str], bool] | None = None,
    byline_words: frozenset[str] = frozenset(),
    time_zones: frozenset[str] = frozenset(),
    slugs: frozenset[str] = frozenset(),
    bullets: frozenset[str] = frozenset(),
) -> list[Block]:
    """Split the text into lines; short lines without final punctuation are headings.
    A dateline ("NORVIK, March 4 (Norpress) - ") or a live blog's time stamp ("13:05 - ") is
    left out of the body block it opens; the
    source in its parentheses is a block of its own, and so is a masthead: the first part of
    a heading among the first three lines, up to "|" ("THE NORVIK HERALD | Defence"), when
    `publication` takes it for a publication's name and its first word is none of
    `masthead_skip` ("ANALYSIS |", "By Mira Solvang |"). A headline, a breadcrumb or a
    person before "|" ("Home | World") is no masthead; without `publication`, none is.
    A byline ("By Mira Solvang, Defence Correspondent | Norvik | Published 2 May, 10:05 |
    Updated 11:30"; its first word one of `byline_words`) is a heading however long.
    A wire headline's slugs ("INTERVIEW-", "REFILE-UPDATE 2-": words of `slugs` in capitals,
    each with a version number or not, then a hyphen) are left out of its block, so that the
    headline's first name is read as written ("INTERVIEW-Norland's minister ...": Norland).
    A line that opens with one of `bullets` ("- ", "• ") is an item of a list, a line of the
    body however short ("- Velmar's defence minister has resigned")."""
    out: list[Block] = []
    lines = 0
    pos = 0
    for line in text.split("\n"):
        start, end = pos, pos + len(line)
        pos = end + 1
        stripped = line.strip()
        if not stripped:
            continue
        lines += 1
        lead = len(line) - len(line.lstrip())
        start += lead
        end = start + len(stripped)
        words = stripped.split()
        byline = words[0] == words[0].capitalize() and words[0].lower() in byline_words
        bullet = len(words) > 1 and words[0] in bullets
        heading = not bullet and not _END.search(stripped) and (len(words) <= 14 or byline)
        # a headline's slug (a headline may end in "?" or a quote), not the first word of a
        # sentence ("FOCUS-Group talks ended on Monday.")
        cut = _slugs_end(stripped, slugs) if lines <= 3 and not stripped.endswith(".") else 0
        if cut:  # "INTERVIEW-Norland's minister says ..."
            out.append(Block(start + cut, end, heading, slug=cut))
            continue
        if not heading:
            m = (
                _DATELINE.match(stripped)
                or _SOURCED_DATELINE.match(stripped)
                or _timestamp(time_zones).match(stripped)
            )
            if m:
                src = _SOURCE.search(stripped, 0, m.end())
                if src:
                    out.append(Block(start + src.start(1), start + src.end(1), True, True))
                start += m.end()
        elif lines <= 3:
            m = _MASTHEAD.match(stripped)
            name = m.group(1).strip() if m else ""
            first = name.split()[0].lower() if name else ""
            if (
                name
                and first not in masthead_skip
                and not any(c.isdigit() for c in name)
                and publication is not None
                and publication(name)
            ):
                out.append(Block(start, start + len(name), True, True))
                start = start + m.end() - 1
        out.append(Block(start, end, heading))
    return out


def _slugs_end(line: str, slugs: frozenset[str]) -> int:
    """Where the wire slugs a headline opens with end ("REFILE-UPDATE 2-Velmar ...": at
    "Velmar"); 0 with none."""
    end = 0
    while True:
        m = _SLUG.match(line, end)
        if m is None or m.group(1).lower() not in slugs or m.end() >= len(line):
            return end
        end = m.end()


def title_of(text: str, parts: list[Block]) -> str | None:
    """The first line, when it is a heading at the top of the article (with its slugs)."""
    if parts and parts[0].heading:
        start = parts[0].start - parts[0].slug
        if not text[:start].strip():
            return text[start : parts[0].end]
    return None


def chunks(start: int, end: int, text: str, limit: int) -> list[tuple[int, int]]:
    """Split text[start:end] into pieces of at most `limit` characters, at sentence ends
    where possible, so that no piece exceeds spaCy's max_length."""
    out = []
    while end - start > limit:
        cut = text.rfind(". ", start, start + limit)
        cut = cut + 2 if cut > start else start + limit
        out.append((start, cut))
        start = cut
    out.append((start, end))
    return out
