"""Enter a payment by hand: money that came in outside a bank statement.

Cash at the front desk, a cheque, a transfer to an account whose statements
are not imported: the day, the amount, who paid and what they wrote. With a
tenant chosen the payment pays that tenant's oldest bills first (what is left
waits in Payments to match); without one it waits there whole. The dialog
checks what it can (an amount above 0.00, in cents) and emits; the app
enters it and answers with :meth:`set_refused` when the ledger refuses.
"""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from PySide6.QtCore import QDate, QEvent, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from views.payment_queue import parse_amount

FAILED_COLOUR = "#b3261e"


@dataclass(frozen=True)
class EnteredPayment:
    """What the person entered (the app makes the service's ``PaymentInput`` of it)."""

    received_on: date
    amount: Decimal
    payer: str
    remarks: str
    tenant_id: uuid.UUID | None


class PaymentEntryDialog(QDialog):
    enterRequested = Signal(object)  # EnteredPayment

    def __init__(self, today: date, tenants: Sequence[tuple[uuid.UUID, str]] = (),
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("payment-entry-dialog")
        self._busy = False
        self._said = ""
        self.intro = QLabel(self)
        self.intro.setWordWrap(True)
        self.date_edit = QDateEdit(QDate(today.year, today.month, today.day), self)
        self.date_edit.setDisplayFormat("yyyy-MM-dd")
        self.date_edit.setCalendarPopup(True)
        self.amount_edit = QLineEdit(self)
        self.amount_edit.setObjectName("amount")
        self.amount_edit.textChanged.connect(lambda _t: self._update())
        self.payer_edit = QLineEdit(self)
        self.payer_edit.setObjectName("payer")
        self.remarks_edit = QLineEdit(self)
        self.remarks_edit.setObjectName("remarks")
        self.tenant_box = QComboBox(self)
        self.tenant_box.setObjectName("tenant")
        self.tenant_box.addItem("", None)
        for tenant_id, name in sorted(tenants, key=lambda t: t[1]):
            self.tenant_box.addItem(name, tenant_id)
        self.tenant_box.currentIndexChanged.connect(lambda _i: self._tenant_chosen())
        self.status = QLabel(self)
        self.status.setObjectName("status")
        self.status.setWordWrap(True)
        self.buttons = QDialogButtonBox(self)
        self.enter_button = QPushButton(self)
        self.enter_button.setObjectName("enter-button")
        self.enter_button.setDefault(True)
        self.enter_button.clicked.connect(self.request_enter)
        self.buttons.addButton(self.enter_button, QDialogButtonBox.ButtonRole.AcceptRole)
        self.cancel_button = self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.buttons.rejected.connect(self.reject)
        self.form = QFormLayout()
        self.labels = [QLabel(self) for _ in range(5)]
        for label, field in zip(self.labels, (self.date_edit, self.amount_edit, self.payer_edit,
                                              self.remarks_edit, self.tenant_box), strict=True):
            self.form.addRow(label, field)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addLayout(self.form)
        layout.addWidget(self.status)
        layout.addWidget(self.buttons)
        self.resize(520, 300)
        self._retranslate()

    # -- in / out ------------------------------------------------------------------------

    def payment(self) -> EnteredPayment | None:
        """The payment as entered; None while the amount is not one."""
        amount = parse_amount(self.amount_edit.text())
        if amount is None or amount <= 0:
            return None
        value = self.date_edit.date()
        return EnteredPayment(date(value.year(), value.month(), value.day()), amount,
                              self.payer_edit.text().strip(), self.remarks_edit.text().strip(),
                              self.tenant_box.currentData())

    def choose_tenant(self, tenant_id: uuid.UUID | None) -> None:
        """Choose ``tenant_id`` (None: no tenant), as a pick in the box does."""
        found = [i for i in range(self.tenant_box.count())
                 if self.tenant_box.itemData(i) == tenant_id]
        self.tenant_box.setCurrentIndex(found[0] if found else 0)

    def set_date(self, day: date) -> None:
        self.date_edit.setDate(QDate(day.year, day.month, day.day))

    def request_enter(self) -> None:
        entered = self.payment()
        if entered is not None and not self._busy:
            self._busy, self._said = True, ""
            self._update()
            self.enterRequested.emit(entered)

    def set_refused(self, message: str) -> None:
        """Why the payment was not entered; the dialog stays open to correct it."""
        self._busy, self._said = False, message
        self._update()

    # -- showing -------------------------------------------------------------------------

    def _tenant_chosen(self) -> None:
        """A tenant chosen with no payer typed: the payer is taken to be the tenant."""
        if self.tenant_box.currentData() is not None and not self.payer_edit.text().strip():
            self.payer_edit.setText(self.tenant_box.currentText())
        self._update()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)

    def _retranslate(self) -> None:
        self.setWindowTitle(self.tr("Enter a payment"))
        self.intro.setText(self.tr(
            "Money received outside a bank statement: cash, a cheque, a transfer to an "
            "account whose statements are not imported. With a tenant it pays the tenant's "
            "oldest bills first; without one it waits in Payments to match."))
        for label, text in zip(self.labels, (
                self.tr("Received on:"), self.tr("Amount:"), self.tr("Payer:"),
                self.tr("Remarks:"), self.tr("Tenant:")), strict=True):
            label.setText(text)
        self.amount_edit.setPlaceholderText(self.tr("e.g. 12540.00"))
        self.remarks_edit.setPlaceholderText(self.tr("What the payer wrote, a bill or contract "
                                                     "number"))
        self.tenant_box.setItemText(0, self.tr("(none: it waits in Payments to match)"))
        self.enter_button.setText(self.tr("Enter"))
        self.cancel_button.setText(self.tr("Cancel"))
        self._update()

    def _update(self) -> None:
        amount = parse_amount(self.amount_edit.text())
        typed = bool(self.amount_edit.text().strip())
        problem = ""
        if typed and amount is None:
            problem = self.tr("The amount cannot be read: type it as 1234.56.")
        elif typed and amount is not None and amount <= 0:
            problem = self.tr("A payment is an amount above 0.00.")
        self.enter_button.setEnabled(not self._busy and self.payment() is not None)
        said = self._said or problem
        self.status.setText(said)
        self.status.setStyleSheet(f"color: {FAILED_COLOUR}" if said else "")
