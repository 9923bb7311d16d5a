"""Events and agreements between parties on invented sentences (round 19, x-rel): talks,
meetings, signings, successions and appointments in constructions the frames missed. Each
test fails without the mechanism it names."""

from __future__ import annotations

import pytest

from tests.sentences import has as _has
from tests.sentences import relations as _relations

pytestmark = pytest.mark.slow


@pytest.mark.parametrize(
    "text",
    [
        "Norland held a second round of talks with Sudria in Varsk.",
        "Norland and Sudria wrapped up three rounds of talks in Varsk without a deal.",
        "A first round of talks with Sudria was held by Norland in Varsk.",
    ],
)
def test_rounds_and_days_of_talks_as_the_object_are_talks(text):
    # frames/nouns.py `_through_event_frames`: the span of talks is the light verb's object
    assert _has(_relations(text), "Norland", "holdsTalksWith", "Sudria"), _relations(text)


def test_talks_between_named_parties_are_not_the_subjects_talks():
    # frames/match.py `_named_partner`: the "between" phrase names who talked
    found = _relations(
        "Norland and Sudria ended months of talks between their energy ministers, Pavel Orin "
        "and Tomas Ekberg."
    )
    assert _has(found, "Pavel Orin", "holdsTalksWith", "Tomas Ekberg"), found
    assert not _has(found, "Norland", "holdsTalksWith", "Sudria"), found


def test_an_appointment_read_as_a_participle_on_a_reported_subject_is_the_reported_clause():
    # syntax/repair.py `_appointment_read_as_participle`: "the airline said" has a subject
    # of its own, so "Sudria's state airline named ..." is the clause it reports
    found = _relations(
        "Sudria's state airline named Mira Solvang as chief pilot, replacing Tomas Ekberg, the "
        "airline said in a filing."
    )
    assert _has(found, "Mira Solvang", "succeeds", "Tomas Ekberg"), found


def test_an_appointment_read_as_a_participle_in_a_sentence_with_no_verb_is_its_verb():
    # syntax/repair.py `_appointment_read_as_participle`: the root is the board, the verb
    # hung on the chair's name
    found = _relations(
        "The Norland Development Bank lost its governor in May. The bank's board, headed by "
        "retired general Tomas Ekberg, named treasurer Mira Solvang as acting governor."
    )
    assert _has(found, "Mira Solvang", "appointedBy", "Norland Development Bank"), found


def test_a_name_after_the_verb_read_as_a_second_subject_is_its_object():
    # syntax/repair.py `_object_read_as_subject`: the parser reads "Bayu Setiadi" as a
    # second subject of "replaces"
    found = _relations(
        "Mira Solvang took office on Monday. Solvang, who ran the research unit, replaces Bayu "
        "Setiadi, who will retire."
    )
    assert _has(found, "Mira Solvang", "succeeds", "Bayu Setiadi"), found


@pytest.mark.parametrize(
    "text, modality",
    [
        ("Norland renewed its fishing accord with Sudria on Monday.", "asserted"),
        ("Sudria will prolong its grain deal with Norland until 2030.", "planned"),
    ],
)
def test_extending_an_agreement_with_a_partner_signs_it_for_both(text, modality):
    # frames.yaml: the extend/renew/prolong frame of `signs` (heads: `agreements`)
    found = _relations(text)
    for party in ("Norland", "Sudria"):
        assert any(
            s == party and p == "signs" and m == modality for (s, p, _o), m in found.items()
        ), found


def test_extending_a_mandate_signs_nothing():
    found = _relations("The Sudria Council extended the mandate of the Norland mission by a year.")
    assert not any(p == "signs" for _s, p, _o in found), found


def test_a_verb_that_signs_only_some_head_words_makes_no_it_a_plan():
    # things.py `_plan_verbs`: "before the assembly renews it" may be a mandate, not the
    # plan named last (the extend/renew frame takes only `agreements`)
    from kg.extract.things import _plan_verbs

    verbs = _plan_verbs(frozenset({"signs"}))
    assert "sign" in verbs
    assert not {"extend", "renew", "prolong"} & verbs


def test_the_two_alone_are_the_pair_named_together_just_before():
    # actors.py `_bare_pair`, `_near_pair`
    found = _relations(
        "Officials confirmed that Pavel Orin and Tomas Ekberg had met for an hour. Fisheries "
        "dominated the talks between the two, an aide said."
    )
    assert _has(found, "Pavel Orin", "holdsTalksWith", "Tomas Ekberg"), found


def test_the_two_alone_are_the_only_two_persons_named_before_in_their_sentence():
    # actors.py `_near_pair`
    found = _relations(
        "Pavel Orin argued for the loan with Tomas Ekberg, the bank's chief, when the two "
        "dined at a hotel in Varsk."
    )
    assert not _has(found, "Pavel Orin", "meets", "Tomas Ekberg"), found
    found = _relations(
        "Pavel Orin argued for the loan with Tomas Ekberg, the bank's chief, when the two met "
        "at a hotel in Varsk."
    )
    assert _has(found, "Pavel Orin", "meets", "Tomas Ekberg"), found


def test_the_two_ministers_are_the_pair_named_right_before_not_the_most_named():
    # actors.py `_near_pair`: the last two named together, before the two titled most
    found = _relations(
        "Norland's defence minister, Anna Lind, said the navy would stay. Lind spoke after "
        "Kesh's foreign minister, Jan Berg, visited Varsk. Berg and Lind toured the port. At "
        "a dinner, the defence ministers of Norland and Sudria, Pavel Orin and Tomas Ekberg, "
        "initialled a patrol accord. A second round of talks between the two ministers is due "
        "in March."
    )
    assert _has(found, "Pavel Orin", "holdsTalksWith", "Tomas Ekberg"), found
    assert not _has(found, "Anna Lind", "holdsTalksWith", "Jan Berg"), found


def test_the_two_ministers_are_the_only_two_titled_persons_of_the_last_sentences():
    # actors.py `_near_pair`: a third minister named earlier makes the article's count
    # ambiguous; the last three sentences name only two, both ministers
    found = _relations(
        "Kesh's finance minister, Jan Berg, resigned on Monday. Berg denied any wrongdoing. "
        "Norland's works minister, Pavel Orin, proposed halving a bridge toll. Sudria's "
        "transport minister, Tomas Ekberg, welcomed the offer. On Friday the two ministers "
        "will hold talks on the toll in Varsk."
    )
    assert _has(found, "Pavel Orin", "holdsTalksWith", "Tomas Ekberg", "planned"), found


def test_the_two_ministers_may_be_named_as_a_title_and_a_counterpart():
    # actors.py `_partner_mention`: "the Minister of X, Mrs. A, and her counterpart, Mr. B"
    # coordinates the titles; the names are in apposition to them
    found = _relations(
        "The Minister of Defence of Norland, Mrs. Anna Lind, and her Sudrian counterpart, Mr. "
        "Tomas Ekberg, agreed on Monday in Varsk to offer a joint battalion to the United "
        "Nations, the ministry said. A communique said the two ministers had also signed a "
        "letter of intent."
    )
    assert _has(found, "Anna Lind", "signs", "letter of intent"), found
    assert _has(found, "Tomas Ekberg", "signs", "letter of intent"), found


def test_both_governments_are_two_capitals_named_together_in_their_sentence():
    # actors.py `_near_pair`: a capital stands for its country; the pair the text names
    # most is not the one this sentence names
    found = _relations(
        "Sweden and Denmark held naval drills in May, and Sweden and Denmark will hold more "
        "in June. Ties between Oslo and Helsinki have warmed since both governments "
        "signed a fisheries accord in 2021."
    )
    assert _has(found, "Norway", "signs", "fisheries accord"), found
    assert _has(found, "Finland", "signs", "fisheries accord"), found
    assert not _has(found, "Sweden", "signs", "fisheries accord"), found


@pytest.mark.parametrize(
    "text, parties",
    [
        ("Norland will ratify the trade accord it signed with Sudria.", ("Norland", "Sudria")),
        (
            "Critics in Kesh attacked the fishing pact Norland signed with Sudria in 2019.",
            ("Norland", "Sudria"),
        ),
    ],
)
def test_a_relative_clause_with_no_relative_word_acts_on_the_noun_before_it(text, parties):
    # syntax/arguments.py `_contact_antecedent`
    found = _relations(text)
    for party in parties:
        assert any(s == party and p == "signs" for (s, p, _o) in found), found


def test_a_contact_clause_on_a_noun_in_apposition_acts_on_nothing_named_before():
    # syntax/arguments.py `_contact_antecedent`: "..., a plan X backs" restates the clause
    found = _relations(
        "The mission has proposed opening a second post near Jenin, in the Israeli-occupied "
        "West Bank, a plan Amman supports but which would need more observers."
    )
    assert not any(p == "supports" and o == "West Bank" for (_s, p, o) in found), found


@pytest.mark.parametrize(
    "text",
    [
        "LIVE: fisheries summit in Varsk\n\n09:00 - Good morning from Varsk, where leaders "
        "of the Organisation of Northern States are arriving. Norland's prime minister, Pavel "
        "Orin, is here.\n\n11:30 - Done: the Varsk Declaration on Fisheries has just been "
        "signed by the leaders, an aide said.",
        "Foreign ministers of the Organisation of Northern States met in Varsk on Monday. "
        "After four months of drafting, ministers adopted the Varsk Declaration on Fisheries.",
    ],
)
def test_bare_leaders_or_ministers_stand_for_the_body_they_were_named_with(text):
    # actors.py `_delegates_body` (frames.yaml delegate_nouns, delegate_bodies)
    found = _relations(text)
    assert any(
        s == "Organisation of Northern States"
        and p == "signs"
        and o.startswith("Varsk Declaration")
        for (s, p, o) in found
    ), found


def test_the_ministers_of_a_country_stand_for_no_party():
    # frames.yaml `delegate_bodies`: a country's cabinet is no party to what it adopts
    found = _relations(
        "The ministers of Denmark met in Aarhus on Monday. After four months of "
        "drafting, ministers adopted the Varsk Declaration on Fisheries."
    )
    assert not any(s == "Denmark" and p == "signs" for (s, p, _o) in found), found


def test_the_members_of_a_body_counted_with_the_are_all_of_them():
    # actors.py `_some_of`: "the four members" is the whole body ("four members" is not)
    found = _relations(
        "When the five members of the Nordic Union signed their fisheries accord with "
        "Sudria in Varsk last year, critics objected."
    )
    assert _has(found, "Nordic Union", "signs", "fisheries accord"), found
    found = _relations(
        "Five members of the Nordic Union signed a fisheries accord with Sudria in Varsk last year."
    )
    assert not _has(found, "Nordic Union", "signs", "fisheries accord"), found


def test_parties_who_agreed_to_do_something_sign_the_agreement_named_right_after():
    # frames/objects.py `_agreed` (frames.yaml agreement_nouns; the agree frame's `agreed`)
    found = _relations(
        "Norland and Sudria have agreed to create a joint fisheries board for the Varsk "
        "estuary. The accord was initialled in Lindor by their foreign ministers."
    )
    assert _has(found, "Norland", "signs", "accord"), found
    assert _has(found, "Sudria", "signs", "accord"), found


@pytest.mark.parametrize(
    "text",
    [
        # an agreement with content of its own is another one
        "Norland and Sudria have agreed to create a joint fisheries board. Critics in "
        "Varsk said the 1995 border accord had worked better.",
        # the paragraph named the agreement before: what they agreed then is another thing
        "The accord follows talks in May, during which Norland and Sudria agreed to set up a "
        "joint fisheries board. Kesh welcomed the deal.",
        # agreeing to meet makes no accord
        "Norland and Sudria agreed to meet again in May. Kesh, which brokered the talks, said "
        "the deal remained fragile.",
    ],
)
def test_parties_who_agreed_sign_no_other_agreement(text):
    found = _relations(text)
    assert not any(s in ("Norland", "Sudria") and p == "signs" for (s, p, _o) in found), found


_TRANSCRIPT = (
    "Interview: Norland's foreign minister on fisheries\n\n"
    "VARSK - Anna Lind became Norland's foreign minister in May. She spoke to Jan Berg of "
    "Radio Varsk.\n\n"
    "BERG: You fly to Oslo tomorrow. What will you discuss there?\n\n"
    "LIND: Fish, mostly. On Friday I will meet my Sudrian counterpart, Tomas Ekberg.\n\n"
    "BERG: And after that?\n\n"
    "LIND: Home. The budget is waiting."
)


def test_a_transcript_with_the_speakers_names_in_capitals_is_an_interview():
    # voices.py `_labelled_roles`: the asking label is the interviewer's ("you" is the
    # interviewee), the other one answers ("I" is the interviewee)
    found = _relations(_TRANSCRIPT)
    assert _has(found, "Anna Lind", "meets", "Tomas Ekberg", "planned"), found
    assert _has(found, "Anna Lind", "visits", "Oslo", "planned"), found
    assert not _has(found, "Jan Berg", "visits", "Oslo"), found


def test_sections_labelled_in_capitals_with_several_speakers_are_no_interview():
    # voices.py `_labelled_roles`: more than one answering label names no single "I"
    found = _relations(
        _TRANSCRIPT.replace("LIND: Home.", "EKBERG: I will meet Anna Lind in Oslo. Home.")
    )
    assert not _has(found, "Anna Lind", "meets", "Tomas Ekberg", "planned"), found
