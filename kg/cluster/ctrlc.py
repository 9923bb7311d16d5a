"""Ctrl-C in the client of a cluster build, taken only where the client waits for results.

Python raises KeyboardInterrupt wherever the main thread happens to be: inside Dask's
locks and callbacks, a finalizer (which swallows it), the store's loader. A build stopped
there may never close its cluster, or run on. Here the signal only sets a flag; the client
raises KeyboardInterrupt itself while it sleeps between results, or at its next check, so
that closing the cluster and the store always runs from a known state.
"""

from __future__ import annotations

import signal
import threading
import time


class CtrlC:
    """A context: inside it, SIGINT is held until `wait` or `check` (main thread only, and
    only where SIGINT has Python's default handler: an ignored SIGINT stays ignored)."""

    def __init__(self) -> None:
        self.pressed = False
        self._sleeping = False
        self._previous = None

    def __enter__(self) -> CtrlC:
        if (
            threading.current_thread() is threading.main_thread()
            and signal.getsignal(signal.SIGINT) is signal.default_int_handler
        ):
            self._previous = signal.signal(signal.SIGINT, self._handle)
        return self

    def __exit__(self, *exc) -> None:
        if self._previous is not None:
            signal.signal(signal.SIGINT, self._previous)
            self._previous = None

    def _handle(self, signum, frame) -> None:
        self.pressed = True
        if self._sleeping:  # in time.sleep below: a known place to stop
            raise KeyboardInterrupt

    def check(self) -> None:
        """Raise KeyboardInterrupt if Ctrl-C was pressed."""
        if self.pressed:
            raise KeyboardInterrupt

    def wait(self, seconds: float) -> None:
        """Sleep, unless or until Ctrl-C is pressed."""
        self.check()
        self._sleeping = True
        try:
            time.sleep(seconds)
        finally:
            self._sleeping = False
