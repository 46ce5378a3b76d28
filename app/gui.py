"""Start the desktop application: Qt app, language, settings, main window."""

from __future__ import annotations

import importlib
import os
import sys
import threading
import time
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from app.i18n import Languages
from app.main_window import MainWindow
from app.settings import Settings


def make_app(argv: list[str] | None = None) -> QApplication:
    existing = QApplication.instance()
    if isinstance(existing, QApplication):
        return existing
    app = QApplication(argv or sys.argv[:1])
    app.setApplicationName("Leasemap")
    app.setOrganizationName("Leasemap")
    return app


def create_window(settings: Settings | None = None, language: str | None = None) -> MainWindow:
    app = make_app()
    if settings is None:
        portable = os.environ.get("LEASEMAP_SETTINGS")
        settings = Settings(Path(portable)) if portable else Settings()
    languages = Languages(app)
    languages.install(language if language is not None else settings.language)
    return MainWindow(settings, languages)


def run(path: Path | None = None, language: str | None = None) -> int:
    """Open the window on ``path`` (or the last workspace) and run the event loop.

    With ``LEASEMAP_EXIT_AFTER_SHOW=1`` it prints the wall time at which the
    window with its data was first shown and quits: ``bench/startup.py``
    measures start-up with it.
    """
    app = make_app()
    window = create_window(language=language)
    target = path
    if target is None and window.settings.last_workspace:
        last = Path(window.settings.last_workspace)
        target = last if last.exists() else None
    window.controller.opened.connect(_warm_store)
    report = os.environ.get("LEASEMAP_EXIT_AFTER_SHOW") == "1"
    data_shown = _watch_first_rows(app, window) if report else None
    if target is not None:
        # Read the workspace in the pool while this thread shows the window.
        window.open_workspace_in_background(target)
    window.show()
    if data_shown is not None:
        app.processEvents()
        print(f"window {time.time():.6f}", flush=True)
        data_shown()
    return app.exec()


def _warm_store(_path: object) -> None:
    """Import SQLAlchemy and the writable store soon after the data is on screen.

    Reading needs only sqlite3; the first edit needs the ORM, which takes a
    third of a second to import. Doing it a moment after the first paint, off
    the GUI thread, keeps both the start and the first edit quick.
    """

    def start() -> None:
        threading.Thread(
            target=importlib.import_module, args=("store.workspace",), daemon=True
        ).start()

    QTimer.singleShot(500, start)


def _watch_first_rows(app: QApplication, window: MainWindow,
                      done: Callable[[], None] | None = None) -> Callable[[], None]:
    """Print when the workspace's first rows were on screen, then quit (or call ``done``).

    Watched from before the window shows: a read preloaded by the command line
    can arrive during the window's first paint, and its rows must count then,
    not at the next read (a big park's remaining rows, seconds later).
    Returns what ``run`` calls once it has printed the window's own time.
    """
    rows_seen: list[int] = []  # the first rows' count, once shown
    window_seen: list[bool] = []

    def report() -> None:
        app.processEvents()  # the rows painted
        print(f"shown {time.time():.6f} rows {rows_seen[0]}", flush=True)
        if done is not None:
            done()
        else:
            QTimer.singleShot(0, app.quit)

    def rows_shown(rows: list[object]) -> None:
        if rows_seen or not window.controller.is_open:
            return
        rows_seen.append(len(rows))
        if window_seen:
            report()

    def window_printed() -> None:
        window_seen.append(True)
        if rows_seen:
            report()

    window.controller.rowsChanged.connect(rows_shown)
    return window_printed
