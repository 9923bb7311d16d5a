"""The statement step's short cuts (issue 10's speed cap) read the same answers as the
spaCy calls they replace, on invented sentences. Each test fails when its short cut reads
otherwise."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.slow

_TEXT = (
    'Mira Solvang, the  Norlandic defence minister, and Tomas Ekberg signed a "Clean Seas" '
    "accord with Velmar.\nThe Orsk council and the navy of Norland welcomed it, and Velmar "
    "proposed a joint patrol; Ekberg's deputy said the talks would go on."
)


@pytest.fixture(scope="module")
def doc():
    from kg.extract.nlp import load_pipeline

    return load_pipeline()(_TEXT)


def test_a_span_s_text_is_cut_from_the_doc_s_text(doc):
    from kg.extract.doc_memo import span_text

    for start in range(len(doc) + 1):
        for end in range(start, len(doc) + 1):
            assert span_text(doc, start, end) == doc[start:end].text, (start, end)


def test_a_chunk_s_class_from_the_tree_is_the_one_its_tokens_give(doc):
    from kg.extract.common_nouns import _chunks, _head_class, _may_be_signed, _signed
    from kg.extract.syntax.tree import tree
    from kg.extract.words import head_class

    t = tree(doc)
    classes = []
    for chunk in _chunks(doc):
        root = chunk.root
        before = [doc[root.i - 1].lower_] if root.i > chunk.start else []
        wanted = head_class([*before, root.lemma_]) or head_class([root.text]) or _signed(root)
        i = root.i
        got = _head_class(t.lower[i - 1] if i > chunk.start else None, t.lemma_lower[i], t.lower[i])
        if got is None and _may_be_signed(t, i):
            got = _signed(root)
        assert got == wanted, chunk.text
        classes.append(got)
    assert {"GovernmentBody", "ArmedForce", "Plan"} <= set(classes)


def test_a_word_the_tree_reads_as_uncoordinated_has_no_conjuncts(doc):
    from kg.extract.resolve import _coordinated

    for tok in doc:
        assert _coordinated(tok) or tok.conjuncts == (), tok.text
    assert sum(_coordinated(tok) for tok in doc) >= 4


@pytest.mark.parametrize("attr", ["LEMMA", "LOWER"])
def test_tokens_with_a_word_are_found_in_the_tree_s_words(doc, attr):
    from kg.extract.constructions.base import tokens_with

    words = {"sign", "signed", "navy", "council", "orsk", "propose", "deputy"}
    form = (lambda t: t.lemma_) if attr == "LEMMA" else (lambda t: t.lower_)
    wanted = [t.i for t in doc if form(t) in words or form(t) in {w.capitalize() for w in words}]
    assert [t.i for t in tokens_with(doc, attr, words)] == wanted
    assert len(wanted) >= 3


def test_a_quoted_name_is_found_in_the_tree_s_words(doc):
    from kg.extract.mentions import _quoted_names

    assert [[t.text for t in words] for words in _quoted_names(doc)] == [["Clean", "Seas"]]


def test_each_subject_s_entities_are_looked_up_once_for_all_the_frames_of_its_verb(monkeypatch):
    import kg.extract.frames.match as match
    from kg.extract.pipeline import extract

    asked: list[tuple[int, int]] = []
    verbs: list[bool] = []
    actor_refs, verb_candidates = match.actor_refs, match.verb_candidates

    def counted(index, block, tok):
        if verbs:  # the verbs' frames (a noun's frames are read apart)
            asked.append((block, tok.i))
        return actor_refs(index, block, tok)

    def reading_verbs(index, block, doc):
        verbs.append(True)
        try:
            return verb_candidates(index, block, doc)
        finally:
            verbs.pop()

    monkeypatch.setattr(match, "actor_refs", counted)
    monkeypatch.setattr("kg.extract.pipeline.verb_candidates", reading_verbs)
    # "host" has frames of hosting, of meeting and of stationing: Norland is their subject
    statements = extract(
        "Norland will host the Velmar Summit in Orsk next month. Mira Solvang said "
        "Norland would also host a naval exercise.",
        "t",
    )
    assert statements.relations
    assert asked and len(asked) == len(set(asked)), asked


def test_each_block_s_text_known_to_the_statement_step_is_the_doc_s(monkeypatch):
    import kg.extract.pipeline as pipeline

    known: list[tuple[str, str]] = []
    know_text = pipeline.know_text

    def record(doc, text):
        known.append((doc.text, text))
        know_text(doc, text)

    monkeypatch.setattr(pipeline, "know_text", record)
    pipeline.extract("Norland and Velmar met in Orsk.\n\n  Mira Solvang  said so.  \n", "t")
    assert len(known) >= 2 and all(rebuilt == given for rebuilt, given in known), known


def test_a_name_is_split_at_a_possessive_a_bracket_or_a_line_break_as_before(monkeypatch):
    import kg.extract.mentions as mentions
    from kg.extract.nlp import load_pipeline

    doc = load_pipeline()(
        "Mira Solvang's Velmar People's Assembly (VPA) met Tomas Ekberg's\nNorland Party "
        "and the Orsk Grain Board, which Ekberg’s deputy, Ana Lind, leads."
    )
    spans = [list(doc[s:e]) for s in range(len(doc)) for e in range(s + 1, min(len(doc), s + 6))]
    quick = [mentions._splitpossessive(tokens) for tokens in spans]
    monkeypatch.setattr(mentions, "_may_split", lambda doc, tokens: True)
    assert quick == [mentions._splitpossessive(tokens) for tokens in spans]
    assert sum(len(parts) > 1 for parts in quick) >= 10


def test_a_noun_s_frames_are_those_whose_words_hold_its_lemma_or_form():
    from kg.extract.frames.match import _noun_frames
    from kg.extract.lexicon import frames

    nouns = frames().nouns
    for lemma, lower in [("visit", "visits"), ("talk", "talks"), ("summit", "summit"), ("x", "y")]:
        wanted = [fr for fr in nouns if lemma in fr.lemmas or lower in fr.lemmas]
        assert list(_noun_frames(lemma, lower)) == wanted
    assert _noun_frames("talk", "talks") and not _noun_frames("x", "y")


def _norm_with_re_sub(text: str, spelling: bool = True) -> str:
    """`norm` as it was written with re.sub's string patterns."""
    import re
    import unicodedata

    from kg.extract.lexicon import _SPELLING

    text = unicodedata.normalize("NFKC", text).casefold()
    text = text.replace("’", "'").replace("‘", "'").replace("“", '"').replace("”", '"')
    text = re.sub(r"[\"]", "", text)
    text = re.sub(r"^the\s+", "", text.strip())
    text = re.sub(r"'s$", "", text)
    for pattern, repl in _SPELLING if spelling else ():
        text = pattern.sub(repl, text)
    text = re.sub(r"[\s\-–]+", " ", text)
    return text.strip(" .,;:")


@pytest.mark.parametrize(
    "text",
    [
        "The  Norlandic Defence Organisation",
        "“Clean Seas”  accord",
        'the "Velmar" programme',
        "Mira Solvang's",
        "Norland's navy",
        "Tomas Ekberg’s\n",
        "THE Orsk  centre - west – wing.",
        "Norland-Velmar talks;",
        "the",
        " theatre of the adviser ",
    ],
)
def test_norm_s_compiled_patterns_fold_as_re_sub_did(text):
    from kg.extract.lexicon import norm

    for spelling in (True, False):
        assert norm(text, spelling) == _norm_with_re_sub(text, spelling), text


def test_a_date_ahead_is_read_as_before_from_a_date_s_words_only():
    from kg.extract.nlp import load_pipeline
    from kg.extract.syntax import modality as mod

    nlp = load_pipeline()
    doc = nlp(
        "Mira Solvang travels to Velmar next week and meets Tomas Ekberg on Monday. "
        "The Orsk council meets there every Monday, and Ekberg chairs it until next year. "
        "Solvang leaves on Friday for Norvik and arrives back tonight. Ekberg travels to Orsk "
        "later tonight."
    )
    got = [(tok.i, mod.future_date(tok)) for tok in doc]
    # what it replaces: every date's words read, whatever its entity type
    f = mod.frames()
    wanted = []
    for verb in doc:
        found = False
        if verb.tag_ in ("VB", "VBP", "VBZ", "VBG"):
            scheduled = verb.tag_ in ("VBP", "VBZ") and mod.phrasal_lemma(verb) in f.scheduled_verbs
            for child in verb.children:
                dates = [child] if child.dep_ in ("npadvmod", "advmod", "tmod") else []
                if child.dep_ == "prep" and child.lower_ not in f.state_end_preps:
                    dates = mod.child_deps(child, "pobj")
                words = f.future_words
                if scheduled and (child.dep_ != "prep" or child.lower_ == "on"):
                    words = words | f.scheduled_days
                for date in dates:
                    said = {w.lower_ for w in date.subtree}
                    if (
                        date.ent_type_ in ("DATE", "TIME")
                        and said & words
                        and not said & f.habit_words
                    ):
                        found = True
        wanted.append((verb.i, found))
    assert got == wanted
    assert sum(found for _i, found in got) >= 2


def test_a_cluster_s_aliases_are_its_names_spelled_otherwise_once():
    from kg.extract.clusters import _spelled
    from kg.extract.pipeline import extract

    st = extract(
        "The Norlandic Defence Organisation met on Monday. The Norlandic Defence "
        "Organization and the NDO said the Norlandic  Defence Organisation would meet "
        "Velmar.",
        "t",
    )
    for e in st.entities:
        spelled = [_spelled(a) for a in e.aliases]
        assert len(set(spelled)) == len(spelled) and _spelled(e.label) not in spelled, e
    assert any(e.aliases for e in st.entities)


def test_a_name_s_class_is_guessed_from_its_words_and_a_common_noun_s_is_given(monkeypatch):
    import kg.extract.mentions as mentions
    from kg.extract.pipeline import extract

    calls = []
    real = mentions.class_guess

    def guess(label, text, words):
        calls.append((text, words))
        return real(label, text, words)

    monkeypatch.setattr(mentions, "class_guess", guess)
    st = extract(
        "Mira Solvang of the Velmar Coast Mission met Tomas Ekberg in Norvik. The joint "
        "patrol of the Norlandic navy began on Monday.",
        "t",
    )
    assert calls and all(words == text.split() for text, words in calls), calls
    assert {"Mira Solvang", "Tomas Ekberg"} <= {text for text, _w in calls}
    assert not any("patrol" in text for text, _w in calls)  # a common noun's class is given
    assert any(e.label == "Mira Solvang" and e.cls == "Person" for e in st.entities)


def test_acronym_candidates_are_the_array_s_capitalised_proper_nouns():
    from spacy.attrs import IS_ALPHA, IS_UPPER, LENGTH, POS
    from spacy.symbols import PROPN

    from kg.extract.mentions import _acronym_candidates
    from kg.extract.nlp import load_pipeline

    doc = load_pipeline()(
        "NUFOR and the NDO met the EU, UNESCO and Norland's ORSKVELMAR office; "
        "Mira Solvang of NATO-led KFOR said the VELMAR2 plan and USA 1 were ready, NUFOR. "
        "The VELMARCO group met them."
    )
    rows = doc.to_array([POS, IS_UPPER, IS_ALPHA, LENGTH]).tolist()
    wanted = [
        i
        for i, (pos, up, alpha, n) in enumerate(rows)
        if pos == PROPN and up and alpha and 3 <= n <= 8
    ]
    assert [t.i for t in _acronym_candidates(doc)] == wanted
    assert len(wanted) >= 3


def test_speaking_for_reads_the_tree_s_children_as_the_token_s():
    from kg.extract.lexicon import frames
    from kg.extract.nlp import load_pipeline
    from kg.extract.syntax.arguments import prep_objects, speaking_for

    doc = load_pipeline()(
        "Speaking for the Nordic Group, Mira Solvang rejected the plan. Speaking on behalf "
        "of Velmar, Tomas Ekberg said it would wait, and speaking for himself, he left."
    )
    found = 0
    for verb in doc:
        wanted = []
        for c in verb.children:
            if c.dep_ in ("advcl", "csubj") and c.tag_ == "VBG":
                for prep in frames().speaking_for.get(c.lemma_.lower(), ()):
                    wanted += [o for o in prep_objects(c, prep) if o.pos_ != "PRON"]
        got = speaking_for(verb)
        assert [o.i for o in got] == [o.i for o in wanted], verb.text
        found += len(got)
    assert found >= 1


def test_a_token_s_sentence_is_the_span_spacy_gives():
    from kg.extract.doc_memo import sentence
    from kg.extract.nlp import load_pipeline

    doc = load_pipeline()(
        "Mira Solvang met Tomas Ekberg. Velmar sent troops!\n\nDid Norland agree? "
        "It did, Ekberg said; the talks go on."
    )
    assert len(list(doc.sents)) >= 4
    for tok in doc:
        got, wanted = sentence(tok), tok.sent
        assert (got.start, got.end) == (wanted.start, wanted.end), tok.text
        assert got == wanted and got.text == wanted.text
    # a span's sentence (spaCy's Span.sent) is its first token's
    for ent in doc.ents:
        assert (ent.sent.start, ent.sent.end) == (sentence(ent[0]).start, sentence(ent[0]).end)
    assert len(doc.ents) >= 4


def test_a_sentence_s_end_within_a_limit_is_the_one_spacy_gives():
    from kg.extract.nlp import load_pipeline
    from kg.extract.phrases.titles import sentence_end_within

    doc = load_pipeline()(
        "The President of the Velmar Bank, Mira Solvang, met Tomas Ekberg. Norland's "
        "minister for trade and ports, Ana Ruiz, left! Did Velmar agree? It did."
    )
    assert len(list(doc.sents)) >= 4
    for start in range(len(doc)):
        for limit in range(start, len(doc) + 1):
            wanted = min(limit, doc[start].sent.end)
            assert sentence_end_within(doc, start, limit) == wanted, (start, limit)
