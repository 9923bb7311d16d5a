"""Syntax normalisation: sentences to clauses (see clauses.py)."""
