"""Posts read from more than one place on invented sentences (round 15, x-pos): a plural
title whose holders are named in the sentences after it, and a post held as a term of office
("holds the rotating presidency of X"). Each test fails without the data or the mechanism
it names."""

from __future__ import annotations

import pytest

from tests.sentences import has as _has
from tests.sentences import posts as _posts
from tests.sentences import relations as _relations

pytestmark = pytest.mark.slow


# constructions/named_later.py: the holders of "the X ministers of A, B and C" named later as
# "A's P", "B's Q"
@pytest.mark.parametrize(
    "text",
    [
        "The interior ministers of Spain, Portugal and Norway met in Lisbon on Monday. The "
        "pact was signed by Spain's Ana Ortiz, Portugal's Pedro Alves and Norway's Erik Dahl.",
        # in the next paragraph, after a sentence of something else
        "The interior ministers of Spain, Portugal and Norway gathered in Porto for two days."
        "\n\nNo date was set for a second round. Spain's Ana Ortiz called the outcome fair, "
        "Portugal's Pedro Alves praised the hosts and Norway's Erik Dahl stayed silent.",
    ],
)
def test_a_plural_titles_holders_named_after_it_hold_it(text):
    found = _relations(text)
    for person in ("Ana Ortiz", "Pedro Alves", "Erik Dahl"):
        assert _has(found, person, "holdsPosition", "Interior Minister"), person
    positions = {(s, o) for (s, p, o) in found if p == "positionIn"}
    assert positions == {
        ("Interior Minister", "Spain"),
        ("Interior Minister", "Portugal"),
        ("Interior Minister", "Norway"),
    }


@pytest.mark.parametrize(
    "text, holder",
    [
        # one owner named so: whose post it is is a guess
        (
            "The trade ministers of Chile and Peru met on Monday. Chile's Ana Ortiz said the "
            "talks had gone well.",
            "Ana Ortiz",
        ),
        # two people of one owner: whose is whose is unknown
        (
            "The trade ministers of Chile and Peru met on Monday. Chile's Ana Ortiz and Chile's "
            "Erik Dahl attended, as did Peru's Pedro Alves.",
            "Pedro Alves",
        ),
        # a title of their own in apposition
        (
            "The trade ministers of Chile and Peru met on Monday. Chile's Ana Ortiz, the central "
            "bank governor, and Peru's Pedro Alves, a senator, also spoke.",
            "Pedro Alves",
        ),
        # too many sentences later (titles.yaml `windows.later_sentences`)
        (
            "The trade ministers of Chile and Peru met on Monday. It rained. The hall was cold. "
            "The food was late. Chile's Ana Ortiz and Peru's Pedro Alves then left.",
            "Pedro Alves",
        ),
    ],
)
def test_a_plural_title_named_later_needs_each_owner_once(text, holder):
    posts = _posts(text)
    assert not any(title == "Trade Minister" for (_who, title) in posts), posts
    assert not any(who == holder and "Minister" in title for (who, title) in posts)


# lexicon `leadership_nouns` and `leadership_taking_verbs`: a term of office held
@pytest.mark.parametrize(
    "text, holder, title, qualifiers",
    [
        (
            "Mira Solvang, who holds the rotating presidency of the Nordic Council, opened "
            "the meeting.",
            "Mira Solvang",
            "President",
            (),
        ),
        (
            "Chile's president, Mira Solvang, who has held the rotating chairmanship of the "
            "Northern Council since July, will host the talks.",
            "Mira Solvang",
            "Chairman",
            (),
        ),
        # lexicon `leadership_holding_verbs`: a simple past ends the term
        (
            "Before her election, Mira Solvang held the presidency of the Nordic Council.",
            "Mira Solvang",
            "President",
            ("former",),
        ),
        (
            "Mira Solvang, who held the chairmanship of the Northern Council until 2019, "
            "returned to the senate.",
            "Mira Solvang",
            "Chairman",
            ("former",),
        ),
    ],
)
def test_a_term_of_office_held_is_a_post(text, holder, title, qualifiers):
    posts = _posts(text)
    assert posts.get((holder, title)) == ("asserted", qualifiers), posts


def test_a_country_holding_a_presidency_holds_no_post():
    posts = _posts("Chile holds the rotating presidency of the Northern Council this year.")
    assert posts == {}
