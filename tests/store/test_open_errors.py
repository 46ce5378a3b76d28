"""Opening anything that is not a current workspace fails clearly and changes nothing."""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

import pytest

from store.errors import NewerSchema, NotAWorkspace, WorkspaceError
from store.workspace import APPLICATION_ID, SCHEMA_HEAD, Workspace, inspect_file

SIDE_SUFFIXES = ("-wal", "-shm", "-journal")
PNG_HEADER = (
    b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x10\x00\x00\x00\x10\x08\x06\x00\x00\x00"
)


def _foreign_sqlite(path: Path, *, wal: bool = False) -> None:
    connection = sqlite3.connect(path)
    try:
        if wal:
            connection.execute("PRAGMA journal_mode=WAL")
        connection.execute("CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT)")
        connection.execute("INSERT INTO notes (body) VALUES ('someone else''s data')")
        connection.commit()
    finally:
        connection.close()


def _ours_without_revision(path: Path, *, table: bool) -> None:
    connection = sqlite3.connect(path)
    try:
        connection.execute(f"PRAGMA application_id={APPLICATION_ID}")
        if table:
            connection.execute("CREATE TABLE alembic_version (version_num VARCHAR(32) NOT NULL)")
        connection.commit()
    finally:
        connection.close()


def _newer_workspace(path: Path) -> None:
    Workspace.create(path).close()
    connection = sqlite3.connect(path)
    try:
        connection.execute("UPDATE alembic_version SET version_num = '9999'")
        connection.commit()
        connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    finally:
        connection.close()
    for suffix in SIDE_SUFFIXES:  # a cleanly closed workspace is a single file
        assert not path.with_name(path.name + suffix).exists()


def _make(kind: str, path: Path) -> None:
    if kind == "empty":
        path.write_bytes(b"")
    elif kind == "text":
        path.write_text("Unit,Area\nA-101,120.5\n这不是数据库\n", encoding="utf-8")
    elif kind == "random":
        path.write_bytes(os.urandom(64 * 1024))
    elif kind == "png":
        path.write_bytes(PNG_HEADER + os.urandom(2048))
    elif kind == "truncated-sqlite":
        path.write_bytes(b"SQLite format 3\x00" + b"\x00" * 20)
    elif kind == "damaged-sqlite":
        path.write_bytes(b"SQLite format 3\x00" + os.urandom(8192))
    elif kind == "foreign-sqlite":
        _foreign_sqlite(path)
    elif kind == "foreign-sqlite-wal":
        _foreign_sqlite(path, wal=True)
    elif kind == "ours-no-version-table":
        _ours_without_revision(path, table=False)
    elif kind == "ours-empty-version-table":
        _ours_without_revision(path, table=True)
    elif kind == "newer":
        _newer_workspace(path)
    else:  # pragma: no cover
        raise AssertionError(kind)


CASES = [
    ("empty", NotAWorkspace, "empty"),
    ("text", NotAWorkspace, "not an SQLite database"),
    ("random", NotAWorkspace, "not an SQLite database"),
    ("png", NotAWorkspace, "not an SQLite database"),
    ("truncated-sqlite", NotAWorkspace, "not a Leasemap workspace"),
    ("damaged-sqlite", NotAWorkspace, "not a Leasemap workspace"),
    ("foreign-sqlite", NotAWorkspace, "SQLite database but not a Leasemap workspace"),
    ("foreign-sqlite-wal", NotAWorkspace, "SQLite database but not a Leasemap workspace"),
    ("ours-no-version-table", NotAWorkspace, "not a Leasemap workspace"),
    ("ours-empty-version-table", NotAWorkspace, "no schema revision"),
    ("newer", NewerSchema, "newer Leasemap (schema 9999)"),
]


def _state(folder: Path) -> dict[str, tuple[bytes, int]]:
    """Every file in ``folder`` with its bytes and modification time."""
    return {p.name: (p.read_bytes(), p.stat().st_mtime_ns) for p in sorted(folder.iterdir())}


@pytest.mark.parametrize(("kind", "error", "problem"), CASES, ids=[c[0] for c in CASES])
@pytest.mark.parametrize("opener", ["open", "inspect_file"])
def test_a_file_that_is_not_a_current_workspace_is_refused_untouched(
    tmp_path, kind, error, problem, opener
):
    folder = tmp_path / "files"
    folder.mkdir()
    path = folder / f"{kind}.leasemap"
    _make(kind, path)
    before = _state(folder)

    with pytest.raises(error) as caught:
        if opener == "open":
            Workspace.open(path)
        else:
            inspect_file(path)

    message = str(caught.value)
    assert isinstance(caught.value, WorkspaceError)
    assert str(path) in message
    assert problem in message
    if kind == "newer":
        assert SCHEMA_HEAD in message and "Update Leasemap" in message
    # Byte for byte the same, same mtime, and no -wal/-shm/-journal left beside it.
    after = _state(folder)
    if kind == "newer":
        # Our own (WAL) file: SQLite's read-only connection may leave -wal/-shm beside it;
        # the workspace itself must not change.
        after = {name: v for name, v in after.items() if not name.endswith(SIDE_SUFFIXES)}
    assert after == before
    if kind != "newer":
        for suffix in SIDE_SUFFIXES:
            assert not path.with_name(path.name + suffix).exists()


def test_a_missing_file_is_refused_and_not_created(tmp_path):
    path = tmp_path / "missing.leasemap"
    with pytest.raises(WorkspaceError) as caught:
        Workspace.open(path)
    assert str(path) in str(caught.value)
    assert "no such file" in str(caught.value)
    assert list(tmp_path.iterdir()) == []


def test_a_folder_is_refused_untouched(tmp_path):
    folder = tmp_path / "looks-like.leasemap"
    folder.mkdir()
    (folder / "inside.txt").write_text("hello")
    mtime = folder.stat().st_mtime_ns
    with pytest.raises(NotAWorkspace) as caught:
        Workspace.open(folder)
    assert str(folder) in str(caught.value)
    assert "folder" in str(caught.value)
    assert folder.stat().st_mtime_ns == mtime
    assert [p.name for p in folder.iterdir()] == ["inside.txt"]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["looks-like.leasemap"]


def test_a_foreign_database_keeps_its_contents(tmp_path):
    path = tmp_path / "theirs.db"
    _foreign_sqlite(path)
    with pytest.raises(NotAWorkspace):
        Workspace.open(path)
    connection = sqlite3.connect(path)
    try:
        assert connection.execute("PRAGMA application_id").fetchone()[0] == 0
        assert connection.execute("SELECT body FROM notes").fetchall() == [("someone else's data",)]
        tables = {r[0] for r in connection.execute("SELECT name FROM sqlite_master")}
        assert tables == {"notes"}
    finally:
        connection.close()


def test_a_current_workspace_opens(tmp_path):
    path = tmp_path / "good.leasemap"
    Workspace.create(path).close()
    assert inspect_file(path) == SCHEMA_HEAD
    ws = Workspace.open(path)
    ws.close()
    assert not list(tmp_path.glob("*.bak")), "no upgrade backup for a current schema"


@pytest.mark.parametrize("existing", ["workspace", "text", "folder"])
def test_create_refuses_an_existing_path(tmp_path, existing):
    path = tmp_path / "taken.leasemap"
    if existing == "workspace":
        Workspace.create(path).close()
    elif existing == "text":
        path.write_text("mine")
    else:
        path.mkdir()
    before = _state(tmp_path) if existing != "folder" else None
    with pytest.raises(WorkspaceError) as caught:
        Workspace.create(path)
    assert str(path) in str(caught.value)
    assert "already exists" in str(caught.value)
    if before is not None:
        assert _state(tmp_path) == before
    else:
        assert path.is_dir() and list(path.iterdir()) == []
