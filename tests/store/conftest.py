"""Fixtures shared by the store tests.

The read-side tests: each test module defines its own ``workspace_file`` (module
scope); ``raw_reader``, ``sqlite_engine``, ``pg_workspace`` and ``core_reader`` read
it through ``sqlite3``, through SQLAlchemy Core on the same file, and through Core
on a PostgreSQL copy of it.

The migration tests: ``store`` is the small park on each engine, to be migrated down,
filled as older code wrote, and reopened (which upgrades it).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from sqlalchemy import Engine, create_engine

from store.read_model import ReadModel
from store.workspace import Workspace
from tests.pg import PrivatePostgres
from tests.read_engines import copy_file_to, copy_synced_rows
from tests.small_leases import open_small


@pytest.fixture(scope="module")
def raw_reader(workspace_file: Path) -> Iterator[ReadModel]:
    reader = ReadModel(workspace_file)
    yield reader
    reader.close()


@pytest.fixture(scope="module")
def sqlite_engine(workspace_file: Path) -> Iterator[Engine]:
    engine = create_engine(f"sqlite+pysqlite:///{workspace_file}")
    yield engine
    engine.dispose()


@pytest.fixture(scope="module")
def pg_workspace(pg_server: PrivatePostgres, sqlite_engine: Engine) -> Iterator[Workspace]:
    ws = Workspace.connect(pg_server.url(pg_server.create_database()))
    copy_synced_rows(sqlite_engine, ws.engine)
    yield ws
    ws.close()


@pytest.fixture(params=["core-sqlite", pytest.param("core-postgresql", marks=pytest.mark.postgres)])
def core_reader(request: pytest.FixtureRequest) -> ReadModel:
    if request.param == "core-sqlite":
        return ReadModel.on_engine(request.getfixturevalue("sqlite_engine"))
    return ReadModel.on_engine(request.getfixturevalue("pg_workspace").engine)


@dataclass
class Store:
    """A workspace on one engine, and how to reopen it (which upgrades it to head)."""

    kind: str  # "sqlite" or "postgresql"
    open: Callable[[], Workspace]
    path: Path | None = None  # the file, on SQLite


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def store(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Store]:
    """The small park at head: a real file opened as the app opens it, or a PostgreSQL
    database of the test's own holding its rows."""
    path = tmp_path / "old.leasemap"
    open_small(path).close()
    if request.param == "sqlite":
        yield Store("sqlite", lambda: Workspace.open(path), path)
    else:
        url = request.getfixturevalue("pg_db_url")
        copy_file_to(path, url).close()
        yield Store("postgresql", lambda: Workspace.connect(url))
