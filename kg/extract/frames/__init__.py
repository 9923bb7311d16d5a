"""Meaning: clauses to relations. A frame of the lexicon (data/patterns/frames.yaml) maps a
verb or noun lemma and where its arguments are to an ontology predicate; the clause (see
kg/extract/syntax) gives the arguments and the modality, kg/extract/actors.py the entities
the arguments stand for, the speaker gives attribution.

- `match.py`: matching clauses against the frames and emitting candidate relations;
- `objects.py`: where a frame's objects are (the object specs of frames.yaml);
- `nouns.py`: who does what an event noun says, and who takes part in it;
- `carried.py`: relations a later clause continues ("The measures target X") or repeats for
  its own subjects ("B is considering a similar step");
- `sourced.py`: contributions named with where they come from ("deployed with troops from A");
- `candidates.py`: the candidate relation and who says it (attribution).
- `state.py`: what an official of a country declines, opposes or gives, the country does.
"""
