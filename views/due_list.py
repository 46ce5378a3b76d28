"""The due list: contract checkpoints late or coming on the viewed day, for a dock.

Rows are duck-typed due items (``services.checkpoints.DueItem``: contract id and
code, tenant, unit codes, checkpoint code and kind, due date, owner role, days
late — negative while coming). Late ones are marked in red and say by how
many days; a double click asks for the contract.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date
from typing import Any

from PySide6.QtCore import QCoreApplication, QEvent, QModelIndex, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from domain.leasing.lifecycle import OwnerRole
from views.contract_text import checkpoint_text, owner_text
from views.labels import date_text
from views.row_table_model import Column, RowFilterProxy, RowTableModel
from views.row_table_view import list_view, row_of, visible_rows

translate = QCoreApplication.translate
LATE_COLOUR = "#b3261e"
TODAY_COLOUR = "#8a5a00"


def when_text(days_late: int) -> str:
    """How late (or how soon) a checkpoint is, in words."""
    if days_late > 0:
        return (translate("DueList", "1 day late") if days_late == 1 else
                translate("DueList", "%1 days late").replace("%1", str(days_late)))
    if days_late == 0:
        return translate("DueList", "due today")
    left = -days_late
    return (translate("DueList", "due tomorrow") if left == 1 else
            translate("DueList", "due in %1 days").replace("%1", str(left)))


def _colour(item: Any) -> str | None:
    return LATE_COLOUR if item.days_late > 0 else TODAY_COLOUR if item.days_late == 0 else None


def due_columns() -> list[Column[Any]]:
    return [
        Column("due_on", lambda: translate("DueList", "Due"), lambda r: r.due_on,
               text=date_text, width=10),
        Column("when", lambda: translate("DueList", "When"), lambda r: r.days_late,
               text=when_text, sort_key=lambda v: -v, color=_colour, width=11),
        Column("checkpoint", lambda: translate("DueList", "Checkpoint"), lambda r: r.code,
               text=checkpoint_text, sort_key=lambda v: checkpoint_text(v), width=18),
        Column("contract", lambda: translate("DueList", "Contract"),
               lambda r: r.contract_code, width=13),
        Column("tenant", lambda: translate("DueList", "Tenant"), lambda r: r.tenant, width=18),
        Column("units", lambda: translate("DueList", "Units"),
               lambda r: ", ".join(r.unit_codes) if r.unit_codes else "", width=14),
        Column("owner", lambda: translate("DueList", "Owner"), lambda r: r.owner_role,
               text=owner_text, sort_key=lambda v: owner_text(v), width=10),
    ]


class DueList(QWidget):
    """The due items of a day; filters by owner and lateness; double click opens."""

    open_contract = Signal(object)  # the contract's id

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.day: date | None = None
        self._loading = False
        self._failed = ""
        self.model: RowTableModel[Any] = RowTableModel(due_columns(), self)
        self.proxy = RowFilterProxy(self)
        self.proxy.setSourceModel(self.model)
        self.owner = QComboBox(self)
        self.owner.currentIndexChanged.connect(self._apply_filter)
        self.late_only = QCheckBox(self)
        self.late_only.toggled.connect(self._apply_filter)
        self.count = QLabel(self)
        self.view = list_view(self.proxy, self)
        self.view.doubleClicked.connect(self._double_clicked)
        self.model.size_columns(self.view)
        bar = QHBoxLayout()
        bar.addWidget(self.owner)
        bar.addWidget(self.late_only)
        bar.addStretch(1)
        bar.addWidget(self.count)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addLayout(bar)
        layout.addWidget(self.view)
        self._retranslate()

    # -- in ------------------------------------------------------------------------------

    def set_items(self, items: Sequence[Any], day: date) -> None:
        """Show the due items of ``day`` (as read in the background)."""
        self.day = day
        self._loading = False
        self._failed = ""
        self.model.set_rows(items)
        self._update_count()

    def set_loading(self, loading: bool) -> None:
        self._loading = loading
        self._update_count()

    @property
    def loading(self) -> bool:
        """Whether the items shown are being read again."""
        return self._loading

    def set_failed(self, message: str) -> None:
        """The list could not be read: say why, keep what was shown."""
        self._loading = False
        self._failed = message
        self._update_count()

    def clear(self) -> None:
        self.day = None
        self.model.set_rows([])
        self._update_count()

    # -- out -----------------------------------------------------------------------------

    def visible_items(self) -> list[Any]:
        return visible_rows(self.model, self.proxy)

    def row_of(self, contract_code: str, code: str) -> int | None:
        """The view's row showing that checkpoint, if shown."""
        for i, item in enumerate(self.visible_items()):
            if item.contract_code == contract_code and item.code == code:
                return i
        return None

    def _double_clicked(self, index: QModelIndex) -> None:
        if index.isValid():
            self.open_contract.emit(row_of(self.model, self.proxy, index).contract_id)

    # -- filters -------------------------------------------------------------------------

    def _predicate(self) -> Callable[[Any], bool] | None:
        role = self.owner.currentData()
        late = self.late_only.isChecked()
        if role is None and not late:
            return None
        return lambda item: ((role is None or item.owner_role == role)
                             and (not late or item.days_late > 0))

    def _apply_filter(self) -> None:
        self.proxy.set_predicate(self._predicate())
        self._update_count()

    def _update_count(self) -> None:
        if self._failed:
            self.count.setText(self.tr("Not read: %1").replace("%1", self._failed))
            return
        if self._loading:
            self.count.setText(self.tr("Reading…"))
            return
        late = sum(1 for item in self.visible_items() if item.days_late > 0)
        self.count.setText(self.tr("%1 shown, %2 late").replace("%1", str(self.proxy.rowCount()))
                           .replace("%2", str(late)))

    # -- language ------------------------------------------------------------------------

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)

    def _retranslate(self) -> None:
        current = max(self.owner.currentIndex(), 0)
        self.owner.blockSignals(True)
        self.owner.clear()
        self.owner.addItem(self.tr("Every owner"), None)
        for role in OwnerRole:
            self.owner.addItem(owner_text(role), role)
        self.owner.setCurrentIndex(current)
        self.owner.blockSignals(False)
        self.late_only.setText(self.tr("Late only"))
        self.model.retitle()
        self._update_count()
