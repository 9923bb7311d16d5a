"""Mentions: the spans of a parsed block that name an entity, each with a class guess.

Names come from spaCy's NER and the position ruler, cleaned of a leading article, a
possessive and quotes (words.py); acronyms and quoted names are added. Common-noun phrases
that name forces, plans and bodies are found by common_nouns.py, the sources of an article
(bylines, datelines, mastheads) by sources.py.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from spacy.tokens import Span

from kg.extract.common_nouns import common_mentions, gerund_plans
from kg.extract.doc_memo import sentence, span_text
from kg.extract.lemma_memo import english_word, knows_words
from kg.extract.lexicon import gazetteer, lexicon, norm
from kg.extract.phrases.titles import is_honorific, title_data
from kg.extract.syntax.tree import tree
from kg.extract.words import head_class, possessive, trim

_NO_QUOTES = str.maketrans("", "", '“”"')  # quotes dropped from a mention's text
NAME_LABELS = {"PERSON", "ORG", "GPE", "LOC", "NORP", "FAC", "EVENT", "LAW", "POSITION"}
# labels the recognizer gives some names of places it does not know, read as places only with
# a place noun after them (lexicon `place_nouns`)
MISREAD_PLACES = frozenset({"PRODUCT", "WORK_OF_ART"})


@dataclass
class Mention:
    id: int
    block: int
    sent: int  # global sentence index in the article
    start: int  # character offsets in the article
    end: int
    tok_start: int  # token indices in the block's Doc
    tok_end: int
    head: int  # token index of the span's syntactic head
    text: str
    label: str  # spaCy label, POSITION, COMMON for a common-noun phrase, DESC a description
    cls: str | None
    cluster: int = -1
    long: str | None = None  # with its complement: "meeting of trade ministers in Norvik"
    definite: bool = False  # a common-noun phrase with "the", "this", "its"...
    owned: str | None = None  # a body with the name that owns it: "Norland's intelligence ministry"
    # a clause of its own after it: "a peace plan drawn up by X", "a plan that X drew up"
    qualified: bool = False
    # another name, never its label nor its identity: "accord with B" after "signed", whose
    # `partners` B signs too (the accord is the same however the parser hangs "with B")
    alias: str | None = None
    # other spans the text names a lower-case description with, never its label nor its
    # identity: without the words that set it apart ("security tax" for "a temporary
    # security tax"), with the ones a label drops ("new quota"), with one phrase of its
    # complement ("meeting of creditors" for "full meeting of creditors in Abidjan")
    names: tuple[str, ...] = ()
    # a plan by what a verb does to it, not by its head noun ("offered to open an embassy in
    # Norvik"): a description refers back to it only by its own head word, "the accord" never
    by_verb: bool = False

    @property
    def key(self) -> str:
        return norm(self.text)

    @classmethod
    def of_span(
        cls, span, id: int, block: int, sent: int, offset: int, text: str, label: str, kind
    ) -> Mention:
        """The mention of a span of a block's Doc; `offset` is the block's start in the
        article, `kind` its class guess."""
        return cls(
            id=id,
            block=block,
            sent=sent,
            start=offset + span.start_char,
            end=offset + span.end_char,
            tok_start=span.start,
            tok_end=span.end,
            head=span.root.i,
            text=text,
            label=label,
            cls=kind,
        )


@cache
def _kept_title_words() -> frozenset[str]:
    """Words dropped from the start of a name (lexicon `strip_words`) that a title keeps
    as one of its own words (titles.yaml `title_modifiers`) before a deputy's word
    (`_deputy_words`): "first deputy prime minister", not "the first navy officer to"."""
    return frozenset(lexicon().strip_words) & title_data().modifiers


@cache
def _deputy_words() -> frozenset[str]:
    """The words that make a deputy's title (titles.yaml `qualifiers` of kind deputy):
    "deputy", "vice"."""
    data = title_data()
    return frozenset(w for w, kind in data.qualifiers.items() if kind == "deputy")


@cache
def _honorifics() -> frozenset[str]:
    return frozenset(w.rstrip(".") for w in title_data().honorifics if w.rstrip("."))


def class_guess(label: str, text: str, words: list[str]) -> str | None:
    gaz = gazetteer()
    key = norm(text)
    if label == "PERSON":
        if len(words) == 1 and key in gaz.by_metonym:
            return "City"  # NER takes some capitals for people
        if len(words) >= 2 and words[-1].lower() in lexicon().mission_nouns:
            # "the Sudria Mission" read as a person: a mission or a force is named by its noun
            return head_class(words) or "Person"
        return "Person"
    if label == "POSITION":
        return "Position"
    if label == "NORP":
        entry = gaz.by_demonym.get(key) or gaz.by_name.get(key)
        return entry.cls if entry else None
    entry = gaz.by_name.get(key)
    if entry:
        return entry.cls
    if key in gaz.by_metonym:
        return "City"
    prefixes = lexicon().name_prefixes
    if len(words) >= 2 and words[0].lower() in prefixes and words[1][:1].isupper():
        return prefixes[words[0].lower()]
    by_head = head_class(words)
    if by_head == "Plan" and len(words) >= 2:
        return by_head  # "the Harbour Accord" read as a place: its head word names a plan
    if label in ("GPE", "LOC"):
        if key in gaz.by_metonym:
            return "City"
        return (
            by_head if by_head in ("Region", "City") else ("City" if label == "GPE" else "Region")
        )
    if by_head:
        return by_head
    return {
        "ORG": "Organization",
        "FAC": "Region",
        "LAW": "Plan",
        "EVENT": "Event",
        "COMMON": None,
    }.get(label)


def _the_place(doc, ent) -> bool:
    """A one-word "person" after "the" is a place the recognizer misread ("crossed the
    Dunmore"): a person's name takes no article, unless it qualifies a noun after it ("the
    Ortiz government")."""
    return (
        ent.label_ == "PERSON"
        and len(ent) == 1
        and ent.start > 0
        and doc[ent.start - 1].lower_ == "the"
        and ent.root.dep_ not in ("compound", "poss", "nmod", "amod")
    )


def _mended(doc, ent) -> list:
    """A name the recognizer ended on a small word ("the Ministry of Trade and", "the Velmar
    Customs Service of"): on through the title-case words after it that no other name
    covers ("... and Regional Integration"), else without the small word."""
    tokens = list(ent)
    small = title_data().small_words
    if ent.label_ not in ("ORG", "FAC", "LAW", "EVENT") or tokens[-1].lower_ not in small:
        return tokens
    end = ent.end
    while end < sentence(ent[0]).end and doc[end].is_title and not doc[end].ent_type_:
        end += 1
    if end > ent.end:
        return tokens + list(doc[ent.end : end])
    while tokens and tokens[-1].lower_ in small:
        tokens.pop()
    return tokens


def _place_noun_end(doc, ent) -> int | None:
    """Where the name of a place ends that a name and a noun after it make ("Velmar river",
    "Tarsk naval base", "Orsk training area"; lexicon `place_nouns`): the noun is the
    name's head and no noun follows it ("the Velmar base commander" names a person). Not
    after a name the gazetteer knows ("Norland port" is Norland's), a nationality or a title."""
    return _noun_end(doc, ent, lexicon().place_nouns)


def _named_noun_end(doc, ent) -> tuple[int, str] | tuple[None, None]:
    """Where a name and a noun after it end that name a place (`_place_noun_end`: a Region)
    or a work built or planned ("the Velmar canal", "the Tarsk reservoir"; lexicon
    `work_nouns`: a Plan, apart from the river or the town the name alone names), and
    the class the phrase gives."""
    end = _place_noun_end(doc, ent)
    if end:
        return end, "Region"
    end = _noun_end(doc, ent, lexicon().work_nouns)
    return (end, "Plan") if end else (None, None)


def _noun_end(doc, ent, nouns: frozenset[str]) -> int | None:
    """Where a name and one of `nouns` after it end (as `_place_noun_end` reads them)."""
    if ent.label_ in ("POSITION", "DATE", "TIME"):
        return None
    lower = tree(doc).lower
    for size in (3, 2, 1):
        end = ent.end + size
        if end > len(doc) or " ".join(lower[ent.end : end]) not in nouns:
            continue
        # (the gazetteer is asked only of a name with a place noun after it: every way on
        # from here returns)
        gaz, key = gazetteer(), norm(ent.text)
        if key in gaz.by_name or key in gaz.by_demonym:
            return None
        last = doc[end - 1]
        if last.pos_ != "NOUN" or not ent.end <= ent.root.head.i < end:
            return None
        if end < len(doc) and doc[end].pos_ in ("NOUN", "PROPN"):
            return None
        return end
    return None


def _misread_place(doc, ent) -> bool:
    """A name the recognizer read as a product or a nationality that is a place: proper
    nouns in title case, right after a preposition of place (lexicon
    `unlabelled_place_preps`, "the" between), and no nationality or name the gazetteer
    knows."""
    if not all(t.is_alpha and t.is_title and t.pos_ == "PROPN" for t in ent):
        return False
    if len(ent) == 1 and (not knows_words() or english_word(ent[0].lower_)):
        return False  # "in Bengali": a language, a nationality the lemmatizer knows
    if ent.end < len(doc) and (doc[ent.end].pos_ in ("PROPN", "NOUN") or doc[ent.end].text == "-"):
        return False  # "the Velmari State", "Soviet-era": it qualifies what follows
    k = ent.start - 1
    if k >= 0 and doc[k].lower_ == "the":
        k -= 1
    if k < 0 or doc[k].lower_ not in lexicon().unlabelled_place_preps:
        return False
    key = norm(ent.text)
    return key not in gazetteer().by_demonym and key not in gazetteer().by_name


def _title_place(doc, ent) -> list | None:
    """The country at the end of a title after "to" or "in" ("ambassador to Norland",
    "envoy in Velmar"; lexicon `title_place_preps`), when the gazetteer knows it as one."""
    preps = lexicon().title_place_preps
    for k in range(ent.start + 1, ent.end - 1):
        if doc[k].lower_ not in preps:
            continue
        tokens = [t for t in doc[k + 1 : ent.end] if t.lower_ != "the"]
        entry = gazetteer().by_name.get(norm(" ".join(t.text for t in tokens)))
        if tokens and entry is not None and entry.cls == "Country":
            return tokens
    return None


def _splitpossessive(tokens: list) -> list[list]:
    """'Ortiz’s “Clean Seas' -> ['Ortiz'], ['Clean', 'Seas']; a possessive inside a name
    ("the Velmar National People's Assembly", lexicon `possessive_name_words`) stays
    in it."""
    if tokens and not _may_split(tokens[0].doc, tokens):
        return [tokens]
    parts, current = [], []
    inside = lexicon().possessive_name_words
    for tok in tokens:
        if possessive(tok) and tok.i > 0 and tok.doc[tok.i - 1].lower_ in inside and current:
            current.append(tok)  # "National People's Assembly": one name
            continue
        if possessive(tok) or "\n" in tok.text or tok.text in ("(", ")", "[", "]"):
            if current:
                parts.append(current)
            current = []
        else:
            current.append(tok)
    if current:
        parts.append(current)
    return parts


_SPLITTING = frozenset({"'s", "’s", "(", ")", "[", "]"})


def _may_split(doc, tokens: list) -> bool:
    """Whether a token of `tokens` may end a part in `_splitpossessive` (a possessive, a
    line break, a bracket), read from the Tree: most names have none."""
    t = tree(doc)
    lower, tag, dep = t.lower, t.tag, t.dep
    return any(
        lower[k] in _SPLITTING or tag[k] == "POS" or dep[k] == "case" or "\n" in lower[k]
        for k in (tok.i for tok in tokens)
    )


def find_mentions(
    doc, block: int, offset: int, sent_index: dict[int, int], first_id: int
) -> list[Mention]:
    """Every mention of one parsed block. `offset` is the block's start in the article;
    `sent_index` maps a token index to the article-wide sentence number."""
    out: list[Mention] = []
    taken: set[int] = set()
    spans: set[tuple[int, int]] = set()  # the token spans of `out`: one mention each

    def add(tokens: list, label: str, cls: str | None = None) -> None:
        if (
            label == "POSITION"
            and len(tokens) > 2
            and tokens[0].lower_ in _kept_title_words()
            and tokens[1].lower_ in _deputy_words()
        ):
            tokens = [tokens[0], *trim(tokens[1:])]  # "first deputy prime minister"
        else:
            tokens = trim(tokens)
        # "Dr Ana Ortiz", "Ms. Ortiz": the name without the courtesy word
        while (
            len(tokens) > 1
            and tokens[0].lower_.rstrip(".") in _honorifics()
            and (tokens[1].is_title or tokens[1].text == ".")
        ):
            tokens = trim(tokens[1:])
        if not tokens or all(is_honorific(t) or t.is_punct for t in tokens):
            return  # "(Ret.)" read as a name
        start, end = tokens[0].i, tokens[-1].i + 1
        if (start, end) in spans:
            return
        span = Span(doc, start, end)  # (doc[start:end] checks the slice in Python first)
        text = " ".join(span_text(doc, start, end).translate(_NO_QUOTES).split())
        if not any(ch.isalnum() for ch in text):
            return
        gaz = gazetteer()
        key = norm(text)
        if label in ("GPE", "LOC", "ORG") and key in gaz.by_demonym and key not in gaz.by_name:
            label = "NORP"  # "a Norlandic minister" read as a place: the nationality
        # the words (a Token each) only for a guess: a common noun's class is given
        guess = cls or class_guess(label, text, [t.text for t in span if not t.is_punct])
        if guess is None:
            return
        out.append(
            Mention.of_span(
                span, first_id + len(out), block, sent_index[span.start], offset, text, label, guess
            )
        )
        taken.update(range(start, end))
        spans.add((start, end))

    plurals = title_data().role_plurals
    ents = doc.ents  # a new tuple of Spans on each read
    person_starts = {e.start for e in ents if e.label_ == "PERSON"}
    person_ends = {e.end for e in ents if e.label_ == "PERSON"}
    listed = _listed_people(doc, ents, person_starts)
    person_starts |= listed
    person_ends |= {e.end for e in ents if e.start in listed}
    for ent in ents:
        if ent.start in listed:  # a name in a list of people the recognizer misread
            add(list(ent), "PERSON")
            continue
        if ent.label_ in MISREAD_PLACES:
            # "the Tarsk training area", "the Orsk dam" read as a product: the place it names;
            # not a model's code ("the F-35 base", "the A400M base": review Z4)
            place_end, kind = _named_noun_end(doc, ent)
            if place_end and all(t.is_alpha and t.is_title for t in ent):
                add([*ent, *doc[ent.end : place_end]], "LOC" if kind == "Region" else "FAC", kind)
            elif _misread_place(doc, ent):  # "along the shore at Velmoa"
                add(list(ent), "GPE")
            continue
        if ent.label_ not in NAME_LABELS:
            continue
        if ent.label_ == "NORP" and not _place_noun_end(doc, ent) and _misread_place(doc, ent):
            add(list(ent), "GPE")  # "a training centre in Orvaluk" read as a nationality
            continue
        if (
            ent.label_ == "POSITION"
            and ent[-1].lower_ in plurals
            and ent.end not in person_starts
            and not _apposed_to_people(doc, ent, person_starts, person_ends)
            and one_of(ent[-1]) is None
        ):
            continue  # "US envoys said": representatives, not a post held by a name
        parts = _splitpossessive(_mended(doc, ent))
        place_end, kind = _named_noun_end(doc, ent)
        for i, part in enumerate(parts):
            label = ent.label_ if not _the_place(doc, ent) else "LOC"
            if i < len(parts) - 1 and label not in ("PERSON", "GPE", "NORP"):
                label = "PERSON" if part[0].ent_type_ == "PERSON" else label
            if i > 0 and label == "PERSON":
                label = "ORG"
            if place_end and i == len(parts) - 1:  # "the Velmar river", "the Tarsk canal"
                add([*part, *doc[ent.end : place_end]], "LOC" if kind == "Region" else "FAC", kind)
                continue
            add(part, label)

    # "ambassador to Norland": the country a title is to is named too
    for ent in ents:
        if ent.label_ == "POSITION":
            place = _title_place(doc, ent)
            if place is not None:
                add(place, "GPE")

    _join_names_before_acronyms(doc, out)
    _names_in_places(doc, out)
    spans.clear()  # a joined name ends where the place it took in ended
    spans.update((m.tok_start, m.tok_end) for m in out)
    for k, m in enumerate(out):
        m.id = first_id + k
    # "Nordic Monitoring Force (NMF)": the acronym names the same thing; not a place that
    # ends a longer name whose letters it does not fit ("African Party for the Independence
    # of Velmar (PAIV)": the party's, read below)
    for m in list(out):
        i = m.tok_end
        if i + 2 < len(doc) and doc[i].text == "(" and doc[i + 2].text == ")":
            acronym = doc[i + 1]
            if acronym.text.isupper() and acronym.is_alpha and acronym.i not in taken:
                if m.cls in _PLACE_CLASSES and not acronym_fits(acronym.text, m.text):
                    continue
                add([acronym], m.label, m.cls)

    singles = _single_word_positions()
    for ent in ents:
        if ent.label_ == "PERSON" and ent.start > 0:
            before = doc[ent.start - 1]
            if before.lower_ in singles and before.i not in taken:
                add([before], "POSITION", "Position")

    for tokens in _quoted_names(doc):
        if not any(t.i in taken for t in tokens):
            add(tokens, "ORG")

    # an acronym the recognizer missed ("NUFOR, the UN peacekeeping force, ..."): a body,
    # of the class of the description in apposition to it when there is one
    for tok in _acronym_candidates(doc):
        if tok.i not in taken and _is_acronym(tok):
            described = [c for c in (*tok.children, tok.head) if _apposed(tok, c)]
            heads = [head_class([c.lemma_]) or head_class([c.text]) for c in described]
            add([tok], "ORG", next((h for h in heads if h), None) or "Organization")

    # proper nouns the recognizer left unlabelled ("Drelvac, a state grid operator", "the
    # road from Korodu to Tshembagu"): a name, a place after a place's preposition
    for tokens, label in _unlabelled_names(doc, ents, taken):
        # "the Barvik Ost canal", "the Tarsk river": named with the noun after it
        end, kind = _named_noun_end(doc, doc[tokens[0].i : tokens[-1].i + 1])
        if end:
            add([*tokens, *doc[tokens[-1].i + 1 : end]], "LOC" if kind == "Region" else "FAC", kind)
        else:
            add(tokens, label)

    common_mentions(doc, taken, out, add)
    gerund_plans(doc, taken, out, add)
    return out


_PLACE_CLASSES = ("Country", "City", "Region")


def _unlabelled_names(doc, ents, taken: set[int]) -> list[tuple[list, str]]:
    """Runs of title-case proper nouns that no entity of the recognizer covers (and no
    mention yet), each a name: "GPE" after a preposition of place (lexicon
    `unlabelled_place_preps`: "from Korodu to Tshembagu"), else "ORG"."""
    pos = tree(doc).pos
    covered = {k for e in ents for k in range(e.start, e.end)}
    free = [k for k, p in enumerate(pos) if p == "PROPN" and k not in taken and k not in covered]
    out = []
    n, done = len(doc), -1
    for i in free:
        if i <= done:
            continue
        j = i
        while j < n and pos[j] == "PROPN" and j not in taken and _unlabelled_word(doc[j]):
            j += 1
        done = j
        if j == i:
            continue
        if i > 0 and i - 1 not in taken and _acronym_word(doc[i - 1]):
            i -= 1  # "DK Transgaz": an acronym begins the name
        single = j - i == 1
        if single and (not knows_words() or english_word(doc[i].lower_)):
            continue  # an English word, or no index to tell one from a name
        if _a_name_alone(doc, i, j):
            before = doc[i - 1].lower_ if i > 0 else ""
            label = "GPE" if before in lexicon().unlabelled_place_preps else "ORG"
            out.append((list(doc[i:j]), label))
    return out


def _a_name_alone(doc, i: int, j: int) -> bool:
    """Whether the words i..j name a thing of their own, not a piece of a longer name or
    title the recognizer cut ("of the Republic", "Minister of Foreign Affairs"): no word a
    title's or a body's word, a month's or a day's, no name or title right before it, nor a
    joining word and a title-case word after it."""
    if j - i > 3 or any(t.lower_ in _common_name_words() for t in doc[i:j]):
        return False
    if i > 0 and doc[i - 1].text in _MARKS:
        return False  # "- Explainer:", "(Laughs)", the second half of "Solvang-Berg"
    if j < len(doc) and (doc[j].text in (":", "-") or doc[j].ent_type_):
        return False  # "Blue Party" (its second word labelled), "Indo-Pacific"
    k = i - 1
    if k >= 0 and doc[k].lower_ == "the":
        k -= 1
    if k > 0 and doc[k].lower_ in _JOINERS:
        k -= 1
        if k >= 0 and doc[k].lower_ == "the":
            k -= 1
        if k >= 0 and (doc[k].ent_type_ or doc[k].is_title):
            return False
    if i > 0 and (doc[i - 1].ent_type_ or (doc[i - 1].is_title and not doc[i - 1].is_sent_start)):
        return False
    after = j + 1 if j + 1 < len(doc) and doc[j + 1].lower_ == "the" else j
    if (
        j < len(doc)
        and doc[j].lower_ in _JOINERS
        and after + 1 < len(doc)
        and doc[after + 1].is_title
    ):
        return False
    if i == 0 or doc[i].is_sent_start:
        # a word opening a sentence is capitalised anyway: a name only as its subject
        # ("Drelvac, a state grid operator, has asked for time"), not a heading's word
        # ("Correction:", "Handover.")
        return doc[j - 1].dep_ in ("nsubj", "nsubjpass") and (j >= len(doc) or doc[j].text != ":")
    return True


_JOINERS = ("of", "and", "for", "on", "to", "in", "de", "del")
_MARKS = ("-", "–", "—", "(", "[", "•", "*", "/")


@cache
def _common_name_words() -> frozenset[str]:
    """Title words and the head words of bodies, forces, plans and events (titles.yaml,
    lexicon `head_classes`), months and days: capitalised inside names or anyway, never a
    name alone."""
    data = title_data()
    words = set(data.role_nouns | data.domains | data.modifiers | data.name_heads)
    words |= data.small_words | data.role_plurals | data.not_complements
    for w in lexicon().head_classes:
        words.update(w.split())
    return frozenset(words)


def _acronym_word(tok) -> bool:
    return (
        tok.pos_ == "PROPN" and not tok.ent_type_ and tok.is_upper and tok.is_alpha and len(tok) > 1
    )


def _unlabelled_word(tok) -> bool:
    """A word of a name the recognizer did not label: title case, letters only, no entity
    of any kind (a date, a number) on it, no honorific."""
    return (
        not tok.ent_type_
        and tok.is_alpha
        and tok.text[:1].isupper()
        and not tok.is_upper
        and not is_honorific(tok)
    )


@cache
def _single_word_positions() -> frozenset[str]:
    """The one-word titles of lexicon `positions` ("minister", "president")."""
    return frozenset(p for p in lexicon().positions if " " not in p)


def _acronym_candidates(doc) -> list:
    """The tokens `_is_acronym` may hold for (a proper noun of 3 to 8 letters, all
    capitals): the proper nouns found in the Tree's tags, a Token made only for them (an
    array of four columns read row by row cost twice as much)."""
    out = []
    for i, pos in enumerate(tree(doc).pos):
        if pos == "PROPN":
            tok = doc[i]
            if tok.is_upper and tok.is_alpha and 3 <= len(tok) <= 8:
                out.append(tok)
    return out


def _is_acronym(tok) -> bool:
    """A word of 3 to 8 capitals that names something (a proper noun)."""
    return (
        3 <= len(tok.text) <= 8
        and tok.is_alpha
        and tok.text.isupper()
        and tok.pos_ == "PROPN"
        and not tok.is_sent_end
    )


def _apposed(tok, other) -> bool:
    return (other.dep_ == "appos" and other.head.i == tok.i) or (
        tok.dep_ == "appos" and tok.head.i == other.i
    )


def acronym_fits(acronym: str, name: str) -> bool:
    """Whether an acronym's letters come in order in the name, the first one first
    ("NUFOR" in "Nordic Union Force in ...", "SAFIV" in "Sudrian Armed Force in
    Velmar"): an acronym defined in parentheses right after a name need not be its initials."""
    letters = [ch for ch in acronym.upper() if ch.isalpha()]
    name = name.upper()
    if not letters or not name or name[0] != letters[0]:
        return False
    i = 0
    for ch in name:
        if i < len(letters) and ch == letters[i]:
            i += 1
    return i == len(letters)


def _apposed_to_people(doc, ent, person_starts: set[int], person_ends: set[int]) -> bool:
    """A plural title in apposition with names: "A and B, two Velmar court judges" (a
    name ends at the comma before it, past a number, a determiner and capitalised words),
    "two magistrates of the Norvik Court, A and B" (a name begins after the comma that
    ends its capitalised complement, or after an owner's possessive there: "the foreign
    ministers, Norland's A and Sudria's B")."""
    words = title_data().complement_joiners
    i = ent.end
    while i < min(len(doc), ent.end + 12) and (doc[i].is_title or doc[i].lower_ in words):
        i += 1
    if i < len(doc) and doc[i].text == "," and _owned_start(doc, i + 1) in person_starts:
        return True
    if _listed_after_title(doc, ent, person_starts):
        return True
    if _listed_after_colon(doc, ent, person_starts):
        return True
    i = ent.start - 1
    coordinators = lexicon().coordinators
    while i >= 0 and (
        doc[i].like_num
        or doc[i].lower_ in lexicon().strip_words
        or doc[i].is_title
        # "A and B, the Norlandic and Sudrian foreign ministers": coordinated owners
        or (doc[i].is_alpha and doc[i].lower_ in coordinators and i > 0 and doc[i - 1].is_title)
    ):
        i -= 1
    return i >= 0 and doc[i].text == "," and i in person_ends


def _owned_start(doc, i: int) -> int:
    """Where a name begins at token `i`, past an owner's possessive of up to three
    title-case words ("Norland's A"): i itself when no such owner stands there."""
    j = i
    while j < min(len(doc), i + 3) and doc[j].is_title and doc[j].tag_ != "POS":
        j += 1
    return j + 1 if j > i and j < len(doc) and doc[j].tag_ == "POS" else i


def colon_after_title(doc, end: int, stop=lambda i: False) -> int | None:
    """The colon that follows a plural title ending at `end`, within titles.yaml
    `windows.written` words and no verb (nor a word `stop` rejects) before it: "elected
    four vice-presidents, one for each region: ..."; else None."""
    last = min(sentence(doc[end - 1]).end, end + 1 + title_data().windows["written"])
    for i in range(end, last):
        if doc[i].text == ":":
            return i
        if doc[i].pos_ in ("VERB", "AUX") or stop(i):
            return None
    return None


def _listed_after_colon(doc, ent, person_starts: set[int]) -> bool:
    """A plural title followed by a colon and a name (past an owner and its "'s"):
    "elected four vice-presidents, one for each region: Norland's A, ..."
    (constructions/lists.py pairs them)."""
    i = colon_after_title(doc, ent.end)
    return i is not None and any(j in person_starts for j in range(i + 1, min(len(doc), i + 5)))


def one_of(head):
    """The "one" of "one of the bank's deputy governors" when it is a copula's complement or
    an apposition ("she is one of ...", "X, one of ..., said"): the one person a plural
    title is held by; else None."""
    prep = head.head
    if head.dep_ != "pobj" or prep.lower_ != "of" or prep.dep_ != "prep":
        return None
    one = prep.head
    return one if one.lower_ == "one" and one.dep_ in ("attr", "appos") else None


def _listed_after_title(doc, ent, person_starts: set[int], any_name: bool = False) -> bool:
    """A plural title whose "of" complement (no person in it, titles.yaml
    `windows.written` words at most) ends at a comma before a name, a rank and a name, or
    an owner's name with "'s" and a name: "the trade ministers of Norland, Sudria and Vell,
    A, B and C", "the police chiefs of the two countries, Norland's General A and ..."."""
    data = title_data()
    if ent.end >= len(doc) or doc[ent.end].lower_ not in data.complement_prepositions:
        return False
    sent_end = sentence(doc[ent.start]).end
    for j in range(ent.end + 1, min(sent_end, ent.end + 1 + data.windows["written"])):
        if j in person_starts:
            return False
        if doc[j].text != ",":
            continue
        k = j + 1
        owner_end = next((q for q in range(k, min(sent_end, k + 5)) if doc[q].tag_ == "POS"), None)
        if owner_end is not None and all(t.is_title for t in doc[k:owner_end]):
            k = owner_end + 1  # "Norland's A"
        while k < sent_end and doc[k].ent_type_ == "POSITION" and k not in person_starts:
            k += 1  # a rank: "General A"
        if k in person_starts or (any_name and doc[k].ent_iob_ == "B"):
            return True
    return False


def _listed_people(doc, ents, person_starts: set[int]) -> set[int]:
    """Where the names of a list after a plural title's "of" complement begin, when the
    recognizer read one of them as a person and another as a body or a place: "the interior
    ministers of the three countries, Norland's A, Sudria's B and Vell's General C" (A and B
    read as a body and a place, C as a person) are all people. Each item is one name,
    after an owner's name with "'s" and a rank or not, of two words or more in title case
    that the gazetteer does not know; the list is of two names or more."""
    starts = {e.start: e for e in ents}
    gaz = gazetteer()
    out: set[int] = set()
    for ent in ents:
        if ent.label_ != "POSITION" or ent[-1].lower_ not in title_data().role_plurals:
            continue
        if not _listed_after_title(doc, ent, person_starts, any_name=True):
            continue
        comma = next((j for j in range(ent.end, sentence(ent[0]).end) if doc[j].text == ","), None)
        names, k, end = [], (comma or 0) + 1, sentence(ent[0]).end
        while comma is not None and k < end:
            owner_end = next((q for q in range(k, min(end, k + 5)) if doc[q].tag_ == "POS"), None)
            if owner_end is not None and all(t.is_title for t in doc[k:owner_end]):
                k = owner_end + 1  # "Norland's A"
            while k < end and doc[k].ent_type_ == "POSITION" and k not in person_starts:
                k += 1  # a rank: "General A"
            name = starts.get(k)
            if name is None or len(name) < 2 or not all(t.is_title for t in name):
                break
            names.append(name)
            k = name.end
            start = k
            while k < end and doc[k].lower_ in lexicon().coordinators:  # ",", "and", ", and"
                k += 1
            if k == start:
                break
        if len(names) < 2 or not any(n.label_ == "PERSON" for n in names):
            continue
        for n in names:
            if n.label_ in ("ORG", "LOC", "GPE", "FAC") and norm(n.text) not in gaz.by_name:
                out.add(n.start)
    return out


def _join_names_before_acronyms(doc, out: list[Mention]) -> None:
    """ "Nordic Union Force in Velmar and Sudria (NUFOR)", "the Velmar Mission to support
    the Sudria Accord (VMSA)": a name, a preposition (lexicon `name_joiners`), at most three
    small words, and a place or another name right before an acronym in parentheses whose
    letters fit them all (and not the last name alone) are one name; the last name was read
    as a name of its own."""
    ending = {m.tok_end: m for m in out}
    joiners = lexicon().name_joiners
    for place in list(out):
        i = place.tok_end
        if not (i + 2 < len(doc) and doc[i].text == "(" and doc[i + 2].text == ")"):
            continue
        acronym = doc[i + 1]
        joiner = place.tok_start - 1
        for _ in range(3):  # "to support the"
            word = doc[joiner]
            if joiner < 1 or word.lower_ in joiners or not (word.is_lower and word.is_alpha):
                break
            joiner -= 1
        if not (acronym.text.isupper() and acronym.is_alpha) or joiner < 1:
            continue
        name = ending.get(joiner)
        if (
            doc[joiner].lower_ not in joiners
            or name is None
            or name.label in ("PERSON", "POSITION", "NORP")
            or place.label in ("PERSON", "POSITION", "NORP")
            or acronym_fits(acronym.text, place.text)
            or not acronym_fits(acronym.text, f"{name.text} {place.text}")
        ):
            continue
        span = doc[name.tok_start : place.tok_end]
        name.tok_end, name.end, name.head = place.tok_end, place.end, span.root.i
        name.text = " ".join(span.text.split())
        out.remove(place)


def _names_in_places(doc, out: list[Mention]) -> None:
    """ "the Velmar Partnership Mission in Norland": a name whose last word is one of lexicon
    `in_place_name_heads`, right before "in" and a place that ends the phrase, is also named
    with the place (its `long` form, an alias, never its label), as readers and gold often
    name it; the place stays an entity of its own. Not "the Velmar Fund in Norvik", "the
    Sudria Institute in Osk": where a body sits is no part of its name."""
    starting = {m.tok_start: m for m in out}
    heads = lexicon().in_place_name_heads
    for m in out:
        i = m.tok_end
        if m.long or m.label not in ("ORG", "FAC", "NORP", "GPE") or doc[i - 1].lower_ not in heads:
            continue
        if i + 1 >= len(doc) or doc[i].lower_ != "in":
            continue
        place = starting.get(i + 1)
        if place is None or place.cls not in _PLACE_CLASSES:
            continue
        after = place.tok_end
        if after < len(doc) and doc[after].is_title and doc[after].is_alpha:
            continue  # "the Velmar Mission in Norland Province": not where the place ends
        m.long = f"{m.text} in {place.text}"


_OPEN, _CLOSE = {"“", '"', "‘"}, {"”", '"', "’"}
_LINKS = {"of", "the", "and", "for", "on", "de", "&"}


def _quoted_names(doc) -> list[list]:
    """Quoted title-case phrases (a “Council of Elders”, “Clean Seas” policies)."""
    out = []
    # the quotes found in the Tree's lower-case words (a quote's own form: no Token made)
    opens, closes = _OPEN, _CLOSE
    orth = tree(doc).lower
    if opens.isdisjoint(orth):
        return out
    i = 0
    while i < len(orth):
        if orth[i] in opens:
            j = i + 1
            while j < len(orth) and j - i <= 7 and orth[j] not in closes:
                j += 1
            inner = list(doc[i + 1 : j])
            if (
                j < len(orth)
                and orth[j] in closes
                and inner
                and inner[0].is_title
                and inner[-1].is_title
                and all(t.is_title or t.lower_ in _LINKS for t in inner)
            ):
                out.append(inner)
                i = j
        i += 1
    return out
