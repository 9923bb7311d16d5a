"""kg.files: outputs written atomically, and targets that are not files written in place."""

from __future__ import annotations

import os
import stat
import threading

import pytest

from kg.errors import OutputError
from kg.files import atomic_writer, write_bytes


def test_a_file_is_written_whole_or_left_as_it_was(tmp_path):
    target = tmp_path / "out.txt"
    target.write_text("old", encoding="utf-8")
    with pytest.raises(RuntimeError), atomic_writer(target, "w") as handle:
        handle.write("half")
        raise RuntimeError("stopped")
    assert target.read_text(encoding="utf-8") == "old"
    assert [p.name for p in tmp_path.iterdir()] == ["out.txt"]  # no temporary file left
    write_bytes(target, b"new")
    assert target.read_bytes() == b"new"


def _reader(path, got: list[bytes]) -> threading.Thread:
    def read() -> None:
        with open(path, "rb") as f:
            got.append(f.read())

    thread = threading.Thread(target=read, daemon=True)
    thread.start()
    return thread


def test_a_named_pipe_is_written_in_place_not_replaced(tmp_path):
    # what `kg query -o /dev/null` did to the null device as root: the rename put a regular
    # file in its place (a pipe stands in for the device: this test must not break one)
    fifo = tmp_path / "answers"
    os.mkfifo(fifo)
    got: list[bytes] = []
    reader = _reader(fifo, got)
    write_bytes(fifo, b"some answers\n")
    reader.join(timeout=10)
    assert got == [b"some answers\n"]
    assert stat.S_ISFIFO(os.stat(fifo).st_mode)
    assert [p.name for p in tmp_path.iterdir()] == ["answers"]


def test_a_device_is_written_in_place(tmp_path, monkeypatch):
    # the device itself is never handed to the rename: had it been, the test would have
    # failed on the temporary file made in /dev (refused here by the stand-in below)
    def no_temporary(*args, **kwargs):
        raise AssertionError("a temporary file was made next to a device")

    monkeypatch.setattr("kg.files.tempfile.mkstemp", no_temporary)
    with atomic_writer("/dev/null", "w") as handle:
        handle.write("nothing to keep")
    assert stat.S_ISCHR(os.stat("/dev/null").st_mode)


def test_a_folder_is_still_refused(tmp_path):
    with pytest.raises(OutputError), atomic_writer(tmp_path, "w") as handle:
        handle.write("x")
