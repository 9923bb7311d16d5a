"""Stances, signatures, sanctions and calls on invented sentences (round 12, issue 10): the
constructions that lose them and the readings that must still state nothing. Each test
fails without the mechanism it names."""

from __future__ import annotations

import pytest

from tests.sentences import has as _has
from tests.sentences import relations as _relations

pytestmark = pytest.mark.slow


# -- "not A but B" ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "The Harbour Plan was not proposed by Norway but backed by Sweden.",
        "The Harbour Plan was never drafted by Norway, but backed by Sweden.",
    ],
)
def test_a_conjunct_after_but_does_not_share_the_negation_of_the_passive(text):
    # frames.yaml contrasting_conjunctions (review r11 W2)
    found = _relations(text)
    assert _has(found, "Sweden", "supports", "Harbour Plan", "asserted"), found
    assert _has(found, "Harbour Plan", "proposedBy", "Norway", "negated"), found


def test_a_bare_conjunct_after_but_keeps_the_modal_and_drops_the_negation():
    found = _relations("Norway will not host the talks but hold talks with Sweden.")
    assert _has(found, "Norway", "holdsTalksWith", "Sweden", "planned"), found
    # (a plan not to host turns the talks down: frames.yaml host refused_as, GOLD.md refuses)
    assert _has(found, "Norway", "declines", "talks", "refused"), found


def test_a_conjunct_after_and_still_shares_the_negation():
    found = _relations("The Harbour Plan was not drafted by Norway and not backed by Sweden.")
    assert not _has(found, "Sweden", "supports", "Harbour Plan", "asserted"), found


# -- sanctions continued by a pronoun ------------------------------------------------------


def test_they_after_the_measures_continues_the_sanctions():
    # frames.yaml carried.sanctions.pronouns
    found = _relations(
        "Sweden has blacklisted two Velmarian firms and their owners. The listings ban "
        "Swedish banks from trading with them. They name Tomas Ekberg and Lena Berg."
    )
    assert _has(found, "Sweden", "sanctions", "Tomas Ekberg"), found
    assert _has(found, "Sweden", "sanctions", "Lena Berg"), found


def test_they_after_another_subject_continues_no_sanctions():
    found = _relations(
        "Norland on Monday imposed sanctions on Tomas Ekberg. Velmar's ministers met in "
        "Oslo. They include Mira Solvang."
    )
    assert not _has(found, "Norland", "sanctions", "Mira Solvang"), found


# -- a relative clause on the last word of a plan's name -----------------------------------


def test_a_relative_clause_on_the_end_of_a_plans_name_is_about_the_plan():
    # common_nouns._complement (the name ends before the clause), resolve._completed (the
    # relative pronoun stands for the plan), arguments._stray_after_relative (the second
    # signer, hung on the verb above the clause)
    found = _relations(
        "The talks ended with a pact on water rights, which was signed by Norway's Minister "
        "of Climate and Environment, Sun-hee Park, and Sweden's Minister of Agriculture, "
        "Lena Berg."
    )
    assert _has(found, "Sun-hee Park", "signs", "pact on water rights"), found
    assert _has(found, "Lena Berg", "signs", "pact on water rights"), found


def test_a_plans_name_ends_before_a_clause_on_its_complement():
    found = _relations(
        "A memorandum of understanding that opens the border to trucks was initialled by "
        "Velmar on Friday."
    )
    assert _has(found, "Velmar", "signs", "memorandum of understanding"), found
    found = _relations(
        "Tomas Ekberg drafted a protocol of cooperation on fisheries, which was later "
        "rejected by Norland."
    )
    assert _has(found, "Norland", "opposes", "protocol of cooperation on fisheries"), found


def test_a_relative_clause_on_a_partner_is_the_partners():
    found = _relations(
        "Norland signed an accord on the border with Velmar, which opposed the plan."
    )
    assert _has(found, "Velmar", "opposes", "plan"), found
    assert not _has(found, "accord on the border", "opposes", "plan"), found


# -- a courtesy call ---------------------------------------------------------------------------


def test_calling_on_a_person_with_no_request_is_a_meeting():
    found = _relations(
        "On his last day in Oslo, Tomas Ekberg called on the Velmarian prime minister, Mira "
        "Solvang."
    )
    assert _has(found, "Tomas Ekberg", "meets", "Mira Solvang"), found
    assert not _has(found, "Tomas Ekberg", "urges", "Mira Solvang"), found


@pytest.mark.parametrize(
    "text",
    [
        "Tomas Ekberg called on Mira Solvang to resign.",
        "Tomas Ekberg called on Mira Solvang for calm.",
    ],
)
def test_calling_on_a_person_for_something_is_no_meeting(text):
    assert not _has(_relations(text), "Tomas Ekberg", "meets", "Mira Solvang")


# -- "the proposal": what was proposed last ----------------------------------------------------


def test_the_proposal_is_what_the_last_clause_of_proposing_proposed():
    # lexicon act_anaphors
    found = _relations(
        "Lena Berg suggested holding a referendum in the spring. Within hours the Green "
        "Front had rejected the proposal."
    )
    assert _has(found, "Green Front", "opposes", "referendum"), found


def test_the_proposal_after_a_proposed_clause_is_its_object():
    found = _relations(
        "Velmar proposed a joint patrol along the highway in March; later, Tomas Ekberg "
        "suggested that the Nordic Union should deploy a monitoring mission in the valley. "
        "The proposal has been refused by Sudria."
    )
    assert _has(found, "Sudria", "declines", "monitoring mission"), found
    assert not _has(found, "Sudria", "declines", "joint patrol"), found


def test_the_proposal_after_a_proposal_of_nothing_named_is_not_the_one_before():
    found = _relations(
        "Velmar wants to propose a joint patrol along the highway. Tomas Ekberg then proposed "
        "that the talks be moved. Sudria has refused the proposal."
    )
    assert not _has(found, "Sudria", "declines", "joint patrol"), found


# -- "her colleague, X" ----------------------------------------------------------------------


def test_a_colleague_named_in_apposition_acts():
    # lexicon person_nouns, representative_nouns
    found = _relations(
        "Tomas Ekberg and his Velmarian colleague, Mira Solvang, will initial the fisheries "
        "accord in Bergen."
    )
    for who in ("Mira Solvang", "Tomas Ekberg"):
        assert _has(found, who, "signs", "fisheries accord", "planned"), found


# -- a verb the parser read as a participle on a subject with no verb -------------------------


def _parsed(words, heads, deps, tags, pos):
    """A Doc with the parse given (the statistical parser's mistake, reproduced)."""
    import spacy
    from spacy.tokens import Doc

    return Doc(spacy.blank("en").vocab, words=words, heads=heads, deps=deps, tags=tags, pos=pos)


def _misread(verb_tag="VBN", agent=False):
    """ "Leaders of the Velmar Union on Tuesday called on Sudria to halt the strikes ." read
    with "called" a participle modifying "Leaders" (the sentence has no verb at its root);
    with `agent`, "called by Sudria" (a true participle with its agent)."""
    words = [
        "Leaders",
        "of",
        "the",
        "Velmar",
        "Union",
        "on",
        "Tuesday",
        "called",
        "on",
        "Sudria",
        "to",
        "halt",
        "the",
        "strikes",
        ".",
    ]
    heads = [0, 0, 4, 4, 1, 4, 5, 0, 7, 8, 11, 7, 13, 11, 0]
    deps = ["ROOT", "prep", "det", "compound", "pobj", "prep", "pobj", "acl", "prep", "pobj"]
    deps += ["aux", "xcomp", "det", "dobj", "punct"]
    if agent:
        words[8], deps[8] = "by", "agent"
    tags = ["NNS", "IN", "DT", "NNP", "NNP", "IN", "NNP", verb_tag, "IN", "NNP", "TO", "VB"]
    tags += ["DT", "NNS", "."]
    pos = ["NOUN", "ADP", "DET", "PROPN", "PROPN", "ADP", "PROPN", "VERB", "ADP", "PROPN"]
    pos += ["PART", "VERB", "DET", "NOUN", "PUNCT"]
    return _parsed(words, heads, deps, tags, pos)


def test_a_participle_that_asks_someone_to_act_after_a_verbless_subject_is_the_verb():
    from kg.extract.syntax.repair import _verb_read_as_participle

    doc = _misread()
    _verb_read_as_participle(doc)
    assert doc[7].dep_ == "ROOT" and doc[7].head.i == 7
    assert doc[0].dep_ == "nsubj" and doc[0].head.i == 7
    assert doc[14].head.i == 7


def test_a_participle_with_its_agent_stays_a_participle():
    from kg.extract.syntax.repair import _verb_read_as_participle

    doc = _misread(agent=True)
    _verb_read_as_participle(doc)
    assert doc[0].dep_ == "ROOT" and doc[7].dep_ == "acl"


# -- "the opposition platform X, for its part, ..." ------------------------------------------


def test_a_common_noun_with_a_name_right_after_it_stands_for_the_name():
    # actors._named_after
    found = _relations("The new alliance Blue Front, for its part, backed the Velmar Accord.")
    assert _has(found, "Blue Front", "supports", "Velmar Accord"), found


# -- taken off the list -------------------------------------------------------------------------


@pytest.mark.parametrize(
    "second",
    [
        "The name of Tomas Ekberg was struck from the list at the last minute.",
        "Tomas Ekberg was dropped from the package after talks with Velmar.",
    ],
)
def test_who_is_removed_from_the_sanctions_list_is_not_sanctioned(second):
    # frames.yaml carried.sanctions.removed; theme_nouns "name"
    found = _relations("Norland imposed travel bans on six Velmarian officers on Friday. " + second)
    assert _has(found, "Norland", "sanctions", "Tomas Ekberg", "negated"), found


def test_who_is_removed_from_office_is_no_sanction():
    found = _relations(
        "Norland imposed travel bans on six Velmarian officers on Friday. Tomas Ekberg was "
        "removed from office."
    )
    assert not _has(found, "Norland", "sanctions", "Tomas Ekberg"), found


# -- speaking for a group ---------------------------------------------------------------------


def test_who_speaks_for_a_group_states_the_groups_stance():
    # frames.yaml speaking_for
    found = _relations(
        "Speaking on behalf of the Nordic Group, Mira Solvang backed the Velmar Accord."
    )
    assert _has(found, "Nordic Group", "supports", "Velmar Accord"), found
    found = _relations("Speaking to reporters, Mira Solvang backed the Velmar Accord.")
    assert not any(s != "Mira Solvang" for s, p, _o in found if p == "supports"), found


def test_the_speaker_the_parser_hangs_on_the_group_is_the_subject():
    # arguments._speaker_in_apposition ("Speaking" parsed as the verb's subject)
    found = _relations(
        "Speaking for the Nordic Group, Velmar's fisheries minister, Mira Solvang, rejected "
        "the Harbour Plan."
    )
    assert _has(found, "Nordic Group", "opposes", "Harbour Plan"), found
    # the stance is the group's, which she voices (not hers, nor her country's)
    assert not _has(found, "Mira Solvang", "opposes", "Harbour Plan"), found
    assert not _has(found, "Velmar", "opposes", "Harbour Plan"), found


# -- "rejected it": the plan before -----------------------------------------------------------


def test_it_as_the_object_of_a_stance_is_the_plan_named_before():
    # frames.yaml plan_pronoun_predicates
    found = _relations(
        "Sweden has tabled an amendment that would halve the cod quota. In Oslo on Tuesday, "
        "Mira Solvang rejected it."
    )
    assert _has(found, "Mira Solvang", "opposes", "amendment"), found


@pytest.mark.parametrize(
    "text, wrong",
    [
        (
            "Norway proposed the Velmar Accord in 2019. Sweden signed it in 2020. In May, "
            "Finland made a proposal of its own. Denmark rejected the proposal.",
            "Velmar Accord",
        ),
        ("Norway suggested Oslo as the venue for the talks. Sweden rejected the proposal.", "Oslo"),
        (
            "Norway proposed that Sweden leave the Velmar Alliance. Finland rejected the proposal.",
            "Velmar Alliance",
        ),
        (
            "Norway proposed a ceasefire in March. The weather was fine. The roads were closed. "
            "Trains were late. The ferries stopped. Sweden rejected the proposal.",
            "ceasefire",
        ),
    ],
)
def test_the_proposal_is_not_what_cannot_be_the_proposal_meant(text, wrong):
    # review r12 X6: another proposal made by a noun, a place, an undoing clause, too far back
    found = _relations(text)
    assert not any(p == "opposes" and o == wrong for _s, p, o in found), found


# -- talks held in the frame of a signing -----------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Norland and Velmar initialled a fisheries accord after three days of talks in Bergen.",
        "Norland and Velmar on Friday initialled a fisheries accord at the end of the fifth "
        "round of talks.",
    ],
)
def test_talks_in_a_span_or_a_round_on_a_verb_are_held_by_its_subjects(text):
    # frames.yaml event_frames
    assert _has(_relations(text), "Norland", "holdsTalksWith", "Velmar")


# -- sanctions on a country's firms or goods ---------------------------------------------------


def test_sanctions_on_a_countrys_firms_or_goods_sanction_the_country():
    # frames.yaml economy_nouns, `economy:on`
    found = _relations("Sweden has threatened to impose sanctions on Canadian mining companies.")
    assert _has(found, "Sweden", "sanctions", "Canada"), found
    found = _relations("Finland ruled out imposing countermeasures on Chilean goods.")
    assert _has(found, "Finland", "sanctions", "Chile", "refused"), found


@pytest.mark.parametrize(
    "text",
    [
        "Denmark slapped sanctions on Estonian shipping firms that carried arms to the rebels.",
        "Norway has imposed sanctions on Latvian banks suspected of laundering cartel money.",
        "The United States imposed sanctions on Chinese companies that supplied drones to Velmar.",
    ],
)
def test_sanctions_on_firms_singled_out_by_their_conduct_are_not_on_their_country(text):
    # review X18: a relative clause or participle after the firms says which firms
    found = _relations(text)
    targets = ("Estonia", "Latvia", "China")
    assert not [r for r in found if r[1] == "sanctions" and r[2] in targets], found


def test_approving_the_measures_told_of_continues_the_sanctions_before():
    found = _relations(
        "Sweden on Monday imposed asset freezes on nine Velmarian officers. Two days later, in "
        "Bergen, the Nordic Council approved the measures. Tomas Ekberg and Lena Berg were "
        "also listed."
    )
    assert _has(found, "Sweden", "sanctions", "Tomas Ekberg"), found


@pytest.mark.parametrize(
    "text, wrong",
    [
        ("Norway tabled an amendment to the Velmar Accord. Sweden rejected it.", "Velmar Accord"),
        (
            "Norway invaded Velmar in May under the Velmar Accord. The United Nations "
            "condemned it.",
            "Velmar Accord",
        ),
    ],
)
def test_it_is_not_a_plan_inside_the_phrase_of_another_thing(text, wrong):
    # review r12 X15: the last main clause's argument is the amendment, the invasion's object
    found = _relations(text)
    assert not any(p == "opposes" and o == wrong for _s, p, o in found), found


def test_speaking_for_oneself_keeps_the_speaker():
    # review r12 X16
    found = _relations("Speaking for herself, Mira Solvang rejected the Velmar Accord.")
    assert _has(found, "Mira Solvang", "opposes", "Velmar Accord"), found


# -- a pact called void -------------------------------------------------------------------------


def test_calling_a_pact_null_and_void_opposes_it():
    # frames.yaml judgements: negative "null and void"
    found = _relations(
        "Velmar and Sudria initialled the Brask Accord in May. Norland called the Brask Accord "
        '"null and void" on Tuesday.'
    )
    assert _has(found, "Norland", "opposes", "Brask Accord"), found


# -- round 17: "the coalition", a person accepted, a body run ---------------------------------


def test_the_coalition_is_the_coalition_government_named_before():
    # lexicon anaphors, named_anaphors: coalition
    found = _relations(
        "Ola Berg heads the new coalition government in Norvik. The Velmar Party has no "
        "plans to join this coalition, Tor Lund told the Norvik Courier."
    )
    assert _has(found, "Velmar Party", "declines", "coalition government", "refused"), found


def test_the_coalition_is_no_body_without_coalition_in_its_name():
    found = _relations(
        "The Nordic Council met in Oslo on Monday. The Velmar Party will not join the coalition."
    )
    assert not any(p == "declines" for _s, p, _o in found), found


def test_a_person_not_accepted_as_candidate_is_not_backed_not_declined():
    # frames.yaml: accept a Person -> supports (the refusal frame keeps receive for persons)
    found = _relations(
        "Tor Lund will not be accepted as the joint nominee for chancellor, the Blue Alliance "
        "said. The Blue Alliance would not accept Tor Lund as its nominee, a spokesman added."
    )
    assert _has(found, "Blue Alliance", "supports", "Tor Lund", "refused"), found
    assert not _has(found, "Blue Alliance", "declines", "Tor Lund"), found


def test_an_envoy_not_received_is_still_declined():
    found = _relations("Norland says it will not receive Tor Lund, the envoy of Velmar.")
    assert _has(found, "Norland", "declines", "Tor Lund", "refused"), found


def test_turning_down_an_offer_to_run_a_body_declines_it():
    # frames.yaml: run, manage (only_refused, refused_as declines)
    found = _relations(
        "Tor Lund, a banker from Norvik, turned down an offer in May to run the Nordic Fund, "
        "according to Velmar radio."
    )
    assert _has(found, "Tor Lund", "declines", "Nordic Fund", "refused"), found


def test_declining_to_run_a_port_declines_nothing():
    found = _relations("Velmar Ports declined to run the Norvik port.")
    assert not any(p == "declines" for _s, p, _o in found), found


# -- "it" after a preposition is not its own clause's subject ----------------------------------


def test_it_after_to_is_not_the_subject_that_gives_to_it():
    # things._own_doers: "Norland will not contribute to it" is not Norland's own
    found = _relations(
        "The Velmar Brigade held its first drill in June. Norland has no plan to contribute "
        "to it, its defence ministry said on Friday."
    )
    assert _has(found, "Norland", "declines", "Velmar Brigade", "refused"), found


def test_it_after_to_is_none_of_coordinated_subjects():
    found = _relations(
        "The Velmar Force held its first drill in June. Norland and Sudria each offered a "
        "battalion to it at the closed meeting."
    )
    assert _has(found, "Norland", "contributesTo", "Velmar Force", "offered"), found
    assert _has(found, "Sudria", "contributesTo", "Velmar Force", "offered"), found
    assert not _has(found, "Norland", "contributesTo", "Sudria"), found


# -- hosting turned down ---------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "In June Norland declined to host the Coral Summit, citing costs.",
        "Norland will not host the Coral Summit, its prime minister told a press briefing.",
    ],
)
def test_hosting_declined_or_ruled_out_as_a_plan_declines_it(text):
    # frames.yaml host: refused_as declines (GOLD.md refuses)
    found = _relations(text)
    assert _has(found, "Norland", "declines", "Coral Summit", "refused"), found
    assert not _has(found, "Norland", "hosts", "Coral Summit"), found


def test_a_summit_not_hosted_last_year_is_no_refusal():
    found = _relations("Norland did not host the Coral Summit last year.")
    assert not _has(found, "Norland", "declines", "Coral Summit"), found


@pytest.mark.parametrize(
    ("text", "giver", "force", "wrong"),
    [
        (
            "The Velmar Brigade was formed in May. Norland said Sudria would send troops to it.",
            "Sudria",
            "Velmar Brigade",
            "Norland",
        ),
        (
            "Norland proposed the Velmar Force in May. Sudria welcomed the force and Norland "
            "will contribute a ship to it.",
            "Norland",
            "Velmar Force",
            "Sudria",
        ),
    ],
)
def test_it_after_to_is_no_doer_of_a_clause_above_either(text, giver, force, wrong):
    # review r17 AC10: things._doers_above, _RECEIVERS
    found = _relations(text)
    assert _has(found, giver, "contributesTo", force, "planned"), found
    assert not any(o == wrong for _s, p, o in found if p == "contributesTo"), found


@pytest.mark.parametrize(
    ("text", "wrong"),
    [
        (
            "Ola Berg leads the coalition government. The Saudi-led coalition bombed the port.",
            "Saudi Arabia",
        ),
        (
            "Ola Berg heads the coalition government in Norvik. A rival coalition was formed in "
            "Velmar in May. Tor Lund leads the coalition.",
            "Tor Lund",
        ),
    ],
)
def test_the_coalition_with_words_of_its_own_or_after_a_new_one_is_another(text, wrong):
    # review r17 AC1: resolve._another_one (_says_more, _new_one_between)
    found = _relations(text)
    assert not _has(found, wrong, "leads", "coalition government"), found


@pytest.mark.parametrize(
    "text",
    [
        "Velmar accepted Tor Lund as its new ambassador on Monday.",
        "The Green Party accepted Tor Lund into its ranks after he left the Velmar Party.",
    ],
)
def test_a_person_accepted_as_no_candidate_is_not_backed(text):
    # review r17 AC2: frames.yaml accept `needs: candidacy`, `candidacy_nouns`
    found = _relations(text)
    assert not any(p == "supports" and o == "Tor Lund" for _s, p, o in found), found


def test_it_after_to_is_no_force_of_a_relative_clause():
    # things._receiver_before: an argument of a main clause, not the ADF-like force of a
    # relative clause
    found = _relations(
        "Sudria will back the Velmar Brigade, whose troops have fought the Coastal Front in "
        "the north since 2020. Norland has no plan to contribute to it, its envoy told us."
    )
    assert not _has(found, "Norland", "declines", "Coastal Front"), found
    assert _has(found, "Norland", "declines", "Velmar Brigade", "refused"), found


def test_a_passive_not_planned_is_no_refusal_by_its_agent():
    # review r17 AC12: match._emit (a negated plan in the passive stays negated)
    found = _relations("The Coral Summit will not be hosted by Norland this year.")
    assert not _has(found, "Norland", "declines", "Coral Summit"), found
    assert _has(found, "Norland", "hosts", "Coral Summit", "negated"), found


def test_a_post_one_declined_to_take_is_refused_not_held():
    # frames.yaml post_verbs held += take, accept (the refusal above them reaches the post)
    from tests.sentences import posts

    found = posts(
        "Lena Berg, the speaker of the Nordic Assembly, declined on Friday to take the post of "
        "caretaker prime minister."
    )
    assert found[("Lena Berg", "Prime Minister")][0] == "refused", found


def test_taking_questions_as_minister_is_no_post_ahead():
    # review r17 AC15: post_verbs `taken` only with a noun of `post_objects`
    from tests.sentences import posts

    found = posts("Ana Ortiz will take questions from reporters as foreign minister of Velmar.")
    assert all(v[0] != "planned" for v in found.values()), found
