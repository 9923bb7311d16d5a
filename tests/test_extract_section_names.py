"""Names the small recognizer missed or glued (round 19, issue 10: the held-out articles of
rounds 15-16 read as development articles): a heading in capitals that names its section,
as business wires and world briefs write them ("VELCOR", "MALAWI: ..."); a person named
with "of" and a country ("its deputy head, A of Malta,"), also the second of a list the
recognizer left out ("A of Malawi and B of Rwanda"); a known country that runs out of a
thing's name the recognizer read ("from Cabo Verde to Sao Tome and Principe" as one
product). Invented sentences; each test fails without the mechanism it names."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.slow


def _extract(text: str):
    from kg.extract.pipeline import extract

    return extract(text, "t")


def _entities(text: str) -> set[tuple[str, str]]:
    return {(e.label, e.cls) for e in _extract(text).entities}


def _holdings(text: str) -> set[tuple[str, str]]:
    st = _extract(text)
    label = {e.id: e.label for e in st.entities}
    return {
        (label[r.subject], label[r.object]) for r in st.relations if r.predicate == "holdsPosition"
    }


WIRE = """MOVES-Smelters change bosses at Tarnwick and Oskar Holm

Oct 3 (Velpress) - The following are changes at state smelters this week.

TARNWICK

Norland's state smelter named Ilse Vardal chair of its board on Friday. Tarnwick still
has no head of its refining unit.

BANK OF SUDRIA

Deputy Governor Nadira Kovu declined a seat on the board, the central bank said.
"""


def test_a_heading_in_capitals_names_its_section():
    # section_names.mark_section_names: the heading and the title-case run in the body
    found = _entities(WIRE)
    assert ("Tarnwick", "Organization") in found, found
    # a body's name written only in its heading, as a label writes it
    assert ("Bank of Sudria", "Organization") in found, found


def test_a_brief_s_country_in_capitals_before_a_colon():
    found = _entities(
        "MALAWI: Harbour chief replaced\n\n"
        "The cabinet made Tomas Ekvall harbour master on Friday.\n"
    )
    assert ("Malawi", "Country") in found, found


def test_a_heading_of_common_words_names_nothing():
    found = _entities(
        "PRESS RELEASE\n\nWHAT NEXT\n\nThe Velmar Port Authority will publish the tender in May.\n"
    )
    assert not any(label.lower() in ("press release", "what next") for label, _c in found), found


def test_a_person_of_a_country_set_off_after_a_title():
    # names._name_of_country: a person's span, or a body's after a title and a comma
    found = _holdings("Their chief, Nadira Kovu of Malta, said the Velmar Group would pay.")
    assert ("Nadira Kovu", "Chief") in found, found
    found = _holdings(
        "The Velmar Group, whose deputy head, Nadira Kovu of Malta, toured both ports in May, "
        "has offered to pay."
    )
    assert ("Nadira Kovu", "Deputy Head") in found, found


def test_the_second_person_of_a_country_in_a_list():
    # names._listed_name_of_country
    found = _holdings(
        "Talks were chaired by the mediator, who met both foreign ministers, Tomas Ekvall of "
        "Malawi and Odile Nyirabeza of Rwanda."
    )
    assert ("Odile Nyirabeza", "Foreign Minister") in found, found


def test_known_countries_inside_or_across_a_misread_thing():
    # GazetteerNames: a thing's name that a known name crosses, or that holds two, gives
    # way (the small model read "from Cabo Verde to [an island state]" as one work of art)
    from spacy.tokens import Span

    from kg.extract.nlp import load_pipeline
    from kg.extract.phrases.names import GazetteerNames

    nlp = load_pipeline()
    names = GazetteerNames(nlp)
    doc = nlp.make_doc("The chair went from Cabo Verde to Sao Tome and Principe in May.")
    for start, end in ((4, 10), (4, 8)):  # over both names; across the second one
        doc.ents = [Span(doc, start, end, label="WORK_OF_ART")]
        found = {(e.text, e.label_) for e in names(doc).ents}
        assert ("Sao Tome and Principe", "GPE") in found, found
    # one known name inside a thing's name stays in it
    doc = nlp.make_doc("They signed the Treaty of Lisbon in May.")
    doc.ents = [Span(doc, 3, 6, label="LAW")]
    assert [(e.text, e.label_) for e in names(doc).ents] == [("Treaty of Lisbon", "LAW")]
