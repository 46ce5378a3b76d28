"""The contract list: every contract of the park as on the viewed day, filtered and sorted.

Rows are duck-typed contract rows (``services.contract_list.ContractRow``):
code, tenant, unit and building codes, type, the state on the day, the term,
area, rent per m² and monthly rent billed then, days to the last day. The
state is the domain's, worded by :mod:`views.contract_text`; the filters
(state, type, building, expiring within N days, text) only choose among the
rows, they decide nothing. A double click asks for the contract.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable, Sequence
from datetime import date
from typing import Any

from PySide6.QtCore import QCoreApplication, QEvent, QModelIndex, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from domain.assets import UnitType
from domain.leasing.lifecycle import ContractState
from views.contract_text import state_text
from views.labels import area_text, date_text, label, rent_text
from views.row_table_model import Column, RowFilterProxy, RowTableModel
from views.row_table_view import list_view, row_of, selected_row, visible_rows

translate = QCoreApplication.translate

STATE_COLOURS = {
    ContractState.DRAFT: "#5f6368",
    ContractState.SIGNED: "#8a5a00",
    ContractState.ACTIVE: "#1e6b35",
    ContractState.EXPIRING: "#b3261e",
    ContractState.ENDED: "#5f6368",
    ContractState.RENEWED: "#1a5fb4",
    ContractState.TERMINATED: "#7b3f8c",
}
EXPIRING_MAX_DAYS = 3650


def _term(row: Any) -> tuple[date, date]:
    return row.starts_on, row.ends_on


def _term_text(value: tuple[date, date]) -> str:
    return f"{date_text(value[0])} – {date_text(value[1])}"


def _days_text(value: int | None) -> str:
    return "" if value is None else str(value)


def contract_columns(currency: Callable[[], str] = str) -> list[Column[Any]]:
    """The list's columns; ``currency`` names the park's currency in the money headers."""
    def money_title(title: str) -> str:
        code = currency()
        return f"{title} ({code})" if code else title

    return [
        Column("code", lambda: translate("ContractList", "Code"), lambda r: r.code, width=13),
        Column("tenant", lambda: translate("ContractList", "Tenant"), lambda r: r.tenant,
               width=16),
        Column("units", lambda: translate("ContractList", "Units"),
               lambda r: ", ".join(r.unit_codes), width=12),
        Column("kind", lambda: translate("ContractList", "Type"), lambda r: r.kind, text=label,
               sort_key=lambda v: label(v), width=7),
        Column("state", lambda: translate("ContractList", "State"), lambda r: r.state,
               text=state_text, sort_key=lambda v: state_text(v),
               color=lambda r: STATE_COLOURS.get(r.state), width=15),
        Column("term", lambda: translate("ContractList", "Term"), _term, text=_term_text,
               width=20),
        Column("area", lambda: translate("ContractList", "Area m²"), lambda r: r.area,
               text=area_text, align_right=True, width=10),
        Column("rent_per_sqm", lambda: money_title(translate("ContractList", "Rent /m²/month")),
               lambda r: r.rent_per_sqm, text=rent_text, align_right=True, width=12),
        Column("monthly_rent", lambda: money_title(translate("ContractList", "Monthly rent")),
               lambda r: r.monthly_rent, text=rent_text, align_right=True, width=12),
        Column("days_to_end", lambda: translate("ContractList", "Days to end"),
               lambda r: r.days_to_end, text=_days_text, align_right=True, width=9),
    ]


def _haystack(row: Any) -> str:
    return " ".join((row.code, row.tenant, " ".join(row.unit_codes)))


class ContractList(QWidget):
    """The park's contracts on a day; double click emits ``open_contract`` with the id."""

    open_contract = Signal(object)  # the contract's id
    titleChanged = Signal(str)  # the list's title in the current language (for its tab)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.day: date | None = None
        self.currency = ""
        self._loading = False
        self._failed = ""
        self._sized = False
        self.model: RowTableModel[Any] = RowTableModel(
            contract_columns(lambda: self.currency), self)
        self.proxy = RowFilterProxy(self)
        self.proxy.setSourceModel(self.model)

        self.search = QLineEdit(self)
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(self._apply_filter)
        self.state = QComboBox(self)
        self.kind = QComboBox(self)
        self.building = QComboBox(self)
        for combo in (self.state, self.kind, self.building):
            combo.currentIndexChanged.connect(self._apply_filter)
        self.expiring_label = QLabel(self)
        self.expiring = QSpinBox(self)
        self.expiring.setRange(0, EXPIRING_MAX_DAYS)
        self.expiring.setSingleStep(30)
        self.expiring.valueChanged.connect(self._apply_filter)
        self.count = QLabel(self)

        self.view = list_view(self.proxy, self)
        self.view.doubleClicked.connect(self._double_clicked)

        bar = QHBoxLayout()
        bar.addWidget(self.search, 3)
        bar.addWidget(self.state, 1)
        bar.addWidget(self.kind, 1)
        bar.addWidget(self.building, 1)
        bar.addWidget(self.expiring_label)
        bar.addWidget(self.expiring)
        bar.addWidget(self.count, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(bar)
        layout.addWidget(self.view)
        self._buildings: list[tuple[str, str]] = []
        self._retranslate()

    # -- in ------------------------------------------------------------------------------

    def set_rows(self, rows: Sequence[Any], day: date) -> None:
        """Show the contracts as on ``day``, keeping the selection and the filters."""
        selected = self.current_contract_id()
        self.day = day
        self._loading = False
        self._failed = ""
        self.model.set_rows(rows)
        if selected is not None:
            self.select_contract(selected)
        if rows and not self._sized:
            self.model.size_columns(self.view)
            self._sized = True
        self._update_count()

    def set_buildings(self, buildings: Sequence[tuple[str, str]]) -> None:
        """The park's buildings as (code, title) for the building filter."""
        self._buildings = list(buildings)
        self._fill_buildings()

    def set_currency(self, code: str) -> None:
        if code != self.currency:
            self.currency = code
            self.model.retitle()

    def set_loading(self, loading: bool) -> None:
        self._loading = loading
        self._update_count()

    @property
    def loading(self) -> bool:
        """Whether the rows shown are being read again."""
        return self._loading

    def set_failed(self, message: str) -> None:
        self._loading = False
        self._failed = message
        self._update_count()

    # -- filters -------------------------------------------------------------------------

    def set_filters(self, state: ContractState | None = None, kind: UnitType | None = None,
                    building: str | None = None, expiring_days: int = 0, text: str = "") -> None:
        """Set every filter at once (as a person would, one by one)."""
        for combo, value in ((self.state, state), (self.kind, kind),
                             (self.building, building)):
            combo.blockSignals(True)
            combo.setCurrentIndex(max(0, combo.findData(value)))
            combo.blockSignals(False)
        self.expiring.blockSignals(True)
        self.expiring.setValue(expiring_days)
        self.expiring.blockSignals(False)
        self.search.blockSignals(True)
        self.search.setText(text)
        self.search.blockSignals(False)
        self._apply_filter()

    def _predicate(self) -> Callable[[Any], bool] | None:
        state = self.state.currentData()
        kind = self.kind.currentData()
        building = self.building.currentData()
        within = self.expiring.value()
        needle = self.search.text().strip().casefold()
        if state is None and kind is None and building is None and not within and not needle:
            return None

        def keeps(row: Any) -> bool:
            # (Qt hands a StrEnum back from a combo's data as its text: compare by value.)
            if state is not None and row.state != state:
                return False
            if kind is not None and row.kind != kind:
                return False
            if building is not None and building not in row.building_codes:
                return False
            # Expiring within N days: still holding its units, the last day at most N away.
            if within and not (row.days_to_end is not None and 0 <= row.days_to_end <= within
                               and row.state is not ContractState.DRAFT):
                return False
            return not needle or needle in _haystack(row).casefold()

        return keeps

    def _apply_filter(self) -> None:
        # The text is part of the one predicate: the proxy filters once, not twice.
        self.proxy.set_predicate(self._predicate())
        self._update_count()

    # -- out -----------------------------------------------------------------------------

    def visible_rows(self) -> list[Any]:
        return visible_rows(self.model, self.proxy)

    def current_contract_id(self) -> uuid.UUID | None:
        row = selected_row(self.model, self.proxy, self.view)
        return None if row is None else row.id

    def select_contract(self, contract_id: uuid.UUID) -> bool:
        for position, row in enumerate(self.model.rows()):
            if row.id == contract_id:
                index = self.proxy.mapFromSource(self.model.index(position, 0))
                if not index.isValid():
                    return False
                self.view.selectRow(index.row())
                return True
        return False

    def view_row_of(self, code: str) -> int | None:
        for i, row in enumerate(self.visible_rows()):
            if row.code == code:
                return i
        return None

    def _double_clicked(self, index: QModelIndex) -> None:
        if index.isValid():
            self.open_contract.emit(row_of(self.model, self.proxy, index).id)

    def _update_count(self) -> None:
        if self._failed:
            self.count.setText(self.tr("Not read: %1").replace("%1", self._failed))
        elif self._loading:
            self.count.setText(self.tr("Reading the contracts…"))
        else:
            self.count.setText(self.tr("%1 of %2 contracts")
                               .replace("%1", str(self.proxy.rowCount()))
                               .replace("%2", str(self.model.rowCount())))

    # -- language ------------------------------------------------------------------------

    def title(self) -> str:
        return self.tr("Contracts")

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
            self.titleChanged.emit(self.title())
        super().changeEvent(event)

    def _refill(self, combo: QComboBox, every: str, items: Sequence[tuple[str, Any]]) -> None:
        current = combo.currentData()
        combo.blockSignals(True)
        combo.clear()
        combo.addItem(every, None)
        for text, data in items:
            combo.addItem(text, data)
        combo.setCurrentIndex(max(0, combo.findData(current)))
        combo.blockSignals(False)

    def _fill_buildings(self) -> None:
        self._refill(self.building, self.tr("Every building"),
                     [(title, code) for code, title in self._buildings])

    def _retranslate(self) -> None:
        self.search.setPlaceholderText(self.tr("Search code, tenant, unit…"))
        self._refill(self.state, self.tr("Every state"),
                     [(state_text(s), s) for s in ContractState])
        self._refill(self.kind, self.tr("Every type"), [(label(k), k) for k in UnitType])
        self._fill_buildings()
        self.expiring_label.setText(self.tr("Ending within"))
        self.expiring.setSpecialValueText(self.tr("any time"))
        self.expiring.setSuffix(self.tr(" days"))
        self.model.retitle()
        self._update_count()
