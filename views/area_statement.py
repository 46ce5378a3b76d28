"""The area statement on screen: floors with their units, the building's total, findings.

Shows a :class:`domain.area_statement.BuildingStatement` as it is given: the
table is the generic :class:`views.row_table_model.RowTableModel` over
:func:`views.area_statement_text.statement_rows` (floors and the total in
bold, rows a finding points at in red), the totals check above it and the
findings under it; clicking a finding selects its row. The dialog's Print /
PDF button only emits :attr:`AreaStatementDialog.printRequested`: the window
writes the pages (views never reach the store).
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication, QEvent, QItemSelectionModel, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from domain.area_statement import BuildingStatement
from views.area_statement_text import (
    COLUMNS,
    StatementRow,
    check_text,
    finding_text,
    row_of,
    statement_rows,
    subtitle_text,
    title_text,
)
from views.row_table_model import AnyIndex, Column, RowTableModel

translate = QCoreApplication.translate
FONT = int(Qt.ItemDataRole.FontRole)
BACKGROUND = int(Qt.ItemDataRole.BackgroundRole)
FOREGROUND = int(Qt.ItemDataRole.ForegroundRole)
SHADES = {"floor": "#eef2f7", "building": "#dce4ef"}
FOUND = "#b3261e"  # a row a finding points at
GOOD = "#1e6b35"


def statement_columns() -> list[Column[StatementRow]]:
    """The table's columns: the statement's, figures right-aligned."""
    return [Column(c.key, c.title, c.value, c.text, align_right=c.numeric, width=c.width)
            for c in COLUMNS]


class StatementModel(RowTableModel[StatementRow]):
    """The rows in reading order; group rows bold and shaded, rows with findings red."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(statement_columns(), parent)
        self.flagged: set[int] = set()
        bold = QFont()
        bold.setBold(True)
        self._bold = bold
        self._shades = {kind: QBrush(QColor(colour)) for kind, colour in SHADES.items()}
        self._found = QBrush(QColor(FOUND))

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """A statement keeps its order: floors, their units, the total."""

    def data(self, index: AnyIndex, role: int = int(Qt.ItemDataRole.DisplayRole)) -> Any:
        if index.isValid() and role in (FONT, BACKGROUND, FOREGROUND):
            row = self.row_at(index.row())
            if role == FONT:
                return self._bold if row.kind != "unit" else None
            if role == BACKGROUND:
                return self._shades.get(row.kind)
            return self._found if index.row() in self.flagged else None
        return super().data(index, role)


class AreaStatementView(QWidget):
    """One building's statement: title, totals check, the table and the findings."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.statement: BuildingStatement | None = None
        self.rows: list[StatementRow] = []
        self.title = QLabel(self)
        font = self.title.font()
        font.setPointSizeF(font.pointSizeF() * 1.3)
        font.setBold(True)
        self.title.setFont(font)
        self.subtitle = QLabel(self)
        self.check = QLabel(self)
        self.model = StatementModel(self)
        self.table = QTableView(self)
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setDefaultSectionSize(22)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.table.horizontalHeader().setDefaultAlignment(
            Qt.AlignmentFlag.AlignCenter | Qt.AlignmentFlag.AlignVCenter)
        self.table.setWordWrap(False)
        self.findings = QListWidget(self)
        self.findings.setWordWrap(True)
        self.findings.itemClicked.connect(self._go_to_finding)
        self.findings.currentRowChanged.connect(self._select_finding)
        split = QSplitter(Qt.Orientation.Vertical, self)
        split.addWidget(self.table)
        split.addWidget(self.findings)
        split.setStretchFactor(0, 4)
        split.setStretchFactor(1, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.title)
        layout.addWidget(self.subtitle)
        layout.addWidget(self.check)
        layout.addWidget(split, 1)
        self._sized = False
        self._retranslate()

    def set_statement(self, statement: BuildingStatement) -> None:
        self.statement = statement
        self.rows = statement_rows(statement)
        self.model.flagged = {row_of(self.rows, f) for f in statement.findings}
        self.model.set_rows(self.rows)
        if not self._sized:
            self.model.size_columns(self.table)
            self._sized = True
        self._retranslate()

    def select_row(self, position: int) -> None:
        index = self.model.index(position, 0)
        self.table.selectionModel().select(
            index, QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QItemSelectionModel.SelectionFlag.Rows)
        self.table.scrollTo(index)

    def selected_row(self) -> StatementRow | None:
        chosen = self.table.selectionModel().selectedRows()
        return self.rows[chosen[0].row()] if chosen else None

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)

    def _retranslate(self) -> None:
        self.title.setText(title_text())
        self.model.retitle()
        statement = self.statement
        if statement is None:
            self.subtitle.clear()
            self.check.clear()
            self.findings.clear()
            return
        self.subtitle.setText(subtitle_text(statement))
        self.check.setText(check_text(statement))
        self.check.setStyleSheet(f"color: {GOOD if statement.adds_up else FOUND};"
                                 "font-weight: bold;")
        self.findings.clear()
        for finding in statement.findings:
            item = QListWidgetItem(finding_text(finding))
            item.setData(Qt.ItemDataRole.UserRole, row_of(self.rows, finding))
            self.findings.addItem(item)
        self.findings.setVisible(bool(statement.findings))
        self.findings.setToolTip(translate("AreaStatement", "Click a finding to select its row"))

    def _go_to_finding(self, item: QListWidgetItem) -> None:
        self.select_row(int(item.data(Qt.ItemDataRole.UserRole)))

    def _select_finding(self, position: int) -> None:
        item = self.findings.item(position)
        if item is not None:
            self._go_to_finding(item)


class AreaStatementDialog(QDialog):
    """The statement in a window of its own; Print / PDF asks the window to write it."""

    printRequested = Signal(object)  # the BuildingStatement shown

    def __init__(self, statement: BuildingStatement, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.view = AreaStatementView(self)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self.print_button = QPushButton(self)
        self.buttons.addButton(self.print_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.print_button.clicked.connect(lambda: self.printRequested.emit(self.view.statement))
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.buttons)
        self.resize(1200, 700)
        self.view.set_statement(statement)
        self._retranslate()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)

    def _retranslate(self) -> None:
        self.setWindowTitle(title_text())
        self.print_button.setText(translate("AreaStatement", "Print / PDF…"))
        close = self.buttons.button(QDialogButtonBox.StandardButton.Close)
        if close is not None:
            close.setText(translate("AreaStatement", "Close"))
