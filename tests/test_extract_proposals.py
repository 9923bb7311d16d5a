"""A proposal made as a clause ("Chile proposed that the commission meet every month")
names no plan; the text names it after, by a noun of proposing: "..., a plan Peru welcomed",
"envoys familiar with the plan", "The proposal still needs ...". That noun's plan is the one
proposed (frames.yaml object `restated`, `restating_nouns`). Invented sentences; each test
fails without it."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.slow


def _extract(text: str):
    from kg.extract.pipeline import extract

    return extract(text, "t")


def _relations(st) -> set[tuple[str, str, str]]:
    label = {e.id: e.label for e in st.entities}
    return {(label[r.subject], r.predicate, label[r.object]) for r in st.relations}


@pytest.mark.parametrize(
    "text, relation",
    [
        (
            # the noun later in the same sentence
            "Chile has proposed that the border commission meet every month until June, two "
            "envoys familiar with the plan said on Friday.",
            ("plan", "proposedBy", "Chile"),
        ),
        (
            # the noun in the next sentence
            "Mira Solvang said Chile had proposed that the naval mission also watch the "
            "trawler fleets, an idea Peru welcomed. The proposal still needs a vote of the "
            "council.",
            ("proposal", "proposedBy", "Chile"),
        ),
        (
            # what the next sentence says of it is said of the same plan
            "Ecuador suggested that the three parks share their ranger patrols. Colombia "
            "rejected the proposal the next morning.",
            ("proposal", "proposedBy", "Ecuador"),
        ),
    ],
)
def test_a_proposal_made_as_a_clause_is_the_plan_named_after_it(text, relation):
    assert relation in _relations(_extract(text))


@pytest.mark.parametrize(
    "text, wrong",
    [
        (
            # the clause names the plan itself: it is proposed, not "the plan" after it
            "Chile proposed that the coastal states receive a five-year deadline. The plan was "
            "welcomed in Lima.",
            ("plan", "proposedBy", "Chile"),
        ),
        (
            # the clause names what it brings about: that is proposed, not the plan after it
            "Chile proposed that the envoys hold a summit in Lima, diplomats familiar with "
            "the plan said.",
            ("plan", "proposedBy", "Chile"),
        ),
        (
            # "the proposal" is another's, named before the clause
            "Peru tabled a proposal on river pilots. Chile suggested that the envoys meet "
            "again in June, and Bolivia backed the proposal.",
            ("proposal on river pilots", "proposedBy", "Chile"),
        ),
        (
            # a plan with an owner of its own is not the clause's
            "Chile has proposed that the border commission meet every month. Bolivia's plan "
            "is different.",
            ("plan", "proposedBy", "Chile"),
        ),
        (
            # a noun with content of its own names that content's plan
            "Chile proposed that the envoys meet again in June. The plan to build a joint "
            "customs office was dropped.",
            ("plan", "proposedBy", "Chile"),
        ),
        (
            # a new plan (an indefinite noun) is not the one the clause proposed
            "Chile suggested that the envoys meet again in May. A plan for the coast is due "
            "next week.",
            ("plan for the coast", "proposedBy", "Chile"),
        ),
        (
            # a plan another presents is theirs (review r16 AB2)
            "Chile suggested that the envoys meet again in May. Velmar presented the plan "
            "on Tuesday.",
            ("plan", "proposedBy", "Chile"),
        ),
        (
            # a plan whose maker its "of" phrase names is theirs (review r16 AB2)
            "Chile suggested that the envoys meet again in May. The initiative of the "
            "Nordic Council was welcomed.",
            ("initiative of the Nordic Council", "proposedBy", "Chile"),
        ),
        (
            # what was done, not proposed ("suggested that X had ...")
            "Chile suggested that Peru had misled the envoys. The plan was dropped.",
            ("plan", "proposedBy", "Chile"),
        ),
    ],
)
def test_no_plan_named_after_a_clause_that_is_no_proposal_of_it(text, wrong):
    assert wrong not in _relations(_extract(text))


@pytest.mark.parametrize(
    "text, relation",
    [
        (
            "Velmar suggested a temporary tariff on imported steel.",
            ("temporary tariff", "proposedBy", "Velmar"),
        ),
    ],
)
def test_suggesting_a_plan_names_who_proposed_it(text, relation):
    # lexicon `theme_verbs` makes its object a plan; the frame names who proposed it
    assert relation in _relations(_extract(text))


@pytest.mark.parametrize(
    "text",
    [
        "The minister of Velmar submitted her resignation on Friday.",
        # review r16 AB3: submitting a document proposes nothing
        "The Velmar Bank submitted its annual accounts to the regulator in March.",
    ],
)
def test_what_is_submitted_is_no_plan_proposed(text):
    st = _extract(text)
    assert not any(r.predicate == "proposedBy" for r in st.relations)


@pytest.mark.parametrize(
    "text, relation",
    [
        (
            # the one the text gave a post
            "The Velmar cabinet on Tuesday appointed General Tomas Ekberg as army chief. "
            "Norway and Denmark welcomed the appointment.",
            ("Norway", "supports", "Tomas Ekberg"),
        ),
        (
            # the noun said again with its person wins over one named to a post since
            "The cabinet approved the appointment of Mira Solvang as governor of the "
            "central bank. It also named Tomas Ekberg as acting finance secretary. The "
            "Green Party will not back the appointment.",
            ("Green Party", "supports", "Mira Solvang"),
        ),
        (
            # the object of one of the noun's verbs wins over one given another post
            "Its president, Ana Lund, has nominated Mira Solvang as deputy governor of the "
            "central bank. Norway named Tomas Ekberg as its ambassador to Velmar on Monday. "
            "Sweden welcomed the nomination.",
            ("Sweden", "supports", "Mira Solvang"),
        ),
    ],
)
def test_a_bare_appointment_stands_for_the_person_it_is_of(text, relation):
    assert relation in _relations(_extract(text))


def test_appointments_in_the_plural_stand_for_no_one_person():
    st = _extract(
        "The Velmar cabinet on Tuesday appointed General Tomas Ekberg as army chief. "
        "Norway welcomed the appointments."
    )
    assert not any(r.predicate == "supports" for r in st.relations)


def test_an_appointment_stands_for_no_one_named_before():
    st = _extract(
        "The Velmar cabinet on Tuesday appointed General Tomas Ekberg as army chief. "
        "Norway also welcomed an appointment in its own cabinet."
    )
    assert not any(r.predicate == "supports" for r in st.relations)


@pytest.mark.parametrize(
    "text",
    [
        # review r16 AB7: the same noun named another's nomination just before
        "Tomas Ekberg became chairman of the Velmar Bank in 2010. The bank grew fast. In May "
        "the Nordic Council backed the nomination of a Swedish judge, and Norway rejected the "
        "nomination.",
        # review r16 AB7: a post given long before is not what "the nomination" is of
        "Tomas Ekberg was elected mayor of Norvik in 2018. He served two terms and left "
        "politics. The bank grew fast. It opened offices abroad. The Velmar Party rejected "
        "the nomination on Friday.",
    ],
)
def test_a_bare_nomination_is_not_of_someone_named_otherwise_or_long_before(text):
    st = _extract(text)
    label = {e.id: e.label for e in st.entities}
    assert not any(
        label[r.object] == "Tomas Ekberg" and r.predicate in ("supports", "opposes")
        for r in st.relations
    )


# -- plans named as the text names them (round 17) ---------------------------------------------


def _labels(st) -> dict[str, tuple[str, ...]]:
    return {e.label: e.aliases for e in st.entities}


def test_a_to_infinitive_read_as_a_relative_clause_still_creates_the_plan():
    # the parser hangs "to set up" on "initiative" as `relcl`: the centre is what is
    # proposed, and "the initiative" later is that centre (syntax/arguments completes_noun)
    found = _relations(
        _extract(
            "Velmar unveiled an initiative to set up a shared centre for tracking river "
            "pollution. The initiative was backed by Norland."
        )
    )
    assert ("shared centre", "proposedBy", "Velmar") in found
    assert ("Norland", "supports", "shared centre") in found


@pytest.mark.parametrize(
    "text, relation",
    [
        (
            "The Velmar Party has requested an emergency session of the assembly.",
            ("emergency session", "proposedBy", "Velmar Party"),
        ),
        (
            "Norland requested talks with Velmar on the border.",
            ("talks with Velmar on the border", "proposedBy", "Norland"),
        ),
    ],
)
def test_an_event_requested_is_proposed(text, relation):
    assert relation in _relations(_extract(text))


def test_a_headline_plan_after_a_spaced_dash_is_named_without_what_comes_before():
    st = _extract(
        "UPDATES: Finance chiefs arrive in Rome - Velmarian plan to pool debt, Greece "
        "cautious, Spain silent\n\nROME - Finance chiefs met on Monday."
    )
    labels = _labels(st)
    assert "Velmarian plan" in labels
    assert "Velmarian plan to pool debt" in labels["Velmarian plan"]
    assert not any("Rome -" in name for e in st.entities for name in (e.label, *e.aliases))


def test_a_joint_name_with_a_spaced_dash_keeps_its_first_party():
    # review r17 AC3: only a place after a preposition is cut off before the dash
    st = _extract(
        "The Norland - Velmar border commission met in Norvik on Monday and was chaired by "
        "Ana Ortiz."
    )
    assert ("Ana Ortiz", "leads", "Norland - Velmar border commission") in _relations(st)


def test_a_pair_of_places_with_a_spaced_dash_is_one_name():
    # review r17 AC3 residue: a place after the dash too is the other end of one thing
    st = _extract("Velmar signed up to Nairobi - Kampala pipeline.")
    assert "Kampala pipeline" not in _labels(st)


def test_an_aside_after_a_participle_is_on_the_subject_the_participle_completes():
    # "sponsored by" hangs on "embargo" in the parse; it is the text's (syntax/repair.py
    # _aside_on_the_phrase), which is named by what it does (common_nouns _acting)
    st = _extract(
        "The board widened the embargo in May. The text extending the embargo, sponsored by "
        "Norland and Velmar, won approval on Friday."
    )
    found = _relations(st)
    assert ("text", "proposedBy", "Norland") in found
    assert ("text", "proposedBy", "Velmar") in found
    assert not any(r[0] == "embargo" and r[1] == "proposedBy" for r in found)
    assert "The text extending the embargo" in _labels(st)["text"]


def test_an_aside_after_an_object_is_left_where_the_parser_hung_it():
    found = _relations(
        _extract("Velmar signed the text extending the embargo, drafted by Norland, on Friday.")
    )
    assert ("text", "proposedBy", "Norland") not in found


@pytest.mark.parametrize(
    "text, wrong",
    [
        # a compound the parser read as a participle: no ceasefire plan
        ("Norway will head the ceasefire monitoring mission in Sudan.", "ceasefire"),
        # an indefinite text "ready to support": none drafted yet
        (
            "Sudria said it could back a resolution prolonging the Velmar embargo on arms.",
            "resolution",
        ),
    ],
)
def test_no_plan_named_by_a_participle_after_a_compound_or_an_indefinite_noun(text, wrong):
    assert wrong not in _labels(_extract(text))


@pytest.mark.parametrize(
    "text, relation",
    [
        (
            # a bare "the party" is the party named last (lexicon bare_anaphors), also when
            # an acronym the name does not spell out is another party's name beside it
            "The Velmar Liberal Party (PDL), of the opposition, said the reshuffle changes "
            "nothing. The party has requested an emergency session of the assembly.",
            ("emergency session", "proposedBy", "Velmar Liberal Party"),
        ),
    ],
)
def test_the_party_is_the_party_named_last(text, relation):
    assert relation in _relations(_extract(text))


@pytest.mark.parametrize(
    "text, wrong",
    [
        (
            # "his party" is the body of his post, not the party named last
            "The Velmar Liberal Party backs the treaty. Labour leader Tomas Ekberg said his "
            "party would oppose the treaty.",
            ("Velmar Liberal Party", "opposes", "treaty"),
        ),
        (
            # a party named in apposition is named there, not the one before
            "The Velmar Liberal Party backs the treaty. The main opposition party, the "
            "Norland Green League, rejected the treaty.",
            ("Velmar Liberal Party", "opposes", "treaty"),
        ),
    ],
)
def test_a_party_noun_with_more_than_a_determiner_is_no_anaphor(text, wrong):
    assert wrong not in _relations(_extract(text))


@pytest.mark.parametrize(
    "text, label, name",
    [
        (
            "Sudria said it supported the Velmar Union's call for arbitration.",
            "call for arbitration",
            "Velmar Union's call for arbitration",
        ),
        (
            "Norland welcomed Ekberg's visit to Velmar City.",
            "visit to Velmar City",
            "Ekberg's visit",
        ),
        (
            "Ana Ortiz will attend Monday's meeting of trade ministers.",
            "meeting of trade ministers",
            "Monday's meeting",
        ),
    ],
)
def test_a_plan_or_event_is_also_named_with_its_possessor(text, label, name):
    # common_nouns _owned_names: the label leaves the possessor out, an alias keeps it
    assert name in _labels(_extract(text))[label]


def test_no_name_with_a_pronoun_possessor():
    st = _extract("The Velmar Union, whose mandate ends in May, tabled its plan for a fund.")
    assert not any(
        name.lower().startswith(("its ", "whose ")) for e in st.entities for name in e.aliases
    )


def test_the_measures_are_the_sanctions_named_before():
    # lexicon bare_anaphors: a bare "the measures" refers back to the plan named last
    found = _relations(
        _extract(
            "Norland on Monday imposed sanctions on three Velmar generals. The measures had "
            "been drafted by the Norland Foreign Office in May."
        )
    )
    assert ("sanctions on three Velmar generals", "proposedBy", "Norland Foreign Office") in found


def test_measures_with_words_of_their_own_refer_back_to_nothing():
    st = _extract(
        "Ana Ortiz read a televised statement on Monday. The Velmar Workers League opposed "
        "the same tax measures that had sparked unrest."
    )
    label = {e.id: e.label for e in st.entities}
    assert not any(label[r.object] == "televised statement" for r in st.relations)


@pytest.mark.parametrize(
    "text, urged",
    [
        # asking its own body to act is no plea to another (frames.yaml urges, `others`)
        (
            "The Velmar Union said it would ask its Defence Council to approve the truce.",
            False,
        ),
        (
            "The Velmar Union said it would ask the Norland Defence Council to approve it.",
            True,
        ),
    ],
)
def test_asking_its_own_body_is_no_urging(text, urged):
    assert any(r.predicate == "urges" for r in _extract(text).relations) is urged


@pytest.mark.parametrize(
    "text, wrong",
    [
        # review r17 AC13: "the measures" are sanctions or curbs named before, not any plan
        (
            "Norland proposed a ceasefire plan on Monday. Velmar imposed a curfew and closed "
            "its schools. The measures were criticised by Sudria.",
            ("Sudria", "opposes", "ceasefire plan"),
        ),
        (
            "The Velmar Accord was signed in May. Norland's central bank raised interest rates "
            "twice in June, and the measures were opposed by the Velmar Workers League.",
            ("Velmar Workers League", "opposes", "Velmar Accord"),
        ),
    ],
)
def test_the_measures_are_no_plan_of_another_kind(text, wrong):
    assert wrong not in _relations(_extract(text))


@pytest.mark.parametrize(
    "text, relation",
    [
        (
            "The Ostvik Pension Fund said its chief executive, Per Lund, will retire in June. "
            "Its board has proposed Ola Brekke as his successor.",
            ("Ola Brekke", "proposedBy", "Ostvik Pension Fund"),
        ),
        (
            "Mira Solvang proposed Ola Brekke for the post at the Velmar Rail Company.",
            ("Ola Brekke", "proposedBy", "Mira Solvang"),
        ),
    ],
)
def test_a_person_proposed_as_a_successor_or_for_a_post_is_proposed(text, relation):
    # frames.yaml `post_nouns`: a post named by no title is a post the frame needs
    assert relation in _relations(_extract(text))


def test_a_person_proposed_as_something_else_is_not_proposed_for_a_post():
    st = _extract("Mira Solvang proposed Ola Brekke as the source of the figures.")
    assert not any(r.predicate == "proposedBy" for r in st.relations)


@pytest.mark.parametrize(
    "text, relation",
    [
        (
            "Norland's premier, Ivo Sand, put forward a permanent secretariat for the "
            "salmon accord on Tuesday.",
            ("permanent secretariat", "proposedBy", "Ivo Sand"),
        ),
        (
            "At the river forum, Velmar proposed a joint mechanism for the water trade "
            "between the upland states and the coastal provinces.",
            ("joint mechanism", "proposedBy", "Velmar"),
        ),
    ],
)
def test_a_body_proposed_with_an_adjective_or_a_phrase_is_named(text, relation):
    # common_nouns._proposed_body: no name, number or compound specifies it, yet the
    # verb of proposing makes it one
    assert relation in _relations(_extract(text))


@pytest.mark.parametrize(
    "text",
    [
        "Velmar proposed a committee.",
        "Velmar proposed a similar mechanism.",
        "Velmar praised a joint mechanism for the water trade.",
    ],
)
def test_a_bare_or_unproposed_body_names_none(text):
    st = _extract(text)
    assert not any(e.cls == "GovernmentBody" for e in st.entities)


def test_a_long_complement_is_named_up_to_its_noun_phrase():
    # common_nouns._up_to_phrase: the name stops before the phrase its noun has
    from tests.sentences import names

    found = names(
        "At the river forum, Velmar proposed a joint mechanism for the water trade between "
        "the upland states and the coastal provinces."
    )
    assert "joint mechanism for the water trade" in found.get("joint mechanism", set())


@pytest.mark.parametrize(
    "text",
    [
        "The senate rejected Norland's plan to disband the Velmar Harbour Board.",
        "Norland's plan to expand the Coastal Guard Corps was welcomed in Velmar.",
    ],
)
def test_a_plan_to_do_what_brings_nothing_about_is_the_plan_proposed(text):
    # objects._content_named: only a to-infinitive that brings its object about names the
    # plan's content (frame object `intended`); else the plan itself is its possessor's
    assert ("plan", "proposedBy", "Norland") in _relations(_extract(text))


@pytest.mark.parametrize(
    "text, relation",
    [
        (
            "Tomas Ekberg tabled the idea of a shared clearing unit for the grain trade.",
            ("shared clearing unit", "proposedBy", "Tomas Ekberg"),
        ),
        (
            "Mira Solvang once more tabled her proposal of a regional fund, which would pay "
            "farmers for each hectare kept wild.",
            ("regional fund", "proposedBy", "Mira Solvang"),
        ),
    ],
)
def test_what_a_proposal_is_of_is_proposed(text, relation):
    # frames.yaml object `content:of`, common_nouns._proposal_content
    assert relation in _relations(_extract(text))


def test_the_maker_a_proposal_is_of_is_not_proposed():
    found = _relations(_extract("Norland tabled the proposal of the Velmar Council."))
    assert not any(s == "Velmar Council" and p == "proposedBy" for s, p, _ in found)


def test_a_proposal_a_name_possesses_is_not_the_last_plan_named():
    # link_descriptions._named_possessor: "Galvan's proposal" is Galvan's, not the unit
    found = _relations(
        _extract(
            "Tomas Ekberg tabled the idea of a shared clearing unit for the grain "
            "trade. Anders Galvan proposed that the central banks link their card networks "
            "by 2027. Mira Solvang supported Galvan's proposal."
        )
    )
    assert ("Mira Solvang", "supports", "shared clearing unit") not in found
    assert ("proposal", "proposedBy", "Anders Galvan") in found


@pytest.mark.parametrize(
    "text, relation",
    [
        (
            "Norland has proposed trimming the levy that Velmar trawlers pay at the locks.",
            ("trimming the levy", "proposedBy", "Norland"),
        ),
        (
            "Mira Solvang suggested shortening every shift from ten to eight hours.",
            ("shortening every shift", "proposedBy", "Mira Solvang"),
        ),
        (
            # what a gerund carries on is the plan
            "Norland proposed keeping the joint quota until 2031.",
            ("joint quota", "proposedBy", "Norland"),
        ),
    ],
)
def test_a_plan_proposed_as_a_gerund(text, relation):
    # common_nouns.gerund_plans, frames.yaml object `gerund-plan`
    assert relation in _relations(_extract(text))


def test_a_gerund_that_undoes_proposes_nothing():
    st = _extract("Norland proposed lifting the fishing ban on Velmar.")
    assert not any(r.predicate == "proposedBy" for r in st.relations)


@pytest.mark.parametrize(
    "text, proposed",
    [
        # review r18 AD15: a judgement proposed is no plan (frames.yaml `judging_verbs`)
        ("Sudria suggested blaming the dock unions for the delays.", "blaming the dock unions"),
        # review r18 AD15: what a gerund changes is not what is proposed (only what it
        # brings about or carries on: objects.py `_brings_or_carries`)
        ("Sudria proposed raising the fuel tax by a third.", "fuel tax"),
    ],
)
def test_a_gerund_that_judges_or_changes_does_not_propose_its_object(text, proposed):
    found = _relations(_extract(text))
    assert (proposed, "proposedBy", "Sudria") not in found, found


@pytest.mark.parametrize(
    "text, relation",
    [
        (
            # frames.yaml `restating_nouns`: an indefinite noun set after a comma beside
            # the proposed clause (objects.py `_set_beside`)
            "Sudria's delegation proposed that the auditors report every month rather than "
            "twice a year, a proposal welcomed by Oslavia.",
            ("proposal", "proposedBy", "Sudria"),
        ),
        (
            # the noun read as an adverbial noun by the parser (common_nouns._chunks)
            "Mira Solvang has proposed that the harbour trust cover half of the dredging "
            "bill, a plan that the lenders have questioned.",
            ("plan", "proposedBy", "Mira Solvang"),
        ),
        (
            # review AE5: another shape (a short clause, a relative clause on the noun)
            "Oslavia proposed that the auditors meet monthly, a plan that Sudria welcomed.",
            ("plan", "proposedBy", "Oslavia"),
        ),
    ],
)
def test_a_clause_proposal_restated_by_an_indefinite_noun_beside_it(text, relation):
    assert relation in _relations(_extract(text))


def test_an_indefinite_noun_in_a_later_sentence_is_a_new_plan():
    found = _relations(
        _extract(
            "Sudria proposed that the auditors report every month. Oslavia later tabled a "
            "plan of its own."
        )
    )
    assert ("plan", "proposedBy", "Sudria") not in found, found


@pytest.mark.parametrize(
    "text, relation",
    [
        (
            # a noun of no plan class that a relative clause of proposing acts on
            # (common_nouns._proposing_relative)
            "Port officials discussed a second ferry berth, which was first proposed by Oslavia.",
            ("second ferry berth", "proposedBy", "Oslavia"),
        ),
        (
            # the parser hangs the clause on the noun of the "of" phrase: the plan is the
            # head noun, named with its phrase (resolve._completed)
            "Two weeks later the Senate threw out, with the votes of both wings of the "
            "coalition, the overhaul of the rail tariff which Mr. Marrow had proposed in May.",
            ("overhaul of the rail tariff", "proposedBy", "Marrow"),
        ),
        (
            # review AE5: a defining relative clause with "that", the noun its subject
            "The toll bridge that Oslavia had proposed was shelved in March.",
            ("toll bridge", "proposedBy", "Oslavia"),
        ),
    ],
)
def test_what_a_relative_clause_of_proposing_acts_on_is_a_plan(text, relation):
    assert relation in _relations(_extract(text))


def test_a_relative_clause_inside_a_plans_phrase_proposes_the_plan_not_its_words():
    # "which was proposed by X" after "the plan to bring ... under state control": not
    # "state control" (common_nouns._proposing_relative)
    found = _relations(
        _extract(
            "The cabinet will fix a schedule for the plan to put all rifles under army "
            "control, which was proposed by Mr. Marrow in March."
        )
    )
    assert ("army control", "proposedBy", "Marrow") not in found, found


@pytest.mark.parametrize(
    "text, relation",
    [
        (
            # what an event of making is of (frames.yaml `theme_nouns`), under a verb of
            # proposing (common_nouns._made_proposed)
            "Oslavia proposed the creation of a joint insurance pool for grain barges.",
            ("joint insurance pool", "proposedBy", "Oslavia"),
        ),
        (
            # review AE5: another event of making, another verb of proposing
            "Sudria suggested the establishment of a joint border laboratory.",
            ("joint border laboratory", "proposedBy", "Sudria"),
        ),
        (
            # what a proposal is for (lexicon `content_preps`) is a plan of its own
            "Sudria tabled a proposal for a pool of 25 million euros.",
            ("pool of 25 million euros", "proposedBy", "Sudria"),
        ),
        (
            # ... with a phrase of its own after it: a new plan, not "the idea" again
            "Oslavia floated the idea of a regional registry for river pilots.",
            ("regional registry", "proposedBy", "Oslavia"),
        ),
        (
            # what a proposed clause brings about, with its to-infinitive
            # (common_nouns._made_in_clause)
            "Mira Solvang proposed that the river states create a pool to pay for lock repairs.",
            ("pool", "proposedBy", "Mira Solvang"),
        ),
        (
            # review AE5: after a proposing modal, another verb of bringing about
            "Mr. Marrow suggested that the two ports should build a dry dock to repair ferries.",
            ("dry dock", "proposedBy", "Marrow"),
        ),
    ],
)
def test_what_a_proposal_makes_is_a_plan(text, relation):
    assert relation in _relations(_extract(text))


def test_what_a_reported_clause_made_is_no_proposal():
    # "had created": no proposed clause (common_nouns._made_in_clause), so no plan is named
    st = _extract(
        "Mira Solvang suggested that the river states had created a pool to pay for lock repairs."
    )
    assert "pool" not in {e.label for e in st.entities}
    assert not any(r.predicate == "proposedBy" for r in st.relations)


def test_a_noun_a_participle_of_proposing_acts_on_is_a_plan():
    # "proposed by X" after the noun's phrase, set off by commas
    # (common_nouns._proposing_relative)
    found = _relations(
        _extract(
            "A second ferry berth for the island, proposed by Oslavia, was approved on Monday."
        )
    )
    assert ("second ferry berth", "proposedBy", "Oslavia") in found, found


def test_a_participle_says_nothing_of_a_conjunct_after_it():
    # "a pass ..., put forward by Oslavia, and a pool ..., proposed by Sudria": Oslavia puts
    # forward no pool (objects._participles_own)
    found = _relations(
        _extract(
            "A pass making it cheaper for farmers, traders and drivers to cross between the "
            "river provinces, put forward by Oslavia, and a pool for Norlandic-language school "
            "books, proposed by Sudria, dominated on Monday the opening of the Harbour Forum "
            "of the Delta States."
        )
    )
    pool = "pool for Norlandic-language school books"
    assert (pool, "proposedBy", "Sudria") in found, found
    assert (pool, "proposedBy", "Oslavia") not in found, found


def test_a_noun_set_beside_a_clause_is_a_noun_phrase_even_read_as_an_adverbial_noun():
    # review AE5: "Tove Lind proposed that the trust pay the bill, a plan that Norland
    # questioned.", parsed with "plan" as an adverbial noun of "proposed" (as the parser read
    # a development sentence): the plan is a noun phrase all the same (common_nouns._chunks)
    import spacy
    from spacy.tokens import Doc

    from kg.extract.common_nouns import _chunks

    vocab = spacy.blank("en").vocab
    words = "Tove Lind proposed that the trust pay the bill , a plan that Norland questioned ."
    doc = Doc(
        vocab,
        words=words.split(),
        heads=[1, 2, 2, 6, 5, 6, 2, 8, 6, 6, 11, 2, 14, 14, 11, 2],
        deps=["compound", "nsubj", "ROOT", "mark", "det", "nsubj", "ccomp", "det", "dobj",
              "punct", "det", "npadvmod", "dobj", "nsubj", "relcl", "punct"],
        tags=["NNP", "NNP", "VBD", "IN", "DT", "NN", "VBP", "DT", "NN", ",", "DT", "NN", "WDT",
              "NNP", "VBD", "."],
        pos=["PROPN", "PROPN", "VERB", "SCONJ", "DET", "NOUN", "VERB", "DET", "NOUN", "PUNCT",
             "DET", "NOUN", "PRON", "PROPN", "VERB", "PUNCT"],
    )  # fmt: skip
    assert "a plan" in [c.text for c in _chunks(doc)]
    # an adverbial noun with no comma before it is no such noun ("meets every month")
    doc2 = Doc(
        vocab,
        words=["Norland", "meets", "every", "month", "."],
        heads=[1, 1, 3, 1, 1],
        deps=["nsubj", "ROOT", "det", "npadvmod", "punct"],
        tags=["NNP", "VBZ", "DT", "NN", "."],
        pos=["PROPN", "VERB", "DET", "NOUN", "PUNCT"],
    )
    assert "every month" not in [c.text for c in _chunks(doc2)]
