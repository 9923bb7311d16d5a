"""Resolution on invented sentences: which entity a pronoun or a description stands for.
Each test fails without the mechanism it names (kg/extract/resolve.py)."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.slow


def _relations(text: str) -> dict[tuple[str, str, str], str]:
    """(subject, predicate, object) -> modality."""
    from kg.extract.pipeline import extract

    st = extract(text, "t")
    label = {e.id: e.label for e in st.entities}
    return {(label[r.subject], r.predicate, label[r.object]): r.modality for r in st.relations}


def _has(found, s, p, o, modality=None) -> bool:
    for key in ((s, p, o), (o, p, s)) if p in ("meets", "holdsTalksWith") else ((s, p, o),):
        if key in found and (modality is None or found[key] == modality):
            return True
    return False


def _with(found, p, o) -> set[str]:
    """The subjects of `p` with object `o`."""
    return {s for (s, q, obj) in found if q == p and obj == o}


def test_the_subject_of_a_reported_clause_is_who_reports_it():
    # "it" is the party that said so, not the assembly named last
    found = _relations(
        "The Velmar Unity Party, which holds 40 seats in the national assembly, said it "
        "would oppose the Norvik Accord."
    )
    assert _with(found, "opposes", "Norvik Accord") == {"Velmar Unity Party"}
    # a person said it: "it" is not that person, and no other entity either
    found = _relations(
        "Norland joined the Coral Pact in May. Mira Solvang said it would not send troops "
        "to the Andean Mission."
    )
    assert not _with(found, "declines", "Andean Mission")


def test_a_pronoun_object_is_never_the_subject_of_its_own_clause():
    found = _relations(
        "Mira Solvang will travel to Oslo next week. Tomas Ekberg has agreed to meet her, "
        "a spokesperson said."
    )
    assert _has(found, "Tomas Ekberg", "meets", "Mira Solvang", "planned")


def test_a_subject_pronoun_follows_the_pronoun_chain_and_the_reported_clause():
    # "She" continues the "she" of the sentence before, which continues Mira Solvang; the
    # reporting ministry and the minister named in passing are not the topic
    found = _relations(
        "Mira Solvang will travel to Oslo next week for talks with Foreign Minister Tomas "
        "Ekberg, the ministry said. She is expected to visit Cusco too."
    )
    assert _with(found, "visits", "Cusco") == {"Mira Solvang"}
    found = _relations(
        "Mira Solvang was appointed in May. In an interview last year, she ruled out a "
        "ceasefire. Her first trip abroad will be to Oslo, where she may meet Tomas "
        "Ekberg."
    )
    assert _has(found, "Mira Solvang", "meets", "Tomas Ekberg")


def test_a_government_stands_for_its_country_not_the_last_body_named():
    found = _relations(
        "The Andean Council met in Lima on Monday. Tomas Ekberg urged the Chilean government "
        "to join the Coral Pact. Lev Marrow urged the government in Santiago to sign the "
        "Coral Pact. Mira Solvang said her government would not sign it."
    )
    assert _with(found, "urges", "Chile") == {"Tomas Ekberg", "Lev Marrow"}
    assert not [key for key in found if "Andean Council" in key]
    # "the government" alone: the country the story is about, not a council of it
    found = _relations(
        "Chile's national security council said talks with the Coral Liberation Front had "
        "stalled. The government is expected to decide next week whether to resume peace "
        "talks with the Coral Liberation Front."
    )
    assert _has(found, "Chile", "holdsTalksWith", "Coral Liberation Front", "planned")
    assert not _has(found, "national security council", "holdsTalksWith", "Coral Liberation Front")
