"""Voices: who "I", "we" and "you" are in an interview printed as questions and answers.

In an article whose paragraphs open with a question or an answer mark ("Q:", "A:"; data:
data/patterns/frames.yaml `interview`), the answers speak for the person the introduction
names: "I" is that person, "we" the country or body of the post they hold, and "you" in a
question is that person too. Outside such articles first-person words stay unresolved.
"""

from __future__ import annotations

from collections.abc import Sequence

from kg.extract.lexicon import frames

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
