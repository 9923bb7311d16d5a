"""Reading user files strictly and writing outputs atomically."""

from __future__ import annotations

import contextlib
import os
import stat
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import IO

from kg.errors import InputError, OutputError


def read_bytes(path: Path | str) -> bytes:
    """The bytes of a file that must exist and not be empty."""
    path = Path(path)
    if not path.exists():
        raise InputError(f"{path}: no such file")
    if path.is_dir():
        raise InputError(f"{path}: is a folder, not a file")
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise InputError(f"{path}: cannot read ({exc.strerror})") from None
    if not data.strip():
        raise InputError(f"{path}: the file is empty")
    return data


def decode_text(data: bytes, name: str) -> str:
    """UTF-8 text (a BOM is dropped); binary or undecodable bytes are an error."""
    if b"\x00" in data[:8192]:
        raise InputError(f"{name}: looks like a binary file, not UTF-8 text")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise InputError(
            f"{name}: not UTF-8 text (invalid byte 0x{data[exc.start]:02x} at offset {exc.start})"
        ) from None


def read_text(path: Path | str) -> str:
    return decode_text(read_bytes(path), str(path))


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def _special(path: Path) -> bool:
    """Whether `path` names something that exists and is neither a regular file nor a
    folder (its target, for a symbolic link)."""
    try:
        mode = path.stat().st_mode
    except OSError:
        return False
    return not (stat.S_ISREG(mode) or stat.S_ISDIR(mode))


def _written_in_place(path: Path, mode: str) -> Iterator[IO]:
    try:
        handle = open(path, mode, encoding=None if "b" in mode else "utf-8")  # noqa: SIM115
    except OSError as exc:
        raise OutputError(f"{path}: cannot write ({exc.strerror})") from None
    try:
        with handle:
            yield handle
    except OSError as exc:
        raise OutputError(f"{path}: cannot write ({exc.strerror or exc})") from None


@contextlib.contextmanager
def atomic_writer(path: Path | str, mode: str = "wb") -> Iterator[IO]:
    """Write to a temporary file in the target's folder, then rename it into place.

    On any error the temporary file is removed and the target is left as it was.

    A target that exists and is not a regular file or a folder (a device such as /dev/null
    or /dev/stdout, a named pipe, a socket) is written in place: a rename would put a
    regular file where it was (run as root, `-o /dev/null` replaced the system's null
    device), and none of them can be written whole or not at all."""
    path = Path(path)
    if _special(path):
        yield from _written_in_place(path, mode)
        return
    folder = path.parent
    try:
        folder.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=folder)
    except OSError as exc:
        raise OutputError(f"{path}: cannot write ({exc.strerror})") from None
    try:
        encoding = None if "b" in mode else "utf-8"
        with os.fdopen(fd, mode, encoding=encoding) as handle:
            yield handle
        os.chmod(tmp, 0o666 & ~_umask())
        os.replace(tmp, path)
    except BaseException as exc:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        if isinstance(exc, OSError):
            raise OutputError(f"{path}: cannot write ({exc.strerror or exc})") from None
        raise


def write_bytes(path: Path | str, data: bytes) -> None:
    with atomic_writer(path, "wb") as handle:
        handle.write(data)
