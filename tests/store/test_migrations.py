"""Migrations build the schema store.schema describes, on SQLite and PostgreSQL."""

from __future__ import annotations

import sqlite3

import pytest
from alembic.autogenerate import compare_metadata
from alembic.config import Config
from alembic.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import inspect, text

from store.schema import Base, Outbox, WorkspaceMeta
from store.workspace import (
    APPLICATION_ID,
    KNOWN_REVISIONS,
    MIGRATIONS,
    SCHEMA_HEAD,
    Workspace,
)

EXPECTED_TABLES = {t.name for t in Base.metadata.sorted_tables}


def _script() -> ScriptDirectory:
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    return ScriptDirectory.from_config(config)


def _differences(engine) -> list:
    with engine.connect() as connection:
        context = MigrationContext.configure(connection, opts={"compare_type": True})
        return compare_metadata(context, Base.metadata)


@pytest.fixture
def workspace(tmp_path):
    ws = Workspace.create(tmp_path / "empty.leasemap")
    yield ws
    ws.close()


def test_expected_tables_cover_the_model():
    assert {"parks", "buildings", "floors", "units", "tenants", "contracts"} <= EXPECTED_TABLES
    assert {"contract_units", "workspace_meta", "outbox"} <= EXPECTED_TABLES


def test_migrations_build_an_empty_workspace(workspace, tmp_path):
    tables = set(inspect(workspace.engine).get_table_names())
    assert tables == EXPECTED_TABLES | {"alembic_version"}
    with workspace.engine.connect() as connection:
        assert connection.execute(text("SELECT version_num FROM alembic_version")).all() == [
            (SCHEMA_HEAD,)
        ]
        assert connection.exec_driver_sql("PRAGMA application_id").scalar() == APPLICATION_ID
        assert connection.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert connection.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
        for table in EXPECTED_TABLES - {"workspace_meta"}:
            assert connection.execute(text(f"SELECT count(*) FROM {table}")).scalar() == 0
    with workspace.reading() as session:
        meta = {m.key: m.value for m in session.query(WorkspaceMeta)}
        assert session.query(Outbox).count() == 0
    assert meta["device_id"] == workspace.device_id
    assert "-" not in workspace.device_id
    assert {"device_id", "created_at", "application"} <= set(meta)
    # The header, as another program would read it, carries our application id.
    raw = sqlite3.connect(tmp_path / "empty.leasemap")
    try:
        assert raw.execute("PRAGMA application_id").fetchone()[0] == APPLICATION_ID
    finally:
        raw.close()


def test_schema_head_is_alembics_head():
    script = _script()
    heads = script.get_heads()
    assert heads == [SCHEMA_HEAD], "one head only, and SCHEMA_HEAD names it"
    revisions = {rev.revision for rev in script.walk_revisions()}
    assert revisions == set(KNOWN_REVISIONS)
    assert len(KNOWN_REVISIONS) == len(set(KNOWN_REVISIONS))
    assert KNOWN_REVISIONS[-1] == SCHEMA_HEAD


def test_migrated_sqlite_matches_the_model(workspace):
    assert _differences(workspace.engine) == []


@pytest.mark.postgres
def test_migrations_run_on_postgresql(pg_db_url):
    ws = Workspace.connect(pg_db_url)
    try:
        assert set(inspect(ws.engine).get_table_names()) == EXPECTED_TABLES | {"alembic_version"}
        with ws.engine.connect() as connection:
            assert connection.execute(text("SELECT version_num FROM alembic_version")).all() == [
                (SCHEMA_HEAD,)
            ]
        assert _differences(ws.engine) == []
        device_id = ws.device_id
    finally:
        ws.close()
    # Connecting again is an upgrade to the same head: nothing changes, same device.
    again = Workspace.connect(pg_db_url)
    try:
        assert again.device_id == device_id
        assert _differences(again.engine) == []
    finally:
        again.close()
