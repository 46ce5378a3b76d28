"""Shared fixtures: a private PostgreSQL server for the run, a fresh database per test."""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:  # run from a checkout that was not pip-installed
    sys.path.insert(0, str(ROOT))

from tests.pg import PostgresMissing, PrivatePostgres, find_bin_dir  # noqa: E402

# The tests expect English unless they ask for Chinese: the CLI and Qt follow the
# system's language, which on a Chinese machine would be zh_CN.
os.environ["LC_ALL"] = "C.UTF-8"
os.environ.pop("LC_MESSAGES", None)
os.environ.pop("LANGUAGE", None)


@pytest.fixture(scope="session")
def pg_server() -> Iterator[PrivatePostgres]:
    """A private PostgreSQL on 127.0.0.1, started once for the test run."""
    try:
        bin_dir = find_bin_dir()
    except PostgresMissing as exc:
        if os.environ.get("CI") == "true":
            pytest.fail(
                f"PostgreSQL server binaries are missing ({exc}); "
                "`make test` installs PostgreSQL before running the tests",
                pytrace=False,
            )
        pytest.skip(f"PostgreSQL is not installed ({exc}); run `make test` to install it")
    server = PrivatePostgres(bin_dir)
    try:
        server.start()
        yield server
    finally:
        server.stop()


@pytest.fixture(scope="session")
def pg_url(pg_server: PrivatePostgres) -> str:
    """SQLAlchemy URL of a database on the private server, shared by the session."""
    return pg_server.url(pg_server.create_database("leasemap_test"))


@pytest.fixture
def pg_db_url(pg_server: PrivatePostgres) -> str:
    """SQLAlchemy URL of a fresh, empty database of this test's own."""
    return pg_server.url(pg_server.create_database())
