"""The park's CPI by year, as CPI-linked escalations read it.

A CPI clause adjusts the rent each year by the previous year's index change
(or by the ratio to the year before the term), held between its floor and
cap. A year whose index is not entered yet bills at the floor, and a
correction follows once it is: so the dialog says, for each year missing,
how many contracts bill at their floor until it is entered (the app counts
them, ``services.sales_import.at_floor``). The table lists the years
entered with their value (4 decimals) and the change on the year before;
"Add year" adds a row to type a value into. Typing a value emits
:attr:`PriceIndexDialog.index_entered`; the app writes it and hands the
series back read again.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from decimal import Decimal, InvalidOperation
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QEvent,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QBrush, QColor, QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSpinBox,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from domain.money import round_to

translate = QCoreApplication.translate
AnyIndex = QModelIndex | QPersistentModelIndex
YEAR, VALUE, CHANGE = range(3)
_RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
MISSING_COLOUR = "#8a8a8a"
WARNING_COLOUR = "#b3261e"


def parse_index(text: str) -> Decimal | None:
    """An index value as typed (101.2, 1,012.5): None unless a number above 0; 4 places."""
    bare = text.strip().replace(",", "").replace("，", "").replace(" ", "")
    try:
        value = Decimal(bare)
    except (InvalidOperation, ValueError):
        return None
    if not value.is_finite() or value <= 0:
        return None
    return round_to(value, 4)


def change_text(value: Decimal | None, before: Decimal | None) -> str:
    """The change on the year before, signed, to 0.01 %: ``+1.20%``; "—" without both."""
    if value is None or before is None or not before:
        return "—"
    change = round_to((value / before - 1) * 100, 2)
    return f"{'+' if change > 0 else ''}{change}%"


class IndexModel(QAbstractTableModel):
    """Years and values; a value typed waits, italic, until the app reads it back."""

    entered = Signal(int, object)  # year, value (Decimal)
    refused = Signal(int, str)  # year, the text typed

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.values: dict[int, Decimal | None] = {}  # None: a year added, not typed yet
        self.pending: dict[int, Decimal] = {}
        self._grey = QBrush(QColor(MISSING_COLOUR))
        self._italic = QFont()
        self._italic.setItalic(True)

    @property
    def years(self) -> list[int]:
        return sorted(self.values)

    def set_values(self, rows: Sequence[tuple[int, Decimal]]) -> None:
        """The series as stored; years added but not typed stay."""
        self.beginResetModel()
        added = {year: None for year, value in self.values.items() if value is None}
        self.values = {**added, **{year: value for year, value in rows}}
        self.pending = {}
        self.endResetModel()

    def add_year(self, year: int) -> int:
        """A row for ``year`` (kept if there): its row."""
        if year not in self.values:
            self.beginResetModel()
            self.values[year] = None
            self.endResetModel()
        return self.years.index(year)

    def value(self, year: int) -> Decimal | None:
        typed = self.pending.get(year)
        return typed if typed is not None else self.values.get(year)

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.values)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 3

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation != Qt.Orientation.Horizontal:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return (translate("PriceIndexDialog", "Year"),
                    translate("PriceIndexDialog", "CPI"),
                    translate("PriceIndexDialog", "Change on the year before"))[section]
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return _RIGHT
        return None

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        flags = super().flags(index)
        if index.isValid() and index.column() == VALUE:
            flags |= Qt.ItemFlag.ItemIsEditable
        return flags

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        year, column = self.years[index.row()], index.column()
        value = self.value(year)
        if role == Qt.ItemDataRole.EditRole and column == VALUE:
            return "" if value is None else f"{round_to(value, 4)}"
        if role == Qt.ItemDataRole.DisplayRole:
            if column == YEAR:
                return str(year)
            if column == VALUE:
                return (translate("PriceIndexDialog", "not entered") if value is None
                        else f"{round_to(value, 4):,}")
            return change_text(value, self.value(year - 1))
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return _RIGHT
        if role == Qt.ItemDataRole.ForegroundRole and column == VALUE and value is None:
            return self._grey
        if role == Qt.ItemDataRole.FontRole and column == VALUE and (
                year in self.pending or value is None):
            return self._italic
        return None

    def setData(self, index: AnyIndex, value: Any, role: int = Qt.ItemDataRole.EditRole
                ) -> bool:
        if role != Qt.ItemDataRole.EditRole or not index.isValid() or index.column() != VALUE:
            return False
        year = self.years[index.row()]
        text = str(value or "").strip()
        if not text:
            return False
        figure = parse_index(text)
        if figure is None:
            self.refused.emit(year, text)
            return False
        if figure == self.value(year):
            return False
        self.pending[year] = figure
        last = self.index(min(index.row() + 1, len(self.values) - 1), CHANGE)
        self.dataChanged.emit(self.index(index.row(), 0), last)  # the next year's change too
        self.entered.emit(year, figure)
        return True

    def retitle(self) -> None:
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, 2)


class PriceIndexDialog(QDialog):
    """The park's CPI by year: add a year, type its value; what waits for a missing year."""

    index_entered = Signal(int, object)  # year, value (Decimal, 4 places)

    def __init__(self, parent: QWidget | None = None, this_year: int = 2026) -> None:
        super().__init__(parent)
        self.this_year = this_year
        self.waiting: dict[int, int] = {}
        self.intro = QLabel(self)
        self.intro.setWordWrap(True)
        self.model = IndexModel(self)
        self.model.entered.connect(self._entered)
        self.model.refused.connect(self._refused)
        self.table = QTableView(self)
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.DoubleClicked
                                   | QAbstractItemView.EditTrigger.EditKeyPressed
                                   | QAbstractItemView.EditTrigger.AnyKeyPressed)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setStretchLastSection(True)
        width = self.fontMetrics().averageCharWidth()
        for column, chars in enumerate((8, 14)):
            self.table.setColumnWidth(column, chars * width)
        self.year = QSpinBox(self)
        self.year.setRange(1950, 2200)
        self.year.setValue(this_year - 1)
        self.add_button = QPushButton(self)
        self.add_button.clicked.connect(lambda: self.add_year(self.year.value()))
        self.note = QLabel(self)
        self.note.setWordWrap(True)
        self.status = QLabel(self)
        self.status.setWordWrap(True)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self.buttons.rejected.connect(self.reject)
        row = QHBoxLayout()
        row.addWidget(self.year)
        row.addWidget(self.add_button)
        row.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addWidget(self.table, 1)
        layout.addLayout(row)
        layout.addWidget(self.note)
        layout.addWidget(self.status)
        layout.addWidget(self.buttons)
        self.resize(520, 460)
        self._retranslate()

    # -- in ------------------------------------------------------------------------------

    def set_index(self, rows: Sequence[tuple[int, Decimal]], waiting: Mapping[int, int]
                  ) -> None:
        """The series as stored, and for each year not entered how many CPI contracts bill
        their floor until it is."""
        self.model.set_values(rows)
        self.waiting = dict(waiting)
        missing = [y for y in sorted(self.waiting) if self.model.values.get(y) is None]
        self.year.setValue(missing[0] if missing else max(self.model.values) + 1
                           if self.model.values else self.this_year - 1)
        self._say_waiting()

    def set_status(self, text: str, error: bool = False) -> None:
        self.status.setText(text)
        self.status.setStyleSheet(f"color: {WARNING_COLOUR}" if error else "")

    def add_year(self, year: int) -> None:
        """A row for ``year``, its value cell ready to type into."""
        row = self.model.add_year(year)
        index = self.model.index(row, VALUE)
        self.table.setCurrentIndex(index)
        self.table.scrollTo(index)
        if self.model.values.get(year) is None and self.isVisible():
            self.table.edit(index)

    def enter(self, year: int, text: str) -> bool:
        """Type ``text`` as ``year``'s value, as a person's edit of the cell does."""
        row = self.model.add_year(year)
        return self.model.setData(self.model.index(row, VALUE), text)

    # -- out -----------------------------------------------------------------------------

    def _entered(self, year: int, value: Decimal) -> None:
        self.set_status(translate("PriceIndexDialog", "Saving the CPI of %1…")
                        .replace("%1", str(year)))
        self.index_entered.emit(year, value)

    def _refused(self, year: int, text: str) -> None:
        self.set_status(translate("PriceIndexDialog", "%1: “%2” is not an index above 0.")
                        .replace("%1", str(year)).replace("%2", text), error=True)

    # -- words ---------------------------------------------------------------------------

    def _say_waiting(self) -> None:
        lines = []
        for year, count in sorted(self.waiting.items()):
            if self.model.values.get(year) is not None:
                continue
            said = (translate("PriceIndexDialog", "%1 not entered: 1 CPI contract bills its "
                                                  "floor until it is.") if count == 1 else
                    translate("PriceIndexDialog", "%1 not entered: %2 CPI contracts bill their "
                                                  "floor until it is."))
            lines.append(said.replace("%1", str(year)).replace("%2", f"{count:,}"))
        self.note.setText("\n".join(lines) if lines else translate(
            "PriceIndexDialog", "No CPI contract waits for a year not entered."))
        self.note.setStyleSheet(f"color: {WARNING_COLOUR}" if lines else "")

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)

    def _retranslate(self) -> None:
        self.setWindowTitle(translate("PriceIndexDialog", "Price index (CPI)"))
        self.intro.setText(translate(
            "PriceIndexDialog", "The park's consumer price index by year. CPI clauses adjust "
                                "the rent by a year's change; a year not entered bills at the "
                                "floor, and a correction follows once it is entered."))
        self.add_button.setText(translate("PriceIndexDialog", "Add year"))
        self.model.retitle()
        self._say_waiting()
