"""The unit table: sortable, filterable by text and occupancy, selection out."""

from __future__ import annotations

import uuid
from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import QCoreApplication, QEvent, QItemSelectionModel, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from domain.occupancy import UnitState
from views.labels import area_text, date_text, label, rent_text
from views.row_table_model import Column, RowFilterProxy, RowTableModel

translate = QCoreApplication.translate


# The occupancy column shows the unit's cell of domain.occupancy's table (``row.state``).
STATE_COLORS = {
    UnitState.VACANT: "#b3261e",
    UnitState.SIGNED: "#8a5a00",
    UnitState.LEASED: "#1e6b35",
    UnitState.RESERVED: "#7b3f8c",
    UnitState.UNAVAILABLE: "#5f6368",
    UnitState.NOT_LEASABLE: "#5f6368",
    UnitState.COMMON: "#7a6f58",
}


def _enum_sort(value: Any) -> Any:
    return None if value is None else label(value)


def unit_columns(currency: Callable[[], str] = str) -> list[Column[Any]]:
    """The unit table's columns; rows are duck-typed unit records.

    ``currency`` names the shown park's currency in the rent headers, read at
    display time like the titles (each park bills in its own).
    """
    return [
        Column("code", lambda: translate("UnitTable", "Code"), lambda r: r.code, width=12),
        Column("name", lambda: translate("UnitTable", "Name"), lambda r: r.name, width=14),
        Column(
            "building",
            lambda: translate("UnitTable", "Building"),
            lambda r: r.building_code,
            width=6,
        ),
        Column(
            "floor",
            lambda: translate("UnitTable", "Floor"),
            lambda r: (r.level, r.floor_name),
            text=lambda v: v[1],
            sort_key=lambda v: v[0],
            width=6,
        ),
        Column(
            "unit_type",
            lambda: translate("UnitTable", "Type"),
            lambda r: r.unit_type,
            text=label,
            sort_key=_enum_sort,
            width=8,
        ),
        Column(
            "status",
            lambda: translate("UnitTable", "Status"),
            lambda r: r.status,
            text=label,
            sort_key=_enum_sort,
            width=12,
        ),
        Column(
            "occupancy",
            lambda: translate("UnitTable", "Occupancy"),
            lambda r: r.state,
            text=label,
            sort_key=_enum_sort,
            color=lambda r: STATE_COLORS.get(r.state),
            width=15,
        ),
        Column("tenant", lambda: translate("UnitTable", "Tenant"), lambda r: r.tenant, width=18),
        Column(
            "billable_area",
            lambda: translate("UnitTable", "Billable m²"),
            lambda r: r.billable_area,
            text=area_text,
            align_right=True,
            width=11,
        ),
        Column(
            "internal_area",
            lambda: translate("UnitTable", "Internal m²"),
            lambda r: r.internal_area,
            text=area_text,
            align_right=True,
            width=11,
        ),
        Column(
            "asking_rent",
            lambda: _per_m2_month(translate("UnitTable", "Asking rent"), currency()),
            lambda r: r.asking_rent,
            text=rent_text,
            align_right=True,
            width=9,
        ),
        Column(
            "rent",
            lambda: _per_m2_month(translate("UnitTable", "Rent"), currency()),
            lambda r: r.rent,
            text=rent_text,
            align_right=True,
            width=10,
        ),
        Column(
            "contract_ends_on",
            lambda: translate("UnitTable", "Lease ends"),
            lambda r: r.contract_ends_on,
            text=date_text,
            width=11,
        ),
    ]


def _in(state: UnitState) -> Callable[[Any], bool]:
    """A filter on the unit's cell of the table: the same rule the maps and totals use."""
    return lambda r: r.state is state


FILTERS: list[tuple[str, Callable[[], str], Callable[[Any], bool] | None]] = [
    ("all", lambda: translate("UnitTable", "All units"), None),
    ("vacant", lambda: translate("UnitTable", "Vacant"), _in(UnitState.VACANT)),
    ("occupied", lambda: translate("UnitTable", "Occupied"), _in(UnitState.LEASED)),
    ("signed", lambda: translate("UnitTable", "Signed, not started"), _in(UnitState.SIGNED)),
    ("reserved", lambda: translate("UnitTable", "Reserved"), _in(UnitState.RESERVED)),
    ("unavailable", lambda: translate("UnitTable", "Under renovation or frozen"),
     _in(UnitState.UNAVAILABLE)),
    ("not_leasable", lambda: translate("UnitTable", "Not leasable"),
     _in(UnitState.NOT_LEASABLE)),
    ("common", lambda: translate("UnitTable", "Common area"), _in(UnitState.COMMON)),
]


def _haystack(row: Any) -> str:
    return " ".join(
        (row.code, row.name, row.tenant, row.building_name, row.floor_name, " ".join(row.tags))
    )


def _per_m2_month(title: str, currency: str) -> str:
    if not currency:
        return translate("UnitTable", "%1 /m²/month").replace("%1", title)
    return translate("UnitTable", "%1 (%2/m²/month)").replace("%1", title).replace("%2", currency)


class UnitTable(QWidget):
    unitSelected = Signal(object)  # unit id, or None when nothing is selected

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.currency = ""
        self.model: RowTableModel[Any] = RowTableModel(unit_columns(lambda: self.currency), self)
        self.proxy = RowFilterProxy(self)
        self.proxy.setSourceModel(self.model)

        self.search = QLineEdit(self)
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(self._apply_filter)
        self.filter = QComboBox(self)
        self.filter.currentIndexChanged.connect(self._apply_filter)
        self.count = QLabel(self)

        self.view = QTableView(self)
        self.view.setModel(self.proxy)
        self.view.setSortingEnabled(True)
        self.view.sortByColumn(0, Qt.SortOrder.AscendingOrder)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setAlternatingRowColors(True)
        self.view.verticalHeader().setVisible(False)
        self.view.verticalHeader().setDefaultSectionSize(22)
        self.view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.view.horizontalHeader().setStretchLastSection(True)
        self._sized = False
        self._loading = False
        self.view.selectionModel().selectionChanged.connect(self._emit_selection)

        bar = QHBoxLayout()
        bar.addWidget(self.search, 3)
        bar.addWidget(self.filter, 2)
        bar.addWidget(self.count, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(bar)
        layout.addWidget(self.view)
        self._retranslate()

    # -- data in -----------------------------------------------------------------

    def set_currency(self, currency: str) -> None:
        """The shown park's currency, named in the rent headers."""
        if currency != self.currency:
            self.currency = currency
            self.model.retitle()

    def set_rows(self, rows: Sequence[Any]) -> None:
        """Show ``rows``, keeping the selected unit selected and the view where it was
        (rows read again after a date change or another process's write)."""
        selected = self.current_unit_id()
        scrolled = (self.view.verticalScrollBar().value(),
                    self.view.horizontalScrollBar().value())
        self.model.set_rows(rows)
        self._update_count()
        if selected is not None:
            self.select_unit(selected, emit=False, scroll=False)
        self.view.verticalScrollBar().setValue(scrolled[0])
        self.view.horizontalScrollBar().setValue(scrolled[1])
        if rows and not self._sized:
            self.model.size_columns(self.view)
            self._sized = True

    def set_loading(self, loading: bool) -> None:
        """Say that the rows shown are the first screen while the rest are read."""
        if loading != self._loading:
            self._loading = loading
            self._update_count()

    def update_row(self, row: Any) -> None:
        for position, old in enumerate(self.model.rows()):
            if old.id == row.id:
                self.model.replace_row(position, row)
                return

    def select_unit(self, unit_id: uuid.UUID, emit: bool = True, scroll: bool = True) -> bool:
        for position, row in enumerate(self.model.rows()):
            if row.id == unit_id:
                index = self.proxy.mapFromSource(self.model.index(position, 0))
                if not index.isValid():
                    return False
                self.view.blockSignals(not emit)
                self.view.selectionModel().blockSignals(not emit)
                self.view.selectionModel().select(
                    index,
                    QItemSelectionModel.SelectionFlag.ClearAndSelect
                    | QItemSelectionModel.SelectionFlag.Rows,
                )
                self.view.selectionModel().blockSignals(False)
                self.view.blockSignals(False)
                if scroll:
                    self.view.scrollTo(index)
                return True
        return False

    def current_unit_id(self) -> uuid.UUID | None:
        rows = self.view.selectionModel().selectedRows()
        if not rows:
            return None
        return self.model.row_at(self.proxy.mapToSource(rows[0]).row()).id

    def visible_rows(self) -> list[Any]:
        return [
            self.model.row_at(self.proxy.mapToSource(self.proxy.index(i, 0)).row())
            for i in range(self.proxy.rowCount())
        ]

    # -- internals ---------------------------------------------------------------

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)

    def _retranslate(self) -> None:
        self.search.setPlaceholderText(self.tr("Search code, name, tenant, tag…"))
        current = max(self.filter.currentIndex(), 0)
        self.filter.blockSignals(True)
        self.filter.clear()
        for key, title, _ in FILTERS:
            self.filter.addItem(title(), key)
        self.filter.setCurrentIndex(current)
        self.filter.blockSignals(False)
        self.model.retitle()
        self._update_count()

    def _apply_filter(self) -> None:
        predicate = FILTERS[max(self.filter.currentIndex(), 0)][2]
        self.proxy.set_predicate(predicate)
        self.proxy.set_text(self.search.text(), _haystack)
        self._update_count()

    def _update_count(self) -> None:
        text = self.tr("%1 of %2 units, reading the rest…") if self._loading \
            else self.tr("%1 of %2 units")
        self.count.setText(text.replace("%1", f"{self.proxy.rowCount():,}")
                           .replace("%2", f"{self.model.rowCount():,}"))

    def _emit_selection(self) -> None:
        self.unitSelected.emit(self.current_unit_id())
