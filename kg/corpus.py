"""Corpus input: folders and files of articles (.txt, .md with front matter, .html) and
statements files (.yaml, .yml, .json)."""

from __future__ import annotations

import datetime as dt
import os
import re
import warnings
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from kg.errors import InputError, KgWarning
from kg.files import decode_text, read_bytes
from kg.iri import slug

# Extraction is linear in the text's length (benchmarks/long_article.py); this bounds the
# time and memory of one article by default.
MAX_CHARS = 1_000_000
TEXT_SUFFIXES = (".txt", ".md", ".markdown", ".html", ".htm")
STATEMENT_SUFFIXES = (".yaml", ".yml", ".json")
_FRONT = re.compile(r"\A---\s*\n(.*?)\n---\s*\n", re.S)
# Opening tags; what they enclose is found with str.find/rfind, so that a page which opens a
# tag thousands of times and never closes it costs linear time, not quadratic (a regex
# `<title[^>]*>(.*?)</title>` retries from every opening).
_TITLE_OPEN = re.compile(r"<title[^<>]*>", re.I)
_MAIN_OPEN = re.compile(r"<(article|main)\b[^<>]*>", re.I)


@dataclass
class Source:
    """One article to extract: its text and what is known about it."""

    path: Path
    article_id: str
    text: str
    meta: dict = field(default_factory=dict)


def expand(inputs: Iterable[Path]) -> list[Path]:
    """Files named, and the article and statements files inside folders named (sorted)."""
    out: list[Path] = []
    for path in inputs:
        path = Path(path)
        if path.is_dir():
            found = sorted(
                p
                for p in path.rglob("*")
                if p.is_file()
                and p.suffix.lower() in TEXT_SUFFIXES + STATEMENT_SUFFIXES
                and not p.name.startswith(".")
            )
            if not found:
                raise InputError(f"{path}: no articles (.txt, .md, .html) or statements in it")
            out += found
        else:
            out.append(path)
    return out


def max_chars() -> int:
    """The longest article text kg extracts: KG_MAX_CHARS (set by --max-chars), else
    MAX_CHARS."""
    raw = os.environ.get("KG_MAX_CHARS", "")
    return int(raw) if raw.isdigit() and int(raw) > 0 else MAX_CHARS


def _html_title(html: str) -> str | None:
    """The text of the page's first <title> element, if it is closed."""
    opening = _TITLE_OPEN.search(html)
    if opening is None:
        return None
    end = html.lower().find("</title>", opening.end())
    return None if end < 0 else html[opening.end() : end]


def _html_main(html: str) -> str | None:
    """What the first <article> or <main> element that is closed encloses, up to the last
    closing tag of its name (the article body with any nested elements of that name)."""
    lower = html.lower()
    last_close = {name: lower.rfind(f"</{name}>") for name in ("article", "main")}
    for opening in _MAIN_OPEN.finditer(html):
        close = last_close[opening.group(1).lower()]
        if close >= opening.end():
            return html[opening.end() : close]
    return None


_CONTROL = re.compile("[\x00-\x1f\x7f-\x9f]")


def _clean(path: Path, key: str, value: str) -> str:
    """A metadata value without control characters (they reach terminals and break XML);
    removing any is told with a warning."""
    cleaned = _CONTROL.sub("", value)
    if cleaned != value:
        warnings.warn(KgWarning(f"{path}: control characters removed from the {key}"), stacklevel=3)
    return cleaned


def _front_matter(path: Path, block: str) -> dict:
    """id, title, date, source and url from a Markdown front matter, checked as a
    statements file's are: a date must be a real date."""
    try:
        front = yaml.safe_load(block) or {}
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        at = f" at line {mark.line + 2}" if mark is not None else ""
        problem = getattr(exc, "problem", None) or "syntax error"
        raise InputError(f"{path}: the front matter is not valid YAML{at}: {problem}") from None
    except ValueError as exc:  # PyYAML reads 2024-02-30 as a date and fails
        raise InputError(
            f"{path}: the front matter holds a date that does not exist ({exc})"
        ) from None
    if not isinstance(front, dict):
        raise InputError(f"{path}: the front matter must be a mapping")
    meta = {}
    for key in ("id", "title", "date", "source", "url"):
        value = front.get(key)
        if value is None:
            continue
        if key == "date":
            meta[key] = _date(path, value)
        elif isinstance(value, str | int | float) and not isinstance(value, bool):
            meta[key] = _clean(path, key, str(value))
        else:
            raise InputError(f"{path}: the front matter's '{key}' must be a string")
    return meta


def _date(path: Path, value: object) -> str:
    if isinstance(value, dt.datetime):
        return value.date().isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    try:
        return dt.date.fromisoformat(str(value)).isoformat()
    except ValueError:
        shown = _CONTROL.sub("", str(value))[:40]
        raise InputError(
            f"{path}: the front matter's 'date' must be a date YYYY-MM-DD, not {shown!r}"
        ) from None


def read_source(path: Path, data: bytes | None = None) -> Source:
    """An article file: markdown front matter gives id, title, date, source and url; HTML
    is reduced to its <article> or <main> (kg.extract cleans the markup). `data`: the
    file's bytes, if already read. A text longer than max_chars() is refused."""
    text = decode_text(read_bytes(path) if data is None else data, str(path))
    limit = max_chars()
    if len(text) > limit:
        raise InputError(
            f"{path}: the article has {len(text):,} characters, more than the limit of "
            f"{limit:,} (raise it with --max-chars)"
        )
    meta: dict = {}
    suffix = path.suffix.lower()
    if suffix in (".md", ".markdown"):
        m = _FRONT.match(text)
        if m:
            meta = _front_matter(path, m.group(1))
            text = text[m.end() :]
        text = re.sub(r"^#{1,6}\s+", "", text, flags=re.M)
    elif suffix in (".html", ".htm"):
        title = _html_title(text)
        if title is not None:
            meta["title"] = _clean(path, "title", re.sub(r"\s+", " ", title).strip())
        main = _html_main(text)
        if main is not None:
            text = main
    if not text.strip():
        raise InputError(f"{path}: the article has no text")
    article_id = slug(meta.pop("id", path.stem))
    if suffix == ".txt":
        meta["text_file"] = str(path)
    return Source(path, article_id, text, meta)
