"""Persistence: SQLAlchemy 2 schema, workspace files, migrations, change log."""
