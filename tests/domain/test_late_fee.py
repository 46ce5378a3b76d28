"""Late fees per day on overdue amounts: days counted, grace, cap, rounding once."""

from __future__ import annotations

import doctest
from datetime import date, timedelta
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

import domain.leasing.late_fee
from domain.leasing.clauses import LateFee
from domain.leasing.late_fee import LateFeeResult, late_fee, late_fees

D = Decimal
DUE = date(2026, 3, 1)


def test_the_module_examples():
    assert doctest.testmod(domain.leasing.late_fee).failed == 0


def test_paid_on_the_due_date_costs_nothing_and_each_day_after_costs_the_rate():
    clause = LateFee(D("0.0005"))
    assert late_fee(D("20000.00"), DUE, DUE, clause) == LateFeeResult(0, D("0.00"), False)
    assert late_fee(D("20000.00"), DUE, DUE - timedelta(days=3), clause).amount == D("0.00")
    assert late_fee(D("20000.00"), DUE, date(2026, 3, 2), clause) == LateFeeResult(
        1, D("10.00"), False)
    assert late_fee(D("20000.00"), DUE, date(2026, 4, 30), clause) == LateFeeResult(
        60, D("600.00"), False)


def test_grace_days_then_the_days_after_them_or_every_day_from_the_due_date():
    after_grace = LateFee(D("0.001"), grace_days=10)
    assert late_fee(D("1000.00"), DUE, date(2026, 3, 11), after_grace).days == 0
    assert late_fee(D("1000.00"), DUE, date(2026, 3, 12), after_grace) == LateFeeResult(
        1, D("1.00"), False)
    from_due = LateFee(D("0.001"), grace_days=10, from_due_date=True)
    assert late_fee(D("1000.00"), DUE, date(2026, 3, 11), from_due).days == 0
    assert late_fee(D("1000.00"), DUE, date(2026, 3, 12), from_due) == LateFeeResult(
        11, D("11.00"), False)


def test_capped_at_the_overdue_amount_unless_the_clause_says_otherwise():
    a_year_and_more = date(2029, 3, 1)  # 1,096 days at 0.1 %: 109.6 % of the amount
    assert late_fee(D("500.00"), DUE, a_year_and_more, LateFee(D("0.001"))) == LateFeeResult(
        1096, D("500.00"), True)
    assert late_fee(D("500.00"), DUE, a_year_and_more,
                    LateFee(D("0.001"), capped=False)) == LateFeeResult(1096, D("548.00"), False)


def test_rounded_once_half_up_and_nothing_on_a_credit():
    # 333.33 × 0.0005 × 3 = 0.499995 → 0.50 (rounding each day's 0.17 would give 0.51)
    assert late_fee(D("333.33"), DUE, date(2026, 3, 4), LateFee(D("0.0005"))).amount == D("0.50")
    assert late_fee(D("-100.00"), DUE, date(2026, 6, 1), LateFee(D("0.0005"))).amount == D("0.00")
    assert late_fee(D("0.00"), DUE, date(2026, 6, 1), LateFee(D("0.0005"))).days == 0


def test_a_negative_rate_or_grace_is_refused():
    with pytest.raises(ValueError):
        late_fee(D(100), DUE, date(2026, 4, 1), LateFee(D("-0.001")))
    with pytest.raises(ValueError):
        late_fee(D(100), DUE, date(2026, 4, 1), LateFee(D("0.001"), grace_days=-1))


def test_late_fees_add_up_each_open_items_fee():
    clause = LateFee(D("0.0005"), grace_days=5)
    items = [(D("10000.00"), date(2026, 3, 1)),   # 30 days late, 25 charged: 125.00
             (D("333.33"), date(2026, 3, 23)),     # 8 late, 3 charged: 0.50
             (D("5000.00"), date(2026, 3, 28)),    # inside the grace: 0
             (D("800.00"), date(2026, 4, 15))]     # not due yet: 0
    assert late_fees(items, date(2026, 3, 31), clause) == D("125.50")
    assert late_fees([], date(2026, 3, 31), clause) == D("0.00")


@given(st.integers(1, 10**8), st.integers(0, 2000), st.integers(0, 30), st.integers(1, 50),
       st.booleans(), st.booleans())
def test_the_fee_follows_the_rule_for_any_amount_and_dates(
        cents: int, late: int, grace: int, rate: int, capped: bool, from_due: bool) -> None:
    amount = D(cents).scaleb(-2)
    clause = LateFee(D(rate).scaleb(-4), capped=capped, grace_days=grace,
                     from_due_date=from_due)
    result = late_fee(amount, DUE, DUE + timedelta(days=late), clause)
    days = 0 if late <= grace else late if from_due else late - grace
    assert result.days == days
    assert result.amount >= 0 and result.amount.as_tuple().exponent == -2
    if capped:
        assert result.amount <= amount
    exact = amount * clause.rate_per_day * days
    assert abs(result.amount - (amount if result.capped else exact)) <= D("0.005")
