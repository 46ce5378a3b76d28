"""A rent schedule as a finance person reads it: one row per bill line, each saying why.

Columns: the period billed, its due date, what it bills (rent or a charge),
the amount (right-aligned, to the cent, thousands separated) and the reasons
in words (:mod:`views.contract_text`). After the lines, a total per charge
(and the grand total when there are several), then what the engine found
(a CPI year not known, sales not reported …) spanning the row. Every cell's
text is made once in :meth:`ScheduleTable.set_schedule`, so a 10-year monthly
schedule with charges (240+ rows) repaints without calling back into the rules.
Ctrl+C (or the context menu) copies the selected rows, or all, as TSV with
plain amounts (``60000.00``) a spreadsheet reads as numbers.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal
from enum import Enum
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QEvent, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor, QContextMenuEvent, QFont, QGuiApplication, QKeySequence
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QMenu, QTableView, QWidget

from domain.leasing.schedule import Problem, ScheduleLine
from domain.money import ZERO
from views.contract_text import (
    amount_text,
    charge_text,
    reason_text,
    schedule_problem_texts,
)
from views.labels import currency_name
from views.message_text import translate

AnyIndex = QModelIndex | QPersistentModelIndex
PERIOD, DUE, CHARGE, AMOUNT, WHY = range(5)
WIDTHS = (23, 11, 13, 14, 40)  # starting widths in average characters
_RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
_LEFT = int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
PROBLEM_COLOUR = "#b3261e"
TOTAL_BACKGROUND = "#eef1f5"


class RowKind(Enum):
    LINE = "line"
    TOTAL = "total"  # one charge's total
    GRAND = "grand"  # every charge together
    PROBLEM = "problem"


@dataclass(frozen=True)
class _Row:
    kind: RowKind
    cells: tuple[str, str, str, str, str]
    amount: Decimal | None  # plain, for copying
    tip: str = ""


def _headers() -> list[str]:
    return [translate("ScheduleTable", "Period"), translate("ScheduleTable", "Due"),
            translate("ScheduleTable", "Charge"), translate("ScheduleTable", "Amount"),
            translate("ScheduleTable", "Why")]


class ScheduleModel(QAbstractTableModel):
    """The rows made by :meth:`ScheduleTable.set_schedule`, shown as they are."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.rows: list[_Row] = []
        self.currency = ""
        self._bold = QFont()
        self._bold.setBold(True)
        self._problem = QBrush(QColor(PROBLEM_COLOUR))
        self._total = QBrush(QColor(TOTAL_BACKGROUND))

    def set_rows(self, rows: list[_Row]) -> None:
        self.beginResetModel()
        self.rows = rows
        self.endResetModel()

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 5

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation != Qt.Orientation.Horizontal:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            title = _headers()[section]
            if section == AMOUNT and self.currency:
                return f"{title} ({currency_name(self.currency)})"
            return title
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return _RIGHT if section == AMOUNT else _LEFT
        return None

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row = self.rows[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return row.cells[column]
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return _RIGHT if column == AMOUNT and row.kind is not RowKind.PROBLEM else _LEFT
        if role == Qt.ItemDataRole.ToolTipRole:
            return row.tip or None
        if role == Qt.ItemDataRole.FontRole and row.kind in (RowKind.TOTAL, RowKind.GRAND):
            return self._bold
        if role == Qt.ItemDataRole.ForegroundRole and row.kind is RowKind.PROBLEM:
            return self._problem
        if role == Qt.ItemDataRole.BackgroundRole and row.kind in (RowKind.TOTAL,
                                                                   RowKind.GRAND):
            return self._total
        return None

    def retitle(self) -> None:
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, 4)


class ScheduleTable(QTableView):
    """The lines of a schedule, their totals and the problems found; copies as TSV."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.schedule_model = ScheduleModel(self)
        self.setModel(self.schedule_model)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setAlternatingRowColors(True)
        self.setWordWrap(False)
        self.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.verticalHeader().hide()
        self.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 8)
        header = self.horizontalHeader()
        header.setStretchLastSection(True)
        header.setHighlightSections(False)
        self._lines: list[ScheduleLine] = []
        self._problems: list[Problem] = []
        self._spans: list[int] = []
        self.size_columns()

    # -- in -------------------------------------------------------------------------------

    def set_currency(self, code: str) -> None:
        """The park's currency, said in the Amount column's title."""
        self.schedule_model.currency = code
        self.schedule_model.retitle()

    def set_schedule(self, lines: Sequence[ScheduleLine], problems: Sequence[Problem] = ()
                     ) -> None:
        """Show ``lines`` in their order, a total per charge, then ``problems``."""
        self._lines, self._problems = list(lines), list(problems)
        self._rebuild()

    def clear_schedule(self) -> None:
        self.set_schedule([], [])

    def _rebuild(self) -> None:
        for row in self._spans:
            self.setSpan(row, 0, 1, 1)
        self._spans = []
        rows: list[_Row] = []
        totals: dict[str, Decimal] = {}
        separator = translate("ScheduleTable", "; ")  # between a line's reasons
        said: dict[tuple[str, tuple[tuple[str, str], ...]], str] = {}  # lines share reasons
        for line in self._lines:
            reasons = []
            for reason in line.reasons:
                key = (reason.code, tuple(reason.params.items()))
                text = said.get(key)
                if text is None:
                    text = said[key] = reason_text(reason)
                reasons.append(text)
            start, end = line.starts_on.isoformat(), line.ends_on.isoformat()
            rows.append(_Row(RowKind.LINE, (
                f"{start} – {end}", line.due_on.isoformat(), charge_text(line.charge),
                amount_text(line.amount), separator.join(reasons)), line.amount,
                "\n".join(reasons)))
            totals[line.charge] = totals.get(line.charge, ZERO) + line.amount
        for charge, amount in totals.items():
            said = charge_text(charge)
            if ":" not in charge:  # a kind's word goes lower case mid-sentence, a name not
                said = said[:1].lower() + said[1:]
            title = translate("ScheduleTable", "Total {charge}").replace("{charge}", said)
            rows.append(_Row(RowKind.TOTAL, (title, "", "", amount_text(amount), ""), amount))
        if len(totals) > 1:
            grand = sum(totals.values(), ZERO)
            rows.append(_Row(RowKind.GRAND, (
                translate("ScheduleTable", "Total, every charge"), "", "", amount_text(grand),
                ""), grand))
        for text in schedule_problem_texts(self._problems):
            rows.append(_Row(RowKind.PROBLEM, (f"⚠ {text}", "", "", "", ""), None, text))
        self.schedule_model.set_rows(rows)
        for i, row in enumerate(rows):
            if row.kind is RowKind.PROBLEM:
                self.setSpan(i, 0, 1, 5)
                self._spans.append(i)
            elif row.kind is not RowKind.LINE:
                self.setSpan(i, 0, 1, 3)
                self._spans.append(i)

    def size_columns(self) -> None:
        char = self.fontMetrics().averageCharWidth()
        header = self.horizontalHeader()
        for column, width in enumerate(WIDTHS):
            header.resizeSection(column, width * char + 16)
        # The dates and amounts never wrap or elide: wide enough for their longest text.
        period = self.fontMetrics().horizontalAdvance("0000-00-00 – 0000-00-00") + 20
        header.resizeSection(PERIOD, max(header.sectionSize(PERIOD), period))

    # -- out ------------------------------------------------------------------------------

    def lines(self) -> list[ScheduleLine]:
        return list(self._lines)

    def totals(self) -> dict[str, Decimal]:
        """Each charge's total (``rent`` and the charges' codes), as the total rows show."""
        found: dict[str, Decimal] = {}
        for line in self._lines:
            found[line.charge] = found.get(line.charge, ZERO) + line.amount
        return found

    def texts(self, kind: RowKind | None = None) -> list[tuple[str, ...]]:
        """The rows' cells as shown (of one kind, or all)."""
        return [r.cells for r in self.schedule_model.rows if kind is None or r.kind is kind]

    def problem_texts(self) -> list[str]:
        return [r.tip for r in self.schedule_model.rows if r.kind is RowKind.PROBLEM]

    def tsv(self, rows: Sequence[int] | None = None) -> str:
        """The rows (all when None) as tab-separated text, the header first, amounts plain."""
        model = self.schedule_model
        chosen = range(len(model.rows)) if rows is None else sorted(set(rows))
        out = ["\t".join(model.headerData(c, Qt.Orientation.Horizontal) for c in range(5))]
        for i in chosen:
            row = model.rows[i]
            cells = list(row.cells)
            if row.amount is not None:
                cells[AMOUNT] = str(row.amount)
            out.append("\t".join(c.replace("\t", " ").replace("\n", " ") for c in cells))
        return "\n".join(out) + "\n"

    def copy(self) -> str:
        """Copy the selected rows (all when none is selected) to the clipboard as TSV."""
        selected = [i.row() for i in self.selectionModel().selectedRows()]
        text = self.tsv(selected or None)
        QGuiApplication.clipboard().setText(text)
        return text

    def keyPressEvent(self, event: Any) -> None:
        if event.matches(QKeySequence.StandardKey.Copy):
            self.copy()
            event.accept()
            return
        super().keyPressEvent(event)

    def contextMenuEvent(self, event: QContextMenuEvent) -> None:
        menu = QMenu(self)
        menu.addAction(translate("ScheduleTable", "Copy as TSV"), self.copy)
        menu.exec(event.globalPos())

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.schedule_model.retitle()
            self._rebuild()
        super().changeEvent(event)
