"""Relations stated by verbs and nouns (data/patterns/frames.yaml), with their modality
and attribution."""

from __future__ import annotations

from dataclasses import dataclass

from kg.extract.lexicon import Frame, frames, lexicon
from kg.extract.resolve import ArticleIndex, Ref

COPULAS = {"be", "become", "remain"}


@dataclass
class Candidate:
    subject: Ref
    predicate: str
    object: Ref
    block: int
    sent: object  # the spaCy Span of the sentence
    modality: str
    attributed: Ref | None
    confidence: float
    method: str
    qualifiers: tuple[str, ...] = ()


# -- arguments ----------------------------------------------------------------------------


def _children(tok, *deps: str) -> list:
    return [c for c in tok.children if c.dep_ in deps]


def is_passive(verb) -> bool:
    return any(c.dep_ in ("nsubjpass", "auxpass") for c in verb.children) or (
        verb.dep_ == "acl" and verb.tag_ == "VBN"
    )


def _duty(verb):
    """ "disarming the militia is not Uruguay's responsibility": the noun 'responsibility'."""
    if verb.dep_ in ("csubj", "nsubj") and verb.tag_ == "VBG":
        for attr in _children(verb.head, "attr"):
            if attr.lemma_.lower() in frames().duty_nouns and _children(attr, "poss"):
                return attr
    return None


def subjects(verb) -> list:
    """The tokens that do what `verb` says (for a passive: the agent)."""
    duty = _duty(verb)
    if duty is not None:
        return _children(duty, "poss")
    if is_passive(verb):
        return [p for a in _children(verb, "agent") for p in _children(a, "pobj")]
    found = _children(verb, "nsubj")
    if found:
        return found
    head = verb.head
    if verb.dep_ in ("xcomp", "advcl") and head.i != verb.i:
        if head.pos_ == "ADJ" and head.dep_ in ("acomp", "amod"):
            head = head.head
        if head.lemma_.lower() in frames().creation_verbs:
            made = _children(head, "dobj")
            if made:
                return made
        if is_passive(head) and not _children(head, "agent"):
            raised = _children(head, "nsubjpass")  # "X is expected to visit"
            if raised:
                return raised
        return subjects(head)
    if verb.dep_ == "conj" and head.i != verb.i:
        return subjects(head)
    if verb.dep_ in ("relcl", "acl") and not is_passive(verb):
        return [head]
    return []


def direct_objects(verb) -> list:
    if is_passive(verb):
        found = _children(verb, "nsubjpass")
        if not found and verb.dep_ in ("acl", "relcl"):
            found = [verb.head]
        return found
    return _children(verb, "dobj")


def prep_objects(tok, preposition: str) -> list:
    out = []
    for prep in tok.children:
        if prep.dep_ in ("prep", "dative") and prep.lower_ == preposition:
            out += _children(prep, "pobj")
    return out


# -- modality and attribution ---------------------------------------------------------------


def _chain(tok):
    """The token and the words it depends on, up to the clause that reports it."""
    reporting = lexicon().reporting_verbs
    current = tok
    seen = 0
    while True:
        yield current
        if current.dep_ == "ROOT" or seen > 8:
            return
        if current.lemma_.lower() in reporting and current.i != tok.i:
            return
        current = current.head
        seen += 1


def modality(tok) -> str | None:
    """How firmly the clause of `tok` states it; None when it is only asked for."""
    f = frames()
    found: set[str] = set()
    negated = False
    duty = _duty(tok)
    if duty is not None:  # "X is (not) Y's responsibility": Y takes it on, or refuses it
        negated_duty = any(c.dep_ == "neg" for c in tok.head.children)
        return "refused" if negated_duty else "asserted"
    for word in _chain(tok):
        lemma = word.lemma_.lower()
        if word.i != tok.i and lemma in lexicon().reporting_verbs:
            break
        if word.i != tok.i and lemma in f.blocking_heads:
            return None
        if word.i != tok.i and lemma in f.modality_heads and word.pos_ in ("VERB", "AUX", "ADJ"):
            found.add(f.modality_heads[lemma])
        for child in word.children:
            low = child.lower_
            if child.dep_ == "neg":
                negated = True
            elif child.dep_ == "aux" and low in f.modal_aux:
                found.add(f.modal_aux[low])
            elif child.dep_ == "amod" and child.lower_ in ("proposed", "planned", "planned"):
                found.add("planned")
        if word.dep_ not in ("xcomp", "conj", "advcl", "acomp", "ccomp", "relcl", "acl"):
            break
    if negated:
        return "refused" if found & {"planned", "offered", "refused"} else "negated"
    for level in ("refused", "offered", "considered", "possible", "planned"):
        if level in found:
            return level
    return "asserted"


def _speaker(index: ArticleIndex, block: int, subj) -> list[Ref]:
    """The speaker a subject names; a title stands for the person in apposition to it."""
    refs = index.refs(block, subj, with_conj=False)
    if refs and refs[0].cluster.cls == "Position":
        people = [
            r
            for c in subj.children
            if c.dep_ == "appos"
            for r in index.refs(block, c, with_conj=False)
            if r.cluster.cls == "Person"
        ]
        return people
    return refs


def attribution(index: ArticleIndex, block: int, tok) -> Ref | None:
    """Who says so: 'according to X', or the subject of a reporting verb above `tok`."""
    sent = tok.sent
    for word in sent:
        if word.lower_ == "according":
            for to in word.children:
                for pobj in _children(to, "pobj"):
                    refs = index.refs(block, pobj, with_conj=False)
                    if refs:
                        return refs[0]
    reporting = lexicon().reporting_verbs
    current = tok
    for _ in range(10):
        if current.lemma_.lower() in reporting and current.i != tok.i:
            for subj in _children(current, "nsubj"):
                refs = _speaker(index, block, subj)
                if refs:
                    return index.as_actor(refs[0])
        if current.dep_ == "ROOT":
            break
        current = current.head
    # "X declined to send warships, Y said": the reporting verb heads the sentence
    root = sent.root
    if root.lemma_.lower() in reporting and root.i != tok.i:
        for subj in _children(root, "nsubj"):
            refs = _speaker(index, block, subj)
            if refs:
                return index.as_actor(refs[0])
    return None


# -- frames ------------------------------------------------------------------------------------


def _has_contribution(verb) -> bool:
    nouns = lexicon().contribution_nouns
    for obj in direct_objects(verb) + _children(verb, "dobj", "attr", "npadvmod"):
        if obj.lemma_.lower() in nouns or obj.lower_ in nouns:
            return True
        if any(
            c.lemma_.lower() in nouns
            for c in obj.children
            if c.dep_ in ("prep",)
            for c in c.children
        ):
            return True
    return any(_has_contribution(xcomp) for xcomp in _children(verb, "xcomp"))


def _objects(index: ArticleIndex, block: int, tok, frame: Frame, anchor) -> list[Ref]:
    out: list[Ref] = []
    for spec in frame.objects:
        if spec == "dobj":
            for obj in direct_objects(tok):
                out += index.refs(block, obj)
        elif spec.startswith("prep:"):
            prep = spec.split(":", 1)[1]
            holders = [tok, *direct_objects(tok)]
            for obj in direct_objects(tok):  # "send a team of engineers to X"
                holders += [
                    t
                    for t in obj.subtree
                    if t.dep_ == "pobj" and t.i != obj.i and t.head.lower_ == "of"
                ]
            if tok.dep_ == "nsubj" and tok.head.lemma_.lower() in COPULAS:
                holders.append(tok.head)  # "the headquarters will be in Valparaiso"
            if anchor is not None:  # "hold talks on trade and the war with Peru"
                holders += [t for t in anchor.subtree if t.pos_ in ("NOUN", "PROPN")]
            for holder in holders:
                for pobj in prep_objects(holder, prep):
                    out += index.refs(block, pobj)
        elif spec == "implicit" and not out:
            c = index.salient_force(block, tok)
            if c is not None:
                out.append(Ref(c, True))
        if out:
            break
    return out


def verb_candidates(index: ArticleIndex, block: int, doc) -> list[Candidate]:
    f = frames()
    out: list[Candidate] = []
    for tok in doc:
        if tok.pos_ not in ("VERB", "AUX"):
            continue
        lemma = tok.lemma_.lower()
        for frame in f.verbs:
            if lemma not in frame.lemmas:
                continue
            anchor = None
            if frame.noun:
                anchor = next(
                    (
                        o
                        for o in direct_objects(tok) + _children(tok, "dobj")
                        if o.lemma_.lower() in frame.noun or o.lower_ in frame.noun
                    ),
                    None,
                )
                if anchor is None:
                    continue
            if frame.needs == "contribution" and not _has_contribution(tok):
                continue
            out += _emit(index, block, tok, frame, subjects(tok), anchor)
    return out


def noun_candidates(index: ArticleIndex, block: int, doc) -> list[Candidate]:
    f = frames()
    out: list[Candidate] = []
    for tok in doc:
        if tok.pos_ not in ("NOUN", "PROPN"):
            continue
        lemma = tok.lemma_.lower()
        for frame in f.nouns:
            if lemma not in frame.lemmas and tok.lower_ not in frame.lemmas:
                continue
            subj = []
            if tok.dep_ == "attr" and tok.head.lemma_.lower() in COPULAS:
                subj = subjects(tok.head)
            elif tok.dep_ == "appos":
                subj = [tok.head]
            elif tok.dep_ in ("dobj", "attr") and tok.head.lemma_.lower() in (
                "take",
                "have",
                "make",
            ):
                subj = subjects(tok.head)
            poss = _children(tok, "poss")
            if poss and not subj:
                subj = poss
            out += _emit(index, block, tok, frame, subj, None)
            if frame.predicate in _SYMMETRIC_NOUNS:
                out += _between(index, block, tok, frame)
    return out


_SYMMETRIC_NOUNS = {"holdsTalksWith", "meets"}


def _between(index: ArticleIndex, block: int, tok, frame: Frame) -> list[Candidate]:
    """ "talks between X and Y": X and Y hold talks with each other."""
    out = []
    for first in prep_objects(tok, "between"):
        refs = index.refs(block, first)
        said = attribution(index, block, tok)
        level = modality(tok.head) or "asserted"
        for i, a in enumerate(refs):
            for b in refs[i + 1 :]:
                out.append(
                    Candidate(
                        subject=a,
                        predicate=frame.predicate,
                        object=b,
                        block=block,
                        sent=tok.sent,
                        modality=level,
                        attributed=said,
                        confidence=round(
                            frame.confidence - (0.15 if a.guessed or b.guessed else 0), 3
                        ),
                        method=f"frame:{frame.name}-between",
                    )
                )
    return out


def _emit(
    index: ArticleIndex, block: int, tok, frame: Frame, subj_tokens: list, anchor
) -> list[Candidate]:
    level = modality(tok) if tok.pos_ in ("VERB", "AUX") else modality(tok.head)
    if level is None:
        return []
    subjects_ = [r for s in subj_tokens for r in index.refs(block, s)]
    objects_ = _objects(index, block, tok, frame, anchor)
    if not subjects_ or not objects_:
        return []
    if frame.modality and level == "asserted":
        level = frame.modality
    said = attribution(index, block, tok)
    out = []
    for s in subjects_:
        for o in objects_:
            subject, obj = (o, s) if frame.inverse else (s, o)
            guessed = subject.guessed or obj.guessed
            out.append(
                Candidate(
                    subject=subject,
                    predicate=frame.predicate,
                    object=obj,
                    block=block,
                    sent=tok.sent,
                    modality=level,
                    attributed=said,
                    confidence=round(frame.confidence - (0.15 if guessed else 0.0), 3),
                    method=f"frame:{frame.name}",
                )
            )
    return out
