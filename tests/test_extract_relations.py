"""Core relations on invented sentences: who chairs an event, agents in separate phrases,
membership by leaving or forming a body, and readings that state no relation. Each test
fails without the frame or mechanism it names."""

from __future__ import annotations

import pytest

from tests.sentences import has as _has
from tests.sentences import posts as _posts
from tests.sentences import relations as _relations

pytestmark = pytest.mark.slow


@pytest.mark.parametrize(
    "text, modality",
    [
        ("The Velmar summit, which was chaired by Mira Solvang, ended on Tuesday.", "asserted"),
        ("Mira Solvang will chair the Velmar summit in June.", "planned"),
    ],
)
def test_who_chairs_a_summit_chairs_the_event(text, modality):
    found = _relations(text)
    # the event is named by its phrase: "Velmar" is written only before "summit" (x-ent, 4b63ad4)
    assert _has(found, "Mira Solvang", "chairs", "Velmar summit", modality)
    assert not any(p == "leads" for _s, p, _o in found)


@pytest.mark.parametrize(
    "text, chair, event",
    [
        # a body or a country holds the chair of an event, or leads it (passive only)
        (
            "The creditor dialogue is chaired by the Nordic Investment Bank, officials said.",
            "Nordic Investment Bank",
            "creditor dialogue",
        ),
        ("Norway will chair the Brask talks next week.", "Norway", "Brask talks"),
        (
            "This year the Coral Shield exercise will be led by the Velmar Navy from Brask.",
            "Velmar Navy",
            "Coral Shield exercise",
        ),
    ],
)
def test_a_body_or_country_that_chairs_or_leads_an_event_chairs_it(text, chair, event):
    assert _has(_relations(text), chair, "chairs", event)


@pytest.mark.parametrize(
    "text",
    [
        # review r14 Z5: frames.yaml chaired_events; an offensive or a war is led, not chaired
        "Last spring's offensive on the Brask valley was led by the Coastal Front.",
        "According to Velmar radio, the war against the rebels is being led by Tomas Ekberg.",
        "The relief deployment to Sudria will be led by the Norlandic Navy, a spokesman said.",
    ],
)
def test_an_offensive_or_a_war_led_by_someone_is_not_chaired(text):
    assert not any(p == "chairs" for _s, p, _o in _relations(text))


@pytest.mark.parametrize(
    "text, chair, event",
    [
        (
            "The summer drills, which were directed by the Velmar Navy, drew ships from six "
            "countries.",
            "Velmar Navy",
            "summer drills",
        ),
        (
            "Delegates left the consultations, which were headed by Tomas Ekberg, before noon.",
            "Tomas Ekberg",
            "consultations",
        ),
    ],
)
def test_an_event_a_chair_holds_led_in_a_relative_clause_is_chaired(text, chair, event):
    # frames/objects.py `chaired`: the noun the relative clause is on, not "which"
    assert _has(_relations(text), chair, "chairs", event)


def test_a_participle_right_after_a_conjunct_is_said_of_that_conjunct_only():
    # frames/objects.py _participles_own: the charity is directed by him, not the summit
    found = _relations(
        "Mira Solvang praised the Brask summit and a charity directed by Tomas Ekberg."
    )
    assert _has(found, "Mira Solvang", "supports", "Brask summit")
    assert not _has(found, "Tomas Ekberg", "chairs", "Brask summit"), found


def test_who_led_a_vote_was_ahead_in_it_and_chairs_nothing():
    found = _relations("Mira Solvang led the first round of the Velmar election with 41 percent.")
    assert not any(p == "chairs" for _s, p, _o in found)


@pytest.mark.parametrize(
    "text",
    [
        # review r8 #15: chairing one session of a body is no leading of it
        "Tomas Ekberg presided over the session of the Nordic Assembly.",
        "Tomas Ekberg chaired the session of the Nordic Assembly.",
    ],
)
def test_who_chairs_a_session_of_a_body_does_not_lead_it(text):
    assert not any(p == "leads" for _s, p, _o in _relations(text))


@pytest.mark.parametrize(
    "text, body",
    [
        # review r8 #30: a unit that a body's name modifies is not the body
        ("Mira Solvang led a UN unit in Velmar for two years.", "United Nations"),
        ("Mira Solvang commands a Velmar Alliance unit.", "Velmar Alliance"),
        ("The Velmar Alliance company is commanded by Mira Solvang.", "Velmar Alliance"),
    ],
)
def test_who_leads_a_unit_of_a_body_does_not_lead_the_body(text, body):
    assert not _has(_relations(text), "Mira Solvang", "leads", body)


def test_a_common_noun_a_body_names_stands_for_the_body():
    found = _relations("Tomas Ekberg leads the Coastal Front rebel group.")
    assert _has(found, "Tomas Ekberg", "leads", "Coastal Front")


def test_who_chairs_a_session_of_an_event_chairs_the_event():
    found = _relations("Tomas Ekberg chaired a session of the Velmar Summit.")
    assert _has(found, "Tomas Ekberg", "chairs", "Velmar Summit", "asserted")


def test_who_chairs_a_committee_leads_it_and_chairs_no_event():
    found = _relations("Tomas Ekberg chairs the Norland Defence Committee.")
    assert _has(found, "Tomas Ekberg", "leads", "Norland Defence Committee")
    assert not any(p == "chairs" for _s, p, _o in found)


def test_chairs_is_a_relation_of_an_actor_to_an_event_with_a_shape_and_a_gold_category():
    import yaml
    from rdflib import URIRef

    from kg.ontology import SH, load_ontology, load_shapes
    from tests.conftest import ROOT

    rel = load_ontology().relations["chairs"]
    assert (rel.domain, rel.range) == ("Actor", "Event")
    assert (None, SH.targetSubjectsOf, URIRef(rel.iri)) in load_shapes()
    categories = yaml.safe_load((ROOT / "ontology" / "gold-categories.yaml").read_text())
    assert categories["chairs"] == "leads"


@pytest.mark.parametrize(
    "text, agents",
    [
        (
            "The Velmar Accord was signed by Mira Solvang, and by Tomas Ekberg.",
            ["Mira Solvang", "Tomas Ekberg"],
        ),
        (
            "The Harbour Accord was signed by Norland, by Velmar and by Sudria.",
            ["Norland", "Velmar", "Sudria"],
        ),
        # review r7 #4: the second "by" parsed as a conjunct of the verb
        ("The Velmar Accord was signed by Norland, and by Velmar.", ["Norland", "Velmar"]),
        (
            "The Harbour Accord was signed by Norland in May, and by Velmar in June.",
            ["Norland", "Velmar"],
        ),
    ],
)
def test_agents_in_separate_phrases_each_do_what_the_passive_says(text, agents):
    found = _relations(text)
    plan = text.split(" was ")[0].removeprefix("The ")
    for agent in agents:
        assert _has(found, agent, "signs", plan), agent


@pytest.mark.parametrize(
    "text, predicate",
    [
        ("Mira Solvang and Norland's president Tomas Ekberg met in Velmar.", "meets"),
        ("Mira Solvang and Norland's president Tomas Ekberg held talks.", "holdsTalksWith"),
    ],
)
def test_a_title_in_coordination_stands_for_the_person_named_after_it(text, predicate):
    """Review r6 #18: the parser hangs the name on the first conjunct."""
    assert _has(_relations(text), "Mira Solvang", predicate, "Tomas Ekberg", "asserted")


@pytest.mark.parametrize(
    "text, appointed",
    [
        ("Mira Solvang named Tomas Ekberg as the source of the leak.", False),
        ("Mira Solvang picked Tomas Ekberg as her running mate.", False),
        ("Mira Solvang named Tomas Ekberg in her speech on Monday.", False),  # review r7 #11
        ("Tomas Ekberg was named in the report by Mira Solvang.", False),  # review r8 #7
        ("Tomas Ekberg was named on the list by Mira Solvang.", False),
        ("Tomas Ekberg was chosen by Mira Solvang in May.", True),
        ("Mira Solvang named Tomas Ekberg as foreign minister.", True),
        ("Tomas Ekberg was named foreign minister by Mira Solvang.", True),
        ("Mira Solvang chose Tomas Ekberg to head the Velmar Agency.", True),
        ("Mira Solvang appointed Tomas Ekberg on Monday.", True),
        ("Tomas Ekberg was chosen by Mira Solvang on Monday.", True),
        ("Mira Solvang named a special envoy, Tomas Ekberg, on Monday.", True),
    ],
)
def test_naming_someone_appoints_them_only_to_a_post(text, appointed):
    """Review r6 #22: "name", "choose", "pick" appoint only to a post when they name what
    their object is made."""
    assert _has(_relations(text), "Tomas Ekberg", "appointedBy", "Mira Solvang") is appointed


def test_who_is_chosen_to_head_a_body_heads_it():
    found = _relations("Mira Solvang chose Tomas Ekberg to head the Velmar Agency.")
    assert _has(found, "Tomas Ekberg", "leads", "Velmar Agency")
    assert not _has(found, "Mira Solvang", "leads", "Velmar Agency")


@pytest.mark.parametrize(
    "text, who, body",
    [
        (
            "Norland, which left the Velmar Trade Union in 2003, applied to rejoin.",
            "Norland",
            "Velmar Trade Union",
        ),
        (
            "The Harbour Party, angry at the budget, announced that it was quitting the Norland "
            "Coalition.",
            "Harbour Party",
            "Norland Coalition",
        ),
        ("Sweden quit the Nordic Council to focus on its own defence.", "Sweden", "Nordic Council"),
    ],
)
def test_who_leaves_a_body_is_no_longer_a_member(text, who, body):
    assert _has(_relations(text), who, "memberOf", body, "negated")


@pytest.mark.parametrize(
    "text",
    [
        "Norland will leave the Velmar Trade Union next year.",
        "Norland refused to leave the Velmar Trade Union.",
        "Norland did not quit the Velmar Trade Union.",
        # review r7 #10: a place named after a body is not the body
        "Tomas Ekberg left the Andean Council headquarters after the talks.",
        # review r8 #20: "leave X" with a predicate of X is no leaving
        "Sweden left the Nordic Council in charge of the talks.",
        "Sweden left the Nordic Council to decide on the matter.",
        "Sweden left the Nordic Council divided.",
    ],
)
def test_a_leaving_not_done_states_no_membership(text):
    assert not any(p == "memberOf" for _s, p, _o in _relations(text))


@pytest.mark.parametrize(
    "text, body",
    [
        (
            "The Velmar Alliance, the partnership formed in 2021 by Norway, Sweden and Finland,"
            " met on Monday.",
            "Velmar Alliance",
        ),
        (
            "Norway, Sweden and Finland founded the Nordic Defence Union in 2019.",
            "Nordic Defence Union",
        ),
        # review r8 #16: a partner in forming is a member too
        (
            "Sweden formed the Nordic Naval Group with Norway and Finland in 1999.",
            "Nordic Naval Group",
        ),
    ],
)
def test_countries_that_form_a_body_are_its_members(text, body):
    found = _relations(text)
    for country in ("Norway", "Sweden", "Finland"):
        assert _has(found, country, "memberOf", body, "asserted"), country


@pytest.mark.parametrize(
    "text, modality",
    [
        ("Mira Solvang signed the Velmar Accord with Tomas Ekberg in Oslo.", "asserted"),
        ("Mira Solvang will sign the Velmar Accord with Tomas Ekberg next month.", "planned"),
    ],
)
def test_who_signs_with_someone_makes_them_a_party_too(text, modality):
    found = _relations(text)
    for who in ("Mira Solvang", "Tomas Ekberg"):
        assert _has(found, who, "signs", "Velmar Accord", modality), who


@pytest.mark.parametrize(
    "text, parties",
    [
        # review r8 #6: the parser hangs "with B" on the accord, not on the verb
        ("Sweden signed an accord with Finland on Friday.", ["Sweden", "Finland"]),
        ("Sweden and Norway signed the accord with Finland.", ["Sweden", "Norway", "Finland"]),
        ("Sweden signed an accord with Tomas Ekberg on Friday.", ["Sweden", "Tomas Ekberg"]),
    ],
)
def test_a_partner_is_no_part_of_the_name_of_what_is_signed(text, parties):
    found = _relations(text)
    for who in parties:
        assert _has(found, who, "signs", "accord", "asserted"), who


def test_a_partner_in_the_complement_of_what_is_signed_signs_it_too():
    # review r8 L10: the parser hangs "with Finland" on "fisheries"
    found = _relations("Sweden signed a memorandum on fisheries with Finland on Monday.")
    for who in ("Sweden", "Finland"):
        assert _has(found, who, "signs", "memorandum on fisheries", "asserted"), who


def test_a_plan_named_with_its_partner_keeps_that_name_as_an_alias():
    from kg.extract.pipeline import extract

    st = extract("Sweden signed an accord with Finland on Friday.", "t")
    plan = next(e for e in st.entities if e.cls == "Plan")
    assert (plan.label, plan.aliases) == ("accord", ("accord with Finland",))


@pytest.mark.parametrize(
    "text, title",
    [
        # review r8 #2
        (
            "Tomas Ekberg replaced Anna Lind as foreign minister of Sweden in May.",
            "Foreign Minister",
        ),
        ("Tomas Ekberg succeeded Anna Lind as foreign minister of Sweden.", "Foreign Minister"),
        (
            "Tomas Ekberg met Mira Solvang on Monday. He replaces Anna Lind as chairman of the "
            "Velmar Trade Council.",
            "Chairman",
        ),
    ],
)
def test_who_replaces_someone_as_a_post_holds_it_and_the_one_replaced_held_it(text, title):
    posts = _posts(text)
    assert posts[("Tomas Ekberg", title)] == ("asserted", ())
    assert posts[("Anna Lind", title)] == ("asserted", ("former",))


@pytest.mark.parametrize(
    "text, title",
    [
        ("Tomas Ekberg will replace Anna Lind as foreign minister of Sweden.", "Foreign Minister"),
        (
            "Tomas Ekberg is expected to succeed Anna Lind as chairman of the Velmar Trade "
            "Council.",
            "Chairman",
        ),
    ],
)
def test_who_will_replace_someone_as_a_post_will_hold_it_and_the_other_holds_it_now(text, title):
    posts = _posts(text)
    assert posts[("Tomas Ekberg", title)] == ("planned", ())
    assert posts[("Anna Lind", title)] == ("asserted", ())


@pytest.mark.parametrize(
    "text",
    [
        # review r8 #12
        "Tomas Ekberg refused to meet Mira Solvang as foreign minister of Sweden.",
        "Tomas Ekberg met Mira Solvang in Oslo as foreign minister of Sweden.",
        # review r8 L11: a person after a preposition of the verb
        "Tomas Ekberg, who served under Mira Solvang as foreign minister of Sweden, met Anna Lind.",
        "Tomas Ekberg travelled to Oslo with Mira Solvang as foreign minister of Sweden.",
    ],
)
def test_the_as_complement_of_a_verb_is_its_subjects(text):
    posts = _posts(text)
    assert ("Tomas Ekberg", "Foreign Minister") in posts
    assert ("Mira Solvang", "Foreign Minister") not in posts


@pytest.mark.parametrize(
    "text, title",
    [
        ("Tomas Ekberg appointed Mira Solvang as foreign minister.", "Foreign Minister"),
        ("Tomas Ekberg sent Mira Solvang to Velmar as his envoy.", "Envoy"),
        ("The cabinet includes Mira Solvang as energy minister.", "Energy Minister"),
    ],
)
def test_the_as_complement_of_a_verb_that_gives_a_role_is_its_objects(text, title):
    posts = _posts(text)
    assert (("Mira Solvang", title)) in posts
    assert ("Tomas Ekberg", title) not in posts


def test_who_was_replaced_held_the_post_of_the_as_complement_not_the_successors_other():
    # review r8 L8
    posts = _posts(
        "Tomas Ekberg, Norway's defence minister, replaced Mira Solvang as head of the Velmar "
        "Trade Council."
    )
    assert posts[("Mira Solvang", "Head")] == ("asserted", ("former",))
    assert ("Mira Solvang", "Defence Minister") not in posts


def test_who_was_replaced_as_a_bare_title_held_the_post_named_before_with_its_owner():
    from kg.extract.pipeline import extract

    st = extract(
        "Norland's Defence Minister Tomas Ekberg met Mira Solvang on Monday. Ekberg, who "
        "replaced Anna Lind as defence minister in May, said the talks went well.",
        "t",
    )
    by_id = {e.id: e for e in st.entities}
    held = {
        (by_id[r.subject].label, by_id[r.object].of, tuple(r.qualifiers or ()))
        for r in st.relations
        if r.predicate == "holdsPosition"
    }
    assert ("Anna Lind", "norland", ("former",)) in held


@pytest.mark.parametrize(
    "text, who, what, predicate, modality",
    [
        # refusing to sign refuses the agreement; a signing negated as a plan stays a signing
        (
            "Velmar, however, refused to sign the Harbour Annex.",
            "Velmar",
            "Harbour Annex",
            "declines",
            "refused",
        ),
        (
            "Tomas Ekberg said Norland would not sign the Harbour Accord.",
            "Norland",
            "Harbour Accord",
            "declines",
            "refused",
        ),
        # refusing to renew, to commit to or to receive something refuses it
        (
            "Norland refused last week to renew the Harbour Protocol.",
            "Norland",
            "Harbour Protocol",
            "declines",
            "refused",
        ),
        (
            "Norland declined to commit to the Harbour Plan.",
            "Norland",
            "Harbour Plan",
            "declines",
            "refused",
        ),
        (
            "Velmar said it would not receive the new envoy, Tomas Ekberg.",
            "Velmar",
            "Tomas Ekberg",
            "declines",
            "refused",
        ),
        # forces put under a command are given to it; refusing to do so refuses it
        (
            "Norland has refused to place its ships under the Harbour Task Force.",
            "Norland",
            "Harbour Task Force",
            "declines",
            "refused",
        ),
        (
            "Norland will place two frigates under the Harbour Task Force.",
            "Norland",
            "Harbour Task Force",
            "contributesTo",
            "planned",
        ),
        # standing by or with someone supports them
        (
            "The Velmar Party said it would stand by Tomas Ekberg until the election.",
            "Velmar Party",
            "Tomas Ekberg",
            "supports",
            "planned",
        ),
    ],
)
def test_refusals_and_stances_of_verbs_of_agreeing_and_placing(
    text, who, what, predicate, modality
):
    found = _relations(text)
    assert _has(found, who, predicate, what, modality), found


def test_renewing_or_receiving_states_nothing_when_done():
    # (round 19: renewing an agreement signs it again, as the gold of two development
    # articles reads "extended a fisheries agreement with X"; tests/test_extract_parties.py.
    # Receiving someone, or renewing what is no agreement, still states nothing.)
    found = _relations("Norland renewed the Harbour Plan and received Tomas Ekberg.")
    assert not any(o in ("Harbour Plan", "Tomas Ekberg") for _s, _p, o in found), found


@pytest.mark.parametrize(
    "text, agent, predicate, what",
    [
        (
            "The Norland-led Harbour Coalition met in Velmar.",
            "Norland",
            "leads",
            "Harbour Coalition",
        ),
        (
            "Norland and Sudria signed a Velmar-brokered ceasefire on Monday.",
            "Velmar",
            "proposedBy",
            "ceasefire",
        ),
        (
            "Sudria would join the Norland-backed Harbour Plan.",
            "Norland",
            "supports",
            "Harbour Plan",
        ),
    ],
)
def test_a_participle_joined_to_its_agent_by_a_hyphen_is_a_passive(text, agent, predicate, what):
    found = _relations(text)
    if predicate == "proposedBy":
        assert any(s.endswith(what) and p == predicate and o == agent for s, p, o in found), found
    else:
        assert _has(found, agent, predicate, what), found


@pytest.mark.parametrize(
    "text, country, predicate, what",
    [
        (
            "Peruvian Defence Minister Mira Solvang ruled out a ceasefire with the Velmar Front.",
            "Peru",
            "declines",
            "ceasefire with the Velmar Front",
        ),
        (
            "Chile's defence minister, Mira Solvang, pledged 200 troops to the Velmar Mission.",
            "Chile",
            "contributesTo",
            "Velmar Mission",
        ),
    ],
)
def test_an_officials_refusal_or_contribution_is_their_countrys_only(
    text, country, predicate, what
):
    """Both gold sets of the development split: what an official declines or gives, the
    country does; the official is who said so, not a second party to it."""
    found = _relations(text)
    assert _has(found, country, predicate, what), found
    assert not _has(found, "Mira Solvang", predicate, what), found


@pytest.mark.parametrize(
    "text, country, predicate, what",
    [
        (
            "Mira Solvang, Chile's foreign minister, opposes the Harbour Plan.",
            "Chile",
            "opposes",
            "Harbour Plan",
        ),
        # review r9 R3: advisers, representatives and consuls speak for the state too
        (
            "Mira Solvang, Chile's national security adviser, opposes the Harbour Plan.",
            "Chile",
            "opposes",
            "Harbour Plan",
        ),
        (
            "Chile's permanent representative to the Velmar Union, Mira Solvang, opposes the "
            "Harbour Plan.",
            "Chile",
            "opposes",
            "Harbour Plan",
        ),
    ],
)
def test_an_officials_act_of_state_is_their_countrys_too(text, country, predicate, what):
    found = _relations(text)
    assert _has(found, "Mira Solvang", predicate, what), found
    assert _has(found, country, predicate, what), found


@pytest.mark.parametrize(
    "text",
    [
        # review r8 L14: a post that does not speak for the state (frames.yaml state_titles)
        "Mira Solvang, a Chilean opposition lawmaker, opposes the Harbour Plan.",
        "Mira Solvang, a Chilean analyst at the Velmar Institute, opposes the Harbour Plan.",
        # review r9 R3: a title of the opposition or a party (frames.yaml non_state_titles)
        "Mira Solvang, Chile's opposition leader, opposes the Harbour Plan.",
        "Mira Solvang, a Chilean Labour Party leader, opposes the Harbour Plan.",
        # review r9 R3 residues: the title kept "shadow"; a stance held in one's own name
        "Mira Solvang, Chile's shadow trade minister, opposes the Harbour Plan.",
        "Mira Solvang, Chile's trade minister, told a radio station she personally opposes "
        "the Harbour Plan.",
    ],
)
def test_a_lawmakers_or_analysts_stance_stays_their_own(text):
    found = _relations(text)
    assert _has(found, "Mira Solvang", "opposes", "Harbour Plan"), found
    assert not _has(found, "Chile", "opposes", "Harbour Plan"), found


@pytest.mark.parametrize(
    "text",
    [
        # review r10 V12: "personally" on another verb, and "privately", leave the act the
        # state's
        "Mira Solvang, Chile's trade minister, rejected the Harbour Plan and said she had "
        "personally phoned the mayor.",
        "Mira Solvang, Chile's trade minister, privately opposes the Harbour Plan.",
    ],
)
def test_an_officials_stance_beside_a_personal_word_stays_the_states(text):
    found = _relations(text)
    assert _has(found, "Chile", "opposes", "Harbour Plan"), found


def test_an_officials_support_stays_their_own():
    found = _relations("Mira Solvang, Chile's foreign minister, welcomed the Harbour Plan.")
    assert _has(found, "Mira Solvang", "supports", "Harbour Plan"), found
    assert not _has(found, "Chile", "supports", "Harbour Plan"), found


@pytest.mark.parametrize(
    "text",
    [
        # review r8 #34: joining a person or a country in doing something is no membership
        "Mira Solvang declined an invitation to join Tomas Ekberg for dinner in Oslo.",
        "Norway declined an invitation to join Sweden in condemning the attack.",
        "Norway refused to join Sweden in condemning the attack.",
    ],
)
def test_refusing_to_join_someone_in_doing_something_refuses_nothing(text):
    assert not any(p == "declines" for _s, p, _o in _relations(text))


def test_refusing_an_invitation_to_join_a_body_refuses_it():
    found = _relations("Norway declined an invitation to join the Velmar Steering Committee.")
    assert _has(found, "Norway", "declines", "Velmar Steering Committee", "refused")


def test_a_countrys_ministry_acts_for_the_country():
    found = _relations("Peru's foreign ministry said it firmly opposes the Harbour Plan.")
    assert _has(found, "Peru", "opposes", "Harbour Plan"), found


def test_rejecting_something_opposes_it_and_refuses_no_part_in_it():
    found = _relations("Velmar rejected the Harbour Sanctions Package on Monday.")
    assert _has(found, "Velmar", "opposes", "Harbour Sanctions Package"), found
    assert not _has(found, "Velmar", "declines", "Harbour Sanctions Package"), found


def test_a_fronted_relative_preposition_stands_for_the_noun_of_its_clause():
    found = _relations(
        "The Caribbean Community, of which Guyana is a founding member, met in Lima."
    )
    assert _has(found, "Guyana", "memberOf", "Caribbean Community"), found


@pytest.mark.parametrize(
    "text, who",
    [
        # review r8 #45: the one elected, not the electors
        ("Tomas Ekberg was elected to the Velmar Trade Council in May.", "Tomas Ekberg"),
        ("Voters elected Tomas Ekberg to the Velmar Trade Council.", "Tomas Ekberg"),
        ("The Green Party was elected to the Velmar Trade Council.", "Green Party"),
    ],
)
def test_who_is_elected_to_a_body_is_elected_to_it(text, who):
    assert _has(_relations(text), who, "electedTo", "Velmar Trade Council", "asserted")


def test_withdrawing_an_official_refuses_nothing():
    # review r8 #46
    found = _relations("Norway withdrew its ambassador from Velmar in May.")
    assert not any(p == "declines" for _s, p, _o in found)
    found = _relations("Norway withdrew its troops from the Sudria Mission.")
    assert _has(found, "Norway", "declines", "Sudria Mission", "refused")


@pytest.mark.parametrize(
    "text",
    [
        # review r8 #51: a destination of its own is no guessed force
        "Norway sent 150 soldiers to the Baltic Rapid Force. Sweden may send troops abroad "
        "next year.",
        "Norway sent 150 soldiers to the Baltic Rapid Force. The Left Party has threatened to "
        "bring down the government if it sends more troops abroad.",
    ],
)
def test_troops_sent_abroad_go_to_no_guessed_force(text):
    found = _relations(text)
    assert [s for s, p, _o in found if p == "contributesTo"] == ["Norway"]


@pytest.mark.parametrize(
    "text, predicate, what",
    [
        # review r8 #56: a relation noun marked as past holds no longer
        (
            "Sweden, a former member of the Velmar Alliance, hosted the summit.",
            "memberOf",
            "Velmar Alliance",
        ),
        (
            "Sweden, once a member of the Velmar Alliance, hosted the summit.",
            "memberOf",
            "Velmar Alliance",
        ),
        (
            "Sweden, a former supporter of the Velmar Accord, hosted the summit.",
            "supports",
            "Velmar Accord",
        ),
    ],
)
def test_a_former_member_is_a_member_no_longer(text, predicate, what):
    found = _relations(text)
    assert _has(found, "Sweden", predicate, what, "negated")
    assert not _has(found, "Sweden", predicate, what, "asserted")


def test_a_countrys_own_sanctions_are_a_relation_not_a_plan_it_proposed():
    # review r8 #55
    found = _relations("Norway extended its sanctions on Velmar for six months.")
    assert _has(found, "Norway", "sanctions", "Velmar")
    assert not any(p == "proposedBy" for _s, p, _o in found)
    found = _relations("Norway unveiled its peace plan for Velmar.")
    assert _has(found, "peace plan", "proposedBy", "Norway")


@pytest.mark.parametrize(
    "text",
    [
        "General Mira Solvang was sworn in as army commander, in replacement of General "
        "Tomas Ekberg.",
        # the one appointed to a post, not who appoints
        "The president also named General Mira Solvang to head the Norlandic Police, in "
        "replacement of General Tomas Ekberg, who has retired.",
        # a participle after a passive is its patient's: the one appointed replaces Y, not
        # the agent who appoints
        "Mira Solvang was appointed by the Velmar Council in March, replacing Tomas Ekberg.",
        "Mira Solvang was nominated as foreign minister by the president, replacing Tomas "
        "Ekberg, who will become Norland's envoy to the Velmar Union.",
        "Mira Solvang was appointed by Norlandic President Jon Berg in January, succeeding "
        "Norlandic envoy Tomas Ekberg.",
    ],
)
def test_the_one_appointed_succeeds_not_who_appoints(text):
    # "in replacement of X", and a participle after a passive
    found = _relations(text)
    assert _has(found, "Mira Solvang", "succeeds", "Tomas Ekberg"), found
    assert [s for s, p, _o in found if p == "succeeds"] == ["Mira Solvang"], found


@pytest.mark.parametrize(
    "text",
    [
        # review r8 #54: receiving a visitor is meeting them
        "Mira Solvang hosted Tomas Ekberg in Oslo on Monday.",
        "Mira Solvang hosted Tomas Ekberg for talks on Monday.",
    ],
)
def test_hosting_a_person_is_meeting_them(text):
    found = _relations(text)
    assert _has(found, "Mira Solvang", "meets", "Tomas Ekberg", "asserted")
    assert not any(p == "hosts" for _s, p, _o in found)


@pytest.mark.parametrize(
    "text, appointee, title",
    [
        # the parser reads "in" as a preposition with the appointee as its object
        (
            "President Tomas Ekberg swore in Mira Solvang as Minister of Defence.",
            "Mira Solvang",
            "Minister of Defence",
        ),
        (
            "On Monday President Tomas Ekberg swore in Vice-Admiral Jon Berg as Chief of the "
            "Naval Staff.",
            "Jon Berg",
            "Chief of the Naval Staff",
        ),
    ],
)
def test_swearing_someone_in_appoints_them(text, appointee, title):
    found = _relations(text)
    assert _has(found, appointee, "appointedBy", "Tomas Ekberg"), found
    posts = _posts(text)
    assert (appointee, title) in posts, posts
    assert ("Tomas Ekberg", title) not in posts, posts  # the one who swears them in


@pytest.mark.parametrize(
    "text, appointee, title",
    [
        # the parser reads the name as a compound of the title, the title as the object
        # (syntax/repair.py)
        (
            "President Tomas Ekberg appointed Mira Solvang defence minister.",
            "Mira Solvang",
            "Defence Minister",
        ),
        (
            "In a surprise move on Friday, Tomas Ekberg named Lena Berg trade minister, his "
            "office said.",
            "Lena Berg",
            "Trade Minister",
        ),
    ],
)
def test_appointing_someone_a_title_without_as_appoints_them(text, appointee, title):
    found = _relations(text)
    assert _has(found, appointee, "appointedBy", "Tomas Ekberg"), found
    posts = _posts(text)
    assert (appointee, title) in posts, posts
    assert ("Tomas Ekberg", title) not in posts, posts


def test_swearing_in_a_list_appoints_each_one():
    text = (
        "On Monday President Tomas Ekberg swore in Mira Solvang and Jon Berg, the new "
        "ministers of health and of labour."
    )
    found = _relations(text)
    assert _has(found, "Mira Solvang", "appointedBy", "Tomas Ekberg"), found
    assert _has(found, "Jon Berg", "appointedBy", "Tomas Ekberg"), found


def test_swearing_an_oath_appoints_no_one():
    found = _relations("Mira Solvang swore in front of the court that she had not seen it.")
    assert not any(p == "appointedBy" for _s, p, _o in found), found


@pytest.mark.parametrize(
    "text, pairs",
    [
        (
            "Mira Solvang and Jon Berg lead the Norland Army and the Velmar Navy, respectively.",
            [("Mira Solvang", "leads", "Norland Army"), ("Jon Berg", "leads", "Velmar Navy")],
        ),
        (
            "Norway and Sweden will send troops to the Velmar Force and the Tarn Mission "
            "respectively.",
            [
                ("Norway", "contributesTo", "Velmar Force"),
                ("Sweden", "contributesTo", "Tarn Mission"),
            ],
        ),
    ],
)
def test_respectively_pairs_subjects_with_objects(text, pairs):
    found = _relations(text)
    for s, p, o in pairs:
        assert _has(found, s, p, o), found
    stated = {(s, p, o) for s, p, o in found if p == pairs[0][1]}
    assert stated == set(pairs), found


def test_without_respectively_each_subject_takes_each_object():
    found = _relations("Mira Solvang and Jon Berg lead the Norland Army and the Velmar Navy.")
    assert _has(found, "Jon Berg", "leads", "Norland Army"), found
    assert _has(found, "Mira Solvang", "leads", "Velmar Navy"), found


@pytest.mark.parametrize(
    "text, modality",
    [
        (
            "Mira Solvang handed over the rotating chairmanship to Jon Berg, the Swedish trade "
            "minister, on Monday.",
            "asserted",
        ),
        (
            "After two years in charge, Admiral Mira Solvang passed command of the navy to her "
            "chief of staff, Jon Berg.",
            None,
        ),
        ("Mira Solvang will pass the baton to Jon Berg in May.", "planned"),
    ],
)
def test_handing_a_post_on_is_a_succession(text, modality):
    found = _relations(text)
    assert _has(found, "Jon Berg", "succeeds", "Mira Solvang", modality), found
    assert not _has(found, "Mira Solvang", "succeeds", "Jon Berg"), found


@pytest.mark.parametrize(
    "text",
    [
        "Mira Solvang handed the letter to Jon Berg.",
        # review r9 XR2: control of a task, not of a body or force, is no post
        "Mira Solvang handed control of the investigation to Jon Berg.",
        "On Friday the prosecutor, Mira Solvang, passed leadership of the audit to Jon Berg.",
    ],
)
def test_handing_over_a_thing_is_no_succession(text):
    found = _relations(text)
    assert not any(p == "succeeds" for _s, p, _o in found), found


@pytest.mark.parametrize(
    "text, fact",
    [
        (
            "The ceasefire was brokered by Norway, hosting talks between the parties in Oslo.",
            ("Norway", "hosts", "talks between the parties"),
        ),
        (
            "The summit was attended by Mira Solvang, meeting Tomas Ekberg on the sidelines.",
            ("Mira Solvang", "meets", "Tomas Ekberg"),
        ),
        (
            "The troops were sent by Norway, joining the Velmar Alliance mission.",
            ("Norway", "memberOf", "Velmar Alliance mission"),
        ),
    ],
)
def test_a_participle_after_a_passive_of_a_thing_is_the_agents(text, fact):
    # review r9 XR1: a ceasefire, a summit or troops do not host, meet or join
    found = _relations(text)
    assert _has(found, *fact), found


def test_a_participle_after_a_relative_clause_on_the_agent_continues_it():
    found = _relations(
        "The Velmar Agency is run by Mira Solvang, who was named in 2023, replacing Tomas Ekberg."
    )
    assert _has(found, "Mira Solvang", "succeeds", "Tomas Ekberg"), found


def test_a_titled_conjunct_after_a_comma_stands_for_the_name_after_it():
    found = _relations(
        "Talks between Tomas Ekberg and Norway's Minister of Foreign Affairs, Mira Solvang, "
        "open in Oslo on Monday."
    )
    assert _has(found, "Tomas Ekberg", "holdsTalksWith", "Mira Solvang"), found


@pytest.mark.parametrize(
    "text, who, modality",
    [
        (
            "Sweden has pledged two frigates to the Velmar Fleet for 2027, and Denmark is "
            "considering a similar step.",
            "Denmark",
            "considered",
        ),
        (
            "Norway wants to fund new radars for the Velmar Navy, and Denmark may join the "
            "package.",
            "Denmark",
            "possible",
        ),
        (
            "Norway will send 200 troops to the Velmar Force. Denmark is considering the same "
            "move.",
            "Denmark",
            "considered",
        ),
        # review r9 XR3: announcing a step is planning it
        (
            "Norway could lend two frigates to the Velmar Fleet, while Denmark announced a "
            "similar move on Monday.",
            "Denmark",
            "planned",
        ),
    ],
)
def test_a_similar_step_repeats_the_contribution_before(text, who, modality):
    found = _relations(text)
    target = next(o for _s, p, o in found if p == "contributesTo")
    assert _has(found, who, "contributesTo", target, modality), found


@pytest.mark.parametrize(
    "text",
    [
        # the last act stated is a signing, not the contribution
        "Norway will send 200 troops to the Velmar Force, and Sweden signed a trade accord. "
        "Denmark is considering a similar step.",
        # no marker: not the same act
        "Norway will send 200 troops to the Velmar Force. Sweden is considering a step back "
        "from the talks.",
        # review r9 XR3: another's effort with its own purpose is another act
        "Norway lent a frigate to the Velmar Fleet. Sweden will join the Nordic Council's "
        "effort to reopen the border.",
        "Norway lent a frigate to the Velmar Fleet, and Sweden joined an effort to rebuild "
        "the port.",
    ],
)
def test_a_step_repeats_only_a_contribution_stated_last(text):
    found = _relations(text)
    assert not any(s in ("Denmark", "Sweden") and p == "contributesTo" for s, p, _o in found)


@pytest.mark.parametrize(
    "text, target",
    [
        (
            "The Velmar Brigade, which was formed in 2019 with soldiers from Chile, Peru and "
            "Norway, was disbanded last year.",
            "Velmar Brigade",
        ),
        (
            "The Velmar Mission is kept running by voluntary contributions from Chile, Peru and "
            "Norway.",
            "Velmar Mission",
        ),
    ],
)
def test_a_contribution_from_a_country_in_a_verbs_phrase_is_that_countrys(text, target):
    found = _relations(text)
    givers = {s for s, p, o in found if p == "contributesTo" and o == target}
    assert len(givers) == 3, found


@pytest.mark.parametrize(
    "text",
    [
        "Rwanda withdrew its troops from North Kivu in May.",
        # a country receives no contribution this way: the subject here is no force
        "Uganda withdrew from the Velmar Force with troops from Kenya.",
    ],
)
def test_troops_from_a_place_or_for_a_country_are_no_sourced_contribution(text):
    found = _relations(text)
    assert not any(p == "contributesTo" for _s, p, _o in found), found


@pytest.mark.parametrize(
    "text",
    [
        # review r9 XR4: backing is no contribution, and a body acting on something else
        # receives none
        "The Velmar Council adopted the resolution with support from Norway.",
        "The Velmar Plan was drafted with support from Norway.",
        "The Velmar Council adopted the resolution with contributions from Norway.",
        "Finland will provide political support to the Sudria Mission.",
    ],
)
def test_support_or_a_body_acting_on_an_object_takes_no_sourced_contribution(text):
    found = _relations(text)
    assert not any(p == "contributesTo" for _s, p, _o in found), found


def test_a_possessor_with_names_after_it_is_no_list_of_them():
    # review r9 XR5: the parser reads "Norway's and Sweden's prime ministers, A and B," as
    # Norway with the apposition A and B; Norway is their possessor, not a list with them
    found = _relations(
        "Norway's and Sweden's prime ministers, Mira Solvang and Tomas Ekberg, met in Oslo."
    )
    assert ("Norway", "meets", "Tomas Ekberg") not in found, found
    # review r10 V3: the names are the subject (they meet), the possessor is none
    assert _has(found, "Mira Solvang", "meets", "Tomas Ekberg"), found
    assert not _has(found, "Norway", "meets", "Mira Solvang"), found
    found = _relations(
        "Denmark's and Finland's envoys, Ana Berg and Lars Holm, initialled the Velmar Charter."
    )
    assert _has(found, "Ana Berg", "signs", "Velmar Charter"), found
    assert _has(found, "Lars Holm", "signs", "Velmar Charter"), found


@pytest.mark.parametrize(
    "text, giver, receiver",
    [
        # review r10 V1: a force acting with another's troops on its own task receives them
        ("The Velmar Force began operations with troops from Norway.", "Norway", "Velmar Force"),
        (
            "Last spring the Sudria Mission patrolled the coast with two frigates from Sweden.",
            "Sweden",
            "Sudria Mission",
        ),
        # review r10 V2: an aid entry of two words ("logistical support"; bare "support" is
        # backing)
        (
            "The Sudria Mission was set up in 2024 with logistical support from Finland.",
            "Finland",
            "Sudria Mission",
        ),
        (
            "Finland will provide logistical support to the Sudria Mission.",
            "Finland",
            "Sudria Mission",
        ),
    ],
)
def test_a_force_acting_with_sourced_troops_receives_them(text, giver, receiver):
    found = _relations(text)
    assert _has(found, giver, "contributesTo", receiver), found


def test_a_negated_verb_negates_a_sourced_contribution_without_a_refusal():
    found = _relations("The Sudria Mission will not deploy with troops from Norway.")
    assert found.get(("Norway", "contributesTo", "Sudria Mission")) == "negated", found


@pytest.mark.parametrize(
    "text, last",
    [
        # the parser hangs the list's second name as an apposition of the first
        ("Norway, the Republic of Velmar and Sudria will sign a protocol in March.", "Sudria"),
        (
            "Finland, the United Republic of Norland and Velmar will sign the border protocol "
            "next week.",
            "Velmar",
        ),
        ("The Netherlands, Italy, Norway, Chile and Peru signed the Velmar Accord in May.", "Peru"),
    ],
)
def test_a_list_read_as_an_apposition_is_still_a_list(text, last):
    found = _relations(text)
    first = text.split(",")[0].removeprefix("The ")
    assert any(s == first for s, _p, _o in found), found
    assert any(s == last for s, _p, _o in found), found


def test_an_apposition_hung_on_the_subject_from_after_the_verb_lists_no_subjects():
    # the parser hangs "Mira Solvang and Anders Holm" on Norland, not on the chiefs
    found = _relations(
        "Norland imposed sanctions on two former police chiefs, Mira Solvang and Anders Holm."
    )
    assert not _has(found, "Anders Holm", "sanctions", "Mira Solvang"), found
    assert not any(s == "Anders Holm" and p == "sanctions" for s, p, _o in found), found


def test_a_trip_that_is_expected_to_be_to_a_place_is_a_visit():
    found = _relations(
        "Mira Solvang took office on Monday. Her first official journey is expected to be to "
        "Madrid in the spring."
    )
    assert _has(found, "Mira Solvang", "visits", "Madrid", "planned"), found


def test_a_raising_passive_coordinated_after_a_verb_shares_its_subject():
    found = _relations(
        "Mira Solvang took up the offer on Tuesday and is expected to travel to Lisbon in June."
    )
    assert _has(found, "Mira Solvang", "visits", "Lisbon", "planned"), found


def test_who_a_coordinated_passive_names_as_its_agent_does_what_it_says():
    found = _relations(
        "Tomas Ekberg said the Harbour Plan, which was drafted by Chile and opposed by Peru, "
        "would fail."
    )
    assert _has(found, "Harbour Plan", "proposedBy", "Chile"), found
    assert _has(found, "Peru", "opposes", "Harbour Plan"), found


def test_members_from_a_body_stand_for_the_body():
    found = _relations(
        "Chile's Senate debated the Harbour Plan on Tuesday. When it came to a vote, "
        "lawmakers from the Green Party and from the Labour Party rejected it."
    )
    assert _has(found, "Green Party", "opposes", "Harbour Plan"), found
    assert _has(found, "Labour Party", "opposes", "Harbour Plan"), found


def test_members_stand_for_no_country():
    found = _relations("Peruvian lawmakers rejected the Harbour Plan on Monday.")
    assert not _has(found, "Peru", "opposes", "Harbour Plan"), found


def test_a_noun_the_parser_made_the_head_of_a_clause_is_still_a_plan():
    # the parser reads "The treaty" as the complement of "said": no noun chunk of its own
    found = _relations(
        "The treaty, which was proposed by Peru last year, passed by 300 votes to 41 with "
        "nine abstentions, the speaker's office said."
    )
    assert _has(found, "treaty", "proposedBy", "Peru"), found


@pytest.mark.parametrize(
    "text, what, who",
    [
        (
            "A Peruvian proposal to deploy a Coral Sea observer mission drew little support.",
            "Coral Sea observer mission",
            "Peru",
        ),
        (
            "The ministers welcomed Peru's proposal for a Harbour Contact Group.",
            "Harbour Contact Group",
            "Peru",
        ),
        (
            "The summit will consider a proposal by Peru to deploy a Coral Sea observer mission.",
            "Coral Sea observer mission",
            "Peru",
        ),
    ],
)
def test_what_a_proposal_is_for_is_proposed_by_who_makes_it(text, what, who):
    found = _relations(text)
    # the proposal is made already, whatever the summit will do with it
    assert _has(found, what, "proposedBy", who, "asserted"), found


@pytest.mark.parametrize(
    "text, what",
    [
        # review r11 W6: what a proposal would undo is not what it proposes
        ("Chile welcomed a Peruvian proposal to disband the Harbour Council.", "Harbour Council"),
        ("Peru proposed withdrawing the Coral Sea Mission by March.", "Coral Sea Mission"),
        ("Chile supports ending the Coral Sea Mission next spring.", "Coral Sea Mission"),
    ],
)
def test_what_a_proposal_or_a_stance_would_undo_is_not_its_object(text, what):
    found = _relations(text)
    assert not any(o == what and p in ("proposedBy", "supports") for _s, p, o in found), found
    assert not any(s == what and p == "proposedBy" for s, p, _o in found), found


@pytest.mark.parametrize(
    "text",
    [
        # review r11 W4: some of a body's members are not the body
        "Some members of the Harbour Council opposed the Velmar plan, but the council approved it.",
        "Two members of the Harbour Council voted against the Velmar plan on Friday.",
        "A few delegates of the Harbour Council opposed the Velmar plan in June.",
    ],
)
def test_some_members_of_a_body_do_not_speak_for_it(text):
    found = _relations(text)
    assert not any(p == "opposes" and s.endswith(("Council", "Forum")) for s, p, _o in found)


def test_who_considers_a_proposal_did_not_make_it():
    found = _relations("Chile is actively considering a proposal for a Coral Sea contact group.")
    assert not any(p == "proposedBy" for _s, p, _o in found), found


@pytest.mark.parametrize(
    "text, what",
    [
        ("Peru proposed a joint maritime task force on Monday.", "joint maritime task force"),
        ("Chile proposed setting up a Coral Sea contact group.", "Coral Sea contact group"),
    ],
)
def test_a_force_or_a_body_may_be_proposed(text, what):
    found = _relations(text)
    assert any(s == what and p == "proposedBy" for s, p, _o in found), found


def test_launching_an_offensive_or_announcing_a_summit_proposes_nothing():
    found = _relations(
        "Peru launched a major offensive against the Coastal Front in May. Chile announced a "
        "summit of Andean leaders for June."
    )
    assert not any(p == "proposedBy" for _s, p, _o in found), found


@pytest.mark.parametrize(
    "text, what, who",
    [
        ("Chile rejected the Peruvian proposal after a long debate.", "Peruvian proposal", "Peru"),
        ("Bolivia will study Peru's proposal before the vote.", "proposal", "Peru"),
    ],
)
def test_a_proposal_named_by_its_maker_is_proposed_by_it(text, what, who):
    found = _relations(text)
    assert _has(found, what, "proposedBy", who, "asserted"), found


@pytest.mark.parametrize(
    "text, what, who",
    [
        (
            "Chile has come out with a new initiative to set up a Coral Sea contact group, "
            "its ministry said.",
            "Coral Sea contact group",
            "Chile",
        ),
        (
            "Norway turned down a proposal from Chile to set up a Harbour Contact Group.",
            "Harbour Contact Group",
            "Chile",
        ),
        (
            "Peru tabled a plan for a joint maritime task force on Monday.",
            "joint maritime task force",
            "Peru",
        ),
    ],
)
def test_who_makes_a_proposal_is_named_by_the_verb_or_a_preposition(text, what, who):
    found = _relations(text)
    assert _has(found, what, "proposedBy", who), found


def test_who_weighs_or_welcomes_a_plan_did_not_make_it():
    found = _relations(
        "Chile welcomed a plan for a joint maritime task force. Peru discussed an initiative "
        "to create a Coral Sea contact group."
    )
    assert not any(p == "proposedBy" and o in ("Chile", "Peru") for _s, p, o in found), found


@pytest.mark.parametrize(
    "text, what",
    [
        (
            "Peru proposed that the Andean Community deploy an observer mission on the frontier "
            "soon.",
            "observer mission",
        ),
        ("Peru proposed to hold a summit of Andean leaders in Cusco.", "summit of Andean leaders"),
        ("Peru proposed the holding of a national dialogue before the vote.", "national dialogue"),
    ],
)
def test_what_a_proposed_clause_or_event_brings_about_is_proposed(text, what):
    found = _relations(text)
    assert _has(found, what, "proposedBy", "Peru"), found
    assert not any(o == "Andean Community" and p == "proposedBy" for _s, p, o in found)


def test_the_side_named_with_a_country_stands_for_it():
    found = _relations(
        "The Chilean side proposed a Harbour Contact Group. Tomas Ekberg heads the Peruvian "
        "side of the Harbour Commission."
    )
    assert _has(found, "Harbour Contact Group", "proposedBy", "Chile"), found
    assert not _has(found, "Tomas Ekberg", "leads", "Harbour Commission"), found


def test_a_proposal_about_its_own_subject_is_not_the_one_named_before():
    found = _relations(
        "Chile welcomed the Peruvian proposal. Bolivia later tabled the proposal about a "
        "coastal rail link to Arica."
    )
    assert not _has(found, "Peruvian proposal", "proposedBy", "Bolivia"), found
    assert _has(found, "Peruvian proposal", "proposedBy", "Peru"), found


@pytest.mark.parametrize(
    "text",
    [
        "The Velmar Accord was signed on Friday by Mira Solvang, Norland's Minister of Trade; "
        "Tomas Ekberg, Sudria's Secretary of Finance; and Anja Berglund, Ostria's Minister for "
        "Tourism.",
        "At a ceremony in Oslo, the Velmar Accord was signed by Mira Solvang, Norland's "
        "Minister of Fisheries; Tomas Ekberg, Velmar's Secretary of State; and Anja Berglund, "
        "Ostria's Minister for Tourism.",
    ],
)
def test_each_item_of_a_list_separated_by_semicolons_is_an_agent(text):
    """Items that carry their own titles after commas are separated by semicolons; the
    parser hangs the second on the verb (or coordinates it with the first one's title)."""
    found = _relations(text)
    for signer in ("Mira Solvang", "Tomas Ekberg", "Anja Berglund"):
        assert _has(found, signer, "signs", "Velmar Accord", "asserted"), signer


@pytest.mark.parametrize(
    "text, first, second",
    [
        (
            "Norland's Minister of Jal Shakti, Arvind Kalyanaraman, and Sudria's Minister of "
            "Water Resources, Mira Solvang, signed the river accord on Monday.",
            "Arvind Kalyanaraman",
            "Mira Solvang",
        ),
        (
            "The river accord, which both cabinets approved in May, was signed by Norland's "
            "Minister of Jal Vikas, Suresh Balasubramanian, and Sudria's Minister of Ports, "
            "Farida Quamrul.",
            "Suresh Balasubramanian",
            "Farida Quamrul",
        ),
    ],
)
def test_a_name_after_a_titles_comma_is_its_holder_where_parsed_as_a_conjunct(text, first, second):
    """ "by Norland's Minister of X, A, and Sudria's Minister of Y, B": the parser makes A a
    conjunct of the title's last word (not an apposition of the title) and hangs the second
    title on A; both persons sign."""
    found = _relations(text)
    assert _has(found, first, "signs", "river accord", "asserted"), found
    assert _has(found, second, "signs", "river accord", "asserted"), found


def test_a_person_coordinated_with_a_titles_possessor_is_one_more_agent():
    """ "signed by A and Sudria's president, B": the parser reads "[A and Sudria]'s
    president" and hangs A on the title; A signs as well as B."""
    found = _relations(
        "Velmar welcomed the pact signed by Tomas Ekberg and Sudria's president, Mira "
        "Solvang, last week."
    )
    for signer in ("Tomas Ekberg", "Mira Solvang"):
        assert _has(found, signer, "signs", "pact", "asserted"), found
    assert not _has(found, "Sudria", "signs", "pact"), found


@pytest.mark.parametrize(
    "text, signers, plan",
    [
        (
            "After a night of haggling, Mira Solvang and Tomas Ekberg signed the Velmar "
            "Framework on Fisheries.",
            ["Mira Solvang", "Tomas Ekberg"],
            "Velmar Framework on Fisheries",
        ),
        (
            "Norland and Sudria signed the Brask Agreement on Fisheries Cooperation on Tuesday.",
            ["Norland", "Sudria"],
            "Brask Agreement on Fisheries Cooperation",
        ),
    ],
)
def test_a_plan_named_with_a_complement_after_on_is_a_plan_that_is_signed(text, signers, plan):
    """ "the X Framework on Y": the head word before "on" names its class (lexicon
    head_complement_preps), as before "of"; the recognizer's organisation is a plan."""
    found = _relations(text)
    for signer in signers:
        assert _has(found, signer, "signs", plan, "asserted"), found


def test_the_leader_of_a_forum_for_something_leads_a_body_not_an_event():
    """review AC17: the word before "for" gives the class only when it is no event's."""
    found = _relations(
        "Tor Lund, the leader of the Forum for Democratic Change, said his party would "
        "oppose the budget."
    )
    assert _has(found, "Tor Lund", "leads", "Forum for Democratic Change"), found


@pytest.mark.parametrize(
    "text, sanctioner",
    [
        (
            "Last month Norland blacklisted four shipping firms and two captains, among them "
            "Tomas Ekberg.",
            "Norland",
        ),
        (
            "Velmar has sanctions on nine businessmen, among them the chairman of Brask "
            "Shipping, Tomas Ekberg.",
            "Velmar",
        ),
    ],
)
def test_a_member_after_among_them_is_one_of_the_group(text, sanctioner):
    """ "on nine businessmen, among them A": the parser hangs A on the verb (frames.yaml
    member_pronouns); A is one of the group the verb acts on."""
    assert _has(_relations(text), sanctioner, "sanctions", "Tomas Ekberg", "asserted")


@pytest.mark.parametrize(
    "text, subject",
    [
        (
            "After the vote, Norland announced asset freezes and visa bans on Tomas Ekberg and "
            "Mira Solvang.",
            "Norland",
        ),
        ("Norland has approved asset freezes against Tomas Ekberg and Mira Solvang.", "Norland"),
    ],
)
def test_a_compound_noun_the_parser_reads_as_a_clause_is_the_object(text, subject):
    """ "announced asset freezes": the parser makes "asset" the subject of a verb "freezes"."""
    found = _relations(text)
    for target in ("Tomas Ekberg", "Mira Solvang"):
        assert _has(found, subject, "sanctions", target, "asserted"), target


def test_who_is_listed_after_a_sanction_with_a_misread_compound_is_sanctioned_too():
    found = _relations(
        "The Velmar Union last week imposed asset freezes and visa bans on six Norlandic "
        "generals after the coup. Chief among those targeted is Army Chief Tomas Ekberg, who "
        "led the coup. Mira Solvang, head of the presidential guard, and Anja Berg and Lars "
        "Holm, two colonels, were also listed."
    )
    for target in ("Tomas Ekberg", "Mira Solvang", "Anja Berg", "Lars Holm"):
        assert _has(found, "Velmar Union", "sanctions", target, "asserted"), target


@pytest.mark.parametrize(
    "text",
    [
        "The premier will see Norland First and Green Party leaders Tomas Ekberg and Anja "
        "Berglund respectively on Friday.",
        "Tomas Ekberg and Anja Berglund, the Norland First and Green Party leaders "
        "respectively, signed the pact.",
    ],
)
def test_leaders_paired_with_parties_respectively_lead_them(text):
    found = _relations(text)
    assert _has(found, "Tomas Ekberg", "leads", "Norland First"), found
    assert _has(found, "Anja Berglund", "leads", "Green Party"), found
    assert not _has(found, "Tomas Ekberg", "leads", "Green Party")


def test_deputies_paired_with_parties_respectively_lead_nothing():
    found = _relations(
        "The premier will see Norland First and Green Party deputy leaders Tomas Ekberg and "
        "Anja Berglund respectively on Friday."
    )
    assert not any(p == "leads" for _s, p, _o in found), found


def test_the_brigade_is_the_brigade_named_before_not_the_force_it_belongs_to():
    found = _relations(
        "The summit will weigh a plan by Ghana to form a coastal brigade of the Velmar Standby "
        "Force, with 1,500 troops. Togo refuses to send any soldiers to the brigade. Benin "
        "backs the brigade."
    )
    assert _has(found, "Togo", "declines", "coastal brigade", "refused"), found
    assert _has(found, "Benin", "supports", "coastal brigade"), found
    assert not any(o == "Velmar Standby Force" for _s, _p, o in found), found


def test_the_brigade_with_no_brigade_named_is_no_other_force():
    found = _relations(
        "Benin, whose soldiers fought the Velmar Liberation Army in the north for years, now "
        "backs the brigade, officials said."
    )
    assert not _has(found, "Benin", "supports", "Velmar Liberation Army"), found


@pytest.mark.parametrize(
    "text",
    [
        "Chile will host the Andean Summit in Lima on Friday. Bolivia has declined to attend, "
        "officials said.",
        "Chile will host the Andean Summit in Lima on Friday. Bolivia, which Chile invited "
        "last month, has since declined.",
        "Chile will host the Andean Summit in Lima on Friday. Bolivia was invited to send "
        "observers but declined.",
    ],
)
def test_declining_with_nothing_named_declines_the_event_of_the_story(text):
    found = _relations(text)
    assert _has(found, "Bolivia", "declines", "Andean Summit", "refused"), found


def test_declining_to_comment_declines_no_event():
    found = _relations(
        "Chile will host the Andean Summit in Lima on Friday. Bolivia was asked to comment "
        "but declined."
    )
    assert not any(p == "declines" for _s, p, _o in found), found


@pytest.mark.parametrize(
    "text",
    [
        "The Northern Front, which holds the hills of Velmar, is headed by a guerrilla chief "
        "known as Tomas Ekberg.",
        "The Northern Front is led by a former teacher known as Tomas Ekberg.",
    ],
)
def test_a_noun_known_as_a_name_stands_for_the_named(text):
    assert _has(_relations(text), "Tomas Ekberg", "leads", "Northern Front"), _relations(text)


@pytest.mark.parametrize(
    "text",
    [
        "The Andean Community on Tuesday called on Peru to halt the airstrikes.",
        "Leaders of the Andean Community called on Peru's military government to halt the "
        "airstrikes.",
    ],
)
def test_calling_on_someone_urges_them(text):
    assert _has(_relations(text), "Andean Community", "urges", "Peru"), _relations(text)


def test_calling_on_a_day_urges_no_one():
    found = _relations("Mira Solvang called on Monday for calm in Velmar.")
    assert not any(p == "urges" for _s, p, _o in found), found


def test_a_courtesy_call_on_someone_urges_no_one():
    found = _relations("Tomas Ekberg called on Mira Solvang before leaving Lima.")
    assert not any(p == "urges" for _s, p, _o in found), found


def test_an_unowned_ministry_is_led_by_the_holder_of_the_unowned_title():
    """ "Defence Minister A received the Chilean Minister of Defence, B, at the Ministry of
    Defence": the ministry named with no owner is the host's, A's, not the guest's."""
    found = _relations(
        "Defence Minister Mira Solvang received the Chilean Minister of Defence, Tomas Ekberg, "
        "at the Ministry of Defence in Velmar City."
    )
    assert _has(found, "Mira Solvang", "leads", "Ministry of Defence"), found
    assert not _has(found, "Tomas Ekberg", "leads", "Ministry of Defence"), found


def test_an_unowned_ministry_is_not_led_by_a_later_minister_of_another_country():
    """ "Chile's minister of defence, A, ... the Peruvian minister of defence, B, ... the
    Ministry of Defence": the ministry named with no owner is the one of the title read
    first (the article's own), not the other country's minister's."""
    found = _relations(
        "Chile's Minister of Defence, Mira Solvang, will travel to Velmar City next month to "
        "meet the Peruvian Minister of Defence, Tomas Ekberg, sources at the Ministry of Defence "
        "said."
    )
    assert _has(found, "Mira Solvang", "leads", "Ministry of Defence"), found
    assert not _has(found, "Tomas Ekberg", "leads", "Ministry of Defence"), found


@pytest.mark.parametrize(
    "text, appointee, appointer",
    [
        # a name the recognizer leaves out, put into a post by an appointing verb
        # (phrases/names.py)
        (
            "On Monday the Norland cabinet appointed Fahim Al-Brandu as managing director of "
            "the Velmar Fund to succeed Ossian Kell.",
            "Fahim Al-Brandu",
            "Norland cabinet",
        ),
        # the name read as an object complement (syntax/repair.py), the post after "to"
        # (frames.yaml post_preps)
        (
            "The Velmar Pension Fund named Mira Solvang to the post of chief economist.",
            "Mira Solvang",
            "Velmar Pension Fund",
        ),
        # ... and the sentence read as a noun phrase with a participle (syntax/repair.py)
        (
            "The Norland Grain Agency (NGA) named Tuva Lien-Ask to the post of head of exports.",
            "Tuva Lien-Ask",
            "Norland Grain Agency",
        ),
    ],
)
def test_a_body_that_names_someone_to_a_post_appoints_them(text, appointee, appointer):
    found = _relations(text)
    assert _has(found, appointee, "appointedBy", appointer), found


def test_a_name_unread_by_the_recognizer_succeeds_whom_it_replaces():
    found = _relations(
        "Fahim Al-Brandu was appointed by the Norland cabinet as managing director of the "
        "Velmar Fund, succeeding Ossian Kell."
    )
    assert _has(found, "Fahim Al-Brandu", "succeeds", "Ossian Kell"), found


def test_naming_someone_to_a_group_appoints_them_to_no_post():
    found = _relations("Tomas Ekberg named Mira Solvang to the delegation.")
    assert not any(p == "appointedBy" for _s, p, _o in found), found


def test_a_gerund_after_before_does_what_the_subject_does():
    found = _relations(
        "Tomas Ekberg gave a short interview to reporters before leaving for Velmar City."
    )
    assert _has(found, "Tomas Ekberg", "visits", "Velmar City"), found


@pytest.mark.parametrize(
    "text, body",
    [
        # seats won (frames.yaml; frames/match.py: "39 of the seats")
        ("The Velmar Party won 23 of the 60 seats in the Norland Assembly.", "Norland Assembly"),
        ("The Velmar Party kept its seat on the Norland Council.", "Norland Council"),
    ],
)
def test_a_party_that_wins_seats_in_an_assembly_is_elected_to_it(text, body):
    assert _has(_relations(text), "Velmar Party", "electedTo", body)


def test_seats_won_in_cities_elect_to_no_city():
    # review r12 X11: a city the recognizer reads as a body is no assembly
    found = _relations("The Green Party won seats in Oslo and Bergen.")
    assert not any(p == "electedTo" for _s, p, _o in found), found


def test_taking_a_seat_in_a_room_elects_no_one():
    found = _relations("Mira Solvang took a seat in the front row of the Norland Assembly.")
    assert not any(p == "electedTo" for _s, p, _o in found), found


def test_it_as_the_event_one_offers_to_host_is_the_event_named_last():
    found = _relations(
        "Tomas Ekberg called for a national dialogue before May. The Union of Churches, "
        "which mediated the 2019 border talks, has offered to host it as well."
    )
    assert _has(found, "Union of Churches", "hosts", "national dialogue", "offered"), found
    assert not any(p == "hosts" and o != "national dialogue" for _s, p, o in found), found


def test_money_paid_into_a_fund_is_given_to_it():
    found = _relations(
        "Argentina will not pay into the Velmar Fund. Chile paid into the Velmar Fund in May."
    )
    assert _has(found, "Argentina", "declines", "Velmar Fund", "refused"), found
    assert _has(found, "Chile", "contributesTo", "Velmar Fund"), found


@pytest.mark.parametrize(
    "text",
    [
        "In a close vote, the Nordic Assembly elected Mira Solvang, a Norlandic legislator, "
        "as its president.",
        "Mira Solvang was elected as chair of the Nordic Assembly.",
    ],
)
def test_who_is_elected_to_a_post_of_a_body_is_elected_to_the_body(text):
    assert _has(_relations(text), "Mira Solvang", "electedTo", "Nordic Assembly")


@pytest.mark.parametrize(
    "text",
    [
        "Ministers backed a proposal for a Coral Sea contact group, first put forward by "
        "Chile last year, and agreed to meet again.",
        'Peru said that its cabinet was "seriously weighing" a proposal for a Coral Sea '
        "contact group, first put forward by Chile last year.",
    ],
)
def test_a_participle_after_a_proposal_names_who_made_it(text):
    found = _relations(text)
    assert _has(found, "Coral Sea contact group", "proposedBy", "Chile"), found
    assert not _has(found, "Coral Sea contact group", "proposedBy", "Peru"), found


def test_on_the_initiative_of_one_the_others_act_on_what_it_proposed():
    found = _relations(
        "Talks ended on Friday. On the initiative of Peru, everyone backed the holding of "
        "a Harbour Forum next spring."
    )
    assert _has(found, "Harbour Forum", "proposedBy", "Peru"), found


def test_who_visits_people_at_a_site_visits_the_site():
    found = _relations(
        "During her stay Mira Solvang will visit the field hospital at Camp Tervel, aides said."
    )
    assert _has(found, "Mira Solvang", "visits", "Camp Tervel", "planned"), found


def test_the_head_of_state_is_the_president_named_before():
    found = _relations(
        "Norland's interior minister, Jon Berg, quit on Monday, the office of President Tomas "
        "Ekberg said. On Tuesday the Head of State chose Mira Solvang, a former governor, as "
        "interior minister."
    )
    assert _has(found, "Mira Solvang", "appointedBy", "Tomas Ekberg"), found


@pytest.mark.parametrize(
    "text, place",
    [
        (
            "Tomas Ekberg invited Mira Solvang to come to Japan next year, and she accepted, "
            "an aide said.",
            "Japan",
        ),
        (
            "Last week Tomas Ekberg invited Mira Solvang to Velmar City, where the trade fair "
            "opens in June. Solvang accepted, her office said on Friday.",
            "Velmar City",
        ),
    ],
)
def test_an_invitation_the_guest_accepts_is_a_visit_planned(text, place):
    assert _has(_relations(text), "Mira Solvang", "visits", place, "planned")


def test_a_refusal_with_nothing_after_it_refuses_what_the_offer_before_was_to():
    found = _relations(
        "Norway offered to send a frigate to the Velmar Mission. Peru declined to contribute "
        "a vessel. Bolivia also declined, citing costs. Asked about the Lima talks, Chile "
        "declined to comment."
    )
    assert _has(found, "Bolivia", "declines", "Velmar Mission", "refused"), found
    assert not any(s == "Chile" for s, _p, _o in found), found


@pytest.mark.parametrize(
    "text",
    [
        "Tomas Ekberg invited Mira Solvang to come to Japan next year.",
        "Last week Tomas Ekberg invited Mira Solvang to Velmar City, where the trade fair "
        "opens in June.",
    ],
)
def test_an_invitation_alone_is_no_visit(text):
    assert not any(p == "visits" for _s, p, _o in _relations(text))


@pytest.mark.parametrize(
    "text",
    [
        "The Velmar Mission is short of troops. Sweden has ruled out a return, its defence "
        "minister told a radio station on Friday.",
        "Sweden has ruled out a return to the Velmar Mission, its defence minister said.",
    ],
)
def test_ruling_out_a_return_refuses_the_force(text):
    found = _relations(text)
    assert _has(found, "Sweden", "declines", "Velmar Mission", "refused"), found


def test_a_person_put_forward_for_a_post_is_proposed_by_who_put_them_forward():
    found = _relations(
        "Chile proposed Mira Solvang as its envoy to the talks. Peru praised Tomas Ekberg "
        "in a speech on Monday."
    )
    assert _has(found, "Mira Solvang", "proposedBy", "Chile"), found
    assert not any(p == "proposedBy" and s == "Tomas Ekberg" for s, p, _o in found), found


def test_providing_a_force_s_headquarters_contributes_to_it():
    found = _relations(
        "Velmar wants a rapid reaction brigade set up by June. Norway will give the "
        "brigade's headquarters and a battalion, its defence minister said."
    )
    assert _has(found, "Norway", "contributesTo", "rapid reaction brigade"), found


def test_her_movement_is_the_body_whose_post_she_holds():
    found = _relations(
        "Tomas Ekberg has called a national dialogue for May. Mira Solvang, the president of "
        "Velmar Forward, said her movement will boycott the dialogue. Anders Holm, "
        "a lawmaker, said his party would join it."
    )
    assert _has(found, "Velmar Forward", "declines", "national dialogue", "refused"), found
    assert not any(s == "Anders Holm" and p == "declines" for s, p, _o in found), found


@pytest.mark.parametrize(
    "text",
    [
        "Tomas Ekberg suggested that Norway had violated the Velmar Accord.",
        "Mira Solvang proposed that Norway sign the Velmar Accord.",
        "Norway proposed to expand the Velmar Force.",
        "Sweden rejected a Norwegian proposal to expand the Velmar Force.",
        "Norway rejected Sweden's proposal on the Velmar Council.",
        "Sweden joined the Velmar Alliance at the initiative of Norway.",
        "On the initiative of Norway, Sweden disbanded the Velmar Council.",
    ],
)
def test_a_proposal_of_what_exists_or_a_claim_proposes_nothing_named(text):
    found = _relations(text)
    assert not any(p == "proposedBy" and s.startswith("Velmar") for s, p, _o in found), found


@pytest.mark.parametrize(
    "text",
    [
        "Velmar refused entry to the Coral Force.",
        "Sweden contributes ships to the Coral Force. Tomas Ekberg, who resigned as prime "
        "minister in May, has ruled out a return.",
    ],
)
def test_refusing_entry_or_a_return_to_office_refuses_no_force(text):
    found = _relations(text)
    assert not any(p == "declines" for _s, p, _o in found), found


def test_a_proposal_for_something_is_not_itself_proposed_beside_it():
    found = _relations("Norway's proposal for a ceasefire was welcomed by Sweden.")
    assert _has(found, "ceasefire", "proposedBy", "Norway"), found
    assert not any(p == "proposedBy" and s != "ceasefire" for s, p, _o in found), found


@pytest.mark.parametrize(
    "text, level",
    [
        ("Norway refused to make a proposal for a summit of Nordic leaders.", "refused"),
        ("Norway is expected to put forward a proposal for a summit of Nordic leaders.", "planned"),
        ("Sweden will consider a proposal by Norway for a summit of Nordic leaders.", "asserted"),
    ],
)
def test_the_makers_own_verb_says_whether_a_proposal_is_made(text, level):
    found = _relations(text)
    assert _has(found, "summit of Nordic leaders", "proposedBy", "Norway", level), found


def test_a_relative_clause_inside_a_list_speaks_of_its_own_member_only():
    """ "The sanctions name A, B, who headed X until 2021, and C": the clause is B's; A and C
    lead nothing."""
    found = _relations(
        "The sanctions target Mira Solvang, a former senator, Tomas Ekberg, who headed the "
        "Norland Border Police until 2021, and Lars Vennick, a businessman."
    )
    assert _has(found, "Tomas Ekberg", "leads", "Norland Border Police"), found
    assert not _has(found, "Lars Vennick", "leads", "Norland Border Police"), found


def test_who_after_a_person_s_party_speaks_of_the_person():
    """ "A of the B party, who ...": the parser hangs the clause on the party; "who" takes up
    a person, so the clause is A's (the verb frames' subject and the post a leadership verb
    gives)."""
    found = _relations(
        "Deputy Tomas Ekberg of the Liberal Party, who opposes the treaty, said the vote was "
        "rushed."
    )
    assert _has(found, "Tomas Ekberg", "opposes", "treaty"), found
    assert not _has(found, "Liberal Party", "opposes", "treaty"), found
    held = _posts(
        "Deputy Tomas Ekberg of the Liberal Party, who chairs the budget committee, said the "
        "vote was rushed."
    )
    assert ("Tomas Ekberg", "Chair") in held, held
    # a verb that agrees with a plural keeps the body (review AA5)
    found = _relations("Mira Solvang of the Coastal Front, who have rejected the talks, spoke.")
    assert _has(found, "Coastal Front", "opposes", "talks"), found
    assert not _has(found, "Mira Solvang", "opposes", "talks"), found


@pytest.mark.parametrize(
    "text, new, old",
    [
        # whom a person takes over from is a person, whatever the recognizer read
        # (phrases/names.py _person_takes_post): after "who", and with a post taken over
        (
            "Dalia Ostrova, the port chief who took over from Mindaugas Vellund in the summer, "
            "wants more cranes.",
            "Dalia Ostrova",
            "Mindaugas Vellund",
        ),
        # the object of a verb of appointing that says whom it replaces (_to_succeed)
        (
            "On Friday the Montevaro regency appointed Luigi Pellandra to replace Bertoni at "
            "the treasury.",
            "Luigi Pellandra",
            "Bertoni",
        ),
        # a first name the tagger read as a preposition (syntax/repair.py)
        (
            "Mira Solvang replaces Till Brenner, who retired in March.",
            "Mira Solvang",
            "Till Brenner",
        ),
        # the participle after a verb of electing is the one elected's (syntax/arguments.py)
        (
            "Velmar Steel said its board had elected Jonas Brekke as finance director, "
            "replacing Ulla Stroem, who retired in May.",
            "Jonas Brekke",
            "Ulla Stroem",
        ),
    ],
)
def test_who_takes_over_a_post_succeeds_a_person_the_recognizer_misread(text, new, old):
    found = _relations(text)
    assert _has(found, new, "succeeds", old), found


def test_a_name_before_the_title_a_body_appoints_it_to_is_the_appointee():
    # phrases/names.py _before_given_title, syntax/repair.py (the name a modifier of the title)
    found = _relations(
        "On Monday the Velmar Energy Board appointed Oksana Pelliot head of its grid business."
    )
    assert _has(found, "Oksana Pelliot", "appointedBy", "Velmar Energy Board"), found


def test_taking_over_a_firm_from_someone_makes_them_no_person():
    found = _relations("Velmar Steel took over the shipyard from Norland Marine Holdings in May.")
    assert not any(p == "succeeds" for _s, p, _o in found), found
    # a person taking over a firm from a name the recognizer misread (review AD2)
    found = _relations("Ana Ruiz, who took over the shipyard from Halden Marsk in May, cut jobs.")
    assert not any(p == "succeeds" for _s, p, _o in found), found


def test_a_past_clause_of_time_under_a_verb_that_asks_is_stated():
    # frames.yaml stated_clause_marks: "call" blocks what it asks for, not what happened
    found = _relations(
        "When Norland signed a fisheries accord with Velmar in 2019, diplomats called it a "
        "breakthrough."
    )
    assert _has(found, "Norland", "signs", "fisheries accord", "asserted"), found
    # a clause of time in the present is ahead, and shares what the verb over it asks
    found = _relations(
        "When Norland signs the fisheries accord, diplomats will call on Velmar to join it."
    )
    assert not _has(found, "Norland", "signs", "fisheries accord", "asserted"), found
    # nor is a past one under a verb with a modal: a future seen from the past (review AD8)
    found = _relations(
        "Velmar said it would call for new talks when Norland signed the fisheries accord."
    )
    assert not _has(found, "Norland", "signs", "fisheries accord", "asserted"), found


def test_it_signed_in_the_passive_is_the_plan_named_before():
    # things.py: a passive of signing with "it" as its subject reads "it" as a plan first
    found = _relations(
        "Norland drafted a fisheries accord in May. It was signed by Tomas Ekberg on Monday."
    )
    assert _has(found, "Tomas Ekberg", "signs", "fisheries accord"), found


def test_each_owned_name_in_apposition_to_a_plural_title_is_named():
    # actors.py _apposed_before: "[A and Velmar]'s B" as the parser reads it
    found = _relations(
        "The pact was later signed in Brask by both trade ministers, Norland's Ivar Mosk and "
        "Velmar's Tomas Ekberg."
    )
    assert _has(found, "Ivar Mosk", "signs", "pact"), found
    assert _has(found, "Tomas Ekberg", "signs", "pact"), found
    # ... and a plural title with names after it is no pair named before (actors.py _pair)
    found = _relations(
        "Presidents Ana Lind and Oskar Brandt met in Brask. The pact was later signed by both "
        "trade ministers, Norland's Ivar Mosk and Velmar's Tomas Ekberg."
    )
    assert _has(found, "Ivar Mosk", "signs", "pact"), found
    assert not _has(found, "Ana Lind", "signs", "pact"), found


@pytest.mark.parametrize(
    "text",
    [
        # frames.yaml role_owner: whose post is taken over, the possessor of a role noun
        "Tomas Ekberg's role was taken over by Mira Solvang.",
        "Mira Solvang will take over Tomas Ekberg's portfolio in May.",
    ],
)
def test_who_takes_over_a_persons_post_succeeds_them(text):
    found = _relations(text)
    assert _has(found, "Mira Solvang", "succeeds", "Tomas Ekberg"), found
    # not a thing owned that is no post
    found = _relations("Mira Solvang took over Tomas Ekberg's stake in the mine.")
    assert not any(p == "succeeds" for _s, p, _o in found), found
