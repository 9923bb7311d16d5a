"""Issue 8: the attack cases that did not hold, as tests (long articles, hostile input,
errors in one line). SPARQL screening is in test_screen.py, the server in test_serve.py."""

from __future__ import annotations

import pytest
from click.testing import CliRunner

from kg.cli import cli

# -- long articles: linking is linear, and a limit with a clear message ------------------


def _acronym_article(n: int):
    """n names "Alpha Beta Gamma Office 7" each followed by its acronym, as mentions over a
    blank spaCy pipeline (no model needed)."""
    import spacy

    from kg.extract.mentions import Mention

    words = ["Alpha", "Beta", "Gamma", "Delta", "Omega", "Sigma", "Kappa", "Theta"]
    parts, mentions, pos = [], [], 0
    for i in range(n):
        name = f"{words[i % 8]} {words[(i // 8) % 8]} {words[(i // 64) % 8]} Office"
        acro = "".join(w[0] for w in name.split())
        for text, label in ((name, "ORG"), (acro, "ORG")):
            mentions.append(
                Mention(len(mentions), 0, i, pos, pos + len(text), 0, 1, 0, text, label, None)
            )
            parts.append(text)
            pos += len(text) + 1
    text = " ".join(parts)
    return mentions, text, [spacy.blank("en")(text)]


def test_acronym_linking_is_linear_in_the_number_of_mentions(monkeypatch):
    import kg.extract.link as link_module

    calls = []
    original = link_module.initials

    def counted(text: str) -> str:
        calls.append(text)
        return original(text)

    monkeypatch.setattr(link_module, "initials", counted)
    for n in (100, 400):
        calls.clear()
        mentions, text, docs = _acronym_article(n)
        clusters = link_module.link(mentions, text, docs)
        assert len(clusters) <= n  # each acronym joined its name's cluster
        # pairwise comparison made n * n calls; an index makes a few per mention
        assert len(calls) <= 3 * n, (n, len(calls))


def test_an_article_above_max_chars_is_refused_in_one_line(tmp_path, monkeypatch):
    monkeypatch.setenv("KG_MAX_CHARS", "1000000")  # restored after the test
    article = tmp_path / "long.txt"
    article.write_text("The minister met the envoy. " * 20, encoding="utf-8")
    result = CliRunner().invoke(cli, ["extract", str(article), "--max-chars", "100"])
    assert result.exit_code == 2
    assert result.output.strip() == (
        f"Error: {article}: the article has 560 characters, more than the limit of 100 "
        "(raise it with --max-chars)"
    )
    result = CliRunner().invoke(cli, ["build", str(article), "--max-chars", "100", "--no-store"])
    assert result.exit_code == 2 and "more than the limit of 100" in result.output
    assert not (tmp_path / "build").exists()


# -- queries: a second wall behind the screen, a time limit, Ctrl-C, a memory limit --------

CROSS_JOIN = "SELECT * WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i } ORDER BY ?c ?f ?i"


def _nquads(n: int) -> bytes:
    return b"".join(b'<urn:s%d> <urn:p> "v%d" <urn:g> .\n' % (i, i) for i in range(n))


def test_the_query_process_cannot_open_an_internet_socket():
    """Even a SERVICE query that skipped the screen reaches nobody: the child process that
    runs queries may open Unix sockets only."""
    from kg.errors import QueryError
    from kg.sandbox import Request, run_query_isolated
    from tests.test_screen import Listener

    listener = Listener()
    try:
        query = f"SELECT * {{ SERVICE <http://127.0.0.1:{listener.port}/> {{ ?s ?p ?o }} }}"
        with pytest.raises(QueryError, match="Permission denied"):
            list(run_query_isolated(Request(query, "SELECT"), _nquads(3), timeout_s=30))
    finally:
        listener.close()
    assert listener.hits == []


def test_a_query_that_outgrows_its_memory_is_stopped_with_one_line():
    from kg.errors import QueryError
    from kg.sandbox import Request, run_query_isolated

    request = Request(CROSS_JOIN, "SELECT", memory_mb=800)
    with pytest.raises(QueryError, match=r"ran out of memory \(the limit is 800 MB\)"):
        list(run_query_isolated(request, _nquads(3000), timeout_s=120))


def test_kg_query_stops_at_its_time_limit(tmp_path):
    graph = tmp_path / "g.nq"
    graph.write_bytes(_nquads(400))
    query = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }"
    result = CliRunner().invoke(cli, ["query", str(graph), query, "--timeout-s", "1"])
    assert result.exit_code == 2
    assert result.output.strip() == "Error: the query took longer than 1 s and was stopped"


def _processes_marked(mark: str) -> list[int]:
    import os
    from pathlib import Path

    found = []
    for proc in Path("/proc").iterdir():
        if not proc.name.isdigit():
            continue
        try:
            if f"KG_TEST_MARK={mark}".encode() in (proc / "environ").read_bytes():
                found.append(int(proc.name))
        except OSError:
            continue
    return [p for p in found if p != os.getpid()]


@pytest.mark.slow
def test_ctrl_c_stops_a_running_query_at_once(tmp_path):
    import os
    import signal
    import subprocess
    import sys
    import time
    import uuid

    graph = tmp_path / "g.nq"
    graph.write_bytes(_nquads(400))
    mark = uuid.uuid4().hex
    query = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }"
    proc = subprocess.Popen(
        [sys.executable, "-m", "kg.cli", "query", str(graph), query, "--timeout-s", "600"],
        env={**os.environ, "KG_TEST_MARK": mark},
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    deadline = time.monotonic() + 60
    while len(_processes_marked(mark)) < 2 and time.monotonic() < deadline:
        time.sleep(0.1)  # until the query runs in its child process
    assert len(_processes_marked(mark)) == 2
    time.sleep(1)
    proc.send_signal(signal.SIGINT)
    started = time.monotonic()
    _out, err = proc.communicate(timeout=20)
    assert time.monotonic() - started < 5
    assert proc.returncode != 0
    assert b"Traceback" not in err
    time.sleep(0.2)
    assert _processes_marked(mark) == []  # the query's process is gone too


# -- store faults are named for what they are ------------------------------------------------


def test_corruption_is_named_as_corruption_not_as_a_lock(tmp_path):
    """Issue 8, case 9: "block checksum mismatch" matched a test for "lock"."""
    import pyoxigraph as ox

    from kg.store import KgStore, StoreError, describe_open_error

    path = tmp_path / "locked-store"  # a path with "lock" in it misleads nothing either
    store = ox.Store(str(path))
    store.extend(
        ox.Quad(ox.NamedNode(f"urn:s{i}"), ox.NamedNode("urn:p"), ox.Literal("x" * 100))
        for i in range(20000)
    )
    store.flush()
    del store
    for sst in path.glob("*.sst"):
        data = bytearray(sst.read_bytes())
        data[500:1500] = bytes(b ^ 0x5A for b in data[500:1500])
        sst.write_bytes(bytes(data))
    with pytest.raises(StoreError, match="the store is corrupted") as info:
        KgStore(path)
    assert "locked" not in str(info.value).replace(str(path), "")
    held = describe_open_error(OSError(f"IO error: While lock file: {path}/LOCK: unavailable"))
    assert held.startswith("the store is in use by another process (locked)")
