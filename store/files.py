"""Workspace files: how one is recognised, checked and named, with sqlite3 only.

Kept apart from ``store.workspace`` so the GUI can check and read a file at
start-up without importing SQLAlchemy.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

from store.errors import NewerSchema, NotAWorkspace, WorkspaceError

APPLICATION_ID = 0x4C4D4150  # "LMAP" in the SQLite header: marks our files
SQLITE_MAGIC = b"SQLite format 3\x00"
# The newest schema revision this code writes; a test checks it is Alembic's head.
SCHEMA_HEAD = "0003"
KNOWN_REVISIONS = ("0001", "0002", "0003")
WORKSPACE_SUFFIX = ".leasemap"


def inspect_file(path: Path) -> str:
    """The schema revision of a workspace file, read without changing it.

    Raises :class:`NotAWorkspace` or :class:`NewerSchema` with a message that
    names the file and the problem.
    """
    if not path.exists():
        raise WorkspaceError(f"{path}: no such file")
    if not path.is_file():
        raise NotAWorkspace(f"{path} is a folder, not a Leasemap workspace")
    with path.open("rb") as handle:
        header = handle.read(100)  # the SQLite file header
    if not header:
        raise NotAWorkspace(f"{path} is empty, not a Leasemap workspace")
    if header[: len(SQLITE_MAGIC)] != SQLITE_MAGIC:
        raise NotAWorkspace(f"{path} is not a Leasemap workspace (not an SQLite database)")
    # The application id is in the header (offset 68): check it before SQLite opens the
    # file, since even a read-only connection leaves -wal/-shm beside a WAL database.
    if len(header) < 100:
        raise NotAWorkspace(f"{path} is damaged or not a Leasemap workspace (truncated header)")
    if int.from_bytes(header[68:72], "big") != APPLICATION_ID:
        raise NotAWorkspace(f"{path} is an SQLite database but not a Leasemap workspace")
    try:
        connection = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    except sqlite3.Error as exc:
        raise NotAWorkspace(f"{path} cannot be read as a database: {exc}") from exc
    try:
        app_id = connection.execute("PRAGMA application_id").fetchone()[0]
        if app_id != APPLICATION_ID:
            raise NotAWorkspace(f"{path} is an SQLite database but not a Leasemap workspace")
        row = connection.execute("SELECT version_num FROM alembic_version").fetchone()
    except sqlite3.DatabaseError as exc:
        raise NotAWorkspace(f"{path} is damaged or not a Leasemap workspace: {exc}") from exc
    finally:
        connection.close()
    if row is None:
        raise NotAWorkspace(f"{path} has no schema revision; it was never finished")
    revision = row[0]
    if revision not in KNOWN_REVISIONS:
        raise NewerSchema(
            f"{path} was written by a newer Leasemap (schema {revision}); "
            f"this version reads up to schema {SCHEMA_HEAD}. Update Leasemap to open it."
        )
    return revision


def side_files(path: Path) -> list[Path]:
    return [path.with_name(path.name + suffix) for suffix in ("-wal", "-shm", "-journal")]
