"""Payments to match: the money received that is not allocated yet, and a person's decision.

Every payment still holding money waits here, oldest first, with what
matching proposes: the tenants it may be from (best first, each with its
confidence and the reasons it scored, in words), why it was not allocated
automatically, and the allocation proposed (bills, oldest or named first).
A person corrects the allocation — the amount per bill, another open bill of
the tenant added, a bill taken away, another tenant altogether — and
confirms it, ticking "remember this payer name" so the next transfer under
that name matches the tenant; or refunds what is left over. The ledger has
the last word: an allocation it refuses (more than a bill is owed, more than
the payment holds) is said in words and nothing is written.

The panel shows and emits (``confirmRequested``, ``refundRequested``,
``refreshRequested``); the app allocates in its worker pool and answers with
:meth:`set_queue`, :meth:`set_done` or :meth:`set_refused`. It is handed a
:class:`QueueSnapshot` the app reads: the service's queue items (duck-typed
``QueueItem``: ``payment``, ``unallocated``, ``match``), every tenant's names
and every tenant's open bills, so any tenant can be chosen.
"""

from __future__ import annotations

import uuid
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal, InvalidOperation
from typing import Any

from PySide6.QtCore import QCoreApplication, QEvent, QModelIndex, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from domain.billing.allocation import allocate
from domain.billing.balances import OpenItem
from domain.billing.matching import bill_reference, normalise_name
from domain.money import ZERO, money
from views.billing_text import bill_charge_text
from views.contract_text import amount_text
from views.labels import date_text
from views.map_text import money_text
from views.payment_text import outcome_text, reason_line, reason_text
from views.row_table_model import Column, RowFilterProxy, RowTableModel
from views.row_table_view import list_view, row_of, visible_rows

translate = QCoreApplication.translate
WARNING_COLOUR = "#b3261e"
PROPOSED_COLOUR = "#8a5a00"
DONE_COLOUR = "#1b6e2a"


@dataclass(frozen=True)
class TenantLabel:
    name: str
    short_name: str = ""


@dataclass(frozen=True)
class QueueSnapshot:
    """What the panel shows, read by the app in one go."""

    items: Sequence[Any]  # services.payments.QueueItem
    tenants: Mapping[uuid.UUID, TenantLabel]  # every tenant of the park
    open_items: Mapping[uuid.UUID, Sequence[OpenItem]]  # by tenant, oldest first
    currency: str = "CNY"


@dataclass(frozen=True)
class QueueRow:
    """One payment waiting, as the queue's table shows it."""

    payment_id: uuid.UUID
    received_on: date
    payer: str
    amount: Decimal
    unallocated: Decimal
    outcome: str
    tenant: str  # the best candidate's name
    confidence: int
    item: Any = field(compare=False, repr=False)


def queue_rows(snapshot: QueueSnapshot) -> list[QueueRow]:
    rows = []
    for item in snapshot.items:
        match = item.match
        best = match.candidates[0] if match.candidates else None
        label = snapshot.tenants.get(best.tenant_id) if best is not None else None
        name = (label.name if label is not None else item.tenants.get(best.tenant_id, "")
                ) if best is not None else ""
        rows.append(QueueRow(item.payment.id, item.payment.received_on, item.payment.payer,
                             item.payment.amount, item.unallocated, str(match.outcome.value),
                             name, match.confidence, item))
    return rows


def queue_columns() -> list[Column[QueueRow]]:
    """Date, payer, amount, unallocated, matching, best candidate, confidence."""
    def colour(row: QueueRow) -> str | None:
        return WARNING_COLOUR if row.outcome == "unmatched" else PROPOSED_COLOUR

    return [
        Column("date", lambda: translate("PaymentQueue", "Date"), lambda r: r.received_on,
               text=date_text, width=10),
        Column("payer", lambda: translate("PaymentQueue", "Payer"), lambda r: r.payer,
               width=22),
        Column("amount", lambda: translate("PaymentQueue", "Amount"), lambda r: r.amount,
               text=amount_text, align_right=True, width=12),
        Column("unallocated", lambda: translate("PaymentQueue", "Unallocated"),
               lambda r: r.unallocated, text=amount_text, align_right=True, width=12),
        Column("outcome", lambda: translate("PaymentQueue", "Matching"), lambda r: r.outcome,
               text=outcome_text, color=colour, width=10),
        Column("tenant", lambda: translate("PaymentQueue", "Best candidate"),
               lambda r: r.tenant, width=22),
        Column("confidence", lambda: translate("PaymentQueue", "Confidence"),
               lambda r: r.confidence, text=lambda v: str(v) if v else "", align_right=True,
               width=6),
    ]


def bill_label(item: OpenItem) -> str:
    """A bill as a person names it: the number it was posted with, else its short one."""
    return item.number or bill_reference(item.contract_code, item.period_start, item.charge)


def parse_amount(text: str) -> Decimal | None:
    """An amount typed: digits with thousands separators, at most to the cent; None when
    it is not one."""
    cleaned = text.strip().replace(",", "").replace("，", "")
    if not cleaned:
        return ZERO
    try:
        value = Decimal(cleaned)
    except InvalidOperation:
        return None
    if not value.is_finite() or value != money(value):  # a fraction of a cent is refused
        return None
    return money(value)


class PaymentQueuePanel(QWidget):
    """The queue and the chosen payment's candidates, reasons and allocation."""

    refreshRequested = Signal()
    # payment id, [(bill id, amount)], the tenant whose name the payer is (None: do not learn)
    confirmRequested = Signal(object, object, object)
    # payment id, [(bill id, amount)] allocated first, payer_is, the amount refunded
    refundRequested = Signal(object, object, object, object)

    PART_COLUMNS = 5  # bill, charge, due, open, allocate (the bill's number says its period)
    AMOUNT_COLUMN = 4

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("payment-queue")
        self.snapshot: QueueSnapshot | None = None
        self.current: QueueRow | None = None
        self.tenant_id: uuid.UUID | None = None
        self.part_items: list[OpenItem] = []  # the bills in the allocation table, in order
        self._busy = False
        self._loading = False
        self._said = ""
        self._said_colour = ""
        self._filling = False
        self.refund_box: QMessageBox | None = None

        self.summary = QLabel(self)
        self.summary.setObjectName("summary")
        self.summary.setWordWrap(True)
        self.refresh_button = QPushButton(self)
        self.refresh_button.setObjectName("refresh-button")
        self.refresh_button.clicked.connect(self.refreshRequested)
        self.queue_model: RowTableModel[QueueRow] = RowTableModel(queue_columns(), self)
        self.queue_proxy = RowFilterProxy(self)
        self.queue_proxy.setSourceModel(self.queue_model)
        self.queue_table = list_view(self.queue_proxy, self)
        self.queue_model.size_columns(self.queue_table)
        self.queue_table.selectionModel().currentRowChanged.connect(
            lambda current, _previous: self._payment_chosen(current))

        self.payment_label = QLabel(self)
        self.payment_label.setObjectName("payment")
        self.payment_label.setWordWrap(True)
        self.payment_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.why_label = QLabel(self)
        self.why_label.setObjectName("why")
        self.why_label.setWordWrap(True)
        self.candidate_table = QTableWidget(0, 4, self)
        self.candidate_table.setObjectName("candidates")
        self.candidate_table.verticalHeader().hide()
        self.candidate_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.candidate_table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.candidate_table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.candidate_table.horizontalHeader().setSectionResizeMode(
            0, QHeaderView.ResizeMode.Stretch)
        self.candidate_table.currentCellChanged.connect(
            lambda row, _c, _pr, _pc: self._candidate_chosen(row))
        self.reasons_label = QLabel(self)
        self.reasons_label.setObjectName("reasons")
        self.reasons_label.setWordWrap(True)
        self.reasons_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.tenant_box = QComboBox(self)
        self.tenant_box.setObjectName("tenant-box")
        self.tenant_box.currentIndexChanged.connect(lambda _i: self._tenant_box_changed())
        self.part_table = QTableWidget(0, self.PART_COLUMNS, self)
        self.part_table.setObjectName("parts")
        self.part_table.verticalHeader().hide()
        self.part_table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.part_table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.part_table.horizontalHeader().setSectionResizeMode(
            QHeaderView.ResizeMode.ResizeToContents)
        self.part_table.horizontalHeader().setStretchLastSection(True)
        self.part_table.itemChanged.connect(lambda _item: self._parts_changed())
        self.add_box = QComboBox(self)
        self.add_box.setObjectName("add-box")
        self.add_button = QPushButton(self)
        self.add_button.setObjectName("add-button")
        self.add_button.clicked.connect(self._add_chosen)
        self.remove_button = QPushButton(self)
        self.remove_button.setObjectName("remove-button")
        self.remove_button.clicked.connect(self._remove_current)
        self.totals_label = QLabel(self)
        self.totals_label.setObjectName("totals")
        self.totals_label.setWordWrap(True)
        self.alias_check = QCheckBox(self)
        self.alias_check.setObjectName("alias-check")
        self.confirm_button = QPushButton(self)
        self.confirm_button.setObjectName("confirm-button")
        self.confirm_button.clicked.connect(self.confirm)
        self.refund_button = QPushButton(self)
        self.refund_button.setObjectName("refund-button")
        self.refund_button.clicked.connect(self.request_refund)
        self.status = QLabel(self)
        self.status.setObjectName("status")
        self.status.setWordWrap(True)
        self.status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        top = QHBoxLayout()
        top.addWidget(self.summary, 1)
        top.addWidget(self.refresh_button)
        left = QWidget(self)
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addLayout(top)
        left_layout.addWidget(self.queue_table, 1)
        self.detail = QWidget(self)
        detail = QVBoxLayout(self.detail)
        detail.setContentsMargins(0, 0, 0, 0)
        detail.addWidget(self.payment_label)
        detail.addWidget(self.why_label)
        self.candidates_title = QLabel(self)
        detail.addWidget(self.candidates_title)
        detail.addWidget(self.candidate_table, 1)
        detail.addWidget(self.reasons_label)
        form = QFormLayout()
        self.tenant_label = QLabel(self)
        form.addRow(self.tenant_label, self.tenant_box)
        detail.addLayout(form)
        detail.addWidget(self.part_table, 2)
        add_row = QHBoxLayout()
        add_row.addWidget(self.add_box, 1)
        add_row.addWidget(self.add_button)
        add_row.addWidget(self.remove_button)
        detail.addLayout(add_row)
        detail.addWidget(self.totals_label)
        detail.addWidget(self.alias_check)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.refund_button)
        buttons.addWidget(self.confirm_button)
        detail.addLayout(buttons)
        detail.addWidget(self.status)
        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        splitter.addWidget(left)
        splitter.addWidget(self.detail)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(splitter)
        self._retranslate()

    # -- in ------------------------------------------------------------------------------

    def set_loading(self, loading: bool) -> None:
        self._loading = loading
        self._update()

    def set_queue(self, snapshot: QueueSnapshot | None) -> None:
        """Show the queue as read (None: no workspace); the payment chosen stays chosen
        while it waits."""
        chosen = self.current.payment_id if self.current is not None else None
        said = self._said  # what was just written stays said
        self.snapshot = snapshot
        self._loading = False
        self.queue_model.set_rows([] if snapshot is None else queue_rows(snapshot))
        self.current = None
        if chosen is None or not self.select_payment(chosen, missing_ok=True):
            if self.queue_proxy.rowCount():
                self.queue_table.setCurrentIndex(self.queue_proxy.index(0, 0))
            else:
                self._show_payment(None)
        self._said = said
        self._update()

    def set_working(self) -> None:
        self._busy, self._said = True, ""
        self._update()

    def set_done(self, message: str) -> None:
        """What was written, said (the app reads the queue again)."""
        self._busy, self._said, self._said_colour = False, message, DONE_COLOUR
        self._update()

    def set_refused(self, message: str) -> None:
        """Why the ledger refused, in words; nothing was written."""
        self._busy, self._said, self._said_colour = False, message, WARNING_COLOUR
        self._update()

    def set_failed(self, message: str) -> None:
        self._loading = False
        self.set_refused(message)

    # -- a person's choices ------------------------------------------------------------------

    def rows(self) -> list[QueueRow]:
        return visible_rows(self.queue_model, self.queue_proxy)

    def select_payment(self, payment_id: uuid.UUID, *, missing_ok: bool = False) -> bool:
        for position in range(self.queue_proxy.rowCount()):
            index = self.queue_proxy.index(position, 0)
            if row_of(self.queue_model, self.queue_proxy, index).payment_id == payment_id:
                self.queue_table.setCurrentIndex(index)
                return True
        if missing_ok:
            return False
        raise LookupError(payment_id)

    def candidates(self) -> list[Any]:
        return list(self.current.item.match.candidates) if self.current is not None else []

    def choose_candidate(self, position: int) -> None:
        """Take the candidate at ``position`` (as a click on its row does)."""
        self._filling = True
        self.candidate_table.setCurrentCell(position, 0)
        self._filling = False
        self._candidate_chosen(position)

    def choose_tenant(self, tenant_id: uuid.UUID) -> None:
        """Allocate to ``tenant_id`` (as a pick in the tenant box does)."""
        self.tenant_box.setCurrentIndex(self._tenant_index(tenant_id))

    def _tenant_index(self, tenant_id: uuid.UUID | None) -> int:
        """Where ``tenant_id`` is in the tenant box (-1: not there). (``findData`` does not
        compare Python objects.)"""
        for position in range(self.tenant_box.count()):
            if self.tenant_box.itemData(position) == tenant_id:
                return position
        return -1

    def part_numbers(self) -> list[str]:
        return [bill_label(i) for i in self.part_items]

    def set_part_amount(self, number: str, text: str) -> None:
        """Type ``text`` as the amount allocated to bill ``number``."""
        position = self.part_numbers().index(number)
        item = self.part_table.item(position, self.AMOUNT_COLUMN)
        assert item is not None
        item.setText(text)

    def add_bill(self, number: str) -> None:
        """Add the tenant's open bill ``number`` to the allocation (as Add does)."""
        position = self.add_box.findText(number, Qt.MatchFlag.MatchStartsWith)
        if position < 0:
            raise LookupError(number)
        self.add_box.setCurrentIndex(position)
        self._add_chosen()

    def remove_bill(self, number: str) -> None:
        self.part_table.setCurrentCell(self.part_numbers().index(number), 0)
        self._remove_current()

    def parts(self) -> list[tuple[uuid.UUID, Decimal]] | None:
        """The allocation as typed: (bill, amount) for each bill with an amount; None when an
        amount cannot be read."""
        out = []
        for position, item in enumerate(self.part_items):
            cell = self.part_table.item(position, self.AMOUNT_COLUMN)
            value = parse_amount(cell.text() if cell is not None else "")
            if value is None:
                return None
            if value != 0:
                out.append((item.bill_id, value))
        return out

    def held(self) -> Decimal:
        return self.current.unallocated if self.current is not None else ZERO

    def remainder(self) -> Decimal | None:
        parts = self.parts()
        if parts is None:
            return None
        return self.held() - sum((a for _b, a in parts), ZERO)

    def payer_is(self) -> uuid.UUID | None:
        """The tenant whose name the payer is, when "remember" is ticked."""
        if not self.alias_check.isHidden() and self.alias_check.isChecked():
            return self.tenant_id
        return None

    def can_confirm(self) -> bool:
        parts = self.parts()
        return (not self._busy and self.current is not None and self.tenant_id is not None
                and parts is not None and bool(parts))

    def confirm(self) -> None:
        """Allocate as shown (the ledger checks it: a refusal comes back in words)."""
        parts = self.parts()
        if not self.can_confirm() or self.current is None or parts is None:
            return
        self.confirmRequested.emit(self.current.payment_id, parts, self.payer_is())

    def can_refund(self) -> bool:
        remainder = self.remainder()
        return (not self._busy and self.current is not None and remainder is not None
                and 0 < remainder <= self.held())

    def request_refund(self) -> QMessageBox | None:
        """Ask before paying the remainder back (after allocating what is shown); the box
        is not modal to the app, so the panel's owner (or a test) answers it."""
        remainder, parts = self.remainder(), self.parts() or []
        if not self.can_refund() or self.current is None or remainder is None:
            return None
        payer = self.current.payer or self.tr("the payer")
        if parts:
            text = self.tr("Allocate %1 as shown (bills: %2), then refund the remaining %3 "
                           "to %4? A refund is a ledger entry: it is not undone.")
            text = (text.replace("%1", self._money(sum((a for _b, a in parts), ZERO)))
                    .replace("%2", str(len(parts))))
        else:
            text = self.tr("Refund %3 to %4? A refund is a ledger entry: it is not undone.")
        text = text.replace("%3", self._money(remainder)).replace("%4", payer)
        box = QMessageBox(QMessageBox.Icon.Question, self.tr("Refund the remainder"), text,
                          QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, self)
        box.setDefaultButton(QMessageBox.StandardButton.No)
        box.button(QMessageBox.StandardButton.Yes).setText(self.tr("Refund"))
        box.button(QMessageBox.StandardButton.No).setText(self.tr("Cancel"))
        payment_id, payer_is = self.current.payment_id, self.payer_is()

        def answered(button: int) -> None:
            self.refund_box = None
            if button == QMessageBox.StandardButton.Yes:
                self.refundRequested.emit(payment_id, parts, payer_is, remainder)

        box.finished.connect(answered)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.refund_box = box
        box.open()
        return box

    # -- showing -------------------------------------------------------------------------

    def _money(self, amount: Decimal) -> str:
        return money_text(amount, self.snapshot.currency if self.snapshot else "")

    def _payment_chosen(self, current: QModelIndex) -> None:
        self._show_payment(row_of(self.queue_model, self.queue_proxy, current)
                           if current.isValid() else None)

    def _show_payment(self, row: QueueRow | None) -> None:
        self.current = row
        self._said = ""
        self._filling = True
        self.candidate_table.setRowCount(0)
        self.tenant_box.clear()
        self._filling = False
        if row is None:
            self.payment_label.clear()
            self.why_label.clear()
            self.reasons_label.clear()
            self.tenant_id = None
            self._set_parts([])
            self._update()
            return
        payment = row.item.payment
        facts = [self.tr("%1: %2 from %3").replace("%1", date_text(payment.received_on))
                 .replace("%2", self._money(payment.amount))
                 .replace("%3", payment.payer or self.tr("(no payer)"))]
        if payment.remarks:
            facts.append(self.tr("Remarks: %1").replace("%1", payment.remarks))
        if payment.reference:
            facts.append(self.tr("Bank reference: %1").replace("%1", payment.reference))
        if row.unallocated != payment.amount:
            facts.append(self.tr("Still to allocate: %1").replace(
                "%1", self._money(row.unallocated)))
        self.payment_label.setText("\n".join(facts))
        why = row.item.match.reasons
        self.why_label.setText(
            self.tr("Not allocated automatically: %1").replace(
                "%1", self.tr("; ").join(reason_text(r) for r in why)) if why else "")
        self._fill_candidates(row)
        self._fill_tenants(row)
        if row.item.match.candidates:
            self.choose_candidate(0)
        else:
            self.reasons_label.setText(self.tr("No tenant is proposed: choose one to allocate "
                                               "to, or refund the payment."))
            self._use_tenant(None, ())
        self._update()

    def _fill_candidates(self, row: QueueRow) -> None:
        snapshot = self.snapshot
        candidates = row.item.match.candidates
        self._filling = True
        self.candidate_table.setRowCount(len(candidates))
        for position, candidate in enumerate(candidates):
            label = snapshot.tenants.get(candidate.tenant_id) if snapshot else None
            name = label.name if label is not None else row.item.tenants.get(
                candidate.tenant_id, str(candidate.tenant_id))
            allocated = sum((p.amount for p in candidate.parts), ZERO)
            cells = [name, str(candidate.confidence), amount_text(allocated),
                     amount_text(candidate.remainder)]
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if column:
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight
                                          | Qt.AlignmentFlag.AlignVCenter)
                self.candidate_table.setItem(position, column, item)
        self._filling = False

    def _fill_tenants(self, row: QueueRow) -> None:
        """Every tenant, the candidates first (best first), then the rest by name."""
        snapshot = self.snapshot
        tenants = snapshot.tenants if snapshot else {}
        first = [c.tenant_id for c in row.item.match.candidates]
        rest = sorted((t for t in tenants if t not in first), key=lambda t: tenants[t].name)
        self._filling = True
        self.tenant_box.addItem(self.tr("(choose a tenant)"), None)
        for tenant_id in (*first, *rest):
            label = tenants.get(tenant_id)
            self.tenant_box.addItem(label.name if label else str(tenant_id), tenant_id)
        self._filling = False

    def _candidate_chosen(self, position: int) -> None:
        if self._filling or self.current is None:
            return
        candidates = self.current.item.match.candidates
        if not 0 <= position < len(candidates):
            return
        candidate = candidates[position]
        self.reasons_label.setText("\n".join(f"· {reason_line(r)}"
                                             for r in candidate.reasons))
        self._filling = True
        self.tenant_box.setCurrentIndex(self._tenant_index(candidate.tenant_id))
        self._filling = False
        by_bill = {i.bill_id: i for i in self._open_of(candidate.tenant_id)}
        items = [by_bill[p.bill_id] for p in candidate.parts if p.bill_id in by_bill]
        self._use_tenant(candidate.tenant_id, items,
                         {p.bill_id: p.amount for p in candidate.parts})

    def _tenant_box_changed(self) -> None:
        if self._filling or self.current is None:
            return
        tenant_id = self.tenant_box.currentData()
        candidates = self.current.item.match.candidates
        for position, candidate in enumerate(candidates):
            if candidate.tenant_id == tenant_id:
                self.choose_candidate(position)
                return
        self._filling = True
        self.candidate_table.clearSelection()
        self.candidate_table.setCurrentCell(-1, -1)
        self._filling = False
        if tenant_id is None:
            self.reasons_label.clear()
            self._use_tenant(None, ())
            return
        self.reasons_label.setText(self.tr("Not proposed by matching: the tenant's oldest open "
                                           "bills first."))
        items = list(self._open_of(tenant_id))
        parts = allocate(self.current.unallocated, items).parts
        by_bill = {i.bill_id: i for i in items}
        self._use_tenant(tenant_id, [by_bill[p.bill_id] for p in parts],
                         {p.bill_id: p.amount for p in parts})

    def _open_of(self, tenant_id: uuid.UUID) -> Sequence[OpenItem]:
        return self.snapshot.open_items.get(tenant_id, ()) if self.snapshot else ()

    def _use_tenant(self, tenant_id: uuid.UUID | None, items: Sequence[OpenItem],
                    amounts: Mapping[uuid.UUID, Decimal] | None = None) -> None:
        self.tenant_id = tenant_id
        self._set_parts(list(items), amounts or {})
        self._set_alias_check()
        self._update()

    def _set_alias_check(self) -> None:
        """"Remember the payer's name for the tenant", ticked, when it is not its name."""
        row, tenant_id = self.current, self.tenant_id
        label = (self.snapshot.tenants.get(tenant_id)
                 if self.snapshot is not None and tenant_id is not None else None)
        payer = row.payer.strip() if row is not None else ""
        own = {normalise_name(label.name), normalise_name(label.short_name)} if label else set()
        show = bool(payer and label is not None and normalise_name(payer) not in own)
        self.alias_check.setVisible(show)
        self.alias_check.setChecked(show)
        if show and label is not None:
            self.alias_check.setText(self.tr("Remember “%1” as a name of %2").replace(
                "%1", payer).replace("%2", label.name))

    def _set_parts(self, items: list[OpenItem],
                   amounts: Mapping[uuid.UUID, Decimal] | None = None) -> None:
        amounts = amounts or {}
        self.part_items = items
        self._filling = True
        self.part_table.blockSignals(True)
        self.part_table.setRowCount(len(items))
        for position, item in enumerate(items):
            cells = [bill_label(item), bill_charge_text(item.charge), date_text(item.due_on),
                     amount_text(item.amount)]
            for column, text in enumerate(cells):
                cell = QTableWidgetItem(text)
                cell.setFlags(cell.flags() & ~Qt.ItemFlag.ItemIsEditable)
                if column == 3:
                    cell.setTextAlignment(Qt.AlignmentFlag.AlignRight
                                          | Qt.AlignmentFlag.AlignVCenter)
                self.part_table.setItem(position, column, cell)
            amount = QTableWidgetItem(amount_text(amounts.get(item.bill_id, ZERO)))
            amount.setTextAlignment(Qt.AlignmentFlag.AlignRight
                                    | Qt.AlignmentFlag.AlignVCenter)
            self.part_table.setItem(position, self.AMOUNT_COLUMN, amount)
        self.part_table.blockSignals(False)
        self._filling = False
        self._fill_add_box()
        self._parts_changed()

    def _fill_add_box(self) -> None:
        """The tenant's open bills not in the allocation yet."""
        self.add_box.clear()
        taken = {i.bill_id for i in self.part_items}
        if self.tenant_id is None:
            return
        for item in self._open_of(self.tenant_id):
            if item.bill_id not in taken:
                self.add_box.addItem(self.tr("%1 (%2 open)").replace("%1", bill_label(item))
                                     .replace("%2", amount_text(item.amount)), item.bill_id)

    def _current_amounts(self) -> dict[uuid.UUID, str]:
        out = {}
        for position, item in enumerate(self.part_items):
            cell = self.part_table.item(position, self.AMOUNT_COLUMN)
            out[item.bill_id] = cell.text() if cell is not None else ""
        return out

    def _add_chosen(self) -> None:
        bill_id = self.add_box.currentData()
        if bill_id is None or self.tenant_id is None:
            return
        item = next((i for i in self._open_of(self.tenant_id) if i.bill_id == bill_id), None)
        if item is None:
            return
        typed = self._current_amounts()
        remainder = self.remainder() or ZERO
        take = min(item.amount, remainder) if remainder > 0 else ZERO
        items = [*self.part_items, item]
        values = {b: parse_amount(t) or ZERO for b, t in typed.items()}
        values[item.bill_id] = take
        self._set_parts(items, values)

    def _remove_current(self) -> None:
        position = self.part_table.currentRow()
        if not 0 <= position < len(self.part_items):
            return
        typed = self._current_amounts()
        items = [i for n, i in enumerate(self.part_items) if n != position]
        self._set_parts(items, {b: parse_amount(t) or ZERO for b, t in typed.items()})

    def _parts_changed(self) -> None:
        if self._filling:
            return
        self._said = ""
        self.totals_label.setText(self._totals_text())
        self._update()

    def _totals_text(self) -> str:
        if self.current is None:
            return ""
        parts = self.parts()
        if parts is None:
            return self.tr("An amount cannot be read: type it as 1234.56.")
        total = sum((a for _b, a in parts), ZERO)
        held = self.held()
        said = [self.tr("Allocating %1 of the %2 the payment holds.").replace(
            "%1", self._money(total)).replace("%2", self._money(held))]
        if total > held:
            said.append(self.tr("That is %1 more than it holds.").replace(
                "%1", self._money(total - held)))
        elif total < held:
            said.append(self.tr("%1 stays with the payment: refund it, or keep it as "
                                "credit.").replace("%1", self._money(held - total)))
        owed = {i.bill_id: i for i in self.part_items}
        for bill_id, amount in parts:
            item = owed[bill_id]
            if amount > item.amount:
                said.append(self.tr("%1 is owed %2, not %3.").replace("%1", bill_label(item))
                            .replace("%2", amount_text(item.amount))
                            .replace("%3", amount_text(amount)))
        return " ".join(said)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)

    def _retranslate(self) -> None:
        self.refresh_button.setText(self.tr("Refresh"))
        self.candidates_title.setText(self.tr("Who may have paid it (best first):"))
        self.candidate_table.setHorizontalHeaderLabels(
            [self.tr("Tenant"), self.tr("Confidence"), self.tr("Allocates"),
             self.tr("Left over")])
        self.tenant_label.setText(self.tr("Allocate to:"))
        self.part_table.setHorizontalHeaderLabels(
            [self.tr("Bill"), self.tr("Charge"), self.tr("Due"), self.tr("Open"),
             self.tr("Allocate")])
        self.add_button.setText(self.tr("Add bill"))
        self.remove_button.setText(self.tr("Remove bill"))
        self.confirm_button.setText(self.tr("Confirm"))
        self.queue_model.retitle()
        if self.tenant_box.count():
            self.tenant_box.setItemText(0, self.tr("(choose a tenant)"))
        if self.current is not None:
            self._show_payment(self.current)
        self._update()

    def _update(self) -> None:
        rows = self.queue_model.rows()
        if self._loading and not rows:
            self.summary.setText(self.tr("Reading the payments…"))
        elif self.snapshot is None:
            self.summary.setText(self.tr("Open a workspace to see its payments."))
        elif not rows:
            self.summary.setText(self.tr("Every payment is allocated: nothing to match."))
        else:
            held = sum((r.unallocated for r in rows), ZERO)
            self.summary.setText(self.tr("Payments to match: %1, %2 not allocated.").replace(
                "%1", f"{len(rows):,}").replace("%2", self._money(held)))
        self.detail.setEnabled(self.current is not None and not self._busy)
        has_tenant = self.tenant_id is not None
        self.add_box.setEnabled(has_tenant and self.add_box.count() > 0)
        self.add_button.setEnabled(has_tenant and self.add_box.count() > 0)
        self.remove_button.setEnabled(bool(self.part_items))
        self.confirm_button.setEnabled(self.can_confirm())
        remainder = self.remainder() if self.current is not None else None
        self.refund_button.setEnabled(self.can_refund())
        self.refund_button.setText(
            self.tr("Refund %1…").replace("%1", self._money(remainder))
            if remainder is not None and remainder > 0 else self.tr("Refund…"))
        self.refresh_button.setEnabled(not self._loading)
        self.totals_label.setText(self._totals_text())
        self.status.setText(self._said)
        self.status.setStyleSheet(f"color: {self._said_colour}" if self._said else "")
