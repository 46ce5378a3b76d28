"""Workspace files: how one is recognised, checked and named, with sqlite3 only.

Kept apart from ``store.workspace`` so the GUI can check and read a file at
start-up without importing SQLAlchemy.

A live workspace is never opened outside SQLite. Closing any descriptor of a
file drops every POSIX lock the process holds on it, SQLite's included: a
reader that lost its lock lets another process (the CLI) checkpoint and
delete the -wal and -shm under it, and the edits that follow are lost or the
file is left malformed. So the raw header read that refuses foreign files
runs only on files this process has no descriptor of; SQLite itself keeps
track of its own descriptors and defers their close while it holds locks.
"""

from __future__ import annotations

import os
import sqlite3
import sys
import threading
from collections import Counter
from pathlib import Path

from store.errors import NewerSchema, NotAWorkspace, WorkspaceError

APPLICATION_ID = 0x4C4D4150  # "LMAP" in the SQLite header: marks our files
SQLITE_MAGIC = b"SQLite format 3\x00"
# The newest schema revision this code writes; a test checks it is Alembic's head.
SCHEMA_HEAD = "0011"
KNOWN_REVISIONS = (
    "0001", "0002", "0003", "0004", "0005", "0006", "0007", "0008", "0009", "0010", "0011",
)
WORKSPACE_SUFFIX = ".leasemap"

_held: Counter[str] = Counter()  # resolved path -> connections this process holds on it
_held_lock = threading.Lock()


def hold(path: Path) -> None:
    """Note that this process is about to keep a connection open on ``path``.

    Call before connecting, so no thread reads the file raw in between;
    :func:`release` once per :func:`hold`, after the connection is closed.
    """
    with _held_lock:
        _held[_key(path)] += 1


def release(path: Path) -> None:
    """Undo one :func:`hold`."""
    key = _key(path)
    with _held_lock:
        _held[key] -= 1
        if _held[key] <= 0:
            del _held[key]


def is_open_here(path: Path) -> bool:
    """Whether this process may hold a descriptor (and so SQLite locks) on ``path``.

    Held connections are one answer; the process's open descriptors are the
    other, so a connection opened without :func:`hold` (any ``sqlite3``
    reader) still counts. Windows needs no check: its locks belong to a
    handle, and closing another handle leaves them alone.
    """
    with _held_lock:
        if _key(path) in _held:
            return True
    if sys.platform == "win32":
        return False
    return _has_descriptor(path)


def _key(path: Path) -> str:
    return str(Path(path).resolve())


def _has_descriptor(path: Path) -> bool:
    try:
        target = os.stat(path)
    except OSError:
        return False
    for folder in ("/proc/self/fd", "/dev/fd"):
        try:
            names = os.listdir(folder)
        except OSError:
            continue
        for name in names:
            try:
                found = os.fstat(int(name))
            except (OSError, ValueError):
                continue  # closed since the listing, or the listing's own descriptor
            if (found.st_dev, found.st_ino) == (target.st_dev, target.st_ino):
                return True
        return False
    return True  # cannot tell: take the safe way, through SQLite


def inspect_file(path: Path) -> str:
    """The schema revision of a workspace file, read without changing it.

    Raises :class:`NotAWorkspace` or :class:`NewerSchema` with a message that
    names the file and the problem.
    """
    if not path.exists():
        raise WorkspaceError(f"{path}: no such file", "workspace-missing", file=path)
    if not path.is_file():
        raise NotAWorkspace(f"{path} is a folder, not a Leasemap workspace", "workspace-folder",
                            file=path)
    if is_open_here(path):
        # SQLite has this file open here, so it is a database: a raw read would drop its locks.
        return _revision(path)
    with path.open("rb") as handle:
        header = handle.read(100)  # the SQLite file header
    if not header:
        raise NotAWorkspace(f"{path} is empty, not a Leasemap workspace", "workspace-empty",
                            file=path)
    if header[: len(SQLITE_MAGIC)] != SQLITE_MAGIC:
        raise NotAWorkspace(f"{path} is not a Leasemap workspace (not an SQLite database)",
                            "workspace-not-sqlite", file=path)
    # The application id is in the header (offset 68): check it before SQLite opens the
    # file, since even a read-only connection leaves -wal/-shm beside a WAL database.
    if len(header) < 100:
        raise NotAWorkspace(f"{path} is damaged or not a Leasemap workspace (truncated header)",
                            "workspace-truncated", file=path)
    if int.from_bytes(header[68:72], "big") != APPLICATION_ID:
        raise _foreign(path)
    return _revision(path)


def _revision(path: Path) -> str:
    """The schema revision read through SQLite, after checking the application id."""
    try:
        connection = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    except sqlite3.Error as exc:
        raise NotAWorkspace(f"{path} cannot be read as a database: {exc}",
                            "workspace-unreadable", file=path, detail=exc) from exc
    try:
        app_id = connection.execute("PRAGMA application_id").fetchone()[0]
        if app_id != APPLICATION_ID:
            raise _foreign(path)
        row = connection.execute("SELECT version_num FROM alembic_version").fetchone()
    except sqlite3.DatabaseError as exc:
        raise NotAWorkspace(f"{path} is damaged or not a Leasemap workspace: {exc}",
                            "workspace-damaged", file=path, detail=exc) from exc
    finally:
        connection.close()
    if row is None:
        raise NotAWorkspace(f"{path} has no schema revision; it was never finished",
                            "workspace-unfinished", file=path)
    revision = row[0]
    if revision not in KNOWN_REVISIONS:
        raise NewerSchema(
            f"{path} was written by a newer Leasemap (schema {revision}); "
            f"this version reads up to schema {SCHEMA_HEAD}. Update Leasemap to open it.",
            "workspace-newer", file=path, revision=revision, head=SCHEMA_HEAD,
        )
    return revision


def _foreign(path: Path) -> NotAWorkspace:
    return NotAWorkspace(f"{path} is an SQLite database but not a Leasemap workspace",
                         "workspace-foreign", file=path)


def side_files(path: Path) -> list[Path]:
    return [path.with_name(path.name + suffix) for suffix in ("-wal", "-shm", "-journal")]


def backup(path: Path, target: Path) -> None:
    """Copy a workspace to ``target`` with SQLite's online backup, as one self-contained file.

    A file copy would miss what is still in the -wal file (and open the
    live file outside SQLite); the backup API reads the database as any
    connection sees it. The copy is written beside ``target`` and moved into
    place when complete, so a failed backup never leaves half a file under
    that name.
    """
    partial = target.with_name(target.name + ".part")
    for leftover in (partial, *side_files(partial)):
        leftover.unlink(missing_ok=True)
    source = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    try:
        copy = sqlite3.connect(partial)
        try:
            source.backup(copy)
            copy.execute("PRAGMA journal_mode=DELETE")  # one file, no -wal beside it
        finally:
            copy.close()
    except BaseException:
        for leftover in (partial, *side_files(partial)):
            leftover.unlink(missing_ok=True)
        raise
    finally:
        source.close()
    os.replace(partial, target)
