"""What the built graph means: plain triples only for what an article asserts as holding
now, positions qualified by what they are of, identity that does not merge by accident."""

from __future__ import annotations

import copy

import pyoxigraph as ox
import pytest
import yaml

from kg.build import build
from kg.iri import DEFAULT_BASE
from kg.ontology import load_ontology
from kg.rdfio import to_rdflib_graph
from kg.statements import parse_statements
from kg.validate import validate_graph
from tests.conftest import ROOT, cq_answers

KGO = "https://w3id.org/newskg/ontology#"
RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
CASE = ROOT / "tests" / "cases" / "nordic-relations"


def _direct(quads) -> set[tuple[str, str, str]]:
    relations = {r.iri for r in load_ontology().relations.values()}
    return {
        (q.subject.value, q.predicate.value, q.object.value)
        for q in quads
        if q.predicate.value in relations
    }


def _statements(quads) -> dict[str, dict[str, object]]:
    out: dict[str, dict[str, object]] = {}
    for q in quads:
        p = q.predicate.value
        if p in (RDF + "subject", RDF + "predicate", RDF + "object", KGO + "modality"):
            out.setdefault(q.subject.value, {})[p.rsplit("#", 1)[1]] = q.object.value
        elif p == KGO + "qualifier":
            out.setdefault(q.subject.value, {}).setdefault("qualifiers", set()).add(  # type: ignore[union-attr]
                q.object.value.rsplit("#", 1)[1]
            )
    return out


def _doc(article_id: str, text: str, entities: list[dict], relations: list[tuple]) -> dict:
    """A statements document whose every relation has the whole text as its evidence."""
    rels = []
    for s, p, o, *extra in relations:
        item = {"subject": s, "predicate": p, "object": o}
        item.update(extra[0] if extra else {})
        item["evidence"] = {"sentence": text, "start": 0, "end": len(text)}
        rels.append(item)
    return {
        "article": {"id": article_id, "text": text},
        "entities": entities,
        "relations": rels,
    }


def _build(*docs: dict):
    return build([parse_statements(d, f"{d['article']['id']}.yaml") for d in docs])


def _labels(quads) -> dict[str, str]:
    return {
        q.subject.value: q.object.value
        for q in quads
        if q.predicate.value == "http://www.w3.org/2000/01/rdf-schema#label"
    }


# -- asserted vs claimed ---------------------------------------------------------------


def test_only_relations_asserted_as_holding_now_are_direct_triples(gold_build):
    quads = gold_build.main_quads
    sts = _statements(quads)
    plain = {
        (st["subject"], st["predicate"], st["object"])
        for st in sts.values()
        if st["modality"] == KGO + "Asserted" and not st.get("qualifiers")
    }
    assert _direct(quads) == plain
    label = _labels(quads)
    claimed = {
        (label[s], p.rsplit("#", 1)[1], label[o])
        for s, p, o in {(st["subject"], st["predicate"], st["object"]) for st in sts.values()}
        - plain
    }
    # the article says Pakistan will not disarm Hamas and that Munir may visit Washington
    assert {
        ("Pakistan", "disarms", "Hamas"),
        ("Asim Munir", "visits", "Washington"),
        ("Pakistan", "contributesTo", "International Stabilisation Force"),
        ("Board of Peace", "governs", "Gaza"),
    } <= claimed
    assert not any((label[s], label[o]) == ("Pakistan", "Hamas") for s, _p, o in _direct(quads))


def test_shacl_rejects_a_direct_triple_without_an_asserted_statement(gold_quads):
    assert validate_graph(to_rdflib_graph(gold_quads)).conforms
    graph = gold_quads[0].graph_name
    pakistan, hamas = (ox.NamedNode(DEFAULT_BASE + x) for x in ("pakistan", "hamas"))
    smuggled = [*gold_quads, ox.Quad(pakistan, ox.NamedNode(KGO + "disarms"), hamas, graph)]
    for inference in ("none", "rdfs"):
        report = validate_graph(to_rdflib_graph(smuggled), inference=inference)
        hits = [v for v in report.violations if "asserted statement behind it" in v.message]
        assert {(v.focus, v.path, v.value) for v in hits} >= {
            (pakistan.value, KGO + "disarms", hamas.value)
        }
    # a statement behind a direct triple that is only planned does not back it
    part_of = {
        q.subject
        for q in gold_quads
        if q.predicate.value == RDF + "predicate" and q.object.value == KGO + "partOf"
    }
    replanned = [
        ox.Quad(q.subject, q.predicate, ox.NamedNode(KGO + "Planned"), q.graph_name)
        if q.predicate.value == KGO + "modality" and q.subject in part_of
        else q
        for q in gold_quads
    ]
    report = validate_graph(to_rdflib_graph(replanned), inference="none")
    assert [v.path for v in report.violations] == [KGO + "partOf"]


def test_a_former_qualifier_withdraws_the_direct_triple_in_shacl_too(gold_quads):
    holding = next(
        q.subject
        for q in gold_quads
        if q.predicate.value == RDF + "predicate" and q.object.value == KGO + "holdsPosition"
    )
    former = [
        *gold_quads,
        ox.Quad(
            holding,
            ox.NamedNode(KGO + "qualifier"),
            ox.NamedNode(KGO + "Former"),
            gold_quads[0].graph_name,
        ),
    ]
    report = validate_graph(to_rdflib_graph(former), inference="none")
    assert [v.path for v in report.violations] == [KGO + "holdsPosition"]


def test_a_claim_is_still_checked_against_domain_and_range(gold_doc):
    doc = copy.deepcopy(gold_doc)
    visit = next(r for r in doc["relations"] if r["predicate"] == "visits")
    visit["object"] = "hamas"  # an organisation is not a place one visits
    article = build([parse_statements(doc, "x.yaml")]).articles[0]
    assert article.quarantined == 1
    assert [v.message for v in article.violations] == [
        "The object of a statement is not of the class its predicate's range expects."
    ]
    moved = _statements(article.quarantine)
    assert [st["predicate"] for st in moved.values()] == [KGO + "visits"]


def test_a_declining_is_stated_as_a_refusal(gold_doc):
    doc = copy.deepcopy(gold_doc)
    doc["relations"].append(
        dict(doc["relations"][2], predicate="declines", modality="asserted", attributed_to=None)
    )
    article = build([parse_statements(doc, "x.yaml")]).articles[0]
    assert article.quarantined == 1
    assert "modality refused, or negated" in article.violations[0].message


def test_former_holders_are_not_current_holders_and_acting_ones_are():
    from kg.statements import load_statements

    result = build([load_statements(CASE / "statements.yaml")])
    assert result.counts()["quarantined"] == 0
    quads = result.main_quads
    label = _labels(quads)
    holders = {(label[s], label[o]) for s, p, o in _direct(quads) if p == KGO + "holdsPosition"}
    assert holders == {
        ("Anna Berg", "Foreign Minister of Sweden"),
        ("Jonas Lind", "Foreign Minister of Denmark"),
    }
    qualified = {
        (label[st["subject"]], frozenset(st.get("qualifiers", ())))  # type: ignore[arg-type]
        for st in _statements(quads).values()
        if st["predicate"] == KGO + "holdsPosition"
    }
    assert ("Lars Holm", frozenset({"Former"})) in qualified
    assert ("Jonas Lind", frozenset({"Acting"})) in qualified


def test_competency_questions_of_the_relations_the_corpus_needs():
    from kg.statements import load_statements

    expected = yaml.safe_load((CASE / "expected.yaml").read_text(encoding="utf-8"))
    answers = cq_answers(build([load_statements(CASE / "statements.yaml")]).main_quads)
    for name, rows in expected.items():
        assert answers[name] == {tuple(r) for r in rows}, name


# -- positions ---------------------------------------------------------------------------

COUNTRIES = [
    {"id": "hungary", "label": "Hungary", "class": "Country"},
    {"id": "poland", "label": "Poland", "class": "Country"},
]


def _minister(article: str, person: str, owner: str | None, **extra) -> dict:
    position = {"id": "fm", "label": "Foreign Minister", "class": "Position"}
    position.update({"title": "foreign minister", **({"of": owner} if owner else {})})
    position.update(extra)
    return _doc(
        article,
        f"Foreign Minister {person} spoke.",
        [*COUNTRIES, {"id": "p", "label": person, "class": "Person"}, position],
        [("p", "holdsPosition", "fm")],
    )


def test_positions_are_minted_per_title_and_owner():
    result = _build(
        _minister("a", "Gabor Kiss", "hungary"),
        _minister("b", "Marek Zielinski", "poland"),
        _minister("c", "Anna Nagy", "hungary"),
    )
    quads = result.main_quads
    label = _labels(quads)
    held = {label[s]: o for s, p, o in _direct(quads) if p == KGO + "holdsPosition"}
    assert held["Gabor Kiss"] == held["Anna Nagy"] == DEFAULT_BASE + "foreign-minister-of-hungary"
    assert held["Marek Zielinski"] == DEFAULT_BASE + "foreign-minister-of-poland"
    owners = {(label[s], label[o]) for s, p, o in _direct(quads) if p == KGO + "positionIn"}
    assert owners == {
        ("Foreign Minister of Hungary", "Hungary"),
        ("Foreign Minister of Poland", "Poland"),
    }
    # all foreign ministers, of any country, in one query on the bare title
    answers = cq_answers(quads)["02-holders-by-title"]
    assert {(t, who) for t, who, _of in answers} == {
        ("foreign minister", "Gabor Kiss"),
        ("foreign minister", "Marek Zielinski"),
        ("foreign minister", "Anna Nagy"),
    }


def test_a_position_with_no_owner_stays_in_its_article():
    result = _build(_minister("a", "Gabor Kiss", None), _minister("b", "Marek Zielinski", None))
    held = {o for s, p, o in _direct(result.main_quads) if p == KGO + "holdsPosition"}
    assert held == {
        DEFAULT_BASE + "article/a/foreign-minister",
        DEFAULT_BASE + "article/b/foreign-minister",
    }


def test_a_position_takes_its_owner_from_the_holders_employer():
    def article(aid: str, employers: list[str]) -> dict:
        orgs = [
            {"id": e, "label": e.title() + " Ministry", "class": "GovernmentBody"}
            for e in employers
        ]
        return _doc(
            aid,
            "The spokesman Liu Wei said so.",
            [
                {"id": "liu", "label": "Liu Wei", "class": "Person"},
                {"id": "spokesman", "label": "Spokesman", "class": "Position"},
                *orgs,
            ],
            [("liu", "holdsPosition", "spokesman")] + [("liu", "worksFor", e) for e in employers],
        )

    quads = _build(article("a", ["foreign"]), article("b", ["foreign", "trade"])).main_quads
    label = _labels(quads)
    positions = {label[o]: o for s, p, o in _direct(quads) if p == KGO + "holdsPosition"}
    assert (
        positions["Spokesman of Foreign Ministry"] == DEFAULT_BASE + "spokesman-of-foreign-ministry"
    )
    # two employers: whose spokesman is not known, so the post stays in its article
    assert positions["Spokesman"] == DEFAULT_BASE + "article/b/spokesman"


def test_a_deputy_does_not_hold_the_position_itself():
    doc = _minister("a", "Gabor Kiss", "hungary")
    doc["relations"][0]["qualifiers"] = ["deputy"]
    result = _build(doc)
    assert result.counts()["quarantined"] == 0  # the builder, not the shapes, leaves it out
    quads = result.main_quads
    assert not [t for t in _direct(quads) if t[1] == KGO + "holdsPosition"]
    assert len([t for t in _direct(quads) if t[1] == KGO + "positionIn"]) == 1


# -- identity ----------------------------------------------------------------------------


def _person_article(aid: str, people: list[dict], relations=()) -> dict:
    return _doc(
        aid,
        "Khan spoke to reporters in Islamabad on Monday.",
        [*people, {"id": "pakistan", "label": "Pakistan", "class": "Country"}],
        list(relations),
    )


def test_two_people_who_share_a_surname_stay_two_nodes():
    a = _person_article("a", [{"id": "khan", "label": "Khan", "class": "Person"}])
    b = _person_article("b", [{"id": "khan", "label": "Khan", "class": "Person"}])
    c = _person_article(
        "c", [{"id": "k", "label": "Imran Khan", "class": "Person", "aliases": ["Khan"]}]
    )
    d = _person_article(
        "d", [{"id": "k", "label": "Sadiq Khan", "class": "Person", "aliases": ["Khan"]}]
    )
    people = {
        q.subject.value
        for q in _build(a, b, c, d).main_quads
        if q.predicate.value == RDF + "type" and q.object.value == KGO + "Person"
    }
    assert people == {
        DEFAULT_BASE + "article/a/khan",
        DEFAULT_BASE + "article/b/khan",
        DEFAULT_BASE + "imran-khan",
        DEFAULT_BASE + "sadiq-khan",
    }


def test_one_person_named_in_full_in_one_article_and_by_title_and_surname_in_another():
    army_chief = {"id": "chief", "label": "Army Chief", "class": "Position", "of": "pakistan"}
    full = _person_article("a", [{"id": "m", "label": "Asim Munir", "class": "Person"}])
    again = _person_article(
        "b",
        [{"id": "m", "label": "Asim Munir", "class": "Person", "aliases": ["Munir"]}, army_chief],
        [("m", "holdsPosition", "chief")],
    )
    surname = _person_article(
        "c",
        [{"id": "m", "label": "Munir", "class": "Person"}, army_chief],
        [("m", "holdsPosition", "chief")],
    )
    quads = _build(full, again, surname).main_quads
    held = {(s, o) for s, p, o in _direct(quads) if p == KGO + "holdsPosition"}
    chief = DEFAULT_BASE + "army-chief-of-pakistan"
    # the full name is one node across articles; the bare surname is its article's own
    # node, linked within that article (to the post it holds)
    assert held == {(DEFAULT_BASE + "asim-munir", chief), (DEFAULT_BASE + "article/c/munir", chief)}
    mentioned = {
        q.object.value.rsplit("/", 1)[1]
        for q in quads
        if q.subject.value == DEFAULT_BASE + "asim-munir"
        and q.predicate.value == KGO + "mentionedIn"
    }
    assert mentioned == {"a", "b"}


@pytest.mark.parametrize(
    ("entity", "iri"),
    [
        ({"label": "20-point peace plan", "class": "Plan"}, "article/a/20-point-peace-plan"),
        ({"label": "the minister", "class": "Person"}, "article/a/the-minister"),
        ({"label": "Board of Peace", "class": "GovernmentBody"}, "board-of-peace"),
        ({"label": "Group of 20", "class": "InternationalOrganization"}, "group-of-20"),
        ({"label": "Munir", "class": "Person", "ids": {"wikidata": "Q3"}}, "munir"),
        ({"label": "Munir", "class": "Person", "scope": "corpus"}, "munir"),
        ({"label": "Pakistan", "class": "Country", "scope": "article"}, "article/a/pakistan"),
    ],
)
def test_which_labels_mint_corpus_wide_iris(entity, iri):
    doc = _doc("a", "Text.", [{"id": "e", **entity}], [])
    quads = _build(doc).main_quads
    assert {q.subject.value for q in quads if q.predicate.value == KGO + "mentionedIn"} == {
        DEFAULT_BASE + iri
    }


def test_a_homonym_of_another_class_never_takes_another_names_iri():
    # "Oslo" read as a plan (the city took the name first) must not land on the IRI of
    # the Oslo Plan: one node with two labels would quarantine both articles' statements
    city = _doc("a", "Text.", [{"id": "c", "label": "Oslo", "class": "City"}], [])
    plan = _doc("b", "Text.", [{"id": "p", "label": "Oslo Plan", "class": "Plan"}], [])
    short = _doc("c", "Text.", [{"id": "p", "label": "Oslo", "class": "Plan"}], [])
    result = _build(city, plan, short)
    labels = _labels(result.main_quads)
    assert labels[DEFAULT_BASE + "oslo"] == "Oslo"
    assert labels[DEFAULT_BASE + "oslo-plan"] == "Oslo Plan"
    assert labels[DEFAULT_BASE + "oslo--plan"] == "Oslo"
    assert [v.message for a in result.articles for v in a.violations] == []


def test_a_name_followed_by_a_common_noun_is_not_an_alias():
    doc = _doc(
        "a",
        "Text.",
        [{"id": "g", "label": "Gaza", "class": "Region", "aliases": ["Gaza plan", "Gaza Strip"]}],
        [],
    )
    aliases = {
        q.object.value for q in _build(doc).main_quads if q.predicate.value.endswith("#altLabel")
    }
    assert aliases == {"Gaza Strip"}


def test_a_description_with_its_complement_is_an_alias():
    doc = _doc(
        "a",
        "Text.",
        [
            {
                "id": "p",
                "label": "joint patrol",
                "class": "Plan",
                "aliases": ["joint patrol of the Velmar river"],
            }
        ],
        [],
    )
    aliases = {
        q.object.value for q in _build(doc).main_quads if q.predicate.value.endswith("#altLabel")
    }
    assert aliases == {"joint patrol of the Velmar river"}


def test_no_position_of_the_gold_corpus_is_held_for_several_countries():
    from kg.graphview import mixed_positions, project
    from kg.statements import load_statements

    gold = sorted((ROOT / "data" / "gold").glob("*.yaml"))
    quads = build([load_statements(p) for p in gold]).main_quads
    assert mixed_positions(project(quads).graph) == []
    # the measure sees a hub: the two countries' foreign ministers merged into one node
    hub = ox.NamedNode(DEFAULT_BASE + "foreign-minister")

    def merged(term):
        is_fm = isinstance(term, ox.NamedNode) and "foreign-minister-of-" in term.value
        return hub if is_fm else term

    quads = [
        ox.Quad(merged(q.subject), q.predicate, merged(q.object), q.graph_name)
        for q in _build(
            _minister("a", "Gabor Kiss", "hungary"), _minister("b", "Ewa Nowak", "poland")
        ).main_quads
    ]
    mixed = mixed_positions(project(quads).graph)
    assert [(m["iri"], m["countries"]) for m in mixed] == [(hub.value, ["Hungary", "Poland"])]
