"""Relations stated by the shape of a noun phrase, not by a verb, one module a construction:

- `positions`: a title and its holder (`holders`), its owner (`owners`), qualifiers, and
  what a leader's title leads; `lists`: titles paired with lists of people ("A and B, the
  defence and foreign ministers respectively", "Foreign Ministers A and B");
- `succession`: "A succeeds B", "A's predecessor, B"; `leadership`: "the agency is headed by X";
- `counterparts`: "her German counterpart, X" holds for Germany the possessor's post;
- `attributes`: a possessor of a plan ("Ortiz's five-point peace plan": who proposed it), a
  force in a place ("a monitoring force in Darfur"), a person of an organisation ("Admiral X
  of the Royal Navy").

`base` holds what they share: the `Builder` of candidates and the positions held.
"""

from __future__ import annotations

from kg.extract.constructions.attributes import force_place, person_of, plan_possessor
from kg.extract.constructions.base import Builder
from kg.extract.constructions.counterparts import counterparts
from kg.extract.constructions.elsewhere import named_later
from kg.extract.constructions.leadership import leadership, portfolios
from kg.extract.constructions.lists import respectively
from kg.extract.constructions.members import grouped, member_lists
from kg.extract.constructions.positions import read_position
from kg.extract.constructions.succession import succession
from kg.extract.constructions.venues import venues
from kg.extract.frames.candidates import Candidate
from kg.extract.resolve import ArticleIndex


def construction_candidates(index: ArticleIndex, block: int, doc) -> list[Candidate]:
    b = Builder(index, block, doc)
    mentions = index.in_block.get(block, [])
    positions = [m for m in mentions if b.is_position(m)]
    for pos in positions:
        read_position(b, pos)
    for m in mentions:
        c = b.cluster(m)
        if c.cls not in ("Plan", "ArmedForce", "Person"):
            continue  # (no Token made for the others)
        head = doc[m.head]
        if c.cls == "Plan" and m.label != "DESC":  # "his statement" proposes nothing
            plan_possessor(b, m, head)
        if c.cls == "ArmedForce":
            force_place(b, m, head)
        if c.cls == "Person":
            person_of(b, m, head)
    counterparts(b)
    respectively(b)
    member_lists(b)
    grouped(b)
    named_later(b)
    leadership(b)
    portfolios(b)
    succession(b)
    venues(b)
    return b.out
