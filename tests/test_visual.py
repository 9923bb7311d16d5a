"""The property-graph view and the visual exports, checked by the tools that read them."""

from __future__ import annotations

import copy
import json
import re
import shutil
import subprocess
import xml.etree.ElementTree as ET

import networkx as nx
import pytest
from click.testing import CliRunner

from kg.build import build
from kg.cli import cli
from kg.errors import KgError
from kg.export import export_graph
from kg.graphview import project, stats
from kg.statements import parse_statements

NASTY = (
    'Ana "<b>&</b>" Ortiz\x07 '
    '</script><script>document.body.setAttribute("data-pwned","1")</script>'
)


@pytest.fixture(scope="module")
def view(gold_quads):
    return project(gold_quads).graph


@pytest.fixture(scope="module")
def nasty_quads():
    from kg.statements import load_statements, to_document
    from tests.conftest import SAMPLE_GOLD

    st = load_statements(SAMPLE_GOLD)
    doc = to_document(st)
    doc["article"].pop("text_file")
    doc["article"].pop("text_sha256")
    doc["article"]["text"] = st.article.text
    doc = copy.deepcopy(doc)
    doc["entities"][0]["label"] = NASTY
    return build([parse_statements(doc, "x.yaml")]).main_quads


def test_projection_has_entities_and_relations(view):
    assert view.number_of_nodes() == 25
    rubio = next(n for n, d in view.nodes(data=True) if d["label"] == "Marco Rubio")
    assert view.nodes[rubio]["cls"] == "Person" and view.nodes[rubio]["degree"] >= 4
    edge = next(d for s, o, d in view.edges(data=True) if d["relation"] == "contributesTo")
    assert edge["modality"] == "Offered" and edge["attribution"] == "Marco Rubio"
    assert edge["label"] == "contributes to (offered)" and not edge["plain"]
    assert "Pakistan has offered" in edge["sentence"]
    fact = next(d for s, o, d in view.edges(data=True) if d["relation"] == "partOf")
    assert fact["label"] == "part of" and fact["plain"] and fact["modality"] == "Asserted"


def test_focus_depth_class_and_max_nodes(gold_quads):
    focused = project(gold_quads, focus="Munir", depth=1)
    labels = {d["label"] for _n, d in focused.graph.nodes(data=True)}
    assert labels == {
        "Asim Munir",
        "Army Chief of Pakistan",
        "Pakistan Army",
        "Washington",
        "Donald Trump",
    }
    assert focused.left_out["beyond the focus"] == 20
    people = project(gold_quads, keep_classes=["Person"]).graph
    assert {d["cls"] for _n, d in people.nodes(data=True)} == {"Person"}
    actors = project(gold_quads, keep_classes=["Actor"]).graph
    assert "Country" in {d["cls"] for _n, d in actors.nodes(data=True)}
    small = project(gold_quads, max_nodes=5)
    assert small.graph.number_of_nodes() == 5
    assert small.left_out["less connected (--max-nodes)"] == 20


def test_optional_literal_provenance_and_class_nodes(gold_quads):
    g = project(gold_quads, literals=True, provenance=True, classes_as_nodes=True).graph
    classes = {d["cls"] for _n, d in g.nodes(data=True)}
    assert {"Literal", "Article", "Class"} <= classes


def test_unknown_focus_and_class_are_clear_errors(gold_quads):
    with pytest.raises(KgError, match="no entity named 'Nobody'"):
        project(gold_quads, focus="Nobody")
    with pytest.raises(KgError, match="unknown class 'Wizard'"):
        project(gold_quads, keep_classes=["Wizard"])


def test_graphml_round_trips_through_networkx(gold_quads, view):
    data = export_graph(gold_quads, "graphml").data
    g = nx.read_graphml(_tmp_file(data, "graphml"))
    assert g.number_of_nodes() == view.number_of_nodes()
    assert g.number_of_edges() == view.number_of_edges()
    labels = {d["label"] for _n, d in g.nodes(data=True)}
    assert "Marco Rubio" in labels
    assert all(re.fullmatch(r"#[0-9a-f]{6}", d["color"]) for _n, d in g.nodes(data=True))
    _structure_ok(data, "{http://graphml.graphdrawing.org/xmlns}")


def test_gexf_round_trips_through_networkx_with_colours(gold_quads, view):
    data = export_graph(gold_quads, "gexf").data
    g = nx.read_gexf(_tmp_file(data, "gexf"))
    assert g.number_of_nodes() == view.number_of_nodes()
    assert g.number_of_edges() == view.number_of_edges()
    node = next(d for _n, d in g.nodes(data=True) if d["label"] == "Marco Rubio")
    assert set(node["viz"]["color"]) >= {"r", "g", "b"}
    _structure_ok(data, "{http://www.gexf.net/1.2draft}")


def test_cytoscape_elements(gold_quads, view):
    doc = json.loads(export_graph(gold_quads, "cytoscape").data)
    nodes, edges = doc["elements"]["nodes"], doc["elements"]["edges"]
    assert len(nodes) == view.number_of_nodes() and len(edges) == view.number_of_edges()
    ids = {n["data"]["id"] for n in nodes}
    assert all(e["data"]["source"] in ids and e["data"]["target"] in ids for e in edges)


def test_dot_renders_with_graphviz(gold_quads, nasty_quads):
    for quads in (gold_quads, nasty_quads):
        data = export_graph(quads, "dot").data
        svg = subprocess.run(["dot", "-Tsvg"], input=data, capture_output=True, check=True).stdout
        assert b"<svg" in svg
    assert (
        b"Marco Rubio"
        in subprocess.run(
            ["dot", "-Tsvg"], input=export_graph(gold_quads, "dot").data, capture_output=True
        ).stdout
    )


def test_neo4j_csv_and_cypher(gold_quads, view):
    files = export_graph(gold_quads, "neo4j").data
    nodes = files["nodes.csv"].decode().splitlines()
    rels = files["relationships.csv"].decode().splitlines()
    assert nodes[0].startswith("id:ID,") and nodes[0].endswith(":LABEL")
    assert rels[0].startswith(":START_ID,:END_ID,:TYPE")
    assert len(nodes) - 1 == view.number_of_nodes() and len(rels) - 1 == view.number_of_edges()
    cypher = files["load.cypher"].decode()
    assert cypher.count("\nCREATE (:Entity:") == view.number_of_nodes()
    assert cypher.count(")-[:") == view.number_of_edges()
    assert "CONTRIBUTES_TO" in cypher


def test_nasty_labels_still_give_well_formed_xml(nasty_quads, tmp_path):
    for fmt in ("graphml", "gexf"):
        path = tmp_path / f"g.{fmt}"
        path.write_bytes(export_graph(nasty_quads, fmt).data)
        subprocess.run(["xmllint", "--noout", str(path)], check=True, capture_output=True)
        assert b"\x07" not in path.read_bytes()


def test_html_embeds_escaped_json_and_no_network(nasty_quads):
    page = export_graph(nasty_quads, "html").data.decode()
    data = page.split('<script type="application/json" id="kg-data">', 1)[1].split("</script>")[0]
    assert "<" not in data and json.loads(data)["nodes"]
    assert not re.search(r"""(src|href)\s*=\s*["']https?:""", page)  # nothing from a CDN
    assert "<script src=" not in page and "<link " not in page


def test_empty_graph_gives_empty_valid_files(tmp_path):
    import pyoxigraph as ox

    quads = [
        ox.Quad(
            ox.NamedNode("http://example.org/a"),
            ox.NamedNode("http://example.org/p"),
            ox.Literal("x"),
            ox.DefaultGraph(),
        )
    ]
    for fmt in ("graphml", "gexf"):
        ET.fromstring(export_graph(quads, fmt).data)
    assert json.loads(export_graph(quads, "cytoscape").data)["elements"]["nodes"] == []


def test_stats(view):
    s = stats(view)
    assert s["nodes"] == 25 and s["classes"]["Person"] == 4
    assert s["predicates"]["holdsTalksWith"] == 3
    assert s["most_connected"][0]["degree"] >= 4
    assert sum(s["components"]["sizes"]) == 25


def test_cli_export_and_stats(tmp_path):
    from tests.conftest import SAMPLE_GOLD

    runner = CliRunner()
    out = tmp_path / "b"
    assert runner.invoke(cli, ["build", str(SAMPLE_GOLD), "--out", str(out)]).exit_code == 0
    graph = str(out / "kg.nq")
    result = runner.invoke(
        cli,
        ["export", graph, "--format", "gexf", "--max-nodes", "3", "-o", str(tmp_path / "g.gexf")],
    )
    assert result.exit_code == 0 and "left out 22 entities" in result.stderr
    result = runner.invoke(cli, ["export", graph, "--format", "neo4j", "-o", str(tmp_path / "n")])
    assert result.exit_code == 0 and (tmp_path / "n" / "load.cypher").exists()
    result = runner.invoke(cli, ["export", graph, "--format", "neo4j"])
    assert result.exit_code == 2
    result = runner.invoke(cli, ["export", graph, "--format", "dot", "--focus", "Nobody"])
    assert result.exit_code == 2 and "no entity named" in result.stderr
    result = runner.invoke(cli, ["stats", graph, "--format", "json"])
    assert json.loads(result.stdout)["nodes"] == 25


def test_claims_are_drawn_apart_and_filtered_by_modality(gold_quads, view):
    claims = {
        (d["relation"], d["modality"]) for _s, _o, d in view.edges(data=True) if not d["plain"]
    }
    assert {("disarms", "Refused"), ("visits", "Possible"), ("governs", "Planned")} <= claims
    dot = export_graph(gold_quads, "dot").data.decode()
    assert re.search(r'label="disarms \(refused\)", style=dashed', dot)
    assert re.search(r'label="part of"\]', dot)
    facts = project(gold_quads, modalities=["asserted"]).graph
    assert {d["modality"] for _s, _o, d in facts.edges(data=True)} == {"Asserted"}
    assert facts.number_of_edges() == sum(d["plain"] for _s, _o, d in view.edges(data=True))
    refused = project(gold_quads, modalities=["refused", "possible"]).graph
    assert {d["relation"] for _s, _o, d in refused.edges(data=True)} == {
        "disarms",
        "visits",
        "meets",
    }
    with pytest.raises(KgError, match="unknown modality 'rumoured'"):
        project(gold_quads, modalities=["rumoured"])


def test_cli_modality_option(tmp_path):
    from tests.conftest import SAMPLE_GOLD

    runner = CliRunner()
    out = tmp_path / "b"
    assert runner.invoke(cli, ["build", str(SAMPLE_GOLD), "--out", str(out)]).exit_code == 0
    graph = str(out / "kg.nq")
    result = runner.invoke(cli, ["stats", graph, "--format", "json", "--modality", "asserted"])
    assert "disarms" not in json.loads(result.stdout)["predicates"]
    result = runner.invoke(cli, ["stats", graph, "--format", "json"])
    assert json.loads(result.stdout)["predicates"]["disarms"] == 1
    path = tmp_path / "claims.graphml"
    result = runner.invoke(
        cli, ["export", graph, "-f", "graphml", "--modality", "refused", "-o", str(path)]
    )
    assert result.exit_code == 0
    assert {d["modality"] for _s, _o, d in nx.read_graphml(path).edges(data=True)} == {"Refused"}
    result = runner.invoke(cli, ["export", graph, "-f", "dot", "--modality", "maybe"])
    assert result.exit_code == 2 and "unknown modality 'maybe'" in result.stderr


# -- in a real browser -----------------------------------------------------------------------------


CHROMIUM_FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--virtual-time-budget=8000",
]


def _chromium_dom(path, profile) -> str:
    exe = shutil.which("chromium") or shutil.which("chromium-browser")
    out = subprocess.run(
        [exe, *CHROMIUM_FLAGS, f"--user-data-dir={profile}", "--dump-dom", path.as_uri()],
        capture_output=True,
        text=True,
        timeout=120,
    )
    return out.stdout


@pytest.mark.slow
def test_html_draws_every_node_in_chromium_without_errors(tmp_path, gold_quads, nasty_quads, view):
    for name, quads in (("gold", gold_quads), ("nasty", nasty_quads)):
        path = tmp_path / f"{name}.html"
        path.write_bytes(export_graph(quads, "html").data)
        dom = _chromium_dom(path, tmp_path / f"profile-{name}")
        body = re.search(r"<body[^>]*>", dom).group(0)
        assert f'data-drawn-nodes="{view.number_of_nodes()}"' in body, body
        assert "data-errors" not in body and "data-pwned" not in body, body


def _tmp_file(data: bytes, suffix: str):
    import tempfile

    with tempfile.NamedTemporaryFile(suffix=f".{suffix}", delete=False) as handle:
        handle.write(data)
    return handle.name


def _structure_ok(data: bytes, ns: str) -> None:
    root = ET.fromstring(data)
    nodes = {n.get("id") for n in root.iter(f"{ns}node")}
    assert len(nodes) == len(list(root.iter(f"{ns}node")))
    for e in root.iter(f"{ns}edge"):
        assert e.get("source") in nodes and e.get("target") in nodes
