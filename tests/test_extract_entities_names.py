"""Entities a reader names that kg missed or named otherwise (round 14, issue 10): a body
named by a head noun the lexicon lacked (a presidency), and the other ways a name is
written (without who leads or backs it, a party without its class noun).
Invented sentences; each test fails without the mechanism it names."""

from __future__ import annotations

import pytest

from tests.sentences import has, relations
from tests.sentences import named as _named
from tests.sentences import names as _names

pytestmark = pytest.mark.slow


# -- bodies by their head noun (lexicon head_classes) -----------------------------------------


@pytest.mark.parametrize(
    ("text", "name"),
    [
        # a presidency named with its country's form of state
        (
            "A decree signed on Tuesday was published by the Presidency of the Republic, "
            "which gave no reason for the delay.",
            "Presidency of the Republic",
        ),
        # ... and with the name that owns it
        (
            "Late on Sunday, Norland's Presidency confirmed that the talks had failed.",
            "Norland's Presidency",
        ),
    ],
)
def test_bodies_named_by_their_head_noun(text, name):
    assert _named(text, name)


@pytest.mark.parametrize(
    ("words", "cls"),
    [
        ("Velmar Framework on Fisheries", "Plan"),
        ("Norland Office for Rural Affairs", "GovernmentBody"),
        ("Committee on Ports and Harbours", "GovernmentBody"),
        # the word before the preposition names no class: the last word, as written
        ("Velmar Movement for Democracy Party", "PoliticalParty"),
        ("Velmar Centre for Fisheries", None),
        # nor an event's word: "the Forum for Democratic Change" is a party (review AC17)
        ("Forum for Democratic Change", None),
        ("Velmar Conference on Disarmament", None),
    ],
)
def test_the_head_word_before_a_complement_on_or_for_names_the_class(words, cls):
    """lexicon head_complement_preps: "on" and "for" open a name's complement, as "of" does,
    when the word before them is a head word of a class of `head_complement_classes`."""
    from kg.extract.words import head_class

    assert head_class(words.split()) == cls


# -- the other ways a name is written (words.name_variants) -----------------------------------


def test_a_name_without_who_leads_it():
    text = "Norway pledged fresh funds for the Norland-led Velmar Stabilisation Mission on Friday."
    names = _names(text)
    assert any(
        "Velmar Stabilisation Mission" in n and any("Norland-led" in a for a in n)
        for n in names.values()
    ), names


def test_a_party_without_its_class_noun():
    text = "Mira Solvang, leader of the opposition Velmar Renewal party, resigned on Monday."
    names = _names(text)
    assert any({"Velmar Renewal party", "Velmar Renewal"} <= n for n in names.values()), names


@pytest.mark.parametrize(
    ("text", "variants"),
    [
        ("Norland-led Velmar Support Mission", ["Velmar Support Mission"]),
        ("Sudria-backed Freedom Front", ["Freedom Front"]),
        ("Blue Dawn party", ["Blue Dawn"]),
        ("blue dawn party", []),  # a description, not a name
        ("Velmar Support Mission", []),
        ("well-led mission", []),
        ("Norland-led force", []),  # no name without its leader
        ("Norland-led naval partnership", []),
    ],
)
def test_name_variants(text, variants):
    from kg.extract.words import name_variants

    assert name_variants(text) == variants


# -- places the recognizer reads as products (mentions.MISREAD_PLACES) ------------------------


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("The Valdo training area was closed to hikers for a week.", "Valdo training area"),
        ("Flooding near the Valdo dam forced hundreds from their homes.", "Valdo dam"),
    ],
)
def test_a_place_read_as_a_product_is_named_with_its_place_noun(text, name):
    from kg.extract.pipeline import extract

    st = extract(text, "t")
    assert any(e.label == name and e.cls == "Region" for e in st.entities), st.entities


@pytest.mark.parametrize(
    "text",
    [
        "The F-35 base at Orland was expanded last year.",
        "The Airbus A400M base in Velmar was closed.",
    ],
)
def test_a_models_code_before_a_place_noun_names_no_place(text):
    from kg.extract.pipeline import extract

    st = extract(text, "t")
    assert not any(e.cls == "Region" and any(c.isdigit() for c in e.label) for e in st.entities)


def test_a_presidency_in_lower_case_is_a_term_not_a_body():
    from kg.extract.pipeline import extract

    st = extract(
        "During the Norlandic presidency of the Nordic Council, Sweden rejected the Velmar Accord.",
        "t",
    )
    assert not any("presidency" in e.label.lower() for e in st.entities), st.entities


# -- a name written only before the class noun of its phrase (link._inside_phrases) ----------


def _labelled(text: str) -> dict[str, str]:
    from kg.extract.pipeline import extract

    return {e.label: e.cls for e in extract(text, "t").entities}


@pytest.mark.parametrize(
    ("text", "label", "cls"),
    [
        # the recognizer reads the name as a person's: the head noun gives the class
        (
            "The developers, the Tovan consortium, are in talks with two Gulf buyers.",
            "Tovan consortium",
            "Organization",
        ),
        # the label is the phrase: an exported label keeps its class noun ("Karvel" alone
        # stays an alias of it)
        (
            "Sudria has not been asked, and its Karvel administration, which runs the "
            "northern districts, did not reply.",
            "Karvel administration",
            "GovernmentBody",
        ),
    ],
)
def test_a_name_written_only_before_a_class_noun_is_named_with_it(text, label, cls):
    found = _labelled(text)
    assert found.get(label) == cls, found


def test_a_name_also_written_alone_keeps_its_own_label():
    found = _labelled("Velcom said on Monday that the Velcom summit would open in Ostrava in May.")
    assert "Velcom" in found and "Velcom summit" not in found, found


# -- proper nouns the recognizer left unlabelled (mentions._unlabelled_names) ----------------


@pytest.mark.parametrize(
    ("text", "label", "cls"),
    [
        # the subject opening a sentence, with an apposition
        (
            "Drelvac, a state grid operator, has asked the regulator for more time.",
            "Drelvac",
            "Organization",
        ),
        # after a preposition of place (lexicon unlabelled_place_preps)
        ("The convoy reached Tshembagu from Korodu late on Tuesday.", "Korodu", "City"),
        # an acronym begins the name
        (
            "Velgaz, whose DK Transgaz runs the terminal, said little.",
            "DK Transgaz",
            "Organization",
        ),
    ],
)
def test_a_proper_noun_the_recognizer_left_unlabelled_is_a_name(text, label, cls):
    found = _labelled(text)
    assert found.get(label) == cls, found


@pytest.mark.parametrize(
    "text",
    [
        # an English word capitalised at the start of a sentence, read as a proper noun
        "The handover went smoothly. Frequency on the two networks has held since.",
        # a heading's word before a colon
        "- Explainer: what the new border regime changes for traders",
    ],
)
def test_a_capitalised_common_word_is_no_name(text):
    found = _labelled(text)
    assert not {"Frequency", "Explainer"} & set(found), found


# -- a name misread as a nationality or a product after a place's preposition ----------------


def _mentions_with(text: str, word: str, label: str):
    """The mentions of `text` when the recognizer reads `word` (and nothing else) as `label`."""
    from spacy.tokens import Span

    from kg.extract.mentions import find_mentions
    from kg.extract.nlp import load_pipeline

    doc = load_pipeline()(text)
    i = next(t.i for t in doc if t.text == word)
    doc.ents = [Span(doc, i, i + 1, label=label)]
    return find_mentions(doc, 0, 0, dict.fromkeys(range(len(doc)), 0), 0)


@pytest.mark.parametrize("label", ["NORP", "PRODUCT"])
def test_a_name_misread_after_a_place_preposition_is_a_place(label):
    found = _mentions_with(
        "Norland will host a new training centre in Qikarvik, the minister said.", "Qikarvik", label
    )
    assert any(m.text == "Qikarvik" and m.cls == "City" for m in found), found


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("The statement was read out in Bengali at the border post.", "Bengali"),  # a language
        ("Velmar sent troops to the Qikari State last year.", "Qikari"),  # it qualifies a name
    ],
)
def test_a_nationality_after_a_place_preposition_stays_one(text, word):
    found = _mentions_with(text, word, "NORP")
    assert not any(m.text == word for m in found), found


def test_english_words_are_known_once_the_pipeline_is_loaded():
    from kg.extract.lemma_memo import english_word, knows_words
    from kg.extract.nlp import load_pipeline

    load_pipeline()
    assert knows_words() and english_word("service") and english_word("sectors")
    assert not english_word("drelvac")


def test_without_an_index_of_english_words_no_single_word_is_taken_for_a_name(monkeypatch):
    from kg.extract import lemma_memo

    monkeypatch.setattr(lemma_memo, "_WORDS", frozenset())
    found = _labelled("The handover went smoothly. Frequency on the two networks has held since.")
    assert "Frequency" not in found, found


# -- a name and a noun of a work built or planned after it (lexicon work_nouns) ---------------


@pytest.mark.parametrize(
    ("text", "label"),
    [
        # the recognizer reads the name as a person's
        ("Norland opposes the Suder reservoir, which would flood farmland.", "Suder reservoir"),
        # a name the recognizer left unlabelled
        ("Farmers fear that the Barvik Ost canal will dry out the delta.", "Barvik Ost canal"),
        ("Velmar will finance the Orsk project, the minister said.", "Orsk project"),
    ],
)
def test_a_name_before_a_work_noun_names_a_plan(text, label):
    found = _labelled(text)
    assert found.get(label) == "Plan", found


def test_the_work_is_apart_from_the_place_its_name_names():
    text = "Norland opposes the Suder reservoir, which would flood farmland near the Suder river."
    found = _labelled(text)
    assert found.get("Suder reservoir") == "Plan" and found.get("Suder river") == "Region", found
    assert has(relations(text), "Norland", "opposes", "Suder reservoir")


def test_a_nationality_before_a_work_noun_names_no_work():
    # (a nationality the gazetteer knows: an invented one is a name as far as kg can tell)
    found = _labelled("The Norwegian project was shelved after the Danish railway opened.")
    assert not {"Norwegian project", "Danish railway"} & set(found), found
