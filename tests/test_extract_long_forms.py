"""A description is also named by the longer form the text gives it, which its label leaves
out: a complement with a gerund and its object ("a text on pooling the tolls"), who it is by
("a call by Velmar farmers"), a gerund clause on its head ("a decree dissolving the
assembly"). Aliases only (kg/extract/long_forms.py): the label stays. Invented sentences;
each test fails without the mechanism."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.slow


def _extract(text: str):
    from kg.extract.pipeline import extract

    return extract(text, "t")


def _names(st) -> dict[str, set[str]]:
    return {e.label: {e.label, *e.aliases} for e in st.entities}


@pytest.mark.parametrize(
    "text, label, alias",
    [
        (
            "At the harbour talks, the Norvik delegation tabled a text on pooling the tolls.",
            "text",
            "text on pooling the tolls",
        ),
        (
            "Velmar has put forward a separate accord on dredging the Orsk channel, Mira "
            "Solvang told the assembly.",
            "separate accord",
            "separate accord on dredging the Orsk channel",
        ),
        (
            "Tomas Ekberg also turned down a call by Velmar farmers for the board to cut the levy.",
            "call",
            "call by Velmar farmers",
        ),
        (
            "The council adopted a Velmar resolution extending the patrol mission.",
            # named by its phrase: the name is written only before its head noun
            "Velmar resolution",
            "resolution extending the patrol mission",
        ),
    ],
)
def test_a_description_is_also_named_by_its_longer_form(text, label, alias):
    names = _names(_extract(text))
    assert label in names, names
    assert alias in names[label]


@pytest.mark.parametrize(
    "text, label, not_alias",
    [
        # a phrase the parser hangs on the verb says how it was done, not whose it is
        (
            "The two ministers signed the border accord by video link on Friday.",
            "border accord",
            "border accord by video link",
        ),
        # a date is no part of a name ("on Monday" is no name either: _complement)
        (
            "Norland tabled a text on dredging the channel in March.",
            "text",
            "text on dredging the channel in March",
        ),
    ],
)
def test_what_is_no_longer_form(text, label, not_alias):
    names = _names(_extract(text))
    assert label in names, names
    assert not_alias not in names[label]
