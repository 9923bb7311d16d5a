"""The lexicon layer on invented sentences: verb and noun frames mapped to ontology
predicates, with their modality. Each test fails without the frame or mechanism it names."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.slow


def _relations(text: str) -> dict[tuple[str, str, str], str]:
    """(subject, predicate, object) -> modality."""
    from kg.extract.pipeline import extract

    st = extract(text, "t")
    label = {e.id: e.label for e in st.entities}
    return {(label[r.subject], r.predicate, label[r.object]): r.modality for r in st.relations}


def _has(found, s, p, o, modality=None) -> bool:
    for key in ((s, p, o), (o, p, s)) if p in ("meets", "holdsTalksWith") else ((s, p, o),):
        if key in found and (modality is None or found[key] == modality):
            return True
    return False


def test_coordinated_subjects_meet_each_other():
    found = _relations("On Monday, Olga Brandt and Lars Berg met in Oslo.")
    assert _has(found, "Olga Brandt", "meets", "Lars Berg", "asserted")


def test_an_event_noun_takes_the_subject_of_its_verb_and_a_purpose_is_planned():
    found = _relations("Ana Ortiz travelled to Lima on Monday for talks with Pablo Mena.")
    assert _has(found, "Ana Ortiz", "holdsTalksWith", "Pablo Mena", "planned")
    assert _has(found, "Ana Ortiz", "visits", "Lima", "asserted")


def test_talks_between_two_parties_are_talks_with_each_other():
    found = _relations("There were talks between Peru and Chile in Lima.")
    assert _has(found, "Peru", "holdsTalksWith", "Chile", "asserted")
    found = _relations("Ana Ortiz said talks between Peru and Chile would resume next week.")
    assert _has(found, "Peru", "holdsTalksWith", "Chile", "planned")


def test_a_possessor_does_what_an_event_noun_says():
    found = _relations("Ana Ortiz's trip to Lima was cut short by the storm.")
    assert _has(found, "Ana Ortiz", "visits", "Lima")


def test_a_meeting_held_with_someone_is_a_meeting():
    found = _relations("Pablo Mena held a meeting with Ana Ortiz in Quito.")
    assert _has(found, "Pablo Mena", "meets", "Ana Ortiz")


def test_a_chair_leads_in_the_passive():
    found = _relations("The Andean Council will be chaired by Peru and Chile.")
    assert _has(found, "Peru", "leads", "Andean Council", "planned")
    assert _has(found, "Chile", "leads", "Andean Council", "planned")


def test_votes_for_and_against_are_support_and_opposition():
    found = _relations("Peru voted for the Lima Accord, while Chile voted against the Lima Accord.")
    assert _has(found, "Peru", "supports", "Lima Accord")
    assert _has(found, "Chile", "opposes", "Lima Accord")


def test_a_phrasal_verb_not_in_the_lexicon_reads_as_its_verb():
    found = _relations("The Lima Accord was drawn up by Peru.")
    assert _has(found, "Lima Accord", "proposedBy", "Peru")


def test_a_passive_only_frame_needs_the_passive():
    found = _relations("The Andean Summit will be held in Lima next week.")
    assert _has(found, "Andean Summit", "locatedIn", "Lima", "planned")
    found = _relations("Peru held talks in Lima with Chile.")
    assert not _has(found, "Peru", "locatedIn", "Lima")
    found = _relations("The Andean Council is based in Lima.")
    assert _has(found, "Andean Council", "locatedIn", "Lima", "asserted")


def test_signing_sanctions_succession_and_urging():
    found = _relations(
        "Japan and Australia signed the Manila Accord on Tuesday. The European Union imposed "
        "sanctions on Ivan Petrov. Olga Brandt replaced Lars Berg as defence minister. Peru "
        "urged Chile to join the talks."
    )
    assert _has(found, "Japan", "signs", "Manila Accord")
    assert _has(found, "Australia", "signs", "Manila Accord")
    assert _has(found, "European Union", "sanctions", "Ivan Petrov")
    assert _has(found, "Olga Brandt", "succeeds", "Lars Berg")
    assert _has(found, "Peru", "urges", "Chile")


def test_declining_to_take_part_is_a_refusal():
    found = _relations("Togo declined to send troops to the Sahel Brigade.")
    assert _has(found, "Togo", "declines", "Sahel Brigade", "refused")
    assert not _has(found, "Togo", "contributesTo", "Sahel Brigade")


def test_a_title_stands_for_the_person_named_beside_it():
    found = _relations(
        "Opening the meeting, the Foreign Secretary, Mr Carl Brant, urged Chile to act."
    )
    assert _has(found, "Carl Brant", "urges", "Chile")


def test_a_group_stands_for_the_members_it_lists():
    found = _relations(
        "Norway and Canada imposed sanctions on eight officials, including Ivan Bort and Olga Sed."
    )
    for s in ("Norway", "Canada"):
        for o in ("Ivan Bort", "Olga Sed"):
            assert _has(found, s, "sanctions", o)


def test_money_is_a_contribution_and_goes_to_its_beneficiary():
    found = _relations(
        "Norway on Tuesday pledged $120 million in humanitarian aid for Chad. "
        "Canada will give Mali $5 million to detect drones."
    )
    assert _has(found, "Norway", "contributesTo", "Chad", "offered")
    assert _has(found, "Canada", "contributesTo", "Mali", "planned")


def test_money_alone_goes_to_no_force_that_is_not_named():
    found = _relations(
        "The Dornish Mission has 900 soldiers. Later, Norway pledged $40 million, part of it "
        "earmarked for schools."
    )
    assert not _has(found, "Norway", "contributesTo", "Dornish Mission")


def test_a_purpose_infinitive_names_what_a_contribution_is_for():
    found = _relations(
        "The Dornish Mission has 900 soldiers. Chile will send a destroyer to observe the "
        "Coral Exercise."
    )
    assert _has(found, "Chile", "contributesTo", "Coral Exercise", "planned")
    assert not _has(found, "Chile", "contributesTo", "Dornish Mission")


def test_a_force_operates_where_it_is_deployed():
    found = _relations("The Dornish Force, which has been deployed in Chad since 2019, left.")
    assert _has(found, "Dornish Force", "operatesIn", "Chad")


def test_an_event_is_located_where_the_phrase_says():
    found = _relations("The Coral Summit in Varna will open on Monday.")
    assert _has(found, "Coral Summit", "locatedIn", "Varna")


def test_having_no_plans_to_join_is_a_refusal():
    found = _relations(
        "The Morvan Party has no plans to join the Coral Coalition, its leader said."
    )
    assert _has(found, "Morvan Party", "declines", "Coral Coalition", "refused")


def test_a_crowd_or_a_named_object_is_not_paired_with_each_other():
    found = _relations("The partners, including Chad and Niger, will meet leaders on Friday.")
    assert not _has(found, "Chad", "meets", "Niger")
    found = _relations("Chad, Niger, Mali and Togo will meet in Accra next month.")
    assert not _has(found, "Chad", "meets", "Niger")
    found = _relations("Chad and Niger will meet in Accra next month.")
    assert _has(found, "Chad", "meets", "Niger", "planned")


def test_a_group_whose_listed_members_are_no_entities_stands_for_itself():
    found = _relations("Peru backed the Lima Accord, including its stricter visa rules.")
    assert _has(found, "Peru", "supports", "Lima Accord")


@pytest.mark.parametrize(
    "text",
    [
        "Peru sanctioned ministers such as Ivan Bort and Olga Sed.",
        "Peru sanctioned three ministers - Ivan Bort and Olga Sed.",
    ],
)
def test_a_group_stands_for_the_members_it_lists_after_such_as_or_a_dash(text):
    found = _relations(text)
    assert _has(found, "Peru", "sanctions", "Ivan Bort")
    assert _has(found, "Peru", "sanctions", "Olga Sed")


def test_an_event_held_somewhere_is_located_there():
    found = _relations("Chile will hold the Dacian Exercise in Varna next month.")
    assert _has(found, "Dacian Exercise", "locatedIn", "Varna", "planned")
