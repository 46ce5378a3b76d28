"""A contract's deposit as its own ledger, and a termination's settlement.

The deposit is money held, not income: received, applied to arrears,
refunded; a mistake is corrected by a reversing movement, never an edit.
What is held is received − applied − refunded (reversals count against the
kind they reverse).

A termination's settlement (issue 12), rehearsed before it is posted:
the contract's open bills, the late fees accrued on them to the day (the
final bill), the deposit applied to all of that oldest first, and what is
left of the deposit refunded — or, when the deposit does not cover it, what
the tenant still owes.

>>> from decimal import Decimal as D
>>> held([DepositMove("received", D("30000.00"), date(2026, 3, 1)),
...       DepositMove("applied", D("12540.00"), date(2027, 1, 5))])
Decimal('17460.00')
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from domain.billing.allocation import Part, allocate
from domain.billing.balances import OpenItem
from domain.money import ZERO

RECEIVED, APPLIED, REFUNDED, REVERSED = "received", "applied", "refunded", "reversed"


@dataclass(frozen=True)
class DepositMove:
    kind: str  # received | applied | refunded | reversed
    amount: Decimal  # > 0; a reversal's amount undoes that much of ``reverses_kind``
    on: date
    reverses_kind: str = ""


def held(moves: Iterable[DepositMove]) -> Decimal:
    """The deposit still held."""
    total = ZERO
    for move in moves:
        kind = move.reverses_kind if move.kind == REVERSED else move.kind
        sign = -1 if move.kind == REVERSED else 1
        if kind == RECEIVED:
            total += sign * move.amount
        elif kind in (APPLIED, REFUNDED):
            total -= sign * move.amount
    return total


@dataclass(frozen=True)
class Settlement:
    """A termination settled on ``on``: the debts, the deposit applied to them, the rest."""

    on: date
    open_items: tuple[OpenItem, ...]  # the contract's open bills, oldest first
    late_fees: Decimal  # accrued to ``on`` and not yet posted: the final bill
    deposit: Decimal  # held before settling
    applied: tuple[Part, ...]  # the deposit to bills (the final bill's id included)
    refund: Decimal  # what is paid back
    still_owed: Decimal  # what the deposit does not cover

    @property
    def debts(self) -> Decimal:
        return sum((i.amount for i in self.open_items), ZERO) + self.late_fees


def settle(open_items: Sequence[OpenItem], late_fees: Decimal, deposit: Decimal,
           final_bill: OpenItem | None, on: date) -> Settlement:
    """Apply ``deposit`` to the open bills and the final bill (``final_bill``: the late
    fees' own open item, when there are any), oldest first; refund the rest."""
    items = [*open_items, *([final_bill] if final_bill is not None else [])]
    debts = sum((i.amount for i in items), ZERO)
    use = min(deposit, debts) if deposit > 0 else ZERO
    applied = tuple(allocate(use, items).parts) if use > 0 else ()
    used = sum((p.amount for p in applied), ZERO)
    return Settlement(on, tuple(open_items), late_fees, deposit, applied, deposit - used,
                      debts - used)

