"""The details panel: a unit's facts, and editors that emit edit requests.

The panel never writes anything: it emits ``editRequested(unit_id, field,
value)`` and the app turns that into an undoable command.
"""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal
from enum import Enum
from typing import Any

from PySide6.QtCore import QCoreApplication, QEvent, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from domain.assets import FitOut, Orientation, UnitStatus, UnitType
from views.labels import area_text, building_title, date_text, label, rent_text

translate = QCoreApplication.translate


FACTS: list[tuple[str, Callable[[], str], Callable[[Any], str]]] = [
    ("code", lambda: translate("UnitDetails", "Code"), lambda r: r.code),
    (
        "location",
        lambda: translate("UnitDetails", "Building / floor"),
        lambda r: f"{building_title(r.building_code, r.building_name)} · {r.floor_name}",
    ),
    (
        "gross_area",
        lambda: translate("UnitDetails", "Gross area (m²)"),
        lambda r: area_text(r.gross_area),
    ),
    (
        "internal_area",
        lambda: translate("UnitDetails", "Internal area (m²)"),
        lambda r: area_text(r.internal_area),
    ),
    (
        "common_share",
        lambda: translate("UnitDetails", "Common-area share (m²)"),
        lambda r: area_text(r.common_share),
    ),
    (
        "leasable_area",
        lambda: translate("UnitDetails", "Leasable area (m²)"),
        lambda r: area_text(r.leasable_area),
    ),
    (
        "billable_area",
        lambda: translate("UnitDetails", "Billable area (m²)"),
        lambda r: area_text(r.billable_area),
    ),
    ("occupancy", lambda: translate("UnitDetails", "Occupancy"), lambda r: label(r.state)),
    ("tenant", lambda: translate("UnitDetails", "Tenant"), lambda r: r.tenant or "—"),
    ("contract", lambda: translate("UnitDetails", "Contract"), lambda r: r.contract_code or "—"),
    (
        "rent",
        lambda: translate("UnitDetails", "Rent (per m² per month)"),
        lambda r: rent_text(r.rent) or "—",
    ),
    (
        "ends",
        lambda: translate("UnitDetails", "Lease ends"),
        lambda r: date_text(r.contract_ends_on) or "—",
    ),
]

CHOICES: dict[str, tuple[type[Enum], bool]] = {
    "unit_type": (UnitType, False),
    "status": (UnitStatus, False),
    "orientation": (Orientation, True),
    "fit_out": (FitOut, True),
}

EDIT_TITLES: dict[str, Callable[[], str]] = {
    "name": lambda: translate("UnitDetails", "Name"),
    "unit_type": lambda: translate("UnitDetails", "Type"),
    "status": lambda: translate("UnitDetails", "Status"),
    "asking_rent": lambda: translate("UnitDetails", "Asking rent (per m² per month)"),
    "orientation": lambda: translate("UnitDetails", "Orientation"),
    "ceiling_height": lambda: translate("UnitDetails", "Ceiling height (m)"),
    "floor_load": lambda: translate("UnitDetails", "Floor load (kN/m²)"),
    "power_capacity": lambda: translate("UnitDetails", "Power capacity (kW)"),
    "fit_out": lambda: translate("UnitDetails", "Fit-out"),
    "tags": lambda: translate("UnitDetails", "Tags (comma separated)"),
    "notes": lambda: translate("UnitDetails", "Notes"),
}


def field_title(field: str) -> str:
    """The translated name of an editable unit field."""
    title = EDIT_TITLES.get(field)
    return title() if title else field


def _plain(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, Decimal):
        return format(value.normalize(), "f")
    if isinstance(value, tuple | list):
        return ", ".join(value)
    return str(value)


class UnitDetails(QWidget):
    editRequested = Signal(object, str, object)  # unit id, field, new value

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._row: Any = None
        self.currency = ""
        self._fact_labels: dict[str, QLabel] = {}
        self._fact_values: dict[str, QLabel] = {}
        self._edit_labels: dict[str, QLabel] = {}
        self._editors: dict[str, QWidget] = {}

        self.heading = QLabel(self)
        self.heading.setStyleSheet("font-size: 15px; font-weight: 600;")
        self.facts_box = QGroupBox(self)
        facts = QFormLayout(self.facts_box)
        for key, _, _ in FACTS:
            self._fact_labels[key] = QLabel(self.facts_box)
            self._fact_values[key] = QLabel(self.facts_box)
            self._fact_values[key].setTextInteractionFlags(
                Qt.TextInteractionFlag.TextSelectableByMouse
            )
            facts.addRow(self._fact_labels[key], self._fact_values[key])

        self.edit_box = QGroupBox(self)
        edits = QFormLayout(self.edit_box)
        for key in EDIT_TITLES:
            self._edit_labels[key] = QLabel(self.edit_box)
            editor = self._make_editor(key)
            self._editors[key] = editor
            edits.addRow(self._edit_labels[key], editor)

        inner = QWidget(self)
        column = QVBoxLayout(inner)
        column.addWidget(self.heading)
        column.addWidget(self.facts_box)
        column.addWidget(self.edit_box)
        column.addStretch(1)
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setWidget(inner)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(scroll)
        self._retranslate()
        self.show_unit(None)

    # -- data in -----------------------------------------------------------------

    def show_unit(self, row: Any) -> None:
        """Show a unit record, or an empty panel for None."""
        self._row = row
        self.edit_box.setEnabled(row is not None)
        if row is None:
            self.heading.setText(self.tr("No unit selected"))
            for value in self._fact_values.values():
                value.setText("")
            for key in self._editors:
                self._set_editor(key, None)
            return
        self.heading.setText(f"{row.code}  {row.name}")
        for key, _, text in FACTS:
            self._fact_values[key].setText(text(row))
        for key in self._editors:
            self._set_editor(key, getattr(row, key))

    def unit_id(self) -> Any:
        return None if self._row is None else self._row.id

    def editor(self, field: str) -> QWidget:
        return self._editors[field]

    # -- editors -----------------------------------------------------------------

    def _make_editor(self, key: str) -> QWidget:
        if key in CHOICES:
            combo = QComboBox(self.edit_box)
            combo.activated.connect(lambda _i, k=key: self._commit(k))
            return combo
        if key == "notes":
            notes = _NotesEdit(self.edit_box)
            notes.setFixedHeight(80)
            notes.focusLost.connect(lambda k=key: self._commit(k))
            return notes
        line = QLineEdit(self.edit_box)
        line.editingFinished.connect(lambda k=key: self._commit(k))
        return line

    def _fill_choices(self) -> None:
        for key, (enum, optional) in CHOICES.items():
            combo = self._editors[key]
            assert isinstance(combo, QComboBox)
            current = combo.currentData()
            combo.blockSignals(True)
            combo.clear()
            if optional:
                combo.addItem("—", None)
            for member in enum:
                combo.addItem(label(member), member)
            combo.setCurrentIndex(max(combo.findData(current), 0))
            combo.blockSignals(False)

    def _set_editor(self, key: str, value: Any) -> None:
        editor = self._editors[key]
        editor.blockSignals(True)
        if isinstance(editor, QComboBox):
            editor.setCurrentIndex(max(editor.findData(value), 0))
        elif isinstance(editor, QPlainTextEdit):
            editor.setPlainText(_plain(value))
        elif isinstance(editor, QLineEdit):
            editor.setText(_plain(value))
        editor.blockSignals(False)

    def _editor_value(self, key: str) -> Any:
        editor = self._editors[key]
        if isinstance(editor, QComboBox):
            return editor.currentData()
        if isinstance(editor, QPlainTextEdit):
            return editor.toPlainText()
        assert isinstance(editor, QLineEdit)
        return editor.text()

    def _commit(self, key: str) -> None:
        if self._row is None:
            return
        value = self._editor_value(key)
        if _plain(value) == _plain(getattr(self._row, key)):
            return
        self.editRequested.emit(self._row.id, key, value)

    # -- language ----------------------------------------------------------------

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
            self.show_unit(self._row)
        super().changeEvent(event)

    def set_currency(self, currency: str) -> None:
        """The shown park's currency, named with the rents (each park bills in its own)."""
        if currency != self.currency:
            self.currency = currency
            self._retranslate()

    def _retranslate(self) -> None:
        self.facts_box.setTitle(self.tr("Facts"))
        self.edit_box.setTitle(self.tr("Edit"))
        for key, title, _ in FACTS:
            self._fact_labels[key].setText(title())
        for key, title in EDIT_TITLES.items():
            self._edit_labels[key].setText(title())
        if self.currency:
            self._fact_labels["rent"].setText(
                self.tr("Rent (%1 per m² per month)").replace("%1", self.currency))
            self._edit_labels["asking_rent"].setText(
                self.tr("Asking rent (%1 per m² per month)").replace("%1", self.currency))
        self._fill_choices()


class _NotesEdit(QPlainTextEdit):
    """A notes box that commits when it loses focus."""

    focusLost = Signal()

    def focusOutEvent(self, event: Any) -> None:
        super().focusOutEvent(event)
        self.focusLost.emit()
