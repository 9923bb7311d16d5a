"""The extractor's data: lexicon, verb frames and gazetteer, read from data/."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from functools import cache, cached_property, lru_cache
from typing import Any

import yaml

from kg.errors import ExtractionError
from kg.resources import data_path

_SPELLING = [
    (re.compile(r"isation"), "ization"),
    (re.compile(r"ise\b"), "ize"),
    (re.compile(r"defence"), "defense"),
    (re.compile(r"programme"), "program"),
    (re.compile(r"centre"), "center"),
    (re.compile(r"organisation"), "organization"),
    (re.compile(r"adviser"), "advisor"),
]


@lru_cache(maxsize=65536)
def norm(text: str, spelling: bool = True) -> str:
    """A matching key: case, quotes, a leading 'the', spelling variants (unless `spelling`
    is false) and spacing folded."""
    text = unicodedata.normalize("NFKC", text).casefold()
    text = text.replace("’", "'").replace("‘", "'").replace("“", '"').replace("”", '"')
    text = re.sub(r"[\"]", "", text)
    text = re.sub(r"^the\s+", "", text.strip())
    text = re.sub(r"'s$", "", text)
    for pattern, repl in _SPELLING if spelling else ():
        text = pattern.sub(repl, text)
    text = re.sub(r"[\s\-–]+", " ", text)
    return text.strip(" .,;:")


# libyaml's parser where PyYAML was built with it: the same data, some ten times faster to
# read (the extractor's files are read by every process that extracts)
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def _load_yaml(name: str) -> Any:
    path = data_path(name)
    try:
        return yaml.load(path.read_text(encoding="utf-8"), Loader=_LOADER)
    except (OSError, yaml.YAMLError) as exc:
        raise ExtractionError(f"{path}: cannot read the extractor's data ({exc})") from None


@dataclass(frozen=True)
class GazetteerEntry:
    label: str
    cls: str
    aliases: tuple[str, ...] = ()
    demonyms: tuple[str, ...] = ()
    metonyms: tuple[str, ...] = ()
    ids: tuple[tuple[str, str], ...] = ()


@dataclass
class Gazetteer:
    entries: list[GazetteerEntry]
    by_name: dict[str, GazetteerEntry] = field(default_factory=dict)
    by_demonym: dict[str, GazetteerEntry] = field(default_factory=dict)
    by_metonym: dict[str, GazetteerEntry] = field(default_factory=dict)

    def __post_init__(self) -> None:
        for e in self.entries:
            for name in (e.label, *e.aliases):
                self.by_name.setdefault(norm(name), e)
            for name in e.demonyms:
                self.by_demonym.setdefault(norm(name), e)
            for name in e.metonyms:
                self.by_metonym.setdefault(norm(name), e)


@cache
def gazetteer() -> Gazetteer:
    doc = _load_yaml("gazetteer.yaml") or {}
    entries = []
    for item in doc.get("entities", []):
        entries.append(
            GazetteerEntry(
                label=item["label"],
                cls=item["class"],
                aliases=tuple(item.get("aliases", [])),
                demonyms=tuple(item.get("demonyms", [])),
                metonyms=tuple(item.get("metonyms", [])),
                ids=tuple(sorted((item.get("ids") or {}).items())),
            )
        )
    return Gazetteer(entries)


@dataclass(frozen=True)
class Lexicon:
    positions: tuple[str, ...]
    ranks: frozenset[str]
    leader_words: frozenset[str]
    generic_position_words: frozenset[str]
    head_classes: dict[str, str]  # head word -> class
    force_nouns: tuple[str, ...]
    contribution_nouns: frozenset[str]
    representative_nouns: frozenset[str]
    reporting_verbs: frozenset[str]
    past_markers: frozenset[str]
    anaphors: dict[str, str]  # head word -> class
    mission_nouns: frozenset[str]
    name_prefixes: dict[str, str]  # first word of a name -> class
    relative_pronouns: frozenset[str]
    role_nouns: frozenset[str]  # "the role of X", "the post of X"
    appointment_verbs: frozenset[str]  # "appointed X minister", "named X as minister"
    succession_verbs: frozenset[str]  # "A succeeds B": B held A's post
    predecessor_nouns: frozenset[str]  # "A's predecessor, B"
    person_nouns: frozenset[str]  # "her predecessor, X": X is a person
    courtesy_titles: frozenset[str]  # "Ms X", "Dr X": X is a person
    leadership_verbs: dict[str, dict[str, str]]  # "headed by X": X is "head" (by class)
    leadership_nouns: dict[str, str]  # "took command of": X is "commander"
    leadership_taking_verbs: frozenset[str]  # "take", "assume" (command of ...)
    strip_words: frozenset[str]  # dropped from the start of a name ("the", "new")
    copular_verbs: frozenset[str]  # "X is / became the minister"
    coordinators: frozenset[str]  # ",", "and": join the items of a list
    pairing_adverbs: frozenset[str]  # "respectively"
    role_prepositions: frozenset[str]  # "as": "sworn in as minister"
    former_prepositions: dict[str, frozenset[str]]  # "until" -> now, recently
    ministry_nouns: frozenset[str]  # "ministry", "department": what a minister heads
    description_classes: frozenset[str]  # "a ceasefire", "the summit": entities by description
    definite_determiners: frozenset[str]  # "the", "this", "its": a definite description
    masthead_skip_words: frozenset[str]  # "ANALYSIS | ...": no masthead
    publication_words: tuple[tuple[str, ...], ...]  # "herald", "news agency": a masthead's end
    publication_lower_words: frozenset[str]  # "of", "the": lower case inside a publication's name
    owned_body_classes: frozenset[str]  # "Norland's intelligence ministry": named with its owner
    name_joiners: frozenset[str]  # "in": "Nordic Union Force in Velmar (NUFOR)"
    counterpart_nouns: frozenset[str]  # "her German counterpart, X"
    byline_words: frozenset[str]  # "By Mira Solvang, Defence Correspondent"
    place_prepositions: frozenset[str]  # "arrived in X": X stands where a place stands
    aid_nouns: frozenset[str] = frozenset()  # "funding", "supplies": given as money is
    title_joiners: frozenset[str] = frozenset()  # "of", "the": join a title, name no post
    possessive_relatives: frozenset[str] = frozenset()  # "whose"
    government_nouns: frozenset[str] = frozenset()  # "the government": the country it governs
    speaker_preps: frozenset[str] = frozenset()  # "a spokesperson for X said": X says


@cache
def lexicon() -> Lexicon:
    d = _load_yaml("patterns/lexicon.yaml")
    heads = {w: cls for cls, words in d["head_classes"].items() for w in words}
    anaphors = {w: cls for cls, words in d["anaphors"].items() for w in words}
    return Lexicon(
        positions=tuple(d["positions"]),
        ranks=frozenset(d["ranks"]),
        leader_words=frozenset(d["leader_words"]),
        generic_position_words=frozenset(d["generic_position_words"]),
        head_classes=heads,
        force_nouns=tuple(d["force_nouns"]),
        contribution_nouns=frozenset(d["contribution_nouns"]),
        representative_nouns=frozenset(d["representative_nouns"]),
        reporting_verbs=frozenset(d["reporting_verbs"]),
        past_markers=frozenset(d["past_markers"]),
        anaphors=anaphors,
        mission_nouns=frozenset(d["mission_nouns"]),
        name_prefixes=dict(d["name_prefixes"]),
        relative_pronouns=frozenset(d["relative_pronouns"]),
        role_nouns=frozenset(d["role_nouns"]),
        appointment_verbs=frozenset(d["appointment_verbs"]),
        succession_verbs=frozenset(d["succession_verbs"]),
        predecessor_nouns=frozenset(d["predecessor_nouns"]),
        person_nouns=frozenset(d["person_nouns"]),
        courtesy_titles=frozenset(d["courtesy_titles"]),
        leadership_verbs={
            k: v if isinstance(v, dict) else {"default": v}
            for k, v in d["leadership_verbs"].items()
        },
        leadership_nouns={str(k): str(v) for k, v in d["leadership_nouns"].items()},
        leadership_taking_verbs=frozenset(d["leadership_taking_verbs"]),
        strip_words=frozenset(d["strip_words"]),
        copular_verbs=frozenset(d["copular_verbs"]),
        coordinators=frozenset(d["coordinators"]),
        pairing_adverbs=frozenset(d["pairing_adverbs"]),
        role_prepositions=frozenset(d["role_prepositions"]),
        former_prepositions={k: frozenset(v) for k, v in d["former_prepositions"].items()},
        ministry_nouns=frozenset(d["ministry_nouns"]),
        description_classes=frozenset(d["description_classes"]),
        definite_determiners=frozenset(d["definite_determiners"]),
        owned_body_classes=frozenset(d["owned_body_classes"]),
        masthead_skip_words=frozenset(d["masthead_skip_words"]) | frozenset(d["byline_words"]),
        publication_words=tuple(tuple(w.lower().split()) for w in d["publication_words"]),
        publication_lower_words=frozenset(d["publication_lower_words"]),
        name_joiners=frozenset(d["name_joiners"]),
        counterpart_nouns=frozenset(d["counterpart_nouns"]),
        byline_words=frozenset(d["byline_words"]),
        place_prepositions=frozenset(d["place_prepositions"]),
        aid_nouns=frozenset(d.get("aid_nouns") or ()),
        title_joiners=frozenset(d.get("title_joiners") or ()),
        possessive_relatives=frozenset(d.get("possessive_relatives") or ()),
        government_nouns=frozenset(d.get("government_nouns") or ()),
        speaker_preps=frozenset(d.get("speaker_preps") or ()),
    )


@dataclass(frozen=True)
class Frame:
    """A word that states a relation, and where its arguments are found."""

    name: str
    lemmas: frozenset[str]
    predicate: str
    objects: tuple[str, ...]  # "dobj", "prep:for", "implicit", ...
    inverse: bool = False  # the grammatical object is the relation's subject
    modality: str | None = None
    needs: str | None = None  # "contribution": a contribution noun must be an argument
    noun: frozenset[str] = frozenset()  # with a light verb: the noun that carries the meaning
    confidence: float = 0.8
    voice: str | None = None  # "passive": only a passive clause states it
    subject: str | None = None  # "patient": the relation's subject is the clause's object
    refused_as: str | None = None  # the predicate a refusal of it states ("declines")
    range: tuple[str, ...] = ()  # object classes it takes, narrower than the predicate's
    domain: tuple[str, ...] = ()  # subject classes it takes, narrower than the predicate's
    others: bool = False  # only with others: "train its own guards" states nothing
    only_refused: bool = False  # states only its refusal: "declined to attend"
    negated_as: str = "negated"  # a negated plan of it: "will not disarm X" -> refused
    not_in_place: bool = False  # a noun after "in", "at": "in the northern part of X"
    judgement: str | None = None  # "called X a betrayal": the complement's words' polarity


@dataclass(frozen=True)
class Frames:
    verbs: tuple[Frame, ...]
    nouns: tuple[Frame, ...]
    modality_heads: dict[str, str]  # governing word -> modality (decline -> refused)
    modal_aux: dict[str, str]  # auxiliary -> modality (may -> possible)
    creation_verbs: frozenset[str]  # "create a board to govern": the object is the actor
    blocking_heads: frozenset[str]  # "urge X to send": the relation is only requested
    duty_nouns: frozenset[str]  # "disarming X is not Y's responsibility"
    light_verbs: frozenset[str]  # "hold talks", "make a visit": the noun carries the meaning
    purpose_preps: dict[str, str]  # "for talks with X": an event that is a purpose -> modality
    version: str
    modality_nouns: dict[str, str] = field(default_factory=dict)  # "has plans to" -> planned
    particle_preps: frozenset[str] = frozenset()  # "pull out of": out
    member_preps: frozenset[str] = frozenset()  # "officials, including A and B"
    max_each_other: int = 3  # "A, B and C met": pairs only up to this many parties
    partitive_nouns: frozenset[str] = frozenset()  # "part of X" stands for X
    pair_nouns: dict[str, tuple[str, ...]] = field(default_factory=dict)  # "both sides"
    pair_lookback: int = 40  # how many mentions back "both sides" looks for "X and Y"
    pair_titles: dict[str, tuple[str, ...]] = field(default_factory=dict)  # "the two leaders"
    theme_nouns: frozenset[str] = frozenset()  # "the appointment of X" stands for X
    capital_means_country: frozenset[str] = frozenset()  # visits to Lima are to Peru
    object_control: frozenset[str] = frozenset()  # "urged X to sign": X is the object
    order_verbs: frozenset[str] = frozenset()  # "directed X to prepare": an order, no leading
    reciprocals: frozenset[str] = frozenset()  # "met with each other"
    name_relations: dict = field(default_factory=dict)  # "UN Mission in <X>": naming.py
    unit_relations: dict = field(default_factory=dict)  # "the Assembly's Defence Committee"
    interview: dict[str, tuple[str, ...]] = field(default_factory=dict)  # voices.py
    future_words: frozenset[str] = frozenset()  # "goes there next week": planned
    past_words: frozenset[str] = frozenset()  # "before the talks last month": not ahead
    carried: dict[str, dict] = field(default_factory=dict)  # "The measures target X"
    plural_pronouns: frozenset[str] = frozenset()  # "X and Y said they ..."
    question_marks: frozenset[str] = frozenset()  # "asked whether X ...": a question
    negators: frozenset[str] = frozenset()  # "has no plans to"
    infinitive_heads: dict[str, str] = field(default_factory=dict)  # "was named to lead"
    future_preps: frozenset[str] = frozenset()  # "ahead of the summit"
    cancel_verbs: frozenset[str] = frozenset()  # "the visit was postponed"
    occurrence_verbs: frozenset[str] = frozenset()  # "Will the talks take place?"
    event_levels: dict[str, str] = field(default_factory=dict)  # "offered to host talks"
    planned_modifiers: frozenset[str] = frozenset()  # "the proposed visit"
    contrast_marks: frozenset[str] = frozenset()  # "..., while Y is considering it"
    limit_marks: frozenset[str] = frozenset()  # "is willing to X but will not Y"
    gerund_subject_preps: frozenset[str] = frozenset()  # "joined Y in voting": X votes
    participation: dict = field(default_factory=dict)  # "took part in the exercise"
    judgements: dict[str, frozenset[str]] = field(default_factory=dict)  # "a betrayal"
    beneficiary_preps: frozenset[str] = frozenset()  # "offered to share it with X"
    beneficiary_verbs: frozenset[str] = frozenset()  # "share", "train": giving verbs
    object_control_verbs: frozenset[str] = frozenset()  # "persuaded X to send": X sends
    topic_classes: tuple[str, ...] = ()  # "voted against it": what the story is about
    invitation_nouns: dict[str, tuple[str, ...]] = field(default_factory=dict)  # "declined
    # the invitation": to what (the classes of what the story is about that it may be)
    invitation_preps: tuple[str, ...] = ()  # "an invitation to / for the summit"
    named_by: tuple[str, ...] = ()  # "the opposition Blue Party movement": a body's classes
    name_after_comma: dict = field(default_factory=dict)  # "the head of X, General Y,"
    purpose_target_preps: tuple[str, ...] = ()  # "soldiers to serve with the force"
    own_words: frozenset[str] = frozenset()  # "its own border guards"
    owner_classes: tuple[str, ...] = ()  # "provide the brigade's headquarters"
    quantity_preps: frozenset[str] = frozenset()  # "a team of engineers", "$5m in aid"
    naming_entity_types: frozenset[str] = frozenset()  # "EU sanctions": spaCy entity labels
    pair_words: dict[str, frozenset[str]] = field(default_factory=dict)  # "both", "the two"
    principal_preps: tuple[str, ...] = ()  # "signed on behalf of X": X signs
    holder_preps: frozenset[str] = frozenset()  # "X is under sanctions": X is their object
    report_nouns: frozenset[str] = frozenset()  # "rejected reports that ...": denied
    denial_verbs: frozenset[str] = frozenset()  # "dismissed reports that ...": negated
    pending_adverbs: frozenset[str] = frozenset()  # "has yet to send": negated
    ending_verbs: frozenset[str] = frozenset()  # "ended its support for X": negated
    ended_nouns: frozenset[str] = frozenset()  # what an ending verb negates (not "talks")
    post_verbs: dict[str, frozenset[str]] = field(default_factory=dict)  # "resigned as"

    @cached_property
    def phrasal_lemmas(self) -> frozenset[str]:
        return frozenset(w for f in (*self.verbs, *self.nouns) for w in f.lemmas if " " in w)


def _frame(item: dict, kind: str) -> Frame:
    return Frame(
        name=item.get("name", f"{kind}:{item['lemmas'][0]}"),
        lemmas=frozenset(item["lemmas"]),
        predicate=item["predicate"],
        objects=tuple(item.get("objects", ["dobj"])),
        inverse=bool(item.get("inverse", False)),
        modality=item.get("modality"),
        needs=item.get("needs"),
        noun=frozenset(item.get("noun", [])),
        confidence=float(item.get("confidence", 0.8)),
        voice=item.get("voice"),
        subject=item.get("subject"),
        refused_as=item.get("refused_as"),
        range=tuple(item.get("range") or ()),
        domain=tuple(item.get("domain") or ()),
        others=bool(item.get("others", False)),
        only_refused=bool(item.get("only_refused", False)),
        negated_as=item.get("negated_as", "negated"),
        not_in_place=bool(item.get("not_in_place", False)),
        judgement=item.get("judgement"),
    )


@cache
def frames() -> Frames:
    d = _load_yaml("patterns/frames.yaml")
    from kg.ontology import load_ontology

    known = load_ontology().relations

    def usable(items: list[dict]) -> list[dict]:
        # a frame for a predicate this ontology has not (yet) got stays unused
        out = []
        for item in items:
            if item["predicate"] not in known:
                continue
            if item.get("refused_as") not in (None, *known):
                item = {k: v for k, v in item.items() if k != "refused_as"}
            out.append(item)
        return out

    return Frames(
        verbs=tuple(_frame(i, "verb") for i in usable(d["verbs"])),
        nouns=tuple(_frame(i, "noun") for i in usable(d["nouns"])),
        modality_heads=dict(d["modality_heads"]),
        modal_aux=dict(d["modal_aux"]),
        creation_verbs=frozenset(d["creation_verbs"]),
        object_control_verbs=frozenset(d.get("object_control_verbs") or ()),
        blocking_heads=frozenset(d["blocking_heads"]),
        duty_nouns=frozenset(d["duty_nouns"]),
        light_verbs=frozenset(d["light_verbs"]),
        purpose_preps=dict(d["purpose_preps"]),
        version=str(d["version"]),
        modality_nouns=dict(d.get("modality_nouns") or {}),
        particle_preps=frozenset(d.get("particle_preps") or ()),
        member_preps=frozenset(d.get("member_preps") or ()),
        max_each_other=int(d.get("max_each_other", 3)),
        partitive_nouns=frozenset(d.get("partitive_nouns") or ()),
        pair_nouns={k: tuple(v) for k, v in (d.get("pair_nouns") or {}).items()},
        pair_lookback=int(d.get("pair_lookback", 40)),
        pair_titles={k: tuple(v) for k, v in (d.get("pair_titles") or {}).items()},
        theme_nouns=frozenset(d.get("theme_nouns") or ()),
        capital_means_country=frozenset(d.get("capital_means_country") or ()),
        object_control=frozenset(d.get("object_control") or ()),
        order_verbs=frozenset(d.get("order_verbs") or ()),
        reciprocals=frozenset(d.get("reciprocals") or ()),
        name_relations=dict(d.get("name_relations") or {}),
        unit_relations=dict(d.get("unit_relations") or {}),
        interview={k: tuple(v) for k, v in (d.get("interview") or {}).items()},
        future_words=frozenset(d.get("future_words") or ()),
        past_words=frozenset(d.get("past_words") or ()),
        plural_pronouns=frozenset(d.get("plural_pronouns") or ()),
        question_marks=frozenset(d.get("question_marks") or ()),
        negators=frozenset(d.get("negators") or ()),
        infinitive_heads=dict(d.get("infinitive_heads") or {}),
        future_preps=frozenset(d.get("future_preps") or ()),
        cancel_verbs=frozenset(d.get("cancel_verbs") or ()),
        occurrence_verbs=frozenset(d.get("occurrence_verbs") or ()),
        event_levels=dict(d.get("event_levels") or {}),
        planned_modifiers=frozenset(d.get("planned_modifiers") or ()),
        contrast_marks=frozenset(d.get("contrast_marks") or ()),
        limit_marks=frozenset(d.get("limit_marks") or ()),
        topic_classes=tuple(d.get("topic_classes") or ()),
        beneficiary_preps=frozenset(d.get("beneficiary_preps") or ()),
        beneficiary_verbs=frozenset(d.get("beneficiary_verbs") or ()),
        judgements={k: frozenset(v) for k, v in (d.get("judgements") or {}).items()},
        participation={k: frozenset(v) for k, v in (d.get("participation") or {}).items()},
        gerund_subject_preps=frozenset(d.get("gerund_subject_preps") or ()),
        invitation_nouns={k: tuple(v) for k, v in (d.get("invitation_nouns") or {}).items()},
        invitation_preps=tuple(d.get("invitation_preps") or ()),
        named_by=tuple(d.get("named_by") or ()),
        name_after_comma={
            "window": int((d.get("name_after_comma") or {}).get("window", 8)),
            "pass_over": frozenset((d.get("name_after_comma") or {}).get("pass_over") or ()),
        },
        purpose_target_preps=tuple(d.get("purpose_target_preps") or ()),
        own_words=frozenset(d.get("own_words") or ()),
        owner_classes=tuple(d.get("owner_classes") or ()),
        quantity_preps=frozenset(d.get("quantity_preps") or ()),
        naming_entity_types=frozenset(d.get("naming_entity_types") or ()),
        pair_words={k: frozenset(v) for k, v in (d.get("pair_words") or {}).items()},
        principal_preps=tuple(d.get("principal_preps") or ()),
        holder_preps=frozenset(d.get("holder_preps") or ()),
        report_nouns=frozenset(d.get("report_nouns") or ()),
        denial_verbs=frozenset(d.get("denial_verbs") or ()),
        pending_adverbs=frozenset(d.get("pending_adverbs") or ()),
        ending_verbs=frozenset(d.get("ending_verbs") or ()),
        ended_nouns=frozenset(d.get("ended_nouns") or ()),
        post_verbs={k: frozenset(v) for k, v in (d.get("post_verbs") or {}).items()},
        carried={
            p: {
                "nouns": frozenset(r.get("nouns") or ()),
                "verbs": frozenset(r.get("verbs") or ()),
                "passive": frozenset(r.get("passive") or ()),
                "window": int(r.get("window", 6)),
                "confidence": float(r.get("confidence", 0.7)),
                "be_preps": frozenset(r.get("be_preps") or ()),
            }
            for p, r in (d.get("carried") or {}).items()
            if p in known
        },
    )
