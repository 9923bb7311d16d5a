"""Posts read from more than one place on invented sentences (round 15, x-pos): a plural
title whose holders are named in the sentences after it, and a post held as a term of office
("holds the rotating presidency of X"). Each test fails without the data or the mechanism
it names."""

from __future__ import annotations

import pytest

from tests.sentences import has as _has
from tests.sentences import posts as _posts
from tests.sentences import relations as _relations

pytestmark = pytest.mark.slow


# constructions/elsewhere.py: the holders of "the X ministers of A, B and C" named later as
# "A's P", "B's Q"
@pytest.mark.parametrize(
    "text",
    [
        "On Monday the energy ministers of Chile, Peru and Norway gathered in Lima. Chile's "
        "Ana Ortiz, Peru's Pedro Alves and Norway's Erik Dahl later initialled a joint text.",
        # in the next paragraph, after a sentence of something else
        "The energy ministers of Chile, Peru and Norway spent two days in Porto.\n\nNo date "
        "was set for a second round. Chile's Ana Ortiz called the outcome fair, Peru's Pedro "
        "Alves praised the hosts and Norway's Erik Dahl stayed silent.",
    ],
)
def test_a_plural_titles_holders_named_after_it_hold_it(text):
    found = _relations(text)
    for person in ("Ana Ortiz", "Pedro Alves", "Erik Dahl"):
        assert _has(found, person, "holdsPosition", "Energy Minister"), person
    positions = {(s, o) for (s, p, o) in found if p == "positionIn"}
    assert positions == {
        ("Energy Minister", "Chile"),
        ("Energy Minister", "Peru"),
        ("Energy Minister", "Norway"),
    }


@pytest.mark.parametrize(
    "text, holder",
    [
        # one owner named so: whose post it is is a guess
        (
            "The trade ministers of Chile and Peru met on Monday. Chile's Ana Ortiz said the "
            "talks had gone well.",
            "Ana Ortiz",
        ),
        # two people of one owner: whose is whose is unknown
        (
            "The trade ministers of Chile and Peru met on Monday. Chile's Ana Ortiz and Chile's "
            "Erik Dahl attended, as did Peru's Pedro Alves.",
            "Pedro Alves",
        ),
        # a title of their own in apposition
        (
            "The trade ministers of Chile and Peru met on Monday. Chile's Ana Ortiz, the central "
            "bank governor, and Peru's Pedro Alves, a senator, also spoke.",
            "Pedro Alves",
        ),
        # described otherwise (review AA6)
        (
            "The trade ministers of Chile and Peru met on Monday. Protesters outside included "
            "Chile's Ana Ortiz and Peru's Pedro Alves, two student leaders.",
            "Pedro Alves",
        ),
        # too many sentences later (titles.yaml `windows.later_sentences`)
        (
            "The trade ministers of Chile and Peru met on Monday. It rained. The hall was cold. "
            "The food was late. Chile's Ana Ortiz and Peru's Pedro Alves then left.",
            "Pedro Alves",
        ),
    ],
)
def test_a_plural_title_named_later_needs_each_owner_once(text, holder):
    posts = _posts(text)
    assert not any(title == "Trade Minister" for (_who, title) in posts), posts
    assert not any(who == holder and "Minister" in title for (who, title) in posts)


# lexicon `leadership_nouns` and `leadership_taking_verbs`: a term of office held
@pytest.mark.parametrize(
    "text, holder, title, qualifiers",
    [
        (
            "Mira Solvang, who holds the rotating presidency of the Nordic Council, opened "
            "the meeting.",
            "Mira Solvang",
            "President",
            (),
        ),
        (
            "Mira Solvang, Chile's president, has held the chairmanship of the Northern Council "
            "since July and will host the talks.",
            "Mira Solvang",
            "Chairman",
            (),
        ),
        # lexicon `leadership_holding_verbs`: a simple past ends the term
        (
            "Before her election, Mira Solvang held the presidency of the Nordic Council.",
            "Mira Solvang",
            "President",
            ("former",),
        ),
        (
            "Mira Solvang, who held the chairmanship of the Northern Council until 2019, "
            "returned to the senate.",
            "Mira Solvang",
            "Chairman",
            ("former",),
        ),
    ],
)
def test_a_term_of_office_held_is_a_post(text, holder, title, qualifiers):
    posts = _posts(text)
    assert posts.get((holder, title)) == ("asserted", qualifiers), posts


def test_a_country_holding_a_presidency_holds_no_post():
    posts = _posts("Chile holds the rotating presidency of the Northern Council this year.")
    assert posts == {}


# constructions/elsewhere.py `described_holder`: "The former X" as a subject, after one person
def test_a_former_title_said_of_the_person_just_named_is_theirs():
    text = (
        'Ana Ortiz won the vote on Sunday. "We will govern for everyone," Ortiz told '
        'supporters. "Nobody will be left behind." The former foreign minister, who '
        "entered parliament in 2015, said she would open talks on Tuesday."
    )
    assert _posts(text).get(("Ana Ortiz", "Foreign Minister")) == ("asserted", ("former",))


@pytest.mark.parametrize(
    "text",
    [
        # two people named before: which one?
        "Ana Ortiz met Erik Dahl in Lima on Sunday. The former foreign minister said the "
        "talks went well.",
        # a pronoun for another person before it: either may be meant
        "Ana Ortiz was elected on Friday after a long count. The vote was close. She "
        "replaces Erik Dahl, whose term ended in June. The former minister said she would "
        "start at once.",
        # no "former": the post of someone else ("congratulated her")
        "Ana Ortiz won the vote on Sunday. The foreign minister congratulated her.",
        # too far back (titles.yaml `windows.described_sentences`)
        "Ana Ortiz won the vote on Sunday. It rained. The hall was cold. The food was late. "
        "The former foreign minister then left.",
        # no subject: someone she thanked
        "Ana Ortiz won the vote on Sunday. She thanked the former foreign minister for his help.",
    ],
)
def test_a_title_described_is_no_post_of_the_wrong_person(text):
    assert not any(title in ("Foreign Minister", "Minister") for (_who, title) in _posts(text))


def _post_names(text: str) -> dict[str, set[str]]:
    """Position label -> its label and aliases (of each position kg finds)."""
    from kg.extract.pipeline import extract

    st = extract(text, "t")
    out: dict[str, set[str]] = {}
    for e in st.entities:
        if e.cls == "Position":
            out.setdefault(e.label, set()).update({e.label, *e.aliases})
    return out


# constructions/postings.py, lexicon `posted_titles`: an ambassador's posting from the dateline
def test_a_foreign_ambassador_in_a_datelined_capital_is_posted_there():
    text = (
        "Chile recalls envoy\n\n"
        "SANTIAGO, May 2 (Norpress) - Chile on Friday summoned a diplomat over the dispute. "
        "The Peruvian ambassador, Erik Dahl, was received at the foreign ministry."
    )
    assert "ambassador to Chile" in _post_names(text)["Ambassador"]


@pytest.mark.parametrize(
    "text",
    [
        # a dateline that is no capital of a country
        "Talks resume\n\nGENEVA, May 2 (Norpress) - Talks resumed on Friday. The Peruvian "
        "ambassador, Erik Dahl, said little.",
        # the host country named nowhere but in the dateline
        "Talks resume\n\nPARIS, May 2 (Norpress) - Talks resumed on Friday. The Peruvian "
        "ambassador, Erik Dahl, said little.",
        # the country's own ambassador
        "Talks resume\n\nLIMA, May 2 (Norpress) - Peru hosted talks on Friday. The Peruvian "
        "ambassador, Erik Dahl, said little.",
    ],
)
def test_no_posting_without_a_host(text):
    names = _post_names(text)
    assert not any(" to " in n for ns in names.values() for n in ns), names


# holders.py `_last_conjunct_before`: the parser hangs the title on the first of the list
@pytest.mark.parametrize(
    "text, holder, other",
    [
        (
            "The accord was signed on Friday by Mira Solvang and Lwazi Mthembu, the Chilean "
            "defence minister.",
            "Lwazi Mthembu",
            "Mira Solvang",
        ),
        (
            "The talks brought together Mira Solvang and Haruto Kanemoto, the Peruvian "
            "defence minister.",
            "Haruto Kanemoto",
            "Mira Solvang",
        ),
    ],
)
def test_a_title_after_a_list_of_people_is_the_last_ones(text, holder, other):
    posts = _posts(text)
    assert (holder, "Defence Minister") in posts, posts
    assert (other, "Defence Minister") not in posts, posts


# phrases/names.py: a whole name read as an unknown place, last of a list of people, before a
# title in apposition, is a person's
def test_a_name_read_as_a_place_before_a_title_after_a_person_is_a_person():
    text = (
        "The accord was signed by Mira Solvang and Oyelaran Adeyemi, Morocco's defence "
        "minister, on Friday."
    )
    posts = _posts(text)
    assert ("Oyelaran Adeyemi", "Defence Minister") in posts, posts
    assert ("Mira Solvang", "Defence Minister") not in posts, posts


# phrases/names.py: a name the recognizer drops, a preposition's object with a qualified title
# in apposition ("by A, a former governor of X,")
@pytest.mark.parametrize(
    "text, title",
    [
        (
            "Its committee will be headed by Tadala Phiri, a former deputy governor of the "
            "state bank.",
            "Deputy Governor of the State Bank",
        ),
        (
            "The talks will be mediated by Tadala Phiri, a former president of the court, and "
            "by Erik Dahl.",
            "President of the Court",
        ),
    ],
)
def test_a_dropped_name_with_a_former_title_after_a_preposition_is_a_person(text, title):
    posts = _posts(text)
    assert "former" in posts.get(("Tadala Phiri", title), ("", ()))[1], posts


def test_a_place_before_a_clause_is_no_person():
    # a place before a clause's subject (no apposition to it) stays a place
    assert _posts("Speaking in Velmar City, the acting mayor said the port would reopen.") == {}


# frames.yaml `state_end_preps`: "until next year" ends a state that holds now, no plan
@pytest.mark.parametrize(
    "text, title",
    [
        (
            "Mira Solvang, who chairs the Northern Council until next year, will travel to Oslo "
            "in May.",
            "Chair",
        ),
        (
            "Mira Solvang leads the Northern Council until next year, when Sweden takes over.",
            "Head",
        ),
    ],
)
def test_a_post_held_until_a_date_ahead_is_held_now(text, title):
    found = _relations(text)
    assert found.get(("Mira Solvang", "holdsPosition", title)) == "asserted", found
    assert found.get(("Mira Solvang", "leads", "Northern Council")) == "asserted", found
