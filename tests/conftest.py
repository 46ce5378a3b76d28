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

# Some machines' images set PYTHONDONTWRITEBYTECODE: then every `python -m app` a test
# starts compiles the app's modules again, and every run rewrites every test module's
# asserts again. The bytecode goes to __pycache__ (ignored by git).
os.environ.pop("PYTHONDONTWRITEBYTECODE", None)
sys.dont_write_bytecode = False


WAIT_MS = 60_000  # how long a test waits for background work before it gives up


def _patient_waits() -> None:
    """pytest-qt's waits give up after 5 s unless told otherwise: a wait for a background
    task then fails on a loaded 2-core CI machine (a building's map took longer once), which
    makes a wait a time limit. A wait that names no timeout waits ``WAIT_MS``; the waits that
    name theirs (most do) keep them."""
    try:
        from pytestqt.qtbot import QtBot
    except ImportError:  # the suite without Qt
        return
    for name in ("waitUntil", "waitSignal", "waitSignals"):
        wait = getattr(QtBot, name)

        def patient(self, *args, _wait=wait, timeout: int = WAIT_MS, **kwargs):
            return _wait(self, *args, timeout=timeout, **kwargs)

        setattr(QtBot, name, patient)


_patient_waits()


@pytest.hookimpl(wrapper=True, tryfirst=True)
def pytest_runtest_teardown(item: pytest.Item, nextitem: pytest.Item | None) -> Iterator[None]:
    """Delete now the widgets the test left to Qt to delete (issue 12).

    pytest-qt closes each widget a test registered and calls ``deleteLater``, but
    outside an event loop nothing deletes them until some later test happens to run
    one: closed main windows and dialogs piled up by the hundred, and every later
    language switch or font change went through them all (the zh_CN tests took three
    times as long).
    """
    result = yield
    widgets = sys.modules.get("PySide6.QtWidgets")  # only where a test loaded Qt
    if widgets is not None and widgets.QApplication.instance() is not None:
        from PySide6.QtCore import QCoreApplication, QEvent

        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    return result


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


@pytest.fixture(scope="session")
def shared_demo(tmp_path_factory: pytest.TempPathFactory):
    """``shared_demo(path, units=…, seed=…, today=…)``: a copy at ``path`` of the demo park
    built once per run for those arguments, shared by the xdist workers (tests/demo_parks.py)."""
    from tests.demo_parks import shared_demo_factory  # the demo's modules, only when asked

    return shared_demo_factory(tmp_path_factory)
