"""Enter a month's readings: one row per meter (and register) of the subtree chosen.

The clerk walks the meter room with last month's figures: each row shows the
meter, the unit it bills, the register, the previous reading (its day and
value) and a cell for the new one. As a reading is typed, the row says what
the meter used since the previous one (multiplier applied, a rollover worked
out) and the flags the meter rules raise on it (``domain.billing.meters``,
the same rules the save applies): a fall that is no rollover, a spike against
the meter's history, a reading dated before one entered after it, a value
off the dial or below zero (those two are refused).

A reading is an ordinary one unless its Kind says otherwise: a new meter's first count as
it is installed (装表, initial: it opens the dial, so the month it is installed in is
measured from it, not held as "no opening reading"), or an old one's last as it is taken out
(拆表, final). Where one cannot stand (an initial after an ordinary reading, a final with a
reading after it…) the row says so as it is chosen, by the rule the save refuses it by
(``domain.billing.meters.kind_refusal``).

Save sends every row with a reading; the app writes them in one transaction
and answers each row: new, a correction (another value for that day), already
there, or refused with the reason. Nothing typed is ever cleared: a refused
row, and a cell that is not a number (not sent), keep their text for the
person to correct and save again. The dialog shows and emits; ``app.meters_flow``
saves through ``services.meters.record_readings``.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import date, timedelta
from decimal import Decimal
from typing import Any

from PySide6.QtCore import (
    QAbstractItemModel,
    QCoreApplication,
    QDate,
    QEvent,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from domain.billing.meters import (
    BROKEN_PAIRS,
    Period,
    Reading,
    ReadingKind,
    consumption,
    kind_refusal,
    reading_flags,
)
from views.labels import date_text
from views.meter_text import (
    FLAG_COLOUR,
    NOTE_COLOUR,
    MeterInfo,
    Said,
    flag_names,
    kind_text,
    parse_quantity,
    quantity_text,
    register_text,
    rule_flag,
    said,
    said_all,
    status_text,
)

translate = QCoreApplication.translate
# "kind" sits after the flags, where a flag such as "No opening reading" is answered.
COLUMNS = ("meter", "unit", "register", "previous-on", "previous", "value", "used", "flags",
           "kind", "saved")
WIDTHS = {"meter": 18, "unit": 13, "register": 6, "previous-on": 11, "previous": 12,
          "value": 12, "used": 11, "flags": 22, "kind": 13, "saved": 16}
VALUE = COLUMNS.index("value")
KIND = COLUMNS.index("kind")
KIND_ROLE = int(Qt.ItemDataRole.UserRole) + 1
KINDS = (ReadingKind.READING, ReadingKind.INITIAL, ReadingKind.FINAL)
SAVED_COLOUR = "#1e6b35"


@dataclass(frozen=True)
class EntryRow:
    """One row of the grid: a meter's register."""

    meter: MeterInfo
    register: str


@dataclass(frozen=True)
class Live:
    """What a typed reading would make: the previous reading, the use since, flags, notes."""

    previous: Reading | None
    value: Decimal | None
    used: Decimal | None
    flags: tuple[Said, ...] = ()
    notes: tuple[Said, ...] = ()


def live(meter: MeterInfo, register: str, day: date, value: Decimal | None,
         kind: ReadingKind = ReadingKind.READING) -> Live:
    """The meter rules on ``value`` read on ``day`` as a reading of ``kind``, against the
    meter's readings: an initial or a final one where it cannot stand is flagged as the save
    refuses it."""
    m = meter.meter
    history = list(meter.readings)
    before = sorted((r for r in history if r.register == register and (
        r.read_on < day or (kind is ReadingKind.INITIAL and r.read_on == day
                            and r.kind is ReadingKind.FINAL))), key=lambda r: r.read_on)
    previous = before[-1] if before else None
    if value is None:
        return Live(previous, None, None)
    if value < 0:  # refused when saved: no dial shows it, so no use nor other flags
        return Live(previous, value, None, (rule_flag("below-zero", {"value": value}, m.code),))
    flags: list[Said] = []
    notes: list[Said] = []
    new = Reading(m.id, day, register, value, kind)
    refused = kind_refusal(m, history, new)
    if refused is not None:
        flags.append(rule_flag(refused.code, refused.params, m.code))
    used = None
    if previous is not None and refused is None:  # refused when saved: no use to show
        start = previous  # a day's second reading (the initial after the final): one step
        if previous.read_on >= day:
            start = replace(previous, read_on=day - timedelta(days=1))
        dial = replace(m, installed_on=None, removed_on=None)  # two readings, not a month
        measured = consumption(dial, [start, new], Period(start.read_on, day))
        used = measured.by_register.get(register)
        for why in measured.reasons:
            if why.code in ("rollover", "replacement"):
                notes.append(rule_flag(why.code, why.params, m.code))
    ledger = [r for r in history if not (r.register == register and r.read_on == day
                                         and r.kind is kind)]
    for found in reading_flags(m, [*ledger, new]):
        if refused is not None and found.code in BROKEN_PAIRS:
            continue  # the refusal says it
        if found.read_on == day and found.params.get("register", register) == register:
            flags.append(rule_flag(found.code, found.params, m.code, found.message))
    return Live(previous, value, used, tuple(flags), tuple(notes))


class KindDelegate(QStyledItemDelegate):
    """The Kind cell chosen from a list: an ordinary reading, an initial or a final one."""

    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem,
                     index: QModelIndex | QPersistentModelIndex) -> QWidget:
        box = QComboBox(parent)
        box.setObjectName("kind-editor")
        for kind in KINDS:
            box.addItem(kind_text(kind), kind.value)
        box.activated.connect(lambda _i: self._chosen(box))
        return box

    def _chosen(self, box: QComboBox) -> None:
        """A kind chosen is the cell's at once: the row is worked out again."""
        self.commitData.emit(box)
        self.closeEditor.emit(box)

    def setEditorData(self, editor: QWidget, index: QModelIndex | QPersistentModelIndex,
                      ) -> None:
        if isinstance(editor, QComboBox):
            editor.setCurrentIndex(max(0, editor.findData(index.data(KIND_ROLE))))

    def setModelData(self, editor: QWidget, model: QAbstractItemModel,
                     index: QModelIndex | QPersistentModelIndex) -> None:
        if isinstance(editor, QComboBox):
            kind = str(editor.currentData())
            model.setData(index, kind, KIND_ROLE)
            model.setData(index, kind_text(kind), Qt.ItemDataRole.DisplayRole)


class ReadingsEntryDialog(QDialog):
    """The month-end entry grid of a subtree; ``saveRequested`` carries the readings."""

    saveRequested = Signal(object, list)  # the day, [(row, code, register, value, kind)]

    def __init__(self, meters: Sequence[MeterInfo], day: date, utility_unit: str = "",
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("meter-readings-dialog")
        self.rows = [EntryRow(m, r) for m in meters for r in m.meter.registers]
        self.unit = utility_unit
        self._busy = False
        self._sent: list[int] = []  # the grid rows of the readings saved last, in order
        self._filling = False
        self._flagged: set[int] = set()  # rows whose reading the rules flag
        self._said, self._said_error = "", False  # the last save's answer
        self.intro = QLabel(self)
        self.intro.setWordWrap(True)
        self.day_label = QLabel(self)
        self.day_edit = QDateEdit(self)
        self.day_edit.setObjectName("day")
        self.day_edit.setDisplayFormat("yyyy-MM-dd")
        self.day_edit.setCalendarPopup(True)
        self.day_edit.setDate(QDate(day.year, day.month, day.day))
        self.day_edit.dateChanged.connect(lambda _d: self._recompute_all())
        self.summary = QLabel(self)
        self.summary.setObjectName("summary")
        self.summary.setWordWrap(True)

        self.grid = QTableWidget(len(self.rows), len(COLUMNS), self)
        self.grid.setObjectName("entry-grid")
        self.grid.verticalHeader().setVisible(False)
        self.grid.verticalHeader().setDefaultSectionSize(22)
        self.grid.setAlternatingRowColors(True)
        self.grid.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.grid.setEditTriggers(QAbstractItemView.EditTrigger.AllEditTriggers)
        header = self.grid.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        char = self.grid.fontMetrics().averageCharWidth()
        for position, key in enumerate(COLUMNS):
            header.resizeSection(position, WIDTHS[key] * char + 16)
        self.kinds = KindDelegate(self.grid)
        self.grid.setItemDelegateForColumn(KIND, self.kinds)
        self._fill()
        self.grid.itemChanged.connect(self._changed)
        if self.rows:
            self.grid.setCurrentCell(0, VALUE)

        self.buttons = QDialogButtonBox(self)
        self.save_button = self.buttons.addButton(QDialogButtonBox.StandardButton.Save)
        self.save_button.setObjectName("save-button")
        self.save_button.clicked.connect(self.request_save)
        self.close_button = self.buttons.addButton(QDialogButtonBox.StandardButton.Close)
        self.buttons.rejected.connect(self.reject)

        top = QHBoxLayout()
        top.addWidget(self.day_label)
        top.addWidget(self.day_edit)
        top.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addLayout(top)
        layout.addWidget(self.grid, 1)
        layout.addWidget(self.summary)
        layout.addWidget(self.buttons)
        self.resize(1240, 720)
        self._retranslate()
        self._update()

    # -- the grid ------------------------------------------------------------------------

    def _fill(self) -> None:
        self._filling = True
        for position, row in enumerate(self.rows):
            for column, key in enumerate(COLUMNS):
                item = QTableWidgetItem("")
                if key not in ("value", "kind"):
                    item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEditable)
                if key == "kind":
                    item.setData(KIND_ROLE, ReadingKind.READING.value)
                    item.setText(kind_text(ReadingKind.READING))
                if key in ("previous", "value", "used"):
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight
                                          | Qt.AlignmentFlag.AlignVCenter)
                self.grid.setItem(position, column, item)
            self._text(position, "meter", row.meter.code)
            self._text(position, "unit", row.meter.unit_code)
            self._text(position, "register", register_text(row.register))
            self._recompute(position)
        self._filling = False

    def _text(self, row: int, key: str, text: str) -> QTableWidgetItem:
        item = self.grid.item(row, COLUMNS.index(key))
        item.setText(text)
        return item

    def _changed(self, item: QTableWidgetItem) -> None:
        if self._filling or item.column() not in (VALUE, KIND):
            return
        self._filling = True
        self._text(item.row(), "saved", "")  # typed again: what was saved is another figure
        self._said = ""
        self._recompute(item.row())
        self._filling = False
        self._update()

    def _recompute_all(self) -> None:
        self._filling = True
        for position in range(len(self.rows)):
            self._recompute(position)
        self._filling = False
        self._update()

    def _recompute(self, position: int) -> None:
        """The row's previous reading, use and flags for what is typed in it now."""
        row = self.rows[position]
        text = self.grid.item(position, VALUE).text()
        problem = ""
        try:
            value = parse_quantity(text)
        except ValueError:
            value, problem = None, translate("MeterReadings", "“{text}” is not a number").format(
                text=text.strip())
        found = live(row.meter, row.register, self.day(), value, self.kind_of(position))
        if found.flags:
            self._flagged.add(position)
        else:
            self._flagged.discard(position)
        previous = found.previous
        self._text(position, "previous-on", date_text(previous.read_on) if previous else "")
        self._text(position, "previous", quantity_text(previous.value) if previous else "")
        used = self._text(position, "used", quantity_text(found.used))
        used.setForeground(QBrush(QColor(FLAG_COLOUR)) if found.used is not None
                           and found.used < 0 else QBrush())
        flags = self._text(position, "flags", "")
        if problem:
            flags.setText(problem)
            flags.setForeground(QBrush(QColor(FLAG_COLOUR)))
            flags.setToolTip(problem)
        elif found.flags or found.notes:
            flags.setText(flag_names((*found.flags, *found.notes)))
            flags.setForeground(QBrush(QColor(FLAG_COLOUR if found.flags else NOTE_COLOUR)))
            flags.setToolTip("\n".join(said(f) for f in (*found.flags, *found.notes)))
        else:
            flags.setToolTip("")
            flags.setForeground(QBrush())

    # -- in ------------------------------------------------------------------------------

    def set_working(self) -> None:
        self._busy = True
        self._update()

    def set_reports(self, reports: Sequence[Any]) -> None:
        """What became of each reading sent (``services.meters.ReadingReport``, in the order
        sent): saved rows say so, refused ones say why and keep their text."""
        self._busy = False
        self._filling = True
        counts = {"new": 0, "correction": 0, "unchanged": 0, "rejected": 0}
        for position, report in zip(self._sent, reports, strict=False):
            status = str(getattr(report.status, "value", report.status))
            counts[status] = counts.get(status, 0) + 1
            item = self._text(position, "saved", self._saved_text(report, status))
            colour = FLAG_COLOUR if status == "rejected" else SAVED_COLOUR
            item.setForeground(QBrush(QColor(colour)))
            item.setToolTip(item.text())
            if report.flags:  # the app's flags, as written
                flags = self._text(position, "flags", flag_names(report.flags))
                flags.setForeground(QBrush(QColor(FLAG_COLOUR)))
                flags.setToolTip("\n".join(said(f) for f in (*report.flags, *report.notes)))
        self._filling = False
        if counts["rejected"]:
            said_counts = translate(
                "MeterReadings", "Saved in one go: {new} new, {correction} corrected, "
                "{unchanged} already there, {rejected} refused. A refused row keeps what you "
                "typed: correct it and save again.").format(**counts)
        else:
            said_counts = translate(
                "MeterReadings", "Saved in one go: {new} new, {correction} corrected, "
                "{unchanged} already there.").format(**counts)
        self._said, self._said_error = said_counts, bool(counts["rejected"])
        self._update()

    def set_failed(self, text: str) -> None:
        """Nothing was saved (the app could not write): said; everything typed stays."""
        self._busy = False
        self._said, self._said_error = text, True
        self._update()

    def _saved_text(self, report: Any, status: str) -> str:
        if status == "rejected":
            return translate("MeterReadings", "Refused: {why}").format(
                why=said_all(report.reasons))
        if status == "correction":
            return translate("MeterReadings", "Saved: corrects {before}").format(
                before=quantity_text(report.before))
        if status == "unchanged":
            return status_text(status)
        return translate("MeterReadings", "Saved")

    # -- out -----------------------------------------------------------------------------

    def day(self) -> date:
        chosen = self.day_edit.date()
        return date(chosen.year(), chosen.month(), chosen.day())

    def row_of(self, code: str, register: str = "total") -> int:
        for position, row in enumerate(self.rows):
            if row.meter.code == code and row.register == register:
                return position
        raise KeyError(code)

    def type_value(self, code: str, text: str, register: str = "total") -> None:
        """Type ``text`` as the new reading of meter ``code`` (as a person would)."""
        self.grid.item(self.row_of(code, register), VALUE).setText(text)

    def kind_of(self, position: int) -> ReadingKind:
        """The kind chosen for the grid row ``position``."""
        item = self.grid.item(position, KIND)
        try:
            return ReadingKind(item.data(KIND_ROLE) if item is not None else "reading")
        except ValueError:
            return ReadingKind.READING

    def set_kind(self, code: str, kind: ReadingKind | str, register: str = "total") -> None:
        """Choose the kind of meter ``code``'s reading (as the cell's list does)."""
        item = self.grid.item(self.row_of(code, register), KIND)
        chosen = ReadingKind(kind)
        item.setData(KIND_ROLE, chosen.value)
        item.setText(kind_text(chosen))

    def cell(self, code: str, key: str, register: str = "total") -> str:
        return self.grid.item(self.row_of(code, register), COLUMNS.index(key)).text()

    def entries(self) -> list[tuple[int, str, str, Decimal, ReadingKind]]:
        """The rows with a reading that reads: (grid row, meter code, register, value,
        kind)."""
        out = []
        for position, row in enumerate(self.rows):
            try:
                value = parse_quantity(self.grid.item(position, VALUE).text())
            except ValueError:
                continue
            if value is not None:
                out.append((position, row.meter.code, row.register, value,
                            self.kind_of(position)))
        return out

    def request_save(self) -> None:
        if self._busy:
            return
        self.grid.setCurrentCell(self.grid.currentRow(), 0)  # the cell being typed is kept
        entries = self.entries()
        if not entries:
            self._said = translate("MeterReadings", "Type a reading in a row to save it.")
            self._said_error = False
            self._update()
            return
        self._sent = [e[0] for e in entries]
        self.saveRequested.emit(self.day(), entries)

    def reject(self) -> None:
        if not self._busy:
            super().reject()

    # -- showing -------------------------------------------------------------------------

    def _update(self) -> None:
        self.save_button.setEnabled(not self._busy)
        self.day_edit.setEnabled(not self._busy)
        if self._busy:
            text, error = translate("MeterReadings", "Saving the readings…"), False
        elif self._said:
            text, error = self._said, self._said_error
        else:
            text, error = self._typed_text(), False
        self.summary.setText(text)
        self.summary.setStyleSheet(f"color: {FLAG_COLOUR}" if error else "")

    def _typed_text(self) -> str:
        typed = bad = 0
        for position in range(len(self.rows)):
            text = self.grid.item(position, VALUE).text().strip()
            if not text:
                continue
            typed += 1
            try:
                parse_quantity(text)
            except ValueError:
                bad += 1
        return translate("MeterReadings", "{count} meters; {typed} readings typed, {flagged} "
                                  "flagged, {bad} not numbers.").format(
            count=len(self.rows), typed=typed, flagged=len(self._flagged), bad=bad)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)

    def _retranslate(self) -> None:
        self.setWindowTitle(translate("MeterReadings", "Enter readings"))
        self.intro.setText(translate(
            "MeterReadings", "Type each meter's reading as its dial shows it. The use since the "
            "previous reading (multiplier applied) and the flags are worked out as you type: "
            "a fall that is no rollover, a spike, a reading out of order. Save writes them "
            "all in one go; flagged readings are written and are to be checked before "
            "billing.") + " " + translate(
            "MeterReadings", "Kind: an initial (装表) reading opens a new meter's dial as it "
            "is installed, a final (拆表) one closes an old meter's as it is taken out; any "
            "other reading is an ordinary one."))
        self.day_label.setText(translate("MeterReadings", "Read on:"))
        words = {
            "meter": translate("MeterReadings", "Meter"),
            "unit": translate("MeterReadings", "Unit"),
            "register": translate("MeterReadings", "Register"),
            "previous-on": translate("MeterReadings", "Previous day"),
            "previous": translate("MeterReadings", "Previous reading"),
            "value": translate("MeterReadings", "New reading"),
            "used": translate("MeterReadings", "Used ({unit})").format(unit=self.unit)
            if self.unit else translate("MeterReadings", "Used"),
            "flags": translate("MeterReadings", "Flags"),
            "kind": translate("MeterReadings", "Kind"),
            "saved": translate("MeterReadings", "Saved"),
        }
        self.grid.setHorizontalHeaderLabels([words[k] for k in COLUMNS])
        self.grid.horizontalHeaderItem(KIND).setToolTip(translate(
            "MeterReadings", "Initial (装表): a new meter's first figure, on the day it is "
            "installed; Final (拆表): an old meter's last, on the day it is taken out"))
        filling, self._filling = self._filling, True
        for position, row in enumerate(self.rows):
            self.grid.item(position, COLUMNS.index("register")).setText(
                register_text(row.register))
            self.grid.item(position, KIND).setText(kind_text(self.kind_of(position)))
        self._filling = filling
        self.save_button.setText(translate("MeterReadings", "Save"))
        self.close_button.setText(translate("MeterReadings", "Close"))
        self._update()
