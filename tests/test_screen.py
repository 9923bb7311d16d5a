"""The SPARQL screen (kg.screen): a real parser decides, tricks that fool a pattern do not
pass, and no generated SERVICE variant reaches a listener on 127.0.0.1 through kg query."""

from __future__ import annotations

import socket
import threading

import pytest
from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kg.cli import cli
from kg.errors import QueryError
from kg.ontology import PREFIXES
from kg.query import load_store, query_text, run_query
from kg.screen import decode_escapes, screen_query

# -- a listener that records every connection ----------------------------------------------


class Listener:
    def __init__(self) -> None:
        self.sock = socket.socket()
        self.sock.bind(("127.0.0.1", 0))
        self.sock.listen(16)
        self.port = self.sock.getsockname()[1]
        self.hits: list[bytes] = []
        self._stop = False
        self._thread = threading.Thread(target=self._run, daemon=True)
        self._thread.start()

    def _run(self) -> None:
        self.sock.settimeout(0.2)
        while not self._stop:
            try:
                conn, _ = self.sock.accept()
            except (TimeoutError, OSError):
                continue
            conn.settimeout(1)
            try:
                self.hits.append(conn.recv(200) or b"(connected)")
            except OSError:
                self.hits.append(b"(connected)")
            conn.close()

    def close(self) -> None:
        self._stop = True
        self._thread.join()
        self.sock.close()


@pytest.fixture(scope="module")
def listener():
    found = Listener()
    yield found
    found.close()


@pytest.fixture(scope="module")
def store(gold_quads):
    return load_store(gold_quads)


# -- the screen itself ---------------------------------------------------------------------


@pytest.mark.parametrize(
    "query",
    [
        # issue 8, case 1: a `<` in a FILTER made the pattern screen read an IRI up to `#>`
        "SELECT * WHERE { FILTER(1<2)SERVICE?e#>\n{ ?s ?p ?o } }",
        "SELECT * { \\u0053ERVICE <http://127.0.0.1:9/> { ?s ?p ?o } }",
        "SELECT * { \\U00000053\\U00000045RVICE <http://127.0.0.1:9/> { ?s ?p ?o } }",
        "SELECT * { sErViCe SILENT <http://127.0.0.1:9/> { ?s ?p ?o } }",
        "SELECT * { { SELECT * { OPTIONAL { SERVICE ?e { ?s ?p ?o } } } } }",
        "SELECT * { ?s ?p ?o FILTER EXISTS { SERVICE <http://127.0.0.1:9/> { ?a ?b ?c } } }",
        "SELECT * FROM <http://127.0.0.1:9/g> { ?s ?p ?o }",
        "SELECT * FROM NAMED <http://127.0.0.1:9/g> { GRAPH ?g { ?s ?p ?o } }",
        "LOAD <http://127.0.0.1:9/data.ttl>",
        "LOAD <http://127.0.0.1:9/data.ttl> INTO GRAPH <urn:g>",
    ],
)
def test_network_parts_are_refused(query):
    with pytest.raises(QueryError, match="refused"):
        screen_query(query, PREFIXES)


@pytest.mark.parametrize(
    "query, message",
    [
        ("SELECT * { ?s ?p ?o } LATERAL", "invalid SPARQL query"),  # not SPARQL 1.1
        ("SELEKT ?x WHERE { ?x ?p ?o }", "line 1, column 1, near 'SELEKT'"),
        ("SELECT * {\n  ?s ?p", "line 2, column 3"),
        ("SELECT * { ?s nope:x ?o }", "nope"),
        ("INSERT DATA { <urn:a> <urn:b> <urn:c> }", "updates are refused"),
        ("SELECT * { ?s ?p ?o } \\u005Cu0041", "escape"),
        ("SELECT * { ?s ?p ?o }\x0c", r"unexpected character U\+000C"),
        ("", "empty"),
    ],
)
def test_what_does_not_parse_is_refused_in_one_line(query, message):
    with pytest.raises(QueryError, match=message) as info:
        screen_query(query, PREFIXES)
    assert "\n" not in str(info.value)


def test_what_runs_is_the_checked_text_one_token_a_line(store):
    # the comment and the escape are gone; a `#` that a reader takes for a comment can hide
    # nothing beyond its own token
    checked = screen_query('SELECT ?x # a comment\nWHERE { BIND("\\u0041" AS ?x) }', {})
    assert checked.text == 'SELECT\n?x\nWHERE\n{\nBIND(\n"A"\nAS\n?x\n)\n}'
    assert checked.form == "SELECT"
    # kg query runs that text: the answer is the decoded literal
    assert run_query(store, 'SELECT ?x WHERE { BIND("\\u0041" AS ?x) }').rows[0][0].value == "A"


def test_literals_paths_and_forms_survive_the_screen(store):
    query = (
        "SELECT ?p (COUNT(*) AS ?n) WHERE { ?p a kgo:Person ; rdfs:label ?l . "
        "?p (kgo:holdsPosition|^kgo:leads)* ?x "
        "FILTER(?l != 'x'@en-GB && ?l != '''y'''^^xsd:string && -1.5e3 < 2) } GROUP BY ?p"
    )
    assert len(run_query(store, query).rows) == 4
    assert screen_query("ASK { ?s ?p ?o }", {}).form == "ASK"
    assert screen_query("CONSTRUCT WHERE { ?s ?p ?o }", {}).form == "CONSTRUCT"
    assert screen_query("DESCRIBE <urn:x>", {}).form == "DESCRIBE"


def test_function_calls_survive_the_screen(store):
    # oxigraph reads no space between COALESCE, CONCAT and their bracket: the screen keeps
    # the bracket where the query put it
    query = 'SELECT ?x WHERE { BIND(COALESCE(?nothing, CONCAT("a", "b")) AS ?x) }'
    assert run_query(store, query).rows[0][0].value == "ab"
    assert "COALESCE(\n" in screen_query(query, {}).text


def test_escapes_are_decoded_once_as_sparql_says():
    assert decode_escapes("\\u0053ERVICE \\U0001F600") == "SERVICE \U0001f600"
    with pytest.raises(QueryError, match="not a character"):
        decode_escapes("\\uD800")


def test_the_word_service_as_data_is_fine(store):
    result = run_query(store, 'SELECT ?x WHERE { BIND("SERVICE LOAD" AS ?x) } # service')
    assert result.rows[0][0].value == "SERVICE LOAD"
    assert screen_query("SELECT * { ?s <http://example.org/service/load> ?o }", {})


# -- generated SERVICE variants never reach a listener --------------------------------------


def _escaped(word: str, picks: list[int]) -> str:
    out = []
    for ch, pick in zip(word, picks, strict=True):
        out.append(
            [ch.upper(), ch.lower(), f"\\u{ord(ch):04X}", f"\\u{ord(ch):04x}", f"\\U{ord(ch):08X}"][
                pick
            ]
        )
    return "".join(out)


_SPACE = st.sampled_from([" ", "\n", "\t", "  ", " # note\n", "#>\n", "\r\n", "\n#\n"])


@st.composite
def service_queries(draw) -> tuple[str, str]:
    """A query with SERVICE somewhere (port placeholder PORT), written in a way a pattern
    screen might miss."""
    keyword = _escaped("SERVICE", draw(st.lists(st.integers(0, 4), min_size=7, max_size=7)))
    silent = draw(st.sampled_from(["", "SILENT", "silent"]))
    endpoint = draw(st.sampled_from(["iri", "pname", "var", "values"]))
    target = {
        "iri": "<http://127.0.0.1:PORT/sparql>",
        "pname": "ep:sparql",
        "var": "?e",
        "values": "?e",
    }[endpoint]
    sp = draw(_SPACE)
    call = f"{keyword}{sp}{silent}{draw(_SPACE) if silent else ''}{target}{sp}{{ ?s ?p ?o }}"
    wrap = draw(
        st.sampled_from(
            [
                "{0}",
                "{{ {0} }}",
                "OPTIONAL {{ {0} }}",
                "{{ ?a ?b ?c }} UNION {{ {0} }}",
                "{{ SELECT * WHERE {{ {0} }} }}",
                "FILTER(1<2){0}",
                "?a ?b ?c . LATERAL {{ {0} }}",
                "FILTER EXISTS {{ {0} }}",
                "MINUS {{ {0} }}",
                "GRAPH ?g {{ {0} }}",
            ]
        )
    )
    body = wrap.format(call)
    if endpoint == "var":
        body = 'BIND(IRI("http://127.0.0.1:PORT/sparql") AS ?e) ' + body
    if endpoint == "values":
        body = "VALUES ?e { <http://127.0.0.1:PORT/sparql> } " + body
    prologue = "PREFIX ep: <http://127.0.0.1:PORT/>\n" if endpoint == "pname" else ""
    form = draw(st.sampled_from(["SELECT * WHERE", "ASK", "CONSTRUCT { ?s ?p ?o } WHERE"]))
    return f"{prologue}{form} {{ {body} }}", draw(st.sampled_from(["table", "json", "xml"]))


@settings(max_examples=60, deadline=None, suppress_health_check=list(HealthCheck))
@given(service_queries())
def test_no_service_variant_reaches_the_network(store, listener, case):
    query, fmt = case
    query = query.replace("PORT", str(listener.port))
    with pytest.raises(QueryError):
        query_text(store, query, fmt)
    assert listener.hits == []


def test_kg_query_refuses_service_in_one_line(tmp_path, gold_quads, listener):
    from kg.rdfio import triple_lines

    graph = tmp_path / "g.nq"
    graph.write_text("".join(triple_lines(gold_quads)), encoding="utf-8")
    query = (
        "SELECT * WHERE { FILTER(1<2)SERVICE?e#>\n{ ?s ?p ?o } } "
        f"VALUES ?e {{ <http://127.0.0.1:{listener.port}/> }}"
    )
    result = CliRunner().invoke(cli, ["query", str(graph), query])
    assert result.exit_code == 2
    assert "SERVICE is refused" in result.output
    assert "Traceback" not in result.output
    assert listener.hits == []


# -- the screened text means what the user wrote --------------------------------------------

_PIECES = [
    "?s a kgo:Person",
    "?s rdfs:label ?l",
    '?s rdfs:label "Marco Rubio"',
    "?s kgo:holdsPosition/rdfs:label ?l",
    "?s (kgo:holdsPosition|kgo:leads)+ ?x",
    "?s ^kgo:leads ?x",
    'FILTER(?l != "a # not a comment")',
    "FILTER(?l != '''long\n# string''')",
    'FILTER(lang(?l) = "" || ?l = "x"@en-GB)',
    "FILTER(-1.5e3 < 2 && 1<2)",
    'FILTER(?l != "\\u0041")',
    'FILTER(STRSTARTS(STR(?s), "https://w3id.org/"))',
    "OPTIONAL { ?s kgo:memberOf ?m }",
    "BIND(<https://w3id.org/newskg/ontology#Person> AS ?c)",
    'BIND(COALESCE(?m, "none") AS ?c2)',
    'FILTER(CONCAT(STR(?s), "x") != "")',
]


@settings(max_examples=40, deadline=None, suppress_health_check=list(HealthCheck))
@given(
    st.lists(st.sampled_from(_PIECES), min_size=1, max_size=4, unique=True),
    st.lists(_SPACE, min_size=4, max_size=4),
)
def test_the_screened_text_gives_the_same_answer_as_the_query(store, pieces, spaces):
    """One token a line, comments out, escapes decoded: the answer does not change."""
    groups = ("FILTER", "OPTIONAL", "BIND")
    body = f" .{spaces[0]}".join(p for p in pieces if not p.startswith(groups))
    extras = spaces[1].join(p for p in pieces if p.startswith(groups))
    query = f"SELECT *{spaces[2]}WHERE {{ {body or '?s ?p ?o'} {extras} }}{spaces[3]}LIMIT 50"
    original = store.query(query, use_default_graph_as_union=True, prefixes=PREFIXES)
    expected = sorted(str([s[v] for v in original.variables]) for s in original)
    result = run_query(store, query)
    assert sorted(str(row) for row in result.rows) == expected


# -- an ASCII query is read with the terminals cut to ASCII: the same tokens -----------------

_PIECES = [
    "?x",
    "$y1",
    "?_a",
    "kgo:a",
    "kgo:a.b",
    "a.b:c.d",
    ":",
    ":x",
    "kgo:",
    "pre-fix:l-o_c",
    "p:%41b",
    "p:a\\.b",
    "p:a\\~",
    "_:b1",
    "_:b.c",
    "_:",
    "<http://x/y#z>",
    "<a b>",
    "<>",
    "'s'",
    '"t"',
    "'''u'v'''",
    '"""w"x"""',
    "'\\n'",
    '"\\q"',
    "@en",
    "@en-GB",
    "1",
    "1.5",
    ".5",
    "1e3",
    "-2.5E-1",
    "+7",
    "^^",
    "&&",
    "||",
    "!=",
    "<=",
    ">=",
    "#c\n",
    "SELECT",
    "WHERE",
    "a",
    "{",
    "}",
    "(",
    ")",
    "[",
    "]",
    ".",
    ",",
    ";",
    "*",
    "/",
    "+",
    "-",
    "!",
    "=",
    "<",
    ">",
    "^",
    "|",
    "?",
    " ",
    "\n",
    "\t",
    "x",
    "_",
    "0",
    "%",
    "\\",
    "'",
    '"',
    "@",
    "~",
]
_NAMES = st.from_regex(r"[?$]?(_:)?[A-Za-z0-9_]{0,3}:?[A-Za-z0-9_.:%\-\\~]{0,5}", fullmatch=True)
_ASCII = st.lists(
    st.one_of(st.sampled_from(_PIECES), _NAMES, st.characters(min_codepoint=32, max_codepoint=126)),
    max_size=30,
).map("".join)


def _reading(query: str, patterns) -> list[tuple[str, str, int]] | str:
    from kg.screen import tokens

    try:
        return [(t.kind, t.text, t.start) for t in tokens(query, patterns)]
    except QueryError as exc:
        return str(exc)


@settings(max_examples=400, deadline=None)
@given(_ASCII)
def test_an_ascii_query_reads_the_same_with_the_terminals_cut_to_ascii(query):
    from kg.screen import terminals

    assert _reading(query, terminals(True)) == _reading(query, terminals(False))


def test_a_query_beyond_ascii_is_read_with_the_whole_terminals():
    from kg.screen import tokens

    query = "SELECT ?né ?x·y WHERE { ?né a kgo:Café ; kgo:a_\u0301 _:b\u203f }"
    kinds = [(t.kind, t.text) for t in tokens(query)]
    assert ("var", "?né") in kinds and ("var", "?x·y") in kinds
    assert ("pname", "kgo:Café") in kinds and ("pname", "kgo:a_\u0301") in kinds
    assert ("bnode", "_:b\u203f") in kinds
    assert screen_query(query, PREFIXES).form == "SELECT"
