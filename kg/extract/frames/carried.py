"""Relations a later clause continues (data: frames.yaml `carried`): "X imposed sanctions on
Y. The measures target Z" states that X sanctions Z too ("P reshuffled the cabinet. Y was
named interior minister": P appointed Y); and relations a later clause repeats
for its own subjects (`echoes`): "A will send officers to X, and B is considering a similar
step" states that B considers contributing to X."""

from __future__ import annotations

from collections.abc import Callable

from kg.extract.actors import actor_refs
from kg.extract.doc_memo import sentence
from kg.extract.frames.candidates import Candidate, attribution
from kg.extract.lexicon import frames, lexicon
from kg.extract.resolve import ArticleIndex
from kg.extract.syntax.arguments import child_deps
from kg.extract.syntax.clauses import Clause
from kg.ontology import fits


def _continued_objects(tok, clause: Clause, rule: dict) -> list:
    """The tokens a clause adds to a relation stated before: "The measures target X"
    (a verb of `verbs` whose subject is one of `nouns`), "X and Y were also listed" (a
    passive of `passive` without an agent), "Also on the list are X", "the most senior
    person targeted is X" (a copula with `on`/`among` one of `nouns`, or with a side that
    a participle of `passive` describes)."""
    doc = tok.doc
    nouns, lemma = rule["nouns"], tok.lemma_.lower()
    if not clause.passive and lemma in rule["verbs"]:
        if any(_names_the_act(doc[i], rule) for i in clause.subjects):
            return [doc[i] for i in clause.objects]
        return []
    if not rule["relative"] and tok.dep_ == "relcl":
        return []  # "Y, who was named envoy in 2019": not the appointment the story tells
    if (
        clause.passive
        and {lemma, clause.lemma} & rule["passive"]
        and tok.dep_ not in ("acl", "amod")
    ):
        if not child_deps(tok, "agent"):
            return [doc[i] for i in clause.objects]
        return []
    if lemma != "be":
        return []
    sides = child_deps(tok, "nsubj", "attr")
    if len(sides) != 2 and not (
        len(sides) == 1 and any(p.lower_ in rule["be_preps"] for p in child_deps(tok, "prep"))
    ):
        return []
    for prep in child_deps(tok, "prep"):
        if prep.lower_ in rule["be_preps"] and any(
            o.lemma_.lower() in nouns for o in child_deps(prep, "pobj")
        ):
            return sides

    def described(side) -> bool:
        return any(
            t.lemma_.lower() in rule["passive"] and t.tag_ == "VBN" and t.i != side.i
            for t in side.subtree
        )

    if len(sides) == 2:
        for a, b in (sides, sides[::-1]):
            if described(a) and not described(b):
                return [b]
    return []


def _names_the_act(subject, rule: dict) -> bool:
    """Whether a subject names the act a clause continues: one of `nouns` ("The measures
    target X"), or one of `pronouns` when the sentence before has one of `nouns` as its
    subject ("The measures freeze their assets. They target X")."""
    if subject.lemma_.lower() in rule["nouns"]:
        return True
    if subject.lower_ not in rule["pronouns"] or subject.sent.start == 0:
        return False
    before = subject.doc[subject.sent.start - 1].sent.root
    return any(s.lemma_.lower() in rule["nouns"] for s in child_deps(before, "nsubj", "nsubjpass"))


def _removed(tok, clause: Clause, rule: dict) -> bool:
    """A passive of `removed` without an agent, from one of `nouns`: "the name of X was
    removed from the list", "X was dropped from the package"."""
    return (
        clause.passive
        and tok.lemma_.lower() in rule["removed"]
        and not child_deps(tok, "agent")
        and any(
            p.lower_ == "from"
            and any(o.lemma_.lower() in rule["nouns"] for o in child_deps(p, "pobj"))
            for p in child_deps(tok, "prep")
        )
    )


def carried_candidates(
    index: ArticleIndex, block: int, tok, clause: Clause, names_post: Callable[[], bool]
) -> list[Candidate]:
    """Relations a clause continues (data: frames.yaml `carried`): the subject is the
    subject of the last clause of that predicate, at most `window` sentences before (or of
    a clause of `opens`: "P reshuffled his cabinet"); with `inverse` the relation goes from
    what the clause names to that subject ("Y was named minister": Y is appointed by P), and
    with `needs: post` only a clause that names a post continues it (`names_post`)."""
    out: list[Candidate] = []
    # a clause only asked for (modality None) continues nothing; its modality is read
    # only where it matters (most clauses open and continue nothing), but before any
    # reference is resolved, so that nothing is resolved for such a clause
    for predicate, rule in frames().carried.items():
        if clause.lemma in rule["opens"]:
            if clause.modality is None:
                return out
            if clause.modality != "asserted":
                continue
            openers = [r for i in clause.subjects for r in actor_refs(index, block, tok.doc[i])]
            if openers:
                index.carry[predicate] = (index.sentence_number(index.pos(block, tok)), openers)
            continue
        last = index.carry.get(predicate)
        if last is None:
            continue
        here = index.sentence_number(index.pos(block, tok))
        if not 0 <= here - last[0] <= rule["window"]:
            continue
        if clause.modality is None:
            return out
        found = _continued_objects(tok, clause, rule)
        level = clause.modality
        if not found and _removed(tok, clause, rule):
            # "the name of X was removed from the list": X is not sanctioned
            found, level = [tok.doc[i] for i in clause.objects], "negated"
        if found and rule["needs"] == "post" and not names_post():
            continue  # "X was named in the report" appoints no one
        if found and rule["not_posts"] and _post_words(tok) & rule["not_posts"]:
            continue  # "X was sworn in as president": an inauguration, no one appoints
        if found and rule["dated"] and _dated(tok, rule["dated"]):
            continue  # "Berg was named ambassador in 2015": background, not this appointment
        if found and rule["not_owners"] and _post_owners(index, block, tok) & rule["not_owners"]:
            continue  # "X was named chair of her party": the party's post, not the government's
        objects_ = []
        for obj in found:
            for r in actor_refs(index, block, obj):
                if all(r.cluster.id != o.cluster.id for o in objects_):
                    objects_.append(r)
        said = attribution(index, block, tok) if objects_ else None
        carriers = rule["carriers"]
        places = _places(index, block, tok) if rule["same_country"] else None
        for s in last[1]:
            if carriers and not any(fits(s.cluster.cls, c) for c in carriers):
                continue  # "South Korea swears in a new chief": the one who appoints is named
            home = None
            if places is not None and s.cluster.cls == "Person":
                home = index.country_of(s.cluster, block, tok)
                if places and (home is None or _country_key(home) not in places):
                    continue  # "In neighbouring Velmar, X was named prime minister"
            for o in objects_:
                if home is not None and o.cluster.cls == "Person":
                    theirs = index.country_of(o.cluster, block, tok)
                    if theirs is not None and theirs.id != home.id:
                        continue  # "X, the Swedish opposition leader, was named ..."
                subject, obj = (o, s) if rule["inverse"] else (s, o)
                out.append(
                    Candidate(
                        subject=subject,
                        predicate=predicate,
                        object=obj,
                        block=block,
                        sent=sentence(tok),
                        modality=level,
                        attributed=said,
                        confidence=rule["confidence"],
                        method=f"carried:{predicate}",
                    )
                )
    return out


def _places(index: ArticleIndex, block: int, verb) -> set[str]:
    """Where a clause places itself ("In neighbouring Velmar, X was named ...": a
    prepositional phrase of `in` on the verb with a place's name; "in June", "in a
    reshuffle", "in Parliament" name none), each as the country it is or is the capital of
    (`_country_key`), "?" for a name read as a person's or a firm's ("Velmar")."""
    out = set()
    for p in child_deps(verb, "prep"):
        if p.lower_ != "in":
            continue
        for o in child_deps(p, "pobj"):
            classes = {r.cluster.cls: r.cluster for r in index.refs(block, o)}
            if any(fits(cls, "Organization") for cls in classes):
                continue  # "In Parliament, X was named deputy speaker": where, not a country
            keys = {_country_key(c) for cls, c in classes.items() if fits(cls, "Place")}
            if not keys and o.pos_ == "PROPN" and o.ent_type_ not in ("DATE", "TIME"):
                keys = {"?"}  # a name read as a person's or a firm's ("In Velmar next door")
            out |= keys
    return out


def _country_key(c) -> str:
    """A place's country: the entity, or the country a capital stands for (metonym)."""
    entry = c.metonym_of or c.entry
    return entry.label if entry is not None else f"#{c.id}"


def _post_owners(index: ArticleIndex, block: int, verb) -> set[str]:
    """The classes of the owners of the post a clause names: "was named chair of the Velmar
    Unity Party", "chair of her party" (a noun of lexicon head_classes), "the party's
    chair"."""
    out = set()
    for title in _post_tokens(verb):
        owners = [
            o for p in child_deps(title, "prep") if p.lower_ == "of" for o in child_deps(p, "pobj")
        ]
        owners += child_deps(title, "poss")
        for o in owners:
            out |= {r.cluster.cls for r in index.refs(block, o)}
            cls = lexicon().head_classes.get(o.lemma_.lower())
            if cls is not None:
                out.add(cls)
    return out


def _post_words(verb) -> set[str]:
    """The head words of the post a verb names."""
    return {t.lemma_.lower() for t in _post_tokens(verb)}


def _post_tokens(verb) -> list:
    """The head words of the post a verb names: "was named minister", "was sworn in as
    president"."""
    said = [c for c in verb.children if c.dep_ in ("oprd", "attr")]
    said += [o for p in child_deps(verb, "prep") if p.lower_ == "as" for o in child_deps(p, "pobj")]
    return said


def _dated(verb, words: frozenset[str]) -> bool:
    """Whether a clause is dated to another time than the story's: a year ("in 2015") or a
    word of `words` ("last year", "two years ago")."""
    doc = verb.doc
    # the clause's own words, not those of a relative clause on its subject ("A, who was
    # ambassador until last year, was sworn in as foreign minister")
    own = [
        t for c in verb.children if c.dep_ not in ("nsubj", "nsubjpass", "conj") for t in c.subtree
    ]
    for t in own:
        two = f"{t.lower_} {doc[t.i + 1].lower_}" if t.i + 1 < len(doc) else ""
        if t.lower_ in words or two in words:
            return True
        if t.like_num and len(t.text) == 4 and t.text.isdigit() and 1900 <= int(t.text) <= 2100:
            return True
    return False


def _echoing_noun(tok, clause: Clause, rule: dict) -> bool:
    """Whether the clause's object is a noun for the act before: "a similar step", "the same
    move" (a word of `markers`), or any of `nouns` after a verb of `bare_verbs` ("join the
    package"), unless the noun says whose it is or what it is for ("join the alliance's
    effort to end the war" is another act, not the one before)."""
    doc = tok.doc
    bare = tok.lemma_.lower() in rule["bare_verbs"]
    for i in clause.objects:
        obj = doc[i]
        if obj.lemma_.lower() not in rule["nouns"]:
            continue
        if any(c.lower_ in rule["markers"] for c in obj.children):
            return True
        if bare and not any(_own_act(c) for c in obj.children):
            return True
    return False


def _own_act(child) -> bool:
    """A child that makes a noun another act than the one before: a possessor ("the
    alliance's effort"), a clause ("effort to end the war") or whose it is ("of", "by")."""
    return child.dep_ in ("poss", "acl", "relcl") or (
        child.dep_ == "prep" and child.lower_ in ("of", "by")
    )


def echo_candidates(
    index: ArticleIndex, block: int, tok, clause: Clause, last: tuple | None
) -> list[Candidate]:
    """ "A will send officers to X, and B is considering a similar step": B's clause repeats
    the last relation a verb stated before the clause (`last`: ArticleIndex.echo), when it is
    one of frames.yaml `echoes` predicates and at most `window` sentences before, with B as
    its subject and the modality the verb gives (considered) or its own."""
    rule = frames().echoes
    if last is None or last[1] not in rule["predicates"]:
        return []  # the last relation stated is not one a later clause repeats
    lemma = tok.lemma_.lower()
    if lemma not in rule["verbs"]:
        return []
    if clause.modality in (None, "negated", "refused"):
        return []
    here = index.sentence_number(index.pos(block, tok))
    if not 0 <= here - last[0] <= rule["window"] or not _echoing_noun(tok, clause, rule):
        return []
    doc = tok.doc
    subjects_ = []
    for i in clause.subjects:
        for r in actor_refs(index, block, doc[i]):
            if all(r.cluster.id != s.cluster.id for s in subjects_):
                subjects_.append(r)
    level = rule["verbs"][lemma] or clause.modality
    said = attribution(index, block, tok) if subjects_ else None
    return [
        Candidate(
            subject=s,
            predicate=last[1],
            object=o,
            block=block,
            sent=sentence(tok),
            modality=level,
            attributed=said,
            confidence=rule["confidence"],
            method=f"echo:{last[1]}",
        )
        for s in subjects_
        for o in last[2]
        if s.cluster.id != o.cluster.id
    ]
