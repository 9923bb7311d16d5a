"""Screened SPARQL queries run in a child process that cannot reach the network (a seccomp
filter refuses it every Internet socket), cannot grow past a memory limit (RLIMIT_AS), dies
with its parent, and is killed when it runs out of time or the user presses Ctrl-C.

pyoxigraph follows SERVICE by itself (it carries an HTTP client); kg.screen refuses SERVICE
before a query runs, and this process is the second wall behind it.

    for chunk in run_query_isolated(Request(query, fmt="json", store="kg-store")):
        sys.stdout.buffer.write(chunk)

The child's answer is streamed: results are written as the store yields them and at most
`max_rows` of them, so neither process holds a whole result. A SELECT sorted by its own
columns (request_for, kg.screen.ordered_form) is run without its ORDER BY and DISTINCT, and
the child sorts its rows and drops duplicates itself in bounded memory (kg.sorted_rows),
where oxigraph would hold them all.

A process with a single thread and a small address space (the `kg query` command) forks
its child (start_child, called before the query is screened, so the child carries none of
the screen's SPARQL parser): no second interpreter starts and nothing is imported twice.
Any other process (a server with its threads, a program that holds a spaCy pipeline)
starts a fresh interpreter (`python -m kg.sandbox`). Both children run the same code and
confine themselves the same way once their request arrives.
"""

from __future__ import annotations

import contextlib
import ctypes
import gc
import json
import os
import platform
import signal
import sys
import threading
from collections.abc import Iterator
from dataclasses import asdict, dataclass
from typing import IO, TYPE_CHECKING

from kg.errors import QueryError

if TYPE_CHECKING:
    from kg.screen import Screened

DEFAULT_MEMORY_MB = 2048
CHUNK = 1 << 16
# a process whose address space is larger than this starts a fresh interpreter instead of
# forking: the child's memory limit (RLIMIT_AS) counts the address space it inherits
FORK_MAX_VM_MB = 256


@dataclass
class Request:
    """What the child runs: a screened query text over a store folder (opened read-only,
    quarantine graphs left out of the dataset) or over N-Quads given on its stdin."""

    text: str  # a text that kg.screen.screen_query returned
    form: str  # SELECT, CONSTRUCT, ASK or DESCRIBE
    fmt: str = "json"  # json, xml, csv, tsv, rows (solutions); ntriples, turtle (graphs)
    store: str | None = None
    max_rows: int | None = None
    memory_mb: int = DEFAULT_MEMORY_MB
    prefixes: dict[str, str] | None = None  # for Turtle output
    # kg.screen.Ordered: `text` is the query without its ORDER BY and DISTINCT, which the
    # child applies itself (kg.sorted_rows); `query` is the query as written, run instead
    # if a sort key's values are of a kind whose order kg does not know
    order: list[int] | None = None
    distinct: bool = False
    query: str | None = None


@dataclass
class Outcome:
    """How a run ended: rows written and whether the cap cut them."""

    rows: int = 0
    truncated: bool = False


def request_for(checked: Screened, **options) -> Request:
    """The Request of a screened query (`options`: Request's other fields). A SELECT that
    kg can sort itself (kg.screen.ordered_form) goes without its ORDER BY and DISTINCT,
    which the child applies in bounded memory (kg.sorted_rows); the query as written
    goes along, for the rows kg cannot sort."""
    request = Request(checked.text, checked.form, **options)
    if checked.ordered is not None:
        request.text, request.query = checked.ordered.text, checked.text
        request.order = list(checked.ordered.order)
        request.distinct = checked.ordered.distinct
    return request


class QueryTimeout(QueryError):
    """The query ran out of time."""


# -- the parent side -------------------------------------------------------------------


class ForkedChild:
    """A query process forked from this one, with the interface of subprocess.Popen that
    run_query_isolated uses (stdin, stdout, stderr, poll, wait, kill, returncode). The
    child keeps only its three pipes (as its fds 0, 1 and 2), never runs this process's
    clean-ups, and leaves with os._exit."""

    def __init__(self) -> None:
        pipes = [os.pipe() for _ in range(3)]  # request in, answer out, status out
        pid = os.fork()
        if pid == 0:  # pragma: no cover - the child's coverage is not collected
            code = 1
            try:
                os.dup2(pipes[0][0], 0)
                os.dup2(pipes[1][1], 1)
                os.dup2(pipes[2][1], 2)
                os.closerange(3, _max_fd())  # no file, socket or store of the parent
                gc.disable()  # never finalise an object of the parent (its fds are closed)
                # new streams: sys.stdout may hold text the parent has not written yet
                with (
                    os.fdopen(0, "rb") as stdin,
                    os.fdopen(1, "wb") as out,
                    os.fdopen(2, "w", encoding="utf-8") as err,
                ):
                    code = _child(stdin, out, err)
            finally:
                os._exit(code)
        os.close(pipes[0][0])
        os.close(pipes[1][1])
        os.close(pipes[2][1])
        self.pid = pid
        self.returncode: int | None = None
        self.stdin: IO[bytes] | None = os.fdopen(pipes[0][1], "wb")
        self.stdout: IO[bytes] | None = os.fdopen(pipes[1][0], "rb")
        self.stderr: IO[bytes] | None = os.fdopen(pipes[2][0], "rb")

    def poll(self) -> int | None:
        if self.returncode is None:
            pid, status = os.waitpid(self.pid, os.WNOHANG)
            if pid:
                self.returncode = os.waitstatus_to_exitcode(status)
        return self.returncode

    def wait(self) -> int:
        if self.returncode is None:
            _pid, status = os.waitpid(self.pid, 0)
            self.returncode = os.waitstatus_to_exitcode(status)
        return self.returncode

    def kill(self) -> None:
        if self.returncode is None:
            with contextlib.suppress(ProcessLookupError):
                os.kill(self.pid, signal.SIGKILL)


def _max_fd() -> int:
    try:
        return os.sysconf("SC_OPEN_MAX")
    except (OSError, ValueError):
        return 1 << 16


def can_fork() -> bool:
    """Whether this process may fork its query child: Linux, a single thread (no thread
    of Python's or of a library that a fork would leave holding a lock) and an address
    space under FORK_MAX_VM_MB."""
    if sys.platform != "linux":
        return False
    try:
        if len(os.listdir("/proc/self/task")) != 1:
            return False
        with open("/proc/self/status", encoding="ascii") as f:
            vm = next((ln.split()[1] for ln in f if ln.startswith("VmSize:")), None)
    except OSError:
        return False
    return vm is not None and int(vm) <= FORK_MAX_VM_MB * 1024


def start_child(fork: bool | None = None):
    """A query process waiting for its request (run_query_isolated's `child`): forked when
    `fork` is true, or, when it is None, when can_fork() says this process may; otherwise
    a fresh interpreter."""
    if fork if fork is not None else can_fork():
        return ForkedChild()
    import subprocess

    return subprocess.Popen(
        [sys.executable, "-m", "kg.sandbox"],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        close_fds=True,
    )


def stop_child(child) -> None:
    """Kill a child (start_child's) and reap it; close its pipes."""
    with contextlib.suppress(OSError):
        if child.poll() is None:
            child.kill()
            child.wait()
    for stream in (child.stdin, child.stdout, child.stderr):
        with contextlib.suppress(OSError):
            stream.close()


def run_query_isolated(
    request: Request,
    nquads: bytes | None = None,
    timeout_s: float = 60,
    outcome: Outcome | None = None,
    child=None,
) -> Iterator[bytes]:
    """Run `request` in a child process (`child`, from start_child, or one started now)
    and yield its serialised answer as it comes. Raise QueryTimeout after `timeout_s`,
    QueryError when the query fails; the child is killed on any exit (an error, a
    timeout, Ctrl-C, a consumer that stops reading)."""
    if child is None:
        child = start_child()
    timed_out = threading.Event()

    def expire() -> None:
        timed_out.set()
        with contextlib.suppress(OSError):
            child.kill()

    timer = threading.Timer(timeout_s, expire)
    timer.daemon = True
    timer.start()
    feeder = None
    try:
        feeder = _feed(child, request, nquads)
        assert child.stdout is not None and child.stderr is not None
        while True:
            chunk = child.stdout.read1(CHUNK)
            if not chunk:
                break
            yield chunk
        status_line = child.stderr.read().decode("utf-8", "replace").strip()
        child.wait()
        if timed_out.is_set():
            raise QueryTimeout(f"the query took longer than {timeout_s:g} s and was stopped")
        status = _status(status_line, child.returncode, request.memory_mb)
        if outcome is not None:
            outcome.rows, outcome.truncated = status["rows"], status["truncated"]
    finally:
        timer.cancel()
        stop_child(child)
        # no thread of this query outlives it: the next query of this process may fork
        timer.join()
        if feeder is not None:
            feeder.join()


def _feed(child, request: Request, nquads: bytes | None) -> threading.Thread | None:
    """The request as one JSON line on the child's stdin, then the N-Quads, if any (from a
    thread, returned: the child may start answering before it has read everything)."""
    payload = json.dumps(asdict(request)).encode("utf-8") + b"\n" + (nquads or b"")

    def write() -> None:
        with contextlib.suppress(OSError, ValueError):
            child.stdin.write(payload)
            child.stdin.close()

    if len(payload) < CHUNK:
        write()
        return None
    thread = threading.Thread(target=write, daemon=True)
    thread.start()
    return thread


def _status(line: str, code: int, memory_mb: int) -> dict:
    last = line.splitlines()[-1] if line else ""
    try:
        status = json.loads(last)
    except ValueError:
        status = None
    if code == 0 and isinstance(status, dict) and "rows" in status:
        return status
    if isinstance(status, dict) and "error" in status:
        raise QueryError(status["error"])
    if code in (-signal.SIGKILL, -signal.SIGABRT, -signal.SIGSEGV) or "memory" in line:
        raise QueryError(
            f"the query ran out of memory (the limit is {memory_mb:,} MB) and was stopped"
        )
    raise QueryError(f"the query process stopped unexpectedly (exit code {code})")


# -- the child side --------------------------------------------------------------------

_SOCKET_SYSCALL = {"x86_64": 41, "aarch64": 198}
_IO_URING_SETUP = 425
_AUDIT_ARCH = {"x86_64": 0xC000003E, "aarch64": 0xC00000B7}


def forbid_network() -> bool:
    """Install a seccomp filter: from now on this process (and its threads and children)
    may open Unix sockets only. Return False where the platform offers no such filter."""
    machine = platform.machine()
    if sys.platform != "linux" or machine not in _SOCKET_SYSCALL:
        return False
    nr, arch = _SOCKET_SYSCALL[machine], _AUDIT_ARCH[machine]
    ld, jeq, jge, ret = 0x20, 0x15, 0x35, 0x06
    allow, deny = 0x7FFF0000, 0x00050000 | 13  # SECCOMP_RET_ERRNO | EACCES
    program = [
        (ld, 0, 0, 4),  # seccomp_data.arch
        (jeq, 1, 0, arch),
        (ret, 0, 0, deny),  # another ABI: nothing
        (ld, 0, 0, 0),  # seccomp_data.nr
        (jge, 0, 1, 0x40000000),  # x32 system calls
        (ret, 0, 0, deny),
        (jeq, 0, 1, _IO_URING_SETUP),
        (ret, 0, 0, deny),
        (jeq, 0, 3, nr),  # socket(domain, ...)
        (ld, 0, 0, 16),  # args[0], the domain
        (jeq, 1, 0, 1),  # AF_UNIX
        (ret, 0, 0, deny),
        (ret, 0, 0, allow),
    ]

    class SockFilter(ctypes.Structure):
        _fields_ = [
            ("code", ctypes.c_ushort),
            ("jt", ctypes.c_ubyte),
            ("jf", ctypes.c_ubyte),
            ("k", ctypes.c_uint),
        ]

    class SockFprog(ctypes.Structure):
        _fields_ = [("len", ctypes.c_ushort), ("filter", ctypes.POINTER(SockFilter))]

    filters = (SockFilter * len(program))(*[SockFilter(*ins) for ins in program])
    prog = SockFprog(len(program), filters)
    libc = ctypes.CDLL(None, use_errno=True)
    if libc.prctl(38, 1, 0, 0, 0) != 0:  # PR_SET_NO_NEW_PRIVS
        return False
    return libc.prctl(22, 2, ctypes.byref(prog), 0, 0) == 0  # PR_SET_SECCOMP, FILTER


def _confine(memory_mb: int) -> None:
    import resource

    signal.signal(signal.SIGINT, signal.SIG_DFL)  # Ctrl-C stops the query at once
    signal.signal(signal.SIGPIPE, signal.SIG_DFL)
    with contextlib.suppress(OSError, AttributeError):
        ctypes.CDLL(None).prctl(1, signal.SIGKILL, 0, 0, 0)  # PR_SET_PDEATHSIG
        if os.getppid() == 1:
            os._exit(1)
    limit = memory_mb * 1024 * 1024
    with contextlib.suppress(ValueError, OSError):
        resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
    forbid_network()


def _child(stdin: IO[bytes], out: IO[bytes], err: IO[str]) -> int:
    """Read the request (one JSON line, then N-Quads if no store is named), confine this
    process, run the query; the answer goes to `out`, the status line (rows written, or
    the error) to `err`. A parent that closes `stdin` without a request ends it."""
    line = stdin.readline()
    if not line:
        return 1  # the parent gave up before sending a query (its screen refused it)
    request = Request(**json.loads(line))
    _confine(request.memory_mb)
    outcome = Outcome()
    try:
        import pyoxigraph as ox

        from kg.results import write_results

        if request.store is not None:
            try:
                store = ox.Store.read_only(request.store)
            except (OSError, RuntimeError) as exc:
                raise QueryError(
                    f"{request.store}: cannot open the store ({_first(exc)})"
                ) from None
            dataset = _dataset(store, request.store)
        else:
            store = ox.Store()
            store.load(stdin.read(), format=ox.RdfFormat.N_QUADS)
            dataset = {"use_default_graph_as_union": True}
        try:
            if request.order is not None:
                _sorted_here(store, dataset, request, out, outcome)
            else:
                write_results(store.query(request.text, **dataset), request, out, outcome)
        except SyntaxError as exc:
            raise QueryError(f"invalid SPARQL query: {_first(exc)}") from None
        out.flush()
    except QueryError as exc:
        err.write(json.dumps({"error": str(exc)}) + "\n")
        return 1
    except MemoryError:
        err.write(json.dumps({"error": _memory(request)}) + "\n")
        return 1
    except (OSError, RuntimeError, ValueError) as exc:
        text = _first(exc)
        if "memory" in text.lower() or "alloc" in text.lower():
            text = _memory(request)
        else:
            text = f"the query failed: {text}"
        err.write(json.dumps({"error": text}) + "\n")
        return 1
    err.write(json.dumps(asdict(outcome)) + "\n")
    return 0


def _sorted_here(store, dataset: dict, request: Request, out: IO[bytes], outcome: Outcome) -> None:
    """The request's query without its ORDER BY and DISTINCT, its rows sorted and made
    distinct here in bounded memory (kg.sorted_rows); the query as written if they cannot
    be (a sort key's values of a kind whose order kg does not know)."""
    from kg.results import write_results, write_solutions
    from kg.sorted_rows import Unsortable, sorted_solutions

    solutions = store.query(request.text, **dataset)
    try:
        variables, rows = sorted_solutions(solutions, request.order or [], request.distinct)
    except Unsortable:
        del solutions
        write_results(store.query(request.query, **dataset), request, out, outcome)
        return
    del solutions
    write_solutions(variables, rows, request, out, outcome)


def _dataset(store, path: str) -> dict:
    """The dataset a query of a store sees: the union of the article graphs. kg keeps the
    quarantine graphs in their own database (kg.layout), so the union is the clean graph.
    Only a store not recorded in that layout (kg 0.1's, or one whose move to it was cut
    short) may hold them among the article graphs, or one a kg 0.1 wrote into after it was
    recorded (a quarantined statement among the articles: kg.layout.quarantine_mixed_in);
    only then are the graphs listed, one by one: listing decodes every graph's name, which
    costs a large store tens of MB."""
    import pyoxigraph as ox

    from kg.layout import quarantine_apart, quarantine_mixed_in

    if quarantine_apart(path) and not quarantine_mixed_in(store):
        return {"use_default_graph_as_union": True}
    names = list(store.named_graphs())
    if not any(g.value.endswith("/quarantine") for g in names):
        return {"use_default_graph_as_union": True}
    graphs = [g for g in names if not g.value.endswith("/quarantine")]
    return {"default_graph": [ox.DefaultGraph(), *graphs], "named_graphs": graphs}


def _memory(request: Request) -> str:
    return f"the query ran out of memory (the limit is {request.memory_mb:,} MB) and was stopped"


def _first(exc: BaseException) -> str:
    return (str(exc).strip().splitlines() or [type(exc).__name__])[0]


if __name__ == "__main__":
    sys.exit(_child(sys.stdin.buffer, sys.stdout.buffer, sys.stderr))
