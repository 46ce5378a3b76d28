"""Billing ▸ Invoices: every bill of the park with its invoicing, and every invoice of it.

A finance clerk's list: each bill with its total, the park's VAT rate for its
charge, what is invoiced and what is left, its state (not invoiced, part
invoiced, invoiced, voided, reversed, over-invoiced after a credit) and the
numbers of all its invoices — a voided or reversed invoice keeps its number
and stays listed, beside the red invoice that reversed it and the one that
replaced it. Choosing a bill lists its invoices below with their amounts,
what became of each and why (the reason given for a void or a 红冲). From
there: Issue… (or Reissue…, naming the invoice replaced), Void… and Reverse
(红冲)… the invoice chosen, Bill lines… (or a double click) to read what the bill
chosen is made of, and Import numbers… from the tax platform's
export, which is rehearsed first
(:class:`InvoiceImportDialog`: what would be recorded, what is recorded
already, what is refused and why) and recorded only when confirmed.

The list shows and emits; the app opens the invoice dialog, records, and
hands the list back read again. Rows are ``services.invoices.BillInvoices``
and invoices ``domain.billing.invoices.Invoice`` (duck-typed).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication, QEvent, QModelIndex, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from views.billing_text import bill_charge_text
from views.contract_text import amount_text
from views.invoice_dialog import (
    CREDIT_COLOUR,
    ERROR_COLOUR,
    invoice_numbers_text,
    rate_text,
    state_text,
    status_text,
)
from views.labels import date_text
from views.map_text import money_text
from views.message_text import message_text
from views.record_review_dialog import RecordReviewDialog
from views.row_table_model import Column, RowFilterProxy, RowTableModel
from views.row_table_view import list_view, row_of, selected_row, visible_rows

translate = QCoreApplication.translate
STATES = ("uninvoiced", "part-invoiced", "invoiced", "voided", "reversed", "over-invoiced",
          "not-invoiced")
TO_INVOICE = "to-invoice"  # the filter of bills with something left to invoice
STATE_COLOURS = {"over-invoiced": ERROR_COLOUR, "voided": "#8a5a00", "reversed": "#8a5a00",
                 "uninvoiced": "#1f5fa8", "part-invoiced": "#1f5fa8"}
CLOSED_COLOUR = "#8a8a8a"
TOOLTIP = int(Qt.ItemDataRole.ToolTipRole)


def _state_rank(state: str) -> int:
    return STATES.index(state) if state in STATES else len(STATES)


def bill_columns() -> list[Column[Any]]:
    """Number, tenant, charge, period, total, rate, invoiced, left, state, invoices."""
    def negative(value: Callable[[Any], Any]) -> Callable[[Any], str | None]:
        return lambda r: CREDIT_COLOUR if value(r) < 0 else None

    return [
        Column("number", lambda: translate("Invoices", "Bill number"), lambda r: r.number,
               width=26),
        Column("tenant", lambda: translate("Invoices", "Tenant"),
               lambda r: r.tenant or r.contract, width=16),
        Column("charge", lambda: translate("Invoices", "Charge"), lambda r: r.charge,
               text=bill_charge_text, sort_key=bill_charge_text, width=8),
        Column("period", lambda: translate("Invoices", "Period"),
               lambda r: (r.period_start, r.period_end),
               text=lambda p: f"{date_text(p[0])} – {date_text(p[1])}", width=19),
        Column("total", lambda: translate("Invoices", "Bill total"), lambda r: r.total,
               text=amount_text, align_right=True, width=10),
        Column("rate", lambda: translate("Invoices", "VAT"), lambda r: r.rate,
               text=rate_text, align_right=True, width=4),
        Column("invoiced", lambda: translate("Invoices", "Invoiced"), lambda r: r.inclusive,
               text=amount_text, align_right=True, width=10,
               color=negative(lambda r: r.inclusive)),
        Column("left", lambda: translate("Invoices", "Left to invoice"),
               lambda r: r.total - r.inclusive, text=amount_text, align_right=True, width=10,
               color=negative(lambda r: r.total - r.inclusive)),
        Column("state", lambda: translate("Invoices", "State"), lambda r: r.state,
               text=state_text, sort_key=_state_rank,
               color=lambda r: STATE_COLOURS.get(r.state), width=12),
        Column("invoices", lambda: translate("Invoices", "Invoices"), lambda r: r.invoices,
               text=invoice_numbers_text, sort_key=invoice_numbers_text, width=30),
    ]


def invoice_columns() -> list[Column[Any]]:
    """Number, date, amounts, what became of it and why (a void's or a 红冲's reason)."""
    def closed(row: Any) -> str | None:
        return CREDIT_COLOUR if row.red else (None if row.live else CLOSED_COLOUR)

    return [
        Column("number", lambda: translate("Invoices", "Invoice number"), lambda r: r.number,
               width=22, color=closed),
        Column("date", lambda: translate("Invoices", "Date"), lambda r: r.issued_on,
               text=date_text, width=10),
        Column("inclusive", lambda: translate("Invoices", "Incl. tax"), lambda r: r.inclusive,
               text=amount_text, align_right=True, width=11, color=closed),
        Column("exclusive", lambda: translate("Invoices", "Excl. tax"), lambda r: r.exclusive,
               text=amount_text, align_right=True, width=11, color=closed),
        Column("tax", lambda: translate("Invoices", "Tax"), lambda r: r.tax,
               text=amount_text, align_right=True, width=9, color=closed),
        Column("status", lambda: translate("Invoices", "Status"), lambda r: r,
               text=status_text, sort_key=status_text, width=24),
        Column("reason", lambda: translate("Invoices", "Reason"),
               lambda r: getattr(r, "note", ""), width=28),
    ]


class BillModel(RowTableModel[Any]):
    """The bills' table; a row's tooltip lists its invoices one a line (the cell may be cut)."""

    def data(self, index: Any, role: int = int(Qt.ItemDataRole.DisplayRole)) -> Any:
        if role == TOOLTIP:
            if not index.isValid():
                return None
            row = self.row_at(index.row())
            return "\n".join(_said(i) for i in row.invoices) or None
        return super().data(index, role)


def _said(invoice: Any) -> str:
    """An invoice in a tooltip line: its number, what became of it, and why."""
    note = getattr(invoice, "note", "")
    line = f"{invoice.number}: {status_text(invoice)}"
    return translate("Invoices", "%1 (reason: %2)").replace("%1", line).replace(
        "%2", note) if note else line


def _haystack(row: Any) -> str:
    return " ".join((row.number, row.contract, row.tenant,
                     *(i.number for i in row.invoices)))


class InvoiceListDialog(QDialog):
    """The park's bills and invoices; issue, void, reverse, reissue, import numbers."""

    issueRequested = Signal(object, str)  # the bill, the invoice it replaces ("": none)
    voidRequested = Signal(object, object)  # the bill, the invoice
    reverseRequested = Signal(object, object)  # the bill, the blue invoice
    importRequested = Signal(str)  # the tax platform's export
    linesRequested = Signal(object)  # the bill whose lines and reasons to show

    def __init__(self, currency: str = "CNY", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("invoice-list-dialog")
        self.currency = currency
        self.listing: Any | None = None
        self.intro = QLabel(self)
        self.intro.setWordWrap(True)
        self.state_combo = QComboBox(self)
        self.state_combo.setObjectName("state-filter")
        for key in ("", TO_INVOICE, *STATES):
            self.state_combo.addItem("", key)
        self.state_combo.currentIndexChanged.connect(lambda _i: self._filter())
        self.search = QLineEdit(self)
        self.search.setObjectName("search")
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(lambda _t: self._filter())

        self.bill_model = BillModel(bill_columns(), self)
        self.bill_proxy = RowFilterProxy(self)
        self.bill_proxy.setSourceModel(self.bill_model)
        self.bill_table = list_view(self.bill_proxy, self)
        self.bill_table.setObjectName("bills")
        self.bill_model.size_columns(self.bill_table)
        self.bill_table.selectionModel().currentRowChanged.connect(
            lambda current, _previous: self._bill_chosen(current))
        self.bill_table.doubleClicked.connect(lambda _index: self._lines())
        self.invoice_model: RowTableModel[Any] = RowTableModel(invoice_columns(), self)
        self.invoice_proxy = RowFilterProxy(self)
        self.invoice_proxy.setSourceModel(self.invoice_model)
        self.invoice_table = list_view(self.invoice_proxy, self)
        self.invoice_table.setObjectName("invoices")
        self.invoice_table.setSortingEnabled(False)
        self.invoice_model.size_columns(self.invoice_table)
        self.invoice_table.selectionModel().currentRowChanged.connect(
            lambda _c, _p: self._update())
        self.invoice_head = QLabel(self)

        self.issue_button = QPushButton(self)
        self.issue_button.setObjectName("issue-button")
        self.issue_button.clicked.connect(lambda: self._issue(reissue=False))
        self.reissue_button = QPushButton(self)
        self.reissue_button.setObjectName("reissue-button")
        self.reissue_button.clicked.connect(lambda: self._issue(reissue=True))
        self.void_button = QPushButton(self)
        self.void_button.setObjectName("void-button")
        self.void_button.clicked.connect(lambda: self._act(self.voidRequested))
        self.reverse_button = QPushButton(self)
        self.reverse_button.setObjectName("reverse-button")
        self.reverse_button.clicked.connect(lambda: self._act(self.reverseRequested))
        self.lines_button = QPushButton(self)
        self.lines_button.setObjectName("lines-button")
        self.lines_button.clicked.connect(self._lines)
        self.import_button = QPushButton(self)
        self.import_button.setObjectName("import-button")
        self.import_button.clicked.connect(self._choose_file)
        self.status = QLabel(self)
        self.status.setObjectName("status")
        self.status.setWordWrap(True)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self.buttons.rejected.connect(self.reject)

        filters = QHBoxLayout()
        self.state_label = QLabel(self)
        filters.addWidget(self.state_label)
        filters.addWidget(self.state_combo)
        filters.addWidget(self.search, 1)
        filters.addWidget(self.lines_button)
        actions = QHBoxLayout()
        for button in (self.issue_button, self.reissue_button, self.void_button,
                       self.reverse_button):
            actions.addWidget(button)
        actions.addStretch(1)
        actions.addWidget(self.import_button)
        lower = QWidget(self)
        lower_layout = QVBoxLayout(lower)
        lower_layout.setContentsMargins(0, 0, 0, 0)
        lower_layout.addWidget(self.invoice_head)
        lower_layout.addWidget(self.invoice_table, 1)
        lower_layout.addLayout(actions)
        split = QSplitter(Qt.Orientation.Vertical, self)
        split.addWidget(self.bill_table)
        split.addWidget(lower)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 2)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addLayout(filters)
        layout.addWidget(split, 1)
        layout.addWidget(self.status)
        layout.addWidget(self.buttons)
        self.resize(1280, 760)
        self._retranslate()

    # -- in ------------------------------------------------------------------------------

    def set_list(self, listing: Any) -> None:
        """Show the park's bills (``services.invoices.InvoiceList``-like); the bill chosen
        stays chosen."""
        chosen = self.selected_bill()
        invoice = self.selected_invoice()
        self.listing = listing
        self.currency = listing.currency or self.currency
        self.bill_model.set_rows(list(listing.bills))
        if chosen is not None and self._find(self.bill_model, self.bill_proxy, chosen.number):
            self.select_bill(chosen.number)
            if invoice is not None:
                self._choose(self.invoice_table, self.invoice_model, self.invoice_proxy,
                             invoice.number)
        elif self.bill_proxy.rowCount():
            self.bill_table.setCurrentIndex(self.bill_proxy.index(0, 0))
        else:
            self._bill_chosen(QModelIndex())
        self._update()

    def set_status(self, text: str, error: bool = False) -> None:
        self.status.setText(text)
        self.status.setStyleSheet(f"color: {ERROR_COLOUR}" if error else "")

    # -- what is shown and chosen --------------------------------------------------------

    def bills(self) -> list[Any]:
        """The bills the filter keeps, in the table's order."""
        return visible_rows(self.bill_model, self.bill_proxy)

    def invoices(self) -> list[Any]:
        """The chosen bill's invoices, as listed."""
        return visible_rows(self.invoice_model, self.invoice_proxy)

    def selected_bill(self) -> Any | None:
        return selected_row(self.bill_model, self.bill_proxy, self.bill_table)

    def selected_invoice(self) -> Any | None:
        return selected_row(self.invoice_model, self.invoice_proxy, self.invoice_table)

    def select_bill(self, number: str) -> None:
        """Choose the bill numbered ``number`` (as a click does)."""
        if not self._choose(self.bill_table, self.bill_model, self.bill_proxy, number):
            raise LookupError(number)

    def select_invoice(self, number: str) -> None:
        """Choose the chosen bill's invoice ``number``."""
        if not self._choose(self.invoice_table, self.invoice_model, self.invoice_proxy,
                            number):
            raise LookupError(number)

    def set_state_filter(self, key: str) -> None:
        self.state_combo.setCurrentIndex(self.state_combo.findData(key))

    @staticmethod
    def _find(model: RowTableModel[Any], proxy: RowFilterProxy, number: str) -> int | None:
        for position in range(proxy.rowCount()):
            if row_of(model, proxy, proxy.index(position, 0)).number == number:
                return position
        return None

    def _choose(self, view: Any, model: RowTableModel[Any], proxy: RowFilterProxy,
                number: str) -> bool:
        position = self._find(model, proxy, number)
        if position is None:
            return False
        view.setCurrentIndex(proxy.index(position, 0))
        return True

    # -- out -----------------------------------------------------------------------------

    def _issue(self, reissue: bool) -> None:
        bill = self.selected_bill()
        if bill is None or not bill.can_issue:
            return
        replaces = bill.closed[-1].number if reissue and bill.closed else ""
        self.issueRequested.emit(bill, replaces)

    def _lines(self) -> None:
        bill = self.selected_bill()
        if bill is not None:
            self.linesRequested.emit(bill)

    def _act(self, signal: Any) -> None:
        bill, invoice = self.selected_bill(), self.selected_invoice()
        if bill is not None and invoice is not None and invoice.live and not invoice.red:
            signal.emit(bill, invoice)

    def _choose_file(self) -> None:
        path, _filter = QFileDialog.getOpenFileName(
            self, self.tr("Import invoice numbers"), "",
            self.tr("Tax platform exports (*.xlsx *.xls *.csv);;All files (*)"))
        if path:
            self.importRequested.emit(path)

    # -- showing -------------------------------------------------------------------------

    def _filter(self) -> None:
        key = self.state_combo.currentData()
        if key == TO_INVOICE:
            self.bill_proxy.set_predicate(lambda r: r.can_issue)
        elif key:
            self.bill_proxy.set_predicate(lambda r: r.state == key)
        else:
            self.bill_proxy.set_predicate(None)
        self.bill_proxy.set_text(self.search.text(), _haystack)
        self._update()

    def _bill_chosen(self, current: QModelIndex) -> None:
        bill = row_of(self.bill_model, self.bill_proxy, current) if current.isValid() else None
        self.invoice_model.set_rows(list(bill.invoices) if bill is not None else [])
        if bill is not None and self.invoice_proxy.rowCount():
            live = next((i for i in bill.invoices if i.live and not i.red), None)
            if live is not None:
                self.select_invoice(live.number)
            else:
                self.invoice_table.setCurrentIndex(self.invoice_proxy.index(0, 0))
        self._update()

    def _update(self) -> None:
        bill, invoice = self.selected_bill(), self.selected_invoice()
        can_issue = bill is not None and bill.can_issue
        self.issue_button.setEnabled(can_issue)
        self.reissue_button.setEnabled(can_issue and bool(bill.closed))
        acting = invoice is not None and invoice.live and not invoice.red
        self.void_button.setEnabled(acting)
        self.reverse_button.setEnabled(acting)
        self.lines_button.setEnabled(bill is not None)
        if bill is None:
            self.invoice_head.setText(self.tr("Choose a bill to see its invoices."))
        else:
            self.invoice_head.setText(
                self.tr("Invoices of %1: %2 invoiced of %3, %4 left to invoice.")
                .replace("%1", bill.number)
                .replace("%2", money_text(bill.inclusive, self.currency))
                .replace("%3", money_text(bill.total, self.currency))
                .replace("%4", money_text(bill.total - bill.inclusive, self.currency)))
        shown, total = self.bill_proxy.rowCount(), self.bill_model.rowCount()
        self.state_label.setText(self.tr("Show:"))
        self.setWindowTitle(self.tr("Invoices") if self.listing is None else self.tr(
            "Invoices (%1 of %2 bills)").replace("%1", f"{shown:,}").replace("%2", f"{total:,}"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)

    def _retranslate(self) -> None:
        self.intro.setText(self.tr(
            "Each bill is invoiced by the tax platform; record here the number it issued. A "
            "voided or reversed invoice keeps its number and stays listed; reissue the bill "
            "after it."))
        names = [self.tr("All bills"), self.tr("Left to invoice"),
                 *(state_text(s) for s in STATES)]
        for position, name in enumerate(names):
            self.state_combo.setItemText(position, name)
        self.search.setPlaceholderText(self.tr("Bill, tenant or invoice number"))
        self.issue_button.setText(self.tr("Issue…"))
        self.reissue_button.setText(self.tr("Reissue…"))
        self.void_button.setText(self.tr("Void…"))
        self.reverse_button.setText(self.tr("Reverse (红冲)…"))
        self.import_button.setText(self.tr("Import numbers…"))
        self.lines_button.setText(self.tr("Bill lines…"))
        self.lines_button.setToolTip(self.tr(
            "What the chosen bill is made of: each line with its reasons (or double-click it)"))
        self.buttons.button(QDialogButtonBox.StandardButton.Close).setText(self.tr("Close"))
        self.bill_model.retitle()
        self.invoice_model.retitle()
        self._update()


# -- importing the tax platform's numbers --------------------------------------------------


def import_line_text(line: Any) -> str:
    """What a line of the file does, with its figures or its reasons."""
    where = translate("Invoices", "Row %1").replace("%1", str(line.row))
    if line.outcome == "issue":
        amounts = line.amounts
        return (translate("Invoices", "%1: invoice %2 for %3, %4 (%5 excl. tax + %6 tax)")
                .replace("%1", where).replace("%2", line.number)
                .replace("%3", line.bill_number).replace("%4", amount_text(amounts.inclusive))
                .replace("%5", amount_text(amounts.exclusive))
                .replace("%6", amount_text(amounts.tax)))
    if line.outcome == "existing":
        return (translate("Invoices", "%1: invoice %2 for %3 is recorded already")
                .replace("%1", where).replace("%2", line.number)
                .replace("%3", line.bill_number))
    reasons = translate("Messages", "; ").join(message_text(p) for p in line.problems)
    return (translate("Invoices", "%1: refused: %2").replace("%1", where)
            .replace("%2", reasons))


class InvoiceImportDialog(RecordReviewDialog):
    """A file's rehearsal: what would be recorded, what is recorded, what is refused and
    why; Record writes the first (the app does), nothing else."""

    object_name = "invoice-import-dialog"
    size_hint = (820, 520)

    def writes(self) -> int:
        return len(self.plan.to_issue)

    def line_text(self, line: Any) -> str:
        return import_line_text(line)

    def working_text(self) -> str:
        return self.tr("Recording…")

    def _retranslate(self) -> None:
        plan = self.plan
        self.setWindowTitle(self.tr("Import invoice numbers: %1").replace("%1", plan.file))
        self.summary.setText(
            self.tr("%1 to record, %2 recorded already, %3 refused. Nothing is written "
                    "until you record them.")
            .replace("%1", f"{len(plan.to_issue):,}").replace("%2", f"{len(plan.existing):,}")
            .replace("%3", f"{len(plan.refused):,}"))
        self.record_button.setText(self.tr("Record %1 invoices").replace(
            "%1", f"{len(plan.to_issue):,}"))
        self.close_button.setText(self.tr("Cancel"))
        super()._retranslate()
