"""What a process that extracts loads at its start (kg.extract.lean_spacy, kg.extract.nlp):
the same pipeline, with less of spaCy imported and built on the way."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

PROBE = """
import json, sys
import kg.extract.pipeline  # imports spaCy through kg's modules
import spacy
from kg.extract import lean_spacy
seen = {
    "spacy": "spacy" in sys.modules,
    "cli_before": sorted(m for m in sys.modules if m.startswith("spacy.cli")),
    "hook_left": any(isinstance(f, lean_spacy._Finder) for f in sys.meta_path),
    "info_is_lazy": spacy.info is lean_spacy.info,
}
import spacy.cli  # a user's import of the command line gets the real one
seen["real_cli"] = hasattr(spacy.cli, "download") and hasattr(spacy.cli, "train")
seen["info_runs"] = isinstance(spacy.info(silent=True), dict)
print(json.dumps(seen))
"""


def test_kg_imports_spacy_without_its_command_line_and_leaves_the_real_one_importable():
    done = subprocess.run(
        [sys.executable, "-c", PROBE], cwd=ROOT, capture_output=True, text=True, check=True
    )
    seen = json.loads(done.stdout.strip().splitlines()[-1])
    assert seen == {
        "spacy": True,
        "cli_before": [],
        "hook_left": False,
        "info_is_lazy": True,
        "real_cli": True,
        "info_runs": True,
    }


def test_a_package_tokenizer_loaded_from_blank_is_the_one_spacy_loads():
    import spacy

    from kg.extract.nlp import FALLBACK_MODEL, OFFICIAL_MODEL, _load

    name = OFFICIAL_MODEL if spacy.util.is_package(OFFICIAL_MODEL) else FALLBACK_MODEL
    ordinary = spacy.load(name)
    lean = _load(spacy, name)
    assert lean.config["nlp"]["tokenizer"] != ordinary.config["nlp"]["tokenizer"]
    assert lean.tokenizer.to_bytes(exclude=["vocab"]) == ordinary.tokenizer.to_bytes(
        exclude=["vocab"]
    )
    text = "Mira Solvang didn't fly to the U.S. on 3 May; e-mail: m.solvang@velmar.no (ok)."
    assert [t.text for t in lean(text)] == [t.text for t in ordinary(text)]


def test_a_package_that_leaves_the_blank_tokenizer_blank_is_loaded_the_ordinary_way(monkeypatch):
    import spacy

    from kg.extract.nlp import FALLBACK_MODEL, OFFICIAL_MODEL, _load

    name = OFFICIAL_MODEL if spacy.util.is_package(OFFICIAL_MODEL) else FALLBACK_MODEL
    load = spacy.load

    def without_tokenizer_files(name, **kwargs):  # a package whose files hold no tokenizer
        if "config" in kwargs:
            kwargs["exclude"] = ["tokenizer"]
        return load(name, **kwargs)

    monkeypatch.setattr(spacy, "load", without_tokenizer_files)
    nlp = _load(spacy, name)
    assert nlp.tokenizer.rules
    assert [t.text for t in nlp("Tomas Ekberg didn't go.")] == [
        "Tomas",
        "Ekberg",
        "did",
        "n't",
        "go",
        ".",
    ]


def test_a_model_load_asks_srsly_for_its_msgpack_decoders_once(monkeypatch):
    """srsly looked up every msgpack decoder again for each document of the package
    (about 130 lookups, each over catalogue's registry and every package's entry points);
    during kg's load they are read once, and the registry is left as it was."""
    import catalogue
    import spacy
    from srsly.msgpack import msgpack_decoders

    from kg.extract.nlp import FALLBACK_MODEL, OFFICIAL_MODEL, _load

    name = OFFICIAL_MODEL if spacy.util.is_package(OFFICIAL_MODEL) else FALLBACK_MODEL
    asked = []
    get_all = catalogue.Registry.get_all

    def counted(registry):
        if registry is msgpack_decoders:
            asked.append(1)
        return get_all(registry)

    monkeypatch.setattr(catalogue.Registry, "get_all", counted)
    nlp = _load(spacy, name)
    assert len(asked) == 1
    assert "get_all" not in vars(msgpack_decoders)
    assert [t.text for t in nlp("Mira Solvang met Tomas Ekberg in Velmar.")][:2] == [
        "Mira",
        "Solvang",
    ]
    assert "numpy" in msgpack_decoders.get_all()


def test_a_pipeline_load_selects_each_entry_point_group_once(monkeypatch):
    """spaCy asks catalogue for an entry point of each function its config names (some 75
    asks in spacy_architectures alone), and each ask selected the group again from every
    package's entry points; during kg's load each group is selected once, each ask gets
    what that select returned, and catalogue's object is left as it was."""
    import catalogue
    import spacy

    from kg.extract.nlp import FALLBACK_MODEL, OFFICIAL_MODEL, load_pipeline

    name = OFFICIAL_MODEL if spacy.util.is_package(OFFICIAL_MODEL) else FALLBACK_MODEL
    every = catalogue.AVAILABLE_ENTRY_POINTS
    asked: list[str] = []

    class Counted:
        def select(self, **params):
            asked.append(params.get("group"))
            return every.select(**params)

    counted = Counted()
    monkeypatch.setattr(catalogue, "AVAILABLE_ENTRY_POINTS", counted)
    nlp = load_pipeline.__wrapped__(name)  # a load of its own, not the cached pipeline
    assert "spacy_architectures" in asked
    assert len(asked) == len(set(asked))
    assert catalogue.AVAILABLE_ENTRY_POINTS is counted
    assert [t.text for t in nlp("Mira Solvang met Tomas Ekberg in Velmar.")][:2] == [
        "Mira",
        "Solvang",
    ]
