"""The read side on both engines: a workspace file and a PostgreSQL copy of it.

Tests of ``store.read_model`` and ``store.map_query`` take ``ENGINES`` as
parameters and open the engine they were given with :func:`open_read_side`:
the file read through ``sqlite3`` (the GUI's path), or the same rows copied
into a fresh database of the private PostgreSQL server and read through
SQLAlchemy Core (the server's path). Writes go through the ORM of the
workspace returned beside the reader, so they land where the reader reads.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import pytest
from sqlalchemy import Engine, create_engine, insert, select

from store.read_model import ReadModel
from store.schema import SYNCED_MODELS, Base
from store.workspace import Workspace

ENGINES = ["sqlite3", pytest.param("postgresql", marks=pytest.mark.postgres)]


def copy_synced_rows(source: Engine, target: Engine) -> None:
    """Every synced row, table by table in dependency order, through Core select/insert."""
    synced = {model.__table__.name for model in SYNCED_MODELS}  # type: ignore[attr-defined]
    with source.connect() as src, target.begin() as dst:
        for table in Base.metadata.sorted_tables:
            if table.name in synced:
                rows = [dict(r) for r in src.execute(select(table)).mappings()]
                if rows:
                    dst.execute(insert(table), rows)


def copy_file_to(path: Path, url: str) -> Workspace:
    """A workspace at ``url`` (schema by migrations) holding the rows of the file ``path``."""
    workspace = Workspace.connect(url)
    source = create_engine(f"sqlite+pysqlite:///{path}")
    try:
        copy_synced_rows(source, workspace.engine)
    finally:
        source.dispose()
    return workspace


@dataclass
class ReadSide:
    """A reader, and the workspace whose writes it must see."""

    reader: ReadModel
    workspace: Workspace


@contextmanager
def open_read_side(engine: str, path: Path, request: pytest.FixtureRequest) -> Iterator[ReadSide]:
    """The workspace file ``path`` read on ``engine`` ("sqlite3" or "postgresql")."""
    if engine == "sqlite3":
        workspace, reader = Workspace.open(path), ReadModel(path)
    else:
        workspace = copy_file_to(path, request.getfixturevalue("pg_db_url"))
        reader = ReadModel.on_engine(workspace.engine)
    try:
        yield ReadSide(reader, workspace)
    finally:
        reader.close()
        workspace.close()
