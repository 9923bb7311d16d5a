"""Who a description stands for when it is a title or a government: "the minister" is
the holder of that very title named before ("Foreign Minister X", never "Vice President Y"
for "the president"), "the Norlandic government" is Norland. A part of ArticleIndex
(kg/extract/resolve.py), which mixes it in."""

from __future__ import annotations

import re

from kg.extract.clusters import Cluster
from kg.extract.lexicon import frames, lexicon
from kg.extract.phrases.titles import title_data

_NOBODY = Cluster(-1, "", "")  # an owner the text names, but of no entity found


class Descriptions:
    """The title and government lookups of ArticleIndex (they use its mentions, holdings
    and lookups)."""

    def _government(self, block: int, tok) -> Cluster | None:
        """A country's government stands for the country (lexicon `government_nouns`): the
        country the text names with it ("the Norlandic government", "Norland's government",
        "the government in Norvik"), or of the post held by the person whose government it is
        ("the prime minister said his government ..."); "the government" alone is a body
        named with that word before ("the unity government"), else the country the story
        is about. `_NOBODY` when its owner is named but is no country the text tells."""
        children = list(tok.children)
        after = tok.doc[tok.i + 1] if tok.i + 1 < len(tok.doc) else None
        if after is not None and after.dep_ == "prep" and after not in children:
            children.append(after)  # "urged the government in Norvik to ...": hung on the verb
        for child in children:
            words = []
            if child.dep_ in ("poss", "amod", "compound", "nmod"):
                words = [child]
            elif child.dep_ == "prep" and child.lower_ in lexicon().government_preps:
                words = [c for c in child.children if c.dep_ == "pobj"]
            for word in words:
                refs = [self.as_actor(r) for r in self._refs_one(block, word)]
                for ref in refs:
                    if ref.cluster.cls == "Country":
                        return ref.cluster
                    if ref.cluster.cls == "Person":
                        return self.country_of(ref.cluster, block, tok) or _NOBODY
            if child.dep_ == "poss":
                return _NOBODY  # "his government" of a post the text does not tell
        if tok.tag_ in ("NNS", "NNPS"):
            return _NOBODY  # "urged governments to send ships", "European governments": many
        n = self._before(block, tok)
        named = [
            k for k in self._of_class_word.get(("GovernmentBody", tok.lemma_.lower()), []) if k < n
        ]
        if named:
            return self.clusters[self.ordered[named[-1]].cluster]
        return self.topic_before(block, tok, {"Country"})

    def country_of(
        self,
        person: Cluster,
        block: int,
        tok,
        titles: frozenset[str] | None = None,
        not_titles: frozenset[str] = frozenset(),
    ) -> Cluster | None:
        """The country of the current post a person holds, as the constructions found it
        named before the end of the word's sentence ("X, Norland's president, said his
        government ..."; the constructions read a paragraph's posts before its relations);
        with `titles`, only of a post whose title has one of those words and none of
        `not_titles`."""
        end = self.offsets[block] + tok.sent.end_char
        for offset, post, former in self.holdings.get(person.id, []):
            owner = self.clusters[post.of] if post.of is not None else None
            if offset >= end or former or owner is None or owner.cls != "Country":
                continue
            words = set(post.label.lower().replace("-", " ").split())
            if words & not_titles:
                continue
            if titles is None or titles & words:
                return owner
        return None

    def body_of(self, person: Cluster, block: int, tok, classes) -> Cluster | None:
        """The body of one of `classes` whose current post the person holds, as the
        constructions found it named before the end of the word's sentence ("Its president,
        X, said her movement would not take part": the movement X presides)."""
        end = self.offsets[block] + tok.sent.end_char
        for offset, post, former in self.holdings.get(person.id, []):
            owner = self.clusters[post.of] if post.of is not None else None
            if offset < end and not former and owner is not None and owner.cls in classes:
                return owner
        return None

    @staticmethod
    def _last_named(c: Cluster, pos: int) -> int:
        """Where an entity is named last before `pos` (-1: never)."""
        return max((m.start for m in c.mentions if m.start < pos), default=-1)

    def _appositive_person(self, block: int, tok) -> Cluster | None:
        """The person a title is in apposition with ("the head of the mission, Mira
        Solvang,"; the parser may hang the name on the title's complement)."""
        heads = [tok]
        for _ in range(2):  # "the head of the mission of the union, X,"
            heads += [
                o
                for p in heads[-1].children
                if p.dep_ == "prep"
                for o in p.children
                if o.dep_ == "pobj"
            ][:1]
        for child in (c for head in heads for c in head.children):
            if child.dep_ == "appos":
                for word in sorted(child.subtree, key=lambda t: t.i != child.i):
                    m = self.mention_at(block, word)
                    if m is not None and self.clusters[m.cluster].cls == "Person":
                        return self.clusters[m.cluster]
        return None

    def _titled(self, block: int, tok, words: list[str]) -> Cluster | None:
        """The person a title description stands for (`_titled_as`); with no one named with
        the title, the holder of a title it names the post of ("the Head of State": the
        president named before; lexicon `title_equivalents`). "The new minister" is one the
        text gave the post to (`_new_holder`)."""
        new = any(c.dep_ == "amod" and c.lower_ in lexicon().new_title_words for c in tok.children)
        if new:
            given, holder = self._new_holder(block, tok, words)
            if given:
                return holder
        found = self._titled_as(block, tok, words)
        if found is None:
            for other in lexicon().title_equivalents.get(" ".join(words), ()):
                found = self._titled_as(block, tok, other.split())
                if found is not None:
                    break
        if new and found is not None and self._left_post(found, self.pos(block, tok)):
            return None  # "The minister, A, resigned. ... The new minister met B": not A
        return found

    def _left_post(self, person: Cluster, pos: int) -> bool:
        """Whether the text, before `pos`, names the person as the subject of a verb of
        leaving a post ("The Minister of Trade, A, resigned", "A was sacked"; frames.yaml
        `post_verbs` former)."""
        leaving = frames().post_verbs.get("former", frozenset())
        for m in person.mentions:
            if m.start >= pos:
                continue
            t = self.docs[m.block][m.head]
            for _ in range(4):  # through a title the name is in apposition to
                if t.dep_ in ("nsubj", "nsubjpass") and t.head.pos_ in ("VERB", "AUX"):
                    verb = t.head
                    particle = next((c.lower_ for c in verb.children if c.dep_ == "prt"), None)
                    lemma = verb.lemma_.lower()
                    if (f"{lemma} {particle}" if particle else lemma) in leaving:
                        return True
                    break
                if t.dep_ not in ("appos", "compound", "flat") or t.head.i == t.i:
                    break
                t = t.head
        return False

    def _new_holder(self, block: int, tok, words: list[str]) -> tuple[bool, Cluster | None]:
        """Whom "the new minister" stands for: of the persons the text gave a post to before
        it (`_given_post`), the one named last whose post is this title or of its owner ("the
        new Minister of the Interior": "named B at the head of the Ministry of the Interior"),
        else the only one ("named to succeed him B ... The new Prime Minister"); nobody when
        there are more (never the one who held the post before, named with its title). False
        when the text gave no one a post: the title reads as without "new"."""
        n = self._before(block, tok)
        pos = self.pos(block, tok)
        given: list[Cluster] = []
        for m in self.ordered[:n]:
            c = self.clusters[m.cluster]
            if (
                c.cls == "Person"
                and all(c is not g for g in given)
                and given_post(self.docs[m.block][m.head])
            ):
                given.append(c)
        if not given:
            return False, None
        matched = [c for c in given if self._holds_title(c, words, pos)]
        if matched:
            return True, max(matched, key=lambda c: self._last_named(c, pos))
        if len(given) == 1 and self._no_other_post(given[0], words, pos):
            return True, given[0]
        return True, None

    def _holds_title(self, person: Cluster, words: list[str], pos: int) -> bool:
        """Whether a person holds, as the constructions found it before `pos`, a post with this
        title, or one whose name or owner's name has all the words of the title's complement
        ("head" of the "Ministry of the Interior" for "Minister of the Interior")."""
        _head, complement = _title_parts(words)
        venues = lexicon().venue_preps  # "Minister of Trade in Stockholm": of trade
        stop = next((i for i, w in enumerate(complement) if w in venues), len(complement))
        content = set(complement[:stop]) - title_data().complement_prepositions
        content -= lexicon().definite_determiners
        for offset, post, former in self.holdings.get(person.id, []):
            if offset >= pos or former:
                continue
            if _is_title(post.label.lower(), words):
                return True
            owner = self.clusters[post.of].label if post.of is not None else ""
            if content and content <= set(f"{post.label} {owner}".lower().split()):
                return True
        return False

    def _no_other_post(self, person: Cluster, words: list[str], pos: int) -> bool:
        """Whether no post the person holds before `pos` has another head word than the
        title's ("envoy" is no "minister"; a "Minister of Trade" may be made prime minister)."""
        head = _title_parts(words)[0][-1:]
        return all(
            _title_parts(post.label.lower().split())[0][-1:] == head
            for offset, post, former in self.holdings.get(person.id, [])
            if offset < pos and not former
        )

    def _titled_as(self, block: int, tok, words: list[str]) -> Cluster | None:
        """The person a title description stands for ("the minister", "the president"): of
        the persons named before with that title (`_is_title`: "Foreign Minister X" for
        "the minister", never "Vice President Y" for "the president"; a title read by the
        constructions, as in "X, Norland's foreign minister,", too), the subject of its clause
        or of the sentence before when the description is a subject, else the one named
        last."""
        appositive = self._appositive_person(block, tok)
        if appositive is not None:  # "the head of the mission, Mira Solvang,"
            return appositive
        n = self._before(block, tok)
        pos = self.pos(block, tok)
        named: list[tuple[int, Cluster]] = []  # (where, person)
        owned: set[int] = set()  # named with the title's owner ("... of Norland, X")
        for k in self._titled_by_word.get(words[-1], []):
            if k < n and _is_title(self._title_of.get(k, ""), words):
                named.append((self.ordered[k].start, self.clusters[self.ordered[k].cluster]))
                if k in self._owner_titled:
                    owned.add(self.ordered[k].cluster)
        if len({c.id for _w, c in named} - owned) == 1 and not _names_owner(tok):
            # "the Minister of Defence" after "the Minister of Defence, A" and "the Minister
            # of Defence of Norland, B": A, whose title the text gave with no other owner
            named = [(w, c) for w, c in named if c.id not in owned]
        persons: list[Cluster] = []  # the one named last first
        for _where, c in sorted(named, key=lambda x: -x[0]):
            if all(c is not other for other in persons):
                persons.append(c)
        # "X will visit Y, and the minister will ...": X, also when the title was read after
        # the name ("X, Norland's foreign minister,")
        held = [
            self.clusters[pid]
            for pid, posts in self.holdings.items()
            if any(o < pos and not f and _is_title(p.label.lower(), words) for o, p, f in posts)
        ]
        start = self.offsets[block] + tok.sent.start_char
        here = [c for c in persons + held if self._last_named(c, pos) >= start]
        if here and (len(persons) > 1 or held):
            return max(here, key=lambda c: self._last_named(c, pos))
        # "X said ... . The minister ...": X, also when X's title was read after the name
        # ("Y, Norland's minister delegate") and another's before it ("Minister Z")
        titled = persons + [c for c in held if all(c is not p for p in persons)]
        if len(titled) > 1 and tok.dep_ in ("nsubj", "nsubjpass"):
            topic = self._subject_antecedent(block, tok)
            if any(topic is c for c in titled):
                return topic
        if persons:
            return persons[0]
        # "X met Y, Norland's foreign minister. The minister said ...": a title read by the
        # constructions after the name, in a sentence before, as a clause's subject: its
        # holder named last
        if held and tok.dep_ in ("nsubj", "nsubjpass"):
            return max(held, key=lambda c: self._last_named(c, pos))
        return None


def given_post(tok) -> bool:
    """Whether a person's name is one a post is given to in its clause: the object or the
    passive subject of an appointing verb (lexicon `appointment_verbs`: "named B", "B was
    sworn in", "named to succeed him the minister, B"), or the subject of a succeeding one
    (`post_taking_verbs`: "B succeeds A", "B becomes minister"); the words between are a
    title, names or a list."""
    lex = lexicon()
    t = tok
    for _ in range(6):
        head = t.head
        if head.i == t.i:
            return False
        if head.pos_ in ("VERB", "AUX"):
            lemma = head.lemma_.lower()
            if t.dep_ == "nsubj":  # "B succeeds A", "B becomes minister", "B takes over"
                particle = next((c.lower_ for c in head.children if c.dep_ == "prt"), None)
                phrasal = f"{lemma} {particle}" if particle else lemma
                return phrasal in lex.post_taking_verbs
            if t.dep_ not in _GIVEN_DEPS:
                return False
            appointing = head.head if head.dep_ == "xcomp" else None
            if (
                lemma in lex.post_taking_verbs
                and appointing is not None
                and appointing.lemma_.lower() in lex.appointment_verbs
                and not any(c.dep_ in ("dobj", "nsubjpass") for c in appointing.children)
            ):
                return True  # "named to succeed him the minister, B" (B named; not "named A
                # to succeed B", "A was named to succeed B")
            return lemma in lex.appointment_verbs
        if t.dep_ not in ("appos", "conj", "compound", "oprd", "flat"):
            return False
        t = head
    return False


_GIVEN_DEPS = ("dobj", "nsubjpass", "oprd", "conj", "attr")


def _names_owner(tok) -> bool:
    """Whether a title description names whose title it is: a possessor or a modifier
    ("Norland's minister", "the Norlandic minister"), or an "of" phrase after its words
    ("the Minister of Defence of Norland")."""
    owners = ("GPE", "NORP", "ORG")
    if any(
        c.dep_ == "poss" or (c.dep_ in ("amod", "compound") and c.ent_type_ in owners)
        for c in tok.children
    ):
        return True
    return any(
        o.ent_type_ in owners
        for p in tok.subtree
        if p.lower_ == "of" and p.dep_ == "prep"
        for o in p.children
        if o.dep_ == "pobj"
    )


def names_holder(between: str) -> bool:
    """Whether a name follows a title as its holder's: nothing but courtesy words and
    punctuation between ("Foreign Minister Dr. X", "the President of Norland, X"), not "the
    Secretary-General thanked Mr. X"."""
    return all(w in title_data().honorifics for w in re.findall(r"[^\W\d_]+", between.lower()))


def opens_complement(between: str) -> bool:
    """Whether the text between a title and a name opens the title's complement ("of"):
    "the President of Norland, X", also with the words of a state's long name that the
    country's mention leaves out ("the Minister of Defence of the Republic of Norland, X":
    lexicon `state_form_words`, capitalised)."""
    words = between.split()
    joiners = title_data().complement_prepositions | lexicon().title_joiners
    forms = lexicon().state_form_words
    if not words or not all(
        w.lower() in joiners or (w[:1].isupper() and w.lower() in forms) for w in words
    ):
        return False
    return (
        all(w.lower() in joiners for w in words)
        or words[0].lower() in title_data().complement_prepositions
    )


def _is_title(title: str, words: list[str]) -> bool:
    """Whether a title ("foreign minister", "vice president of the state") is the one a
    description's words name ("minister", "president"): its words before the complement
    have them, and no deputy's word ("vice", "deputy") they lack."""
    data = title_data()
    head, complement = _title_parts(title.split())
    own_head, own_complement = _title_parts(words)
    if not own_head or own_head[-1] not in head or not set(own_head) <= set(head):
        return False
    if own_complement and own_complement != complement:
        return False  # "the chief of the general staff" is no "chief of the navy"
    return not any(data.qualifiers.get(w) == "deputy" and w not in own_head for w in head)


def _title_parts(words: list[str]) -> tuple[list[str], list[str]]:
    """A title's words before its complement ("foreign minister"), and the complement."""
    prepositions = title_data().complement_prepositions
    for i, w in enumerate(words):
        if w in prepositions:
            return words[:i], words[i:]
    return words, []
