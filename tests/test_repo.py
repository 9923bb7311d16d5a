"""Repository hygiene: lint, docs that match the CLI, CI that runs the README command."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

from kg.cli import cli

ROOT = Path(__file__).resolve().parent.parent


def test_ruff_check_passes():
    ruff = shutil.which("ruff", path=str(Path(sys.executable).parent))
    assert ruff, "ruff is a test dependency"
    out = subprocess.run(
        [ruff, "check", "kg", "tests", "benchmarks"], cwd=ROOT, capture_output=True, text=True
    )
    assert out.returncode == 0, out.stdout + out.stderr


def test_every_command_is_documented_in_the_readme():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    for name in cli.commands:
        assert f"kg {name}" in readme, name


def test_every_command_has_an_example_in_its_help():
    for name, command in cli.commands.items():
        assert "Example:" in (command.help or ""), name


def test_ci_runs_exactly_the_readme_test_command():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    command = [
        ln for ln in ci.splitlines() if ln.strip() and not ln.startswith(("#", "set ", "cd "))
    ]
    assert len(command) == 1
    assert command[0] in readme


def test_no_article_entity_is_named_in_kg_code():
    """Relations come from text: kg/ never names an entity of an article."""
    names = set()
    for gold in (ROOT / "data" / "gold").glob("*.yaml"):
        import yaml

        doc = yaml.safe_load(gold.read_text(encoding="utf-8"))
        for e in doc["entities"]:
            if e["class"] == "Position":
                continue  # titles are words of English, not names
            for name in [e["label"], *e.get("aliases", [])]:
                if len(name) > 3:
                    names.add(name)
    pattern = re.compile("|".join(re.escape(n) for n in sorted(names)), re.IGNORECASE)
    for path in sorted((ROOT / "kg").rglob("*.py")):
        for lineno, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            found = pattern.search(line)
            assert not found, f"{path.name}:{lineno} names {found.group(0)!r}"


def test_no_person_of_the_corpora_is_named_in_extraction_code_or_patterns():
    """No rule exists for one article: no person annotated in the shared corpus or in the
    project's own development articles is named in kg/ or data/patterns/."""
    import yaml

    from kg.quality import find_shared

    golds = list((ROOT / "data" / "eval" / "dev" / "gold").glob("*.yaml"))
    shared = find_shared(ROOT)
    assert shared is not None, "the shared folder must sit beside the checkout"
    golds += list((shared / "corpus" / "gold").glob("*.yaml"))
    names = set()
    for gold in golds:
        for e in yaml.safe_load(gold.read_text(encoding="utf-8")).get("entities") or []:
            if e.get("type") == "Person":
                names |= {
                    n
                    for n in [e["name"], *e.get("aliases", [])]
                    if len(n) > 3 and n[:1].isupper() and not n.startswith("The ")
                }
    assert len(names) > 50
    pattern = re.compile(r"\b(" + "|".join(re.escape(n) for n in sorted(names)) + r")\b")
    files = sorted((ROOT / "kg").rglob("*.py")) + sorted((ROOT / "data" / "patterns").rglob("*"))
    for path in files:
        for lineno, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            found = pattern.search(line)
            assert not found, f"{path.name}:{lineno} names {found.group(0)!r}"
