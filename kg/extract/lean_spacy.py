"""spaCy imported without its command line.

`import spacy` runs `from .cli.info import info` (the `spacy.info()` function), and importing
`spacy.cli` imports every command of spaCy's command line with what they use (typer, weasel,
the project and training commands): some 350 modules that kg never calls, about 0.2 s of CPU
at the start of every process that extracts (a third of spaCy's import), and a serial part
of every `kg build --jobs N` before its workers can be forked.

`install()` (called by `kg.extract`'s `__init__`, before any of kg's modules imports spaCy)
puts an import hook in front of Python's: while spaCy's package initialises, its request for
`spacy.cli.info` gets a stand-in module whose `info` imports the real `spacy.cli.info`
when called. As soon as spaCy has taken that name the stand-ins are dropped from
`sys.modules` and the hook removes itself, so a later `import spacy.cli` (a user's, or
`spacy.info()`) imports the real command line. A name spaCy would take from the stand-in
other than `info` imports the real module there and then (what spaCy did before), so a
spaCy that changes its imports still gets what it asks for. If spaCy is already imported,
nothing is installed."""

from __future__ import annotations

import importlib
import importlib.abc
import importlib.machinery
import sys
import types

_NAMES = ("spacy.cli", "spacy.cli.info")


def info(*args, **kwargs):
    """spaCy's `spacy.info()`: the real function, imported when called."""
    from spacy.cli.info import info as real

    return real(*args, **kwargs)


class _Standin(types.ModuleType):
    def __getattr__(self, name: str):
        if name.startswith("__"):  # the import system's questions (__path__ ...)
            raise AttributeError(name)
        _drop_standins()
        if self.__name__ == "spacy.cli.info" and name == "info":
            return info
        return getattr(importlib.import_module(self.__name__), name)


class _Loader(importlib.abc.Loader):
    def create_module(self, spec):
        module = _Standin(spec.name)
        if spec.name == "spacy.cli":
            module.__path__ = []  # a package, so that spacy.cli.info can be found in it
        return module

    def exec_module(self, module) -> None:
        return None


class _Finder(importlib.abc.MetaPathFinder):
    def find_spec(self, fullname, path=None, target=None):
        if fullname not in _NAMES or "spacy" not in sys.modules:
            return None
        return importlib.machinery.ModuleSpec(
            fullname, _Loader(), is_package=fullname == "spacy.cli"
        )


_FINDER = _Finder()


def _drop_standins() -> None:
    """Forget the stand-ins and the hook: from now on spacy.cli is imported for real."""
    if _FINDER in sys.meta_path:
        sys.meta_path.remove(_FINDER)
    for name in _NAMES:
        if isinstance(sys.modules.get(name), _Standin):
            del sys.modules[name]
    spacy = sys.modules.get("spacy")
    if isinstance(getattr(spacy, "cli", None), _Standin):
        delattr(spacy, "cli")


def install() -> None:
    """Have the next `import spacy` skip spaCy's command line (nothing if spaCy is
    already imported, or the hook already installed)."""
    if "spacy" in sys.modules or _FINDER in sys.meta_path:
        return
    sys.meta_path.insert(0, _FINDER)
