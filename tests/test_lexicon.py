"""The extractor's word lists are data: each is one entry of a data file and one declared
field, read by its type (kg/extract/lexicon.py `from_data`)."""

from __future__ import annotations

from dataclasses import dataclass, field

import pytest

from kg.errors import ExtractionError
from kg.extract.lexicon import _read, frames, from_data, lexicon


def _by_word(value, _file):
    return {w: cls for cls, words in (value or {}).items() for w in words}


@dataclass(frozen=True, kw_only=True)
class _Words:
    verbs: frozenset[str]  # a list as a set
    order: tuple[str, ...]  # a list in its order
    levels: dict[str, frozenset[str]]  # a mapping of lists
    window: int = 6  # a default for an entry the file leaves out
    label: str | None = None
    heads: dict[str, str] = field(metadata=_read(_by_word))  # a shape of its own


def test_a_declared_field_is_read_by_its_type():
    words = from_data(
        _Words,
        {
            "verbs": ["say", "tell", "say"],
            "order": ["b", "a"],
            "levels": {"until": ["now", "recently"]},
            "window": "8",
            "heads": {"Plan": ["plan", "accord"]},
        },
        "words.yaml",
    )
    assert words.verbs == frozenset({"say", "tell"})
    assert words.order == ("b", "a")
    assert words.levels == {"until": frozenset({"now", "recently"})}
    assert words.window == 8
    assert words.label is None
    assert words.heads == {"plan": "Plan", "accord": "Plan"}


def test_an_entry_the_file_leaves_out_is_empty_or_its_default():
    words = from_data(_Words, {}, "words.yaml")
    assert words.verbs == frozenset() and words.order == () and words.levels == {}
    assert words.window == 6 and words.heads == {}


def test_an_entry_no_field_declares_is_an_error():
    with pytest.raises(ExtractionError, match=r"words\.yaml: unknown entries verbz"):
        from_data(_Words, {"verbz": ["say"]}, "words.yaml")


def test_a_word_yaml_reads_as_false_is_an_error():
    # an unquoted off in a YAML list is the boolean false, which no token ever matches
    with pytest.raises(ExtractionError, match=r"words\.yaml order: a word is read as false"):
        from_data(_Words, {"order": ["out", False]}, "words.yaml")


@pytest.mark.parametrize(
    "heads", [{"m": ["mr", "sir", True]}, {True: ["mr"]}], ids=["in a list", "as a key"]
)
def test_a_word_read_as_true_is_an_error_in_an_entry_with_its_own_reader(heads):
    # review r8 #9: `courtesy_genders: {m: [mr, sir, on]}` had loaded as {"True": "m", ...}
    with pytest.raises(ExtractionError, match=r"words\.yaml heads: a word is read as true"):
        from_data(_Words, {"heads": heads}, "words.yaml")


def test_the_data_files_load_with_every_entry_declared():
    # every word of frames.yaml is a word ("off" was read as false before it was quoted)
    assert "off" in frames().particle_preps
    lex = lexicon()
    assert lex.person_pronouns["she"] == "f" and lex.person_pronouns["his"] == "m"
    assert "it" in lex.thing_pronouns
    assert lex.government_preps and lex.owner_preps and lex.representative_preps


def test_a_pronoun_is_a_word_of_the_lexicon_not_of_the_code(monkeypatch):
    # resolution knows "she" from lexicon.yaml's `person_pronouns` only
    import dataclasses

    import kg.extract.pronouns
    import kg.extract.resolve
    from tests.sentences import has, relations

    text = "Mira Solvang arrived in Velmar on Monday. She met Tomas Ekberg in the capital."
    assert has(relations(text), "Mira Solvang", "meets", "Tomas Ekberg")
    lex = lexicon()
    fewer = {w: g for w, g in lex.person_pronouns.items() if g != "f"}
    changed = dataclasses.replace(lex, person_pronouns=fewer)
    for module in (kg.extract.pronouns, kg.extract.resolve):
        monkeypatch.setattr(module, "lexicon", lambda: changed)
    assert not has(relations(text), "Mira Solvang", "meets", "Tomas Ekberg")


def _repeated_keys(text: str) -> list[str]:
    """The keys a YAML text gives twice in one mapping (YAML keeps the last silently)."""
    import yaml

    found: list[str] = []

    class Loader(yaml.SafeLoader):
        """A loader of its own, so the constructor added below stays local to this check."""

    def mapping(loader, node, deep=False):
        seen = set()
        for key_node, _value in node.value:
            key = loader.construct_object(key_node, deep=deep)
            if key in seen:
                found.append(f"{key} (line {key_node.start_mark.line + 1})")
            seen.add(key)
        return loader.construct_mapping(node, deep)

    Loader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, mapping)
    yaml.load(text, Loader=Loader)
    return found


def test_no_data_file_gives_a_key_twice():
    # round 17: a second `contrast_words` in lexicon.yaml replaced the first list unseen
    from pathlib import Path

    data = Path(__file__).resolve().parent.parent / "data"
    files = [*sorted((data / "patterns").glob("*.yaml")), data / "gazetteer.yaml"]
    assert _repeated_keys("a: [x]\nb: 1\na: [y]\n") == ["a (line 3)"]
    repeated = {f.name: r for f in files if (r := _repeated_keys(f.read_text(encoding="utf-8")))}
    assert not repeated, repeated
