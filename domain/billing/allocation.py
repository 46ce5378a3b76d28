"""Applying money to open bills, oldest first, to the cent (核销).

A payment pays the oldest open items whole, in the house order
(``balances.oldest_first``: due date, period, charge), and the next one in
part; what is left over after every item is paid is the remainder, which the
payments queue proposes to hold as credit, refund, or apply to the deposit
(:class:`RemainderUse`; the services post what a person chooses).

A credit line on a bill that is already paid cannot be posted as it stands:
the bill's balance would go below zero. :func:`reversals_for_credit` says
which allocations to reverse first (newest first), so the money goes back to
its payments, unallocated.

>>> import uuid
>>> from datetime import date
>>> from decimal import Decimal as D
>>> def item(n, due, amount):
...     return OpenItem(uuid.UUID(int=n), uuid.UUID(int=99), uuid.UUID(int=98), "HT-1",
...                     "rent", due, due, D(amount), D(amount))
>>> items = [item(2, date(2026, 2, 1), "300.00"), item(1, date(2026, 1, 1), "300.00")]
>>> parts, left = allocate(D("450.00"), items)
>>> [(p.bill_id.int, p.amount) for p in parts], left
([(1, Decimal('300.00')), (2, Decimal('150.00'))], Decimal('0.00'))
>>> allocate(D("700.00"), items).remainder
Decimal('100.00')
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from decimal import Decimal
from enum import StrEnum
from typing import NamedTuple

from domain.billing.balances import AllocationEntry, Id, OpenItem, oldest_first
from domain.money import ZERO, money


class Part(NamedTuple):
    bill_id: Id
    amount: Decimal


class Allocated(NamedTuple):
    """The parts, oldest first, and what no open item took."""

    parts: list[Part]
    remainder: Decimal


class Reversal(NamedTuple):
    entry_id: Id  # the allocation to undo (in part)
    amount: Decimal  # how much of it, > 0 (the reversing entry is its negative)


class RemainderUse(StrEnum):
    """What the queue proposes for money no open bill takes."""

    HOLD_AS_CREDIT = "hold_as_credit"  # left unallocated: the next bills take it
    REFUND = "refund"  # paid back to the payer
    APPLY_TO_DEPOSIT = "apply_to_deposit"  # tops up the tenant's deposit


def _in_cents(amount: Decimal, what: str) -> Decimal:
    if amount != money(amount):
        raise ValueError(f"{what} is not to the cent: {amount}")
    return amount


def allocate(amount: Decimal, open_items: Iterable[OpenItem],
             in_order: bool = False) -> Allocated:
    """Spread ``amount`` over ``open_items`` oldest first: whole bills, then part of one.

    ``in_order``: take the items in the order given (a person picked them, or the list
    is already sorted) instead of sorting them. Items with nothing open are passed over.
    Raises ``ValueError`` for an amount below zero or finer than a cent (open balances
    are differences of cents: ``balances.ledger_problems`` checks the ledger's).
    """
    amount = _in_cents(amount, "the amount")
    if amount < 0:
        raise ValueError(f"cannot allocate a negative amount: {amount}")
    items = open_items if in_order else sorted(open_items, key=oldest_first)
    parts: list[Part] = []
    left = amount
    for item in items:
        if left <= 0:
            break
        if item.amount <= 0:
            continue
        take = item.amount if item.amount <= left else left
        parts.append(Part(item.bill_id, take))
        left -= take
    return Allocated(parts, left + ZERO)


def remainder_uses(remainder: Decimal, deposit_short: Decimal = ZERO) -> tuple[RemainderUse, ...]:
    """The choices for a remainder, the one proposed first: the deposit when it is short
    (the tenant owes it anyway), else holding it as credit (nothing leaves the park and
    the next bill takes it); a refund is always offered. None for no remainder."""
    if remainder <= 0:
        return ()
    if deposit_short > 0:
        return (RemainderUse.APPLY_TO_DEPOSIT, RemainderUse.HOLD_AS_CREDIT, RemainderUse.REFUND)
    return (RemainderUse.HOLD_AS_CREDIT, RemainderUse.REFUND)


def reversals_for_credit(bill_id: Id, credit: Decimal, open_balance: Decimal,
                         allocations: Sequence[AllocationEntry]) -> list[Reversal]:
    """The allocations to reverse (entry id, amount to reverse), newest first, so that a
    credit line of ``credit`` (> 0, the amount taken off) leaves ``bill_id``'s balance at
    zero or more.

    Each reversal takes back at most what the entry still holds (its amount less its
    earlier reversals). Raises ``ValueError`` when the allocations cannot free enough:
    the credit is larger than the bill.
    """
    credit = _in_cents(credit, "the credit")
    short = credit - open_balance
    if short <= 0:
        return []
    holds: dict[Id, Decimal] = {}
    order: list[Id] = []
    for entry in allocations:
        if entry.bill_id != bill_id:
            continue
        if entry.reverses is None and entry.amount > 0:
            holds[entry.id] = entry.amount
            order.append(entry.id)
        elif entry.reverses in holds:
            holds[entry.reverses] += entry.amount
    plan: list[Reversal] = []
    for entry_id in reversed(order):
        if short <= 0:
            break
        take = min(holds[entry_id], short)
        if take > 0:
            plan.append(Reversal(entry_id, take))
            short -= take
    if short > 0:
        raise ValueError(f"a credit of {credit} is more than bill {bill_id} holds")
    return plan
