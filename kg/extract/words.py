"""The words of a mention: what is trimmed from its ends (articles, possessors, quotes, a
clock time) and the class its head word gives it (lexicon `head_classes`)."""

from __future__ import annotations

import re

from kg.extract.lexicon import lexicon

QUOTES = "\"'“”‘’«»"
_CLOCK = re.compile(r"^\d{1,2}[:.h]\d{2}$")


def head_class(words: list[str]) -> str | None:
    """The class that the last word (or two) of a name gives it ("... Force" -> ArmedForce),
    or the word before its complement ("Council of Elders", "Framework on Fisheries") or
    before its "and" ("Force and Observers")."""
    lex = lexicon()
    lowered = [w.lower() for w in words]
    if "of" in lowered[1:]:
        lowered = lowered[: lowered.index("of", 1)]  # "Council of Elders" -> council
    cut = next((j for j, w in enumerate(lowered) if j and w in lex.head_complement_preps), 0)
    if cut:  # "Framework on Fisheries" -> framework, if a head word; else as written
        before = _last_words_class(lowered[:cut])
        if before in lex.head_complement_classes:
            return before
    last = _last_words_class(lowered)
    if last is None and "and" in lowered[1:-1] and lowered.index("and", 1) == len(lowered) - 2:
        # "Multinational Force and Observers": the first conjunct's head, when one word
        # follows "and" and names no class ("Army and Navy Club" is a club: its last word)
        return _last_words_class(lowered[: lowered.index("and", 1)])
    return last


def _last_words_class(lowered: list[str]) -> str | None:
    heads = lexicon().head_classes
    if len(lowered) >= 2 and " ".join(lowered[-2:]) in heads:
        return heads[" ".join(lowered[-2:])]
    if lowered and lowered[-1] in heads:
        return heads[lowered[-1]]
    return None


def stripped(tok) -> bool:
    """A word dropped from the start of a name (lexicon `strip_words`): an article or a
    possessor always, an adjective unless it begins a proper name ("New Zealand")."""
    if tok.lower_ not in lexicon().strip_words:
        return False
    return tok.pos_ in ("DET", "PRON") or not (tok.tag_ == "NNP" and tok.is_title)


def trim(tokens: list) -> list:
    """Drop leading articles, determiners and possessors, a clock time ("10:15 - Norland" in a
    live blog), trailing possessives and quotes."""
    while tokens and (
        stripped(tokens[0])
        or tokens[0].text in QUOTES
        or tokens[0].is_space
        or tokens[0].is_punct
        or (_CLOCK.match(tokens[0].text) and len(tokens) > 1)
    ):
        tokens = tokens[1:]
    while tokens and (
        possessive(tokens[-1])
        or tokens[-1].text in QUOTES
        or tokens[-1].is_space
        or tokens[-1].is_punct
    ):
        tokens = tokens[:-1]
    return tokens


def possessive(tok) -> bool:
    return tok.text.lower() in ("'s", "’s") or (
        (tok.tag_ == "POS" or tok.dep_ == "case") and tok.text not in ("'", "’")
    )


def reporting_subject(tok) -> bool:
    """A phrase written right before a reporting verb, no comma between ("..., a spokesperson
    for the ministry said"): the one who speaks, though the parser hung it on the name before
    it as an apposition."""
    after = tok.right_edge.i + 1
    if after >= len(tok.doc):
        return False
    verb = tok.doc[after]
    return verb.pos_ == "VERB" and verb.lemma_.lower() in lexicon().reporting_verbs


def name_variants(text: str) -> list[str]:
    """Other ways a name is written: without who leads or backs it ("Norland-led Velmar
    Support Mission" -> "Velmar Support Mission", but "Norland-led force" keeps its
    leader: "force" names nothing; lexicon `led_participles`), and a name in
    capitals without its class noun in lower case ("Blue Dawn party" -> "Blue Dawn"; lexicon
    `name_class_nouns`)."""
    lex = lexicon()
    words = text.split()
    out = []
    if len(words) >= 2 and "-" in words[0]:
        *_, last = words[0].split("-")
        if (
            last.lower() in lex.led_participles
            and words[0][:1].isupper()
            and words[1][:1].isupper()
        ):
            out.append(" ".join(words[1:]))
    if (
        len(words) >= 2
        and words[-1] in lex.name_class_nouns
        and all(w[:1].isupper() for w in words[:-1])
    ):
        out.append(" ".join(words[:-1]))
    return out
