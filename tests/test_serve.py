"""kg serve (one screened door: queries run in a child process without network) and kg push
(Graph Store Protocol), over HTTP on the loopback interface; push goes to a real oxigraph
server that the tests start and stop."""

from __future__ import annotations

import contextlib
import json
import socket
import subprocess
import time
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner

from kg.cli import cli
from kg.pipeline import build_inputs
from kg.push import PushError, push
from kg.rdfio import by_graph
from kg.serve import ServeError, Server, free_port, oxigraph_binary
from kg.store import KgStore

pytestmark = pytest.mark.slow


PERSONS = (
    "PREFIX kgo: <https://w3id.org/newskg/ontology#> "
    "SELECT ?p WHERE { ?p a kgo:Person } ORDER BY ?p"
)


@pytest.fixture(scope="module")
def store_dir(tmp_path_factory):
    from kg.statements import load_statements, to_document
    from tests.conftest import SAMPLE_GOLD

    tmp = tmp_path_factory.mktemp("serve")
    st = load_statements(SAMPLE_GOLD)
    doc = to_document(st)
    doc["article"].pop("text_file")
    doc["article"].pop("text_sha256")
    doc["article"]["text"] = st.article.text
    path = tmp / "a.yaml"
    path.write_text(yaml.safe_dump(doc, allow_unicode=True), encoding="utf-8")
    build_inputs([path], None, store_dir=tmp / "store")
    return tmp / "store"


@pytest.fixture(scope="module")
def server(store_dir):
    with Server(store_dir, port=0, max_rows=3) as srv:
        yield srv


def _get(url: str, accept: str = "application/sparql-results+json"):
    req = urllib.request.Request(url, headers={"Accept": accept})
    try:
        with urllib.request.urlopen(req, timeout=20) as resp:
            return resp.status, dict(resp.headers), resp.read()
    except urllib.error.HTTPError as exc:
        return exc.code, dict(exc.headers), exc.read()


def _post(url: str, body: bytes, ctype: str):
    req = urllib.request.Request(url, data=body, method="POST", headers={"Content-Type": ctype})
    try:
        with urllib.request.urlopen(req, timeout=20) as resp:
            return resp.status, dict(resp.headers), resp.read()
    except urllib.error.HTTPError as exc:
        return exc.code, dict(exc.headers), exc.read()


def test_get_query_answers_and_caps_rows(server):
    status, headers, body = _get(server.url + "query?" + urllib.parse.urlencode({"query": PERSONS}))
    assert status == 200
    rows = json.loads(body)["results"]["bindings"]
    assert len(rows) == 3  # four persons, capped at 3
    assert "capped" in headers.get("X-KG-Truncated", "")
    assert "Access-Control-Allow-Origin" not in headers


def test_post_query_and_csv(server):
    status, _h, body = _post(server.url + "query", PERSONS.encode(), "application/sparql-query")
    assert status == 200 and json.loads(body)["head"]["vars"] == ["p"]
    status, _h, body = _get(
        server.url + "query?" + urllib.parse.urlencode({"query": PERSONS}), accept="text/csv"
    )
    assert status == 200 and body.decode().splitlines()[0].strip() == "p"
    assert len([ln for ln in body.decode().splitlines() if ln.strip()]) == 4


@pytest.mark.parametrize(
    "query",
    [
        "SELECT * WHERE { SERVICE <http://example.org/sparql> { ?s ?p ?o } }",
        "SELECT * FROM <http://example.org/data.ttl> WHERE { ?s ?p ?o }",
        "LOAD <http://example.org/data.ttl>",
    ],
)
def test_network_reaching_queries_are_refused_with_400(server, query):
    status, _h, body = _get(server.url + "query?" + urllib.parse.urlencode({"query": query}))
    assert status == 400 and b"refused" in body


def test_updates_and_writes_are_refused(server):
    status, _h, _b = _post(
        server.url + "query", b"update=DROP+ALL", "application/x-www-form-urlencoded"
    )
    assert status == 403
    status, _h, _b = _post(server.url + "update", b"DROP ALL", "application/sparql-update")
    assert status == 403


def test_invalid_query_is_a_400_from_the_screen(server):
    status, _h, _b = _get(server.url + "query?" + urllib.parse.urlencode({"query": "SELEKT"}))
    assert status == 400


def test_port_in_use_is_a_clear_error(store_dir):
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        s.listen()
        port = s.getsockname()[1]
        with pytest.raises(ServeError, match=f"cannot listen on 127.0.0.1:{port}"):
            Server(store_dir, port=port).start()


def test_cors_only_when_asked(store_dir):
    with Server(store_dir, port=0, cors=True) as srv:
        _s, headers, _b = _get(srv.url + "query?" + urllib.parse.urlencode({"query": PERSONS}))
        assert headers.get("Access-Control-Allow-Origin") == "*"


# -- push ------------------------------------------------------------------------------------------


@pytest.fixture
def remote(tmp_path):
    port = free_port()
    proc = subprocess.Popen(
        [
            oxigraph_binary(),
            "serve",
            "--location",
            str(tmp_path / "remote"),
            "--bind",
            f"127.0.0.1:{port}",
        ],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    base = f"http://127.0.0.1:{port}"
    for _ in range(100):
        try:
            urllib.request.urlopen(base + "/", timeout=1).close()
            break
        except OSError:
            time.sleep(0.1)
    yield base
    proc.terminate()
    proc.wait(timeout=10)


def _remote_count(base: str) -> int:
    q = "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }"
    _s, _h, body = _get(base + "/query?" + urllib.parse.urlencode({"query": q}))
    return int(json.loads(body)["results"]["bindings"][0]["n"]["value"])


def test_push_replaces_graphs_on_a_real_oxigraph_server(store_dir, remote):
    store = KgStore(store_dir, read_only=True)
    try:
        quads = list(store.quads())
    finally:
        store.close()
    graphs = by_graph(quads)
    done = push(graphs, remote + "/store")
    assert done.graphs == sorted(graphs)
    n = _remote_count(remote)
    assert n == len({str(q) for q in quads})
    push(graphs, remote + "/store")  # again: replaced, not duplicated
    assert _remote_count(remote) == n


def test_push_failures_are_clear_and_change_nothing(store_dir, remote):
    store = KgStore(store_dir, read_only=True)
    try:
        graphs = by_graph(list(store.quads()))
    finally:
        store.close()
    with pytest.raises(PushError, match=r"cannot reach .*no graph was changed"):
        push(graphs, f"http://127.0.0.1:{free_port()}/store", timeout=5)
    with pytest.raises(PushError, match="HTTP 4"):
        push(graphs, remote + "/no-such-endpoint")
    assert _remote_count(remote) == 0


def test_cli_push_from_a_store(store_dir, remote):
    result = CliRunner().invoke(
        cli, ["push", "--store", str(store_dir), "--endpoint", remote + "/store"]
    )
    assert result.exit_code == 0, result.output
    assert result.output.startswith("Pushed 1 graph(s)")


# -- issue 8: one screened door ----------------------------------------------------------------

BASE_G = "https://w3id.org/newskg/graph/"


@pytest.fixture(scope="module")
def big_store(tmp_path_factory):
    """1,800 quads in an article graph, and one quad in its quarantine graph."""
    import pyoxigraph as ox

    path = tmp_path_factory.mktemp("big") / "store"
    store = ox.Store(str(path))
    g = ox.NamedNode(BASE_G + "a1")
    quads = [
        ox.Quad(ox.NamedNode(f"urn:s{i}"), ox.NamedNode("urn:p"), ox.Literal(f"v{i}"), g)
        for i in range(1800)
    ]
    quads.append(
        ox.Quad(
            ox.NamedNode("urn:q"),
            ox.NamedNode("urn:p"),
            ox.Literal("quarantined"),
            ox.NamedNode(BASE_G + "a1/quarantine"),
        )
    )
    store.extend(quads)
    store.flush()
    del store
    return path


def _marked(mark: str) -> list[int]:
    from tests.test_hardening import _processes_marked

    return _processes_marked(mark)


def _start_cli_serve(store: Path, mark: str, *extra: str):
    import os
    import sys

    port = free_port()
    proc = subprocess.Popen(
        [sys.executable, "-m", "kg.cli", "serve", "--store", str(store), "-p", str(port), *extra],
        env={**os.environ, "KG_TEST_MARK": mark},
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    base = f"http://127.0.0.1:{port}/"
    for _ in range(200):
        if proc.poll() is not None:
            break
        try:
            urllib.request.urlopen(base + "index.html", timeout=1).close()
            break
        except OSError:
            time.sleep(0.1)
    return proc, base


def _listening_inodes() -> set[str]:
    found = set()
    for table in ("/proc/net/tcp", "/proc/net/tcp6"):
        with open(table) as f:
            for line in f.readlines()[1:]:
                cols = line.split()
                if cols[3] == "0A":  # LISTEN
                    found.add(cols[9])
    return found


def _socket_inodes(pids: list[int]) -> set[str]:
    import os

    out = set()
    for pid in pids:
        try:
            for fd in os.listdir(f"/proc/{pid}/fd"):
                target = os.readlink(f"/proc/{pid}/fd/{fd}")
                if target.startswith("socket:["):
                    out.add(target[8:-1])
        except OSError:
            continue
    return out


def _peak_rss_mb(pid: int) -> float:
    with open(f"/proc/{pid}/status") as f:
        for line in f:
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    raise AssertionError("no VmHWM")


def test_serve_has_one_port_and_bounded_memory_on_a_cross_join(big_store):
    """Issue 8, cases 2 and 3: a cross join without LIMIT took the front past 3.5 GB, and
    an unscreened oxigraph server listened on a second port."""
    import uuid

    mark = uuid.uuid4().hex
    proc, base = _start_cli_serve(big_store, mark, "--max-rows", "200000")
    try:
        assert proc.poll() is None
        listening = _listening_inodes() & _socket_inodes(_marked(mark))
        assert len(listening) == 1  # the door, and nothing behind it
        query = "SELECT * { ?a ?b ?c . ?d ?e ?f }"  # 3.24 million rows
        req = urllib.request.Request(
            base + "query?" + urllib.parse.urlencode({"query": query}),
            headers={"Accept": "text/tab-separated-values"},
        )
        rows = 0
        with urllib.request.urlopen(req, timeout=120) as resp:
            assert resp.headers.get("Transfer-Encoding") == "chunked"
            assert resp.headers.get("X-KG-Row-Cap") == "200000"
            for _line in resp:
                rows += 1
        assert rows == 200000 + 1  # the header line and the capped rows
        assert _peak_rss_mb(proc.pid) < 400
    finally:
        proc.terminate()
        proc.wait(timeout=20)
    _out, err = proc.communicate()
    assert b"results capped at 200000 rows" in err


def test_no_writer_beside_a_serving_store(store_dir):
    """Queries open the store read-only, which RocksDB leaves undefined beside a writer:
    kg serve holds the store's lock, and a build (another process) says so in one line."""
    import sys

    write = [sys.executable, "-m", "kg.cli", "remove", "no-such-article", "--store"]
    with Server(store_dir, port=0):
        proc = subprocess.run([*write, str(store_dir)], capture_output=True, timeout=60)
        assert proc.returncode == 2
        assert b"in use by another process (locked)" in proc.stderr
        proc = subprocess.run(
            [sys.executable, "-m", "kg.cli", "serve", "--store", str(store_dir), "-p", "0"],
            capture_output=True,
            timeout=60,
        )
        assert proc.returncode == 2 and b"in use by another process" in proc.stderr
    proc = subprocess.run([*write, str(store_dir)], capture_output=True, timeout=60)
    assert b"no article 'no-such-article'" in proc.stderr  # the lock went with the server


def test_construct_is_capped_while_streaming(big_store):
    with Server(big_store, port=0, max_rows=50000) as srv:
        query = "CONSTRUCT { ?a <urn:x> ?f } WHERE { ?a ?b ?c . ?d ?e ?f }"
        status, headers, body = _get(
            srv.url + "query?" + urllib.parse.urlencode({"query": query}),
            accept="application/n-triples",
        )
    assert status == 200
    assert headers.get("Transfer-Encoding") == "chunked"
    assert len(body.decode().splitlines()) == 50000


def test_quarantine_graphs_are_not_served(big_store):
    """Issue 8, case 5: quarantined statements came back over HTTP."""
    with Server(big_store, port=0) as srv:
        q = "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"
        _s, _h, body = _get(srv.url + "query?" + urllib.parse.urlencode({"query": q}))
        assert json.loads(body)["results"]["bindings"][0]["n"]["value"] == "1800"
        q = "SELECT ?o WHERE { GRAPH ?g { ?s ?p ?o } FILTER(?o = 'quarantined') }"
        _s, _h, body = _get(srv.url + "query?" + urllib.parse.urlencode({"query": q}))
        assert json.loads(body)["results"]["bindings"] == []
        q = f"SELECT * WHERE {{ GRAPH <{BASE_G}a1/quarantine> {{ ?s ?p ?o }} }}"
        _s, _h, body = _get(srv.url + "query?" + urllib.parse.urlencode({"query": q}))
        assert json.loads(body)["results"]["bindings"] == []


def test_a_timeout_is_an_http_error_and_one_log_line(big_store, capfd):
    """Issue 8, case 9: a timeout gave a traceback or an empty reply."""
    with Server(big_store, port=0, timeout_s=1) as srv:
        q = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }"
        status, _h, body = _get(srv.url + "query?" + urllib.parse.urlencode({"query": q}))
    assert status == 504
    assert body == b"the query took longer than 1 s and was stopped\n"
    err = capfd.readouterr().err
    assert err.count("\n") == 1 and "took longer than 1 s" in err and "Traceback" not in err


@pytest.mark.parametrize(
    "request_bytes, status",
    [
        (b"POST /query HTTP/1.1\r\nHost: x\r\nContent-Length: abc\r\n\r\n", b"400"),
        (b"POST /query HTTP/1.1\r\nHost: x\r\nContent-Length: -5\r\n\r\n", b"400"),
        (b"POST /query HTTP/1.1\r\nHost: x\r\nContent-Length: 99999999999\r\n\r\n", b"413"),
        (b"POST /query HTTP/1.1\r\nHost: x\r\n\r\n", b"411"),
    ],
)
def test_bad_request_headers_get_one_line(server, request_bytes, status):
    host, port = server.url.split("//")[1].strip("/").split(":")
    with socket.create_connection((host, int(port)), timeout=10) as s:
        s.sendall(request_bytes)
        reply = b""
        while data := s.recv(4096):  # the server closes the connection after an error
            reply += data
    assert reply.startswith(b"HTTP/1.1 " + status)
    body = reply.split(b"\r\n\r\n", 1)[1]
    assert body.count(b"\n") == 1 and b"Traceback" not in body


def test_serve_on_a_store_it_cannot_open_is_one_line_and_leaves_nothing(tmp_path):
    """Issue 8, case 4: kg serve hung forever and left a temporary folder."""
    import os
    import sys

    tmp = tmp_path / "tmp"  # the temporary folder kg serve gets: it must stay empty
    tmp.mkdir()
    not_a_store = tmp_path / "store"
    not_a_store.mkdir()
    (not_a_store / "CURRENT").write_text("garbage\n")
    for store in (not_a_store, tmp_path / "missing", tmp_path / "store" / "CURRENT"):
        proc = subprocess.run(
            [sys.executable, "-m", "kg.cli", "serve", "--store", str(store), "-p", "0"],
            capture_output=True,
            timeout=60,
            env={**os.environ, "TMPDIR": str(tmp)},
        )
        assert proc.returncode == 2
        lines = proc.stderr.decode().strip().splitlines()
        assert len(lines) == 1 and lines[0].startswith(f"Error: {store}"), lines
    assert list(tmp.iterdir()) == []


def test_a_killed_serve_leaves_no_process(big_store):
    """Issue 8, case 3: after kill -9 of kg serve its oxigraph server stayed up."""
    import signal
    import uuid

    mark = uuid.uuid4().hex
    proc, base = _start_cli_serve(big_store, mark, "--timeout-s", "600")
    q = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }"
    import threading

    def ask() -> None:
        with contextlib.suppress(OSError):  # the server dies while answering
            _get(base + "query?" + urllib.parse.urlencode({"query": q}))

    threading.Thread(target=ask, daemon=True).start()
    deadline = time.monotonic() + 60
    while len(_marked(mark)) < 2 and time.monotonic() < deadline:
        time.sleep(0.1)
    assert len(_marked(mark)) == 2  # kg serve and the query's process
    proc.send_signal(signal.SIGKILL)
    proc.wait(timeout=10)
    deadline = time.monotonic() + 10
    while _marked(mark) and time.monotonic() < deadline:
        time.sleep(0.1)
    assert _marked(mark) == []


# -- the browser page and the property test through kg serve ------------------------------------


def test_the_query_page_runs_a_query_in_headless_chromium(server, tmp_path):
    """The YASGUI page at / comes from kg's own files and runs a query against /query."""
    import shutil

    exe = shutil.which("chromium") or shutil.which("chromium-browser")
    assert exe, "chromium is installed by tools/install.sh"
    page = urllib.request.urlopen(server.url, timeout=20).read().decode()
    assert "yasgui.min.js" in page and "http" not in page.split("<script>")[0].split("<link")[1]
    query = "SELECT ?name WHERE { ?p a kgo:Person ; rdfs:label ?name } ORDER BY ?name"
    url = server.url + "#run=" + urllib.parse.quote(query)
    out = subprocess.run(
        [
            exe,
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            # nothing but this server can be reached from the page
            "--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE 127.0.0.1",
            f"--user-data-dir={tmp_path / 'profile'}",
            "--virtual-time-budget=15000",
            "--dump-dom",
            url,
        ],
        capture_output=True,
        text=True,
        timeout=180,
    )
    dom = out.stdout
    assert "yasgui" in dom.lower(), out.stderr[-2000:]
    # the result table of the page holds the answers (capped at 3 by the server fixture)
    assert "Asim Munir" in dom and "Donald Trump" in dom and "Ishaq Dar" in dom, dom[-3000:]


def test_no_service_variant_reaches_the_network_through_kg_serve(server):
    from hypothesis import HealthCheck, given, settings

    from tests.test_screen import Listener, service_queries

    listener = Listener()
    try:

        @settings(max_examples=40, deadline=None, suppress_health_check=list(HealthCheck))
        @given(service_queries())
        def check(case):
            query = case[0].replace("PORT", str(listener.port))
            status, _h, body = _post(
                server.url + "query",
                urllib.parse.urlencode({"query": query}).encode(),
                "application/x-www-form-urlencoded",
            )
            assert status == 400, body
            assert body.count(b"\n") == 1
            assert listener.hits == []

        check()
    finally:
        listener.close()
    assert listener.hits == []


def test_a_query_that_runs_out_of_memory_is_a_500_and_one_log_line(big_store, capfd):
    with Server(big_store, port=0, memory_mb=700, timeout_s=120) as srv:
        q = "SELECT * WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i } ORDER BY ?c ?f ?i"
        status, _h, body = _get(srv.url + "query?" + urllib.parse.urlencode({"query": q}))
        assert status == 500
        assert body == b"the query ran out of memory (the limit is 700 MB) and was stopped\n"
        # the server goes on answering
        status, _h, _b = _get(srv.url + "query?" + urllib.parse.urlencode({"query": PERSONS}))
        assert status == 200
    err = capfd.readouterr().err
    assert err.count("\n") == 1 and "ran out of memory" in err


def test_a_timeout_after_the_answer_began_cuts_it_and_logs_one_line(big_store, capfd):
    """Issue 8, case 9 (a cut body): once the status is sent, a failure ends the chunked body
    without its last chunk, so no client mistakes a part for the whole."""
    import http.client

    # 1,800 cubed rows never end within the timeout; the timeout itself is long enough that a
    # loaded machine still sends the first rows (and so the status) before it
    with Server(big_store, port=0, timeout_s=10, max_rows=10**9) as srv:
        q = "SELECT * WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }"
        req = urllib.request.Request(
            srv.url + "query?" + urllib.parse.urlencode({"query": q}),
            headers={"Accept": "text/tab-separated-values"},
        )
        with urllib.request.urlopen(req, timeout=60) as resp:
            assert resp.status == 200 and resp.headers.get("Transfer-Encoding") == "chunked"
            with pytest.raises(http.client.IncompleteRead):
                while resp.read(1 << 20):
                    pass
    err = capfd.readouterr().err
    assert err.count("\n") == 1 and "answer cut: the query took longer than 10 s" in err


def test_an_idle_connection_is_closed(store_dir):
    """A client that opens a connection and sends nothing does not hold a thread forever."""
    with Server(store_dir, port=0, idle_timeout_s=1) as srv:
        host, port = srv.url.split("//")[1].strip("/").split(":")
        with socket.create_connection((host, int(port)), timeout=30) as s:
            s.sendall(b"GET /query?query=ASK")  # no end of line, then silence
            started = time.monotonic()
            assert s.recv(100) == b""  # closed by the server
            assert time.monotonic() - started < 20
