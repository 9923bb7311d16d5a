"""The statements format: the seam between extraction and RDF.

One YAML (or JSON) file per article holds the article's metadata, its entities and the
relations between them, each relation with its evidence. The extractor writes it, a person
may correct it, and the builder turns it into RDF. docs/statements.md documents it.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import math
import re
import warnings
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import Any

import yaml

from kg.errors import InputError, KgWarning, StatementsError
from kg.files import decode_text, read_bytes, read_text
from kg.ontology import load_ontology

FORMAT = "kg-statements/1"
SCOPES = ("article", "corpus")


@dataclass(frozen=True)
class Article:
    id: str
    text: str
    title: str | None = None
    source: str | None = None
    date: str | None = None  # ISO 8601 date, YYYY-MM-DD
    url: str | None = None
    text_file: str | None = None  # as written in the file, relative to it

    @cached_property
    def text_sha256(self) -> str:
        """The SHA-256 of the text (UTF-8), computed once: the manifest, the article's
        kgo:textSha256 and the store's check of a changed text all read it."""
        return hashlib.sha256(self.text.encode("utf-8")).hexdigest()


@dataclass(frozen=True)
class Entity:
    id: str
    label: str
    cls: str
    aliases: tuple[str, ...] = ()
    ids: tuple[tuple[str, str], ...] = ()  # (scheme, id), e.g. ("wikidata", "Q30")
    title: str | None = None  # a Position's bare title, e.g. "foreign minister"
    of: str | None = None  # a Position's owner: the id of a country or organisation
    scope: str | None = None  # "article" or "corpus": overrides the identity policy


@dataclass(frozen=True)
class Evidence:
    sentence: str
    start: int
    end: int


@dataclass(frozen=True)
class Relation:
    subject: str
    predicate: str
    object: str
    evidence: Evidence
    modality: str = "asserted"
    attributed_to: str | None = None
    confidence: float = 1.0
    method: str = "manual"
    qualifiers: tuple[str, ...] = ()  # former, acting, interim, deputy, elect


@dataclass
class Statements:
    article: Article
    entities: list[Entity] = field(default_factory=list)
    relations: list[Relation] = field(default_factory=list)

    def entity(self, entity_id: str) -> Entity:
        for entity in self.entities:
            if entity.id == entity_id:
                return entity
        raise KeyError(entity_id)


# ---------------------------------------------------------------------------------------
# Loading


class _Problems:
    def __init__(self, name: str) -> None:
        self.name = name

    def fail(self, where: str, problem: str) -> StatementsError:
        return StatementsError(f"{self.name}: {where}: {problem}")


_CONTROL = re.compile("[\x00-\x08\x0a-\x1f\x7f-\x9f]")  # a tab is white space
_CONTROL_IN_TEXT = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")


_NAMES = {"label", "aliases", "title", "source"}

# libyaml's parser where PyYAML was built with it (as kg.extract.lexicon reads its data): the
# same documents, some ten times less CPU than PyYAML's own parser, which took four fifths of
# a build of 2,000 statements files
YAML_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def _no_control(text: str, where: str, key: str, p: _Problems, free_text: bool = False) -> str:
    """Control characters reach terminals and break XML: removed from a name (label, alias,
    title, source) with a warning, refused anywhere else (a sentence of the text may hold
    tabs and line breaks)."""
    pattern = _CONTROL_IN_TEXT if free_text else _CONTROL
    found = pattern.search(text)
    if not found:
        return text
    if key in _NAMES:
        warnings.warn(
            KgWarning(f"{p.name}: {where}: control characters removed from '{key}'"),
            stacklevel=4,
        )
        return pattern.sub("", text)
    raise p.fail(
        where, f"'{key}' holds a control character (U+{ord(found.group()):04X}); remove it"
    )


def _str(
    value: Any,
    where: str,
    key: str,
    p: _Problems,
    required: bool = True,
    free_text: bool = False,
) -> str | None:
    if value is None:
        if required:
            raise p.fail(where, f"'{key}' is missing")
        return None
    if isinstance(value, dt.date):
        return value.isoformat()
    if not isinstance(value, str | int | float) or isinstance(value, bool):
        raise p.fail(where, f"'{key}' must be a string")
    text = _no_control(str(value), where, key, p, free_text)
    if required and not text.strip():
        raise p.fail(where, f"'{key}' is empty")
    return text


def _mapping(value: Any, where: str, p: _Problems) -> dict:
    if not isinstance(value, dict):
        raise p.fail(where, "must be a mapping of keys to values")
    return value


def _keys(item: dict, allowed: set[str], where: str, p: _Problems) -> None:
    unknown = sorted(str(k) for k in item if k not in allowed)
    if unknown:
        raise p.fail(where, f"unknown key '{unknown[0]}' (allowed: {', '.join(sorted(allowed))})")


def _date(value: Any, where: str, p: _Problems) -> str | None:
    if value is None:
        return None
    if isinstance(value, dt.datetime):
        value = value.date()
    if isinstance(value, dt.date):
        return value.isoformat()
    try:
        return dt.date.fromisoformat(str(value)).isoformat()
    except ValueError:
        raise p.fail(where, f"'date' must be a date YYYY-MM-DD, not {value!r}") from None


TEXT_FILE_SUFFIXES = (".txt", ".md", ".markdown", ".html", ".htm")


def text_file_problem(path: Path, statements_dir: Path) -> str | None:
    """Why a statements file in `statements_dir` may not take its text from `path`, or
    None. The text must be an article file (.txt, .md, .html) in the statements file's
    folder or beside it (`../articles/x.txt` from `gold/`): a statements file cannot make
    kg read any file of the machine."""
    folder = statements_dir.resolve()
    real = path.resolve()
    if real.suffix.lower() not in TEXT_FILE_SUFFIXES:
        return f"is not an article text ({', '.join(TEXT_FILE_SUFFIXES)})"
    if not (real.is_relative_to(folder) or real.is_relative_to(folder.parent)):
        return "is outside the statements file's folder and the folder above it"
    return None


def parse_statements(
    data: dict, name: str = "<statements>", base_dir: Path | None = None
) -> Statements:
    """Check and convert a parsed statements document; raise StatementsError on a fault."""
    p = _Problems(name)
    onto = load_ontology()
    doc = _mapping(data, "document", p)
    _keys(doc, {"format", "article", "entities", "relations"}, "document", p)
    fmt = doc.get("format", FORMAT)
    if fmt != FORMAT:
        raise p.fail("format", f"unknown format {fmt!r} (expected {FORMAT!r})")

    art = _mapping(doc.get("article"), "article", p)
    _keys(
        art,
        {"id", "title", "source", "date", "url", "text", "text_file", "text_sha256"},
        "article",
        p,
    )
    text = art.get("text")
    text_file = _str(art.get("text_file"), "article", "text_file", p, required=False)
    if text is None and text_file is None:
        raise p.fail("article", "needs 'text' or 'text_file'")
    if text is None:
        assert text_file is not None
        path = (base_dir or Path.cwd()).resolve() / text_file
        problem = text_file_problem(path, base_dir or Path.cwd())
        if problem:
            raise p.fail("article.text_file", f"{text_file!r} {problem}")
        try:
            text = read_text(path)
        except InputError as exc:
            raise p.fail("article.text_file", str(exc)) from None
    elif not isinstance(text, str):
        raise p.fail("article", "'text' must be a string")
    article = Article(
        id=_str(art.get("id"), "article", "id", p),  # type: ignore[arg-type]
        text=text,
        title=_str(art.get("title"), "article", "title", p, required=False),
        source=_str(art.get("source"), "article", "source", p, required=False),
        date=_date(art.get("date"), "article", p),
        url=_str(art.get("url"), "article", "url", p, required=False),
        text_file=text_file,
    )
    expected = art.get("text_sha256")
    if expected is not None and expected != article.text_sha256:
        raise p.fail("article", "the text does not match 'text_sha256' (was the article edited?)")

    entities: list[Entity] = []
    seen: set[str] = set()
    raw_entities = doc.get("entities") or []
    if not isinstance(raw_entities, list):
        raise p.fail("entities", "must be a list")
    for i, raw in enumerate(raw_entities):
        where = f"entities[{i}]"
        item = _mapping(raw, where, p)
        _keys(item, {"id", "label", "class", "aliases", "ids", "title", "of", "scope"}, where, p)
        eid = _str(item.get("id"), where, "id", p)
        where = f"entities[{i}] ({eid})"
        if eid in seen:
            raise p.fail(where, f"duplicate entity id '{eid}'")
        seen.add(eid)  # type: ignore[arg-type]
        cls = _str(item.get("class"), where, "class", p)
        if cls not in onto.classes:
            raise p.fail(where, f"unknown class '{cls}' (known: {', '.join(onto.classes)})")
        aliases = item.get("aliases") or []
        if not isinstance(aliases, list) or not all(isinstance(a, str) for a in aliases):
            raise p.fail(where, "'aliases' must be a list of strings")
        aliases = [_no_control(alias, where, "aliases", p) for alias in aliases]
        ids = item.get("ids") or {}
        if not isinstance(ids, dict) or not all(
            isinstance(k, str) and isinstance(v, str) for k, v in ids.items()
        ):
            raise p.fail(where, "'ids' must map a scheme (such as wikidata) to an id")
        for k, v in ids.items():
            _no_control(k + v, where, "ids", p)
        if "wikidata" in ids and not (ids["wikidata"][:1] == "Q" and ids["wikidata"][1:].isdigit()):
            raise p.fail(where, f"not a Wikidata id: {ids['wikidata']!r}")
        title = _str(item.get("title"), where, "title", p, required=False)
        owner = _str(item.get("of"), where, "of", p, required=False)
        if (title is not None or owner is not None) and cls != "Position":
            raise p.fail(where, "'title' and 'of' are for Position entities only")
        if title is not None and not title.strip():
            raise p.fail(where, "'title' is empty")
        scope = _str(item.get("scope"), where, "scope", p, required=False)
        if scope is not None and scope not in SCOPES:
            raise p.fail(where, f"unknown scope '{scope}' (known: {', '.join(SCOPES)})")
        entities.append(
            Entity(
                id=eid,  # type: ignore[arg-type]
                label=_str(item.get("label"), where, "label", p),  # type: ignore[arg-type]
                cls=cls,
                aliases=tuple(aliases),
                ids=tuple(sorted(ids.items())),
                title=title,
                of=owner,
                scope=scope,
            )
        )
    for i, e in enumerate(entities):
        if e.of is None:
            continue
        where = f"entities[{i}] ({e.id})"
        owner_entity = next((x for x in entities if x.id == e.of), None)
        if owner_entity is None:
            raise p.fail(where, f"unknown entity id '{e.of}' in 'of'")
        if not any(onto.is_subclass(owner_entity.cls, c) for c in ("Actor", "Place")):
            raise p.fail(
                where, f"'of' must name a country, organisation or place, not a {owner_entity.cls}"
            )

    relations: list[Relation] = []
    raw_relations = doc.get("relations") or []
    if not isinstance(raw_relations, list):
        raise p.fail("relations", "must be a list")
    for i, raw in enumerate(raw_relations):
        where = f"relations[{i}]"
        item = _mapping(raw, where, p)
        _keys(
            item,
            {
                "subject",
                "predicate",
                "object",
                "evidence",
                "modality",
                "attributed_to",
                "confidence",
                "method",
                "qualifiers",
            },
            where,
            p,
        )
        subj = _str(item.get("subject"), where, "subject", p)
        pred = _str(item.get("predicate"), where, "predicate", p)
        obj = _str(item.get("object"), where, "object", p)
        where = f"relations[{i}] ({subj} {pred} {obj})"
        if pred not in onto.relations:
            raise p.fail(where, f"unknown predicate '{pred}' (known: {', '.join(onto.relations)})")
        for role, ref in (("subject", subj), ("object", obj)):
            if ref not in seen:
                raise p.fail(where, f"unknown entity id '{ref}' as {role}")
        attributed = _str(item.get("attributed_to"), where, "attributed_to", p, required=False)
        if attributed is not None and attributed not in seen:
            raise p.fail(where, f"unknown entity id '{attributed}' in attributed_to")
        modality = _str(item.get("modality", "asserted"), where, "modality", p)
        if modality not in onto.modalities:
            raise p.fail(
                where, f"unknown modality '{modality}' (known: {', '.join(onto.modalities)})"
            )
        qualifiers = item.get("qualifiers") or []
        if not isinstance(qualifiers, list) or not all(isinstance(q, str) for q in qualifiers):
            raise p.fail(where, "'qualifiers' must be a list of words such as former or acting")
        for q in qualifiers:
            if q not in onto.qualifiers:
                raise p.fail(
                    where, f"unknown qualifier '{q}' (known: {', '.join(onto.qualifiers)})"
                )
        confidence = item.get("confidence", 1.0)
        if isinstance(confidence, bool) or not isinstance(confidence, int | float):
            raise p.fail(where, "'confidence' must be a number from 0 to 1")
        if not math.isfinite(confidence):
            raise p.fail(where, "'confidence' must be a finite number")
        ev = _mapping(item.get("evidence"), f"{where}.evidence", p)
        _keys(ev, {"sentence", "start", "end"}, f"{where}.evidence", p)
        sentence = _str(ev.get("sentence"), f"{where}.evidence", "sentence", p, free_text=True)
        start, end = ev.get("start"), ev.get("end")
        if not all(isinstance(x, int) and not isinstance(x, bool) for x in (start, end)):
            raise p.fail(f"{where}.evidence", "'start' and 'end' must be whole numbers")
        if not 0 <= start < end <= len(article.text):
            raise p.fail(
                f"{where}.evidence",
                f"offsets {start}..{end} are outside the text (0..{len(article.text)})",
            )
        if article.text[start:end] != sentence:
            # the text itself is never echoed: it may come from a file the user did not mean
            at = article.text.find(sentence)  # type: ignore[arg-type]
            elsewhere = f"; the sentence is at {at}..{at + len(sentence)}" if at >= 0 else ""
            raise p.fail(
                f"{where}.evidence",
                f"evidence text not found at its offsets {start}..{end}{elsewhere}",
            )
        relations.append(
            Relation(
                subject=subj,  # type: ignore[arg-type]
                predicate=pred,  # type: ignore[arg-type]
                object=obj,  # type: ignore[arg-type]
                evidence=Evidence(sentence=sentence, start=start, end=end),  # type: ignore[arg-type]
                modality=modality,  # type: ignore[arg-type]
                attributed_to=attributed,
                confidence=float(confidence),
                method=_str(item.get("method", "manual"), where, "method", p),  # type: ignore[arg-type]
                qualifiers=tuple(sorted(set(qualifiers))),
            )
        )
    return Statements(article=article, entities=entities, relations=relations)


def load_statements(path: Path | str, data: bytes | None = None) -> Statements:
    """Read a statements file (.yaml, .yml or .json); `data`: its bytes, if already read."""
    path = Path(path)
    text = decode_text(read_bytes(path) if data is None else data, str(path))
    try:
        data = (
            json.loads(text)
            if path.suffix.lower() == ".json"
            else yaml.load(text, Loader=YAML_LOADER)
        )
    except (yaml.YAMLError, json.JSONDecodeError) as exc:
        line = getattr(getattr(exc, "problem_mark", None), "line", None)
        if line is None:
            line = getattr(exc, "lineno", None)
        else:
            line += 1
        at = f" at line {line}" if line else ""
        problem = getattr(exc, "problem", None) or getattr(exc, "msg", None) or "syntax error"
        raise StatementsError(f"{path}: not valid YAML/JSON{at}: {problem}") from None
    except ValueError as exc:  # PyYAML reads 2024-02-30 as a date and fails
        raise StatementsError(f"{path}: holds a date that does not exist ({exc})") from None
    return parse_statements(data, name=str(path), base_dir=path.parent)


# ---------------------------------------------------------------------------------------
# Writing


def to_document(st: Statements, text_file: str | None = None) -> dict:
    """The statements as a plain document, in the order a person reads it."""
    art: dict[str, Any] = {"id": st.article.id}
    for key in ("title", "source", "date", "url"):
        value = getattr(st.article, key)
        if value is not None:
            art[key] = value
    text_file = text_file if text_file is not None else st.article.text_file
    if text_file is not None:
        art["text_file"] = text_file
        art["text_sha256"] = st.article.text_sha256
    else:
        art["text"] = st.article.text
    entities = []
    for e in st.entities:
        item: dict[str, Any] = {"id": e.id, "label": e.label, "class": e.cls}
        if e.aliases:
            item["aliases"] = list(e.aliases)
        if e.ids:
            item["ids"] = dict(e.ids)
        for key in ("title", "of", "scope"):
            if getattr(e, key) is not None:
                item[key] = getattr(e, key)
        entities.append(item)
    relations = []
    for r in st.relations:
        item = {
            "subject": r.subject,
            "predicate": r.predicate,
            "object": r.object,
            "modality": r.modality,
        }
        if r.attributed_to:
            item["attributed_to"] = r.attributed_to
        if r.qualifiers:
            item["qualifiers"] = list(r.qualifiers)
        item["confidence"] = round(r.confidence, 3)
        item["method"] = r.method
        item["evidence"] = {
            "sentence": r.evidence.sentence,
            "start": r.evidence.start,
            "end": r.evidence.end,
        }
        relations.append(item)
    return {"format": FORMAT, "article": art, "entities": entities, "relations": relations}


def dump_statements(st: Statements, text_file: str | None = None) -> str:
    return yaml.safe_dump(
        to_document(st, text_file), sort_keys=False, allow_unicode=True, width=100
    )
