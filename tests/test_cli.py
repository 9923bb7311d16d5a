"""The CLI is thin wiring: exit codes, one-line errors, no partial files."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from kg.cli import cli
from tests.conftest import SAMPLE_GOLD, SAMPLE_TEXT


def run(*args: str):
    return CliRunner().invoke(cli, list(args), catch_exceptions=False)


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("build")
    result = run("build", str(SAMPLE_GOLD), "--out", str(out))
    assert result.exit_code == 0, result.output
    return out


def _one_line_error(result, *needles: str, code: int = 2) -> None:
    assert result.exit_code == code, result.output
    lines = [ln for ln in result.stderr.splitlines() if ln.strip()]
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith("Error: ")
    assert "Traceback" not in result.output
    for needle in needles:
        assert needle in lines[0]


def test_installed_console_script_runs():
    exe = shutil.which("kg", path=os.path.dirname(sys.executable) + os.pathsep + os.environ["PATH"])
    assert exe, "the kg console script is not installed"
    out = subprocess.run([exe, "--help"], capture_output=True, text=True, check=True)
    assert "build" in out.stdout and "validate" in out.stdout
    version = subprocess.run([exe, "--version"], capture_output=True, text=True, check=True)
    assert "0.1.0" in version.stdout


def test_the_command_freezes_what_lives_before_the_interpreter_exits(tmp_path):
    # the interpreter's last collections would walk a build's whole spaCy pipeline (0.3 s
    # of CPU): kg's main() freezes the objects after every other exit handler ran (this
    # one, registered before main(), runs after it)
    probe = (
        "import atexit, gc, sys\n"
        "atexit.register(lambda: print('frozen', gc.get_freeze_count() > 0))\n"
        "sys.argv = ['kg', 'build', sys.argv[1], '--out', sys.argv[2]]\n"
        "from kg.cli import main\n"
        "main()\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", probe, str(SAMPLE_GOLD), str(tmp_path / "out")],
        capture_output=True,
        text=True,
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.splitlines()[-1] == "frozen True"
    assert (tmp_path / "out" / "kg.nq").stat().st_size > 0


def test_python_dash_m_kg_is_the_console_script():
    out = subprocess.run(
        [sys.executable, "-m", "kg", "--help"], capture_output=True, text=True, check=True
    )
    assert out.stdout.startswith("Usage: kg ")
    assert "build" in out.stdout and "validate" in out.stdout


def test_build_summary_and_outputs(built):
    assert {p.name for p in built.iterdir()} == {
        "kg.nq",
        "kg.trig",
        "quarantine.nq",
        "manifest.json",
    }
    manifest = json.loads((built / "manifest.json").read_text())
    assert manifest["inputs"][0]["path"].endswith("rubio-pakistan-isf.yaml")


def test_validate_conforming_graph_exits_0(built):
    result = run("validate", str(built / "kg.nq"))
    assert result.exit_code == 0
    assert "conforms, 0 violation(s)" in result.output


def test_validate_broken_graph_exits_1(tmp_path, built):
    broken = tmp_path / "broken.nq"
    text = (built / "kg.nq").read_text()
    broken.write_text(
        text.replace(
            '"1"^^<http://www.w3.org/2001/XMLSchema#decimal>',
            '"7.5"^^<http://www.w3.org/2001/XMLSchema#decimal>',
        )
    )
    result = run("validate", str(broken))
    assert result.exit_code == 1
    assert "kgo:confidence" in result.output and "sentence:" in result.output


def test_query_cq_prints_every_question(built):
    result = run("query", str(built / "kg.nq"), "--cq")
    assert result.exit_code == 0
    assert "Asim Munir" in result.output and "Board of Peace" in result.output


def test_query_from_file_as_json(tmp_path, built):
    q = tmp_path / "q.rq"
    q.write_text("SELECT ?n WHERE { ?x a kgo:Country ; rdfs:label ?n } ORDER BY ?n")
    result = run("query", str(built / "kg.nq"), "-f", str(q), "--format", "json")
    assert result.exit_code == 0
    data = json.loads(result.stdout)
    assert data["results"]["bindings"][0]["n"]["value"] == "Egypt"


def test_export_to_file_and_stdout(tmp_path, built):
    out = tmp_path / "kg.ttl"
    assert (
        run("export", str(built / "kg.nq"), "--format", "turtle", "--output", str(out)).exit_code
        == 0
    )
    assert out.read_text().startswith("@prefix")
    result = run("export", str(built / "kg.nq"), "--format", "ntriples")
    assert result.exit_code == 0 and result.stdout.count("\n") > 100


def test_a_reader_that_leaves_early_ends_the_command_quietly(built):
    """`kg export ... | head`: the pipe closes before kg writes; no error line, no traceback,
    the exit status of a process ended by SIGPIPE."""
    exe = shutil.which("kg", path=os.path.dirname(sys.executable) + os.pathsep + os.environ["PATH"])
    proc = subprocess.Popen(
        [exe, "export", str(built / "kg.nq"), "--format", "ntriples"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    proc.stdout.close()
    stderr = proc.stderr.read().decode()
    assert proc.wait(timeout=120) == 141
    assert stderr == ""


@pytest.mark.parametrize(
    ("content", "needles"),
    [
        (None, ("no such file",)),
        (b"", ("empty",)),
        (b"\x00\x01\x02binary", ("binary",)),
        (b"article: caf\xe9", ("not UTF-8",)),
        (b"article: [", ("not valid YAML",)),
        (
            b"format: kg-statements/1\narticle: {id: a, text: hi}\nrelations: 5\n",
            ("relations: must be a list",),
        ),
    ],
)
def test_bad_statements_input_is_one_line_and_leaves_no_file(tmp_path, content, needles):
    path = tmp_path / "in.yaml"
    if content is not None:
        path.write_bytes(content)
    out = tmp_path / "out"
    result = run("build", str(path), "--out", str(out))
    _one_line_error(result, *needles)
    assert not out.exists() or not any(out.iterdir())


def test_unknown_input_type(tmp_path):
    odd = tmp_path / "x.docx"
    odd.write_text("hello")
    _one_line_error(run("build", str(odd), "--out", str(tmp_path / "o")), "unknown input type")


def test_invalid_sparql_and_service_are_one_line(built):
    _one_line_error(run("query", str(built / "kg.nq"), "SELECT WHERE {"), "invalid SPARQL")
    _one_line_error(
        run(
            "query", str(built / "kg.nq"), "SELECT * { SERVICE <http://example.org/> { ?s ?p ?o } }"
        ),
        "refused",
    )


def test_unknown_formats_are_one_line(tmp_path, built):
    _one_line_error(
        run("export", str(built / "kg.nq"), "--format", "xlsx"), "unknown export format"
    )
    odd = tmp_path / "g.xyz"
    odd.write_text("<a> <b> <c> .")
    _one_line_error(run("validate", str(odd)), "cannot tell the RDF format")
    bad = tmp_path / "bad.ttl"
    bad.write_text("<http://a> <http://b> .")
    _one_line_error(run("validate", str(bad)), "not valid turtle")


def test_unwritable_output_folder(tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("x")
    _one_line_error(run("build", str(SAMPLE_GOLD), "--out", str(blocker / "sub")), "cannot write")


def test_failed_rebuild_keeps_previous_outputs(tmp_path):
    out = tmp_path / "out"
    assert run("build", str(SAMPLE_GOLD), "--out", str(out)).exit_code == 0
    before = (out / "kg.nq").read_bytes()
    bad = tmp_path / "bad.yaml"
    bad.write_text("format: kg-statements/1\narticle: {id: a}\n")
    _one_line_error(run("build", str(bad), "--out", str(out)), "needs 'text' or 'text_file'")
    assert (out / "kg.nq").read_bytes() == before
    assert not [p for p in out.iterdir() if p.name.startswith(".")]


def test_build_strict_fails_on_violation(tmp_path):
    import yaml

    doc = yaml.safe_load(SAMPLE_GOLD.read_text())
    (tmp_path / "s.txt").write_bytes(SAMPLE_TEXT.read_bytes())
    doc["article"]["text_file"] = "s.txt"
    doc["relations"][0]["confidence"] = 2
    path = tmp_path / "s.yaml"
    path.write_text(yaml.safe_dump(doc))
    assert run("build", str(path), "--out", str(tmp_path / "a")).exit_code == 0
    _one_line_error(
        run("build", str(path), "--out", str(tmp_path / "b"), "--strict"), "--strict", code=1
    )


def test_build_is_byte_identical_across_processes(tmp_path):
    exe = shutil.which("kg", path=os.path.dirname(sys.executable))
    outs = []
    for seed in ("1", "2"):
        out = tmp_path / seed
        env = dict(os.environ, PYTHONHASHSEED=seed)
        subprocess.run(
            [exe, "build", str(SAMPLE_GOLD), "--out", str(out)],
            env=env,
            check=True,
            capture_output=True,
        )
        outs.append(out)
    for name in ("kg.nq", "kg.trig", "manifest.json"):
        assert (outs[0] / name).read_bytes() == (outs[1] / name).read_bytes(), name


@pytest.mark.parametrize("name", sorted(cli.commands))
def test_help_shows_each_example_on_a_line_of_its_own(name):
    """click re-wraps a docstring's paragraphs: an example block needs its '\\b' marker, or
    `kg CMD --help` runs the example commands together into one line."""
    doc = cli.commands[name].help or ""
    examples = [line.strip() for line in doc.splitlines() if line.strip().startswith("kg ")]
    shown = [line.strip() for line in run(name, "--help").output.splitlines()]
    for example in examples:
        assert example in shown, (name, example)


def test_a_graph_of_unknown_extension_names_the_option_that_reads_it(tmp_path, built):
    data = tmp_path / "graph.data"
    shutil.copy(built / "kg.nq", data)
    query = "SELECT (COUNT(*) AS ?n) { GRAPH ?g { ?s ?p ?o } }"
    result = run("query", str(data), query)
    assert result.exit_code == 2
    assert "name it with --input-format" in result.output
    # an extension names its format, as the message's list of extensions suggests
    for name in ("nq", ".nq", "nquads"):
        result = run("query", str(data), query, "--input-format", name)
        assert result.exit_code == 0, result.output


def test_diff_reads_graphs_of_unknown_extension_in_the_format_named(tmp_path, built):
    old, new = tmp_path / "old.data", tmp_path / "new.data"
    shutil.copy(built / "kg.nq", old)
    shutil.copy(built / "kg.nq", new)
    refused = run("diff", str(old), str(new))
    assert refused.exit_code == 2 and "name it with --input-format" in refused.output
    result = run("diff", str(old), str(new), "--input-format", "nq", "--format", "json")
    assert result.exit_code == 0, result.output
    assert json.loads(result.output)["counts"] == {"added": 0, "removed": 0}
