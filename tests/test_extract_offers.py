"""Offers and refusals of troops, ships and money on invented sentences (round 18, issue 10):
the words and readings the 38 articles moved to development showed missing. Each test fails
without the data or mechanism it names."""

from __future__ import annotations

import pytest

from tests.sentences import has as _has
from tests.sentences import relations as _relations

pytestmark = pytest.mark.slow

FORCE = "The Coral Reef Protection Force, a multinational mission, patrols the atolls. "


# -- words of giving: "add", boats ------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "modality"),
    [
        (
            FORCE + "Norway stands ready to add three inshore boats, its navy chief announced.",
            "offered",
        ),
        (FORCE + "Next spring Norway will add one more maritime surveillance aircraft.", "planned"),
        (FORCE + "Estonia and Latvia pledged patrol boats for shallow waters.", "offered"),
    ],
)
def test_adding_ships_or_aircraft_offers_them_to_the_force(text, modality):
    # frames.yaml: "add" among the verbs of giving; lexicon contribution_nouns: boats
    found = _relations(text)
    giver = "Estonia" if "Estonia" in text else "Norway"
    assert _has(found, giver, "contributesTo", "Coral Reef Protection Force", modality), found


def test_adding_a_task_to_a_force_gives_it_nothing():
    # frames.yaml: `needs: contribution` on the verbs of giving
    found = _relations(FORCE + "Norway wants to add a new task to the Coral Reef Protection Force.")
    assert not _has(found, "Norway", "contributesTo", "Coral Reef Protection Force"), found


# -- funding turned down -----------------------------------------------------------------------


def test_declining_to_fund_something_for_a_country_refuses_the_country():
    # frames.yaml finance/fund: refused_as declines, with a range that keeps a country
    found = _relations("Japan has declined to fund a second radar station for Fiji.")
    assert _has(found, "Japan", "declines", "Fiji", "refused"), found
    assert not _has(found, "Japan", "contributesTo", "Fiji"), found


def test_not_financing_a_plan_refuses_it():
    found = _relations("Japan will not finance the Harbour Renewal Plan.")
    assert _has(found, "Japan", "declines", "Harbour Renewal Plan", "refused"), found


# -- "a similar contribution" ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "modality"),
    [
        (
            FORCE + "Norway offered a platoon of 30 engineers; officials in Stockholm say "
            "Sweden is weighing a comparable contribution.",
            "considered",
        ),
        (FORCE + "Norway offered two frigates. Sweden may make a similar offer.", "possible"),
    ],
)
def test_a_similar_contribution_repeats_the_offer_before(text, modality):
    # frames.yaml echoes nouns: contribution, offer
    found = _relations(text)
    assert _has(found, "Sweden", "contributesTo", "Coral Reef Protection Force", modality), found


# -- a request for troops turned down ------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        FORCE + "Norway has turned down the commander's request for a second infantry company.",
        FORCE + "Norway, which the force commander had asked to provide two medical teams, "
        "turned down the request on Friday.",
        FORCE + "Citing costs at home, Norway declined an appeal for two more frigates.",
    ],
)
def test_a_request_for_troops_turned_down_refuses_the_force(text):
    # frames.yaml decline: "turn down", object `requested` (objects._asks_for_forces)
    found = _relations(text)
    assert _has(found, "Norway", "declines", "Coral Reef Protection Force", "refused"), found
    assert not _has(found, "Norway", "declines", "United Nations"), found


@pytest.mark.parametrize(
    "text",
    [
        FORCE + "Norway declined a Swedish request to extradite Lena Berg.",
        FORCE + "Norway, which was asked to host the talks, turned down the request.",
        FORCE + "Norway turned down a request for funding.",
        FORCE + "Norway had refused a Danish request to dispatch monitors to the donor "
        "meeting in Bergen.",
    ],
)
def test_a_request_for_something_else_refuses_no_force(text):
    found = _relations(text)
    assert not _has(found, "Norway", "declines", "Coral Reef Protection Force"), found
    assert not _has(found, "Norway", "declines", "Sweden"), found


# -- money: put into a fund, named by a word, going where the last went -----------------------

FUND = "Leaders agreed to set up the Nordic Water Fund to pay for dams. "


@pytest.mark.parametrize(
    ("text", "predicate", "modality"),
    [
        (
            FUND + "Next year Sweden intends to put a further £45m into the fund.",
            "contributesTo",
            "planned",
        ),
        (
            FUND + "Sweden refuses to pour fresh money into the fund until its rules change.",
            "declines",
            "refused",
        ),
        (FUND + "Sweden is to put 250 million euros into the fund.", "contributesTo", "planned"),
    ],
)
def test_money_put_into_a_fund_or_named_by_a_word_is_given_to_it(text, predicate, modality):
    # frames.yaml put/pour/inject into; lexicon money_nouns; objects.is_contribution ("€300m")
    assert _has(_relations(text), "Sweden", predicate, "Nordic Water Fund", modality)


def test_putting_a_plan_into_a_fund_gives_nothing():
    # frames.yaml put/pour/inject: `needs: contribution`
    found = _relations(FUND + "Sweden put the question of dams into the fund.")
    assert not _has(found, "Sweden", "contributesTo", "Nordic Water Fund"), found


def test_money_with_no_recipient_goes_where_the_money_just_before_went():
    # frames.yaml echoes given (object `given`)
    found = _relations(
        FUND + "Denmark gave the fund $2 billion in March, while Sweden has so far refused to "
        "commit any money."
    )
    assert _has(found, "Sweden", "declines", "Nordic Water Fund", "refused"), found


@pytest.mark.parametrize(
    "text",
    [
        FUND + "Denmark gave the fund $2 billion in March. Sweden offered $50 million for the "
        "water plants.",
        FUND + "Denmark gave the fund $2 billion in March. Later, in Oslo, the ministers met "
        "for dinner. Then Sweden offered $50 million.",
    ],
)
def test_money_for_something_named_or_long_after_goes_nowhere_guessed(text):
    assert not _has(_relations(text), "Sweden", "contributesTo", "Nordic Water Fund")


# -- a post offered and turned down ------------------------------------------------------------


def test_a_job_at_a_body_offered_and_turned_down_refuses_the_body():
    # frames.yaml decline: "turn down", object `post_offered`
    found = _relations(
        "Lena Berg, who was offered the job of chief pilot at Nordair Express in March, "
        "turned it down to stay in Oslo."
    )
    assert _has(found, "Lena Berg", "declines", "Nordair Express", "refused"), found


def test_a_post_of_no_body_turned_down_refuses_no_body_it_might_be():
    found = _relations(
        "The justice portfolio had been offered to Tomas Ekberg of the Storting's legal "
        "committee, who turned it down."
    )
    assert not any(p == "declines" for _, p, _ in found), found


# -- a part in a body or a policy turned down ----------------------------------------------------


def test_refusing_to_align_with_sanctions_declines_them():
    # frames.yaml align (only refused)
    found = _relations(
        "The EU adopted sanctions on Velmar in May. Norway has so far refused to align "
        "itself with the bloc's sanctions on Velmar."
    )
    assert _has(found, "Norway", "declines", "sanctions on Velmar", "refused"), found
    found = _relations("Norway aligned itself with the bloc's sanctions on Velmar.")
    assert not any(p == "declines" for _, p, _ in found), found


def test_turning_down_a_unit_of_a_body_declines_the_body():
    # frames.yaml run/manage: object `modifier`
    found = _relations(
        "Lena Berg has refused to manage the Velmar Investment Authority's Asian arm, her "
        "lawyer said."
    )
    assert _has(found, "Lena Berg", "declines", "Velmar Investment Authority", "refused"), found


# -- a part withdrawn --------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        FORCE + "Britain, the largest contributor, will withdraw half of its contingent in May.",
        FORCE + "Britain will withdraw 120 of its contingent of 250 soldiers by June.",
    ],
)
def test_withdrawing_part_of_a_contingent_is_no_refusal(text):
    # frames.yaml partitive_words (match._partial)
    found = _relations(text)
    assert not _has(found, "United Kingdom", "declines", "Coral Reef Protection Force"), found


def test_withdrawing_a_whole_contingent_still_refuses():
    found = _relations(FORCE + "Britain will withdraw its contingent by June.")
    assert _has(found, "United Kingdom", "declines", "Coral Reef Protection Force"), found


# -- review AD11, AD12: who asks, what for, what money is, one's own fleet ----------------------

PATROL = "The Coastal Patrol Force was set up in May to guard the strait. "


@pytest.mark.parametrize(
    ("text", "wrong"),
    [
        (
            PATROL + "Ghana turned down a request from the African Union for troops to guard "
            "the border with Togo.",
            "African Union",
        ),
        (
            "The Coastal Patrol Force was set up in May. Ghana turned down an offer from the "
            "Velmar Group to build the port.",
            "Velmar Group",
        ),
        (
            PATROL + "Ghana turned down Nigeria's request for troops to help police its election.",
            "Coastal Patrol Force",
        ),
        (
            PATROL + "Ghana turned down a request from the African Union for troops to guard "
            "the border with Togo.",
            "Coastal Patrol Force",
        ),
    ],
)
def test_who_asks_or_a_purpose_of_its_own_is_not_what_is_turned_down(text, wrong):
    # objects: no "from" asker of a request or an offer; `requested` not for troops with a
    # purpose of their own (objects._purposed)
    found = _relations(text)
    assert not _has(found, "Ghana", "declines", wrong), found


def test_money_that_says_what_it_is_goes_nowhere_guessed():
    # frames.yaml given_preps: in
    found = _relations(
        "Ghana pledged $5 million to the Coastal Recovery Fund. Togo will provide $40 million "
        "in disaster relief, officials said."
    )
    assert not _has(found, "Togo", "contributesTo", "Coastal Recovery Fund"), found


def test_boats_added_to_ones_own_fleet_go_to_no_one():
    # frames.yaml add: `others`, also for its prepositions (objects: prep specs)
    found = _relations("Velmar's navy added two boats to its own coast guard fleet.")
    assert not any(p == "contributesTo" for _, p, _ in found), found


# -- round 19: what the object of an infinitive in a relative clause is -----------------------


@pytest.mark.parametrize(
    ("text", "relation", "modality"),
    [
        (
            "Ministers will gather in May for a regional water summit which Sudria has offered "
            "to host.",
            ("Sudria", "hosts", "regional water summit"),
            "offered",
        ),
        (
            "Delegates praised the Lagoon Fisheries Accord, which Velmar has refused to sign.",
            ("Velmar", "declines", "Lagoon Fisheries Accord"),
            "refused",
        ),
    ],
)
def test_a_relative_pronoun_as_the_object_of_an_infinitive_is_the_noun_before(
    text, relation, modality
):
    # resolve._relative_clause: "which" the object of "host" that completes "has offered"
    found = _relations(text)
    assert _has(found, *relation, modality), found


# -- round 19: ships handed over; what is given to a unit goes to its body ---------------------


@pytest.mark.parametrize(
    ("text", "modality"),
    [
        ("Norland handed over two patrol boats to the Velmar Coast Guard on Monday.", "asserted"),
        ("Next year Norland will hand two helicopters over to the Velmar Coast Guard.", "planned"),
    ],
)
def test_ships_handed_over_are_given(text, modality):
    # frames.yaml: "hand over" among the verbs of giving (needs a contribution)
    found = _relations(text)
    assert _has(found, "Norland", "contributesTo", "Velmar Coast Guard", modality), found


def test_handing_over_a_command_gives_nothing():
    found = _relations("The general handed over command of the Velmar Army to Tamsin Ode.")
    assert not any(p == "contributesTo" for _, p, _ in found), found


@pytest.mark.parametrize(
    ("text", "recipient", "modality"),
    [
        (
            "The Nordic Brigade was formed in May. Velmar will assign two helicopters to the "
            "brigade's air wing.",
            "Nordic Brigade",
            "planned",
        ),
        (
            "The Tarrow Basin Authority opened in June. Velmar will provide $2 million a year "
            "for the authority's small secretariat.",
            "Tarrow Basin Authority",
            "planned",
        ),
    ],
)
def test_what_is_given_to_a_part_goes_to_the_body_it_belongs_to(text, recipient, modality):
    # objects `unit_owner` (frames.yaml given_units, unit_owner_classes)
    found = _relations(text)
    assert _has(found, "Velmar", "contributesTo", recipient, modality), found


@pytest.mark.parametrize(
    "text",
    [
        # a place, a visit (review AE2)
        "Ghana sent a team to the Oyo Union's headquarters for the talks.",
        # a purpose of its own
        "The Tarrow Basin Authority opened in June. Velmar sent two experts to the "
        "authority's secretariat to audit its accounts.",
        # a unit of one's own, or of a country, gives no body
        "Sudria will send two frigates to its navy's northern squadron.",
        "Sudria has offered two patrol aircraft to Velmar's northern unit.",
    ],
)
def test_a_visit_a_purpose_or_a_unit_of_ones_own_gives_no_body_anything(text):
    found = _relations(text)
    assert not any(p == "contributesTo" for _, p, _ in found), found


# -- round 19: hosting offered by an official is the state's ----------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Mira Solvang, Chile's foreign minister, offered to host the Harbour Summit in May.",
        "Chilean Foreign Minister Mira Solvang has offered to host the Harbour Summit next year.",
    ],
)
def test_an_officials_offer_to_host_is_the_states(text):
    # frames.yaml state_acts / state_only_acts: hosts
    found = _relations(text)
    assert _has(found, "Chile", "hosts", "Harbour Summit", "offered"), found
    assert not _has(found, "Mira Solvang", "hosts", "Harbour Summit"), found


# -- round 19: money with no recipient goes to the project the story is about -----------------


def test_money_with_no_recipient_goes_to_the_story_s_project():
    # objects `project` (frames.yaml project_nouns)
    found = _relations(
        "Work on the Tarrow Gas Pipeline stopped in May when its lenders walked away. Since then "
        "the Nordic Export Bank has offered a loan of $250 million, a spokesman said."
    )
    assert _has(found, "Nordic Export Bank", "contributesTo", "Tarrow Gas Pipeline", "offered"), (
        found
    )


@pytest.mark.parametrize(
    "text",
    [
        # money that says what it is for
        "Work on the Tarrow Gas Pipeline stopped in May. Velmar has offered $250 million in "
        "relief for flood victims.",
        # a plan that is no project
        "Leaders discussed the Tarrow Peace Plan in May. Velmar has offered $250 million.",
        # money with a purpose of its own (review AE9)
        "Work on the Lisk Gas Pipeline resumed in March. Separately, Velmar has promised "
        "$3 million to help farmers hit by the drought.",
    ],
)
def test_money_for_something_else_or_with_no_project_goes_to_no_project(text):
    found = _relations(text)
    assert not any(p == "contributesTo" for _, p, _ in found), found


# -- round 21: money with no recipient goes to the fund the story is about --------------------


@pytest.mark.parametrize(
    "text",
    [
        # the fund, not the plan named more often before it (frames.yaml project_nouns: fund;
        # resolve.topic_before `keep`: only plans with a project's head word)
        "Leaders discussed a Norwegian plan for a coastal research fund on Monday. Denmark "
        "backed the plan, and Finland criticised the plan. Sweden has pledged $90 million, "
        "provided the fund wins approval.",
        # a name with a complement: its head word is "fund" (objects._name_head); money
        # named by a word (lexicon money_nouns: amount, sum)
        "Norway proposed a fund for coastal research, and Denmark backed the proposal. Sweden "
        "is willing to give a matching amount once two more states sign up.",
        "Norway proposed a fund for coastal research. Sweden promised a modest sum on Tuesday.",
    ],
)
def test_money_with_no_recipient_goes_to_the_story_s_fund(text):
    found = _relations(text)
    fund = "fund for coastal research" if "fund for" in text else "coastal research fund"
    assert _has(found, "Sweden", "contributesTo", fund, "offered"), found


# -- round 21: a request or an offer turned down is a plan of its own --------------------------


@pytest.mark.parametrize(
    ("text", "refuser", "asked"),
    [
        (
            "Norland asked its neighbours for two firefighting aircraft. Velmar declined the "
            "request, and Sudria also turned down the request.",
            "Sudria",
            "request",
        ),
        (
            "Sudria declined a Velmari request to reopen the border crossing at Kessel.",
            "Sudria",
            "Velmari request",
        ),
        (
            "The Coral Guard board received an offer from Mira Solvang. The board declined the "
            "offer on Friday.",
            "Coral Guard board",
            "offer",
        ),
        # (cases that test_extract_themes read as no plan before round 21)
        ("Velmar declined a formal request to send inspectors.", "Velmar", "formal request"),
        ("Norland declined the earlier offer for now.", "Norland", "earlier offer"),
    ],
)
def test_a_request_or_offer_turned_down_is_refused(text, refuser, asked):
    # frames.yaml: object `asked` on the refusal frame, `asked_nouns`
    found = _relations(text)
    assert _has(found, refuser, "declines", asked, "refused"), found


def test_an_offer_taken_back_is_no_refusal_of_it():
    # frames.yaml `asked_verbs`: turning down, not taking back
    found = _relations("Sudria withdrew its offer of a survey ship on Monday.")
    assert not any(p == "declines" and o == "offer" for _, p, o in found), found


# -- round 20: a verb after an aside, read as a participle on the noun before it --------------


@pytest.mark.parametrize(
    ("text", "giver", "predicate", "receiver"),
    [
        (
            "The Lisk river talks stalled in May. The Nordic Council, which has hosted such "
            "meetings before, offered to host the talks, a council spokeswoman told reporters.",
            "Nordic Council",
            "hosts",
            "Lisk river talks",
        ),
        (
            "The Lisk Water Programme will supply three towns. The Nordic Investment Bank, "
            "which lent money for the dam, offered to finance the programme, a bank official "
            "said.",
            "Nordic Investment Bank",
            "contributesTo",
            "Lisk Water Programme",
        ),
    ],
)
def test_a_verb_after_a_relative_clause_is_the_verb_of_the_reported_clause(
    text, giver, predicate, receiver
):
    # syntax/repair.py _verb_after_an_aside: the parser reads "offered" as a participle on
    # the subject of "said"/"told"
    found = _relations(text)
    assert _has(found, giver, predicate, receiver, "offered"), found


# -- round 20: a country's own navy is no force others give to or turn down --------------------


def test_a_ship_refused_is_not_refused_to_a_royal_navy_quoted_before():
    # lexicon force_prefixes ("the Royal Danish Navy" is Denmark's; resolve.py _national)
    found = _relations(
        "Coral Guard began patrols in May. Norway and Iceland pledged patrol boats. The Royal "
        "Danish Navy, a spokesman said, has no vessel to spare. Sweden will not send a ship "
        "either."
    )
    assert _has(found, "Sweden", "declines", "Coral Guard", "refused"), found
    assert not _has(found, "Sweden", "declines", "Royal Danish Navy"), found


def test_the_mission_is_the_one_countries_join_not_a_countrys_own_force_quoted_since():
    # lexicon shared_force_words (resolve.py _antecedent)
    found = _relations(
        "Estonia has sent a company to Coral Guard, according to the Maltese Armed Forces. "
        "Finland will not join the mission, its defence minister told reporters."
    )
    assert _has(found, "Finland", "declines", "Coral Guard", "refused"), found
    assert not _has(found, "Finland", "declines", "Maltese Armed Forces"), found
