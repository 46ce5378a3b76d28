"""A deposit received or refunded, from the contract window's Deposit tab.

"Receive…" asks the amount (the agreed deposit less what is held, when that is above
nothing), the day, and, optionally, the payment it came in: one of the tenant's payments
that still holds money not allocated (the app lists them: day, amount, payer, what each
holds). "Refund…" asks the amount (all that is held) and the day. Before anything is
written the dialog says what will be (``services.deposits.rehearse_receipt`` /
``rehearse_refund``, in ``views.deposit_text``'s words, as ``leasemap deposit-receive`` and
``deposit-refund`` say it): what the deposit holds before → after, and the payment's money
the deposit takes, with what the payment then holds for the payments queue; or why it is
refused (an amount not in cents, beyond the payment, beyond what is held), in words.
"Save" writes it. The dialog shows and emits; the app reads and writes.
"""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from decimal import Decimal, InvalidOperation
from typing import Any

from PySide6.QtCore import QDate, QEvent, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from views.contract_text import amount_text
from views.deposit_text import money_text, movement_plan_lines, payment_choice_text

RECEIVED, REFUNDED = "received", "refunded"
DATE_FORMAT = "yyyy-MM-dd"
ERROR_COLOUR = "#b3261e"
MUTED_COLOUR = "#8a8a8a"
WAIT_MS = 250  # typing pauses this long before the rehearsal is asked for


@dataclass(frozen=True)
class DepositMoveInput:
    """What the clerk asked for: the amount, the day, and (a receipt) the payment."""

    amount: Decimal
    on: date
    payment_id: uuid.UUID | None = None


def typed_amount(text: str) -> Decimal | None:
    """An amount as typed (25080, 25,080.00, ¥25,080): every digit kept, so the service
    can say a fraction of a cent or an amount not above 0.00 is refused; None when it is
    not a number."""
    bare = text.strip().replace(",", "").replace("，", "").replace(" ", "")
    for mark in ("¥", "￥", "元"):
        bare = bare.replace(mark, "")
    try:
        value = Decimal(bare)
    except (InvalidOperation, ValueError):
        return None
    return value if value.is_finite() else None


class DepositMoveDialog(QDialog):
    """A receipt (``kind`` "received") or a refund ("refunded") of ``code``'s deposit:
    the amount, the day (and the payment), what it will write, then "Save"."""

    rehearseRequested = Signal(object)  # DepositMoveInput
    saveRequested = Signal(object)  # DepositMoveInput, as last rehearsed

    def __init__(self, kind: str, code: str, currency: str, held: Decimal, agreed: Decimal,
                 day: date, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(f"deposit-{kind}-dialog")
        self.kind, self.code, self.currency = kind, code, currency
        self.held, self.agreed = held, agreed
        self.planned: DepositMoveInput | None = None  # what the plan shown was rehearsed for
        self.said: list[str] = []
        self.written = False
        self.writing = False
        self.payments: tuple[Any, ...] | None = None  # None: not read yet
        self.intro = QLabel(self)
        self.intro.setWordWrap(True)
        self.amount = QLineEdit(self)
        self.amount.setObjectName("amount")
        default = (agreed - held) if kind == RECEIVED else held
        if default > 0:
            self.amount.setText(amount_text(default))
        self.day = QDateEdit(self)
        self.day.setObjectName("day")
        self.day.setCalendarPopup(True)
        self.day.setDisplayFormat(DATE_FORMAT)
        self.day.setDate(QDate(day.year, day.month, day.day))
        self.payment = QComboBox(self)
        self.payment.setObjectName("payment")
        self.payment.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.payment.setMinimumContentsLength(48)
        self.payment_note = QLabel(self)
        self.payment_note.setWordWrap(True)
        self.payment_note.setStyleSheet(f"color: {MUTED_COLOUR}")
        self.labels = [QLabel(self), QLabel(self), QLabel(self)]
        form = QFormLayout()
        form.addRow(self.labels[0], self.amount)
        form.addRow(self.labels[1], self.day)
        if kind == RECEIVED:
            form.addRow(self.labels[2], self.payment)
            form.addRow("", self.payment_note)
        else:
            for widget in (self.labels[2], self.payment, self.payment_note):
                widget.hide()
        self.plan = QLabel(self)
        self.plan.setObjectName("plan")
        self.plan.setWordWrap(True)
        self.plan.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.plan.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setObjectName("save")
        self.ok_button.setEnabled(False)  # until the rehearsal says what it will write
        self.buttons.accepted.connect(self._ok)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addLayout(form)
        layout.addWidget(self.plan, 1)
        layout.addWidget(self.buttons)
        self.wait = QTimer(self)
        self.wait.setSingleShot(True)
        self.wait.setInterval(WAIT_MS)
        self.wait.timeout.connect(self.rehearse)
        self.amount.textChanged.connect(lambda _t: self._changed())
        self.day.dateChanged.connect(lambda _d: self._changed())
        self.payment.currentIndexChanged.connect(lambda _i: self._changed())
        self.resize(640, 340 if kind == RECEIVED else 250)
        self._retranslate()

    # -- in ------------------------------------------------------------------------------

    def set_payments(self, payments: Sequence[Any]) -> None:
        """The tenant's payments that hold money (``services.deposits.PaymentHolding``),
        offered as what the deposit came in; the one chosen stays chosen if listed."""
        chosen = self.chosen_payment()
        self.payments = tuple(payments)
        self.payment.blockSignals(True)
        self._fill_payments()
        index = self.payment.findData(str(chosen)) if chosen is not None else 0
        self.payment.setCurrentIndex(max(0, index))
        self.payment.blockSignals(False)
        self._say_payments()
        if self.chosen_payment() != chosen:
            self._changed()

    def choose_payment(self, payment_id: uuid.UUID | None) -> bool:
        """Choose the payment (None: none); False when it is not listed."""
        index = 0 if payment_id is None else self.payment.findData(str(payment_id))
        if index < 0:
            return False
        self.payment.setCurrentIndex(index)
        return True

    def asked(self) -> DepositMoveInput | None:
        """What is asked now; None while the amount typed is not a number."""
        amount = typed_amount(self.amount.text())
        if amount is None:
            return None
        return DepositMoveInput(amount, self.day.date().toPython(), self.chosen_payment())

    def chosen_payment(self) -> uuid.UUID | None:
        data = self.payment.currentData() if self.kind == RECEIVED else None
        return uuid.UUID(str(data)) if data else None

    def rehearse(self) -> None:
        """Ask what the movement asked for would write (the answer comes to set_plan)."""
        self.wait.stop()
        if self.written or self.writing:
            return
        self.planned = None
        self.ok_button.setEnabled(False)
        asked = self.asked()
        if asked is None:
            self._say_error(self.tr("Type the amount as a number, such as 25,080.00."))
            return
        self.plan.setStyleSheet("")
        self.plan.setText(self.tr("Working out what it writes…"))
        self.rehearseRequested.emit(asked)

    def set_plan(self, asked: DepositMoveInput, plan: Any) -> None:
        """What ``asked`` will write (``services.deposits.MovementPlan``); an answer for
        something else than what is asked now, or arriving once Save was pressed, is
        dropped."""
        if asked != self.asked() or self.written or self.writing:
            return
        self.planned = asked
        self.said = movement_plan_lines(plan, self.currency)
        self.plan.setStyleSheet("")
        self.plan.setText("\n".join(
            [self._head(plan, done=False), *(f"• {line}" for line in self.said),
             self.tr("Nothing is written until you press Save.")]))
        self.ok_button.setEnabled(True)

    def set_refused(self, text: str, asked: DepositMoveInput | None = None) -> None:
        """Why it is refused: a rehearsal's (for ``asked``: dropped if something else is
        asked now, or once Save was pressed), or the write's own (no ``asked``: the
        fields can be changed again)."""
        if asked is not None and (asked != self.asked() or self.writing or self.written):
            return
        if asked is None:
            self.writing = False
            self._enable_fields(not self.written)
        self.planned = None
        self._say_error(text)

    def set_done(self, plan: Any) -> None:
        """Written: what it did stays said under it."""
        self.written, self.writing = True, False
        self.said = movement_plan_lines(plan, self.currency)
        self.plan.setStyleSheet("")
        self.plan.setText("\n".join([self._head(plan, done=True),
                                     *(f"• {line}" for line in self.said)]))
        self._enable_fields(False)
        self.ok_button.setEnabled(False)
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Close"))

    # -- out -----------------------------------------------------------------------------

    def _changed(self) -> None:
        if self.written or self.writing:
            return
        self.planned = None
        self.ok_button.setEnabled(False)
        self.wait.start()

    def _ok(self) -> None:
        if self.writing or self.written or self.planned is None:
            return
        if self.planned != self.asked():
            self.rehearse()
            return
        self.writing = True
        self.ok_button.setEnabled(False)
        self._enable_fields(False)  # what is written is what was said
        self.saveRequested.emit(self.planned)

    # -- showing -------------------------------------------------------------------------

    def _head(self, plan: Any, done: bool) -> str:
        amount = money_text(plan.amount, self.currency)
        if plan.kind == REFUNDED:
            text = (self.tr("Refunded %1 of %2's deposit on %3.") if done else
                    self.tr("Refunding %1 of %2's deposit on %3:"))
        else:
            text = (self.tr("Received %1 into %2's deposit on %3.") if done else
                    self.tr("Receiving %1 into %2's deposit on %3:"))
        return (text.replace("%1", amount).replace("%2", plan.code)
                .replace("%3", plan.on.isoformat()))

    def _say_error(self, text: str) -> None:
        self.plan.setStyleSheet(f"color: {ERROR_COLOUR}")
        self.plan.setText(text)
        self.ok_button.setEnabled(False)

    def _enable_fields(self, on: bool) -> None:
        for widget in (self.amount, self.day, self.payment):
            widget.setEnabled(on)

    def _fill_payments(self) -> None:
        self.payment.clear()
        self.payment.addItem(self.tr("None: not out of a payment entered here"), "")
        for p in self.payments or ():
            self.payment.addItem(payment_choice_text(p, self.currency), str(p.id))

    def _say_payments(self) -> None:
        if self.payments is None:
            said = self.tr("Reading the tenant's payments that hold money…")
        elif not self.payments:
            said = self.tr("No payment of the tenant's holds money not allocated.")
        else:
            said = self.tr("%1 of the tenant's payments hold money not allocated; the "
                           "deposit taken out of one no longer waits in the payments queue."
                           ).replace("%1", f"{len(self.payments):,}")
        self.payment_note.setText(said)

    # -- language ------------------------------------------------------------------------

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)

    def _retranslate(self) -> None:
        held = money_text(self.held, self.currency)
        agreed = money_text(self.agreed, self.currency)
        if self.kind == REFUNDED:
            self.setWindowTitle(self.tr("Refund the deposit of %1").replace("%1", self.code))
            self.intro.setText(self.tr(
                "Part or all of what the deposit holds (%1 of %2 agreed), paid back to the "
                "tenant. Once the contract has ended, Settle… applies it to what is still "
                "owed first.").replace("%1", held).replace("%2", agreed))
        else:
            self.setWindowTitle(self.tr("Receive the deposit of %1").replace("%1", self.code))
            self.intro.setText(self.tr(
                "The deposit received, in whole or in part: it holds %1 of %2 agreed."
                ).replace("%1", held).replace("%2", agreed))
        self.labels[0].setText(self.tr("Amount"))
        self.labels[1].setText(self.tr("Dated"))
        self.labels[2].setText(self.tr("Came in with"))
        self.amount.setPlaceholderText(self.tr("e.g. 25,080.00"))
        self.ok_button.setText(self.tr("Save"))
        if self.kind == RECEIVED:
            self.payment.blockSignals(True)
            chosen = self.payment.currentIndex()
            self._fill_payments()
            self.payment.setCurrentIndex(max(0, chosen))
            self.payment.blockSignals(False)
            self._say_payments()
