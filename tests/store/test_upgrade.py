"""A workspace from an older schema is upgraded on open, after a backup."""

from __future__ import annotations

import sqlite3

from sqlalchemy import select

from store.files import SCHEMA_HEAD, inspect_file
from store.schema import Unit
from store.workspace import Workspace, run_migrations
from tests.small_park import build_small_workspace


def _downgrade(path, revision: str) -> None:
    ws = Workspace.open(path)
    run_migrations(ws.engine, revision, downgrade=True)
    ws.close()


def test_older_workspace_is_upgraded_with_a_backup(tmp_path):
    park = build_small_workspace(tmp_path / "old.leasemap")
    _downgrade(park.path, "0001")
    assert inspect_file(park.path) == "0001"
    columns = {r[1] for r in sqlite3.connect(park.path).execute("PRAGMA table_info(units)")}
    assert "source_key" not in columns

    with Workspace.open(park.path) as ws, ws.reading() as session:
        codes = sorted(u.code for u in session.scalars(select(Unit)))
        assert all(u.source_key == "" for u in session.scalars(select(Unit)))
    assert codes == sorted(park.unit_codes)
    assert inspect_file(park.path) == SCHEMA_HEAD
    backup = park.path.with_name("old.leasemap.schema-0001.bak")
    assert backup.exists() and inspect_file(backup) == "0001"
