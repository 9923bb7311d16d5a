"""kg serve (oxigraph behind the screening front) and kg push (Graph Store Protocol), over
HTTP on the loopback interface, with real oxigraph servers that the tests start and stop."""

from __future__ import annotations

import json
import socket
import subprocess
import time
import urllib.error
import urllib.parse
import urllib.request

import pytest
import yaml
from click.testing import CliRunner

from kg.cli import cli
from kg.pipeline import build_inputs
from kg.push import PushError, by_graph, push
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


def test_invalid_query_is_a_400_from_the_store(server):
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
