"""Appointments and successions on invented sentences (round 12, x-appt): who appoints whom
and whom they replace, in constructions the core frames missed. Each test fails without the
mechanism it names."""

from __future__ import annotations

import pytest

from tests.sentences import has as _has
from tests.sentences import relations as _relations

pytestmark = pytest.mark.slow


@pytest.mark.parametrize(
    "text, modality",
    [
        (
            "President Tomas Ekberg will ask Mira Solvang to form a government after the vote "
            "count is final, an aide said.",
            "planned",
        ),
        ("President Tomas Ekberg tasked Mira Solvang with forming a cabinet.", "asserted"),
    ],
)
def test_asking_someone_to_form_a_government_appoints_them(text, modality):
    # frames.yaml `needs: mandate`; the urges frame's `unless: mandate`: no plea besides
    found = _relations(text)
    assert _has(found, "Mira Solvang", "appointedBy", "Tomas Ekberg", modality)
    assert not _has(found, "Tomas Ekberg", "urges", "Mira Solvang")


def test_asking_a_minister_to_take_over_a_portfolio_appoints_them():
    # frames.yaml `mandate_verbs`, `mandate_nouns`: a minister's portfolio
    found = _relations(
        "Premier Ilse Varga asked the energy minister, Joren Malik, to take over the water"
        " portfolio for now."
    )
    assert _has(found, "Joren Malik", "appointedBy", "Ilse Varga")
    assert not _has(found, "Ilse Varga", "urges", "Joren Malik")


@pytest.mark.parametrize(
    "text",
    [
        "President Tomas Ekberg asked Mira Solvang to comment on the results.",
        # review r12 X19: a party's offer of a coalition is no mandate
        "Mira Solvang asked Tomas Ekberg to form a coalition with her party.",
        # review r18 AD13: "take" is a mandate only with "over"
        "Mira Solvang asked Tomas Ekberg to take the cabinet to court over the harbour lease.",
        "Mira Solvang asked Tomas Ekberg to take the portfolio to a vote in the assembly.",
    ],
)
def test_asking_someone_to_comment_or_to_join_a_coalition_appoints_no_one(text):
    found = _relations(text)
    assert not any(p == "appointedBy" for _s, p, _o in found), found


def test_a_participle_after_a_relative_clause_on_a_name_in_apposition_continues_it():
    # syntax/arguments.py `_continued_relative`: the parser hangs "replacing" on the main
    # passive, whose subject is a country
    found = _relations(
        "Velmar was represented in Geneva by its foreign minister, Mira Solvang, who was named "
        "by the new cabinet last week, replacing Tomas Ekberg."
    )
    assert _has(found, "Mira Solvang", "succeeds", "Tomas Ekberg"), found


@pytest.mark.parametrize(
    "text",
    [
        "The chair of the Nordic Council, Mira Solvang, was elected in May.",
        "This year the Nordic Council's chair, Mira Solvang, was elected unopposed.",
    ],
)
def test_who_holds_a_post_of_a_body_and_was_elected_is_elected_to_the_body(text):
    # frames/objects.py `post_owner`: the post the passive's subject names
    assert _has(_relations(text), "Mira Solvang", "electedTo", "Nordic Council")


def test_who_was_elected_with_no_post_is_elected_to_nothing():
    found = _relations("Mira Solvang was elected in May.")
    assert not any(p == "electedTo" for _s, p, _o in found), found


@pytest.mark.parametrize(
    "text",
    [
        "The commission is chaired by Pavel Orin, a Finnish diplomat who replaced Tomas Ekberg "
        "last spring.",
        "Speaking in Varsk, Pavel Orin, the managing director of Velmar Railways Corporation, "
        "who succeeded Tomas Ekberg in 2021, said fares would rise.",
    ],
)
def test_who_after_a_description_of_a_person_is_that_person(text):
    # syntax/clauses.py `person_of`: the relative hangs on the description in apposition
    # to the name, or on the name in that description's "of" phrase
    found = _relations(text)
    assert _has(found, "Pavel Orin", "succeeds", "Tomas Ekberg"), found
    assert not _has(found, "Velmar Railways Corporation", "succeeds", "Tomas Ekberg"), found


def test_who_after_a_description_in_apposition_is_appointed_by_the_agent():
    found = _relations(
        "The motion came from Mira Solvang, a lawyer from the coast who was appointed by "
        "President Tomas Ekberg last year."
    )
    assert _has(found, "Mira Solvang", "appointedBy", "Tomas Ekberg"), found


@pytest.mark.parametrize(
    "text",
    [
        "Tor Lund, the son of a general who was appointed by President Ola Brekke, won the seat.",
        "Tor Lund, a nephew of the Velmar defence minister who signed the accord, spoke first.",
        "Tor Lund, the husband of a judge who replaced Ola Brekke on the court, declined to "
        "comment.",
    ],
)
def test_who_after_a_title_in_the_description_is_not_the_described_person(text):
    # review AE8: syntax/clauses.py `person_of`, `_after_a_title`: with no comma before it,
    # the relative is the title's, not the apposed name's
    found = _relations(text)
    assert not any(
        s == "Tor Lund" and p in ("appointedBy", "signs", "succeeds") for s, p, _o in found
    ), found
