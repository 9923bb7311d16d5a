"""What a verb of proposing, offering or turning down acts on is a plan, whatever its noun
(lexicon `theme_verbs`), so that the proposal, the offer or the refusal has something to be
of: "tabled a common customs tariff", "would never accept a reduced herring quota". Not
troops, money, people, requests, nor what "any" determines. Invented sentences; each test
fails without the mechanism."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.slow


def _extract(text: str):
    from kg.extract.pipeline import extract

    return extract(text, "t")


def _relations(st) -> set[tuple[str, str, str, str]]:
    label = {e.id: e.label for e in st.entities}
    return {(label[r.subject], r.predicate, label[r.object], r.modality) for r in st.relations}


def _plans(st) -> set[str]:
    return {e.label for e in st.entities if e.cls == "Plan"}


@pytest.mark.parametrize(
    "text, relation",
    [
        (
            "At the customs conference, Velmar tabled a common customs tariff for the islands.",
            ("common customs tariff", "proposedBy", "Velmar", "asserted"),
        ),
        (
            "After two rounds, Sudria put forward a seasonal fishing ban in the strait.",
            ("seasonal fishing ban", "proposedBy", "Sudria", "asserted"),
        ),
        (
            "Sudria would never accept a reduced herring quota, its fisheries minister said.",
            ("Sudria", "declines", "reduced herring quota", "refused"),
        ),
        (
            "Norland has offered to host a permanent flood warning centre on its coast.",
            ("Norland", "hosts", "permanent flood warning centre", "offered"),
        ),
    ],
)
def test_what_is_proposed_offered_or_turned_down_is_a_plan(text, relation):
    assert relation in _relations(_extract(text))


@pytest.mark.parametrize(
    "text, wrong",
    [
        # people, troops and money are no plan
        (
            "The ruling party proposed a female candidate for the post in Velmar.",
            "female candidate",
        ),
        ("Sudria offered 300 million dollars for the river crossing.", "300 million dollars"),
        ("Velmar refused the Norlandic envoys entry in March.", "Norlandic envoys"),
        # an accusation is read by its own noun (a request or an offer turned down is a plan
        # of its own since round 21: test_extract_offers, frames.yaml object `asked`)
        ("Velmar rejected the Norlandic accusations on Friday.", "Norlandic accusations"),
        # what "any" determines is none in particular
        ("Sudria rejected any commitment on the tariffs.", "any commitment"),
        # turned down or hosted, a thing that is no measure is no plan (review r13 Y1)
        ("Sweden rejected the election results.", "election results"),
        ("Norway rejected the Swedish criticism of its fishing policy.", "Swedish criticism"),
        ("Velmar hosted a state dinner for the visiting king.", "state dinner"),
        ("Sweden refused a formal apology.", "formal apology"),
        ("Tomas Ekberg declined a government car.", "government car"),
    ],
)
def test_people_money_requests_and_any_are_no_plan_of_their_own(text, wrong):
    assert wrong not in _plans(_extract(text))


def test_what_a_force_owns_leaves_the_offer_to_the_force():
    st = _extract(
        "The Velmar Stabilisation Force needs a supply base, and Norland offered to host "
        "the force's supply depot near the border."
    )
    assert ("Norland", "hosts", "Velmar Stabilisation Force", "offered") in _relations(st)
    assert "supply depot" not in _plans(st)


@pytest.mark.parametrize(
    "text, relation",
    [
        (
            "At the reef conference, Sudria suggested that a small levy on cruise ships be "
            "introduced to pay for the patrols.",
            ("small levy", "proposedBy", "Sudria", "asserted"),
        ),
        (
            "Velmar proposed that the island states be granted a longer grace period.",
            ("longer grace period", "proposedBy", "Velmar", "asserted"),
        ),
    ],
)
def test_what_a_proposed_passive_clause_is_to_do_with_is_proposed(text, relation):
    assert relation in _relations(_extract(text))


@pytest.mark.parametrize(
    "text",
    [
        # undone, or reported rather than proposed
        "In its reply, Velmar proposed that the tariffs on Sudrian steel be scrapped.",
        "Velmar officials said a small levy on cruise ships would be introduced in May.",
        # changed, a thing already there is not proposed (review r13 Y2)
        "Norway suggested that the Velmar Accord be amended to cover fisheries.",
        "Sweden proposed that the mandate of the Velmar Mission be extended by a year.",
        "Norway proposed that the ceasefire agreement be reviewed in June.",
    ],
)
def test_an_undone_or_reported_passive_clause_proposes_nothing(text):
    assert not any(p == "proposedBy" for _s, p, _o, _m in _relations(_extract(text)))


@pytest.mark.parametrize(
    "text, plan",
    [
        # what the verb of a stance's to-infinitive or gerund brings about or carries on
        ("Sudria offered last week to open a cultural centre in Velmar City.", "cultural centre"),
        (
            "The Norlandic side has ruled out restoring the joint fishery patrols.",
            "joint fishery patrols",
        ),
        (
            'Mira Solvang and Tomas Ekberg agreed to revive the "ferry diplomacy" of the 1990s.',
            "ferry diplomacy",
        ),
        (
            "Velmar proposed keeping the herring ban and setting stricter catch limits.",
            "stricter catch limits",
        ),
        # ... or of a noun of offering, or what a plan's noun is to create
        ("Norland renewed its offer to build a deep-water pier at Tarvik.", "deep-water pier"),
        (
            "The two ministers signed an accord to create a shared customs database.",
            "shared customs database",
        ),
    ],
)
def test_what_a_stance_is_to_bring_about_or_carry_on_is_a_plan(text, plan):
    assert plan in _plans(_extract(text))


@pytest.mark.parametrize(
    "text, wrong",
    [
        # expecting is no stance; a part or a round is of something else; what a plan's noun
        # is to do without creating it (the proposal is the plan)
        # kept in a state, it is there already (review r15)
        ("Sudria agreed to keep the old ferry terminal open.", "old ferry terminal"),
        ("Velmar is expected to extend the river patrol north of Tarvik.", "river patrol"),
        ("Sudria agreed to hold a further round of border talks.", "further round"),
        (
            "They discussed the bridge plan, a Velmar proposal to open three new toll gates.",
            "three new toll gates",
        ),
    ],
)
def test_what_no_stance_brings_about_is_no_plan(text, wrong):
    assert wrong not in _plans(_extract(text))


def test_a_plan_by_what_a_stance_does_is_not_what_the_accord_refers_back_to():
    st = _extract(
        "Norland and Velmar signed a pact to create a shared customs database. The accord "
        "was signed by Mira Solvang on Friday."
    )
    assert ("Mira Solvang", "signs", "shared customs database", "asserted") not in _relations(st)


def test_what_an_agreement_is_to_build_is_a_plan_no_one_signs():
    st = _extract("Norland and Velmar agreed to build a new rail bridge across the Tarva river.")
    assert "rail bridge" in _plans(st)
    assert not any(p == "signs" for _s, p, _o, _m in _relations(st))
