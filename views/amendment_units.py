"""The units an amendment keeps, re-measures, releases or adds.

A kept unit may take a new billable area; unticking one releases it from the
amendment's date; a unit typed by its code is added from that date (the flow
looks the code up and calls :meth:`AmendmentUnits.add_unit`). The rehearsal
says what each change does to the schedule before anything is written.
"""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal, InvalidOperation

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from domain.leasing.contract import LetUnit

CODE, AREA, KEEP = range(3)


class AmendmentUnits(QWidget):
    """The contract's units as a table (code, billable area, kept) and a line to add one."""

    changed = Signal()
    addRequested = Signal(str)  # a unit's code, as typed

    def __init__(self, units: Sequence[LetUnit], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._units: list[LetUnit] = []
        self._added: set[str] = set()
        self.table = QTableWidget(0, 3, self)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(CODE, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(AREA, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(KEEP, QHeaderView.ResizeMode.ResizeToContents)
        self.code = QLineEdit(self)
        self.code.returnPressed.connect(self._add)
        self.add_button = QPushButton(self)
        self.add_button.clicked.connect(self._add)
        self.message = QLabel(self)
        self.message.setWordWrap(True)
        row = QHBoxLayout()
        row.addWidget(self.code, 1)
        row.addWidget(self.add_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.table, 1)
        layout.addLayout(row)
        layout.addWidget(self.message)
        for unit in units:
            self._append(unit)
        self.table.itemChanged.connect(lambda _item: self.changed.emit())
        self._retranslate()

    def units(self) -> tuple[LetUnit, ...] | None:
        """The units ticked, each at the area entered; None while an area is not a number."""
        kept = []
        for row, unit in enumerate(self._units):
            keep = self.table.item(row, KEEP)
            if keep is None or keep.checkState() != Qt.CheckState.Checked:
                continue
            area = _area(self.table.item(row, AREA))
            if area is None:
                return None
            kept.append(LetUnit(unit.unit_id, unit.unit_code, area, unit.held_from))
        return tuple(kept)

    def add_unit(self, unit: LetUnit) -> None:
        """A unit the flow found for the code typed: added, ticked, at its billable area."""
        if any(u.unit_id == unit.unit_id for u in self._units):
            self.message.setText(
                self.tr("%1 is already in the contract.").replace("%1", unit.unit_code))
            return
        self._added.add(unit.unit_id)
        self.table.blockSignals(True)
        self._append(unit)
        self.table.blockSignals(False)
        self.code.clear()
        self.message.clear()
        self.changed.emit()

    def set_message(self, text: str) -> None:
        self.message.setText(text)

    def _append(self, unit: LetUnit) -> None:
        row = self.table.rowCount()
        self.table.insertRow(row)
        self._units.append(unit)
        code = QTableWidgetItem(unit.unit_code)
        code.setFlags(code.flags() & ~Qt.ItemFlag.ItemIsEditable)
        area = QTableWidgetItem(str(unit.billable_area))
        area.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        keep = QTableWidgetItem()
        keep.setFlags((keep.flags() | Qt.ItemFlag.ItemIsUserCheckable)
                      & ~Qt.ItemFlag.ItemIsEditable)
        keep.setCheckState(Qt.CheckState.Checked)
        for column, item in ((CODE, code), (AREA, area), (KEEP, keep)):
            self.table.setItem(row, column, item)
        self._mark(row)

    def _mark(self, row: int) -> None:
        unit = self._units[row]
        item = self.table.item(row, CODE)
        if item is not None and unit.unit_id in self._added:
            item.setText(self.tr("%1 (added)").replace("%1", unit.unit_code))

    def _add(self) -> None:
        code = self.code.text().strip()
        if code:
            self.addRequested.emit(code)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)

    def _retranslate(self) -> None:
        self.table.setHorizontalHeaderLabels(
            [self.tr("Unit"), self.tr("Billable area (m²)"), self.tr("Kept")])
        self.code.setPlaceholderText(self.tr("Unit code to add, e.g. ZD-A-0301"))
        self.add_button.setText(self.tr("Add unit"))
        self.table.setToolTip(self.tr(
            "Untick a unit to release it from the amendment's date; a unit added is held "
            "from that date."))
        for row in range(self.table.rowCount()):
            self._mark(row)


def _area(item: QTableWidgetItem | None) -> Decimal | None:
    if item is None:
        return None
    try:
        value = Decimal(item.text().strip().replace(",", ""))
    except (InvalidOperation, ValueError):
        return None
    return value if value.is_finite() and value > 0 else None
