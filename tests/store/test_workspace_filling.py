"""Workspace.filling: a new workspace filled in one transaction, written once, then a
workspace like any other."""

from __future__ import annotations

import sqlite3
import uuid

import pytest
from sqlalchemy import func, select

from store.changes import insert_rows
from store.schema import Outbox, Park
from store.workspace import Workspace


def _pragma(session, name: str):
    return session.connection().exec_driver_sql(f"PRAGMA {name}").scalar()


def test_filling_writes_rows_and_ops_and_leaves_a_usual_workspace(tmp_path):
    path = tmp_path / "w.leasemap"
    ws = Workspace.create(path)
    try:
        with ws.filling() as s:
            assert _pragma(s, "journal_mode") == "memory"  # each page written once
            assert _pragma(s, "synchronous") == 0
            insert_rows(s, Park, [{"id": uuid.UUID(int=1), "code": "P", "name": "园区"}])
        with ws.reading() as s:
            assert _pragma(s, "journal_mode") == "wal"
            assert _pragma(s, "synchronous") == 1  # NORMAL, as every connection
            assert s.scalar(select(func.count()).select_from(Park)) == 1
            assert s.scalar(select(func.count()).select_from(Outbox)) == 1
    finally:
        ws.close()
    raw = sqlite3.connect(path)
    try:
        assert raw.execute("PRAGMA journal_mode").fetchone() == ("wal",)  # in the file
        assert raw.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    finally:
        raw.close()
    reopened = Workspace.open(path)
    try:
        with reopened.reading() as s:
            assert s.scalar(select(Park.name)) == "园区"
    finally:
        reopened.close()


def test_a_failed_filling_writes_nothing(tmp_path):
    ws = Workspace.create(tmp_path / "w.leasemap")
    try:
        with pytest.raises(RuntimeError), ws.filling() as s:
            insert_rows(s, Park, [{"id": uuid.UUID(int=1), "code": "P", "name": "p"}])
            assert s.scalar(select(func.count()).select_from(Park)) == 1
            raise RuntimeError("stop")
        with ws.reading() as s:
            assert s.scalar(select(func.count()).select_from(Park)) == 0
            assert s.scalar(select(func.count()).select_from(Outbox)) == 0
            assert _pragma(s, "journal_mode") == "wal"
        with ws.transaction() as s:  # and the workspace takes writes as before
            s.add(Park(id=uuid.UUID(int=2), code="Q", name="q"))
        with ws.reading() as s:
            assert s.scalar(select(Park.code)) == "Q"
    finally:
        ws.close()
