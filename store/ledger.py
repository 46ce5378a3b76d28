"""Ledger tables are insert-only in the database itself, not only in our code.

A bulk ``UPDATE``, a hand-run ``DELETE`` or a future bug would otherwise
rewrite history that balances, invoices and sync depend on. Triggers refuse
deleting a ledger row and changing any business column, on SQLite and on
PostgreSQL alike; sync bookkeeping (HLC stamps, ``row_version``,
``updated_at``) may still change. A migration that creates a ledger table
calls :func:`install_guards` for it. SQLite's batch migrations rebuild a
table and drop its triggers: call :func:`install_guards` again after any
batch alteration of a ledger table (it replaces what is there).
"""

from __future__ import annotations

import re

from sqlalchemy import JSON, Connection, MetaData, Table

from store.schema import LEDGER_INFO_KEY, SYNC_COLUMNS

# Sync may restamp a ledger row when the server accepts it; the row's id never changes.
MUTABLE_COLUMNS = SYNC_COLUMNS - {"id"}
_NAME = re.compile(r"^[a-z_][a-z0-9_]*$")

__all__ = [
    "MUTABLE_COLUMNS",
    "guarded_columns",
    "install_all",
    "install_guards",
    "is_ledger",
    "ledger_tables",
    "remove_guards",
]


def is_ledger(table: Table) -> bool:
    """Whether ``table`` is flagged insert-only (a :class:`store.schema.Ledger` table)."""
    return bool(table.info.get(LEDGER_INFO_KEY))


def ledger_tables(metadata: MetaData) -> list[Table]:
    """The ledger tables of ``metadata``, parents first."""
    return [t for t in metadata.sorted_tables if is_ledger(t)]


def guarded_columns(table: Table) -> list[str]:
    """The business columns: every column but sync bookkeeping."""
    return [c.name for c in table.columns if c.name not in MUTABLE_COLUMNS]


def install_guards(bind: Connection, table: Table) -> None:
    """Create (or replace) the triggers that keep ``table`` insert-only."""
    name = _checked(table.name)
    if bind.dialect.name == "sqlite":
        statements = _sqlite_guards(table, name)
    elif bind.dialect.name == "postgresql":
        statements = _postgresql_guards(table, name)
    else:  # the store runs on these two engines only: refuse rather than leave a ledger bare
        raise ValueError(f"ledger tables are guarded on SQLite and PostgreSQL only, "
                         f"not on {bind.dialect.name}")
    for statement in statements:
        bind.exec_driver_sql(statement)


def install_all(bind: Connection, metadata: MetaData) -> None:
    """Guard every ledger table of ``metadata`` (after a rebuild, or for a new database)."""
    for table in ledger_tables(metadata):
        install_guards(bind, table)


def remove_guards(bind: Connection, table_name: str) -> None:
    """Drop a table's guards (a downgrade that drops the table needs nothing of this)."""
    name = _checked(table_name)
    if bind.dialect.name == "sqlite":
        bind.exec_driver_sql(f'DROP TRIGGER IF EXISTS "ledger_no_delete_{name}"')
        bind.exec_driver_sql(f'DROP TRIGGER IF EXISTS "ledger_no_update_{name}"')
    else:
        bind.exec_driver_sql(f'DROP TRIGGER IF EXISTS ledger_guard ON "{name}"')
        bind.exec_driver_sql(f'DROP TRIGGER IF EXISTS ledger_guard_truncate ON "{name}"')
        bind.exec_driver_sql(f'DROP FUNCTION IF EXISTS "ledger_guard_{name}"()')


def _checked(name: str) -> str:
    # Names go into trigger names and error texts unquoted: only plain identifiers.
    if not _NAME.match(name):
        raise ValueError(f"ledger table names are plain identifiers, not {name!r}")
    return name


def _sqlite_guards(table: Table, name: str) -> list[str]:
    columns = guarded_columns(table)
    listed = ", ".join(f'"{c}"' for c in columns)
    changed = " OR ".join(f'OLD."{c}" IS NOT NEW."{c}"' for c in columns)
    return [
        f'DROP TRIGGER IF EXISTS "ledger_no_delete_{name}"',
        f'DROP TRIGGER IF EXISTS "ledger_no_update_{name}"',
        f'CREATE TRIGGER "ledger_no_delete_{name}" BEFORE DELETE ON "{name}" '
        f"BEGIN SELECT RAISE(ABORT, 'ledger rows are never deleted: {name}'); END",
        # UPDATE OF fires when a column is set at all; WHEN lets an identical value through,
        # as sync does when it re-applies a row it already has.
        f'CREATE TRIGGER "ledger_no_update_{name}" BEFORE UPDATE OF {listed} ON "{name}" '
        f"FOR EACH ROW WHEN {changed} "
        f"BEGIN SELECT RAISE(ABORT, 'ledger rows are never changed: {name}'); END",
    ]


def _postgresql_guards(table: Table, name: str) -> list[str]:
    def value(row: str, column: str) -> str:
        # json has no equality operator; jsonb compares by meaning.
        json = isinstance(table.c[column].type, JSON)
        return f'{row}."{column}"::jsonb' if json else f'{row}."{column}"'

    changed = " OR ".join(
        f"{value('NEW', c)} IS DISTINCT FROM {value('OLD', c)}" for c in guarded_columns(table)
    )
    function = f'"ledger_guard_{name}"'
    return [
        f"CREATE OR REPLACE FUNCTION {function}() RETURNS trigger LANGUAGE plpgsql AS $$\n"
        "BEGIN\n"
        "  IF TG_OP IN ('DELETE', 'TRUNCATE') THEN\n"
        f"    RAISE EXCEPTION 'ledger rows are never deleted: {name}'\n"
        "      USING ERRCODE = 'restrict_violation';\n"
        "  END IF;\n"
        f"  IF {changed} THEN\n"
        f"    RAISE EXCEPTION 'ledger rows are never changed: {name}'\n"
        "      USING ERRCODE = 'restrict_violation';\n"
        "  END IF;\n"
        "  RETURN NEW;\n"
        "END $$",
        f'DROP TRIGGER IF EXISTS ledger_guard ON "{name}"',
        f'CREATE TRIGGER ledger_guard BEFORE UPDATE OR DELETE ON "{name}" '
        f"FOR EACH ROW EXECUTE FUNCTION {function}()",
        f'DROP TRIGGER IF EXISTS ledger_guard_truncate ON "{name}"',
        f'CREATE TRIGGER ledger_guard_truncate BEFORE TRUNCATE ON "{name}" '
        f"FOR EACH STATEMENT EXECUTE FUNCTION {function}()",
    ]
