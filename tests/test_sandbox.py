"""The query process (kg.sandbox) as `kg query` starts it: forked from a light, single-
threaded process before the screen loads rdflib, with the same walls as a fresh one (no
network, a memory limit, nothing of the parent's open files). The walls of the fresh
interpreter are tested in test_hardening.py."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap

import pytest

from kg.errors import QueryError
from kg.sandbox import Request, run_query_isolated, start_child, stop_child
from tests.test_hardening import CROSS_JOIN, _nquads


def _script(code: str, timeout: float = 120) -> str:
    """Run `code` in a fresh interpreter (light and single-threaded, as `kg query` is);
    its stdout."""
    done = subprocess.run(
        [sys.executable, "-c", textwrap.dedent(code)],
        capture_output=True,
        text=True,
        timeout=timeout,
    )
    assert done.returncode == 0, done.stderr
    return done.stdout.strip()


def test_kg_query_forks_its_child_before_the_screen_loads_rdflib(tmp_path):
    graph = tmp_path / "g.nq"
    graph.write_bytes(_nquads(5))
    out = _script(
        f"""
        import sys
        import kg.sandbox as sb
        forks = []
        start = sb.ForkedChild.__init__
        def spy(self):
            forks.append("rdflib" in sys.modules)
            start(self)
        sb.ForkedChild.__init__ = spy
        import pyoxigraph as ox
        from kg.query import query_isolated
        quads = ox.parse(path={str(graph)!r}, format=ox.RdfFormat.N_QUADS)
        print(query_isolated("SELECT (COUNT(*) AS ?n) {{ ?s ?p ?o }}", "csv", quads=quads))
        print(forks, "rdflib" in sys.modules)
        """
    )
    assert out.split() == ["n", "5", "[False]", "True"]


def test_a_process_with_threads_or_a_large_address_space_starts_a_fresh_interpreter():
    out = _script(
        """
        import os, threading, time
        from kg.sandbox import can_fork, start_child, stop_child
        print(can_fork())
        go = threading.Event()
        thread = threading.Thread(target=go.wait)
        thread.start()
        print(can_fork())
        child = start_child()
        print(type(child).__name__)
        stop_child(child)
        go.set()
        thread.join()
        deadline = time.monotonic() + 10
        while len(os.listdir("/proc/self/task")) > 1 and time.monotonic() < deadline:
            time.sleep(0.01)  # the OS thread ends a moment after join() returns
        print(can_fork())
        held = bytearray(300 * 2**20)  # over FORK_MAX_VM_MB of address space
        print(can_fork())
        """
    )
    assert out.split() == ["True", "False", "Popen", "True", "False"]


def test_the_forked_child_keeps_only_its_three_pipes(tmp_path):
    import time

    with open(tmp_path / "held.txt", "w") as held:  # an fd of this process
        child = start_child(fork=True)
        try:
            fds: list[str] = []
            deadline = time.monotonic() + 10
            while time.monotonic() < deadline:
                fds = sorted(os.listdir(f"/proc/{child.pid}/fd"))
                if fds == ["0", "1", "2"]:
                    break
                time.sleep(0.02)
            assert fds == ["0", "1", "2"], f"{fds} (this process: fd {held.fileno()})"
        finally:
            stop_child(child)
    assert child.returncode is not None


def test_the_forked_child_cannot_open_an_internet_socket():
    from tests.test_screen import Listener

    listener = Listener()
    try:
        query = f"SELECT * {{ SERVICE <http://127.0.0.1:{listener.port}/> {{ ?s ?p ?o }} }}"
        out = _script(
            f"""
            from kg.errors import QueryError
            from kg.sandbox import ForkedChild, Request, run_query_isolated, start_child
            child = start_child()
            print(type(child).__name__)
            try:
                list(run_query_isolated(Request({query!r}, "SELECT"), b"", 30, child=child))
            except QueryError as exc:
                print(exc)
            """
        )
    finally:
        listener.close()
    assert out.splitlines()[0] == "ForkedChild"
    assert "Permission denied" in out.splitlines()[1]
    assert listener.hits == []


def test_the_forked_child_is_stopped_at_its_memory_limit():
    out = _script(
        f"""
        from kg.errors import QueryError
        from kg.sandbox import Request, run_query_isolated, start_child
        child = start_child()
        print(type(child).__name__)
        nquads = b"".join(b'<urn:s%d> <urn:p> "v%d" <urn:g> .\\n' % (i, i) for i in range(3000))
        try:
            list(run_query_isolated(Request({CROSS_JOIN!r}, "SELECT", memory_mb=800), nquads,
                                    120, child=child))
        except QueryError as exc:
            print(exc)
        """,
        timeout=180,
    )
    assert out.splitlines() == [
        "ForkedChild",
        "the query ran out of memory (the limit is 800 MB) and was stopped",
    ]


def test_a_refused_query_leaves_no_query_process(tmp_path):
    out = _script(
        f"""
        import os
        from kg.errors import QueryError
        from kg.query import query_isolated
        try:
            query_isolated("SELECT * {{ SERVICE <http://x/> {{ ?s ?p ?o }} }}",
                           store_dir={str(tmp_path)!r})
        except QueryError as exc:
            print(exc)
        try:
            print(os.waitpid(-1, os.WNOHANG))
        except ChildProcessError:
            print("no child")
        """
    )
    assert out.splitlines() == [
        "SERVICE is refused: kg never reaches the network from a query",
        "no child",
    ]


@pytest.mark.parametrize("fork", [True, False])
def test_a_forked_and_a_fresh_child_give_the_same_bytes(fork):
    request = Request("SELECT ?s ?o WHERE { ?s ?p ?o } ORDER BY ?o", "SELECT", fmt="json")
    got = b"".join(run_query_isolated(request, _nquads(50), 30, child=start_child(fork=fork)))
    fresh = b"".join(run_query_isolated(request, _nquads(50), 30, child=start_child(fork=False)))
    assert got == fresh and got.count(b'"type": "literal"') == 50


def test_a_forked_child_reports_a_bad_query_in_one_line():
    with pytest.raises(QueryError, match="invalid SPARQL query"):
        list(run_query_isolated(Request("SELECT nope", "SELECT"), b"", 30, child=start_child(True)))
