"""The lexicon layer on invented sentences: verb and noun frames mapped to ontology
predicates, with their modality. Each test fails without the frame or mechanism it names."""

from __future__ import annotations

import pytest

from tests.sentences import has as _has
from tests.sentences import relations as _relations

pytestmark = pytest.mark.slow


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


def test_a_part_stands_for_the_whole_it_is_part_of():
    found = _relations("Qatar has offered to finance part of the Coral Road.")
    assert _has(found, "Qatar", "contributesTo", "Coral Road", "offered")


def test_both_sides_are_the_two_parties_named_together_before():
    found = _relations(
        "Talks between Chile and Peru stalled in May. Later, Ana Ortiz urged both sides to "
        "allow access."
    )
    assert _has(found, "Ana Ortiz", "urges", "Chile")
    assert _has(found, "Ana Ortiz", "urges", "Peru")
    found = _relations("Chile and Peru met in May. Later, Ana Ortiz urged two parties to talk.")
    assert not _has(found, "Ana Ortiz", "urges", "Chile")


def test_troops_kept_in_a_force_are_a_contribution_but_not_police_kept_in_a_country():
    found = _relations("Ethiopia, which has its own troops in the Velian Mission, protested.")
    assert _has(found, "Ethiopia", "contributesTo", "Velian Mission")
    found = _relations("Until the vote, Kenya will keep 400 police officers in Chad.")
    assert not _has(found, "Kenya", "contributesTo", "Chad")


def test_an_event_noun_under_a_verb_of_intention_takes_its_subject_and_modality():
    found = _relations("Washington is considering further sanctions on Ivan Bort.")
    assert _has(found, "United States", "sanctions", "Ivan Bort", "considered")


def test_being_expected_somewhere_is_a_planned_visit():
    found = _relations("Ana Ortiz is expected in Budapest next week.")
    assert _has(found, "Ana Ortiz", "visits", "Budapest", "planned")


def test_a_visit_concluded_is_a_visit_and_talks_held_together_are_talks_with_each_other():
    found = _relations(
        "Suryo Wira concluded on Friday a three-day State Visit to Brazil. "
        "On Monday, Olga Brandt and Lars Berg held talks on a joint statement."
    )
    assert _has(found, "Suryo Wira", "visits", "Brazil")
    assert _has(found, "Olga Brandt", "holdsTalksWith", "Lars Berg")


def test_suspending_a_member_is_a_sanction():
    found = _relations("ECOWAS suspended Guinea-Bissau from all its bodies on Thursday.")
    assert _has(found, "Economic Community of West African States", "sanctions", "Guinea-Bissau")


def test_a_subject_pronoun_continues_the_subject_of_the_sentence_before():
    found = _relations(
        "Olga Brandt took office in May, succeeding Lars Berg, who resigned. She is expected "
        "to travel to Lima next week."
    )
    assert _has(found, "Olga Brandt", "visits", "Lima", "planned")
    assert not _has(found, "Lars Berg", "visits", "Lima")


def test_a_title_followed_by_a_name_after_a_comma_is_that_person():
    # the parser attaches the name far from the title; the comma still joins them
    found = _relations(
        "Olga Brandt resigned. Velmar has welcomed an observer mission that is led by the "
        "former President of Chile, Lars Berg, and is due in May."
    )
    assert _has(found, "Lars Berg", "leads", "observer mission")
    assert not _has(found, "Olga Brandt", "leads", "observer mission")


def test_an_idiom_of_a_verb_and_a_bare_noun_reads_as_the_lexicon_lists_it():
    found = _relations("The Morvan Front declined to take part in the Coral Committee.")
    assert _has(found, "Morvan Front", "declines", "Coral Committee", "refused")


def test_the_appointment_or_candidacy_of_someone_stands_for_that_one():
    found = _relations(
        "The Morvan Party said it would support the appointment of Olga Brandt. "
        "Chile backed Peru's candidacy for a seat on the council."
    )
    assert _has(found, "Morvan Party", "supports", "Olga Brandt")
    assert _has(found, "Chile", "supports", "Peru")


def test_contributing_to_a_force_needs_no_named_troops():
    found = _relations("Slovakia had no plans to contribute to the Velian Mission.")
    assert _has(found, "Slovakia", "declines", "Velian Mission", "refused")


def test_a_treaty_named_before_is_the_treaty_approved():
    found = _relations(
        "Chile signed the Coral Treaty in May. The treaty was ratified by Peru in June."
    )
    assert _has(found, "Peru", "supports", "Coral Treaty")


def test_a_visit_to_a_capital_is_a_visit_to_its_country():
    found = _relations("Olga Brandt will travel to Lima next week.")
    assert _has(found, "Olga Brandt", "visits", "Lima", "planned")
    assert _has(found, "Olga Brandt", "visits", "Peru", "planned")


def test_a_mission_is_part_of_the_organisation_its_name_opens_with():
    found = _relations("The AU Coral Monitoring Mission said on Monday that it had left.")
    assert _has(found, "AU Coral Monitoring Mission", "partOf", "African Union")


def test_a_name_is_cut_at_the_prepositions_that_say_where_it_works():
    from kg.extract.naming import _parts

    preps = {"in": "operatesIn", "for": "operatesIn"}
    assert _parts("United Nations Coral Mission in Chad", preps) == (
        ["United", "Nations", "Coral", "Mission"],
        [("in", "Chad")],
    )
    assert _parts("Coral Force", preps) == (["Coral", "Force"], [])


def test_troops_with_no_target_named_go_to_the_last_exercise_or_mission():
    found = _relations(
        "The Velian Mission has 900 soldiers. The Coral Exercise will start in May. "
        "Chile will send two frigates."
    )
    assert _has(found, "Chile", "contributesTo", "Coral Exercise", "planned")


def test_the_one_urged_is_the_object_even_when_parsed_as_the_next_verbs_subject():
    found = _relations("Carl Brant has pressed Lima and Quito to sign before the summer.")
    assert _has(found, "Carl Brant", "urges", "Peru")
    assert _has(found, "Carl Brant", "urges", "Ecuador")


def test_what_is_given_names_its_owner_as_the_target():
    found = _relations(
        "The Velian Mission left in May. Chile has offered to provide a third of the Sahel "
        "Brigade's troops."
    )
    assert _has(found, "Chile", "contributesTo", "Sahel Brigade", "offered")
    assert not _has(found, "Chile", "contributesTo", "Velian Mission")


def test_support_for_doing_something_to_a_thing_is_support_for_the_thing():
    found = _relations("Ana Ortiz supports keeping the Velian Mission at full strength.")
    assert _has(found, "Ana Ortiz", "supports", "Velian Mission")


def test_a_contributor_and_a_company_of_troops_are_contributions():
    found = _relations(
        "The Velian Mission has 900 soldiers. Turkey is the biggest contributor. Ireland "
        "offered to send a company. Poland has ruled out increasing its contingent."
    )
    assert _has(found, "Turkey", "contributesTo", "Velian Mission")
    assert _has(found, "Ireland", "contributesTo", "Velian Mission", "offered")
    assert _has(found, "Poland", "declines", "Velian Mission", "refused")


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


INTERVIEW = (
    "Foreign Minister Olga Brandt of Uruguay spoke to us in Montevideo on Monday.\n\n"
    "Q: Your first trip as minister was to Lima. Did Chile ask you to choose sides?\n\n"
    "A: Chile never asked. In Lima I met Foreign Minister Pablo Mena. Germany and Peru "
    "support us, and I will travel to Quito next month.\n"
)


def test_in_an_interview_i_is_the_interviewee_and_we_the_country_of_their_post():
    found = _relations(INTERVIEW)
    assert _has(found, "Olga Brandt", "visits", "Lima", "asserted")  # "your trip" in a question
    assert _has(found, "Olga Brandt", "meets", "Pablo Mena", "asserted")
    assert _has(found, "Olga Brandt", "visits", "Quito", "planned")
    assert _has(found, "Germany", "supports", "Uruguay")
    assert _has(found, "Peru", "supports", "Uruguay")


def test_without_question_and_answer_marks_first_person_words_stay_unresolved():
    found = _relations(INTERVIEW.replace("Q: ", "").replace("A: ", ""))
    assert not _has(found, "Olga Brandt", "meets", "Pablo Mena")
    assert not _has(found, "Peru", "supports", "Uruguay")


def test_a_question_states_nothing():
    found = _relations(INTERVIEW)
    assert not _has(found, "Chile", "urges", "Olga Brandt")
    found = _relations(
        "Did Chile urge Peru to sign the Coral Accord? Chile urged Bolivia to sign it."
    )
    assert not _has(found, "Chile", "urges", "Peru")
    assert _has(found, "Chile", "urges", "Bolivia")


def test_a_present_verb_with_a_date_ahead_is_planned():
    found = _relations(
        "Olga Brandt goes to Lima next week. Pablo Mena arrives in Quito tomorrow. "
        "Olga Brandt went to Caracas last week."
    )
    assert _has(found, "Olga Brandt", "visits", "Lima", "planned")
    assert _has(found, "Pablo Mena", "visits", "Quito", "planned")
    assert _has(found, "Olga Brandt", "visits", "Caracas", "asserted")


def test_both_sides_are_the_pair_the_story_is_about_not_one_named_in_passing():
    found = _relations(
        "Chile and Peru agreed to set up a border mechanism. Chile said Peru had moved troops. "
        "Peru denied it, and Chile protested. Ecuador brokered a truce with help from Brazil "
        "and Germany, and it has mostly held. Foreign Minister Ana Ortiz of Bolivia urged both "
        "sides to allow access."
    )
    assert _has(found, "Ana Ortiz", "urges", "Chile")
    assert _has(found, "Ana Ortiz", "urges", "Peru")
    assert not _has(found, "Ana Ortiz", "urges", "Germany")


def test_a_title_with_a_complement_stands_for_the_name_after_the_complement():
    found = _relations(
        "Chile and Peru signed the Coral Accord. Later the spokesperson of the "
        "Secretary-General, Priya Vantaal, urged both sides to keep their word."
    )
    assert _has(found, "Priya Vantaal", "urges", "Chile")


@pytest.mark.parametrize(
    "follow_up",
    [
        "The measures target Ivan Bortnik, the army chief; Olga Sedova, the head of the "
        "election board; and the Coral Fuel Company, a fuel importer.",
        "Ivan Bortnik, Olga Sedova and the Coral Fuel Company were also listed.",
        "Also on the list are Ivan Bortnik, Olga Sedova and the Coral Fuel Company.",
    ],
)
def test_a_sentence_that_continues_sanctions_takes_their_subjects(follow_up):
    found = _relations(
        "Chile and New Zealand imposed sanctions on Thursday on three officials. " + follow_up
    )
    for target in ("Ivan Bortnik", "Olga Sedova", "Coral Fuel Company"):
        assert _has(found, "Chile", "sanctions", target), target
        assert _has(found, "New Zealand", "sanctions", target), target


def test_the_most_senior_person_targeted_is_a_sanctioned_person():
    found = _relations(
        "Chile imposed sanctions on eight Norlandic officials on Tuesday. "
        "The most senior person targeted is General Ivan Bort."
    )
    assert _has(found, "Chile", "sanctions", "Ivan Bort")


def test_listing_far_from_any_sanctions_or_without_them_is_no_sanction():
    found = _relations("Ivan Bort and Olga Sed were also listed as speakers.")
    assert not any(p == "sanctions" for _s, p, _o in found)
    found = _relations(
        "Chile imposed sanctions on eight Norlandic officials on Tuesday. "
        + "The weather was fine. " * 8
        + "Ivan Bort and Olga Sed were also listed."
    )
    assert not _has(found, "Chile", "sanctions", "Ivan Bort")


@pytest.mark.parametrize(
    "follow_up",
    [
        "Mira Solvang, until now a central banker, was named finance minister.",
        "The energy ministry goes to Lena Berg, and Mira Solvang was appointed minister of trade.",
        "Mira Solvang and Jon Halvorsen were sworn in as his two deputies.",
        "Mira Solvang was nominated as ambassador to Chile.",
    ],
)
def test_an_appointment_without_its_author_is_made_by_who_appointed_just_before(follow_up):
    # frames.yaml carried.appointedBy (review r10 V17: shapes of no development text)
    for opening in (
        "After weeks of speculation, Prime Minister Tomas Ekberg reshuffled the government "
        "of Norland, bringing in three newcomers.",
        "Tomas Ekberg, the Norlandic president, appointed Lena Berg as his new chief of staff "
        "after the vote.",
    ):
        found = _relations(f"{opening} {follow_up}")
        assert _has(found, "Mira Solvang", "appointedBy", "Tomas Ekberg"), opening


def test_an_appointment_far_back_or_told_of_in_a_relative_clause_is_not_carried():
    found = _relations(
        "Norlandic President Tomas Ekberg reshuffled his cabinet on Friday. "
        + "The weather was fine. " * 4
        + "Mira Solvang was named finance minister."
    )
    assert not _has(found, "Mira Solvang", "appointedBy", "Tomas Ekberg")
    found = _relations(
        "Norlandic President Tomas Ekberg reshuffled his cabinet on Friday. Lena Berg, who "
        "was named finance minister in 2019, kept her post. Mira Solvang was named in a report."
    )
    assert not _has(found, "Lena Berg", "appointedBy", "Tomas Ekberg")
    assert not _has(found, "Mira Solvang", "appointedBy", "Tomas Ekberg")
    found = _relations("Chile reshuffled its cabinet on Friday. Mira Solvang was named envoy.")
    assert not _has(found, "Mira Solvang", "appointedBy", "Chile")


@pytest.mark.parametrize(
    "text",
    [
        # review r10 V6: an appointment of another time, or after one only planned
        "Norlandic President Tomas Ekberg reshuffled his cabinet on Friday. Mira Solvang was "
        "named ambassador to Chile in 2016.",
        "Norlandic President Tomas Ekberg reshuffled his cabinet on Friday. Mira Solvang had "
        "been named trade envoy three years ago.",
        "Norlandic President Tomas Ekberg will name a new defence minister, Lena Berg, next "
        "month. Mira Solvang was named finance minister.",
        # another country's government
        "Danish Prime Minister Tomas Ekberg named Lena Berg defence minister on Friday. In "
        "neighbouring Sweden, Mira Solvang was named prime minister.",
        # an inauguration: no one in the story appoints a head of state
        "Norlandic President Tomas Ekberg named Lena Berg defence minister on Friday. On "
        "Monday, Mira Solvang was sworn in as president.",
        # placed in a name the text does not tell to be the appointer's country
        "The Norlandic leader, President Tomas Ekberg, appointed Lena Berg trade envoy this "
        "week. In Velmar next door, Mira Solvang was named prime minister on Tuesday.",
        # a party's post (frames.yaml carried.appointedBy.not_owners), named or not
        "President Tomas Ekberg appointed Lena Berg as his chief of staff. Mira Solvang was "
        "named chair of the Velmar Unity Party.",
        "President Tomas Ekberg appointed Lena Berg as his chief of staff. Mira Solvang was "
        "named chair of her party.",
        "President Tomas Ekberg appointed Lena Berg as his chief of staff. Mira Solvang was "
        "named the party's new leader.",
        # an appointee who holds another country's post
        "Danish Prime Minister Tomas Ekberg appointed Lena Berg as his chief of staff. Mira "
        "Solvang, the Swedish opposition leader, was named head of a new commission.",
    ],
)
def test_an_appointment_of_another_time_is_not_carried(text):
    assert not _has(_relations(text), "Mira Solvang", "appointedBy", "Tomas Ekberg")


@pytest.mark.parametrize(
    "second",
    [
        "In Copenhagen, Mira Solvang was named finance minister.",
        # a month is no place (review r11 W5)
        "In July, Mira Solvang was also named finance minister.",
    ],
)
def test_an_appointment_placed_in_the_appointers_capital_or_a_month_is_carried(second):
    found = _relations(
        "Danish Prime Minister Tomas Ekberg appointed Lena Berg as his chief of staff. " + second
    )
    assert _has(found, "Mira Solvang", "appointedBy", "Tomas Ekberg"), found


def test_designating_someone_to_a_post_appoints_them():
    found = _relations(
        "President Tomas Ekberg designated General Mira Solvang as chief of the general staff."
    )
    assert _has(found, "Mira Solvang", "appointedBy", "Tomas Ekberg")


def test_new_opening_a_place_name_stays_in_the_name():
    found = _relations("Chile and New Zealand met in Lima. Officials of New Arcadia visited Lima.")
    assert _has(found, "Chile", "meets", "New Zealand")


def test_they_is_the_coordinated_subject_of_the_sentence():
    found = _relations(
        "NATO unveiled the Baltic Shield Plan on Monday. Finland and Sweden, which joined the "
        "alliance last, said on Tuesday that they would back the plan."
    )
    assert _has(found, "Finland", "supports", "Baltic Shield Plan")
    assert _has(found, "Sweden", "supports", "Baltic Shield Plan")


def test_them_as_an_object_is_not_the_subject_of_its_own_sentence():
    found = _relations(
        "Olga Brandt and Lars Berg phoned every senator last week, urging them to vote for "
        "the budget."
    )
    assert not _has(found, "Olga Brandt", "urges", "Lars Berg")


def test_a_noun_the_parser_made_a_conjunct_of_the_verb_joins_its_last_argument():
    found = _relations(
        "Chile drafted the Coral Accord. The accord was signed on Friday in La Paz by the "
        "Minister of Trade, Ana Ortiz, and her Bolivian counterpart, Pablo Mena."
    )
    assert _has(found, "Ana Ortiz", "signs", "Coral Accord")
    assert _has(found, "Pablo Mena", "signs", "Coral Accord")


def test_a_contribution_with_no_force_named_goes_to_the_mission_the_story_is_about():
    found = _relations(
        "Exercise Coral Shield starts next week in Romania. Exercise Coral Shield will "
        "involve 5,000 troops. Separately, an air policing mission in the Baltic states was "
        "extended. France will send 1,100 troops."
    )
    assert _has(found, "France", "contributesTo", "Exercise Coral Shield", "planned")
    assert not _has(found, "France", "contributesTo", "air policing mission")


def test_a_contribution_with_no_force_named_goes_to_no_conference_where_forces_are_pledged():
    # "force" only modifies the event's head noun: a force generation conference is where
    # pledges are made, not what they go to
    found = _relations(
        "Operation Ocean Shield, which patrols the Gulf of Guinea for the European Union, is "
        "short of ships. Its commander asked for two more frigates at a force generation "
        "conference in Lisbon on Monday. Several navies sent observers to the conference, "
        "which ended without a firm pledge. Portugal offered a frigate for the summer, a "
        "Portuguese diplomat said."
    )
    assert _has(found, "Portugal", "contributesTo", "Operation Ocean Shield", "offered")
    assert not _has(found, "Portugal", "contributesTo", "force generation conference")


def test_a_mission_a_union_of_countries_owns_is_no_country_s_own_force():
    # "the European Union's naval mission" is multinational: a refusal to contribute with no
    # force named is a refusal of it; "Norway's navy" stays a country's own, never guessed
    found = _relations(
        "The European Union's naval mission in the Gulf of Guinea is short of ships after a "
        "spate of hijackings. Denmark declined on Monday to contribute a frigate, its "
        "defence ministry said."
    )
    assert _has(found, "Denmark", "declines", "European Union's naval mission", "refused")
    found = _relations(
        "Norway's navy has only four frigates in service after a spate of breakdowns. Denmark "
        "declined on Monday to contribute a frigate, its defence ministry said."
    )
    assert not any(s == "Denmark" and o == "Norway's navy" for s, _p, o in found)


def test_a_named_exercise_written_as_the_exercise_is_the_mission_a_contribution_goes_to():
    # the name has no mission noun, its description has: the exercise the story is about,
    # not drills named once as a part of its programme
    found = _relations(
        "Norway and Denmark plan a week of naval manoeuvres near Bornholm in May, their "
        "defence ministries announced. Named Nordsund Tide, the exercise is to test how the "
        "two fleets share sonar data, and its programme also lists air defence drills. "
        "Denmark's navy is to contribute two frigates, according to Admiral Jens Holm."
    )
    assert _has(found, "Denmark's navy", "contributesTo", "Nordsund Tide")
    assert not _has(found, "Denmark's navy", "contributesTo", "air defence drills")


def test_a_counterpart_is_the_person_named_after_its_comma():
    found = _relations(
        "Turkey and Iraq signed a deal on Thursday, ending months of talks between Turkish "
        "Energy Minister Oguz Tezcan and his Iraqi counterpart, Oil Minister Haidar Mujam."
    )
    assert _has(found, "Oguz Tezcan", "holdsTalksWith", "Haidar Mujam")
    assert not _has(found, "Oguz Tezcan", "holdsTalksWith", "Iraq")


def test_a_person_in_a_city_is_visiting_it_but_a_headquarters_is_not():
    found = _relations(
        "Foreign Minister Ana Ortiz is already in Lima and may meet Pablo Mena on Thursday. "
        "The Andean Development Bank is in Quito."
    )
    assert _has(found, "Ana Ortiz", "visits", "Lima", "asserted")
    assert not any(p == "visits" and o == "Quito" for _s, p, o in found)


def test_the_two_presidents_are_the_two_titled_persons_named_most():
    found = _relations(
        "President Ana Ortiz of Chile arrived in Lima on Monday. President Pablo Mena of Peru "
        "welcomed Ortiz at the airport. Ortiz and Mena toured the port. Prime Minister Lars "
        "Berg said later that talks between the two leaders went well."
    )
    assert _has(found, "Ana Ortiz", "holdsTalksWith", "Pablo Mena")
    assert not _has(found, "Lars Berg", "holdsTalksWith", "Ana Ortiz")


def test_the_two_presidents_with_a_third_named_as_often_are_no_pair():
    found = _relations(
        "President Ana Ortiz of Chile, President Pablo Mena of Peru and President Lars Berg "
        "of Bolivia arrived in Lima on Monday. The two presidents held talks on trade."
    )
    assert not any(p == "holdsTalksWith" for _s, p, o in found)


def test_speaking_to_a_newspaper_is_no_talks_but_speaking_to_a_minister_is():
    found = _relations(
        "Foreign Minister Ana Ruiz of Chile spoke to the Daily Courier about the mission. "
        "Ruiz later spoke to her Peruvian counterpart, Pablo Mena."
    )
    assert not _has(found, "Ana Ruiz", "holdsTalksWith", "Daily Courier")
    assert _has(found, "Ana Ruiz", "holdsTalksWith", "Pablo Mena")


def test_a_title_stands_for_the_name_after_its_comma_when_the_parser_hung_it_elsewhere():
    found = _relations(
        "Defence Minister Ana Ortiz of Chile arrived in Lima on Monday. In Tacna next week "
        "Ortiz is expected to meet the head of the Andean Border Force (ABF), Peruvian Major "
        "General Pablo Mena. On Thursday she may meet Bolivia's chief of police, General Lars "
        "Berg, to talk about smuggling. Ortiz will meet the president, Mena said."
    )
    assert _has(found, "Ana Ortiz", "meets", "Pablo Mena", "planned")
    assert _has(found, "Ana Ortiz", "meets", "Lars Berg", "possible")
    assert not _has(found, "Ana Ortiz", "meets", "Pablo Mena", "asserted")


def test_the_owner_of_an_offer_is_the_subject_of_its_infinitive():
    found = _relations(
        "In a statement, Peru praised Chile's offer to host the Andean Water Forum in 2027."
    )
    assert _has(found, "Chile", "hosts", "Andean Water Forum", "offered")
    assert not _has(found, "Peru", "hosts", "Andean Water Forum")


def test_a_body_adopting_a_declaration_is_a_party_to_it_but_not_to_sanctions():
    found = _relations("The Norland Council adopted the Velmar Declaration on Fisheries.")
    assert _has(found, "Norland Council", "signs", "Velmar Declaration")
    found = _relations("The European Union adopted new sanctions on Velmar on Friday.")
    assert not any(p == "signs" for _s, p, _o in found)


@pytest.mark.parametrize(
    "text",
    [
        # an assembly adopts a treaty's text; the states that sign it are its parties
        "After a week of debate the Velmar Assembly adopted the Coral Sea Treaty by 120 votes.",
        "The Norland Council adopted a draft convention on fishing, to be signed by its members.",
    ],
)
def test_adopting_a_treaty_or_a_convention_is_no_signing(text):
    assert not any(p == "signs" for _s, p, _o in _relations(text))


def test_a_state_adopting_a_protocol_is_a_party_to_it():
    # review r11 W8: a state, not an assembly
    found = _relations("Norland and Chile adopted the Coral Sea Protocol on Tuesday.")
    assert _has(found, "Chile", "signs", "Coral Sea Protocol", "asserted"), found
    found = _relations("After months of talks, Peru refused to adopt the Coral Sea Protocol.")
    assert _has(found, "Peru", "signs", "Coral Sea Protocol", "refused"), found


def test_taking_over_a_post_from_someone_hung_on_the_post_succeeds_them():
    found = _relations(
        "Mira Solvang, who took over as commander from Norland's army chief, General Anders "
        "Holm, in May, visited Velmar."
    )
    assert _has(found, "Mira Solvang", "succeeds", "Anders Holm")


def test_leaving_for_a_place_on_a_day_is_a_planned_trip_there():
    found = _relations(
        "Mira Solvang leaves on Thursday for Velmar City, where she is due to meet Anders Holm."
    )
    assert _has(found, "Mira Solvang", "visits", "Velmar City", "planned")
    found = _relations("Tomas Ekberg departed for Oslo last night.")
    assert _has(found, "Tomas Ekberg", "visits", "Oslo", "asserted")
    found = _relations("Tomas Ekberg, on a visit to Norway until Friday, met Anders Holm.")
    assert not _has(found, "Tomas Ekberg", "visits", "Norway", "planned")
    found = _relations("Tomas Ekberg opens the trade fair in Oslo on Saturday.")
    assert not any(m == "planned" for m in found.values())


@pytest.mark.parametrize(
    "text",
    [
        # a habit, not a plan (frames.yaml habit_words)
        "Since her retirement Mira Solvang has lived in Bergen, and she goes to Oslo every Monday.",
        "Mira Solvang flies to Stockholm each Friday to see her family.",
    ],
)
def test_a_trip_on_a_day_of_every_week_is_no_plan(text):
    found = _relations(text)
    assert found and not any(m == "planned" for m in found.values()), found


def test_hosting_the_headquarters_of_a_force_is_hosting_the_force():
    found = _relations(
        "Estonia says it is ready to host the headquarters of the Northern Shield Brigade in "
        "Tartu, and Peru will host the Andean Guard's headquarters."
    )
    assert _has(found, "Estonia", "hosts", "Northern Shield Brigade", "offered")
    assert _has(found, "Peru", "hosts", "Andean Guard", "planned")
    found = _relations("Norway will send a team of engineers of its navy to the Velmar Mission.")
    assert not any(p == "contributesTo" and o != "Velmar Mission" for (_s, p, o) in found)


def test_it_coordinated_after_a_report_is_the_subject_of_the_clause_reported():
    found = _relations(
        "Norway, which has a long border with Sweden, will not send soldiers into Sweden, "
        "Deputy Minister Lena Berg said, but it has offered to host the Velmar Force's "
        "depot in Oslo."
    )
    assert _has(found, "Norway", "hosts", "Velmar Force", "offered")
    assert not _has(found, "Sweden", "hosts", "Velmar Force")


@pytest.mark.parametrize(
    "text, subject, predicate, obj",
    [
        # review r10 V9: a reporter that can be an "it" (a country, a ministry) came first
        (
            "Norway backed the plan, Sweden said, but it did not join the Velmar Alliance.",
            "Norway",
            "memberOf",
            "Velmar Alliance",
        ),
        (
            "Denmark will not send troops, the Finnish defence ministry said, but it has offered "
            "to host the talks.",
            "Denmark",
            "hosts",
            "talks",
        ),
    ],
)
def test_it_after_a_report_by_a_body_is_the_reported_clauses_subject(text, subject, predicate, obj):
    found = _relations(text)
    assert _has(found, subject, predicate, obj), found
    assert not any(p == predicate and s != subject for s, p, _o in found), found


def test_training_or_arming_a_country_s_forces_is_help_to_it_and_denying_it_negates_it():
    found = _relations(
        "Sweden and Finland have offered to train Bolivian border guards. Estonia has "
        "assigned two minehunters and a support ship to the Baltic Mine Task Group. Peru has "
        "denied arming the Coastal Front."
    )
    assert _has(found, "Sweden", "contributesTo", "Bolivia", "offered")
    assert _has(found, "Finland", "contributesTo", "Bolivia", "offered")
    assert _has(found, "Estonia", "contributesTo", "Baltic Mine Task Group", "asserted")
    assert _has(found, "Peru", "contributesTo", "Coastal Front", "negated")


def test_training_one_s_own_forces_is_no_help_to_anyone():
    found = _relations(
        "Peru said it would train its own border guards next year. Chile will equip its "
        "coast guard with new boats. Sweden has offered to train Bolivian border guards."
    )
    assert not [r for r in found if r[0] in ("Peru", "Chile") and r[1] == "contributesTo"]
    assert _has(found, "Sweden", "contributesTo", "Bolivia", "offered")


def test_a_declined_invitation_is_a_refusal_of_what_it_invites_to():
    found = _relations(
        "Chile will host the Andean Water Summit in Lima next month. Peru has declined the "
        "invitation, according to its foreign ministry. Bolivia declined an invitation to send "
        "observers to the Andean Water Summit."
    )
    assert _has(found, "Peru", "declines", "Andean Water Summit", "refused")
    assert _has(found, "Bolivia", "declines", "Andean Water Summit", "refused")


def test_a_common_noun_named_by_a_body_stands_for_that_body():
    found = _relations(
        "Chile signed the Coastal Accord in May. The opposition Blue Dawn movement opposed "
        "the Coastal Accord."
    )
    assert _has(found, "Blue Dawn", "opposes", "Coastal Accord")


def test_talks_planned_after_a_raising_passive_and_with_officials_of_two_countries():
    found = _relations(
        "Lars Berg, Bolivia's foreign minister, is expected in Quito on Friday to hold talks "
        "with his Ecuadorian counterpart. The envoy, Pablo Mena, flew to Quito for talks with "
        "Peruvian and Chilean officials on a prisoner exchange."
    )
    assert _has(found, "Lars Berg", "holdsTalksWith", "Ecuador", "planned")
    assert _has(found, "Pablo Mena", "holdsTalksWith", "Peru", "planned")
    assert _has(found, "Pablo Mena", "holdsTalksWith", "Chile", "planned")


def test_a_body_named_with_the_body_it_belongs_to_is_part_of_it_but_not_of_a_country():
    found = _relations(
        "The Norland Assembly met on Monday. The Assembly's Defence Committee approved the "
        "budget. The Coastal Front said its Logistics Directorate was hit. Peru's Coastal "
        "Guard was deployed. The Assembly's new audit panel met later."
    )
    assert _has(found, "Defence Committee", "partOf", "Assembly")
    assert _has(found, "Logistics Directorate", "partOf", "Coastal Front")
    assert not _has(found, "Coastal Guard", "partOf", "Peru")
    assert not any(
        p == "partOf" and o == "Assembly" and s != "Defence Committee" for s, p, o in found
    )


def test_a_contribution_weighed_and_the_owner_of_troops_deployed_contribute():
    found = _relations(
        "Peru is considering a second company for the Andean Border Force. The deployment of "
        "Bolivian troops to the Andean Border Force began in May. Chile is weighing the "
        "purchase of six Peruvian patrol boats as well."
    )
    assert _has(found, "Peru", "contributesTo", "Andean Border Force", "considered")
    assert _has(found, "Bolivia", "contributesTo", "Andean Border Force", "asserted")
    assert not any(s == "Chile" and p == "contributesTo" for s, p, _o in found)


def test_those_on_whose_behalf_a_document_is_signed_sign_it():
    found = _relations(
        "The memorandum was signed by Mira Solvang and Tomas Ekberg on behalf of Norland "
        "and Velmar respectively."
    )
    assert _has(found, "Mira Solvang", "signs", "memorandum")
    assert _has(found, "Norland", "signs", "memorandum")
    assert _has(found, "Velmar", "signs", "memorandum")
    found = _relations("Tomas Ekberg signed the accord in the name of the Velmar government.")
    assert _has(found, "Velmar government", "signs", "accord")


def test_a_vote_in_favour_supports_and_an_abstention_does_not():
    found = _relations("The United States voted in favour of the resolution.")
    assert _has(found, "United States", "supports", "resolution", "asserted")
    found = _relations("Russia and China abstained on the resolution.")
    assert _has(found, "Russia", "supports", "resolution", "negated")
    assert _has(found, "China", "supports", "resolution", "negated")


def test_who_is_under_sanctions_is_sanctioned_by_those_that_name_them():
    found = _relations(
        "The European Union imposed sanctions on Tomas Ekberg, who is under US and British "
        "sanctions."
    )
    assert _has(found, "United States", "sanctions", "Tomas Ekberg")
    assert _has(found, "United Kingdom", "sanctions", "Tomas Ekberg")
    found = _relations("Mira Solvang has been under EU sanctions since 2022.")
    assert _has(found, "European Union", "sanctions", "Mira Solvang")


def test_the_parties_that_agree_a_plan_sign_it():
    found = _relations("Peru and Chile agreed on a ceasefire in the border region.")
    assert _has(found, "Peru", "signs", "ceasefire in the border region")
    assert _has(found, "Chile", "signs", "ceasefire in the border region")
    found = _relations("Peru and Chile agreed on Monday to establish a joint border plan.")
    assert _has(found, "Peru", "signs", "joint border plan")
    found = _relations("Peru and Chile failed to agree on a ceasefire in the border region.")
    assert _has(found, "Peru", "signs", "ceasefire in the border region", "negated")
    assert not _has(found, "Peru", "signs", "ceasefire in the border region", "asserted")


def test_receiving_or_summoning_a_person_is_meeting_them():
    found = _relations("Tomas Ekberg was received by Foreign Minister Mira Solvang in Oslo.")
    assert _has(found, "Mira Solvang", "meets", "Tomas Ekberg")
    found = _relations("Mira Solvang summoned the Velmar ambassador, Tomas Ekberg, on Monday.")
    assert _has(found, "Mira Solvang", "meets", "Tomas Ekberg")
    found = _relations("Mira Solvang received a letter from Tomas Ekberg.")
    assert not _has(found, "Mira Solvang", "meets", "Tomas Ekberg")


def test_support_and_opposition_as_nouns_are_stances():
    found = _relations("Brazil voiced strong support for Norland's bid to join the council.")
    assert _has(found, "Brazil", "supports", "Norland", "asserted")
    found = _relations("Hungary dropped its opposition to the sanctions package on Monday.")
    assert _has(found, "Hungary", "opposes", "sanctions package", "negated")


def test_a_round_of_talks_stands_for_the_talks():
    found = _relations(
        "Mexico has offered to host a new round of talks between Norland and Velmar."
    )
    assert _has(found, "Mexico", "hosts", "talks between Norland and Velmar", "offered")


def test_aid_in_kind_counts_as_money_does():
    found = _relations(
        "The United States would provide air transport and significant funding to the "
        "Coastal Shield mission."
    )
    assert _has(found, "United States", "contributesTo", "Coastal Shield mission", "planned")
    # like money, it goes to no force that is not named
    found = _relations(
        "The Coastal Shield mission patrols the north. Velmar has offered to finance new equipment."
    )
    assert not _has(found, "Velmar", "contributesTo", "Coastal Shield mission")
    found = _relations("The Coastal Shield mission patrols the north. Velmar will send troops.")
    assert _has(found, "Velmar", "contributesTo", "Coastal Shield mission")  # troops do


def test_overseeing_directing_or_holding_the_presidency_is_leading():
    found = _relations("Tomas Ekberg oversees the ministry's Department of Coastal Affairs.")
    assert _has(found, "Tomas Ekberg", "leads", "Department of Coastal Affairs")
    found = _relations("Peru holds the rotating presidency of the Andean Council.")
    assert _has(found, "Peru", "leads", "Andean Council")


def test_directing_a_body_to_act_is_an_order_not_leadership():
    for text in (
        "President Tomas Ekberg directed the Defence Ministry to prepare a plan for the border.",
        "Tomas Ekberg directed the Andean Council to review the mission.",
        "General Mira Solvang commanded the Northern Brigade to withdraw from the border.",
    ):
        found = _relations(text)
        assert not any(p in ("leads", "positionIn") for _, p, _ in found), (text, found)
    found = _relations("General Mira Solvang commands the Northern Brigade.")
    assert _has(found, "Mira Solvang", "leads", "Northern Brigade")


def test_who_is_under_a_command_is_led_by_its_owner():
    found = _relations("The observer mission, which is under UN control, arrived in May.")
    assert _has(found, "United Nations", "leads", "observer mission")


def test_fighting_is_opposing():
    found = _relations(
        "The Sahel Shield force, which fights the Coastal Front around Lake Velmar, has 8,000 "
        "troops."
    )
    assert _has(found, "Sahel Shield force", "opposes", "Coastal Front")


def test_a_dialogue_held_with_someone_is_talks():
    # the holder of the light verb, not the dialogue's owner ("the ministers'")
    found = _relations(
        "Mira Solvang held the Norland-Velmar Foreign Ministers' Strategic Dialogue with "
        "Tomas Ekberg in Oslo."
    )
    assert _has(found, "Mira Solvang", "holdsTalksWith", "Tomas Ekberg")


def test_the_two_leaders_are_the_two_persons_named_together_when_not_both_titled():
    found = _relations(
        "Mira Solvang and Tomas Ekberg opened the summit on Tuesday. Talks between the two "
        "leaders lasted two hours."
    )
    assert _has(found, "Mira Solvang", "holdsTalksWith", "Tomas Ekberg")
    # "X and his counterpart, Y": Y is named together with X
    found = _relations(
        "Chilean President Mira Solvang and his Peruvian counterpart, Tomas Ekberg, signed 14 "
        "agreements on Tuesday. Talks between the two leaders lasted two hours."
    )
    assert _has(found, "Mira Solvang", "holdsTalksWith", "Tomas Ekberg")


def test_a_vote_that_names_nothing_is_on_the_plan_of_the_story():
    story = (
        "The Harbour Accord, which was drafted by Norway, passed by 300 votes to 120. "
        "Only the Green Party voted against it; the Liberal Alliance and most others voted in "
        "favour."
    )
    found = _relations(story)
    assert _has(found, "Green Party", "opposes", "Harbour Accord", "asserted")
    assert _has(found, "Liberal Alliance", "supports", "Harbour Accord", "asserted")
    # a vote yet to come, or on something named, is no stance on the story's plan
    found = _relations("Chile proposed the Harbour Accord. Peru will vote on it next week.")
    assert not _has(found, "Peru", "supports", "Harbour Accord")
    assert not _has(found, "Peru", "opposes", "Harbour Accord")
    # a plan of another paragraph is not what an unnamed vote is on
    found = _relations(
        "The Harbour Accord, which was drafted by Norway, was debated on Monday.\n\n"
        "A bill on fisheries passed by 300 votes to 120. The Green Party voted against."
    )
    assert not _has(found, "Green Party", "opposes", "Harbour Accord")


def test_a_gerund_after_in_or_by_does_what_the_verb_subject_does():
    found = _relations(
        "Chile proposed the Harbour Accord on Monday. Peru joined Chile in voting for it."
    )
    assert _has(found, "Peru", "supports", "Harbour Accord", "asserted")
    assert not _has(found, "Peru", "supports", "Chile")  # "it" is no country here
    found = _relations("Chile responded by sending troops to the Andean Force.")
    assert _has(found, "Chile", "contributesTo", "Andean Force")
    # "for" and "of" take the object's gerund: Chile sends nothing
    found = _relations("Chile thanked Peru for sending troops to the Andean Force.")
    assert not _has(found, "Chile", "contributesTo", "Andean Force")


def test_who_takes_part_in_an_exercise_offers_forces_to_it():
    found = _relations(
        "Next month the Chilean Navy is to hold a joint exercise with the Peruvian Navy off Arica."
    )
    assert _has(found, "Chilean Navy", "contributesTo", "joint exercise", "planned")
    assert _has(found, "Peruvian Navy", "contributesTo", "joint exercise", "planned")
    found = _relations("The Chilean Navy took part in Exercise Blue Tide in the spring.")
    assert _has(found, "Chilean Navy", "contributesTo", "Exercise Blue Tide", "asserted")
    found = _relations("Chile will join a trilateral exercise with Peru and Ecuador on Monday.")
    for country in ("Chile", "Peru", "Ecuador"):
        assert _has(found, country, "contributesTo", "trilateral exercise", "planned")
    found = _relations("Blue Tide, a naval exercise involving the Peruvian Navy, began on Monday.")
    assert _has(found, "Peruvian Navy", "contributesTo", "naval exercise")
    # who criticises the drills takes no part in them
    found = _relations("China criticised the drills, which began on Monday.")
    assert not _has(found, "China", "contributesTo", "drills")


def test_a_personal_pronoun_object_is_not_its_own_clause_subject():
    found = _relations(
        "Mira Solvang flew to Lima on Monday. Tomas Ekberg will meet her at the airport."
    )
    assert _has(found, "Tomas Ekberg", "meets", "Mira Solvang", "planned")
    found = _relations("Mira Solvang said Tomas Ekberg had praised her.")
    assert _has(found, "Tomas Ekberg", "supports", "Mira Solvang")


def test_what_a_stance_calls_a_plan_says_support_or_opposition():
    found = _relations('Tomas Ekberg called the Harbour Accord "blackmail dressed up as values".')
    assert _has(found, "Tomas Ekberg", "opposes", "Harbour Accord", "asserted")
    found = _relations(
        'Mira Solvang has described the Harbour Accord as "a wise choice for a nation with '
        'few friends".'
    )
    assert _has(found, "Mira Solvang", "supports", "Harbour Accord")
    assert not _has(found, "Mira Solvang", "opposes", "Harbour Accord")
    found = _relations(
        "The Green Party, calling the Harbour Accord unjustified, said it would appeal."
    )
    assert _has(found, "Green Party", "opposes", "Harbour Accord")
    # a plain description, or a complement after another object, is no stance
    found = _relations("Tomas Ekberg called the Harbour Accord a long document.")
    assert not _has(found, "Tomas Ekberg", "opposes", "Harbour Accord")
    assert not _has(found, "Tomas Ekberg", "supports", "Harbour Accord")
    found = _relations(
        'Mira Solvang called the Harbour Accord "a surrender of our fishing waters", and her '
        "fellow co-leader, Tomas Ekberg, vowed to fight it."
    )
    assert _has(found, "Mira Solvang", "opposes", "Harbour Accord")
    assert not _has(found, "Mira Solvang", "opposes", "Co-leader")


def test_a_second_titled_person_hung_on_the_first_name_is_named_too():
    found = _relations(
        "Talks between Norland's Minister of Foreign Affairs, Tomas Ekberg, and his Velmar "
        "counterpart, Mira Solvang, open in Lima on Monday."
    )
    assert _has(found, "Tomas Ekberg", "holdsTalksWith", "Mira Solvang")


def test_help_offered_to_someone_is_a_contribution_to_them():
    found = _relations("Norway has offered to share intelligence with Sweden.")
    assert _has(found, "Norway", "contributesTo", "Sweden", "offered")
    # a place where the offered event is held is no beneficiary
    found = _relations("Chile has offered to host talks between Peru and Bolivia in Santiago.")
    assert not _has(found, "Chile", "contributesTo", "Santiago")
    assert not _has(found, "Chile", "contributesTo", "Peru")


# -- round-6 review: readings the new frames must not give -------------------------------------


def test_taking_part_in_an_exercise_has_the_modality_of_the_verb():
    found = _relations("Velmar was invited to join Exercise Coral Shield but declined.")
    assert not _has(found, "Velmar", "contributesTo", "Exercise Coral Shield")
    found = _relations("The Norland Navy has not taken part in Exercise Coral Shield since 2019.")
    assert _has(found, "Norland Navy", "contributesTo", "Exercise Coral Shield", "negated")
    assert not _has(found, "Norland Navy", "contributesTo", "Exercise Coral Shield", "asserted")
    found = _relations("Velmar said Norland had no plans to join Exercise Coral Shield.")
    assert not _has(found, "Norland", "contributesTo", "Exercise Coral Shield", "asserted")


def test_a_vote_for_a_person_is_for_that_person():
    found = _relations(
        "The Harbour Accord was debated on Monday. Mira Solvang stood for speaker, and the "
        "Green Party voted for her."
    )
    assert _has(found, "Green Party", "supports", "Mira Solvang")
    assert not _has(found, "Green Party", "supports", "Harbour Accord")


@pytest.mark.parametrize(
    "text",
    [
        "Tomas Ekberg called Mira Solvang to discuss the threat.",
        "Mira Solvang described the Velmar Accord as no threat to Norland.",
        "Mira Solvang called the Velmar Accord not a betrayal but a compromise.",
        "Mira Solvang described the Velmar Accord as a way to end the aggression.",
    ],
)
def test_a_purpose_a_negated_judgement_or_a_clause_inside_is_no_stance(text):
    assert not any(p == "opposes" for _s, p, _o in _relations(text))


@pytest.mark.parametrize(
    "text, who",
    [
        ("Norland pledged to end arms sales to Velmar.", "Velmar"),
        (
            "Mira Solvang promised to report to the Norland Parliament on Monday.",
            "Norland Parliament",
        ),
    ],
)
def test_only_giving_or_helping_offered_is_a_contribution_to_someone(text, who):
    assert not any(p == "contributesTo" and o == who for _s, p, o in _relations(text))


def test_who_is_persuaded_to_do_something_does_it():
    for text in (
        "Mira Solvang persuaded Velmar to send troops to the Andean Force.",
        "Mira Solvang succeeded in persuading Velmar to send troops to the Andean Force.",
    ):
        found = _relations(text)
        assert _has(found, "Velmar", "contributesTo", "Andean Force")
        assert not _has(found, "Mira Solvang", "contributesTo", "Andean Force")


@pytest.mark.parametrize(
    ("text", "modality"),
    [
        ("Norway's offer of 200 troops to the Sudria Mission was welcomed by Sweden.", "offered"),
        ("Norway's pledge of $5 million to the Sudria Mission was welcomed by Sweden.", "offered"),
        ("Sweden rejected Norway's offer of 200 troops to the Sudria Mission.", "offered"),
        (
            "Norway's decision to send 200 troops to the Sudria Mission was welcomed by Sweden.",
            "planned",
        ),
    ],
)
def test_offers_pledges_and_decisions_as_nouns_carry_their_modality(text, modality):
    # review r8 #50: the offer stated nothing, the pledge a contribution made, the
    # decision nothing; the one who rejects an offer does not make it refused
    found = _relations(text)
    assert found.get(("Norway", "contributesTo", "Sudria Mission")) == modality
    assert not _has(found, "Sweden", "contributesTo", "Sudria Mission")


def test_an_offer_of_something_else_contributes_nothing():
    found = _relations("Norway's offer of talks to the Sudria Mission was welcomed by Sweden.")
    assert not _has(found, "Norway", "contributesTo", "Sudria Mission")


def test_a_plan_to_do_something_is_named_by_it_and_no_plans_are_no_plan():
    from kg.extract.pipeline import extract

    st = extract("The Velmar Council rejected the ministry's plan to close two naval bases.", "t")
    plans = [e for e in st.entities if e.cls == "Plan"]
    # and by its possessor (round 17, x-prop: "the EU's call for arbitration")
    assert [p.aliases for p in plans] == [
        ("the ministry's plan to close two naval bases", "ministry's plan")
    ]
    st = extract("Norway has no plans to join the Velmar Alliance, Mira Solvang said.", "t")
    assert not [e for e in st.entities if e.cls == "Plan"]


@pytest.mark.parametrize(
    "text",
    [
        "Mira Solvang welcomed Tomas Ekberg to Oslo on Monday.",
        "Mira Solvang greeted Tomas Ekberg in Oslo on Monday.",
    ],
)
def test_a_person_welcomed_to_a_place_is_met_and_visits_it(text):
    # review r8 #54: "welcomed X to Oslo" was support for X
    found = _relations(text)
    assert _has(found, "Mira Solvang", "meets", "Tomas Ekberg", "asserted")
    assert _has(found, "Tomas Ekberg", "visits", "Oslo", "asserted")
    assert not _has(found, "Mira Solvang", "supports", "Tomas Ekberg")


def test_welcoming_a_decision_is_still_support():
    found = _relations("Norway welcomed the Velmar Accord in Oslo on Monday.")
    assert _has(found, "Norway", "supports", "Velmar Accord")
    assert not any(p in ("meets", "visits") for _s, p, _o in found)


@pytest.mark.parametrize(
    "text",
    [
        "Mira Solvang phoned Tomas Ekberg on Monday.",
        "Mira Solvang and Tomas Ekberg discussed the Velmar Accord in Oslo.",
        "Mira Solvang discussed the Velmar Accord with Tomas Ekberg.",
    ],
)
def test_a_phone_call_and_a_discussion_are_talks(text):
    # review r8 #54: "phoned" and "discussed" stated nothing
    assert _has(_relations(text), "Mira Solvang", "holdsTalksWith", "Tomas Ekberg")


def test_a_named_object_of_meeting_is_still_no_meeting_of_each_other():
    found = _relations("Mira Solvang and Tomas Ekberg will meet leaders in Oslo.")
    assert not _has(found, "Mira Solvang", "meets", "Tomas Ekberg")


def test_a_re_election_is_an_event_and_a_negotiated_object_is_no_topic():
    # review r9 F1: "re-election" as one word (9a5a11f) was no Event noun, and Sweden
    # supported the person; "negotiated the release of X" is with a third party
    found = _relations("Mira Solvang's re-election as president of Norland was welcomed by Sweden.")
    assert not _has(found, "Sweden", "supports", "Mira Solvang")
    found = _relations("Norway and Sweden negotiated the release of Anna Lind.")
    assert not _has(found, "Norway", "holdsTalksWith", "Sweden")


@pytest.mark.parametrize(
    "text",
    [
        "Norway has made a pledge of 200 troops to the Sudria Mission.",
        "Norway's offer of a frigate to the Sudria Mission was welcomed.",
    ],
)
def test_the_receiver_of_an_offer_may_hang_on_its_light_verb_or_on_what_is_given(text):
    # review r9 N2: "to X" hung on "made" or on "frigate" named no receiver
    assert _relations(text).get(("Norway", "contributesTo", "Sudria Mission")) == "offered"
