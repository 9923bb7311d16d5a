"""Posts and the relations of office on invented sentences (round 13, x-pos): titles of
firms and of law officers, and successions written with a noun ("A, B's successor", "in
place of B"). Each test fails without the data or the mechanism it names."""

from __future__ import annotations

import pytest

from tests.sentences import has as _has
from tests.sentences import posts as _posts
from tests.sentences import relations as _relations

pytestmark = pytest.mark.slow


@pytest.mark.parametrize(
    "text, holder, title",
    [
        # titles.yaml pattern `chief-executive`
        (
            "Orders at Velmar Steel rose, its chief executive Mira Solvang said.",
            "Mira Solvang",
            "Chief Executive",
        ),
        (
            "Mira Solvang, group chief executive of Norland Freight, will retire.",
            "Mira Solvang",
            "Group Chief Executive",
        ),
        (
            "Velmar Steel named Tomas Ekberg its chief executive last week.",
            "Tomas Ekberg",
            "Chief Executive",
        ),
        # titles.yaml `title_modifiers`: managing, financial, operating
        (
            "Shares fell after Norland Freight's managing director, Tomas Ekberg, quit.",
            "Tomas Ekberg",
            "Managing Director",
        ),
        (
            "Mira Solvang, chief financial officer of Velmar Steel, declined to comment.",
            "Mira Solvang",
            "Chief Financial Officer",
        ),
        # titles.yaml `title_modifiers`: group, where the parser makes it no compound
        (
            "Since May the steelmaker has been led by group chief executive Tomas Ekberg.",
            "Tomas Ekberg",
            "Group Chief Executive",
        ),
        # titles.yaml `title_modifiers`: attorney, auditor, solicitor ("General" is no rank)
        (
            "Kenya's Attorney General Mira Solvang dropped the charges.",
            "Mira Solvang",
            "Attorney General",
        ),
        (
            "In a report, Auditor General Tomas Ekberg faulted the ministry.",
            "Tomas Ekberg",
            "Auditor General",
        ),
    ],
)
def test_titles_of_firms_and_of_law_officers_are_read_whole(text, holder, title):
    found = _posts(text)
    assert (holder, title) in found, found


def test_an_executive_alone_is_no_post():
    # "executive" is a post only after "chief": "the Norlandic Executive" is a government
    found = _posts("Mira Solvang said the Norlandic Executive had approved the budget.")
    assert not any("Executive" in title for _h, title in found), found


@pytest.mark.parametrize(
    "text, modality",
    [
        # succession.py: a successor noun in apposition, either way
        ("Mira Solvang, Tomas Ekberg's successor, opened the session.", "asserted"),
        ("The successor to Tomas Ekberg, Mira Solvang, opened the session.", "asserted"),
        # ... as the "as" complement of a verb, whose object is the successor
        ("The council picked Mira Solvang as successor to Tomas Ekberg on Friday.", "asserted"),
        ("Mira Solvang was confirmed as the successor of Tomas Ekberg in a vote.", "asserted"),
        # lexicon `nominating_verbs`: put forward, not appointed
        (
            "Tomas Ekberg will retire in May. His party has put forward Mira Solvang as his "
            "successor.",
            "planned",
        ),
        # lexicon `hedging_as_verbs` (review r13 Y6): an opinion, not a fact
        ("In the party Mira Solvang is widely seen as Tomas Ekberg's successor.", "possible"),
        ("Mira Solvang has been tipped as successor to Tomas Ekberg by several aides.", "possible"),
        # lexicon `in_place_nouns`, after "in" (names.py: the name after it is a person's)
        (
            "The cabinet appointed Mira Solvang as army commander in place of Tomas Ekberg.",
            "asserted",
        ),
    ],
)
def test_a_successor_noun_or_in_place_of_states_the_succession(text, modality):
    assert _has(_relations(text), "Mira Solvang", "succeeds", "Tomas Ekberg", modality)


@pytest.mark.parametrize(
    "text",
    [
        # lexicon `hedged_successor_words`
        "Mira Solvang, a possible successor to Tomas Ekberg, declined to comment.",
        # negated
        "Mira Solvang was not chosen as successor to Tomas Ekberg.",
        # "place" not after "in"
        "The talks took place at the home of Tomas Ekberg, Mira Solvang said.",
        # no verb that puts someone into a post: a stand-in
        "The deputy foreign minister, Mira Solvang, spoke at the summit in place of Tomas "
        "Ekberg, who was ill.",
    ],
)
def test_a_hedged_or_negated_successor_states_no_succession(text):
    found = _relations(text)
    assert not any(p == "succeeds" for _s, p, _o in found), found


def test_in_place_of_is_no_part_of_the_title():
    # titles.yaml `written_stops`: place, stead, lieu
    found = _posts("The cabinet appointed Mira Solvang as army commander in place of Tomas Ekberg.")
    assert not any("Place" in title for _h, title in found), found


def test_the_possessor_of_an_as_complement_is_not_the_object_it_describes():
    # pronouns.py `_described`: "his" is not Mira Solvang, whom "as his successor" describes
    found = _relations(
        "Tomas Ekberg, the chairman of Velmar Steel, is retiring. The board has chosen Mira "
        "Solvang as his successor."
    )
    assert _has(found, "Mira Solvang", "succeeds", "Tomas Ekberg"), found


@pytest.mark.parametrize(
    "text, title",
    [
        ("The army chief, General Mira Solvang, rejected the charges.", "Army Chief"),
        ("The party leader, Mira Solvang, rejected the charges.", "Party Leader"),
    ],
)
def test_a_title_opening_a_sentence_keeps_its_first_word(text, title):
    # titles.py `_trim`: "The" opening a sentence is title-case but names nothing
    found = _posts(text)
    assert ("Mira Solvang", title) in found, found


@pytest.mark.parametrize(
    "text, body",
    [
        # frames/objects.py `post_owner`: the post as the verb's object complement
        (
            "After two rounds, Mira Solvang was elected chair of the Velmar Trade Board.",
            "Velmar Trade Board",
        ),
        (
            "Delegates on Friday re-elected Mira Solvang president of the Nordic Chess Federation.",
            "Nordic Chess Federation",
        ),
        # ... and a post no owner is named with is the electing body's
        (
            "In a secret ballot the Northern Council elected Mira Solvang as treasurer.",
            "Northern Council",
        ),
    ],
)
def test_who_is_elected_to_a_bodys_post_is_elected_to_the_body(text, body):
    assert _has(_relations(text), "Mira Solvang", "electedTo", body)


def test_people_who_elect_give_no_body_to_an_unowned_post():
    found = _relations("On Sunday voters in the port city elected Mira Solvang as mayor.")
    assert not any(p == "electedTo" for _s, p, _o in found), found


@pytest.mark.parametrize(
    "text, alias",
    [
        (
            "Talks went on, the British High Commissioner, Mira Solvang, told us.",
            "British High Commissioner",
        ),
        (
            "Nothing was agreed, EU foreign policy chief Mira Solvang said.",
            "EU foreign policy chief",
        ),
    ],
)
def test_a_title_written_after_its_owner_keeps_that_form_as_another_name(text, alias):
    # positions.py `_written_after_owner`
    from kg.extract.pipeline import extract

    st = extract(text, "t")
    names = {a for e in st.entities if e.cls == "Position" for a in (e.label, *e.aliases)}
    assert alias in names, names
