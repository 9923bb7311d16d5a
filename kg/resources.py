"""Where kg finds its ontology and data files, in a checkout or an installed wheel."""

from __future__ import annotations

import os
from pathlib import Path

_PACKAGE = Path(__file__).resolve().parent
_ROOT = _PACKAGE.parent


def _find(installed: Path, checkout: Path) -> Path:
    return installed if installed.exists() else checkout


def ontology_dir() -> Path:
    """The folder holding kg.ttl, shapes.ttl, context.jsonld and queries/."""
    env = os.environ.get("KG_ONTOLOGY_DIR")
    if env:
        return Path(env)
    return _find(_PACKAGE / "_data" / "ontology", _ROOT / "ontology")


def data_path(name: str) -> Path:
    """A data file shipped with kg (gazetteer.yaml, patterns/...)."""
    env = os.environ.get("KG_DATA_DIR")
    if env:
        return Path(env) / name
    return _find(_PACKAGE / "_data" / name, _ROOT / "data" / name)
