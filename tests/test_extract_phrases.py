"""Noun-phrase constructions on invented sentences: titles of posts, their owners and
qualifiers. Each test fails without the pattern or mechanism it names."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.slow


def _extract(text: str):
    from kg.extract.pipeline import extract

    return extract(text, "t")


def held(st) -> set[tuple[str, str]]:
    """(holder, title) of every holding."""
    return {(h, t) for h, t, _o in positions(st)}


def positions(st) -> set[tuple[str, str, str | None]]:
    """(holder, title, owner) of every holding; the owner from positionIn."""
    label = {e.id: e.label for e in st.entities}
    owner = {r.subject: label[r.object] for r in st.relations if r.predicate == "positionIn"}
    return {
        (label[r.subject], label[r.object], owner.get(r.object))
        for r in st.relations
        if r.predicate == "holdsPosition"
    }


def test_a_chain_of_title_words_is_one_title():
    st = _extract("Defence Cabinet Secretary Ana Ruiz arrived in Lima on Monday.")
    assert ("Ana Ruiz", "Defence Cabinet Secretary", None) in positions(st)


def test_of_titles_keep_their_domain_and_their_owner_apart():
    st = _extract(
        "Rosa Vidal, Chile's Minister of Economy, Trade and Industry, met the Chief of the "
        "General Staff, Pablo Mena, in Santiago."
    )
    found = positions(st)
    assert ("Rosa Vidal", "Minister of Economy, Trade and Industry", "Chile") in found
    assert ("Pablo Mena", "Chief of the General Staff", None) in found


def test_a_hyphenated_title_is_one_position():
    st = _extract("Governor-General Ian Moore swore in the new cabinet on Friday.")
    assert positions(st) == {("Ian Moore", "Governor-General", None)}


def test_a_name_before_a_title_owns_it():
    st = _extract("Chile's Socialist Party leader Ana Ortiz said the vote was fair.")
    assert ("Ana Ortiz", "Leader", "Socialist Party") in positions(st)


def test_a_possessor_owns_a_title_with_an_organisation_in_it():
    st = _extract("Britain's U.N. ambassador Ellen Marsh said the vote was fair.")
    assert ("Ellen Marsh", "U.N. Ambassador", "United Kingdom") in positions(st)


def test_one_position_per_title_and_owner():
    st = _extract(
        "Japanese Foreign Minister Aiko Sato met Philippine Foreign Minister Maria Cruz and "
        "Foreign Minister Ana Diaz of Peru in Tokyo."
    )
    found = positions(st)
    assert ("Aiko Sato", "Foreign Minister", "Japan") in found
    assert ("Maria Cruz", "Foreign Minister", "Philippines") in found
    assert ("Ana Diaz", "Foreign Minister", "Peru") in found
    held = [r.object for r in st.relations if r.predicate == "holdsPosition"]
    assert len(set(held)) == 3


def test_a_former_holding_is_still_read():
    st = _extract("Former foreign minister Ana Diaz of Peru said the vote was fair.")
    assert ("Ana Diaz", "Foreign Minister", "Peru") in positions(st)


def test_an_event_described_by_an_adjective_or_a_noun_is_an_entity():
    st = _extract("The snap general election and the peace talks will be held in Lima.")
    events = {e.label for e in st.entities if e.cls == "Event"}
    assert {"snap general election", "peace talks"} <= events


def _triples(st) -> set[tuple[str, str, str]]:
    label = {e.id: e.label for e in st.entities}
    return {(label[r.subject], r.predicate, label[r.object]) for r in st.relations}


def test_whose_title_belongs_to_the_noun_the_clause_modifies():
    st = _extract("The Velmar Unity Party, whose leader, Tomas Ekberg, spoke, said no.")
    assert ("Tomas Ekberg", "Leader", "Velmar Unity Party") in positions(st)
    assert ("Tomas Ekberg", "leads", "Velmar Unity Party") in _triples(st)


def test_sworn_in_as_a_title():
    st = _extract("Mira Solvang was sworn in as Chairman of the Velmar Defence Council.")
    assert ("Mira Solvang", "Chairman", "Velmar Defence Council") in positions(st)
    assert ("Mira Solvang", "leads", "Velmar Defence Council") in _triples(st)


def test_the_chair_of_an_international_body_leads_it():
    st = _extract("The chair of the African Union, Prime Minister Ana Ruiz, said it.")
    assert ("Ana Ruiz", "leads", "African Union") in _triples(st)


def test_a_gazetteer_name_the_recognizer_missed_is_an_entity():
    st = _extract("The chair, Barbados Prime Minister Cheryl Bannister, said it.")
    assert ("Cheryl Bannister", "Prime Minister", "Barbados") in positions(st)


def test_a_title_keeps_its_complement_with_to_or_for():
    st = _extract(
        "Russia's ambassador to Brazil, Ivan Petrov, arrived on Monday. Maria Santos, the "
        "special envoy for the Great Lakes, said so."
    )
    found = positions(st)
    assert ("Ivan Petrov", "Ambassador to Brazil", "Russia") in found
    assert ("Maria Santos", "Special Envoy for the Great Lakes", None) in found


def test_positions_carry_title_owner_and_qualifiers():
    st = _extract(
        "Former foreign minister Ana Diaz of Peru met acting defence minister Rosa Vidal of "
        "Chile in Lima."
    )
    by_id = {e.id: e for e in st.entities}
    held = {
        by_id[r.subject].label: (by_id[r.object], r.qualifiers)
        for r in st.relations
        if r.predicate == "holdsPosition"
    }
    diaz, diaz_q = held["Ana Diaz"]
    assert (diaz.title, by_id[diaz.of].label, diaz_q) == ("foreign minister", "Peru", ("former",))
    vidal, vidal_q = held["Rosa Vidal"]
    assert vidal.title == "acting defence minister" and vidal_q == ("acting",)
    assert by_id[vidal.of].label == "Chile"


def test_a_title_before_a_rank_and_a_name_is_the_name_s():
    st = _extract("Chief of the Army Staff Major General Tomas Quillane inspected the camp.")
    found = positions(st)
    assert ("Tomas Quillane", "Chief of the Army Staff", None) in found
    assert ("Tomas Quillane", "Major General", None) in found


def test_a_name_after_a_title_s_complement_holds_it():
    st = _extract(
        "The President of the Andean Transit Commission, Ilse Varnholt, will present the report."
    )
    assert ("Ilse Varnholt", "President", "Andean Transit Commission") in positions(st)


def test_a_name_loses_its_courtesy_word():
    st = _extract("The President of the Andean Transit Commission, Dr Ilse Varnholt, opened it.")
    labels = {e.label for e in st.entities}
    assert "Ilse Varnholt" in labels and "Dr Ilse Varnholt" not in labels


def test_a_day_after_a_title_is_not_its_complement():
    st = _extract("Tomas Quillane was sworn in as defence minister on Friday in Lima.")
    assert held(st) == {("Tomas Quillane", "Defence Minister")}


def _tagged_doc(words, pos, ents):
    """A Doc with tags and entities set by hand, as a small recognizer may leave them."""
    import spacy
    from spacy.tokens import Doc

    nlp = spacy.blank("en")
    spaces = [
        w not in ("-",) and (i + 1 < len(words) and words[i + 1] not in ("-", ",", "."))
        for i, w in enumerate(words)
    ]
    doc = Doc(nlp.vocab, words=words, spaces=spaces, pos=pos)
    doc.ents = [doc.char_span(*_span(doc, s, e), label=lab) for s, e, lab in ents]
    return doc


def _span(doc, start, end):
    return doc[start].idx, doc[end - 1].idx + len(doc[end - 1])


def test_names_the_recognizer_cut_are_mended():
    from kg.extract.phrases.names import NameRepair

    words = [
        "Velka",
        "Amsoran",
        ",",
        "Elo",
        "Tarvinen",
        "-",
        "sook",
        "and",
        "Nira",
        "Osk",
        "Belvane",
        "met",
        "Ludo",
        "Ferrant",
        "on",
        "Monday",
        ".",
    ]
    pos = [
        "PROPN",
        "PROPN",
        "PUNCT",
        "PROPN",
        "PROPN",
        "PUNCT",
        "PROPN",
        "CCONJ",
        "PROPN",
        "PROPN",
        "PROPN",
        "VERB",
        "PROPN",
        "PROPN",
        "ADP",
        "PROPN",
        "PUNCT",
    ]
    # "Amsoran" read as a place, "Elo Tarvinen" cut at the hyphen, "Nira Osk" + "Belvane"
    # cut in two, "Ludo Ferrant" read as a nationality; "Monday" never joins a name
    ents = [(1, 2, "GPE"), (3, 5, "PERSON"), (8, 10, "PERSON"), (10, 11, "GPE"), (12, 14, "NORP")]
    doc = NameRepair()(_tagged_doc(words, pos, ents))
    assert [(e.text, e.label_) for e in doc.ents] == [
        ("Velka Amsoran", "PERSON"),
        ("Elo Tarvinen-sook", "PERSON"),
        ("Nira Osk Belvane", "PERSON"),
        ("Ludo Ferrant", "PERSON"),
    ]


@pytest.mark.parametrize(
    "text, firm",
    [
        # review r9 E4: British news takes up a firm or a club with "who"
        ("Mira Solvang thanked Norland Airways, who flew the troops to Velmar.", "Norland Airways"),
        ("The army hired Velmar Logistics, who moved the tanks by rail.", "Velmar Logistics"),
    ],
)
def test_a_firm_taken_up_by_who_stays_a_body(text, firm):
    by_label = {e.label: e.cls for e in _extract(text).entities}
    assert by_label.get(firm) not in (None, "Person"), by_label


def test_titles_and_people_paired_respectively():
    st = _extract(
        "Anna Quist and Lev Marrow, respectively the defence and foreign ministers, visited "
        "the troops. Peruvian and Chilean Presidents Ivo Santel and Rui Maddox respectively "
        "congratulated her. The pact was signed by Deputy Trade Ministers Osk Belvane and "
        "Pia Lorrin of Peru and Chile respectively."
    )
    found = positions(st)
    assert ("Anna Quist", "Defence Minister", None) in found
    assert ("Lev Marrow", "Foreign Minister", None) in found
    assert ("Ivo Santel", "President", "Peru") in found
    assert ("Rui Maddox", "President", "Chile") in found
    assert ("Osk Belvane", "Deputy Trade Minister", "Peru") in found
    assert ("Pia Lorrin", "Deputy Trade Minister", "Chile") in found


def test_a_plural_title_is_held_by_each_person_named_after_it():
    st = _extract("Foreign Ministers Ana Quist and Lev Marrow met in Lima on Monday.")
    found = held(st)
    assert found == {("Ana Quist", "Foreign Minister"), ("Lev Marrow", "Foreign Minister")}


def test_coordinated_owners_of_a_plural_title_are_paired_with_the_people_in_order():
    # review r8 #33: without "respectively" every person took the last owner
    for text in (
        "The Norwegian and Swedish foreign ministers, Mira Solvang and Tomas Ekberg, met in Oslo.",
        "Norwegian and Swedish Foreign Ministers Mira Solvang and Tomas Ekberg met in Oslo.",
        "The foreign ministers of Norway and Sweden, Mira Solvang and Tomas Ekberg, met in Oslo.",
        "Mira Solvang and Tomas Ekberg, the foreign ministers of Norway and Sweden, met in Oslo.",
    ):
        found = positions(_extract(text))
        assert found == {
            ("Mira Solvang", "Foreign Minister", "Norway"),
            ("Tomas Ekberg", "Foreign Minister", "Sweden"),
        }, text
    st = _extract(
        "Tomas Ekberg and Mira Solvang, the prime ministers of Sweden and Norway "
        "respectively, signed the Baltic Accord."
    )
    assert positions(st) == {
        ("Tomas Ekberg", "Prime Minister", "Sweden"),
        ("Mira Solvang", "Prime Minister", "Norway"),
    }


@pytest.mark.parametrize(
    ("text", "person", "title"),
    [
        (
            "Under-Secretary of State for Defence Procurement Tomas Ekberg met Mira Solvang.",
            "Tomas Ekberg",
            "Under-Secretary of State for Defence Procurement",
        ),
        (
            "Minister for Trade Policy Mira Solvang met Tomas Ekberg.",
            "Mira Solvang",
            "Minister for Trade Policy",
        ),
        (
            "Minister of State for Trade Policy Mira Solvang met Tomas Ekberg.",
            "Mira Solvang",
            "Minister of State for Trade Policy",
        ),
        (
            "Secretary of State for African Affairs Rosa Vidal Mena met Tomas Ekberg.",
            "Rosa Vidal Mena",
            "Secretary of State for African Affairs",
        ),
    ],
)
def test_title_words_after_a_domain_word_stay_in_the_title_before_the_name(text, person, title):
    # review r8 #23: the title ended at "Defence" and "Procurement Tomas Ekberg" was a person
    st = _extract(text)
    assert held(st) == {(person, title)}


def test_a_predecessor_held_the_successor_s_post():
    st = _extract(
        "Defence Minister Ana Quist arrived in Lima. Quist succeeds Lev Marrow, who retired. "
        "Trade Minister Ivo Santel, who was appointed in May, replacing Rui Maddox, spoke. "
        "The plan was first proposed by Santel's predecessor, Pia Lorrin."
    )
    label = {e.id: e.label for e in st.entities}
    held = {
        (label[r.subject], label[r.object], r.qualifiers)
        for r in st.relations
        if r.predicate == "holdsPosition"
    }
    assert ("Lev Marrow", "Defence Minister", ("former",)) in held
    assert ("Rui Maddox", "Trade Minister", ("former",)) in held
    assert ("Pia Lorrin", "Trade Minister", ("former",)) in held
    assert ("Ana Quist", "Defence Minister", ()) in held


def test_a_name_inside_a_description_of_another_kind_stays_apart():
    st = _extract("Leaders met at the ASEAN summit and the Doha talks resumed in March.")
    by_label = {e.label: e for e in st.entities}
    assert by_label["ASEAN summit"].cls == "Event"
    assert by_label["Doha talks"].cls == "Event"
    assert "ASEAN summit" not in by_label["ASEAN"].aliases


def test_a_described_body_or_force_is_an_entity():
    st = _extract(
        "The joint verification mechanism will report to a counter-terrorism brigade before "
        "the swearing-in ceremony."
    )
    labels = {e.label for e in st.entities}
    assert {"joint verification mechanism", "counter-terrorism brigade"} <= labels
    assert "swearing-in ceremony" in labels


def test_the_leader_of_a_body_named_by_a_verb_holds_its_post():
    st = _extract(
        "The Coastal Supply Agency is headed by Ana Quist. The Norvik Fleet, which is "
        "commanded by Rear Admiral Lev Marrow, sailed on Monday. Senator Helga Torvik chairs "
        "the Budget Committee."
    )
    found = positions(st)
    assert ("Ana Quist", "Head", "Coastal Supply Agency") in found
    assert ("Lev Marrow", "Commander", "Norvik Fleet") in found
    assert ("Helga Torvik", "Chair", "Budget Committee") in found


def test_a_name_right_after_a_title_and_a_comma_holds_it():
    st = _extract(
        "In Norvik, talks between Sudria's Minister of Trade, Industry and Energy, Ana Quist, "
        "and Norland's Minister of Industry and Trade, Lev Marrow, ended on Friday."
    )
    found = held(st)
    assert ("Ana Quist", "Minister of Trade, Industry and Energy") in found
    assert ("Lev Marrow", "Minister of Industry and Trade") in found


def test_a_minister_leads_only_the_one_ministry_named_by_the_title_s_words():
    st = _extract(
        "Trade Minister Ana Quist met officials of the Trade Department and of the "
        "Department of Trade and Industry. Health Secretary Lev Marrow visited the Health "
        "Department. Finance Minister Rui Maddox addressed the Senate finance committee."
    )
    leads = {(s, o) for s, p, o in _triples(st) if p == "leads"}
    assert ("Lev Marrow", "Health Department") in leads
    assert ("Ana Quist", "Department of Trade and Industry") not in leads
    assert not [o for s, o in leads if s == "Rui Maddox"]


def test_a_country_after_a_clock_time_is_found():
    st = _extract("10:15 - Fiji and Samoa held talks on a shipping link.")
    countries = {e.label for e in st.entities if e.cls == "Country"}
    assert {"Fiji", "Samoa"} <= countries


def test_a_nationality_read_as_a_place_is_the_country():
    st = _extract("Talks were led by Mele Orrin, a former Tongan foreign minister.")
    assert ("Mele Orrin", "Foreign Minister", "Tonga") in positions(st)


def test_a_description_is_also_named_with_its_complement():
    st = _extract(
        "Rosa Pell will attend the meeting of EU trade ministers in Brussels, and the panel "
        "of experts will report."
    )
    names = {n for e in st.entities for n in (e.label, *e.aliases)}
    assert "meeting of EU trade ministers in Brussels" in names
    assert "panel of experts" in names


def test_a_description_is_also_named_without_the_place_it_is_held_in():
    st = _extract(
        "Velmar will host a summit of Nordic energy ministers in Tromso next spring. Critics "
        "say the deployment of Norlandic engineers to Velmar City, first agreed in 2019, has "
        "cost too much."
    )
    names = {n for e in st.entities for n in (e.label, *e.aliases)}
    assert "summit of Nordic energy ministers in Tromso" in names
    assert "summit of Nordic energy ministers" in names
    assert "deployment of Norlandic engineers to Velmar City" in names


@pytest.mark.parametrize(
    "text",
    [
        "Defence Minister Mr. Tomas Quillane spoke in Lima.",
        "Defence Minister Dr Tomas Quillane spoke in Lima.",
        "Defence Minister Ms Ana Quist spoke in Lima.",
    ],
)
def test_a_title_before_a_courtesy_word_and_a_name_is_the_name_s(text):
    holder = text.split(" spoke")[0].split()[-2:]
    assert (" ".join(holder), "Defence Minister", None) in positions(_extract(text))


def test_a_predecessor_named_before_the_noun_held_the_successor_s_post():
    st = _extract(
        "Trade Minister Ivo Santel spoke in Lima. The plan was first proposed by Rui Maddox, "
        "Santel's predecessor."
    )
    assert ("Rui Maddox", "Trade Minister", None) in positions(st)


def test_a_plural_title_with_no_name_after_it_stands_for_its_owner():
    st = _extract("Peru's envoys will travel to Lima next week.")
    assert not [e for e in st.entities if e.cls == "Position"]
    label = {e.id: e.label for e in st.entities}
    found = {(label[r.subject], r.predicate, label[r.object]) for r in st.relations}
    assert ("Peru", "visits", "Lima") in found


def test_a_longer_gazetteer_name_wins_over_the_names_inside_it():
    st = _extract("Antigua and Barbuda sent two police officers to the mission.")
    countries = {e.label for e in st.entities if e.cls == "Country"}
    assert "Antigua and Barbuda" in countries
    assert not [e for e in st.entities if e.cls == "Person"]


@pytest.mark.parametrize(
    "text, country",
    [
        ("Vanuatu has told Norland it will not sign the fisheries pact.", "Vanuatu"),
        ("Mira Solvang flew to Benin on Monday, and Togo said it would host the talks.", "Togo"),
    ],
)
def test_a_known_country_the_recognizer_read_as_a_person_is_the_country(text, country):
    st = _extract(text)
    classes = {e.cls for e in st.entities if e.label == country}
    assert classes == {"Country"}


def test_a_known_city_the_recognizer_read_as_a_person_is_the_city():
    st = _extract("Tomas Ekberg will travel to La Paz next week.")
    assert {e.cls for e in st.entities if e.label == "La Paz"} == {"City"}


@pytest.mark.parametrize(
    "text, person, title",
    [
        (
            "US Special Envoy for Sudan Tomas Ekberg said the talks would resume.",
            "Tomas Ekberg",
            "Special Envoy for Sudan",
        ),
        (
            "Ambassador to France Mira Solvang-Berg handed over her letters on Monday.",
            "Mira Solvang-Berg",
            "Ambassador to France",
        ),
    ],
)
def test_a_title_for_a_known_place_ends_before_the_name_after_it(text, person, title):
    assert (person, title) in held(_extract(text))


@pytest.mark.parametrize(
    "text, plan",
    [
        (
            "Norland and Velmar signed the final communiqué at the lakeside hotel.",
            "final communiqué",
        ),
        ("Velmar will propose a joint patrol of the river crossing next month.", "joint patrol"),
        ("The two chiefs signed a letter of intention on port security.", "letter of intention"),
    ],
)
def test_what_a_text_is_signed_or_drawn_up_as_is_a_plan(text, plan):
    st = _extract(text)
    assert [e for e in st.entities if e.cls == "Plan" and e.label.startswith(plan)]


def test_a_bare_noun_signed_or_set_apart_is_no_plan_of_its_own():
    st = _extract("The envoys signed the documents, and Velmar proposed similar measures.")
    assert not [e for e in st.entities if e.cls == "Plan"]
    st = _extract("Norland quoted a higher price for the gas, and Velmar signed a big cheque.")
    assert not [e for e in st.entities if e.cls == "Plan"]


def test_a_known_country_that_is_a_word_of_a_person_s_name_in_the_block_stays_the_person_s():
    st = _extract("Chad Ekberg met the envoy in Norvik. Chad said the talks went well.")
    assert not [e for e in st.entities if e.label == "Chad" and e.cls == "Country"]


@pytest.mark.parametrize(
    "text, name",
    [
        # appointed with the post as the verb's complement
        ("Tshilombo Mbuyi was named defence minister on Friday.", "Tshilombo Mbuyi"),
        # the "of" complement of a noun that only happens to a person
        (
            "Velmar's cabinet fell after the resignation of Gintaras Velkovičius in May.",
            "Gintaras Velkovičius",
        ),
        # an age between commas
        ("Tshilombo Mbuyi, 61, will lead the delegation to Norvik.", "Tshilombo Mbuyi"),
        # read as a work, yet it speaks
        ('"We came for peace," Olusegun Adeyemi told the assembly.', "Olusegun Adeyemi"),
    ],
)
def test_a_name_read_as_a_body_or_a_thing_where_only_a_person_fits_is_a_person_s(text, name):
    st = _extract(text)
    assert {e.cls for e in st.entities if e.label == name} == {"Person"}


def test_an_adjective_that_begins_a_proper_name_stays_in_it():
    st = _extract("The new ministers met in New Zealand on Monday.")
    assert "New Zealand" in {e.label for e in st.entities}


def test_a_name_between_commas_after_a_title_is_a_person_s():
    from kg.extract.phrases.names import NameRepair

    words = ["Its", "foreign", "minister", ",", "Gerel", "Vartai", ",", "spoke", "."]
    pos = ["PRON", "ADJ", "NOUN", "PUNCT", "ADV", "PROPN", "PUNCT", "VERB", "PUNCT"]
    doc = NameRepair()(_tagged_doc(words, pos, [(1, 3, "POSITION")]))
    assert ("Gerel Vartai", "PERSON") in [(e.text, e.label_) for e in doc.ents]


def test_a_name_goes_on_through_its_particles():
    from kg.extract.phrases.names import NameRepair

    words = ["Lotte", "van", "der", "Kamp", "met", "Omar", "bin", "Sadiq", "."]
    pos = ["PROPN", "PROPN", "PROPN", "PROPN", "VERB", "PROPN", "PROPN", "PROPN", "PUNCT"]
    ents = [(0, 2, "PERSON"), (3, 4, "ORG"), (5, 6, "PERSON")]
    doc = NameRepair()(_tagged_doc(words, pos, ents))
    assert [(e.text, e.label_) for e in doc.ents] == [
        ("Lotte van der Kamp", "PERSON"),
        ("Omar bin Sadiq", "PERSON"),
    ]


@pytest.mark.parametrize(
    ("text", "holder", "title"),
    [
        # two titles coordinated after an appointment verb: the second too
        (
            "Ana Quist was named finance minister and home minister on Monday.",
            "Ana Quist",
            "Home Minister",
        ),
        # a copular verb other than "be"
        (
            "Lev Marrow, who will become the new energy minister, said so.",
            "Lev Marrow",
            "Energy Minister",
        ),
        # the appointed is named in apposition to the subject
        (
            "Her deputy, Ana Quist, was appointed interior minister.",
            "Ana Quist",
            "Interior Minister",
        ),
        # "X as T" after a verb that appoints nobody
        ("The new cabinet includes Ana Quist as energy minister.", "Ana Quist", "Energy Minister"),
        # two domains of one post
        (
            "Ana Quist, the business and trade secretary, said so.",
            "Ana Quist",
            "Business and Trade Secretary",
        ),
        # a domain of government
        (
            "Ana Quist was sworn in as Minister of Government on Monday.",
            "Ana Quist",
            "Minister of Government",
        ),
    ],
)
def test_a_title_held_through_a_verb_or_a_list(text, holder, title):
    found = held(_extract(text))
    assert (holder, title) in found


def test_people_and_singular_titles_paired_respectively():
    st = _extract(
        "Ana Quist and Lev Marrow took office as finance minister and foreign minister "
        "respectively."
    )
    found = held(st)
    assert ("Ana Quist", "Finance Minister") in found
    assert ("Lev Marrow", "Foreign Minister") in found
    assert ("Lev Marrow", "Finance Minister") not in found


def test_only_as_or_the_post_of_gives_the_subject_a_title():
    st = _extract(
        "Ana Quist is weighing whether to raise the matter with Norland's prime minister."
    )
    assert not [p for p in positions(st) if p[0] == "Ana Quist"]


def test_the_appointed_succeeds_not_the_one_who_appointed():
    st = _extract(
        "Rui Maddox was appointed by President Lev Marrow in January, succeeding Norlandic "
        "envoy Tomas Vell."
    )
    found = held(st)
    assert ("Lev Marrow", "President") in found
    assert ("Tomas Vell", "President") not in found


def test_a_successor_s_post_is_the_one_named_last_before_the_verb():
    st = _extract(
        "Ana Quist, a deputy director of the Transit Agency, was appointed head of mission, "
        "replacing Lev Marrow."
    )
    found = held(st)
    assert ("Lev Marrow", "Head of Mission") in found or ("Lev Marrow", "Head") in found
    assert not [t for h, t in found if h == "Lev Marrow" and "Director" in t]


def test_titles_named_before_the_people_are_paired_respectively():
    st = _extract(
        "The Minister of Energy of Norland and the Minister of Trade of Sudria, Ana Quist and "
        "Lev Marrow respectively, met in Oslo."
    )
    found = held(st)
    assert ("Ana Quist", "Minister of Energy") in found
    assert ("Lev Marrow", "Minister of Trade") in found
    assert ("Ana Quist", "Minister of Trade") not in found


def test_a_lower_case_of_title_keeps_its_domain():
    st = _extract("Norland's chief of the general staff, General Ana Quist, spoke on Monday.")
    assert ("Ana Quist", "Chief of the General Staff") in held(st)


def test_a_title_of_a_country_s_body_is_a_title_and_a_body():
    st = _extract("Tomas Vell, a former vice chief of the Chilean Armed Forces, spoke.")
    assert ("Tomas Vell", "Vice Chief", "Chilean Armed Forces") in positions(st)


def test_a_speaker_presides_and_does_not_lead():
    st = _extract("The Speaker of the National Assembly, Ana Quist, declined the post.")
    assert ("Ana Quist", "Speaker", "National Assembly") in positions(st)
    assert ("Ana Quist", "leads", "National Assembly") not in _triples(st)


def test_a_director_general_with_a_remit_is_one_title():
    st = _extract("The loan was signed by the Bank's Director General for Trade, Ms Ana Quist.")
    found = held(st)
    assert ("Ana Quist", "Director General for Trade") in found


def test_a_post_held_until_now_is_a_former_one():
    st = _extract(
        "The president has named Ivo Santel, until now Minister of Finance, as Prime Minister."
    )
    label = {e.id: e.label for e in st.entities}
    held = {
        (label[r.subject], label[r.object], "former" in (r.qualifiers or ()))
        for r in st.relations
        if r.predicate == "holdsPosition"
    }
    assert ("Ivo Santel", "Minister of Finance", True) in held


def test_an_apposition_outside_the_paired_list_still_holds():
    st = _extract(
        "She will meet Social Democratic leaders Ana Quist and Lev Marrow respectively, and "
        "the Union party, whose chairman, Tomas Vell, served twice, was invited."
    )
    assert ("Tomas Vell", "Chairman") in held(st)


def test_a_title_after_of_in_a_body_s_name_is_part_of_the_name():
    st = _extract(
        "Ana Quist lost a vote in the House of Representatives and wrote to the Office of "
        "the President."
    )
    labels = {e.label for e in st.entities}
    assert {"House of Representatives", "Office of the President"} <= labels
    assert not [e for e in st.entities if e.cls == "Position"]


def test_a_name_in_capitals_gets_its_usual_spelling():
    st = _extract("Officials met in BRUSSELS and in CANBERRA on Thursday.")
    labels = {e.label for e in st.entities}
    assert {"Brussels", "Canberra"} <= labels


def test_an_acronym_of_a_body_keeps_its_capitals():
    st = _extract("The NORVIKCOM commander met officers in Brussels.")
    labels = {e.label for e in st.entities}
    assert "NORVIKCOM" in labels


def test_a_name_read_as_an_organisation_before_as_and_a_title_is_a_person_s():
    st = _extract(
        "Also in the cabinet are Ana Quist as minister for women and Selam Tesfay as energy "
        "minister."
    )
    assert ("Selam Tesfay", "Energy Minister") in held(st)


def test_the_head_of_a_body_s_delegation_does_not_lead_the_body():
    st = _extract("Ana Quist, the head of the NATO delegation in Norvik, said the talks went well.")
    # the post as written, of NATO
    assert ("Ana Quist", "Head of the NATO Delegation in Norvik", "NATO") in positions(st)
    assert ("Ana Quist", "leads", "NATO") not in _triples(st)


@pytest.mark.parametrize(
    "text",
    [
        # the appointee parsed as the verb's predicate complement (oprd)
        "Norland's President Marta Velde named Jonas Brekke, until now Minister of Finance, "
        "as prime minister.",
        # a verbless parse: "as" hangs from the appointer, the root
        "Norland's President Ana Ruiz named Luis Vera, until now Minister of Finance, as "
        "prime minister.",
    ],
)
def test_the_one_who_appoints_does_not_take_the_post(text):
    prime = {h for h, t in held(_extract(text)) if t == "Prime Minister"}
    assert not prime & {"Marta Velde", "Ana Ruiz"}


def _labels_and_aliases(st) -> dict[str, set[str]]:
    return {e.label: set(e.aliases) for e in st.entities}


def test_a_description_that_refers_back_to_nothing_is_an_entity():
    st = _extract(
        "Norland and Sudria agreed a ceasefire on Monday. Talks between Norland and Sudria "
        "will resume in Velm. The ceasefire holds, officials said."
    )
    found = _labels_and_aliases(st)
    assert "ceasefire" in found
    assert "talks between norland and sudria" in {k.lower() for k in found}
    # the later "the ceasefire" is a mention of the same entity, not a second one
    assert sum(1 for e in st.entities if "ceasefire" in e.label.lower()) == 1


def test_a_description_refers_back_to_the_named_entity_of_its_head_word():
    st = _extract(
        "The Velm Accord was signed in March. Norland later proposed an aid plan. "
        "Sudria said the accord must be kept."
    )
    labels = {e.label for e in st.entities}
    assert "accord" not in {label.lower() for label in labels}
    accord = next(e for e in st.entities if e.label == "Velm Accord")
    # "the accord" is a guess: a mention for relations, never an alias of the name
    assert "accord" not in {a.lower() for a in accord.aliases}


def test_a_description_named_again_by_its_head_word_has_it_as_an_alias():
    st = _extract(
        "Velmar hosted a two-day summit of Andean leaders in Lima on Monday. The summit "
        "ended with a call for calm, officials said."
    )
    summit = next(e for e in st.entities if e.label == "two-day summit")
    assert "summit" in summit.aliases


def test_a_name_with_a_place_inside_defined_by_an_acronym_is_one_name():
    st = _extract(
        "The Nordic Union Force in Iceland (NUFOR) took over from the alliance in 2004. "
        "Sudria sent 200 soldiers to NUFOR last year."
    )
    force = next(e for e in st.entities if e.label == "Nordic Union Force in Iceland")
    assert force.cls == "ArmedForce" and "NUFOR" in force.aliases
    assert not any(e.label == "NUFOR" for e in st.entities)


def test_a_name_that_begins_with_a_defined_acronym_is_not_a_person():
    st = _extract(
        "The Nordic Union Force (NUFOR) took over in 2004. Ana Ruiz, the commander of "
        "NUFOR Halcyon, said the force would stay. Halcyon has 900 troops."
    )
    force = next(e for e in st.entities if e.label == "Nordic Union Force")
    assert "NUFOR Halcyon" in force.aliases
    assert not any(e.cls == "Person" and "Halcyon" in e.label for e in st.entities)


def test_a_name_before_a_comma_and_a_title_in_apposition_is_a_person():
    st = _extract("Ana Ruiz, Chile's Foreign Minister, said the talks would resume.")
    assert ("Ana Ruiz", "Foreign Minister", "Chile") in positions(st)


@pytest.mark.parametrize(
    "text, title",
    [
        (
            "For months the agency was led by the deputy director, Peruvian economist Tomas "
            "Ekberg.",
            "Deputy Director",
        ),
        (
            "The talks were opened by the EU's Special Envoy for the Lakes, the Austrian diplomat "
            "Tomas Ekberg, on Monday.",
            "Special Envoy for the Lakes",
        ),
        (
            "Norland sent its special envoy for the Lakes, Swedish diplomat Tomas Ekberg.",
            "Special Envoy for the Lakes",
        ),
    ],
)
def test_a_name_after_a_title_and_a_nationality_with_an_occupation_holds_it(text, title):
    assert ("Tomas Ekberg", title) in held(_extract(text))


@pytest.mark.parametrize("name", ["Marek Tolvansk", "Obi Kenterra"])  # read as a body / none
def test_a_name_that_who_takes_up_is_a_person_s(name):
    st = _extract(
        f"Norland named Mira Solvang as defence minister, replacing {name}, who will become "
        "ambassador to Velmar."
    )
    assert (name, "Person") in {(e.label, e.cls) for e in st.entities}
    assert (name, "Defence Minister") in held(st)


def test_a_given_name_read_as_an_event_joins_the_surname_after_it():
    from spacy.tokens import Span

    from kg.extract.nlp import load_pipeline

    nlp = load_pipeline()
    text = "She replaced Teodor Varnek Solm, who now chairs the Velmar Bank."
    with nlp.select_pipes(disable=["kg_name_repair", "kg_clauses"]):
        doc = nlp(text)
    # the recognizer's reading of a name it half knows: "Teodor" an event, the rest a person
    doc.ents = [Span(doc, 2, 3, label="EVENT"), Span(doc, 3, 5, label="PERSON")]
    doc = nlp.get_pipe("kg_name_repair")(doc)
    assert [(e.text, e.label_) for e in doc.ents] == [("Teodor Varnek Solm", "PERSON")]


def test_a_name_read_as_a_place_that_becomes_a_minister_is_a_person_s():
    from spacy.tokens import Span

    from kg.extract.nlp import load_pipeline

    nlp = load_pipeline()
    text = "Kasonde Mwelo-Tari became Norland's Minister of Finance in September."
    with nlp.select_pipes(disable=["kg_name_repair", "kg_clauses"]):
        doc = nlp(text)
    title = next(e for e in doc.ents if e.label_ == "POSITION")
    # the recognizer's reading of a name it does not know: a place
    doc.ents = [Span(doc, 0, 4, label="GPE"), title]
    doc = nlp.get_pipe("kg_name_repair")(doc)
    assert ("Kasonde Mwelo-Tari", "PERSON") in [(e.text, e.label_) for e in doc.ents]


def test_an_abbreviated_rank_is_no_person_and_no_sentence_end():
    st = _extract("Its spokesman, Brig. Gen. Tomas Ekberg, told state radio the claims were false.")
    assert ("Tomas Ekberg", "Spokesman") in held(st)
    assert not {e.label for e in st.entities if e.cls == "Person"} - {"Tomas Ekberg"}


def test_a_charge_d_affaires_is_a_title():
    st = _extract("Our chargé d'affaires, Mira Solvang, remains there.")
    assert {t.lower() for h, t in held(st) if h == "Mira Solvang"} == {"chargé d'affaires"}


def test_a_counterpart_holds_the_possessor_s_post_for_the_country_named():
    st = _extract(
        "Interior Minister Mira Solvang inspected the border on Friday. She will fly to Oslo "
        "next week to meet her Norwegian counterpart, Oskar Lindqvist."
    )
    assert ("Oskar Lindqvist", "Interior Minister", "Norway") in positions(st)


@pytest.mark.parametrize(
    "text",
    [
        "Interior Minister Mira Solvang opened a new border post on Monday. Solvang, a former "
        "deputy commander of the Norland Coast Guard, is due to meet her Velmarian "
        "counterpart, Oskar Lindqvist, in Oslo next month.",
        "Interior Minister Mira Solvang, a former deputy commander of the Norland Coast Guard, "
        "opened a border post on Monday. Next month she is due to meet her Velmarian "
        "counterpart, Oskar Lindqvist, in Oslo.",
    ],
)
def test_a_counterpart_holds_the_possessor_s_current_post_not_a_former_one(text):
    st = _extract(text)
    found = held(st)
    assert ("Oskar Lindqvist", "Interior Minister") in found
    assert ("Oskar Lindqvist", "Deputy Commander") not in found


def test_a_counterpart_named_with_a_title_of_their_own_holds_it_for_that_country():
    st = _extract(
        "Talks ended between Turkish Energy Minister Ozan Tekin and his Iraqi counterpart, "
        "Oil Minister Haidar Rashid."
    )
    found = positions(st)
    assert ("Haidar Rashid", "Oil Minister", "Iraq") in found
    assert ("Haidar Rashid", "Energy Minister", "Iraq") not in found


@pytest.mark.parametrize(
    "text, person, part",
    [
        (
            "Defence Minister Tae Jun-ho arrived in Lima on Monday. Tae said the talks "
            "had gone well.",
            "Tae Jun-ho",
            "Tae",
        ),
        (
            "Finance Minister Ilse van der Berg met the bankers. Ms van der Berg said the "
            "budget was safe.",
            "Ilse van der Berg",
            "van der Berg",
        ),
    ],
)
def test_a_part_of_a_name_written_in_full_is_that_person(text, person, part):
    st = _extract(text)
    people = [e for e in st.entities if e.cls == "Person"]
    assert [e.label for e in people] == [person]
    assert any(part in a for a in people[0].aliases)


def test_a_domain_word_ends_a_for_title_before_a_name():
    st = _extract("Minister for Foreign Affairs Dewi Larasati held talks in Lima.")
    assert ("Dewi Larasati", "Minister for Foreign Affairs") in held(st)


def test_a_description_the_parser_cut_from_its_noun_phrase_is_no_entity():
    st = _extract("A ceasefire monitoring mission in Velm will get engineers from Norland.")
    assert "ceasefire" not in {e.label for e in st.entities}


def test_a_byline_names_its_author_who_is_no_interviewee():
    st = _extract(
        "NORLAND TIMES | Interview by Laura Jensen\n\n"
        "Maria Gonzalez has been Chile's foreign minister since March.\n\n"
        "Q: Will you travel to Peru?\n\n"
        "A: I will travel to Peru next week.\n"
    )
    assert "Laura Jensen" in {e.label for e in st.entities if e.cls == "Person"}
    visits = {s for s, p, o in _triples(st) if p == "visits" and o == "Peru"}
    assert visits == {"Maria Gonzalez"}


def test_an_acronym_the_recognizer_missed_takes_the_class_of_its_apposition():
    st = _extract(
        "Norland sent 300 soldiers last year. SAFIV, the peacekeeping force in Velmar, "
        "patrols the border."
    )
    force = next(e for e in st.entities if "SAFIV" in (e.label, *e.aliases))
    assert force.cls == "ArmedForce"


def test_an_acronym_of_a_body_of_no_known_kind_joins_the_name_with_its_initials():
    st = _extract(
        "The Velmar Support Forces attacked the town on Monday. The VSF denied it on Tuesday."
    )
    force = next(e for e in st.entities if e.label == "Velmar Support Forces")
    assert "VSF" in force.aliases


@pytest.mark.parametrize(
    "text, expected",
    [
        (
            "A memorandum was signed on Monday by trade ministers Nesrin Aykan and Qasim "
            "Rashid, of Turkey and Iraq respectively.",
            {
                ("Nesrin Aykan", "Trade Minister", "Turkey"),
                ("Qasim Rashid", "Trade Minister", "Iraq"),
            },
        ),
        (
            "The governors of Velmar and Osklund, Jairo Pabon and Freddy Colmenar, "
            "respectively, will sit on the new panel.",
            {("Jairo Pabon", "Governor", "Velmar"), ("Freddy Colmenar", "Governor", "Osklund")},
        ),
    ],
)
def test_owners_of_a_plural_title_respectively_after_a_comma_or_after_the_title(text, expected):
    assert expected <= positions(_extract(text))


def test_a_retirement_mark_between_a_rank_and_a_name_and_no_counterpart_of_a_rank():
    st = _extract(
        "On Monday the Minister of Defence, Lieutenant General (Ret.) Bambang Wirawan, "
        "received his Peruvian counterpart, Pablo Mena Ortiz."
    )
    found = positions(st)
    assert ("Bambang Wirawan", "Minister of Defence", None) in found
    assert ("Pablo Mena Ortiz", "Minister of Defence", "Peru") in found
    assert not any(e.label.strip("().").lower() == "ret" for e in st.entities)


def test_a_job_is_a_title_whose_at_names_the_employer():
    st = _extract(
        '"Both sides want the deal," said Tamar Jorbenadze, a senior researcher at the '
        "Velmar Policy Institute in Lima."
    )
    found = positions(st)
    assert ("Tamar Jorbenadze", "Senior Researcher", "Velmar Policy Institute") in found
    assert "Velmar Policy Institute" in {e.label for e in st.entities}


def test_an_of_title_stops_before_a_body_whose_name_has_a_domain_word():
    st = _extract("Ana Ruiz, the President of the Andean Development Bank, said the loan was safe.")
    assert ("Ana Ruiz", "President", "Andean Development Bank") in positions(st)
    assert ("Ana Ruiz", "leads", "Andean Development Bank") in _triples(st)


def test_whose_title_after_a_body_belongs_to_that_body():
    st = _extract(
        "The Velmar Freedom Movement, whose leader, Ziad Khoury, had backed another "
        "candidate, said it would not oppose the plan."
    )
    assert ("Ziad Khoury", "leads", "Velmar Freedom Movement") in _triples(st)
    assert "Person" not in {e.cls for e in st.entities if e.label == "Velmar Freedom Movement"}


def test_a_country_s_force_is_that_country_s_not_the_last_force_named():
    st = _extract(
        "Chile sent a frigate to the exercise. Peru's navy, whose chief, Admiral Luis Vera, "
        "met officials in Lima last week, declined to comment."
    )
    assert ("Luis Vera", "leads", "Peru's navy") in _triples(st)
    assert "Peru Navy" not in {e.label for e in st.entities}  # no name made up by code


def test_a_country_s_force_is_the_force_the_text_names_by_its_demonym():
    st = _extract(
        "The Peruvian Navy sent two frigates to the exercise. Peru's navy chief, Admiral "
        "Luis Vera, said they would stay until June."
    )
    assert ("Luis Vera", "leads", "Peruvian Navy") in _triples(st)
    assert not {e.label for e in st.entities} & {"Peru's navy", "Peru Navy"}


def test_a_definite_description_is_no_unrelated_entity_of_its_class():
    st = _extract(
        "Fighting in the Velmar War has displaced thousands since 2020. President Ana Ruiz "
        "of Sudria said on Monday that the election would take place in May."
    )
    war = next(e for e in st.entities if e.label == "Velmar War")
    assert not {a.lower() for a in war.aliases} & {"election", "the election"}
    assert "election" in {e.label.lower() for e in st.entities}


def test_two_descriptions_with_different_complements_are_two_entities():
    st = _extract(
        "Talks between Norland and Sudria on water rights ended on Monday. On Friday, Velmar "
        "opened talks with Arcadia on fishing quotas."
    )
    talks = [e for e in st.entities if e.label.lower().startswith("talks")]
    assert len(talks) == 2
    first = next(e for e in talks if "norland" in e.label.lower())
    assert not any("arcadia" in a.lower() for a in first.aliases)


def test_a_place_named_like_a_person_s_given_name_stays_a_place():
    st = _extract(
        "Opposition leader Florence Odhiambo arrived in Florence on Tuesday for talks with "
        "Italian officials. Odhiambo met Prime Minister Marco Bellini in Florence."
    )
    person = next(e for e in st.entities if e.label == "Florence Odhiambo")
    assert "Florence" not in person.aliases
    assert ("Florence Odhiambo", "visits", "Florence") in _triples(st)


def test_a_body_is_named_with_the_name_that_owns_it():
    st = _extract(
        "Iceland's fisheries ministry rejected the quota. The Maltese foreign ministry said "
        "Malta's cabinet would meet on Monday. Iceland's government said it would wait."
    )
    names = {n for e in st.entities if e.cls == "GovernmentBody" for n in (e.label, *e.aliases)}
    assert "Iceland's fisheries ministry" in names
    assert "Maltese foreign ministry" in names
    assert "Malta's cabinet" in names
    assert "Iceland's government" not in names  # the government stands for the country


def test_a_person_s_ministry_is_no_body_named_by_its_owner():
    st = _extract("Mira Solvang's ministry opposed the deal.")
    assert not [e for e in st.entities if e.cls == "GovernmentBody"], st.entities


def test_bodies_of_different_owners_are_different_bodies():
    st = _extract(
        "The Foreign Affairs Committee approved the report. The Storting's foreign affairs "
        "committee and the Althing's foreign affairs committee rejected it on Tuesday."
    )
    names = {e.label for e in st.entities if e.cls == "GovernmentBody"}
    assert {"Storting's foreign affairs committee", "Althing's foreign affairs committee"} <= names


def test_taking_command_of_a_force_makes_its_commander():
    st = _extract("Colonel Tomas Ekberg took command of the Nordic Patrol Force on Tuesday.")
    assert ("Tomas Ekberg", "Commander", "Nordic Patrol Force") in positions(st)


def test_a_relative_clause_hung_on_a_place_may_be_about_the_body_before_it():
    st = _extract(
        "Patrols along the coast are run by the Velmar Guard, a small ceasefire force on the "
        "island, which is commanded by General Mira Solvang."
    )
    found = {(h, t) for h, t, _o in positions(st)}
    assert ("Mira Solvang", "Commander") in found
    assert any(s == "Mira Solvang" and p == "leads" for s, p, _o in _triples(st))


def test_a_dateline_s_source_is_a_news_agency():
    st = _extract(
        "Norland names envoy\n\nVelmar City, 4 May (Norpress) - Norland named Mira Solvang "
        "on Friday to lead its mission to Velmar, officials said.\n"
    )
    assert ("Norpress", "NewsAgency") in {(e.label, e.cls) for e in st.entities}


@pytest.mark.parametrize("place", ["ASUNCIÓN", "BOGOTÁ", "ŁÓDŹ", "NORVIK"])
def test_a_dateline_in_capitals_with_accents_is_left_out_of_the_body(place):
    from kg.extract.text import blocks

    text = f"{place} - Mira Solvang has been Norland's foreign minister since March."
    (body,) = blocks(text)
    assert text[body.start :].startswith("Mira Solvang")


@pytest.mark.parametrize("stamp", ["13:05", "9.30 GMT", "10:45 a.m.", "08:15 local"])
def test_a_live_blog_time_stamp_is_left_out_of_the_entry(stamp):
    from kg.extract.lexicon import lexicon
    from kg.extract.text import blocks

    text = f"{stamp} - Mira Solvang and Tomas Ekberg have arrived at the castle for the talks."
    (body,) = blocks(text, time_zones=lexicon().time_zones)
    assert text[body.start :].startswith("Mira Solvang")


def test_the_words_after_a_time_stamp_are_data():
    # review r10 V22: the time zones are lexicon `time_zones`, not words in a regex
    from kg.extract.text import blocks

    text = "11:40 WAT - Mira Solvang and Tomas Ekberg have arrived at the castle for the talks."
    (body,) = blocks(text, time_zones=frozenset({"WAT"}))
    assert text[body.start :].startswith("Mira Solvang")
    (body,) = blocks(text)
    assert text[body.start :].startswith("11:40")


def test_a_dateline_with_the_place_s_country_is_no_actor():
    # "OSLO, Norland, 14 April -": the dateline is no subject of the sentence after it
    st = _extract(
        "BERGEN, Norland, 3 March - On Tuesday the Board of Directors of the Velmar "
        "Development Bank appointed Ms Ilse Varnholt-Kane as its new Vice-President for Water."
    )
    appointers = {o for s, p, o in _triples(st) if p == "appointedBy"}
    assert appointers == {"Board of Directors"}


def test_a_masthead_names_the_publication_but_a_genre_label_does_not():
    st = _extract(
        "THE NORVIK HERALD | Defence\n\nNorland names envoy\n\nBy Tomas Ekberg, Defence "
        "Correspondent | Oslo\n\nNorland named Mira Solvang on Friday to lead its mission.\n"
    )
    assert ("The Norvik Herald", "NewsAgency") in {(e.label, e.cls) for e in st.entities}
    assert "Tomas Ekberg" in {e.label for e in st.entities}  # the byline is no masthead
    st = _extract("ANALYSIS | Norland's new envoy\n\nNorland named Mira Solvang on Friday.\n")
    assert not [e for e in st.entities if e.label.lower() == "analysis"]


def test_a_byline_author_holds_the_title_after_the_name_for_the_masthead():
    st = _extract(
        "THE NORVIK HERALD | Defence\n\nNorland names envoy\n\nBy Tomas Ekberg, Defence "
        "Correspondent | Oslo | Updated 2 May\n\nNorland named Mira Solvang on Friday to lead "
        "its mission.\n"
    )
    assert ("Tomas Ekberg", "Defence Correspondent", "The Norvik Herald") in positions(st)
    st = _extract(  # a byline longer than a heading's 14 words is a heading all the same
        "NORVIK POST | Norland | Politics\n\nNorland names envoy\n\nBy Tomas Ekberg, "
        "Political Reporter | Oslo | Published 3 March, 08:15 GMT | Updated 09:40\n\n"
        "Norland named Mira Solvang on Friday to lead its mission.\n"
    )
    assert ("Tomas Ekberg", "Political Reporter", "Norvik Post") in positions(st)
    st = _extract("By Tomas Ekberg, Oslo | 2 May\n\nNorland named Mira Solvang on Friday.\n")
    assert not {p for p in positions(st) if p[0] == "Tomas Ekberg"}


@pytest.mark.parametrize(
    "heading",
    [
        "Norland to send troops to Velmar Force | Norvik Herald",  # headline | publication
        "Home | World | Europe",  # breadcrumbs
        "Ministry of Defence of Norland | Press release",
        "Mira Solvang | Norland defence minister",
        "Norland to send troops, says the Post | Velmar Weekly",  # a headline ending in "post"
        "Velmar rejects envoy in a blow to the press | Norvik Herald",
    ],
)
def test_a_heading_part_before_a_bar_is_a_masthead_only_when_it_names_a_publication(heading):
    st = _extract(
        heading + "\n\nNorland will send 200 troops to the Velmar Force, Defence Minister "
        "Mira Solvang said on Monday.\n"
    )
    agencies = {e.label for e in st.entities if e.cls == "NewsAgency"}
    assert heading.split(" | ")[0] not in agencies, agencies


def test_a_wire_slug_before_a_headline_is_no_part_of_its_first_name():
    # "EXCLUSIVE-Malawi will ...": the slug is cut off, so the headline names Malawi (no
    # "EXCLUSIVE-Malawi" body), and the interviewee's "we" is Malawi, not Japan, the first
    # country the headline named with the slug glued to Malawi
    st = _extract(
        "EXCLUSIVE-Malawi will ask Japan and two Gulf funds for soft loans to build lake "
        "ferries, documents show\n\nBLANTYRE, June 3 (Reuters) - Transport Minister Mira "
        "Solvang said the ferry plan needs outside money.\n\nQ: Who will pay for the "
        "ferries?\n\nA: We have proposed a ten-year loan at low interest. Nobody has "
        "answered yet.\n"
    )
    labels = {e.id: e.label for e in st.entities}
    assert "EXCLUSIVE-Malawi" not in labels.values()
    proposers = {labels[r.object] for r in st.relations if r.predicate == "proposedBy"}
    assert proposers == {"Malawi"}


def test_wire_slugs_end_where_the_headline_begins():
    from kg.extract.text import blocks, title_of

    slugs = frozenset({"refile", "update", "interview"})
    text = "REFILE-UPDATE 2-Peru to send frigate\n\nLIMA, May 2 - Peru will send a frigate.\n"
    parts = blocks(text, slugs=slugs)
    assert text[parts[0].start : parts[0].end] == "Peru to send frigate"
    assert title_of(text, parts) == "REFILE-UPDATE 2-Peru to send frigate"
    text = "INTERVIEW-Can Peru afford the frigate?\n"  # a question is a headline too
    assert blocks(text, slugs=slugs)[0].start == len("INTERVIEW-")
    # no slug word in capitals, nothing after it, or a sentence (no headline) that opens so
    for text in ("NATO-led force grows\n", "UPDATE 2-\n", "Interview-Peru\n", "UPDATE-Peru met.\n"):
        assert blocks(text, slugs=slugs)[0].start == 0


def test_a_masthead_the_gazetteer_knows_is_its_news_agency():
    st = _extract("Reuters | World\n\nNorland named Mira Solvang on Friday to lead its mission.\n")
    assert ("Reuters", "NewsAgency") in {(e.label, e.cls) for e in st.entities}


def test_a_title_keeps_the_complement_the_text_writes_with_it():
    st = _extract(
        "Tomas Ekberg, a second secretary at the Norlandic Embassy in Velmar, was expelled. "
        "Karl Dahl, Norland's minister of economy, trade and industry, said talks would go on. "
        "Mira Solvang, the head of the Red Cross delegation in Norland, visited the prison."
    )
    assert held(st) >= {
        ("Tomas Ekberg", "Second Secretary at the Norlandic Embassy in Velmar"),
        ("Karl Dahl", "Minister of Economy, Trade and Industry"),
        ("Mira Solvang", "Head of the Red Cross Delegation in Norland"),
    }
    # the owner named as the complement's object stays the position's owner, and a person
    # or a coordinated title is no part of the complement
    st = _extract(
        "The Minister of Multilateral Affairs of Norland, Lars Holm, met Defence Minister Erik "
        "Lund and Foreign Minister Ana Berg in Velmar."
    )
    assert ("Lars Holm", "Minister of Multilateral Affairs", "Norland") in positions(st)
    assert ("Erik Lund", "Defence Minister") in held(st)
    assert ("Ana Berg", "Foreign Minister") in held(st)


@pytest.mark.parametrize(
    "text, holder, title",
    [
        (
            "Mira Solvang, Norland's foreign minister since 2019, said the talks would go on.",
            "Mira Solvang",
            "Foreign Minister",
        ),
        (
            "Mira Solvang, foreign minister during the crisis, met Tomas Ekberg.",
            "Mira Solvang",
            "Foreign Minister",
        ),
        (
            "Tomas Ekberg, Norland's ambassador to Velmar until last year, said the talks had "
            "failed.",
            "Tomas Ekberg",
            "Ambassador to Velmar",
        ),
        (
            "Mira Solvang, the defence minister in the previous government, criticised the plan.",
            "Mira Solvang",
            "Defence Minister",
        ),
    ],
)
def test_a_title_s_written_complement_ends_before_a_time(text, holder, title):
    # "since 2019", "until last year", "in the previous government" say when, not which post
    assert {t for h, t in held(_extract(text)) if h == holder} == {title}


def test_a_name_after_a_courtesy_title_is_a_person_s():
    st = _extract("The Board has appointed Ms Ilse Varnholt-Kane as head of water policy.")
    assert ("Ilse Varnholt-Kane", "Person") in {(e.label, e.cls) for e in st.entities}
    assert ("Ilse Varnholt-Kane", "Head of Water Policy") in held(st)
    # "DR Congo" is no doctor
    st = _extract("Troops from DR Congo crossed the border on Monday.")
    assert not any(e.cls == "Person" for e in st.entities)


def test_a_part_of_a_name_joins_it_when_the_full_names_are_one_inside_another():
    # the heading's name takes its verb ("Appoints Mira Solvang Berg"): the two full names
    # are one person's, and "Solvang Berg" is that person
    st = _extract(
        "Secretary-General Appoints Mira Solvang Berg of Norland Special Representative for "
        "Velmar and Head of United Nations Mission\n"
        "The appointment of Mira Solvang Berg of Norland as Special Representative for Velmar "
        "was announced today by United Nations Secretary-General Lucas Amaral.\n"
        "Solvang Berg, who served as Norland's Minister of Foreign Affairs, will arrive in "
        "Velmar in March."
    )
    people = [e for e in st.entities if e.cls == "Person" and "Berg" in e.label]
    assert len(people) == 1 and "Solvang Berg" in people[0].aliases


def test_a_speaker_after_a_predicate_title_does_not_hold_it():
    st = _extract(
        "Mira Solvang was nominated as foreign minister, replacing Tomas Ekberg, who will "
        "become Norland's ambassador to Velmar, spokesperson Anna Berg said. Until then, "
        "Interior Minister Lars Holm will serve as acting foreign minister, Berg said."
    )
    assert ("Tomas Ekberg", "Ambassador to Velmar") in held(st)
    assert ("Lars Holm", "Acting Foreign Minister") in held(st)
    assert not {t for h, t in held(st) if h == "Anna Berg"} - {"Spokesperson"}
    # a name in apposition after a title stays its holder
    st = _extract("The Minister of Finance of Norland, Dr Ana Ortiz, said the budget was ready.")
    assert ("Ana Ortiz", "Minister of Finance", "Norland") in positions(st)


def test_a_name_spelled_otherwise_than_its_gazetteer_label_stays_an_alias():
    st = _extract("The talks brought together the African Union and the World Health Organisation.")
    who = next(e for e in st.entities if e.label == "World Health Organization")
    assert "World Health Organisation" in who.aliases


def test_a_hyphenated_title_keeps_its_first_half_before_an_of_complement():
    st = _extract(
        "Norland invited the Secretary-General of the Velmar Cooperation Organisation, Lars "
        "Holm, as a guest. The Vice-Minister for Latin America, Ana Berg, will chair the talks."
    )
    assert ("Lars Holm", "Secretary-General", "Velmar Cooperation Organisation") in positions(st)
    assert ("Ana Berg", "Vice-Minister for Latin America") in held(st)


def test_a_leadership_participle_coordinated_in_a_relative_clause_names_the_leader():
    st = _extract(
        "The Northern Fleet, which is based in Oslo and commanded by Rear Admiral Lars Holm, "
        "will take part. The Velmar Working Group, which is co-chaired by Ana Berg, met on "
        "Monday."
    )
    assert ("Lars Holm", "Commander", "Northern Fleet") in positions(st)
    assert ("Ana Berg", "Co-chair", "Velmar Working Group") in positions(st)


def test_a_leadership_participle_on_the_body_s_noun_names_the_leader_by_a_title():
    st = _extract(
        "The Velmar observer mission, headed by the former Prime Minister of Norland, Tomas "
        "Ekberg, reached the border last week. The Sudrian Water Commission will be presided "
        "over by Norland's Deputy Minister of Energy, Mira Solvang."
    )
    found = positions(st)
    assert ("Tomas Ekberg", "Head", "Velmar observer mission") in found
    assert ("Mira Solvang", "President", "Sudrian Water Commission") in found


def test_a_perfect_infinitive_of_leading_is_a_former_post_and_no_leadership():
    def leads(st):
        label = {e.id: e.label for e in st.entities}
        return {(label[r.subject], label[r.object]) for r in st.relations if r.predicate == "leads"}

    now = _extract("Admiral Mira Solvang has led the Velmar Joint Staff since 2022.")
    assert ("Mira Solvang", "Velmar Joint Staff") in leads(now)
    st = _extract(
        "Tomas Ekberg, now retired, was the last officer from the navy to have led the Velmar "
        "Joint Staff."
    )
    assert ("Tomas Ekberg", "Velmar Joint Staff") not in leads(st)
    label = {e.id: e.label for e in st.entities}
    former = {
        label[r.subject]
        for r in st.relations
        if r.predicate == "holdsPosition" and "former" in r.qualifiers
    }
    assert "Tomas Ekberg" in former


def test_a_perfect_of_leading_is_past_for_the_verb_too_unless_it_runs_up_to_then():
    # review r9 E1: the post was former but the verb frame still stated "leads"
    def facts(text):
        st = _extract(text)
        label = {e.id: e.label for e in st.entities}
        return {
            (label[r.subject], r.predicate, label[r.object], tuple(r.qualifiers or ()))
            for r in st.relations
        }

    found = facts(
        "Tomas Ekberg had headed the Velmar Trade Council before he joined the government."
    )
    assert ("Tomas Ekberg", "holdsPosition", "Head", ("former",)) in found
    assert not any(p == "leads" for _s, p, _o, _q in found)
    found = facts("Tomas Ekberg, the first woman to have led the Velmar Alliance, met Anna Lind.")
    assert not any(p == "leads" for _s, p, _o, _q in found)
    # a perfect up to a later point is no former post
    found = facts(
        "Tomas Ekberg, who had chaired the Velmar Council since 2019, was re-elected on Monday."
    )
    assert ("Tomas Ekberg", "holdsPosition", "Chair", ()) in found
    assert ("Tomas Ekberg", "leads", "Velmar Council", ()) in found


def test_leaders_and_bodies_paired_respectively_hold_one_post_each():
    st = _extract(
        "Lars Holm and Ana Berg head the Velmar Border Agency and the Norland Customs Office, "
        "respectively."
    )
    got = positions(st)
    assert ("Lars Holm", "Head", "Velmar Border Agency") in got
    assert ("Ana Berg", "Head", "Norland Customs Office") in got
    assert ("Lars Holm", "Head", "Norland Customs Office") not in got


def test_a_list_of_people_paired_respectively_may_give_one_of_them_a_title():
    st = _extract(
        "Ana Berg, Norland's president, swore in Mira Solvang and retired admiral Tomas Ekberg "
        "on Thursday as Minister of Government and Minister of Defence respectively."
    )
    assert held(st) >= {
        ("Mira Solvang", "Minister of Government"),
        ("Tomas Ekberg", "Minister of Defence"),
    }
    assert ("Mira Solvang", "Minister of Defence") not in held(st)


def test_a_plural_title_in_apposition_with_names_is_held_by_each():
    st = _extract(
        "Also on the list were Ana Berg and Lars Holm, two Velmar City Court judges accused "
        "of abuses. Two magistrates of the Norvik Appeals Court, Mira Solvang and Tomas "
        "Ekberg, were listed."
    )
    got = held(st)
    assert {("Ana Berg", "Court Judge"), ("Lars Holm", "Court Judge")} <= got
    assert {("Mira Solvang", "Magistrate"), ("Tomas Ekberg", "Magistrate")} <= got


def test_an_event_named_again_without_its_venue_is_the_same_event():
    # review r9 E2: the venue is cut from the name, and the later mention was another event
    st = _extract(
        "Ana Berg opened the conference of defence ministers in Velmar City on Monday. By "
        "Tuesday the conference of defence ministers had adopted a declaration."
    )
    events = [e for e in st.entities if e.cls == "Event"]
    assert [e.label for e in events] == ["conference of defence ministers"], events


def test_an_indefinite_event_of_the_same_kind_later_is_another_event():
    # review r10 V20: "a ..." brings in a new event even when head and complement repeat
    st = _extract(
        "In March Norland hosted a meeting of fisheries ministers in Velmar City. Six months "
        "later Sudria hosted a meeting of fisheries ministers in Port Aldo."
    )
    events = [e for e in st.entities if e.cls == "Event"]
    assert len(events) == 2, events
    hosts = {(r.subject, r.object) for r in st.relations if r.predicate == "hosts"}
    assert len({o for _s, o in hosts}) == len(hosts), hosts


def test_names_before_a_paired_plural_title_hold_a_title_each():
    # review r8 #33: coordinated owners before a plural title in apposition after the names
    st = _extract(
        "Ana Berg and Lars Holm, the Danish and Finnish trade ministers, opened the fair."
    )
    assert positions(st) == {
        ("Ana Berg", "Trade Minister", "Denmark"),
        ("Lars Holm", "Trade Minister", "Finland"),
    }


def test_paired_time_words_qualify_each_holding():
    # review r9 X2 residue: "the former and current ministers, A and B": A's is former
    st = _extract("The former and current trade ministers, Ana Berg and Lars Holm, toured Oslo.")
    label = {e.id: e.label for e in st.entities}
    got = {
        (label[r.subject], r.qualifiers)
        for r in st.relations
        if r.predicate == "holdsPosition" and label[r.object] == "Trade Minister"
    }
    assert got == {("Ana Berg", ("former",)), ("Lars Holm", ())}, got


def test_a_title_s_complement_may_end_in_its_acronym_before_the_name():
    st = _extract(
        "On Friday the minister flew to the north with the Chief of General Staff of the "
        "Armed Forces of Norland (NAF), General Lars Holm."
    )
    assert ("Lars Holm", "Chief of General Staff", "Armed Forces of Norland") in positions(st)


def leads(st) -> set[tuple[str, str]]:
    """(leader, body) of every leads relation."""
    label = {e.id: e.label for e in st.entities}
    return {(label[r.subject], label[r.object]) for r in st.relations if r.predicate == "leads"}


def test_a_leader_title_with_a_word_of_its_own_leads_its_body():
    st = _extract(
        "The Executive Director of the Norland Border Agency, Mira Solvang, met Tomas Ekberg. "
        "The interim head of the Velmar Coast Guard, Colonel Lars Holm, was there. Ana Berg "
        "met the Chief of Defence Staff of the Norland Defence Force, General Rui Maddox."
    )
    assert leads(st) >= {
        ("Mira Solvang", "Norland Border Agency"),
        ("Lars Holm", "Velmar Coast Guard"),
        ("Rui Maddox", "Norland Defence Force"),
    }
    # a title with a domain of its own names a part of its owner
    st = _extract("Norland's foreign policy chief, Mira Solvang, spoke on Monday.")
    assert not leads(st)
    # a staff title leads a force: of a country, the country's force of its kind, never
    # the owner itself
    st = _extract(
        "Mira Solvang, Norland's Chief of the Defence Staff, met Tomas Ekberg. Lars Holm, "
        "Chile's Chief of the Naval Staff, met Ana Berg."
    )
    assert ("Mira Solvang", "Norland") not in leads(st)
    assert ("Lars Holm", "Chile's navy") in leads(st)


def test_an_of_title_that_goes_on_into_a_body_s_name_is_a_title_and_a_body():
    st = _extract(
        "Rear Admiral Tomas Ekberg was appointed commander of the Norland Navy on Monday. "
        "The president named General Lars Holm as commander general of the Velmar Police."
    )
    assert ("Tomas Ekberg", "Commander", "Norland Navy") in positions(st)
    assert ("Tomas Ekberg", "Norland Navy") in leads(st)
    assert ("Lars Holm", "Commander General", "Velmar Police") in positions(st)
    assert ("Lars Holm", "Velmar Police") in leads(st)


def test_the_name_after_a_title_s_complement_may_follow_a_qualifier_or_a_nationality():
    st = _extract(
        "The head of the opposition Liberal Party, Mira Solvang, says you are selling the "
        "harbour. Ana Berg met the head of the Velmar Interim Force (VIF), Norlandic Major "
        "General Lars Holm, in Norvik."
    )
    assert ("Mira Solvang", "Head", "Liberal Party") in positions(st)
    assert ("Lars Holm", "Head", "Velmar Interim Force") in positions(st)
    assert leads(st) >= {("Mira Solvang", "Liberal Party"), ("Lars Holm", "Velmar Interim Force")}


def test_whose_title_is_of_the_acronym_of_a_name_the_parser_left_out():
    st = _extract(
        "The opposition Chile Awami Jamhoori Tehreek (CAJT), whose chairman, Tomas Ekberg, "
        "called the vote unfair, said it would boycott the talks."
    )
    assert ("Tomas Ekberg", "Chairman", "CAJT") in positions(st)


def test_a_one_word_person_after_the_is_a_place():
    st = _extract(
        "Relief convoys crossed the Dunmore on Monday, Mira Solvang said. Aid reached the "
        "Marrick by Friday. The Ortiz government fell."
    )
    cls = {e.label: e.cls for e in st.entities}
    assert cls["Dunmore"] == "Region" and cls["Marrick"] == "Region"
    assert cls["Ortiz"] == "Person" and cls["Mira Solvang"] == "Person"


def test_a_title_in_the_possessive_is_not_held_by_the_name_after_the_next_title():
    st = _extract(
        "The president's chief of staff, Mira Solvang, spoke. The Foreign Minister's "
        "spokesperson, Lars Holm, said talks would resume."
    )
    assert ("Mira Solvang", "Chief of Staff") in held(st)
    assert ("Mira Solvang", "President") not in held(st)
    assert ("Lars Holm", "Foreign Minister") not in held(st)


def test_a_country_s_force_by_its_name_and_by_its_demonym_is_one_force():
    st = _extract(
        "Chile's army will send 200 troops to the Andean Force. The Chilean Army said the "
        "troops would leave in May. Peru's navy and the Chilean Navy will train together."
    )
    forces = {e.label: e.aliases for e in st.entities if e.cls == "ArmedForce"}
    assert "Chilean Army" in forces and "Chile's army" not in forces
    assert "Chile's army" in forces["Chilean Army"]
    assert "Chilean Navy" in forces and "Chilean Army" in forces  # one per kind


def test_a_name_after_an_acronym_with_a_complement_is_a_body_of_its_own():
    st = _extract(
        "The Northern Development Community (NDC) met on Monday. The inspectors will report "
        "to the NDC Council on Trade, Ports and Fisheries."
    )
    labels = {e.label for e in st.entities}
    assert "Northern Development Community" in labels
    assert "NDC Council on Trade, Ports and Fisheries" in labels


def test_a_description_before_the_name_it_describes_is_that_name_s():
    st = _extract(
        "Norland and Velmar agreed on Monday to set up a trilateral framework. The Trilateral "
        "Security Framework will meet in May, Mira Solvang said."
    )
    plans = {e.label for e in st.entities if e.cls == "Plan"}
    assert plans == {"Trilateral Security Framework"}


def test_a_title_s_complement_does_not_end_inside_a_noun_phrase():
    st = _extract(
        "According to two sources, the talks were arranged by Norland's special envoy for the "
        "Chilean peace process, Mira Solvang."
    )
    assert ("Mira Solvang", "Special Envoy for the Chilean Peace Process") in held(st)


@pytest.mark.parametrize(
    "text, title",
    [
        (
            "Mira Solvang was Norland's special envoy for the Middle East peace process.",
            "Special Envoy for the Middle East Peace Process",
        ),
        (
            "Last year Mira Solvang became the Nordic Council's Special Envoy for the Baltic Sea "
            "coast.",
            "Special Envoy for the Baltic Sea Coast",
        ),
    ],
)
def test_a_title_s_complement_does_not_end_inside_a_name_of_two_words(text, title):
    # review r8 #29: the complement was cut after the name's first word ("for the Middle")
    assert ("Mira Solvang", title) in held(_extract(text))


def test_its_forum_title_is_of_the_country_its_stands_for():
    st = _extract(
        "Chile rejected the resolution on Monday. Its U.N. ambassador, Tomas Ekberg, told "
        "reporters that his country would not accept it."
    )
    assert ("Tomas Ekberg", "U.N. Ambassador", "Chile") in positions(st)


def test_a_title_s_complement_does_not_run_on_into_the_name_after_it():
    st = _extract(
        "Deputy Assistant Secretary of State for Velmar Affairs Mira Solvang welcomed the "
        "extension. Minister of State for Foreign Affairs Tomas Ekberg arrived."
    )
    assert ("Mira Solvang", "Deputy Assistant Secretary of State for Velmar Affairs") in held(st)
    assert ("Tomas Ekberg", "Minister of State for Foreign Affairs") in held(st)


def test_a_name_the_recognizer_ended_on_a_small_word_is_mended():
    st = _extract(
        "The Ministry of Foreign Affairs and Regional Integration of Peru announced on Monday that "
        "it will host a summit. "
        "Tomas Ekberg, who once headed the Border Service of the State Committee for National "
        "Security, became defence minister in May."
    )
    labels = {e.label for e in st.entities}
    assert "Ministry of Foreign Affairs and Regional Integration" in labels
    assert "Border Service" in labels
    assert not any(label.endswith((" and", " of")) for label in labels)


def test_a_description_set_apart_from_a_later_name_is_not_that_name_s():
    st = _extract(
        "The earlier peace agreement collapsed in 2019. Norland and Velmar signed the Velmar "
        "Peace Agreement on Monday."
    )
    found = relations_of(st)
    assert ("Norland", "signs", "Velmar Peace Agreement") in found
    assert ("Norland", "signs", "earlier peace agreement") not in found


def test_a_plan_named_with_a_place_word_is_a_plan():
    st = _extract("Chile signed the Harbour Accord on Monday. Peru signed the Lake Accord.")
    found = relations_of(st)
    assert ("Chile", "signs", "Harbour Accord") in found
    assert ("Peru", "signs", "Lake Accord") in found


def test_a_title_s_written_complement_stops_at_an_indefinite_article():
    st = _extract("Mira Solvang was ousted as Norland's president in a coup.")
    assert ("Mira Solvang", "President") in held(st)
    assert not any("Coup" in title for _, title in held(st))


def relations_of(st) -> set[tuple[str, str, str]]:
    label = {e.id: e.label for e in st.entities}
    return {(label[r.subject], r.predicate, label[r.object]) for r in st.relations}


def test_shorter_titles_inside_a_body_s_name_are_the_name_s_too():
    st = _extract(
        "Ana Quist wrote to the Office of the Prime Minister and to the Norland Council of "
        "Foreign Ministers."
    )
    labels = {e.label for e in st.entities}
    assert {"Office of the Prime Minister", "Norland Council of Foreign Ministers"} <= labels
    assert not [e for e in st.entities if e.cls == "Position"]


def test_a_role_noun_that_ends_a_hyphenated_name_is_no_title():
    st = _extract("Norland sent troops to Porto-de-Prince, officials said.")
    assert "Porto-de-Prince" in {e.label for e in st.entities}
    assert not [e for e in st.entities if e.cls == "Position"]


def test_titles_hyphenated_with_a_prefix_or_through_in_are_one_title():
    st = _extract(
        "The Chair-in-Office, Ivo Sandvik, met the Under-Secretary-General, Tomas Ekberg, "
        "and the Commander-in-Chief, Lev Marrow."
    )
    assert {
        ("Ivo Sandvik", "Chair-in-Office"),
        ("Tomas Ekberg", "Under-Secretary-General"),
        ("Lev Marrow", "Commander-in-Chief"),
    } <= held(st)


def test_a_known_name_read_as_a_product_keeps_its_class():
    st = _extract("Velmar voted against the proposal, as did Cyprus.")
    assert ("Cyprus", "Country") in {(e.label, e.cls) for e in st.entities}


@pytest.mark.parametrize(
    "text, holder, title",
    [
        (
            "The Minister for Home Affairs and Immigration, Sakira Velmoro, denied them.",
            "Sakira Velmoro",
            "Minister for Home Affairs and Immigration",
        ),
        (
            "Speaking in Velmar, Norland's Minister of Defence, Ingrid Halvard-Moen, who arrived "
            "on Sunday, praised the talks.",
            "Ingrid Halvard-Moen",
            "Minister of Defence",
        ),
        (
            "The bloc will act soon, its Secretary-General, Anne-Lise Tornqvist, told reporters.",
            "Anne-Lise Tornqvist",
            "Secretary-General",
        ),
        (
            "The council asked the President of the Velmar Commission, the Gambian Mira "
            "Solvang-Ekberg, to travel.",
            "Mira Solvang-Ekberg",
            "President",
        ),
    ],
)
def test_a_name_apposed_to_a_title_and_its_complement_is_a_person(text, holder, title):
    st = _extract(text)
    assert (holder, "Person") in {(e.label, e.cls) for e in st.entities}
    assert (holder, title) in held(st)


@pytest.mark.parametrize(
    "text",
    [
        "Sweden rejected a peace plan drawn up by Finland in May. Norway proposed the Velmar "
        "Peace Plan in June.",
        "Sweden backed a peace plan drawn up by Finland. Norway later proposed the Velmar Peace "
        "Plan.",
        "Sweden rejected a peace plan that Finland drew up in May. Norway proposed the Velmar "
        "Peace Plan in June.",
    ],
)
def test_a_description_with_a_clause_of_its_own_is_not_a_plan_named_later(text):
    # review r8 #17: "a peace plan drawn up by X" is X's plan, not the plan named after it
    found = relations_of(_extract(text))
    assert ("Velmar Peace Plan", "proposedBy", "Finland") not in found
    assert ("peace plan", "proposedBy", "Finland") in found
    assert ("Velmar Peace Plan", "proposedBy", "Norway") in found


def test_a_bare_description_with_a_clause_of_its_own_is_not_a_name_after_it():
    # review r8 #17, through link_descriptions.py: "a trilateral framework" is a description
    found = relations_of(
        _extract(
            "Sweden rejected a trilateral framework drawn up by Finland in May. Norway proposed "
            "the Trilateral Border Framework in June."
        )
    )
    assert ("Trilateral Border Framework", "proposedBy", "Finland") not in found
    assert ("trilateral framework", "proposedBy", "Finland") in found


def test_a_description_with_a_clause_is_still_the_description_after_it():
    # a clause sets it apart from a later name, not from "the peace plan" that refers back
    found = relations_of(
        _extract("Finland drew up a peace plan backed by Sweden. Norway rejected the peace plan.")
    )
    assert ("Norway", "opposes", "peace plan") in found or (
        "Norway",
        "declines",
        "peace plan",
    ) in found


def test_a_body_named_by_its_last_two_words_is_a_body():
    st = _extract("Norland and Velmar set up a joint working group on fisheries.")
    bodies = {e.label for e in st.entities if e.cls == "GovernmentBody"}
    assert any("working group" in label for label in bodies)


def test_a_directorate_is_a_body_its_head_leads():
    st = _extract("Norland's logistics directorate is headed by Mira Solvang, the ministry said.")
    assert ("Mira Solvang", "Head") in held(st)


def test_a_title_that_leads_a_body_stands_for_the_name_apposed_to_it():
    st = _extract(
        "The Velmar Fisheries Council is chaired by Norland's deputy fisheries minister, "
        "Mira Solvang."
    )
    assert ("Mira Solvang", "Chair") in held(st)


def _former(st) -> set[tuple[str, str]]:
    """(holder, title) of every holding that is over."""
    label = {e.id: e.label for e in st.entities}
    return {
        (label[r.subject], label[r.object])
        for r in st.relations
        if r.predicate == "holdsPosition" and "former" in r.qualifiers
    }


@pytest.mark.parametrize(
    "text, title",
    [
        (
            "The Velmar Defence Agency has been headed since June by Mira Solvang, who was "
            "appointed by the president, succeeding Tomas Ekberg.",
            "Head",
        ),
        (
            "Its interim Prime Minister, Mira Solvang, who was appointed by the council in "
            "March, replacing Tomas Ekberg, thanked the leaders.",
            "Interim Prime Minister",
        ),
        (
            "General Mira Solvang, whom the president also named commander general of the "
            "Velmar Police, comes in replacement of General Tomas Ekberg.",
            "Commander General",
        ),
        (
            "The Minister of Public Works of Norland, Mira Solvang, appointed last week in "
            "substitution of Tomas Ekberg, opened the bridge.",
            "Minister of Public Works of Norland",
        ),
    ],
)
def test_a_predecessor_held_the_post_of_who_replaced_him(text, title):
    st = _extract(text)
    assert ("Mira Solvang", title) in held(st)
    assert ("Tomas Ekberg", title) in _former(st)


def test_a_name_and_a_place_noun_after_it_name_a_place():
    st = _extract(
        "Norland troops crossed the Velmaro river and reached the Tarsk naval base near the "
        "Orsk training area."
    )
    places = {e.label for e in st.entities if e.cls == "Region"}
    assert {"Velmaro river", "Tarsk naval base", "Orsk training area"} <= places


def test_a_place_noun_after_a_known_name_or_before_a_noun_names_no_place():
    st = _extract("The Velmar base commander met officials at the Lithuanian port.")
    assert not [e for e in st.entities if e.cls == "Region"]


def test_a_possessive_inside_a_name_stays_in_it():
    st = _extract(
        "The Norland National People's Assembly approved the plan, and the Velmar Workers' "
        "Party opposed it."
    )
    labels = {e.label for e in st.entities}
    assert {"Norland National People's Assembly", "Velmar Workers' Party"} <= labels


def test_a_body_named_as_a_possessor_is_a_body_of_its_own():
    st = _extract(
        "Next year Tomas Ekberg will head the Norwegian foreign ministry's department for "
        "security policy."
    )
    assert "Norwegian foreign ministry" in {e.label for e in st.entities}


@pytest.mark.parametrize(
    "text",
    [
        "Norway will not extradite Tomas Ekberg, a spokesperson for the ministry said.",
        "The court has summoned Tomas Ekberg, an adviser to the opposition told reporters.",
    ],
)
def test_a_speaker_title_after_a_comma_is_no_post_of_the_name_before_it(text):
    # review r8 #10: "..., a spokesperson for X said": the title is the reporting verb's
    # subject, though the parser hangs it on the name before as an apposition
    assert not held(_extract(text))


@pytest.mark.parametrize(
    "speaker",
    ["the Office of the Prime Minister", "the Norwegian Defence Ministry", "Mira Solvang"],
)
def test_the_speaker_after_an_as_title_is_no_holder_of_it(speaker):
    # review r8 #10 / L12: the reporting clause after the comma is no apposition of the
    # title; the one "as" names holds it
    st = _extract(
        f"The president appointed Colonel Tomas Ekberg as acting commander, {speaker} said."
    )
    assert ("Tomas Ekberg", "Acting Commander") in held(st)
    assert {h for h, _ in held(st)} == {"Tomas Ekberg"}


def test_a_name_before_a_reporting_verb_is_the_apposition_of_a_subject_title():
    st = _extract("Norway's foreign minister, Mira Solvang said Norway would send troops.")
    assert ("Mira Solvang", "Foreign Minister") in held(st)


def test_a_name_before_a_speaker_title_is_no_person():
    # review r8 #10: the apposition of a speaker title makes no person of a body's name
    st = _extract(
        "Norway will send 200 troops to the Velmar Trade Office, a spokesperson for the "
        "ministry said."
    )
    assert not held(st)
    assert "Person" not in {e.cls for e in st.entities}


@pytest.mark.parametrize(
    ("text", "name"),
    [
        (
            "Norway will send 200 troops to the Sudria Mission, an adviser of Tomas Ekberg said.",
            "Sudria Mission",
        ),
        # read as a person's name by the recognizer
        ("Sweden will join Velmar Force, its chairman said on Monday.", "Velmar Force"),
        # a name in apposition to a title
        ("Norway praised Arden Mission, the force commander, on Monday.", "Arden Mission"),
    ],
)
def test_a_name_whose_head_is_a_mission_noun_is_no_person(text, name):
    # review r8 #10: "the Sudria Mission" is a mission, whatever the recognizer reads
    st = _extract(text)
    classes = {e.label: e.cls for e in st.entities}
    assert classes.get(name) == "ArmedForce"
    assert not any(holder == name for holder, _ in held(st))


def test_a_participle_before_in_chief_is_part_of_the_title():
    st = _extract(
        "Vice Admiral Mira Solvang on Friday took charge as Flag Officer Commanding-in-Chief "
        "of the Norland Navy's Western Command."
    )
    assert ("Mira Solvang", "Flag Officer Commanding-in-Chief") in held(st)


def test_maritime_qualifies_a_job_title():
    st = _extract(
        "Mira Solvang, a maritime security analyst at the Velmar Institute in Norvik, doubts "
        "the plan will work."
    )
    assert ("Mira Solvang", "Maritime Security Analyst") in held(st)


def test_a_name_before_a_spaced_dash_holds_the_title_after_it():
    st = _extract("Gilles Ekberg - President of Norland. He has called the agreement a victory.")
    assert ("Gilles Ekberg", "President") in held(st)


@pytest.mark.parametrize(
    ("text", "described", "named"),
    [
        (
            "Sweden signed another trade accord in May. Norway signed the Velmar Trade Accord "
            "in June.",
            "another trade accord",
            "Velmar Trade Accord",
        ),
        (
            "Sweden backed a separate border framework. Norway proposed the Nordic Border "
            "Framework in June.",
            "separate border framework",
            "Nordic Border Framework",
        ),
    ],
)
def test_a_description_with_a_contrast_word_is_not_a_name_after_it(text, described, named):
    # review r8 #19: "another", "separate" (lexicon `contrast_words`) set a description apart
    # from the name that ends with its words
    objects = {o for (s, _p, o) in relations_of(_extract(text)) if s == "Sweden"}
    assert described in objects
    assert named not in objects


def test_titles_with_complements_pair_with_people_respectively():
    st = _extract(
        "Issaka Berg and Rakia Ekberg became Norland's Minister of Petroleum and Minister of "
        "Foreign Affairs respectively in the reshuffle."
    )
    found = held(st)
    assert ("Issaka Berg", "Minister of Petroleum") in found
    assert ("Rakia Ekberg", "Minister of Foreign Affairs") in found
    assert not [t for _h, t in found if " and " in t]


def test_a_rank_is_no_post_a_successor_takes_over():
    st = _extract(
        "On Monday Vice-Admiral Solvang, until now commander of the Naval Fleet, succeeded "
        "Admiral Tomas Ekberg, who has retired."
    )
    assert not [t for h, t in _former(st) if h == "Tomas Ekberg"]


def test_an_acronym_the_article_defines_wins_over_the_gazetteer_s():
    # review r8 #30: "the Sudria Cooperation Organisation (SCO)" makes every "SCO" of the
    # article that body, not the body the gazetteer knows by those letters
    found = relations_of(
        _extract(
            "The Sudria Cooperation Organisation (SCO) met in Arden in May. Tomas Ekberg, the "
            "secretary general of the SCO, welcomed Mira Solvang."
        )
    )
    assert ("Tomas Ekberg", "leads", "Sudria Cooperation Organisation") in found
    assert not any(o == "Shanghai Cooperation Organisation" for (_s, _p, o) in found)


def test_the_country_a_title_is_to_is_named_too():
    st = _extract("Mira Solvang, who was once ambassador to France, now advises the navy.")
    assert ("France", "Country") in {(e.label, e.cls) for e in st.entities}
    assert ("Mira Solvang", "Ambassador to France") in _former(st)


def test_the_owner_of_a_title_is_found_where_the_parser_hangs_it_on_the_name_after():
    # review r8 #37: "The secretary general of the NFC, Paolo Renn," is parsed with "NFC" a
    # modifier of "Renn"; the comma parts them, so NFC is the title's owner
    st = _extract(
        "Leaders of the Nordic Fisheries Community (NFC) met in Oslo. The secretary general of "
        "the NFC, Paolo Renn, opened the meeting."
    )
    assert ("Paolo Renn", "Secretary General", "Nordic Fisheries Community") in positions(st)


def test_who_took_over_from_someone_holds_the_post_they_held():
    st = _extract("Mira Solvang, Norland's defence minister, took over from Tomas Ekberg in May.")
    assert ("Tomas Ekberg", "Defence Minister") in _former(st)


@pytest.mark.parametrize(
    ("text", "title", "owner"),
    [
        (
            "Tomas Ekberg was re-elected as president of the Velmar Trade Council.",
            "President",
            "Velmar Trade Council",
        ),
        (
            "Tomas Ekberg was re-appointed as foreign minister of Sweden.",
            "Foreign Minister",
            "Sweden",
        ),
        (
            "Re-elected in May as chairman of the Velmar Alliance, Tomas Ekberg met Mira Solvang.",
            "Chairman",
            "Velmar Alliance",
        ),
    ],
)
def test_a_post_given_again_with_a_hyphen_is_held(text, title, owner):
    # review r8 L2: "re-elected" was split into "re", "-", "elected" and the holder lost
    assert ("Tomas Ekberg", title, owner) in positions(_extract(text))


@pytest.mark.parametrize(
    ("text", "body"),
    [
        (
            "Tomas Ekberg, the executive director of the Velmar Food Programme, visited Oslo.",
            "Velmar Food Programme",
        ),
        (
            "Tomas Ekberg, the head of the Velmar Development Programme, visited Oslo.",
            "Velmar Development Programme",
        ),
        (
            "The OSCE Chair-in-Office, Tomas Ekberg, met Mira Solvang.",
            "Organization for Security and Co-operation in Europe",
        ),
    ],
)
def test_the_head_of_a_programme_body_or_a_chair_in_office_leads_it(text, body):
    # review r8 #24 (a "... Food Programme" was a plan: the title swallowed it) and L4
    # ("Chair-in-Office" no longer led the body)
    from tests.sentences import has, relations

    assert has(relations(text), "Tomas Ekberg", "leads", body)


@pytest.mark.parametrize(
    ("text", "titles"),
    [
        (
            "Minister for Energy Crown Prince Tomas Ekberg met Mira Solvang.",
            {"Minister for Energy", "Crown Prince"},
        ),
        (
            "Minister of Finance Director Tomas Ekberg met Mira Solvang.",
            {"Minister of Finance", "Director"},
        ),
        ("Minister for Trade Lord Tomas Ekberg met Mira Solvang.", {"Minister for Trade"}),
    ],
)
def test_a_complement_runs_on_over_no_title_or_honorific_of_its_own(text, titles):
    # review r9 X1: the #23 fix ran the complement on into "Crown Prince", "Director", "Lord"
    assert {t for h, t in held(_extract(text)) if h == "Tomas Ekberg"} == titles


@pytest.mark.parametrize(
    ("text", "found"),
    [
        (
            "The former and current foreign ministers, Mira Solvang and Tomas Ekberg, met in Oslo.",
            {
                ("Mira Solvang", "Foreign Minister", None),
                ("Tomas Ekberg", "Foreign Minister", None),
            },
        ),
        (
            "The Norwegian foreign and defence ministers, Mira Solvang and Tomas Ekberg, met in "
            "Oslo.",
            {
                ("Mira Solvang", "Foreign Minister", "Norway"),
                ("Tomas Ekberg", "Defence Minister", "Norway"),
            },
        ),
    ],
)
def test_paired_title_words_are_no_time_words_and_share_the_owner_before_them(text, found):
    # review r9 X2: "Former Foreign Minister" / "Current Foreign Minister" held now; the
    # demonym before "foreign and defence" was the first title's only, and "foreign" lost
    assert positions(_extract(text)) == found


@pytest.mark.parametrize(
    "text",
    [
        "The cabinet appointed Colonel Tomas Ekberg, the head of the air force, as acting "
        "commander, the Office of the Prime Minister said on Friday.",
        "Norway named Tomas Ekberg as its envoy to Velmar, Mira Solvang, the foreign minister, "
        "said on Monday.",
    ],
)
def test_a_speaker_with_words_between_is_no_holder_of_an_as_title(text):
    # review r9 X3: the speaker held the post ("the Office", "Mira Solvang, the foreign
    # minister, said")
    assert not any(
        t in ("Acting Commander", "Envoy to Velmar") and h != "Tomas Ekberg"
        for h, t in held(_extract(text))
    )


def test_an_acronym_after_a_place_that_ends_a_longer_name_is_not_the_place():
    # an acronym the letters of the place do not fit (a party's "... of Cabo Verde (PAICV)"
    # on a dev text was typed a Country): it names the whole body
    from kg.extract.pipeline import extract

    text = "The opposition Democratic Movement for the Renewal of Cape Verde (MDRCV) held a rally."
    classes = {e.label: e.cls for e in extract(text, "t").entities}
    assert classes.get("MDRCV") not in (None, "Country", "City", "Region"), classes


@pytest.mark.parametrize(
    ("text", "holder", "title"),
    [
        (
            "Mira Solvang met Tomas Ekberg, Sweden's foreign minister. Anna Lind arrived later.",
            "Tomas Ekberg",
            "Foreign Minister",
        ),
        (
            "Mira Solvang is Norway's new foreign minister. Tomas Ekberg, her predecessor, "
            "welcomed the appointment.",
            "Mira Solvang",
            "Foreign Minister",
        ),
    ],
)
def test_a_title_that_ends_a_sentence_is_not_held_by_the_next_sentence_s_name(text, holder, title):
    # review r9 P2: the full stop was skipped as an honorific ("Dr ."), so the first name
    # of the next sentence held the title
    assert held(_extract(text)) == {(holder, title)}


def test_a_name_after_a_retirement_mark_the_parser_ends_a_sentence_at_holds_the_title():
    # the parser may start a sentence after "(Ret.)": still the title's holder (P2's guard)
    st = _extract(
        "The Minister of Defence, Lieutenant General (Ret.) Mira Solvang, and his Swedish "
        "counterpart, Tomas Ekberg, inspected the new frigate."
    )
    assert ("Mira Solvang", "Minister of Defence") in held(st)


@pytest.mark.parametrize(
    "text, title, owner",
    [
        (
            "The talks were chaired by the Minister of Trade of the Republic of Seychelles, "
            "Mira Solvang.",
            "Minister of Trade",
            "Seychelles",
        ),
        (
            "Mira Solvang, Prime Minister of the Portuguese Republic since May, arrived in Velmar.",
            "Prime Minister",
            "Portugal",
        ),
    ],
)
def test_a_countrys_formal_name_owns_the_title(text, title, owner):
    # gazetteer `long_forms`: "the Republic of X", "the <demonym> Republic" name the country
    assert ("Mira Solvang", title, owner) in positions(_extract(text))


@pytest.mark.parametrize(
    "text, owner",
    [
        # another state's own name, not China's long form "republic of {name}" (review r10 V8)
        ("Mira Solvang, the Republic of China's foreign minister, flew home on Sunday.", "Taiwan"),
        (
            "Mira Solvang, foreign minister of the Democratic Republic of Congo, flew home.",
            "Democratic Republic of the Congo",
        ),
        (
            "Mira Solvang, foreign minister of the Democratic People's Republic of Korea, "
            "flew home.",
            "North Korea",
        ),
    ],
)
def test_a_name_an_entry_gives_itself_comes_before_a_formal_name_made_of_another(text, owner):
    assert ("Mira Solvang", "Foreign Minister", owner) in positions(_extract(text))


def test_a_title_goes_on_past_its_owner_with_the_place_it_is_held_in():
    # "the ambassador of A to B": the owner's "of" phrase is no end of the title; the post
    # is "Ambassador to B" of A, and the title as written is kept as its other name
    st = _extract(
        "On Friday the Ambassador of Austria to Peru, Mira Solvang, handed over a letter. "
        "Tomas Ekberg, the ambassador of Chile in Velmar, had no comment."
    )
    found = positions(st)
    assert ("Mira Solvang", "Ambassador to Peru", "Austria") in found
    assert ("Tomas Ekberg", "Ambassador in Velmar", "Chile") in found
    post = next(e for e in st.entities if e.label == "Ambassador to Peru")
    assert "Ambassador of Austria to Peru" in post.aliases


def test_a_plural_title_of_listed_owners_is_held_by_the_people_listed_after_it():
    # owners listed after "of", then the people, paired in order; or each person after
    # its owner's name ("Norway's A"); a domain complement stays in the title
    st = _extract(
        "Next month the fisheries committee will be run by the deputy trade ministers of "
        "Norway, Sweden and Finland, Mira Solvang, Tomas Ekberg and Lars Berg. As the agriculture "
        "ministers of the three states, Norway's Karin Holm, Sweden's Johan Eriksson and "
        "Finland's Mikko Salonen, gathered in Turku, little was agreed."
    )
    found = positions(st)
    assert ("Tomas Ekberg", "Deputy Trade Minister", "Sweden") in found
    assert ("Lars Berg", "Deputy Trade Minister", "Finland") in found
    assert ("Johan Eriksson", "Agriculture Minister", "Sweden") in found
    assert ("Mikko Salonen", "Agriculture Minister", "Finland") in found
    st = _extract(
        "The ministers of Foreign Affairs of Austria and of Peru, Mira Solvang and Tomas "
        "Ekberg, were received by the king."
    )
    found = positions(st)
    assert ("Mira Solvang", "Minister of Foreign Affairs", "Austria") in found
    assert ("Tomas Ekberg", "Minister of Foreign Affairs", "Peru") in found


def test_a_plural_title_s_qualifier_is_every_holder_s():
    st = _extract(
        "Velmar froze the assets of three former directors of the Norvik Port Authority, Mira "
        "Solvang, Tomas Ekberg and Lars Berg, on Tuesday."
    )
    quals = {r.qualifiers for r in st.relations if r.predicate == "holdsPosition"}
    assert quals == {("former",)}


def _leads(st) -> set[tuple[str, str]]:
    label = {e.id: e.label for e in st.entities}
    return {(label[r.subject], label[r.object]) for r in st.relations if r.predicate == "leads"}


def test_a_body_named_before_and_called_back_by_its_last_words_is_chaired_by_the_agent():
    # "this working group" is the "joint working group" named before (lexicon
    # named_anaphors); the parser hangs the passive's subject on its auxiliary
    for text in (
        "Austria and Peru decided in May to establish a joint working group on river "
        "fishing. This working group is co-chaired by Mira Solvang, a deputy fisheries "
        "minister, and by Admiral Tomas Ekberg.",
        "Last spring Norland and Velmar formed a joint working group on river fishing. This "
        "working group is co-chaired by Mira Solvang and Admiral Tomas Ekberg.",
    ):
        st = _extract(text)
        chairs = {(h, o) for h, t, o in positions(st) if t == "Co-chair"}
        assert chairs == {
            ("Mira Solvang", "joint working group"),
            ("Tomas Ekberg", "joint working group"),
        }
        assert {("Mira Solvang", "joint working group")} <= _leads(st)
    # "the group" is no body named without that word
    st = _extract(
        "Norland set up a fisheries council in May. The group is chaired by Mira Solvang."
    )
    assert not _leads(st)


def test_a_definite_phrase_of_the_last_words_of_a_body_named_before_is_that_body():
    # "the task force" is the "joint river task force" named before (link.py), not one more
    st = _extract(
        "Last year Austria and Peru created a joint river task force against smugglers. The "
        "task force is commanded by Colonel Mira Solvang."
    )
    assert ("Mira Solvang", "joint river task force") in _leads(st)
    assert [e.label for e in st.entities if e.cls == "ArmedForce"] == ["joint river task force"]


def test_a_head_word_alone_refers_back_to_the_body_named_with_it():
    # "the committee" is the last body whose name has "committee" (lexicon named_anaphors)
    st = _extract(
        "In March Norland and Velmar set up a joint technical committee on river "
        "crossings. The committee is chaired by Mira Solvang, a retired judge."
    )
    assert ("Mira Solvang", "Chair", "joint technical committee") in positions(st)
    st = _extract(
        "Austria and Peru named a joint panel of experts on river fishing last year. The "
        "panel is now led by Tomas Ekberg."
    )
    assert ("Tomas Ekberg", "joint panel") in _leads(st)
    # and no other body: "the group" with no body named with "group" before it
    st = _extract("Norland set up a fisheries council in May. The group is led by Mira Solvang.")
    assert not _leads(st)


def test_a_title_named_by_a_naming_participle_is_held_by_that_person():
    # the title's noun stands for the person (actors.py known_as), who holds the title
    st = _extract(
        "The militia's Eastern Brigade, which holds the valley and is commanded by a guerrilla "
        "chief known as Tomas Ekberg, freed the hostages on Sunday."
    )
    assert ("Tomas Ekberg", "Chief") in held(st)
    assert ("Tomas Ekberg", "Eastern Brigade") in _leads(st)


def test_the_possessor_of_a_capacity_holds_the_title_it_is_named_as():
    st = _extract(
        "On Friday the plan was unveiled by Peru's president, Mira Solvang, in her capacity as "
        "this term's chair of the Andean Council. Tomas Ekberg came in his role as "
        "special envoy of the African Union."
    )
    found = positions(st)
    assert ("Mira Solvang", "Chair", "Andean Council") in found
    assert ("Tomas Ekberg", "Special Envoy", "African Union") in found


def test_a_country_inside_a_staff_title_is_its_owner():
    # "the Norwegian Naval Staff" is no body of its own: the post is the Chief of the
    # Naval Staff of Norway, who leads Norway's navy (titles.yaml country_staffs)
    st = _extract(
        "In Oslo, Admiral Mira Solvang, chief of the Norwegian Naval Staff, welcomed the "
        "frigates. General Tomas Ekberg, the Chief of the Swedish Defence Staff, was absent."
    )
    found = positions(st)
    assert ("Mira Solvang", "Chief of the Naval Staff", "Norway") in found
    assert ("Tomas Ekberg", "Chief of the Defence Staff", "Sweden") in found


def test_an_apposition_after_a_title_s_complement_may_open_with_the_and_a_rank():
    st = _extract(
        "Protesters in Velmar want the dismissal of the director of the Norland Border "
        "Police, the commissioner general Mira Solvang. On Monday the head of the Norland "
        "Port Authority, the retired admiral Tomas Ekberg, left for Oslo."
    )
    found = held(st)
    assert ("Mira Solvang", "Director") in found
    assert ("Tomas Ekberg", "Head") in found


def test_one_of_a_plural_title_is_a_holder_of_the_title():
    st = _extract(
        "Mira Solvang has been one of Norway's three deputy prime ministers since May. Tomas "
        "Ekberg, one of the Velmar bank's deputy governors, voted against."
    )
    found = positions(st)
    assert ("Mira Solvang", "Deputy Prime Minister", "Norway") in found
    assert ("Tomas Ekberg", "Deputy Governor") in held(st)


def test_a_title_goes_on_past_its_owner_only_to_a_place_or_a_body():
    # review r11 W1: "at the time", "to the talks" name no place the post is held in
    st = _extract(
        "Looking back, Tomas Ekberg, the foreign minister of Sweden at the time, praised the "
        "deal. Mira Solvang, the envoy of Norway to the Velmar talks, stayed home. Lena "
        "Berg, the ambassador of Finland to Austria, flew in."
    )
    found = positions(st)
    assert ("Tomas Ekberg", "Foreign Minister", "Sweden") in found
    assert ("Mira Solvang", "Envoy", "Norway") in found
    assert ("Lena Berg", "Ambassador to Austria", "Finland") in found


def test_a_plural_title_s_list_is_not_the_people_of_a_later_clause():
    # review r11 W3: the names after "met in Oslo," are who report it, not the ministers
    st = _extract(
        "The trade ministers of Norway, Sweden and Finland gathered in Oslo on Friday, Tomas "
        "Ekberg and Mira Solvang told reporters."
    )
    assert not held(st)
    # a list the comma closes is the title's apposition, whatever the parser's subject
    st = _extract("The leaders of the two parties, Tomas Ekberg and Mira Solvang, met in Velmar.")
    assert {("Tomas Ekberg", "Leader"), ("Mira Solvang", "Leader")} <= held(st)


def test_a_title_apposed_to_a_name_before_it_is_not_the_next_name_s():
    # review r11 W9: in a list, "X, the director of Y, the retired admiral Z" is X's title
    st = _extract(
        "Guests at the dinner included Tomas Ekberg, the director of the Velmar Port "
        "Police, the retired admiral Mira Solvang and Lena Berg."
    )
    found = held(st)
    assert ("Tomas Ekberg", "Director") in found
    assert ("Mira Solvang", "Director") not in found


def _tagged(words, pos, ents, tags=None):
    """`_tagged_doc` with fine tags too (the possessive "'s" is POS), one sentence."""
    doc = _tagged_doc(words, pos, [])
    for tok, tag in zip(doc, tags or pos, strict=True):
        tok.tag_ = tag
        tok.is_sent_start = tok.i == 0
    doc.ents = [doc.char_span(*_span(doc, s, e), label=lab) for s, e, lab in ents]
    return doc


def test_a_name_read_as_a_work_right_after_a_title_is_a_person_s():
    from kg.extract.phrases.names import NameRepair

    words = ["Norlandic", "deputy", "Mamadu", "Kessel", "Varno", "spoke", "first", "."]
    pos = ["PROPN", "NOUN", "PROPN", "PROPN", "PROPN", "VERB", "ADV", "PUNCT"]
    ents = [(0, 1, "NORP"), (1, 2, "POSITION"), (2, 5, "WORK_OF_ART")]
    doc = NameRepair()(_tagged(words, pos, ents))
    assert ("Mamadu Kessel Varno", "PERSON") in [(e.text, e.label_) for e in doc.ents]


def test_a_name_after_a_counterpart_and_a_comma_is_a_person_s_even_read_as_a_date():
    from kg.extract.phrases.names import NameRepair

    words = ["and", "her", "Danish", "counterpart", ",", "Maarten", "Veldhoven", "."]
    pos = ["CCONJ", "PRON", "ADJ", "NOUN", "PUNCT", "PROPN", "PROPN", "PUNCT"]
    ents = [(2, 3, "NORP"), (6, 7, "DATE")]
    doc = NameRepair()(_tagged_doc(words, pos, ents))
    assert [(e.text, e.label_) for e in doc.ents] == [
        ("Danish", "NORP"),
        ("Maarten Veldhoven", "PERSON"),
    ]


def test_an_apposed_name_may_follow_a_nationality_and_its_noun():
    from kg.extract.phrases.names import NameRepair

    words = ["Its", "director", "general", ",", "Swedish", "economist", "Ilse", "Varnholt"]
    words += ["Osk", ",", "took", "office", "."]
    pos = ["PRON", "NOUN", "NOUN", "PUNCT", "ADJ", "NOUN", "PROPN", "PROPN", "PROPN", "PUNCT"]
    pos += ["VERB", "NOUN", "PUNCT"]
    doc = NameRepair()(_tagged_doc(words, pos, [(1, 3, "POSITION"), (4, 5, "NORP")]))
    assert ("Ilse Varnholt Osk", "PERSON") in [(e.text, e.label_) for e in doc.ents]


def test_an_apposed_name_may_follow_a_complement_that_ends_in_a_possessed_noun():
    from kg.extract.phrases.names import NameRepair

    words = ["A", "spokesperson", "for", "Solvang", "'s", "office", ",", "Park", "Ji", "-"]
    words += ["hoon", ",", "said", "."]
    pos = ["DET", "NOUN", "ADP", "PROPN", "PART", "NOUN", "PUNCT", "PROPN", "PROPN", "PUNCT"]
    pos += ["PROPN", "PUNCT", "VERB", "PUNCT"]
    tags = [*pos[:4], "POS", *pos[5:]]
    ents = [(1, 4, "POSITION"), (7, 9, "WORK_OF_ART")]
    doc = NameRepair()(_tagged(words, pos, ents, tags))
    assert ("Park Ji-hoon", "PERSON") in [(e.text, e.label_) for e in doc.ents]


def test_a_complement_list_does_not_run_into_the_next_owner_s_title():
    st = _extract(
        "Norway's Minister of Fisheries, Tomas Ekberg, and Sweden's Minister of Trade, Mira "
        "Solvang, will meet in Velmar next week."
    )
    assert {
        ("Tomas Ekberg", "Minister of Fisheries", "Norway"),
        ("Mira Solvang", "Minister of Trade", "Sweden"),
    } <= positions(st)


def test_reverend_is_a_courtesy_word_and_no_part_of_the_name():
    st = _extract("Reverend Tomas Ekberg, who chairs the Velmar church council, welcomed the plan.")
    assert {e.label for e in st.entities if e.cls == "Person"} == {"Tomas Ekberg"}


def test_a_name_after_a_lower_case_complement_and_a_comma_holds_the_title():
    st = _extract(
        "Norland agreed to take part after a trip to Oslo and Bergen by its minister of state "
        "for fisheries, Ana Berg."
    )
    assert ("Ana Berg", "Minister of State for Fisheries", "Norland") in positions(st)


def test_an_apposed_name_may_follow_a_former_nationality_and_rank():
    st = _extract(
        "The talks will be led for Norland by its special envoy for the Baltic Sea, former "
        "Danish prime minister Lena Berg."
    )
    assert ("Lena Berg", "Special Envoy for the Baltic Sea") in held(st)


@pytest.mark.parametrize("noun", ["counterpart", "colleague"])
def test_a_counterpart_or_colleague_after_a_named_minister_holds_the_post_for_their_country(noun):
    st = _extract(
        f"The foreign minister of Norway, Mira Solvang, and her Swedish {noun}, Tomas Ekberg, "
        "signed a memorandum in Velmar."
    )
    assert ("Tomas Ekberg", "Foreign Minister", "Sweden") in positions(st)


def test_a_counterpart_named_after_two_titles_holds_the_nearer_one_only():
    st = _extract(
        "Norway's Prime Minister Tomas Ekberg looked on as Foreign Secretary Mira Solvang and "
        "her Swedish counterpart, Lena Berg, signed the deeds."
    )
    held_by_berg = {(t, o) for h, t, o in positions(st) if h == "Lena Berg"}
    assert held_by_berg == {("Foreign Secretary", "Sweden")}


def test_a_counterpart_holds_the_post_of_a_holder_with_a_former_one_named_between():
    # review r12 X13: the holder's own former title between is no other person's
    st = _extract(
        "Mira Solvang, Norway's defence minister and a former army chief, met her Swedish "
        "counterpart, Tomas Ekberg."
    )
    assert ("Tomas Ekberg", "Defence Minister", "Sweden") in positions(st)


def test_a_body_with_one_owned_person_in_a_list_stays_a_body():
    # review r12 X17
    st = _extract("The deal was signed by Norway's Tomas Ekberg and Sweden's Nordic Steel.")
    assert "Nordic Steel" not in {e.label for e in st.entities if e.cls == "Person"}


@pytest.mark.parametrize(
    "text, holder, title",
    [
        (
            "Velmar's fisheries delegation is led by its irrigation minister, Ana Berg.",
            "Ana Berg",
            "Irrigation Minister",
        ),
        (
            "Norland Bank named Mira Solvang its new chief risk officer on Monday.",
            "Mira Solvang",
            "Chief Risk Officer",
        ),
    ],
)
def test_lower_case_nouns_compounded_with_a_title_are_its_field(text, holder, title):
    assert (holder, title) in held(_extract(text))


def test_a_qualifier_compounded_with_a_title_stays_a_qualifier():
    st = _extract("The president picked Mira Solvang as caretaker prime minister on Friday.")
    assert ("Mira Solvang", "Prime Minister") in held(st)


def test_a_party_s_floor_leader_leads_the_party():
    st = _extract(
        "The small Velmar Green Party voted no. Its floor leader, Ana Berg, called it a sham."
    )
    assert any(
        r.predicate == "leads" and r.subject == "ana-berg" and "green" in r.object
        for r in st.relations
    )


def test_a_title_s_complement_does_not_run_on_into_a_list_of_people():
    st = _extract(
        "Tomas Ekberg, head of the Velmar Police, Mira Solvang and Lena Berg met in Oslo."
    )
    assert held(st) == {("Tomas Ekberg", "Head")}


@pytest.mark.parametrize(
    "text, held_by",
    [
        ("Mira Solvang was offered the job of envoy in June but said no.", set()),
        ("Mira Solvang sought the post of envoy last year.", set()),
        ("Mira Solvang took up the post of envoy last week.", {("Mira Solvang", "Envoy")}),
    ],
)
def test_a_post_offered_or_sought_is_not_held(text, held_by):
    assert held(_extract(text)) == held_by


def test_a_name_read_as_a_body_in_a_list_of_owned_people_is_a_person_s():
    from kg.extract.phrases.names import NameRepair

    words = ["with", "Norway", "'s", "Ana", "Berg", ",", "Sweden", "'s", "Oskar", "Lunde"]
    words += ["and", "Finland", "'s", "Mira", "Solvang", "."]
    pos = ["ADP", "PROPN", "PART", "PROPN", "PROPN", "PUNCT", "PROPN", "PART", "PROPN"]
    pos += ["PROPN", "CCONJ", "PROPN", "PART", "PROPN", "PROPN", "PUNCT"]
    tags = [("POS" if w == "'s" else p) for w, p in zip(words, pos, strict=True)]
    ents = [(1, 2, "GPE"), (3, 5, "PERSON"), (6, 7, "GPE"), (8, 10, "ORG")]
    ents += [(11, 12, "GPE"), (13, 15, "PERSON")]
    doc = NameRepair()(_tagged(words, pos, ents, tags))
    assert ("Oskar Lunde", "PERSON") in [(e.text, e.label_) for e in doc.ents]


def test_a_plural_title_before_a_colon_is_held_by_the_people_listed_after_it():
    st = _extract(
        "The congress then chose three vice-chairs, one from each bloc: Norway's Ana Berg, "
        "Sweden's Oskar Lunde and Finland's Mira Solvang."
    )
    assert held(st) == {
        ("Ana Berg", "Vice-chair"),
        ("Oskar Lunde", "Vice-chair"),
        ("Mira Solvang", "Vice-chair"),
    }


def test_a_title_written_with_of_the_and_its_owner_is_another_name_of_the_post():
    st = _extract("The Chairman of the Council of Elders of Norland, Tomas Ekberg, spoke first.")
    post = next(e for e in st.entities if e.cls == "Position")
    assert "Chairman of the Council of Elders" in post.aliases


def test_a_lower_case_complement_list_ends_before_a_person_coordinated_after_it():
    st = _extract(
        "The new cabinet has Ana Berg as minister for youth, sport and rural affairs and "
        "Oskar Lunde as trade minister."
    )
    assert ("Ana Berg", "Minister for Youth, Sport and Rural Affairs") in held(st)


def test_a_place_complement_goes_on_past_and_the_to_a_second_place():
    st = _extract(
        "The bloc's Special Coordinator for Central Asia and the Caucasus, Lena Berg, will "
        "attend as a guest."
    )
    assert ("Lena Berg", "Special Coordinator for Central Asia and the Caucasus") in held(st)


def test_an_armed_group_s_word_before_a_title_is_no_portfolio_of_a_country():
    # review r12 X14
    st = _extract("Tomas Ekberg, a Norwegian rebel commander, rejected the ceasefire.")
    assert ("Tomas Ekberg", "Commander", None) in positions(st)
