"""The main job: inputs (statements files or article texts) to a built, validated graph."""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from pathlib import Path

from kg.build import build, write_build
from kg.errors import InputError
from kg.files import decode_text, read_bytes
from kg.iri import DEFAULT_BASE, slug
from kg.statements import Statements, dump_statements, load_statements

STATEMENT_SUFFIXES = (".yaml", ".yml", ".json")
TEXT_SUFFIXES = (".txt",)


def article_id_for(path: Path) -> str:
    return slug(path.stem)


def extract_file(path: Path, model: str | None = None, text_file: str | None = None) -> Statements:
    """Extract the statements of an article text file."""
    from kg.extract.pipeline import extract

    text = decode_text(read_bytes(path), str(path))
    return extract(text, article_id_for(path), model=model, text_file=text_file)


def load_input(path: Path, model: str | None = None) -> Statements:
    """Statements from a statements file, or extracted from an article text."""
    suffix = path.suffix.lower()
    if suffix in STATEMENT_SUFFIXES:
        return load_statements(path)
    if suffix in TEXT_SUFFIXES:
        return extract_file(path, model=model, text_file=str(path))
    raise InputError(
        f"{path}: unknown input type '{suffix or '(none)'}' "
        f"(statements: {', '.join(STATEMENT_SUFFIXES)}; texts: {', '.join(TEXT_SUFFIXES)})"
    )


def build_inputs(
    inputs: Sequence[Path],
    out_dir: Path,
    base: str | None = None,
    strict: bool = False,
    model: str | None = None,
) -> str:
    """Load, build, validate and write; return a one-paragraph summary."""
    statements = []
    records = []
    for path in inputs:
        st = load_input(Path(path), model=model)
        statements.append(st)
        records.append(
            {
                "path": str(path),
                "sha256": hashlib.sha256(read_bytes(path)).hexdigest(),
                "article": st.article.id,
                "text_sha256": st.article.text_sha256,
            }
        )
    result = build(statements, base=base or DEFAULT_BASE, inputs=records, strict=strict)
    paths = write_build(result, out_dir)
    c = result.counts()
    lines = [
        f"Built {c['articles']} article(s): {c['entities']} entities, {c['relations']} relations, "
        f"{c['quads']} quads; {c['quarantined']} statement(s) quarantined.",
    ]
    for a in result.articles:
        for v in a.violations:
            lines.append(f"  quarantined: {v.focus_label or v.focus}: {v.message}")
    lines.append("Wrote " + ", ".join(str(p) for p in paths.values()))
    return "\n".join(lines)


def extract_to_file(article: Path, output: str, model: str | None = None) -> Statements:
    """Extract an article's statements and write them for review ('-' for stdout)."""
    import os

    from kg.files import write_bytes

    target = None if output == "-" else Path(output)
    base = target.parent if target is not None else Path.cwd()
    rel = os.path.relpath(Path(article).resolve(), base.resolve())
    st = extract_file(Path(article), model=model, text_file=rel)
    text = dump_statements(st)
    if target is None:
        import sys

        sys.stdout.write(text)
    else:
        write_bytes(target, text.encode("utf-8"))
    return st
