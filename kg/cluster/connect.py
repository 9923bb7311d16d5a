"""Reaching a Dask scheduler, or starting a LocalCluster on the loopback, for one build."""

from __future__ import annotations

import logging
import re
import signal
import threading
import warnings
from collections.abc import Iterator
from contextlib import contextmanager

from kg import __version__
from kg.errors import KgError

_LOCAL = re.compile(r"local:(\d+)")
_REMOTE = re.compile(r"(?:(?:tcp|tls|ws|wss|inproc)://)?[\w.\-\[\]:]+:\d+")


# A LocalCluster's own clockwork, slowed down: with Dask's defaults the scheduler, nannies
# and workers of local:2 spend ~70 ms of CPU per second even when idle (a tick every 20 ms
# per server, memory checks every 100 ms, system monitors, work stealing every 100 ms),
# and on a build that is CPU taken from spaCy; with these, ~6 ms (benchmarks/cluster.py).
# Only how often they look changes: tasks, heartbeats and failure detection do not.
LOCAL_CONFIG = {
    "distributed.worker.profile.enabled": False,  # samples every 10 ms
    "distributed.admin.tick.interval": "1s",  # only measures event loop stalls
    "distributed.admin.system-monitor.interval": "2s",  # dashboard figures
    "distributed.worker.memory.monitor-interval": "1s",
    "distributed.scheduler.work-stealing-interval": "1s",
}


# What Dask puts in a worker process's environment before it starts, without Dask's
# MALLOC_TRIM_THRESHOLD_=65536 (memory back to the system sooner): with it glibc trims its
# heap all the time, and spaCy, which allocates a lot, extracted ~7% slower than in a
# process with glibc's default (benchmarks/cluster.py). The thread limits of numerical
# libraries stay. Dask warns on stderr when a server's scratch directory took over a second
# to make, which on a loaded machine is any start: not the user's concern (their build's
# stderr is one line a problem), so the workers ignore that warning as the parent does.
SLOW_SCRATCH = "Creating scratch directories is taking a surprisingly long time"
WORKER_ENVIRON = {
    "distributed.nanny.pre-spawn-environ": {
        "OMP_NUM_THREADS": 1,
        "MKL_NUM_THREADS": 1,
        "OPENBLAS_NUM_THREADS": 1,
        "PYTHONWARNINGS": f"ignore:{SLOW_SCRATCH}:UserWarning",
    }
}


def dask_environment(config: dict = LOCAL_CONFIG) -> dict[str, str]:
    """The settings as the environment variables `dask scheduler` and `dask worker` read
    (DASK_DISTRIBUTED__ADMIN__TICK__INTERVAL=1s, ...): for clusters kg does not start."""
    env = {}
    for key, value in config.items():
        name = "DASK_" + "__".join(part.replace("-", "_") for part in key.split(".")).upper()
        env[name] = str(value)
    return env


class ClusterError(KgError):
    """The cluster cannot be reached or cannot run kg."""


def _kg_version() -> str:  # runs on each worker
    from kg import __version__ as version

    return version


@contextmanager
def _children_ignore_ctrl_c() -> Iterator[None]:
    """Processes started inside ignore SIGINT (an ignored signal stays ignored across exec,
    and Python then installs no KeyboardInterrupt handler): a Ctrl-C in the terminal reaches
    only this process, which stops the cluster in order, instead of every worker printing
    a traceback."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    previous = signal.signal(signal.SIGINT, signal.SIG_IGN)
    try:
        yield
    finally:
        signal.signal(signal.SIGINT, previous)


@contextmanager
def connect(address: str, model: str | None = None, timeout: float = 10.0) -> Iterator:
    """A dask.distributed Client for `address`: `local:N` starts N worker processes on
    127.0.0.1 (no dashboard) and stops them afterwards; anything else is a scheduler
    address such as tcp://host:8786. Every worker must run this kg version; each loads the
    spaCy pipeline once, when it joins."""
    import dask
    from distributed import Client, LocalCluster

    from kg.cluster.tasks import PreloadModel

    cluster = None
    local = _LOCAL.fullmatch(address)
    if local:
        n = int(local.group(1))
        if not 1 <= n <= 256:
            raise ClusterError(f"--dask {address}: the number of local workers must be 1 to 256")
        with (
            warnings.catch_warnings(),
            _children_ignore_ctrl_c(),
            dask.config.set(LOCAL_CONFIG | WORKER_ENVIRON),
        ):
            # the scheduler's small HTTP server (health, metrics) takes another loopback
            # port when 8787 is taken, and says so: not the user's concern
            warnings.filterwarnings("ignore", message="Port .* is already in use")
            warnings.filterwarnings("ignore", message=SLOW_SCRATCH, category=UserWarning)
            cluster = LocalCluster(
                n_workers=n,
                threads_per_worker=1,
                processes=True,
                host="127.0.0.1",
                dashboard_address=None,
                worker_dashboard_address=None,
                silence_logs=logging.CRITICAL,  # failed tasks are reported in the summary
            )
        target: object = cluster
    elif _REMOTE.fullmatch(address):
        target = address
    else:
        raise ClusterError(
            f"--dask {address!r}: give a scheduler address (tcp://host:8786) or local:N"
        )
    client = None
    try:
        try:
            client = Client(target, timeout=timeout, set_as_default=False)
        except (OSError, TimeoutError) as exc:
            reason = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
            raise ClusterError(
                f"cannot reach the Dask scheduler at {address} ({reason}); "
                "start one with 'dask scheduler', or use --dask local:N"
            ) from None
        try:
            client.wait_for_workers(1, timeout=timeout)
        except (OSError, TimeoutError):
            raise ClusterError(
                f"the Dask scheduler at {address} has no workers after {timeout:g} s; "
                f"start some with 'dask worker {address} --nthreads 1'"
            ) from None
        versions = client.run(_kg_version)
        wrong = sorted({v for v in versions.values() if v != __version__})
        if wrong:
            raise ClusterError(
                f"the workers of {address} run kg {', '.join(wrong)}, this client kg "
                f"{__version__}: install the same kg everywhere"
            )
        client.register_plugin(PreloadModel(model), name="kg-model")
        yield client
    finally:
        if client is not None:
            client.close()
        if cluster is not None:
            cluster.close()
