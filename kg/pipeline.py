"""The main job: inputs (article texts or statements files) to a built, validated graph,
written as files and added to the store, in batches so that memory stays flat."""

from __future__ import annotations

import hashlib
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from kg.build import EntityRegistry, build, write_build
from kg.corpus import STATEMENT_SUFFIXES, TEXT_SUFFIXES, Source, expand, read_source
from kg.errors import InputError
from kg.files import read_bytes
from kg.iri import DEFAULT_BASE, check_base
from kg.statements import Statements, dump_statements, load_statements


def extract_file(path: Path, model: str | None = None) -> Statements:
    """Extract the statements of an article file (.txt, .md, .html)."""
    if Path(path).suffix.lower() not in TEXT_SUFFIXES:
        raise InputError(f"{path}: not an article text ({', '.join(TEXT_SUFFIXES)})")
    return load_input(Path(path), model=model)


def load_input(path: Path, model: str | None = None) -> Statements:
    """Statements from a statements file, or extracted from an article file."""
    suffix = path.suffix.lower()
    if suffix in STATEMENT_SUFFIXES:
        return load_statements(path)
    if suffix in TEXT_SUFFIXES:
        from kg.extract.pipeline import extract_many

        src = read_source(path)
        return next(extract_many([(src.text, src.article_id, src.meta)], model=model))
    raise InputError(
        f"{path}: unknown input type '{suffix or '(none)'}' "
        f"(articles: {', '.join(TEXT_SUFFIXES)}; statements: {', '.join(STATEMENT_SUFFIXES)})"
    )


@dataclass
class BuildSummary:
    articles: int = 0
    entities: set[str] = field(default_factory=set)
    relations: int = 0
    quarantined: int = 0
    replaced: int = 0
    seconds: float = 0.0
    outputs: list[Path] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    store: Path | None = None

    def text(self) -> str:
        lines = [
            f"Built {self.articles} article(s): {len(self.entities)} entities, "
            f"{self.relations} relations; {self.quarantined} statement(s) quarantined "
            f"({self.seconds:.1f} s).",
        ]
        lines += [f"  {n}" for n in self.notes]
        if self.outputs:
            lines.append("Wrote " + ", ".join(str(p) for p in self.outputs))
        if self.store is not None:
            replaced = f", {self.replaced} replaced" if self.replaced else ""
            lines.append(f"Stored in {self.store} ({self.articles} article graph(s){replaced})")
        return "\n".join(lines)


def _load_batch(
    paths: Sequence[Path], model: str | None, jobs: int
) -> list[tuple[Path, Statements]]:
    sources: list[Source] = []
    out: dict[Path, Statements] = {}
    for path in paths:
        suffix = path.suffix.lower()
        if suffix in STATEMENT_SUFFIXES:
            out[path] = load_statements(path)
        elif suffix in TEXT_SUFFIXES:
            sources.append(read_source(path))
        else:
            load_input(path)  # raises the unknown-type error
    if sources:
        from kg.extract.pipeline import extract_many

        items = [(s.text, s.article_id, s.meta) for s in sources]
        for src, st in zip(sources, extract_many(items, model=model, n_process=jobs), strict=True):
            out[src.path] = st
    return [(p, out[p]) for p in paths]


def build_inputs(
    inputs: Sequence[Path],
    out_dir: Path | None,
    base: str | None = None,
    strict: bool = False,
    model: str | None = None,
    store_dir: Path | None = None,
    jobs: int = 1,
    replace: bool = False,
    batch_size: int = 100,
    progress: Callable[[int], None] | None = None,
    dask: str | None = None,
    push: str | None = None,
    dask_timeout: float = 10.0,
) -> BuildSummary:
    """Build every input; write kg.nq, kg.trig, quarantine.nq and manifest.json into
    `out_dir` (if given) and add each article's graph to the store (if given).

    With `dask` (a scheduler address, or local:N) the articles are extracted and built on
    a Dask cluster (kg.cluster), and `push` names a Graph Store Protocol endpoint to send
    each article's graph to."""
    if dask is not None:
        from kg.cluster import build_on_cluster

        return build_on_cluster(
            inputs, out_dir, dask, base=base, strict=strict, model=model, store_dir=store_dir,
            replace=replace, batch_size=batch_size, push=push, progress=progress,
            timeout=dask_timeout,
        )  # fmt: skip
    started = time.perf_counter()
    try:
        base = check_base(base or DEFAULT_BASE)
    except ValueError as exc:
        raise InputError(str(exc)) from None
    paths = expand(inputs)
    if not paths:
        raise InputError("no inputs")
    store = None
    if store_dir is not None:
        from kg.store import KgStore

        store = KgStore(store_dir)
    registry = EntityRegistry(base, store.entity_classes(base) if store else None)
    summary = BuildSummary(store=store_dir)
    kept = []
    seen: dict[str, Path] = {}
    records = []
    try:
        for start in range(0, len(paths), batch_size):
            chunk = paths[start : start + batch_size]
            loaded = _load_batch(chunk, model, jobs)
            for path, st in loaded:
                if st.article.id in seen:
                    other = seen[st.article.id]
                    raise InputError(f"{path}: article id '{st.article.id}' is also {other}'s")
                seen[st.article.id] = path
            statements = [st for _p, st in loaded]
            batch_records = [
                {
                    "path": str(p),
                    "sha256": hashlib.sha256(read_bytes(p)).hexdigest(),
                    "article": st.article.id,
                    "text_sha256": st.article.text_sha256,
                }
                for p, st in loaded
            ]
            result = build(
                statements, base=base, inputs=batch_records, strict=strict, registry=registry
            )
            if store is not None:
                shas = {st.article.id: st.article.text_sha256 for st in statements}
                stored = store.add_build(result, shas, replace=replace)
                summary.replaced += sum(s.replaced for s in stored)
            for a in result.articles:
                summary.articles += 1
                summary.relations += a.relations
                summary.quarantined += a.quarantined
                summary.entities.update(
                    q.subject.value for q in a.main if q.predicate.value.endswith("#mentionedIn")
                )
                for v in a.violations:
                    summary.notes.append(
                        f"quarantined in {a.article_id}: {v.focus_label or v.focus}: {v.message}"
                    )
            if out_dir is not None:
                kept.append(result)
                records += batch_records
            if progress:
                progress(len(chunk))
    finally:
        if store is not None:
            store.close()
    if out_dir is not None:
        from kg.build import BuildResult

        merged = BuildResult(
            base=base, articles=[a for r in kept for a in r.articles], inputs=records
        )
        summary.outputs = list(write_build(merged, out_dir).values())
    summary.seconds = time.perf_counter() - started
    return summary


def extract_to_file(article: Path, output: str, model: str | None = None) -> Statements:
    """Extract an article's statements and write them for review ('-' for stdout)."""
    import os
    import sys

    from kg.files import write_bytes

    target = None if output == "-" else Path(output)
    base = target.parent if target is not None else Path.cwd()
    st = load_input(Path(article), model=model)
    rel = None
    if st.article.text_file is not None:
        rel = os.path.relpath(Path(article).resolve(), base.resolve())
    text = dump_statements(st, text_file=rel)
    if target is None:
        sys.stdout.write(text)
    else:
        write_bytes(target, text.encode("utf-8"))
    return st
