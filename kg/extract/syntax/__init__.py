"""Syntax normalisation: sentences to clauses (clauses.py), with their arguments
(arguments.py) and modality (modality.py: the verb chain; events.py: event nouns; posts.py:
posts given by a verb)."""
