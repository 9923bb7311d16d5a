"""Corpus input: folders and files of articles (.txt, .md with front matter, .html) and
statements files (.yaml, .yml, .json)."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from kg.errors import InputError
from kg.files import decode_text, read_bytes
from kg.iri import slug

TEXT_SUFFIXES = (".txt", ".md", ".markdown", ".html", ".htm")
STATEMENT_SUFFIXES = (".yaml", ".yml", ".json")
_FRONT = re.compile(r"\A---\s*\n(.*?)\n---\s*\n", re.S)
_TITLE = re.compile(r"<title[^>]*>(.*?)</title>", re.I | re.S)
_MAIN = re.compile(r"<(article|main)\b[^>]*>(.*)</\1>", re.I | re.S)


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


def read_source(path: Path, data: bytes | None = None) -> Source:
    """An article file: markdown front matter gives id, title, date, source and url; HTML
    is reduced to its <article> or <main> (kg.extract cleans the markup). `data`: the
    file's bytes, if already read."""
    text = decode_text(read_bytes(path) if data is None else data, str(path))
    meta: dict = {}
    suffix = path.suffix.lower()
    if suffix in (".md", ".markdown"):
        m = _FRONT.match(text)
        if m:
            try:
                front = yaml.safe_load(m.group(1)) or {}
            except yaml.YAMLError as exc:
                raise InputError(f"{path}: the front matter is not valid YAML ({exc})") from None
            if not isinstance(front, dict):
                raise InputError(f"{path}: the front matter must be a mapping")
            meta = {
                k: str(v)
                for k, v in front.items()
                if k in ("id", "title", "date", "source", "url") and v is not None
            }
            text = text[m.end() :]
        text = re.sub(r"^#{1,6}\s+", "", text, flags=re.M)
    elif suffix in (".html", ".htm"):
        title = _TITLE.search(text)
        if title:
            meta["title"] = re.sub(r"\s+", " ", title.group(1)).strip()
        main = _MAIN.search(text)
        if main:
            text = main.group(2)
    if not text.strip():
        raise InputError(f"{path}: the article has no text")
    article_id = slug(meta.pop("id", path.stem))
    if suffix == ".txt":
        meta["text_file"] = str(path)
    return Source(path, article_id, text, meta)
