"""One invoice event for one bill: issue (or reissue), void (作废) or reverse (红冲).

The tax platform issues the invoice; the clerk records here what it issued:
its number, its date and its amount. Issuing shows the bill (its total, what
is invoiced, what is left), the park's VAT rate for its charge, and, as the
amount is typed, the tax-inclusive and ex-tax amounts and the tax the
platform splits it into (``domain.billing.invoices``' own split, so what is
shown is what is recorded). The amount starts at what is left to invoice; it
may be typed tax included or ex-tax. A reissue names the voided or reversed
invoice it replaces. Voiding asks for the day and a reason; reversing asks
for the red invoice's own number and a reason, and shows its amounts, the
blue invoice's negated. The reason is required (a tax audit asks why): OK
stays disabled until one is typed, and the service refuses an empty one.

The dialog shows and emits (:attr:`InvoiceDialog.issueRequested` …); the app
records the event and calls :meth:`InvoiceDialog.recorded`, or
:meth:`InvoiceDialog.refused` with the reasons in the reader's words, and the
dialog stays open with what was typed. It is handed the bill as
``services.invoices.BillInvoices`` makes it and an invoice as
``domain.billing.invoices.Invoice`` (duck-typed).
"""

from __future__ import annotations

import html
from collections.abc import Sequence
from datetime import date
from decimal import Decimal, InvalidOperation
from typing import Any

from PySide6.QtCore import QCoreApplication, QDate, QEvent, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from domain.billing.invoices import (
    NOTE_LIMIT,
    Pricing,
    TaxAmounts,
    from_exclusive,
    from_inclusive,
)
from views.billing_text import bill_charge_text
from views.contract_text import amount_text, fraction_percent
from views.labels import date_text
from views.map_text import money_text

translate = QCoreApplication.translate
ISSUE, VOID, REVERSE = "issue", "void", "reverse"
ERROR_COLOUR = "#b3261e"
CREDIT_COLOUR = "#b3261e"
DATE_FORMAT = "yyyy-MM-dd"


# -- words the invoice list shares ---------------------------------------------------------


def state_text(state: str) -> str:
    """A bill's invoicing state (``services.invoices``' states)."""
    words = {
        "uninvoiced": translate("Invoices", "Not invoiced"),
        "part-invoiced": translate("Invoices", "Part invoiced"),
        "invoiced": translate("Invoices", "Invoiced"),
        "voided": translate("Invoices", "Voided"),
        "reversed": translate("Invoices", "Reversed (红冲)"),
        "over-invoiced": translate("Invoices", "Over-invoiced: reverse and reissue"),
        "not-invoiced": translate("Invoices", "Not invoiced: no VAT rate"),
    }
    return words.get(state, state)


def status_text(invoice: Any) -> str:
    """An invoice as it stands: issued, voided on a day, reversed by a red invoice, or a
    red invoice reversing another."""
    if invoice.red:
        return translate("Invoices", "Red invoice for %1").replace("%1", invoice.reverses)
    if invoice.voided_on is not None:
        return translate("Invoices", "Voided on %1").replace("%1", date_text(invoice.voided_on))
    if invoice.reversed_by:
        return translate("Invoices", "Reversed by %1").replace("%1", invoice.reversed_by)
    return translate("Invoices", "Issued")


def invoice_numbers_text(invoices: Sequence[Any]) -> str:
    """A bill's invoices in one cell: each number, with what became of it."""
    said = []
    for invoice in invoices:
        if invoice.red:
            said.append(translate("Invoices", "%1 (red)").replace("%1", invoice.number))
        elif invoice.voided_on is not None:
            said.append(translate("Invoices", "%1 (voided)").replace("%1", invoice.number))
        elif invoice.reversed_by:
            said.append(translate("Invoices", "%1 (reversed)").replace("%1", invoice.number))
        else:
            said.append(invoice.number)
    return translate("Invoices", ", ").join(said)


def rate_text(rate: Decimal | None) -> str:
    """A VAT rate kept as a fraction (0.09) said as a percentage (9%)."""
    return "—" if rate is None else f"{fraction_percent(rate)}%"


def parse_amount(text: str) -> Decimal | None:
    """An amount as typed (12,540.00, ¥12540): None unless a number to the cent."""
    bare = (text.strip().replace(",", "").replace("，", "").replace(" ", "")
            .replace("¥", "").replace("￥", ""))
    try:
        value = Decimal(bare)
    except (InvalidOperation, ValueError):
        return None
    if not value.is_finite() or value.as_tuple().exponent < -2:  # type: ignore[operator]
        return None
    return value


def split(amount: Decimal | None, rate: Decimal | None, pricing: Pricing
          ) -> TaxAmounts | None:
    """What the platform splits ``amount`` into at ``rate`` (None when either is missing)."""
    if amount is None or rate is None:
        return None
    return (from_exclusive(amount, rate) if pricing is Pricing.EXCLUSIVE
            else from_inclusive(amount, rate))


def _qdate(day: date) -> QDate:
    return QDate(day.year, day.month, day.day)


def _day(edit: QDateEdit) -> date:
    value = edit.date()
    return date(value.year(), value.month(), value.day())


# -- the dialog --------------------------------------------------------------------------


class InvoiceDialog(QDialog):
    """Issue, void or reverse one invoice of one bill; the app records it."""

    issueRequested = Signal(str, object, object, str, str)  # number, day, amount, pricing,
    # the invoice it replaces ("" for none)
    voidRequested = Signal(object, str)  # day, note
    reverseRequested = Signal(str, object, str)  # red number, day, note

    def __init__(self, mode: str, bill: Any, today: date, currency: str = "CNY",
                 invoice: Any | None = None, replaces: str = "",
                 pricing: Pricing = Pricing.INCLUSIVE, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("invoice-dialog")
        self.mode, self.bill, self.invoice, self.currency = mode, bill, invoice, currency
        self._working = False
        self.facts = QLabel(self)
        self.facts.setObjectName("facts")
        self.facts.setTextFormat(Qt.TextFormat.RichText)
        self.facts.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.form = QFormLayout()
        self.number_label, self.number_edit = QLabel(self), QLineEdit(self)
        self.number_edit.setObjectName("number")
        self.number_edit.setMaxLength(64)
        self.date_label, self.date_edit = QLabel(self), QDateEdit(_qdate(today), self)
        self.date_edit.setDisplayFormat(DATE_FORMAT)
        self.date_edit.setCalendarPopup(True)
        self.replaces_label, self.replaces_combo = QLabel(self), QComboBox(self)
        self.replaces_combo.setObjectName("replaces")
        self.amount_label, self.amount_edit = QLabel(self), QLineEdit(self)
        self.amount_edit.setObjectName("amount")
        self.pricing_combo = QComboBox(self)
        self.pricing_combo.setObjectName("pricing")
        self.pricing_combo.addItem("", Pricing.INCLUSIVE.value)
        self.pricing_combo.addItem("", Pricing.EXCLUSIVE.value)
        self.pricing_combo.setCurrentIndex(self.pricing_combo.findData(pricing.value))
        self.split_label, self.split_value = QLabel(self), QLabel(self)
        self.split_value.setObjectName("split")
        self.note_label, self.note_edit = QLabel(self), QLineEdit(self)
        self.note_edit.setObjectName("note")
        self.note_edit.setMaxLength(NOTE_LIMIT)
        self.status = QLabel(self)
        self.status.setObjectName("status")
        self.status.setWordWrap(True)
        self.buttons = QDialogButtonBox(self)
        self.ok_button = QPushButton(self)
        self.ok_button.setObjectName("ok-button")
        self.ok_button.setDefault(True)
        self.buttons.addButton(self.ok_button, QDialogButtonBox.ButtonRole.AcceptRole)
        self.cancel_button = self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.request)
        self.buttons.rejected.connect(self.reject)

        amount_row = QWidget(self)
        amount_layout = QHBoxLayout(amount_row)
        amount_layout.setContentsMargins(0, 0, 0, 0)
        amount_layout.addWidget(self.amount_edit, 1)
        amount_layout.addWidget(self.pricing_combo)
        closed = [i.number for i in getattr(bill, "closed", ())] if mode == ISSUE else []
        rows: list[tuple[QLabel, QWidget]] = {
            ISSUE: [(self.number_label, self.number_edit), (self.date_label, self.date_edit),
                    (self.amount_label, amount_row), (self.split_label, self.split_value)]
            + ([(self.replaces_label, self.replaces_combo)] if closed else []),
            REVERSE: [(self.number_label, self.number_edit), (self.date_label, self.date_edit),
                      (self.split_label, self.split_value), (self.note_label, self.note_edit)],
            VOID: [(self.date_label, self.date_edit), (self.note_label, self.note_edit)],
        }[mode]
        for label, field in rows:
            self.form.addRow(label, field)
        used = {w for pair in rows for w in pair}
        for widget in (self.number_label, self.number_edit, self.amount_label, amount_row,
                       self.split_label, self.split_value, self.replaces_label,
                       self.replaces_combo, self.note_label, self.note_edit):
            widget.setVisible(widget in used)
        if closed:
            self.replaces_combo.addItem("", "")
            for number in closed:
                self.replaces_combo.addItem(number, number)
            self.replaces_combo.setCurrentIndex(max(self.replaces_combo.findData(replaces), 0))
        if mode == ISSUE and bill.uninvoiced > 0:
            self.amount_edit.setText(f"{bill.uninvoiced:.2f}")
        self.number_edit.textChanged.connect(lambda _t: self._update())
        self.note_edit.textChanged.connect(lambda _t: self._update())
        self.amount_edit.textChanged.connect(lambda _t: self._update())
        self.pricing_combo.currentIndexChanged.connect(lambda _i: self._update())
        layout = QVBoxLayout(self)
        layout.addWidget(self.facts)
        layout.addLayout(self.form)
        layout.addWidget(self.status)
        layout.addStretch(1)
        layout.addWidget(self.buttons)
        self.resize(560, 0)
        self._retranslate()

    # -- what is chosen ------------------------------------------------------------------

    def pricing(self) -> Pricing:
        return Pricing(self.pricing_combo.currentData())

    def amount(self) -> Decimal | None:
        return parse_amount(self.amount_edit.text())

    def amounts(self) -> TaxAmounts | None:
        """What would be recorded: the typed amount split (issue), or the red invoice's
        amounts (reverse)."""
        if self.mode == REVERSE and self.invoice is not None:
            lines = self.invoice.lines
            rate = lines[0].rate if lines else (self.bill.rate or Decimal(0))
            return TaxAmounts(-self.invoice.inclusive, -self.invoice.exclusive,
                              -self.invoice.tax, rate)
        if self.mode != ISSUE:
            return None
        return split(self.amount(), self.bill.rate, self.pricing())

    def day(self) -> date:
        return _day(self.date_edit)

    def can_record(self) -> bool:
        if self._working:
            return False
        if self.mode in (VOID, REVERSE) and not self.note_edit.text().strip():
            return False  # a void and a red invoice say why (a tax audit asks)
        if self.mode == VOID:
            return True
        if not self.number_edit.text().strip():
            return False
        if self.mode == ISSUE:
            amount = self.amount()
            return amount is not None and amount > 0 and self.bill.rate is not None
        return True

    # -- out -----------------------------------------------------------------------------

    def request(self) -> None:
        """Ask the app to record the event (OK)."""
        if not self.can_record():
            return
        self._working = True
        self.status.setText(self.tr("Recording…"))
        self.status.setStyleSheet("")
        if self.mode == ISSUE:
            self.issueRequested.emit(self.number_edit.text().strip(), self.day(), self.amount(),
                                     self.pricing().value,
                                     str(self.replaces_combo.currentData() or ""))
        elif self.mode == VOID:
            self.voidRequested.emit(self.day(), self.note_edit.text().strip())
        else:
            self.reverseRequested.emit(self.number_edit.text().strip(), self.day(),
                                       self.note_edit.text().strip())
        self._update()

    # -- in ------------------------------------------------------------------------------

    def refused(self, text: str) -> None:
        """The event was not recorded: why; what was typed stays to correct."""
        self._working = False
        self.status.setText(text)
        self.status.setStyleSheet(f"color: {ERROR_COLOUR}")
        self._update()

    def recorded(self) -> None:
        """The event was recorded: the dialog closes as accepted."""
        self._working = False
        self.accept()

    # -- showing -------------------------------------------------------------------------

    def _facts_html(self) -> str:
        bill, money = self.bill, (lambda v: money_text(v, self.currency))
        rows = [
            (self.tr("Bill"), bill.number),
            (self.tr("Tenant"), bill.tenant or bill.contract),
            (self.tr("Charge"), bill_charge_text(bill.charge)),
            (self.tr("Period"), f"{date_text(bill.period_start)} – {date_text(bill.period_end)}"),
            (self.tr("Bill total"), money(bill.total)),
            (self.tr("Invoiced"), money(bill.inclusive)),
            (self.tr("Left to invoice"), money(bill.uninvoiced)),
            (self.tr("VAT rate"), rate_text(bill.rate)),
        ]
        invoice = self.invoice
        if invoice is not None:
            rows += [
                (self.tr("Invoice"), invoice.number),
                (self.tr("Issued on"), date_text(invoice.issued_on)),
                (self.tr("Amount incl. tax"), money(invoice.inclusive)),
            ]
        cells = "".join(f"<tr><td>{html.escape(k)}</td><td>&nbsp;&nbsp;{html.escape(v)}</td></tr>"
                        for k, v in rows)
        return f"<table cellspacing='0' cellpadding='1'>{cells}</table>"

    def _split_text(self) -> str:
        amounts = self.amounts()
        if amounts is None:
            if self.mode == ISSUE and self.bill.rate is None:
                return self.tr("The park has no VAT rate for this charge.")
            return "—"
        return (self.tr("%1 incl. tax = %2 excl. tax + %3 tax at %4")
                .replace("%1", amount_text(amounts.inclusive))
                .replace("%2", amount_text(amounts.exclusive))
                .replace("%3", amount_text(amounts.tax))
                .replace("%4", rate_text(amounts.rate)))

    def _update(self) -> None:
        self.ok_button.setEnabled(self.can_record())
        for edit in (self.number_edit, self.date_edit, self.amount_edit, self.pricing_combo,
                     self.replaces_combo, self.note_edit):
            edit.setEnabled(not self._working)
        self.split_value.setText(self._split_text())
        negative = self.mode == REVERSE
        self.split_value.setStyleSheet(f"color: {CREDIT_COLOUR}" if negative else "")

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)

    def _retranslate(self) -> None:
        number = self.invoice.number if self.invoice is not None else ""
        if self.mode == ISSUE:
            reissue = bool(self.replaces_combo.count())
            self.setWindowTitle(self.tr("Reissue an invoice") if reissue
                                else self.tr("Issue an invoice"))
            self.number_label.setText(self.tr("Invoice number:"))
            self.ok_button.setText(self.tr("Record the invoice"))
        elif self.mode == VOID:
            self.setWindowTitle(self.tr("Void invoice %1").replace("%1", number))
            self.ok_button.setText(self.tr("Void"))
        else:
            self.setWindowTitle(self.tr("Reverse invoice %1 (红冲)").replace("%1", number))
            self.number_label.setText(self.tr("Red invoice number:"))
            self.ok_button.setText(self.tr("Record the red invoice"))
        self.number_edit.setPlaceholderText(self.tr("as the tax platform issued it"))
        self.date_label.setText(self.tr("Date:"))
        self.amount_label.setText(self.tr("Amount:"))
        self.pricing_combo.setItemText(0, self.tr("tax included"))
        self.pricing_combo.setItemText(1, self.tr("tax excluded"))
        self.split_label.setText(self.tr("Red amounts:") if self.mode == REVERSE
                                 else self.tr("Split:"))
        self.replaces_label.setText(self.tr("Replaces:"))
        if self.replaces_combo.count():
            self.replaces_combo.setItemText(0, self.tr("(none)"))
        self.note_label.setText(self.tr("Reason:"))
        self.note_edit.setPlaceholderText(self.tr("required: why, as a tax audit would ask"))
        self.cancel_button.setText(self.tr("Cancel"))
        self.facts.setText(self._facts_html())
        self._update()
