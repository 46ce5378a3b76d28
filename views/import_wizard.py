"""The floor-plan import wizard: file and target, rooms and layers, report.

The wizard only asks and shows. It emits ``readRequested`` when the drawing
or a layer role changes and ``acceptRequested`` when the user imports; the
app reads in the background and hands back a plain preview with
:meth:`ImportWizard.show_plan`.

Each room's use (leasable, the floor's common area, the building's) is the
importer's guess from the room's words, shown in the rooms table with the
reason; the person changes it there, one room with the Use cell's combo or
many with the context menu on the selected rows. The wizard keeps those
choices (:meth:`ImportWizard.use_changes`, signal ``usesChanged``) as
``{(floor index, room index): use}``; the app applies them to the plan it
rehearses and writes (``importers.plan.with_uses``).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import (
    QAbstractItemModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    QPoint,
    QRegularExpression,
    Qt,
    Signal,
)
from PySide6.QtGui import QFontDatabase, QRegularExpressionValidator
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMenu,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
    QWizard,
    QWizardPage,
)

from domain.space_use import SpaceUse
from views.plan_preview import PlanPreview
from views.problem_text import REVIEW_CODES, problem_text, review_line, use_name, use_text

translate = QCoreApplication.translate

UNIT_CHOICES = ("mm", "cm", "dm", "m", "in", "ft")
ROLES: list[tuple[str, Callable[[], str]]] = [
    ("rooms", lambda: translate("ImportWizard", "Rooms (closed outlines)")),
    ("walls", lambda: translate("ImportWizard", "Walls")),
    ("labels", lambda: translate("ImportWizard", "Room labels")),
    ("outline", lambda: translate("ImportWizard", "Gross-area outline")),
    ("background", lambda: translate("ImportWizard", "Background")),
    ("ignore", lambda: translate("ImportWizard", "Ignore")),
]
# A room's use as the rooms table says it, and the context menu's action for it.
USES: list[tuple[str, Callable[[], str], Callable[[], str]]] = [
    (SpaceUse.LEASABLE.value, lambda: translate("ImportWizard", "Leasable"),
     lambda: translate("ImportWizard", "Mark as leasable")),
    (SpaceUse.COMMON.value, lambda: translate("ImportWizard", "Common"),
     lambda: translate("ImportWizard", "Mark as the floor's common area")),
    (SpaceUse.BUILDING_COMMON.value, lambda: translate("ImportWizard", "Building common"),
     lambda: translate("ImportWizard", "Mark as the building's common area")),
]
ROOM_COLUMNS = 4  # code, name, area, use
USE_COLUMN = 3
USE_ROLE = Qt.ItemDataRole.UserRole  # the Use cell's use value ("common" …)
UNDECIDED = "undecided"  # domain.room_classification: nothing in the drawing said


def use_title(use: str) -> str:
    """A use as the rooms table shows it (``Common``)."""
    return next((title() for key, title, _ in USES if key == use), use)


class _UseDelegate(QStyledItemDelegate):
    """The Use cell edited with a combo of the three uses; the wizard records the choice."""

    def __init__(self, wizard: ImportWizard) -> None:
        super().__init__(wizard.rooms_table)
        self.wizard = wizard

    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem,
                     index: QModelIndex | QPersistentModelIndex) -> QWidget:
        combo = QComboBox(parent)
        for key, title, _ in USES:
            combo.addItem(title(), key)
        return combo

    def setEditorData(self, editor: QWidget, index: QModelIndex | QPersistentModelIndex) -> None:
        if isinstance(editor, QComboBox):
            editor.setCurrentIndex(max(editor.findData(index.data(USE_ROLE)), 0))

    def setModelData(self, editor: QWidget, model: QAbstractItemModel,
                     index: QModelIndex | QPersistentModelIndex) -> None:
        if isinstance(editor, QComboBox):
            self.wizard.set_use([index.row()], str(editor.currentData()))


class ImportWizard(QWizard):
    # path, {"layers": {layer: role}, "by_zone": bool, "units": "mm" | … | None}
    readRequested = Signal(str, dict)
    changesRequested = Signal()  # the report page wants a rehearsal of the import
    acceptRequested = Signal(str, str, object, dict)  # path, building, level or None, layers
    # each floor's {"level", "source", "text", "matched"} (level None while unknown)
    levelsChanged = Signal(list)
    # the uses the person chose: {(floor index, room index): "common" | …}
    usesChanged = Signal(object)

    def __init__(self, buildings: Sequence[str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWizardStyle(QWizard.WizardStyle.ClassicStyle)
        self.resize(980, 680)
        self.plan: dict[str, Any] | None = None
        # per floor, the code each room's unit gets, in the report's order (rehearsed)
        self.final_codes: list[list[str]] = []
        self._reading = False
        self._read_for: tuple[str, bool] = ("", False)
        self._uses: dict[tuple[int, int], str] = {}  # the person's, over the importer's

        # -- page 1: the drawing and where it goes -----------------------------------
        self.source_page = QWizardPage(self)
        self.path_edit = QLineEdit(self.source_page)
        self.browse_button = QPushButton(self.source_page)
        self.browse_button.clicked.connect(self._browse)
        self.building_combo = QComboBox(self.source_page)
        self.building_combo.setEditable(True)
        self.building_combo.addItems(list(buildings))
        # Optional: the level of a one-floor drawing; else it comes from the drawing's
        # name, title or storeys, shown with the evidence on the levels page.
        self.level_edit = QLineEdit(self.source_page)
        self.level_edit.setValidator(
            QRegularExpressionValidator(QRegularExpression(r"-?[1-9]\d{0,2}"), self.level_edit))
        self.by_zone = QCheckBox(self.source_page)
        path_row = QHBoxLayout()
        path_row.addWidget(self.path_edit, 1)
        path_row.addWidget(self.browse_button)
        form = QFormLayout(self.source_page)
        self.path_label = QLabel(self.source_page)
        self.building_label = QLabel(self.source_page)
        self.level_label = QLabel(self.source_page)
        form.addRow(self.path_label, path_row)
        form.addRow(self.building_label, self.building_combo)
        form.addRow(self.level_label, self.level_edit)
        form.addRow("", self.by_zone)
        self.path_edit.textChanged.connect(self.source_page.completeChanged)
        self.source_page.isComplete = lambda: bool(self.path_edit.text().strip())  # type: ignore[method-assign]
        self.addPage(self.source_page)

        # -- page 2: rooms found, layers and preview --------------------------------
        self.rooms_page = QWizardPage(self)
        self.status_label = QLabel(self.rooms_page)
        self.status_label.setWordWrap(True)
        self.floor_combo = QComboBox(self.rooms_page)
        self.floor_combo.currentIndexChanged.connect(self._show_floor)
        self.units_label = QLabel(self.rooms_page)
        self.units_combo = QComboBox(self.rooms_page)
        self.units_combo.addItem("", None)
        for unit in UNIT_CHOICES:
            self.units_combo.addItem(unit, unit)
        self.units_combo.activated.connect(lambda _i: self._request_read())
        self.preview = PlanPreview(self.rooms_page)
        self.layer_table = QTableWidget(0, 2, self.rooms_page)
        self.layer_table.verticalHeader().setVisible(False)
        self.layer_table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        # the rooms of the floor shown, with each one's use, which the person may change
        self.rooms_table = QTableWidget(0, ROOM_COLUMNS, self.rooms_page)
        self.rooms_table.verticalHeader().setVisible(False)
        header = self.rooms_table.horizontalHeader()
        for column in range(ROOM_COLUMNS):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.rooms_table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.rooms_table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.rooms_table.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed)
        self.rooms_table.setItemDelegateForColumn(USE_COLUMN, _UseDelegate(self))
        self.rooms_table.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.rooms_table.customContextMenuRequested.connect(self._show_use_menu)
        side = QSplitter(Qt.Orientation.Vertical, self.rooms_page)
        side.addWidget(self.rooms_table)
        side.addWidget(self.layer_table)
        side.setSizes([380, 220])
        splitter = QSplitter(self.rooms_page)
        splitter.addWidget(self.preview)
        splitter.addWidget(side)
        splitter.setSizes([560, 400])
        column = QVBoxLayout(self.rooms_page)
        column.addWidget(self.status_label)
        units_row = QHBoxLayout()
        units_row.addWidget(self.floor_combo, 1)
        units_row.addWidget(self.units_label)
        units_row.addWidget(self.units_combo)
        column.addLayout(units_row)
        column.addWidget(splitter, 1)
        self.rooms_page.isComplete = lambda: (  # type: ignore[method-assign]
            self.plan is not None
            and not self._reading
            and not self.plan["errors"]
            and any(f["units"] for f in self.plan["floors"])
        )
        self.addPage(self.rooms_page)

        # -- page 3: each floor's level, with the evidence, for the person to confirm ----
        self.levels_page = QWizardPage(self)
        self.levels_note = QLabel(self.levels_page)
        self.levels_note.setWordWrap(True)
        self.levels_table = QTableWidget(0, 3, self.levels_page)
        self.levels_table.verticalHeader().setVisible(False)
        self.levels_table.horizontalHeader().setSectionResizeMode(
            2, QHeaderView.ResizeMode.Stretch)
        self.levels_table.itemChanged.connect(self._level_edited)
        levels_column = QVBoxLayout(self.levels_page)
        levels_column.addWidget(self.levels_note)
        levels_column.addWidget(self.levels_table, 1)
        self._levels: list[dict[str, Any]] = []
        self._level_refusal = ""  # why the drawing says no level, in the user's language
        self.level_edit.textChanged.connect(
            lambda _t: self._fill_levels(self.plan) if self.plan is not None else None)
        self.levels_page.isComplete = self._levels_complete  # type: ignore[method-assign]
        self.addPage(self.levels_page)

        # -- page 4: the report ------------------------------------------------------
        self.report_page = QWizardPage(self)
        self.report = QPlainTextEdit(self.report_page)
        self.report.setReadOnly(True)
        self.report.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        QVBoxLayout(self.report_page).addWidget(self.report)
        self.addPage(self.report_page)

        self.currentIdChanged.connect(self._entered)
        self._retranslate()

    # -- what the app calls ----------------------------------------------------------

    def show_reading(self) -> None:
        self._reading = True
        self.status_label.setText(self.tr("Reading the drawing…"))
        self.rooms_page.completeChanged.emit()

    def show_cancelled(self) -> None:
        self._reading = False
        self.plan = None
        self.status_label.setText(self.tr("Reading cancelled; go back to choose again."))
        self.rooms_page.completeChanged.emit()

    def show_plan(self, plan: dict[str, Any]) -> None:
        """Show a read plan: a dict of floors (units with rings, lines), roles, problems."""
        self._reading = False
        self.plan = plan
        self.final_codes = []  # of another reading: rehearsed again on the report page
        if self._uses:  # chosen for the rooms of another reading
            self._uses = {}
            self.usesChanged.emit({})
        self.floor_combo.blockSignals(True)
        self.floor_combo.clear()
        for floor in plan["floors"]:
            self.floor_combo.addItem(
                self.tr("%1 — %2 rooms")
                .replace("%1", floor["name"] or "?")
                .replace("%2", str(len(floor["units"])))
            )
        self.floor_combo.blockSignals(False)
        self.floor_combo.setVisible(len(plan["floors"]) > 1)
        is_dxf = plan["format"] in ("dxf", "dwg")  # a DWG is read as its DXF
        self.units_label.setVisible(is_dxf)
        self.units_combo.setVisible(is_dxf)
        self.units_combo.setItemText(
            0, self.tr("Automatic (%1)").replace("%1", plan["units_of_drawing"] or "?")
        )
        self._fill_layers(plan.get("layer_roles", {}))
        self._fill_levels(plan)
        self._show_floor()
        self.status_label.setText(self._status_text(plan))
        self.report.setPlainText(self.report_text(plan))
        self.rooms_page.completeChanged.emit()

    def _status_text(self, plan: dict[str, Any]) -> str:
        """Rooms, floors and warnings found; the rooms whose use is still a guess."""
        if plan["errors"]:
            return self.tr("The drawing cannot be imported: %1").replace(
                "%1", "; ".join(problem_text(p) for p in plan["errors"])
            )
        rooms = sum(len(f["units"]) for f in plan["floors"])
        text = (
            self.tr("%1 rooms on %2 floors; %3 warnings.")
            .replace("%1", str(rooms))
            .replace("%2", str(len(plan["floors"])))
            .replace("%3", str(len(plan["warnings"])))
        )
        undecided = len([1 for where, _ in self._undecided(plan) if where not in self._uses])
        if undecided:
            text += " " + self.tr(
                "%1 rooms to check: nothing in the drawing says whether they are common area."
            ).replace("%1", str(undecided))
        return text

    def show_changes(self, floors: list[dict[str, Any]] | None, error: str = "",
                     codes: list[list[str]] | None = None) -> None:
        """Add what the import would change in the register (a rehearsal) to the report.

        ``codes``: per floor, the code each room's unit gets, in the rooms' order.
        """
        self.final_codes = [list(floor) for floor in codes or []]
        base = self.report_text(self.plan) if self.plan else ""
        lines = ["", self.tr("Changes to the register if you import now")]
        if error:
            lines.append(f"  {error}")
        for floor in floors or []:
            lines.append(
                self.tr("  %1 (level %2): %3 added, %4 changed, %5 unchanged, %6 removed")
                .replace("%1", floor["name"])
                .replace("%2", str(floor["level"]))
                .replace("%3", str(len(floor["added"])))
                .replace("%4", str(len(floor["updated"])))
                .replace("%5", str(len(floor["unchanged"])))
                .replace("%6", str(len(floor["archived"])))
            )
            for code, before, after in floor["updated"]:
                lines.append(
                    self.tr("    %1: %2 → %3 m²")
                    .replace("%1", code)
                    .replace("%2", str(before))
                    .replace("%3", str(after))
                )
            for code in floor["kept_with_contracts"]:
                lines.append(
                    self.tr(
                        "    %1 is gone from the drawing but kept: a contract points at it"
                    ).replace("%1", code)
                )
        self.report.setPlainText(base + "\n" + "\n".join(lines))

    def use_changes(self) -> dict[tuple[int, int], str]:
        """The uses the person chose: ``{(floor index, room index): use}``."""
        return dict(self._uses)

    def room_use(self, floor: int, room: int) -> str:
        """A room's use as it will be imported: the person's choice, else the drawing's."""
        chosen = self._uses.get((floor, room))
        if chosen is not None or self.plan is None:
            return chosen or SpaceUse.LEASABLE.value
        return str(self.plan["floors"][floor]["units"][room].get("use") or SpaceUse.LEASABLE)

    def set_use(self, rows: Sequence[int], use: str) -> None:
        """The person gives the rooms in ``rows`` of the floor shown ``use``."""
        if self.plan is None or not self.plan["floors"]:
            return
        floor = max(self.floor_combo.currentIndex(), 0)
        count = len(self.plan["floors"][floor]["units"])
        changed = False
        for row in rows:
            if 0 <= row < count:
                changed = changed or self._uses.get((floor, row)) != use
                self._uses[floor, row] = SpaceUse(use).value
        if changed:
            self._fill_rooms()
            self.status_label.setText(self._status_text(self.plan))
            self.report.setPlainText(self.report_text(self.plan))
            self.usesChanged.emit(self.use_changes())

    def use_menu(self) -> QMenu:
        """The menu that gives every selected room one use."""
        menu = QMenu(self.rooms_table)
        rows = sorted({i.row() for i in self.rooms_table.selectedIndexes()})
        for key, _title, action in USES:
            item = menu.addAction(action())
            item.setData(key)
            item.setEnabled(bool(rows))
            item.triggered.connect(lambda _checked=False, k=key, r=rows: self.set_use(r, k))
        return menu

    def layer_roles(self) -> dict[str, str]:
        roles = {}
        for row in range(self.layer_table.rowCount()):
            combo = self.layer_table.cellWidget(row, 1)
            item = self.layer_table.item(row, 0)
            if isinstance(combo, QComboBox) and item is not None:
                roles[item.text()] = combo.currentData()
        return roles

    def target(self) -> tuple[str, str, int | None]:
        """File, building and the level of a one-floor drawing (None for several floors)."""
        level = self._levels[0]["level"] if len(self._levels) == 1 else None
        if not self._levels and self.level_edit.hasAcceptableInput():
            level = int(self.level_edit.text())
        return self.path_edit.text().strip(), self.building_combo.currentText().strip(), level

    def level_mapping(self) -> list[dict[str, Any]]:
        """Each floor's level and its evidence as the person confirmed it."""
        return [dict(row) for row in self._levels]

    def evidence_text(self, row: dict[str, Any]) -> str:
        """Why a floor has its level, in the user's language."""
        source, text, matched = row.get("source"), row.get("text", ""), row.get("matched", "")
        if row.get("level") is None:
            return self.tr("unknown: enter the level")
        if source == "user":
            return self.tr("entered by you")
        if source == "elevation order":
            return self.tr("by elevation order (storey at %1 m)").replace("%1", text)
        if source == "storey name":
            return self.tr("from the storey name “%1”").replace("%1", text)
        if source == "title":
            return self.tr("from the drawing's title “%1”").replace("%1", text)
        if source == "file name":
            if matched and matched != text.rsplit(".", 1)[0]:
                return (self.tr("from “%1” in the file name “%2”")
                        .replace("%1", matched).replace("%2", text))
            return self.tr("from the file name “%1”").replace("%1", text)
        return text

    def report_text(self, plan: dict[str, Any]) -> str:
        lines = [
            self.tr("File: %1").replace("%1", plan["source"]),
            self.tr("Drawing units: %1").replace("%1", plan["units_of_drawing"] or "?"),
        ]
        levels = self._levels if len(self._levels) == len(plan["floors"]) else []
        for i, floor in enumerate(plan["floors"]):
            lines.append("")
            lines.append(self.tr("Floor %1").replace("%1", floor["name"] or "?"))
            if levels and levels[i]["level"] is not None:
                lines.append(self.tr("  → level %1 (%2)").replace("%1", str(levels[i]["level"]))
                             .replace("%2", self.evidence_text(levels[i])))
            finals = self.final_codes[i] if i < len(self.final_codes) else []
            for j, unit in enumerate(floor["units"]):
                stated = "" if unit["stated_area"] is None else f" / {unit['stated_area']:.2f}"
                final = finals[j] if j < len(finals) else ""
                lines.append(
                    f"  {unit['code'] or '—':<14} {'→ ' + final if final else '':<18} "
                    f"{unit['name'][:24]:<24} "
                    f"{unit['area']:>9.2f}{stated} m²  ({unit['confidence']:.2f})  "
                    f"{use_name(self._use_of(plan, i, j))}"
                )
        for kind, title in (("errors", self.tr("Errors")), ("warnings", self.tr("Warnings"))):
            if plan[kind]:
                lines.append("")
                lines.append(title)
                lines.extend(f"  • {problem_text(p)}" for p in plan[kind])
        review = [p for where, p in self._undecided(plan) if where not in self._uses]
        if review:
            lines.append("")
            lines.append(self.tr("To check"))
            lines.extend(f"  • {review_line(problem_text(p))}" for p in review)
        return "\n".join(lines)

    # -- internals -------------------------------------------------------------------

    def _entered(self, page_id: int) -> None:
        if self.page(page_id) is self.report_page:
            self.changesRequested.emit()
        if self.page(page_id) is self.rooms_page and (
            self.plan is None or self._read_for != self._read_key()
        ):
            self._request_read()

    def _read_key(self) -> tuple[str, bool]:
        return self.target()[0], self.by_zone.isChecked()

    def _request_read(self) -> None:
        self._read_for = self._read_key()
        self.show_reading()
        self.readRequested.emit(
            self.target()[0],
            {
                "layers": self.layer_roles(),
                "by_zone": self.by_zone.isChecked(),
                "units": self.units_combo.currentData(),
            },
        )

    def _browse(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self,
            self.tr("Choose a floor plan"),
            "",
            self.tr("Floor plans (*.dxf *.dwg *.ifc);;All files (*)"),
        )
        if path:
            self.path_edit.setText(path)
            self.plan = None
            self.layer_table.setRowCount(0)

    def _fill_layers(self, roles: dict[str, str]) -> None:
        self.layer_table.setVisible(bool(roles))
        self.layer_table.setRowCount(len(roles))
        for row, (layer, role) in enumerate(sorted(roles.items())):
            self.layer_table.setItem(row, 0, QTableWidgetItem(layer))
            combo = QComboBox(self.layer_table)
            for key, title in ROLES:
                combo.addItem(title(), key)
            combo.setCurrentIndex(max(combo.findData(role), 0))
            combo.currentIndexChanged.connect(lambda _i: self._request_read())
            self.layer_table.setCellWidget(row, 1, combo)

    def _fill_levels(self, plan: dict[str, Any]) -> None:
        """The floor → level table from the app's mapping; a level typed on page 1 wins."""
        mapping = plan.get("levels") or {}
        found = mapping.get("floors") or [None] * len(plan["floors"])
        rows: list[dict[str, Any]] = []
        for entry in found:
            row = {"level": None, "source": "", "text": "", "matched": ""}
            row.update({k: entry[k] for k in row if entry and k in entry})
            rows.append(row)
        if len(rows) == 1 and self.level_edit.hasAcceptableInput():
            rows[0] = {"level": int(self.level_edit.text()), "source": "user", "text": "",
                       "matched": ""}
        self._levels = rows
        refusal = mapping.get("refusal")
        self._level_refusal = problem_text(refusal) if refusal and not all(
            r["level"] is not None for r in rows) else ""
        self._show_levels()

    def _show_levels(self) -> None:
        plan = self.plan or {"floors": []}
        self.levels_table.blockSignals(True)
        self.levels_table.setRowCount(len(self._levels))
        for r, (row, floor) in enumerate(zip(self._levels, plan["floors"], strict=False)):
            name = QTableWidgetItem(
                self.tr("%1 — %2 rooms").replace("%1", floor["name"] or "?")
                .replace("%2", str(len(floor["units"]))))
            name.setFlags(name.flags() & ~Qt.ItemFlag.ItemIsEditable)
            level = QTableWidgetItem("" if row["level"] is None else str(row["level"]))
            evidence = QTableWidgetItem(self.evidence_text(row))
            evidence.setFlags(evidence.flags() & ~Qt.ItemFlag.ItemIsEditable)
            for c, item in enumerate((name, level, evidence)):
                self.levels_table.setItem(r, c, item)
        self.levels_table.blockSignals(False)
        self._levels_status()
        self.levelsChanged.emit(self.level_mapping())

    def _level_edited(self, item: QTableWidgetItem) -> None:
        """The person sets a floor's level: it is theirs now, whatever the drawing said."""
        if item.column() != 1 or item.row() >= len(self._levels):
            return
        text = item.text().strip()
        level: int | None = None
        if text.lstrip("-").isdigit() and int(text) != 0:
            level = int(text)
        elif text[:1] in "Bb" and text[1:].isdigit() and int(text[1:]) != 0:
            level = -int(text[1:])
        self._levels[item.row()] = {"level": level, "source": "user" if level else "",
                                    "text": "", "matched": ""}
        self._show_levels()

    def _levels_status(self) -> None:
        levels = [r["level"] for r in self._levels]
        if any(lv is None for lv in levels):
            text = self._level_refusal or self.tr(
                "Enter the level of every floor: 1 is the ground floor, -1 the first basement.")
        elif len(set(levels)) != len(levels):
            text = self.tr("Two floors have the same level; give each floor its own.")
        else:
            text = self.tr("Check each floor's level and why; change any that is wrong.")
        self.levels_note.setText(text)
        self.levels_page.completeChanged.emit()

    def _levels_complete(self) -> bool:
        levels = [r["level"] for r in self._levels]
        return bool(levels) and None not in levels and len(set(levels)) == len(levels)

    def _show_floor(self) -> None:
        self._fill_rooms()
        if not self.plan or not self.plan["floors"]:
            self.preview.show_floor([], [])
            return
        floor = self.plan["floors"][max(self.floor_combo.currentIndex(), 0)]
        self.preview.show_floor(floor["units"], floor.get("lines", []))

    def _use_of(self, plan: dict[str, Any], floor: int, room: int) -> str:
        chosen = self._uses.get((floor, room))
        return chosen or str(plan["floors"][floor]["units"][room].get("use") or "leasable")

    def _undecided(self, plan: dict[str, Any] | None = None) -> list[
        tuple[tuple[int, int], dict[str, Any]]
    ]:
        """Each room nothing in the drawing decided the use of, with its finding.

        The importer lists those findings in the rooms' order, one per room, so the
        n-th finding is the n-th undecided room's.
        """
        plan = plan if plan is not None else self.plan
        if plan is None:
            return []
        rooms = [(i, j) for i, floor in enumerate(plan["floors"])
                 for j, unit in enumerate(floor["units"]) if unit.get("use_reason") == UNDECIDED]
        found = [p for p in plan.get("info", []) if p.get("code") in REVIEW_CODES]
        if len(found) != len(rooms):  # not the importer's list: show every finding as it is
            return [((-1, -1), p) for p in found]
        return list(zip(rooms, found, strict=True))

    def _fill_rooms(self) -> None:
        """The rooms table: the floor shown, each room's use and, in its tooltip, why."""
        table = self.rooms_table
        table.blockSignals(True)
        floors = self.plan["floors"] if self.plan else []
        index = max(self.floor_combo.currentIndex(), 0)
        units = floors[index]["units"] if index < len(floors) else []
        table.setRowCount(len(units))
        for row, unit in enumerate(units):
            area = unit["area"]
            cells = [unit["code"] or "—", unit["name"],
                     f"{area:.2f}" if not isinstance(area, str) else area]
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEditable)
                if column == 2:
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight
                                          | Qt.AlignmentFlag.AlignVCenter)
                table.setItem(row, column, item)
            chosen = self._uses.get((index, row))
            use = chosen or str(unit.get("use") or SpaceUse.LEASABLE.value)
            item = QTableWidgetItem(use_title(use))
            item.setData(USE_ROLE, use)
            drawing = use_text(unit) if "use" in unit else ""
            if chosen is not None:
                item.setToolTip(self.tr("Set by you; the drawing said: %1").replace("%1", drawing))
            else:
                item.setToolTip(drawing)
                font = item.font()
                font.setItalic(unit.get("use_reason") == UNDECIDED)  # a guess: to check
                item.setFont(font)
            table.setItem(row, USE_COLUMN, item)
        table.blockSignals(False)

    def _show_use_menu(self, pos: QPoint) -> None:
        self.use_menu().popup(self.rooms_table.viewport().mapToGlobal(pos))

    def accept(self) -> None:
        path, building, level = self.target()
        self.acceptRequested.emit(path, building, level, self.layer_roles())
        super().accept()

    def _retranslate(self) -> None:
        self.setWindowTitle(self.tr("Import floor plan"))
        self.source_page.setTitle(self.tr("Drawing and target"))
        self.source_page.setSubTitle(
            self.tr("A DXF, DWG or IFC floor plan, and the building it belongs to.")
        )
        self.path_label.setText(self.tr("File"))
        self.browse_button.setText(self.tr("Browse…"))
        self.building_label.setText(self.tr("Building code"))
        self.level_label.setText(self.tr("Floor level"))
        self.level_edit.setPlaceholderText(
            self.tr("from the drawing's name, title or storeys; you confirm it next"))
        self.by_zone.setText(self.tr("One unit per IfcZone (IFC), not per space"))
        self.rooms_page.setTitle(self.tr("Rooms found"))
        self.rooms_page.setSubTitle(
            self.tr(
                "Green rooms are sure, amber ones are guesses. Correct layer roles on "
                "the right; the drawing is read again at once."
            )
        )
        self.layer_table.setHorizontalHeaderLabels([self.tr("Layer"), self.tr("Role")])
        self.rooms_table.setHorizontalHeaderLabels(
            [self.tr("Code"), self.tr("Name"), self.tr("Area (m²)"), self.tr("Use")])
        self.rooms_table.setToolTip(
            self.tr("Double-click a room's use to change it; right-click selected rooms to "
                    "change them all at once."))
        self.units_label.setText(self.tr("Drawing units"))
        self.levels_page.setTitle(self.tr("Floors and levels"))
        self.levels_page.setSubTitle(
            self.tr("Which level of the building each floor of the drawing is, and why. "
                    "Nothing is guessed: change any level that is wrong.")
        )
        self.levels_table.setHorizontalHeaderLabels(
            [self.tr("Floor of the drawing"), self.tr("Level"), self.tr("Why")])
        self.report_page.setTitle(self.tr("Report"))
        self.report_page.setSubTitle(
            self.tr("Nothing is written until you press Import; then all of it, at once.")
        )
        self.setButtonText(QWizard.WizardButton.FinishButton, self.tr("Import"))
