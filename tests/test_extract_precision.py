"""Readings that keep wrong relations out of the graph, on invented sentences. Each test
fails without the mechanism it names."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.slow


def _extract(text: str):
    from kg.extract.pipeline import extract

    return extract(text, "t")


def _aliases(st, label: str) -> set[str]:
    return {a for e in st.entities if e.label == label for a in e.aliases}


def test_an_acronym_after_a_place_that_ends_a_longer_name_is_not_the_place():
    st = _extract(
        "Since 2021 a civilian observer mission in Chile (EUMC) run by the European Union has "
        "watched the frontier. Mira Solvang urged Chile to sign."
    )
    assert "EUMC" not in _aliases(st, "Chile")


def test_a_list_parsed_as_an_apposition_is_not_one_entity():
    st = _extract(
        "Only the United States, France, Denmark, Greece and Panama abstained in the final vote."
    )
    assert {"United States", "France"} <= {e.label for e in st.entities}
    assert "France" not in _aliases(st, "United States")


def test_a_description_in_apposition_to_an_acronym_still_names_it():
    st = _extract(
        "The island is watched by NMF, a Nordic peacekeeping force which is commanded by "
        "Mira Solvang."
    )
    force = next(e for e in st.entities if "NMF" in (e.label, *e.aliases))
    solvang = next(e for e in st.entities if e.label == "Mira Solvang")
    assert any(
        (r.subject, r.predicate, r.object) == (solvang.id, "leads", force.id) for r in st.relations
    )


def test_an_acronym_after_a_name_with_small_words_inside_names_the_whole_name():
    st = _extract(
        "Norland said the Velmar Mission to support the Lima Accord (VMLA) would close in "
        "July. The VMLA has 80 monitors."
    )
    mission = next(e for e in st.entities if "VMLA" in (e.label, *e.aliases))
    assert mission.label == "Velmar Mission to support the Lima Accord"


def test_a_contribution_with_no_force_named_goes_to_no_country_s_own_force():
    st = _extract(
        "Velmar will lead the Baltic Guard Forces from January, according to a statement from "
        "the Finnish Defence Forces. Norland has pledged 300 soldiers."
    )
    label = {e.id: e.label for e in st.entities}
    given = {label[r.object] for r in st.relations if r.predicate == "contributesTo"}
    assert given == {"Baltic Guard Forces"}


@pytest.mark.parametrize(
    "text",
    [
        "The Andean Force was set up in 2020. The Norway Defence Force said on Monday that the "
        "force had 3,000 troops. Velmar will send 200 soldiers.",
        "The Andean Force was set up in 2020. The Norway Defence Force said on Monday that the "
        "force had 3,000 troops. Velmar will not send soldiers back to the region.",
    ],
)
def test_a_force_named_by_its_country_and_a_national_kind_is_that_country_s_own(text):
    # "the Norway Defence Force": a country's name before a kind of national force (lexicon
    # force_nouns) is that country's own force, never the one a contribution goes to
    st = _extract(text)
    label = {e.id: e.label for e in st.entities}
    objects = {label[r.object] for r in st.relations if r.subject in label}
    assert "Norway Defence Force" not in objects
    assert "Andean Force" in objects


@pytest.mark.parametrize(
    "text",
    [
        "Mira Solvang called on both capitals to seek talks between Oslo and Stockholm with "
        "Finnish help.",
        "Will there be talks between Norland and Velmar before the summit?",
    ],
)
def test_talks_between_two_that_are_only_asked_for_state_nothing(text):
    st = _extract(text)
    assert not [r for r in st.relations if r.predicate == "holdsTalksWith"]


def test_talks_between_two_that_are_stated_still_hold():
    st = _extract("Talks between Norland and Velmar took place in Geneva on Monday.")
    assert [r for r in st.relations if r.predicate == "holdsTalksWith"]


def test_an_event_a_question_names_with_the_is_taken_as_given():
    st = _extract("Did the talks between Norway and Sweden in Oslo produce anything?")
    assert [r for r in st.relations if r.predicate == "holdsTalksWith"]


@pytest.mark.parametrize(
    ("text", "found", "not_found"),
    [
        (  # the agent of a passive
            "The Speaker of the Velmar Senate, Mr. Tomas Ekberg, was also present. Its "
            "closing meeting was chaired by the Speaker of the Norland Assembly, Mrs. Mira "
            "Solvang.",
            ("Mira Solvang", "chairs", "closing meeting"),
            ("Tomas Ekberg", "chairs", "closing meeting"),
        ),
        (  # the other party of a signing
            "The Chairman of the Velmar Audit Board, Tomas Ekberg, opened the session. Later "
            "the envoy signed an annex on river patrols with the Chairman of the Norland Bar "
            "Council, Judge Mira Solvang.",
            ("Mira Solvang", "signs", "annex on river patrols"),
            ("Tomas Ekberg", "signs", "annex on river patrols"),
        ),
    ],
)
def test_a_title_the_name_after_its_comma_stands_for_is_no_earlier_holder(text, found, not_found):
    # "the President of X, Mrs. A" with A hung elsewhere by the parser: A, and not also the
    # one an earlier "the President of Y, B" made the holder of a title of that word
    from tests.sentences import has, relations

    rels = relations(text)
    assert has(rels, *found)
    assert not has(rels, *not_found)
