"""Who a personal pronoun stands for ("she", "his", "it" as a reported subject): the
reporter of its clause, the chain of earlier pronouns, the subject of the sentence before,
the subject of the clause above a possessive; never its own clause's subject when it is the
object. A part of ArticleIndex (kg/extract/resolve.py), which mixes it in."""

from __future__ import annotations

from kg.extract.clusters import Cluster
from kg.extract.doc_memo import sentence
from kg.extract.lexicon import gazetteer, lexicon, norm
from kg.extract.syntax.arguments import shared_subject
from kg.extract.syntax.tree import tree


class Pronouns:
    """The pronoun lookups of ArticleIndex (they use its mentions and lookups)."""

    def _read_genders(self) -> None:
        """What the text tells of persons before any pronoun is read: the gender a courtesy
        title gives, and the "persons" whose name the gazetteer knows as a place or a seat
        of government (the recognizer may read a two-word seat of government as a person)."""
        self._courtesy_genders()
        gaz = gazetteer()
        for c in self.clusters:
            if c.cls == "Person" and c.entry is None:
                key = norm(c.label)
                known = gaz.by_name.get(key) or gaz.by_metonym.get(key)
                if known is not None and known.cls != "Person":
                    self.places_as_persons.add(c.id)

    def _courtesy_genders(self) -> None:
        """The gender of each person a courtesy title names ("Ms Solvang", "Mr. Ekberg";
        lexicon `courtesy_genders`), from the word before a mention or its first word."""
        genders = lexicon().courtesy_genders
        if not genders:
            return
        for m in self.ordered:
            c = self.clusters[m.cluster]
            if c.cls != "Person" or c.id in self.genders:
                continue
            doc = self.docs[m.block]
            words = [doc[m.tok_start]]
            before = m.tok_start - 1
            if before >= 0 and doc[before].text == "." and before > 0:
                before -= 1  # "Mr. X"
            if before >= 0:
                words.append(doc[before])
            for word in words:
                gender = genders.get(word.lower_.rstrip("."))
                if gender is not None:
                    self.genders[c.id] = gender
                    break

    def _person_pronoun(self, block: int, tok) -> Cluster | None:
        """The person a personal pronoun stands for (each pronoun is resolved once: later
        pronouns follow the chain of earlier ones)."""
        key = (block, tok.i)
        if key in self._pronouns:
            return self._pronouns[key]
        self._resolve_pronouns_before(block, tok)
        self._pronouns[key] = None  # a pronoun never stands for itself
        c = self._person_pronoun_once(block, tok)
        self._pronouns[key] = c
        return c

    def _agrees(self, c: Cluster | None, tok) -> bool:
        """Whether a person may be what a pronoun stands for: no gender the text told of them
        (a courtesy title; a pronoun read by default tells none) other than the pronoun's."""
        if c is None or c.id in self.places_as_persons:
            return False
        told = self.genders.get(c.id)
        return told is None or told == lexicon().person_pronouns.get(tok.lower_, told)

    def _other_gender(self, tok) -> set[int]:
        """The persons the text told to be of another gender than the pronoun's, and the
        places the recognizer took for persons."""
        gender = lexicon().person_pronouns.get(tok.lower_)
        other = {cid for cid, told in self.genders.items() if told != gender}
        return other | self.places_as_persons

    def _resolve_pronouns_before(self, block: int, tok) -> None:
        """Resolve, in text order, every personal pronoun before `tok` not resolved yet. A
        pronoun follows the chain of earlier ones, and only backwards, so the answers are
        those of resolving on demand; but each link is then one step, not one level of
        recursion per sentence ("She smiled." four hundred times ends no build)."""
        start = self._pronoun_frontier
        if (block, tok.i) <= start:
            return
        pronouns = lexicon().person_pronouns
        self._pronoun_frontier = (block, tok.i)
        for b in range(start[0], block + 1):
            doc = self.docs[b]
            low = start[1] if b == start[0] else 0
            high = tok.i if b == block else len(doc)
            lower = tree(doc).lower  # a Token only for a pronoun
            for i in range(low, high):
                if lower[i] in pronouns and (b, i) not in self._pronouns:
                    self._person_pronoun(b, doc[i])

    def _person_pronoun_once(self, block: int, tok) -> Cluster | None:
        """In order: the subject of the verb that reports the pronoun's clause ("X said she
        would ..."); the same pronoun earlier in the sentence with no person named between
        ("Her first trip ..., where she will meet ..."); for a subject that opens its
        sentence, the subject of the sentence before; else the person named last, never a
        subject of the pronoun's own clause when the pronoun is its object ("X agreed to meet
        her": her is not X)."""
        reporter = self._reporter(block, tok)
        unlike: set[int] = set()
        said_by = self._reporting_pronoun(tok)
        groups = lexicon().person_pronouns
        if reporter is not None and said_by is not None and groups[said_by] != groups[tok.lower_]:
            unlike, reporter = {reporter.id}, None  # "He said she would ...": she is not he
        if reporter is not None and reporter.cls == "Person" and self._agrees(reporter, tok):
            # a name reporting tells the gender ("X said she ..."), a pronoun only repeats it;
            # but a person the text told to be of the pronoun's gender comes first
            # a default, not a proof: "Ekberg said she would ..." writes no gender of Ekberg
            # (a later "He" may still be him)
            return self._told_instead(reporter, block, tok, unlike)
        earlier = self._same_pronoun_before(block, tok)
        if earlier is not None:
            return self._person_pronoun(block, earlier)
        if tok.dep_ == "poss":  # "X and her counterpart": X's; "X urged them to meet his envoy"
            m = self.mention_at(block, tok.head.head) if tok.head.dep_ == "conj" else None
            partner = self.clusters[m.cluster] if m is not None else None
            if partner is not None and partner.cls == "Person" and self._agrees(partner, tok):
                return self._told_instead(partner, block, tok, unlike)
            owner = self._clause_subject(block, tok)
            if owner is not None and self._agrees(owner, tok):
                return self._told_instead(owner, block, tok, unlike)
            owner = self._reported_subject(block, tok)  # a default: it tells no gender
            if owner is not None and self._agrees(owner, tok):
                return self._told_instead(owner, block, tok, unlike)
        c = None
        if tok.dep_ in ("nsubj", "nsubjpass") or (
            tok.dep_ == "poss" and tok.head.dep_ in ("nsubj", "nsubjpass")
        ):  # "X succeeded Y, who resigned. She ...", "... Her first trip ..."
            c = self._subject_antecedent(block, tok)
        exclude = self._co_subjects(block, tok) | self._other_gender(tok) | unlike
        exclude |= self._described(block, tok)
        if c is not None and c.id not in unlike and self._agrees(c, tok):
            return self._told_instead(c, block, tok, exclude)
        c = self._antecedent(block, tok, {"Person"}, exclude=exclude)
        return self._told_instead(c, block, tok, exclude) if c is not None else None

    def _told_instead(self, c: Cluster, block: int, tok, exclude: set[int]) -> Cluster:
        """A default of untold gender gives way to the person named last, in the pronoun's
        sentence or the one before, whom the text told to be of the pronoun's gender ("Tomas
        Ekberg met Ms Mira Solvang. She will ...": Mira Solvang); a person of told gender
        stays."""
        gender = lexicon().person_pronouns.get(tok.lower_)
        if gender is None or c.id in self.genders:
            return c
        untold = {
            p.id for p in self.clusters if p.cls == "Person" and self.genders.get(p.id) != gender
        }
        told = self._antecedent(
            block, tok, {"Person"}, same_or_previous=True, exclude=untold | exclude
        )
        return told if told is not None and told.id not in self.places_as_persons else c

    def _reporter(self, block: int, tok) -> Cluster | None:
        """For the subject of a clause that a reporting verb governs ("Norland said it would
        ...", "X told reporters she had ..."), the entity the verb's subject stands for,
        when that subject comes first ("She will ..., a spokesperson said" is no report of
        the spokesperson's own plans)."""
        if tok.dep_ not in ("nsubj", "nsubjpass") or tok.head.dep_ != "ccomp":
            return None
        verb = tok.head.head
        if verb.lemma_.lower() not in lexicon().reporting_verbs:
            return None
        subject = shared_subject(verb)
        if subject is None or subject.i >= tok.i:
            return None
        refs = self._refs_one(block, subject)
        return self.as_actor(refs[0]).cluster if refs else None

    def _reporting_pronoun(self, tok) -> str | None:
        """The personal pronoun that is the subject of the verb reporting the pronoun's
        clause ("He said she would ...": "he"), if it is one."""
        if tok.head.dep_ != "ccomp":
            return None
        subject = shared_subject(tok.head.head)
        if subject is None or subject.lower_ not in lexicon().person_pronouns:
            return None
        return subject.lower_

    def _reporters_owner(self, block: int, tok) -> Cluster | None:
        """For "it" reported by a person, the country or body whose title the person bears
        in the reporting clause's subject ("X, Norland's foreign minister, said it would
        ...", "President X of Norland said it ..."): the person speaks for it."""
        subject = shared_subject(tok.head.head)
        if subject is None:
            return None
        return self._title_owner(block, subject, ("Country", "Organization", "GovernmentBody"))

    def _title_owner(self, block: int, head, classes) -> Cluster | None:
        """The first entity of `classes` named as an owner (a possessor, or the object of
        "of") in the phrase of `head`: "X, Norland's foreign minister" -> Norland."""
        owner_preps = lexicon().owner_preps
        for word in head.subtree:
            if word.dep_ != "poss" and not (
                word.dep_ == "pobj" and word.head.lower_ in owner_preps
            ):
                continue
            for ref in self._refs_one(block, word):
                if ref.cluster.cls in classes:
                    return ref.cluster
        return None

    def _reported_subject(self, block: int, tok) -> Cluster | None:
        """For a possessive in the subject of a reporting verb written after what it reports
        ("X may meet Y later today, her spokesperson said"), the person who is the subject of
        the reported clause: the speaker speaks for them."""
        head = tok.head
        if head.dep_ != "nsubj" or head.head.lemma_.lower() not in lexicon().reporting_verbs:
            return None
        verb = head.head
        for clause in (c for c in verb.children if c.dep_ == "ccomp" and c.i < verb.i):
            subject = next((c for c in clause.children if c.dep_ in ("nsubj", "nsubjpass")), None)
            if subject is None or subject.lower_ in lexicon().person_pronouns:
                continue
            refs = self._refs_one(block, subject)
            if refs and refs[0].cluster.cls == "Person":
                return refs[0].cluster
        return None

    def _clause_subject(self, block: int, tok) -> Cluster | None:
        """The person who is the subject of the nearest clause above a word, or of the clause
        a subject's clause is coordinated with, named before it (or a pronoun of the word's
        gender there, followed back)."""
        subject = None
        for verb in tok.ancestors:
            subject = next(
                (c for c in verb.children if c.dep_ == "nsubj" and tok not in c.subtree), None
            )
            if subject is not None:
                break
        if subject is None or subject.i >= tok.i:
            return None
        groups = lexicon().person_pronouns
        if subject.lower_ in groups:  # "She met Y and said her government ...": she
            if groups[subject.lower_] != groups.get(tok.lower_):
                return None
            return self._person_pronoun(block, subject)
        refs = self._refs_one(block, subject)
        return refs[0].cluster if refs and refs[0].cluster.cls == "Person" else None

    def _same_pronoun_before(self, block: int, tok):
        """The same personal pronoun (he/his, she/her) earlier in the sentence, with no person
        named between them."""
        groups = lexicon().person_pronouns
        group = groups.get(tok.lower_)
        for word in reversed(tok.doc[sentence(tok).start : tok.i]):
            if groups.get(word.lower_) == group:
                return word
            m = self.mention_at(block, word)
            if m is not None and self.clusters[m.cluster].cls == "Person":
                return None
        return None

    def _co_subjects(self, block: int, tok) -> set[int]:
        """For a pronoun that is a verb's object ("agreed to meet her", "met with him"), the
        entities that are that verb's subject: a pronoun object is never its own subject."""
        verb = tok.head
        if tok.dep_ == "pobj" and verb.dep_ == "prep":
            verb = verb.head
        elif tok.dep_ not in ("dobj", "dative"):
            return set()
        if verb.pos_ not in ("VERB", "AUX"):
            return set()
        subject = shared_subject(verb)
        if subject is None or subject.lower_ in lexicon().person_pronouns:
            return set()
        return {r.cluster.id for r in self._refs_one(block, subject)}

    def _described(self, block: int, tok) -> set[int]:
        """For the possessor of a verb's "as" complement ("The board proposed X as his
        successor", "named X as her deputy"), the entities that are that verb's object: the
        complement describes the object, whose own it is not."""
        noun = tok.head
        if tok.dep_ != "poss" or noun.dep_ != "pobj":
            return set()
        prep = noun.head
        if prep.lower_ not in lexicon().role_prepositions or prep.head.pos_ not in ("VERB", "AUX"):
            return set()
        objects = [c for c in prep.head.children if c.dep_ in ("dobj", "nsubjpass")]
        return {r.cluster.id for o in objects for r in self._refs_one(block, o)}

    def _subject_antecedent(self, block: int, tok) -> Cluster | None:
        """For a pronoun that is a subject: the person who is the subject of the main clause
        of the sentence before (a subject stays the topic: "X took office, succeeding Y,
        who resigned. She will travel ...": she is X), or of the clause it reports ("X will
        travel to Y, the ministry said. She ..."); a pronoun there is followed back. The
        subject of a verb of succession is the person an appointment before names ("A named
        B as prime minister. He replaces C": B)."""
        sent = sentence(tok)
        own = tok.head if tok.dep_ == "poss" else tok
        if any(t.dep_ in ("nsubj", "nsubjpass") and t.i < own.i for t in sent):
            return None  # an earlier subject in its own sentence: leave it to recency
        doc, b = self.docs[block], block
        previous = None
        if sent.start > 0:
            previous = sentence(doc[sent.start - 1])
        elif block > 0:
            b = block - 1
            previous = list(self.docs[b].sents)[-1] if len(self.docs[b]) else None
        if previous is None:
            return None
        root = previous.root
        clauses = [root]
        if root.lemma_.lower() in lexicon().reporting_verbs:  # "S, the ministry said": S first
            reported = [c for c in root.children if c.dep_ == "ccomp"]
            clauses = [c for c in reported if c.i < root.i] + clauses
            clauses += [c for c in reported if c.i > root.i]
        lex = lexicon()
        groups = lex.person_pronouns
        group = groups.get(tok.lower_)
        # "A has named B as prime minister. He replaces C": who replaces is the appointee
        takes_post = tok.dep_ == "nsubj" and tok.head.lemma_.lower() in lex.succession_verbs
        for clause in clauses:
            if takes_post and clause.lemma_.lower() in lex.appointment_verbs:
                for obj in (c for c in clause.children if c.dep_ == "dobj"):
                    refs = self._refs_one(b, obj)
                    if refs and refs[0].cluster.cls == "Person":
                        return refs[0].cluster
            for subj in clause.children:
                if subj.dep_ not in ("nsubj", "nsubjpass"):
                    continue
                # the subject, else the name in apposition to it ("Norland's defence minister,
                # X, met Y. He ..."), else its possessor ("X's first trip will be to Y. She ...")
                appositions = (c for c in subj.children if c.dep_ == "appos")
                possessors = (c for c in subj.children if c.dep_ == "poss")
                for word in (subj, *appositions, *possessors):
                    if word.lower_ in groups:
                        if groups[word.lower_] == group:
                            return self._person_pronoun(b, word)
                        continue
                    refs = self._refs_one(b, word)
                    if refs and refs[0].cluster.cls == "Person":
                        return refs[0].cluster
        return None

    def _same_pronoun_in_speaker(self, tok):
        """In "Her spokesman, X, said she would ...", the earlier "Her"."""
        reporting = lexicon().reporting_verbs
        current = tok
        for _ in range(6):
            if current.dep_ == "ROOT":
                break
            current = current.head
            if current.lemma_.lower() in reporting:
                groups = lexicon().person_pronouns
                group = groups.get(tok.lower_)
                for subj in (c for c in current.children if c.dep_ == "nsubj"):
                    for word in subj.subtree:
                        if word.i < tok.i and groups.get(word.lower_) == group:
                            return word
                break
        return None
