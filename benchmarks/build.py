"""Benchmark of `kg build` against spaCy, whole processes measured side by side.

For each corpus (N articles made by benchmarks/generate.py, or a folder of articles such as
../shared/corpus), three processes run on the same texts, one after the other:

    spaCy   python: spacy.load(model); list(nlp.pipe(texts))        (the parser alone)
    jobs 1  kg build CORPUS --store FRESH --no-out --jobs 1
    jobs 2  kg build CORPUS --store FRESH --no-out --jobs 2

and each one's total CPU (user + system, its worker processes included), wall time and peak
resident memory are read from the kernel (wait4). Printed: the ratios the targets name,
CPU of the build over CPU of spaCy (target <= 1.5), wall of --jobs 2 over --jobs 1 (target
<= 0.6), and the peak memory of each N over that of the first N (target <= 1.3).

    python benchmarks/build.py 200 2000 [--corpus ../shared/corpus] [--out]

--out also builds with --out (the files written while streaming) and reports its memory.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
SPACY = """
import sys, pathlib, spacy
from kg.extract.nlp import load_pipeline
from kg.corpus import expand, read_source
paths = [p for p in expand([pathlib.Path(sys.argv[1])]) if p.suffix == ".txt" or p.suffix == ".md"]
texts = [read_source(p).text for p in paths]
nlp = spacy.load(load_pipeline().meta["kg_package"])
print(sum(1 for _ in nlp.pipe(texts, batch_size=64)))
"""


def measure(cmd: list[str]) -> dict:
    """Run a command; its CPU seconds, wall seconds and peak RSS (MB), its children's too."""
    with tempfile.TemporaryFile() as out_f, tempfile.TemporaryFile() as err_f:
        t0 = time.perf_counter()
        proc = subprocess.Popen(cmd, stdout=out_f, stderr=err_f)  # files: no pipe to fill
        _pid, status, usage = os.wait4(proc.pid, 0)
        wall = time.perf_counter() - t0
        out_f.seek(0)
        err_f.seek(0)
        out = out_f.read().decode()
        err = err_f.read().decode()
    if os.waitstatus_to_exitcode(status) != 0:
        raise SystemExit(f"{' '.join(cmd)} failed: {err.strip()[-400:]}")
    return {
        "cpu_s": round(usage.ru_utime + usage.ru_stime, 2),
        "wall_s": round(wall, 2),
        "peak_mb": round(usage.ru_maxrss / 1024),
        "stdout": out.strip().splitlines()[-1] if out.strip() else "",
    }


def run(corpus: Path, label: str, with_out: bool) -> dict:
    work = Path(tempfile.mkdtemp(prefix="kg-bench-build-"))
    kg = [sys.executable, "-m", "kg.cli", "build", str(corpus)]
    try:
        spacy = measure([sys.executable, "-c", SPACY, str(corpus)])
        j1 = measure([*kg, "--store", str(work / "s1"), "--no-out", "--jobs", "1"])
        j2 = measure([*kg, "--store", str(work / "s2"), "--no-out", "--jobs", "2"])
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


def main() -> None:
    args = sys.argv[1:]
    with_out = "--out" in args
    args = [a for a in args if a != "--out"]
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
        from generate import generate

        for text, article_id in generate(n):
            (tmp / f"{article_id}.txt").write_text(text, encoding="utf-8")
        corpora.append((tmp, f"generated {n}", tmp))
    rows = []
    try:
        for path, label, _tmp in corpora:
            rows.append(run(path, label, with_out))
            print(json.dumps(rows[-1]), flush=True)
    finally:
        for _p, _l, tmp in corpora:
            if tmp is not None:
                shutil.rmtree(tmp, ignore_errors=True)
    base = next((r for r in rows if r["corpus"].startswith("generated")), None)
    print()
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
        print(
            f"| {r['corpus']} | {r['articles']} | {r['build_cpu_over_spacy']} | "
            f"{r['jobs2_over_jobs1_wall']} | {r['build_peak_mb']} | {rel} |"
        )


if __name__ == "__main__":
    main()
