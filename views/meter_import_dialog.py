"""Import meter readings from an Excel or CSV file: choose it, rehearse it, import it.

A meter-reading contractor's file, or the building management system's export:
a meter code, the day read and the reading on each row (or one column per
time-of-use register: 峰 平 谷 尖; a kind column for a meter replaced). The
rehearsal reads and judges every reading without writing anything: each row's
meter, day, register and value, what the meter used since its previous reading
(rollover and replacement worked out), whether it is new, a correction of a
reading there (before → after), already there, or refused with its reason, and
its flags (a fall that is no rollover, a spike, a day before one entered).
Import then writes the new readings and the corrections in one transaction.
Both run in the app's worker pool behind this dialog's progress bar and
Cancel; a cancelled import writes nothing. Import is offered only for the file
just rehearsed.

The dialog shows and emits; it is handed ``services.meters.ReadingsImportReport``
(duck-typed) and says its codes through :mod:`views.meter_text`, as
``leasemap readings`` does.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QEvent, QModelIndex, Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from views.cancellable_work import CancellableWorkDialog
from views.labels import date_text
from views.meter_text import (
    flag_names,
    quantity_text,
    register_text,
    said,
    said_all,
    status_text,
)
from views.row_table_model import Column, RowFilterProxy, RowTableModel
from views.row_table_view import list_view, row_of, visible_rows

translate = QCoreApplication.translate
FAILED_COLOUR = "#b3261e"
PROBLEM_COLOUR = "#8a5a00"
STATUSES = ("rejected", "correction", "new", "unchanged")


def _status(row: Any) -> str:
    return str(getattr(row.status, "value", row.status))


def row_colour(row: Any) -> str | None:
    if _status(row) == "rejected":
        return FAILED_COLOUR
    return PROBLEM_COLOUR if row.flags else None


def problems_text(row: Any) -> str:
    """A row's reasons (refused) or flags, and its notes, in words."""
    return said_all((*row.reasons, *row.flags, *row.notes))


def reading_columns() -> list[Column[Any]]:
    """Row, meter, day, register, reading, used, status, flags or reasons."""
    def status(row: Any) -> str:
        text = status_text(_status(row))
        if _status(row) == "correction" and row.before is not None:
            text += f" ({quantity_text(row.before)} → {quantity_text(row.value)})"
        return text

    def flags(row: Any) -> str:
        if _status(row) == "rejected":
            return said_all(row.reasons)
        return flag_names((*row.flags, *row.notes))

    return [
        Column("row", lambda: translate("MeterImport", "Row"), lambda r: r.row_number,
               align_right=True, width=5),
        Column("meter", lambda: translate("MeterImport", "Meter"), lambda r: r.code, width=18),
        Column("day", lambda: translate("MeterImport", "Day"), lambda r: r.read_on, text=date_text,
               width=10),
        Column("register", lambda: translate("MeterImport", "Register"), lambda r: r.register,
               text=register_text, width=6),
        Column("value", lambda: translate("MeterImport", "Reading"), lambda r: r.value,
               text=quantity_text, align_right=True, width=12),
        Column("used", lambda: translate("MeterImport", "Used since the previous"),
               lambda r: r.used, text=quantity_text, align_right=True, width=19),
        Column("status", lambda: translate("MeterImport", "Status"), status,
               sort_key=lambda t: t, color=row_colour, width=12),
        Column("flags", lambda: translate("MeterImport", "Flags or why refused"), flags,
               color=row_colour, width=40),
    ]


class MeterImportDialog(CancellableWorkDialog):
    """Choose a readings file, rehearse it, read what it holds, import it."""

    rehearseRequested = Signal(str)
    importRequested = Signal(str)  # the file rehearsed

    def __init__(self, parent: QWidget | None = None, folder: str = "") -> None:
        super().__init__(parent)
        self.setObjectName("meter-import-dialog")
        self.folder = folder
        self.path = ""
        self.report: Any | None = None
        self._done_for = ""  # the file the report is of; busy: rehearse | import

        self.intro = QLabel(self)
        self.intro.setWordWrap(True)
        self.file_label = QLabel(self)
        self.file_edit = QLineEdit(self)
        self.file_edit.setReadOnly(True)
        self.choose_button = QPushButton(self)
        self.choose_button.setObjectName("choose-button")
        self.choose_button.clicked.connect(self._ask_file)
        self.rehearse_button = QPushButton(self)
        self.rehearse_button.setObjectName("rehearse-button")
        self.rehearse_button.setDefault(True)
        self.rehearse_button.clicked.connect(self.request_rehearsal)
        self._work_widgets()
        self.problems_only = QCheckBox(self)
        self.problems_only.setObjectName("problems-only")
        self.problems_only.toggled.connect(self._filter)

        self.model: RowTableModel[Any] = RowTableModel(reading_columns(), self)
        self.proxy = RowFilterProxy(self)
        self.proxy.setSourceModel(self.model)
        self.table = list_view(self.proxy, self)
        self.table.setObjectName("readings")
        self.model.size_columns(self.table)
        self.table.selectionModel().currentRowChanged.connect(
            lambda current, _previous: self._show_row(current))
        self.row_said = QLabel(self)
        self.row_said.setObjectName("row-said")
        self.row_said.setWordWrap(True)
        self.row_said.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.row_said.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.buttons = QDialogButtonBox(self)
        self.import_button = QPushButton(self)
        self.import_button.setObjectName("import-button")
        self.import_button.clicked.connect(self.request_import)
        self.buttons.addButton(self.import_button, QDialogButtonBox.ButtonRole.AcceptRole)
        self.close_button = self.buttons.addButton(QDialogButtonBox.StandardButton.Close)
        self.buttons.rejected.connect(self.reject)

        file_row = QHBoxLayout()
        file_row.addWidget(self.file_label)
        file_row.addWidget(self.file_edit, 1)
        file_row.addWidget(self.choose_button)
        file_row.addWidget(self.rehearse_button)
        split = QSplitter(Qt.Orientation.Vertical, self)
        split.addWidget(self.table)
        split.addWidget(self.row_said)
        split.setStretchFactor(0, 5)
        split.setStretchFactor(1, 1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addLayout(file_row)
        layout.addWidget(self.progress_box)
        layout.addWidget(self.summary)
        layout.addWidget(self.problems_only)
        layout.addWidget(split, 1)
        layout.addWidget(self.buttons)
        self.resize(1180, 700)
        self._retranslate()

    # -- in ------------------------------------------------------------------------------

    def choose_file(self, path: str | Path, *, rehearse: bool = True) -> None:
        """Take ``path`` as the readings file (as the file dialog does) and rehearse it."""
        self.path = str(path)
        self.folder = str(Path(path).parent)
        self.file_edit.setText(self.path)
        self.report, self._done_for = None, ""
        self.model.set_rows([])
        self.row_said.clear()
        self._said, self._failed = "", False
        self._update()
        if rehearse:
            self.request_rehearsal()

    def set_report(self, report: Any) -> None:
        """Show a rehearsal (``report.dry_run``) or an import of the file chosen."""
        self.report, self._done_for = report, self.path
        self._busy, self._cancelling, self._said, self._failed = "", False, "", False
        self.model.set_rows(list(report.rows))
        self.row_said.clear()
        if self.proxy.rowCount():
            self.table.setCurrentIndex(self.proxy.index(0, 0))
        self._update()

    def set_cancelled(self) -> None:
        if self._busy != "import":  # a rehearsal cancelled: its report is dropped
            self.report, self._done_for = None, ""
            self.model.set_rows([])
        super().set_cancelled()

    def cancelled_text(self, kind: str) -> str:
        return (translate("MeterImport", "Import cancelled: nothing was written.")
                if kind == "import" else translate("MeterImport", "Rehearsal cancelled."))

    # -- out -----------------------------------------------------------------------------

    def rows(self) -> list[Any]:
        """The readings shown, in the table's order."""
        return visible_rows(self.model, self.proxy)

    def can_import(self) -> bool:
        report = self.report
        return (not self._busy and report is not None and report.dry_run
                and report.written > 0 and self._done_for == self.path)

    def request_rehearsal(self) -> None:
        if self.path and not self._busy:
            self.rehearseRequested.emit(self.path)

    def request_import(self) -> None:
        if self.can_import():
            self.importRequested.emit(self.path)

    # -- showing -------------------------------------------------------------------------

    def _ask_file(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self, translate("MeterImport", "Choose a readings file"), self.folder,
            translate("MeterImport", "Readings (*.xlsx *.xls *.csv);;All files (*)"))
        if path:
            self.choose_file(path)

    def _filter(self, only: bool) -> None:
        self.proxy.set_predicate(
            (lambda r: _status(r) == "rejected" or bool(r.flags)) if only else None)

    def _show_row(self, current: QModelIndex) -> None:
        if not current.isValid():
            self.row_said.clear()
            return
        row = row_of(self.model, self.proxy, current)
        head = translate("MeterImport", "Row {row}, {meter}: {status}").format(
            row=row.row_number, meter=row.code or "—", status=status_text(_status(row)))
        lines = [head]
        if row.used is not None and row.previous_on is not None:
            lines.append(translate("MeterImport", "Used {used} since {previous_on}").format(
                used=quantity_text(row.used), previous_on=date_text(row.previous_on)))
        lines += [f"· {said(m)}" for m in (*row.reasons, *row.flags, *row.notes)]
        self.row_said.setText("\n".join(lines))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)

    def _retranslate(self) -> None:
        self.setWindowTitle(translate("MeterImport", "Import meter readings"))
        self.intro.setText(translate(
            "MeterImport", "An Excel or CSV file with a meter code (表号), the day read (抄表日期) "
            "and the reading (读数) on each row, or one column per register (峰, 平, 谷, 尖). "
            "Rehearse it to see every reading, what it used and its flags; nothing is written "
            "until you import, and importing the same file again adds nothing."))
        self.file_label.setText(translate("MeterImport", "File:"))
        self.file_edit.setPlaceholderText(translate("MeterImport", "No file chosen"))
        self.choose_button.setText(translate("MeterImport", "Choose file…"))
        self.rehearse_button.setText(translate("MeterImport", "Rehearse"))
        self.cancel_button.setText(translate("MeterImport", "Cancel"))
        self.import_button.setText(translate("MeterImport", "Import"))
        self.close_button.setText(translate("MeterImport", "Close"))
        self.problems_only.setText(translate("MeterImport", "Only refused and flagged readings"))
        self.model.retitle()
        self._update()

    def _update(self) -> None:
        busy = bool(self._busy)
        self.choose_button.setEnabled(not busy)
        self.rehearse_button.setEnabled(not busy and bool(self.path))
        self._show_work(
            translate("MeterImport", "Cancelling…") if self._cancelling
            else translate("MeterImport", "Importing the readings…") if self._busy == "import"
            else translate("MeterImport", "Reading and checking the file…") if busy else "")
        self.import_button.setEnabled(self.can_import())
        self.summary.setText(self._summary_text())
        self.summary.setStyleSheet(f"color: {FAILED_COLOUR}" if self._failed else "")

    def _summary_text(self) -> str:
        if self._said:
            return self._said
        if self._busy:
            return ""
        if not self.path:
            return translate("MeterImport", "Choose a readings file to begin.")
        report = self.report
        if report is None:
            return translate("MeterImport", "Rehearse the file to see the readings it holds.")
        figures = {"rows": f"{len(report.rows):,}", "header": report.header_row,
                   "added": f"{report.added:,}", "corrected": f"{report.corrected:,}",
                   "unchanged": f"{report.unchanged:,}", "rejected": f"{report.rejected:,}",
                   "flagged": f"{report.flagged:,}", "skipped": f"{len(report.skipped):,}"}
        if report.dry_run and report.written:
            text = translate(
                "MeterImport", "{rows} readings under the header on row {header}: {added} to add, "
                "{corrected} to correct, {unchanged} already there, {rejected} refused; "
                "{flagged} flagged. Nothing is written until you import.").format(**figures)
        elif report.dry_run:
            text = translate(
                "MeterImport", "{rows} readings under the header on row {header}: {unchanged} "
                "already there, {rejected} refused; there is nothing new to import.").format(
                **figures)
        else:
            text = translate(
                "MeterImport", "Imported in one go: {added} readings added, {corrected} corrected, "
                "{unchanged} already there, {rejected} refused; {flagged} flagged, to be "
                "checked before billing. Importing the file again adds nothing.").format(
                **figures)
        return text
