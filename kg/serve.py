"""Serving a store over the SPARQL 1.1 Protocol, through one screened door.

Every query is screened (kg.screen) and then run in a child process (kg.sandbox) over the
store opened read-only, with quarantine graphs left out of the dataset: the child cannot
reach the network, has a memory limit and a time limit, and writes its results as they come,
at most `max_rows` of them. Nothing else listens: there is no second server and no
temporary copy of the store, so a killed `kg serve` leaves nothing behind.

`/` is a browser query page (YASGUI, served from files in the package).
"""

from __future__ import annotations

import contextlib
import http.server
import os
import shutil
import socket
import sys
import threading
import urllib.parse
from pathlib import Path

from kg.errors import KgError, QueryError
from kg.ontology import PREFIXES
from kg.query import screen_query
from kg.results import MEDIA_TYPES
from kg.sandbox import (
    DEFAULT_MEMORY_MB,
    Outcome,
    QueryTimeout,
    Request,
    request_for,
    run_query_isolated,
)

MAX_BODY = 1 << 20  # a query of more than 1 MB is refused
WINDOW = 1 << 20  # answers up to this size go out whole, with a row-cap header; longer stream
WEB = Path(__file__).parent / "web"
STATIC = {
    "/": ("index.html", "text/html; charset=utf-8"),
    "/index.html": ("index.html", "text/html; charset=utf-8"),
    "/yasgui.min.js": ("yasgui.min.js", "text/javascript; charset=utf-8"),
    "/yasgui.min.css": ("yasgui.min.css", "text/css; charset=utf-8"),
    "/LICENSE.yasgui.txt": ("LICENSE.yasgui.txt", "text/plain; charset=utf-8"),
}


class ServeError(KgError):
    """The server cannot start (a port in use, a store that cannot be opened)."""


def free_port(host: str = "127.0.0.1") -> int:
    """A free TCP port on `host` (for tests and tools that start a server)."""
    with socket.socket() as s:
        s.bind((host, 0))
        return s.getsockname()[1]


def oxigraph_binary() -> str:
    """The `oxigraph` server from PyPI (kg serve does not use it; it is a target for
    kg push)."""
    local = Path(sys.executable).parent / "oxigraph"
    found = str(local) if local.exists() else shutil.which("oxigraph")
    if not found:
        raise ServeError("the oxigraph server is not installed (pip install oxigraph)")
    return found


def check_store(store_dir: Path) -> None:
    """Open the store read-only once, so that a bad store is one clear line at start."""
    import pyoxigraph as ox

    if not store_dir.exists():
        raise ServeError(f"{store_dir}: no such store")
    if not store_dir.is_dir():
        raise ServeError(f"{store_dir}: is a file, not a store folder")
    try:
        store = ox.Store.read_only(str(store_dir))
    except (OSError, RuntimeError, ValueError) as exc:
        from kg.store import describe_open_error

        raise ServeError(f"{store_dir}: {describe_open_error(exc)}") from None
    del store


def solution_format(accept: str) -> str:
    accept = accept.lower()
    for media, fmt in (
        ("sparql-results+xml", "xml"),
        ("application/xml", "xml"),
        ("text/csv", "csv"),
        ("tab-separated-values", "tsv"),
    ):
        if media in accept:
            return fmt
    return "json"


def graph_format(accept: str) -> str:
    accept = accept.lower()
    return "ntriples" if "n-triples" in accept and "turtle" not in accept else "turtle"


class Front(http.server.ThreadingHTTPServer):
    daemon_threads = True
    block_on_close = False

    def __init__(self, address, server: Server) -> None:
        self.kg = server
        self.slots = threading.BoundedSemaphore(server.workers)
        # a connection that sends nothing for this long is closed (no thread held forever)
        handler = type("Handler", (_Handler,), {"timeout": server.idle_timeout_s})
        super().__init__(address, handler)


class _Handler(http.server.BaseHTTPRequestHandler):
    server: Front
    protocol_version = "HTTP/1.1"

    def log_message(self, format, *args):
        return

    def log(self, message: str) -> None:
        """One line on stderr per failed or cut request."""
        line = " ".join(str(message).split())
        print(f"kg serve: {self.command} {self.path[:80]}: {line}", file=sys.stderr, flush=True)

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
        if self.server.kg.cors:
            self.send_header("Access-Control-Allow-Origin", "*")
        for k, v in (extra or {}).items():
            self.send_header(k, v)
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)

    def _error(self, status: int, message: str) -> None:
        if status >= 500:
            self.log(message)
        self._send(status, (message + "\n").encode("utf-8"))

    def do_OPTIONS(self):
        if not self.server.kg.cors:
            return self._error(405, "CORS is off (start kg serve with --cors)")
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
            return self._query(params)
        if url.path in STATIC:
            name, ctype = STATIC[url.path]
            body = (WEB / name).read_bytes()
            return self._send(200, body, ctype, {"Cache-Control": "max-age=3600"})
        return self._error(404, "kg serve answers SPARQL queries at /query")

    do_HEAD = do_GET

    def do_POST(self):
        url = urllib.parse.urlsplit(self.path)
        raw = self.headers.get("Content-Length")
        if raw is None:
            self.close_connection = True
            return self._error(411, "a POST needs a Content-Length")
        if not raw.strip().isdigit():
            self.close_connection = True
            return self._error(400, f"bad Content-Length: {raw[:40]!r}")
        length = int(raw)
        if length > MAX_BODY:
            self.close_connection = True
            return self._error(413, f"the request is too large (at most {MAX_BODY:,} bytes)")
        body = self.rfile.read(length) if length else b""
        if url.path != "/query":
            return self._error(403, "this server is read-only: only /query is answered")
        ctype = self.headers.get("Content-Type", "")
        if ctype.startswith("application/sparql-query"):
            return self._query({"query": [body.decode("utf-8", "replace")]})
        if ctype.startswith("application/x-www-form-urlencoded"):
            params = urllib.parse.parse_qs(body.decode("utf-8", "replace"))
            if "update" in params:
                return self._error(403, "this server is read-only: updates are refused")
            return self._query(params)
        return self._error(415, "send application/sparql-query or a form with query=")

    def do_PUT(self):
        self._error(403, "this server is read-only")

    do_DELETE = do_PUT

    def _query(self, params: dict[str, list[str]]) -> None:
        query = params.get("query", [""])[0]
        if not query.strip():
            return self._error(400, "no query: give query=...")
        if params.get("default-graph-uri") or params.get("named-graph-uri"):
            return self._error(
                400, "default-graph-uri and named-graph-uri are refused: the dataset is the store"
            )
        try:
            checked = screen_query(query)
        except QueryError as exc:
            return self._error(400, str(exc))
        accept = self.headers.get("Accept") or ""
        graph = checked.form in ("CONSTRUCT", "DESCRIBE")
        fmt = graph_format(accept) if graph else solution_format(accept)
        kg = self.server.kg
        request = request_for(
            checked,
            fmt=fmt,
            store=str(kg.store_dir),
            max_rows=kg.max_rows,
            memory_mb=kg.memory_mb,
            prefixes=PREFIXES if fmt == "turtle" else None,
        )
        if not self.server.slots.acquire(timeout=kg.timeout_s):
            return self._error(503, "the server is busy: try again")
        try:
            self._answer(request, MEDIA_TYPES[fmt])
        finally:
            self.server.slots.release()

    def _answer(self, request: Request, ctype: str) -> None:
        kg = self.server.kg
        outcome = Outcome()
        chunks = run_query_isolated(request, timeout_s=kg.timeout_s, outcome=outcome)
        head: list[bytes] = []
        size = 0
        try:
            try:
                for chunk in chunks:
                    head.append(chunk)
                    size += len(chunk)
                    if size > WINDOW:
                        break
                else:  # the whole answer fits: one response with its length and cap
                    extra = {"X-KG-Row-Cap": str(kg.max_rows)}
                    if outcome.truncated:
                        extra["X-KG-Truncated"] = f"results capped at {kg.max_rows} rows"
                    return self._send(200, b"".join(head), ctype, extra)
            except QueryTimeout as exc:
                return self._error(504, str(exc))
            except QueryError as exc:
                return self._error(500, str(exc))
            self._stream(head, chunks, ctype, outcome)
        finally:
            chunks.close()  # stops the child, whatever happened

    def _stream(self, head: list[bytes], chunks, ctype: str, outcome: Outcome) -> None:
        kg = self.server.kg
        self.send_response(200)
        self.send_header("Content-Type", ctype)
        self.send_header("Transfer-Encoding", "chunked")
        self.send_header("X-KG-Row-Cap", str(kg.max_rows))
        if kg.cors:
            self.send_header("Access-Control-Allow-Origin", "*")
        self.end_headers()
        try:
            for chunk in head:
                self._chunk(chunk)
            for chunk in chunks:
                self._chunk(chunk)
        except (QueryError, OSError) as exc:
            # the status is sent: cut the body, so the client sees an incomplete answer
            self.log(f"answer cut: {exc}")
            self.close_connection = True
            return
        self.wfile.write(b"0\r\n\r\n")
        if outcome.truncated:
            self.log(f"results capped at {kg.max_rows} rows")

    def _chunk(self, data: bytes) -> None:
        if data:
            self.wfile.write(b"%x\r\n%s\r\n" % (len(data), data))


class Server:
    """kg's SPARQL endpoint over a store folder (read-only)."""

    def __init__(
        self,
        store_dir: str | Path,
        host: str = "127.0.0.1",
        port: int = 7878,
        timeout_s: float = 30,
        max_rows: int = 10000,
        cors: bool = False,
        memory_mb: int = DEFAULT_MEMORY_MB,
        workers: int = 2,
        idle_timeout_s: float = 60,
    ) -> None:
        self.store_dir = Path(store_dir)
        self.host, self.port, self.timeout_s = host, port, timeout_s
        self.max_rows, self.cors = max_rows, cors
        self.memory_mb, self.workers = memory_mb, workers
        self.idle_timeout_s = idle_timeout_s
        self._front: Front | None = None
        self._thread: threading.Thread | None = None
        self._lock: int | None = None

    @property
    def url(self) -> str:
        host, port = self._front.server_address[:2] if self._front else (self.host, self.port)
        return f"http://{host}:{port}/"

    def start(self) -> Server:
        check_store(self.store_dir)
        self._hold_lock()
        try:
            self._front = Front((self.host, self.port), self)
        except OSError as exc:
            self._release_lock()
            raise ServeError(f"cannot listen on {self.host}:{self.port} ({exc.strerror})") from None
        self._thread = threading.Thread(target=self._front.serve_forever, daemon=True)
        self._thread.start()
        return self

    def _hold_lock(self) -> None:
        """Take the store's lock (RocksDB's own, on its LOCK file) for as long as the server
        runs: the queries open the store read-only, which RocksDB leaves undefined beside a
        writer, so no writer may start meanwhile. The kernel drops the lock with the
        process, whatever kills it."""
        import fcntl

        try:
            self._lock = os.open(self.store_dir / "LOCK", os.O_RDWR)
        except FileNotFoundError:
            return
        try:
            fcntl.lockf(self._lock, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            self._release_lock()
            raise ServeError(
                f"{self.store_dir}: the store is in use by another process (locked); "
                "serve it when that process is done"
            ) from None

    def _release_lock(self) -> None:
        if self._lock is not None:
            os.close(self._lock)
            self._lock = None

    def stop(self) -> None:
        front, self._front = self._front, None
        if front is not None:
            if self._thread is not None and self._thread.is_alive():
                with contextlib.suppress(Exception):
                    front.shutdown()
            front.server_close()
        self._release_lock()

    def __enter__(self) -> Server:
        return self.start()

    def __exit__(self, *exc) -> None:
        self.stop()
