"""The 公摊 statement of one meter for a month: what a tenant asks to see.

"Why is my 公摊 this much?" The statement answers it figure by figure: the
main meter's consumption and each sub meter's (the units', the common areas',
the sub-mains'); the unmetered part (main − Σ sub meters: line loss and use no
sub meter sees) plus the common areas' is what is shared; the basis (area, or
agreed weights) and its denominator give the rate; each unit's weight, its
fraction, its own meters' use, its share and the share's amount; a unit not
connected that month (every meter of it beneath this one removed before the
month or installed after it) listed with no share and why; and the
totals, which add up (Σ shares = shared, Σ amounts = the shared charge). Flags
(sub meters over the main, a unit without a weight, a meter not read) say why
a statement is not ready to bill.

It is laid out once (:func:`views.meter_text.statement_sheet`) and shown here,
written to Excel by the app, and printed to PDF from :func:`statement_html`,
so the three agree. The dialog shows and emits; ``app.meters_flow`` reads the
statement for the month chosen and writes the files.

Every word of a sheet is said when it is laid out, so when the language is switched
the dialog lays the statement out again (``StatementSheet.remake``) and says its
status again: nothing stays in the language it was read in, and an export after the
switch is in the new language too.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from html import escape
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QEvent, Qt, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from views.meter_text import (
    FLAG_COLOUR,
    NOTE_COLOUR,
    TEXT,
    SheetTable,
    StatementSheet,
    cell_text,
)
from views.month_edit import MonthEdit

translate = QCoreApplication.translate
GOOD_COLOUR = "#1e6b35"


WIDEST = 360  # pixels: a longer figure's name wraps


def fill_table(table: QTableWidget, sheet: SheetTable) -> None:
    """Show a sheet's table: its rows, then its totals in bold; figures to the right, each
    column as wide as its cells (a long name wrapped), the figures beside their names."""
    lines = sheet.lines()
    places = sheet.places()
    table.clear()
    table.setColumnCount(len(sheet.headers))
    table.setRowCount(len(lines))
    table.setHorizontalHeaderLabels(list(sheet.headers))
    bold = QFont(table.font())
    bold.setBold(True)
    for r, (row, kinds, total) in enumerate(lines):
        for c, (value, kind) in enumerate(zip(row, kinds, strict=True)):
            item = QTableWidgetItem(cell_text(value, kind, places[c]))
            if kind != TEXT and not isinstance(value, str):
                item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            if total:
                item.setFont(bold)
            table.setItem(r, c, item)
    header = table.horizontalHeader()
    table.resizeColumnsToContents()
    for c in range(table.columnCount()):  # a little air between the columns
        header.resizeSection(c, min(header.sectionSize(c) + 12, WIDEST))
    table.resizeRowsToContents()


def table_texts(table: QTableWidget) -> list[list[str]]:
    """What a table shows, row by row (tests, a reader)."""
    return [[table.item(r, c).text() if table.item(r, c) is not None else ""
             for c in range(table.columnCount())] for r in range(table.rowCount())]


def statement_html(sheet: StatementSheet) -> str:
    """The statement as one HTML page for the PDF: the same sheet, tables and all."""
    def table(part: SheetTable) -> str:
        head = "".join(f"<th>{escape(h)}</th>" for h in part.headers)
        body = []
        places = part.places()
        for row, kinds, total in part.lines():
            cells = []
            for c, (value, kind) in enumerate(zip(row, kinds, strict=True)):
                align = "right" if kind != TEXT and not isinstance(value, str) else "left"
                text = escape(cell_text(value, kind, places[c]))
                if total:
                    text = f"<b>{text}</b>"
                cells.append(f'<td align="{align}">{text}</td>')
            body.append("<tr>" + "".join(cells) + "</tr>")
        return ('<table border="1" cellspacing="0" cellpadding="3" width="100%">'
                f"<tr>{head}</tr>{''.join(body)}</table>")

    colour = GOOD_COLOUR if sheet.adds_up else FLAG_COLOUR
    parts = [f"<h2>{escape(sheet.title)}</h2>", f"<p>{escape(sheet.period)}</p>",
             table(sheet.meters), "<p></p>", table(sheet.figures), "<p></p>",
             table(sheet.shares)]
    if sheet.left_out:
        parts.append("<p>" + "<br>".join(f"○ {escape(x)}" for x in sheet.left_out) + "</p>")
    parts.append(f'<p style="color:{colour}">{escape(sheet.check)}</p>')
    if sheet.flags:
        parts.append(f'<p style="color:{FLAG_COLOUR}">'
                     + "<br>".join(f"⚠ {escape(f)}" for f in sheet.flags) + "</p>")
    if sheet.notes:
        parts.append(f'<p style="color:{NOTE_COLOUR}">'
                     + "<br>".join(f"· {escape(n)}" for n in sheet.notes) + "</p>")
    return "<html><body>" + "".join(parts) + "</body></html>"


class MeterStatementDialog(QDialog):
    """One meter's 公摊 statement for a month, with its Excel and PDF exports."""

    monthChanged = Signal(object)  # the month's first day
    exportRequested = Signal(object, str)  # Path, "xlsx" | "pdf"

    def __init__(self, meter_code: str, month: date, parent: QWidget | None = None,
                 folder: str = "") -> None:
        super().__init__(parent)
        self.setObjectName("meter-statement-dialog")
        self.setWindowFlag(Qt.WindowType.WindowMaximizeButtonHint, True)
        self.meter_code = meter_code
        self.folder = folder
        self.sheet: StatementSheet | None = None
        self._failed, self._busy = False, False
        self._say: Callable[[], str] = str  # the status line, said in the current language

        self.title = QLabel(self)
        self.title.setObjectName("title")
        self.title.setWordWrap(True)
        self.title.setTextFormat(Qt.TextFormat.PlainText)
        bold = QFont(self.title.font())
        bold.setBold(True)
        self.title.setFont(bold)
        self.period = QLabel(self)
        self.period.setObjectName("period")
        self.period.setWordWrap(True)
        self.month_label = QLabel(self)
        self.month_edit = MonthEdit(month, self)
        self.month_edit.dateChanged.connect(lambda _d: self.monthChanged.emit(self.month()))
        self.meters = self._table("meters")
        self.figures = self._table("figures")
        self.shares = self._table("shares")
        self.left_out = QLabel(self)  # the units not connected: no share, and why
        self.left_out.setObjectName("left-out")
        self.left_out.setWordWrap(True)
        self.left_out.setTextFormat(Qt.TextFormat.PlainText)
        self.check = QLabel(self)
        self.check.setObjectName("check")
        self.check.setWordWrap(True)
        self.flags = QLabel(self)
        self.flags.setObjectName("flags")
        self.flags.setWordWrap(True)
        self.flags.setStyleSheet(f"color: {FLAG_COLOUR}")
        self.notes = QLabel(self)
        self.notes.setObjectName("notes")
        self.notes.setWordWrap(True)
        self.notes.setStyleSheet(f"color: {NOTE_COLOUR}")
        self.status = QLabel(self)
        self.status.setObjectName("status")
        self.status.setWordWrap(True)

        self.buttons = QDialogButtonBox(self)
        self.excel_button = QPushButton(self)
        self.excel_button.setObjectName("excel-button")
        self.excel_button.clicked.connect(lambda: self.ask_export("xlsx"))
        self.pdf_button = QPushButton(self)
        self.pdf_button.setObjectName("pdf-button")
        self.pdf_button.clicked.connect(lambda: self.ask_export("pdf"))
        self.buttons.addButton(self.excel_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.buttons.addButton(self.pdf_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.close_button = self.buttons.addButton(QDialogButtonBox.StandardButton.Close)
        self.buttons.rejected.connect(self.reject)

        top = QHBoxLayout()
        top.addWidget(self.title, 1)
        top.addWidget(self.month_label)
        top.addWidget(self.month_edit)
        upper = QSplitter(Qt.Orientation.Horizontal, self)
        upper.addWidget(self.meters)
        upper.addWidget(self.figures)
        upper.setStretchFactor(0, 1)
        upper.setStretchFactor(1, 1)
        body = QSplitter(Qt.Orientation.Vertical, self)
        body.addWidget(upper)
        body.addWidget(self.shares)
        body.setStretchFactor(0, 2)
        body.setStretchFactor(1, 3)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.period)
        layout.addWidget(body, 1)
        layout.addWidget(self.left_out)
        layout.addWidget(self.check)
        layout.addWidget(self.flags)
        layout.addWidget(self.notes)
        layout.addWidget(self.status)
        layout.addWidget(self.buttons)
        self.resize(1240, 800)
        self._retranslate()

    def _table(self, name: str) -> QTableWidget:
        table = QTableWidget(0, 0, self)
        table.setObjectName(name)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.verticalHeader().setVisible(False)
        table.verticalHeader().setDefaultSectionSize(22)
        table.setAlternatingRowColors(True)
        table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        table.horizontalHeader().setStretchLastSection(False)
        table.setWordWrap(True)
        return table

    # -- in ------------------------------------------------------------------------------

    def set_loading(self) -> None:
        self._busy, self._failed = True, False
        self._say = lambda: translate("MeterStatement", "Reading the statement…")
        self._update()

    def set_sheet(self, sheet: StatementSheet) -> None:
        self._busy, self._failed = False, False
        self._say = str
        self._show(sheet)

    def _show(self, sheet: StatementSheet) -> None:
        self.sheet = sheet
        self.title.setText(sheet.title)
        self.period.setText(sheet.period)
        fill_table(self.meters, sheet.meters)
        fill_table(self.figures, sheet.figures)
        fill_table(self.shares, sheet.shares)
        self.left_out.setText("\n".join(f"○ {x}" for x in sheet.left_out))
        self.left_out.setVisible(bool(sheet.left_out))
        self.check.setText(sheet.check)
        self.check.setStyleSheet(f"color: {GOOD_COLOUR if sheet.adds_up else FLAG_COLOUR}")
        self.flags.setText("\n".join(f"⚠ {f}" for f in sheet.flags))
        self.flags.setVisible(bool(sheet.flags))
        self.notes.setText("\n".join(f"· {n}" for n in sheet.notes))
        self.notes.setVisible(bool(sheet.notes))
        self._update()

    def set_failed(self, text: str | Callable[[], str]) -> None:
        """The statement could not be read for the month: said (``text``, or what says it in
        the current language), the tables emptied."""
        self.sheet = None
        self._busy, self._failed = False, True
        self._say = text if callable(text) else (lambda: text)
        for table in (self.meters, self.figures, self.shares):
            table.setRowCount(0)
        self.check.setText("")
        self.left_out.setVisible(False)
        self.flags.setVisible(False)
        self.notes.setVisible(False)
        self._update()

    def set_exported(self, path: Path) -> None:
        self._say = lambda: translate("MeterStatement", "Saved {path}").format(path=path)
        self._failed = False
        self._update()

    def set_export_failed(self, text: str) -> None:
        self._say = lambda: translate(
            "MeterStatement", "The file could not be written: {problem}").format(problem=text)
        self._failed = True
        self._update()

    # -- out -----------------------------------------------------------------------------

    def month(self) -> date:
        return self.month_edit.month()

    def file_name(self, kind: str) -> str:
        return f"公摊-{self.meter_code}-{self.month().strftime('%Y-%m')}.{kind}"

    def ask_export(self, kind: str) -> Path | None:
        """Ask where to write the statement (Excel or PDF), then ask for it."""
        if self.sheet is None:
            return None
        start = str(Path(self.folder or str(Path.home())) / self.file_name(kind))
        if kind == "xlsx":
            chosen, _ = QFileDialog.getSaveFileName(
                self, translate("MeterStatement", "Export to Excel"), start,
                translate("MeterStatement", "Excel workbooks (*.xlsx)"))
        else:
            chosen, _ = QFileDialog.getSaveFileName(
                self, translate("MeterStatement", "Save as PDF"), start,
                translate("MeterStatement", "PDF documents (*.pdf)"))
        return self.export_to(Path(chosen), kind) if chosen else None

    def export_to(self, path: Path, kind: str) -> Path | None:
        """Ask for the statement shown to be written to ``path`` (its suffix added)."""
        if self.sheet is None:
            return None
        if path.suffix.lower() != f".{kind}":
            path = path.with_name(f"{path.name}.{kind}")
        self.exportRequested.emit(path, kind)
        return path

    # -- showing -------------------------------------------------------------------------

    def _update(self) -> None:
        ready = self.sheet is not None and not self._busy
        self.excel_button.setEnabled(ready)
        self.pdf_button.setEnabled(ready)
        self.status.setText(self._say())
        self.status.setStyleSheet(f"color: {FLAG_COLOUR}" if self._failed else "")

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
            if self.sheet is not None and self.sheet.remake is not None:
                self._show(self.sheet.remake())  # the statement said again, figures alike
        super().changeEvent(event)

    def _retranslate(self) -> None:
        self.setWindowTitle(translate(
            "MeterStatement", "Shared statement (公摊) of {meter}").format(meter=self.meter_code))
        self.month_label.setText(translate("MeterStatement", "Month:"))
        self.excel_button.setText(translate("MeterStatement", "Export to Excel…"))
        self.pdf_button.setText(translate("MeterStatement", "Save as PDF…"))
        self.close_button.setText(translate("MeterStatement", "Close"))
        self._update()
