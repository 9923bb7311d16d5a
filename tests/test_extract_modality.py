"""Modality and precision on invented sentences: how firmly a clause states a relation
(negation, control and raising verbs, infinitives of purpose, event nouns ahead), and
readings that state no relation at all. Each test fails without the mechanism it names."""

from __future__ import annotations

import pytest

from tests.sentences import posts as _posts

pytestmark = pytest.mark.slow

SYMMETRIC = ("meets", "holdsTalksWith")


def _relations(text: str) -> dict[tuple[str, str, str], set[str]]:
    """(subject, predicate, object) -> the modalities it is stated with."""
    from kg.extract.pipeline import extract

    st = extract(text, "t")
    label = {e.id: e.label for e in st.entities}
    out: dict[tuple[str, str, str], set[str]] = {}
    for r in st.relations:
        out.setdefault((label[r.subject], r.predicate, label[r.object]), set()).add(r.modality)
        if r.predicate in SYMMETRIC:
            out.setdefault((label[r.object], r.predicate, label[r.subject]), set()).add(r.modality)
    return out


# -- readings that state nothing --------------------------------------------------------------


def test_a_country_that_hosts_an_event_is_its_host_not_its_place():
    found = _relations("Peru will host the Andean Summit next year.")
    assert ("Peru", "hosts", "Andean Summit") in found
    assert ("Andean Summit", "locatedIn", "Peru") not in found
    found = _relations("Lima will host the Andean Summit next year.")
    assert found[("Andean Summit", "locatedIn", "Lima")] == {"planned"}


@pytest.mark.parametrize(
    ("text", "level"),
    [
        ("Mira Solvang will not attend the summit in Oslo.", "planned"),
        ("Mira Solvang may attend the summit in Oslo.", "planned"),
        ("Mira Solvang refused to attend the summit in Oslo.", "asserted"),
        ("Mira Solvang refused to chair the summit in Oslo.", "asserted"),
        ("Mira Solvang did not attend the summit in Oslo.", "asserted"),
        # a verb that stages the event or calls it off says where it is as firmly
        ("Norland may hold the summit in Oslo.", "possible"),
        ("Norland cancelled the summit in Oslo.", "negated"),
    ],
)
def test_where_an_event_is_does_not_take_the_modality_of_who_attends_it(text, level):
    # review r8 #21: the summit is in Oslo whatever Mira Solvang does
    assert _relations(text)[("summit in Oslo", "locatedIn", "Oslo")] == {level}


def test_who_returns_to_a_city_goes_home_and_visits_nothing():
    found = _relations("Lars Berg, the outgoing commander, returns to Oslo to head the school.")
    assert not [k for k in found if k[1] == "visits"]


def test_attending_is_no_membership_but_declining_to_attend_is_a_refusal():
    found = _relations("Olga Brandt attended the Andean Summit in Lima.")
    assert ("Olga Brandt", "partOf", "Andean Summit") not in found
    found = _relations("Peru declined to attend the Andean Summit.")
    assert found[("Peru", "declines", "Andean Summit")] == {"refused"}
    found = _relations("Chile boycotted the Andean Summit.")
    assert found[("Chile", "declines", "Andean Summit")] == {"refused"}


def test_asking_whether_urges_nobody():
    found = _relations(
        "Asked whether Peru would send more troops to the Andean Force, Ana Ortiz said no "
        "decision had been taken."
    )
    assert ("Ana Ortiz", "urges", "Peru") not in found


def test_two_who_speak_to_someone_else_do_not_talk_with_each_other():
    found = _relations(
        "Peru's Foreign Minister Ana Ortiz (left) and Andean Council Secretary-General Pablo "
        "Mena (right) speak to the press."
    )
    assert ("Ana Ortiz", "holdsTalksWith", "Pablo Mena") not in found


def test_an_event_before_a_past_clause_that_is_itself_past_is_not_planned():
    found = _relations(
        "Mira Solvang met Tomas Ekberg in Lima last week before the Andean Summit in Quito, "
        "which ended on Saturday."
    )
    assert found[("Andean Summit", "locatedIn", "Quito")] == {"asserted"}
    found = _relations("Before the talks in Geneva last month, Mira Solvang met Tomas Ekberg.")
    assert found[("talks in Geneva", "locatedIn", "Geneva")] == {"asserted"}
    found = _relations(
        "Mira Solvang met Tomas Ekberg on Monday ahead of Thursday's talks in Geneva."
    )
    assert found[("talks in Geneva", "locatedIn", "Geneva")] == {"planned"}


def test_going_on_or_coming_to_lead_is_what_happened():
    for text in (
        "Mira Solvang went on to lead the Andean Council for a decade.",
        "Tomas Ekberg came to lead the Andean Council after the 2019 election.",
    ):
        found = _relations(text)
        leads = [m for (s, p, o), m in found.items() if p == "leads" and o == "Andean Council"]
        assert leads == [{"asserted"}], (text, found)


def test_another_plan_called_off_leaves_this_one_planned():
    found = _relations(
        "Mira Solvang will travel to Lima next week, although her visit to Quito was cancelled."
    )
    assert found[("Mira Solvang", "visits", "Lima")] == {"planned"}
    assert found[("Mira Solvang", "visits", "Quito")] == {"negated"}
    found = _relations(
        "Mira Solvang was due to travel to Lima next week, but the visit was postponed."
    )
    assert found[("Mira Solvang", "visits", "Lima")] == {"negated"}


def test_two_clauses_under_one_denial_are_both_denied():
    found = _relations(
        "Tomas Ekberg denied that Peru sent troops to the Andean Force and that Chile sent "
        "ships to the Andean Force."
    )
    assert found[("Chile", "contributesTo", "Andean Force")] == {"negated"}
    assert found[("Peru", "contributesTo", "Andean Force")] == {"negated"}
    found = _relations(
        "Officials said Peru will send troops to the Andean Force and that Chile sent ships "
        "to the Andean Force."
    )
    assert found[("Chile", "contributesTo", "Andean Force")] == {"asserted"}


def test_two_who_meet_or_talk_with_each_other_do_so():
    for text, predicate in (
        ("Mira Solvang and Tomas Ekberg met with each other in Oslo.", "meets"),
        ("Mira Solvang and Tomas Ekberg spoke with each other on Monday.", "holdsTalksWith"),
        ("Mira Solvang and Tomas Ekberg talked to one another on Monday.", "holdsTalksWith"),
    ):
        found = _relations(text)
        assert {
            ("Mira Solvang", predicate, "Tomas Ekberg"),
            ("Tomas Ekberg", predicate, "Mira Solvang"),
        } & set(found), text


def test_a_part_named_as_a_place_is_no_membership():
    found = _relations("Ana Ortiz spoke to reporters in the northern part of Lima.")
    assert ("Ana Ortiz", "partOf", "Lima") not in found
    found = _relations("Lima is part of the Andean Council.")
    assert ("Lima", "partOf", "Andean Council") in found


# -- modality -----------------------------------------------------------------------------------


def test_a_negated_plan_is_negated_and_a_refusal_refused():
    found = _relations("Peru would not support the Lima Accord.")
    assert found[("Peru", "supports", "Lima Accord")] == {"negated"}
    found = _relations("Peru refused to support the Lima Accord.")
    assert {"refused"} in [v for k, v in found.items() if k[:2] == ("Peru", "supports")]
    # not taking part stays a refusal; a refusal negated is negated
    found = _relations("Peru has no plans to send troops to the Andean Force.")
    assert found[("Peru", "declines", "Andean Force")] == {"refused"}
    found = _relations("Chile had no plans to withdraw from the Andean Council.")
    assert found[("Chile", "declines", "Andean Council")] == {"negated"}
    # not doing what is asked is a refusal of it (frames.yaml sign: refused_as)
    found = _relations("Peru will not sign the Lima Accord.")
    assert found[("Peru", "declines", "Lima Accord")] == {"refused"}
    assert ("Peru", "signs", "Lima Accord") not in found
    # a signing that did not happen is negated
    found = _relations("Peru did not sign the Lima Accord.")
    assert found[("Peru", "signs", "Lima Accord")] == {"negated"}


def test_a_clause_with_its_own_subject_takes_no_modality_from_the_clause_beside_it():
    found = _relations(
        "Peru will send troops to the Andean Force, and Chile provided ships to the Andean "
        "Force in May."
    )
    assert found[("Peru", "contributesTo", "Andean Force")] == {"planned"}
    assert found[("Chile", "contributesTo", "Andean Force")] == {"asserted"}
    found = _relations(
        "Peru offered to send troops to the Andean Force, while Chile is considering sending "
        "engineers to the Andean Force."
    )
    assert found[("Chile", "contributesTo", "Andean Force")] == {"considered"}


def test_an_infinitive_under_a_verb_of_appointing_or_moving_is_planned():
    found = _relations("Lars Berg returns to Oslo to head the Nordic Naval School.")
    assert found[("Lars Berg", "leads", "Nordic Naval School")] == {"planned"}
    found = _relations("Lars Berg was named to lead the Nordic Naval School.")
    assert found[("Lars Berg", "leads", "Nordic Naval School")] == {"planned"}


def test_an_event_noun_takes_the_time_of_the_verb_it_depends_on_through_prepositions():
    found = _relations(
        "Ana Ortiz will meet Pablo Mena on the sidelines of the Andean Summit in Lima."
    )
    assert found[("Andean Summit", "locatedIn", "Lima")] == {"planned"}


def test_an_event_ahead_of_its_clause_or_that_says_it_is_ahead_is_planned():
    found = _relations("Ministers met on Monday ahead of the Andean Summit in Lima.")
    assert found[("Andean Summit", "locatedIn", "Lima")] == {"planned"}
    found = _relations("Ana Ortiz discussed next month's Andean Summit in Lima with reporters.")
    assert found[("Andean Summit", "locatedIn", "Lima")] == {"planned"}
    found = _relations("The proposed Andean Summit in Lima was discussed.")
    assert found[("Andean Summit", "locatedIn", "Lima")] == {"planned"}


def test_an_event_one_party_offers_to_host_is_planned_for_the_others():
    found = _relations("Peru has offered to host talks between Chile and Bolivia in Lima.")
    assert found[("Chile", "holdsTalksWith", "Bolivia")] == {"planned"}
    assert found[("talks between Chile and Bolivia", "locatedIn", "Lima")] == {"planned"}
    assert found[("Peru", "hosts", "talks between Chile and Bolivia")] == {"offered"}


def test_agreeing_to_do_something_is_a_plan():
    found = _relations("Peru and Chile agreed to hold the Andean Summit in Lima.")
    assert found[("Andean Summit", "locatedIn", "Lima")] == {"planned"}


def test_a_plan_its_sentence_calls_off_is_negated():
    found = _relations(
        "Lars Berg had planned to travel to Moscow in October; after the strike he will no "
        "longer make the trip."
    )
    assert found[("Lars Berg", "visits", "Moscow")] == {"negated"}
    found = _relations(
        "Lars Berg had planned to visit Lima in May, but that visit has now been postponed "
        "indefinitely."
    )
    assert found[("Lars Berg", "visits", "Lima")] == {"negated"}
    found = _relations("Lars Berg will travel to Lima next month and make a trip to Quito.")
    assert found[("Lars Berg", "visits", "Lima")] == {"planned"}


def test_being_on_track_to_do_something_is_a_plan():
    found = _relations("Peru is on track to host the Andean Summit in Lima in May.")
    assert found[("Andean Summit", "locatedIn", "Lima")] == {"planned"}


def test_an_event_noun_called_off_is_negated():
    found = _relations("Ana Ortiz's planned visit to Chile was postponed.")
    assert found[("Ana Ortiz", "visits", "Chile")] == {"negated"}
    found = _relations("Ana Ortiz's visit to Chile was cancelled.")
    assert found[("Ana Ortiz", "visits", "Chile")] == {"negated"}


def test_failing_to_do_is_negated_and_being_unlikely_to_is_possible():
    found = _relations("Peru failed to send troops to the Andean Force.")
    assert found[("Peru", "contributesTo", "Andean Force")] == {"negated"}
    found = _relations("Peru is unlikely to send troops to the Andean Force.")
    assert found[("Peru", "contributesTo", "Andean Force")] == {"possible"}


def test_an_invitation_states_nothing_and_an_application_is_a_plan():
    found = _relations("Peru has been invited to send troops to the Andean Force.")
    assert ("Peru", "contributesTo", "Andean Force") not in found
    found = _relations("Peru has applied to join the Andean Council.")
    assert found[("Peru", "memberOf", "Andean Council")] == {"planned"}


def test_being_to_do_something_is_a_plan():
    found = _relations("Peru is to send troops to the Andean Force.")
    assert found[("Peru", "contributesTo", "Andean Force")] == {"planned"}
    found = _relations("Peru is able to send troops to the Andean Force.")
    assert found[("Peru", "contributesTo", "Andean Force")] == {"asserted"}


@pytest.mark.parametrize(
    "text",
    [
        "Tomas Ekberg did not say whether Norland would join the Andean Force.",
        "Tomas Ekberg would not say if Norland would be willing to join the Andean Force.",
    ],
)
def test_an_embedded_question_states_nothing(text):
    assert ("Norland", "memberOf", "Andean Force") not in _relations(text)


@pytest.mark.parametrize(
    "text",
    [
        "Will the talks between Norland and Velmar take place next week?",
        "Did the talks between Norland and Velmar ever happen?",
        "Is the meeting between Mira Solvang and Tomas Ekberg still on?",
    ],
)
def test_a_question_whether_an_event_happens_states_nothing_of_it(text):
    assert not any(p in ("holdsTalksWith", "meets") for _s, p, _o in _relations(text))


def test_a_negator_on_the_object_or_the_subject_denies_the_clause():
    found = _relations("Norland sent no troops to the Andean Force.")
    assert found[("Norland", "contributesTo", "Andean Force")] == {"negated"}
    found = _relations("Neither Norland nor Velmar sent troops to the Andean Force.")
    assert found[("Norland", "contributesTo", "Andean Force")] == {"negated"}
    assert found[("Velmar", "contributesTo", "Andean Force")] == {"negated"}
    found = _relations("Norland sent troops to the Andean Force.")
    assert found[("Norland", "contributesTo", "Andean Force")] == {"asserted"}


def test_a_reported_plan_is_still_a_plan():
    found = _relations("Tomas Ekberg said Norland would join the Andean Force.")
    assert found[("Norland", "memberOf", "Andean Force")] == {"planned"}


def test_a_question_that_is_weighed_is_a_considered_plan():
    found = _relations("The government is considering whether Norland will join the Andean Force.")
    assert found[("Norland", "memberOf", "Andean Force")] == {"considered"}


def test_a_negated_plan_that_limits_an_offer_is_a_refusal():
    found = _relations("Velmar offered to train the police but will not disarm the Coastal Front.")
    assert found[("Velmar", "disarms", "Coastal Front")] == {"refused"}
    found = _relations("Velmar will not disarm the Coastal Front.")
    assert found[("Velmar", "disarms", "Coastal Front")] == {"negated"}


# -- posts: the verb a title is given with (review r6 #19, #20) ---------------------------------


def test_a_post_given_by_a_negated_verb_is_not_held():
    posts = _posts("Mira Solvang was not appointed ambassador to Velmar.")
    assert posts[("Mira Solvang", "Ambassador to Velmar")][0] == "negated"
    posts = _posts("Mira Solvang did not appoint Tomas Ekberg as ambassador to Velmar.")
    assert posts[("Tomas Ekberg", "Ambassador to Velmar")][0] == "negated"
    posts = _posts("Mira Solvang appointed Tomas Ekberg as ambassador to Velmar.")
    assert posts[("Tomas Ekberg", "Ambassador to Velmar")][0] == "asserted"
    posts = _posts("Mira Solvang will serve as Norland's ambassador to Velmar.")
    assert posts[("Mira Solvang", "Ambassador to Velmar")][0] == "planned"
    posts = _posts("Tomas Ekberg was not sworn in as Norland's ambassador to Velmar.")
    assert posts[("Tomas Ekberg", "Ambassador to Velmar")][0] == "negated"
    # review r7 #20
    posts = _posts("Mira Solvang was not reappointed as Norland's ambassador to Velmar.")
    assert posts[("Mira Solvang", "Ambassador to Velmar")][0] == "negated"
    posts = _posts("Mira Solvang was not installed as Norland's president.")
    assert posts[("Mira Solvang", "President")][0] == "negated"


@pytest.mark.parametrize(
    "text",
    [
        "Mira Solvang, who resigned as Norland's foreign minister in May, criticised the plan.",
        "Mira Solvang, who was sacked as Norland's foreign minister in 2020, left the party.",
        "Mira Solvang stepped down as Norland's foreign minister on Monday.",
    ],
)
def test_a_post_left_is_former(text):
    level, qualifiers = _posts(text)[("Mira Solvang", "Foreign Minister")]
    assert level == "asserted" and "former" in qualifiers


def test_who_is_fired_as_minister_held_the_post_not_who_fired_them():
    # review r7 #11: a transitive leaving verb's object leaves the post
    posts = _posts("Mira Solvang fired Jonas Lind as Norland's defence minister.")
    assert posts[("Jonas Lind", "Defence Minister")] == ("asserted", ("former",))
    assert ("Mira Solvang", "Defence Minister") not in posts


@pytest.mark.parametrize(
    "text",
    [
        "Mira Solvang refused to resign as Norland's foreign minister.",
        "Mira Solvang said she would not resign as Norland's foreign minister.",
        "Mira Solvang is expected to resign as Norland's foreign minister next week.",
        "Tomas Ekberg urged Mira Solvang to resign as Norland's foreign minister.",
        "Mira Solvang declined to travel to Velmar as Norland's foreign minister.",
        "Mira Solvang may visit Velmar as Norland's foreign minister.",
        "Mira Solvang left Oslo as Norland's foreign minister on Monday.",
        "Mira Solvang will leave for Velmar as Norland's foreign minister.",
        "Mira Solvang did not turn down the post of Norland's foreign minister.",
    ],
)
def test_a_post_not_left_or_only_travelled_with_is_held_now(text):
    # review r7 #2, #3: a leaving or refusing verb counts only when it happened, and a verb
    # that neither gives nor holds a post ("travel as") passes no modality to it
    assert _posts(text)[("Mira Solvang", "Foreign Minister")] == ("asserted", ())


@pytest.mark.parametrize(
    ("text", "level"),
    [
        (
            "Tomas Ekberg, who will become foreign minister of Velmar in May, met Mira Solvang.",
            "planned",
        ),
        ("Tomas Ekberg is expected to be named foreign minister of Velmar.", "planned"),
        ("Tomas Ekberg declined to become foreign minister of Velmar.", "refused"),
        ("Tomas Ekberg became foreign minister of Velmar in May.", "asserted"),
        # keeping a post ahead says it is held now
        ("Tomas Ekberg will remain foreign minister of Velmar.", "asserted"),
    ],
)
def test_a_post_one_becomes_or_is_named_to_takes_the_modality_of_the_verb(text, level):
    # review r8 #13: a copula's title and a raised passive's ("is expected to be named")
    assert _posts(text)[("Tomas Ekberg", "Foreign Minister")][0] == level


def test_who_only_hopes_for_a_post_may_hold_it():
    # "hopes" is lemmatised "hop" by the model (lexicon lemma_corrections); a hope of one's
    # own is possible (review r8 #40, frames.yaml own_wishes), never held now
    assert _posts("Tomas Ekberg hopes to be named foreign minister of Velmar.") == {
        ("Tomas Ekberg", "Foreign Minister"): ("possible", ())
    }
    assert _relations("Norland hopes to join the Velmar Alliance.") == {
        ("Norland", "memberOf", "Velmar Alliance"): {"possible"}
    }


def test_a_post_held_in_a_clause_beside_a_future_one_is_held_now():
    # review r8 #31: "; he will now become" is parsed over the first clause, which has a
    # tense of its own and nothing subordinating it
    posts = _posts(
        "Since the election, Tomas Ekberg has served as interim governor of the central bank; "
        "he will soon become her adviser."
    )
    assert posts[("Tomas Ekberg", "Interim Governor of the Central Bank")][0] == "asserted"
    assert posts[("Tomas Ekberg", "Adviser")][0] == "planned"


@pytest.mark.parametrize(
    ("text", "former"),
    [
        ("Tomas Ekberg was foreign minister of Velmar until 2019.", True),
        ("Tomas Ekberg was foreign minister of Velmar from 2015 to 2019.", True),
        ("Tomas Ekberg, foreign minister of Velmar between 2015 and 2019, met Mira Solvang.", True),
        ("Tomas Ekberg will serve as foreign minister of Velmar until 2030.", False),
        ("Tomas Ekberg has been foreign minister of Velmar since 2019.", False),
    ],
)
def test_a_post_held_over_a_term_that_ended_is_former(text, former):
    # review r8 #39: an end date makes the post former; a term ahead or still running not
    _level, qualifiers = _posts(text)[("Tomas Ekberg", "Foreign Minister")]
    assert ("former" in qualifiers) is former


@pytest.mark.parametrize(
    ("text", "level"),
    [
        ("Tomas Ekberg turned down an offer to become Velmar's ambassador to Norland.", "refused"),
        (
            "Tomas Ekberg is weighing an offer from the cabinet to become Velmar's ambassador "
            "to Norland.",
            "considered",
        ),
    ],
)
def test_an_offer_made_to_the_subject_is_as_firm_as_its_answer(text, level):
    # review r8 L18: the offer is made to Ekberg; "offered" is the offerer's
    assert _posts(text)[("Tomas Ekberg", "Ambassador to Norland")][0] == level


def test_an_intention_a_name_owns_is_not_the_act_of_who_answers_it():
    found = _relations("Velmar rejected Norland's offer to send troops to the Andean Force.")
    assert found[("Norland", "contributesTo", "Andean Force")] == {"offered"}
    found = _relations("Norland made an offer to send troops to the Andean Force.")
    assert found[("Norland", "contributesTo", "Andean Force")] == {"offered"}
    found = _relations("Velmar welcomed the offer by Norland to host the Andean Summit.")
    assert found[("Norland", "hosts", "Andean Summit")] == {"offered"}


def test_a_post_turned_down_is_refused_and_one_taken_is_held():
    posts = _posts("Mira Solvang turned down the post of Norland's foreign minister.")
    assert posts[("Mira Solvang", "Foreign Minister")][0] == "refused"
    posts = _posts("Mira Solvang took up the post of Norland's foreign minister.")
    assert posts[("Mira Solvang", "Foreign Minister")] == ("asserted", ())


# -- denials, "yet to", and ending a stance (review r6 #19, #23) --------------------------------


def test_a_denied_report_is_negated_and_a_confirmed_one_is_not():
    found = _relations("Tomas Ekberg rejected reports that he would succeed Mira Solvang.")
    assert found[("Tomas Ekberg", "succeeds", "Mira Solvang")] == {"negated"}
    found = _relations(
        "Mira Solvang dismissed reports that Norland would send 200 troops to the Andean Force."
    )
    assert found[("Norland", "contributesTo", "Andean Force")] == {"negated"}
    found = _relations("Tomas Ekberg confirmed reports that he would succeed Mira Solvang.")
    assert found[("Tomas Ekberg", "succeeds", "Mira Solvang")] == {"planned"}


def test_what_is_yet_to_happen_has_not_happened():
    found = _relations("Norland has yet to send troops to the Andean Force.")
    assert found[("Norland", "contributesTo", "Andean Force")] == {"negated"}
    found = _relations("Norland is yet to join the Andean Force.")
    assert found[("Norland", "memberOf", "Andean Force")] == {"negated"}


@pytest.mark.parametrize(
    ("text", "key"),
    [
        (
            "Norland ended its support for the Velmar Accord.",
            ("Norland", "supports", "Velmar Accord"),
        ),
        (
            "Norland withdrew its support for the Velmar Accord.",
            ("Norland", "supports", "Velmar Accord"),
        ),
        (
            "Norland suspended its contribution to the Andean Force.",
            ("Norland", "contributesTo", "Andean Force"),
        ),
        (
            "Norland stopped sending troops to the Andean Force in 2020.",
            ("Norland", "contributesTo", "Andean Force"),
        ),
    ],
)
def test_a_stance_or_contribution_that_is_ended_is_negated(text, key):
    assert _relations(text)[key] == {"negated"}


@pytest.mark.parametrize(
    ("text", "key"),
    [
        (
            "The war between Norland and Velmar ended after Norland sent 200 troops to the "
            "Andean Force.",
            ("Norland", "contributesTo", "Andean Force"),
        ),
        (
            "The fighting stopped when Norland sent 200 troops to the Andean Force.",
            ("Norland", "contributesTo", "Andean Force"),
        ),
        (
            "The summit ended on Monday, after Mira Solvang met Tomas Ekberg.",
            ("Mira Solvang", "meets", "Tomas Ekberg"),
        ),
        (
            "Mira Solvang stopped in Oslo to meet Tomas Ekberg on Monday.",
            ("Mira Solvang", "meets", "Tomas Ekberg"),
        ),
        (
            "Norland withdrew from the Velmar Pact to join the Andean Force.",
            ("Norland", "memberOf", "Andean Force"),
        ),
    ],
)
def test_an_ending_verb_negates_only_the_gerund_it_ends(text, key):
    # review r7 #1: not a clause after "ended after", "stopped in X to", "withdrew from A to"
    assert _relations(text)[key] == {"asserted"}


@pytest.mark.parametrize(
    ("text", "key", "level"),
    [
        (
            "Norland has not stopped sending troops to the Andean Force.",
            ("Norland", "contributesTo", "Andean Force"),
            "asserted",
        ),
        (
            "Norland never ended its support for the Velmar Accord.",
            ("Norland", "supports", "Velmar Accord"),
            "asserted",
        ),
        (
            "Norland will not suspend its contribution to the Andean Force.",
            ("Norland", "contributesTo", "Andean Force"),
            "asserted",
        ),
        (
            "Norland did not drop its opposition to the Velmar Accord.",
            ("Norland", "opposes", "Velmar Accord"),
            "asserted",
        ),
        (
            "Tomas Ekberg did not reject reports that Norland would send troops to the Andean "
            "Force.",
            ("Norland", "contributesTo", "Andean Force"),
            "planned",
        ),
        (
            "Tomas Ekberg did not deny that Norland would join the Andean Force.",
            ("Norland", "memberOf", "Andean Force"),
            "planned",
        ),
        (
            "Norland did not fail to send troops to the Andean Force.",
            ("Norland", "contributesTo", "Andean Force"),
            "asserted",
        ),
    ],
)
def test_a_negated_ending_or_denial_cancels_its_negation(text, key, level):
    # review r8 #3: "has not stopped sending" still sends; "did not deny" states the clause
    assert _relations(text)[key] == {level}


@pytest.mark.parametrize(
    ("text", "key", "level"),
    [
        (
            "Norland may suspend its contribution to the Andean Force.",
            ("Norland", "contributesTo", "Andean Force"),
            "asserted",
        ),
        (
            "Norland is considering ending its support for the Velmar Accord.",
            ("Norland", "supports", "Velmar Accord"),
            "asserted",
        ),
        (
            "Norland threatened to stop sending troops to the Andean Force.",
            ("Norland", "contributesTo", "Andean Force"),
            "asserted",
        ),
        (  # review r8 L9: the date is the stopping's
            "Norland will stop sending troops to the Andean Force next year.",
            ("Norland", "contributesTo", "Andean Force"),
            "asserted",
        ),
        (
            "Norland may fail to send troops to the Andean Force.",
            ("Norland", "contributesTo", "Andean Force"),
            "possible",
        ),
    ],
)
def test_an_ending_only_weighed_leaves_what_it_would_end_going_on(text, key, level):
    # review r8 #3: the ending verb's own modality is read; a failure is as firm as its verb
    assert _relations(text)[key] == {level}


@pytest.mark.parametrize(
    "second",
    [
        "Norland stopped sending ships to the Velmar naval patrol in 2021.",
        "Norland did not send ships to the naval patrol in 2021.",
    ],
)
def test_a_denied_contribution_is_not_given_a_guessed_target(second):
    # review r8 #22: the article's last force is a guess; a negation must not land on it
    found = _relations("Norland sent 150 troops to the Andean Force in May. " + second)
    assert found[("Norland", "contributesTo", "Andean Force")] == {"asserted"}
    # a denial of the force it names is stated
    found = _relations(
        "Norland sent 150 troops to the Andean Force in May. Norland stopped sending ships "
        "to the Andean Force in 2021."
    )
    assert found[("Norland", "contributesTo", "Andean Force")] == {"asserted", "negated"}


@pytest.mark.parametrize(
    "text",
    [
        "Norland ended its deployment of troops to the Andean Force.",
        "Norland's deployment of troops to the Andean Force ended in May.",
        "Norland suspended the deployment of 200 troops to the Andean Force.",
    ],
)
def test_an_ended_contribution_is_negated_whichever_way_it_is_ended(text):
    # review r8 #14: transitive and intransitive ending agree; "suspended the deployment ...
    # to X" (parsed with "to X" on the verb) is Norland's deployment to X
    assert _relations(text)[("Norland", "contributesTo", "Andean Force")] == {"negated"}


def test_an_event_noun_called_off_is_as_firm_as_the_calling_off():
    # review r8 #14: "may postpone the trip" is possible, "was not cancelled" leaves it planned
    found = _relations(
        "Mira Solvang intends to visit Lima in May, though she may postpone the trip if the "
        "floods continue."
    )
    assert found[("Mira Solvang", "visits", "Lima")] == {"possible"}
    found = _relations(
        "Mira Solvang was due to visit Velmar next week, but the trip was not cancelled."
    )
    assert found[("Mira Solvang", "visits", "Velmar")] == {"planned"}
    found = _relations("Mira Solvang's trip to Velmar may be cancelled.")
    assert found[("Mira Solvang", "visits", "Velmar")] == {"possible"}


@pytest.mark.parametrize(
    ("text", "key", "level"),
    [
        (
            "Velmar has not ruled out sending troops to the Andean Force.",
            ("Velmar", "contributesTo", "Andean Force"),
            "possible",
        ),
        (
            "Velmar did not refuse to send troops to the Andean Force.",
            ("Velmar", "contributesTo", "Andean Force"),
            "asserted",
        ),
        (
            "Velmar refused to send troops to the Andean Force.",
            ("Velmar", "declines", "Andean Force"),
            "refused",
        ),
    ],
)
def test_a_negated_refusal_is_no_refusal(text, key, level):
    # review r8 #38: "has not ruled out" leaves it open; "did not refuse" refuses nothing
    assert _relations(text)[key] == {level}


@pytest.mark.parametrize(
    ("text", "level"),
    [
        ("Mira Solvang tried to meet Tomas Ekberg in Velmar.", "possible"),
        ("Mira Solvang was supposed to meet Tomas Ekberg in Velmar.", "planned"),
        ("Mira Solvang is eager to meet Tomas Ekberg in Velmar.", "offered"),
    ],
)
def test_an_attempt_a_duty_or_an_eagerness_is_no_meeting_done(text, level):
    # review r8 #40 (frames.yaml modality_heads)
    assert _relations(text)[("Mira Solvang", "meets", "Tomas Ekberg")] == {level}


@pytest.mark.parametrize(
    ("text", "level"),
    [
        ("Mira Solvang hopes to meet Tomas Ekberg in Velmar.", {"possible"}),
        ("Mira Solvang wants to meet Tomas Ekberg in Velmar.", {"possible"}),
        (
            "Mira Solvang does not want to meet Tomas Ekberg in Velmar.",
            {"negated"},
        ),  # as "will not"
        ("Mira Solvang wants Tomas Ekberg to meet Anna Lind in Velmar.", None),
        ("Mira Solvang hopes that Tomas Ekberg will meet Anna Lind in Velmar.", None),
    ],
)
def test_a_wish_of_ones_own_is_a_plan_and_for_another_asks(text, level):
    # review r8 #40: "hopes to meet", "wants to meet" stated nothing (frames.yaml
    # own_wishes: possible, as the gold reads "wants to become a full member"); a wish for
    # another's act still asks for it
    found = _relations(text)
    key = (
        ("Mira Solvang", "meets", "Tomas Ekberg")
        if level
        else ("Tomas Ekberg", "meets", "Anna Lind")
    )
    assert found.get(key) == level


@pytest.mark.parametrize(
    ("text", "level"),
    [
        (
            "Norland will not host the summit but will send 50 troops to the Andean Force.",
            "planned",
        ),
        ("Norland did not host the summit but sent 50 troops to the Andean Force.", "asserted"),
        (
            "Mira Solvang said that Norland would not join the Velmar Pact, but would send 50 "
            "observers to the Andean Force.",
            "planned",
        ),
    ],
)
def test_a_conjunct_with_its_own_auxiliary_takes_no_negation_from_the_first(text, level):
    # review r8 #36: the negation of "will not host" is not the sending's
    assert _relations(text)[("Norland", "contributesTo", "Andean Force")] == {level}


def test_a_bare_conjunct_shares_the_negation_and_the_reverse_order_holds():
    found = _relations("Norland will send 50 troops to the Andean Force but will not join it.")
    assert found[("Norland", "contributesTo", "Andean Force")] == {"planned"}
    found = _relations("Mira Solvang did not visit Velmar or meet Tomas Ekberg.")
    assert found[("Mira Solvang", "meets", "Tomas Ekberg")] == {"negated"}
    found = _relations("Norland will not train or send troops to the Andean Force.")
    assert found[("Norland", "declines", "Andean Force")] == {"refused"}


@pytest.mark.parametrize(
    "text",
    [
        "Mira Solvang said Norland should send troops to the Andean Force.",
        "Norland must send troops to the Andean Force.",
        "Norland ought to send troops to the Andean Force.",
        "Norland needs to send troops to the Andean Force.",
    ],
)
def test_an_obligation_asks_for_the_act_and_states_nothing(text):
    # review r8 #41: "should / must / ought to / needs to" is an appeal, not a contribution
    assert ("Norland", "contributesTo", "Andean Force") not in _relations(text)


@pytest.mark.parametrize(
    ("text", "level"),
    [
        ("Norland will offer 200 troops to the Andean Force.", "offered"),
        ("Norland would offer 200 troops to the Andean Force.", "offered"),
        ("Norland will consider sending troops to the Andean Force.", "considered"),
    ],
)
def test_an_offer_or_a_weighing_announced_is_still_an_offer_or_a_weighing(text, level):
    # a frame's own modality (frames.yaml `modality`) holds for a planned clause too
    assert _relations(text)[("Norland", "contributesTo", "Andean Force")] == {level}


def test_neither_nor_between_verbs_negates_both():
    # review r8 #52: "neither" on the first verb, "nor" before the second
    found = _relations("Norland neither hosted the summit nor sent troops to the Andean Force.")
    assert found[("Norland", "contributesTo", "Andean Force")] == {"negated"}
    assert found[("Norland", "hosts", "summit")] == {"negated"}
    found = _relations("Norland will neither host the summit nor send troops to the Andean Force.")
    assert found[("Norland", "declines", "Andean Force")] == {"refused"}
    assert ("Norland", "contributesTo", "Andean Force") not in found


def test_an_event_that_is_ended_took_place():
    found = _relations("Norland ended talks with Velmar on Friday.")
    assert found[("Norland", "holdsTalksWith", "Velmar")] == {"asserted"}


# -- who says it (review r6 #21) ---------------------------------------------------------------


def _said_by(text: str) -> dict[tuple[str, str, str], str | None]:
    """(subject, predicate, object) -> the label of who it is attributed to."""
    from kg.extract.pipeline import extract

    st = extract(text, "t")
    label = {e.id: e.label for e in st.entities}
    return {
        (label[r.subject], r.predicate, label[r.object]): label.get(r.attributed_to)
        for r in st.relations
    }


SENT = ("Norland", "contributesTo", "Andean Force")


@pytest.mark.parametrize(
    ("text", "by"),
    [
        (
            "Norland will send 200 troops to the Andean Force, a spokesperson for the Norland "
            "Defence Ministry said.",
            "Norland Defence Ministry",
        ),
        (
            "A spokesperson for the Norland Defence Ministry said Norland would send 200 troops "
            "to the Andean Force.",
            "Norland Defence Ministry",
        ),
        (
            "Norland will send 200 troops to the Andean Force, a UN spokesperson said.",
            "United Nations",
        ),
        (
            "Norland will send 200 troops to the Andean Force, its spokesperson, Mira Solvang, "
            "said.",
            "Mira Solvang",
        ),
        (
            "Mira Solvang confirmed that Norland would send 200 troops to the Andean Force.",
            "Mira Solvang",
        ),
    ],
)
def test_a_spokesperson_with_no_name_speaks_for_the_body_of_the_title(text, by):
    assert _said_by(text)[SENT] == by


def test_who_does_not_confirm_a_claim_is_not_its_source():
    text = "Reuters could not confirm that Norland would send 200 troops to the Andean Force."
    assert _said_by(text)[SENT] is None


@pytest.mark.parametrize(
    "text",
    [
        "Mira Solvang did not say that Norland would send 200 troops to the Andean Force.",
        "Mira Solvang never said that Norland would send 200 troops to the Andean Force.",
        # review r9 P3: a confirmation withheld is no claim either ("could not" is kept)
        "Asked on Friday, Tomas Ekberg did not confirm that Norland was ready to lend "
        "engineers to the Andean Force.",
        "The Norland Defence Ministry declined to confirm that Norland would send a frigate "
        "to the Andean Force.",
    ],
)
def test_what_nobody_said_is_not_claimed(text):
    # review r7 #14: a negated report claims nothing, not even as the article's own
    assert SENT not in _said_by(text)


@pytest.mark.parametrize(
    ("text", "key"),
    [
        (
            "Mira Solvang did not say when Norland would join the Andean Force.",
            ("Norland", "memberOf", "Andean Force"),
        ),
        (
            "Mira Solvang did not say how many troops Norland would send to the Andean Force.",
            SENT,
        ),
    ],
)
def test_a_detail_withheld_keeps_the_clause_unattributed(text, key):
    # review r8 #28: "did not say when / how many" takes the joining or sending as given
    found = _said_by(text)
    assert key in found
    assert found[key] is None
    assert _relations(text)[key] == {"planned"}


def test_a_proposal_made_is_asserted_and_one_weighed_is_not():
    # GOLD.md: "proposed by X in 2023" states a proposal that was made (asserted); only the
    # verb chain above it ("may propose", "is considering proposing") gives it a modality
    found = _relations("The Harbour Accord, which was proposed by Norland in 2023, was signed.")
    assert found[("Harbour Accord", "proposedBy", "Norland")] == {"asserted"}
    found = _relations("Norland is considering proposing the Harbour Accord.")
    assert found[("Harbour Accord", "proposedBy", "Norland")] == {"considered"}


@pytest.mark.parametrize(
    "text",
    [
        "Norland rejected a peace plan drawn up by Velmar.",
        "Norland backed a peace plan drawn up by Velmar.",
        "Norland declined to back a peace plan drawn up by Velmar.",
        "Norland rejected the peace plan that Velmar had drawn up.",
    ],
)
def test_a_participle_or_relative_clause_of_a_plan_keeps_its_own_modality(text):
    # review r8 #18: "drawn up by X" happened, whatever is done with the plan; a plan noun
    # gives its modality only to the to-infinitive it intends ("has plans to join")
    assert _relations(text)[("peace plan", "proposedBy", "Velmar")] == {"asserted"}


def test_a_plan_its_possessor_only_weighs_is_proposed_as_firmly():
    # review r8 #18: "its own sanctions" under "is considering" are not yet imposed (and,
    # review r8 #55, a relation of their own, no plan Norland proposed)
    found = _relations("Norland is considering its own sanctions on Velmar.")
    assert found[("Norland", "sanctions", "Velmar")] == {"considered"}
    assert not any(p == "proposedBy" for _s, p, _o in found)
    found = _relations("Norland rejected Velmar's peace plan.")
    assert found[("peace plan", "proposedBy", "Velmar")] == {"asserted"}


def test_a_headline_infinitive_with_a_subject_is_a_plan():
    # "Norland to send troops": the headline form of "Norland is to send troops"
    found = _relations("Norland to send 200 troops to the Andean Force.")
    assert found[("Norland", "contributesTo", "Andean Force")] == {"planned"}
    found = _relations("Norland sent 200 troops to the Andean Force.")
    assert found[("Norland", "contributesTo", "Andean Force")] == {"asserted"}


def test_a_previous_holder_holds_the_post_no_longer_and_leads_nothing():
    text = "The Coastal Front's previous leader, Mira Solvang, met Tomas Ekberg."
    _level, qualifiers = _posts(text)[("Mira Solvang", "Leader")]
    assert "former" in qualifiers
    assert ("Mira Solvang", "leads", "Coastal Front") not in _relations(text)


@pytest.mark.parametrize(
    ("text", "what"),
    [
        ("Norland has declined an invitation to join the Andean Council.", "Andean Council"),
        (
            "Mira Solvang confirmed that Norland would not rejoin Operation Coral Shield.",
            "Operation Coral Shield",
        ),
    ],
)
def test_declining_to_join_or_rejoin_is_a_refusal_of_what_is_joined(text, what):
    assert _relations(text)[("Norland", "declines", what)] == {"refused"}


def test_who_is_named_to_do_something_does_it_also_when_parsed_as_a_complement():
    # "named a police general to lead X": the general leads X, not who named him (the parser
    # reads the general as the verb's predicate complement, not its object)
    found = _relations("The Andean Council named a police general to lead the Andean Mission.")
    assert ("Andean Council", "leads", "Andean Mission") not in found
    found = _relations("The Andean Council named Mira Solvang to lead the Andean Mission.")
    assert ("Mira Solvang", "leads", "Andean Mission") in found
    found = _relations(
        "Tomas Ekberg was appointed defence minister in February, succeeding Mira Solvang."
    )
    assert ("Tomas Ekberg", "succeeds", "Mira Solvang") in found


@pytest.mark.parametrize(
    ("text", "key"),
    [
        (
            "Without new safeguards, the Green Party would oppose the Harbour Accord if it came "
            "to a vote.",
            ("Green Party", "opposes", "Harbour Accord"),
        ),
        (
            "Norland would only send troops to the Andean Force if Velmar paid.",
            ("Norland", "contributesTo", "Andean Force"),
        ),
    ],
)
def test_a_clause_under_a_condition_is_possible(text, key):
    assert _relations(text)[key] == {"possible"}
    # without the condition it is planned
    assert _relations(text.split(" if ")[0] + ".")[key] == {"planned"}


@pytest.mark.parametrize(
    ("text", "level"),
    [
        ("Norland sent 200 troops to the Andean Force even if Velmar objected.", "asserted"),
        ("Norland sent 200 troops to the Andean Force, as if it were at war.", "asserted"),
        # the conditional "would" with a concession is a plan, not a condition (review r8 #4:
        # only these reach `conditions.not_after`)
        ("Norland would send 200 troops to the Andean Force even if Velmar objected.", "planned"),
        ("Norland would send 200 troops to the Andean Force, as if it were at war.", "planned"),
    ],
)
def test_a_fact_or_plan_with_a_concession_keeps_its_modality(text, level):
    # review r7 #16
    assert _relations(text)[("Norland", "contributesTo", "Andean Force")] == {level}


def test_a_plan_with_a_condition_is_still_a_plan():
    found = _relations(
        "If the talks go well, Mira Solvang is expected to make a return visit to Velmar in June."
    )
    assert found[("Mira Solvang", "visits", "Velmar")] == {"planned"}


@pytest.mark.parametrize(
    "text",
    [
        "Norway will not only host the summit but also send troops to the Sudria Mission.",
        "Norway has not only hosted the summit but also sent troops to the Sudria Mission.",
        "Norway did not just host the summit; it also sent troops to the Sudria Mission.",
        # review r9 R2: on coordinated subjects, "Not only" determines the first one
        "Not only Norway but also Sweden will send troops to the Sudria Mission.",
    ],
)
def test_not_only_adds_and_denies_nothing(text):
    # review r8 L20: the "neither ... nor" fix had read "not only" as a negation
    found = _relations(text)
    assert not any(ms & {"negated", "refused"} for ms in found.values()), found
    assert any(k[1] == "contributesTo" and k[2] == "Sudria Mission" for k in found), found


@pytest.mark.parametrize(
    "text",
    [
        "Norway neither confirmed nor denied that it would send troops to the Sudria Mission.",
        "Norway neither denied nor confirmed that it would send troops to the Sudria Mission.",
    ],
)
def test_neither_confirmed_nor_denied_claims_nothing(text):
    # review r8 (with L20): the contribution was negated, by Norway
    assert not _relations(text)


def test_a_refused_contribution_declines_no_country():
    # review r8 #48 (side effect): "ruled out sending troops to Ukraine" declined Ukraine
    # (frames.yaml refusal_range); a refused force is still declined
    assert not _relations("Norway ruled out sending troops to Ukraine.")
    found = _relations("Norway ruled out sending troops to the Sudria Mission.")
    assert found[("Norway", "declines", "Sudria Mission")] == {"refused"}
    found = _relations(
        "Norway said on Friday that it would refuse to receive Velmar's new envoy, Tomas Ekberg."
    )
    assert found[("Norway", "declines", "Tomas Ekberg")] == {"refused"}


def test_not_just_yet_is_not_yet():
    # review r9 R5: "just" after the negator had been read as "not only": a plan
    found = _relations("Norway will not just yet send troops to the Sudria Mission.")
    assert found[("Norway", "declines", "Sudria Mission")] == {"refused"}, found
    assert ("Norway", "contributesTo", "Sudria Mission") not in found, found
    # the parser may hang "not" on "yet": the verb has no negator of its own
    found = _relations("Sweden will not just yet join the Velmar Council, its premier said.")
    assert found[("Sweden", "declines", "Velmar Council")] == {"refused"}, found
    assert ("Sweden", "memberOf", "Velmar Council") not in found, found


@pytest.mark.parametrize(
    "text",
    [
        # review r10 V12: with no condition, a reported "would have" is a back-shifted "will
        # have": planned
        "Mira Solvang told reporters Norland would have deployed two frigates to the Andean "
        "Force by June.",
    ],
)
def test_a_reported_completion_by_a_date_is_planned(text):
    assert _relations(text).get(SENT) == {"planned"}


@pytest.mark.parametrize(
    "text",
    [
        # review r10 V4: a correction note's retracted claim was asserted
        "Correction: an earlier version of this report said that Norland would send 200 troops "
        "to the Andean Force. It will send observers.",
        "A previous version of this story wrongly said Norland would send 200 troops to the "
        "Andean Force.",
        "An earlier version misidentified Norland as a member of the Andean Force.",
    ],
)
def test_a_retracted_claim_states_nothing(text):
    found = _relations(text)
    assert not any(s == "Norland" and o == "Andean Force" for s, _p, o in found), found


def test_what_would_have_happened_did_not():
    # review r9 E1 residue: a modal perfect is no plan
    found = _relations(
        "Mira Solvang would have chaired the Velmar Council had the vote gone ahead."
    )
    assert not any(p in ("leads", "holdsPosition") for _s, p, _o in found), found
    found = _relations(
        "Mira Solvang would have chaired the Velmar Council if the vote had gone ahead."
    )
    assert not any(p in ("leads", "holdsPosition") for _s, p, _o in found), found
    # review r10 V19: in a relative clause, the parser hangs the inverted condition on the
    # sentence's root
    found = _relations(
        "Tomas Ekberg, who would have led the Norland Brigade had he not retired, spoke to "
        "reporters in Velmar."
    )
    assert not any(p in ("leads", "holdsPosition") for _s, p, _o in found), found
    # ... or makes "had" a clause's head, its subject right after it
    found = _relations(
        "On Monday Lena Berg, who would have commanded the Norland Brigade had the merger gone "
        "through, visited Velmar."
    )
    assert not any(p in ("leads", "holdsPosition") for _s, p, _o in found), found
    # a "had" that begins no condition: the relative clause's modal perfect stays planned
    found = _relations(
        "Lena Berg, who would have commanded the Norland Brigade, had a long talk with Tomas "
        "Ekberg, who said the brigade was ready."
    )
    assert any(p == "leads" and "planned" in m for (_s, p, _o), m in found.items()), found


@pytest.mark.parametrize(
    "text",
    [
        # review r8 #49: "according to <title>, <name>" attributed nothing
        "Norway will send 200 troops to the Sudria Mission, according to Norway's foreign "
        "minister, Mira Solvang.",
        # review r8 #57: "the minister" after "X, Norway's foreign minister," was nobody
        "Tomas Ekberg met Mira Solvang, Norway's foreign minister, in Oslo. The minister said "
        "Norway would send troops to the Sudria Mission.",
        "Mira Solvang, Norway's foreign minister, met Tomas Ekberg in Oslo. The minister said "
        "Norway would send troops to the Sudria Mission.",
    ],
)
def test_a_title_that_reports_is_its_holders_voice(text):
    assert _said_by(text)[("Norway", "contributesTo", "Sudria Mission")] == "Mira Solvang"


@pytest.mark.parametrize(
    "text",
    [
        "Norway neither confirmed nor denied the report, but said it would send troops to the "
        "Sudria Mission.",
        "Norway neither confirmed nor denied the report, and added that it would send troops to "
        "the Sudria Mission.",
    ],
)
def test_a_report_after_neither_nor_still_claims(text):
    # review r9 F2: a third reporting verb after "but" / "and" is no part of the pair
    assert _relations(text)[("Norway", "contributesTo", "Sudria Mission")] == {"planned"}


@pytest.mark.parametrize(
    ("text", "level"),
    [
        ("Norway has withdrawn its offer of 200 troops to the Sudria Mission.", {"negated"}),
        (
            "Mira Solvang denied reports of a Norwegian offer of 200 troops to the Sudria Mission.",
            {"negated"},
        ),
        (
            "Mira Solvang did not deny reports of a Norwegian offer of 200 troops to the Sudria "
            "Mission.",
            {"offered"},
        ),
    ],
)
def test_a_withdrawn_or_denied_offer_is_no_offer(text, level):
    # review r9 N1: both were offered
    assert _relations(text)[("Norway", "contributesTo", "Sudria Mission")] == level


@pytest.mark.parametrize(
    "text",
    [
        "Norway wanted to join the Velmar Alliance in 2010 but was rejected.",
        "Mira Solvang had hoped to meet Tomas Ekberg, but the talks were cancelled.",
    ],
)
def test_a_past_wish_states_nothing(text):
    # review r9 W1: a wish held no longer is no possibility
    assert not _relations(text)


@pytest.mark.parametrize(
    ("text", "fact"),
    [
        (
            "Norway sent troops to the Sudria Mission; Sweden did not send any.",
            ("Norway", "contributesTo", "Sudria Mission"),
        ),
        (
            "Norway joined the Velmar Alliance; Sweden did not join it.",
            ("Norway", "memberOf", "Velmar Alliance"),
        ),
    ],
)
def test_a_clause_before_a_semicolon_keeps_its_own_modality(text, fact):
    # review r9 P1: the parser hangs the first clause on the second's verb as a complement,
    # whose negation it then took
    assert _relations(text)[fact] == {"asserted"}


def test_an_apposition_in_a_reported_clause_is_the_writers():
    # review r8 #51 (second half): "the multinational unit led by Finland" was Stockholm's
    found = _said_by(
        "For months, Stockholm has said it would consider all options for the Baltic Rapid "
        "Force, the multinational unit led by Finland."
    )
    assert found[("Finland", "leads", "Baltic Rapid Force")] is None


@pytest.mark.parametrize(
    "text",
    [
        # review r10 V5: only the increase is not made (frames.yaml amount_verbs)
        "For now Norland does not expect to increase its contribution to the Andean Mission.",
        "Norland does not plan to increase its contribution to the Andean Mission.",
    ],
)
def test_a_contribution_not_increased_goes_on(text):
    found = _relations(text)
    assert found.get(("Norland", "contributesTo", "Andean Mission")) == {"asserted"}, found


def test_no_plan_to_take_part_in_an_exercise_is_one_refusal():
    # review r10 V5: the exercise noun's own reading is the refusal too (refused_as)
    found = _relations(
        "Officials said that for now Norland had no plans to join Exercise Iron Gate."
    )
    assert {(s, p, o) for (s, p, o) in found if s == "Norland"} == {
        ("Norland", "declines", "Exercise Iron Gate")
    }, found


def test_an_event_whose_relative_clause_puts_it_ahead_is_planned():
    found = _relations(
        "Norland withdrew its ships from a large naval exercise in Velmar that starts next week."
    )
    assert found[("large naval exercise", "locatedIn", "Velmar")] == {"planned"}


def test_a_trip_in_the_simple_present_with_a_day_of_a_month_is_planned():
    found = _relations("Mira Solvang flies to Velmar City on March 14 for the signing.")
    assert found[("Mira Solvang", "visits", "Velmar City")] == {"planned"}
    found = _relations("Mira Solvang flew to Velmar City on March 14 for the signing.")
    assert found[("Mira Solvang", "visits", "Velmar City")] == {"asserted"}


def test_a_gerund_after_before_is_ahead_of_its_clause():
    found = _relations("Tomas Ekberg died before signing the Velmar Accord.")
    assert found[("Tomas Ekberg", "signs", "Velmar Accord")] == {"planned"}
    found = _relations("Mira Solvang met Tomas Ekberg after arriving in Velmar City.")
    assert found[("Mira Solvang", "visits", "Velmar City")] == {"asserted"}


def test_a_passive_infinitive_on_a_noun_is_planned_unless_the_noun_is_singled_out():
    found = _relations(
        "The regional water forum, to be held in Velmar City in June, will weigh the dam."
    )
    assert found[("regional water forum", "locatedIn", "Velmar City")] == {"planned"}
    found = _relations("The first regional water forum to be held in Velmar City closed today.")
    assert found[("regional water forum", "locatedIn", "Velmar City")] == {"asserted"}


def test_an_event_takes_place_where_it_is_held():
    found = _relations(
        "After the vote, the fourth border conference will take place in Velmar City."
    )
    assert found[("fourth border conference", "locatedIn", "Velmar City")] == {"planned"}
    found = _relations("The border conference took place in Velmar City despite the storm.")
    assert found[("border conference", "locatedIn", "Velmar City")] == {"asserted"}


def test_declining_to_lead_a_body_turns_down_a_part_in_it():
    found = _relations("Last week Tomas Ekberg turned down an offer to head the Velmar Council.")
    assert found[("Tomas Ekberg", "declines", "Velmar Council")] == {"refused"}
    found = _relations("The Velmar Council has been headed by Tomas Ekberg since 2019.")
    assert ("Tomas Ekberg", "declines", "Velmar Council") not in found


def test_what_a_force_only_weighed_or_proposed_says_of_itself_is_no_firmer():
    found = _relations("Sudria is weighing a joint coastal patrol force in Latvia.")
    assert found[("joint coastal patrol force", "operatesIn", "Latvia")] == {"considered"}
    found = _relations("At the talks Norland proposed a UN-led border force in Latvia.")
    assert found[("United Nations", "leads", "UN-led border force")] == {"planned"}
    assert found[("UN-led border force", "operatesIn", "Latvia")] == {"planned"}
    # a force acted on otherwise, or after a preposition, is there
    found = _relations("Mira Solvang was named to head the joint border force in Latvia.")
    assert found[("joint border force", "operatesIn", "Latvia")] == {"asserted"}
    found = _relations("Sudria will offer two ships to the joint coastal patrol force in Latvia.")
    assert found[("joint coastal patrol force", "operatesIn", "Latvia")] == {"asserted"}


def test_what_two_sides_only_discuss_doing_is_considered():
    found = _relations(
        "In Sudria the two ministers discussed a joint coastal patrol force in Latvia."
    )
    assert found[("joint coastal patrol force", "operatesIn", "Latvia")] == {"considered"}
    found = _relations("Norland and Velmar discussed sending frigates to the Coral Force.")
    assert found[("Norland", "contributesTo", "Coral Force")] == {"considered"}
