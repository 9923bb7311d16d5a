"""Modality and precision on invented sentences: how firmly a clause states a relation
(negation, control and raising verbs, infinitives of purpose, event nouns ahead), and
readings that state no relation at all. Each test fails without the mechanism it names."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.slow

SYMMETRIC = ("meets", "holdsTalksWith")


def _relations(text: str) -> dict[tuple[str, str, str], set[str]]:
    """(subject, predicate, object) -> the modalities it is stated with."""
    from kg.extract.pipeline import extract

    st = extract(text, "t")
    label = {e.id: e.label for e in st.entities}
    out: dict[tuple[str, str, str], set[str]] = {}
    for r in st.relations:
        out.setdefault((label[r.subject], r.predicate, label[r.object]), set()).add(r.modality)
        if r.predicate in SYMMETRIC:
            out.setdefault((label[r.object], r.predicate, label[r.subject]), set()).add(r.modality)
    return out


# -- readings that state nothing --------------------------------------------------------------


def test_a_country_that_hosts_an_event_is_its_host_not_its_place():
    found = _relations("Peru will host the Andean Summit next year.")
    assert ("Peru", "hosts", "Andean Summit") in found
    assert ("Andean Summit", "locatedIn", "Peru") not in found
    found = _relations("Lima will host the Andean Summit next year.")
    assert found[("Andean Summit", "locatedIn", "Lima")] == {"planned"}


def test_who_returns_to_a_city_goes_home_and_visits_nothing():
    found = _relations("Lars Berg, the outgoing commander, returns to Oslo to head the school.")
    assert not [k for k in found if k[1] == "visits"]


def test_attending_is_no_membership_but_declining_to_attend_is_a_refusal():
    found = _relations("Olga Brandt attended the Andean Summit in Lima.")
    assert ("Olga Brandt", "partOf", "Andean Summit") not in found
    found = _relations("Peru declined to attend the Andean Summit.")
    assert found[("Peru", "declines", "Andean Summit")] == {"refused"}
    found = _relations("Chile boycotted the Andean Summit.")
    assert found[("Chile", "declines", "Andean Summit")] == {"refused"}


def test_asking_whether_urges_nobody():
    found = _relations(
        "Asked whether Peru would send more troops to the Andean Force, Ana Ortiz said no "
        "decision had been taken."
    )
    assert ("Ana Ortiz", "urges", "Peru") not in found


def test_two_who_speak_to_someone_else_do_not_talk_with_each_other():
    found = _relations(
        "Peru's Foreign Minister Ana Ortiz (left) and Andean Council Secretary-General Pablo "
        "Mena (right) speak to the press."
    )
    assert ("Ana Ortiz", "holdsTalksWith", "Pablo Mena") not in found
