"""Names after the entity recognizer: names the gazetteer knows that it left out, and
people's names that it cut or mislabelled.

`kg_gazetteer_names`, a spaCy component after NER: a PhraseMatcher over every name, alias
and demonym of data/gazetteer.yaml (case-sensitive) adds an entity for each match that no
entity overlaps ("Barbados Prime Minister X", where the small model sees no place), or
whose entities all lie inside it ("Trinidad" and "Tobago" read apart: the longer known name
wins). It never cuts an entity the recognizer found, but gives a known name that the
recognizer read as a thing of another kind (a product, a work, a language, a person:
"Togo has said ...") its class.
`kg_name_repair`, after it, mends people's names (see NameRepair).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from itertools import compress
from operator import mul

from spacy.attrs import IS_ALPHA, IS_TITLE, LOWER, POS, TAG
from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.strings import get_string_id
from spacy.symbols import PROPN
from spacy.tokens import Span
from spacy.util import filter_spans

from kg.extract.lexicon import frames, gazetteer, lexicon, norm
from kg.extract.phrases.titles import complement_end, is_honorific, title_data, word_lists
from kg.extract.syntax.modality import verb_in

NOT_NAMES = {"DATE", "TIME", "CARDINAL", "ORDINAL", "QUANTITY", "PERCENT", "MONEY"}
# labels the recognizer gives a given name it does not know, right before the surname
MISREAD = frozenset({"EVENT", "WORK_OF_ART", "PRODUCT", "LAW", "FAC"})
SWALLOWED = {"GPE", "LOC", "ORG", "NORP", "FAC", "PERSON"}  # a longer known name takes them in
_COLUMNS = [LOWER, TAG, POS, IS_TITLE, IS_ALPHA]  # NameRepair's arrays
LABELS = {
    "Country": "GPE",
    "City": "GPE",
    "Region": "LOC",
    "Person": "PERSON",
}


class GazetteerNames:
    def __init__(self, nlp: Language) -> None:
        self.matcher = PhraseMatcher(nlp.vocab, attr="ORTH")
        by_label: dict[str, set[str]] = {}
        for e in gazetteer().entries:
            label = LABELS.get(e.cls, "ORG")
            for name in (e.label, *e.aliases, *e.metonyms):
                if len(name) > 2 and name[:1].isupper():
                    by_label.setdefault(label if name not in e.metonyms else "GPE", set()).add(name)
            for name in e.demonyms:
                by_label.setdefault("NORP", set()).add(name)
        for label, names in sorted(by_label.items()):
            self.matcher.add(label, [nlp.make_doc(n) for n in sorted(names)])

    def __call__(self, doc):
        # a date or a number the recognizer stretched over a name gives way to the name
        # ("10:15 - Norland" read as a time in a live blog)
        names = [e for e in doc.ents if e.label_ not in NOT_NAMES]
        matches = list(self.matcher(doc))
        # a thing's name that a known name crosses, or that holds two known names apart,
        # gives way to them ("from Cabo Verde to Sao Tome and Principe" read as one work):
        # no known name runs out of a real one ("the Treaty of Lisbon" holds one)
        crossed = {
            x
            for x in names
            if x.label_ in MISREAD
            and (
                any(x.start < s < x.end < e for _m, s, e in matches)
                or len(
                    filter_spans(
                        [Span(doc, s, e) for _m, s, e in matches if x.start <= s and e <= x.end]
                    )
                )
                >= 2
            )
        }
        names = [e for e in names if e not in crossed]
        owner = {i: e for e in names for i in range(e.start, e.end)}
        # people's longer names: "Chad" alone is no country after "Chad Ekberg"
        people = [e for e in names if e.label_ == "PERSON" and len(e) >= 2]

        def free(s: int, e: int, label: str) -> bool:
            inside = {owner[i] for i in range(s, e) if i in owner}
            return all(
                (s <= x.start and x.end <= e and len(x) < e - s and x.label_ in SWALLOWED)
                # the very name read as a thing of another kind ("Cyprus" as a product)
                or (x.start == s and x.end == e and x.label_ not in SWALLOWED | {"POSITION"})
                # a known place or body read as a person's name ("Togo has said ...")
                or (
                    x.start == s
                    and x.end == e
                    and x.label_ == "PERSON"
                    and label != "PERSON"
                    and not any(
                        p != x and {t.lower_ for t in x} <= {t.lower_ for t in p} for p in people
                    )
                )
                for x in inside
            )

        spans = [
            Span(doc, s, e, label=label)
            for m, s, e in matches
            if free(s, e, label := doc.vocab.strings[m])
        ]
        if spans:
            spans = filter_spans(spans)
            covered = {i for s in spans for i in range(s.start, s.end)}
            kept = [
                e
                for e in doc.ents
                if e not in crossed and not any(i in covered for i in range(e.start, e.end))
            ]
            doc.ents = sorted([*kept, *spans], key=lambda s: s.start)
        return doc


@Language.factory("kg_gazetteer_names")
def make_gazetteer_names(nlp: Language, name: str) -> GazetteerNames:
    return GazetteerNames(nlp)


@dataclass(frozen=True)
class _Words:
    """Words that never belong to a person's name (titles, courtesy words, class heads,
    days and months), and the names of the gazetteer."""

    stop: frozenset[str]
    known: frozenset[str]
    particles: frozenset[str]  # "van", "bin": lower-case words inside names


@cache
def _words() -> _Words:
    data = title_data()
    lex = lexicon()
    stop = set(data.role_nouns) | data.modifiers | set(data.qualifiers) | data.honorifics
    stop |= data.not_complements | set(lex.head_classes) | data.name_heads | lex.firm_words
    gaz = gazetteer()
    known = set(gaz.by_name) | set(gaz.by_demonym) | set(gaz.by_metonym)
    return _Words(frozenset(stop), frozenset(known), data.name_particles)


class NameRepair:
    """Mends the names of people that the small entity recognizer cuts or mislabels:

    - a first name left out before a name ("Velka" + "Amsoran"), or a surname after it
      ("Ilse Maren" + "Varnholt Osk"), or a name cut in two ("Nira Osk" + "Belvane");
    - a hyphenated given name cut at the hyphen ("Elo Tarvinen" + "-sook");
    - a two-word name read as a nationality ("Ludo Ferrant" as NORP);
    - a name read as a body, a place or a thing where only a person fits ("Tomas Ekberg,
      who ...", "became minister", "was named minister", "the resignation of Tomas Ekberg",
      "Tomas Ekberg, 64,").

    A word joins a name only when it is a title-case proper noun outside every entity and
    is no title word, courtesy word, class word, day, month or gazetteer name; a single
    word that is not in the gazetteer and is joined to a person's name becomes part of it.
    """

    def __init__(self) -> None:
        # string ids, to read the Doc's arrays: no Token object per word
        ids = lambda words: frozenset(map(get_string_id, words))  # noqa: E731
        self.person_nouns = ids(lexicon().person_nouns)
        self.relatives = ids(lexicon().person_relatives)
        self.comma, self.possessive = get_string_id(","), get_string_id("POS")

    def __call__(self, doc):
        ents = list(doc.ents)
        if not ents:
            return doc
        words = _words()
        taken = {i for e in ents for i in range(e.start, e.end)}

        def free(tok) -> bool:
            return (
                tok.i not in taken
                and tok.pos_ == "PROPN"
                and _name_token(tok)
                and len(tok) > 1
                and tok.lower_ not in words.stop
                and norm(tok.text) not in words.known
            )

        def unknown_word(span, extra: frozenset[str] = frozenset()) -> bool:
            return (
                len(span) == 1
                and span[0].is_title
                and span[0].is_alpha
                and (span.label_ in ("GPE", "ORG", "NORP", "LOC", "PERSON") or span.label_ in extra)
                and norm(span.text) not in words.known
                and span[0].lower_ not in words.stop
            )

        def unknown_place(span) -> bool:
            """A whole name of title-case words the recognizer took for a place the
            gazetteer does not know ("Karim Tazi" read as a city)."""
            return (
                2 <= len(span) <= 3
                and span.label_ in ("GPE", "LOC")
                and all(t.is_title and t.is_alpha and t.lower_ not in words.stop for t in span)
                and norm(span.text) not in words.known
            )

        def glued_hyphen(i: int) -> bool:
            """A hyphen with no space either side, before a word in no entity ("Sun-ok")."""
            return (
                i + 1 < len(doc)
                and doc[i].text == "-"
                and not doc[i - 1].whitespace_
                and not doc[i].whitespace_
                and doc[i + 1].is_alpha
                and i + 1 not in taken
            )

        def particles(i: int) -> int:
            """The end of the lower-case name particles from token i and the title-case
            word after them ("van der Berg", "bin Said"), or 0."""
            j = i
            while j < len(doc) and doc[j].lower_ in words.particles and not doc[j].is_title:
                j += 1
            if j > i and glued_hyphen(j):  # "al-Harbi"
                j += 1
            if j == i or j >= len(doc) or not doc[j].is_title or not doc[j].is_alpha:
                return 0
            inside = [e for e in ents if e.start <= j < e.end]
            if inside and not (len(inside[0]) == 1 and unknown_word(inside[0])):
                return 0
            return j + 1

        out: list[Span] = []
        i = 0
        changed = False

        def word(tok) -> bool:
            """A title-case word of no entity that is no known or title word (the tagger
            may take a foreign given name for an adverb)."""
            return (
                tok.i not in taken
                and _name_token(tok)
                and len(tok) > 1
                and tok.lower_ not in words.stop
                and norm(tok.text) not in words.known
            )

        def word_shaped(tok) -> bool:
            """A word of a person's name inside an entity: title case, no known word."""
            return (
                tok.is_title
                and tok.is_alpha
                and len(tok) > 1
                and tok.lower_ not in words.stop
                and norm(tok.text) not in words.known
            )

        # a body's name and the person's set off after its comma read as one name ("the
        # Chairman of the Cabinet of Ministers, Mira Solvang, said"): two names
        for x in [x for x in ents if x.label_ in ("ORG", "GPE", "FAC", "NORP")]:
            comma = next((t.i for t in x[1:-2] if t.text == ","), None)
            tail = doc[comma + 1 : x.end] if comma is not None else None
            if tail is not None and len(tail) <= 4 and all(word_shaped(t) for t in tail):
                ents = [e for e in ents if e is not x] + [
                    Span(doc, x.start, comma, label=x.label_),
                    Span(doc, comma + 1, x.end, label="PERSON"),
                ]
                changed = True
        lowers, tags, coarse, titled, alpha = doc.to_array(_COLUMNS).T.tolist()
        # a name right after a title that the recognizer read as a work or an event
        # ("Norlandic deputy Tomas Ekberg Lind" as a work of art)
        for x in [x for x in ents if x.label_ in MISREAD and _name_shaped(x, words, MISREAD)]:
            if any(e.label_ == "POSITION" and e.end == x.start for e in ents):
                ents = [e for e in ents if e is not x] + [Span(doc, x.start, x.end, label="PERSON")]
                changed = True
        # a name read as a body in a list of people each named with an owner, two others
        # at least ("Norland's A B, Sudria's C D and Vell's E F" with "C D" read as an
        # organisation; not "Norland's A B and Sudria's Velmar Steel")
        possessive = self.possessive
        owned = [e for e in ents if e.start >= 2 and tags[e.start - 1] == possessive]
        for x in owned:
            if x.label_ != "PERSON" and _name_shaped(x, words, ("ORG", "GPE", "FAC", "NORP")):
                sent = doc[x.start].sent
                others = [p for p in owned if p.label_ == "PERSON"]
                if sum(sent.start <= p.start < sent.end for p in others) >= 2:
                    ents = [e for e in ents if e is not x] + [
                        Span(doc, x.start, x.end, label="PERSON")
                    ]
                    changed = True
        # a name between commas after a noun that stands for a person ("her Norlandic
        # counterpart, Tomas Ekberg."; lexicon `person_nouns`) that the recognizer dropped
        # or read in part as a date
        nouns, comma = self.person_nouns, self.comma
        for k in range(1, len(doc) - 3):
            if lowers[k] == comma and lowers[k - 1] in nouns:
                span = _name_between_commas(doc, k + 1, ents, words)
                if span is not None:
                    ents = [x for x in ents if x.end <= span.start or x.start >= span.end]
                    ents.append(span)
                    taken.update(range(span.start, span.end))
                    changed = True
        # a name right after a title that no entity covers ("Deputy Ministers Bae Sun-ok"),
        # or between commas after it ("its foreign minister, Tomas Ekberg, said")
        for e in ents:
            if e.label_ != "POSITION":
                continue
            begin = e.end
            # ... or after the title's country ("Prime Minister of Norland Ana Ortiz")
            country = (
                _country_at(doc, e.end + 1, ents) if doc[e.end : e.end + 1].text == "of" else None
            )
            if country is not None:
                begin = country
            # ... past a courtesy word ("Chief Engineer Tor Lund", "Minister Dr Mira Solvang")
            while (
                begin + 1 < len(doc)
                and is_honorific(doc[begin])
                and doc[begin].is_alpha
                and doc[begin + 1].is_title
            ):
                begin += 1
            end = begin
            while end < len(doc) and (free(doc[end]) or (end > begin and glued_hyphen(end))):
                end += 2 if doc[end].text == "-" else 1
            if end > begin and particles(end):  # "Minister X Turki al-Harbi"
                end = particles(end)
            start = begin
            if end - begin < 2 and e.end + 1 < len(doc) and doc[e.end].text == ",":
                start = end = e.end + 1
                while end < len(doc) and end - start < 4 and word(doc[end]):
                    end += 1
                if end >= len(doc) or doc[end].text != ",":
                    end = start
            if end - start >= 2:
                ents.append(Span(doc, start, end, label="PERSON"))
                taken.update(range(start, end))
                changed = True
        # a name no entity covers that "who" takes up ("replacing Tomas Ekberg, who ...")
        relatives = self.relatives
        for k in range(2, len(doc) - 1):
            if lowers[k] != comma or lowers[k + 1] not in relatives:
                continue
            start = k
            while (
                start > 0
                and k - start < 4
                and word(doc[start - 1])
                and doc[start - 1].pos_ == "PROPN"
            ):
                start -= 1
            if k - start >= 2:
                ents.append(Span(doc, start, k, label="PERSON"))
                taken.update(range(start, k))
                changed = True
        # a name no entity covers that a verb puts into a post ("appointed Tomas Ekberg as
        # managing director", "Tomas Ekberg was named chief executive"; lexicon
        # `appointment_verbs`, `role_prepositions`): only a person is put into a post; so
        # are who succeeds and who is succeeded in one ("Tomas Ekberg replaced X as
        # governor", "took over as governor from Tomas Ekberg": `_in_succession`)
        lex = lexicon()
        # only a title-case proper noun can be free: the arrays pick them, a Token each
        proper = compress(
            range(len(doc)), map(mul, map(PROPN.__eq__, coarse), map(mul, titled, alpha))
        )
        for tok in map(doc.__getitem__, proper):
            if not free(tok) or not (
                (
                    tok.dep_ in ("dobj", "nsubjpass")
                    and tok.head.lemma_.lower() in lex.appointment_verbs
                    and _post_complement(tok.head, lex.role_prepositions)
                )
                or _in_succession(tok)
            ):
                continue
            start = tok.i
            while start > 0 and tok.i - start < 4:
                if free(doc[start - 1]):
                    start -= 1
                elif start > 1 and glued_hyphen(start - 1) and free(doc[start - 2]):
                    start -= 2
                else:
                    break
            if tok.i + 1 - start >= 2:
                ents.append(Span(doc, start, tok.i + 1, label="PERSON"))
                taken.update(range(start, tok.i + 1))
                changed = True
        # a name before a comma and a title in apposition ("Tomas Ekberg, Norland's foreign
        # minister, said", "Tomas Ekberg, the army chief,"): the recognizer often drops it or
        # reads its surname as a place
        for e in [e for e in ents if e.label_ == "POSITION"]:
            comma = _apposition_comma(doc, e, ents)
            if comma is None:
                continue
            start = comma
            while start > 0 and comma - start < 4:
                tok = doc[start - 1]
                inside = [x for x in ents if x.start <= tok.i < x.end]
                if not (
                    word(tok) or (inside and (unknown_word(inside[0]) or unknown_place(inside[0])))
                ):
                    break
                start -= 1
            first = doc[start - 1] if start > 0 else None
            # also the last of a list of people ("signed by Mira Solvang and Tomas Ekberg,
            # Norland's foreign minister")
            listed = (
                first is not None
                and first.lower_ in lex.coordinators
                and any(x.label_ == "PERSON" and x.end == first.i for x in ents)
            )
            # or a preposition's object the parser hangs the title on ("chaired by Ana
            # Ruiz, a former governor of the bank,")
            listed = listed or (
                first is not None
                and first.pos_ == "ADP"
                and e.root.dep_ == "appos"
                and start <= e.root.head.i < comma
            )
            if comma - start >= 2 and (
                first is None or first.is_punct or first.is_sent_end or listed
            ):
                ents = [x for x in ents if x.end <= start or x.start >= comma]
                ents.append(Span(doc, start, comma, label="PERSON"))
                taken.update(range(start, comma))
                changed = True
        # a name between commas after a title's complement, or after a title and a rank,
        # with hyphens in it ("the Minister for Home Affairs and Immigration, Ana
        # Berg-Solvang, said", "its Minister of State for Trade, Admiral Tomas Ekberg."):
        # the small recognizer often drops it or cuts it in two
        by_token = _by_token(ents)
        for e in [e for e in ents if e.label_ == "POSITION"]:
            spans = _apposed_name(doc, e, ents, by_token, word, glued_hyphen)
            if spans:
                lo, hi = min(x.start for x in spans), max(x.end for x in spans)
                ents = [x for x in ents if x.end <= lo or x.start >= hi] + spans
                by_token = _by_token(ents)
                taken.update(range(lo, hi))
                changed = True
        # "attended by Mira Solvang of Norland and Tomas Ekberg of Velmar": the recognizer reads a
        # name and its country as one body (`_name_of_country`)
        for e in list(ents):
            split = _name_of_country(doc, e, ents, words) or _country_before_name(doc, e, ents)
            if split:
                ents = [x for x in ents if x is not e] + split
                changed = True
        # "Mira Solvang of Norland and Tomas Ekberg of Velmar" with the second name in no
        # entity: the words between the coordinator and "of" and a country are a person's
        spans = _listed_name_of_country(doc, ents, word)
        if spans:
            ents += spans
            taken.update(i for x in spans for i in range(x.start, x.end))
            changed = True
        ents.sort(key=lambda s: s.start)
        while i < len(ents):
            e = ents[i]
            start, end, label = e.start, e.end, e.label_
            person = label == "PERSON"
            if (
                label == "NORP"
                and len(e) >= 2
                and norm(e.text) not in words.known
                and all(t.is_title and t.pos_ == "PROPN" for t in e)
            ):
                label, person = "PERSON", True
            if not person and unknown_word(e) and start > 0 and free(doc[start - 1]):
                label, person = "PERSON", True  # "Velka Amsoran" read as a place
            if not person and _who_follows(doc, e, words):
                label, person = "PERSON", True  # "Tomas Ekberg, who ..." read as a body
            if not person and _holds_title(e, words):
                label, person = "PERSON", True  # "Tomas Ekberg became X's minister" (a place)
            if not person and _person_evidence(e, words):
                label, person = "PERSON", True  # "the resignation of Tomas Ekberg" (a body)
            if person:
                while start > 0 and e.start - start < 2 and free(doc[start - 1]):
                    start -= 1
                if (
                    start == e.start
                    and out
                    and out[-1].end == start
                    and unknown_word(out[-1], extra=MISREAD)
                    and doc[start - 1].pos_ == "PROPN"
                ):
                    start = out.pop().start  # "Tomas" (read as an event) + "Ekberg Lind"
                while True:
                    if end < len(doc) and e.end - end > -2 and free(doc[end]):
                        end += 1
                    elif glued_hyphen(end):
                        end += 2
                    elif particles(end):  # "Ana van" + "der Berg"
                        end = particles(end)
                    elif (
                        i + 1 < len(ents)
                        and ents[i + 1].start == end
                        and unknown_word(ents[i + 1])
                        and not doc[end - 1].is_punct
                    ):
                        end = ents[i + 1].end
                        i += 1
                    else:
                        break
            if (start, end, label) != (e.start, e.end, e.label_):
                changed = True
                out.append(Span(doc, start, end, label="PERSON"))
            else:
                out.append(e)
            i += 1
        if changed:
            doc.ents = filter_spans(out)
        return doc


def _name_of_country(doc, e: Span, ents: list[Span], words: _Words) -> list[Span]:
    """A body, place or group read over a person's name, "of" and a country of the gazetteer
    ("Mira Solvang of Norland"), coordinated with a person's name ("A of Norland and Tomas Ekberg
    of Velmar", "Tomas Ekberg and A of Norland") or set off after a title ("its deputy head,
    Mira Solvang of Norland, said"), or a person's name read with them: the person and the
    country, apart."""
    if e.label_ not in ("ORG", "GPE", "FAC", "LOC", "NORP", "PERSON") or len(e) < 4:
        return []  # a name, "of" and a country: four words at least
    ofs = [t.i for t in e if t.lower_ == "of"]
    if len(ofs) != 1 or ofs[0] - e.start < 2 or ofs[0] + 1 >= e.end:
        return []
    k = ofs[0]
    name, place = doc[e.start : k], doc[k + 1 : e.end]
    if not all(
        t.is_title and t.lower_ not in words.stop and norm(t.text) not in words.known for t in name
    ):
        return []
    country = gazetteer().by_name.get(norm(place.text))
    if country is None or country.cls != "Country":
        return []
    # no person's name ends in "of" and a country; nor does a body's that is set off after
    # a title ("its deputy head, Mira Solvang of Norland,")
    titled = (
        e.start >= 2
        and doc[e.start - 1].text == ","
        and any(x.label_ == "POSITION" and x.end == e.start - 1 for x in ents)
    )
    if e.label_ == "PERSON" or titled:
        return [Span(doc, e.start, k, label="PERSON"), Span(doc, k + 1, e.end, label="GPE")]
    coordinators = lexicon().coordinators
    people = [x for x in ents if x.label_ == "PERSON"]
    # the person before may be named with a country too ("A of Sweden and B of Bolivia")
    owned = {
        x.end
        for x in ents
        if x.label_ == "GPE"
        and x.start >= 2
        and doc[x.start - 1].lower_ == "of"
        and any(y.end == x.start - 1 for y in people)
    }
    after = e.end + 1 < len(doc) and doc[e.end].lower_ in coordinators
    before = e.start > 1 and doc[e.start - 1].lower_ in coordinators
    if not (
        (after and any(x.start == e.end + 1 for x in people))
        or (before and (any(x.end == e.start - 1 for x in people) or e.start - 1 in owned))
    ):
        return []
    return [Span(doc, e.start, k, label="PERSON"), Span(doc, k + 1, e.end, label="GPE")]


def _listed_name_of_country(doc, ents: list[Span], word) -> list[Span]:
    """Two to four name words (`word`) in no entity between a coordinator and "of" and a
    country of the gazetteer, after a person named with a country ("A of Norland and Tomas
    Ekberg of Velmar"): the recognizer often leaves the second name out."""
    coordinators = lexicon().coordinators
    at = {x.start: x for x in ents}
    out: list[Span] = []
    for g in ents:
        if g.label_ != "GPE" or g.end >= len(doc) or doc[g.end].lower_ not in coordinators:
            continue
        if g.start < 2 or doc[g.start - 1].lower_ != "of":
            continue
        if not any(x.label_ == "PERSON" and x.end == g.start - 1 for x in ents):
            continue
        start = end = g.end + 1
        while end < len(doc) and end - start < 4 and word(doc[end]):
            end += 1
        place = at.get(end + 1)
        if end - start < 2 or end >= len(doc) or doc[end].lower_ != "of" or place is None:
            continue
        country = gazetteer().by_name.get(norm(place.text))
        if country is not None and country.cls == "Country":
            out.append(Span(doc, start, end, label="PERSON"))
    return out


# a name's word with an apostrophe inside: "Ndung'u", "O'Brien" (no alpha, "Ndung'u" no title)
_APOSTROPHE_NAME = re.compile(r"[^\W\d_][^\W\d_]*(?:['’][^\W\d_]+)+")


def _name_token(tok) -> bool:
    """A word that may be part of a person's name: title case and letters only, or a
    capitalised word with an apostrophe inside ("Ndung'u", "O'Brien")."""
    if tok.is_title and tok.is_alpha:
        return True
    return tok.text[:1].isupper() and _APOSTROPHE_NAME.fullmatch(tok.text) is not None


def _country_at(doc, i: int, ents: list[Span]) -> int | None:
    """The end of the entity from token `i` that names a country of the gazetteer, or None."""
    for x in ents:
        if x.start == i and x.label_ == "GPE":
            country = gazetteer().by_name.get(norm(x.text))
            return x.end if country is not None and country.cls == "Country" else None
    return None


def _country_before_name(doc, e: Span, ents: list[Span]) -> list[Span]:
    """A person's name read with the country of the title before it ("Prime Minister of
    Norland Mira Solvang" as one name "Norland Mira Solvang"): the country (a gazetteer's, one or
    two words) and the person (two words at least), apart."""
    if e.label_ != "PERSON" or len(e) < 3 or e.start < 2 or doc[e.start - 1].lower_ != "of":
        return []
    if not any(x.label_ == "POSITION" and x.end == e.start - 1 for x in ents):
        return []
    for k in (2, 1):
        country = gazetteer().by_name.get(norm(doc[e.start : e.start + k].text))
        if country is not None and country.cls == "Country" and len(e) - k >= 2:
            return [
                Span(doc, e.start, e.start + k, label="GPE"),
                Span(doc, e.start + k, e.end, label="PERSON"),
            ]
    return []


def _who_follows(doc, e: Span, words: _Words) -> bool:
    """A name of two title-case words or more, none a title, class or known word, that
    "who" takes up ("Tomas Ekberg, who retired in May"): a person's, whatever the recognizer
    read (lexicon `person_relatives`)."""
    end = e.end
    return (
        e.label_ in ("ORG", "GPE", "NORP", "LOC", "FAC")
        and len(e) >= 2
        and end + 1 < len(doc)
        and doc[end].text == ","
        and doc[end + 1].lower_ in lexicon().person_relatives
        and all(
            (t.is_title or t.text == "-")
            and t.pos_ in ("PROPN", "PUNCT")
            and t.lower_ not in words.stop
            and norm(t.text) not in words.known
            for t in e
        )
    )


def _name_between_commas(doc, start: int, ents: list[Span], words: _Words) -> Span | None:
    """Two to four title-case words from `start` to a comma or the sentence's end, none a
    title, class or known word, in no entity or in ones the recognizer read as a date, a
    work or an event: a person's name, as a span, or None."""
    by_token = {i: x for x in ents for i in range(x.start, x.end)}
    end = start
    while end < len(doc) and end - start < 4:
        tok, x = doc[end], by_token.get(end)
        if not (
            tok.is_title
            and tok.is_alpha
            and len(tok) > 1
            and tok.lower_ not in words.stop
            and norm(tok.text) not in words.known
            and (x is None or (x.label_ in MISREAD | {"DATE"} and x.start >= start))
        ):
            break
        end += 1
    if end - start < 2 or end >= len(doc) or doc[end].text not in (",", ".", ";"):
        return None
    if doc[end].text == "." and not doc[end].is_sent_end:
        return None
    if any(x.end > end for i in range(start, end) if (x := by_token.get(i)) is not None):
        return None
    return Span(doc, start, end, label="PERSON")


def _name_shaped(e: Span, words: _Words, labels: tuple[str, ...]) -> bool:
    """A name of two title-case words or more (hyphens inside), none a title, class or
    known word and not known as a whole, that the recognizer read with one of `labels`."""
    return (
        e.label_ in labels
        and len(e) >= 2
        and norm(e.text) not in words.known
        and all(
            (t.is_title or t.text == "-")
            and t.lower_ not in words.stop
            and norm(t.text) not in words.known
            for t in e
        )
    )


def _holds_title(e: Span, words: _Words) -> bool:
    """A name of two title-case words or more, none a title, class or known word, that is
    the subject of a copula whose complement is a title ("Tomas Ekberg became Norland's
    Minister of Finance"; lexicon `copular_verbs`): a person's, whatever the recognizer read."""
    if not _name_shaped(e, words, ("ORG", "GPE", "NORP", "LOC", "FAC")):
        return False
    root = e.root
    verb = root.head
    return (
        root.dep_ == "nsubj"
        and verb.lemma_.lower() in lexicon().copular_verbs
        and any(c.dep_ == "attr" and c.ent_type_ == "POSITION" for c in verb.children)
    )


def _person_evidence(e: Span, words: _Words) -> bool:
    """A name shaped as a person's (`_name_shaped`) that the recognizer read as a body,
    a place or a thing, where only a person fits:
    - the subject or the object of a verb that puts someone into a post, with the post as
      its complement ("Tomas Ekberg was sworn in as prime minister", "elected Tomas Ekberg
      as its president", "Tomas Ekberg was named defence minister"; lexicon
      `appointment_verbs`, `role_prepositions`);
    - the "of" complement of a noun that only happens to a person ("after the resignation
      of Tomas Ekberg"; lexicon `person_event_nouns`), or of "in place of" ("named X in
      place of Tomas Ekberg"; lexicon `in_place_nouns`);
    - the object of such a verb that also says whom it succeeds ("appointed Tomas Ekberg
      to replace X", "named Tomas Ekberg, replacing X"; `_to_succeed`), or a name right
      before the title such a verb gives ("appointed Tomas Ekberg chief executive of its
      freight arm"; `_before_given_title`);
    - the subject or the object of a verb of succession or of taking over with a post as
      its complement ("Tomas Ekberg replaced X as defence minister", "replaced Tomas
      Ekberg as defence minister", "Tomas Ekberg took over as chief"; lexicon
      `succession_verbs`, `takeover_verbs`), or whom one takes over from ("took over as
      chief from Tomas Ekberg", and "X, who took over from Tomas Ekberg" when X is a
      person: `_in_succession`);
    - an age between commas after it ("Tomas Ekberg, 64, said");
    - a name read as a work, a product or an event that reports speech ('"...," said Tomas
      Ekberg'; lexicon `reporting_verbs`): neither a body nor a place."""
    if not _name_shaped(e, words, ("ORG", "GPE", "NORP", "LOC", "FAC", *MISREAD)):
        return False
    lex = lexicon()
    root, doc = e.root, e.doc
    head = root.head
    if (
        root.dep_ in ("nsubjpass", "dobj")
        and head.lemma_.lower() in lex.appointment_verbs
        and (_post_complement(head, lex.role_prepositions) or _to_succeed(head))
    ):
        return True
    if _before_given_title(e):
        return True
    if _in_succession(root):
        return True
    if (
        root.dep_ == "pobj"
        and head.lower_ in lex.owner_preps
        and (
            head.head.lemma_.lower() in lex.person_event_nouns
            or (head.head.lemma_.lower() in lex.in_place_nouns and head.head.head.lower_ == "in")
        )
    ):
        return True
    end = e.end
    if (
        end + 2 < len(doc)
        and doc[end].text == ","
        and doc[end + 1].is_digit
        and 18 <= int(doc[end + 1].text) <= 100
        and doc[end + 2].text == ","
    ):
        return True
    return (
        e.label_ in MISREAD
        and root.dep_ in ("nsubj",)
        and head.lemma_.lower() in lex.reporting_verbs
    )


def _in_succession(tok) -> bool:
    """The subject or the object of a verb of succession or of taking over with a post as
    its complement ("X replaced Y as governor", "X took over as governor"; lexicon
    `succession_verbs`, `takeover_verbs`), whom one takes over from ("took over as
    governor from Y", "took over from Y as governor"), who succeeds or is succeeded by a
    person the recognizer knows ("X will succeed Tomas Ekberg"), or the subject of a verb of leaving
    or holding a post with the post as its complement ("X resigned as governor", "X served
    as envoy"; frames.yaml `post_verbs`)."""
    lex, head = lexicon(), tok.head
    if (
        tok.dep_ in ("nsubj", "dobj")
        and head.lemma_.lower() in lex.succession_verbs
        and any(
            c.dep_ in ("nsubj", "dobj") and c.i != tok.i and c.ent_type_ == "PERSON"
            for c in head.children
        )
    ):
        return True  # "X will succeed Tomas Ekberg": one person succeeds another
    if tok.dep_ == "pobj" and head.lower_ == "from":
        verb = head.head
        while verb.dep_ in ("pobj", "prep") and verb.head.i != verb.i:
            verb = verb.head  # "took over as chair of the council from Y"
        return _takes_over(verb) and (
            _post_complement(verb, lex.role_prepositions) or _person_takes_post(verb)
        )
    if not _post_complement(head, lex.role_prepositions):
        return False
    if tok.dep_ in ("nsubj", "dobj") and (
        head.lemma_.lower() in lex.succession_verbs or _takes_over(head)
    ):
        return True
    # "X resigned as governor", "X will serve as envoy" (frames.yaml `post_verbs`)
    posts = frames().post_verbs
    return tok.dep_ == "nsubj" and verb_in(head, (posts["former"] | posts["held"]) - {"be"})


def _person_takes_post(verb) -> bool:
    """Whether a verb of taking over is a person's taking over a post: its subject a
    person ("Mira Solvang took over from X") or "who" ("Mira Solvang, who took over from
    X"), and what is taken over, if anything, a post ("took over the portfolio"; lexicon
    `role_nouns`), not a firm or a stake ("took over the mine from X")."""
    taken = [c for c in verb.children if c.dep_ == "dobj"]
    if any(
        c.ent_type_ != "POSITION" and c.lemma_.lower() not in lexicon().role_nouns for c in taken
    ):
        return False
    for c in verb.children:
        if c.dep_ != "nsubj":
            continue
        if c.ent_type_ == "PERSON":
            return True
        if c.lower_ == "who" and verb.dep_ == "relcl":
            return True  # whatever the recognizer read the name "who" follows as
    return False


def _to_succeed(verb) -> bool:
    """Whether a verb that puts someone into a post also says whom its object succeeds:
    "appointed X to replace Y", "named X, replacing Y" (lexicon `succession_verbs`)."""
    succession = lexicon().succession_verbs
    return any(
        c.dep_ in ("xcomp", "advcl") and c.lemma_.lower() in succession for c in verb.children
    )


def _before_given_title(e: Span) -> bool:
    """A name right before the title a verb that puts someone into a post gives, parsed as
    a modifier of the title: "appointed Tomas Ekberg chief executive of its freight arm"
    (lexicon `appointment_verbs`); not when a name follows the title ("appointed Velmar
    Oil chief executive Mira Solvang")."""
    doc, root = e.doc, e.root
    title = doc[e.end] if e.end < len(doc) else None
    if title is None or title.ent_type_ != "POSITION" or root.dep_ not in ("compound", "nmod"):
        return False
    head = root.head
    if head.ent_type_ != "POSITION" or head.dep_ not in ("dobj", "oprd"):
        return False
    end = head.i + 1
    while end < len(doc) and doc[end].ent_type_ == "POSITION":
        end += 1
    if end < len(doc) and doc[end].ent_type_ == "PERSON":
        return False
    return head.head.pos_ == "VERB" and head.head.lemma_.lower() in lexicon().appointment_verbs


def _takes_over(verb) -> bool:
    """A verb of taking over with its particle ("took over"; lexicon `takeover_verbs`)."""
    particles = lexicon().takeover_verbs.get(verb.lemma_.lower(), ())
    return any(c.dep_ == "prt" and c.lower_ in particles for c in verb.children)


def _post_complement(verb, role_preps: frozenset[str]) -> bool:
    """Whether a verb has a title as its complement: "named X minister" (object
    predicate), "sworn in as minister" (a role preposition and its object), "named X at
    the head of Y" (lexicon `role_prepositions_with`)."""
    with_words = lexicon().role_prepositions_with
    for c in verb.children:
        if c.dep_ in ("oprd", "attr") and c.ent_type_ == "POSITION":
            return True
        if c.dep_ == "prep" and any(
            g.dep_ == "pobj"
            and (
                (c.lower_ in role_preps and g.ent_type_ == "POSITION")
                or g.lemma_.lower() in with_words.get(c.lower_, ())
            )
            for g in c.children
        ):
            return True
    return False


def _apposed_name(
    doc, title: Span, ents: list[Span], by_token: dict[int, Span], word, glued_hyphen
) -> list[Span]:
    """The name of a person between the comma that ends `title` (and its complement) and a
    comma or the sentence's end, past courtesy words, ranks and a nationality ("the Minister
    of Defence of Norland, Vice Admiral Ana Berg-Solvang,"; "its envoy, the Norlandic Ana
    Berg."): title-case words, hyphenated ones and name particles, two to six, that are no
    title or class words and no known names; people's names the recognizer found or cut
    in two there are taken in."""

    def name_at(i: int) -> tuple[int, bool] | None:
        x = by_token.get(i)
        return None if x is None else (x.end, x.label_ == "PERSON")

    data = title_data()
    comma = title.end if title.end < len(doc) and doc[title.end].text == "," else None
    if comma is None:
        comma = complement_end(doc, title.end, name_at)
    if comma is None:
        comma = _possessed_end(doc, title.end, by_token)
    if comma is None:
        return []
    i = comma + 1
    if i < len(doc) and doc[i].lower_ == "the":
        i += 1
    ranks = word_lists("role_nouns", "modifiers")
    demonyms = gazetteer().by_demonym
    nationality = None  # "the Gambian Ana Berg": the nationality the recognizer took in
    while i < len(doc) and (
        (is_honorific(doc[i]) and doc[i].text != ".")
        or (doc[i].is_title and doc[i].lower_ in ranks and i not in by_token)
        or (i in by_token and by_token[i].label_ == "POSITION")
        or (doc[i].is_title and norm(doc[i].text) in demonyms)
        or (doc[i].text == "-" and i > 0 and doc[i - 1].lower_ in ranks)  # "Colonel-Major"
        # the nationality's noun: "its envoy, Norlandic diplomat Ana Berg"
        or (nationality == i - 1 and doc[i].is_lower and doc[i].pos_ == "NOUN")
    ):
        if doc[i].is_title and norm(doc[i].text) in demonyms:
            nationality = i
        i += 1
    start, end, words = i, i, 0
    while end < len(doc) and end - start < 8:
        tok = doc[end]
        person = by_token.get(end)
        if word(tok) or (person is not None and _name_word(tok, person)):
            end, words = end + 1, words + 1
        elif end > start and (glued_hyphen(end) or _hyphen_inside(doc, end, by_token)):
            end += 2
        elif tok.lower_ in data.name_particles and end > start and end + 1 < len(doc):
            end += 1
        else:
            break
    if words < 2 or end >= len(doc) or doc[end].text not in (",", ".", ";"):
        return []
    if doc[end].text == "." and not doc[end].is_sent_end:
        return []
    inside = [x for x in ents if x.start < end and x.end > start]
    if any(x.label_ == "PERSON" and x.start == start and x.end == end for x in inside):
        return []
    if any(x.start <= comma or x.end > end for x in inside):
        return []  # a name that goes on outside: the recognizer's reading stands
    out = [Span(doc, start, end, label="PERSON")]
    if nationality is not None:
        out.append(Span(doc, nationality, nationality + 1, label="NORP"))
    return out


def _by_token(ents: list[Span]) -> dict[int, Span]:
    """The entity of each token an entity covers."""
    return {i: x for x in ents for i in range(x.start, x.end)}


def _possessed_end(doc, start: int, by_token: dict[int, Span]) -> int | None:
    """The comma after a title's complement that ends in a possessive and the common noun
    it owns ("a spokesperson for Ekberg's office,"), or None; a title there ("the
    president's chief of staff, X") is the one the name holds."""
    if start + 2 >= len(doc) or doc[start].tag_ != "POS":
        return None
    i = start + 1
    while i < min(len(doc), start + 4) and doc[i].is_lower and doc[i].pos_ in ("NOUN", "ADJ"):
        if i in by_token:
            return None
        i += 1
    return i if i > start + 1 and i < len(doc) and doc[i].text == "," else None


def _hyphen_inside(doc, i: int, by_token: dict[int, Span]) -> bool:
    """A hyphen with no space either side, inside one name that the recognizer read as
    something else ("Ana Jallow-Ceesay" as an organisation)."""
    return (
        doc[i].text == "-"
        and i > 0
        and not doc[i - 1].whitespace_
        and not doc[i].whitespace_
        and i + 1 < len(doc)
        and doc[i + 1].is_alpha
        and by_token.get(i + 1) is not None
        and by_token.get(i + 1) is by_token.get(i - 1)
    )


def _name_word(tok, ent: Span) -> bool:
    """A word of an entity that may be part of a person's name: a word of a person's name,
    or a title-case word that is no title or class word in a name that names nothing known
    (a surname read as a place, a name read as a work or as an organisation)."""
    if ent.label_ == "PERSON":
        return True
    words = _words()
    return (
        ent.label_ in ("GPE", "ORG", "NORP", "LOC", "WORK_OF_ART", "PRODUCT", "FAC")
        and tok.is_alpha
        and not tok.is_lower
        and tok.lower_ not in words.stop
        and norm(tok.text) not in words.known
        and norm(ent.text) not in words.known
    )


def _apposition_comma(doc, title: Span, ents: list[Span]) -> int | None:
    """The comma that opens an apposition ending in `title` (", Norland's foreign
    minister", ", the army chief", ", its foreign minister"), or None."""
    j = title.start - 1
    qualifiers = title_data().qualifiers
    while j > 0 and doc[j].lower_ in qualifiers:  # "a former governor", "the acting head"
        j -= 1
    if j >= 0 and doc[j].tag_ == "POS":  # "Norland's"
        owner = next((x for x in ents if x.end == j and x.label_ in ("GPE", "NORP", "ORG")), None)
        if owner is None:
            return None
        j = owner.start - 1
    elif j >= 0 and doc[j].pos_ in ("DET", "PRON"):  # "the", "its"
        j -= 1
    elif j >= 0:
        owner = next((x for x in ents if x.end == j + 1 and x.label_ in ("GPE", "NORP")), None)
        j = owner.start - 1 if owner is not None else j  # "Norlandic foreign minister"
    return j if j > 0 and doc[j].text == "," else None


@Language.factory("kg_name_repair")
def make_name_repair(nlp: Language, name: str) -> NameRepair:
    return NameRepair()
