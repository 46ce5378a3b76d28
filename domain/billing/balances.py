"""The receivables ledger's algebra: open balances, unallocated money and its invariants.

Bills, payments and allocations (核销) are ledgers: entries are only added, and
a balance is computed from them, never stored (SYNC.md, "Conflict policy"):

- a bill's **open balance** = Σ its lines (adjustments included, credits are
  negative lines) − Σ the allocations to it (a reversal is a negative
  allocation pointing at the one it undoes);
- a payment's **unallocated** amount = its amount − Σ its allocations to
  bills − Σ its refunds (an allocation with no bill); money held as credit is
  simply money left unallocated;
- so, to the cent: Σ payments = Σ allocations + Σ unallocated + Σ refunds.

**Oldest first** (the order :func:`open_items` lists and payments pay): by
due date, then period start, then charge (the deposit, rent, the property
fee, other fixed charges, utilities, then late fees last — clearing the
principal first stops a late fee from growing; a charge not in that list
comes after the utilities, by its code), then bill id so the order is total.

:func:`ledger_problems` names every broken invariant, so a test, an import or
a sync can refuse a ledger that loses a cent.

>>> import uuid
>>> from datetime import date
>>> from decimal import Decimal as D
>>> bill = BillEntry(uuid.UUID(int=1), uuid.UUID(int=2), uuid.UUID(int=3), "rent",
...                  date(2026, 7, 1), date(2026, 6, 25), (D("1000.00"), D("-100.00")))
>>> paid = PaymentEntry(uuid.UUID(int=4), D("500.00"), date(2026, 6, 20))
>>> part = AllocationEntry(uuid.UUID(int=5), paid.id, bill.id, D("400.00"))
>>> open_balance(bill, [part]), unallocated(paid, [part])
(Decimal('500.00'), Decimal('100.00'))
"""

from __future__ import annotations

import uuid
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

from domain.money import ZERO, money

Id = uuid.UUID

# Charges of one due date and period are paid in this order (by the part before ":", so
# every "service:…" ranks as "service"); unknown kinds come after the utilities.
CHARGE_ORDER = ("deposit", "rent", "property_fee", "service", "parking", "other",
                "electricity", "water", "gas", "heat")
LATE_FEE = "late_fee"
_RANK = {kind: rank for rank, kind in enumerate(CHARGE_ORDER)}
_UNKNOWN_RANK = len(CHARGE_ORDER)
_LATE_RANK = len(CHARGE_ORDER) + 1


def charge_rank(charge: str) -> int:
    """Where a charge pays among charges of one due date and period (smaller pays first)."""
    rank = _RANK.get(charge)
    if rank is None:
        kind = charge.partition(":")[0]
        rank = _LATE_RANK if kind == LATE_FEE else _RANK.get(kind, _UNKNOWN_RANK)
    return rank


@dataclass(frozen=True)
class BillEntry:
    """A bill as its ledger stands: one (contract, period start, charge) and its lines'
    amounts in posting order (credits negative).

    An adjustment bill (``bills.plan_contract``'s, pointing at the bill it corrects) is
    a line of the bill it corrects: a credit must be, or the bill's balance would not
    fall; allocations name the corrected bill's id.
    """

    id: Id
    contract_id: Id
    tenant_id: Id
    charge: str
    period_start: date
    due_on: date
    lines: tuple[Decimal, ...]
    contract_code: str = ""  # for the bill's short number (``matching.bill_reference``)
    number: str = ""  # the number the bill was posted with (``bills.bill_number``)

    @property
    def total(self) -> Decimal:
        """What the bill asks for: its lines added up."""
        return sum(self.lines, ZERO)


@dataclass(frozen=True)
class PaymentEntry:
    """Money received. ``remarks`` is what the payer wrote (摘要/用途/附言) and
    ``reference`` the bank's serial (流水号), as ``importers.bank_statement`` reads them."""

    id: Id
    amount: Decimal  # > 0
    received_on: date
    payer: str = ""
    remarks: str = ""
    reference: str = ""


@dataclass(frozen=True)
class AllocationEntry:
    """Part of a payment applied to a bill (核销), or refunded when ``bill_id`` is None.

    A correction is a new entry: negative, with ``reverses`` naming the entry it
    (partly) undoes, of the same payment and bill.
    """

    id: Id
    payment_id: Id
    bill_id: Id | None
    amount: Decimal
    reverses: Id | None = None
    made_on: date | None = None

    @property
    def is_refund(self) -> bool:
        return self.bill_id is None


@dataclass(frozen=True)
class OpenItem:
    """A bill with money still owed on it: its open balance as ``amount``."""

    bill_id: Id
    tenant_id: Id
    contract_id: Id
    contract_code: str
    charge: str
    period_start: date
    due_on: date
    amount: Decimal  # the open balance, > 0
    billed: Decimal  # the bill's lines added up
    number: str = ""  # as posted (``bills.bill_number``), when known

    def days_overdue(self, on: date) -> int:
        """Days past the due date on ``on`` (0 when not yet overdue)."""
        return max(0, (on - self.due_on).days)


@dataclass(frozen=True)
class Problem:
    """One broken invariant: a stable code and its figures (as text)."""

    # duplicate-id | payment-not-positive | not-cents | zero-allocation | unknown-payment
    # | unknown-bill | refund-names-bill | beyond-payment | negative-without-reversal
    # | reversal-positive | reversal-unknown | reversal-mismatch | reversal-beyond-original
    # | balance-negative
    code: str
    params: dict[str, str] = field(default_factory=dict)


def oldest_first(item: OpenItem | BillEntry) -> tuple[date, date, int, str, int]:
    """The sort key of the house order: due date, period start, charge, bill id."""
    bill_id = item.bill_id if isinstance(item, OpenItem) else item.id
    return (item.due_on, item.period_start, charge_rank(item.charge), item.charge,
            bill_id.int)


def allocated_by_bill(allocations: Iterable[AllocationEntry],
                      on: date | None = None) -> dict[Id, Decimal]:
    """Σ allocations per bill (reversals negative; refunds left out); with ``on``, only
    entries made on or before it (an entry without a date always counts)."""
    totals: dict[Id, Decimal] = defaultdict(lambda: ZERO)
    for entry in allocations:
        if entry.bill_id is not None and (on is None or entry.made_on is None
                                          or entry.made_on <= on):
            totals[entry.bill_id] += entry.amount
    return dict(totals)


def open_balance(bill: BillEntry, allocations: Iterable[AllocationEntry]) -> Decimal:
    """Lines − allocations to this bill, exactly. Below zero only when the ledger is
    broken (a credit posted over money already allocated, not reversed first):
    :func:`ledger_problems` names it."""
    return bill.total - sum((a.amount for a in allocations if a.bill_id == bill.id), ZERO)


def open_items(bills: Iterable[BillEntry], allocations: Iterable[AllocationEntry],
               on: date | None = None) -> list[OpenItem]:
    """The bills with a balance above zero, oldest first (see the module's order).

    ``on``: the day the list is for — allocations made after it are left out, so it
    reads as it stood that evening; the caller passes the bills posted by then.
    """
    paid = allocated_by_bill(allocations, on)
    items = []
    for bill in bills:
        billed = bill.total
        left = billed - paid.get(bill.id, ZERO)
        if left > 0:
            items.append(OpenItem(bill.id, bill.tenant_id, bill.contract_id,
                                  bill.contract_code, bill.charge, bill.period_start,
                                  bill.due_on, left, billed, bill.number))
    items.sort(key=oldest_first)
    return items


def unallocated(payment: PaymentEntry, allocations: Iterable[AllocationEntry]) -> Decimal:
    """What of ``payment`` is neither allocated to a bill nor refunded: held as credit."""
    return payment.amount - sum((a.amount for a in allocations if a.payment_id == payment.id),
                                ZERO)


@dataclass(frozen=True)
class LedgerTotals:
    paid: Decimal  # Σ payments
    allocated: Decimal  # Σ allocations to bills, reversals negative
    refunded: Decimal  # Σ refunds, reversals negative
    unallocated: Decimal  # Σ over payments of what is left
    billed: Decimal  # Σ bills' lines
    open: Decimal  # Σ bills' open balances


def ledger_totals(payments: Iterable[PaymentEntry], bills: Iterable[BillEntry],
                  allocations: Sequence[AllocationEntry]) -> LedgerTotals:
    """The ledger's sums, each computed on its own (payment by payment, bill by bill) so
    that ``paid == allocated + refunded + unallocated`` is a check, not a definition."""
    by_payment: dict[Id, Decimal] = defaultdict(lambda: ZERO)
    allocated = refunded = ZERO
    for entry in allocations:
        by_payment[entry.payment_id] += entry.amount
        if entry.bill_id is None:
            refunded += entry.amount
        else:
            allocated += entry.amount
    paid = left = ZERO
    for payment in payments:
        paid += payment.amount
        left += payment.amount - by_payment.get(payment.id, ZERO)
    to_bills = allocated_by_bill(allocations)
    billed = still_open = ZERO
    for bill in bills:
        billed += bill.total
        still_open += bill.total - to_bills.get(bill.id, ZERO)
    return LedgerTotals(paid, allocated, refunded, left, billed, still_open)


def ledger_problems(payments: Iterable[PaymentEntry], bills: Iterable[BillEntry],
                    allocations: Sequence[AllocationEntry],
                    refunds: Sequence[AllocationEntry] = ()) -> list[Problem]:
    """Every broken invariant of the ledger, [] when it holds.

    ``allocations`` (and ``refunds``: entries without a bill, which may also be mixed into
    ``allocations``) are read in posting order. A payment never changes, so each entry is
    checked against what its payment had left **at that point**; a bill's lines carry no
    date here, so a bill is checked on its final balance (never below zero), naming the
    entry that first took it past its lines.
    """
    found: list[Problem] = []
    payment_by_id: dict[Id, PaymentEntry] = {}
    for payment in payments:
        if payment.id in payment_by_id:
            found.append(Problem("duplicate-id", {"kind": "payment", "id": str(payment.id)}))
        payment_by_id[payment.id] = payment
        if payment.amount <= 0:
            found.append(Problem("payment-not-positive", {"payment": str(payment.id),
                                                          "amount": str(payment.amount)}))
        if payment.amount != money(payment.amount):
            found.append(Problem("not-cents", {"kind": "payment", "id": str(payment.id),
                                               "amount": str(payment.amount)}))
    bill_by_id: dict[Id, BillEntry] = {}
    for bill in bills:
        if bill.id in bill_by_id:
            found.append(Problem("duplicate-id", {"kind": "bill", "id": str(bill.id)}))
        bill_by_id[bill.id] = bill
        for line in bill.lines:
            if line != money(line):
                found.append(Problem("not-cents", {"kind": "bill", "id": str(bill.id),
                                                   "amount": str(line)}))
    for entry in refunds:
        if entry.bill_id is not None:
            found.append(Problem("refund-names-bill", {"entry": str(entry.id),
                                                       "bill": str(entry.bill_id)}))
    entries: dict[Id, AllocationEntry] = {}
    reversed_so_far: dict[Id, Decimal] = defaultdict(lambda: ZERO)
    used: dict[Id, Decimal] = defaultdict(lambda: ZERO)  # per payment, so far
    to_bill: dict[Id, Decimal] = defaultdict(lambda: ZERO)  # per bill, so far
    first_over: dict[Id, Id] = {}  # bill → the entry that first took it past its lines
    for entry in [*allocations, *refunds]:
        found.extend(_entry_problems(entry, entries, reversed_so_far, payment_by_id,
                                     bill_by_id))
        entries.setdefault(entry.id, entry)
        payment = payment_by_id.get(entry.payment_id)
        if payment is not None:
            before = payment.amount - used[entry.payment_id]
            used[entry.payment_id] += entry.amount
            if entry.amount > before:
                found.append(Problem("beyond-payment", {
                    "entry": str(entry.id), "payment": str(payment.id),
                    "amount": str(entry.amount), "unallocated": str(before)}))
        if entry.bill_id is not None and entry.bill_id in bill_by_id:
            to_bill[entry.bill_id] += entry.amount
            if to_bill[entry.bill_id] > bill_by_id[entry.bill_id].total:
                first_over.setdefault(entry.bill_id, entry.id)
    for bill_id, bill in bill_by_id.items():
        balance = bill.total - to_bill.get(bill_id, ZERO)
        if balance < 0:
            found.append(Problem("balance-negative", {
                "bill": str(bill_id), "lines": str(bill.total),
                "allocated": str(to_bill[bill_id]), "balance": str(balance),
                "entry": str(first_over.get(bill_id, ""))}))
    return found


def _entry_problems(entry: AllocationEntry, earlier: Mapping[Id, AllocationEntry],
                    reversed_so_far: dict[Id, Decimal],
                    payments: Mapping[Id, PaymentEntry],
                    bills: Mapping[Id, BillEntry]) -> list[Problem]:
    """What is wrong with one allocation or refund entry, given the entries before it."""
    found = []
    at = {"entry": str(entry.id)}
    if entry.id in earlier:
        found.append(Problem("duplicate-id", {"kind": "allocation", "id": str(entry.id)}))
    if entry.amount != money(entry.amount):
        found.append(Problem("not-cents", {"kind": "allocation", "id": str(entry.id),
                                           "amount": str(entry.amount)}))
    if entry.amount == 0:
        found.append(Problem("zero-allocation", at))
    if entry.payment_id not in payments:
        found.append(Problem("unknown-payment", {**at, "payment": str(entry.payment_id)}))
    if entry.bill_id is not None and entry.bill_id not in bills:
        found.append(Problem("unknown-bill", {**at, "bill": str(entry.bill_id)}))
    if entry.reverses is None:
        if entry.amount < 0:
            found.append(Problem("negative-without-reversal", {**at,
                                                               "amount": str(entry.amount)}))
        return found
    if entry.amount > 0:
        found.append(Problem("reversal-positive", {**at, "amount": str(entry.amount)}))
        return found
    original = earlier.get(entry.reverses)
    if original is None or original.amount <= 0:
        # Not an earlier allocation (a later one, a reversal, or nothing at all).
        found.append(Problem("reversal-unknown", {**at, "reverses": str(entry.reverses)}))
        return found
    if (original.payment_id, original.bill_id) != (entry.payment_id, entry.bill_id):
        found.append(Problem("reversal-mismatch", {**at, "reverses": str(original.id)}))
        return found
    reversed_so_far[original.id] += -entry.amount
    if reversed_so_far[original.id] > original.amount:
        found.append(Problem("reversal-beyond-original", {
            **at, "reverses": str(original.id), "original": str(original.amount),
            "reversed": str(reversed_so_far[original.id])}))
    return found
