"""Run a command the way the benchmarks measure it: in a small launcher process of its own.

The peak memory the kernel reports for a process is at least that of the process it was
forked from (Linux keeps the old memory's high-water mark across exec), so a command spawned
straight from a benchmark, which may hold kg, spaCy or rdflib, would never show less than the
benchmark itself. The launcher (a bare `python -S`) starts the command, waits for it with
wait4 and reports its CPU seconds (user + sys, its children's too), wall seconds, peak RSS,
the last line of its stdout and the end of its stderr.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

LAUNCHER = """
import json, os, subprocess, sys, tempfile, time
t0 = time.perf_counter()
with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
    proc = subprocess.Popen(sys.argv[1:], stdout=out, stderr=err)  # files: no pipe to fill
    _pid, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - t0
    out.seek(0)
    err.seek(0)
    lines = out.read().decode("utf-8", "replace").strip().splitlines()
    print(json.dumps({
        "code": os.waitstatus_to_exitcode(status),
        "cpu_s": round(usage.ru_utime + usage.ru_stime, 2),
        "wall_s": round(wall, 2),
        "peak_mb": round(usage.ru_maxrss / 1024),
        "stdout": lines[-1] if lines else "",
        "stderr": err.read().decode("utf-8", "replace").strip()[-400:],
    }))
"""


def measure(cmd: list[str]) -> dict:
    """Run a command; its CPU seconds, wall seconds and peak RSS (MB), its children's too,
    as its launcher saw them (wait4)."""
    done = subprocess.run(
        [sys.executable, "-S", "-c", LAUNCHER, *cmd], capture_output=True, check=True
    )
    figures = json.loads(done.stdout)
    if figures.pop("code") != 0:
        raise SystemExit(f"{' '.join(cmd)} failed: {figures['stderr']}")
    return figures


def kg_package() -> Path:
    return Path(__file__).resolve().parent.parent / "kg"


def with_bytecode() -> None:
    """Measure kg as an installed copy runs: from its modules' byte-code caches.

    An environment with PYTHONDONTWRITEBYTECODE set (an agent's shell, some CI) makes every
    process compile kg's sources again at each start, about 0.15-0.2 s of CPU that an
    installed kg (pip compiles it) or a checkout run once does not spend; spaCy and the
    other installed packages have their caches either way. This drops the variable for the
    commands measured (they inherit this environment) and compiles kg's modules first, and
    has the extractor's YAML files parsed once so that their data caches are written too
    (kg.extract.yaml_cache; a first run would otherwise parse them)."""
    import compileall

    os.environ.pop("PYTHONDONTWRITEBYTECODE", None)
    compileall.compile_dir(str(kg_package()), quiet=1)
    subprocess.run([sys.executable, "-c", _YAML_CACHES], check=True)


_YAML_CACHES = """
from kg.extract.lexicon import load_yaml
from kg.resources import data_path
load_yaml("gazetteer.yaml")
for path in data_path("patterns").glob("*.yaml"):
    load_yaml(f"patterns/{path.name}")
"""


def without_bytecode() -> None:
    """Measure kg compiled from its sources at each start, as the benchmarks did before
    round 9 of issue 11 (in an environment with PYTHONDONTWRITEBYTECODE set): kg's caches
    are removed (the extractor's YAML data caches too) and none is written."""
    import shutil

    from kg.resources import data_path

    os.environ["PYTHONDONTWRITEBYTECODE"] = "1"
    for cache in kg_package().rglob("__pycache__"):
        shutil.rmtree(cache, ignore_errors=True)
    for folder in (data_path("."), data_path("patterns")):
        shutil.rmtree(folder / "__pycache__", ignore_errors=True)
