"""Allocating money to open bills: oldest first, whole bills then one in part, to the cent."""

from __future__ import annotations

import doctest
import uuid
from datetime import date, timedelta
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

import domain.billing.allocation
from domain.billing.allocation import (
    Allocated,
    Part,
    RemainderUse,
    Reversal,
    allocate,
    remainder_uses,
    reversals_for_credit,
)
from domain.billing.balances import AllocationEntry, OpenItem, oldest_first

D = Decimal


def u(n: int) -> uuid.UUID:
    return uuid.UUID(int=n)


def item(n: int, amount: str, due: date = date(2026, 1, 1), charge: str = "rent",
         period: date | None = None) -> OpenItem:
    return OpenItem(u(n), u(900), u(800), "HT-2026-0001", charge, period or due, due, D(amount),
                    D(amount))


def plan(allocated: Allocated) -> tuple[list[tuple[int, str]], str]:
    return [(p.bill_id.int, str(p.amount)) for p in allocated.parts], str(allocated.remainder)


def test_the_module_examples_hold():
    assert doctest.testmod(domain.billing.allocation).failed == 0


def test_a_partial_payment_pays_the_oldest_whole_and_the_next_in_part():
    items = [item(3, "1500.00", date(2026, 3, 1)), item(1, "1000.00", date(2026, 1, 1)),
             item(2, "1200.50", date(2026, 2, 1))]
    assert plan(allocate(D("2200.51"), items)) == ([(1, "1000.00"), (2, "1200.50"),
                                                    (3, "0.01")], "0.00")
    assert plan(allocate(D("999.99"), items)) == ([(1, "999.99")], "0.00")
    assert plan(allocate(D("1000.00"), items)) == ([(1, "1000.00")], "0.00")


def test_an_overpayment_pays_everything_and_leaves_the_rest():
    items = [item(1, "0.01"), item(2, "99.99", date(2026, 2, 1))]
    parts, remainder = allocate(D("150.00"), items)
    assert [(p.bill_id.int, p.amount) for p in parts] == [(1, D("0.01")), (2, D("99.99"))]
    assert remainder == D("50.00")
    assert plan(allocate(D("5.00"), [])) == ([], "5.00")  # nothing open: all left over


def test_ties_on_due_date_go_by_period_then_charge():
    due = date(2026, 6, 25)
    items = [item(1, "10.00", due, "late_fee"), item(2, "10.00", due, "property_fee"),
             item(3, "10.00", due, "rent"), item(4, "10.00", due, "rent", date(2026, 8, 1))]
    assert plan(allocate(D("25.00"), items)) == ([(3, "10.00"), (2, "10.00"), (1, "5.00")],
                                                 "0.00")


def test_a_person_can_choose_the_order():
    items = [item(2, "10.00", date(2026, 2, 1)), item(1, "10.00", date(2026, 1, 1))]
    assert plan(allocate(D("15.00"), items, in_order=True)) == ([(2, "10.00"), (1, "5.00")],
                                                                 "0.00")


def test_nothing_open_is_passed_over_and_zero_allocates_nothing():
    items = [item(1, "0.00"), item(2, "10.00", date(2026, 2, 1))]
    assert plan(allocate(D("10.00"), items)) == ([(2, "10.00")], "0.00")
    assert plan(allocate(D("0"), items)) == ([], "0.00")


@pytest.mark.parametrize("amount", ["-0.01", "10.001", "0.005"])
def test_an_amount_below_zero_or_finer_than_a_cent_is_refused(amount):
    with pytest.raises(ValueError):
        allocate(D(amount), [item(1, "10.00")])


def test_the_remainder_is_proposed_as_credit_refund_or_the_deposit():
    assert remainder_uses(D("0.00")) == ()
    assert remainder_uses(D("12.00")) == (RemainderUse.HOLD_AS_CREDIT, RemainderUse.REFUND)
    assert remainder_uses(D("12.00"), deposit_short=D("5000.00")) == (
        RemainderUse.APPLY_TO_DEPOSIT, RemainderUse.HOLD_AS_CREDIT, RemainderUse.REFUND)


money_cents = st.integers(1, 10_000_000).map(lambda c: D(c).scaleb(-2))


@st.composite
def open_lists(draw):
    count = draw(st.integers(0, 12))
    return [item(n + 1, str(draw(money_cents)),
                 date(2026, 1, 1) + timedelta(days=draw(st.integers(0, 90))),
                 draw(st.sampled_from(["rent", "property_fee", "late_fee", "water"])))
            for n in range(count)]


@given(open_lists(), st.integers(0, 50_000_000).map(lambda c: D(c).scaleb(-2)))
def test_every_cent_is_allocated_or_left_over_oldest_first(items, amount):
    parts, remainder = allocate(amount, items)
    assert sum((p.amount for p in parts), D(0)) + remainder == amount
    assert remainder >= 0
    ordered = sorted(items, key=oldest_first)
    # the parts are a prefix of the oldest-first list: all whole but perhaps the last
    assert [p.bill_id for p in parts] == [i.bill_id for i in ordered[:len(parts)]]
    for n, (part, open_item) in enumerate(zip(parts, ordered, strict=False)):
        assert 0 < part.amount <= open_item.amount
        assert part.amount.as_tuple().exponent == -2
        if n < len(parts) - 1:
            assert part.amount == open_item.amount
    if remainder > 0:
        assert len(parts) == len(items)
        assert all(p.amount == i.amount for p, i in zip(parts, ordered, strict=True))
    else:
        assert sum((p.amount for p in parts), D(0)) == amount


# -- credits over allocated money ---------------------------------------------------------


def alloc(n: int, payment: int, amount: str, bill_n: int = 1,
          reverses: int | None = None) -> AllocationEntry:
    return AllocationEntry(u(n), u(payment), u(bill_n), D(amount),
                           None if reverses is None else u(reverses))


def test_a_credit_within_the_open_balance_reverses_nothing():
    assert reversals_for_credit(u(1), D("40.00"), D("40.00"), [alloc(20, 10, "60.00")]) == []


def test_a_credit_over_paid_money_reverses_the_newest_allocations_first():
    ledger = [alloc(20, 10, "60.00"), alloc(21, 11, "30.00"), alloc(22, 12, "5.00", bill_n=2),
              alloc(23, 11, "-10.00", bill_n=1, reverses=21)]
    # bill 1: 100 billed, 60 + 30 − 10 = 80 allocated, 20 open; a credit of 50 frees 30
    assert reversals_for_credit(u(1), D("50.00"), D("20.00"), ledger) == [
        Reversal(u(21), D("20.00")), Reversal(u(20), D("10.00"))]
    assert reversals_for_credit(u(1), D("100.00"), D("20.00"), ledger) == [
        Reversal(u(21), D("20.00")), Reversal(u(20), D("60.00"))]


def test_a_credit_larger_than_the_bill_is_refused():
    with pytest.raises(ValueError, match="more than"):
        reversals_for_credit(u(1), D("100.01"), D("40.00"), [alloc(20, 10, "60.00")])


def test_parts_and_reversals_are_plain_pairs():
    assert Part(u(1), D("1.00")) == (u(1), D("1.00"))
    assert Reversal(u(1), D("1.00")).entry_id == u(1)
