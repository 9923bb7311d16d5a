"""Reference across sentences (round 14, issue 10): a definite common noun that refers back
to the entity named before with that noun as the head of its name ("the Velmar Development
Bank ... The bank named X"). Invented sentences of two or three sentences each; each test
fails without the mechanism it names."""

from __future__ import annotations

import pytest

from tests.sentences import has as _has
from tests.sentences import relations as _relations

pytestmark = pytest.mark.slow


@pytest.mark.parametrize(
    ("text", "relation"),
    [
        (
            "The Velmar Development Bank reported a record profit for the year. The bank also "
            "named Mira Solvang as its chief economist on Friday.",
            ("Mira Solvang", "appointedBy", "Velmar Development Bank"),
        ),
        (
            "The Free Harbour Party criticised the budget in a long statement. The party has "
            "proposed a referendum on the port.",
            ("referendum on the port", "proposedBy", "Free Harbour Party"),
        ),
        # the noun spelled otherwise than in the name
        (
            "The Velmar River Organization met on Monday for the first time. The organisation also "
            "named Mira Solvang as its secretary general.",
            ("Mira Solvang", "appointedBy", "Velmar River Organization"),
        ),
        # the name as written in a heading, not the label
        (
            "NORVIK EXPORT BANK (NOREXBANK)\n\nNorexbank said on Monday that its profits rose. "
            "The bank also named Mira Solvang as its chief economist.",
            ("Mira Solvang", "appointedBy", "Norexbank"),
        ),
        # the name its phrase is in apposition to is no rival of its class
        (
            "The Velmar Investment Authority manages the country's oil savings. Tomas Ekberg, "
            "51, previously ran the Velmar Investment Office, the authority's office in Norvik.",
            ("Velmar Investment Office", "partOf", "Velmar Investment Authority"),
        ),
        # a name whose head has a complement ("Bank of Velmar"): "the bank"
        (
            "The Bank of Velmar raised its main rate on Monday. In March the bank also named "
            "Mira Solvang as its chief economist.",
            ("Mira Solvang", "appointedBy", "Bank of Velmar"),
        ),
        # the noun with a word of the name before it
        (
            "Tomas Ekberg sits on the board of the Norvik Savings Bank. In March the savings "
            "bank appointed Mira Solvang as its treasurer.",
            ("Mira Solvang", "appointedBy", "Norvik Savings Bank"),
        ),
    ],
)
def test_a_definite_noun_refers_back_to_the_entity_whose_name_it_heads(text, relation):
    assert _has(_relations(text), *relation)


@pytest.mark.parametrize(
    "text",
    [
        # two banks in the paragraph: which one would be a guess
        "The Velmar Development Bank and the Norvik Savings Bank signed a loan accord. The "
        "bank also named Mira Solvang as its chief economist on Friday.",
        # a word before the noun that the name lacks: another bank
        "The Velmar Development Bank reported a record profit for the year. The central bank "
        "also named Mira Solvang as its chief economist on Friday.",
        # a complement after the noun that the name lacks: another bank (review r14 Z2)
        "The Norland National Bank raised rates. Across the border, the bank of Velmar named "
        "Mira Solvang as its chief economist.",
        # an indefinite noun refers to nothing named before
        "The Velmar Development Bank reported a record profit for the year. A bank in Norvik "
        "also named Mira Solvang as its chief economist on Friday.",
    ],
)
def test_a_noun_that_may_be_another_entity_refers_back_to_none(text):
    found = _relations(text)
    assert not any(p == "appointedBy" for _, p, _o in found)


@pytest.mark.parametrize(
    ("text", "entity"),
    [
        # a plural noun is not the one entity a singular name heads
        (
            "The Norvik Savings Bank reported a record profit in March. The banks have "
            "rejected the Sudrian plan for a new levy.",
            "Norvik Savings Bank",
        ),
        (
            "The Velmar Freedom Party won the election. The parties have rejected the Sudrian "
            "plan for a new levy.",
            "Velmar Freedom Party",
        ),
    ],
)
def test_a_noun_of_another_number_refers_back_to_none(text, entity):
    assert not _has(_relations(text), entity, "opposes", "Sudrian plan")


def test_a_noun_does_not_reach_past_another_entity_of_its_class():
    # "the organisation" of the union's envoy may be the union, named since
    text = (
        "The World Fisheries Organization opened an office in Norvik in May. The African "
        "Union's envoy, Tomas Ekberg, said the organisation supported the Velmar peace plan."
    )
    found = _relations(text)
    assert not _has(found, "World Fisheries Organization", "supports", "Velmar peace plan")


@pytest.mark.parametrize(
    ("text", "relation"),
    [
        # a passive "it": the force the sentence before is about, not the last country named
        (
            "The Velmar Stabilisation Force has about 900 soldiers, most of them from Norland, "
            "Sudria and Kenya. It is commanded by Major General Tomas Ekberg, a Norlandic "
            "officer.",
            ("Tomas Ekberg", "leads", "Velmar Stabilisation Force"),
        ),
        # an active "it": the council that met, not the envoys' country
        (
            "The Norvik Fisheries Council met on Monday with envoys from Norland and Sudria. It "
            "later proposed a ban on trawling near the coast.",
            ("ban", "proposedBy", "Norvik Fisheries Council"),
        ),
        # "it" is no person: a person subject before leaves it to the body named last
        (
            "Mira Solvang met the envoys of the Norvik Fisheries Council on Monday. It later "
            "proposed a ban on trawling near the coast.",
            ("ban", "proposedBy", "Norvik Fisheries Council"),
        ),
        # the clause a reporting verb after it reports: the force, not the ministry
        (
            "The Velmar Stabilisation Force will stay in the valley until May, the Norlandic "
            "defence ministry said. It is commanded by Major General Tomas Ekberg.",
            ("Tomas Ekberg", "leads", "Velmar Stabilisation Force"),
        ),
    ],
)
def test_it_opening_a_sentence_continues_the_subject_before(text, relation):
    assert _has(_relations(text), *relation)


@pytest.mark.parametrize(
    ("text", "relation"),
    [
        # after a passive with an agent, "it" may be the agent: the old reading stays
        # (review r14 Z7)
        (
            "The Nordic Summit was hosted by Norway. It will also host the Arctic Forum next year.",
            ("Norway", "hosts", "Arctic Forum"),
        ),
        (
            "The peace plan was drafted by the Nordic Council. It also proposed a ceasefire.",
            ("ceasefire", "proposedBy", "Nordic Council"),
        ),
    ],
)
def test_it_after_a_passive_with_an_agent_is_not_read_as_its_patient(text, relation):
    assert _has(_relations(text), *relation)


def test_a_passive_it_after_a_passive_with_an_agent_is_the_same_patient():
    # review r14 Z7's residue: the accord, not Sweden
    text = (
        "The Velmar Accord was signed by Norway and Sweden in May. It was rejected by Denmark a "
        "week later."
    )
    found = _relations(text)
    assert _has(found, "Denmark", "opposes", "Velmar Accord")
    assert not _has(found, "Denmark", "opposes", "Sweden")


def test_a_long_chain_of_it_is_read_without_deep_recursion():
    text = "The Norvik Fisheries Council met envoys from Norland in May. " + "It met again. " * 400
    text += "It later proposed a ban on trawling near the coast."
    _relations(text)  # no RecursionError


def test_a_noun_with_its_own_name_after_it_refers_back_to_none():
    # "the regional bloc X" names X, not the bloc named before
    text = (
        "NATO defence ministers met in Brussels on Thursday. The regional bloc Velmar Economic "
        "Community (VEC) voted against the Sudrian plan for a canal on Monday."
    )
    found = _relations(text)
    assert not any(s == "NATO" for s, _p, _o in found), found


def test_a_name_given_by_a_naming_participle_joins_the_description_it_names():
    # "the operation, known as Sea Guard": the naval operation named before is Sea Guard, so
    # what a later sentence says of "the operation" is said of Sea Guard
    text = (
        "The European Union launched a naval operation in the gulf last year. Norland, which "
        "already hosts the operation, known as Sea Guard, has pledged a second frigate. The "
        "operation is commanded by Admiral Tomas Ekberg."
    )
    found = _relations(text)
    assert _has(found, "Tomas Ekberg", "leads", "Sea Guard")
    assert not any(o == "naval operation" for _s, _p, o in found), found


def test_the_description_renamed_by_a_naming_participle_is_still_found_by_its_word():
    # "the operation" is Sea Guard, the operation named so, not the navy named last
    text = (
        "The European Union launched a naval operation in the gulf last year. Norland, which "
        "already hosts the operation, known as Sea Guard, has pledged a second frigate. The "
        "Norlandic Navy said on Monday it was ready. Sudria has refused to join the operation."
    )
    assert _has(_relations(text), "Sudria", "declines", "Sea Guard", "refused")
