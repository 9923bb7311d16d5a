"""Voices: who "I", "we" and "you" are in an interview printed as questions and answers,
and in a quotation whose speaker the reporting clause names.

In an article whose paragraphs open with a question or an answer mark ("Q:", "A:"; data:
data/patterns/frames.yaml `interview`), or with the speakers' names in capitals
("SURNAME: ..."), the answers speak for the person the introduction names: "I" is that
person, "we" the country or body of the post they hold, and "you" in a question is that
person too. In a quotation ('"We will send troops," X said'; lexicon
`quote_marks`) "I" is the subject of the reporting verb and "we" that subject's country or
body (a person's: the body of their current post). Elsewhere first-person words stay
unresolved.
"""

from __future__ import annotations

from collections.abc import Sequence

from kg.extract.clusters import Cluster
from kg.extract.lexicon import frames, lexicon

QUESTION, ANSWER = "question", "answer"


def block_roles(texts: Sequence[str], pieces_of: Sequence[int]) -> dict[int, str]:
    """The role of each parsed block: `texts[i]` is the text of block i, `pieces_of[i]` the
    paragraph it was cut from (a long paragraph is parsed in pieces, all of one role)."""
    marks = frames().interview
    roles: dict[int, str] = {}
    paragraph_role: dict[int, str] = {}
    for i, (text, paragraph) in enumerate(zip(texts, pieces_of, strict=True)):
        if paragraph in paragraph_role:
            roles[i] = paragraph_role[paragraph]
            continue
        head = text.lstrip()
        for role, key in ((QUESTION, "question_marks"), (ANSWER, "answer_marks")):
            if any(head.startswith(m) for m in marks.get(key, ())):
                roles[i] = paragraph_role[paragraph] = role
                break
        else:
            paragraph_role[paragraph] = ""
    if ANSWER not in roles.values():  # a stray "A:" is no interview
        return _labelled_roles(texts, pieces_of, roles)
    return roles


def _labelled_roles(
    texts: Sequence[str], pieces_of: Sequence[int], marked: dict[int, str]
) -> dict[int, str]:
    """A transcript whose paragraphs open with the speaker's name in capitals ("SURNAME:
    ..."): the label whose paragraphs ask (most end in a question mark) is the interviewer's,
    its paragraphs questions (with those opened by a question mark, `marked`); the one other
    label is the interviewee's, its paragraphs answers. Nothing when more than one label
    answers (a press conference of several speakers; "NORLAND: ..." sections of a brief)."""
    labels: dict[int, str] = {}
    for text, paragraph in zip(texts, pieces_of, strict=True):
        if paragraph in labels:
            continue
        head, colon, _rest = text.lstrip().partition(":")
        words = head.replace("-", " ").replace("'", " ").split()
        if colon and 1 <= len(words) <= 4 and all(w.isalpha() and w.isupper() for w in words):
            labels[paragraph] = head
    asking: dict[str, list[bool]] = {}
    for paragraph, label in labels.items():
        body = " ".join(t for t, p in zip(texts, pieces_of, strict=True) if p == paragraph)
        asking.setdefault(label, []).append(body.rstrip().endswith("?"))
    answering = [k for k, asks in asking.items() if sum(asks) * 2 < len(asks)]
    if len(answering) != 1 or len(asking[answering[0]]) < 2:
        return {}
    roles = dict(marked)
    for i, paragraph in enumerate(pieces_of):
        label = labels.get(paragraph)
        if label is not None:
            roles[i] = ANSWER if label == answering[0] else QUESTION
    if QUESTION not in roles.values():
        return {}
    return roles


def interviewee(roles: dict[int, str], mentions, clusters) -> int | None:
    """The person the introduction names: the first person (a name of two words or more)
    mentioned before the first question or answer."""
    if not roles:
        return None
    first = min(roles)
    for m in sorted(mentions, key=lambda m: m.start):
        if m.block >= first:
            break
        if m.cluster < 0:
            continue
        c = clusters[m.cluster]
        if c.cls == "Person" and len(c.label.split()) >= 2:
            return c.id
    return None


def voice_of(word: str, role: str) -> str | None:
    """ "speaker" for I/me/my in an answer and you/your in a question, "group" for
    we/us/our in an answer; else None."""
    marks = frames().interview
    if role == ANSWER and word in marks.get("speaker", ()):
        return "speaker"
    if role == QUESTION and word in marks.get("addressee", ()):
        return "speaker"
    if role == ANSWER and word in marks.get("group", ()):
        return "group"
    return None


class Voices:
    """The interview lookups of ArticleIndex (kg/extract/resolve.py mixes them in): who "I"
    and "we" are in an answer."""

    def _we_pair(self, block: int, tok) -> list[tuple[Cluster, bool]]:
        """ "we" as the subject of a clause coordinated with one where the speaker met a
        person ("I met Foreign Minister X, and we signed a memorandum"): the two of them,
        each with whether finding it took a guess."""
        verb = tok.head
        if tok.dep_ != "nsubj" or verb.dep_ != "conj" or verb.head.i >= verb.i:
            return []
        first = verb.head
        role = self.roles[block]
        speaker = [c for c in first.children if c.dep_ == "nsubj"]
        if not speaker or voice_of(speaker[0].lower_, role) != "speaker":
            return []
        for obj in first.children:
            words = [obj] if obj.dep_ == "dobj" else []
            if obj.dep_ == "prep":  # "I met with X"
                words = [c for c in obj.children if c.dep_ == "pobj"]
            for word in words:
                refs = self._refs_one(block, word)
                if refs and refs[0].cluster.cls == "Person":
                    me = self._voice("speaker")
                    if me is None:
                        return []
                    return [(me, True), (refs[0].cluster, refs[0].guessed)]
        return []

    def _voice(self, voice: str) -> Cluster | None:
        """The interviewee ("I"), or the country or body of the post they hold ("we"):
        the first post found for them, else the first country the introduction names."""
        person = self.clusters[self.interviewee]  # type: ignore[index]
        if voice == "speaker":
            return person
        for _offset, post, former in self.holdings.get(person.id, []):
            if not former and post.of is not None:
                return self.clusters[post.of]
        first = min(self.roles)
        for m in self.ordered:
            if m.block >= first:
                break
            if self.clusters[m.cluster].cls == "Country":
                return self.clusters[m.cluster]
        return None

    def _quoted_voice(self, block: int, tok) -> Cluster | None:
        """ "I" / "we" inside a quotation that a reporting verb with a subject governs
        ('"We will send 200 troops," Norland's foreign minister, X, said'): "I" is that
        subject, "we" the subject when it is a country or body, else the country or body of
        the person's current post."""
        marks = frames().interview
        low = tok.lower_
        voice = "speaker" if low in marks.get("speaker", ()) else None
        if voice is None and low in marks.get("group", ()):
            voice = "group"
        if voice is None or not _inside_a_quotation(tok):
            return None
        clause = next((a for a in tok.ancestors if a.dep_ == "ccomp"), None)
        if clause is None or clause.head.lemma_.lower() not in lexicon().reporting_verbs:
            return None
        subject = next((c for c in clause.head.children if c.dep_ == "nsubj"), None)
        if subject is None:
            subject = _phrase_after_quotation(clause.head)
        first_person = set(marks.get("speaker", ())) | set(marks.get("group", ()))
        if subject is None or subject.lower_ in first_person:
            return None
        # a title with the name in apposition ("Norland's foreign minister, X, said"): X
        words = [c for c in subject.children if c.dep_ == "appos"] + [subject]
        refs = [r for w in words for r in self._refs_one(block, w) if r.cluster.cls != "Position"]
        if not refs and voice == "group":
            # a title with no name speaks for the body it names ("a spokesperson for the
            # Norlandic trade office": the office)
            refs = [
                r
                for p in subject.children
                if p.dep_ == "prep" and p.lower_ in lexicon().speaker_preps
                for o in p.children
                if o.dep_ == "pobj"
                for r in self._refs_one(block, o)
                if r.cluster.cls not in ("Position", "Person")
            ]
        if not refs:
            return None
        who = self.as_actor(refs[0]).cluster
        if voice == "speaker":
            return who if who.cls == "Person" else None
        if who.cls != "Person":
            return who
        if tok.dep_ == "nsubj" and tok.head.lemma_.lower() in lexicon().personal_verbs:
            return who  # '"We met X," said Y': Y meets X, not Y's country
        # a country only through a post that speaks for it (frames.yaml `state_titles`, not
        # `non_state_titles`: "a Norlandic opposition lawmaker" says "we" for no country);
        # else the body of the post ("a spokesperson for the party")
        f = frames()
        for _offset, post, former in self.holdings.get(who.id, []):
            if former or post.of is None:
                continue
            owner = self.clusters[post.of]
            words = set(post.label.lower().replace("-", " ").split())
            if owner.cls != "Country":
                return owner
            if words & f.state_titles and not words & f.non_state_titles:
                return owner
        return None


def _inside_a_quotation(tok) -> bool:
    """Whether a word is inside a quotation of its sentence: after an opening mark that no
    closing mark follows (lexicon `quote_marks`, `closing_quote_marks`), or after an odd
    number of marks that open and close alike; not after a closed quoted word (who
    called the plan "dead", said we ...)."""
    lex = lexicon()
    inside = False
    for t in tok.sent:
        if t.i >= tok.i:
            break
        if t.text in lex.closing_quote_marks:
            inside = False
        elif t.text in lex.opening_quote_marks:
            inside = True
        elif t.text in lex.quote_marks:
            inside = not inside
    return inside


def _phrase_after_quotation(verb):
    """The head of the noun phrase between a quotation's closing mark and its reporting
    verb, when the parser hung that phrase on the quotation and left the verb with no
    subject ('"... the Velmar Mission," Norland's foreign minister, X, said': "minister"
    parsed as an apposition of "Mission"); None unless exactly one noun heads it."""
    lex = lexicon()
    marks = lex.closing_quote_marks | lex.quote_marks
    start = None
    for t in verb.sent:
        if t.i >= verb.i:
            break
        if t.text in marks:
            start = t.i + 1
    if start is None or start >= verb.i:
        return None
    heads = [
        t
        for t in verb.doc[start : verb.i]
        if not start <= t.head.i < verb.i and t.pos_ in ("NOUN", "PROPN")
    ]
    return heads[0] if len(heads) == 1 else None
