"""Leasing rules (SPEC §4): contracts' clauses and the rent schedule they make. Pure."""
