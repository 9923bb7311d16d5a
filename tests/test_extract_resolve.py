"""Resolution on invented sentences: which entity a pronoun or a description stands for.
Each test fails without the mechanism it names (kg/extract/resolve.py)."""

from __future__ import annotations

import pytest

from tests.sentences import has as _has
from tests.sentences import relations as _relations

pytestmark = pytest.mark.slow


def _with(found, p, o) -> set[str]:
    """The subjects of `p` with object `o`."""
    return {s for (s, q, obj) in found if q == p and obj == o}


def test_the_subject_of_a_reported_clause_is_who_reports_it():
    # "it" is the party that said so, not the assembly named last
    found = _relations(
        "The Velmar Unity Party, the largest group in the Norvik Assembly, said it would "
        "oppose the Norvik Accord."
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
        "Mira Solvang will travel to Oslo next week. Tomas Ekberg plans to meet her on Friday "
        "in his office."
    )
    assert _has(found, "Tomas Ekberg", "meets", "Mira Solvang", "planned")


def test_a_subject_pronoun_follows_the_pronoun_chain_and_the_reported_clause():
    # "She" continues the "she" of the sentence before, which continues Mira Solvang; the
    # reporting ministry and the minister named in passing are not the topic
    found = _relations(
        "Mira Solvang, who leads the delegation, will hold talks with Foreign Minister Tomas "
        "Ekberg in Oslo, the ministry said. She is expected to visit Cusco too."
    )
    assert _with(found, "visits", "Cusco") == {"Mira Solvang"}
    found = _relations(
        "Mira Solvang was appointed in May. In an interview last year, she ruled out a "
        "ceasefire. Next month she heads to Oslo, where she may meet Tomas Ekberg."
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
        "stalled. Within days the government will decide whether to resume peace talks with "
        "the Coral Liberation Front."
    )
    assert _has(found, "Chile", "holdsTalksWith", "Coral Liberation Front", "planned")
    assert not _has(found, "national security council", "holdsTalksWith", "Coral Liberation Front")


def test_a_title_description_is_the_holder_of_that_very_title():
    # "the president" is not the vice president, even as the subject before
    found = _relations(
        "The Vice President of Peru, Tomas Ekberg, met the President of Peru, Mira Solvang, "
        "in Lima. The president will visit Cusco on Friday."
    )
    assert _with(found, "visits", "Cusco") == {"Mira Solvang"}
    # a title is a holder's only when the name follows it: "the Secretary-General thanked
    # Mr. X" does not make X a secretary-general
    found = _relations(
        "Secretary-General Mira Solvang opened the session in Lima. The Secretary-General "
        "thanked Mr. Tomas Ekberg for his work. Peru was urged by the Secretary-General to "
        "sign the Coral Pact."
    )
    assert _with(found, "urges", "Peru") == {"Mira Solvang"}


def test_a_title_description_that_is_a_subject_continues_the_subject_before():
    found = _relations(
        "Defence Minister Mira Solvang met Foreign Minister Tomas Ekberg in Lima on Monday. "
        "Solvang said Peru was ready to sign the Coral Pact. The minister, who arrived on "
        "Sunday, will visit Cusco on Friday."
    )
    assert _with(found, "visits", "Cusco") == {"Mira Solvang"}


def test_a_title_description_named_in_apposition_is_that_person():
    found = _relations(
        "The head of the Andean Mission, Mira Solvang, said the vote was fair after she met "
        "Lev Marrow. She urged Peru to publish the results."
    )
    assert _with(found, "urges", "Peru") == {"Mira Solvang"}


def test_a_title_description_is_the_holder_named_in_its_own_sentence():
    found = _relations(
        "Defence Minister Mira Solvang arrived in Lima. Foreign Minister Tomas Ekberg stayed "
        "in Quito. Solvang will visit Cusco in June, the ministry said, and the minister will "
        "hold talks with Lev Marrow on Friday."
    )
    assert _has(found, "Mira Solvang", "holdsTalksWith", "Lev Marrow")
    assert not _has(found, "Tomas Ekberg", "holdsTalksWith", "Lev Marrow")


def test_a_possessive_pronoun_is_the_subject_of_the_clause_above_it():
    found = _relations(
        "Mira Solvang, Peru's foreign minister, met Tomas Ekberg, Chile's defence minister, "
        "in Lima on Monday.\n\nSolvang told Ekberg that her government would sign the Coral "
        "Pact in May."
    )
    assert _has(found, "Peru", "signs", "Coral Pact")
    assert not _has(found, "Chile", "signs", "Coral Pact")


def test_a_long_chain_of_pronouns_is_followed_without_deep_recursion():
    # each "She" follows the one before; resolving the last walked back one level of
    # recursion per sentence and a few hundred of them ended the whole build
    text = "Mira Solvang arrived in Norland on Monday. " + "She smiled. " * 1200
    found = _relations(text + "She will visit Oslo in May.")
    assert _has(found, "Mira Solvang", "visits", "Oslo", "planned")


@pytest.mark.parametrize(
    "text",
    [
        "Mira Solvang, Iceland's foreign minister, said it would send 200 troops to the "
        "Andean Force.",
        "President Tomas Ekberg of Iceland said it would send 200 troops to the Andean Force.",
        # "his government": the country of his title, named in the same paragraph
        "Tomas Ekberg, Iceland's president, said his government would send 200 troops to the "
        "Andean Force.",
        "Iceland's president, Tomas Ekberg, said his government would send 200 troops to the "
        "Andean Force.",
    ],
)
def test_it_reported_by_a_person_is_whom_the_persons_title_speaks_for(text):
    # the minister speaks for the country of the title; a person with no such title says
    # nothing of anyone (test_the_subject_of_a_reported_clause_is_who_reports_it)
    assert _has(_relations(text), "Iceland", "contributesTo", "Andean Force", "planned")


def test_she_and_he_agree_with_the_gender_a_courtesy_title_tells():
    # "he" reported by "Ms. X" is not X; "She" after "Mr. X" as the subject before is not X
    found = _relations(
        "Tomas Ekberg arrived in Norvik on Monday. Ms. Mira Solvang said he would travel to "
        "Velmar next week."
    )
    assert _has(found, "Tomas Ekberg", "visits", "Velmar", "planned")
    assert not _with(found, "visits", "Velmar") - {"Tomas Ekberg"}
    found = _relations(
        "Mr. Tomas Ekberg met Mira Solvang in Norvik on Monday. She will travel to Velmar "
        "next week."
    )
    assert _with(found, "visits", "Velmar") == {"Mira Solvang"}


@pytest.mark.parametrize(
    ("text", "traveller"),
    [
        (
            "Tomas Ekberg met Mira Solvang in Oslo on Monday. Ekberg said she would visit "
            "Stockholm in May. He will also travel to Helsinki in June.",
            "Tomas Ekberg",
        ),
        (
            "Mira Solvang met Tomas Ekberg in Oslo on Monday. Solvang said he would visit "
            "Stockholm in May. She will also travel to Helsinki in June.",
            "Mira Solvang",
        ),
    ],
)
def test_a_reporter_taken_for_a_pronoun_by_default_is_told_no_gender(text, traveller):
    # review r8 #25: "X said she would ..." reads she as X by default, a guess: it does not
    # make X a woman, so the next "He" may still be X
    assert _with(_relations(text), "visits", "Helsinki") == {traveller}


def _resolved(monkeypatch, text: str, word: str) -> list[set[str]]:
    """What each token `word` of the text was resolved to (the labels of its entities)."""
    from kg.extract import resolve

    seen: list[set[str]] = []
    original = resolve.ArticleIndex._refs_one

    def refs_one(self, block, tok):
        out = original(self, block, tok)
        if tok.text == word:
            seen.append({r.cluster.label for r in out})
        return out

    monkeypatch.setattr(resolve.ArticleIndex, "_refs_one", refs_one)
    _relations(text)
    return seen


def test_a_possessive_in_a_reporter_after_the_report_is_the_reported_subject(monkeypatch):
    # "her spokesperson said" after "Mira Solvang may meet Tomas Ekberg": her is Mira Solvang,
    # the reported clause's subject, not Tomas Ekberg, named last
    seen = _resolved(
        monkeypatch,
        "Mira Solvang may meet Tomas Ekberg in Norvik later today, her spokesperson said.",
        "her",
    )
    assert seen and all(labels == {"Mira Solvang"} for labels in seen)


@pytest.mark.parametrize(
    ("text", "visitor"),
    [
        # review r7 #8: a pronoun reported by a pronoun of the other gender is not its person
        (
            "Ms Solvang met Tomas Ekberg in Oslo. He said she would visit Stockholm in May.",
            "Solvang",
        ),
        ("Mira Solvang met Mr Ekberg in Oslo. She said he would visit Stockholm in May.", "Ekberg"),
        (
            "Tomas Ekberg met Mira Solvang in Oslo. He said she would visit Stockholm in May.",
            "Mira Solvang",
        ),
        (
            "Mira Solvang met Tomas Ekberg in Oslo. She said he would visit Stockholm in May.",
            "Tomas Ekberg",
        ),
        # review r7 #17: the reported-subject default for "her spokesperson" tells no gender
        (
            "Tomas Ekberg will meet Mira Solvang in Oslo today, her spokesperson said. He will "
            "then travel to Stockholm.",
            "Tomas Ekberg",
        ),
        (
            "Mira Solvang will meet Tomas Ekberg in Oslo today, his spokesperson said. She will "
            "then travel to Stockholm.",
            "Mira Solvang",
        ),
    ],
)
def test_a_pronoun_reported_by_another_is_resolved_by_gender(text, visitor):
    assert _with(_relations(text), "visits", "Stockholm") == {visitor}


@pytest.mark.parametrize(
    "text",
    [
        # review r8 #5: the subject of the sentence before is a default of untold gender
        "Tomas Ekberg met Ms Mira Solvang in Oslo. She will visit Stockholm in May.",
        # a name reporting is one too
        "Tomas Ekberg met Ms Mira Solvang in Oslo. Ekberg said she would visit Stockholm in May.",
    ],
)
def test_a_pronoun_prefers_the_person_told_to_be_of_its_gender(text):
    assert _with(_relations(text), "visits", "Stockholm") == {"Mira Solvang"}


def test_a_possessive_prefers_the_person_told_to_be_of_its_gender():
    # review r8 #5: "Ekberg and her counterpart": her is not Ekberg, of untold gender, when
    # the text told of a woman just before
    found = _relations(
        "Tomas Ekberg met Ms Mira Solvang in Oslo. Ekberg and her counterpart will visit "
        "Stockholm in May."
    )
    assert _has(found, "Mira Solvang", "visits", "Stockholm")


def test_her_government_in_a_clause_coordinated_with_she_is_hers():
    # review r7 #18: "She met Y, Sweden's defence minister, and said her government would
    # ...": her is "She" (the first conjunct's subject), not Y named last
    found = _relations(
        "Mira Solvang, Norway's foreign minister, arrived in Velmar on Monday. She met Tomas "
        "Ekberg, Sweden's defence minister, and said her government would send 200 troops to "
        "the Andean Force."
    )
    assert _with(found, "contributesTo", "Andean Force") == {"Norway"}


def test_its_after_a_coordinated_actor_is_that_actors():
    # review r7 #9: "Sweden and its prime minister" is Sweden's, not the subject Norway's
    found = _relations("Norway praised Sweden and its prime minister, Tomas Ekberg.")
    assert _has(found, "Prime Minister", "positionIn", "Sweden")
    assert not _has(found, "Prime Minister", "positionIn", "Norway")


def test_its_inside_an_apposition_to_a_person_noun_is_the_actor_before_it():
    # a crash (endless recursion) on a round-9 dev article: "an official, its ambassador,
    # X": the official stood for the ambassador's holder, and "its" for the official
    found = _relations(
        "Norway was represented by an official, its ambassador to NATO, Tomas Ekberg."
    )
    assert _has(found, "Ambassador to NATO", "positionIn", "Norway")


def test_its_before_a_title_is_the_nearest_actor_the_title_fits():
    # review r8 #1: a secretary general or a chairman is a body's, a foreign minister a
    # country's: the nearest one named before "its" whose class fits the title
    found = _relations(
        "Norway criticised the Velmar Alliance, and its secretary general, Tomas Ekberg, "
        "rejected the claims."
    )
    assert _has(found, "Secretary General", "positionIn", "Velmar Alliance")
    assert not _has(found, "Secretary General", "positionIn", "Norway")
    found = _relations(
        "Sweden praised the Velmar Trade Council, and its chairman, Tomas Ekberg, thanked Sweden."
    )
    assert _has(found, "Tomas Ekberg", "leads", "Velmar Trade Council")
    assert not _has(found, "Tomas Ekberg", "leads", "Sweden")
    found = _relations(
        "The Velmar Alliance criticised Norway, and its foreign minister, Tomas Ekberg, "
        "rejected the claims."
    )
    assert _has(found, "Foreign Minister", "positionIn", "Norway")
    assert not _has(found, "Foreign Minister", "positionIn", "Velmar Alliance")
    # a body named before the country the sentence names last
    found = _relations(
        "The Velmar Naval Command welcomed Norway's decision, and its commander, General "
        "Tomas Ekberg, is expected in Velmar in June."
    )
    assert _has(found, "Tomas Ekberg", "leads", "Velmar Naval Command")
    assert not _has(found, "Commander", "positionIn", "Norway")


def test_its_before_a_title_is_not_the_place_a_preposition_names():
    # review r8 L1: the destination of a sending is where, not whose ("Sudria" read as a body)
    found = _relations(
        "The Velmar Alliance sent a mission to Sudria, and its commander, Tomas Ekberg, met "
        "Mira Solvang."
    )
    assert not _has(found, "Tomas Ekberg", "leads", "Sudria")
    assert _has(found, "Tomas Ekberg", "leads", "Velmar Alliance")


def test_its_before_a_title_no_actor_fits_is_nobodys():
    # review r8 #1: a summit is no actor, and a chairman is no country's
    found = _relations("Sweden hosted the summit, and its chairman, Tomas Ekberg, opened it.")
    assert not _has(found, "Chairman", "positionIn", "Sweden")
    assert not _has(found, "Tomas Ekberg", "leads", "Sweden")


def test_its_in_a_clause_an_object_controls_is_that_objects():
    # review r8 #1: "urged X to replace its ...": X replaces, so "its" is X's
    found = _relations(
        "Norway urged the Velmar Alliance to replace its secretary general, Tomas Ekberg."
    )
    assert _has(found, "Secretary General", "positionIn", "Velmar Alliance")
    assert not _has(found, "Secretary General", "positionIn", "Norway")


def test_its_before_any_noun_in_a_clause_an_object_controls_is_that_objects():
    # "persuaded X to present its plan": the plan is X's, not the persuader's
    found = _relations("Norway persuaded the Velmar Alliance to present its peace plan in May.")
    assert ("peace plan", "proposedBy", "Velmar Alliance") in found
    assert ("peace plan", "proposedBy", "Norway") not in found


def test_its_after_a_seat_of_government_written_first_is_its_country():
    # "Oslo, for its part, ...": "its" is the country whose seat of government Oslo is
    # (things.py `_nearest_actor` through `as_actor`). The parser once read Oslo here as an
    # adverb; en_core_web_sm 3.8 reads it as the subject, so the adverb case is guarded by
    # the next test (it fails without "npadvmod" in things.py; this one does not)
    found = _relations(
        "Velmar's army has attacked the border town of Arden. Oslo, for its part, has drawn "
        "up its own sanctions against Velmar."
    )
    assert _with(found, "sanctions", "Velmar") == {"Norway"}


def test_its_after_a_subject_the_parser_read_as_an_adverb_is_that_subjects():
    # review r8 #19: "Norvik, for its part, ..." is parsed with Norvik as a noun phrase
    # adverb; "its" is still Norvik's, not Sweden's, named last
    found = _relations(
        "Velmar's army has attacked the border town of Arden. Norvik, for its part, is "
        "considering with Sweden its own peace plan for Velmar."
    )
    assert ("peace plan", "proposedBy", "Norvik") in found
    assert ("peace plan", "proposedBy", "Sweden") not in found


def test_his_government_is_not_of_a_post_named_after_its_sentence():
    # review r8 #19: the post that tells whose government it is was named before the end of
    # its sentence; one named later (here taken years later) does not
    found = _relations(
        "Tomas Ekberg said in 2020 that his government would send 200 troops to the Andean "
        "Force. Ekberg, who became Norway's prime minister in 2030, has since retired."
    )
    assert not _with(found, "contributesTo", "Andean Force")
    found = _relations(
        "Tomas Ekberg, Norway's prime minister, said his government would send 200 troops to "
        "the Andean Force."
    )
    assert _with(found, "contributesTo", "Andean Force") == {"Norway"}


def test_who_replaces_after_an_appointment_is_the_appointee():
    # "She replaces C" after "A has named B as prime minister": B succeeds C, not A
    found = _relations(
        "President Tomas Ekberg has named Mira Solvang, until now finance minister, as prime "
        "minister. She replaces Lev Marrow, who resigned on Monday."
    )
    assert _has(found, "Mira Solvang", "succeeds", "Lev Marrow")
    assert not _has(found, "Tomas Ekberg", "succeeds", "Lev Marrow")


_MOVES = """MOVES-Changes at Tarnwick Bank and Coral Mining

Jan 8 (Reuters) - The following appointments were announced on Thursday.

TARNWICK BANK

The regional lender appointed Mira Solvang as chief risk officer. Solvang succeeds Tomas Ekberg.

CORAL MINING

A week after its results, the state miner has appointed Pieter Dahl as treasurer.
"""


def test_a_firm_described_by_its_trade_is_the_firm_named_just_before():
    # lexicon near_anaphors: "the regional lender" under the heading "TARNWICK BANK"
    found = _relations(_MOVES)
    assert _has(found, "Mira Solvang", "appointedBy", "Tarnwick Bank")
    assert _has(found, "Pieter Dahl", "appointedBy", "Coral Mining")
    # ... but no firm named paragraphs back: "the trawler's operator" is none of the story's
    found = _relations(
        "Tarnwick Shipping Company said on Monday that its tankers would keep sailing to "
        "Norway. A pipeline off the Swedish coast was cut in March. Police in Oslo are "
        "questioning the crew of a trawler. Norway sanctioned the trawler's operator on Friday."
    )
    assert not _with(found, "sanctions", "Tarnwick Shipping Company")
    # none named just before: "the airline" is still the firm named with its word
    found = _relations(
        "Coral Airline said on Monday it would buy ten jets. The order is worth 2 billion "
        "dollars. Analysts expect more orders this year. The airline also appointed Mira "
        "Solvang as chief executive."
    )
    assert _has(found, "Mira Solvang", "appointedBy", "Coral Airline")


def test_it_as_the_object_of_a_coordinated_clause_is_the_object_before():
    # "..., and Velmar opposed it": the plan adopted, not the union that adopted it
    found = _relations("The Andean Union adopted the Norvik Plan on Monday, and Velmar opposed it.")
    assert _has(found, "Velmar", "opposes", "Norvik Plan")
    assert not _has(found, "Velmar", "opposes", "Andean Union")


def test_we_after_i_met_someone_is_the_speaker_and_that_person():
    # in an interview's answer, "I met X, and we signed ...": the interviewee and X sign
    found = _relations(
        "Mira Solvang, Norland's foreign minister, spoke to us in Norvik on Monday.\n\n"
        "Q: What did you do in Velmar?\n\n"
        "A: I met Foreign Minister Tomas Ekberg on Friday, and we signed a memorandum on "
        "fisheries.\n"
    )
    assert _with(found, "signs", "memorandum on fisheries") == {"Mira Solvang", "Tomas Ekberg"}


def test_she_is_never_a_place_the_recognizer_took_for_a_person():
    # the recognizer reads "Buenos Aires" as a person's name; the gazetteer knows it as a seat
    # of government, so "she" is the person named before it
    found = _relations(
        "Mira Solvang took office as envoy on Monday and will fly to Buenos Aires, where she "
        "will meet Tomas Ekberg."
    )
    assert _has(found, "Mira Solvang", "meets", "Tomas Ekberg")
    assert not _has(found, "Buenos Aires", "meets", "Tomas Ekberg")


def test_a_title_subject_before_stands_for_the_name_in_apposition_to_it():
    # review r8 #35: "<Title>, <Name>, met <Other>. He said ...": he is the name in
    # apposition to the subject, not the person named last
    from kg.extract.pipeline import extract

    st = extract(
        "Sweden's defence minister, Tomas Ekberg, met Mira Solvang. He said Sweden would send "
        "200 troops to the Sudria Mission.",
        "t",
    )
    label = {e.id: e.label for e in st.entities}
    said = {
        label.get(r.attributed_to)
        for r in st.relations
        if r.predicate == "contributesTo" and label[r.object] == "Sudria Mission"
    }
    assert said == {"Tomas Ekberg"}


def test_they_opening_a_sentence_is_the_coordinated_subject_before():
    # review r8 #42: "X and Y met in Oslo. They agreed ...": both
    found = _relations(
        "Norway and Sweden met in Oslo. They agreed to send 200 troops to the Sudria Mission."
    )
    assert _with(found, "contributesTo", "Sudria Mission") == {"Norway", "Sweden"}


def test_his_country_is_the_country_of_his_post():
    # review r8 #48: "his country", like "his government", is the country of his post
    found = _relations(
        "Tomas Ekberg, Sweden's prime minister, said his country would send 200 troops to the "
        "Sudria Mission."
    )
    assert _with(found, "contributesTo", "Sudria Mission") == {"Sweden"}


def test_they_after_a_plural_object_is_not_the_coordinated_subject():
    # review r8 L19: "X and Y sent 200 troops ... They will arrive": the troops arrive
    found = _relations(
        "Norway and Sweden sent 200 troops to the Sudria Mission. They will arrive in Velmar "
        "City in May."
    )
    assert not _with(found, "visits", "Velmar City")


def test_it_as_the_subject_of_a_coordinated_clause_is_that_clause_s_subject():
    # review r8 #53: "it" had been the last body named (the alliance), not Sweden
    found = _relations(
        "Sweden will not join the Velmar Alliance, but it will send 50 troops to the Sudria "
        "Mission."
    )
    assert _has(found, "Sweden", "contributesTo", "Sudria Mission", "planned")
    assert not _has(found, "Velmar Alliance", "contributesTo", "Sudria Mission")


@pytest.mark.parametrize(
    "text, fact",
    [
        (
            '"We will send 200 troops to the Sudria Mission," Norway\'s foreign minister, '
            "Mira Solvang, said.",
            ("Norway", "contributesTo", "Sudria Mission", "planned"),
        ),
        (
            # the parser hangs the title on the quotation's last noun: "said" has no subject
            '"We will send 200 troops to the Sudria Mission," Norway\'s foreign minister, '
            "Tomas Ekberg, said.",
            ("Norway", "contributesTo", "Sudria Mission", "planned"),
        ),
        (
            '"I will travel to Velmar next week," Mira Solvang told reporters.',
            ("Mira Solvang", "visits", "Velmar", "planned"),
        ),
        (
            "\u201cWe will not join the Velmar Alliance,\u201d said Tomas Ekberg, Sweden's "
            "prime minister.",
            ("Sweden", "declines", "Velmar Alliance", "refused"),
        ),
    ],
)
def test_first_person_in_a_quotation_is_its_speaker_or_the_speaker_s_country(text, fact):
    # review r8 #47: outside Q/A interviews "I" and "we" had stood for nobody
    assert _has(_relations(text), *fact)


def test_first_person_outside_a_quotation_stays_unresolved():
    found = _relations("Mira Solvang said we would all gain from the Velmar Alliance.")
    assert not any(s == "Mira Solvang" and p != "holdsPosition" for s, p, _o in found)


def test_a_passive_it_in_a_coordinated_clause_is_what_the_clause_before_acted_on():
    # review r9 R1: a passive "it" had been the first clause's subject ("X leads Norland")
    found = _relations(
        "Norland launched the Sudria Mission in 2020, and it is led by Tomas Ekberg."
    )
    assert _has(found, "Tomas Ekberg", "leads", "Sudria Mission")
    assert not _has(found, "Tomas Ekberg", "leads", "Norland")
    found = _relations("Norway proposed the Velmar Plan, but it was rejected by Sweden.")
    assert _has(found, "Sweden", "opposes", "Velmar Plan")
    assert not _has(found, "Sweden", "opposes", "Norway")
    # an object that controls the verb after it may be what "it" stands for: no parallel
    found = _relations(
        "The Velmar Alliance invited Norway to join, but it declined to send troops to the "
        "Sudria Mission."
    )
    assert not _with(found, "declines", "Sudria Mission") & {"Velmar Alliance"}


@pytest.mark.parametrize(
    "text",
    [
        '"We oppose the Velmar Accord," said Mira Solvang, a Norwegian opposition lawmaker.',
        '"We reject the Velmar Accord," said Mira Solvang, a Norwegian analyst at the Velmar '
        "Institute.",
    ],
)
def test_a_quoted_we_is_no_country_a_post_does_not_speak_for(text):
    # review r9 R4: "we" had been the country of any post of the speaker (L14 again)
    assert not _has(_relations(text), "Norway", "opposes", "Velmar Accord")


_TWO_MINISTERS = (
    "On Tuesday the Minister of Foreign Affairs, Mira Solvang, hosted the Minister of Foreign "
    "Affairs of the Kingdom of Sweden, Tomas Ekberg. The two ministers discussed fisheries and "
    "signed the Velmar Fisheries Accord. On Friday the Minister of Foreign Affairs flies to "
    "Madrid."
)


def test_a_title_with_a_states_long_name_before_its_holder_titles_them():
    # "of the Republic of Chile": the owner's long name between the title and the name
    found = _relations(_TWO_MINISTERS)
    assert _has(found, "Mira Solvang", "signs", "Velmar Fisheries Accord"), found
    assert _has(found, "Tomas Ekberg", "signs", "Velmar Fisheries Accord"), found


def test_a_title_without_an_owner_is_the_holder_named_without_one():
    # "the Minister of Foreign Affairs" alone: the one whose title the text gave with no
    # other country's name, not the last one named
    found = _relations(_TWO_MINISTERS)
    assert _has(found, "Mira Solvang", "visits", "Madrid"), found
    assert not _has(found, "Tomas Ekberg", "visits", "Madrid"), found


def test_an_opening_single_quotation_mark_opens_a_quotation():
    # review r9 R7: British and many wire styles quote with ‘ ’
    found = _relations(
        "\u2018We will send 200 troops to the Sudria Mission,\u2019 Mira Solvang, Norway\u2019s "
        "foreign minister, said."
    )
    assert _has(found, "Norway", "contributesTo", "Sudria Mission", "planned")


def test_a_quoted_we_who_meets_or_travels_is_the_speaker():
    # review r9 R6: the country met a person
    found = _relations(
        '"We will meet Tomas Ekberg in Velmar next week," said Mira Solvang, Norway\'s foreign '
        "minister."
    )
    assert _has(found, "Mira Solvang", "meets", "Tomas Ekberg", "planned")
    assert not _has(found, "Norway", "meets", "Tomas Ekberg")


def test_a_quoted_we_of_an_unnamed_spokesperson_is_the_body_they_speak_for():
    # review r9 R11: a spokesperson with no name spoke for nobody
    found = _relations(
        '"We will send troops to the Sudria Mission," a spokesperson for the Norwegian '
        "foreign ministry said."
    )
    assert _has(found, "Norway", "contributesTo", "Sudria Mission", "planned")


def test_a_quoted_we_of_a_named_spokesperson_is_the_body_they_speak_for():
    # review r9 R11, second half: "a spokesperson for X" owned no post, so "we" was nobody
    found = _relations(
        '"We will lend two frigates to the Sudria Mission," Tomas Ekberg, a spokesman for the '
        "Velmar Alliance, told reporters on Monday."
    )
    assert _has(found, "Velmar Alliance", "contributesTo", "Sudria Mission", "planned"), found
    assert _posts_of("Ana Berg, a spokeswoman for the Velmar Alliance, said so.") == {
        ("Ana Berg", "Spokeswoman", "Velmar Alliance")
    }


def _posts_of(text: str) -> set[tuple[str, str, str | None]]:
    from kg.extract.pipeline import extract

    st = extract(text, "t")
    label = {e.id: e.label for e in st.entities}
    owner = {r.subject: label[r.object] for r in st.relations if r.predicate == "positionIn"}
    return {
        (label[r.subject], label[r.object], owner.get(r.object))
        for r in st.relations
        if r.predicate == "holdsPosition"
    }


def test_a_we_after_a_closed_quotation_is_not_quoted():
    # review r9 R9: any quote mark before the pronoun had made it quoted
    found = _relations(
        'Mira Solvang, Norway\'s foreign minister, who called the plan "dead", said we would '
        "not join the Velmar Alliance."
    )
    assert not _has(found, "Norway", "declines", "Velmar Alliance")


@pytest.mark.parametrize(
    "text, owner",
    [
        ("Mali's defence minister, Mira Solvang, met the envoy on Monday.", "Mali"),
        ("Togo's foreign minister, Mira Solvang, will chair the talks.", "Togo"),
    ],
)
def test_a_country_the_recognizer_takes_for_a_person_owns_the_title(text, owner):
    # the recognizer reads "Mali" and "Togo" here as people: a gazetteer country is the
    # country's, unless it is a word of a person's longer name in the article
    assert any(p == "positionIn" and o == owner for _s, p, o in _relations(text))


def test_a_country_name_that_is_part_of_a_persons_name_stays_the_persons():
    from kg.extract.pipeline import extract

    st = extract("Chad Ekberg arrived in Velmar on Monday. Chad said the talks went well.", "t")
    assert not any(e.cls == "Country" for e in st.entities)


@pytest.mark.parametrize(
    "text, title",
    [
        (
            "Norwegian President Tomas Ekberg wants the clause removed; his foreign minister, "
            "Mira Solvang, said so again on Monday.",
            "Foreign Minister",
        ),
        (
            "Prime Minister Tomas Ekberg of Norway arrived in Velmar. His deputy, Mira Solvang, "
            "stayed at home.",
            "Deputy",
        ),
    ],
)
def test_a_title_a_person_possesses_is_of_the_owner_of_that_persons_post(text, title):
    found = _relations(text)
    assert _has(found, title, "positionIn", "Norway")


def test_two_entities_the_gazetteer_knows_apart_are_no_apposition():
    # a list the parser reads as "Peru, (that is) the Republic of Korea"
    found = _relations(
        "Peru, the Republic of Korea and Norway will sign the Velmar Protocol in March."
    )
    for country in ("Peru", "South Korea", "Norway"):
        assert _has(found, country, "signs", "Velmar Protocol", "planned"), found


@pytest.mark.parametrize(
    "text",
    [
        "Norland will send two frigates to a large naval exercise in the Baltic. Exercise "
        "Iron Gate will be the biggest in a decade.",
        # the name placed where the description is held
        "Mira Solvang said Norland would send two frigates to a large naval exercise in the "
        "Baltic. Exercise Iron Gate, to be held in the Baltic in June, will be the biggest "
        "in a decade.",
    ],
)
def test_a_description_just_before_a_name_carrying_its_head_word_is_that_name(text):
    # lexicon `named_by_head`: an exercise's or an operation's name carries its kind
    found = _relations(text)
    assert _has(found, "Norland", "contributesTo", "Exercise Iron Gate", "planned"), found


@pytest.mark.parametrize(
    "text, name",
    [
        # another exercise (lexicon `contrast_words`)
        (
            "Norland will send two frigates to another naval exercise. Exercise Iron Gate "
            "will be the biggest in a decade.",
            "Exercise Iron Gate",
        ),
        # named too far after it (`named_by_head_window`)
        (
            "Norland will send two frigates to a large naval exercise in the Baltic. The "
            "frigates left port on Monday. Their crews trained for months. Sweden hosted "
            "Exercise Iron Gate last year.",
            "Exercise Iron Gate",
        ),
        # in a sentence of another story (`topic_shift_words`)
        (
            "Norland will send two frigates to a large naval exercise next month. Separately, "
            "Sweden is hosting Exercise Iron Gate.",
            "Exercise Iron Gate",
        ),
        # held elsewhere: in a clause on the name, on the name's verb
        (
            "Norland will contribute troops to a training operation in Mali. Operation Sea "
            "Guard, which patrols the Red Sea, ended in March.",
            "Operation Sea Guard",
        ),
        (
            "Norland will join a joint naval exercise in the Baltic in May. Sweden is hosting "
            "Exercise Iron Gate in the Arctic in June.",
            "Exercise Iron Gate",
        ),
    ],
)
def test_a_description_is_not_a_name_carrying_its_head_word_far_off_or_elsewhere(text, name):
    found = _relations(text)
    assert not {(s, p) for (s, p, o) in found if o == name and s == "Norland"}, found


@pytest.mark.parametrize(
    "text, title, owner",
    [
        (
            "At the talks Sweden will be represented by Foreign Minister Mira Solvang, "
            "officials said.",
            "Foreign Minister",
            "Sweden",
        ),
        (
            "Norway, represented by State Secretary Mira Solvang, is weighing a pledge.",
            "State Secretary",
            "Norway",
        ),
        (
            "Oslo has sent Deputy Foreign Minister Tomas Ekberg to the summit.",
            "Deputy Foreign Minister",
            "Norway",
        ),
        (
            "The Swedish delegation is headed by Deputy Trade Minister Tomas Ekberg.",
            "Deputy Trade Minister",
            "Sweden",
        ),
    ],
)
def test_a_title_with_no_owner_is_of_the_country_that_sends_its_holder(text, title, owner):
    # lexicon `sending_verbs`
    assert _has(_relations(text), title, "positionIn", owner)


@pytest.mark.parametrize(
    "text, title, owner",
    [
        (
            "Iceland will lend two patrol boats to the coast guard, Interior Minister Kalle "
            "Brandt said on Friday.",
            "Interior Minister",
            "Iceland",
        ),
        (
            "Energy Minister Kalle Brandt told lawmakers that Oslo would not raise the levy.",
            "Energy Minister",
            "Norway",
        ),
        (
            "Peru's cabinet on Tuesday approved the accord, Trade Minister Kalle Brandt "
            "told a press briefing.",
            "Trade Minister",
            "Peru",
        ),
        (
            "The foreign minister, Kalle Brandt, said Chile had no plans to recall its envoy.",
            "Foreign Minister",
            "Chile",
        ),
    ],
)
def test_a_title_with_no_owner_is_of_the_country_whose_act_its_holder_reports(text, title, owner):
    # lexicon `country_speaker_titles`: a government's official speaks for the country
    # the reported clause has as its subject
    assert _has(_relations(text), title, "positionIn", owner)


@pytest.mark.parametrize(
    "text, title, country",
    [
        # a body's officer reports what its members do
        (
            "Iceland has offered two engineers, Executive Secretary Kalle Brandt told reporters.",
            "Executive Secretary",
            "Iceland",
        ),
        # a rank is nobody's post
        (
            "Iceland would welcome any partner, Brigadier Kalle Brandt said.",
            "Brigadier",
            "Iceland",
        ),
        # several countries: no one of them
        (
            "Iceland and Norway have sent observers, Foreign Minister Kalle Brandt said.",
            "Foreign Minister",
            "Iceland",
        ),
        # a negated report
        (
            "Foreign Minister Kalle Brandt did not say whether Iceland would pay.",
            "Foreign Minister",
            "Iceland",
        ),
        # review AF7: what a rival did or must do, a posted envoy
        (
            "Togo has massed troops on the border, Defence Minister Mira Solvang said.",
            "Defence Minister",
            "Togo",
        ),
        (
            "Togo must withdraw its troops from the border, Foreign Minister Mira Solvang told "
            "reporters.",
            "Foreign Minister",
            "Togo",
        ),
        (
            "Ambassador Mira Solvang said Togo had closed two consulates.",
            "Ambassador",
            "Togo",
        ),
    ],
)
def test_a_reported_country_owns_no_body_title_rank_or_shared_clause(text, title, country):
    assert not _has(_relations(text), title, "positionIn", country)


def test_a_body_led_by_a_titled_person_owns_no_title_of_its_own():
    found = _relations("The mission, which is led by Colonel Tomas Ekberg, will stay until May.")
    assert not any(p == "positionIn" for _s, p, _o in found)


def test_an_acronym_after_a_description_and_its_place_names_the_description():
    from kg.extract.pipeline import extract

    st = extract(
        "The Velmar Union said its civilian observer mission in Norland (VOMN) would stay "
        "until May.",
        "t",
    )
    mission = [e for e in st.entities if e.label == "civilian observer mission"]
    assert mission and "VOMN" in mission[0].aliases
    assert not any(e.label == "VOMN" for e in st.entities)


@pytest.mark.parametrize(
    "text, title, owner",
    [
        (
            "The African Union weighed a new mission, but the bloc's special envoy for "
            "Norland, Mira Solvang, said nothing.",
            "Special Envoy for Norland",
            "African Union",
        ),
        (
            "The European Union met on Monday. The bloc's envoy for Norland, Mira Solvang, "
            "said nothing.",
            "Envoy for Norland",
            "European Union",
        ),
    ],
)
def test_the_blocs_title_is_the_body_named_before(text, title, owner):
    # lexicon `anaphors`: "the bloc" is the international body named before ("the alliance"
    # is not: a party alliance too)
    assert _has(_relations(text), title, "positionIn", owner)


def test_a_name_given_by_a_naming_participle_names_the_clauses_subject():
    # lexicon `naming_verbs`: "Named X, the exercise ..." (the recognizer reads X as a person)
    found = _relations(
        "The Norland Navy will hold a large joint exercise off Velmar in June, officials "
        "said. Named Iron Tide, the exercise will include air defence drills."
    )
    assert _has(found, "Norland Navy", "contributesTo", "Iron Tide"), found


def test_the_army_is_the_armed_forces_named_before_not_the_last_force():
    found = _relations(
        "Chile will host the Andean Summit in Lima on Friday. The Velmar Armed Forces have "
        "fought the Coastal Front militia for a year. The army has declined to attend, "
        "officials said."
    )
    assert _has(found, "Velmar Armed Forces", "declines", "Andean Summit"), found
    assert not _has(found, "Coastal Front", "declines", "Andean Summit"), found


def test_the_minister_is_the_subject_before_also_with_a_title_read_after_the_name():
    """ "X said ... . The minister ..." picks X among the ministers named before, also when
    X's title follows the name ("Y, Velmar's defence minister") and another's precedes one."""
    found = _relations(
        "The pact was inked by Norland's Defence Minister Tomas Ekberg and Mira Solvang, "
        "Velmar's defence minister. Ekberg called it a fine day for both navies. Solvang said "
        "Velmar wanted real partners. Later in the day the minister, a former envoy to "
        "Norland, had a separate meeting with General Anja Berg."
    )
    assert _has(found, "Mira Solvang", "meets", "Anja Berg"), found
    assert not _has(found, "Tomas Ekberg", "meets", "Anja Berg"), found


@pytest.mark.parametrize(
    "text, s, p, o",
    [
        # a noun of no entity with a name set off by commas: the name does what it does
        (
            "The broker, Tomas Ekberg, has drafted a peace roadmap.",
            "peace roadmap",
            "proposedBy",
            "Tomas Ekberg",
        ),
        (
            "The mediator, Tomas Ekberg, who once ran the Velmar Fund, is to visit Sweden.",
            "Tomas Ekberg",
            "visits",
            "Sweden",
        ),
        (
            "Mira Solvang met the group's founder, Tomas Ekberg, at a dinner in Oslo.",
            "Mira Solvang",
            "meets",
            "Tomas Ekberg",
        ),
    ],
)
def test_a_common_noun_stands_for_the_name_in_apposition_after_it(text, s, p, o):
    assert _has(_relations(text), s, p, o)
