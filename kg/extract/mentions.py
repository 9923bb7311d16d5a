"""Mentions: the spans of a parsed block that name an entity, each with a class guess.

Names come from spaCy's NER and the position ruler, cleaned of a leading article, a
possessive and quotes; common-noun phrases name forces, plans and bodies ("the five-point
peace plan", "a UN observer mission") when a number, name or compound specifies them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from kg.extract.lexicon import gazetteer, lexicon, norm
from kg.extract.phrases.titles import is_honorific, title_data

NAME_LABELS = {"PERSON", "ORG", "GPE", "LOC", "NORP", "FAC", "EVENT", "LAW", "POSITION"}
_QUOTES = "\"'“”‘’«»"


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
    definite: bool = False  # a description with "the", "this", "its"... (DESC only)
    owned: str | None = None  # a body with the name that owns it: "Norland's intelligence ministry"

    @property
    def key(self) -> str:
        return norm(self.text)


@cache
def _honorifics() -> frozenset[str]:
    return frozenset(w.rstrip(".") for w in title_data().honorifics if w.rstrip("."))


def head_class(words: list[str]) -> str | None:
    """The class that the last word (or two) of a name gives it ("... Force" -> ArmedForce)."""
    heads = lexicon().head_classes
    lowered = [w.lower() for w in words]
    if "of" in lowered[1:]:
        lowered = lowered[: lowered.index("of", 1)]  # "Council of Elders" -> council
    if len(lowered) >= 2 and " ".join(lowered[-2:]) in heads:
        return heads[" ".join(lowered[-2:])]
    if lowered and lowered[-1] in heads:
        return heads[lowered[-1]]
    return None


def class_guess(label: str, text: str, words: list[str]) -> str | None:
    gaz = gazetteer()
    key = norm(text)
    if label == "PERSON":
        if len(words) == 1 and key in gaz.by_metonym:
            return "City"  # NER takes some capitals for people
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


_CLOCK = re.compile(r"^\d{1,2}[:.h]\d{2}$")


def _stripped(tok) -> bool:
    """A word dropped from the start of a name (lexicon `strip_words`): an article or a
    possessor always, an adjective unless it begins a proper name ("New Zealand")."""
    if tok.lower_ not in lexicon().strip_words:
        return False
    return tok.pos_ in ("DET", "PRON") or not (tok.tag_ == "NNP" and tok.is_title)


def _trim(tokens: list) -> list:
    """Drop leading articles, determiners and possessors, a clock time ("10:15 - Norland" in a
    live blog), trailing possessives and quotes."""
    while tokens and (
        _stripped(tokens[0])
        or tokens[0].text in _QUOTES
        or tokens[0].is_space
        or tokens[0].is_punct
        or (_CLOCK.match(tokens[0].text) and len(tokens) > 1)
    ):
        tokens = tokens[1:]
    while tokens and (
        _possessive(tokens[-1])
        or tokens[-1].text in _QUOTES
        or tokens[-1].is_space
        or tokens[-1].is_punct
    ):
        tokens = tokens[:-1]
    return tokens


def _possessive(tok) -> bool:
    return tok.text.lower() in ("'s", "’s") or (
        (tok.tag_ == "POS" or tok.dep_ == "case") and tok.text not in ("'", "’")
    )


def _split_possessive(tokens: list) -> list[list]:
    """'Ortiz’s “Clean Seas' -> ['Ortiz'], ['Clean', 'Seas']."""
    parts, current = [], []
    for tok in tokens:
        if _possessive(tok) or "\n" in tok.text or tok.text in ("(", ")", "[", "]"):
            if current:
                parts.append(current)
            current = []
        else:
            current.append(tok)
    if current:
        parts.append(current)
    return parts


def find_mentions(
    doc, block: int, offset: int, sent_index: dict[int, int], first_id: int
) -> list[Mention]:
    """Every mention of one parsed block. `offset` is the block's start in the article;
    `sent_index` maps a token index to the article-wide sentence number."""
    out: list[Mention] = []
    taken: set[int] = set()

    def add(tokens: list, label: str, cls: str | None = None) -> None:
        tokens = _trim(tokens)
        # "Dr Ana Ortiz", "Ms. Ortiz": the name without the courtesy word
        while (
            len(tokens) > 1
            and tokens[0].lower_.rstrip(".") in _honorifics()
            and (tokens[1].is_title or tokens[1].text == ".")
        ):
            tokens = _trim(tokens[1:])
        if not tokens or all(is_honorific(t) or t.is_punct for t in tokens):
            return  # "(Ret.)" read as a name
        span = doc[tokens[0].i : tokens[-1].i + 1]
        if any(m.tok_start == span.start and m.tok_end == span.end for m in out):
            return
        text = " ".join("".join(ch for ch in span.text if ch not in '“”"').split())
        if not any(ch.isalnum() for ch in text):
            return
        words = [t.text for t in span if not t.is_punct]
        gaz = gazetteer()
        key = norm(text)
        if label in ("GPE", "LOC", "ORG") and key in gaz.by_demonym and key not in gaz.by_name:
            label = "NORP"  # "a Norlandic minister" read as a place: the nationality
        guess = cls or class_guess(label, text, words)
        if guess is None:
            return
        root = span.root
        out.append(
            Mention(
                id=first_id + len(out),
                block=block,
                sent=sent_index[span.start],
                start=offset + span.start_char,
                end=offset + span.end_char,
                tok_start=span.start,
                tok_end=span.end,
                head=root.i,
                text=text,
                label=label,
                cls=guess,
            )
        )
        taken.update(range(span.start, span.end))

    plurals = title_data().role_plurals
    ents = doc.ents  # a new tuple of Spans on each read
    person_starts = {e.start for e in ents if e.label_ == "PERSON"}
    for ent in ents:
        if ent.label_ not in NAME_LABELS:
            continue
        if ent.label_ == "POSITION" and ent[-1].lower_ in plurals and ent.end not in person_starts:
            continue  # "US envoys said": representatives, not a post held by a name
        parts = _split_possessive(list(ent))
        for i, part in enumerate(parts):
            label = ent.label_
            if i < len(parts) - 1 and label not in ("PERSON", "GPE", "NORP"):
                label = "PERSON" if part[0].ent_type_ == "PERSON" else label
            if i > 0 and label == "PERSON":
                label = "ORG"
            add(part, label)

    _join_names_before_acronyms(doc, out)
    for k, m in enumerate(out):
        m.id = first_id + k
    # "Nordic Monitoring Force (NMF)": the acronym names the same thing
    for m in list(out):
        i = m.tok_end
        if i + 2 < len(doc) and doc[i].text == "(" and doc[i + 2].text == ")":
            acronym = doc[i + 1]
            if acronym.text.isupper() and acronym.is_alpha and acronym.i not in taken:
                add([acronym], m.label, m.cls)

    singles = {p for p in lexicon().positions if " " not in p}
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
    for tok in doc:
        if tok.i not in taken and _is_acronym(tok):
            described = [c for c in (*tok.children, tok.head) if _apposed(tok, c)]
            heads = [head_class([c.lemma_]) or head_class([c.text]) for c in described]
            add([tok], "ORG", next((h for h in heads if h), None) or "Organization")

    for chunk in doc.noun_chunks:
        root = chunk.root
        if root.i in taken and not _extends_name(chunk, taken):
            continue
        cls = head_class([root.lemma_]) or head_class([root.text])
        if cls not in ("ArmedForce", "Plan", "GovernmentBody", "Event"):
            continue
        # leave out a possessor ("Ortiz's five-point plan" -> "five-point plan"); the name
        # that owns a body is kept beside it ("Norland's intelligence ministry", lexicon
        # `owned_body_classes`), unless the noun stands for its owner ("Norland's government")
        owned = {t.i for c in root.children if c.dep_ == "poss" for t in c.subtree}
        body = cls in lexicon().owned_body_classes and not _stands_for_owner(root)
        owner = _trim(list(doc[min(owned) : max(owned) + 1])) if body and owned else []
        owner = owner if _named_owner(owner) else []
        tokens = [t for t in chunk if t.i <= root.i and t.i not in owned and not _possessive(t)]
        if owned:
            tokens = [t for t in tokens if t.i > max(owned)]
        tokens = _trim(tokens)
        national = (
            body
            and root.tag_ not in ("NNS", "NNPS")  # "Bolivian border guards": people
            and any(_nationality(t) for t in tokens if t.i != root.i)
        )
        tail = _complement(doc, root)
        named_tail = any(t.pos_ == "PROPN" or t.tag_ in ("NNS", "NNPS") for t in tail)
        if not tokens:
            continue
        label = "COMMON"
        if not (
            (
                len(tokens) >= 2
                and (
                    _specific(tokens, root, needs_name=cls == "Event")
                    or (owned and cls == "ArmedForce")
                    or national
                )
            )
            or owner
            or (named_tail and tail[0].lower_ in ("of", "in", "on"))
        ):
            # "a ceasefire", "the summit": a description, linked to what it refers back to
            if cls not in lexicon().description_classes or root.i in taken or _cut(doc, root):
                continue
            label = "DESC"
        n = len(out)
        add(tokens, label, cls)
        if label == "DESC" and len(out) > n:
            out[-1].definite = bool(owned) or any(
                t.lower_ in lexicon().definite_determiners for t in chunk if t.i < root.i
            )
        if owner and len(out) > n:
            whose = doc[owner[0].i : max(owned) + 1].text
            out[-1].owned = " ".join(f"{whose} {out[-1].text}".split())
        if tail and len(out) > n:
            words = [*tokens, *tail]
            out[-1].long = " ".join(doc[words[0].i : words[-1].i + 1].text.split())
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


def bylines(doc, mentions: list[Mention]) -> list[Mention]:
    """The authors a heading line names after "By" (lexicon `byline_words`): "By Mira Solvang,
    Defence Correspondent", "Interview by Mira Solvang"."""
    words = lexicon().byline_words
    out = [
        m
        for m in mentions
        if m.label == "PERSON" and m.tok_start > 0 and doc[m.tok_start - 1].lower_ in words
    ]
    for k, m in enumerate(out):
        m.id = (mentions[0].id if mentions else 0) + k
    return out


def source(doc, block: int, offset: int, sent_index: dict[int, int], first_id: int) -> list:
    """The news source a dateline or a masthead names (the whole block: "Norpress" of
    "(Norpress)", "THE NORVIK HERALD"): a news agency, unless the gazetteer knows it as
    something else."""
    tokens = [t for t in doc if not t.is_punct and not t.is_space]
    if not tokens or not any(t.is_alpha for t in tokens):
        return []
    span = doc[tokens[0].i : tokens[-1].i + 1]
    entry = gazetteer().by_name.get(norm(span.text))
    text = " ".join(span.text.split())
    if text.isupper() and " " in text:  # a masthead in capitals: "The Norvik Herald"
        text = " ".join(w.capitalize() for w in text.split())
    return [
        Mention(
            id=first_id,
            block=block,
            sent=sent_index[span.start],
            start=offset + span.start_char,
            end=offset + span.end_char,
            tok_start=span.start,
            tok_end=span.end,
            head=span.root.i,
            text=text,
            label="ORG",
            cls=entry.cls if entry else "NewsAgency",
        )
    ]


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


def _join_names_before_acronyms(doc, out: list[Mention]) -> None:
    """ "Nordic Union Force in Velmar and Sudria (NUFOR)": a name, a preposition
    (lexicon `name_joiners`) and a place right before an acronym in parentheses whose
    letters fit them are one name; the place was read as a name of its own."""
    ending = {m.tok_end: m for m in out}
    for place in list(out):
        i = place.tok_end
        if not (i + 2 < len(doc) and doc[i].text == "(" and doc[i + 2].text == ")"):
            continue
        acronym = doc[i + 1]
        joiner = place.tok_start - 1
        if not (acronym.text.isupper() and acronym.is_alpha) or joiner < 1:
            continue
        name = ending.get(joiner)
        if (
            doc[joiner].lower_ not in lexicon().name_joiners
            or name is None
            or name.label in ("PERSON", "POSITION", "NORP")
            or place.label not in ("GPE", "LOC")
            or acronym_fits(acronym.text, place.text)
            or not acronym_fits(acronym.text, f"{name.text} {place.text}")
        ):
            continue
        span = doc[name.tok_start : place.tok_end]
        name.tok_end, name.end, name.head = place.tok_end, place.end, span.root.i
        name.text = " ".join(span.text.split())
        out.remove(place)


def _cut(doc, root) -> bool:
    """Whether the parser cut a noun phrase after `root`: a noun or an -ing word hung on it
    follows ("a ceasefire patrol unit" read as "a ceasefire" + "patrol unit")."""
    nxt = doc[root.i + 1] if root.i + 1 < len(doc) else None
    return nxt is not None and (
        nxt.pos_ in ("NOUN", "PROPN") or (nxt.tag_ == "VBG" and nxt.head.i == root.i)
    )


_COMPLEMENT_PREPS = {"of", "in", "on", "between", "with", "to", "for"}


def _complement(doc, root) -> list:
    """The short prepositional phrase right after a description's head that completes its
    name ("meeting of trade ministers", "summit in Norvik", "agreement on fisheries"), with
    a second one after it ("meeting of trade ministers in Norvik"): no verb, no comma, no
    date, at most 9 words."""
    out: list = []
    head = root
    for _ in range(2):
        prep = next(
            (
                c
                for c in head.children
                if c.dep_ == "prep" and c.i == (out[-1].i if out else root.i) + 1
            ),
            None,
        )
        if prep is None or prep.lower_ not in _COMPLEMENT_PREPS:
            break
        words = list(prep.subtree)
        if (
            len(out) + len(words) > 9
            or any(t.pos_ in ("VERB", "AUX") or t.text in ",;:()" for t in words)
            or any(t.ent_type_ in ("DATE", "TIME") for t in words)  # "on Monday" is no name
            or words[-1].i != words[0].i + len(words) - 1
        ):
            break
        out += words
        head = next((c for c in prep.children if c.dep_ == "pobj"), None)
        if head is None:
            break
    return out


_OPEN, _CLOSE = {"“", '"', "‘"}, {"”", '"', "’"}
_LINKS = {"of", "the", "and", "for", "on", "de", "&"}


def _quoted_names(doc) -> list[list]:
    """Quoted title-case phrases (a “Council of Elders”, “Clean Seas” policies)."""
    out = []
    # no opening quote among the tokens: nothing to read (the ORTH array makes no strings)
    strings = doc.vocab.strings
    if {strings[q] for q in _OPEN}.isdisjoint(doc.to_array("ORTH").tolist()):
        return out
    i = 0
    while i < len(doc):
        if doc[i].text in _OPEN:
            j = i + 1
            while j < len(doc) and j - i <= 7 and doc[j].text not in _CLOSE:
                j += 1
            inner = list(doc[i + 1 : j])
            if (
                j < len(doc)
                and doc[j].text in _CLOSE
                and inner
                and inner[0].is_title
                and inner[-1].is_title
                and all(t.is_title or t.lower_ in _LINKS for t in inner)
            ):
                out.append(inner)
                i = j
        i += 1
    return out


def _named_owner(owner: list) -> bool:
    """A possessor that is a name ("Norland's", "the Storting's"), not a pronoun."""
    return any(t.pos_ == "PROPN" or t.ent_type_ in ("GPE", "ORG", "NORP") for t in owner)


def _stands_for_owner(tok) -> bool:
    """ "government", "authorities" (lexicon `representative_nouns`): the owner itself."""
    words = lexicon().representative_nouns
    return tok.lemma_.lower() in words or tok.lower_ in words


def _nationality(tok) -> bool:
    """A word of nationality or a country's name before a head noun ("Norlandic", "Norland")."""
    gaz = gazetteer()
    key = norm(tok.text)
    entry = gaz.by_name.get(key)
    return key in gaz.by_demonym or (entry is not None and entry.cls == "Country")


def _extends_name(chunk, taken: set[int]) -> bool:
    return any(
        t.i not in taken and not t.is_punct and not _stripped(t) and not _possessive(t)
        for t in chunk
        if t.i < chunk.root.i
    )


def _specific(tokens: list, root, needs_name: bool = False) -> bool:
    """A common-noun phrase names one thing when a name, a number or a compound noun
    specifies it; a bare plural ("combat operations") does not."""
    mods = [t for t in tokens if t.i != root.i]
    proper = any(t.pos_ == "PROPN" or t.text[:1] in '“"' for t in mods)
    number = any(t.like_num or any(c.isdigit() for c in t.text) for t in mods)
    # a noun or a hyphenated word before the head ("verification mechanism",
    # "counter-terrorism brigade", "swearing-in ceremony")
    compound = any(
        (t.dep_ in ("compound", "nmod") and t.pos_ == "NOUN") or t.text == "-" for t in mods
    )
    described = any(t.dep_ == "amod" and t.pos_ == "ADJ" for t in mods)
    plural = root.tag_ in ("NNS", "NNPS")
    if needs_name:  # an event: "ECOWAS summit", "general election", "peace talks"
        return proper or compound or described
    if plural:
        return proper
    return proper or number or compound
