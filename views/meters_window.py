"""Billing ▸ Meters: one utility's meter tree, the month's use and flags, and what is done
with it (a meter added or edited, a month's readings entered or imported, a 公摊 statement).

The engineer or the finance clerk picks the utility (electricity, water, gas,
heat) and the month; the tree shows each main meter with its sub meters and
the units' meters beneath them: the code, the unit it bills, the multiplier
(CT ratio), the tariff, the last reading (its day and value, per register on
a time-of-use meter), what it measured in the month (multiplier applied) and
its flags: a fall that is no rollover, a spike, a reading out of order, a
month not read. A flagged meter has a warning icon and its flags' names in
red; their sentences are in the tooltip and under the tree for the meter
chosen. A rollover or a replacement worked out is a note, in grey. A meter's service dates
count: in a month before its installation it is no gap ("No readings" would hold its tree
in the bill run); it shows no use and the grey note "Not installed yet", and in the month
it is installed in, "Installed" once its initial reading (or a reading on the day) opens it
(a month after its removal: its archived state). Tariffs… opens the
utility's tariffs and their versions (``views.tariffs_dialog``).

A meter taken out of service is archived (Archive…: the day it was removed and its final
reading, ``views.meter_dialog.ArchiveMeterDialog``); it leaves the tree shown, and Show
archived brings it back, greyed, with its removal day. One flagged in the month (removed
in it with no final reading) stays shown, greyed, its flag in red: Archive… gives it its
final figure. Restore puts it back in service; a
meter never read is removed outright (Remove…). The same actions are on the tree's context
menu.

The window shows and emits; ``app.meters_flow`` reads the tree in the worker
pool (``MetersSnapshot`` of ``MeterInfo``, :mod:`views.meter_text`), opens
the dialogs and writes.
"""

from __future__ import annotations

import uuid
from datetime import date

from PySide6.QtCore import QCoreApplication, QEvent, QPoint, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMenu,
    QPushButton,
    QSplitter,
    QStyle,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from domain.billing.meters import TOTAL, Utility
from views.labels import date_text
from views.meter_text import (
    FLAG_COLOUR,
    NOTE_COLOUR,
    MeterInfo,
    MetersSnapshot,
    basis_text,
    flag_names,
    quantity_text,
    quantity_unit,
    register_text,
    registers_text,
    said,
    utility_text,
)
from views.month_edit import MonthEdit

translate = QCoreApplication.translate
ERROR_COLOUR = "#b3261e"
ARCHIVED_COLOUR = "#8a8f98"  # an archived meter's row: there, but out of service
UTILITIES = tuple(u.value for u in Utility)
ID_ROLE = int(Qt.ItemDataRole.UserRole) + 1
# The tree's columns, in order, with their starting widths in average characters.
COLUMNS = ("meter", "unit", "multiplier", "tariff", "last-on", "last", "used", "flags")
WIDTHS = {"meter": 24, "unit": 14, "multiplier": 7, "tariff": 14, "last-on": 11, "last": 16,
          "used": 14, "flags": 24}
NUMERIC = frozenset({"multiplier", "last", "used"})


def archived_text(meter: MeterInfo) -> str:
    """An archived meter's state, said: the day it was removed."""
    return translate("MetersWindow", "Archived: removed on {day}").format(
        day=date_text(meter.removed_on) if meter.removed_on is not None else "")


def month_start(day: date) -> date:
    return date(day.year, day.month, 1)


def previous_month(day: date) -> date:
    """The month before ``day``'s: month-end readings are taken in the days after it."""
    return date(day.year - 1, 12, 1) if day.month == 1 else date(day.year, day.month - 1, 1)


def last_reading_text(meter: MeterInfo) -> tuple[str, str]:
    """The last reading's day and value; per register on a time-of-use meter."""
    registers = meter.meter.registers
    found = [(r, meter.last(r)) for r in registers]
    days = [x.read_on for _r, x in found if x is not None]
    if not days:
        return "", ""
    if registers == (TOTAL,):
        last = found[0][1]
        assert last is not None
        return date_text(last.read_on), quantity_text(last.value)
    return date_text(max(days)), " · ".join(
        f"{register_text(r)} {quantity_text(x.value)}" for r, x in found if x is not None)


class MetersWindow(QDialog):
    """The meter tree of one utility, with its month's use and flags."""

    refreshRequested = Signal()
    addRequested = Signal(object)  # the parent meter's id (None: a main meter)
    editRequested = Signal(object)  # the meter's id
    entryRequested = Signal(object)  # the subtree's top meter's id (None: the whole tree)
    importRequested = Signal()
    statementRequested = Signal(object)  # the meter's id
    tariffsRequested = Signal()
    archiveRequested = Signal(object)  # the meter's id
    removeRequested = Signal(object)  # the meter's id
    restoreRequested = Signal(object)  # the meter's id

    def __init__(self, month: date, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("meters-window")
        self.snapshot: MetersSnapshot | None = None
        self._items: dict[uuid.UUID, QTreeWidgetItem] = {}
        self._loading = False

        self.utility_label = QLabel(self)
        self.utility_box = QComboBox(self)
        self.utility_box.setObjectName("utility")
        for utility in UTILITIES:
            self.utility_box.addItem(utility_text(utility), utility)
        self.utility_box.currentIndexChanged.connect(lambda _i: self._asked())
        self.month_label = QLabel(self)
        self.month_edit = MonthEdit(month, self)
        self.month_edit.dateChanged.connect(lambda _d: self._asked())
        self.refresh_button = QPushButton(self)
        self.refresh_button.setObjectName("refresh-button")
        self.refresh_button.clicked.connect(self.refreshRequested.emit)
        self.archived_box = QCheckBox(self)
        self.archived_box.setObjectName("show-archived")
        self.archived_box.toggled.connect(lambda _on: self._shown_again())
        self.head = QLabel(self)
        self.head.setObjectName("head")
        self.head.setWordWrap(True)

        self.add_button = QPushButton(self)
        self.add_button.setObjectName("add-meter")
        self.add_button.clicked.connect(self._add)
        self.edit_button = QPushButton(self)
        self.edit_button.setObjectName("edit-meter")
        self.edit_button.clicked.connect(self._edit)
        self.entry_button = QPushButton(self)
        self.entry_button.setObjectName("enter-readings")
        self.entry_button.clicked.connect(self._entry)
        self.import_button = QPushButton(self)
        self.import_button.setObjectName("import-readings")
        self.import_button.clicked.connect(self.importRequested.emit)
        self.statement_button = QPushButton(self)
        self.statement_button.setObjectName("statement")
        self.statement_button.clicked.connect(self._statement)
        self.tariffs_button = QPushButton(self)
        self.tariffs_button.setObjectName("tariffs")
        self.tariffs_button.clicked.connect(self.tariffsRequested.emit)
        self.archive_button = QPushButton(self)
        self.archive_button.setObjectName("archive-meter")
        self.archive_button.clicked.connect(lambda: self._ask("archive"))
        self.remove_button = QPushButton(self)
        self.remove_button.setObjectName("remove-meter")
        self.remove_button.clicked.connect(lambda: self._ask("remove"))
        self.restore_button = QPushButton(self)
        self.restore_button.setObjectName("restore-meter")
        self.restore_button.clicked.connect(lambda: self._ask("restore"))

        self.tree = QTreeWidget(self)
        self.tree.setObjectName("meter-tree")
        self.tree.setColumnCount(len(COLUMNS))
        self.tree.setAlternatingRowColors(True)
        self.tree.setUniformRowHeights(True)
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.tree.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        header = self.tree.header()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        char = self.tree.fontMetrics().averageCharWidth()
        for position, key in enumerate(COLUMNS):
            header.resizeSection(position, WIDTHS[key] * char + 16)
        self.tree.currentItemChanged.connect(lambda _c, _p: self._chosen())
        self.tree.itemDoubleClicked.connect(lambda _item, _column: self._edit())
        self.tree.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.tree.customContextMenuRequested.connect(self._context)
        self.menu: QMenu | None = None

        self.details = QLabel(self)
        self.details.setObjectName("details")
        self.details.setWordWrap(True)
        self.details.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.details.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.details.setMinimumHeight(self.fontMetrics().height() * 4)
        self.status = QLabel(self)
        self.status.setObjectName("status")
        self.status.setWordWrap(True)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self.buttons.rejected.connect(self.reject)
        self.close_button = self.buttons.button(QDialogButtonBox.StandardButton.Close)

        top = QHBoxLayout()
        top.addWidget(self.utility_label)
        top.addWidget(self.utility_box)
        top.addSpacing(12)
        top.addWidget(self.month_label)
        top.addWidget(self.month_edit)
        top.addWidget(self.refresh_button)
        top.addSpacing(12)
        top.addWidget(self.archived_box)
        top.addStretch(1)
        actions = QHBoxLayout()
        for button in (self.add_button, self.edit_button, self.entry_button,
                       self.import_button, self.statement_button, self.tariffs_button):
            actions.addWidget(button)
        actions.addStretch(1)
        for button in (self.archive_button, self.restore_button, self.remove_button):
            actions.addWidget(button)
        split = QSplitter(Qt.Orientation.Vertical, self)
        split.addWidget(self.tree)
        split.addWidget(self.details)
        split.setStretchFactor(0, 5)
        split.setStretchFactor(1, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.head)
        layout.addLayout(actions)
        layout.addWidget(split, 1)
        layout.addWidget(self.status)
        layout.addWidget(self.buttons)
        self.resize(1320, 780)
        self._retranslate()
        self._update()

    # -- in ------------------------------------------------------------------------------

    def set_loading(self) -> None:
        self._loading = True
        self.set_status(translate("MetersWindow", "Reading the meters…"))
        self._update()

    def set_snapshot(self, snapshot: MetersSnapshot) -> None:
        """Show the tree read for ``snapshot.utility`` and month; the meter chosen stays."""
        chosen = self.selected_meter()
        self._loading = False
        self.snapshot = snapshot
        self._fill()
        if chosen is None or not self.select_meter(chosen.code):
            first = self.tree.topLevelItem(0)
            if first is not None:
                self.tree.setCurrentItem(first)
        self.set_status("")
        self._fill_head()
        self._chosen()

    def set_status(self, text: str, error: bool = False) -> None:
        self.status.setText(text)
        self.status.setStyleSheet(f"color: {ERROR_COLOUR}" if error else "")

    def set_failed(self, text: str) -> None:
        self._loading = False
        self.set_status(text, error=True)
        self._update()

    # -- out -----------------------------------------------------------------------------

    def utility(self) -> str:
        return str(self.utility_box.currentData())

    def set_utility(self, utility: str) -> None:
        self.utility_box.setCurrentIndex(max(0, self.utility_box.findData(utility)))

    def month(self) -> date:
        return self.month_edit.month()

    def set_month(self, month: date) -> None:
        self.month_edit.set_month(month)

    def selected_meter(self) -> MeterInfo | None:
        item = self.tree.currentItem()
        if item is None or self.snapshot is None:
            return None
        return self.snapshot.by_id().get(item.data(0, ID_ROLE))

    def select_meter(self, code: str) -> bool:
        item = self.meter_item(code)
        if item is None:
            return False
        self.tree.setCurrentItem(item)
        return True

    def meter_item(self, code: str) -> QTreeWidgetItem | None:
        """The tree's row of the meter ``code``."""
        if self.snapshot is None:
            return None
        for meter in self.snapshot.meters:
            if meter.code == code:
                return self._items.get(meter.id)
        return None

    def row_texts(self, code: str) -> dict[str, str]:
        """What the row of meter ``code`` shows, by column key (tests, a reader)."""
        item = self.meter_item(code)
        if item is None:
            return {}
        return {key: item.text(position) for position, key in enumerate(COLUMNS)}

    def shown_codes(self) -> list[str]:
        """Every meter the tree shows, depth first."""
        out: list[str] = []

        def walk(item: QTreeWidgetItem) -> None:
            out.append(item.text(0))
            for i in range(item.childCount()):
                walk(item.child(i))

        for i in range(self.tree.topLevelItemCount()):
            walk(self.tree.topLevelItem(i))
        return out

    def _asked(self) -> None:
        """Another utility or month: the use column says which, and the tree is read again."""
        self.tree.setHeaderLabels(self._headers())
        self.refreshRequested.emit()

    def _add(self) -> None:
        meter = self.selected_meter()
        # Under the meter chosen when it is not a unit's (a unit's meter is a leaf).
        parent = meter.id if meter is not None and meter.meter.unit_id is None else None
        self.addRequested.emit(parent)

    def _edit(self) -> None:
        meter = self.selected_meter()
        if meter is not None:
            self.editRequested.emit(meter.id)

    def _entry(self) -> None:
        meter = self.selected_meter()
        if self.snapshot is not None and self.snapshot.meters:
            self.entryRequested.emit(None if meter is None else meter.id)

    def _statement(self) -> None:
        meter = self.selected_meter()
        if meter is not None and self.snapshot is not None and self.snapshot.feeds(meter.id):
            self.statementRequested.emit(meter.id)

    def _ask(self, action: str) -> None:
        """Archive, remove or restore the meter chosen, when the action fits it."""
        meter = self.selected_meter()
        if meter is not None and self._fits(meter, action):
            {"archive": self.archiveRequested, "restore": self.restoreRequested,
             "remove": self.removeRequested}[action].emit(meter.id)

    def _fits(self, meter: MeterInfo, action: str) -> bool:
        """Whether ``action`` (archive, restore, remove) fits the meter."""
        if self._loading:
            return False
        if action == "archive":  # an archived meter lacking a final figure: to give it
            return not meter.archived or bool(meter.unclosed)
        if action == "restore":
            return meter.archived
        return not meter.readings  # removed outright: never read (the service checks bills)

    @staticmethod
    def _shown(meter: MeterInfo, shows_archived: bool) -> bool:
        """Whether the tree lists the meter: every one in service; an archived one when
        archived meters are shown, or when it is flagged in the month (removed in it with
        no final reading: the bill run holds it, so it is not hidden)."""
        return shows_archived or not meter.archived or bool(meter.flags)

    def shows_archived(self) -> bool:
        return self.archived_box.isChecked()

    def set_show_archived(self, on: bool) -> None:
        self.archived_box.setChecked(on)

    def context_menu(self, meter: MeterInfo) -> QMenu:
        """The tree's menu for ``meter``: its edit, its statement, and its way out of (or back
        into) service; an action that does not fit the meter is there, disabled."""
        menu = QMenu(self)
        menu.setObjectName("meter-menu")
        busy = self._loading
        edit = menu.addAction(translate("MetersWindow", "Edit meter…"), self._edit)
        edit.setEnabled(not busy)
        statement = menu.addAction(translate("MetersWindow", "Shared statement (公摊)…"),
                                   self._statement)
        statement.setEnabled(not busy and self.snapshot is not None
                             and self.snapshot.feeds(meter.id))
        menu.addSeparator()
        for name, text in (("archive", translate("MetersWindow", "Archive…")),
                           ("restore", translate("MetersWindow", "Restore")),
                           ("remove", translate("MetersWindow", "Remove…"))):
            action = menu.addAction(text, lambda name=name: self._ask(name))
            action.setObjectName(name)
            action.setEnabled(self._fits(meter, name))
        return menu

    def _context(self, position: QPoint) -> None:
        item = self.tree.itemAt(position)
        if item is None:
            return
        self.tree.setCurrentItem(item)
        meter = self.selected_meter()
        if meter is None:
            return
        if self.menu is not None:
            self.menu.deleteLater()
        self.menu = self.context_menu(meter)
        self.menu.popup(self.tree.viewport().mapToGlobal(position))

    def _shown_again(self) -> None:
        """Archived meters shown or hidden: the tree as read, filled again."""
        if self.snapshot is None:
            return
        chosen = self.selected_meter()
        self._fill()
        if chosen is None or not self.select_meter(chosen.code):
            first = self.tree.topLevelItem(0)
            if first is not None:
                self.tree.setCurrentItem(first)
        self._fill_head()
        self._chosen()

    # -- showing -------------------------------------------------------------------------

    def _fill(self) -> None:
        snapshot = self.snapshot
        self.tree.clear()
        self._items = {}
        if snapshot is None:
            return
        warning = self.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning)
        info = self.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxInformation)
        red, grey = QBrush(QColor(FLAG_COLOUR)), QBrush(QColor(NOTE_COLOUR))
        greyed = QBrush(QColor(ARCHIVED_COLOUR))
        bold = QFont(self.tree.font())
        bold.setBold(True)
        shows_archived = self.shows_archived()

        def add(meter: MeterInfo, parent: QTreeWidgetItem | None) -> None:
            if not self._shown(meter, shows_archived):  # its meters in service stay shown
                for child in sorted(snapshot.children(meter.id), key=lambda m: m.code):
                    if child.id not in self._items:
                        add(child, parent)
                return
            item = QTreeWidgetItem()
            item.setData(0, ID_ROLE, meter.id)
            last_on, last = last_reading_text(meter)
            texts = {"meter": meter.code, "unit": meter.unit_code,
                     "multiplier": quantity_text(meter.meter.multiplier),
                     "tariff": meter.tariff_name, "last-on": last_on, "last": last,
                     "used": quantity_text(meter.used)}
            for position, key in enumerate(COLUMNS):
                if key in texts:
                    item.setText(position, texts[key])
                if key in NUMERIC:
                    item.setTextAlignment(position, Qt.AlignmentFlag.AlignRight
                                          | Qt.AlignmentFlag.AlignVCenter)
            flags = COLUMNS.index("flags")
            if meter.flags:
                item.setIcon(flags, warning)
                item.setForeground(flags, red)
                item.setText(flags, flag_names(meter.flags))
            elif meter.notes:
                item.setIcon(flags, info)
                item.setForeground(flags, grey)
                item.setText(flags, flag_names(meter.notes))
            tips = [said(x) for x in (*meter.flags, *meter.notes)]
            if meter.archived:
                gone = archived_text(meter)
                tips.insert(0, gone)
                for position in range(len(COLUMNS)):
                    if position != flags or not meter.flags:
                        item.setForeground(position, greyed)
                if not meter.flags and not meter.notes:
                    item.setText(flags, gone)
            tip = "\n".join(tips)
            if tip:
                item.setToolTip(flags, tip)
                item.setToolTip(0, tip)
            if meter.meter.parent_id is None:
                item.setFont(0, bold)
            if meter.archived:
                font = QFont(item.font(0))
                font.setItalic(True)
                item.setFont(0, font)
            self._items[meter.id] = item
            if parent is None:
                self.tree.addTopLevelItem(item)
            else:
                parent.addChild(item)
            for child in sorted(snapshot.children(meter.id), key=lambda m: m.code):
                if child.id not in self._items:
                    add(child, item)

        for top in sorted(snapshot.children(None), key=lambda m: m.code):
            add(top, None)
        self.tree.expandAll()

    def _fill_head(self) -> None:
        snapshot = self.snapshot
        if snapshot is None:
            self.head.setText("")
            return
        name = utility_text(snapshot.utility)
        if not snapshot.meters:
            self.head.setText(translate(
                "MetersWindow", "No {utility} meters yet: add a main meter, then its sub meters "
                "and the units' meters under it.").format(utility=name.lower()))
            return
        shown = [m for m in snapshot.meters if self._shown(m, self.shows_archived())]
        flagged = sum(1 for m in shown if m.flags)
        said_head = translate(
            "MetersWindow", "{utility}, {month}: {count} meters, {flagged} flagged. Use in the "
            "month runs from the last reading on or before its first day to the last on or before "
            "the next month's first day.").format(
            utility=name, month=snapshot.month.strftime("%Y-%m"), count=len(shown),
            flagged=flagged)
        hidden = len(snapshot.meters) - len(shown)
        if hidden:
            said_head += " " + translate(
                "MetersWindow", "{count} archived meters are not shown (Show archived lists "
                "them).").format(count=hidden)
        self.head.setText(said_head)

    def _chosen(self) -> None:
        meter = self.selected_meter()
        if meter is None:
            self.details.setText("")
            self._update()
            return
        lines = [self._describe(meter)]
        lines += [f"⚠ {said(f)}" for f in meter.flags]
        lines += [f"· {said(n)}" for n in meter.notes]
        self.details.setText("\n".join(lines))
        self._update()

    def _describe(self, meter: MeterInfo) -> str:
        snapshot = self.snapshot
        parts = [meter.code]
        parent = None if snapshot is None or meter.meter.parent_id is None else next(
            (m for m in snapshot.meters if str(m.id) == meter.meter.parent_id), None)
        if parent is not None:
            parts.append(translate("MetersWindow", "under {parent}").format(parent=parent.code))
        else:
            parts.append(translate("MetersWindow", "a main meter"))
        if meter.unit_code:
            parts.append(translate("MetersWindow", "bills unit {unit}").format(
                unit=meter.unit_code))
        parts.append(translate("MetersWindow", "registers: {registers}").format(
            registers=registers_text(meter.meter.registers)))
        if meter.meter.rollover_at is not None:
            parts.append(translate("MetersWindow", "its dial rolls over at {count}").format(
                count=quantity_text(meter.meter.rollover_at)))
        if snapshot is not None and snapshot.feeds(meter.id):
            parts.append(translate("MetersWindow", "shares its unmetered use {basis}").format(
                basis=basis_text(meter.basis_kind).lower()))
        if meter.installed_on is not None:
            parts.append(translate("MetersWindow", "installed on {day}").format(
                day=date_text(meter.installed_on)))
        if meter.replaces:
            parts.append(translate("MetersWindow", "replaces {meter}").format(
                meter=meter.replaces))
        if meter.archived:
            parts.append(archived_text(meter).lower())
            by = snapshot.replaced_by(meter.code) if snapshot is not None else None
            if by is not None:
                parts.append(translate("MetersWindow", "replaced by {meter}").format(
                    meter=by.code))
        return translate("MetersWindow", "; ").join(parts)

    def _update(self) -> None:
        meter = self.selected_meter()
        has = self.snapshot is not None and bool(self.snapshot.meters)
        busy = self._loading
        self.add_button.setEnabled(self.snapshot is not None and not busy)
        self.edit_button.setEnabled(meter is not None and not busy)
        self.entry_button.setEnabled(has and not busy)
        self.import_button.setEnabled(has and not busy)
        feeds = meter is not None and self.snapshot is not None and self.snapshot.feeds(meter.id)
        self.statement_button.setEnabled(feeds and not busy)
        self.tariffs_button.setEnabled(self.snapshot is not None)
        for action, button in (("archive", self.archive_button),
                               ("restore", self.restore_button),
                               ("remove", self.remove_button)):
            button.setEnabled(meter is not None and self._fits(meter, action))
        self.remove_button.setToolTip("" if meter is None or not meter.readings else translate(
            "MetersWindow", "A meter that was read is archived, never removed: its readings "
            "stay"))
        self.statement_button.setToolTip("" if feeds or meter is None else translate(
            "MetersWindow", "Choose a meter with sub meters: its unmetered use is what is shared"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)

    def _headers(self) -> list[str]:
        unit = quantity_unit(self.utility())
        month = self.month().strftime("%Y-%m")
        words = {
            "meter": translate("MetersWindow", "Meter"),
            "unit": translate("MetersWindow", "Unit"),
            "multiplier": translate("MetersWindow", "Multiplier"),
            "tariff": translate("MetersWindow", "Tariff"),
            "last-on": translate("MetersWindow", "Last read"),
            "last": translate("MetersWindow", "Last reading"),
            "used": translate("MetersWindow", "Used in {month} ({unit})").format(month=month,
                                                                           unit=unit),
            "flags": translate("MetersWindow", "Flags"),
        }
        return [words[k] for k in COLUMNS]

    def _retranslate(self) -> None:
        self.setWindowTitle(translate("MetersWindow", "Meters"))
        self.utility_label.setText(translate("MetersWindow", "Utility:"))
        self.month_label.setText(translate("MetersWindow", "Month:"))
        for i in range(self.utility_box.count()):
            self.utility_box.setItemText(i, utility_text(str(self.utility_box.itemData(i))))
        self.refresh_button.setText(translate("MetersWindow", "Refresh"))
        self.add_button.setText(translate("MetersWindow", "Add meter…"))
        self.edit_button.setText(translate("MetersWindow", "Edit meter…"))
        self.entry_button.setText(translate("MetersWindow", "Enter readings…"))
        self.import_button.setText(translate("MetersWindow", "Import readings…"))
        self.statement_button.setText(translate("MetersWindow", "Shared statement (公摊)…"))
        self.tariffs_button.setText(translate("MetersWindow", "Tariffs…"))
        self.archived_box.setText(translate("MetersWindow", "Show archived"))
        self.archived_box.setToolTip(translate(
            "MetersWindow", "List the meters taken out of service too, greyed, with the day "
            "each was removed"))
        self.archive_button.setText(translate("MetersWindow", "Archive…"))
        self.archive_button.setToolTip(translate(
            "MetersWindow", "Take the meter out of service from the day it was removed, with "
            "its final reading: its readings stay, and it bills up to that day"))
        self.restore_button.setText(translate("MetersWindow", "Restore"))
        self.restore_button.setToolTip(translate(
            "MetersWindow", "Put the archived meter back in service: its dial runs on from its "
            "final reading"))
        self.remove_button.setText(translate("MetersWindow", "Remove…"))
        self.tariffs_button.setToolTip(translate(
            "MetersWindow", "The utility's tariffs (flat, tiered, time of use) and their "
            "versions: add one, or a new price from a day"))
        self.entry_button.setToolTip(translate(
            "MetersWindow", "Enter the month-end readings of the meter chosen and every meter "
            "under it (of the whole tree when none is chosen)"))
        self.import_button.setToolTip(translate(
            "MetersWindow", "Import readings from an Excel or CSV file: meter code, day read, "
            "reading"))
        self.close_button.setText(translate("MetersWindow", "Close"))
        self.tree.setHeaderLabels(self._headers())
        if self.snapshot is not None:
            chosen = self.selected_meter()
            self._fill()
            if chosen is not None:
                self.select_meter(chosen.code)
            self._fill_head()
            self._chosen()
