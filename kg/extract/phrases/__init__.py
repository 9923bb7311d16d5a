"""Noun-phrase constructions, as spaCy components over patterns in data/patterns/:
titles of posts ("Minister of Foreign Affairs", "deputy ambassador") and their qualifiers."""
