"""A workspace: one SQLite file holding a user's parks, opened safely.

Opening checks the file before anything writes to it: an SQLite header, the
Leasemap application id, a schema revision this version knows. A file that
fails any check is left exactly as it was. Writes go through
:meth:`Workspace.transaction`, which captures changes into the outbox in the
same transaction (``store.changes``).
"""

from __future__ import annotations

import atexit
import getpass
import shutil
import tempfile
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event, select
from sqlalchemy.orm import Session, sessionmaker

from store import changes
from store.clock import HybridLogicalClock
from store.errors import NotAWorkspace, WorkspaceError
from store.files import (
    APPLICATION_ID,
    KNOWN_REVISIONS,
    SCHEMA_HEAD,
    WORKSPACE_SUFFIX,
    backup,
    hold,
    inspect_file,
    release,
    side_files,
)
from store.ids import uuid7
from store.schema import Park, WorkspaceMeta
from store.types import utc_now


def _sqlite_engine(path: Path) -> Engine:
    # Connections may be made in a worker thread (background open) and used in
    # the GUI thread; the pool hands each to one session at a time.
    engine = create_engine(f"sqlite+pysqlite:///{path}", connect_args={"check_same_thread": False})

    @event.listens_for(engine, "connect")
    def _pragmas(dbapi_connection: Any, _record: Any) -> None:
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute("PRAGMA synchronous=NORMAL")
        cursor.execute("PRAGMA busy_timeout=5000")
        cursor.close()

    return engine


# Workspace.filling's connection settings, and after it every connection's (_sqlite_engine's).
_FILLING = ("journal_mode=MEMORY", "synchronous=OFF")
_FILLED = ("journal_mode=WAL", "synchronous=NORMAL")

MIGRATIONS = Path(__file__).with_name("migrations")
__all__ = [
    "APPLICATION_ID",
    "KNOWN_REVISIONS",
    "SCHEMA_HEAD",
    "WORKSPACE_SUFFIX",
    "Workspace",
    "inspect_file",
    "run_migrations",
    "side_files",
]


def run_migrations(engine: Engine, revision: str = "head", downgrade: bool = False) -> None:
    """Bring a database to ``revision`` with Alembic (imported only here).

    On SQLite, batch migrations rebuild tables, which foreign keys would
    block midway; they are switched off for the migration (outside its
    transaction, as SQLite requires) and every reference is checked before
    the migration commits.
    """
    from alembic import command
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    sqlite = engine.dialect.name == "sqlite"
    with engine.connect() as connection:
        if sqlite:
            connection.exec_driver_sql("PRAGMA foreign_keys=OFF")
            connection.commit()
        try:
            with connection.begin():
                config.attributes["connection"] = connection
                if downgrade:
                    command.downgrade(config, revision)
                else:
                    command.upgrade(config, revision)
                if sqlite:
                    broken = connection.exec_driver_sql("PRAGMA foreign_key_check").fetchall()
                    if broken:
                        raise WorkspaceError(
                            f"migration to {revision} would break {len(broken)} references; "
                            "nothing was changed", "migration-broken", revision=revision,
                            count=len(broken),
                        )
        finally:
            if sqlite:
                connection.exec_driver_sql("PRAGMA foreign_keys=ON")
                connection.commit()


class Workspace:
    """An open workspace: engine, sessions, device identity and clock."""

    def __init__(self, engine: Engine, path: Path | None = None, actor: str | None = None) -> None:
        self.engine = engine
        self.path = path
        self._closed = False
        self.actor = actor or _os_user()
        self._sessions = sessionmaker(engine, expire_on_commit=False)
        changes.install(self._sessions)
        with self._sessions() as session:
            meta = {m.key: m.value for m in session.scalars(select(WorkspaceMeta))}
        if "device_id" not in meta:
            raise NotAWorkspace(f"{path or engine.url}: workspace metadata is missing",
                                "workspace-no-metadata", file=path or engine.url)
        self.device_id = meta["device_id"]
        self.clock = HybridLogicalClock(self.device_id, last=meta.get("hlc"))
        self.created_at = meta.get("created_at", "")

    # -- opening -----------------------------------------------------------------

    @classmethod
    def create(cls, path: Path | str, actor: str | None = None) -> Workspace:
        """A new, empty workspace file: every migration run, then its own device id."""
        path = Path(path)
        if path.exists():
            raise WorkspaceError(f"{path} already exists; choose another name", "workspace-exists",
                                 file=path)
        path.parent.mkdir(parents=True, exist_ok=True)
        hold(path)
        engine: Engine | None = None
        try:
            shutil.copyfile(_migrated_blank(), path)
            engine = _sqlite_engine(path)
            initialise_meta(engine)
            return cls(engine, path, actor)
        except BaseException:
            if engine is not None:
                engine.dispose()
            release(path)
            for leftover in (path, *side_files(path)):
                leftover.unlink(missing_ok=True)
            raise

    @classmethod
    def open(cls, path: Path | str, actor: str | None = None) -> Workspace:
        """Open an existing workspace, upgrading an older schema after a backup."""
        path = Path(path)
        revision = inspect_file(path)
        hold(path)  # from here on, nothing in this process reads the file raw
        engine = _sqlite_engine(path)
        try:
            if revision != SCHEMA_HEAD:
                backup(path, path.with_name(f"{path.name}.schema-{revision}.bak"))
                run_migrations(engine)
            return cls(engine, path, actor)
        except BaseException:
            engine.dispose()
            release(path)
            raise

    @classmethod
    def connect(cls, url: str, actor: str | None = None) -> Workspace:
        """A workspace on any SQLAlchemy URL (PostgreSQL for the server)."""
        engine = create_engine(url)
        run_migrations(engine)
        with Session(engine) as session:
            if session.get(WorkspaceMeta, "device_id") is None:
                initialise_meta(engine)
        return cls(engine, None, actor)

    def close(self) -> None:
        """Close every pooled connection; a second call does nothing."""
        if self._closed:
            return
        self._closed = True
        self.engine.dispose()
        if self.path is not None:
            release(self.path)

    def __enter__(self) -> Workspace:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- sessions ----------------------------------------------------------------

    @contextmanager
    def transaction(self) -> Iterator[Session]:
        """One transaction: the change and its outbox rows commit together or not at all."""
        with self._sessions() as session, session.begin():
            session.info[changes.CONTEXT_KEY] = changes.ChangeContext(
                self.device_id, self.actor, self.clock
            )
            yield session

    @contextmanager
    def filling(self) -> Iterator[Session]:
        """:meth:`transaction` for filling a new workspace in one go (the demo park: half a
        gigabyte in one transaction).

        On SQLite its connection keeps the rollback journal in memory and does not sync
        meanwhile, so every page is written once (a log would take each twice: into the
        log, then into the file when the log is checkpointed); a failure still rolls
        back. Afterwards the file is a workspace like any other (the log back on, the
        connection's settings as every connection's). A crash of the process midway
        leaves a file to throw away, as any half-built new workspace is.
        """
        with self.engine.connect() as connection:
            sqlite = connection.dialect.name == "sqlite"
            if sqlite:  # outside a transaction: SQLite changes the journal only there
                for pragma in _FILLING:
                    connection.exec_driver_sql(f"PRAGMA {pragma}")
                connection.commit()
            try:
                with self._sessions(bind=connection) as session, session.begin():
                    session.info[changes.CONTEXT_KEY] = changes.ChangeContext(
                        self.device_id, self.actor, self.clock
                    )
                    yield session
            finally:
                if sqlite:
                    for pragma in _FILLED:
                        connection.exec_driver_sql(f"PRAGMA {pragma}")
                    connection.commit()

    @contextmanager
    def rehearsal(self) -> Iterator[Session]:
        """A transaction that is always rolled back: run a change to see what it would do."""
        with self._sessions() as session:
            session.begin()
            session.info[changes.CONTEXT_KEY] = changes.ChangeContext(
                self.device_id, self.actor, self.clock
            )
            try:
                yield session
            finally:
                session.rollback()

    @contextmanager
    def reading(self) -> Iterator[Session]:
        """A session for reads; it refuses to write (no change context)."""
        with self._sessions() as session:
            yield session


def create_with_park(path: Path | str, code: str, name: str, currency: str = "CNY",
                     actor: str | None = None) -> Workspace:
    """A new workspace holding its park, written in one transaction: an import goes into
    the workspace's only park, so a workspace without one cannot take a drawing.

    If the park cannot be written, no file is left behind.
    """
    path = Path(path)
    workspace = Workspace.create(path, actor)
    try:
        with workspace.transaction() as session:
            session.add(Park(id=uuid7(), code=code, name=name, currency=currency))
    except BaseException:
        workspace.close()
        for leftover in (path, *side_files(path)):
            leftover.unlink(missing_ok=True)
        raise
    return workspace


_BLANK_LOCK = threading.Lock()
_blank: Path | None = None


def _migrated_blank() -> Path:
    """An empty file at the schema's head, migrated once per process; a new workspace starts
    as a copy of it. Migrating a file from the first revision takes a third of a second,
    and the schema is all it holds (no migration writes a row into an empty file), so the
    copy is the same file; what makes a workspace its own (its device id) is written after.
    """
    global _blank
    with _BLANK_LOCK:
        if _blank is None or not _blank.exists():
            folder = Path(tempfile.mkdtemp(prefix="leasemap-blank-"))
            atexit.register(shutil.rmtree, folder, True)
            path = folder / f"blank{WORKSPACE_SUFFIX}"
            engine = _sqlite_engine(path)
            try:
                with engine.begin() as connection:
                    connection.exec_driver_sql(f"PRAGMA application_id={APPLICATION_ID}")
                run_migrations(engine)
            finally:
                engine.dispose()  # the last connection closed: the log is checkpointed in
            _blank = path
        return _blank


def initialise_meta(engine: Engine) -> None:
    with Session(engine) as session, session.begin():
        session.add_all(
            [
                WorkspaceMeta(key="device_id", value=uuid7().hex),
                WorkspaceMeta(key="created_at", value=utc_now().isoformat()),
                WorkspaceMeta(key="application", value="leasemap"),
            ]
        )


def _os_user() -> str:
    try:
        return getpass.getuser()
    except (KeyError, OSError):
        return "unknown"
