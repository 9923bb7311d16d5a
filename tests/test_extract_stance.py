"""Stances, signatures, sanctions and calls on invented sentences (round 12, issue 10): the
constructions that lose them and the readings that must still state nothing. Each test
fails without the mechanism it names."""

from __future__ import annotations

import pytest

from tests.sentences import has as _has
from tests.sentences import relations as _relations

pytestmark = pytest.mark.slow


# -- "not A but B" ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "The Harbour Plan was not proposed by Norway but backed by Sweden.",
        "The Harbour Plan was never drafted by Norway, but backed by Sweden.",
    ],
)
def test_a_conjunct_after_but_does_not_share_the_negation_of_the_passive(text):
    # frames.yaml contrasting_conjunctions (review r11 W2)
    found = _relations(text)
    assert _has(found, "Sweden", "supports", "Harbour Plan", "asserted"), found
    assert _has(found, "Harbour Plan", "proposedBy", "Norway", "negated"), found


def test_a_bare_conjunct_after_but_keeps_the_modal_and_drops_the_negation():
    found = _relations("Norway will not host the talks but hold talks with Sweden.")
    assert _has(found, "Norway", "holdsTalksWith", "Sweden", "planned"), found
    assert _has(found, "Norway", "hosts", "talks", "negated"), found


def test_a_conjunct_after_and_still_shares_the_negation():
    found = _relations("The Harbour Plan was not drafted by Norway and not backed by Sweden.")
    assert not _has(found, "Sweden", "supports", "Harbour Plan", "asserted"), found


# -- sanctions continued by a pronoun ------------------------------------------------------


def test_they_after_the_measures_continues_the_sanctions():
    # frames.yaml carried.sanctions.pronouns
    found = _relations(
        "Norland on Monday imposed sanctions on four Velmarian officials. The measures "
        "freeze their assets in Norland. They target Tomas Ekberg and Lena Berg."
    )
    assert _has(found, "Norland", "sanctions", "Tomas Ekberg"), found
    assert _has(found, "Norland", "sanctions", "Lena Berg"), found


def test_they_after_another_subject_continues_no_sanctions():
    found = _relations(
        "Norland on Monday imposed sanctions on Tomas Ekberg. Velmar's ministers met in "
        "Oslo. They include Mira Solvang."
    )
    assert not _has(found, "Norland", "sanctions", "Mira Solvang"), found


# -- a relative clause on the last word of a plan's name -----------------------------------


def test_a_relative_clause_on_the_end_of_a_plans_name_is_about_the_plan():
    # common_nouns._complement (the name ends before the clause), resolve._completed (the
    # relative pronoun stands for the plan), arguments._stray_after_relative (the second
    # signer, hung on the verb above the clause)
    found = _relations(
        "Chief among them was a memorandum on fisheries, which was signed by Norway's "
        "Minister of Fisheries and Oceans, Sun-hee Park, and Sweden's Minister of Rural "
        "Affairs, Lena Berg."
    )
    assert _has(found, "Sun-hee Park", "signs", "memorandum on fisheries"), found
    assert _has(found, "Lena Berg", "signs", "memorandum on fisheries"), found


def test_a_plans_name_ends_before_a_clause_on_its_complement():
    found = _relations(
        "Norland and Velmar signed a memorandum of understanding that creates a joint "
        "border team to patrol the coast."
    )
    assert _has(found, "Norland", "signs", "memorandum of understanding"), found
    found = _relations(
        "Norland and Velmar signed a memorandum of understanding on rare earths, which "
        "was drafted by Tomas Ekberg."
    )
    assert _has(found, "memorandum of understanding on rare earths", "proposedBy", "Tomas Ekberg")


def test_a_relative_clause_on_a_partner_is_the_partners():
    found = _relations(
        "Norland signed an accord on the border with Velmar, which opposed the plan."
    )
    assert _has(found, "Velmar", "opposes", "plan"), found
    assert not _has(found, "accord on the border", "opposes", "plan"), found


# -- a courtesy call ---------------------------------------------------------------------------


def test_calling_on_a_person_with_no_request_is_a_meeting():
    found = _relations(
        "Tomas Ekberg called on Velmarian Foreign Minister Mira Solvang before leaving Oslo."
    )
    assert _has(found, "Tomas Ekberg", "meets", "Mira Solvang"), found
    assert not _has(found, "Tomas Ekberg", "urges", "Mira Solvang"), found


@pytest.mark.parametrize(
    "text",
    [
        "Tomas Ekberg called on Mira Solvang to resign.",
        "Tomas Ekberg called on Mira Solvang for calm.",
    ],
)
def test_calling_on_a_person_for_something_is_no_meeting(text):
    assert not _has(_relations(text), "Tomas Ekberg", "meets", "Mira Solvang")


# -- "the proposal": what was proposed last ----------------------------------------------------


def test_the_proposal_is_what_the_last_clause_of_proposing_proposed():
    # lexicon act_anaphors
    found = _relations(
        "Tomas Ekberg proposed the holding of a national dialogue before May. The Green "
        "Front rejected the proposal."
    )
    assert _has(found, "Green Front", "opposes", "national dialogue"), found


def test_the_proposal_after_a_proposed_clause_is_its_object():
    found = _relations(
        "Velmar wants to propose a joint patrol along the highway. On Friday Tomas Ekberg "
        "suggested that the Nordic Union should deploy a monitoring mission in the valley. "
        "Sudria has refused the proposal."
    )
    assert _has(found, "Sudria", "declines", "monitoring mission"), found
    assert not _has(found, "Sudria", "declines", "joint patrol"), found


def test_the_proposal_after_a_proposal_of_nothing_named_is_not_the_one_before():
    found = _relations(
        "Velmar wants to propose a joint patrol along the highway. Tomas Ekberg then proposed "
        "that the talks be moved. Sudria has refused the proposal."
    )
    assert not _has(found, "Sudria", "declines", "joint patrol"), found


# -- "her colleague, X" ----------------------------------------------------------------------


def test_a_colleague_named_in_apposition_acts():
    # lexicon person_nouns, representative_nouns
    found = _relations(
        "The Minister of Fisheries of Norland, Mira Solvang, and her Velmarian colleague, "
        "Tomas Ekberg, initialled an accord on fishing quotas."
    )
    for who in ("Mira Solvang", "Tomas Ekberg"):
        assert _has(found, who, "signs", "accord on fishing quotas"), found
