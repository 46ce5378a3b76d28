"""Receivables ageing, the arrears list and the collection rate (SPEC §5 reports).

Ageing, on a day ``on``, of the open items (a bill's open balance, billing's
ledger computes it):

- A bill is overdue when ``on`` is after its due date; its days overdue are
  ``(on - due_on).days``, so a bill due yesterday is 1 day overdue and one due
  today is not yet due.
- Buckets by days overdue: ``0-30`` (1 to 30 days, the SPEC's name), ``31-60``,
  ``61-90`` and ``90+`` (91 days on); a bill due on the day or later sits in
  its own ``not_due`` column, outside the overdue total.
- Totals by tenant, by building and for the park; a bill whose contract spans
  buildings (or none is known) has building None and is its own row.
- The arrears list: one line per tenant and contract, its overdue bills only,
  with the oldest due date, its days overdue, the amount and the bills (oldest
  first); longest overdue first, then the largest amount.

Every total can be opened: :meth:`AgeingReport.items_in` lists the bills behind it.

The items are anything with a bill id, tenant id, contract id, due date and
open amount (:class:`Owed`): ``balances.OpenItem`` as billing's ledger lists
them, or :class:`AgeingItem`. The building comes from ``building_of``
(contract id → building id) when given, else from the item's own
``building_id``.

The collection rate over a period (``start`` to ``end``, both days counted):

- *billed*: the amount of every bill **due** in the period (what billing's
  ledger says the bill is: its lines, adjustments included, credits negative;
  several records of one bill add up); a bill its credits took below zero
  counts as zero, so one tenant's credit does not hide another's arrears;
- *collected*: the allocations to **those bills** dated on or before the day
  the rate is taken (``as_of``, by default the period's last day), reversals
  negative; per bill never below zero nor above what it billed (an
  over-allocation is unallocated money, not collection);
- the rate is collected ÷ billed to four places, or None when nothing was
  billed (no bills is neither 0 % nor 100 %).

Taken on the period's last day it says how much was in by then; taken "as of"
a later day, how much of that period's billing has been collected since.

>>> import uuid
>>> t, b, c = uuid.UUID(int=1), uuid.UUID(int=2), uuid.UUID(int=3)
>>> items = [AgeingItem(uuid.UUID(int=10), t, b, c, date(2026, 3, 1), Decimal("100.00")),
...          AgeingItem(uuid.UUID(int=11), t, b, c, date(2026, 1, 1), Decimal("50.00"))]
>>> report = ageing(items, date(2026, 4, 1))
>>> report.park.amount(Bucket.DAYS_31_60), report.park.amount(Bucket.DAYS_61_90)
(Decimal('100.00'), Decimal('50.00'))
>>> [(line.days_overdue, line.amount) for line in report.arrears]
[(90, Decimal('150.00'))]
"""

from __future__ import annotations

import uuid
from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from enum import StrEnum
from functools import cached_property
from typing import Protocol

from domain.money import ZERO, ratio, to_decimal

Id = uuid.UUID


class Bucket(StrEnum):
    """The ageing columns, in the order a report shows them."""

    NOT_DUE = "not_due"
    DAYS_0_30 = "0-30"
    DAYS_31_60 = "31-60"
    DAYS_61_90 = "61-90"
    OVER_90 = "90+"


BUCKETS = tuple(Bucket)
OVERDUE_BUCKETS = BUCKETS[1:]


def days_overdue(due_on: date, on: date) -> int:
    """Days past the due date on ``on``; zero or less when not yet overdue."""
    return (on - due_on).days


def bucket_of(days: int) -> Bucket:
    """The column for a bill ``days`` overdue (zero or less: not yet due).

    >>> [bucket_of(d).value for d in (0, 1, 30, 31, 60, 61, 90, 91)]
    ['not_due', '0-30', '0-30', '31-60', '31-60', '61-90', '61-90', '90+']
    """
    if days <= 0:
        return Bucket.NOT_DUE
    if days <= 30:
        return Bucket.DAYS_0_30
    if days <= 60:
        return Bucket.DAYS_31_60
    if days <= 90:
        return Bucket.DAYS_61_90
    return Bucket.OVER_90


class Owed(Protocol):
    """A bill's open balance: what billing's ledger says is still owed on it."""

    @property
    def bill_id(self) -> Id: ...
    @property
    def tenant_id(self) -> Id: ...
    @property
    def contract_id(self) -> Id: ...
    @property
    def due_on(self) -> date: ...
    @property
    def amount(self) -> Decimal: ...  # the open balance, ≥ 0


@dataclass(frozen=True)
class AgeingItem:
    """An open item with its building, for callers that know it per bill."""

    bill_id: Id
    tenant_id: Id
    building_id: Id | None  # None: the contract spans buildings, or none is known
    contract_id: Id
    due_on: date
    amount: Decimal  # the open balance, ≥ 0


@dataclass(frozen=True)
class AgedItem:
    item: Owed
    building_id: Id | None
    amount: Decimal  # the item's open amount, read once
    days_overdue: int  # ≤ 0 when not yet due
    bucket: Bucket


@dataclass(frozen=True)
class BucketTotals:
    """One ageing row: the amount in each column and the bills counted."""

    not_due: Decimal = ZERO
    days_0_30: Decimal = ZERO
    days_31_60: Decimal = ZERO
    days_61_90: Decimal = ZERO
    over_90: Decimal = ZERO
    bills: int = 0

    def amount(self, bucket: Bucket) -> Decimal:
        return getattr(self, _FIELDS[bucket])

    @property
    def overdue(self) -> Decimal:
        return self.days_0_30 + self.days_31_60 + self.days_61_90 + self.over_90

    @property
    def total(self) -> Decimal:
        """Everything open, not yet due included."""
        return self.not_due + self.overdue


_FIELDS = {Bucket.NOT_DUE: "not_due", Bucket.DAYS_0_30: "days_0_30",
           Bucket.DAYS_31_60: "days_31_60", Bucket.DAYS_61_90: "days_61_90",
           Bucket.OVER_90: "over_90"}


@dataclass(frozen=True)
class ArrearsLine:
    """What one tenant owes, overdue, under one contract."""

    tenant_id: Id
    contract_id: Id
    oldest_due_on: date
    days_overdue: int  # of the oldest bill
    amount: Decimal
    bills: tuple[Id, ...]  # oldest first


@dataclass(frozen=True)
class AgeingReport:
    on: date
    items: tuple[AgedItem, ...]  # every open item, oldest due first
    by_tenant: dict[Id, BucketTotals]
    by_building: dict[Id | None, BucketTotals]
    park: BucketTotals
    arrears: tuple[ArrearsLine, ...]

    def items_in(self, bucket: Bucket | None = None, *, tenant_id: Id | None = None,
                 building_id: Id | None = None) -> tuple[AgedItem, ...]:
        """The bills behind a figure: one bucket (None: all) of a tenant, a building or the
        park. ``building_id`` None means the whole park, not the unassigned row."""
        return tuple(x for x in self.items
                     if (bucket is None or x.bucket == bucket)
                     and (tenant_id is None or x.item.tenant_id == tenant_id)
                     and (building_id is None or x.building_id == building_id))

    def arrears_of(self, tenant_id: Id) -> tuple[ArrearsLine, ...]:
        """The tenant's arrears lines, in the list's order."""
        return self._arrears_by_tenant.get(tenant_id, ())

    def oldest_overdue(self, tenant_id: Id) -> date | None:
        """The due date of the tenant's oldest overdue bill (the credit score reads it)."""
        return min((line.oldest_due_on for line in self.arrears_of(tenant_id)), default=None)

    @cached_property
    def _arrears_by_tenant(self) -> dict[Id, tuple[ArrearsLine, ...]]:
        # A park's run asks for each of its 1,500 tenants: one pass, not one per tenant.
        grouped: dict[Id, list[ArrearsLine]] = defaultdict(list)
        for line in self.arrears:
            grouped[line.tenant_id].append(line)
        return {tenant: tuple(lines) for tenant, lines in grouped.items()}


def ageing(items: Iterable[Owed], on: date,
           building_of: Mapping[Id, Id | None] | None = None) -> AgeingReport:
    """Age the open items on ``on`` (module docstring). Items with nothing open are left out.

    ``building_of``: each contract's building (a contract it does not name: None).

    Raises ``ValueError`` on a negative open amount: a bill's open balance is never below
    zero (an overpayment is unallocated money), so one means the ledger was read wrong.
    """
    aged: list[AgedItem] = []
    for item in items:
        amount = to_decimal(item.amount)
        if amount <= 0:
            if amount < 0:
                raise ValueError(f"an open balance is never below zero: bill {item.bill_id} "
                                 f"has {amount}")
            continue
        days = (on - item.due_on).days
        building = (getattr(item, "building_id", None) if building_of is None
                    else building_of.get(item.contract_id))
        aged.append(AgedItem(item, building, amount, days, bucket_of(days)))
    aged.sort(key=lambda x: (x.item.due_on, id_key(x.item.bill_id)))
    # Per row: the five columns' sums, then the count of bills.
    tenants: dict[Id, list] = defaultdict(_sums)
    buildings: dict[Id | None, list] = defaultdict(_sums)
    park = _sums()
    per_contract: dict[tuple[Id, Id], list[AgedItem]] = defaultdict(list)
    for x in aged:
        at = _COLUMN[x.bucket]
        for sums in (tenants[x.item.tenant_id], buildings[x.building_id], park):
            sums[at] += x.amount
            sums[5] += 1
        if at:  # overdue
            per_contract[x.item.tenant_id, x.item.contract_id].append(x)
    arrears = [ArrearsLine(tenant, contract, group[0].item.due_on, group[0].days_overdue,
                           sum((x.amount for x in group), ZERO),
                           tuple(x.item.bill_id for x in group))
               for (tenant, contract), group in per_contract.items()]
    arrears.sort(key=lambda a: (-a.days_overdue, -a.amount, id_key(a.tenant_id),
                                id_key(a.contract_id)))
    return AgeingReport(on, tuple(aged), {k: _totals(v) for k, v in tenants.items()},
                        {k: _totals(v) for k, v in buildings.items()}, _totals(park),
                        tuple(arrears))


_COLUMN = {bucket: i for i, bucket in enumerate(BUCKETS)}


def _sums() -> list:
    return [ZERO, ZERO, ZERO, ZERO, ZERO, 0]


def id_key(value: Id) -> int | str:
    """Ids order by their number (fast, and the same everywhere); anything else as text."""
    return value.int if isinstance(value, uuid.UUID) else str(value)


def _totals(sums: list) -> BucketTotals:
    return BucketTotals(*sums)


# -- the collection rate -----------------------------------------------------------------


@dataclass(frozen=True)
class BillDue:
    """A bill as the collection rate and the payment record read it."""

    bill_id: Id
    due_on: date
    amount: Decimal  # Σ its lines: adjustments included, credits negative


@dataclass(frozen=True)
class Receipt:
    """An allocation of money to a bill, on the day it was made (a reversal negative)."""

    bill_id: Id
    on: date
    amount: Decimal


@dataclass(frozen=True)
class CollectionRate:
    start: date
    end: date
    as_of: date
    billed: Decimal
    collected: Decimal
    rate: Decimal | None  # collected ÷ billed, 0–1 to four places; None: nothing billed
    bills: tuple[Id, ...]  # the bills counted, due in the period

    @property
    def outstanding(self) -> Decimal:
        return self.billed - self.collected


def collection_rate(bills: Iterable[BillDue], receipts: Iterable[Receipt], start: date,
                    end: date, as_of: date | None = None) -> CollectionRate:
    """What was collected of what fell due from ``start`` to ``end`` (module docstring).

    >>> one = uuid.UUID(int=1)
    >>> bills = [BillDue(one, date(2026, 3, 5), Decimal("200.00"))]
    >>> paid = [Receipt(one, date(2026, 3, 20), Decimal("50.00")),
    ...         Receipt(one, date(2026, 4, 2), Decimal("150.00"))]
    >>> collection_rate(bills, paid, date(2026, 3, 1), date(2026, 3, 31)).rate
    Decimal('0.2500')
    >>> collection_rate(bills, paid, date(2026, 3, 1), date(2026, 3, 31),
    ...                 as_of=date(2026, 4, 30)).rate
    Decimal('1.0000')
    """
    if end < start:
        raise ValueError(f"a period ends on or after it starts: {start} to {end}")
    day = end if as_of is None else as_of
    due: dict[Id, Decimal] = {}
    for bill in bills:
        if start <= bill.due_on <= end:
            due[bill.bill_id] = due.get(bill.bill_id, ZERO) + to_decimal(bill.amount)
    paid: dict[Id, Decimal] = defaultdict(lambda: ZERO)
    for receipt in receipts:
        if receipt.bill_id in due and receipt.on <= day:
            paid[receipt.bill_id] += to_decimal(receipt.amount)
    billed = sum((max(amount, ZERO) for amount in due.values()), ZERO)
    collected = sum((min(max(paid[b], ZERO), max(amount, ZERO)) for b, amount in due.items()),
                    ZERO)
    return CollectionRate(start, end, day, billed, collected,
                          ratio(collected / billed) if billed > 0 else None,
                          tuple(sorted(due, key=str)))
