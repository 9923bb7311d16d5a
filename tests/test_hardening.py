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


def test_a_long_hyphenated_line_cannot_hang_the_dateline_match():
    """A line of 200 capitalised parts joined by "-" that is no dateline: with "-" both
    inside a word and a separator, the dateline patterns tried it in 2^n ways (28 parts took
    39 s, 200 would never end). Run in a child with a generous limit: this guards a hang,
    it measures no time."""
    import subprocess
    import sys

    code = (
        "from kg.extract.text import blocks\n"
        "for line in ('Ab' + '-Cd' * 200 + ' x.', 'AB' + '-CD' * 200 + ' x.',\n"
        "             'Ab' + '-Cd' * 200 + ', 4 May (Norpress) x.'):\n"
        "    assert blocks(line) == blocks(line)\n"
        "print('done')\n"
    )
    try:
        out = subprocess.run(
            [sys.executable, "-c", code], capture_output=True, text=True, timeout=120
        )
    except subprocess.TimeoutExpired:
        pytest.fail("blocks() did not end on a long hyphenated line (exponential backtracking)")
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip() == "done"


def test_a_page_of_tags_never_closed_is_read_in_linear_time(tmp_path):
    """An HTML page (within the size limit) that opens <article> and <title> tens of
    thousands of times and never closes them: a regex retrying from every opening took
    minutes. Run in a child with a generous limit: this guards a hang, it measures no time."""
    import subprocess
    import sys

    page = tmp_path / "tags.html"
    page.write_text("<article>" * 50_000 + "<title>" * 50_000 + " The minister spoke.")
    code = (
        "import sys\nfrom pathlib import Path\nfrom kg.corpus import read_source\n"
        "source = read_source(Path(sys.argv[1]))\n"
        "print('title' in source.meta, source.text.endswith('The minister spoke.'))\n"
    )
    try:
        out = subprocess.run(
            [sys.executable, "-c", code, str(page)], capture_output=True, text=True, timeout=60
        )
    except subprocess.TimeoutExpired:
        pytest.fail("reading a page of unclosed tags did not end (quadratic search)")
    assert out.returncode == 0, out.stderr
    assert out.stdout.split() == ["False", "True"]  # no title, the text kept whole


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
        # a shell starts background jobs with SIGINT ignored and children inherit that;
        # a terminal's foreground job has the default disposition, so restore it
        preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL),
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


# -- every input path checked alike -----------------------------------------------------------


def _one_line(result, code: int = 2) -> str:
    assert result.exit_code == code, result.output
    lines = result.output.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("Error: "), result.output
    assert "Traceback" not in result.output
    return lines[0]


@pytest.mark.parametrize(
    "where, key, value, kept",
    [
        (("entities", 0), "label", "Marco \x1b[31mRubio", "Marco [31mRubio"),
        (("entities", 0), "aliases", ["Rubio\x07"], ["Rubio"]),
        (("article",), "title", "A title\x00", "A title"),
        (("article",), "source", "Reuters\x9b", "Reuters"),
    ],
)
def test_control_characters_in_names_are_removed_with_a_warning(
    tmp_path, gold_doc, where, key, value, kept
):
    import yaml

    from kg.statements import load_statements

    item = gold_doc
    for part in where:
        item = item[part]
    item[key] = value
    path = tmp_path / "s.yaml"
    path.write_text(yaml.safe_dump(gold_doc, allow_unicode=True), encoding="utf-8")
    result = CliRunner().invoke(cli, ["build", str(path), "--no-store", "--no-out"])
    assert result.exit_code == 0, result.output
    warning = result.output.splitlines()[0]
    assert warning.startswith("Warning: ") and f"control characters removed from '{key}'" in warning
    assert not any(c in result.output for c in "\x1b\x07\x00\x9b")
    with pytest.warns(UserWarning):
        st = load_statements(path)
    found = st.entity(gold_doc["entities"][0]["id"]) if where[0] == "entities" else st.article
    assert getattr(found, key) == (tuple(kept) if isinstance(kept, list) else kept)


def test_control_characters_in_ids_are_refused(tmp_path, gold_doc):
    import yaml

    gold_doc["article"]["id"] = "rubio\x1b"
    path = tmp_path / "s.yaml"
    path.write_text(yaml.safe_dump(gold_doc, allow_unicode=True), encoding="utf-8")
    line = _one_line(CliRunner().invoke(cli, ["build", str(path), "--no-store", "--no-out"]))
    assert line.endswith("article: 'id' holds a control character (U+001B); remove it")


def test_an_impossible_date_in_a_statements_file_is_one_line(tmp_path, gold_doc):
    import yaml

    path = tmp_path / "s.yaml"
    path.write_text(
        yaml.safe_dump(gold_doc).replace("id: rubio", "date: 2024-02-30\n  id: rubio", 1)
    )
    line = _one_line(CliRunner().invoke(cli, ["build", str(path), "--no-store", "--no-out"]))
    assert "a date that does not exist" in line


def test_front_matter_dates_are_checked_like_statements_dates(tmp_path):
    """Issue 8, case 8: `date: yesterday` in front matter became an xsd:date."""
    article = tmp_path / "a.md"
    article.write_text("---\ndate: yesterday\n---\nThe minister met the envoy.\n")
    line = _one_line(CliRunner().invoke(cli, ["extract", str(article)]))
    assert (
        line
        == f"Error: {article}: the front matter's 'date' must be a date YYYY-MM-DD, not 'yesterday'"
    )
    article.write_text("---\ndate: 2024-02-30\n---\nThe minister met the envoy.\n")
    line = _one_line(CliRunner().invoke(cli, ["extract", str(article)]))
    assert "a date that does not exist (day is out of range for month)" in line


def test_broken_front_matter_is_one_line(tmp_path):
    article = tmp_path / "a.md"
    article.write_text("---\ntitle: [unclosed\nsource: x\n---\nThe minister met the envoy.\n")
    line = _one_line(CliRunner().invoke(cli, ["extract", str(article)]))
    assert line.startswith(f"Error: {article}: the front matter is not valid YAML at line ")


def test_control_characters_in_front_matter_are_removed_with_a_warning(tmp_path):
    from kg.corpus import read_source
    from kg.errors import KgWarning

    article = tmp_path / "a.md"
    article.write_text('---\ntitle: "Talks \\e[2J resume"\n---\nThe minister met the envoy.\n')
    with pytest.warns(KgWarning, match="control characters removed from the title"):
        source = read_source(article)
    assert source.meta["title"] == "Talks [2J resume"


def test_the_cli_prints_a_library_warning_as_one_line(tmp_path):
    import warnings

    import click

    from kg.cli import KgGroup
    from kg.errors import KgWarning

    @click.group(cls=KgGroup)
    def group():
        pass

    @group.command()
    def warn():
        warnings.warn(KgWarning("a.md: control characters\nremoved"), stacklevel=1)
        click.echo("done")

    result = CliRunner().invoke(group, ["warn"])
    assert result.exit_code == 0
    assert result.output == "Warning: a.md: control characters; removed\ndone\n"


def test_text_file_stays_beside_the_statements_and_is_never_echoed(tmp_path, gold_doc):
    import yaml

    secret = tmp_path / "elsewhere" / "secret.txt"
    secret.parent.mkdir()
    secret.write_text("SECRET-TOKEN " * 20)
    folder = tmp_path / "a" / "b"
    folder.mkdir(parents=True)
    doc = dict(gold_doc, article=dict(gold_doc["article"]))
    doc["article"].pop("text")
    for target in (str(secret), "../../elsewhere/secret.txt", "/etc/hostname"):
        doc["article"]["text_file"] = target
        path = folder / "s.yaml"
        path.write_text(yaml.safe_dump(doc, allow_unicode=True), encoding="utf-8")
        line = _one_line(CliRunner().invoke(cli, ["build", str(path), "--no-store", "--no-out"]))
        assert "article.text_file: " in line and "SECRET" not in line
        assert "is outside the statements file's folder" in line or "not an article text" in line
    # a text beside it is read, and a mismatch does not print the text either
    (folder / "s.txt").write_text("SECRET-TOKEN " * 200)
    doc["article"]["text_file"] = "s.txt"
    path.write_text(yaml.safe_dump(doc, allow_unicode=True), encoding="utf-8")
    line = _one_line(CliRunner().invoke(cli, ["build", str(path), "--no-store", "--no-out"]))
    assert "evidence text not found at its offsets" in line and "SECRET" not in line


def test_control_characters_never_reach_the_terminal_or_break_xml(tmp_path):
    import xml.etree.ElementTree as ET

    graph = tmp_path / "g.nq"
    graph.write_text(
        "<urn:x:p1> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> "
        "<https://w3id.org/newskg/ontology#Person> <urn:x:g> .\n"
        "<urn:x:p1> <http://www.w3.org/2000/01/rdf-schema#label> "
        '"Eve\\u001B[2J\\u0007" <urn:x:g> .\n'
    )
    runner = CliRunner()
    for args in (["stats", str(graph)], ["query", str(graph), "SELECT ?l { ?s rdfs:label ?l }"]):
        result = runner.invoke(cli, args)
        assert result.exit_code == 0, result.output
        assert "Eve" in result.output
        assert "\x1b" not in result.output and "\x07" not in result.output
    xml = runner.invoke(
        cli, ["query", str(graph), "SELECT ?l { ?s rdfs:label ?l }", "--format", "xml"]
    )
    assert xml.exit_code == 0
    root = ET.fromstring(xml.output.encode())  # well-formed XML
    assert "Eve" in "".join(root.itertext())


def test_push_to_a_malformed_endpoint_is_one_line():
    """Issue 8, case 9: `http://[::1` exited 3 with "unexpected ValueError"."""
    runner = CliRunner()
    for endpoint, words in (
        ("http://[::1", "not a valid URL: 'http://[::1' (Invalid IPv6 URL)"),
        ("http://host:abc/store", "not a valid URL"),
        ("file:///etc/passwd", "not an HTTP endpoint"),
    ):
        result = runner.invoke(cli, ["push", "--endpoint", endpoint, "/nonexistent.nq"])
        line = _one_line(result)
        assert words in line or "nonexistent" in line


def test_a_multi_line_error_body_from_a_store_is_one_line():
    """Issue 8, case 9: a 501 body on push printed many lines."""
    import http.server
    import threading

    from kg.push import PushError, push

    class Refuse(http.server.BaseHTTPRequestHandler):
        def do_PUT(self):
            self.rfile.read(int(self.headers["Content-Length"]))
            body = b"<html>\n<body>\n<h1>501</h1>\n\n  Not Implemented\n</body></html>\n"
            self.send_response(501)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args):
            return

    server = http.server.HTTPServer(("127.0.0.1", 0), Refuse)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        import pyoxigraph as ox

        quad = ox.Quad(ox.NamedNode("urn:s"), ox.NamedNode("urn:p"), ox.Literal("o"))
        with pytest.raises(PushError) as info:
            push({"urn:g": [quad]}, f"http://127.0.0.1:{server.server_port}/store")
    finally:
        server.shutdown()
        server.server_close()
    assert "\n" not in str(info.value)
    assert "HTTP 501 <html> <body> <h1>501</h1> Not Implemented" in str(info.value)
