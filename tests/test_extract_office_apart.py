"""Posts and names read where round 16 missed them (round 17, x-pos): "X, until now Y," set
off from X by a comma, a commander of a force with no name, a bulleted line of the body,
"Minister Delegate", and a description that is not the "next" one named before. Each test
fails without the data or the mechanism it names."""

from __future__ import annotations

import pytest

from tests.sentences import posts as _posts
from tests.sentences import relations as _relations

pytestmark = pytest.mark.slow


# holders.py `_named_before_comma`: "X, until now Y," is X's post, not the object's of the
# verb the parser hangs the phrase on
@pytest.mark.parametrize(
    "text, holder, title, other",
    [
        (
            "Mira Solvang, until now the coast guard's chief of staff, will replace Rear "
            "Admiral Karl Brandt next week.",
            "Mira Solvang",
            "Chief of Staff",
            "Karl Brandt",
        ),
        # holders.py `_until_now`: "now" hung on the title, not on "until"
        (
            "Brigadier Solvang, until now commander of the Northern Brigade, takes over from "
            "General Karl Brandt.",
            "Solvang",
            "Commander",
            "Karl Brandt",
        ),
    ],
)
def test_a_post_until_now_is_the_named_persons(text, holder, title, other):
    found = _posts(text)
    assert found.get((holder, title), ("", ()))[1] == ("former",), found
    assert other is None or (other, title) not in found, found


def test_a_post_until_now_is_not_given_to_the_object_of_any_verb():
    # holders.py: the object holds the post only after a verb that names someone to a
    # post; here the recognizer takes the name before the comma for no person
    found = _posts(
        "Solvang, until now the coast guard's chief of staff, will replace Rear Admiral "
        "Karl Brandt next week."
    )
    assert ("Karl Brandt", "Chief of Staff") not in found, found


# lexicon.yaml `bare_leadership_titles`: whatever a person commands, they are its commander,
# though what is commanded is no entity of the text
@pytest.mark.parametrize(
    "text, holders",
    [
        (
            "The frigate's current rotation, commanded by Captain Mira Solvang, sailed from "
            "Norvik in May.",
            ["Mira Solvang"],
        ),
        (
            "Zones 3 and 4 are commanded by Velmarian Colonel Tomas Ekberg and Norlandic "
            "General Mira Solvang, respectively.",
            ["Tomas Ekberg", "Mira Solvang"],
        ),
        # leadership.py: "took command" of nothing named
        (
            "Norlandic Major General Mira Solvang took command on Friday, a month after the vote.",
            ["Mira Solvang"],
        ),
    ],
)
def test_a_commander_of_an_unnamed_force_holds_the_post(text, holders):
    found = _posts(text)
    for holder in holders:
        assert (holder, "Commander") in found, found


@pytest.mark.parametrize(
    "text",
    [
        "The coalition commands a clear majority in the assembly, Mira Solvang said.",
        # "head" is no bare title: talks and meetings are headed by people with no office
        "The first round of talks, headed by Mira Solvang, ended without a text.",
        # lexicon.yaml `bare_leadership_objects` (review AC5): what is commanded is no unit
        "Karl Brandt commands great respect among the officers of the navy.",
        "Karl Brandt, who commanded the attention of the hall, spoke for an hour.",
    ],
)
def test_no_bare_post_without_a_commanding_person(text):
    found = _posts(text)
    assert not [t for _h, t in found if t in ("Commander", "Head")], found


# lexicon.yaml `list_bullets`: a short unpunctuated line that opens with a bullet is an item
# of the body (a live blog's key points, a release's signatories), not a heading whose names
# are left to the body
@pytest.mark.parametrize(
    "text, holder, title",
    [
        (
            "Norland cabinet in crisis\n\nKey points:\n- Interior Minister Mira Solvang has "
            "stepped down\n- Talks resume on Friday\n\nThe coalition met at noon.",
            "Mira Solvang",
            "Interior Minister",
        ),
        (
            "The accord was signed in Norvik by:\n\n• Ms Mira Solvang, Minister of Fisheries\n"
            "• Mr Tomas Ekberg, Minister of Transport",
            "Tomas Ekberg",
            "Minister of Transport",
        ),
    ],
)
def test_a_bulleted_line_is_read_as_body(text, holder, title):
    assert (holder, title) in _posts(text), _posts(text)


def test_a_short_line_with_no_bullet_is_still_a_heading():
    from kg.extract.lexicon import lexicon
    from kg.extract.text import blocks

    bullets = lexicon().list_bullets
    heading, item = blocks(
        "Norland cabinet in crisis\n- Mira Solvang has resigned", bullets=bullets
    )
    assert heading.heading and not item.heading


# titles.yaml `title_postmodifiers` and pattern `postmodified`: "Minister Delegate" is one
# title, with its "in charge of" complement
@pytest.mark.parametrize(
    "text, holder, title",
    [
        (
            "The loan was signed by Mira Solvang, Velmar's Minister Delegate in charge of "
            "Fisheries, in Norvik.",
            "Mira Solvang",
            "Minister Delegate in Charge of Fisheries",
        ),
        (
            "Tomas Ekberg stays in the cabinet as Minister-Delegate for the Budget.",
            "Tomas Ekberg",
            "Minister-Delegate for the Budget",
        ),
    ],
)
def test_a_minister_delegate_is_one_title(text, holder, title):
    found = _posts(text)
    assert (holder, title) in found, found


def test_a_councillor_is_a_title():
    # titles.yaml `role_nouns`: councillor
    found = _posts("Norland's trade minister met Federal Councillor Mira Solvang in Velmar.")
    assert ("Mira Solvang", "Federal Councillor") in found, found


def test_a_description_is_not_the_next_one_named_in_an_earlier_paragraph():
    # link_descriptions.py `_differs`, lexicon.yaml `time_apart_words`: "the summit" is not
    # the "next summit" a key point named first; "the next summit" is
    found = _relations(
        "- Velmar wants the next summit held in its capital\n\nThe leaders met in Norvik on "
        "Monday, and Norland declined to attend the summit.\n\nSudria will attend the next "
        "summit, its minister said."
    )
    assert ("Norland", "declines", "summit") in found, found
    assert ("Norland", "declines", "next summit") not in found, found


def test_a_description_in_the_paragraph_of_the_next_one_is_it():
    found = _relations(
        "Norvik is to host the next summit in May. Velmar's prime minister, Mira "
        "Solvang, will chair the summit."
    )
    assert ("Mira Solvang", "chairs", "next summit") in found, found


def test_a_body_in_a_place_is_also_named_with_the_place():
    # mentions.py `_names_in_places`: "X in Y" is another name of X (its label stays X)
    from tests.sentences import names

    found = names("Staff of the Velmar Border Mission in Albania began work on Monday.")
    assert "Velmar Border Mission in Albania" in found.get("Velmar Border Mission", set()), found
    assert "Albania" in found, found


def test_the_country_a_title_is_at_is_named_too():
    # lexicon.yaml `title_place_preps`: at (the title's span took the country in)
    from tests.sentences import named

    text = "Mira Solvang, an executive director at Saudi Arabia's Velmar Fund, turned it down."
    assert named(text, "Saudi Arabia")


def test_a_name_in_a_list_of_people_is_a_persons_however_the_recognizer_read_it():
    # mentions.py `_listed_people`: the recognizer reads "Somtak Viraporn" as a body and
    # "Bounmy Khamvongsa" as a place; the list after the plural title names people (its
    # last name is read as one)
    found = _posts(
        "The energy ministers of the three states, Chile's Somtak Viraporn, Laos's Bounmy "
        "Khamvongsa and Bolivia's General Mira Solvang, signed the accord in Sucre on Friday."
    )
    for holder in ("Somtak Viraporn", "Bounmy Khamvongsa", "Mira Solvang"):
        assert (holder, "Energy Minister") in found, found


def test_a_bare_post_from_a_simple_past_was_held_then():
    # leadership.py (review AC11): "commanded the gendarmerie before ..." is a former post
    found = _posts(
        "Mira Solvang, 58, commanded the gendarmerie until she became head of the customs "
        "service in 2020."
    )
    assert found.get(("Mira Solvang", "Commander"), ("", ()))[1] == ("former",), found


def test_a_name_with_a_word_of_time_still_takes_a_later_description():
    # link_descriptions.py `_differs` (review AC6): only a description ("next summit") is
    # set apart, not a name ("the Future Security Summit")
    found = _relations(
        "Sudria will host the Future Shipping Summit in Osk in June. Tomas Ekberg will open "
        "it.\n\nVelmar said on Friday it would not attend the summit, its envoy said."
    )
    assert ("Velmar", "declines", "Future Shipping Summit") in found, found


def test_a_predecessor_holds_the_post_of_the_person_named_before_the_participle():
    # succession.py `_last_person_before`: "replacing B" hangs on the main verb, whose
    # subject is no person; the successor is the person named last before it
    found = _posts(
        "Norland was represented at the talks by its interim foreign minister, Mira Solvang, "
        "who was named in May, replacing Tomas Ekberg."
    )
    assert found.get(("Tomas Ekberg", "Interim Foreign Minister"), ("", ()))[1] == ("former",)


def test_a_post_held_hitherto_is_a_former_one():
    # titles.yaml `qualifiers`: hitherto
    found = _posts("Mira Solvang, hitherto ambassador to Peru, becomes trade minister.")
    assert found.get(("Mira Solvang", "Ambassador to Peru"), ("", ()))[1] == ("former",), found
