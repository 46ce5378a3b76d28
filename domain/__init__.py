"""The business: entities and rules. Pure Python: no Qt, no database, no files."""
