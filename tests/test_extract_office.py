"""Posts and the relations of office on invented sentences (round 13, x-pos): titles of
firms and of law officers, and successions written with a noun ("A, B's successor", "in
place of B"). Each test fails without the data or the mechanism it names."""

from __future__ import annotations

import pytest

from tests.sentences import has as _has
from tests.sentences import position_names as _position_names
from tests.sentences import posts as _posts
from tests.sentences import relations as _relations

pytestmark = pytest.mark.slow


@pytest.mark.parametrize(
    "text, holder, title",
    [
        # titles.yaml pattern `chief-executive`
        (
            "Orders at Velmar Steel rose, its chief executive Mira Solvang said.",
            "Mira Solvang",
            "Chief Executive",
        ),
        (
            "Mira Solvang, group chief executive of Norland Freight, will retire.",
            "Mira Solvang",
            "Group Chief Executive",
        ),
        (
            "Velmar Steel named Tomas Ekberg its chief executive last week.",
            "Tomas Ekberg",
            "Chief Executive",
        ),
        # titles.yaml `title_modifiers`: managing, financial, operating
        (
            "Shares fell after Norland Freight's managing director, Tomas Ekberg, quit.",
            "Tomas Ekberg",
            "Managing Director",
        ),
        (
            "Mira Solvang, chief financial officer of Velmar Steel, declined to comment.",
            "Mira Solvang",
            "Chief Financial Officer",
        ),
        # titles.yaml `title_modifiers`: group, where the parser makes it no compound
        (
            "Since May the steelmaker has been led by group chief executive Tomas Ekberg.",
            "Tomas Ekberg",
            "Group Chief Executive",
        ),
        # titles.yaml `title_modifiers`: attorney, auditor, solicitor ("General" is no rank)
        (
            "Kenya's Attorney General Mira Solvang dropped the charges.",
            "Mira Solvang",
            "Attorney General",
        ),
        (
            "In a report, Auditor General Tomas Ekberg faulted the ministry.",
            "Tomas Ekberg",
            "Auditor General",
        ),
    ],
)
def test_titles_of_firms_and_of_law_officers_are_read_whole(text, holder, title):
    found = _posts(text)
    assert (holder, title) in found, found


def test_an_executive_alone_is_no_post():
    # "executive" is a post only after "chief": "the Norlandic Executive" is a government
    found = _posts("Mira Solvang said the Norlandic Executive had approved the budget.")
    assert not any("Executive" in title for _h, title in found), found


@pytest.mark.parametrize(
    "text, modality",
    [
        # succession.py: a successor noun in apposition, either way
        ("Mira Solvang, Tomas Ekberg's successor, opened the session.", "asserted"),
        ("The successor to Tomas Ekberg, Mira Solvang, opened the session.", "asserted"),
        # ... as the "as" complement of a verb, whose object is the successor
        ("The council picked Mira Solvang as successor to Tomas Ekberg on Friday.", "asserted"),
        ("Mira Solvang was confirmed as the successor of Tomas Ekberg in a vote.", "asserted"),
        # lexicon `nominating_verbs`: put forward, not appointed
        (
            "Tomas Ekberg will retire in May. His party has put forward Mira Solvang as his "
            "successor.",
            "planned",
        ),
        # lexicon `hedging_as_verbs` (review r13 Y6): an opinion, not a fact
        ("In the party Mira Solvang is widely seen as Tomas Ekberg's successor.", "possible"),
        ("Mira Solvang has been tipped as successor to Tomas Ekberg by several aides.", "possible"),
        # lexicon `in_place_nouns`, after "in" (names.py: the name after it is a person's)
        (
            "The cabinet appointed Mira Solvang as army commander in place of Tomas Ekberg.",
            "asserted",
        ),
    ],
)
def test_a_successor_noun_or_in_place_of_states_the_succession(text, modality):
    assert _has(_relations(text), "Mira Solvang", "succeeds", "Tomas Ekberg", modality)


@pytest.mark.parametrize(
    "text",
    [
        # lexicon `hedged_successor_words`
        "Mira Solvang, a possible successor to Tomas Ekberg, declined to comment.",
        # negated
        "Mira Solvang was not chosen as successor to Tomas Ekberg.",
        # "place" not after "in"
        "The talks took place at the home of Tomas Ekberg, Mira Solvang said.",
        # no verb that puts someone into a post: a stand-in
        "The deputy foreign minister, Mira Solvang, spoke at the summit in place of Tomas "
        "Ekberg, who was ill.",
    ],
)
def test_a_hedged_or_negated_successor_states_no_succession(text):
    found = _relations(text)
    assert not any(p == "succeeds" for _s, p, _o in found), found


def test_in_place_of_is_no_part_of_the_title():
    # titles.yaml `written_stops`: place, stead, lieu
    found = _posts("The cabinet appointed Mira Solvang as army commander in place of Tomas Ekberg.")
    assert not any("Place" in title for _h, title in found), found


def test_the_possessor_of_an_as_complement_is_not_the_object_it_describes():
    # pronouns.py `_described`: "his" is not Mira Solvang, whom "as his successor" describes
    found = _relations(
        "Tomas Ekberg, the chairman of Velmar Steel, is retiring. The board has chosen Mira "
        "Solvang as his successor."
    )
    assert _has(found, "Mira Solvang", "succeeds", "Tomas Ekberg"), found


@pytest.mark.parametrize(
    "text, title",
    [
        ("The army chief, General Mira Solvang, rejected the charges.", "Army Chief"),
        ("The party leader, Mira Solvang, rejected the charges.", "Party Leader"),
    ],
)
def test_a_title_opening_a_sentence_keeps_its_first_word(text, title):
    # titles.py `_trim`: "The" opening a sentence is title-case but names nothing
    found = _posts(text)
    assert ("Mira Solvang", title) in found, found


@pytest.mark.parametrize(
    "text, body",
    [
        # frames/objects.py `post_owner`: the post as the verb's object complement
        (
            "After two rounds, Mira Solvang was elected chair of the Velmar Trade Board.",
            "Velmar Trade Board",
        ),
        (
            "Delegates on Friday re-elected Mira Solvang president of the Nordic Chess Federation.",
            "Nordic Chess Federation",
        ),
        # ... and a post no owner is named with is the electing body's
        (
            "In a secret ballot the Northern Council elected Mira Solvang as treasurer.",
            "Northern Council",
        ),
    ],
)
def test_who_is_elected_to_a_bodys_post_is_elected_to_the_body(text, body):
    assert _has(_relations(text), "Mira Solvang", "electedTo", body)


def test_people_who_elect_give_no_body_to_an_unowned_post():
    found = _relations("On Sunday voters in the port city elected Mira Solvang as mayor.")
    assert not any(p == "electedTo" for _s, p, _o in found), found


@pytest.mark.parametrize(
    "text, alias",
    [
        (
            "Talks went on, the British High Commissioner, Mira Solvang, told us.",
            "British High Commissioner",
        ),
        (
            "Nothing was agreed, EU foreign policy chief Mira Solvang said.",
            "EU foreign policy chief",
        ),
    ],
)
def test_a_title_written_after_its_owner_keeps_that_form_as_another_name(text, alias):
    # positions.py `_written_after_owner`
    names = _position_names(text)
    assert alias in names, names


# Round 14 (x-pos)


def _held(text: str) -> dict[str, set[tuple[str, str | None]]]:
    """holder -> {(title label, owner label or None)} of each holdsPosition."""
    from kg.extract.pipeline import extract

    st = extract(text, "t")
    label = {e.id: e.label for e in st.entities}
    owner = {r.subject: label[r.object] for r in st.relations if r.predicate == "positionIn"}
    out: dict[str, set[tuple[str, str | None]]] = {}
    for r in st.relations:
        if r.predicate == "holdsPosition":
            out.setdefault(label[r.subject], set()).add((label[r.object], owner.get(r.object)))
    return out


@pytest.mark.parametrize(
    "text, holder, title, qualifiers",
    [
        # syntax/repair.py `_title_read_as_gerund`: "as managing director" parsed as a
        # gerund with an object
        (
            "The board appointed Tomas Ekberg, 61, as managing director of Velmar Freight.",
            "Tomas Ekberg",
            "Managing Director",
            (),
        ),
        (
            "The board chose Mira Solvang, a veteran banker, as managing director of Norland"
            " Credit, replacing Tomas Ekberg.",
            "Tomas Ekberg",
            "Managing Director",
            ("former",),
        ),
    ],
)
def test_a_title_read_as_a_gerund_after_as_is_the_post(text, holder, title, qualifiers):
    found = _posts(text)
    assert found.get((holder, title)) == ("asserted", qualifiers), found


@pytest.mark.parametrize(
    "text, title",
    [
        # phrases/titles.py `_hyphen_start`: every hyphenated half, and the words before it
        (
            "Tomas Ekberg, the Under-Secretary-General for Disarmament Affairs, landed in Oslo.",
            "Under-Secretary-General for Disarmament Affairs",
        ),
        (
            "Assistant Secretary-General for Legal Affairs Tomas Ekberg opened the session.",
            "Assistant Secretary-General for Legal Affairs",
        ),
    ],
)
def test_a_title_of_several_hyphenated_halves_is_read_whole(text, title):
    assert ("Tomas Ekberg", title) in _posts(text), _posts(text)


@pytest.mark.parametrize(
    "text, holder, title",
    [
        # lexicon `led_body_nouns`: a body known by its noun only
        (
            "The consortium, chaired by Mira Solvang, expects to finish the line in 2029.",
            "Mira Solvang",
            "Chair of the Consortium",
        ),
        (
            "Norland's negotiating team will be led by Tomas Ekberg when the talks resume.",
            "Tomas Ekberg",
            "Head of the Negotiating Team",
        ),
        (
            "A technical committee co-chaired by Mira Solvang and Tomas Ekberg will report"
            " in June.",
            "Tomas Ekberg",
            "Co-chair of the Technical Committee",
        ),
    ],
)
def test_who_leads_a_body_known_by_its_noun_holds_its_post(text, holder, title):
    found = _posts(text)
    assert (holder, title) in found, found


def test_leading_an_event_known_by_its_noun_is_no_post():
    assert not _posts("Talks led by Mira Solvang ended without a deal on Friday.")


@pytest.mark.parametrize(
    "text, held",
    [
        # lists.py `_people_each_of`: a plural title over people each named with "of"
        (
            "Prime Ministers Mira Solvang of Chile and Tomas Ekberg of Peru opened the bridge.",
            {"Mira Solvang": "Chile", "Tomas Ekberg": "Peru"},
        ),
        (
            "The trade ministers, Mira Solvang of Ghana and Tomas Ekberg of Togo, disagreed.",
            {"Mira Solvang": "Ghana", "Tomas Ekberg": "Togo"},
        ),
    ],
)
def test_a_plural_title_over_people_each_of_a_country_pairs_them(text, held):
    found = _held(text)
    for person, owner in held.items():
        assert any(o == owner for _t, o in found.get(person, ())), found


@pytest.mark.parametrize(
    "text, alias",
    [
        # positions.py `_written_after_ministry`
        (
            "Velmar's Ministry of Foreign Affairs summoned the envoy. Its spokesperson, Ilse"
            " Varga, gave no reason.",
            "foreign ministry spokesperson",
        ),
        (
            "Norland's defence ministry denied the report, its spokesman, Tomas Ekberg, said.",
            "defence ministry spokesman",
        ),
    ],
)
def test_a_title_of_a_ministry_is_also_written_after_its_field(text, alias):
    names = _position_names(text)
    assert alias in names, names


@pytest.mark.parametrize(
    "text, holder, title, qualifiers",
    [
        # titles.yaml role_nouns: ceo, cfo
        (
            "Shares of Velmar Steel rose after its CEO, Mira Solvang, quit.",
            "Mira Solvang",
            "CEO",
            (),
        ),
        ("Norland Freight CFO Tomas Ekberg will retire in June.", "Tomas Ekberg", "CFO", ()),
        # titles.yaml pattern `elect`
        (
            "Sudria's President-elect Tomas Ekberg picked his cabinet on Sunday.",
            "Tomas Ekberg",
            "President-elect",
            ("elect",),
        ),
    ],
)
def test_abbreviated_and_elect_titles_are_posts(text, holder, title, qualifiers):
    found = _posts(text)
    assert found.get((holder, title)) == ("asserted", qualifiers), found


def test_who_is_elect_leads_nothing_yet():
    found = _relations("Sudria's President-elect Tomas Ekberg picked his cabinet on Sunday.")
    assert not any(p == "leads" for _s, p, _o in found), found


@pytest.mark.parametrize(
    "text, new, old, title, level",
    [
        # holders.py `_successor_as`: the post after a successor noun's "as"
        (
            "Mira Solvang, Harald Moen's successor as defence minister, arrived late.",
            "Mira Solvang",
            "Harald Moen",
            "Defence Minister",
            "asserted",
        ),
        (
            "The board chose Mira Solvang as Tomas Ekberg's successor as chief executive.",
            "Mira Solvang",
            "Tomas Ekberg",
            "Chief Executive",
            "asserted",
        ),
        # succession.py: whom one takes over from, written after the post's words
        (
            "Ilse Varga took over as chair of the Norland Port Council from Tomas Ekberg on"
            " Monday.",
            "Ilse Varga",
            "Tomas Ekberg",
            "Chair",
            "asserted",
        ),
        # phrases/names.py `_in_succession`: who succeeds into a post is a person
        (
            "Ilse Varga replaced Tomas Ekberg as chair of the Norland Port Council on Monday.",
            "Ilse Varga",
            "Tomas Ekberg",
            "Chair",
            "asserted",
        ),
        (
            "Ilse Varga replaced Jonas Lindqvist as defence minister in a reshuffle.",
            "Ilse Varga",
            "Jonas Lindqvist",
            "Defence Minister",
            "asserted",
        ),
    ],
)
def test_who_succeeds_into_a_post_holds_it_and_the_predecessor_held_it(
    text, new, old, title, level
):
    found = _posts(text)
    assert found.get((new, title), ("",))[0] == level, found
    assert found.get((old, title)) == ("asserted", ("former",)), found
    assert _has(_relations(text), new, "succeeds", old)


def test_a_proposed_successor_as_a_post_holds_it_as_planned():
    found = _posts("Norland proposed Mira Solvang as Tomas Ekberg's successor as governor.")
    assert found.get(("Mira Solvang", "Governor")) == ("planned", ()), found


@pytest.mark.parametrize(
    "text, title",
    [
        # leadership.py `_split_prefix_noun`: "co" and "chaired" parsed apart
        (
            "Tariff disputes now go to a standing panel co-chaired by Mira Solvang and Tomas"
            " Ekberg.",
            "Co-chair of the Standing Panel",
        ),
        # leadership.py `_people`: the second title coordinated with the first name
        (
            "Since 2021 the audit panel has been chaired by a judge, Mira Solvang, and a"
            " banker, Tomas Ekberg.",
            "Chair",
        ),
    ],
)
def test_each_of_two_people_leading_a_body_holds_its_post(text, title):
    found = _posts(text)
    assert ("Mira Solvang", title) in found and ("Tomas Ekberg", title) in found, found


def test_who_leaves_a_post_written_as_its_complement_is_a_person():
    # phrases/names.py `_in_succession`: frames.yaml post_verbs with "as" and a title
    found = _posts("Ilse Varga resigned as chair of the Velmar Port Council on Friday.")
    assert found.get(("Ilse Varga", "Chair")) == ("asserted", ("former",)), found


def test_a_post_of_a_body_known_by_its_noun_is_also_written_with_its_leaders_noun():
    # lexicon `led_body_nouns` (opposition), `led_body_titles`
    names = _position_names(
        "Since March the opposition has been led by Ilse Varga, a former judge."
    )
    assert {"leader of the opposition", "opposition leader"} <= names, names


@pytest.mark.parametrize(
    "text",
    [
        # lexicon `role_prepositions_with`: "at the head of X" puts one into X's post
        "Last week the cabinet appointed Ilse Varga at the head of Norland's Ministry of"
        " Fisheries.",
        "Mira Solvang was placed at the head of a new Ministry of Fisheries after the vote.",
    ],
)
def test_at_the_head_of_a_ministry_is_its_post_and_its_ministers(text):
    from kg.extract.pipeline import extract

    st = extract(text, "t")
    label = {e.id: e for e in st.entities}
    held = [label[r.object] for r in st.relations if r.predicate == "holdsPosition"]
    names = {a for e in held for a in (e.label, *e.aliases)}
    # positions.py `_written_after_ministry`, lexicon `ministry_head_titles`
    assert {"Head", "minister of fisheries", "fisheries minister"} <= names, names


def test_a_group_named_by_its_members_is_no_office():
    # review Z1: "led a team of engineers" is a one-off act
    assert not _posts("Mira Solvang led a team of engineers to the dam.")


def test_a_body_known_by_its_noun_belongs_to_its_possessor():
    # review Z1: "Norland's negotiating team" is Norland's
    found = _held("Norland's negotiating team will be led by Tomas Ekberg when the talks resume.")
    assert ("Head of the Negotiating Team", "Norland") in found.get("Tomas Ekberg", set()), found


def test_who_succeeds_a_known_person_is_a_person():
    # phrases/names.py `_in_succession`: the recognizer reads the first name as a body
    found = _relations("Ilse Varga will succeed Tomas Ekberg at the end of the month.")
    assert _has(found, "Ilse Varga", "succeeds", "Tomas Ekberg", "planned"), found


def test_an_undersecretary_holds_a_post():
    # titles.yaml role_nouns: undersecretary
    text = "Tomas Ekberg, Norland's undersecretary for mining, toured the mine."
    assert any(h == "Tomas Ekberg" and "Undersecretary" in t for h, t in _posts(text)), _posts(text)


@pytest.mark.parametrize(
    "text, holder, title",
    [
        # leadership.py `portfolios`, lexicon `portfolio_nouns`, `portfolio_verbs`
        (
            "Tomas Ekberg was given the finance portfolio in the reshuffle.",
            "Tomas Ekberg",
            "Finance Minister",
        ),
        (
            "Ilse Varga, who took the foreign affairs portfolio in the new cabinet, flew to Oslo.",
            "Ilse Varga",
            "Foreign Affairs Minister",
        ),
    ],
)
def test_who_holds_a_portfolio_is_its_minister(text, holder, title):
    found = _posts(text)
    assert found.get((holder, title)) == ("asserted", ()), found


@pytest.mark.parametrize(
    "text",
    [
        "After the vote Tomas Ekberg kept his portfolio.",
        # review Z6: no government's portfolio
        "Tomas Ekberg, a fund manager, handles a bond portfolio for the Velmar Fund.",
        "Mira Solvang, who manages the fund, will take the investment portfolio in May.",
    ],
)
def test_a_portfolio_of_no_ministry_is_no_post(text):
    assert not _posts(text)


def test_a_commissioners_portfolio_is_no_ministry():
    # review Z6: lexicon `portfolio_not_holders`
    found = _posts("Mira Solvang, an EU commissioner, handles the trade portfolio.")
    assert not any("Minister" in t for _h, t in found), found


@pytest.mark.parametrize(
    "text",
    [
        # phrases/names.py `_name_of_country`: "A of Bolivia" read as one body
        "Ilse Varga of Bolivia and Jonas Berg of Sweden will co-host the forum in June.",
        "Delegates cheered Jonas Berg of Sweden and Ilse Varga of Bolivia on Friday.",
    ],
)
def test_a_name_with_its_country_beside_another_person_is_a_person(text):
    from kg.extract.pipeline import extract

    classes = {e.label: e.cls for e in extract(text, "t").entities}
    assert classes.get("Ilse Varga") == "Person" and classes.get("Bolivia") == "Country", classes
