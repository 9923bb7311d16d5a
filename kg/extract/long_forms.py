"""The longer forms a description is named by that its label leaves out: a complement with
a gerund and its object ("a text on sharing the profits", "an accord on filling the dam"),
who it is by ("a call by Velmar lawmakers") and a gerund clause on its head ("a resolution
renewing the mandate"). Readers and gold name such a plan by its whole phrase; kg writes
them as other names of the entity (aliases), never as its label, so they change no linking."""

from __future__ import annotations

# prepositions of a complement that may hold a gerund ("an agreement on sharing the river")
_GERUND_PREPS = frozenset({"on", "for", "of", "to", "about"})
_ABOUT = frozenset({"on", "about"})
_MAX_WORDS = 9


def long_forms(root) -> list:
    """The words right after a description's head `root` that name it with it, in the
    longer forms the complement rules leave out (see the module's docstring): each a list
    of tokens, contiguous from `root.i + 1`; [] when there is none."""
    doc = root.doc
    after = root.i + 1
    if after >= len(doc):
        return []
    nxt = doc[after]
    on_verb = nxt.head.i == root.head.i and root.dep_ == "dobj" and nxt.lower_ in _ABOUT
    if nxt.head.i != root.i and not on_verb:
        return []  # the parser may hang "on X-ing" after an object on its verb; not "by",
        # "for" ("signed the accord by video link", "thanked the council for hosting it")
    if nxt.dep_ == "prep" and nxt.lower_ in _GERUND_PREPS:
        gerund = next((c for c in nxt.children if c.dep_ == "pcomp"), None)
        if gerund is None or gerund.tag_ != "VBG":
            return []
        words = _phrase(nxt)
    elif nxt.dep_ in ("prep", "agent") and nxt.lower_ == "by":
        agent = next((c for c in nxt.children if c.dep_ == "pobj"), None)
        if agent is None or agent.pos_ not in ("NOUN", "PROPN"):
            return []
        words = _phrase(nxt)
    elif nxt.dep_ == "acl" and nxt.tag_ == "VBG" and _has_object(nxt):
        words = _phrase(nxt)
    else:
        return []
    return words


def _has_object(verb) -> bool:
    return any(c.dep_ == "dobj" and c.pos_ in ("NOUN", "PROPN") for c in verb.children)


def _phrase(head) -> list:
    """The words of `head`'s subtree from `head`, up to a comma, a bracket or a clause of
    their own (a relative clause, a to-infinitive); [] when it is longer than the longest
    name, names a date, or is not one run of words."""
    out = []
    for tok in head.doc[head.i : head.right_edge.i + 1]:
        ends = tok.text in ",;:()[]" or tok.is_quote or tok.dep_ in ("relcl", "acl", "advcl")
        if ends and tok.i != head.i:
            break
        if tok.ent_type_ in ("DATE", "TIME") or tok.dep_ in ("aux", "mark"):
            return []
        out.append(tok)
    while out and out[-1].is_punct:
        out.pop()
    if len(out) > _MAX_WORDS or len(out) < 2:
        return []
    return out
