"""A body known by a common noun of its own (lexicon head_classes Organization: team, caucus,
consortium, embassy) is an entity when a name, a compound or a nationality specifies it, as
plans and forces are: "a joint monitoring team", "the Norlandic embassy in Velmar City". A
place named in it is its own entity (not "the Norlandic government", which is Norland); "a
team of engineers" are the engineers sent; "no embassy" names none. Invented sentences; each
test fails without the mechanism."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.slow


def _extract(text: str):
    from kg.extract.pipeline import extract

    return extract(text, "t")


def _entities(st) -> dict[str, str]:
    return {e.label: e.cls for e in st.entities}


@pytest.mark.parametrize(
    "text, body",
    [
        (
            "Under the accord, a joint monitoring team will measure the flow of the Orsk river "
            "at Norvik.",
            "joint monitoring team",
        ),
        (
            "The Southern Velmar caucus had nominated Mira Solvang in March.",
            "Southern Velmar caucus",
        ),
        (
            "About 200 farmers marched to the Norlandic embassy in Velmar City on Sunday.",
            "Norlandic embassy",
        ),
    ],
)
def test_a_body_known_by_a_common_noun(text, body):
    found = _entities(_extract(text))
    assert found.get(body) == "Organization", found


def test_a_country_named_in_an_embassy_stays_the_country():
    found = _entities(
        _extract("The German embassy in Velmar City said Germany would send two engineers.")
    )
    assert found.get("German embassy") == "Organization", found
    assert found.get("Germany") == "Country", found


@pytest.mark.parametrize(
    "text, word",
    [
        ("A team of surveyors from Norland reached the Orsk dam on Sunday.", "team"),
        ("Velmar has no embassy in Norland, Mira Solvang said.", "embassy"),
    ],
)
def test_no_body_of_its_own(text, word):
    found = _entities(_extract(text))
    assert not any(word in label for label in found), found
