"""The trained relation classifier's measurement (benchmarks/learned_relations.py): its
model and features on invented data. The cross-validation itself runs on the development
articles and is not a test (its figures: docs/benchmarks.md)."""

from __future__ import annotations

import pytest

from benchmarks.learned_relations import NONE, dep_path, pair_features, train


def _tiny() -> list[tuple[list[str], str, set[str]]]:
    """Invented examples: a visit's trigger, a signing's trigger, and pairs that state
    nothing; each with the categories its classes would allow."""
    data = []
    for k in range(6):
        data.append((["trig=travel", "prep_b=to", f"dist={k}"], "visits", {"visits", "meets"}))
        data.append((["trig=sign", "dep_b=dobj", f"dist={k}"], "signs", {"signs"}))
        data.append((["trig=say", "dep_b=conj", f"dist={k}"], NONE, {"visits", "meets"}))
    return data


def test_training_learns_the_triggers_and_is_deterministic():
    model = train(_tiny(), min_count=2, steps=200)
    visit = model.probabilities(["trig=travel", "prep_b=to"], {"visits", "meets"})
    said = model.probabilities(["trig=say", "dep_b=conj"], {"visits", "meets"})
    assert max(visit, key=visit.get) == "visits" and visit["visits"] > 0.6
    assert max(said, key=said.get) == NONE
    # the same data give the same bytes (the weights file's promise)
    assert train(_tiny(), min_count=2, steps=200).as_json() == model.as_json()


def test_softmax_keeps_to_the_categories_the_classes_allow():
    model = train(_tiny(), min_count=2, steps=200)
    # a signing's words between two entities whose classes only allow a visit or a meeting
    probs = model.probabilities(["trig=sign", "dep_b=dobj"], {"visits", "meets"})
    assert "signs" not in probs
    assert set(probs) <= {"visits", "meets", NONE}
    assert sum(probs.values()) == pytest.approx(1.0)


def test_rare_features_are_left_out():
    data = [*_tiny(), (["trig=only_once"], "signs", {"signs"})]
    model = train(data, min_count=2, steps=50)
    assert "trig=only_once" not in model.weights
    assert "trig=travel" in model.weights


@pytest.fixture(scope="module")
def nlp():
    from kg.extract.nlp import load_pipeline

    return load_pipeline()


def test_path_turns_at_the_verb_and_names_its_preposition(nlp):
    doc = nlp("Halvard Brenn flew to Ostmark on Sunday after the vote.")
    a = next(t for t in doc if t.text == "Brenn")
    b = next(t for t in doc if t.text == "Ostmark")
    up, top, down = dep_path(a, b)
    assert top.lemma_ == "fly"
    assert [t.text for t in up] == ["Brenn"] and [t.text for t in down][-1] == "Ostmark"
    feats = pair_features(
        a, b, "Person", "Country", {a.i: "Person", b.i: "Country"}, lambda v: "asserted"
    )
    assert "trig=fly" in feats and "prep_b=to" in feats
    assert "cls=Person|Country" in feats and "order=ab" in feats
    # the mentions' own words never become features: the class stands for them
    assert not any("ostmark" in f.lower() or "brenn" in f.lower() for f in feats)


def test_a_mention_on_the_path_is_read_as_its_class(nlp):
    doc = nlp("Halvard Brenn chaired the Velmar Council summit in Ostmark.")
    a = next(t for t in doc if t.text == "Brenn")
    b = next(t for t in doc if t.text == "Ostmark")
    summit = next(t for t in doc if t.text == "summit")
    event = {t.i: "Event" for t in doc if t.text in ("Velmar", "Council", "summit")}
    classes = {a.i: "Person", b.i: "Place", **event}
    feats = pair_features(a, b, "Person", "Place", classes, lambda v: "asserted")
    assert summit in dep_path(a, b)[2]
    assert "w=<Event>" in feats and "trig=chair" in feats
    assert not any("summit" in f for f in feats)
