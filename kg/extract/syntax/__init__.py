"""Syntax normalisation: sentences to clauses (clauses.py), with their arguments
(arguments.py) and modality (modality.py)."""
