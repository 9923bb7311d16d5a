"""A stance over a verb that carries on or brings about what it acts on is a stance to that
thing: "offered to set up a rescue centre" offers it, "agreed to revive the joint patrols"
backs them (and "agreed to extend the truce" is a party to it); a later bare "the offer" is
what was offered (frames.yaml verb frames with `levels` and `under`, object `offered`). A
plan only: talks carried on are the parties' talks. Invented sentences; each test fails
without its piece."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.slow


def _relations(text: str) -> set[tuple[str, str, str, str]]:
    from kg.extract.pipeline import extract

    st = extract(text, "t")
    label = {e.id: e.label for e in st.entities}
    return {(label[r.subject], r.predicate, label[r.object], r.modality) for r in st.relations}


@pytest.mark.parametrize(
    "text, relation",
    [
        # an offer to bring a thing about offers it
        (
            "Norland has offered to set up a rescue coordination centre in Port Alvar, its navy "
            "said.",
            ("Norland", "contributesTo", "rescue coordination centre", "offered"),
        ),
        # agreeing to carry a thing on backs it, each of those who agree
        (
            "Norland and Sudria agreed on Friday to revive the joint river patrols on the Ostra.",
            ("Norland", "supports", "joint river patrols", "asserted"),
        ),
        (
            "Norland and Sudria agreed on Friday to revive the joint river patrols on the Ostra.",
            ("Sudria", "supports", "joint river patrols", "asserted"),
        ),
        # ... and agreeing to carry on an agreement is being a party to it
        (
            "Norway and Sweden agreed to extend the fishing truce in the Skagerrak by six months.",
            ("Sweden", "signs", "fishing truce", "asserted"),
        ),
    ],
)
def test_a_stance_over_a_carried_verb_is_taken_to_its_object(text, relation):
    assert relation in _relations(text)


def test_agreeing_to_extend_a_truce_does_not_back_it_as_well():
    text = "Norway and Sweden agreed to extend the fishing truce in the Skagerrak by six months."
    assert ("Sweden", "supports", "fishing truce", "asserted") not in _relations(text)


@pytest.mark.parametrize(
    "text",
    [
        # no stance: what will be done is no offer, refusal nor backing
        "Norland and Sudria will revive the Ostra Fisheries Pact next year.",
        "Norland and Sudria revived the Ostra Fisheries Pact after the floods.",
        "Norland and Sudria will extend the Ostra River Patrol Plan next year.",
    ],
)
def test_no_stance_states_nothing(text):
    found = _relations(text)
    assert not {r for r in found if r[2].startswith("Ostra")}


@pytest.mark.parametrize(
    "text",
    [
        # talks resumed are talks between the parties (GOLD.md talks_with), no stance to them
        "Norland offered to resume the Ostra border talks next month.",
        "Norland and Sudria agreed to resume the Ostra border talks next month.",
    ],
)
def test_talks_carried_on_are_no_stance_to_the_talks(text):
    found = _relations(text)
    assert not {r for r in found if r[2] == "Ostra border talks"}


def test_the_offer_is_what_was_offered_before():
    text = (
        "Tomas Ekberg renewed Norland's offer to build a rescue coordination centre in Port "
        "Alvar. Velmar has declined the offer for now."
    )
    found = _relations(text)
    assert ("Norland", "contributesTo", "rescue coordination centre", "offered") in found
    assert ("Velmar", "declines", "rescue coordination centre", "refused") in found


@pytest.mark.parametrize(
    "later", ["Velmar has since declined another offer.", "Velmar declined the offer of a loan."]
)
def test_an_offer_of_something_else_is_not_the_one_before(later):
    text = f"Norland offered to build a rescue coordination centre in Port Alvar. {later}"
    assert ("Velmar", "declines", "rescue coordination centre", "refused") not in _relations(text)


def test_it_under_a_verb_with_a_stance_frame_only_is_not_the_plan_before():
    # "renews it" outside a stance: not the mandate named before, as if it were refused
    text = (
        "Norway, whose naval mandate for Atalanta ends in June, will not send a frigate before "
        "the Storting renews it, an official said."
    )
    found = _relations(text)
    assert not {r for r in found if r[0] == "Storting" and r[2] == "naval mandate"}


def test_agreeing_to_revive_patrols_signs_nothing():
    # only an agreement carried on is signed (`heads`), not the patrols
    text = "Norland and Sudria agreed on Friday to revive the joint river patrols on the Ostra."
    assert not {r for r in _relations(text) if r[1] == "signs"}


def test_carrying_on_ones_own_act_is_no_stance_to_it():
    # `others`: its own support is no plan Norway backs
    found = _relations("Norway agreed to continue its support for the Velmar mission.")
    assert not {r for r in found if r[0] == "Norway" and r[2].startswith("support")}


def test_the_offer_of_troops_to_a_mission_is_not_the_mission():
    # what a later "declined the offer" is of: a plan offered, not where troops would go
    text = "Finland has offered troops to the Velmar mission. Estonia declined the offer."
    assert not {r for r in _relations(text) if r[0] == "Estonia" and r[1] == "declines"}


def test_a_body_offered_and_turned_down():
    # an embassy is a body (Organization), offered as a plan is
    text = "Sweden offered to open an embassy in Norvik. Norway has declined the offer."
    found = _relations(text)
    assert ("Sweden", "contributesTo", "embassy in Norvik", "offered") in found
    assert ("Norway", "declines", "embassy in Norvik", "refused") in found


@pytest.mark.parametrize(
    "between",
    ["Finland offered Velmar a cheap loan in June.", "Finland then made an offer of its own."],
)
def test_the_offer_is_not_one_before_a_newer_offer(between):
    # review r16 AB9: a newer offer that no frame states is the one declined
    text = f"Sweden offered to open an embassy in Velmar City. {between} Velmar declined the offer."
    assert not {r for r in _relations(text) if r[0] == "Velmar" and r[1] == "declines"}
