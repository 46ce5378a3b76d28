"""Import a rent roll: pick the file, check its columns, see every row's fate, import.

The steps a person takes with a park's spreadsheet of leases: choose the file;
see which column the app took for each field (guessed from the headers,
each changeable in a combo); check the rows (a rehearsal: nothing written);
read the report — each row imported, rejected with its reasons, or already
imported; import the valid rows; save the rejected rows to a workbook to
correct them. The dialog only shows and emits: the app reads, rehearses,
imports and saves in the worker pool and answers with :meth:`set_columns`,
:meth:`set_report`, :meth:`set_saved` or :meth:`set_failed`. The report
arrives as ``RentRollReport.to_json()`` (the record ``rent-roll --json``
prints); the words for its reason codes and the fields' names are the
caller's (``reasons_text``, ``field_label``), so the dialog and the command
say them alike.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QEvent, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    QTableView,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from views.row_table_model import Column, RowTableModel

translate = QCoreApplication.translate
REJECTED_COLOUR = "#b3261e"
KEPT_COLOUR = "#8a8a8a"

Record = Mapping[str, Any]


def status_text(status: str, dry_run: bool) -> str:
    """A row's fate: imported (or, in a rehearsal, will be), rejected, already imported."""
    if status == "imported":
        return (translate("RentRollDialog", "will be imported") if dry_run
                else translate("RentRollDialog", "imported"))
    if status == "rejected":
        return translate("RentRollDialog", "rejected")
    if status == "already-imported":
        return translate("RentRollDialog", "already imported")
    return status


def report_columns(reasons_text: Callable[[Record], str], dry_run: Callable[[], bool]
                   ) -> list[Column[Record]]:
    """Row number, contract, tenant, units, status and the reasons in words."""
    def colour(row: Record) -> str | None:
        return {"rejected": REJECTED_COLOUR, "already-imported": KEPT_COLOUR}.get(row["status"])

    return [
        Column("row", lambda: translate("RentRollDialog", "Row"), lambda r: r["row"],
               align_right=True, width=5, color=colour),
        Column("code", lambda: translate("RentRollDialog", "Contract"), lambda r: r["code"],
               width=14, color=colour),
        Column("tenant", lambda: translate("RentRollDialog", "Tenant"), lambda r: r["tenant"],
               width=18, color=colour),
        Column("units", lambda: translate("RentRollDialog", "Units"),
               lambda r: "、".join(r["units"]), width=14, color=colour),
        Column("status", lambda: translate("RentRollDialog", "Status"),
               lambda r: status_text(r["status"], dry_run()), width=12, color=colour),
        Column("reasons", lambda: translate("RentRollDialog", "Reasons"),
               lambda r: reasons_text({"reasons": [*r["reasons"], *r["notes"]]}), width=60,
               color=colour),
    ]


class RentRollDialog(QDialog):
    """Choose a rent roll, map its columns, check its rows, import the valid ones."""

    fileChosen = Signal(str)  # the file: the app reads its header and guesses the columns
    rehearseRequested = Signal(str, dict)  # file, {field: column or ""}
    importRequested = Signal(str, dict)  # file, {field: column or ""}
    saveRejectedRequested = Signal(str)  # where to write the rejected rows

    def __init__(self, fields: Sequence[str], required: Sequence[str],
                 field_label: Callable[[str], str], reasons_text: Callable[[Record], str],
                 parent: QWidget | None = None, folder: str = "") -> None:
        super().__init__(parent)
        self.fields = list(fields)
        self.required = set(required)
        self.field_label = field_label
        self.folder = folder  # where the file dialogs start
        self.path = ""
        self.headers: list[str] = []
        self.report: Record | None = None
        self._busy = ""  # read | rehearse | import | save while the app works
        self._failure = ""
        self._saved = ""
        self._auto_rehearse = False

        self.intro = QLabel(self)
        self.intro.setWordWrap(True)
        self.file_edit = QLineEdit(self)
        self.file_edit.setReadOnly(True)
        self.choose_button = QPushButton(self)
        self.choose_button.clicked.connect(self._ask_file)
        self.mapping_label = QLabel(self)
        self.mapping_table = QTableWidget(len(self.fields), 2, self)
        self.mapping_table.verticalHeader().hide()
        self.mapping_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.mapping_table.horizontalHeader().setSectionResizeMode(
            0, QHeaderView.ResizeMode.ResizeToContents)
        self.mapping_table.horizontalHeader().setStretchLastSection(True)
        self.combos: dict[str, QComboBox] = {}
        for position, name in enumerate(self.fields):
            item = QTableWidgetItem()
            if name in self.required:
                font = QFont(item.font())
                font.setBold(True)
                item.setFont(font)
            self.mapping_table.setItem(position, 0, item)
            combo = QComboBox(self.mapping_table)
            combo.addItem("", "")
            combo.currentIndexChanged.connect(lambda _i: self._mapping_changed())
            self.combos[name] = combo
            self.mapping_table.setCellWidget(position, 1, combo)
        self.check_button = QPushButton(self)
        self.check_button.clicked.connect(self.request_rehearsal)
        self.status = QLabel(self)
        self.status.setWordWrap(True)
        self.only_rejected = QCheckBox(self)
        self.only_rejected.toggled.connect(lambda _on: self._show_rows())
        self.report_model: RowTableModel[Record] = RowTableModel(
            report_columns(reasons_text, lambda: bool(self.report and self.report["dry_run"])),
            self)
        self.report_table = QTableView(self)
        self.report_table.setModel(self.report_model)
        self.report_table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.report_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.report_table.setSortingEnabled(True)
        self.report_table.verticalHeader().hide()
        self.report_model.size_columns(self.report_table)
        self.report_table.horizontalHeader().setStretchLastSection(True)
        self.buttons = QDialogButtonBox(self)
        self.import_button = QPushButton(self)
        self.import_button.clicked.connect(self.request_import)
        self.save_button = QPushButton(self)
        self.save_button.clicked.connect(self._ask_save_path)
        self.close_button = self.buttons.addButton(QDialogButtonBox.StandardButton.Close)
        self.buttons.addButton(self.save_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.buttons.addButton(self.import_button, QDialogButtonBox.ButtonRole.AcceptRole)
        self.buttons.rejected.connect(self.reject)

        file_row = QHBoxLayout()
        file_row.addWidget(self.file_edit, 1)
        file_row.addWidget(self.choose_button)
        mapping = QWidget(self)
        mapping_layout = QVBoxLayout(mapping)
        mapping_layout.setContentsMargins(0, 0, 0, 0)
        mapping_layout.addWidget(self.mapping_label)
        mapping_layout.addWidget(self.mapping_table, 1)
        mapping_layout.addWidget(self.check_button)
        rows = QWidget(self)
        rows_layout = QVBoxLayout(rows)
        rows_layout.setContentsMargins(0, 0, 0, 0)
        rows_layout.addWidget(self.status)
        rows_layout.addWidget(self.only_rejected)
        rows_layout.addWidget(self.report_table, 1)
        splitter = QSplitter(self)
        splitter.addWidget(mapping)
        splitter.addWidget(rows)
        splitter.setStretchFactor(1, 3)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addLayout(file_row)
        layout.addWidget(splitter, 1)
        layout.addWidget(self.buttons)
        self.resize(1180, 640)
        self._retranslate()

    # -- in ------------------------------------------------------------------------------

    def choose_file(self, path: str | Path) -> None:
        """Take ``path`` as the rent roll (as the file dialog does) and ask for its columns."""
        self.path = str(path)
        self.folder = str(Path(path).parent)
        self.file_edit.setText(self.path)
        self.headers, self.report, self._saved = [], None, ""
        self._set_headers([], {})
        self.report_model.set_rows([])
        self._busy, self._failure = "read", ""
        self._auto_rehearse = True
        self._update()
        self.fileChosen.emit(self.path)

    def set_columns(self, headers: Sequence[str], mapping: Mapping[str, str],
                    header_row: int, rows: int) -> None:
        """The file's columns and the guessed mapping; a complete one is checked at once."""
        self.headers = list(headers)
        self._header_row, self._rows = header_row, rows
        self._busy = ""
        self._set_headers(self.headers, mapping)
        self._update()
        if self._auto_rehearse and not self.missing():
            self._auto_rehearse = False
            self.request_rehearsal()

    def set_rehearsing(self) -> None:
        self._busy, self._failure = "rehearse", ""
        self._update()

    def set_importing(self) -> None:
        self._busy, self._failure = "import", ""
        self._update()

    def set_saving(self) -> None:
        self._busy, self._failure = "save", ""
        self._update()

    def set_report(self, report: Record) -> None:
        """Show a rehearsal's or an import's report (``RentRollReport.to_json()``)."""
        self.report = report
        self._busy, self._failure = "", ""
        if report.get("rejected_file"):
            self._saved = str(report["rejected_file"])
        self._show_rows()
        self._update()

    def set_saved(self, path: str) -> None:
        self._busy, self._saved = "", str(path)
        self._update()

    def set_failed(self, message: str) -> None:
        """Say why reading, checking, importing or saving did not happen (user's language)."""
        self._busy, self._failure = "", message
        self._update()

    def mapping(self) -> dict[str, str]:
        """Each field's column as chosen ("" for none)."""
        return {name: str(combo.currentData() or "") for name, combo in self.combos.items()}

    def choose_column(self, name: str, column: str) -> None:
        """Choose a field's column as a person would ("" for none)."""
        combo = self.combos[name]
        combo.setCurrentIndex(max(0, combo.findData(column)))

    def missing(self) -> list[str]:
        """Required fields with no column (a start date: delivery or rent start will do)."""
        chosen = self.mapping()
        gone = [f for f in self.fields if f in self.required and not chosen.get(f)]
        if "rent_starts_on" in gone and chosen.get("delivered_on"):
            gone.remove("rent_starts_on")
        return gone

    def importable(self) -> int:
        """How many rows Import would sign (from the last rehearsal of this mapping)."""
        report = self.report
        if report is None or not report["dry_run"]:
            return 0
        return int(report["counts"]["imported"])

    # -- out -----------------------------------------------------------------------------

    def request_rehearsal(self) -> None:
        if self.path and not self._busy and not self.missing():
            self.report = None
            self.report_model.set_rows([])
            self.rehearseRequested.emit(self.path, self.mapping())

    def request_import(self) -> None:
        if self.importable() and not self._busy:
            self.importRequested.emit(self.path, self.mapping())

    def save_rejected_to(self, path: str | Path) -> None:
        """Ask for the rejected rows to be written to ``path`` (as the save dialog does)."""
        if self.report is not None and self.report["counts"]["rejected"] and not self._busy:
            self.folder = str(Path(path).parent)
            self.saveRejectedRequested.emit(str(path))

    def _ask_file(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self, self.tr("Choose a rent roll"), self.folder,
            self.tr("Rent rolls (*.xlsx *.xls *.csv);;All files (*)"))
        if path:
            self.choose_file(path)

    def _ask_save_path(self) -> None:
        stem = Path(self.path).stem if self.path else "rent-roll"
        start = str(Path(self.folder or ".") / f"{stem}.rejected.xlsx")
        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("Save the rejected rows"), start,
            self.tr("Excel workbooks (*.xlsx)"))
        if path:
            self.save_rejected_to(path if path.lower().endswith(".xlsx") else f"{path}.xlsx")

    # -- showing -------------------------------------------------------------------------

    def _set_headers(self, headers: Sequence[str], mapping: Mapping[str, str]) -> None:
        for name, combo in self.combos.items():
            combo.blockSignals(True)
            combo.clear()
            combo.addItem(self.tr("(none)"), "")
            for header in headers:
                combo.addItem(header, header)
            combo.setCurrentIndex(max(0, combo.findData(mapping.get(name, ""))))
            combo.setEnabled(bool(headers))
            combo.blockSignals(False)

    def _mapping_changed(self) -> None:
        """Another column chosen: the report no longer says what an import would do."""
        if self.report is not None and self.report["dry_run"]:
            self.report = None
            self.report_model.set_rows([])
        self._update()

    def _show_rows(self) -> None:
        rows = [] if self.report is None else list(self.report["rows"])
        if self.only_rejected.isChecked():
            rows = [r for r in rows if r["status"] == "rejected"]
        self.report_model.set_rows(rows)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)

    def _retranslate(self) -> None:
        self.setWindowTitle(self.tr("Import a rent roll"))
        self.intro.setText(self.tr(
            "A rent roll is a spreadsheet (Excel or CSV) of the park's leases, one contract a "
            "row. Each row is checked as a contract would be when signed; nothing is written "
            "until you import, and then the valid rows are signed together. Rejected rows can "
            "be saved to a workbook with their reasons, corrected and imported again."))
        self.choose_button.setText(self.tr("Choose file…"))
        self.file_edit.setPlaceholderText(self.tr("No file chosen"))
        self.mapping_label.setText(self.tr("Which column holds each field (bold: needed):"))
        self.mapping_table.setHorizontalHeaderLabels([self.tr("Field"), self.tr("Column")])
        for position, name in enumerate(self.fields):
            item = self.mapping_table.item(position, 0)
            if item is not None:
                item.setText(self.field_label(name))
        for combo in self.combos.values():
            combo.setItemText(0, self.tr("(none)"))
        self.check_button.setText(self.tr("Check the rows"))
        self.only_rejected.setText(self.tr("Only rejected rows"))
        self.import_button.setText(self.tr("Import"))
        self.save_button.setText(self.tr("Save rejected rows…"))
        self.close_button.setText(self.tr("Close"))
        self.report_model.retitle()
        self._update()

    def _update(self) -> None:
        """Status line and buttons for what is known now."""
        busy, report = self._busy, self.report
        missing = self.missing() if self.headers else []
        self.choose_button.setEnabled(not busy)
        self.check_button.setEnabled(bool(self.path and self.headers) and not busy
                                     and not missing)
        self.import_button.setEnabled(not busy and self.importable() > 0)
        self.save_button.setEnabled(not busy and report is not None
                                    and report["counts"]["rejected"] > 0)
        self.status.setText(self._status_text(missing))
        self.status.setStyleSheet(f"color: {REJECTED_COLOUR}" if self._failure else "")

    def _status_text(self, missing: list[str]) -> str:
        if self._failure:
            return self._failure
        busy = {
            "read": self.tr("Reading the file…"),
            "rehearse": self.tr("Checking every row…"),
            "import": self.tr("Importing the valid rows…"),
            "save": self.tr("Saving the rejected rows…"),
        }.get(self._busy)
        if busy:
            return busy
        if not self.path:
            return self.tr("Choose a rent roll to begin.")
        if missing:
            return self.tr("Choose a column for: %1").replace(
                "%1", ", ".join(self.field_label(f) for f in missing))
        report = self.report
        if report is None:
            return self.tr("Check the rows to see what an import would do.")
        counts = report["counts"]
        if report["dry_run"]:
            text = self.tr("%1 rows: %2 will be imported, %3 rejected, %4 already imported.")
        else:
            text = self.tr("%1 rows: %2 imported, %3 rejected, %4 already imported.")
        text = (text.replace("%1", f"{counts['rows']:,}").replace("%2", f"{counts['imported']:,}")
                .replace("%3", f"{counts['rejected']:,}")
                .replace("%4", f"{counts['already_imported']:,}"))
        if report["new_tenants"]:
            text += " " + self.tr("New tenants: %1.").replace(
                "%1", f"{len(report['new_tenants']):,}")
        if self._saved:
            text += " " + self.tr("Rejected rows saved to %1.").replace("%1", self._saved)
        if report.get("rejected_file_error"):
            text += " " + self.tr("The rejected rows could not be saved: %1").replace(
                "%1", str(report["rejected_file_error"]))
        return text
