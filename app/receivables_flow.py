"""Billing ▸ Receivables: the window's report read in the worker pool, and its Excel export.

The report (``services.receivables_report.read_report``) is read in the window's task
runner on its own session, never in this thread: a park's year of bills and payments
takes a moment. The window's As of date starts at the main window's and follows it; when
the data changes under it (a payment entered, a bank file imported, a billing run posted,
another process's write), the report is read again. Only the latest request's answer is
shown. The export writes the shown report, in the language the window speaks (the
workbook's words are ``app.cli_ageing``'s, so ``leasemap ageing -o`` writes the same).
"""

from __future__ import annotations

import uuid
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QObject, Signal

from app.park_window import park_window

if TYPE_CHECKING:  # the window and the services load when the action is used, not at start
    from app.main_window import MainWindow
    from app.workers import Task
    from runtime.jobs import Job
    from store.read_model import ParkNode
    from views.receivables_window import ReceivablesWindow

translate = QCoreApplication.translate


class ReceivablesFlow(QObject):
    """The window's receivables window and the one read it has asked for."""

    taskStarted = Signal(object)  # a read's or an export's Task, before it runs

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.setObjectName("receivables-flow")
        self.window = window
        self.view: ReceivablesWindow | None = None
        self.park_id: uuid.UUID | None = None
        self.task: Task | None = None  # the read running, if one is
        self._serial = 0  # the latest read; an earlier one's answer is dropped
        self._followed: date | None = None  # the main window's date last followed
        self._version: int | None = None  # the data version the shown report was read at
        controller = window.controller
        controller.closed.connect(self._closed)
        controller.rowsChanged.connect(self._data_shown)

    def open(self) -> ReceivablesWindow | None:
        """The window for the park in scope on the As of date, brought forward when open."""
        from views.receivables_window import ReceivablesWindow

        controller = self.window.controller

        def make(park: ParkNode) -> ReceivablesWindow:
            self.park_id = park.id
            view = self.view = ReceivablesWindow(controller.day, park.currency, self.window)
            view.folder = self.window.settings.export_folder or ""
            view.dayChanged.connect(self.read)
            view.exportRequested.connect(self.export)
            view.destroyed.connect(lambda *_: self._forget(view))
            self._followed = controller.day
            self.read(view.day())
            return view

        return park_window(self.window, self.view, self.park_id, make)

    # -- reading --------------------------------------------------------------------------

    def read(self, day: date) -> None:
        """Read the park's report on ``day`` in the pool; the latest request wins."""
        controller, park_id, view = self.window.controller, self.park_id, self.view
        if park_id is None or view is None or not controller.is_open:
            return
        workspace = controller.workspace
        self._version = self._data_version()
        self._serial += 1
        serial = self._serial

        def work(_job: Job) -> Any:
            from services.receivables_report import read_report

            return read_report(workspace, park_id, day)

        def succeeded(report: Any) -> None:
            if serial == self._serial:
                self.task = None
                if self.view is not None:
                    self.view.set_report(report)

        def failed(message: str, _trace: str) -> None:
            if serial == self._serial:
                self.task = None
                if self.view is not None:
                    self.view.set_failed(message)

        def cancelled() -> None:
            if serial == self._serial:
                self.task = None

        view.set_working()
        if self.task is not None:
            self.task.cancel()
        self.task = self._start(work, succeeded, failed, cancelled)

    def _data_shown(self, *_args: object) -> None:
        """The main window shows new rows: a date changed (follow it) or the data did (read
        the report again). A scope change alone changes neither."""
        view, controller = self.view, self.window.controller
        if view is None or not controller.is_open:
            return
        if controller.day != self._followed:
            self._followed = controller.day
            if view.day() != controller.day:
                view.set_day(controller.day)  # asks for that day's report
                return
        version = self._data_version()
        if version is None or version != self._version:
            self.read(view.day())

    def _data_version(self) -> int | None:
        reader = self.window.controller.reader
        return None if reader is None else reader.source.version()

    # -- the export -----------------------------------------------------------------------

    def export(self, path: Path) -> None:
        """Write the shown report to ``path`` in the pool, in the window's language."""
        from app.cli_ageing import sheet_words

        view = self.view
        report = None if view is None else view.report
        if view is None or report is None:
            return
        words = sheet_words()  # here: the catalogue is read in this thread

        def work(_job: Job) -> Path:
            from services.receivables_report import export_ageing

            return export_ageing(report, path, words)

        def succeeded(written: Path) -> None:
            self.window.settings.export_folder = str(Path(written).resolve().parent)
            if self.view is not None:
                self.view.folder = self.window.settings.export_folder
                self.view.set_exported(written)
            self.window.statusBar().showMessage(
                translate("ReceivablesFlow", "Saved %1").replace("%1", str(written)), 5000)

        def failed(message: str, _trace: str) -> None:
            if self.view is not None:
                self.view.set_export_failed(message)

        self._start(work, succeeded, failed, None)

    # -- inside ---------------------------------------------------------------------------

    def _start(self, work: Any, succeeded: Any, failed: Any, cancelled: Any) -> Task:
        tasks = self.window.tasks
        tasks.started.connect(self.taskStarted)
        try:
            return tasks.start(work, on_success=succeeded, on_failure=failed,
                               on_cancel=cancelled)
        finally:
            tasks.started.disconnect(self.taskStarted)

    def _closed(self) -> None:
        """The workspace closed: its window goes with it."""
        if self.view is not None:
            self.view.close()

    def _forget(self, view: ReceivablesWindow) -> None:
        if self.view is view:
            self.view = None
            self.park_id = None
            self._serial += 1
            if self.task is not None:
                self.task.cancel()
            self.task = None


def receivables_flow_of(window: MainWindow) -> ReceivablesFlow:
    """The window's receivables flow, made on first use."""
    found = window.findChild(ReceivablesFlow, "receivables-flow")
    return found if isinstance(found, ReceivablesFlow) else ReceivablesFlow(window)


def open_receivables(window: MainWindow) -> ReceivablesWindow | None:
    """The receivables window for the park in scope; None with no workspace open."""
    return receivables_flow_of(window).open()
