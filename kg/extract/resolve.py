"""From a token to the entities it stands for: names, pronouns, definite descriptions,
representatives ("UK envoys" -> United Kingdom) and seats of government."""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field
from functools import cache

from kg.extract.descriptions import Descriptions, given_post, names_holder, opens_complement
from kg.extract.lexicon import GazetteerEntry, frames, gazetteer, lexicon, norm
from kg.extract.link import Cluster
from kg.extract.mentions import Mention
from kg.extract.pronouns import Pronouns
from kg.extract.syntax.clauses import person_of, reporting_relative
from kg.extract.syntax.tree import tree
from kg.extract.things import ACTOR_CLASSES, Things
from kg.extract.voices import Voices, voice_of


@dataclass
class Ref:
    """An entity found for a token, and whether finding it took a guess."""

    cluster: Cluster
    guessed: bool = False


def _coordinated(tok) -> bool:
    """Whether `tok` has conjuncts (`Token.conjuncts`: it is a conjunct, or has one), read
    from the Tree: most words have none, and asking spaCy makes a Token of each child."""
    t = tree(tok.doc)
    i = tok.i
    return t.dep[i] == "conj" or any(t.dep[k] == "conj" for k in t.kids[i])


def _relative_clause(tok):
    """The relative clause a relative pronoun opens: the verb it hangs on ("the fund, which
    pays for dams"), or the one an infinitive it is the object of completes ("a summit which
    Norland has offered to host"), or the one that reports the clause it is in ("a fund which
    Norland has said it will consider": syntax/clauses.py `reporting_relative`); else None."""
    verb = tok.head
    if tok.dep_ == "dobj":
        for _ in range(2):  # "which X has agreed to try to host" (review AE1: kept)
            if verb.dep_ != "xcomp" or verb.pos_ != "VERB":
                break
            verb = verb.head
    verb = reporting_relative(tok, verb)
    return verb if verb.dep_ == "relcl" else None


@dataclass
class ArticleIndex(Pronouns, Things, Voices, Descriptions):
    text: str
    docs: list  # one spaCy Doc per block
    offsets: list[int]  # each block's start in the article
    mentions: list[Mention]
    clusters: list[Cluster]
    by_head: dict[tuple[int, int], Mention] = field(default_factory=dict)
    by_token: dict[tuple[int, int], Mention] = field(default_factory=dict)
    sentence_starts: list[int] = field(default_factory=list)
    # person cluster id -> (offset, post, former) of each holding the constructions found:
    # a successor's post is read from it ("A succeeds B")
    holdings: dict[int, list[tuple[int, Cluster, bool]]] = field(default_factory=dict)
    # an interview (kg/extract/voices.py): block -> "question" / "answer", and the person
    # the answers speak for
    roles: dict[int, str] = field(default_factory=dict)
    interviewee: int | None = None
    # predicate -> (sentence number, subjects) of its last clause: "The measures target X"
    # continues the sanctions stated before (kg/extract/frames/carried.py)
    carry: dict[str, tuple[int, list]] = field(default_factory=dict)
    # (sentence number, predicate, objects) of the last relation a verb stated, which a later
    # clause may repeat for its own subjects: "B is considering a similar step"
    # (kg/extract/frames/carried.py; predicate "" for an inverse frame)
    echo: tuple[int, str, list] | None = None
    # (sentence number, objects, block, token) of the last offer a frame stated, which a
    # later "declined the offer" refers back to (kg/extract/frames/objects.py `offered`)
    offered: tuple[int, list, int, int] | None = None
    # (block, token) -> the person a personal pronoun stands for, once resolved
    _pronouns: dict[tuple[int, int], Cluster | None] = field(default_factory=dict)
    _pronoun_frontier: tuple[int, int] = (0, 0)  # every person pronoun before it is resolved
    # person cluster id -> the gender the text tells (a courtesy title; a pronoun resolved to
    # them by default tells none): lexicon `person_pronouns` groups
    genders: dict[int, str] = field(default_factory=dict)
    # "persons" whose name the gazetteer knows as a place or a seat of government ("she"
    # never stands for them)
    places_as_persons: set[int] = field(default_factory=set)
    # a common noun an entity is described with where it is named -> (mention index, the
    # words of the description and the name): "The ELN, the largest guerrilla group" ... "the
    # group" (`_described_as`; made on its first use)
    _descriptors: dict[str, list[tuple[int, frozenset[str], int]]] | None = None
    # age -> the persons the text gives that age where naming them ("X, 51,"): `_aged`
    _ages: dict[str, list[tuple[int, Cluster]]] | None = None

    def __post_init__(self) -> None:
        text = self.text
        for m in sorted(self.mentions, key=lambda m: m.tok_end - m.tok_start, reverse=True):
            if m.cluster < 0:
                continue
            self.by_head[(m.block, m.head)] = m
            for i in range(m.tok_start, m.tok_end):
                self.by_token[(m.block, i)] = m
        self.ordered = sorted((m for m in self.mentions if m.cluster >= 0), key=lambda m: m.start)
        self.in_block: dict[int, list[Mention]] = {}
        for m in self.mentions:
            if m.cluster >= 0:
                self.in_block.setdefault(m.block, []).append(m)
        # Indexes of `ordered` for the lookups "the last X before here", so that resolving
        # stays linear in the length of the article.
        self._starts = [m.start for m in self.ordered]
        self._of_class: dict[str, list[int]] = {}
        self._of_class_word: dict[tuple[str, str], list[int]] = {}
        self._titled_by_word: dict[str, list[int]] = {}
        self._missions: list[int] = []
        # the head word of each name ("bank" of "the Velmar Development Bank", "council" of
        # "the Council of Elders") -> the mentions of such names: "the bank" refers back
        self._by_name_head: dict[str, list[int]] = {}
        self._forces: dict[tuple[int, str], Cluster] = {}  # (country, force noun) -> force
        self._title_of: dict[int, str] = {}  # a person's mention -> the title named with it
        # persons named after a title with its owner between ("the Minister of Defence of
        # Norland, X"): "the Minister of Defence" alone is rather another's (descriptions.py)
        self._owner_titled: set[int] = set()
        mission_nouns = lexicon().mission_nouns
        previous, title_end, owned = None, 0, False
        for k, m in enumerate(self.ordered):
            c = self.clusters[m.cluster]
            words = set(c.label.lower().split())
            self._of_class.setdefault(c.cls, []).append(k)
            # and the words this mention is written with: "the operation" is the "naval
            # operation" the text then named "Sea Guard" (link.py `_given_name_of`)
            for w in words | set(m.text.lower().split()):
                self._of_class_word.setdefault((c.cls, w), []).append(k)
            if (
                c.cls == "Person"
                and previous is not None
                and names_holder(text[title_end : m.start])
            ):
                for w in set(previous.split()):
                    self._titled_by_word.setdefault(w, []).append(k)
                self._title_of[k] = previous
                if owned:
                    self._owner_titled.add(k)
            if c.cls == "Position":
                previous, title_end, owned = c.label.lower(), m.end, False
            elif (
                previous is not None
                and c.cls != "Person"
                and opens_complement(text[title_end : m.start])
            ):
                title_end = m.end  # "the President of Norland, X": the title's owner between
                owned = True
            else:
                previous = None
            if c.cls in ("ArmedForce", "Event") and _mission_event(c, m, mission_nouns):
                self._missions.append(k)
            if c.cls not in _UNNAMED_BY_HEAD:  # by its label and by the name written here
                for head in {_name_head(c.label), _name_head(m.text)} - {""}:
                    self._by_name_head.setdefault(head, []).append(k)
        self._read_genders()  # kg/extract/pronouns.py
        self.surnames: dict[str, Cluster] = {}
        for c in self.clusters:
            words = c.label.split()
            if c.cls == "Person" and len(words) >= 2:
                self.surnames.setdefault(words[-1].lower(), c)

    def cluster(self, cid: int) -> Cluster:
        return self.clusters[cid]

    def country_force(self, country: Cluster, noun: str, span: str | None = None) -> Cluster:
        """A country's force of one kind ("Norland's navy", "Norland's navy chief"): the force the
        text names by the country's name or demonym ("the Norlandic Navy") or the gazetteer
        knows by such a name; else an entity labelled with the text's words (`span`), or
        with the country and the noun as the text would say them ("Norland's navy")."""
        key = (country.id, noun)
        found = self._forces.get(key)
        if found is not None:
            return found
        entry = country.entry
        names = {country.label, *(entry.aliases + entry.demonyms if entry else ())}
        wanted = {norm(f"{name} {noun}") for name in names}
        known = gazetteer().by_name
        named = [
            c
            for c in self.clusters
            if c.cls == "ArmedForce" and norm(c.label).replace("'s ", " ") in wanted
        ]
        if named:
            found = named[0]
        else:
            hits = [known[w] for w in sorted(wanted) if w in known]
            hits = [e for e in hits if e.cls == "ArmedForce"]
            if hits:
                found = self.add_cluster(hits[0].cls, hits[0].label, hits[0])
            else:
                found = self.add_cluster("ArmedForce", span or f"{country.label}'s {noun}")
        self._forces[key] = found
        return found

    def pos(self, block: int, tok) -> int:
        return self.offsets[block] + tok.idx

    def add_cluster(
        self, cls: str, label: str, entry: GazetteerEntry | None = None, unique: bool = False
    ) -> Cluster:
        """An entity the text implies but does not name as such (a country behind its
        capital, "Uruguay's army" behind "army chief"); `unique`: a new one even when one
        of that label exists (a position of another owner)."""
        for c in self.clusters:
            if c.label == label and c.cls == cls and not unique:
                return c
        c = Cluster(len(self.clusters), cls, label, [], entry)
        self.clusters.append(c)
        return c

    # -- lookups -----------------------------------------------------------------------

    def mention_at(self, block: int, tok) -> Mention | None:
        return self.by_head.get((block, tok.i)) or self.by_token.get((block, tok.i))

    def refs(self, block: int, tok, with_conj: bool = True) -> list[Ref]:
        """The entities a token stands for, with its conjuncts ("Peru, Bolivia and Ecuador")."""
        tokens = [tok, *tok.conjuncts] if with_conj and _coordinated(tok) else [tok]
        out: list[Ref] = []
        for t in tokens:
            for ref in self._refs_one(block, t):
                if all(ref.cluster.id != o.cluster.id for o in out):
                    out.append(ref)
        return out

    def _completed(self, block: int, tok) -> list[Ref]:
        """The entity whose long name a noun ends, for a relative clause on that noun: "a
        memorandum of understanding on rare earths, which was signed by A" (the parser hangs
        the clause on "earths", the last word of the memorandum's name)."""
        word = tok
        for _ in range(3):  # "memorandum [of understanding [on rare earths]]"
            if word.dep_ != "pobj" or word.head.dep_ != "prep":
                return []
            word = word.head.head
            m = self.mention_at(block, word)
            if m is not None:
                start = tok.doc[m.tok_start].idx
                end = tok.idx + len(tok.text)
                if any(name and start + len(name) == end for name in (m.long, m.alias)):
                    return self._refs_one(block, word)
                return []
        return []

    def _refs_one(self, block: int, tok) -> list[Ref]:
        lex = lexicon()
        m = self.mention_at(block, tok)
        if m is not None:
            c = self.clusters[m.cluster]
            t = tree(tok.doc)  # the children as indices (Token.children scans the subtree)
            if c.cls == "Position" and any(
                t.lower[d] in lex.title_determiners for d in t.kids[tok.i]
            ):
                age = self._age_of(tok)  # "the 56-year-old economist": by age, not by title
                if age is not None:
                    person = self._aged(block, tok, age)
                    return [Ref(person, True)] if person else []
                words = c.label.lower().split()
                person = self._titled(block, tok, words) if words else None
                return [Ref(person, True)] if person else []
            # a description that refers back ("the plan") is a guess, as resolving it was
            return [Ref(c, m.label == "DESC" and c.mentions[0] is not m)]
        t = tree(tok.doc)
        if t.pos[tok.i] == "NOUN" and any(t.dep[d] == "acl" for d in t.kids[tok.i]):
            # a participle hung on the last word of a name's complement: "under a memorandum
            # of understanding signed by A" (what A signs is the memorandum)
            done = self._completed(block, tok)
            if done:
                return done
        low = tok.lower_
        if self.interviewee is not None and block in self.roles:
            voice = voice_of(low, self.roles[block])
            if voice is not None:  # "I", "we" in an answer, "you" in a question
                pair = self._we_pair(block, tok) if voice == "group" else []
                if pair:  # "I met X, and we signed ...": the speaker and X
                    return [Ref(c, guessed) for c, guessed in pair]
                c = self._voice(voice)
                return [Ref(c, True)] if c else []
        quoted = self._quoted_voice(block, tok)  # '"We will send troops," X said'
        if quoted is not None:
            return [Ref(quoted, True)]
        if tok.text[:1].isupper() and low in self.surnames:
            return [Ref(self.surnames[low])]
        if low in lex.person_pronouns:
            earlier = self._same_pronoun_in_speaker(tok)
            if earlier is not None:  # "Her spokesman, X, said she ...": she is not X
                return self._refs_one(block, earlier)
            c = self._person_pronoun(block, tok)
            return [Ref(c, True)] if c else []
        if low in frames().plural_pronouns:
            return self._group(block, tok)
        if low in lex.thing_pronouns:
            c = self._thing_pronoun(block, tok)  # kg/extract/things.py
            return [Ref(c, True)] if c else []
        clause = _relative_clause(tok)
        if (low in lex.relative_pronouns or low in lex.possessive_relatives) and clause:
            head = clause.head
            if low in lex.person_relatives:  # "X of the Y party, who": X
                head = person_of(head, clause)
            return self._refs_one(block, head) or self._completed(block, head)
        lemma = tok.lemma_.lower()
        force = self._countrys_force(block, tok)
        if force is not None:
            return [Ref(force, True)]
        # "his country" is the country of his post, as "his government" is ("their countries"
        # are more than one)
        owned_country = (
            lemma in lex.country_nouns
            and tok.tag_ == "NN"
            and any(c.dep_ == "poss" for c in tok.children)
        )
        if lemma in lex.government_nouns or owned_country:
            government = self._government(block, tok)  # "the Norlandic government": Norland
            if government is not None:
                return [Ref(government, True)] if government.id >= 0 else []
        if low in lex.bare_anaphors and _bare(tok):
            c = self._antecedent(
                block, tok, {lex.bare_anaphors[low]}, word=low, named=low in lex.named_anaphors
            )
            return [Ref(c, True)] if c else []  # "the party": the party named last
        if (
            lemma in lex.anaphors
            and any(c.lower_ in lex.anaphor_determiners or c.dep_ == "poss" for c in tok.children)
            and not (
                lex.anaphors[lemma] == "Organization"
                and any(c.dep_ == "compound" and c.pos_ == "PROPN" for c in tok.children)
            )
            and not any(  # "the opposition alliance Velmar First": its own name, after it
                c.dep_ == "appos" and c.pos_ == "PROPN" and c.left_edge.i == tok.i + 1
                for c in tok.children
            )
        ):  # "the company" refers back; "the Velmar Alliance company" is the alliance's unit
            c = self._antecedent(
                block,
                tok,
                {lex.anaphors[lemma]},
                same_or_previous=lemma in lex.near_anaphors,
                word=lemma,
                named=lemma in lex.named_anaphors,
            )
            if c is not None and lemma in lex.named_anaphors and self._another_one(block, tok, c):
                return []  # "the Saudi-led coalition", or "a rival coalition" named since
            if c is None and lemma in lex.named_anaphors:
                c = self._described_as(block, tok)  # "The ELN, a rebel group, ... the group"
            if c is not None or lemma not in lex.near_anaphors:
                return [Ref(c, True)] if c else []
            # "the lender" with no firm named just before: read as any other noun is
        if lemma in lex.body_nouns:  # "her movement", "his party": the body of the post
            for poss in (c for c in tok.children if c.dep_ == "poss"):
                for ref in self._refs_one(block, poss):
                    if ref.cluster.cls == "Person":
                        body = self.body_of(ref.cluster, block, tok, lex.body_nouns[lemma])
                        if body is not None:
                            return [Ref(body, True)]
        if lemma in lex.representative_nouns or low in lex.representative_nouns:
            return self._represented(block, tok)
        if low in lex.side_nouns and not any(c.dep_ == "prep" for c in tok.children):
            return self._represented(block, tok)  # "the Norlandic side", not "its side of X"
        if lemma in _title_words() and any(
            c.lower_ in lex.title_word_determiners for c in tok.children
        ):
            c = self._titled(block, tok, [lemma])  # "the minister said" -> the minister named
            return [Ref(c, True)] if c else []
        age = self._age_of(tok)
        if age is not None:  # "the 51-year-old said": the person of that age named before
            c = self._aged(block, tok, age)
            return [Ref(c, True)] if c else []
        apposed = self._apposed(block, tok)  # "The mediator, X, ...": X
        if apposed:
            return apposed
        if norm(low) in self._by_name_head:  # as written: "the authorities" are no Authority
            c = self._named_by_head(block, tok)  # "The bank also named X": the bank named before
            return [Ref(c, True)] if c else []
        c = self._described_as(block, tok)  # "X, a rebel group, ... The group's Y": X
        return [Ref(c, True)] if c else []

    def _apposed(self, block: int, tok) -> list[Ref]:
        """A common noun that names no entity stands for the name in apposition after it,
        set off by a comma: "The mediator, X, has drafted a road map" (X drafted it), "met the
        group's founder, X" (met X), "a member of the council, X"; not a name the parser hung
        on a noun further back (seen on a development text: "the junta refused to receive a
        mission led by Y, X" with X in apposition to "junta"), nor one written beside it ("the
        alliance X": a name of its own). Of an actor only, not a place or a post."""
        t = tree(tok.doc)
        if t.pos[tok.i] != "NOUN":
            return []
        for d in t.kids[tok.i]:
            if d <= tok.i or t.dep[d] != "appos" or t.pos[d] != "PROPN":
                continue
            # after the noun's own words ("a member of the council, X"), only a comma
            own = [k for k in t.kids[tok.i] if tok.i < k < d and t.pos[k] != "PUNCT"]
            end = max((tok.doc[k].right_edge.i for k in own), default=tok.i)
            between = range(end + 1, tok.doc[d].left_edge.i)
            if between and all(t.pos[k] == "PUNCT" for k in between):
                m = self.mention_at(block, tok.doc[d])
                if m is not None and self.clusters[m.cluster].cls in ACTOR_CLASSES:
                    return [Ref(self.clusters[m.cluster])]
        return []

    def _named_by_head(self, block: int, tok) -> Cluster | None:
        """The entity a definite common noun that no other rule reads refers back to: the one
        named last before it whose name has the noun, in its number, as its head word ("the
        Velmar Development Bank ... The bank also named X", "the Harbour Party ... The party
        proposed Y"; "the authorities" are no Port Authority). The noun's words before it
        must be in that name ("the development bank", not "the central
        bank"), its class must fit the noun (lexicon `head_classes`), and no other entity of
        that head word may be named in the noun's paragraph (which bank would be a guess), nor
        another of its class since ("the Velmar Health Organization ... the Norland Union's
        envoy said the organisation ...": the union, maybe)."""
        t = tree(tok.doc)
        kids = t.kids[tok.i]
        if not any(t.dep[d] == "det" and t.lower[d] in _DEFINITE for d in kids):
            return None
        key = norm(tok.lower_)
        indexes = self._by_name_head[key]
        n = self._before(block, tok)
        k = self._last(indexes, n)
        if k < 0:
            return None
        c = self.clusters[self.ordered[k].cluster]
        if self._new_one_between(self.ordered[k], block, tok, key):
            return None  # "... A private bank raised its rates. The bank named X": that one
        words = {w for name in (c.label, *(m.text for m in c.mentions)) for w in norm(name).split()}
        if _says_more(t, tok, kids, words):
            return None
        fits = lexicon().head_classes.get(tok.lower_) or lexicon().head_classes.get(key)
        if fits is not None and fits != c.cls:
            return None
        for j in reversed(indexes[: bisect.bisect_left(indexes, k)]):
            other = self.ordered[j]
            if other.cluster != c.id:
                if other.block == block:
                    return None  # two banks in the paragraph
                break
        # the name a phrase with the noun is in apposition to is not its rival: "X, the
        # authority's London arm" (the authority's arm is X; the authority is another)
        described = {a.head.i for a in (tok, *tok.ancestors) if a.dep_ == "appos"}
        for j in self._of_class.get(c.cls, [])[bisect.bisect_right(self._of_class[c.cls], k) :]:
            other = self.ordered[j]
            if j >= n:
                break
            if other.cluster != c.id and other.block == block and other.head not in described:
                return None  # another of its class named since, in the noun's paragraph
        return c

    @staticmethod
    def _age_of(tok) -> str | None:
        """The age a definite description of a person by age gives ("the 51-year-old", "the
        51-year-old economist": lexicon `age_words`), else None."""
        t = tree(tok.doc)
        unit, adjective = lexicon().age_words
        i = tok.i
        if t.lower[i] == adjective:
            old = i
        elif t.pos[i] == "NOUN":
            old = next((d for d in t.kids[i] if t.dep[d] == "amod" and t.lower[d] == adjective), -1)
            if old < 0:
                return None
        else:
            return None
        if not any(t.dep[d] == "det" and t.lower[d] in _DEFINITE for d in t.kids[i]):
            return None
        for d in t.kids[old]:
            if t.lower[d] == unit:
                for k in t.kids[d]:
                    if t.dep[k] == "nummod" and tok.doc[k].like_num:
                        return t.lower[k]
        return None

    def _aged(self, block: int, tok, age: str) -> Cluster | None:
        """The person "the 51-year-old" stands for: the one the text gave that age ("Mira
        Solvang, 51,", "51-year-old Mira Solvang"; nobody when it gave it to two), else, read
        as a pronoun is, the subject of the sentence before (for a subject) or the person
        named last, never one the text gave another age; first, one given a post in its
        sentence or the one before ("A named B as envoy. The 56-year-old ...": B;
        `given_post`); nobody when the text brought in a person of that age with no name ("a
        51-year-old man")."""
        pos = self.pos(block, tok)
        unit, adjective = lexicon().age_words
        if re.search(rf"\b[Aa]n? {re.escape(age)}-{unit}-{adjective}\b", self.text[:pos]):
            return None
        ages = self._person_ages()
        given = [(start, c) for start, c in ages.get(age, []) if start < pos]
        if len({c.id for _start, c in given}) > 1:
            return None  # two people of that age: which one would be a guess (review AA3)
        if given:
            return given[0][1]
        other = {c.id for a, found in ages.items() if a != age for start, c in found if start < pos}
        n = self._before(block, tok)
        sent = self.sentence_number(pos)
        for m in reversed(self.ordered[:n]):  # "A named B as envoy. The 56-year-old ...": B
            if m.sent < sent - 1:
                break
            c = self.clusters[m.cluster]
            if c.cls == "Person" and c.id not in other and given_post(self.docs[m.block][m.head]):
                return c
        c = None
        if tok.dep_ in ("nsubj", "nsubjpass"):
            c = self._subject_antecedent(block, tok)
        if c is not None and c.id not in other:
            return c
        return self._antecedent(
            block, tok, {"Person"}, exclude=other | self._co_subjects(block, tok)
        )

    def _person_ages(self) -> dict[str, list[tuple[int, Cluster]]]:
        """age -> (where named, person) of each person the text gives an age where naming
        them: "Mira Solvang, 51," or "51-year-old Mira Solvang" (made on its first use)."""
        if self._ages is not None:
            return self._ages
        unit, adjective = lexicon().age_words
        after = re.compile(r"\s*,\s*(\d{1,3})\s*[,.;)]")
        before = re.compile(rf"(\d{{1,3}})-{unit}-{adjective}\s+$")
        out: dict[str, list[tuple[int, Cluster]]] = {}
        for m in self.ordered:
            c = self.clusters[m.cluster]
            if c.cls != "Person":
                continue
            found = after.match(self.text, m.end) or before.search(self.text, 0, m.start)
            if found:
                out.setdefault(found.group(1), []).append((m.start, c))
        self._ages = out
        return out

    def _described_as(self, block: int, tok) -> Cluster | None:
        """The entity a definite common noun that no name has as its head refers back to: the
        one last described with that noun, in its number, where it was named ("The Coastal
        Front, a rebel group, ..." / "the largest rebel group, the Coastal Front," / "The
        Coastal Front is a rebel group" ... "The group's southern command", "the group
        denies"), with the guards of `_named_by_head`: its modifiers and complement are words
        of that description or name ("the rebel group", not "the armed group"), no other
        entity described with it, nor another of its class named since in the noun's
        paragraph. (A name with the noun as its head is read first: `_named_by_head`, or the
        class anaphors for "the group".)"""
        t = tree(tok.doc)
        kids = t.kids[tok.i]
        if not any(t.dep[d] == "det" and t.lower[d] in _DEFINITE for d in kids):
            return None
        key = norm(tok.lower_)
        found = self._descriptor_index().get(key)
        if not found:
            return None
        n = self._before(block, tok)
        earlier = [(k, words, noun) for k, words, noun in found if k < n]
        if not earlier:
            return None
        k, words, noun = earlier[-1]
        c = self.clusters[self.ordered[k].cluster]
        if any(self.ordered[j].cluster != c.id for j, _w, _n in earlier):
            return None  # two entities described as groups: which one would be a guess
        if self._new_one_between(self.ordered[k], block, tok, key, skip=noun):
            return None  # "... A new armed group emerged. The group's commander": that one
        if _says_more(t, tok, kids, words):
            return None
        for j in self._of_class.get(c.cls, [])[bisect.bisect_right(self._of_class[c.cls], k) :]:
            other = self.ordered[j]
            if j >= n:
                break
            if other.cluster != c.id and other.block == block:
                return None  # another of its class named since, in the noun's paragraph
        return c

    def _another_one(self, block: int, tok, c: Cluster) -> bool:
        """Whether a definite noun of `named_anaphors` names another one of its kind than the
        entity with its word in its name, `c`: a modifier or complement the name lacks ("the
        Saudi-led coalition" after "the coalition government"), or one brought in since with
        an indefinite ("A rival coalition was formed ... the coalition")."""
        lex = lexicon()
        t = tree(tok.doc)
        words = {w for name in (c.label, *c.aliases) for w in norm(name).split()}
        if _says_more(t, tok, t.kids[tok.i], words | lex.anaphor_determiners):
            return True
        pos = self.pos(block, tok)
        before = [m for m in c.mentions if m.start < pos]
        if not before:
            return False
        last = max(before, key=lambda m: m.start)
        return self._new_one_between(last, block, tok, norm(tok.lower_))

    def _new_one_between(self, m: Mention, block: int, tok, key: str, skip: int = -1) -> bool:
        """Whether a noun of this word (as written, `norm`ed) with an indefinite determiner
        (lexicon `indefinite_determiners`: "a private bank", "another rebel group") comes
        between a mention and the token: it brings in a new one, which "the bank" is then;
        not the noun `skip` of the mention's block, the one that describes it ("X, a rebel
        group")."""
        indefinite = lexicon().indefinite_determiners
        for b in range(m.block, block + 1):
            doc = self.docs[b]
            t = tree(doc)
            start = m.tok_end if b == m.block else 0
            end = tok.i if b == block else len(doc)
            for i in range(start, end):
                if (
                    t.pos[i] == "NOUN"
                    and not (b == m.block and i == skip)
                    and norm(t.lower[i]) == key
                    and any(t.dep[d] == "det" and t.lower[d] in indefinite for d in t.kids[i])
                    and not _quoted(doc[i])  # '"A parliament that can only advise ..."'
                ):
                    return True
        return False

    def _descriptor_index(self) -> dict[str, list[tuple[int, frozenset[str], int]]]:
        """noun -> (mention index, words, the noun's index) of the entities described with
        it where named (`_described_as`): a common noun in apposition after the name ("X, a
        rebel group"), before it ("the largest rebel group, X") or its predicate ("X is a
        rebel group")."""
        if self._descriptors is not None:
            return self._descriptors
        out: dict[str, list[tuple[int, frozenset[str], int]]] = {}
        for k, m in enumerate(self.ordered):
            c = self.clusters[m.cluster]
            if c.cls in _UNNAMED_BY_HEAD or m.label == "DESC":
                continue
            doc = self.docs[m.block]
            t = tree(doc)
            i = m.head
            nouns = [d for d in t.kids[i] if t.dep[d] == "appos" and d > i]
            if t.dep[i] == "appos" and t.head[i] < i:
                nouns.append(t.head[i])
            if t.dep[i] == "nsubj" and t.lemma_lower[t.head[i]] == "be":
                nouns += [d for d in t.kids[t.head[i]] if t.dep[d] == "attr"]
            for d in nouns:
                if t.pos[d] != "NOUN" or self.by_head.get((m.block, d)) is not None:
                    continue  # a name, or a noun of an entity of its own
                words = {w.lower_ for w in doc[d].subtree if w.is_alpha}
                words |= set(norm(c.label).split()) | set(m.text.lower().split())
                out.setdefault(norm(t.lower[d]), []).append((k, frozenset(words), d))
        self._descriptors = out
        return out

    def _countrys_force(self, block: int, tok) -> Cluster | None:
        """ "Norland's navy": Norland's own force (lexicon `force_nouns`), the one its
        chiefs lead (`country_force`), not the last navy named."""
        noun = tok.lower_
        if noun not in lexicon().force_nouns:
            return None
        for poss in (c for c in tok.children if c.dep_ == "poss"):
            m = self.mention_at(block, poss)
            if m is None:
                continue
            country = self.as_actor(Ref(self.clusters[m.cluster])).cluster
            if country.cls == "Country":
                span = tok.doc[min(t.i for t in poss.subtree) : tok.i + 1].text
                return self.country_force(country, noun, span)
        return None

    def _group(self, block: int, tok) -> list[Ref]:
        """ "X and Y said they supported it": a plural pronoun is the coordinated subject
        of the sentence's main clause (or of the reporting verb above it), when that
        subject comes before it and names two or more entities."""
        reporting = lexicon().reporting_verbs
        heads = [tok.sent.root]
        current = tok
        for _ in range(8):
            if current.dep_ == "ROOT" or current.head.i == current.i:
                break
            current = current.head
            if current.lemma_.lower() in reporting:
                heads.insert(0, current)
        for head in heads:
            for subj in head.children:
                if subj.dep_ != "nsubj" or subj.i >= tok.i or not subj.conjuncts:
                    continue
                if tok.i in {t.i for t in subj.subtree}:
                    continue
                refs = [r for r in self.refs(block, subj) if r.cluster.cls in ACTOR_CLASSES]
                if len(refs) >= 2:
                    return [Ref(r.cluster, True) for r in refs]
        return self._group_before(block, tok)

    def _group_before(self, block: int, tok) -> list[Ref]:
        """ "X and Y met in Norvik. They agreed ...": a plural pronoun that is the first subject
        of its sentence is the coordinated subject of the main clause of the sentence before,
        unless that sentence has a plural object the pronoun may stand for ("sent troops")."""
        own = tok.head if tok.dep_ == "poss" else tok
        if own.dep_ not in ("nsubj", "nsubjpass"):
            return []
        sent = tok.sent
        if any(t.dep_ in ("nsubj", "nsubjpass") and t.i < own.i for t in sent):
            return []
        doc, b = self.docs[block], block
        if sent.start > 0:
            previous = doc[sent.start - 1].sent
        elif block > 0 and len(self.docs[block - 1]):
            b = block - 1
            previous = list(self.docs[b].sents)[-1]
        else:
            return []
        if any(t.dep_ == "dobj" and t.tag_ == "NNS" for t in previous):
            return []  # "X and Y sent 200 troops ... They will arrive": the troops, maybe
        for subj in previous.root.children:
            if subj.dep_ not in ("nsubj", "nsubjpass") or not subj.conjuncts:
                continue
            refs = [r for r in self.refs(b, subj) if r.cluster.cls in ACTOR_CLASSES]
            if len(refs) >= 2:
                return [Ref(r.cluster, True) for r in refs]
        return []

    def _before(self, block: int, tok) -> int:
        """How many mentions start before the token."""
        return bisect.bisect_left(self._starts, self.pos(block, tok))

    @staticmethod
    def _last(indexes: list[int], before: int) -> int:
        """The last of `indexes` (sorted) below `before`, or -1."""
        i = bisect.bisect_left(indexes, before) - 1
        return indexes[i] if i >= 0 else -1

    def _last_shared(self, indexes: list[int], before: int) -> int:
        """The last of `indexes` (sorted) below `before` that is no country's own force, or
        -1."""
        i = bisect.bisect_left(indexes, before) - 1
        while i >= 0 and self._national(indexes[i]):
            i -= 1
        return indexes[i] if i >= 0 else -1

    def mentions_before(self, block: int, tok) -> int:
        """How many mentions start before the token: `ordered[:n]` are those named before it."""
        return self._before(block, tok)

    def topic_before(self, block: int, tok, classes, keep=None) -> Cluster | None:
        """Of the entities of `classes` named before the token (those `keep` keeps), the one
        the story is about (see `_topic`)."""
        n = self._before(block, tok)
        k = self._topic(
            sorted(
                k
                for c in classes
                for k in self._of_class.get(c, [])
                if k < n and (keep is None or keep(self.clusters[self.ordered[k].cluster]))
            )
        )
        return self.clusters[self.ordered[k].cluster] if k >= 0 else None

    def main_topic(self, classes, keep=None) -> Cluster | None:
        """Of the entities of `classes` the whole article names (those `keep` keeps), the
        one it is about (see `_topic`)."""
        k = self._topic(
            sorted(
                k
                for c in classes
                for k in self._of_class.get(c, [])
                if keep is None or keep(self.clusters[self.ordered[k].cluster])
            )
        )
        return self.clusters[self.ordered[k].cluster] if k >= 0 else None

    def titled_before(self, block: int, tok, words) -> set[int]:
        """The persons (cluster ids) named before the token right after a title that has
        one of `words` ("Foreign Minister X")."""
        n = self._before(block, tok)
        return {
            self.ordered[k].cluster
            for word in words
            for k in self._titled_by_word.get(word, [])
            if k < n
        }

    def _represented(self, block: int, tok) -> list[Ref]:
        """'US envoys', 'Uruguayan officials', 'officials from Peru': the country; but 'his
        counterpart, Rosa Diaz': the person named."""
        out: list[Ref] = []
        for child in tok.children:
            if child.dep_ == "appos":  # "his counterpart, (Oil Minister) Rosa Diaz"
                for word in sorted(child.subtree, key=lambda t: t.i != child.i):
                    out += [r for r in self._refs_one(block, word) if r.cluster.cls == "Person"]
                    if out:
                        break
        if out:
            return out
        after = tok.right_edge.i + 1  # "his counterpart, Oil Minister Rosa Diaz" (hung elsewhere)
        doc = tok.doc
        if tok.lower_ in lexicon().person_nouns and after < len(doc) and doc[after].text == ",":
            for word in doc[after + 1 : min(len(doc), after + 8)]:
                if word.pos_ != "PROPN":  # a name (with its title), not "and I expect"
                    break
                out += [r for r in self._refs_one(block, word) if r.cluster.cls == "Person"]
                if out:
                    return out
        for child in tok.children:
            if child.dep_ in ("compound", "amod", "nmod", "poss"):
                out += [  # "Saudi and Omani officials": both
                    r
                    for word in (child, *child.conjuncts)
                    for r in self._refs_one(block, word)
                    if r.cluster.cls in ACTOR_CLASSES or r.cluster.metonym_of
                ]
            elif child.dep_ == "prep" and child.lower_ in lexicon().representative_preps:
                for pobj in (c for c in child.children if c.dep_ == "pobj"):
                    out += [r for r in self.refs(block, pobj) if r.cluster.cls in ACTOR_CLASSES]
        return out

    def _antecedent(
        self,
        block: int,
        tok,
        classes: set[str],
        same_or_previous: bool = False,
        word: str | None = None,
        exclude: set[int] = frozenset(),  # type: ignore[assignment]
        named: bool = False,
    ) -> Cluster | None:
        """The entity of one of `classes` mentioned last before the token, other than those
        `exclude`d; with `word` ("the mission"), one whose name has that word wins over one
        that has not (with `named`, only such a one: "the brigade")."""
        pos = self.pos(block, tok)
        n = bisect.bisect_left(self._starts, pos)
        # "the force", "the mission": a multinational one, never a country's own force
        # ("the Norlandic Defence Forces" quoted last; lexicon `shared_force_words`)
        shared = word in lexicon().shared_force_words
        last = self._last_shared if shared else self._last
        k = max((last(self._of_class.get(c, []), n) for c in classes), default=-1)
        while k >= 0 and self.ordered[k].cluster in exclude:
            k = max((last(self._of_class.get(c, []), k) for c in classes), default=-1)
        if word:
            # "the army" is also the "Velmar Armed Forces" (lexicon `anaphor_names`)
            words = (word, *lexicon().anaphor_names.get(word, ()))
            found = max(
                (last(self._of_class_word.get((c, w), []), n) for c in classes for w in words),
                default=-1,
            )
            k = found if found >= 0 else (-1 if named else k)
        if k < 0:
            return None
        best = self.ordered[k]
        if same_or_previous and best.sent < self.sentence_number(pos) - 1:
            return None
        return self.clusters[best.cluster]

    def salient_force(self, block: int, tok) -> Cluster | None:
        """The force a contribution goes to when none is named: the last mission,
        operation or multinational force mentioned, else the last armed force; never a
        country's own force ("the Norlandic Defence Forces" that issued a statement)."""
        n = self._before(block, tok)
        missions = self._missions[: bisect.bisect_left(self._missions, n)]
        k = self._topic([i for i in missions if not self._national(i)])
        if k < 0:
            forces = self._of_class.get("ArmedForce", [])
            before = forces[: bisect.bisect_left(forces, n)]
            k = next((i for i in reversed(before) if not self._national(i)), -1)
        return self.clusters[self.ordered[k].cluster] if k >= 0 else None

    def _national(self, k: int) -> bool:
        """A country's own force: named with its demonym ("the Norlandic Army"; gazetteer
        demonyms), with its name before a kind of national force ("the Norland Defence
        Force") or as its possession ("Norland's navy")."""
        label = self.clusters[self.ordered[k].cluster].label
        words = norm(label).split()
        if words and words[0] in lexicon().force_prefixes:
            words = words[1:]  # "the Royal Norlandic Navy"
        demonyms = gazetteer().by_demonym
        heads = (" ".join(words[:2]), words[0] if words else "")
        owner = next((demonyms[w] for w in heads if w in demonyms), None)
        if owner is None and _ends_with_force_noun(words):  # "the Norland Defence Force"
            names = gazetteer().by_name
            owner = next((names[w] for w in heads if w in names), None)
        if owner is not None and owner.cls == "Country":
            return True
        if "'s " not in label:
            return False
        # "Norland's navy", but not "the Velmar Union's task force": a possessor the
        # gazetteer knows as no country owns a multinational force
        known = gazetteer().by_name.get(norm(label.split("'s ", 1)[0]))
        return known is None or known.cls == "Country"

    def _topic(self, indexes: list[int]) -> int:
        """Of the mentions at `indexes`, the last one of the entity the story is about:
        the one mentioned most often ("Exercise Coral Shield", not "an air policing
        mission" named once in passing), then a name before a description, then the
        latest."""
        if not indexes:
            return -1
        best: dict[int, tuple[bool, int, int]] = {}
        for k in indexes:
            c = self.clusters[self.ordered[k].cluster]
            count, named, _last = best.get(c.id, (0, c.label[:1].isupper(), k))
            best[c.id] = (count + 1, named, k)
        return max(best.values())[2]

    def sentence_number(self, pos: int) -> int:
        return max(0, bisect.bisect_right(self.sentence_starts, pos) - 1)

    def as_actor(self, ref: Ref) -> Ref:
        """A seat of government standing for its country ("London said")."""
        c = ref.cluster
        if c.metonym_of is not None and c.cls == "City":
            country = self.add_cluster(c.metonym_of.cls, c.metonym_of.label, c.metonym_of)
            return Ref(country, ref.guessed)
        return ref


# the classes whose names a common noun does not refer back to ("the minister" is read as a
# title, "the city" is no description of a place), and the articles that make a noun definite
_UNNAMED_BY_HEAD = frozenset({"Person", "Position", "City", "Country", "Region", "NewsAgency"})
_DEFINITE = frozenset({"the", "this"})


def _says_more(t, tok, kids, words) -> bool:
    """Whether the definite noun `tok` (its children `kids` in the Tree `t`) says more than
    the entity's name and descriptions (`words`): a modifier not among them ("the private
    bank"), or a complement after it that the name lacks ("the bank of Velmar" is another
    bank than "the Norland National Bank", review r14 Z2)."""
    if any(
        t.dep[d] in ("amod", "compound", "nmod", "nummod", "poss") and t.lower[d] not in words
        for d in kids
    ):
        return True
    return any(
        t.dep[d] == "prep" and any(w.is_alpha and w.lower_ not in words for w in tok.doc[d].subtree)
        for d in kids
    )


def _quoted(tok) -> bool:
    """Whether a word is inside a quotation of its sentence (an odd number of quote marks
    before it there): what a speaker says in general ("A parliament that can only advise is
    a parliament that can be ignored") brings in no new one of its noun's kind."""
    marks = lexicon().quote_marks
    sent = tok.sent
    return sum(ch in marks for ch in tok.doc.text[sent.start_char : tok.idx]) % 2 == 1


def _name_head(label: str) -> str:
    """The head word of a name: its last word before a complement ("bank" of "Velmar
    Development Bank", "council" of "Council of Elders", "bank" of "Bank of Velmar"), "" for
    a name of one word (a name, not a noun: "Irini")."""
    words = norm(label).split()
    for i, w in enumerate(words):
        if w in ("of", "for", "on") and i > 0:
            return words[i - 1]  # "Bank of Velmar": a noun and its complement
    return words[-1] if len(words) >= 2 else ""


def _mission_event(c: Cluster, m: Mention, mission_nouns: frozenset[str]) -> bool:
    """Whether a mention of a force or an event is one of a mission: its entity's name or the
    words it is written with here have a mission noun ("Operation Coral", "the Velmar Force";
    "the mission" written of "EUFOR Sentinel"); for an event, only as the head noun ("the
    exercises in the Baltic", "Exercise Coral Shield"), not a word before it ("a force
    generation conference", "coalition talks": a meeting where contributions are pledged is
    not what they go to)."""
    for label in (c.label, m.text):
        words = label.lower().split()  # as the mission nouns are written (no norm spelling)
        if not set(words) & mission_nouns:
            continue
        if c.cls != "Event":
            return True
        lex = lexicon()
        ends = lex.mission_head_ends
        head = next((words[i - 1] for i, w in enumerate(words) if i > 0 and w in ends), words[-1])
        if head in mission_nouns or words[0] in lex.name_prefixes:
            return True
    return False


def _ends_with_force_noun(words: list[str]) -> bool:
    """A name whose last words are a country's kind of force (lexicon `force_nouns`: "...
    Defence Force", "... Army"), not a mission's ("Kosovo Force")."""
    return any(words[-len(n.split()) :] == n.split() for n in lexicon().force_nouns)


@cache
def _title_words() -> frozenset[str]:
    """Words of titles that can refer back to a person ("the minister")."""
    lex = lexicon()
    return frozenset(
        w
        for p in lex.positions
        for w in p.split()
        if len(w) > 3 and (w not in lex.generic_position_words or w in lex.anaphoric_title_words)
    )


def _bare(tok) -> bool:
    """A noun with a determiner of lexicon `anaphor_determiners` and nothing else ("the
    party", not "his party", "the ruling party", "the party of X")."""
    kids = list(tok.children)
    determiners = lexicon().anaphor_determiners
    return bool(kids) and all(c.dep_ == "det" and c.lower_ in determiners for c in kids)
