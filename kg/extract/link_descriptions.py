"""Linking descriptions ("a ceasefire", "the summit", "talks between X and Y"): each refers
back to an entity named or described before it, or names an entity of its own."""

from __future__ import annotations

from kg.extract.clusters import Cluster
from kg.extract.lexicon import frames, lexicon, norm
from kg.extract.mentions import Mention
from kg.extract.syntax.arguments import completes_noun
from kg.extract.syntax.events import governing_verb
from kg.extract.syntax.modality import verb_in
from kg.ontology import fits


def link_descriptions(
    mentions: list[Mention], descriptions: list[Mention], clusters: list[Cluster], docs: list
) -> None:
    """A description refers back to the last entity of its class named before it with its
    head word ("the summit" -> "the Coral Forum summit"), else to the last description with
    that head word; a definite one, failing both, to the last entity of its class named
    before it (as resolving "the plan" reads it). A description that refers back to nothing
    names an entity of its own ("a ceasefire", "talks between X and Y")."""
    if not descriptions:
        return
    named: dict[str, Cluster] = {}  # class -> the last entity named
    named_word: dict[tuple[str, str], Cluster] = {}  # (class, word of its name) -> ...
    described: dict[tuple[str, str], Cluster] = {}  # (class, head word) -> a description's
    ahead = _names_by_word(mentions, clusters)
    acted: dict[str, Cluster] = {}  # verb -> what its last clause acted on ("proposed X")
    for m in sorted((m for m in mentions if m.cluster >= 0 or m.label == "DESC"), key=start_of):
        if m.label != "DESC":
            c = clusters[m.cluster]
            if not m.by_verb:
                named[c.cls] = c
            for w in norm(c.label).split():
                named_word[(c.cls, w)] = c
            _record_act(m, c, docs, acted)
            continue
        cls, word = m.cls or "", m.key.split()[-1] if m.key else ""
        c = named_word.get((cls, word))
        if c is not None and _differs(m, c, docs):
            c = None  # "the Velmar proposal ... the proposal on a pipeline": another one
        if c is None:
            c = _acted_on(m, word, docs, acted)
        if c is None:
            c = described.get((cls, word))
            if c is not None and (not _same_complement(c.mentions[0], m) or _differs(m, c, docs)):
                c = None  # "talks between X and Y" and "talks with Z" are two talks
        if (
            c is None
            and m.definite
            and cls in named
            and _compatible(word, named[cls])
            and not _differs(m, named[cls], docs)
            and not _named_possessor(m, docs)
        ):
            c = named[cls]
        if c is None:
            c = _named_later(m, ahead, mentions, docs)
        if c is None:
            label = m.long if len(m.text.split()) == 1 and m.long else m.text
            c = Cluster(len(clusters), cls, label)
            clusters.append(c)
            described[(cls, word)] = c
        c.mentions.append(m)
        m.cluster = c.id
        _record_act(m, c, docs, acted)


def _act_word(tok) -> str | None:
    """The verb (with its particle) or the noun of an act whose theme a noun is: "proposed a
    summit", "a summit was proposed", "proposed the holding of a summit", "proposed holding a
    summit", "an initiative to create a centre", "the proposal on the construction of a
    pipeline"."""
    if tok.dep_ == "pobj" and tok.head.lower_ == "of" and tok.head.head.dep_ in _THEMES:
        tok = tok.head.head  # "the holding of a summit", "the construction of a pipeline"
    if tok.dep_ == "pobj" and tok.head.dep_ == "prep" and tok.head.lower_ in _ACT_PREPS:
        noun = tok.head.head  # "the proposal on the construction of a pipeline"
        return noun.lemma_.lower() if noun.pos_ == "NOUN" else None
    if tok.dep_ not in ("dobj", "nsubjpass") or tok.head.i == tok.i:
        return None
    verb = tok.head
    if verb_in(verb, frames().undoing_verbs):
        return None  # "proposed that Sweden leave the alliance" proposes no alliance
    if verb.tag_ == "VBG" and verb.dep_ in ("xcomp", "dobj", "ccomp") and tok.dep_ == "dobj":
        verb = verb.head  # "proposed holding a summit"
    if completes_noun(verb) and verb.head.pos_ == "NOUN" and tok.dep_ == "dobj":
        return verb.head.lemma_.lower()  # "an initiative to create a centre"
    if (
        verb.dep_ in ("ccomp", "xcomp")
        and tok.dep_ == "dobj"
        and _phrasal(verb.head) in _act_words()
    ):
        verb = verb.head  # "proposed that the bloc send an observer mission", "proposed to
        # place the centre in Norvik"
    return _phrasal(verb)


def _phrasal(verb) -> str:
    particle = next((c.lower_ for c in verb.children if c.dep_ == "prt"), None)
    lemma = verb.lemma_.lower()
    return f"{lemma} {particle}" if particle else lemma


def _act_words() -> frozenset[str]:
    return frozenset(w for words in lexicon().act_anaphors.values() for w in words)


_THEMES = ("dobj", "nsubjpass", "pobj")
_ACT_PREPS = ("on", "for")


def _record_act(m: Mention, c: Cluster, docs: list, acted: dict) -> None:
    """Note what a mention is the object of, for a later "the proposal"."""
    # (what a proposal can be: "suggested Norvik as the venue" proposes no city; the class
    # is read first: most entities are none, and their act word is not looked for)
    if not any(fits(c.cls, k) for k in lexicon().act_anaphor_classes):
        return
    tok = docs[m.block][m.head]
    verb = _act_word(tok)
    if verb is not None:
        acted.pop(verb, None)
        acted[verb] = (m.block, tok.i, m.sent, c)  # the last one acted on comes last


def _acted_on(m: Mention, word: str, docs: list, acted: dict) -> Cluster | None:
    """What a bare definite act noun refers back to (lexicon `act_anaphors`): "the proposal"
    after "X proposed a national consultation" is the consultation; not "Norland's
    proposal", "the proposal for a summit" nor "the proposal that X made"."""
    verbs = lexicon().act_anaphors.get(word)
    if not verbs or not m.definite or m.qualified or _complement_of(m):
        return None
    tok = docs[m.block][m.head]
    if any(ch.dep_ in ("poss", "acl", "relcl", "prep", "amod", "compound") for ch in tok.children):
        return None
    found = [a for v, a in acted.items() if v in verbs]
    if not found:
        return None
    block, i, sent, c = found[-1]
    if m.sent - sent > lexicon().act_anaphor_window:
        return None  # too far back to be the proposal meant
    # a verb of the act after it whose theme is no entity ("proposed that a ban be
    # imposed"), or a noun of it that is no bare "the proposal" ("Finland made a proposal of
    # its own"): the proposal is that one, unknown
    for b in range(block, m.block + 1):
        doc = docs[b]
        start = i + 1 if b == block else 0
        end = m.head if b == m.block else len(doc)
        if any(_new_act(t, verbs) for t in doc[start:end]):
            return None
    return c


def _new_act(t, words) -> bool:
    """A verb of the act, or a noun of it that is not a bare "the proposal"."""
    if t.pos_ == "VERB":
        return _phrasal(t) in words
    if t.pos_ != "NOUN" or t.lemma_.lower() not in words:
        return False
    return not (
        any(c.lower_ in lexicon().definite_determiners for c in t.children)
        and all(c.dep_ == "det" for c in t.children)
    )


def _names_by_word(mentions: list[Mention], clusters: list[Cluster]) -> dict:
    """(class, word of its name) -> the named entities, each with where it is first named."""
    first: dict[int, int] = {}
    for m in mentions:
        if m.label != "DESC" and m.cluster >= 0:
            first[m.cluster] = min(first.get(m.cluster, m.start), m.start)
    out: dict[tuple[str, str], list[tuple[int, Cluster]]] = {}
    for cid, start in sorted(first.items(), key=lambda item: item[1]):
        c = clusters[cid]
        for w in set(norm(c.label).split()):
            out.setdefault((c.cls, w), []).append((start, c))
    return out


def _named_later(m: Mention, ahead: dict, mentions: list[Mention], docs: list) -> Cluster | None:
    """A description of two words or more that comes before the name it describes, of its
    class and with all its words ("a trilateral framework ... the Trilateral Framework on
    Border Security"): the first such name after it; not when the description has a
    complement of its own or a word that sets it apart (lexicon `contrast_words`: "an
    earlier plan")."""
    words = set(m.key.split())
    complement = _complement_of(m)  # "a peace plan drawn up by X" is X's, not a later one
    lex = lexicon()
    if complement.split()[:1] and complement.split()[0] in lex.venue_preps:
        complement = ""  # "a major exercise in Norland": where it is held, no owner
    if len(words) < 2 or complement or words & lex.contrast_words:
        return None
    head = m.key.split()[-1]
    if not m.qualified:
        later = [_later_with(ahead, m, w) for w in words]
        common = set.intersection(*(set(names) for names in later))
        if common:
            return min((later[0][cid] for cid in common), key=lambda item: item[0])[1]
    # "a large naval exercise in Norland ... Exercise Iron Gate": the first name after it
    # with its head word, for a kind whose names carry that word (lexicon `named_by_head`),
    # if it is named nearby (`named_nearby`); a clause on it says nothing of whose it is
    named = {norm(w) for w in lex.named_by_head}
    found = _later_with(ahead, m, head) if head in named else {}
    if not found:
        return None
    start, c = min(found.values(), key=lambda item: item[0])
    name = next(x for x in c.mentions if x.start == start)
    return c if named_nearby(m, name, mentions, docs) else None


def named_nearby(m: Mention, name: Mention, mentions: list[Mention], docs: list) -> bool:
    """Whether a description of a kind whose names carry its head word ("a large naval
    exercise in Norland") may be the first such name after it ("Exercise Iron Gate"): the
    name comes in its sentence or within lexicon `named_by_head_window` sentences after it,
    in a sentence that does not turn to another story ("Separately, Sweden is hosting
    Exercise Iron Gate"; `topic_shift_words`), and when the description is held somewhere
    ("in Norland", `venue_preps`) the name is not placed only elsewhere ("Operation Sea
    Guard, which patrols the Velmar Strait"): the places in the name's phrase
    or on its verb's venue include the description's, or there are none."""
    lex = lexicon()
    if name.sent - m.sent > lex.named_by_head_window:
        return False
    tok = docs[name.block][name.head]
    if name.sent != m.sent:
        opening = tok.sent.text.lower()
        if any(
            opening.startswith(w) and not opening[len(w) : len(w) + 1].isalpha()
            for w in lex.topic_shift_words
        ):
            return False
    described = docs[m.block][m.head]
    held = _places_in(mentions, m, [*_venues(described), *_venues(_verb_of(described))])
    if not held:
        return True
    spans = [(tok.left_edge.i, tok.right_edge.i), *_venues(_verb_of(tok))]
    placed = _places_in(mentions, name, spans)
    return not placed or bool(held & placed)


def _verb_of(tok):
    """The verb a noun is the subject or an object of, if any."""
    return tok.head if tok.dep_ in ("nsubj", "nsubjpass") else governing_verb(tok)


def _venues(tok) -> list[tuple[int, int]]:
    """The token spans of the phrases that say where a word's thing is held ("in Norland"),
    on the word or on the verb of the clause ("will join a naval exercise in the Baltic")."""
    if tok is None:
        return []
    preps = lexicon().venue_preps
    return [
        (c.left_edge.i, c.right_edge.i)
        for c in tok.children
        if c.dep_ == "prep" and c.lower_ in preps
    ]


def _places_in(mentions: list[Mention], at: Mention, spans: list[tuple[int, int]]) -> set[str]:
    """The places named in these token spans of the block of `at`."""
    return {
        p.key
        for p in mentions
        if p.block == at.block
        and fits(p.cls or "", "Place")
        and p is not at
        and any(a <= p.head <= b for a, b in spans)
    }


def _later_with(ahead: dict, m: Mention, word: str) -> dict:
    """The entities of the description's class named after it with `word` in their name."""
    return {c.id: (start, c) for start, c in ahead.get((m.cls or "", word), []) if start > m.start}


def _complement_of(m: Mention) -> str:
    return norm(m.long)[len(norm(m.text)) :].strip() if m.long else ""


def _same_complement(first: Mention, m: Mention) -> bool:
    """ "the talks" may be "talks between X and Y"; "talks with Z" is not."""
    a, b = _complement_of(first), _complement_of(m)
    return not a or not b or a == b


def _differs(m: Mention, c: Cluster, docs: list) -> bool:
    """Whether a description is not the entity `c` for what it says it is about
    (`_other_content`) or for a word of time that sets `c` apart (lexicon `time_apart_words`:
    "the summit" is not the "next summit" named in an earlier paragraph; "the next summit"
    may be, and so may "the meeting" in the paragraph of "the next meeting")."""
    if _other_content(m, c, docs):
        return True
    words = norm(c.label).split()
    return (
        bool(words)
        and words[0] in lexicon().time_apart_words
        and c.label[:1].islower()  # a description ("next summit"), not a name ("Future ...")
        and words[0] not in norm(m.text).split()
        and all(n.block != m.block for n in c.mentions)
    )


def _named_possessor(m: Mention, docs: list) -> bool:
    """Whether a description's possessor is a name ("Galvan's proposal"): whose it is says
    more than the class, so it is not the last entity of its class named before it, which
    may be another's ("X put forward the idea of a common clearing unit. ... Galvan's
    proposal")."""
    tok = docs[m.block][m.head]
    return any(c.dep_ == "poss" and c.pos_ == "PROPN" for c in tok.children)


def _other_content(m: Mention, c: Cluster, docs: list) -> bool:
    """Whether a description says what it is about, in a phrase on its head (lexicon
    `content_preps`) or a to-infinitive, with words none of which the name of an entity
    named before has: "the proposal on the construction of a pipeline" is not "the Velmar
    proposal"; "the agreement on fisheries" may be the "Velmar Fisheries Agreement"."""
    tok = docs[m.block][m.head]
    lex = lexicon()
    content = [
        w
        for child in tok.children
        if (child.dep_ == "prep" and child.lower_ in lex.content_preps)
        or (child.dep_ in ("acl", "relcl") and any(a.lower_ == "to" for a in child.children))
        for w in child.subtree
        if w.pos_ in ("NOUN", "PROPN", "VERB", "ADJ")
    ]
    return bool(content) and not {norm(w.text) for w in content} & set(norm(c.label).split())


def _compatible(word: str, c: Cluster) -> bool:
    """A definite description may be the last entity of its class named before it only when
    its head word is an anaphor of that class (lexicon `anaphors`) and the entity's name has
    no other head word of a class (`head_classes`): "the election" is never the "Velmar
    War"."""
    lex = lexicon()
    if lex.anaphors.get(word) != c.cls:
        return False
    return not any(w != word and w in lex.head_classes for w in norm(c.label).split())


def start_of(m: Mention) -> int:
    return m.start
