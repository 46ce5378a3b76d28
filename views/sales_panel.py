"""A turnover contract's months: the sales reported, and the rent each month makes of them.

Turnover rent (保底 + 扣率) bills the higher of the base rent or a share of a
month's sales, so a month without its sales bills the base alone and says
so. The panel lists the months of the term up to the viewed day (or the
end), each with its sales — typed in place, a Decimal, right-aligned — and
what that month's schedule line bills: the base, the turnover part and the
rent. A month not reported says "not reported". Typing a figure emits
:attr:`SalesPanel.sales_entered`; the app writes it and hands the contract
back read again, so the line shown is always the engine's. A figure entered by
mistake is taken back from the row's context menu or with Delete: once the
person confirms (the box names the month and the amount),
:attr:`SalesPanel.sales_cleared` asks the app to remove it, and the month bills
the base rent again, "not reported". "Import…" emits
:attr:`SalesPanel.import_requested`: a spreadsheet of many contracts'
months is rehearsed and imported in :class:`SalesImportDialog`, which shows
the report (``services.sales_import.SalesImportReport.to_json()``).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from decimal import Decimal, InvalidOperation
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QEvent,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QPoint,
    Qt,
    Signal,
)
from PySide6.QtGui import QAction, QBrush, QColor, QFont, QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMenu,
    QMessageBox,
    QPushButton,
    QTableView,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from domain.leasing.clauses import Turnover
from domain.leasing.schedule import RENT, ScheduleLine
from domain.money import money
from views.contract_text import amount_text, fraction_percent
from views.labels import currency_name
from views.sales_text import reason_text

translate = QCoreApplication.translate
AnyIndex = QModelIndex | QPersistentModelIndex
MONTH, SALES, BASE, TURNOVER, RENT_COLUMN, SOURCE = range(6)
_RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
_LEFT = int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
MISSING_COLOUR = "#8a8a8a"
ERROR_COLOUR = "#b3261e"
TURNOVER_COLOUR = "#1e6b35"
SOURCE_ENTERED = "entered"  # services.sales_import.SOURCE_ENTERED: typed in this panel


@dataclass(frozen=True)
class SalesMonth:
    """One month of the term: its reported sales and what its schedule line bills.

    ``base``/``turnover``/``rent`` are None when no line of the month's own bills it (a
    quarter's second month, a term billed by periods across months: turnover is reckoned per
    calendar month only); ``turnover`` is None when the sales are missing.
    """

    month: date  # the first day
    sales: Decimal | None
    source: str
    base: Decimal | None
    turnover: Decimal | None
    rent: Decimal | None
    reckoned: bool  # the line is this month's alone, so turnover is reckoned on it


def _months(first: date, last: date) -> list[date]:
    months, day = [], first.replace(day=1)
    while day <= last:
        months.append(day)
        day = date(day.year + day.month // 12, day.month % 12 + 1, 1)
    return months


def sales_months(starts_on: date, ends_on: date, on: date, lines: Sequence[ScheduleLine],
                 sales: Sequence[tuple[date, Decimal, str]]) -> list[SalesMonth]:
    """The term's months from its start to ``on`` (or its end), newest last, each with its
    sales and the base, turnover part and rent reckoned for it. A quarterly (or longer)
    line reckons each of its months on its own; its reasons name the month."""
    reported = {month.replace(day=1): (amount, source) for month, amount, source in sales}
    by_month: dict[date, list[ScheduleLine]] = {}
    said: dict[date, list[Any]] = {}
    for line in lines:
        if line.charge != RENT:
            continue
        by_month.setdefault(line.starts_on.replace(day=1), []).append(line)
        for reason in line.reasons:
            if reason.code in ("turnover", "sales-missing"):
                month = _month(reason.params.get("month")) or line.starts_on.replace(day=1)
                said.setdefault(month, []).append(reason)
    rows = []
    for month in _months(starts_on, min(on, ends_on)):
        amount, source = reported.get(month, (None, ""))
        reasons = said.get(month, [])
        parts = [Decimal(r.params.get("amount", "0")) for r in reasons if r.code == "turnover"]
        turnover = sum(parts, Decimal(0)) if parts else None
        bases = [Decimal(r.params["base"]) for r in reasons if "base" in r.params]
        if bases:
            base: Decimal | None = sum(bases, Decimal(0))
            rent = base + (turnover or Decimal(0)) if base is not None else None
        else:  # a month no reason speaks for: the rent lines starting in it
            own = by_month.get(month, [])
            rent = sum((x.amount for x in own), Decimal(0)) if own else None
            base = None if rent is None else rent - (turnover or Decimal(0))
        rows.append(SalesMonth(month, amount, source, base, turnover, rent, bool(reasons)))
    return rows


def _month(text: str | None) -> date | None:
    """A reason's month (2027-01-01 or 2027-01) as its first day; None when it names none."""
    if not text:
        return None
    try:
        return date.fromisoformat(text if len(text) > 7 else text + "-01").replace(day=1)
    except ValueError:
        return None


def parse_amount(text: str) -> Decimal | None:
    """A figure as typed (520000, 520,000.00, ¥520000): None unless it is an amount ≥ 0."""
    bare = text.strip().replace(",", "").replace("，", "").replace(" ", "")
    for mark in ("¥", "￥", "元"):
        bare = bare.replace(mark, "")
    try:
        value = Decimal(bare)
    except (InvalidOperation, ValueError):
        return None
    if not value.is_finite() or value < 0:
        return None
    return money(value)


def clause_text(clause: Turnover) -> str:
    """The turnover clause in one line: its rate, its breakpoint, bands and limits."""
    rate = fraction_percent(clause.tiers[0][1] if clause.tiers else clause.rate)
    said = (translate("SalesPanel", "%1% of sales above the natural breakpoint (the base "
                                    "rent ÷ %1%)").replace("%1", rate)
            if clause.breakpoint is None else
            translate("SalesPanel", "%1% of sales above %2 a month").replace("%1", rate)
            .replace("%2", amount_text(clause.breakpoint)))
    if len(clause.tiers) > 1:
        bands = [translate("SalesPanel", "%1% up to %2").replace("%1", fraction_percent(r))
                 .replace("%2", amount_text(upper)) if upper is not None else
                 translate("SalesPanel", "%1% beyond").replace("%1", fraction_percent(r))
                 for upper, r in clause.tiers]
        said += translate("SalesPanel", "; by bands: %1").replace(
            "%1", translate("SalesPanel", ", ").join(bands))
    if clause.minimum is not None:
        said += translate("SalesPanel", "; at least %1 a month").replace(
            "%1", amount_text(clause.minimum))
    if clause.maximum is not None:
        said += translate("SalesPanel", "; at most %1 a month").replace(
            "%1", amount_text(clause.maximum))
    return said


def source_text(source: str) -> str:
    """Where a figure came from: typed here, a file's row, or as another program wrote it."""
    if source == SOURCE_ENTERED:
        return translate("SalesPanel", "entered")
    if source.startswith("import:") and "#" in source:
        name, _sep, row = source[len("import:"):].rpartition("#")
        return translate("SalesPanel", "%1, row %2").replace("%1", name).replace("%2", row)
    return source


class SalesModel(QAbstractTableModel):
    """The months; the Sales column edits (a figure typed waits, italic, until written)."""

    entered = Signal(object, object)  # month (date), amount (Decimal)
    refused = Signal(object, str)  # month, the text typed

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.rows: list[SalesMonth] = []
        self.pending: dict[date, Decimal] = {}  # typed, not yet read back
        self.currency = ""
        self._grey = QBrush(QColor(MISSING_COLOUR))
        self._green = QBrush(QColor(TURNOVER_COLOUR))
        self._italic = QFont()
        self._italic.setItalic(True)

    def set_rows(self, rows: Sequence[SalesMonth]) -> None:
        """The months as read; a figure typed stays shown until it is read back."""
        stored = {r.month: r.sales for r in rows}
        self.beginResetModel()
        self.rows = list(rows)
        self.pending = {m: v for m, v in self.pending.items() if m in stored and stored[m] != v}
        self.endResetModel()

    def forget(self, month: date) -> None:
        """Drop a figure typed for ``month`` (it was not written)."""
        if self.pending.pop(month, None) is not None and (at := self.row_of(month)) is not None:
            self.dataChanged.emit(self.index(at, 0), self.index(at, 5))

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 6

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation != Qt.Orientation.Horizontal:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            titles = (translate("SalesPanel", "Month"), translate("SalesPanel", "Sales"),
                      translate("SalesPanel", "Base rent"),
                      translate("SalesPanel", "Turnover rent"), translate("SalesPanel", "Rent"),
                      translate("SalesPanel", "Source"))
            title = titles[section]
            if section in (SALES, BASE, TURNOVER, RENT_COLUMN) and self.currency:
                return f"{title} ({currency_name(self.currency)})"
            return title
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return _RIGHT if section in (SALES, BASE, TURNOVER, RENT_COLUMN) else _LEFT
        return None

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        flags = super().flags(index)
        if index.isValid() and index.column() == SALES:
            flags |= Qt.ItemFlag.ItemIsEditable
        return flags

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row, column = self.rows[index.row()], index.column()
        typed = self.pending.get(row.month)
        if role == Qt.ItemDataRole.EditRole and column == SALES:
            value = typed if typed is not None else row.sales
            return "" if value is None else str(value)
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(row, column, typed)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return _RIGHT if column in (SALES, BASE, TURNOVER, RENT_COLUMN) else _LEFT
        if role == Qt.ItemDataRole.ForegroundRole:
            if column == SALES and row.sales is None and typed is None:
                return self._grey
            if column == TURNOVER and row.turnover:
                return self._green
        if role == Qt.ItemDataRole.FontRole and column == SALES and (
                typed is not None or row.sales is None):
            return self._italic
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tip(row)
        return None

    @staticmethod
    def _text(row: SalesMonth, column: int, typed: Decimal | None) -> str:
        if column == MONTH:
            return row.month.isoformat()[:7]
        if column == SALES:
            if typed is not None:
                return amount_text(typed)
            return (translate("SalesPanel", "not reported") if row.sales is None
                    else amount_text(row.sales))
        if column == SOURCE:
            return (translate("SalesPanel", "saving…") if typed is not None
                    else source_text(row.source))
        value = {BASE: row.base, TURNOVER: row.turnover, RENT_COLUMN: row.rent}[column]
        if column == TURNOVER and value is None and row.rent is not None:
            return "—"
        return "" if value is None else amount_text(value)

    @staticmethod
    def _tip(row: SalesMonth) -> str | None:
        if row.rent is None:
            return translate("SalesPanel", "No line of this month's own: it is billed with "
                                           "the period it belongs to.")
        if not row.reckoned:
            return translate("SalesPanel", "No turnover rent is reckoned for this month: no "
                                           "rent is due for it.")
        if row.sales is None:
            return translate("SalesPanel", "No sales reported: the month bills the base rent "
                                           "alone until they are.")
        return None

    def setData(self, index: AnyIndex, value: Any, role: int = Qt.ItemDataRole.EditRole
                ) -> bool:
        if role != Qt.ItemDataRole.EditRole or not index.isValid() or index.column() != SALES:
            return False
        row = self.rows[index.row()]
        text = str(value or "").strip()
        if not text:
            return False  # a figure is corrected, never removed
        amount = parse_amount(text)
        if amount is None:
            self.refused.emit(row.month, text)
            return False
        shown = self.pending.get(row.month)
        if amount == (row.sales if shown is None else shown):
            return False
        self.pending[row.month] = amount
        self.dataChanged.emit(self.index(index.row(), 0), self.index(index.row(), 5))
        self.entered.emit(row.month, amount)
        return True

    def row_of(self, month: date) -> int | None:
        return next((i for i, r in enumerate(self.rows) if r.month == month), None)

    def retitle(self) -> None:
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, 5)


class SalesPanel(QWidget):
    """A turnover contract's months, their sales (typed in place) and the rent they make."""

    sales_entered = Signal(object, object)  # month (date, the first day), amount (Decimal)
    sales_cleared = Signal(object)  # month (date, the first day): its figure taken back
    import_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.caption = QLabel(self)
        self.caption.setWordWrap(True)
        self.summary = QLabel(self)
        self.status = QLabel(self)
        self.status.setWordWrap(True)
        self.model = SalesModel(self)
        self.model.entered.connect(self._entered)
        self.model.refused.connect(self._refused)
        self.table = QTableView(self)
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.DoubleClicked
                                   | QAbstractItemView.EditTrigger.EditKeyPressed
                                   | QAbstractItemView.EditTrigger.AnyKeyPressed)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 8)
        header = self.table.horizontalHeader()
        header.setStretchLastSection(True)
        header.setHighlightSections(False)
        width = self.fontMetrics().averageCharWidth()
        for column, chars in enumerate((9, 16, 14, 14, 14, 20)):
            self.table.setColumnWidth(column, chars * width)
        self.table.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.table.customContextMenuRequested.connect(self._context_menu)
        self.table.installEventFilter(self)
        self.clear_action = QAction(self)
        self.clear_action.triggered.connect(lambda: self.ask_clear(self._current_month()))
        self.menu: QMenu | None = None  # the row's context menu while it is up
        self.confirm: QMessageBox | None = None  # the question before a figure is taken back
        self.import_button = QPushButton(self)
        self.import_button.clicked.connect(self.import_requested)
        row = QHBoxLayout()
        row.addWidget(self.summary, 1)
        row.addWidget(self.import_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.caption)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.status)
        layout.addLayout(row)
        self._starts_on: date | None = None
        self._clause: Turnover | None = None
        self._retranslate()

    # -- in ------------------------------------------------------------------------------

    def set_months(self, months: Sequence[SalesMonth], currency: str = "",
                   clause: Turnover | None = None, starts_on: date | None = None) -> None:
        """Show ``months`` (read again after a figure was written: a figure typed stays until
        it is read back), under the turnover ``clause`` said in words."""
        current = self.table.currentIndex()
        month = (self.model.rows[current.row()].month
                 if current.isValid() and current.row() < len(self.model.rows) else None)
        self._clause, self._starts_on = clause, starts_on
        self.model.currency = currency
        self.model.set_rows(months)
        self.model.retitle()
        if month is not None and (at := self.model.row_of(month)) is not None:
            self.table.setCurrentIndex(self.model.index(at, SALES))
        else:
            self.table.scrollToBottom()  # the latest months are the ones reported next
        self._say()

    def set_status(self, text: str, error: bool = False) -> None:
        self.status.setText(text)
        self.status.setStyleSheet(f"color: {ERROR_COLOUR}" if error else "")

    def months(self) -> list[SalesMonth]:
        return list(self.model.rows)

    def enter(self, month: date, text: str) -> bool:
        """Type ``text`` as ``month``'s sales, as a person's edit of the cell does."""
        at = self.model.row_of(month.replace(day=1))
        if at is None:
            return False
        return self.model.setData(self.model.index(at, SALES), text)

    def can_clear(self, month: date | None) -> bool:
        """Whether ``month`` has a figure to take back (none while a typed one is saving)."""
        at = None if month is None else self.model.row_of(month.replace(day=1))
        if at is None:
            return False
        row = self.model.rows[at]
        return row.sales is not None and row.month not in self.model.pending

    def ask_clear(self, month: date | None) -> QMessageBox | None:
        """Ask whether to take ``month``'s figure back (window-modal, never blocking); Yes
        emits :attr:`sales_cleared`. None when the month has no figure to take back."""
        if month is None or not self.can_clear(month):
            return None
        month = month.replace(day=1)
        at = self.model.row_of(month)
        sales = None if at is None else self.model.rows[at].sales
        amount = "" if sales is None else amount_text(sales)
        if self.model.currency:
            amount = f"{amount} {currency_name(self.model.currency)}"
        if self.confirm is not None:
            self.confirm.close()
        box = self.confirm = QMessageBox(
            QMessageBox.Icon.Question, translate("SalesPanel", "Take back sales"),
            translate("SalesPanel", "Take back the sales of %1 (%2)? The month bills the base "
                                    "rent alone until its sales are reported again.")
            .replace("%1", month.isoformat()[:7]).replace("%2", amount),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel, self)
        box.setDefaultButton(QMessageBox.StandardButton.Cancel)  # a figure is not lost by Enter
        box.setWindowModality(Qt.WindowModality.WindowModal)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.destroyed.connect(lambda *_: self._forget_confirm(box))
        box.finished.connect(lambda answer: self._answered(month, answer))
        box.open()
        return box

    def _forget_confirm(self, box: QMessageBox) -> None:
        if self.confirm is box:
            self.confirm = None

    def _answered(self, month: date, answer: int) -> None:
        if answer != QMessageBox.StandardButton.Yes or not self.can_clear(month):
            return
        self.set_status(translate("SalesPanel", "Taking back the sales of %1…")
                        .replace("%1", month.isoformat()[:7]))
        self.sales_cleared.emit(month)

    def _current_month(self) -> date | None:
        current = self.table.currentIndex()
        if not current.isValid() or current.row() >= len(self.model.rows):
            return None
        return self.model.rows[current.row()].month

    def _context_menu(self, at: QPoint) -> QMenu | None:
        """The row's menu under the pointer: take its figure back."""
        index = self.table.indexAt(at)
        if not index.isValid():
            return None
        self.table.setCurrentIndex(self.model.index(index.row(), SALES))
        month = self.model.rows[index.row()].month
        self.clear_action.setText(translate("SalesPanel", "Take back the sales of %1…")
                                  .replace("%1", month.isoformat()[:7]))
        self.clear_action.setEnabled(self.can_clear(month))
        if self.menu is not None:
            self.menu.close()
        menu = self.menu = QMenu(self.table)
        menu.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        menu.addAction(self.clear_action)
        menu.destroyed.connect(lambda *_: self._forget_menu(menu))
        menu.popup(self.table.viewport().mapToGlobal(at))
        return menu

    def _forget_menu(self, menu: QMenu) -> None:
        if self.menu is menu:
            self.menu = None

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Delete (or Backspace) on a row takes its figure back, once confirmed; while the
        cell is being edited the keys are the editor's."""
        if (watched is self.table and event.type() == QEvent.Type.KeyPress
                and isinstance(event, QKeyEvent)
                and event.key() in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace)
                and event.modifiers() == Qt.KeyboardModifier.NoModifier
                and self.table.state() != QAbstractItemView.State.EditingState):
            self.ask_clear(self._current_month())
            return True  # not an edit: AnyKeyPressed would open the cell on it
        return super().eventFilter(watched, event)

    # -- out -----------------------------------------------------------------------------

    def _entered(self, month: date, amount: Decimal) -> None:
        self.set_status(translate("SalesPanel", "Saving the sales of %1…")
                        .replace("%1", month.isoformat()[:7]))
        self.sales_entered.emit(month, amount)

    def _refused(self, month: date, text: str) -> None:
        self.set_status(translate("SalesPanel", "%1: “%2” is not an amount of 0 or more.")
                        .replace("%1", month.isoformat()[:7]).replace("%2", text), error=True)

    # -- words ---------------------------------------------------------------------------

    def _say(self) -> None:
        rows = self.model.rows
        clause = "" if self._clause is None else clause_text(self._clause)
        if not rows:
            said = (translate("SalesPanel", "The term starts on %1: sales are entered from its "
                                            "first month on.")
                    .replace("%1", self._starts_on.isoformat()) if self._starts_on else "")
            self.caption.setText("\n".join(t for t in (clause, said) if t))
            self.summary.setText("")
            return
        span = translate("SalesPanel", "Months %1 to %2; type a month's sales in its row.") \
            .replace("%1", rows[0].month.isoformat()[:7]) \
            .replace("%2", rows[-1].month.isoformat()[:7])
        self.caption.setText(f"{clause} · {span}" if clause else span)
        missing = sum(1 for r in rows if r.sales is None)
        self.summary.setText(translate("SalesPanel", "%1 of %2 months reported, %3 not "
                                                     "reported")
                             .replace("%1", str(len(rows) - missing))
                             .replace("%2", str(len(rows))).replace("%3", str(missing)))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)

    def _retranslate(self) -> None:
        self.import_button.setText(translate("SalesPanel", "Import…"))
        self.import_button.setToolTip(translate(
            "SalesPanel", "Import many contracts' monthly sales from an Excel or CSV file "
                          "(columns: contract, month, sales)"))
        self.model.retitle()
        self._say()


# -- the import's report ----------------------------------------------------------------

Record = Mapping[str, Any]


def row_status_text(row: Record, dry_run: bool) -> str:
    """A row's fate, with the figure it replaces."""
    status = row.get("status")
    before, after = row.get("before"), row.get("amount")
    if status == "new":
        return (translate("SalesImport", "will be added") if dry_run
                else translate("SalesImport", "added"))
    if status == "correction":
        said = (translate("SalesImport", "will replace %1 → %2") if dry_run
                else translate("SalesImport", "replaced %1 → %2"))
        return said.replace("%1", amount_text(str(before))).replace("%2", amount_text(str(after)))
    if status == "unchanged":
        return translate("SalesImport", "unchanged")
    return translate("SalesImport", "rejected")


class SalesImportDialog(QDialog):
    """A sales file's rows and what the import does with each; Import writes the good ones.

    The app rehearses when it opens and answers with :meth:`set_report`; Import emits
    :attr:`import_requested` and the app answers with the import's report.
    """

    import_requested = Signal()

    def __init__(self, file_name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.file_name = file_name
        self.report: Record | None = None
        self.summary = QLabel(self)
        self.summary.setWordWrap(True)
        self.table = QTableWidget(0, 6, self)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(
            QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self.import_button = self.buttons.addButton(
            "", QDialogButtonBox.ButtonRole.AcceptRole)
        self.import_button.setEnabled(False)
        self.import_button.clicked.connect(self._import)
        self.buttons.rejected.connect(self.reject)
        self.close_button = self.buttons.button(QDialogButtonBox.StandardButton.Close)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.buttons)
        self.resize(860, 520)
        self._retranslate()
        self.summary.setText(translate("SalesImport", "Checking the rows of %1…")
                             .replace("%1", file_name))

    def set_report(self, report: Record) -> None:
        """Show a rehearsal (Import offered when a row changes a figure) or an import."""
        self.report = report
        dry = bool(report.get("dry_run"))
        counts = report.get("counts", {})
        said = (translate("SalesImport", "%1: %2 rows; %3 to add, %4 to correct, %5 unchanged, "
                                         "%6 rejected. Nothing is written until you import.")
                if dry else
                translate("SalesImport", "%1: %2 rows; %3 added, %4 corrected, %5 unchanged, "
                                         "%6 rejected."))
        for key, value in (("%6", counts.get("rejected", 0)), ("%5", counts.get("unchanged", 0)),
                           ("%4", counts.get("corrected", 0)), ("%3", counts.get("added", 0)),
                           ("%2", counts.get("rows", 0)), ("%1", self.file_name)):
            said = said.replace(key, f"{value:,}" if isinstance(value, int) else str(value))
        self.summary.setText(said)
        self.summary.setStyleSheet("")
        rows = list(report.get("rows", []))
        self.table.setRowCount(len(rows))
        for i, row in enumerate(rows):
            reasons = translate("SalesImport", "; ").join(
                reason_text(r) for r in row.get("reasons", []))
            amount = row.get("amount")
            cells = (str(row.get("row", "")), str(row.get("contract", "")),
                     str(row.get("month") or ""),
                     "" if amount is None else amount_text(str(amount)),
                     row_status_text(row, dry), reasons)
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if column in (0, 3):
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight
                                          | Qt.AlignmentFlag.AlignVCenter)
                if row.get("status") == "rejected" and column in (4, 5):
                    item.setForeground(QBrush(QColor(ERROR_COLOUR)))
                self.table.setItem(i, column, item)
        writes = int(counts.get("added", 0)) + int(counts.get("corrected", 0))
        self.import_button.setEnabled(dry and writes > 0)

    def set_failed(self, text: str) -> None:
        self.summary.setText(text)
        self.summary.setStyleSheet(f"color: {ERROR_COLOUR}")
        self.import_button.setEnabled(False)

    def _import(self) -> None:
        self.import_button.setEnabled(False)
        self.summary.setText(translate("SalesImport", "Importing %1…").replace(
            "%1", self.file_name))
        self.import_requested.emit()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)

    def _retranslate(self) -> None:
        self.setWindowTitle(translate("SalesImport", "Import sales: %1").replace(
            "%1", self.file_name))
        self.table.setHorizontalHeaderLabels(
            [translate("SalesImport", "Row"), translate("SalesImport", "Contract"),
             translate("SalesImport", "Month"), translate("SalesImport", "Sales"),
             translate("SalesImport", "Status"), translate("SalesImport", "Reasons")])
        self.import_button.setText(translate("SalesImport", "Import"))
        if self.report is not None:
            self.set_report(self.report)
