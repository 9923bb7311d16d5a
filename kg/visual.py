"""Writers of the property-graph view: GraphML, GEXF, Cytoscape.js JSON, DOT, Neo4j, HTML."""

from __future__ import annotations

import csv
import io
import json
import re
import xml.etree.ElementTree as ET
from importlib import resources

import networkx as nx

from kg import __version__
from kg.graphview import PALETTE, colour

VISUAL_FORMATS = ("graphml", "gexf", "cytoscape", "dot", "neo4j", "html")
_XML_BAD = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ufffe\uffff]")

NODE_FIELDS = [
    ("label", "string"),
    ("name", "string"),
    ("class", "string"),
    ("color", "string"),
    ("iri", "string"),
    ("external_ids", "string"),
    ("aliases", "string"),
    ("degree", "int"),
]
EDGE_FIELDS = [
    ("label", "string"),
    ("predicate", "string"),
    ("modality", "string"),
    ("qualifiers", "string"),
    ("attribution", "string"),
    ("confidence", "double"),
    ("article", "string"),
    ("sentence", "string"),
]


def clean(value) -> str:
    """Text XML 1.0 can hold: control characters become spaces."""
    return _XML_BAD.sub(" ", str(value))


def _ids(g: nx.MultiDiGraph) -> dict[str, str]:
    return {n: f"n{i}" for i, n in enumerate(sorted(g.nodes))}


def _node_values(n: str, d: dict) -> dict:
    return {
        "label": d["label"],
        "name": d["label"],
        "class": d["cls"],
        "color": d["color"],
        "iri": n,
        "external_ids": d.get("external_ids", ""),
        "aliases": d.get("aliases", ""),
        "degree": d.get("degree", 0),
    }


def _edges(g: nx.MultiDiGraph):
    return sorted(g.edges(keys=True, data=True), key=lambda e: (e[0], e[2], e[1]))


# -- GraphML -------------------------------------------------------------------------------------


def graphml(g: nx.MultiDiGraph) -> bytes:
    """GraphML with data keys (Gephi, Cytoscape) and yFiles graphics (yEd shows labels and
    colours as it opens the file)."""
    ns = "http://graphml.graphdrawing.org/xmlns"
    ET.register_namespace("", ns)
    ET.register_namespace("y", "http://www.yworks.com/xml/graphml")
    ET.register_namespace("xsi", "http://www.w3.org/2001/XMLSchema-instance")
    y = "{http://www.yworks.com/xml/graphml}"
    root = ET.Element(f"{{{ns}}}graphml")
    root.set(
        "{http://www.w3.org/2001/XMLSchema-instance}schemaLocation",
        f"{ns} http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd",
    )
    for name, typ in NODE_FIELDS:
        ET.SubElement(
            root,
            f"{{{ns}}}key",
            id=f"n_{name}",
            attrib={"for": "node", "attr.name": name, "attr.type": typ},
        )
    for name, typ in EDGE_FIELDS:
        ET.SubElement(
            root,
            f"{{{ns}}}key",
            id=f"e_{name}",
            attrib={"for": "edge", "attr.name": name, "attr.type": typ},
        )
    ET.SubElement(
        root, f"{{{ns}}}key", id="n_graphics", attrib={"for": "node", "yfiles.type": "nodegraphics"}
    )
    ET.SubElement(
        root, f"{{{ns}}}key", id="e_graphics", attrib={"for": "edge", "yfiles.type": "edgegraphics"}
    )
    graph = ET.SubElement(root, f"{{{ns}}}graph", id="kg", edgedefault="directed")
    ids = _ids(g)
    for n in sorted(g.nodes):
        d = g.nodes[n]
        node = ET.SubElement(graph, f"{{{ns}}}node", id=ids[n])
        for name, value in _node_values(n, d).items():
            ET.SubElement(node, f"{{{ns}}}data", key=f"n_{name}").text = clean(value)
        shape = ET.SubElement(
            ET.SubElement(node, f"{{{ns}}}data", key="n_graphics"), f"{y}ShapeNode"
        )
        width = max(60, 7 * len(d["label"]) + 16)
        ET.SubElement(shape, f"{y}Geometry", height="30.0", width=f"{width:.1f}")
        ET.SubElement(shape, f"{y}Fill", color=d["color"], transparent="false")
        ET.SubElement(shape, f"{y}NodeLabel").text = clean(d["label"])
        ET.SubElement(shape, f"{y}Shape", type="roundrectangle")
    for i, (s, o, _k, d) in enumerate(_edges(g)):
        edge = ET.SubElement(graph, f"{{{ns}}}edge", id=f"e{i}", source=ids[s], target=ids[o])
        for name, _typ in EDGE_FIELDS:
            ET.SubElement(edge, f"{{{ns}}}data", key=f"e_{name}").text = clean(d.get(name, ""))
        line = ET.SubElement(
            ET.SubElement(edge, f"{{{ns}}}data", key="e_graphics"), f"{y}PolyLineEdge"
        )
        ET.SubElement(line, f"{y}Arrows", source="none", target="standard")
        ET.SubElement(line, f"{y}EdgeLabel").text = clean(d["label"])
    ET.indent(root)
    return ET.tostring(root, encoding="utf-8", xml_declaration=True) + b"\n"


# -- GEXF ------------------------------------------------------------------------------------------


def gexf(g: nx.MultiDiGraph) -> bytes:
    """GEXF 1.2 with viz colours and sizes (Gephi, and networkx reads it back)."""
    ns = "http://www.gexf.net/1.2draft"
    viz = "http://www.gexf.net/1.2draft/viz"
    ET.register_namespace("", ns)
    ET.register_namespace("viz", viz)
    root = ET.Element(f"{{{ns}}}gexf", version="1.2")
    meta = ET.SubElement(root, f"{{{ns}}}meta")
    ET.SubElement(meta, f"{{{ns}}}creator").text = f"kg {__version__}"
    graph = ET.SubElement(root, f"{{{ns}}}graph", defaultedgetype="directed", mode="static")
    kinds = {"string": "string", "int": "integer", "double": "double"}
    for cls, fields in (("node", NODE_FIELDS), ("edge", EDGE_FIELDS)):
        attrs = ET.SubElement(graph, f"{{{ns}}}attributes", attrib={"class": cls})
        for name, typ in fields:
            if name == "label":
                continue
            ET.SubElement(
                attrs, f"{{{ns}}}attribute", id=f"{cls[0]}_{name}", title=name, type=kinds[typ]
            )
    nodes = ET.SubElement(graph, f"{{{ns}}}nodes")
    ids = _ids(g)
    for n in sorted(g.nodes):
        d = g.nodes[n]
        node = ET.SubElement(nodes, f"{{{ns}}}node", id=ids[n], label=clean(d["label"]))
        values = ET.SubElement(node, f"{{{ns}}}attvalues")
        for name, value in _node_values(n, d).items():
            if name != "label":
                ET.SubElement(
                    values, f"{{{ns}}}attvalue", attrib={"for": f"n_{name}", "value": clean(value)}
                )
        r, gg, b = (int(d["color"][i : i + 2], 16) for i in (1, 3, 5))
        ET.SubElement(node, f"{{{viz}}}color", r=str(r), g=str(gg), b=str(b), a="1.0")
        ET.SubElement(node, f"{{{viz}}}size", value=f"{8 + 2 * d.get('degree', 0):.1f}")
    edges = ET.SubElement(graph, f"{{{ns}}}edges")
    for i, (s, o, _k, d) in enumerate(_edges(g)):
        edge = ET.SubElement(
            edges,
            f"{{{ns}}}edge",
            id=f"e{i}",
            source=ids[s],
            target=ids[o],
            label=clean(d["label"]),
            weight=f"{float(d['confidence']):.3f}",
        )
        values = ET.SubElement(edge, f"{{{ns}}}attvalues")
        for name, _typ in EDGE_FIELDS:
            if name != "label":
                ET.SubElement(
                    values,
                    f"{{{ns}}}attvalue",
                    attrib={"for": f"e_{name}", "value": clean(d.get(name, ""))},
                )
    ET.indent(root)
    return ET.tostring(root, encoding="utf-8", xml_declaration=True) + b"\n"


# -- Cytoscape.js ----------------------------------------------------------------------------------


def cytoscape_elements(g: nx.MultiDiGraph) -> dict:
    ids = _ids(g)
    nodes = [{"data": {"id": ids[n], **_node_values(n, g.nodes[n])}} for n in sorted(g.nodes)]
    edges = [
        {
            "data": {
                "id": f"e{i}",
                "source": ids[s],
                "target": ids[o],
                "relation": d.get("relation", k),
                **{name: d.get(name, "") for name, _t in EDGE_FIELDS},
            }
        }
        for i, (s, o, k, d) in enumerate(_edges(g))
    ]
    return {"elements": {"nodes": nodes, "edges": edges}}


def cytoscape(g: nx.MultiDiGraph) -> bytes:
    """Cytoscape.js elements JSON (Cytoscape desktop imports it too)."""
    return (json.dumps(cytoscape_elements(g), indent=1, ensure_ascii=False) + "\n").encode()


# -- DOT -------------------------------------------------------------------------------------------


def _dot(text: str) -> str:
    text = clean(text).replace("\\", "\\\\").replace('"', '\\"')
    return '"' + text.replace("\n", "\\n").replace("\r", " ") + '"'


def dot(g: nx.MultiDiGraph) -> bytes:
    """Graphviz DOT: nodes coloured by class, edges labelled by relation."""
    ids = _ids(g)
    lines = [
        "digraph kg {",
        '  graph [rankdir=LR, fontname="Helvetica", overlap=false];',
        '  node [shape=box, style="rounded,filled", fontname="Helvetica", fontsize=11];',
        '  edge [fontname="Helvetica", fontsize=9];',
    ]
    for n in sorted(g.nodes):
        d = g.nodes[n]
        lines.append(
            f"  {ids[n]} [label={_dot(d['label'])}, fillcolor={_dot(d['color'])}, "
            f"tooltip={_dot(d['cls'] + ': ' + n)}];"
        )
    for s, o, _k, d in _edges(g):
        style = "" if d.get("plain", True) else ", style=dashed"
        lines.append(f"  {ids[s]} -> {ids[o]} [label={_dot(d['label'])}{style}];")
    lines.append("}")
    return ("\n".join(lines) + "\n").encode("utf-8")


# -- Neo4j -----------------------------------------------------------------------------------------


def _rel_type(key: str) -> str:
    return re.sub(r"(?<!^)(?=[A-Z])", "_", key).upper()


def _cypher(value) -> str:
    if isinstance(value, int | float):
        return repr(value)
    text = clean(value).replace("\\", "\\\\").replace("'", "\\'").replace("\n", "\\n")
    return f"'{text}'"


def neo4j(g: nx.MultiDiGraph) -> dict[str, bytes]:
    """CSV files for `neo4j-admin database import full` and a Cypher script that creates the
    same graph in a running database."""
    ids = _ids(g)
    nodes_io = io.StringIO()
    w = csv.writer(nodes_io, lineterminator="\n")
    w.writerow(
        [
            "id:ID",
            "label",
            "name",
            "class",
            "color",
            "iri",
            "external_ids",
            "aliases",
            "degree:int",
            ":LABEL",
        ]
    )
    for n in sorted(g.nodes):
        v = _node_values(n, g.nodes[n])
        w.writerow(
            [
                ids[n],
                *(
                    clean(v[k])
                    for k in ("label", "name", "class", "color", "iri", "external_ids", "aliases")
                ),
                v["degree"],
                f"Entity;{v['class']}",
            ]
        )
    rels_io = io.StringIO()
    w = csv.writer(rels_io, lineterminator="\n")
    w.writerow(
        [
            ":START_ID",
            ":END_ID",
            ":TYPE",
            "label",
            "predicate",
            "modality",
            "qualifiers",
            "attribution",
            "confidence:float",
            "article",
            "sentence",
        ]
    )
    for s, o, k, d in _edges(g):
        w.writerow(
            [
                ids[s],
                ids[o],
                _rel_type(d.get("relation", k)),
                *(
                    clean(d.get(f, ""))
                    for f in ("label", "predicate", "modality", "qualifiers", "attribution")
                ),
                d.get("confidence", 1.0),
                clean(d.get("article", "")),
                clean(d.get("sentence", "")),
            ]
        )
    cy = [
        "// Load the kg graph into Neo4j: cypher-shell -f load.cypher",
        "CREATE CONSTRAINT kg_entity_id IF NOT EXISTS FOR (n:Entity) REQUIRE n.id IS UNIQUE;",
    ]
    for n in sorted(g.nodes):
        v = _node_values(n, g.nodes[n])
        props = ", ".join(f"{k}: {_cypher(v[k])}" for k in v)
        label = re.sub(r"\W", "", v["class"]) or "Thing"
        cy.append(f"CREATE (:Entity:{label} {{id: {_cypher(ids[n])}, {props}}});")
    for s, o, k, d in _edges(g):
        props = ", ".join(f"{f}: {_cypher(d.get(f, ''))}" for f, _t in EDGE_FIELDS)
        rel = _rel_type(d.get("relation", k))
        cy.append(
            f"MATCH (a:Entity {{id: {_cypher(ids[s])}}}), (b:Entity {{id: "
            f"{_cypher(ids[o])}}}) CREATE (a)-[:{rel} {{{props}}}]->(b);"
        )
    return {
        "nodes.csv": nodes_io.getvalue().encode(),
        "relationships.csv": rels_io.getvalue().encode(),
        "load.cypher": ("\n".join(cy) + "\n").encode(),
    }


# -- HTML ------------------------------------------------------------------------------------------


def _script_json(data) -> str:
    """JSON that is safe inside <script>: no '</script>', no HTML-significant characters."""
    text = json.dumps(data, ensure_ascii=False, sort_keys=True)
    for ch, esc in (
        ("<", "\\u003c"),
        (">", "\\u003e"),
        ("&", "\\u0026"),
        ("\u2028", "\\u2028"),
        ("\u2029", "\\u2029"),
    ):
        text = text.replace(ch, esc)
    return text


def _asset(*parts: str) -> str:
    return resources.files("pyvis").joinpath(*parts).read_text(encoding="utf-8")


def html(g: nx.MultiDiGraph, title: str = "kg graph") -> bytes:
    """One self-contained page (vis-network from the pyvis package, inlined): labels,
    colours by class, a legend, search by name, and an entity's relations with their
    sentences and attribution on click."""
    data = cytoscape_elements(g)["elements"]
    used = sorted({n["data"]["class"] for n in data["nodes"]})
    payload = {
        "nodes": [n["data"] for n in data["nodes"]],
        "edges": [e["data"] for e in data["edges"]],
        "legend": [[c, PALETTE.get(c, colour(c))] for c in used],
    }
    page = resources.files("kg").joinpath("templates", "graph.html").read_text(encoding="utf-8")
    page = page.replace("{{TITLE}}", clean(title).replace("&", "&amp;").replace("<", "&lt;"))
    page = page.replace("/*{{VIS_CSS}}*/", _asset("lib", "vis-9.1.2", "vis-network.css"))
    page = page.replace(
        "/*{{VIS_JS}}*/",
        _asset("lib", "vis-9.1.2", "vis-network.min.js").replace("</script", "<\\/script"),
    )
    page = page.replace("{{DATA}}", _script_json(payload))
    return page.encode("utf-8")


def render(g: nx.MultiDiGraph, fmt: str) -> bytes | dict[str, bytes]:
    writers = {
        "graphml": graphml,
        "gexf": gexf,
        "cytoscape": cytoscape,
        "dot": dot,
        "neo4j": neo4j,
        "html": html,
    }
    return writers[fmt](g)
