"""Billing ▸ Collections: the park's tenants by credit tier, their actions, reminder letters and
credit signals, in the window's worker pool.

Opening the window (and Refresh, and every change made from it) raises the
actions of the day first (``services.collections.raise_actions``: idempotent,
it writes only what changed), then reads the park's tenants with their scores
and actions (``collections_overview``, on the scores the actions were raised on:
the park's ledger is read and scored once), both in one task of the pool; a
workspace that cannot be written still gets its list. The day is the
window's (never after today: actions are things to do now). Marking a task
done and saving a tenant's signals are written in the pool too; a refusal
comes back in the reader's words (the task runner says every failure through
``views.message_text``) on the window's status line. The call's and the legal
review's due dates count the park's working calendar (Billing ▸ Holidays…:
public holidays skipped, 调休 make-up days counted), which ``raise_actions``
reads itself.

"Generate reminder letter" reads the letter's data, prints the PDF in the
language chosen (its font asks for a Simplified Chinese family first when it
is Chinese, as the contract document does), keeps it with each contract it
names and marks the reminder-letter task done (``keep_reminder``, one
transaction), then offers to save a copy. Closing the workspace closes the
window.

The menu's action (:class:`CollectionsAction`) lives here so the Billing menu
adds it with one line; the view is imported when it is first used.
"""

from __future__ import annotations

import uuid
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QBuffer, QCoreApplication, QIODevice, QObject
from PySide6.QtWidgets import QFileDialog

from app.latest_read import LatestRead
from app.park_window import park_window
from runtime.files import written_whole

if TYPE_CHECKING:
    from app.main_window import MainWindow
    from store.read_model import ParkNode
    from views.collections_window import CollectionsWindow

translate = QCoreApplication.translate


def today() -> date:
    """The real day: actions are raised on it at the latest."""
    return date.today()


class CollectionsFlow(QObject):
    """The window's collections list and the work it asks for."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.setObjectName("collections-flow")
        self.window = window
        self.view: CollectionsWindow | None = None
        self.park_id: uuid.UUID | None = None
        self.reads = LatestRead()
        self.last_letter: Path | None = None  # the copy saved last (tests, the status line)
        window.controller.closed.connect(self._closed)

    def day(self) -> date:
        return min(self.window.controller.day, today())

    # -- the list ----------------------------------------------------------------------------

    def open(self) -> CollectionsWindow | None:
        """The window for the park in scope, brought forward when it is open already."""
        from app.contract_document_flow import default_document_language
        from views.collections_window import CollectionsWindow

        def make(park: ParkNode) -> CollectionsWindow:
            self.park_id = park.id
            view = self.view = CollectionsWindow(self.window,
                                                 default_document_language(self.window))
            view.refreshRequested.connect(self.refresh)
            view.markDoneRequested.connect(self.mark_done)
            view.signalsSaved.connect(self.save_signals)
            view.reminderRequested.connect(
                lambda tenant_id, language: self.reminder(tenant_id, language))
            view.destroyed.connect(lambda *_: self._forget(view))
            self.refresh()
            return view

        return park_window(self.window, self.view, self.park_id, make)

    def refresh(self, said: str = "") -> None:
        """Raise the day's actions, then read the park's tenants again (in the pool)."""
        workspace, park_id, view = self.window.controller.workspace, self.park_id, self.view
        if park_id is None or view is None:
            return
        day = self.day()
        view.set_status(translate("CollectionsFlow", "Reading the tenants' credit…"))

        def work(_job: Any) -> Any:
            from services.collections import collections_overview, raise_actions

            problem, credits = "", None
            try:  # the list is read on the scores the actions were raised on
                credits = raise_actions(workspace, park_id, day).credits
            except Exception as exc:  # the list is still read; the failure is said
                from views.message_text import message_text

                problem = message_text(exc)
            with workspace.reading() as session:
                return collections_overview(session, park_id, day, credits=credits), problem

        def read(result: Any) -> None:
            rows, problem = result
            view.set_overview(rows, day)
            if problem:
                view.set_status(translate("CollectionsFlow", "Actions not raised: %1")
                                .replace("%1", problem), error=True)
            else:
                view.set_status(said)

        self.reads.start(self.window.tasks, work, read,
                         lambda message: view.set_status(message, error=True),
                         alive=lambda: self.view is view)

    # -- changes ---------------------------------------------------------------------------

    def mark_done(self, action_id: uuid.UUID) -> None:
        workspace, day = self.window.controller.workspace, self.day()

        def work(_job: Any) -> str:
            from services.collections import mark_action_done

            mark_action_done(workspace, action_id, day)
            return translate("CollectionsFlow", "Marked done on %1.").replace(
                "%1", day.isoformat())

        self._write(work)

    def save_signals(self, tenant_id: uuid.UUID, entries: list[dict[str, str]]) -> None:
        workspace = self.window.controller.workspace

        def work(_job: Any) -> str:
            from services.collections import set_credit_signals

            saved = set_credit_signals(workspace, tenant_id, entries)
            return translate("CollectionsFlow", "%1 signals saved.").replace(
                "%1", str(len(saved)))

        self._write(work)

    def _write(self, work: Any) -> None:
        """Write in the pool; then read again, saying what was done (or why not)."""
        view = self.view

        def done(said: str) -> None:
            self.window.statusBar().showMessage(said, 10000)
            self.refresh(said)

        def failed(message: str, _trace: str) -> None:
            if self.view is view and view is not None:
                view.set_status(message, error=True)

        self.window.tasks.start(work, on_success=done, on_failure=failed)

    # -- the reminder letter -----------------------------------------------------------------

    def reminder(self, tenant_id: uuid.UUID, language: str, path: Path | None = None,
                 ask: bool = True) -> tuple[uuid.UUID, ...]:
        """Make the tenant's reminder in ``language``, keep it with its contracts (its task
        done), then save a copy to ``path`` (asked for when None and ``ask``); the ids of the
        documents kept, none when refused (said on the status line)."""
        from runtime.messages import UserError
        from views.message_text import message_text

        view = self.view
        try:
            data, pdf = reminder_pdf(self.window.controller.workspace, tenant_id, self.day(),
                                     language, self.window.font())
            from services.reminder_letter import keep_reminder

            kept = keep_reminder(self.window.controller.workspace, data, pdf)
        except (UserError, OSError) as exc:
            if view is not None:
                view.set_status(message_text(exc), error=True)
            return ()
        said = translate("CollectionsFlow", "Reminder %1 kept with %2.").replace(
            "%1", data.code).replace("%2", ", ".join(c.code for c in data.contracts))
        if path is None and ask:
            chosen, _ = QFileDialog.getSaveFileName(
                view or self.window, translate("CollectionsFlow", "Save the reminder letter"),
                data.file_name, translate("CollectionsFlow", "PDF documents (*.pdf)"))
            path = Path(chosen) if chosen else None
        if path is not None:
            path = path if path.suffix.lower() == ".pdf" else path.with_name(path.name + ".pdf")
            try:
                with written_whole(path) as partial:
                    partial.write_bytes(pdf)
                self.last_letter = path
                said += " " + translate("CollectionsFlow", "Saved as %1.").replace(
                    "%1", str(path))
            except OSError as exc:
                said += " " + message_text(exc)
        self.window.statusBar().showMessage(said, 10000)
        self.refresh(said)
        return kept

    # -- endings -----------------------------------------------------------------------------

    def _closed(self) -> None:
        """The workspace closed: nothing of it stays open, nothing read is shown."""
        self.reads.drop()
        if self.view is not None:
            self.view.close()

    def _forget(self, view: CollectionsWindow) -> None:
        if self.view is view:
            self.view = None
            self.park_id = None
            self.reads.drop()


def reminder_pdf(workspace: Any, tenant_id: uuid.UUID, on: date, language: str,
                 base_font: Any = None) -> tuple[Any, bytes]:
    """The tenant's reminder data and its PDF's bytes (nothing written or kept)."""
    from app.contract_document_flow import document_font
    from services.reminder_letter import reminder_data
    from views.contract_pdf import PageSetup
    from views.reminder_pdf import write_reminder_pdf

    with workspace.reading() as session:
        data = reminder_data(session, tenant_id, on, language)
    font = document_font(language, base_font)
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    write_reminder_pdf(data, buffer, PageSetup(font=font))
    buffer.close()
    return data, bytes(buffer.data().data())


def collections_flow_of(window: MainWindow) -> CollectionsFlow:
    """The window's collections flow, made on first use."""
    found = window.findChild(CollectionsFlow, "collections-flow")
    return found if isinstance(found, CollectionsFlow) else CollectionsFlow(window)


def open_collections(window: MainWindow) -> CollectionsWindow | None:
    """The collections window for the park in scope; None with no workspace open."""
    return collections_flow_of(window).open()
