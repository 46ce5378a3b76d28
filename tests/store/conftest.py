"""Readers over the module's ``workspace_file`` on every engine, for the read-side tests.

Each test module defines its own ``workspace_file`` (module scope); these fixtures
read it through ``sqlite3``, through SQLAlchemy Core on the same file, and
through Core on a PostgreSQL copy of it.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import Engine, create_engine

from store.read_model import ReadModel
from store.workspace import Workspace
from tests.pg import PrivatePostgres
from tests.read_engines import copy_synced_rows


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
