"""The extractor's YAML files read through a cache of their parsed data, as Python reads a
module through its byte-code cache.

libyaml parses the files fast, but PyYAML builds their objects in Python: the four files of
data/ (some 10,000 nodes) took about 0.04 s of CPU, once in every process that extracts,
and in the serial start of a `kg build --jobs N` before its workers are forked. Their data
kept with `marshal` reads in about 2 ms.

A cache file sits in a `__pycache__` folder beside its YAML file, named after a hash of
the YAML text and of what could read it differently (PyYAML's version and loader, marshal's
format, Python's version): an edited file, another PyYAML or another Python never reads an
old cache, it makes its own. A cache is written (atomically, by a rename) unless Python
writes no byte code either (`sys.dont_write_bytecode`, PYTHONDONTWRITEBYTECODE), and only
where it can be: a read-only installation parses its files each time, as before. Data that
`marshal` cannot hold (a YAML timestamp) is never cached.
"""

from __future__ import annotations

import glob
import hashlib
import marshal
import os
import sys
import tempfile
from pathlib import Path
from typing import Any

import yaml

# libyaml's parser where PyYAML was built with it: the same data, some ten times faster to
# read (the extractor's files are read by every process that extracts)
LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_FORMAT = f"{yaml.__version__} {LOADER.__name__} {marshal.version} {sys.version_info[:2]}"
_MISSING = object()


def load(path: Path) -> Any:
    """The data of a YAML file (raises OSError, UnicodeDecodeError, yaml.YAMLError)."""
    text = path.read_text(encoding="utf-8")
    cache = cache_path(path, text)
    data = _read(cache)
    if data is _MISSING:
        data = yaml.load(text, Loader=LOADER)
        if not sys.dont_write_bytecode:
            _write(cache, data, path.name)
    return data


def cache_path(path: Path, text: str) -> Path:
    key = hashlib.sha256(f"{_FORMAT}\n{text}".encode()).hexdigest()[:24]
    return path.parent / "__pycache__" / f"{path.name}.{key}.marshal"


def _read(cache: Path) -> Any:
    try:
        return marshal.loads(cache.read_bytes())
    except (OSError, EOFError, ValueError, TypeError):  # none yet, or unreadable: parsed
        return _MISSING


def _write(cache: Path, data: Any, name: str) -> None:
    try:
        blob = marshal.dumps(data)
    except ValueError:  # an object marshal cannot hold
        return
    try:
        cache.parent.mkdir(exist_ok=True)
        for old in cache.parent.glob(f"{glob.escape(name)}.*.marshal"):
            old.unlink(missing_ok=True)  # the data of an earlier version of the file
        fd, tmp = tempfile.mkstemp(dir=cache.parent, prefix=".tmp-", suffix=".marshal")
        try:
            with os.fdopen(fd, "wb") as out:
                out.write(blob)
            os.replace(tmp, cache)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise
    except OSError:  # a folder kg may not write to: parsed again next time
        return
