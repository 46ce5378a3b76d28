"""Billing ▸ Meters ▸ Tariffs…: a utility's tariffs read, versions saved and archived, in the
window's worker pool.

The dialog (``views.tariffs_dialog``) is opened from the Meters window (its
Tariffs… button) or from the meter dialog (New tariff… beside its tariff
choice); it reads one utility's tariffs here (:func:`read_tariffs`:
``services.tariffs.tariff_versions`` as a ``TariffsSnapshot``). A form saved
goes to ``save_tariff`` (a new tariff or version) or ``edit_tariff``; a refusal
comes back to the dialog a problem a line, what was typed kept. A version is
archived after a question (:func:`archive_box`). Whatever is written, the flow
says so with :attr:`TariffsFlow.changed` (utility, the version's id), so the
Meters window reads its tree again and an open meter dialog lists the tariff at
once. Closing the workspace closes the dialog.
"""

from __future__ import annotations

import uuid
from datetime import date
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QObject, Qt, Signal
from PySide6.QtWidgets import QMessageBox, QWidget

from runtime.messages import UserError

if TYPE_CHECKING:
    from app.main_window import MainWindow
    from runtime.jobs import Job
    from store.workspace import Workspace
    from views.tariff_text import TariffsSnapshot
    from views.tariffs_dialog import TariffForm, TariffsDialog

translate = QCoreApplication.translate


# -- reading (in the pool, no Qt widgets) --------------------------------------------------


def read_tariffs(workspace: Workspace, park_id: uuid.UUID, utility: str, day: date,
                 currency: str) -> TariffsSnapshot:
    """The park's tariffs of ``utility`` with their versions, for the dialog."""
    from services.tariffs import tariff_versions
    from views.tariff_text import snapshot_of

    with workspace.reading() as session:
        histories = tariff_versions(session, park_id, utility)
    return snapshot_of(utility, currency, day, histories)


def tariff_choices(workspace: Workspace, park_id: uuid.UUID, utility: str,
                   ) -> tuple[tuple[uuid.UUID, str], ...]:
    """What a meter can be set on: each tariff of ``utility`` once, by name, as its newest
    version's id (a meter is priced at every version of its tariff's name)."""
    from services.tariffs import tariff_versions

    with workspace.reading() as session:
        return tuple((h.versions[0].id, h.name) for h in tariff_versions(session, park_id,
                                                                          utility))


def archive_box(parent: QWidget, name: str, valid_from: date) -> QMessageBox:
    """Asks before a version is archived."""
    box = QMessageBox(
        QMessageBox.Icon.Question, translate("TariffsFlow", "Archive version"),
        translate("TariffsFlow", "Archive {name} from {day}? The version before it stays in "
                                 "force until the next one; meters set on it keep the tariff.")
        .format(name=name, day=valid_from.isoformat()),
        QMessageBox.StandardButton.NoButton, parent)
    box.setObjectName("archive-tariff-box")
    archive = box.addButton(translate("TariffsFlow", "Archive"),
                            QMessageBox.ButtonRole.AcceptRole)
    archive.setObjectName("archive")
    cancel = box.addButton(translate("TariffsFlow", "Cancel"),
                           QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(cancel)
    return box


# -- the flow ------------------------------------------------------------------------------


class TariffsFlow(QObject):
    """The Tariffs dialog and its work in the pool."""

    changed = Signal(str, object)  # the utility, the version saved or archived

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.setObjectName("tariffs-flow")
        self.window = window
        self.dialog: TariffsDialog | None = None
        self.box: QMessageBox | None = None
        self.park_id: uuid.UUID | None = None
        self.currency = ""
        self._serial = 0
        window.controller.closed.connect(self._closed)

    def day(self) -> date:
        return self.window.controller.day

    def open(self, parent: QWidget, park_id: uuid.UUID, currency: str, utility: str,
             ) -> TariffsDialog:
        """The dialog over ``parent`` for ``utility``'s tariffs; one at a time (asked from
        another window it opens again over that one, so a modal meter dialog can use it)."""
        from views.tariffs_dialog import TariffsDialog

        dialog = self.dialog
        if dialog is not None and (dialog.parent() is not parent or self.park_id != park_id):
            dialog.close()
            dialog = None
        if dialog is None:
            self.park_id, self.currency = park_id, currency
            dialog = self.dialog = TariffsDialog(utility, self.day(), parent)
            dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
            dialog.utilityChanged.connect(lambda _u: self.refresh())
            dialog.saveRequested.connect(lambda form: self.save(dialog, form))
            dialog.archiveRequested.connect(lambda version: self.ask_archive(dialog, version))
            dialog.destroyed.connect(lambda *_: self._forget(dialog))
        elif dialog.utility() != utility:
            dialog.utility_box.setCurrentIndex(max(0, dialog.utility_box.findData(utility)))
        dialog.show()
        dialog.raise_()
        dialog.activateWindow()
        self.refresh()
        return dialog

    def refresh(self, choose: uuid.UUID | None = None, said: str = "") -> None:
        """Read the dialog's utility's tariffs again (in the pool)."""
        workspace, park_id, dialog = self.window.controller.workspace, self.park_id, self.dialog
        if park_id is None or dialog is None:
            return
        self._serial += 1
        serial = self._serial
        utility, day, currency = dialog.utility(), self.day(), self.currency
        dialog.set_loading()

        def work(_job: Job) -> TariffsSnapshot:
            return read_tariffs(workspace, park_id, utility, day, currency)

        def read(snapshot: TariffsSnapshot) -> None:
            if serial == self._serial and self.dialog is dialog:
                dialog.set_snapshot(snapshot, choose)
                if said:
                    dialog.set_saved(said)

        def failed(message: str, _trace: str) -> None:
            if serial == self._serial and self.dialog is dialog:
                dialog.set_failed(message)

        self.window.tasks.start(work, on_success=read, on_failure=failed)

    def save(self, dialog: TariffsDialog, form: TariffForm) -> None:
        """Write the form: a new tariff or version, or a version changed."""
        workspace, park_id = self.window.controller.workspace, self.park_id
        if park_id is None:
            return

        def work(_job: Job) -> Any:
            from services.tariffs import edit_tariff, save_tariff

            try:
                if form.mode == "edit" and form.version_id is not None:
                    edit_tariff(workspace, form.version_id, form.document, form.valid_from)
                    return form.version_id
                return save_tariff(workspace, park_id, form.utility, form.name, form.document,
                                   form.valid_from)
            except UserError as exc:
                return exc

        def done(answer: Any) -> None:
            from views.tariff_text import refusal_lines

            if isinstance(answer, UserError):
                if self.dialog is dialog:
                    dialog.set_refused(refusal_lines(answer))
                return
            said = translate("TariffsFlow", "Tariff {name} from {day} saved.").format(
                name=form.name, day=form.valid_from.isoformat())
            self._said(said)
            if self.dialog is dialog:
                dialog.set_saved(said)
                self.refresh(answer, said)
            self.changed.emit(form.utility, answer)

        def failed(message: str, _trace: str) -> None:
            if self.dialog is dialog:
                dialog.set_refused([message])

        dialog.set_working()
        self.window.tasks.start(work, on_success=done, on_failure=failed)

    def ask_archive(self, dialog: TariffsDialog, version_id: uuid.UUID) -> QMessageBox | None:
        """The question before archiving a version; Archive archives it."""
        found = dialog.snapshot.version(version_id) if dialog.snapshot is not None else None
        if found is None:
            return None
        tariff, version = found
        box = self.box = archive_box(dialog, tariff.name, version.valid_from)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.accepted.connect(lambda: self.archive(dialog, version_id, tariff.name,
                                                  version.valid_from))
        box.destroyed.connect(lambda *_: self._forget_box(box))
        box.open()
        return box

    def archive(self, dialog: TariffsDialog, version_id: uuid.UUID, name: str,
                valid_from: date) -> None:
        workspace = self.window.controller.workspace
        utility = dialog.utility()

        def work(_job: Job) -> Any:
            from services.tariffs import archive_tariff

            try:
                archive_tariff(workspace, version_id)
            except UserError as exc:
                return exc
            return None

        def done(refused: Any) -> None:
            from views.tariff_text import refusal_lines

            if refused is not None:
                if self.dialog is dialog:
                    dialog.set_refused(refusal_lines(refused))
                return
            said = translate("TariffsFlow", "Tariff {name} from {day} archived.").format(
                name=name, day=valid_from.isoformat())
            self._said(said)
            if self.dialog is dialog:
                dialog.start_new()
                self.refresh(None, said)
            self.changed.emit(utility, version_id)

        def failed(message: str, _trace: str) -> None:
            if self.dialog is dialog:
                dialog.set_refused([message])

        dialog.set_working()
        self.window.tasks.start(work, on_success=done, on_failure=failed)

    # -- endings -------------------------------------------------------------------------

    def _said(self, said: str) -> None:
        self.window.statusBar().showMessage(said, 10000)

    def _closed(self) -> None:
        self._serial += 1
        for widget in (self.box, self.dialog):
            if widget is not None:
                widget.close()

    def _forget(self, dialog: TariffsDialog) -> None:
        if self.dialog is dialog:
            self.dialog = None
            self._serial += 1

    def _forget_box(self, box: QMessageBox) -> None:
        if self.box is box:
            self.box = None


def tariffs_flow_of(window: MainWindow) -> TariffsFlow:
    """The window's tariffs flow, made on first use."""
    found = window.findChild(TariffsFlow, "tariffs-flow")
    return found if isinstance(found, TariffsFlow) else TariffsFlow(window)
