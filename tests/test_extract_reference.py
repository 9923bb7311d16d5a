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


# Round 15: an entity described with a common noun where it is named ("X, a rebel group"),
# "the new minister", plural government nouns.


@pytest.mark.parametrize(
    ("text", "relation"),
    [
        # the noun in apposition after the name
        (
            "The Coastal Front, a rebel group active in the north of Norway, freed two "
            "hostages on Monday. The group's Southern Command had seized them in May.",
            ("Southern Command", "partOf", "Coastal Front"),
        ),
        # the noun as the name's predicate
        (
            "The Coastal Front is the largest rebel group in Norway. The group is led by "
            "Tomas Ekberg.",
            ("Tomas Ekberg", "leads", "Coastal Front"),
        ),
        # a noun that is no anaphor of a class
        (
            "Fjordline Energy, a utility based in Bergen, reported a loss on Monday. The "
            "utility also named Mira Solvang as its chief executive.",
            ("Mira Solvang", "appointedBy", "Fjordline Energy"),
        ),
        # the noun in apposition before the name
        (
            "Talks resumed with the country's oldest rebel group, the Coastal Front, on "
            "Monday. The group's Southern Command freed two hostages in May.",
            ("Southern Command", "partOf", "Coastal Front"),
        ),
    ],
)
def test_a_definite_noun_refers_back_to_the_entity_described_with_it(text, relation):
    assert _has(_relations(text), *relation)


@pytest.mark.parametrize(
    "text",
    [
        # two entities described as groups: which one would be a guess
        "The Coastal Front, a rebel group, freed two hostages. The Mountain Front, another "
        "rebel group, said it would talk. The group's Southern Command had seized them in May.",
        # a word before the noun that the description lacks
        "The Coastal Front, a rebel group, freed two hostages on Monday. The armed group's "
        "Southern Command had seized them in May.",
        # another entity of its class named since in the noun's paragraph
        "The Coastal Front, a rebel group, freed two hostages on Monday.\n\nThe Velmar "
        "Harbour Union met in Oslo. The group's Southern Command had seized them in May.",
    ],
)
def test_a_noun_that_may_be_another_described_entity_refers_back_to_none(text):
    found = _relations(text)
    assert not any(s == "Southern Command" and p == "partOf" for s, p, _o in found), found


@pytest.mark.parametrize(
    ("text", "relation", "not_relation"),
    [
        # the one appointed to a post with the title, not the one who held it
        (
            "The Minister of Trade, Mira Solvang, stepped down on Friday. On Saturday the "
            "president appointed Tomas Ekberg as minister of trade. The Swedish envoy, Ilse "
            "Varga, met the new Minister of Trade on Monday.",
            ("Ilse Varga", "meets", "Tomas Ekberg"),
            ("Ilse Varga", "meets", "Mira Solvang"),
        ),
        # the one given a post of the title's owner ("head of the Ministry of Trade")
        (
            "The Minister of Trade, Mira Solvang, stepped down on Friday. On Saturday the "
            "president appointed Tomas Ekberg as head of the Ministry of Trade. The Swedish "
            "envoy, Ilse Varga, met the new Minister of Trade on Monday.",
            ("Ilse Varga", "meets", "Tomas Ekberg"),
            ("Ilse Varga", "meets", "Mira Solvang"),
        ),
        # the only one given a post, to succeed the holder
        (
            "The Prime Minister, Mira Solvang, resigned on Monday. The king named Tomas Ekberg "
            "to succeed her. The new Prime Minister received the ambassador of France, Jean "
            "Moreau, on Tuesday.",
            ("Tomas Ekberg", "meets", "Jean Moreau"),
            ("Mira Solvang", "meets", "Jean Moreau"),
        ),
    ],
)
def test_the_new_holder_of_a_title_is_the_one_given_the_post(text, relation, not_relation):
    found = _relations(text)
    assert _has(found, *relation), found
    assert not _has(found, *not_relation), found


def test_the_new_holder_is_nobody_when_no_one_was_given_that_post():
    # two given other posts: "the new minister" is neither, nor the minister who resigned
    found = _relations(
        "The Minister of Finance, Mira Solvang, resigned on Monday. The king named Tomas "
        "Ekberg envoy to Sweden and Ilse Varga envoy to Denmark. Lars Holm met the new "
        "minister in Oslo."
    )
    assert not any(p == "meets" for _s, p, _o in found), found


def test_the_new_holder_with_no_one_given_a_post_reads_as_the_title():
    # no appointment in the text: "the new prime minister" is the prime minister named
    found = _relations(
        "Prime Minister Mira Solvang met Tomas Ekberg on Monday. The new prime minister also "
        "met the Swedish foreign minister, Ilse Varga."
    )
    assert _has(found, "Mira Solvang", "meets", "Ilse Varga"), found


@pytest.mark.parametrize(
    "text",
    [
        "Italy sent a frigate to the mission in May. The EU's foreign policy chief, Mira "
        "Solvang, urged governments to send more ships.",
        "Italy sent a frigate to the mission in May. Mira Solvang urged European governments "
        "to send more ships.",
    ],
)
def test_a_plural_government_noun_is_no_one_country(text):
    found = _relations(text)
    assert not _has(found, "Mira Solvang", "urges", "Italy"), found


@pytest.mark.parametrize(
    ("text", "relation"),
    [
        # the person the text gave that age
        (
            "Mira Solvang, 51, was elected leader of the Velmar Party on Sunday. The "
            "51-year-old met the Swedish trade minister, Lars Vinge, on Monday.",
            ("Mira Solvang", "meets", "Lars Vinge"),
        ),
        # no age given: read as a pronoun is (not the subject of its own clause)
        (
            "Tomas Ekberg won the vote on Sunday. President Ilse Varga later received the "
            "61-year-old at the palace.",
            ("Ilse Varga", "meets", "Tomas Ekberg"),
        ),
        # the one given a post in the sentence before, with a noun after the age
        (
            "Prime Minister Ilse Varga named Tomas Ekberg as foreign minister on Monday. The "
            "56-year-old economist will travel to Sweden next week.",
            ("Tomas Ekberg", "visits", "Sweden"),
        ),
    ],
)
def test_a_person_described_by_age_is_the_one_named_before(text, relation):
    assert _has(_relations(text), *relation)


def test_a_person_described_by_age_is_not_an_unnamed_one_of_that_age():
    found = _relations(
        "A 34-year-old man was arrested in Oslo on Sunday. Tomas Ekberg, the police chief, "
        "said the 34-year-old had met Ilse Varga."
    )
    assert not any(p == "meets" for _s, p, _o in found), found


def test_a_person_described_by_age_is_not_one_of_another_age():
    found = _relations(
        "Mira Solvang, 62, met Tomas Ekberg on Sunday. The 48-year-old will travel to Sweden "
        "next week."
    )
    assert not _has(found, "Mira Solvang", "visits", "Sweden"), found
    assert _has(found, "Tomas Ekberg", "visits", "Sweden"), found


def test_the_government_alone_is_not_a_foreign_one_named_in_passing():
    # review r15 AA4: "Sweden's government welcomed the plan" does not own the later "the
    # government" of a story about Norway
    found = _relations(
        "Norway will cut its fishing quota next year, the prime minister said on Monday. "
        "Norway's fleet is the largest in the region. Sweden's government welcomed the plan. "
        "Norway has also signed the Velmar Accord. On Tuesday the government proposed a new "
        "tax on trawlers."
    )
    assert not any(p == "proposedBy" and o == "Sweden" for _s, p, o in found), found


@pytest.mark.parametrize(
    ("text", "relation", "short"),
    [
        # the recognizer reads the short name as a person's
        (
            "Troops from eight countries will join Exercise Iron Gate in Norway. Sweden will "
            "send 300 soldiers to Iron Gate, its army said.",
            ("Sweden", "contributesTo", "Exercise Iron Gate"),
            "Iron Gate",
        ),
        (
            "Spain sent a frigate to Operation Sea Guard on Monday. India, which is not part of "
            "Sea Guard, offered a plane.",
            ("India", "partOf", "Operation Sea Guard"),
            "Sea Guard",
        ),
    ],
)
def test_a_name_without_the_class_word_it_begins_with_is_the_same_entity(text, relation, short):
    found = _relations(text)
    assert _has(found, *relation), found
    assert not any(short in (s, o) for s, _p, o in found), found


@pytest.mark.parametrize(
    ("text", "wrong"),
    [
        # a new one of the noun's kind brought in by an indefinite between (review r15 AA2)
        (
            "The Coastal Front, a rebel group, seized the port in May. A new armed group "
            "emerged in the south in June. The group's commander, Tomas Ekberg, signed the "
            "Velmar Accord.",
            ("Tomas Ekberg", "leads", "Coastal Front"),
        ),
        (
            "The Coastal Front, a rebel group, seized the port in May. Tomas Ekberg founded a "
            "rival group in June. The group is led by Mira Solvang.",
            ("Mira Solvang", "leads", "Coastal Front"),
        ),
        (
            "The Velmar Bank cut rates on Monday. A private bank in Oslo raised its rates. The "
            "bank named Tomas Ekberg as its chairman.",
            ("Tomas Ekberg", "appointedBy", "Velmar Bank"),
        ),
    ],
)
def test_a_noun_after_a_new_one_of_its_kind_does_not_refer_back_past_it(text, wrong):
    found = _relations(text)
    assert not _has(found, *wrong), found


def test_a_person_described_by_an_age_two_were_given_is_nobody():
    # review r15 AA3
    found = _relations(
        "Mira Solvang, 51, met Tomas Ekberg, 51, in Oslo. The 51-year-old will travel to Sweden."
    )
    assert not any(p == "visits" for _s, p, _o in found), found


def test_a_new_one_of_its_kind_said_in_general_in_a_quote_does_not_block():
    found = _relations(
        'The Velmar Development Bank reported a record profit. "A bank that cannot lend is a '
        'bank that fails," its chief said. The bank also named Mira Solvang as its chief '
        "economist on Friday."
    )
    assert _has(found, "Mira Solvang", "appointedBy", "Velmar Development Bank"), found


@pytest.mark.parametrize(
    "text",
    [
        # review r15 (pre-existing): no one given a post, and the holder named has left it
        "The Minister of Trade, Mira Solvang, resigned on Friday. The new government will be "
        "sworn in on Monday. The new minister met Ilse Varga.",
        "Mira Solvang stepped down as trade minister on Friday. The new trade minister met "
        "Ilse Varga on Monday.",
    ],
)
def test_the_new_holder_is_never_one_who_left_the_post(text):
    found = _relations(text)
    assert not _has(found, "Mira Solvang", "meets", "Ilse Varga"), found
