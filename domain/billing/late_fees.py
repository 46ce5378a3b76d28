"""Late fees posted by a billing run: what has accrued on each overdue bill since the last run.

A fee accrues per day on a bill's open balance past its due date, as the
contract's clause says (``domain.leasing.late_fee``: grace, rate, cap). It is
computed on demand (what a tenant owes today, on a card or a statement) and
posted when a run is made: one late-fee bill per contract and run period, a
line per overdue bill holding the fee accrued to the run's day less the fees
posted on that bill before. A fee never goes down once posted: a bill paid
in part later accrues on its smaller balance, and nothing is taken back.

>>> from decimal import Decimal as D
>>> from domain.leasing.clauses import LateFee
>>> accrued(D("10000.00"), date(2026, 3, 1), date(2026, 3, 31), LateFee(D("0.0005")), D(0))
Decimal('150.00')
"""

from __future__ import annotations

import uuid
from collections.abc import Mapping, Sequence
from datetime import date
from decimal import Decimal

from domain.billing.balances import OpenItem
from domain.billing.bills import CHARGE_KIND, PlannedBill, PlannedLine, bill_id, bill_number
from domain.leasing.clauses import LateFee
from domain.leasing.late_fee import late_fee
from domain.money import ZERO

LATE_FEE = "late_fee"


def accrued(open_amount: Decimal, due_on: date, on: date, clause: LateFee,
            posted: Decimal) -> Decimal:
    """The fee on a bill's balance as of ``on``, less what was posted on it before
    (never below zero)."""
    fee = late_fee(open_amount, due_on, on, clause).amount
    return max(fee - posted, ZERO)


def late_fee_bill(contract_id: str, contract_code: str, items: Sequence[OpenItem],
                  clause: LateFee, on: date, period_start: date, period_end: date,
                  posted: Mapping[uuid.UUID, Decimal]) -> PlannedBill | None:
    """The contract's late-fee bill for a run: a line per overdue bill with what accrued
    since the last run; None when nothing did."""
    lines = []
    for item in sorted(items, key=lambda i: (i.due_on, i.number, str(i.bill_id))):
        if item.due_on >= on or item.charge == LATE_FEE:
            continue  # not overdue; fees bear no fees
        already = posted.get(item.bill_id, ZERO)
        fee = late_fee(item.amount, item.due_on, on, clause)
        amount = max(fee.amount - already, ZERO)
        if amount <= 0:
            continue
        lines.append(PlannedLine(item.due_on, on, amount, {
            "on_bill": str(item.bill_id), "bill": item.number, "overdue": str(item.amount),
            "due_on": item.due_on.isoformat(), "days": str(fee.days),
            "rate_per_day": str(clause.rate_per_day), "capped": "yes" if fee.capped else "no",
            "accrued": str(fee.amount), "posted_before": str(already),
            "reasons": [{"code": "late-fee", "params": {
                "bill": item.number, "days": str(fee.days),
                "rate": str(clause.rate_per_day)}}]}))
    if not lines:
        return None
    return PlannedBill(
        bill_id(contract_id, period_start, LATE_FEE), contract_id,
        bill_number(contract_code, period_start, LATE_FEE), CHARGE_KIND, LATE_FEE,
        period_start, period_end, on, sum((x.amount for x in lines), ZERO), tuple(lines))
