"""A terminated or ended contract settled: its arrears, the late fees to the day, the
deposit applied to them and the rest refunded, in one rehearsed step.

What ``services.deposits.rehearse_settlement`` plans for the day chosen is shown before
anything is written: each open bill, oldest first, with what it still owes and what the
deposit pays of it; the late fees accrued to the day, billed on a final bill of their own
(paid from the deposit like the others); the deposit held, what is applied, what is
refunded, and what the tenant still owes when the deposit does not cover it. "Settle"
posts exactly that (``settle_termination``: the final bill, the deposit's movements and
their allocations, one transaction). A refusal (the contract still runs on that day) is
said in words. The dialog shows and emits; the app reads and writes.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from decimal import Decimal
from typing import Any

from PySide6.QtCore import QDate, QEvent, Qt, Signal
from PySide6.QtWidgets import (
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from views.contract_text import amount_text
from views.deposit_text import settlement_lines, settlement_rows
from views.map_text import money_text
from views.plain_table import plain_item, plain_table

DATE_FORMAT = "yyyy-MM-dd"
ERROR_COLOUR = "#b3261e"
OWED_COLOUR = "#b3261e"
NUMBER, CHARGE, DUE, OPEN, APPLIED = range(5)
ZERO = Decimal("0.00")


def _qdate(day: date) -> QDate:
    return QDate(day.year, day.month, day.day)


class SettlementDialog(QDialog):
    """The settlement of one contract on a day: rehearsed, read, then posted."""

    rehearseRequested = Signal(object)  # date
    settleRequested = Signal(object)  # the date rehearsed

    def __init__(self, code: str, currency: str, day: date,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("settlement-dialog")
        self.code, self.currency = code, currency
        self.plan: Any = None  # services.deposits.SettlementPlan, duck-typed
        self.planned_on: date | None = None
        self.written = False
        self.writing = False
        self.intro = QLabel(self)
        self.intro.setWordWrap(True)
        self.day = QDateEdit(self)
        self.day.setObjectName("settle-on")
        self.day.setCalendarPopup(True)
        self.day.setDisplayFormat(DATE_FORMAT)
        self.day.setDate(_qdate(day))
        self.day.dateChanged.connect(lambda _d: self.rehearse())
        self.day_label = QLabel(self)
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.FieldsStayAtSizeHint)
        form.addRow(self.day_label, self.day)
        self.summary = QLabel(self)
        self.summary.setObjectName("summary")
        self.summary.setWordWrap(True)
        self.summary.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.table = plain_table(self, 5)
        self.table.setObjectName("settled-bills")
        self.empty = QLabel(self)
        self.empty.setStyleSheet("color: #8a8a8a")
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setObjectName("settle-button")
        self.ok_button.setEnabled(False)  # until the rehearsal says what it will do
        self.buttons.accepted.connect(self._ok)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addLayout(form)
        layout.addWidget(self.summary)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.empty)
        layout.addWidget(self.buttons)
        self.resize(820, 520)
        self._retranslate()

    # -- in ------------------------------------------------------------------------------

    def chosen(self) -> date:
        return self.day.date().toPython()

    def rehearse(self) -> None:
        """Ask what settling on the chosen day would post (the answer comes to set_plan)."""
        if self.written or self.writing:
            return
        self.plan, self.planned_on = None, None
        self.ok_button.setEnabled(False)
        self.summary.setStyleSheet("")
        self.summary.setText(self.tr("Working out the settlement…"))
        self.rehearseRequested.emit(self.chosen())

    def set_plan(self, on: date, plan: Any) -> None:
        """What settling on ``on`` will post; an answer for another day than the one chosen
        now, or arriving once Settle was pressed, is dropped."""
        if on != self.chosen() or self.written or self.writing:
            return
        self.plan, self.planned_on = plan, on
        self._show(plan, done=False)
        self.ok_button.setEnabled(True)

    def set_refused(self, text: str, on: date | None = None) -> None:
        """Why it is refused: a rehearsal's (for ``on``), or the post's own."""
        if on is not None and (on != self.chosen() or self.writing or self.written):
            return
        if on is None:
            self.writing = False
            self.day.setEnabled(not self.written)
        self.plan, self.planned_on = None, None
        self.summary.setStyleSheet(f"color: {ERROR_COLOUR}")
        self.summary.setText(text)
        self.table.setRowCount(0)
        self.empty.hide()
        self.ok_button.setEnabled(False)

    def set_done(self, plan: Any) -> None:
        """Posted: what it did stays said."""
        self.written, self.writing = True, False
        self.plan = plan
        self._show(plan, done=True)
        self.day.setEnabled(False)
        self.ok_button.setEnabled(False)
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Close"))

    # -- showing -------------------------------------------------------------------------

    def _money(self, amount: Decimal) -> str:
        return money_text(amount, self.currency)

    def lines(self, plan: Any) -> list[str]:
        """The settlement in sentences: debts, late fees, the deposit, applied, the rest
        (``views.deposit_text``'s, as ``leasemap settle`` says them)."""
        return settlement_lines(plan, self._money)

    def rows(self, plan: Any) -> list[tuple[str, str, str, Decimal, Decimal]]:
        """Each bill settled: its number, charge, due date, open amount, deposit applied;
        the final bill of the late fees last."""
        return [row[1:] for row in settlement_rows(plan)]

    def _show(self, plan: Any, done: bool) -> None:
        s = plan.settlement
        head = (self.tr("Settled on %1:") if done else self.tr("Settling on %1:")).replace(
            "%1", s.on.isoformat())
        tail = [] if done else [self.tr("Nothing is written until you press Settle.")]
        self.summary.setStyleSheet("")
        self.summary.setText("\n".join([head, *(f"• {x}" for x in self.lines(plan)), *tail]))
        rows = self.rows(plan)
        self.table.setRowCount(len(rows))
        for r, (number, charge, due, open_amount, paid) in enumerate(rows):
            cells: Sequence[tuple[int, str, bool]] = (
                (NUMBER, number, False), (CHARGE, charge, False), (DUE, due, False),
                (OPEN, amount_text(open_amount), True), (APPLIED, amount_text(paid), True))
            colour = OWED_COLOUR if paid < open_amount else None
            for column, text, right in cells:
                self.table.setItem(r, column, plain_item(
                    text, colour if column == OPEN else None, right))
        self.empty.setVisible(not rows)

    def _ok(self) -> None:
        if self.writing or self.written or self.plan is None or self.planned_on is None:
            return
        self.writing = True
        self.ok_button.setEnabled(False)
        self.day.setEnabled(False)  # what is posted is what was said, for this day
        self.settleRequested.emit(self.planned_on)

    # -- language ------------------------------------------------------------------------

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)

    def _retranslate(self) -> None:
        self.setWindowTitle(self.tr("Settle %1").replace("%1", self.code))
        self.intro.setText(self.tr(
            "The contract's open bills and the late fees accrued to the day are paid from its "
            "deposit, oldest first; what the deposit holds beyond them is refunded."))
        self.day_label.setText(self.tr("Settle on"))
        self.ok_button.setText(self.tr("Settle"))
        self.empty.setText(self.tr("No bill is open: the whole deposit is refunded."))
        self.table.setHorizontalHeaderLabels([
            self.tr("Bill"), self.tr("Charge"), self.tr("Due"), self.tr("Open"),
            self.tr("Deposit applied")])
        if self.plan is not None:
            self._show(self.plan, self.written)
