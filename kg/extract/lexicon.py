"""The extractor's data: lexicon, verb frames and gazetteer, read from data/."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from dataclasses import MISSING, dataclass, field, fields
from functools import cache, cached_property, lru_cache
from types import UnionType
from typing import Any, TypeVar, Union, get_args, get_origin, get_type_hints

import yaml

from kg.errors import ExtractionError
from kg.extract import yaml_cache
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
    text = text.replace('"', "")
    text = _THE.sub("", text.strip())
    text = _S_END.sub("", text)
    for pattern, repl in _SPELLING if spelling else ():
        text = pattern.sub(repl, text)
    text = _SPACING.sub(" ", text)
    return text.strip(" .,;:")


# norm's patterns, compiled once (re.sub would look each up in re's cache per call)
_THE = re.compile(r"^the\s+")
_S_END = re.compile(r"'s$")
_SPACING = re.compile(r"[\s\-–]+")


T = TypeVar("T")


def load_yaml(name: str) -> Any:
    path = data_path(name)
    try:
        return yaml_cache.load(path)  # parsed once, then read from its cache
    except (OSError, UnicodeDecodeError, yaml.YAMLError) as exc:
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
    long_forms: tuple[str, ...] = ()

    def __post_init__(self) -> None:
        for e in self.entries:
            for name in (e.label, *e.aliases):
                self.by_name.setdefault(norm(name), e)
            for name in e.demonyms:
                self.by_demonym.setdefault(norm(name), e)
            for name in e.metonyms:
                self.by_metonym.setdefault(norm(name), e)
        # a country's formal names, after every name an entry gives itself
        for e in self.entries:
            if e.cls != "Country":
                continue
            for form in self.long_forms:
                for word in e.demonyms if "{demonym}" in form else (e.label,):
                    name = form.format(name=e.label, demonym=word)
                    self.by_name.setdefault(norm(name), e)


@cache
def gazetteer() -> Gazetteer:
    doc = load_yaml("gazetteer.yaml") or {}
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
    return Gazetteer(entries, long_forms=tuple(doc.get("long_forms", [])))


def _read(read: Callable[[Any, dict], Any]) -> dict[str, Any]:
    """The metadata of a field that its data file gives in another shape than its type
    (`field(metadata=_read(f))`): `f(value, file)` makes the field's value of the file's
    value (and the whole file, for a field made of two entries)."""
    return {"read": read}


def _by_word(value: Any, _file: dict) -> dict[str, str]:
    """`{class: [word, ...]}` in the file, `{word: class}` in the field."""
    return {str(w): str(cls) for cls, words in (value or {}).items() for w in words}


def _classes_by_word(value: Any, _file: dict) -> dict[str, frozenset[str]]:
    """`{class: [word, ...]}` in the file, `{word: {class, ...}}` in the field (a word may be
    listed under several classes)."""
    out: dict[str, set[str]] = {}
    for cls, words in (value or {}).items():
        for w in words:
            out.setdefault(_typed(str, w, "title_owner_classes"), set()).add(str(cls))
    return {w: frozenset(c) for w, c in out.items()}


def _leadership_verbs(value: Any, _file: dict) -> dict[str, dict[str, str]]:
    """A verb's post, or its post by the class of the body led (`default` for the others)."""
    return {k: v if isinstance(v, dict) else {"default": v} for k, v in (value or {}).items()}


def _masthead_skip_words(value: Any, file: dict) -> frozenset[str]:
    """The words that start no masthead, with the byline words ("By X")."""
    return frozenset(value or ()) | frozenset(file.get("byline_words") or ())


def _publication_words(value: Any, _file: dict) -> tuple[tuple[str, ...], ...]:
    return tuple(tuple(w.lower().split()) for w in value or ())


def _typed(tp: Any, value: Any, where: str) -> Any:
    """A value of the data file as the declared type: a list as a frozenset or a tuple, a
    mapping as a dict (their items typed in turn), a scalar as str, int or float; missing
    (None) as that type's empty value. A word YAML read as true or false (an unquoted on,
    off, yes, no) is an error."""
    origin, args = get_origin(tp), get_args(tp)
    if origin is UnionType or origin is Union:  # "str | None": None stays None
        if value is None:
            return None
        return _typed(next(a for a in args if a is not type(None)), value, where)
    if origin in (frozenset, tuple):
        return origin(_typed(args[0], v, where) for v in value or ())
    if origin is dict:
        return {
            _typed(args[0], k, where): _typed(args[1], v, where) for k, v in (value or {}).items()
        }
    if tp is dict:
        return dict(value or {})
    if tp is str and isinstance(value, bool):
        raise ExtractionError(
            f"{where}: a word is read as {str(value).lower()}: quote it (YAML reads an unquoted "
            '"on", "off", "yes" or "no" as true or false)'
        )
    if tp in (str, int, float, bool):
        return tp() if value is None else tp(value)
    raise TypeError(f"no reading for {tp!r}")


def from_data(cls: type[T], file: dict, where: str) -> T:
    """A dataclass of the extractor's data made of one data file's entries: each field is read
    by its declared type (`_typed`) or its own `read` (`_read`); an entry missing from the file
    takes the field's default, else its type's empty value. An entry the class does not declare
    is an error (a misspelt key would otherwise be read as nothing)."""
    declared = {f.name: f for f in fields(cls)}  # type: ignore[arg-type]
    unknown = sorted(str(k) for k in file if k not in declared)
    if unknown:
        raise ExtractionError(
            f"{where}: unknown entries {', '.join(unknown)} (each must be declared in "
            f"{cls.__name__}, kg/extract/lexicon.py)"
        )
    types = _type_hints(cls)
    values = {}
    for name, f in declared.items():
        read = f.metadata.get("read")
        if read is not None:
            _no_truth_words(file.get(name), f"{where} {name}")
            values[name] = read(file.get(name), file)
        elif name in file:
            values[name] = _typed(types[name], file[name], f"{where} {name}")
        elif f.default is MISSING and f.default_factory is MISSING:
            values[name] = _typed(types[name], None, f"{where} {name}")
    return cls(**values)


def _no_truth_words(value: Any, where: str) -> None:
    """An entry read by its own reader holds no word YAML read as true or false: none in a
    list, none as a key (`_typed` says so of the typed entries)."""
    if isinstance(value, dict):
        for k, v in value.items():
            if isinstance(k, bool):
                _typed(str, k, where)  # raises
            _no_truth_words(v, where)
    elif isinstance(value, list):
        for v in value:
            if isinstance(v, bool):
                _typed(str, v, where)  # raises
            _no_truth_words(v, where)


@cache
def _type_hints(cls: type) -> dict[str, Any]:
    return get_type_hints(cls)


@dataclass(frozen=True, kw_only=True)
class Lexicon:
    """The words of data/patterns/lexicon.yaml. A new word list is one entry there and one
    field here (`name: frozenset[str]  # what it is for`); `from_data` reads it by its type."""

    positions: tuple[str, ...]
    ranks: frozenset[str]
    leader_words: frozenset[str]
    generic_position_words: frozenset[str]
    head_classes: dict[str, str] = field(metadata=_read(_by_word))  # head word -> class
    force_nouns: tuple[str, ...]
    force_prefixes: frozenset[str]  # "the Royal Norlandic Navy": a word before the owner
    shared_force_words: frozenset[str]  # "the force": never a country's own force
    contribution_nouns: frozenset[str]
    representative_nouns: frozenset[str]
    body_nouns: dict[str, tuple[str, ...]]  # "her movement": the body of her post
    capitalised_heads: frozenset[str]  # head nouns of a body only when capitalised
    led_participles: frozenset[str]  # "the Norland-led force": also named without "Norland-led"
    name_class_nouns: frozenset[str]  # "the Blue Dawn party": also named "Blue Dawn"
    side_nouns: frozenset[str]  # "the Norlandic side": the country
    member_nouns: frozenset[str]  # "lawmakers from the Blue Party": the party
    member_quantifiers: frozenset[str]  # "some members of the council": not the council
    sending_verbs: dict[str, frozenset[str]]  # "represented by X", "has sent X": X's country
    reporting_verbs: frozenset[str]
    country_speaker_titles: frozenset[str]  # "Norland will pay, Minister X said": Norland's
    accusing_verbs: frozenset[str]  # "Togo has massed troops, Minister X said": not Togo's
    demanding_modals: frozenset[str]  # "Togo must withdraw, Minister X said": not Togo's
    past_markers: frozenset[str]
    anaphors: dict[str, str] = field(metadata=_read(_by_word))  # head word -> class
    named_anaphors: frozenset[str]  # "the brigade": only an entity with the word in its name
    near_anaphors: frozenset[str]  # "the lender": a firm named in its sentence or the one before
    anaphor_names: dict[str, tuple[str, ...]]  # "the army": a name with "armed" too
    act_anaphors: dict[str, tuple[str, ...]]  # "the proposal": what was proposed last
    act_anaphor_classes: tuple[str, ...]  # what a proposal can be (not a city, a person)
    act_anaphor_window: int  # how many sentences back "the proposal" may reach
    capacity_nouns: frozenset[str]  # "in her capacity as chair": she holds it
    title_equivalents: dict[str, tuple[str, ...]]  # "the Head of State": the president
    unheld_post_verbs: frozenset[str]  # "was offered the post of envoy": not held
    content_classes: tuple[str, ...]  # what a proposal may be for ("for a fund", not "for X")
    content_preps: frozenset[str]  # "the proposal on X": what the description is about
    complement_heads: dict[str, tuple[str, ...]]  # "a call for X": of its class only so
    claim_heads: frozenset[str]  # "the idea that X had paid": a claim, no plan
    contrast_words: frozenset[str]  # "an earlier plan", "another framework": not the one named
    mission_nouns: frozenset[str]
    mission_head_ends: frozenset[str]  # words that end a name's head noun ("exercises in X")
    name_prefixes: dict[str, str]  # first word of a name -> class
    relative_pronouns: frozenset[str]
    relative_words: frozenset[str]  # a clause with none is a contact clause ("the deal X signed")
    person_relatives: frozenset[str]  # "X, who ...": X is a person
    affiliation_preps: frozenset[str]  # "X of the Centre Party, who ...": X's clause
    plural_verb_forms: frozenset[str]  # "X of the Front, who were ...": the front's clause
    person_event_nouns: frozenset[str]  # "the resignation of X": X is a person
    firm_words: frozenset[str]  # "Norland Airways": words that end a firm's name, no person's
    role_nouns: frozenset[str]  # "the role of X", "the post of X"
    state_form_words: frozenset[str]  # "the Minister of Defence of the Republic of X"
    head_complement_preps: frozenset[str]  # "the Framework on X": the head before "on"
    head_complement_classes: frozenset[str]  # ... of these classes ("Forum for X": no event)
    appointment_verbs: frozenset[str]  # "appointed X minister", "named X as minister"
    object_role_verbs: frozenset[str]  # "sent X as envoy": the "as" complement is X's
    succession_verbs: frozenset[str]  # "A succeeds B": B held A's post
    predecessor_nouns: frozenset[str]  # "A's predecessor, B"
    replacement_nouns: frozenset[str]  # "in replacement of B": B held the post
    successor_nouns: frozenset[str]  # "A, B's successor", "named A as successor to B"
    successor_preps: frozenset[str]  # "to", "of": the predecessor's preposition
    hedged_successor_words: frozenset[str]  # "a possible successor to B": no succession
    in_place_nouns: frozenset[str]  # "appointed A in place of B": B held the post
    nominating_verbs: frozenset[str]  # "proposed A as B's successor": planned
    hedging_as_verbs: frozenset[str]  # "seen as B's successor": possible
    takeover_verbs: dict[str, frozenset[str]]  # "take" -> over: "A took over from B"
    place_nouns: frozenset[str]  # "the Velmar river": a name and these name a place
    work_nouns: frozenset[str]  # "the Velmar canal": a name and these name a planned work
    possessive_name_words: frozenset[str]  # "People's" inside "National People's Assembly"
    list_dashes: frozenset[str]  # "Ana Ortiz - President of Norland"
    title_place_preps: frozenset[str]  # "ambassador to X": X is named too
    unlabelled_place_preps: frozenset[str]  # "from Korodu to Tshembagu": a place
    in_place_name_heads: frozenset[str]  # "mission": "the X Mission in Y" is also its name
    replacement_preps: frozenset[str]  # "of", "for": the predecessor's preposition
    person_nouns: frozenset[str]  # "her predecessor, X": X is a person
    courtesy_titles: frozenset[str]  # "Ms X", "Dr X": X is a person
    # "headed by X": X is "head" (by class)
    leadership_verbs: dict[str, dict[str, str]] = field(metadata=_read(_leadership_verbs))
    leadership_nouns: dict[str, str]  # "took command of": X is "commander"
    leadership_taking_verbs: frozenset[str]  # "take", "assume" (command of ...)
    leadership_holding_verbs: frozenset[str]  # "hold": "held the presidency" is a past term
    posted_titles: frozenset[str]  # "ambassador": posted to the country of the dateline
    portfolio_nouns: dict[str, str]  # "the defence portfolio": "defence minister"
    portfolio_verbs: frozenset[str]  # "hold", "was given" (the defence portfolio)
    portfolio_not_holders: frozenset[str]  # "commissioner": their portfolio is no ministry
    cabinet_words: frozenset[str]  # "cabinet", "reshuffle": a government's portfolio
    led_body_nouns: frozenset[str]  # "the committee is chaired by X": X is its chair
    led_body_titles: dict[str, tuple[str, ...]]  # "head" -> leader: "leader of the opposition"
    bare_leadership_titles: frozenset[str]  # "commander": of a unit or force with no name
    bare_leadership_objects: frozenset[str]  # "rotation", "sector": a unit commanded
    strip_words: frozenset[str]  # dropped from the start of a name ("the", "new")
    copular_verbs: frozenset[str]  # "X is / became the minister"
    coordinators: frozenset[str]  # ",", "and": join the items of a list
    pairing_adverbs: frozenset[str]  # "respectively"
    role_prepositions: frozenset[str]  # "as": "sworn in as minister"
    role_prepositions_with: dict[str, tuple[str, ...]]  # "at" the head of: a post
    former_prepositions: dict[str, frozenset[str]]  # "until" -> now, recently
    term_end_preps: frozenset[str]  # "was minister until 2019": former
    ministry_nouns: frozenset[str]  # "ministry", "department": what a minister heads
    field_first_nouns: frozenset[str]  # "X ministry spokesperson": field, noun, title
    ministry_head_titles: frozenset[str]  # "head" of a ministry is its minister too
    description_classes: frozenset[str]  # "a ceasefire", "the summit": entities by description
    plan_verbs: frozenset[str]  # "signed the communiqué": what they act on is a plan
    plan_object_nouns: frozenset[str]  # "communiqué", "patrol": texts and arrangements
    theme_verbs: frozenset[str]  # "proposed a lower quota": what they act on is a plan
    measure_verbs: frozenset[str]  # "will not accept a lower quota": a plan if a measure noun
    measure_nouns: frozenset[str]  # "quota", "hub", "levy": what a measure can be
    carrying_verbs: frozenset[str]  # "agreed to resume the shuttle diplomacy": a plan
    stance_heads: frozenset[str]  # "offered", "agreed", "ruled out": to do what is a plan
    theme_people: frozenset[str]  # "proposed a female candidate": a person, no plan
    theme_requests: frozenset[str]  # "declined a request to": no plan of the decliner's
    theme_determiners: frozenset[str]  # "rejected any commitment": no plan in particular
    theme_grants: frozenset[str]  # "refused entry to X": granted to others, no plan
    definite_determiners: frozenset[str]  # "the", "this", "its": a definite description
    indefinite_determiners: frozenset[str]  # "a", "another": a new one of the noun's kind
    # "ANALYSIS | ...": no masthead
    masthead_skip_words: frozenset[str] = field(metadata=_read(_masthead_skip_words))
    # "herald", "news agency": a masthead's end
    publication_words: tuple[tuple[str, ...], ...] = field(metadata=_read(_publication_words))
    publication_lower_words: frozenset[str]  # "of", "the": lower case inside a publication's name
    owned_body_classes: frozenset[str]  # "Norland's intelligence ministry": named with its owner
    name_joiners: frozenset[str]  # "in": "Nordic Union Force in Velmar (NUFOR)"
    counterpart_nouns: frozenset[str]  # "her German counterpart, X"
    byline_words: frozenset[str]  # "By Mira Solvang, Defence Correspondent"
    time_zones: frozenset[str]  # "13:05 GMT - ": words after a live blog's time stamp
    list_bullets: frozenset[str]  # "- ": a list item, a line of the body, no heading
    headline_slugs: frozenset[str]  # "INTERVIEW-", "UPDATE 2-": a wire headline's genre
    byline_roles: frozenset[str]  # "..., Defence Correspondent": the author's title
    place_prepositions: frozenset[str]  # "arrived in X": X stands where a place stands
    aid_nouns: frozenset[str]  # "funding", "supplies": given as money is
    money_nouns: frozenset[str]  # "fresh money", "250 million euros"
    title_joiners: frozenset[str]  # "of", "the": join a title, name no post
    possessive_relatives: frozenset[str]  # "whose"
    government_nouns: frozenset[str]  # "the government": the country it governs
    country_nouns: frozenset[str]  # "his country": the country of his post (with a possessor)
    person_pronouns: dict[str, str] = field(metadata=_read(_by_word))  # "she" -> "f"
    courtesy_genders: dict[str, str] = field(metadata=_read(_by_word))  # "ms" -> "f"
    lemma_corrections: dict[str, str] = field(metadata=_read(_by_word))  # form -> lemma
    joined_words: frozenset[str]  # "re-elected": one token, not "re", "-", "elected"
    quote_marks: frozenset[str]  # '"We will ...," X said': voices.py
    personal_verbs: frozenset[str]  # a quoted "we met X": the speaker meets X
    closing_quote_marks: frozenset[str]  # marks that only close a quotation: ” »
    opening_quote_marks: frozenset[str]  # marks that only open one: “ « ‘
    thing_pronouns: frozenset[str]  # "it", "its"
    # "its secretary general" is a body's, "its foreign minister" a country's: title -> classes
    title_owner_classes: dict[str, frozenset[str]] = field(metadata=_read(_classes_by_word))
    owner_preps: frozenset[str]  # "the foreign minister of Norland"
    government_preps: frozenset[str]  # "the government in Norvik"
    venue_preps: frozenset[str]  # "a meeting of trade ministers in Norvik": where it is held
    alias_participles: frozenset[str]  # "a rebel leader known as X": X
    naming_verbs: frozenset[str]  # "Named Iron Tide, the exercise ...": the exercise's name
    named_by_head: frozenset[str]  # "a major exercise" may be the later "Exercise Iron Gate"
    named_by_head_window: int  # ... if named within this many sentences after it
    topic_shift_words: tuple[str, ...]  # "Separately, ...": a sentence of another story
    representative_preps: frozenset[str]  # "officials from Norland"
    title_determiners: frozenset[str]  # "the president" (a title named): a person named before
    title_word_determiners: frozenset[str]  # "the minister" (a word of a title)
    new_title_words: frozenset[str]  # "the new minister": one given the post in the text
    post_taking_verbs: frozenset[str]  # "B succeeds A", "B becomes minister": B takes a post
    age_words: tuple[str, ...]  # "the 51-year-old": the unit and the adjective
    anaphor_determiners: frozenset[str]  # "the plan", "its force"
    time_apart_words: frozenset[str]  # "next": "the summit" is no "next summit" named before
    bare_anaphors: dict[str, str] = field(metadata=_read(_by_word))  # "the party" only
    anaphoric_title_words: frozenset[str]  # "the minister" (generic, but refers back)
    speaker_preps: frozenset[str]  # "a spokesperson for X said": X says
    speaker_titles: frozenset[str]  # "a spokesperson for X": a title of X's


@cache
def lexicon() -> Lexicon:
    return from_data(Lexicon, load_yaml("patterns/lexicon.yaml") or {}, "patterns/lexicon.yaml")


@dataclass(frozen=True, kw_only=True)
class Frame:
    """A word that states a relation, and where its arguments are found (an item of
    frames.yaml `verbs` or `nouns`)."""

    name: str
    lemmas: frozenset[str]
    predicate: str
    objects: tuple[str, ...] = ("dobj",)  # "dobj", "prep:for", "implicit", ...
    inverse: bool = False  # the grammatical object is the relation's subject
    modality: str | None = None
    needs: str | None = None  # "contribution": a contribution noun must be an argument;
    # "post": a complement it names must be a post
    unless: str | None = None  # "mandate": states nothing when the verb gives a mandate
    noun: frozenset[str] = frozenset()  # with a light verb: the noun that carries the meaning
    # the classes the noun's "of" object must have, if it has one: "handed control of the
    # army to B" hands on a post, "handed control of the investigation to B" does not
    noun_of: tuple[str, ...] = ()
    confidence: float = 0.8
    voice: str | None = None  # "passive" / "active": only a clause of that voice states it
    subject: str | None = None  # "patient": the relation's subject is the clause's object
    refused_as: str | None = None  # the predicate a refusal of it states ("declines")
    range: tuple[str, ...] = ()  # object classes it takes, narrower than the predicate's
    domain: tuple[str, ...] = ()  # subject classes it takes, narrower than the predicate's
    other_range: tuple[str, ...] = ()  # object classes it leaves to another frame
    others: bool = False  # only with others: "train its own guards" states nothing
    only_refused: bool = False  # states only its refusal: "declined to attend"
    negated_as: str = "negated"  # a negated plan of it: "will not disarm X" -> refused
    not_in_place: bool = False  # a noun after "in", "at": "in the northern part of X"
    judgement: str | None = None  # "called X a betrayal": the complement's words' polarity
    # the clause's modality -> the relation's; a modality not listed states nothing ("left
    # the bloc": membership negated; "refused to leave": nothing)
    levels: dict[str, str] = field(default_factory=dict)
    # prepositions whose objects do what the subject does: "signed the accord with B": B too
    partners: tuple[str, ...] = ()
    # a completed perfect states it as past: "had headed the council" leads nothing now
    perfect_is_past: bool = False
    # its lemmas that, with a predicate after the object, say what the object is left as,
    # not that the subject left it: "left X in charge", "left X to decide", "left X divided"
    causative: tuple[str, ...] = ()
    # its lemmas that state nothing with a guest: a person as the object and a place after
    # "to" or "in" ("welcomed X to Velmar City" receives X, it does not support X)
    receiving: tuple[str, ...] = ()
    topic: bool = False  # "A and B discussed the accord": the object is the topic
    # the words whose to-infinitive or gerund the verb must be: "agreed to resume the talks"
    under: frozenset[str] = frozenset()
    # the head words of the direct object it takes, and those it leaves to another frame
    # ("agreed to extend the truce" signs it, "agreed to extend the mission" supports it)
    heads: frozenset[str] = frozenset()
    other_heads: frozenset[str] = frozenset()


def _usable(items: Any) -> list[dict]:
    """The frames whose predicate this ontology has (a frame for a predicate it has not yet
    got stays unused; so does a `refused_as` it has not got)."""
    from kg.ontology import load_ontology

    known = load_ontology().relations
    out = []
    for item in items or ():
        if item["predicate"] not in known:
            continue
        if item.get("refused_as") not in (None, *known):
            item = {k: v for k, v in item.items() if k != "refused_as"}
        out.append(item)
    return out


def _frames_of(kind: str) -> Callable[[Any, dict], tuple[Frame, ...]]:
    def read(value: Any, _file: dict) -> tuple[Frame, ...]:
        return tuple(
            from_data(Frame, {"name": f"{kind}:{i['lemmas'][0]}", **i}, f"frames.yaml {kind}")
            for i in _usable(value)
        )

    return read


def _name_after_comma(value: Any, _file: dict) -> dict:
    value = value or {}
    return {
        "window": int(value.get("window", 8)),
        "pass_over": frozenset(value.get("pass_over") or ()),
    }


def _echoes(value: Any, _file: dict) -> dict:
    """A clause that repeats the act of the clause before ("is considering a similar step")."""
    value = value or {}
    return {
        "predicates": frozenset(value.get("predicates") or ()),
        "nouns": frozenset(value.get("nouns") or ()),
        "markers": frozenset(value.get("markers") or ()),
        "bare_verbs": frozenset(value.get("bare_verbs") or ()),
        "elliptic": frozenset(value.get("elliptic") or ()),
        "given": frozenset(value.get("given") or ()),
        "verbs": {str(k): v for k, v in (value.get("verbs") or {}).items()},
        "window": int(value.get("window", 1)),
        "confidence": float(value.get("confidence", 0.6)),
    }


def _retractions(value: Any, _file: dict) -> dict:
    """A sentence that reports a retracted claim ("an earlier version ... said")."""
    value = value or {}
    return {k: frozenset(value.get(k) or ()) for k in ("subjects", "adverbs", "verbs")}


def _counterfactual(value: Any, _file: dict) -> dict:
    """A modal perfect with a condition in the past perfect ("would have led ... had he not")."""
    value = value or {}
    return {k: frozenset(value.get(k) or ()) for k in ("aux", "perfect", "marks")}


def _withheld(value: Any, _file: dict) -> dict:
    """A confirmation withheld ("did not confirm", "declined to confirm")."""
    value = value or {}
    return {k: frozenset(value.get(k) or ()) for k in ("verbs", "refusals", "unable")}


def _sourced(value: Any, _file: dict) -> dict:
    """A contribution named with where it comes from ("with troops from A")."""
    value = value or {}
    return {
        "preps": frozenset(value.get("preps") or ()),
        "nouns": frozenset(value.get("nouns") or ()),
        "from": frozenset(value.get("from") or ()),
        "receivers": tuple(value.get("receivers") or ()),
        "event_nouns": frozenset(value.get("event_nouns") or ()),
        "acting_verbs": frozenset(value.get("acting_verbs") or ()),
        "confidence": float(value.get("confidence", 0.65)),
    }


def _carried(value: Any, _file: dict) -> dict[str, dict]:
    """The relations a later clause continues, for the predicates this ontology has."""
    from kg.ontology import load_ontology

    known = load_ontology().relations
    return {
        p: {
            "nouns": frozenset(r.get("nouns") or ()),
            "verbs": frozenset(r.get("verbs") or ()),
            "passive": frozenset(r.get("passive") or ()),
            "window": int(r.get("window", 6)),
            "confidence": float(r.get("confidence", 0.7)),
            "be_preps": frozenset(r.get("be_preps") or ()),
            "pronouns": frozenset(r.get("pronouns") or ()),
            "removed": frozenset(r.get("removed") or ()),
            "inverse": bool(r.get("inverse", False)),
            "opens": frozenset(r.get("opens") or ()),
            "needs": r.get("needs"),
            "relative": bool(r.get("relative", True)),
            "carriers": tuple(r.get("carriers") or ()),
            "asserted_only": bool(r.get("asserted_only", False)),
            "dated": frozenset(r.get("dated") or ()),
            "not_posts": frozenset(r.get("not_posts") or ()),
            "same_country": bool(r.get("same_country", False)),
            "not_owners": frozenset(r.get("not_owners") or ()),
        }
        for p, r in (value or {}).items()
        if p in known
    }


@dataclass(frozen=True, kw_only=True)
class Frames:
    """The frames and words of data/patterns/frames.yaml, read as `Lexicon` is (a new word
    list is one entry there and one field here)."""

    verbs: tuple[Frame, ...] = field(metadata=_read(_frames_of("verb")))
    nouns: tuple[Frame, ...] = field(metadata=_read(_frames_of("noun")))
    modality_heads: dict[str, str]  # governing word -> modality (decline -> refused)
    modal_aux: dict[str, str]  # auxiliary -> modality (may -> possible)
    deontic_aux: frozenset[str]  # "should send": asked for, nothing stated
    # "an earlier version of this article said X was minister": a retracted claim, nothing
    retractions: dict = field(metadata=_read(_retractions))
    # "would have led ... had he not resigned": what did not happen, nothing
    counterfactual: dict = field(metadata=_read(_counterfactual))
    negated_refusals: dict[str, str]  # "has not ruled out": possible
    creation_verbs: frozenset[str]  # "create a board to govern": the object is the actor
    undoing_verbs: frozenset[str]  # "a proposal to disband X": X is not what is proposed
    blocking_heads: frozenset[str]  # "urge X to send": the relation is only requested
    stated_clause_marks: frozenset[str]  # "when X signed it, Y called it a model": stated
    duty_nouns: frozenset[str]  # "disarming X is not Y's responsibility"
    light_verbs: frozenset[str]  # "hold talks", "make a visit": the noun carries the meaning
    purpose_preps: dict[str, str]  # "for talks with X": an event that is a purpose -> modality
    version: str
    modality_nouns: dict[str, str]  # "has plans to" -> planned
    particle_preps: frozenset[str]  # "pull out of": out
    particle_objects: dict[str, frozenset[str]]  # "swore in X": in, with X its object
    member_preps: frozenset[str]  # "officials, including A and B"
    member_pronouns: frozenset[str]  # "people, among them A and B"
    max_each_other: int = 3  # "A, B and C met": pairs only up to this many parties
    partitive_nouns: frozenset[str]  # "part of X" stands for X
    event_partitives: frozenset[str]  # "a round of talks": only for an event
    governing_nouns: frozenset[str]  # "its board appointed X": the body it governs
    governed_classes: tuple[str, ...]  # what a board may govern
    pair_nouns: dict[str, tuple[str, ...]]  # "both sides"
    pair_lookback: int = 40  # how many mentions back "both sides" looks for "X and Y"
    pair_titles: dict[str, tuple[str, ...]]  # "the two leaders"
    pair_alone: tuple[str, ...]  # "the two" with no noun: the classes it may stand for
    delegate_nouns: frozenset[str]  # "the leaders signed": the body named with "leaders" last
    delegate_bodies: tuple[str, ...]  # ... of these classes
    theme_nouns: frozenset[str]  # "the appointment of X" stands for X
    appointee_nouns: dict[str, frozenset[str]]  # "the appointment" alone: of whom its verbs name
    any_post_nouns: frozenset[str]  # ... or of whoever was given a post last
    bringing_verbs: frozenset[str]  # "proposed to hold a summit": brings the summit about
    judging_verbs: frozenset[str]  # "suggested blaming X": a judgement, no plan
    proposing_modals: frozenset[str]  # "proposed that X should send": a proposed clause
    restating_nouns: frozenset[str]  # "proposed that X ..., an idea": the proposal's name
    agreement_nouns: frozenset[str]  # "agreed to set up X. The agreement ...": what they agreed
    goal_nouns: frozenset[str]  # "a return to X", "an invitation to X": refusing it refuses X
    chaired_events: frozenset[str]  # "the talks were led by X": an event a chair holds
    return_nouns: frozenset[str]  # "ruled out a return": to the force of the story
    maker_verbs: frozenset[str]  # "put forward a proposal": its subject makes it
    maker_preps: tuple[str, ...]  # "a proposal from X": X makes it
    capital_means_country: frozenset[str]  # visits to Lima are to Peru
    object_control: frozenset[str]  # "urged X to sign": X is the object
    order_verbs: frozenset[str]  # "directed X to prepare": an order, no leading
    reciprocals: frozenset[str]  # "met with each other"
    name_relations: dict  # "UN Mission in <X>": naming.py
    unit_relations: dict  # "the Assembly's Defence Committee"
    member_lists: dict  # "whose members are A and B": constructions/members.py
    venues: dict  # "leaders meet in Lima for the summit": constructions/venues.py
    interview: dict[str, tuple[str, ...]]  # voices.py
    future_words: frozenset[str]  # "goes there next week": planned
    scheduled_days: frozenset[str]  # "leaves on Monday for Luanda": planned
    habit_words: frozenset[str]  # "goes to Norvik every Monday": a habit, no plan
    state_end_preps: frozenset[str]  # "chairs it until next year": a state now, no plan
    post_phrase_preps: frozenset[str]  # "took over as chair from X": the verb's "from"
    scheduled_verbs: frozenset[str]  # ... the verbs of a trip that a day schedules
    past_words: frozenset[str]  # "before the talks last month": not ahead
    carried: dict[str, dict] = field(metadata=_read(_carried))  # "The measures target X"
    echoes: dict = field(metadata=_read(_echoes))  # "B is considering a similar step"
    sourced_contributions: dict = field(metadata=_read(_sourced))  # "with troops from A"
    plural_pronouns: frozenset[str]  # "X and Y said they ..."
    question_marks: frozenset[str]  # "asked whether X ...": a question
    negators: frozenset[str]  # "has no plans to"
    negating_conjunctions: frozenset[str]  # "neither A nor B": B negated
    contrasting_conjunctions: frozenset[str]  # "not A but B": B not negated
    additive_focus: frozenset[str]  # "not only A but also B": both happen
    focus_time_words: frozenset[str]  # "not just yet": a denial after all
    clause_breaks: frozenset[str]  # ";": the clause before it is no complement after it
    elliptic_verbs: frozenset[str]  # "B did not": it takes no clause before it
    perfect_durations: frozenset[str]  # "had chaired it since 2019": still, not past
    infinitive_heads: dict[str, str]  # "was named to lead"
    own_wishes: dict[str, str]  # "hopes to meet": possible
    future_preps: frozenset[str]  # "ahead of the summit"
    cancel_verbs: frozenset[str]  # "the visit was postponed"
    refusal_range: tuple[str, ...]  # what a refusal (`refused_as`) may be of
    offer_nouns: frozenset[str]  # "declined the offer": what was offered last (`offered`)
    offer_window: int = 3  # ... no more than this many sentences back
    offer_classes: tuple[str, ...]  # ... of these classes (what is offered, not where)
    asked_nouns: frozenset[str]  # "declined the request": the request itself (`asked`)
    asked_verbs: frozenset[str]  # ... by these verbs ("declined", not "withdrew")
    occurrence_verbs: frozenset[str]  # "Will the talks take place?"
    staging_verbs: frozenset[str]  # "may host the summit in Velmar": its place as firm
    event_levels: dict[str, str]  # "offered to host talks"
    planned_modifiers: frozenset[str]  # "the proposed visit"
    singling_words: frozenset[str]  # "the first woman to be elected": done, not planned
    contrast_marks: frozenset[str]  # "..., while Y is considering it"
    state_acts: frozenset[str]  # "Defence Minister X ruled out ...": X's country too
    state_only_acts: frozenset[str]  # ... and the country's only (declines, contributesTo)
    state_titles: frozenset[str]  # a title that speaks for the state: "minister"
    non_state_titles: frozenset[str]  # not when it has one of these: "opposition leader"
    own_capacity_words: frozenset[str]  # "he personally opposed it": not the state's act
    limit_marks: frozenset[str]  # "is willing to X but will not Y"
    gerund_subject_preps: frozenset[str]  # "joined Y in voting": X votes
    gerund_adjectives: frozenset[str]  # "is open to examining it": X examines
    weighing_gerunds: frozenset[str]  # "open to examining it": the subject weighs it
    proposal_heads: frozenset[str]  # "a proposal for X": always someone's plan
    acting_entity_types: frozenset[str]  # a patient that can act: PERSON, ORG, ...
    participation: dict[str, frozenset[str]]  # "took part in the exercise"
    judgements: dict[str, frozenset[str]]  # "a betrayal"
    beneficiary_preps: frozenset[str]  # "offered to share it with X"
    beneficiary_verbs: frozenset[str]  # "share", "train": giving verbs
    post_preps: frozenset[str]  # "named X as foreign minister": the post
    candidacy_nouns: frozenset[str]  # "would not accept X as its candidate": a backing
    holding_verbs: frozenset[str]  # "chose X to head the agency"
    post_nouns: frozenset[str]  # "proposed X as his successor", "for the post"
    destination_words: frozenset[str]  # "send troops abroad": no force guessed
    object_states: frozenset[str]  # "left X in charge": a predicate of the object
    object_control_verbs: frozenset[str]  # "persuaded X to send": X sends
    topic_classes: tuple[str, ...]  # "voted against it": what the story is about
    about_preps: frozenset[str]  # "reservations about X": what a stance is about
    decision_nouns: dict[str, frozenset[str]]  # "welcomed the decision": its acts
    decided_classes: tuple[str, ...]  # ... stands for the plan or force it is about
    other_decisions: frozenset[str]  # "a court released X": the nearer act meant
    giving_up_verbs: frozenset[str]  # "dropped the reservations it had expressed"
    invitation_nouns: dict[str, tuple[str, ...]]  # "declined
    # the invitation": to what (the classes of what the story is about that it may be)
    invitation_preps: tuple[str, ...]  # "an invitation to / for the summit"
    given_preps: frozenset[str]  # "$5 million for the plants": money that names its end
    invitation_verbs: frozenset[str]  # "X, which had been invited, declined": the event
    partitive_words: frozenset[str]  # "withdraw half of its contingent": no refusal
    asking_verbs: frozenset[str]  # "X, which was asked to send engineers, turned it down"
    accepting_verbs: frozenset[str]  # "invited X to visit Y, and X accepted": planned
    mandate_verbs: frozenset[str]  # "asked X to form a government": appointed
    mandate_nouns: frozenset[str]
    named_by: tuple[str, ...]  # "the opposition Blue Party movement": a body's classes
    part_nouns: frozenset[str]  # "a UN unit": a part of the body its name modifies
    # "the head of X, General Y,": how far a name may follow, what it passes over
    name_after_comma: dict = field(metadata=_read(_name_after_comma))
    purpose_target_preps: tuple[str, ...]  # "soldiers to serve with the force"
    own_words: frozenset[str]  # "its own border guards"
    owner_classes: tuple[str, ...]  # "provide the brigade's headquarters"
    given_units: frozenset[str]  # "two aircraft to the coast guard's northern unit"
    project_nouns: frozenset[str]  # "the Coral Pipeline": money offered goes to the story's
    unit_owner_classes: tuple[str, ...]  # ... whose unit it is: a body or a force
    quantity_preps: frozenset[str]  # "a team of engineers", "$5m in aid"
    naming_entity_types: frozenset[str]  # "EU sanctions": spaCy entity labels
    pair_words: dict[str, frozenset[str]]  # "both", "the two"
    principal_preps: tuple[str, ...]  # "signed on behalf of X": X signs
    speaking_for: dict[str, tuple[str, ...]]  # "Speaking for X, A rejected it": X too
    event_frames: frozenset[str]  # "after two days of talks": who talks is the verb's subject
    economy_nouns: frozenset[str]  # "sanctions on US goods": that country
    plan_pronoun_predicates: frozenset[str]  # "rejected it": a plan named before first
    holder_preps: frozenset[str]  # "X is under sanctions": X is their object
    report_nouns: frozenset[str]  # "rejected reports that ...": denied
    denial_verbs: frozenset[str]  # "dismissed reports that ...": negated
    pending_adverbs: frozenset[str]  # "has yet to send": negated
    ending_verbs: frozenset[str]  # "ended its support for X": negated
    ended_nouns: frozenset[str]  # what an ending verb negates (not "talks")
    # "will not increase its contribution": the noun states nothing, the verb's frame does
    amount_verbs: frozenset[str]
    post_verbs: dict[str, frozenset[str]]  # "resigned as"
    post_objects: frozenset[str]  # "declined to take the post of X": `taken` verbs' objects
    offering_verbs: frozenset[str]  # "was offered the job at Y" and turned it down
    post_owner_preps: tuple[str, ...]  # "the top job at Y": Y's post
    joining_verbs: frozenset[str]  # "an invitation to join X": X
    joinable_classes: tuple[str, ...]  # what one joins: a body, a force, an event
    conditions: dict[str, frozenset[str]]  # "would oppose it if ...": possible
    retracting_reports: frozenset[str]  # "did not say that ...": nothing claimed
    # "did not confirm that ...": nothing claimed; "could not confirm": kept
    withheld_reports: dict = field(metadata=_read(_withheld))

    @cached_property
    def phrasal_lemmas(self) -> frozenset[str]:
        return frozenset(w for f in (*self.verbs, *self.nouns) for w in f.lemmas if " " in w)

    @cached_property
    def verb_frames_of(self) -> dict[str, tuple[int, ...]]:
        """The places in `verbs` of the frames that list each lemma: a clause's words look
        up their frames instead of testing every frame."""
        out: dict[str, list[int]] = {}
        for k, frame in enumerate(self.verbs):
            for w in frame.lemmas:
                out.setdefault(w, []).append(k)
        return {w: tuple(ks) for w, ks in out.items()}


@cache
def frames() -> Frames:
    return from_data(Frames, load_yaml("patterns/frames.yaml") or {}, "patterns/frames.yaml")
