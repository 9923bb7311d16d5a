"""Words of posts that kg left out of a title (round 19, issue 10: the held-out articles of
rounds 15-16 read as development articles): a field word before a role noun ("civil
protection minister", "country director", "resident representative", "independent
commissioner"), "-at-large", domains joined by "and" ("Minister of Shipping and
Telecommunications"), "investor relations" inside a chief officer's title, "manager" and
"chief ... observer" as posts only after a word of their field (a firm that manages
tankers, an observer group and an observer at talks hold no post). Invented sentences;
each test fails without the word or pattern it names in data/patterns/titles.yaml."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.slow


def _holdings(text: str) -> set[tuple[str, str]]:
    """(holder, title label) of every holding."""
    from kg.extract.pipeline import extract

    st = extract(text, "t")
    label = {e.id: e.label for e in st.entities}
    return {
        (label[r.subject], label[r.object]) for r in st.relations if r.predicate == "holdsPosition"
    }


@pytest.mark.parametrize(
    ("text", "holder", "title"),
    [
        (
            "Veldra's civil protection minister, Oskar Brannvik, flew to the fires on Sunday.",
            "Oskar Brannvik",
            "Civil Protection Minister",
        ),
        (
            "Oskar Brannvik, the lender's country director for Veldra, asked for patience.",
            "Oskar Brannvik",
            "Country Director for Veldra",
        ),
        (
            "Oskar Brannvik, resident representative of the Norland Fund, met the banks.",
            "Oskar Brannvik",
            "Resident Representative",
        ),
        (
            "The annual meeting named Mirela Oskarsen as independent commissioner on Friday.",
            "Mirela Oskarsen",
            "Independent Commissioner",
        ),
        (
            "Talks were led by Mirela Oskarsen, Veldra's ambassador-at-large for water, in May.",
            "Mirela Oskarsen",
            "Ambassador-at-large for Water",
        ),
    ],
)
def test_a_field_word_before_a_role_noun(text, holder, title):
    found = _holdings(text)
    assert (holder, title) in found, found


def test_domains_joined_by_and_before_the_holder_s_name():
    found = _holdings(
        "Late on Friday Minister of Shipping and Telecommunications Oskar Brannvik left Velmar."
    )
    assert ("Oskar Brannvik", "Minister of Shipping and Telecommunications") in found, found


def test_a_commissioner_for_a_field_in_lower_case():
    found = _holdings("Commissioner for crisis management Mirela Oskarsen thanked the crews.")
    assert ("Mirela Oskarsen", "Commissioner for Crisis Management") in found, found


def test_investor_relations_inside_a_chief_officer_s_title():
    found = _holdings(
        "The board has named Mirela Oskarsen chief financial and investor relations officer."
    )
    assert ("Mirela Oskarsen", "Chief Financial and Investor Relations Officer") in found, found


def test_a_chief_observer_is_a_post_and_an_observer_group_a_body():
    from kg.extract.pipeline import extract

    found = _holdings("Oskar Brannvik, chief military observer since March, toured the line.")
    assert ("Oskar Brannvik", "Chief Military Observer") in found, found
    st = extract("The Veldra Military Observer Group sent twelve officers.", "t")
    assert "Veldra Military Observer Group" in {e.label for e in st.entities}
    assert not _holdings("Oskar Brannvik, an observer at the talks, stayed silent.")


def test_a_manager_after_a_word_of_the_field_and_not_a_firm_that_manages():
    found = _holdings("Velcor made Oskar Brannvik interim general manager after a vote.")
    assert ("Oskar Brannvik", "Interim General Manager") in found, found
    found = _holdings(
        "Veldra fined Tessen Marine, a Velmar-based manager of old tankers, and its owner."
    )
    assert not any(h == "Tessen Marine" for h, _t in found), found
