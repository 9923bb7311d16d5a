"""What "it" and "its" stand for: the country or body that reports the clause ("Norland said
it would ..."), the subject of the clause above a possessive ("X trains Y, and its commander"),
the object of a coordinated clause before ("The union adopted the plan, and Velmar opposed it"),
else the last one named. A part of ArticleIndex (kg/extract/resolve.py), which mixes it in."""

from __future__ import annotations

from kg.extract.clusters import Cluster

# the classes of entities that act (say, send, lead); "it" stands for one of them but a person
ACTOR_CLASSES = {
    "Person",
    "Organization",
    "GovernmentBody",
    "ArmedForce",
    "PoliticalParty",
    "NewsAgency",
    "InternationalOrganization",
    "Country",
}


class Things:
    """The "it"/"its" lookups of ArticleIndex (they use its mentions and lookups)."""

    def _thing_pronoun(self, block: int, tok) -> Cluster | None:
        """The country or body "it"/"its" stands for (or nothing)."""
        things = ACTOR_CLASSES - {"Person"}
        reporter = self._reporter(block, tok)
        if reporter is not None:  # "Norland said it would ...": Norland, or nothing
            c = reporter if reporter.cls in things else None
            return c or self._reporters_owner(block, tok)
        c = None
        if tok.dep_ == "poss":
            c = self._thing_owner(block, tok)
        elif tok.dep_ == "dobj":
            c = self._parallel_object(block, tok)
        return c or self._antecedent(block, tok, things, same_or_previous=True)

    def _thing_owner(self, block: int, tok) -> Cluster | None:
        """For "its" before a noun, the body or country that is the subject of the nearest
        clause above it, named before it ("X trains our coast guard, and its commander, Y,
        ...": X's; "The force will be commanded by Y, who was named its commander": the
        force's; a seat of government for its country), rather than the last one named."""
        if tok.head.dep_ == "conj":  # "Sweden and its prime minister": Sweden's
            refs = [self.as_actor(r) for r in self._refs_one(block, tok.head.head)]
            if refs and refs[0].cluster.cls in ACTOR_CLASSES - {"Person"}:
                return refs[0].cluster
        for verb in tok.ancestors:
            if verb.pos_ not in ("VERB", "AUX"):
                continue
            for subject in verb.children:
                # "Norvik, for its part, is considering its own sanctions": the parser may read
                # a subject written first as a noun phrase adverb
                if subject.dep_ not in ("nsubj", "nsubjpass", "npadvmod") or subject.i >= tok.i:
                    continue
                if tok in subject.subtree:
                    continue
                refs = [self.as_actor(r) for r in self._refs_one(block, subject)]
                if refs and refs[0].cluster.cls in ACTOR_CLASSES - {"Person"}:
                    return refs[0].cluster
        return None

    def _parallel_object(self, block: int, tok) -> Cluster | None:
        """For "it" as the object of a clause coordinated with one before it, that clause's
        object ("Norland will host the summit in May, and X will chair it": the summit;
        "The union adopted the plan, and Velmar opposed it": the plan), not the last body
        named."""
        verb = tok.head
        if verb.dep_ != "conj" or verb.head.i >= verb.i:
            return None
        for obj in verb.head.children:
            if obj.dep_ != "dobj" or obj.i >= tok.i:
                continue
            refs = [self.as_actor(r) for r in self._refs_one(block, obj)]
            if refs and refs[0].cluster.cls != "Person":
                return refs[0].cluster
        return None
