"""Core relations on invented sentences: who chairs an event, agents in separate phrases,
membership by leaving or forming a body, and readings that state no relation. Each test
fails without the frame or mechanism it names."""

from __future__ import annotations

import pytest

from tests.sentences import has as _has
from tests.sentences import relations as _relations

pytestmark = pytest.mark.slow


@pytest.mark.parametrize(
    "text, modality",
    [
        ("The Velmar summit, which was chaired by Mira Solvang, ended on Tuesday.", "asserted"),
        ("Mira Solvang will chair the Velmar summit in June.", "planned"),
    ],
)
def test_who_chairs_a_summit_chairs_the_event(text, modality):
    found = _relations(text)
    assert _has(found, "Mira Solvang", "chairs", "Velmar", modality)
    assert not any(p == "leads" for _s, p, _o in found)


def test_who_chairs_a_committee_leads_it_and_chairs_no_event():
    found = _relations("Tomas Ekberg chairs the Norland Defence Committee.")
    assert _has(found, "Tomas Ekberg", "leads", "Norland Defence Committee")
    assert not any(p == "chairs" for _s, p, _o in found)


def test_chairs_is_a_relation_of_a_person_to_an_event_with_a_shape_and_a_gold_category():
    import yaml
    from rdflib import URIRef

    from kg.ontology import SH, load_ontology, load_shapes
    from tests.conftest import ROOT

    rel = load_ontology().relations["chairs"]
    assert (rel.domain, rel.range) == ("Person", "Event")
    assert (None, SH.targetSubjectsOf, URIRef(rel.iri)) in load_shapes()
    categories = yaml.safe_load((ROOT / "ontology" / "gold-categories.yaml").read_text())
    assert categories["chairs"] == "leads"


@pytest.mark.parametrize(
    "text, agents",
    [
        (
            "The Velmar Accord was signed by Mira Solvang, and by Tomas Ekberg.",
            ["Mira Solvang", "Tomas Ekberg"],
        ),
        (
            "The Harbour Accord was signed by Norland, by Velmar and by Sudria.",
            ["Norland", "Velmar", "Sudria"],
        ),
    ],
)
def test_agents_in_separate_phrases_each_do_what_the_passive_says(text, agents):
    found = _relations(text)
    plan = text.split(" was ")[0].removeprefix("The ")
    for agent in agents:
        assert _has(found, agent, "signs", plan), agent


@pytest.mark.parametrize(
    "text, predicate",
    [
        ("Mira Solvang and Norland's president Tomas Ekberg met in Velmar.", "meets"),
        ("Mira Solvang and Norland's president Tomas Ekberg held talks.", "holdsTalksWith"),
    ],
)
def test_a_title_in_coordination_stands_for_the_person_named_after_it(text, predicate):
    """Review r6 #18: the parser hangs the name on the first conjunct."""
    assert _has(_relations(text), "Mira Solvang", predicate, "Tomas Ekberg", "asserted")
