"""The contract wizard's inputs: number and date boxes that give ``Decimal`` and ``date``,
and the editable lists of a clause (rent-free periods, steps, index values, area bands,
charges), each a table of input widgets with Add and Remove.

Numbers are typed in spin boxes (right-aligned, thousands separated) and read back
as ``Decimal`` through their text to the box's decimals, never through float
arithmetic, so 98.50 typed is ``Decimal("98.50")``. Every widget made here says
when it changes through :func:`watch`, which the wizard uses to recompute its
preview.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from enum import Enum
from typing import Any

from PySide6.QtCore import QDate, QEvent, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QAbstractSpinBox,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDoubleSpinBox,
    QHBoxLayout,
    QHeaderView,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from views.message_text import translate

DATE_FORMAT = "yyyy-MM-dd"  # as the window's As-of date (app.i18n.DATE_FORMAT)
MONEY_MAX = 1e12
PROBLEM_COLOUR = "#b3261e"


# -- single inputs ------------------------------------------------------------------------


def date_box(parent: QWidget | None = None, day: date | None = None) -> QDateEdit:
    box = QDateEdit(parent)
    box.setCalendarPopup(True)
    box.setDisplayFormat(DATE_FORMAT)
    box.setDate(QDate(day or date.today()))
    return box


def number_box(parent: QWidget | None = None, decimals: int = 2, maximum: float = MONEY_MAX,
               suffix: str = "", minimum: float = 0.0) -> QDoubleSpinBox:
    """A right-aligned amount, area or rate box with thousands separators."""
    box = QDoubleSpinBox(parent)
    box.setDecimals(decimals)
    box.setRange(minimum, maximum)
    box.setGroupSeparatorShown(True)
    box.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
    box.setButtonSymbols(QAbstractSpinBox.ButtonSymbols.NoButtons)
    box.setKeyboardTracking(True)
    if suffix:
        box.setSuffix(suffix)
    return box


def int_box(parent: QWidget | None = None, minimum: int = 0, maximum: int = 9999
            ) -> QSpinBox:
    box = QSpinBox(parent)
    box.setRange(minimum, maximum)
    box.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
    return box


def decimal_of(box: QDoubleSpinBox) -> Decimal:
    """The box's value as typed, to its decimals, exactly."""
    return Decimal(f"{box.value():.{box.decimals()}f}")


def set_decimal(box: QDoubleSpinBox, value: Decimal | None) -> None:
    box.setValue(float(value or 0))


def day_of(box: QDateEdit) -> date:
    return box.date().toPython()


def set_day(box: QDateEdit, value: date) -> None:
    box.setDate(QDate(value))


class EnumCombo(QComboBox):
    """A choice of enum members (None allowed, said by ``none``), each said by ``name``.

    Qt hands a StrEnum stored as item data back as plain text, so the members are
    kept here and chosen by position.
    """

    def __init__(self, parent: QWidget | None, members: Sequence[Enum | None],
                 name: Callable[[Any], str], none: Callable[[], str] = str) -> None:
        super().__init__(parent)
        self.members = list(members)
        self.name = name
        self.none = none
        for _member in self.members:
            self.addItem("")
        self.rename()

    def member(self) -> Any:
        i = self.currentIndex()
        return self.members[i] if 0 <= i < len(self.members) else None

    def set_member(self, member: Any) -> None:
        for i, known in enumerate(self.members):
            if known is member or (known is not None and member is not None
                                   and type(known) is type(member) and known == member):
                self.setCurrentIndex(i)
                return

    def rename(self) -> None:
        """Say the members again (after a language switch)."""
        for i, member in enumerate(self.members):
            self.setItemText(i, self.none() if member is None else self.name(member))


def enum_combo(parent: QWidget | None, members: Sequence[Enum],
               name: Callable[[Any], str]) -> EnumCombo:
    return EnumCombo(parent, members, name)


def rename_combo(box: QComboBox) -> None:
    if isinstance(box, EnumCombo):
        box.rename()


def choose(box: QComboBox, value: object) -> None:
    if isinstance(box, EnumCombo):
        box.set_member(value)
        return
    index = box.findData(value)
    if index >= 0:
        box.setCurrentIndex(index)


def watch(widget: QWidget, slot: Callable[..., Any]) -> None:
    """Call ``slot`` whenever the input's value changes, whatever kind of input it is."""
    if isinstance(widget, QDateEdit):
        widget.dateChanged.connect(slot)
    elif isinstance(widget, QDoubleSpinBox | QSpinBox):
        widget.valueChanged.connect(slot)
    elif isinstance(widget, QComboBox):
        widget.currentIndexChanged.connect(slot)
    elif isinstance(widget, QLineEdit):
        widget.textChanged.connect(slot)
    elif isinstance(widget, QCheckBox):
        widget.toggled.connect(slot)
    elif isinstance(widget, RowsEditor):
        widget.changed.connect(slot)


# -- editable lists -----------------------------------------------------------------------


@dataclass(frozen=True)
class Col:
    """One column of a :class:`RowsEditor`: its title, its input, how to read and set it."""

    title: Callable[[], str]
    make: Callable[[QWidget], QWidget]
    get: Callable[[Any], Any]
    put: Callable[[Any, Any], None]
    width: int = 12  # average characters


def date_col(title: Callable[[], str]) -> Col:
    return Col(title, lambda p: date_box(p), day_of, set_day, 12)


def money_col(title: Callable[[], str], decimals: int = 2, width: int = 13) -> Col:
    return Col(title, lambda p: number_box(p, decimals), decimal_of, set_decimal, width)


def enum_col(title: Callable[[], str], members: Sequence[Enum], name: Callable[[Enum], str],
             width: int = 14) -> Col:
    return Col(title, lambda p: enum_combo(p, members, name), lambda w: w.member(),
               choose, width)


def text_col(title: Callable[[], str], width: int = 14) -> Col:
    return Col(title, lambda p: QLineEdit(p), lambda w: w.text().strip(),
               lambda w, v: w.setText(str(v)), width)


def check_col(title: Callable[[], str], width: int = 8) -> Col:
    def make(parent: QWidget) -> QWidget:
        box = QCheckBox(parent)
        box.setChecked(True)
        return box

    return Col(title, make, lambda w: w.isChecked(), lambda w, v: w.setChecked(bool(v)), width)


def year_col(title: Callable[[], str]) -> Col:
    return Col(title, lambda p: int_box(p, 1900, 2200), lambda w: w.value(),
               lambda w, v: w.setValue(int(v)), 8)


class RowsEditor(QWidget):
    """A list of rows of inputs with Add and Remove; :meth:`values` reads them in order.

    ``defaults`` gives a new row's values (from the rows above, e.g. the next year).
    Rows are marked (a problem) by their number in the row header, red, with the why
    as its tooltip.
    """

    changed = Signal()

    def __init__(self, columns: Sequence[Col], parent: QWidget | None = None,
                 defaults: Callable[[list[tuple[Any, ...]]], Sequence[Any]] | None = None,
                 visible_rows: int = 3) -> None:
        super().__init__(parent)
        self.columns = list(columns)
        self.defaults = defaults
        self.table = QTableWidget(0, len(self.columns), self)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setDefaultSectionSize(
            self.fontMetrics().height() + 14)
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        header = self.table.horizontalHeader()
        header.setStretchLastSection(True)
        self._input_widths = []
        for column in self.columns:  # what each input needs to show its value whole
            sample = column.make(None)  # type: ignore[arg-type]  # never shown
            self._input_widths.append(sample.sizeHint().width())
            sample.deleteLater()
        rows_height = self.table.verticalHeader().defaultSectionSize() * visible_rows
        self.table.setMinimumHeight(rows_height + header.sizeHint().height() + 6)
        self.table.setMaximumHeight(rows_height * 2 + header.sizeHint().height() + 6)
        self.add_button = QPushButton(self)
        self.remove_button = QPushButton(self)
        self.add_button.clicked.connect(lambda: self.add_row())
        self.remove_button.clicked.connect(self.remove_current)
        buttons = QHBoxLayout()
        buttons.setContentsMargins(0, 0, 0, 0)
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.remove_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.table)
        layout.addLayout(buttons)
        self._marks: dict[int, str] = {}
        self._retranslate()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)

    def _retranslate(self) -> None:
        self.table.setHorizontalHeaderLabels([c.title() for c in self.columns])
        char = self.fontMetrics().averageCharWidth()
        header = self.table.horizontalHeader()
        for i, column in enumerate(self.columns):
            title = header.fontMetrics().horizontalAdvance(column.title()) + 20
            header.resizeSection(i, max(title, self._input_widths[i] + 6, column.width * char))
        self.add_button.setText(translate("ContractWizard", "Add"))
        self.remove_button.setText(translate("ContractWizard", "Remove"))
        for row in range(self.table.rowCount()):
            for column in range(len(self.columns)):
                widget = self.table.cellWidget(row, column)
                if isinstance(widget, QComboBox):
                    rename_combo(widget)

    # -- rows ---------------------------------------------------------------------------

    def add_row(self, values: Sequence[Any] | None = None) -> int:
        """A row at the end, with ``values`` or the defaults; returns its position."""
        if values is None and self.defaults is not None:
            values = self.defaults(self.values())
        row = self.table.rowCount()
        self.table.insertRow(row)
        for column, spec in enumerate(self.columns):
            widget = spec.make(self.table)
            if values is not None and column < len(values) and values[column] is not None:
                spec.put(widget, values[column])
            watch(widget, self._emit)
            self.table.setCellWidget(row, column, widget)
        self._number_rows()
        self.changed.emit()
        return row

    def remove_current(self) -> None:
        row = self.table.currentRow()
        if row < 0:
            row = self.table.rowCount() - 1
        if row >= 0:
            self.table.removeRow(row)
            self._number_rows()
            self.changed.emit()

    def set_values(self, rows: Sequence[Sequence[Any]]) -> None:
        self.blockSignals(True)
        try:
            self.table.setRowCount(0)
            for values in rows:
                self.add_row(values)
        finally:
            self.blockSignals(False)
        self.changed.emit()

    def values(self) -> list[tuple[Any, ...]]:
        return [tuple(spec.get(self.table.cellWidget(row, column))
                      for column, spec in enumerate(self.columns))
                for row in range(self.table.rowCount())]

    def widget(self, row: int, column: int) -> Any:
        return self.table.cellWidget(row, column)

    def row_count(self) -> int:
        return self.table.rowCount()

    def _emit(self, *_args: object) -> None:
        self.changed.emit()

    # -- problems -----------------------------------------------------------------------

    def mark_rows(self, marks: dict[int, str]) -> None:
        """Mark rows (position → why) in their header; the others are unmarked."""
        self._marks = dict(marks)
        self._number_rows()

    def _number_rows(self) -> None:
        from PySide6.QtGui import QBrush, QColor

        for row in range(self.table.rowCount()):
            why = self._marks.get(row)
            item = QTableWidgetItem(f"⚠ {row + 1}" if why else str(row + 1))
            if why:
                item.setForeground(QBrush(QColor(PROBLEM_COLOUR)))
                item.setToolTip(why)
            self.table.setVerticalHeaderItem(row, item)
