"""The three-ledger check (三账对齐) in a window: the differences by cause, the voucher
export for the accounting system, and its posted lines imported back.

A finance clerk's month end: pick the day and Check; the counts by cause are listed on
the left (a cause chosen shows only its lines), every difference on the right with the
figures of both sides (what operations hold, what the schedule or the books hold, the
difference) and the numbers a person finds them by (contract code, bill number, payer,
voucher, our reference), and everything known about the chosen line below it. The
Vouchers tab writes a range's vouchers (CSV or Excel, Chinese or English headers); the
Books tab reads the accounting system's export, rehearses it (the lines new to the park,
those imported before, the rows refused and why) and imports only what it just
rehearsed. When the file's headers do not name a column, the refusal says which, and a
column mapping appears with the file's own headers to choose from.

The window shows and emits: the check (``LedgerCheck``-like: ``on``, ``differences`` of
``code`` + ``params``, ``counts()``, ``matches``, ``sizes``, ``left_out``), the export
and the import report are handed to it duck-typed, and it says differences in
``views.ledgers_text``'s words, so the window and ``leasemap three-ledgers`` agree.
"""

from __future__ import annotations

import html
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from PySide6.QtCore import QCoreApplication, QDate, QEvent, QModelIndex, Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSplitter,
    QTabWidget,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from views.cancellable_work import CancellableWorkDialog
from views.contract_text import amount_text
from views.labels import date_text
from views.ledgers_text import (
    CAUSES,
    account_text,
    cause_text,
    difference_text,
    no_books_text,
    pair_text,
)
from views.message_text import message_text
from views.row_table_model import Column, RowFilterProxy, RowTableModel
from views.row_table_view import list_view, row_of, selected_row, visible_rows

translate = QCoreApplication.translate
DATE_FORMAT = "yyyy-MM-dd"
FAILED_COLOUR = "#b3261e"
AGREES_COLOUR = "#1b6e20"
NOTE_STYLE = ("QLabel#books-note { background: #fff4ce; border: 1px solid #e0c060; "
              "border-radius: 3px; padding: 6px; color: #4a3b00; }")
ALL = ""  # the causes list's first row: every difference
CHECK, EXPORT, REHEARSE, IMPORT = "check", "export", "rehearse", "import"
AREA_CAUSES = frozenset({"area-mismatch", "unit-not-in-plan"})
DEPOSIT_CAUSES = frozenset({"deposit-not-received", "deposit-amount-differs"})
NOT_OURS = frozenset({"entry-not-ours", "deposit-not-ours"})


@dataclass(frozen=True)
class DifferenceRow:
    """One difference as the table shows it: its cause, the two ledgers, what it is about,
    the figures of both sides and the reference that finds it."""

    cause: str
    ledgers: str
    what: str  # a contract code and units, a bill's number, a payer, a voucher
    tenant: str
    on: str  # the day it concerns (a period's start, a posting, a voucher's date)
    ours: str  # what operations hold (a bill's amount, a receipt, the contract's area)
    theirs: str  # what the schedule, the plan or the books hold
    difference: str
    reference: str  # our reference, a bill id, the books' entry keys
    code: str  # the difference's code: with ``params``, its line in words (``text``)
    params: Mapping[str, str] = field(default_factory=dict)

    @property
    def text(self) -> str:
        """The whole line in words, made when asked (the chosen row's detail): a check's
        tens of thousands of rows are listed without wording each."""
        return difference_text(self)


def _amount(params: Mapping[str, str], name: str) -> str:
    value = params.get(name, "")
    return amount_text(value) if value else ""


def difference_row(difference: Any) -> DifferenceRow:
    """A difference (``code`` + ``params``, named by the service) as a row."""
    p = difference.params
    cause = p.get("cause") or difference.code
    tenant = p.get("tenant_name", "")
    ours = theirs = gap = ""
    reference = p.get("reference", "") or p.get("bill", "")
    if cause == "leased-unit-no-bill":
        what = f"{p.get('contract_code', '')} {p.get('units', '')}".strip()
        on, theirs = p.get("period_start", ""), _amount(p, "amount")
        reference = p.get("contract", "")
    elif cause in ("bill-no-contract", "billed-after-end", "bill-not-in-schedule",
                   "amount-differs"):
        what = p.get("bill_number", "") or p.get("bill", "")
        on, ours = p.get("period_start", ""), _amount(p, "billed_amount")
        theirs = _amount(p, "due_amount") or (
            p.get("contract_ends_on", "") if cause == "billed-after-end" else "")
        gap = _amount(p, "difference")
    elif cause in AREA_CAUSES:
        what = f"{p.get('contract_code', '')} {p.get('unit_code', '')}".strip()
        on, ours, theirs = "", p.get("contract_area", ""), p.get("plan_area", "")
        gap, reference = p.get("difference", ""), p.get("unit", "")
    elif cause in DEPOSIT_CAUSES:  # the deposit received against the contract's
        what = f"{p.get('contract_code', '')} {p.get('units', '')}".strip()
        on, ours = p.get("due_on", ""), _amount(p, "received_amount")
        theirs, gap = _amount(p, "due_amount"), _amount(p, "difference")
        reference = p.get("contract", "")
    elif cause in NOT_OURS:
        what = p.get("vouchers", "") or p.get("entries", "")
        tenant = tenant or p.get("customer", "")
        on, theirs = p.get("books_on", ""), _amount(p, "books_amount")
        reference = p.get("reference", "") or p.get("entries", "")
    else:  # one of ours the books lack, or hold at another amount
        if p.get("kind") == "deposit":  # a deposit movement: its contract (and bill)
            what = f"{p.get('contract_code', '')} {p.get('bill_number', '')}".strip()
        else:
            what = p.get("number", "") or p.get("payer", "") or p.get("bank_reference", "")
        on, ours = p.get("on", ""), _amount(p, "amount")
        theirs, gap = _amount(p, "books_amount"), _amount(p, "difference")
    return DifferenceRow(cause, p.get("ledgers", ""), what, tenant, on, ours, theirs, gap,
                         reference, difference.code, p)


def _cause_order(cause: str) -> int:
    """Causes in the order the check lists them (contract ↔ operations first)."""
    return _CAUSE_ORDER.get(cause, len(_CAUSE_ORDER))


_CAUSE_ORDER = {cause: n for n, cause in enumerate(CAUSES)}  # a sort key of every row


def difference_columns() -> list[Column[DifferenceRow]]:
    """Cause, ledgers, what, tenant, date, ours, the other side, difference, reference."""
    return [
        Column("cause", lambda: translate("ThreeLedgers", "Cause"), lambda r: r.cause,
               text=cause_text, sort_key=_cause_order, width=20),
        Column("ledgers", lambda: translate("ThreeLedgers", "Ledgers"), lambda r: r.ledgers,
               text=pair_text, width=16),
        Column("what", lambda: translate("ThreeLedgers", "Contract, bill or voucher"),
               lambda r: r.what, width=26),
        Column("tenant", lambda: translate("ThreeLedgers", "Tenant or customer"),
               lambda r: r.tenant, width=20),
        Column("on", lambda: translate("ThreeLedgers", "Date"), lambda r: r.on, width=10),
        Column("ours", lambda: translate("ThreeLedgers", "Operations"), lambda r: r.ours,
               align_right=True, width=12),
        Column("theirs", lambda: translate("ThreeLedgers", "Schedule, plan or books"),
               lambda r: r.theirs, align_right=True, width=18),
        Column("difference", lambda: translate("ThreeLedgers", "Difference"),
               lambda r: r.difference, align_right=True, width=10),
        Column("reference", lambda: translate("ThreeLedgers", "Reference"),
               lambda r: r.reference, width=38),
    ]


@dataclass(frozen=True)
class BooksRow:
    """A line of the books new to the park, as the rehearsal shows it."""

    row: int
    on: date
    voucher: str
    account: str
    counterparty: str
    amount: Any
    text: str


def books_columns() -> list[Column[BooksRow]]:
    return [
        Column("row", lambda: translate("ThreeLedgers", "Row"), lambda r: r.row,
               align_right=True, width=5),
        Column("on", lambda: translate("ThreeLedgers", "Date"), lambda r: r.on,
               text=date_text, width=10),
        Column("voucher", lambda: translate("ThreeLedgers", "Voucher"), lambda r: r.voucher,
               width=12),
        Column("account", lambda: translate("ThreeLedgers", "Account"), lambda r: r.account,
               width=18),
        Column("counterparty", lambda: translate("ThreeLedgers", "Counterparty"),
               lambda r: r.counterparty, width=20),
        Column("amount", lambda: translate("ThreeLedgers", "Debit − credit"),
               lambda r: r.amount, text=amount_text, align_right=True, width=12),
        Column("text", lambda: translate("ThreeLedgers", "Summary"), lambda r: r.text,
               width=50),
    ]


# The figures of a difference a person may look for, by their names in ``params``.
FIGURES = {
    "contract_code": lambda: translate("ThreeLedgers", "Contract"),
    "units": lambda: translate("ThreeLedgers", "Units"),
    "unit_code": lambda: translate("ThreeLedgers", "Unit"),
    "bill_number": lambda: translate("ThreeLedgers", "Bill"),
    "carried_from_code": lambda: translate("ThreeLedgers", "Deposit carried from"),
    "number": lambda: translate("ThreeLedgers", "Number"),
    "tenant_name": lambda: translate("ThreeLedgers", "Tenant"),
    "payer": lambda: translate("ThreeLedgers", "Payer"),
    "bank_reference": lambda: translate("ThreeLedgers", "Bank reference"),
    "customer": lambda: translate("ThreeLedgers", "Customer in the books"),
    "vouchers": lambda: translate("ThreeLedgers", "Vouchers"),
    "entries": lambda: translate("ThreeLedgers", "Entries in the books"),
    "account": lambda: translate("ThreeLedgers", "Account"),
    "reference": lambda: translate("ThreeLedgers", "Reference"),
    "contract": lambda: translate("ThreeLedgers", "Contract id"),
    "bill": lambda: translate("ThreeLedgers", "Bill id"),
    "id": lambda: translate("ThreeLedgers", "Entry id"),
    "payment": lambda: translate("ThreeLedgers", "Payment id"),
    "unit": lambda: translate("ThreeLedgers", "Unit id"),
    "tenant": lambda: translate("ThreeLedgers", "Tenant id"),
}


def detail_html(row: DifferenceRow) -> str:
    """The chosen difference: its line, then every figure that finds it, named."""
    parts = [f"<p><b>{html.escape(cause_text(row.cause))}</b> · "
             f"{html.escape(pair_text(row.ledgers))}</p>",
             f"<p>{html.escape(row.text)}</p>", "<table cellspacing='2'>"]
    said: set[tuple[str, str]] = set()
    for name, label in FIGURES.items():
        value = row.params.get(name, "")
        if name == "account":
            value = account_text(value)
        if value and (label(), value) not in said:
            said.add((label(), value))
            parts.append(f"<tr><td>{html.escape(label())}</td>"
                         f"<td><code>{html.escape(value)}</code></td></tr>")
    parts.append("</table>")
    return "".join(parts)


def _qdate(day: date) -> QDate:
    return QDate(day.year, day.month, day.day)


def _day(edit: QDateEdit) -> date:
    value = edit.date()
    return date(value.year(), value.month(), value.day())


def _date_edit(day: date, parent: QWidget) -> QDateEdit:
    edit = QDateEdit(_qdate(day), parent)
    edit.setDisplayFormat(DATE_FORMAT)
    edit.setCalendarPopup(True)
    return edit


class ThreeLedgersWindow(CancellableWorkDialog):
    """The differences by cause; vouchers out; the books back in, rehearsed first."""

    checkRequested = Signal(object)  # the day
    exportRequested = Signal(object, object, str, bool)  # first, last, file, English headers
    booksRehearsalRequested = Signal(str, object)  # file, mapping (None: the headers say)
    booksImportRequested = Signal(str, object)  # the file and mapping just rehearsed

    def __init__(self, today: date, fields: Sequence[tuple[str, str]] = (),
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("three-ledgers-window")
        self.report: Any | None = None  # the last check (LedgerCheck-like)
        self.books: Any | None = None  # the last rehearsal or import (BooksImport-like)
        self.fields = list(fields)  # (field, label) a column mapping may set
        self._rehearsed: tuple[str, Any] | None = None  # (file, mapping) just rehearsed

        self.on_label = QLabel(self)
        self.on_edit = _date_edit(today, self)
        self.check_button = QPushButton(self)
        self.check_button.setObjectName("check-button")
        self.check_button.setDefault(True)
        self.check_button.clicked.connect(self.request_check)
        self._work_widgets()

        # -- differences
        self.cause_list = QListWidget(self)
        self.cause_list.setObjectName("cause-list")
        self.cause_list.currentItemChanged.connect(lambda item, _old: self._filter(item))
        self.model: RowTableModel[DifferenceRow] = RowTableModel(difference_columns(), self)
        self.proxy = RowFilterProxy(self)
        self.proxy.setSourceModel(self.model)
        self.table = list_view(self.proxy, self)
        self.table.setObjectName("difference-table")
        self.model.size_columns(self.table)
        self.table.selectionModel().currentRowChanged.connect(
            lambda current, _previous: self._show_detail(current))
        self.detail = QTextBrowser(self)
        self.detail.setObjectName("difference-detail")
        self.detail.setOpenLinks(False)
        right = QSplitter(Qt.Orientation.Vertical, self)
        right.addWidget(self.table)
        right.addWidget(self.detail)
        right.setStretchFactor(0, 3)
        right.setStretchFactor(1, 1)
        differences = QSplitter(Qt.Orientation.Horizontal, self)
        differences.addWidget(self.cause_list)
        differences.addWidget(right)
        differences.setStretchFactor(0, 1)
        differences.setStretchFactor(1, 4)
        differences.setSizes([220, 1040])
        # Above the table: a park without books had them not compared, and says so.
        self.books_note = QLabel(self)
        self.books_note.setObjectName("books-note")
        self.books_note.setWordWrap(True)
        self.books_note.setStyleSheet(NOTE_STYLE)
        self.books_note.hide()
        differences_page = QWidget(self)
        differences_layout = QVBoxLayout(differences_page)
        differences_layout.setContentsMargins(0, 0, 0, 0)
        differences_layout.addWidget(self.books_note)
        differences_layout.addWidget(differences, 1)

        # -- vouchers
        first = today.replace(day=1)
        self.from_edit = _date_edit(first, self)
        self.to_edit = _date_edit(today, self)
        self.english_box = QCheckBox(self)
        self.export_button = QPushButton(self)
        self.export_button.setObjectName("export-button")
        self.export_button.clicked.connect(lambda: self.request_export())
        self.export_said = QLabel(self)
        self.export_said.setObjectName("export-said")
        self.export_said.setWordWrap(True)
        self.export_said.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.export_intro = QLabel(self)
        self.export_intro.setWordWrap(True)
        self.export_form = QFormLayout()
        range_row = QHBoxLayout()
        range_row.addWidget(self.from_edit)
        range_row.addWidget(QLabel("–", self))
        range_row.addWidget(self.to_edit)
        range_row.addStretch(1)
        self.range_label = QLabel(self)
        self.export_form.addRow(self.range_label, range_row)
        self.export_form.addRow("", self.english_box)
        vouchers = QWidget(self)
        vouchers_layout = QVBoxLayout(vouchers)
        vouchers_layout.addWidget(self.export_intro)
        vouchers_layout.addLayout(self.export_form)
        export_row = QHBoxLayout()
        export_row.addWidget(self.export_button)
        export_row.addStretch(1)
        vouchers_layout.addLayout(export_row)
        vouchers_layout.addWidget(self.export_said)
        vouchers_layout.addStretch(1)

        # -- the books
        self.books_intro = QLabel(self)
        self.books_intro.setWordWrap(True)
        self.file_edit = QLineEdit(self)
        self.file_edit.setObjectName("books-file")
        self.file_edit.textChanged.connect(lambda _t: self._update())
        self.choose_button = QPushButton(self)
        self.choose_button.setObjectName("choose-button")
        self.choose_button.clicked.connect(self._ask_file)
        self.rehearse_button = QPushButton(self)
        self.rehearse_button.setObjectName("rehearse-button")
        self.rehearse_button.clicked.connect(self.request_rehearsal)
        self.import_button = QPushButton(self)
        self.import_button.setObjectName("import-button")
        self.import_button.clicked.connect(self.request_import)
        self.books_said = QLabel(self)
        self.books_said.setObjectName("books-said")
        self.books_said.setWordWrap(True)
        self.books_said.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.mapping_box = QGroupBox(self)
        self.mapping_box.setObjectName("mapping-box")
        self.mapping_form = QFormLayout(self.mapping_box)
        self.mapping_combos: dict[str, QComboBox] = {}
        self.mapping_labels: dict[str, QLabel] = {}
        for name, label in self.fields:
            combo = QComboBox(self.mapping_box)
            combo.setObjectName(f"mapping-{name}")
            combo.currentIndexChanged.connect(lambda _i: self._update())
            self.mapping_combos[name] = combo
            self.mapping_labels[name] = QLabel(label, self.mapping_box)
            self.mapping_form.addRow(self.mapping_labels[name], combo)
        self.mapping_box.hide()
        self.books_model: RowTableModel[BooksRow] = RowTableModel(books_columns(), self)
        self.books_proxy = RowFilterProxy(self)
        self.books_proxy.setSourceModel(self.books_model)
        self.books_table = list_view(self.books_proxy, self)
        self.books_table.setObjectName("books-table")
        self.books_model.size_columns(self.books_table)
        self.refused_list = QListWidget(self)
        self.refused_list.setObjectName("refused-list")
        self.refused_list.setAlternatingRowColors(True)
        books = QWidget(self)
        books_layout = QVBoxLayout(books)
        books_layout.addWidget(self.books_intro)
        file_row = QHBoxLayout()
        file_row.addWidget(self.file_edit, 1)
        file_row.addWidget(self.choose_button)
        file_row.addWidget(self.rehearse_button)
        file_row.addWidget(self.import_button)
        books_layout.addLayout(file_row)
        books_layout.addWidget(self.mapping_box)
        books_layout.addWidget(self.books_said)
        books_split = QSplitter(Qt.Orientation.Vertical, self)
        books_split.addWidget(self.books_table)
        books_split.addWidget(self.refused_list)
        books_split.setStretchFactor(0, 3)
        books_split.setStretchFactor(1, 1)
        books_layout.addWidget(books_split, 1)

        self.tabs = QTabWidget(self)
        self.tabs.setObjectName("ledger-tabs")
        self.tabs.addTab(differences_page, "")
        self.tabs.addTab(vouchers, "")
        self.tabs.addTab(books, "")
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self.buttons.rejected.connect(self.reject)

        top = QHBoxLayout()
        top.addWidget(self.on_label)
        top.addWidget(self.on_edit)
        top.addWidget(self.check_button)
        top.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.progress_box)
        layout.addWidget(self.summary)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(self.buttons)
        self.resize(1280, 760)
        self._retranslate()

    # -- in ----------------------------------------------------------------------------------

    def set_on(self, day: date) -> None:
        self.on_edit.setDate(_qdate(day))

    def on(self) -> date:
        return _day(self.on_edit)

    def set_export_range(self, first: date, last: date) -> None:
        self.from_edit.setDate(_qdate(first))
        self.to_edit.setDate(_qdate(last))

    def set_books_file(self, path: str) -> None:
        self.file_edit.setText(path)

    def set_check(self, report: Any, rows: Sequence[DifferenceRow] | None = None) -> None:
        """Show a check: the counts by cause and every difference. ``rows``: its differences
        as :func:`difference_row` makes them, when the caller made them already (off this
        thread: a park's check can have tens of thousands)."""
        self._busy = ""
        self.report = report
        if rows is None:
            rows = [difference_row(d) for d in report.differences]
        self.model.set_rows(list(rows))
        self.cause_list.blockSignals(True)
        self.cause_list.clear()
        everything = QListWidgetItem(self.cause_list)
        everything.setData(Qt.ItemDataRole.UserRole, ALL)
        for cause, _count in report.counts().items():
            item = QListWidgetItem(self.cause_list)
            item.setData(Qt.ItemDataRole.UserRole, cause)
        self.cause_list.setCurrentRow(0)
        self.cause_list.blockSignals(False)
        self.detail.clear()
        self._filter(self.cause_list.currentItem())
        self._retitle_causes()
        self.tabs.setCurrentIndex(0)
        self._update()

    def set_exported(self, done: Any) -> None:
        self._busy = ""
        self.export_said.setText(translate(
            "ThreeLedgers", "Wrote %1: %2 vouchers, %3 lines, debit %4 = credit %5")
            .replace("%1", str(done.path)).replace("%2", f"{done.vouchers:,}")
            .replace("%3", f"{done.lines:,}").replace("%4", amount_text(done.debit))
            .replace("%5", amount_text(done.credit)))
        self._update()

    def set_books(self, report: Any, file: str, mapping: Any) -> None:
        """Show a rehearsal (``written`` False: Import is offered for this file and mapping)
        or an import."""
        self._busy = ""
        self.books = report
        self._rehearsed = None if report.written else (file, mapping)
        self.books_model.set_rows([BooksRow(x.row, x.on, x.voucher, x.account,
                                            x.counterparty, x.amount, x.text)
                                   for x in report.new])
        self.refused_list.clear()
        for refused in report.refused:
            QListWidgetItem(message_text(refused), self.refused_list)
        self._say_books()
        self.tabs.setCurrentIndex(2)
        self._update()

    def set_books_columns(self, headers: Sequence[str], message: str) -> None:
        """The file's headers do not name every column: say which, and offer the mapping."""
        self._busy, self._failed, self._said = "", True, message
        self._rehearsed = None
        for combo in self.mapping_combos.values():
            chosen = combo.currentData()
            combo.blockSignals(True)
            combo.clear()
            combo.addItem(translate("ThreeLedgers", "(as its header says)"), None)
            for header in headers:
                combo.addItem(header, header)
            found = combo.findData(chosen) if chosen else 0
            combo.setCurrentIndex(max(found, 0))
            combo.blockSignals(False)
        self.mapping_box.setVisible(bool(self.mapping_combos))
        self.books_said.setText(message)
        self.tabs.setCurrentIndex(2)
        self._update()

    def set_failed(self, message: str) -> None:
        if self.tabs.currentIndex() == 2:
            self.books_said.setText(message)
        super().set_failed(message)

    def cancelled_text(self, kind: str) -> str:
        return translate("ThreeLedgers", "Cancelled: nothing was written.")

    # -- out -----------------------------------------------------------------------------------

    def request_check(self) -> None:
        if not self._busy:
            self.checkRequested.emit(self.on())

    def request_export(self, path: str | None = None) -> None:
        """Export the range's vouchers to ``path`` (asked for when not given)."""
        if self._busy:
            return
        if path is None:
            path, _filter = QFileDialog.getSaveFileName(
                self, translate("ThreeLedgers", "Export vouchers"),
                f"vouchers-{_day(self.from_edit)}-{_day(self.to_edit)}.xlsx",
                translate("ThreeLedgers", "Excel workbook (*.xlsx);;CSV (*.csv)"))
            if not path:
                return
        self.exportRequested.emit(_day(self.from_edit), _day(self.to_edit), path,
                                  self.english_box.isChecked())

    def mapping(self) -> dict[str, str] | None:
        """The columns chosen in the mapping (None when none is: the headers say)."""
        if self.mapping_box.isHidden():
            return None
        chosen = {name: combo.currentData() for name, combo in self.mapping_combos.items()
                  if combo.currentData()}
        return chosen or None

    def request_rehearsal(self) -> None:
        path = self.file_edit.text().strip()
        if path and not self._busy:
            self.booksRehearsalRequested.emit(path, self.mapping())

    def can_import(self) -> bool:
        """Import only what was just rehearsed: the same file and columns, lines to add."""
        return (not self._busy and self._rehearsed is not None and self.books is not None
                and bool(self.books.new)
                and self._rehearsed == (self.file_edit.text().strip(), self.mapping()))

    def request_import(self) -> None:
        if self.can_import() and self._rehearsed is not None:
            self.booksImportRequested.emit(*self._rehearsed)

    def differences(self) -> list[DifferenceRow]:
        """The rows the table shows (the chosen cause's), in its order."""
        return visible_rows(self.model, self.proxy)

    def causes(self) -> dict[str, int]:
        return {} if self.report is None else dict(self.report.counts())

    def select_cause(self, cause: str) -> None:
        for position in range(self.cause_list.count()):
            if self.cause_list.item(position).data(Qt.ItemDataRole.UserRole) == cause:
                self.cause_list.setCurrentRow(position)
                return
        raise LookupError(cause)

    def selected_difference(self) -> DifferenceRow | None:
        return selected_row(self.model, self.proxy, self.table)

    # -- inside ----------------------------------------------------------------------------------

    def _filter(self, item: QListWidgetItem | None) -> None:
        cause = item.data(Qt.ItemDataRole.UserRole) if item is not None else ALL
        self.proxy.set_predicate(None if not cause else (lambda r: r.cause == cause))
        if self.proxy.rowCount():
            self.table.setCurrentIndex(self.proxy.index(0, 0))
            self._show_detail(self.proxy.index(0, 0))
        else:
            self.detail.clear()

    def _show_detail(self, current: QModelIndex) -> None:
        if not current.isValid():
            self.detail.clear()
            return
        self.detail.setHtml(detail_html(row_of(self.model, self.proxy, current)))

    def _ask_file(self) -> None:
        path, _filter = QFileDialog.getOpenFileName(
            self, translate("ThreeLedgers", "The accounting system's export"),
            self.file_edit.text(),
            translate("ThreeLedgers", "Spreadsheets and CSV (*.xlsx *.xls *.csv *.txt)"))
        if path:
            self.file_edit.setText(path)
            self.mapping_box.hide()

    def _retitle_causes(self) -> None:
        if self.report is None:
            return
        counts = self.report.counts()
        total = len(self.report.differences)
        for position in range(self.cause_list.count()):
            item = self.cause_list.item(position)
            cause = item.data(Qt.ItemDataRole.UserRole)
            if not cause:
                item.setText(translate("ThreeLedgers", "All differences (%1)")
                             .replace("%1", f"{total:,}"))
            else:
                item.setText(f"{cause_text(cause)} ({counts.get(cause, 0):,})")

    def _say_books(self) -> None:
        report = self.books
        if report is None:
            return
        template = (translate("ThreeLedgers", "%1: imported %2 lines of the books (debit %3, "
                                              "credit %4); %5 imported before; %6 rows refused.")
                    if report.written else
                    translate("ThreeLedgers", "%1: %2 lines new to the park (debit %3, credit "
                                              "%4); %5 imported before; %6 rows refused. "
                                              "Nothing is written until you import."))
        self.books_said.setText(
            template.replace("%1", report.file).replace("%2", f"{len(report.new):,}")
            .replace("%3", amount_text(report.debit)).replace("%4", amount_text(report.credit))
            .replace("%5", f"{report.existing:,}").replace("%6", f"{len(report.refused):,}"))

    def _summary_text(self) -> str:
        report = self.report
        if report is None:
            return translate("ThreeLedgers", "Choose the day and check: the schedules, the "
                                             "bills and receipts, and the books compared line "
                                             "by line.")
        figures = {"%1": report.on.isoformat(), "%2": f"{len(report.differences):,}",
                   "%3": f"{len(report.counts()):,}", "%4": f"{len(report.matches):,}",
                   "%5": f"{report.sizes.get('entries', 0):,}"}
        if not report.books_compared:
            text = (translate("ThreeLedgers", "On %1 the contract and operations ledgers "
                                              "agree; the books were not compared.")
                    if not report.differences else
                    translate("ThreeLedgers", "On %1: %2 differences of %3 causes between the "
                                              "contract and operations ledgers; the books "
                                              "were not compared."))
        elif not report.differences:
            text = translate("ThreeLedgers", "On %1 the three ledgers agree: %4 of our entries "
                                             "found among %5 lines of the books.")
        else:
            text = translate("ThreeLedgers", "On %1: %2 differences of %3 causes; %4 of our "
                                             "entries found among %5 lines of the books.")
        for key, value in figures.items():
            text = text.replace(key, value)
        held = sum(report.left_out.values())
        if held:
            text += " " + translate("ThreeLedgers", "%1 deposit movements cannot be booked "
                                                    "and are not compared (a reversal of a "
                                                    "movement that is not there, or a kind "
                                                    "not known).").replace("%1", f"{held:,}")
        return text

    def _update(self) -> None:
        busy = bool(self._busy)
        self._show_work({
            CHECK: translate("ThreeLedgers", "Checking…"),
            EXPORT: translate("ThreeLedgers", "Writing the vouchers…"),
            REHEARSE: translate("ThreeLedgers", "Reading the books…"),
            IMPORT: translate("ThreeLedgers", "Importing the books…"),
        }.get(self._busy, ""))
        self.check_button.setEnabled(not busy)
        self.export_button.setEnabled(not busy)
        self.rehearse_button.setEnabled(not busy and bool(self.file_edit.text().strip()))
        self.import_button.setEnabled(self.can_import())
        if self._said and not busy:
            said = html.escape(self._said)
            self.summary.setText(f"<span style='color:{FAILED_COLOUR}'>{said}</span>"
                                 if self._failed else said)
        else:
            text = self._summary_text()
            agrees = self.report is not None and not self.report.differences
            self.summary.setText(f"<span style='color:{AGREES_COLOUR}'>{html.escape(text)}"
                                 "</span>" if agrees else html.escape(text))

        self._say_no_books()

    def _say_no_books(self) -> None:
        report = self.report
        unread = report is not None and not report.books_compared
        self.books_note.setVisible(unread)
        self.books_note.setText(no_books_text(report.awaiting_books) if unread else "")

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)

    def _retranslate(self) -> None:
        self.setWindowTitle(translate("ThreeLedgers", "Three-ledger check"))
        self.on_label.setText(translate("ThreeLedgers", "On"))
        self.check_button.setText(translate("ThreeLedgers", "&Check"))
        self.cancel_button.setText(translate("ThreeLedgers", "Cancel"))
        self.tabs.setTabText(0, translate("ThreeLedgers", "Differences"))
        self.tabs.setTabText(1, translate("ThreeLedgers", "Vouchers"))
        self.tabs.setTabText(2, translate("ThreeLedgers", "Books"))
        self.export_intro.setText(translate(
            "ThreeLedgers", "One voucher per bill, adjustment, receipt, allocation, refund "
            "and deposit movement of the range, each balanced; every line's summary starts "
            "with our reference, so the books imported back find us."))
        self.range_label.setText(translate("ThreeLedgers", "Entries dated"))
        self.english_box.setText(translate("ThreeLedgers", "English column headers"))
        self.export_button.setText(translate("ThreeLedgers", "&Export vouchers…"))
        self.books_intro.setText(translate(
            "ThreeLedgers", "The accounting system's posted lines (CSV or Excel): its columns "
            "are known by their headers (日期, 科目, 摘要, 借方, 贷方, 凭证号, 往来单位). "
            "Rehearse first; lines imported before are not added again."))
        self.choose_button.setText(translate("ThreeLedgers", "Choose…"))
        self.rehearse_button.setText(translate("ThreeLedgers", "&Rehearse"))
        self.import_button.setText(translate("ThreeLedgers", "&Import"))
        self.mapping_box.setTitle(translate("ThreeLedgers", "Columns"))
        self.file_edit.setPlaceholderText(translate("ThreeLedgers", "No file chosen"))
        self.model.retitle()
        self.books_model.retitle()
        self._retitle_causes()
        self._say_books()
        self._update()
