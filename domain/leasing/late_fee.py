"""Late fees on overdue amounts, per day, as a contract's ``LateFee`` says (billing calls it).

The rules:

- A day late is a day after the due date: paid on the due date, nothing;
  paid the day after, one day.
- Paid within the grace days, nothing. Paid later, the fee counts the days
  after the grace (the default), or every day from the due date when the
  clause says ``from_due_date``.
- The fee is the overdue amount × the rate per day × those days, rounded to
  the cent once (``domain.money``); when the clause is ``capped`` it is
  never more than the overdue amount itself.

>>> from decimal import Decimal as D
>>> clause = LateFee(D("0.0005"), grace_days=5)
>>> late_fee(D("10000.00"), date(2026, 3, 1), date(2026, 3, 31), clause)
LateFeeResult(days=25, amount=Decimal('125.00'), capped=False)
>>> late_fee(D("10000.00"), date(2026, 3, 1), date(2026, 3, 6), clause).amount
Decimal('0.00')
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from domain.leasing.clauses import LateFee
from domain.money import ZERO, money


@dataclass(frozen=True)
class LateFeeResult:
    days: int  # the days the fee was charged for (0 within the grace)
    amount: Decimal
    capped: bool  # the fee was held to the overdue amount


def late_fee(amount_overdue: Decimal, due_on: date, paid_or_today: date,
             clause: LateFee) -> LateFeeResult:
    """The fee on ``amount_overdue`` due on ``due_on`` and paid (or still open) on
    ``paid_or_today``.

    Raises ``ValueError`` on a negative rate or grace: the clause's validation should have
    refused it, and a fee computed from it would be a wrong bill.
    """
    if clause.rate_per_day < 0 or clause.grace_days < 0:
        raise ValueError(f"a late fee needs a rate and grace of zero or more: {clause}")
    late = (paid_or_today - due_on).days
    if amount_overdue <= 0 or late <= clause.grace_days:
        return LateFeeResult(0, ZERO, False)
    days = late if clause.from_due_date else late - clause.grace_days
    fee = amount_overdue * clause.rate_per_day * days
    capped = clause.capped and fee > amount_overdue
    return LateFeeResult(days, money(amount_overdue if capped else fee), capped)


def late_fees(open_items: Iterable[tuple[Decimal, date]], on: date, clause: LateFee) -> Decimal:
    """The fees on each open item (amount overdue, due date) as of ``on``, added up: each
    rounded on its own, as each would be billed."""
    return sum((late_fee(amount, due_on, on, clause).amount for amount, due_on in open_items),
               ZERO)
