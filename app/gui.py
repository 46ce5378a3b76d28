"""Start the desktop application: Qt app, language, settings, main window."""

from __future__ import annotations

import importlib
import os
import sys
import threading
import time
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
    if target is not None:
        # Read the workspace in the pool while this thread shows the window.
        window.open_workspace_in_background(target)
    window.show()
    if os.environ.get("LEASEMAP_EXIT_AFTER_SHOW") == "1":
        _report_start_up(app, window)
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


def _report_start_up(app: QApplication, window: MainWindow) -> None:
    """Print when the window, then its data, were first on screen, and quit."""
    app.processEvents()
    print(f"window {time.time():.6f}", flush=True)

    def data_shown(rows: list[object]) -> None:
        app.processEvents()
        print(f"shown {time.time():.6f} rows {len(rows)}", flush=True)
        QTimer.singleShot(0, app.quit)

    window.controller.rowsChanged.connect(data_shown)
