"""Plans, events and bodies named by a lower-case description (round 13, issue 10): the
other spans the text names them with, the head nouns that make them, and the relations that
hang on them. Invented sentences; each test fails without the mechanism it names."""

from __future__ import annotations

import pytest

from tests.sentences import has as _has
from tests.sentences import named as _named
from tests.sentences import names as _names
from tests.sentences import relations as _relations

pytestmark = pytest.mark.slow


# -- the other spans of a description --------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "name"),
    [
        # without the adjective that sets it apart
        (
            "The Green League drafted a temporary fishing tax, which the council debated.",
            "fishing tax",
        ),
        # without the owner's name before it, with its complement
        (
            "The bank relies on a Norlandic panel of auditors that meets twice a year.",
            "panel of auditors",
        ),
        # with the adjective a label drops
        ("Velmar criticised the new catch quota that Norland set on Monday.", "new catch quota"),
        # with the first phrase of its complement only
        (
            "Sudria and Velmar will stage joint drills of the river police of both states in June.",
            "joint drills of the river police",
        ),
        # a path's phrase completes the name of what runs along it
        (
            "An oil pipeline through the Tarsk valley was drafted by Sudria.",
            "oil pipeline through the Tarsk valley",
        ),
        # the words in quotes before its head
        ('Norland put forward a "green harbour" plan for the coast.', "green harbour"),
    ],
)
def test_a_description_is_also_named_by_its_other_spans(text, name):
    assert _named(text, name), _names(text)


def test_the_other_spans_keep_two_words_at_least():
    # "tax" alone would name every tax of the article
    names = _names("The Green League drafted a temporary tax, which the council debated.")
    assert names.get("temporary tax") == {"temporary tax"}, names


# -- head nouns of plans, events and bodies (lexicon head_classes) -----------------------------


def test_a_call_for_something_is_a_plan_one_may_propose_and_resist():
    found = _relations(
        "Velmar and Sudria blocked a call for the closure of the strait, which was drafted by "
        "Norland."
    )
    call = "call for the closure of the strait"
    assert _has(found, "Velmar", "opposes", call), found
    assert _has(found, "Sudria", "opposes", call), found
    assert _has(found, call, "proposedBy", "Norland"), found


@pytest.mark.parametrize(
    "text",
    [
        "Tomas Ekberg declined the call from the Norlandic prime minister.",
        "Mira Solvang rejected the call, saying it came too late.",
    ],
)
def test_a_call_with_nothing_it_is_for_is_no_plan(text):
    # lexicon complement_heads (review r13 Y4): a telephone call is no plan
    found = _relations(text)
    assert not any("call" in key[2] for key in found), found


def test_a_quota_refused_is_declined():
    found = _relations("Norland said on Friday it would not accept a smaller catch quota.")
    assert _has(found, "Norland", "declines", "smaller catch quota", "refused"), found


def test_a_session_is_an_event_one_chairs():
    found = _relations("The Velmar envoy, Tomas Ekberg, will chair the closing session.")
    assert _has(found, "Tomas Ekberg", "chairs", "closing session", "planned"), found


def test_a_route_put_forward_is_proposed():
    found = _relations("Sudria has since put forward a shorter route, along the northern coast.")
    assert _has(found, "shorter route", "proposedBy", "Sudria"), found


# -- relations that hang on a description -----------------------------------------------------


def test_a_participle_on_the_last_word_of_a_name_acts_on_the_name():
    # resolve.py: "signed" hangs on "fisheries", the end of the agreement's name
    found = _relations(
        "Norland's parliament has yet to ratify an agreement on fisheries signed last year by "
        "Mira Solvang and Tomas Ekberg."
    )
    assert _has(found, "Mira Solvang", "signs", "agreement on fisheries"), found
    assert _has(found, "Tomas Ekberg", "signs", "agreement on fisheries"), found


def test_an_invitation_declined_is_to_the_event_the_verb_holds():
    # actors.py _invited_to: the parser hangs "to a forum" on "refused"
    found = _relations(
        "Mira Solvang and Tomas Ekberg attended a summit in Velmar in May. Solvang has since "
        "refused the Norlandic invitation to a forum on river trade, her office said."
    )
    assert _has(found, "Mira Solvang", "declines", "forum on river trade"), found
    assert not _has(found, "Mira Solvang", "declines", "summit in Velmar"), found


def test_an_indefinite_plan_set_apart_by_its_own_words_is_another():
    # link.py _apart (review r13 Y3)
    found = _relations(
        "Norway proposed a temporary security tax on banks. Sweden rejected a permanent "
        "security tax on oil companies."
    )
    assert _has(found, "Sweden", "opposes", "permanent security tax"), found
    assert not _has(found, "Sweden", "opposes", "temporary security tax"), found
