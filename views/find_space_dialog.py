"""Find space: ask for an area on floors X–Y, free by a date; see the sets that fit (issue 10).

The dialog only asks and shows: the search (``services.find_space``) runs in
the window's worker pool, wired by ``app/``. It emits :attr:`searchRequested`
with a :class:`SpaceQuery` when Search is pressed, takes the answer in
:meth:`FindSpaceDialog.set_candidates`, and emits :attr:`showCandidate` with
the floor and its units when a row is chosen, for the plan to highlight.
It stays open beside the plan (non-modal), so candidates can be looked at
one after another.
"""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import Any, Protocol

from PySide6.QtCore import QCoreApplication, QDate, QEvent, QItemSelectionModel, QModelIndex, Signal
from PySide6.QtGui import QValidator
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSpinBox,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from views.labels import area_text, currency_name, rent_text
from views.row_table_model import Column, RowTableModel

translate = QCoreApplication.translate
DATE_FORMAT = "yyyy-MM-dd"  # as the window's As-of date (app.i18n.DATE_FORMAT)
LEVELS = (-9, 199)  # B9 … 199F: what the level boxes offer
DEFAULT_AREA = 500.0


class Candidate(Protocol):
    """What a row shows: ``services.find_space.SpaceCandidate`` (views do not import it)."""

    @property
    def floor_id(self) -> uuid.UUID: ...

    @property
    def building_code(self) -> str: ...

    @property
    def floor_name(self) -> str: ...

    @property
    def area(self) -> Decimal: ...

    @property
    def rent(self) -> Decimal | None: ...

    @property
    def currency(self) -> str: ...

    @property
    def share(self) -> Decimal: ...

    @property
    def unit_ids(self) -> list[uuid.UUID]: ...

    @property
    def unit_codes(self) -> tuple[str, ...]: ...


@dataclass(frozen=True)
class SpaceQuery:
    """What was asked: ``area`` m², in a building (None: the whole park), on levels
    ``levels`` (lowest, highest; None: every floor), vacant on ``day``."""

    area: Decimal
    building_id: uuid.UUID | None
    levels: tuple[int, int] | None
    day: date


def _rent(value: tuple[Decimal | None, str]) -> str:
    rent, currency = value
    return "—" if rent is None else f"{rent_text(rent)} {currency_name(currency)}"


def _columns() -> list[Column[Any]]:
    return [
        Column("floor", lambda: translate("FindSpaceDialog", "Floor"),
               lambda c: f"{c.building_code} {c.floor_name}", width=10),
        Column("units", lambda: translate("FindSpaceDialog", "Units"),
               lambda c: "+".join(c.unit_codes), width=28),
        Column("area", lambda: translate("FindSpaceDialog", "Total m²"), lambda c: c.area,
               area_text, align_right=True, width=10),
        Column("rent", lambda: translate("FindSpaceDialog", "Asking rent per month"),
               lambda c: (c.rent, c.currency), _rent, align_right=True, width=16),
        Column("fit", lambda: translate("FindSpaceDialog", "Fit"), lambda c: c.share,
               lambda v: f"{v}%", align_right=True, width=7),
    ]


class LevelSpinBox(QSpinBox):
    """A level as the park names it: B1 for -1, 3F for 3; there is no level 0."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setRange(*LEVELS)

    def textFromValue(self, value: int) -> str:
        return f"B{-value}" if value < 0 else f"{value}F"

    def valueFromText(self, text: str) -> int:
        word = text.strip().upper().removesuffix("F")
        if word.startswith("B") and word[1:].isdigit():
            return -int(word[1:])
        return int(word) if word.lstrip("-").isdigit() else self.value()

    def validate(self, text: str, pos: int) -> Any:
        word = text.strip().upper()
        if word in ("", "B", "-"):
            return QValidator.State.Intermediate, text, pos
        value = self.valueFromText(text)
        ok = value != 0 and self.minimum() <= value <= self.maximum() and (
            word.removesuffix("F").lstrip("-").isdigit() or word[1:].isdigit())
        return (QValidator.State.Acceptable if ok else QValidator.State.Invalid), text, pos

    def stepBy(self, steps: int) -> None:
        super().stepBy(steps)
        if self.value() == 0:  # over the missing level 0, on the way it was going
            super().stepBy(1 if steps > 0 else -1)


class FindSpaceDialog(QDialog):
    """Area, building, floors and date in; the candidate sets out, best fit first."""

    searchRequested = Signal(object)  # SpaceQuery
    showCandidate = Signal(object, list)  # floor id (uuid.UUID), its units' ids

    def __init__(self, parent: QWidget | None = None,
                 buildings: Sequence[tuple[uuid.UUID, str]] = (),
                 day: date | None = None) -> None:
        super().__init__(parent)
        self.setModal(False)
        self.area_box = QDoubleSpinBox(self)
        self.area_box.setDecimals(2)
        self.area_box.setRange(1, 1_000_000)
        self.area_box.setSingleStep(50)
        self.area_box.setGroupSeparatorShown(True)
        self.area_box.setSuffix(" m²")
        self.area_box.setValue(DEFAULT_AREA)
        self.building_combo = QComboBox(self)
        self.building_combo.addItem("", None)  # the whole park
        self.set_buildings(buildings)
        self.floors_box = QCheckBox(self)
        self.low_box = LevelSpinBox(self)
        self.high_box = LevelSpinBox(self)
        self.low_box.setValue(1)
        self.high_box.setValue(LEVELS[1])
        self.floors_box.toggled.connect(self._floors_toggled)
        self._floors_toggled(False)
        self.low_box.valueChanged.connect(self._low_changed)
        self.high_box.valueChanged.connect(self._high_changed)
        self.date_edit = QDateEdit(self)
        self.date_edit.setCalendarPopup(True)
        self.date_edit.setDisplayFormat(DATE_FORMAT)
        self.date_edit.setDate(QDate(day or date.today()))
        self.search_button = QPushButton(self)
        self.search_button.setDefault(True)
        self.search_button.clicked.connect(self.request_search)
        self.status = QLabel(self)
        self.status.setWordWrap(True)
        self.model: RowTableModel[Any] = RowTableModel(_columns(), self)
        self.table = QTableView(self)
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSortingEnabled(False)  # the service's ranking is the order
        self.table.verticalHeader().hide()
        self.model.size_columns(self.table)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.selectionModel().currentRowChanged.connect(self._row_chosen)
        self.table.activated.connect(self._row_chosen)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)

        floors = QHBoxLayout()
        floors.addWidget(self.floors_box)
        floors.addWidget(self.low_box)
        self.to_label = QLabel(self)
        floors.addWidget(self.to_label)
        floors.addWidget(self.high_box)
        floors.addStretch(1)
        self.labels = [QLabel(self) for _ in range(4)]
        form = QFormLayout()
        for label, field in zip(self.labels, (self.area_box, self.building_combo, floors,
                                              self.date_edit), strict=True):
            form.addRow(label, field)
        search = QHBoxLayout()
        search.addWidget(self.status, 1)
        search.addWidget(self.search_button)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addLayout(search)
        layout.addWidget(self.table, 1)
        layout.addWidget(buttons)
        self.resize(720, 480)
        self._count: int | None = None  # candidates shown; None before any search
        self._retranslate()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)

    def _retranslate(self) -> None:
        self.setWindowTitle(self.tr("Find space"))
        for label, text in zip(self.labels, (self.tr("Area"), self.tr("Building"),
                                             self.tr("Floors"), self.tr("Vacant on")),
                               strict=True):
            label.setText(text)
        self.building_combo.setItemText(0, self.tr("Whole park"))
        self.floors_box.setText(self.tr("Only levels"))
        self.to_label.setText(self.tr("to"))
        self.search_button.setText(self.tr("Search"))
        self.model.retitle()
        self._say_count()

    def _say_count(self) -> None:
        if self._count is None:
            self.status.setText(self.tr("Vacant units next to each other on one floor, up to "
                                        "six, that together make about the area."))
        elif self._count == 0:
            self.status.setText(self.tr("No neighbouring vacant units on one floor make about "
                                        "this area on that day."))
        elif self._count == 1:
            self.status.setText(self.tr("1 candidate: choose it to see it on the plan."))
        else:
            self.status.setText(self.tr("%1 candidates, best fit first: choose one to see it "
                                        "on the plan.").replace("%1", str(self._count)))

    # -- in ------------------------------------------------------------------------------

    def set_buildings(self, buildings: Sequence[tuple[uuid.UUID, str]]) -> None:
        """The buildings to choose from, as (id, title); the whole park comes first."""
        chosen = self.building_combo.currentData()
        while self.building_combo.count() > 1:
            self.building_combo.removeItem(1)
        for building_id, title in buildings:
            self.building_combo.addItem(title, building_id)
        self.building_combo.setCurrentIndex(max(0, self.building_combo.findData(chosen)))

    def set_searching(self) -> None:
        """Say a search is running (the window calls this when it starts one)."""
        self.search_button.setEnabled(False)
        self.status.setText(self.tr("Searching…"))

    def set_candidates(self, candidates: Sequence[Candidate]) -> None:
        """Show the search's answer, best first, and say how many there are."""
        self.search_button.setEnabled(True)
        self.model.set_rows(list(candidates))
        self._count = len(candidates)
        self._say_count()

    def set_failed(self, message: str) -> None:
        """Say why the search could not run (the message in the user's language)."""
        self.search_button.setEnabled(True)
        self.status.setText(message)

    # -- out -----------------------------------------------------------------------------

    def query(self) -> SpaceQuery:
        """What the fields ask for now."""
        levels = None
        if self.floors_box.isChecked():
            levels = (self.low_box.value(), self.high_box.value())
        return SpaceQuery(Decimal(f"{self.area_box.value():.2f}"),
                          self.building_combo.currentData(), levels,
                          self.date_edit.date().toPython())

    def request_search(self) -> None:
        self.searchRequested.emit(self.query())

    def candidates(self) -> list[Any]:
        return self.model.rows()

    def choose(self, row: int) -> None:
        """Select row ``row`` (as a click does): the plan is asked to show it."""
        self.table.selectionModel().setCurrentIndex(
            self.model.index(row, 0),
            QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QItemSelectionModel.SelectionFlag.Rows)

    def _row_chosen(self, index: QModelIndex, _previous: QModelIndex | None = None) -> None:
        if not index.isValid():
            return
        candidate = self.model.row_at(index.row())
        self.showCandidate.emit(candidate.floor_id, list(candidate.unit_ids))

    def _floors_toggled(self, on: bool) -> None:
        self.low_box.setEnabled(on)
        self.high_box.setEnabled(on)

    def _low_changed(self, value: int) -> None:
        if self.high_box.value() < value:
            self.high_box.setValue(value)

    def _high_changed(self, value: int) -> None:
        if self.low_box.value() > value:
            self.low_box.setValue(value)
