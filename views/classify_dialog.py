"""Classify rooms again: what the rules would change in a building, before anything is written.

Floors imported before rooms had a use came in with every corridor and toilet
as an office for rent. The dialog shows the rehearsal of
``services.classify_rooms`` (as its ``to_json()`` record, the same the
``classify-rooms --json`` command prints): each room whose use would change,
with the word that decided it, the rooms under contract that are listed but
not changed, the units whose areas move, and the rooms left for a person to
check. It only shows and emits: :attr:`ClassifyDialog.rehearseRequested` when
a floor is chosen, :attr:`ClassifyDialog.applyRequested` on Apply; the app
runs both in the worker pool and answers with :meth:`ClassifyDialog.set_plan`
or :meth:`ClassifyDialog.set_failed`.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from decimal import Decimal
from typing import Any

from PySide6.QtCore import QCoreApplication, QEvent, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QPushButton,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from views.classify_text import reason_text, use_name
from views.labels import area_text
from views.row_table_model import Column, RowTableModel

translate = QCoreApplication.translate
BLOCKED = "#b3261e"  # a room the rules would change but a contract holds
KEPT = "#8a8a8a"

Record = Mapping[str, Any]


def blocked_text(contracts: Sequence[str]) -> str:
    """Why a room the rules would change is not changed."""
    if not contracts:
        return ""
    return translate("ClassifyDialog", "not changed: under contract %1, needs an amendment"
                     ).replace("%1", ", ".join(contracts))


def _moved(before: str, after: str) -> str:
    """``12.30 → 15.00``, or the one figure when it stays."""
    old, new = area_text(Decimal(before)), area_text(Decimal(after))
    return old if old == new else f"{old} → {new}"


def change_columns(floors: Mapping[int, str]) -> list[Column[Record]]:
    """The use changes: code, name, floor, use before and after, why, what holds it."""
    def colour(change: Record) -> str | None:
        return KEPT if change["contracts"] else None

    return [
        Column("code", lambda: translate("ClassifyDialog", "Code"), lambda c: c["code"],
               width=12, color=colour),
        Column("name", lambda: translate("ClassifyDialog", "Name"),
               lambda c: c["name"] or "—", width=14, color=colour),
        Column("floor", lambda: translate("ClassifyDialog", "Floor"),
               lambda c: floors.get(c["level"], str(c["level"])), width=6, color=colour),
        Column("before", lambda: translate("ClassifyDialog", "Use now"),
               lambda c: use_name(c["use_before"]), width=12, color=colour),
        Column("after", lambda: translate("ClassifyDialog", "Would become"),
               lambda c: use_name(c["use_after"]), width=12, color=colour),
        Column("why", lambda: translate("ClassifyDialog", "Why"),
               lambda c: reason_text(c["reason"], c["word"]), width=18, color=colour),
        Column("held", lambda: translate("ClassifyDialog", "Contract"),
               lambda c: blocked_text(c["contracts"]), width=30,
               color=lambda c: BLOCKED if c["contracts"] else None),
    ]


def area_columns() -> list[Column[Record]]:
    """The units whose areas move: share, leasable and billable area, before → after."""
    return [
        Column("code", lambda: translate("ClassifyDialog", "Code"), lambda m: m["code"],
               width=12),
        Column("share", lambda: translate("ClassifyDialog", "Common share m²"),
               lambda m: _moved(m["share_before"], m["share_after"]), align_right=True,
               width=18),
        Column("leasable", lambda: translate("ClassifyDialog", "Leasable m²"),
               lambda m: _moved(m["leasable_before"], m["leasable_after"]), align_right=True,
               width=18),
        Column("billable", lambda: translate("ClassifyDialog", "Billable m²"),
               lambda m: _moved(m["billable_before"], m["billable_after"]), align_right=True,
               width=18),
    ]


def _table(model: RowTableModel[Record], parent: QWidget) -> QTableView:
    table = QTableView(parent)
    table.setModel(model)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSortingEnabled(False)  # in code order, as the service lists them
    table.verticalHeader().hide()
    model.size_columns(table)
    table.horizontalHeader().setStretchLastSection(True)
    return table


class ClassifyDialog(QDialog):
    """A building's rooms classified again by their names: the rehearsal, then Apply."""

    rehearseRequested = Signal(object)  # level (int), or None for every floor
    applyRequested = Signal(object)  # level (int), or None for every floor

    def __init__(self, building: str, floors: Sequence[tuple[int, str]],
                 parent: QWidget | None = None, level: int | None = None) -> None:
        super().__init__(parent)
        self.building = building  # its title: code and name
        self._floors = dict(floors)
        self.plan: Record | None = None
        self._busy = ""  # "rehearse" or "apply" while the app works; "" otherwise
        self._failure = ""
        self.heading = QLabel(self)
        self.heading.setWordWrap(True)
        self.floor_label = QLabel(self)
        self.floor_combo = QComboBox(self)
        self.floor_combo.addItem("", None)
        for floor_level, name in floors:
            self.floor_combo.addItem(name, floor_level)
        self.floor_combo.setCurrentIndex(max(0, self.floor_combo.findData(level)))
        self.floor_combo.currentIndexChanged.connect(lambda _i: self.request_rehearsal())
        self.status = QLabel(self)
        self.status.setWordWrap(True)
        self.changes_model: RowTableModel[Record] = RowTableModel(
            change_columns(self._floors), self)
        self.areas_model: RowTableModel[Record] = RowTableModel(area_columns(), self)
        self.tabs = QTabWidget(self)
        self.changes_table = _table(self.changes_model, self.tabs)
        self.areas_table = _table(self.areas_model, self.tabs)
        self.tabs.addTab(self.changes_table, "")
        self.tabs.addTab(self.areas_table, "")
        self.notes = QLabel(self)
        self.notes.setWordWrap(True)
        self.buttons = QDialogButtonBox(self)
        self.apply_button = QPushButton(self)
        self.apply_button.setEnabled(False)
        self.apply_button.clicked.connect(self.request_apply)
        self.cancel_button = self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.buttons.addButton(self.apply_button, QDialogButtonBox.ButtonRole.ApplyRole)
        self.buttons.rejected.connect(self.reject)

        form = QFormLayout()
        form.addRow(self.floor_label, self.floor_combo)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addLayout(form)
        layout.addWidget(self.status)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(self.notes)
        layout.addWidget(self.buttons)
        self.resize(980, 560)
        self._retranslate()

    # -- in ------------------------------------------------------------------------------

    def level(self) -> int | None:
        """The floor chosen (its level), or None for every floor."""
        level = self.floor_combo.currentData()
        return None if level is None else int(level)

    def choose_level(self, level: int | None) -> None:
        """Choose a floor as a person would (a rehearsal of it is asked for)."""
        self.floor_combo.setCurrentIndex(max(0, self.floor_combo.findData(level)))

    def set_rehearsing(self) -> None:
        """Say the rehearsal runs (the app calls this when it starts one)."""
        self._busy, self._failure = "rehearse", ""
        self._update()

    def set_applying(self) -> None:
        """Say the change is being written; nothing more can be asked meanwhile."""
        self._busy, self._failure = "apply", ""
        self._update()

    def set_plan(self, plan: Record) -> None:
        """Show a rehearsal: ``ClassifyPlan.to_json()``."""
        self.plan = plan
        self._busy, self._failure = "", ""
        self.changes_model.set_rows(list(plan["changes"]))
        self.areas_model.set_rows(list(plan["area_changes"]))
        self._update()

    def set_failed(self, message: str) -> None:
        """Say why the rehearsal or the change could not run (in the user's language)."""
        self._busy, self._failure = "", message
        self._update()

    def changes_applied(self) -> int:
        """How many rooms Apply would change (those under contract are not)."""
        if self.plan is None:
            return 0
        return sum(1 for c in self.plan["changes"] if not c["contracts"])

    # -- out -----------------------------------------------------------------------------

    def request_rehearsal(self) -> None:
        self.plan = None
        self.changes_model.set_rows([])
        self.areas_model.set_rows([])
        self.rehearseRequested.emit(self.level())

    def request_apply(self) -> None:
        if self.changes_applied() and not self._busy:
            self.applyRequested.emit(self.level())

    # -- showing -------------------------------------------------------------------------

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)

    def _retranslate(self) -> None:
        self.setWindowTitle(self.tr("Classify rooms again"))
        self.heading.setText(self.tr(
            "Building %1: each room's use (for rent or common area) as its name says. Nothing "
            "is written until you apply; rooms under contract are listed, not changed, and "
            "uses a person chose are kept.").replace("%1", self.building))
        self.floor_label.setText(self.tr("Floors"))
        self.floor_combo.setItemText(0, self.tr("All floors"))
        self.apply_button.setText(self.tr("Apply"))
        self.cancel_button.setText(self.tr("Cancel"))
        self.changes_model.retitle()
        self.areas_model.retitle()
        self._update()

    def _update(self) -> None:
        """Status, tab titles, notes and the Apply button for what is known now."""
        plan = self.plan
        changes = [] if plan is None else plan["changes"]
        moves = [] if plan is None else plan["area_changes"]
        self.tabs.setTabText(0, self.tr("Uses that change (%1)").replace(
            "%1", str(len(changes))))
        self.tabs.setTabText(1, self.tr("Areas that move (%1)").replace("%1", str(len(moves))))
        self.apply_button.setEnabled(not self._busy and self.changes_applied() > 0)
        self.floor_combo.setEnabled(self._busy != "apply")
        self.notes.setText("\n".join(self._notes()))
        self.notes.setVisible(bool(self.notes.text()))
        self.status.setText(self._status())

    def _status(self) -> str:
        if self._busy == "rehearse":
            return self.tr("Reading what classifying would change…")
        if self._busy == "apply":
            return self.tr("Writing the changes…")
        if self._failure:
            return self._failure
        if self.plan is None:
            return ""
        changes = self.plan["changes"]
        if not changes:
            return translate("ClassifyRooms", "Every room already has the use its name gives it.")
        done, held = self.changes_applied(), len(changes) - self.changes_applied()
        text = (self.tr("1 room would change use.") if done == 1 else
                self.tr("%1 rooms would change use.").replace("%1", str(done)))
        if held:
            text += " " + (self.tr("1 room under contract is listed but not changed.")
                           if held == 1 else
                           self.tr("%1 rooms under contract are listed but not changed.")
                           .replace("%1", str(held)))
        return text

    def _notes(self) -> list[str]:
        """Rooms to check and uses kept, as the command says them."""
        plan = self.plan
        if plan is None:
            return []
        lines = []
        if plan["undecided"]:
            lines.append(translate(
                "ClassifyRooms", "For rent, but nothing in the name decides (please check): "
                "{units}").replace("{units}", ", ".join(
                    f"{u['code']} {u['name']}".strip() for u in plan["undecided"])))
        if plan["kept_manual"]:
            lines.append(translate("ClassifyRooms", "Kept as a person set them: {units}")
                         .replace("{units}", ", ".join(plan["kept_manual"])))
        return lines
