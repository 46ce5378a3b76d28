"""Billing ▸ Holidays…: the park's working calendar, a year at a time.

The days that are not what their weekday says: public holidays on weekdays (休)
and the weekend days worked in their place (调休 补班, 班). Collections counts
working days with them (the call within a working day, the legal review's five).
A year is listed day by day (date, weekday, 休 or 班, name); a day is added with
its kind and name, or removed; Import… reads a year's calendar from CSV or Excel
(日期, 类型 休/班, 名称), which is rehearsed first (:class:`HolidayImportDialog`:
what would be added or changed, what is there already, what is refused and why)
and written only when confirmed.

The dialog shows and emits (:attr:`HolidaysDialog.yearChanged`,
:attr:`~HolidaysDialog.addRequested`, :attr:`~HolidaysDialog.removeRequested`,
:attr:`~HolidaysDialog.importRequested`); the app writes and hands the year back
read again (:meth:`HolidaysDialog.set_days`). Days are
``services.finance_settings.HolidayDay`` (duck-typed).
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import Any

from PySide6.QtCore import QCoreApplication, QDate, QEvent, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from views.message_text import joined, message_text
from views.record_review_dialog import RecordReviewDialog

translate = QCoreApplication.translate
HOLIDAY, WORKDAY = "holiday", "workday"  # services.finance_settings' kinds
ERROR_COLOUR = "#b3261e"
WORKDAY_COLOUR = "#1f5fa8"
DATE_FORMAT = "yyyy-MM-dd"
NAME_LIMIT = 100


def kind_text(kind: str) -> str:
    """休 or 班 in words."""
    return {
        HOLIDAY: lambda: translate("Holidays", "Holiday (day off)"),
        WORKDAY: lambda: translate("Holidays", "Make-up working day"),
    }.get(kind, lambda: kind)()


def weekday_text(day: date) -> str:
    return (translate("Holidays", "Monday"), translate("Holidays", "Tuesday"),
            translate("Holidays", "Wednesday"), translate("Holidays", "Thursday"),
            translate("Holidays", "Friday"), translate("Holidays", "Saturday"),
            translate("Holidays", "Sunday"))[day.weekday()]


def _qdate(day: date) -> QDate:
    return QDate(day.year, day.month, day.day)


class HolidaysDialog(QDialog):
    """A year of the park's calendar; add and remove days, import a year's file."""

    yearChanged = Signal(int)
    addRequested = Signal(object, str, str)  # day, kind, name
    removeRequested = Signal(object)  # day
    importRequested = Signal(str)  # the calendar file

    def __init__(self, year: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("holidays-dialog")
        self.days: list[Any] = []
        self.intro = QLabel(self)
        self.intro.setWordWrap(True)
        self.year_label = QLabel(self)
        self.year_spin = QSpinBox(self)
        self.year_spin.setObjectName("year")
        self.year_spin.setRange(2000, 2100)
        self.year_spin.setValue(year)
        self.year_spin.valueChanged.connect(self.yearChanged.emit)
        self.year_label.setBuddy(self.year_spin)
        self.table = QTableWidget(0, 4, self)
        self.table.setObjectName("days")
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        self.table.itemSelectionChanged.connect(self._update)
        self.summary = QLabel(self)

        self.day_edit = QDateEdit(_qdate(date(year, 1, 1)), self)
        self.day_edit.setObjectName("day")
        self.day_edit.setDisplayFormat(DATE_FORMAT)
        self.day_edit.setCalendarPopup(True)
        self.kind_combo = QComboBox(self)
        self.kind_combo.setObjectName("kind")
        self.kind_combo.addItem("", HOLIDAY)
        self.kind_combo.addItem("", WORKDAY)
        self.name_edit = QLineEdit(self)
        self.name_edit.setObjectName("name")
        self.name_edit.setMaxLength(NAME_LIMIT)
        self.add_button = QPushButton(self)
        self.add_button.setObjectName("add-button")
        self.add_button.clicked.connect(self._add)
        self.remove_button = QPushButton(self)
        self.remove_button.setObjectName("remove-button")
        self.remove_button.clicked.connect(self._remove)
        self.import_button = QPushButton(self)
        self.import_button.setObjectName("import-button")
        self.import_button.clicked.connect(self._choose_file)
        self.status = QLabel(self)
        self.status.setObjectName("status")
        self.status.setWordWrap(True)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self.buttons.rejected.connect(self.reject)

        top = QHBoxLayout()
        top.addWidget(self.year_label)
        top.addWidget(self.year_spin)
        top.addWidget(self.summary, 1)
        top.addWidget(self.import_button)
        adding = QHBoxLayout()
        adding.addWidget(self.day_edit)
        adding.addWidget(self.kind_combo)
        adding.addWidget(self.name_edit, 1)
        adding.addWidget(self.add_button)
        adding.addWidget(self.remove_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)
        layout.addLayout(adding)
        layout.addWidget(self.status)
        layout.addWidget(self.buttons)
        self.resize(720, 560)
        self._working = False
        self._retranslate()

    # -- in ------------------------------------------------------------------------------

    def year(self) -> int:
        return self.year_spin.value()

    def set_days(self, year: int, days: Sequence[Any]) -> None:
        """Show ``year``'s calendar days (the app read them); a stale year's are dropped."""
        if year != self.year():
            return
        self._working = False
        self.days = sorted(days, key=lambda d: d.day)
        self.table.setRowCount(len(self.days))
        for row, entry in enumerate(self.days):
            cells = (entry.day.isoformat(), weekday_text(entry.day), kind_text(entry.kind),
                     entry.name)
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if entry.kind == WORKDAY:
                    item.setForeground(QColor(WORKDAY_COLOUR))
                self.table.setItem(row, column, item)
        self.table.resizeColumnsToContents()
        self._update()

    def set_status(self, text: str, error: bool = False) -> None:
        self._working = False
        self.status.setText(text)
        self.status.setStyleSheet(f"color: {ERROR_COLOUR}" if error else "")
        self._update()

    # -- what is chosen ------------------------------------------------------------------

    def selected_day(self) -> Any | None:
        rows = self.table.selectionModel().selectedRows()
        return self.days[rows[0].row()] if rows and rows[0].row() < len(self.days) else None

    def select_day(self, day: date) -> None:
        for row, entry in enumerate(self.days):
            if entry.day == day:
                self.table.selectRow(row)
                return
        raise LookupError(day)

    def choose(self, day: date, kind: str, name: str = "") -> None:
        """Fill the adding row (as a person does)."""
        self.day_edit.setDate(_qdate(day))
        self.kind_combo.setCurrentIndex(self.kind_combo.findData(kind))
        self.name_edit.setText(name)

    # -- out -----------------------------------------------------------------------------

    def _add(self) -> None:
        if self._working:
            return
        value = self.day_edit.date()
        self._working = True
        self.status.setText(self.tr("Saving…"))
        self.status.setStyleSheet("")
        self._update()
        self.addRequested.emit(date(value.year(), value.month(), value.day()),
                               str(self.kind_combo.currentData()), self.name_edit.text().strip())

    def _remove(self) -> None:
        entry = self.selected_day()
        if entry is None or self._working:
            return
        self._working = True
        self._update()
        self.removeRequested.emit(entry.day)

    def _choose_file(self) -> None:
        path, _filter = QFileDialog.getOpenFileName(
            self, self.tr("Import a holiday calendar"), "",
            self.tr("Calendars (*.xlsx *.xls *.csv);;All files (*)"))
        if path:
            self.importRequested.emit(path)

    # -- showing -------------------------------------------------------------------------

    def _update(self) -> None:
        self.add_button.setEnabled(not self._working)
        self.remove_button.setEnabled(not self._working and self.selected_day() is not None)
        off = sum(1 for d in self.days if d.kind == HOLIDAY)
        worked = len(self.days) - off
        self.summary.setText(self.tr("%1 holidays, %2 make-up working days").replace(
            "%1", str(off)).replace("%2", str(worked)))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)

    def _retranslate(self) -> None:
        self.setWindowTitle(self.tr("Holidays"))
        self.intro.setText(self.tr(
            "The park's public holidays and the weekend days worked in their place (调休). "
            "Collections counts working days with them: a call within a working day, a "
            "legal review within five."))
        self.year_label.setText(self.tr("Year:"))
        self.table.setHorizontalHeaderLabels([self.tr("Date"), self.tr("Weekday"),
                                              self.tr("Kind"), self.tr("Name")])
        self.kind_combo.setItemText(0, kind_text(HOLIDAY))
        self.kind_combo.setItemText(1, kind_text(WORKDAY))
        self.name_edit.setPlaceholderText(self.tr("Name (国庆节, 春节 …)"))
        self.add_button.setText(self.tr("Add"))
        self.remove_button.setText(self.tr("Remove"))
        self.import_button.setText(self.tr("Import…"))
        self.buttons.button(QDialogButtonBox.StandardButton.Close).setText(self.tr("Close"))
        if self.days:
            self.set_days(self.year(), self.days)
        self._update()


# -- importing a calendar ------------------------------------------------------------------


def import_line_text(line: Any) -> str:
    """What a line of the file does, or why it is refused."""
    where = translate("Holidays", "Row %1").replace("%1", str(line.row))
    day = line.day.isoformat() if line.day is not None else ""
    what = kind_text(line.kind) if line.kind else ""
    if line.outcome == "add":
        said = translate("Holidays", "%1: add %2, %3 %4")
    elif line.outcome == "change":
        said = translate("Holidays", "%1: change %2 to %3 %4")
    elif line.outcome == "same":
        said = translate("Holidays", "%1: %2 is there already")
    else:
        return translate("Holidays", "%1: refused: %2").replace("%1", where).replace(
            "%2", joined(message_text(p) for p in line.problems))
    return (said.replace("%1", where).replace("%2", day).replace("%3", what)
            .replace("%4", line.name).strip())


class HolidayImportDialog(RecordReviewDialog):
    """A calendar file's rehearsal; Record writes what it adds and changes (the app does)."""

    object_name = "holiday-import-dialog"
    size_hint = (720, 480)

    def writes(self) -> int:
        return len(self.plan.to_add) + len(self.plan.to_change)

    def line_text(self, line: Any) -> str:
        return import_line_text(line)

    def working_text(self) -> str:
        return self.tr("Saving…")

    def _retranslate(self) -> None:
        plan = self.plan
        self.setWindowTitle(self.tr("Import a holiday calendar: %1").replace("%1", plan.file))
        self.summary.setText(
            self.tr("%1 days to add, %2 to change, %3 there already, %4 refused. Nothing is "
                    "written until you record them.")
            .replace("%1", str(len(plan.to_add))).replace("%2", str(len(plan.to_change)))
            .replace("%3", str(len(plan.same))).replace("%4", str(len(plan.refused))))
        self.record_button.setText(self.tr("Record %1 days").replace("%1", str(self.writes())))
        self.close_button.setText(self.tr("Cancel"))
        super()._retranslate()
