"""Billing and receivables (SPEC §5): the pure rules, no store and no Qt."""
