"""The probes of benchmarks/phases.py wrap kg's functions by name, in code that runs as a
string in a child process: a function renamed or gone breaks them only when the benchmark
runs (phases.py timed kg.pipeline.as_built for two rounds after round 12 removed it, and
failed before printing a figure). This checks the names without running the benchmark."""

from __future__ import annotations

import re
from pathlib import Path

import kg.jobs
import kg.pipeline
import kg.store

PHASES = Path(__file__).resolve().parent.parent / "benchmarks" / "phases.py"

# the names the probes give kg's modules and classes
OWNERS = {
    "P": kg.pipeline,
    "S": kg.store.KgStore,
    "kg.store.BulkLoad": kg.store.BulkLoad,
    "J": kg.jobs,
    "S.KgStore": kg.store.KgStore,
}


def test_the_functions_the_phase_probes_wrap_exist():
    text = PHASES.read_text(encoding="utf-8")
    timed = re.findall(r'timed\(([\w.]+), "(\w+)"', text)
    traced = re.findall(r"^([A-Z])\.(\w+) = traced\(", text, re.MULTILINE)
    patched = re.findall(r"^real_\w+ = ([\w.]+)\.(\w+)$", text, re.MULTILINE)
    assert timed and traced and patched
    missing = [
        f"{owner}.{name}"
        for owner, name in timed + traced + patched
        if not hasattr(OWNERS[owner], name)
    ]
    assert not missing, f"benchmarks/phases.py wraps what kg no longer has: {missing}"


def test_the_jobs_timeline_sums_each_workers_wait_between_its_tasks():
    """benchmarks/phases.py --jobs: for each worker, the time between the end of one of its
    tasks and the start of its next, and how long before the last extraction it ended its
    own last one."""
    from benchmarks.phases import worker_idle

    tasks = [
        ["extract", 4, 1.0, 2.0, 11],
        ["extract", 4, 1.0, 2.5, 22],
        ["extract", 4, 2.0, 3.0, 11],
        ["build", 8, 3.5, 4.0, 11],  # waited 0.5 s for the batch
        ["extract", 1, 2.75, 4.5, 22],  # waited 0.25 s, ended the corpus's extraction
        ["build", 1, 4.75, 5.0, 22],
    ]
    idle, early = worker_idle(tasks)
    assert idle == [0.5, 0.5]
    assert early == [1.5, 0.0]
