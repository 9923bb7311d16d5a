"""Structure between bodies, forces and places on invented sentences: the members a sentence
lists for a bloc (constructions/members.py), and where a force is sent or what it watches
over (frames.yaml operatesIn). Each test fails without the construction or frame it names."""

from __future__ import annotations

import pytest

from tests.sentences import has as _has
from tests.sentences import relations as _relations

pytestmark = pytest.mark.slow

NORDIC = ("Norway", "Sweden", "Finland")


@pytest.mark.parametrize(
    "text, body",
    [
        # the members in the complement of "are", the body in "whose"
        (
            "Talks stalled at the Brask Treaty Council, whose members are Norway, Sweden and "
            "Finland, over the budget.",
            "Brask Treaty Council",
        ),
        # no owner named: the body the story is about, named before
        (
            "The Tarnow Defence Alliance held its yearly review in Tallinn. The other three "
            "members are Norway, Sweden and Finland, and each sent a minister.",
            "Tarnow Defence Alliance",
        ),
        (
            "The Orvel Security Organisation meets twice a year. Its chair wrote to the three "
            "member states, Norway, Sweden and Finland, about the arrears.",
            "Orvel Security Organisation",
        ),
        # a list in apposition to the word, the body its possessor
        (
            "The Brask Treaty Council met in Vilnius. Norway, Sweden and Finland, the council's "
            "founding members, tabled a joint text.",
            "Brask Treaty Council",
        ),
        # a body that "groups" countries (the parser reads "groups" as a noun)
        ("The Kessel Union, founded in 1994, groups Norway, Sweden and Finland.", "Kessel Union"),
        (
            "The Kessel Union, which keeps its secretariat in Riga, groups Norway, Sweden and "
            "the Finland.",
            "Kessel Union",
        ),
    ],
)
def test_the_members_a_sentence_lists_are_members_of_the_body(text, body):
    found = _relations(text)
    for country in NORDIC:
        assert _has(found, country, "memberOf", body, "asserted"), (country, found)


def test_former_members_listed_are_members_no_longer():
    found = _relations(
        "The Brask Treaty Council met in Vilnius. Norway and Sweden, the council's former "
        "members, sat as observers."
    )
    for country in ("Norway", "Sweden"):
        assert _has(found, country, "memberOf", "Brask Treaty Council", "negated"), found


@pytest.mark.parametrize(
    "text",
    [
        # one member with no body named: a member of what is not said
        "The Tarnow Defence Alliance met in Oslo. Norway, the member that joined last, sent "
        "no minister.",
        # "groups" with no body before it
        "Armed groups Norway and Sweden both condemned attacked the convoy.",
        # "groups" as a noun (review AF5)
        "The Kessel Patrol Force fought armed groups, Norway and Sweden said on Monday.",
        "The Kessel Union met civil society groups, Norway and Sweden reported.",
        # members only to be (review AF5)
        "Norway and Sweden, the Kessel Union's candidate members, sent observers.",
    ],
)
def test_no_membership_without_a_list_and_a_body(text):
    assert not any(p == "memberOf" for _s, p, _o in _relations(text))


@pytest.mark.parametrize(
    "text, force, place, modality",
    [
        # sent to a place, in any voice
        (
            "The Kessel Stabilisation Force, which deployed to northern Chad in 2023, withdrew "
            "in May.",
            "Kessel Stabilisation Force",
            "Chad",
            "asserted",
        ),
        (
            "The Brask Observer Mission will be deployed to Guatemala before the vote.",
            "Brask Observer Mission",
            "Guatemala",
            "planned",
        ),
        (
            "The Kessel Union will deploy the Kessel Monitoring Mission to Moldova next spring.",
            "Kessel Monitoring Mission",
            "Moldova",
            "planned",
        ),
        (
            "The deployment of the Kessel Stabilisation Force to Chad was welcomed by officials.",
            "Kessel Stabilisation Force",
            "Chad",
            "asserted",
        ),
        # what it watches over
        (
            "The Brask Naval Force, which guards the Strait of Hormuz, has four frigates.",
            "Brask Naval Force",
            "Strait of Hormuz",
            "asserted",
        ),
        (
            "The Brask Observer Force monitors the ceasefire line on the Golan Heights.",
            "Brask Observer Force",
            "Golan Heights",
            "asserted",
        ),
        (
            "The Brask Naval Force escorts tankers through the Strait of Hormuz.",
            "Brask Naval Force",
            "Strait of Hormuz",
            "asserted",
        ),
    ],
)
def test_a_force_works_where_it_is_sent_or_what_it_watches_over(text, force, place, modality):
    assert _has(_relations(text), force, "operatesIn", place, modality)


@pytest.mark.parametrize(
    "text",
    [
        # who sends mere soldiers is no force, and a country that sends them operates nowhere
        "Hungary deployed two hundred soldiers to Chad last year.",
        # what a body that is no force watches is not where a force works
        "The Kessel Union monitors the elections in Guatemala.",
    ],
)
def test_no_force_works_where_no_force_is_sent(text):
    assert not any(p == "operatesIn" for _s, p, _o in _relations(text))


@pytest.mark.parametrize(
    "text, person, body",
    [
        (
            "Tomas Ekberg left Velmar Air in July to join Brask Airways.",
            "Tomas Ekberg",
            "Brask Airways",
        ),
        ("Mira Solvang joined the Velmar Navy in 1992.", "Mira Solvang", "Velmar Navy"),
        (
            "Tomas Ekberg, a member of the Velmar Commission, signed the text.",
            "Tomas Ekberg",
            "Velmar Commission",
        ),
    ],
)
def test_a_person_who_joins_a_body_or_is_its_member_works_for_it(text, person, body):
    found = _relations(text)
    assert _has(found, person, "worksFor", body, "asserted"), found
    assert not _has(found, person, "memberOf", body), found


@pytest.mark.parametrize(
    "text, event, place, modality",
    [
        # the place hung on the last noun of the event's "of" phrases
        (
            "The deal was reached at a meeting of the Kessel Board of Trade Ministers in "
            "Tallinn, which lasted two days.",
            "meeting of the Kessel Board of Trade Ministers",
            "Tallinn",
            "asserted",
        ),
        # where an event opens or resumes
        (
            "The Tarnow talks will resume in Geneva after the holiday.",
            "Tarnow talks",
            "Geneva",
            "planned",
        ),
        ("The Kessel summit opened on Monday in Riga.", "Kessel summit", "Riga", "asserted"),
    ],
)
def test_an_event_is_where_it_is_held_opens_or_resumes(text, event, place, modality):
    assert _has(_relations(text), event, "locatedIn", place, modality)


def test_an_event_that_ends_in_no_place_is_located_nowhere():
    found = _relations("The Tarnow talks ended in failure.")
    assert not any(p == "locatedIn" for _s, p, _o in found)


@pytest.mark.parametrize(
    "text, event, place",
    [
        # the event named after "for"
        (
            "Coral leaders are meeting in Riga this week for the fifth summit of the Kessel "
            "League, the first held in the Baltics.",
            "fifth summit",
            "Riga",
        ),
        # the place a clause of "where" is on
        (
            "Greetings from Tallinn, where delegates of the Kessel Board meet this morning for "
            "the Kessel trade conference. It opens at ten.",
            "Kessel trade conference",
            "Tallinn",
        ),
        # the article's opening: the gathering the article names most
        (
            "Kessel ministers meet in Riga today. The Kessel summit began with a speech by the "
            "chair. The summit ended late.",
            "Kessel summit",
            "Riga",
        ),
    ],
)
def test_an_event_is_where_its_participants_gather(text, event, place):
    assert _has(_relations(text), event, "locatedIn", place, "asserted")


@pytest.mark.parametrize(
    "text",
    [
        # two who meet each other hold a meeting of their own
        "Mira Solvang met Tomas Ekberg in Riga. The Kessel summit ended late.",
        # past the opening, a gathering named nowhere is no other event's place
        "The Kessel summit opened with a speech. The chair spoke first. In other news, the "
        "trade ministers met in Riga on Friday. The summit ended late.",
    ],
)
def test_a_gathering_places_no_other_event(text):
    found = _relations(text)
    assert not any(p == "locatedIn" and o == "Riga" for _s, p, o in found), found


def test_members_a_body_wants_to_admit_are_not_members_yet():
    found = _relations("The Kessel Union wants to admit two new members, Norway and Sweden.")
    assert not _has(found, "Norway", "memberOf", "Kessel Union", "asserted"), found


def test_an_event_placed_on_its_verb_takes_no_place_from_its_of_phrases():
    # review AF6: "in northern Togo" is where the groups are
    found = _relations(
        "Mira Solvang chaired a meeting of the heads of the armed groups in northern Togo at "
        "a hotel in Accra."
    )
    assert not any(p == "locatedIn" and o == "Togo" for _s, p, o in found), found
