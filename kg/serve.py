"""Serving a store over SPARQL 1.1 Protocol: the oxigraph server (read-only, over a
snapshot) behind a small front that refuses SERVICE, LOAD and FROM <url>, caps result rows
and forwards the rest."""

from __future__ import annotations

import contextlib
import http.server
import json
import shutil
import socket
import subprocess
import tempfile
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
import xml.etree.ElementTree as ET
from pathlib import Path

from kg.errors import KgError, QueryError
from kg.ontology import PREFIXES
from kg.query import screen_query

PROLOGUE = "".join(f"PREFIX {p}: <{ns}>\n" for p, ns in PREFIXES.items())


class ServeError(KgError):
    """The server cannot start (a port in use, no oxigraph, a bad store)."""


def free_port(host: str = "127.0.0.1") -> int:
    with socket.socket() as s:
        s.bind((host, 0))
        return s.getsockname()[1]


def oxigraph_binary() -> str:
    import sys

    local = Path(sys.executable).parent / "oxigraph"
    found = str(local) if local.exists() else shutil.which("oxigraph")
    if not found:
        raise ServeError("the oxigraph server is not installed (pip install oxigraph)")
    return found


def _cap(body: bytes, content_type: str, max_rows: int) -> tuple[bytes, bool]:
    """At most max_rows solutions, in JSON, XML, CSV or TSV results."""
    if "sparql-results+json" in content_type:
        doc = json.loads(body)
        rows = doc.get("results", {}).get("bindings")
        if rows is not None and len(rows) > max_rows:
            doc["results"]["bindings"] = rows[:max_rows]
            return json.dumps(doc).encode(), True
    elif "sparql-results+xml" in content_type:
        root = ET.fromstring(body)
        ns = "{http://www.w3.org/2005/sparql-results#}"
        results = root.find(f"{ns}results")
        if results is not None and len(results) > max_rows:
            for extra in list(results)[max_rows:]:
                results.remove(extra)
            return ET.tostring(root, encoding="utf-8", xml_declaration=True), True
    elif "text/csv" in content_type or "tab-separated-values" in content_type:
        lines = body.split(b"\n")
        if len([ln for ln in lines if ln.strip()]) > max_rows + 1:
            return b"\n".join(lines[: max_rows + 1]) + b"\n", True
    return body, False


class Front(http.server.ThreadingHTTPServer):
    daemon_threads = True

    def __init__(self, address, upstream: str, max_rows: int, timeout_s: float, cors: bool):
        self.upstream, self.max_rows, self.timeout_s, self.cors = (
            upstream,
            max_rows,
            timeout_s,
            cors,
        )
        super().__init__(address, _Handler)


class _Handler(http.server.BaseHTTPRequestHandler):
    server: Front
    protocol_version = "HTTP/1.1"

    def log_message(self, format, *args):
        return

    def _send(
        self,
        status: int,
        body: bytes,
        content_type: str = "text/plain; charset=utf-8",
        extra: dict | None = None,
    ) -> None:
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        if self.server.cors:
            self.send_header("Access-Control-Allow-Origin", "*")
        for k, v in (extra or {}).items():
            self.send_header(k, v)
        self.end_headers()
        self.wfile.write(body)

    def do_OPTIONS(self):
        if not self.server.cors:
            return self._send(405, b"CORS is off (start kg serve with --cors)\n")
        self.send_response(204)
        self.send_header("Access-Control-Allow-Origin", "*")
        self.send_header("Access-Control-Allow-Methods", "GET, POST")
        self.send_header("Access-Control-Allow-Headers", "Content-Type, Accept")
        self.send_header("Content-Length", "0")
        self.end_headers()

    def do_GET(self):
        url = urllib.parse.urlsplit(self.path)
        if url.path == "/query":
            params = urllib.parse.parse_qs(url.query)
            return self._query(params.get("query", [""])[0])
        if url.path in ("/", "/index.html"):
            return self._forward("GET", "/", None, {})
        return self._send(404, b"kg serve answers SPARQL queries at /query\n")

    def do_POST(self):
        url = urllib.parse.urlsplit(self.path)
        length = int(self.headers.get("Content-Length") or 0)
        body = self.rfile.read(length) if length else b""
        if url.path != "/query":
            return self._send(403, b"this server is read-only: only /query is answered\n")
        ctype = self.headers.get("Content-Type", "")
        if ctype.startswith("application/sparql-query"):
            return self._query(body.decode("utf-8", "replace"))
        if ctype.startswith("application/x-www-form-urlencoded"):
            params = urllib.parse.parse_qs(body.decode("utf-8", "replace"))
            if "update" in params:
                return self._send(403, b"this server is read-only: updates are refused\n")
            return self._query(params.get("query", [""])[0])
        return self._send(415, b"send application/sparql-query or a form with query=\n")

    def do_PUT(self):
        self._send(403, b"this server is read-only\n")

    do_DELETE = do_PUT

    def _query(self, query: str) -> None:
        if not query.strip():
            return self._send(400, b"no query: give query=...\n")
        try:
            # kg's prefixes (kgo:, rdf:, rdfs:, ...) are declared for every query, as in kg
            # query; a query that declares one again overrides it
            checked = screen_query(query)
        except QueryError as exc:
            return self._send(400, (str(exc) + "\n").encode())
        body = urllib.parse.urlencode({"query": checked.text}).encode()
        self._forward(
            "POST", "/query", body, {"Content-Type": "application/x-www-form-urlencoded"}, cap=True
        )

    def _forward(
        self, method: str, path: str, body: bytes | None, headers: dict, cap: bool = False
    ) -> None:
        accept = self.headers.get("Accept") or "application/sparql-results+json"
        request = urllib.request.Request(
            self.server.upstream + path,
            data=body,
            method=method,
            headers={**headers, "Accept": accept},
        )
        try:
            with urllib.request.urlopen(request, timeout=self.server.timeout_s + 5) as resp:
                data, ctype, status = resp.read(), resp.headers.get("Content-Type", ""), resp.status
        except urllib.error.HTTPError as exc:
            data, ctype, status = (
                exc.read(),
                exc.headers.get("Content-Type", "text/plain"),
                exc.code,
            )
        except (urllib.error.URLError, TimeoutError, OSError) as exc:
            return self._send(504, f"the store did not answer: {exc}\n".encode())
        extra = {}
        if cap and status == 200:
            data, cut = _cap(data, ctype, self.server.max_rows)
            if cut:
                extra["X-KG-Truncated"] = f"results capped at {self.server.max_rows} rows"
        self._send(status, data, ctype, extra)


class Server:
    """The oxigraph server over a snapshot of a store, behind the screening front."""

    def __init__(
        self,
        store_dir: str | Path,
        host: str = "127.0.0.1",
        port: int = 7878,
        timeout_s: float = 30,
        max_rows: int = 10000,
        cors: bool = False,
    ) -> None:
        self.store_dir = Path(store_dir)
        self.host, self.port, self.timeout_s = host, port, timeout_s
        self.max_rows, self.cors = max_rows, cors
        self._tmp: str | None = None
        self._process: subprocess.Popen | None = None
        self._front: Front | None = None

    @property
    def url(self) -> str:
        host, port = self._front.server_address[:2] if self._front else (self.host, self.port)
        return f"http://{host}:{port}/"

    def start(self) -> Server:
        from kg.store import KgStore, StoreError

        if not self.store_dir.is_dir():
            raise ServeError(f"{self.store_dir}: no such store")
        binary = oxigraph_binary()
        try:
            self._front = Front(
                (self.host, self.port), "", self.max_rows, self.timeout_s, self.cors
            )
        except OSError as exc:
            raise ServeError(f"cannot listen on {self.host}:{self.port} ({exc.strerror})") from None
        self._tmp = tempfile.mkdtemp(prefix="kg-serve-")
        snapshot = Path(self._tmp) / "snapshot"
        try:
            try:
                store = KgStore(self.store_dir)
            except StoreError:
                store = KgStore(self.store_dir, read_only=True)
            try:
                store.snapshot(snapshot)
            finally:
                store.close()
        except (OSError, RuntimeError, StoreError) as exc:
            self.stop()
            raise ServeError(f"{self.store_dir}: cannot take a snapshot ({exc})") from None
        upstream_port = free_port()
        self._process = subprocess.Popen(
            [
                binary,
                "serve-read-only",
                "--location",
                str(snapshot),
                "--bind",
                f"127.0.0.1:{upstream_port}",
                "--union-default-graph",
                "--timeout-s",
                str(int(self.timeout_s)),
            ],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
        )
        self._front.upstream = f"http://127.0.0.1:{upstream_port}"
        deadline = time.monotonic() + 20
        while time.monotonic() < deadline:
            if self._process.poll() is not None:
                err = self._process.stderr.read().decode(errors="replace").strip()
                self.stop()
                raise ServeError(
                    f"the oxigraph server stopped: {err.splitlines()[-1] if err else '?'}"
                )
            try:
                with urllib.request.urlopen(self._front.upstream + "/", timeout=1):
                    break
            except (urllib.error.URLError, OSError):
                time.sleep(0.1)
        else:
            self.stop()
            raise ServeError("the oxigraph server did not start within 20 s")
        threading.Thread(target=self._front.serve_forever, daemon=True).start()
        return self

    def stop(self) -> None:
        if self._front is not None:
            with contextlib.suppress(Exception):
                self._front.shutdown()
            self._front.server_close()
            self._front = None
        if self._process is not None:
            self._process.terminate()
            try:
                self._process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self._process.kill()
            self._process = None
        if self._tmp:
            shutil.rmtree(self._tmp, ignore_errors=True)
            self._tmp = None

    def __enter__(self) -> Server:
        return self.start()

    def __exit__(self, *exc) -> None:
        self.stop()
