"""Events and agreements between parties on invented sentences (round 19, x-rel): talks,
meetings, signings, successions and appointments in constructions the frames missed. Each
test fails without the mechanism it names."""

from __future__ import annotations

import pytest

from tests.sentences import has as _has
from tests.sentences import relations as _relations

pytestmark = pytest.mark.slow


@pytest.mark.parametrize(
    "text",
    [
        "Norland held a second round of talks with Sudria in Varsk.",
        "Norland and Sudria wrapped up three rounds of talks in Varsk without a deal.",
        "A first round of talks with Sudria was held by Norland in Varsk.",
    ],
)
def test_rounds_and_days_of_talks_as_the_object_are_talks(text):
    # frames/nouns.py `_through_event_frames`: the span of talks is the light verb's object
    assert _has(_relations(text), "Norland", "holdsTalksWith", "Sudria"), _relations(text)


def test_talks_between_named_parties_are_not_the_subjects_talks():
    # frames/match.py `_named_partner`: the "between" phrase names who talked
    found = _relations(
        "Norland and Sudria ended months of talks between their energy ministers, Pavel Orin "
        "and Tomas Ekberg."
    )
    assert _has(found, "Pavel Orin", "holdsTalksWith", "Tomas Ekberg"), found
    assert not _has(found, "Norland", "holdsTalksWith", "Sudria"), found


def test_an_appointment_read_as_a_participle_on_a_reported_subject_is_the_reported_clause():
    # syntax/repair.py `_appointment_read_as_participle`: "the airline said" has a subject
    # of its own, so "Sudria's state airline named ..." is the clause it reports
    found = _relations(
        "Sudria's state airline named Mira Solvang as chief pilot, replacing Tomas Ekberg, the "
        "airline said in a filing."
    )
    assert _has(found, "Mira Solvang", "succeeds", "Tomas Ekberg"), found


def test_an_appointment_read_as_a_participle_in_a_sentence_with_no_verb_is_its_verb():
    # syntax/repair.py `_appointment_read_as_participle`: the root is the board, the verb
    # hung on the chair's name
    found = _relations(
        "The Norland Development Bank lost its governor in May. The bank's board, headed by "
        "retired general Tomas Ekberg, named treasurer Mira Solvang as acting governor."
    )
    assert _has(found, "Mira Solvang", "appointedBy", "Norland Development Bank"), found


def test_a_name_after_the_verb_read_as_a_second_subject_is_its_object():
    # syntax/repair.py `_object_read_as_subject`: the parser reads "Bayu Setiadi" as a
    # second subject of "replaces"
    found = _relations(
        "Mira Solvang took office on Monday. Solvang, who ran the research unit, replaces Bayu "
        "Setiadi, who will retire."
    )
    assert _has(found, "Mira Solvang", "succeeds", "Bayu Setiadi"), found


@pytest.mark.parametrize(
    "text, modality",
    [
        ("Norland renewed its fishing accord with Sudria on Monday.", "asserted"),
        ("Sudria will prolong its grain deal with Norland until 2030.", "planned"),
    ],
)
def test_extending_an_agreement_with_a_partner_signs_it_for_both(text, modality):
    # frames.yaml: the extend/renew/prolong frame of `signs` (heads: `agreements`)
    found = _relations(text)
    for party in ("Norland", "Sudria"):
        assert any(
            s == party and p == "signs" and m == modality for (s, p, _o), m in found.items()
        ), found


def test_extending_a_mandate_signs_nothing():
    found = _relations("The Sudria Council extended the mandate of the Norland mission by a year.")
    assert not any(p == "signs" for _s, p, _o in found), found


def test_a_verb_that_signs_only_some_head_words_makes_no_it_a_plan():
    # things.py `_plan_verbs`: "before the assembly renews it" may be a mandate, not the
    # plan named last (the extend/renew frame takes only `agreements`)
    from kg.extract.things import _plan_verbs

    verbs = _plan_verbs(frozenset({"signs"}))
    assert "sign" in verbs
    assert not {"extend", "renew", "prolong"} & verbs
