"""The model's attribute ruler matched by lookup (kg.extract.attribute_rules) and its rule
lemmatizer with its answers remembered (kg.extract.lemma_memo): the same token attributes
as spaCy's own components, on invented sentences."""

from __future__ import annotations

import spacy
from spacy.lookups import Lookups
from spacy.tokens import Doc

from kg.extract import attribute_rules, lemma_memo
from kg.extract.attribute_rules import compile_rules, find_matches

WORDS = ["Mira", "gon", "na", "sign", "it", "and", "y'", "all", "\n", "left", "fast", "."]
TAGS = ["NNP", "VBG", "TO", "VB", "PRP", "CC", "PRP", "DT", "_SP", "VBD", "RB", "."]
DEPS = [
    "nsubj",
    "aux",
    "aux",
    "ROOT",
    "dobj",
    "cc",
    "nsubj",
    "appos",
    "dep",
    "conj",
    "advmod",
    "punct",
]
HEADS = [3, 3, 3, 3, 3, 3, 9, 6, 9, 3, 9, 3]

PATTERNS = [
    {"patterns": [[{"TAG": "NNP"}]], "attrs": {"POS": "PROPN"}},
    {"patterns": [[{"TAG": {"IN": ["VB", "VBD", "VBG"]}}]], "attrs": {"POS": "VERB"}},
    {"patterns": [[{"LOWER": "gon"}, {"LOWER": "na"}]], "attrs": {"LEMMA": "go"}},
    {"patterns": [[{"LOWER": "gon"}, {"LOWER": "na"}]], "attrs": {"LEMMA": "to"}, "index": -1},
    {"patterns": [[{"LOWER": {"REGEX": "^y'?$"}}, {"LOWER": "all"}]], "attrs": {"LEMMA": "you"}},
    {
        "patterns": [[{"LOWER": "it", "DEP": {"IN": ["dobj", "pobj"]}}]],
        "attrs": {"MORPH": "Case=Acc"},
    },
    {"patterns": [[{"TAG": {"NOT_IN": ["TO", ""]}, "DEP": "aux"}]], "attrs": {"POS": "AUX"}},
    {"patterns": [[{"IS_SPACE": True}]], "attrs": {"POS": "SPACE"}},
    {"patterns": [[{"TAG": "VBD", "LOWER": "left"}], [{"TAG": "RB"}]], "attrs": {"POS": "ADV"}},
]


def _doc(nlp) -> Doc:
    return Doc(nlp.vocab, words=WORDS, tags=TAGS, deps=DEPS, heads=HEADS)


def _ruled(with_lookup: bool):
    nlp = spacy.blank("en")
    nlp.add_pipe("attribute_ruler").add_patterns(PATTERNS)
    if with_lookup:
        assert attribute_rules.install(nlp)
    return nlp


def test_lookup_finds_the_matchers_matches_in_its_order():
    nlp = _ruled(False)
    ruler = nlp.get_pipe("attribute_ruler")
    rules = compile_rules(ruler)
    doc = _doc(nlp)
    found = find_matches(rules, doc)
    assert found == ruler.match(doc)
    numbers = [(number, start) for number, _key, start, _end in found]
    assert (2, 1) in numbers and (3, 1) in numbers and (4, 6) in numbers  # two-word patterns
    assert (5, 4) in numbers and (7, 8) in numbers  # "it" as an object; the newline


def test_the_installed_rules_set_what_the_ruler_sets():
    doc_spacy = _ruled(False)(_doc(_ruled(False)))
    nlp = _ruled(True)
    assert type(nlp.get_pipe("attribute_ruler")).__name__ == "AttributeRules"
    doc = nlp(_doc(nlp))
    for a, b in zip(doc_spacy, doc, strict=True):
        assert (a.pos_, a.lemma_, str(a.morph)) == (b.pos_, b.lemma_, str(b.morph))
    assert [t.lemma_ for t in doc[1:3]] == ["go", "to"]  # index 0 and index -1
    assert doc[6].lemma_ == "you" and doc[4].morph.get("Case") == ["Acc"]
    assert doc[9].pos_ == "ADV"  # the later pattern wins over VERB


def test_a_pattern_with_an_operator_keeps_the_matcher():
    nlp = spacy.blank("en")
    ruler = nlp.add_pipe("attribute_ruler")
    ruler.add_patterns([*PATTERNS, {"patterns": [[{"TAG": "JJ", "OP": "+"}]], "attrs": {}}])
    assert compile_rules(ruler) is None
    assert not attribute_rules.install(nlp)
    assert nlp.get_pipe("attribute_ruler") is ruler


def _lemmatizing(with_memo: bool):
    nlp = spacy.blank("en")
    lemmatizer = nlp.add_pipe("lemmatizer", config={"mode": "rule"})
    lookups = Lookups()
    lookups.add_table("lemma_rules", {"noun": [["s", ""]], "verb": [["ed", ""], ["ed", "e"]]})
    lookups.add_table("lemma_index", {"noun": ["treaty"], "verb": ["sign", "vote"]})
    lookups.add_table("lemma_exc", {"noun": {"talks": ["talks"]}, "verb": {}})
    lemmatizer.initialize(lookups=lookups)
    if with_memo:
        assert lemma_memo.install(nlp)
    return nlp


def _tagged(nlp) -> Doc:
    words = ["Envoys", "signed", "treaties", "and", "voted", ";", "envoys", "signed", "talks"]
    pos = ["NOUN", "VERB", "NOUN", "CCONJ", "VERB", "PUNCT", "NOUN", "VERB", "NOUN"]
    morphs = ["Number=Plur", "Tense=Past", "Number=Plur", "", "Tense=Past", "", "Number=Plur"]
    morphs += ["Tense=Past", "Number=Plur"]
    doc = Doc(nlp.vocab, words=words, pos=pos, morphs=morphs)
    doc[2].lemma_ = "treaty-set"  # a lemma set before (the attribute ruler's): kept
    return doc


def test_the_memo_gives_the_lemmatizers_lemmas_and_asks_once_per_word_form():
    plain = _lemmatizing(False)
    expected = [t.lemma_ for t in plain(_tagged(plain))]
    nlp = _lemmatizing(True)
    memo = nlp.get_pipe("lemmatizer")
    asked = []
    inner = memo.lemmatizer.lemmatize
    memo.lemmatizer.lemmatize = lambda token: asked.append(token.text) or inner(token)
    first = [t.lemma_ for t in nlp(_tagged(nlp))]  # the first block: the lemmatizer itself
    second = [t.lemma_ for t in nlp(_tagged(nlp))]
    assert first == second == expected
    assert expected[:3] == ["envoy", "sign", "treaty-set"] and expected[8] == "talks"
    asked.clear()
    nlp(_tagged(nlp))
    assert asked == []  # every (word, POS, morphology) remembered
    memo.memo.clear()
    nlp(_tagged(nlp))
    assert sorted(asked) == sorted(set(asked))  # each form once: "signed" twice in the block
    assert "signed" in asked and "treaties" not in asked  # a lemma set before is not asked


def test_the_pipeline_runs_both(tmp_path):
    from kg.extract.nlp import load_pipeline

    nlp = load_pipeline()
    assert type(nlp.get_pipe("attribute_ruler")).__name__ == "AttributeRules"
    assert type(nlp.get_pipe("lemmatizer")).__name__ == "LemmaMemo"
    doc = nlp("Mira Solvang signed the treaties and the ministers voted.")
    assert [t.lemma_ for t in doc if t.pos_ in ("VERB", "NOUN")] == [
        "sign",
        "treaty",
        "minister",
        "vote",
    ]


def test_the_rules_travel_to_another_process():
    """nlp.pipe(n_process=N) pickles the components where processes are spawned: the tables
    (functions) are compiled again from the ruler there."""
    import pickle

    nlp = _ruled(True)
    rules = nlp.get_pipe("attribute_ruler")
    vocab, copy = pickle.loads(pickle.dumps((nlp.vocab, rules)))
    doc = Doc(vocab, words=WORDS, tags=TAGS, deps=DEPS, heads=HEADS)
    assert find_matches(copy.rules, doc) == find_matches(rules.rules, _doc(nlp)) != []
