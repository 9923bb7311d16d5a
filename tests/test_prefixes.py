"""One IRI compaction, with the prefixes of ontology/context.jsonld, in every output."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

from kg.prefixes import compact_iri, prefixes
from kg.resources import ontology_dir


def test_the_longest_namespace_wins_whatever_the_order():
    short = {"ex": "http://example.org/", "exv": "http://example.org/vocab#"}
    iri = "http://example.org/vocab#Thing"
    assert compact_iri(iri, short) == "exv:Thing"
    assert compact_iri(iri, dict(reversed(short.items()))) == "exv:Thing"
    same = {"b": "http://example.org/", "a": "http://example.org/"}
    assert compact_iri("http://example.org/x", same) == "a:x"


def test_what_is_not_shortened():
    ns = {"schema": "https://schema.org/"}
    assert compact_iri("https://schema.org/", ns) == "https://schema.org/"  # nothing after it
    assert compact_iri("https://schema.org//weird", ns) == "schema:/weird"
    # schema://weird would be read by JSON-LD (and by a person) as another, absolute IRI
    assert compact_iri("https://schema.org///weird", ns) == "https://schema.org///weird"
    assert compact_iri("http://other.org/x", ns) == "http://other.org/x"


def test_the_prefixes_are_the_shipped_context():
    from kg.ontology import PREFIXES

    path = ontology_dir() / "context.jsonld"
    assert PREFIXES == prefixes() == json.loads(path.read_text(encoding="utf-8"))["@context"]


_PROBE = """
import json, pyoxigraph as ox
from kg.ontology import PREFIXES
from kg.results import cell_text
from kg.validate import compact
from kg.export import export_graph
iri = "http://example.org/zz/thing"
quad = ox.Quad(ox.NamedNode(iri), ox.NamedNode(iri), ox.NamedNode(iri))
doc = json.loads(export_graph([quad], "jsonld").data)
print(json.dumps([PREFIXES.get("zz"), cell_text(ox.NamedNode(iri), PREFIXES), compact(iri),
                  doc["@graph"][0]["@id"], doc["@context"].get("zz")]))
"""


def test_a_prefix_added_to_the_context_file_reaches_every_output(tmp_path: Path):
    """JSON-LD, query tables and reports read one file: adding a prefix there is enough."""
    onto = tmp_path / "ontology"
    shutil.copytree(ontology_dir(), onto)
    context = json.loads((onto / "context.jsonld").read_text(encoding="utf-8"))
    context["@context"]["zz"] = "http://example.org/zz/"
    (onto / "context.jsonld").write_text(json.dumps(context), encoding="utf-8")
    env = {**os.environ, "KG_ONTOLOGY_DIR": str(onto)}
    out = subprocess.run(
        [sys.executable, "-c", _PROBE], env=env, capture_output=True, text=True, check=True
    )
    assert json.loads(out.stdout) == [
        "http://example.org/zz/",
        "zz:thing",
        "zz:thing",
        "zz:thing",
        "http://example.org/zz/",
    ]
