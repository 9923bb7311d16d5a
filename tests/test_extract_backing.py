"""Backing, appointing bodies and units on invented sentences (issue 10): stances declared
without a verb of support, a board that stands for the body it governs, a unit described
beside its name. Each test fails without the frame or mechanism it names."""

from __future__ import annotations

import pytest

from tests.sentences import has as _has
from tests.sentences import relations as _relations

pytestmark = pytest.mark.slow


@pytest.mark.parametrize(
    "text",
    [
        "Norland and Sudria have come out in favour of the Velmar plan.",
        # with no object: what the story is about (the frame's `topic:`)
        "The Velmar plan was on the table at Monday's meeting. Norland and Sudria have come out"
        " in favour.",
    ],
)
def test_coming_out_in_favour_supports(text):
    found = _relations(text)
    assert _has(found, "Norland", "supports", "Velmar plan", "asserted")
    assert _has(found, "Sudria", "supports", "Velmar plan", "asserted")


def test_a_paragraph_opening_with_a_stance_is_on_the_plan_of_the_paragraph_before():
    # a live blog's next entry: "in favour" with no object is on the plan named just before
    text = (
        "10:05 - Velmar tabled the Harbour Plan at the morning session.\n\n"
        "10:40 - Norland and Sudria have come out in favour."
    )
    found = _relations(text)
    assert _has(found, "Norland", "supports", "Harbour Plan", "asserted")
    assert _has(found, "Sudria", "supports", "Harbour Plan", "asserted")


def test_leading_the_call_for_a_moratorium_supports_it():
    found = _relations("Since May, Finland and Portugal have led calls for a drilling moratorium.")
    assert _has(found, "Finland", "supports", "drilling moratorium")
    assert _has(found, "Portugal", "supports", "drilling moratorium")


def test_a_call_for_a_country_to_act_supports_no_country():
    found = _relations("Norland renewed its call for Velmar to withdraw its troops.")
    assert not any(p == "supports" for _s, p, _o in found)


@pytest.mark.parametrize(
    "text",
    [
        "The Velmar Mining Company is sponsored by Norland.",
        "Norland sponsors the Velmar Mining Company.",
    ],
)
def test_sponsoring_a_company_supports_it(text):
    found = _relations(text)
    assert _has(found, "Norland", "supports", "Velmar Mining Company")


def test_the_company_refers_back_to_the_company_named_before():
    found = _relations(
        "Kestrel Minerals applied for a licence in May. The company is sponsored by Norland."
    )
    assert _has(found, "Norland", "supports", "Kestrel Minerals")


@pytest.mark.parametrize(
    "text",
    [
        "The Velmar Development Bank announced that its board of directors has appointed Mira"
        " Solvang as chief economist.",
        "The board of the Velmar Development Bank appointed Mira Solvang as chief economist.",
        "Norland Mining Corp told shareholders its board had appointed Mira Solvang as chief"
        " executive.",
    ],
)
def test_a_board_described_appoints_for_the_body_it_governs(text):
    found = _relations(text)
    owner = "Norland Mining Corp" if "Corp" in text else "Velmar Development Bank"
    assert _has(found, "Mira Solvang", "appointedBy", owner)


def test_a_board_named_with_capitals_is_a_body_of_its_own():
    found = _relations(
        "The Board of Directors of the Velmar Development Bank has appointed Mira Solvang as"
        " chief economist."
    )
    assert _has(found, "Mira Solvang", "appointedBy", "Board of Directors")
    assert _has(found, "Board of Directors", "partOf", "Velmar Development Bank")


@pytest.mark.parametrize(
    "text, unit, owner",
    [
        (
            "Norland Bank named Tomas Ekberg to run the Solvang Fund, its green investment arm.",
            "Solvang Fund",
            "Norland Bank",
        ),
        # the parser hangs the noun on the verb after a bracketed acronym
        (
            "Norland Bank named Tomas Ekberg as managing director of the Solvang Green Fund"
            " (SGF), its impact investment arm, replacing Mira Solvang.",
            "Solvang Green Fund",
            "Norland Bank",
        ),
        (
            "Mira Solvang became the first woman to lead the Nordic Union's legislative body,"
            " the Nordic Assembly.",
            "Nordic Assembly",
            "Nordic Union",
        ),
    ],
)
def test_a_body_described_as_an_owners_unit_beside_its_name_is_part_of_it(text, unit, owner):
    assert _has(_relations(text), unit, "partOf", owner)


def test_a_body_described_as_an_ally_beside_its_name_is_no_part():
    found = _relations("Norland Bank's partner, the Velmar Credit Union, met on Monday.")
    assert not any(p == "partOf" for _s, p, _o in found)


def test_wanting_a_plan_supports_it_and_wanting_a_seat_does_not():
    found = _relations("Norland wants a binding accord on the river, its envoy said.")
    assert _has(found, "Norland", "supports", "binding accord")
    found = _relations("Velmar wants a seat on the Nordic Council.")
    assert not any(p == "supports" for _s, p, _o in found)


@pytest.mark.parametrize(
    "text",
    [
        "Tomas Ekberg suggested a regional seed bank last spring. Sudria backed the idea.",
        # the passive, with a source before it
        "Tomas Ekberg suggested a regional seed bank last spring. According to envoys, the"
        " idea is supported by Sudria.",
    ],
)
def test_the_idea_is_what_was_proposed_last(text):
    found = _relations(text)
    assert _has(found, "Sudria", "supports", "regional seed bank")


@pytest.mark.parametrize(
    "text, modality",
    [
        ("Sudria accepted the Corso Plan in its first reading.", "asserted"),
        ("Mira Solvang tabled a grain levy, which Sudria accepted on Friday.", "asserted"),
        ("Sudria has still not accepted the Corso Plan.", "negated"),
    ],
)
def test_a_plan_accepted_is_backed(text, modality):
    plan = "grain levy" if "levy" in text else "Corso Plan"
    assert _has(_relations(text), "Sudria", "supports", plan, modality)


def test_a_plan_not_to_accept_a_plan_is_a_refusal_and_no_negated_backing():
    found = _relations("Sudria said it would never accept the Corso Plan.")
    assert not _has(found, "Sudria", "supports", "Corso Plan")


@pytest.mark.parametrize(
    "text, predicate, target",
    [
        ("The Solvang Party will campaign against the Corso Treaty.", "opposes", "Corso Treaty"),
        ("The Solvang Party had lobbied for Mira Okafor.", "supports", "Mira Okafor"),
        ("Sudria is pressing for a grain export agreement.", "supports", "grain export agreement"),
    ],
)
def test_campaigning_and_pressing_are_stances(text, predicate, target):
    found = _relations(text)
    subject = "Solvang Party" if "Party" in text else "Sudria"
    assert _has(found, subject, predicate, target)


def test_the_appointment_is_of_the_one_named_since_an_earlier_nomination():
    # actors.py `_appointee`: a verb of the noun that named someone after another noun's
    # phrase ("the nomination of X") wins; the same noun's phrase ("the appointment of X")
    # does not lose to it
    text = (
        "The board approved the {} of Joren Malik as treasurer. Velmar Oil named Mira Okafor"
        " as chief executive on Monday. The Solvang Union said it opposed the appointment."
    )
    found = _relations(text.format("nomination"))
    assert _has(found, "Solvang Union", "opposes", "Mira Okafor")
    assert not _has(found, "Solvang Union", "opposes", "Joren Malik")
    found = _relations(text.format("appointment"))
    assert _has(found, "Solvang Union", "opposes", "Joren Malik")


def test_the_appointment_is_of_one_named_whom_the_parser_reads_as_a_predicate():
    # actors.py `_appointee`: "named former vice-minister X as ..." with X an "oprd"
    found = _relations(
        "The board approved the nomination of Joren Malik as treasurer. Last week Kestrel Oil"
        " named former fisheries and energy vice-minister Mira Okafor as head of the refinery."
        " The Solvang Union said it opposed the appointment."
    )
    assert _has(found, "Solvang Union", "opposes", "Mira Okafor")


@pytest.mark.parametrize(
    "text",
    [
        # review AD9: a physical defence is no stance (no "defend" frame)
        "Norland troops defended the Velmar supply route from rebel attacks.",
        # review AD9: "the idea that ..." is a claim (lexicon `claim_heads`), no plan
        "Norland rejected the idea that it had sent troops to Velmar.",
        "Norland proposed a regional seed bank in May. Sudria rejected the idea that Velmar had"
        " paid for it.",
    ],
)
def test_a_defence_in_arms_and_a_claim_rejected_are_no_stances(text):
    found = _relations(text)
    assert not any(p in ("supports", "opposes") for _s, p, _o in found), found


@pytest.mark.parametrize(
    "text",
    [
        # frames.yaml: the supports frame of consider, study, examine ("considered")
        "Sudria tabled a harbour toll plan on Monday. Norland is studying the plan.",
        "Sudria tabled a harbour toll plan on Monday. Norland said it was ready to consider it.",
        # syntax/arguments.py: a gerund after "open to" is done by the verb's subject
        # (frames.yaml `gerund_adjectives`)
        "Sudria tabled a harbour toll plan on Monday. Norland remains open to examining the"
        " toll plan.",
        # syntax/repair.py and clauses.py `reporting_relative`: "which" in a clause the
        # relative clause reports
        "Sudria tabled a harbour toll plan, which Norland has said it will consider.",
    ],
)
def test_a_plan_weighed_is_considered_support(text):
    found = _relations(text)
    assert _has(found, "Norland", "supports", "harbour toll plan", "considered"), found


def test_a_proposal_weighed_is_considered_support_without_a_determiner():
    # frames.yaml `proposal_heads`: a proposal is someone's plan, "a" or "the"
    found = _relations("Norland is weighing a proposal for a regional seed bank.")
    assert any(
        (s, p, m) == ("Norland", "supports", "considered") for (s, p, _o), m in found.items()
    ), found


@pytest.mark.parametrize(
    "text",
    [
        # `needs: definite`: a study of its own, not a plan of another's weighed
        "The Kestrel Bank had studied a coastal rail route before the war.",
        # (`proposal_heads` singular: proposals on an agenda are examined, not weighed)
        "The ministers of the Coral Union examined several proposals for a regional seed bank.",
        # `other_heads`: a loan or sanctions weighed belong to other frames
        "The Kestrel Bank is considering the loan for the harbour.",
        "Norland is considering the sanctions on Velmar's shipping firms.",
        # `causative`: what a plan is judged to be
        "Sudria tabled a harbour toll plan, which Norland considers too costly.",
    ],
)
def test_weighing_no_plan_of_another_is_no_support(text):
    found = _relations(text)
    assert not any(p == "supports" for _s, p, _o in found), found


def test_it_as_the_object_is_none_of_its_own_subjects():
    # things.py `_own_doers`: "it" as a direct object would be "itself" for its own subject
    found = _relations(
        "The debate turned to the clause on fishing rights. Kestria rejected the clause."
        " Norland and Sudria backed it."
    )
    assert not _has(found, "Norland", "supports", "Sudria"), found
    # ... nor is it the possessor of its subject
    found = _relations(
        "The debate turned to the clause on fishing rights. Kestria rejected the clause."
        " Sudria's Mira Solvang backed it."
    )
    assert not _has(found, "Mira Solvang", "supports", "Sudria"), found


def test_it_backed_by_someones_minister_is_the_plan_a_reported_clause_named():
    # things.py `_own_doers`: nor the possessor of its subject; `_plan_it`: a clause a main
    # verb of saying reports names the plan
    found = _relations(
        "The Sudrian minister said Norland supported the Velmar harbour plan. Kestria's Mira"
        " Solvang also backed it."
    )
    assert not _has(found, "Mira Solvang", "supports", "Norland"), found
    assert _has(found, "Mira Solvang", "supports", "Velmar harbour plan"), found


def test_a_clause_before_an_elliptic_did_not_keeps_its_backing():
    # syntax/modality.py `_separate_clause`, frames.yaml `elliptic_verbs`: "did" takes no
    # clause, the negation is its own
    found = _relations("Norland and Sudria backed the harbour toll plan, Kestria did not.")
    assert _has(found, "Norland", "supports", "harbour toll plan", "asserted"), found
    assert _has(found, "Sudria", "supports", "harbour toll plan", "asserted"), found


def test_no_object_after_a_semicolon_that_ends_the_clause():
    # syntax/arguments.py `_before_a_break`: a title after ";" hung on the verb as an object
    found = _relations(
        "Norland and Sudria welcomed the harbour toll plan; the bank's vice-president, Mira"
        " Solvang, told reporters the bank would manage its fund."
    )
    assert _has(found, "Norland", "supports", "harbour toll plan"), found
    assert not _has(found, "Norland", "supports", "Mira Solvang"), found


@pytest.mark.parametrize(
    "text",
    [
        # review AE6: only a gerund of weighing after "open to" is done by the subject
        # (frames.yaml `weighing_gerunds`); a willingness or an opposition is no act
        "Kestria remains opposed to signing the Lagoon Fisheries Accord.",
        "Kestria is open to signing the Lagoon Fisheries Accord.",
        "Sudria is receptive to joining the Coastal Patrol Force.",
        "Sudria is amenable to sending two frigates to the Coastal Patrol Force.",
        "Sudria is open to hosting the next summit.",
    ],
)
def test_a_gerund_after_open_to_states_no_act_but_weighing(text):
    found = _relations(text)
    assert not any(p in ("signs", "memberOf", "contributesTo", "hosts") for _s, p, _o in found), (
        found
    )


@pytest.mark.parametrize(
    "text",
    [
        # nothing said about what: the plan named last in the paragraph (frames.yaml `topic`)
        "Sudria tabled the Orlen Canal plan on Tuesday. Norland, represented by its deputy"
        " premier, voiced objections, arguing that the lagoon would silt up.",
        "The Orlen Canal plan was tabled by Sudria on Tuesday.\n\nVelmar expressed reservations.",
        # ... or what the phrase after the noun names
        "Velmar expressed reservations about the Orlen Canal plan.",
    ],
)
def test_reservations_or_objections_stated_oppose_the_plan(text):
    found = _relations(text)
    assert any(
        _has(found, who, "opposes", "Orlen Canal plan", "asserted") for who in ("Velmar", "Norland")
    ), found


@pytest.mark.parametrize(
    "text",
    [
        # what they are about is named, and it is not the plan
        "Sudria tabled the Orlen Canal plan on Tuesday. Velmar raised objections about the cost.",
        # ... in a phrase of more than one word (review AF1)
        "Sudria tabled the Orlen Canal plan on Tuesday. Velmar expressed reservations with"
        " regard to the cost.",
        "Sudria tabled the Orlen Canal plan on Tuesday. Velmar raised objections because of"
        " the cost.",
        # the plan was named two paragraphs before
        "Sudria tabled the Orlen Canal plan on Tuesday.\n\nThe lagoon is shallow.\n\nVelmar"
        " expressed reservations.",
    ],
)
def test_reservations_about_something_else_oppose_no_plan(text):
    found = _relations(text)
    assert not any(p == "opposes" for _s, p, _o in found), found


@pytest.mark.parametrize(
    ("text", "who", "predicate", "what"),
    [
        # a bare act noun stands for what the last act of its kind was on (frames.yaml
        # `decision_nouns`), in a paragraph of its own too
        (
            "The Velmar Council on Monday extended the Coastal Patrol Mission for a year.\n\n"
            "Norland welcomed the decision.",
            "Norland",
            "supports",
            "Coastal Patrol Mission",
        ),
        (
            "Norland and Sudria signed the Tansy Accord on Friday. The Velmar Union welcomed the"
            " signing.",
            "Velmar Union",
            "supports",
            "Tansy Accord",
        ),
        (
            "The Velmar Council on Monday extended the Coastal Patrol Mission for a year. Norland"
            " criticised the move.",
            "Norland",
            "opposes",
            "Coastal Patrol Mission",
        ),
        # the stance's own verb is no nearer act, though it is one of `other_decisions`
        (
            "The Velmar Council on Monday extended the Coastal Patrol Mission for a year. Norland"
            " rejected the decision.",
            "Norland",
            "opposes",
            "Coastal Patrol Mission",
        ),
    ],
)
def test_welcoming_the_decision_backs_what_it_was_on(text, who, predicate, what):
    found = _relations(text)
    assert _has(found, who, predicate, what, "asserted"), found


@pytest.mark.parametrize(
    "text",
    [
        # a nearer act that is no act on a plan is the decision meant (review AF9)
        "Norland approved the Tarrow Gas Pipeline in May. On Friday a Norland court released"
        " Mira Solvang from prison. Sudria criticised the decision.",
        "Ghana extended the Coastal Patrol Force's mandate in March. Ghana expelled two Togo"
        " diplomats on Friday. Togo condemned the move.",
        "Ghana adopted the Lagoon Fisheries Accord in 2019. Ghana decided on Monday to close its"
        " border with Togo. Togo condemned the decision.",
        "Ghana's parliament approved the Lagoon Fisheries Accord in 2019.\n\nTogo's navy seized"
        " two Ghanaian trawlers last week.\n\nOn Monday Ghana's supreme court ruled that the"
        " seizure was illegal. Togo rejected the decision.",
    ],
)
def test_a_decision_after_another_act_is_that_act(text):
    found = _relations(text)
    assert not any(p == "opposes" for _s, p, _o in found), found


@pytest.mark.parametrize(
    "text",
    [
        # the noun says what it is about: no act before stands for it
        "The Velmar Council extended the Coastal Patrol Mission. Norland welcomed the decision"
        " to close the embassy.",
        # no act of its kind before it
        "The Coastal Patrol Mission met on Monday. Norland welcomed the decision.",
    ],
)
def test_a_decision_with_a_content_or_no_act_before_backs_nothing(text):
    found = _relations(text)
    assert not any(p == "supports" for _s, p, _o in found), found


@pytest.mark.parametrize(
    "text",
    [
        # what the main clause gives up holds no longer (frames.yaml giving_up_verbs, review AF10)
        "Velmar has proposed the Tarrow Gas Pipeline. Norland has dropped the reservations it had"
        " expressed.",
        "Velmar has proposed the Tarrow Gas Pipeline. Norland withdrew the objections it raised"
        " in May.",
    ],
)
def test_reservations_given_up_oppose_nothing(text):
    found = _relations(text)
    assert not any(p == "opposes" for _s, p, _o in found), found


def test_reservations_another_dismissed_still_oppose():
    found = _relations(
        "Velmar has proposed the Tarrow Gas Pipeline. Sudria dismissed the objections Norland"
        " raised."
    )
    assert _has(found, "Norland", "opposes", "Tarrow Gas Pipeline"), found
