"""Benchmark of `kg build` against spaCy, whole processes measured side by side.

For each corpus (N articles made by benchmarks/generate.py, or a folder of articles such as
../shared/corpus), three processes run on the same texts, one after the other:

    spaCy   python: spacy.load(model); list(nlp.pipe(texts))        (the parser alone)
    jobs 1  kg build CORPUS --store FRESH --no-out --jobs 1
    jobs 2  kg build CORPUS --store FRESH --no-out --jobs 2

and each one's total CPU (user + system, its worker processes included), wall time and peak
resident memory are read from the kernel (wait4). Printed: the ratios the targets name,
CPU of the build over CPU of spaCy (target <= 1.5), wall of --jobs 2 over --jobs 1 (target
<= 0.6), and the peak memory of each N over that of the first N (target <= 1.3). Between
two generated sizes it also prints the CPU ratio per article (per_article): the whole
ratios of a small and a large corpus differ by how much of each the start-ups are.

    python benchmarks/build.py 200 2000 [--corpus ../shared/corpus] [--out] [--no-bytecode]
        [--repeat N]
    python benchmarks/build.py 200 10000 --memory-only

--out also builds with --out (the files written while streaming) and reports its memory.
kg runs from its modules' byte-code caches, as an installed copy does (launch.with_bytecode:
an environment with PYTHONDONTWRITEBYTECODE set would have every process compile kg's
sources again); --no-bytecode measures it the old way (rounds before 9 of issue 11).
--repeat N runs each corpus's commands N times, in turns (spaCy, jobs 1, jobs 2, then the
other way round, and so on), prints every run's row and reports the median of each figure,
a ratio being the median of the runs' own ratios: a wall ratio near its target (0.63
against 0.6 at 36 and 200 articles) is within what one run on a shared machine moves by.
--memory-only runs the `--jobs 1` build alone (no spaCy baseline, no `--jobs 2` run) and
prints its peak memory (its CPU and wall time for information): the memory target at sizes
where the whole comparison would take too long.

Each command is started by a small launcher process of its own: the kernel's peak memory of
a process is at least that of the process it was forked from, and this one holds the
generated texts.
"""

from __future__ import annotations

import json
import shutil
import statistics
import sys
import tempfile
from itertools import pairwise
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from launch import measure, with_bytecode, without_bytecode

HERE = Path(__file__).resolve().parent
# The model kg would load (kg.extract.nlp.load_pipeline's choice), loaded once: naming it
# through load_pipeline() would load the model a second time, with kg's components, and
# count that (about 0.3 s of CPU) as spaCy's.
SPACY = """
import sys, pathlib, spacy
from kg.extract.nlp import FALLBACK_MODEL, OFFICIAL_MODEL
from kg.corpus import expand, read_source
paths = [p for p in expand([pathlib.Path(sys.argv[1])]) if p.suffix == ".txt" or p.suffix == ".md"]
texts = [read_source(p).text for p in paths]
name = OFFICIAL_MODEL if spacy.util.is_package(OFFICIAL_MODEL) else FALLBACK_MODEL
nlp = spacy.load(name)
print(sum(1 for _ in nlp.pipe(texts)))  # the model's batch size, as kg's extract_many
"""


def run(
    corpus: Path, label: str, with_out: bool, memory_only: bool = False, backwards: bool = False
) -> dict:
    """One run of a corpus's commands (with `backwards`, in the other order: --jobs 2,
    --jobs 1, spaCy)."""
    work = Path(tempfile.mkdtemp(prefix="kg-bench-build-"))
    kg = [sys.executable, "-m", "kg.cli", "build", str(corpus)]
    try:
        if memory_only:
            j1 = measure([*kg, "--store", str(work / "s1"), "--no-out", "--jobs", "1"])
            return {
                "corpus": label,
                "articles": len(list(corpus.iterdir())),
                "build_cpu_s": j1["cpu_s"],
                "jobs1_wall_s": j1["wall_s"],
                "build_peak_mb": j1["peak_mb"],
            }
        commands = {
            "spacy": [sys.executable, "-c", SPACY, str(corpus)],
            "j1": [*kg, "--store", str(work / "s1"), "--no-out", "--jobs", "1"],
            "j2": [*kg, "--store", str(work / "s2"), "--no-out", "--jobs", "2"],
        }
        order = list(commands)[::-1] if backwards else list(commands)
        done = {name: measure(commands[name]) for name in order}
        spacy, j1, j2 = done["spacy"], done["j1"], done["j2"]
        row = {
            "corpus": label,
            "articles": int(spacy["stdout"] or 0),
            "spacy_cpu_s": spacy["cpu_s"],
            "build_cpu_s": j1["cpu_s"],
            "build_cpu_over_spacy": round(j1["cpu_s"] / spacy["cpu_s"], 2),
            "jobs1_wall_s": j1["wall_s"],
            "jobs2_wall_s": j2["wall_s"],
            "jobs2_over_jobs1_wall": round(j2["wall_s"] / j1["wall_s"], 2),
            "jobs2_cpu_over_spacy": round(j2["cpu_s"] / spacy["cpu_s"], 2),
            "spacy_peak_mb": spacy["peak_mb"],
            "build_peak_mb": j1["peak_mb"],
        }
        if with_out:
            out = measure([*kg, "--store", str(work / "s3"), "--out", str(work / "out")])
            row["build_with_out_peak_mb"] = out["peak_mb"]
            row["build_with_out_cpu_over_spacy"] = round(out["cpu_s"] / spacy["cpu_s"], 2)
        return row
    finally:
        shutil.rmtree(work, ignore_errors=True)


_FLAGS = ("--out", "--memory-only", "--no-bytecode", "--repeat", "--corpus")


def main() -> None:
    args = sys.argv[1:]
    if not args or "-h" in args or "--help" in args:
        sys.exit(__doc__)
    unknown = [a for a in args if a.startswith("-") and a not in _FLAGS]
    if unknown:
        sys.exit(f"benchmarks/build.py: unknown option {unknown[0]} (--help lists them)")
    with_out = "--out" in args
    memory_only = "--memory-only" in args
    if "--no-bytecode" in args:
        without_bytecode()
    else:
        with_bytecode()
    args = [a for a in args if a not in ("--out", "--memory-only", "--no-bytecode")]
    repeat = 1
    if "--repeat" in args:
        at = args.index("--repeat")
        repeat = int(args[at + 1])
        del args[at : at + 2]
    corpora: list[tuple[Path, str, Path | None]] = []
    while args:
        a = args.pop(0)
        if a == "--corpus":  # its article texts (not its gold or its README)
            path = Path(args.pop(0))
            tmp = Path(tempfile.mkdtemp(prefix="kg-bench-corpus-"))
            for text in sorted(path.glob("*.txt")):
                shutil.copy(text, tmp / text.name)
            corpora.append((tmp, path.name, tmp))
            continue
        n = int(a)
        tmp = Path(tempfile.mkdtemp(prefix="kg-bench-corpus-"))
        sys.path.insert(0, str(HERE))
        from generate import write

        write(n, tmp)
        corpora.append((tmp, f"generated {n}", tmp))
    rows = []
    try:
        for path, label, _tmp in corpora:
            runs = []
            for n in range(repeat):
                runs.append(run(path, label, with_out, memory_only, backwards=n % 2 == 1))
                print(json.dumps(runs[-1]), flush=True)
            rows.append(medians(runs))
            if repeat > 1:
                print(json.dumps({"medians_of": repeat, **rows[-1]}), flush=True)
    finally:
        for _p, _l, tmp in corpora:
            if tmp is not None:
                shutil.rmtree(tmp, ignore_errors=True)
    base = next((r for r in rows if r["corpus"].startswith("generated")), None)
    print()
    if memory_only:
        print("| corpus | articles | build peak MB | peak / first generated | build CPU s |")
        print("| --- | --- | --- | --- | --- |")
    else:
        print(
            "| corpus | articles | build CPU / spaCy CPU | --jobs 2 wall / --jobs 1 | "
            "peak MB | peak / first generated |"
        )
        print("| --- | --- | --- | --- | --- | --- |")
    for r in rows:
        rel = (
            round(r["build_peak_mb"] / base["build_peak_mb"], 2)
            if base and r["corpus"].startswith("generated")
            else ""
        )
        if memory_only:
            print(
                f"| {r['corpus']} | {r['articles']} | {r['build_peak_mb']} | {rel} | "
                f"{r['build_cpu_s']} |"
            )
            continue
        print(
            f"| {r['corpus']} | {r['articles']} | {r['build_cpu_over_spacy']} | "
            f"{r['jobs2_over_jobs1_wall']} | {r['build_peak_mb']} | {rel} |"
        )
    if not memory_only:
        per_article(rows)


def medians(runs: list[dict]) -> dict:
    """The runs of one corpus as one row: each number the median of the runs' (a ratio
    the median of their ratios, not a ratio of medians)."""
    row = dict(runs[0])
    for key, value in row.items():
        if key != "articles" and isinstance(value, int | float) and not isinstance(value, bool):
            middle = statistics.median(r[key] for r in runs)
            if isinstance(middle, float) and middle.is_integer() and isinstance(value, int):
                middle = int(middle)  # two runs of 241 MB: 241, not 241.0
            row[key] = round(middle, 2) if isinstance(middle, float) else middle
    return row


def per_article(rows: list[dict]) -> None:
    """The CPU ratio per article between two sizes of generated corpus: the build's extra
    CPU over spaCy's extra CPU, from the 200 to the 2,000 articles, say. Each process's
    start-up (kg's about 1.1-1.2 s, spaCy's baseline about 1.3 s: Python, spaCy, the
    model) is in both runs, so it drops out: what is left is what an article costs each.
    At 200 articles the start-ups are a fifth of each side's CPU and pull the whole
    ratio towards theirs; at 2,000 they weigh little, so the whole ratio nears this one."""
    generated = [r for r in rows if r["corpus"].startswith("generated")]
    for small, large in pairwise(generated):
        spacy = large["spacy_cpu_s"] - small["spacy_cpu_s"]
        if spacy <= 0:
            continue
        build = large["build_cpu_s"] - small["build_cpu_s"]
        print(
            f"per article, {small['articles']} -> {large['articles']} articles: build CPU / "
            f"spaCy CPU {build / spacy:.2f} (start-ups taken out)"
        )


if __name__ == "__main__":
    main()
