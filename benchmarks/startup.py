"""Benchmark of what `kg query --store S -f Q.rq` spends before and around its query.

Each figure is a whole process run in a launcher of its own (benchmarks/launch.py: CPU
user + sys of the process and its children, peak RSS), repeated and interleaved so that a
load change hits every row alike; the median of the repeats is printed:

    python            python -c pass (the interpreter's own start)
    imports           python -c "import kg.cli, kg.query" (what the command loads first)
    screen parser     python -c "import rdflib.plugins.sparql.parser" (the SPARQL screen's)
    pyoxigraph        python: open the store read-only, run the screened query (the floor)
    kg query          python -m kg.cli query --store S -f Q (this tree)
    kg query, base    the same with PYTHONPATH=BASE (--baseline BASE: another checkout)

and the ratios kg query / base and kg query / pyoxigraph, all from this one run.

    python benchmarks/startup.py STORE [-f Q.rq] [--baseline /path/to/other/checkout]
        [--repeat 7]

The query defaults to competency question 10, whose answer is empty on generated stores:
its time is the command's start-up.
"""

from __future__ import annotations

import os
import statistics
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(HERE))
import launch  # noqa: E402

# launch.py's launcher, with CPU seconds to the millisecond (start-ups are tenths of one)
LAUNCHER = launch.LAUNCHER.replace("usage.ru_stime, 2)", "usage.ru_stime, 3)")
assert LAUNCHER != launch.LAUNCHER

BARE = """
import sys, pyoxigraph as ox
store = ox.Store.read_only(sys.argv[1])
text = open(sys.argv[2], encoding="utf-8").read()
result = store.query(text, use_default_graph_as_union=True)
print(sum(1 for _ in result) if isinstance(result, ox.QuerySolutions) else bool(result))
"""


def measure(cmd: list[str], cwd: str) -> dict:
    """launch.measure with the finer launcher, run in `cwd` (`python -m` puts the working
    folder first on the path: in a checkout it would import that checkout's kg)."""
    import json
    import subprocess

    done = subprocess.run(
        [sys.executable, "-S", "-c", LAUNCHER, *cmd], capture_output=True, check=True, cwd=cwd
    )
    figures = json.loads(done.stdout)
    if figures.pop("code") != 0:
        raise SystemExit(f"{' '.join(cmd)} failed: {figures['stderr']}")
    return figures


def _with_path(tree: Path, cmd: list[str]) -> list[str]:
    return ["env", f"PYTHONPATH={tree}", *cmd]


def run(store: Path, query: Path, baseline: Path | None, repeat: int) -> dict[str, dict]:
    """The median CPU s, wall s and peak MB of each row, over `repeat` interleaved runs."""
    from kg.query import screen_query

    py = sys.executable
    with tempfile.TemporaryDirectory(prefix="kg-bench-startup-") as tmp:
        screened = Path(tmp) / "screened.rq"
        screened.write_text(screen_query(query.read_text(encoding="utf-8")).text, "utf-8")
        kg_cmd = [py, "-m", "kg.cli", "query", "--store", str(store), "-f", str(query)]
        rows: dict[str, list[str]] = {
            "python": [py, "-c", "pass"],
            "imports": _with_path(ROOT, [py, "-c", "import kg.cli, kg.query"]),
            "screen parser": [py, "-c", "import rdflib.plugins.sparql.parser"],
            "pyoxigraph": [py, "-c", BARE, str(store), str(screened)],
            "kg query": _with_path(ROOT, kg_cmd),
        }
        if baseline is not None:
            rows["kg query, base"] = _with_path(baseline, kg_cmd)
        runs: dict[str, list[dict]] = {name: [] for name in rows}
        for _ in range(repeat):
            for name, cmd in rows.items():
                runs[name].append(measure(cmd, tmp))
    return {
        name: {
            key: round(statistics.median(r[key] for r in got), 3)
            for key in ("cpu_s", "wall_s", "peak_mb")
        }
        for name, got in runs.items()
    }


def main() -> None:
    args = sys.argv[1:]
    options = {"-f": None, "--baseline": None, "--repeat": "7"}
    for name in options:
        if name in args:
            i = args.index(name)
            options[name] = args[i + 1]
            del args[i : i + 2]
    if len(args) != 1 or not Path(args[0]).is_dir():
        raise SystemExit("usage: startup.py STORE [-f Q.rq] [--baseline TREE] [--repeat N]")
    query = Path(options["-f"] or ROOT / "ontology" / "queries" / "10-governance.rq")
    baseline = Path(options["--baseline"]) if options["--baseline"] else None
    figures = run(Path(args[0]), query, baseline, int(options["--repeat"] or 7))
    print(f"load average at the end: {os.getloadavg()[0]:.1f}; {query.name} on {args[0]}")
    print("| process | CPU s (median) | wall s | peak MB |")
    print("| --- | --- | --- | --- |")
    for name, f in figures.items():
        print(f"| {name} | {f['cpu_s']} | {f['wall_s']} | {f['peak_mb']} |")
    kg = figures["kg query"]["cpu_s"]
    print(f"kg query / pyoxigraph (CPU): {kg / max(figures['pyoxigraph']['cpu_s'], 0.001):.2f}")
    if baseline is not None:
        base = figures["kg query, base"]["cpu_s"]
        print(f"kg query / base (CPU): {kg / base:.2f} ({base - kg:+.3f} s less)")


if __name__ == "__main__":
    main()
