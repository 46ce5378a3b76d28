"""The rent-roll import in the window: the dialog's requests run in the worker pool.

Reading the header, the rehearsal and the import each run in the window's
task runner behind a progress dialog (a cancel drops the rehearsal; the
import's transaction rolls back at its next step), never in this thread: a
5,000-row file takes seconds. After an import the window reads its data
again (the units just leased show as leased), as the other writing flows do.
The words for the report's codes come from ``app.cli_rent_roll``, so the
dialog and the command say the same things.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject

from app import cli_rent_roll as words

if TYPE_CHECKING:
    from app.main_window import MainWindow
    from runtime.jobs import Job
    from services.rent_roll import RentRollReport
    from views.rent_roll_dialog import RentRollDialog


def import_rent_roll(window: MainWindow) -> None:
    """Open the rent-roll dialog over ``window`` (its workspace must be open)."""
    if not window.controller.is_open:
        return
    existing = window.findChild(RentRollFlow)
    if existing is not None and existing.dialog is not None:
        existing.dialog.raise_()
        existing.dialog.activateWindow()
        return
    RentRollFlow(window).open()


class RentRollFlow(QObject):
    """One dialog's life: its file, its last report, and the work it asked for."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.dialog: RentRollDialog | None = None
        self.report: RentRollReport | None = None  # the last rehearsal or import
        self._serial = 0  # the latest request; an earlier one's answer is dropped
        window.controller.closed.connect(self._closed)

    def open(self) -> RentRollDialog:
        from importers.rent_roll import FIELDS, REQUIRED
        from views.rent_roll_dialog import RentRollDialog

        folder = self.window.settings.export_folder or str(Path.home())
        dialog = self.dialog = RentRollDialog(
            FIELDS, REQUIRED, words.field_label, words.row_reasons_text, self.window, folder)
        dialog.fileChosen.connect(self.read)
        dialog.rehearseRequested.connect(self.rehearse)
        dialog.importRequested.connect(self.run_import)
        dialog.saveRejectedRequested.connect(self.save_rejected)
        dialog.finished.connect(lambda _result: self._forget(dialog))
        dialog.open()
        return dialog

    # -- the dialog's requests -------------------------------------------------------------

    def read(self, path: str) -> None:
        """The file's header and the guessed columns (the rows are read again when checked)."""
        def work(_job: Job) -> Any:
            from importers.rent_roll import read_rent_roll

            return read_rent_roll(path, require=False)

        self._start(work, self._read_done, self.tr("Reading %1…").replace(
            "%1", Path(path).name))

    def _read_done(self, sheet: Any) -> None:
        if self.dialog is not None:
            self.dialog.set_columns(sheet.headers, dict(sheet.mapping.columns),
                                    sheet.header_row, len(sheet.rows))

    def rehearse(self, path: str, mapping: dict[str, str]) -> None:
        workspace, day = self.window.controller.workspace, self.window.controller.day
        if self.dialog is not None:
            self.dialog.set_rehearsing()

        def work(job: Job) -> Any:
            from services.rent_roll import rehearse_rent_roll

            return rehearse_rent_roll(workspace, path, _chosen(mapping), day, job=job)

        self._start(work, self._reported, self.tr("Checking the rows of %1…").replace(
            "%1", Path(path).name))

    def run_import(self, path: str, mapping: dict[str, str]) -> None:
        """Sign the valid rows in one transaction; the rejected ones go beside the file."""
        workspace, day = self.window.controller.workspace, self.window.controller.day
        if self.dialog is not None:
            self.dialog.set_importing()

        def work(job: Job) -> Any:
            from services.rent_roll import import_rent_roll as run

            return run(workspace, path, _chosen(mapping), day, job=job,
                       describe=words.row_reasons_text)

        self._start(work, self._imported, self.tr("Importing %1…").replace(
            "%1", Path(path).name))

    def save_rejected(self, target: str) -> None:
        report = self.report
        if report is None:
            return
        if self.dialog is not None:
            self.dialog.set_saving()

        def work(_job: Job) -> str:
            from services.rent_roll import write_rejected

            return str(write_rejected(report, Path(target), words.row_reasons_text))

        def saved(path: str) -> None:
            self.window.settings.export_folder = str(Path(path).resolve().parent)
            if self.dialog is not None:
                self.dialog.set_saved(path)

        self._start(work, saved, None)

    # -- answers -------------------------------------------------------------------------------

    def _reported(self, report: RentRollReport) -> None:
        self.report = report
        if self.dialog is not None:
            self.dialog.set_report(report.to_json())

    def _imported(self, report: RentRollReport) -> None:
        self._reported(report)
        self.window.controller.reload()  # the units just leased show as leased
        self.window.statusBar().showMessage(
            self.tr("Rent roll: %1 contracts imported, %2 rows rejected")
            .replace("%1", f"{report.imported:,}").replace("%2", f"{report.rejected:,}"), 10000)

    def _start(self, work: Any, done: Any, label: str | None) -> None:
        """Run ``work`` in the pool; only the latest request's answer reaches the dialog."""
        from app.workers import progress_dialog

        self._serial += 1
        serial = self._serial
        parent = self.dialog or self.window
        progress = (progress_dialog(parent, self.tr("Import a rent roll"), label)
                    if label is not None else None)

        def wanted() -> bool:
            return serial == self._serial and self.dialog is not None

        def failed(message: str, _trace: str) -> None:
            if wanted() and self.dialog is not None:
                self.dialog.set_failed(message)

        def cancelled() -> None:
            if wanted() and self.dialog is not None:
                self.dialog.set_failed(self.tr("Cancelled: nothing was written."))

        def succeeded(result: Any) -> None:
            if not wanted():
                return
            if isinstance(result, Exception):  # the file, said in the user's words
                failed(words.file_error_text(result), "")
            else:
                done(result)

        self.window.tasks.start(_file_errors_returned(work), on_success=succeeded,
                                on_failure=failed, on_cancel=cancelled, progress=progress)

    def _closed(self) -> None:
        """The workspace closed: its dialog must not import into the next one."""
        if self.dialog is not None:
            self.dialog.reject()

    def _forget(self, dialog: RentRollDialog) -> None:
        if self.dialog is dialog:
            self.dialog = None
            self._serial += 1
        dialog.deleteLater()
        self.deleteLater()


def _file_errors_returned(work: Any) -> Any:
    """``work``, with a rent roll that cannot be read returned rather than raised, so its
    message is said from its code (the pool says other failures as they come)."""
    def guarded(job: Job) -> Any:
        from importers.rent_roll import RentRollError

        try:
            return work(job)
        except RentRollError as exc:
            return exc

    return guarded


def _chosen(mapping: dict[str, str]) -> dict[str, str | None]:
    """The dialog's choice as the service takes it: every field, "" as no column."""
    return {name: column or None for name, column in mapping.items()}
