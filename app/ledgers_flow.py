"""Billing → Three-ledger check…: the window's check, voucher export and books import, in
the worker pool.

The window asks; this flow runs ``services.three_ledgers`` in the window's task runner
with a Job whose progress goes to the window's own bar and whose cancel is its Cancel.
A check, an export and a rehearsal write nothing in the workspace; an import is one
transaction, so a cancel, a refusal or a failure leaves nothing written (the service's
guarantee), and once it has written the check runs again, so the differences the books
close go away before the person's eyes. A file whose headers do not name a column comes
back with the file's headers, and the window offers a column mapping. Only the latest
request's answer reaches the window; an import's is always said. Closing the workspace
closes the window.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QObject, Signal

from app.park_window import park_window

if TYPE_CHECKING:
    from app.main_window import MainWindow
    from app.workers import Task
    from runtime.jobs import Job
    from store.read_model import ParkNode
    from views.three_ledgers_window import ThreeLedgersWindow

translate = QCoreApplication.translate
# What the window says it works on (views.three_ledgers_window's kinds; the view module is
# imported when the window opens, so the menu costs the window's start nothing).
CHECK, EXPORT, REHEARSE, IMPORT = "check", "export", "rehearse", "import"


def today() -> date:
    return date.today()


@dataclass(frozen=True)
class _Books:
    """A rehearsal or an import; or the file's headers when a column was missing."""

    file: str
    mapping: Any
    report: Any = None  # services.three_ledgers.BooksImport
    headers: tuple[str, ...] = ()
    refusal: str = ""  # the missing columns, said


class LedgersFlow(QObject):
    """The window's three-ledger check and the one piece of work it has asked for."""

    taskStarted = Signal(object)

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.setObjectName("ledgers-flow")
        self.window = window
        self.view: ThreeLedgersWindow | None = None
        self.park_id: uuid.UUID | None = None
        self.task: Task | None = None
        self._serial = 0
        self._cancelled = False
        window.controller.closed.connect(self._closed)

    def open(self) -> ThreeLedgersWindow | None:
        """The window for the park in scope (brought forward when open), checked on today."""
        from services.three_ledgers import BOOKS_FIELDS, books_label
        from views.three_ledgers_window import ThreeLedgersWindow

        def make(park: ParkNode) -> ThreeLedgersWindow:
            self.park_id = park.id
            fields = [(name, books_label(name)) for name in BOOKS_FIELDS]
            view = self.view = ThreeLedgersWindow(today(), fields, self.window)
            view.checkRequested.connect(self.check)
            view.exportRequested.connect(self.export)
            view.booksRehearsalRequested.connect(self.rehearse_books)
            view.booksImportRequested.connect(self.import_books)
            view.cancelRequested.connect(self.cancel)
            view.destroyed.connect(lambda *_: self._forget(view))
            self.check(view.on())
            return view

        return park_window(self.window, self.view, self.park_id, make)

    # -- the window's requests -------------------------------------------------------------

    def check(self, on: date) -> None:
        workspace, park_id = self.window.controller.workspace, self.park_id
        if park_id is None or self.view is None:
            return

        def work(job: Job) -> Any:
            from runtime.jobs import gc_paused
            from services.three_ledgers import check_on
            from views.three_ledgers_window import difference_row

            report = check_on(workspace, park_id, on, job=job)
            # The rows are made here, in the pool (tens of thousands of differences would
            # hold the window's thread), as the check is: with the cyclic collector held.
            with gc_paused(promote=True):
                return report, [difference_row(d) for d in report.differences]

        self.view.set_working(CHECK)
        self._start(work, self._checked, writes=False)

    def export(self, first: date, last: date, path: str, english: bool) -> None:
        workspace, park_id = self.window.controller.workspace, self.park_id
        if park_id is None or self.view is None:
            return

        def work(job: Job) -> Any:
            from services.three_ledgers import export_vouchers

            job.step(0, 1, "")
            with workspace.reading() as session:
                return export_vouchers(session, park_id, first, last, path, english=english)

        self.view.set_working(EXPORT)
        self._start(work, self._exported, writes=False)

    def rehearse_books(self, path: str, mapping: Any) -> None:
        self._books(path, mapping, dry_run=True)

    def import_books(self, path: str, mapping: Any) -> None:
        self._books(path, mapping, dry_run=False)

    def _books(self, path: str, mapping: Any, *, dry_run: bool) -> None:
        workspace, park_id = self.window.controller.workspace, self.park_id
        if park_id is None or self.view is None:
            return

        def work(job: Job) -> _Books:
            from services.three_ledgers import (
                LedgersRefused,
                books_headers,
                import_finance_entries,
            )
            from views.message_text import message_text

            try:
                report = import_finance_entries(workspace, park_id, path, mapping,
                                                dry_run=dry_run, job=job)
            except LedgersRefused as exc:
                if exc.code != "books-columns":
                    raise
                return _Books(path, mapping, headers=tuple(books_headers(path)),
                              refusal=message_text(exc))
            return _Books(path, mapping, report)

        self.view.set_working(REHEARSE if dry_run else IMPORT)
        self._start(work, self._books_read, writes=not dry_run)

    def cancel(self) -> None:
        self._cancelled = True
        if self.task is not None:
            self.task.cancel()

    # -- answers -------------------------------------------------------------------------------

    def _checked(self, checked: tuple[Any, list[Any]]) -> None:
        if self.view is None:
            return
        if self._cancelled:
            self.view.set_cancelled()
            return
        report, rows = checked
        self.view.set_check(report, rows)

    def _exported(self, done: Any) -> None:
        if self.view is not None:
            self.view.set_exported(done)
        self.window.statusBar().showMessage(
            translate("LedgersFlow", "Vouchers written: %1").replace("%1", str(done.path)),
            10000)

    def _books_read(self, answer: _Books) -> None:
        report = answer.report
        if report is not None and report.written:
            self.window.statusBar().showMessage(
                translate("LedgersFlow", "Books imported: %1 lines").replace(
                    "%1", f"{len(report.new):,}"), 10000)
        if self.view is None:
            return
        if report is None:
            self.view.set_books_columns(answer.headers, answer.refusal)
            return
        if self._cancelled and not report.written:
            self.view.set_cancelled()
            return
        self.view.set_books(report, answer.file, answer.mapping)
        if report.written and report.new:
            self.check(self.view.on())  # what the books now hold is compared again

    def _start(self, work: Callable[[Job], Any], done: Callable[[Any], None], *,
               writes: bool) -> None:
        self._serial += 1
        serial = self._serial
        self._cancelled = False
        view = self.view

        def wanted() -> bool:
            return serial == self._serial

        def succeeded(result: Any) -> None:
            if wanted():
                self.task = None
                done(result)
            elif writes:  # the window is gone or asked again; what was written is said
                self._books_read(result)

        def failed(message: str, _trace: str) -> None:
            if wanted():
                self.task = None
                if self.view is not None:
                    self.view.set_failed(message)
            elif writes:
                self.window.statusBar().showMessage(
                    translate("LedgersFlow", "Books not imported: %1").replace("%1", message),
                    10000)

        def cancelled() -> None:
            if wanted():
                self.task = None
                if self.view is not None:
                    self.view.set_cancelled()

        def progressed(step: int, total: int, _message: str) -> None:
            if wanted() and view is not None:
                view.set_progress(step, total)

        self.task = self.window.tasks.start(
            work, on_success=succeeded, on_failure=failed, on_cancel=cancelled,
            on_progress=progressed, before_start=self.taskStarted.emit)

    def _closed(self) -> None:
        if self.view is not None:
            self.view.close()

    def _forget(self, view: ThreeLedgersWindow) -> None:
        if self.view is view:
            self.view = None
            self._serial += 1
            self.task = None


def ledgers_flow_of(window: MainWindow) -> LedgersFlow:
    found = window.findChild(LedgersFlow, "ledgers-flow")
    return found if isinstance(found, LedgersFlow) else LedgersFlow(window)


def open_three_ledgers(window: MainWindow) -> ThreeLedgersWindow | None:
    """The three-ledger window for the park in scope; None with no workspace open."""
    return ledgers_flow_of(window).open()
